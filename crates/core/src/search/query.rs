//! The query language and its forgiving parser.
//!
//! Grammar, loosely: whitespace-separated pieces, all required (AND). A piece is a word, a
//! `"quoted phrase"`, a `word*` prefix, or a `field:value` filter (`outlet:`, `entity:`, any
//! ASCII name of 2+ letters; the value may be a word or a quoted phrase). A leading `-` (or the
//! operator `NOT`) excludes a piece; `OR` between pieces makes them alternatives and binds tighter
//! than AND (`kast prison OR jail` = kast AND (prison OR jail)). `AND` is accepted and redundant.
//!
//! Words are normalised exactly as the index does it (fold, possessive, stem), so "José",
//! "Bukele's" and "deported" mean jose, bukele and deport. A word with inner punctuation
//! ("far-right") is an implicit phrase. Stopwords are dropped unless inside a phrase, where each
//! one stands for exactly one word.
//!
//! Search as you type: the last word is a prefix when the input does not end with whitespace or
//! punctuation (`kast pri` finds prison), except in an exclusion, so `-tru` on its way to `-trump`
//! does not hide every article with "truth" in it.

use crate::text::{self, TokenKind};
use serde::{Deserialize, Serialize};

/// A parsed query: an AND of groups.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Query {
    /// Every non-excluded group must match; no excluded group may.
    pub groups: Vec<Group>,
}

/// Alternatives joined by `OR`, possibly excluded as a whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// `-piece` / `NOT piece`: documents matching this group are removed.
    pub exclude: bool,
    /// A document matches the group if it matches any atom.
    pub any: Vec<Atom>,
}

/// One word, phrase or field filter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Atom {
    /// `Some("outlet")` for `outlet:...`; lowercase. `None` searches title and body.
    pub field: Option<String>,
    /// One word, or several that must be adjacent in this order (a phrase).
    pub words: Vec<QueryWord>,
    /// Written in quotes: typo tolerance is off for its words.
    pub quoted: bool,
}

/// A query word with the normal forms the index uses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryWord {
    /// As typed.
    pub text: String,
    /// Folded, possessive removed (`text::tokenize` norm).
    pub norm: String,
    /// Index term: stem of `norm`, or `norm` itself for numbers.
    pub term: String,
    /// Also matches words starting with `norm` (explicit `*`, or the word being typed).
    pub prefix: bool,
    /// A stopword (never when `prefix`): skipped alone, a one-word wildcard inside a phrase.
    pub stop: bool,
    /// A number: never typo-corrected (2021 is not 2022).
    pub number: bool,
}

/// The best reading of a query string, with hints about what was repaired or ignored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ParsedQuery {
    /// What will be searched for.
    pub query: Query,
    /// Short user-facing notes; empty for a well-formed query.
    pub hints: Vec<String>,
}

impl Query {
    /// Nothing to search for and nothing to exclude.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// True if some group can select documents on its own (not only exclusions or stopwords).
    pub fn has_positive(&self) -> bool {
        self.groups
            .iter()
            .any(|g| !g.exclude && g.any.iter().any(Atom::is_effective))
    }
}

impl Atom {
    /// Has a word that selects documents (not every word a stopword).
    pub fn is_effective(&self) -> bool {
        self.words.iter().any(|w| !w.stop)
    }
}

impl QueryWord {
    fn new(text: &str, norm: String, kind: TokenKind) -> Self {
        let number = kind == TokenKind::Number;
        let term = if number {
            norm.clone()
        } else {
            text::stem(&norm)
        };
        let stop = !number && text::is_stopword(&norm);
        QueryWord {
            text: text.to_string(),
            norm,
            term,
            prefix: false,
            stop,
            number,
        }
    }

    fn set_prefix(&mut self) {
        self.prefix = true;
        self.stop = false;
    }
}

/// A raw piece before grouping.
enum Piece {
    Atom { atom: Atom, exclude: bool },
    Or,
}

