//! The corpus file form that `build.rs` embeds: Markdown with a front-matter block, then the
//! paragraphs separated by blank lines. [`crate::clean::clean_article`] reads it back to the same
//! text and metadata, and the removals it carries keep their disclosure through a rebuild.

use crate::corpus::Article;

/// `---` / `title: "…"` … / `---` / paragraphs. Values are quoted so any title survives; a line
/// break inside a value or paragraph becomes a space, as the cleaner would make it.
pub fn to_corpus_file(article: &Article) -> String {
    let mut out = String::from("---\n");
    let mut field = |key: &str, value: &str| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&quoted(value));
        out.push('\n');
    };
    field("title", &article.title);
    if let Some(outlet) = &article.outlet {
        field("outlet", outlet);
    }
    if let Some(date) = article.published {
        field("date", &date.to_string());
    }
    if let Some(author) = &article.author {
        field("author", author);
    }
    if let Some(url) = &article.url {
        field("url", url);
    }
    field("language", &article.language);
    for r in &article.removed {
        field(
            "removed",
            &format!("{} | {} | {}", r.line, r.reason.label(), r.text),
        );
    }
    out.push_str("---\n");
    for p in &article.paragraphs {
        out.push('\n');
        out.push_str(&one_line(p));
        out.push('\n');
    }
    out
}

/// Line breaks as spaces (the file's lines are its structure); other characters as they are.
fn one_line(s: &str) -> String {
    s.trim().replace(['\n', '\r'], " ")
}

/// `a "b" \ c` -> `"a \"b\" \\ c"`, as the front-matter reader unquotes it.
fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in one_line(value).chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}
