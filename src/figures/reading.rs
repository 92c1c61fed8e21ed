//! Reads one sentence: ties each figure to the metric it states (`revenue was $X`, `$X
//! in revenue`, `Core FFO and AFFO were $A and $B`, `…, respectively`), then decides
//! what it is (a result, a change, a forecast, or the base a result is compared with),
//! its period, basis, scope and sign.
//!
//! The rules read the words between a metric and a figure: only linking words (`was`,
//! `of`, `came in at`, a period, a basis) may stand there. A figure the rules cannot tie
//! to a metric stays a figure without one; a wrong metric would be worse than none.

use serde::Serialize;

use crate::figures::discourse::{self, Discourse};
use crate::figures::grammar::{Match, Unit};
use crate::figures::lexicon::{self, Cue, Hit, Lex};
use crate::figures::period::{self, CallPeriod, Period, PeriodPhrase, Relative};
use crate::figures::scope::{self, After, Scope};
use crate::figures::vocabulary::{Basis, Measure, MetricId, PhraseMeaning, Tier, Vocabulary};

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
}

/// One sentence prepared for reading.
struct Sentence<'a> {
    text: &'a str,
    /// Segments the call names.
    known: &'a [String],
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
}

/// Reads the figures of one sentence. `figures` and `hits` are relative to the sentence
/// text. Returns one entry per figure: `None` for a number that is no figure (a price per
/// month), a reading otherwise (with or without a metric).
pub fn read_sentence<'a>(
    ctx: &Context<'a>,
    discourse: &mut Discourse,
    text: &'a str,
    figures: &[(usize, usize, &'a Match)],
    hits: &[Hit],
) -> Vec<Option<Reading>> {
    let mut s = Sentence::new(ctx, text, figures, hits);
    let sentence_segment = discourse::sentence_segment(text);
    if let Some(seg) = &sentence_segment {
        discourse.see(seg);
    }
    s.seen = discourse.seen_segments.clone();
    let pairs = s.pairings();
    let mut out: Vec<Option<Reading>> = Vec::with_capacity(figures.len());
    for i in 0..s.figs.len() {
        let reading = s.read(ctx, discourse, i, &pairs, &out, sentence_segment.as_deref());
        out.push(reading);
    }
    link_changes_and_bases(&mut out);
    s.carry_forward(ctx, discourse, &out);
    // A period the sentence names for its results holds for the rest of the paragraph
    // (`So, year-to-date, … earnings per share is $0.25. And then, our net income …`).
    if let Some(p) = s.sentence_period(ctx, false).filter(|p| *p != ctx.call.current())
        && out
            .iter()
            .flatten()
            .any(|r| r.metric.is_some() && r.kind == Kind::Actual && r.period == p)
    {
        discourse.paragraph_period = Some(p);
    }
    s.note_segment(discourse, sentence_segment);
    out
}

/// Words allowed between a metric and its figure (`revenue for the quarter came in at`,
/// `EPS is now expected to be in the range of`).
const LINK_WORDS: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "of",
    "at",
    "to",
    "by",
    "in",
    "for",
    "on",
    "the",
    "a",
    "an",
    "our",
    "this",
    "its",
    "their",
    "approximately",
    "about",
    "roughly",
    "nearly",
    "almost",
    "around",
    "over",
    "under",
    "just",
    "more",
    "less",
    "than",
    "record",
    "new",
    "all-time",
    "quarterly",
    "another",
    "solid",
    "strong",
    "healthy",
    "also",
    "now",
    "again",
    "came",
    "come",
    "comes",
    "coming",
    "totaled",
    "totalled",
    "totaling",
    "totalling",
    "amounted",
    "reached",
    "reaching",
    "stood",
    "ended",
    "ending",
    "finished",
    "closed",
    "exceeded",
    "exceeding",
    "surpassed",
    "topped",
    "hit",
    "range",
    "ranges",
    "ranging",
    "between",
    "basis",
    "level",
    "levels",
    "it",
    "we",
    "i",
    "respectively",
    "each",
    "some",
    "year",
    "quarter",
    "period",
    "has",
    "have",
    "had",
    "will",
    "should",
    "could",
    "would",
    "remain",
    "remained",
    "remains",
    "reported",
    "delivered",
    "generated",
    "achieved",
    "posted",
    "recorded",
    "produced",
    "earned",
    "saw",
    "landed",
    "end",
    "high",
    "low",
    "midpoint",
    "top",
    "bottom",
    "currently",
    "still",
    "already",
    "even",
    "both",
    "flat",
    "ahead",
    "s",
    "expect",
    "see",
    "sees",
    "project",
    "plan",
    "estimate",
    "anticipate",
    "guide",
    "target",
    "which",
    "that",
    "there",
    "up",
    "down",
    "only",
    "well",
    "nice",
    "good",
    "great",
    "very",
    "excellent",
    "impressive",
    "robust",
    "best",
    "highest",
    "continued",
    "continue",
    "continues",
    "second",
    "third",
    "fourth",
    "first",
    "full",
    "quarter's",
    "year's",
    "fiscal",
    "total",
    "as",
    "so",
    "here",
    "nicely",
    "outstanding",
    "exceptional",
    "meaningful",
    "meaningfully",
    "slightly",
    "amount",
    "finishing",
    "bringing",
    "brings",
    "brought",
    "putting",
    "put",
    "land",
    "sit",
    "sits",
    "sat",
    "stand",
    "stands",
    "increase",
    "decrease",
    "with",
    "from",
    "right",
    "then",
    "today",
    "adjusted",
    "gaap",
    "non-gaap",
    "diluted",
    "per",
    "share",
    "and",
    "or",
    "equaled",
    "equals",
    "equal",
    "surpassing",
    "topping",
    "crossing",
    "passing",
    "within",
    "toward",
    "towards",
    "reach",
    "stock",
    "upper",
    "lower",
    "middle",
    "near",
    "close",
    "roughly",
    "around",
    "approximate",
    "estimated",
    "expected",
    "anticipated",
    "targeted",
    "projected",
    "plus",
    "rounded",
    "core",
    "normalized",
    "after",
    "tax",
    "taxes",
    "before",
    "improved",
    "increased",
    "decreased",
    "grew",
    "rose",
    "fell",
    "declined",
    "expanded",
    "contracted",
    "climbed",
    "dropped",
    "jumped",
    "totals",
    "represents",
    "represented",
    "results",
    "result",
];

/// Words that may open a clause and still continue the figure before it (`which was an
/// increase of 4.7%`, `or $10.5 billion`).
const CONTINUATION_WORDS: &[&str] = &[
    "which",
    "that",
    "was",
    "is",
    "were",
    "an",
    "a",
    "the",
    "of",
    "or",
    "and",
    "representing",
    "represents",
    "represented",
    "reflecting",
    "approximately",
    "about",
    "roughly",
    "nearly",
    "almost",
    "just",
    "around",
    "by",
    "at",
    "another",
    "itself",
    "respectively",
    "some",
    "this",
    "it",
    "s",
    "to",
    "compared",
    "with",
    "from",
    "over",
    "versus",
    "solid",
    "strong",
    "record",
    "nice",
    "healthy",
    "good",
    "more",
    "than",
    "but",
    "while",
    "still",
];

/// Nouns that make an amount the effect of something on a metric, not the metric.
const IMPACT_WORDS: &[&str] = &[
    "impact",
    "impacts",
    "benefit",
    "benefits",
    "headwind",
    "headwinds",
    "tailwind",
    "tailwinds",
    "contribution",
    "dilution",
    "accretion",
    "charge",
    "charges",
    "variance",
    "effect",
    "effects",
    "drag",
    "hit",
    "savings",
    "synergies",
    "gain",
    "gains",
    "contributed",
    "adjustment",
    "adjustments",
];

/// Nouns of a debt instrument right after an amount (`$1.4 billion bridge loan
/// facility`): the size of the instrument, no result.
const FACILITY_WORDS: &[&str] = &[
    "facility",
    "facilities",
    "revolver",
    "revolving",
    "notes",
    "bonds",
    "debentures",
    "package",
    "mortgage",
    "tranche",
    "offering",
    "mark",
    "milestone",
    "threshold",
];

/// Adjectives between an amount and its impact noun (`a $0.02 unfavorable variance`).
const IMPACT_ADJECTIVES: &[&str] = &[
    "unfavorable",
    "favorable",
    "negative",
    "positive",
    "one-time",
    "nonrecurring",
    "non-recurring",
    "net",
    "pre-tax",
    "pretax",
    "after-tax",
    "non-cash",
    "noncash",
    "year-over-year",
    "sequential",
    "incremental",
];

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Verbs before a figure that make it a part of a metric, not the metric's level
/// (`revenue included $5 million from`, `contributed $20 million of revenue`).
/// Verbs by which something other than the company moves a metric (`the transaction
/// lowered EPS by $0.04`, `currency reduced revenue by 2%`): the figure is an impact.
const AGENT_VERBS: &[&str] = &[
    "lowered",
    "reduced",
    "raised",
    "increased",
    "decreased",
    "boosted",
    "lifted",
    "hurt",
    "helped",
    "cut",
    "trimmed",
    "pressured",
    "depressed",
    "improved",
    "benefited",
];

