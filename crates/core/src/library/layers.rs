//! Highlight layers for the reading view: where the query hits, and where the text names people,
//! organisations and places, gives numbers, quotes someone, or uses framing language.
//!
//! Layers overlap freely (a number inside a quote inside a hit), so each text is cut into flat
//! [`Segment`]s that each carry the set of layers covering them; a renderer wraps every segment
//! once and styles it by its set, with no nesting to get wrong.

use super::Library;
use crate::corpus::Article;
use crate::extract::{self, default_lexicon, EntityKind, FramingCategory, Lexicon};
use crate::search::{parse, Matcher};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A kind of highlight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Layer {
    Hit,
    Person,
    Organisation,
    Place,
    Number,
    Quote,
    Framing,
}

impl Layer {
    /// In legend order.
    pub const ALL: [Layer; 7] = [
        Layer::Hit,
        Layer::Person,
        Layer::Organisation,
        Layer::Place,
        Layer::Number,
        Layer::Quote,
        Layer::Framing,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Layer::Hit => "Search hits",
            Layer::Person => "People",
            Layer::Organisation => "Organisations",
            Layer::Place => "Places",
            Layer::Number => "Numbers",
            Layer::Quote => "Quotes",
            Layer::Framing => "Framing",
        }
    }

    /// A stable lowercase name, for CSS classes and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Layer::Hit => "hit",
            Layer::Person => "person",
            Layer::Organisation => "org",
            Layer::Place => "place",
            Layer::Number => "number",
            Layer::Quote => "quote",
            Layer::Framing => "framing",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of layers, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LayerSet(u8);

impl LayerSet {
    pub fn all() -> LayerSet {
        Layer::ALL
            .iter()
            .fold(LayerSet::default(), |s, &l| s.with(l))
    }

    pub fn with(self, layer: Layer) -> LayerSet {
        LayerSet(self.0 | layer.bit())
    }

    pub fn toggled(self, layer: Layer) -> LayerSet {
        LayerSet(self.0 ^ layer.bit())
    }

    pub fn contains(self, layer: Layer) -> bool {
        self.0 & layer.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn intersect(self, other: LayerSet) -> LayerSet {
        LayerSet(self.0 & other.0)
    }

    pub fn iter(self) -> impl Iterator<Item = Layer> {
        Layer::ALL.into_iter().filter(move |l| self.contains(*l))
    }
}

/// A run of text with one set of layers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Byte range in the text.
    pub range: Range<usize>,
    pub layers: LayerSet,
    /// Which query hit this run belongs to, counting from 0 through the title then the body.
    pub hit: Option<u32>,
    /// The hit is approximate (a typo or a broken name).
    pub approximate: bool,
    /// What the layers mean here ("Person: José Antonio Kast"), for a tooltip.
    pub notes: Vec<String>,
}

/// An article cut into segments, with how many of each layer it has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlighted {
    pub title: Vec<Segment>,
    pub paragraphs: Vec<Vec<Segment>>,
    /// Query hits in reading order.
    pub hits: u32,
    /// Spans per layer, in [`Layer::ALL`] order.
    pub counts: [usize; 7],
}

/// A span of one layer before segmentation.
#[derive(Clone, Debug)]
struct Span {
    range: Range<usize>,
    layer: Layer,
    hit: Option<u32>,
    approximate: bool,
    note: Option<String>,
}

impl Library {
    /// Every layer of `article` for `query` (which may be empty: no hits then). `framing` adds
    /// the reader's own terms to the built-in framing lexicon.
    pub fn highlight(&self, article: &Article, query: &str, framing: &[String]) -> Highlighted {
        let parsed = parse(query);
        let matcher = parsed
            .query
            .has_positive()
            .then(|| self.index.matcher(&parsed.query));
        let mut lexicon = default_lexicon();
        lexicon.extend(framing);
        let mut hits = 0u32;
        let mut counts = [0usize; 7];
        let mut layer_text = |text: &str, prose: bool| {
            let spans = spans_of(self, text, matcher.as_ref(), &lexicon, prose, &mut hits);
            for s in spans.iter().filter(|s| s.layer != Layer::Hit) {
                counts[s.layer as usize] += 1;
            }
            segments(text, &spans)
        };
        // Headlines are not prose: quotes and numbers there are rare and headline capitals would
        // mislead, but hits, names and framing matter.
        let title = layer_text(&article.title, false);
        let paragraphs = article
            .paragraphs
            .iter()
            .map(|p| layer_text(p, true))
            .collect();
        counts[Layer::Hit as usize] = hits as usize;
        Highlighted {
            title,
            paragraphs,
            hits,
            counts,
        }
    }
}

