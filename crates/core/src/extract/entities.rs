//! Named entities from capitalisation rules plus a gazetteer learned from the corpus itself.
//!
//! Rules, in order:
//! - Capitalised words form runs, joined through connector words ("of", "for", "de", "la", …)
//!   when another capitalised word follows; a possessive ends a run ("Chile’s").
//! - Runs are split at person titles ("President", "President-elect", "Mr.") and at demonyms
//!   ("Costa Rican President Rodrigo Chaves" -> Costa Rica | Rodrigo Chaves).
//! - A capital at a sentence start proves nothing: such a word counts only if the corpus also
//!   capitalises it mid-sentence, it is a country, or it is an acronym; a sentence-initial
//!   function word or common word ("The", "In", "Organizations") is dropped from the run.
//! - Headline lines (title case, no final period) and shouted all-caps runs ("BUK ELE'S IRON
//!   FIST") only yield names already known from prose.
//! - Kinds come from cues whose votes are pooled over the corpus: a title before the name
//!   (Person), organisation head words ("International", "Nations", "Ministry", "Times"),
//!   facility heads ("Center", "Prison": Place), an appositive noun before it ("the
//!   organization Socorro Juridico"), "X administration"/"X, who"/"X said" (Person), and
//!   place prepositions ("in", "at", "visited": Place, weakly). A built-in table of countries,
//!   regions and demonyms ("Salvadoran" -> El Salvador) covers the closed class of countries.
//! - Names are canonicalised: a surname or partial name becomes the longest person name ending
//!   with it (in the same text first, then the corpus); an acronym introduced as
//!   "Long Name, or ACR" / "Long Name (ACR)" shares one entity, named by the acronym.
//!
//! Decisions: facilities such as prisons ("CECOT", "Terrorism Confinement Center") are
//! Places; a single letter ("X", the platform) is never an entity; month and weekday names
//! are never entities; a name with no cue anywhere in the corpus is left out rather than
//! guessed.

use super::places::{self, PlaceForm};
use super::{
    is_all_caps, is_capitalised, line_starts, lines, linked_at, scan, sentence_initial_in, spaced,
    word_at, FxMap, FxSet, Tk, Tok, WordSet,
};
use serde::{Deserialize, Serialize};
use std::borrow::{Borrow, Cow};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

/// What a named entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Organisation,
    /// Countries, regions, cities and facilities (prisons, palaces, airports).
    Place,
}

const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organisation,
    EntityKind::Place,
];

/// One mention of an entity in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    /// The name as written, without a possessive ’s ("Kast" in "Kast’s").
    pub span: Range<usize>,
    pub kind: EntityKind,
    /// Canonical name shared by all mentions of the entity ("José Antonio Kast").
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct NameInfo {
    /// A surface form, preferring mixed case over all caps.
    surface: String,
    /// Cue weights for Person, Organisation, Place.
    votes: [u32; 3],
}

/// Names and capitalisation statistics learned from a corpus; see the module docs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Gazetteer {
    /// Folded words seen capitalised away from sentence starts, in prose. Hashed: these are
    /// asked of nearly every capitalised word, and only ever for membership; serialised sorted,
    /// so that the same gazetteer always gives the same bytes.
    #[serde(serialize_with = "sorted")]
    mid_caps: FxMap<String, u32>,
    /// Folded words seen in lower case; as `mid_caps`.
    #[serde(serialize_with = "sorted")]
    lower: FxMap<String, u32>,
    /// Folded, space-joined name -> votes.
    names: BTreeMap<String, NameInfo>,
    /// Folded acronym -> folded long form.
    acronyms: BTreeMap<String, String>,
    /// Folded title -> folded person name -> count.
    titles: BTreeMap<String, BTreeMap<String, u32>>,
    /// Indexes over the maps above, built on first use: the gazetteer is embedded, so they are
    /// not serialised, and any change to the maps drops them.
    #[serde(skip)]
    derived: Derived,
}

fn sorted<S: serde::Serializer>(map: &FxMap<String, u32>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(map.iter().collect::<BTreeMap<_, _>>())
}

/// Lazily built lookup structures of a [`Gazetteer`].
#[derive(Clone, Default)]
struct Derived {
    index: OnceLock<Index>,
    /// Known persons as (folded canonical name, canonical name), in `known()` order.
    persons: OnceLock<Vec<(String, String)>>,
}

/// Derived data never makes two gazetteers different: it is a function of the maps.
impl PartialEq for Derived {
    fn eq(&self, _: &Derived) -> bool {
        true
    }
}

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Derived")
    }
}

#[derive(Clone)]
struct Index {
    /// Every proper word-suffix of a name with person votes ("kast", "antonio kast" for
    /// "jose antonio kast") -> the names ending with it, so that resolving a partial name
    /// costs one lookup instead of a pass over all names.
    person_suffix: FxMap<String, Vec<String>>,
    /// Long form -> the first acronym (in key order) standing for it.
    acronym_of: FxMap<String, String>,
}

