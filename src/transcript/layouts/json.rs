//! JSON statement lists, as transcript scrapers and APIs export them: an array of
//! statements (speaker, role, affiliation, section, text) with metadata and participants
//! beside it. A statement's `line` in the model is its 1-based position in the array.

use serde_json::Value;

use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph, Role};
use crate::transcript::speakers::{Participant, Roster};

/// The layout's name.
pub const NAME: &str = "json";

const STATEMENT_KEYS: &[&str] = &[
    "call_transcript",
    "transcript",
    "statements",
    "turns",
    "content",
    "segments",
];

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
pub fn parse(text: &str) -> Result<Call, (usize, usize, String)> {
    let root: Value = serde_json::from_str(text).map_err(|e| (e.line(), e.column(), format!("invalid JSON: {e}")))?;
    let statements = match &root {
        Value::Array(a) => a.as_slice(),
        Value::Object(_) => STATEMENT_KEYS
            .iter()
            .find_map(|k| root.get(*k).and_then(Value::as_array))
            .map_or(&[][..], Vec::as_slice),
        _ => &[],
    };
    if statements.is_empty() {
        return Err((
            1,
            1,
            format!(
                "no statements found (looked for an array or one of: {})",
                STATEMENT_KEYS.join(", ")
            ),
        ));
    }
    let meta = read_meta(&root);
    let mut b = CallBuilder::with_roster(roster(&root));
    let names: Vec<Option<&str>> = statements
        .iter()
        .map(|s| str_of(s, &["speaker", "name", "speaker_name"]))
        .collect();
    for (i, s) in statements.iter().enumerate() {
        let line = s
            .get("statement_num")
            .and_then(Value::as_u64)
            .map_or(i + 1, |n| n as usize);
        let section = str_of(s, &["section"]).unwrap_or("").to_lowercase();
        if matches!(section.as_str(), "qa" | "q&a" | "questions" | "questions and answers") {
            b.mark_qa_here();
        }
        let name = names[i].unwrap_or("Unknown speaker");
        let title = str_of(s, &["role", "title"]);
        let affiliation = str_of(s, &["affiliation", "company", "firm"]).filter(|a| !a.eq_ignore_ascii_case("analyst"));
        let role = role_of(title).or_else(|| role_of(str_of(s, &["affiliation"])));
        b.start_turn_as(name, name, title, affiliation, role, line);
        let raw = str_of(s, &["text", "content", "statement", "body"]).unwrap_or("");
        let next = names.get(i + 1).copied().flatten();
        for para in split_glued_paragraphs(strip_next_header(raw, next)) {
            b.add_paragraph(Paragraph::new(para, line));
        }
    }
    Ok(b.finish(NAME, meta))
}

fn read_meta(root: &Value) -> Meta {
    let text = |keys: &[&str]| str_of(root, keys).unwrap_or("").to_string();
    let number = |key: &str| root.get(key).and_then(Value::as_i64);
    let mut meta = Meta {
        title: text(&["call_title", "title"]),
        company: text(&["company_name", "company"]),
        ticker: text(&["ticker", "symbol"]).to_uppercase(),
        year: str_of(root, &["fiscal_period_year", "fiscal_year", "year"])
            .and_then(|y| y.parse().ok())
            .or_else(|| number("year").and_then(|y| i32::try_from(y).ok())),
        quarter: str_of(root, &["fiscal_period_qtr", "fiscal_quarter", "quarter"])
            .and_then(|q| q.trim_start_matches(['Q', 'q']).parse().ok())
            .or_else(|| number("quarter").and_then(|q| u8::try_from(q).ok())),
        date: str_of(root, &["call_date", "date"])
            .map(|d| d.chars().take(10).collect::<String>())
            .filter(|d| crate::content::frontmatter::is_iso_date(d)),
        ..Meta::default()
    };
    if meta.quarter.is_none() {
        let title = meta.title.clone();
        common::read_period(&mut meta, &title);
    }
    meta
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
        let call = parse(text).unwrap();
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
    fn invalid_json_reports_line_and_column() {
        let (line, column, _) = parse("{\n  \"a\": [1,\n}").unwrap_err();
        assert_eq!((line, column), (3, 1));
    }
}
