//! Bringing the reader's own articles in: files and pasted text to cleaned [`Article`]s, Parallax's
//! JSON export and stored records, near-duplicate detection and the corpus file form.
//!
//! Every file goes the same way: size and binary checks, decoding (UTF-8, UTF-16 with a
//! byte-order mark, else Windows-1252), then by kind: plain text and Markdown with front matter
//! through [`crate::clean`], HTML pages through readability-style extraction (`html`) and then
//! the same cleaning rules, JSON as Parallax's export. What goes wrong is an [`ImportError`] whose message is one
//! sentence naming the file and what to do; what was changed or left out is said in
//! [`Imported::notes`] and [`Article::removed`].

mod corpus_file;
mod dedup;
mod encoding;
mod html;
mod json;
#[cfg(test)]
mod tests;

pub use corpus_file::to_corpus_file;
pub use dedup::{fingerprint, near_duplicates, near_duplicates_among, Fingerprint, NearDuplicate};
pub use json::{export_articles, from_record, to_record};

use crate::clean::{clean_lines, clean_with, parse_date, Metadata};
use crate::corpus::{Article, RemovedLine};
use serde::{Deserialize, Serialize};

/// Largest file accepted; a bigger one is [`ImportError::TooLarge`].
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// What the paste form's text is called in messages.
const PASTED: &str = "The pasted text";

/// The `source_file` of a pasted article.
pub const PASTED_SOURCE: &str = "pasted text";

/// What came out of one file: articles plus plain-language notes for the reader ("Decoded as
/// Windows-1252 (Latin-1): the file was not UTF-8.").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    pub articles: Vec<Article>,
    pub notes: Vec<String>,
}

/// Why a file or paste could not become articles. Its message is one sentence naming the file
/// (or the pasted text) and saying what to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ImportError {
    /// Nothing but blank space.
    Empty { name: String },
    TooLarge {
        name: String,
        bytes: usize,
        limit: usize,
    },
    /// A PDF, image, archive or other non-text file.
    Binary { name: String, kind: String },
    /// Marked as UTF-16 but not valid UTF-16.
    BadEncoding { name: String, reason: String },
    /// Not JSON at all; `detail` leads with the line and column.
    InvalidJson { name: String, detail: String },
    /// JSON, but not Parallax's article export.
    NotAnExport { name: String, reason: String },
    /// An export from a newer Parallax.
    NewerExport { name: String, version: u64 },
    /// Text, but no article body in it (only a headline, or only page furniture).
    NoArticleText { name: String },
    /// A paste-form field that does not hold what it should ("next tuesday" as a date).
    BadField {
        field: String,
        value: String,
        expected: String,
    },
    /// A stored record that no longer reads as an article.
    BadRecord { detail: String },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Empty { name } => write!(f, "{name} is empty."),
            ImportError::TooLarge { name, bytes, limit } => write!(
                f,
                "{name} is {}; the limit is {} per file: split it into articles.",
                megabytes(*bytes, 1),
                megabytes(*limit, 0)
            ),
            ImportError::Binary { name, kind } => write!(
                f,
                "{name} looks like a binary file ({kind}), not text: save the article as .txt or .html and add that."
            ),
            ImportError::BadEncoding { name, reason } => write!(
                f,
                "{name} is marked as UTF-16 but {reason}: save it as UTF-8 and add it again."
            ),
            ImportError::InvalidJson { name, detail } => {
                write!(f, "{name} is not valid JSON ({detail}).")
            }
            ImportError::NotAnExport { name, reason } => write!(
                f,
                "{name} is JSON but not a Parallax article export ({reason}): add articles as .txt, .md or .html, or export them from Parallax."
            ),
            ImportError::NewerExport { name, version } => write!(
                f,
                "{name} was exported by a newer Parallax (format version {version}; this one reads up to {}): update Parallax and add it again.",
                json::VERSION
            ),
            ImportError::NoArticleText { name } => write!(
                f,
                "{name} has no article text, only a headline or page furniture: check that it holds the article itself."
            ),
            ImportError::BadField {
                field,
                value,
                expected,
            } => write!(f, "{PASTED}'s {field} \"{value}\" is not {expected}."),
            ImportError::BadRecord { detail } => {
                write!(f, "A stored article could not be read ({detail}).")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// "50.0 MB" with `decimals` places.
fn megabytes(bytes: usize, decimals: usize) -> String {
    format!("{:.*} MB", decimals, bytes as f64 / (1024.0 * 1024.0))
}

/// How a file's content is read.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// Plain text or Markdown, with or without front matter.
    Text,
    Html,
    Json,
}

