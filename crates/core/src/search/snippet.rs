//! Highlighting and keyword-in-context snippets.
//!
//! A [`Matcher`] re-tokenizes any text (title, paragraph) with the same normalisation as the index
//! and marks what the query matches, as byte ranges into that exact text. Built by
//! [`Index::matcher`](super::Index::matcher) it marks precisely the stems the search matched
//! (including typo and prefix expansions); built by [`Matcher::new`] it needs no index and decides
//! typos by edit distance alone.

use super::index::{join_norm, joinable, Index};
use super::query::{Query, QueryWord};
use super::rank::{Expansion, Plan};
use super::typo::{bounded_distance, typo_budget};
use crate::text::{self, Token, TokenKind};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Snippet length to aim for, in bytes of original text.
const SNIPPET_LEN: usize = 200;
/// Context kept before the first match when the snippet cannot start at the paragraph start.
const LEAD: usize = 50;
/// Matches within this many bytes of each other can share one snippet.
const WINDOW: usize = 160;

/// A highlighted span of some text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// Byte range in the text that was scanned.
    pub range: Range<usize>,
    /// Matched only through a typo or a broken-name join ("BUK ELE'S" for `bukele`).
    pub approximate: bool,
}

/// The best passage of a document for a query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// Body paragraph the passage comes from; `None` for the title (documents without a body).
    pub paragraph: Option<usize>,
    /// Byte range of the passage in that paragraph.
    pub range: Range<usize>,
    /// The passage itself, `paragraph[range]`.
    pub text: String,
    /// Matches, as byte ranges into `text`.
    pub marks: Vec<Mark>,
    /// Text precedes the passage (show an ellipsis).
    pub cut_start: bool,
    /// Text follows the passage.
    pub cut_end: bool,
}

#[derive(Clone, Debug)]
struct MWord {
    norm: String,
    term: String,
    prefix: bool,
    stop: bool,
    /// Edits allowed by distance alone; 0 when an index already decided the typo expansions.
    typo: u8,
    clean: Vec<Box<str>>,
    approx: Vec<Box<str>>,
    joins: Vec<Box<str>>,
}

/// Finds a query's matches in arbitrary text.
#[derive(Clone, Debug)]
pub struct Matcher {
    words: Vec<MWord>,
    /// Word ids per atom; more than one is a phrase.
    atoms: Vec<Vec<usize>>,
    /// First letters of all words: tokens starting otherwise cannot match, so are not stemmed.
    firsts: Vec<char>,
}

/// One match before merging: which atom it satisfies, for snippet scoring.
struct Found {
    range: Range<usize>,
    approx: bool,
    atom: usize,
}

impl MWord {
    fn new(w: &QueryWord, quoted: bool) -> Self {
        let typo = if quoted || w.number {
            0
        } else {
            typo_budget(w.norm.chars().count())
        };
        MWord {
            norm: w.norm.clone(),
            term: w.term.clone(),
            prefix: w.prefix,
            stop: w.stop,
            typo,
            clean: Vec::new(),
            approx: Vec::new(),
            joins: Vec::new(),
        }
    }

    fn first(&self) -> Option<char> {
        self.norm.chars().next()
    }

    fn near(&self, norm: &str) -> bool {
        self.typo > 0
            && norm.chars().next() == self.first()
            && bounded_distance(norm, &self.norm, self.typo).is_some()
    }

    /// `Some(approximate)` if a token with this norm and stem matches.
    fn token(&self, norm: &str, stem: &str) -> Option<bool> {
        if self.stop {
            return None;
        }
        if norm == self.norm || stem == self.term || self.clean.iter().any(|c| **c == *stem) {
            return Some(false);
        }
        if self.prefix && norm.starts_with(&self.norm) {
            return Some(false);
        }
        if self.approx.iter().any(|c| **c == *stem) || self.near(norm) {
            return Some(true);
        }
        None
    }

    /// Whether the concatenation of a joinable token pair matches (always approximate).
    fn join(&self, concat: &str, stem: &str) -> bool {
        !self.stop
            && (concat == self.norm
                || stem == self.term
                || self.joins.iter().any(|c| **c == *stem)
                || self.prefix && concat.starts_with(&self.norm)
                || self.near(concat))
    }
}

impl Matcher {
    /// A matcher for `q` without an index: typos are judged by edit distance alone.
    pub fn new(q: &Query) -> Self {
        let mut m = Matcher {
            words: Vec::new(),
            atoms: Vec::new(),
            firsts: Vec::new(),
        };
        for a in q.groups.iter().filter(|g| !g.exclude).flat_map(|g| &g.any) {
            if a.field.is_some() {
                continue;
            }
            let (Some(first), Some(last)) = (
                a.words.iter().position(|w| !w.stop),
                a.words.iter().rposition(|w| !w.stop),
            ) else {
                continue;
            };
            let ids = a.words[first..=last]
                .iter()
                .map(|w| {
                    m.words.push(MWord::new(w, a.quoted));
                    m.words.len() - 1
                })
                .collect();
            m.atoms.push(ids);
        }
        m.finish();
        m
    }

