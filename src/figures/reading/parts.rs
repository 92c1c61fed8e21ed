//! Direction, basis, scope and sign of a figure, and the figures that are parts of a
//! result rather than the result (impacts, contributions, tolerances, conditions).

use super::*;

/// Words before a name that leave it out of what the sentence measures.
const EXCLUDED_BY: [&str; 8] = [
    "excluding",
    "excluding the impact of",
    "excluding the impact from",
    "exclusive of",
    "absent",
    "without",
    "except",
    "except for",
];

pub(super) fn direction_of(c: Cue) -> Option<Direction> {
    match c {
        Cue::Up { .. } => Some(Direction::Up),
        Cue::Down { .. } => Some(Direction::Down),
        _ => None,
    }
}

/// The word of change that a `by` before a figure measures, nearest first among the 16
/// words before it (`raise our adjusted EPS guidance by $0.10`, `increasing the
/// lower end of our range by $0.05`, `reduced our net debt by $1.1 billion`, `higher than
/// the prior year by over 200%`). A comparative after a determiner describes a noun (`the
/// lower end`, `a lower tax rate`) and says nothing of the figure.
fn verb_before_by(words: &[&str]) -> Option<Direction> {
    words.iter().enumerate().rev().take(16).find_map(|(k, w)| {
        let determined = k > 0
            && matches!(
                words[k - 1],
                "the" | "a" | "an" | "our" | "its" | "their" | "this" | "that" | "these" | "those"
            );
        match *w {
            "raise" | "raised" | "raising" | "increase" | "increased" | "increasing" | "boost" | "boosted"
            | "boosting" | "grew" | "grow" | "growing" | "grown" | "improve" | "improved" | "improving" | "expand"
            | "expanded" | "expanding" | "lift" | "lifted" | "benefit" | "benefited" | "benefiting" | "exceeded"
            | "jumped" | "rose" | "risen" | "climbed" | "gained" | "accelerated" | "up" | "upward" | "positively" => {
                Some(Direction::Up)
            }
            "reduce" | "reduced" | "reducing" | "reduction" | "lowered" | "lowering" | "decrease" | "decreased"
            | "decreasing" | "declined" | "decline" | "cut" | "cutting" | "hurt" | "fell" | "dropped" | "down"
            | "downward" | "negatively" => Some(Direction::Down),
            "higher" if !determined => Some(Direction::Up),
            "lower" if !determined => Some(Direction::Down),
            _ => None,
        }
    })
}

/// True when `after` (the words after a figure) opens with `more` or `less` as a
/// comparison: `$10 million less.`, `$2 million more,`, `5% less year-over-year`, never
/// `$532 million less capital spending`, which subtracts.
fn compares_with(after: &str, word: &str) -> bool {
    after.strip_prefix(word).is_some_and(|rest| {
        rest.is_empty()
            || rest.starts_with([',', '.', ';', ')'])
            || ["year", "sequential", "versus", "compared", "from"]
                .iter()
                .any(|c| rest.trim_start().starts_with(c))
    })
}

/// Words before `operations` that name no line of business (`from continuing
/// operations`, `our ongoing operations`).
const NOT_LINES: &[&str] = &[
    "continuing",
    "discontinued",
    "ongoing",
    "core",
    "existing",
    "own",
    "global",
    "combined",
    "total",
    "overall",
    "consolidated",
    "underlying",
    "normal",
    "day-to-day",
    "other",
];

