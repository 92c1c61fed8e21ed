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
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::WarningKind;
use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::labels::{Form, Label, is_title_rest, read_label};
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph};
use crate::transcript::speakers::split_header;
use crate::transcript::voices::{self, Runs};

/// The layout's name.
pub const NAME: &str = "generic";

/// Where a label stands on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Place {
    /// `Label: what they said`.
    Prefix,
    /// The label alone on its line, speech on the lines after it.
    Line,
}

/// A label found at a line start.
#[derive(Debug, Clone)]
struct Candidate {
    place: Place,
    label: Label,
    /// What follows the label on its line (`Prefix`).
    rest: String,
    /// A `Company - Title` line under a `Line` label, read into the label.
    title_line: Option<usize>,
}

/// One line of the file as the reader sees it.
#[derive(Debug)]
struct Row<'a> {
    line: usize,
    /// The line, or the first cell of a two-column table row.
    text: &'a str,
    /// The second cell of a two-column row (`| original | translation |`).
    translation: Option<&'a str>,
    /// What the line is when it is no speech: `page` furniture, `table` markup.
    furniture: Option<&'static str>,
    /// For a name split off the end of a table cell, the whole cell: the label as written.
    cell: Option<&'a str>,
    candidate: Option<Candidate>,
}

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
        let guessed = guess(&rows)?;
        warnings.push((
            first_line,
            format!(
                "no known layout fits this file and no speaker label repeats in it (tried: {}); read `Name: text` paragraphs as turns",
                tried.join(", ")
            ),
        ));
        Some(guessed)
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

/// Names alone on their lines one after another (blank lines and their `Company -
/// Title` lines between) are a participant list, not turns with nothing said: kept as
/// notes. The operator is never in such a list.
fn mark_participant_lists(rows: &mut [Row<'_>]) {
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
        // The run: entries whose next text row is another entry.
        let mut run = vec![i];
        let mut j = i;
        loop {
            let after = rows[j].candidate.as_ref().and_then(|c| c.title_line).unwrap_or(j);
            match next_text(rows, after + 1) {
                Some(k) if is_entry(&rows[k]) || is_heading(rows[k].text) => {
                    if is_entry(&rows[k]) {
                        run.push(k);
                        j = k;
                    } else {
                        // A list ends at the next section's heading.
                        run.push(usize::MAX);
                        break;
                    }
                }
                _ => break,
            }
        }
        let listed: Vec<usize> = run.iter().copied().filter(|&k| k != usize::MAX).collect();
        if run.len() >= 2 {
            for &k in &listed {
                let title = rows[k].candidate.as_ref().and_then(|c| c.title_line);
                rows[k].candidate = None;
                rows[k].furniture = Some("participants");
                if let Some(t) = title {
                    rows[t].candidate = None;
                    rows[t].furniture = Some("participants");
                }
            }
        }
        i = listed.last().map_or(i, |&k| k) + 1;
    }
}

/// Section and list headings (`PRESENTATION`, `Call Participants:`, `## Q&A`): never a
/// speaker, whatever their capitals say.
fn is_heading(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| c == '#' || c == '*' || c == ':' || c == '=' || c == '-' || c.is_whitespace())
        .to_lowercase();
    HEADINGS.contains(&t.as_str()) || is_qa_heading(text) || is_transcript_heading(text)
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

/// `Transcript`, `Full Conference Call Transcript`: the speech starts after it.
fn is_transcript_heading(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| c == '#' || c == '*' || c == ':' || c == '=' || c.is_whitespace())
        .to_lowercase();
    matches!(
        t.as_str(),
        "transcript"
            | "full transcript"
            | "conference call transcript"
            | "full conference call transcript"
            | "call transcript"
    )
}

