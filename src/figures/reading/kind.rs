//! What a figure is (a result, a change, a forecast or a comparison base), its period
//! and what a change compares; what a sentence leaves to the next (period, segment).

use super::*;

/// Guidance that names no period is for the next quarter, except on a fourth-quarter
/// call, where it is for the coming year.
pub(super) fn default_guidance_period(call: &CallPeriod) -> Period {
    match call.quarter {
        Some(4) => Period::Year {
            year: call.year.map(|y| y + 1),
            fiscal: call.fiscal,
        },
        _ => call.next_quarter(),
    }
}

/// Forecast words that revise: a forecast when what they raise or lower is one
/// (`raised our full-year EPS to`), an act when it is a dividend or a balance.
const REVISION_VERBS: [&str; 5] = ["raising", "raise our", "raised our", "lowering our", "lowered our"];

/// Verbs of a board's decision on a dividend or a buyback.
const DECIDING_VERBS: [&str; 7] = [
    "declared",
    "approved",
    "announced",
    "authorized",
    "increased",
    "raised",
    "reinstated",
];

/// The comparison a cue word says (`year-over-year`, `sequentially`, `in constant
/// currency`).
fn comparison_of(c: &Cue) -> Option<Comparison> {
    match c {
        Cue::ConstantCurrency => Some(Comparison::ConstantCurrency),
        Cue::Yoy | Cue::PriorYear => Some(Comparison::Yoy),
        Cue::Qoq | Cue::PriorQuarter => Some(Comparison::Qoq),
        _ => None,
    }
}

/// Which way a verb of [`REVISION_VERBS`] moves what it revises.
fn revision_direction(verb: &str) -> Direction {
    if verb.starts_with("rais") {
        Direction::Up
    } else {
        Direction::Down
    }
}

/// The year a revised forecast is for: the call's fiscal year, or the next on a
/// fourth-quarter call.
fn year_of_guidance(call: &CallPeriod) -> Period {
    match call.quarter {
        Some(4) => default_guidance_period(call),
        _ => Period::Year {
            year: call.year,
            fiscal: call.fiscal,
        },
    }
}

