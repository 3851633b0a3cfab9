//! Bytes to text: binary files recognised, then UTF-8 (with or without a byte-order mark), UTF-16
//! with a byte-order mark, or Windows-1252 when the bytes are not UTF-8 (old archives and
//! Latin-1 files are the common case). Hand-written: an encoding crate's tables would cost more
//! wasm than the whole cleaner.

/// What a file's first bytes say it is, when that is a known binary format.
pub(crate) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"\x89PNG", "PNG image"),
        (b"GIF8", "GIF image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"PK\x03\x04", "ZIP archive or Office document"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\xD0\xCF\x11\xE0", "old Office document"),
        (b"7z\xBC\xAF", "7-Zip archive"),
        (b"Rar!", "RAR archive"),
        (b"\x7FELF", "program"),
        (b"MZ", "program"),
        (b"\x00asm", "WebAssembly module"),
        (b"SQLite format 3", "SQLite database"),
        (b"ID3", "MP3 audio"),
        (b"OggS", "Ogg audio"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" {
        return Some(match &bytes[8..12] {
            b"WEBP" => "WebP image",
            b"WAVE" => "WAV audio",
            _ => "RIFF media file",
        });
    }
    if bytes.len() >= 8 && &bytes[4..8] == b"ftyp" {
        return Some("MP4 or QuickTime media file");
    }
    if utf16_order(bytes).is_some() {
        return None;
    }
    // Text has no NUL bytes and few other control bytes; look at the start only, as a sniff.
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    (head.contains(&0) || controls * 20 > head.len()).then_some("binary data")
}

/// Byte order of a UTF-16 byte-order mark: `true` for little-endian.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// Decoded text, with a note for the reader when the file was not plain UTF-8.
pub(crate) struct Decoded {
    pub text: String,
    pub note: Option<String>,
}

/// Why bytes could not be text at all (only UTF-16 can fail: Windows-1252 takes any byte).
pub(crate) struct BadUtf16(pub String);

pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, BadUtf16> {
    if let Some(little) = utf16_order(bytes) {
        let text = decode_utf16(&bytes[2..], little)?;
        let order = if little { "little" } else { "big" };
        return Ok(Decoded {
            text,
            note: Some(format!(
                "Decoded as UTF-16 ({order}-endian), as the file's byte-order mark says."
            )),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            note: None,
        }),
        Err(_) => Ok(Decoded {
            text: bytes.iter().map(|&b| windows_1252(b)).collect(),
            note: Some("Decoded as Windows-1252 (Latin-1): the file was not UTF-8.".into()),
        }),
    }
}

fn decode_utf16(bytes: &[u8], little: bool) -> Result<String, BadUtf16> {
    if !bytes.len().is_multiple_of(2) {
        return Err(BadUtf16("it ends in the middle of a character".into()));
    }
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units)
        .enumerate()
        .map(|(i, c)| {
            c.map_err(|_| BadUtf16(format!("it has a broken character at byte {}", 2 + 2 * i)))
        })
        .collect()
}

/// Windows-1252, which browsers also use for pages labelled ISO-8859-1: Latin-1 plus typographic
/// quotes, dashes and the euro sign in 0x80..=0x9F. The five unassigned bytes map to the C1
/// controls of the same value, as the WHATWG Encoding Standard says.
pub(crate) fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, Option<String>) {
        let d = decode(bytes).unwrap_or_else(|e| panic!("{}", e.0));
        (d.text, d.note)
    }

    #[test]
    fn utf8_is_taken_as_is_with_or_without_a_bom_and_without_a_note() {
        assert_eq!(
            text("Café São Paulo".as_bytes()),
            ("Café São Paulo".into(), None)
        );
        assert_eq!(
            text(b"\xEF\xBB\xBFCaf\xC3\xA9"),
            ("Café".into(), None),
            "the BOM is not text"
        );
    }

    #[test]
    fn latin1_bytes_decode_as_windows_1252_with_a_note() {
        let (t, note) = text(b"Caf\xE9 S\xE3o Paulo \x93quoted\x94 \x80 5");
        assert_eq!(t, "Café São Paulo “quoted” € 5");
        assert!(note.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_a_bom_decodes_in_both_byte_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Café ’".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Café ’".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text(&le).0, "Café ’");
        assert_eq!(text(&be).0, "Café ’");
        assert!(text(&le).1.unwrap().contains("little-endian"));
        assert!(decode(&le[..le.len() - 1]).is_err(), "odd length");
        assert!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]).is_err(),
            "lone surrogate"
        );
    }

    #[test]
    fn binary_formats_are_named_and_text_is_not_binary() {
        assert_eq!(binary_kind(b"%PDF-1.7\n..."), Some("PDF"));
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n"), Some("PNG image"));
        assert_eq!(
            binary_kind(b"PK\x03\x04\x14\x00"),
            Some("ZIP archive or Office document")
        );
        assert_eq!(binary_kind(b"Title\n\nBody\x00more"), Some("binary data"));
        assert_eq!(binary_kind(b"Caf\xE9 au lait\r\n\tindented"), None);
        assert_eq!(binary_kind(&[0xFF, 0xFE, b'A', 0]), None, "UTF-16 has NULs");
        assert_eq!(binary_kind(b""), None);
    }
}
