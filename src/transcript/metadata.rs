//! The call's metadata from the places it hides when no title line gives it: an exchange
//! tag in the opening lines (`(NASDAQ:AMZN)`), the operator's welcome ("welcome to the
//! Apple Q1 Fiscal Year 2024 Earnings Conference Call"), and the file's name
//! (`AAN_q3_2021.txt`, `CT_LUV_2018_q4.txt`, `Q3 2022 Equinix Inc Earnings Call.txt`).
//! Each only fills what is still missing: a title line beats the welcome, and both
//! beat a file name.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta};

/// Fills the call's missing company, ticker and period from its text and file name.
pub fn fill_missing(call: &mut Call, head: &str, file: &Path) {
    if call.meta.company.is_empty()
        && let Some(name) = company_from_title(&call.meta.title)
    {
        call.meta.company = name;
    }
    let welcome = from_welcome(call);
    let named = from_file_name(file);
    let english = english_name(call, &welcome, file);
    let mut found = from_exchange_tag(head);
    found.fill_missing(welcome);
    found.fill_missing(named);
    let meta = &mut call.meta;
    if meta.company.is_empty() {
        meta.company = found.company;
    }
    if meta.ticker.is_empty() {
        meta.ticker = found.ticker;
    }
    if (meta.year.is_none() || meta.quarter.is_none()) && found.year.is_some() && found.quarter.is_some() {
        meta.year = found.year;
        meta.quarter = found.quarter;
    }
    // Last, the period a speaker named first (see `Meta::period_guess`).
    if meta.quarter.is_none()
        && let Some((year, quarter)) = meta.period_guess.take()
    {
        meta.year = meta.year.or(year);
        meta.quarter = quarter;
    }
    if let Some(english) = english
        && !meta.company_aliases.contains(&english)
    {
        meta.company_aliases.push(english);
    }
}

/// `範例港灣磨坊 2025 Q1 法說會逐字稿`, `Rowan Pumps Q2 2024 Earnings Call`: the title's
/// words before the period name the company.
fn company_from_title(title: &str) -> Option<String> {
    let name = title[..common::period_start(title)?]
        .trim()
        .trim_end_matches([',', '-', '–', ':'])
        .trim();
    (!name.is_empty() && name.chars().count() <= 60 && !name.ends_with(['.', '?', '!'])).then(|| name.to_string())
}

/// The company's name in English when the file writes it in Chinese or Japanese (亞馬遜 is
/// Amazon.com): the name the operator welcomes callers to, else a word of the file name
/// the call says again and again (`…_MediaTek_2026-03-11.md`).
fn english_name(call: &Call, welcome: &Meta, file: &Path) -> Option<String> {
    if !common::mostly_cjk(&call.meta.company) {
        return None;
    }
    if !welcome.company.is_empty() && !common::mostly_cjk(&welcome.company) {
        return Some(welcome.company.clone());
    }
    let stem = file.file_stem()?.to_str()?;
    let said = |word: &str| {
        call.turns
            .iter()
            .flat_map(|t| &t.paragraphs)
            .map(|p| p.text.matches(word).count())
            .sum::<usize>()
    };
    stem.split(['_', '-', ' ', '.'])
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .map(|w| (said(w), w))
        .filter(|(n, _)| *n >= 3)
        .max()
        .map(|(_, w)| w.to_string())
}

static EXCHANGE_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:NYSE|NASDAQ|Nasdaq|NYSEMKT|NYSEAMERICAN|NYSEARCA|AMEX|OTC|OTCPK|OTCQX|TSX|TSXV|LSE|ASX|TWSE|HKEX|SEHK|NSE|BSE):\s?(?P<ticker>[A-Z][A-Z0-9.\-]{0,9})\)")
        .expect("static regex")
});

/// `(NASDAQ:AMZN)` in the opening lines names the company's ticker.
fn from_exchange_tag(head: &str) -> Meta {
    let ticker = EXCHANGE_TAG
        .captures(head)
        .map_or_else(String::new, |c| c["ticker"].to_string());
    Meta {
        ticker,
        ..Meta::default()
    }
}

static WELCOME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:welcome)(?:\s+(?i:everyone|all|you))?(?:\s+(?i:to))\s+(?:(?i:the)\s+)?(?P<rest>(?:[^.!?]|[.][^\s.!?]){3,160})")
        .expect("static regex")
});

