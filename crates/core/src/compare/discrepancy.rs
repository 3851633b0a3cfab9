//! Typed discrepancies between two reports: conflicting numbers, different attributions,
//! descriptors only one side uses, and facts (numbers, named entities) only one side mentions.
//!
//! Two quantities are "about the same thing" when they are of the same kind, count the same
//! noun (or are money or percentages), and share a content word in the few words around them
//! ("over 250 Venezuelans deported" / "deported over 200 Venezuelans"); without that shared
//! context two numbers are simply different facts, never a conflict.

use super::idf::Idf;
use super::matcher::hash_str;
use super::{Link, Sentence};
use crate::extract::{self, Gazetteer, Hedge, Quantity, QuantityKind};
use crate::text::{self, TokenKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

/// What kind of disagreement a [`Discrepancy`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    /// The same thing counted or measured differently.
    NumberConflict,
    /// The same claim attributed to different sources.
    AttributionConflict,
    /// A descriptor one side attaches to an entity and the other never does.
    DescriptorOnlyInA,
    DescriptorOnlyInB,
    /// A number only one side mentions.
    NumberOnlyInA,
    NumberOnlyInB,
    /// A named person, organisation or place only one side mentions.
    EntityOnlyInA,
    EntityOnlyInB,
}

/// One disagreement or omission, with the sentences it is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    /// One line for a reader: "over 250 (A) vs over 200 (B): Venezuelans deported".
    pub summary: String,
    pub a_sentence: Option<usize>,
    pub b_sentence: Option<usize>,
    pub a_text: Option<String>,
    pub b_text: Option<String>,
    /// The words concerned, as a byte range into `a_text` / `b_text`.
    pub a_span: Option<Range<usize>>,
    pub b_span: Option<Range<usize>>,
}

/// What [`find`] looks at.
pub struct Input<'a> {
    pub a: &'a [Sentence],
    pub b: &'a [Sentence],
    /// The paragraphs the sentences index into (quotes and descriptors need their context).
    pub a_paragraphs: &'a [String],
    pub b_paragraphs: &'a [String],
    pub links: &'a [Link],
    pub idf: &'a Idf,
    /// Other text of the two articles (titles), which helps learn entity names.
    pub context: &'a [&'a str],
}

/// Content words either side of a quantity that count as its context.
const WINDOW: usize = 6;

struct Found {
    sentence: usize,
    q: Quantity,
    /// Stems of content words near the quantity, with their first surface form.
    window: BTreeMap<u64, String>,
}

/// All discrepancies between the two sides, conflicts first, then descriptors, then omissions.
pub fn find(input: &Input) -> Vec<Discrepancy> {
    let qa = quantities(input.a);
    let qb = quantities(input.b);
    let mut out = Vec::new();
    let (used_a, used_b) = number_conflicts(input, &qa, &qb, &mut out);
    number_omissions(
        input,
        &qa,
        &qb,
        &used_a,
        DiscrepancyKind::NumberOnlyInA,
        &mut out,
    );
    number_omissions(
        input,
        &qb,
        &qa,
        &used_b,
        DiscrepancyKind::NumberOnlyInB,
        &mut out,
    );
    let texts = input.context.iter().copied().chain(
        input
            .a_paragraphs
            .iter()
            .chain(input.b_paragraphs)
            .map(String::as_str),
    );
    let gaz = Gazetteer::learn(texts);
    let all_a = all_mentions(&gaz, input.a_paragraphs, input.a);
    let all_b = all_mentions(&gaz, input.b_paragraphs, input.b);
    let (ea, eb) = (first_mentions(&all_a), first_mentions(&all_b));
    attribution_conflicts(input, &gaz, (&all_a, &all_b), &mut out);
    descriptor_differences(input, &gaz, &ea, &eb, &mut out);
    entity_omissions(input, &ea, &eb, &mut out);
    out.sort_by_key(|d| d.kind);
    out
}

