//! Comparing two articles: which sentences report the same thing, how their wording differs, and
//! where the reports disagree or leave something out.
//!
//! [`compare`] is the entry point used by the CLI and the app. The parts are usable alone:
//! [`matcher`] scores sentence pairs (weights fitted on MRPC, see `weights.rs`), [`align`] links
//! sentences, [`diff`] gives word diffs, [`discrepancy`] finds typed disagreements and
//! [`similarity`] ranks whole documents.

pub mod align;
mod bits;
pub mod diff;
pub mod discrepancy;
pub mod idf;
mod idf_table;
pub mod matcher;
pub mod similarity;
mod weights;

pub use diff::{DiffKind, DiffOp};
pub use discrepancy::{Discrepancy, DiscrepancyKind};
pub use weights::THRESHOLD;

use crate::corpus::Article;
use crate::text;
use idf::Idf;
use matcher::{Prepared, Preparer};
use serde::{Deserialize, Serialize};

/// One sentence of an article body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Position among the article's sentences, from 0.
    pub index: usize,
    /// Paragraph it comes from, from 0.
    pub paragraph: usize,
    /// Byte range in that paragraph.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub sentences: Vec<Sentence>,
}

/// Two sentences that report the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Sentence index in A.
    pub a: usize,
    /// Sentence index in B.
    pub b: usize,
    /// Confidence, 0..1.
    pub score: f64,
}

/// The word diff of a linked pair.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairDiff {
    pub a: usize,
    pub b: usize,
    /// Spans index the two sentences' `text`.
    pub ops: Vec<DiffOp>,
    /// The pair shares too little wording for a word diff; `ops` is one whole replacement.
    pub rewritten: bool,
}

/// Headline numbers of a comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Share of A's words in sentences linked to B, 0..1.
    pub a_covered_by_b: f64,
    /// Share of B's words in sentences linked to A, 0..1.
    pub b_covered_by_a: f64,
    /// Links whose two sentences have the same words.
    pub shared: usize,
    /// Links whose wording differs.
    pub changed: usize,
    pub only_in_a: usize,
    pub only_in_b: usize,
    pub discrepancies: usize,
}

/// Everything [`compare`] finds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub a: Side,
    pub b: Side,
    /// Sorted by A index, then B index. A sentence may have several links.
    pub links: Vec<Link>,
    pub only_in_a: Vec<Sentence>,
    pub only_in_b: Vec<Sentence>,
    /// One per link, in the same order.
    pub diffs: Vec<PairDiff>,
    pub discrepancies: Vec<Discrepancy>,
    pub summary: Summary,
    /// Whole-document TF-IDF cosine, 0..1.
    pub similarity: f64,
}

/// What [`compare_with`] computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareOptions {
    /// Typed discrepancies need entity, quotation and framing analysis, most of the cost of a
    /// comparison: a caller can show the alignment first and ask for them afterwards.
    pub discrepancies: bool,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            discrepancies: true,
        }
    }
}

/// Compares the bodies of two articles (titles excluded): alignment, diffs, discrepancies.
pub fn compare(a: &Article, b: &Article) -> Comparison {
    compare_with(a, b, CompareOptions::default())
}

