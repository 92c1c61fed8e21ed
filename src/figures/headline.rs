//! The headline table: the figures a reader looks for first, one row per metric, basis,
//! segment and period, each with its value, its change (saying what it compares) and
//! links to every mention.
//!
//! Ranking: earnings per share and total revenue first (what newsrooms lead with), then
//! guidance for them, then the bottom line and the industry's own measures, then the
//! rest, then segments; at most [`MAX_ROWS`] rows. Parts (one property, an incremental
//! amount) and figures of other periods never make the table.

use std::collections::HashMap;

use serde::Serialize;

use crate::figures::grammar::{BANDS, Unit};
use crate::figures::period::{CallPeriod, Period};
use crate::figures::scope::Scope;
use crate::figures::vocabulary::{Basis, Measure, MetricDef, MetricId, Tier, Vocabulary};
use crate::figures::{Comparison, Direction, Figure, Kind, label};
use crate::transcript::{Call, Role, Section};

/// Most rows the table shows.
pub const MAX_ROWS: usize = 12;

/// Most rows when the lesser ones (the company's other measures, segments' other
/// measures) are counted: they fill a short table, never a long one.
pub const MAX_LESSER_ROWS: usize = 10;

/// How many mentions of one value a row links: a row of hundreds of links (a figure
/// repeated through a huge file) helps nobody, and finding them would cost the square of
/// the mentions.
pub const MAX_MENTIONS: usize = 12;

/// One row of the headline table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct HeadlineRow {
    /// `Revenue`, `AWS operating income`, `Adjusted EPS guidance`, `Net loss`.
    pub label: String,
    /// The metric's canonical name.
    pub metric: String,
    /// The basis, when stated.
    pub basis: Option<Basis>,
    /// The segment, for a segment row.
    pub segment: Option<String>,
    /// The period (`2024-Q1`, `FY2024`).
    pub period: Period,
    /// The period as the table shows it (`Q1 2024`, `FY2024`).
    pub period_label: String,
    /// Actual or guidance.
    pub kind: Kind,
    /// The value as written (`$143.3 billion`, `$144 billion – $149 billion`), or empty.
    pub value: String,
    /// The change as written with its sign and what it compares (`+13% YoY`), or empty.
    pub change: String,
    /// What the change compares with.
    pub comparison: Option<Comparison>,
    /// Id of the figure the row shows (its value, or its change when it has no value).
    pub figure: String,
    /// Id of the value figure, when the row has a value.
    pub value_figure: Option<String>,
    /// Id of the change figure, when the row has a change.
    pub change_figure: Option<String>,
    /// Id of the comparison base stated with the value, when there is one.
    pub prior_figure: Option<String>,
    /// Paragraph anchor of the row's figure.
    pub anchor: String,
    /// Paragraph anchors of the mentions of the value (first is `anchor`), at most
    /// [`MAX_MENTIONS`].
    pub mentions: Vec<String>,
    /// Paragraph anchor of the change figure, or empty.
    pub change_anchor: String,
}

/// What makes figures one row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct RowKey {
    metric: MetricId,
    basis: Option<Basis>,
    segment: Option<String>,
    period: Period,
    guidance: bool,
}

