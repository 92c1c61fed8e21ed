//! Which metric a figure states: pairing in order (`A and B were $X and $Y`,
//! `…, respectively`), the metric before it over linking words only, the metric right
//! after it (`$X in revenue`), and whether the figure's unit fits what the metric measures.

use super::*;

impl<'a> Sentence<'a> {
    /// Pairs figures with metrics listed in the same order: `…, respectively`, and `Core
    /// FFO and AFFO were $0.97 and $0.96`.
    pub(super) fn pairings(&self) -> Vec<Option<usize>> {
        let mut pairs = vec![None; self.figs.len()];
        let mut i = 0;
        while i < self.figs.len() {
            let run = self.run_from(i);
            if run.len() >= 2 {
                let last = self.figs[run[run.len() - 1]].1;
                let respectively = self.respectively_after(last);
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

    /// `respectively` after byte `end`, with at most a comparison between (`up 13% and 9%
    /// year-over-year respectively`) and no other figure.
    fn respectively_after(&self, end: usize) -> bool {
        let next_figure = self
            .figs
            .iter()
            .map(|f| f.0)
            .find(|&s| s >= end)
            .unwrap_or(self.text.len());
        // At most 40 bytes, cut back to a character's start (`’` is three bytes).
        let mut limit = next_figure.min(end + 40);
        while !self.lower.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &self.lower[end..limit];
        window.find("respectively").is_some_and(|at| {
            window[..at]
                .split(|c: char| c.is_whitespace() || c == ',')
                .all(|w| w.is_empty() || is_comparison_word(w))
        })
    }

    /// Figures from `i` on joined only by `and` or commas (`or` joins two ways of
    /// stating one thing: `$151.8 million or $0.90 per share`).
    pub(super) fn run_from(&self, i: usize) -> Vec<usize> {
        let mut run = vec![i];
        for j in i + 1..self.figs.len() {
            if !self.joined_to_previous(j) {
                break;
            }
            run.push(j);
        }
        run
    }

    /// The run (see [`Sentence::run_from`]) that figure `i` stands in.
    pub(super) fn run_of(&self, i: usize) -> Vec<usize> {
        let first = (1..=i).rev().find(|&j| !self.joined_to_previous(j)).unwrap_or(0);
        self.run_from(first)
    }

    /// Figure `j` follows figure `j - 1` with only `and` or commas between.
    fn joined_to_previous(&self, j: usize) -> bool {
        let gap = &self.text[self.figs[j - 1].1..self.figs[j].0];
        !gap.contains(';')
            && gap
                .split(|c: char| c.is_whitespace() || c == ',')
                .all(|w| matches!(w, "" | "and"))
    }

    /// The `n` metrics that the figures starting at `pos` pair with: the last `n`
    /// mentions before them when `respectively` says so, or else a list of exactly `n`
    /// mentions joined by `and` right before linking words.
    pub(super) fn listed_before(&self, pos: usize, n: usize, respectively: bool) -> Option<Vec<usize>> {
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
            // The second's qualifiers are its own (`Sales and adjusted operating income`).
            let (tail, next) = (&self.mentions[w[0]], &self.mentions[w[1]]);
            let gap = self
                .text
                .get(tail.tail..next.lead.max(tail.tail))
                .map_or("?", str::trim);
            matches!(gap, "and" | "," | ", and" | "&")
        });
        let last = &self.mentions[listed[n - 1]];
        (one_list && self.links(last.tail, pos, false)).then_some(listed)
    }

    /// True when only linking words stand in `text[from..to]`, besides cues (not the
    /// verbs of results, which are checked word by word), periods, figures and, with
    /// `skip_mentions`, metric phrases.
    pub(super) fn links(&self, from: usize, to: usize, skip_mentions: bool) -> bool {
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
            if !words_in(&self.text[at..start], &LINK_WORDS, &mut words) {
                return false;
            }
            at = end;
        }
        at >= to || words_in(&self.text[at..to], &LINK_WORDS, &mut words) && words <= 25
    }

