//! The number grammar: amounts with currency and scale, percentages, basis points and
//! ranges, in English (`$143.3 billion`, `between 7% and 11%`) and in the CJK units of
//! a Chinese translation (`1,433 億美元`, `百分之五`… digits only, `150 個基點`).
//!
//! `scan` finds each number from its digits and reads its parts; this module turns
//! them into quantities, joins ranges and reads amounts said in words.

use std::sync::LazyLock;

use regex::Regex;

use crate::figures::lexicon::ends_with_word;
use scan::{CjkSuffix, Suffix};

mod scan;

/// What a number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// A currency, ISO code (`USD`, `CNY`, `EUR`, `TWD`, …); `CUR` for a bare `元`. The
    /// codes are the grammar's own, so a unit is copied, never allocated.
    Currency(&'static str),
    /// Percent.
    Percent,
    /// Basis points.
    BasisPoints,
    /// Percentage points (`up 6 points`).
    Points,
    /// A multiple (`2.5x`, `2.5 times`).
    Multiple,
    /// A scaled number without currency (`1.4 billion`, `30.6 million subscribers`).
    Number,
    /// A count of things (`2,949 homes`, `36 ships`).
    Count,
}

impl serde::Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl Unit {
    /// The unit as written in JSON: `USD`, `%`, `bps`, `pts`, `x`, `number`, `count`.
    pub fn code(&self) -> &str {
        match self {
            Unit::Currency(c) => c,
            Unit::Percent => "%",
            Unit::BasisPoints => "bps",
            Unit::Points => "pts",
            Unit::Multiple => "x",
            Unit::Number => "number",
            Unit::Count => "count",
        }
    }

    /// True when two units can state the same figure (a bare `元` matches any currency;
    /// a scaled number without currency matches a currency amount).
    pub fn compatible(&self, other: &Unit) -> bool {
        match (self, other) {
            (Unit::Currency(a), Unit::Currency(b)) => a == b || *a == "CUR" || *b == "CUR",
            (Unit::Currency(_), Unit::Number) | (Unit::Number, Unit::Currency(_)) => true,
            (Unit::Number, Unit::Count) | (Unit::Count, Unit::Number) => true,
            _ => self == other,
        }
    }

    /// True for money.
    pub fn is_currency(&self) -> bool {
        matches!(self, Unit::Currency(_))
    }

    /// True for a percentage, basis points or percentage points.
    pub fn is_percentage(&self) -> bool {
        matches!(self, Unit::Percent | Unit::BasisPoints | Unit::Points)
    }

    /// True for the units a Chinese translation writes with the CJK grammar (money,
    /// percent, basis points): the only ones the translation check compares.
    pub fn is_translated(&self) -> bool {
        matches!(self, Unit::Currency(_) | Unit::Percent | Unit::BasisPoints)
    }
}

/// One number in text, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value in base units (dollars, percent points, basis points).
    pub value: f64,
    /// Half the step of the last written digit, in base units: `$143.3 billion` is exact
    /// to ±$50 million. Two statements agree when they differ by no more than the larger.
    pub tolerance: f64,
    /// What it measures.
    pub unit: Unit,
    /// Written with a scale word (`million`, `billion`, `億`).
    pub scaled: bool,
}

impl Quantity {
    /// True when `self` and `other` can be the same figure written to different precision.
    pub fn agrees_with(&self, other: &Quantity) -> bool {
        self.unit.compatible(&other.unit)
            && (self.value - other.value).abs() <= self.tolerance.max(other.tolerance) + 1e-9
    }
}

/// A figure found in text: one quantity, or a range of two.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Byte offset where the figure starts (including `between`).
    pub start: usize,
    /// Byte offset after the figure.
    pub end: usize,
    /// The single value, or the low end of a range.
    pub low: Quantity,
    /// The high end of a range.
    pub high: Option<Quantity>,
}

