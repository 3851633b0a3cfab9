//! Presenting a [`Comparison`]: the Markdown export, and the pieces a renderer needs to show one
//! (sentence text cut into marked segments, short labels, excerpts around a span). The app and the
//! export use the same functions, so what a reader sees and what they download agree.

use crate::compare::{
    Comparison, DiffKind, DiffOp, Discrepancy, DiscrepancyKind, PairDiff, Sentence,
};
use serde::{Deserialize, Serialize};
use std::fmt::Write;
use std::ops::Range;

/// Which article of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Column {
    A,
    B,
}

impl Column {
    pub fn other(self) -> Column {
        match self {
            Column::A => Column::B,
            Column::B => Column::A,
        }
    }

    pub fn letter(self) -> &'static str {
        match self {
            Column::A => "A",
            Column::B => "B",
        }
    }
}

/// How a segment of a sentence differs from its partner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mark {
    /// Also in the partner sentence, or not part of any word diff.
    Same,
    /// Words of A that B does not have (deleted or replaced).
    Deleted,
    /// Words of B that A does not have (inserted or replacing).
    Inserted,
}

/// A run of one sentence's text with one marking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Byte range into the sentence text.
    pub range: Range<usize>,
    pub mark: Mark,
    /// Inside one of the `flags` ranges (words a discrepancy is about).
    pub flagged: bool,
}

/// Cuts `text` (one side of a linked pair, or an unlinked sentence with no `ops`) into segments
/// that cover it exactly, marked by the word diff `ops` as seen from `column` and by whether they
/// fall inside a `flags` range. Ranges that are out of bounds or not on character boundaries are
/// ignored rather than trusted.
pub fn segments(
    text: &str,
    ops: &[DiffOp],
    column: Column,
    flags: &[Range<usize>],
) -> Vec<Segment> {
    let valid = |r: &Range<usize>| {
        r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    let marked: Vec<(Range<usize>, Mark)> = ops
        .iter()
        .filter_map(|op| {
            let (range, mark) = match (column, op.kind) {
                (_, DiffKind::Equal) => return None,
                (Column::A, DiffKind::Delete | DiffKind::Replace) => (op.a.clone(), Mark::Deleted),
                (Column::B, DiffKind::Insert | DiffKind::Replace) => (op.b.clone(), Mark::Inserted),
                _ => return None,
            };
            valid(&range).then_some((range, mark))
        })
        .collect();
    let flags: Vec<&Range<usize>> = flags.iter().filter(|r| valid(r)).collect();
    let mut cuts = vec![0, text.len()];
    for r in marked.iter().map(|m| &m.0).chain(flags.iter().copied()) {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for w in cuts.windows(2) {
        let range = w[0]..w[1];
        let mark = marked
            .iter()
            .find(|(r, _)| r.start <= range.start && range.end <= r.end)
            .map_or(Mark::Same, |m| m.1);
        let flagged = flags
            .iter()
            .any(|r| r.start <= range.start && range.end <= r.end);
        match out.last_mut() {
            Some(last) if last.mark == mark && last.flagged == flagged => {
                last.range.end = range.end
            }
            _ => out.push(Segment {
                range,
                mark,
                flagged,
            }),
        }
    }
    out
}

/// A short name for a kind of discrepancy, for card headings and the export.
pub fn kind_label(kind: DiscrepancyKind) -> &'static str {
    match kind {
        DiscrepancyKind::NumberConflict => "Number",
        DiscrepancyKind::AttributionConflict => "Attribution",
        DiscrepancyKind::DescriptorOnlyInA | DiscrepancyKind::DescriptorOnlyInB => "Descriptor",
        DiscrepancyKind::NumberOnlyInA | DiscrepancyKind::NumberOnlyInB => "Number",
        DiscrepancyKind::EntityOnlyInA | DiscrepancyKind::EntityOnlyInB => "Name",
    }
}

/// The broad group a discrepancy belongs to, in the order they are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Group {
    /// Both sides say something about the same thing, and it differs.
    Conflict,
    /// One side characterises someone the other does not.
    Descriptor,
    /// A fact only one side reports.
    Omission,
}

