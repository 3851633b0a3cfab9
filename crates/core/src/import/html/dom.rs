//! A small, forgiving HTML tokenizer and tree builder: enough of the HTML parsing rules (implied
//! end tags, void and raw-text elements, stray end tags) to rebuild the structure of a saved news
//! page, and nothing that could run. Script and style contents never enter the tree; the page's
//! `<title>` and its JSON-LD blocks are kept aside as data for the metadata.

use super::entities::decode_entities;

pub(crate) type NodeId = usize;

pub(crate) enum NodeKind {
    Element {
        tag: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

pub(crate) struct Node {
    pub kind: NodeKind,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    /// 1-based line of the source where the node starts.
    pub line: usize,
}

/// A parsed page. Node 0 is the document; nodes are in document order, so a parent always comes
/// before its descendants.
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    /// The text of the first `<title>` outside SVG, entities decoded.
    pub title: Option<String>,
    /// The contents of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
}

/// Elements with no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose content is not markup; it runs to the matching end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "noscript", "template", "xmp", "iframe", "noembed",
    "noframes",
];

/// Elements a `<p>` cannot contain: their start tag closes an open paragraph.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Elements an end tag or implied close does not reach past.
const SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "button", "object", "template", "marquee",
];

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Structural elements: a stray end tag of another element does not close them.
fn is_special(tag: &str) -> bool {
    CLOSES_P.contains(&tag)
        || SCOPE.contains(&tag)
        || matches!(
            tag,
            "body" | "head" | "tbody" | "thead" | "tfoot" | "tr" | "select"
        )
}

/// Parses a whole page. Never fails: malformed markup gets the structure a browser would
/// roughly give it.
pub(crate) fn parse(html: &str) -> Dom {
    let mut b = Builder {
        dom: Dom {
            nodes: vec![Node {
                kind: NodeKind::Element {
                    tag: "#document".into(),
                    attrs: Vec::new(),
                },
                parent: None,
                children: Vec::new(),
                line: 1,
            }],
            title: None,
            json_ld: Vec::new(),
        },
        stack: vec![0],
        lines: LineCounter::default(),
        src: html,
    };
    b.run();
    b.dom
}

#[derive(Default)]
struct LineCounter {
    pos: usize,
    line: usize,
}

impl LineCounter {
    /// Line of byte `at`; calls come with non-decreasing `at`.
    fn at(&mut self, src: &str, at: usize) -> usize {
        let at = at.min(src.len());
        if at >= self.pos {
            self.line += src.as_bytes()[self.pos..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.pos = at;
        }
        self.line + 1
    }
}

struct Builder<'a> {
    dom: Dom,
    stack: Vec<NodeId>,
    lines: LineCounter,
    src: &'a str,
}

