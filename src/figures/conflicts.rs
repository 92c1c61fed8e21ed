//! Conflicting statements: one metric, with the same basis, scope, segment, period and
//! comparison, stated with two different values on one call.
//!
//! A warning that is usually wrong teaches owners to ignore warnings, so only figures
//! whose reading is certain are compared: the metric named in the figure's own clause,
//! results (not changes, forecasts or comparison bases), not parts, not two items of one
//! enumerating sentence, and an unqualified figure only when the call states that metric
//! on one basis alone (`EPS` may mean GAAP or adjusted when the call gives both).

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Warning, WarningKind};
use crate::figures::grammar::{Quantity, Unit};
use crate::figures::scope::Scope;
use crate::figures::vocabulary::{Basis, MetricId, Tier, Vocabulary};
use crate::figures::{Figure, Kind, Period};
use crate::transcript::{Call, Role};

/// How many different values of one group the check remembers: a metric with more
/// values than this in one call is a table or a data dump, not a misstatement, and the
/// bound keeps the check linear on huge calls.
const MAX_DISTINCT_VALUES: usize = 32;

/// Values more than 2% apart (two points, for percentages) are not compared. On ECTSum
/// val the earlier bound of 25% reported 19 such pairs; read by hand, 17 were misreadings
/// (a segment the passage named, a sub-total, last year's figure, a subsidiary, gross
/// against net) and 2 may be real slips (non-GAAP EPS said as $1.31 and as $1.39, as
/// $1.80 and as $1.87), which this bound now misses: a warning wrong 17 times in 19
/// teaches owners to ignore warnings. A slip of a digit or a rounding (`$903 million`
/// and `$902 million`) is still reported.
fn near(a: &Figure, b: &Figure) -> bool {
    match (a.value, b.value) {
        (Some(x), Some(y)) if matches!(a.unit, Unit::Percent | Unit::BasisPoints) => (x - y).abs() <= 2.0,
        (Some(x), Some(y)) if x != 0.0 && y != 0.0 && x.signum() == y.signum() => (x / y).max(y / x) <= 1.02,
        _ => false,
    }
}

/// `$106.6 billion` and later `a record $106 billion`, `$250.6 million` and
/// `approximately $250 million`, `$151.2 billion` and `$150 billion`: a figure written
/// coarser than another is the same figure cut short when it lies within one unit of
/// its own last significant digit (a round number's zeros are not digits said). Two
/// figures written to the same precision, `$903 million` and `$902 million`, must agree
/// to it.
fn cut_short(a: &Figure, b: &Figure) -> bool {
    a.quantities.len() == b.quantities.len()
        && a.quantities.iter().zip(&b.quantities).all(|(x, y)| {
            let (ux, uy) = (significant_unit(x), significant_unit(y));
            ux != uy && (x.value - y.value).abs() < ux.max(uy)
        })
}

/// The unit of a quantity's last significant digit: `$106.6 billion` 0.1 billion, `$300
/// million` 100 million.
fn significant_unit(q: &Quantity) -> f64 {
    let mut unit = 2.0 * q.tolerance;
    if unit <= 0.0 {
        return unit;
    }
    let digits = (q.value / unit).round();
    if (q.value / unit - digits).abs() > 1e-6 || digits == 0.0 {
        return unit;
    }
    let mut digits = digits.abs() as u64;
    while digits.is_multiple_of(10) {
        digits /= 10;
        unit *= 10.0;
    }
    unit
}

/// Sentences that state one metric with several values (`net inflows of $227 million
/// and $162 million, respectively`, `orders of $384 million, and EFC orders of $324
/// million`): they enumerate parts the words did not name, so none of their figures is
/// compared.
fn enumerating_sentences(figures: &[&Figure]) -> HashSet<usize> {
    let mut seen: HashMap<(usize, MetricId), &Figure> = HashMap::new();
    let mut out = HashSet::new();
    for f in figures {
        let Some(metric) = f.metric_id() else { continue };
        match seen.get(&(f.sentence, metric)) {
            Some(first) if !first.agrees_with(f) => {
                out.insert(f.sentence);
            }
            Some(_) => {}
            None => {
                seen.insert((f.sentence, metric), f);
            }
        }
    }
    out
}

type Group<'a> = (MetricId, Option<Basis>, Scope, Option<&'a str>, Period, &'a Unit);