    pub(super) fn masked(&self, from: usize, to: usize, skip_mentions: bool) -> Vec<(usize, usize)> {
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
                // A skipped metric goes with its qualifiers (`the fourth quarter operating
                // FFO per share of $0.72`).
                .map(|m| {
                    (
                        if skip_mentions {
                            m.lead.clamp(from, m.start)
                        } else {
                            m.start
                        },
                        m.tail,
                    )
                }),
        );
        spans.sort_unstable();
        spans
    }

    /// What a figure states: a metric phrase (and whether it stands in the figure's own
    /// clause), or the metric of a figure before it that it continues.
    pub(super) fn attach(&self, i: usize, pairs: &[Option<usize>], out: &[Option<Reading>]) -> Option<Attachment> {
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
        // `a run rate of $1 billion of revenue`: the metric the figure is `of` measures
        // it; the one after says what that measure is taken of.
        if let Some(prev) = self.metric_right_before(start, clause_start) {
            return Some(Attachment::Mention(prev, true));
        }
        // A metric right after the figure, joined by a few plain words: "$143.3 billion
        // in revenue", "5.8% operating margin", "$1.1 billion of free cash flow".
        if let Some(next) = self
            .mentions
            .iter()
            .position(|x| x.start >= end && x.start < clause_end)
            && self.after_link(i, self.mentions[next].lead.max(end))
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
        if let Some(topic) = nearest.filter(|&m| self.opening_topic(start) == Some(m)) {
            return Some(Attachment::Mention(topic, false));
        }
        if let Some(subject) = self.subject_across_aside(start) {
            return Some(Attachment::Mention(subject, true));
        }
        if nearest.is_some() {
            return None;
        }
        // `adjusted earnings per share will be about -- be between $8.25 and $8.75`: a
        // dash that only restarts the words after the metric.
        if let Some(resumed) = self.resumed_after_dash(clause_start, start) {
            return Some(Attachment::Mention(resumed, true));
        }
        // `…; and then on a non-GAAP basis, we estimate, it would range from $0.22 to
        // $0.37`: the metric `it` stands for.
        if let Some(antecedent) = self.pronoun_antecedent(clause_start, start) {
            return Some(Attachment::Mention(antecedent, false));
        }
        // `On adjusted EBITDA, we're raising the range … to between $765 million and
        // $775 million`: the metric the sentence opens with.
        if let Some(topic) = self.opening_topic(start) {
            return Some(Attachment::Mention(topic, false));
        }
        if let Some(subject) = self.subject_before_aside(clause_start, start) {
            return Some(Attachment::Mention(subject, true));
        }
        if let Some(subject) = self.subject_of_bare_guidance(clause_start, start) {
            return Some(Attachment::Mention(subject, false));
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

    /// `our revenues are expected to be negatively impacted by approximately $200
    /// million, which has been reflected in our revised guidance range of $16.4 billion
    /// to $16.6 billion`: a guidance that names no metric in its clause is a guidance of
    /// the metric the sentence is about, when the sentence names only one before it.
    fn subject_of_bare_guidance(&self, clause_start: usize, start: usize) -> Option<usize> {
        let clause = &self.lower[clause_start..start];
        if !clause.trim_start().starts_with("which ") {
            return None;
        }
        let head = strip_approximations(clause.trim_end());
        let bare = [
            "guidance range of",
            "guidance of",
            "guidance range to",
            "guidance to",
            "outlook range of",
        ]
        .iter()
        .any(|w| head.ends_with(w));
        if !bare {
            return None;
        }
        // Not a forecast the result is set against (`which was above our full year
        // revised guidance range of`, `consistent with our guidance of`, `our previous
        // guidance range of`): that one is a base.
        let compared = [
            "above",
            "below",
            "within",
            "exceed",
            "beat",
            "versus",
            "compared",
            "consistent",
            "in line",
            "previous",
            "prior",
            "initial",
            "original",
            "midpoint",
            "high end",
            "low end",
            "top end",
            "bottom end",
        ]
        .iter()
        .any(|w| clause.contains(w));
        if compared {
            return None;
        }
        let mut named = self.mentions.iter().enumerate().filter(|(_, x)| x.end <= start);
        let (first, x) = named.next()?;
        (x.metric.is_some() && !x.share && x.end <= clause_start && named.next().is_none()).then_some(first)
    }

    /// The metric that the figure at `start` is the value `of`, with at most a hedge
    /// between (`a run rate of approximately $1 billion`).
    fn metric_right_before(&self, start: usize, clause_start: usize) -> Option<usize> {
        let m = self
            .mentions
            .iter()
            .rposition(|x| x.tail <= start && x.start >= clause_start && x.metric.is_some() && !x.share)?;
        let gap = self.lower[self.mentions[m].tail..start].trim();
        let gap = gap
            .strip_prefix("of")
            .filter(|rest| rest.is_empty() || rest.starts_with(' '))?;
        gap.split_whitespace().all(|w| APPROXIMATIONS.contains(&w)).then_some(m)
    }

    /// The metric of the clause before a dash, when that clause ends in the metric and
    /// linking words and this one has only linking words before the figure (a speaker
    /// restarting: `will be about -- be between`).
    fn resumed_after_dash(&self, clause_start: usize, start: usize) -> Option<usize> {
        if clause_start == 0 || !self.opened_hard(clause_start) {
            return None;
        }
        let opener = self.text[clause_start..].trim_start();
        if !opener.starts_with(['-', '—', '–']) {
            return None;
        }
        let (previous_start, _) = self.clause(clause_start - 1);
        let m = self
            .mentions
            .iter()
            .rposition(|x| x.start >= previous_start && x.end <= clause_start && x.metric.is_some())?;
        let after_dash = opener.trim_start_matches(['-', '—', '–']);
        let dash_end = self.text.len() - after_dash.len();
        let figures_between = self
            .figs
            .iter()
            .any(|f| f.0 >= self.mentions[m].end && f.0 < clause_start);
        // `in the range of two -- $425 million`: the number broken off is no word between.
        let before_dash = before_broken_number(&self.text[..clause_start]).len();
        (!figures_between
            && self.links(self.mentions[m].tail, before_dash, false)
            && self.links(dash_end, start, false))
        .then_some(m)
    }

    /// The metric a clause's subject pronoun stands for: the clause before the figure is
    /// `it` (or `that`, `this`) and linking words, and the sentence named a metric before
    /// the clause.
    fn pronoun_antecedent(&self, clause_start: usize, start: usize) -> Option<usize> {
        // After the clause's last comma (`on a non-GAAP basis, we estimate, it would …`).
        let from = self.text[clause_start..start]
            .rfind(',')
            .map_or(clause_start, |c| clause_start + c + 1);
        let before = &self.text[from..start];
        let lead = before.len() - before.trim_start().len();
        let mut at = from + lead;
        for word in before.split_whitespace() {
            let lower = word.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
            at += word.len();
            match lower.as_str() {
                "and" | "then" | "so" | "but" | "now" => {
                    at += self.text[at..].len() - self.text[at..].trim_start().len();
                }
                "it" | "that" | "this" => break,
                _ => return None,
            }
        }
        if at >= start || !self.links(at, start, false) {
            return None;
        }
        self.mentions
            .iter()
            .rposition(|x| x.end <= clause_start && x.metric.is_some() && !x.share)
    }

    /// The metric before a relative clause set off by commas, when the figure's verb
    /// follows that clause: `Adjusted EPS, which excludes certain items, totaled $0.90`.
    fn subject_before_aside(&self, clause_start: usize, start: usize) -> Option<usize> {
        let clause = self.lower[clause_start..start].trim_start();
        if clause_start == 0 || !["which ", "who "].iter().any(|w| clause.starts_with(w)) {
            return None;
        }
        let comma = clause_start + self.text[clause_start..start].rfind(',')? + 1;
        let figure_in_aside = self.figs.iter().any(|f| f.0 >= clause_start && f.1 <= comma);
        if figure_in_aside || !self.links(comma, start, false) {
            return None;
        }
        let subject = self
            .mentions
            .iter()
            .rposition(|x| x.metric.is_some() && x.tail <= clause_start)?;
        let gap = self.text[self.mentions[subject].tail..clause_start].trim();
        matches!(gap, "" | ",").then_some(subject)
    }

    /// The metric before an aside of what it leaves out or takes in, when the figure's
    /// verb follows the aside: `adjusted earnings per diluted share, excluding noncash
    /// expense, tax benefits and other discrete items, is estimated to be in the range of
    /// $18.20 to $18.50`, or with the aside left open, `adjusted earnings, excluding
    /// amortization expense and other items is expected to be $7.40 to $7.60`.
    fn subject_across_aside(&self, start: usize) -> Option<usize> {
        let opens_aside = |tail: usize| {
            let aside = self.lower[tail..start].trim_start().strip_prefix(',')?.trim_start();
            [
                "excluding ",
                "including ",
                "before ",
                "net of ",
                "adjusted for ",
                "after ",
            ]
            .iter()
            .any(|w| aside.starts_with(w))
            .then_some(aside)
        };
        // The metric the aside follows (words inside the aside may name others).
        let m = self
            .mentions
            .iter()
            .rposition(|x| x.tail <= start && x.metric.is_some() && !x.share && opens_aside(x.tail).is_some())?;
        let tail = self.mentions[m].tail;
        let aside = opens_aside(tail)?;
        if self.figs.iter().any(|f| f.0 >= tail && f.0 < start) {
            return None;
        }
        let aside_at = start - aside.len();
        // Closed by a comma: only linking words after it.
        if let Some(comma) = self.text[aside_at..start].rfind(',')
            && self.links(aside_at + comma + 1, start, false)
        {
            return Some(m);
        }
        // Left open: the first verb after the aside leads to the figure, and no relative
        // clause inside the aside owns that verb (`excluding the impact of X, which was`).
        let (verb, _, _) = self
            .cues_in(aside_at, start)
            .find(|(_, _, c)| matches!(c, Cue::Forward | Cue::Past))?;
        let relative = self
            .words_iter(aside_at, *verb)
            .any(|w| matches!(w, "which" | "that" | "who"));
        (!relative && self.links(*verb, start, false)).then_some(m)
    }

    /// A metric the sentence opens with as its topic (`On adjusted EBITDA,`, `As for free
    /// cash flow,`, `Turning to capital expenditures,`), when no other metric stands
    /// between it and the figure.
    fn opening_topic(&self, start: usize) -> Option<usize> {
        let first = self.mentions.iter().position(|x| x.metric.is_some())?;
        let m = &self.mentions[first];
        let opener = self.lower[..m.lead].trim();
        let opener = opener
            .trim_start_matches("and ")
            .trim_start_matches("so ")
            .trim_start_matches("now ");
        let opens = [
            "on",
            "for",
            "as for",
            "as to",
            "regarding",
            "turning to",
            "moving to",
            "with respect to",
            "in terms of",
            "looking at",
            "as it relates to",
        ]
        .contains(&opener.trim_end_matches(" the").trim_end_matches(" our"));
        let comma_after = self.text[m.tail..].trim_start().starts_with(',');
        let alone = !self.mentions[first + 1..]
            .iter()
            .any(|x| x.start < start && x.metric.is_some());
        (opens && comma_after && alone && m.tail < start).then_some(first)
    }

    /// A metric phrase right after a figure belongs to it when only a few plain words
    /// (`in`, `of`, `for`, `the`) stand between.
    pub(super) fn after_link(&self, i: usize, mention_start: usize) -> bool {
        let (fig_start, fig_end, _) = self.figs[i];
        let gap = &self.text[fig_end..mention_start];
        if gap.contains(['$', '%', ',', ';', '.', '(', ')', ':']) {
            return false;
        }
        let words: Vec<String> = gap.split_whitespace().map(str::to_ascii_lowercase).collect();
        // `expecting to spend approximately $1.6 billion on capital investments`,
        // `deployed $50 million toward share repurchases`: what money is spent on. (Not
        // otherwise: `net income of $5 million on revenue of $100 million`.)
        if let [w] = words.as_slice()
            && matches!(w.as_str(), "on" | "toward" | "towards")
        {
            return self.word_before(fig_start, 4, SPENDING);
        }
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
                        | "fully"
                        | "reported"
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
    pub(super) fn continues(&self, clause_start: usize, pos: usize) -> bool {
        let mut words = 0;
        let mut at = clause_start;
        for (s, e) in self.masked(clause_start, pos, false) {
            if s < at {
                continue;
            }
            if !words_in(&self.text[at..s], &CONTINUATION_WORDS, &mut words) {
                return false;
            }
            at = e;
        }
        (at >= pos || words_in(&self.text[at..pos], &CONTINUATION_WORDS, &mut words)) && words <= 8
    }

    /// `a mark to market of 12% cash and 19% GAAP`: a percentage right before an amount
    /// metric's words states no change of it unless words of change say so: a direction
    /// before it in its clause (`we expect to grow at 4% to 6% our earnings`), or a change
    /// word up to the metric's words, among them or in the three words after (`10%
    /// underlying growth in gross written premium`, `17% organic growth`, `a 12% revenue
    /// increase`, `6% to 8% utility earnings annual growth rate`).
    pub(super) fn bare_percentage_before_amount(&self, ctx: &Context<'_>, i: usize, x: &Mention) -> bool {
        let (start, end, m) = self.figs[i];
        let amount = x
            .metric
            .is_some_and(|id| ctx.vocabulary.def(id).measure == Measure::Amount);
        if !amount || m.low.unit != Unit::Percent || x.start < end {
            return false;
        }
        let (clause_start, _) = self.clause(start);
        // Not a forecast word alone: `the anticipated split of about 60% opex and 40%
        // capex` forecasts no growth.
        let direction_before = self
            .cues_in(clause_start, start)
            .any(|(_, _, c)| matches!(c, Cue::Up { .. } | Cue::Down { .. }));
        let words = &self.lower[end..x.tail];
        let mut next_words = self.words_iter(x.tail, self.lower.len()).take(3);
        let change_word = |w: &str| {
            [
                "growth",
                "increase",
                "decrease",
                "decline",
                "improvement",
                "gain",
                "drop",
            ]
            .iter()
            .any(|c| w.contains(c))
        };
        !direction_before && !change_word(words) && !next_words.any(change_word) && !self.moves(i)
    }

    /// Whether the figure can state the metric (its unit fits what the metric
    /// measures), as a level (`false`) or a change (`true`). A per-share figure of an
    /// amount metric states its per-share sibling (`net income … or $0.10 per share` is
    /// EPS; `FFO of $0.48` is FFO per share).
    pub(super) fn fit(&self, ctx: &Context<'_>, i: usize, id: MetricId, per_share: Option<PerShare>) -> Option<Fit> {
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
        // `net income … was $48.9 or $0.32 per diluted common share`: the per-share
        // figure is the next one, so this is the amount with its scale word dropped, of
        // a size nobody can tell.
        if per_share.is_none() && small_money && def.measure == Measure::Amount && self.restated_per_share(i) {
            return None;
        }
        // `had 2.6 million shares under forward sales agreements`: a number of things the
        // next word counts is no amount of money.
        // (A buyback may be authorized in shares: `up to 4.7 million shares`.)
        if q.unit == Unit::Number
            && def.measure == Measure::Amount
            && !def.measure_is_announced()
            && self.counts_things(i)
        {
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
            // `The annualized return on alternative investments reported in core operating
            // earnings was 20.3%`: a bare percentage is the level of some other measure
            // (a return, a tax rate); it is the amount metric's change only where its
            // clause says something changed or compares.
            (Measure::Growth, Unit::Percent) => true,
            // `Net turnover for the third quarter was 51% versus 47% last year`: a rate
            // set against last year's rate, no growth of the amount.
            (_, Unit::Percent) if self.rate_against_rate(i) || i > 0 && self.rate_against_rate(i - 1) => return None,
            (_, Unit::Percent) if self.signals_change(i) => true,
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

    /// True when the word right after figure `i` names what it counts (`2.6 million
    /// shares`, `1 million square feet`, `30.6 million subscribers`).
    fn counts_things(&self, i: usize) -> bool {
        let next = self.lower[self.figs[i].1..]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .find(|w| !w.is_empty())
            .unwrap_or("");
        COUNTED_NOUNS.contains(&next)
    }

    /// A percentage with no direction of its own, set against another percentage
    /// (`was 51% versus 47% last year`).
    fn rate_against_rate(&self, i: usize) -> bool {
        let Some(next) = self.figs.get(i + 1) else {
            return false;
        };
        let gap = self.lower[self.figs[i].1..next.0].trim();
        matches!(gap, "versus" | "vs." | "vs" | "compared to" | "compared with")
            && next.2.low.unit.is_percentage()
            && self.direction(i).is_none()
            && !self.moves(i)
    }

    /// The next figure restates figure `i` per share (`$48.9 or $0.32 per diluted share`).
    fn restated_per_share(&self, i: usize) -> bool {
        i + 1 < self.figs.len() && self.restates_previous(i + 1) && self.per_share_at(self.figs[i + 1].1).is_some()
    }

    /// Words of change or comparison in the sentence up to the end of the figure's clause
    /// (`up`, `growth`, `year over year`, `compared to`, `last year`: a list after
    /// `expectations to grow sales 10% to 13%; adjusted EBITDA 9% to 13%` shares its
    /// verb), right after the figure (`116.3% above 2020`), in the metric's own words
    /// (`organic growth`), or a forecast word in its clause (a forecast percentage of an
    /// amount is its growth).
    pub(super) fn signals_change(&self, i: usize) -> bool {
        let (start, _) = self.clause(self.figs[i].0);
        let (_, end) = self.clause(self.figs[i].1.saturating_sub(1));
        // `organic growth of 7% to 10%`: the metric's own words say growth.
        let growth_named = self
            .mentions
            .iter()
            .any(|x| x.start >= start && x.start < end && self.lower[x.start..x.end].contains("growth"));
        // `$119.9 million or 116.3% above 2020`: a comparison word right after it.
        let after = self.text[self.figs[i].1..].trim_start().to_ascii_lowercase();
        let compared_after = ["above ", "below ", "over ", "ahead of ", "behind "]
            .iter()
            .any(|w| after.starts_with(w));
        growth_named
            || compared_after
            || self.moves(i)
            || self.cues_in(start, end).any(|(_, _, c)| *c == Cue::Forward)
            || self.cues_in(0, end).any(|(_, _, c)| {
                matches!(
                    c,
                    Cue::Up { .. }
                        | Cue::Down { .. }
                        | Cue::Yoy
                        | Cue::Qoq
                        | Cue::ConstantCurrency
                        | Cue::Compare
                        | Cue::PriorYear
                        | Cue::PriorQuarter
                )
            })
    }

    /// A `per share` right after the figure (or after the run of figures it belongs to),
    /// and the metric it is per share of (`$1.62 per share of adjusted net income`).
    pub(super) fn per_share_after(&self, i: usize) -> Option<PerShare> {
        let last = self.run_from(i).last().copied().unwrap_or(i);
        let end = self.figs[last].1;
        let cue_end = self.per_share_at(end)?;
        let rest = &self.text[cue_end..];
        // `$1.62 per share of adjusted net income`, `$2.46 per share in earnings`, or the
        // metric right after the phrase (`a $0.26 per share dividend`, `$0.80 per share
        // quarterly dividend`).
        let of_phrase = rest.trim_start().starts_with("of ");
        let of = if ["of ", "in "].iter().any(|w| rest.trim_start().starts_with(w)) {
            self.mentions
                .iter()
                .position(|x| x.start > cue_end && x.start <= cue_end + 30 && x.metric.is_some())
        } else {
            self.mentions.iter().position(|x| {
                x.start >= cue_end
                    && x.metric.is_some()
                    && self.text[cue_end..x.start].split_whitespace().all(|w| {
                        matches!(
                            w.to_ascii_lowercase().as_str(),
                            "quarterly" | "cash" | "regular" | "annual" | "special" | "common"
                        )
                    })
            })
        };
        Some(PerShare {
            of,
            of_other: of_phrase && of.is_none(),
        })
    }

    /// The company earning or losing the figure (`Capital One earned $3.3 billion`, `ATI
    /// lost $0.39 per share`, `we earned $2.15`): `Some(true)` for a loss. The verb
    /// stands right before the figure, its subject is `we` or a name.
    pub(super) fn company_earned(&self, start: usize) -> Option<bool> {
        let (clause_start, _) = self.clause(start);
        let before = &self.text[clause_start..start];
        let hedge = |w: &str| {
            let lower = w.to_ascii_lowercase();
            APPROXIMATIONS.contains(&lower.as_str()) || matches!(lower.as_str(), "just" | "over")
        };
        let mut words = before
            .split_whitespace()
            .rev()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !hedge(w));
        let loss = match words.next()?.to_ascii_lowercase().as_str() {
            "earned" | "netted" => false,
            "lost" => true,
            _ => return None,
        };
        let subject = words.next()?;
        let named = subject.starts_with(|c: char| c.is_uppercase()) && subject != "I";
        (named || subject.eq_ignore_ascii_case("we")).then_some(loss)
    }

    /// True when one of the `n` words before byte `start` is one of `words` (`at an
    /// average price of $23.86 per share`, `we spent $1.6 billion`).
    pub(super) fn word_before(&self, start: usize, n: usize, words: &[&str]) -> bool {
        self.text[..start]
            .split_whitespace()
            .rev()
            .take(n)
            .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    }

    /// `earned`, `earnings`, `loss`, `results` or `guidance` in the figure's clause before
    /// it: a per-share figure without a metric is EPS (`GAAP results were $1.14 per
    /// share`, `a GAAP loss of $0.16 per share`).
    pub(super) fn earned_before(&self, start: usize) -> bool {
        let (clause_start, _) = self.clause(start);
        // `Since our last earnings call, we … issued shares at $23.86 per share`: the call
        // and its release name no result.
        let lower = self.text[clause_start..start]
            .to_ascii_lowercase()
            .replace("earnings call", "")
            .replace("earnings release", "");
        // `we expect growth from our acquisitions and development of $0.62 per share,
        // offset by higher interest expense of $0.69`: a driver of a per-share result,
        // not the result.
        // The last 60 bytes, cut at a character (a transcript may hold any script).
        let cut = (lower.len().saturating_sub(60)..lower.len())
            .find(|&at| lower.is_char_boundary(at))
            .unwrap_or(lower.len());
        let near = &lower[cut..];
        let driver =
            lower.contains("offset by") || ["growth from", "contribution from"].iter().any(|w| near.contains(w));
        !driver
            && [
                "earned", "earn ", "earning", "diluted", "loss", "income", "results", "profit", "guidance", "outlook",
            ]
            .iter()
            .any(|w| lower.contains(w))
    }
}

/// Nouns a bare number counts (see [`Sentence::counts_things`]).
const COUNTED_NOUNS: &[&str] = &[
    // Not `share`: `a new 1.5 billion share buyback program` has lost its dollar sign.
    "shares",
    "square",
    "sq",
    "units",
    "customers",
    "subscribers",
    "members",
    "users",
    "accounts",
    "employees",
    "people",
    "visitors",
    "guests",
    "patients",
    "policies",
    "tons",
    "tonnes",
    "barrels",
    "ounces",
    "homes",
    "vehicles",
    "passengers",
    "rooms",
];

/// Words of a comparison said between figures and `respectively`.
fn is_comparison_word(w: &str) -> bool {
    matches!(
        w,
        "year-over-year"
            | "year-on-year"
            | "yoy"
            | "sequentially"
            | "year"
            | "over"
            | "on"
            | "versus"
            | "vs."
            | "vs"
            | "last"
            | "prior"
            | "the"
            | "a"
            | "ago"
            | "compared"
            | "to"
            | "from"
            | "in"
            | "quarter"
    )
}
