//! Reads one sentence: ties each figure to the metric it states (`revenue was $X`, `$X
//! in revenue`, `Core FFO and AFFO were $A and $B`, `…, respectively`), then decides
//! what it is (a result, a change, a forecast, or the base a result is compared with),
//! its period, basis, scope and sign.
//!
//! The rules read the words between a metric and a figure: only linking words (`was`,
//! `of`, `came in at`, a period, a basis) may stand there. A figure the rules cannot tie
//! to a metric stays a figure without one; a wrong metric would be worse than none.
//!
//! The reader's parts: `attach` (which metric a figure states), `parts` (direction,
//! basis, scope, sign, and the figures that are parts of a result), `kind` (result,
//! change, forecast or base; period; comparison), `mention` (metric phrases and what
//! qualifies them), `clauses` (clause spans and dates) and `words` (the word lists).

use serde::Serialize;

use crate::figures::discourse::{self, Discourse};
use crate::figures::grammar::{APPROXIMATIONS, Match, Unit, before_broken_number};
use crate::figures::lexicon::{self, Cue, Hit, Lex, ends_with_word};
use crate::figures::period::{self, CallPeriod, Period, PeriodPhrase, Relative};
use crate::figures::scope::{self, After, Scope};
use crate::figures::vocabulary::{Basis, Measure, MetricDef, MetricId, PhraseMeaning, Tier, Vocabulary};

mod attach;
mod clauses;
mod kind;
mod mention;
mod parts;
mod words;

use clauses::*;
use mention::*;
use words::*;

/// A result, a change, a forecast, or a comparison base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A result for a period (`revenue was $143.3 billion`).
    Actual,
    /// A change against another period (`up 13%`, `an increase of $4.1 billion`).
    Change,
    /// A forecast (`we expect revenue between …`), level or change.
    Guidance,
    /// The value a result is compared with (`compared to $3.1 million last year`, `up
    /// from our prior guidance of $2.40`).
    Prior,
}

/// Up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Increase.
    Up,
    /// Decrease.
    Down,
}

/// What a change or a base compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    /// The same period a year earlier.
    Yoy,
    /// The period before.
    Qoq,
    /// A year earlier, in constant currency.
    ConstantCurrency,
    /// A forecast given earlier (guidance, consensus).
    Guidance,
    /// An earlier period the text does not name.
    Earlier,
    /// The same period two years earlier (`up 12% versus two years ago`, `compared to
    /// 2019` on a 2021 call): the pandemic years' way of comparing.
    TwoYears,
}

impl Comparison {
    /// How the Change column shows it: `YoY`, `QoQ`, `cc`.
    pub fn label(self) -> &'static str {
        match self {
            Comparison::Yoy => "YoY",
            Comparison::Qoq => "QoQ",
            Comparison::ConstantCurrency => "cc",
            Comparison::Guidance => "vs guidance",
            Comparison::Earlier => "vs earlier",
            Comparison::TwoYears => "vs 2 years ago",
        }
    }
}

/// The reading of one figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The metric, when the sentence ties the figure to one.
    pub metric: Option<MetricId>,
    /// The basis (`adjusted`, `GAAP`).
    pub basis: Option<Basis>,
    /// Whole company, segment or part.
    pub scope: Scope,
    /// The segment, for [`Scope::Segment`].
    pub segment: Option<String>,
    /// Actual, change, guidance or prior.
    pub kind: Kind,
    /// The figure states a change (a growth rate, an increase), not a level.
    pub change: bool,
    /// What a change compares with.
    pub comparison: Option<Comparison>,
    /// Stated direction of a change.
    pub direction: Option<Direction>,
    /// The period.
    pub period: Period,
    /// The value is negative (a loss).
    pub negative: bool,
    /// For a change or a base: the index (in the sentence) of the level it belongs to.
    pub of: Option<usize>,
    /// The metric is named in the figure's own clause (not carried from elsewhere).
    pub explicit: bool,
    /// The period was named in the figure's sentence (not assumed).
    pub dated: bool,
}

/// What every sentence of a call is read against.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The metric vocabulary.
    pub vocabulary: &'a Vocabulary,
    /// The call's own period.
    pub call: &'a CallPeriod,
    /// Segments and company names the call knows.
    pub names: &'a scope::Names,
}

