//! Framing vocabulary (labels, force metaphors, loaded evaluations) and the descriptors an
//! outlet attaches to a named entity.

use super::entities::{EntityMention, Gazetteer, Local, Scan};
use super::{scan, spaced, FxMap, Tk, Tok, WordSet};
use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

/// Why a term counts as framing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FramingCategory {
    /// Political labels: "far-right", "hard-line", "radical", "populist".
    Ideological,
    /// Force and war metaphors: "iron fist", "crackdown", "war on", "mega-prison".
    Force,
    /// Loaded evaluations: "dictator-style", "authoritarian", "controversial", "notorious".
    Evaluative,
    /// Emotionally charged words: "heinous", "horrific", "alarming".
    Emotive,
    /// Distancing attribution: "so-called", "alleged", "reportedly".
    Attribution,
    /// Added by the reader.
    User,
}

/// One framing term found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FramingMention {
    /// The words as written ("Dictator-Style", "crack down").
    pub span: Range<usize>,
    /// The lexicon term matched ("dictator-style", "crackdown").
    pub term: String,
    pub category: FramingCategory,
}

/// A set of framing terms, matched case-, accent-, hyphen- and spacing-insensitively on whole
/// words, with light inflection ("crackdowns", "cracked down", "polarized").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Lexicon {
    terms: Vec<(String, FramingCategory)>,
    /// Match keys of `terms`, built on first use (not serialised).
    #[serde(skip)]
    index: LexCache,
}

#[derive(Clone, Default)]
struct LexCache(OnceLock<LexIndex>);

/// The cache is a function of the terms, so it never makes two lexicons different.
impl PartialEq for LexCache {
    fn eq(&self, _: &LexCache) -> bool {
        true
    }
}

impl std::fmt::Debug for LexCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LexCache")
    }
}

#[derive(Clone, Default)]
struct LexIndex {
    /// Every prefix of every term key -> the first term whose whole key it is, if any. Joined
    /// text words that are no prefix cannot grow into a match, so most words cost one lookup.
    prefixes: FxMap<String, Option<usize>>,
    /// Most words in a term.
    max_words: usize,
}

impl LexIndex {
    fn build(terms: &[(String, FramingCategory)]) -> LexIndex {
        let mut ix = LexIndex {
            max_words: 1,
            ..LexIndex::default()
        };
        for (i, (t, _)) in terms.iter().enumerate() {
            let (key, n) = term_key(t);
            ix.insert(key, n, i);
        }
        ix
    }

    fn insert(&mut self, key: String, words: usize, term: usize) {
        self.max_words = self.max_words.max(words);
        for (p, _) in key.char_indices().skip(1) {
            self.prefixes.entry(key[..p].to_string()).or_insert(None);
        }
        self.prefixes.entry(key).or_insert(None).get_or_insert(term);
    }
}

/// The built-in lexicon: a deliberately small, general list of news-framing vocabulary.
pub fn default_lexicon() -> Lexicon {
    static DEFAULT: OnceLock<Lexicon> = OnceLock::new();
    DEFAULT.get_or_init(build_default_lexicon).clone()
}

fn build_default_lexicon() -> Lexicon {
    use FramingCategory::*;
    let groups: [(FramingCategory, &[&str]); 5] = [
        (
            Ideological,
            &[
                "far-right",
                "far-left",
                "hard-right",
                "hard-left",
                "ultra-right",
                "ultraconservative",
                "ultranationalist",
                "right-wing",
                "left-wing",
                "right-leaning",
                "left-leaning",
                "extremist",
                "radical",
                "hard-line",
                "hardliner",
                "populist",
                "nationalist",
                "leftist",
                "rightist",
            ],
        ),
        (
            Force,
            &[
                "iron fist",
                "iron-fisted",
                "crackdown",
                "clampdown",
                "heavy-handed",
                "war on",
                "mega-prison",
                "tough on crime",
                "zero tolerance",
                "mano dura",
                "lock up",
                "round up",
                "mass incarceration",
                "brute force",
            ],
        ),
        (
            Evaluative,
            &[
                "dictator-style",
                "dictatorial",
                "authoritarian",
                "strongman",
                "controversial",
                "polarizing",
                "polarising",
                "divisive",
                "draconian",
                "notorious",
                "infamous",
                "sprawling",
                "brutal",
                "harsh",
                "fraught",
                "stark",
                "embattled",
                "firebrand",
            ],
        ),
        (
            Emotive,
            &[
                "heinous",
                "terrible",
                "horrific",
                "alarming",
                "shocking",
                "chilling",
                "atrocious",
                "inhumane",
                "dire",
                "grim",
            ],
        ),
        (
            Attribution,
            &[
                "so-called",
                "alleged",
                "allegedly",
                "reportedly",
                "purported",
            ],
        ),
    ];
    let mut lex = Lexicon::default();
    for (cat, terms) in groups {
        for t in terms {
            lex.add(t, cat);
        }
    }
    lex
}

