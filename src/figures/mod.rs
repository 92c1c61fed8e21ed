//! Headline figures: find the amounts, percentages and ranges a call states, read each
//! into typed parts (metric, basis, scope, period, kind, comparison, sign) tied to where
//! it was said, check the translation against them, report conflicting statements and
//! pick the headline table.
//!
//! The stages, one module each: [`grammar`] finds numbers; [`lexicon`] finds the words
//! of the [`vocabulary`] and the cue words in one pass; [`period`], [`scope`] and
//! [`discourse`] read periods, qualifiers and what a passage is about; [`reading`] ties
//! each figure to its metric; [`conflicts`] and [`headline`] work over a whole call.

pub mod conflicts;
pub mod discourse;
pub mod grammar;
pub mod headline;
pub mod lexicon;
pub mod period;
pub mod reading;
pub mod scope;
pub mod translation;
pub mod vocabulary;
mod wordset;

use std::sync::LazyLock;

use serde::Serialize;

use crate::diagnostic::{Warning, WarningKind};
use crate::transcript::{Call, Section, Turn};
use discourse::{Discourse, Topic};
use grammar::{Match, Quantity, Unit};
use headline::HeadlineRow;
use lexicon::{Hit, Lex, Lexicon};
use period::{CallPeriod, Period};
pub use reading::{Comparison, Direction, Kind};
use reading::{Context, Reading};
use scope::Scope;
use vocabulary::PhraseMeaning;
use vocabulary::{Basis, MetricId, Vocabulary};

/// One figure stated on the call, tied to where it was said.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// `f1`, `f2`, … in order of the transcript.
    pub id: String,
    /// The metric's canonical name from the vocabulary (`revenue`, `EPS`), or none when
    /// the words do not tie the figure to a metric.
    pub metric: Option<String>,
    /// The label composed from metric, basis, segment and sign: `Adjusted EPS`, `AWS
    /// operating income`, `Net loss`.
    pub label: Option<String>,
    /// The basis stated (`adjusted`, `GAAP`, `non-GAAP`, `core`, `organic`, …).
    pub basis: Option<Basis>,
    /// `total`, `segment` or `item` (a part that is never a headline).
    pub scope: Scope,
    /// The segment, for a segment figure.
    pub segment: Option<String>,
    /// Actual, change, guidance or prior (a comparison base).
    pub kind: Kind,
    /// The figure states a change rather than a level.
    pub change: bool,
    /// What a change or a base compares with: `yoy`, `qoq`, `constant-currency`, `guidance`,
    /// `earlier`, `two-years`.
    pub comparison: Option<Comparison>,
    /// Stated direction of a change.
    pub direction: Option<Direction>,
    /// The value (for a single figure), negative for a loss.
    pub value: Option<f64>,
    /// The low end (for a range).
    pub low: Option<f64>,
    /// The high end (for a range).
    pub high: Option<f64>,
    /// What the value measures; JSON writes its code (`USD`, `%`, `bps`, `pts`, `x`,
    /// `number`, `count`).
    pub unit: Unit,
    /// `2024-Q1`, `FY2018-Q3`, `2024`, `FY2024`, `TTM`, … (see [`Period::key`]).
    pub period: Period,
    /// Speaker id.
    pub speaker: String,
    /// Turn id.
    pub turn: String,
    /// Paragraph anchor on the call page (`t3-p1`).
    pub paragraph: String,
    /// Prepared remarks or Q&A.
    pub section: Section,
    /// Source line.
    pub line: usize,
    /// The figure as written.
    pub text: String,
    /// For a change or a base: the id of the level it belongs to.
    pub of: Option<String>,
    /// For a level: the id of the base it is compared with.
    pub prior: Option<String>,
    #[serde(skip)]
    quantities: Vec<Quantity>,
    #[serde(skip)]
    metric_id: Option<MetricId>,
    /// The metric was named in the figure's own clause.
    #[serde(skip)]
    explicit: bool,
    /// Its own sentence names its period (not carried from the passage).
    #[serde(skip)]
    dated: bool,
    /// Which sentence of the call it was stated in.
    #[serde(skip)]
    sentence: usize,
    /// The transcriber marked it unsure (`$1.1 [Phonetic]`): shown where nothing else
    /// states it, never over another statement, never one side of a conflict.
    #[serde(skip)]
    uncertain: bool,
}