impl Group {
    pub fn of(kind: DiscrepancyKind) -> Group {
        match kind {
            DiscrepancyKind::NumberConflict | DiscrepancyKind::AttributionConflict => {
                Group::Conflict
            }
            DiscrepancyKind::DescriptorOnlyInA | DiscrepancyKind::DescriptorOnlyInB => {
                Group::Descriptor
            }
            _ => Group::Omission,
        }
    }

    pub fn heading(self) -> &'static str {
        match self {
            Group::Conflict => "Conflicts",
            Group::Descriptor => "Descriptors",
            Group::Omission => "Only in one",
        }
    }
}

/// The article a one-sided discrepancy is found in; `None` for conflicts, which are in both.
pub fn only_in(kind: DiscrepancyKind) -> Option<Column> {
    match kind {
        DiscrepancyKind::DescriptorOnlyInA
        | DiscrepancyKind::NumberOnlyInA
        | DiscrepancyKind::EntityOnlyInA => Some(Column::A),
        DiscrepancyKind::DescriptorOnlyInB
        | DiscrepancyKind::NumberOnlyInB
        | DiscrepancyKind::EntityOnlyInB => Some(Column::B),
        DiscrepancyKind::NumberConflict | DiscrepancyKind::AttributionConflict => None,
    }
}

/// A piece of a sentence around the words that matter, for a card or a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excerpt {
    /// Text before the focus, starting with "…" when cut.
    pub before: String,
    pub focus: String,
    /// Text after the focus, ending with "…" when cut.
    pub after: String,
}

/// Up to about `context` characters either side of `span` in `text`, cut at word boundaries.
/// An invalid span gives the start of the text as context with no focus.
pub fn excerpt(text: &str, span: Range<usize>, context: usize) -> Excerpt {
    let span = if span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
    {
        span
    } else {
        0..0
    };
    let head = &text[..span.start];
    let tail = &text[span.end..];
    let before = match head.char_indices().rev().nth(context) {
        None => head.to_string(),
        Some((at, _)) => {
            // Start at the next word so the excerpt does not open mid-word.
            let from = head[at..].find(' ').map_or(at, |p| at + p + 1);
            format!("…{}", &head[from..])
        }
    };
    let after = match tail.char_indices().nth(context) {
        None => tail.to_string(),
        Some((at, _)) => {
            let to = tail[..at].rfind(' ').unwrap_or(at);
            format!("{}…", &tail[..to])
        }
    };
    Excerpt {
        before,
        focus: text[span].to_string(),
        after,
    }
}

