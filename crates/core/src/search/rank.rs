//! Query evaluation: expand each word against the dictionary, collect matching documents, score
//! them with BM25F (title weighted above body), and order clean matches above approximate ones.
//!
//! Expansion of a query word, in order of trust:
//! 1. its stem (clean, weight 1);
//! 2. if it is a prefix, the stems of up to [`PREFIX_CAP`] surface words starting with it, most
//!    frequent first (clean, slightly lower weight, so "kast" outranks "kastner" for `kast`);
//! 3. typo neighbours within [`typo_budget`] edits that share the first letter and are *more*
//!    frequent than the word itself (approximate). The frequency gate means a correctly spelled
//!    common word ("crime") never drags in rarer neighbours ("crimea"), while a misspelling
//!    ("Bukelle") reaches the common spelling. Sharing the first letter keeps the scan to one
//!    slice of the sorted dictionary and avoids most real-word collisions;
//! 4. broken-name joins ("BUK ELE'S" indexed as "bukele"), always approximate.
//!
//! Exclusions and field filters use 1–2 only: hiding or filtering by a guess would surprise.

use super::index::{Dict, Index};
use super::query::{Atom, Query, QueryWord};
use super::typo::{bounded_distance, typo_budget};
use super::DocNo;
use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};

/// Most stems a prefix of 3+ letters expands to (a 1-letter prefix gets a quarter, 2 letters a
/// half): keeps the first keystrokes cheap on a large dictionary, where they say little anyway.
pub const PREFIX_CAP: usize = 48;
const PREFIX_WEIGHT: f32 = 0.8;
/// Weight of a typo match by edit count.
const TYPO_WEIGHT: [f32; 3] = [1.0, 0.5, 0.35];
const JOIN_WEIGHT: f32 = 0.6;
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A title occurrence counts like this many body occurrences (BM25F field weight).
const TITLE_WEIGHT: f32 = 3.0;

/// One dictionary stem a query word stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Expansion {
    pub stem: u32,
    pub weight: f32,
    pub approx: bool,
}

/// A query word resolved against the index.
#[derive(Clone, Debug)]
pub(crate) struct PWord {
    pub w: QueryWord,
    pub text: Vec<Expansion>,
    pub joins: Vec<Expansion>,
}

#[derive(Clone, Debug)]
pub(crate) struct PAtom {
    pub field: Option<String>,
    pub words: Vec<PWord>,
}

#[derive(Clone, Debug)]
pub(crate) struct PGroup {
    pub exclude: bool,
    pub atoms: Vec<PAtom>,
}

/// A query resolved against one index: what every word expands to.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    pub groups: Vec<PGroup>,
}

/// Atoms whose plans an index remembers.
const RECENT_ATOMS: usize = 16;

/// The last atoms planned (with whether they were excluded) and their plans, newest first. As
/// a reader types, every keystroke plans the words before the one being typed again, and a
/// typo-tolerant word costs a pass over a slice of the dictionary. Emptied when the index
/// changes; a copy of the index starts empty.
#[derive(Default)]
pub(crate) struct Recent(Mutex<VecDeque<(Atom, bool, PAtom)>>);

impl Recent {
    pub(crate) fn clear(&mut self) {
        self.0
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }
}

impl Clone for Recent {
    fn clone(&self) -> Self {
        Recent::default()
    }
}

impl std::fmt::Debug for Recent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Recent")
    }
}

/// Match strength per document: 0 none, 1 approximate only, 2 clean.
const NONE: u8 = 0;
const APPROX: u8 = 1;
const CLEAN: u8 = 2;

struct Acc {
    state: Vec<u8>,
    score: Vec<f32>,
}

impl Acc {
    fn new(n: usize) -> Self {
        Acc {
            state: vec![NONE; n],
            score: vec![0.0; n],
        }
    }

    /// Alternatives for the same thing: the strongest state wins, then the best score.
    fn put(&mut self, d: usize, state: u8, score: f32) {
        if state > self.state[d] {
            self.state[d] = state;
            self.score[d] = score;
        } else if state == self.state[d] {
            self.score[d] = self.score[d].max(score);
        }
    }
}

/// A ranked document.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// Document number.
    pub doc: DocNo,
    /// BM25F score (0 for filter-only queries).
    pub score: f32,
    /// Some required word matched only through a typo or a broken-name join.
    pub approximate: bool,
}

