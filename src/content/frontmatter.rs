//! Splits YAML front matter off a content file and reads it (and reads whole YAML
//! transcripts); the only user of serde_yaml.
//!
//! serde_yaml is deprecated upstream (see README); keeping it behind this one module
//! means swapping it for a fork touches nothing else.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::config::Languages;
use crate::diagnostic::{Warning, WarningKind};
use crate::error::{Error, Result};

/// Metadata a content file may give in front matter; every field is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// Page or call title.
    pub title: Option<String>,
    /// Company name.
    pub company: Option<String>,
    /// Ticker symbol.
    pub ticker: Option<String>,
    /// Fiscal year.
    pub year: Option<i32>,
    /// Fiscal quarter, 1 to 4.
    pub quarter: Option<u8>,
    /// Call date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Languages of the transcript.
    pub languages: Option<Languages>,
    /// URL path for the page, relative to the site root.
    pub slug: Option<String>,
    /// Left out of builds unless `--drafts` is given.
    pub draft: bool,
    /// A summary in Markdown.
    pub summary: Option<String>,
    /// Forces a transcript layout by name.
    pub layout: Option<String>,
    /// The line of each key in the file, for messages about its value.
    pub key_lines: Vec<(String, usize)>,
}

impl FrontMatter {
    /// The 1-based file line where `key` was given (0 when it was not).
    pub fn line_of(&self, key: &str) -> usize {
        self.key_lines.iter().find(|(k, _)| k == key).map_or(0, |(_, l)| *l)
    }
}

const KNOWN_KEYS: &[&str] = &[
    "title",
    "company",
    "ticker",
    "year",
    "quarter",
    "date",
    "languages",
    "slug",
    "draft",
    "summary",
    "layout",
    "encoding",
];

/// Where the front matter and the body lie in a file's text.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// 1-based file line of the YAML's first line.
    pub yaml_first_line: usize,
    /// Byte offset where the body starts.
    pub body_start: usize,
    /// Number of file lines before the body.
    pub body_line_offset: usize,
}

/// Finds front matter: a first line `---`, YAML, and a closing `---` (or `...`) line.
/// Returns `None` when the file does not start with `---` or the fence is never closed
/// (then the whole file is body, and no text is lost).
pub fn split(text: &str) -> Option<Split<'_>> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let yaml_start = first_end + 1;
    let mut offset = yaml_start;
    for (line, raw) in (2..).zip(text[yaml_start..].split_inclusive('\n')) {
        let trimmed = raw.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some(Split {
                yaml: &text[yaml_start..offset],
                yaml_first_line: 2,
                body_start: offset + raw.len(),
                body_line_offset: line,
            });
        }
        offset += raw.len();
    }
    None
}

/// Parses the YAML of a front matter block. `first_line` is the file line of the YAML's
/// first line, so errors and warnings point into the file, not into the block.
pub fn parse(yaml: &str, first_line: usize, path: &Path) -> Result<(FrontMatter, Vec<Warning>)> {
    let mut front = FrontMatter::default();
    let mut warnings = Vec::new();
    if yaml.trim().is_empty() {
        return Ok((front, warnings));
    }
    if let Some(deep) = super::limits::yaml_too_deep(yaml) {
        return Err(Error::Content {
            path: path.to_path_buf(),
            line: deep.line + first_line - 1,
            column: 0,
            message: format!(
                "front matter: nested deeper than {} levels of [ ] or {{ }}; refused before parsing",
                deep.limit
            ),
        });
    }
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((first_line, 0), |l| (l.line() + first_line - 1, l.column()));
        Error::Content {
            path: path.to_path_buf(),
            line,
            column,
            message: format!("front matter: {}", yaml_message(&e)),
        }
    })?;
    let mapping = match value {
        serde_yaml::Value::Mapping(m) => m,
        serde_yaml::Value::Null => return Ok((front, warnings)),
        _ => {
            return Err(Error::content(
                path,
                first_line,
                "front matter must be a mapping of `key: value` lines",
            ));
        }
    };
    for (key, value) in mapping {
        let Some(key) = key.as_str().map(str::to_string) else {
            return Err(Error::content(path, first_line, "front matter keys must be strings"));
        };
        let line = key_line(yaml, &key).map_or(first_line, |l| l + first_line - 1);
        front.key_lines.push((key.clone(), line));
        match key.as_str() {
            "title" => front.title = Some(field_value(value, &key, line, path)?),
            "company" => front.company = Some(field_value(value, &key, line, path)?),
            "ticker" => front.ticker = Some(field_value(value, &key, line, path)?),
            "year" => front.year = Some(field_value(value, &key, line, path)?),
            "quarter" => front.quarter = Some(quarter(value, line, path)?),
            "date" => front.date = Some(date(field_value(value, &key, line, path)?, line, path)?),
            "languages" => front.languages = Some(field_value(value, &key, line, path)?),
            "slug" => front.slug = Some(field_value(value, &key, line, path)?),
            "draft" => front.draft = field_value(value, &key, line, path)?,
            "summary" => front.summary = Some(field_value(value, &key, line, path)?),
            "layout" => front.layout = Some(field_value(value, &key, line, path)?),
            // Used while decoding (content::decode); here only checked, for UTF-8 files.
            "encoding" => check_encoding(field_value(value, &key, line, path)?, line, path)?,
            _ => warnings.push(unknown_key_warning(&key, line)),
        }
    }
    Ok((front, warnings))
}

fn check_encoding(label: String, line: usize, path: &Path) -> Result<()> {
    match encoding_rs::Encoding::for_label(label.trim().as_bytes()) {
        Some(_) => Ok(()),
        None => Err(Error::content(
            path,
            line,
            super::decode::unknown_encoding_message(&label),
        )),
    }
}