/// Picks the headline rows from `figures`.
pub fn choose(figures: &[Figure], call: &Call, period: &CallPeriod, vocabulary: &Vocabulary) -> Vec<HeadlineRow> {
    let mut groups: HashMap<RowKey, Vec<&Figure>> = HashMap::new();
    let mut order: Vec<RowKey> = Vec::new();
    // A level said to have risen from a base it is far below (or fallen from one far
    // above) is a slip of the transcript or of the reading (`Revenue increased 15.3% to
    // $63.2 million compared to $553.3 million`): it heads no row.
    let by_id: HashMap<&str, &Figure> = figures.iter().map(|f| (f.id.as_str(), f)).collect();
    // The direction must be a change's said of the same metric in the same paragraph
    // (`increased 15.3%`), not one the level merely carries.
    let said_moving = |f: &Figure| {
        figures
            .iter()
            .any(|g| g.change && g.paragraph == f.paragraph && g.metric == f.metric && g.direction == f.direction)
    };
    let contradicted: Vec<&str> = figures
        .iter()
        .filter(|f| {
            f.prior
                .as_deref()
                .and_then(|id| by_id.get(id))
                .is_some_and(|base| contradicts_its_base(f, base))
                && said_moving(f)
        })
        .map(|f| f.id.as_str())
        .collect();
    let eligible = |f: &Figure| candidate(f, period, call, vocabulary) && !contradicted.contains(&f.id.as_str());
    let with_quarter: Vec<(Option<MetricId>, Option<&str>)> = figures
        .iter()
        .filter(|f| eligible(f))
        .map(|f| (f.metric_id(), f.segment.as_deref()))
        .collect();
    // Year-to-date results stand in for a metric the call gives no quarter of.
    let year_to_date = |f: &&Figure| {
        matches!(f.kind, Kind::Actual | Kind::Change)
            && f.scope != Scope::Item
            && matches!(f.period, Period::YearToDate { year, .. } | Period::NineMonths { year, .. } | Period::Half { year, .. } if year == period.year)
            && !with_quarter.contains(&(f.metric_id(), f.segment.as_deref()))
    };
    for f in figures.iter().filter(|f| eligible(f) || year_to_date(f)) {
        let Some(metric) = f.metric_id() else { continue };
        let key = RowKey {
            metric,
            basis: f.basis,
            segment: f.segment.clone(),
            period: f.period,
            guidance: f.kind == Kind::Guidance,
        };
        let list = groups.entry(key.clone()).or_default();
        if list.is_empty() {
            order.push(key);
        }
        list.push(f);
    }
    merge_unqualified(&mut groups, &mut order);
    let first_of_metric = |metric: MetricId| order.iter().position(|k| k.metric == metric).unwrap_or(0);
    let mut rows: Vec<(Rank, f64, Candidate)> = order
        .iter()
        .enumerate()
        .filter_map(|(position, key)| {
            let row = candidate_row(&groups[key], key, call, vocabulary)?;
            let size = row.value.and_then(|f| f.value.or(f.high)).map_or(0.0, f64::abs);
            let facts = RowFacts {
                growth_only: row.value.is_none(),
                position,
                first_of_metric: first_of_metric(key.metric),
            };
            Some((rank(key, &facts, period, vocabulary), size, row))
        })
        .collect();
    results_beside_their_forecasts(&mut rows);
    years_after_forecasts(&mut rows, period);
    lead_with_largest_segments(&mut rows);
    rows.sort_by_key(|r| r.0);
    guidance_after_first_results(&mut rows);
    rows.sort_by_key(|r| r.0);
    rows.into_iter()
        .enumerate()
        .filter(|(i, (rank, _, _))| rank.group < LESSER_GROUP || *i < MAX_LESSER_ROWS)
        .take(MAX_ROWS)
        .map(|(_, (_, _, r))| r.written(vocabulary))
        .collect()
}

/// Each lead metric's first result, then their guidance, then their other results
/// (`EPS`, `Revenue`, `Adjusted EPS guidance`, … before `Adjusted EPS`, `Organic
/// revenue`): what a newsroom leads with. `rows` are in rank order.
/// The first result of a metric is its first row on a reported or adjusted basis; an
/// organic, pro forma or comparable figure leads only when the call states no other.
fn guidance_after_first_results(rows: &mut [(Rank, f64, Candidate)]) {
    let derived = |row: &Candidate| {
        matches!(
            row.key.basis,
            Some(Basis::Organic | Basis::ProForma | Basis::Comparable | Basis::Cash | Basis::Average)
        )
    };
    let lead: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].0.group == LEAD_GROUP).collect();
    let mut first: Vec<(&str, usize)> = Vec::new();
    for &i in &lead {
        let row = &rows[i].2;
        match first.iter_mut().find(|(metric, _)| *metric == row.metric) {
            Some((_, j)) if derived(&rows[*j].2) && !derived(row) => *j = i,
            Some(_) => {}
            None => first.push((row.metric, i)),
        }
    }
    // Earnings lead on both bases a call states for the quarter (GAAP and adjusted EPS).
    let second_basis = |i: usize| {
        let (rank, _, row) = &rows[i];
        rank.tier == Tier::Earnings
            && !rank.other_period
            && first.iter().any(|(m, j)| {
                *m == row.metric && *j != i && rows[*j].2.key.basis != row.key.basis && !rows[*j].0.other_period
            })
    };
    let mut kept_second: Vec<&str> = Vec::new();
    let mut demoted = Vec::new();
    for &i in &lead {
        if first.iter().any(|(_, j)| *j == i) {
            continue;
        }
        if second_basis(i) && !kept_second.contains(&rows[i].2.metric) {
            kept_second.push(rows[i].2.metric);
            continue;
        }
        demoted.push(i);
    }
    for i in demoted {
        rows[i].0.group = LEAD_OTHER_GROUP;
    }
}

