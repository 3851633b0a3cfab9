//! Aligning the sentences of two articles.
//!
//! News reorders, merges and splits facts, so alignment is not monotone: any sentence may link to
//! any other, one sentence may link to several. To stay sub-quadratic in practice, candidate pairs
//! come from an inverted index over content stems (a stem found in a large share of sentences is
//! not indexed: it cannot tell sentences apart), and only each sentence's best few candidates are
//! scored by the matcher.

use super::matcher::{
    features_and_overlap, features_and_overlap_probed, probability, Prepared, Probe, NUM_FEATURES,
};
use super::weights::THRESHOLD;
use crate::extract::FxMap as HashMap;

/// Candidates kept per sentence, from each side, before full scoring.
pub const CANDIDATES: usize = 6;
/// Below this no pair is linked. The matcher is calibrated on paraphrase pairs (MRPC), so two
/// reports of one fact written independently score far below its paraphrase threshold; being
/// each other's best partner is what makes such a weak score a link.
pub const FLOOR: f64 = 0.02;
/// A pair at or above this links whatever else its sentences match.
pub const STRONG: f64 = THRESHOLD;
/// A sentence's best partner also links at this score when it is within [`RIVAL_SHARE`] of the
/// partner's own best: how one sentence comes to link to several (merges and splits).
const SECONDARY: f64 = 0.1;
const RIVAL_SHARE: f64 = 0.5;
/// Fewest shared content stems for a link that is not [`STRONG`].
const MIN_SHARED: usize = 2;
/// Share of the shorter sentence's content weight found in the other that raises the score of a
/// pair where one sentence summarises part of another, which a whole-sentence paraphrase model
/// scores low.
const CONTAINMENT: f64 = 0.5;
/// Fewest shared content stems for containment to count: two shared names are not a shared fact.
const CONTAINMENT_MIN_SHARED: usize = 3;

/// A scored sentence pair.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scored {
    pub a: usize,
    pub b: usize,
    /// Confidence that the two report the same thing, 0..1.
    pub score: f64,
}

/// Links between sentences of `a` and `b`, sorted by `a`, then `b`. A pair links when it scores
/// [`STRONG`]; or when the two are each other's best partner (above [`FLOOR`], sharing at least
/// [`MIN_SHARED`] content stems); or when one is the other's best partner and the score is
/// [`SECONDARY`] and close to the best either sentence has. A sentence may so link to several.
pub fn align(a: &[Prepared], b: &[Prepared]) -> Vec<Scored> {
    // Candidates come sorted by `a`: each sentence of `a` is loaded once for all its partners.
    let mut probe = Probe::default();
    let mut loaded = usize::MAX;
    let scored: Vec<(Scored, usize)> = candidates(a, b)
        .into_iter()
        .filter_map(|(i, j)| {
            if loaded != i {
                probe.load(&a[i]);
                loaded = i;
            }
            let (score, shared) = scored_pair(
                &a[i],
                &b[j],
                features_and_overlap_probed(&a[i], &probe, &b[j]),
            );
            (score >= FLOOR).then_some((Scored { a: i, b: j, score }, shared))
        })
        .collect();
    let mut best_a = vec![(0.0f64, usize::MAX); a.len()];
    let mut best_b = vec![(0.0f64, usize::MAX); b.len()];
    for (s, _) in &scored {
        if s.score > best_a[s.a].0 {
            best_a[s.a] = (s.score, s.b);
        }
        if s.score > best_b[s.b].0 {
            best_b[s.b] = (s.score, s.a);
        }
    }
    let mut links: Vec<Scored> = scored
        .into_iter()
        .filter(|&(s, shared)| {
            let a_best = best_a[s.a].1 == s.b;
            let b_best = best_b[s.b].1 == s.a;
            let rival = best_a[s.a].0.max(best_b[s.b].0);
            s.score >= STRONG
                || shared >= MIN_SHARED
                    && (a_best && b_best
                        || (a_best || b_best)
                            && s.score >= SECONDARY
                            && s.score >= RIVAL_SHARE * rival)
        })
        .map(|(s, _)| s)
        .collect();
    links.sort_by_key(|x| (x.a, x.b));
    links
}

/// Link confidence of one pair: the matcher's probability, raised for a pair where one sentence
/// is mostly contained in the other (a merge or split the paraphrase model does not reward).
pub fn link_score(a: &Prepared, b: &Prepared) -> f64 {
    scored_pair(a, b, features_and_overlap(a, b)).0
}

/// [`link_score`] and how many content stems the pair shares, from the pair's
/// [`features_and_overlap`].
fn scored_pair(
    a: &Prepared,
    b: &Prepared,
    (features, (shared, count)): ([f64; NUM_FEATURES], (f64, usize)),
) -> (f64, usize) {
    let p = probability(&features);
    let smaller = a.content_mass().min(b.content_mass()) as f64;
    if count >= CONTAINMENT_MIN_SHARED && smaller > 0.0 {
        let containment = shared / smaller;
        if containment >= CONTAINMENT {
            // Maps the containment range [CONTAINMENT, 1] onto [SECONDARY, 0.9].
            let c =
                SECONDARY + (containment - CONTAINMENT) / (1.0 - CONTAINMENT) * (0.9 - SECONDARY);
            return (p.max(c), count);
        }
    }
    (p, count)
}

/// How many pairs [`align`] scores in full for these sentences (for checking it stays far
/// below all pairs).
pub fn candidate_count(a: &[Prepared], b: &[Prepared]) -> usize {
    candidates(a, b).len()
}

