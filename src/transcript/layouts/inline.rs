//! Inline `Name: text` transcripts (scraper dumps of newer Motley Fool pages, API
//! `content` strings): a turn's first paragraph starts with the speaker and a colon,
//! following paragraphs carry no prefix. Takeaways, summaries and glossaries before the
//! transcript are kept as notes, not speech.

use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common::{self, Block};
use crate::transcript::model::{Call, Meta, Paragraph, Role};
use crate::transcript::speakers::{Participant, Roster, is_operator, looks_like_name};

/// The layout's name.
pub const NAME: &str = "inline";

const TRANSCRIPT_MARKERS: &[&str] = &[
    "Full Conference Call Transcript",
    "Conference Call Transcript",
    "Transcript",
    "TRANSCRIPT",
];
const PARTICIPANT_MARKERS: &[&str] = &["CALL PARTICIPANTS", "Call Participants", "Call participants"];
const TRAILERS: &[&str] = &[
    "The Motley Fool has no position",
    "Stocks Mentioned",
    "*Average returns",
    "Premium Investing Services",
    "This article is a transcript",
];
const LABELS: &[&str] = &[
    "Operator",
    "Analyst",
    "Unidentified Analyst",
    "Unidentified Speaker",
    "Moderator",
    "Host",
];

fn accepts(name: &str, roster: &Roster) -> bool {
    LABELS.contains(&name)
        || roster.find(name).is_some()
        || (looks_like_name(name) && (2..=4).contains(&name.split_whitespace().count()))
}

/// How strongly `text` looks like this layout: blocks that open with `Name:`.
pub fn score(text: &str) -> f32 {
    let blocks = common::blocks(&Lines::new(text, 0));
    let roster = Roster::default();
    let opened = blocks
        .iter()
        .filter(|b| common::speaker_prefix(&b.text, |n| accepts(n, &roster) && n != "Note").is_some())
        .count();
    let operators = blocks.iter().filter(|b| b.text.starts_with("Operator:")).count();
    if opened < 3 {
        return 0.0;
    }
    (opened as f32 / blocks.len().max(1) as f32 + 0.1 * operators as f32).min(0.9)
}

/// `Title — Name` lines of a participant list.
fn participant(text: &str) -> Option<Participant> {
    let (title, name) = text.split_once(" — ").or_else(|| text.split_once(" -- "))?;
    looks_like_name(name.trim()).then(|| Participant {
        name: name.trim().to_string(),
        title: Some(title.trim().to_string()),
        affiliation: None,
        role: if title.to_lowercase().contains("analyst") {
            Role::Analyst
        } else {
            Role::Executive
        },
    })
}

/// Parses the layout.
pub fn parse(lines: &Lines<'_>) -> Call {
    let blocks = common::blocks(lines);
    let mut roster = Roster::default();
    let mut in_list = false;
    for block in &blocks {
        if PARTICIPANT_MARKERS.contains(&block.text.as_str()) {
            in_list = true;
        } else if in_list {
            match participant(&block.text) {
                Some(p) => roster.add(p),
                None => in_list = false,
            }
        }
    }
    let start = transcript_start(&blocks, &roster);
    let start_line = blocks.get(start).map_or(usize::MAX, |b| b.line);
    let mut meta = Meta::default();
    for (line, raw) in lines.iter().take_while(|(l, _)| *l < start_line) {
        read_head(&mut meta, line, raw.trim());
    }
    let mut b = CallBuilder::with_roster(roster.clone());
    let mut trailer = false;
    for block in &blocks[start.min(blocks.len())..] {
        let text = block.text.as_str();
        if TRANSCRIPT_MARKERS.contains(&text) {
            continue;
        }
        trailer |= TRAILERS.iter().any(|t| text.starts_with(t));
        if trailer {
            common::note(&mut meta, block.line, "disclaimer", text);
            continue;
        }
        match common::speaker_prefix(text, |n| accepts(n, &roster)) {
            Some((name, rest)) => {
                let role = match name {
                    "Analyst" | "Unidentified Analyst" => Some(Role::Analyst),
                    "Moderator" | "Host" => Some(Role::Moderator),
                    n if is_operator(n) => Some(Role::Operator),
                    _ => None,
                };
                b.start_turn_as(&format!("{name}:"), name, None, None, role, block.line);
                if !rest.is_empty() {
                    b.add_paragraph(Paragraph::new(rest, block.line));
                }
            }
            None => b.add_paragraph(Paragraph::new(text, block.line)),
        }
    }
    b.finish(NAME, meta)
}

