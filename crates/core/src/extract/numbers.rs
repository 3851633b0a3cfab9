//! Quantities: numbers written in digits or words, with the hedge before them ("over",
//! "at least", "between … and …") and the noun they count ("200 Venezuelans").

use super::{linked_at, scan, word_at, Tk, Tok, WordSet};
use crate::text::{fold, stem};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What a number measures; comparison should only line up quantities of the same kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuantityKind {
    /// A count of things, or a plain measure ("480 people", "2.5 kilometres").
    Count,
    /// A calendar year ("in 2022", "© 2026").
    Year,
    /// A day of the month next to a month name ("March 5").
    Date,
    /// An amount of money ("$2.5 billion", "300 pesos").
    Money,
    /// A percentage ("40%", "12 percent").
    Percent,
    /// A rank ("first", "3rd").
    Ordinal,
}

/// How precisely a number is claimed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Hedge {
    Exact,
    /// "over", "more than", "above".
    Over,
    /// "at least", "no fewer than", and vague plurals ("dozens").
    AtLeast,
    /// "about", "around", "roughly", "nearly", "almost", "some", "approximately".
    About,
    /// "up to", "as many as", "no more than".
    UpTo,
    /// "under", "fewer than", "less than".
    Under,
    /// "between X and Y", "X to Y", "X-Y": `value` is the low end, `high` the high end.
    Between,
}

/// A number found in text with its hedge and counted noun.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// From the hedge through the counted noun: "over 200 Venezuelans".
    pub span: Range<usize>,
    /// The number alone ("200", "two hundred", "$2.5 billion", "65 and 70").
    pub value_span: Range<usize>,
    pub kind: QuantityKind,
    pub value: f64,
    /// High end of a range.
    pub high: Option<f64>,
    pub hedge: Hedge,
    /// A vague plural ("dozens", "hundreds of"): `value` is its floor (24, 200, ...).
    pub vague: bool,
    /// The counted noun as written ("Venezuelans", "inmates"), a currency, or "%".
    pub unit: Option<String>,
    /// Folded and stemmed unit, for matching ("venezuelan", "inmat").
    pub unit_norm: Option<String>,
}

const ONES: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
];
static MONTHS: WordSet = WordSet::new(&[
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]);

/// Every word a number expression can start with (a compound such as "twenty-five" by its
/// first part): [`ONES`], [`TENS`], [`ORDINALS`], scale and vague words, and "a" ("a dozen").
static NUMBER_STARTS: WordSet = WordSet::new(&[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "first",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozens",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "a",
]);

/// `w` up to its first hyphen ("twenty" of "twenty-five"): a byte scan, several times cheaper
/// than `split_once` at the size-first optimisation level, for a question asked of nearly
/// every word.
#[inline(always)]
fn before_hyphen(w: &str) -> &str {
    &w[..w.bytes().position(|b| b == b'-').unwrap_or(w.len())]
}

/// The value of a number word below a hundred: "seven", "forty", "twenty-five".
pub(crate) fn small_word(w: &str) -> Option<f64> {
    // Asked of nearly every word: the number starts turn most away at once.
    if !NUMBER_STARTS.contains(before_hyphen(w)) {
        return None;
    }
    if let Some(i) = ONES.iter().position(|&o| o == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|&t| !t.is_empty() && t == w) {
        return Some(i as f64 * 10.0);
    }
    // "twenty-five"
    let (t, o) = w.split_once('-')?;
    let t = TENS.iter().position(|&x| !x.is_empty() && x == t)? as f64 * 10.0;
    let o = ONES
        .iter()
        .position(|&x| x == o)
        .filter(|&i| (1..10).contains(&i))? as f64;
    Some(t + o)
}