impl Match {
    /// The values a translation must repeat: one, or both ends of a range.
    pub fn quantities(&self) -> impl Iterator<Item = &Quantity> {
        std::iter::once(&self.low).chain(self.high.as_ref())
    }
}

/// A token before ranges are merged: a number with whatever unit it was written with.
#[derive(Debug, Clone)]
struct Token {
    start: usize,
    end: usize,
    /// The written digits without point or commas (`143.3` → 1433).
    number: f64,
    /// Digits after the point (`143.3` → 1).
    decimals: u32,
    scale: Option<f64>,
    currency: Option<&'static str>,
    unit: Option<Unit>,
}

impl Token {
    fn quantity(&self) -> Option<Quantity> {
        let unit = self.unit?;
        let scale = self.scale.unwrap_or(1.0);
        let divisor = 10f64.powi(self.decimals as i32);
        // `number` holds the written digits as an integer: dividing last keeps values such
        // as 143.3 billion exact (143300000000, not 143299999999.99998).
        Some(Quantity {
            value: self.number * scale / divisor,
            tolerance: scale / divisor / 2.0,
            unit,
            scaled: self.scale.is_some_and(|s| s >= 1e3),
        })
    }
}

fn currency_code(symbol: &str) -> &'static str {
    match symbol.trim() {
        "$" | "US$" | "USD" | "美元" | "美金" => "USD",
        "NT$" | "TWD" | "新台幣" | "新臺幣" | "台幣" => "TWD",
        "RMB" | "CNY" | "人民幣" | "人民币" | "人民幣元" | "人民币元" => "CNY",
        "€" | "EUR" | "歐元" | "欧元" => "EUR",
        "£" | "GBP" | "英鎊" => "GBP",
        "¥" | "JPY" | "日圓" | "日元" => "JPY",
        "C$" => "CAD",
        "A$" => "AUD",
        "HK$" | "港元" | "港幣" => "HKD",
        _ => "CUR",
    }
}

fn english_scale(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "trillion" | "tn" | "t" => 1e12,
        "billion" | "bn" | "b" | "bln" => 1e9,
        "million" | "mn" | "m" | "mln" => 1e6,
        _ => 1e3,
    }
}

fn cjk_scale(word: &str) -> f64 {
    match word {
        "兆" => 1e12,
        "億" | "亿" => 1e8,
        "萬" | "万" => 1e4,
        _ => 1e3,
    }
}

/// The digits of a number as an integer, and how many of them follow the point.
fn parse_number(text: &str) -> Option<(f64, u32)> {
    let decimals = text.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    let (mut value, mut digits) = (0u64, 0);
    for d in text.bytes().filter(u8::is_ascii_digit) {
        value = value * 10 + u64::from(d - b'0');
        digits += 1;
        if digits > 15 {
            return None; // beyond f64's exact integers; no earnings figure is written so
        }
    }
    (digits > 0).then_some((value as f64, decimals))
}

