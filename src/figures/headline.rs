//! The headline table: the metrics a reader looks for first, one row each, with value,
//! change and links to every mention.

use serde::Serialize;

use crate::figures::Figure;
use crate::figures::metrics::{CallPeriod, Direction, Kind};
use crate::transcript::{Call, Role, Section};

/// Base metrics in the order the table shows them.
const ORDER: &[&str] = &[
    "revenue",
    "gross profit",
    "gross margin",
    "operating income",
    "operating margin",
    "adjusted EBITDA",
    "EBITDA",
    "net income",
    "EPS",
    "free cash flow",
    "operating cash flow",
    "capital expenditures",
];

/// Most rows the table shows.
const MAX_ROWS: usize = 16;

/// How many mentions of one value a row links: a row of hundreds of `¶` links (a figure
/// repeated through a huge file) helps nobody, and finding them would cost the square of
/// the mentions.
pub const MAX_MENTIONS: usize = 12;

/// One row of the headline table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct HeadlineRow {
    /// `Revenue`, `AWS operating income`, `Revenue guidance`.
    pub label: String,
    /// Period of the row.
    pub period: String,
    /// Actual or guidance.
    pub kind: Kind,
    /// The value as written (`$143.3 billion`, `$144 billion – $149 billion`), or empty.
    pub value: String,
    /// The change as written with its sign (`+13%`), or empty.
    pub change: String,
    /// Id of the figure the row shows.
    pub figure: String,
    /// Paragraph anchor of the row's figure.
    pub anchor: String,
    /// Paragraph anchors of the mentions of the value (first is `anchor`), at most
    /// [`MAX_MENTIONS`].
    pub mentions: Vec<String>,
    /// Paragraph anchor of the change figure, or empty.
    pub change_anchor: String,
    /// Id of the change figure, or empty.
    pub change_figure: String,
}