impl Builder<'_> {
    fn run(&mut self) {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let Some(lt) = memchr(b'<', &bytes[i..]).map(|p| i + p) else {
                self.text(i, &src[i..]);
                break;
            };
            if lt > i {
                self.text(i, &src[i..lt]);
            }
            let rest = &bytes[lt + 1..];
            i = if rest.starts_with(b"!--") {
                find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3)
            } else if rest.starts_with(b"![CDATA[") {
                // Markup-looking content of a CDATA section never becomes elements or text.
                find(bytes, lt + 9, b"]]>").map_or(bytes.len(), |e| e + 3)
            } else if rest.starts_with(b"!") || rest.starts_with(b"?") {
                find(bytes, lt, b">").map_or(bytes.len(), |e| e + 1)
            } else if rest.starts_with(b"/") && rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
                let (name, end) = tag_name(src, lt + 2);
                self.end_tag(&name);
                find(bytes, end, b">").map_or(bytes.len(), |e| e + 1)
            } else if rest.first().is_some_and(u8::is_ascii_alphabetic) {
                self.start_tag(lt)
            } else {
                self.text(lt, "<");
                lt + 1
            };
        }
    }

    fn current_tag(&self) -> &str {
        self.tag(*self.stack.last().expect("the document is never popped"))
    }

    fn tag(&self, id: NodeId) -> &str {
        match &self.dom.nodes[id].kind {
            NodeKind::Element { tag, .. } => tag,
            NodeKind::Text(_) => "",
        }
    }

    fn in_svg(&self) -> bool {
        self.stack
            .iter()
            .any(|&id| matches!(self.tag(id), "svg" | "math"))
    }

    fn push_node(&mut self, kind: NodeKind, line: usize) -> NodeId {
        let parent = *self.stack.last().expect("the document is never popped");
        let id = self.dom.nodes.len();
        self.dom.nodes.push(Node {
            kind,
            parent: Some(parent),
            children: Vec::new(),
            line,
        });
        self.dom.nodes[parent].children.push(id);
        id
    }

    fn text(&mut self, at: usize, raw: &str) {
        let parent = *self.stack.last().expect("the document is never popped");
        let decoded = decode_entities(raw);
        if let Some(&last) = self.dom.nodes[parent].children.last() {
            if let NodeKind::Text(t) = &mut self.dom.nodes[last].kind {
                t.push_str(&decoded);
                return;
            }
        }
        let lead = raw.len() - raw.trim_start().len();
        let line = self.lines.at(self.src, at + lead);
        self.push_node(NodeKind::Text(decoded.into_owned()), line);
    }

    /// Parses the start tag at `lt` and everything it implies; returns where parsing goes on.
    fn start_tag(&mut self, lt: usize) -> usize {
        let src = self.src;
        let bytes = src.as_bytes();
        let (tag, mut i) = tag_name(src, lt + 1);
        let mut attrs: Vec<(String, String)> = Vec::new();
        let mut self_closing = false;
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                self_closing = bytes[i] == b'/';
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            if bytes[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let name = src[start..i].to_ascii_lowercase();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let (raw, next) = match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = memchr(q, &bytes[i + 1..]).map_or(bytes.len(), |p| i + 1 + p);
                        (&src[i + 1..end], (end + 1).min(bytes.len()))
                    }
                    _ => {
                        let start = i;
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>'
                        {
                            i += 1;
                        }
                        (&src[start..i], i)
                    }
                };
                value = decode_entities(raw).into_owned();
                i = next;
            }
            if !name.is_empty() && !attrs.iter().any(|(n, _)| *n == name) {
                attrs.push((name, value));
            }
        }
        let line = self.lines.at(src, lt);

        if RAW_TEXT.contains(&tag.as_str()) {
            let close = find_ci(bytes, i, tag.as_bytes());
            let content = &src[i..close.unwrap_or(bytes.len())];
            if tag == "title" && self.dom.title.is_none() && !self.in_svg() {
                self.dom.title = Some(decode_entities(content).into_owned());
            }
            let is_json_ld = attrs
                .iter()
                .any(|(n, v)| n == "type" && v.trim().eq_ignore_ascii_case("application/ld+json"));
            if tag == "script" && is_json_ld {
                self.dom.json_ld.push(content.to_string());
            }
            // The element stays in the tree (an iframe or textarea tells what stood there), empty.
            self.implied_closes(&tag);
            self.push_node(NodeKind::Element { tag, attrs }, line);
            return close.map_or(bytes.len(), |c| {
                find(bytes, c, b">").map_or(bytes.len(), |e| e + 1)
            });
        }

        self.implied_closes(&tag);
        let void = VOID.contains(&tag.as_str()) || (self_closing && self.in_svg());
        let id = self.push_node(NodeKind::Element { tag, attrs }, line);
        if !void {
            self.stack.push(id);
        }
        i
    }

    /// Closes what a new `tag` implicitly ends (an open `<p>` before a block, the previous `<li>`).
    fn implied_closes(&mut self, tag: &str) {
        match tag {
            "body" => self.close_in_scope("head", &[]),
            "li" => self.close_in_scope("li", &["ul", "ol"]),
            "dt" | "dd" => {
                self.close_in_scope("dt", &["dl"]);
                self.close_in_scope("dd", &["dl"]);
            }
            "tr" => self.close_in_scope("tr", &["table"]),
            "td" | "th" => {
                self.close_in_scope("td", &["tr", "table"]);
                self.close_in_scope("th", &["tr", "table"]);
            }
            "option" => self.close_in_scope("option", &["select"]),
            "a" => self.close_in_scope("a", &[]),
            _ => {}
        }
        if CLOSES_P.contains(&tag) {
            self.close_in_scope("p", &[]);
        }
        if is_heading(tag) && is_heading(self.current_tag()) {
            self.stack.pop();
        }
    }

    /// Pops up to and including the nearest open `tag`, unless a scope boundary comes first.
    fn close_in_scope(&mut self, tag: &str, extra_scope: &[&str]) {
        for depth in (1..self.stack.len()).rev() {
            let t = self.tag(self.stack[depth]);
            if t == tag {
                self.stack.truncate(depth);
                return;
            }
            if SCOPE.contains(&t) || extra_scope.contains(&t) {
                return;
            }
        }
    }

    fn end_tag(&mut self, tag: &str) {
        if matches!(tag, "html" | "body") {
            return;
        }
        if is_special(tag) || is_heading(tag) {
            if is_heading(tag) {
                // `<h2>…</h3>` closes the open heading, as browsers do.
                if let Some(depth) = (1..self.stack.len())
                    .rev()
                    .find(|&d| is_heading(self.tag(self.stack[d])))
                {
                    self.stack.truncate(depth);
                }
                return;
            }
            self.close_in_scope(tag, &[]);
            return;
        }
        for depth in (1..self.stack.len()).rev() {
            let t = self.tag(self.stack[depth]);
            if t == tag {
                self.stack.truncate(depth);
                return;
            }
            if is_special(t) {
                return;
            }
        }
    }
}