fn english_tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(parts) = scan::next_english(text, pos) {
        // The number ends past its first digit, which is at or after `pos`.
        pos = parts.whole.end;
        let whole = parts.whole.clone();
        let num = &text[parts.num.clone()];
        // "Q1", "10-K", "3P", "COVID-19": a digit glued to letters is not a figure.
        let mut back = text[..whole.start].chars().rev();
        let glued_before = match back.next() {
            Some('-') => back.next().is_some_and(char::is_alphabetic),
            // `fiscal '19`: a year, not a number.
            Some('\'' | '’') => true,
            Some(ch) => ch.is_alphanumeric() || ch == '.' || ch == '_',
            None => false,
        };
        if glued_before && parts.cur.is_none() {
            continue;
        }
        let Some((number, decimals)) = parse_number(num) else {
            continue;
        };
        let said = |kind: Suffix| parts.suffix.filter(|(k, _)| *k == kind).map(|(_, word)| word);
        let mut currency = parts.cur.map(currency_code);
        let letter_scale = said(Suffix::Scale).is_some_and(|w| w.len() == 1 && currency.is_none());
        let mut scale = said(Suffix::Scale).filter(|_| !letter_scale).map(english_scale);
        let mut end = if letter_scale { parts.num.end } else { whole.end };
        // `15 cents`; `$2.39 cents` is a slip of the tongue for $2.39.
        if said(Suffix::Cents).is_some() && currency.is_none() {
            currency = Some("USD");
            scale = Some(0.01);
        }
        let mut unit = unit_of(
            said(Suffix::Percent).is_some(),
            said(Suffix::BasisPoints).is_some(),
            currency,
        );
        if said(Suffix::Points).is_some() {
            unit = Some(Unit::Points);
        } else if said(Suffix::Times).is_some() {
            unit = Some(Unit::Multiple);
        } else if unit.is_none() && scale.is_some() {
            unit = Some(Unit::Number);
        }
        let glued_after = text[end..]
            .chars()
            .next()
            .is_some_and(|ch| ch.is_alphanumeric() || ch == '_');
        // `101 thousand 371 shares`: a number read aloud in pieces is no figure.
        let continued = scale.is_some()
            && text[end..]
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit());
        if continued {
            continue;
        }
        if unit.is_none() {
            if glued_after || is_year_like(num) || is_street_address(&text[parts.num.end..]) {
                continue;
            }
            if counted(text, whole.start, parts.num.end, number, decimals) {
                unit = Some(Unit::Count);
            }
            end = parts.num.end;
        }
        tokens.push(Token {
            start: whole.start,
            end,
            number,
            decimals,
            scale,
            currency,
            unit,
        });
    }
    tokens
}

/// True when the words after a bare number name a street (`2100 Pennsylvania Avenue`,
/// `300 Binney Street`): an address, not a count of anything.
fn is_street_address(after: &str) -> bool {
    const STREET: [&str; 16] = [
        "Street",
        "St",
        "Avenue",
        "Ave",
        "Road",
        "Rd",
        "Boulevard",
        "Blvd",
        "Drive",
        "Lane",
        "Way",
        "Place",
        "Plaza",
        "Parkway",
        "Square",
        "Highway",
    ];
    let words = after
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .take(4);
    for w in words {
        if STREET.contains(&w) {
            return true;
        }
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            return false;
        }
    }
    false
}

/// A bare 1900–2099 without separators is a year, never a figure or a range end
/// (`from 2021 to $30 million`).
fn is_year_like(num: &str) -> bool {
    // Bytes, not characters: `\d` also matches digits of other scripts (`1០`).
    num.len() == 4 && num.bytes().all(|b| b.is_ascii_digit()) && matches!(&num[..2], "19" | "20")
}

#[cfg(test)]
mod year_tests {
    #[test]
    fn digits_of_other_scripts_are_no_year_and_no_panic() {
        assert!(super::is_year_like("2021"));
        assert!(!super::is_year_like("1០"));
        let _ = super::english("1០ and 2០21 million");
    }
}

/// Words after a bare number that make it a time, a rank or an ordinal, not a count.
const NOT_COUNTED: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years", "quarter", "quarters", "hour", "hours",
    "minute", "minutes", "second", "seconds", "decade", "decades", "am", "pm", "a.m.", "p.m.", "and", "or", "to", "of",
    "in", "on", "at", "for", "by", "from", "with", "is", "are", "was", "were", "that", "which", "times", "fold",
    "percent", "plus", "th", "st", "nd", "rd", "o'clock",
];