/// Pairs worth scoring: for each sentence on either side, its [`CANDIDATES`] best partners by
/// shared content weight (cosine-normalised), found through an inverted index of `b`.
fn candidates(a: &[Prepared], b: &[Prepared]) -> Vec<(usize, usize)> {
    let mut index: HashMap<u64, Vec<u32>> = HashMap::default();
    for (j, p) in b.iter().enumerate() {
        for &(h, _) in p.content() {
            index.entry(h).or_default().push(j as u32);
        }
    }
    // A stem in more sentences than this is too common to separate them; its weight still
    // counts when candidates are scored in full.
    let cap = 16.max(b.len() / 4);
    let norm = |p: &Prepared| {
        (p.content()
            .iter()
            .map(|c| (c.1 as f64).powi(2))
            .sum::<f64>())
        .sqrt()
    };
    let norms_b: Vec<f64> = b.iter().map(norm).collect();
    let mut acc = vec![0.0f64; b.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut best_for_b: Vec<Best> = vec![Best::default(); b.len()];
    let mut pairs = Vec::new();
    for (i, p) in a.iter().enumerate() {
        for &(h, w) in p.content() {
            let Some(post) = index.get(&h) else { continue };
            if post.len() > cap {
                continue;
            }
            for &j in post {
                let j = j as usize;
                if acc[j] == 0.0 {
                    touched.push(j);
                }
                acc[j] += (w as f64).powi(2);
            }
        }
        let na = norm(p);
        let mut best_for_a = Best::default();
        // Ties go to the partner found first: the order of `touched`, and of `i` for `b`.
        for (k, &j) in touched.iter().enumerate() {
            let score = acc[j] / (na * norms_b[j]).max(1e-9);
            best_for_a.offer(score, k, j);
            best_for_b[j].offer(score, i, i);
        }
        for &j in &touched {
            acc[j] = 0.0;
        }
        touched.clear();
        pairs.extend(best_for_a.partners().map(|j| (i, j)));
    }
    for (j, best) in best_for_b.iter().enumerate() {
        pairs.extend(best.partners().map(|i| (i, j)));
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The [`CANDIDATES`] best partners offered to one sentence: highest score first, then first
/// offered (lowest `order`).
#[derive(Clone, Copy, Default)]
struct Best {
    len: usize,
    /// (score, order, partner), best first.
    top: [(f64, usize, usize); CANDIDATES],
}

impl Best {
    fn offer(&mut self, score: f64, order: usize, partner: usize) {
        let beats = |x: &(f64, usize, usize)| score > x.0 || score == x.0 && order < x.1;
        // Most offers do not beat the last of a full list.
        if self.len == CANDIDATES && !beats(&self.top[CANDIDATES - 1]) {
            return;
        }
        let at = self.top[..self.len]
            .iter()
            .position(beats)
            .unwrap_or(self.len);
        if at == CANDIDATES {
            return;
        }
        let end = self.len.min(CANDIDATES - 1);
        self.top.copy_within(at..end, at + 1);
        self.top[at] = (score, order, partner);
        self.len = (self.len + 1).min(CANDIDATES);
    }

    fn partners(&self) -> impl Iterator<Item = usize> + '_ {
        self.top[..self.len].iter().map(|x| x.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::idf::Idf;
    use crate::compare::matcher::Preparer;

    fn prepared(sentences: &[&str]) -> Vec<Prepared> {
        let mut prep = Preparer::new();
        sentences
            .iter()
            .map(|s| prep.prepare(s, Idf::builtin()))
            .collect()
    }

    #[test]
    fn reordered_sentences_align_to_their_partners() {
        let a = prepared(&[
            "The mayor opened a new bridge over the river on Monday.",
            "Heavy rain flooded the northern suburbs overnight.",
            "Schools will stay closed until the water recedes.",
        ]);
        let b = prepared(&[
            "Schools are to remain closed until the flood water recedes.",
            "On Monday the mayor opened the new bridge over the river.",
        ]);
        let links = align(&a, &b);
        let pairs: Vec<(usize, usize)> = links.iter().map(|l| (l.a, l.b)).collect();
        assert!(pairs.contains(&(0, 1)), "{links:?}");
        assert!(pairs.contains(&(2, 0)), "{links:?}");
        assert!(!pairs.iter().any(|&(i, _)| i == 1), "{links:?}");
    }

    #[test]
    fn candidate_lists_keep_the_best_and_the_first_offered_on_ties() {
        let mut best = Best::default();
        let offers = [
            (0.5, 10),
            (0.9, 11),
            (0.5, 12),
            (0.1, 13),
            (0.7, 14),
            (0.5, 15),
            (0.5, 16),
            (0.6, 17),
            (0.95, 18),
        ];
        for (order, &(score, partner)) in offers.iter().enumerate() {
            best.offer(score, order, partner);
        }
        let kept: Vec<usize> = best.partners().collect();
        // 0.95, 0.9, 0.7, 0.6, then the first two of the four 0.5s; never the 0.1.
        assert_eq!(kept, [18, 11, 14, 17, 10, 12]);
    }

    #[test]
    fn a_merged_sentence_links_to_both_halves() {
        let a = prepared(&[
            "The storm destroyed forty homes in the coastal village, and the governor declared a state of emergency.",
        ]);
        let b = prepared(&[
            "Forty homes in the coastal village were destroyed by the storm.",
            "The governor declared a state of emergency on Tuesday.",
        ]);
        let links = align(&a, &b);
        assert_eq!(links.len(), 2, "{links:?}");
    }
}