/// A company measure the call forecasts (`Operating income guidance`) comes before the
/// segments, and its result with it: `Operating income`, then its guidance.
fn results_beside_their_forecasts(rows: &mut [(Rank, f64, Candidate)]) {
    let forecast: Vec<&str> = rows
        .iter()
        .filter(|r| r.0.group == COMPANY_GUIDANCE_GROUP)
        .map(|r| r.2.metric)
        .collect();
    for row in rows.iter_mut() {
        if row.0.group == MEASURE_GROUP && row.2.key.segment.is_none() && forecast.contains(&row.2.metric) {
            row.0.group = COMPANY_GUIDANCE_GROUP;
        }
    }
}

/// A fourth-quarter call's results for the whole year come after what the call
/// forecasts when it states the quarter's as well: a newsroom leads a year-end call with
/// the quarter and the coming year. (A metric given only for the year keeps its place.)
fn years_after_forecasts(rows: &mut [(Rank, f64, Candidate)], period: &CallPeriod) {
    let current = period.current();
    // The same metric of the same segment: a segment's quarter (`Tap fee revenue`) says
    // nothing of the company's year to date.
    let quarterly: Vec<(MetricId, Option<&str>)> = rows
        .iter()
        .filter(|r| !r.2.key.guidance && r.2.key.period == current)
        .map(|r| (r.2.key.metric, r.2.key.segment.as_deref()))
        .collect();
    for row in rows.iter_mut() {
        let key = row.2.key;
        if !key.guidance && key.period != current && quarterly.contains(&(key.metric, key.segment.as_deref())) {
            row.0.group = row.0.group.max(MEASURE_GROUP);
        }
    }
}

/// The largest segments' revenue comes first, and only the first
/// [`LEADING_SEGMENTS`] of them before the company's operating measures: a long list of
/// segments does not push those out.
fn lead_with_largest_segments(rows: &mut [(Rank, f64, Candidate)]) {
    let mut segments: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].0.group == SEGMENT_GROUP).collect();
    // Results before forecasts, then by size.
    segments.sort_by(|&a, &b| {
        (rows[a].0.guidance.cmp(&rows[b].0.guidance))
            .then(rows[b].1.total_cmp(&rows[a].1))
            .then(rows[a].0.cmp(&rows[b].0))
    });
    for (order, &i) in segments.iter().enumerate() {
        let rank = &mut rows[i].0;
        rank.position = order;
        if order >= LEADING_SEGMENTS {
            rank.group = LAST_GROUP;
        }
    }
}

/// A figure that may stand in the table: a metric of the company or a segment, for the
/// call's own period (or a forecast for a later one).
fn candidate(f: &Figure, period: &CallPeriod, call: &Call, vocabulary: &Vocabulary) -> bool {
    f.metric_id().is_some()
        && f.scope != Scope::Item
        && !garbled(f)
        // Analysts repeat and round management's figures; the table quotes management.
        && call.speaker(&f.speaker).is_none_or(|s| s.role != Role::Analyst)
        && match f.kind {
            // A dividend the board has declared for the quarter to come is news of
            // this call.
            Kind::Actual | Kind::Change => period.is_own(&f.period) || declared_ahead(f, period, vocabulary),
            // A forecast is of a period to come, never of the year so far (`at the beginning
            // of the year, we set medium-term targets of 4% to 6%` in a passage on the
            // year-to-date results).
            Kind::Guidance => {
                !matches!(f.period, Period::Earlier | Period::YearToDate { .. })
                    && !period.is_own(&f.period)
                    || f.period == Period::Current
            }
            Kind::Prior => false,
        }
}

