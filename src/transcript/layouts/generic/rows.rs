//! The general reader's view of a file: numbered rows, page furniture, headings,
//! participant lists, and each row's label candidate in every usual convention.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::transcript::Lines;
use crate::transcript::labels::{Form, Label, TITLE_WRAP_WIDTH, is_title_rest, read_label};
use crate::transcript::layouts::common;
use crate::transcript::speakers::split_header;

/// Where a label stands on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Place {
    /// `Label: what they said`.
    Prefix,
    /// The label alone on its line, speech on the lines after it.
    Line,
}

/// A label found at a line start.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) place: Place,
    pub(super) label: Label,
    /// What follows the label on its line (`Prefix`).
    pub(super) rest: String,
    /// A `Company - Title` line under a `Line` label, read into the label.
    pub(super) title_line: Option<usize>,
}

/// One line of the file as the reader sees it.
#[derive(Debug)]
pub(super) struct Row<'a> {
    pub(super) line: usize,
    /// The line, or the first cell of a two-column table row.
    pub(super) text: &'a str,
    /// The second cell of a two-column row (`| original | translation |`).
    pub(super) translation: Option<&'a str>,
    /// What the line is when it is no speech: `page` furniture, `table` markup.
    pub(super) furniture: Option<&'static str>,
    /// For a name split off the end of a table cell, the whole cell: the label as written.
    pub(super) cell: Option<&'a str>,
    pub(super) candidate: Option<Candidate>,
}

/// Names alone on their lines one after another (blank lines and their `Company -
/// Title` lines between) are a participant list, not turns with nothing said: kept as
/// notes. The operator is never in such a list.
pub(super) fn mark_participant_lists(rows: &mut [Row<'_>]) {
    let is_entry = |r: &Row<'_>| {
        r.candidate
            .as_ref()
            .is_some_and(|c| c.place == Place::Line && c.label.form != Form::Operator)
    };
    let mut i = 0;
    while i < rows.len() {
        if !is_entry(&rows[i]) {
            i += 1;
            continue;
        }
        // The run: entries whose next text row is another entry; a list may also end at
        // the next section's heading.
        let mut run = vec![i];
        let mut ends_at_heading = false;
        loop {
            let last = run[run.len() - 1];
            let after = rows[last].candidate.as_ref().and_then(|c| c.title_line).unwrap_or(last);
            match next_text(rows, after + 1) {
                Some(k) if is_entry(&rows[k]) => run.push(k),
                Some(k) => {
                    ends_at_heading = is_heading(rows[k].text);
                    break;
                }
                None => break,
            }
        }
        if run.len() >= 2 || ends_at_heading {
            for &k in &run {
                let title = rows[k].candidate.take().and_then(|c| c.title_line);
                rows[k].furniture = Some("participants");
                if let Some(t) = title {
                    rows[t].candidate = None;
                    rows[t].furniture = Some("participants");
                }
            }
        }
        i = run[run.len() - 1] + 1;
    }
}

/// Section and list headings (`PRESENTATION`, `Call Participants:`, `## Q&A`): never a
/// speaker, whatever their capitals say.
pub(super) fn is_heading(text: &str) -> bool {
    let key = heading_key(text);
    [HEADINGS, QA_HEADINGS, TRANSCRIPT_HEADINGS]
        .iter()
        .any(|list| list.contains(&key.as_str()))
}

/// `Questions and Answers`, `Q&A`, `Question-and-Answer Session` as a line of its own.
pub(super) fn is_qa_heading(text: &str) -> bool {
    QA_HEADINGS.contains(&heading_key(text).as_str())
}

/// `Transcript`, `Full Conference Call Transcript`: the speech starts after it.
pub(super) fn is_transcript_heading(text: &str) -> bool {
    TRANSCRIPT_HEADINGS.contains(&heading_key(text).as_str())
}

/// A heading's words, without Markdown marks, rules and a closing colon, in lower case.
fn heading_key(text: &str) -> String {
    text.trim_matches(|c: char| matches!(c, '#' | '*' | ':' | '=' | '-') || c.is_whitespace())
        .to_lowercase()
}

const HEADINGS: &[&str] = &[
    "prepared remarks",
    "presentation",
    "call participants",
    "participants",
    "corporate participants",
    "conference call participants",
    "company participants",
    "executives",
    "analysts",
    "contents",
    "table of contents",
    "disclaimer",
    "definitions",
    "industry glossary",
    "glossary",
    "takeaways",
    "key takeaways",
    "summary",
    "operator instructions",
];

const QA_HEADINGS: &[&str] = &[
    "q&a",
    "q & a",
    "questions and answers",
    "question-and-answer session",
    "question and answer session",
    "q&a session",
];

