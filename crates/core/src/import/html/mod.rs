//! A saved news page to article text: the main content found by readability-style scoring, the
//! metadata the page carries, and every visible block left out recorded with its reason.
//!
//! Scoring follows the idea of Mozilla's Readability: paragraphs of prose give points to their
//! parent and grandparent, commas and length add more, links and clutter-named classes take
//! points away, and the best-scored element is the article. Text that survives is plain text:
//! no tag, attribute or URL of the page can reach it.

mod dom;
mod entities;
mod meta;

use crate::clean::Metadata;
use crate::corpus::{RemovalReason, RemovedLine};
use dom::{Dom, NodeId, NodeKind};
pub(crate) use meta::is_web_address;

/// What extraction made of a page.
pub(crate) struct Page {
    pub meta: Metadata,
    /// Text blocks of the article with the source line each starts on.
    pub blocks: Vec<(usize, String)>,
    /// Visible text left out, one entry per left-out region of the page.
    pub removed: Vec<RemovedLine>,
    /// Where the article came from, for the reader's note: `<article>`, `<div class="story">`.
    pub source: String,
}

pub(crate) fn extract(html: &str) -> Page {
    let dom = dom::parse(html);
    let stats = Stats::of(&dom);
    let roots = main_content(&dom, &stats);
    let h1 = first_heading(&dom, &roots);
    let meta = meta::metadata(&dom, h1);
    let content_chars = roots.iter().map(|&r| stats[r].chars).sum::<usize>().max(1);
    let mut x = Extractor {
        dom: &dom,
        stats: &stats,
        roots: &roots,
        title_key: meta.title.as_deref().map(key),
        content_chars,
        whole_page: roots
            .iter()
            .any(|&r| matches!(dom.tag(r), Some("body" | "#document"))),
        blocks: Blocks::default(),
        removed: Vec::new(),
        byline: Vec::new(),
    };
    if roots == [0] {
        // A fragment without `<html>` or `<body>` around it: all of it is the article.
        x.inside(0);
        x.blocks.flush();
    } else {
        x.outside(0);
    }
    let mut meta = meta;
    // A byline block on the page fills in what the metadata did not say.
    if meta.author.is_none() {
        meta.author = x.byline.iter().find_map(|t| meta::byline_name(t));
    }
    if meta.date.is_none() {
        meta.date = x.byline.iter().find_map(|t| meta::loose_date(t));
    }
    let source = match roots.as_slice() {
        [one] => describe(&dom, *one),
        more => format!(
            "{} blocks inside {}",
            more.len(),
            describe(&dom, dom.nodes[more[0]].parent.unwrap_or(0))
        ),
    };
    Page {
        meta,
        blocks: x.blocks.done,
        removed: x.removed,
        source,
    }
}

/// Per-element counts over its visible text, computed bottom-up once.
#[derive(Clone, Copy, Default)]
struct Stats {
    /// Non-space characters of visible text.
    chars: usize,
    /// Of those, inside links.
    link_chars: usize,
    commas: usize,
    /// Characters inside `<p>` elements.
    p_chars: usize,
    /// Characters of text directly inside the element (not in child elements).
    own_chars: usize,
}

impl Stats {
    fn of(dom: &Dom) -> Vec<Stats> {
        let mut stats = vec![Stats::default(); dom.nodes.len()];
        // Nodes are in document order, so walking backwards finishes children before parents.
        for id in (0..dom.nodes.len()).rev() {
            match &dom.nodes[id].kind {
                NodeKind::Text(t) => {
                    let chars = t.chars().filter(|c| !c.is_whitespace()).count();
                    stats[id].chars = chars;
                    stats[id].commas = t.matches([',', '，', '、']).count();
                    if let Some(p) = dom.nodes[id].parent {
                        stats[p].own_chars += chars;
                    }
                }
                NodeKind::Element { tag, .. } => {
                    if is_silent(tag) || is_hidden(dom, id) {
                        stats[id] = Stats::default();
                    } else if tag == "a" {
                        stats[id].link_chars = stats[id].chars;
                    } else if tag == "p" {
                        stats[id].p_chars = stats[id].chars;
                    }
                }
            }
            if let Some(p) = dom.nodes[id].parent {
                let s = stats[id];
                let parent = &mut stats[p];
                parent.chars += s.chars;
                parent.link_chars += s.link_chars;
                parent.commas += s.commas;
                parent.p_chars += s.p_chars;
            }
        }
        stats
    }

    fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.chars.max(1) as f64
    }
}

/// Elements whose content is never visible text.
fn is_silent(tag: &str) -> bool {
    matches!(
        tag,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "canvas"
            | "img"
            | "picture"
            | "video"
            | "audio"
            | "source"
            | "track"
            | "iframe"
            | "object"
            | "embed"
            | "map"
            | "meta"
            | "link"
            | "title"
            | "textarea"
            | "select"
            | "input"
            | "noembed"
            | "noframes"
            | "xmp"
    )
}

fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "hidden").is_some() || dom.attr(id, "aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = dom.attr(id, "style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    class_words(dom, id).iter().any(|w| {
        matches!(
            w.as_str(),
            "hidden" | "sr-only" | "visually-hidden" | "visuallyhidden" | "screen-reader-text"
        )
    })
}

/// The `class`, `id`, `role` and `itemprop` words of an element, lowercased.
fn class_words(dom: &Dom, id: NodeId) -> Vec<String> {
    ["class", "id", "role", "itemprop"]
        .iter()
        .filter_map(|a| dom.attr(id, a))
        .flat_map(str::split_ascii_whitespace)
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Parts of class words that mark article text.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "story", "text", "blog",
];

/// Parts of class words that mark clutter.
const NEGATIVE: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "banner",
    "breadcrumb",
    "byline",
    "combx",
    "comment",
    "community",
    "consent",
    "cookie",
    "footer",
    "footnote",
    "masthead",
    "media",
    "menu",
    "meta",
    "modal",
    "more",
    "nav",
    "newsletter",
    "outbrain",
    "popup",
    "promo",
    "related",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "subscribe",
    "tags",
    "taboola",
    "tool",
    "widget",
];

/// `words` split further at `-` and `_` ("story-body__text" -> story, body, text).
fn parts(words: &[String]) -> impl Iterator<Item = &str> {
    words
        .iter()
        .flat_map(|w| w.split(['-', '_']))
        .filter(|p| !p.is_empty())
}

fn class_weight(dom: &Dom, id: NodeId) -> f64 {
    let words = class_words(dom, id);
    let mut weight = 0.0;
    if parts(&words).any(|p| POSITIVE.contains(&p)) {
        weight += 25.0;
    }
    if parts(&words).any(|p| NEGATIVE.contains(&p)) {
        weight -= 25.0;
    }
    weight
}

