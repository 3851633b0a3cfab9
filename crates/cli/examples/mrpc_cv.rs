//! Fits and cross-validates the sentence-pair matcher on the MRPC training pairs.
//!
//! ```text
//! cargo run --release -p parallax-cli --example mrpc_cv -- [MRPC_TSV] [--emit DIR]
//! ```
//!
//! MRPC_TSV defaults to `shared/data/mrpc-train.tsv` beside the repository.
//!
//! 10-fold cross-validation of a logistic regression (plain full-batch gradient descent on
//! standardised features) over `parallax_core::compare::matcher::features`. In each fold the IDF
//! table is counted on the training part only, and the decision threshold is the one that
//! maximises accuracy on the training part; the reported accuracy and F1 are on the held-out parts.
//! Training parts also get synthetic negatives (see `main`); held-out parts are real pairs only.
//! The final model is trained on all pairs; its threshold is the one that maximises accuracy over
//! all out-of-fold predictions. With `--emit DIR` the weights and the IDF table are written as
//! `DIR/weights.rs` and `DIR/idf_table.rs` (the core's `compare/` directory).

use parallax_core::compare::idf::{DfTable, Idf};
use parallax_core::compare::matcher::{
    features, probability_with, Prepared, Preparer, FEATURE_NAMES, NUM_FEATURES,
};
use parallax_core::text;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

const FOLDS: usize = 10;
/// Stems in fewer training sentences than this are left out of the IDF table (and so weigh as
/// unseen): keeps the compiled-in table small at no cost in accuracy.
const MIN_DF: u32 = 4;
const ITERATIONS: usize = 3000;
const LEARNING_RATE: f64 = 0.5;
const L2: f64 = 1e-4;

struct Pair {
    label: bool,
    a: usize,
    b: usize,
    /// For a synthetic negative, the real pair it was made from (it shares that pair's fold).
    synthetic: usize,
}