impl Index {
    fn build(g: &Gazetteer) -> Index {
        let mut person_suffix: FxMap<String, Vec<String>> = FxMap::default();
        for (k, info) in &g.names {
            if info.votes[0] == 0 {
                continue;
            }
            for (p, _) in k.match_indices(' ') {
                person_suffix
                    .entry(k[p + 1..].to_string())
                    .or_default()
                    .push(k.clone());
            }
        }
        let mut acronym_of = FxMap::default();
        for (acr, long) in &g.acronyms {
            acronym_of
                .entry(long.clone())
                .or_insert_with(|| acr.clone());
        }
        Index {
            person_suffix,
            acronym_of,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Word lists (general English/Spanish vocabulary, nothing corpus-specific).

/// Lowercase words that may join capitalised words inside one name.
static CONNECTORS: WordSet = WordSet::new(&[
    "of", "for", "de", "del", "la", "las", "los", "da", "das", "do", "dos", "di", "du", "van",
    "von", "der", "den", "le", "al", "bin",
]);
/// A second connector after the first ("of the", "de la").
static SECOND_CONNECTORS: WordSet = WordSet::new(&["the", "la", "las", "los", "el"]);

/// Words that open sentences but never names.
static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "a",
    "about",
    "according",
    "after",
    "against",
    "all",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "before",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "even",
    "every",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "it",
    "its",
    "last",
    "meanwhile",
    "many",
    "more",
    "most",
    "my",
    "no",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "our",
    "over",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "under",
    "until",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yet",
    "you",
    "is",
    "are",
    "was",
    "were",
    "be",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
]);

static MONTHS_AND_DAYS: WordSet = WordSet::new(&[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]);

/// All-caps tokens that are not names.
static NON_NAME_ACRONYMS: WordSet = WordSet::new(&[
    "llc", "inc", "ltd", "plc", "ceo", "cfo", "tv", "am", "pm", "ok", "id", "dna", "gdp", "faq",
    "pdf", "usd", "eur", "covid", "ii", "iii", "iv", "ap", "afp",
]);

/// Core person titles; a modifier may precede them ("Vice President", "Prime Minister").
static TITLES: WordSet = WordSet::new(&[
    "president",
    "president-elect",
    "minister",
    "secretary",
    "senator",
    "sen",
    "representative",
    "rep",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "general",
    "gen",
    "chancellor",
    "commander",
    "congressman",
    "congresswoman",
    "ambassador",
    "sheikh",
    "emir",
    "premier",
    "ayatollah",
    "archbishop",
    "bishop",
    "colonel",
    "col",
    "captain",
    "capt",
    "sergeant",
    "sgt",
    "lt",
    "lieutenant",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "lady",
    "lord",
    "justice",
    "vice-president",
    "prime-minister",
    "first-lady",
]);
static TITLE_MODIFIERS: WordSet = WordSet::new(&[
    "vice",
    "deputy",
    "foreign",
    "interior",
    "security",
    "justice",
    "defense",
    "defence",
    "finance",
    "health",
    "former",
    "acting",
    "interim",
    "prime",
    "attorney",
    "chief",
    "first",
    "then",
    "economy",
    "education",
    "labor",
    "labour",
    "trade",
    "energy",
    "environment",
]);

static ORG_HEADS: WordSet = WordSet::new(&[
    "international",
    "organization",
    "organisation",
    "council",
    "commission",
    "commissioner",
    "nations",
    "ministry",
    "party",
    "times",
    "court",
    "police",
    "agency",
    "association",
    "institute",
    "university",
    "union",
    "bank",
    "fund",
    "foundation",
    "committee",
    "department",
    "office",
    "corporation",
    "company",
    "group",
    "network",
    "news",
    "post",
    "press",
    "watch",
    "army",
    "forces",
    "navy",
    "senate",
    "congress",
    "parliament",
    "assembly",
    "cabinet",
    "government",
    "administration",
    "league",
    "federation",
    "alliance",
    "front",
    "movement",
    "service",
    "board",
    "bureau",
    "society",
    "church",
    "college",
    "school",
    "journal",
    "tribune",
    "herald",
    "inc",
    "corp",
    "ltd",
    "llc",
    "club",
    "guard",
    "tribunal",
    "secretariat",
    "coalition",
    "caucus",
    "authority",
    "ministerio",
    "partido",
    "frente",
    "movimiento",
    "fundacion",
    "asociacion",
    "consejo",
    "reuters",
    "airlines",
    "unit",
]);

/// Facilities and geographic features; as a name's last word they make it a Place.
static PLACE_HEADS: WordSet = WordSet::new(&[
    "center",
    "centre",
    "prison",
    "jail",
    "penitentiary",
    "airport",
    "palace",
    "hospital",
    "stadium",
    "square",
    "street",
    "avenue",
    "road",
    "bridge",
    "island",
    "islands",
    "river",
    "lake",
    "mountain",
    "mountains",
    "valley",
    "province",
    "county",
    "city",
    "port",
    "camp",
    "park",
    "plaza",
    "tower",
    "station",
    "desert",
    "coast",
    "peninsula",
    "gulf",
    "sea",
    "ocean",
    "canal",
    "border",
    "state",
    "region",
    "district",
    "municipality",
]);

/// Common nouns that introduce an organisation's name in apposition.
static ORG_NOUNS: WordSet = WordSet::new(&[
    "organization",
    "organisation",
    "group",
    "party",
    "agency",
    "company",
    "firm",
    "newspaper",
    "outlet",
    "network",
    "union",
    "ngo",
    "charity",
    "association",
    "foundation",
    "body",
    "watchdog",
    "coalition",
    "movement",
    "institute",
    "tank",
    "broadcaster",
    "daily",
    "magazine",
    "website",
    "nonprofit",
    "non-profit",
    "gang",
]);

/// Common nouns that introduce a person's name in apposition.
static PERSON_NOUNS: WordSet = WordSet::new(&[
    "journalist",
    "lawyer",
    "attorney",
    "activist",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "leader",
    "director",
    "official",
    "candidate",
    "analyst",
    "professor",
    "researcher",
    "economist",
    "author",
    "writer",
    "reporter",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "mother",
    "father",
    "dictator",
    "strongman",
    "politician",
    "lawmaker",
    "legislator",
    "colleague",
    "rival",
    "predecessor",
    "successor",
    "businessman",
    "businesswoman",
    "tycoon",
    "singer",
    "actor",
    "actress",
]);

static PLACE_PREPS: WordSet = WordSet::new(&[
    "in",
    "to",
    "from",
    "at",
    "into",
    "across",
    "near",
    "inside",
    "within",
    "visited",
    "visits",
    "visiting",
    "toward",
    "towards",
    "throughout",
    "outside",
]);

pub(crate) static SPEECH_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "argued",
    "argues",
    "insisted",
    "insists",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "noted",
    "notes",
    "explained",
    "declared",
    "asked",
    "replied",
    "responded",
    "warned",
    "warns",
    "claimed",
    "claims",
    "acknowledged",
    "announced",
    "continued",
    "concluded",
    "recalled",
    "urged",
    "vowed",
    "pledged",
    "described",
    "countered",
    "stressed",
    "emphasized",
    "emphasised",
]);

static PERSON_FOLLOWERS: WordSet = WordSet::new(&["administration", "campaign"]);

/// A word that is, or may begin, a person title ("President", "Foreign", "Mr").
pub(crate) fn is_title_word(w: &str) -> bool {
    let w = trim_dots(w);
    TITLES.contains(w) || TITLE_MODIFIERS.contains(w)
}

/// `w.trim_end_matches('.')`, without a pattern searcher.
fn trim_dots(w: &str) -> &str {
    let n = w.bytes().rev().take_while(|&b| b == b'.').count();
    &w[..w.len() - n]
}

/// Key used for names: folded word without dots ("U.S." -> "us").
#[inline(always)]
fn wkey<'b>(t: &'b Tok) -> Cow<'b, str> {
    if t.norm.contains('.') {
        Cow::Owned(t.norm.replace('.', ""))
    } else {
        Cow::Borrowed(&t.norm)
    }
}

/// Keys of consecutive tokens joined by single spaces: the key of a name.
fn joined_key(toks: &[Tok]) -> String {
    let mut key = String::with_capacity(toks.iter().map(|t| t.norm.len() + 1).sum());
    for (n, t) in toks.iter().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        if t.norm.contains('.') {
            key.extend(t.norm.chars().filter(|&c| c != '.'));
        } else {
            key.push_str(&t.norm);
        }
    }
    key
}

/// A stretch of tokens that names one thing, with the evidence around it.
#[derive(Clone, Debug)]
pub(crate) struct Piece {
    /// Token indices `[first, last]` inclusive.
    pub first: usize,
    pub last: usize,
    pub key: String,
    /// The name as written, from the first token to the last's core.
    pub span: Range<usize>,
    /// The name recased where it was written in capitals for layout: a dateline's "SAN
    /// SALVADOR" is "San Salvador". Otherwise the name is its span's text, not copied: most
    /// pieces are dropped before anything asks for it.
    pub recased: Option<String>,
    /// Country/region from the built-in table.
    pub place: Option<&'static str>,
    /// Folded person title right before it ("president-elect").
    pub title: Option<String>,
    /// Votes from local cues.
    pub votes: [u32; 3],
    /// Only accept if the gazetteer already knows it (headlines, shouting, sentence starts).
    pub needs_known: bool,
}

impl Piece {
    /// The name as written (or recased), `text` being the scanned text.
    fn surface<'t>(&'t self, text: &'t str) -> &'t str {
        self.recased.as_deref().unwrap_or(&text[self.span.clone()])
    }
}

/// Per-text scanning context.
pub(crate) struct Scan<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok<'a>>,
    pub initial: Vec<bool>,
    pub headline: Vec<bool>,
    /// Byte where each token's line starts.
    pub line_start: Vec<usize>,
    /// Per token: see [`Scan::cap`] and [`Scan::shouting`], asked for again and again.
    cap: Vec<bool>,
    shout: Vec<bool>,
}

