//! Typed discrepancies between two reports: conflicting numbers, different attributions,
//! descriptors only one side uses, and facts (numbers, named entities) only one side mentions.
//!
//! Two quantities are "about the same thing" when they are of the same kind, count the same
//! noun (or are money or percentages), and share a content word in the few words around them
//! ("over 250 Venezuelans deported" / "deported over 200 Venezuelans"); without that shared
//! context two numbers are simply different facts, never a conflict.

use super::matcher::{hash_str, Prepared};
use super::{Link, Sentence};
use crate::extract::{self, Analysis, Hedge, Quantity, QuantityKind};
use crate::text::{self, Token};
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
    pub a: Text<'a>,
    pub b: Text<'a>,
    pub links: &'a [Link],
    /// Other text of the two articles (titles), which helps learn entity names.
    pub context: &'a [&'a str],
}

/// One side of a comparison, sentence by sentence, with what the comparison already computed
/// for its sentences (all parallel to `sentences`).
pub struct Text<'a> {
    pub sentences: &'a [Sentence],
    /// The paragraphs the sentences index into (quotes and descriptors need their context).
    pub paragraphs: &'a [String],
    /// `text::tokenize` of each sentence.
    pub tokens: &'a [Vec<Token>],
    /// `text::fold` of each sentence.
    pub folded: &'a [String],
    /// Each sentence prepared for the matcher (for its tokens' stems and which are content words).
    pub prepared: &'a [Prepared],
}

/// Content words either side of a quantity that count as its context.
const WINDOW: usize = 6;

struct Found<'t> {
    sentence: usize,
    q: Quantity,
    /// Hash of `q.unit_norm`, which most comparisons of units need no more than.
    unit: Option<u64>,
    /// Stems of content words near the quantity, with their first surface form, sorted by stem.
    window: Vec<(u64, &'t str)>,
}

/// All discrepancies between the two sides, conflicts first, then descriptors, then omissions.
pub fn find(input: &Input) -> Vec<Discrepancy> {
    // One scan per paragraph serves the gazetteer, entities, quotations, descriptors and the
    // quantities of its sentences.
    let texts: Vec<&str> = input
        .a
        .paragraphs
        .iter()
        .chain(input.b.paragraphs)
        .map(String::as_str)
        .collect();
    let lexicon = extract::default_lexicon();
    let analyses = extract::learn_and_analyse(input.context, &texts, &lexicon);
    let (pa, pb) = analyses.split_at(input.a.paragraphs.len());
    let qa = quantities(&input.a, pa);
    let qb = quantities(&input.b, pb);
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
    let all_a = all_mentions(pa, input.a.sentences);
    let all_b = all_mentions(pb, input.b.sentences);
    let (ea, eb) = (first_mentions(&all_a), first_mentions(&all_b));
    attribution_conflicts(input, (pa, pb), (&all_a, &all_b), &mut out);
    let (fa, fb) = (Folded::of(&input.a), Folded::of(&input.b));
    descriptor_differences(input, (pa, pb), (&fa, &fb), (&ea, &eb), &mut out);
    entity_omissions(input, (&fa, &fb), (&ea, &eb), &mut out);
    out.sort_by_key(|d| d.kind);
    out
}

