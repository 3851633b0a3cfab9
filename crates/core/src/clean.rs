//! Turning a raw article file into a clean [`Article`], by general rules.
//!
//! Text pasted or scraped from news sites carries site furniture ("Featured", "Source link",
//! "Related Posts", pagers like "1 of 1,537", copyright lines) and often prints the headline twice.
//! The rules here recognise those shapes wherever they occur, never particular files. Every line
//! taken out is kept in [`Article::removed`] with its reason, so the reader can see exactly what was
//! removed and nothing is lost silently. Metadata the clutter carries (a copyright line's year and
//! outlet) is kept.
//!
//! Input may start with a front-matter block (`---` / `key: value` lines / `---`) giving `title`,
//! `outlet`, `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), `language`, `author` and `url`; what it
//! states wins over what the rules infer. `removed:` lines carry removals an earlier import
//! disclosed (see [`crate::import::to_corpus_file`]).

use crate::corpus::{slug, Article, PartialDate, RemovalReason, RemovedLine};

/// Words a slug-based id keeps from the title: enough to be readable, short enough for a URL.
const ID_WORDS: usize = 8;

/// Lines that are site furniture when they stand alone, compared after [`line_key`].
const BOILERPLATE: &[&str] = &[
    "advertisement",
    "all rights reserved",
    "comments",
    "continue reading",
    "email",
    "featured",
    "leave a comment",
    "most popular",
    "print",
    "read more",
    "recommended",
    "related",
    "related articles",
    "related content",
    "related posts",
    "related stories",
    "scroll to continue",
    "share",
    "share this",
    "share this article",
    "sign up for our newsletter",
    "skip to content",
    "skip to main content",
    "source link",
    "sponsored",
    "story continues below advertisement",
    "subscribe",
    "trending",
    "tweet",
    "you may also like",
];

/// Headings after which a site lists other stories: the short lines that follow are that list.
const RELATED_HEADINGS: &[&str] = &[
    "more from",
    "most popular",
    "recommended",
    "related",
    "related articles",
    "related content",
    "related posts",
    "related stories",
    "you may also like",
];

/// A line this short with no closing punctuation, after a related-stories heading, is a headline
/// in that list rather than prose.
const RELATED_ITEM_MAX_WORDS: usize = 16;

/// A first line longer than this is a paragraph, not a headline.
const TITLE_MAX_WORDS: usize = 30;

/// Cleans one raw article. `source_file` is recorded as given (the file's name, not a path).
pub fn clean_article(source_file: &str, raw: &str) -> Article {
    clean_with(source_file, raw, Metadata::default())
}

/// [`clean_article`] where `given` metadata wins over both the front matter and what the rules
/// infer (the paste form's fields).
pub(crate) fn clean_with(source_file: &str, raw: &str, given: Metadata) -> Article {
    let (front, carried, body_start) = front_matter(raw);
    let lines: Vec<(usize, &str)> = raw
        .lines()
        .enumerate()
        .skip(body_start)
        .map(|(i, l)| (i + 1, l))
        .collect();
    clean_lines(source_file, given.or(front), &lines, carried)
}

