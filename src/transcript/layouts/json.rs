//! JSON as transcript scrapers and APIs export it. Either a list of statements (speaker,
//! role, affiliation, section, text) with metadata and participants beside it, read here
//! (a statement's `line` in the model is its 1-based position in the list), or a
//! container of a whole transcript's text in one field (Financial Modeling Prep's
//! `content`), handed back with the metadata beside it for the text readers.

use serde_json::Value;

use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph, Role, UNKNOWN_SPEAKER};
use crate::transcript::speakers::{Participant, Roster, find_introduction, is_operator};
use crate::transcript::voices::{self, Runs};

/// The layout's name.
pub const NAME: &str = "json";

const STATEMENT_KEYS: &[&str] = &[
    "call_transcript",
    "transcript",
    "statements",
    "turns",
    "content",
    "segments",
    "speakers",
    "utterances",
    "monologues",
];

/// Fields that hold a whole transcript's text in a container.
const TEXT_KEYS: &[&str] = &["content", "transcript", "text", "body"];

/// Fields that hold a statement's speaker label.
const LABEL_KEYS: &[&str] = &["speaker", "name", "speaker_name", "speaker_label", "speakerLabel"];

/// Fields that map diarisation labels (`spk01`) to people.
const NAME_MAP_KEYS: &[&str] = &["speaker_name_map_v2", "speaker_name_map", "speaker_map"];

/// What a JSON file holds.
#[derive(Debug)]
pub enum Parsed {
    /// Statements, read into a call.
    Call(Call),
    /// A transcript's text found in one field, with the metadata beside it: the text
    /// readers take it from here. Its line `n` is line `n` of the field's text.
    Text {
        /// The field's text.
        text: String,
        /// Metadata from the fields beside it.
        meta: Meta,
    },
}

/// How strongly `text` looks like this layout.
pub fn score(text: &str) -> f32 {
    let t = text.trim_start();
    // `[Technical Issues] …` opens many a transcript: JSON opens an array or object with
    // a value or a key, never a word.
    let mut chars = t.chars();
    let opener = chars.next();
    let next = chars.find(|c| !c.is_whitespace());
    let json_like = match (opener, next) {
        (Some('{'), Some(c)) => c == '"' || c == '}',
        (Some('['), Some(c)) => matches!(c, '{' | '[' | '"' | ']' | '-' | '0'..='9'),
        _ => false,
    };
    if !json_like {
        return 0.0;
    }
    if STATEMENT_KEYS.iter().any(|k| t.contains(&format!("\"{k}\""))) || t.contains("\"speaker\"") {
        1.0
    } else {
        0.3
    }
}

fn str_of<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn role_of(text: Option<&str>) -> Option<Role> {
    let t = text?.to_lowercase();
    Some(if t.contains("analyst") {
        Role::Analyst
    } else if t.contains("operator") {
        Role::Operator
    } else if t.contains("moderator") || t.contains("host") {
        Role::Moderator
    } else {
        return None;
    })
}

/// Parses the layout; an error is `(line, column, message)` of invalid JSON.
pub fn parse(text: &str) -> Result<Parsed, (usize, usize, String)> {
    let root: Value = serde_json::from_str(text).map_err(|e| (e.line(), e.column(), format!("invalid JSON: {e}")))?;
    read_value(&root).map_err(|message| (1, 1, message))
}

/// Reads a parsed document (JSON, or YAML turned into the same values).
pub fn read_value(root: &Value) -> Result<Parsed, String> {
    // Speech-to-text output keeps the whole transcript in `text` beside its speaker-labelled
    // utterances: the utterances say who spoke.
    let statements = find_statements(root);
    let has_speakers = statements.is_some_and(|s| s.iter().any(|v| SpeakerLabels::label(v).is_some()));
    if !has_speakers && let Some((text, meta)) = text_container(root) {
        return Ok(Parsed::Text { text, meta });
    }
    match statements {
        Some(statements) => Ok(Parsed::Call(read_statements(root, statements))),
        None => Err(format!(
            "no statements found (looked for an array of objects with text, or one of: {})",
            STATEMENT_KEYS.join(", ")
        )),
    }
}