/// A metric phrase in a sentence, with what qualifies it.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    /// Where the words that qualify it start (`adjusted` in `adjusted EPS`).
    lead: usize,
    /// After the words that follow and qualify it (`from X`, `attributable to …`).
    tail: usize,
    /// `None` for words that look like a metric but are not one (they still stop a
    /// figure from reaching a metric further back).
    metric: Option<MetricId>,
    basis: Option<Basis>,
    negative: bool,
    scope: Scope,
    segment: Option<String>,
    this_segment: bool,
    total: bool,
    /// The denominator of a share (`56% of our total revenue`): no figure after it
    /// states it.
    share: bool,
    /// Its segment was called one, or is one the call names: it holds for the paragraph.
    segment_named: bool,
    /// An adjusted measure adjusted once more (`adjusted EBITDA before COVID-19
    /// expenses`): a measure of its own, never the adjusted one a call also states, so
    /// its figures are not certain enough to compare.
    readjusted: bool,
}

/// One sentence prepared for reading.
struct Sentence<'a> {
    text: &'a str,
    /// `text` ASCII-lowercased (the same bytes at the same offsets): rules read words
    /// case-blind by slicing it, never by lowercasing a copy per figure.
    lower: &'a str,
    /// Segments the call names.
    known: &'a [String],
    /// The same, lowercased.
    known_lower: &'a [String],
    /// Segments the turn has talked about.
    seen: Vec<String>,
    figs: Vec<(usize, usize, &'a Match)>,
    mentions: Vec<Mention>,
    cues: Vec<(usize, usize, Cue)>,
    periods: Vec<PeriodPhrase>,
    /// Clause starts, each with whether a hard mark (`;`, a dash, a parenthesis) opens it.
    clauses: Vec<(usize, bool)>,
    /// Calendar dates (`September 30, 2022`, `02/28/2026`), with `at`/`as of` before them.
    dates: Vec<(usize, usize)>,
    /// Where the words of `lower` are.
    words: WordIndex,
}

