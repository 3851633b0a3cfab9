//! Full-text search over the corpus: query language, inverted index, BM25F ranking, typo and
//! broken-name tolerance, highlighting and snippets.
//!
//! Normalisation is shared by index, query and highlighting (`crate::text`): case and diacritic
//! folding, possessives, English stemming; so "Jose" finds "José", "deport" finds "deported",
//! "Bukele" finds "Bukele’s". Every match is reported as byte ranges into the original text.
//!
//! Decisions, each explained where it lives:
//! - the last word of a query as typed is a prefix (`query`);
//! - typos: 0 edits up to 4 letters, 1 up to 8, 2 beyond; same first letter; only towards more
//!   frequent words (`rank`, `typo`);
//! - a name split in two capitalised short fragments ("BUK ELE'S") is indexed joined, as an
//!   approximate-only term (`index::joinable`);
//! - clean hits always rank above approximate ones, then BM25F with the title weighted 3x;
//! - stopwords are not indexed but keep their positions, so phrases stay exact.
//!
//! Typical use:
//! ```
//! use parallax_core::search::{Doc, Index, parse};
//! let body = vec!["Kast visited the CECOT mega-prison.".to_string()];
//! let docs = [Doc { id: "a", title: "Kast in El Salvador", body: &body, fields: vec![] }];
//! let mut index = Index::new();
//! for d in &docs {
//!     index.add(d);
//! }
//! let result = index.search(&parse("prisons").query, &docs[..], 10);
//! assert_eq!(result.hits[0].id, "a");
//! let mark = &result.hits[0].snippet.marks[0];
//! assert_eq!(&result.hits[0].snippet.text[mark.range.clone()], "prison");
//! ```
//! (The stem of "mega-prison" is found because hyphenated words are separate tokens.)

mod index;
mod query;
mod rank;
mod snippet;
mod typo;

pub use index::Index;
pub use query::{parse, Atom, Group, ParsedQuery, Query, QueryWord};
pub(crate) use rank::top;
pub use rank::{Ranked, PREFIX_CAP};
pub use snippet::{highlight, Mark, Matcher, Snippet};
pub use typo::{bounded_distance, typo_budget};

use crate::text;
use serde::{Deserialize, Serialize};

/// Document number: position in order of [`Index::add`].
pub type DocNo = u32;

/// A document to index. Field values are free text, searched with `name:value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc<'a> {
    /// Caller's id, returned in hits.
    pub id: &'a str,
    /// Title; weighted above the body.
    pub title: &'a str,
    /// Body paragraphs.
    pub body: &'a [String],
    /// Filterable values, e.g. `("outlet", "The Washington Times")`, `("entity", "José Antonio Kast")`.
    pub fields: Vec<(&'a str, String)>,
}

/// Access to document text for snippets and title highlights, by [`DocNo`] (the order documents
/// were added in).
pub trait DocText {
    /// The title as indexed.
    fn title(&self, doc: DocNo) -> &str;
    /// The body paragraphs as indexed.
    fn paragraphs(&self, doc: DocNo) -> &[String];
}

impl DocText for [Doc<'_>] {
    fn title(&self, doc: DocNo) -> &str {
        self.get(doc as usize).map_or("", |d| d.title)
    }

    fn paragraphs(&self, doc: DocNo) -> &[String] {
        self.get(doc as usize).map_or(&[], |d| d.body)
    }
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Document number.
    pub doc: DocNo,
    /// Id the document was added with.
    pub id: String,
    /// BM25F score; only comparable within one search.
    pub score: f32,
    /// Found only through typo tolerance or a broken-name join; ranked below all clean hits.
    pub approximate: bool,
    /// Highlights in the title.
    pub title_marks: Vec<Mark>,
    /// Best passage of the body.
    pub snippet: Snippet,
}

/// Nearest dictionary words for a query word that matched nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The word as typed.
    pub word: String,
    /// Folded dictionary words, best first.
    pub alternatives: Vec<String>,
}

/// What [`Index::search`] returns.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResult {
    /// The best `limit` hits, best first.
    pub hits: Vec<Hit>,
    /// Number of matching documents.
    pub total: usize,
    /// Short notes for the user (from parsing, and about empty results).
    pub hints: Vec<String>,
    /// Alternatives for words that matched nothing, when there are no results.
    pub suggestions: Vec<Suggestion>,
}

/// Most suggestions returned per word.
const SUGGESTIONS: usize = 5;

impl Index {
    /// Runs `q`, returning the top `limit` hits with title highlights and snippets.
    pub fn search<D: DocText + ?Sized>(&self, q: &Query, docs: &D, limit: usize) -> SearchResult {
        let plan = self.plan(q);
        let mut ranked = self.rank_plan(&plan);
        top(&mut ranked, limit);
        let matcher = Matcher::from_plan(self, &plan);
        let hits = ranked
            .iter()
            .take(limit)
            .map(|r| Hit {
                doc: r.doc,
                id: self.doc_id(r.doc).unwrap_or_default().to_string(),
                score: r.score,
                approximate: r.approximate,
                title_marks: matcher.marks(docs.title(r.doc)),
                snippet: matcher.indexed_snippet(r.doc, docs.title(r.doc), docs.paragraphs(r.doc)),
            })
            .collect();
        let mut result = SearchResult {
            hits,
            total: ranked.len(),
            ..Default::default()
        };
        if ranked.is_empty() && q.has_positive() {
            self.explain_empty(&plan, &mut result);
        }
        result
    }

