//! Charts drawn at build time as inline SVG: a company's revenue and EPS by quarter, each
//! quarter's revenue beside the guidance range it was given. No JavaScript; colours come
//! from the stylesheet (so dark mode reads), and each chart carries its text equivalent.

use std::fmt::Write as _;

use serde::Serialize;

use crate::render::escape_html;
use crate::site::history::{HistoryRow, Stated, quarter_index};

/// A chart ready for a template.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Element id (`chart-revenue`).
    pub id: String,
    /// Heading (`Revenue by quarter`).
    pub title: String,
    /// The SVG, already escaped: safe to insert as HTML.
    pub svg: String,
}

/// One bar: a quarter's value and, when given, the range forecast for it.
struct Bar<'a> {
    slot: i64,
    label: String,
    value: Option<&'a Stated>,
    guidance: Option<&'a Stated>,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 34.0;
const SIDE: f64 = 8.0;

/// The charts of a company's history: revenue (with guidance) and EPS, each when at
/// least two quarters state it in one unit.
pub fn company_charts(rows: &[HistoryRow]) -> Vec<Chart> {
    let bars = |value: fn(&HistoryRow) -> Option<&Stated>, guided: bool| -> Vec<Bar<'_>> {
        rows.iter()
            .map(|r| Bar {
                slot: quarter_index(r.year, r.quarter),
                label: r.period.clone(),
                value: value(r),
                guidance: r.guidance.as_ref().filter(|_| guided),
            })
            .collect()
    };
    let revenue = bars(|r| r.figures.revenue.as_ref(), true);
    let eps = bars(|r| r.figures.eps.as_ref(), false);
    [
        ("chart-revenue", "Revenue by quarter", revenue),
        ("chart-eps", "EPS by quarter", eps),
    ]
    .into_iter()
    .filter_map(|(id, title, bars)| {
        bar_chart(id, title, &bars).map(|svg| Chart {
            id: id.to_string(),
            title: title.to_string(),
            svg,
        })
    })
    .collect()
}