fn tag_weight(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Elements that hold the article: one best-scored element, or it and the siblings that read as
/// part of it (an article split over several `<div>`s).
fn main_content(dom: &Dom, stats: &[Stats]) -> Vec<NodeId> {
    let body = dom.elements("body").next().unwrap_or(0);
    let excluded = excluded(dom, stats);
    let mut score: Vec<Option<f64>> = vec![None; dom.nodes.len()];
    for id in 0..dom.nodes.len() {
        let Some(tag) = dom.tag(id) else { continue };
        let paragraph_like = matches!(tag, "p" | "pre" | "td" | "blockquote")
            || (matches!(tag, "div" | "section") && stats[id].own_chars >= 25);
        if !paragraph_like || excluded[id] || stats[id].chars < 25 {
            continue;
        }
        let s = &stats[id];
        let points = 1.0 + s.commas as f64 + (s.chars / 100).min(3) as f64;
        let mut ancestor = dom.nodes[id].parent;
        for level in 0..5 {
            let Some(a) = ancestor else { break };
            if a == 0 || matches!(dom.tag(a), None | Some("html")) {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            let base = score[a]
                .get_or_insert_with(|| tag_weight(dom.tag(a).unwrap_or("")) + class_weight(dom, a));
            *base += points / divider;
            ancestor = dom.nodes[a].parent;
        }
    }
    let best = (0..dom.nodes.len())
        .filter_map(|id| score[id].map(|s| (id, s * (1.0 - stats[id].link_density()))))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let Some((top, top_score)) = best else {
        return vec![body];
    };
    let top = widen_to_semantic(dom, stats, top);
    if top != body && top != 0 {
        if let Some(parent) = dom.nodes[top].parent {
            let threshold = (top_score * 0.2).max(10.0);
            let siblings: Vec<NodeId> = dom.nodes[parent]
                .children
                .iter()
                .copied()
                .filter(|&c| {
                    c == top
                        || (!excluded[c]
                            && score[c]
                                .is_some_and(|s| s * (1.0 - stats[c].link_density()) >= threshold))
                })
                .collect();
            if siblings.len() > 1 {
                return siblings;
            }
        }
    }
    vec![top]
}

/// The nearest `<article>`, `<main>` or `articleBody` around `top` when `top` is most of it, so
/// the headline, byline and share bar around the body are read (and their clutter disclosed).
fn widen_to_semantic(dom: &Dom, stats: &[Stats], top: NodeId) -> NodeId {
    let mut at = top;
    for _ in 0..4 {
        let semantic = matches!(dom.tag(at), Some("article" | "main"))
            || dom.attr(at, "itemprop") == Some("articleBody")
            || matches!(dom.attr(at, "role"), Some("main" | "article"));
        if semantic && stats[top].chars * 2 >= stats[at].chars {
            return at;
        }
        match dom.nodes[at].parent {
            Some(p) if p != 0 && !matches!(dom.tag(p), Some("body" | "html")) => at = p,
            _ => break,
        }
    }
    top
}

/// Elements that cannot hold the article: hidden, non-text, or named as clutter (unless they hold
/// most of the page's prose, which a misleading class name must not throw away).
fn excluded(dom: &Dom, stats: &[Stats]) -> Vec<bool> {
    let total_p = stats[0].p_chars.max(1);
    let mut out = vec![false; dom.nodes.len()];
    for id in 1..dom.nodes.len() {
        let parent = dom.nodes[id].parent.unwrap_or(0);
        out[id] = out[parent]
            || match dom.tag(id) {
                None => false,
                Some("html" | "body") => false,
                Some(tag) => {
                    is_silent(tag)
                        || is_hidden(dom, id)
                        || matches!(tag, "nav" | "footer" | "aside" | "form" | "button")
                        || (class_weight(dom, id) < 0.0 && stats[id].p_chars * 2 < total_p)
                }
            };
    }
    out
}

/// `<article>`, `<div class="story-body">`: an element as a reader would recognise it in the
/// page source.
fn describe(dom: &Dom, id: NodeId) -> String {
    let tag = dom.tag(id).unwrap_or("body");
    let tag = if tag == "#document" { "body" } else { tag };
    let attr = ["id", "class"].iter().find_map(|a| {
        let first = dom.attr(id, a)?.split_ascii_whitespace().next()?;
        Some(format!(" {a}=\"{first}\""))
    });
    match (tag, attr) {
        ("article" | "main" | "body", _) | (_, None) => format!("<{tag}>"),
        (_, Some(attr)) => format!("<{tag}{attr}>"),
    }
}

/// The first `<h1>` in or just around the article, else on the page.
fn first_heading(dom: &Dom, roots: &[NodeId]) -> Option<String> {
    let near = roots
        .first()
        .and_then(|&r| dom.nodes[r].parent)
        .and_then(|p| dom.nodes[p].parent)
        .unwrap_or(0);
    let h1s: Vec<NodeId> = dom.elements("h1").collect();
    h1s.iter()
        .find(|&&h| dom.contains(near, h))
        .or(h1s.first())
        .map(|&h| inline_text(dom, h))
        .filter(|t| !t.is_empty())
}

/// The visible text blocks of an element with the line each starts on.
fn text_blocks(dom: &Dom, id: NodeId) -> Vec<(usize, String)> {
    let mut out = Blocks::default();
    walk(dom, id, &mut out, &mut |dom, id, _| {
        dom.tag(id)
            .is_some_and(|t| is_silent(t) || is_hidden(dom, id))
    });
    out.flush();
    out.done
}

/// The visible text of an element on one line, whitespace collapsed.
pub(crate) fn inline_text(dom: &Dom, id: NodeId) -> String {
    let texts: Vec<String> = text_blocks(dom, id).into_iter().map(|(_, t)| t).collect();
    texts.join(" ")
}

/// Lowercased words, for comparing a heading with the title.
fn key(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text blocks as a reader sees them: a block element starts a new one, inline text joins the
/// current one, whitespace collapses, `<br><br>` breaks a paragraph.
#[derive(Default)]
struct Blocks {
    done: Vec<(usize, String)>,
    run: String,
    run_line: usize,
    pending_br: bool,
}

impl Blocks {
    fn text(&mut self, line: usize, t: &str) {
        if t.starts_with(char::is_whitespace) {
            self.space();
        }
        for (i, word) in t.split_whitespace().enumerate() {
            if self.run.is_empty() {
                self.run_line = line;
            }
            if i > 0 {
                self.run.push(' ');
            }
            self.run.push_str(word);
            self.pending_br = false;
        }
        if t.ends_with(char::is_whitespace) {
            self.space();
        }
    }

    fn space(&mut self) {
        if !self.run.is_empty() && !self.run.ends_with(' ') {
            self.run.push(' ');
        }
    }

    fn br(&mut self) {
        if self.pending_br {
            self.flush();
        } else {
            self.space();
            self.pending_br = true;
        }
    }

    fn flush(&mut self) {
        self.pending_br = false;
        let text = self.run.trim_end();
        if !text.is_empty() {
            self.done.push((self.run_line, text.to_string()));
        }
        self.run.clear();
    }
}

fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "tr"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "form"
            | "fieldset"
            | "address"
            | "hr"
            | "details"
            | "summary"
            | "dialog"
            | "menu"
            | "hgroup"
            | "center"
            | "body"
            | "html"
            | "#document"
    )
}

/// Walks `id`'s subtree into `out`. `handled(dom, node, out)` returning true means the node was
/// dealt with (skipped or recorded elsewhere) and its subtree is not walked.
fn walk(
    dom: &Dom,
    id: NodeId,
    out: &mut Blocks,
    handled: &mut dyn FnMut(&Dom, NodeId, &mut Blocks) -> bool,
) {
    for &c in &dom.nodes[id].children {
        match &dom.nodes[c].kind {
            NodeKind::Text(t) => out.text(dom.nodes[c].line, t),
            NodeKind::Element { tag, .. } => {
                if tag == "br" {
                    out.br();
                    continue;
                }
                let block = is_block(tag);
                if block {
                    out.flush();
                }
                if !handled(dom, c, out) {
                    walk(dom, c, out, handled);
                }
                if block {
                    out.flush();
                } else if matches!(tag.as_str(), "td" | "th") {
                    out.space();
                }
            }
        }
    }
}

struct Extractor<'a> {
    dom: &'a Dom,
    stats: &'a [Stats],
    roots: &'a [NodeId],
    title_key: Option<String>,
    content_chars: usize,
    /// No element stood out, so the whole page is read as the article.
    whole_page: bool,
    blocks: Blocks,
    removed: Vec<RemovedLine>,
    /// Texts of the byline blocks left out, for the author and date they name.
    byline: Vec<String>,
}