/// Words before a bare number that make it a reference (`Slide 5`, `Tier 1`), not a count.
const NOT_COUNTED_AFTER: &[&str] = &[
    "slide",
    "slides",
    "page",
    "pages",
    "item",
    "items",
    "section",
    "form",
    "no",
    "number",
    "chapter",
    "note",
    "notes",
    "tier",
    "phase",
    "level",
    "class",
    "series",
    "route",
    "fund",
    "rule",
    "article",
    "version",
    "top",
    "step",
    "group",
    "stage",
    "gen",
    "generation",
    "model",
    "type",
    "exhibit",
    "table",
    "figure",
    "line",
    "lines",
    "unit",
    "covid",
    "schedule",
    "appendix",
    "question",
    "questions",
    "part",
    "parts",
    "round",
    "wave",
    "year",
    "q",
    "fy",
    "h",
    "at",
    "the",
    "about",
    "around",
    "approximately",
    "roughly",
];

/// True when a bare number at `start..num_end` counts things: ten or more (or with a
/// decimal point), followed by a noun, not a reference number.
fn counted(text: &str, start: usize, num_end: usize, number: f64, decimals: u32) -> bool {
    if decimals == 0 && number < 10.0 {
        return false;
    }
    let next = text[num_end..]
        .strip_prefix(' ')
        .and_then(|rest| {
            rest.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '.')
                .next()
        })
        .unwrap_or("");
    let next = next.trim_end_matches('.').to_ascii_lowercase();
    if next.is_empty() || !next.starts_with(|c: char| c.is_ascii_alphabetic()) || NOT_COUNTED.contains(&next.as_str()) {
        return false;
    }
    let before = text[..start].trim_end();
    let previous = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    !NOT_COUNTED_AFTER.contains(&previous.as_str()) && !before.ends_with('#')
}

/// A number's unit: percent and basis points win over a currency symbol.
fn unit_of(percent: bool, basis_points: bool, currency: Option<&'static str>) -> Option<Unit> {
    if percent {
        Some(Unit::Percent)
    } else if basis_points {
        Some(Unit::BasisPoints)
    } else {
        currency.map(Unit::Currency)
    }
}

fn cjk_tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(parts) = scan::next_cjk(text, pos) {
        pos = parts.whole.end;
        let whole = parts.whole.clone();
        let glued_before = text[..parts.num.start]
            .chars()
            .next_back()
            .is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '.');
        if glued_before && parts.pre.is_none() {
            continue;
        }
        let Some((number, decimals)) = parse_number(&text[parts.num.clone()]) else {
            continue;
        };
        let said = |kind: CjkSuffix| parts.suffix.filter(|(k, _)| *k == kind).map(|(_, word)| word);
        let mult = parts.mult.map(cjk_scale);
        let english = said(CjkSuffix::Scale).map(english_scale);
        let scale = match (mult, english) {
            (Some(a), Some(b)) => Some(a * b),
            (a, b) => a.or(b),
        };
        let currency = said(CjkSuffix::Currency).or(parts.pre).map(currency_code);
        let percent = said(CjkSuffix::Percent).is_some() || parts.pct_word;
        let unit = unit_of(percent, said(CjkSuffix::BasisPoints).is_some(), currency);
        tokens.push(Token {
            start: whole.start,
            end: whole.end,
            number,
            decimals,
            scale,
            currency,
            unit,
        });
    }
    tokens
}

/// Joins `A and B`, `A to B`, `A-B` (after `between`, or when both carry units) into
/// ranges; a low end written without unit or scale takes the high end's (`between $144
/// and $149 billion`, `7 to 11%`).
fn merge_ranges(text: &str, tokens: Vec<Token>) -> Vec<Match> {
    let mut out: Vec<Match> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let a = &tokens[i];
        let after_range = out.last().is_some_and(|m| m.high.is_some());
        let joined = tokens
            .get(i + 1)
            .and_then(|b| range_of(text, a, b, after_range).or_else(|| tolerance_band(text, a, b)));
        if let Some(m) = joined {
            out.push(m);
            i += 2;
            continue;
        }
        if let Some(q) = a.quantity() {
            out.push(Match {
                start: a.start,
                end: a.end,
                low: q,
                high: None,
            });
        }
        i += 1;
    }
    out
}

