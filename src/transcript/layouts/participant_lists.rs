//! Seeking Alpha copies: a title line `Company (EXCH:TICK) Qn YYYY Earnings Call <date>`,
//! participant lists (`Executives` / `Analysts`, or `Company Participants` / `Conference
//! Call Participants`), header lines naming a participant, `Question-and-Answer Session`.

use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph, Role};
use crate::transcript::speakers::{
    Participant, Roster, is_operator, looks_like_header, split_header, strip_ticker_tags,
};

/// The layout's name.
pub const NAME: &str = "participant-lists";

const EXECUTIVES: &[&str] = &["Executives", "Company Participants", "Corporate Participants"];
const ANALYSTS: &[&str] = &["Analysts", "Conference Call Participants"];
const QA: &[&str] = &["Question-and-Answer Session", "Question-and-Answer Session:"];
const END_QA: &str = "End of Q&A";
const LABELS: &[&str] = &[
    "Unidentified Analyst",
    "Unidentified Company Representative",
    "Unidentified Participant",
];

/// How strongly `text` looks like this layout.
pub fn score(text: &str) -> f32 {
    let mut s: f32 = 0.0;
    for line in text.lines().take(2000) {
        let t = line.trim();
        if EXECUTIVES.contains(&t) || ANALYSTS.contains(&t) {
            s += 0.3;
        } else if QA.contains(&t) {
            s += 0.4;
        } else if t.contains("Earnings Call") && t.contains('(') {
            s += 0.2;
        }
    }
    s.min(1.0)
}

/// A header line: `Operator`, a participant (with or without ` - Company`), an
/// `Unidentified …` label, or any of these after `Q - ` / `A - ` (media Q&A).
fn header<'a>(line: &'a str, roster: &Roster) -> Option<(&'a str, Option<&'a str>)> {
    let line = line
        .strip_prefix("Q - ")
        .or_else(|| line.strip_prefix("A - "))
        .unwrap_or(line);
    if is_operator(line) || LABELS.contains(&line) {
        return Some((line, None));
    }
    let (name, rest) = split_header(line);
    let known = roster.find(name).is_some();
    let shaped = rest.is_some() && looks_like_header(line) && line.len() <= 100 && !line.ends_with(['.', '?', '!']);
    (known && line.len() <= 120 || shaped).then_some((name, rest))
}

/// Parses the layout.
pub fn parse(lines: &Lines<'_>) -> Call {
    let mut meta = Meta::default();
    let mut roster = Roster::default();
    let mut list_role: Option<Role> = None;
    let mut body_start = None;
    for (line, raw) in lines.iter() {
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if meta.ticker.is_empty() && meta.title.is_empty() && common::read_title_line(&mut meta, t) {
            continue;
        }
        if EXECUTIVES.contains(&t) {
            list_role = Some(Role::Executive);
        } else if ANALYSTS.contains(&t) {
            list_role = Some(Role::Analyst);
        } else if let Some(role) = list_role.filter(|_| !is_operator(t) && !QA.contains(&t)) {
            let (name, rest) = split_header(t);
            if roster.find(name).is_some() || rest.is_none() && !looks_like_header(t) {
                body_start = Some(line);
                break;
            }
            let (title, affiliation) = match role {
                Role::Executive => (rest.map(str::to_string), None),
                _ => (None, rest.map(strip_ticker_tags)),
            };
            roster.add(Participant {
                name: name.to_string(),
                title,
                affiliation,
                role,
            });
        } else {
            body_start = Some(line);
            break;
        }
    }
    let first_body_line = body_start.unwrap_or(usize::MAX);
    let mut b = CallBuilder::with_roster(roster.clone());
    for (line, raw) in lines.iter() {
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if line < first_body_line {
            if t != meta.title {
                common::note(&mut meta, line, "participants", t);
            }
            continue;
        }
        if QA.contains(&t) {
            b.mark_qa_here();
        } else if t == END_QA {
            common::note(&mut meta, line, "marker", t);
        } else if let Some((name, rest)) = header(t, &roster) {
            let known = roster.find(name).is_some();
            let (title, affiliation) = if known {
                (None, None)
            } else {
                (None, rest.map(strip_ticker_tags))
            };
            let role = LABELS.contains(&name).then(|| {
                if name.contains("Analyst") {
                    Role::Analyst
                } else {
                    Role::Unknown
                }
            });
            b.start_turn_as(t, name, title, affiliation.as_deref(), role, line);
        } else {
            b.add_paragraph(Paragraph::new(t, line));
        }
    }
    b.finish(NAME, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Larkspur Mills Inc. (NYSE:LRKM) Q1 2024 Earnings Call May 2, 2024  8:30 AM ET\nExecutives\nNora Vale - Larkspur Mills Inc.\nAnalysts\nOtto Brandt - Quarry Hill Securities (NYSE:USA) LLC\nOperator\nWelcome.\nNora Vale - Larkspur Mills Inc.\nRevenue was $40 million.\nQuestion-and-Answer Session\nOperator\nOur first question is from Otto Brandt.\nOtto Brandt - Quarry Hill Securities (USA) LLC\nWhat about costs?\nNora Vale - Larkspur Mills Inc.\nFlat.\n";

    #[test]
    fn participants_headers_and_qa() {
        let call = parse(&Lines::new(SAMPLE, 0));
        assert_eq!(
            (call.meta.ticker.as_str(), call.meta.date.as_deref()),
            ("LRKM", Some("2024-05-02"))
        );
        let lines: Vec<usize> = call.turns.iter().map(|t| t.line).collect();
        assert_eq!(lines, [6, 8, 11, 13, 15]);
        assert_eq!(call.qa_start(), Some(2));
        let otto = call.speaker("otto-brandt").unwrap();
        assert_eq!(otto.role, Role::Analyst);
        assert_eq!(otto.affiliation.as_deref(), Some("Quarry Hill Securities (USA) LLC"));
        assert_eq!(call.speakers.len(), 3);
    }

    #[test]
    fn media_qa_prefixes_are_headers() {
        let text = format!("{SAMPLE}Q - Otto Brandt\nAnd margins?\nA - Nora Vale\nUp.\n");
        let call = parse(&Lines::new(&text, 0));
        assert_eq!(call.turns.len(), 7);
        assert_eq!(call.turns[6].speaker, "nora-vale");
    }
}
