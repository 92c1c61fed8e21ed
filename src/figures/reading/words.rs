//! The word lists the sentence reader checks the words around a figure against, and
//! small helpers over words.

use crate::figures::grammar::APPROXIMATIONS;
use crate::figures::wordset::WordSet;

/// Words allowed between a metric and its figure (`revenue for the quarter came in at`,
/// `EPS is now expected to be in the range of`).
pub(super) static LINK_WORDS: WordSet = WordSet::new(&[
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
    // `revenue guidance for 2021 continues to be in the range of`
    "continue",
    "continues",
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
    "exceed",
    "surpass",
    "loss",
    // `free cash flow to approach $1.1 billion`, `EPS expectations continue to be in the
    // range of`, `capital expenditures will be consistent with this year and in the range of`
    "approach",
    "approaching",
    "expectation",
    "expectations",
    "consistent",
    "similar",
    "line",
    "annualized",
    // `adjusted diluted earnings per share, a non-GAAP measure, was $0.83`, `growth
    // was positive 2%`, `$0.86 in fully diluted GAAP earnings per share`
    "measure",
    "metric",
    "positive",
    "fully",
    // `net production averaged 265,000 Boe per day`, `backlog at year-end was`, `cash
    // during the quarter`, `to be at least`, `in the mid to high 20% range`, `our cash
    // position of`, `a cash balance of`
    "averaged",
    "averaging",
    "year-end",
    "quarter-end",
    "during",
    "least",
    "mid",
    "position",
    "balance",
    "balances",
]);

/// Verbs of spending: money spent `on` or `toward` a metric states it (`expecting to spend
/// approximately $1.6 billion on capital investments`).
pub(super) const SPENDING: &[&str] = &[
    "spend",
    "spent",
    "spending",
    "deploy",
    "deployed",
    "invest",
    "invested",
    "investing",
    "allocated",
];

/// The dividend metrics: said per year, their annual rate.
pub(super) const DIVIDENDS: [&str; 2] = ["dividends", "dividend per share"];

/// Metrics of the company as a whole: its cash, capital, returns to shareholders and
/// tax. A segment's passage does not make them the segment's.
pub(super) const COMPANY_WIDE: &[&str] = &[
    "capital expenditures",
    "free cash flow",
    "operating cash flow",
    "dividends",
    "dividend per share",
    "share repurchases",
    "repurchase authorization",
    "effective tax rate",
    "cash",
    "debt",
    "net debt",
    "leverage",
    "liquidity",
];

/// Words that may open a clause and still continue the figure before it (`which was an
/// increase of 4.7%`, `or $10.5 billion`).
pub(super) static CONTINUATION_WORDS: WordSet = WordSet::new(&[
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
    "only",
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
]);

/// Nouns that make an amount the effect of something on a metric, not the metric.
pub(super) const IMPACT_WORDS: &[&str] = &[
    // `this accounted for approximately $25 million of the Q1 sales increase`.
    "accounted",
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
    // `a third quarter pushout of approximately $6 million in revenue`.
    "pushout",
    "push-out",
    "shortfall",
];

/// Nouns of a change (`an increase of $309 million`).
pub(super) const CHANGE_NOUNS: [&str; 10] = [
    "increase",
    "decrease",
    "decline",
    "reduction",
    "growth",
    "improvement",
    "rise",
    "drop",
    "change",
    "gain",
];

/// Words right after a figure that make it a change (`a $5 million increase`, `$0.02
/// per share higher`).
pub(super) const MOVE_NOUNS: [&str; 12] = [
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
    "more than",
    "less than",
];

/// Verbs and nouns of an effect that an amount has on a metric it is given `to` (`added
/// $0.89 to earnings per share`, `a net increase of $31 million to net income`).
pub(super) const ADDING_WORDS: &[&str] = &[
    "add",
    "adds",
    "added",
    "adding",
    "contribute",
    "contributes",
    "accretive",
    "dilutive",
    "increase",
    "decrease",
    "reduction",
    "reduce",
    "reduced",
    "lift",
    "boost",
    "tailwind",
];

