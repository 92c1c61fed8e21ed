//! A company's headline figures across its calls: what each call contributes (its
//! revenue, EPS, operating income and margin, and the revenue guidance it gave for the
//! next quarter), and the history rows of a company page, one per fiscal quarter, with
//! the guidance a quarter was given beside what it then reported.

use serde::Serialize;

use crate::figures::headline::HeadlineRow;
use crate::figures::period::Period;
use crate::figures::vocabulary::{Tier, Vocabulary};
use crate::figures::{Figure, Figures, Kind};

/// A figure as the history shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stated {
    /// The row's label on its call (`Revenue`, `Adjusted EPS`).
    pub label: String,
    /// As the table shows it (`$441.9 million`, `$405 million – $425 million`).
    pub text: String,
    /// The value, or the low end of a range.
    pub low: f64,
    /// The high end of a range; the value again for a single figure.
    pub high: f64,
    /// The unit's code (`USD`, `%`), so that only like values share a chart.
    pub unit: String,
    /// The paragraph it was said in on its call page (`t4-p1`).
    pub anchor: String,
}

/// What one call contributes to its company's history: figures of its own quarter, for
/// the company as a whole.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct KeyFigures {
    /// Revenue.
    pub revenue: Option<Stated>,
    /// Revenue's change as the headline shows it (`+21% YoY`), or empty.
    pub revenue_change: String,
    /// EPS, on the basis the call leads with (GAAP or unstated before adjusted).
    pub eps: Option<Stated>,
    /// Operating income.
    pub operating_income: Option<Stated>,
    /// Operating margin.
    pub operating_margin: Option<Stated>,
    /// Revenue guidance for the next quarter, with the key of that quarter (`2026-Q1`).
    pub next_quarter_guidance: Option<(String, Stated)>,
    /// The measure the company's industry leads with, as the headline first gives it
    /// (FFO per share, same-store sales, net interest margin, ARR, a site's own GMV).
    pub kpi: Option<Stated>,
}

impl KeyFigures {
    /// The key figures of a call of fiscal `year` and `quarter`; `vocabulary` says which
    /// metrics are an industry's own.
    pub fn of(figures: &Figures, year: Option<i32>, quarter: Option<u8>, vocabulary: &Vocabulary) -> KeyFigures {
        let (Some(year), Some(quarter)) = (year, quarter) else {
            return KeyFigures::default();
        };
        let next = if quarter == 4 {
            (year + 1, 1)
        } else {
            (year, quarter + 1)
        };
        let company_rows = || figures.headline.iter().filter(|r| r.segment.is_none());
        let own = |metric: &str| {
            company_rows()
                .filter(|r| r.kind == Kind::Actual && r.metric == metric && is_quarter(&r.period, year, quarter))
                // The basis a reader compares quarters on: as reported before adjusted.
                .min_by_key(|r| r.basis.is_some_and(|b| b != crate::figures::vocabulary::Basis::Gaap))
        };
        let stated = |r: &HeadlineRow| r.value_figure.as_deref().and_then(|id| stated(figures, r, id));
        let revenue = own("revenue");
        let guidance = company_rows()
            .find(|r| r.kind == Kind::Guidance && r.metric == "revenue" && is_quarter(&r.period, next.0, next.1))
            .and_then(|r| Some((r.period.key(), stated(r)?)));
        let kpi = company_rows()
            .filter(|r| r.kind == Kind::Actual && is_quarter(&r.period, year, quarter))
            .find(|r| is_industry_kpi(&r.metric, vocabulary));
        KeyFigures {
            kpi: kpi.and_then(stated),
            revenue: revenue.and_then(stated),
            revenue_change: revenue.map(|r| r.change.clone()).unwrap_or_default(),
            eps: own("EPS").and_then(stated),
            operating_income: own("operating income").and_then(stated),
            operating_margin: own("operating margin").and_then(stated),
            next_quarter_guidance: guidance,
        }
    }

    /// True when the call gives the history nothing.
    pub fn is_empty(&self) -> bool {
        *self == KeyFigures::default()
    }
}

/// The heading of the history's industry column: the measure most quarters lead with
/// (the latest on a tie); empty when no quarter gives one, and the column is left out.
pub fn kpi_title(rows: &[HistoryRow]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for label in rows
        .iter()
        .rev()
        .filter_map(|r| r.figures.kpi.as_ref())
        .map(|k| k.label.as_str())
    {
        match counts.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => counts.push((label, 1)),
        }
    }
    // Latest first, so `max_by_key` (which keeps the last of equals) is turned around.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(l, _)| l.to_string())
        .unwrap_or_default()
}

/// A metric an industry leads with: of the vocabulary's first tiers (earnings, profit),
/// but not the EPS and net income every company states.
fn is_industry_kpi(metric: &str, vocabulary: &Vocabulary) -> bool {
    let Some(id) = vocabulary.id(metric) else { return false };
    let def = vocabulary.def(id);
    matches!(def.tier, Tier::Earnings | Tier::Profit) && !matches!(metric, "EPS" | "net income" | "revenue")
}

fn is_quarter(period: &Period, year: i32, quarter: u8) -> bool {
    matches!(period, Period::Quarter { year: Some(y), quarter: q, .. } if *y == year && *q == quarter)
}