/// Reads the figures of one sentence, given as its text and the text ASCII-lowercased.
/// `figures` and `hits` are relative to the sentence text. Returns one entry per figure:
/// `None` for a number that is no figure (a price per month), a reading otherwise (with
/// or without a metric).
pub fn read_sentence<'a>(
    ctx: &Context<'a>,
    discourse: &mut Discourse,
    (text, lower): (&'a str, &'a str),
    figures: &[(usize, usize, &'a Match)],
    hits: &[Hit],
) -> Vec<Option<Reading>> {
    debug_assert_eq!(text.len(), lower.len(), "a lowercased copy keeps every offset");
    let mut s = Sentence::new(ctx, text, lower, figures, hits);
    let sentence_segment = discourse::sentence_segment(text).filter(|name| !ctx.names.names_company(name));
    if let Some(seg) = &sentence_segment {
        discourse.see(seg);
    }
    s.seen = discourse.seen_segments.clone();
    s.end_year_passage(ctx, discourse);
    let pairs = s.pairings();
    let mut out: Vec<Option<Reading>> = Vec::with_capacity(figures.len());
    for i in 0..s.figs.len() {
        let reading = s.read(ctx, discourse, i, &pairs, &out, sentence_segment.as_deref());
        out.push(reading);
    }
    let restatements: Vec<bool> = (0..out.len()).map(|i| s.restates_previous(i)).collect();
    link_changes_and_bases(&mut out, &restatements);
    s.carry_forward(ctx, discourse, &out);
    if let Some(id) = out
        .iter()
        .flatten()
        .filter_map(|r| r.metric)
        .rfind(|id| per_share_earnings(ctx.vocabulary.def(*id)))
    {
        discourse.per_share_measure = Some(id);
    }
    s.frame_results(ctx, discourse, &out);
    // A period the sentence names for its results holds for the rest of the paragraph
    // (`So, year-to-date, … earnings per share is $0.25. And then, our net income …`),
    // until a sentence names the call's own quarter for its results.
    if let Some(p) = s.sentence_period(ctx, false)
        && out
            .iter()
            .flatten()
            .any(|r| r.metric.is_some() && r.kind == Kind::Actual && r.period == p)
    {
        discourse.paragraph_period = (p != ctx.call.current()).then_some(p);
    }
    s.note_segment(discourse, sentence_segment);
    out
}

impl<'a> Sentence<'a> {
    fn new(
        ctx: &Context<'a>,
        text: &'a str,
        lower: &'a str,
        figures: &[(usize, usize, &'a Match)],
        hits: &[Hit],
    ) -> Sentence<'a> {
        let mut mentions = Vec::new();
        let mut cues = Vec::new();
        for h in hits {
            match h.lex {
                Lex::Cue(Cue::Inert) => {}
                Lex::Cue(c) => cues.push((h.start, h.end, c)),
                Lex::Phrase(PhraseMeaning::NotMetric) => mentions.push(Mention::blocker(h.start, h.end)),
                Lex::Phrase(PhraseMeaning::Metric { id, basis, loss }) => {
                    mentions.push(Mention::read(ctx, text, h.start, h.end, id, basis, loss));
                }
            }
        }
        merge_adjacent(&mut mentions, text);
        drop_qualifying_words(&mut mentions);
        per_share_siblings(&mut mentions, &mut cues, text, ctx.vocabulary);
        for m in &mut mentions {
            m.share = is_share_denominator(&text[..m.start]);
        }
        mark_ratio_denominators(&mut mentions, (text, lower), ctx.vocabulary);
        share_basis_across_and(&mut mentions, text, ctx.vocabulary);
        Sentence {
            text,
            lower,
            known: &ctx.names.segments,
            known_lower: &ctx.names.segments_lower,
            seen: Vec::new(),
            figs: figures.to_vec(),
            mentions,
            cues,
            periods: period::phrases(text),
            clauses: clause_starts(lower),
            dates: dates(text),
            words: WordIndex::of(lower),
        }
    }

    /// The words of `lower[from..to]`, each with its offset from `from`.
    fn words_at(&self, from: usize, to: usize) -> Vec<(usize, &'a str)> {
        self.words.between(self.lower, from, to).collect()
    }

    /// The words of `lower[from..to]`.
    fn words_of(&self, from: usize, to: usize) -> Vec<&'a str> {
        self.words_iter(from, to).collect()
    }

    /// The words of `lower[from..to]`, one by one.
    fn words_iter(&self, from: usize, to: usize) -> impl Iterator<Item = &'a str> + '_ {
        self.words.between(self.lower, from, to).map(|(_, w)| w)
    }

    /// The clause that `pos` lies in: `(start, end)`.
    fn clause(&self, pos: usize) -> (usize, usize) {
        let i = self.clauses.partition_point(|(s, _)| *s <= pos);
        let start = if i == 0 { 0 } else { self.clauses[i - 1].0 };
        let end = self.clauses.get(i).map_or(self.text.len(), |(s, _)| *s);
        (start, end)
    }

    /// True when the clause starting at `start` was opened by a hard mark.
    fn opened_hard(&self, start: usize) -> bool {
        self.clauses.iter().any(|(s, hard)| *s == start && *hard)
    }

    /// Where a `per share` phrase right at `end` ends, if there is one.
    fn per_share_at(&self, end: usize) -> Option<usize> {
        self.cues
            .iter()
            .find(|(s, _, c)| *c == Cue::PerShare && *s >= end && self.text[end..*s].trim().is_empty())
            .map(|(_, e, _)| *e)
    }

    /// `loss` among the words from a metric to its figure.
    fn loss_between(&self, from: usize, to: usize) -> bool {
        from < to
            && self.text[from..to]
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case("loss"))
    }

    /// `reported and adjusted earnings per share were $0.38 and $0.29, respectively`:
    /// bases listed before one metric pair in order with the figures listed after it.
    fn listed_basis(&self, i: usize, x: &Mention) -> Option<Basis> {
        let run = self.run_of(i);
        if run.len() < 2 || self.figs[run[0]].0 < x.end {
            return None;
        }
        let (clause_start, _) = self.clause(x.start);
        let words = self.words_of(clause_start.min(x.start), x.start);
        // The trailing list `B1 and B2`, `B1, B2 and B3` of basis words.
        let mut bases = Vec::new();
        let mut expect_basis = true;
        for w in words.iter().rev() {
            match (expect_basis, Basis::from_word(w)) {
                (true, Some(b)) => {
                    bases.push(b);
                    expect_basis = false;
                }
                (false, _) if *w == "and" => expect_basis = true,
                (true, None) if bases.is_empty() && matches!(*w, "diluted" | "fully" | "basic") => {}
                _ => break,
            }
        }
        bases.reverse();
        let k = run.iter().position(|&j| j == i)?;
        (bases.len() == run.len()).then(|| bases[k])
    }

    /// The figure restates the one right before it (`$54 million or $0.06 per share`,
    /// `$0.06, or $54 million`).
    fn restates_previous(&self, i: usize) -> bool {
        i > 0 && {
            let gap = self.text[self.past_per_share(self.figs[i - 1].1)..self.figs[i].0].to_ascii_lowercase();
            let gap = gap.trim_matches(|c: char| c.is_whitespace() || c == ',');
            let gap = strip_approximations(gap);
            // `$24 million on a pre-tax basis or $0.79 per share`, `$12 million after tax or`.
            let tax_words = |head: &str| {
                !head.is_empty()
                    && head.split_whitespace().all(|w| {
                        matches!(
                            w.trim_end_matches(','),
                            "on" | "a"
                                | "an"
                                | "pre-tax"
                                | "pretax"
                                | "after-tax"
                                | "aftertax"
                                | "after"
                                | "tax"
                                | "basis"
                                | "net"
                                | "of"
                        )
                    })
            };
            gap == "or"
                || gap == "or about"
                || gap == "equivalent to"
                || gap == "or an"
                || gap.strip_suffix(" or").is_some_and(tax_words)
        }
    }

    /// True when the figure at `j` is the value `of` words that name no metric (`LIFO
    /// income of $12.5 million`, `storm-related net expenses of`); not a figure the
    /// company earned (`we earned $12.5 million`), its bottom line (`a net loss of`, `an
    /// income of`) or a change (`an increase of $309 million or 19%`).
    fn no_metric_named_before(&self, j: usize) -> bool {
        let head = strip_approximations(self.lower[..self.figs[j].0].trim_end());
        let Some(head) = head.strip_suffix(" of") else {
            return false;
        };
        let Some(noun) = head.split_whitespace().next_back() else {
            return false;
        };
        if !noun.chars().all(|c| c.is_ascii_alphabetic() || c == '-') || CHANGE_NOUNS.contains(&noun) {
            return false;
        }
        // The bottom line anywhere before it in its clause (`net income attributed to
        // the company's stockholders of`, `a GAAP loss in the fourth quarter of`).
        let (clause_start, _) = self.clause(self.figs[j].0);
        let clause = self.words_of(clause_start, self.figs[j].0);
        !clause.windows(2).any(|w| {
            matches!(w[0], "net" | "gaap" | "a" | "an" | "our")
                && matches!(w[1], "income" | "loss" | "earnings" | "profit")
        })
    }

    /// `earnings of $4.27 per diluted share, up 43.3%`: a percentage change right after
    /// the per-share figure of its own metric continues that figure (EPS), not the metric
    /// the word names (net income), when no metric is named between them or after it in
    /// its clause (`an 8% increase over net income of $2.4 million` is net income's). An
    /// amount (`increased $55.4 million`) is never a per-share figure's change.
    fn per_share_continued(
        &self,
        ctx: &Context<'_>,
        i: usize,
        metric: MetricId,
        change: bool,
        out: &[Option<Reading>],
    ) -> Option<MetricId> {
        let sibling = ctx.vocabulary.def(metric).per_share?;
        let previous = out.get(i.checked_sub(1)?)?.as_ref()?;
        let prev_end = self.figs[i - 1].1;
        let (start, end, m) = &self.figs[i];
        let (_, clause_end) = self.clause(*start);
        let named = |from: usize, to: usize| {
            self.mentions
                .iter()
                .any(|x| x.metric.is_some() && x.start >= from && x.start < to)
        };
        let continues = change
            && m.low.unit.is_percentage()
            && !previous.change
            && previous.metric == Some(sibling)
            && self.per_share_at(prev_end).is_some()
            && !named(prev_end, *start)
            && !named(*end, clause_end);
        continues.then_some(sibling)
    }

    /// `end`, or the end of a `per share` phrase right after it.
    fn past_per_share(&self, end: usize) -> usize {
        self.per_share_at(end).unwrap_or(end)
    }

    fn cues_in(&self, start: usize, end: usize) -> impl DoubleEndedIterator<Item = &(usize, usize, Cue)> {
        self.cues.iter().filter(move |(s, e, _)| *s >= start && *e <= end)
    }

    /// The per-share earnings measure a per-share figure with no metric of its own
    /// states (`finish the quarter at $1.77 per share in FFO and raise annual guidance to
    /// $6.93 per share`): the one a figure of the sentence stated before it (not a
    /// balance such as book value per share); else one the sentence named before it that
    /// no figure took (`FFO per share as adjusted for comparability of $0.58 … our
    /// expected annual results of $2.35 per share`); else, when the sentence names no
    /// metric before it, the one the call last stated (a REIT's FFO per share; `net
    /// income totaled 900,000 or $0.01 per diluted share` is EPS); else EPS.
    fn per_share_measure(
        &self,
        ctx: &Context<'_>,
        discourse: &Discourse,
        i: usize,
        out: &[Option<Reading>],
    ) -> Option<MetricId> {
        let start = self.figs[i].0;
        let earnings = |id: &MetricId| per_share_earnings(ctx.vocabulary.def(*id));
        let mut named_before = self
            .mentions
            .iter()
            .filter(|x| x.end <= start)
            .filter_map(|x| x.metric)
            .peekable();
        let names_none = named_before.peek().is_none();
        out[..i]
            .iter()
            .rev()
            .flatten()
            .filter_map(|r| r.metric)
            .find(earnings)
            .or_else(|| named_before.rfind(earnings))
            .or(discourse.per_share_measure.filter(|_| names_none))
            .or_else(|| ctx.vocabulary.id("EPS"))
    }

    fn read(
        &self,
        ctx: &Context<'_>,
        discourse: &Discourse,
        i: usize,
        pairs: &[Option<usize>],
        out: &[Option<Reading>],
        sentence_segment: Option<&str>,
    ) -> Option<Reading> {
        let (start, end, m) = self.figs[i];
        let after = self.lower[end..].trim_start();
        // A price per month or per item is no figure of the call.
        let per_item = PER_ITEM
            .iter()
            .any(|p| after.starts_with(p) && after[p.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()));
        if per_item {
            return None;
        }
        let per_share = self.per_share_after(i);
        // `issued 2 million shares at an average price of $23.86 per share`: a price.
        if per_share.is_some() && self.word_before(start, 3, &["price"]) {
            return None;
        }
        // `$0.47 per diluted share of core FFO`: the metric the per-share phrase names.
        let attached = match per_share.and_then(|p| p.of) {
            Some(of) if !matches!(self.attach(i, pairs, out), Some(Attachment::Mention(..))) => {
                Some(Attachment::Mention(of, true))
            }
            _ => self.attach(i, pairs, out),
        };
        let mention = match attached {
            Some(Attachment::Mention(x, _)) => Some(&self.mentions[x]),
            _ => None,
        };
        let continued = match attached {
            Some(Attachment::Figure(j)) => out[j].as_ref(),
            _ => None,
        };
        let mut r = Reading {
            metric: None,
            basis: None,
            scope: Scope::Total,
            segment: None,
            kind: Kind::Actual,
            change: false,
            comparison: None,
            direction: self.direction(i),
            period: ctx.call.current(),
            negative: false,
            of: None,
            explicit: false,
            dated: false,
        };
        let earned = self.company_earned(start);
        let fitted = match mention.and_then(|x| x.metric).or(continued.and_then(|c| c.metric)) {
            Some(_) if mention.is_some_and(|x| self.bare_percentage_before_amount(ctx, i, x)) => None,
            Some(id) => self.fit(ctx, i, id, per_share),
            None if per_share.is_some_and(|p| !p.of_other) && self.earned_before(start) => self
                .per_share_measure(ctx, discourse, i, out)
                .and_then(|id| self.fit(ctx, i, id, per_share)),
            // `Capital One earned $3.3 billion`: the bottom line.
            None if earned.is_some() => ctx
                .vocabulary
                .id("net income")
                .and_then(|id| self.fit(ctx, i, id, per_share)),
            None => None,
        };
        if let Some(Fit { metric, change, basis }) = fitted {
            r.metric = Some(self.per_share_continued(ctx, i, metric, change, out).unwrap_or(metric));
            r.change = change;
            if r.direction.is_none() && self.unsigned_growth_rate(ctx, i, metric, mention) {
                r.direction = Some(Direction::Up);
            }
            r.explicit = match attached {
                Some(Attachment::Mention(m, own)) => own && !self.mentions[m].readjusted,
                Some(Attachment::Figure(_)) => continued.is_some_and(|c| c.explicit),
                None => false,
            };
            if let Some(c) = continued {
                r.basis = c.basis;
                r.negative = c.negative && !change;
                r.scope = c.scope;
                r.segment = c.segment.clone();
                // `down 2% from the second quarter and 11% year-over-year`: one direction
                // for both.
                if change && c.change {
                    r.direction = r.direction.or(c.direction);
                }
            }
            if let Some(x) = mention {
                r.basis = self
                    .restating_basis(start)
                    .or_else(|| self.listed_basis(i, x))
                    .or(x.basis)
                    .or(basis)
                    .or_else(|| self.clause_basis(start, !change));
                // Revenue is reported revenue unless a basis says otherwise: `reported
                // revenue` is revenue.
                if r.basis == Some(Basis::Gaap) && ctx.vocabulary.def(metric).tier == Tier::Revenue {
                    r.basis = None;
                }
                // `EPS loss of $0.26`, `estimated to be a loss in the range of`.
                r.negative = x.negative || self.loss_between(x.tail, start);
                (r.scope, r.segment) = self.scope_of(x, discourse, sentence_segment);
                if let Some(scope) = r
                    .segment
                    .as_deref()
                    .and_then(|s| not_a_segment(ctx.vocabulary, s, metric))
                {
                    (r.scope, r.segment) = (scope, None);
                }
                // Earnings, the bottom line and the company's cash, capital and tax
                // measures are the company's: a passage about a segment does not make
                // them the segment's (only words of their own sentence naming the segment
                // do: `Capital expenditures are now expected to be approximately $4.2
                // billion` after a passage on the international segment).
                let def = ctx.vocabulary.def(metric);
                let company_level =
                    matches!(def.tier, Tier::Earnings | Tier::Profit) || COMPANY_WIDE.contains(&def.name.as_str());
                if company_level
                    && x.segment.is_none()
                    && r.scope == Scope::Segment
                    && !self.names_segment_itself(x, sentence_segment)
                {
                    (r.scope, r.segment) = (Scope::Total, None);
                }
            }
            if let Some(b) = self.basis_right_after(i).or_else(|| self.basis_right_before(i)) {
                r.basis = Some(b);
            }
            // `Excluding these gains, we earned $2.15 per diluted share`: without the
            // items the sentence names, an adjusted figure.
            if r.basis.is_none() && !r.change && self.excluding_before(start) {
                r.basis = Some(Basis::Adjusted);
            }
            // Said after the figure, only of results that have an adjusted form (not
            // `occupancy of 94.3% excluding the hotels under renovation`).
            let result = matches!(
                ctx.vocabulary.def(metric).tier,
                Tier::Earnings | Tier::Revenue | Tier::Profit
            );
            if r.basis.is_none() && result && self.excluding_after(i) {
                r.basis = Some(Basis::Adjusted);
            }
            if mention.is_none() && continued.is_none() {
                // `earned $1.05 per diluted share`: the per-share phrase names EPS, and a
                // segment the sentence names is its own (`Results for the regulated
                // business segment were $0.74 per share`).
                r.explicit = true;
                if let Some(seg) = self.segment_named_before(start) {
                    (r.scope, r.segment) = (Scope::Segment, Some(seg));
                }
            }
            if let Some(owner) = per_share.and_then(|p| p.of).map(|of| &self.mentions[of]) {
                r.basis = owner.basis.or(r.basis);
                r.negative |= owner.negative;
            }
            // `non-GAAP net income was $157.4 million, or $5.21 diluted earnings per
            // share`: the per-share restatement of a level is on the level's basis.
            if r.basis.is_none()
                && self.restates_previous(i)
                && let Some(level) = out.last().and_then(|o| o.as_ref())
                && level
                    .metric
                    .is_some_and(|m| ctx.vocabulary.def(m).per_share == r.metric)
            {
                r.basis = level.basis;
            }
        } else {
            r.change = m.low.unit.is_percentage() && r.direction.is_some() || self.moves(i);
        }
        // `The increase in revenue was $5 million`: the subject says the figure is a change.
        if !r.change
            && let Some(direction) = self.subject_is_change(start)
        {
            r.change = true;
            r.direction = Some(direction);
        }
        // `ATI lost $0.39 per share`: the company's loss, not a part lost.
        let part = earned.is_none() && self.part_verb_before(start);
        if part
            || mention.is_some_and(|x| self.excluded_from(x, start))
            || self.excluded_by_verb(start)
            || self.about_one_property()
            || (self.of_a_month(start) && r.metric.is_some_and(|m| measured_over_time(ctx.vocabulary.def(m))))
            || self.tolerance_before(start)
            || self.is_impact(i)
            || self.hypothetical(start)
            || self.cumulative(start)
            || self.moved_between_periods(end)
            || m.low.unit.is_percentage() && mention.is_some_and(|x| self.change_of_a_rate(i, x))
        {
            r.scope = Scope::Item;
        }
        // `charges of $54 million or $0.06 per diluted share`: a restatement of a part
        // is that part.
        // So is the per-share restatement of a thing the vocabulary does not count as a
        // metric (`LIFO income of $12.5 million or $0.15 of earnings per diluted share`).
        if self.restates_previous(i)
            && out
                .last()
                .and_then(|o| o.as_ref())
                .is_some_and(|p| p.scope == Scope::Item || p.metric.is_none() && self.no_metric_named_before(i - 1))
        {
            r.scope = Scope::Item;
        }
        let constant_currency_level = !r.change && self.in_constant_currency(start);
        // A dividend said per year (`our dividend … to $1.85 per share annually`) is its
        // annual rate, the news itself; buybacks that `have averaged approximately $55
        // million annually` are history.
        let dividend = r
            .metric
            .is_some_and(|id| DIVIDENDS.contains(&ctx.vocabulary.def(id).name.as_str()));
        let annual_rate = !dividend && self.per_year(end);
        // `a loss of $2.66 per share from net realized losses`: a part of EPS.
        if mention.is_none() && continued.is_none() && per_share.is_some() && self.followed_by_from(i) {
            r.scope = Scope::Item;
        }
        r.negative |= !r.change && (self.negative_before(start) || earned == Some(true));
        // `we reported a loss of $25.2 million or $0.73 per diluted share`, `GAAP earnings
        // were negative $63.4 million or $0.52 per common share`: the per-share
        // restatement of a loss is a loss per share.
        r.negative |= !r.change
            && per_share.is_some()
            && self.restates_previous(i)
            && (self.loss_before(i - 1) || out[i - 1].as_ref().is_some_and(|p| p.negative && !p.change));
        self.decide_kind(ctx, discourse, i, &mut r, out);
        // A result restated at constant currency is a what-if; a forecast at constant
        // rates (`assuming … constant exchange rates, we expect`) is the forecast.
        if (constant_currency_level || annual_rate) && r.kind != Kind::Guidance {
            r.scope = Scope::Item;
        }
        if r.change && r.comparison.is_none() {
            let previous = i.checked_sub(1).and_then(|p| out[p].as_ref());
            r.comparison = self.comparison(ctx, i, previous);
        }
        Some(r)
    }
}