/// Numbers the lines, marks furniture and finds each line's label candidate.
fn read_rows<'a>(lines: &Lines<'a>) -> Vec<Row<'a>> {
    let raw: Vec<(usize, &str)> = lines
        .iter()
        .map(|(n, t)| (n, t.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')))
        .collect();
    let repeated = repeated_lines(&raw);
    let mut rows: Vec<Row<'a>> = Vec::with_capacity(raw.len());
    for &(line, text) in &raw {
        let furniture = if is_page_mark(text) || repeated.contains(text) {
            Some("page")
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
fn repeated_lines<'a>(rows: &[(usize, &'a str)]) -> std::collections::HashSet<&'a str> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    let mut under_a_name: std::collections::HashSet<&str> = std::collections::HashSet::new();
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
        && let (_, Some(title)) = split_header(rows[next].text)
        && is_title_line(rows[next].text)
    {
        let mut title = title.to_string();
        let firm = split_header(rows[next].text).0;
        label.affiliation = Some(firm.to_string());
        title_line = Some(next);
        let mut after = next_text(rows, next + 1)?;
        // A title the line width cut (`… Research & Equity` / `Research Analyst`) goes on
        // on the next, short line.
        if rows[next].text.chars().count() >= WRAP_WIDTH
            && is_title_rest(rows[after].text)
            && !is_heading(rows[after].text)
            && !is_title_line_below(rows, after)
        {
            title.push(' ');
            title.push_str(rows[after].text);
            title_line = Some(after);
            after = next_text(rows, after + 1)?;
        }
        let _ = after;
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

/// A title line this long may have been cut by the line width of the PDF the text came
/// from.
const WRAP_WIDTH: usize = 60;

/// The index of the next non-blank row that is no furniture, from `from`.
fn next_text(rows: &[Row<'_>], from: usize) -> Option<usize> {
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
        .collect();
    // The first and last word together ("Sam Lee" in "Samuel Lee" does not count, "Sam Lee with Acme" does).
    let key = match (words.first(), words.last()) {
        (Some(f), Some(l)) if words.len() >= 2 => format!("{f} {l}"),
        _ => return false,
    };
    let own = if words.len() == 2 { 1 } else { 0 };
    mentioned.get(&key).copied().unwrap_or(0) > own || repeats(&c.label.name, mentioned)
}

/// A two-word label counts itself once; more mentions confirm it.
fn repeats(name: &str, mentioned: &HashMap<String, usize>) -> bool {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() > 2
        && words
            .windows(2)
            .all(|p| mentioned.get(&format!("{} {}", p[0], p[1])).copied().unwrap_or(0) >= 2)
}

/// One speaker's stretch of the file.
struct Segment {
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
            let mut written = label_as_written(row.cell.unwrap_or(row.text), c);
            // The label as written runs over two lines: the turn keeps both.
            if let Some(t) = skip {
                // Lines of the label before its last (a title cut in two).
                for middle in rows[i + 1..t].iter().filter(|r| !r.text.is_empty()) {
                    written.push('\n');
                    written.push_str(middle.text);
                }
                let second = rows[t].text;
                written.push('\n');
                // A wrapped prefix label's second line goes on with the speech.
                let cut = match c.place {
                    Place::Prefix => second.len().saturating_sub(c.rest.len()),
                    Place::Line => second.len(),
                };
                written.push_str(second.get(..cut).unwrap_or(second).trim_end());
            }
            segments.push(Segment {
                label: c.label.clone(),
                written,
                line: row.line,
                paragraphs: Vec::new(),
            });
            open = false;
            if c.rest.is_empty() {
                continue;
            }
        }
        // A name split off a table cell that turned out to be no label goes back where
        // it was, with the space (or none) that stood before it.
        if let (Some(cell), None) = (row.cell, &row.candidate)
            && let Some(p) = segments.last_mut().and_then(|s| s.paragraphs.last_mut())
        {
            let gap = cell.len().saturating_sub(row.text.len());
            let before = cell.get(..gap).unwrap_or("");
            let space = &before[before.trim_end().len()..];
            p.text.push_str(space);
            p.text.push_str(row.text);
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

/// Adds a line of speech: to the open paragraph, or as a new one. A paragraph in Chinese,
/// Japanese or Korean right after one in another script is its translation (original
/// and translation alternating, in any rhythm of lines and blank lines).
fn add_text(segments: &mut Vec<Segment>, paragraph: Paragraph, join: bool) {
    if segments.is_empty() {
        segments.push(Segment {
            label: Label {
                name: "Unknown speaker".to_string(),
                title: None,
                affiliation: None,
                form: Form::Name,
            },
            written: String::new(),
            line: paragraph.line,
            paragraphs: Vec::new(),
        });
    }
    let Some(seg) = segments.last_mut() else { return };
    let translated = paragraph.translation.is_none() && common::mostly_cjk(&paragraph.text);
    match seg.paragraphs.last_mut() {
        Some(p) if translated && p.translation.is_some() && join => {
            if let Some(t) = p.translation.as_mut() {
                t.push_str(&paragraph.text);
            }
        }
        Some(p) if translated && p.translation.is_none() && !common::mostly_cjk(&p.text) => {
            p.translation = Some(without_label(&paragraph.text).to_string());
            p.translation_line = Some(paragraph.line);
        }
        Some(p) if join && p.translation.is_none() => {
            p.text.push(' ');
            p.text.push_str(&paragraph.text);
        }
        _ => seg.paragraphs.push(paragraph),
    }
}

/// A translation appended after the whole original: the file's paragraphs end in a run
/// in Chinese, Japanese or Korean exactly as long as the original before it (labels on
/// lines of their own in the translation's language set aside). Paragraph `i` of the run
/// translates paragraph `i` of the original; any other count pairs nothing, rather than
/// pairing wrong.
fn pair_appended_translation(segments: &mut Vec<Segment>, meta: &mut Meta) {
    // The alternating rule gave the run's first paragraph to the last original: undo that.
    let mut all: Vec<Paragraph> = Vec::new();
    for seg in segments.iter() {
        for p in &seg.paragraphs {
            let mut p = p.clone();
            if let Some(t) = p.translation.take() {
                let line = p.translation_line.take().unwrap_or(p.line);
                all.push(p);
                all.push(Paragraph::new(t, line));
            } else {
                all.push(p);
            }
        }
    }
    let Some(start) = all.iter().rposition(|p| !common::mostly_cjk(&p.text)).map(|i| i + 1) else {
        return;
    };
    let is_label_line =
        |p: &Paragraph| p.text.chars().count() <= 10 && !p.text.ends_with(['。', '？', '！', '.', '?', '!']);
    let tail: Vec<&Paragraph> = all[start..].iter().filter(|p| !is_label_line(p)).collect();
    let originals = &all[..start];
    let untranslated = segments
        .iter()
        .flat_map(|s| &s.paragraphs)
        .all(|p| p.translation.is_none())
        || segments
            .iter()
            .flat_map(|s| &s.paragraphs)
            .filter(|p| p.translation.is_some())
            .count()
            == 1;
    if tail.len() < 2 || !untranslated || originals.iter().any(|p| common::mostly_cjk(&p.text)) {
        return;
    }
    if tail.len() != originals.len() {
        // Not one translation per paragraph: the run is kept as it stands, its first
        // paragraph no longer the last original's translation.
        unpair_last(segments);
        return;
    }
    let translations: Vec<(String, usize)> = tail
        .iter()
        .map(|p| (without_label(&p.text).to_string(), p.line))
        .collect();
    for p in &all[start..] {
        if is_label_line(p) {
            common::note(meta, p.line, "label", &p.text);
        }
    }
    let mut next = translations.into_iter();
    let mut kept = 0;
    for seg in segments.iter_mut() {
        seg.paragraphs.retain(|p| !common::mostly_cjk(&p.text));
        for p in &mut seg.paragraphs {
            if kept < originals.len()
                && let Some((text, line)) = next.next()
            {
                p.translation = Some(text);
                p.translation_line = Some(line);
                kept += 1;
            }
        }
    }
    segments.retain(|s| !s.paragraphs.is_empty() || !s.written.is_empty());
}

/// Gives the last paragraph's translation back as a paragraph of its own.
fn unpair_last(segments: &mut [Segment]) {
    let Some(seg) = segments
        .iter_mut()
        .rev()
        .find(|s| s.paragraphs.iter().any(|p| p.translation.is_some()))
    else {
        return;
    };
    let Some(i) = seg.paragraphs.iter().rposition(|p| p.translation.is_some()) else {
        return;
    };
    let p = &mut seg.paragraphs[i];
    if let (Some(text), Some(line)) = (p.translation.take(), p.translation_line.take()) {
        seg.paragraphs.insert(i + 1, Paragraph::new(text, line));
    }
}

/// A speaker label in Chinese, Japanese or Korean: a few characters, no sentence.
fn is_translated_label(text: &str) -> bool {
    common::mostly_cjk(text)
        && text.chars().count() <= 12
        && !text.ends_with(['。', '？', '！', '.', '?', '!', '，', ','])
}

/// A translation that repeats the speaker's label in its own language (`主持人：歡迎`)
/// without the label: the label is the speaker's, already read from the original.
fn without_label(text: &str) -> &str {
    match text.split_once(['：', ':']) {
        Some((label, rest)) if label.chars().count() <= 12 && !rest.trim().is_empty() => rest.trim(),
        _ => text,
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

/// `Questions and Answers`, `Q&A`, `Question-and-Answer Session` as a line of its own.
fn is_qa_heading(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| c == '#' || c == '*' || c == ':' || c == '=' || c == '-' || c.is_whitespace())
        .to_lowercase();
    matches!(
        t.as_str(),
        "q&a"
            | "q & a"
            | "questions and answers"
            | "question-and-answer session"
            | "question and answer session"
            | "q&a session"
    )
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
            .map(|t| {
                (
                    t.line,
                    call.speaker(&t.speaker).map_or("?", |s| s.name.as_str()).to_string(),
                )
            })
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