/// Inflection-light form of a folded word, applied to text and terms alike. Only ever cuts
/// the end, so it borrows.
fn light(w: &str) -> &str {
    // On bytes: every suffix tested is ASCII, so a cut never splits a character, and `str`'s
    // pattern methods cost several times as much for words seen once per token.
    let mut b = w.as_bytes();
    // Every rule below ends in one of these letters: most words leave at once.
    if !matches!(b.last(), Some(b's' | b'g' | b'd' | b'e')) {
        return w;
    }
    while let Some(t) = b.strip_suffix(b"'s") {
        b = t;
    }
    let n = b.len();
    if n > 5 && b.ends_with(b"ing") {
        b = &b[..n - 3];
    } else if n > 4 && b.ends_with(b"ed") {
        b = &b[..n - 2];
    } else if n > 3 && matches!(b, [.., x, b's'] if !matches!(x, b's' | b'u' | b'i')) {
        b = &b[..n - 1];
    }
    if b.len() > 3 && b.ends_with(b"e") {
        b = &b[..b.len() - 1];
    }
    &w[..b.len()]
}

/// Words of a term or text split at spaces and hyphens.
fn term_key(term: &str) -> (String, usize) {
    let folded = fold(term);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(light)
        .collect();
    (words.concat(), words.len())
}

impl Lexicon {
    /// Adds one term (ignored if an equivalent term is already present).
    pub fn add(&mut self, term: &str, category: FramingCategory) {
        let (key, n) = term_key(term);
        self.index();
        let Some(ix) = self.index.0.get_mut() else {
            return;
        };
        if n == 0 || ix.prefixes.get(&key).is_some_and(Option::is_some) {
            return;
        }
        ix.insert(key, n, self.terms.len());
        self.terms.push((term.trim().to_string(), category));
    }

    fn index(&self) -> &LexIndex {
        self.index.0.get_or_init(|| LexIndex::build(&self.terms))
    }

    /// Adds reader-supplied terms under [`FramingCategory::User`].
    pub fn extend<I, S>(&mut self, terms: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for t in terms {
            self.add(t.as_ref(), FramingCategory::User);
        }
    }

    /// All terms with their categories, in insertion order.
    pub fn terms(&self) -> impl Iterator<Item = (&str, FramingCategory)> {
        self.terms.iter().map(|(t, c)| (t.as_str(), *c))
    }

    /// Whether `term` is in the lexicon already, compared as matching compares (case, accents,
    /// hyphens and spacing aside).
    pub fn contains(&self, term: &str) -> bool {
        let key = term_key(term).0;
        self.terms.iter().any(|(t, _)| term_key(t).0 == key)
    }

    /// Every framing term in `text`, longest match first, non-overlapping, in order.
    pub fn find(&self, text: &str) -> Vec<FramingMention> {
        self.find_in(text, &scan(text))
    }