impl<'a> Scan<'a> {
    pub fn new(text: &'a str) -> Self {
        let toks = scan(text);
        let line_start = line_starts(text, &toks);
        let initial = sentence_initial_in(text, &toks, &line_start);
        let mut headline = vec![false; toks.len()];
        // No token crosses a line break, so each line's tokens are the next contiguous run.
        let mut first = 0;
        for line in lines(text) {
            let mut end = first;
            while end < toks.len() && toks[end].end <= line.end {
                end += 1;
            }
            if is_headline(text, &toks[first..end], &line) {
                headline[first..end].fill(true);
            }
            first = end;
        }
        let cap: Vec<bool> = toks
            .iter()
            .map(|t| {
                let raw = t.raw(text);
                t.kind == Tk::Word
                    && is_capitalised(raw)
                    && raw.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            })
            .collect();
        let upper: Vec<bool> = (0..toks.len())
            .map(|k| cap[k] && is_all_caps(toks[k].raw(text)))
            .collect();
        let linked = |a: usize, b: usize| b < toks.len() && spaced(text, &toks[a], &toks[b]);
        let shout = (0..toks.len())
            .map(|i| {
                upper[i]
                    && ((i > 0 && linked(i - 1, i) && upper[i - 1])
                        || (linked(i, i + 1) && upper[i + 1]))
            })
            .collect();
        Scan {
            text,
            toks,
            initial,
            headline,
            line_start,
            cap,
            shout,
        }
    }

    #[inline(always)]
    fn word(&self, i: usize) -> Option<&str> {
        word_at(&self.toks, i)
    }

    #[inline(always)]
    fn linked(&self, a: usize, b: usize) -> bool {
        linked_at(self.text, &self.toks, a, b)
    }

    /// A capitalised word of at least two letters.
    #[inline(always)]
    fn cap(&self, i: usize) -> bool {
        self.cap.get(i).copied().unwrap_or(false)
    }

    /// An all-caps word next to another one ("BUK ELE'S IRON FIST").
    #[inline(always)]
    fn shouting(&self, i: usize) -> bool {
        self.shout.get(i).copied().unwrap_or(false)
    }

    /// A person title starting at token `i`: (number of tokens, folded title).
    pub fn title_at(&self, i: usize) -> Option<(usize, String)> {
        let mut j = i;
        let mut parts = Vec::new();
        while let Some(w) = self.word(j) {
            if j > i && !self.linked(j - 1, j) {
                break;
            }
            let bare = trim_dots(w);
            if TITLES.contains(bare) {
                // "Vice President-elect" and a plain "Minister" both end here.
                parts.push(bare.to_string());
                let dotted = self
                    .toks
                    .get(j + 1)
                    .is_some_and(|t| t.is_punct(".") && t.start == self.toks[j].end);
                return Some((j - i + 1 + usize::from(dotted), parts.join(" ")));
            }
            if !TITLE_MODIFIERS.contains(bare) || parts.len() >= 2 {
                return None;
            }
            parts.push(bare.to_string());
            j += 1;
        }
        None
    }

    /// A built-in place phrase starting at `i` and ending by `limit` (inclusive).
    fn place_at(&self, i: usize, limit: usize) -> Option<(usize, &'static str, PlaceForm)> {
        let table = places::table();
        if !self.cap(i) || !table.first_words.contains(wkey(&self.toks[i]).as_ref()) {
            return None;
        }
        // The longest stretch of words joined by spaces, a possessive only at its end; its
        // key is built once and its prefixes tried, longest first.
        let last = limit.min(i + table.max_words - 1);
        let mut reach = i;
        while reach < last
            && self.toks[reach + 1].is_word()
            && self.linked(reach, reach + 1)
            && !self.toks[reach].possessive
        {
            reach += 1;
        }
        let full = joined_key(&self.toks[i..=reach]);
        let mut ends: Vec<usize> = full.match_indices(' ').map(|(p, _)| p).collect();
        ends.push(full.len());
        for n in (1..=reach - i + 1).rev() {
            let end = i + n - 1;
            if !self.cap(end) {
                continue;
            }
            let key = &full[..ends[n - 1]];
            if key.len() <= 2 && !is_all_caps(self.toks[i].raw(self.text)) {
                continue; // "Us" is a pronoun, "US" a country
            }
            if let Some((canon, form)) = places::lookup(key) {
                return Some((n, canon, form));
            }
        }
        None
    }

    fn piece(&self, first: usize, last: usize) -> Piece {
        Piece {
            first,
            last,
            key: joined_key(&self.toks[first..=last]),
            span: self.toks[first].start..self.toks[last].core_end,
            recased: None,
            place: None,
            title: None,
            votes: [0; 3],
            needs_known: false,
        }
    }
}

/// `toks`: the tokens of `line`.
fn is_headline(text: &str, toks: &[Tok], line: &Range<usize>) -> bool {
    let body = text[line.clone()].trim_end();
    if body.ends_with('.') || body.ends_with('”') && body.trim_end_matches('”').ends_with('.') {
        return false;
    }
    let words: Vec<&Tok> = toks
        .iter()
        .filter(|t| t.is_word() && t.raw(text).chars().count() > 3)
        .collect();
    if words.len() < 3 {
        return false;
    }
    let caps = words.iter().filter(|t| is_capitalised(t.raw(text))).count();
    caps * 10 >= words.len() * 6
}