struct Scanner<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<char> {
        self.s[self.i..].chars().next()
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.i += c.len_utf8();
        }
    }

    fn at_space(&self) -> bool {
        self.peek().is_none_or(char::is_whitespace)
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    /// `name:` at the cursor (2+ ASCII letters). Consumes it and returns the lowercase name.
    fn field_name(&mut self) -> Option<String> {
        let rest = &self.s[self.i..];
        let n = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        if n >= 2 && rest.as_bytes().get(n) == Some(&b':') {
            self.i += n + 1;
            return Some(rest[..n].to_ascii_lowercase());
        }
        None
    }

    /// A quoted run after the opening quote; returns (content, closed).
    fn quoted(&mut self) -> (&'a str, bool) {
        self.bump();
        let start = self.i;
        match self.s[start..].find(['"', '“', '”']) {
            Some(k) => {
                self.i = start + k;
                self.bump();
                (&self.s[start..start + k], true)
            }
            None => {
                self.i = self.s.len();
                (&self.s[start..], false)
            }
        }
    }

    /// A bare run up to whitespace or a quote.
    fn bare(&mut self) -> &'a str {
        let start = self.i;
        while let Some(c) = self.peek() {
            if c.is_whitespace() || is_quote(c) {
                break;
            }
            self.bump();
        }
        &self.s[start..self.i]
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

struct Hints(Vec<String>);

impl Hints {
    fn push(&mut self, h: String) {
        if !self.0.contains(&h) {
            self.0.push(h);
        }
    }
}

/// Parses a query; never fails. Malformed input gets its most plausible reading plus hints.
pub fn parse(input: &str) -> ParsedQuery {
    let mut sc = Scanner { s: input, i: 0 };
    let mut hints = Hints(Vec::new());
    let mut pieces: Vec<Piece> = Vec::new();
    let mut pending_not = false;
    // Whether the final atom may be read as a word still being typed.
    let mut open_end = false;

    loop {
        sc.skip_ws();
        let Some(c) = sc.peek() else { break };
        let mut exclude = std::mem::take(&mut pending_not);
        if c == '-' {
            while sc.peek() == Some('-') {
                sc.bump();
            }
            if sc.at_space() {
                hints.push("A lone \"-\" was ignored: put it right before a word to exclude it, e.g. -prison.".into());
                continue;
            }
            exclude = true;
        }
        let field = sc.field_name();
        if let Some(name) = &field {
            if sc.at_space() {
                hints.push(format!(
                    "\"{name}:\" needs a value right after it, e.g. {name}:kast; it was ignored."
                ));
                continue;
            }
        }
        let (content, quoted, closed) = if sc.peek().is_some_and(is_quote) {
            let (content, closed) = sc.quoted();
            if !closed {
                hints.push(format!(
                    "Missing closing quote: searched for the phrase \"{}\".",
                    content.trim()
                ));
            }
            (content, true, closed)
        } else {
            (sc.bare(), false, true)
        };
        if !quoted && field.is_none() && !exclude {
            match content {
                "OR" | "|" => {
                    pieces.push(Piece::Or);
                    open_end = false;
                    continue;
                }
                "AND" | "&&" => {
                    open_end = false;
                    continue;
                }
                "NOT" => {
                    pending_not = true;
                    open_end = false;
                    continue;
                }
                _ => {}
            }
        }
        let trimmed = content.trim_end();
        let star = trimmed.ends_with('*');
        let body = trimmed.trim_end_matches('*');
        if body.contains('*') {
            hints.push(
                "\"*\" only works at the end of a word (kast*); inner ones were ignored.".into(),
            );
        }
        let tokens = text::tokenize(body);
        if tokens.is_empty() {
            if star {
                hints.push(
                    "A lone \"*\" was ignored: put it after the start of a word, e.g. pris*."
                        .into(),
                );
            } else if quoted && content.trim().is_empty() {
                hints.push("Empty quotes were ignored.".into());
            }
            open_end = false;
            continue;
        }
        let mut words: Vec<QueryWord> = tokens
            .iter()
            .map(|t| QueryWord::new(&body[t.start..t.end], t.norm.to_string(), t.kind))
            .collect();
        let last_end = tokens.last().map_or(0, |t| t.end);
        if star {
            if let Some(w) = words.last_mut() {
                w.set_prefix();
            }
        }
        // A word counts as still being typed only if nothing (space, punctuation, closing quote)
        // follows it in the input.
        open_end = !exclude
            && sc.i == input.len()
            && (!quoted || !closed)
            && last_end == body.len()
            && body.len() == content.len();
        pieces.push(Piece::Atom {
            atom: Atom {
                field,
                words,
                quoted,
            },
            exclude,
        });
    }
    if pending_not {
        hints.push("\"NOT\" needs a word after it; it was ignored.".into());
    }
    if open_end {
        if let Some(Piece::Atom { atom, .. }) = pieces.last_mut() {
            if let Some(w) = atom.words.last_mut() {
                w.set_prefix();
            }
        }
    }

    let query = group(pieces, &mut hints);
    if !query.is_empty() && !query.has_positive() {
        let only_stop = query.groups.iter().any(|g| !g.exclude);
        if only_stop {
            hints.push(
                "Only very common words (like \"the\", \"of\") were given; add a more specific word."
                    .into(),
            );
        }
    }
    ParsedQuery {
        query,
        hints: hints.0,
    }
}

fn group(pieces: Vec<Piece>, hints: &mut Hints) -> Query {
    let mut groups: Vec<Group> = Vec::new();
    let mut pending_or = false;
    let or_hint = "\"OR\" needs a word on each side; a stray one was ignored.";
    for piece in pieces {
        match piece {
            Piece::Or => {
                if groups.is_empty() || pending_or {
                    hints.push(or_hint.into());
                } else {
                    pending_or = true;
                }
            }
            Piece::Atom { atom, exclude } => {
                let joinable = groups.last().is_some_and(|g| !g.exclude) && !exclude;
                if pending_or && joinable {
                    groups.last_mut().expect("checked").any.push(atom);
                } else {
                    if pending_or {
                        hints.push(
                            "\"OR\" cannot combine with an exclusion; both sides were kept separately."
                                .into(),
                        );
                    }
                    groups.push(Group {
                        exclude,
                        any: vec![atom],
                    });
                }
                pending_or = false;
            }
        }
    }
    if pending_or {
        hints.push(or_hint.into());
    }
    Query { groups }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &Query) -> Vec<Vec<Vec<&str>>> {
        q.groups
            .iter()
            .map(|g| {
                g.any
                    .iter()
                    .map(|a| a.words.iter().map(|w| w.term.as_str()).collect())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn parse_plain_words_are_and_groups_with_stems() {
        let p = parse("deported prisoners ");
        assert!(p.hints.is_empty());
        assert_eq!(words(&p.query), [[["deport"]], [["prison"]]]);
        assert!(p
            .query
            .groups
            .iter()
            .all(|g| !g.exclude && !g.any[0].words[0].prefix));
    }

    #[test]
    fn parse_last_word_is_prefix_only_while_typing() {
        let typing = parse("kast pri");
        assert!(typing.query.groups[1].any[0].words[0].prefix);
        assert!(!typing.query.groups[0].any[0].words[0].prefix);
        let done = parse("kast pri ");
        assert!(!done.query.groups[1].any[0].words[0].prefix);
        let punct = parse("kast pri.");
        assert!(!punct.query.groups[1].any[0].words[0].prefix);
    }

    #[test]
    fn parse_explicit_star_makes_prefix_anywhere() {
        let p = parse("pris* kast ");
        assert!(p.query.groups[0].any[0].words[0].prefix);
        assert_eq!(p.query.groups[0].any[0].words[0].norm, "pris");
    }

    #[test]
    fn parse_quoted_phrase_keeps_stopwords_as_wildcards() {
        let p = parse("\"prison in El Salvador\"");
        assert!(p.hints.is_empty());
        let atom = &p.query.groups[0].any[0];
        assert!(atom.quoted);
        let stops: Vec<bool> = atom.words.iter().map(|w| w.stop).collect();
        assert_eq!(stops, [false, true, false, false]);
        assert!(
            !atom.words.last().unwrap().prefix,
            "a closed phrase is complete"
        );
    }

    #[test]
    fn parse_unbalanced_quote_reads_rest_as_phrase_with_hint() {
        let p = parse("kast \"iron fist");
        assert_eq!(p.hints.len(), 1);
        assert!(p.hints[0].contains("closing quote"), "{:?}", p.hints);
        assert_eq!(
            words(&p.query),
            vec![vec![vec!["kast"]], vec![vec!["iron", "fist"]]]
        );
        assert!(
            p.query.groups[1].any[0].words[1].prefix,
            "still typing inside the quote"
        );
    }

    #[test]
    fn parse_exclusion_and_lone_dash() {
        let p = parse("kast -trump");
        assert!(p.hints.is_empty());
        assert!(p.query.groups[1].exclude);
        assert!(
            !p.query.groups[1].any[0].words[0].prefix,
            "exclusions are never prefixes"
        );
        let lone = parse("kast - prison");
        assert_eq!(lone.hints.len(), 1);
        assert!(lone.hints[0].contains('-'));
        assert_eq!(words(&lone.query), [[["kast"]], [["prison"]]]);
        assert!(lone.query.groups.iter().all(|g| !g.exclude));
    }

    #[test]
    fn parse_hyphenated_word_is_a_phrase_not_an_exclusion() {
        let p = parse("far-right ");
        assert_eq!(words(&p.query), [[["far", "right"]]]);
        assert!(!p.query.groups[0].exclude);
        let ex = parse("-\"iron fist\" kast");
        assert!(ex.query.groups[0].exclude);
        assert_eq!(ex.query.groups[0].any[0].words.len(), 2);
    }

    #[test]
    fn parse_or_binds_tighter_than_and() {
        let p = parse("kast prison OR jail ");
        assert_eq!(
            words(&p.query),
            vec![vec![vec!["kast"]], vec![vec!["prison"], vec!["jail"]]]
        );
        assert!(p.hints.is_empty());
    }

    #[test]
    fn parse_stray_or_is_dropped_with_hint() {
        for q in ["OR kast", "kast OR", "kast OR OR bukele"] {
            let p = parse(q);
            assert_eq!(p.hints.len(), 1, "{q}: {:?}", p.hints);
            assert!(p
                .query
                .groups
                .iter()
                .all(|g| g.any.iter().all(|a| !a.words.is_empty())));
        }
        let lower = parse("kast or bukele ");
        assert_eq!(lower.query.groups.len(), 3, "lowercase or is a word");
        assert!(lower.query.groups[1].any[0].words[0].stop);
    }

    #[test]
    fn parse_not_operator_excludes_next_piece() {
        let p = parse("kast NOT trump");
        assert!(p.query.groups[1].exclude);
        assert!(parse("kast NOT").hints[0].contains("NOT"));
    }

    #[test]
    fn parse_field_filters_with_words_and_phrases() {
        let p = parse("outlet:\"Washington Times\" entity:José kast");
        assert!(p.hints.is_empty(), "{:?}", p.hints);
        let g = &p.query.groups;
        assert_eq!(g[0].any[0].field.as_deref(), Some("outlet"));
        assert_eq!(g[0].any[0].words.len(), 2);
        assert_eq!(g[1].any[0].field.as_deref(), Some("entity"));
        assert_eq!(g[1].any[0].words[0].norm, "jose");
        assert_eq!(g[2].any[0].field, None);
        let neg = parse("-outlet:Reuters kast ");
        assert!(neg.query.groups[0].exclude);
        assert_eq!(neg.query.groups[0].any[0].field.as_deref(), Some("outlet"));
    }

    #[test]
    fn parse_empty_field_value_is_ignored_with_hint() {
        let p = parse("outlet: kast");
        assert_eq!(p.hints.len(), 1);
        assert!(p.hints[0].contains("outlet:"));
        assert_eq!(words(&p.query), [[["kast"]]]);
        assert_eq!(p.query.groups[0].any[0].field, None);
    }

    #[test]
    fn parse_numbers_and_times_are_not_fields() {
        let p = parse("10:30 1,537 ");
        assert!(p.query.groups.iter().all(|g| g.any[0].field.is_none()));
        assert!(p
            .query
            .groups
            .iter()
            .flat_map(|g| &g.any[0].words)
            .any(|w| w.number && w.norm == "1,537"));
    }

    #[test]
    fn parse_diacritics_and_possessives_normalise() {
        let p = parse("José Bukele’s ");
        assert_eq!(words(&p.query), [[["jose"]], [["bukel"]]]);
        assert_eq!(p.query.groups[1].any[0].words[0].norm, "bukele");
        assert_eq!(p.query.groups[1].any[0].words[0].text, "Bukele’s");
    }

    #[test]
    fn parse_stopword_only_query_hints() {
        let p = parse("the of ");
        assert!(!p.query.has_positive());
        assert_eq!(p.hints.len(), 1);
        let typing = parse("the");
        assert!(
            typing.query.has_positive(),
            "a word being typed is a prefix, not a stopword"
        );
        assert!(typing.hints.is_empty());
    }

    #[test]
    fn parse_lone_star_and_empty_quotes_hint_and_never_panic() {
        assert!(parse("*").hints[0].contains('*'));
        assert!(parse("kast \"\" ").hints[0].contains("quotes"));
        for q in [
            "", " ", "\"", "-", "--", ":", "a:", "\"\"\"", "OR", "-\"", "é*", "“kast", "NOT NOT",
        ] {
            let _ = parse(q);
        }
        assert!(parse("").query.is_empty());
        assert!(parse("").hints.is_empty());
    }
}
