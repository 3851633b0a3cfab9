//! Document similarity for ranking "other coverage of this story": TF-IDF cosine over stems.

use super::matcher::Prepared;
use crate::extract::FxMap as HashMap;
use crate::text;

/// Term statistics over a set of documents, for TF-IDF vectors.
#[derive(Clone, Debug, Default)]
pub struct SimilarityModel {
    df: HashMap<String, u32>,
    docs: u32,
}

/// A sparse TF-IDF vector, unit length, sorted by term.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocVector(Vec<(String, f64)>);

impl SimilarityModel {
    /// Counts document frequencies over `docs`: the documents being compared plus any background
    /// documents, which sharpen the statistics without being compared themselves.
    pub fn new<'a>(docs: impl IntoIterator<Item = &'a str>) -> SimilarityModel {
        let mut model = SimilarityModel::default();
        for doc in docs {
            let mut terms = text::stemmed_words(doc);
            terms.sort_unstable();
            terms.dedup();
            for t in terms {
                *model.df.entry(t).or_default() += 1;
            }
            model.docs += 1;
        }
        model
    }

    /// Smoothed IDF, `ln((N + 1) / (df + 1)) + 1`, so a term in every document still counts a little.
    pub fn idf(&self, term: &str) -> f64 {
        let df = self.df.get(term).copied().unwrap_or(0) as f64;
        ((self.docs as f64 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// The unit TF-IDF vector of a document, with sublinear term frequency (`1 + ln tf`) so a
    /// name repeated in every paragraph does not drown the rest.
    pub fn vector(&self, doc: &str) -> DocVector {
        let mut tf: HashMap<String, u32> = HashMap::default();
        for t in text::stemmed_words(doc) {
            *tf.entry(t).or_default() += 1;
        }
        let mut v: Vec<(String, f64)> = tf
            .into_iter()
            .map(|(t, n)| {
                let w = (1.0 + (n as f64).ln()) * self.idf(&t);
                (t, w)
            })
            .collect();
        let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|x| x.1 /= norm);
        }
        v.sort_by(|x, y| x.0.cmp(&y.0));
        DocVector(v)
    }
}

impl DocVector {
    /// Cosine similarity, 0..1 (0 when either document has no terms).
    pub fn cosine(&self, other: &DocVector) -> f64 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot.clamp(0.0, 1.0)
    }
}

/// The N×N cosine similarity matrix of `docs`; `background` documents feed the term statistics
/// only. The diagonal is 1 for any document with at least one term.
pub fn similarity_matrix(docs: &[&str], background: &[&str]) -> Vec<Vec<f64>> {
    let model = SimilarityModel::new(docs.iter().chain(background).copied());
    let vectors: Vec<DocVector> = docs.iter().map(|d| model.vector(d)).collect();
    vectors
        .iter()
        .map(|x| vectors.iter().map(|y| x.cosine(y)).collect())
        .collect()
}

/// Similarity of two documents alone, 0..1, with `background` documents for term statistics.
pub fn document_similarity(a: &str, b: &str, background: &[&str]) -> f64 {
    similarity_matrix(&[a, b], background)[0][1]
}

/// Cosine similarity of two documents given as prepared sentences, weighting each content stem
/// by its IDF (already in the sentences) and the log of how many sentences use it. This is what
/// [`compare`](super::compare) reports: it reuses the work alignment did.
pub fn prepared_similarity(a: &[Prepared], b: &[Prepared]) -> f64 {
    let vector = |doc: &[Prepared]| -> Vec<(u64, f64)> {
        let mut tf: HashMap<u64, (u32, f32)> = HashMap::default();
        for p in doc {
            for &(h, w) in p.content() {
                let e = tf.entry(h).or_insert((0, w));
                e.0 += 1;
            }
        }
        let mut v: Vec<(u64, f64)> = tf
            .into_iter()
            .map(|(h, (n, w))| (h, (1.0 + (n as f64).ln()) * w as f64))
            .collect();
        v.sort_unstable_by_key(|x| x.0);
        v
    };
    let (va, vb) = (vector(a), vector(b));
    let norm = |v: &[(u64, f64)]| v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
    let (na, nb) = (norm(&va), norm(&vb));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < va.len() && j < vb.len() {
        match va[i].0.cmp(&vb[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += va[i].1 * vb[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    (dot / (na * nb)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_A: &str = include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt");
    const SEED_B: &str = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");
    const OTHER: &str =
        "The central bank left interest rates unchanged on Thursday, citing slowing \
        inflation and a cooling labour market. Economists had expected the pause.";

    #[test]
    fn coverage_of_the_same_story_ranks_above_an_unrelated_story() {
        let m = similarity_matrix(&[SEED_A, SEED_B, OTHER], &[]);
        assert!(m[0][1] > 0.2, "{m:?}");
        assert!(m[0][1] > 3.0 * m[0][2], "{m:?}");
        assert!(m[1][2] < 0.1, "{m:?}");
    }

    #[test]
    fn matrix_is_symmetric_with_unit_diagonal() {
        let m = similarity_matrix(&[SEED_A, SEED_B, OTHER], &[]);
        for (i, row) in m.iter().enumerate() {
            assert!((row[i] - 1.0).abs() < 1e-9);
            for (j, v) in row.iter().enumerate() {
                assert!((v - m[j][i]).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn background_documents_change_weights_not_the_matrix_size() {
        let without = similarity_matrix(&[SEED_A, SEED_B], &[]);
        let with = similarity_matrix(&[SEED_A, SEED_B], &[OTHER, OTHER]);
        assert_eq!(with.len(), 2);
        assert!((with[0][1] - without[0][1]).abs() > 1e-6);
    }

    #[test]
    fn empty_document_is_similar_to_nothing() {
        let m = similarity_matrix(&["", SEED_A], &[]);
        assert_eq!(m[0][0], 0.0);
        assert_eq!(m[0][1], 0.0);
    }
}