impl Gazetteer {
    /// Learns capitalisation statistics, names and their kinds from a corpus of texts.
    pub fn learn<'a>(texts: impl IntoIterator<Item = &'a str>) -> Gazetteer {
        Gazetteer::learn_keeping(texts.into_iter().collect(), KEEP_SCANS_BYTES)
    }

    /// Scans are kept for the second pass up to `keep_bytes` of text; past that each text is
    /// scanned twice, so that memory stays that of one text, not of the whole corpus.
    fn learn_keeping(texts: Vec<&str>, keep_bytes: usize) -> Gazetteer {
        if texts.iter().map(|t| t.len()).sum::<usize>() <= keep_bytes {
            let scans: Vec<Scan> = texts.iter().map(|t| Scan::new(t)).collect();
            return Gazetteer::learn_scans(&scans);
        }
        Gazetteer::learn_in_two_passes(|| texts.iter().map(|t| Scan::new(t)))
    }

    /// [`Gazetteer::learn`] of already scanned texts, for a caller that needs the scans again.
    pub(crate) fn learn_scans(scans: &[Scan]) -> Gazetteer {
        Gazetteer::learn_in_two_passes(|| scans.iter())
    }

    /// Capitalisation statistics over every scan `pass()` gives, then names found in every scan
    /// of a second `pass()` knowing those statistics.
    fn learn_in_two_passes<'t, S: Borrow<Scan<'t>>, I: Iterator<Item = S>>(
        mut pass: impl FnMut() -> I,
    ) -> Gazetteer {
        let mut counts = CapsCounts::default();
        for s in pass() {
            counts.add(s.borrow());
        }
        let mut learner = counts.learner();
        for s in pass() {
            learner.add(s.borrow());
        }
        learner.finish()
    }

    /// Adds everything another gazetteer knows to this one.
    pub fn merge(&mut self, other: &Gazetteer) {
        for (k, v) in &other.mid_caps {
            *self.mid_caps.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.lower {
            *self.lower.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.names {
            let e = self.names.entry(k.clone()).or_default();
            if e.surface.is_empty() || is_all_caps(&e.surface) && !is_all_caps(&v.surface) {
                e.surface = v.surface.clone();
            }
            for (a, b) in e.votes.iter_mut().zip(v.votes) {
                *a += b;
            }
        }
        for (k, v) in &other.acronyms {
            self.acronyms.entry(k.clone()).or_insert_with(|| v.clone());
        }
        for (t, m) in &other.titles {
            let e = self.titles.entry(t.clone()).or_default();
            for (p, c) in m {
                *e.entry(p.clone()).or_default() += c;
            }
        }
        self.derived = Derived::default();
    }

    fn absorb(&mut self, s: &Scan, pieces: &[Piece]) {
        for p in pieces {
            let e = self.names.entry(p.key.clone()).or_default();
            let surface = p.surface(s.text);
            if e.surface.is_empty() || is_all_caps(&e.surface) && !is_all_caps(surface) {
                e.surface = surface.to_string();
            }
            for (a, b) in e.votes.iter_mut().zip(p.votes) {
                *a += b;
            }
            if let Some(t) = &p.title {
                *self
                    .titles
                    .entry(t.clone())
                    .or_default()
                    .entry(p.key.clone())
                    .or_default() += 1;
            }
        }
        // "Long Name, or ACR" / "Long Name (ACR)"
        for w in pieces.windows(2) {
            let (long, acr) = (&w[0], &w[1]);
            if long.first == long.last || !is_all_caps(acr.surface(s.text)) || acr.first != acr.last
            {
                continue;
            }
            let between: Vec<&str> = s.toks[long.last + 1..acr.first]
                .iter()
                .map(|t| t.norm.as_ref())
                .collect();
            if between == [",", "or"] || between == ["("] {
                self.acronyms.insert(acr.key.clone(), long.key.clone());
            }
        }
    }

    fn index(&self) -> &Index {
        self.derived.index.get_or_init(|| Index::build(self))
    }

    /// The person a bare title ("president-elect") most likely refers to in this corpus:
    /// the only one seen with it, or one seen with it at least three times as often as any
    /// other.
    pub fn person_for_title(&self, title: &str) -> Option<String> {
        let m = self.titles.get(&crate::text::fold(title))?;
        let mut counts: Vec<(&String, &u32)> = m.iter().collect();
        counts.sort_by(|a, b| b.1.cmp(a.1));
        let top = counts.first()?;
        if counts.get(1).is_some_and(|second| *second.1 * 3 > *top.1) {
            return None;
        }
        Some(
            self.names
                .get(top.0)
                .map_or(top.0.clone(), |n| n.surface.clone()),
        )
    }

    /// Canonical names of every entity the gazetteer can classify, with their kinds.
    pub fn known(&self) -> Vec<(String, EntityKind)> {
        let g = Names::of(self);
        let mut out: Vec<(String, EntityKind)> = self
            .names
            .keys()
            .filter(|k| g.alias(k).is_none())
            .filter_map(|k| {
                let kind = places::lookup(k)
                    .map(|_| EntityKind::Place)
                    .or_else(|| vote_kind(&g.votes_for(k)))?;
                Some((g.canonical(k, kind, None), kind))
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The longest known person name whose folded form ends with `folded`; among equally
    /// long ones the last in [`Gazetteer::known`] order.
    pub(crate) fn longest_person_ending_with(&self, folded: &str) -> Option<&str> {
        let persons = self.derived.persons.get_or_init(|| {
            self.known()
                .into_iter()
                .filter(|(_, k)| *k == EntityKind::Person)
                .map(|(n, _)| (crate::text::fold(&n), n))
                .collect()
        });
        persons
            .iter()
            .filter(|(f, _)| f.ends_with(folded))
            .map(|(_, n)| n.as_str())
            .max_by_key(|n| n.len())
    }

    /// Entity mentions in `text`, classified with what this gazetteer and the text itself show.
    pub fn entities(&self, text: &str) -> Vec<EntityMention> {
        let s = Scan::new(text);
        let local = Local::learn(&s);
        self.entities_in(&s, &local)
    }

    /// [`Gazetteer::entities`] of a scanned text, given what the text says about itself.
    /// The text's own statistics are layered over the corpus ones rather than merged into a
    /// copy, so a call costs what the text costs, whatever the corpus size.
    pub(crate) fn entities_in(&self, s: &Scan, local: &Local) -> Vec<EntityMention> {
        let g = Names {
            g: self,
            local: Some(local),
        };
        let own = Names::of(&local.g);
        let mut out = Vec::new();
        for p in g.pieces(s, false) {
            if p.needs_known && !g.knows(&p.key) && p.place.is_none() {
                continue;
            }
            let kind = if p.place.is_some() {
                Some(EntityKind::Place)
            } else if p.title.is_some() || g.alias(&p.key).is_some() {
                Some(EntityKind::Person)
            } else {
                vote_kind(&g.votes_for(&p.key))
            };
            let Some(kind) = kind else { continue };
            let name = match p.place {
                Some(c) => c.to_string(),
                None => g.canonical(&p.key, kind, Some(own)),
            };
            out.push(EntityMention {
                span: p.span,
                kind,
                name,
            });
        }
        out
    }
}

/// The first pass of [`Gazetteer::learn`]: capitalisation statistics, counted in the maps the
/// gazetteer keeps.
#[derive(Default)]
struct CapsCounts {
    mid_caps: FxMap<String, u32>,
    lower: FxMap<String, u32>,
}

impl CapsCounts {
    fn add(&mut self, s: &Scan) {
        caps_words(s, |mid, key| {
            let map = if mid {
                &mut self.mid_caps
            } else {
                &mut self.lower
            };
            match map.get_mut(key.as_ref()) {
                Some(n) => *n += 1,
                None => {
                    map.insert(key.into_owned(), 1);
                }
            }
        });
    }

    fn learner(self) -> Learner {
        Learner {
            g: Gazetteer {
                mid_caps: self.mid_caps,
                lower: self.lower,
                ..Gazetteer::default()
            },
            learned: Gazetteer::default(),
        }
    }
}

/// The second pass of [`Gazetteer::learn`]: names, acronyms and titles, found in every text
/// knowing no names yet, so they are gathered apart and only added at the end.
struct Learner {
    g: Gazetteer,
    learned: Gazetteer,
}

impl Learner {
    fn add(&mut self, s: &Scan) {
        let pieces = Names::of(&self.g).pieces(s, true);
        self.learned.absorb(s, &pieces);
    }

    fn finish(self) -> Gazetteer {
        let mut g = self.g;
        g.names = self.learned.names;
        g.acronyms = self.learned.acronyms;
        g.titles = self.learned.titles;
        // Nothing above should have built lookups, but none may outlive a change of maps.
        g.derived = Derived::default();
        g
    }
}

/// Corpus size (bytes of text) up to which `learn` keeps every text's scan in memory.
const KEEP_SCANS_BYTES: usize = 1 << 21;

/// Calls `f(mid_caps, key)` for each prose word whose case says something: capitalised away
/// from a sentence start (`true`) or lower case (`false`).
fn caps_words<'b>(s: &'b Scan, mut f: impl FnMut(bool, Cow<'b, str>)) {
    for (i, t) in s.toks.iter().enumerate() {
        if !t.is_word() || s.headline[i] || s.shouting(i) {
            continue;
        }
        if !is_capitalised(t.raw(s.text)) {
            f(false, wkey(t));
        } else if !s.initial[i] {
            f(true, wkey(t));
        }
    }
}

/// What one text says about itself: [`Gazetteer::learn`] of that text alone, except that its
/// capitalisation statistics are sets borrowed from the text, since only membership is ever
/// asked of them.
pub(crate) struct Local<'b> {
    /// Names, acronyms and titles (its own `mid_caps` and `lower` stay empty).
    g: Gazetteer,
    mid_caps: FxSet<Cow<'b, str>>,
    lower: FxSet<Cow<'b, str>>,
}

impl<'b> Local<'b> {
    pub fn learn(s: &'b Scan) -> Local<'b> {
        let words = s.toks.len();
        let mut local = Local {
            g: Gazetteer::default(),
            mid_caps: FxSet::with_capacity_and_hasher(words / 8, Default::default()),
            lower: FxSet::with_capacity_and_hasher(words / 2, Default::default()),
        };
        caps_words(s, |mid, key| {
            if mid {
                local.mid_caps.insert(key);
            } else {
                local.lower.insert(key);
            }
        });
        let none = Gazetteer::default();
        let pieces = Names {
            g: &none,
            local: Some(&local),
        }
        .pieces(s, true);
        local.g.absorb(s, &pieces);
        local
    }

    /// [`Gazetteer::person_for_title`] from this text alone.
    pub fn person_for_title(&self, title: &str) -> Option<String> {
        self.g.person_for_title(title)
    }
}

fn vote_kind(votes: &[u32; 3]) -> Option<EntityKind> {
    let (i, &best) = votes.iter().enumerate().max_by_key(|&(i, v)| (*v, 3 - i))?;
    (best > 0).then_some(KINDS[i])
}

/// A gazetteer as seen while reading one text: the corpus maps with the text's own
/// statistics added, answering exactly as `merge` of the two would.
#[derive(Clone, Copy)]
struct Names<'a> {
    g: &'a Gazetteer,
    local: Option<&'a Local<'a>>,
}

impl<'a> Names<'a> {
    fn of(g: &'a Gazetteer) -> Names<'a> {
        Names { g, local: None }
    }

    fn layers(&self) -> impl Iterator<Item = &'a Gazetteer> {
        std::iter::once(self.g).chain(self.local.map(|l| &l.g))
    }

    fn mid_caps(&self, w: &str) -> bool {
        self.g.mid_caps.contains_key(w) || self.local.is_some_and(|l| l.mid_caps.contains(w))
    }

    fn lower(&self, w: &str) -> bool {
        self.g.lower.contains_key(w) || self.local.is_some_and(|l| l.lower.contains(w))
    }

    fn has_name(&self, key: &str) -> bool {
        self.layers().any(|l| l.names.contains_key(key))
    }

    /// Pooled votes and preferred surface of a name.
    fn name(&self, key: &str) -> Option<([u32; 3], &'a str)> {
        let base = self.g.names.get(key);
        let local = self.local.and_then(|l| l.g.names.get(key));
        match (base, local) {
            (None, None) => None,
            (Some(n), None) | (None, Some(n)) => Some((n.votes, n.surface.as_str())),
            (Some(b), Some(l)) => {
                let mut votes = b.votes;
                for (a, v) in votes.iter_mut().zip(l.votes) {
                    *a += v;
                }
                let surface = if b.surface.is_empty()
                    || is_all_caps(&b.surface) && !is_all_caps(&l.surface)
                {
                    &l.surface
                } else {
                    &b.surface
                };
                Some((votes, surface.as_str()))
            }
        }
    }

    fn votes(&self, key: &str) -> [u32; 3] {
        self.name(key).map_or([0; 3], |(v, _)| v)
    }

    fn is_person(&self, key: &str) -> bool {
        self.name(key)
            .is_some_and(|(v, _)| vote_kind(&v) == Some(EntityKind::Person))
    }

    fn surface(&self, key: &str) -> String {
        self.name(key)
            .map_or_else(|| key.to_string(), |(_, s)| s.to_string())
    }

    /// The long form an acronym stands for.
    fn acronym_long(&self, key: &str) -> Option<&'a str> {
        self.layers()
            .find_map(|l| l.acronyms.get(key))
            .map(String::as_str)
    }

    /// The first acronym (in key order) standing for a long form.
    fn acronym_for(&self, long: &str) -> Option<&'a str> {
        let base = self.g.index().acronym_of.get(long).map(String::as_str);
        let local = self.local.and_then(|l| {
            l.g.acronyms
                .iter()
                .find(|(a, lo)| lo.as_str() == long && !self.g.acronyms.contains_key(*a))
                .map(|(a, _)| a.as_str())
        });
        match (base, local) {
            (Some(b), Some(l)) => Some(b.min(l)),
            (b, l) => b.or(l),
        }
    }

    fn knows(&self, key: &str) -> bool {
        self.votes(key).iter().any(|&v| v > 0)
            || self.acronym_long(key).is_some()
            || self.alias(key).is_some()
    }

    /// Full person name (folded key) that a partial name stands for: the longest person name
    /// ending with it, provided every such name is a suffix of that one.
    fn alias(&self, key: &str) -> Option<&'a str> {
        let mut hit: Option<&'a str> = None;
        for layer in self.layers() {
            for k in layer.index().person_suffix.get(key).into_iter().flatten() {
                if vote_kind(&self.votes(k)) != Some(EntityKind::Person) {
                    continue;
                }
                if hit.is_some_and(|h| !h.ends_with(k.as_str()) && !k.ends_with(h)) {
                    return None;
                }
                if hit.is_none_or(|h| k.len() > h.len()) {
                    hit = Some(k.as_str());
                }
            }
        }
        hit
    }

    /// Pooled votes for a name, including its acronym partner.
    fn votes_for(&self, key: &str) -> [u32; 3] {
        let mut v = self.votes(key);
        let partner = self.acronym_long(key).or_else(|| self.acronym_for(key));
        if let Some((pv, _)) = partner.and_then(|p| self.name(p)) {
            for (a, b) in v.iter_mut().zip(pv) {
                *a += b;
            }
        }
        v
    }

    /// `own`: the text's own gazetteer, whose partial-name links win over the corpus's.
    fn canonical(&self, key: &str, kind: EntityKind, own: Option<Names>) -> String {
        if let Some((canon, _)) = places::lookup(key) {
            return canon.to_string();
        }
        if self.acronym_long(key).is_some() {
            return self.surface(key);
        }
        if let Some(acr) = self.acronym_for(key) {
            return self.surface(acr);
        }
        if kind == EntityKind::Person {
            if let Some(full) = own.and_then(|l| l.alias(key)) {
                return self.surface(full);
            }
            if let Some(full) = self.alias(key) {
                return self.surface(full);
            }
        }
        self.surface(key)
    }

    /// Finds candidate name pieces with their local cues.
    fn pieces(&self, s: &Scan, learning: bool) -> Vec<Piece> {
        let mut out = Vec::new();
        let n = s.toks.len();
        let mut i = 0;
        while i < n {
            if !s.cap(i) {
                i += 1;
                continue;
            }
            if s.headline[i] {
                // Headlines only repeat names known from prose.
                if !learning {
                    if let Some(p) = self.known_at(s, i) {
                        i = p.last + 1;
                        out.push(p);
                        continue;
                    }
                }
                i += 1;
                continue;
            }
            if let Some(p) = dateline(s, i) {
                i = p.last + 1;
                out.push(p);
                continue;
            }
            if s.shouting(i) {
                if !learning {
                    if let Some(mut p) = self.known_at(s, i) {
                        p.needs_known = true;
                        i = p.last + 1;
                        out.push(p);
                        continue;
                    }
                }
                i += 1;
                continue;
            }
            let end = self.run_end(s, i);
            self.split_run(s, i, end, &mut out);
            i = end + 1;
        }
        for p in &mut out {
            add_context_cues(s, p);
        }
        out
    }

    /// Last token of the capitalised run starting at `i`.
    fn run_end(&self, s: &Scan, i: usize) -> usize {
        let mut end = i;
        loop {
            if s.toks[end].possessive {
                return end;
            }
            let mut next = end + 1;
            // "Mr. Smith": the abbreviation's period stays inside the run.
            if s.toks
                .get(next)
                .is_some_and(|t| t.is_punct(".") && t.start == s.toks[end].end)
                && s.word(end).is_some_and(|w| TITLES.contains(w))
                && s.linked(next, next + 1)
                && s.cap(next + 1)
            {
                end = next + 1;
                continue;
            }
            if !s.linked(end, next) || s.shouting(next) || s.headline[next] {
                return end;
            }
            if s.cap(next) {
                end = next;
                continue;
            }
            // Connectors: "High Commissioner for Human Rights", "Bank of the South".
            let lower_word = |k: usize, list: &WordSet| {
                s.word(k).is_some_and(|w| list.contains(w))
                    && s.toks[k]
                        .raw(s.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                    && s.linked(k - 1, k)
            };
            if !lower_word(next, &CONNECTORS) {
                return end;
            }
            next += 1;
            if lower_word(next, &SECOND_CONNECTORS) {
                next += 1;
            }
            let left_key = joined_key(&s.toks[i..=end]);
            let left_is_whole = places::lookup(&left_key).is_some() || self.is_person(&left_key);
            if s.cap(next) && s.linked(next - 1, next) && !left_is_whole && !s.shouting(next) {
                end = next;
                continue;
            }
            return end;
        }
    }

    /// Longest known name or place starting at `i` (used where capitals prove nothing).
    fn known_at(&self, s: &Scan, i: usize) -> Option<Piece> {
        let limit = (i + 6).min(s.toks.len() - 1);
        if let Some((len, canon, _)) = s.place_at(i, limit) {
            let mut p = s.piece(i, i + len - 1);
            p.place = Some(canon);
            return Some(p);
        }
        let mut best = None;
        for last in i..=limit {
            if last > i && !s.linked(last - 1, last) || !s.toks[last].is_word() {
                break;
            }
            let p = s.piece(i, last);
            if self.knows(&p.key) && !NON_NAME_ACRONYMS.contains(p.key.as_str()) {
                best = Some(p);
            }
            if s.toks[last].possessive {
                break;
            }
        }
        best
    }

    /// Splits run `[i, end]` at titles and demonyms and applies the sentence-start rule.
    fn split_run(&self, s: &Scan, i: usize, end: usize, out: &mut Vec<Piece>) {
        let mut k = i;
        let mut title: Option<String> = None;
        let mut seg_start: Option<usize> = None;
        let flush =
            |from: Option<usize>, to: usize, title: &mut Option<String>, out: &mut Vec<Piece>| {
                if let Some(a) = from {
                    match title.take() {
                        Some(t) => self.titled(s, a, to, t, out),
                        None => out.extend(self.make_piece(s, a, to)),
                    }
                }
                *title = None;
            };
        while k <= end {
            if let Some((len, t)) = s.title_at(k) {
                if k + len <= end {
                    flush(seg_start.take(), k.saturating_sub(1), &mut title, out);
                    title = Some(t);
                    k += len;
                    continue;
                }
            }
            if seg_start.is_none() {
                if let Some((len, canon, form)) = s.place_at(k, end) {
                    let rest_has_org =
                        (k + len..=end).any(|x| ORG_HEADS.contains(wkey(&s.toks[x]).as_ref()));
                    let next_is_title = s.title_at(k + len).is_some();
                    let split = match form {
                        PlaceForm::Demonym => !rest_has_org,
                        PlaceForm::Name => k + len > end || next_is_title,
                    };
                    if split {
                        let mut p = s.piece(k, k + len - 1);
                        p.place = Some(canon);
                        p.votes[2] += 5;
                        out.push(p);
                        title = None;
                        k += len;
                        continue;
                    }
                }
                seg_start = Some(k);
            }
            k += 1;
        }
        flush(seg_start, end, &mut title, out);
    }

    /// A segment after a person title. A complement ("Secretary of State Marco Rubio") is
    /// skipped, keeping the last two words or a longer known person name; a connector after
    /// the name starts a separate piece ("Mr. Lee of the Democratic Party").
    fn titled(&self, s: &Scan, a: usize, b: usize, title: String, out: &mut Vec<Piece>) {
        let is_conn = |k: usize| {
            s.word(k)
                .is_some_and(|w| CONNECTORS.contains(w) || SECOND_CONNECTORS.contains(w))
                && !s.cap(k)
        };
        let mut a = a;
        if is_conn(a) {
            let after: Vec<usize> = (a..=b).skip_while(|&k| is_conn(k)).collect();
            let keep = (3..after.len())
                .rev()
                .find(|&n| {
                    let p = s.piece(after[after.len() - n], b);
                    self.is_person(&p.key)
                })
                .unwrap_or(2);
            if after.len() <= keep {
                return;
            }
            a = after[after.len() - keep];
        }
        let cut = (a..=b).find(|&k| is_conn(k));
        if let Some(mut p) = self.make_piece(s, a, cut.map_or(b, |c| c - 1)) {
            p.title = Some(title);
            p.votes[0] += 3;
            out.push(p);
        }
        if let Some(c) = cut {
            out.extend(self.make_piece(s, c, b));
        }
    }

    /// Trims a segment (leading function words, unproven sentence-initial words, trailing
    /// connectors) and returns it as a piece if anything name-like is left.
    fn make_piece(&self, s: &Scan, mut a: usize, mut b: usize) -> Option<Piece> {
        loop {
            while a <= b
                && (s
                    .word(a)
                    .is_some_and(|w| FUNCTION_WORDS.contains(w) || CONNECTORS.contains(w))
                    || !s.cap(a))
            {
                a += 1;
            }
            while b > a && !s.cap(b) {
                b -= 1;
            }
            if a > b {
                return None;
            }
            if s.initial[a] {
                let w = wkey(&s.toks[a]);
                let proven =
                    self.mid_caps(&w) || self.has_name(&w) || is_all_caps(s.toks[a].raw(s.text));
                if !proven {
                    let common = self.lower(&w) || a == b;
                    if common {
                        a += 1;
                        continue;
                    }
                }
            }
            break;
        }
        if s.title_at(a).is_some_and(|(len, _)| a + len > b) {
            return None;
        }
        let p = s.piece(a, b);
        let single = a == b;
        if single && MONTHS_AND_DAYS.contains(p.key.as_str()) {
            return None;
        }
        if single && NON_NAME_ACRONYMS.contains(p.key.as_str()) {
            return None;
        }
        if (a..=b).all(|k| MONTHS_AND_DAYS.contains(s.toks[k].norm.as_ref())) {
            return None;
        }
        Some(p)
    }
}

/// "SAN SALVADOR —" opening a paragraph: an all-caps place line.
fn dateline(s: &Scan, i: usize) -> Option<Piece> {
    let t = &s.toks[i];
    let line_start = s.line_start[i];
    if !s.text[line_start..t.start].trim().is_empty() || !is_all_caps(t.raw(s.text)) {
        return None;
    }
    let mut last = i;
    while s.linked(last, last + 1) && s.cap(last + 1) && is_all_caps(s.toks[last + 1].raw(s.text)) {
        last += 1;
    }
    let dash = s.toks.get(last + 1)?;
    if !(dash.is_punct("-") || dash.is_punct("(") || dash.norm == "," && last > i) {
        return None;
    }
    let mut p = s.piece(i, last);
    let name: Vec<String> = s.text[p.span.clone()]
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase()
            })
        })
        .collect();
    p.recased = Some(name.join(" "));
    p.votes[2] += 3;
    if let Some((canon, _)) = places::lookup(&p.key) {
        p.place = Some(canon);
    }
    Some(p)
}