/// Words that make a figure approximate (`about $5 million`); the sentence reader adds
/// its own neighbours of them (`just`, `over`, `some`) where it skips hedges.
pub(crate) const APPROXIMATIONS: [&str; 6] = ["about", "approximately", "roughly", "around", "nearly", "almost"];

/// `text` without a trailing word of approximation (`to about` → `to`).
fn strip_approximation(text: &str) -> &str {
    for word in APPROXIMATIONS {
        if let Some(rest) = text.strip_suffix(word)
            && rest.ends_with(|c: char| c.is_whitespace())
        {
            return rest.trim_end();
        }
    }
    text
}

/// Numbers as a speaker says them before breaking off (`in the range of two -- $425
/// million`).
pub(crate) const SPELLED_NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
];

/// `text` without a last word that is a number said in words (`of two`), if it is one.
fn drop_spelled_number(text: &str) -> &str {
    let trimmed = text.trim_end();
    let word_start = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    if SPELLED_NUMBERS
        .iter()
        .any(|n| trimmed[word_start..].eq_ignore_ascii_case(n))
    {
        trimmed[..word_start].trim_end()
    } else {
        text
    }
}

/// The words before a dash with the number the speaker broke off there dropped (`in the
/// range of two --` → `in the range of`).
pub(crate) fn before_broken_number(head: &str) -> &str {
    drop_spelled_number(head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–')))
}

/// Lowercased words before a figure without a restart the speaker made (`could range
/// from five -- from about $0.05`): the words before the broken-off number, which the
/// word after the dash repeats.
fn without_restart(lower: &str) -> &str {
    let Some(dash) = lower.rfind(['-', '—', '–']) else {
        return lower;
    };
    let again = lower[dash..].trim_start_matches(['-', '—', '–']).trim();
    if again.contains(char::is_whitespace) {
        return lower;
    }
    let before = before_broken_number(&lower[..dash]);
    if !again.is_empty() && ends_with_word(before, again) {
        before
    } else {
        lower
    }
}

/// How many bytes before a figure the range and `flat to` rules read.
const WORDS_BEFORE: usize = 80;

/// The words right before byte `end` of `text` (at most [`WORDS_BEFORE`] bytes, trimmed at
/// the end) and the offset where they start. Only this window is copied: lowercasing the
/// whole paragraph before each figure made a paragraph of n figures cost n².
fn words_before(text: &str, end: usize) -> (usize, &str) {
    let prefix = text[..end].trim_end();
    let mut start = prefix.len().saturating_sub(WORDS_BEFORE);
    while !prefix.is_char_boundary(start) {
        start += 1;
    }
    (start, &prefix[start..])
}

/// `$4.07, plus or minus $0.01` is the band from $4.06 to $4.08: the second number is
/// the first's tolerance, never a figure of its own (it had read as a loss of $0.01).
fn tolerance_band(text: &str, a: &Token, b: &Token) -> Option<Match> {
    let gap = text.get(a.end..b.start)?.trim().trim_start_matches(',').trim_start();
    let said = ["plus or minus", "plus/minus", "+/-", "±", "give or take"]
        .iter()
        .any(|w| gap.eq_ignore_ascii_case(w));
    let (centre, spread) = (a.quantity()?, b.quantity()?);
    if !said || !centre.unit.compatible(&spread.unit) || spread.value >= centre.value.abs() {
        return None;
    }
    // Rounded to the spread's last digit: 4.07 − 0.01 is 4.0600000000000005 in binary.
    let per_unit = (0.5 / spread.tolerance).round().max(1.0);
    let end = |value: f64| Quantity {
        value: (value * per_unit).round() / per_unit,
        ..centre.clone()
    };
    Some(Match {
        start: a.start,
        end: b.end,
        low: end(centre.value - spread.value),
        high: Some(end(centre.value + spread.value)),
    })
}

/// `after_range`: the figure before was a range, so that `and from $0.37 to $0.52` after
/// `could range from $0.15 to $0.30 on a GAAP basis` is the second range of the list.
fn range_of(text: &str, a: &Token, b: &Token, after_range: bool) -> Option<Match> {
    // `from about $0.05 to about $0.20`: words of approximation stand outside the range.
    let gap = strip_approximation(text.get(a.end..b.start)?.trim());
    let (window, before) = words_before(text, a.start);
    let lower = before.to_ascii_lowercase();
    // `outlook from at least $6 per share to approximately $7.50`: a bound is no range end.
    let lower = without_restart(strip_approximation(&lower));
    let lower = lower.strip_suffix(" at least").unwrap_or(lower).to_string();
    let between = lower.ends_with("between")
        || lower.ends_with("range of")
        || lower.ends_with("range between")
        || before.ends_with("介於")
        || before.ends_with("介于");
    // `from $23.3 million to $24.8 million` is a change, not a range, unless the words
    // say range (`to range from $475 million to $500 million`).
    let from_to = ends_with_word(&lower, "from")
        && !["range", "ranging", "ranges", "anywhere", "vary", "varying", "somewhere"]
            .iter()
            .any(|w| ends_with_word(lower[..lower.len() - 4].trim_end(), w))
        && !(after_range && {
            // `and from`, `, from`, or `from` right after the range (`to a range of 8% to
            // 9% from 8.5% to 9.75% previously`).
            let before_from = lower[..lower.len() - 4].trim_end();
            before_from.ends_with("and")
                || before_from.ends_with(',')
                || before_from.ends_with(|c: char| c == '%' || c.is_ascii_digit())
        });
    // `$2.10 per share to $2.35 per share`: the low end's per-share phrase stands
    // between the ends.
    let gap = [
        "per diluted share ",
        "per fully diluted share ",
        "per share ",
        "a share ",
    ]
    .iter()
    .find_map(|p| gap.strip_prefix(p))
    .unwrap_or(gap);
    let joined = match gap {
        "and" | "至" | "到" | "和" | "與" => between,
        // `$10.20 up to $10.45`, `$6.70 and to $7.40`.
        "to" | "through" | "thru" | "up to" | "and to" => !from_to,
        "-" | "–" | "—" | "~" | "～" => true,
        _ => false,
    };
    let b_unit = b.unit?;
    if !joined || a.unit.as_ref().is_some_and(|u| !u.compatible(&b_unit)) {
        return None;
    }
    let mut low = a.clone();
    low.unit = Some(b_unit);
    if low.scale.is_none() && low.currency.is_some() == b.currency.is_some() {
        low.scale = b.scale;
    }
    if a.unit.is_none() {
        low.scale = b.scale;
    }
    // The ends of a range are near each other and in order: `$47,000 to $2.9 million`
    // after `increased 1.6% or` is a change and its result, not a range.
    let (lo, hi) = (low.quantity()?, b.quantity()?);
    let ordered = lo.value <= hi.value;
    let near =
        lo.value == 0.0 || hi.value <= lo.value * 5.0 || (hi.unit.is_percentage() && hi.value - lo.value <= 25.0);
    if !(between || ordered && near) {
        return None;
    }
    // The figure starts at the `between` that opens it (the text right before it).
    // (`lower` is `before` without trailing approximation words, byte for byte.)
    let start = if lower.ends_with("between") {
        window + lower.len() - "between".len()
    } else {
        a.start
    };
    let start = if before.ends_with("介於") || before.ends_with("介于") {
        window + before.len() - "介於".len()
    } else {
        start
    };
    Some(Match {
        start,
        end: b.end,
        low: low.quantity()?,
        high: b.quantity(),
    })
}

/// True when `text` holds an ASCII digit (read many bytes at a time).
pub fn has_digit(text: &str) -> bool {
    scan::first_digit(text.as_bytes(), 0).is_some()
}

/// Figures in English text, in order.
pub fn english(text: &str) -> Vec<Match> {
    let tokens = with_tokens(english_tokens(text), spoken_tokens(text));
    let mut out = merge_ranges(text, tokens);
    for m in &mut out {
        widen_flat(text, m);
        widen_band(text, m);
    }
    out
}

/// Where in a band a figure lies: `mid-$11 billion`, `the mid- to high $10 billion
/// range`, `a margin rate in the low 10% range`.
pub(crate) const BANDS: [&str; 4] = ["low", "mid", "high", "upper"];

/// Band phrases of two words, longest first: `mid- to high-`, `low to mid`.
static BAND_PAIRS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for a in BANDS {
        for b in BANDS {
            for joint in [" to ", "- to ", "-to-"] {
                out.push(format!("{a}{joint}{b}-"));
                out.push(format!("{a}{joint}{b}"));
            }
        }
    }
    out.sort_by_key(|p| std::cmp::Reverse(p.len()));
    out
});