pub(crate) fn scale_word(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Vague plural -> (floor, whether "of thousands/millions" may follow).
fn vague_word(w: &str) -> Option<f64> {
    match w {
        "dozens" => Some(24.0),
        "tens" => Some(20.0),
        "hundreds" => Some(200.0),
        "thousands" => Some(2e3),
        "millions" => Some(2e6),
        "billions" => Some(2e9),
        _ => None,
    }
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    match s {
        "$" => Some("dollar"),
        "€" => Some("euro"),
        "£" => Some("pound"),
        "¥" => Some("yen"),
        _ => None,
    }
}

static CURRENCY_WORDS: WordSet = WordSet::new(&[
    "dollar", "dollars", "peso", "pesos", "euro", "euros", "pound", "pounds", "yen", "yuan",
    "rupee", "rupees", "colon", "colones", "bolivar", "bolivars", "real", "reais", "sol", "soles",
]);

/// (words, hedge), longest first so "no more than" wins over "more than".
const HEDGES: &[(&[&str], Hedge)] = &[
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["no", "more", "than"], Hedge::UpTo),
    (&["as", "many", "as"], Hedge::UpTo),
    (&["as", "much", "as"], Hedge::UpTo),
    (&["in", "excess", "of"], Hedge::Over),
    (&["more", "than"], Hedge::Over),
    (&["well", "over"], Hedge::Over),
    (&["just", "over"], Hedge::Over),
    (&["upwards", "of"], Hedge::Over),
    (&["at", "least"], Hedge::AtLeast),
    (&["an", "estimated"], Hedge::About),
    (&["close", "to"], Hedge::About),
    (&["up", "to"], Hedge::UpTo),
    (&["at", "most"], Hedge::UpTo),
    (&["fewer", "than"], Hedge::Under),
    (&["less", "than"], Hedge::Under),
    (&["just", "under"], Hedge::Under),
    (&["over"], Hedge::Over),
    (&["above"], Hedge::Over),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["nearly"], Hedge::About),
    (&["almost"], Hedge::About),
    (&["some"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["estimated"], Hedge::About),
    (&["circa"], Hedge::About),
    (&["under"], Hedge::Under),
    (&["below"], Hedge::Under),
    (&["between"], Hedge::Between),
    (&["from"], Hedge::Between),
];

/// Words that cannot be (or end before) a counted noun.
static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "a",
    "about",
    "after",
    "ago",
    "among",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "i",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "later",
    "least",
    "less",
    "like",
    "may",
    "might",
    "more",
    "most",
    "must",
    "no",
    "not",
    "of",
    "on",
    "onto",
    "or",
    "our",
    "over",
    "per",
    "she",
    "should",
    "since",
    "than",
    "that",
    "the",
    "their",
    "then",
    "these",
    "they",
    "this",
    "those",
    "to",
    "under",
    "until",
    "was",
    "we",
    "were",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "you",
    "your",
]);

static IRREGULAR_PLURALS: WordSet = WordSet::new(&[
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "staff",
    "cattle",
    "feet",
    "teeth",
    "mice",
    "data",
    "media",
    "sheep",
    "fish",
    "deer",
    "crew",
    "youth",
    "clergy",
]);

/// Words before a four-digit number that make it a year.
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "of", "from", "until", "till", "early", "late", "mid", "year", "during",
    "before", "after", "©", "c", "fiscal", "through",
];

fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(w)
}

fn looks_plural(w: &str) -> bool {
    IRREGULAR_PLURALS.contains(w)
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s"))
}

/// A parsed number expression over tokens `[start, end)`.
#[derive(Clone, Debug)]
struct Num {
    start: usize,
    end: usize,
    value: f64,
    vague: bool,
    kind: QuantityKind,
    /// Currency symbol or word / "%" found inside the expression.
    unit: Option<(String, String)>,
    /// A lone word "one", which is usually a pronoun unless a noun follows.
    lone_one: bool,
    /// Digits without separators, e.g. a candidate year.
    plain_int: bool,
}

