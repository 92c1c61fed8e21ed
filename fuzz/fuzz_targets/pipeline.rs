//! Fuzz target: a whole file through detection, the chosen parser and the figures, as a
//! build reads it. No panic, no hang; figure spans lie inside their paragraphs.
#![no_main]

use std::path::Path;

use callpress::content::parse_document;
use callpress::transcript::detect::detect;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = detect(text);
    let Ok(doc) = parse_document(Path::new("fuzz.txt"), text.to_string()) else {
        return;
    };
    let Ok(mut call) = callpress::transcript::parse_document(&doc) else {
        return;
    };
    let figures = callpress::figures::extract(&mut call);
    for (turn, marks) in call.turns.iter().zip(&figures.marks) {
        for (p, marks) in turn.paragraphs.iter().zip(marks) {
            for m in marks {
                assert!(m.start <= m.end && p.text.get(m.start..m.end).is_some());
            }
        }
    }
    assert!(figures.headline_is_sound());
});
