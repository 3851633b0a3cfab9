//! Sentence segmentation tuned for news prose.
//!
//! A sentence ends at `.`, `?`, `!` or an ellipsis (plus any closing quotes/brackets) when
//! whitespace follows and the next sentence plausibly starts there: the next visible character is
//! not lowercase and not continuing punctuation (`,` `;` `:` dashes), so datelines ("WASHINGTON,
//! D.C. — ...") and "e.g. the" never split. A blank line always ends a sentence; a single newline is
//! plain whitespace so hard-wrapped text stays whole. After a period, the word before it decides:
//! titles (Mr., Gen.) never end a sentence, "No." does not before a digit, and ambiguous
//! abbreviations (U.S., Inc., Jan., a.m.) and initials ("José A. Kast") end one only when the next
//! word is a capitalised function word ("The", "He", "But"), the one cheap signal that tells
//! "the U.S. The move" from "the U.S. Embassy".

use super::{fold, is_stopword};
use std::ops::Range;

/// Precede a name; a sentence virtually never ends on them. Matched on the folded word, only when
/// the original is capitalised.
const TITLES: &[&str] = &[
    "adm", "atty", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "gen", "gov", "hon",
    "insp", "lt", "maj", "messrs", "mr", "mrs", "ms", "pres", "prof", "pvt", "rep", "rev", "sen",
    "sgt", "supt",
];

/// Capitalised abbreviations that may or may not end a sentence: months (not May, June, July,
/// which are never abbreviated with a period), company suffixes, street words, AP state names.
const AMBIGUOUS: &[&str] = &[
    "ala", "apr", "ariz", "ark", "assn", "aug", "ave", "blvd", "bros", "calif", "co", "colo",
    "conn", "corp", "dec", "dept", "feb", "fla", "ft", "ga", "gov't", "inc", "jan", "jr", "jul",
    "jun", "kan", "ky", "llc", "ltd", "md", "mich", "minn", "mo", "mont", "mt", "neb", "nev",
    "nov", "oct", "okla", "ore", "pa", "plc", "rd", "sep", "sept", "sr", "st", "tenn", "univ",
    "va", "vt", "wis", "wyo",
];

/// Abbreviations written in lowercase too.
const LOWER_NEVER: &[&str] = &["cf", "e.g", "i.e", "viz", "vs"];
const LOWER_AMBIGUOUS: &[&str] = &["approx", "est", "etc"];

/// Abbreviations that introduce a number ("No. 5", "Vol. 2").
const NUMBERED: &[&str] = &["art", "fig", "no", "nos", "pp", "vol"];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[')
}

/// Punctuation that continues the current sentence when it follows a period and a space.
fn is_continuation(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '&' | '%' | ')' | ']' | '}'
    )
}

/// Sentence byte ranges (trimmed) in `text`, fit for news prose; see the module docs for the rules.
/// Text after the last terminator is still a sentence; whitespace-only stretches yield nothing.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    // Byte positions throughout, decoding a char only where one is asked for: a paragraph is
    // nearly all bytes that can be neither a terminator nor a line break, and skipping them
    // costs less than decoding every char up front.
    let bytes = text.as_bytes();
    let n = text.len();
    let ch = |p: usize| text[p..].chars().next().unwrap_or(' ');
    let next = |p: usize| p + ch(p).len_utf8();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        if bytes[i].is_ascii() && !matches!(bytes[i], b'\n' | b'.' | b'?' | b'!') {
            i += 1;
            continue;
        }
        let c = ch(i);
        if c == '\n' {
            let mut j = i + 1;
            while j < n && ch(j) != '\n' && ch(j).is_whitespace() {
                j = next(j);
            }
            if j < n && ch(j) == '\n' {
                push_trimmed(text, start..i, &mut out);
                start = j;
                i = j + 1;
                continue;
            }
            i += 1;
            continue;
        }
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let mut j = next(i);
        while j < n && is_terminator(ch(j)) {
            j = next(j);
        }
        let term_end = j;
        while j < n && is_closer(ch(j)) {
            j = next(j);
        }
        if j == n {
            break;
        }
        // "2.5", "U.S.-backed", "example.com": a terminator glued to what follows is not one.
        if !ch(j).is_whitespace() {
            i = j;
            continue;
        }
        let mut k = j;
        while k < n && ch(k).is_whitespace() {
            k = next(k);
        }
        if k == n {
            break;
        }
        let single_period = c == '.' && term_end == i + 1;
        let closed = term_end < j;
        if ends_sentence(text, i, k, single_period && !closed) {
            push_trimmed(text, start..j, &mut out);
            start = j;
        }
        i = j;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Decides a candidate boundary: `i` is the byte of the terminator, `k` that of the next