/// Fields of a statement that hold what was said.
const SAID_KEYS: &[&str] = &[
    "text",
    "content",
    "statement",
    "body",
    "transcript",
    "utterance",
    "sentence",
];

/// What a statement says: its text field, or its sentences joined (Deepgram's paragraphs).
fn said(statement: &Value) -> Option<String> {
    if let Some(text) = str_of(statement, SAID_KEYS) {
        return Some(text.to_string());
    }
    if let Some(sentences) = statement.get("sentences").and_then(Value::as_array) {
        let parts: Vec<&str> = sentences.iter().filter_map(|s| str_of(s, SAID_KEYS)).collect();
        return (!parts.is_empty()).then(|| parts.join(" "));
    }
    // Rev.ai's monologues: words and punctuation as elements.
    let elements = statement.get("elements")?.as_array()?;
    let mut text = String::new();
    for e in elements {
        let value = e.get("value").and_then(Value::as_str).unwrap_or("");
        if e.get("type").and_then(Value::as_str) == Some("text") && !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
        }
        text.push_str(value);
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// True when most of `items` are objects that say something.
fn is_statement_list(items: &[Value]) -> bool {
    let saying = items.iter().filter(|v| v.is_object() && said(v).is_some()).count();
    saying > 0 && saying * 2 >= items.len()
}

/// The list of statements: the document itself, a known field, or (for the many shapes
/// of API and speech-to-text output: `results.utterances`, `channels[0].alternatives[0]
/// .paragraphs.paragraphs`) the first list of speaking objects found breadth-first,
/// preferring one whose objects name speakers.
fn find_statements(root: &Value) -> Option<&[Value]> {
    if let Value::Array(a) = root
        && is_statement_list(a)
    {
        return Some(a);
    }
    if let Some(a) = STATEMENT_KEYS
        .iter()
        .filter_map(|k| root.get(*k).and_then(Value::as_array))
        .find(|a| is_statement_list(a))
    {
        return Some(a);
    }
    let mut queue: std::collections::VecDeque<(&Value, usize)> = std::collections::VecDeque::from([(root, 0)]);
    let mut unnamed: Option<&[Value]> = None;
    while let Some((value, depth)) = queue.pop_front() {
        let children: Vec<&Value> = match value {
            Value::Object(map) => map.values().collect(),
            Value::Array(a) => a.iter().take(4).collect(),
            _ => continue,
        };
        for child in children {
            if let Value::Array(items) = child
                && is_statement_list(items)
            {
                if items.iter().any(|v| SpeakerLabels::label(v).is_some()) {
                    return Some(items);
                }
                unnamed.get_or_insert(items);
            }
            if depth < 6 {
                queue.push_back((child, depth + 1));
            }
        }
    }
    unnamed
}

/// A single record whose statements carry no speakers but one of whose fields holds a
/// transcript of several lines: `[{"symbol": "AAPL", "content": "Operator: Good day…\nTim
/// Cook: …"}]`.
fn text_container(root: &Value) -> Option<(String, Meta)> {
    let record = match root {
        Value::Array(a) if a.len() == 1 => &a[0],
        Value::Object(_) => root,
        _ => return None,
    };
    let text = TEXT_KEYS
        .iter()
        .find_map(|k| record.get(*k).and_then(Value::as_str))
        .filter(|t| t.trim().lines().nth(1).is_some())?;
    Some((text.to_string(), read_meta(record)))
}

fn read_statements(root: &Value, statements: &[Value]) -> Call {
    let meta = read_meta(root);
    let labels = SpeakerLabels::new(root, statements);
    if labels.map.is_none() && labels.all_anonymous(statements) {
        return read_diarised(statements, meta);
    }
    let mut b = CallBuilder::with_roster(roster(root));
    let names: Vec<Option<String>> = statements.iter().map(|s| labels.name(s)).collect();
    for (i, s) in statements.iter().enumerate() {
        let line = s
            .get("statement_num")
            .and_then(Value::as_u64)
            .map_or(i + 1, |n| n as usize);
        let section = str_of(s, &["section"]).unwrap_or("").to_lowercase();
        if matches!(section.as_str(), "qa" | "q&a" | "questions" | "questions and answers") {
            b.mark_qa_here();
        }
        let name = names[i].as_deref().unwrap_or(UNKNOWN_SPEAKER);
        let title = str_of(s, &["role", "title"]).or_else(|| labels.title(s));
        let affiliation = str_of(s, &["affiliation", "company", "firm"]).filter(|a| !a.eq_ignore_ascii_case("analyst"));
        let role = role_of(title).or_else(|| role_of(str_of(s, &["affiliation"])));
        b.start_turn_as(name, name, title, affiliation, role, line);
        let raw = said(s).unwrap_or_default();
        let next = names.get(i + 1).and_then(Option::as_deref);
        for block in strip_next_header(&raw, next).split("\n\n") {
            let block = block.split_whitespace().collect::<Vec<_>>().join(" ");
            for para in split_glued_paragraphs(&block) {
                b.add_paragraph(Paragraph::new(para, line));
            }
        }
    }
    b.finish(NAME, meta)
}

/// Speech-to-text utterances labelled `A`, `SPEAKER_00` or `0`: one turn per run of a
/// label, the labels named from what the call says (`transcript::voices`).
fn read_diarised(statements: &[Value], meta: Meta) -> Call {
    let mut runs = Runs::new();
    for (i, s) in statements.iter().enumerate() {
        let voice = SpeakerLabels::label(s).unwrap_or_else(|| UNKNOWN_SPEAKER.to_string());
        if let Some(text) = said(s) {
            runs.push(&voice, i + 1, &text);
        }
    }
    voices::build(&runs.into_runs(), NAME, meta)
}

fn read_meta(root: &Value) -> Meta {
    let mut meta = read_meta_fields(root);
    // EarningsCall keeps the period in an `event` record.
    if let Some(event) = root.get("event").filter(|e| e.is_object()) {
        let inner = read_meta_fields(event);
        meta.year = meta.year.or(inner.year);
        meta.quarter = meta.quarter.or(inner.quarter);
        meta.date = meta.date.or(inner.date);
    }
    meta
}

fn read_meta_fields(root: &Value) -> Meta {
    let text = |keys: &[&str]| str_of(root, keys).unwrap_or("").to_string();
    let number = |key: &str| root.get(key).and_then(Value::as_i64);
    let mut meta = Meta {
        title: text(&["call_title", "title"]),
        company: text(&["company_name", "company"]),
        ticker: text(&["ticker", "symbol"]).to_uppercase(),
        year: str_of(root, &["fiscal_period_year", "fiscal_year", "year"])
            .and_then(|y| y.parse().ok())
            .or_else(|| number("year").and_then(|y| i32::try_from(y).ok())),
        // FMP's newer schema says `"period": "Q1"`.
        quarter: str_of(root, &["fiscal_period_qtr", "fiscal_quarter", "quarter", "period"])
            .and_then(|q| q.trim_start_matches(['Q', 'q']).parse().ok())
            .filter(|q| (1..=4).contains(q))
            .or_else(|| number("quarter").and_then(|q| u8::try_from(q).ok())),
        date: str_of(root, &["call_date", "conference_date", "date"])
            .map(|d| d.chars().take(10).collect::<String>())
            .filter(|d| crate::content::frontmatter::is_iso_date(d)),
        ..Meta::default()
    };
    // Alpha Vantage's `"quarter": "2024Q1"`.
    if meta.quarter.is_none()
        && let Some((y, q)) = str_of(root, &["quarter"]).and_then(|v| v.split_once(['Q', 'q']))
        && let (Ok(y), Ok(q)) = (y.trim().parse::<i32>(), q.trim().parse::<u8>())
        && (1..=4).contains(&q)
        && (1900..=2100).contains(&y)
    {
        meta.year = Some(y);
        meta.quarter = Some(q);
    }
    if meta.quarter.is_none() {
        // `"quarter": "Q3 2025"`, or a period only the title gives.
        let written = [
            str_of(root, &["quarter", "period", "fiscal_quarter"]).unwrap_or(""),
            &meta.title,
        ]
        .join(" ");
        common::read_period(&mut meta, &written);
    }
    meta
}

/// Diarisation labels and the map an API gives beside them (`spk01` → Tim Cook, CEO).
///
/// Such maps are made by machine and can be wrong where it hurts most: EarningsCall's
/// map of an Apple call gives the Operator's label to the IR director and the IR
/// director's name to the Operator. The words say who the operator is (the welcome, "our
/// next question comes from …"): when the label the map calls Operator says none of
/// them and another label says them again and again, the two labels' people are swapped.
struct SpeakerLabels<'a> {
    map: Option<&'a serde_json::Map<String, Value>>,
    /// (label the map calls Operator, label that speaks as the operator), when they differ.
    swapped: Option<(&'a str, &'a str)>,
}