/// True for a per-share measure of earnings (EPS, FFO per share), not of a balance.
fn per_share_earnings(def: &MetricDef) -> bool {
    def.measure == Measure::PerShare && def.tier == Tier::Earnings
}

/// True for a metric a period's performance is measured by (sales, RevPAR, occupancy,
/// orders), whose figure for one month is not the quarter's; not a balance, nor what a
/// board decides in a month (`In March, we distributed a $0.38 per share cash dividend`
/// is the quarter's dividend).
fn measured_over_time(def: &MetricDef) -> bool {
    def.tier != Tier::Other && !def.measure_is_announced()
}

/// A metric a figure can state, as a level or a change, and the basis the fit implies.
#[derive(Debug, Clone, Copy)]
struct Fit {
    metric: MetricId,
    change: bool,
    basis: Option<Basis>,
}

/// What a figure is tied to.
#[derive(Debug, Clone, Copy)]
enum Attachment {
    /// A metric phrase of the sentence (by index), and whether it is in the figure's own
    /// clause.
    Mention(usize, bool),
    /// The figure before it (by index) that it continues (`…, up 13%`).
    Figure(usize),
}

/// A per-share phrase after a figure, and the mention it is per share of.
#[derive(Debug, Clone, Copy)]
struct PerShare {
    of: Option<usize>,
    /// `of` and words naming no metric follow (`$0.01 per share of property expenses
    /// associated with Hurricane Ian`): the figure is per share of that thing.
    of_other: bool,
}

