//! Parallax's own JSON: the export file of the reader's articles and the one-article record the
//! app stores. serde_json is the one JSON path for app and CLI, so a file written by either is
//! read back by both, exactly.

use super::ImportError;
use crate::corpus::Article;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `format` field of an export.
pub const FORMAT: &str = "parallax-articles";
/// The newest export version this Parallax reads and the one it writes.
pub const VERSION: u64 = 1;

#[derive(Serialize)]
struct ExportRef<'a> {
    format: &'a str,
    version: u64,
    articles: &'a [Article],
}

#[derive(Deserialize)]
struct Export {
    articles: Vec<Article>,
}

/// `{"format":"parallax-articles","version":1,"articles":[...]}`, pretty-printed.
pub fn export_articles(articles: &[Article]) -> String {
    serde_json::to_string_pretty(&ExportRef {
        format: FORMAT,
        version: VERSION,
        articles,
    })
    .expect("articles always serialise")
}

pub fn to_record(article: &Article) -> String {
    serde_json::to_string(article).expect("an article always serialises")
}

pub fn from_record(record: &str) -> Result<Article, ImportError> {
    serde_json::from_str(record).map_err(|e| ImportError::BadRecord {
        detail: position(&e),
    })
}

/// "line 3, column 14: expected `,` or `}`": serde_json's message with its position first.
fn position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    format!("line {}, column {}: {message}", e.line(), e.column())
}

/// The articles of a JSON file: a Parallax export, or (as `parallax show --format json` prints)
/// one article or a list of them.
pub(crate) fn import(name: &str, text: &str) -> Result<Vec<Article>, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::InvalidJson {
        name: name.to_string(),
        detail: position(&e),
    })?;
    let not_export = |reason: String| ImportError::NotAnExport {
        name: name.to_string(),
        reason,
    };
    let articles = match &value {
        Value::Object(o) if o.contains_key("format") => {
            if o["format"] != FORMAT {
                return Err(not_export(format!(
                    "its \"format\" is {}, not \"{FORMAT}\"",
                    o["format"]
                )));
            }
            match o.get("version").and_then(Value::as_u64) {
                Some(v) if v > VERSION => {
                    return Err(ImportError::NewerExport {
                        name: name.to_string(),
                        version: v,
                    })
                }
                Some(_) => {}
                None => return Err(not_export("it has no numeric \"version\"".into())),
            }
            // Parsed again from the text, not the value, so a wrong field names its line.
            serde_json::from_str::<Export>(text)
                .map_err(|e| not_export(position(&e)))?
                .articles
        }
        Value::Object(o) if o.contains_key("paragraphs") => {
            vec![serde_json::from_str(text).map_err(|e| not_export(position(&e)))?]
        }
        Value::Array(_) => serde_json::from_str(text).map_err(|e| not_export(position(&e)))?,
        _ => {
            return Err(not_export(format!(
                "it has no \"format\": \"{FORMAT}\" field"
            )))
        }
    };
    if articles.is_empty() {
        return Err(ImportError::NoArticleText {
            name: name.to_string(),
        });
    }
    Ok(articles)
}