/// Lines only a call's operator says.
fn speaks_as_operator(text: &str) -> bool {
    let lower = text.to_lowercase();
    // Introducing a questioner, not asking for the next question: IR says "can we have
    // the next question, please?" too.
    find_introduction(text).is_some()
        || lower.contains("operator instructions")
        || (lower.contains("welcome to") && lower.contains("conference call"))
        || lower.contains("question-and-answer session")
}

impl<'a> SpeakerLabels<'a> {
    fn new(root: &'a Value, statements: &'a [Value]) -> Self {
        let map = NAME_MAP_KEYS
            .iter()
            .find_map(|k| root.get(*k).and_then(Value::as_object));
        let mut labels = SpeakerLabels { map, swapped: None };
        labels.swapped = labels.operator_swap(statements);
        labels
    }

    fn operator_swap(&self, statements: &[Value]) -> Option<(&'a str, &'a str)> {
        let map = self.map?;
        let mapped_operator = map
            .iter()
            .find(|(_, e)| str_of(e, &["name"]).is_some_and(is_operator))
            .map(|(label, _)| label.as_str())?;
        let mut operator_lines: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        for s in statements {
            if let (Some(label), Some(text)) = (Self::label(s), said(s))
                && speaks_as_operator(&text)
            {
                *operator_lines.entry(label).or_default() += 1;
            }
        }
        let said_by_mapped = operator_lines.get(mapped_operator).copied().unwrap_or(0);
        let (speaker, &count) = operator_lines
            .iter()
            .max_by_key(|(label, n)| (**n, std::cmp::Reverse((*label).clone())))?;
        let speaker = map.get_key_value(speaker.as_str()).map(|(k, _)| k.as_str())?;
        (speaker != mapped_operator && count >= 2 && said_by_mapped * 3 <= count).then_some((mapped_operator, speaker))
    }