impl Figure {
    /// True when two figures state the same value (to either's precision).
    pub fn agrees_with(&self, other: &Figure) -> bool {
        self.quantities.len() == other.quantities.len()
            && self
                .quantities
                .iter()
                .zip(&other.quantities)
                .all(|(a, b)| a.agrees_with(b))
    }

    /// The metric's id in the vocabulary the call was read with.
    pub fn metric_id(&self) -> Option<MetricId> {
        self.metric_id
    }
}

/// A figure's place in its paragraph, for marking it up.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Byte offset in the paragraph text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// Machine-readable value (`143300000000`, or `144000000000..149000000000`).
    pub value: String,
    /// Index into [`Figures::figures`] when the number is a figure.
    pub figure: Option<usize>,
}

/// Everything figures adds to a call.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    /// Every figure, in transcript order.
    pub figures: Vec<Figure>,
    /// The headline table, in display order.
    pub headline: Vec<HeadlineRow>,
    /// Marks per turn, per paragraph.
    #[serde(skip)]
    pub marks: Vec<Vec<Vec<Mark>>>,
}

impl Figures {
    /// True when every headline row shows figures of this call, of its own metric, and
    /// the table has at most [`headline::MAX_ROWS`] rows: what every call's table must be,
    /// checked by the property and fuzz tests.
    pub fn headline_is_sound(&self) -> bool {
        let find = |id: &str| self.figures.iter().find(|f| f.id == id);
        self.headline.len() <= headline::MAX_ROWS
            && self.headline.iter().all(|r| {
                let shown = find(&r.figure);
                let value = r.value_figure.as_deref().map(find);
                let change = r.change_figure.as_deref().map(find);
                shown.is_some_and(|f| f.metric.as_deref() == Some(r.metric.as_str()))
                    && value.is_none_or(|v| v.is_some_and(|f| !f.change))
                    && change.is_none_or(|c| c.is_some_and(|f| f.change))
            })
    }
}

/// Reads figures with one vocabulary, compiled once and shared by every call of a build.
#[derive(Debug, Clone)]
pub struct FigureReader {
    vocabulary: Vocabulary,
    lexicon: Lexicon,
}

static BUILTIN: LazyLock<FigureReader> = LazyLock::new(|| FigureReader::new(Vocabulary::builtin()));

impl FigureReader {
    /// A reader for `vocabulary`.
    pub fn new(vocabulary: Vocabulary) -> FigureReader {
        let lexicon = Lexicon::new(&vocabulary);
        FigureReader { vocabulary, lexicon }
    }

