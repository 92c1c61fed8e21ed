//! What a figure measures, read from the words around it: the metric (and segment),
//! whether it is an actual, a change or guidance, its direction and its period.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::figures::grammar::{Match, Unit};

/// Actual result, change, or forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A result for a period (`revenue was $143.3 billion`).
    Actual,
    /// A change against another period (`up 13%`, `an increase of $4.1 billion`).
    Change,
    /// A forecast (`we expect revenue between …`).
    Guidance,
}

/// Up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Increase.
    Up,
    /// Decrease.
    Down,
}

/// The reading of one figure in its sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Base metric key: `revenue`, `operating income`, …
    pub base: &'static str,
    /// Segment or line of business (`AWS`, `North America`), if the words name one.
    pub segment: Option<String>,
    /// Actual, change or guidance.
    pub kind: Kind,
    /// Stated direction.
    pub direction: Option<Direction>,
    /// `2024-Q1`, `2024-Q2`, `TTM`, `FY2023`, …
    pub period: String,
    /// The metric names a loss (`net loss of $4 million`): the value is negative.
    pub negative: bool,
}

/// Phrases naming a metric, longest first within each group; the last field marks losses.
const METRICS: &[(&str, &str, bool)] = &[
    ("income from operations", "operating income", false),
    ("operating income", "operating income", false),
    ("operating profit", "operating income", false),
    ("operating loss", "operating income", true),
    ("operating margins", "operating margin", false),
    ("operating margin", "operating margin", false),
    ("gross margins", "gross margin", false),
    ("gross margin", "gross margin", false),
    ("gross profit", "gross profit", false),
    ("net income", "net income", false),
    ("net earnings", "net income", false),
    ("net profit", "net income", false),
    ("net loss", "net income", true),
    ("earnings per share", "EPS", false),
    ("per diluted share", "EPS", false),
    ("per share", "EPS", false),
    ("eps", "EPS", false),
    ("free cash flow", "free cash flow", false),
    ("operating cash flow", "operating cash flow", false),
    ("cash flow from operations", "operating cash flow", false),
    ("capital expenditures", "capital expenditures", false),
    ("capital investments", "capital expenditures", false),
    ("capital spending", "capital expenditures", false),
    ("capex", "capital expenditures", false),
    ("adjusted ebitda", "adjusted EBITDA", false),
    ("ebitda", "EBITDA", false),
    ("revenue run rate", "revenue run rate", false),
    ("run rate", "revenue run rate", false),
    ("net revenues", "revenue", false),
    ("net revenue", "revenue", false),
    ("net sales", "revenue", false),
    ("revenues", "revenue", false),
    ("revenue", "revenue", false),
    ("top line", "revenue", false),
    ("sales", "revenue", false),
    ("backlog", "backlog", false),
];

/// Base metrics measured in percent (a percentage of any other metric is a change or a share).
pub fn is_ratio(base: &str) -> bool {
    base.ends_with("margin")
}

static METRIC_RE: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<String> = METRICS.iter().map(|(p, _, _)| regex::escape(p)).collect();
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", alternatives.join("|"))).expect("static regex")
});

/// A metric phrase found in text.
#[derive(Debug, Clone)]
struct MetricHit {
    start: usize,
    end: usize,
    base: &'static str,
    negative: bool,
}

impl MetricHit {
    /// The same hit with positions relative to `offset`.
    fn shifted(&self, offset: usize) -> MetricHit {
        MetricHit {
            start: self.start - offset,
            end: self.end - offset,
            ..self.clone()
        }
    }
}

fn metric_hits(text: &str) -> Vec<MetricHit> {
    METRIC_RE
        .find_iter(text)
        .filter_map(|m| {
            let lower = m.as_str().to_lowercase();
            METRICS
                .iter()
                .find(|(p, _, _)| *p == lower)
                .map(|&(_, base, negative)| MetricHit {
                    start: m.start(),
                    end: m.end(),
                    base,
                    negative,
                })
        })
        .collect()
}

/// Words that qualify a metric without naming a segment.
const GENERIC: &[&str] = &[
    "total",
    "worldwide",
    "consolidated",
    "overall",
    "reported",
    "gaap",
    "quarterly",
    "quarter",
    "first",
    "second",
    "third",
    "fourth",
    "year-over-year",
    "trailing",
    "12-month",
    "twelve-month",
    "annualized",
    "annual",
    "full-year",
    "full",
    "year",
    "company",
    "group",
    "record",
    "strong",
    "our",
    "the",
    "its",
    "their",
    "segment",
    "q1",
    "q2",
    "q3",
    "q4",
    "this",
    "that",
    "fiscal",
];