impl Dict {
    fn resolve(&self, w: &QueryWord, typos: bool, approx: bool) -> Vec<Expansion> {
        let mut out = Vec::new();
        let exact = self.stem_ids.get(w.term.as_str()).copied();
        if let Some(stem) = exact {
            out.push(Expansion {
                stem,
                weight: 1.0,
                approx,
            });
        }
        if w.prefix && !w.norm.is_empty() {
            let chars = w.norm.chars().count().min(3);
            let cap = PREFIX_CAP * [0, 1, 2, 4][chars] / 4;
            let cands = self.frequent_stems(&w.norm, cap, exact);
            out.extend(cands.into_iter().map(|stem| Expansion {
                stem,
                weight: PREFIX_WEIGHT,
                approx,
            }));
        }
        let budget = typo_budget(w.norm.chars().count());
        if typos && !w.number && !w.stop && budget > 0 {
            // Joins are approximate anyway and rarer than the clean spelling: no frequency gate.
            let gate = if approx {
                0
            } else {
                exact.map_or(0, |id| self.df(id))
            };
            let first = w.norm.chars().next().unwrap_or_default();
            let n = w.norm.chars().count();
            let b = usize::from(budget);
            // Only words with as many letters, give or take `budget`, can be that near.
            for (key, id) in self.words_by_length(first, n.saturating_sub(b)..=n + b) {
                if self.df(id) <= gate {
                    continue;
                }
                let Some(d) = bounded_distance(&w.norm, key, budget) else {
                    continue;
                };
                let weight = TYPO_WEIGHT[d as usize];
                match out.iter_mut().find(|e| e.stem == id) {
                    Some(e) => e.weight = e.weight.max(weight),
                    None => out.push(Expansion {
                        stem: id,
                        weight,
                        approx: true,
                    }),
                }
            }
        }
        out
    }
}

impl Index {
    /// Resolves every word of `q` against this index's dictionaries.
    pub(crate) fn plan(&self, q: &Query) -> Plan {
        let groups = q
            .groups
            .iter()
            .filter_map(|g| {
                let atoms: Vec<PAtom> = g
                    .any
                    .iter()
                    .filter_map(|a| self.plan_atom(a, g.exclude))
                    .collect();
                (!atoms.is_empty()).then_some(PGroup {
                    exclude: g.exclude,
                    atoms,
                })
            })
            .collect();
        Plan { groups }
    }

    /// [`Index::plan_atom_anew`], remembered for the last [`RECENT_ATOMS`] atoms.
    fn plan_atom(&self, a: &Atom, exclude: bool) -> Option<PAtom> {
        let mut recent = self.recent.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(i) = recent.iter().position(|(k, x, _)| k == a && *x == exclude) {
            let entry = recent.remove(i)?;
            let planned = entry.2.clone();
            recent.push_front(entry);
            return Some(planned);
        }
        drop(recent);
        let planned = self.plan_atom_anew(a, exclude)?;
        let mut recent = self.recent.0.lock().unwrap_or_else(PoisonError::into_inner);
        recent.push_front((a.clone(), exclude, planned.clone()));
        recent.truncate(RECENT_ATOMS);
        Some(planned)
    }

    fn plan_atom_anew(&self, a: &Atom, exclude: bool) -> Option<PAtom> {
        // Stopwords at the ends of a phrase cannot be checked against an index without them.
        let first = a.words.iter().position(|w| !w.stop)?;
        let last = a.words.iter().rposition(|w| !w.stop)?;
        let words = a.words[first..=last]
            .iter()
            .map(|w| {
                let (text, joins) = if w.stop {
                    (Vec::new(), Vec::new())
                } else if let Some(name) = &a.field {
                    let text = self
                        .fields
                        .get(name)
                        .map_or_else(Vec::new, |d| d.resolve(w, false, false));
                    (text, Vec::new())
                } else if exclude {
                    (self.text.resolve(w, false, false), Vec::new())
                } else {
                    let mut joins = self.joins.resolve(w, !a.quoted, true);
                    joins.iter_mut().for_each(|e| e.weight *= JOIN_WEIGHT);
                    (self.text.resolve(w, !a.quoted, false), joins)
                };
                PWord {
                    w: w.clone(),
                    text,
                    joins,
                }
            })
            .collect();
        Some(PAtom {
            field: a.field.clone(),
            words,
        })
    }