impl Extractor<'_> {
    /// Walks the page outside the article: the path down to the article is passed through, every
    /// region beside it is left out and recorded.
    fn outside(&mut self, id: NodeId) {
        let dom = self.dom;
        for &c in &dom.nodes[id].children {
            if self.roots.contains(&c) {
                self.blocks.flush();
                self.inside(c);
                self.blocks.flush();
            } else if self.roots.iter().any(|&r| dom.contains(c, r)) {
                self.outside(c);
            } else {
                self.region(c);
            }
        }
    }

    /// A part of the page beside the article: recorded whole when it names a reason, or when
    /// nothing in it does; otherwise split, so that each part is recorded with its own reason.
    fn region(&mut self, id: NodeId) {
        let dom = self.dom;
        if dom.tag(id).is_some_and(is_silent) || self.stats[id].chars == 0 {
            return;
        }
        let reason = match dom.tag(id) {
            None => Some(RemovalReason::OutsideArticle),
            Some(_) => self.specific_reason(id).or_else(|| {
                (!self.has_specific_inside(id)).then(|| {
                    self.tag_reason(id, false)
                        .unwrap_or_else(|| self.generic_reason(id))
                })
            }),
        };
        match reason {
            Some(reason) => self.record(id, reason),
            None => {
                for &c in &dom.nodes[id].children {
                    self.region(c);
                }
            }
        }
    }

    /// A reason the element names itself, outside the article.
    fn specific_reason(&self, id: NodeId) -> Option<RemovalReason> {
        let tag = self.dom.tag(id)?;
        self.named_reason(id, false).or_else(|| {
            (matches!(tag, "h1" | "h2") && self.is_title(id))
                .then_some(RemovalReason::RepeatedTitle)
        })
    }

    /// Whether some part of the element names a reason worth its own entry (a byline or caption
    /// inside a list of other stories is not).
    fn has_specific_inside(&self, id: NodeId) -> bool {
        self.dom.descendants(id).any(|d| {
            self.stats[d].chars > 0
                && self.dom.tag(d).is_some()
                && self
                    .specific_reason(d)
                    .or_else(|| self.tag_reason(d, false))
                    .is_some_and(|r| {
                        !matches!(
                            r,
                            RemovalReason::Byline | RemovalReason::Caption | RemovalReason::Hidden
                        )
                    })
        })
    }

    /// Text around the article that says nothing about itself: a short block holding a byline
    /// is the byline; lists of links are menus (short link texts) or other stories (headline-long
    /// ones, with or without a summary); the rest is just outside the article.
    fn generic_reason(&self, id: NodeId) -> RemovalReason {
        let dom = self.dom;
        let stats = self.stats[id];
        let holds_byline = dom.descendants(id).any(|d| {
            self.stats[d].chars > 0 && self.named_reason(d, false) == Some(RemovalReason::Byline)
        });
        if holds_byline && stats.chars < 300 {
            return RemovalReason::Byline;
        }
        let links: Vec<usize> = dom
            .descendants(id)
            .filter(|&d| dom.tag(d) == Some("a") && self.stats[d].chars > 0)
            .map(|a| inline_text(dom, a).split_whitespace().count())
            .collect();
        let words = links.iter().sum::<usize>() as f64 / links.len().max(1) as f64;
        let density = stats.link_density();
        if density > 0.5 && words < 5.0 {
            RemovalReason::Navigation
        } else if (density > 0.5 || (density > 0.15 && links.len() >= 2)) && words >= 3.0 {
            RemovalReason::RelatedLinks
        } else {
            RemovalReason::OutsideArticle
        }
    }

    /// The article itself: blocks kept, clutter inside it recorded.
    fn inside(&mut self, root: NodeId) {
        let dom = self.dom;
        let mut blocks = std::mem::take(&mut self.blocks);
        walk(dom, root, &mut blocks, &mut |dom, id, out| {
            let Some(tag) = dom.tag(id) else {
                return false;
            };
            if is_silent(tag) {
                return true;
            }
            match self.reason(id, true) {
                Some(reason) => {
                    out.flush();
                    self.record(id, reason);
                    true
                }
                None => false,
            }
        });
        self.blocks = blocks;
    }

    fn is_title(&self, id: NodeId) -> bool {
        self.title_key
            .as_deref()
            .is_some_and(|t| key(&inline_text(self.dom, id)) == t)
    }

    fn record(&mut self, id: NodeId, reason: RemovalReason) {
        let dom = self.dom;
        // The line where the text starts, not the tag: that is where a reader finds it.
        let (line, text) = match &dom.nodes[id].kind {
            NodeKind::Text(t) => (
                dom.nodes[id].line,
                t.split_whitespace().collect::<Vec<_>>().join(" "),
            ),
            NodeKind::Element { .. } => {
                let blocks = text_blocks(dom, id);
                let Some(&(line, _)) = blocks.first() else {
                    return;
                };
                let texts: Vec<String> = blocks.into_iter().map(|(_, t)| t).collect();
                (line, texts.join(" · "))
            }
        };
        if text.is_empty() {
            return;
        }
        if reason == RemovalReason::Byline {
            self.byline.push(text.clone());
        }
        self.removed.push(RemovedLine { line, text, reason });
    }

    /// Why an element is clutter, if it is. `inside` is true within the article, where only
    /// small elements can be clutter by their names (a wrapper named `comments-on` holding the
    /// story is not) and a `<header>` holds the headline.
    fn reason(&self, id: NodeId, inside: bool) -> Option<RemovalReason> {
        self.named_reason(id, inside)
            .or_else(|| self.tag_reason(id, inside))
    }

    /// A reason the element states itself: hidden, a telling tag, class name or text.
    fn named_reason(&self, id: NodeId, inside: bool) -> Option<RemovalReason> {
        use RemovalReason::*;
        let dom = self.dom;
        let tag = dom.tag(id)?;
        let stats = self.stats[id];
        if is_hidden(dom, id) {
            return Some(Hidden);
        }
        match tag {
            "nav" => return Some(Navigation),
            "figcaption" => return Some(Caption),
            "button" | "label" | "summary" => return Some(Controls),
            _ => {}
        }
        if inside && stats.chars * 3 >= self.content_chars {
            return None;
        }
        let words = class_words(dom, id);
        reason_from_names(&words, stats.link_density()).or_else(|| {
            let leaf = !dom
                .descendants(id)
                .any(|d| dom.tag(d).is_some_and(is_block) && self.stats[d].chars > 0);
            leaf.then(|| reason_from_text(dom, id, stats)).flatten()
        })
    }

    /// A reason from the kind of element alone, weaker than a named one: a page `<header>`
    /// holding a cookie banner is split so the banner is named as such.
    fn tag_reason(&self, id: NodeId, inside: bool) -> Option<RemovalReason> {
        use RemovalReason::*;
        let dom = self.dom;
        let stats = self.stats[id];
        match dom.tag(id)? {
            "footer" => Some(Navigation),
            // A page-level header is the site's; one holding the headline is the article's own
            // and is read part by part.
            "header" if (!inside || self.whole_page) && !has_h1(dom, id) => Some(Navigation),
            "aside" if stats.link_density() > 0.5 => Some(RelatedLinks),
            "aside" => Some(OutsideArticle),
            "form" | "dialog" | "fieldset" => Some(Controls),
            "ul" | "ol" if inside && stats.link_density() > 0.6 => Some(RelatedLinks),
            // "Read more: <a>Another story</a>" inside the text.
            "p" if inside && stats.link_density() >= 0.7 && stats.chars < 200 => Some(RelatedLinks),
            _ => None,
        }
    }
}