/// Weight of a synthetic negative relative to a real pair.
const SYNTHETIC_WEIGHT: f64 = 0.5;
/// Random partners tried per synthetic negative; the most overlapping one is kept.
const SYNTHETIC_TRIES: usize = 20;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The project's shared/ directory sits beside the repository checkout.
    let mut path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/mrpc-train.tsv"
    )
    .to_string();
    let mut emit: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--emit" {
            emit = args.get(i + 1).cloned();
            i += 2;
        } else {
            path = args[i].clone();
            i += 1;
        }
    }
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut sentences: Vec<String> = Vec::new();
    let mut pairs = Vec::new();
    for (n, line) in raw.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 {
            panic!("{path}:{}: expected 5 tab-separated columns", n + 1);
        }
        let a = sentences.len();
        sentences.push(cols[3].to_string());
        sentences.push(cols[4].to_string());
        pairs.push(Pair {
            label: cols[0].trim() == "1",
            a,
            b: a + 1,
            synthetic: usize::MAX,
        });
    }

    let mut preparer = Preparer::new();
    let prepared: Vec<Prepared> = sentences
        .iter()
        .map(|s| preparer.prepare_unweighted(s))
        .collect();

    // Deterministic shuffle (LCG) so folds mix the file's order.
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    let mut seed: u64 = 0x5eed;
    for i in (1..order.len()).rev() {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        order.swap(i, (seed >> 33) as usize % (i + 1));
    }
    let mut fold_of: Vec<usize> = {
        let mut f = vec![0; pairs.len()];
        for (rank, &p) in order.iter().enumerate() {
            f[p] = rank % FOLDS;
        }
        f
    };

    // MRPC pairs were picked for lexical overlap, so a model fitted on them alone has never seen
    // two sentences that merely share a topic, and extrapolates badly to them (as alignment
    // meets them all the time). Each real pair gets a synthetic negative: its first sentence with
    // the most overlapping second sentence among a few random other pairs of the same fold (so
    // no held-out sentence is ever seen in training).
    let n_real = pairs.len();
    let mut by_fold: Vec<Vec<usize>> = vec![Vec::new(); FOLDS];
    for p in 0..n_real {
        by_fold[fold_of[p]].push(p);
    }
    for p in 0..n_real {
        let mut best = (usize::MAX, -1.0);
        for _ in 0..SYNTHETIC_TRIES {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let same_fold = &by_fold[fold_of[p]];
            let q = same_fold[(seed >> 33) as usize % same_fold.len()];
            if q == p || sentences[pairs[q].b] == sentences[pairs[p].a] {
                continue;
            }
            let overlap = shared_stems(&prepared[pairs[p].a], &prepared[pairs[q].b]);
            if overlap > best.1 {
                best = (q, overlap);
            }
        }
        if best.0 != usize::MAX {
            pairs.push(Pair {
                label: false,
                a: pairs[p].a,
                b: pairs[best.0].b,
                synthetic: p,
            });
        }
    }
    let is_real = |p: usize| p < n_real;
    for p in n_real..pairs.len() {
        fold_of.push(fold_of[pairs[p].synthetic]);
    }

    let mut oof = vec![0.0; n_real];
    let (mut tp, mut fp, mut fn_, mut correct) = (0usize, 0usize, 0usize, 0usize);
    for fold in 0..FOLDS {
        let train: Vec<usize> = (0..pairs.len()).filter(|&p| fold_of[p] != fold).collect();
        let test: Vec<usize> = (0..n_real).filter(|&p| fold_of[p] == fold).collect();
        let idf = idf_from(&pairs, &train, &prepared);
        let x = feature_matrix(&pairs, &prepared, &idf);
        let y: Vec<bool> = pairs.iter().map(|p| p.label).collect();
        let w = fit(&train, &x, &y, n_real);
        let real_train: Vec<usize> = train.iter().copied().filter(|&p| is_real(p)).collect();
        let train_probs: Vec<f64> = real_train
            .iter()
            .map(|&p| probability_with(&x[p], &w))
            .collect();
        let train_labels: Vec<bool> = real_train.iter().map(|&p| y[p]).collect();
        let threshold = best_threshold(&train_probs, &train_labels);
        for &p in &test {
            let prob = probability_with(&x[p], &w);
            oof[p] = prob;
            let predicted = prob >= threshold;
            correct += (predicted == y[p]) as usize;
            match (predicted, y[p]) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                _ => {}
            }
        }
    }
    let accuracy = correct as f64 / n_real as f64;
    let f1 = 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64;
    println!("bench mrpc_train_cv_accuracy {:.2} %", 100.0 * accuracy);
    println!("bench mrpc_train_cv_f1 {:.2} %", 100.0 * f1);

    let labels: Vec<bool> = pairs.iter().map(|p| p.label).collect();
    let threshold = best_threshold(&oof, &labels[..n_real]);
    if std::env::var_os("MRPC_ERRORS").is_some() {
        for (p, pair) in pairs.iter().enumerate().take(n_real) {
            if (oof[p] >= threshold) != pair.label {
                eprintln!(
                    "{} {:.2}\n  {}\n  {}",
                    pair.label as u8, oof[p], sentences[pair.a], sentences[pair.b]
                );
            }
        }
    }
    eprintln!("out-of-fold threshold {threshold:.4}");

    let all: Vec<usize> = (0..pairs.len()).collect();
    let idf = idf_from(&pairs, &all, &prepared);
    let x = feature_matrix(&pairs, &prepared, &idf);
    let w = fit(&all, &x, &labels, n_real);
    for (name, wi) in FEATURE_NAMES.iter().zip(&w) {
        eprintln!("  {name:24} {wi:+.4}");
    }
    if let Some(dir) = emit {
        write_weights(&format!("{dir}/weights.rs"), &w, threshold, accuracy, f1);
        write_table(&format!("{dir}/idf_table.rs"), &sentences);
    }
}

