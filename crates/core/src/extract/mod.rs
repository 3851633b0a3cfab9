//! Extraction of the things a reader compares across outlets: quantities, named entities,
//! quotations, framing vocabulary and the descriptors attached to people.
//!
//! Everything here is heuristic and rule-based (no models, no seed-specific lists): a small
//! hand-written scanner keeps punctuation, capitalisation and possessives that the search
//! tokenizer discards, and every span is a byte range into the text passed in.
//!
//! The small helpers asked of every token (`Tok::raw`, `spaced`, the rules' `word` and `linked`)
//! are `#[inline(always)]`: the app is built for size, and at that level they would stay calls,
//! which cost a large share of the extraction time in the browser.

mod entities;
mod framing;
mod numbers;
mod places;
mod quotes;

pub use entities::{EntityKind, EntityMention, Gazetteer};
pub use framing::{
    default_lexicon, descriptors, descriptors_with, Descriptor, FramingCategory, FramingMention,
    Lexicon,
};
pub use numbers::{describe, quantities, same_quantity, Hedge, Quantity, QuantityKind};
pub(crate) use numbers::{scale_word, small_word};
pub use quotes::{quotes, Quotation};

use entities::{Local, Scan};
use serde::{Deserialize, Serialize};

use crate::text::fold;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Everything the extractors find in one text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub entities: Vec<EntityMention>,
    pub quantities: Vec<Quantity>,
    pub quotes: Vec<Quotation>,
    pub framing: Vec<FramingMention>,
    pub descriptors: Vec<Descriptor>,
}

/// `gaz.entities`, [`quantities`], [`quotes`], `lex.find` and [`descriptors_with`] of one text
/// at once, with the same results, but one scan and one entity pass shared between them: what a
/// caller wanting several of them per paragraph should use.
pub fn analyse(text: &str, gaz: &Gazetteer, lex: &Lexicon) -> Extraction {
    let s = Scan::new(text);
    let (entities, framing, descriptors) = entities_and_framing(&s, gaz, lex);
    Extraction {
        quantities: numbers::quantities_in(text, &s.toks),
        quotes: quotes::quotes_in(text, &s.toks, &entities),
        entities,
        framing,
        descriptors,
    }
}

fn entities_and_framing(
    s: &Scan,
    gaz: &Gazetteer,
    lex: &Lexicon,
) -> (Vec<EntityMention>, Vec<FramingMention>, Vec<Descriptor>) {
    let local = Local::learn(s);
    let entities = gaz.entities_in(s, &local);
    let framing = lex.find_in(s.text, &s.toks);
    let descriptors = if framing.is_empty() {
        Vec::new()
    } else {
        framing::descriptors_in(s, gaz, &local, &entities, &framing)
    };
    (entities, framing, descriptors)
}

/// One text of [`learn_and_analyse`]: its entities, quotations and descriptors as
/// [`analyse`] finds them, and its scan, kept for the quantities of its parts.
pub(crate) struct Analysis<'t> {
    scan: Scan<'t>,
    pub entities: Vec<EntityMention>,
    pub quotes: Vec<Quotation>,
    pub descriptors: Vec<Descriptor>,
}

impl Analysis<'_> {
    /// `quantities(&text[range])`, spans relative to `range.start`, from the tokens already
    /// scanned. The scanner decides a token from its own characters and those right after it, so
    /// the tokens inside a range that no token straddles are those of the range scanned alone.
    pub fn quantities_of(&self, range: std::ops::Range<usize>) -> Vec<Quantity> {
        let (text, toks) = (self.scan.text, &self.scan.toks);
        let lo = toks.partition_point(|t| t.start < range.start);
        let hi = toks.partition_point(|t| t.start < range.end);
        let straddles =
            lo > 0 && toks[lo - 1].end > range.start || hi > lo && toks[hi - 1].end > range.end;
        if straddles {
            return quantities(&text[range]);
        }
        let mut qs = numbers::quantities_in(text, &toks[lo..hi]);
        for q in &mut qs {
            q.span = q.span.start - range.start..q.span.end - range.start;
            q.value_span = q.value_span.start - range.start..q.value_span.end - range.start;
        }
        qs
    }
}