    /// Documents matching `q`, best first: clean matches above approximate ones, then by score.
    pub fn rank(&self, q: &Query) -> Vec<Ranked> {
        let mut ranked = self.rank_plan(&self.plan(q));
        ranked.sort_unstable_by(best_first);
        ranked
    }

    /// Documents matching `plan`, in document order.
    pub(crate) fn rank_plan(&self, plan: &Plan) -> Vec<Ranked> {
        let n = self.docs.len();
        // The most selective group first: each later one then scores only the documents still
        // in, which spares most of the work of a short prefix ("water s") after a rarer word.
        let mut order: Vec<usize> = (0..plan.groups.len())
            .filter(|&i| !plan.groups[i].exclude)
            .collect();
        order.sort_by_key(|&i| self.selectivity(&plan.groups[i]));
        let mut accs: Vec<Option<Acc>> = plan.groups.iter().map(|_| None).collect();
        let mut alive: Option<Vec<u8>> = None;
        for i in order {
            let acc = self.eval_group(&plan.groups[i].atoms, alive.as_deref());
            match &mut alive {
                None => alive = Some(acc.state.clone()),
                Some(a) => a
                    .iter_mut()
                    .zip(&acc.state)
                    .for_each(|(a, s)| *a = (*a).min(*s)),
            }
            accs[i] = Some(acc);
        }
        // Summed in query order, so a score does not depend on the evaluation order.
        let mut total = match alive {
            Some(state) => {
                let mut score = vec![0.0; n];
                for acc in accs.iter().flatten() {
                    score.iter_mut().zip(&acc.score).for_each(|(t, s)| *t += s);
                }
                Acc { state, score }
            }
            // Only exclusions: everything else is the answer.
            None if plan.groups.iter().any(|g| g.exclude) => Acc {
                state: vec![CLEAN; n],
                score: vec![0.0; n],
            },
            None => return Vec::new(),
        };
        for g in plan.groups.iter().filter(|g| g.exclude) {
            let acc = self.eval_group(&g.atoms, Some(&total.state));
            for d in 0..n {
                if acc.state[d] != NONE {
                    total.state[d] = NONE;
                }
            }
        }
        (0..n)
            .filter(|&d| total.state[d] != NONE)
            .map(|d| Ranked {
                doc: d as DocNo,
                score: total.score[d],
                approximate: total.state[d] == APPROX,
            })
            .collect()
    }

    /// About how many documents `g` matches, from document frequencies: an OR of its atoms, each
    /// at most as frequent as its rarest word, each word an OR of its expansions.
    fn selectivity(&self, g: &PGroup) -> u64 {
        g.atoms
            .iter()
            .map(|a| {
                let Some((dict, joins)) = self.dicts(a) else {
                    return 0;
                };
                a.words
                    .iter()
                    .filter(|w| !w.w.stop)
                    .map(|w| {
                        sources(dict, joins, w)
                            .map(|(d, e, _)| u64::from(d.df(e.stem)))
                            .sum::<u64>()
                    })
                    .min()
                    .unwrap_or(0)
            })
            .sum()
    }

    /// `within`: when given, only documents whose state there is not `NONE` are evaluated; the
    /// others are left unmatched.
    fn eval_group(&self, atoms: &[PAtom], within: Option<&[u8]>) -> Acc {
        if let [a] = atoms {
            return self.eval_atom(a, within);
        }
        let n = self.docs.len();
        let mut g = Acc::new(n);
        for a in atoms {
            let acc = self.eval_atom(a, within);
            for d in 0..n {
                if acc.state[d] != NONE {
                    g.state[d] = g.state[d].max(acc.state[d]);
                    g.score[d] += acc.score[d];
                }
            }
        }
        g
    }

    /// The dictionary `a` is looked up in, and the joins dictionary when it searches text;
    /// `None` for a field the index does not have.
    fn dicts(&self, a: &PAtom) -> Option<(&Dict, Option<&Dict>)> {
        match &a.field {
            Some(name) => self.fields.get(name).map(|d| (d, None)),
            None => Some((&self.text, Some(&self.joins))),
        }
    }

