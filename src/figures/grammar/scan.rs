//! Finds the numbers of a text from its ASCII digits and reads their parts (currency,
//! digits, unit or scale word): the number grammar, as code.
//!
//! Why not a regex: the grammar was one regex per language, run with `captures_iter`
//! over every paragraph and translation. Its DFA read every byte, its backtracker then
//! resolved the named groups of each match, and each group was looked up by name: a
//! third of figure extraction, for a few bytes around each digit. Here a number is found
//! from its first digit, the words that may stand before it are read backwards and the
//! words after it forwards, in the regex's order of preference. The regexes stay in the
//! tests (`grammar/tests.rs`) as the grammar's statement, and the tests check that this
//! scanner finds exactly their matches with exactly their groups, on the given real
//! calls and on generated text.

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
    /// Where the whole number is, currency and suffix included.
    pub(super) whole: Range<usize>,
    /// The currency written before the digits, as written (`US$`, `RMB `).
    pub(super) cur: Option<&'t str>,
    /// Where the digits are.
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
    /// Where the whole number is, with the spaces before and after it.
    pub(super) whole: Range<usize>,
    /// The currency written before the number.
    pub(super) pre: Option<&'t str>,
    /// Written `百分之` (percent) before the digits.
    pub(super) pct_word: bool,
    /// Where the digits are.
    pub(super) num: Range<usize>,
    /// A CJK multiplier after the digits (`億`).
    pub(super) mult: Option<&'t str>,
    /// The word after the multiplier and what it says.
    pub(super) suffix: Option<(CjkSuffix, &'t str)>,
}

/// Currencies written before an English number. The letter codes start a word and may
/// be followed by one space, which belongs to the currency.
const ENGLISH_CURRENCIES: [&str; 16] = [
    "US$", "NT$", "C$", "A$", "HK$", "$", "€", "£", "¥", "RMB", "USD", "EUR", "GBP", "JPY", "CNY", "TWD",
];

/// English scale words, in order of preference; the spelled-out ones need no word end
/// after them (`5 millionaires` reads `5 million`, as it always has).
const SCALES: [(&str, bool); 10] = [
    ("trillion", false),
    ("billion", false),
    ("million", false),
    ("thousand", false),
    ("mln", true),
    ("bln", true),
    ("bn", true),
    ("mn", true),
    ("tn", true),
    ("B", true),
];

/// Currencies written before a number in a Chinese translation.
const CJK_PREFIXES: [&str; 8] = ["US$", "NT$", "$", "美元", "人民幣", "人民币", "新台幣", "新臺幣"];

/// Currency words after a number in a Chinese translation, longest first where one
/// begins another (`人民幣元` before `人民幣`).
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

/// The first English number starting at or after `pos`.
pub(super) fn next_english(text: &str, pos: usize) -> Option<EnglishParts<'_>> {
    let bytes = text.as_bytes();
    let digit = first_digit(bytes, pos)?;
    let num_start = if digit > pos && bytes[digit - 1] == b'.' {
        digit - 1
    } else {
        digit
    };
    let num = num_start..num_start + number_len(number_window(bytes, num_start), true)?;
    let cur_start = currency_before(text, pos, num_start);
    let (suffix, end) = english_suffix(text, num.end);
    Some(EnglishParts {
        whole: cur_start.unwrap_or(num_start)..end,
        cur: cur_start.map(|s| &text[s..num_start]),
        num,
        suffix,
    })
}

/// Where the currency written right before `at` starts (not before `pos`): the one that
/// starts first, as the leftmost match would.
fn currency_before(text: &str, pos: usize, at: usize) -> Option<usize> {
    let before = &text[pos..at];
    // Most numbers follow a space after a lowercase word, or `$`: rule out all but a
    // symbol or a code (`RMB`, `RMB `) before trying each currency.
    let mut back = before.chars().rev();
    let last = back.next().filter(|c| !c.is_whitespace()).or_else(|| back.next())?;
    if !(last.is_ascii_uppercase() || matches!(last, '$' | '€' | '£' | '¥')) {
        return None;
    }
    let bytes = text.as_bytes();
    let starts_word = |s: usize| s == 0 || !is_word_byte(bytes[s - 1]);
    ENGLISH_CURRENCIES
        .iter()
        .filter_map(|code| {
            if !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return before.ends_with(code).then(|| at - code.len());
            }
            let spaced = before
                .chars()
                .next_back()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8);
            [spaced, 0]
                .into_iter()
                .find(|&space| before[..before.len() - space].ends_with(code))
                .map(|space| at - space - code.len())
                .filter(|&s| starts_word(s))
        })
        .min()
}

