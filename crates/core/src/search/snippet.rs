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
use super::DocNo;
use crate::text::{self, TokenKind, TokenRef};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
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

/// Finds a query's matches in arbitrary text. The default one matches nothing.
#[derive(Clone, Debug, Default)]
pub struct Matcher {
    words: Vec<MWord>,
    /// Word ids per atom; more than one is a phrase.
    atoms: Vec<Vec<usize>>,
    /// First letters of all words: tokens starting otherwise cannot match, so are not stemmed.
    firsts: Vec<char>,
    /// The words each token norm matches, as (word id, approximate). Whether a token matches is
    /// a function of its norm alone, and a search's snippets meet the same few hundred norms over
    /// and over: remembering them saves a stem and a comparison with every word per token.
    memo: RefCell<HashMap<Box<str>, TokenWords>>,
    /// Built from an index: how to pass over text of that index that cannot match.
    skip: Option<Skip>,
}

/// The words one token matches, as (word id, approximate).
type TokenWords = Box<[(usize, bool)]>;

/// Every token a matcher from an index can match, in text of that index, begins with one of
/// `needles` (folded): the query words as typed (equal or prefix matches), and for each stem it
/// matches, the start that all the index's words with that stem share ("happ" for "happi"), plus
/// the stopwords it matches, which the index does not hold. So a paragraph whose folded text holds
/// no needle has no match, and snippets need not tokenize it, which is most of their work. Joins
/// ("BUK ELE") span tokens; the index says where they might match instead: `join_docs`.
#[derive(Clone, Debug)]
struct Skip {
    needles: Needles,
    /// Sorted documents holding a join that a word of the query could match.
    join_docs: Vec<DocNo>,
}

/// Strings to look for in a text at once.
#[derive(Clone, Debug)]
struct Needles {
    /// Sorted; none holds another.
    list: Vec<Box<[u8]>>,
    /// First bytes of one-byte needles.
    single: [bool; 256],
    /// Bit `a * 256 + b` is set when a longer needle starts with the bytes `a b`.
    pairs: Vec<u64>,
}

impl Needles {
    /// `None` if a needle is empty: every text would hold it.
    fn new(mut words: Vec<String>) -> Option<Needles> {
        words.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
        words.dedup();
        let mut list: Vec<Box<[u8]>> = Vec::new();
        for w in words {
            if w.is_empty() {
                return None;
            }
            // Needles are looked for where words start: one starting with another is redundant.
            if !list.iter().any(|n| w.as_bytes().starts_with(n)) {
                list.push(w.into_bytes().into());
            }
        }
        list.sort();
        let mut single = [false; 256];
        let mut pairs = vec![0u64; 1024];
        for n in &list {
            match **n {
                [a] => single[usize::from(a)] = true,
                [a, b, ..] => {
                    let k = usize::from(a) * 256 + usize::from(b);
                    pairs[k / 64] |= 1 << (k % 64);
                }
                [] => {}
            }
        }
        Some(Needles {
            list,
            single,
            pairs,
        })
    }

    /// Calls `f` with each chunk of `text` (the stretches between spaces, in order) and whether
    /// a word in it may start with a needle once folded: `false` only when none does. One pass
    /// over the bytes; only chunks with non-ASCII letters are folded first. `buf` is scratch.
    fn chunks(&self, text: &str, buf: &mut String, mut f: impl FnMut(Range<usize>, bool)) {
        let b = text.as_bytes();
        let n = b.len();
        let core = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
        let mut i = 0;
        while i <= n {
            let start = i;
            let (mut hot, mut ascii) = (false, true);
            while i < n && b[i] != b' ' {
                let c = b[i];
                if !c.is_ascii() {
                    ascii = false;
                } else if c == b'.' {
                    // A dotted initialism ("U.S.") drops its dots: no needle would show.
                    hot = b
                        .get(i + 1)
                        .is_some_and(|&n| n.is_ascii_alphabetic() || !n.is_ascii());
                } else if ascii && core(c) && (i == start || !core(b[i - 1])) {
                    // An ASCII word starts with a letter, digit or `_` that follows none.
                    hot = self.at(&b[i..], |c| c.to_ascii_lowercase());
                }
                i += 1;
                if hot {
                    while i < n && b[i] != b' ' {
                        i += 1;
                    }
                }
            }
            if !hot && !ascii {
                buf.clear();
                text::fold_into(&text[start..i], buf);
                hot = self.in_folded(buf.as_bytes());
            }
            f(start..i, hot);
            i += 1;
        }
    }

