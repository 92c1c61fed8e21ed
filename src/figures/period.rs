//! Periods: the call's own fiscal quarter, whether its fiscal year is the calendar one,
//! and the period phrases of a sentence (`third quarter of fiscal 2021`, `4Q19`, `full
//! year`, `trailing twelve months`) resolved against it.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Serialize, Serializer};

use crate::figures::lexicon::ends_with_word;

/// The stretch of time a figure covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// A quarter: `Q1 2024`, or `Q3 FY2018` when the fiscal year is not the calendar one.
    Quarter {
        /// The (fiscal) year, when known.
        year: Option<i32>,
        /// 1 to 4.
        quarter: u8,
        /// A fiscal quarter of a year that is not the calendar year.
        fiscal: bool,
    },
    /// A half year.
    Half {
        /// The year, when known.
        year: Option<i32>,
        /// 1 or 2.
        half: u8,
        /// Fiscal rather than calendar.
        fiscal: bool,
    },
    /// The first nine months of a year.
    NineMonths {
        /// The year, when known.
        year: Option<i32>,
        /// Fiscal rather than calendar.
        fiscal: bool,
    },
    /// A whole year.
    Year {
        /// The year, when known.
        year: Option<i32>,
        /// Fiscal rather than calendar.
        fiscal: bool,
    },
    /// The year so far.
    YearToDate {
        /// The year, when known.
        year: Option<i32>,
        /// Fiscal rather than calendar.
        fiscal: bool,
    },
    /// The trailing twelve months.
    Ttm,
    /// An earlier period the text compares with but does not name (`up from $3 million`).
    Earlier,
    /// The call's own quarter when the call does not say which it is.
    Current,
}

impl Period {
    /// The machine key published in JSON: `2024-Q1`, `FY2018-Q3`, `2024`, `FY2024`,
    /// `2024-H1`, `2024-9M`, `2024-YTD`, `TTM`, `earlier`, `current`.
    pub fn key(&self) -> String {
        let year = |y: &Option<i32>, fiscal: bool| match (y, fiscal) {
            (Some(y), true) => format!("FY{y}"),
            (Some(y), false) => y.to_string(),
            (None, true) => "FY".to_string(),
            (None, false) => String::new(),
        };
        let joined = |y: String, part: String| {
            if y.is_empty() { part } else { format!("{y}-{part}") }
        };
        match self {
            Period::Quarter {
                year: y,
                quarter,
                fiscal,
            } => joined(year(y, *fiscal), format!("Q{quarter}")),
            Period::Half { year: y, half, fiscal } => joined(year(y, *fiscal), format!("H{half}")),
            Period::NineMonths { year: y, fiscal } => joined(year(y, *fiscal), "9M".into()),
            Period::YearToDate { year: y, fiscal } => joined(year(y, *fiscal), "YTD".into()),
            Period::Year { year: y, fiscal } => {
                let y = year(y, *fiscal);
                if y.is_empty() { "year".into() } else { y }
            }
            Period::Ttm => "TTM".into(),
            Period::Earlier => "earlier".into(),
            Period::Current => "current".into(),
        }
    }

    /// How a table shows it: `Q1 2024`, `Q3 FY2018`, `FY2024`, `H1 2024`, `TTM`.
    pub fn label(&self) -> String {
        let year = |y: &Option<i32>, fiscal: bool| match (y, fiscal) {
            (Some(y), true) => format!(" FY{y}"),
            (Some(y), false) => format!(" {y}"),
            (None, _) => String::new(),
        };
        match self {
            Period::Quarter {
                year: y,
                quarter,
                fiscal,
            } => format!("Q{quarter}{}", year(y, *fiscal)),
            Period::Half { year: y, half, fiscal } => format!("H{half}{}", year(y, *fiscal)),
            Period::NineMonths { year: y, fiscal } => format!("9M{}", year(y, *fiscal)),
            Period::YearToDate { year: y, fiscal } => format!("YTD{}", year(y, *fiscal)),
            Period::Year { year: y, fiscal } => match (y, fiscal) {
                (Some(y), true) => format!("FY{y}"),
                (Some(y), false) => y.to_string(),
                (None, _) => "Full year".into(),
            },
            Period::Ttm => "TTM".into(),
            Period::Earlier => "Earlier".into(),
            Period::Current => "This quarter".into(),
        }
    }

