//! Word-level diff of two aligned sentences, as spans of their original text.

use super::bits;
use super::matcher::hash_str;
use crate::text::{self, Token};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What a diff segment does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// The same words on both sides.
    Equal,
    /// Words only in A.
    Delete,
    /// Words only in B.
    Insert,
    /// Words of A replaced by words of B.
    Replace,
}

/// One segment of a word diff. Spans are byte ranges into the two sentence texts; the side a
/// segment does not touch has an empty range at the position where it applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    pub kind: DiffKind,
    pub a: Range<usize>,
    pub b: Range<usize>,
}

/// Below this share of words in common a pair is shown as one replacement, not confetti.
const REWRITE_BELOW: f64 = 0.35;
/// Above this many cells the LCS table is not worth building: the pair is a rewrite anyway.
const MAX_CELLS: usize = 40_000;

/// Word diff of `a` against `b`, and whether the pair is so different that it is shown as one
/// replacement of the whole sentence (`true`).
pub fn word_diff(a: &str, b: &str) -> (Vec<DiffOp>, bool) {
    word_diff_tokens(a, b, &text::tokenize(a), &text::tokenize(b))
}

/// [`word_diff`] of two sentences already tokenised (`ta` is `text::tokenize(a)`, `tb` of `b`).
pub(crate) fn word_diff_tokens(
    a: &str,
    b: &str,
    ta: &[Token],
    tb: &[Token],
) -> (Vec<DiffOp>, bool) {
    let whole = || {
        vec![DiffOp {
            kind: DiffKind::Replace,
            a: span(ta, 0, ta.len()),
            b: span(tb, 0, tb.len()),
        }]
    };
    if ta.is_empty() || tb.is_empty() || ta.len() * tb.len() > MAX_CELLS {
        return (whole(), true);
    }
    let (wa, wb) = (words(ta), words(tb));
    let pairs = if wb.len() <= bits::MAX_LEN {
        bits::lcs_pairs(&wa, &wb, |w| w.0)
    } else {
        lcs_pairs(&wa, &wb)
    };
    if (pairs.len() as f64) < REWRITE_BELOW * ta.len().max(tb.len()) as f64 {
        return (whole(), true);
    }
    // Runs of matched tokens, with a lone matched stopword between two changes folded into the
    // change around it so "the" does not split a replacement in two.
    let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // (i, j, len)
    for &(i, j) in &pairs {
        match runs.last_mut() {
            Some(r) if r.0 + r.2 == i && r.1 + r.2 == j => r.2 += 1,
            _ => runs.push((i, j, 1)),
        }
    }
    let (n, m) = (ta.len(), tb.len());
    runs.retain(|&(i, j, len)| {
        let gap_before = i > 0 || j > 0;
        let gap_after = i + len < n || j + len < m;
        !(len == 1 && gap_before && gap_after && text::is_stopword(&ta[i].norm))
    });
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    for &(ri, rj, len) in runs.iter().chain(std::iter::once(&(n, m, 0))) {
        if ri > i || rj > j {
            let kind = match (ri > i, rj > j) {
                (true, true) => DiffKind::Replace,
                (true, false) => DiffKind::Delete,
                _ => DiffKind::Insert,
            };
            ops.push(DiffOp {
                kind,
                a: gap_span(ta, i, ri, a.len()),
                b: gap_span(tb, j, rj, b.len()),
            });
        }
        if len > 0 {
            ops.push(DiffOp {
                kind: DiffKind::Equal,
                a: span(ta, ri, ri + len),
                b: span(tb, rj, rj + len),
            });
        }
        i = ri + len;
        j = rj + len;
    }
    (ops, false)
}

/// Tokens compared as (hash, folded form): a hash tells most pairs of words apart at once.
fn words(tokens: &[Token]) -> Vec<(u64, &str)> {
    tokens
        .iter()
        .map(|t| (hash_str(&t.norm), t.norm.as_str()))
        .collect()
}

