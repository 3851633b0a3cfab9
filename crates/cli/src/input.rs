//! Reading user files with messages that say what is wrong and where.

use crate::CliError;
use parallax_core::{clean::clean_article, corpus::Article};
use std::io::Read;
use std::path::Path;

/// Reads a file as UTF-8 text. Invalid UTF-8 is reported with the line and column it starts at,
/// so the user can find and fix it; an empty file is an error, since it cannot be an article.
pub fn read_text(path: &str) -> Result<String, CliError> {
    let bytes =
        std::fs::read(path).map_err(|e| CliError::Input(format!("{path}: cannot read: {e}")))?;
    let text = decode(path, bytes)?;
    if text.trim().is_empty() {
        return Err(CliError::Input(format!("{path}: the file is empty")));
    }
    Ok(text)
}

/// Standard input as UTF-8 text; `expected` tells the user what to send when nothing came.
pub fn read_stdin(expected: &str) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::Input(format!("stdin: cannot read: {e}")))?;
    let text = decode("stdin", bytes)?;
    if text.trim().is_empty() {
        return Err(CliError::Input(format!(
            "stdin: no input; expected {expected}"
        )));
    }
    Ok(text)
}

/// UTF-8 text, or an error naming where (`name:line:column`) the first invalid byte is.
fn decode(name: &str, bytes: Vec<u8>) -> Result<String, CliError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..valid];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = valid - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        CliError::Input(format!(
            "{name}:{line}:{column}: not valid UTF-8 (byte 0x{:02x}); save it as UTF-8 and try again",
            e.as_bytes()[valid]
        ))
    })
}

/// Splits `args` into exactly `count` FILE arguments and `--format json|text` (default text);
/// returns the files and whether JSON was asked for. `command` names the command in messages.
pub fn files_and_format(
    args: &[String],
    count: usize,
    command: &str,
) -> Result<(Vec<String>, bool), CliError> {
    let mut files = Vec::new();
    let mut json = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some("json") => json = true,
                Some("text") => json = false,
                other => {
                    return Err(CliError::Usage(format!(
                        "--format takes json or text, not {other:?}"
                    )))
                }
            },
            _ if files.len() < count && !arg.starts_with("--") => files.push(arg.clone()),
            _ => return Err(CliError::Usage(format!("unexpected argument `{arg}`"))),
        }
    }
    if files.len() != count {
        let wanted = match count {
            1 => "a FILE".to_string(),
            2 => "two FILEs, A and B".to_string(),
            n => format!("{n} FILEs"),
        };
        return Err(CliError::Usage(format!("{command} needs {wanted}")));
    }
    Ok((files, json))
}

/// Reads and cleans one article file.
pub fn read_article(path: &str) -> Result<Article, CliError> {
    let text = read_text(path)?;
    let name = Path::new(path)
        .file_name()
        .map_or(path.into(), |n| n.to_string_lossy());
    Ok(clean_article(&name, &text))
}
