//! Turns a content file's bytes into text: UTF-8 (with or without a byte-order mark), the
//! encoding its front matter names (`encoding: big5`), or Windows-1252 when the bytes are
//! plainly single-byte Western text.

use encoding_rs::{DecoderResult, Encoding};

/// Text decoded from a file, and the encoding it was in when that was not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with non-breaking spaces as plain spaces.
    pub text: String,
    /// The encoding's name (`Big5`, `windows-1252`) when the file was not UTF-8.
    pub encoding: Option<&'static str>,
}

/// Why a file's bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not UTF-8, no encoding named, and not plain Windows-1252: the first bad byte.
    NotUtf8 {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// Not valid in the encoding the front matter names.
    Malformed {
        /// The encoding's name.
        encoding: &'static str,
        /// Byte offset of the first malformed sequence.
        offset: usize,
    },
    /// The front matter names an encoding that does not exist.
    UnknownEncoding {
        /// The name as written.
        label: String,
        /// 1-based line of the `encoding:` key.
        line: usize,
    },
}

/// Decodes `bytes`. UTF-8 first (dropping a byte-order mark); failing that, the encoding
/// the front matter names (`encoding: big5`; any WHATWG label: big5, gbk, gb18030,
/// shift_jis, euc-jp, euc-kr, windows-1252, …); failing that, Windows-1252 when every
/// non-ASCII byte stands alone between ASCII bytes and is one Windows-1252 defines
/// (curly quotes, dashes, accented letters: what Seeking Alpha copies are made of).
/// Anything else (an unnamed Big5, GBK or Shift-JIS file, binary) is refused with the byte
/// offset of the first byte that is not UTF-8: multi-byte encodings are not guessed.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_owned(bytes.to_vec())
}

/// [`decode`] without copying valid UTF-8.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let skip = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    if skip > 0 {
        bytes.drain(..skip);
    }
    let e = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: normalise(text),
                encoding: None,
            });
        }
        Err(e) => e,
    };
    let bytes = e.as_bytes();
    if let Some((label, line)) = declared_encoding(bytes) {
        let encoding = Encoding::for_label(label.as_bytes()).ok_or(DecodeError::UnknownEncoding { label, line })?;
        return decode_as(encoding, bytes)
            .map(|text| Decoded {
                text: normalise(text),
                encoding: Some(encoding.name()),
            })
            .map_err(|offset| DecodeError::Malformed {
                encoding: encoding.name(),
                offset: skip + offset,
            });
    }
    if skip == 0 && looks_like_windows_1252(bytes) {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        return Ok(Decoded {
            text: normalise(text.into_owned()),
            encoding: Some("windows-1252"),
        });
    }
    Err(DecodeError::NotUtf8 {
        offset: skip + e.utf8_error().valid_up_to(),
    })
}

/// The `encoding:` value of a file's front matter, read from the raw bytes (front matter
/// is ASCII in any encoding worth naming), with its 1-based line.
fn declared_encoding(bytes: &[u8]) -> Option<(String, usize)> {
    let mut lines = bytes.split(|&b| b == b'\n').map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    if lines.next()? != b"---" {
        return None;
    }
    for (i, line) in lines.enumerate().take(200) {
        if line == b"---" {
            return None;
        }
        if let Some(value) = line.strip_prefix(b"encoding:") {
            let value = String::from_utf8_lossy(value);
            let label = value.trim().trim_matches(['"', '\'']);
            return Some((label.to_string(), i + 2));
        }
    }
    None
}

/// What to say of an `encoding:` value that names no encoding.
pub fn unknown_encoding_message(label: &str) -> String {
    format!(
        "front matter `encoding`: no encoding is called `{label}` (big5, gbk, gb18030, shift_jis, euc-kr, windows-1252, …)"
    )
}

/// `bytes` decoded as `encoding`, or the offset of the first malformed sequence.
fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, after) => Err(read - usize::from(after) - usize::from(bad)),
        // Cannot happen: the buffer holds the longest possible output.
        DecoderResult::OutputFull => Err(read),
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
        assert_eq!(
            decode(b"ab\xA4\xBD\xA5\x71 text"),
            Err(DecodeError::NotUtf8 { offset: 2 })
        );
        assert_eq!(decode(b"\xEF\xBB\xBFab\xFFc"), Err(DecodeError::NotUtf8 { offset: 5 }));
        assert!(decode(b"x\x00\x92y").is_err());
    }

    #[test]
    fn an_encoding_named_in_front_matter_is_used() {
        let big5 = b"---\nencoding: big5\n---\n\xA4\xBD\xA5\x71 (ABC)\n";
        let d = decode(big5).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("---\nencoding: big5\n---\n公司 (ABC)\n", Some("Big5"))
        );
        let gbk = b"---\r\ntitle: x\r\nencoding: \"GBK\"\r\n---\r\n\xB9\xAB\xCB\xBE\r\n";
        assert_eq!(
            decode(gbk).unwrap().text,
            "---\r\ntitle: x\r\nencoding: \"GBK\"\r\n---\r\n公司\r\n"
        );
        // Shift_JIS has no sequence 0x82 0x20: the offset of the bad pair.
        let bad = b"---\nencoding: shift_jis\n---\nok \x82\x20 no";
        assert_eq!(
            decode(bad),
            Err(DecodeError::Malformed {
                encoding: "Shift_JIS",
                offset: 31
            })
        );
        let unknown = b"---\ntitle: t\nencoding: klingon\n---\n\xA4\xBD";
        assert_eq!(
            decode(unknown),
            Err(DecodeError::UnknownEncoding {
                label: "klingon".into(),
                line: 3
            })
        );
    }

    #[test]
    fn non_breaking_spaces_become_spaces() {
        assert_eq!(decode("a\u{a0}-- b".as_bytes()).unwrap().text, "a -- b");
    }
}