const TRANSCRIPT_HEADINGS: &[&str] = &[
    "transcript",
    "full transcript",
    "conference call transcript",
    "full conference call transcript",
    "call transcript",
];

/// Numbers the lines, marks furniture and finds each line's label candidate.
pub(super) fn read_rows<'a>(lines: &Lines<'a>) -> Vec<Row<'a>> {
    let raw: Vec<(usize, &str)> = lines
        .iter()
        .map(|(n, t)| (n, t.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')))
        .collect();
    let repeated = repeated_lines(&raw);
    let mut rows: Vec<Row<'a>> = Vec::with_capacity(raw.len());
    for &(line, text) in &raw {
        let furniture = if is_page_mark(text) || repeated.contains(text) {
            Some("page")
        } else if is_time_stamp(text) {
            Some("timestamp")
        } else if is_table_rule(text) {
            Some("table")
        } else {
            None
        };
        let row = |text, translation| Row {
            line,
            text,
            translation,
            furniture,
            cell: None,
            candidate: None,
        };
        match two_cells(text).filter(|_| furniture.is_none()) {
            // A table row whose original ends with the next speaker's name (`Thank you.
            // Jane Park`): the name is a row of its own, read as a label if it is one.
            Some((original, translation)) => match trailing_name(original) {
                Some((said, name)) => {
                    rows.push(row(said, Some(translation)));
                    rows.push(Row {
                        cell: Some(original),
                        ..row(name, None)
                    });
                }
                None => rows.push(row(original, Some(translation))),
            },
            None => rows.push(row(text, None)),
        }
    }
    for i in 0..rows.len() {
        if rows[i].furniture.is_some() || rows[i].text.is_empty() || is_heading(rows[i].text) {
            continue;
        }
        rows[i].candidate = candidate(&rows, i);
    }
    rows
}

static TIME_STAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?$").expect("static regex"));

/// `0:12`, `[00:01:02]`: a time stamp on a line of its own (meeting tools put one under
/// each speaker's name).
fn is_time_stamp(text: &str) -> bool {
    TIME_STAMP.is_match(text)
}

static PAGE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|-\s*\d{1,4}\s*-|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})$")
        .expect("static regex")
});

/// `|---|:---:|`: the rule under a table's header row.
fn is_table_rule(text: &str) -> bool {
    text.starts_with('|') && text.contains('-') && text.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// `| original | translation |`: a row of two cells, the second in Chinese, Japanese or
/// Korean and the first not (a bilingual transcript laid out as a table).
fn two_cells(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix('|')?.strip_suffix('|')?;
    let (original, translation) = inner.split_once('|')?;
    let (original, translation) = (original.trim(), translation.trim());
    (!translation.contains('|')
        && !common::mostly_cjk(original)
        && (translation.is_empty() || common::mostly_cjk(translation)))
    .then_some((original, translation))
}

/// `Thank you. Jane Park`: a sentence, then a name of two to four words that reads as a
/// speaker label.
fn trailing_name(cell: &str) -> Option<(&str, &str)> {
    let end = cell.trim_end().rfind(['.', '?', '!'])? + 1;
    let (said, name) = (cell[..end].trim(), cell[end..].trim());
    let words = name.split_whitespace().count();
    ((2..=4).contains(&words) && read_label(name).is_some_and(|l| l.title.is_none())).then_some((said, name))
}

/// `Page 3 of 20`, `- 3 -`, `3/20`, a bare page number.
fn is_page_mark(text: &str) -> bool {
    PAGE_MARK.is_match(text)
}

/// Running headers and footers: the same line three times or more, with a digit, a
/// copyright sign or no sentence end (speech repeats too: "Thank you." is no furniture),
/// and never under a name (`Douglas Elliman Inc. - Chairman, President & CEO` repeats
/// under each of its speaker's turns).
pub(super) fn repeated_lines<'a>(rows: &[(usize, &'a str)]) -> HashSet<&'a str> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    let mut under_a_name: HashSet<&str> = HashSet::new();
    let mut previous = "";
    for &(_, t) in rows {
        if t.is_empty() {
            continue;
        }
        if (8..=100).contains(&t.len()) {
            *count.entry(t).or_default() += 1;
            if read_label(previous).is_some() {
                under_a_name.insert(t);
            }
        }
        previous = t;
    }
    count.retain(|t, _| !under_a_name.contains(t));
    count
        .into_iter()
        .filter(|&(t, n)| {
            n >= 3
                && t.split_whitespace().count() >= 3
                && read_label(t).is_none()
                && !t.contains(':')
                && (t.chars().any(|c| c.is_ascii_digit() || c == '©') || !t.ends_with(['.', '?', '!']))
        })
        .map(|(t, _)| t)
        .collect()
}