fn spans_of(
    library: &Library,
    text: &str,
    matcher: Option<&Matcher>,
    lexicon: &Lexicon,
    prose: bool,
    hits: &mut u32,
) -> Vec<Span> {
    let span = |range: Range<usize>, layer: Layer, note: String| Span {
        range,
        layer,
        hit: None,
        approximate: false,
        note: Some(note),
    };
    let mut spans = Vec::new();
    if let Some(m) = matcher {
        for mark in m.marks(text) {
            spans.push(Span {
                range: mark.range,
                layer: Layer::Hit,
                hit: Some(*hits),
                approximate: mark.approximate,
                note: Some(
                    if mark.approximate {
                        "Approximate match"
                    } else {
                        "Search hit"
                    }
                    .into(),
                ),
            });
            *hits += 1;
        }
    }
    // One shared scan and entity pass for every extractor.
    let found = extract::analyse(text, &library.gazetteer, lexicon);
    for e in found.entities {
        let (layer, kind) = match e.kind {
            EntityKind::Person => (Layer::Person, "Person"),
            EntityKind::Organisation => (Layer::Organisation, "Organisation"),
            EntityKind::Place => (Layer::Place, "Place"),
        };
        spans.push(span(e.span, layer, format!("{kind}: {}", e.name)));
    }
    for f in found.framing {
        let category = match f.category {
            FramingCategory::User => "yours".to_string(),
            other => format!("{other:?}").to_lowercase(),
        };
        spans.push(span(
            f.span,
            Layer::Framing,
            format!("Framing ({category}): {}", f.term),
        ));
    }
    if prose {
        for q in found.quantities {
            spans.push(span(
                q.span.clone(),
                Layer::Number,
                format!("Number: {}", extract::describe(&q)),
            ));
        }
        for q in found.quotes {
            let who = q
                .speaker
                .as_deref()
                .map_or("speaker not stated".to_string(), |s| format!("said by {s}"));
            spans.push(span(q.span, Layer::Quote, format!("Quote, {who}")));
        }
    }
    spans
}

/// Cuts `text` into runs at every span boundary; each run carries the layers covering it. Runs
/// with no layer are included, so the segments tile the whole text in order.
pub fn segments(text: &str, spans: &[impl AsSpan]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in spans {
        let r = s.range();
        if r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
        {
            cuts.push(r.start);
            cuts.push(r.end);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for w in cuts.windows(2) {
        let (start, end) = (w[0], w[1]);
        let mut seg = Segment {
            range: start..end,
            layers: LayerSet::default(),
            hit: None,
            approximate: false,
            notes: Vec::new(),
        };
        for s in spans
            .iter()
            .filter(|s| s.range().start <= start && end <= s.range().end)
        {
            seg.layers = seg.layers.with(s.layer());
            if let Some(h) = s.hit() {
                seg.hit = Some(h);
                seg.approximate |= s.approximate();
            }
            if let Some(n) = s.note() {
                if !seg.notes.iter().any(|m| m == n) {
                    seg.notes.push(n.to_string());
                }
            }
        }
        match out.last_mut() {
            Some(prev)
                if prev.layers == seg.layers && prev.hit == seg.hit && prev.notes == seg.notes =>
            {
                prev.range.end = end;
            }
            _ => out.push(seg),
        }
    }
    out
}

/// What [`segments`] needs of a span; lets tests build spans without the extractors.
pub trait AsSpan {
    fn range(&self) -> Range<usize>;
    fn layer(&self) -> Layer;
    fn hit(&self) -> Option<u32> {
        None
    }
    fn approximate(&self) -> bool {
        false
    }
    fn note(&self) -> Option<&str> {
        None
    }
}

impl AsSpan for Span {
    fn range(&self) -> Range<usize> {
        self.range.clone()
    }
    fn layer(&self) -> Layer {
        self.layer
    }
    fn hit(&self) -> Option<u32> {
        self.hit
    }
    fn approximate(&self) -> bool {
        self.approximate
    }
    fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl AsSpan for (Range<usize>, Layer) {
    fn range(&self) -> Range<usize> {
        self.0.clone()
    }
    fn layer(&self) -> Layer {
        self.1
    }
}