    /// The reader with the builtin vocabulary.
    pub fn builtin() -> &'static FigureReader {
        &BUILTIN
    }

    /// The vocabulary it reads with.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Extracts the figures of `call`, adds translation and conflict warnings to it, and
    /// chooses the headline.
    pub fn extract(&self, call: &mut Call) -> Figures {
        let m = &call.meta;
        let speaks_fiscal = m.date.is_none()
            && call
                .turns
                .iter()
                .flat_map(|t| &t.paragraphs)
                .any(|p| period::speaks_fiscal(&p.text));
        let period = CallPeriod::new(m.year, m.quarter, m.date.as_deref(), speaks_fiscal);
        let segments =
            discourse::segments_named(call.turns.iter().flat_map(|t| &t.paragraphs).map(|p| p.text.as_str()));
        let names = scope::Names::new(segments, &m.ticker, &m.company);
        let ctx = Context {
            vocabulary: &self.vocabulary,
            call: &period,
            names: &names,
        };
        let mut out = Figures::default();
        let mut warnings = Vec::new();
        let mut sentence_count = 0;
        // Segments opened so far are the call's, not one speaker's: the CFO's `Mac
        // generated revenue of $7.8 billion` is about the Mac the CEO turned to.
        let mut seen_segments = Vec::new();
        let mut per_share_measure = None;
        for turn in &call.turns {
            let mut state = TurnState {
                ctx: &ctx,
                lexicon: &self.lexicon,
                discourse: Discourse {
                    seen_segments: std::mem::take(&mut seen_segments),
                    per_share_measure,
                    ..Discourse::default()
                },
                sentence: &mut sentence_count,
            };
            let mut turn_marks = Vec::with_capacity(turn.paragraphs.len());
            for (pi, p) in turn.paragraphs.iter().enumerate() {
                // Most paragraphs state no number at all: skip them before any regex runs.
                let matches = if grammar::has_digit(&p.text) || p.text.contains("illion") {
                    grammar::english(&p.text)
                } else {
                    Vec::new()
                };
                let readings = state.read_paragraph(&p.text, &matches);
                // Only a paragraph with figures needs its anchor written out.
                let anchor = if readings.iter().any(|(r, _)| r.is_some()) {
                    format!("{}-p{}", turn.id, pi + 1)
                } else {
                    String::new()
                };
                let mut marks = Vec::with_capacity(matches.len());
                // Figures of the sentence being read, by their index in it, so that a
                // change or a base can name the level it belongs to.
                let mut in_sentence: (usize, Vec<Option<usize>>) = (usize::MAX, Vec::new());
                // Bases stated before their level: (the base's figure, the level's index
                // in the sentence).
                let mut bases_waiting: Vec<(usize, usize)> = Vec::new();
                for (m, (reading, sentence)) in matches.iter().zip(readings) {
                    if in_sentence.0 != sentence {
                        in_sentence = (sentence, Vec::new());
                        bases_waiting.clear();
                    }
                    let here = in_sentence.1.len();
                    if let Some(r) = reading.as_ref().and_then(|r| r.of.filter(|k| *k > here)) {
                        bases_waiting.push((out.figures.len(), r));
                    }
                    let figure = reading.map(|r| {
                        let level = r.of.and_then(|k| in_sentence.1.get(k).copied().flatten());
                        let n = out.figures.len() + 1;
                        let mut f = self.figure(&p.text, m, r, turn, &anchor, p.line, n, sentence);
                        if let Some(level) = level {
                            f.of = Some(out.figures[level].id.clone());
                            if f.kind == Kind::Prior && out.figures[level].prior.is_none() {
                                out.figures[level].prior = Some(f.id.clone());
                            }
                        }
                        out.figures.push(f);
                        n - 1
                    });
                    if let Some(level) = figure {
                        for (base, _) in bases_waiting.iter().filter(|(_, k)| *k == here) {
                            out.figures[*base].of = Some(out.figures[level].id.clone());
                            if out.figures[level].prior.is_none() {
                                out.figures[level].prior = Some(out.figures[*base].id.clone());
                            }
                        }
                    }
                    in_sentence.1.push(figure);
                    marks.push(Mark {
                        start: m.start,
                        end: m.end,
                        value: data_value(m),
                        figure,
                    });
                }
                turn_marks.push(marks);
                if let Some(tr) = &p.translation {
                    warnings.extend(translation_warnings(
                        &p.text,
                        &matches,
                        tr,
                        p.translation_line.unwrap_or(p.line),
                    ));
                }
            }
            out.marks.push(turn_marks);
            seen_segments = state.discourse.seen_segments;
            per_share_measure = state.discourse.per_share_measure;
        }
        attribute_echoes(&mut out.figures);
        warnings.extend(conflicts::find(&out.figures, call, &self.vocabulary));
        out.headline = headline::choose(&out.figures, call, &period, &self.vocabulary);
        call.warnings.extend(warnings);
        call.warnings.sort_by_key(|w| w.line);
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn figure(
        &self,
        text: &str,
        m: &Match,
        r: Reading,
        turn: &Turn,
        anchor: &str,
        line: usize,
        n: usize,
        sentence: usize,
    ) -> Figure {
        let sign = if r.negative { -1.0 } else { 1.0 };
        let (value, low, high) = match &m.high {
            None => (Some(sign * m.low.value), None, None),
            Some(h) => (None, Some(sign * m.low.value), Some(sign * h.value)),
        };
        let def = r.metric.map(|id| self.vocabulary.def(id));
        Figure {
            id: format!("f{n}"),
            metric: def.map(|d| d.name.clone()),
            label: r
                .metric
                .map(|id| label(&self.vocabulary, id, r.basis, r.segment.as_deref(), r.negative)),
            basis: r.basis.filter(|_| r.metric.is_some()),
            scope: r.scope,
            segment: r.segment,
            kind: r.kind,
            change: r.change,
            comparison: r.comparison,
            direction: r.direction,
            value,
            low,
            high,
            unit: m.low.unit,
            period: r.period,
            speaker: turn.speaker.clone(),
            turn: turn.id.clone(),
            paragraph: anchor.to_string(),
            section: turn.section,
            line,
            text: text[m.start..m.end].to_string(),
            of: None,
            prior: None,
            quantities: m.quantities().cloned().collect(),
            metric_id: r.metric,
            explicit: r.explicit,
            dated: r.dated,
            sentence,
            uncertain: marked_unsure(&text[m.end..]),
        }
    }
}