/// The label line `i` opens with, if any.
fn candidate(rows: &[Row<'_>], i: usize) -> Option<Candidate> {
    let text = rows[i].text;
    if let Some((before, rest)) = split_prefix(text)
        && !rest.trim().is_empty()
        && let Some(label) = read_label(before)
    {
        return Some(Candidate {
            place: Place::Prefix,
            label,
            rest: rest.trim().to_string(),
            title_line: None,
        });
    }
    if text.chars().count() > 100 {
        return None;
    }
    if let Some(wrapped) = wrapped_label(rows, i) {
        return Some(wrapped);
    }
    let mut label = read_label(text)?;
    // A label alone on its line is followed by speech (or by a `Company - Title` line).
    let next = next_text(rows, i + 1)?;
    let mut title_line = None;
    // Only a person's name line has a `Company - Title` line under it.
    let person = matches!(label.form, Form::Name | Form::Capitals);
    if person
        && label.title.is_none()
        && let (firm, Some(title)) = split_header(rows[next].text)
        && is_title_line(rows[next].text)
    {
        let mut title = title.to_string();
        label.affiliation = Some(firm.to_string());
        title_line = Some(next);
        // Speech follows the title line.
        let after = next_text(rows, next + 1)?;
        // A title the line width cut (`… Research & Equity` / `Research Analyst`) goes on
        // on the next, short line; speech follows that one then.
        if rows[next].text.chars().count() >= TITLE_WRAP_WIDTH
            && is_title_rest(rows[after].text)
            && !is_heading(rows[after].text)
            && !is_title_line_below(rows, after)
        {
            next_text(rows, after + 1)?;
            title.push(' ');
            title.push_str(rows[after].text);
            title_line = Some(after);
        }
        label.title = Some(title);
    }
    Some(Candidate {
        place: Place::Line,
        label,
        rest: String::new(),
        title_line,
    })
}

/// A label wrapped onto a second line (`JANE PARK, CHIEF EXECUTIVE OFFICER, NORTHWIND` /
/// `TRADERS: Revenue was…`): read as one, the second line's rest is the speech.
fn wrapped_label(rows: &[Row<'_>], i: usize) -> Option<Candidate> {
    let next = rows.get(i + 1).filter(|r| r.furniture.is_none())?;
    let (tail, rest) = split_prefix(next.text)?;
    let short_tail = !tail.is_empty() && tail.split_whitespace().count() <= 4 && read_label(tail).is_none();
    if !short_tail || rest.trim().is_empty() || rows[i].text.ends_with(['.', '?', '!', ':']) {
        return None;
    }
    let label = read_label(&format!("{} {tail}", rows[i].text))?;
    Some(Candidate {
        place: Place::Prefix,
        label,
        rest: rest.trim().to_string(),
        title_line: Some(i + 1),
    })
}

/// `purchases. Do you`: a lower-case word of three letters or more ends a sentence (an
/// initial or an abbreviation, `B. Riley`, `Co. Inc.`, does not).
fn ends_a_sentence_inside(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        w.strip_suffix('.')
            .is_some_and(|b| b.chars().count() >= 3 && b.chars().all(char::is_lowercase))
    })
}

/// True when the row after `i` is a `Company - Title` line (so row `i` is a name).
fn is_title_line_below(rows: &[Row<'_>], i: usize) -> bool {
    next_text(rows, i + 1).is_some_and(|k| split_header(rows[k].text).1.is_some() && is_title_line(rows[k].text))
}

/// `Northwind Traders - Chief Executive Officer`: no sentence (`Do you -- as you look…`
/// splits at a dash too).
fn is_title_line(text: &str) -> bool {
    let firm = split_header(text).0;
    text.chars().count() <= 140
        && firm.chars().count() <= 70
        && !firm.contains(['?', '!'])
        && !ends_a_sentence_inside(firm)
        && !text.ends_with(['.', '?', '!', ':'])
        && !text.contains(": ")
}

/// The index of the next non-blank row that is no furniture, from `from`.
pub(super) fn next_text(rows: &[Row<'_>], from: usize) -> Option<usize> {
    (from..rows.len()).find(|&j| !rows[j].text.is_empty() && rows[j].furniture.is_none())
}

/// `Label: rest`, the colon within the first 120 bytes (time stamps' colons skipped).
fn split_prefix(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices().take_while(|(i, _)| *i < 120) {
        let between_digits =
            c == ':' && i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if matches!(c, ':' | '：') && !between_digits {
            return Some((&text[..i], &text[i + c.len_utf8()..]));
        }
    }
    None
}
