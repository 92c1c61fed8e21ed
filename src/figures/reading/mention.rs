//! Metric phrases of a sentence: what qualifies each (basis, segment, a part, a share's
//! denominator) and which of them name a metric at all.

use super::*;

impl Mention {
    pub(super) fn blocker(start: usize, end: usize) -> Mention {
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
            readjusted: false,
        }
    }

    pub(super) fn read(
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
            // `new revenue` is revenue added; `the new revenue guidance` is a forecast
            // renewed, of the whole company's revenue.
            scope: if before.item
                || (before.novel && !news && !forecast_after(&text[end..]) && !record_after(&text[end..]))
            {
                Scope::Item
            } else {
                Scope::Total
            },
            segment: before.segment,
            this_segment: before.this_segment,
            total: before.total,
            share: false,
            segment_named,
            readjusted: false,
        };
        if deducted(&text[..start]) {
            m.metric = None;
        }
        // `adjusted FFO per share`: a per-share phrase after a metric with a per-share
        // sibling names that sibling (see `per_share_siblings`), not another noun.
        let per_share_after = ctx.vocabulary.def(id).per_share.is_some() && {
            let rest = text[end..].trim_start().to_ascii_lowercase();
            [
                "per share",
                "per diluted",
                "per unit",
                "per common",
                "per fully",
                "per basic",
            ]
            .iter()
            .any(|p| rest.starts_with(p))
        };
        // `earnings per share loss of $0.26`: the sign of a per-share figure.
        let loss_after = ctx.vocabulary.def(id).measure == Measure::PerShare
            && text[end..].trim_start().to_ascii_lowercase().starts_with("loss");
        if loss_after {
            m.negative = true;
        }
        match after {
            After::NotMetric if per_share_after || loss_after => {}
            After::NotMetric => m.metric = None,
            After::Segment(s) if m.segment.is_none() && m.scope != Scope::Item => m.segment = Some(s),
            After::ThisSegment => m.this_segment = true,
            After::Item => m.scope = Scope::Item,
            After::Total => m.total = true,
            After::Excluding => {
                m.readjusted = m.basis.is_some_and(|b| b != Basis::Gaap);
                m.basis = m.basis.or(Some(Basis::Adjusted));
            }
            _ => {}
        }
        if m.segment.is_some() && m.scope != Scope::Item {
            m.scope = Scope::Segment;
        }
        m
    }
}

/// `lower` without trailing filler words (`by`, `of`, `approximately`, `about`).
/// Metric words inside the words that qualify an earlier metric (`expenses` in `earnings
/// per share excluding the impact of acquisition expenses`) name no metric of their own.
pub(super) fn drop_qualifying_words(mentions: &mut Vec<Mention>) {
    let mut reach = 0;
    mentions.retain(|m| {
        let keep = m.start >= reach;
        if keep {
            reach = reach.max(m.tail);
        }
        keep
    });
}

