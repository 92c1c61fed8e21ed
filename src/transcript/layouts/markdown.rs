//! Hand-written Markdown transcripts: each turn a `## Speaker Name` (or `## Name — Title`)
//! heading followed by paragraphs; `# Prepared remarks` / `# Questions and answers` (or
//! those words as a `##` heading) mark the sections; a paragraph mostly in Chinese right
//! after an original is its translation.
//!
//! A `.md` file is read this way only when its front matter has call metadata (`ticker`,
//! `company` or `layout`); any other `.md` file is an ordinary page.

use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph};
use crate::transcript::speakers::split_header;

/// The layout's name.
pub const NAME: &str = "markdown";

const QA_HEADINGS: &[&str] = &["questions and answers", "q&a", "question-and-answer session", "q & a"];
const PREPARED_HEADINGS: &[&str] = &["prepared remarks", "presentation"];

/// How strongly `text` looks like this layout (only files chosen by front matter get here,
/// but a transcript of `##` speaker headings scores on its own too).
pub fn score(text: &str) -> f32 {
    let headings = text.lines().filter(|l| l.starts_with("## ")).count();
    if headings >= 2 { 0.3 } else { 0.0 }
}

fn section_of(heading: &str) -> Option<bool> {
    let h = heading.trim().trim_end_matches(':').to_lowercase();
    if QA_HEADINGS.contains(&h.as_str()) {
        Some(true)
    } else if PREPARED_HEADINGS.contains(&h.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// Parses the layout.
pub fn parse(lines: &Lines<'_>) -> Call {
    let mut meta = Meta::default();
    let mut b = CallBuilder::new();
    let mut last: Option<Paragraph> = None;
    for block in common::blocks(lines) {
        let text = block.text.as_str();
        let heading = text.strip_prefix("## ").or_else(|| text.strip_prefix("# "));
        if let Some(h) = heading {
            flush(&mut b, &mut last);
            match section_of(h) {
                Some(true) => b.mark_qa_here(),
                Some(false) => {}
                // The first top-level heading is the title; a later one (a pasted second
                // title, a stray heading) is kept as a note, never put in its place.
                None if text.starts_with("# ") && meta.title.is_empty() => meta.title = h.trim().to_string(),
                None if text.starts_with("# ") => common::note(&mut meta, block.line, "heading", h.trim()),
                None => {
                    let label = h.trim();
                    let (name, title) = match label.split_once(" — ") {
                        Some((n, t)) => (n.trim(), Some(t.trim())),
                        None => split_header(label),
                    };
                    b.start_turn_as(label, name, title, None, None, block.line);
                }
            }
            continue;
        }
        let pairs = last
            .as_ref()
            .is_some_and(|p| p.translation.is_none() && !common::mostly_cjk(&p.text));
        if pairs && common::mostly_cjk(text) {
            if let Some(p) = last.as_mut() {
                p.translation = Some(text.to_string());
                p.translation_line = Some(block.line);
            }
        } else {
            flush(&mut b, &mut last);
            last = Some(Paragraph::new(text, block.line));
        }
    }
    flush(&mut b, &mut last);
    b.finish(NAME, meta)
}

fn flush(b: &mut CallBuilder, last: &mut Option<Paragraph>) {
    if let Some(p) = last.take() {
        b.add_paragraph(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_turns_and_sections() {
        let text = "# Prepared remarks\n\n## Operator\n\nWelcome.\n\n## Rosa Tell — Chief Executive Officer\n\nRevenue was $3 million.\n\n營收為 300 萬美元。\n\n## Questions and answers\n\n## Ned Pike — Analyst, Wren & Co\n\nWhy?\n";
        let call = parse(&Lines::new(text, 5));
        assert_eq!(call.turns.len(), 3);
        assert_eq!(call.turns[1].line, 12);
        assert_eq!(
            call.turns[1].paragraphs[0].translation.as_deref(),
            Some("營收為 300 萬美元。")
        );
        assert_eq!(call.qa_start(), Some(2));
        assert_eq!(
            call.speaker("rosa-tell").unwrap().title.as_deref(),
            Some("Chief Executive Officer")
        );
    }
}
