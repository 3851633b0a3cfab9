//! Text primitives shared by cleaning, search and comparison: tokenization, folding, stemming,
//! stopwords and sentence segmentation. Everything is pure and cheap enough to run per keystroke.
//!
//! Token and sentence offsets are byte offsets into the original text, so highlights land on the
//! right characters even in multi-byte text.

mod fold;
mod porter2;
mod sentences;
mod stopwords;

pub use fold::{fold, fold_into};
pub use sentences::sentences;
pub use stopwords::is_stopword;
pub(crate) use stopwords::stopword_stems;

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// A token's norm: a string kept inline when short, as nearly every word is.
pub type Norm = compact_str::CompactString;

/// A word-like segment of the original text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset one past the last byte in the original text.
    pub end: usize,
    /// [`fold`]ed form, possessive removed, dotted initialisms joined ("U.S." -> "us").
    pub norm: Norm,
    /// Word or number.
    pub kind: TokenKind,
}

/// What a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Anything with a letter in it ("Kast", "1990s", "COVID19").
    Word,
    /// Digits with optional `,`/`.` separators ("2022", "1,537", "2.5").
    Number,
}

/// Word-like segments only (UAX #29 word boundaries; punctuation and spaces dropped).
///
/// - `norm` is the [`fold`]ed segment with a trailing possessive `'s`/`’s` removed; the span still
///   covers the whole original word ("Bukele’s" -> norm "bukele"). Contractions like "it's" lose
///   their "'s" too, which only ever leaves a stopword.
/// - Numbers with inner `,`/`.` ("1,537", "2.5") are one [`TokenKind::Number`] token; `norm` keeps
///   the separators (see [`parse_number`]).
/// - Hyphenated words are separate tokens ("far-right" -> "far", "right"), as UAX #29 says.
/// - Dotted initialisms are one token with the dots removed and the span extended over the final
///   period ("U.S." -> "us", "a.m." -> "am"), so "U.S." and "US" match. The price: "U.S." then
///   shares its norm with the pronoun "us", a stopword.
pub fn tokenize(text: &str) -> Vec<Token> {
    // About one token per six bytes of English: room up front instead of a regrowth per doubling.
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    each_token(text, |t| {
        out.push(Token {
            start: t.start,
            end: t.end,
            norm: Norm::new(t.norm),
            kind: t.kind,
        })
    });
    out
}

/// A [`Token`] whose `norm` is borrowed, see [`each_token`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TokenRef<'a> {
    pub start: usize,
    pub end: usize,
    pub norm: &'a str,
    pub kind: TokenKind,
}

impl Token {
    pub(crate) fn as_ref(&self) -> TokenRef<'_> {
        TokenRef {
            start: self.start,
            end: self.end,
            norm: &self.norm,
            kind: self.kind,
        }
    }
}

