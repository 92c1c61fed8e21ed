//! Motley Fool classic: `Prepared Remarks:` / `Questions and Answers:` headings, speaker
//! header paragraphs `Name -- Title` or `Name -- Firm -- Analyst`, a `Call participants:`
//! list at the end.

use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common::{self, Block};
use crate::transcript::model::{Call, Meta, Paragraph, Role};
use crate::transcript::speakers::{Participant, Roster, is_operator, looks_like_name};

/// The layout's name.
pub const NAME: &str = "dash-headers";

const PREPARED: &str = "Prepared Remarks:";
const QA: &str = "Questions and Answers:";
const PARTICIPANTS: &[&str] = &["Call participants:", "Call Participants:"];

/// A speaker header `Name -- Title`, `Name -- Firm -- Analyst` or `Name -- Analyst`.
fn header(text: &str) -> Option<Header> {
    let parts: Vec<&str> = text.split(" -- ").map(str::trim).collect();
    if parts.len() < 2 || parts.len() > 3 || !looks_like_name(parts[0]) || text.len() > 160 {
        return None;
    }
    let analyst = parts.last().is_some_and(|p| p.eq_ignore_ascii_case("analyst"));
    Some(match (parts.len(), analyst) {
        (3, true) => (
            parts[0].into(),
            Some("Analyst".into()),
            Some(parts[1].into()),
            Role::Analyst,
        ),
        (2, true) => (parts[0].into(), Some("Analyst".into()), None, Role::Analyst),
        _ => (parts[0].into(), Some(parts[1..].join(", ")), None, Role::Executive),
    })
}

/// Share of blocks that are headers, boosted by the section headings.
pub fn score(text: &str) -> f32 {
    let lines = Lines::new(text, 0);
    let blocks = common::blocks(&lines);
    let headers = blocks.iter().filter(|b| header(&b.text).is_some()).count();
    let markers = blocks
        .iter()
        .filter(|b| b.text == PREPARED || b.text == QA || PARTICIPANTS.contains(&b.text.as_str()))
        .count();
    if headers < 2 && markers == 0 {
        return 0.0;
    }
    (0.3 * markers as f32 + 4.0 * headers as f32 / blocks.len().max(1) as f32).min(1.0)
}

fn roster(blocks: &[Block]) -> Roster {
    let mut roster = Roster::default();
    let start = blocks.iter().position(|b| PARTICIPANTS.contains(&b.text.as_str()));
    for b in start.map_or(&[][..], |i| &blocks[i + 1..]) {
        if let Some((name, title, affiliation, role)) = header(&b.text) {
            roster.add(Participant {
                name,
                title,
                affiliation,
                role,
            });
        }
    }
    roster
}

#[derive(PartialEq, Eq)]
enum Zone {
    Head,
    Speech,
    Participants,
}

/// Parses the layout.
pub fn parse(lines: &Lines<'_>) -> Call {
    let blocks = common::blocks(lines);
    let roster = roster(&blocks);
    let mut b = CallBuilder::with_roster(roster.clone());
    let mut meta = Meta::default();
    let mut zone = Zone::Head;
    for block in &blocks {
        let text = block.text.as_str();
        if text == PREPARED {
            zone = Zone::Speech;
        } else if text == QA {
            zone = Zone::Speech;
            b.mark_qa_here();
        } else if PARTICIPANTS.contains(&text) {
            zone = Zone::Participants;
        } else if zone == Zone::Participants {
            let kind = if header(text).is_some() {
                "participants"
            } else {
                "disclaimer"
            };
            common::note(&mut meta, block.line, kind, text);
        } else if text.starts_with("Duration:") {
            common::note(&mut meta, block.line, "duration", text);
        } else if zone == Zone::Head {
            read_head(&mut meta, block);
        } else if is_operator(text) {
            b.start_turn_as(text, "Operator", None, None, Some(Role::Operator), block.line);
        } else if let Some((name, title, affiliation, role)) = header(text) {
            b.start_turn_as(
                text,
                &name,
                title.as_deref(),
                affiliation.as_deref(),
                Some(role),
                block.line,
            );
        } else if let Some((said, (name, title, affiliation, role))) = glued_header(text, &roster) {
            // "…thank you.Mark Harding -- President": a header glued onto the paragraph.
            b.add_paragraph(Paragraph::new(said, block.line));
            b.start_turn_as(
                &text[said.len()..],
                &name,
                title.as_deref(),
                affiliation.as_deref(),
                Some(role),
                block.line,
            );
        } else {
            b.add_paragraph(Paragraph::new(text, block.line));
        }
    }
    b.finish(NAME, meta)
}

