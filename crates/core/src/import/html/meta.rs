//! What a page says about its article: title, byline, date, site name, canonical address and
//! language, from meta tags, JSON-LD and the markup, in that order of trust. Values are plain
//! text (entities decoded, any markup stripped); anything that does not parse stays unknown.

use super::dom::{self, Dom};
use super::entities::decode_entities;
use crate::clean::{parse_date, Metadata};
use crate::corpus::PartialDate;
use serde_json::Value;

pub(super) fn metadata(dom: &Dom, h1: Option<String>) -> Metadata {
    let metas = meta_tags(dom);
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .filter(|(name, _)| name == k)
                .find_map(|(_, v)| plain(v))
        })
    };
    let ld = LinkedData::of(dom);

    let site = get(&["og:site_name"])
        .or(ld.publisher)
        .or_else(|| get(&["application-name"]));

    let title = match (get(&["og:title", "twitter:title"]), ld.headline, h1) {
        (Some(t), _, _) | (None, Some(t), _) | (None, None, Some(t)) => {
            Some(without_site(&t, site.as_deref(), false))
        }
        _ => dom
            .title
            .as_deref()
            .and_then(plain)
            .map(|t| without_site(&t, site.as_deref(), true)),
    };

    let author = get(&[
        "author",
        "article:author",
        "byl",
        "parsely-author",
        "dc.creator",
    ])
    .filter(|a| !looks_like_url(a))
    .and_then(|a| byline_name(&a).or(Some(a)))
    .or((!ld.authors.is_empty()).then(|| ld.authors.join(", ")))
    .or_else(|| rel_author(dom))
    .or_else(|| itemprop_author(dom));

    let date = [
        "article:published_time",
        "og:article:published_time",
        "article:publicationdate",
        "publication_date",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
    ]
    .iter()
    .filter_map(|k| get(&[k]))
    .chain(ld.date)
    .chain(
        dom.elements("time")
            .filter_map(|t| dom.attr(t, "datetime").map(str::to_string)),
    )
    .find_map(|d| loose_date(&d));

    let url = dom
        .elements("link")
        .filter(|&l| has_rel(dom, l, "canonical"))
        .filter_map(|l| dom.attr(l, "href").map(str::to_string))
        .chain(get(&["og:url"]))
        .chain(ld.url)
        .map(|u| u.trim().to_string())
        .find(|u| is_web_address(u));

    let language = dom
        .elements("html")
        .find_map(|h| dom.attr(h, "lang").map(str::to_string))
        .or_else(|| get(&["og:locale", "content-language", "language"]))
        .and_then(|l| language_code(&l));

    Metadata {
        title,
        outlet: site,
        date,
        language,
        author,
        url,
    }
}

/// A date as pages write it: ISO (`2015-03-13T21:30:09Z`), alone or inside other text, or an
/// English month name next to a day ("Fri Mar 13 21:30:09 EST 2015", "March 13, 2015",
/// "13 March 2015") with a year. A month name without a day is not taken: "April" and "June" are
/// also names in bylines. Numeric day-month orders ("04.05.2015") differ between countries and
/// are not guessed.
pub(super) fn loose_date(text: &str) -> Option<PartialDate> {
    const MONTHS: &str =
        "january february march april may june july august september october november december";
    let text = text.trim();
    if let Some(d) = parse_date(text) {
        return Some(d);
    }
    let iso = text
        .split_whitespace()
        .filter(|w| w.len() >= 10)
        .find_map(|w| parse_date(w).filter(|d| d.day.is_some()));
    if iso.is_some() {
        return iso;
    }
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let year: u16 = tokens
        .iter()
        .filter(|t| t.len() == 4)
        .find_map(|t| t.parse().ok().filter(|y| (1000..=9999).contains(y)))?;
    let day_at = |i: usize| {
        let digits = tokens
            .get(i)?
            .trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (digits.len() <= 2)
            .then(|| digits.parse::<u8>().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    };
    tokens.iter().enumerate().find_map(|(i, t)| {
        let lower = t.to_ascii_lowercase();
        // A month is its name or an abbreviation of it ("Mar", "Sept"), never a longer word.
        let month = MONTHS
            .split(' ')
            .position(|m| lower.len() >= 3 && m.starts_with(&lower))?;
        let day = day_at(i + 1).or_else(|| i.checked_sub(1).and_then(day_at))?;
        Some(PartialDate {
            year,
            month: Some(month as u8 + 1),
            day: Some(day),
        })
    })
}

/// `(name, content)` of every `<meta>`, the name from `property`, `name`, `itemprop` or
/// `http-equiv`, lowercased (one tag can carry several space-separated names).
fn meta_tags(dom: &Dom) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for m in dom.elements("meta") {
        let Some(content) = dom.attr(m, "content") else {
            continue;
        };
        for attr in ["property", "name", "itemprop", "http-equiv"] {
            for name in dom.attr(m, attr).unwrap_or("").split_ascii_whitespace() {
                out.push((name.to_ascii_lowercase(), content.to_string()));
            }
        }
    }
    out
}