/// Words that end the company's name in a welcome: the period or the kind of call.
fn ends_company(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    matches!(
        w,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fiscal"
            | "fy"
            | "full"
            | "year"
            | "quarter"
            | "quarterly"
            | "earnings"
            | "conference"
            | "results"
            | "financial"
            | "call"
            | "annual"
            | "q1"
            | "q2"
            | "q3"
            | "q4"
            | "1q"
            | "2q"
            | "3q"
            | "4q"
            | "second-quarter"
            | "third-quarter"
            | "fourth-quarter"
            | "first-quarter"
            | "fiscal-year"
    ) || w.starts_with("20") && w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
}

/// The company and period an operator's welcome names, from the first few turns.
fn from_welcome(call: &Call) -> Meta {
    let mut meta = Meta::default();
    for p in call.turns.iter().take(4).flat_map(|t| t.paragraphs.iter().take(3)) {
        let Some(c) = WELCOME.captures(&p.text) else { continue };
        let rest = &c["rest"];
        // The name is the capitalised words before the period or "earnings call"; an
        // uncapitalised word ("our", "today's") means the welcome names no company.
        let words: Vec<&str> = rest.split_whitespace().take_while(|w| !ends_company(w)).collect();
        let named = !words.is_empty()
            && words.len() <= 8
            && words.len() < rest.split_whitespace().count()
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|ch| ch.is_uppercase() || ch == '&' || !ch.is_alphabetic())
            });
        if named {
            let name = words.join(" ");
            let name = name.trim_end_matches("'s").trim_end_matches('’').trim_end_matches(',');
            meta.company = name.trim_end_matches("’s").to_string();
        }
        common::read_period(&mut meta, rest);
        if named || meta.quarter.is_some() {
            break;
        }
    }
    meta
}

static PERIOD_IN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^a-z0-9])(?:q(?P<q1>[1-4])[\s_\-]*(?:fy)?(?P<y1>(?:19|20)\d{2})|(?:fy)?(?P<y2>(?:19|20)\d{2})[\s_\-]*q(?P<q2>[1-4])|(?P<q3>[1-4])q[\s_\-]*(?P<y3>(?:19|20)\d{2}))(?:[^a-z0-9]|$)")
        .expect("static regex")
});

/// Tickers are written in capitals in file names; these capitals are not tickers.
const NOT_TICKERS: &[&str] = &[
    "FY",
    "EN",
    "ZH",
    "CN",
    "TW",
    "CALL",
    "EARNINGS",
    "TRANSCRIPT",
    "QA",
    "Q",
    "INC",
    "LLC",
    "REIT",
    "CORP",
    "PLC",
];