/// Words that end a segment name going leftwards.
const STOP: &[&str] = &[
    "in",
    "of",
    "for",
    "on",
    "at",
    "with",
    "from",
    "to",
    "by",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "saw",
    "see",
    "reported",
    "reporting",
    "grew",
    "increased",
    "a",
    "an",
    "and",
    "or",
    "as",
    "we",
    "while",
    "but",
    "so",
    "that",
    "which",
    "where",
    "when",
    "expect",
    "expected",
    "guidance",
    "delivered",
    "generated",
    "drove",
];

/// The segment named just before a metric phrase: `AWS operating income`,
/// `North America segment revenue`, `Software and services revenue`.
fn segment_before(text: &str, metric_start: usize) -> Option<String> {
    let clause = &text[..metric_start];
    let clause = clause.rsplit([',', ';', '.', ':', '(', ')']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().collect();
    let mut taken: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate().rev() {
        let lower = w.to_lowercase();
        let joins_capitalised = (lower == "and" || *w == "&")
            && i > 0
            && words[i - 1].chars().next().is_some_and(char::is_uppercase)
            && !taken.is_empty();
        if (STOP.contains(&lower.as_str()) && !joins_capitalised)
            || taken.len() >= 4
            || w.chars().any(|c| c.is_ascii_digit())
        {
            break;
        }
        taken.push(w);
    }
    taken.reverse();
    let kept: Vec<&str> = taken
        .iter()
        .copied()
        .skip_while(|w| GENERIC.contains(&w.to_lowercase().as_str()))
        .collect();
    let kept: Vec<&str> = kept
        .into_iter()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "segment" | "segment's"))
        .collect();
    if kept.is_empty() || kept.iter().all(|w| GENERIC.contains(&w.to_lowercase().as_str())) {
        return None;
    }
    Some(kept.join(" "))
}

static SEGMENT_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?-u:\b)(?:[Tt]he|[Oo]ur)\s+)?(?-u:\b)(?P<seg>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}|international|domestic)\s+segment(?-u:\b)|(?:Moving|Turning|Shifting|Switching|Now)\s+(?:on\s+)?to\s+(?P<seg2>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})[.,]",
    )
    .expect("static regex")
});

/// Segment names the call itself uses (`the North America segment`, `Moving to AWS.`).
pub fn segments_named(paragraphs: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let may_name = |t: &&&str| {
        ["segment", "Moving", "Turning", "Shifting", "Switching", "Now"]
            .iter()
            .any(|w| t.contains(w))
    };
    for text in paragraphs.iter().filter(may_name) {
        for c in SEGMENT_INTRO.captures_iter(text) {
            if let Some(seg) = c.name("seg").or_else(|| c.name("seg2")) {
                let seg = seg.as_str().trim().to_string();
                let generic = GENERIC.contains(&seg.to_lowercase().as_str()) || seg.eq_ignore_ascii_case("reportable");
                if !generic && !found.iter().any(|f| f.eq_ignore_ascii_case(&seg)) {
                    found.push(seg);
                }
            }
        }
    }
    found
}

/// Where a paragraph names the call's segments and where it says "worldwide", "total
/// company" and the like: built once per paragraph, so that finding the segment in force
/// at each figure is a binary search, not a scan of everything before it (a paragraph
/// with hundreds of figures would otherwise cost the square of its length).
struct SegmentIndex<'a> {
    known: &'a [String],
    /// Mentions sorted by end offset, each with the latest segment mention and the latest
    /// total mention (by start offset) among it and those before it.
    ends: Vec<usize>,
    latest_segment: Vec<Option<(usize, usize)>>,
    latest_total: Vec<Option<usize>>,
}

/// Words that mean "the whole company" and end a segment's context.
const TOTAL_WORDS: [&str; 4] = ["worldwide", "consolidated", "total company", "overall"];