    fn eval_atom(&self, a: &PAtom, within: Option<&[u8]>) -> Acc {
        let mut acc = Acc::new(self.docs.len());
        let Some((dict, joins)) = self.dicts(a) else {
            return acc;
        };
        // Field filters only filter.
        let scored = a.field.is_none();
        if let [w] = a.words.as_slice() {
            self.eval_word(dict, &w.text, scored, within, &mut acc);
            if let Some(j) = joins {
                self.eval_word(j, &w.joins, scored, within, &mut acc);
            }
        } else {
            // Not narrowed by `within`: a phrase's IDF is the number of documents holding it.
            self.eval_phrase(dict, joins, &a.words, scored, &mut acc);
        }
        acc
    }

    fn eval_word(
        &self,
        dict: &Dict,
        exps: &[Expansion],
        scored: bool,
        within: Option<&[u8]>,
        acc: &mut Acc,
    ) {
        let lengths = self.lengths();
        for e in exps {
            let idf = self.idf(dict.df(e.stem));
            let state = if e.approx { APPROX } else { CLEAN };
            for p in dict.postings(e.stem) {
                let Some(&title_len) = lengths.titles.get(p.doc as usize) else {
                    break;
                };
                if within.is_some_and(|w| w[p.doc as usize] == NONE) {
                    continue;
                }
                let score = if scored {
                    let tf_title = if title_len == 0 {
                        0
                    } else {
                        p.count_below(title_len)
                    };
                    e.weight * lengths.bm25(idf, tf_title, p.count - tf_title, p.doc)
                } else {
                    0.0
                };
                acc.put(p.doc as usize, state, score);
            }
        }
    }

    fn eval_phrase(
        &self,
        dict: &Dict,
        joins: Option<&Dict>,
        words: &[PWord],
        scored: bool,
        acc: &mut Acc,
    ) {
        let n = self.docs.len();
        let sources = |w| sources(dict, joins, w);
        // Candidate documents: those containing every non-stop word in some form. Cheap, as
        // posting iteration skips positions without decoding them.
        let mut cand = vec![true; n];
        let mut has = vec![false; n];
        for w in words.iter().filter(|w| !w.w.stop) {
            has.iter_mut().for_each(|h| *h = false);
            for (src, e, _) in sources(w) {
                for p in src.postings(e.stem) {
                    if let Some(h) = has.get_mut(p.doc as usize) {
                        *h = true;
                    }
                }
            }
            cand.iter_mut().zip(&has).for_each(|(c, h)| *c &= *h);
        }
        if !cand.contains(&true) {
            return;
        }
        // One cursor per (word, expansion), advanced in document order; positions are decoded
        // only for candidate documents.
        let mut cursors: Vec<Vec<Cursor>> = words
            .iter()
            .map(|w| {
                sources(w)
                    .map(|(src, e, span)| Cursor {
                        it: src.postings(e.stem).peekable(),
                        span,
                        approx: e.approx,
                    })
                    .collect()
            })
            .collect();
        let mut occs: Vec<Vec<Occ>> = vec![Vec::new(); words.len()];
        let mut found: Vec<(DocNo, u32, u32, u8)> = Vec::new();
        for d in (0..n).filter(|&d| cand[d]) {
            let doc = d as DocNo;
            for (list, cs) in occs.iter_mut().zip(&mut cursors) {
                list.clear();
                let mut sources = 0;
                for c in cs {
                    while c.it.next_if(|p| p.doc < doc).is_some() {}
                    if let Some(p) = c.it.next_if(|p| p.doc == doc) {
                        sources += 1;
                        list.extend(p.positions().map(|pos| Occ {
                            pos,
                            span: c.span,
                            approx: c.approx,
                        }));
                    }
                }
                // One posting is already in position order.
                if sources > 1 {
                    list.sort_unstable_by_key(|o| (o.pos, o.span, o.approx));
                }
            }
            let title_len = self.docs[d].title_len;
            let (mut tf_title, mut tf_body, mut state) = (0, 0, NONE);
            for o in &occs[0] {
                if let Some(st) = chain(words, &occs, 1, o.pos + o.span, o.approx) {
                    state = state.max(st);
                    if o.pos < title_len {
                        tf_title += 1;
                    } else {
                        tf_body += 1;
                    }
                }
            }
            if state != NONE {
                found.push((doc, tf_title, tf_body, state));
            }
        }
        let idf = self.idf(found.len() as u32);
        let weight = words.iter().filter(|w| !w.w.stop).count() as f32;
        let lengths = self.lengths();
        for (doc, tt, tb, state) in found {
            let score = if scored {
                weight * lengths.bm25(idf, tt, tb, doc)
            } else {
                0.0
            };
            acc.put(doc as usize, state, score);
        }
    }

