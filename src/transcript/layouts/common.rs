//! Pieces several layouts share: paragraph blocks, title lines, dates and periods.

use std::sync::LazyLock;

use regex::Regex;

use crate::transcript::Lines;
use crate::transcript::model::{Meta, Note};

/// A run of non-blank lines: its first line and its text joined with spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// 1-based file line of the first line.
    pub line: usize,
    /// The lines joined by single spaces, trimmed.
    pub text: String,
}

/// Paragraphs separated by blank lines.
pub fn blocks(lines: &Lines<'_>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    for (line, raw) in lines.iter() {
        let t = raw.trim();
        if t.is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(b) if open => {
                b.text.push(' ');
                b.text.push_str(t);
            }
            _ => out.push(Block {
                line,
                text: t.to_string(),
            }),
        }
        open = true;
    }
    out
}

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<company>[^()]+?)\s*\((?:(?P<exch>[A-Z]+):)?(?P<ticker>[A-Z0-9.\-]{1,12})\)(?:\s+(?:(?:fiscal\s+)?(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)\s+(?P<y>\d{4})))?",
    )
    .expect("static regex")
});

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|(?P<ord>first|second|third|fourth)\s+quarter)(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?)?\s*(?:FY\s?)?(?P<y>20\d{2})(?-u:\b)")
        .expect("static regex")
});

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})(?-u:\b)")
        .expect("static regex")
});

/// Reads `Company (EXCH:TICK) Q3 2020 …` into the meta; true when it matched.
pub fn read_title_line(meta: &mut Meta, line: &str) -> bool {
    let Some(c) = TITLE.captures(line) else { return false };
    meta.title = line.trim().to_string();
    meta.company = c["company"].trim().to_string();
    meta.ticker = c["ticker"].to_string();
    if let (Some(q), Some(y)) = (c.name("q").or(c.name("q2")), c.name("y")) {
        meta.quarter = q.as_str().parse().ok();
        meta.year = y.as_str().parse().ok();
    }
    if meta.date.is_none() {
        meta.date = date_in(line);
    }
    true
}

/// Reads `Q3 2020` (or `3Q 2020`) from text into the meta when it has no period yet.
pub fn read_period(meta: &mut Meta, text: &str) -> bool {
    let Some(c) = PERIOD.captures(text) else { return false };
    if meta.quarter.is_none() {
        let ordinal = c.name("ord").map(|o| match o.as_str().to_lowercase().as_str() {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            _ => 4,
        });
        meta.quarter = c
            .name("q")
            .or(c.name("q2"))
            .and_then(|q| q.as_str().parse().ok())
            .or(ordinal);
        meta.year = c["y"].parse().ok();
    }
    true
}

static YEAR_QUARTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:FY\s?)?20\d{2}\s*-?\s*Q[1-4](?-u:\b)").expect("static regex"));

/// Where the first period (`Q3 2020`, `third quarter 2022`, `2025 Q1`) starts in `text`.
pub fn period_start(text: &str) -> Option<usize> {
    [&PERIOD, &YEAR_QUARTER]
        .iter()
        .filter_map(|r| r.find(text))
        .map(|m| m.start())
        .min()
}

/// The first date written like `Jul 7, 2020` or `April 26, 2018`, as `YYYY-MM-DD`.
pub fn date_in(text: &str) -> Option<String> {
    let c = DATE.captures(text)?;
    let month = match c["m"].to_lowercase().as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };
    let date = format!("{}-{month:02}-{:02}", &c["y"], c["d"].parse::<u32>().ok()?);
    crate::content::frontmatter::is_iso_date(&date).then_some(date)
}

static SPEAKER_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<name>[^:：]{1,60}?)\s*[:：]\s*(?P<rest>.*)$").expect("static regex"));

/// `Name: text` (also `Name:text`): the speaker when `accept(name)` says it is one.
pub fn speaker_prefix(text: &str, accept: impl Fn(&str) -> bool) -> Option<(&str, &str)> {
    let c = SPEAKER_PREFIX.captures(text)?;
    let name = c.name("name")?.as_str().trim();
    accept(name).then(|| (name, c.name("rest").map_or("", |m| m.as_str()).trim()))
}

/// True for a Chinese, Japanese or Korean character (Han, Kana, Hangul).
pub fn is_cjk(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{3040}'..='\u{30ff}').contains(&c)
        || ('\u{ac00}'..='\u{d7af}').contains(&c)
        || ('\u{1100}'..='\u{11ff}').contains(&c)
}

/// True when more of `text`'s letters are Chinese, Japanese or Korean (Han, Kana,
/// Hangul) than Latin letters.
pub fn mostly_cjk(text: &str) -> bool {
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    let latin = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
    cjk > 0 && cjk * 2 >= latin
}

/// Adds a note of `kind` to the meta.
pub fn note(meta: &mut Meta, line: usize, kind: &str, text: &str) {
    meta.notes.push(Note {
        line,
        kind: kind.to_string(),
        text: text.trim().to_string(),
    });
}

/// Records a translation notice line; a second notice (some files repeat or extend it) is
/// added to the first, never put in its place.
pub fn add_translation_notice(meta: &mut Meta, text: &str) {
    match &mut meta.translation_notice {
        Some(notice) if notice.as_str() != text => {
            notice.push('\n');
            notice.push_str(text);
        }
        Some(_) => {}
        None => meta.translation_notice = Some(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_lines_give_company_ticker_and_period() {
        let mut m = Meta::default();
        assert!(read_title_line(
            &mut m,
            "Microsoft Corp. (NASDAQ:MSFT) Q3 2018 Earnings Call April 26, 2018  5:30 PM ET"
        ));
        assert_eq!(
            (m.company.as_str(), m.ticker.as_str(), m.year, m.quarter),
            ("Microsoft Corp.", "MSFT", Some(2018), Some(3))
        );
        assert_eq!(m.date.as_deref(), Some("2018-04-26"));
        let mut m = Meta::default();
        assert!(read_title_line(&mut m, "Pure Cycle Corp (NASDAQ:PCYO)"));
        assert!(read_period(&mut m, "Q3 2020 Earnings Call"));
        assert_eq!((m.year, m.quarter), (Some(2020), Some(3)));
        let mut m = Meta::default();
        assert!(read_period(
            &mut m,
            "Welcome to the Third Quarter 2022 Earnings Conference Call"
        ));
        assert_eq!((m.year, m.quarter), (Some(2022), Some(3)));
    }

    #[test]
    fn dates_in_several_spellings() {
        assert_eq!(date_in("Jul 7, 2020, 4:00 p.m. ET").as_deref(), Some("2020-07-07"));
        assert_eq!(
            date_in("Thursday, April 23, 2026 at 8 a.m. ET").as_deref(),
            Some("2026-04-23")
        );
        assert_eq!(date_in("Sept. 3 2024").as_deref(), Some("2024-09-03"));
        assert_eq!(date_in("no date"), None);
    }

    #[test]
    fn blocks_join_lines_and_keep_first_line_numbers() {
        let b = blocks(&Lines::new("a\nb\n\n\nc\n", 10));
        assert_eq!(
            b,
            [
                Block {
                    line: 11,
                    text: "a b".into()
                },
                Block {
                    line: 15,
                    text: "c".into()
                }
            ]
        );
    }
}