/// A tag name starting at `at`, lowercased, and the index after it.
fn tag_name(src: &str, at: usize) -> (String, usize) {
    let bytes = src.as_bytes();
    let mut end = at;
    while end < bytes.len()
        && !bytes[end].is_ascii_whitespace()
        && !matches!(bytes[end], b'/' | b'>')
    {
        end += 1;
    }
    (src[at..end].to_ascii_lowercase(), end)
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Position of `</tag` (ASCII case-insensitive) at or after `from`.
fn find_ci(haystack: &[u8], from: usize, tag: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(p) = find(haystack, at, b"</") {
        let name = haystack.get(p + 2..p + 2 + tag.len())?;
        let after = haystack.get(p + 2 + tag.len()).copied();
        if name.eq_ignore_ascii_case(tag)
            && after.is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        {
            return Some(p);
        }
        at = p + 2;
    }
    None
}

impl Dom {
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].kind {
            NodeKind::Element { tag, .. } => Some(tag),
            NodeKind::Text(_) => None,
        }
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id].kind {
            NodeKind::Element { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str()),
            NodeKind::Text(_) => None,
        }
    }

    /// All descendants of `id` in document order (not `id` itself).
    pub fn descendants(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut stack: Vec<NodeId> = self.nodes[id].children.iter().rev().copied().collect();
        std::iter::from_fn(move || {
            let next = stack.pop()?;
            stack.extend(self.nodes[next].children.iter().rev());
            Some(next)
        })
    }

    pub fn elements<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        (0..self.nodes.len()).filter(move |&id| self.tag(id) == Some(tag))
    }

    /// `ancestor` is `id` or one of its ancestors.
    pub fn contains(&self, ancestor: NodeId, mut id: NodeId) -> bool {
        loop {
            if id == ancestor {
                return true;
            }
            match self.nodes[id].parent {
                Some(p) => id = p,
                None => return false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as `tag(child child)` with text in quotes, for compact assertions.
    fn shape(dom: &Dom, id: NodeId) -> String {
        let inner: Vec<String> = dom.nodes[id]
            .children
            .iter()
            .map(|&c| match &dom.nodes[c].kind {
                NodeKind::Text(t) => format!("{t:?}"),
                NodeKind::Element { .. } => shape(dom, c),
            })
            .collect();
        format!("{}({})", dom.tag(id).unwrap_or("?"), inner.join(" "))
    }

    fn body_shape(html: &str) -> String {
        let dom = parse(html);
        shape(&dom, 0).replacen("#document(", "", 1)
    }

    #[test]
    fn paragraphs_and_list_items_close_themselves() {
        assert_eq!(
            body_shape("<p>one<p>two<ul><li>a<li>b</ul>"),
            r#"p("one") p("two") ul(li("a") li("b")))"#
        );
        assert_eq!(
            body_shape("<p>text<div>block</div>"),
            r#"p("text") div("block"))"#
        );
    }

    #[test]
    fn script_and_style_contents_never_become_text() {
        let dom = parse(
            "<p>a</p><script>document.write('<p>evil</p>')</script><style>p{}</style><p>b</p>",
        );
        let texts: Vec<&str> = dom
            .nodes
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["a", "b"]);
    }

    #[test]
    fn stray_end_tags_do_not_close_structure() {
        assert_eq!(
            body_shape("<div><span>x</b></span></p>y</div>"),
            r#"div(span("x") "y"))"#
        );
    }

    #[test]
    fn attributes_in_every_quoting_style_are_read_and_decoded() {
        let dom = parse(r#"<a href=x.html title='It&#8217;s' data-x="a &amp; b" hidden>t</a>"#);
        let a = dom.elements("a").next().unwrap();
        assert_eq!(dom.attr(a, "href"), Some("x.html"));
        assert_eq!(dom.attr(a, "title"), Some("It’s"));
        assert_eq!(dom.attr(a, "data-x"), Some("a & b"));
        assert_eq!(dom.attr(a, "hidden"), Some(""));
    }

    #[test]
    fn title_and_json_ld_are_kept_aside_and_comments_dropped() {
        let dom = parse(
            "<title>A &amp; B</title><!-- <p>gone</p> --><script type=\"application/ld+json\">{\"a\":1}</script><p>kept</p>",
        );
        assert_eq!(dom.title.as_deref(), Some("A & B"));
        assert_eq!(dom.json_ld, [r#"{"a":1}"#]);
        assert_eq!(shape(&dom, 0), r#"#document(title() script() p("kept"))"#);
    }

    #[test]
    fn unterminated_markup_does_not_panic_or_loop() {
        for html in [
            "<",
            "<p",
            "<p class=\"x",
            "<!--",
            "<script>",
            "</",
            "<a href='",
            "<<>>",
        ] {
            let _ = parse(html);
        }
    }

    #[test]
    fn nodes_know_their_source_line() {
        let dom = parse("<html>\n<body>\n<p>\n  first</p>\n<p>second</p>");
        let lines: Vec<usize> = dom.elements("p").map(|p| dom.nodes[p].line).collect();
        assert_eq!(lines, [3, 5]);
        let text = dom.nodes[dom.elements("p").next().unwrap()].children[0];
        assert_eq!(dom.nodes[text].line, 4);
    }
}