/// A decision of the board for the quarter to come (`declared a first quarter 2021
/// dividend of $0.25` on a fourth-quarter call): reported as done, of a quarter not yet
/// begun. (A year still to come is no board's quarterly decision: `an annual dividend of
/// $0.50` dated by the year is a forecast or a slip.)
fn declared_ahead(f: &Figure, period: &CallPeriod, vocabulary: &Vocabulary) -> bool {
    f.metric_id()
        .is_some_and(|id| vocabulary.def(id).measure_is_announced())
        && f.period == period.next_quarter()
}

/// True when `level` moved the other way from `base` than its words say, by more than a
/// tenth: up to $63.2 million from $553.3 million. Positive amounts of one unit only (a
/// loss that narrowed is no contradiction).
fn contradicts_its_base(level: &Figure, base: &Figure) -> bool {
    let (Some(v), Some(b)) = (level.value, base.value) else {
        return false;
    };
    if level.change || v <= 0.0 || b <= 0.0 || level.unit != base.unit {
        return false;
    }
    match level.direction {
        Some(Direction::Up) => v < b * 0.9,
        Some(Direction::Down) => v > b * 1.1,
        None => false,
    }
}

/// A percentage no company reports: `our average closing price for the quarter was
/// 411,008% increase` is a transcript that ran `$411,000, an 8% increase` together. Kept
/// as a figure of its paragraph, never a row of the table.
fn garbled(f: &Figure) -> bool {
    f.unit.is_percentage() && f.value.or(f.high).is_some_and(|v| v.abs() >= 10_000.0)
}

/// A figure stated without a basis (`EPS $1.01`) whose value a row of the same metric on
/// a stated basis also gives (`adjusted EPS $1.01`) belongs to that row; and two bases
/// that state the same value (`adjusted` and `non-GAAP EPS $2.66`) are one row, the first.
fn merge_unqualified(groups: &mut HashMap<RowKey, Vec<&Figure>>, order: &mut Vec<RowKey>) {
    let same_row = |a: &RowKey, b: &RowKey| {
        a.metric == b.metric && a.segment == b.segment && a.period == b.period && a.guidance == b.guidance
    };
    let levels_agree = |a: &[&Figure], b: &[&Figure]| {
        a.iter()
            .any(|x| !x.change && b.iter().any(|y| !y.change && x.agrees_with(y)))
    };
    for key in order.iter().filter(|k| k.basis.is_none()).cloned().collect::<Vec<_>>() {
        let Some(list) = groups.get(&key).cloned() else {
            continue;
        };
        let key_at = order.iter().position(|k| *k == key).unwrap_or(0);
        for f in list.iter().filter(|f| !f.change) {
            let target = order
                .iter()
                .position(|k| k.basis.is_some() && same_row(k, &key) && levels_agree(&groups[k], &[*f]))
                .map(|at| order[at].clone());
            // The row first stated keeps the figures: `Net loss $4 million` then
            // `adjusted net loss $4.0 million` is one row, the net loss.
            match target {
                Some(target) if order.iter().position(|k| *k == target).unwrap_or(0) < key_at => {
                    groups.entry(key.clone()).or_default().retain(|g| !std::ptr::eq(*g, *f));
                    groups.entry(target).or_default().push(f);
                }
                Some(target) => {
                    let moved: Vec<&Figure> = groups
                        .get(&target)
                        .map(|l| l.iter().copied().filter(|g| !g.change && g.agrees_with(f)).collect())
                        .unwrap_or_default();
                    groups
                        .entry(target)
                        .or_default()
                        .retain(|g| !moved.iter().any(|m| std::ptr::eq(*m, *g)));
                    groups.entry(key.clone()).or_default().extend(moved);
                }
                None => {}
            }
        }
    }
    let mut i = 0;
    while i < order.len() {
        let earlier = order[..i]
            .iter()
            .find(|k| {
                k.basis.is_some()
                    && order[i].basis.is_some()
                    && same_row(k, &order[i])
                    && levels_agree(&groups[*k], &groups[&order[i]])
            })
            .cloned();
        match earlier {
            Some(target) => {
                let moved = groups.remove(&order[i]).unwrap_or_default();
                groups.entry(target).or_default().extend(moved);
                order.remove(i);
            }
            None => i += 1,
        }
    }
    order.retain(|k| groups.get(k).is_some_and(|l| !l.is_empty()));
}