    fn idf(&self, df: u32) -> f32 {
        let n = self.docs.len() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn lengths(&self) -> &Lengths {
        self.lengths.get_or_init(|| {
            let n = self.docs.len().max(1) as f32;
            let avg_title = (self.title_tokens as f32 / n).max(1.0);
            let avg_body = (self.body_tokens as f32 / n).max(1.0);
            let norms = self
                .docs
                .iter()
                .map(|m| {
                    (
                        1.0 - B + B * m.title_len as f32 / avg_title,
                        1.0 - B + B * m.body_len as f32 / avg_body,
                    )
                })
                .collect();
            let titles = self.docs.iter().map(|m| m.title_len).collect();
            Lengths { norms, titles }
        })
    }
}

/// Each document's BM25F length normalisation of title and body, and title length: the same on
/// every query, and read for every posting.
#[derive(Clone, Debug)]
pub(crate) struct Lengths {
    norms: Vec<(f32, f32)>,
    titles: Vec<u32>,
}

impl Lengths {
    fn bm25(&self, idf: f32, tf_title: u32, tf_body: u32, doc: DocNo) -> f32 {
        let (norm_title, norm_body) = self.norms[doc as usize];
        let body = tf_body as f32 / norm_body;
        // Most matches are in the body only, and 0 / x + y is y: spare a division.
        let tf = if tf_title == 0 {
            body
        } else {
            TITLE_WEIGHT * tf_title as f32 / norm_title + body
        };
        idf * tf * (K1 + 1.0) / (tf + K1)
    }
}

/// The ranking order: clean matches above approximate ones, then by score, then by document. A
/// total order, so any sort gives the same result.
pub(crate) fn best_first(a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    a.approximate
        .cmp(&b.approximate)
        .then(b.score.total_cmp(&a.score))
        .then(a.doc.cmp(&b.doc))
}

/// Puts the best `k` of `ranked` first, in order; the rest stay unordered. A page of results
/// needs no more, and sorting thousands of matches on every keystroke costs.
pub(crate) fn top(ranked: &mut [Ranked], k: usize) {
    if k == 0 {
        return;
    }
    if k < ranked.len() {
        ranked.select_nth_unstable_by(k - 1, best_first);
    }
    let k = k.min(ranked.len());
    ranked[..k].sort_unstable_by(best_first);
}

/// Every (dictionary, expansion, span) a phrase word can match through.
fn sources<'a>(
    dict: &'a Dict,
    joins: Option<&'a Dict>,
    w: &'a PWord,
) -> impl Iterator<Item = (&'a Dict, &'a Expansion, u32)> + 'a {
    let text = w.text.iter().map(move |e| (dict, e, 1));
    let join = joins
        .into_iter()
        .flat_map(move |j| w.joins.iter().map(move |e| (j, e, 2)));
    text.chain(join)
}

struct Cursor<'a> {
    it: std::iter::Peekable<super::index::Postings<'a>>,
    span: u32,
    approx: bool,
}

#[derive(Clone, Copy)]
struct Occ {
    pos: u32,
    span: u32,
    approx: bool,
}

/// Whether words[i..] continue a phrase at position `at`; the best state found (clean wins).
fn chain(words: &[PWord], slices: &[Vec<Occ>], i: usize, at: u32, approx: bool) -> Option<u8> {
    let Some(w) = words.get(i) else {
        return Some(if approx { APPROX } else { CLEAN });
    };
    if w.w.stop {
        return chain(words, slices, i + 1, at + 1, approx);
    }
    let s = &slices[i];
    let lo = s.partition_point(|o| o.pos < at);
    let mut best = None;
    for o in s[lo..].iter().take_while(|o| o.pos == at) {
        if let Some(st) = chain(words, slices, i + 1, at + o.span, approx || o.approx) {
            best = best.max(Some(st));
            if st == CLEAN {
                break;
            }
        }
    }
    best
}