impl<'a> Sentence<'a> {
    /// True when a direction word stands right before the figure without `to` (`up $4.1
    /// billion`, `an increase of $13 million`, `declined 3%`) or right after it (`a $5
    /// million increase`).
    pub(super) fn moves(&self, i: usize) -> bool {
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

    pub(super) fn moves_here(&self, i: usize) -> bool {
        let (start, end, _) = self.figs[i];
        let lower = &self.lower[..start];
        let (stripped, trimmed) = (strip_fillers_end(lower).len(), lower.trim_end().len());
        let is_direction = |c: &Cue| matches!(c, Cue::Up { .. } | Cue::Down { .. });
        let before = self
            .cues
            .iter()
            .any(|(_, e, c)| (stripped..=trimmed).contains(e) && is_direction(c));
        // `increased the midpoint of our guidance by $0.18`: `by` after a direction word.
        let (clause_start, _) = self.clause(start);
        let approximate = strip_approximations(lower);
        let by =
            ends_with_word(approximate, "by") && self.cues_in(clause_start, start).any(|(_, _, c)| is_direction(c));
        // `$0.02 per share higher`: the direction word after a per-share phrase.
        let after_at = self.past_per_share(end);
        let after = self.lower[after_at..].trim_start();
        // `The $0.73 of improvement in adjusted EPS`.
        let after = after.strip_prefix("of ").unwrap_or(after);
        // `a $71.4 million revenue decrease`: the direction word after the metric the
        // figure is stated in.
        let after_metric = self
            .mentions
            .iter()
            .find(|x| x.metric.is_some() && x.start >= end && x.start <= end + 1)
            .map(|x| self.lower[x.end..].trim_start());
        let says_move = |after: &str| {
            MOVE_NOUNS
                .iter()
                .any(|w| after.starts_with(w) && after[w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
        };
        before
            || by
            || says_move(after)
            || after_metric.is_some_and(|a| says_move(a) && !a.starts_with("more") && !a.starts_with("less"))
            || ["more", "less"].iter().any(|w| compares_with(after, w))
    }

    /// True for an amount that is the effect of something on a metric, not the metric:
    /// an impact noun right after it (`a $0.02 unfavorable variance`, `$0.05 per share
    /// impact`) or just before it with no metric between (`a benefit of $3 million`,
    /// `included a $0.04 charge`). A verb after it (`EPS of $2.84 also benefited from`)
    /// says what moved the figure, not that the figure is the move.
    pub(super) fn is_impact(&self, i: usize) -> bool {
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
        let after_at = self.past_per_share(end);
        let before = self.words_of(previous, start);
        let after = self.words_of(after_at.min(next), next);
        // `Excluding these gains, we earned $2.15`: what is left out is no impact of it.
        // `a sequential gain of 1%` is growth; `a gain of $5 million on the sale` is a part.
        let growth_gain =
            |k: usize| matches!(before[k], "gain" | "gains") && k > 0 && GROWTH_QUALIFIERS.contains(&before[k - 1]);
        let before_hit = (0..before.len())
            .rev()
            .take(3)
            .any(|k| IMPACT_WORDS.contains(&before[k]) && !growth_gain(k))
            && !self.excluding_before(start);
        let skipped = after
            .iter()
            .take(3)
            .take_while(|w| IMPACT_ADJECTIVES.contains(w) || matches!(**w, "of" | "in" | "a" | "the"))
            .count();
        let after_growth = after[..skipped.min(after.len())]
            .iter()
            .any(|w| GROWTH_QUALIFIERS.contains(w));
        let after_hit = after
            .iter()
            .take(3)
            .skip(skipped)
            .take(1)
            .any(|w| IMPACT_WORDS.contains(w) && !(after_growth && matches!(*w, "gain" | "gains")))
            || after.iter().take(3).any(|w| FACILITY_WORDS.contains(w));
        // `Sentinel, a $6 million sales business`: the size of a business, not its result.
        let sized = matches!(before.last(), Some(&("a" | "an")))
            && after
                .iter()
                .take(2)
                .any(|w| matches!(*w, "business" | "company" | "brand" | "acquisition"));
        before_hit
            || after_hit
            || sized
            || self.impact_after_metric(end, next)
            || self.subject_is_impact(start)
            || self.given_to_metric(end, next)
            || self.impact_on_metric(start)
    }

    /// `a total annualized impact on our earnings per share of approximately $0.01`, `a
    /// negative effect on operating profits of approximately $5 million`: the figure is
    /// `of` a metric that an impact word is `on` (`to`; `of` after `impact`) right before.
    fn impact_on_metric(&self, start: usize) -> bool {
        let Some(x) = self.mentions.iter().rfind(|x| x.metric.is_some() && x.tail <= start) else {
            return false;
        };
        if strip_approximations(self.lower[x.tail..start].trim()) != "of" {
            return false;
        }
        let mut head = self.lower[..x.lead].trim_end();
        for det in ["our", "the", "its", "noncash", "non-cash"] {
            if let Some(h) = head.strip_suffix(det).filter(|h| h.ends_with(' ')) {
                head = h.trim_end();
            }
        }
        let Some((head, of)) = ["on", "to", "of"].iter().find_map(|w| {
            head.strip_suffix(w)
                .filter(|h| h.ends_with(' '))
                .map(|h| (h, *w == "of"))
        }) else {
            return false;
        };
        // `the net effects of share repurchases of $1 billion`: what had the effect, not
        // what it fell on; `of` follows only `impact`.
        head.split_whitespace().next_back().is_some_and(|w| match w {
            "impact" | "impacts" => true,
            "effect" | "effects" | "benefit" | "headwind" | "tailwind" => !of,
            _ => false,
        })
    }

    /// `a $75 million impact to revenue and $75 million to operating profit`, `added
    /// $0.89 to earnings per share`: an amount given `to` a metric, in a clause that
    /// names an effect, is what something did to it, not its level. Without one it is
    /// what went to it (`allocated $250 million to share repurchases`, `leverage at 0.7
    /// times to adjusted EBITDA`); and a metric that a figure follows states its own
    /// level (`grew 5% to revenues of $2 billion`).
    fn given_to_metric(&self, end: usize, next: usize) -> bool {
        // Most figures have no `to` after them: that test first, the clause's words after.
        let Some(rest) = self.lower[end..].trim_start().strip_prefix("to ") else {
            return false;
        };
        let (clause_start, _) = self.clause(end);
        let effect = self
            .words_iter(clause_start, end)
            .any(|w| IMPACT_WORDS.contains(&w) || ADDING_WORDS.contains(&w));
        if !effect {
            return false;
        }
        let rest = rest.trim_start();
        let rest = ["the ", "our "]
            .iter()
            .find_map(|d| rest.strip_prefix(d))
            .unwrap_or(rest)
            .trim_start();
        let at = self.lower.len() - rest.len();
        self.mentions
            .iter()
            .find(|x| x.metric.is_some() && x.lead == at)
            .is_some_and(|x| next > x.tail + 4 || next == self.clause(at).1)
    }

    /// `accelerate our organic revenue growth rate to the mid-single digit range, up
    /// approximately 50% versus our previous growth rate`, `organic growth rates, almost
    /// 50% higher than`: how much a growth rate itself moved, not the metric's growth.
    /// A percentage with a direction of its own, said of a metric named as a rate or
    /// set against a rate.
    pub(super) fn change_of_a_rate(&self, i: usize, x: &Mention) -> bool {
        let (_, end, _) = self.figs[i];
        let after = self.lower[end..].trim_start();
        let against_rate = ["versus ", "vs. ", "compared to ", "compared with ", "than "]
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .is_some_and(|rest| {
                let rest = rest.trim_start_matches("our ").trim_start_matches("the ");
                let rest = ["previous ", "prior ", "historical ", "historic ", "past ", "former "]
                    .iter()
                    .find_map(|w| rest.strip_prefix(w))
                    .unwrap_or(rest);
                rest.starts_with("growth rate") || rest.starts_with("rate of growth")
            });
        let words = &self.lower[x.start..x.tail.max(x.end)];
        let named_rate = words.contains("growth rate")
            || words.contains("growth") && self.lower[x.tail.max(x.end)..].trim_start().starts_with("rate");
        against_rate || named_rate && self.moves(i)
    }

    /// The direction a clause's subject names when it is a change of a metric (`The
    /// increase in revenue was $5 million`, `The decline in net sales of $12 million`).
    pub(super) fn subject_is_change(&self, start: usize) -> Option<Direction> {
        let (clause_start, _) = self.clause(start);
        let mut words = self.lower[clause_start..start]
            .split_whitespace()
            .skip_while(|w| matches!(*w, "the" | "this" | "that" | "our" | "a" | "an"))
            .skip_while(|w| matches!(*w, "total" | "overall" | "year-over-year" | "sequential" | "net"));
        let direction = match words.next()? {
            "increase" | "growth" | "improvement" | "rise" => Direction::Up,
            "decrease" | "decline" | "reduction" | "drop" => Direction::Down,
            _ => return None,
        };
        if !matches!(words.next()?, "in" | "of") {
            return None;
        }
        // The metric the change is of states the figure: only linking words between
        // (not `The growth in revenue … resulted in non-GAAP EPS of $1.50`, nor `This
        // increase in book value combined with our $0.09 dividend`).
        let mut metrics = self
            .mentions
            .iter()
            .filter(|x| x.start >= clause_start && x.tail <= start && x.metric.is_some());
        let only = metrics.next()?;
        // `The increase in the dividend to $0.13 per share`: the level it rose to.
        let to_level = strip_approximations(self.lower[only.tail..start].trim()) == "to";
        (metrics.next().is_none() && !to_level && self.links(only.tail, start, false)).then_some(direction)
    }

    /// The clause's subject is an impact (`The net benefit of these shifts into the
    /// second quarter of 2021 was 614,000 of attendance and $32 million of revenue`):
    /// every figure it states is a part.
    fn subject_is_impact(&self, start: usize) -> bool {
        let (clause_start, _) = self.clause(start);
        let subject = self.lower[clause_start..start].trim_start();
        let mut words = subject
            .split_whitespace()
            .skip_while(|w| matches!(*w, "the" | "this" | "that" | "these" | "those" | "our"))
            .skip_while(|w| IMPACT_ADJECTIVES.contains(w) || matches!(*w, "total" | "overall"));
        words.next().is_some_and(|w| IMPACT_WORDS.contains(&w))
            && words
                .next()
                .is_some_and(|w| matches!(w, "of" | "from" | "was" | "were" | "is"))
    }

    /// `we achieved $0.03 in earnings per share in savings`: an impact word right after
    /// the metric the figure is stated in.
    fn impact_after_metric(&self, end: usize, next: usize) -> bool {
        let Some(x) = self
            .mentions
            .iter()
            .find(|x| x.metric.is_some() && x.start >= end && x.start <= end + 4 && x.tail <= next)
        else {
            return false;
        };
        self.words_iter(x.tail, next)
            .skip_while(|w| matches!(*w, "in" | "of" | "from" | "the"))
            .take(1)
            .any(|w| IMPACT_WORDS.contains(&w))
    }

    pub(super) fn direction(&self, i: usize) -> Option<Direction> {
        let (start, end, _) = self.figs[i];
        let (clause_start, clause_end) = self.clause(start);
        // A range written with its direction (`flat to down 6%`).
        if let Some(within) = self.cues_in(start, end).find_map(|(_, _, c)| direction_of(*c)) {
            return Some(within);
        }
        let before = self
            .cues_in(clause_start, start)
            .rev()
            .filter(|(_, e, _)| start - *e <= 24)
            .find_map(|(_, _, c)| direction_of(*c));
        // Right after the figure, past the words saying what it compares (`a 5.7%
        // sequential growth`, `10% organic growth`) or what it is of (`a 12% revenue
        // increase`).
        let mut reach = self
            .mentions
            .iter()
            .find(|x| x.start >= end && x.start <= end + 3 && x.metric.is_some())
            .map_or(end, |x| x.tail);
        let mut after = None;
        for (s, e, c) in self.cues_in(end, clause_end) {
            if *s > reach + 3 {
                break;
            }
            if let Some(d) = direction_of(*c).or_else(|| self.compared_direction(*s, *c)) {
                after = Some(d);
                break;
            }
            if !matches!(c, Cue::Yoy | Cue::Qoq | Cue::ConstantCurrency | Cue::Basis(_)) {
                break;
            }
            reach = *e;
        }
        before.or(after).or_else(|| self.implied_direction(i, clause_start))
    }

    /// The direction words other than direction verbs give: a sign word (`comp sales of
    /// negative 6.3%`), `by` after a direction in the clause (`boosted our planned capital
    /// spending by about 25%`), a comparative after it (`22% better than a year ago`,
    /// `19.4% less than prior year`), or a noun of change in the few words after it (`30%
    /// core revenue growth`, `200 basis points of gross margin contraction`).
    fn implied_direction(&self, i: usize, clause_start: usize) -> Option<Direction> {
        use Direction::{Down, Up};
        let (start, end, _) = self.figs[i];
        let before = strip_approximations(&self.lower[clause_start..start]);
        if ends_with_word(before, "negative") || ends_with_word(before, "minus") {
            return Some(Down);
        }
        if ends_with_word(before, "positive") {
            return Some(Up);
        }
        if let Some(head) = before.strip_suffix("by").filter(|h| h.is_empty() || h.ends_with(' ')) {
            return verb_before_by(&self.words_of(clause_start, clause_start + head.len()));
        }
        let after = self.lower[self.past_per_share(end)..].trim_start();
        // `less than`, never a bare `less`: `cash from operating activities of $532
        // million less capital spending` subtracts.
        const UP_AFTER: [&str; 6] = ["better", "above", "greater", "higher", "more than", "ahead of"];
        const DOWN_AFTER: [&str; 6] = ["worse", "below", "less than", "lower", "behind", "short of"];
        if UP_AFTER.iter().any(|w| after.starts_with(w)) {
            return Some(Up);
        }
        if DOWN_AFTER.iter().any(|w| after.starts_with(w)) {
            return Some(Down);
        }
        if compares_with(after, "less") {
            return Some(Down);
        }
        if compares_with(after, "more") {
            return Some(Up);
        }
        self.words_iter(self.past_per_share(end), self.lower.len())
            .take(5)
            .find_map(|w| match w {
                "growth" | "expansion" => Some(Up),
                "contraction" | "compression" => Some(Down),
                _ => None,
            })
    }

    /// A growth rate stated as a bare positive percentage (`Organic growth was 2.1%`,
    /// `same-store sales of 16.9%`) grows: the metric is the rate, or the metric's own
    /// words say growth, and a decline would be said (`negative 2%`, `declined 3%`),
    /// unless a falling word stands in its clause.
    pub(super) fn unsigned_growth_rate(
        &self,
        ctx: &Context<'_>,
        i: usize,
        metric: MetricId,
        mention: Option<&Mention>,
    ) -> bool {
        let (start, _, m) = self.figs[i];
        let (clause_start, clause_end) = self.clause(start);
        let rate = ctx.vocabulary.def(metric).measure == Measure::Growth
            || mention.is_some_and(|x| self.lower[x.start..x.tail.max(x.end)].contains("growth"));
        rate && m.low.unit == Unit::Percent
            && m.low.value > 0.0
            && !self
                .cues_in(clause_start, clause_end)
                .any(|(_, _, c)| matches!(c, Cue::Down { .. }))
    }

    /// The direction a comparison word says (`a 3.4% decrease from the second quarter`,
    /// `an increase over last year`): the cue reads as a comparison, its first word moves.
    fn compared_direction(&self, at: usize, c: Cue) -> Option<Direction> {
        if c != Cue::Compare {
            return None;
        }
        let words = &self.lower[at..];
        if ["decrease", "decline"].iter().any(|w| words.starts_with(w)) {
            Some(Direction::Down)
        } else if ["increase", "improvement", "growth"]
            .iter()
            .any(|w| words.starts_with(w))
        {
            Some(Direction::Up)
        } else {
            None
        }
    }

    /// A basis stated for the figure: the last one before it in the sentence (`On a GAAP
    /// basis, …`), or one after it in its clause (`… excluding items`).
    ///
    /// A basis said right after an earlier figure is that figure's, and of a change
    /// said right after it (`$4.02 on a reported basis, down approximately 3%`), but
    /// not of another level (`level`) or a change of another figure: `$0.83 on an
    /// adjusted basis on $232 million in revenue, an increase of nearly 10%`.
    pub(super) fn clause_basis(&self, pos: usize, level: bool) -> Option<Basis> {
        let basis = |c: &Cue| match c {
            Cue::Basis(b) => Some(*b),
            _ => None,
        };
        let (_, clause_end) = self.clause(pos);
        // Up to the next figure, or to the words of a metric that a later figure states:
        // `net sales of $515 million adjusted EBITDA of $96.4 million` says `adjusted` of
        // EBITDA, not of the sales.
        let next_figure = self
            .figs
            .iter()
            .find(|f| f.0 > pos)
            .map_or(clause_end, |f| f.0.min(clause_end));
        let figure_after = |at: usize| self.figs.iter().any(|f| f.0 >= at);
        let next_metric = self
            .mentions
            .iter()
            .find(|m| m.lead > pos && m.metric.is_some() && figure_after(m.end))
            .map_or(next_figure, |m| m.lead.min(next_figure));
        self.cues_in(0, pos)
            .rev()
            .filter(|(s, _, _)| {
                self.figure_said_before(*s)
                    .is_none_or(|j| !level && self.figs.get(j + 1).is_some_and(|f| f.0 >= pos))
            })
            .find_map(|(_, _, c)| basis(c))
            .or_else(|| self.cues_in(pos, next_metric).find_map(|(_, _, c)| basis(c)))
            .or_else(|| self.excludes_before(pos).then_some(Basis::Adjusted))
    }

    /// The figure that the words at `at` follow with nothing between (past its
    /// per-share phrase): `$0.83 on an adjusted basis on $232 million in revenue` says
    /// `adjusted` of the $0.83 (`basis_right_after`), not of the revenue after it.
    fn figure_said_before(&self, at: usize) -> Option<usize> {
        let j = self.figs.iter().rposition(|f| f.1 <= at)?;
        let end = self.past_per_share(self.figs[j].1).min(at);
        self.text[end..at].trim_matches([',', ' ']).is_empty().then_some(j)
    }

    /// `Excluding Mexico restructuring costs, operating profit was …`: whatever a
    /// sentence excludes before a figure makes it an adjusted figure.
    pub(super) fn excludes_before(&self, pos: usize) -> bool {
        let (clause_start, _) = self.clause(pos);
        let lower = &self.lower[clause_start..pos];
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
    pub(super) fn restating_basis(&self, pos: usize) -> Option<Basis> {
        let (clause_start, _) = self.clause(pos);
        self.cues_in(clause_start, pos).rev().find_map(|(_, _, c)| match c {
            Cue::Basis(b @ (Basis::ProForma | Basis::Comparable | Basis::Organic)) => Some(*b),
            _ => None,
        })
    }

    /// A level restated in constant currency (`Excluding FX, adjusted EBITDA was $135
    /// million`): a restatement, not the result.
    pub(super) fn in_constant_currency(&self, pos: usize) -> bool {
        let (clause_start, _) = self.clause(pos);
        self.cues_in(clause_start, pos)
            .any(|(_, _, c)| *c == Cue::ConstantCurrency)
    }

    /// The basis said right before the figure: `on a non-GAAP basis $16.35 to $16.45`,
    /// `an adjusted $1.44`.
    pub(super) fn basis_right_before(&self, i: usize) -> Option<Basis> {
        let start = self.figs[i].0;
        let from = i.checked_sub(1).map_or(0, |j| self.figs[j].1);
        let words = self.words_of(from, start);
        let n = words.len();
        // `We earned an adjusted $1.44 per diluted share`: a basis adjective right
        // before the figure (not `reported`, which is as often the verb).
        if let Some(b @ (Basis::Adjusted | Basis::NonGaap | Basis::Gaap)) = words
            .last()
            .filter(|w| **w != "reported")
            .and_then(|w| Basis::from_word(w))
        {
            return Some(b);
        }
        if n < 4 || words[n - 1] != "basis" {
            return None;
        }
        let on = words[..n - 1].iter().rposition(|w| *w == "on")?;
        if n - 1 - on > 4 || !matches!(words[on + 1], "a" | "an") {
            return None;
        }
        words[on + 2..n - 1].iter().find_map(|w| Basis::from_word(w))
    }

    /// Items left out right after the figure (`Net sales grew 5% when excluding the
    /// prior-year sales for divested businesses`, `$1.10 excluding charges`): for a
    /// result, an adjusted figure.
    pub(super) fn excluding_after(&self, i: usize) -> bool {
        let rest = self.lower[self.figs[i].1..].trim_start_matches([',', ' ']);
        ["when excluding", "excluding ", "when adjusted for"]
            .iter()
            .any(|w| rest.starts_with(w))
    }

    pub(super) fn basis_right_after(&self, i: usize) -> Option<Basis> {
        let end = self.figs[i].1;
        let after_at = self.past_per_share(end);
        let rest = self.text[after_at..].trim_start();
        // `net sales of $515 million adjusted EBITDA of …`: a basis word that opens the
        // next metric's words is that metric's.
        let rest_at = self.text.len() - rest.len();
        if self
            .mentions
            .iter()
            .any(|m| m.metric.is_some() && m.lead <= rest_at && rest_at < m.start)
        {
            return None;
        }
        if let Some((_, _, Cue::Basis(b))) = self
            .cues
            .iter()
            .find(|(s, _, _)| *s >= after_at && self.text[after_at..*s].trim().is_empty())
        {
            return Some(*b);
        }
        // `was $0.23 as reported and was $0.45 as adjusted`, `$1.93 after excluding
        // restructuring costs`: the basis said after the figure.
        let lower = rest.get(..rest.len().min(40)).unwrap_or(rest).to_ascii_lowercase();
        if lower.starts_with("as adjusted") || lower.starts_with("after excluding") {
            return Some(Basis::Adjusted);
        }
        if lower.starts_with("as reported") {
            return Some(Basis::Gaap);
        }
        let word = rest
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        Basis::from_word(word).filter(|b| !matches!(b, Basis::Cash | Basis::Organic | Basis::Comparable))
    }

    pub(super) fn scope_of(
        &self,
        x: &Mention,
        discourse: &Discourse,
        sentence_segment: Option<&str>,
    ) -> (Scope, Option<String>) {
        if x.scope == Scope::Item {
            return (Scope::Item, None);
        }
        if let Some(seg) = &x.segment {
            return (Scope::Segment, Some(seg.clone()));
        }
        // `our guidance of revenue for the segment to between $585 million and $600
        // million`: said after the metric, in its clause, and before a sentence's
        // `Overall,`.
        let (_, clause_end) = self.clause(x.start);
        let segment_after = [
            "for the segment",
            "for this segment",
            "in this segment",
            "at this business",
            "for this business",
        ]
        .iter()
        .any(|w| self.lower[x.end.min(clause_end)..clause_end].contains(w));
        if let Some(name) = self.segment_named_after(x.end.min(clause_end), clause_end) {
            return (Scope::Segment, Some(name));
        }
        // A metric said of a segment (`guidance for segment revenues`) is never the total.
        let of_segment = segment_after || x.this_segment;
        if !of_segment && (x.total || self.cues.iter().any(|(_, e, c)| *c == Cue::Total && *e <= x.start)) {
            return (Scope::Total, None);
        }
        // `Segment revenue was …`, `This segment had revenue of …`, `This business
        // represents approximately $100 million of revenue`: the segment in discussion; a
        // segment's figure even when the passage never named it. (`The business` and `our
        // business` are often the company's.)
        let head = &self.lower[..x.start];
        let this_segment = of_segment
            || [
                "this segment",
                "the segment",
                "that segment",
                "this business",
                "that business",
                "this division",
                "that division",
                "the division",
            ]
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
                .or_else(|| self.segment_named_before(x.start))
                .or_else(|| discourse.paragraph_segment.clone())
                .or_else(|| discourse.segment.clone())
        };
        match carried {
            Some(s) => (Scope::Segment, Some(s)),
            None => (Scope::Total, None),
        }
    }

    /// A segment named in the words from `from` to `to` after a metric (`full year
    /// revenues … for our legacy electric segment operations`): `for`, `in`, `at` or
    /// `from` with `our` or `the`, one to four words, and `segment`, `division` or
    /// `operations`.
    fn segment_named_after(&self, from: usize, to: usize) -> Option<String> {
        let window = &self.lower[from..to];
        // `segment`, `division`, or `operations` of a named line (`pre-tax income from
        // our homebuilding operations`; not `from continuing operations`).
        let word_at = |w: &str| {
            window.match_indices(w).map(|(at, _)| at).find(|&at| {
                window[at + w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        };
        // `segment` also as `segments` (`in our Brazil and Asia segments`); the others
        // as whole words only.
        let (at, head_word) = [" segment", " division", " operations"]
            .into_iter()
            .filter_map(|w| Some((if w == " segment" { window.find(w) } else { word_at(w) }?, w)))
            .min()?;
        // A division or operations named in the figure's own words, not after a comma
        // (`… in sales, demonstrating solid execution … in our supply chain and
        // operations`).
        if head_word != " segment" && window[..at].contains(',') {
            return None;
        }
        // Only the metric's own figure between (`revenues were $652.6 million compared to
        // $547.8 million …, an increase of $125.7 million in the real estate segment`
        // names the segment of the last figure, not the first).
        if self.figs.iter().filter(|f| f.0 >= from && f.1 <= from + at).count() > 1 {
            return None;
        }
        let head = &window[..at];
        let det = [" our ", " the "]
            .iter()
            .filter_map(|d| head.rfind(d).map(|i| i + d.len()))
            .max()?;
        let before_det = &head[..det.saturating_sub(5)];
        let opens = ["for", "in", "at", "from"]
            .iter()
            .any(|w| ends_with_word(before_det, w));
        // A division or operations right after the figure's words (`premiums up 36.5% in
        // our European division`), not the cause of a total (`revenue of $48.2 million
        // was driven by very strong performance in our North America operations`).
        if head_word != " segment" && before_det.split_whitespace().count() > 5 {
            return None;
        }
        // Offsets in `lower` are offsets in `text`: the copy is lowercased byte for byte.
        let name = self.text.get(from + det..from + at)?.trim();
        let words = name.split_whitespace().count();
        let plain = name
            .split_whitespace()
            .all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '&'));
        let whole_company = head_word == " operations"
            && name
                .split_whitespace()
                .any(|w| NOT_LINES.contains(&w.to_ascii_lowercase().as_str()));
        let unfinished = ["and", "or", "&"].iter().any(|w| ends_with_word(name, w));
        (opens && plain && !whole_company && !unfinished && (1..=4).contains(&words)).then(|| name.to_string())
    }

    /// True when the sentence itself names the segment of a mention (`In Intelligent
    /// Cloud, …`, `our real estate brokerage segment reported …`), not the passage.
    pub(super) fn names_segment_itself(&self, x: &Mention, sentence_segment: Option<&str>) -> bool {
        x.this_segment || sentence_segment.is_some() || self.segment_named_before(x.start).is_some()
    }

    /// A segment the call names, named earlier in the sentence as its subject (`our real
    /// estate brokerage segment reported operating income of …`).
    pub(super) fn segment_named_before(&self, pos: usize) -> Option<String> {
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
        let head = &self.lower[..pos];
        // The call's segments come lowercased; the few the turn has seen are lowercased here.
        let seen_lower: Vec<String> = self.seen.iter().map(|k| k.to_ascii_lowercase()).collect();
        self.known
            .iter()
            .zip(self.known_lower)
            .chain(self.seen.iter().zip(&seen_lower))
            .filter_map(|(k, k_lower)| {
                let at = head.rfind(k_lower.as_str())?;
                let whole = lexicon::is_whole_word(head, at, at + k_lower.len());
                let total_after = self
                    .cues
                    .iter()
                    .any(|(s, e, c)| *c == Cue::Total && *s >= at && *e <= pos);
                // `Excluding the impact of LaPlaya, … adjusted EBITDA of …`: what the
                // sentence leaves out is not what its figure is about.
                let left_out = head[..at].trim_end();
                let excluded = EXCLUDED_BY.iter().any(|w| ends_with_word(left_out, w));
                (whole && !total_after && !excluded).then(|| (at, k.clone()))
            })
            .max_by_key(|(at, _)| *at)
            .map(|(_, k)| k)
    }

    /// A figure of what would have been (`revenues would have been $97.5 million`): no
    /// result of the call.
    pub(super) fn hypothetical(&self, start: usize) -> bool {
        let (clause_start, _) = self.clause(start);
        let lower = &self.lower[clause_start..start];
        let would = ["would have", "would've", "could have", "might have"]
            .iter()
            .any(|w| lower.contains(w))
            || lower.contains("would be") && !self.restated_forecast(lower, start);
        // `Excluding special items, we would have reported $0.70 per share`: the figure
        // without the items, an adjusted result, not a hypothesis.
        // `The NOI would grow by, let's say, 20% or 25%`: an example, not a figure.
        let example = lower.contains("let's say") || lower.contains("let us say");
        would && !self.excluding_before(start) || conditional(lower) || example
    }

    /// `we have about $190 million of free cash flow annually`: a rate per year, said
    /// after the figure or its metric; never the quarter's result (not `a year ago`).
    pub(super) fn per_year(&self, end: usize) -> bool {
        let after = self.lower[self.past_own_metric(self.past_per_share(end))..].trim_start();
        [
            "annually",
            "per year",
            "per annum",
            "on an annual basis",
            "each year",
            "every year",
        ]
        .iter()
        .any(|w| after.starts_with(w))
            // `a year` ending its clause or sentence (not `a year ago`, `a year earlier`).
            || after
                .strip_prefix("a year")
                .is_some_and(|rest| !rest.trim_start().starts_with(char::is_alphanumeric))
    }

    /// `this adjusted diluted earnings per share guidance would be $0.45 to $0.47` (on a
    /// post-split basis): a forecast restated, still the forecast; `lower` is its clause
    /// up to the figure at `start`. Not a what-if about the forecast (`If exchange rates
    /// were …, our revenue guidance range would be $90 million higher`, `… would be $0.53
    /// higher, excluding …`).
    fn restated_forecast(&self, lower: &str, start: usize) -> bool {
        let what_if = self.lower.starts_with("if ")
            || self.lower.contains(" if ")
            || self.figs.iter().find(|f| f.0 == start).is_some_and(|f| {
                let after = self.lower[f.1..].trim_start();
                ["higher", "lower", "more", "less", "better", "worse"]
                    .iter()
                    .any(|w| after.starts_with(w))
            });
        !what_if && ["guidance", "outlook", "forecast"].iter().any(|w| lower.contains(w))
    }

    /// A figure summed over a span longer than the call's period (`Since its inception,
    /// the Clean Start product has generated over $19 million in revenue`, `since initial
    /// public offering, the company has declared $64.33 in dividends`): no result of
    /// the quarter. (Not `to date`: `Based on our performance to date, we expect …`
    /// qualifies the forecast, not its figure.)
    pub(super) fn cumulative(&self, start: usize) -> bool {
        const SINCE: [&str; 7] = [
            "inception",
            "launch",
            "introduction",
            "founding",
            "initial public offering",
            "ipo",
            "going public",
        ];
        self.lower[..start].match_indices("since ").any(|(at, w)| {
            let next = self.lower[at + w.len()..].trim_start();
            let next = ["its ", "the ", "our ", "their "]
                .iter()
                .find_map(|d| next.strip_prefix(d))
                .unwrap_or(next);
            SINCE.iter().any(|s| next.starts_with(s)) || next.starts_with("we launched")
        })
    }

    /// The figure is an amount a passive verb later in the sentence says was moved to
    /// another period: `Approximately $60 million of revenue and $20 million in gross
    /// profit that we had previously expected to recognize in the period was deferred
    /// from the third quarter` (FLS's Revenue row had read `$60 million`), `$90 million
    /// of revenue was delayed`. Not a relative clause's (`the resumption of spending that
    /// was deferred`, `projects that were delayed in 2020`): its subject is another noun.
    pub(super) fn moved_between_periods(&self, end: usize) -> bool {
        let (mut before, mut previous) = ("", "");
        for w in self.words_iter(end, self.lower.len()) {
            if matches!(w, "deferred" | "delayed" | "postponed" | "shifted" | "pushed")
                && matches!(previous, "was" | "were")
                && !matches!(before, "that" | "which" | "who")
            {
                return true;
            }
            (before, previous) = (previous, w);
        }
        false
    }

    /// The sentence opens by saying what it leaves out (`Excluding these gains, we
    /// earned …`), or the figure's clause says it before the figure. An exclusion in
    /// another clause (`revenue up 13%, excluding the impact from foreign exchange;
    /// $15.3 billion in operating income`) is that clause's.
    pub(super) fn excluding_before(&self, start: usize) -> bool {
        const WORDS: [&str; 6] = [
            "excluding ",
            "exclusive of ",
            "adjusting for ",
            "adjusted for ",
            "absent ",
            "ex-",
        ];
        let opening = self.lower.trim_start();
        let opening = ["and ", "so ", "but ", "now, ", "now "]
            .iter()
            .find_map(|w| opening.strip_prefix(w))
            .unwrap_or(opening);
        let (clause_start, _) = self.clause(start);
        let clause = &self.lower[clause_start..start];
        WORDS.iter().any(|w| opening.starts_with(w) || clause.contains(w))
    }

    /// A tolerance around the figure before it (`around 46%, plus or minus 1.5
    /// percentage points`): no value of the metric.
    pub(super) fn tolerance_before(&self, start: usize) -> bool {
        let before = self.lower[..start].trim_end();
        ["plus or minus", "plus/minus", "+/-", "±", "give or take"]
            .iter()
            .any(|w| before.ends_with(w))
    }

    /// `from` right after the figure (and its per-share phrase).
    pub(super) fn followed_by_from(&self, i: usize) -> bool {
        let end = self.figs[i].1;
        let after_at = self.past_per_share(end);
        self.text[after_at..]
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("from ")
    }

    /// A verb of parts just before the figure (`added $2 million`), a contribution
    /// anywhere before it in its clause (`Lixoft contributed two months … totaling about
    /// $600,000 of revenue`), or something moving the metric by the figure (`The
    /// transaction lowered diluted EPS by $0.04`).
    pub(super) fn part_verb_before(&self, start: usize) -> bool {
        let (mut clause_start, _) = self.clause(start);
        // `net income, which includes Telephonics, was $16 million`: the verb of an aside
        // set off by commas is not the figure's.
        let opening = self.lower[clause_start..start].trim_start();
        if ["which ", "who "].iter().any(|w| opening.starts_with(w))
            && let Some(comma) = self.text[clause_start..start].rfind(',')
        {
            clause_start += comma + 1;
        }
        let positioned = self.words_at(clause_start, start);
        let words: Vec<&str> = positioned.iter().map(|(_, w)| *w).collect();
        // `Our Q1 results included revenue of $1.8 billion`, `highlights include revenue
        // of …`: what a summary of results includes is the results themselves.
        // A clause opening with the verb (`our guidance ranges, including revenue of …`)
        // has its subject at the end of the clause before.
        let previous_word = self.text[..clause_start]
            .to_ascii_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .rfind(|w| !w.is_empty())
            .map(str::to_string)
            .unwrap_or_default();
        let summary_subject = |k: usize| {
            if k == 0 {
                SUMMARY_SUBJECTS.contains(&previous_word.as_str())
            } else {
                SUMMARY_SUBJECTS.contains(&words[k - 1])
            }
        };
        // `excluding $5 million of charges` leaves the figure out; in `Revenue excluding
        // currency increased 5%` it qualifies the metric, and a verb stands between.
        let qualifies_the_metric = |k: usize| {
            words[k].starts_with("exclud")
                && self
                    .cues_in(clause_start + positioned[k].0, start)
                    .any(|(_, _, c)| matches!(c, Cue::Past | Cue::Up { .. } | Cue::Down { .. }))
        };
        words.iter().enumerate().rev().take(3).any(|(k, w)| {
            PART_VERBS.contains(w) && !(w.starts_with("includ") && summary_subject(k)) && !qualifies_the_metric(k)
        }) || words.iter().any(|w| w.starts_with("contribut"))
            || self.moved_by_agent(clause_start, start)
    }

    /// `Purchase intangible amortization is excluded from adjusted earnings per share and
    /// is estimated at $24 million … or $0.79 per share`: the metric a thing is left out
    /// of is not what the figures after it state (`This gain was excluded from the
    /// adjusted earnings per share of $0.51` still states it).
    pub(super) fn excluded_from(&self, x: &Mention, start: usize) -> bool {
        // Most sentences leave nothing out: one search rules them out before any words
        // are collected.
        if start < x.tail || !self.lower[..x.lead].contains("exclude") {
            return false;
        }
        let words = self.words_of(0, x.lead);
        let Some(from) = words.iter().rposition(|w| *w == "from") else {
            return false;
        };
        let close = words.len() - from <= 4;
        let excluded = from > 0 && matches!(words[from - 1], "excluded" | "exclude" | "excludes");
        let gap: Vec<&str> = self
            .words_of(x.tail, start)
            .into_iter()
            .filter(|w| !APPROXIMATIONS.contains(w))
            .collect();
        let stated = matches!(gap.as_slice(), [] | ["was" | "were" | "is" | "are" | "of" | "at"]);
        close && excluded && !stated
    }

    /// `Third quarter adjusted results exclude charges of $28 million after-tax or $0.31
    /// per share … and an unrealized loss of $2 million`, `… and excludes $4.7 million net
    /// of tax`: what a verb of leaving out has as its object is a part left out, until a
    /// verb states a figure (`Adjusted EPS, which excludes these charges, was $1.20`).
    pub(super) fn excluded_by_verb(&self, start: usize) -> bool {
        if !self.lower[..start].contains("exclude") {
            return false;
        }
        let words = self.words_at(0, start);
        let Some(verb) = words
            .iter()
            .rposition(|(_, w)| matches!(*w, "exclude" | "excludes" | "excluded"))
        else {
            return false;
        };
        // `is excluded from adjusted EPS` is [`Self::excluded_from`]'s; a clause mark
        // ends what is left out (`On an adjusted basis, which excludes items …, we had
        // net income of $86 million`).
        let passive = words.get(verb + 1).is_some_and(|(_, w)| *w == "from");
        let at = words[verb].0;
        let object = &self.lower[at..start];
        // A verb that reports or compares after it is the main clause's (`Organic
        // revenue, which excludes the net impact of M&A activity increased by 4.3%`).
        let main_verb = self.cues_in(at, start).any(|(_, _, c)| {
            matches!(
                c,
                Cue::Past | Cue::Up { past: true } | Cue::Down { past: true } | Cue::Compare
            )
        });
        !passive
            && !main_verb
            && !object.contains([',', ';', ':', '('])
            && !words[verb + 1..].iter().any(|(_, w)| {
                matches!(
                    *w,
                    "was" | "were" | "is" | "are" | "totaled" | "came" | "reached" | "would" | "be" | "because"
                )
            })
    }

    /// `Preliminary October RevPAR of $130`, `In October, same-store sales rose 5%`: a
    /// month's figure (the month after the quarter, or one month of it) is not the
    /// quarter's, and no row shows it as the quarter's. Two forms only: the month right
    /// before the metric, or the sentence opening with the month (`In October,`, `For
    /// the month of July`); a month with a year or a day is a date of an event (`In
    /// August 2020, our Board approved a 4% increase`), and a period phrase between the
    /// month and the figure dates the figure anew.
    pub(super) fn of_a_month(&self, start: usize) -> bool {
        let head = &self.lower[..start];
        // `may` is read as the verb (see below): it opens no search.
        if !crate::content::frontmatter::MONTHS
            .iter()
            .any(|m| *m != "may" && head.contains(m))
        {
            return false;
        }
        let words = self.words_at(0, start);
        let is_month_at = |k: usize| {
            let (at, w) = words[k];
            w != "may" && period::is_month(w) && self.text[at..].starts_with(|c: char| c.is_ascii_uppercase())
        };
        let opening = words
            .iter()
            .take(5)
            .position(|(_, w)| {
                !matches!(
                    *w,
                    "in" | "for" | "during" | "through" | "and" | "so" | "the" | "month" | "of" | "preliminary"
                )
            })
            .filter(|&k| is_month_at(k));
        let before_metric = (0..words.len()).rev().find(|&k| {
            is_month_at(k)
                && self.mentions.iter().any(|x| {
                    let (at, w) = words[k];
                    x.metric.is_some() && (x.lead == at + w.len() + 1 || (x.lead..x.start).contains(&at))
                })
        });
        let Some(k) = before_metric.or(opening) else {
            return false;
        };
        let month_end = words[k].0 + words[k].1.len();
        let dated = self.lower[month_end..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        let quarter = words
            .get(k + 1)
            .is_some_and(|(_, w)| matches!(*w, "quarter" | "quarters"));
        let dated_after = self.periods.iter().any(|p| p.start >= month_end && p.end <= start);
        !dated && !quarter && !dated_after
    }

    /// `The property is expected to generate EBITDA margins of over 55% in our first year
    /// of ownership`, `The building is fully leased … at a development yield of 9.6%`: a
    /// sentence whose subject is one property, hotel, building or project tells its
    /// figures, not the company's.
    pub(super) fn about_one_property(&self) -> bool {
        let mut words = self.words_iter(0, self.lower.len());
        let (Some(article), Some(noun), Some(next)) = (words.next(), words.next(), words.next()) else {
            return false;
        };
        matches!(article, "the" | "this")
            && matches!(
                noun,
                "property" | "property's" | "hotel" | "hotel's" | "resort" | "building" | "project" | "asset"
            )
            && (noun.ends_with("'s")
                || matches!(
                    next,
                    "is" | "was"
                        | "will"
                        | "has"
                        | "had"
                        | "generated"
                        | "achieved"
                        | "produced"
                        | "delivered"
                        | "should"
                        | "would"
                        | "ran"
                        | "posted"
                        | "reported"
                        | "saw"
                        | "ended"
                        | "continues"
                        | "continued"
                ))
    }

    /// `<agent> <verb> <metric …> by <figure>`: the text before the figure ends in `by`,
    /// and a verb of [`AGENT_VERBS`] whose subject is not the company has a metric after
    /// it (`the transaction lowered diluted EPS by $0.04`; not `gross margin increased by
    /// 20 basis points`, not `we increased revenue by 10%`).
    pub(super) fn moved_by_agent(&self, clause_start: usize, start: usize) -> bool {
        let hedge = |w: &str| APPROXIMATIONS.contains(&w) || matches!(w, "some" | "just");
        let words = self.words_at(clause_start, start);
        if words.iter().rev().find(|(_, w)| !hedge(w)).map(|(_, w)| *w) != Some("by") {
            return false;
        }
        words.iter().enumerate().any(|(k, (at, _))| {
            k > 0
                && agent_verb_at(&words, k)
                && !OWN_SUBJECTS.contains(&words[k - 1].1)
                && self
                    .mentions
                    .iter()
                    .any(|x| x.start >= clause_start + at && x.start < start && x.metric.is_some())
        })
    }

    /// `a loss of $25.2 million`, `we lost $25.2 million`: figure `j` is stated as a loss
    /// (one loss, not `credit losses`).
    pub(super) fn loss_before(&self, j: usize) -> bool {
        let (clause_start, _) = self.clause(self.figs[j].0);
        let words = self.words_of(clause_start, self.figs[j].0);
        if words.last() == Some(&"lost") {
            return true;
        }
        // `a net loss of`, or with its period between (`a GAAP loss in the fourth quarter
        // of`).
        let Some(k) = words.iter().rposition(|w| *w == "loss") else {
            return false;
        };
        let dated_words = |w: &&str| {
            matches!(
                *w,
                "in" | "for" | "the" | "quarter" | "year" | "first" | "second" | "third" | "fourth" | "full" | "fiscal"
            ) || w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())
        };
        let after = &words[k + 1..];
        k > 0
            && matches!(words[k - 1], "a" | "net" | "the" | "gaap")
            && after.last() == Some(&"of")
            && after.len() <= 7
            && after[..after.len() - 1].iter().all(dated_words)
    }

    pub(super) fn negative_before(&self, start: usize) -> bool {
        let before = self.text[..start].trim_end();
        // `net income excluding all investment gains and losses of $124 million`: both
        // ways, no sign.
        let both_ways = |s: usize| {
            let head = self.lower[..s].trim_end();
            ["gains and", "gains or", "gain and", "gain or"]
                .iter()
                .any(|w| head.ends_with(w))
        };
        self.cues
            .iter()
            .any(|(s, e, c)| *c == Cue::Negative && *e == before.len() && !both_ways(*s))
            || before.ends_with('-')
            || before.ends_with('−')
    }
}

/// True when word `k` (not the first) is a verb by which something moves a metric: a past
/// form of [`AGENT_VERBS`], or a base form of [`AGENT_VERBS_AFTER_MODAL`] after a modal
/// (`will again impact`, `is expected to lower`) that is neither an adjective after a
/// preposition (`due to lower sales`) nor the company's own plan (`we will reduce costs
/// by`, `we were able to reduce inventory by`).
fn agent_verb_at(words: &[(usize, &str)], k: usize) -> bool {
    let w = words[k].1;
    if AGENT_VERBS.contains(&w) {
        return true;
    }
    let before = words[k - 1].1;
    let after_preposition = before == "to" && k > 1 && PREPOSITIONS_WITH_TO.contains(&words[k - 2].1);
    let own_plan = words[k.saturating_sub(5)..k]
        .iter()
        .any(|(_, s)| matches!(*s, "we" | "i" | "company"));
    // `With respect to Q4, this equates to reducing revenues by $10 million`: what the
    // impact amounts to, not the company's plan. (After `and` the verb shares an earlier
    // subject, which [`OWN_SUBJECTS`] leaves to the company: `… and reducing earnings per
    // share by $0.14` is not read as an impact.)
    let impact_gerund = matches!(w, "reducing" | "lowering" | "decreasing" | "impacting" | "hurting")
        && matches!(before, "to" | "by")
        && !after_preposition;
    (impact_gerund || AGENT_VERBS_AFTER_MODAL.contains(&w) && MODALS.contains(&before) && !after_preposition)
        && !own_plan
}

/// Words that make `to` a preposition (`due to lower sales`).
const PREPOSITIONS_WITH_TO: &[&str] = &[
    "due",
    "thanks",
    "owing",
    "related",
    "compared",
    "relative",
    "attributable",
];