/// The SVG of `bars`, or none when fewer than two bars have a value or their units differ.
fn bar_chart(id: &str, title: &str, bars: &[Bar<'_>]) -> Option<String> {
    let stated: Vec<&Stated> = bars.iter().filter_map(|b| b.value).collect();
    let unit = &stated.first()?.unit;
    if stated.len() < 2 || stated.iter().any(|s| &s.unit != unit) {
        return None;
    }
    let guides = bars.iter().filter_map(|b| b.guidance).filter(|g| &g.unit == unit);
    let values = stated
        .iter()
        .flat_map(|s| [s.low, s.high])
        .chain(guides.flat_map(|g| [g.low, g.high]));
    let (lo, hi) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if hi - lo <= 0.0 {
        return None;
    }
    let first = bars.iter().map(|b| b.slot).min()?;
    let last = bars.iter().map(|b| b.slot).max()?;
    let slots = (last - first + 1) as f64;
    let slot_width = (WIDTH - 2.0 * SIDE) / slots;
    let plot = HEIGHT - TOP - BOTTOM;
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * plot;
    let mut svg = String::new();
    let desc = description(title, bars);
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape_html(title),
        escape_html(&desc)
    );
    let _ = write!(
        svg,
        r#"<line class="axis" x1="{SIDE}" x2="{}" y1="{:.1}" y2="{:.1}"/>"#,
        WIDTH - SIDE,
        y(0.0),
        y(0.0)
    );
    for bar in bars {
        let x = SIDE + (bar.slot - first) as f64 * slot_width;
        let centre = x + slot_width / 2.0;
        let _ = write!(
            svg,
            r#"<text class="tick" x="{centre:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            HEIGHT - 12.0,
            escape_html(&bar.label)
        );
        if let Some(v) = bar.value {
            let (top, bottom) = (y(v.high.max(0.0)), y(v.high.min(0.0)));
            let width = slot_width * 0.46;
            let _ = write!(
                svg,
                r#"<rect class="bar" x="{:.1}" y="{top:.1}" width="{width:.1}" height="{:.1}"/><text class="value" x="{centre:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                centre - width / 2.0,
                (bottom - top).max(0.5),
                top - 6.0,
                escape_html(&short(v))
            );
        }
        if let Some(g) = bar.guidance.filter(|g| &g.unit == unit) {
            let gx = centre + slot_width * 0.3;
            let (top, bottom) = (y(g.high), y(g.low));
            let _ = write!(
                svg,
                r#"<line class="guide" x1="{gx:.1}" x2="{gx:.1}" y1="{top:.1}" y2="{bottom:.1}"/><line class="guide" x1="{:.1}" x2="{:.1}" y1="{top:.1}" y2="{top:.1}"/><line class="guide" x1="{:.1}" x2="{:.1}" y1="{bottom:.1}" y2="{bottom:.1}"/>"#,
                gx - 5.0,
                gx + 5.0,
                gx - 5.0,
                gx + 5.0
            );
        }
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// What a screen reader hears for the chart: every quarter's value, its guidance, and
/// the quarters without a call.
fn description(title: &str, bars: &[Bar<'_>]) -> String {
    let mut parts = Vec::new();
    let first = bars.iter().map(|b| b.slot).min().unwrap_or(0);
    let last = bars.iter().map(|b| b.slot).max().unwrap_or(0);
    let missing = (last - first + 1) as usize - bars.len();
    for bar in bars {
        let value = bar.value.map_or("not stated", |v| v.text.as_str());
        match bar.guidance {
            Some(g) => parts.push(format!("{} {value} (guidance {})", bar.label, g.text)),
            None => parts.push(format!("{} {value}", bar.label)),
        }
    }
    let gap = match missing {
        0 => String::new(),
        1 => " One quarter in between has no call.".to_string(),
        n => format!(" {n} quarters in between have no call."),
    };
    format!("{title}: {}.{gap}", parts.join("; "))
}

/// A value written short for a bar's label: `$441.9M`, `$1.62B`, `$0.41`, `14.3%`.
fn short(s: &Stated) -> String {
    let v = s.high;
    let (sign, abs) = if v < 0.0 { ("−", -v) } else { ("", v) };
    let prefix = if s.unit == "USD" { "$" } else { "" };
    let suffix = match s.unit.as_str() {
        "USD" => String::new(),
        "%" => "%".to_string(),
        other => format!(" {other}"),
    };
    let number = if abs >= 1e9 {
        format!("{:.2}B", abs / 1e9)
    } else if abs >= 1e6 {
        format!("{:.1}M", abs / 1e6)
    } else if abs >= 1e3 && s.unit != "%" {
        format!("{:.1}K", abs / 1e3)
    } else {
        format!("{abs:.2}")
    };
    format!("{sign}{prefix}{number}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::history::KeyFigures;

    fn row(year: i32, quarter: u8, revenue: Option<f64>, guidance: Option<(f64, f64)>) -> HistoryRow {
        let stated = |low: f64, high: f64, text: &str| crate::site::history::revenue_stated(text, low, high);
        HistoryRow {
            period: format!("{year} Q{quarter}"),
            date: String::new(),
            year,
            quarter,
            url: "/x/".into(),
            figures: KeyFigures {
                revenue: revenue.map(|v| stated(v, v, "<$b>")),
                ..KeyFigures::default()
            },
            guidance: guidance.map(|(l, h)| stated(l, h, "range")),
            against_guidance: "",
        }
    }

    #[test]
    fn a_missing_quarter_leaves_a_gap_and_is_said() {
        let rows = [
            row(2025, 3, Some(412.6e6), None),
            row(2026, 1, Some(418.3e6), Some((405e6, 425e6))),
        ];
        let charts = company_charts(&rows);
        assert_eq!(charts.len(), 1, "revenue only: no EPS stated");
        let svg = &charts[0].svg;
        assert_eq!(svg.matches("<rect class=\"bar\"").count(), 2);
        assert_eq!(
            svg.matches("class=\"tick\"").count(),
            2,
            "no tick for the quarter without a call"
        );
        assert!(svg.contains("One quarter in between has no call."), "{svg}");
        assert!(svg.contains("(guidance range)"));
        assert!(
            svg.contains("&lt;$b&gt;") && !svg.contains("<$b>"),
            "text is escaped: {svg}"
        );
        assert!(svg.contains(">$412.6M</text>"));
    }

    #[test]
    fn one_quarter_makes_no_chart() {
        assert!(company_charts(&[row(2025, 3, Some(1.0), None)]).is_empty());
    }
}
