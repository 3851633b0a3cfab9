//! Lowercasing and diacritic folding with a hand-written table (no normalization crate: the
//! Unicode tables would dominate the wasm binary, and news text needs only Latin letters).

/// Latin-1 Supplement letters U+00C0..=U+00FF, one byte per code point. Uppercase markers stand
/// for multi-letter folds (`A` = "ae", `T` = "th", `S` = "ss"); `*` passes the char through
/// (× and ÷ are not letters).
const LATIN1: &[u8; 64] = b"aaaaaaAceeeeiiiidnooooo*ouuuuyTSaaaaaaAceeeeiiiidnooooo*ouuuuyTy";

/// Latin Extended-A U+0100..=U+017F, same scheme (`J` = "ij", `O` = "oe").
const LATIN_EXT_A: &[u8; 128] =
    b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiJJjjkkkllllllllllnnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Lowercase + diacritic folding (José -> jose, Über -> uber, ñ -> n, ß -> ss, œ -> oe) plus
/// typographic punctuation to ASCII (curly quotes -> ' ", dashes -> -, no-break spaces -> space,
/// … -> ...). Zero-width characters, soft hyphens and combining marks are dropped, so NFD input
/// folds like NFC. Characters outside the table pass through lowercased.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] appending to a caller-owned buffer, for hot paths that want to reuse one allocation.
pub fn fold_into(s: &str, out: &mut String) {
    // ASCII stretches are copied and lowercased in bulk; they are most of any news text.
    let mut rest = s;
    loop {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        let mut chars = rest[ascii..].chars();
        match chars.next() {
            Some(c) => fold_char(c, out),
            None => return,
        }
        rest = chars.as_str();
    }
}

fn push_marker(b: u8, c: char, out: &mut String) {
    match b {
        b'A' => out.push_str("ae"),
        b'T' => out.push_str("th"),
        b'S' => out.push_str("ss"),
        b'J' => out.push_str("ij"),
        b'O' => out.push_str("oe"),
        b'*' => out.push(c),
        _ => out.push(b as char),
    }
}

fn fold_char(c: char, out: &mut String) {
    let cp = c as u32;
    match cp {
        0..=0x7F => out.push(c.to_ascii_lowercase()),
        0xC0..=0xFF => push_marker(LATIN1[(cp - 0xC0) as usize], c, out),
        0x100..=0x17F => push_marker(LATIN_EXT_A[(cp - 0x100) as usize], c, out),
        // Combining diacritics, soft hyphen, zero-width space/joiners, word joiner, BOM.
        0x300..=0x36F | 0xAD | 0x200B..=0x200D | 0x2060 | 0xFEFF => {}
        // Romanian comma-below letters, Latin small f with hook.
        0x218 | 0x219 => out.push('s'),
        0x21A | 0x21B => out.push('t'),
        0x192 => out.push('f'),
        // Modifier apostrophe, single quotes, primes.
        0x2BC | 0x2018..=0x201B | 0x2032 => out.push('\''),
        0x201C..=0x201F | 0x2033 | 0xAB | 0xBB => out.push('"'),
        0x2010..=0x2015 | 0x2212 => out.push('-'),
        0xA0 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => out.push(' '),
        0x2026 => out.push_str("..."),
        _ => out.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_lowercases_ascii() {
        assert_eq!(fold("CECOT Kast"), "cecot kast");
    }

    #[test]
    fn fold_strips_latin1_diacritics() {
        assert_eq!(
            fold("José Über ñandú Ça Ÿ ÿ Ø ø Å"),
            "jose uber nandu ca y y o o a"
        );
        assert_eq!(fold("ÀÉÎÕÜÝ àéîõüý"), "aeiouy aeiouy");
    }

    #[test]
    fn fold_expands_ligatures_and_special_letters() {
        assert_eq!(
            fold("Æsir æ Straße Œuvre œ Þór ĳ"),
            "aesir ae strasse oeuvre oe thor ij"
        );
    }

    #[test]
    fn fold_strips_latin_extended_a_diacritics() {
        assert_eq!(fold("Łódź Kraków"), "lodz krakow");
        assert_eq!(fold("Dvořák Šťastný Čapek"), "dvorak stastny capek");
        assert_eq!(fold("İstanbul ığdır Ğ Ő Ű Ž ſ"), "istanbul igdir g o u z s");
        assert_eq!(fold("Ĳssel ŉ Ŋ"), "ijssel n n");
    }

    #[test]
    fn fold_handles_romanian_comma_below_letters() {
        assert_eq!(fold("Ștefan Țiriac"), "stefan tiriac");
    }

    #[test]
    fn fold_straightens_curly_quotes_and_apostrophes() {
        assert_eq!(
            fold("Bukele’s ‘x’ ‚y‛ “a” „b‟ «c»"),
            "bukele's 'x' 'y' \"a\" \"b\" \"c\""
        );
    }

    #[test]
    fn fold_turns_dashes_into_hyphen_minus() {
        assert_eq!(fold("a–b—c‐d−e"), "a-b-c-d-e");
    }

    #[test]
    fn fold_turns_no_break_and_thin_spaces_into_space() {
        assert_eq!(fold("40\u{a0}000\u{202f}km\u{2009}x"), "40 000 km x");
    }

    #[test]
    fn fold_drops_combining_marks_and_invisible_characters() {
        // NFD "José" (e + U+0301) must fold like NFC "José".
        assert_eq!(fold("Jose\u{301}"), fold("José"));
        assert_eq!(fold("co\u{ad}op\u{200b}era\u{feff}te"), "cooperate");
    }

    #[test]
    fn fold_expands_ellipsis() {
        assert_eq!(fold("wait…"), "wait...");
    }

    #[test]
    fn fold_passes_unknown_characters_through_lowercased() {
        assert_eq!(fold("ΣΩ Ж × ÷ € 中"), "σω ж × ÷ € 中");
    }

    #[test]
    fn fold_does_not_touch_digits_or_ascii_punctuation() {
        assert_eq!(fold("1,537 2.5 $3 (a)!"), "1,537 2.5 $3 (a)!");
    }

    #[test]
    fn fold_into_appends_without_clearing() {
        let mut buf = String::from("x ");
        fold_into("ÉL", &mut buf);
        assert_eq!(buf, "x el");
    }
}
