//! Property tests: arbitrary text never panics the parser and never loses a line.
//! 256 cases per property by default; a longer run: `PROPTEST_CASES=20000 cargo test --release --test parser_properties`.

use std::path::Path;

use proptest::prelude::*;

// Shared with the cargo-fuzz targets in fuzz/, which replay the same check.
#[path = "support/placement.rs"]
mod placement;
use placement::{MARKERS, essence, placed};

/// Lines shaped like the bilingual layout's parts, and noise.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("  • Operator".to_string()),
        Just("    Operator".to_string()),
        Just("內容摘要".to_string()),
        Just("完整原文".to_string()),
        Just("使用警語:機器翻譯".to_string()),
        Just(String::new()),
        "[A-Z][a-z]{1,8} [A-Z][a-z]{1,8} - [A-Z][a-z]{2,10}".prop_map(|s| format!("  • {s}")),
        "[A-Za-z0-9 $%.,]{0,40}".prop_map(|s| format!("  • {s}")),
        "[A-Za-z0-9 $%.,]{0,40}".prop_map(|s| format!("    {s}")),
        "\\PC{0,30}",
        "[A-Z][a-z]+ \\([A-Z]{2,4}\\) 20[0-9]{2} Q[1-4]",
    ]
}

/// Lines of every family's shapes, and noise.
fn any_layout_line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => line(),
        3 => proptest::sample::select(MARKERS).prop_map(str::to_string),
        1 => "[A-Z][a-z]{1,8} [A-Z][a-z]{1,8} -- [A-Z][a-z]{2,10}( -- Analyst)?",
        1 => "[A-Z][a-z]{1,8} [A-Z][a-z]{1,8} - [A-Z][a-z]{2,10} Inc\\.",
        1 => "(Operator|[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}): ?[A-Za-z ,.$%0-9]{0,30}",
        1 => "\\*\\*[A-Z][a-z]{1,8} [A-Z][a-z]{1,8} - [A-Z][a-z]+, CFO\\*\\*",
        1 => "\\(00:0[0-9]:[0-5][0-9]\\) [A-Za-z 0-9.,]{0,30}",
        1 => "\\(00:0[0-9]:[0-5][0-9]\\) [一-龥]{1,10}",
        1 => "([0-9]\\. )?\\[(EN|中)\\] [A-Za-z一-龥 :.]{0,30}",
        1 => "## [A-Z][a-z]{1,8} [A-Z][a-z]{1,8}",
        // The general reader's conventions and the subtitle and table containers.
        1 => "[A-Z]{2,8} [A-Z]{2,8}(, [A-Z]{3,9}){0,2}: ?[A-Za-z ,.$%0-9]{0,30}",
        1 => "[A-Z]{2,8} [A-Z]{2,8}, [A-Z]{3,9}",
        1 => "Speaker [0-9] \\(0[0-9]:[0-5][0-9]\\):?",
        1 => "\\| [A-Za-z :.]{1,20} \\| [一-龥]{0,8} \\|",
        1 => Just("|---|---|".to_string()),
        1 => "Page [0-9]( of [0-9])?",
        1 => "00:0[0-9]:[0-5][0-9][.,]000 --> 00:0[0-9]:[0-5][0-9][.,]000",
        1 => "<v [A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?>[A-Za-z ,.]{0,30}",
        1 => ">> ([A-Z]{2,8}: )?[A-Za-z ,.]{0,20}",
        1 => Just("WEBVTT".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn bilingual_parser_never_panics_or_loses_a_line(lines in proptest::collection::vec(line(), 0..40)) {
        let text = lines.join("\n");
        let doc = callpress::content::parse_document(Path::new("p.txt"), text.clone()).unwrap();
        let Ok(call) = callpress::transcript::parse_document(&doc) else { return Ok(()) };
        for (i, raw) in text.lines().enumerate() {
            let Some(t) = essence(raw) else { continue };
            prop_assert!(placed(&call, i + 1, t), "line {} lost: {:?}\n{}", i + 1, raw, text);
        }
    }

        #[test]
    fn every_layout_never_panics_or_loses_a_line(
        lines in proptest::collection::vec(any_layout_line(), 0..40),
        separator in proptest::sample::select(&["\n", "\n\n", "\r\n"][..]),
    ) {
        let text = lines.join(separator);
        for name in callpress::transcript::detect::Layout::names() {
            let layout = callpress::transcript::detect::Layout::from_name(name).unwrap();
            if matches!(name, "json" | "yaml" | "html" | "tokens") {
                // Not line-based text (a token row's columns are not its words): these
                // only must not panic.
                let _ = layout.parse(&callpress::transcript::Lines::new(&text, 0));
                continue;
            }
            let call = layout.parse(&callpress::transcript::Lines::new(&text, 0)).unwrap();
            for (i, raw) in text.lines().enumerate() {
                let Some(t) = essence(raw) else { continue };
                prop_assert!(placed(&call, i + 1, t), "{name}: line {} lost: {:?}\n{}", i + 1, raw, text);
            }
        }
    }

    #[test]
    fn front_matter_splitting_never_panics(text in "(---\n)?\\PC{0,80}(\n---\n)?\\PC{0,40}") {
        let _ = callpress::content::parse_document(Path::new("p.txt"), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn number_grammar_never_panics_and_spans_are_in_bounds(text in "(\\PC|[$%.,0-9 ]|billion|million|between|and|to|億|萬|美元|基點){0,60}") {
        for m in callpress::figures::grammar::english(&text).into_iter().chain(callpress::figures::grammar::chinese(&text)) {
            prop_assert!(m.start <= m.end && m.end <= text.len());
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            prop_assert!(m.low.value.is_finite());
        }
        let _ = callpress::figures::translation::check(&text, &text);
    }

    #[test]
    fn figure_extraction_never_panics(words in proptest::collection::vec(prop_oneof![
        Just("revenue".to_string()), Just("operating income".to_string()), Just("was".to_string()),
        Just("up".to_string()), Just("between".to_string()), Just("and".to_string()), Just("we expect".to_string()),
        Just("in Q2".to_string()), Just(";".to_string()), Just(".".to_string()), Just("AWS segment".to_string()),
        "\\$[0-9]{1,3}(\\.[0-9])? (billion|million)", "[0-9]{1,2}%", "[0-9]{2,3} basis points", "[A-Za-z]{1,8}",
    ], 0..40)) {
        let text = words.join(" ");
        let body = format!("X (ABC) 2024 Q1\n  • Jane Roe - CFO\n  • {text}\n");
        let doc = callpress::content::parse_document(Path::new("p.txt"), body).unwrap();
        if let Ok(mut call) = callpress::transcript::parse_document(&doc) {
            let figures = callpress::figures::extract(&mut call);
            for f in &figures.figures {
                prop_assert!(text.contains(&f.text));
            }
            prop_assert!(figures.headline_is_sound());
        }
    }
}