/// What a file name says: ticker (a word in capitals next to the period), period, and
/// for a name written like a title, the company.
fn from_file_name(file: &Path) -> Meta {
    let mut meta = Meta::default();
    let Some(stem) = file.file_stem().and_then(|s| s.to_str()) else {
        return meta;
    };
    let Some(c) = PERIOD_IN_NAME.captures(stem) else {
        return meta;
    };
    let (q, y) = [("q1", "y1"), ("q2", "y2"), ("q3", "y3")]
        .iter()
        .find_map(|(q, y)| Some((c.name(q)?, c.name(y)?)))
        .map_or((None, None), |(q, y)| {
            (q.as_str().parse().ok(), y.as_str().parse().ok())
        });
    meta.quarter = q;
    meta.year = y;
    let Some(whole) = c.get(0) else { return meta };
    let words = |text: &str| -> Vec<String> {
        text.split(['_', '-', ' ', '.'])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let before = words(&stem[..whole.start()]);
    let after = words(&stem[whole.end()..]);
    let is_ticker = |w: &String| {
        (1..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()) && !NOT_TICKERS.contains(&w.as_str())
    };
    // A name written like a title (`Q3 2022 CBRE Group Inc Earnings Call`) spells the
    // company out, capitals and all: only compact names (`CT_LUV_2018_q4`) carry tickers.
    let compact = !stem.contains(' ');
    meta.ticker = before
        .iter()
        .filter(|_| compact)
        .rev()
        .find(|w| is_ticker(w))
        .or_else(|| after.iter().filter(|_| compact).find(|w| is_ticker(w)))
        .cloned()
        .unwrap_or_default();
    // `Q3 2022 Equinix Inc Earnings Call`: a name with spaces, written like a title.
    if stem.contains(' ') {
        let name: Vec<&String> = after
            .iter()
            .take_while(|w| !ends_company(w) && w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        if !name.is_empty() && name.len() <= 6 {
            meta.company = name.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" ");
            if meta.company.ends_with("Inc") || meta.company.ends_with("Corp") {
                meta.company.push('.');
            }
        }
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::builder::CallBuilder;
    use crate::transcript::model::Paragraph;

    fn named(path: &str) -> (String, String, Option<i32>, Option<u8>) {
        let m = from_file_name(Path::new(path));
        (m.ticker, m.company, m.year, m.quarter)
    }

    #[test]
    fn file_names_in_the_usual_shapes() {
        let t = |tk: &str, c: &str, y: i32, q: u8| (tk.to_string(), c.to_string(), Some(y), Some(q));
        assert_eq!(named("AAN_q3_2021.txt"), t("AAN", "", 2021, 3));
        assert_eq!(named("CT_LUV_2018_q4.txt"), t("LUV", "", 2018, 4));
        assert_eq!(named("MSFT_2025_Q4_transcript.json"), t("MSFT", "", 2025, 4));
        assert_eq!(
            named("content/Q3 2022 Equinix Inc Earnings Call.txt"),
            t("", "Equinix Inc.", 2022, 3)
        );
        assert_eq!(
            named("Q3 2022 CBRE Group Inc Earnings Call.txt"),
            t("", "CBRE Group Inc.", 2022, 3)
        );
        assert_eq!(named("amzn-2024-q1-bilingual.txt"), t("", "", 2024, 1));
        assert_eq!(named("3Q2023 BRK.txt").3, Some(3));
        assert_eq!(named("notes.txt"), (String::new(), String::new(), None, None));
        assert_eq!(named("call-12345.txt").2, None);
    }

    fn call_saying(text: &str) -> Call {
        let mut b = CallBuilder::new();
        b.start_turn("Operator", 1);
        b.add_paragraph(Paragraph::new(text, 2));
        b.finish("test", Meta::default())
    }

    #[test]
    fn the_operators_welcome_names_company_and_period() {
        let m = from_welcome(&call_saying(
            "Good day and welcome to the Apple Q1 Fiscal Year 2024 Earnings Conference Call. Today's call is being recorded.",
        ));
        assert_eq!((m.company.as_str(), m.year, m.quarter), ("Apple", Some(2024), Some(1)));
        let m = from_welcome(&call_saying(
            "Welcome everyone to the Northwind Traders third quarter 2025 earnings call.",
        ));
        assert_eq!(
            (m.company.as_str(), m.year, m.quarter),
            ("Northwind Traders", Some(2025), Some(3))
        );
        let m = from_welcome(&call_saying(
            "Good day and welcome to the Amazon.com First Quarter 2024 Financial Results Teleconference.",
        ));
        assert_eq!(
            (m.company.as_str(), m.year, m.quarter),
            ("Amazon.com", Some(2024), Some(1))
        );
        let m = from_welcome(&call_saying("Welcome to Rowan's 2024 second quarter results call."));
        assert_eq!(m.company, "Rowan");
        let m = from_welcome(&call_saying("Welcome to our call. Revenue grew."));
        assert_eq!((m.company.as_str(), m.quarter), ("", None));
    }

    #[test]
    fn a_title_names_the_company_before_the_period() {
        assert_eq!(
            company_from_title("範例港灣磨坊 2025 Q1 法說會逐字稿").as_deref(),
            Some("範例港灣磨坊")
        );
        assert_eq!(
            company_from_title("Rowan Pumps - Q2 2024 Earnings Call").as_deref(),
            Some("Rowan Pumps")
        );
        assert_eq!(company_from_title("Q3 2022 Equinix Inc Earnings Call"), None);
        assert_eq!(company_from_title("Earnings call"), None);
    }

    #[test]
    fn exchange_tags_give_the_ticker() {
        assert_eq!(
            from_exchange_tag("Amazon.com, Inc. (NASDAQ:AMZN) Q1 2024").ticker,
            "AMZN"
        );
        assert_eq!(from_exchange_tag("Credit Suisse (USA) LLC").ticker, "");
    }
}
