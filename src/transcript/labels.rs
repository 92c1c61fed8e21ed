//! Speaker labels as files write them at the start of a line, in any of the usual
//! conventions (`Jane Park:`, `JANE PARK, CHIEF EXECUTIVE OFFICER, NORTHWIND:`,
//! `**Jane Park**`, `Speaker 1 (00:01):`, `Jane Park (CEO)`, `Jane Park - CEO`,
//! `[00:01:02] Jane Park:`), read into one name, title and firm.

use std::sync::LazyLock;

use regex::Regex;

use crate::transcript::speakers::{is_label, is_operator, looks_like_name, split_header};
use crate::transcript::voices;

/// A speaker label, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The person (or `Operator`, or `Speaker 1`), in the file's spelling; names written
    /// in capitals are given their usual case so they merge with the same name elsewhere.
    pub name: String,
    /// The title, when the label gives one.
    pub title: Option<String>,
    /// The firm, when the label gives one (`NAME, TITLE, FIRM`).
    pub affiliation: Option<String>,
    /// How the label is written: the reader learns a file's convention from these.
    pub form: Form,
}

/// How a label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// A name as people write it (`Jane Park`, `Jane Park - CEO`).
    Name,
    /// A name in capitals (`JANE PARK`, `JANE PARK, CEO, NORTHWIND`).
    Capitals,
    /// A diarisation id (`Speaker 1`, `SPEAKER_00`).
    Numbered,
    /// The operator, or a label for someone unnamed (`Analyst`, `Unidentified Speaker`):
    /// written the same way in every convention.
    Operator,
}

static LEADING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?\s*(?:[-–—|]\s*)?").expect("static regex")
});
static TRAILING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:[-–—|]\s*)?[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?$").expect("static regex")
});
static PAREN_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<name>[^()]+?)\s*\((?P<title>[^()]{2,80})\)$").expect("static regex"));

/// Words kept in capitals when a label in capitals is given its usual case.
const ACRONYMS: &[&str] = &[
    "CEO", "CFO", "COO", "CTO", "CIO", "CAO", "EVP", "SVP", "VP", "IR", "LLC", "LP", "PLC", "AG", "SA", "NV", "USA",
    "US", "UK", "II", "III", "IV", "JR", "SR", "AI", "ESG", "HR", "IT", "M&A",
];

/// Reads `raw` (the text before a colon, or a whole short line) as a speaker label.
pub fn read_label(raw: &str) -> Option<Label> {
    let text = bare(raw);
    if text.is_empty() || text.chars().count() > 120 {
        return None;
    }
    if is_operator(&text) {
        return Some(Label {
            name: "Operator".to_string(),
            title: None,
            affiliation: None,
            form: Form::Operator,
        });
    }
    // `Analyst:`, `Unidentified Participant:`: someone unnamed, in every convention.
    if is_label(&text) {
        return Some(Label {
            name: usual_case(&text),
            title: None,
            affiliation: None,
            form: Form::Operator,
        });
    }
    if is_numbered(&text) {
        return Some(Label {
            name: text.clone(),
            title: None,
            affiliation: None,
            form: Form::Numbered,
        });
    }
    let capitals = is_capitals(&text);
    let form = if capitals { Form::Capitals } else { Form::Name };
    let text = if capitals { usual_case(&text) } else { text };
    let (name, title, affiliation) = parts(&text)?;
    let words = name.split_whitespace().count();
    // One word is a name only with a title beside it (`Jassy - CEO`): alone it is as
    // likely `Revenue` or `Note`.
    (looks_like_name(&name) && (words >= 2 || title.is_some()) && words <= 5).then_some(Label {
        name,
        title,
        affiliation,
        form,
    })
}

/// The label without emphasis, list marks, time stamps and a closing colon.
fn bare(raw: &str) -> String {
    let t = raw
        .trim()
        .trim_start_matches(['>', '-', '#', '•', '*', '_', ' '])
        .trim_end_matches(['*', '_', ' ', ':', '：']);
    let t = LEADING_TIME.replace(t, "");
    let t = TRAILING_TIME.replace(&t, "");
    let t = t.trim().trim_end_matches([':', '：']).trim();
    t.trim_matches(['*', '_']).trim().to_string()
}

/// Name, title and firm of `Name`, `Name - Title`, `Name (Title)` or `Name, Title, Firm`.
fn parts(text: &str) -> Option<(String, Option<String>, Option<String>)> {
    if let Some(c) = PAREN_TITLE.captures(text) {
        // `Pure Cycle Corp (NASDAQ:PCYO)` is a company and its ticker, not a person's title.
        if c["title"].contains(':') {
            return None;
        }
        return Some((c["name"].trim().to_string(), Some(c["title"].trim().to_string()), None));
    }
    let (name, title) = split_header(text);
    if let Some(title) = title {
        return Some((name.to_string(), Some(title.to_string()), None));
    }
    // `Dominick D'Angelo;O'Keefe Stevens Advisory, Inc.;Analyst`: name, firm, title.
    if let [name, firm, title] = text.split(';').map(str::trim).collect::<Vec<_>>().as_slice() {
        return Some((name.to_string(), Some(title.to_string()), Some(firm.to_string())));
    }
    let pieces: Vec<&str> = text.split(',').map(str::trim).collect();
    match pieces.as_slice() {
        [name] => Some((name.to_string(), None, None)),
        // `Jane Park, Jr.` is a name; `Jane Park, CEO` a name and a title.
        [name, suffix] if matches!(*suffix, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III") => {
            Some((format!("{name}, {suffix}"), None, None))
        }
        [name, title] => short_part(title).then(|| (name.to_string(), Some(title.to_string()), None)),
        [name, middle @ .., firm] => (middle.iter().all(|p| short_part(p)) && short_part(firm))
            .then(|| (name.to_string(), Some(middle.join(", ")), Some(firm.to_string()))),
        [] => None,
    }
}