    /// A matcher marking exactly what `plan` matched in `index`.
    pub(crate) fn from_plan(index: &Index, plan: &Plan) -> Self {
        let mut m = Matcher {
            words: Vec::new(),
            atoms: Vec::new(),
            firsts: Vec::new(),
        };
        let names =
            |exps: &[Expansion], approx: bool, dict: &super::index::Dict| -> Vec<Box<str>> {
                exps.iter()
                    .filter(|e| e.approx == approx)
                    .filter_map(|e| dict.stems.get(e.stem as usize).map(|s| s.text.clone()))
                    .collect()
            };
        for a in plan
            .groups
            .iter()
            .filter(|g| !g.exclude)
            .flat_map(|g| &g.atoms)
        {
            if a.field.is_some() {
                continue;
            }
            let ids = a
                .words
                .iter()
                .map(|pw| {
                    let mut w = MWord::new(&pw.w, true);
                    w.clean = names(&pw.text, false, &index.text);
                    w.approx = names(&pw.text, true, &index.text);
                    w.joins = names(&pw.joins, true, &index.joins);
                    m.words.push(w);
                    m.words.len() - 1
                })
                .collect();
            m.atoms.push(ids);
        }
        m.finish();
        m
    }

    fn finish(&mut self) {
        self.firsts = self
            .words
            .iter()
            .filter(|w| !w.stop)
            .filter_map(MWord::first)
            .collect();
        self.firsts.sort_unstable();
        self.firsts.dedup();
    }

    /// Highlight ranges in `text`, sorted and non-overlapping. A phrase is one range.
    pub fn marks(&self, text: &str) -> Vec<Mark> {
        let (_, found) = self.scan(text);
        merge(found.into_iter().map(|f| (f.range, f.approx)))
    }