/// [`compare`] with options; without discrepancies, `discrepancies` is empty.
pub fn compare_with(a: &Article, b: &Article, options: CompareOptions) -> Comparison {
    let sa = split_sentences(&a.paragraphs);
    let sb = split_sentences(&b.paragraphs);
    // Tokenised and folded once: preparation, diffs and discrepancies all read the same.
    let ta: Vec<Vec<text::Token>> = sa.iter().map(|s| text::tokenize(&s.text)).collect();
    let tb: Vec<Vec<text::Token>> = sb.iter().map(|s| text::tokenize(&s.text)).collect();
    let fa: Vec<String> = sa.iter().map(|s| text::fold(&s.text)).collect();
    let fb: Vec<String> = sb.iter().map(|s| text::fold(&s.text)).collect();
    let mut preparer = Preparer::new();
    let mut prepare = |(s, (t, f)): (&Sentence, (&Vec<text::Token>, &String))| {
        preparer.prepare_parts(&s.text, t, f)
    };
    let mut pa: Vec<Prepared> = sa
        .iter()
        .zip(ta.iter().zip(&fa))
        .map(&mut prepare)
        .collect();
    let mut pb: Vec<Prepared> = sb
        .iter()
        .zip(tb.iter().zip(&fb))
        .map(&mut prepare)
        .collect();
    let idf = Idf::builtin_with_local(pa.iter().chain(&pb).map(Prepared::stems));
    pa.iter_mut()
        .chain(pb.iter_mut())
        .for_each(|p| p.weigh(&idf));

    let links: Vec<Link> = align::align(&pa, &pb)
        .into_iter()
        .map(|s| Link {
            a: s.a,
            b: s.b,
            score: s.score,
        })
        .collect();
    let diffs: Vec<PairDiff> = links
        .iter()
        .map(|l| {
            let (ops, rewritten) =
                diff::word_diff_tokens(&sa[l.a].text, &sb[l.b].text, &ta[l.a], &tb[l.b]);
            PairDiff {
                a: l.a,
                b: l.b,
                ops,
                rewritten,
            }
        })
        .collect();
    let mut linked_a = vec![false; sa.len()];
    let mut linked_b = vec![false; sb.len()];
    for l in &links {
        linked_a[l.a] = true;
        linked_b[l.b] = true;
    }
    let only_in_a: Vec<Sentence> = sa.iter().filter(|s| !linked_a[s.index]).cloned().collect();
    let only_in_b: Vec<Sentence> = sb.iter().filter(|s| !linked_b[s.index]).cloned().collect();

    let titles = [a.title.as_str(), b.title.as_str()];
    let input = discrepancy::Input {
        a: discrepancy::Text {
            sentences: &sa,
            paragraphs: &a.paragraphs,
            tokens: &ta,
            folded: &fa,
            prepared: &pa,
        },
        b: discrepancy::Text {
            sentences: &sb,
            paragraphs: &b.paragraphs,
            tokens: &tb,
            folded: &fb,
            prepared: &pb,
        },
        links: &links,
        context: &titles,
    };
    let discrepancies = if options.discrepancies {
        discrepancy::find(&input)
    } else {
        Vec::new()
    };

    let shared = diffs
        .iter()
        .filter(|d| d.ops.iter().all(|o| o.kind == DiffKind::Equal))
        .count();
    let summary = Summary {
        a_covered_by_b: coverage(&pa, &linked_a),
        b_covered_by_a: coverage(&pb, &linked_b),
        shared,
        changed: diffs.len() - shared,
        only_in_a: only_in_a.len(),
        only_in_b: only_in_b.len(),
        discrepancies: discrepancies.len(),
    };
    let similarity = similarity::prepared_similarity(&pa, &pb);
    Comparison {
        a: side(a, sa),
        b: side(b, sb),
        links,
        only_in_a,
        only_in_b,
        diffs,
        discrepancies,
        summary,
        similarity,
    }
}

fn side(article: &Article, sentences: Vec<Sentence>) -> Side {
    Side {
        id: article.id.clone(),
        title: article.title.clone(),
        outlet: article.outlet.clone(),
        sentences,
    }
}

/// The sentences of a body, numbered across paragraphs.
pub fn split_sentences(paragraphs: &[String]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        for r in text::sentences(para) {
            out.push(Sentence {
                index: out.len(),
                paragraph: p,
                start: r.start,
                end: r.end,
                text: para[r].to_string(),
            });
        }
    }
    out
}

fn coverage(prepared: &[Prepared], linked: &[bool]) -> f64 {
    let total: usize = prepared.iter().map(|p| p.len).sum();
    if total == 0 {
        return 0.0;
    }
    let covered: usize = prepared
        .iter()
        .zip(linked)
        .filter(|(_, &l)| l)
        .map(|(p, _)| p.len)
        .sum();
    covered as f64 / total as f64
}

#[cfg(test)]
mod tests;
