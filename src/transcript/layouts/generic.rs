//! The fallback when no layout's markers fit: turns from lines that read as `Operator`,
//! `Name - Title`, or `Name: text`; the call builds with a warning naming the layouts tried.

use crate::diagnostic::WarningKind;
use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common::{self, Block};
use crate::transcript::model::{Call, Meta, Paragraph};
use crate::transcript::speakers::{is_operator, looks_like_header, looks_like_name, split_header};

/// The layout's name.
pub const NAME: &str = "generic";

/// What a block opens, if anything: a turn (with its first words, for `Name: text`).
fn opens_turn(text: &str) -> Option<(&str, &str)> {
    if is_operator(text) || (text.len() <= 100 && looks_like_header(text) && split_header(text).1.is_some()) {
        return Some((text, ""));
    }
    common::speaker_prefix(text, |n| {
        is_operator(n) || (looks_like_name(n) && (2..=4).contains(&n.split_whitespace().count()))
    })
}

/// Parses any text; `tried` lists the layouts that did not fit. Text before the first
/// speaker is kept as header notes (or, when no speaker is found at all, as speech).
pub fn parse(lines: &Lines<'_>, tried: &[&str]) -> Call {
    let mut meta = Meta::default();
    let mut b = CallBuilder::new();
    let blocks: Vec<Block> = common::blocks(lines);
    let first_line = blocks.first().map_or(1, |b| b.line);
    b.warn(
        first_line,
        WarningKind::Layout,
        format!(
            "no known layout fits this file (tried: {}); read with the generic reader",
            tried.join(", ")
        ),
    );
    let first_turn = blocks.iter().position(|b| opens_turn(&b.text).is_some());
    for (i, block) in blocks.iter().enumerate() {
        let text = block.text.as_str();
        if first_turn.is_some_and(|f| i < f) {
            if !(meta.ticker.is_empty() && common::read_title_line(&mut meta, text)) {
                common::note(&mut meta, block.line, "header", text);
            }
            continue;
        }
        match opens_turn(text) {
            Some((label, rest)) => {
                b.start_turn(label, block.line);
                if !rest.is_empty() {
                    b.add_paragraph(Paragraph::new(rest, block.line));
                }
            }
            None => b.add_paragraph(Paragraph::new(text, block.line)),
        }
    }
    b.finish(NAME, meta)
}