impl Kind {
    /// By extension; an unknown one, or HTML saved under `.txt`, is told by the content.
    fn of(name: &str, text: &str) -> (Kind, Option<String>) {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let sniffed = Kind::sniff(text);
        match ext.as_str() {
            "html" | "htm" | "xhtml" | "shtml" => (Kind::Html, None),
            "json" => (Kind::Json, None),
            "txt" | "text" | "md" | "markdown" if sniffed == Kind::Html => (
                Kind::Html,
                Some(format!(
                    "Read as a web page: the file is named .{ext} but holds HTML."
                )),
            ),
            "txt" | "text" | "md" | "markdown" => (Kind::Text, None),
            _ => (sniffed, None),
        }
    }

    fn sniff(text: &str) -> Kind {
        let head: String = text.trim_start().chars().take(512).collect();
        let lower = head.to_ascii_lowercase();
        let element_first = lower.starts_with('<')
            && lower[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '!');
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || (element_first && (lower.contains("</") || lower.contains("<body")))
        {
            Kind::Html
        } else if lower.starts_with('{') || lower.starts_with('[') {
            Kind::Json
        } else {
            Kind::Text
        }
    }
}

/// Detects the kind by extension and content sniffing (.txt, .md with front matter, .html/.htm,
/// Parallax's JSON export; unknown extensions sniffed; binary rejected), decodes (UTF-8 with or
/// without BOM, UTF-16 with BOM, otherwise Windows-1252 with a note), extracts, and cleans with
/// the same rules as the seed corpus, disclosing removals in [`Article::removed`].
///
/// Ids are slugs of the titles, as [`crate::clean::clean_article`] gives them; a JSON export
/// keeps the ids in the file.
pub fn import_file(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    import_file_within(name, bytes, MAX_FILE_BYTES)
}

/// [`import_file`] with the size limit as a parameter, so tests need not allocate 25 MB.
fn import_file_within(name: &str, bytes: &[u8], limit: usize) -> Result<Imported, ImportError> {
    let named = |name: &str| name.to_string();
    if bytes.len() > limit {
        return Err(ImportError::TooLarge {
            name: named(name),
            bytes: bytes.len(),
            limit,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty { name: named(name) });
    }
    if let Some(kind) = encoding::binary_kind(bytes) {
        return Err(ImportError::Binary {
            name: named(name),
            kind: kind.to_string(),
        });
    }
    let decoded = encoding::decode(bytes).map_err(|e| ImportError::BadEncoding {
        name: named(name),
        reason: e.0,
    })?;
    let text = one_newline_style(&decoded.text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty { name: named(name) });
    }
    let mut notes: Vec<String> = decoded.note.into_iter().collect();
    let (kind, kind_note) = Kind::of(name, &text);
    notes.extend(kind_note);
    let articles = match kind {
        Kind::Json => {
            let articles = json::import(name, &text)?;
            notes.push(match articles.len() {
                1 => "Read 1 article from Parallax JSON, exactly as exported.".to_string(),
                n => format!("Read {n} articles from Parallax JSON, exactly as exported."),
            });
            articles
        }
        Kind::Html => {
            let (article, note) = from_html(name, &text, Metadata::default())?;
            notes.push(note);
            vec![article]
        }
        Kind::Text => {
            let article = clean_with(name, &text, Metadata::default());
            if article.paragraphs.is_empty() {
                return Err(ImportError::NoArticleText { name: named(name) });
            }
            notes.extend(removal_note(&article.removed, "lines"));
            vec![article]
        }
    };
    Ok(Imported { articles, notes })
}

