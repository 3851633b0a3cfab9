//! Inverse document frequencies of stems: how much sharing a word says about two sentences.
//!
//! Two sources, blended. A compact built-in table of the document frequencies of common stems in
//! news sentences (`idf_table.rs`, counted over the sentences of the MRPC training pairs, the same
//! statistics the matcher's weights were fitted with) gives general rarity: sharing "said" means
//! little, sharing "deported" means a lot. The documents being compared add their own counts, with
//! as much total weight as the table, so a story's ubiquitous names ("Kast", "CECOT"), unknown to
//! the table, stop looking rare inside that story and cannot glue unrelated sentences together.

use super::idf_table;
use super::matcher::hash_str;
use crate::extract::FxMap as HashMap;
use std::sync::{Arc, OnceLock};

/// Document frequencies keyed by stem hash.
#[derive(Clone, Debug, Default)]
pub struct DfTable {
    df: HashMap<u64, f32>,
    docs: f32,
}

impl DfTable {
    /// Counts documents given as their sets of distinct stem hashes, keeping stems seen in at
    /// least `min_df` documents (rarer ones are treated as unseen, as in the built-in table).
    pub fn from_sets<'a>(sets: impl IntoIterator<Item = &'a [u64]>, min_df: u32) -> DfTable {
        // Counted as floats (exact for any count of documents there can be), so that the map
        // is the table itself.
        let mut df: HashMap<u64, f32> = HashMap::default();
        let mut docs = 0u32;
        for set in sets {
            docs += 1;
            for &h in set {
                *df.entry(h).or_default() += 1.0;
            }
        }
        if min_df > 1 {
            df.retain(|_, n| *n >= min_df as f32);
        }
        DfTable {
            df,
            docs: docs as f32,
        }
    }

    /// Number of documents counted.
    pub fn docs(&self) -> f32 {
        self.docs
    }

    /// Documents containing the stem (0 when unseen or below the cut).
    pub fn df(&self, stem_hash: u64) -> f32 {
        self.df.get(&stem_hash).copied().unwrap_or(0.0)
    }

    fn builtin() -> Arc<DfTable> {
        static TABLE: OnceLock<Arc<DfTable>> = OnceLock::new();
        TABLE
            .get_or_init(|| {
                let mut df = HashMap::default();
                for line in idf_table::TABLE.lines() {
                    let mut parts = line.split(' ');
                    let Some(n) = parts.next().and_then(|n| n.parse::<f32>().ok()) else {
                        continue;
                    };
                    for stem in parts {
                        df.insert(hash_str(stem), n);
                    }
                }
                Arc::new(DfTable {
                    df,
                    docs: idf_table::DOCS as f32,
                })
            })
            .clone()
    }
}

/// IDF weights: a base table, optionally blended with local document counts.
#[derive(Clone, Debug)]
pub struct Idf {
    base: Arc<DfTable>,
    local: Option<DfTable>,
    local_weight: f32,
}

impl Idf {
    /// The built-in table alone.
    pub fn builtin() -> &'static Idf {
        static IDF: OnceLock<Idf> = OnceLock::new();
        IDF.get_or_init(|| Idf::from_table(DfTable::builtin()))
    }

    /// A given table alone (used when fitting the matcher on fresh statistics).
    pub fn from_table(base: Arc<DfTable>) -> Idf {
        Idf {
            base,
            local: None,
            local_weight: 0.0,
        }
    }

    /// The built-in table blended with the stems of local documents (given as stem-hash sets),
    /// the local documents together weighing as much as the table.
    pub fn builtin_with_local<'a>(sets: impl IntoIterator<Item = &'a [u64]>) -> Idf {
        let base = DfTable::builtin();
        let local = DfTable::from_sets(sets, 1);
        let local_weight = if local.docs > 0.0 {
            base.docs / local.docs
        } else {
            0.0
        };
        Idf {
            base,
            local: Some(local),
            local_weight,
        }
    }

    /// Weight of a stem: `ln((N + 1) / (df + 1))` over the blended counts.
    pub fn weight(&self, stem_hash: u64) -> f32 {
        let (mut n, mut df) = (self.base.docs, self.base.df(stem_hash));
        if let Some(local) = &self.local {
            n += self.local_weight * local.docs;
            df += self.local_weight * local.df(stem_hash);
        }
        ((n + 1.0) / (df + 1.0)).ln()
    }

    /// Weight of a folded word, stemming it first.
    pub fn word_weight(&self, norm: &str) -> f32 {
        self.weight(hash_str(&crate::text::stem(norm)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_less_than_rare_ones() {
        let idf = Idf::builtin();
        assert!(idf.word_weight("said") < idf.word_weight("deported"));
        assert!(idf.word_weight("deported") <= idf.word_weight("cecot"));
    }

    #[test]
    fn local_counts_make_story_names_common() {
        let kast = hash_str("kast");
        let other = hash_str("helicopt");
        let sets: Vec<Vec<u64>> = (0..10)
            .map(|i| {
                if i == 0 {
                    vec![kast, other]
                } else {
                    vec![kast]
                }
            })
            .collect();
        let idf = Idf::builtin_with_local(sets.iter().map(Vec::as_slice));
        assert!(idf.weight(kast) < idf.weight(other));
        assert!(idf.weight(kast) < Idf::builtin().weight(kast));
    }
}