fn quantities(sentences: &[Sentence]) -> Vec<Found> {
    let mut out = Vec::new();
    for s in sentences {
        let qs = extract::quantities(&s.text);
        if qs.is_empty() {
            continue;
        }
        let tokens = text::tokenize(&s.text);
        for q in qs {
            let first = tokens
                .iter()
                .position(|t| t.end > q.span.start)
                .unwrap_or(tokens.len());
            let last = tokens
                .iter()
                .position(|t| t.start >= q.span.end)
                .unwrap_or(tokens.len());
            let content =
                |t: &&text::Token| t.kind == TokenKind::Word && !text::is_stopword(&t.norm);
            let before = tokens[..first].iter().rev().filter(content).take(WINDOW);
            let after = tokens[last..].iter().filter(content).take(WINDOW);
            let mut window = BTreeMap::new();
            for t in before.chain(after) {
                let stem = text::stem(&t.norm);
                if q.unit_norm.as_deref() != Some(stem.as_str()) {
                    window
                        .entry(hash_str(&stem))
                        .or_insert_with(|| s.text[t.start..t.end].to_string());
                }
            }
            out.push(Found {
                sentence: s.index,
                q,
                window,
            });
        }
    }
    out
}

fn comparable_kind(k: QuantityKind) -> bool {
    matches!(
        k,
        QuantityKind::Count | QuantityKind::Money | QuantityKind::Percent
    )
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

/// Whether two quantities of the same thing can both be true as written, though they differ:
/// a vague amount ("hundreds") and a figure inside it, or an "about" figure within a tenth.
fn tolerated(a: &Quantity, b: &Quantity) -> bool {
    let range = |q: &Quantity| -> (f64, f64) {
        if q.vague {
            return (q.value, q.value * 10.0);
        }
        match q.hedge {
            Hedge::Over | Hedge::AtLeast => (q.value, f64::INFINITY),
            Hedge::UpTo | Hedge::Under => (0.0, q.value),
            Hedge::Between => (q.value, q.high.unwrap_or(q.value)),
            Hedge::About => (q.value * 0.9, q.value * 1.1),
            Hedge::Exact => (q.value, q.value),
        }
    };
    let (ra, rb) = (range(a), range(b));
    let overlap = ra.0 <= rb.1 && rb.0 <= ra.1;
    let loose = |q: &Quantity| q.vague || q.hedge == Hedge::About;
    overlap && (loose(a) || loose(b))
}

fn same_thing(a: &Found, b: &Found) -> Option<Vec<String>> {
    if a.q.kind != b.q.kind || !comparable_kind(a.q.kind) {
        return None;
    }
    match (&a.q.unit_norm, &b.q.unit_norm) {
        (Some(x), Some(y)) if x == y => {}
        (None, None) if a.q.kind != QuantityKind::Count => {}
        _ => return None,
    }
    let shared: Vec<String> = a
        .window
        .iter()
        .filter(|(h, _)| b.window.contains_key(h))
        .map(|(_, w)| w.clone())
        .collect();
    (!shared.is_empty()).then_some(shared)
}

fn number_conflicts(
    input: &Input,
    qa: &[Found],
    qb: &[Found],
    out: &mut Vec<Discrepancy>,
) -> (HashSet<usize>, HashSet<usize>) {
    let (mut used_a, mut used_b) = (HashSet::new(), HashSet::new());
    let linked = |i: usize, j: usize| input.links.iter().any(|l| l.a == i && l.b == j);
    for (ia, a) in qa.iter().enumerate() {
        // A value the other side also states is not in conflict, whatever else it says.
        if qb.iter().any(|b| extract::same_quantity(&a.q, &b.q)) {
            continue;
        }
        let mut best: Option<(usize, usize, Vec<String>)> = None;
        for (ib, b) in qb.iter().enumerate() {
            if used_b.contains(&ib)
                || extract::same_quantity(&a.q, &b.q)
                || tolerated(&a.q, &b.q)
                || qa.iter().any(|x| extract::same_quantity(&x.q, &b.q))
            {
                continue;
            }
            let Some(shared) = same_thing(a, b) else {
                continue;
            };
            let strength = shared.len() + 2 * linked(a.sentence, b.sentence) as usize;
            if best.as_ref().is_none_or(|x| strength > x.1) {
                best = Some((ib, strength, shared));
            }
        }
        let Some((ib, _, shared)) = best else {
            continue;
        };
        let b = &qb[ib];
        used_a.insert(ia);
        used_b.insert(ib);
        let what = [
            a.q.unit.clone().unwrap_or_default(),
            ordered_context(&input.a[a.sentence].text, &shared),
        ]
        .join(" ")
        .trim()
        .to_string();
        let summary = format!(
            "{} (A) vs {} (B): {}",
            extract::describe(&a.q),
            extract::describe(&b.q),
            what
        );
        out.push(pair(
            input,
            DiscrepancyKind::NumberConflict,
            summary,
            (a.sentence, claim_span(&a.q)),
            (b.sentence, claim_span(&b.q)),
        ));
    }
    (used_a, used_b)
}

/// The hedge and number ("over 250"), what a conflict's summary quotes; the counted noun is the
/// same on both sides and needs no highlight.
fn claim_span(q: &Quantity) -> Range<usize> {
    q.span.start..q.value_span.end.max(q.span.start)
}

/// The shared context words in the order they appear in `text`.
fn ordered_context(text: &str, words: &[String]) -> String {
    let mut found: Vec<(usize, &String)> = words
        .iter()
        .filter_map(|w| text.find(w.as_str()).map(|p| (p, w)))
        .collect();
    found.sort();
    found
        .iter()
        .map(|(_, w)| w.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn number_omissions(
    input: &Input,
    this: &[Found],
    other: &[Found],
    used: &HashSet<usize>,
    kind: DiscrepancyKind,
    out: &mut Vec<Discrepancy>,
) {
    let a_side = kind == DiscrepancyKind::NumberOnlyInA;
    let sentences = if a_side { input.a } else { input.b };
    let mut seen: Vec<&Quantity> = Vec::new();
    for (i, f) in this.iter().enumerate() {
        if used.contains(&i) || f.q.kind == QuantityKind::Ordinal {
            continue;
        }
        let stated = |q: &Quantity| {
            q.kind == f.q.kind
                && close(q.value, f.q.value)
                && q.high.zip(f.q.high).is_none_or(|(x, y)| close(x, y))
        };
        if other.iter().any(|o| stated(&o.q)) || seen.iter().any(|q| stated(q)) {
            continue;
        }
        seen.push(&f.q);
        let described = match &f.q.unit {
            Some(u) if !matches!(f.q.kind, QuantityKind::Money | QuantityKind::Percent) => {
                format!("{} {u}", extract::describe(&f.q))
            }
            _ => extract::describe(&f.q),
        };
        let summary = format!("{described}: only in {}", if a_side { "A" } else { "B" });
        out.push(single(
            sentences,
            kind,
            summary,
            f.sentence,
            f.q.span.clone(),
            a_side,
        ));
    }
}

/// An entity mention located in its sentence: sentence index, span in the sentence, name, kind.
type Located = (usize, Range<usize>, String, extract::EntityKind);

/// First mention of each entity: sentence, span in it, kind.
type Mentions = BTreeMap<String, (usize, Range<usize>, extract::EntityKind)>;

/// Every entity mention, found paragraph by paragraph (the rules use sentence context), in order.
fn all_mentions(gaz: &Gazetteer, paragraphs: &[String], sentences: &[Sentence]) -> Vec<Located> {
    let mut out = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        for m in gaz.entities(para) {
            if let Some((s, span)) = locate(sentences, p, &m.span) {
                out.push((s, span, m.name, m.kind));
            }
        }
    }
    out
}

fn first_mentions(all: &[Located]) -> Mentions {
    let mut first = Mentions::new();
    for (s, span, name, kind) in all {
        first
            .entry(name.clone())
            .or_insert((*s, span.clone(), *kind));
    }
    first
}

fn entity_omissions(input: &Input, ma: &Mentions, mb: &Mentions, out: &mut Vec<Discrepancy>) {
    let folded_text = |sentences: &[Sentence]| {
        let joined: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        format!(" {} ", text::fold(&joined.join(" ")))
    };
    let (fa, fb) = (folded_text(input.a), folded_text(input.b));
    for (this, other, other_text, a_side) in [(ma, mb, &fb, true), (mb, ma, &fa, false)] {
        let sentences = if a_side { input.a } else { input.b };
        for (name, (sentence, span, kind)) in this {
            if other.contains_key(name) {
                continue;
            }
            // The other side may name it in a way the entity rules missed (a headline-cased
            // line, a sentence-initial name): a literal mention counts as present.
            let surface = text::fold(&sentences[*sentence].text[span.clone()]);
            if contains_word(other_text, &surface) || contains_word(other_text, &text::fold(name)) {
                continue;
            }
            let kind_label = match kind {
                extract::EntityKind::Person => "person",
                extract::EntityKind::Organisation => "organisation",
                extract::EntityKind::Place => "place",
            };
            let side = if a_side { "A" } else { "B" };
            let summary = format!("{name} ({kind_label}): only in {side}");
            let k = if a_side {
                DiscrepancyKind::EntityOnlyInA
            } else {
                DiscrepancyKind::EntityOnlyInB
            };
            out.push(single(
                sentences,
                k,
                summary,
                *sentence,
                span.clone(),
                a_side,
            ));
        }
    }
}

/// The sentence containing a paragraph byte range, and the range relative to that sentence.
fn locate(
    sentences: &[Sentence],
    paragraph: usize,
    span: &Range<usize>,
) -> Option<(usize, Range<usize>)> {
    sentences
        .iter()
        .find(|s| s.paragraph == paragraph && s.start <= span.start && span.start < s.end)
        .map(|s| (s.index, span.start - s.start..span.end.min(s.end) - s.start))
}

fn descriptor_differences(
    input: &Input,
    gaz: &Gazetteer,
    ea: &Mentions,
    eb: &Mentions,
    out: &mut Vec<Discrepancy>,
) {
    let lexicon = extract::default_lexicon();
    let collect = |paragraphs: &[String], sentences: &[Sentence]| {
        let mut found: BTreeMap<(String, String), (usize, Range<usize>)> = BTreeMap::new();
        for (p, para) in paragraphs.iter().enumerate() {
            // Most paragraphs hold no framing term at all; the lexicon scan is far cheaper than
            // the noun-phrase analysis.
            if lexicon.find(para).is_empty() {
                continue;
            }
            for d in extract::descriptors_with(para, gaz, &lexicon) {
                let key = (
                    d.entity.clone(),
                    text::fold(&d.descriptor).replace('-', " "),
                );
                if let Some(at) = locate(sentences, p, &d.span) {
                    found.entry(key).or_insert(at);
                }
            }
        }
        found
    };
    let da = collect(input.a_paragraphs, input.a);
    let db = collect(input.b_paragraphs, input.b);
    let folded = |paragraphs: &[String]| {
        format!(" {} ", text::fold(&paragraphs.join(" ")).replace('-', " "))
    };
    let (fa, fb) = (folded(input.a_paragraphs), folded(input.b_paragraphs));
    for (this, other, other_mentions, other_text, a_side) in
        [(&da, &db, eb, &fb, true), (&db, &da, ea, &fa, false)]
    {
        let sentences = if a_side { input.a } else { input.b };
        for ((entity, descriptor), (sentence, span)) in this {
            // Only a difference if the other side speaks of the entity at all; otherwise the
            // entity itself is what is missing, and is reported as such.
            // The other side using the term at all, even where the extractor cannot tie it to the
            // entity, means it does not withhold it.
            if other.contains_key(&(entity.clone(), descriptor.clone()))
                || !other_mentions.contains_key(entity)
                || contains_word(other_text, descriptor)
            {
                continue;
            }
            let written = &sentences[*sentence].text[span.clone()];
            let side = if a_side { "A" } else { "B" };
            let summary = format!("“{written}” for {entity}: only in {side}");
            let k = if a_side {
                DiscrepancyKind::DescriptorOnlyInA
            } else {
                DiscrepancyKind::DescriptorOnlyInB
            };
            out.push(single(
                sentences,
                k,
                summary,
                *sentence,
                span.clone(),
                a_side,
            ));
        }
    }
}

/// Words that attribute a claim to the name before them ("Socorro Juridico reported").
const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "stated",
    "added",
    "announced",
    "claimed",
    "claims",
    "wrote",
    "estimated",
    "estimates",
    "confirmed",
];

/// Who a sentence attributes its claim to: the speakers of its quotations, or a named entity
/// right before an attribution verb, or after "according to".
fn attributions(
    gaz: &Gazetteer,
    paragraphs: &[String],
    sentences: &[Sentence],
    mentions: &[Located],
) -> Vec<(usize, String, Range<usize>, Option<String>)> {
    let mut out = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        for q in extract::quotes(para, gaz) {
            let Some(speaker) = q.speaker else { continue };
            if let Some((s, span)) = locate(sentences, p, &q.span) {
                let inner = para[q.inner.clone()].to_string();
                out.push((s, speaker, span, Some(inner)));
            }
        }
    }
    let mut tokens: (usize, Vec<text::Token>) = (usize::MAX, Vec::new());
    for (s, span, name, kind) in mentions {
        if !matches!(
            kind,
            extract::EntityKind::Person | extract::EntityKind::Organisation
        ) {
            continue;
        }
        if tokens.0 != *s {
            tokens = (*s, text::tokenize(&sentences[*s].text));
        }
        let next = tokens
            .1
            .iter()
            .find(|t| t.start >= span.end)
            .map(|t| t.norm.as_str());
        let before: Vec<&str> = tokens
            .1
            .iter()
            .filter(|t| t.end <= span.start)
            .rev()
            .take(2)
            .map(|t| t.norm.as_str())
            .collect();
        let verb_after = next.is_some_and(|w| ATTRIBUTION_VERBS.contains(&w));
        let according = before == ["to", "according"];
        if (verb_after || according) && !out.iter().any(|o| o.0 == *s && o.1 == *name) {
            out.push((*s, name.clone(), span.clone(), None));
        }
    }
    out
}

