//! Percentiles and the `bench <name> <value> <unit>` lines every benchmark prints.

/// The `p`-th percentile (0–100) of `samples`, nearest rank; 0 for no samples.
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn median(samples: &[f64]) -> f64 {
    percentile(samples, 50.0)
}

/// One result line. Values below 100 keep two decimals (milliseconds, ratios); larger ones are
/// printed whole (bytes, counts).
pub fn line(name: &str, value: f64, unit: &str) -> String {
    if value.abs() >= 100.0 || value.fract() == 0.0 {
        format!("bench {name} {value:.0} {unit}")
    } else {
        format!("bench {name} {value:.2} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_uses_nearest_rank() {
        let xs: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&xs, 50.0), 50.0);
        assert_eq!(percentile(&xs, 95.0), 95.0);
        assert_eq!(percentile(&xs, 100.0), 100.0);
        assert_eq!(percentile(&[3.0, 1.0, 2.0], 50.0), 2.0);
        assert_eq!(percentile(&[], 50.0), 0.0);
    }

    #[test]
    fn line_has_the_bench_shape() {
        assert_eq!(line("x_p95", 1.234, "ms"), "bench x_p95 1.23 ms");
        assert_eq!(
            line("x_bytes", 123456.0, "bytes"),
            "bench x_bytes 123456 bytes"
        );
        assert_eq!(line("n", 7.0, "words"), "bench n 7 words");
    }
}