/// A metadata value as plain text: entities decoded, markup dropped, whitespace collapsed;
/// `None` when nothing is left.
pub(super) fn plain(value: &str) -> Option<String> {
    let decoded = decode_entities(value);
    let text = if decoded.contains('<') {
        let fragment = dom::parse(&decoded);
        super::inline_text(&fragment, 0)
    } else {
        decoded.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    (!text.is_empty()).then_some(text)
}

/// "Headline | Site" -> "Headline". From a `<title>` (`guess`), a short last part is taken for the
/// site's name even when the page does not name its site.
fn without_site(title: &str, site: Option<&str>, guess: bool) -> String {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " / ", " » "];
    let Some((head, tail)) = SEPARATORS
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .max_by_key(|(head, _)| head.len())
    else {
        return title.to_string();
    };
    let (head, tail) = (head.trim(), tail.trim());
    let names_site = site.is_some_and(|s| {
        let (s, t) = (s.to_lowercase(), tail.to_lowercase());
        s == t || s.contains(&t) || t.contains(&s)
    });
    let words = |s: &str| s.split_whitespace().count();
    if names_site || (guess && words(tail) <= 4 && words(head) >= 3) {
        head.to_string()
    } else {
        title.to_string()
    }
}

/// How bylines start, in the languages Parallax detects.
const BY: &[&str] = &[
    "by: ",
    "by ",
    "written by ",
    "words by ",
    "por ",
    "par ",
    "von ",
    "di ",
    "de ",
];

/// "By Jane Doe · 9 January 2026" -> "Jane Doe": the name after a leading "By", up to the next
/// separator; `None` when the text does not start that way.
pub(super) fn byline_name(text: &str) -> Option<String> {
    text.split(" · ").find_map(|part| {
        let part = part.trim();
        let rest = strip_by(part);
        if rest.len() == part.len() {
            return None;
        }
        let name = rest
            .split(" | ")
            .next()?
            .trim()
            .trim_end_matches([',', '.']);
        let words = name.split_whitespace().count();
        (1..=12).contains(&words).then(|| name.to_string())
    })
}

fn has_rel(dom: &Dom, id: usize, rel: &str) -> bool {
    dom.attr(id, "rel").is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|w| w.eq_ignore_ascii_case(rel))
    })
}

/// The text of the first `rel="author"` link with a name in it.
fn rel_author(dom: &Dom) -> Option<String> {
    dom.elements("a")
        .filter(|&a| has_rel(dom, a, "author"))
        .map(|a| super::inline_text(dom, a))
        .find(|t| !t.is_empty() && t.split_whitespace().count() <= 8)
}

/// The text of the first `itemprop="author"` element with a short name in it.
fn itemprop_author(dom: &Dom) -> Option<String> {
    (0..dom.nodes.len())
        .filter(|&id| dom.attr(id, "itemprop") == Some("author"))
        .map(|id| super::inline_text(dom, id))
        .map(|t| strip_by(&t).to_string())
        .find(|t| !t.is_empty() && t.split_whitespace().count() <= 12)
}

/// "By Jane Doe" / "Par Jane Doe" -> "Jane Doe"; other text as it is.
fn strip_by(text: &str) -> &str {
    BY.iter()
        .find_map(|p| {
            let head = text.get(..p.len())?;
            head.eq_ignore_ascii_case(p).then(|| &text[p.len()..])
        })
        .unwrap_or(text)
        .trim()
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// Only web addresses are kept: a `javascript:` or `data:` "canonical link" is not an address.
pub(crate) fn is_web_address(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && s.len() > "https://".len()
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
}

/// "en-GB" / "en_GB" -> "en"; anything that is not a language subtag is dropped.
fn language_code(l: &str) -> Option<String> {
    let primary = l.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()))
        .then_some(primary)
}

/// The article object of a page's JSON-LD, if any.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
];

impl LinkedData {
    fn of(dom: &Dom) -> LinkedData {
        let mut objects = Vec::new();
        for block in &dom.json_ld {
            // Some sites wrap the JSON in a CDATA section or an HTML comment.
            let trimmed = block
                .trim()
                .trim_start_matches("//<![CDATA[")
                .trim_end_matches("//]]>")
                .trim_start_matches("<!--")
                .trim_end_matches("-->");
            if let Ok(v) = serde_json::from_str::<Value>(trimmed.trim()) {
                collect_objects(v, &mut objects);
            }
        }
        let is_article = |o: &Value| match &o["@type"] {
            Value::String(t) => ARTICLE_TYPES.contains(&t.as_str()),
            Value::Array(ts) => ts
                .iter()
                .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
            _ => false,
        };
        let Some(article) = objects
            .iter()
            .find(|o| is_article(o))
            .or_else(|| objects.iter().find(|o| o.get("headline").is_some()))
        else {
            return LinkedData::default();
        };
        let text = |v: &Value| v.as_str().and_then(plain);
        LinkedData {
            headline: text(&article["headline"]).or_else(|| text(&article["name"])),
            authors: names(&article["author"]),
            date: article["datePublished"]
                .as_str()
                .or_else(|| article["dateCreated"].as_str())
                .map(str::to_string),
            publisher: names(&article["publisher"]).into_iter().next(),
            url: text(&article["url"]).or_else(|| match &article["mainEntityOfPage"] {
                Value::String(s) => plain(s),
                o => text(&o["@id"]),
            }),
        }
    }
}