impl<'a> SegmentIndex<'a> {
    /// Indexes `text` for the segments in `known` (matched case-insensitively, whole words).
    fn new(text: &str, known: &'a [String]) -> Self {
        let mut index = SegmentIndex {
            known,
            ends: Vec::new(),
            latest_segment: Vec::new(),
            latest_total: Vec::new(),
        };
        if known.is_empty() {
            return index;
        }
        let lower = text.to_ascii_lowercase();
        // (end, start, which segment; None for a total word)
        let mut mentions: Vec<(usize, usize, Option<usize>)> = Vec::new();
        for (k, seg) in known.iter().enumerate() {
            let seg = seg.to_ascii_lowercase();
            mentions.extend(word_starts(&lower, &seg).map(|i| (i + seg.len(), i, Some(k))));
        }
        for word in TOTAL_WORDS {
            mentions.extend(word_starts(&lower, word).map(|i| (i + word.len(), i, None)));
        }
        mentions.sort_unstable();
        let (mut segment, mut total): (Option<(usize, usize)>, Option<usize>) = (None, None);
        for (end, start, which) in mentions {
            match which {
                Some(k) if segment.is_none_or(|(s, _)| start > s) => segment = Some((start, k)),
                None if total.is_none_or(|t| start > t) => total = Some(start),
                _ => {}
            }
            index.ends.push(end);
            index.latest_segment.push(segment);
            index.latest_total.push(total);
        }
        index
    }

    /// The last known segment mentioned before byte `pos`, unless a total word ("worldwide",
    /// "consolidated", …) comes after it.
    fn segment_before(&self, pos: usize) -> Option<String> {
        let n = self.ends.partition_point(|&e| e <= pos);
        let (start, k) = self.latest_segment[..n].last().copied().flatten()?;
        let total = self.latest_total[n - 1];
        total.is_none_or(|t| t < start).then(|| self.known[k].clone())
    }
}

/// Byte offsets where `word` occurs in `hay` as a whole word.
fn word_starts<'h>(hay: &'h str, word: &'h str) -> impl Iterator<Item = usize> + 'h {
    hay.match_indices(word)
        .map(|(i, _)| i)
        .filter(move |&i| is_whole_word(hay, i, word.len()))
}

/// True when the `len` bytes at `start` of `hay` are not part of a longer word.
fn is_whole_word(hay: &str, start: usize, len: usize) -> bool {
    let before_ok = hay[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    let after_ok = hay[start + len..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
}

fn rfind_word(hay: &str, word: &str) -> Option<usize> {
    let mut end = hay.len();
    while let Some(i) = hay[..end].rfind(word) {
        if is_whole_word(hay, i, word.len()) {
            return Some(i);
        }
        end = i;
    }
    None
}

/// Words that start a new statement; a metric after one of them is not the figure's.
const JOINERS: &[&str] = &[
    "and", "or", "but", "was", "were", "is", "are", "while", "with", "as", "which", "that",
];

const UP_BEFORE: &[&str] = &[
    "up",
    "increase of",
    "increased",
    "increased by",
    "growth of",
    "grew",
    "grow",
    "growing",
    "rose",
    "improvement of",
    "improved",
    "expanded",
    "gain of",
    "higher by",
    "accelerated to",
    "growth accelerated to",
    "up approximately",
    "up about",
    "increased approximately",
];
const DOWN_BEFORE: &[&str] = &[
    "down",
    "decrease of",
    "decreased",
    "declined",
    "decline of",
    "fell",
    "dropped",
    "lower by",
    "contracted",
    "decelerated to",
    "down approximately",
];
const UP_AFTER: &[&str] = &[
    "increase",
    "growth",
    "improvement",
    "higher",
    "above",
    "more than",
    "tailwind",
    "year-over-year increase",
];
const DOWN_AFTER: &[&str] = &[
    "decrease",
    "decline",
    "lower",
    "below",
    "headwind",
    "less than",
    "reduction",
];
const CHANGE_AFTER: &[&str] = &[
    "year-over-year",
    "year over year",
    "yoy",
    "y/y",
    "sequentially",
    "quarter-over-quarter",
    "qoq",
];

/// The sentence-level facts every figure in it shares.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    /// The sentence.
    pub text: &'a str,
    /// Byte offset of the sentence in its paragraph.
    pub offset: usize,
}

/// Splits a paragraph into sentences (a stop followed by a space and a capital letter).
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'?' | b'!') && bytes.get(i + 1) == Some(&b' ') {
            let next = text[i + 2..].chars().next();
            let prev_is_initial = i >= 2 && bytes[i - 2] == b'.'
                || (i >= 1 && bytes[i - 1].is_ascii_uppercase() && (i < 2 || bytes[i - 2] == b' '));
            if next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '$') && !prev_is_initial {
                out.push(Sentence {
                    text: &text[start..=i],
                    offset: start,
                });
                start = i + 2;
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    if start < text.len() {
        out.push(Sentence {
            text: &text[start..],
            offset: start,
        });
    }
    out
}