/// Sort key of a row, compared field by field in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    /// Lead metrics, their guidance, the bottom line, leading segments, operating
    /// measures, lesser measures, other segment rows.
    group: u8,
    /// A row with only a growth rate comes after the rows with amounts.
    growth_only: bool,
    /// The metric's tier.
    tier: Tier,
    /// Where the metric was first stated, so that a metric's rows stand together.
    cluster: usize,
    /// Results before guidance.
    guidance: bool,
    /// The call's own quarter first.
    other_period: bool,
    /// Where the row was first stated (for leading segments: their order by size).
    position: usize,
}

/// What [`rank`] needs to know of a row besides its key.
struct RowFacts {
    growth_only: bool,
    position: usize,
    first_of_metric: usize,
}

/// The first rows: each lead metric's (EPS, revenue) first result.
const LEAD_GROUP: u8 = 0;

/// Guidance for the lead metrics.
const LEAD_GUIDANCE_GROUP: u8 = 1;

/// The lead metrics' other results (another basis, organic, year to date).
const LEAD_OTHER_GROUP: u8 = 2;

/// The bottom line and the measure an industry leads with.
const BOTTOM_LINE_GROUP: u8 = 3;

/// The company's other forecasts of its operating measures (cash flow, capital spending,
/// margins, EBITDA), each
/// beside its result: what a call says of the coming year comes before how its segments
/// did.
const COMPANY_GUIDANCE_GROUP: u8 = 4;

/// The group of segments' revenue rows, of which the first [`LEADING_SEGMENTS`] come
/// before the company's operating measures.
const SEGMENT_GROUP: u8 = 5;

/// How many segments' revenue rows come before the company's operating measures.
const LEADING_SEGMENTS: usize = 4;

/// The group of the company's operating measures (margins, EBITDA, cash flow).
const MEASURE_GROUP: u8 = 6;

/// The first group of lesser rows (see [`MAX_LESSER_ROWS`]).
const LESSER_GROUP: u8 = 7;

/// The last group: other segment rows.
const LAST_GROUP: u8 = 8;

fn rank(key: &RowKey, facts: &RowFacts, period: &CallPeriod, vocabulary: &Vocabulary) -> Rank {
    let tier = vocabulary.def(key.metric).tier;
    // Lead results, their guidance, the bottom line, then the revenue of the largest
    // segments, the industry's measures, the company's lesser measures (tax rate, cash),
    // then the rest of the segments. A segment's growth without its amount (`Azure
    // revenue grew 93%`) comes after the segments whose amounts are stated.
    let group = match (key.segment.is_some(), tier, key.guidance) {
        (false, Tier::Earnings | Tier::Revenue, false) => LEAD_GROUP,
        (false, Tier::Earnings | Tier::Revenue, true) => LEAD_GUIDANCE_GROUP,
        (false, Tier::Profit, _) => BOTTOM_LINE_GROUP,
        (true, Tier::Earnings | Tier::Revenue, _) if !facts.growth_only => SEGMENT_GROUP,
        (false, Tier::Kpi, true) => COMPANY_GUIDANCE_GROUP,
        (false, Tier::Other, true) => MEASURE_GROUP,
        (false, Tier::Kpi, _) => MEASURE_GROUP,
        (false, Tier::Other, _) => LESSER_GROUP,
        (true, _, _) => LAST_GROUP,
    };
    Rank {
        group,
        growth_only: facts.growth_only,
        tier,
        cluster: if matches!(group, LEAD_GROUP | LEAD_GUIDANCE_GROUP | SEGMENT_GROUP) {
            0
        } else {
            facts.first_of_metric
        },
        guidance: key.guidance,
        other_period: key.period != period.current(),
        position: facts.position,
    }
}

