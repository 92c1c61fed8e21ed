//! Decides which layout a transcript is in by scoring every layout's markers.

use crate::transcript::Lines;
use crate::transcript::layouts::{
    alphamemo, bilingual, fool, generic, html, inline, json, markdown, seeking_alpha, streetevents, tagged, tokens,
};
use crate::transcript::model::Call;

/// The transcript layouts callpress reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Bullets of original text each followed by a translation line.
    Bilingual,
    /// Motley Fool classic (`Name -- Title` headers, `Prepared Remarks:`).
    Fool,
    /// Seeking Alpha (participant lists, `Question-and-Answer Session`).
    SeekingAlpha,
    /// Refinitiv / LSEG StreetEvents text from PDF.
    StreetEvents,
    /// Inline `Name: text` paragraphs.
    Inline,
    /// Bilingual Markdown with `(hh:mm:ss)` timestamps.
    TimestampedMarkdown,
    /// `[EN]` / `[中]` tagged paragraph pairs.
    Tagged,
    /// JSON statement lists.
    Json,
    /// Markdown with `## Speaker` headings.
    Markdown,
    /// HTML pages (text extracted, then detected again).
    Html,
    /// Token tables of speech benchmarks (`token|speaker|…`, one word a line).
    Tokens,
    /// The fallback reader.
    Generic,
}

/// A layout's parser could not read the file at all (invalid JSON, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutError {
    /// 1-based line (of the body).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Layout {
    /// Every layout detection scores, in order of preference on a tie.
    const SCORED: [Layout; 11] = [
        Layout::Json,
        Layout::Html,
        Layout::Tokens,
        Layout::Bilingual,
        Layout::TimestampedMarkdown,
        Layout::Tagged,
        Layout::StreetEvents,
        Layout::SeekingAlpha,
        Layout::Fool,
        Layout::Inline,
        Layout::Markdown,
    ];

    /// The layout's name, as in `layout:` front matter and `call.json`.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Bilingual => bilingual::NAME,
            Layout::Fool => fool::NAME,
            Layout::SeekingAlpha => seeking_alpha::NAME,
            Layout::StreetEvents => streetevents::NAME,
            Layout::Inline => inline::NAME,
            Layout::TimestampedMarkdown => alphamemo::NAME,
            Layout::Tagged => tagged::NAME,
            Layout::Json => json::NAME,
            Layout::Markdown => markdown::NAME,
            Layout::Html => html::NAME,
            Layout::Tokens => tokens::NAME,
            Layout::Generic => generic::NAME,
        }
    }

    /// Every layout's name.
    pub fn names() -> Vec<&'static str> {
        Self::SCORED
            .iter()
            .map(|l| l.name())
            .chain(std::iter::once(generic::NAME))
            .collect()
    }

    /// The layout called `name`.
    pub fn from_name(name: &str) -> Option<Layout> {
        Self::SCORED
            .into_iter()
            .chain(std::iter::once(Layout::Generic))
            .find(|l| l.name() == name.trim())
    }

    fn score(self, text: &str) -> f32 {
        match self {
            Layout::Bilingual => bilingual::score(text),
            Layout::Fool => fool::score(text),
            Layout::SeekingAlpha => seeking_alpha::score(text),
            Layout::StreetEvents => streetevents::score(text),
            Layout::Inline => inline::score(text),
            Layout::TimestampedMarkdown => alphamemo::score(text),
            Layout::Tagged => tagged::score(text),
            Layout::Json => json::score(text),
            Layout::Markdown => markdown::score(text),
            Layout::Html => html::score(text),
            Layout::Tokens => tokens::score(text),
            Layout::Generic => 0.0,
        }
    }

    /// Runs this layout's parser.
    pub fn parse(self, lines: &Lines<'_>) -> Result<Call, LayoutError> {
        Ok(match self {
            Layout::Bilingual => bilingual::parse(lines),
            Layout::Fool => fool::parse(lines),
            Layout::SeekingAlpha => seeking_alpha::parse(lines),
            Layout::StreetEvents => streetevents::parse(lines),
            Layout::Inline => inline::parse(lines),
            Layout::TimestampedMarkdown => alphamemo::parse(lines),
            Layout::Tagged => tagged::parse(lines),
            Layout::Markdown => markdown::parse(lines),
            Layout::Tokens => tokens::parse(lines),
            Layout::Generic => generic::parse(lines, &Self::names()),
            Layout::Json => {
                let parsed = json::parse(lines.text()).map_err(|(line, column, message)| LayoutError {
                    line: line + lines.offset(),
                    message: format!("{message} (column {column})"),
                })?;
                match parsed {
                    json::Parsed::Call(call) => call,
                    json::Parsed::Text { text, meta } => {
                        let mut call = parse_lines_as_blocks(&text, json::NAME)?;
                        call.meta.fill_missing(meta);
                        call
                    }
                }
            }
            Layout::Html => {
                if let Some(deep) = crate::content::limits::html_too_deep(lines.text()) {
                    return Err(LayoutError {
                        line: deep.line + lines.offset(),
                        message: format!("elements nested deeper than {} levels", deep.limit),
                    });
                }
                parse_inner(&html::to_text(lines.text()), html::NAME)?
            }
        })
    }
}