/// Subjects that make a move the company's own result (`we increased revenue by 10%`).
const OWN_SUBJECTS: &[&str] = &[
    "we",
    "i",
    "they",
    "company",
    "management",
    "and",
    "have",
    "has",
    "had",
    "also",
];

const PART_VERBS: &[&str] = &[
    "contributed",
    "contributing",
    "contribute",
    "contributes",
    "included",
    "includes",
    "including",
    "include",
    "impacted",
    "impacting",
    "benefited",
    "benefiting",
    "benefit",
    "drove",
    "driven",
    "offset",
    "lost",
    "added",
    "adding",
    "reduced",
    "hurt",
    "affected",
    "excluding",
    "excludes",
    "excluded",
    "absorbed",
    "negatively",
    "positively",
    "headwind",
    "tailwind",
    "another",
    "additional",
    "incremental",
    "extra",
    "further",
    "funded",
    "paid",
    "spent",
    "used",
    "invested",
    "settled",
    "received",
];

impl<'a> Sentence<'a> {
    fn new(ctx: &Context<'a>, text: &'a str, figures: &[(usize, usize, &'a Match)], hits: &[Hit]) -> Sentence<'a> {
        let mut mentions = Vec::new();
        let mut cues = Vec::new();
        for h in hits {
            match h.lex {
                Lex::Cue(c) => cues.push((h.start, h.end, c)),
                Lex::Phrase(PhraseMeaning::NotMetric) => mentions.push(Mention::blocker(h.start, h.end)),
                Lex::Phrase(PhraseMeaning::Metric { id, basis, loss }) => {
                    mentions.push(Mention::read(ctx, text, h.start, h.end, id, basis, loss));
                }
            }
        }
        merge_adjacent(&mut mentions, text);
        drop_qualifying_words(&mut mentions);
        for m in &mut mentions {
            m.share = is_share_denominator(&text[..m.start]);
        }
        Sentence {
            text,
            known: &ctx.names.segments,
            seen: Vec::new(),
            figs: figures.to_vec(),
            mentions,
            cues,
            periods: period::phrases(text),
            clauses: clause_starts(text),
            dates: dates(text),
        }
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

    fn cues_in(&self, start: usize, end: usize) -> impl DoubleEndedIterator<Item = &(usize, usize, Cue)> {
        self.cues.iter().filter(move |(s, e, _)| *s >= start && *e <= end)
    }

    /// Pairs figures with metrics listed in the same order: `…, respectively`, and `Core
    /// FFO and AFFO were $0.97 and $0.96`.
    fn pairings(&self) -> Vec<Option<usize>> {
        let mut pairs = vec![None; self.figs.len()];
        let mut i = 0;
        while i < self.figs.len() {
            let run = self.run_from(i);
            if run.len() >= 2 {
                let last = self.figs[run[run.len() - 1]].1;
                let respectively = self.text[last..]
                    .trim_start_matches([',', ' '])
                    .to_ascii_lowercase()
                    .starts_with("respectively");
                if let Some(listed) = self.listed_before(self.figs[run[0]].0, run.len(), respectively) {
                    for (f, m) in run.iter().zip(listed) {
                        pairs[*f] = Some(m);
                    }
                }
            }
            i += run.len();
        }
        pairs
    }

    /// Figures from `i` on joined only by `and` or commas (`or` joins two ways of
    /// stating one thing: `$151.8 million or $0.90 per share`).
    fn run_from(&self, i: usize) -> Vec<usize> {
        let mut run = vec![i];
        for j in i + 1..self.figs.len() {
            let gap = &self.text[self.figs[j - 1].1..self.figs[j].0];
            let joined = !gap.contains(';')
                && gap
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .all(|w| matches!(w, "" | "and"));
            if !joined {
                break;
            }
            run.push(j);
        }
        run
    }

    /// The `n` metrics that the figures starting at `pos` pair with: the last `n`
    /// mentions before them when `respectively` says so, or else a list of exactly `n`
    /// mentions joined by `and` right before linking words.
    fn listed_before(&self, pos: usize, n: usize, respectively: bool) -> Option<Vec<usize>> {
        let before: Vec<usize> = (0..self.mentions.len())
            .filter(|&m| self.mentions[m].end <= pos && self.mentions[m].metric.is_some())
            .collect();
        if before.len() < n {
            return None;
        }
        let listed = before[before.len() - n..].to_vec();
        if respectively {
            return Some(listed);
        }
        let one_list = listed.windows(2).all(|w| {
            // A qualifier may reach past the next phrase (`net income to between …`): then
            // the two are no list.
            let gap = self
                .text
                .get(self.mentions[w[0]].tail..self.mentions[w[1]].start)
                .map_or("?", str::trim);
            matches!(gap, "and" | "," | ", and" | "&")
        });
        let last = &self.mentions[listed[n - 1]];
        (one_list && self.links(last.tail, pos, false)).then_some(listed)
    }

    /// True when only linking words stand in `text[from..to]`, besides cues (not the
    /// verbs of results, which are checked word by word), periods, figures and, with
    /// `skip_mentions`, metric phrases.
    fn links(&self, from: usize, to: usize, skip_mentions: bool) -> bool {
        if from > to {
            return false;
        }
        let mut words = 0;
        let mut at = from;
        for (start, end) in self.masked(from, to, skip_mentions) {
            if start < at {
                at = at.max(end);
                continue;
            }
            if !words_in(&self.text[at..start], LINK_WORDS, &mut words) {
                return false;
            }
            at = end;
        }
        at >= to || words_in(&self.text[at..to], LINK_WORDS, &mut words) && words <= 25
    }

    fn masked(&self, from: usize, to: usize, skip_mentions: bool) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = self
            .cues_in(from, to)
            .filter(|(_, _, c)| !matches!(c, Cue::Past | Cue::From | Cue::To | Cue::Respectively))
            .map(|(s, e, _)| (*s, *e))
            .chain(
                self.periods
                    .iter()
                    .filter(|p| p.start >= from && p.end <= to)
                    .map(|p| (p.start, p.end)),
            )
            .chain(
                self.figs
                    .iter()
                    .filter(|f| f.0 >= from && f.1 <= to)
                    .map(|f| (f.0, f.1)),
            )
            .chain(self.dates.iter().filter(|d| d.0 >= from && d.1 <= to).copied())
            .collect();
        spans.extend(
            self.mentions
                .iter()
                .filter(|m| (skip_mentions || m.share) && m.start >= from && m.tail <= to)
                .map(|m| (m.start, m.tail)),
        );
        spans.sort_unstable();
        spans
    }

    /// What a figure states: a metric phrase (and whether it stands in the figure's own
    /// clause), or the metric of a figure before it that it continues.
    fn attach(&self, i: usize, pairs: &[Option<usize>], out: &[Option<Reading>]) -> Option<Attachment> {
        if let Some(m) = pairs[i] {
            return Some(Attachment::Mention(m, true));
        }
        let (start, end, m) = self.figs[i];
        let (clause_start, clause_end) = self.clause(start);
        // "22% of revenue" is a share of a metric, not the metric.
        let rest = self.text[end..].trim_start();
        if m.low.unit == Unit::Percent && rest.starts_with("of ") {
            return None;
        }
        // A metric right after the figure, joined by a few plain words: "$143.3 billion
        // in revenue", "5.8% operating margin", "$1.1 billion of free cash flow".
        if let Some(next) = self
            .mentions
            .iter()
            .position(|x| x.start >= end && x.start < clause_end)
            && self.after_link(end, self.mentions[next].lead.max(end))
        {
            return Some(Attachment::Mention(next, true));
        }
        // The nearest metric before it in its clause, with only linking words between
        // (the denominator of a share is no subject: `software revenues represented 56%
        // of our total revenue and grew 18% to $6.8 million`).
        let nearest = self
            .mentions
            .iter()
            .rposition(|x| x.end <= start && x.start >= clause_start && !x.share);
        if let Some(prev) = nearest
            && self.links(self.mentions[prev].tail, start, false)
        {
            return Some(Attachment::Mention(prev, true));
        }
        // After a comma, words that only continue what came before (`, representing a 13%
        // increase`, `…, up $53.2 billion`): the figure before it, or the metric.
        let comma = self.text[clause_start..start].rfind(',').map(|c| clause_start + c + 1);
        if let Some(comma) = comma
            && self.continues(comma, start)
        {
            if let Some(j) = (0..i)
                .rev()
                .find(|&j| self.figs[j].0 >= clause_start && out[j].as_ref().is_some_and(|r| r.metric.is_some()))
            {
                return Some(Attachment::Figure(j));
            }
            if let Some(prev) = nearest.filter(|&m| self.mentions[m].end <= comma) {
                return Some(Attachment::Mention(prev, false));
            }
        }
        if nearest.is_some() {
            return None;
        }
        // A clause that only continues the one before it (`, which was an increase of
        // 4.7%`): the figure or the metric of that clause.
        if clause_start == 0 || self.opened_hard(clause_start) || !self.continues(clause_start, start) {
            return None;
        }
        let (previous_start, _) = self.clause(clause_start - 1);
        if let Some(j) = (0..i)
            .rev()
            .find(|&j| self.figs[j].0 >= previous_start && out[j].as_ref().is_some_and(|r| r.metric.is_some()))
        {
            return Some(Attachment::Figure(j));
        }
        self.mentions
            .iter()
            .rposition(|x| x.end <= clause_start && x.start >= previous_start && x.metric.is_some())
            .map(|m| Attachment::Mention(m, false))
    }

    /// A metric phrase right after a figure belongs to it when only a few plain words
    /// (`in`, `of`, `for`, `the`) stand between.
    fn after_link(&self, fig_end: usize, mention_start: usize) -> bool {
        let gap = &self.text[fig_end..mention_start];
        if gap.contains(['$', '%', ',', ';', '.', '(', ')', ':']) {
            return false;
        }
        let words: Vec<String> = gap.split_whitespace().map(str::to_ascii_lowercase).collect();
        words.len() <= 4
            && words.iter().all(|w| {
                matches!(
                    w.as_str(),
                    "in" | "of"
                        | "for"
                        | "the"
                        | "our"
                        | "its"
                        | "total"
                        | "trailing"
                        | "12-month"
                        | "twelve-month"
                        | "quarterly"
                        | "annual"
                        | "record"
                        | "consolidated"
                        | "net"
                        | "gaap"
                        | "adjusted"
                        | "non-gaap"
                        | "fourth-quarter"
                        | "third-quarter"
                        | "second-quarter"
                        | "first-quarter"
                        | "full-year"
                        | "organic"
                        | "diluted"
                        | "reported"
                        | "on"
                        | "growth"
                        | "increase"
                        | "decrease"
                        | "decline"
                        | "improvement"
                        | "expansion"
                        | "year-over-year"
                        | "sequential"
                        | "combined"
                        | "underlying"
                        | "liquid"
                )
            })
    }

    /// True when `text[clause_start..pos]` holds only words that continue the clause before.
    fn continues(&self, clause_start: usize, pos: usize) -> bool {
        let mut words = 0;
        let mut at = clause_start;
        for (s, e) in self.masked(clause_start, pos, false) {
            if s < at {
                continue;
            }
            if !words_in(&self.text[at..s], CONTINUATION_WORDS, &mut words) {
                return false;
            }
            at = e;
        }
        (at >= pos || words_in(&self.text[at..pos], CONTINUATION_WORDS, &mut words)) && words <= 8
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
        let after = self.text[end..].trim_start().to_ascii_lowercase();
        // A price per month or per item is no figure of the call.
        let per_item = PER_ITEM
            .iter()
            .any(|p| after.starts_with(p) && after[p.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()));
        if per_item {
            return None;
        }
        let per_share = self.per_share_after(i);
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
        let fitted = match mention.and_then(|x| x.metric).or(continued.and_then(|c| c.metric)) {
            Some(id) => self.fit(ctx, i, id, per_share),
            None if per_share.is_some() && self.earned_before(start) => {
                ctx.vocabulary.id("EPS").and_then(|id| self.fit(ctx, i, id, per_share))
            }
            None => None,
        };
        if let Some(Fit { metric, change, basis }) = fitted {
            r.metric = Some(metric);
            r.change = change;
            r.explicit = match attached {
                Some(Attachment::Mention(_, own)) => own,
                Some(Attachment::Figure(_)) => continued.is_some_and(|c| c.explicit),
                None => false,
            };
            if let Some(c) = continued {
                r.basis = c.basis;
                r.negative = c.negative && !change;
                r.scope = c.scope;
                r.segment = c.segment.clone();
            }
            if let Some(x) = mention {
                r.basis = self
                    .restating_basis(start)
                    .or(x.basis)
                    .or(basis)
                    .or_else(|| self.clause_basis(start));
                // Revenue is reported revenue unless a basis says otherwise: `reported
                // revenue` is revenue.
                if r.basis == Some(Basis::Gaap) && ctx.vocabulary.def(metric).tier == Tier::Revenue {
                    r.basis = None;
                }
                r.negative = x.negative;
                (r.scope, r.segment) = self.scope_of(x, discourse, sentence_segment);
                // Earnings and the bottom line are the company's: a passage about a
                // segment does not make them the segment's (only words of their own
                // sentence naming the segment do).
                let company_level = matches!(ctx.vocabulary.def(metric).tier, Tier::Earnings | Tier::Profit);
                if company_level
                    && x.segment.is_none()
                    && r.scope == Scope::Segment
                    && !self.names_segment_itself(x, sentence_segment)
                {
                    (r.scope, r.segment) = (Scope::Total, None);
                }
            }
            if let Some(b) = self.basis_right_after(i) {
                r.basis = Some(b);
            }
            if mention.is_none() && continued.is_none() {
                // `earned $1.05 per diluted share`: the per-share phrase names EPS, and a
                // segment the sentence names is its own (`Results for the regulated
                // business segment were $0.74 per share`).
                r.explicit = true;
                if let Some(seg) = self.segment_named_before(start, self.known) {
                    (r.scope, r.segment) = (Scope::Segment, Some(seg));
                }
            }
            if let Some(owner) = per_share.and_then(|p| p.of).map(|of| &self.mentions[of]) {
                r.basis = owner.basis.or(r.basis);
                r.negative |= owner.negative;
            }
        } else {
            r.change = m.low.unit.is_percentage() && r.direction.is_some() || self.moves(i);
        }
        if self.part_verb_before(start)
            || self.tolerance_before(start)
            || self.is_impact(i)
            || self.hypothetical(start)
            || !r.change && self.in_constant_currency(start)
        {
            r.scope = Scope::Item;
        }
        // `a loss of $2.66 per share from net realized losses`: a part of EPS.
        if mention.is_none() && continued.is_none() && per_share.is_some() && self.followed_by_from(i) {
            r.scope = Scope::Item;
        }
        r.negative |= !r.change && self.negative_before(start);
        self.decide_kind(ctx, discourse, i, &mut r, out);
        if r.change && r.comparison.is_none() {
            r.comparison = self.comparison(i);
        }
        Some(r)
    }

    /// Whether the figure can state the metric (its unit fits what the metric
    /// measures), as a level (`false`) or a change (`true`). A per-share figure of an
    /// amount metric states its per-share sibling (`net income … or $0.10 per share` is
    /// EPS; `FFO of $0.48` is FFO per share).
    fn fit(&self, ctx: &Context<'_>, i: usize, id: MetricId, per_share: Option<PerShare>) -> Option<Fit> {
        let q = &self.figs[i].2.low;
        let mut id = per_share
            .and_then(|p| p.of)
            .and_then(|of| self.mentions[of].metric)
            .unwrap_or(id);
        let def = ctx.vocabulary.def(id);
        let small_money = q.unit.is_currency() && !q.scaled && q.value.abs() < 1000.0;
        if small_money && def.measure == Measure::AmountOrCount {
            return None;
        }
        if per_share.is_some() || (def.measure == Measure::Amount && small_money) {
            let mut basis = None;
            if def.measure != Measure::PerShare {
                id = def.per_share?;
                basis = def.per_share_basis;
            }
            return (q.unit.is_currency() && !q.scaled).then(|| Fit {
                metric: id,
                change: self.moves(i),
                basis,
            });
        }
        let change = match (def.measure, &q.unit) {
            (Measure::Ratio, Unit::Percent) => {
                // `gross margin increased 16%` is gross-margin dollars: nothing to read.
                if self.moves(i) {
                    return None;
                }
                false
            }
            (Measure::Ratio, Unit::BasisPoints | Unit::Points) => true,
            (_, Unit::Percent) => true,
            (Measure::Amount, Unit::Currency(_) | Unit::Number)
            | (Measure::Count | Measure::Volume, Unit::Count | Unit::Number)
            | (Measure::AmountOrCount, Unit::Currency(_) | Unit::Number | Unit::Count)
            | (Measure::Multiple, Unit::Multiple) => self.moves(i),
            (Measure::PerShare | Measure::UnitPrice, Unit::Currency(_)) if !q.scaled => self.moves(i),
            _ => return None,
        };
        Some(Fit {
            metric: id,
            change,
            basis: None,
        })
    }

    /// True when a direction word stands right before the figure without `to` (`up $4.1
    /// billion`, `an increase of $13 million`, `declined 3%`) or right after it (`a $5
    /// million increase`).
    fn moves(&self, i: usize) -> bool {
        // `up 16% and 13% in constant currency`: a figure joined to a change by `and` is
        // one too.
        let mut j = i;
        while j > 0 && self.run_from(j - 1).contains(&(j)) {
            j -= 1;
            if self.moves_here(j) {
                return true;
            }
        }
        self.moves_here(i)
    }

    fn moves_here(&self, i: usize) -> bool {
        let (start, end, _) = self.figs[i];
        let lower = self.text[..start].to_ascii_lowercase();
        let (stripped, trimmed) = (strip_fillers_end(&lower).len(), lower.trim_end().len());
        let is_direction = |c: &Cue| matches!(c, Cue::Up { .. } | Cue::Down { .. });
        let before = self
            .cues
            .iter()
            .any(|(_, e, c)| (stripped..=trimmed).contains(e) && is_direction(c));
        // `increased the midpoint of our guidance by $0.18`: `by` after a direction word.
        let (clause_start, _) = self.clause(start);
        let approximate = strip_approximations(&lower);
        let by =
            ends_with_word(approximate, "by") && self.cues_in(clause_start, start).any(|(_, _, c)| is_direction(c));
        // `$0.02 per share higher`: the direction word after a per-share phrase.
        let after_at = self
            .cues
            .iter()
            .find(|(s, _, c)| *c == Cue::PerShare && *s >= end && self.text[end..*s].trim().is_empty())
            .map_or(end, |(_, e, _)| *e);
        let after = self.text[after_at..].trim_start().to_ascii_lowercase();
        before
            || by
            || [
                "increase",
                "decrease",
                "decline",
                "higher",
                "lower",
                "improvement",
                "growth",
                "reduction",
                "drop",
                "gain",
                "more",
                "less",
            ]
            .iter()
            .any(|w| after.starts_with(w) && after[w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
    }

    /// True for an amount that is the effect of something on a metric, not the metric:
    /// an impact noun right after it (`a $0.02 unfavorable variance`, `$0.05 per share
    /// impact`) or just before it with no metric between (`a benefit of $3 million`,
    /// `included a $0.04 charge`). A verb after it (`EPS of $2.84 also benefited from`)
    /// says what moved the figure, not that the figure is the move.
    fn is_impact(&self, i: usize) -> bool {
        let (start, end, _) = self.figs[i];
        let (clause_start, clause_end) = self.clause(start);
        let previous = if i == 0 {
            clause_start
        } else {
            self.figs[i - 1].1.max(clause_start)
        };
        let previous = self
            .mentions
            .iter()
            .filter(|x| x.tail <= start && x.tail > previous)
            .map(|x| x.tail)
            .max()
            .unwrap_or(previous);
        let next = self.figs.get(i + 1).map_or(clause_end, |f| f.0.min(clause_end));
        let after_at = self
            .cues
            .iter()
            .find(|(s, _, c)| *c == Cue::PerShare && *s >= end && self.text[end..*s].trim().is_empty())
            .map_or(end, |(_, e, _)| *e);
        let before = words_of(&self.text[previous..start]);
        let after = words_of(&self.text[after_at.min(next)..next]);
        let before_hit = before.iter().rev().take(3).any(|w| IMPACT_WORDS.contains(&w.as_str()));
        let after_hit = after
            .iter()
            .take(3)
            .skip_while(|w| IMPACT_ADJECTIVES.contains(&w.as_str()) || matches!(w.as_str(), "of" | "in" | "a" | "the"))
            .take(1)
            .any(|w| IMPACT_WORDS.contains(&w.as_str()))
            || after.iter().take(3).any(|w| FACILITY_WORDS.contains(&w.as_str()));
        before_hit || after_hit
    }

    fn direction(&self, i: usize) -> Option<Direction> {
        let (start, end, _) = self.figs[i];
        let (clause_start, clause_end) = self.clause(start);
        let before = self
            .cues_in(clause_start, start)
            .rev()
            .filter(|(_, e, _)| start - *e <= 24)
            .find_map(|(_, _, c)| direction_of(*c));
        // Right after the figure, past the words saying what it compares (`a 5.7%
        // sequential growth`, `10% organic growth`).
        let mut reach = end;
        let mut after = None;
        for (s, e, c) in self.cues_in(end, clause_end) {
            if *s > reach + 3 {
                break;
            }
            if let Some(d) = direction_of(*c) {
                after = Some(d);
                break;
            }
            if !matches!(c, Cue::Yoy | Cue::Qoq | Cue::ConstantCurrency | Cue::Basis(_)) {
                break;
            }
            reach = *e;
        }
        before.or(after)
    }

    /// A `per share` right after the figure (or after the run of figures it belongs to),
    /// and the metric it is per share of (`$1.62 per share of adjusted net income`).
    fn per_share_after(&self, i: usize) -> Option<PerShare> {
        let last = self.run_from(i).last().copied().unwrap_or(i);
        let end = self.figs[last].1;
        let (_, cue_end, _) = self
            .cues
            .iter()
            .find(|(s, _, c)| *c == Cue::PerShare && *s >= end && self.text[end..*s].trim().is_empty())?;
        let of = self.text[*cue_end..]
            .trim_start()
            .starts_with("of ")
            .then(|| {
                self.mentions
                    .iter()
                    .position(|x| x.start > *cue_end && x.start <= cue_end + 30 && x.metric.is_some())
            })
            .flatten();
        Some(PerShare { of })
    }

    /// `earned`, `earnings`, `loss`, `results` or `guidance` in the figure's clause before
    /// it: a per-share figure without a metric is EPS (`GAAP results were $1.14 per
    /// share`, `a GAAP loss of $0.16 per share`).
    fn earned_before(&self, start: usize) -> bool {
        let (clause_start, _) = self.clause(start);
        let lower = self.text[clause_start..start].to_ascii_lowercase();
        [
            "earned", "earn ", "earning", "diluted", "loss", "income", "results", "profit", "guidance", "outlook",
        ]
        .iter()
        .any(|w| lower.contains(w))
    }

    /// A basis stated for the figure: the last one before it in the sentence (`On a GAAP
    /// basis, …`), or one after it in its clause (`… excluding items`).
    fn clause_basis(&self, pos: usize) -> Option<Basis> {
        let basis = |c: &Cue| match c {
            Cue::Basis(b) => Some(*b),
            _ => None,
        };
        let (_, clause_end) = self.clause(pos);
        let next_figure = self
            .figs
            .iter()
            .find(|f| f.0 > pos)
            .map_or(clause_end, |f| f.0.min(clause_end));
        self.cues_in(0, pos)
            .rev()
            .find_map(|(_, _, c)| basis(c))
            .or_else(|| self.cues_in(pos, next_figure).find_map(|(_, _, c)| basis(c)))
            .or_else(|| self.excludes_before(pos).then_some(Basis::Adjusted))
    }

    /// `Excluding Mexico restructuring costs, operating profit was …`: whatever a
    /// sentence excludes before a figure makes it an adjusted figure.
    fn excludes_before(&self, pos: usize) -> bool {
        let (clause_start, _) = self.clause(pos);
        let lower = self.text[clause_start..pos].to_ascii_lowercase();
        // Excluding the effect of currency restates growth in constant currency; that is
        // a comparison, not a basis.
        let currency = |at: usize| {
            self.cues
                .iter()
                .any(|(s, _, c)| *c == Cue::ConstantCurrency && *s == clause_start + at)
        };
        [
            "excluding ",
            "before certain",
            "before special",
            "before one-time",
            "adjusting for ",
        ]
        .iter()
        .any(|w| lower.match_indices(w).any(|(at, _)| !currency(at)))
    }

    /// A restating basis named for the figure's clause (`On a pro forma basis, adjusted
    /// EBITDA was …`) names a different figure than the mention's own basis.
    fn restating_basis(&self, pos: usize) -> Option<Basis> {
        let (clause_start, _) = self.clause(pos);
        self.cues_in(clause_start, pos).rev().find_map(|(_, _, c)| match c {
            Cue::Basis(b @ (Basis::ProForma | Basis::Comparable | Basis::Organic)) => Some(*b),
            _ => None,
        })
    }

    /// A level restated in constant currency (`Excluding FX, adjusted EBITDA was $135
    /// million`): a restatement, not the result.
    fn in_constant_currency(&self, pos: usize) -> bool {
        let (clause_start, _) = self.clause(pos);
        self.cues_in(clause_start, pos)
            .any(|(_, _, c)| *c == Cue::ConstantCurrency)
    }

    /// A basis word right after the figure (`$0.94 adjusted`, `$1.10 per share
    /// excluding items`).
    fn basis_right_after(&self, i: usize) -> Option<Basis> {
        let end = self.figs[i].1;
        let after_at = self
            .cues
            .iter()
            .find(|(s, _, c)| *c == Cue::PerShare && *s >= end && self.text[end..*s].trim().is_empty())
            .map_or(end, |(_, e, _)| *e);
        let rest = self.text[after_at..].trim_start();
        if let Some((_, _, Cue::Basis(b))) = self
            .cues
            .iter()
            .find(|(s, _, _)| *s >= after_at && self.text[after_at..*s].trim().is_empty())
        {
            return Some(*b);
        }
        let word = rest
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        Basis::from_word(word).filter(|b| !matches!(b, Basis::Cash | Basis::Organic | Basis::Comparable))
    }

    fn scope_of(&self, x: &Mention, discourse: &Discourse, sentence_segment: Option<&str>) -> (Scope, Option<String>) {
        if x.scope == Scope::Item {
            return (Scope::Item, None);
        }
        if let Some(seg) = &x.segment {
            return (Scope::Segment, Some(seg.clone()));
        }
        if x.total || self.cues.iter().any(|(_, e, c)| *c == Cue::Total && *e <= x.start) {
            return (Scope::Total, None);
        }
        // `Segment revenue was …`, `This segment had revenue of …`: the segment in
        // discussion; a segment's figure even when the passage never named it.
        let head = self.text[..x.start].to_ascii_lowercase();
        let this_segment = x.this_segment
            || ["this segment", "the segment", "that segment"]
                .iter()
                .any(|w| head.contains(w));
        let carried = if this_segment {
            match discourse
                .segment
                .clone()
                .or_else(|| discourse.paragraph_segment.clone())
            {
                Some(s) => Some(s),
                None => return (Scope::Item, None),
            }
        } else {
            sentence_segment
                .map(str::to_string)
                .or_else(|| self.segment_named_before(x.start, self.known))
                .or_else(|| discourse.paragraph_segment.clone())
                .or_else(|| discourse.segment.clone())
        };
        match carried {
            Some(s) => (Scope::Segment, Some(s)),
            None => (Scope::Total, None),
        }
    }

    /// True when the sentence itself names the segment of a mention (`In Intelligent
    /// Cloud, …`, `our real estate brokerage segment reported …`), not the passage.
    fn names_segment_itself(&self, x: &Mention, sentence_segment: Option<&str>) -> bool {
        x.this_segment || sentence_segment.is_some() || self.segment_named_before(x.start, self.known).is_some()
    }

    /// A segment the call names, named earlier in the sentence as its subject (`our real
    /// estate brokerage segment reported operating income of …`).
    fn segment_named_before(&self, pos: usize, known: &[String]) -> Option<String> {
        // An earlier metric of the sentence that names its segment (`We have tap fee
        // revenue, …, and so Q3 revenues were $3.8 million`), unless a total word follows.
        let earlier = self
            .mentions
            .iter()
            .rfind(|x| x.end <= pos && x.metric.is_some() && !x.share)
            .filter(|x| {
                !self
                    .cues
                    .iter()
                    .any(|(s, e, c)| *c == Cue::Total && *s >= x.start && *e <= pos)
                    && !x.total
            });
        if let Some(seg) = earlier.and_then(|x| x.segment.clone()) {
            return Some(seg);
        }
        let head = self.text[..pos].to_ascii_lowercase();
        known
            .iter()
            .chain(&self.seen)
            .filter_map(|k| {
                let k_lower = k.to_ascii_lowercase();
                let at = head.rfind(&k_lower)?;
                let whole = lexicon::is_whole_word(&head, at, at + k_lower.len());
                let total_after = self
                    .cues
                    .iter()
                    .any(|(s, e, c)| *c == Cue::Total && *s >= at && *e <= pos);
                (whole && !total_after).then(|| (at, k.clone()))
            })
            .max_by_key(|(at, _)| *at)
            .map(|(_, k)| k)
    }

    /// A figure of what would have been (`revenues would have been $97.5 million`): no
    /// result of the call.
    fn hypothetical(&self, start: usize) -> bool {
        let (clause_start, _) = self.clause(start);
        let lower = self.text[clause_start..start].to_ascii_lowercase();
        ["would have", "would've", "would be", "could have", "might have"]
            .iter()
            .any(|w| lower.contains(w))
            || conditional(&lower)
    }

    /// A tolerance around the figure before it (`around 46%, plus or minus 1.5
    /// percentage points`): no value of the metric.
    fn tolerance_before(&self, start: usize) -> bool {
        let before = self.text[..start].trim_end().to_ascii_lowercase();
        ["plus or minus", "plus/minus", "+/-", "±", "give or take"]
            .iter()
            .any(|w| before.ends_with(w))
    }

    /// `from` right after the figure (and its per-share phrase).
    fn followed_by_from(&self, i: usize) -> bool {
        let end = self.figs[i].1;
        let after_at = self
            .cues
            .iter()
            .find(|(s, _, c)| *c == Cue::PerShare && *s >= end && self.text[end..*s].trim().is_empty())
            .map_or(end, |(_, e, _)| *e);
        self.text[after_at..]
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("from ")
    }

    /// A verb of parts just before the figure (`added $2 million`), a contribution
    /// anywhere before it in its clause (`Lixoft contributed two months … totaling about
    /// $600,000 of revenue`), or something moving the metric by the figure (`The
    /// transaction lowered diluted EPS by $0.04`).
    fn part_verb_before(&self, start: usize) -> bool {
        let (clause_start, _) = self.clause(start);
        let lower = self.text[clause_start..start].to_ascii_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        words.iter().rev().take(3).any(|w| PART_VERBS.contains(w))
            || words.iter().any(|w| w.starts_with("contribut"))
            || self.moved_by_agent(clause_start, start)
    }

    /// `<agent> <verb> <metric …> by <figure>`: the text before the figure ends in `by`,
    /// and a verb of [`AGENT_VERBS`] whose subject is not the company has a metric after
    /// it (`the transaction lowered diluted EPS by $0.04`; not `gross margin increased by
    /// 20 basis points`, not `we increased revenue by 10%`).
    fn moved_by_agent(&self, clause_start: usize, start: usize) -> bool {
        let hedges = [
            "approximately",
            "about",
            "roughly",
            "nearly",
            "around",
            "almost",
            "some",
            "just",
        ];
        let words = words_at(&self.text[clause_start..start]);
        if words
            .iter()
            .rev()
            .find(|(_, w)| !hedges.contains(&w.as_str()))
            .map(|(_, w)| w.as_str())
            != Some("by")
        {
            return false;
        }
        words.iter().enumerate().any(|(k, (at, w))| {
            k > 0
                && AGENT_VERBS.contains(&w.as_str())
                && !OWN_SUBJECTS.contains(&words[k - 1].1.as_str())
                && self
                    .mentions
                    .iter()
                    .any(|x| x.start >= clause_start + at && x.start < start && x.metric.is_some())
        })
    }

    fn negative_before(&self, start: usize) -> bool {
        let before = self.text[..start].trim_end();
        self.cues
            .iter()
            .any(|(_, e, c)| *c == Cue::Negative && *e == before.len())
            || before.ends_with('-')
            || before.ends_with('−')
    }

    /// Decides actual, change, guidance or prior, and the period.
    fn decide_kind(
        &self,
        ctx: &Context<'_>,
        discourse: &Discourse,
        i: usize,
        r: &mut Reading,
        out: &[Option<Reading>],
    ) {
        let (start, end, m) = self.figs[i];
        let (clause_start, clause_end) = self.clause(start);
        // A figure restating the change before it (`up 221% or $10.5 billion`).
        let restated = strip_fillers_end(&self.text[..start].to_ascii_lowercase()).ends_with(" or")
            && out.last().and_then(|o| o.as_ref()).is_some_and(|p| p.change);
        if restated {
            r.change = true;
            r.direction = r.direction.or(out.iter().rev().flatten().find_map(|p| p.direction));
        }
        let prior = if r.change { None } else { self.prior_cue(i, m) };
        let forward = self.is_forward(discourse, start, clause_start, clause_end);
        r.kind = match (prior, forward, r.change) {
            (Some(_), _, _) => Kind::Prior,
            (None, true, _) => Kind::Guidance,
            (None, false, true) => Kind::Change,
            (None, false, false) => Kind::Actual,
        };
        // A base's period is the one named right after it (`compared to $2.07 in the
        // third quarter of 2019`), never the one its value's sentence opens with.
        let near = if r.kind == Kind::Prior {
            self.period_after(end, clause_end, true)
        } else {
            self.period_near(start, end, clause_start, clause_end)
        };
        r.dated = near.is_some() || self.sentence_period(ctx, r.kind == Kind::Guidance).is_some();
        r.period = match (near, r.kind, prior) {
            (_, Kind::Prior, Some(PriorCue::Guidance)) => self.guidance_period(ctx, discourse),
            (Some(p), k, _) => p.resolve(ctx.call, k == Kind::Guidance),
            (None, Kind::Prior, Some(PriorCue::Year)) => ctx.call.year_ago_quarter(),
            (None, Kind::Prior, Some(PriorCue::Quarter)) => ctx.call.previous_quarter(),
            (None, Kind::Prior, _) => Period::Earlier,
            (None, Kind::Guidance, _) => self.guidance_period(ctx, discourse),
            // A balance at a date (`$193 million of cash at September 30, 2022`) is the
            // call's own, whatever period the paragraph talks about.
            (None, _, _) if self.dated(end, clause_end) => ctx.call.current(),
            (None, _, _) => self
                .sentence_period(ctx, false)
                .or(discourse.paragraph_period)
                .or(discourse.period)
                .unwrap_or_else(|| ctx.call.current()),
        };
        // A forecast sentence that quotes a past period's figure (`compared to $2.59 for
        // the fourth quarter of 2020`) quotes a base, not a forecast.
        if r.kind == Kind::Guidance
            && near.is_some()
            && !ctx.call.is_future(&r.period)
            && !ctx.call.is_own(&r.period)
            && r.period != Period::Current
        {
            r.kind = Kind::Prior;
        }
        r.comparison = prior.map(|p| match p {
            PriorCue::Year => Comparison::Yoy,
            PriorCue::Quarter => Comparison::Qoq,
            PriorCue::Guidance => Comparison::Guidance,
            PriorCue::Earlier => Comparison::Earlier,
        });
    }

    fn guidance_period(&self, ctx: &Context<'_>, discourse: &Discourse) -> Period {
        self.sentence_period(ctx, true)
            .or(discourse.guidance_period)
            .unwrap_or_else(|| default_guidance_period(ctx.call))
    }

    /// A forecast: a forward word governs the figure (the last forecast or result word
    /// before it in the sentence is a forecast), or one follows it in its clause (`EPS
    /// guidance`), or the passage is an outlook and no verb in the clause reports a
    /// result. Words that compare a result with a forecast (`ahead of our guidance`) make
    /// the clause a result.
    fn is_forward(&self, discourse: &Discourse, start: usize, clause_start: usize, clause_end: usize) -> bool {
        if self
            .cues_in(clause_start, clause_end)
            .any(|(_, _, c)| *c == Cue::NotForward)
        {
            return false;
        }
        let past = |c: &Cue| matches!(c, Cue::Past | Cue::Up { past: true } | Cue::Down { past: true });
        // `we now expect reported EPS of …`: a participle right after a forecast verb
        // qualifies the metric; it reports nothing.
        let adjective = |k: usize| {
            k > 0
                && matches!(self.cues[k - 1].2, Cue::Forward)
                && self.text[self.cues[k - 1].1..self.cues[k].0].trim().is_empty()
        };
        // A relative clause (`tap fee revenue, which is going to be …, and so Q3
        // revenues were $3.8 million`) says nothing of the figures after it.
        let aside = |s: usize| {
            let (c_start, c_end) = self.clause(s);
            c_end <= start && self.is_relative_clause(c_start)
        };
        let last_before = self
            .cues
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, (s, e, _))| *e <= start && !aside(*s))
            .find(|(k, (_, _, c))| matches!(c, Cue::Forward | Cue::NotForward) || past(c) && !adjective(*k))
            .map(|(_, cue)| cue);
        match last_before {
            Some((_, _, Cue::Forward)) => return true,
            Some((_, _, Cue::NotForward)) => return false,
            Some((s, _, _)) if *s >= clause_start => return false,
            _ => {}
        }
        let clause_has_past = self.cues_in(clause_start, clause_end).any(|(_, _, c)| past(c));
        let forward_after = self
            .cues_in(start, clause_end)
            .any(|(s, _, c)| *c == Cue::Forward && *s - start <= 60);
        if forward_after && !clause_has_past {
            return true;
        }
        // In an outlook passage a figure is a forecast, unless a verb before it in its
        // sentence reports a result.
        let past_before = self
            .cues
            .iter()
            .enumerate()
            .any(|(k, (_, e, c))| *e <= start && past(c) && !adjective(k));
        discourse.guidance && !clause_has_past && !past_before
    }

    /// True when the clause at `start` is a relative clause (`, which …`, `, who …`).
    fn is_relative_clause(&self, start: usize) -> bool {
        let lower = self.text[start..].trim_start().to_ascii_lowercase();
        ["which ", "who ", "whose ", "where "]
            .iter()
            .any(|w| lower.starts_with(w))
    }

    /// What makes a level a comparison base: `compared to $X`, `versus $X`, `from $X`
    /// (not a `from … to` range), `up from our prior guidance of $X`, `ahead of our
    /// guidance of $X`, or a year-ago phrase right after it (`$987 million a year ago`).
    fn prior_cue(&self, i: usize, m: &Match) -> Option<PriorCue> {
        let (start, end, _) = self.figs[i];
        let (clause_start, clause_end) = self.clause(start);
        let year_after = self.prior_period_after(end, clause_end);
        let governing = self
            .cues_in(clause_start, start)
            .rev()
            .find(|(_, _, c)| matches!(c, Cue::Compare | Cue::From | Cue::PriorGuidance | Cue::NotForward));
        // `over year ago results of $0.71`, `last year's $2.13`: a prior period just before.
        let year_before = self
            .cues_in(clause_start, start)
            .next_back()
            .filter(|(_, e, _)| self.text[*e..start].split_whitespace().count() <= 4 && self.links(*e, start, true))
            .and_then(|(_, _, c)| match c {
                Cue::PriorYear => Some(PriorCue::Year),
                Cue::PriorQuarter => Some(PriorCue::Quarter),
                _ => None,
            });
        let Some((s, e, c)) = governing else {
            return year_after.or(year_before);
        };
        // The comparison word governs the first figure after it only (`from $23.3
        // million in Q3 2021 to $24.8 million`: $24.8 million is the result), and the
        // figures that restate it (`compared to $25.2 million or $0.32 per share`).
        let blocked = (0..i).any(|j| {
            let f = self.figs[j];
            f.0 >= *e && f.1 <= start && !self.text[f.1..self.figs[j + 1].0].to_ascii_lowercase().contains(" or ")
        });
        if blocked || !self.links(*e, start, true) {
            return year_after;
        }
        let said = self.text[*s..*e].to_ascii_lowercase();
        let range_with_to = m.high.is_some() && self.text[start..end].contains(" to ");
        let kind = match c {
            Cue::PriorGuidance => Some(PriorCue::Guidance),
            // `ahead of our guidance of $2.40`: the forecast right after the words.
            Cue::NotForward => (["guidance", "outlook", "expectation", "consensus"]
                .iter()
                .any(|w| said.contains(w))
                && self.text[*e..start].split_whitespace().count() <= 4)
                .then_some(PriorCue::Guidance),
            // `from $10.55 to $11.15 to $11.33 to $11.93`: a range after `from` is the
            // base only when another figure follows after `to`.
            Cue::From if range_with_to => self.figs.get(i + 1).and_then(|next| {
                let gap = self.text[end..next.0].trim().to_ascii_lowercase();
                (gap.ends_with("to") && gap.split_whitespace().count() <= 4).then(|| self.prior_between(*e, start))
            }),
            _ => Some(year_after.unwrap_or_else(|| self.prior_between(*e, start))),
        };
        kind.or(year_after)
    }

    /// `last year`, `prior quarter`, `guidance` between a comparison word and its figure.
    fn prior_between(&self, from: usize, to: usize) -> PriorCue {
        let said = self.text[from..to].to_ascii_lowercase();
        if said.contains("guidance") || said.contains("outlook") || said.contains("consensus") {
            return PriorCue::Guidance;
        }
        self.cues_in(from, to)
            .find_map(|(_, _, c)| match c {
                Cue::PriorYear | Cue::Yoy => Some(PriorCue::Year),
                Cue::PriorQuarter | Cue::Qoq => Some(PriorCue::Quarter),
                Cue::PriorGuidance => Some(PriorCue::Guidance),
                _ => None,
            })
            .unwrap_or(PriorCue::Earlier)
    }

    /// A prior-period phrase right after a level (`$987 million a year ago`, `$1 billion
    /// in the prior quarter`).
    fn prior_period_after(&self, end: usize, clause_end: usize) -> Option<PriorCue> {
        let (_, e, c) = self.cues_in(end, clause_end).next()?;
        let gap = &self.text[end..*e];
        if gap.split_whitespace().count() > 5 || gap.contains([',', ';']) {
            return None;
        }
        match c {
            Cue::PriorYear => Some(PriorCue::Year),
            Cue::PriorQuarter => Some(PriorCue::Quarter),
            _ => None,
        }
    }

    /// The period phrase that belongs to a figure: right after it (`$14 billion in Q2`),
    /// or before it in its clause (`In the fourth quarter, revenue was …`), but not one
    /// that follows a comparison word (it names the base).
    fn period_near(&self, start: usize, end: usize, clause_start: usize, clause_end: usize) -> Option<&PeriodPhrase> {
        let usable =
            |p: &&PeriodPhrase| !self.is_comparison_period(p) && (!p.is_bare_year() || self.bare_year_is_period(p));
        let after = self.period_after(end, clause_end, false);
        let before = self
            .periods
            .iter()
            .filter(|p| p.start >= clause_start && p.end <= start && start - p.end <= 90)
            .rfind(usable);
        after.or(before)
    }

    /// The period phrase right after a figure (`$14 billion in Q2`), and with
    /// `comparison`, also one after a comparison word (`versus $2.07 in Q3 2019`).
    fn period_after(&self, end: usize, clause_end: usize, comparison: bool) -> Option<&PeriodPhrase> {
        let end = self
            .cues
            .iter()
            .find(|(s, _, c)| *c == Cue::PerShare && *s >= end && self.text[end..*s].trim().is_empty())
            .map_or(end, |(_, e, _)| *e);
        self.periods
            .iter()
            .find(|p| p.start >= end && p.start < clause_end)
            .filter(|p| p.start - end <= 24 && !self.figs.iter().any(|f| f.0 >= end && f.1 <= p.start))
            .filter(|p| comparison || !self.is_comparison_period(p))
            .filter(|p| !p.is_bare_year() || self.bare_year_is_period(p))
    }

    /// A date right after a figure (`… at September 30, 2022`).
    fn dated(&self, end: usize, clause_end: usize) -> bool {
        self.dates
            .iter()
            .any(|(s, _)| *s >= end && *s < clause_end && self.text[end..*s].split_whitespace().count() <= 4)
    }

    /// `in 2021`, `for 2022`, `2021 revenue`: a bare year names a period when a
    /// preposition of time or a metric stands next to it.
    fn bare_year_is_period(&self, p: &PeriodPhrase) -> bool {
        let before = self.text[..p.start].trim_end().to_ascii_lowercase();
        [
            "in", "for", "during", "of", "through", "fiscal", "full", "year", "calendar",
        ]
        .iter()
        .any(|w| ends_with_word(&before, w))
            || self.mentions.iter().any(|x| x.start >= p.end && x.start - p.end <= 12)
    }

    /// True when the phrase follows a comparison word (`compared with the second quarter
    /// of 2023`, `versus Q3`) or points back (`last year`): it names a base.
    fn is_comparison_period(&self, p: &PeriodPhrase) -> bool {
        if p.relative == Some(Relative::Prior) {
            return true;
        }
        let before = self.text[..p.start].trim_end().to_ascii_lowercase();
        let before = before
            .trim_end_matches(" the same")
            .trim_end_matches(" the")
            .trim_end_matches(" our")
            .trim_end_matches(" same");
        [
            "compared to",
            "compared with",
            "versus",
            "vs.",
            "vs",
            "from",
            "over",
            "than",
            "against",
            "relative to",
            "since",
            "to",
        ]
        .iter()
        .any(|w| ends_with_word(before, w))
    }

    /// The period a sentence opens with (`For the full year, we …`, `In Q4, revenue …`),
    /// in its first clause and before its first figure, for figures without one of their
    /// own.
    fn sentence_period(&self, ctx: &Context<'_>, forward: bool) -> Option<Period> {
        let first_figure = self.figs.first().map_or(self.text.len(), |f| f.0);
        let (_, first_clause_end) = self.clause(0);
        self.periods
            .iter()
            .take_while(|p| p.end <= first_figure.min(first_clause_end))
            .find(|p| !self.is_comparison_period(p) && (!p.is_bare_year() || self.bare_year_is_period(p)))
            .map(|p| p.resolve(ctx.call, forward))
    }

    /// What the sentence leaves to the next: a forecast sentence (`For Q4, we expect
    /// revenue of …`) opens an outlook passage; a result of the call's own period closes it.
    fn carry_forward(&self, ctx: &Context<'_>, discourse: &mut Discourse, out: &[Option<Reading>]) {
        let readings = || out.iter().flatten().filter(|r| r.metric.is_some());
        let guidance = readings().find(|r| r.kind == Kind::Guidance);
        let results = readings().any(|r| r.kind == Kind::Actual && ctx.call.is_own(&r.period));
        // A forecast for a period it names opens an outlook passage (`For Q4, we expect
        // revenue of …`); a loose forward remark does not.
        match (guidance, results) {
            (Some(g), false) if g.dated => {
                discourse.guidance = true;
                discourse.guidance_age = 0;
                discourse.guidance_period = Some(g.period);
            }
            (Some(_), false) => discourse.guidance_age = 0,
            (None, true) => discourse.guidance = false,
            _ => {}
        }
    }

    /// Remembers the segment the sentence names for the rest of its paragraph; a total
    /// word forgets it.
    fn note_segment(&self, discourse: &mut Discourse, sentence_segment: Option<String>) {
        if let Some(s) = sentence_segment {
            discourse.paragraph_segment = Some(s);
        }
        for x in self.mentions.iter().filter(|x| x.metric.is_some()) {
            if x.total {
                discourse.paragraph_segment = None;
            } else if let Some(s) = x.segment.as_ref().filter(|_| x.segment_named) {
                discourse.paragraph_segment = Some(s.clone());
            }
        }
    }

    /// What the change compares with: the cues after it in its clause (`13%
    /// year-over-year`, `20% in constant currency`, `up 38% sequentially`), or before it
    /// (`year-over-year growth of 5%`).
    fn comparison(&self, i: usize) -> Option<Comparison> {
        let (start, end, _) = self.figs[i];
        let (clause_start, clause_end) = self.clause(start);
        let next_fig = self.figs.get(i + 1).map_or(clause_end, |f| f.0.min(clause_end));
        let of = |c: &Cue| match c {
            Cue::ConstantCurrency => Some(Comparison::ConstantCurrency),
            Cue::Yoy | Cue::PriorYear => Some(Comparison::Yoy),
            Cue::Qoq | Cue::PriorQuarter => Some(Comparison::Qoq),
            _ => None,
        };
        let after: Vec<Comparison> = self.cues_in(end, next_fig).filter_map(|(_, _, c)| of(c)).collect();
        if after.contains(&Comparison::ConstantCurrency) {
            return Some(Comparison::ConstantCurrency);
        }
        if let Some(c) = after.first() {
            return Some(*c);
        }
        let prev_fig = if i == 0 {
            clause_start
        } else {
            self.figs[i - 1].1.max(clause_start)
        };
        let before = self.cues_in(prev_fig, start).filter_map(|(_, _, c)| of(c)).next_back();
        before.or_else(|| {
            let p = self
                .periods
                .iter()
                .find(|p| p.start >= end && p.end <= next_fig && self.is_comparison_period(p))?;
            (p.relative == Some(Relative::Prior)).then_some(Comparison::Yoy)
        })
    }
}

/// Counts the words of `gap` into `count`; false when one is not in `allowed` (an
/// adverb in `-ly` always is).
fn words_in(gap: &str, allowed: &[&str], count: &mut usize) -> bool {
    for w in gap.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’') {
        let w = w.trim_matches(|c| c == '\'' || c == '’' || c == '-');
        if w.is_empty() {
            continue;
        }
        *count += 1;
        let lower = w.to_ascii_lowercase();
        if !(allowed.contains(&lower.as_str()) || lower.ends_with("ly") && lower.len() > 4) {
            return false;
        }
    }
    true
}

fn ends_with_word(text: &str, word: &str) -> bool {
    text.ends_with(word)
        && text[..text.len() - word.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Prices per item are not figures of the call.
const PER_ITEM: &[&str] = &[
    "a month",
    "per month",
    "a year",
    "per year",
    "each",
    "per unit",
    "apiece",
    "per hour",
    "a week",
    "per week",
    "per night",
    "a night",
    "per day",
    "a day",
    "per barrel",
    "a barrel",
    "per ton",
    "a ton",
    "per gallon",
    "a gallon",
    "per pound",
    "per mcf",
    "per mmbtu",
];

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
}

/// What a comparison base is compared as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PriorCue {
    Year,
    Quarter,
    Guidance,
    Earlier,
}

/// Guidance that names no period is for the next quarter, except on a fourth-quarter
/// call, where it is for the coming year.
fn default_guidance_period(call: &CallPeriod) -> Period {
    match call.quarter {
        Some(4) => Period::Year {
            year: call.year.map(|y| y + 1),
            fiscal: call.fiscal,
        },
        _ => call.next_quarter(),
    }
}

fn direction_of(c: Cue) -> Option<Direction> {
    match c {
        Cue::Up { .. } => Some(Direction::Up),
        Cue::Down { .. } => Some(Direction::Down),
        _ => None,
    }
}

/// `lower` without trailing words of approximation (`approximately`, `about`).
fn strip_approximations(lower: &str) -> &str {
    let mut t = lower.trim_end();
    while let Some(stripped) = [
        " approximately",
        " about",
        " roughly",
        " nearly",
        " almost",
        " some",
        " around",
        " just",
        " over",
        " under",
    ]
    .iter()
    .find_map(|w| t.strip_suffix(w))
    {
        t = stripped.trim_end();
    }
    t
}

/// `lower` without trailing filler words (`by`, `of`, `approximately`, `about`).
/// Metric words inside the words that qualify an earlier metric (`expenses` in `earnings
/// per share excluding the impact of acquisition expenses`) name no metric of their own.
fn drop_qualifying_words(mentions: &mut Vec<Mention>) {
    let mut reach = 0;
    mentions.retain(|m| {
        let keep = m.start >= reach;
        if keep {
            reach = reach.max(m.tail);
        }
        keep
    });
}

/// A condition (`if we're at $9.5 million on $15 million of revenues`), not a way of
/// looking at a result (`if you look at revenue, it grew 10%`).
fn conditional(lower_clause: &str) -> bool {
    // A comma after the `if` closes the condition before the figure (`if I focus on Q3,
    // we anticipate …`).
    let if_at = lower_clause
        .match_indices("if ")
        .map(|(at, _)| at)
        .filter(|&at| !lower_clause[..at].ends_with(|c: char| c.is_alphanumeric()))
        .last();
    let condition = match if_at {
        Some(at) if !lower_clause[at..].contains(',') => &lower_clause[at..],
        _ => return false,
    };
    let words: Vec<&str> = condition
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(k, w)| {
        *w == "if"
            && !words[k + 1..].iter().take(3).any(|v| {
                matches!(
                    *v,
                    "look"
                        | "looking"
                        | "take"
                        | "compare"
                        | "exclude"
                        | "excluding"
                        | "adjust"
                        | "back"
                        | "remove"
                        | "strip"
                        | "normalize"
                        | "recall"
                        | "remember"
                        | "think"
                        | "go"
                        | "turn"
                        | "see"
                        | "break"
                        | "focus"
                )
            })
    })
}

/// The lowercase words of `text` with their byte offsets.
fn words_at(text: &str) -> Vec<(usize, String)> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let in_word = c.is_alphanumeric() || c == '-';
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                words.push((s, text[s..at].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    words
}

fn strip_fillers_end(lower: &str) -> &str {
    let mut t = lower.trim_end();
    loop {
        let before = t;
        for w in [
            " by",
            " of",
            " approximately",
            " about",
            " roughly",
            " nearly",
            " almost",
            " over",
            " just",
            " some",
            " around",
            " a",
            " an",
            " the",
            " our",
            " more than",
            " less than",
        ] {
            if let Some(stripped) = t.strip_suffix(w) {
                t = stripped.trim_end();
            }
        }
        if t == before {
            return t;
        }
    }
}

impl Mention {
    fn blocker(start: usize, end: usize) -> Mention {
        Mention {
            start,
            end,
            lead: start,
            tail: end,
            metric: None,
            basis: None,
            negative: false,
            scope: Scope::Item,
            segment: None,
            this_segment: false,
            total: false,
            share: false,
            segment_named: false,
        }
    }

    fn read(
        ctx: &Context<'_>,
        text: &str,
        start: usize,
        end: usize,
        id: MetricId,
        basis: Option<Basis>,
        loss: bool,
    ) -> Mention {
        let before = scope::before(text, start, ctx.names);
        let (after, tail) = scope::after(text, end);
        let news = ctx.vocabulary.def(id).measure_is_announced();
        let segment_named = before.marked
            || before
                .segment
                .as_ref()
                .is_some_and(|s| ctx.names.segments.iter().any(|k| k.eq_ignore_ascii_case(s)));
        let mut m = Mention {
            start,
            end,
            lead: before.lead.min(start),
            tail,
            metric: Some(id),
            basis: basis.or(before.basis),
            negative: loss,
            scope: if before.item || (before.novel && !news) {
                Scope::Item
            } else {
                Scope::Total
            },
            segment: before.segment,
            this_segment: before.this_segment,
            total: before.total,
            share: false,
            segment_named,
        };
        match after {
            After::NotMetric => m.metric = None,
            After::Segment(s) if m.segment.is_none() && m.scope != Scope::Item => m.segment = Some(s),
            After::ThisSegment => m.this_segment = true,
            After::Item => m.scope = Scope::Item,
            After::Total => m.total = true,
            After::Excluding => m.basis = m.basis.or(Some(Basis::Adjusted)),
            _ => {}
        }
        if m.segment.is_some() && m.scope != Scope::Item {
            m.scope = Scope::Segment;
        }
        m
    }
}

static DATE_RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?:(?-u:\b)(?:as\s+of|at|on|through|ended|ending)\s+)?(?:(?-u:\b)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|(?-u:\b)\d{1,2}/\d{1,2}/\d{2,4})(?-u:\b)",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Calendar dates in `text`, with the preposition before them.
fn dates(text: &str) -> Vec<(usize, usize)> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    DATE_RE.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

/// True when `before` ends a share's `X% of [our total]`: the phrase after it is the
/// whole the share is of.
fn is_share_denominator(before: &str) -> bool {
    let mut t = before.trim_end().to_ascii_lowercase();
    while let Some(stripped) = [" our", " the", " total", " its", " consolidated", " net", " company"]
        .iter()
        .find_map(|filler| t.strip_suffix(filler))
    {
        t = stripped.trim_end().to_string();
    }
    let Some(t) = t.strip_suffix(" of") else {
        return false;
    };
    let t = t.trim_end();
    t.ends_with('%')
        || t.ends_with("percent")
        || t.ends_with("percentage")
        || t.ends_with("basis points")
        || t.ends_with("bps")
}

/// Two metric phrases with nothing between (`cash EPS`, `sales revenue`): the first only
/// qualifies the second.
fn merge_adjacent(mentions: &mut Vec<Mention>, text: &str) {
    let mut i = 0;
    while i + 1 < mentions.len() {
        let gap = &text[mentions[i].end..mentions[i + 1].start];
        if gap.trim().is_empty() && mentions[i].metric.is_some() && mentions[i + 1].metric.is_some() {
            let first = mentions.remove(i);
            let second = &mut mentions[i];
            second.start = first.start;
            second.basis = second.basis.or(first.basis);
            if second.segment.is_none() {
                second.segment = first.segment;
            }
            second.total |= first.total;
            if first.scope == Scope::Item {
                second.scope = Scope::Item;
            }
        } else {
            i += 1;
        }
    }
}

/// Where clauses start: after `;`, a dash, a parenthesis or a colon (hard), and before
/// `, and`, `, while`, `, but`, `, which`, `, driven by` and the like (soft).
fn clause_starts(text: &str) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let hard = match c {
            ';' | '(' | ')' | ':' | '—' | '–' => true,
            '-' => i > 0 && bytes.get(i + 1) == Some(&b' ') && bytes[i - 1] == b' ' || text[i..].starts_with("--"),
            _ => false,
        };
        if hard {
            out.push((i + c.len_utf8(), true));
        }
    }
    // Soft boundaries start right after their comma or space (the clause opens with the
    // word: `which`, `while`, `driven by`).
    out.extend(SOFT_BOUNDARIES.find_iter(text).map(|m| (m.start() + 1, false)));
    out.sort_unstable();
    out.dedup_by_key(|(p, _)| *p);
    out
}