/// The call's own fiscal quarter, for resolving periods.
#[derive(Debug, Clone, Copy)]
pub struct CallPeriod {
    /// Fiscal year.
    pub year: Option<i32>,
    /// Fiscal quarter.
    pub quarter: Option<u8>,
}

impl CallPeriod {
    /// The call's own quarter as a period string, `2024-Q1` (or `current`).
    pub fn current(&self) -> String {
        match (self.year, self.quarter) {
            (Some(y), Some(q)) => format!("{y}-Q{q}"),
            _ => "current".to_string(),
        }
    }

    fn next(&self) -> String {
        match (self.year, self.quarter) {
            (Some(y), Some(4)) => format!("{}-Q1", y + 1),
            (Some(y), Some(q)) => format!("{y}-Q{}", q + 1),
            _ => "next".to_string(),
        }
    }

    /// A quarter named in text, with the year inferred: guidance looks forward, results back.
    fn quarter(&self, q: u8, year: Option<i32>, forward: bool) -> String {
        let year = year.or_else(|| {
            let (cy, cq) = (self.year?, self.quarter?);
            Some(match (forward, q.cmp(&cq)) {
                (true, std::cmp::Ordering::Less) => cy + 1,
                (false, std::cmp::Ordering::Greater) => cy - 1,
                _ => cy,
            })
        });
        match year {
            Some(y) => format!("{y}-Q{q}"),
            None => format!("Q{q}"),
        }
    }
}

static PERIOD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?P<base>(?-u:\b)(?:compared\s+(?:with|to)|versus|vs\.?|from|over|than|against|relative\s+to)\s+(?:the\s+|our\s+)?)?
        (?:
            (?-u:\b)(?P<ttm>trailing\s+(?:12|twelve)[\s-]months?|trailing\s+(?:12|twelve)-month|ttm|last\s+twelve\s+months)(?-u:\b)
          | (?-u:\b)(?P<ord>first|second|third|fourth)\s+quarter(?:\s+of\s+(?P<oy>(?:fiscal\s+)?\d{4}))?
          | (?-u:\b)(?:Q(?P<qn>[1-4])|(?P<qn2>[1-4])Q)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<qy>\d{4}))?(?-u:\b)
          | (?-u:\b)(?P<fy>full[\s-]year|fiscal\s+year|for\s+the\s+year|the\s+year)(?:\s+(?:of\s+)?(?P<fyy>\d{4}))?(?:[\s.,;]|$)
          | (?-u:\b)(?:in|for|during)\s+(?:fiscal\s+)?(?P<year>20\d{2})(?-u:\b)
          | (?-u:\b)(?P<next>next\s+quarter|coming\s+quarter)(?-u:\b)
        )",
    )
    .expect("static regex")
});

static GUIDANCE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:expect|expects|expected|expecting|anticipate|anticipates|anticipated|forecast|outlook|guidance\s+(?:for|is|of)|guiding|guide\s+to|will\s+be\s+(?:between|in\s+the\s+range)|to\s+be\s+between|target(?:ing)?)(?-u:\b)")
        .expect("static regex")
});

/// A period named in a paragraph and where.
#[derive(Debug, Clone)]
struct PeriodHit {
    pos: usize,
    period: String,
}