/// Marks transcribers put after words they could not hear for sure.
const UNSURE_MARKS: &[&str] = &[
    "[phonetic]",
    "[ph]",
    "(ph)",
    "[indecipherable]",
    "[inaudible]",
    "[indiscernible]",
];

/// True when `after` (the text right after a figure) opens with an unsure mark.
fn marked_unsure(after: &str) -> bool {
    let after = after.trim_start();
    UNSURE_MARKS
        .iter()
        .any(|m| discourse::starts_with_ignore_case(after, m))
}

/// Extracts the figures of `call` with the builtin vocabulary (see [`FigureReader::extract`]).
pub fn extract(call: &mut Call) -> Figures {
    FigureReader::builtin().extract(call)
}

/// The label of a metric as stated: `[segment] [basis] metric`, with the metric's loss
/// name for a negative value (`Net loss`). Only vocabulary names, basis words and the
/// segment the call names ever appear in it.
pub fn label(
    vocabulary: &Vocabulary,
    id: MetricId,
    basis: Option<Basis>,
    segment: Option<&str>,
    negative: bool,
) -> String {
    let def = vocabulary.def(id);
    let name = match (&def.loss_name, negative) {
        (Some(loss), true) => loss.as_str(),
        _ => def.name.as_str(),
    };
    let mut parts: Vec<&str> = Vec::with_capacity(3);
    if let Some(s) = segment {
        parts.push(s);
    }
    // A basis the segment's name or the metric's already says is not said twice.
    let said = |word: &str| {
        segment.is_some_and(|s| s.split_whitespace().any(|w| w.eq_ignore_ascii_case(word)))
            || name.split_whitespace().any(|w| w.eq_ignore_ascii_case(word))
    };
    if let Some(b) = basis.filter(|b| !said(b.word())) {
        parts.push(b.word());
    }
    parts.push(name);
    let text = parts.join(" ");
    // `iPhone revenue` keeps its brand's capitals; `adjusted EPS` starts a label.
    let first_word = text.split_whitespace().next().unwrap_or("");
    if first_word.chars().skip(1).any(char::is_uppercase) {
        return text;
    }
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The reading state of one turn: the discourse carried from sentence to sentence.
struct TurnState<'a, 'b> {
    ctx: &'a Context<'a>,
    lexicon: &'a Lexicon,
    discourse: Discourse,
    sentence: &'b mut usize,
}

impl TurnState<'_, '_> {
    /// A topic whose name is a metric's (`Now let me discuss SG&A.`) is the company's:
    /// a metric is no line of business.
    fn metric_is_no_segment(&self, topic: Topic) -> Topic {
        let Topic::Segment(name) = &topic else {
            return topic;
        };
        let lower = name.to_ascii_lowercase();
        let whole_metric =
            self.lexicon.hits(name, &lower).iter().any(|h| {
                h.start == 0 && h.end == name.len() && matches!(h.lex, Lex::Phrase(PhraseMeaning::Metric { .. }))
            });
        if whole_metric { Topic::Company(None) } else { topic }
    }

    /// Reads every figure of one paragraph, sentence by sentence; returns each figure's
    /// reading and the call-wide index of its sentence.
    fn read_paragraph(&mut self, text: &str, matches: &[Match]) -> Vec<(Option<Reading>, usize)> {
        debug_assert!(matches.is_sorted_by_key(|m| m.start), "figures out of text order");
        let sentences = bounded(sentences(text), text, matches);
        // One lowercased copy per paragraph, sliced per sentence (same byte offsets).
        let lower = text.to_ascii_lowercase();
        let outlook_nouns = discourse::outlook_nouns(&lower);
        let mut out = Vec::with_capacity(matches.len());
        self.discourse.paragraph_segment = None;
        self.discourse.paragraph_period = None;
        for (s_start, s_end) in sentences {
            *self.sentence += 1;
            let sentence = &text[s_start..s_end];
            self.discourse.age_segment(sentence);
            self.discourse.age_outlook();
            // Matches come in text order: the sentence's own are a slice found by bisection
            // (filtering all of them for each sentence made a long paragraph cost n²).
            let first = matches.partition_point(|m| m.start < s_start);
            let last = first + matches[first..].partition_point(|m| m.start < s_end);
            let figs: Vec<(usize, usize, &Match)> = matches[first..last]
                .iter()
                .map(|m| (m.start - s_start, m.end.min(s_end) - s_start, m))
                .collect();
            let topic = may_open_topic(sentence)
                .then(|| discourse::topic(sentence, self.ctx.call, &self.ctx.names.segments))
                .flatten()
                .or_else(|| {
                    let named = outlook_nouns.iter().any(|at| (s_start..s_end).contains(at));
                    (figs.is_empty() && named)
                        .then(|| discourse::outlook(sentence, self.ctx.call))
                        .flatten()
                });
            if let Some(t) = topic {
                let t = self.metric_is_no_segment(t);
                self.discourse.open(t);
            }
            if figs.is_empty() {
                if let Some(frame) = discourse::results_frame(sentence, self.ctx.call) {
                    self.discourse.period = frame;
                }
                continue;
            }
            // Only sentences with figures are scanned for metric words and cues.
            let local: Vec<Hit> = self.lexicon.hits(sentence, &lower[s_start..s_end]);
            let readings = reading::read_sentence(
                self.ctx,
                &mut self.discourse,
                (sentence, &lower[s_start..s_end]),
                &figs,
                &local,
            );
            out.extend(readings.into_iter().map(|r| (r, *self.sentence)));
        }
        out
    }
}

/// A cheap test before the topic regex: topic sentences open with one of a few words.
fn may_open_topic(sentence: &str) -> bool {
    let first = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if first.len() > 10 {
        return false;
    }
    let mut buf = [0u8; 10];
    buf[..first.len()].copy_from_slice(first.as_bytes());
    buf[..first.len()].make_ascii_lowercase();
    let first = std::str::from_utf8(&buf[..first.len()]).unwrap_or("");
    matches!(
        first,
        "now"
            | "next"
            | "finally"
            | "lastly"
            | "first"
            | "second"
            | "third"
            | "so"
            | "and"
            | "ok"
            | "okay"
            | "all"
            | "with"
            | "then"
            | "briefly"
            | "turning"
            | "turn"
            | "moving"
            | "move"
            | "shifting"
            | "shift"
            | "switching"
            | "let"
            | "let's"
            | "i'll"
            | "we'll"
            | "i'd"
            | "i'm"
            | "i"
            | "we"
            | "looking"
            | "going"
            | "back"
            | "as"
            | "regarding"
            | "on"
            | "coming"
            | "getting"
            | "pivoting"
            | "a"
            | "some"
            | "talking"
            | "taking"
            | "take"
    )
}

/// Splits a paragraph into sentences (a stop followed by a space and a capital letter,
/// a digit or `$`, not after an initial such as `U.S.` or `R.`): byte ranges.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    // About one sentence per 100 bytes: room for them all, most of the time.
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    let bytes = text.as_bytes();
    // Jump from stop to stop (memchr) rather than testing every byte.
    for i in memchr::memchr3_iter(b'.', b'?', b'!', bytes) {
        if i < start || bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next = text[i + 2..].chars().next();
        let initial = i >= 2 && bytes[i - 2] == b'.'
            || (i >= 1 && bytes[i - 1].is_ascii_uppercase() && (i < 2 || bytes[i - 2] == b' '));
        if next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '$') && !initial {
            out.push((start, i + 1));
            start = i + 2;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// The longest piece of text read as one sentence. Reading a sentence relates each of its
/// figures to its words, so its cost grows with length × figures: a table pasted as one
/// "sentence" of 1,000 amounts took ten seconds. Real sentences stay far below this.
const MAX_SENTENCE_BYTES: usize = 1_200;

/// `sentences` with every sentence longer than [`MAX_SENTENCE_BYTES`] cut into pieces at
/// clause breaks (`;`, `,`, else a space) that fall outside every figure of `matches`,
/// so reading a paragraph stays linear in its length whatever its punctuation.
fn bounded(sentences: Vec<(usize, usize)>, text: &str, matches: &[Match]) -> Vec<(usize, usize)> {
    if sentences.iter().all(|(a, b)| b - a <= MAX_SENTENCE_BYTES) {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for (mut start, end) in sentences {
        while end - start > MAX_SENTENCE_BYTES {
            let window = &text.as_bytes()[start..start + MAX_SENTENCE_BYTES];
            let break_after = |stops: &[u8]| {
                window
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, b)| stops.contains(b))
                    .map(|(i, _)| start + i + 1)
                    .find(|&at| at > start && text.is_char_boundary(at) && figure_around(matches, at).is_none())
            };
            // A piece as long as a sentence ends at a clause break; failing that at a
            // space; a run of 1,200 bytes without either is cut after the figure (or
            // character) it ends in.
            let cut = break_after(b";,")
                .or_else(|| break_after(b" "))
                .unwrap_or_else(|| forced_cut(text, start + MAX_SENTENCE_BYTES, matches).min(end));
            out.push((start, cut));
            start = cut;
        }
        out.push((start, end));
    }
    out.retain(|(a, b)| b > a);
    out
}

/// The figure of `matches` (in text order) that byte `at` falls strictly inside.
fn figure_around(matches: &[Match], at: usize) -> Option<&Match> {
    let k = matches.partition_point(|m| m.end <= at);
    matches.get(k).filter(|m| m.start < at)
}

/// The first offset at or after `at` that is a character boundary outside every figure.
fn forced_cut(text: &str, at: usize, matches: &[Match]) -> usize {
    let mut cut = figure_around(matches, at).map_or(at, |m| m.end);
    while !text.is_char_boundary(cut) {
        cut += 1;
    }
    cut
}

/// A figure stated without a segment whose value a segment's figure of the same metric,
/// kind and period states too is that segment's, said again (`we target more than one
/// billion US dollars in revenue from ASIC in 2026` … `for 2026, we target over $1
/// billion in revenue`): a total that equals a segment's value is no total.
fn attribute_echoes(figures: &mut [Figure]) {
    let segment_figures: Vec<(usize, Option<MetricId>, Kind, Period, String)> = figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.scope == Scope::Segment && f.metric_id.is_some())
        .filter_map(|(i, f)| Some((i, f.metric_id, f.kind, f.period, f.segment.clone()?)))
        .collect();
    if segment_figures.is_empty() {
        return;
    }
    for i in 0..figures.len() {
        let f = &figures[i];
        if f.scope != Scope::Total || f.metric_id.is_none() || f.change {
            continue;
        }
        let echo = segment_figures
            .iter()
            .find(|(j, m, k, p, _)| {
                *j != i && *m == f.metric_id && *k == f.kind && *p == f.period && same_value(&figures[*j], f)
            })
            .map(|(_, _, _, _, s)| s.clone());
        if let Some(segment) = echo {
            let f = &mut figures[i];
            f.scope = Scope::Segment;
            f.label = f.label.as_ref().map(|l| format!("{segment} {}", lowercase_first(l)));
            f.segment = Some(segment);
        }
    }
}

