//! Transcripts shipped as YAML: the same shapes as JSON (a list of turns with speakers,
//! metadata beside it, or a field holding the whole text), read by the JSON reader from
//! the values YAML gives. A turn's line in the model is its position in the list.

use crate::content::frontmatter::yaml_document;
use crate::transcript::layouts::json;

/// The layout's name.
pub const NAME: &str = "yaml";

/// How strongly `text` looks like a YAML transcript: `key: value` lines and a list of
/// mappings that name speakers and say something.
pub fn score(text: &str) -> f32 {
    let mut lines = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let first = lines.next().unwrap_or("");
    let mapping_start = first == "---" || first.split_once(':').is_some_and(|(k, _)| is_key(k));
    if !mapping_start {
        return 0.0;
    }
    let items = text
        .lines()
        .filter(|l| {
            let t = l.trim_start().trim_start_matches("- ");
            ["speaker:", "text:", "name:"].iter().any(|k| t.starts_with(k))
        })
        .count();
    if items >= 2 { 0.96 } else { 0.0 }
}

/// A YAML key: a bare word of letters, digits and `_`/`-`.
fn is_key(key: &str) -> bool {
    !key.is_empty() && !key.contains(' ') && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// Parses the layout; an error is `(line, message)`.
pub fn parse(text: &str) -> Result<json::Parsed, (usize, String)> {
    let value = yaml_document(text)?;
    json::read_value(&value).map_err(|message| (1, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_yaml_list_of_turns_with_metadata() {
        let text = "company: Rowan Pumps\nticker: rown\nquarter: Q2\nyear: 2024\nturns:\n  - speaker: Operator\n    text: Welcome.\n  - speaker: Ava Roe\n    title: Chief Executive Officer\n    text: |\n      Revenue was $5 million.\n\n      Margins held.\n";
        assert!(score(text) > 0.9);
        let json::Parsed::Call(call) = parse(text).unwrap() else {
            panic!("read as a text container")
        };
        assert_eq!(
            (call.meta.ticker.as_str(), call.meta.year, call.meta.quarter),
            ("ROWN", Some(2024), Some(2))
        );
        let ava = &call.turns[1];
        assert_eq!(ava.line, 2);
        assert_eq!(
            call.speaker(&ava.speaker).unwrap().title.as_deref(),
            Some("Chief Executive Officer")
        );
        let said: Vec<&str> = ava.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(said, ["Revenue was $5 million.", "Margins held."]);
    }

    #[test]
    fn invalid_yaml_names_its_line() {
        let (line, _) = parse("turns:\n  - speaker: A\n   text: [\n").unwrap_err();
        assert!(line >= 2, "{line}");
    }

    #[test]
    fn prose_is_not_yaml() {
        assert_eq!(score("Operator: Welcome to the call.\n\nAva Roe: Thanks.\n"), 0.0);
    }
}