/// Takes the band words before a figure into it, so that the figure reads as said (`mid-
/// to high $10 billion`, never a bare `$10 billion`). `low`, `high` and `upper` without a
/// hyphen count only before `range` (`a high $5 million` may be no band).
fn widen_band(text: &str, m: &mut Match) {
    let (window, before) = words_before(text, m.start);
    let tail = &before.as_bytes()[before.len().saturating_sub(24)..];
    let has_band = |b: &str| tail.windows(b.len()).any(|w| w.eq_ignore_ascii_case(b.as_bytes()));
    if !BANDS.iter().any(|b| has_band(b)) {
        return;
    }
    let lower = before.to_ascii_lowercase();
    let whole_word = |p: &str| {
        lower.ends_with(p)
            && lower[..lower.len() - p.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    };
    // Only the next word, never the rest of the paragraph (lowercasing it for every
    // figure made a paragraph of n figures cost n²).
    let range_after = text[m.end..]
        .trim_start()
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("range"));
    let single = |a: &&str| {
        let hyphened = [a, "-"].concat();
        if whole_word(&hyphened) {
            Some(hyphened.len())
        } else {
            (whole_word(a) && (*a == "mid" || range_after)).then_some(a.len())
        }
    };
    let found = BAND_PAIRS
        .iter()
        .find(|p| whole_word(p))
        .map(String::len)
        .or_else(|| BANDS.iter().find_map(single));
    if let Some(len) = found {
        m.start = window + lower.len() - len;
    }
}

static SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?-u:\b)(?P<cur>US\$|\$)?
        (?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:one|a)\s+hundred)
        \s+(?P<scale>million|billion|trillion)
        (?:\s+(?P<dollars>(?:U\.?S\.?\s+)?dollars))?(?-u:\b)",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Amounts said in words, as speech-to-text writes them: `one billion US dollars`,
/// `a billion dollars`, `two million`.
fn spoken_tokens(text: &str) -> Vec<Token> {
    if !text.contains("illion") {
        return Vec::new();
    }
    SPOKEN
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let n = match c.name("n")?.as_str().to_ascii_lowercase().as_str() {
                "a" | "an" | "one" => 1.0,
                "two" => 2.0,
                "three" => 3.0,
                "four" => 4.0,
                "five" => 5.0,
                "six" => 6.0,
                "seven" => 7.0,
                "eight" => 8.0,
                "nine" => 9.0,
                "ten" => 10.0,
                "eleven" => 11.0,
                "twelve" => 12.0,
                "fifteen" => 15.0,
                "twenty" => 20.0,
                "thirty" => 30.0,
                "forty" => 40.0,
                "fifty" => 50.0,
                "sixty" => 60.0,
                "seventy" => 70.0,
                "eighty" => 80.0,
                "ninety" => 90.0,
                _ => 100.0,
            };
            let currency = (c.name("cur").is_some() || c.name("dollars").is_some()).then_some("USD");
            let unit = Some(currency.map_or(Unit::Number, Unit::Currency));
            Some(Token {
                start: whole.start(),
                end: whole.end(),
                number: n,
                decimals: 0,
                scale: Some(english_scale(c.name("scale")?.as_str())),
                currency,
                unit,
            })
        })
        .collect()
}