fn collect_objects(v: Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| collect_objects(i, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                collect_objects(graph, out);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

/// Names from a JSON-LD person or organisation: a string, an object with `name`, or a list.
fn names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => plain(s).into_iter().collect(),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .and_then(plain)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Metadata {
        let dom = dom::parse(html);
        metadata(&dom, None)
    }

    #[test]
    fn open_graph_and_article_tags_give_title_site_date_and_url() {
        let m = meta_of(
            r#"<html lang="en-GB"><head><title>Storm hits coast | Gazette</title>
            <meta property="og:title" content="Storm hits coast">
            <meta property="og:site_name" content="The Gazette">
            <meta property="article:published_time" content="2025-03-04T10:00:00Z">
            <meta name="author" content="Jane Doe">
            <link rel="canonical" href="https://gazette.example/storm"></head></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(m.outlet.as_deref(), Some("The Gazette"));
        assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2025-03-04"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        assert_eq!(m.url.as_deref(), Some("https://gazette.example/storm"));
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn json_ld_fills_what_meta_tags_do_not_say() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":["NewsArticle"],"headline":"Floods &amp; fires","datePublished":"2024-11-02",
               "author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"}],
               "publisher":{"@type":"Organization","name":"Daily Example"}}]}</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Floods & fires"));
        assert_eq!(m.author.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(m.outlet.as_deref(), Some("Daily Example"));
        assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2024-11-02"));
    }

    #[test]
    fn title_tag_loses_its_site_suffix_but_a_real_dash_stays() {
        let m = meta_of("<title>Kast visits El Salvador prison - World News</title>");
        assert_eq!(m.title.as_deref(), Some("Kast visits El Salvador prison"));
        let m = meta_of("<title>Far-right - a new wave in Latin American politics</title>");
        assert_eq!(
            m.title.as_deref(),
            Some("Far-right - a new wave in Latin American politics")
        );
    }

    #[test]
    fn unknown_and_unsafe_values_stay_unknown() {
        let m = meta_of(
            r#"<meta name="author" content="https://facebook.com/someone">
            <meta property="article:published_time" content="last Tuesday">
            <link rel="canonical" href="javascript:alert(1)"><html lang="x-klingon-!">"#,
        );
        assert_eq!(m.author, None);
        assert_eq!(m.date, None);
        assert_eq!(m.url, None);
        assert_eq!(m.language, None);
        assert_eq!(m.title, None);
    }

    #[test]
    fn markup_inside_metadata_is_reduced_to_text() {
        let m = meta_of(
            r#"<meta property="og:title" content="<b>Bold</b> &lt;i&gt;claim&lt;/i&gt; <img src=x onerror=alert(1)>">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Bold claim"));
    }

    #[test]
    fn dates_with_month_names_are_read_but_ambiguous_numbers_are_not() {
        let read = |s: &str| loose_date(s).map(|d| d.to_string());
        assert_eq!(
            read("Fri Mar 13 21:30:09 EST 2015").as_deref(),
            Some("2015-03-13")
        );
        assert_eq!(read("March 13, 2015 9:00PM").as_deref(), Some("2015-03-13"));
        assert_eq!(read("13th September 2024").as_deref(), Some("2024-09-13"));
        assert_eq!(
            read("2015-05-04T13:36:31+02:00").as_deref(),
            Some("2015-05-04")
        );
        assert_eq!(read("04.05.2015"), None);
        assert_eq!(read("Marching orders in 2015"), None);
        assert_eq!(read("By April Jones, 2024"), None, "a name, not a month");
        assert_eq!(
            read("By June Kim · June 3, 2024").as_deref(),
            Some("2024-06-03")
        );
        assert_eq!(
            read("Updated 2024-06-03T10:00Z by staff").as_deref(),
            Some("2024-06-03")
        );
        assert_eq!(read("next tuesday"), None);
    }

    #[test]
    fn byline_name_is_the_name_after_by() {
        assert_eq!(
            byline_name("By Jane Doe · 9 January 2026").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(byline_name("Photo · By AP").as_deref(), Some("AP"));
        assert_eq!(byline_name("9 January 2026"), None);
    }
}
