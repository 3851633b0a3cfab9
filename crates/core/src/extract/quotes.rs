//! Quotations and who said them.
//!
//! Speaker heuristics, first match wins:
//! 1. after the quote: ", X said" / ", said X" / ", the statement said" (when the quoted text
//!    does not end its own sentence with a period);
//! 2. before the quote, in the same sentence: the subject right before a speech verb, trying
//!    verbs from nearest to farthest ("Kast added that … and said … “…”" -> Kast);
//! 3. "according to X" in the sentence;
//! 4. a name or pronoun opening the sentence.
//!
//! X is an entity mention (its canonical name), "the"/"a" plus up to three lower-case words
//! ("the statement"), or he/she, resolved to the most recent Person mention before the quote
//! (no gender check).

use super::entities::{is_title_word, EntityKind, Local, Scan, SPEECH_VERBS};
use super::{linked_at, word_at, EntityMention, Gazetteer, Tok};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A quoted passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotation {
    /// Including the quote marks.
    pub span: Range<usize>,
    /// The quoted words only.
    pub inner: Range<usize>,
    pub speaker: Option<String>,
}

/// Quote pairs: curly “…” and straight "…". A quote left open at a line end runs to it
/// (news style for quotes spanning paragraphs).
fn quote_spans(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    // Only these two marks open a quotation; most paragraphs have neither, which a byte search
    // tells faster than the walk below.
    if !text.contains('"') && !text.contains('\u{201C}') {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev = ' ';
    let close_at_line_end = |o: usize, mark: char, end: usize, out: &mut Vec<_>| {
        let inner_start = o + mark.len_utf8();
        let inner = text[inner_start..end].trim_end();
        if inner.split_whitespace().count() >= 3 {
            out.push((
                o..inner_start + inner.len(),
                inner_start..inner_start + inner.len(),
            ));
        }
    };
    for (p, c) in text.char_indices() {
        match c {
            '\n' => {
                if let Some((o, m)) = open.take() {
                    close_at_line_end(o, m, p, &mut out);
                }
            }
            '\u{201C}' => open = Some((p, c)),
            '\u{201D}' => {
                if let Some((o, '\u{201C}')) = open {
                    out.push((o..p + c.len_utf8(), o + c.len_utf8()..p));
                    open = None;
                }
            }
            '"' if !prev.is_ascii_digit() => match open {
                Some((o, '"')) => {
                    out.push((o..p + 1, o + 1..p));
                    open = None;
                }
                None if prev.is_whitespace() || "([{—-:".contains(prev) || p == 0 => {
                    open = Some((p, c))
                }
                _ => {}
            },
            _ => {}
        }
        prev = c;
    }
    if let Some((o, m)) = open {
        close_at_line_end(o, m, text.len(), &mut out);
    }
    out.retain(|(_, inner)| !text[inner.clone()].trim().is_empty());
    out
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok<'a>],
    mentions: &'a [EntityMention],
}

impl Ctx<'_> {
    #[inline(always)]
    fn word(&self, i: usize) -> Option<&str> {
        word_at(self.toks, i)
    }

    #[inline(always)]
    fn linked(&self, a: usize, b: usize) -> bool {
        linked_at(self.text, self.toks, a, b)
    }

    fn is_speech(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| SPEECH_VERBS.contains(w))
    }

    /// Most recent Person mention ending before byte `pos`.
    fn resolve_pronoun(&self, pos: usize) -> Option<String> {
        self.mentions
            .iter()
            .rfind(|m| m.kind == EntityKind::Person && m.span.end <= pos)
            .map(|m| m.name.clone())
    }

    /// Mention covering token `i` exactly from its start.
    fn mention_starting(&self, i: usize) -> Option<(&EntityMention, usize)> {
        let t = self.toks.get(i)?;
        let m = self.mentions.iter().find(|m| m.span.start == t.start)?;
        let last = (i..self.toks.len())
            .take_while(|&k| self.toks[k].start < m.span.end)
            .last()?;
        Some((m, last))
    }

    fn mention_ending(&self, i: usize) -> Option<&EntityMention> {
        let t = self.toks.get(i)?;
        self.mentions
            .iter()
            .find(|m| m.span.end == t.core_end && m.span.start <= t.start)
    }

    /// A subject starting at token `i`: (speaker, last token).
    fn subject_at(&self, i: usize, quote_start: usize) -> Option<(String, usize)> {
        let w = self.word(i)?;
        if matches!(w, "he" | "she") {
            return self.resolve_pronoun(quote_start).map(|n| (n, i));
        }
        // "said Mayor Lena Ortiz": step over a title to the name.
        let mut j = i;
        while j < i + 3 && self.word(j).is_some_and(is_title_word) {
            j += 1;
            if self.toks.get(j).is_some_and(|t| t.is_punct(".")) {
                j += 1;
            }
        }
        if let Some((m, last)) = self.mention_starting(j) {
            return Some((m.name.clone(), last));
        }
        if matches!(w, "the" | "a" | "an") {
            let mut j = i + 1;
            while j < i + 4 && self.word(j).is_some() && self.linked(j - 1, j) {
                let raw = self.toks[j].raw(self.text);
                if !raw.chars().next().is_some_and(char::is_lowercase) || self.is_speech(j) {
                    break;
                }
                j += 1;
            }
            if j > i + 1 {
                let phrase = &self.text[self.toks[i].start..self.toks[j - 1].core_end];
                return Some((phrase.to_string(), j - 1));
            }
        }
        None
    }

    /// A subject ending at token `i` (right before a speech verb).
    fn subject_ending(&self, i: usize, quote_start: usize) -> Option<String> {
        let w = self.word(i)?;
        if matches!(w, "he" | "she") {
            return self.resolve_pronoun(quote_start);
        }
        if let Some(m) = self.mention_ending(i) {
            return Some(m.name.clone());
        }
        // "the statement", "a spokesman"
        let mut j = i;
        while j > 0 && i - j < 3 && self.linked(j - 1, j) {
            match self.word(j - 1) {
                Some("the" | "a" | "an") => {
                    let phrase = &self.text[self.toks[j - 1].start..self.toks[i].core_end];
                    return Some(phrase.to_string());
                }
                Some(_) => j -= 1,
                None => break,
            }
        }
        None
    }

    fn speaker(&self, quote: &Range<usize>, inner: &Range<usize>) -> Option<String> {
        let open = self.toks.iter().position(|t| t.start >= quote.start)?;
        let after = self
            .toks
            .iter()
            .position(|t| t.start >= quote.end)
            .unwrap_or(self.toks.len());
        // 1. After the quote.
        let ends_sentence = self.text[inner.clone()].trim_end().ends_with('.');
        if !ends_sentence && after < self.toks.len() {
            let mut i = after;
            if self.toks[i].is_punct(",") {
                i += 1;
            }
            if self.is_speech(i) {
                if let Some((s, _)) = self.subject_at(i + 1, quote.start) {
                    return Some(s);
                }
            }
            if let Some((s, last)) = self.subject_at(i, quote.start) {
                if self.is_speech(last + 1) && self.linked(last, last + 1) {
                    return Some(s);
                }
            }
        }
        // The sentence before the quote.
        let mut first = open;
        while first > 0 {
            let p = &self.toks[first - 1];
            let crosses_line = self.text[p.end..self.toks[first].start].contains('\n');
            if crosses_line || p.is_punct(".!?”\"") {
                break;
            }
            first -= 1;
        }
        // 2. Subject before a speech verb, nearest verb first.
        for v in (first..open).rev().filter(|&v| self.is_speech(v)) {
            if v > first && self.linked(v - 1, v) {
                if let Some(s) = self.subject_ending(v - 1, quote.start) {
                    return Some(s);
                }
            }
        }
        // 3. "according to X" in the sentence, before or after.
        let sentence_end = (after..self.toks.len())
            .find(|&k| self.toks[k].is_punct(".!?"))
            .unwrap_or(self.toks.len());
        for k in (first..open).chain(after..sentence_end) {
            if self.word(k) == Some("according") && self.word(k + 1) == Some("to") {
                if let Some((s, _)) = self.subject_at(k + 2, quote.start) {
                    return Some(s);
                }
            }
        }
        // 4. Sentence opener.
        if first < open {
            if let Some((s, _)) = self.subject_at(first, quote.start) {
                if !s.starts_with(['t', 'a', 'T', 'A']) || self.mention_starting(first).is_some() {
                    return Some(s);
                }
            }
        }
        None
    }
}