/// Words that make a `gain` a growth rate (`a sequential gain of 1%`), not a one-off.
pub(super) const GROWTH_QUALIFIERS: &[&str] = &[
    "sequential",
    "year-over-year",
    "year-on-year",
    "quarter-over-quarter",
    "organic",
    "annual",
    "yoy",
];

/// Nouns of a debt instrument right after an amount (`$1.4 billion bridge loan
/// facility`): the size of the instrument, no result.
pub(super) const FACILITY_WORDS: &[&str] = &[
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
pub(super) const IMPACT_ADJECTIVES: &[&str] = &[
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

/// Verbs before a figure that make it a part of a metric, not the metric's level
/// (`revenue included $5 million from`, `contributed $20 million of revenue`).
/// Verbs by which something other than the company moves a metric (`the transaction
/// lowered EPS by $0.04`, `currency reduced revenue by 2%`): the figure is an impact.
pub(super) const AGENT_VERBS: &[&str] = &[
    // `supply constraints impacted our fourth quarter revenue by $25 million`
    "impacted",
    "affected",
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
    // `A change in our assumption for short-term rates … impacts our projected earnings
    // by $0.06 per share`: a sensitivity, in the present tense.
    "impacts",
    "affects",
    "reduces",
    "lowers",
    // `will weigh on core FFO per share by approximately $0.02`.
    "weighed",
    "weighs",
];

/// The same verbs in the base form, after a modal (`the change will again impact our
/// second quarter revenue by $25 million`, `is expected to lower net income by`; not
/// the noun in `the impact of … revenue increased by 25%`).
pub(super) const AGENT_VERBS_AFTER_MODAL: &[&str] = &[
    "impact", "affect", "hurt", "dilute", "lower", "reduce", "pressure", "depress", "benefit", "weigh",
];

/// Words a base-form verb of [`AGENT_VERBS_AFTER_MODAL`] follows.
pub(super) const MODALS: &[&str] = &[
    "will", "would", "could", "may", "might", "should", "can", "to", "again", "also", "further", "likely",
];

/// Subjects that make a move the company's own result (`we increased revenue by 10%`).
pub(super) const OWN_SUBJECTS: &[&str] = &[
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

/// Nouns that sum up a period's results: what they include is a result, not a part
/// (`our Q1 results included revenue of $1.8 billion`, `our Q4 guidance includes earnings
/// between $1.68 and $1.78`).
pub(super) const SUMMARY_SUBJECTS: &[&str] = &[
    "results",
    "highlights",
    "performance",
    "financials",
    "numbers",
    "guidance",
    "outlook",
    "expectations",
    "forecast",
    "range",
    "ranges",
    "targets",
    "assumptions",
];

pub(super) const PART_VERBS: &[&str] = &[
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
    // `shifted approximately $60 million of expected revenue out of the quarter`: an
    // amount moved between periods, not the period's total.
    "shifted",
    "pushed",
    "delayed",
    "benefited",
    "benefiting",
    "benefit",
    "drove",
    "driven",
    "offset",
    "lost",
    "added",
    "adding",
    // `that adds $0.35 per share`, `expected to add about $200 million in sales`.
    "adds",
    "add",
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

/// Counts the words of `gap` into `count`; false when one is not in `allowed` (an
/// adverb in `-ly` always is).
pub(super) fn words_in(gap: &str, allowed: &WordSet, count: &mut usize) -> bool {
    for w in gap.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’') {
        let w = w.trim_matches(|c| c == '\'' || c == '’' || c == '-');
        if w.is_empty() {
            continue;
        }
        *count += 1;
        let lower = w.to_ascii_lowercase();
        if !(allowed.contains(&lower) || lower.ends_with("ly") && lower.len() > 4) {
            return false;
        }
    }
    true
}

/// Prices per item are not figures of the call.
pub(super) const PER_ITEM: &[&str] = &[
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

/// `lower` without trailing words of approximation (`approximately`, `about`).
pub(super) fn strip_approximations(lower: &str) -> &str {
    let mut t = lower.trim_end();
    while let Some(stripped) = APPROXIMATIONS
        .iter()
        .chain(&["some", "just", "over", "under"])
        .find_map(|w| t.strip_suffix(w).filter(|rest| rest.ends_with(' ')))
    {
        t = stripped.trim_end();
    }
    t
}

/// A condition (`if we're at $9.5 million on $15 million of revenues`), not a way of
/// looking at a result (`if you look at revenue, it grew 10%`).
pub(super) fn conditional(lower_clause: &str) -> bool {
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

/// Where the words of a lowercased sentence are, found once per sentence: the rules read
/// the words of many spans of it (a clause, the gap between a metric and a figure), and
/// scanning each span's characters again, once per figure and rule, had been a tenth of
/// the reader's time.
pub(super) struct WordIndex(Vec<(usize, usize)>);

impl WordIndex {
    /// The words of `lower`: runs of letters, digits and hyphens.
    pub(super) fn of(lower: &str) -> WordIndex {
        let bytes = lower.as_bytes();
        let mut spans = Vec::with_capacity(bytes.len() / 5);
        let mut start = None;
        let mut at = 0;
        // Bytes, not chars: a sentence is nearly all ASCII, and only a byte past ASCII
        // needs its char decoded (the char scan had cost 20 instructions a byte).
        while at < bytes.len() {
            let (in_word, width) = match bytes[at] {
                b if b.is_ascii() => (b.is_ascii_alphanumeric() || b == b'-', 1),
                _ => lower[at..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
            };
            match (in_word, start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    spans.push((s, at));
                    start = None;
                }
                _ => {}
            }
            at += width;
        }
        if let Some(s) = start {
            spans.push((s, bytes.len()));
        }
        WordIndex(spans)
    }

    /// The words of `lower[from..to]` with their offsets from `from`: what
    /// a scan of `lower[from..to]` finds (a word the span cuts is cut the same way), by
    /// bisection. `lower` is the text the index was made of.
    pub(super) fn between<'s, 't>(
        &'s self,
        lower: &'t str,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = (usize, &'t str)> + use<'s, 't> {
        let first = self.0.partition_point(|&(_, end)| end <= from);
        self.0[first..]
            .iter()
            .take_while(move |&&(start, _)| start < to)
            .map(move |&(start, end)| (start.max(from), end.min(to)))
            // An empty span inside a word has no word.
            .filter(|(start, end)| start < end)
            .map(move |(start, end)| (start - from, &lower[start..end]))
    }
}

pub(super) fn strip_fillers_end(lower: &str) -> &str {
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
            " only",
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

#[cfg(test)]
mod tests {
    use super::WordIndex;

    /// The words of `lower` with their byte offsets, by a scan of its chars: what the index
    /// must agree with.
    fn words_at(lower: &str) -> Vec<(usize, &str)> {
        let mut words = Vec::new();
        let mut start = None;
        for (at, c) in lower.char_indices().chain(std::iter::once((lower.len(), ' '))) {
            let in_word = c.is_alphanumeric() || c == '-';
            match (in_word, start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    words.push((s, &lower[s..at]));
                    start = None;
                }
                _ => {}
            }
        }
        words
    }

    proptest::proptest! {
        /// The index reads every span as scanning the span itself would, spans that cut a
        /// word included.
        #[test]
        fn the_word_index_reads_any_span_as_a_scan_of_it(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["net", "sales", " ", "-", ", ", "$1.2", "q3", "’", "é", "É", "中文", "—", "'s", ".", "2024"][..]),
                0..16,
            ),
            cuts in (0usize..100, 0usize..100),
        ) {
            let lower = pieces.concat();
            let bounds: Vec<usize> = (0..=lower.len()).filter(|&i| lower.is_char_boundary(i)).collect();
            let (a, b) = (bounds[cuts.0 % bounds.len()], bounds[cuts.1 % bounds.len()]);
            let (from, to) = (a.min(b), a.max(b));
            let index = WordIndex::of(&lower);
            let read: Vec<(usize, &str)> = index.between(&lower, from, to).collect();
            proptest::prop_assert_eq!(read, words_at(&lower[from..to]));
        }
    }
}