fn has_h1(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id).any(|d| dom.tag(d) == Some("h1"))
}

/// Clutter named by its class, id, role or itemprop.
fn reason_from_names(words: &[String], link_density: f64) -> Option<RemovalReason> {
    use RemovalReason::*;
    let has = |needles: &[&str]| parts(words).any(|p| needles.iter().any(|n| p.contains(n)));
    let has_part = |needles: &[&str]| parts(words).any(|p| needles.contains(&p));
    if has(&["cookie", "consent", "gdpr", "cmp"]) {
        Some(CookieNotice)
    } else if has(&["newsletter", "subscribe", "signup", "sign-up", "optin"]) {
        Some(Newsletter)
    } else if has(&["share", "sharing", "social"]) {
        Some(Sharing)
    } else if has(&[
        "related",
        "recirc",
        "outbrain",
        "taboola",
        "recommend",
        "trending",
        "mostread",
        "most-read",
        "popular",
    ]) || has_part(&["more", "tags", "topics", "keywords"])
    {
        Some(RelatedLinks)
    } else if has(&["comment", "comentario", "kommentar", "disqus", "discussion"]) {
        Some(Comments)
    } else if has(&["advert", "sponsor", "promo", "dfp", "adslot", "adunit"])
        || has_part(&["ad", "ads", "adv", "advertisement"])
    {
        Some(Advertisement)
    } else if has(&["byline", "author", "dateline", "timestamp", "publish"])
        || has_part(&["date", "time", "meta"])
    {
        Some(Byline)
    } else if has(&["caption", "credit"]) {
        Some(Caption)
    } else if has(&["breadcrumb", "menu", "navbar", "navigation", "skip"])
        || has_part(&["nav", "masthead", "footer", "banner", "contentinfo"])
    {
        Some(Navigation)
    } else if has(&["sidebar", "widget"]) || has_part(&["rail", "complementary"]) {
        Some(if link_density > 0.5 {
            RelatedLinks
        } else {
            OutsideArticle
        })
    } else {
        None
    }
}

/// Clutter recognised by what it says: cookie banners and newsletter boxes without telling class
/// names. Only short elements qualify; a story about cookies is not a cookie notice.
fn reason_from_text(dom: &Dom, id: NodeId, stats: Stats) -> Option<RemovalReason> {
    if stats.chars > 600 || stats.chars == 0 {
        return None;
    }
    let text = inline_text(dom, id).to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if text.contains("cookie") && any(&["accept", "consent", "agree", "privacy", "settings"]) {
        Some(RemovalReason::CookieNotice)
    } else if any(&["newsletter", "sign up for", "subscribe to our", "inbox"])
        && any(&["email", "e-mail", "sign up", "subscribe"])
    {
        Some(RemovalReason::Newsletter)
    } else {
        None
    }
}
