//! The bilingual bullet layout: a title line, `內容摘要` summary, `完整原文` transcript of
//! `  • original` bullets each followed by an indented translation line.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::WarningKind;
use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph};
use crate::transcript::speakers::looks_like_header;

/// The layout's name in `call.json` and in `layout:` front matter.
pub const NAME: &str = "bilingual";

const SUMMARY_MARKERS: &[&str] = &["內容摘要", "内容摘要", "Summary"];
const TRANSCRIPT_MARKERS: &[&str] = &["完整原文", "Full Transcript", "Transcript"];
const NOTICE_PREFIXES: &[&str] = &["使用警語", "使用警语"];

/// How strongly `text` looks like this layout: the share of non-blank lines that are
/// bullets or their indented translations.
pub fn score(text: &str) -> f32 {
    let mut bullets = 0usize;
    let mut nonblank = 0usize;
    for line in text.lines().take(400) {
        if line.trim().is_empty() {
            continue;
        }
        nonblank += 1;
        if bullet_text(line).is_some() {
            bullets += 1;
        }
    }
    if bullets < 2 {
        0.0
    } else {
        (2.0 * bullets as f32 / nonblank as f32).min(1.0)
    }
}

/// The text of a bullet line `  • text`, or `None`.
fn bullet_text(line: &str) -> Option<&str> {
    line.trim_start().strip_prefix('•').map(str::trim)
}

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<company>.+?)\s*[(（](?:[A-Za-z]+:)?(?P<ticker>[A-Za-z0-9.\-]{1,12})[)）]\s*(?P<year>\d{4})\s*Q(?P<quarter>[1-4])")
        .expect("static regex")
});

#[derive(Clone, Copy, PartialEq, Eq)]
enum Zone {
    Head,
    Summary,
    Transcript,
}

/// A bullet with its translation, before we know whether it is a header.
struct Bullet {
    text: String,
    line: usize,
    translation: Option<(String, usize)>,
}

/// Parses the layout. Every line ends up as metadata, summary, a header, a paragraph,
/// a translation, or in a warning.
pub fn parse(lines: &Lines<'_>) -> Call {
    let mut meta = Meta::default();
    let mut b = CallBuilder::new();
    let mut bullets: Vec<Bullet> = Vec::new();
    let mut zone = Zone::Head;
    for (line, raw) in lines.iter() {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if SUMMARY_MARKERS.contains(&trimmed) && zone == Zone::Head {
            zone = Zone::Summary;
        } else if TRANSCRIPT_MARKERS.contains(&trimmed) && zone != Zone::Transcript {
            zone = Zone::Transcript;
        } else if NOTICE_PREFIXES.iter().any(|p| trimmed.starts_with(p)) {
            common::add_translation_notice(&mut meta, trimmed);
        } else if let Some(text) = bullet_text(raw) {
            zone = Zone::Transcript;
            bullets.push(Bullet {
                text: text.to_string(),
                line,
                translation: None,
            });
        } else if zone == Zone::Transcript && raw.starts_with([' ', '\t', '\u{3000}']) && !bullets.is_empty() {
            add_translation_line(&mut bullets, trimmed, line);
        } else if zone == Zone::Head && (meta.title.is_empty() || (meta.ticker.is_empty() && TITLE.is_match(trimmed))) {
            // A page title before the real title line (HTML `<title>`) is kept as a note.
            if !meta.title.is_empty() {
                let previous = std::mem::take(&mut meta.title);
                common::note(&mut meta, line, "header", &previous);
            }
            read_title(&mut meta, trimmed);
        } else if zone == Zone::Head && !meta.ticker.is_empty() {
            common::note(&mut meta, line, "header", trimmed);
        } else if zone == Zone::Summary {
            meta.summary.push(trimmed.to_string());
        } else {
            b.warn(
                line,
                WarningKind::UnplacedLine,
                format!("line not part of any bullet or section: \"{}\"", excerpt(trimmed)),
            );
        }
    }
    let bilingual = bullets.iter().any(|x| x.translation.is_some());
    for bullet in bullets {
        add_bullet(&mut b, bullet, bilingual);
    }
    b.finish(NAME, meta)
}

fn add_translation_line(bullets: &mut [Bullet], text: &str, line: usize) {
    if let Some(last) = bullets.last_mut() {
        match &mut last.translation {
            None => last.translation = Some((text.to_string(), line)),
            // A translation wrapped over several lines: one paragraph, joined.
            Some((t, _)) => {
                t.push('\n');
                t.push_str(text);
            }
        }
    }
}

fn read_title(meta: &mut Meta, line: &str) {
    meta.title = line.to_string();
    if let Some(c) = TITLE.captures(line) {
        meta.company = c["company"].trim().to_string();
        meta.ticker = c["ticker"].to_uppercase();
        meta.year = c["year"].parse().ok();
        meta.quarter = c["quarter"].parse().ok();
    }
}