/// The cleaning rules over lines already split from their source: `(1-based line number, text)`,
/// an empty text separating paragraphs. `removed` holds what an earlier stage (HTML extraction)
/// already took out; the cleaner's own removals join it in line order.
pub(crate) fn clean_lines(
    source_file: &str,
    meta: Metadata,
    lines: &[(usize, &str)],
    mut removed: Vec<RemovedLine>,
) -> Article {
    let title = meta.title.clone();
    let mut outlet = meta.outlet.clone();
    let mut published = meta.date;
    // `None` separates paragraphs; `Some(line)` is a kept line of body text.
    let mut kept: Vec<Option<&str>> = Vec::new();
    let mut in_related_list = false;
    let mut title_line: Option<&str> = meta.title.as_deref();
    // A given title (front matter, a page's metadata) is often printed again as the body's first
    // line, just as a detected headline is.
    let mut expecting_repeat = title.is_some();

    for &(no, line) in lines {
        let line = line.trim();
        if line.is_empty() {
            kept.push(None);
            continue;
        }
        let key = line_key(line);
        let reason = if let Some((year, owner)) = copyright(line) {
            published = published.or(Some(PartialDate {
                year,
                month: None,
                day: None,
            }));
            if outlet.is_none() {
                outlet = owner;
            }
            Some(RemovalReason::Copyright)
        } else if is_counter(&key) {
            Some(RemovalReason::Counter)
        } else if BOILERPLATE.contains(&key.as_str())
            || is_related_heading(&key)
            || (in_related_list && looks_like_list_item(line))
        {
            Some(RemovalReason::Boilerplate)
        } else if expecting_repeat && title_line.is_some_and(|t| line_key(t) == key) {
            Some(RemovalReason::RepeatedTitle)
        } else {
            None
        };
        if is_related_heading(&key) {
            in_related_list = true;
        } else if reason.is_none() {
            in_related_list = false;
        }
        if let Some(reason) = reason {
            removed.push(RemovedLine {
                line: no,
                text: line.to_string(),
                reason,
            });
            continue;
        }
        if title_line.is_none() && looks_like_title(line) {
            title_line = Some(line);
            expecting_repeat = true;
            continue;
        }
        expecting_repeat = false;
        kept.push(Some(line));
    }
    removed.sort_by_key(|r| r.line);

    let paragraphs = join_paragraphs(&kept);
    let title = title
        .or_else(|| title_line.map(str::to_string))
        .unwrap_or_else(|| headline_from(&paragraphs));
    let dateline = paragraphs.first().and_then(|p| dateline(p));
    let word_count = paragraphs.iter().map(|p| count_words(p)).sum();
    let language = meta
        .language
        .unwrap_or_else(|| detect_language(&paragraphs).to_string());

    Article {
        id: slug(&title, ID_WORDS),
        title,
        outlet,
        published,
        dateline,
        author: meta.author,
        url: meta.url,
        language,
        source_file: source_file.to_string(),
        paragraphs,
        removed,
        word_count,
    }
}

/// Lowercased, with inner whitespace collapsed and trailing punctuation and arrows dropped, so
/// "Related Posts:" and "RELATED  POSTS" compare equal.
fn line_key(line: &str) -> String {
    let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
    words
        .join(" ")
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || matches!(c, '»' | '›' | '→' | '…'))
        .to_string()
}

fn is_related_heading(key: &str) -> bool {
    RELATED_HEADINGS.contains(&key) || key.starts_with("more from ")
}

/// A pager or list counter standing alone: "1 of 1,537", "3/12", "Photo 2 of 9".
fn is_counter(key: &str) -> bool {
    let key = ["page ", "photo ", "image ", "slide "]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .unwrap_or(key);
    let is_number = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == ',');
    let parts: Vec<&str> = key.split(" of ").collect();
    let parts = if parts.len() == 2 {
        parts
    } else {
        key.split('/').map(str::trim).collect()
    };
    parts.len() == 2 && parts.iter().all(|p| is_number(p))
}

/// "Copyright © 2026 The Washington Times, LLC." -> (2026, Some("The Washington Times")).
fn copyright(line: &str) -> Option<(u16, Option<String>)> {
    let lower = line.to_lowercase();
    let rest = ["copyright", "©", "(c)"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    if line.split_whitespace().count() > 20 {
        return None;
    }
    // Work on the original text (for the outlet's capitals) from the same byte offset.
    let rest = &line[line.len() - rest.len()..];
    let rest = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '©' | '(' | ')' | 'c' | 'C')
    });
    let year_at = rest.find(|c: char| c.is_ascii_digit())?;
    let year_str: String = rest[year_at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let year: u16 = year_str
        .parse()
        .ok()
        .filter(|y| (1900..=2199).contains(y))?;
    let mut owner = rest[year_at + year_str.len()..].trim();
    // A range such as "2020-2026" names the latest year last; keep the first for simplicity of
    // meaning ("as of"), the owner follows the range.
    owner = owner.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–' | ','));
    let mut owner = owner.trim().to_string();
    for tail in [
        "all rights reserved",
        "llc",
        "inc",
        "ltd",
        "limited",
        "plc",
        "gmbh",
        "s.a",
        "by",
    ] {
        owner = strip_suffix_ci(&owner, tail);
    }
    let owner = owner.trim_start_matches("by ").trim().to_string();
    Some((year, (!owner.is_empty()).then_some(owner)))
}