/// The conflict warnings of a call's figures. Each new value is reported once, against
/// the first earlier value it conflicts with; a value repeated later is not news.
pub fn find(figures: &[Figure], call: &Call, vocabulary: &Vocabulary) -> Vec<Warning> {
    let ambiguous = metrics_with_several_bases(figures);
    let mut groups: HashMap<Group<'_>, Vec<&Figure>> = HashMap::new();
    let mut warnings = Vec::new();
    // An analyst paraphrasing management (`$2.9 billion you said`) misstates nothing of
    // the company's.
    let by_management = |f: &&Figure| call.speaker(&f.speaker).is_none_or(|s| s.role != Role::Analyst);
    let candidates: Vec<&Figure> = figures
        .iter()
        .filter(|f| comparable(f) && headline_metric(f, vocabulary))
        .filter(by_management)
        .collect();
    let enumerating = enumerating_sentences(&candidates);
    for b in candidates.into_iter().filter(|f| !enumerating.contains(&f.sentence)) {
        let Some(metric) = b.metric_id() else { continue };
        if b.basis.is_none() && ambiguous.contains(&metric) {
            continue;
        }
        let key = (metric, b.basis, b.scope, b.segment.as_deref(), b.period, &b.unit);
        let distinct = groups.entry(key).or_default();
        if distinct.iter().any(|a| a.agrees_with(b) || cut_short(a, b)) {
            continue;
        }
        if let Some(a) = distinct.iter().find(|a| a.sentence != b.sentence && near(a, b)) {
            warnings.push(Warning::new(
                b.line,
                WarningKind::Conflict,
                format!(
                    "{} for {} is stated as {} (line {}) and as {} (line {})",
                    lowercase_first(a.label.as_deref().unwrap_or_default()),
                    a.period.label(),
                    a.text,
                    a.line,
                    b.text,
                    b.line
                ),
            ));
        }
        if distinct.len() < MAX_DISTINCT_VALUES {
            distinct.push(b);
        }
    }
    warnings
}

/// `Revenue` → `revenue`; a first word with more capitals (`AWS`, `LinkedIn`) stays.
fn lowercase_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    if first_word.chars().skip(1).any(char::is_uppercase) {
        return text.to_string();
    }
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A result whose reading is certain enough to be compared: an amount of money.
/// Ratios and counts stated twice with near values (occupancy of two portfolios, leverage
/// by two definitions) differ in what they cover far more often than by mistake.
fn comparable(f: &Figure) -> bool {
    f.kind == Kind::Actual
        && !f.change
        && f.value.is_some()
        && f.explicit
        && !f.uncertain
        && f.scope != Scope::Item
        && f.metric_id().is_some()
        && !matches!(
            f.unit,
            Unit::Percent | Unit::BasisPoints | Unit::Points | Unit::Multiple | Unit::Count
        )
}

/// Metrics a misstatement of matters in: those a headline shows. Balances (loans, cash,
/// debt) and costs move with dates and definitions a sentence does not give.
fn headline_metric(f: &Figure, vocabulary: &Vocabulary) -> bool {
    f.metric_id().is_some_and(|m| vocabulary.def(m).tier != Tier::Other)
}

/// Metrics the call states on more than one basis (`adjusted EPS` and `GAAP EPS`).
fn metrics_with_several_bases(figures: &[Figure]) -> Vec<MetricId> {
    let mut bases: HashMap<MetricId, Vec<Option<Basis>>> = HashMap::new();
    for f in figures {
        if let Some(m) = f.metric_id() {
            let seen = bases.entry(m).or_default();
            if f.basis.is_some() && !seen.contains(&f.basis) {
                seen.push(f.basis);
            }
        }
    }
    let mut out: Vec<MetricId> = bases
        .into_iter()
        .filter(|(_, b)| !b.is_empty())
        .map(|(m, _)| m)
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::WarningKind;
    use crate::figures::extract;
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
            ["3: revenue for Q1 2024 is stated as $903 million (line 1) and as $902 million (line 3)"]
        );
    }

    #[test]
    fn two_metrics_a_base_and_last_year_are_not_conflicts() {
        for text in [
            "Jane Roe: Core FFO and AFFO were $0.97 and $0.96 per share, respectively.\n",
            "Jane Roe: Total revenue grew from $23.3 million in Q3 2023 to $24.8 million.\n",
            "Jane Roe: Revenue was $24.8 million compared to $23.3 million last year.\n",
            "Jane Roe: Gross margin was 41.2% versus 40.1% in the prior year.\n",
            "Jane Roe: The Ritz generated EBITDA of $5.1 million. Adjusted EBITDA was $5.3 million. One hotel's EBITDA was $5.2 million.\n",
            "Jane Roe: Adjusted EPS was $1.01. GAAP EPS was $1.10. EPS was $1.05 excluding the charge.\n",
            // Written coarser: the same figure cut short.
            "Jane Roe: Assets under management totaled $106.6 billion.\n\nJohn Doe: Assets under management increased to a record $106 billion.\n",
            "Jane Roe: Capital expenditures were $250.6 million.\n\nJohn Doe: We spent approximately $250 million of capital expenditures.\n",
            "Jane Roe: Revenue was $151.2 billion.\n\nJohn Doe: Revenue was over $150 billion.\n",
            // One metric with several values in one sentence enumerates parts.
            "Jane Roe: Net inflows were $227 million.\n\nJohn Doe: Real estate and infrastructure had net inflows of $227 million and $228 million, respectively.\n",
            // Too far apart to be a slip: the words missed what tells them apart.
            "Jane Roe: Revenue was $247 million.\n\nJohn Doe: Revenue was $235 million in licensing.\n",
            // An adjusted measure adjusted once more is a measure of its own.
            "Jane Roe: Adjusted EBITDA before COVID-19 expenses was $96.4 million.\n\nJohn Doe: Adjusted EBITDA was $96.2 million.\n",
        ] {
            assert_eq!(warnings_of(text), Vec::<String>::new(), "{text}");
        }
    }
}
