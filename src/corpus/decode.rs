//! Turning a file's bytes into text: binary sniffing and encoding detection.
//!
//! UTF-8 (with or without BOM) is taken as is; invalid bytes inside otherwise UTF-8 text are
//! replaced (U+FFFD) and the article is kept. UTF-16 is recognised by its BOM (or, without one,
//! by the NUL pattern of mostly-ASCII UTF-16). Anything else is legacy single-byte or CJK text
//! whose encoding `chardetng` guesses. The decoded text is never otherwise rewritten, so byte
//! offsets into it stay valid for every later stage.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// How many leading bytes are looked at to decide whether a file is text at all.
pub const SNIFF_BYTES: usize = 8 * 1024;

/// Decoded text (borrowed when the bytes already were UTF-8) and how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// Encoding name for display (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    pub encoding: String,
    /// True when some bytes could not be decoded and were replaced by U+FFFD.
    pub replaced: bool,
}

/// Well-known binary file signatures, so the skip reason can name the kind of file.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"\x7FELF", "executable (ELF)"),
    (b"\x1F\x8B", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xFD7zXZ", "xz archive"),
    (b"7z\xBC\xAF", "7z archive"),
    (b"\xD0\xCF\x11\xE0", "Office document (OLE)"),
    (b"{\\rtf", "RTF document"),
    (b"SQLite format", "SQLite database"),
];

/// Returns the encoding a byte-order mark announces, if `bytes` starts with one.
fn bom_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_bom(bytes).map(|(enc, _)| enc)
}

/// Guesses BOM-less UTF-16 from the NUL pattern of mostly-ASCII text.
fn bomless_utf16(sample: &[u8]) -> Option<&'static Encoding> {
    let pairs = sample.len() / 2;
    if pairs < 8 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    let many = pairs * 3 / 10;
    let few = pairs / 50;
    if odd_nul >= many && even_nul <= few {
        Some(UTF_16LE)
    } else if even_nul >= many && odd_nul <= few {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// 1 for control bytes that do not occur in text (everything below 0x20 except tab, line
/// feed, form feed, carriage return and escape; and DEL).
static CONTROL: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = 1;
        i += 1;
    }
    t[b'\t' as usize] = 0;
    t[b'\n' as usize] = 0;
    t[b'\r' as usize] = 0;
    t[0x0C] = 0;
    t[0x1B] = 0;
    t[0x7F] = 1;
    t
};

/// The encoding a BOM announces, or BOM-less UTF-16 (only possible when NUL bytes occur).
fn announced_encoding(sample: &[u8]) -> Option<&'static Encoding> {
    bom_encoding(sample).or_else(|| memchr::memchr(0, sample).and_then(|_| bomless_utf16(sample)))
}

/// Checks the first bytes of a file; `Err(reason)` when it is not text.
pub fn sniff(sample: &[u8]) -> Result<(), String> {
    let sample = &sample[..sample.len().min(SNIFF_BYTES)];
    if announced_encoding(sample).is_some_and(|enc| enc == UTF_16LE || enc == UTF_16BE) {
        return Ok(());
    }
    for (magic, kind) in MAGIC {
        if sample.starts_with(magic) {
            return Err(format!("binary file ({kind})"));
        }
    }
    if memchr::memchr(0, sample).is_some() {
        return Err("binary file (contains NUL bytes)".into());
    }
    let control: usize = sample.iter().map(|&b| usize::from(CONTROL[usize::from(b)])).sum();
    if !sample.is_empty() && control * 20 > sample.len() {
        return Err(format!("binary file ({} control bytes in the first {} bytes)", control, sample.len()));
    }
    Ok(())
}

/// Counts valid multi-byte UTF-8 sequences and invalid bytes in `bytes`.
fn utf8_profile(mut bytes: &[u8]) -> (usize, usize) {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                multibyte += s.bytes().filter(|&b| b >= 0xC0).count();
                return (multibyte, invalid);
            }
            Err(e) => {
                let good = e.valid_up_to();
                multibyte += bytes[..good].iter().filter(|&&b| b >= 0xC0).count();
                let bad = e.error_len().unwrap_or(bytes.len() - good).max(1);
                invalid += bad;
                bytes = &bytes[(good + bad).min(bytes.len())..];
            }
        }
    }
}

/// Decodes a whole file's bytes; valid UTF-8 is borrowed, not copied.
/// `Err(reason)` only for binary content.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, String> {
    sniff(bytes)?;
    let announced = announced_encoding(&bytes[..bytes.len().min(SNIFF_BYTES)]);
    if let Some(enc) = announced {
        let (text, replaced) = enc.decode_with_bom_removal(bytes);
        if enc != UTF_8 && text.contains('\0') {
            return Err(format!("binary file (NUL characters after {} decoding)", enc.name()));
        }
        return Ok(Decoded { text, encoding: enc.name().to_string(), replaced });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: Cow::Borrowed(text), encoding: "UTF-8".into(), replaced: false });
    }
    let (multibyte, invalid) = utf8_profile(bytes);
    // Real legacy-encoded text practically never contains valid multi-byte UTF-8 sequences;
    // UTF-8 text with a few corrupt bytes does.
    if multibyte > 0 && invalid <= multibyte * 4 {
        return Ok(Decoded {
            text: String::from_utf8_lossy(bytes),
            encoding: "UTF-8".into(),
            replaced: true,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, replaced) = enc.decode(bytes);
    Ok(Decoded { text, encoding: enc.name().to_string(), replaced })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("Seoul – “quoted”".as_bytes()).unwrap();
        assert_eq!(d.text, "Seoul – “quoted”");
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice("Hangul 한국".as_bytes());
        let d = decode(&with_bom).unwrap();
        assert_eq!(d.text, "Hangul 한국");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let s = "Korea, China to hold “talks”";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, s);
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&be).unwrap().text, s);
        // Without a BOM, mostly-ASCII UTF-16 is still recognised.
        assert_eq!(decode(&le[2..]).unwrap().text, s);
    }

    #[test]
    fn latin1_is_detected_as_legacy() {
        let bytes = b"Le caf\xe9 de la r\xe9publique a \xe9t\xe9 ferm\xe9 apr\xe8s la gr\xe8ve.";
        let d = decode(bytes).unwrap();
        assert!(d.text.contains("café de la république"), "{}", d.text);
        assert_ne!(d.encoding, "UTF-8");
    }

    #[test]
    fn invalid_bytes_inside_utf8_are_replaced() {
        let mut bytes = "The minister said “yes” on Tuesday. ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xFF\xFE broken ");
        bytes.extend_from_slice("and “no” on Wednesday.".as_bytes());
        let d = decode(&bytes).unwrap();
        assert!(d.replaced);
        assert!(d.text.contains('\u{FFFD}'));
        assert!(d.text.ends_with("on Wednesday."));
    }

    #[test]
    fn binaries_are_refused_with_a_reason() {
        assert!(decode(b"%PDF-1.7 rest").unwrap_err().contains("PDF"));
        assert!(decode(b"abc\0def").unwrap_err().contains("NUL"));
        let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert!(decode(&noise).is_err());
    }
}