fn period_hits(text: &str, call: &CallPeriod, forward: bool) -> Vec<PeriodHit> {
    let mut out = Vec::new();
    for c in PERIOD_RE.captures_iter(text) {
        if c.name("base").is_some() {
            continue; // "compared with the second quarter of 2023" is the base, not the period.
        }
        let Some(whole) = c.get(0) else { continue };
        let year_of = |name: &str| {
            c.name(name).and_then(|m| {
                m.as_str()
                    .trim_start_matches(|ch: char| !ch.is_ascii_digit())
                    .parse::<i32>()
                    .ok()
            })
        };
        let period = if c.name("ttm").is_some() {
            "TTM".to_string()
        } else if let Some(o) = c.name("ord") {
            let q = match o.as_str().to_lowercase().as_str() {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                _ => 4,
            };
            call.quarter(q, year_of("oy"), forward)
        } else if let Some(q) = c.name("qn").or_else(|| c.name("qn2")) {
            call.quarter(q.as_str().parse().unwrap_or(1), year_of("qy"), forward)
        } else if c.name("fy").is_some() {
            let y = year_of("fyy").or(call
                .year
                .map(|y| if forward && call.quarter == Some(4) { y + 1 } else { y }));
            y.map_or("FY".to_string(), |y| format!("FY{y}"))
        } else if let Some(y) = year_of("year") {
            format!("FY{y}")
        } else {
            call.next()
        };
        out.push(PeriodHit {
            pos: whole.start(),
            period,
        });
    }
    out
}

