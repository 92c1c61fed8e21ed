//! Fuzz target: the English and Chinese number grammars and the translation check. Spans
//! lie on character boundaries inside the text, values are finite, and nothing panics.
#![no_main]

use callpress::figures::grammar::{chinese, english};
use callpress::figures::translation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for m in english(text).into_iter().chain(chinese(text)) {
        assert!(m.start <= m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(m.low.value.is_finite());
        if let Some(high) = &m.high {
            assert!(high.value.is_finite());
        }
    }
    // Split anywhere into an "original" and a "translation".
    let mid = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let _ = translation::check(&text[..mid], &text[mid..]);
});