/// The [`Analysis`] of each of `texts` with the gazetteer learned from `context` and `texts`
/// ([`Gazetteer::learn`]): each text is scanned once for both.
pub(crate) fn learn_and_analyse<'t>(
    context: &[&'t str],
    texts: &[&'t str],
    lex: &Lexicon,
) -> Vec<Analysis<'t>> {
    let mut scans: Vec<Scan<'t>> = context.iter().chain(texts).map(|t| Scan::new(t)).collect();
    let gaz = Gazetteer::learn_scans(&scans);
    scans
        .drain(context.len()..)
        .map(|scan| {
            let (entities, _, descriptors) = entities_and_framing(&scan, &gaz, lex);
            Analysis {
                quotes: quotes::quotes_in(scan.text, &scan.toks, &entities),
                scan,
                entities,
                descriptors,
            }
        })
        .collect()
}

/// A fast, non-keyed hasher (FxHash): keys are short words from the text or hashes of them
/// (comparison keys its maps by stem hash), and SipHash's
/// resistance to crafted collisions would cost more than the lookups themselves.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    /// As `write` of its little-endian bytes, without the slicing: comparison keys its maps by
    /// stem hash.
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;
pub(crate) type FxSet<K> = HashSet<K, FxBuild>;

/// A fixed word list with hashed membership: the lists are consulted for nearly every token.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<(Sketch, FxSet<&'static str>)>,
}

/// Bits for (length, first byte, last byte) of the words in a set: most words of a text are
/// rejected by one bit test, without hashing.
type Sketch = [u64; 16];

fn sketch_bit(w: &[u8]) -> usize {
    match w {
        [] => 0,
        [first, .., last] | [first @ last] => {
            (usize::from(*first) * 31 + usize::from(*last) * 7 + w.len()) & 1023
        }
    }
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    #[inline(always)]
    pub fn contains(&self, w: &str) -> bool {
        let (sketch, set) = self.set.get_or_init(|| {
            let mut sketch = [0; 16];
            for w in self.words {
                let b = sketch_bit(w.as_bytes());
                sketch[b / 64] |= 1 << (b % 64);
            }
            (sketch, self.words.iter().copied().collect())
        });
        let b = sketch_bit(w.as_bytes());
        sketch[b / 64] & (1 << (b % 64)) != 0 && set.contains(w)
    }
}

/// What a scanned token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tk {
    /// Letters (and digits), with internal apostrophes, hyphens and initial dots ("U.S.").
    Word,
    /// Digits with internal `,`/`.` between digits ("1,537", "2.5").
    Num,
    /// Any other single non-space character.
    Punct,
}

/// A token of the extraction scanner. Unlike `text::tokenize` it keeps punctuation, keeps
/// hyphenated compounds whole ("far-right", "President-elect") and remembers possessives.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    /// End of the token without a possessive `’s`.
    pub core_end: usize,
    pub kind: Tk,
    pub possessive: bool,
    /// Folded core text (possessive removed); the punctuation char itself for `Punct`.
    /// Borrowed from the text when folding leaves it unchanged, as it does most words.
    pub norm: Cow<'a, str>,
}

impl Tok<'_> {
    #[inline(always)]
    pub fn raw<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.core_end]
    }
    #[inline(always)]
    pub fn is_word(&self) -> bool {
        self.kind == Tk::Word
    }
    #[inline(always)]
    pub fn is_punct(&self, chars: &str) -> bool {
        self.kind == Tk::Punct
            && match self.norm.as_bytes() {
                // Nearly always one ASCII mark: a byte search, no substring searcher.
                &[b] if b.is_ascii() => chars.as_bytes().contains(&b),
                _ => chars.contains(self.norm.as_ref()),
            }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// `fold(s)`, borrowing `s` when folding would not change it.
#[inline(always)]
fn fold_cow(s: &str) -> Cow<'_, str> {
    // ASCII without capitals folds to itself.
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else if s.is_ascii() {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        let f = fold(s);
        if f == s {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(f)
        }
    }
}

