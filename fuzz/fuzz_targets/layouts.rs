//! Fuzz target: every layout parser on any text. The first byte picks the layout. No
//! panic, no hang, every line number in range, and (for the line-based layouts) no lost
//! line: each line with words ends up in the call or is named by a warning.
#![no_main]

#[path = "../../tests/support/placement.rs"]
mod placement;

use callpress::transcript::Lines;
use callpress::transcript::detect::Layout;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let names = Layout::names();
    let name = names[usize::from(pick) % names.len()];
    let Some(layout) = Layout::from_name(name) else {
        return;
    };
    let Ok(call) = layout.parse(&Lines::new(text, 0)) else {
        // JSON and YAML refuse what is not theirs; HTML refuses nesting past its depth limit.
        assert!(matches!(name, "json" | "yaml" | "html"), "{name} refused text");
        return;
    };
    if matches!(name, "json" | "yaml" | "html") {
        // Not line-based: their line numbers count statements or extracted text.
        return;
    }
    let count = text.lines().count();
    for turn in &call.turns {
        for p in &turn.paragraphs {
            assert!((1..=count).contains(&p.line), "{name}: paragraph line {} of {count}", p.line);
        }
    }
    for (i, raw) in text.lines().enumerate() {
        if let Some(t) = placement::essence(raw) {
            assert!(placement::placed(&call, i + 1, t), "{name}: line {} lost: {raw:?}", i + 1);
        }
    }
});