/// Picks the headline rows from `figures`.
pub fn choose(figures: &[Figure], call: &Call, period: &CallPeriod) -> Vec<HeadlineRow> {
    let current = period.current();
    let mut keys: Vec<(usize, usize, String, bool, String)> = Vec::new();
    let mut segments: Vec<String> = Vec::new();
    for f in figures {
        let Some(rank) = ORDER.iter().position(|m| *m == f.base_metric) else {
            continue;
        };
        let guidance = f.kind == Kind::Guidance;
        // Results of the call's own quarter, its trailing twelve months and its fiscal
        // year; earlier periods quoted for comparison stay out of the table.
        let own_year = period.year.map(|y| format!("FY{y}"));
        let own_period = guidance || f.period == current || f.period == "TTM" || Some(&f.period) == own_year.as_ref();
        if !own_period {
            continue;
        }
        let seg = f.segment.clone().unwrap_or_default();
        if !seg.is_empty() && !segments.contains(&seg) {
            segments.push(seg.clone());
        }
        let seg_rank = if seg.is_empty() {
            0
        } else {
            1 + segments.iter().position(|s| *s == seg).unwrap_or(0)
        };
        let key = (rank, seg_rank, f.metric.clone(), guidance, f.period.clone());
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    // Results first (total before segments), guidance after.
    keys.sort_by(|a, b| (a.3, a.0, a.1, &a.4).cmp(&(b.3, b.0, b.1, &b.4)));
    keys.iter()
        .filter_map(|(_, _, metric, guidance, p)| row(figures, call, metric, *guidance, p))
        .take(MAX_ROWS)
        .collect()
}

/// How much we trust a figure to be the headline statement: prepared remarks by the
/// CFO or CEO first.
fn authority(f: &Figure, call: &Call) -> i32 {
    let speaker = call.speaker(&f.speaker);
    let title = speaker.and_then(|s| s.title.as_deref()).unwrap_or("").to_lowercase();
    let mut score = 0;
    if f.section == Section::Prepared {
        score += 4;
    }
    if speaker.is_some_and(|s| s.role == Role::Executive) {
        score += 2;
    }
    if ["cfo", "chief financial", "ceo", "chief executive"]
        .iter()
        .any(|t| title.contains(t))
    {
        score += 1;
    }
    score
}

fn row(figures: &[Figure], call: &Call, metric: &str, guidance: bool, period: &str) -> Option<HeadlineRow> {
    let in_row = |f: &&Figure| f.metric == metric && f.period == period && (f.kind == Kind::Guidance) == guidance;
    let values: Vec<&Figure> = figures.iter().filter(in_row).filter(|f| is_level(f)).collect();
    let changes: Vec<&Figure> = figures.iter().filter(in_row).filter(|f| !is_level(f)).collect();
    // Most authoritative first; among equals a percentage (for changes), then the earliest.
    let best = |list: &[&Figure]| -> Option<Figure> {
        list.iter()
            .enumerate()
            .max_by_key(|(i, f)| (authority(f, call), f.unit == "%", std::cmp::Reverse(*i)))
            .map(|(_, f)| (*f).clone())
    };
    let value = best(&values);
    let change = best(&changes);
    // A segment's growth alone ("ad sales up 24%") is not a headline; a total's is.
    if value.is_none() && metric.contains(' ') && !is_base_name(metric) {
        return None;
    }
    let shown = value.as_ref().or(change.as_ref())?;
    let mut mentions = vec![shown.paragraph.clone()];
    for f in figures
        .iter()
        .filter(in_row)
        .filter(|f| f.agrees_with(shown) && is_level(f) == is_level(shown))
    {
        if mentions.len() == MAX_MENTIONS {
            break;
        }
        if !mentions.contains(&f.paragraph) {
            mentions.push(f.paragraph.clone());
        }
    }
    Some(HeadlineRow {
        label: label(metric, guidance),
        period: period.to_string(),
        kind: if guidance { Kind::Guidance } else { Kind::Actual },
        value: value.as_ref().map(|f| display(&f.text)).unwrap_or_default(),
        change: change.as_ref().map(signed).unwrap_or_default(),
        figure: shown.id.clone(),
        anchor: shown.paragraph.clone(),
        mentions,
        change_anchor: change.as_ref().map(|c| c.paragraph.clone()).unwrap_or_default(),
        change_figure: change.map(|c| c.id).unwrap_or_default(),
    })
}

fn is_base_name(metric: &str) -> bool {
    ORDER.contains(&metric)
}

/// A level (the amount of revenue, a margin) as opposed to a change of it; guidance
/// growth rates (`grow between 7% and 11%`) count as changes.
fn is_level(f: &Figure) -> bool {
    let natural_unit = if f.base_metric.ends_with("margin") {
        f.unit == "%"
    } else {
        f.unit != "%" && f.unit != "bps"
    };
    match f.kind {
        Kind::Actual => natural_unit,
        Kind::Change => false,
        Kind::Guidance => natural_unit && f.direction.is_none(),
    }
}

fn label(metric: &str, guidance: bool) -> String {
    let mut chars = metric.chars();
    let capitalised: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if guidance {
        format!("{capitalised} guidance")
    } else {
        capitalised
    }
}

/// `between $144 billion and $149 billion` → `$144 billion – $149 billion`;
/// `460 basis points` → `460 bps`.
fn display(text: &str) -> String {
    let t = text.strip_prefix("between ").unwrap_or(text);
    let t = &t.replace(" basis points", " bps").replace(" basis point", " bps");
    match t.split_once(" and ").or_else(|| t.split_once(" to ")) {
        Some((a, b)) => format!("{} – {}", a.trim(), b.trim()),
        None => t.to_string(),
    }
}

fn signed(f: &Figure) -> String {
    let sign = match f.direction {
        Some(Direction::Up) => "+",
        Some(Direction::Down) => "−",
        None => "",
    };
    let text = display(&f.text);
    match text.split_once(" – ") {
        Some((a, b)) if !sign.is_empty() => format!("{sign}{a} – {sign}{b}"),
        _ => format!("{sign}{text}"),
    }
}