/// Splits `text` into words, numbers and punctuation, all with original byte spans.
pub(crate) fn scan(text: &str) -> Vec<Tok<'_>> {
    // Positions are byte offsets; `at(p)` is the char starting at `p`.
    let bytes = text.as_bytes();
    let at = |p: usize| match bytes.get(p) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(p..).and_then(|r| r.chars().next()),
        None => None,
    };
    let after = |p: usize| p + at(p).map_or(1, char::len_utf8);
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if c.is_alphabetic() {
            let mut j = i + c.len_utf8();
            loop {
                match at(j) {
                    Some(d) if d.is_alphanumeric() => j += d.len_utf8(),
                    Some(d) if is_apostrophe(d) || is_hyphen(d) => match at(j + d.len_utf8()) {
                        Some(e) if e.is_alphanumeric() => j += d.len_utf8() + e.len_utf8(),
                        _ => break,
                    },
                    _ => break,
                }
            }
            // Dotted initials such as "U.S." or "U.N." form one word.
            if j == i + c.len_utf8() && c.is_uppercase() && at(j) == Some('.') {
                let mut k = j;
                while at(k) == Some('.')
                    && at(k + 1).is_some_and(|e| e.is_uppercase())
                    && at(after(k + 1)) == Some('.')
                {
                    k = after(k + 1);
                }
                if k > j {
                    j = k + 1;
                }
            }
            let end = j;
            let word = &text[start..end];
            let (possessive, core_end) = possessive_split(word, start);
            toks.push(Tok {
                start,
                end,
                core_end,
                kind: Tk::Word,
                possessive,
                norm: fold_cow(&text[start..core_end]),
            });
            i = j;
        } else if c.is_ascii_digit() {
            let digit = |p: usize| bytes.get(p).is_some_and(u8::is_ascii_digit);
            let mut j = i + 1;
            loop {
                if digit(j) {
                    j += 1;
                } else if matches!(bytes.get(j), Some(b',' | b'.')) && digit(j + 1) {
                    j += 2;
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start,
                end: j,
                core_end: j,
                kind: Tk::Num,
                possessive: false,
                norm: Cow::Borrowed(&text[start..j]),
            });
            i = j;
        } else {
            let end = i + c.len_utf8();
            toks.push(Tok {
                start,
                end,
                core_end: end,
                kind: Tk::Punct,
                possessive: false,
                norm: fold_cow(&text[start..end]),
            });
            i = end;
        }
    }
    toks
}

fn possessive_split(word: &str, start: usize) -> (bool, usize) {
    // Most words do not end in an s.
    if !word.ends_with(['s', 'S']) {
        return (false, start + word.len());
    }
    for suffix in ["\u{2019}s", "'s", "\u{2019}S", "'S"] {
        if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
            return (true, start + word.len() - suffix.len());
        }
    }
    (false, start + word.len())
}

/// The norm of token `i` if it is a word: what every rule asks of the tokens around it.
#[inline(always)]
pub(crate) fn word_at<'t>(toks: &'t [Tok], i: usize) -> Option<&'t str> {
    toks.get(i)
        .filter(|t| t.kind == Tk::Word)
        .map(|t| t.norm.as_ref())
}

/// Whether token `b` exists and only spaces separate it from token `a` ([`spaced`]).
#[inline(always)]
pub(crate) fn linked_at(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    b < toks.len() && spaced(text, &toks[a], &toks[b])
}

/// True when only spaces (no line break, no punctuation) separate tokens `a` and `b`.
#[inline(always)]
pub(crate) fn spaced(text: &str, a: &Tok, b: &Tok) -> bool {
    let gap = &text[a.end..b.start];
    // Nearly always one space.
    gap == " " || !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\t')
}

/// Words that end a sentence when followed by a period only if they are not abbreviations.
static ABBREVIATIONS: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "jr", "sr", "lt", "col", "capt",
    "prof", "rev", "no", "vs", "sgt", "maj", "adm", "pres", "jan", "feb", "mar", "apr", "aug",
    "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "mt", "ft",
]);