/// True when two figures state exactly the same value (not merely within rounding).
fn same_value(a: &Figure, b: &Figure) -> bool {
    let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    };
    close(a.value, b.value) && close(a.low, b.low) && close(a.high, b.high)
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

fn data_value(m: &Match) -> String {
    match &m.high {
        None => format!("{}", m.low.value),
        Some(h) => format!("{}..{}", m.low.value, h.value),
    }
}

fn translation_warnings(original: &str, matches: &[Match], translation: &str, line: usize) -> Vec<Warning> {
    // `flat to down 6%`: a translation states the 6%; its zero end goes without saying.
    let checked: Vec<Match> = matches
        .iter()
        .filter(|m| m.low.unit.is_translated())
        .map(|m| match &m.high {
            Some(high) if m.low.value == 0.0 => Match {
                low: high.clone(),
                high: None,
                ..m.clone()
            },
            _ => m.clone(),
        })
        .collect();
    translation::check_matches(original, &checked, translation)
        .into_iter()
        .map(|miss| {
            let found = if miss.unpaired_translation.is_empty() {
                "the translation states no such figure".to_string()
            } else {
                format!("the translation has {}", miss.unpaired_translation.join(", "))
            };
            Warning::new(
                line,
                WarningKind::TranslationMismatch,
                format!(
                    "translation does not state `{}` of the original ({found})",
                    miss.original
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_stops_not_initials() {
        let s = sentences("We grew in the U.S. market. Revenue was $1.5 billion. Andrew R. Jassy spoke.");
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn labels_are_built_from_parts() {
        let v = Vocabulary::builtin();
        let eps = v.id("EPS").unwrap();
        assert_eq!(label(&v, eps, Some(Basis::Adjusted), None, false), "Adjusted EPS");
        assert_eq!(label(&v, eps, None, None, true), "Loss per share");
        let ni = v.id("net income").unwrap();
        assert_eq!(label(&v, ni, None, None, true), "Net loss");
        let oi = v.id("operating income").unwrap();
        assert_eq!(label(&v, oi, None, Some("AWS"), false), "AWS operating income");
        assert_eq!(
            label(&v, eps, Some(Basis::Adjusted), Some("Adjusted"), false),
            "Adjusted EPS"
        );
    }
}