/// How much a figure is trusted to be the headline statement: prepared remarks by an
/// executive (the CFO or CEO above all) first, the metric named in its own clause.
fn authority(f: &Figure, call: &Call) -> i32 {
    let speaker = call.speaker(&f.speaker);
    let title = speaker.and_then(|s| s.title.as_deref()).unwrap_or("");
    let mut score = 0;
    if f.section == Section::Prepared {
        score += 4;
    }
    if speaker.is_some_and(|s| s.role == Role::Executive) {
        score += 2;
    }
    if ["cfo", "chief financial", "ceo", "chief executive"]
        .iter()
        .any(|t| crate::figures::discourse::contains_ignore_case(title, t))
    {
        score += 1;
    }
    if f.explicit {
        score += 2;
    }
    if f.uncertain {
        score -= 16;
    }
    score
}

/// A row chosen but not yet written: its figures and its metric's name. Only the rows
/// that make the table are written out (label, display text, mentions); writing every
/// candidate had been a third of the headline's cost.
struct Candidate<'a> {
    key: &'a RowKey,
    /// The row's figures.
    list: &'a [&'a Figure],
    /// The metric's canonical name.
    metric: &'a str,
    value: Option<&'a Figure>,
    change: Option<&'a Figure>,
    /// The value, or the change when there is no value.
    shown: &'a Figure,
}

/// Chooses the value and the change of the row of `key`, if it has one to show.
fn candidate_row<'a>(
    list: &'a [&'a Figure],
    key: &'a RowKey,
    call: &Call,
    vocabulary: &'a Vocabulary,
) -> Option<Candidate<'a>> {
    let def = vocabulary.def(key.metric);
    if key.segment.is_none() && matches!(def.tier, Tier::Earnings | Tier::Revenue) && only_answers(list) {
        return None;
    }
    let mut levels: Vec<&Figure> = list.iter().copied().filter(|f| !f.change).collect();
    if !key.guidance && matches!(key.period, Period::Quarter { quarter: 4, .. }) && flows(def) {
        drop_year_sized(&mut levels);
    }
    let value = best_level(&levels, key.guidance, call);
    let change = change_for(list, value, def.measure, key.guidance, call);
    // How far a result beat its forecast says nothing without the result.
    if value.is_none()
        && change
            .as_ref()
            .is_some_and(|c| c.comparison == Some(Comparison::Guidance))
    {
        return None;
    }
    Some(Candidate {
        key,
        list,
        metric: &def.name,
        value,
        change,
        shown: value.or(change)?,
    })
}

impl Candidate<'_> {
    /// The row as the table shows it.
    fn written(&self, vocabulary: &Vocabulary) -> HeadlineRow {
        let Candidate {
            key,
            list,
            value,
            change,
            shown,
            ..
        } = *self;
        let negative = shown.value.is_some_and(|v| v < 0.0) || shown.low.is_some_and(|v| v < 0.0);
        let mut name = label(
            vocabulary,
            key.metric,
            key.basis,
            key.segment.as_deref(),
            negative && !shown.change,
        );
        if key.guidance {
            name.push_str(" guidance");
        }
        let mentions = mentions_of(shown, list);
        HeadlineRow {
            label: name,
            metric: self.metric.to_string(),
            basis: key.basis,
            segment: key.segment.clone(),
            period: key.period,
            period_label: key.period.label(),
            kind: if key.guidance { Kind::Guidance } else { Kind::Actual },
            value: value.map(|f| display(&f.text)).unwrap_or_default(),
            change: change.map(signed).unwrap_or_default(),
            comparison: change.and_then(|c| c.comparison),
            figure: shown.id.clone(),
            value_figure: value.map(|f| f.id.clone()),
            change_figure: change.map(|c| c.id.clone()),
            prior_figure: value.and_then(|v| v.prior.clone()),
            anchor: shown.paragraph.clone(),
            mentions,
            change_anchor: change.map(|c| c.paragraph.clone()).unwrap_or_default(),
        }
    }
}

/// True when only the Q&A states a row's figures. A company's EPS or revenue that its
/// prepared remarks never state is seldom what an answer is about: read on the 73
/// Refinitiv calls, every such row was another thing's (`We earned $0.26 per share` of
/// AFFO, `our sales are down 50%` of a homebuilder whose board the CEO sits on, `$9,000
/// in revenue on mortgage, that's a $50 billion annual TAM`, a prepayment rate, a
/// customer's churn), so those rows are not shown.
fn only_answers(list: &[&Figure]) -> bool {
    list.iter().all(|f| f.section != Section::Prepared)
}

