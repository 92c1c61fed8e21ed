//! Turns a content file's bytes into text: UTF-8, with or without a byte-order mark.

/// Decodes `bytes` as UTF-8, dropping a leading byte-order mark.
///
/// On failure returns the byte offset (in the original bytes) of the first invalid byte,
/// so the message can point at it.
pub fn decode(bytes: &[u8]) -> Result<String, usize> {
    let (skip, rest) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    match std::str::from_utf8(rest) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(skip + e.valid_up_to()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn invalid_byte_offset_counts_the_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFab\xFFc"), Err(5));
        assert_eq!(decode(b"ab\x92c"), Err(2));
    }
}