/// `flat to down 6%` is the range from no change to a 6% decline.
fn widen_flat(text: &str, m: &mut Match) {
    if m.high.is_some() || !m.low.unit.is_percentage() {
        return;
    }
    let (window, before) = words_before(text, m.start);
    let before = before.to_ascii_lowercase();
    for phrase in ["flat to down", "flat to up", "flat to"] {
        if ends_with_word(&before, phrase) {
            let zero = Quantity {
                value: 0.0,
                ..m.low.clone()
            };
            m.high = Some(std::mem::replace(&mut m.low, zero));
            m.start = window + before.len() - phrase.len();
            return;
        }
    }
}

/// Figures in a Chinese translation (CJK units, and English forms left untranslated).
pub fn chinese(text: &str) -> Vec<Match> {
    merge_ranges(text, with_tokens(cjk_tokens(text), numeral_tokens(text)))
}

/// `tokens` with the numbers `more` finds in words (`two billion`, `三十億`), in text order;
/// where two overlap, the one that starts first is kept.
fn with_tokens(mut tokens: Vec<Token>, more: Vec<Token>) -> Vec<Token> {
    if !more.is_empty() {
        tokens.extend(more);
        tokens.sort_by_key(|t| t.start);
        tokens.dedup_by(|later, earlier| later.start < earlier.end);
    }
    tokens
}

static NUMERALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<n>[一二兩两三四五六七八九十百千]+)\s*(?P<mult>兆|億|亿|萬|万)\s*(?P<cur>美元|美金|人民幣|人民币|新台幣|新臺幣|台幣|歐元|欧元|元)?",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Amounts written in Chinese numerals, as translations write round figures: `十億美元`
/// (one billion US dollars), `三百五十萬`.
fn numeral_tokens(text: &str) -> Vec<Token> {
    if !text.contains(['萬', '万', '億', '亿', '兆']) {
        return Vec::new();
    }
    NUMERALS
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let n = chinese_numeral(c.name("n")?.as_str())?;
            let currency = c.name("cur").map(|m| currency_code(m.as_str()));
            let unit = Some(currency.map_or(Unit::Number, Unit::Currency));
            Some(Token {
                start: whole.start(),
                end: whole.end(),
                number: n,
                decimals: 0,
                scale: Some(cjk_scale(c.name("mult")?.as_str())),
                currency,
                unit,
            })
        })
        .collect()
}

/// The value of a Chinese numeral below ten thousand (`十` 10, `二十` 20, `三百五十` 350).
fn chinese_numeral(text: &str) -> Option<f64> {
    let (mut total, mut digit) = (0.0, None::<f64>);
    for ch in text.chars() {
        let d = match ch {
            '一' => Some(1.0),
            '二' | '兩' | '两' => Some(2.0),
            '三' => Some(3.0),
            '四' => Some(4.0),
            '五' => Some(5.0),
            '六' => Some(6.0),
            '七' => Some(7.0),
            '八' => Some(8.0),
            '九' => Some(9.0),
            _ => None,
        };
        let place = match ch {
            '十' => Some(10.0),
            '百' => Some(100.0),
            '千' => Some(1000.0),
            _ => None,
        };
        match (d, place) {
            (Some(d), _) => digit = Some(d),
            (None, Some(p)) => total += digit.take().unwrap_or(1.0) * p,
            _ => return None,
        }
    }
    let value = total + digit.unwrap_or(0.0);
    (value > 0.0).then_some(value)
}

#[cfg(test)]
mod tests;