/// True for what a period earns or sells (EPS, revenue, profit), which a year has about
/// four quarters of; not balances or ratios.
fn flows(def: &MetricDef) -> bool {
    match def.measure {
        Measure::PerShare => true,
        Measure::Amount => matches!(def.tier, Tier::Earnings | Tier::Revenue | Tier::Profit),
        _ => false,
    }
}

/// A fourth-quarter call talks of the quarter and the year in one passage, so an undated
/// `adjusted earnings per share of $5.02` can stand beside the quarter's dated `$1.11`.
/// An undated statement about four times (between the bounds of [`YEAR_SIZED`]) the
/// largest dated one of the same quarter is the year's, and leaves the quarter's row. (A
/// ratio far outside says one of them is a part, which this cannot tell.)
fn drop_year_sized(levels: &mut Vec<&Figure>) {
    let size = |f: &Figure| f.value.or(f.high).filter(|v| *v > 0.0);
    let Some(dated) = levels
        .iter()
        .filter(|f| f.dated)
        .filter_map(|f| size(f))
        .max_by(f64::total_cmp)
    else {
        return;
    };
    let (low, high) = YEAR_SIZED;
    levels.retain(|f| f.dated || size(f).is_none_or(|v| !(dated * low..=dated * high).contains(&v)));
}

/// How many times a quarter's value a year's is: about four, as a business that grows or
/// shrinks through the year makes it.
const YEAR_SIZED: (f64, f64) = (3.0, 5.5);

/// The value a row shows: the most authoritative statement (a range first, for
/// guidance), then the earliest; written as precisely as any statement of the same value.
fn best_level<'f>(levels: &[&'f Figure], guidance: bool, call: &Call) -> Option<&'f Figure> {
    let best = levels
        .iter()
        .enumerate()
        .max_by_key(|(i, f)| (guidance && f.high.is_some(), authority(f, call), std::cmp::Reverse(*i)))
        .map(|(_, f)| *f)?;
    let precise = levels
        .iter()
        .filter(|f| f.agrees_with(best))
        .max_by_key(|f| std::cmp::Reverse(tolerance(f)))
        .copied()
        .unwrap_or(best);
    Some(precise)
}

/// How precisely a figure is written: the widest tolerance of its numbers, in units of
/// a billionth so that it orders as an integer.
fn tolerance(f: &Figure) -> u64 {
    f.quantities
        .iter()
        .map(|q| (q.tolerance / q.value.abs().max(1e-9) * 1e9) as u64)
        .max()
        .unwrap_or(0)
}

