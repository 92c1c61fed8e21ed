//! Fuzz target: decoding (UTF-8, an `encoding:` named in front matter, Windows-1252) and
//! front-matter splitting. Any bytes either decode or are refused with an offset inside
//! the input; decoded text either splits into front matter and a body or is refused with
//! an error, and the body is the tail of the text with its line offset right.
#![no_main]

use std::path::Path;

use callpress::content::decode::{self, DecodeError};
use callpress::content::parse_document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = match decode::decode(bytes) {
        Ok(decoded) => decoded.text,
        Err(DecodeError::NotUtf8 { offset } | DecodeError::Malformed { offset, .. }) => {
            assert!(offset < bytes.len().max(1), "refusal offset {offset} outside the input");
            return;
        }
        Err(DecodeError::UnknownEncoding { .. }) => return,
    };
    let Ok(doc) = parse_document(Path::new("fuzz.txt"), text.clone()) else {
        return;
    };
    assert!(text.ends_with(&doc.body), "the body is the text's tail");
    // (An empty body after a closing `---` without a newline has no first line to number.)
    if !doc.body.is_empty() {
        let head = &text[..text.len() - doc.body.len()];
        assert_eq!(
            head.matches('\n').count(),
            doc.body_line_offset,
            "the body's first line number"
        );
    }
});