/// Words that open a clause of their own (soft boundaries).
const SOFT: &[&str] = &[
    ", and ",
    ", while ",
    ", but ",
    ", which ",
    ", whereas ",
    " while ",
    " whereas ",
    ", as well as ",
    ", driven by ",
    ", reflecting ",
    ", primarily ",
    ", partially offset by ",
    ", offset by ",
    ", due to ",
    ", led by ",
    ", as a result of ",
    ", including ",
    ", although ",
    ", though ",
    ", with ",
    " but ",
    ", resulting in ",
    ", bringing ",
    ", helped by ",
    ", thanks to ",
    ", because ",
    ", as ",
    " and so ",
    " and then ",
];

static SOFT_BOUNDARIES: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(SOFT)
        .unwrap_or_else(|e| unreachable!("literal patterns always compile: {e}"))
});

/// Links each change and each base to the level figure of the same metric before it in
/// the sentence.
fn link_changes_and_bases(readings: &mut [Option<Reading>]) {
    for i in 0..readings.len() {
        let Some(r) = &readings[i] else { continue };
        if !(r.change || r.kind == Kind::Prior) || r.metric.is_none() {
            continue;
        }
        let (metric, segment) = (r.metric, r.segment.clone());
        let of = (0..i).rev().find(|&j| {
            readings[j]
                .as_ref()
                .is_some_and(|l| !l.change && l.kind != Kind::Prior && l.metric == metric && l.segment == segment)
        });
        if let Some(r) = readings[i].as_mut() {
            r.of = of;
        }
    }
}