    /// Whether `text`, folded byte by byte with `fold`, starts with a needle.
    fn at(&self, text: &[u8], fold: impl Fn(u8) -> u8) -> bool {
        let Some(&a) = text.first() else {
            return false;
        };
        let a = fold(a);
        if self.single[usize::from(a)] {
            return true;
        }
        let Some(&b) = text.get(1) else {
            return false;
        };
        let b = fold(b);
        let k = usize::from(a) * 256 + usize::from(b);
        if self.pairs[k / 64] >> (k % 64) & 1 == 0 {
            return false;
        }
        let head = [a, b];
        let lo = self.list.partition_point(|n| **n < head[..]);
        self.list[lo..]
            .iter()
            .take_while(|n| n.starts_with(&head))
            .any(|n| n.len() <= text.len() && n.iter().zip(text).all(|(&x, &y)| x == fold(y)))
    }

    /// Whether folded `text` holds a needle anywhere.
    fn in_folded(&self, text: &[u8]) -> bool {
        (0..text.len()).any(|i| self.at(&text[i..], |c| c))
    }
}

/// One match before merging: which atom it satisfies, for snippet scoring.
struct Found {
    range: Range<usize>,
    approx: bool,
    atom: usize,
}

/// A scanned text: every token's byte span, and the matches in order; kept between texts so
/// that scanning many allocates little.
#[derive(Default)]
struct Scan {
    toks: Vec<Range<usize>>,
    found: Vec<Found>,
    matches: Matches,
    /// Tokens where some match may start, in order.
    starts: Vec<usize>,
    /// `toks` holds only the tokens around matches.
    sparse: bool,
}

/// Per-token matches of one text, flat: token `i` matches `tm[tm_at[i]..tm_at[i + 1]]`; `jm`
/// holds (first token, word) for joinable pairs, in token order; `gap[i]`: tokens were skipped
/// before token `i` (see [`Matcher::scan_with`]).
#[derive(Default)]
struct Matches {
    tm_at: Vec<usize>,
    tm: Vec<(usize, bool)>,
    jm: Vec<(usize, usize)>,
    gap: Vec<bool>,
}

impl Matches {
    fn at(&self, i: usize) -> &[(usize, bool)] {
        &self.tm[self.tm_at[i]..self.tm_at[i + 1]]
    }

    fn joins(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let lo = self.jm.partition_point(|j| j.0 < i);
        self.jm[lo..]
            .iter()
            .take_while(move |j| j.0 == i)
            .map(|j| j.1)
    }

