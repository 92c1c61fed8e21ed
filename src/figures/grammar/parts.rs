//! The parts of a number the grammar's regexes found (currency, digits, scale or unit
//! word), split by hand from the text of the match.
//!
//! Why: the regexes find where a number is with their lazy DFA, which is cheap, but
//! resolving their named groups ran the engine's backtracker on every match and looked
//! each group up by name in a hash map: a seventh of figure extraction. A match's text
//! determines its groups (the number is greedy and everything after it optional, so the
//! engine never gives digits back), and the splitting below reads them in a few
//! comparisons. Where a match holds anything the splitting does not know (digits of
//! another script), it answers `None` and the caller asks the regex for its groups; the
//! tests check both ways agree on real calls and on generated text.

use std::ops::Range;

/// What the word after an English number says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Suffix {
    /// `%`, `percent`, `per cent`.
    Percent,
    /// `basis points`, `bps`, `bp`.
    BasisPoints,
    /// `percentage points`, `points`, `pts`, `ppt`.
    Points,
    /// `cents`, `¢`.
    Cents,
    /// `x`, `times`.
    Times,
    /// `million`, `bn`, `M`, …
    Scale,
}

/// One English number: `US$1,234.5 million`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct EnglishParts<'t> {
    /// The currency written before the digits, as written (`US$`, `RMB `).
    pub(super) cur: Option<&'t str>,
    /// Where the digits are, in the whole text.
    pub(super) num: Range<usize>,
    /// The word after the digits and what it says (`million`, without the space or dash
    /// before it).
    pub(super) suffix: Option<(Suffix, &'t str)>,
}

/// What the word after a number in a Chinese translation says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CjkSuffix {
    /// `美元`, `人民幣`, `元`, …
    Currency,
    /// `%`, `％`.
    Percent,
    /// `個基點`, `基点`, …
    BasisPoints,
    /// An English scale word left untranslated (`million`).
    Scale,
}

/// One number of a Chinese translation: `US$ 百分之 1,433 億 美元`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CjkParts<'t> {
    /// The currency written before the number.
    pub(super) pre: Option<&'t str>,
    /// Written `百分之` (percent) before the digits.
    pub(super) pct_word: bool,
    /// Where the digits are, in the whole text.
    pub(super) num: Range<usize>,
    /// A CJK multiplier after the digits (`億`).
    pub(super) mult: Option<&'t str>,
    /// The word after the multiplier and what it says.
    pub(super) suffix: Option<(CjkSuffix, &'t str)>,
}

/// Currencies written before an English number, in the regex's order. The letter codes
/// may be followed by one space, which belongs to the currency.
const ENGLISH_CURRENCIES: [&str; 16] = [
    "US$", "NT$", "C$", "A$", "HK$", "$", "€", "£", "¥", "RMB", "USD", "EUR", "GBP", "JPY", "CNY", "TWD",
];

/// Currencies written before a number in a Chinese translation.
const CJK_PREFIXES: [&str; 8] = ["US$", "NT$", "$", "美元", "人民幣", "人民币", "新台幣", "新臺幣"];

/// Currency words after a number in a Chinese translation.
const CJK_CURRENCIES: [&str; 17] = [
    "美元",
    "美金",
    "人民幣元",
    "人民币元",
    "人民幣",
    "人民币",
    "新台幣",
    "新臺幣",
    "台幣",
    "歐元",
    "欧元",
    "英鎊",
    "日圓",
    "日元",
    "港元",
    "港幣",
    "元",
];

/// CJK multipliers.
const CJK_MULTIPLIERS: [&str; 6] = ["兆", "億", "亿", "萬", "万", "千"];

/// The parts of the English number the regex matched at `whole` of `text`, or `None`
/// when the match holds something this reading does not know.
pub(super) fn english(text: &str, whole: Range<usize>) -> Option<EnglishParts<'_>> {
    let s = text.get(whole.clone())?;
    let (cur, num_at) = match s.as_bytes().first()? {
        b'0'..=b'9' | b'.' => (None, 0),
        _ => {
            let code = ENGLISH_CURRENCIES.iter().find(|c| s.starts_with(*c))?;
            let mut end = code.len();
            if code.bytes().all(|b| b.is_ascii_uppercase()) {
                end += s[end..]
                    .chars()
                    .next()
                    .filter(|c| c.is_whitespace())
                    .map_or(0, char::len_utf8);
            }
            (Some(&s[..end]), end)
        }
    };
    let len = number_len(&s.as_bytes()[num_at..], true)?;
    let rest = &s[num_at + len..];
    Some(EnglishParts {
        cur,
        num: whole.start + num_at..whole.start + num_at + len,
        suffix: english_suffix(rest)?,
    })
}