/// For each token, whether it opens a sentence, a line, or a quotation — positions where
/// English capitalises any word, so capitals there say nothing about names.
#[cfg(test)]
pub(crate) fn sentence_initial(text: &str, toks: &[Tok]) -> Vec<bool> {
    sentence_initial_in(text, toks, &line_starts(text, toks))
}

/// Start of the line each token is on. Tokens never contain a line break, so only the gaps
/// between them need looking at.
pub(crate) fn line_starts(text: &str, toks: &[Tok]) -> Vec<usize> {
    let mut out = Vec::with_capacity(toks.len());
    let (mut line_start, mut prev_end) = (0, 0);
    for t in toks {
        // Gaps are short (mostly one space): a byte loop beats a memrchr call.
        if let Some(p) = text.as_bytes()[prev_end..t.start]
            .iter()
            .rposition(|&b| b == b'\n')
        {
            line_start = prev_end + p + 1;
        }
        out.push(line_start);
        prev_end = t.end;
    }
    out
}

/// [`sentence_initial`] given [`line_starts`].
pub(crate) fn sentence_initial_in(text: &str, toks: &[Tok], line_starts: &[usize]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    for i in 0..toks.len() {
        let line_start = line_starts[i];
        let mut k = i;
        let mut initial = true;
        while k > 0 {
            let p = &toks[k - 1];
            if p.end <= line_start {
                break;
            }
            if p.kind == Tk::Punct {
                match p.norm.as_ref() {
                    "\"" | "(" | "[" => {
                        // An opening mark starts a quotation or aside; a closing one is skipped
                        // to see the punctuation before it.
                        let before = text[..p.start].chars().next_back();
                        if before.is_none_or(|c| c.is_whitespace() || "([—-".contains(c)) {
                            break;
                        }
                        k -= 1;
                        continue;
                    }
                    "'" => {
                        k -= 1;
                        continue;
                    }
                    "." => {
                        // "Mr. Kast", "U.S." and initials do not end a sentence.
                        let before = k.checked_sub(2).map(|b| &toks[b]);
                        initial = !before.is_some_and(|b| {
                            b.end == p.start
                                && b.is_word()
                                && (ABBREVIATIONS.contains(b.norm.as_ref())
                                    || b.norm.chars().count() == 1)
                        });
                    }
                    "!" | "?" | ":" => initial = true,
                    _ => initial = false,
                }
            } else {
                initial = false;
            }
            break;
        }
        out[i] = initial;
    }
    out
}

/// Line byte ranges (split on '\n'), untrimmed.
pub(crate) fn lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (p, _) in text.match_indices('\n') {
        out.push(start..p);
        start = p + 1;
    }
    out.push(start..text.len());
    out
}

