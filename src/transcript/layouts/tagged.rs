//! Bilingual paragraph pairs marked by language tags: `[EN] Name: text` followed by
//! `[中] 譯文` (numbered `12. [EN]` or not). Speakers are named on the original only.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::WarningKind;
use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph};
use crate::transcript::speakers::{is_operator, looks_like_header, looks_like_name, split_header};

/// The layout's name.
pub const NAME: &str = "tagged";

static TAGGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d+[.)]\s*)?\[(?P<tag>EN|En|en|ENG|英|原文|中|中文|ZH|zh|譯|译|譯文)\]\s*(?P<text>.*)$")
        .expect("static regex")
});

fn is_original(tag: &str) -> bool {
    matches!(tag, "EN" | "En" | "en" | "ENG" | "英" | "原文")
}

/// How strongly `text` looks like this layout.
pub fn score(text: &str) -> f32 {
    let tagged = text.lines().take(2000).filter(|l| TAGGED.is_match(l.trim())).count();
    if tagged < 2 { 0.0 } else { 0.95 }
}

/// A speaker named at the start of an original: `Name: text` or `Name - Title: text`.
fn speaker(text: &str) -> Option<(&str, &str)> {
    common::speaker_prefix(text, |n| {
        is_operator(n) || looks_like_header(n) || (looks_like_name(n) && n.split_whitespace().count() >= 2)
    })
}

/// Parses the layout.
pub fn parse(lines: &Lines<'_>) -> Call {
    let mut meta = Meta::default();
    let mut b = CallBuilder::new();
    let mut last: Option<Paragraph> = None;
    for (line, raw) in lines.iter() {
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        let Some(c) = TAGGED.captures(t) else {
            if b.is_empty() && last.is_none() && meta.title.is_empty() {
                if !common::read_title_line(&mut meta, t) {
                    meta.title = t.to_string();
                }
            } else {
                b.warn(
                    line,
                    WarningKind::UnplacedLine,
                    format!("line without a language tag: \"{}\"", super::bilingual::excerpt(t)),
                );
                common::note(&mut meta, line, "other", t);
            }
            continue;
        };
        let text = c["text"].trim();
        if is_original(&c["tag"]) {
            if let Some(p) = last.take() {
                b.add_paragraph(p);
            }
            let rest = match speaker(text) {
                Some((label, rest)) => {
                    let (name, title) = split_header(label);
                    b.start_turn_as(label, name, title, None, None, line);
                    rest
                }
                None => text,
            };
            if !rest.is_empty() {
                last = Some(Paragraph::new(rest, line));
            }
        } else {
            match last.as_mut() {
                Some(p) if p.translation.is_none() => {
                    p.translation = Some(text.to_string());
                    p.translation_line = Some(line);
                }
                _ => {
                    b.warn(
                        line,
                        WarningKind::UnplacedLine,
                        "translation without an original before it; kept as a paragraph",
                    );
                    let mut p = Paragraph::new("", line);
                    p.translation = Some(text.to_string());
                    p.translation_line = Some(line);
                    b.add_paragraph(p);
                }
            }
        }
    }
    if let Some(p) = last.take() {
        b.add_paragraph(p);
    }
    b.finish(NAME, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_come_from_originals_only() {
        let text = "Fenwick Dairy (FWDY) 2025 Q1\n1. [EN] Operator: Welcome to the call.\n1. [中] 主持人：歡迎參加。\n2. [EN] Hal Ives - CFO: Sales were $9 million.\n2. [中] Hal Ives - 財務長：銷售額為 900 萬美元。\n3. [EN] We expect growth.\n3. [中] 我們預期成長。\n";
        let call = parse(&Lines::new(text, 0));
        assert_eq!(call.meta.ticker, "FWDY");
        assert_eq!(call.turns.len(), 2);
        assert_eq!(call.speakers.len(), 2, "{:?}", call.speakers);
        assert_eq!(call.turns[1].paragraphs.len(), 2);
        assert_eq!(
            call.turns[1].paragraphs[0].translation.as_deref(),
            Some("Hal Ives - 財務長：銷售額為 900 萬美元。")
        );
        assert!(call.warnings.is_empty());
    }
}