/// What a comparison base is compared as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PriorCue {
    Year,
    Quarter,
    Guidance,
    Earlier,
}

/// Links each change and each base to the level figure of the same metric before it in
/// the sentence (a base with none before it, to the one after it); a level restated in
/// other words (`$802.4 million, or RMB 5.59 billion`) is linked through its first form.
fn link_changes_and_bases(readings: &mut [Option<Reading>], restatements: &[bool]) {
    for i in 0..readings.len() {
        let Some(r) = &readings[i] else { continue };
        if !(r.change || r.kind == Kind::Prior) || r.metric.is_none() {
            continue;
        }
        let (metric, segment, prior) = (r.metric, r.segment.clone(), r.kind == Kind::Prior);
        let is_level = |j: &usize| {
            readings[*j]
                .as_ref()
                .is_some_and(|l| !l.change && l.kind != Kind::Prior && l.metric == metric && l.segment == segment)
        };
        // A base stated first (`grew from $23.3 million … to $24.8 million`) belongs to
        // the level after it.
        let mut of = (0..i)
            .rev()
            .find(is_level)
            .or_else(|| prior.then(|| (i + 1..readings.len()).find(is_level)).flatten());
        while let Some(j) = of.filter(|j| *j > 0 && restatements.get(*j) == Some(&true) && is_level(&(j - 1))) {
            of = Some(j - 1);
        }
        if let Some(r) = readings[i].as_mut() {
            r.of = of;
        }
    }
}