    fn scan(&self, text: &str) -> (Vec<Token>, Vec<Found>) {
        let toks = text::tokenize(text);
        if self.atoms.is_empty() {
            return (toks, Vec::new());
        }
        let n = toks.len();
        // Per token (and per joinable pair starting there): the words it matches.
        let mut tm: Vec<Vec<(usize, bool)>> = vec![Vec::new(); n];
        let mut jm: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, t) in toks.iter().enumerate() {
            if t.norm
                .chars()
                .next()
                .is_none_or(|c| self.firsts.binary_search(&c).is_err())
            {
                continue;
            }
            let stem = if t.kind == TokenKind::Number {
                t.norm.clone()
            } else {
                text::stem(&t.norm)
            };
            for (id, w) in self.words.iter().enumerate() {
                if let Some(approx) = w.token(&t.norm, &stem) {
                    tm[i].push((id, approx));
                }
            }
            if let Some(next) = toks.get(i + 1).filter(|next| joinable(text, t, next)) {
                let concat = join_norm(t, next);
                let stem = text::stem(&concat);
                jm[i] = (0..self.words.len())
                    .filter(|&id| self.words[id].join(&concat, &stem))
                    .collect();
            }
        }
        let mut found = Vec::new();
        for (a, ids) in self.atoms.iter().enumerate() {
            for i in 0..n {
                let mut best: Option<(usize, bool)> = None;
                let starts = tm[i]
                    .iter()
                    .filter(|m| m.0 == ids[0])
                    .map(|m| (i + 1, m.1))
                    .chain(
                        jm[i]
                            .iter()
                            .filter(|&&id| id == ids[0])
                            .map(|_| (i + 2, true)),
                    );
                for (next, approx) in starts {
                    if let Some(r) = self.chain(ids, 1, next, approx, &tm, &jm) {
                        best = match best {
                            Some(b) if !b.1 || (r.1 && b.0 >= r.0) => Some(b),
                            _ => Some(r),
                        };
                    }
                }
                if let Some((end, approx)) = best {
                    found.push(Found {
                        range: toks[i].start..toks[end - 1].end,
                        approx,
                        atom: a,
                    });
                }
            }
        }
        found.sort_by_key(|f| (f.range.start, f.range.end));
        (toks, found)
    }

    /// Continues a phrase at token `at` with word `ids[k]`; returns (end token, approximate).
    fn chain(
        &self,
        ids: &[usize],
        k: usize,
        at: usize,
        approx: bool,
        tm: &[Vec<(usize, bool)>],
        jm: &[Vec<usize>],
    ) -> Option<(usize, bool)> {
        let Some(&id) = ids.get(k) else {
            return Some((at, approx));
        };
        if at >= tm.len() {
            return None;
        }
        if self.words[id].stop {
            return self.chain(ids, k + 1, at + 1, approx, tm, jm);
        }
        let mut best = None;
        for m in tm[at].iter().filter(|m| m.0 == id) {
            if let Some(r) = self.chain(ids, k + 1, at + 1, approx || m.1, tm, jm) {
                if !r.1 {
                    return Some(r);
                }
                best = Some(r);
            }
        }
        if jm[at].contains(&id) {
            if let Some(r) = self.chain(ids, k + 1, at + 2, true, tm, jm) {
                best = best.or(Some(r));
            }
        }
        best
    }

    /// The passage of `paragraphs` that best covers the query (most distinct query terms within
    /// a short window, clean matches counting double), cut at word boundaries. Falls back to the
    /// lead of the first paragraph, or to the title when there is no body.
    pub fn snippet(&self, title: &str, paragraphs: &[String]) -> Snippet {
        let mut best: Option<(f32, usize, usize, usize)> = None;
        // A window with every atom matched cleanly cannot be beaten by much: stop looking.
        let mut complete = self.atoms.is_empty();
        for (pi, para) in paragraphs.iter().enumerate() {
            if complete {
                break;
            }
            let (_, found) = self.scan(para);
            for i in 0..found.len() {
                let anchor = found[i].range.start;
                let mut atoms: Vec<(usize, bool)> = Vec::new();
                let mut last_end = found[i].range.end;
                for f in found[i..]
                    .iter()
                    .take_while(|f| f.range.end <= anchor + WINDOW)
                {
                    last_end = last_end.max(f.range.end);
                    match atoms.iter_mut().find(|a| a.0 == f.atom) {
                        Some(a) => a.1 |= !f.approx,
                        None => atoms.push((f.atom, !f.approx)),
                    }
                }
                let count = found[i..]
                    .iter()
                    .take_while(|f| f.range.end <= anchor + WINDOW)
                    .count();
                let score = atoms
                    .iter()
                    .map(|a| if a.1 { 2.0 } else { 1.0 })
                    .sum::<f32>()
                    + 0.1 * count as f32;
                if best.is_none_or(|b| score > b.0) {
                    best = Some((score, pi, anchor, last_end));
                }
                complete |= atoms.len() == self.atoms.len() && atoms.iter().all(|a| a.1);
            }
        }
        match best {
            Some((_, pi, anchor, last_end)) => {
                self.cut(&paragraphs[pi], Some(pi), anchor, last_end)
            }
            None => match paragraphs.iter().position(|p| !p.trim().is_empty()) {
                Some(pi) => self.cut(&paragraphs[pi], Some(pi), 0, 0),
                None => self.cut(title, None, 0, 0),
            },
        }
    }

    fn cut(&self, para: &str, paragraph: Option<usize>, anchor: usize, last_end: usize) -> Snippet {
        let (toks, found) = self.scan(para);
        let para_end = para.trim_end().len();
        let start = if anchor <= LEAD + 20 {
            0
        } else {
            // Start at the sentence holding the match if that keeps the lead short, else a few
            // words before the match.
            let sentence = text::sentences(para)
                .into_iter()
                .find(|s| s.start <= anchor && anchor < s.end.max(s.start + 1));
            match sentence {
                Some(s) if anchor - s.start <= 2 * LEAD => s.start,
                _ => toks
                    .iter()
                    .map(|t| t.start)
                    .find(|&s| s + LEAD >= anchor && s <= anchor)
                    .unwrap_or(anchor),
            }
        };
        let target = (start + SNIPPET_LEN).max(last_end);
        let end = if para_end <= target + 30 {
            para_end
        } else {
            toks.iter()
                .map(|t| t.end)
                .take_while(|&e| e <= target)
                .last()
                .unwrap_or(para_end)
                .max(last_end)
        };
        let marks = merge(
            found
                .into_iter()
                .filter(|f| f.range.start >= start && f.range.end <= end)
                .map(|f| (f.range.start - start..f.range.end - start, f.approx)),
        );
        Snippet {
            paragraph,
            range: start..end,
            text: para[start..end].to_string(),
            marks,
            cut_start: start > 0,
            cut_end: end < para_end,
        }
    }
}

/// Sorts and merges overlapping ranges; a merged range is approximate only if all parts were.
fn merge(it: impl Iterator<Item = (Range<usize>, bool)>) -> Vec<Mark> {
    let mut v: Vec<(Range<usize>, bool)> = it.collect();
    v.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out: Vec<Mark> = Vec::with_capacity(v.len());
    for (r, approx) in v {
        match out.last_mut() {
            Some(m) if r.start < m.range.end => {
                m.range.end = m.range.end.max(r.end);
                m.approximate &= approx;
            }
            _ => out.push(Mark {
                range: r,
                approximate: approx,
            }),
        }
    }
    out
}

/// Highlight ranges of `query` in `text` without an index (see [`Matcher::new`]).
pub fn highlight(query: &Query, text: &str) -> Vec<Mark> {
    Matcher::new(query).marks(text)
}