fn parse_digits(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

/// Words adjacent to the number (no space) that multiply it: "2.5bn", "40k".
fn glued_scale(w: &str) -> Option<f64> {
    match w {
        "k" => Some(1e3),
        "m" | "mn" | "mln" => Some(1e6),
        "bn" | "b" => Some(1e9),
        "tn" => Some(1e12),
        _ => None,
    }
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok<'a>],
}

impl Ctx<'_> {
    #[inline(always)]
    fn word(&self, i: usize) -> Option<&str> {
        word_at(self.toks, i)
    }
    /// Token `i` follows token `i-1` after plain spaces.
    #[inline(always)]
    fn spaced_from_prev(&self, i: usize) -> bool {
        i > 0 && linked_at(self.text, self.toks, i - 1, i)
    }
    fn adjacent_to_prev(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    /// Parses a number expression starting exactly at token `i`.
    fn number_at(&self, i: usize) -> Option<Num> {
        let t = self.toks.get(i)?;
        let mut n = match t.kind {
            Tk::Punct => {
                let cur = currency_symbol(&t.norm)?;
                let next = self.toks.get(i + 1)?;
                if next.kind != Tk::Num || next.start != t.end {
                    return None;
                }
                let mut n = self.digits_at(i + 1)?;
                n.start = i;
                n.kind = QuantityKind::Money;
                n.unit = Some((t.norm.to_string(), cur.to_string()));
                n
            }
            Tk::Num => self.digits_at(i)?,
            Tk::Word => self.words_at(i)?,
        };
        // Trailing percent or currency word.
        if n.kind == QuantityKind::Count {
            if let Some(p) = self.toks.get(n.end).filter(|p| p.is_punct("%")) {
                if p.start == self.toks[n.end - 1].end || self.spaced_from_prev(n.end) {
                    n.kind = QuantityKind::Percent;
                    n.unit = Some(("%".into(), "percent".into()));
                    n.end += 1;
                }
            } else if self.spaced_from_prev(n.end) {
                match self.word(n.end) {
                    Some("percent") => {
                        n.kind = QuantityKind::Percent;
                        n.unit = Some((self.toks[n.end].raw(self.text).into(), "percent".into()));
                        n.end += 1;
                    }
                    Some("per")
                        if self.word(n.end + 1) == Some("cent")
                            && self.spaced_from_prev(n.end + 1) =>
                    {
                        n.kind = QuantityKind::Percent;
                        n.unit = Some(("per cent".into(), "percent".into()));
                        n.end += 2;
                    }
                    Some(w) if CURRENCY_WORDS.contains(w) => {
                        n.kind = QuantityKind::Money;
                        let raw = self.toks[n.end].raw(self.text).to_string();
                        n.unit = Some((raw, stem(w)));
                        n.end += 1;
                    }
                    _ => {}
                }
            }
        }
        Some(n)
    }

    fn digits_at(&self, i: usize) -> Option<Num> {
        let t = &self.toks[i];
        // Parts of times, scores, fractions and codes ("5:30", "3-1", "24/7", "G-20").
        let joined = |p: Option<&Tok>| p.is_some_and(|p| p.is_punct(":/"));
        if (i > 0
            && self.adjacent_to_prev(i)
            && (joined(self.toks.get(i - 1)) || self.toks[i - 1].is_word()))
            || (self.toks.get(i + 1).is_some_and(|n| n.start == t.end)
                && joined(self.toks.get(i + 1)))
        {
            return None;
        }
        let mut value = parse_digits(&t.norm)?;
        let plain_int = t.norm.chars().all(|c| c.is_ascii_digit());
        let mut end = i + 1;
        let mut kind = QuantityKind::Count;
        if let Some(next) = self
            .toks
            .get(end)
            .filter(|n| n.start == t.end && n.is_word())
        {
            let w = next.norm.as_ref();
            if plain_int && matches!(w, "st" | "nd" | "rd" | "th") {
                kind = QuantityKind::Ordinal;
                end += 1;
            } else if let Some(s) = glued_scale(w).or_else(|| scale_word(w)) {
                value *= s;
                end += 1;
            } else if w == "s" && plain_int {
                // "1990s"
                return Some(Num {
                    start: i,
                    end: end + 1,
                    value,
                    vague: false,
                    kind,
                    unit: None,
                    lone_one: false,
                    plain_int: true,
                });
            } else {
                return None;
            }
        } else if self.spaced_from_prev(end) {
            if let Some(s) = self.word(end).and_then(scale_word) {
                value *= s;
                end += 1;
            }
        }
        Some(Num {
            start: i,
            end,
            value,
            vague: false,
            kind,
            unit: None,
            lone_one: false,
            plain_int: plain_int && end == i + 1,
        })
    }

    fn words_at(&self, i: usize) -> Option<Num> {
        let w = self.word(i)?;
        // Nearly every word is no number: one set lookup rules it out.
        if !NUMBER_STARTS.contains(before_hyphen(w)) {
            return None;
        }
        if let Some(&(_, v)) = ORDINALS.iter().find(|(o, _)| *o == w) {
            return Some(Num {
                start: i,
                end: i + 1,
                value: v,
                vague: false,
                kind: QuantityKind::Ordinal,
                unit: None,
                lone_one: false,
                plain_int: false,
            });
        }
        if let Some(mut v) = vague_word(w) {
            let mut end = i + 1;
            // "tens of thousands", "hundreds of thousands"
            if self.word(end) == Some("of") {
                if let Some(s) = self
                    .word(end + 1)
                    .and_then(vague_word)
                    .filter(|&s| s >= 1e3)
                {
                    v *= s / 2.0;
                    end += 2;
                }
            }
            if w == "tens" && end == i + 1 {
                return None;
            }
            return Some(Num {
                start: i,
                end,
                value: v,
                vague: true,
                kind: QuantityKind::Count,
                unit: None,
                lone_one: false,
                plain_int: false,
            });
        }
        // "a dozen", "a hundred", "a million"
        let (mut j, mut current, mut total, mut any) = (i, 0.0, 0.0, false);
        if w == "a" && self.spaced_from_prev(i + 1) {
            match self.word(i + 1) {
                Some("dozen") => {
                    return Some(Num {
                        start: i,
                        end: i + 2,
                        value: 12.0,
                        vague: false,
                        kind: QuantityKind::Count,
                        unit: None,
                        lone_one: false,
                        plain_int: false,
                    })
                }
                Some(s) if scale_word(s).is_some() => {
                    current = 1.0;
                    j = i + 1;
                }
                _ => return None,
            }
        }
        let mut words = 0;
        while j < self.toks.len() {
            if j > i && !self.spaced_from_prev(j) {
                break;
            }
            let Some(w) = self.word(j) else { break };
            if let Some(v) = small_word(w) {
                if current % 100.0 != 0.0 && current > 0.0 {
                    break; // "five six" is not one number
                }
                current += v;
            } else if w == "dozen" && current > 0.0 {
                current *= 12.0;
            } else if w == "hundred" {
                current = if current == 0.0 {
                    100.0
                } else {
                    current * 100.0
                };
            } else if let Some(s) = scale_word(w) {
                total += if current == 0.0 { 1.0 } else { current } * s;
                current = 0.0;
            } else if w == "and"
                && any
                && self.word(j + 1).and_then(small_word).is_some()
                && (current >= 100.0 || total > 0.0)
            {
                // "two hundred and fifty"
            } else {
                break;
            }
            any = true;
            words += 1;
            j += 1;
        }
        if !any || self.toks[i].norm == "zero" && words == 1 {
            return None;
        }
        Some(Num {
            start: i,
            end: j,
            value: total + current,
            vague: false,
            kind: QuantityKind::Count,
            unit: None,
            lone_one: words == 1 && self.word(i) == Some("one"),
            plain_int: false,
        })
    }

    /// The longest hedge phrase ending right before token `i`.
    fn hedge_before(&self, i: usize) -> Option<(usize, Hedge)> {
        // Every hedge ends with the word right before the number, after plain spaces.
        if i == 0 || !self.spaced_from_prev(i) {
            return None;
        }
        let last = self.word(i - 1)?;
        HEDGES.iter().find_map(|(words, h)| {
            let n = words.len();
            if i < n || words[n - 1] != last {
                return None;
            }
            let s = i - n;
            let ok = words.iter().enumerate().all(|(k, w)| {
                self.word(s + k) == Some(*w) && (k == 0 || self.spaced_from_prev(s + k))
            });
            ok.then_some((s, *h))
        })
    }

    /// A counted noun after token `i` (exclusive end of the number): (token index, first token).
    fn unit_after(&self, i: usize, value: f64) -> Option<(usize, usize)> {
        let mut chunk = Vec::new();
        let mut j = i;
        while j < self.toks.len() && chunk.len() < 4 {
            if !self.spaced_from_prev(j) {
                break;
            }
            let Some(w) = self.word(j) else { break };
            if is_function_word(w) || MONTHS.contains(w) {
                break;
            }
            chunk.push(j);
            j += 1;
        }
        let first = *chunk.first()?;
        if value != 1.0 {
            if let Some(&k) = chunk.iter().find(|&&k| looks_plural(&self.toks[k].norm)) {
                return Some((k, first));
            }
        }
        // Without a plural, keep the shortest plausible noun phrase and drop trailing verbs.
        let mut last = None;
        for &k in chunk.iter().take(2) {
            let w = &self.toks[k].norm;
            if last.is_some() && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly")) {
                break;
            }
            if w.ends_with("ly") {
                return None;
            }
            last = Some(k);
        }
        last.map(|k| (k, first))
    }
}

