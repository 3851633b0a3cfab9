//! Near-duplicates: the same wire story run by two outlets, found by shared word 5-grams.
//!
//! Two reports of one event share names and facts but rarely five words in a row; two copies of
//! one wire story share most of their 5-grams even with a new headline, a dropped paragraph or
//! some site clutter. Words are compared as [`crate::text`] normalises them, so case, accents and
//! typographic quotes do not matter.

use crate::compare::matcher::hash_str;
use crate::corpus::Article;
use crate::text::tokenize;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;

/// Words per shingle: long enough that common phrases ("the president of the") rarely match
/// across independent reports, short enough that an edit breaks only a few shingles.
const SHINGLE_WORDS: usize = 5;

/// Share of the shorter article's shingles that must appear in the other.
const MIN_CONTAINMENT: f64 = 0.5;

/// Jaccard floor, so a one-paragraph brief quoted inside a long feature is not its duplicate,
/// unless the shared passage is long in itself ([`MIN_SHARED_LONG`] shingles).
const MIN_JACCARD: f64 = 0.2;
const MIN_SHARED_LONG: usize = 60;

/// An article among `others` that tells the same story in (nearly) the same words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NearDuplicate {
    /// Position in `others`.
    pub index: usize,
    /// Share of the shorter article's word 5-grams found in the longer one, 0..=1.
    pub similarity: f64,
}

/// Articles among `others` that tell the same story in (nearly) the same words as `article`, most
/// similar first. `article` itself (the same id) is never among them.
///
/// This shingles every article on each call; to check many articles against a library, keep a
/// [`Fingerprint`] per article and use [`near_duplicates_among`].
pub fn near_duplicates(article: &Article, others: &[Article]) -> Vec<NearDuplicate> {
    let others: Vec<Fingerprint> = others.iter().map(fingerprint).collect();
    near_duplicates_among(&fingerprint(article), &others)
}

/// What near-duplicate detection needs of an article, computed once: its id and the hashes of
/// its word 5-grams.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fingerprint {
    pub id: String,
    shingles: Vec<u64>,
}

pub fn fingerprint(article: &Article) -> Fingerprint {
    Fingerprint {
        id: article.id.clone(),
        shingles: shingles(article),
    }
}

/// [`near_duplicates`] over fingerprints; `index` is the position in `others`. The fingerprints
/// may be shared (`Rc<Fingerprint>`), so a caller keeping them between calls never copies them.
pub fn near_duplicates_among<F: Borrow<Fingerprint>>(
    article: &Fingerprint,
    others: &[F],
) -> Vec<NearDuplicate> {
    let mine = &article.shingles;
    if mine.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<NearDuplicate> = others
        .iter()
        .map(Borrow::borrow)
        .enumerate()
        .filter(|(_, other)| other.id != article.id)
        .filter_map(|(index, other)| {
            let theirs = &other.shingles;
            let shared = intersection(mine, theirs);
            let smaller = mine.len().min(theirs.len()).max(1);
            let containment = shared as f64 / smaller as f64;
            let jaccard = shared as f64 / (mine.len() + theirs.len() - shared).max(1) as f64;
            (containment >= MIN_CONTAINMENT
                && (jaccard >= MIN_JACCARD || shared >= MIN_SHARED_LONG))
                .then_some(NearDuplicate {
                    index,
                    similarity: containment,
                })
        })
        .collect();
    found.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
    found
}

/// Sorted, distinct hashes of the body's word 5-grams (the title is left out: outlets rewrite
/// headlines).
fn shingles(article: &Article) -> Vec<u64> {
    let words: Vec<u64> = article
        .paragraphs
        .iter()
        .flat_map(|p| tokenize(p))
        .map(|t| hash_str(&t.norm))
        .collect();
    let mut out: Vec<u64> = words
        .windows(SHINGLE_WORDS)
        .map(|w| {
            w.iter().fold(0u64, |h, &x| {
                (h.rotate_left(23) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Shingles in both sorted sets.
fn intersection(a: &[u64], b: &[u64]) -> usize {
    a.iter().filter(|h| b.binary_search(h).is_ok()).count()
}
