//! Headline figures: find the amounts, percentages and ranges a call states, tie each to
//! a metric, period and speaker, check the translation against them, and pick the
//! headline table.

pub mod grammar;
pub mod headline;
pub mod metrics;
pub mod translation;

use std::collections::HashMap;

use serde::Serialize;

use crate::diagnostic::{Warning, WarningKind};
use crate::transcript::{Call, Section};
use grammar::{Match, Quantity, Unit};
use headline::HeadlineRow;
use metrics::{CallPeriod, Direction, Kind, Reading};

/// One figure stated on the call, tied to where it was said.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// `f1`, `f2`, … in order of the transcript.
    pub id: String,
    /// The metric with its segment: `revenue`, `AWS operating income`.
    pub metric: String,
    /// The metric without segment: `operating income`.
    pub base_metric: String,
    /// The segment, if any.
    pub segment: Option<String>,
    /// Actual, change or guidance.
    pub kind: Kind,
    /// The value (for a single figure).
    pub value: Option<f64>,
    /// The low end (for a range).
    pub low: Option<f64>,
    /// The high end (for a range).
    pub high: Option<f64>,
    /// `USD`, `%`, `bps`, …
    pub unit: String,
    /// Stated direction of a change.
    pub direction: Option<Direction>,
    /// `2024-Q1`, `2024-Q2`, `TTM`, `FY2023`.
    pub period: String,
    /// Speaker id.
    pub speaker: String,
    /// Turn id.
    pub turn: String,
    /// Paragraph anchor on the call page (`t3-p1`).
    pub paragraph: String,
    /// Prepared remarks or Q&A.
    pub section: Section,
    /// Source line.
    pub line: usize,
    /// The figure as written.
    pub text: String,
    #[serde(skip)]
    quantities: Vec<Quantity>,
}

impl Figure {
    /// True when two figures state the same value (to either's precision).
    pub fn agrees_with(&self, other: &Figure) -> bool {
        self.quantities.len() == other.quantities.len()
            && self
                .quantities
                .iter()
                .zip(&other.quantities)
                .all(|(a, b)| a.agrees_with(b))
    }
}

/// A figure's place in its paragraph, for marking it up.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Byte offset in the paragraph text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// Machine-readable value (`143300000000`, or `144000000000..149000000000`).
    pub value: String,
    /// Index into [`Figures::figures`] when the number is a figure of a metric.
    pub figure: Option<usize>,
}

/// Everything figures adds to a call.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    /// Every figure with a metric, in transcript order.
    pub figures: Vec<Figure>,
    /// Ids of the headline figures, in display order.
    pub headline: Vec<String>,
    /// The headline table.
    #[serde(skip)]
    pub rows: Vec<HeadlineRow>,
    /// Marks per turn, per paragraph.
    #[serde(skip)]
    pub marks: Vec<Vec<Vec<Mark>>>,
}

/// Extracts the figures of `call`, adds translation and conflict warnings to it, and
/// chooses the headline.
pub fn extract(call: &mut Call) -> Figures {
    let period = CallPeriod {
        year: call.meta.year,
        quarter: call.meta.quarter,
    };
    let texts: Vec<&str> = call
        .turns
        .iter()
        .flat_map(|t| &t.paragraphs)
        .map(|p| p.text.as_str())
        .collect();
    let segments = metrics::segments_named(&texts);
    let mut out = Figures::default();
    let mut warnings = Vec::new();
    for turn in &call.turns {
        let mut turn_marks = Vec::with_capacity(turn.paragraphs.len());
        for (pi, p) in turn.paragraphs.iter().enumerate() {
            // Most paragraphs state no number at all: skip them before any regex runs.
            let has_digit = p.text.bytes().any(|b| b.is_ascii_digit());
            let matches = if has_digit {
                grammar::english(&p.text)
            } else {
                Vec::new()
            };
            let readings = metrics::read_paragraph(&p.text, &matches, &period, &segments);
            let mut marks = Vec::with_capacity(matches.len());
            for (m, reading) in matches.iter().zip(readings) {
                let figure = reading.map(|r| {
                    let anchor = format!("{}-p{}", turn.id, pi + 1);
                    out.figures
                        .push(figure(&p.text, m, r, turn, anchor, p.line, out.figures.len() + 1));
                    out.figures.len() - 1
                });
                marks.push(Mark {
                    start: m.start,
                    end: m.end,
                    value: data_value(m),
                    figure,
                });
            }
            turn_marks.push(marks);
            if let Some(tr) = &p.translation {
                for miss in translation::check_matches(&p.text, &matches, tr) {
                    let found = if miss.unpaired_translation.is_empty() {
                        "the translation states no such figure".to_string()
                    } else {
                        format!("the translation has {}", miss.unpaired_translation.join(", "))
                    };
                    warnings.push(Warning::new(
                        p.translation_line.unwrap_or(p.line),
                        WarningKind::TranslationMismatch,
                        format!(
                            "translation does not state `{}` of the original ({found})",
                            miss.original
                        ),
                    ));
                }
            }
        }
        out.marks.push(turn_marks);
    }
    warnings.extend(conflicts(&out.figures));
    out.rows = headline::choose(&out.figures, call, &period);
    out.headline = out.rows.iter().map(|r| r.figure.clone()).collect();
    call.warnings.extend(warnings);
    call.warnings.sort_by_key(|w| w.line);
    out
}

