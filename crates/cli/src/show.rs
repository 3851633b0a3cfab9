//! `parallax list` and `parallax show`: what the cleaner makes of article files.

use crate::{
    input::{files_and_format, read_article},
    CliError,
};
use parallax_core::corpus::Article;

pub fn list(args: &[String]) -> Result<(), CliError> {
    if args.is_empty() {
        return Err(CliError::Usage("list needs at least one FILE".into()));
    }
    for path in args {
        let a = read_article(path)?;
        println!(
            "{}\t{}\t{}\t{}\t{}",
            a.id,
            a.outlet.as_deref().unwrap_or("unknown outlet"),
            a.published.map_or("undated".into(), |d| d.to_string()),
            a.word_count,
            a.title
        );
    }
    Ok(())
}

pub fn show(args: &[String]) -> Result<(), CliError> {
    let (files, json) = files_and_format(args, 1, "show")?;
    let article = read_article(&files[0])?;
    if json {
        let out = serde_json::to_string_pretty(&article).expect("an article always serialises");
        println!("{out}");
    } else {
        print!("{}", render_text(&article));
    }
    Ok(())
}

fn render_text(a: &Article) -> String {
    let mut out = format!("{}\n", a.title);
    out += &format!(
        "{} · {} · {} words · {}{}\n\n",
        a.outlet.as_deref().unwrap_or("Unknown outlet"),
        a.published.map_or("undated".into(), |d| d.to_string()),
        a.word_count,
        a.language,
        a.dateline
            .as_deref()
            .map(|d| format!(" · dateline {d}"))
            .unwrap_or_default()
    );
    for p in &a.paragraphs {
        out += p;
        out += "\n\n";
    }
    if !a.removed.is_empty() {
        out += &format!("{} lines removed:\n", a.removed.len());
        for r in &a.removed {
            out += &format!("  line {:>3} ({}): {}\n", r.line, r.reason.label(), r.text);
        }
    }
    out
}