/// The word after an English number (the whole rest of the match), or `None` when the
/// rest is no suffix of the grammar.
fn english_suffix(rest: &str) -> Option<Option<(Suffix, &str)>> {
    if rest.is_empty() {
        return Some(None);
    }
    if rest == "x" {
        return Some(Some((Suffix::Times, rest)));
    }
    let lead = rest.chars().next().filter(|c| c.is_whitespace() || *c == '-');
    let body = &rest[lead.map_or(0, char::len_utf8)..];
    let (space, dash) = (lead.is_some_and(char::is_whitespace), lead == Some('-'));
    let kind = match body {
        "%" | "percent" | "per cent" if !dash => Suffix::Percent,
        "bps" | "bp" if !dash => Suffix::BasisPoints,
        "point" | "points" | "pts" | "ppt" | "ppts" if space => Suffix::Points,
        "cent" | "cents" | "¢" if !dash => Suffix::Cents,
        "times" if !dash => Suffix::Times,
        "trillion" | "billion" | "million" | "thousand" | "mln" | "bln" | "bn" | "mn" | "tn" | "B" | "M" | "K" => {
            Suffix::Scale
        }
        _ if !dash && basis_points(body) => Suffix::BasisPoints,
        _ if space && percentage_points(body) => Suffix::Points,
        _ => return None,
    };
    Some(Some((kind, body)))
}

/// `basis points`, `basis-point`: the long form of basis points.
fn basis_points(body: &str) -> bool {
    body.strip_prefix("basis")
        .and_then(|r| {
            let c = r.chars().next()?;
            (c.is_whitespace() || c == '-').then(|| &r[c.len_utf8()..])
        })
        .is_some_and(|r| r == "point" || r == "points")
}

/// `percentage points`, with any run of spaces between the words.
fn percentage_points(body: &str) -> bool {
    body.strip_prefix("percentage")
        .filter(|r| r.starts_with(char::is_whitespace))
        .map(str::trim_start)
        .is_some_and(|r| r == "point" || r == "points")
}

/// The parts of the number the CJK regex matched at `whole` of `text`, or `None` when
/// the match holds something this reading does not know.
pub(super) fn cjk(text: &str, whole: Range<usize>) -> Option<CjkParts<'_>> {
    let s = text.get(whole.clone())?;
    let pre = CJK_PREFIXES.iter().find(|p| s.starts_with(*p)).copied();
    let mut at = pre.map_or(0, str::len);
    at = skip_spaces(s, at);
    let pct_word = s[at..].starts_with("百分之");
    if pct_word {
        at = skip_spaces(s, at + "百分之".len());
    }
    let len = number_len(&s.as_bytes()[at..], false)?;
    let num = whole.start + at..whole.start + at + len;
    at = skip_spaces(s, at + len);
    let mult = CJK_MULTIPLIERS.iter().find(|m| s[at..].starts_with(*m)).copied();
    at = skip_spaces(s, at + mult.map_or(0, str::len));
    let rest = &s[at..];
    let suffix = match rest {
        "" => None,
        "%" | "％" => Some(CjkSuffix::Percent),
        "個基點" | "个基点" | "基點" | "基点" => Some(CjkSuffix::BasisPoints),
        "trillion" | "billion" | "million" | "thousand" => Some(CjkSuffix::Scale),
        _ if CJK_CURRENCIES.contains(&rest) => Some(CjkSuffix::Currency),
        _ => return None,
    };
    Some(CjkParts {
        pre,
        pct_word,
        num,
        mult,
        suffix: suffix.map(|k| (k, rest)),
    })
}

/// `at` moved past the spaces that follow it in `s`.
fn skip_spaces(s: &str, at: usize) -> usize {
    s.len() - s[at..].trim_start().len()
}

/// How many of the bytes at the start of `s` the grammar's number takes: digits grouped
/// by commas (`1,234,567.89`, at most twelve groups), else a run of at most 24 digits with
/// decimals, else (when `point_first`) a point and decimals (`.5`). Greedy, as the regex.
fn number_len(s: &[u8], point_first: bool) -> Option<usize> {
    let digits_at = |at: usize, max: usize| {
        s.get(at..)
            .map_or(0, |r| r.iter().take(max).take_while(|b| b.is_ascii_digit()).count())
    };
    let group_at = |at: usize| s.get(at) == Some(&b',') && digits_at(at + 1, 3) == 3;
    let lead = digits_at(0, usize::MAX);
    let mut end = match lead {
        0 if point_first && s.first() == Some(&b'.') => {
            let d = digits_at(1, 24);
            return (d > 0).then_some(1 + d);
        }
        0 => return None,
        1..=3 if group_at(lead) => {
            let mut end = lead;
            for _ in 0..12 {
                if !group_at(end) {
                    break;
                }
                end += 4;
            }
            end
        }
        25.. => return Some(24),
        _ => lead,
    };
    if s.get(end) == Some(&b'.') {
        let d = digits_at(end + 1, 24);
        if d > 0 {
            end += 1 + d;
        }
    }
    Some(end)
}