    /// The statement's label as written (`spk12`, a name, or a number).
    fn label(statement: &Value) -> Option<String> {
        LABEL_KEYS.iter().find_map(|k| match statement.get(*k)? {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    }

    /// True when every label is a diarisation id (`A`, `SPEAKER_00`, `0`).
    fn all_anonymous(&self, statements: &[Value]) -> bool {
        let mut labels = statements.iter().filter_map(Self::label).peekable();
        labels.peek().is_some() && labels.all(|l| voices::is_anonymous(&l))
    }

    /// The person a label stands for: the map's name, else the label itself.
    fn name(&self, statement: &Value) -> Option<String> {
        let label = Self::label(statement)?;
        let mapped = self.entry(&label).and_then(|e| str_of(e, &["name"]));
        Some(mapped.map_or(label, str::to_string))
    }

    /// The title the map gives the label's person.
    fn title(&self, statement: &Value) -> Option<&'a str> {
        self.entry(&Self::label(statement)?).and_then(|e| str_of(e, &["title"]))
    }

    /// The map's entry for `label`, after the operator swap.
    fn entry(&self, label: &str) -> Option<&'a Value> {
        let label = match self.swapped {
            Some((mapped, speaking)) if label == mapped => speaking,
            Some((mapped, speaking)) if label == speaking => mapped,
            _ => label,
        };
        self.map?.get(label)
    }
}