/// The block after a `Full Conference Call Transcript` marker, else the first block
/// that opens with a known speaker (or `Operator:`).
fn transcript_start(blocks: &[Block], roster: &Roster) -> usize {
    if let Some(i) = blocks
        .iter()
        .position(|b| TRANSCRIPT_MARKERS.contains(&b.text.as_str()))
    {
        return i;
    }
    blocks
        .iter()
        .position(|b| {
            common::speaker_prefix(&b.text, |n| {
                is_operator(n) || roster.find(n).is_some() || (roster.is_empty() && accepts(n, roster))
            })
            .is_some()
        })
        .unwrap_or(0)
}

/// One line before the transcript: `Key: value` metadata, the date line, participants,
/// takeaways, summary and glossary (all kept as notes).
fn read_head(meta: &mut Meta, line: usize, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some((key, value)) = text.split_once(": ") {
        let value = value.trim();
        match key.trim() {
            "Company" => meta.company = value.split(" (").next().unwrap_or(value).trim().to_string(),
            "Ticker" => meta.ticker = value.to_uppercase(),
            "Quarter" => {
                common::read_period(meta, value);
            }
            _ => {}
        }
    }
    if meta.date.is_none() {
        meta.date = common::date_in(text);
    }
    let kind = if participant(text).is_some() || PARTICIPANT_MARKERS.contains(&text) {
        "participants"
    } else {
        "header"
    };
    common::note(meta, line, kind, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Company: Willow Pass Labs\nTicker: WPLB\nQuarter: Q2 2025\n\nMonday, August 4, 2025 at 9 a.m. ET\n\nCALL PARTICIPANTS\n\nChief Executive Officer — Iris Dunmore\n\nChief Financial Officer — Caleb Rowe\n\nRevenue-- $51.0 million, up 8%.\n\nFull Conference Call Transcript\n\nIris Dunmore:Thank you, operator. Revenue was $51.0 million.\n\nWe grew in every region.\n\nCaleb Rowe: Margins improved.\n\nOperator:We will now open the call for questions. The first question comes from the line of Mae Ford with Pike Row.\n\nAnalyst:How is demand?\n\nIris Dunmore:Strong.\n\nThe Motley Fool has no position in any of the stocks mentioned.\n";

    #[test]
    fn turns_open_with_the_speaker_prefix() {
        let call = parse(&Lines::new(SAMPLE, 0));
        assert_eq!(
            (call.meta.ticker.as_str(), call.meta.year, call.meta.quarter),
            ("WPLB", Some(2025), Some(2))
        );
        assert_eq!(call.meta.date.as_deref(), Some("2025-08-04"));
        let lines: Vec<usize> = call.turns.iter().map(|t| t.line).collect();
        assert_eq!(lines, [17, 21, 23, 25, 27]);
        assert_eq!(call.turns[0].paragraphs.len(), 2);
        assert_eq!(
            call.turns[0].paragraphs[0].text,
            "Thank you, operator. Revenue was $51.0 million."
        );
        assert_eq!(call.qa_start(), Some(2));
        assert_eq!(call.speaker("analyst").unwrap().role, Role::Analyst);
        assert_eq!(
            call.speaker("iris-dunmore").unwrap().title.as_deref(),
            Some("Chief Executive Officer")
        );
        assert!(call.meta.notes.iter().any(|n| n.kind == "disclaimer"));
        assert!(
            call.meta.notes.iter().any(|n| n.text.starts_with("Revenue--")),
            "takeaways are notes, not speech"
        );
    }
}