/// The comparison as a Markdown document: the two sources, the summary, the discrepancies, the
/// linked passages with their word differences (`~~deleted~~`, `**inserted**`), and what only one
/// side reports. Article text is escaped, so it is shown as written and never becomes markup.
pub fn markdown(c: &Comparison) -> String {
    let mut md = String::new();
    let s = &c.summary;
    let _ = writeln!(
        md,
        "# Comparison: {} ⟷ {}\n",
        esc(&c.a.title),
        esc(&c.b.title)
    );
    md.push_str("| | Article | Outlet | Sentences |\n|---|---|---|---|\n");
    for (col, side) in [(Column::A, &c.a), (Column::B, &c.b)] {
        let outlet = side
            .outlet
            .as_deref()
            .map_or_else(|| "*unknown*".to_string(), esc);
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            col.letter(),
            esc(&side.title),
            outlet,
            side.sentences.len()
        );
    }
    md.push_str("\n## Summary\n\n");
    let _ = writeln!(
        md,
        "- Share of A covered by B: {}",
        percent(s.a_covered_by_b)
    );
    let _ = writeln!(
        md,
        "- Share of B covered by A: {}",
        percent(s.b_covered_by_a)
    );
    let _ = writeln!(md, "- Shared passages (same wording): {}", s.shared);
    let _ = writeln!(md, "- Changed passages (different wording): {}", s.changed);
    let _ = writeln!(md, "- Sentences only in A: {}", s.only_in_a);
    let _ = writeln!(md, "- Sentences only in B: {}", s.only_in_b);
    let _ = writeln!(md, "- Discrepancies: {}", s.discrepancies);
    let _ = writeln!(md, "- Document similarity: {:.2}", c.similarity);

    md.push_str("\n## Discrepancies\n");
    if c.discrepancies.is_empty() {
        md.push_str("\nNone found.\n");
    }
    let mut group = None;
    for d in &c.discrepancies {
        let g = Group::of(d.kind);
        if group != Some(g) {
            let _ = writeln!(md, "\n### {}\n", g.heading());
            group = Some(g);
        }
        discrepancy_md(&mut md, d);
    }

    md.push_str("\n## Linked passages\n");
    if c.diffs.is_empty() {
        md.push_str("\nNo sentence of A reports the same thing as a sentence of B.\n");
    }
    for (link, diff) in c.links.iter().zip(&c.diffs) {
        let (sa, sb) = (&c.a.sentences[diff.a], &c.b.sentences[diff.b]);
        let _ = writeln!(
            md,
            "\n### A {} ↔ B {} ({}, match {:.2})\n",
            sa.index + 1,
            sb.index + 1,
            pair_label(diff),
            link.score
        );
        let ops: &[DiffOp] = if diff.rewritten { &[] } else { &diff.ops };
        let _ = writeln!(md, "- **A:** {}", marked_md(&sa.text, ops, Column::A));
        let _ = writeln!(md, "- **B:** {}", marked_md(&sb.text, ops, Column::B));
    }

    for (col, only) in [(Column::A, &c.only_in_a), (Column::B, &c.only_in_b)] {
        let _ = writeln!(md, "\n## Only in {}\n", col.letter());
        if only.is_empty() {
            md.push_str("Nothing.\n");
        }
        for sentence in only {
            only_md(&mut md, sentence);
        }
    }
    md
}

/// "shared", "changed" or "reworded": how a linked pair's wording compares.
pub fn pair_label(diff: &PairDiff) -> &'static str {
    if diff.rewritten {
        "reworded"
    } else if diff.ops.iter().all(|o| o.kind == DiffKind::Equal) {
        "shared"
    } else {
        "changed"
    }
}

fn discrepancy_md(md: &mut String, d: &Discrepancy) {
    let _ = writeln!(md, "- **{}:** {}", kind_label(d.kind), esc(&d.summary));
    for (col, sentence, text, span) in [
        (Column::A, d.a_sentence, &d.a_text, &d.a_span),
        (Column::B, d.b_sentence, &d.b_text, &d.b_span),
    ] {
        let (Some(i), Some(text)) = (sentence, text) else {
            continue;
        };
        let flags: Vec<Range<usize>> = span.iter().cloned().collect();
        let body: String = segments(text, &[], col, &flags)
            .iter()
            .map(|seg| {
                wrap(
                    &esc(&text[seg.range.clone()]),
                    if seg.flagged { "**" } else { "" },
                )
            })
            .collect();
        let _ = writeln!(md, "  - {} {}: {}", col.letter(), i + 1, body);
    }
}

fn only_md(md: &mut String, s: &Sentence) {
    let _ = writeln!(md, "- ({}) {}", s.index + 1, esc(&s.text));
}

fn marked_md(text: &str, ops: &[DiffOp], column: Column) -> String {
    segments(text, ops, column, &[])
        .iter()
        .map(|seg| {
            let t = esc(&text[seg.range.clone()]);
            match seg.mark {
                Mark::Same => t,
                Mark::Deleted => wrap(&t, "~~"),
                Mark::Inserted => wrap(&t, "**"),
            }
        })
        .collect()
}

/// Wraps the words of `t` in `marker`, leaving surrounding spaces outside (Markdown emphasis does
/// not open or close next to a space).
fn wrap(t: &str, marker: &str) -> String {
    let core = t.trim();
    if marker.is_empty() || core.is_empty() {
        return t.to_string();
    }
    let lead = &t[..t.len() - t.trim_start().len()];
    let trail = &t[t.trim_end().len()..];
    format!("{lead}{marker}{core}{marker}{trail}")
}