type Header = (String, Option<String>, Option<String>, Role);

/// A participant's header glued to the end of a paragraph: the words before it, and it.
fn glued_header<'a>(text: &'a str, roster: &Roster) -> Option<(&'a str, Header)> {
    roster.people().iter().find_map(|p| {
        let i = text.rfind(&format!("{} -- ", p.name)).filter(|&i| i > 0)?;
        Some((text[..i].trim_end(), header(&text[i..])?))
    })
}

fn read_head(meta: &mut Meta, block: &Block) {
    let text = block.text.as_str();
    if meta.ticker.is_empty() && common::read_title_line(meta, text) {
        return;
    }
    if common::read_period(meta, text) {
        common::note(meta, block.line, "header", text);
        return;
    }
    if meta.date.is_none()
        && let Some(d) = common::date_in(text)
    {
        meta.date = Some(d);
    }
    common::note(meta, block.line, "header", text);
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Harbor Kiln Co (NYSE:HKLN)\n\nQ2 2024 Earnings Call\n\nAug 1, 2024, 5:00 p.m. ET\n\nContents:\n\nPrepared Remarks\n\nQuestions and Answers\n\nPrepared Remarks:\n\nOperator\n\nWelcome to the call.\n\nRuth Bayer -- Chief Executive Officer\n\nSales rose 4%.\n\nQuestions and Answers:\n\nOperator\n\nOur first question comes from Sam Quill with Tallow Bank.\n\nSam Quill -- Tallow Bank -- Analyst\n\nHow is demand?\n\nRuth Bayer -- Chief Executive Officer\n\nSteady.\n\nDuration: 20 minutes\n\nCall participants:\n\nRuth Bayer -- Chief Executive Officer\n\nSam Quill -- Tallow Bank -- Analyst\n";

    #[test]
    fn reads_sections_headers_and_participants() {
        let call = parse(&Lines::new(SAMPLE, 0));
        assert_eq!(
            (call.meta.ticker.as_str(), call.meta.year, call.meta.quarter),
            ("HKLN", Some(2024), Some(2))
        );
        assert_eq!(call.meta.date.as_deref(), Some("2024-08-01"));
        let lines: Vec<usize> = call.turns.iter().map(|t| t.line).collect();
        assert_eq!(lines, [15, 19, 25, 29, 33]);
        assert_eq!(call.qa_start(), Some(2));
        let quill = call.speaker("sam-quill").unwrap();
        assert_eq!(
            (quill.role, quill.affiliation.as_deref()),
            (Role::Analyst, Some("Tallow Bank"))
        );
        assert!(call.warnings.is_empty(), "{:?}", call.warnings);
    }

    #[test]
    fn a_header_glued_to_a_paragraph_is_split_off() {
        let text = SAMPLE.replace("Steady.\n", "Steady.Sam Quill -- Tallow Bank -- Analyst\n\nThanks.\n");
        let call = parse(&Lines::new(&text, 0));
        assert_eq!(call.turns.len(), 6);
        assert_eq!(call.turns[4].paragraphs[0].text, "Steady.");
        assert_eq!(call.turns[5].speaker, "sam-quill");
    }

    #[test]
    fn contents_list_is_not_a_section_start() {
        let call = parse(&Lines::new(SAMPLE, 0));
        assert_eq!(call.turns[0].section, crate::transcript::Section::Prepared);
        assert!(score(SAMPLE) > 0.5);
    }
}