/// Distinct content stems two sentences share.
fn shared_stems(a: &Prepared, b: &Prepared) -> f64 {
    let set: HashSet<u64> = a.content().iter().map(|c| c.0).collect();
    b.content().iter().filter(|c| set.contains(&c.0)).count() as f64
}

fn idf_from(pairs: &[Pair], which: &[usize], prepared: &[Prepared]) -> Idf {
    // Synthetic pairs reuse real sentences: count each sentence once.
    let which = which.iter().filter(|&&p| pairs[p].synthetic == usize::MAX);
    let sets = which.flat_map(|&p| [prepared[pairs[p].a].stems(), prepared[pairs[p].b].stems()]);
    Idf::from_table(Arc::new(DfTable::from_sets(sets, MIN_DF)))
}

fn feature_matrix(pairs: &[Pair], prepared: &[Prepared], idf: &Idf) -> Vec<[f64; NUM_FEATURES]> {
    let weighed: Vec<Prepared> = prepared
        .iter()
        .map(|p| {
            let mut p = p.clone();
            p.weigh(idf);
            p
        })
        .collect();
    pairs
        .iter()
        .map(|p| features(&weighed[p.a], &weighed[p.b]))
        .collect()
}

/// Logistic regression by plain gradient descent on standardised features; returns weights for
/// the raw features (standardisation folded back in, the bias last).
fn fit(rows: &[usize], x: &[[f64; NUM_FEATURES]], y: &[bool], real: usize) -> [f64; NUM_FEATURES] {
    let d = NUM_FEATURES - 1;
    let n = rows.len() as f64;
    let mut mean = vec![0.0; d];
    let mut sd = vec![0.0; d];
    for &r in rows {
        for k in 0..d {
            mean[k] += x[r][k] / n;
        }
    }
    for &r in rows {
        for k in 0..d {
            sd[k] += (x[r][k] - mean[k]).powi(2) / n;
        }
    }
    for s in &mut sd {
        *s = s.sqrt().max(1e-9);
    }
    let z: Vec<Vec<f64>> = rows
        .iter()
        .map(|&r| {
            (0..d)
                .map(|k| (x[r][k] - mean[k]) / sd[k])
                .chain([1.0])
                .collect()
        })
        .collect();
    let t: Vec<f64> = rows.iter().map(|&r| if y[r] { 1.0 } else { 0.0 }).collect();
    let sw: Vec<f64> = rows
        .iter()
        .map(|&r| if r < real { 1.0 } else { SYNTHETIC_WEIGHT })
        .collect();
    let n: f64 = sw.iter().sum();
    let mut w = vec![0.0; d + 1];
    let mut grad = vec![0.0; d + 1];
    for _ in 0..ITERATIONS {
        grad.iter_mut().for_each(|g| *g = 0.0);
        for ((zi, ti), si) in z.iter().zip(&t).zip(&sw) {
            let s: f64 = zi.iter().zip(&w).map(|(a, b)| a * b).sum();
            let err = (1.0 / (1.0 + (-s).exp()) - ti) * si;
            for (g, v) in grad.iter_mut().zip(zi) {
                *g += err * v;
            }
        }
        for k in 0..=d {
            let reg = if k < d { L2 * w[k] } else { 0.0 };
            w[k] -= LEARNING_RATE * (grad[k] / n + reg);
        }
    }
    let mut raw = [0.0; NUM_FEATURES];
    let mut bias = w[d];
    for k in 0..d {
        raw[k] = w[k] / sd[k];
        bias -= w[k] * mean[k] / sd[k];
    }
    raw[d] = bias;
    raw
}