fn ends_with_phrase(text: &str, phrases: &[&str]) -> bool {
    let t = text.trim_end().trim_end_matches([',', '(']).trim_end().to_lowercase();
    phrases.iter().any(|p| {
        t.ends_with(p)
            && t[..t.len() - p.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn starts_with_phrase(text: &str, phrases: &[&str]) -> bool {
    let t = text
        .trim_start()
        .trim_start_matches([',', ')'])
        .trim_start()
        .to_lowercase();
    phrases
        .iter()
        .any(|p| t.starts_with(p) && t[p.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// Reads every figure of one paragraph. `known_segments` come from [`segments_named`]
/// over the whole call; `previous_period` carries a guidance period across sentences
/// of the paragraph ("Turning to our guidance for Q2. Net sales are expected …").
pub fn read_paragraph(
    text: &str,
    figures: &[Match],
    call: &CallPeriod,
    known_segments: &[String],
) -> Vec<Option<Reading>> {
    let mut out = Vec::with_capacity(figures.len());
    if figures.is_empty() {
        return out;
    }
    let sentences = sentences(text);
    let segments = SegmentIndex::new(text, known_segments);
    let mut paragraph_period: Option<String> = None;
    let mut previous: Option<Reading> = None;
    let mut facts: Option<(usize, SentenceFacts)> = None;
    let mut scanned = 0;
    for m in figures {
        let Some(si) = sentences.partition_point(|s| s.offset <= m.start).checked_sub(1) else {
            out.push(None);
            continue;
        };
        let s = &sentences[si];
        if facts.as_ref().is_none_or(|(i, _)| *i != si) {
            previous = None;
            // Periods named in earlier sentences of the paragraph carry into later ones.
            for earlier in &sentences[scanned..si] {
                let forward = GUIDANCE_RE.is_match(earlier.text);
                if let Some(p) = period_hits(earlier.text, call, forward).last() {
                    paragraph_period = Some(p.period.clone());
                }
            }
            scanned = scanned.max(si);
            let guidance = GUIDANCE_RE.is_match(s.text);
            facts = Some((
                si,
                SentenceFacts {
                    guidance,
                    periods: period_hits(s.text, call, guidance),
                    metrics: metric_hits(s.text),
                },
            ));
        }
        let Some((_, sentence_facts)) = facts.as_ref() else {
            continue;
        };
        let context = Context {
            call,
            segments: &segments,
            paragraph_period: paragraph_period.as_deref(),
        };
        let reading = read_figure(&context, s, sentence_facts, m, previous.as_ref());
        if reading.is_some() {
            previous = reading.clone();
        }
        out.push(reading);
    }
    out
}

/// What a sentence says once, for all its figures.
struct SentenceFacts {
    /// The sentence forecasts.
    guidance: bool,
    /// Periods it names.
    periods: Vec<PeriodHit>,
    /// Metrics it names.
    metrics: Vec<MetricHit>,
}

/// What every figure of a paragraph is read against.
struct Context<'a> {
    call: &'a CallPeriod,
    segments: &'a SegmentIndex<'a>,
    paragraph_period: Option<&'a str>,
}

fn read_figure(
    ctx: &Context<'_>,
    s: &Sentence<'_>,
    facts: &SentenceFacts,
    m: &Match,
    previous: Option<&Reading>,
) -> Option<Reading> {
    let (call, paragraph_period) = (ctx.call, ctx.paragraph_period);
    let (start, end) = (m.start - s.offset, (m.end - s.offset).min(s.text.len()));
    let before = &s.text[..start];
    let after = &s.text[end..];
    let clause_start = before.rfind(';').map_or(0, |i| i + 1);
    let before_clause = &before[clause_start..];
    let after_window: String = after.split_whitespace().take(7).collect::<Vec<_>>().join(" ");
    let after_clause_end = after.find([';']).unwrap_or(after.len());

    // Per-item prices ("$9.99 a month") are not headline figures.
    if starts_with_phrase(
        after,
        &[
            "a month",
            "per month",
            "a year",
            "per year",
            "each",
            "per unit",
            "apiece",
            "per hour",
        ],
    ) {
        return None;
    }
    // Shares of a whole ("22% of revenue") are mix, not a result of their own.
    let share = m.low.unit == Unit::Percent && starts_with_phrase(after, &["of"]);

    let hits_before: Vec<MetricHit> = facts
        .metrics
        .iter()
        .filter(|h| h.start >= clause_start && h.end <= start)
        .map(|h| h.shifted(clause_start))
        .collect();
    let hits_after: Vec<MetricHit> = facts
        .metrics
        .iter()
        .filter(|h| h.start >= end && h.end <= end + after_clause_end)
        .map(|h| h.shifted(end))
        .filter(|h| after[..h.start].split_whitespace().count() <= 5)
        .collect();
    // "$143.3 billion in revenue", "$48.8 billion in trailing 12-month free cash flow",
    // "$100 billion annualized revenue run rate", "$0.95 per share": a metric right after
    // the figure, joined by a few plain words, is the figure's own.
    let linked_after = hits_after.first().filter(|h| {
        let gap = after[..h.start].trim().to_lowercase();
        let words: Vec<&str> = gap.split_whitespace().collect();
        let plain = !gap.contains(['$', '%', ',', ';', '.', '(', ')']);
        let joins_clauses = words.iter().any(|w| JOINERS.contains(w));
        plain && !joins_clauses && words.len() <= 4
    });
    let (hit, hit_in_before) = match (linked_after, hits_before.last(), hits_after.first()) {
        (Some(h), _, _) => (h.clone(), false),
        (None, Some(h), _) => (h.clone(), true),
        (None, None, Some(h)) => (h.clone(), false),
        (None, None, None) => {
            // "up 221% year-over-year or $10.5 billion": the same metric as the figure before.
            let prev = previous?;
            let continues = ends_with_phrase(before, &["or", "and", "to", "of", "from"])
                || CHANGE_AFTER.iter().any(|p| after_window.to_lowercase().starts_with(p));
            if !continues {
                return None;
            }
            return Some(Reading {
                kind: prev.kind,
                ..prev.clone()
            });
        }
    };
    if share {
        return None;
    }
    let mut segment = if hit_in_before {
        segment_before(before_clause, hit.start)
    } else {
        segment_before(after, hit.start)
    };
    let explicit_total = {
        let span = if hit_in_before {
            &before_clause[..hit.start]
        } else {
            &after[..hit.start]
        };
        let lower = span.to_lowercase();
        TOTAL_WORDS.iter().any(|w| rfind_word(&lower, w).is_some())
    };
    if segment.is_none() && !explicit_total {
        segment = ctx.segments.segment_before(s.offset + start);
    }

    let guidance = facts.guidance && !starts_with_phrase(after, &["above", "below"]);
    let up = ends_with_phrase(before, UP_BEFORE) || starts_with_phrase(after, UP_AFTER);
    let down = ends_with_phrase(before, DOWN_BEFORE) || starts_with_phrase(after, DOWN_AFTER);
    let direction = match (up, down) {
        (true, false) => Some(Direction::Up),
        (false, true) => Some(Direction::Down),
        _ => None,
    };
    let change_words = direction.is_some() || CHANGE_AFTER.iter().any(|p| after_window.to_lowercase().starts_with(p));
    // A percentage of an amount metric (revenue, income) is a growth rate, not a level.
    let ratio_of_amount = matches!(m.low.unit, Unit::Percent | Unit::BasisPoints) && !is_ratio(hit.base);
    let bps_of_ratio = m.low.unit == Unit::BasisPoints && is_ratio(hit.base);
    // "up 221% year-over-year or $10.5 billion": the same change, restated.
    let restated = previous.filter(|p| p.kind == Kind::Change && ends_with_phrase(before, &["or"]));
    let direction = direction.or(restated.and_then(|p| p.direction));
    let kind = if guidance {
        Kind::Guidance
    } else if change_words || ratio_of_amount || bps_of_ratio || restated.is_some() {
        Kind::Change
    } else {
        Kind::Actual
    };
    let direction = direction.or(
        if ratio_of_amount
            && guidance
            && ends_with_phrase(before, &["grow", "growth", "growth of", "increase", "increase of"])
        {
            Some(Direction::Up)
        } else {
            None
        },
    );

    // A period named in the figure's own clause, close to it, is the figure's period.
    let clause_end = end + after_clause_end;
    let hits = &facts.periods;
    // Before the figure anywhere in its clause ("Fourth quarter revenue was …"), or just
    // after it ("… $14 billion in Q2"); a period further on belongs to the next statement.
    let near = hits
        .iter()
        .filter(|h| {
            (h.pos >= clause_start && h.pos < start && start - h.pos <= 80)
                || (h.pos >= end && h.pos < clause_end && h.pos - end <= 20)
        })
        .min_by_key(|h| h.pos.abs_diff(start));
    // Without a period of its own, a change of the metric just stated shares its period
    // ("$48.8 billion in trailing 12-month free cash flow …, up $53.2 billion").
    let same_metric_before = previous.filter(|p| p.base == hit.base && p.segment == segment);
    let period = match (near, kind, same_metric_before) {
        (Some(h), _, _) => h.period.clone(),
        (None, _, Some(p)) => p.period.clone(),
        (None, Kind::Guidance, None) => paragraph_period.map(str::to_string).unwrap_or_else(|| call.next()),
        (None, _, None) => call.current(),
    };
    Some(Reading {
        base: hit.base,
        segment,
        kind,
        direction,
        period,
        negative: hit.negative,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::grammar;

    const Q1_2024: CallPeriod = CallPeriod {
        year: Some(2024),
        quarter: Some(1),
    };

    fn read(text: &str, segments: &[&str]) -> Vec<(String, Option<Reading>)> {
        let figures = grammar::english(text);
        let known: Vec<String> = segments.iter().map(|s| s.to_string()).collect();
        let readings = read_paragraph(text, &figures, &Q1_2024, &known);
        figures
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .zip(readings)
            .collect()
    }

    fn metric(r: &Option<Reading>) -> String {
        let r = r.as_ref().expect("a reading");
        match &r.segment {
            Some(s) => format!("{s} {}", r.base),
            None => r.base.to_string(),
        }
    }

    #[test]
    fn amazon_opening_sentence() {
        let text = "Today, we're reporting $143.3 billion in revenue, up 13% year-over-year, excluding the impact from foreign exchange rates; $15.3 billion in operating income, up 221% year-over-year or $10.5 billion; and $48.8 billion in trailing 12-month free cash flow adjusted for equipment finance leases, up $53.2 billion year-over-year.";
        let r = read(text, &[]);
        assert_eq!(r.len(), 7);
        assert_eq!(
            (metric(&r[0].1), r[0].1.as_ref().unwrap().kind),
            ("revenue".to_string(), Kind::Actual)
        );
        assert_eq!(r[0].1.as_ref().unwrap().period, "2024-Q1");
        assert_eq!(
            (metric(&r[1].1), r[1].1.as_ref().unwrap().kind),
            ("revenue".to_string(), Kind::Change)
        );
        assert_eq!(r[1].1.as_ref().unwrap().direction, Some(Direction::Up));
        assert_eq!(
            (metric(&r[2].1), r[2].1.as_ref().unwrap().kind),
            ("operating income".to_string(), Kind::Actual)
        );
        assert_eq!(
            (metric(&r[3].1), r[3].1.as_ref().unwrap().kind),
            ("operating income".to_string(), Kind::Change)
        );
        assert_eq!(
            (metric(&r[4].1), r[4].1.as_ref().unwrap().kind),
            ("operating income".to_string(), Kind::Change)
        );
        assert_eq!(metric(&r[5].1), "free cash flow");
        assert_eq!(r[5].1.as_ref().unwrap().period, "TTM");
        assert_eq!(r[5].1.as_ref().unwrap().kind, Kind::Actual);
        assert_eq!(
            (metric(&r[6].1), r[6].1.as_ref().unwrap().kind),
            ("free cash flow".to_string(), Kind::Change)
        );
    }

    #[test]
    fn segments_from_words_and_context() {
        let text = "Shifting to profitability, North America segment operating income was $5 billion, an increase of $4.1 billion year-over-year. Operating margin was 5.8%, up 460 basis points year-over-year.";
        let r = read(text, &["North America"]);
        assert_eq!(metric(&r[0].1), "North America operating income");
        assert_eq!(r[1].1.as_ref().unwrap().kind, Kind::Change);
        assert_eq!(metric(&r[2].1), "North America operating margin");
        assert_eq!(r[2].1.as_ref().unwrap().kind, Kind::Actual);
        assert_eq!(r[3].1.as_ref().unwrap().kind, Kind::Change);
        let r = read(
            "Moving to AWS. Revenue was $25 billion, an increase of 17% year-over-year.",
            &["AWS"],
        );
        assert_eq!(metric(&r[0].1), "AWS revenue");
        let r = read("Worldwide revenue was $143.3 billion.", &["AWS"]);
        assert_eq!(metric(&r[0].1), "revenue");
        let r = read("Software and services revenue was $144.5 million, up 31%.", &[]);
        assert_eq!(metric(&r[0].1), "Software and services revenue");
        let r = read("With ad sales up 24% year-over-year.", &[]);
        assert_eq!(metric(&r[0].1), "ad revenue");
    }

    #[test]
    fn guidance_with_period_from_an_earlier_sentence() {
        let text = "Turning to our revenue guidance for Q2. Net sales are expected to be between $144 billion and $149 billion or to grow between 7% and 11% compared with the second quarter of 2023.";
        let r = read(text, &[]);
        let first = r[0].1.as_ref().unwrap();
        assert_eq!(
            (first.base, first.kind, first.period.as_str()),
            ("revenue", Kind::Guidance, "2024-Q2")
        );
        let second = r[1].1.as_ref().unwrap();
        assert_eq!(
            (second.kind, second.period.as_str(), second.direction),
            (Kind::Guidance, "2024-Q2", Some(Direction::Up))
        );
    }

    #[test]
    fn prices_shares_and_unlabelled_numbers_are_not_metrics() {
        let r = read("Customers get free delivery for just $9.99 a month.", &[]);
        assert!(r[0].1.is_none());
        let r = read("Europe was about 22% of revenue this quarter.", &[]);
        assert!(r[0].1.is_none());
        let r = read("Perplexity.ai trains models 40% faster than before.", &[]);
        assert!(r[0].1.is_none());
    }

    #[test]
    fn net_loss_is_negative_and_eps_reads_per_share() {
        let r = read("Net loss was $4 million, or $0.05 per diluted share.", &[]);
        assert!(r[0].1.as_ref().unwrap().negative);
        assert_eq!(metric(&r[1].1), "EPS");
    }

    #[test]
    fn the_segment_in_force_is_the_latest_before_the_figure_unless_a_total_follows() {
        let known = vec!["AWS".to_string(), "North America".to_string()];
        let text = "In AWS, margins rose; north america too. Worldwide, we grew. Then AWSome AWS again.";
        let index = SegmentIndex::new(text, &known);
        let at = |word: &str| text.find(word).unwrap();
        assert_eq!(index.segment_before(at("In")), None, "nothing before the first mention");
        assert_eq!(index.segment_before(at("margins")).as_deref(), Some("AWS"));
        assert_eq!(
            index.segment_before(at("too")).as_deref(),
            Some("North America"),
            "any case"
        );
        assert_eq!(index.segment_before(at("we grew")), None, "a total word ends it");
        assert_eq!(index.segment_before(at("AWSome")), None, "not part of a word");
        assert_eq!(index.segment_before(at("again")).as_deref(), Some("AWS"));
        assert_eq!(SegmentIndex::new(text, &[]).segment_before(text.len()), None);
    }

    #[test]
    fn named_segments_are_collected() {
        let s = segments_named(&[
            "In the North America segment, revenue grew.",
            "Moving to AWS. Revenue was up.",
            "In our international segment, income rose.",
            "all 3 reportable segments",
        ]);
        assert_eq!(s, ["North America", "AWS", "international"]);
    }

    #[test]
    fn sentences_split_at_stops_not_initials() {
        let s = sentences("We grew in the U.S. market. Revenue was $1.5 billion. Andrew R. Jassy spoke.");
        assert_eq!(s.len(), 3, "{s:?}");
    }
}