#[inline(always)]
pub(crate) fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// At least two letters, all upper case ("CECOT", "UN", "U.S.").
#[inline(always)]
pub(crate) fn is_all_caps(s: &str) -> bool {
    // One pass, stopping at the first letter that is not a capital ("Kast" at its second).
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEEDS: [&str; 2] = [
        include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt"),
        include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt"),
    ];

    #[test]
    fn scan_keeps_compounds_possessives_and_numbers_whole() {
        let t = "Chile’s far-right President-elect said 1,537 U.S. inmates, 2.5%.";
        let toks = scan(t);
        let raws: Vec<&str> = toks.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            raws,
            [
                "Chile’s",
                "far-right",
                "President-elect",
                "said",
                "1,537",
                "U.S.",
                "inmates",
                ",",
                "2.5",
                "%",
                "."
            ]
        );
        assert!(toks[0].possessive);
        assert_eq!(toks[0].raw(t), "Chile");
        assert_eq!(toks[0].norm, "chile");
        assert!(!toks[1].possessive);
    }

    #[test]
    fn sentence_initial_ignores_abbreviation_periods() {
        let t = "He met Mr. Smith. Then \"They left.\"\nNext";
        let toks = scan(t);
        let init = sentence_initial(t, &toks);
        let flagged: Vec<&str> = toks
            .iter()
            .zip(&init)
            .filter(|(k, &f)| f && k.is_word())
            .map(|(k, _)| k.raw(t))
            .collect();
        assert_eq!(flagged, ["He", "Then", "They", "Next"]);
    }

    #[test]
    fn analyse_matches_the_separate_extractors() {
        let seeds = SEEDS;
        let g = Gazetteer::learn(seeds);
        let lex = default_lexicon();
        let mut samples: Vec<&str> = vec![
            "He said the far-right President-elect Ada Quill would “crack down on crime,” \
             according to the ministry. Over 200 Venezuelans were deported.",
            "",
        ];
        samples.extend(seeds);
        for s in seeds {
            samples.extend(s.split("\n\n"));
        }
        let mut with_all = 0;
        for text in samples {
            let a = analyse(text, &g, &lex);
            assert_eq!(a.entities, g.entities(text), "{text}");
            assert_eq!(a.quantities, quantities(text), "{text}");
            assert_eq!(a.quotes, quotes(text, &g), "{text}");
            assert_eq!(a.framing, lex.find(text), "{text}");
            assert_eq!(a.descriptors, descriptors_with(text, &g, &lex), "{text}");
            let found = [
                a.entities.is_empty(),
                a.quantities.is_empty(),
                a.quotes.is_empty(),
                a.descriptors.is_empty(),
            ];
            with_all += usize::from(found.iter().all(|e| !e));
        }
        // The comparison is not between empty results.
        assert!(with_all >= 2, "{with_all}");
    }

    #[test]
    fn quantities_of_a_part_are_those_of_the_part_scanned_alone() {
        let seeds = SEEDS;
        let mut texts: Vec<&str> = vec![
            "Over 250 Venezuelans arrived. The U.S. paid $4.2 million. About 40,000 inmates, \
             up to 65-70 per cell. Between 1,500 and 2,000 people marched. It was 2.5%.",
            "Deaths rose to 480. Two hundred were freed in March 2024 — more than half.",
        ];
        for s in seeds {
            texts.extend(s.split("\n\n"));
        }
        let lex = default_lexicon();
        let analyses = learn_and_analyse(&[], &texts, &lex);
        let mut parts = 0;
        for (text, analysis) in texts.iter().zip(&analyses) {
            // Sentences, as the comparison asks; and cuts through tokens ("1,5|00", "U.|S."),
            // where the scan of the whole text does not apply.
            let cuts = (0..text.len())
                .filter(|&k| text.is_char_boundary(k))
                .step_by(7);
            let ranges = crate::text::sentences(text)
                .into_iter()
                .chain(cuts.clone().zip(cuts.skip(3)).map(|(a, b)| a..b));
            for range in ranges {
                assert_eq!(
                    analysis.quantities_of(range.clone()),
                    quantities(&text[range.clone()]),
                    "{:?}",
                    &text[range]
                );
                parts += 1;
            }
        }
        assert!(parts > 100, "{parts}");
    }

    #[test]
    fn extraction_spans_stay_on_char_boundaries_for_odd_input() {
        let seeds = SEEDS;
        let mut samples: Vec<&str> = vec![
            "",
            "“",
            "\"\"",
            "’s",
            "$",
            "—",
            "Ñandú’s über-Café — “José” said: 1,5,",
            "ÉL SALVADOR’S ÑUÑOA, or ÉSÉ, 2.5bn",
        ];
        for s in seeds {
            samples.extend(s.lines());
        }
        let g = Gazetteer::learn(seeds);
        let lex = default_lexicon();
        for s in samples {
            for q in quantities(s) {
                let _ = &s[q.span.clone()];
                let _ = describe(&q);
            }
            for m in g.entities(s) {
                assert!(!s[m.span.clone()].is_empty());
            }
            for q in quotes(s, &g) {
                let _ = (&s[q.span.clone()], &s[q.inner.clone()]);
            }
            for f in lex.find(s) {
                let _ = &s[f.span];
            }
            for d in descriptors(s, &g) {
                let _ = &s[d.span];
            }
        }
    }
}
