//! The fallback when no layout's markers fit: turns from lines that read as `Operator`,
//! `Name - Title`, or `Name: text`; the call builds with a warning naming the layouts tried.

use crate::diagnostic::WarningKind;
use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph};
use crate::transcript::speakers::{is_operator, looks_like_header, looks_like_name, split_header};

/// The layout's name.
pub const NAME: &str = "generic";

/// Parses any text; `tried` lists the layouts that did not fit.
pub fn parse(lines: &Lines<'_>, tried: &[&str]) -> Call {
    let mut meta = Meta::default();
    let mut b = CallBuilder::new();
    let first_line = lines.iter().find(|(_, l)| !l.trim().is_empty()).map_or(1, |(n, _)| n);
    b.warn(
        first_line,
        WarningKind::Layout,
        format!(
            "no known layout fits this file (tried: {}); read with the generic reader",
            tried.join(", ")
        ),
    );
    for block in common::blocks(lines) {
        let text = block.text.as_str();
        if meta.title.is_empty() && b.is_empty() && common::read_title_line(&mut meta, text) {
            continue;
        }
        let header =
            is_operator(text) || (text.len() <= 100 && looks_like_header(text) && split_header(text).1.is_some());
        if header {
            b.start_turn(text, block.line);
        } else if let Some((name, rest)) = common::speaker_prefix(text, |n| {
            is_operator(n) || (looks_like_name(n) && (2..=4).contains(&n.split_whitespace().count()))
        }) {
            b.start_turn(name, block.line);
            if !rest.is_empty() {
                b.add_paragraph(Paragraph::new(rest, block.line));
            }
        } else {
            b.add_paragraph(Paragraph::new(text, block.line));
        }
    }
    b.finish(NAME, meta)
}