fn figure(
    text: &str,
    m: &Match,
    r: Reading,
    turn: &crate::transcript::Turn,
    paragraph: String,
    line: usize,
    n: usize,
) -> Figure {
    let sign = if r.negative { -1.0 } else { 1.0 };
    let (value, low, high) = match &m.high {
        None => (Some(sign * m.low.value), None, None),
        Some(h) => (None, Some(sign * m.low.value), Some(sign * h.value)),
    };
    let metric = match &r.segment {
        Some(s) => format!("{s} {}", r.base),
        None => r.base.to_string(),
    };
    Figure {
        id: format!("f{n}"),
        metric,
        base_metric: r.base.to_string(),
        segment: r.segment,
        kind: r.kind,
        value,
        low,
        high,
        unit: m.low.unit.code().to_string(),
        direction: r.direction,
        period: r.period,
        speaker: turn.speaker.clone(),
        turn: turn.id.clone(),
        paragraph,
        section: turn.section,
        line,
        text: text[m.start..m.end].to_string(),
        quantities: m.quantities().cloned().collect(),
    }
}

fn data_value(m: &Match) -> String {
    match &m.high {
        None => format!("{}", m.low.value),
        Some(h) => format!("{}..{}", m.low.value, h.value),
    }
}

/// One metric for one period stated with two different values. Values far apart (more
/// than a quarter) measure different things the words did not tell apart (a segment
/// against the total), so only near values are reported: those are misstatements.
///
/// Each new value is reported once, against the first earlier value it conflicts with;
/// a value repeated later (the CFO restating revenue) is not news. Figures are grouped by
/// metric, period and unit first, and compared only with the distinct values of their
/// group, so a huge call costs time in proportion to its figures, not their square.
fn conflicts(figures: &[Figure]) -> Vec<Warning> {
    let mut groups: HashMap<(&str, &str, &str), Vec<&Figure>> = HashMap::new();
    let mut warnings = Vec::new();
    for b in figures.iter().filter(|f| f.kind == Kind::Actual && f.value.is_some()) {
        let distinct = groups
            .entry((b.metric.as_str(), b.period.as_str(), b.unit.as_str()))
            .or_default();
        if distinct.iter().any(|a| a.agrees_with(b)) {
            continue;
        }
        if let Some(a) = distinct.iter().find(|a| near(a, b)) {
            warnings.push(Warning::new(
                b.line,
                WarningKind::Conflict,
                format!(
                    "{} for {} is stated as {} (line {}) and as {} (line {})",
                    a.metric, a.period, a.text, a.line, b.text, b.line
                ),
            ));
        }
        // A metric with this many different values in one call is a table or a data
        // dump, not a misstatement: stop collecting so the check stays linear.
        if distinct.len() < MAX_DISTINCT_VALUES {
            distinct.push(b);
        }
    }
    warnings
}

/// How many different values of one metric and period the conflict check remembers.
const MAX_DISTINCT_VALUES: usize = 32;

fn near(a: &Figure, b: &Figure) -> bool {
    match (a.value, b.value) {
        (Some(x), Some(y)) if a.unit == Unit::Percent.code() || a.unit == Unit::BasisPoints.code() => {
            (x - y).abs() <= 2.0
        }
        (Some(x), Some(y)) if x != 0.0 && y != 0.0 => (x / y).max(y / x) <= 1.25,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Lines;
    use crate::transcript::layouts::inline;

    fn warnings_of(text: &str) -> Vec<String> {
        let mut call = inline::parse(&Lines::new(text, 0));
        call.meta.year = Some(2024);
        call.meta.quarter = Some(1);
        let _ = extract(&mut call);
        call.warnings
            .iter()
            .filter(|w| w.kind == WarningKind::Conflict)
            .map(|w| format!("{}: {}", w.line, w.message))
            .collect()
    }

    #[test]
    fn a_conflict_is_reported_once_per_new_value_and_repeats_are_not_news() {
        let text = "Jane Roe: Revenue was $903 million.\n\nJohn Doe: Revenue was $902 million.\n\n\
                    Jane Roe: Revenue was $903 million.\n\nJohn Doe: Revenue was $902 million.\n\n\
                    Jane Roe: Revenue was $1.2 billion.\n";
        assert_eq!(
            warnings_of(text),
            ["3: revenue for 2024-Q1 is stated as $903 million (line 1) and as $902 million (line 3)"]
        );
    }
}