/// How long a suffix at the start of a text is, if it is there.
type SuffixLen = fn(&str) -> Option<usize>;

/// The word after an English number at `at` and where the number ends, trying the
/// grammar's suffixes in order: percent, basis points, percentage points, cents, times,
/// scale. A space before the word belongs to the number.
fn english_suffix(text: &str, at: usize) -> (Option<(Suffix, &str)>, usize) {
    let rest = &text[at..];
    let space = rest
        .chars()
        .next()
        .filter(|c| c.is_whitespace())
        .map_or(0, char::len_utf8);
    let dash = usize::from(rest.starts_with('-'));
    // `\s?` is greedy: with the space first, then without.
    let optional_space = [Some(space).filter(|s| *s > 0), Some(0)];
    let tries: [(Suffix, &[Option<usize>], SuffixLen); 7] = [
        (Suffix::Percent, &optional_space, percent_len),
        (Suffix::BasisPoints, &optional_space, basis_points_len),
        (Suffix::Points, &[Some(space).filter(|s| *s > 0)], points_len),
        (Suffix::Cents, &optional_space, cents_len),
        (Suffix::Times, &[Some(0)], |r| word_len(r, "x")),
        (Suffix::Times, &optional_space, |r| word_len(r, "times")),
        (
            Suffix::Scale,
            &[
                Some(space).filter(|s| *s > 0).or(Some(dash).filter(|d| *d > 0)),
                Some(0),
            ],
            scale_len,
        ),
    ];
    for (kind, leads, len_of) in tries {
        for lead in leads.iter().flatten() {
            let body = &rest[*lead..];
            // Most numbers are followed by no suffix: the first byte rules out every try.
            if !may_start_suffix(body) {
                continue;
            }
            if let Some(len) = len_of(body) {
                return (Some((kind, &body[..len])), at + lead + len);
            }
        }
    }
    (None, at)
}

/// Whether `body` starts with a byte some suffix starts with: `%`, `¢` (0xC2), or the
/// first letter of a suffix word (`percent`, `points`, `bps`, `cents`, `x`, `times`,
/// [`SCALES`], `M`, `K`).
fn may_start_suffix(body: &str) -> bool {
    matches!(
        body.as_bytes().first(),
        Some(b'%' | b'p' | b'b' | b'c' | b'x' | b't' | b'm' | b'B' | b'M' | b'K' | 0xC2)
    )
}

/// `%`, `percent`, `per cent`.
fn percent_len(r: &str) -> Option<usize> {
    if r.starts_with('%') {
        return Some(1);
    }
    word_len(r, "percent").or_else(|| word_len(r, "per cent"))
}

/// `basis points`, `basis-point`, `bps`, `bp`.
fn basis_points_len(r: &str) -> Option<usize> {
    let long = r.strip_prefix("basis").and_then(|after| {
        let joint = after.chars().next().filter(|c| c.is_whitespace() || *c == '-')?;
        let at = "basis".len() + joint.len_utf8();
        point_len(&r[at..]).map(|len| at + len)
    });
    long.or_else(|| word_len(r, "bps")).or_else(|| word_len(r, "bp"))
}

/// `percentage points`, `points`, `pts`, `ppts`, `ppt`.
fn points_len(r: &str) -> Option<usize> {
    let long = r.strip_prefix("percentage").and_then(|after| {
        let spaces = after.len() - after.trim_start().len();
        let at = "percentage".len() + spaces;
        (spaces > 0).then(|| point_len(&r[at..]).map(|len| at + len)).flatten()
    });
    long.or_else(|| point_len(r))
        .or_else(|| word_len(r, "pts"))
        .or_else(|| word_len(r, "ppts"))
        .or_else(|| word_len(r, "ppt"))
}

/// `points` or `point`, a whole word.
fn point_len(r: &str) -> Option<usize> {
    word_len(r, "points").or_else(|| word_len(r, "point"))
}

/// `cents`, `cent`, `¢`.
fn cents_len(r: &str) -> Option<usize> {
    if r.starts_with('¢') {
        return Some('¢'.len_utf8());
    }
    word_len(r, "cents").or_else(|| word_len(r, "cent"))
}

/// A scale word ([`SCALES`], or `M` or `K` as a word).
fn scale_len(r: &str) -> Option<usize> {
    SCALES.iter().chain(&[("M", true), ("K", true)]).find_map(|(w, whole)| {
        if *whole {
            word_len(r, w)
        } else {
            r.starts_with(w).then_some(w.len())
        }
    })
}