/// visible char.
fn ends_sentence(text: &str, i: usize, k: usize, check_word: bool) -> bool {
    let next = text[k..].chars().next().unwrap_or(' ');
    if next.is_lowercase() || is_continuation(next) {
        return false;
    }
    if !check_word {
        return true;
    }
    let before = text[..i]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’'))
        .last();
    let w = before.map_or(i, |(p, _)| p);
    let word = text[w..i].trim_start_matches(['.', '\'', '’']);
    let Some(first) = word.chars().next() else {
        return true;
    };
    let folded = fold(word);
    let key = folded.as_str();
    let capital = first.is_uppercase();
    if LOWER_NEVER.contains(&key) || (capital && TITLES.binary_search(&key).is_ok()) {
        return false;
    }
    if NUMBERED.binary_search(&key).is_ok() && first.is_alphabetic() {
        return !next.is_numeric();
    }
    let initial = capital && word.chars().count() == 1;
    let ambiguous = LOWER_AMBIGUOUS.contains(&key)
        || (capital && AMBIGUOUS.binary_search(&key).is_ok())
        || is_dotted_initialism(word);
    if !(ambiguous || initial) {
        return true;
    }
    if is_opener(next) {
        return true;
    }
    // Only a capitalised function word signals a new sentence after an abbreviation.
    let rest = &text[k..];
    let next_word: &str = rest
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .next()
        .unwrap_or("");
    let next_is_initial =
        next_word.chars().count() == 1 && rest[next_word.len()..].starts_with('.');
    if next_word.is_empty() || next_is_initial {
        return false;
    }
    // "José A. I" is rarer than "Plan B. I"; but "A" after an initial is itself an initial.
    if initial && next_word.chars().count() == 1 {
        return false;
    }
    is_stopword(&fold(next_word))
}