/// The same quotation, or the claim of a linked sentence pair, credited to different sources.
fn attribution_conflicts(
    input: &Input,
    gaz: &Gazetteer,
    (ma, mb): (&[Located], &[Located]),
    out: &mut Vec<Discrepancy>,
) {
    let aa = attributions(gaz, input.a_paragraphs, input.a, ma);
    let ab = attributions(gaz, input.b_paragraphs, input.b, mb);
    let mut reported = HashSet::new();
    for (sa, who_a, span_a, quote_a) in &aa {
        for (sb, who_b, span_b, quote_b) in &ab {
            if who_a == who_b || reported.contains(&(*sa, *sb)) {
                continue;
            }
            // Both sources credited on both sides is not a conflict.
            if aa.iter().any(|x| x.0 == *sa && x.1 == *who_b)
                || ab.iter().any(|x| x.0 == *sb && x.1 == *who_a)
            {
                continue;
            }
            let same_quote = match (quote_a, quote_b) {
                (Some(x), Some(y)) => same_words(x, y),
                _ => false,
            };
            let linked = input.links.iter().any(|l| l.a == *sa && l.b == *sb);
            let same_claim = same_quote || linked && quote_a.is_none() && quote_b.is_none();
            if !same_claim {
                continue;
            }
            reported.insert((*sa, *sb));
            let what = match quote_a {
                Some(q) if same_quote => format!("“{}”", shorten(q, 60)),
                _ => "the claim".to_string(),
            };
            let summary = format!("{what}: {who_a} (A) vs {who_b} (B)");
            out.push(pair(
                input,
                DiscrepancyKind::AttributionConflict,
                summary,
                (*sa, span_a.clone()),
                (*sb, span_b.clone()),
            ));
        }
    }
}