/// An API's transcript string often puts one turn a line with no blank line between
/// (`Operator: Good day…\nTim Cook: Thank you…`), where the text readers expect blocks:
/// such a text is read with a blank line after every line, and its lines numbered back.
fn parse_lines_as_blocks(text: &str, container: &str) -> Result<Call, LayoutError> {
    let lines = text.trim_end().lines();
    let blank = lines.clone().any(|l| l.trim().is_empty());
    if blank || lines.count() < 3 {
        return parse_inner(text, container);
    }
    let mut call = parse_inner(&text.replace('\n', "\n\n"), container)?;
    call.map_lines(|line| line.div_ceil(2));
    Ok(call)
}

/// Reads the text a container (an HTML page, a JSON record) holds with the text layout
/// that fits it; the call's layout says both (`html/fool`, `json/inline`).
fn parse_inner(text: &str, container: &str) -> Result<Call, LayoutError> {
    let inner = match detect(text) {
        None | Some(Layout::Html | Layout::Json) => Layout::Generic,
        Some(layout) => layout,
    };
    let mut call = inner.parse(&Lines::new(text, 0))?;
    call.layout = format!("{container}/{}", call.layout);
    Ok(call)
}

/// Detection reads the head of a file: every family's markers (titles, participant
/// lists, headers, the Q&A marker) show within its first few hundred lines, and scoring
/// ten layouts over a whole 100 KB transcript would cost more than parsing it.
const SAMPLE_LINES: usize = 400;
const SAMPLE_BYTES: usize = 48 * 1024;
const CERTAIN: f32 = 0.95;

fn head(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text[..end]
        .match_indices('\n')
        .nth(SAMPLE_LINES)
        .map_or(end, |(i, _)| i);
    &text[..cut]
}

/// The best-scoring layout for `text`, or `None` when no layout's markers are present.
pub fn detect(text: &str) -> Option<Layout> {
    let sample = head(text);
    let mut best: Option<(f32, Layout)> = None;
    for layout in Layout::SCORED {
        let s = layout.score(sample);
        if s > 0.0 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, layout));
        }
        // A near-certain score (a JSON or HTML document, a file of bullet pairs) cannot be
        // beaten; scoring the rest would only cost time.
        if s >= CERTAIN {
            break;
        }
    }
    best.map(|(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_family_is_told_apart() {
        let cases = [
            ("  • Operator\n    Operator\n  • Hi.\n    你好。\n", Layout::Bilingual),
            (
                "Prepared Remarks:\n\nOperator\n\nHi.\n\nAl Bo -- CEO\n\nYes.\n\nQuestions and Answers:\n",
                Layout::Fool,
            ),
            (
                "X Inc. (NYSE:X) Q1 2024 Earnings Call May 1, 2024\nExecutives\nAl Bo - X Inc.\nAnalysts\nCy Do - Bank\nOperator\nHi.\nQuestion-and-Answer Session\n",
                Layout::SeekingAlpha,
            ),
            (
                "CORPORATE PARTICIPANTS\nAl Bo\nX - CEO\nPRESENTATION\nOperator\nHi.\n",
                Layout::StreetEvents,
            ),
            (
                "Operator: Hi.\n\nAl Bo: Thanks.\n\nCy Do: Question.\n\nAl Bo: Answer.\n",
                Layout::Inline,
            ),
            (
                "## Transcript\n**Al Bo - X, CEO**\n(00:00:01) Hi.\n(00:00:01) 你好。\n",
                Layout::TimestampedMarkdown,
            ),
            ("[EN] Operator: Hi.\n[中] 你好。\n", Layout::Tagged),
            ("{\"call_transcript\": []}", Layout::Json),
            ("<!doctype html><html><body><p>Hi</p></body></html>", Layout::Html),
        ];
        for (text, layout) in cases {
            assert_eq!(detect(text), Some(layout), "{text}");
        }
        assert_eq!(detect("just some words\n"), None);
    }
}