    fn len(&self) -> usize {
        self.tm_at.len() - 1
    }
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
        let mut m = Matcher::default();
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
        let mut m = Matcher::default();
        let names =
            |exps: &[Expansion], approx: bool, dict: &super::index::Dict| -> Vec<Box<str>> {
                exps.iter()
                    .filter(|e| e.approx == approx)
                    .filter_map(|e| dict.stems.get(e.stem as usize).map(|s| s.text.clone()))
                    .collect()
            };
        let (dict, joins) = (&index.text, &index.joins);
        let mut needles = Vec::new();
        let mut join_stems = Vec::new();
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
                    w.clean = names(&pw.text, false, dict);
                    w.approx = names(&pw.text, true, dict);
                    w.joins = names(&pw.joins, true, joins);
                    if !w.stop {
                        // What `MWord::token` and `MWord::join` accept, by index stem.
                        needles.push(w.norm.clone());
                        let stems = pw.text.iter().map(|e| e.stem);
                        for id in stems.chain(dict.stem_ids.get(w.term.as_str()).copied()) {
                            if let Some(stem) = dict.stems.get(id as usize) {
                                needles.push(stem.shared_start().to_string());
                            }
                        }
                        join_stems.extend(pw.joins.iter().map(|e| e.stem));
                        join_stems.extend(joins.stem_ids.get(w.term.as_str()));
                        join_stems.extend(joins.words.get(w.norm.as_str()));
                        if w.prefix {
                            join_stems.extend(joins.with_prefix(&w.norm).map(|(_, &id)| id));
                        }
                    }
                    m.words.push(w);
                    m.words.len() - 1
                })
                .collect();
            m.atoms.push(ids);
        }
        m.finish();
        for (word, stem) in text::stopword_stems() {
            if m.words.iter().any(|w| w.token(word, stem).is_some()) {
                needles.push(word.to_string());
            }
        }
        join_stems.sort_unstable();
        join_stems.dedup();
        let mut join_docs: Vec<DocNo> = join_stems
            .iter()
            .flat_map(|&id| joins.postings(id).map(|p| p.doc))
            .collect();
        join_docs.sort_unstable();
        join_docs.dedup();
        m.skip = Needles::new(needles).map(|needles| Skip { needles, join_docs });
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
        let mut scan = Scan::default();
        self.scan(text, &mut scan);
        merge(scan.found.into_iter().map(|f| (f.range, f.approx)))
    }

    /// The words a token with this norm matches.
    fn token_matches(&self, norm: &str, kind: TokenKind, out: &mut Vec<(usize, bool)>) {
        let mut memo = self.memo.borrow_mut();
        if let Some(found) = memo.get(norm) {
            out.extend_from_slice(found);
            return;
        }
        let stem = if kind == TokenKind::Number {
            norm.to_string()
        } else {
            text::stem(norm)
        };
        let found: TokenWords = self
            .words
            .iter()
            .enumerate()
            .filter_map(|(id, w)| w.token(norm, &stem).map(|approx| (id, approx)))
            .collect();
        out.extend_from_slice(&found);
        memo.insert(norm.into(), found);
    }

    fn scan(&self, text: &str, out: &mut Scan) {
        self.scan_with(text, None, out);
    }

    /// Tokenizes `text` and finds the matches. With `sparse`, the text is one of the matcher's
    /// index (see [`Skip`]) and no join can match in it: only the chunks (space to space) where a
    /// needle starts a word are tokenized, with enough tokens after them to finish a phrase;
    /// `out.toks` then holds only those tokens, and a match never needs the others.
    fn scan_with(&self, text: &str, sparse: Option<&Needles>, out: &mut Scan) {
        let Scan {
            toks,
            found,
            matches: m,
            starts,
            sparse: partial,
        } = out;
        toks.clear();
        found.clear();
        *partial = false;
        if self.atoms.is_empty() {
            text::each_token(text, |t| toks.push(t.start..t.end));
            return;
        }
        // Per token (and per joinable pair starting there): the words it matches.
        m.tm_at.clear();
        m.tm.clear();
        m.jm.clear();
        m.gap.clear();
        starts.clear();
        // The previous token when its first letter could start a match, for joins.
        let mut prev: Option<(usize, usize, TokenKind, String)> = None;
        let mut spare = String::new();
        let mut on_token = |t: TokenRef, gap: bool| {
            let i = toks.len();
            toks.push(t.start..t.end);
            m.tm_at.push(m.tm.len());
            m.gap.push(gap);
            if let Some((start, end, kind, norm)) = &prev {
                let a = TokenRef {
                    start: *start,
                    end: *end,
                    norm,
                    kind: *kind,
                };
                if joinable(text, a, t) {
                    let concat = join_norm(norm, t.norm);
                    let stem = text::stem(&concat);
                    let before = m.jm.len();
                    m.jm.extend(
                        (0..self.words.len())
                            .filter(|&id| self.words[id].join(&concat, &stem))
                            .map(|id| (i - 1, id)),
                    );
                    if m.jm.len() > before && starts.last() != Some(&(i - 1)) {
                        starts.push(i - 1);
                    }
                }
            }
            let candidate = t
                .norm
                .chars()
                .next()
                .is_some_and(|c| self.firsts.binary_search(&c).is_ok());
            if candidate {
                self.token_matches(t.norm, t.kind, &mut m.tm);
                if m.tm.len() > m.tm_at[i] {
                    starts.push(i);
                }
                if sparse.is_none() {
                    let mut norm = prev
                        .take()
                        .map_or_else(|| std::mem::take(&mut spare), |p| p.3);
                    norm.clear();
                    norm.push_str(t.norm);
                    prev = Some((t.start, t.end, t.kind, norm));
                }
            } else if let Some(p) = prev.take() {
                spare = p.3;
            }
        };
        match sparse {
            None => text::each_token(text, |t| on_token(t, false)),
            Some(needles) => {
                *partial = true;
                // Tokens a phrase may still need after the last chunk with a needle.
                let tail = self.atoms.iter().map(Vec::len).max().unwrap_or(0);
                let (mut follow, mut skipped) = (0, false);
                let mut buf = String::new();
                needles.chunks(text, &mut buf, |chunk, hot| {
                    if hot || follow > 0 {
                        let mut count = 0;
                        text::each_token(&text[chunk.clone()], |t| {
                            let t = TokenRef {
                                start: chunk.start + t.start,
                                end: chunk.start + t.end,
                                ..t
                            };
                            on_token(t, std::mem::take(&mut skipped));
                            count += 1;
                        });
                        follow = if hot {
                            tail
                        } else {
                            follow.saturating_sub(count)
                        };
                    } else {
                        skipped = true;
                    }
                });
            }
        }
        m.tm_at.push(m.tm.len());
        let m = &*m;
        for (a, ids) in self.atoms.iter().enumerate() {
            for &i in starts.iter() {
                let mut best: Option<(usize, bool)> = None;
                let starts = m
                    .at(i)
                    .iter()
                    .filter(|w| w.0 == ids[0])
                    .map(|w| (i + 1, w.1))
                    .chain(m.joins(i).filter(|&id| id == ids[0]).map(|_| (i + 2, true)));
                for (next, approx) in starts {
                    if let Some(r) = self.chain(ids, 1, next, approx, m) {
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
    }

    /// Continues a phrase at token `at` with word `ids[k]`; returns (end token, approximate).
    fn chain(
        &self,
        ids: &[usize],
        k: usize,
        at: usize,
        approx: bool,
        m: &Matches,
    ) -> Option<(usize, bool)> {
        let Some(&id) = ids.get(k) else {
            return Some((at, approx));
        };
        // Past the end, or (sparse) past tokens that were not read.
        if at >= m.len() || m.gap[at] {
            return None;
        }
        if self.words[id].stop {
            return self.chain(ids, k + 1, at + 1, approx, m);
        }
        let mut best = None;
        for w in m.at(at).iter().filter(|w| w.0 == id) {
            if let Some(r) = self.chain(ids, k + 1, at + 1, approx || w.1, m) {
                if !r.1 {
                    return Some(r);
                }
                best = Some(r);
            }
        }
        if m.joins(at).any(|j| j == id) {
            if let Some(r) = self.chain(ids, k + 1, at + 2, true, m) {
                best = best.or(Some(r));
            }
        }
        best
    }

    /// The passage of `paragraphs` that best covers the query (most distinct query terms within
    /// a short window, clean matches counting double), cut at word boundaries. Falls back to the
    /// lead of the first paragraph, or to the title when there is no body.
    pub fn snippet(&self, title: &str, paragraphs: &[String]) -> Snippet {
        self.best_snippet(title, paragraphs, None)
    }

    /// [`Matcher::snippet`] of document `doc` of the index this matcher was built from, given
    /// its text as indexed: paragraphs that cannot match are passed over untokenized.
    pub(crate) fn indexed_snippet(
        &self,
        doc: DocNo,
        title: &str,
        paragraphs: &[String],
    ) -> Snippet {
        let skip = self.skip.as_ref();
        let needles = skip
            .filter(|s| s.join_docs.binary_search(&doc).is_err())
            .map(|s| &s.needles);
        self.best_snippet(title, paragraphs, needles)
    }

    fn best_snippet(
        &self,
        title: &str,
        paragraphs: &[String],
        needles: Option<&Needles>,
    ) -> Snippet {
        let mut best: Option<(f32, usize, usize, usize)> = None;
        // A window with every atom matched cleanly cannot be beaten by much: stop looking.
        let mut complete = self.atoms.is_empty();
        // The scan of the paragraph holding `best`, kept for cutting it.
        let (mut scan, mut kept) = (Scan::default(), Scan::default());
        let mut atoms: Vec<(usize, bool)> = Vec::new();
        for (pi, para) in paragraphs.iter().enumerate() {
            if complete {
                break;
            }
            self.scan_with(para, needles, &mut scan);
            let found = &scan.found;
            let mut improved = false;
            for i in 0..found.len() {
                let anchor = found[i].range.start;
                atoms.clear();
                let mut last_end = found[i].range.end;
                let mut count = 0;
                for f in found[i..]
                    .iter()
                    .take_while(|f| f.range.end <= anchor + WINDOW)
                {
                    count += 1;
                    last_end = last_end.max(f.range.end);
                    match atoms.iter_mut().find(|a| a.0 == f.atom) {
                        Some(a) => a.1 |= !f.approx,
                        None => atoms.push((f.atom, !f.approx)),
                    }
                }
                let score = atoms
                    .iter()
                    .map(|a| if a.1 { 2.0 } else { 1.0 })
                    .sum::<f32>()
                    + 0.1 * count as f32;
                if best.is_none_or(|b| score > b.0) {
                    best = Some((score, pi, anchor, last_end));
                    improved = true;
                }
                complete |= atoms.len() == self.atoms.len() && atoms.iter().all(|a| a.1);
            }
            if improved {
                std::mem::swap(&mut scan, &mut kept);
            }
        }
        match best {
            Some((_, pi, anchor, last_end)) => {
                self.cut(&paragraphs[pi], Some(pi), anchor, last_end, &kept)
            }
            None => {
                let (text, paragraph) = match paragraphs.iter().position(|p| !p.trim().is_empty()) {
                    Some(pi) => (paragraphs[pi].as_str(), Some(pi)),
                    None => (title, None),
                };
                self.scan(text, &mut scan);
                self.cut(text, paragraph, 0, 0, &scan)
            }
        }
    }

    /// The snippet of `para` around `anchor..last_end`, given the paragraph's [`Scan`].
    fn cut(
        &self,
        para: &str,
        paragraph: Option<usize>,
        anchor: usize,
        last_end: usize,
        scan: &Scan,
    ) -> Snippet {
        // The paragraph's tokens about `from..to`: all of them after a full scan, else read now.
        let tokens = |from: usize, to: usize| -> Cow<'_, [Range<usize>]> {
            if scan.sparse {
                Cow::Owned(tokens_around(para, from, to))
            } else {
                Cow::Borrowed(&scan.toks)
            }
        };
        let para_end = para.trim_end().len();
        let start = if anchor <= LEAD + 20 {
            0
        } else {
            // Start at the sentence holding the match if that keeps the lead short, else a few
            // words before the match.
            // Boundaries up to the match depend on nothing past the word holding it.
            let upto = para[anchor..].find(' ').map_or(para.len(), |k| anchor + k);
            let sentence = text::sentences(&para[..upto])
                .into_iter()
                .find(|s| s.start <= anchor && anchor < s.end.max(s.start + 1));
            match sentence {
                Some(s) if anchor - s.start <= 2 * LEAD => s.start,
                _ => tokens(anchor - LEAD, anchor)
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
            let last = |toks: &[Range<usize>]| {
                toks.iter()
                    .map(|t| t.end)
                    .take_while(|&e| e <= target)
                    .last()
            };
            last(&tokens(start, target))
                .or_else(|| last(&tokens(0, target)))
                .unwrap_or(para_end)
                .max(last_end)
        };
        let marks = merge(
            scan.found
                .iter()
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

/// The tokens of `para` in the chunks (space to space) that overlap `from..to`: a token never
/// spans a space, so these are exactly the paragraph's tokens there.
fn tokens_around(para: &str, from: usize, to: usize) -> Vec<Range<usize>> {
    let b = para.as_bytes();
    let (from, to) = (from.min(b.len()), to.min(b.len()));
    let lo = b[..from]
        .iter()
        .rposition(|&c| c == b' ')
        .map_or(0, |i| i + 1);
    let hi = b[to..]
        .iter()
        .position(|&c| c == b' ')
        .map_or(b.len(), |i| to + i);
    let mut toks = Vec::new();
    text::each_token(&para[lo..hi.max(lo)], |t| {
        toks.push(lo + t.start..lo + t.end)
    });
    toks
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