/// Votes from the words around a piece.
fn add_context_cues(s: &Scan, p: &mut Piece) {
    if p.place.is_some() {
        return;
    }
    let words: Vec<Cow<str>> = (p.first..=p.last).map(|k| wkey(&s.toks[k])).collect();
    let last = words.last().map_or("", |w| w.as_ref());
    if PLACE_HEADS.contains(last) {
        p.votes[2] += 3;
    } else if words.iter().any(|w| ORG_HEADS.contains(w.as_ref())) {
        p.votes[1] += 3;
    }
    let prev = p.first.checked_sub(1).filter(|&k| s.linked(k, p.first));
    // Place prepositions may stand before a determiner: "visited the White House".
    let prep_before_the = prev
        .filter(|&k| s.word(k) == Some("the") && k > 0 && s.linked(k - 1, k))
        .and_then(|k| s.word(k - 1))
        .is_some_and(|w| PLACE_PREPS.contains(w));
    if prep_before_the {
        p.votes[2] += 1;
    }
    if let Some(k) = prev {
        let w = s.word(k).unwrap_or("");
        let lower = s.toks[k]
            .raw(s.text)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if lower && (TITLES.contains(w) || PERSON_NOUNS.contains(w)) {
            p.votes[0] += 2;
            if TITLES.contains(w) && p.title.is_none() {
                p.title = Some(w.to_string());
            }
        } else if lower && ORG_NOUNS.contains(w) {
            p.votes[1] += 3;
        } else if PLACE_PREPS.contains(w) && lower {
            p.votes[2] += 1;
        }
    }
    let next = p.last + 1;
    let next_lower = s.word(next).filter(|_| {
        !s.toks[p.last].possessive
            && s.linked(p.last, next)
            && s.toks[next]
                .raw(s.text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    });
    match next_lower {
        Some(w) if PERSON_FOLLOWERS.contains(w) && p.first == p.last => p.votes[0] += 2,
        Some(w) if SPEECH_VERBS.contains(w) && p.first < p.last => {
            let org = words.iter().any(|w| ORG_HEADS.contains(w.as_ref()));
            if !org {
                p.votes[0] += 1;
            }
        }
        _ => {}
    }
    // "Kast, who promised ..."
    if s.toks.get(next).is_some_and(|t| t.is_punct(",")) && s.word(next + 1) == Some("who") {
        p.votes[0] += 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_000: &str = include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt");
    const SEED_001: &str = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");

    fn corpus() -> Gazetteer {
        Gazetteer::learn([SEED_000, SEED_001])
    }

    fn names_of(ms: &[EntityMention], kind: EntityKind) -> Vec<String> {
        let mut v: Vec<String> = ms
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.name.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    fn has(ms: &[EntityMention], kind: EntityKind, name: &str) -> bool {
        ms.iter().any(|m| m.kind == kind && m.name == name)
    }

    #[test]
    fn entities_finds_people_orgs_and_places_in_seed_001() {
        let ms = corpus().entities(SEED_001);
        let people = names_of(&ms, EntityKind::Person);
        for p in [
            "José Antonio Kast",
            "Nayib Bukele",
            "Rodrigo Chaves",
            "Trump",
        ] {
            assert!(
                people.contains(&p.to_string()),
                "{p} missing from {people:?}"
            );
        }
        let orgs = names_of(&ms, EntityKind::Organisation);
        assert!(orgs.contains(&"Socorro Juridico".to_string()), "{orgs:?}");
        let places = names_of(&ms, EntityKind::Place);
        for p in [
            "Chile",
            "El Salvador",
            "Costa Rica",
            "Honduras",
            "Ecuador",
            "Guatemala",
            "Venezuela",
            "CECOT",
        ] {
            assert!(
                places.contains(&p.to_string()),
                "{p} missing from {places:?}"
            );
        }
    }

    #[test]
    fn entities_finds_orgs_in_seed_000() {
        let ms = corpus().entities(SEED_000);
        let orgs = names_of(&ms, EntityKind::Organisation);
        assert!(
            orgs.contains(&"Amnesty International".to_string()),
            "{orgs:?}"
        );
        assert!(
            orgs.contains(&"United Nations High Commissioner for Human Rights".to_string()),
            "{orgs:?}"
        );
        assert!(has(&ms, EntityKind::Place, "CECOT"));
        assert!(
            has(&ms, EntityKind::Place, "Venezuela"),
            "Venezuelans is a demonym"
        );
        assert!(has(&ms, EntityKind::Place, "El Salvador"), "Salvadoran");
    }

    #[test]
    fn entities_canonicalises_surnames_to_the_longest_name() {
        let ms = corpus().entities(SEED_001);
        let kast: Vec<&EntityMention> = ms
            .iter()
            .filter(|m| &SEED_001[m.span.clone()] == "Kast")
            .collect();
        assert!(kast.len() >= 4);
        assert!(kast
            .iter()
            .all(|m| m.name == "José Antonio Kast" && m.kind == EntityKind::Person));
        // Works from the text alone, without a corpus.
        let alone = Gazetteer::default().entities(SEED_000);
        assert!(alone
            .iter()
            .any(|m| &SEED_000[m.span.clone()] == "Bukele" && m.name == "Nayib Bukele"));
    }

    #[test]
    fn entities_spans_exclude_possessives() {
        let ms = corpus().entities(SEED_001);
        for m in &ms {
            let s = &SEED_001[m.span.clone()];
            assert!(!s.ends_with("’s") && !s.ends_with("'s"), "{s}");
        }
        assert!(ms
            .iter()
            .any(|m| m.name == "Chile" && SEED_001[m.span.clone()] == *"Chile"));
    }

    #[test]
    fn entities_rejects_sentence_initial_words_headline_shouting_and_furniture() {
        let g = corpus();
        for (text, ms) in [
            (SEED_000, g.entities(SEED_000)),
            (SEED_001, g.entities(SEED_001)),
        ] {
            for m in &ms {
                let s = &text[m.span.clone()];
                for bad in [
                    "The",
                    "However",
                    "During",
                    "Featured",
                    "Friday",
                    "X",
                    "BUK",
                    "ELE",
                    "IRON",
                    "FIST",
                    "Organizations",
                    "Inmates",
                    "Warnings",
                    "Source",
                    "Related",
                    "Copyright",
                    "LLC",
                    "Security",
                    "Next",
                    "Embrace",
                ] {
                    assert!(
                        !s.split(' ').any(|w| w == bad || w.starts_with("ELE")),
                        "{bad} inside entity {s:?} ({m:?})"
                    );
                }
            }
        }
    }

    #[test]
    fn entities_in_headline_only_repeat_names_known_from_prose() {
        let ms = corpus().entities(SEED_000);
        let title_end = SEED_000.find('\n').unwrap();
        let in_title: Vec<&str> = ms
            .iter()
            .filter(|m| m.span.end <= title_end)
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(in_title, ["Chile"]);
    }

    #[test]
    fn entities_split_runs_at_titles_and_demonyms() {
        let t = "The deal came after Costa Rican President Rodrigo Chaves met Mexican \
                 Foreign Minister Ana Ruiz in Lima.";
        let ms = Gazetteer::learn([t]).entities(t);
        let got: Vec<(&str, EntityKind, &str)> = ms
            .iter()
            .map(|m| (&t[m.span.clone()], m.kind, m.name.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Costa Rican", EntityKind::Place, "Costa Rica"),
                ("Rodrigo Chaves", EntityKind::Person, "Rodrigo Chaves"),
                ("Mexican", EntityKind::Place, "Mexico"),
                ("Ana Ruiz", EntityKind::Person, "Ana Ruiz"),
                ("Lima", EntityKind::Place, "Lima"),
            ]
        );
    }

    #[test]
    fn entities_classify_by_cues_not_by_name_lists() {
        let t = "Researchers at the Quorvan Institute met Zelda Marsh, who chairs the group \
                 Vanta Roja. The Trelleck administration denied it. Marsh flew to Ostrava. \
                 Later, Marsh said the Brisk Tribune was wrong.";
        let ms = Gazetteer::learn([t]).entities(t);
        assert!(
            has(&ms, EntityKind::Organisation, "Quorvan Institute"),
            "{ms:?}"
        );
        assert!(has(&ms, EntityKind::Organisation, "Vanta Roja"));
        assert!(has(&ms, EntityKind::Organisation, "Brisk Tribune"));
        assert!(has(&ms, EntityKind::Person, "Trelleck"));
        assert!(has(&ms, EntityKind::Place, "Ostrava"));
        let marsh: Vec<&EntityMention> = ms
            .iter()
            .filter(|m| t[m.span.clone()] == *"Marsh")
            .collect();
        assert_eq!(marsh.len(), 2);
        assert!(marsh.iter().all(|m| m.name == "Zelda Marsh"));
        assert!(!ms
            .iter()
            .any(|m| t[m.span.clone()].starts_with("Researchers")));
        assert!(!ms.iter().any(|m| t[m.span.clone()].starts_with("Later")));
    }

    #[test]
    fn entities_links_an_acronym_to_its_long_form() {
        let t = "The Northern Detention Center, or NDC, opened. Critics visited NDC twice.";
        let ms = Gazetteer::learn([t]).entities(t);
        let ndc: Vec<&EntityMention> = ms.iter().filter(|m| m.name == "NDC").collect();
        assert_eq!(ndc.len(), 3, "{ms:?}");
        assert!(ndc.iter().all(|m| m.kind == EntityKind::Place));
    }

    #[test]
    fn entities_skip_single_letters_months_and_lowercase_us() {
        let t = "In March, she posted on X that the U.S. and Chile would help us.";
        let ms = Gazetteer::learn([t]).entities(t);
        let names: Vec<&str> = ms.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["United States", "Chile"]);
    }

    #[test]
    fn gazetteer_resolves_a_bare_title_to_its_person() {
        let g = corpus();
        assert_eq!(
            g.person_for_title("president-elect").as_deref(),
            Some("José Antonio Kast")
        );
        assert_eq!(g.person_for_title("President"), None, "several presidents");
    }

    #[test]
    fn entities_handle_title_complements_and_of_phrases() {
        let t = "WASHINGTON (AP) — U.S. Secretary of State Marco Rubio met Prime Minister Keir \
                 Starmer on Tuesday. Rubio said talks with the Ministry of Foreign Affairs of \
                 Peru went well. In May, Mr. Lee of the Democratic Party won, and Former \
                 President Ada Quill visited the White House.";
        let ms = Gazetteer::learn([t]).entities(t);
        let got: Vec<(&str, EntityKind, &str)> = ms
            .iter()
            .map(|m| (&t[m.span.clone()], m.kind, m.name.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("WASHINGTON", EntityKind::Place, "Washington"),
                ("U.S.", EntityKind::Place, "United States"),
                ("Marco Rubio", EntityKind::Person, "Marco Rubio"),
                ("Keir Starmer", EntityKind::Person, "Keir Starmer"),
                ("Rubio", EntityKind::Person, "Marco Rubio"),
                (
                    "Ministry of Foreign Affairs of Peru",
                    EntityKind::Organisation,
                    "Ministry of Foreign Affairs of Peru"
                ),
                ("Lee", EntityKind::Person, "Lee"),
                (
                    "Democratic Party",
                    EntityKind::Organisation,
                    "Democratic Party"
                ),
                ("Ada Quill", EntityKind::Person, "Ada Quill"),
                ("White House", EntityKind::Place, "White House"),
            ]
        );
    }

    #[test]
    fn learn_gives_the_same_gazetteer_when_rescanning_a_large_corpus() {
        let texts = [
            SEED_000,
            SEED_001,
            "The Quorvan Institute, or QI, hired Zelda Marsh.",
        ];
        let kept = Gazetteer::learn_keeping(texts.to_vec(), usize::MAX);
        let rescanned = Gazetteer::learn_keeping(texts.to_vec(), 0);
        assert_eq!(kept, rescanned);
        assert!(kept.known().len() > 10);
        assert_eq!(kept, Gazetteer::learn(texts));
    }

    #[test]
    fn gazetteer_lookups_follow_merges_and_serialisation() {
        let a = "Senator Ana Ruiz spoke in Lima on Monday. Later, Ruiz left.";
        let b = "Governor Luis Ruiz spoke in Quito on Monday. Later, Ruiz stayed.";
        let probe = "Yesterday the plan of Ruiz failed.";
        let ruiz = |g: &Gazetteer| -> Vec<String> {
            g.entities(probe)
                .into_iter()
                .filter(|m| probe[m.span.clone()] == *"Ruiz")
                .map(|m| m.name)
                .collect()
        };
        let mut g = Gazetteer::learn([a]);
        assert_eq!(ruiz(&g), ["Ana Ruiz"]);
        // Lookups built for the first answer must not survive a merge.
        g.merge(&Gazetteer::learn([b]));
        assert!(
            !ruiz(&g).contains(&"Ana Ruiz".to_string()),
            "{:?}",
            ruiz(&g)
        );
        let bytes = postcard::to_allocvec(&g).unwrap();
        let back: Gazetteer = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, g);
        assert_eq!(back.known(), g.known());
        assert_eq!(back.entities(a), g.entities(a));
    }

    #[test]
    fn a_gazetteer_serialises_to_the_same_bytes_however_its_maps_were_filled() {
        // The capitalisation maps are hashed, and a hash map's order depends on how it was
        // filled; the embedded library must not change with that.
        let g = Gazetteer::learn([SEED_000, SEED_001]);
        let mut refilled = Gazetteer::default();
        for (from, to) in [
            (&g.mid_caps, &mut refilled.mid_caps),
            (&g.lower, &mut refilled.lower),
        ] {
            let mut keys: Vec<_> = from.iter().collect();
            keys.sort_unstable_by(|x, y| y.0.cmp(x.0));
            to.reserve(4 * keys.len());
            to.extend(keys.into_iter().map(|(k, v)| (k.clone(), *v)));
        }
        refilled.names = g.names.clone();
        refilled.acronyms = g.acronyms.clone();
        refilled.titles = g.titles.clone();
        assert!(
            g.mid_caps.len() > 10 && g.lower.len() > 100,
            "{} {}",
            g.mid_caps.len(),
            g.lower.len()
        );
        assert_eq!(refilled, g);
        let bytes = |g: &Gazetteer| postcard::to_allocvec(g).unwrap();
        assert!(
            bytes(&refilled) == bytes(&g),
            "one gazetteer, two serialisations"
        );
    }

    #[test]
    fn dateline_is_a_place_in_title_case() {
        let ms = corpus().entities(SEED_001);
        assert!(has(&ms, EntityKind::Place, "San Salvador"), "{ms:?}");
    }
}