fn field_value<T: DeserializeOwned>(value: serde_yaml::Value, key: &str, line: usize, path: &Path) -> Result<T> {
    serde_yaml::from_value(value)
        .map_err(|e| Error::content(path, line, format!("front matter `{key}`: {}", yaml_message(&e))))
}

/// Reads a whole YAML document (a transcript shipped as YAML) into JSON's values, so the
/// JSON reader reads both; an error is `(line, message)`.
pub fn yaml_document(yaml: &str) -> std::result::Result<serde_json::Value, (usize, String)> {
    if let Some(deep) = super::limits::yaml_too_deep(yaml) {
        return Err((
            deep.line,
            format!("nested deeper than {} levels; refused before parsing", deep.limit),
        ));
    }
    serde_yaml::from_str(yaml).map_err(|e| (e.location().map_or(1, |l| l.line()), yaml_message(&e)))
}

/// serde_yaml appends " at line L column C" to messages; we print our own file position.
fn yaml_message(e: &serde_yaml::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

fn quarter(value: serde_yaml::Value, line: usize, path: &Path) -> Result<u8> {
    let parsed = match &value {
        serde_yaml::Value::Number(n) => n.as_u64().and_then(|n| u8::try_from(n).ok()),
        serde_yaml::Value::String(s) => {
            let s = s.trim();
            let digits = s.strip_prefix('Q').or_else(|| s.strip_prefix('q')).unwrap_or(s);
            digits.parse().ok()
        }
        _ => None,
    };
    match parsed {
        Some(q @ 1..=4) => Ok(q),
        _ => Err(Error::content(
            path,
            line,
            "front matter `quarter` must be 1, 2, 3 or 4 (or Q1 to Q4)",
        )),
    }
}

fn date(text: String, line: usize, path: &Path) -> Result<String> {
    if is_iso_date(&text) {
        Ok(text)
    } else {
        Err(Error::content(
            path,
            line,
            format!("front matter `date`: `{text}` is not a date in the form YYYY-MM-DD"),
        ))
    }
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// The months' names, lower case, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The number (1-12) of a month's name, in any case.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTHS.iter().position(|m| *m == lower).map(|i| i as u32 + 1)
}

/// Days in month `m` (1-12) of year `y`.
pub fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn unknown_key_warning(key: &str, line: usize) -> Warning {
    let suggestion = KNOWN_KEYS
        .iter()
        .map(|k| (strsim::levenshtein(k, key), k))
        .filter(|(d, _)| *d <= 2)
        .min();
    let message = match suggestion {
        Some((_, k)) => format!("unknown front matter key `{key}` (did you mean `{k}`?)"),
        None => format!(
            "unknown front matter key `{key}` (known keys: {})",
            KNOWN_KEYS.join(", ")
        ),
    };
    Warning::new(line, WarningKind::UnknownKey, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(yaml: &str) -> Result<(FrontMatter, Vec<Warning>)> {
        parse(yaml, 2, Path::new("c.txt"))
    }

    #[test]
    fn split_finds_fences_and_offsets() {
        let s = split("---\na: 1\n---\nbody").unwrap();
        assert_eq!(s.yaml, "a: 1\n");
        assert_eq!(s.body_line_offset, 3);
        assert_eq!(s.body_start, "---\na: 1\n---\n".len());
    }

    #[test]
    fn unclosed_or_absent_front_matter_is_body() {
        assert_eq!(split("---\na: 1\nno end"), None);
        assert_eq!(split("title\n---\n"), None);
        assert_eq!(split(""), None);
    }

    #[test]
    fn reads_every_known_key() {
        let (f, w) = parse_str(
            "title: T\ncompany: C\nticker: TK\nyear: 2025\nquarter: Q3\ndate: 2025-10-30\nslug: a/b\ndraft: true\nsummary: S\nlayout: bilingual\nlanguages: {original: en, translation: ja}\n",
        )
        .unwrap();
        assert!(w.is_empty());
        assert_eq!(f.quarter, Some(3));
        assert_eq!(f.year, Some(2025));
        assert_eq!(f.date.as_deref(), Some("2025-10-30"));
        assert!(f.draft);
        assert_eq!(f.languages.as_ref().unwrap().translation, "ja");
        assert_eq!(f.line_of("year"), 5);
    }

    #[test]
    fn yaml_syntax_error_points_into_the_file() {
        let err = parse_str("title: T\nticker: [unclosed\n").unwrap_err().to_string();
        assert!(err.starts_with("c.txt:"), "{err}");
        let line: usize = err.split(':').nth(1).unwrap().parse().unwrap();
        assert!(line >= 3, "line {line} should be a file line, not a block line: {err}");
    }

    #[test]
    fn bad_date_names_key_and_line() {
        let err = parse_str("title: T\ndate: yesterday\n").unwrap_err().to_string();
        assert!(err.starts_with("c.txt:3:"), "{err}");
        assert!(err.contains("yesterday"), "{err}");
        assert!(parse_str("date: 2023-02-29\n").is_err());
        assert!(parse_str("date: 2024-02-29\n").is_ok());
    }

    #[test]
    fn wrong_type_is_an_error() {
        let err = parse_str("year: twenty\n").unwrap_err().to_string();
        assert!(err.starts_with("c.txt:2:") && err.contains("year"), "{err}");
    }

    #[test]
    fn unknown_key_suggests_a_near_one() {
        let (_, w) = parse_str("titel: T\nfoo: 1\n").unwrap();
        assert_eq!(w.len(), 2);
        assert!(w[0].message.contains("did you mean `title`"), "{}", w[0].message);
        assert_eq!(w[0].line, 2);
        assert_eq!(w[1].line, 3);
    }
}