    /// The year the period falls in, when known.
    pub fn year(&self) -> Option<i32> {
        match self {
            Period::Quarter { year, .. }
            | Period::Half { year, .. }
            | Period::NineMonths { year, .. }
            | Period::Year { year, .. }
            | Period::YearToDate { year, .. } => *year,
            Period::Ttm | Period::Earlier | Period::Current => None,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

/// The call's own fiscal quarter, against which the periods of its sentences resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallPeriod {
    /// Fiscal year.
    pub year: Option<i32>,
    /// Fiscal quarter.
    pub quarter: Option<u8>,
    /// The company's fiscal year is not the calendar year.
    pub fiscal: bool,
    /// The calendar year the call was held in (`last year` is the year before it).
    pub speaking_year: Option<i32>,
}

impl CallPeriod {
    /// The call's period from its metadata: a fiscal quarter that is neither of the two
    /// calendar quarters ended last before the call date belongs to a fiscal year that is
    /// not the calendar one (Microsoft's fiscal Q3 2018 was reported in April 2018).
    /// Without a date, `speaks_fiscal` (the call names its periods `fiscal 2021`, `FY22`)
    /// decides.
    ///
    /// A call that does not say which quarter it reports, but has a date, reports the
    /// calendar quarter that ended last before it.
    pub fn new(year: Option<i32>, quarter: Option<u8>, date: Option<&str>, speaks_fiscal: bool) -> CallPeriod {
        let held = date.and_then(year_month);
        let last_ended = held.map(|(cy, month)| {
            if month <= 3 {
                (cy - 1, 4)
            } else {
                (cy, (month as u8 - 1) / 3)
            }
        });
        let (year, quarter) = match (year, quarter, last_ended) {
            (None, None, Some((y, q))) => (Some(y), Some(q)),
            _ => (year, quarter),
        };
        let fiscal = match (year, quarter, last_ended) {
            (Some(y), Some(q), Some(last)) => {
                let before = if last.1 == 1 {
                    (last.0 - 1, 4)
                } else {
                    (last.0, last.1 - 1)
                };
                (y, q) != last && (y, q) != before
            }
            _ => speaks_fiscal,
        };
        CallPeriod {
            year,
            quarter,
            fiscal,
            speaking_year: held.map(|(y, _)| y).or(year),
        }
    }

    /// The call's own quarter.
    pub fn current(&self) -> Period {
        match self.quarter {
            Some(q) => Period::Quarter {
                year: self.year,
                quarter: q,
                fiscal: self.fiscal,
            },
            None => Period::Current,
        }
    }

    /// What a result dated with a period under way at the call covers: the call's own,
    /// unended year is the year so far (the quarter itself on a first-quarter call); a
    /// year to date is itself. `None` for a period still to come.
    pub fn so_far(&self, p: Period) -> Option<Period> {
        match p {
            Period::Year { year, fiscal } if year.is_some() && year == self.year => match self.quarter {
                Some(1) => Some(self.current()),
                Some(_) => Some(Period::YearToDate { year, fiscal }),
                None => None,
            },
            Period::YearToDate { .. } => Some(p),
            _ => None,
        }
    }

    /// The quarter after the call's.
    pub fn next_quarter(&self) -> Period {
        self.shifted(1)
    }

    /// The quarter before the call's.
    pub fn previous_quarter(&self) -> Period {
        self.shifted(-1)
    }

    /// The call's quarter a year earlier.
    pub fn year_ago_quarter(&self) -> Period {
        self.shifted(-4)
    }

    fn shifted(&self, by: i32) -> Period {
        let Some(q) = self.quarter else {
            return if by < 0 { Period::Earlier } else { Period::Current };
        };
        let index = i32::from(q) - 1 + by;
        Period::Quarter {
            year: self.year.map(|y| y + index.div_euclid(4)),
            quarter: (index.rem_euclid(4) + 1) as u8,
            fiscal: self.fiscal,
        }
    }

    /// The call's own (fiscal) year.
    pub fn this_year(&self) -> Period {
        Period::Year {
            year: self.year,
            fiscal: self.fiscal,
        }
    }

    /// True for the year a fourth-quarter call ends: the period of a passage about the
    /// whole year.
    pub fn is_own_year(&self, p: &Period) -> bool {
        matches!(p, Period::Year { .. }) && self.is_own(p)
    }

    /// True for periods a headline reports as results of this call: its quarter, its
    /// trailing twelve months and, on a fourth-quarter call, its year. (Year-to-date and
    /// half-year totals are the call's too, but readers do not lead with them.)
    pub fn is_own(&self, p: &Period) -> bool {
        match p {
            Period::Current | Period::Ttm => true,
            Period::Quarter { year, quarter, .. } => Some(*quarter) == self.quarter && *year == self.year,
            Period::Year { year, .. } => self.quarter == Some(4) && *year == self.year,
            Period::YearToDate { .. } | Period::NineMonths { .. } | Period::Half { .. } | Period::Earlier => false,
        }
    }

    /// True for a period after the call's own quarter.
    pub fn is_future(&self, p: &Period) -> bool {
        let (Some(cy), Some(cq)) = (self.year, self.quarter) else {
            return !matches!(p, Period::Earlier);
        };
        match p {
            Period::Quarter {
                year: Some(y), quarter, ..
            } => (*y, *quarter) > (cy, cq),
            Period::Half {
                year: Some(y), half, ..
            } => (*y, *half * 2) > (cy, cq),
            Period::Year { year: Some(y), .. } => *y > cy || (*y == cy && cq < 4),
            // Nine months end with the third quarter; the year so far ends now.
            Period::NineMonths { year: Some(y), .. } => (*y, 3) > (cy, cq),
            Period::YearToDate { year: Some(y), .. } => *y > cy,
            Period::Earlier | Period::Ttm | Period::Current => false,
            _ => true,
        }
    }
}

static FISCAL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:fiscal[\s-]+(?:year[\s-]+)?'?\d{2}(?:\d{2})?|FY\s?'?\d{2}(?:\d{2})?|fiscal\s+(?:first|second|third|fourth)\s+quarter|quarter\s+of\s+(?:the\s+)?fiscal)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// True when `text` names a period as fiscal (`fiscal 2021`, `FY22`, `third quarter of
/// fiscal`).
pub fn speaks_fiscal(text: &str) -> bool {
    (text.contains("iscal") || text.contains("FY")) && FISCAL_RE.is_match(text)
}

fn year_month(date: &str) -> Option<(i32, u32)> {
    let mut parts = date.split('-');
    let y = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    (1..=12).contains(&m).then_some((y, m))
}

/// Which way a period phrase points from the call, when it says so itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// `next quarter`, `next year`.
    Next,
    /// `last year`, `prior quarter`, `year-ago`.
    Prior,
}