/// Removes a trailing word (case-insensitive) and the punctuation around it.
fn strip_suffix_ci(s: &str, tail: &str) -> String {
    let trimmed = s.trim_end_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
    let lower = trimmed.to_lowercase();
    match lower.strip_suffix(tail) {
        Some(head) if head.is_empty() || head.ends_with([' ', ',', '.']) => trimmed[..head.len()]
            .trim_end_matches(|c: char| c == '.' || c == ',' || c.is_whitespace())
            .to_string(),
        _ => trimmed.to_string(),
    }
}

fn looks_like_list_item(line: &str) -> bool {
    line.split_whitespace().count() <= RELATED_ITEM_MAX_WORDS && !line.ends_with(['.', '"', '”'])
}

/// A headline is short and does not end like a sentence (a question or exclamation may).
fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=TITLE_MAX_WORDS).contains(&words) && !line.ends_with('.')
}

/// When no line looks like a headline: the body's first words stand in, marked as cut.
fn headline_from(paragraphs: &[String]) -> String {
    let first = paragraphs.first().map(String::as_str).unwrap_or("");
    let words: Vec<&str> = first.split_whitespace().take(10).collect();
    match words.len() {
        0 => "Untitled".to_string(),
        n if n < first.split_whitespace().count() => format!("{}…", words.join(" ")),
        _ => words.join(" "),
    }
}

/// Consecutive kept lines form one paragraph (hard-wrapped text); blank lines separate them.
fn join_paragraphs(kept: &[Option<&str>]) -> Vec<String> {
    kept.split(Option::is_none)
        .filter(|run| !run.is_empty())
        .map(|run| run.iter().flatten().copied().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The place line that opens a news report: "SAN SALVADOR — ...", "WASHINGTON, Jan. 9 (AP) - ...".
/// Returns the place as written. The paragraph keeps it; this only records it.
pub fn dateline(paragraph: &str) -> Option<String> {
    let (head, _) = ["—", "–", " -- ", " - "]
        .iter()
        .filter_map(|sep| paragraph.split_once(sep))
        .min_by_key(|(head, _)| head.len())?;
    if head.chars().count() > 60 {
        return None;
    }
    let place = head.split(',').next()?.trim();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let only_name_chars = place
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    (all_caps && only_name_chars).then(|| place.to_string())
}

fn count_words(text: &str) -> usize {
    unicode_segmentation::UnicodeSegmentation::unicode_words(text).count()
}

/// Function words that tell common languages apart. A language is named only when its words
/// clearly dominate; otherwise "und", because a wrong label is worse than none.
const LANGUAGE_MARKERS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "was", "that", "with", "for", "his", "has", "have",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "que", "y", "por", "con", "para", "una", "es", "fue",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "des", "est", "et", "du", "une", "dans", "pour", "qui", "sur", "au",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "ein", "eine", "zu",
        ],
    ),
    (
        "pt",
        &[
            "os", "as", "do", "da", "que", "e", "não", "com", "para", "uma", "foi", "em",
        ],
    ),
    (
        "it",
        &[
            "il", "gli", "della", "che", "e", "di", "non", "con", "per", "una", "sono", "nel",
        ],
    ),
];

/// Words enough to tell a language: reading more of a long text changes nothing but the time a
/// 20 MB import takes.
const LANGUAGE_SAMPLE_WORDS: usize = 5_000;

pub fn detect_language(paragraphs: &[String]) -> &'static str {
    let mut counts = [0usize; LANGUAGE_MARKERS.len()];
    let mut total = 0usize;
    let words = paragraphs
        .iter()
        .flat_map(|p| unicode_segmentation::UnicodeSegmentation::unicode_words(p.as_str()))
        .take(LANGUAGE_SAMPLE_WORDS);
    for word in words {
        total += 1;
        let word = word.to_lowercase();
        for (i, (_, markers)) in LANGUAGE_MARKERS.iter().enumerate() {
            if markers.contains(&word.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let (best, &hits) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(_, c)| *c)
        .unwrap_or((0, &0));
    let runner_up = counts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, c)| *c)
        .max()
        .unwrap_or(0);
    // At least one marker in twelve words, and clearly ahead of the next language.
    if total >= 12 && hits * 12 >= total && hits >= runner_up * 2 {
        LANGUAGE_MARKERS[best].0
    } else {
        "und"
    }
}

