//! Bilingual Markdown with timestamps (Taiwanese transcript services): `## Memo`,
//! `## Transcript`, `### Presentation`, `### Q&A`, speaker headers
//! `**Name - Company, Title**`, each paragraph `(hh:mm:ss) original` followed by
//! `(hh:mm:ss) translation`.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::WarningKind;
use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph};

/// The layout's name.
pub const NAME: &str = "timestamped-markdown";

static HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\*\*(?P<label>[^*]{2,120})\*\*$").expect("static regex"));
static STAMPED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\((?P<ts>\d{1,2}:\d{2}(?::\d{2})?)\)\s*(?P<text>.*)$").expect("static regex"));
static TITLE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?P<y>20\d{2})(?P<m>\d{2})(?P<d>\d{2})").expect("static regex"));

/// How strongly `text` looks like this layout.
pub fn score(text: &str) -> f32 {
    let stamped = text.lines().take(3000).filter(|l| STAMPED.is_match(l.trim())).count();
    let headings = text
        .lines()
        .filter(|l| matches!(l.trim(), "## Transcript" | "### Q&A" | "### Presentation" | "## Memo"))
        .count();
    if stamped < 2 {
        0.0
    } else {
        (0.2 * headings as f32 + 0.4).min(1.0)
    }
}

#[derive(PartialEq, Eq)]
enum Zone {
    Head,
    Memo,
    Transcript,
}

/// Parses the layout.
pub fn parse(lines: &Lines<'_>) -> Call {
    let mut meta = Meta::default();
    let mut b = CallBuilder::new();
    let mut zone = Zone::Head;
    let mut last: Option<Paragraph> = None;
    for (line, raw) in lines.iter() {
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        match t {
            "## Memo" => {
                zone = Zone::Memo;
                continue;
            }
            "## Transcript" | "### Presentation" => {
                zone = Zone::Transcript;
                continue;
            }
            "### Q&A" | "### Q & A" | "### Questions and Answers" => {
                flush(&mut b, &mut last);
                zone = Zone::Transcript;
                b.mark_qa_here();
                continue;
            }
            _ => {}
        }
        match zone {
            Zone::Head => read_head(&mut meta, line, t),
            Zone::Memo => common::note(&mut meta, line, "memo", t),
            Zone::Transcript => {
                if let Some(c) = HEADER.captures(t) {
                    flush(&mut b, &mut last);
                    let label = &c["label"];
                    let (name, rest) = label
                        .split_once(" - ")
                        .map_or((label, None), |(n, r)| (n.trim(), Some(r.trim())));
                    let (company, title) = match rest.and_then(|r| r.split_once(", ")) {
                        Some((c, t)) => (Some(c), Some(t)),
                        None => (rest, None),
                    };
                    b.start_turn_as(t, name, title, company, None, line);
                } else if let Some(c) = STAMPED.captures(t) {
                    let (ts, text) = (c["ts"].to_string(), c["text"].to_string());
                    // The translation repeats the original's timestamp on the next line.
                    let pairs = last
                        .as_ref()
                        .is_some_and(|p| p.timestamp.as_deref() == Some(&ts) && p.translation.is_none());
                    if pairs && common::mostly_cjk(&text) {
                        if let Some(p) = last.as_mut() {
                            p.translation = Some(text);
                            p.translation_line = Some(line);
                        }
                    } else {
                        flush(&mut b, &mut last);
                        let mut p = Paragraph::new(text, line);
                        p.timestamp = Some(ts);
                        last = Some(p);
                    }
                } else if t.starts_with('#') {
                    common::note(&mut meta, line, "heading", t);
                } else {
                    flush(&mut b, &mut last);
                    b.warn(
                        line,
                        WarningKind::UnplacedLine,
                        format!("line without timestamp: \"{}\"", super::bilingual::excerpt(t)),
                    );
                    b.add_paragraph(Paragraph::new(t, line));
                }
            }
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

fn read_head(meta: &mut Meta, line: usize, t: &str) {
    // The first `# ` line is the title; a later one is kept as a note, never put in its
    // place (as the Markdown layout does).
    if let Some(title) = t.strip_prefix("# ").filter(|_| meta.title.is_empty()) {
        meta.title = title.trim().to_string();
        if let Some(c) = TITLE_DATE.captures(title) {
            let date = format!("{}-{}-{}", &c["y"], &c["m"], &c["d"]);
            if crate::content::frontmatter::is_iso_date(&date) {
                meta.date = Some(date);
            }
        }
        if let Some((company, _)) = title.split_once('_') {
            meta.company = company.trim().to_string();
        }
        return;
    }
    if t.contains("警語") {
        common::add_translation_notice(meta, t.trim_matches('*'));
    }
    common::note(meta, line, "header", t);
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# 青嶺科技_20250812\n**警語：此逐字稿為 AI 生成。**\n\n## Memo\n- 營收成長。 [(00:00:05) Mei Lin]\n\n## Transcript\n\n### Presentation\n\n**Mei Lin - Qingling Tech, CFO**\n(00:00:05) Revenue grew 12% this quarter.\n(00:00:05) 本季營收成長 12%。\n(00:00:20) Margins were stable.\n(00:00:20) 利潤率維持穩定。\n\n### Q&A\n\n**Tom Hale - Pinewood Research, Analyst**\n(00:01:00) What about next quarter?\n(00:01:00) 下一季呢？\n";

    #[test]
    fn pairs_originals_and_translations_by_timestamp() {
        let call = parse(&Lines::new(SAMPLE, 0));
        assert_eq!(call.meta.date.as_deref(), Some("2025-08-12"));
        assert_eq!(call.turns.len(), 2);
        let p = &call.turns[0].paragraphs;
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].timestamp.as_deref(), Some("00:00:05"));
        assert_eq!(p[0].translation.as_deref(), Some("本季營收成長 12%。"));
        assert_eq!(call.qa_start(), Some(1));
        let mei = call.speaker("mei-lin").unwrap();
        assert_eq!(
            (mei.title.as_deref(), mei.affiliation.as_deref()),
            (Some("CFO"), Some("Qingling Tech"))
        );
        assert!(call.warnings.is_empty(), "{:?}", call.warnings);
        assert!(call.meta.translation_notice.is_some());
    }
}