/// The threshold with the highest accuracy (midpoint between neighbouring scores).
fn best_threshold(probs: &[f64], labels: &[bool]) -> f64 {
    let mut idx: Vec<usize> = (0..probs.len()).collect();
    idx.sort_by(|&a, &b| probs[a].total_cmp(&probs[b]));
    // Predict positive for everything at or above position i.
    let mut correct: i64 = labels.iter().filter(|&&l| l).count() as i64;
    let (mut best, mut best_t) = (correct, 0.0);
    for (rank, &i) in idx.iter().enumerate() {
        correct += if labels[i] { -1 } else { 1 };
        let next = idx.get(rank + 1).map_or(1.0, |&j| probs[j]);
        if correct > best {
            best = correct;
            best_t = (probs[i] + next) / 2.0;
        }
    }
    best_t
}

fn write_weights(path: &str, w: &[f64; NUM_FEATURES], threshold: f64, acc: f64, f1: f64) {
    let mut out = String::new();
    out.push_str(
        "//! Weights of the sentence-pair matcher, generated: do not edit by hand.\n//!\n",
    );
    out.push_str("//! Produced by `cargo run --release -p parallax-cli --example mrpc_cv -- --emit crates/core/src/compare`:\n");
    out.push_str("//! logistic regression by plain gradient descent on all 4,076 MRPC training pairs plus one synthetic\n");
    out.push_str("//! negative per pair (weight 0.5; a sentence with the most overlapping sentence of another pair, so\n");
    out.push_str("//! the model has seen topic-only overlap), features as in `matcher::features`, IDF from the same\n");
    out.push_str(
        "//! sentences (`idf_table.rs`). The threshold maximises accuracy on the real pairs\n",
    );
    out.push_str(&format!(
        "//! over 10-fold out-of-fold predictions; 10-fold CV: accuracy {:.2} %, F1 {:.2} %.\n\n",
        100.0 * acc,
        100.0 * f1
    ));
    out.push_str("use super::matcher::NUM_FEATURES;\n\n");
    out.push_str("/// One weight per `matcher::FEATURE_NAMES` entry, bias last.\n");
    out.push_str("pub const WEIGHTS: [f64; NUM_FEATURES] = [\n");
    for (name, wi) in FEATURE_NAMES.iter().zip(w) {
        out.push_str(&format!("    {wi:.6}, // {name}\n"));
    }
    out.push_str("];\n\n/// Scores at or above this mean \"same claim\".\n");
    out.push_str(&format!("pub const THRESHOLD: f64 = {threshold:.4};\n"));
    std::fs::write(path, out).unwrap_or_else(|e| panic!("{path}: {e}"));
}

fn write_table(path: &str, sentences: &[String]) {
    let mut df: HashMap<String, u32> = HashMap::new();
    for s in sentences {
        let stems: HashSet<String> = text::tokenize(s)
            .iter()
            .map(|t| text::stem(&t.norm))
            .collect();
        for stem in stems {
            *df.entry(stem).or_default() += 1;
        }
    }
    let mut by_df: BTreeMap<std::cmp::Reverse<u32>, Vec<String>> = BTreeMap::new();
    for (stem, n) in df {
        if n >= MIN_DF && !stem.contains([' ', '\n', '"', '\\']) {
            by_df.entry(std::cmp::Reverse(n)).or_default().push(stem);
        }
    }
    let mut out = String::new();
    out.push_str("//! Document frequencies of stems over the 8,152 sentences of the MRPC training pairs (stems in\n");
    out.push_str(&format!("//! fewer than {MIN_DF} sentences left out), generated by the `mrpc_cv` example: do not edit.\n"));
    out.push_str("//! Each line: a document frequency, then the stems that have it.\n\n");
    out.push_str("/// Sentences counted.\n");
    out.push_str(&format!("pub const DOCS: u32 = {};\n\n", sentences.len()));
    out.push_str("/// `df stem stem ...` lines.\npub const TABLE: &str = \"\\\n");
    for (n, mut stems) in by_df {
        stems.sort();
        for chunk in stems.chunks(12) {
            out.push_str(&format!("{} {}\n", n.0, chunk.join(" ")));
        }
    }
    out.push_str("\";\n");
    std::fs::write(path, out).unwrap_or_else(|e| panic!("{path}: {e}"));
}