/// The quantities of each sentence, with the content stems around them.
fn quantities<'t>(side: &Text<'t>, paragraphs: &[Analysis]) -> Vec<Found<'t>> {
    let mut out = Vec::new();
    for s in side.sentences {
        let qs = paragraphs[s.paragraph].quantities_of(s.start..s.end);
        if qs.is_empty() {
            continue;
        }
        let tokens = &side.tokens[s.index];
        let prepared = &side.prepared[s.index];
        let stems = prepared.stem_seq();
        for q in qs {
            let first = tokens.partition_point(|t| t.end <= q.span.start);
            let last = tokens.partition_point(|t| t.start < q.span.end);
            let content = prepared.content_tokens();
            let split = |at: usize| content.partition_point(|&k| (k as usize) < at);
            let before = content[..split(first)].iter().rev().take(WINDOW);
            let after = content[split(last)..].iter().take(WINDOW);
            let unit = q.unit_norm.as_deref().map(hash_str);
            // Each stem with the surface form met first, nearest before the quantity first.
            let mut window: Vec<(u64, usize, &str)> = before
                .chain(after)
                .map(|&k| k as usize)
                .filter(|&k| unit != Some(stems[k]))
                .enumerate()
                .map(|(order, k)| (stems[k], order, &s.text[tokens[k].start..tokens[k].end]))
                .collect();
            window.sort_unstable_by_key(|w| (w.0, w.1));
            window.dedup_by_key(|w| w.0);
            let window = window.into_iter().map(|(h, _, w)| (h, w)).collect();
            out.push(Found {
                sentence: s.index,
                q,
                unit,
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

/// Whether two quantities are of a kind and unit that can count the same thing.
fn comparable(a: &Found, b: &Found) -> bool {
    a.q.kind == b.q.kind
        && comparable_kind(a.q.kind)
        && match (a.unit, b.unit) {
            (Some(x), Some(y)) => x == y && a.q.unit_norm == b.q.unit_norm,
            (None, None) => a.q.kind != QuantityKind::Count,
            _ => false,
        }
}

/// The context words of two [`comparable`] quantities that say they count the same thing.
fn same_thing<'t>(a: &Found<'t>, b: &Found) -> Option<Vec<&'t str>> {
    let shared: Vec<&str> = a
        .window
        .iter()
        .filter(|(h, _)| b.window.binary_search_by_key(h, |x| x.0).is_ok())
        .map(|&(_, w)| w)
        .collect();
    (!shared.is_empty()).then_some(shared)
}

fn number_conflicts(
    input: &Input,
    qa: &[Found],
    qb: &[Found],
    out: &mut Vec<Discrepancy>,
) -> (Vec<bool>, Vec<bool>) {
    let (mut used_a, mut used_b) = (vec![false; qa.len()], vec![false; qb.len()]);
    // A's quantity first, always: `same_quantity` measures closeness against its first value.
    let same = |a: &Found, b: &Found| extract::same_quantity(&a.q, &b.q);
    let (by_a, by_b) = (ByValue::new(qa), ByValue::new(qb));
    let b_stated_in_a: Vec<bool> = qb
        .iter()
        .map(|b| by_a.near(&b.q).any(|ia| same(&qa[ia], b)))
        .collect();
    for (ia, a) in qa.iter().enumerate() {
        // A value the other side also states is not in conflict, whatever else it says.
        if by_b.near(&a.q).any(|ib| same(a, &qb[ib])) {
            continue;
        }
        let mut best: Option<(usize, usize, Vec<&str>)> = None;
        for (ib, b) in qb.iter().enumerate() {
            if used_b[ib] || b_stated_in_a[ib] || !comparable(a, b) || tolerated(&a.q, &b.q) {
                continue;
            }
            let Some(shared) = same_thing(a, b) else {
                continue;
            };
            let strength = shared.len() + 2 * linked(input, a.sentence, b.sentence) as usize;
            if best.as_ref().is_none_or(|x| strength > x.1) {
                best = Some((ib, strength, shared));
            }
        }
        let Some((ib, _, shared)) = best else {
            continue;
        };
        let b = &qb[ib];
        used_a[ia] = true;
        used_b[ib] = true;
        let what = [
            a.q.unit.clone().unwrap_or_default(),
            ordered_context(&input.a.sentences[a.sentence].text, &shared),
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
fn ordered_context(text: &str, words: &[&str]) -> String {
    let mut found: Vec<(usize, &str)> = words
        .iter()
        .filter_map(|&w| text.find(w).map(|p| (p, w)))
        .collect();
    found.sort();
    found.iter().map(|&(_, w)| w).collect::<Vec<_>>().join(" ")
}

/// Quantities ordered by kind and value, to find those whose value may be close to another's
/// without trying them all.
struct ByValue(Vec<(u8, f64, usize)>);

impl ByValue {
    fn new(found: &[Found]) -> ByValue {
        let mut keys: Vec<(u8, f64, usize)> = found
            .iter()
            .enumerate()
            .map(|(i, f)| (f.q.kind as u8, f.q.value, i))
            .collect();
        keys.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(x.1.total_cmp(&y.1)));
        ByValue(keys)
    }

    /// Indices of the quantities of `q`'s kind whose value may be close to `q`'s, either way
    /// round: closeness (`close`, `same_quantity`) allows a billionth of the first value (at
    /// least of 1), and twice that around `q`'s value covers both orders.
    fn near(&self, q: &Quantity) -> impl Iterator<Item = usize> + '_ {
        let (kind, r) = (q.kind as u8, 2e-9 * q.value.abs().max(1.0));
        let (low, high) = (q.value - r, q.value + r);
        let lo = self
            .0
            .partition_point(|k| k.0 < kind || k.0 == kind && k.1 < low);
        let hi = self
            .0
            .partition_point(|k| k.0 < kind || k.0 == kind && k.1 <= high);
        self.0[lo..hi.max(lo)].iter().map(|k| k.2)
    }
}

/// Whether the sentences are linked (links are sorted by A index, then B index).
fn linked(input: &Input, a: usize, b: usize) -> bool {
    input
        .links
        .binary_search_by(|l| (l.a, l.b).cmp(&(a, b)))
        .is_ok()
}

fn number_omissions(
    input: &Input,
    this: &[Found],
    other: &[Found],
    used: &[bool],
    kind: DiscrepancyKind,
    out: &mut Vec<Discrepancy>,
) {
    let a_side = kind == DiscrepancyKind::NumberOnlyInA;
    let sentences = if a_side {
        input.a.sentences
    } else {
        input.b.sentences
    };
    let by_other = ByValue::new(other);
    let mut seen: Vec<&Quantity> = Vec::new();
    for (i, f) in this.iter().enumerate() {
        if used[i] || f.q.kind == QuantityKind::Ordinal {
            continue;
        }
        let stated = |q: &Quantity| {
            q.kind == f.q.kind
                && close(q.value, f.q.value)
                && q.high.zip(f.q.high).is_none_or(|(x, y)| close(x, y))
        };
        if by_other.near(&f.q).any(|k| stated(&other[k].q)) || seen.iter().any(|q| stated(q)) {
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
fn all_mentions(paragraphs: &[Analysis], sentences: &[Sentence]) -> Vec<Located> {
    let mut out = Vec::new();
    for (p, analysis) in paragraphs.iter().enumerate() {
        for m in &analysis.entities {
            if let Some((s, span)) = locate(sentences, p, &m.span) {
                out.push((s, span, m.name.clone(), m.kind));
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

/// One side's text folded, as the omission checks search it for a word the extractors missed.
struct Folded {
    /// The sentences, each between spaces.
    sentences: String,
    /// The paragraphs, each between spaces, hyphens as spaces.
    paragraphs: String,
}

impl Folded {
    /// Built from the folded sentences (folding is char by char, so the fold of a text is the
    /// folds of its parts put together).
    fn of(side: &Text) -> Folded {
        let mut f = Folded {
            sentences: String::from(" "),
            paragraphs: String::from(" "),
        };
        let mut next = side.sentences.iter().zip(side.folded).peekable();
        for (p, para) in side.paragraphs.iter().enumerate() {
            let mut at = 0;
            while let Some((s, folded)) = next.next_if(|(s, _)| s.paragraph == p) {
                text::fold_into(&para[at..s.start], &mut f.paragraphs);
                f.paragraphs.push_str(folded);
                f.sentences.push_str(folded);
                f.sentences.push(' ');
                at = s.end;
            }
            text::fold_into(&para[at..], &mut f.paragraphs);
            f.paragraphs.push(' ');
        }
        if side.paragraphs.is_empty() {
            f.paragraphs.push(' ');
        }
        if side.sentences.is_empty() {
            f.sentences.push(' ');
        }
        f.paragraphs = f.paragraphs.replace('-', " ");
        f
    }
}

fn entity_omissions(
    input: &Input,
    (fa, fb): (&Folded, &Folded),
    (ma, mb): (&Mentions, &Mentions),
    out: &mut Vec<Discrepancy>,
) {
    for (this, other, other_text, a_side) in [
        (ma, mb, &fb.sentences, true),
        (mb, ma, &fa.sentences, false),
    ] {
        let sentences = if a_side {
            input.a.sentences
        } else {
            input.b.sentences
        };
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
    // Sentences run in order through the paragraphs: the candidate is the last one starting at
    // or before the span.
    let k = sentences.partition_point(|s| (s.paragraph, s.start) <= (paragraph, span.start));
    let s = &sentences[k.checked_sub(1)?];
    (s.paragraph == paragraph && s.start <= span.start && span.start < s.end)
        .then(|| (s.index, span.start - s.start..span.end.min(s.end) - s.start))
}

fn descriptor_differences(
    input: &Input,
    (pa, pb): (&[Analysis], &[Analysis]),
    (fa, fb): (&Folded, &Folded),
    (ea, eb): (&Mentions, &Mentions),
    out: &mut Vec<Discrepancy>,
) {
    let collect = |paragraphs: &[Analysis], sentences: &[Sentence]| {
        let mut found: BTreeMap<(String, String), (usize, Range<usize>)> = BTreeMap::new();
        for (p, analysis) in paragraphs.iter().enumerate() {
            for d in &analysis.descriptors {
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
    let da = collect(pa, input.a.sentences);
    let db = collect(pb, input.b.sentences);
    for (this, other, other_mentions, other_text, a_side) in [
        (&da, &db, eb, &fb.paragraphs, true),
        (&db, &da, ea, &fa.paragraphs, false),
    ] {
        let sentences = if a_side {
            input.a.sentences
        } else {
            input.b.sentences
        };
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

/// A source credited in a sentence: sentence, source, its span in the sentence, the quotation.
type Attribution = (usize, String, Range<usize>, Option<String>);

/// Who a sentence attributes its claim to: the speakers of its quotations, or a named entity
/// right before an attribution verb, or after "according to".
fn attributions(side: &Text, analyses: &[Analysis], mentions: &[Located]) -> Vec<Attribution> {
    let sentences = side.sentences;
    let mut out = Vec::new();
    for (p, (para, analysis)) in side.paragraphs.iter().zip(analyses).enumerate() {
        for q in &analysis.quotes {
            let Some(speaker) = &q.speaker else { continue };
            if let Some((s, span)) = locate(sentences, p, &q.span) {
                let inner = para[q.inner.clone()].to_string();
                out.push((s, speaker.clone(), span, Some(inner)));
            }
        }
    }
    for (s, span, name, kind) in mentions {
        if !matches!(
            kind,
            extract::EntityKind::Person | extract::EntityKind::Organisation
        ) {
            continue;
        }
        let tokens = &side.tokens[*s];
        let next = tokens
            .iter()
            .find(|t| t.start >= span.end)
            .map(|t| t.norm.as_str());
        let before: Vec<&str> = tokens
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
    (pa, pb): (&[Analysis], &[Analysis]),
    (ma, mb): (&[Located], &[Located]),
    out: &mut Vec<Discrepancy>,
) {
    let aa = attributions(&input.a, pa, ma);
    let ab = attributions(&input.b, pb, mb);
    let words = |attributed: &[Attribution]| -> Vec<Option<Vec<String>>> {
        attributed
            .iter()
            .map(|x| x.3.as_deref().map(quote_words))
            .collect()
    };
    let (words_a, words_b) = (words(&aa), words(&ab));
    let mut reported = HashSet::new();
    for ((sa, who_a, span_a, quote_a), words_a) in aa.iter().zip(&words_a) {
        for ((sb, who_b, span_b, quote_b), words_b) in ab.iter().zip(&words_b) {
            if who_a == who_b || reported.contains(&(*sa, *sb)) {
                continue;
            }
            // Both sources credited on both sides is not a conflict.
            if aa.iter().any(|x| x.0 == *sa && x.1 == *who_b)
                || ab.iter().any(|x| x.0 == *sb && x.1 == *who_a)
            {
                continue;
            }
            let same_quote = match (words_a, words_b) {
                (Some(x), Some(y)) => same_words(x, y),
                _ => false,
            };
            let same_claim =
                same_quote || linked(input, *sa, *sb) && quote_a.is_none() && quote_b.is_none();
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

/// The distinct folded words of a quotation, sorted, for [`same_words`].
fn quote_words(quote: &str) -> Vec<String> {
    let mut w: Vec<String> = text::tokenize(quote)
        .into_iter()
        .map(|t| t.norm.into())
        .collect();
    w.sort();
    w.dedup();
    w
}

/// Whether two quotations (their [`quote_words`]) are substantially the same words (Dice ≥ 0.6).
fn same_words(wa: &[String], wb: &[String]) -> bool {
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
        a_text: Some(input.a.sentences[ia].text.clone()),
        b_text: Some(input.b.sentences[ib].text.clone()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::split_sentences;

    #[test]
    fn quantities_the_same_as_another_are_all_near_it() {
        let mut next = crate::test_rng(0x0123_4567_89ab_cdef);
        let found: Vec<Found> = (0..400)
            .map(|k| {
                let base: f64 = [0.0, 0.5, 1.0, 7.0, 250.0, 2.5e9, 1e15][(next() % 7) as usize];
                // Nudged by nothing, by less than `same_quantity` allows, or by more.
                let nudge: f64 = [0.0, 4e-10, -9e-10, 1.5e-9, -3e-9][(next() % 5) as usize];
                let kind = [QuantityKind::Count, QuantityKind::Money][k % 2];
                Found {
                    sentence: 0,
                    q: Quantity {
                        span: 0..0,
                        value_span: 0..0,
                        kind,
                        value: base + nudge * base.abs().max(1.0),
                        high: None,
                        hedge: Hedge::Exact,
                        vague: false,
                        unit: None,
                        unit_norm: None,
                    },
                    unit: None,
                    window: Vec::new(),
                }
            })
            .collect();
        let by = ByValue::new(&found);
        let mut same = 0;
        for x in &found {
            let near: Vec<usize> = by.near(&x.q).collect();
            for (i, y) in found.iter().enumerate() {
                if extract::same_quantity(&x.q, &y.q) || extract::same_quantity(&y.q, &x.q) {
                    assert!(near.contains(&i), "{:?} {:?}", x.q.value, y.q.value);
                    same += 1;
                }
            }
            assert!(near.len() < found.len() / 2);
        }
        assert!(same > found.len(), "{same}");
    }

    #[test]
    fn folded_sides_are_the_folds_of_the_joined_texts() {
        let seed = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");
        let mut paragraphs: Vec<String> = seed.split("\n\n").map(str::to_string).collect();
        paragraphs.extend([
            String::new(),
            "  Leading space. “Quoted,” said Ñuñoa’s MAYOR — far-right.  Trailing ".to_string(),
            "No full stop at the end".to_string(),
        ]);
        let sentences = split_sentences(&paragraphs);
        let folded: Vec<String> = sentences.iter().map(|s| text::fold(&s.text)).collect();
        let side = Text {
            sentences: &sentences,
            paragraphs: &paragraphs,
            tokens: &[],
            folded: &folded,
            prepared: &[],
        };
        let f = Folded::of(&side);
        let joined: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(f.sentences, format!(" {} ", text::fold(&joined.join(" "))));
        assert_eq!(
            f.paragraphs,
            format!(" {} ", text::fold(&paragraphs.join(" ")).replace('-', " "))
        );
        assert!(f.paragraphs.contains("far right"));
    }
}