    /// [`Lexicon::find`] over the text's scanner tokens.
    pub(crate) fn find_in(&self, text: &str, toks: &[Tok]) -> Vec<FramingMention> {
        let ix = self.index();
        // Sub-words of the text with spans; `joined` = connected to the previous one by a
        // hyphen or plain spaces (not punctuation or a line break).
        let mut words: Vec<(Range<usize>, Cow<str>, bool)> = Vec::new();
        for (ti, t) in toks.iter().enumerate() {
            if t.kind != Tk::Word {
                continue;
            }
            let linked = ti > 0 && toks[ti - 1].kind == Tk::Word && spaced(text, &toks[ti - 1], t);
            let raw = &text[t.start..t.core_end];
            // '\u{2010}' and '\u{2011}' both start with byte 0xE2.
            let hyphenated = raw.bytes().any(|b| b == b'-' || b == 0xE2)
                && raw.contains(['-', '\u{2010}', '\u{2011}']);
            if !hyphenated {
                // One part: its folded form is the token's own.
                if !raw.is_empty() {
                    words.push((t.start..t.core_end, Cow::Borrowed(light(&t.norm)), linked));
                }
                continue;
            }
            let mut next = t.start;
            for (k, part) in raw.split(['-', '\u{2010}', '\u{2011}']).enumerate() {
                let start = next;
                // The separator after this part is one character of 1 ('-') or 3 (U+2010,
                // U+2011) bytes; stepping by its real length keeps later spans on the text.
                let sep = text[start + part.len()..t.core_end].chars().next();
                next = start + part.len() + sep.map_or(0, char::len_utf8);
                if part.is_empty() {
                    continue;
                }
                words.push((
                    start..start + part.len(),
                    Cow::Owned(light(&fold(part)).to_string()),
                    k > 0 || linked,
                ));
            }
        }
        let mut out = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < words.len() {
            key.clear();
            let mut best = None;
            let window = &words[i..words.len().min(i + ix.max_words + 2)];
            for (j, (_, norm, joined)) in window.iter().enumerate().map(|(d, w)| (i + d, w)) {
                if j > i && !joined {
                    break;
                }
                key.push_str(norm);
                match ix.prefixes.get(key.as_str()) {
                    Some(&Some(ti)) => best = Some((j, ti)),
                    Some(None) => {}
                    None => break,
                }
            }
            match best {
                Some((j, ti)) => {
                    let (term, category) = &self.terms[ti];
                    out.push(FramingMention {
                        span: words[i].0.start..words[j].0.end,
                        term: term.clone(),
                        category: *category,
                    });
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// A framing term an outlet attaches to an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Descriptor {
    /// Canonical entity name.
    pub entity: String,
    /// The lexicon term ("far-right").
    pub descriptor: String,
    /// Where the descriptor is written.
    pub span: Range<usize>,
}

/// [`descriptors_with`] using the default lexicon.
pub fn descriptors(text: &str, gaz: &Gazetteer) -> Vec<Descriptor> {
    descriptors_with(text, gaz, &default_lexicon())
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "his", "her", "their",
];
/// Words that end a noun phrase: prepositions, conjunctions, auxiliaries, relatives.
static NP_STOPS: WordSet = WordSet::new(&[
    "and",
    "or",
    "but",
    "nor",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "as",
    "into",
    "onto",
    "inside",
    "within",
    "without",
    "around",
    "about",
    "over",
    "under",
    "through",
    "between",
    "among",
    "across",
    "behind",
    "against",
    "during",
    "despite",
    "toward",
    "towards",
    "upon",
    "via",
    "per",
    "near",
    "outside",
    "beyond",
    "after",
    "before",
    "since",
    "until",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
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
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "said",
    "says",
    "when",
    "while",
    "where",
    "than",
    "like",
    "not",
    "including",
    "it",
    "they",
    "he",
    "she",
    "we",
    "i",
    "you",
]);

/// Framing terms in the noun phrase around an entity: pre-modifiers of its name or of the
/// title before it ("Chile’s far-right President-elect José Antonio Kast"), a bare title that
/// the corpus ties to one person ("the far-right president-elect" -> the person the
/// gazetteer links to "president-elect", this text's own usage first), and an appositive
/// introduced by a determiner ("CECOT, the nation’s sprawling, high-security mega-prison").
/// Every occurrence is returned (for highlighting); compare by `(entity, descriptor)`.
pub fn descriptors_with(text: &str, gaz: &Gazetteer, lex: &Lexicon) -> Vec<Descriptor> {
    let s = Scan::new(text);
    let framing = lex.find_in(text, &s.toks);
    if framing.is_empty() {
        // Every descriptor is a framing term.
        return Vec::new();
    }
    let local = Local::learn(&s);
    let mentions = gaz.entities_in(&s, &local);
    descriptors_in(&s, gaz, &local, &mentions, &framing)
}

/// [`descriptors_with`] given what the other extractors found in the scanned text.
pub(crate) fn descriptors_in(
    s: &Scan,
    gaz: &Gazetteer,
    local: &Local,
    mentions: &[EntityMention],
    framing: &[FramingMention],
) -> Vec<Descriptor> {
    let text = s.text;
    let toks = &s.toks;
    // Tokens are in text order, so positions are found by binary search.
    let tok_at = |pos: usize| toks.binary_search_by_key(&pos, |t| t.start).ok();
    // Anchors: (first token of the noun-phrase head, last token, entity name).
    let mut anchors: Vec<(usize, usize, String)> = Vec::new();
    for m in mentions {
        let Some(first) = tok_at(m.span.start) else {
            continue;
        };
        let last = toks
            .partition_point(|t| t.start < m.span.end)
            .checked_sub(1)
            .unwrap_or(first);
        // Extend over a title right before the name.
        let mut head = first;
        for k in first.saturating_sub(3)..first {
            if s.title_at(k).is_some_and(|(len, _)| k + len == first)
                && (k..first).all(|x| {
                    x == 0
                        || x == k
                        || spaced(text, &toks[x - 1], &toks[x])
                        || toks[x].is_punct(".")
                })
            {
                head = k;
                break;
            }
        }
        anchors.push((head, last, m.name.clone()));
    }
    // Bare titles not followed by a name.
    let mut k = 0;
    while k < toks.len() {
        if let Some((len, title)) = s.title_at(k) {
            let covered = anchors.iter().any(|a| a.0 <= k && k <= a.1);
            if !covered {
                if let Some(p) = local
                    .person_for_title(&title)
                    .or_else(|| gaz.person_for_title(&title))
                {
                    let name = mentions
                        .iter()
                        .find(|m| m.kind == super::EntityKind::Person && text[m.span.clone()] == p)
                        .map_or(p.clone(), |m| m.name.clone());
                    anchors.push((k, k + len - 1, canonical_person(gaz, &name)));
                }
            }
            k += len;
        } else {
            k += 1;
        }
    }
    // A noun phrase never reaches back across another name or title.
    let in_anchor =
        |k: usize| anchors.iter().any(|a| a.0 <= k && k <= a.1) || s.title_at(k).is_some();
    let mut out: Vec<Descriptor> = Vec::new();
    let mut push = |entity: &str, f: &FramingMention| {
        if !out
            .iter()
            .any(|d| d.entity == entity && d.descriptor == f.term && d.span == f.span)
        {
            out.push(Descriptor {
                entity: entity.to_string(),
                descriptor: f.term.clone(),
                span: f.span.clone(),
            });
        }
    };
    for (head, last, name) in &anchors {
        // Pre-modifiers: walk back over linked content words.
        let mut start = *head;
        let mut k = *head;
        while k > 0 && head - k < 5 {
            let p = &toks[k - 1];
            if p.kind != Tk::Word || !spaced(text, p, &toks[k]) || p.possessive {
                break;
            }
            if DETERMINERS.contains(&p.norm.as_ref())
                || NP_STOPS.contains(p.norm.as_ref())
                || in_anchor(k - 1)
            {
                break;
            }
            k -= 1;
            start = k;
        }
        let from = toks[start].start;
        let to = toks[*head].start;
        for f in framing
            .iter()
            .filter(|f| f.span.start >= from && f.span.end <= to)
        {
            push(name, f);
        }
        // Appositive: ", the …" up to the end of the clause.
        let c = last + 1;
        if toks.get(c).is_some_and(|t| t.is_punct(",")) {
            let opener = toks.get(c + 1);
            let opens = opener.is_some_and(|t| {
                DETERMINERS[..3].contains(&t.norm.as_ref())
                    || framing.iter().any(|f| f.span.start == t.start)
            });
            if opens {
                let mut e = c + 1;
                while e < toks.len() && e - c < 12 {
                    let t = &toks[e];
                    if t.is_punct(".;:)!?\"”") || t.norm == "-" {
                        break;
                    }
                    if t.is_punct(",")
                        && toks.get(e + 1).is_some_and(|n| {
                            NP_STOPS.contains(n.norm.as_ref()) || n.kind != Tk::Word
                        })
                    {
                        break;
                    }
                    if t.kind == Tk::Word && e > c + 1 && NP_STOPS.contains(t.norm.as_ref()) {
                        break;
                    }
                    e += 1;
                }
                let from = toks[c].end;
                let to = toks[e.min(toks.len()) - 1].end;
                for f in framing
                    .iter()
                    .filter(|f| f.span.start >= from && f.span.end <= to)
                {
                    push(name, f);
                }
            }
        }
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// The longest person name in the gazetteer ending with `name`.
fn canonical_person(gaz: &Gazetteer, name: &str) -> String {
    gaz.longest_person_ending_with(&fold(name))
        .map_or_else(|| name.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_ignores_case_hyphens_and_spacing() {
        let lex = default_lexicon();
        assert!(lex.contains("Iron  Fist"));
        assert!(lex.contains("dictator style"));
        assert!(!lex.contains("spotlight"));
    }

    #[test]
    fn spans_stay_on_the_text_after_a_unicode_hyphen() {
        // Regression: parts after U+2011 were offset by 1 byte instead of 3, shifting the span.
        let text = "A dictator\u{2011}style crackdown and an iron\u{2010}fist rule";
        let found = default_lexicon().find(text);
        let spans: Vec<&str> = found.iter().map(|m| &text[m.span.clone()]).collect();
        assert_eq!(
            spans,
            ["dictator\u{2011}style", "crackdown", "iron\u{2010}fist"]
        );
    }

    const SEED_000: &str = include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt");
    const SEED_001: &str = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");

    fn terms_in(text: &str) -> Vec<String> {
        default_lexicon()
            .find(text)
            .into_iter()
            .map(|m| m.term)
            .collect()
    }

    #[test]
    fn lexicon_matches_case_hyphen_and_space_insensitively() {
        assert_eq!(
            terms_in("BUK ELE'S IRON FIST: Embrace Dictator-Style Security?"),
            ["iron fist", "dictator-style"]
        );
        assert_eq!(terms_in("a dictator style state"), ["dictator-style"]);
        assert_eq!(
            terms_in("vowed to crack down and to crack-down"),
            ["crackdown", "crackdown"]
        );
        assert_eq!(
            terms_in("the far right and the hardline"),
            ["far-right", "hard-line"]
        );
    }

    #[test]
    fn lexicon_matches_light_inflections_but_only_whole_words() {
        assert_eq!(
            terms_in("crackdowns, cracked down, polarized voters"),
            ["crackdown", "crackdown", "polarizing"]
        );
        assert!(terms_in("a polar bear, radically starker irony, warring, starkly").is_empty());
        assert!(
            terms_in("the war. On Monday").is_empty(),
            "punctuation breaks a phrase"
        );
    }

    #[test]
    fn lexicon_spans_cover_the_written_words() {
        let t = "Bukele’s heavy-handed crackdown on the IRON  FIST";
        let ms = default_lexicon().find(t);
        let spans: Vec<&str> = ms.iter().map(|m| &t[m.span.clone()]).collect();
        assert_eq!(spans, ["heavy-handed", "crackdown", "IRON  FIST"]);
        assert_eq!(ms[0].category, FramingCategory::Force);
    }

    #[test]
    fn lexicon_extend_adds_user_terms_without_duplicates() {
        let mut lex = default_lexicon();
        let n = lex.terms().count();
        lex.extend(["tough-guy", "Far Right"]);
        assert_eq!(lex.terms().count(), n + 1);
        let ms = lex.find("a Tough Guy stance");
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].category, FramingCategory::User);
    }

    #[test]
    fn lexicon_terms_added_after_a_search_are_found() {
        let mut lex = default_lexicon();
        assert!(lex.find("a Tough Guy stance").is_empty());
        lex.add("tough guy", FramingCategory::User);
        let ms = lex.find("a Tough Guy stance, a tough-guys act");
        let terms: Vec<&str> = ms.iter().map(|m| m.term.as_str()).collect();
        assert_eq!(terms, ["tough guy", "tough guy"]);
        let back: Lexicon = postcard::from_bytes(&postcard::to_allocvec(&lex).unwrap()).unwrap();
        assert_eq!(back, lex);
        assert_eq!(
            back.find("a Tough Guy stance"),
            lex.find("a Tough Guy stance")
        );
    }

    #[test]
    fn lexicon_finds_seed_framing() {
        let a = terms_in(SEED_000);
        for t in [
            "iron fist",
            "dictator-style",
            "controversial",
            "polarizing",
            "sprawling",
            "mega-prison",
        ] {
            assert!(a.contains(&t.to_string()), "{t} missing in 000: {a:?}");
        }
        let b = terms_in(SEED_001);
        for t in [
            "far-right",
            "heavy-handed",
            "crackdown",
            "war on",
            "right-leaning",
            "mega-prison",
        ] {
            assert!(b.contains(&t.to_string()), "{t} missing in 001: {b:?}");
        }
        assert!(!b.contains(&"dictator-style".to_string()));
    }

    #[test]
    fn descriptors_attach_far_right_to_kast_in_seed_001_only() {
        let g = Gazetteer::learn([SEED_000, SEED_001]);
        let d1 = descriptors(SEED_001, &g);
        let kast: Vec<&Descriptor> = d1
            .iter()
            .filter(|d| d.entity == "José Antonio Kast")
            .collect();
        assert!(kast.iter().any(|d| d.descriptor == "far-right"), "{d1:?}");
        // Both the title line and the lede attach it, and to nobody else.
        let far: Vec<&Descriptor> = d1.iter().filter(|d| d.descriptor == "far-right").collect();
        assert_eq!(far.len(), 2, "{far:?}");
        assert!(far.iter().all(|d| d.entity == "José Antonio Kast"));
        let d0 = descriptors(SEED_000, &g);
        assert!(!d0.iter().any(|d| d.descriptor == "far-right"));
        // A framing word elsewhere in the sentence is not a descriptor of Bukele.
        assert!(!d1
            .iter()
            .any(|d| d.entity == "Nayib Bukele" && d.descriptor == "heavy-handed"));
    }

    #[test]
    fn descriptors_read_appositives_and_bare_titles() {
        let g = Gazetteer::learn([SEED_000, SEED_001]);
        let d0 = descriptors(SEED_000, &g);
        let cecot: Vec<&str> = d0
            .iter()
            .filter(|d| d.entity == "CECOT")
            .map(|d| d.descriptor.as_str())
            .collect();
        assert!(
            cecot.contains(&"sprawling") && cecot.contains(&"mega-prison"),
            "{d0:?}"
        );
        let title_only = "The far-right president-elect landed.";
        let d = descriptors(title_only, &g);
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].entity.as_str(), d[0].descriptor.as_str()),
            ("José Antonio Kast", "far-right")
        );
    }

    #[test]
    fn descriptors_stop_at_clause_boundaries() {
        let t = "Critics called it draconian, and Senator Ada Quill agreed. \
                 The brutal winter hit as the controversial Mr. Ode Vance arrived.";
        let g = Gazetteer::learn([t]);
        let d = descriptors(t, &g);
        let pairs: Vec<(&str, &str)> = d
            .iter()
            .map(|d| (d.entity.as_str(), d.descriptor.as_str()))
            .collect();
        assert_eq!(pairs, [("Ode Vance", "controversial")]);
    }
}
