//! Turns a content file's bytes into text: UTF-8 (with or without a byte-order mark), or
//! Windows-1252 when the bytes are plainly single-byte Western text.

/// Text decoded from a file, and the encoding it was in when that was not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with non-breaking spaces as plain spaces.
    pub text: String,
    /// `Some("windows-1252")` when the file was not UTF-8.
    pub encoding: Option<&'static str>,
}

/// Decodes `bytes`. UTF-8 first (dropping a byte-order mark); failing that,
/// Windows-1252 when every non-ASCII byte stands alone between ASCII bytes and is one
/// Windows-1252 defines (curly quotes, dashes, accented letters: what Seeking Alpha
/// copies are made of). Anything else (Big5, GBK, Shift-JIS, binary) is refused with the
/// byte offset of the first byte that is not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<Decoded, usize> {
    decode_owned(bytes.to_vec())
}

/// [`decode`] without copying valid UTF-8.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, usize> {
    let skip = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    if skip > 0 {
        bytes.drain(..skip);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: normalise(text),
            encoding: None,
        }),
        Err(e) if skip == 0 && looks_like_windows_1252(e.as_bytes()) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(e.as_bytes());
            Ok(Decoded {
                text: normalise(text.into_owned()),
                encoding: Some("windows-1252"),
            })
        }
        Err(e) => Err(skip + e.utf8_error().valid_up_to()),
    }
}

/// Non-breaking spaces in headers (`Name\u{a0}-- Title`) read as spaces.
fn normalise(text: String) -> String {
    if text.contains('\u{a0}') {
        text.replace('\u{a0}', " ")
    } else {
        text
    }
}

fn looks_like_windows_1252(bytes: &[u8]) -> bool {
    const UNDEFINED: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];
    let mut high = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            if b == 0 {
                return false;
            }
            continue;
        }
        high += 1;
        let neighbour_high = bytes.get(i + 1).is_some_and(|&n| n >= 0x80) || (i > 0 && bytes[i - 1] >= 0x80);
        if UNDEFINED.contains(&b) || neighbour_high {
            return false;
        }
    }
    high * 4 <= bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap().text, "hello");
    }

    #[test]
    fn windows_1252_quotes_and_dashes_are_decoded() {
        let d = decode(b"It\x92s a \x93test\x94 \x96 ok").unwrap();
        assert_eq!(d.text, "It\u{2019}s a \u{201c}test\u{201d} \u{2013} ok");
        assert_eq!(d.encoding, Some("windows-1252"));
    }

    #[test]
    fn multibyte_legacy_encodings_and_binary_are_refused_with_offset() {
        // "公司" in Big5 is two two-byte sequences of high bytes.
        assert_eq!(decode(b"ab\xA4\xBD\xA5\x71 text"), Err(2));
        assert_eq!(decode(b"\xEF\xBB\xBFab\xFFc"), Err(5));
        assert!(decode(b"x\x00\x92y").is_err());
    }

    #[test]
    fn non_breaking_spaces_become_spaces() {
        assert_eq!(decode("a\u{a0}-- b".as_bytes()).unwrap().text, "a -- b");
    }
}