/// The change shown beside the value: the one stated with it (its `of` is the value or a
/// restatement of it), else one from the same paragraph, else the most authoritative;
/// year-over-year before sequential; a percentage first, points or basis points for a
/// ratio; for guidance, a range first; written as precisely as any statement of it. A
/// change stated with another value never stands beside this one: `7%` with the `−50
/// bps` said of `13.4%` would be a wrong statement.
fn change_for<'f>(
    list: &[&'f Figure],
    value: Option<&Figure>,
    measure: Measure,
    guidance: bool,
    call: &Call,
) -> Option<&'f Figure> {
    let belongs = |f: &Figure| match (value, f.of.as_deref()) {
        (Some(v), Some(of)) => of == v.id || list.iter().any(|g| g.id == of && g.agrees_with(v)),
        _ => true,
    };
    let changes: Vec<&Figure> = list
        .iter()
        .copied()
        .filter(|f| f.change)
        .filter(|f| measure != Measure::Ratio || f.unit != Unit::Percent)
        .filter(|f| belongs(f))
        .collect();
    let year_over_year_said = changes.iter().any(|f| f.comparison == Some(Comparison::Yoy));
    let preferred_unit = |f: &Figure| match measure {
        Measure::Ratio => matches!(f.unit, Unit::BasisPoints | Unit::Points),
        _ => f.unit == Unit::Percent,
    };
    let best = changes
        .iter()
        .enumerate()
        .max_by_key(|(i, f)| {
            let linked = value.is_some_and(|v| f.of.as_deref() == Some(v.id.as_str()));
            let same_paragraph = value.is_some_and(|v| v.paragraph == f.paragraph);
            // A year-over-year change before a sequential one: what a reader compares
            // a quarter with (`down 2% from the second quarter and 11% year-over-year`).
            let sequential = f.comparison == Some(Comparison::Qoq);
            // Growth before how far a result beat its forecast.
            let versus_forecast = f.comparison == Some(Comparison::Guidance);
            // The year's growth before the growth over two years (`increased 25% versus
            // last year and 12% versus two years ago`), whichever sentence the value is in;
            // without a year-over-year change, the change stated with the value.
            let two_years = f.comparison == Some(Comparison::TwoYears);
            (
                !versus_forecast,
                !(two_years && year_over_year_said),
                linked,
                same_paragraph,
                !sequential,
                preferred_unit(f),
                // A forecast given as a range before a single figure (`we have given 2022
                // guidance of 18% to 20%` over an aspiration `in excess of 10%`), as for
                // a value.
                guidance && f.high.is_some(),
                authority(f, call),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(_, f)| *f)?;
    // Written as precisely as any statement of the same change (`15% year-over-year
    // revenue growth` in the opening, `revenue was up 15.4%` in the CFO's review).
    let precise = changes
        .iter()
        .copied()
        .filter(|f| {
            f.agrees_with(best)
                && f.unit == best.unit
                && f.direction == best.direction
                && f.comparison == best.comparison
                && tolerance(f) < tolerance(best)
        })
        .min_by_key(|f| tolerance(f));
    Some(precise.unwrap_or(best))
}

fn mentions_of(shown: &Figure, list: &[&Figure]) -> Vec<String> {
    let mut mentions = vec![shown.paragraph.clone()];
    for f in list.iter().filter(|f| f.change == shown.change && f.agrees_with(shown)) {
        if mentions.len() == MAX_MENTIONS {
            break;
        }
        if !mentions.contains(&f.paragraph) {
            mentions.push(f.paragraph.clone());
        }
    }
    mentions
}

/// `between $144 billion and $149 billion` → `$144 billion – $149 billion`;
/// `460 basis points` → `460 bps`; `flat to down 6%` as written.
fn display(text: &str) -> String {
    // `flat to down 6%` and `mid- to high $10 billion` are no two ends.
    if text.starts_with("flat") || BANDS.iter().any(|b| text.starts_with(b)) {
        return text.to_string();
    }
    let t = text.strip_prefix("between ").unwrap_or(text);
    let t = &t.replace(" basis points", " bps").replace(" basis point", " bps");
    // `$4.07, plus or minus $0.01` (a tolerance band) reads `$4.07 ± $0.01`.
    for said in [", plus or minus ", " plus or minus ", " +/- ", ", +/- "] {
        if let Some((a, b)) = t.split_once(said) {
            return format!("{a} ± {b}");
        }
    }
    match t.split_once(" and ").or_else(|| t.split_once(" to ")) {
        Some((a, b)) => {
            // The words a range is written with between its ends (`$10.20 up to $10.45`,
            // `$2.10 per share to $2.35`, `$6.70 and to $7.40`) are the dash's.
            let a = [
                "up",
                "per diluted share",
                "per fully diluted share",
                "per share",
                "a share",
            ]
            .iter()
            .find_map(|w| a.trim().strip_suffix(w))
            .unwrap_or(a);
            let b = b.trim();
            let b = b.strip_prefix("to ").unwrap_or(b);
            format!("{} – {}", a.trim(), b.trim())
        }
        None => t.to_string(),
    }
}

/// The change with its sign and what it compares: `+13% YoY`, `−$2.2 billion`, `+7% –
/// +11%`.
fn signed(f: &Figure) -> String {
    let sign = match f.direction {
        Some(Direction::Up) => "+",
        Some(Direction::Down) => "−",
        None => "",
    };
    let text = display(&f.text);
    let body = match text.split_once(" – ") {
        _ if text.starts_with("flat") => text.clone(),
        Some((a, b)) if !sign.is_empty() => format!("{sign}{a} – {sign}{b}"),
        _ => format!("{sign}{text}"),
    };
    match f.comparison {
        Some(c) => format!("{body} {}", c.label()),
        None => body,
    }
}
