//! The general reader, last in line: it learns the file's own label convention instead
//! of needing a known one. Every line-start label is a candidate (`Jane Park:`, `JANE
//! PARK, CEO, NORTHWIND:`, a name alone on its line with a `Company - Title` line under
//! it, `**Jane Park**`, `Speaker 1 (00:01):`); the convention the file repeats wins, and
//! a label of it that appears once is taken when the file names that person elsewhere
//! (the operator's introduction, a participant list). Page furniture (page numbers,
//! form feeds, running headers and footers) becomes notes, never speech, and a
//! paragraph broken by a page break reads on. Speakers known only by ids are named by
//! the call (`transcript::voices`).

use std::collections::HashMap;

use crate::diagnostic::WarningKind;
use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::labels::{Form, Label};
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph};
use crate::transcript::voices::{self, Runs};

mod pairing;
mod rows;

use pairing::{add_text, is_translated_label, pair_appended_translation};
use rows::{
    Candidate, Place, Row, is_heading, is_qa_heading, is_transcript_heading, mark_participant_lists, read_rows,
};

/// The layout's name.
pub const NAME: &str = "generic";

/// A learnt convention: where labels stand and how they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Convention {
    place: Place,
    form: Form,
}

impl Convention {
    /// The operator and diarisation ids are written the same way in every convention.
    fn admits(self, c: &Candidate) -> bool {
        c.place == self.place && (c.label.form == self.form || matches!(c.label.form, Form::Operator | Form::Numbered))
    }
}

/// Parses any text; `tried` lists the layouts whose markers did not fit.
pub fn parse(lines: &Lines<'_>, tried: &[&str]) -> Call {
    let mut rows = read_rows(lines);
    let mut meta = Meta::default();
    let mut warnings = Vec::new();
    let first_line = rows
        .iter()
        .find(|r| !r.text.is_empty())
        .map_or(lines.offset() + 1, |r| r.line);
    let learnt = learn(&rows);
    let guessed = learnt.is_none();
    let convention = learnt.or_else(|| {
        let guess = guess(&rows)?;
        warnings.push((
            first_line,
            format!(
                "no known layout fits this file and no speaker label repeats in it (tried: {}); read `Name: text` paragraphs as turns",
                tried.join(", ")
            ),
        ));
        Some(guess)
    });
    let Some(convention) = convention else {
        warnings.push((
            first_line,
            format!(
                "no known layout fits this file and no speaker labels repeat in it (tried: {}, and labels such as `Name:`, `NAME, TITLE:`, `Speaker 1 (00:01)`, a name on its own line); its text is kept under \"Unknown speaker\"",
                tried.join(", ")
            ),
        ));
        for row in &mut rows {
            row.candidate = None;
        }
        return assemble(&rows, &mut meta, warnings);
    };
    let mentioned = mentions(lines.text());
    let keep = |c: &Candidate| convention.admits(c) && (guessed || confirmed(c, &mentioned));
    // A speaker of the convention written another way later (`**PRIYA NATARAJAN:**`
    // after `**Priya Natarajan:**`) is still that speaker.
    let speakers: std::collections::HashSet<String> = rows
        .iter()
        .filter_map(|r| r.candidate.as_ref())
        .filter(|c| keep(c))
        .map(|c| c.label.name.to_lowercase())
        .collect();
    for row in &mut rows {
        let kept = row.candidate.as_ref().is_some_and(|c| {
            keep(c) || (c.place == convention.place && speakers.contains(&c.label.name.to_lowercase()))
        });
        if !kept {
            row.candidate = None;
        }
    }
    mark_participant_lists(&mut rows);
    // Takeaways and glossaries (`Deferred Revenue: Payments received…`) come before a
    // `Transcript` heading: labels only count after it.
    if let Some(start) = rows.iter().position(|r| is_transcript_heading(r.text)) {
        for row in &mut rows[..start] {
            row.candidate = None;
        }
    }
    assemble(&rows, &mut meta, warnings)
}