    /// [`parse`] then [`Index::search`], with the parser's hints first.
    pub fn query<D: DocText + ?Sized>(&self, input: &str, docs: &D, limit: usize) -> SearchResult {
        let parsed = parse(input);
        let mut result = self.search(&parsed.query, docs, limit);
        let mut hints = parsed.hints;
        hints.append(&mut result.hints);
        result.hints = hints;
        result
    }

    /// A matcher that highlights exactly what a search for `q` matches in this index.
    pub fn matcher(&self, q: &Query) -> Matcher {
        Matcher::from_plan(self, &self.plan(q))
    }

    /// [`Index::rank`], in document order, and [`Index::matcher`] at the price of one: resolving
    /// the query's words against the dictionary is a good part of a keystroke's work.
    pub(crate) fn rank_with_matcher(&self, q: &Query) -> (Vec<Ranked>, Matcher) {
        let plan = self.plan(q);
        (self.rank_plan(&plan), Matcher::from_plan(self, &plan))
    }

    fn explain_empty(&self, plan: &rank::Plan, result: &mut SearchResult) {
        for g in plan.groups.iter().filter(|g| !g.exclude) {
            for a in &g.atoms {
                for w in a
                    .words
                    .iter()
                    .filter(|w| !w.w.stop && w.text.is_empty() && w.joins.is_empty())
                {
                    match &a.field {
                        None => {
                            let alternatives = self.suggest(&w.w.text);
                            if alternatives.is_empty() {
                                result
                                    .hints
                                    .push(format!("No article contains \"{}\".", w.w.text));
                            } else {
                                let word = w.w.text.clone();
                                result.suggestions.push(Suggestion { word, alternatives });
                            }
                        }
                        Some(name) if !self.fields.contains_key(name) => {
                            let known: Vec<String> =
                                self.fields.keys().map(|k| format!("{k}:")).collect();
                            result.hints.push(format!(
                                "No article has a \"{name}:\" field (known: {}).",
                                known.join(", ")
                            ));
                        }
                        Some(name) => {
                            result
                                .hints
                                .push(format!("No article has {name}:{}.", w.w.text));
                        }
                    }
                }
            }
        }
        if result.suggestions.is_empty() && result.hints.is_empty() {
            result.hints.push(
                "Each part matches somewhere, but no article matches all of it together.".into(),
            );
        }
    }

    /// Dictionary words nearest to `word`, more frequent first: within 1 edit (2 for words of
    /// 5+ letters) sharing its first letter (as typo matching does; it also spares a scan of the
    /// whole dictionary, which costs milliseconds at 50,000 words), failing that, words it
    /// begins. Folded forms, as indexed.
    pub fn suggest(&self, word: &str) -> Vec<String> {
        let norm = text::tokenize(word)
            .into_iter()
            .next()
            .map_or_else(|| text::fold(word), |t| t.norm.into());
        let Some(first) = norm.chars().next() else {
            return Vec::new();
        };
        let n = norm.chars().count();
        let dict = &self.text;
        let own = dict.stem_ids.get(text::stem(&norm).as_str()).copied();
        let head = &norm[..first.len_utf8()];
        let same_first = dict.with_prefix(head);
        let max = if n <= 4 { 1 } else { 2 };
        let mut cands = near(dict, same_first, &norm, own, max);
        if cands.is_empty() {
            cands = dict
                .with_prefix(&norm)
                .filter(|(_, &id)| Some(id) != own)
                .map(|(k, &id)| (0, dict.df(id), &**k, id))
                .collect();
        }
        cands.sort_by(|a, b| (a.0, b.1, a.2.len(), a.2).cmp(&(b.0, a.1, b.2.len(), b.2)));
        let mut seen = Vec::new();
        cands
            .into_iter()
            .filter(|c| {
                let fresh = !seen.contains(&c.3);
                seen.push(c.3);
                fresh
            })
            .take(SUGGESTIONS)
            .map(|c| c.2.to_string())
            .collect()
    }
}

/// Words within `max` edits of `norm` as (distance, df, word, stem), skipping stem `own`.
fn near<'a>(
    dict: &'a index::Dict,
    keys: impl Iterator<Item = (&'a Box<str>, &'a u32)>,
    norm: &str,
    own: Option<u32>,
    max: u8,
) -> Vec<(u8, u32, &'a str, u32)> {
    let n = char_len(norm);
    keys.filter(|(k, &id)| Some(id) != own && char_len(k).abs_diff(n) <= usize::from(max))
        .filter_map(|(k, &id)| bounded_distance(norm, k, max).map(|d| (d, dict.df(id), &**k, id)))
        .collect()
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

#[cfg(test)]
mod tests;