/// All quantities in `text`, in order. Years, dates, money, percentages and ordinals are
/// recognised as such so that a comparison does not read "2022" as a count.
pub fn quantities(text: &str) -> Vec<Quantity> {
    quantities_in(text, &scan(text))
}

/// [`quantities`] over the text's scanner tokens.
pub(crate) fn quantities_in(text: &str, toks: &[Tok]) -> Vec<Quantity> {
    let cx = Ctx { text, toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(mut n) = cx.number_at(i) else {
            i += 1;
            continue;
        };
        let hedge = cx.hedge_before(n.start);
        // Ranges: "between 65 and 70", "65 to 70", "65-70".
        let mut high = None;
        let mut end = n.end;
        let joiner = toks.get(end);
        let is_between = matches!(hedge, Some((_, Hedge::Between)));
        let joins = joiner.is_some_and(|j| match j.norm.as_ref() {
            "and" => is_between,
            "to" => true,
            "-" | "\u{2013}" => j.start == toks[end - 1].end,
            _ => false,
        });
        if joins {
            if let Some(m) = cx.number_at(end + 1).filter(|m| {
                m.kind == n.kind || m.kind == QuantityKind::Count || n.kind == QuantityKind::Count
            }) {
                if m.value > n.value {
                    high = Some(m.value);
                    if n.kind == QuantityKind::Count {
                        n.kind = m.kind;
                    }
                    if n.unit.is_none() {
                        n.unit = m.unit.clone();
                    }
                    end = m.end;
                }
            }
        }
        let mut hedge = match (hedge, high) {
            (Some((s, Hedge::Between)), Some(_)) => Some((s, Hedge::Between)),
            (Some((_, Hedge::Between)), None) => None,
            (h, _) => h,
        };
        let mut kind = n.kind;
        if high.is_some() {
            hedge = Some(hedge.map_or((n.start, Hedge::Between), |(s, _)| (s, Hedge::Between)));
        }
        // Postfix hedges: "200 or more", "200 or so".
        let mut post_end = end;
        if hedge.is_none() && cx.word(end) == Some("or") && cx.spaced_from_prev(end + 1) {
            match cx.word(end + 1) {
                Some("more") => hedge = Some((n.start, Hedge::AtLeast)),
                Some("so") => hedge = Some((n.start, Hedge::About)),
                _ => {}
            }
            if hedge.is_some() {
                post_end = end + 2;
            }
        }
        if n.vague && hedge.is_none() {
            hedge = Some((n.start, Hedge::AtLeast));
        }
        let prev_word = n.start.checked_sub(1).and_then(|p| cx.word(p));
        if kind == QuantityKind::Count
            && n.plain_int
            && high.is_none()
            && (1.0..=31.0).contains(&n.value)
            && (prev_word.is_some_and(|w| MONTHS.contains(w))
                || cx.word(end).is_some_and(|w| MONTHS.contains(w)))
        {
            kind = QuantityKind::Date;
        }
        // Units: a vague plural reaches through "of (the)".
        let mut unit_from = post_end;
        if n.vague && cx.word(unit_from) == Some("of") {
            unit_from += 1;
            if cx.word(unit_from) == Some("the") {
                unit_from += 1;
            }
        }
        let noun = match kind {
            QuantityKind::Count | QuantityKind::Ordinal => {
                cx.unit_after(unit_from, high.unwrap_or(n.value))
            }
            _ => None,
        };
        let in_years = |v: f64| (1800.0..=2100.0).contains(&v);
        let year_like = n.plain_int && in_years(n.value) && high.map_or(hedge.is_none(), in_years);
        let year_cue = prev_word.is_some_and(|w| YEAR_CUES.contains(&w) || MONTHS.contains(w))
            || n.start > 0 && toks[n.start - 1].is_punct("©,");
        let mut unit = n.unit.clone();
        let mut last_tok = post_end;
        if kind == QuantityKind::Count && year_like && (noun.is_none() || year_cue) {
            kind = QuantityKind::Year;
        } else if let Some((k, _)) = noun {
            let raw = toks[k].raw(text).to_string();
            let norm = stem(&fold(&raw));
            unit = Some((raw, norm));
            last_tok = k + 1;
        }
        let pronoun_one = n.lone_one
            && prev_word.is_some_and(|w| {
                matches!(
                    w,
                    "no" | "any" | "every" | "each" | "some" | "the" | "this" | "that" | "which"
                )
            });
        if n.lone_one && (noun.is_none() || pronoun_one) {
            i = end;
            continue;
        }
        let start_tok = hedge.map_or(n.start, |(s, _)| s.min(n.start));
        out.push(Quantity {
            span: toks[start_tok].start..toks[last_tok - 1].end,
            value_span: toks[n.start].start..toks[end - 1].end,
            kind,
            value: n.value,
            high,
            hedge: hedge.map_or(Hedge::Exact, |(_, h)| h),
            vague: n.vague,
            unit: unit.as_ref().map(|u| u.0.clone()),
            unit_norm: unit.map(|u| u.1),
        });
        i = end.max(i + 1);
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

fn direction(h: Hedge) -> i8 {
    match h {
        Hedge::Exact | Hedge::About => 0,
        Hedge::Over | Hedge::AtLeast => 1,
        Hedge::UpTo | Hedge::Under => -1,
        Hedge::Between => 2,
    }
}

/// Whether two quantities make the same claim: same kind and value (and range), units equal
/// when both have one, and hedges that do not point in opposite directions. A bare number is
/// compatible with any one-sided hedge of the same value ("200" vs "over 200": one report is
/// just less precise), but "up to 200" and "over 200" are different claims.
pub fn same_quantity(a: &Quantity, b: &Quantity) -> bool {
    if a.kind != b.kind || a.vague != b.vague || !close(a.value, b.value) {
        return false;
    }
    match (a.high, b.high) {
        (Some(x), Some(y)) if close(x, y) => {}
        (None, None) => {}
        _ => return false,
    }
    if let (Some(x), Some(y)) = (&a.unit_norm, &b.unit_norm) {
        if x != y {
            return false;
        }
    }
    let (da, db) = (direction(a.hedge), direction(b.hedge));
    da == db || (da == 0 && db != 2) || (db == 0 && da != 2)
}

fn format_number(v: f64) -> String {
    for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v >= scale && v % (scale / 100.0) == 0.0 && v % scale != 0.0
            || v >= scale && v % scale == 0.0
        {
            return format!("{} {name}", format_plain(v / scale));
        }
    }
    format_plain(v)
}

fn format_plain(v: f64) -> String {
    if v.fract() != 0.0 {
        let s = format!("{v:.2}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{}", v as i64);
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn ordinal_suffix(n: i64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// A short reading of the quantity without its counted noun: "over 250", "between 65 and 70",
/// "$2.5 billion", "40%", "dozens".
pub fn describe(q: &Quantity) -> String {
    if q.vague {
        return match q.value {
            v if v < 100.0 => "dozens",
            v if v < 1e3 => "hundreds",
            v if v < 1e4 => "thousands",
            v if v < 1e5 => "tens of thousands",
            v if v < 1e6 => "hundreds of thousands",
            v if v < 1e9 => "millions",
            _ => "billions",
        }
        .to_string();
    }
    let num = |v: f64| match q.kind {
        QuantityKind::Year | QuantityKind::Date => format!("{}", v as i64),
        QuantityKind::Ordinal => format!("{}{}", v as i64, ordinal_suffix(v as i64)),
        QuantityKind::Percent => format!("{}%", format_plain(v)),
        QuantityKind::Money => match q.unit.as_deref() {
            Some(u) if currency_symbol(u).is_some() => format!("{u}{}", format_number(v)),
            Some(u) => format!("{} {u}", format_number(v)),
            None => format_number(v),
        },
        QuantityKind::Count => format_number(v),
    };
    let body = match q.high {
        Some(h) => format!("{} and {}", num(q.value), num(h)),
        None => num(q.value),
    };
    let lead = match q.hedge {
        Hedge::Exact => "",
        Hedge::Over => "over ",
        Hedge::AtLeast => "at least ",
        Hedge::About => "about ",
        Hedge::UpTo => "up to ",
        Hedge::Under => "under ",
        Hedge::Between => "between ",
    };
    format!("{lead}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_000: &str = include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt");
    const SEED_001: &str = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");

    fn find<'a>(qs: &'a [Quantity], text: &str, phrase: &str) -> &'a Quantity {
        qs.iter()
            .find(|q| &text[q.span.clone()] == phrase)
            .unwrap_or_else(|| {
                let got: Vec<&str> = qs.iter().map(|q| &text[q.span.clone()]).collect();
                panic!("no quantity spanning {phrase:?}; got {got:?}")
            })
    }

    #[test]
    fn number_starts_cover_every_word_a_number_begins_with() {
        let words = ONES
            .iter()
            .chain(TENS.iter().filter(|t| !t.is_empty()))
            .chain(ORDINALS.iter().map(|(o, _)| o))
            .copied()
            .chain(["hundred", "thousand", "million", "billion", "trillion"])
            .chain([
                "dozens",
                "tens",
                "hundreds",
                "thousands",
                "millions",
                "billions",
            ]);
        for w in words {
            assert!(NUMBER_STARTS.contains(w), "{w}");
            assert!(
                small_word(w).is_some()
                    || scale_word(w).is_some()
                    || vague_word(w).is_some()
                    || ORDINALS.iter().any(|(o, _)| *o == w),
                "{w} is no number word"
            );
        }
        assert!(!NUMBER_STARTS.contains("venezuelans"));
    }

    #[test]
    fn quantities_reads_hedges_and_units_in_seed_001() {
        let qs = quantities(SEED_001);
        let q = find(&qs, SEED_001, "over 200 Venezuelans");
        assert_eq!(
            (q.hedge, q.value, q.kind),
            (Hedge::Over, 200.0, QuantityKind::Count)
        );
        assert_eq!(q.unit.as_deref(), Some("Venezuelans"));
        let q = find(&qs, SEED_001, "at least 480 people");
        assert_eq!((q.hedge, q.value), (Hedge::AtLeast, 480.0));
        assert_eq!(q.unit.as_deref(), Some("people"));
        let q = find(&qs, SEED_001, "up to 40,000 inmates");
        assert_eq!((q.hedge, q.value), (Hedge::UpTo, 40_000.0));
        assert_eq!(q.unit_norm.as_deref(), Some(stem("inmates").as_str()));
        let q = find(&qs, SEED_001, "between 65 and 70 prisoners");
        assert_eq!(
            (q.hedge, q.value, q.high),
            (Hedge::Between, 65.0, Some(70.0))
        );
        assert_eq!(q.unit.as_deref(), Some("prisoners"));
        let q = find(&qs, SEED_001, "eight large cellblocks");
        assert_eq!((q.hedge, q.value), (Hedge::Exact, 8.0));
        assert_eq!(q.unit.as_deref(), Some("cellblocks"));
    }

    #[test]
    fn quantities_marks_years_not_counts_in_seeds() {
        let qs = quantities(SEED_001);
        let years: Vec<f64> = qs
            .iter()
            .filter(|q| q.kind == QuantityKind::Year)
            .map(|q| q.value)
            .collect();
        assert_eq!(years, [2022.0, 2026.0]);
        assert!(!qs
            .iter()
            .any(|q| q.kind == QuantityKind::Count && (q.value == 2022.0 || q.value == 2026.0)));
    }

    #[test]
    fn quantities_finds_over_250_venezuelans_in_seed_000() {
        let qs = quantities(SEED_000);
        let q = find(&qs, SEED_000, "over 250 Venezuelans");
        assert_eq!((q.hedge, q.value), (Hedge::Over, 250.0));
        assert_eq!(describe(q), "over 250");
        // The prose in 000 has no other numbers at all.
        assert_eq!(qs.len(), 1, "{qs:?}");
    }

    #[test]
    fn quantities_parses_number_words_money_and_percent() {
        let t = "Two hundred and fifty protesters, a dozen officers and dozens of journalists \
                 saw $2.5 billion in aid, 40% of it lost, and twenty-one more.";
        let qs = quantities(t);
        let q = find(&qs, t, "Two hundred and fifty protesters");
        assert_eq!(q.value, 250.0);
        assert_eq!(find(&qs, t, "a dozen officers").value, 12.0);
        let q = find(&qs, t, "dozens of journalists");
        assert!(q.vague);
        assert_eq!(q.unit.as_deref(), Some("journalists"));
        assert_eq!(describe(q), "dozens");
        let q = qs.iter().find(|q| q.kind == QuantityKind::Money).unwrap();
        assert_eq!(q.value, 2.5e9);
        assert_eq!(describe(q), "$2.5 billion");
        let q = qs.iter().find(|q| q.kind == QuantityKind::Percent).unwrap();
        assert_eq!((q.value, describe(q)), (40.0, "40%".to_string()));
        assert!(qs.iter().any(|q| q.value == 21.0));
    }

    #[test]
    fn quantities_reads_more_hedges_and_ranges() {
        let t = "More than 1,000 people fled; nearly 30 soldiers, fewer than 5 nurses, \
                 10 to 12 buses and as many as 300 migrants arrived.";
        let qs = quantities(t);
        assert_eq!(find(&qs, t, "More than 1,000 people").hedge, Hedge::Over);
        assert_eq!(find(&qs, t, "nearly 30 soldiers").hedge, Hedge::About);
        assert_eq!(find(&qs, t, "fewer than 5 nurses").hedge, Hedge::Under);
        let q = find(&qs, t, "10 to 12 buses");
        assert_eq!((q.hedge, q.high), (Hedge::Between, Some(12.0)));
        assert_eq!(find(&qs, t, "as many as 300 migrants").hedge, Hedge::UpTo);
    }

    #[test]
    fn quantities_ignores_pronoun_one_times_and_codes() {
        let t = "No one came at 5:30 to the G-20 or COVID-19 talks; one of them left.";
        let qs = quantities(t);
        assert!(qs.is_empty(), "{qs:?}");
    }

    #[test]
    fn quantities_does_not_swallow_a_following_verb_as_unit() {
        let t = "Over 250 Venezuelans deported from the United States arrived.";
        let q = &quantities(t)[0];
        assert_eq!(q.unit.as_deref(), Some("Venezuelans"));
        assert_eq!(&t[q.span.clone()], "Over 250 Venezuelans");
    }

    #[test]
    fn quantities_dates_are_not_counts() {
        let t = "On March 5, 2024, 12 people met.";
        let qs = quantities(t);
        let kinds: Vec<QuantityKind> = qs.iter().map(|q| q.kind).collect();
        assert_eq!(
            kinds,
            [QuantityKind::Date, QuantityKind::Year, QuantityKind::Count]
        );
    }

    #[test]
    fn same_quantity_equates_words_and_digits_but_not_different_claims() {
        let a = &quantities("two hundred people")[0];
        let b = &quantities("200 people")[0];
        let c = &quantities("over 200 people")[0];
        let d = &quantities("up to 200 people")[0];
        let e = &quantities("250 people")[0];
        let f = &quantities("200 soldiers")[0];
        let g = &quantities("in 200")[0];
        assert!(same_quantity(a, b));
        assert!(same_quantity(b, c));
        assert!(!same_quantity(c, d), "over vs up to");
        assert!(!same_quantity(b, e));
        assert!(!same_quantity(b, f), "different counted nouns");
        assert_eq!(g.kind, QuantityKind::Count);
        let y = &quantities("in 2022")[0];
        let n = &quantities("2022 people")[0];
        assert_eq!((y.kind, n.kind), (QuantityKind::Year, QuantityKind::Count));
        assert!(!same_quantity(y, n));
    }

    #[test]
    fn describe_reads_like_prose() {
        let t = "between 65 and 70 prisoners, up to 40,000 inmates, at least 480 people";
        let d: Vec<String> = quantities(t).iter().map(describe).collect();
        assert_eq!(d, ["between 65 and 70", "up to 40,000", "at least 480"]);
    }
}