fn roster(root: &Value) -> Roster {
    let mut roster = Roster::default();
    let Some(p) = root.get("participants") else {
        return roster;
    };
    let groups: Vec<(Role, &Value)> = match p {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| {
                (
                    if k.to_lowercase().contains("analyst") {
                        Role::Analyst
                    } else {
                        Role::Executive
                    },
                    v,
                )
            })
            .collect(),
        Value::Array(_) => vec![(Role::Unknown, p)],
        _ => Vec::new(),
    };
    for (role, list) in groups {
        for person in list.as_array().map_or(&[][..], Vec::as_slice) {
            let Some(name) = str_of(person, &["speaker", "name"]) else {
                continue;
            };
            let title = str_of(person, &["role", "title"]).map(str::to_string);
            let role = role_of(title.as_deref()).unwrap_or(role);
            let affiliation = str_of(person, &["affiliation", "company", "firm"])
                .filter(|a| !a.eq_ignore_ascii_case("analyst"))
                .map(str::to_string);
            roster.add(Participant {
                name: name.to_string(),
                title,
                affiliation,
                role,
            });
        }
    }
    roster
}

/// Some scrapers glue the next speaker's header onto a statement
/// (`…Shawn?Shawn O'Connor -- Chief Executive Officer`): cut it off.
fn strip_next_header<'a>(text: &'a str, next: Option<&str>) -> &'a str {
    let Some(next) = next else { return text };
    match text.rfind(next) {
        Some(i) if text[i + next.len()..].trim_start().starts_with("--") && i > 0 => text[..i].trim_end(),
        _ => text,
    }
}