/// Quotations in `text` with their speakers where the heuristics find one.
pub fn quotes(text: &str, gaz: &Gazetteer) -> Vec<Quotation> {
    let spans = quote_spans(text);
    if spans.is_empty() {
        return Vec::new();
    }
    let s = Scan::new(text);
    let local = Local::learn(&s);
    let mentions = gaz.entities_in(&s, &local);
    speakers(text, &s.toks, &mentions, spans)
}

/// [`quotes`] given the text's tokens and entity mentions.
pub(crate) fn quotes_in(text: &str, toks: &[Tok], mentions: &[EntityMention]) -> Vec<Quotation> {
    let spans = quote_spans(text);
    if spans.is_empty() {
        return Vec::new();
    }
    speakers(text, toks, mentions, spans)
}

fn speakers(
    text: &str,
    toks: &[Tok],
    mentions: &[EntityMention],
    spans: Vec<(Range<usize>, Range<usize>)>,
) -> Vec<Quotation> {
    let cx = Ctx {
        text,
        toks,
        mentions,
    };
    spans
        .into_iter()
        .map(|(span, inner)| Quotation {
            speaker: cx.speaker(&span, &inner),
            span,
            inner,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_000: &str = include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt");
    const SEED_001: &str = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");

    fn corpus() -> Gazetteer {
        Gazetteer::learn([SEED_000, SEED_001])
    }

    #[test]
    fn quotes_in_seed_001_have_speakers() {
        let qs = quotes(SEED_001, &corpus());
        let got: Vec<(&str, Option<&str>)> = qs
            .iter()
            .map(|q| (&SEED_001[q.inner.clone()], q.speaker.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("import good ideas and proposals", Some("José Antonio Kast")),
                (
                    "We are ready to work hand-in-hand with our Chilean brothers,",
                    Some("the statement")
                ),
                (
                    "not necessarily to replicate it in the same way.",
                    Some("José Antonio Kast")
                ),
            ]
        );
        for q in &qs {
            assert!(SEED_001[q.span.clone()].starts_with('“'));
            assert!(SEED_001[q.span.clone()].ends_with('”'));
        }
    }

    #[test]
    fn quotes_finds_none_in_seed_000() {
        assert!(quotes(SEED_000, &corpus()).is_empty());
    }

    #[test]
    fn quotes_reads_said_x_and_according_to() {
        let t = "\"We will not stop,\" said Mayor Lena Ortiz. Prices rose \"sharply\", \
                 according to the central bank.";
        let g = Gazetteer::learn([t]);
        let qs = quotes(t, &g);
        let speakers: Vec<Option<&str>> = qs.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("Lena Ortiz"), Some("the central bank")]);
        assert_eq!(&t[qs[1].inner.clone()], "sharply");
    }

    #[test]
    fn quotes_resolve_pronouns_to_the_latest_person() {
        let t = "President Ada Quill met Governor Tom Reyes. He said the plan was “a disaster.” \
                 The sky was “grey” that day.";
        let qs = quotes(t, &Gazetteer::learn([t]));
        assert_eq!(qs[0].speaker.as_deref(), Some("Tom Reyes"));
        assert_eq!(qs[1].speaker, None, "no speaker invented");
    }

    #[test]
    fn quotes_ignore_inch_marks_and_unbalanced_noise() {
        let t = "A 6\" pipe burst.\n“An open quote that runs\nto nowhere";
        let qs = quotes(t, &Gazetteer::default());
        let inner: Vec<&str> = qs.iter().map(|q| &t[q.inner.clone()]).collect();
        assert_eq!(inner, ["An open quote that runs"]);
    }
}