/// Byte span from the start of token `from` to the end of token `to - 1`.
fn span(tokens: &[Token], from: usize, to: usize) -> Range<usize> {
    if from >= to {
        return 0..0;
    }
    tokens[from].start..tokens[to - 1].end
}

/// Like [`span`], but an empty range sits where the missing words would go.
fn gap_span(tokens: &[Token], from: usize, to: usize, len: usize) -> Range<usize> {
    if from < to {
        return span(tokens, from, to);
    }
    let at = tokens.get(from).map_or(len, |t| t.start);
    at..at
}

/// Index pairs of a longest common subsequence, from the table of suffix lengths ([`bits::lcs_pairs`]
/// gives the same pairs without the table when `b` is short enough).
fn lcs_pairs<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut table = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i] == b[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let mut pairs = Vec::with_capacity(table[0] as usize);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_the_changed_number_only() {
        let a = "The prison received over 250 Venezuelans last year.";
        let b = "The prison received over 200 Venezuelans last year.";
        let (ops, rewritten) = word_diff(a, b);
        assert!(!rewritten);
        let changed: Vec<&DiffOp> = ops.iter().filter(|o| o.kind != DiffKind::Equal).collect();
        assert_eq!(changed.len(), 1, "{ops:?}");
        assert_eq!(&a[changed[0].a.clone()], "250");
        assert_eq!(&b[changed[0].b.clone()], "200");
    }

    #[test]
    fn spans_index_multibyte_text() {
        let a = "José Antonio Kast visitó la cárcel.";
        let b = "José Antonio Kast visitó el penal.";
        let (ops, _) = word_diff(a, b);
        let last = ops.iter().rfind(|o| o.kind != DiffKind::Equal).unwrap();
        assert_eq!(&a[last.a.clone()], "la cárcel");
        assert_eq!(&b[last.b.clone()], "el penal");
    }

    #[test]
    fn insertion_has_an_empty_range_on_the_other_side() {
        let a = "Kast visited the prison.";
        let b = "Kast visited the mega prison.";
        let (ops, _) = word_diff(a, b);
        let ins = ops.iter().find(|o| o.kind == DiffKind::Insert).unwrap();
        assert_eq!(&b[ins.b.clone()], "mega");
        assert!(ins.a.is_empty());
        assert_eq!(ins.a.start, a.find("prison").unwrap());
    }

    #[test]
    fn mostly_different_pair_is_one_replacement() {
        let a = "The president-elect toured the facility with his security minister.";
        let b = "Officials said the visit was meant to study the model, not copy it.";
        let (ops, rewritten) = word_diff(a, b);
        assert!(rewritten);
        assert_eq!(ops.len(), 1);
        assert_eq!(ops[0].kind, DiffKind::Replace);
        assert_eq!(
            &a[ops[0].a.clone()],
            "The president-elect toured the facility with his security minister"
        );
    }

    #[test]
    fn bit_parallel_pairs_equal_the_table_walk() {
        let mut rng = crate::test_rng(0x9e37_79b9_7f4a_7c15);
        let mut next = move |k: u64| rng() % k;
        for round in 0..2000 {
            let alphabet = [2, 3, 6, 30][round % 4];
            let (n, m) = (next(80) as usize, next(65) as usize);
            let a: Vec<u64> = (0..n).map(|_| next(alphabet)).collect();
            let b: Vec<u64> = (0..m).map(|_| next(alphabet)).collect();
            assert_eq!(
                bits::lcs_pairs(&a, &b, |&x| x),
                lcs_pairs(&a, &b),
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn identical_sentences_are_all_equal() {
        let s = "Inmates do not receive visitors.";
        let (ops, rewritten) = word_diff(s, s);
        assert!(!rewritten);
        assert_eq!(ops.len(), 1);
        assert_eq!(ops[0].kind, DiffKind::Equal);
    }
}