/// "U.S", "a.m", "D.C", "U.S.A": single letters joined by periods.
pub(super) fn is_dotted_initialism(word: &str) -> bool {
    // A byte loop: this runs for every token, and tokens are short.
    word.bytes().any(|b| b == b'.')
        && word.split('.').all(|p| {
            let mut cs = p.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
        })
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let t = t.trim_end();
    if !t.is_empty() {
        out.push(r.start + lead..r.start + lead + t.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviation_lists_are_sorted_for_binary_search() {
        for list in [TITLES, AMBIGUOUS, NUMBERED] {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{:?} before {:?}", pair[0], pair[1]);
            }
        }
    }

    #[test]
    fn sentences_split_on_period_question_and_exclamation() {
        assert_eq!(
            split("It rained. Did it stop? No! The end."),
            ["It rained.", "Did it stop?", "No!", "The end."]
        );
    }

    #[test]
    fn sentences_keep_last_sentence_without_final_period() {
        assert_eq!(
            split("One thing. And another"),
            ["One thing.", "And another"]
        );
        assert_eq!(split("No punctuation at all"), ["No punctuation at all"]);
    }

    #[test]
    fn sentences_trim_whitespace_out_of_ranges() {
        let text = "  \n First one.   Second one.\t \n ";
        assert_eq!(split(text), ["First one.", "Second one."]);
        assert!(sentences("   \n\t ").is_empty());
        assert!(sentences("").is_empty());
    }

    #[test]
    fn sentences_do_not_split_us_in_mid_sentence() {
        assert_eq!(
            split("The U.S. Embassy said the U.S. military would help. Officials agreed."),
            [
                "The U.S. Embassy said the U.S. military would help.",
                "Officials agreed."
            ]
        );
    }

    #[test]
    fn sentences_split_after_us_when_a_new_sentence_clearly_starts() {
        assert_eq!(
            split("He was deported to the U.S. The move angered critics."),
            ["He was deported to the U.S.", "The move angered critics."]
        );
    }

    #[test]
    fn sentences_do_not_split_after_titles() {
        assert_eq!(
            split("Gen. Smith met Mr. Jones, Mrs. Lee, Dr. Ortiz, Sen. Paul, Rep. Ocasio and Gov. Abbott. They talked."),
            [
                "Gen. Smith met Mr. Jones, Mrs. Lee, Dr. Ortiz, Sen. Paul, Rep. Ocasio and Gov. Abbott.",
                "They talked."
            ]
        );
    }

    #[test]
    fn sentences_do_not_split_after_initials() {
        assert_eq!(
            split(
                "President-elect José A. Kast arrived. J. R. R. Tolkien wrote. Plan B. The rest."
            ),
            [
                "President-elect José A. Kast arrived.",
                "J. R. R. Tolkien wrote.",
                "Plan B.",
                "The rest."
            ]
        );
    }

    #[test]
    fn sentences_do_not_split_months_before_dates_but_may_is_a_word() {
        assert_eq!(
            split("On Jan. 5 and Dec. 31 it rained. It ended in May. Then it was dry."),
            [
                "On Jan. 5 and Dec. 31 it rained.",
                "It ended in May.",
                "Then it was dry."
            ]
        );
    }

    #[test]
    fn sentences_handle_company_and_name_suffixes() {
        assert_eq!(
            split("Acme Inc. said Acme Co. and Beta Ltd. merged with Gamma Corp. Shares rose. He works for Acme Inc. The firm is big. Martin Luther King Jr. spoke."),
            [
                "Acme Inc. said Acme Co. and Beta Ltd. merged with Gamma Corp. Shares rose.",
                "He works for Acme Inc.",
                "The firm is big.",
                "Martin Luther King Jr. spoke."
            ]
        );
    }

    #[test]
    fn sentences_do_not_split_lowercase_abbreviations() {
        assert_eq!(
            split("Prisons, e.g. CECOT, i.e. the largest, opened at 9 a.m. Friday vs. rivals etc. and more. Done."),
            [
                "Prisons, e.g. CECOT, i.e. the largest, opened at 9 a.m. Friday vs. rivals etc. and more.",
                "Done."
            ]
        );
    }

    #[test]
    fn sentences_split_after_pm_before_a_new_sentence() {
        assert_eq!(
            split("It ended at 5 p.m. The crowd left."),
            ["It ended at 5 p.m.", "The crowd left."]
        );
    }

    #[test]
    fn sentences_do_not_split_no_before_a_number_but_do_after_the_word_no() {
        assert_eq!(
            split("He ranked No. 1 in St. Louis. She said no. Then she left."),
            [
                "He ranked No. 1 in St. Louis.",
                "She said no.",
                "Then she left."
            ]
        );
    }

    #[test]
    fn sentences_do_not_split_decimals_or_thousands() {
        assert_eq!(
            split("It cost $2.5 billion, or 2.5% of GDP, for 1,537 beds. Critics balked."),
            [
                "It cost $2.5 billion, or 2.5% of GDP, for 1,537 beds.",
                "Critics balked."
            ]
        );
    }

    #[test]
    fn sentences_split_after_number_at_sentence_end() {
        assert_eq!(
            split("It began in 2022. In CECOT, it continued."),
            ["It began in 2022.", "In CECOT, it continued."]
        );
    }

    #[test]
    fn sentences_split_after_closing_quote() {
        assert_eq!(
            split("He said it was “not necessarily to replicate it.” Then he left. She said \"no.\" It ended."),
            [
                "He said it was “not necessarily to replicate it.”",
                "Then he left.",
                "She said \"no.\"",
                "It ended."
            ]
        );
    }

    #[test]
    fn sentences_split_after_nested_quotes_and_brackets() {
        assert_eq!(
            split("“He said ‘no.’” Then (see above.) Next [sic.] Last."),
            [
                "“He said ‘no.’”",
                "Then (see above.)",
                "Next [sic.]",
                "Last."
            ]
        );
    }

    #[test]
    fn sentences_do_not_split_before_a_comma_after_an_abbreviation() {
        assert_eq!(
            split("The U.S., Chile and Acme Inc., he said. Yes."),
            ["The U.S., Chile and Acme Inc., he said.", "Yes."]
        );
    }

    #[test]
    fn sentences_treat_crlf_blank_lines_as_breaks() {
        assert_eq!(
            split("Title\r\n\r\nBody one. Body two."),
            ["Title", "Body one.", "Body two."]
        );
    }

    #[test]
    fn sentences_do_not_split_quoted_question_followed_by_attribution() {
        assert_eq!(
            split("“Why now?” he asked. Nobody knew."),
            ["“Why now?” he asked.", "Nobody knew."]
        );
    }

    #[test]
    fn sentences_split_before_an_opening_quote() {
        assert_eq!(
            split("He spoke. “We are ready,” he said."),
            ["He spoke.", "“We are ready,” he said."]
        );
    }

    #[test]
    fn sentences_handle_ellipsis() {
        assert_eq!(
            split("He paused... then went on. Wait… The end. Really?! Yes."),
            [
                "He paused... then went on.",
                "Wait…",
                "The end.",
                "Really?!",
                "Yes."
            ]
        );
    }

    #[test]
    fn sentences_keep_dateline_with_first_sentence() {
        let t =
            "SAN SALVADOR — Chile’s far-right President-elect José Antonio Kast visited. He left.";
        assert_eq!(
            split(t),
            [
                "SAN SALVADOR — Chile’s far-right President-elect José Antonio Kast visited.",
                "He left."
            ]
        );
        let t = "WASHINGTON, D.C. — The bill passed. ST. LOUIS (AP) — It rained.";
        assert_eq!(
            split(t),
            [
                "WASHINGTON, D.C. — The bill passed.",
                "ST. LOUIS (AP) — It rained."
            ]
        );
    }

    #[test]
    fn sentences_do_not_split_at_dashes() {
        let t = "Crimes – including murder — were cited. Then – briefly – silence.";
        assert_eq!(
            split(t),
            [
                "Crimes – including murder — were cited.",
                "Then – briefly – silence."
            ]
        );
    }

    #[test]
    fn sentences_break_at_blank_lines_but_not_single_newlines() {
        assert_eq!(
            split("A headline without a period\n\nBody text that is\nhard wrapped. Next."),
            [
                "A headline without a period",
                "Body text that is\nhard wrapped.",
                "Next."
            ]
        );
    }

    #[test]
    fn sentences_do_not_split_glued_periods() {
        assert_eq!(
            split("See example.com or U.S.-backed plans. Ok."),
            ["See example.com or U.S.-backed plans.", "Ok."]
        );
    }

    #[test]
    fn sentence_ranges_are_char_boundaries_with_multibyte_text() {
        let t = "Él llegó. Ñandú’s “güero.” Ça va!";
        let got = split(t);
        assert_eq!(got, ["Él llegó.", "Ñandú’s “güero.”", "Ça va!"]);
    }

    #[test]
    fn seed_paragraph_about_capacity_has_four_sentences() {
        let seed = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");
        let para = seed
            .lines()
            .find(|l| l.starts_with("It has capacity"))
            .expect("seed paragraph");
        let got = split(para);
        assert_eq!(got.len(), 4, "{got:#?}");
        assert!(got[0].ends_with("eight large cellblocks."));
        assert!(got[1].starts_with("Each cell holds between 65 and 70"));
        assert!(got[3].ends_with("after completing their sentences."));
    }

    #[test]
    fn seed_texts_split_into_sentences_that_start_capitalised_and_end_cleanly() {
        for seed in [
            include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt"),
            include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt"),
        ] {
            let got = split(seed);
            assert!(got.len() > 15, "{}", got.len());
            for s in &got {
                let first = s.chars().next().unwrap();
                assert!(!first.is_lowercase(), "starts lowercase: {s:?}");
                assert_eq!(*s, s.trim());
            }
        }
    }

    #[test]
    fn seed_dateline_paragraph_is_one_sentence_and_quote_ends_one() {
        let seed = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");
        let dateline = seed
            .lines()
            .find(|l| l.starts_with("SAN SALVADOR"))
            .unwrap();
        assert_eq!(split(dateline), [dateline]);
        let quote = seed.lines().find(|l| l.starts_with("Kast added")).unwrap();
        let got = split(quote);
        assert_eq!(got.len(), 1);
        assert!(got[0].ends_with("in the same way.”"));
    }
}