/// The length of `word` when `r` starts with it as a whole word (no ASCII letter, digit
/// or underscore after it).
fn word_len(r: &str, word: &str) -> Option<usize> {
    (r.starts_with(word) && !r.as_bytes().get(word.len()).is_some_and(|b| is_word_byte(*b))).then_some(word.len())
}

/// An ASCII word byte, as the regex `(?-u:\b)` counts them.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The first number of a Chinese translation starting at or after `pos`.
pub(super) fn next_cjk(text: &str, pos: usize) -> Option<CjkParts<'_>> {
    let bytes = text.as_bytes();
    let digit = first_digit(bytes, pos)?;
    // Backwards: spaces, `百分之` and its spaces, a currency; each only widens the match.
    let mut start = back_over_spaces(text, pos, digit);
    let pct_word = text[pos..start].ends_with("百分之");
    if pct_word {
        start = back_over_spaces(text, pos, start - "百分之".len());
    }
    let pre = CJK_PREFIXES
        .iter()
        .filter(|p| text[pos..start].ends_with(*p))
        .max_by_key(|p| p.len())
        .map(|p| &text[start - p.len()..start]);
    start -= pre.map_or(0, str::len);
    let num = digit..digit + number_len(number_window(bytes, digit), false)?;
    // Forwards: spaces, a multiplier, spaces, a currency, percent, basis points or scale.
    let mut end = skip_spaces(text, num.end);
    let mult = CJK_MULTIPLIERS
        .iter()
        .find(|m| text[end..].starts_with(*m))
        .map(|m| &text[end..end + m.len()]);
    end = skip_spaces(text, end + mult.map_or(0, str::len));
    let rest = &text[end..];
    let suffix = CJK_CURRENCIES
        .iter()
        .map(|w| (CjkSuffix::Currency, *w))
        .chain(["%", "％"].map(|w| (CjkSuffix::Percent, w)))
        .chain(["個基點", "个基点", "基點", "基点"].map(|w| (CjkSuffix::BasisPoints, w)))
        .chain(["trillion", "billion", "million", "thousand"].map(|w| (CjkSuffix::Scale, w)))
        .find(|(_, w)| rest.starts_with(w))
        .map(|(kind, w)| (kind, &rest[..w.len()]));
    end += suffix.map_or(0, |(_, w)| w.len());
    Some(CjkParts {
        whole: start..end,
        pre,
        pct_word,
        num,
        mult,
        suffix,
    })
}

/// The first ASCII digit at or after `from`. Most of a text is not digits: it is skipped
/// 32 bytes at a time, with a test the compiler turns into vector instructions (a byte
/// at a time, this scan cost as much as reading the numbers).
pub(super) fn first_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut skipped = 0;
    for chunk in rest.chunks_exact(32) {
        if chunk.iter().fold(false, |any, b| any | b.is_ascii_digit()) {
            break;
        }
        skipped += 32;
    }
    let at = rest[skipped..].iter().position(u8::is_ascii_digit)?;
    Some(from + skipped + at)
}

/// `at` moved back over the spaces right before it, not before `pos`.
fn back_over_spaces(text: &str, pos: usize, at: usize) -> usize {
    let kept = text[pos..at].trim_end_matches(char::is_whitespace).len();
    pos + kept
}

/// `at` moved past the spaces that follow it.
fn skip_spaces(text: &str, at: usize) -> usize {
    text.len() - text[at..].trim_start().len()
}

/// The longest number the grammar reads: three digits, twelve groups of `,ddd`, a point
/// and 24 decimals.
const MAX_NUMBER_BYTES: usize = 3 + 12 * 4 + 1 + 24;

/// The bytes from `at` a number can span: reading a number never looks further, however
/// long the run of digits (a line of a million digits is read 24 at a time).
fn number_window(bytes: &[u8], at: usize) -> &[u8] {
    &bytes[at..bytes.len().min(at + MAX_NUMBER_BYTES)]
}

/// How many of the bytes at the start of `s` the grammar's number takes: digits grouped
/// by commas (`1,234,567.89`, at most twelve groups), else a run of at most 24 digits with
/// decimals, else (when `point_first`) a point and decimals (`.5`). Greedy. At most 24
/// digits: no figure has more, and the pieces of a longer run are glued to the digits
/// before them and read as nothing.
fn number_len(s: &[u8], point_first: bool) -> Option<usize> {
    let digits_at = |at: usize, max: usize| {
        s.get(at..)
            .map_or(0, |r| r.iter().take(max).take_while(|b| b.is_ascii_digit()).count())
    };
    let group_at = |at: usize| s.get(at) == Some(&b',') && digits_at(at + 1, 3) == 3;
    // Past 24 digits the count need not go on (see `number_window`).
    let lead = digits_at(0, 25);
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
