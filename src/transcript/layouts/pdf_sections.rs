//! Refinitiv / LSEG StreetEvents text (from PDF): `CORPORATE PARTICIPANTS`, `CONFERENCE
//! CALL PARTICIPANTS`, `PRESENTATION`, `QUESTIONS AND ANSWERS`, `DISCLAIMER`; each turn is
//! a name line then a `Company - Title` line; hard-wrapped lines are joined.

use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::labels::{TITLE_WRAP_WIDTH, is_title_rest};
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph, Role};
use crate::transcript::speakers::{
    Participant, Roster, find_introduction, is_label, is_operator, looks_like_name, same_person,
};

/// The layout's name.
pub const NAME: &str = "pdf-sections";

const CORPORATE: &str = "CORPORATE PARTICIPANTS";
const CONFERENCE: &str = "CONFERENCE CALL PARTICIPANTS";
const PRESENTATION: &str = "PRESENTATION";
const QA: &str = "QUESTIONS AND ANSWERS";
const DISCLAIMER: &str = "DISCLAIMER";

/// How strongly `text` looks like this layout.
pub fn score(text: &str) -> f32 {
    let markers = [CORPORATE, CONFERENCE, PRESENTATION, QA, DISCLAIMER];
    let mut seen = [false; 5];
    for line in text.lines() {
        if let Some(i) = markers.iter().position(|m| *m == line.trim()) {
            seen[i] = true;
        }
    }
    let found = seen.iter().filter(|s| **s).count();
    if found >= 2 { 0.25 * found as f32 } else { 0.0 }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Zone {
    Head,
    List(Role),
    Speech,
    Disclaimer,
}

/// Reads the participant lists: a name line, then (for most) a `Company - Title` line,
/// whose title may wrap onto one more line. Not every participant has a title line
/// (`John Stilmar` alone, then `Tae-Sik Yoon` / `Ares … - CFO & Treasurer`): a line is a
/// title only when it holds ` - `, so one missing title never shifts the rest.
fn roster(lines: &Lines<'_>) -> Roster {
    let mut roster = Roster::default();
    let mut role = None;
    let mut people: Vec<Participant> = Vec::new();
    let mut wrapped = false;
    let all: Vec<&str> = lines.iter().map(|(_, l)| l.trim()).filter(|l| !l.is_empty()).collect();
    for (k, &t) in all.iter().enumerate() {
        let next_is_title = all.get(k + 1).is_some_and(|n| n.contains(" - "));
        match t {
            CORPORATE => role = Some(Role::Executive),
            CONFERENCE => role = Some(Role::Analyst),
            PRESENTATION | QA | DISCLAIMER => break,
            "" => {}
            _ => {
                let Some(role) = role else { continue };
                let last = people.last_mut().filter(|p| p.affiliation.is_none() && !wrapped);
                match (t.split_once(" - "), last) {
                    (Some((company, title)), Some(person)) => {
                        person.affiliation = Some(company.trim().to_string());
                        person.title = Some(title.trim().to_string());
                        wrapped = t.chars().count() >= TITLE_WRAP_WIDTH;
                    }
                    _ if wrapped && !next_is_title && is_title_rest(t) => {
                        // The rest of a title the PDF's line width cut.
                        if let Some(title) = people.last_mut().and_then(|p| p.title.as_mut()) {
                            title.push(' ');
                            title.push_str(t);
                        }
                        wrapped = false;
                    }
                    _ => {
                        wrapped = false;
                        // `Dominick D'Angelo;O'Keefe Stevens Advisory, Inc.;Analyst`.
                        let parts: Vec<&str> = t.split(';').map(str::trim).collect();
                        let (name, affiliation, title) = match parts.as_slice() {
                            [name, firm, title] => (*name, Some(firm.to_string()), Some(title.to_string())),
                            _ => (t, None, None),
                        };
                        people.push(Participant {
                            name: name.to_string(),
                            title,
                            affiliation,
                            role,
                        });
                    }
                }
            }
        }
    }
    for p in people {
        roster.add(p);
    }
    roster
}

/// Parses the layout.
pub fn parse(lines: &Lines<'_>) -> Call {
    let roster = roster(lines);
    let mut b = CallBuilder::with_roster(roster.clone());
    let mut meta = Meta::default();
    let mut guess = Meta::default();
    if let Some(p) = roster.people().iter().find(|p| p.role == Role::Executive) {
        meta.company = p.affiliation.clone().unwrap_or_default();
    }
    let width = lines
        .iter()
        .map(|(_, l)| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let page_headers = repeated_lines(lines, &roster);
    let all: Vec<(usize, &str)> = lines.iter().collect();
    let mut zone = Zone::Head;
    let mut introduced: Option<String> = None;
    let mut heard: Vec<String> = Vec::new();
    let mut paragraph: Option<Paragraph> = None;
    let mut i = 0;
    while i < all.len() {
        let (line, raw) = all[i];
        let t = raw.trim();
        i += 1;
        let marker = match t {
            CORPORATE => Some(Zone::List(Role::Executive)),
            CONFERENCE => Some(Zone::List(Role::Analyst)),
            PRESENTATION => Some(Zone::Speech),
            QA => {
                flush(&mut b, &mut paragraph);
                b.mark_qa_here();
                Some(Zone::Speech)
            }
            DISCLAIMER => Some(Zone::Disclaimer),
            _ => None,
        };
        if let Some(z) = marker {
            flush(&mut b, &mut paragraph);
            zone = z;
            continue;
        }
        if t.is_empty() {
            flush(&mut b, &mut paragraph);
            continue;
        }
        if page_headers.iter().any(|h| h == t) {
            // A page header repeated by the PDF conversion: not speech, and the paragraph
            // it interrupts goes on after it.
            common::note(&mut meta, line, "page-header", t);
            continue;
        }
        match zone {
            Zone::Head | Zone::List(_) => common::note(&mut meta, line, "participants", t),
            Zone::Disclaimer => common::note(&mut meta, line, "disclaimer", t),
            Zone::Speech => {
                let name = t.split(';').next().unwrap_or(t).trim();
                let known = roster.find(name).filter(|p| p.name == name);
                // `Unidentified Analyst` and the like are in no participant list, nor is
                // every analyst: one the operator has just introduced, on a line of their
                // own after a blank line, is a header too.
                let just_introduced = introduced.as_deref().is_some_and(|n| {
                    (2..=4).contains(&name.split_whitespace().count())
                        && looks_like_name(name)
                        && (same_person(n, name) || same_person(name, n))
                });
                let introduced_now = paragraph.is_none() && (just_introduced || heard.iter().any(|h| h == name));
                if is_operator(t) || known.is_some() || is_label(t) || introduced_now {
                    introduced = None;
                    // Introduced once, their later turns carry the same header.
                    if introduced_now && !heard.iter().any(|h| h == name) {
                        heard.push(name.to_string());
                    }
                    flush(&mut b, &mut paragraph);
                    let mut label = t.to_string();
                    // The `Company - Title` line under the name belongs to the header.
                    if let (Some(p), Some((_, next))) = (known, all.get(i)) {
                        let next = next.trim();
                        if p.affiliation.as_deref().is_some_and(|a| next.starts_with(a)) {
                            label = format!("{t} / {next}");
                            i += 1;
                            // A title the line width cut goes on on the next line.
                            let rest = all.get(i).map_or("", |(_, l)| l.trim());
                            let full = format!(
                                "{} - {}",
                                p.affiliation.as_deref().unwrap_or(""),
                                p.title.as_deref().unwrap_or("")
                            );
                            if next != full && !rest.is_empty() && full.ends_with(&format!(" {rest}")) {
                                label = format!("{label} {rest}");
                                i += 1;
                            }
                        }
                    }
                    b.start_turn_as(&label, name, None, None, None, line);
                    continue;
                }
                if let Some(intro) = find_introduction(t) {
                    introduced = Some(intro.name);
                }
                if guess.quarter.is_none() {
                    common::read_period(&mut guess, t);
                }
                match paragraph.as_mut() {
                    Some(p) => {
                        p.text.push(' ');
                        p.text.push_str(t);
                    }
                    None => paragraph = Some(Paragraph::new(t, line)),
                }
                // A short line that ends a sentence ends the paragraph; full-width lines wrap.
                let short = t.chars().count() * 10 < width * 8;
                if short && t.ends_with(['.', '?', '!', '"', '”']) {
                    flush(&mut b, &mut paragraph);
                }
            }
        }
    }
    flush(&mut b, &mut paragraph);
    let mut call = b.finish(NAME, meta);
    // What the speech says is only a guess at the call's period (the file name or a
    // welcome outranks it): the first period a speaker names may be a comparison's.
    // Wrapped lines split "second quarter 2025"; read it from whole paragraphs too.
    if call.meta.quarter.is_none() {
        call.meta.period_guess = guess.quarter.map(|_| (guess.year, guess.quarter)).or_else(|| {
            call.turns.iter().flat_map(|t| &t.paragraphs).take(10).find_map(|p| {
                let mut m = Meta::default();
                common::read_period(&mut m, &p.text).then_some((m.year, m.quarter))
            })
        });
    }
    call
}

/// Lines that recur three times or more and are no speaker's header: the page headers
/// and footers of the PDF the text was taken from.
fn repeated_lines(lines: &Lines<'_>, roster: &Roster) -> Vec<String> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (_, raw) in lines.iter() {
        let t = raw.trim();
        if t.chars().count() >= 15 {
            *counts.entry(t).or_default() += 1;
        }
    }
    let is_header_line = |t: &str| {
        roster
            .people()
            .iter()
            .any(|p| t.starts_with(p.name.as_str()) || p.affiliation.as_deref().is_some_and(|a| t.starts_with(a)))
    };
    let mut out: Vec<String> = counts
        .into_iter()
        .filter(|(t, n)| *n >= 3 && !is_header_line(t) && !is_label(t))
        .map(|(t, _)| t.to_string())
        .collect();
    out.sort();
    out
}

fn flush(b: &mut CallBuilder, paragraph: &mut Option<Paragraph>) {
    if let Some(p) = paragraph.take() {
        b.add_paragraph(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "CORPORATE PARTICIPANTS\n \nAda Brook\nFernhill Holdings Inc. - CEO\nCONFERENCE CALL PARTICIPANTS\n \nLeo Marsh\nCopperline Securities - Analyst\nPRESENTATION\n \nOperator\nWelcome to the Fernhill Holdings Second Quarter 2023 Earnings Call. This line is long enough to wrap over\nonto the next line.\n \nAda Brook\nFernhill Holdings Inc. - CEO\nRevenue was $12 million, and we expect it to keep growing through the rest of the year as demand\nimproves.\nQUESTIONS AND ANSWERS\n \nOperator\nYour first question comes from the line of Leo Marsh from Copperline.\n \nLeo Marsh\nCopperline Securities - Analyst\nWhat about margins?\nDISCLAIMER\nAll rights reserved.\n";

    #[test]
    fn repeated_page_headers_are_notes_and_do_not_break_paragraphs() {
        let header = "NOVEMBER 3, 2023 / 1:00PM, FERN.N - Q2 2023 Fernhill Holdings Earnings Call";
        let text = SAMPLE
            .replace(
                "This line is long enough to wrap over\n",
                &format!("This line is long enough to wrap over\n{header}\n"),
            )
            .replace("as demand\n", &format!("as demand\n{header}\n"))
            .replace("What about margins?\n", &format!("What about margins?\n{header}\n"));
        let call = parse(&Lines::new(&text, 0));
        assert!(
            call.turns[0].paragraphs[0]
                .text
                .ends_with("wrap over onto the next line.")
        );
        assert_eq!(call.meta.notes.iter().filter(|n| n.kind == "page-header").count(), 3);
        assert!(
            call.turns
                .iter()
                .flat_map(|t| &t.paragraphs)
                .all(|p| !p.text.contains("FERN.N"))
        );
    }

    /// Shapes of real Refinitiv lists that shifted every name after them, and speakers in
    /// no list at all: each turn must go to the one who spoke.
    #[test]
    fn lists_with_a_missing_or_wrapped_title_and_speakers_in_no_list() {
        let text = "CORPORATE PARTICIPANTS\n \nAva Roe\nRowan Pumps Corporation - CEO\n \nJon Pell\n \nTae-Sik Yoon\nRowan Pumps Corporation - CFO & Treasurer\nCONFERENCE CALL PARTICIPANTS\n \nSteven Cole Delaney\nJMP Securities LLC, Research Division - MD, Director of Mortgage & Real Estate Finance Research & Equity\nResearch Analyst\n \nDom D'Angelo;Keefe Advisory, Inc.;Analyst\nPRESENTATION\n \nOperator\nWelcome to the call.\n \nTae-Sik Yoon\nRowan Pumps Corporation - CFO & Treasurer\nRevenue was $5 million.\nQUESTIONS AND ANSWERS\n \nOperator\nOur first question comes from Steven Delaney with JMP.\n \nSteven Cole Delaney\nJMP Securities LLC, Research Division - MD, Director of Mortgage & Real Estate Finance Research & Equity\nResearch Analyst\nWhy?\n \nDom D'Angelo;Keefe Advisory, Inc.;Analyst\nAnd margins?\n \nUnidentified Analyst\nThis is Kim for Dom.\n \nOperator\nOur next question comes from Camille Bonnel with Harbor.\n \nCamille Bonnel\nHow is demand?\n \nJon Pell\nStrong.\n \nCamille Bonnel\nThanks.\n";
        let call = parse(&Lines::new(text, 0));
        let names = call.turn_speaker_names();
        assert_eq!(
            names,
            [
                "Operator",
                "Tae-Sik Yoon",
                "Operator",
                "Steven Cole Delaney",
                "Dom D'Angelo",
                "Unidentified Analyst",
                "Operator",
                "Camille Bonnel",
                "Jon Pell",
                "Camille Bonnel"
            ]
        );
        let steven = &call.turns[3];
        assert_eq!(
            steven.paragraphs[0].text, "Why?",
            "the title's second line is no speech"
        );
        let yoon = call.speaker(&call.turns[1].speaker).unwrap();
        assert_eq!(yoon.title.as_deref(), Some("CFO & Treasurer"));
    }

    #[test]
    fn turns_headers_and_joined_paragraphs() {
        let call = parse(&Lines::new(SAMPLE, 0));
        let lines: Vec<usize> = call.turns.iter().map(|t| t.line).collect();
        assert_eq!(lines, [11, 15, 21, 24]);
        assert_eq!(call.turns[0].paragraphs.len(), 1);
        assert!(
            call.turns[0].paragraphs[0]
                .text
                .ends_with("wrap over onto the next line.")
        );
        assert_eq!(call.turns[1].label, "Ada Brook / Fernhill Holdings Inc. - CEO");
        assert_eq!(call.qa_start(), Some(2));
        assert_eq!(call.speaker("leo-marsh").unwrap().role, Role::Analyst);
        assert_eq!(call.meta.period_guess, Some((Some(2023), Some(2))));
        assert_eq!(call.meta.company, "Fernhill Holdings Inc.");
    }
}