/// [`tokenize`] without an allocation per token: `f` sees each token in order, its `norm` in a
/// buffer that the next token reuses. Snippets tokenize whole article bodies on every keystroke.
pub(crate) fn each_token(text: &str, mut f: impl FnMut(TokenRef<'_>)) {
    let mut norm = String::new();
    word_segments(text, |start, seg, ascii| {
        norm.clear();
        if ascii {
            norm.push_str(seg);
            norm.make_ascii_lowercase();
        } else {
            fold_into(seg, &mut norm);
        }
        let (end, kind) = finish_norm(text, start, seg, &mut norm);
        f(TokenRef {
            start,
            end,
            norm: &norm,
            kind,
        })
    });
}

/// Turns the folded word `seg` at `start` into a token's norm, in place: a dotted initialism
/// loses its periods (and takes a final one into the token), a possessive loses its "'s".
/// Returns the token's end and kind.
fn finish_norm(text: &str, start: usize, seg: &str, norm: &mut String) -> (usize, TokenKind) {
    let mut end = start + seg.len();
    if sentences::is_dotted_initialism(seg) {
        norm.retain(|c| c != '.');
        if text[end..].starts_with('.') {
            end += 1;
        }
    } else if norm.len() > 2 && norm.ends_with("'s") {
        norm.truncate(norm.len() - 2);
    }
    let kind = if is_number(norm) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (end, kind)
}

/// `text.unicode_word_indices()`, one space-separated chunk at a time. UAX #29 never joins a word
/// across a space (no rule reaches past one), so the words are the same; but an ASCII chunk can
/// then be segmented by the few rules that apply to ASCII, where the crate does that only for a
/// wholly ASCII input, and one curly quote or "José" in a paragraph would send all of it through
/// the Unicode tables.
/// `f` gets each word's offset, the word, and whether it is ASCII.
fn word_segments(text: &str, mut f: impl FnMut(usize, &str, bool)) {
    let b = text.as_bytes();
    let mut at = 0;
    while at < b.len() {
        // Chunks are a word or two long: a byte loop beats `split` and `is_ascii` here.
        let mut end = at;
        let mut ascii = true;
        while end < b.len() && b[end] != b' ' {
            ascii &= b[end].is_ascii();
            end += 1;
        }
        let chunk = &text[at..end];
        if ascii {
            ascii_words(chunk.as_bytes(), |i, j| f(at + i, &chunk[i..j], true));
        } else {
            for (i, seg) in chunk.unicode_word_indices() {
                f(at + i, seg, seg.is_ascii());
            }
        }
        at = end + 1;
    }
}

/// UAX #29 words of ASCII text without spaces, as byte ranges: runs of letters, digits and `_`,
/// held together by `.` `'` `:` between letters (WB6, WB7) and by `.` `,` `;` `'` between digits
/// (WB11, WB12); every other byte stands alone and is not a word. The same rules as the
/// `unicode-segmentation` crate's ASCII path, which tests them against its Unicode tables.
fn ascii_words(b: &[u8], mut f: impl FnMut(usize, usize)) {
    let core = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let infix = |c: u8, prev: u8, next: u8| match c {
        b'.' | b',' | b';' | b'\'' if prev.is_ascii_digit() && next.is_ascii_digit() => true,
        b'\'' | b'.' | b':' => prev.is_ascii_alphabetic() && next.is_ascii_alphabetic(),
        _ => false,
    };
    let mut i = 0;
    while i < b.len() {
        if !core(b[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut alnum = b[i] != b'_';
        while j < b.len() && (core(b[j]) || (j + 1 < b.len() && infix(b[j], b[j - 1], b[j + 1]))) {
            alnum |= b[j].is_ascii_alphanumeric();
            j += 1;
        }
        if alnum {
            f(i, j);
        }
        i = j;
    }
}

fn is_number(norm: &str) -> bool {
    // Most tokens start with an ASCII letter: settle those without decoding chars.
    if norm
        .as_bytes()
        .first()
        .is_none_or(|b| b.is_ascii() && !b.is_ascii_digit())
    {
        return false;
    }
    norm.starts_with(|c: char| c.is_numeric())
        && norm.chars().all(|c| c.is_numeric() || c == ',' || c == '.')
}

fn stemmer() -> &'static rust_stemmers::Stemmer {
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
}

/// English Snowball stem of an already-folded word ("deported" -> "deport"). Words without a
/// letter (numbers) come back unchanged.
pub fn stem(norm: &str) -> String {
    let mut out = String::with_capacity(norm.len());
    stem_into(norm, &mut out);
    out
}

/// [`stem`] into a cleared `out`, for callers stemming many words with one buffer.
pub fn stem_into(norm: &str, out: &mut String) {
    out.clear();
    if !norm.chars().any(char::is_alphabetic) {
        out.push_str(norm);
    } else if !porter2::stem_ascii(norm, out) {
        out.push_str(&stemmer().stem(norm));
    }
}

/// Index terms of `text` in order: stems of non-stopword words, and numbers as their `norm`.
/// A convenience for "what is this passage about" uses (similarity, keyword overlap).
pub fn stemmed_words(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter_map(|t| match t.kind {
            TokenKind::Number => Some(t.norm.into()),
            TokenKind::Word if is_stopword(&t.norm) => None,
            TokenKind::Word => Some(stem(&t.norm)),
        })
        .collect()
}

/// Value of a number token's `norm`: commas are thousands separators ("1,537" -> 1537, as in
/// English news), a period is the decimal point. `None` if it is not a plain number.
pub fn parse_number(norm: &str) -> Option<f64> {
    if !is_number(norm) {
        return None;
    }
    let mut groups = norm.split('.').next().unwrap_or("").split(',');
    let head = groups.next().unwrap_or("");
    // "1,53" or "12,3456" are lists or European decimals, not thousands.
    let thousands_ok = !norm.contains(',') || (!head.is_empty() && head.len() <= 3);
    if !thousands_ok || groups.any(|g| g.len() != 3) {
        return None;
    }
    norm.replace(',', "").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.norm.into()).collect()
    }

    /// The straightforward tokenizer that `each_token` must agree with: the whole text through
    /// UAX #29 at once, and every word through `fold`.
    fn reference_tokens(text: &str) -> Vec<Token> {
        text.unicode_word_indices()
            .map(|(start, seg)| {
                let mut norm = fold(seg);
                let (end, kind) = finish_norm(text, start, seg, &mut norm);
                Token {
                    start,
                    end,
                    norm: norm.into(),
                    kind,
                }
            })
            .collect()
    }

    #[test]
    fn tokenize_by_space_chunks_agrees_with_whole_text_segmentation() {
        // Characters that stress UAX #29 next to spaces: marks and joiners that attach to a
        // preceding space, mid-word and mid-number punctuation, regional indicators, CJK, emoji.
        let alphabet: Vec<char> =
            "aZé1 9 .,;:'’_-\"“”()!?$%\u{301}\u{200d}\u{200b}\u{ad}\u{a0}\u{3000}\t\n\r🇨🇱中カ👍\u{5d0}ß"
                .chars()
                .collect();
        let mut next = crate::test_rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            assert_eq!(tokenize(&text), reference_tokens(&text), "{text:?}");
        }
        for text in [
            include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt"),
            include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt"),
        ] {
            assert_eq!(tokenize(text), reference_tokens(text));
        }
    }

    #[test]
    fn tokenize_drops_punctuation_and_spaces() {
        assert_eq!(
            norms("Hello, world! (CECOT) — ok?"),
            ["hello", "world", "cecot", "ok"]
        );
    }

    #[test]
    fn tokenize_offsets_round_trip_multibyte_text() {
        let text = "José Antonio Kast visitó “CECOT” — El Salvador’s prisión, Łódź 1,537 ñandú.";
        let toks = tokenize(text);
        assert_eq!(toks.len(), 11);
        for t in &toks {
            let orig = &text[t.start..t.end];
            assert_eq!(fold(orig).trim_end_matches("'s"), t.norm, "{orig:?}");
        }
        assert_eq!(&text[toks[3].start..toks[3].end], "visitó");
        assert_eq!(&text[toks[7].start..toks[7].end], "prisión");
    }

    #[test]
    fn tokenize_strips_possessive_but_span_covers_it() {
        for text in ["Bukele’s war", "Bukele's war", "BUKELE’S war"] {
            let t = &tokenize(text)[0];
            assert_eq!(t.norm, "bukele");
            assert_eq!(&text[t.start..t.end], text.split(' ').next().unwrap());
        }
    }

    #[test]
    fn tokenize_does_not_strip_s_without_apostrophe() {
        assert_eq!(norms("prisons his s"), ["prisons", "his", "s"]);
    }

    #[test]
    fn tokenize_keeps_contractions_whole_except_s() {
        assert_eq!(norms("isn’t don't it’s"), ["isn't", "don't", "it"]);
    }

    #[test]
    fn tokenize_numbers_with_separators_are_one_number_token() {
        let toks = tokenize("1 of 1,537 cost $2.5 billion in 2022, or 40,000 beds");
        let nums: Vec<&str> = toks
            .iter()
            .filter(|t| t.kind == TokenKind::Number)
            .map(|t| t.norm.as_str())
            .collect();
        assert_eq!(nums, ["1", "1,537", "2.5", "2022", "40,000"]);
        assert!(toks
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .all(|t| !t.norm.contains(char::is_numeric)));
    }

    #[test]
    fn tokenize_mixed_alphanumerics_are_words() {
        let toks = tokenize("the 1990s and 1st COVID19");
        assert_eq!(toks[1].kind, TokenKind::Word);
        assert_eq!(toks[3].kind, TokenKind::Word);
        assert_eq!(toks[4].kind, TokenKind::Word);
    }

    #[test]
    fn tokenize_splits_hyphenated_words() {
        assert_eq!(
            norms("far-right president-elect"),
            ["far", "right", "president", "elect"]
        );
    }

    #[test]
    fn tokenize_joins_dotted_initialisms_and_covers_final_period() {
        let text = "the U.S. Embassy at 9 a.m.";
        let toks = tokenize(text);
        assert_eq!(toks[1].norm, "us");
        assert_eq!(&text[toks[1].start..toks[1].end], "U.S.");
        assert_eq!(toks.last().unwrap().norm, "am");
        assert_eq!(&text[toks[5].start..toks[5].end], "a.m.");
        assert_eq!(norms("US"), norms("U.S."));
    }

    #[test]
    fn tokenize_does_not_treat_decimals_or_domains_as_initialisms() {
        assert_eq!(norms("2.5 example.com"), ["2.5", "example.com"]);
    }

    #[test]
    fn tokenize_seed_text_offsets_round_trip() {
        let seed = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");
        let toks = tokenize(seed);
        assert!(toks.len() > 500);
        for w in toks.windows(2) {
            assert!(w[0].end <= w[1].start, "tokens overlap");
        }
        for t in &toks {
            assert!(!t.norm.is_empty());
            assert!(seed.is_char_boundary(t.start) && seed.is_char_boundary(t.end));
        }
        let kast = toks.iter().find(|t| t.norm == "jose").expect("José folded");
        assert_eq!(&seed[kast.start..kast.end], "José");
        assert!(toks
            .iter()
            .any(|t| t.norm == "1,537" && t.kind == TokenKind::Number));
        assert!(toks
            .iter()
            .any(|t| t.norm == "bukele" && seed[t.start..t.end].ends_with("’s")));
    }

    #[test]
    fn stem_reduces_inflections() {
        assert_eq!(stem("deported"), "deport");
        assert_eq!(stem("prisons"), "prison");
        assert_eq!(stem("prison"), "prison");
        assert_eq!(stem("prisoners"), "prison");
        assert_eq!(stem("killed"), "kill");
        assert_ne!(stem("prisons"), "prisons");
    }

    #[test]
    fn stem_leaves_numbers_unchanged() {
        assert_eq!(stem("1,537"), "1,537");
        assert_eq!(stem("2022"), "2022");
    }

    #[test]
    fn stemmed_words_drop_stopwords_and_keep_numbers() {
        assert_eq!(
            stemmed_words("The prisoners were deported to the U.S. in 2022."),
            ["prison", "deport", "2022"]
        );
    }

    #[test]
    fn parse_number_reads_thousands_and_decimals() {
        assert_eq!(parse_number("1,537"), Some(1537.0));
        assert_eq!(parse_number("40,000"), Some(40000.0));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("1,234,567.5"), Some(1234567.5));
        assert_eq!(parse_number("2022"), Some(2022.0));
    }

    #[test]
    fn parse_number_rejects_non_thousands_commas_and_words() {
        assert_eq!(parse_number("1,53"), None);
        assert_eq!(parse_number("1234,567"), None);
        assert_eq!(parse_number("kast"), None);
        assert_eq!(parse_number("1990s"), None);
    }
}