/// True when `before` ends a share's `X% of [our total]`: the phrase after it is the
/// whole the share is of.
pub(super) fn is_share_denominator(before: &str) -> bool {
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

/// `Our effective tax rate on adjusted earnings was 13.5%`, `the yield on loans`: a
/// metric named as what a ratio is taken on is its denominator, and no figure after it
/// states it (the 13.5% is the tax rate, not a change of earnings). The same holds for
/// what a unit price is the price of: `the average selling price of homes delivered
/// increased 6% to $466,000` states the price, not deliveries. So do the terms of a
/// ratio the sentence names by them (`The ratio of direct expense to net premiums
/// earned`). `text` is the sentence and `lower` the same ASCII-lowercased.
pub(super) fn mark_ratio_denominators(mentions: &mut [Mention], (text, lower): (&str, &str), vocabulary: &Vocabulary) {
    for i in 1..mentions.len() {
        let ratio = mentions[i - 1]
            .metric
            .is_some_and(|id| matches!(vocabulary.def(id).measure, Measure::Ratio | Measure::UnitPrice));
        let gap = text[mentions[i - 1].end..mentions[i].lead.max(mentions[i - 1].end)].trim();
        let gap = [" our", " the", " its"]
            .iter()
            .find_map(|f| gap.strip_suffix(f))
            .unwrap_or(gap);
        if ratio && matches!(gap.to_ascii_lowercase().as_str(), "on" | "of" | "over") {
            mentions[i].share = true;
        }
    }
    // `The ratio of direct expense to net premiums earned was 10%`: the terms of a ratio
    // the sentence names by its terms (RNR's table had `Premiums earned 10% YoY`).
    // Not the terms of a ratio the vocabulary names (`Our covenant leverage ratio of debt
    // to EBITDA declined to 1.3 times` is the leverage).
    // Most sentences name no ratio.
    if !lower.contains("ratio of ") {
        return;
    }
    let is_ratio = |m: &Mention| {
        m.metric
            .is_some_and(|id| matches!(vocabulary.def(id).measure, Measure::Ratio))
    };
    let terms: Vec<usize> = (0..mentions.len())
        .filter(|&i| {
            !is_ratio(&mentions[i])
                && ratio_named_by_terms(lower, mentions[i].lead).is_some_and(|at| {
                    !mentions
                        .iter()
                        .any(|r| r.metric.is_some() && r.end >= at && r.end <= at + "ratio".len())
                })
        })
        .collect();
    for i in terms {
        mentions[i].share = true;
    }
}

/// Where the `ratio of X to Y` starts whose terms the words at `lead` stand among: the
/// last `ratio of` with no figure or clause mark between (not `a Tier 1 leverage ratio of
/// 13% and a CET1 ratio of …`), with `to` among the terms before the first figure.
/// `lower` is the sentence ASCII-lowercased.
fn ratio_named_by_terms(lower: &str, lead: usize) -> Option<usize> {
    let at = lower[..lead].rfind("ratio of ")?;
    let between = &lower[at..lead];
    if between.contains(|c: char| c.is_ascii_digit() || c == ',' || c == ';') {
        return None;
    }
    let terms_end = lower[at..]
        .find(|c: char| c.is_ascii_digit())
        .map_or(lower.len(), |i| at + i);
    lower[at..terms_end].contains(" to ").then_some(at)
}

/// `adjusted operating earnings and earnings per share of $305 million and $3.54`,
/// `Adjusted first quarter net income and earnings per share were …`: a basis said before
/// an earnings metric qualifies its per-share sibling joined to it by `and`, unless that
/// says its own. (Not other metrics: in `non-GAAP adjusted EPS and revenues of around
/// $8.7 billion` revenue is reported revenue.)
pub(super) fn share_basis_across_and(mentions: &mut [Mention], text: &str, vocabulary: &Vocabulary) {
    for i in 1..mentions.len() {
        let (first, second) = (&mentions[i - 1], &mentions[i]);
        let joined = text[first.end..second.lead.max(first.end)]
            .trim()
            .eq_ignore_ascii_case("and");
        let sibling = first
            .metric
            .is_some_and(|m| vocabulary.def(m).per_share.is_some() && vocabulary.def(m).per_share == second.metric);
        if joined && sibling && second.basis.is_none() {
            // The word said before the first (`adjusted`), not a basis its own phrase
            // carries (`operating earnings`).
            let said = text[first.lead..first.start]
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .find_map(Basis::from_word);
            mentions[i].basis = said.or(first.basis);
        }
    }
}

/// Two metric phrases with nothing between (`cash EPS`, `sales revenue`): the first only
/// qualifies the second.
pub(super) fn merge_adjacent(mentions: &mut Vec<Mention>, text: &str) {
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

/// `a new earnings per share record`: the metric's words followed by `record`, praise of
/// the figure, not an amount added.
fn record_after(after: &str) -> bool {
    let after = after.trim_start();
    discourse::starts_with_ignore_case(after, "record")
        && !after["record".len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// A metric named as a deduction from another amount (`taxable income net of preferred
/// dividends was $0.26 per share`): it qualifies that amount and states nothing itself.
fn deducted(before: &str) -> bool {
    let lower = before.trim_end().to_ascii_lowercase();
    let mut words = lower.rsplit(|c: char| c.is_whitespace()).filter(|w| !w.is_empty());
    let last = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let third = words.next().unwrap_or("");
    // One qualifying word may stand between (`net of preferred dividends`).
    [(second, last), (third, second)]
        .iter()
        .any(|pair| matches!(pair, ("net", "of") | ("exclusive", "of") | ("other", "than")))
        || ["less", "excluding", "minus"].contains(&last)
        || ["less", "excluding", "minus"].contains(&second) && !last.ends_with(',')
}

/// A metric written with `per share` after it (`adjusted FFO per share`, `distributable
/// earnings per diluted share`) is its per-share sibling; the cue is part of the metric's
/// words, not a per-share phrase of the figure.
pub(super) fn per_share_siblings(
    mentions: &mut [Mention],
    cues: &mut Vec<(usize, usize, Cue)>,
    text: &str,
    vocabulary: &Vocabulary,
) {
    for m in mentions.iter_mut() {
        let Some(sibling) = m.metric.and_then(|id| vocabulary.def(id).per_share) else {
            continue;
        };
        let Some(k) = cues
            .iter()
            .position(|(s, _, c)| *c == Cue::PerShare && *s >= m.end && text[m.end..*s].trim().is_empty())
        else {
            continue;
        };
        let (_, end, _) = cues.remove(k);
        m.metric = Some(sibling);
        m.end = end;
        m.tail = m.tail.max(end);
    }
}

/// True when the words right after a metric make it a forecast's (`revenue guidance`,
/// `EPS outlook of`).
fn forecast_after(rest: &str) -> bool {
    let rest = rest.trim_start();
    ["guidance", "outlook", "forecast", "target", "expectation", "range"]
        .iter()
        .any(|w| discourse::starts_with_ignore_case(rest, w))
}