/// Backslash-escapes the characters that could make article text into Markdown or HTML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0).clamp(0.0, 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_article;
    use crate::compare::{compare, diff::word_diff};

    const SEED_A: &str = include_str!("../../../assets/corpus/000_076469dcc618ac48.txt");
    const SEED_B: &str = include_str!("../../../assets/corpus/001_49638b6ecd2811bf.txt");

    fn seeds() -> Comparison {
        compare(
            &clean_article("000_076469dcc618ac48.txt", SEED_A),
            &clean_article("001_49638b6ecd2811bf.txt", SEED_B),
        )
    }

    fn texts(text: &str, segs: &[Segment]) -> Vec<(String, Mark, bool)> {
        segs.iter()
            .map(|s| (text[s.range.clone()].to_string(), s.mark, s.flagged))
            .collect()
    }

    #[test]
    fn markdown_lists_the_seed_deportation_conflict_with_both_sentences() {
        let md = markdown(&seeds());
        let line = md
            .lines()
            .find(|l| {
                l.starts_with("- **Number:**") && l.contains("250 (A)") && l.contains("200 (B)")
            })
            .unwrap_or_else(|| panic!("no 250 vs 200 line in:\n{md}"));
        assert!(line.contains("Venezuelans"), "{line}");
        // The two sentences follow, each with the conflicting figure in bold.
        let after: Vec<&str> = md
            .lines()
            .skip_while(|l| *l != line)
            .skip(1)
            .take(2)
            .collect();
        assert!(
            after[0].starts_with("  - A ") && after[0].contains("**over 250**"),
            "{after:?}"
        );
        assert!(
            after[1].starts_with("  - B ") && after[1].contains("**over 200**"),
            "{after:?}"
        );
    }

    #[test]
    fn markdown_has_every_section_in_order_with_the_summary_numbers() {
        let c = seeds();
        let md = markdown(&c);
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
        let order = [
            "# Comparison:",
            "## Summary",
            "## Discrepancies",
            "### Conflicts",
            "## Linked passages",
            "## Only in A",
            "## Only in B",
        ];
        let mut at = 0;
        for want in order {
            let found = headings[at..].iter().position(|h| h.starts_with(want));
            at += found
                .unwrap_or_else(|| panic!("{want} missing or out of order in {headings:#?}"))
                + 1;
        }
        assert!(md.contains("The Washington Times"));
        assert!(
            md.contains("*unknown*"),
            "the AI rewrite has no outlet and the table says so"
        );
        assert!(md.contains(&format!("- Sentences only in A: {}", c.only_in_a.len())));
        assert!(md.contains(&format!(
            "- Share of A covered by B: {}",
            percent(c.summary.a_covered_by_b)
        )));
        let linked = headings.iter().filter(|h| h.starts_with("### A ")).count();
        assert_eq!(linked, c.links.len());
        let only_a = md
            .split("## Only in A")
            .nth(1)
            .unwrap()
            .split("## Only in B")
            .next()
            .unwrap();
        assert_eq!(
            only_a.lines().filter(|l| l.starts_with("- (")).count(),
            c.only_in_a.len()
        );
    }

    #[test]
    fn markdown_marks_word_changes_in_a_changed_pair() {
        let a = clean_article(
            "a.txt",
            "Report\n\nThe prison received over 250 Venezuelans last year.",
        );
        let b = clean_article(
            "b.txt",
            "Report\n\nThe prison received over 200 Venezuelans last year.",
        );
        let md = markdown(&compare(&a, &b));
        assert!(
            md.contains("- **A:** The prison received over ~~250~~ Venezuelans last year."),
            "{md}"
        );
        assert!(
            md.contains("- **B:** The prison received over **200** Venezuelans last year."),
            "{md}"
        );
        assert!(md.contains("(changed, match"), "{md}");
    }

    #[test]
    fn markdown_escapes_markup_in_article_text() {
        let a = clean_article(
            "a.txt",
            "Report\n\nOfficials said <script>alert(1)</script> was *not* [a link](x).",
        );
        let b = clean_article(
            "b.txt",
            "Report\n\nSomething else entirely happened on Tuesday.",
        );
        let md = markdown(&compare(&a, &b));
        assert!(!md.contains("<script>"), "{md}");
        assert!(md.contains(r"\<script\>alert(1)\</script\>"), "{md}");
        assert!(md.contains(r"\*not\* \[a link\](x)"), "{md}");
    }

    #[test]
    fn segments_cover_the_text_and_mark_each_side_of_a_replacement() {
        let a = "The prison received over 250 Venezuelans last year.";
        let b = "The prison received over 200 Venezuelans last year.";
        let (ops, _) = word_diff(a, b);
        let sa = segments(a, &ops, Column::A, &[]);
        assert_eq!(
            sa.iter().map(|s| &a[s.range.clone()]).collect::<String>(),
            a
        );
        assert_eq!(
            texts(a, &sa),
            vec![
                ("The prison received over ".into(), Mark::Same, false),
                ("250".into(), Mark::Deleted, false),
                (" Venezuelans last year.".into(), Mark::Same, false),
            ]
        );
        let sb = segments(b, &ops, Column::B, &[]);
        assert!(texts(b, &sb).contains(&("200".into(), Mark::Inserted, false)));
        assert!(
            !sb.iter().any(|s| s.mark == Mark::Deleted),
            "B never shows deletions"
        );
    }

    #[test]
    fn segments_overlay_flags_on_diff_marks_and_split_where_they_cross() {
        let a = "Kast toured the vast prison on Tuesday.";
        let b = "Kast toured the prison on Tuesday.";
        let (ops, _) = word_diff(a, b);
        let flag = a
            .find("vast prison")
            .map(|i| i..i + "vast prison".len())
            .unwrap();
        let segs = texts(a, &segments(a, &ops, Column::A, &[flag]));
        assert_eq!(
            segs,
            vec![
                ("Kast toured the ".into(), Mark::Same, false),
                ("vast".into(), Mark::Deleted, true),
                (" prison".into(), Mark::Same, true),
                (" on Tuesday.".into(), Mark::Same, false),
            ]
        );
    }

    #[test]
    fn segments_ignore_ranges_that_split_a_character() {
        let text = "José visitó la cárcel.";
        let inside_e = 3..4; // "é" is bytes 3..5
        let segs = segments(text, &[], Column::A, &[inside_e, 100..120]);
        assert_eq!(texts(text, &segs), vec![(text.into(), Mark::Same, false)]);
    }

    #[test]
    fn excerpt_cuts_at_words_and_keeps_the_focus_whole() {
        let text = "In a long speech on Tuesday the minister said that over 250 Venezuelans were deported to the prison last spring.";
        let at = text.find("over 250").unwrap();
        let e = excerpt(text, at..at + 8, 20);
        assert_eq!(e.focus, "over 250");
        assert!(e.before.starts_with('…') && e.after.ends_with('…'), "{e:?}");
        assert!(e.before.ends_with("said that "), "{e:?}");
        assert!(!e.before[3..].starts_with(' '), "starts on a word: {e:?}");
        assert!(
            e.before.chars().count() <= 22 && e.after.chars().count() <= 22,
            "{e:?}"
        );
        let short = excerpt("Over 250 left.", 0..8, 20);
        assert_eq!(
            (short.before.as_str(), short.after.as_str()),
            ("", " left.")
        );
    }

    #[test]
    fn one_sided_kinds_name_their_side_and_conflicts_name_none() {
        assert_eq!(only_in(DiscrepancyKind::EntityOnlyInB), Some(Column::B));
        assert_eq!(only_in(DiscrepancyKind::DescriptorOnlyInA), Some(Column::A));
        assert_eq!(only_in(DiscrepancyKind::NumberConflict), None);
        assert!(
            Group::of(DiscrepancyKind::AttributionConflict)
                < Group::of(DiscrepancyKind::NumberOnlyInA)
        );
    }
}
