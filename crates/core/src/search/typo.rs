//! Typo tolerance: how many edits a word may carry, and a bounded edit distance to check it.

/// Edits allowed for a query word of `chars` characters: 0 up to 4, 1 up to 8, 2 beyond.
///
/// Short words get none because one edit turns them into other real words ("kast"/"cast",
/// "gang"/"hang"); long words can absorb two without colliding.
pub fn typo_budget(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Longest word (in chars) the distance is computed for; longer words only match exactly.
const MAX_LEN: usize = 48;

/// Optimal-string-alignment distance between `a` and `b` (an adjacent transposition is one edit),
/// or `None` if it exceeds `max`. Works on chars so folded non-ASCII letters count once.
///
/// Only the diagonal band `|i - j| <= max` is computed, and rows stop early once every cell
/// exceeds `max`: this runs for thousands of dictionary words per keystroke.
pub fn bounded_distance(a: &str, b: &str, max: u8) -> Option<u8> {
    if a == b {
        return Some(0);
    }
    if max == 0 {
        return None;
    }
    if a.is_ascii() && b.is_ascii() {
        if a.len() > MAX_LEN || b.len() > MAX_LEN {
            return None;
        }
        return osa(a.as_bytes(), b.as_bytes(), max);
    }
    let mut ab = [0u32; MAX_LEN];
    let mut bb = [0u32; MAX_LEN];
    let la = fill(a, &mut ab)?;
    let lb = fill(b, &mut bb)?;
    osa(&ab[..la], &bb[..lb], max)
}

/// Banded OSA over letters of any type; both slices at most [`MAX_LEN`] long.
fn osa<T: PartialEq>(a: &[T], b: &[T], max: u8) -> Option<u8> {
    let (la, lb) = (a.len(), b.len());
    let k = usize::from(max);
    if la.abs_diff(lb) > k {
        return None;
    }
    // Anything above `max` is as good as infinite; u8 rows keep the three buffers small.
    const FAR: u8 = u8::MAX / 2;
    let mut prev2 = [FAR; MAX_LEN + 1];
    let mut prev = [FAR; MAX_LEN + 1];
    let mut cur = [FAR; MAX_LEN + 1];
    for (j, p) in prev.iter_mut().enumerate().take(k.min(lb) + 1) {
        *p = j as u8;
    }
    for i in 1..=la {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(lb);
        cur[0] = if i <= k { i as u8 } else { FAR };
        cur[lo - 1] = if lo == 1 { cur[0] } else { FAR };
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = prev[j]
                .saturating_add(1)
                .min(cur[j - 1].saturating_add(1))
                .min(prev[j - 1].saturating_add(cost));
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2].saturating_add(1));
            }
            cur[j] = v.min(FAR);
            row_min = row_min.min(cur[j]);
        }
        if hi < lb {
            cur[hi + 1] = FAR;
        }
        if row_min > max {
            return None;
        }
        prev2 = prev;
        prev = cur;
    }
    let d = prev[lb];
    (d <= max).then_some(d)
}

fn fill(s: &str, buf: &mut [u32; MAX_LEN]) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        *buf.get_mut(n)? = c as u32;
        n += 1;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_budget_scales_with_word_length() {
        assert_eq!(typo_budget(4), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(8), 1);
        assert_eq!(typo_budget(9), 2);
    }

    #[test]
    fn bounded_distance_counts_insertions_substitutions_and_transpositions() {
        assert_eq!(bounded_distance("bukelle", "bukele", 1), Some(1));
        assert_eq!(bounded_distance("bukale", "bukele", 1), Some(1));
        assert_eq!(bounded_distance("bukeel", "bukele", 1), Some(1));
        assert_eq!(bounded_distance("prison", "prison", 0), Some(0));
    }

    #[test]
    fn bounded_distance_rejects_beyond_the_bound() {
        assert_eq!(bounded_distance("prison", "person", 1), None);
        assert_eq!(bounded_distance("prison", "person", 2), Some(2));
        assert_eq!(bounded_distance("kast", "cast", 0), None);
        assert_eq!(bounded_distance("a", "abcdef", 2), None);
    }

    #[test]
    fn bounded_distance_counts_multibyte_letters_once() {
        assert_eq!(bounded_distance("łodz", "lodz", 1), Some(1));
        assert_eq!(bounded_distance("жук", "жуки", 1), Some(1));
    }

    #[test]
    fn bounded_distance_agrees_with_full_levenshtein_on_many_pairs() {
        // Plain Levenshtein (no transpositions) as an independent reference: OSA is never more.
        fn lev(a: &str, b: &str) -> usize {
            let b: Vec<char> = b.chars().collect();
            let mut row: Vec<usize> = (0..=b.len()).collect();
            for (i, ca) in a.chars().enumerate() {
                let mut diag = row[0];
                row[0] = i + 1;
                for j in 1..=b.len() {
                    let up = row[j];
                    row[j] = (up + 1)
                        .min(row[j - 1] + 1)
                        .min(diag + usize::from(ca != b[j - 1]));
                    diag = up;
                }
            }
            row[b.len()]
        }
        let words = [
            "kast", "cast", "bukele", "bukelle", "prison", "person", "poison", "deport", "report",
            "deported", "salvador", "salvdaor", "a", "", "ab", "ba", "abc", "cecot", "cecots",
        ];
        for a in words {
            for b in words {
                let l = lev(a, b);
                for max in 0..=2u8 {
                    match bounded_distance(a, b, max) {
                        Some(d) => {
                            assert!(usize::from(d) <= l && d <= max, "{a} {b} {max}: {d} vs {l}")
                        }
                        None => assert!(l > usize::from(max), "{a} {b} {max}: lev {l}"),
                    }
                }
            }
        }
    }

    #[test]
    fn bounded_distance_refuses_overlong_words() {
        let long = "a".repeat(MAX_LEN + 1);
        assert_eq!(bounded_distance(&long, &format!("{long}b"), 2), None);
    }
}