fn stated(figures: &Figures, row: &HeadlineRow, id: &str) -> Option<Stated> {
    let f: &Figure = figures.figures.iter().find(|f| f.id == id)?;
    let (low, high) = match (f.value, f.low, f.high) {
        (Some(v), _, _) => (v, v),
        (None, Some(l), Some(h)) => (l, h),
        _ => return None,
    };
    Some(Stated {
        label: row.label.trim_end_matches(" guidance").to_string(),
        text: row.value.clone(),
        low,
        high,
        unit: f.unit.code().to_string(),
        anchor: f.paragraph.clone(),
    })
}

/// One quarter of a company's history.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    /// `2025 Q4`: the fiscal quarter, as the call names it.
    pub period: String,
    /// The day of the call (`2026-02-04`), or empty: the calendar beside the fiscal
    /// quarter, which for a fiscal year not ending in December names another season.
    pub date: String,
    /// The fiscal year.
    pub year: i32,
    /// The quarter, 1 to 4.
    pub quarter: u8,
    /// Link to the call page.
    pub url: String,
    /// The call's key figures.
    pub figures: KeyFigures,
    /// The revenue guidance the call before gave for this quarter.
    pub guidance: Option<Stated>,
    /// How the revenue reported compares with that guidance: `above`, `within`, `below`.
    pub against_guidance: &'static str,
}

/// A quarter's call for the history: its period, link and key figures.
#[derive(Debug, Clone)]
pub struct QuarterCall<'a> {
    /// Fiscal year.
    pub year: i32,
    /// Quarter.
    pub quarter: u8,
    /// `2025 Q4`.
    pub period: &'a str,
    /// The day of the call, or empty.
    pub date: &'a str,
    /// Link to the call page.
    pub url: String,
    /// Its key figures.
    pub figures: &'a KeyFigures,
}

/// The history rows, oldest first, one per quarter (the first call of a quarter when a
/// company has two); empty when no call gives a figure.
pub fn rows(mut calls: Vec<QuarterCall<'_>>) -> Vec<HistoryRow> {
    calls.sort_by_key(|c| (c.year, c.quarter));
    calls.dedup_by_key(|c| (c.year, c.quarter));
    if calls.iter().all(|c| c.figures.is_empty()) {
        return Vec::new();
    }
    let mut out: Vec<HistoryRow> = Vec::with_capacity(calls.len());
    for (i, c) in calls.iter().enumerate() {
        let key = Period::Quarter {
            year: Some(c.year),
            quarter: c.quarter,
            fiscal: false,
        }
        .key();
        let guidance = i
            .checked_sub(1)
            .and_then(|p| calls[p].figures.next_quarter_guidance.as_ref())
            .filter(|(k, _)| k.trim_start_matches("FY") == key)
            .map(|(_, g)| g.clone());
        let against_guidance = match (&guidance, &c.figures.revenue) {
            (Some(g), Some(r)) if g.unit == r.unit && r.low > g.high => "above",
            (Some(g), Some(r)) if g.unit == r.unit && r.low < g.low => "below",
            (Some(g), Some(r)) if g.unit == r.unit => "within",
            _ => "",
        };
        out.push(HistoryRow {
            period: c.period.to_string(),
            date: c.date.to_string(),
            year: c.year,
            quarter: c.quarter,
            url: c.url.clone(),
            figures: c.figures.clone(),
            guidance,
            against_guidance,
        });
    }
    out
}

/// The index of a quarter on a continuous axis (so that a missing quarter leaves a gap).
pub fn quarter_index(year: i32, quarter: u8) -> i64 {
    i64::from(year) * 4 + i64::from(quarter) - 1
}

/// A revenue figure in dollars, for tests.
#[cfg(test)]
pub(crate) fn revenue_stated(text: &str, low: f64, high: f64) -> Stated {
    Stated {
        label: "Revenue".into(),
        text: text.into(),
        low,
        high,
        unit: "USD".into(),
        anchor: "t1-p1".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(text: &str, low: f64, high: f64) -> Stated {
        revenue_stated(text, low, high)
    }

    #[test]
    fn a_quarter_meets_the_guidance_the_quarter_before_gave() {
        let q4 = KeyFigures {
            revenue: Some(amount("$441.9 million", 441.9e6, 441.9e6)),
            next_quarter_guidance: Some(("2026-Q1".into(), amount("$405 million – $425 million", 405e6, 425e6))),
            ..KeyFigures::default()
        };
        let q1 = KeyFigures {
            revenue: Some(amount("$430 million", 430e6, 430e6)),
            ..KeyFigures::default()
        };
        let rows = rows(vec![
            QuarterCall {
                year: 2026,
                quarter: 1,
                period: "2026 Q1",
                date: "2026-04-29",
                url: "/b/".into(),
                figures: &q1,
            },
            QuarterCall {
                year: 2025,
                quarter: 4,
                period: "2025 Q4",
                date: "",
                url: "/a/".into(),
                figures: &q4,
            },
        ]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].period, "2025 Q4", "oldest first");
        assert!(rows[0].guidance.is_none());
        assert_eq!(
            rows[1].guidance.as_ref().map(|g| g.text.as_str()),
            Some("$405 million – $425 million")
        );
        assert_eq!(rows[1].against_guidance, "above");
    }

    #[test]
    fn calls_without_figures_make_no_history() {
        let empty = KeyFigures::default();
        let call = QuarterCall {
            year: 2025,
            quarter: 1,
            period: "2025 Q1",
            date: "",
            url: "/a/".into(),
            figures: &empty,
        };
        assert!(rows(vec![call]).is_empty());
    }
}