/// Metadata an article's source states. In a front-matter block, a value may be written in double
/// quotes (`title: "Kast: \"a model\""`), with `\"` and `\\` escaped, so any title survives.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<PartialDate>,
    pub language: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

impl Metadata {
    /// Each field from `self` when stated, otherwise from `fallback`.
    pub fn or(self, fallback: Metadata) -> Metadata {
        Metadata {
            title: self.title.or(fallback.title),
            outlet: self.outlet.or(fallback.outlet),
            date: self.date.or(fallback.date),
            language: self.language.or(fallback.language),
            author: self.author.or(fallback.author),
            url: self.url.or(fallback.url),
        }
    }
}

/// The `key: value` lines of a leading `---` block, with the index of the first body line; no
/// block gives no lines and index 0.
fn front_matter_lines(raw: &str) -> (Vec<(&str, String)>, usize) {
    let mut lines = raw.lines();
    if lines.next().map(str::trim) != Some("---") {
        return (Vec::new(), 0);
    }
    let mut fields = Vec::new();
    for (i, line) in lines.enumerate() {
        if line.trim() == "---" {
            return (fields, i + 2);
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        if !value.is_empty() {
            fields.push((key.trim(), value));
        }
    }
    // An opening `---` with no closing one is body text after all.
    (Vec::new(), 0)
}

/// `"a \"b\""` -> `a "b"`; an unquoted value loses stray quotes at its ends, as hand-written
/// files expect.
fn unquote(value: &str) -> String {
    let quoted = value.len() >= 2 && value.starts_with('"') && value.ends_with('"');
    if !quoted {
        return value.trim_matches('"').trim().to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value[1..value.len() - 1].chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some(next @ ('"' | '\\'))) => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// Parses a leading `---` block: its metadata, the removals it carries and the index of the first
/// body line.
///
/// `removed:` lines (`removed: "12 | navigation | Home · World"`) are what an earlier import took
/// out of the original file, carried along so the disclosure survives a rebuild from the corpus.
fn front_matter(raw: &str) -> (Metadata, Vec<RemovedLine>, usize) {
    let (fields, body_start) = front_matter_lines(raw);
    let mut fm = Metadata::default();
    let mut removed = Vec::new();
    for (key, value) in fields {
        match key.to_lowercase().as_str() {
            "title" => fm.title = Some(value),
            "outlet" | "site" | "publisher" => fm.outlet = Some(value),
            "date" | "published" => fm.date = parse_date(&value),
            "language" | "lang" => fm.language = Some(value),
            "author" | "byline" => fm.author = Some(value),
            "url" | "link" | "source" => fm.url = Some(value),
            "removed" => removed.extend(carried_removal(&value)),
            _ => {}
        }
    }
    (fm, removed, body_start)
}

fn carried_removal(value: &str) -> Option<RemovedLine> {
    let mut parts = value.splitn(3, " | ");
    let line = parts.next()?.trim().parse().ok()?;
    let reason = RemovalReason::from_label(parts.next()?.trim())?;
    let text = parts.next()?.to_string();
    Some(RemovedLine { line, text, reason })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time part after the date is ignored).
pub fn parse_date(s: &str) -> Option<PartialDate> {
    let date = s.split(['T', ' ']).next()?;
    let mut parts = date.split('-');
    let year = parts
        .next()?
        .parse()
        .ok()
        .filter(|y| (1000..=9999).contains(y))?;
    let month = parts
        .next()
        .map(|m| m.parse().ok().filter(|m| (1..=12).contains(m)));
    let day = parts
        .next()
        .map(|d| d.parse().ok().filter(|d| (1..=31).contains(d)));
    match (month, day) {
        (Some(None), _) | (_, Some(None)) => None,
        (m, d) => Some(PartialDate {
            year,
            month: m.flatten(),
            day: d.flatten(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_REPEATED_TITLE: &str =
        include_str!("../../../assets/corpus/000_076469dcc618ac48.txt");
    const SEED_CLUTTERED: &str = include_str!("../../../assets/corpus/001_49638b6ecd2811bf.txt");

    fn reasons(a: &Article) -> Vec<(&str, RemovalReason)> {
        a.removed
            .iter()
            .map(|r| (r.text.as_str(), r.reason))
            .collect()
    }

    #[test]
    fn repeated_title_is_dropped_from_the_body() {
        let a = clean_article(
            "x.txt",
            "Storm hits coast\n\nStorm hits coast\n\nThe storm hit the coast at dawn.",
        );
        assert_eq!(a.title, "Storm hits coast");
        assert_eq!(a.paragraphs, ["The storm hit the coast at dawn."]);
        assert_eq!(
            reasons(&a),
            [("Storm hits coast", RemovalReason::RepeatedTitle)]
        );
    }

    #[test]
    fn title_repeated_later_in_the_body_is_kept() {
        // Only a repeat straight after the headline is furniture; a later one is the author's.
        let a = clean_article("x.txt", "Storm\n\nThe storm came.\n\nStorm\n\nIt left.");
        assert!(a.removed.is_empty());
        assert_eq!(a.paragraphs, ["The storm came.", "Storm", "It left."]);
    }

    #[test]
    fn site_furniture_lines_are_removed_wherever_they_stand() {
        let raw = "Featured\n\nMarkets rally\n\nStocks rose on Monday.\n\nAdvertisement\n\nBonds fell.\n\nSource link";
        let a = clean_article("x.txt", raw);
        assert_eq!(a.title, "Markets rally");
        assert_eq!(a.paragraphs, ["Stocks rose on Monday.", "Bonds fell."]);
        assert_eq!(
            reasons(&a),
            [
                ("Featured", RemovalReason::Boilerplate),
                ("Advertisement", RemovalReason::Boilerplate),
                ("Source link", RemovalReason::Boilerplate)
            ]
        );
    }

    #[test]
    fn a_word_inside_prose_is_not_furniture() {
        let a = clean_article(
            "x.txt",
            "Title\n\nShe was featured in the related posts of the site.",
        );
        assert!(a.removed.is_empty());
    }

    #[test]
    fn counters_are_removed_but_numbers_in_prose_are_not() {
        for counter in ["1 of 1,537", "3/12", "Photo 2 of 9", "Page 4 of 10"] {
            let a = clean_article("x.txt", &format!("Title\n\nBody text.\n\n{counter}"));
            assert_eq!(
                reasons(&a),
                [(counter, RemovalReason::Counter)],
                "{counter}"
            );
        }
        let a = clean_article("x.txt", "Title\n\n1 of 3 voters agreed.");
        assert!(a.removed.is_empty());
    }

    #[test]
    fn copyright_line_yields_outlet_and_year() {
        let a = clean_article(
            "x.txt",
            "Title\n\nBody.\n\nCopyright © 2024 The Daily Planet, Inc. All rights reserved.",
        );
        assert_eq!(a.outlet.as_deref(), Some("The Daily Planet"));
        assert_eq!(
            a.published,
            Some(PartialDate {
                year: 2024,
                month: None,
                day: None
            })
        );
        assert_eq!(reasons(&a)[0].1, RemovalReason::Copyright);
        let b = clean_article("x.txt", "Title\n\nBody.\n\n© 2019 Gazette");
        assert_eq!(b.outlet.as_deref(), Some("Gazette"));
    }

    #[test]
    fn unknown_outlet_stays_unknown() {
        let a = clean_article("x.txt", "Title\n\nA plain report with no source line.");
        assert_eq!(a.outlet, None);
        assert_eq!(a.published, None);
    }

    #[test]
    fn headlines_listed_after_a_related_heading_are_removed() {
        let raw = "Title\n\nThe report ends here.\n\nRelated Posts\n\nAnother story about prisons\n\nA third headline";
        let a = clean_article("x.txt", raw);
        assert_eq!(a.paragraphs, ["The report ends here."]);
        assert_eq!(a.removed.len(), 3);
    }

    #[test]
    fn dateline_is_metadata_and_stays_in_the_text() {
        let a = clean_article("x.txt", "Title\n\nSAN SALVADOR — The president spoke.");
        assert_eq!(a.dateline.as_deref(), Some("SAN SALVADOR"));
        assert!(a.paragraphs[0].starts_with("SAN SALVADOR —"));
        assert_eq!(
            dateline("WASHINGTON, Jan. 9 (AP) - Lawmakers met."),
            Some("WASHINGTON".into())
        );
        // A dash inside an ordinary sentence is not a dateline.
        assert_eq!(
            dateline("Kast’s approach – though polarizing – resonated."),
            None
        );
        assert_eq!(dateline("The UN — and others — objected."), None);
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_paragraph() {
        let a = clean_article(
            "x.txt",
            "Title\n\nFirst line of a paragraph\nthat goes on here.\n\nSecond.",
        );
        assert_eq!(
            a.paragraphs,
            ["First line of a paragraph that goes on here.", "Second."]
        );
    }

    #[test]
    fn front_matter_overrides_inferred_metadata() {
        let raw = "---\ntitle: Given title\noutlet: Gazette\ndate: 2025-03-04\nlanguage: es\n---\nBody only here.\n";
        let a = clean_article("x.md", raw);
        assert_eq!(a.title, "Given title");
        assert_eq!(a.outlet.as_deref(), Some("Gazette"));
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(a.language, "es");
        assert_eq!(a.paragraphs, ["Body only here."]);
    }

    #[test]
    fn text_without_a_headline_gets_one_from_its_first_words() {
        let long = "This is a long opening paragraph that reads like prose. It has sentences and it never stops to give a headline at all, as some pasted text does.";
        let a = clean_article("x.txt", long);
        assert_eq!(
            a.title,
            "This is a long opening paragraph that reads like prose.…"
        );
        assert_eq!(a.paragraphs, [long]);
    }

    #[test]
    fn language_is_detected_or_left_undetermined() {
        let en = vec![
            "The president said that the prison was built for the gangs and has room for many."
                .to_string(),
        ];
        assert_eq!(detect_language(&en), "en");
        let es = vec!["El presidente dijo que la cárcel fue construida para las pandillas y que es para los presos del país.".to_string()];
        assert_eq!(detect_language(&es), "es");
        assert_eq!(detect_language(&["Kast Bukele CECOT".to_string()]), "und");
    }

    #[test]
    fn language_of_a_long_text_is_read_from_its_opening() {
        let english = "The president said that the prison was built for the gangs. ".repeat(500);
        let spanish =
            "El presidente dijo que la cárcel fue construida para las pandillas. ".repeat(2000);
        assert_eq!(detect_language(&[english.clone(), spanish.clone()]), "en");
        assert_eq!(detect_language(&[spanish, english]), "es");
    }

    #[test]
    fn parse_date_keeps_only_stated_precision() {
        assert_eq!(
            parse_date("2026").map(|d| d.to_string()).as_deref(),
            Some("2026")
        );
        assert_eq!(
            parse_date("2026-01").map(|d| d.to_string()).as_deref(),
            Some("2026-01")
        );
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn seed_with_doubled_title_reads_clean() {
        let a = clean_article("000_076469dcc618ac48.txt", SEED_REPEATED_TITLE);
        assert_eq!(
            a.title,
            "BUK ELE'S IRON FIST: Is Chile Next to Embrace Dictator-Style Security?"
        );
        assert_eq!(
            reasons(&a),
            [(a.title.as_str(), RemovalReason::RepeatedTitle)]
        );
        assert_eq!(a.outlet, None);
        assert_eq!(a.language, "en");
        assert!(a.paragraphs[0].starts_with("Chile’s newly elected President José Antonio Kast"));
        assert_eq!(a.paragraphs.len(), 11);
    }

    #[test]
    fn seed_with_web_clutter_reads_clean_and_discloses_it() {
        let a = clean_article("001_49638b6ecd2811bf.txt", SEED_CLUTTERED);
        assert_eq!(a.title, "Chile’s far-right president-elect visits El Salvador mega-prison, plans to talk security with Bukele");
        assert_eq!(a.id, "chiles-far-right-president-elect-visits-el-salvador");
        assert_eq!(a.outlet.as_deref(), Some("The Washington Times"));
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2026"));
        assert_eq!(a.dateline.as_deref(), Some("SAN SALVADOR"));
        let removed: Vec<_> = a.removed.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            removed,
            [
                "Featured",
                "Copyright © 2026 The Washington Times, LLC.",
                "Source link",
                "Related Posts",
                "1 of 1,537"
            ]
        );
        let body = a.paragraphs.join("\n");
        for clutter in removed {
            assert!(!body.contains(clutter), "{clutter} left in the body");
        }
        assert!(a
            .paragraphs
            .last()
            .unwrap()
            .starts_with("Kast and his delegation met"));
    }
}
