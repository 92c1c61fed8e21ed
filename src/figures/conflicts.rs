//! Conflicting statements: one metric, with the same basis, scope, segment, period and
//! comparison, stated with two different values on one call.
//!
//! A warning that is usually wrong teaches owners to ignore warnings, so only figures
//! whose reading is certain are compared: the metric named in the figure's own clause,
//! results (not changes, forecasts or comparison bases), not parts, not two items of one
//! enumerating sentence, and an unqualified figure only when the call states that metric
//! on one basis alone (`EPS` may mean GAAP or adjusted when the call gives both).

use std::collections::HashMap;

use crate::diagnostic::{Warning, WarningKind};
use crate::figures::grammar::Unit;
use crate::figures::scope::Scope;
use crate::figures::vocabulary::{Basis, MetricId, Tier, Vocabulary};
use crate::figures::{Figure, Kind, Period};
use crate::transcript::{Call, Role};

/// How many different values of one group the check remembers: a metric with more
/// values than this in one call is a table or a data dump, not a misstatement, and the
/// bound keeps the check linear on huge calls.
const MAX_DISTINCT_VALUES: usize = 32;

/// Values farther apart than this (a quarter, or two points for percentages) measure
/// different things the words did not tell apart; near values are misstatements.
fn near(a: &Figure, b: &Figure) -> bool {
    match (a.value, b.value) {
        (Some(x), Some(y)) if matches!(a.unit, Unit::Percent | Unit::BasisPoints) => (x - y).abs() <= 2.0,
        (Some(x), Some(y)) if x != 0.0 && y != 0.0 && x.signum() == y.signum() => (x / y).max(y / x) <= 1.25,
        _ => false,
    }
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
    for b in figures
        .iter()
        .filter(|f| comparable(f) && headline_metric(f, vocabulary))
        .filter(by_management)
    {
        let Some(metric) = b.metric_id() else { continue };
        if b.basis.is_none() && ambiguous.contains(&metric) {
            continue;
        }
        let key = (metric, b.basis, b.scope, b.segment.as_deref(), b.period, &b.unit);
        let distinct = groups.entry(key).or_default();
        if distinct.iter().any(|a| a.agrees_with(b)) {
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
        ] {
            assert_eq!(warnings_of(text), Vec::<String>::new(), "{text}");
        }
    }
}