/// Paragraphs concatenated without a space (`…quarter.Thank you`) are split where a
/// sentence end runs straight into a capital letter.
fn split_glued_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut start = 0;
    for w in chars.windows(3) {
        let [(_, before), (i, stop), (j, next)] = [w[0], w[1], w[2]];
        if matches!(stop, '.' | '?' | '!')
            && (before.is_lowercase() || before.is_ascii_digit() || before == ')')
            && next.is_uppercase()
        {
            out.push(text[start..i + stop.len_utf8()].trim().to_string());
            start = j;
        }
    }
    out.push(text[start..].trim().to_string());
    out.retain(|p| !p.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_become_turns_with_roles_and_sections() {
        let text = r#"{"ticker": "ROWN", "company_name": "Rowan Pumps", "fiscal_period_year": "2024", "fiscal_period_qtr": "Q2", "call_date": "2024-08-01",
          "participants": {"management": [{"speaker": "Ava Roe", "role": "Chief Executive Officer"}], "analysts": [{"speaker": "Bo Lin", "role": "Analyst", "affiliation": "Kestrel"}]},
          "call_transcript": [
            {"statement_num": 1, "section": "pres", "speaker": "Ava Roe", "role": "Chief Executive Officer", "text": "Welcome.Revenue was $5 million.Bo Lin -- Analyst"},
            {"statement_num": 2, "section": "qa", "speaker": "Bo Lin", "role": "Analyst", "affiliation": "Kestrel", "text": "Why?"}]}"#;
        let Parsed::Call(call) = parse(text).unwrap() else {
            panic!("read as a text container")
        };
        assert_eq!(
            (call.meta.ticker.as_str(), call.meta.year, call.meta.quarter),
            ("ROWN", Some(2024), Some(2))
        );
        assert_eq!(call.turns.len(), 2);
        let texts: Vec<&str> = call.turns[0].paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Welcome.", "Revenue was $5 million."]);
        assert_eq!(call.qa_start(), Some(1));
        let bo = call.speaker("bo-lin").unwrap();
        assert_eq!((bo.role, bo.affiliation.as_deref()), (Role::Analyst, Some("Kestrel")));
    }

    #[test]
    fn a_record_holding_a_transcript_is_a_text_container_with_its_metadata() {
        let text = r#"[{"symbol": "ROWN", "period": "Q2", "year": "2024", "date": "2024-08-01 17:00:00",
            "content": "Operator: Welcome.\nAva Roe: Revenue was $5 million."}]"#;
        let Parsed::Text { text, meta } = parse(text).unwrap() else {
            panic!("read as statements")
        };
        assert!(text.starts_with("Operator: Welcome.\nAva Roe"));
        assert_eq!(
            (meta.ticker.as_str(), meta.year, meta.quarter, meta.date.as_deref()),
            ("ROWN", Some(2024), Some(2), Some("2024-08-01"))
        );
    }

    #[test]
    fn a_name_map_names_labels_and_a_swapped_operator_is_undone() {
        let text = r#"{"event": {"year": 2023, "quarter": 1, "conference_date": "2023-02-02T17:00:00"},
          "speakers": [
            {"speaker": "spk2", "text": "Good day, and welcome to the Rowan Pumps conference call."},
            {"speaker": "spk1", "text": "Thank you. Speaking first is our CEO."},
            {"speaker": "spk3", "text": "Revenue was $5 million."},
            {"speaker": "spk2", "text": "Our first question comes from Bo Lin with Kestrel."},
            {"speaker": "spk4", "text": "Why?"},
            {"speaker": "spk1", "text": "Can we have the next question, please?"},
            {"speaker": "spk2", "text": "Our next question comes from Cy Park with Harbor."}],
          "speaker_name_map_v2": {"spk1": {"name": "Operator", "title": null},
            "spk2": {"name": "Dee Fox", "title": "Director of Investor Relations"},
            "spk3": {"name": "Ava Roe", "title": "CEO"}, "spk4": {"name": "Bo Lin", "title": "Kestrel Analyst"}}}"#;
        let Parsed::Call(call) = parse(text).unwrap() else {
            panic!("read as a text container")
        };
        let names = call.turn_speaker_names();
        assert_eq!(
            names,
            [
                "Operator", "Dee Fox", "Ava Roe", "Operator", "Bo Lin", "Dee Fox", "Operator"
            ]
        );
        assert_eq!((call.meta.year, call.meta.quarter), (Some(2023), Some(1)));
    }

    #[test]
    fn alpha_vantage_transcripts_with_titles_and_a_year_quarter() {
        let text = r#"{"symbol": "ROWN", "quarter": "2024Q2", "transcript": [
            {"speaker": "Ava Roe", "title": "CEO", "content": "Revenue was $5 million.", "sentiment": "0.6"},
            {"speaker": "Bo Lin", "title": "Kestrel Analyst", "content": "Why?", "sentiment": "0.1"}]}"#;
        let Parsed::Call(call) = parse(text).unwrap() else {
            panic!("read as a text container")
        };
        assert_eq!(
            (call.meta.ticker.as_str(), call.meta.year, call.meta.quarter),
            ("ROWN", Some(2024), Some(2))
        );
        let ava = call.speaker(&call.turns[0].speaker).unwrap();
        assert_eq!(ava.title.as_deref(), Some("CEO"));
        assert_eq!(call.speaker(&call.turns[1].speaker).unwrap().role, Role::Analyst);
    }

    #[test]
    fn invalid_json_reports_line_and_column() {
        let (line, column, _) = parse("{\n  \"a\": [1,\n}").unwrap_err();
        assert_eq!((line, column), (3, 1));
    }
}