/// A bullet whose translation repeats it verbatim (or, in a file without translations,
/// any bullet) that reads as `Name - Title` or `Operator` opens a turn.
fn add_bullet(b: &mut CallBuilder, bullet: Bullet, bilingual: bool) {
    let repeats = match &bullet.translation {
        Some((t, _)) => t.trim() == bullet.text,
        None => !bilingual,
    };
    if repeats && looks_like_header(&bullet.text) {
        b.start_turn(&bullet.text, bullet.line);
        return;
    }
    if bilingual && bullet.translation.is_none() {
        b.warn(
            bullet.line,
            WarningKind::MissingTranslation,
            "paragraph has no translation line",
        );
    }
    let (translation, translation_line) = match bullet.translation {
        Some((t, l)) => (Some(t), Some(l)),
        None => (None, None),
    };
    b.add_paragraph(Paragraph {
        text: bullet.text,
        translation,
        line: bullet.line,
        translation_line,
        timestamp: None,
    });
}

/// The first 80 characters of `text`, for messages.
pub fn excerpt(text: &str) -> String {
    let mut s: String = text.chars().take(80).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::model::{Role, Section};

    const SAMPLE: &str = "示例公司 (EXMP) 2025 Q2 法說會逐字稿\n\n內容摘要\n\n摘要一。\n\n完整原文\n\n使用警語:機器翻譯\n\n  • Operator\n\n    Operator\n\n  • Welcome to the call.\n\n    歡迎。\n\n  • Jane Roe - CEO\n\n    Jane Roe - CEO\n\n  • Revenue was $5 million.\n\n    營收為 500 萬美元。\n\n  • Operator\n\n    Operator\n\n  • Our first question comes from the line of Sam Poe with Acme.\n\n    第一個問題。\n\n  • Samuel Poe - Analyst\n\n    Samuel Poe - Analyst\n\n  • Thanks.\n\n    謝謝。\n";

    #[test]
    fn parses_title_summary_turns_and_sections() {
        let call = parse(&Lines::new(SAMPLE, 0));
        assert_eq!(call.meta.ticker, "EXMP");
        assert_eq!(call.meta.company, "示例公司");
        assert_eq!((call.meta.year, call.meta.quarter), (Some(2025), Some(2)));
        assert_eq!(call.meta.summary, ["摘要一。"]);
        assert_eq!(call.meta.translation_notice.as_deref(), Some("使用警語:機器翻譯"));
        assert_eq!(call.turns.len(), 4);
        assert_eq!(call.paragraph_count(), 4);
        assert_eq!(call.turns[2].section, Section::Qa);
        assert_eq!(call.turns[1].section, Section::Prepared);
        assert_eq!(call.speaker("samuel-poe").unwrap().role, Role::Analyst);
        assert_eq!(
            call.turns[1].paragraphs[0].translation.as_deref(),
            Some("營收為 500 萬美元。")
        );
        assert!(call.warnings.is_empty(), "{:?}", call.warnings);
    }

    #[test]
    fn a_sentence_repeated_verbatim_is_still_a_paragraph() {
        let text = "  • Operator\n    Operator\n  • And now I'll turn the call over to Andy.\n    And now I'll turn the call over to Andy.\n";
        let call = parse(&Lines::new(text, 0));
        assert_eq!(call.turns.len(), 1);
        assert_eq!(call.paragraph_count(), 1);
    }

    #[test]
    fn bullets_without_translations_still_make_turns() {
        let text = "  • Operator\n  • Welcome.\n  • Jane Roe - CEO\n  • Hello.\n";
        let call = parse(&Lines::new(text, 0));
        assert_eq!(call.turns.len(), 2);
        assert!(call.turns[1].paragraphs[0].translation.is_none());
        assert!(call.warnings.is_empty());
    }

    #[test]
    fn stray_lines_become_warnings_with_their_line() {
        let text = "Title (ABC) 2024 Q1\nstray head line\n  • Operator\n    Operator\nstray\n";
        let call = parse(&Lines::new(text, 10));
        let lines: Vec<usize> = call.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [15], "a stray line inside the transcript is a warning");
        let note = &call.meta.notes[0];
        assert_eq!(
            (note.line, note.text.as_str()),
            (12, "stray head line"),
            "preamble lines are notes"
        );
    }

    #[test]
    fn a_missing_translation_is_reported() {
        let text = "  • Operator\n    Operator\n  • One.\n    一。\n  • Two.\n";
        let call = parse(&Lines::new(text, 0));
        assert_eq!(call.warnings.len(), 1);
        assert_eq!(call.warnings[0].kind, WarningKind::MissingTranslation);
        assert_eq!(call.warnings[0].line, 5);
    }
}