/// Words that open a would-be segment name only when a sentence's words were read as
/// one (see [`not_a_segment`]).
const SENTENCE_WORDS: &[&str] = &[
    "and",
    "by",
    "for",
    "in",
    "despite",
    "though",
    "therefore",
    "finally",
    "first-quarter",
    "second-quarter",
    "third-quarter",
    "fourth-quarter",
    "full-year",
    "second-half",
    "first-half",
    "quarter-one",
    "period-end",
    "prior-year",
    "year-over-year",
    "interim",
    "date",
    "adjust",
    "build",
    "cancel",
    "commence",
    "exit",
    "helps",
    "hold",
    "implies",
    "promote",
    "ran",
    "realize",
    "sustain",
    "take",
    "operating",
    "reporting",
    "absolute",
    "view",
    "segment-level",
];

/// Words that make a would-be segment name a part's (see [`not_a_segment`]).
const PART_WORDS: &[&str] = &[
    "guidance",
    "assumes",
    "items",
    "costs",
    "expense",
    "gains",
    "benefit",
    "change",
    "shares",
    "minimum",
    "major",
    "little",
    "mature",
    "long",
    "triple",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "push",
    "lap",
    "below",
    "above",
    "units",
    "three-year",
    "final",
    "grown",
];

/// The scope of a figure whose "segment" names no line of business: the company's own
/// words (`Company net debt`) and the figure's own metric (`Shifting to EBITDA,` opens no
/// segment of EBITDA) leave the total; another metric's words (`mortgage production
/// revenue`) make a part. `None` for a segment's name.
fn not_a_segment(vocabulary: &Vocabulary, name: &str, metric: MetricId) -> Option<Scope> {
    let lower = name.to_ascii_lowercase();
    let company = matches!(
        lower.trim_start_matches("the ").trim_end_matches("'s"),
        "company" | "corporation" | "group" | "firm"
    );
    // Words of the sentence that a reading took for a name: a period (`second-quarter
    // GAAP EPS`), a joining or opening word (`Finally`, `Despite`, `and`), a verb
    // (`implies`, `helps`) leave the figure the company's; a common noun (`guidance
    // assumes bad debt`, `items`, `costs`) or a count (`two mortgage`) makes it a part.
    let first = lower.split_whitespace().next();
    if company || first.is_some_and(|w| SENTENCE_WORDS.contains(&w)) {
        return Some(Scope::Total);
    }
    if lower.split_whitespace().any(|w| PART_WORDS.contains(&w)) {
        return Some(Scope::Item);
    }
    let named = vocabulary.metric_named_by(&lower)?;
    Some(if named == metric { Scope::Total } else { Scope::Item })
}

#[cfg(test)]
mod tests;
