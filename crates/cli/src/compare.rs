//! `parallax compare`, `parallax pairs` and `parallax similarity`: the comparison core on files
//! and pipes.

use crate::{
    input::{files_and_format, read_article, read_stdin, read_text},
    CliError,
};
use parallax_core::compare::{
    self, idf::Idf, matcher, similarity, Comparison, DiffKind, PairDiff, Sentence,
};
use std::io::Write;

pub fn compare(args: &[String]) -> Result<(), CliError> {
    let (files, json) = files_and_format(args, 2, "compare")?;
    let [a, b] = files.as_slice() else {
        unreachable!("files_and_format returns exactly two files")
    };
    let (a, b) = (read_article(a)?, read_article(b)?);
    let c = compare::compare(&a, &b);
    if json {
        let out = serde_json::to_string_pretty(&c).expect("a comparison always serialises");
        println!("{out}");
    } else {
        print!("{}", render_text(&c));
    }
    Ok(())
}

fn name(side: &compare::Side) -> String {
    format!(
        "{} ({})",
        side.title,
        side.outlet.as_deref().unwrap_or("Unknown outlet")
    )
}

fn render_text(c: &Comparison) -> String {
    let s = &c.summary;
    let mut out = format!("A: {}\nB: {}\n\n", name(&c.a), name(&c.b));
    out += &format!(
        "similarity {:.2} · A covered by B {:.0}% · B covered by A {:.0}% · {} same · {} changed · {} only in A · {} only in B\n",
        c.similarity,
        100.0 * s.a_covered_by_b,
        100.0 * s.b_covered_by_a,
        s.shared,
        s.changed,
        s.only_in_a,
        s.only_in_b
    );
    if !c.discrepancies.is_empty() {
        out += &format!("\n{} discrepancies:\n", c.discrepancies.len());
        for d in &c.discrepancies {
            let kind = serde_json::to_value(d.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string));
            out += &format!("  [{}] {}\n", kind.unwrap_or_default(), d.summary);
        }
    }
    if !c.diffs.is_empty() {
        out += &format!(
            "\n{} linked sentences ([-A only-] {{+B only+}}):\n",
            c.diffs.len()
        );
        for (d, l) in c.diffs.iter().zip(&c.links) {
            out += &format!(
                "  A{} ~ B{} ({:.2}): {}\n",
                l.a,
                l.b,
                l.score,
                render_diff(c, d)
            );
        }
    }
    for (side, list) in [("A", &c.only_in_a), ("B", &c.only_in_b)] {
        if !list.is_empty() {
            out += &format!("\n{} sentences only in {side}:\n", list.len());
            for sentence in list.iter() {
                out += &format!("  {side}{}: {}\n", sentence.index, sentence.text);
            }
        }
    }
    out
}

/// The diff as one line: unchanged words plain, A's words in [-…-], B's in {+…+}.
fn render_diff(c: &Comparison, d: &PairDiff) -> String {
    let (a, b): (&Sentence, &Sentence) = (&c.a.sentences[d.a], &c.b.sentences[d.b]);
    let mut out = String::new();
    for op in &d.ops {
        let (ta, tb) = (&a.text[op.a.clone()], &b.text[op.b.clone()]);
        let piece = match op.kind {
            DiffKind::Equal => ta.to_string(),
            DiffKind::Delete => format!("[-{ta}-]"),
            DiffKind::Insert => format!("{{+{tb}+}}"),
            DiffKind::Replace => format!("[-{ta}-]{{+{tb}+}}"),
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out += &piece;
    }
    out
}

pub fn pairs(args: &[String]) -> Result<(), CliError> {
    let mut threshold = compare::THRESHOLD;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--threshold" => {
                let value = it
                    .next()
                    .ok_or_else(|| CliError::Usage("--threshold needs a number".into()))?;
                threshold = value
                    .parse::<f64>()
                    .ok()
                    .filter(|t| (0.0..=1.0).contains(t))
                    .ok_or_else(|| {
                        CliError::Usage(format!(
                            "--threshold takes a number from 0 to 1, not `{value}`"
                        ))
                    })?;
            }
            _ => return Err(CliError::Usage(format!("unexpected argument `{arg}`"))),
        }
    }
    let text = read_stdin("lines `sentence1<TAB>sentence2`")?;
    // Validate everything before printing anything, so bad input gives no partial output.
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let Some((a, b)) = line.split_once('\t') else {
            return Err(CliError::Input(format!(
                "stdin:{}: expected `sentence1<TAB>sentence2`, found no tab",
                n + 1
            )));
        };
        if b.contains('\t') {
            return Err(CliError::Input(format!(
                "stdin:{}: expected one tab, found more",
                n + 1
            )));
        }
        rows.push((a, b));
    }
    let idf = Idf::builtin();
    let mut preparer = matcher::Preparer::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (a, b) in rows {
        let score = matcher::score(&preparer.prepare(a, idf), &preparer.prepare(b, idf));
        writeln!(out, "{score:.4}\t{}", u8::from(score >= threshold))
            .map_err(|e| CliError::Input(format!("stdout: {e}")))?;
    }
    out.flush()
        .map_err(|e| CliError::Input(format!("stdout: {e}")))
}

/// Documents of a one-document-per-line file; a blank line is an error, not an empty document.
fn read_documents(path: &str) -> Result<Vec<String>, CliError> {
    let text = read_text(path)?;
    let lines: Vec<&str> = text.trim_end().lines().collect();
    for (n, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            return Err(CliError::Input(format!(
                "{path}:{}: empty line; the file must hold one document per line",
                n + 1
            )));
        }
    }
    Ok(lines.into_iter().map(str::to_string).collect())
}

pub fn similarity(args: &[String]) -> Result<(), CliError> {
    let (mut docs, mut background) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let slot = match arg.as_str() {
            "--docs" => &mut docs,
            "--background" => &mut background,
            _ => return Err(CliError::Usage(format!("unexpected argument `{arg}`"))),
        };
        let value = it
            .next()
            .ok_or_else(|| CliError::Usage(format!("{arg} needs a FILE")))?;
        *slot = Some(value);
    }
    let docs = read_documents(
        docs.ok_or_else(|| CliError::Usage("similarity needs --docs FILE".into()))?,
    )?;
    let background = match background {
        Some(path) => read_documents(path)?,
        None => Vec::new(),
    };
    let docs: Vec<&str> = docs.iter().map(String::as_str).collect();
    let background: Vec<&str> = background.iter().map(String::as_str).collect();
    let mut out = String::new();
    for row in similarity::similarity_matrix(&docs, &background) {
        let cells: Vec<String> = row.iter().map(|v| format!("{v:.4}")).collect();
        out += &cells.join("\t");
        out.push('\n');
    }
    print!("{out}");
    Ok(())
}
