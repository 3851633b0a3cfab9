//! Character references: `&amp;`, `&#8217;`, `&#x2019;`, `&nbsp;` and the named ones news pages
//! use. The full HTML table (2,000+ names, mostly mathematical) would cost wasm for nothing; an
//! unknown name stays as written, so no text is lost.

use std::borrow::Cow;

/// Latin-1 names for U+00A0..=U+00FF in code-point order. HTML also accepts these without the
/// closing semicolon, as old pages write them.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other names, which need their semicolon.
const OTHER: &[(&str, char)] = &[
    ("apos", '\''),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("hairsp", '\u{200A}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("ZeroWidthSpace", '\u{200B}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("horbar", '―'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("rsquor", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("rdquor", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("bull", '•'),
    ("hellip", '…'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("oline", '‾'),
    ("frasl", '⁄'),
    ("euro", '€'),
    ("trade", '™'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("minus", '−'),
    ("star", '☆'),
    ("starf", '★'),
    ("check", '✓'),
    ("hyphen", '‐'),
    ("dash", '‐'),
    ("sol", '/'),
    ("colon", ':'),
    ("comma", ','),
    ("period", '.'),
    ("excl", '!'),
    ("quest", '?'),
    ("num", '#'),
    ("dollar", '$'),
    ("percnt", '%'),
    ("lpar", '('),
    ("rpar", ')'),
    ("ast", '*'),
    ("plus", '+'),
    ("equals", '='),
    ("lsqb", '['),
    ("rsqb", ']'),
    ("lowbar", '_'),
    ("verbar", '|'),
    ("NewLine", '\n'),
    ("Tab", '\t'),
];

/// Names accepted without a semicolon besides [`LATIN1`].
const BARE: &[(&str, char)] = &[("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"')];

fn named(name: &str, with_semicolon: bool) -> Option<char> {
    if let Some(&(_, c)) = BARE.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    if !with_semicolon {
        return None;
    }
    OTHER.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// A numeric reference's character, as browsers map it: 0x80..=0x9F as Windows-1252, invalid
/// code points as U+FFFD.
fn numeric(value: u32) -> char {
    match value {
        0x80..=0x9F => crate::import::encoding::windows_1252(value as u8),
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// Replaces character references; text without `&` comes back borrowed.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference right after `&` stands for, and how many bytes it takes.
fn reference(after: &str) -> Option<(char, usize)> {
    if let Some(num) = after.strip_prefix('#') {
        let (hex, digits_from) = match num.as_bytes().first() {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let digits = &after[digits_from..];
        let len = digits
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if len == 0 {
            return None;
        }
        let radix = if hex { 16 } else { 10 };
        // Saturating: a reference too large for any code point becomes U+FFFD, not a panic.
        let value = digits[..len].chars().fold(0u32, |acc, d| {
            acc.saturating_mul(radix)
                .saturating_add(d.to_digit(radix).unwrap_or(0))
        });
        let semicolon = usize::from(digits[len..].starts_with(';'));
        return Some((numeric(value), digits_from + len + semicolon));
    }
    let len = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = &after[..len];
    if after[len..].starts_with(';') {
        return named(name, true).map(|c| (c, len + 1));
    }
    // Without a semicolon only the legacy names count, and not when a name-like run or `=`
    // follows (a URL's `&copy=1` query stays as written).
    let next = after[len..].chars().next();
    if next.is_some_and(|c| c == '=') {
        return None;
    }
    named(name, false).map(|c| (c, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric_references_decode() {
        assert_eq!(
            decode_entities("Tom &amp; Jerry&#8217;s &#x201C;show&#x201d; &nbsp;&eacute;&euro;"),
            "Tom & Jerry’s “show” \u{a0}é€"
        );
        assert_eq!(
            decode_entities("&#150; &#0; &#xD800;"),
            "– \u{FFFD} \u{FFFD}"
        );
    }

    #[test]
    fn legacy_references_without_semicolon_decode_but_other_text_is_kept() {
        assert_eq!(decode_entities("&copy 2024 AT&T"), "© 2024 AT&T");
        assert_eq!(decode_entities("a.php?x=1&copy=2"), "a.php?x=1&copy=2");
        assert_eq!(decode_entities("&unknown; & &; &#;"), "&unknown; & &; &#;");
        assert_eq!(decode_entities("&hellip"), "&hellip", "needs its semicolon");
    }

    #[test]
    fn latin1_table_is_in_code_point_order() {
        assert_eq!(named("nbsp", true), Some('\u{a0}'));
        assert_eq!(named("copy", true), Some('©'));
        assert_eq!(named("Eacute", true), Some('É'));
        assert_eq!(named("yuml", true), Some('ÿ'));
    }

    #[test]
    fn huge_numbers_do_not_overflow() {
        assert_eq!(decode_entities("&#99999999999999;"), "\u{FFFD}");
        assert_eq!(decode_entities("&#00000008217;"), "’");
    }
}