/// A title or firm in a label: short, no sentence in it.
fn short_part(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= 60
        && !text.ends_with(['.', '?', '!'])
        && text.split_whitespace().count() <= 8
        && text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()))
}

/// A `Company - Title` line this long may have been cut by the line width of the PDF the
/// text came from: a short line after it may hold the rest of the title.
pub const TITLE_WRAP_WIDTH: usize = 60;

/// The rest of a title cut by a PDF's line width (`Research Analyst`): a few capitalised
/// words, no sentence.
pub fn is_title_rest(text: &str) -> bool {
    text.chars().count() <= 40
        && text.split_whitespace().count() <= 5
        && !text.ends_with(['.', '?', '!', ':', ','])
        && text.split_whitespace().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || matches!(w, "of" | "and" | "for")
        })
}

/// `Speaker 1`, `SPEAKER_00`, `spk 2`: a diarisation id written with a word before it (a
/// bare `A` or `2` at a line start is no label in running text).
fn is_numbered(text: &str) -> bool {
    let word = text.chars().take_while(char::is_ascii_alphabetic).count();
    voices::is_anonymous(text) && word >= 2 && word < text.len()
}

/// True when `text` has letters and none in lower case.
fn is_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3 && !text.chars().any(char::is_lowercase)
}

/// `JANE O'NEIL-PARK, CFO` → `Jane O'Neil-Park, CFO`.
pub fn usual_case(text: &str) -> String {
    text.split(' ')
        .enumerate()
        .map(|(i, word)| {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
            if ACRONYMS.contains(&bare) {
                return word.to_string();
            }
            if i > 0 && matches!(bare, "AND" | "OF" | "THE" | "FOR" | "AT" | "ON") {
                return word.to_lowercase();
            }
            let mut out = String::with_capacity(word.len());
            let mut start = true;
            for c in word.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = matches!(c, '\'' | '-' | '.' | '(' | '/') || !c.is_alphanumeric() && start;
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> Option<(String, Option<String>, Option<String>, Form)> {
        read_label(raw).map(|l| (l.name, l.title, l.affiliation, l.form))
    }

    #[test]
    fn labels_in_every_usual_convention() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(read("Jane Park"), Some(("Jane Park".into(), None, None, Form::Name)));
        assert_eq!(
            read("JANE PARK, CHIEF EXECUTIVE OFFICER, NORTHWIND TRADERS:"),
            Some((
                "Jane Park".into(),
                s("Chief Executive Officer"),
                s("Northwind Traders"),
                Form::Capitals
            ))
        );
        assert_eq!(
            read("TOM REYES, CFO"),
            Some(("Tom Reyes".into(), s("CFO"), None, Form::Capitals))
        );
        assert_eq!(
            read("**Jane Park**"),
            Some(("Jane Park".into(), None, None, Form::Name))
        );
        assert_eq!(
            read("**Jane Park:**"),
            Some(("Jane Park".into(), None, None, Form::Name))
        );
        assert_eq!(
            read("Speaker 1 (00:01):"),
            Some(("Speaker 1".into(), None, None, Form::Numbered))
        );
        assert_eq!(
            read("[00:01:02] Jane Park"),
            Some(("Jane Park".into(), None, None, Form::Name))
        );
        assert_eq!(
            read("Jane Park (CEO)"),
            Some(("Jane Park".into(), s("CEO"), None, Form::Name))
        );
        assert_eq!(read("Jassy - CEO"), Some(("Jassy".into(), s("CEO"), None, Form::Name)));
        assert_eq!(read("OPERATOR"), Some(("Operator".into(), None, None, Form::Operator)));
        assert_eq!(
            read("Jane Park, Jr."),
            Some(("Jane Park, Jr.".into(), None, None, Form::Name))
        );
    }

    #[test]
    fn diarisation_ids_are_labels_only_with_a_word_before_them() {
        assert!(is_numbered("SPEAKER_00") && is_numbered("Speaker A") && is_numbered("spk 2"));
        assert!(!is_numbered("SA") && !is_numbered("A") && !is_numbered("2"));
    }

    #[test]
    fn sentences_and_single_words_are_no_labels() {
        for raw in [
            "Revenue",
            "Note",
            "Thank you, operator",
            "We grew revenue 8% in the quarter",
            "Net income was up, and margins held",
            "Q",
        ] {
            assert_eq!(read(raw), None, "{raw}");
        }
    }

    #[test]
    fn capitals_get_their_usual_case() {
        assert_eq!(usual_case("JANE O'NEIL-PARK, CFO"), "Jane O'Neil-Park, CFO");
        assert_eq!(
            usual_case("EVP AND CHIEF FINANCIAL OFFICER"),
            "EVP and Chief Financial Officer"
        );
    }
}