/// What a period phrase names, before it is resolved against the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    Quarter(u8),
    Half(u8),
    NineMonths,
    YearToDate,
    Ttm,
    Year,
    /// `this quarter`, `next quarter`, `prior quarter` (with [`Relative`]).
    RelativeQuarter,
}

/// A period phrase found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodPhrase {
    /// Byte offset in the sentence.
    pub start: usize,
    /// Byte offset after it.
    pub end: usize,
    span: Span,
    year: Option<i32>,
    /// `Some(true)` for `fiscal`/`FY`, `Some(false)` for `calendar`.
    fiscal: Option<bool>,
    /// Which way it points, when it says so.
    pub relative: Option<Relative>,
}

static PERIOD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?P<ttm>(?-u:\b)(?:trailing[\s-]+(?:12|twelve)[\s-]+months?|trailing[\s-]+(?:12|twelve)[\s-]month|ttm|ltm|last\s+(?:12|twelve)[\s-]+months|(?:12|twelve)[\s-]+months?\s+end(?:ed|ing)))(?-u:\b)
      | (?P<ytd>(?-u:\b)(?:year[\s-]to[\s-]date|ytd))(?-u:\b)
      | (?P<nine>(?-u:\b)(?:(?:first\s+)?nine[\s-]+months?|9[\s-]+months|first\s+three\s+quarters))(?-u:\b)
      | (?P<six>(?-u:\b)(?:(?:first\s+)?six[\s-]+months?|6[\s-]+months))(?-u:\b)
      | (?P<halfw>(?-u:\b)(?:first|second|back|1st|2nd|front)[\s-]+half)(?-u:\b)
      | (?-u:\b)(?P<halfy>[12])H(?P<halfyy>\d{2})?(?-u:\b)
      | (?-u:\b)H(?P<halfn>[12])(?-u:\b)
      | (?P<ordq>(?-u:\b)(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter)(?-u:\b)
      | (?-u:\b)(?:F?Q(?P<qn>[1-4])|(?P<qn2>[1-4])Q)(?:\s?(?:FY\s?)?'?(?P<qy>\d{4}|\d{2}))?(?-u:\b)
      | (?P<nextq>(?-u:\b)(?:next|coming|following|upcoming)\s+(?:fiscal\s+)?quarter)(?-u:\b)
      | (?P<thisq>(?-u:\b)(?:(?:this|the|current)\s+quarter|(?:three|3)[\s-]+months?\s+end(?:ed|ing)|(?:the\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+quarter))(?-u:\b)
      | (?P<priorq>(?-u:\b)(?:prior|last|previous|preceding|linked)[\s-]+quarter)(?-u:\b)
      | (?P<nexty>(?-u:\b)next\s+(?:fiscal\s+)?year)(?-u:\b)
      | (?P<priory>(?-u:\b)(?:last|prior|previous)[\s-]+(?:fiscal\s+)?year|(?-u:\b)(?:a\s+)?year[\s-]ago|(?-u:\b)year[\s-]earlier)(?-u:\b)
      | (?P<fyw>(?-u:\b)(?:FY|fiscal(?:[\s-]+year)?|calendar(?:[\s-]+year)?))\s?'?(?P<fyy>\d{4}|\d{2})(?-u:\b)
      | (?P<fullw>(?-u:\b)full[\s-]+(?:fiscal[\s-]+)?year)\s+(?:'(?P<fully2>\d{2})|(?P<fully>\d{4}))(?-u:\b)
      | (?P<fullyear>(?-u:\b)(?:full[\s-]+(?:fiscal[\s-]+)?year|fiscal\s+year|calendar\s+year|for\s+the\s+year|the\s+year|this\s+year|whole\s+year|entire\s+year|annual|(?:another|an?)\s+(?:very\s+|truly\s+|really\s+)?(?:record|strong|great|solid|exceptional|excellent|successful|remarkable|outstanding|challenging|difficult|tough|good|transformational|transformative|pivotal|historic|unprecedented|productive)\s+year))(?-u:\b)
      | (?-u:\b)(?P<bare>(?:19|20)\d{2})(?-u:\b)(?:'s)?
        ",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Whether a lower-case word is a month's name.
pub(crate) fn is_month(lower: &str) -> bool {
    crate::content::frontmatter::MONTHS.contains(&lower)
}

static MONTH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?$",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// The period phrases of `text`, adjacent parts joined (`third quarter` + `of fiscal
/// 2021`; `2021` + `fourth quarter`). Calendar dates (`December 31, 2020`) are not periods.
pub fn phrases(text: &str) -> Vec<PeriodPhrase> {
    let mut out: Vec<PeriodPhrase> = Vec::new();
    for c in PERIOD_RE.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let Some(mut phrase) = phrase_of(&c, whole.start(), whole.end()) else {
            continue;
        };
        if c.name("bare").is_some() && MONTH_BEFORE.is_match(&text[..whole.start()]) {
            continue; // a date, not a period
        }
        if c.name("fullyear").is_some()
            && let Some(opener) = opens_the_year(&text[..whole.start()])
        {
            // `since the beginning of the year`, `up $800 million from the start of the
            // year`: the year so far.
            let head = text[..opener].trim_end();
            let head = ["the", "our"]
                .iter()
                .find_map(|w| head.strip_suffix(w).filter(|h| h.is_empty() || h.ends_with(' ')))
                .map_or(head, str::trim_end);
            let Some(word) = ["since", "from"].into_iter().find(|w| ends_with_word(head, w)) else {
                continue;
            };
            // The phrase takes its `since`: no comparison word stands before it.
            phrase.span = Span::YearToDate;
            phrase.start = head.len() - word.len();
        }
        // `the year 2025`: the year it names (only right after it: `an exceptional year
        // in 2020` may be another year than the one it praises).
        if let Some(last) = out.last_mut()
            && last.span == Span::Year
            && last.year.is_none()
            && last.relative.is_none()
            && phrase.span == Span::Year
            && phrase.year.is_some()
            && text[last.end..phrase.start].trim().is_empty()
        {
            last.year = phrase.year;
            last.end = phrase.end;
            continue;
        }
        // `this year's third quarter`: the quarter of the year the call speaks of, as
        // the quarter alone would resolve (a year phrase without a year or a relative
        // word has nothing else to give it).
        if let Some(last) = out.last_mut()
            && last.span == Span::Year
            && last.year.is_none()
            && last.relative.is_none()
            && is_part(phrase.span)
            && phrase.year.is_none()
            && matches!(text[last.end..phrase.start].trim(), "'s" | "’s")
        {
            *last = PeriodPhrase {
                start: last.start,
                fiscal: last.fiscal.or(phrase.fiscal),
                ..phrase
            };
            continue;
        }
        if let Some(last) = out.last_mut()
            && joins(&text[last.end..phrase.start])
            && let Some(joined) = join(last, &phrase)
        {
            *last = joined;
            continue;
        }
        if phrase.fiscal.is_none() && ends_with_word(&text[..phrase.start], "fiscal") {
            phrase.fiscal = Some(true);
        }
        out.push(phrase);
    }
    out
}

/// `a strong start to the year`, `the beginning of the year`, `early in the year`: the
/// first months, not the whole year (a Q1 call's `Looking at our strong start to the
/// year` had dated the quarter's results that followed as the year's).
/// Returns where those words start in `before`, the text before the year's phrase.
fn opens_the_year(before: &str) -> Option<usize> {
    let trimmed = before.trim_end();
    [
        "start to",
        "start of",
        "beginning of",
        "early in",
        "early part of",
        "first part of",
    ]
    .iter()
    .find_map(|w| {
        let at = trimmed.len().checked_sub(w.len())?;
        let whole_word = trimmed.is_char_boundary(at)
            && trimmed[at..].eq_ignore_ascii_case(w)
            && trimmed[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        whole_word.then_some(at)
    })
}

/// The words that may stand between two parts of one period (`third quarter of fiscal
/// year 2021`, `2021, fourth quarter`).
fn joins(gap: &str) -> bool {
    gap.split(|c: char| c.is_whitespace() || c == ',' || c == '\'')
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "of" | "the" | "fiscal" | "year" | "in" | "for" | "s" | "our"
            )
        })
        && gap.len() <= 24
}

fn join(a: &PeriodPhrase, b: &PeriodPhrase) -> Option<PeriodPhrase> {
    let fiscal = a.fiscal.or(b.fiscal);
    let (part, year, relative) = match (a.span, b.span) {
        (Span::Year, part) if is_part(part) && b.year.is_none() => (part, a.year, a.relative),
        (part, Span::Year) if is_part(part) && a.year.is_none() => (part, b.year, b.relative),
        _ => return None,
    };
    if year.is_none() && relative.is_none() {
        return None;
    }
    Some(PeriodPhrase {
        start: a.start,
        end: b.end,
        span: part,
        year,
        fiscal,
        relative,
    })
}

fn is_part(span: Span) -> bool {
    matches!(
        span,
        Span::Quarter(_) | Span::Half(_) | Span::NineMonths | Span::YearToDate
    )
}

fn two_digit_year(text: &str) -> Option<i32> {
    let n: i32 = text.parse().ok()?;
    Some(if text.len() == 2 { 2000 + n } else { n })
}

fn phrase_of(c: &regex::Captures<'_>, start: usize, end: usize) -> Option<PeriodPhrase> {
    let mut p = PeriodPhrase {
        start,
        end,
        span: Span::Year,
        year: None,
        fiscal: None,
        relative: None,
    };
    let lower = c.get(0)?.as_str().to_ascii_lowercase();
    if c.name("ttm").is_some() {
        p.span = Span::Ttm;
    } else if c.name("ytd").is_some() {
        p.span = Span::YearToDate;
    } else if c.name("nine").is_some() {
        p.span = Span::NineMonths;
    } else if c.name("six").is_some() {
        p.span = Span::Half(1);
    } else if c.name("halfw").is_some() {
        p.span = Span::Half(
            if lower.starts_with("first") || lower.starts_with("1st") || lower.starts_with("front") {
                1
            } else {
                2
            },
        );
    } else if let Some(h) = c.name("halfy").or_else(|| c.name("halfn")) {
        p.span = Span::Half(h.as_str().parse().ok()?);
        p.year = c.name("halfyy").and_then(|y| two_digit_year(y.as_str()));
    } else if c.name("ordq").is_some() {
        p.span = Span::Quarter(ordinal(&lower)?);
        if lower.contains("fiscal") {
            p.fiscal = Some(true);
        }
    } else if let Some(q) = c.name("qn").or_else(|| c.name("qn2")) {
        p.span = Span::Quarter(q.as_str().parse().ok()?);
        p.year = c.name("qy").and_then(|y| two_digit_year(y.as_str()));
        if lower.contains("fy") {
            p.fiscal = Some(true);
        }
    } else if c.name("nextq").is_some() {
        p.span = Span::RelativeQuarter;
        p.relative = Some(Relative::Next);
    } else if c.name("thisq").is_some() {
        p.span = Span::RelativeQuarter;
    } else if c.name("priorq").is_some() {
        p.span = Span::RelativeQuarter;
        p.relative = Some(Relative::Prior);
    } else if c.name("nexty").is_some() {
        p.relative = Some(Relative::Next);
    } else if c.name("priory").is_some() {
        p.relative = Some(Relative::Prior);
    } else if let Some(y) = c.name("fully").or_else(|| c.name("fully2")) {
        // `full year 2022` says the year, not whether it is the fiscal one.
        p.year = two_digit_year(y.as_str());
        p.fiscal = lower.contains("fiscal").then_some(true);
    } else if let Some(y) = c.name("fyy") {
        p.year = two_digit_year(y.as_str());
        p.fiscal = Some(!lower.starts_with("calendar"));
    } else if c.name("fullyear").is_some() {
        if lower.contains("fiscal") {
            p.fiscal = Some(true);
        } else if lower.contains("calendar") {
            p.fiscal = Some(false);
        }
    } else if let Some(y) = c.name("bare") {
        p.year = y.as_str().parse().ok();
    }
    Some(p)
}

fn ordinal(text: &str) -> Option<u8> {
    Some(match text.split([' ', '-', '\t', '\n']).next()? {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

impl PeriodPhrase {
    /// The quarter a phrase names without saying its year (`first quarter`, `Q3`).
    pub fn quarter_without_year(&self) -> Option<u8> {
        match self.span {
            Span::Quarter(q) if self.year.is_none() && self.relative.is_none() => Some(q),
            _ => None,
        }
    }

    /// True when the phrase says its year (`2022`, `FY '22`, `fourth quarter of 2021`).
    pub fn says_year(&self) -> bool {
        self.year.is_some()
    }

    /// The year of a bare year phrase (`2019`), else none.
    pub fn bare_year(&self) -> Option<i32> {
        self.year.filter(|_| self.is_bare_year())
    }

    /// True for a bare year (`2021`), which dates more often than it periods.
    pub fn is_bare_year(&self) -> bool {
        // `2022` or `2022's`, not `full year 2022`.
        self.span == Span::Year
            && self.year.is_some()
            && self.fiscal.is_none()
            && self.relative.is_none()
            && self.end - self.start <= "2022's".len()
    }

    /// The period, resolved against the call. `forward` is true in a forecast: a quarter
    /// named without a year is then the next such quarter, not the last.
    pub fn resolve(&self, call: &CallPeriod, forward: bool) -> Period {
        let fiscal = self.fiscal.unwrap_or(call.fiscal);
        let (cy, cq) = (call.year, call.quarter);
        let year = |explicit: Option<i32>, later: bool, earlier: bool| {
            explicit.or_else(|| {
                let y = cy?;
                // `last year` and `next year` count from the year the call is held in.
                let spoken = call.speaking_year.unwrap_or(y);
                Some(match self.relative {
                    Some(Relative::Prior) => spoken - 1,
                    Some(Relative::Next) => spoken + 1,
                    None if forward && later => y + 1,
                    None if !forward && earlier => y - 1,
                    None => y,
                })
            })
        };
        match self.span {
            Span::Quarter(q) => {
                let c = cq.unwrap_or(q);
                Period::Quarter {
                    year: year(self.year, q < c, q > c),
                    quarter: q,
                    fiscal,
                }
            }
            Span::Half(h) => {
                let c = cq.unwrap_or(h * 2);
                Period::Half {
                    year: year(self.year, h * 2 < c, h * 2 - 1 > c),
                    half: h,
                    fiscal,
                }
            }
            Span::NineMonths => Period::NineMonths {
                year: year(self.year, false, false),
                fiscal,
            },
            Span::YearToDate => Period::YearToDate {
                year: year(self.year, false, false),
                fiscal,
            },
            Span::Ttm => Period::Ttm,
            Span::Year => Period::Year {
                year: year(self.year, cq == Some(4), false),
                fiscal,
            },
            // In a forecast, `this quarter` or `the current quarter` is the one under
            // way, after the quarter the call reports.
            Span::RelativeQuarter => match self.relative {
                Some(Relative::Next) => call.next_quarter(),
                Some(Relative::Prior) => call.previous_quarter(),
                None if forward => call.next_quarter(),
                None => call.current(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q3_2021: CallPeriod = CallPeriod {
        year: Some(2021),
        quarter: Some(3),
        fiscal: false,
        speaking_year: Some(2021),
    };

    fn read(text: &str, forward: bool) -> Vec<String> {
        phrases(text)
            .iter()
            .map(|p| p.resolve(&Q3_2021, forward).key())
            .collect()
    }

    #[test]
    fn quarters_in_every_form() {
        assert_eq!(read("In the third quarter of 2020, sales rose", false), ["2020-Q3"]);
        assert_eq!(read("fourth quarter", true), ["2021-Q4"]);
        assert_eq!(read("fourth quarter", false), ["2020-Q4"], "a past fourth quarter");
        assert_eq!(read("first quarter", true), ["2022-Q1"], "the next first quarter");
        assert_eq!(
            read("4Q19 and Q2 2021 and Q1'22", false),
            ["2019-Q4", "2021-Q2", "2022-Q1"]
        );
        assert_eq!(read("fiscal 2021 third quarter", false), ["FY2021-Q3"]);
        assert_eq!(read("the third quarter of fiscal year 2021", false), ["FY2021-Q3"]);
        assert_eq!(read("next quarter", true), ["2021-Q4"]);
        assert_eq!(read("last year's fourth quarter", false), ["2020-Q4"]);
        assert_eq!(read("in this year's third quarter", false), ["2021-Q3"]);
        assert_eq!(read("the fourth quarter of last year", true), ["2020-Q4"]);
    }

    #[test]
    fn years_halves_and_running_totals() {
        assert_eq!(read("for the full year", true), ["2021"]);
        assert_eq!(read("fiscal '22", true), ["FY2022"]);
        assert_eq!(read("FY 2019", true), ["FY2019"]);
        assert_eq!(read("second half of 2021", true), ["2021-H2"]);
        assert_eq!(read("year-to-date", false), ["2021-YTD"]);
        assert_eq!(read("first nine months", false), ["2021-9M"]);
        assert_eq!(read("trailing twelve months", false), ["TTM"]);
        assert_eq!(read("next year", true), ["2022"]);
        assert_eq!(read("a year ago", false), ["2020"]);
        assert_eq!(read("we had another exceptional year", false), ["2021"]);
        assert_eq!(read("in a very difficult year", false), ["2021"]);
        assert!(read("$1 billion a year under a five-year plan", false).is_empty());
    }

    #[test]
    fn the_year_and_its_number_are_one_period() {
        assert_eq!(read("by the year 2025", true), ["2025"]);
        assert_eq!(
            read("this year and 2022", true),
            ["2021", "2022"],
            "two periods, not one"
        );
        assert_eq!(read("an exceptional year in 2020", false), ["2021", "2020"]);
    }

    #[test]
    fn the_start_of_a_year_is_not_the_year() {
        assert!(read("Looking at our strong start to the year.", false).is_empty());
        assert_eq!(read("since the beginning of the year", false), ["2021-YTD"]);
        assert_eq!(read("up $800 million from the start of the year", false), ["2021-YTD"]);
        assert!(read("early in the year", true).is_empty());
        assert_eq!(
            read("a restart of the year", false),
            ["2021"],
            "a word that ends in `start`"
        );
        assert_eq!(read("by the end of the year", true), ["2021"]);
    }

    #[test]
    fn dates_are_not_periods() {
        assert!(read("As of December 31, 2020, we held cash", false).is_empty());
        assert!(read("on March 5 2021", false).is_empty());
    }

    #[test]
    fn a_fiscal_year_is_told_from_the_call_date() {
        // Microsoft: fiscal Q3 2018 reported on 2018-04-26.
        assert!(CallPeriod::new(Some(2018), Some(3), Some("2018-04-26"), false).fiscal);
        // Amazon: calendar Q1 2024 reported on 2024-04-30.
        assert!(!CallPeriod::new(Some(2024), Some(1), Some("2024-04-30"), true).fiscal);
        // A late fourth-quarter call in April.
        assert!(!CallPeriod::new(Some(2020), Some(4), Some("2021-04-02"), false).fiscal);
        assert!(!CallPeriod::new(Some(2020), Some(4), None, false).fiscal);
        assert!(
            CallPeriod::new(Some(2020), Some(4), None, true).fiscal,
            "no date: the words decide"
        );
        assert!(speaks_fiscal("results for the third quarter of fiscal 2021"));
        assert!(speaks_fiscal("our FY22 outlook"));
        assert!(!speaks_fiscal("fiscal discipline matters"));
        let msft = CallPeriod::new(Some(2018), Some(3), Some("2018-04-26"), false);
        assert_eq!(msft.current().label(), "Q3 FY2018");
        assert_eq!(msft.next_quarter().key(), "FY2018-Q4");
        assert_eq!(
            CallPeriod::new(Some(2024), Some(1), None, false)
                .year_ago_quarter()
                .key(),
            "2023-Q1"
        );
        // MediaTek, 2026-03-11, no quarter given: it reports Q4 2025, and its `Q4 last
        // year` is that quarter.
        let mediatek = CallPeriod::new(None, None, Some("2026-03-11"), false);
        assert_eq!(mediatek.current().key(), "2025-Q4");
        assert_eq!(phrases("in Q4 last year")[0].resolve(&mediatek, false).key(), "2025-Q4");
    }

    #[test]
    fn own_and_future_periods() {
        assert!(Q3_2021.is_own(&Q3_2021.current()));
        assert!(
            !Q3_2021.is_own(&Q3_2021.this_year()),
            "a Q3 call does not report its year"
        );
        assert!(Q3_2021.is_future(&Q3_2021.next_quarter()));
        assert!(Q3_2021.is_future(&Q3_2021.this_year()));
        assert!(!Q3_2021.is_future(&Q3_2021.year_ago_quarter()));
    }
}