impl<'a> Sentence<'a> {
    /// Decides actual, change, guidance or prior, and the period.
    pub(super) fn decide_kind(
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
        // Not a per-share figure after the percentage change of a level (`$12.1 million,
        // up 20%, or $0.68 per diluted share`): that restates the level per share. (`an
        // increase in the dividend of 13% or $0.02 per share`, with no level before, and
        // `increased $55.4 million or $1.01 per share` restate the change.)
        let per_share_after_percentage = self.per_share_at(end).is_some()
            && i > 1
            && self.figs[i - 1].2.low.unit.is_percentage()
            && out[i - 1].as_ref().is_some_and(|change| {
                out[..i - 1]
                    .iter()
                    .flatten()
                    .any(|level| !level.change && level.kind == Kind::Actual && level.metric == change.metric)
            });
        let restated = strip_fillers_end(&self.lower[..start]).ends_with(" or")
            && !per_share_after_percentage
            && out.last().and_then(|o| o.as_ref()).is_some_and(|p| p.change);
        if restated {
            r.change = true;
            r.direction = r.direction.or(out.iter().rev().flatten().find_map(|p| p.direction));
        }
        // `$22 million above the high end of our guidance`: how far a result beat the
        // forecast, a difference and never the result itself.
        if let Some(direction) = self
            .margin_over_forecast(end, clause_end)
            .or_else(|| self.beat_by(i))
            .filter(|_| !r.change)
        {
            r.change = true;
            r.comparison = Some(Comparison::Guidance);
            r.direction = Some(direction);
        }
        // `we raised our adjusted EPS guidance by $0.12`: how far a forecast moved.
        if !r.change
            && let Some(direction) = self.revised_by(clause_start, start, end)
        {
            r.change = true;
            r.direction = Some(direction);
        }
        let act = self.act_of_revision(ctx, r.metric, start, clause_end);
        if let Some((direction, moved)) = act
            && moved
            && !r.change
        {
            r.change = true;
            r.direction = Some(direction);
        }
        let prior = if r.change { None } else { self.prior_cue(i, m) }
            .or_else(|| self.forecast_given_earlier_after(end).then_some(PriorCue::Guidance));
        let declared = self.declared(ctx, r.metric, start);
        let forward = act.is_none()
            && !declared
            && (self.is_forward(ctx, discourse, start, clause_start, clause_end)
                || r.change && self.forecast_moved(start));
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
            self.respective_period(i)
                .or_else(|| self.period_near(start, end, (clause_start, clause_end), r.kind == Kind::Guidance))
        };
        r.dated = near.is_some() || self.sentence_period(ctx, r.kind == Kind::Guidance).is_some();
        r.period = match (near, r.kind, prior) {
            (_, Kind::Prior, Some(PriorCue::Guidance)) => self.guidance_period(ctx, discourse),
            // A dividend declared `for the first quarter` on a fourth-quarter call is
            // the next one's.
            (Some(p), k, _) => p.resolve(
                ctx.call,
                k == Kind::Guidance || declared && p.quarter_without_year().is_some(),
            ),
            (None, Kind::Prior, Some(PriorCue::Year)) => ctx.call.year_ago_quarter(),
            (None, Kind::Prior, Some(PriorCue::Quarter)) => ctx.call.previous_quarter(),
            (None, Kind::Prior, _) => Period::Earlier,
            (None, Kind::Guidance, _) => self
                .target_year_after(ctx, end, clause_end)
                .or_else(|| self.future_year_before(ctx, clause_start))
                .unwrap_or_else(|| self.guidance_period(ctx, discourse)),
            // A balance at a date (`$193 million of cash at September 30, 2022`) is the
            // call's own, whatever period the paragraph talks about.
            (None, _, _) if self.dated(end, clause_end) => ctx.call.current(),
            // What a verb reports is of no period that has not begun: an outlook
            // passage's `2023` does not date `we reported an $85 million profit or $0.14
            // per diluted share` paragraphs later (a target said in it, `achieving a 5%
            // growth CAGR`, keeps the passage's period).
            (None, _, _) => {
                let carried = |p: &Period| !not_begun(ctx, p) || !self.clause_reports_result(start);
                self.sentence_period(ctx, false)
                    .or_else(|| self.year_by_its_base(ctx, clause_start, clause_end))
                    .or(discourse.paragraph_period.filter(carried))
                    .or(discourse.period.filter(carried))
                    .unwrap_or_else(|| ctx.call.current())
            }
        };
        self.settle_by_period(ctx, discourse, near, i, r);
        // `a difficult comparison to the prior year when sales increased 6%`: what the
        // earlier period did, never this one's result or forecast.
        if let Some((p, _)) = self
            .period_told_by_when(start)
            // `through 2019, where Engine is up 7% for the quarter`: the figure names its
            // own (`versus last year when organic growth was 3.7% in the quarter` names
            // that year's).
            .filter(|(_, opener)| {
                *opener != ", where "
                    || !self
                        .period_after(end, clause_end, false)
                        .is_some_and(|a| ctx.call.is_own(&a.resolve(ctx.call, false)))
            })
        {
            let period = p.resolve(ctx.call, false);
            // `a great finish to our fiscal 2021 year, where revenue of $6.2 billion …`:
            // a fourth-quarter call's own year, told the same way.
            let own_year = ctx.call.is_own_year(&period);
            if (own_year || !ctx.call.is_own(&period)) && !ctx.call.is_future(&period) && r.kind != Kind::Prior {
                r.period = period;
                r.dated = true;
                r.kind = if r.change { Kind::Change } else { Kind::Actual };
            }
        }
        if r.comparison.is_some() {
            return;
        }
        r.comparison = prior.map(|p| match p {
            PriorCue::Year => Comparison::Yoy,
            PriorCue::Quarter => Comparison::Qoq,
            PriorCue::Guidance => Comparison::Guidance,
            PriorCue::Earlier => Comparison::Earlier,
        });
    }

    /// What the figure's period says of its kind, in this order: a quarter of the year
    /// named after the figure; results are not ranges; a period that has not ended has
    /// no results; a forecast quoting a past period quotes a base; the quarter just
    /// reported is never forecast.
    fn settle_by_period(
        &self,
        ctx: &Context<'_>,
        discourse: &Discourse,
        near: Option<&PeriodPhrase>,
        i: usize,
        r: &mut Reading,
    ) {
        let (start, end, m) = self.figs[i];
        let (clause_start, _) = self.clause(start);
        // `First quarter sales were $287.8 million in fiscal year '22`, `First quarter
        // sales are expected to increase … to a range of $220 million to $240 million in
        // fiscal 2021`: the quarter the sentence opens with, of the year named after the
        // figure.
        if let (
            Some(p),
            Period::Year {
                year: Some(year),
                fiscal,
            },
        ) = (near, r.period)
            && p.start >= end
            && let Some(quarter) = self
                .periods
                .iter()
                .filter(|q| q.end <= start && q.start >= clause_start)
                .find_map(|q| q.quarter_without_year())
        {
            let quarter = Period::Quarter {
                year: Some(year),
                quarter,
                fiscal,
            };
            // A forecast is of a quarter still to come (`in the first quarter, we have
            // increased our guidance … for the year` on a first-quarter call is the
            // year's), named before its metric and of a year the sentence says (`While we
            // expect a few offsets in the fourth quarter, we now expect cash from
            // operations of $2.8 billion for the year` is the year's).
            let forecast_quarter = || {
                p.says_year()
                    && ctx.call.is_future(&quarter)
                    && self.periods.iter().any(|q| {
                        q.end <= start
                            && q.start >= clause_start
                            && q.quarter_without_year().is_some()
                            && self.mentions.iter().any(|m| m.lead <= q.start && q.end <= m.start)
                    })
            };
            if r.kind != Kind::Guidance || forecast_quarter() {
                r.period = quarter;
            }
        }
        // Results are not ranges: a level stated as one (`adjusted EPS of between $3.15
        // and $3.30`, `revenue in the range of $1.525 billion to $1.530 billion`) is a
        // forecast, for the period it names if that is still to come.
        // Balances and lesser measures are left as stated (`returning $1 million to $1.1
        // million in cash to our shareholders quarterly`).
        let guided = r.metric.is_some_and(|id| ctx.vocabulary.def(id).tier != Tier::Other);
        if r.kind == Kind::Actual && !r.change && m.high.is_some() && guided {
            r.kind = Kind::Guidance;
            if !ctx.call.is_future(&r.period) {
                r.period = self.guidance_period(ctx, discourse);
            }
        }
        // A period that has not ended has no results: a figure dated with a later year
        // or quarter than the call's (`For 2021, we are focused on delivering adjusted
        // EPS of $2.61 to $2.65`, `2021 FFO is estimated in the range of`) is a forecast.
        // Unless the period is already under way and a verb in its clause reports a
        // result: `diluted earnings per share of $3.50 in 2021 increased 34.6%` on a
        // first-quarter call is the year so far.
        if matches!(r.kind, Kind::Actual | Kind::Change)
            && near.is_some_and(|p| p.says_year())
            && ctx.call.is_future(&r.period)
            && !self.declared(ctx, r.metric, start)
        {
            match ctx.call.so_far(r.period) {
                Some(so_far) if self.clause_reports_result(start) => r.period = so_far,
                _ => r.kind = Kind::Guidance,
            }
        }
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
        // The quarter just reported cannot be forecast: a forecast word with a figure of
        // that quarter (`helped deliver revenue growth of 30% in the fourth quarter`,
        // `earnings of $0.87 per share in the fourth quarter equaled`) reports it; one
        // that follows the period (`Based on our results through the third quarter, we
        // raised our EPS guidance to …`) forecasts for a period the period does not name.
        if r.kind == Kind::Guidance
            && let Some(p) = near
            && matches!(r.period, Period::Quarter { .. })
            && ctx.call.is_own(&r.period)
        {
            let forecast_between =
                p.end <= start && self.cues_in(p.end, start).any(|(_, _, c)| matches!(c, Cue::Forward));
            if forecast_between {
                r.period = self
                    .sentence_period(ctx, true)
                    .filter(|q| !ctx.call.is_own(q))
                    .or(discourse.guidance_period)
                    .unwrap_or_else(|| default_guidance_period(ctx.call));
            } else {
                r.kind = if r.change { Kind::Change } else { Kind::Actual };
            }
        }
    }

    pub(super) fn guidance_period(&self, ctx: &Context<'_>, discourse: &Discourse) -> Period {
        self.sentence_period(ctx, true)
            .or_else(|| self.revises_guidance().then(|| year_of_guidance(ctx.call)))
            .or(discourse.guidance_period)
            .unwrap_or_else(|| default_guidance_period(ctx.call))
    }

    /// True when the words right after the figure ending at `end` say it is a forecast
    /// given before (`up from the 13% to 16% we guided in January`, `the $4.8 billion we
    /// provided last quarter`): a base, never this call's forecast.
    fn forecast_given_earlier_after(&self, end: usize) -> bool {
        const GIVEN: [&str; 8] = [
            "we guided",
            "we had guided",
            "we provided",
            "we had provided",
            "we gave",
            "we had given",
            "we previously",
            "previously",
        ];
        let rest = self.lower[end..].trim_start();
        let rest = rest.strip_prefix("range ").unwrap_or(rest);
        GIVEN.iter().any(|w| rest.starts_with(w))
    }

    /// `We also continue to generate strong cash flow, generating $300 million … in the
    /// first quarter`: `to generate` (or `to deliver`, `to achieve`) after `continue`
    /// says what the company keeps doing, not what it will do; after `were able` or
    /// `enabled us` (`we were able to generate $210 million in free cash flow`,
    /// `enabling us to achieve … a record 32.4%`) what it managed to do. Unless a
    /// forecast word comes before it in the sentence (`we expect to continue to
    /// generate`, `we will be able to deliver`).
    fn habitual(&self, at: usize) -> bool {
        let before = self.lower[..at].trim_end();
        let continued = ["continue", "continues", "continued"]
            .iter()
            .any(|w| ends_with_word(before, w));
        // `were able` (`were still however able`), or `enabled` with its object between
        // (`allowed Tennant to`, `helped the team to`).
        let able = ends_with_word(before, "able")
            && before
                .rsplit(' ')
                .skip(1)
                .take(3)
                .any(|w| matches!(w, "was" | "were" | "been"));
        let enabled = before.rsplit(' ').take(3).any(|w| {
            matches!(
                w,
                "enabled" | "enabling" | "allowed" | "allowing" | "helped" | "helping"
            )
        });
        (continued || able || enabled) && !self.cues.iter().any(|(s, _, c)| *s < at && *c == Cue::Forward)
    }

    /// The direction of a verb of revision in the clause when the figure at `start` is
    /// what it moved something by (`raised our … guidance by $0.12`).
    fn revised_by(&self, clause_start: usize, start: usize, end: usize) -> Option<Direction> {
        let before = self.lower[..start].trim_end();
        let before = before
            .rsplit_once(' ')
            .filter(|(_, w)| APPROXIMATIONS.contains(w))
            .map_or(before, |(head, _)| head.trim_end());
        // `raising annual earnings guidance $0.12 at the midpoint`: the move, said of the
        // range's middle.
        let at_midpoint = || {
            self.lower[self.past_per_share(end)..]
                .trim_start()
                .starts_with("at the midpoint")
        };
        if !ends_with_word(before, "by") && !at_midpoint() {
            return None;
        }
        let verb = self
            .cues_in(clause_start, start)
            .filter(|(_, _, c)| *c == Cue::Forward)
            .map(|(s, e, _)| &self.lower[*s..*e])
            .rfind(|verb| REVISION_VERBS.contains(verb))?;
        Some(revision_direction(verb))
    }

    /// `The guidance midpoints for both the core FFO and AFFO were increased by $0.035`,
    /// `Meanwhile, our outlook for adjusted EBITDA is lowered by $5 million`: a sentence
    /// whose subject is a forecast, moved by a verb before the figure, says how far the
    /// forecast moved.
    fn forecast_moved(&self, start: usize) -> bool {
        let mut words = self
            .words_iter(0, start)
            .skip_while(|w| {
                matches!(
                    *w,
                    "meanwhile" | "so" | "and" | "also" | "now" | "finally" | "additionally"
                )
            })
            .skip_while(|w| matches!(*w, "the" | "our"));
        let subject = words.next().is_some_and(|w| matches!(w, "guidance" | "outlook"));
        let verb = self
            .cues_in(0, start)
            .find(|(_, _, c)| matches!(c, Cue::Up { .. } | Cue::Down { .. }));
        subject && matches!(verb, Some((_, _, Cue::Up { past: true } | Cue::Down { past: true })))
    }

    /// True when the sentence raises, lowers, narrows or reaffirms a forecast (`we raised
    /// our adjusted diluted earnings per share guidance by $0.12 to a new range of $7.89
    /// to $8.20`): what companies revise is the year's guidance, whatever quarter the
    /// passage spoke of before.
    fn revises_guidance(&self) -> bool {
        const REVISING: [&str; 17] = [
            "raise our",
            "raised our",
            "raising",
            "lowered our",
            "lowering",
            "narrowed our",
            "narrowing",
            "reaffirm",
            "increase our",
            "increased our",
            "increasing",
            "reduce our",
            "reduced our",
            "reducing",
            "updated our",
            "updating our",
            "tightening",
        ];
        const FORECASTS: [&str; 3] = ["guidance", "outlook", "forecast"];
        REVISING.iter().any(|w| self.lower.contains(w)) && FORECASTS.iter().any(|w| self.lower.contains(w))
    }

    /// A forecast: a forward word governs the figure (the last forecast or result word
    /// before it in the sentence is a forecast), or one follows it in its clause (`EPS
    /// guidance`), or the passage is an outlook and no verb in the clause reports a
    /// result. Words that compare a result with a forecast (`ahead of our guidance`) make
    /// the clause a result.
    pub(super) fn is_forward(
        &self,
        ctx: &Context<'_>,
        discourse: &Discourse,
        start: usize,
        clause_start: usize,
        clause_end: usize,
    ) -> bool {
        // Words comparing with a forecast (`ahead of our guidance`) make the clause a
        // result, unless a forecast verb governs the figure and the comparison follows it
        // (`we expect EPS of $1.56 to $1.58, in line with current consensus`).
        let not_forward_before = self.cues_in(clause_start, start).any(|(_, _, c)| *c == Cue::NotForward);
        let not_forward_after = self.cues_in(start, clause_end).any(|(_, _, c)| *c == Cue::NotForward);
        if not_forward_before {
            return false;
        }
        let adjective = |k: usize| self.participle_of_metric(k);
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
            .filter(|(_, (s, e, c))| *e <= start && !aside(*s) && !(*c == Cue::Forward && self.result_against(*s, *e)))
            .find(|(k, (_, _, c))| matches!(c, Cue::Forward | Cue::NotForward) || is_past(c) && !adjective(*k))
            .map(|(_, cue)| cue);
        match last_before {
            Some((s, _, Cue::Forward)) if !self.habitual(*s) => return true,
            Some((_, _, Cue::Forward)) => {}
            _ if not_forward_after => return false,
            Some((_, _, Cue::NotForward)) => return false,
            Some((s, _, _)) if *s >= clause_start => return false,
            _ => {}
        }
        let clause_has_past = self.cues_in(clause_start, clause_end).any(|(_, _, c)| is_past(c));
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
            .any(|(k, (_, e, c))| *e <= start && is_past(c) && !adjective(k));
        discourse.guidance && !clause_has_past && !past_before && !self.names_own_quarter(ctx, start)
    }

    /// The direction of a verb of revision (`raised our`, `lowering our`) that is the only
    /// forecast word before the figure at `start`, when what it raises is an act of the
    /// company rather than a forecast: a dividend, a buyback, a balance, or no metric at
    /// all (`we raised our quarterly dividend to $0.25`, `lowered our revolver debt from
    /// $9.75 million to $6 million`, `raised our stake to 45%`); with whether the figure
    /// is the amount moved rather than the level reached (`lowered our debt by $51.7
    /// million`, `raised over $13 billion in debt`). `raised our full-year EPS to $4.07`
    /// stays a forecast.
    fn act_of_revision(
        &self,
        ctx: &Context<'_>,
        metric: Option<MetricId>,
        start: usize,
        clause_end: usize,
    ) -> Option<(Direction, bool)> {
        let an_act = metric.is_none_or(|id| {
            let def = ctx.vocabulary.def(id);
            def.measure_is_announced() || def.tier == Tier::Other
        });
        if !an_act || self.cues_in(start, clause_end).any(|(_, _, c)| *c == Cue::Forward) {
            return None;
        }
        let mut forward = self
            .cues
            .iter()
            .filter(|(_, e, c)| *c == Cue::Forward && *e <= start)
            .map(|(s, e, _)| (&self.lower[*s..*e], *e));
        let (verb, verb_end) = forward.next_back()?;
        if !REVISION_VERBS.contains(&verb) || !forward.all(|(v, _)| REVISION_VERBS.contains(&v)) {
            return None;
        }
        let direction = revision_direction(verb);
        let hedge =
            |w: &&str| APPROXIMATIONS.contains(w) || matches!(*w, "over" | "more" | "than" | "an" | "additional");
        let moved = self.lower[verb_end..start]
            .split_whitespace()
            .rev()
            .find(|w| !hedge(w))
            .is_none_or(|w| w == "by");
        Some((direction, moved))
    }

    /// True when a board's decision states the dividend or buyback figure at `start`:
    /// a verb of deciding before it in its sentence (`the Board has approved a Q1
    /// dividend of $0.12 per share`, `declared a first quarter 2021 dividend of $0.25`),
    /// with no forecast word in the words from that verb's comma on (`we expect to
    /// increase our dividend … to $0.52` is a forecast; `…outlook, which Scott will
    /// discuss shortly, our board of directors declared a dividend of $0.25` is not).
    /// The decision is taken: the figure is the company's act, for the period it
    /// names, whatever words of payment follow (`payable on March 17th`).
    fn declared(&self, ctx: &Context<'_>, metric: Option<MetricId>, start: usize) -> bool {
        if !metric.is_some_and(|id| ctx.vocabulary.def(id).measure_is_announced()) {
            return false;
        }
        let Some((at, _)) = self
            .words_at(0, start)
            .into_iter()
            .rfind(|(_, w)| DECIDING_VERBS.contains(w))
        else {
            return false;
        };
        let from = self.lower[..at].rfind(',').map_or(0, |c| c + 1);
        !self
            .cues_in(from, start)
            .any(|(s, e, c)| *c == Cue::Forward && !REVISION_VERBS.contains(&&self.lower[*s..*e]))
    }

    /// True when a result verb in the clause of byte `pos` reports (`were`, `increased`),
    /// not one that only qualifies a metric (`reported EBITDA`), and no forecast word
    /// comes before it (`we expect revenue to grow … and surpassed $50 billion` is a
    /// forecast, whatever its slip of tense).
    fn clause_reports_result(&self, pos: usize) -> bool {
        if self.cues.iter().any(|(_, e, c)| *c == Cue::Forward && *e <= pos) {
            return false;
        }
        let (clause_start, clause_end) = self.clause(pos);
        self.cues
            .iter()
            .enumerate()
            .any(|(k, (s, e, c))| *s >= clause_start && *e <= clause_end && is_past(c) && !self.participle_of_metric(k))
    }

    /// True when the result word of cue `k` only qualifies a metric: right after a
    /// forecast verb (`we now expect reported EPS of …`) or right before or among the
    /// metric's words (`and resort reported EBITDA to be between …`); or when the
    /// forecast itself is its subject (`our full year EPS outlook is increased to`).
    fn participle_of_metric(&self, k: usize) -> bool {
        let after_forecast = k > 0
            && matches!(self.cues[k - 1].2, Cue::Forward)
            && self.text[self.cues[k - 1].1..self.cues[k].0].trim().is_empty();
        let (cue_start, end, _) = self.cues[k];
        // Right before the metric's words, or among its qualifiers.
        let before_metric = self.mentions.iter().any(|x| {
            x.metric.is_some()
                && (x.lead >= end && self.text[end..x.lead].trim().is_empty() || x.lead <= cue_start && end <= x.start)
        });
        // The few words before the verb, lowercased once (never the whole sentence:
        // this runs for every result word before every figure).
        let mut from = cue_start.saturating_sub(32);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let before = self.lower[from..cue_start].trim_end();
        // After its subject it is the verb (`and we reported earnings of $1.66`).
        let after_subject = ends_with_word(before, "we") || ends_with_word(before, "company");
        // `our full year EPS outlook is increased to`, `guidance was raised to`: the
        // forecast is what changed, so the figure is still a forecast.
        let subject = before
            .strip_suffix(" is")
            .or(before.strip_suffix(" was"))
            .unwrap_or(before);
        let forecast_subject = ["outlook", "guidance", "forecast", "expectations", "range"]
            .iter()
            .any(|w| ends_with_word(subject, w));
        (after_forecast || before_metric) && !after_subject || forecast_subject
    }

    /// True when the sentence names the call's own quarter before `start` (`Our Q1
    /// results included revenue of $1.8 billion`), not as a base: in an outlook passage, a
    /// sentence about the quarter just reported states a result, whatever verb it uses.
    pub(super) fn names_own_quarter(&self, ctx: &Context<'_>, start: usize) -> bool {
        self.periods.iter().take_while(|p| p.end <= start).any(|p| {
            !self.is_comparison_period(p)
                && matches!(p.resolve(ctx.call, false), q @ Period::Quarter { .. } if ctx.call.is_own(&q))
        })
    }

    /// On a fourth-quarter call, a figure compared with the whole year before (`earnings
    /// of $4.27 per diluted share, up 43.3% over 2019`) in a sentence that names no
    /// quarter is the year's: a quarter is compared with a quarter.
    fn year_by_its_base(&self, ctx: &Context<'_>, clause_start: usize, clause_end: usize) -> Option<Period> {
        let call = ctx.call;
        let year = call.year.filter(|_| call.quarter == Some(4))?;
        if self.periods.iter().any(|p| p.bare_year().is_none()) {
            return None;
        }
        self.periods
            .iter()
            .filter(|p| p.start >= clause_start && p.end <= clause_end)
            .any(|p| self.is_comparison_period(p) && p.bare_year() == Some(year - 1))
            .then(|| call.this_year())
    }

    /// `exceeded our outlook range of $0.47 to $0.49 by $0.26 at the midpoint`: the
    /// amount `by` which a result passed the forecast right before it.
    fn beat_by(&self, i: usize) -> Option<Direction> {
        let previous = self.figs.get(i.checked_sub(1)?)?;
        let from = self.past_per_share(previous.1).min(self.figs[i].0);
        let gap = self.lower[from..self.figs[i].0].trim();
        if strip_approximations(gap) != "by" {
            return None;
        }
        let compared = self.set_against_forecast(previous.0)?;
        Some(if compared == "below" {
            Direction::Down
        } else {
            Direction::Up
        })
    }

    /// Which way a figure missed or beat a forecast, when the words right after it say
    /// it is such a margin: `above the high end of our guidance range`, `ahead of
    /// consensus`, `better than our outlook`, `below the midpoint`.
    pub(super) fn margin_over_forecast(&self, end: usize, clause_end: usize) -> Option<Direction> {
        const MARGINS: [(&str, Direction); 8] = [
            ("above ", Direction::Up),
            ("below ", Direction::Down),
            ("ahead of ", Direction::Up),
            ("short of ", Direction::Down),
            ("better than ", Direction::Up),
            ("higher than ", Direction::Up),
            ("lower than ", Direction::Down),
            ("in excess of ", Direction::Up),
        ];
        const FORECASTS: [&str; 12] = [
            "guidance",
            "guided",
            "outlook",
            "expectations",
            "consensus",
            "forecast",
            "high end",
            "low end",
            "top end",
            "upper end",
            "midpoint",
            "estimate",
        ];
        let end = self.past_per_share(end).min(clause_end);
        let after = self.lower[end..clause_end].trim_start();
        let (margin, direction) = MARGINS.iter().find(|(m, _)| after.starts_with(m))?;
        let object: Vec<&str> = after[margin.len()..].split_whitespace().take(5).collect();
        let object = object.join(" ");
        FORECASTS.iter().any(|f| object.contains(f)).then_some(*direction)
    }

    /// True when the clause at `start` is a relative clause (`, which …`, `, who …`).
    pub(super) fn is_relative_clause(&self, start: usize) -> bool {
        let lower = self.lower[start..].trim_start();
        ["which ", "who ", "whose ", "where "]
            .iter()
            .any(|w| lower.starts_with(w))
    }

    /// `pos`, or the start of a basis word right before it (`last year's adjusted
    /// $0.71`).
    fn before_basis_word(&self, pos: usize) -> usize {
        let head = self.text[..pos].trim_end();
        let word_start = head.rfind(' ').map_or(0, |i| i + 1);
        if Basis::from_word(&head[word_start..]).is_some() {
            word_start
        } else {
            pos
        }
    }

    /// What makes a level a comparison base: `compared to $X`, `versus $X`, `from $X`
    /// (not a `from … to` range), `up from our prior guidance of $X`, `ahead of our
    /// guidance of $X`, or a year-ago phrase right after it (`$987 million a year ago`).
    pub(super) fn prior_cue(&self, i: usize, m: &Match) -> Option<PriorCue> {
        let (start, end, _) = self.figs[i];
        let (clause_start, clause_end) = self.clause(start);
        let year_after = self.prior_period_after(end, clause_end);
        let governing = self
            .cues_in(clause_start, start)
            .rev()
            .find(|(_, _, c)| matches!(c, Cue::Compare | Cue::From | Cue::PriorGuidance | Cue::NotForward));
        // `over year ago results of $0.71`, `last year's $2.13`, `last year's adjusted
        // $0.71`: a prior period just before (a basis word may stand between).
        let to = self.before_basis_word(start);
        let year_before = self
            .cues_in(clause_start, start)
            .rfind(|(_, _, c)| !matches!(c, Cue::Basis(_)))
            .filter(|(_, e, _)| {
                *e <= to && self.text[*e..to].split_whitespace().count() <= 4 && self.links(*e, to, true)
            })
            .and_then(|(_, e, c)| match c {
                Cue::PriorYear => Some(PriorCue::Year),
                Cue::PriorQuarter => Some(PriorCue::Quarter),
                // `compared to last year's $352 million`, `down from last quarter's`.
                Cue::Yoy if possessive(&self.text[*e..to]) => Some(PriorCue::Year),
                Cue::Qoq if possessive(&self.text[*e..to]) => Some(PriorCue::Quarter),
                _ => None,
            });
        if self.opens_with_earlier_forecast(i)
            || self.forecast_given_before(start)
            || self.set_against_forecast(start).is_some()
        {
            return Some(PriorCue::Guidance);
        }
        let Some((s, e, c)) = governing else {
            return year_after.or(year_before).or_else(|| self.prior_frame(start));
        };
        // The comparison word governs the first figure after it only (`from $23.3
        // million in Q3 2021 to $24.8 million`: $24.8 million is the result), and the
        // figures that restate it (`compared to $25.2 million or $0.32 per share`).
        let blocked = (0..i).any(|j| {
            let f = self.figs[j];
            f.0 >= *e && f.1 <= start && !self.text[f.1..self.figs[j + 1].0].to_ascii_lowercase().contains(" or ")
        });
        // `down from last year's $352 million`: the prior period right before it.
        if blocked || !self.links(*e, start, true) {
            return year_after.or(year_before);
        }
        let said = &self.lower[*s..*e];
        let range_with_to = m.high.is_some() && self.text[start..end].contains(" to ");
        let kind = match c {
            Cue::PriorGuidance => Some(PriorCue::Guidance),
            // `ahead of our guidance of $2.40`: the forecast right after the words.
            // Not `exceeded our expectations with earnings at $1.18`: a metric or other
            // words between make the figure the result.
            // Not `we expect G&A to be within our guidance range of $80 million to $85
            // million`: a forecast saying where the guidance lands.
            Cue::NotForward => (["guidance", "outlook", "expectation", "consensus"]
                .iter()
                .any(|w| said.contains(w))
                && !self.cues_in(clause_start, *s).any(|(_, _, c)| *c == Cue::Forward)
                // `above our guidance range of $1.08 to $1.10` (not `exceeded our guidance
                // range at $1.33`: the result).
                && self.lower[*e..start]
                    .trim_start()
                    .trim_start_matches("range of ")
                    .split_whitespace()
                    .all(|w| {
                        matches!(
                            w,
                            "of" | "at" | "for" | "approximately" | "about" | "roughly" | "around" | "which" | "was"
                        )
                    }))
            .then_some(PriorCue::Guidance),
            // `from $10.55 to $11.15 to $11.33 to $11.93`, `from a range of $8.90 to
            // $9.10, up to a range of $9.15 to $9.30`: a range after `from` is the base
            // only when another figure follows after `to`.
            Cue::From if range_with_to => self
                .figs
                .get(i + 1)
                .filter(|next| to_the_next_figure(&self.lower[end..next.0]))
                .map(|_| self.prior_between(*e, start)),
            _ => Some(year_after.unwrap_or_else(|| self.prior_between(*e, start))),
        };
        kind.or(year_after)
    }

    /// A sentence opening with an earlier forecast (`Our previous guidance was for sales
    /// of $445 million to $500 million, and adjusted earnings of $1.35 to $1.70`): every
    /// figure of it is that forecast's, until words name a new value (`to`, `now`).
    fn opens_with_earlier_forecast(&self, i: usize) -> bool {
        // The sentence's subject, with at most a determiner before it (not `As Tom
        // previously mentioned, sales were`, not `we are reconfirming our previously
        // issued guidance`).
        let Some(&(s, e, Cue::PriorGuidance)) = self.cues.first() else {
            return false;
        };
        let subject = self.lower[..s]
            .split_whitespace()
            .all(|w| matches!(w, "our" | "the" | "and" | "so" | "but"));
        if !subject || self.figs.first().is_none_or(|f| f.0 < e) {
            return false;
        }
        // A forecast, not `Previously, I mentioned cash flow was $409.1 million`.
        let forecast = ["guidance", "outlook", "expect", "range", "forecast"]
            .iter()
            .any(|w| self.lower[s..e].contains(w))
            || self.cues_in(e, self.figs[0].0).any(|(_, _, c)| *c == Cue::Forward);
        if !forecast {
            return false;
        }
        let mut at = e;
        for f in &self.figs[..=i] {
            if names_a_new_value(&self.lower[at..f.0]) {
                return false;
            }
            at = f.1;
        }
        true
    }

    /// `which was above our full year revised guidance range of $116 million to $136
    /// million`: a result said against a forecast, the forecast's words right before the
    /// figure. Returns the word of comparison (`above`, `below`, `exceeded` …).
    fn set_against_forecast(&self, start: usize) -> Option<&'a str> {
        let head = strip_approximations(self.lower[..start].trim_end());
        ["guidance range of", "guidance of", "outlook range of", "outlook of"]
            .iter()
            .find_map(|w| head.strip_suffix(w))
            .and_then(|head| self.forecast_compared(head.len()))
    }

    /// True when the forecast cue from `s` to `e` is `guidance` or `outlook` that a result
    /// is compared with (`well above our outlook of $1.30 to $1.40 per diluted share but
    /// down 17.6%`: the change is the result's).
    fn result_against(&self, s: usize, e: usize) -> bool {
        matches!(&self.lower[s..e], "guidance" | "outlook") && self.forecast_compared(s).is_some()
    }

    /// True when the forecast noun at byte `at` (`guidance`, `outlook`) is one a result
    /// is compared with: a word of comparison a few words before it, with only the
    /// forecast's own words between (`above our full year revised guidance`). Not `we
    /// expect G&A to be within our guidance range`: a forecast saying where the guidance
    /// lands. Returns the word of comparison.
    fn forecast_compared(&self, at: usize) -> Option<&'a str> {
        let words: Vec<&'a str> = self.lower[..at].split_whitespace().rev().take(6).collect();
        let compared = |w: &&str| {
            matches!(
                *w,
                "above" | "below" | "within" | "exceeded" | "exceeding" | "beat" | "beating"
            )
        };
        let k = words.iter().position(compared)?;
        let own_words = words[..k].iter().all(|w| {
            matches!(
                *w,
                "our"
                    | "the"
                    | "full"
                    | "year"
                    | "full-year"
                    | "revised"
                    | "updated"
                    | "raised"
                    | "quarterly"
                    | "annual"
                    | "fiscal"
                    | "original"
                    | "initial"
                    | "prior"
                    | "previous"
                    | "latest"
            )
        });
        let (clause_start, _) = self.clause(at);
        let forecast_within = words[k] == "within"
            && self.lower[clause_start..at].rfind("within").is_some_and(|w| {
                self.cues_in(clause_start, clause_start + w)
                    .any(|(_, _, c)| *c == Cue::Forward)
            });
        (own_words && !forecast_within).then_some(words[k])
    }

    /// A forecast the company gave in an earlier period: `Last quarter, I provided a Q2
    /// revenue scenario of $270 million to $300 million`.
    fn forecast_given_before(&self, start: usize) -> bool {
        // The giving in the figure's own clause (not `Our full-year guidance is consistent
        // with what we provided last quarter, with EBITDA at $7.9 billion`).
        let (clause_start, _) = self.clause(start);
        let gave = self.words_iter(clause_start, start).any(|w| GAVE.contains(&w));
        let earlier = self
            .cues_in(0, start)
            .any(|(_, _, c)| matches!(c, Cue::PriorQuarter | Cue::PriorYear));
        let forecast = self.cues_in(0, start).any(|(_, _, c)| *c == Cue::Forward);
        gave && earlier && forecast
    }

    /// `For the comparable prior year period, net sales were $145.7 million`: a sentence
    /// that opens by setting itself in the year or quarter before states that period's
    /// figures (not `Compared to last year, …`, which sets a base for the figures after).
    fn prior_frame(&self, start: usize) -> Option<PriorCue> {
        // The opening phrase: up to the first comma, before any figure.
        let opening_end = self.text[..start].find(',')?;
        if self.figs.first().is_some_and(|f| f.0 < opening_end) {
            return None;
        }
        let opening = self.lower[..opening_end].trim_start();
        let framed = ["for ", "in ", "during "].iter().any(|w| opening.starts_with(w));
        // Only a period, said in time words (`During the first quarter last year`), not
        // `In reverse of last year`.
        let time_words = opening
            .split_whitespace()
            .skip(1)
            .all(|w| TIME_WORDS.contains(&w) || w.chars().all(|c| c.is_ascii_digit() || c == '\''));
        if !framed
            || !time_words
            || self
                .cues_in(0, opening_end)
                .any(|(_, _, c)| matches!(c, Cue::Compare | Cue::From))
        {
            return None;
        }
        self.cues_in(0, opening_end).find_map(|(_, _, c)| match c {
            Cue::PriorYear => Some(PriorCue::Year),
            Cue::PriorQuarter => Some(PriorCue::Quarter),
            _ => None,
        })
    }

    /// `last year`, `prior quarter`, `guidance` between a comparison word and its figure.
    pub(super) fn prior_between(&self, from: usize, to: usize) -> PriorCue {
        let said = &self.lower[from..to];
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
    pub(super) fn prior_period_after(&self, end: usize, clause_end: usize) -> Option<PriorCue> {
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
    /// that follows a comparison word (it names the base), nor, for a forecast, one of
    /// the reason it is given for.
    pub(super) fn period_near(
        &self,
        start: usize,
        end: usize,
        (clause_start, clause_end): (usize, usize),
        forward: bool,
    ) -> Option<&PeriodPhrase> {
        let usable = |p: &&PeriodPhrase| self.dates_figures(p, forward);
        let after = self.period_after(end, clause_end, false);
        let before = self
            .periods
            .iter()
            .filter(|p| p.start >= clause_start && p.end <= start && start - p.end <= 90)
            .rfind(usable);
        after.or(before).map(|p| self.year_for_annual(p).unwrap_or(p))
    }

    /// The period a list of periods gives the figure by its place in a list of figures
    /// (`Fourth quarter and full year 2020 EBITDA was approximately $600 million and $2
    /// billion, respectively`, `were $2.22 and $0.51 for full year 2020 and the fourth
    /// quarter respectively`): as many periods joined by `and` as figures joined by `and`,
    /// and `respectively` after the figures.
    fn respective_period(&self, i: usize) -> Option<&PeriodPhrase> {
        // Most sentences say no `respectively`: one search before any list is built.
        if !self.lower.contains("respectively") {
            return None;
        }
        let (first, last) = self.figure_list(i);
        let list_end = self.figs[last].1;
        if first == last || !self.lower[list_end..].contains("respectively") {
            return None;
        }
        let list = self.period_list()?;
        // `declining 4.4% and 18.7% as compared to the same quarters of both 2020 and
        // 2019 respectively`, `exceeds comparable 2019 and 2021 by 7% and 15%,
        // respectively`: the bases' periods, not the figures'.
        let lead_in = if list[0].start > list_end {
            list_end
        } else {
            let mut at = list[0].start.saturating_sub(24);
            while !self.lower.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let before = &self.lower[lead_in..list[0].start];
        if COMPARING.iter().any(|w| before.contains(w)) {
            return None;
        }
        (list.len() == last - first + 1).then(|| list[i - first])
    }

    /// The first and last index of the figures joined to figure `i` by `and` or commas
    /// (`$600 million and $2 billion`, `7%, 9% and 12%`).
    fn figure_list(&self, i: usize) -> (usize, usize) {
        let joined = |a: usize, b: usize| {
            let gap = self.lower[self.figs[a].1..self.figs[b].0].trim();
            matches!(gap, "and" | "," | ", and" | "&")
        };
        let mut first = i;
        while first > 0 && joined(first - 1, first) {
            first -= 1;
        }
        let mut last = i;
        while last + 1 < self.figs.len() && joined(last, last + 1) {
            last += 1;
        }
        (first, last)
    }

    /// The sentence's one list of two or more periods joined by `and` (`the fourth
    /// quarter and full year`, `Q2 and year-to-date`), none of them a comparison's.
    fn period_list(&self) -> Option<Vec<&PeriodPhrase>> {
        let joined = |a: &PeriodPhrase, b: &PeriodPhrase| {
            let gap = self.lower[a.end..b.start].trim();
            let gap = gap.strip_suffix("the").map_or(gap, str::trim_end);
            let gap = gap.strip_suffix("for").map_or(gap, str::trim_end);
            matches!(gap, "and" | ", and" | "&")
        };
        let usable: Vec<&PeriodPhrase> = self.periods.iter().filter(|p| !self.is_comparison_period(p)).collect();
        let mut lists = usable
            .chunk_by(|a, b| a.end <= b.start && joined(a, b))
            .filter(|c| c.len() > 1);
        let list = lists.next()?;
        lists.next().is_none().then(|| list.to_vec())
    }

    /// For `annual` (`annual revenue of approximately $9 billion`), the year the sentence
    /// names (`in fiscal 2025, we envision …`, `2018's record annual earnings`): `annual`
    /// says how long, the year says which: the last named before it. (Not one named after
    /// it: `FNF's $500 million annual common dividend; … notes, which are due in September
    /// of 2022` is no forecast.)
    fn year_for_annual(&self, p: &PeriodPhrase) -> Option<&PeriodPhrase> {
        if &self.lower[p.start..p.end] != "annual" {
            return None;
        }
        self.periods
            .iter()
            .filter(|q| q.says_year() && !self.is_comparison_period(q))
            .rfind(|q| q.end <= p.start)
    }

    /// A year still to come that an earlier clause of the sentence names (`at the
    /// conclusion of Elevate in fiscal 2025, we envision ABM will generate annual revenue
    /// of approximately $9 billion`): the period of a forecast its own clause leaves
    /// undated.
    fn future_year_before(&self, ctx: &Context<'_>, clause_start: usize) -> Option<Period> {
        self.periods
            .iter()
            .filter(|p| p.end <= clause_start && p.says_year() && !self.is_comparison_period(p))
            .map(|p| p.resolve(ctx.call, true))
            .rfind(|p| matches!(p, Period::Year { .. }) && ctx.call.is_future(p))
    }

    /// The year a target is set for, later in the forecast's clause: `our plan to reach
    /// $50 billion of revenue and $55 to $60 of earnings per share by 2025`, `by the year
    /// 2025` (LAD's had been next year's guidance). `by` and a year still to come.
    fn target_year_after(&self, ctx: &Context<'_>, end: usize, clause_end: usize) -> Option<Period> {
        // The figure's own target: no other figure between (`revenues in the mid $20
        // million range with growth anticipated to yield more than $40 million of revenue
        // by fiscal 2025` sets only the $40 million's year).
        let next_figure = self
            .figs
            .iter()
            .find(|f| f.0 >= end)
            .map_or(clause_end, |f| f.0.min(clause_end));
        let p = self
            .periods
            .iter()
            .find(|p| p.start >= end && p.start < next_figure && p.says_year())?;
        let before = self.lower[..p.start].trim_end();
        let before = before.strip_suffix("the year").map_or(before, str::trim_end);
        let by = ends_with_word(before, "by");
        let period = p.resolve(ctx.call, true);
        (by && matches!(period, Period::Year { year: Some(_), .. }) && ctx.call.is_future(&period)).then_some(period)
    }

    /// A period the figure's words describe in a clause of their own: `the prior-year
    /// period when sales increased on an organic basis by 34%`, `a strong fiscal 2021
    /// first quarter, which grew 9.1%`, `our fiscal 2021 year, where revenue of …`. The
    /// period, then (`period`, `quarter`, `year`) `when`, `, which` or `, where`, and no
    /// clause mark before the figure (`… increased 6% and adjusted EBIT increased nearly
    /// 30%` are both the prior year's). Returns the period and the word that told it.
    fn period_told_by_when(&self, start: usize) -> Option<(&PeriodPhrase, &'static str)> {
        let p = self.periods.iter().rfind(|p| p.end <= start)?;
        let gap = &self.lower[p.end..start];
        let gap = ["period", "quarter", "levels", "year"]
            .iter()
            .find_map(|w| gap.trim_start().strip_prefix(w))
            .unwrap_or(gap);
        let (opener, opens) = [" when ", ", when ", ", which ", ", where "]
            .iter()
            .find_map(|w| gap.strip_prefix(w).map(|rest| (*w, rest)))?;
        // `, which` tells of the period only with a verb of change right after (`, which
        // grew 9.1%`), not `over the same period in 2020, which resulted in revenue of
        // $93.5 million`.
        let which_moved = || {
            let mut words = self.words_iter(start - opens.len(), start);
            words.next().is_some_and(|w| {
                matches!(
                    w,
                    "grew" | "increased" | "decreased" | "declined" | "rose" | "fell" | "was" | "were"
                )
            }) && words.count() <= 2
        };
        let clear = !opens.contains([',', ';', '(', ':', '—', '–']);
        // `, where` tells what happened then, not what is expected (`the second quarter,
        // where we anticipate revenue growth of approximately 50%`).
        let told = opener != ", where " || !self.cues_in(p.end, start).any(|(_, _, c)| *c == Cue::Forward);
        (clear && told && (opener != ", which " || which_moved())).then_some((p, opener))
    }

    /// The period phrase right after a figure (`$14 billion in Q2`), and with
    /// `comparison`, also one after a comparison word (`versus $2.07 in Q3 2019`).
    pub(super) fn period_after(&self, end: usize, clause_end: usize, comparison: bool) -> Option<&PeriodPhrase> {
        let end = self.past_own_metric(self.past_per_share(end));
        self.periods
            .iter()
            .find(|p| p.start >= end && p.start < clause_end)
            .filter(|p| p.start - end <= 24 && !self.figs.iter().any(|f| f.0 >= end && f.1 <= p.start))
            // Not across a new verb (`$1.55 per share and increasing our fiscal 2022
            // guidance`): that period is the next clause's.
            .filter(|p| {
                let gap = &self.text[end..p.start];
                !gap.contains(',')
                    && !gap
                        .split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("and") || w.to_ascii_lowercase().ends_with("ing"))
            })
            .filter(|p| comparison || !(self.is_comparison_period(p) || self.compared_with(p, true)))
            .filter(|p| !p.is_bare_year() || self.bare_year_is_period(p))
    }

    /// Where the metric a figure is stated in ends when it follows the figure (`$2.4
    /// billion of capital expenditures this fiscal year`, `$250 million on capital
    /// expenditures in the year`): the period after it is the figure's. `end` otherwise.
    pub(super) fn past_own_metric(&self, end: usize) -> usize {
        let rest = self.lower[end..].trim_start();
        let rest = ["of ", "in ", "on "]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
            .unwrap_or(rest);
        let at = self.lower.len() - rest.len();
        // Not past a metric that says its own span (`$1 billion in annual revenue`,
        // `$1.5 billion of quarterly revenue for the first half`).
        let spanned = |x: &Mention| {
            let words = &self.lower[x.lead..x.tail];
            self.periods.iter().any(|p| p.start >= x.lead && p.start < x.tail)
                || words
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| matches!(w, "quarterly" | "annual" | "annualized"))
        };
        self.mentions
            .iter()
            .find(|x| x.metric.is_some() && x.lead == at && !spanned(x))
            .map_or(end, |x| x.tail)
    }

    /// A date right after a figure (`… at September 30, 2022`).
    pub(super) fn dated(&self, end: usize, clause_end: usize) -> bool {
        self.dates
            .iter()
            .any(|(s, _)| *s >= end && *s < clause_end && self.text[end..*s].split_whitespace().count() <= 4)
    }

    /// `in 2021`, `for 2022`, `2021 revenue`: a bare year names a period when a
    /// preposition of time or a metric stands next to it.
    pub(super) fn bare_year_is_period(&self, p: &PeriodPhrase) -> bool {
        let before = self.lower[..p.start].trim_end();
        [
            "in", "for", "during", "of", "through", "fiscal", "full", "year", "calendar",
        ]
        .iter()
        .any(|w| ends_with_word(before, w))
            || self.forecast_noun_after(p.end)
            || self.mentions.iter().any(|x| {
                // `2021 revenue`, `2020 Pinnacle West consolidated earnings`: a metric
                // after it, with at most a name and qualifiers between.
                x.start >= p.end && x.start - p.end <= 12
                    || x.start >= p.end && x.start - p.end <= 48 && {
                        let gap = &self.text[p.end..x.start];
                        gap.split_whitespace().all(|w| {
                            w.starts_with(|c: char| c.is_ascii_uppercase())
                                || matches!(w, "consolidated" | "total" | "full-year" | "annual" | "company")
                        })
                    }
            })
    }

    /// `our 2020 financial guidance`, `the 2021 outlook`, `our 2022 capital budget`: a
    /// forecast noun right after a year (a qualifier or two between) says what period
    /// the forecast is of.
    fn forecast_noun_after(&self, end: usize) -> bool {
        let mut words = self.words_iter(end, self.text.len()).take(3);
        words
            .find(|w| {
                !matches!(
                    *w,
                    "financial" | "earnings" | "annual" | "full-year" | "capital" | "operating"
                )
            })
            .is_some_and(|w| matches!(w, "guidance" | "outlook" | "forecast" | "budget" | "plan" | "targets"))
    }

    /// True when the phrase follows a comparison word (`compared with the second quarter
    /// of 2023`, `versus Q3`) or points back (`last year`): it names a base.
    pub(super) fn is_comparison_period(&self, p: &PeriodPhrase) -> bool {
        p.relative == Some(Relative::Prior) || self.compared_with(p, false)
    }

    /// Whether a comparison word stands before the period phrase `p`, past the words that
    /// qualify a base (`over reported 2021 sales`, `versus the same quarter`); with
    /// `praise`, also past words of praise (`up 2.7% over a strong fiscal 2021 first
    /// quarter`). Praise counts only after a figure: before one (`over our record 2019
    /// earnings per share of $3.55`) the period is the base's own.
    fn compared_with(&self, p: &PeriodPhrase, praise: bool) -> bool {
        let mut before = self.lower[..p.start].trim_end();
        let mut praised = false;
        while let Some(stripped) = [" the", " our", " same", " reported", " actual", " adjusted", " last"]
            .iter()
            .find_map(|w| before.strip_suffix(w))
            .or_else(|| {
                let words = [
                    " strong",
                    " record",
                    " solid",
                    " difficult",
                    " tough",
                    " challenging",
                    " weak",
                ];
                let stripped = words.iter().find_map(|w| before.strip_suffix(w)).filter(|_| praise);
                praised |= stripped.is_some();
                stripped
            })
        {
            before = stripped;
        }
        // `a` only before a word of praise: `compared to a 2019 net loss`, `from a
        // third-quarter perspective` name the period of what follows.
        if praised {
            before = before.strip_suffix(" a").unwrap_or(before);
        }
        [
            "compared to",
            "compared with",
            "relative to",
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
            // `As it relates to full year core FFO, we are raising …`, `Turning to the
            // fourth quarter`: a `to` that points at the topic, not at a base.
            && ![
                "relates to",
                "related to",
                "relating to",
                "as to",
                "due to",
                "turning to",
                "turn to",
                "moving to",
                "move to",
                "look to",
                "looking to",
                "thanks to",
                "back to",
                "going to",
            ]
            .iter()
            .any(|w| ends_with_word(before, w))
    }

    /// The period a sentence opens with (`For the full year, we …`, `In Q4, revenue …`),
    /// in its first clause and before its first figure, for figures without one of their
    /// own.
    pub(super) fn sentence_period(&self, ctx: &Context<'_>, forward: bool) -> Option<Period> {
        self.sentence_phrase(forward).map(|p| p.resolve(ctx.call, forward))
    }

    /// The period phrase the sentence opens with, before its first figure and within its
    /// first clause (see [`Self::sentence_period`]); for a forecast, not one of the
    /// reason it is given for.
    fn sentence_phrase(&self, forward: bool) -> Option<&PeriodPhrase> {
        let first_figure = self.figs.first().map_or(self.text.len(), |f| f.0);
        let (_, first_clause_end) = self.clause(0);
        self.periods
            .iter()
            .take_while(|p| p.end <= first_figure.min(first_clause_end))
            .find(|p| self.dates_figures(p, forward))
    }

    /// True when the period phrase can date the sentence's figures (of a forecast when
    /// `forward`): not a comparison's base, a bare year only where it is a period, and
    /// not the period of a forecast's reason.
    fn dates_figures(&self, p: &PeriodPhrase, forward: bool) -> bool {
        let base = self.is_comparison_period(p);
        let loose_year = p.is_bare_year() && !self.bare_year_is_period(p);
        !(base || loose_year || forward && self.in_reason(p))
    }

    /// True when the period phrase lies in an opening clause that gives the reason for
    /// what follows (`Given our year-to-date results and outlook for the fourth quarter,
    /// we are reducing our revenue growth to a range of 8% to 9%`): the period of the
    /// reason, not of a forecast after its comma. (A result after it may share it:
    /// `Given our strong first half performance, cash flow from operations was $50
    /// million`.)
    fn in_reason(&self, p: &PeriodPhrase) -> bool {
        const REASONS: [&str; 5] = ["given ", "based on ", "considering ", "in light of ", "in view of "];
        let opener = self.lower.trim_start();
        let lead = self.lower.len() - opener.len();
        REASONS.iter().any(|r| opener.starts_with(r))
            && self.lower[lead..].find(',').is_some_and(|comma| p.end <= lead + comma)
    }

    /// What the sentence leaves to the next: a forecast sentence (`For Q4, we expect
    /// revenue of …`) opens an outlook passage; a result of the call's own period closes it.
    pub(super) fn carry_forward(&self, ctx: &Context<'_>, discourse: &mut Discourse, out: &[Option<Reading>]) {
        let readings = || out.iter().flatten().filter(|r| r.metric.is_some());
        // Inside an outlook passage, a forecast of a part names the period the passage
        // has moved to as well as one of a metric (`We expect to incur restructuring
        // costs in Q2 of approximately $0.8 million`); outside one it is a loose remark
        // (`With the USDA estimating corn planting this year of 91 million acres`).
        let part_forecast = || out.iter().flatten().find(|r| r.kind == Kind::Guidance && r.dated);
        let guidance = readings()
            .find(|r| r.kind == Kind::Guidance)
            .or_else(|| if discourse.guidance { part_forecast() } else { None });
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

    /// On a fourth-quarter call, a sentence whose results its opening dates with the
    /// call's own year (`Fiscal '21 recurring revenues increased 10% to $3.3 billion`)
    /// opens a passage about the year: the undated figures after it are the year's
    /// (`… drove 13% adjusted earnings per share growth to $5.66`), until results dated
    /// with the quarter (`In the fourth quarter, revenues rose 15%`) end it.
    pub(super) fn frame_results(&self, ctx: &Context<'_>, discourse: &mut Discourse, out: &[Option<Reading>]) {
        if ctx.call.quarter != Some(4) {
            return;
        }
        // `relative to our targeted annual return of 10%`: a word of a rate, not the
        // period of what the sentence reports.
        let Some(phrase) = self
            .sentence_phrase(false)
            .filter(|p| &self.lower[p.start..p.end] != "annual")
        else {
            return;
        };
        let p = phrase.resolve(ctx.call, false);
        let results = out
            .iter()
            .flatten()
            .any(|r| r.metric.is_some() && r.kind == Kind::Actual && r.period == p);
        if !results {
            return;
        }
        if ctx.call.is_own_year(&p) {
            discourse.period = Some(p);
        }
    }

    /// A sentence that names the call's own quarter anywhere (`Adjusted earnings per
    /// share was $1.69 … for the quarter`) ends a passage about the year before it is
    /// read.
    pub(super) fn end_year_passage(&self, ctx: &Context<'_>, discourse: &mut Discourse) {
        let in_year = discourse.period.is_some_and(|d| ctx.call.is_own_year(&d));
        if in_year && self.names_own_quarter(ctx, self.text.len()) {
            discourse.period = None;
        }
    }

    /// Remembers the segment the sentence names for the rest of its paragraph; a total
    /// word forgets it.
    pub(super) fn note_segment(&self, discourse: &mut Discourse, sentence_segment: Option<String>) {
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

    /// Where the words from byte `from` to `to` first compare with two years before
    /// (`versus two years ago`, `on a two-year basis`, `compared to fiscal '20` on a
    /// fiscal 2022 call).
    fn two_years_back(&self, ctx: &Context<'_>, from: usize, to: usize) -> Option<usize> {
        const SAID: [&str; 6] = [
            "two years ago",
            "2 years ago",
            "two-year",
            "2-year",
            "pre-pandemic",
            "pre-covid",
        ];
        let window = &self.lower[from..to];
        // Every phrase has `year` or `pre-`: one search each rules most windows out.
        let may_say = window.contains("year") || window.contains("pre-");
        let said = SAID
            .iter()
            .filter(|_| may_say)
            .filter_map(|w| window.find(w))
            .min()
            .map(|at| from + at);
        let two_back = ctx.call.year.map(|y| y - 2);
        let period = self
            .periods
            .iter()
            .find(|p| {
                p.start >= from
                    && p.end <= to
                    && p.says_year()
                    && p.resolve(ctx.call, false).year().is_some_and(|y| Some(y) == two_back)
                    && self.is_comparison_period(p)
            })
            .map(|p| p.start);
        said.into_iter().chain(period).min()
    }

    /// True when the words after the last comma before change `i` only restate the change
    /// before it (`$279 million higher than the prior year, representing a 16% increase`,
    /// `$600 million year over year, or approximately 6%`).
    fn restates_change_before(&self, i: usize) -> bool {
        const RESTATING: [&str; 10] = [
            "or",
            "representing",
            "represents",
            "which",
            "a",
            "an",
            "of",
            "increase",
            "decrease",
            "growth",
        ];
        let gap = &self.lower[self.figs[i - 1].1..self.figs[i].0];
        let tail = gap.rsplit(',').next().unwrap_or(gap);
        let mut words = tail
            .split_whitespace()
            .filter(|w| !APPROXIMATIONS.contains(w))
            .peekable();
        words.peek().is_some() && words.all(|w| RESTATING.contains(&w))
    }

    /// What the change `i` compares with: the cues after it in its clause (`13%
    /// year-over-year`, `20% in constant currency`, `up 38% sequentially`), or before it
    /// (`year-over-year growth of 5%`), or two years back; `previous`: the reading of the
    /// figure before it, whose comparison a restatement shares when nothing else says one.
    pub(super) fn comparison(&self, ctx: &Context<'_>, i: usize, previous: Option<&Reading>) -> Option<Comparison> {
        let (start, end, _) = self.figs[i];
        let (clause_start, clause_end) = self.clause(start);
        let next_fig = self.figs.get(i + 1).map_or(clause_end, |f| f.0.min(clause_end));
        if let Some(c) = self.comparison_after(ctx, end, next_fig) {
            return Some(c);
        }
        // Before the figure: the sentence's opening for its first figure (`Compared to
        // 2019, revenues were down nearly 11%`), or what follows the last comma before it
        // (`up 42% year-over-year, relative to the second quarter of 2019 … were up 1%`:
        // the year-over-year is the 42%'s); else the comparison said since the figure
        // before.
        let from = if i == 0 {
            clause_start
        } else {
            self.figs[i - 1].1.max(clause_start)
        };
        let last_comma = self.text[from..start].rfind(',').map_or(from, |c| from + c + 1);
        let opening = if i == 0 { 0 } else { last_comma };
        if self.two_years_back(ctx, opening, start).is_some() {
            return Some(Comparison::TwoYears);
        }
        self.cues_in(from, start)
            .filter_map(|(_, _, c)| comparison_of(c))
            .next_back()
            .or_else(|| self.base_period_comparison(ctx, end, next_fig))
            // Last, what the change it restates compares with.
            .or_else(|| {
                previous
                    .filter(|p| p.change && self.restates_change_before(i))
                    .and_then(|p| p.comparison)
            })
    }

    /// A comparison said after the figure: two years back, or the first cue said, except
    /// that constant currency qualifies the year-over-year one (`up 5% year-over-year in
    /// constant currency`).
    fn comparison_after(&self, ctx: &Context<'_>, end: usize, next_fig: usize) -> Option<Comparison> {
        let two_years = self.two_years_back(ctx, end, next_fig);
        let after: Vec<(usize, Comparison)> = self
            .cues_in(end, next_fig)
            .filter_map(|(s, _, c)| comparison_of(c).map(|c| (*s, c)))
            .collect();
        match (two_years, after.first()) {
            (Some(at), first) if first.is_none_or(|(s, _)| at < *s) => Some(Comparison::TwoYears),
            _ if after.iter().any(|(_, c)| *c == Comparison::ConstantCurrency) => Some(Comparison::ConstantCurrency),
            (_, first) => first.map(|(_, c)| *c),
        }
    }

    /// The comparison a base period after the figure says: `down 2% from the second
    /// quarter` on a third-quarter call is sequential, `up 20% compared to 2020` on a 2021
    /// quarter's call year over year.
    fn base_period_comparison(&self, ctx: &Context<'_>, end: usize, next_fig: usize) -> Option<Comparison> {
        let p = self.periods.iter().find(|p| {
            p.start >= end && p.end <= next_fig && (self.is_comparison_period(p) || self.compared_with(p, true))
        })?;
        let base = p.resolve(ctx.call, false);
        if base == ctx.call.previous_quarter() {
            Some(Comparison::Qoq)
        } else if base == ctx.call.year_ago_quarter()
            || p.relative == Some(Relative::Prior)
            || matches!(base, Period::Year { year: Some(y), .. } if Some(y + 1) == ctx.call.year)
        {
            Some(Comparison::Yoy)
        } else {
            None
        }
    }
}

/// The words a period said in time words is made of (`the comparable prior year
/// period`, `the first quarter last year`, `the nine months of fiscal '21`).
const TIME_WORDS: &[&str] = &[
    "the",
    "comparable",
    "same",
    "corresponding",
    "prior",
    "prior-year",
    "previous",
    "last",
    "year",
    "year's",
    "a",
    "ago",
    "year-ago",
    "period",
    "quarter",
    "of",
    "fiscal",
    "first",
    "second",
    "third",
    "fourth",
    "full",
    "months",
    "nine",
    "six",
    "three",
];

/// Words that compare a figure with a base.
const COMPARING: [&str; 9] = [
    "compar", "versus", " vs", " than ", " over ", " from ", "exceed", "above", "below",
];

/// Past verbs of giving a forecast.
const GAVE: &[&str] = &[
    "provided",
    "gave",
    "issued",
    "introduced",
    "shared",
    "offered",
    "initiated",
];

/// True when words between two figures turn from an earlier value to a new one (`to`,
/// `now`, `new`, `raised`).
fn names_a_new_value(gap: &str) -> bool {
    gap.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "to" | "now" | "new" | "raised" | "raising" | "lowered" | "lowering" | "updated" | "today"
        )
    })
}

/// True when the words between a range and the next figure lead to it as its new value:
/// `to`, `, up to a range of`, `to a new range of`.
fn to_the_next_figure(gap: &str) -> bool {
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 6
        && words.contains(&"to")
        && words.iter().all(|w| {
            matches!(
                *w,
                "to" | "up"
                    | "down"
                    | "a"
                    | "the"
                    | "new"
                    | "range"
                    | "of"
                    | "between"
                    | "now"
                    | "approximately"
                    | "about"
                    | "per"
                    | "share"
                    | "diluted"
            )
        })
}

/// A verb that reports a result (`was`, `totaled`, `grew`, `declined`).
fn is_past(c: &Cue) -> bool {
    matches!(c, Cue::Past | Cue::Up { past: true } | Cue::Down { past: true })
}

/// True for a period wholly after the call's: not even its first part has results.
fn not_begun(ctx: &Context<'_>, p: &Period) -> bool {
    ctx.call.is_future(p) && ctx.call.so_far(*p).is_none()
}

/// `'s` (or `’s`) and nothing else: the words before it own what follows.
fn possessive(gap: &str) -> bool {
    matches!(gap.trim(), "'s" | "’s")
}