/// `\r\n` and lone `\r` (old Mac files) as `\n`, so line rules see lines.
fn one_newline_style(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// An HTML page to an article and the note saying where the text came from and what was left out.
fn from_html(name: &str, html: &str, given: Metadata) -> Result<(Article, String), ImportError> {
    let page = html::extract(html);
    let mut lines: Vec<(usize, &str)> = Vec::with_capacity(page.blocks.len() * 2);
    for (line, text) in &page.blocks {
        lines.push((*line, text));
        lines.push((*line, ""));
    }
    let article = clean_lines(name, given.or(page.meta), &lines, page.removed);
    if article.paragraphs.is_empty() {
        return Err(ImportError::NoArticleText {
            name: name.to_string(),
        });
    }
    let mut note = format!("Took the article from the page's {}", page.source);
    match removal_note(&article.removed, "blocks") {
        Some(left_out) => {
            note.push_str("; l");
            note.push_str(&left_out[1..]);
        }
        None => note.push('.'),
    }
    Ok((article, note))
}

/// "Left out 14 blocks: navigation, share buttons, related links." — reasons most frequent first.
fn removal_note(removed: &[RemovedLine], unit: &str) -> Option<String> {
    if removed.is_empty() {
        return None;
    }
    let mut reasons: Vec<(&str, usize)> = Vec::new();
    for r in removed {
        match reasons.iter_mut().find(|(l, _)| *l == r.reason.label()) {
            Some((_, n)) => *n += 1,
            None => reasons.push((r.reason.label(), 1)),
        }
    }
    reasons.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let labels: Vec<&str> = reasons.iter().map(|(l, _)| *l).collect();
    let unit = if removed.len() == 1 {
        unit.trim_end_matches('s')
    } else {
        unit
    };
    Some(format!(
        "Left out {} {unit}: {}.",
        removed.len(),
        labels.join(", ")
    ))
}

/// The paste form: empty strings mean "not given"; given fields win over what the text implies.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pasted {
    pub text: String,
    pub title: String,
    pub outlet: String,
    pub date: String,
    pub url: String,
}

/// A pasted article. The text may carry front matter or be a page's HTML source; the form's
/// fields win over both. A field that does not parse (a date of "next tuesday", a URL that is not
/// a web address) is an error naming the field, never silently dropped.
pub fn import_paste(p: &Pasted) -> Result<Article, ImportError> {
    if p.text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            name: PASTED.into(),
            bytes: p.text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = one_newline_style(&p.text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            name: PASTED.into(),
        });
    }
    let given_text = |s: &str| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    let date = match given_text(&p.date) {
        None => None,
        Some(d) => Some(parse_date(&d).ok_or(ImportError::BadField {
            field: "date".into(),
            value: d,
            expected: "a date: write it as 2026, 2026-01 or 2026-01-09".into(),
        })?),
    };
    let url = match given_text(&p.url) {
        Some(u) if !html::is_web_address(&u) => {
            return Err(ImportError::BadField {
                field: "URL".into(),
                value: u,
                expected: "a web address: it must start with https:// or http://".into(),
            })
        }
        u => u,
    };
    let given = Metadata {
        title: given_text(&p.title),
        outlet: given_text(&p.outlet),
        date,
        url,
        ..Metadata::default()
    };
    let article = if Kind::sniff(&text) == Kind::Html {
        from_html(PASTED_SOURCE, &text, given)?.0
    } else {
        clean_with(PASTED_SOURCE, &text, given)
    };
    if article.paragraphs.is_empty() {
        return Err(ImportError::NoArticleText {
            name: PASTED.into(),
        });
    }
    Ok(article)
}