/// The convention the file repeats most: labels said twice or more, the operator and
/// diarisation ids count; `None` when no convention repeats.
fn learn(rows: &[Row<'_>]) -> Option<Convention> {
    let mut names: HashMap<(Place, Form, String), usize> = HashMap::new();
    for c in rows.iter().filter_map(|r| r.candidate.as_ref()) {
        *names
            .entry((c.place, c.label.form, c.label.name.to_lowercase()))
            .or_default() += 1;
    }
    let mut support: HashMap<Convention, usize> = HashMap::new();
    for ((place, form, _), n) in &names {
        let counts = *n >= 2 || matches!(form, Form::Operator | Form::Numbered);
        if counts {
            for f in [Form::Name, Form::Capitals, Form::Numbered] {
                if *form == f || matches!(form, Form::Operator | Form::Numbered) {
                    *support.entry(Convention { place: *place, form: f }).or_default() += n;
                }
            }
        }
    }
    // Only labels of the convention's own form make it a convention: the operator alone
    // does not.
    let own = |c: &Convention| {
        names
            .iter()
            .filter(|((p, f, _), n)| *p == c.place && *f == c.form && (**n >= 2 || *f == Form::Numbered))
            .count()
    };
    support
        .into_iter()
        .filter(|(c, n)| *n >= 3 && own(c) >= 1)
        .max_by_key(|(c, n)| (*n, c.place == Place::Prefix, c.form))
        .map(|(c, _)| c)
}

/// In a short file nothing repeats: the first label opening a paragraph that is a
/// `Name:` prefix or a `Name - Title` line sets the convention; the reader says it guessed.
fn guess(rows: &[Row<'_>]) -> Option<Convention> {
    rows.iter().enumerate().find_map(|(i, r)| {
        let c = r.candidate.as_ref()?;
        let opens_paragraph = i == 0 || rows[i - 1].text.is_empty();
        let person = matches!(c.label.form, Form::Name | Form::Capitals);
        let telling = c.place == Place::Prefix || c.label.title.is_some();
        (person && telling && opens_paragraph).then_some(Convention {
            place: c.place,
            form: c.label.form,
        })
    })
}

/// How often each lower-cased word pair of the file occurs, for confirming a label said
/// once: a person the file names elsewhere (introduced, listed) is a speaker.
fn mentions(text: &str) -> HashMap<String, usize> {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out: HashMap<String, usize> = HashMap::new();
    for pair in words.windows(2) {
        *out.entry(format!("{} {}", pair[0], pair[1])).or_default() += 1;
    }
    out
}

/// A label of the convention is a speaker when it repeats, is the operator or an id,
/// carries a title, or names someone the file mentions again.
fn confirmed(c: &Candidate, mentioned: &HashMap<String, usize>) -> bool {
    if matches!(c.label.form, Form::Operator | Form::Numbered) || c.label.title.is_some() {
        return true;
    }
    let words: Vec<String> = c
        .label
        .name
        .split_whitespace()
        .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if words.len() < 2 {
        return false;
    }
    let said = |a: &str, b: &str| mentioned.get(&format!("{a} {b}")).copied().unwrap_or(0);
    // First and last name together, beyond the label itself ("Sam Lee with Acme"); or,
    // for a longer name, every pair of its words said again (`Howard M. Lorber`).
    let own = usize::from(words.len() == 2);
    said(first, last) > own || (words.len() > 2 && words.windows(2).all(|p| said(&p[0], &p[1]) >= 2))
}

/// One speaker's stretch of the file.
pub(super) struct Segment {
    label: Label,
    written: String,
    line: usize,
    paragraphs: Vec<Paragraph>,
}

/// Builds the call from rows whose candidates are the confirmed labels.
fn assemble(rows: &[Row<'_>], meta: &mut Meta, warnings: Vec<(usize, String)>) -> Call {
    let lines_as_paragraphs = !rows.iter().any(|r| r.text.is_empty());
    let first_label = rows.iter().position(|r| r.candidate.is_some() && r.furniture.is_none());
    let mut segments: Vec<Segment> = Vec::new();
    let mut qa_from: Option<usize> = None;
    let mut open = false;
    let mut skip: Option<usize> = None;
    for (i, row) in rows.iter().enumerate() {
        if skip.is_some_and(|t| i <= t) {
            continue;
        }
        if row.text.is_empty() {
            open = false;
            continue;
        }
        if let Some(kind) = row.furniture {
            common::note(meta, row.line, kind, row.text);
            continue;
        }
        if first_label.is_some_and(|f| i < f) {
            read_header_line(meta, row);
            continue;
        }
        if is_heading(row.text) {
            if is_qa_heading(row.text) {
                qa_from.get_or_insert(segments.len());
            }
            common::note(meta, row.line, "section", row.text);
            open = false;
            continue;
        }
        if let Some(c) = &row.candidate {
            skip = c.title_line.and_then(|t| (t > i).then_some(t));
            segments.push(Segment {
                label: c.label.clone(),
                written: written_label(rows, i, c),
                line: row.line,
                paragraphs: Vec::new(),
            });
            open = false;
            if c.rest.is_empty() {
                continue;
            }
        }
        if row.candidate.is_none() && restore_split_name(&mut segments, row) {
            continue;
        }
        let text = row.candidate.as_ref().map_or(row.text, |c| c.rest.as_str());
        if text.is_empty() && row.translation.is_none() {
            continue;
        }
        // `Jane Park` / `珍·帕克`: the label again in the translation's language, on the
        // line under it, names the same speaker.
        if row.candidate.is_none()
            && segments
                .last()
                .is_some_and(|s| s.paragraphs.is_empty() && !s.written.is_empty())
            && is_translated_label(text)
        {
            common::note(meta, row.line, "label", text);
            continue;
        }
        let mut paragraph = Paragraph::new(text, row.line);
        if let Some(t) = row.translation.filter(|t| !t.is_empty()) {
            paragraph.translation = Some(t.to_string());
            paragraph.translation_line = Some(row.line);
        }
        add_text(&mut segments, paragraph, open && !lines_as_paragraphs);
        open = true;
    }
    pair_appended_translation(&mut segments, meta);
    build(segments, qa_from, std::mem::take(meta), warnings)
}

/// The label of row `i` as the file writes it, over two lines or three where it runs on
/// (a `Company - Title` line, a title cut in two, a wrapped prefix label).
fn written_label(rows: &[Row<'_>], i: usize, c: &Candidate) -> String {
    let row = &rows[i];
    let mut written = label_as_written(row.cell.unwrap_or(row.text), c);
    let Some(last) = c.title_line.filter(|&t| t > i) else {
        return written;
    };
    for middle in rows[i + 1..last].iter().filter(|r| !r.text.is_empty()) {
        written.push('\n');
        written.push_str(middle.text);
    }
    let second = rows[last].text;
    written.push('\n');
    // A wrapped prefix label's second line goes on with the speech.
    let cut = match c.place {
        Place::Prefix => second.len().saturating_sub(c.rest.len()),
        Place::Line => second.len(),
    };
    written.push_str(second.get(..cut).unwrap_or(second).trim_end());
    written
}

/// A name split off a table cell that turned out to be no label goes back where it was,
/// with the space (or none) that stood before it; true when it did.
fn restore_split_name(segments: &mut [Segment], row: &Row<'_>) -> bool {
    let Some(cell) = row.cell else { return false };
    let Some(p) = segments.last_mut().and_then(|s| s.paragraphs.last_mut()) else {
        return false;
    };
    let gap = cell.len().saturating_sub(row.text.len());
    let before = cell.get(..gap).unwrap_or("");
    p.text.push_str(&before[before.trim_end().len()..]);
    p.text.push_str(row.text);
    true
}

/// The label as the file writes it, for the turn's label.
fn label_as_written(text: &str, c: &Candidate) -> String {
    match c.place {
        Place::Prefix if c.title_line.is_none() => text
            .get(..text.len().saturating_sub(c.rest.len()))
            .unwrap_or(text)
            .trim_end()
            .to_string(),
        // A label alone on its line, or the first line of a wrapped one.
        _ => text.to_string(),
    }
}

/// Lines before the first speaker: a title line, a period, a date; all kept as notes.
fn read_header_line(meta: &mut Meta, row: &Row<'_>) {
    if !(meta.ticker.is_empty() && common::read_title_line(meta, row.text)) {
        common::read_period(meta, row.text);
        if meta.date.is_none() {
            meta.date = common::date_in(row.text);
        }
        common::note(meta, row.line, "header", row.text);
    }
    if let Some(t) = row.translation.filter(|t| !t.is_empty()) {
        common::note(meta, row.line, "header", t);
    }
}

/// The call from its segments. Where the file has diarisation ids (`Speaker 2`), the
/// call names them (`transcript::voices`) and one voice's consecutive segments are one
/// turn, the later labels kept as notes.
fn build(mut segments: Vec<Segment>, qa_from: Option<usize>, mut meta: Meta, warnings: Vec<(usize, String)>) -> Call {
    let numbered = segments.iter().any(|s| s.label.form == Form::Numbered);
    let namer = numbered.then(|| {
        segments = merge_repeated_voices(std::mem::take(&mut segments), &mut meta);
        let mut runs = Runs::new();
        for seg in &segments {
            for p in &seg.paragraphs {
                runs.push_paragraph(&seg.label.name, seg.line, p.clone());
            }
        }
        let runs = runs.into_runs();
        voices::read_period(&runs, &mut meta);
        voices::Namer::new(&runs)
    });
    let mut b = CallBuilder::new();
    for (i, seg) in segments.iter().enumerate() {
        if qa_from == Some(i) {
            b.mark_qa_here();
        }
        let l = &seg.label;
        let (name, role) = match &namer {
            Some(namer) if l.form == Form::Numbered => namer.name(&l.name),
            _ => (l.name.clone(), None),
        };
        b.start_turn_as(
            &seg.written,
            &name,
            l.title.as_deref(),
            l.affiliation.as_deref(),
            role,
            seg.line,
        );
        for p in &seg.paragraphs {
            b.add_paragraph(p.clone());
        }
    }
    let mut call = b.finish(NAME, meta);
    for (line, message) in warnings {
        call.warnings
            .insert(0, crate::diagnostic::Warning::new(line, WarningKind::Layout, message));
    }
    call
}

/// `Speaker 2 (00:12)` then `Speaker 2 (01:40)`: one voice, one turn.
fn merge_repeated_voices(segments: Vec<Segment>, meta: &mut Meta) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for seg in segments {
        match out.last_mut() {
            Some(last) if last.label.name == seg.label.name && seg.label.form == Form::Numbered => {
                common::note(meta, seg.line, "label", &seg.written);
                last.paragraphs.extend(seg.paragraphs);
            }
            _ => out.push(seg),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Call {
        parse(&Lines::new(text, 0), &["inline"])
    }

    fn turns(call: &Call) -> Vec<(usize, String)> {
        call.turns
            .iter()
            .zip(call.turn_speaker_names())
            .map(|(t, name)| (t.line, name.to_string()))
            .collect()
    }

    #[test]
    fn capitals_with_titles_and_firms() {
        let call = read(
            "NORTHWIND TRADERS Q3 2025 EARNINGS CALL\n\nOPERATOR: Welcome.\n\nJANE PARK, CHIEF EXECUTIVE OFFICER, NORTHWIND TRADERS: Revenue was $120 million.\n\nOPERATOR: Our first question comes from Sam Lee with Acme Securities.\n\nSAM LEE, ANALYST, ACME SECURITIES: How is demand?\n\nJANE PARK: Strong.\n",
        );
        assert_eq!(
            turns(&call),
            [
                (3, "Operator".into()),
                (5, "Jane Park".into()),
                (7, "Operator".into()),
                (9, "Sam Lee".into()),
                (11, "Jane Park".into())
            ]
        );
        let jane = call.speaker(&call.turns[1].speaker).unwrap();
        assert_eq!(jane.title.as_deref(), Some("Chief Executive Officer"));
        assert_eq!((call.meta.year, call.meta.quarter), (Some(2025), Some(3)));
        assert!(
            call.warnings.iter().all(|w| w.kind != WarningKind::Layout),
            "{:?}",
            call.warnings
        );
    }

    #[test]
    fn numbered_speakers_with_time_stamps_named_by_the_call() {
        let call = read(
            "Speaker 1 (00:00):\nGood afternoon and welcome to the Northwind call. I will now turn it over to Jane Park, CEO.\n\nSpeaker 2 (00:12):\nThank you. Revenue grew.\n\nSpeaker 2 (01:40):\nMargins held.\n\nSpeaker 1 (02:10):\nOur first question comes from Sam Lee with Acme Securities.\n\nSpeaker 3 (02:15):\nHow is demand?\n",
        );
        assert_eq!(
            turns(&call),
            [
                (1, "Operator".into()),
                (4, "Jane Park".into()),
                (10, "Operator".into()),
                (13, "Sam Lee".into())
            ]
        );
        assert_eq!(call.turns[1].paragraphs.len(), 2);
        // The second label of one voice's run is kept, as a note.
        assert!(
            call.meta
                .notes
                .iter()
                .any(|n| n.kind == "label" && n.text == "Speaker 2 (01:40):")
        );
    }

    #[test]
    fn name_lines_with_a_company_and_title_line_and_page_furniture() {
        let call = read(
            "Operator\nWelcome to the call.\n\nJane Park\nNorthwind Traders - CEO\nRevenue was $120 million and\n\nPage 2 of 9\n\u{c}\ngrew 8%.\n\nSam Lee\nAcme Securities - Analyst\nHow is demand?\n\nJane Park\nNorthwind Traders - CEO\nStrong.\n",
        );
        assert_eq!(
            turns(&call),
            [
                (1, "Operator".into()),
                (4, "Jane Park".into()),
                (12, "Sam Lee".into()),
                (16, "Jane Park".into())
            ]
        );
        let jane = call.speaker(&call.turns[1].speaker).unwrap();
        assert_eq!(
            (jane.title.as_deref(), jane.affiliation.as_deref()),
            (Some("CEO"), Some("Northwind Traders"))
        );
        let said: Vec<&str> = call.turns[1].paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(said, ["Revenue was $120 million and", "grew 8%."]);
        assert!(call.meta.notes.iter().any(|n| n.text == "Page 2 of 9"));
    }

    #[test]
    fn a_label_said_once_counts_when_the_file_names_that_person() {
        let call = read(
            "Operator: Our first question comes from Sam Lee with Acme.\n\nSam Lee: How is demand?\n\nJane Park: Strong.\n\nNet Income: was up.\n\nJane Park: Yes.\n",
        );
        let names: Vec<String> = turns(&call).into_iter().map(|t| t.1).collect();
        assert_eq!(names, ["Operator", "Sam Lee", "Jane Park", "Jane Park"]);
        assert_eq!(call.turns[2].paragraphs[1].text, "Net Income: was up.");
    }

    #[test]
    fn bold_markdown_names_and_running_footers() {
        let footer = "Northwind Traders Q3 2025 call transcript";
        let call = read(&format!(
            "**Jane Park:** Revenue grew.\n\n{footer}\n\n**Tom Reyes:** Margins held.\n\n{footer}\n\n**Jane Park:** Thanks.\n\n{footer}\n\n**Tom Reyes:** Bye.\n"
        ));
        let names: Vec<String> = turns(&call).into_iter().map(|t| t.1).collect();
        assert_eq!(names, ["Jane Park", "Tom Reyes", "Jane Park", "Tom Reyes"]);
        assert_eq!(call.meta.notes.iter().filter(|n| n.text == footer).count(), 3);
    }

    fn pairs(call: &Call) -> Vec<(String, Option<String>)> {
        call.turns
            .iter()
            .flat_map(|t| &t.paragraphs)
            .map(|p| (p.text.clone(), p.translation.clone()))
            .collect()
    }

    #[test]
    fn alternating_original_and_translation_pair_up_in_any_rhythm() {
        let s = |a: &str, b: Option<&str>| (a.to_string(), b.map(str::to_string));
        // Blank lines between every paragraph; the translation repeats the label.
        let call = read(
            "Operator: Welcome to the call.\n\n主持人：歡迎參加電話會議。\n\nJane Park: Revenue grew.\n\n珍·帕克：營收成長。\n\nOperator: First question.\n\n主持人：第一個問題。\n\nJane Park: Thanks.\n",
        );
        assert_eq!(
            pairs(&call),
            [
                s("Welcome to the call.", Some("歡迎參加電話會議。")),
                s("Revenue grew.", Some("營收成長。")),
                s("First question.", Some("第一個問題。")),
                s("Thanks.", None)
            ]
        );
        assert_eq!(call.turns[0].paragraphs[0].translation_line, Some(3));
        // No blank lines at all: each line is a paragraph, Korean pairs too.
        let call = read(
            "Operator: Welcome.\n환영합니다.\nJane Park: Revenue grew.\n매출이 증가했습니다.\nOperator: Next.\nJane Park: Yes.\n",
        );
        assert_eq!(pairs(&call)[1], s("Revenue grew.", Some("매출이 증가했습니다.")));
    }

    #[test]
    fn a_translation_appended_after_the_whole_original() {
        let call = read(
            "Operator: Welcome to the call.\n\nJane Park: Revenue grew.\n\nMargins held.\n\nOperator: First question.\n\n主持人\n\n歡迎參加電話會議。\n\n珍：營收成長。\n\n利潤率持平。\n\n第一個問題。\n",
        );
        let s = |a: &str, b: &str| (a.to_string(), Some(b.to_string()));
        assert_eq!(
            pairs(&call),
            [
                s("Welcome to the call.", "歡迎參加電話會議。"),
                s("Revenue grew.", "營收成長。"),
                s("Margins held.", "利潤率持平。"),
                s("First question.", "第一個問題。")
            ]
        );
        assert_eq!(call.turns[0].paragraphs[0].translation_line, Some(11));
        assert!(call.meta.notes.iter().any(|n| n.text == "主持人"));
        // One paragraph too many or too few: nothing is paired by guess.
        let call = read("Operator: Welcome.\n\nJane Park: Revenue grew.\n\nOperator: Next.\n\n歡迎。\n\n營收成長。\n");
        assert!(
            call.turns
                .iter()
                .flat_map(|t| &t.paragraphs)
                .all(|p| p.translation.is_none())
        );
        assert_eq!(
            call.turns.iter().map(|t| t.paragraphs.len()).sum::<usize>(),
            5,
            "every paragraph kept"
        );
    }

    #[test]
    fn a_label_repeated_in_the_translations_language_is_the_same_speaker() {
        let call = read(
            "Operator\n主持人\nWelcome to the call.\n歡迎參加電話會議。\n\nJane Park\n珍·帕克\nRevenue grew.\n營收成長。\n\nOperator\n主持人\nNext question.\n下一個問題。\n\nJane Park\n珍·帕克\nThanks.\n謝謝。\n",
        );
        let names: Vec<String> = turns(&call).into_iter().map(|t| t.1).collect();
        assert_eq!(names, ["Operator", "Jane Park", "Operator", "Jane Park"]);
        assert_eq!(
            pairs(&call)[1],
            ("Revenue grew.".to_string(), Some("營收成長。".to_string()))
        );
        assert_eq!(call.meta.notes.iter().filter(|n| n.kind == "label").count(), 4);
    }

    #[test]
    fn a_two_column_table_of_original_and_translation() {
        let call = read(
            "| Original | 譯文 |\n|---|---|\n| Operator: Welcome. | 歡迎。 |\n| Jane Park: Revenue grew. | 營收成長。 |\n| Margins held. | 利潤率持平。 |\n| Operator: Next question. | 下一個問題。 |\n| Jane Park: Yes. | 是的。 |\n",
        );
        let names: Vec<String> = turns(&call).into_iter().map(|t| t.1).collect();
        assert_eq!(names, ["Operator", "Jane Park", "Operator", "Jane Park"]);
        assert_eq!(
            call.turns[1]
                .paragraphs
                .iter()
                .map(|p| p.translation.as_deref())
                .collect::<Vec<_>>(),
            [Some("營收成長。"), Some("利潤率持平。")]
        );
        assert!(call.meta.notes.iter().any(|n| n.kind == "table"));
    }

    #[test]
    fn a_table_row_may_end_with_the_next_speakers_name() {
        let call = read(
            "| Welcome to the call. Jane Park | 歡迎參加電話會議。 |\n| Revenue grew. | 營收成長。 |\n| Thank you. Sam Lee | 謝謝。 |\n| How is demand? | 需求如何？ |\n| Thanks. Jane Park | 謝謝。 |\n| Strong. | 強勁。 |\n| Sam Lee | |\n| And margins? | 利潤率呢？ |\n| Jane Park | |\n| Steady. | 穩定。 |\n",
        );
        let names: Vec<String> = turns(&call).into_iter().map(|t| t.1).collect();
        assert_eq!(names, ["Jane Park", "Sam Lee", "Jane Park", "Sam Lee", "Jane Park"]);
        // The welcome before the first label is the file's header.
        assert!(call.meta.notes.iter().any(|n| n.text == "Welcome to the call."));
        assert_eq!(call.turns[0].paragraphs[0].text, "Revenue grew.");
        assert_eq!(call.turns[0].paragraphs[1].text, "Thank you.");
        assert_eq!(call.turns[0].paragraphs[1].translation.as_deref(), Some("謝謝。"));
    }

    #[test]
    fn prose_without_labels_is_kept_with_a_warning() {
        let call = read("Revenue grew this quarter.\n\nMargins held.\n");
        assert_eq!(call.turns.len(), 1);
        assert_eq!(call.turns[0].paragraphs.len(), 2);
        assert!(
            call.warnings
                .iter()
                .any(|w| w.kind == WarningKind::Layout && w.message.contains("inline"))
        );
    }
}