/// Whether two quotations are substantially the same words (Dice of folded words ≥ 0.6).
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        let mut w: Vec<String> = text::tokenize(s).into_iter().map(|t| t.norm).collect();
        w.sort();
        w.dedup();
        w
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let shared = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    2.0 * shared as f64 / (wa.len() + wb.len()) as f64 >= 0.6
}

fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

fn contains_word(haystack: &str, word: &str) -> bool {
    let word = word.trim();
    !word.is_empty()
        && haystack.match_indices(word).any(|(p, _)| {
            let before = !haystack[..p]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after = !haystack[p + word.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            before && after
        })
}

fn pair(
    input: &Input,
    kind: DiscrepancyKind,
    summary: String,
    (ia, span_a): (usize, Range<usize>),
    (ib, span_b): (usize, Range<usize>),
) -> Discrepancy {
    Discrepancy {
        kind,
        summary,
        a_sentence: Some(ia),
        b_sentence: Some(ib),
        a_text: Some(input.a[ia].text.clone()),
        b_text: Some(input.b[ib].text.clone()),
        a_span: Some(span_a),
        b_span: Some(span_b),
    }
}

fn single(
    sentences: &[Sentence],
    kind: DiscrepancyKind,
    summary: String,
    index: usize,
    span: Range<usize>,
    a_side: bool,
) -> Discrepancy {
    let text = Some(sentences[index].text.clone());
    let (sentence, span) = (Some(index), Some(span));
    if a_side {
        Discrepancy {
            kind,
            summary,
            a_sentence: sentence,
            b_sentence: None,
            a_text: text,
            b_text: None,
            a_span: span,
            b_span: None,
        }
    } else {
        Discrepancy {
            kind,
            summary,
            a_sentence: None,
            b_sentence: sentence,
            a_text: None,
            b_text: text,
            a_span: None,
            b_span: span,
        }
    }
}
