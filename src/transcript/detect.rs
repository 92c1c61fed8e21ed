//! Decides which layout a transcript is in by scoring every layout's markers.

use crate::transcript::Lines;
use crate::transcript::layouts::{
    bilingual, dash_headers, generic, html, inline, json, markdown, participant_lists, pdf_sections, subtitles, tagged,
    timestamped_markdown, tokens, yaml,
};
use crate::transcript::model::Call;

/// The transcript layouts callpress reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Bullets of original text each followed by a translation line.
    Bilingual,
    /// `Prepared Remarks:` / `Questions and Answers:` headings over `Name -- Title`
    /// header paragraphs (Motley Fool's classic pages).
    DashHeaders,
    /// `Executives` / `Analysts` participant lists, headers naming them, and
    /// `Question-and-Answer Session` (Seeking Alpha's copies).
    ParticipantLists,
    /// PDF text in capitalised sections (`CORPORATE PARTICIPANTS`, `PRESENTATION`) with a
    /// name line and a `Company - Title` line per turn (Refinitiv / LSEG StreetEvents).
    PdfSections,
    /// Inline `Name: text` paragraphs.
    Inline,
    /// Bilingual Markdown with `(hh:mm:ss)` timestamps.
    TimestampedMarkdown,
    /// `[EN]` / `[中]` tagged paragraph pairs.
    Tagged,
    /// JSON statement lists.
    Json,
    /// YAML documents (read as JSON's values).
    Yaml,
    /// Markdown with `## Speaker` headings.
    Markdown,
    /// HTML pages (text extracted, then detected again).
    Html,
    /// Token tables of speech benchmarks (`token|speaker|…`, one word a line).
    Tokens,
    /// WebVTT and SRT subtitles.
    Subtitles,
    /// The general reader, last: it learns the file's own label convention.
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

/// What a layout's parser returns.
pub type Parsed = Result<Call, LayoutError>;

/// One row of the table of layouts: adding a layout is one module and one row.
struct Reader {
    layout: Layout,
    name: &'static str,
    /// How strongly a file's head looks like the layout, 0 to 1.
    score: fn(&str) -> f32,
    parse: fn(&Lines<'_>) -> Parsed,
}

/// Every layout, in order of preference on a tie; the general reader is last and scores 0.
const READERS: [Reader; 14] = [
    Reader {
        layout: Layout::Json,
        name: json::NAME,
        score: json::score,
        parse: parse_json,
    },
    Reader {
        layout: Layout::Yaml,
        name: yaml::NAME,
        score: yaml::score,
        parse: parse_yaml,
    },
    Reader {
        layout: Layout::Html,
        name: html::NAME,
        score: html::score,
        parse: parse_html,
    },
    Reader {
        layout: Layout::Tokens,
        name: tokens::NAME,
        score: tokens::score,
        parse: |l| Ok(tokens::parse(l)),
    },
    Reader {
        layout: Layout::Subtitles,
        name: subtitles::NAME,
        score: subtitles::score,
        parse: |l| Ok(subtitles::parse(l)),
    },
    Reader {
        layout: Layout::Bilingual,
        name: bilingual::NAME,
        score: bilingual::score,
        parse: |l| Ok(bilingual::parse(l)),
    },
    Reader {
        layout: Layout::TimestampedMarkdown,
        name: timestamped_markdown::NAME,
        score: timestamped_markdown::score,
        parse: |l| Ok(timestamped_markdown::parse(l)),
    },
    Reader {
        layout: Layout::Tagged,
        name: tagged::NAME,
        score: tagged::score,
        parse: |l| Ok(tagged::parse(l)),
    },
    Reader {
        layout: Layout::PdfSections,
        name: pdf_sections::NAME,
        score: pdf_sections::score,
        parse: |l| Ok(pdf_sections::parse(l)),
    },
    Reader {
        layout: Layout::ParticipantLists,
        name: participant_lists::NAME,
        score: participant_lists::score,
        parse: |l| Ok(participant_lists::parse(l)),
    },
    Reader {
        layout: Layout::DashHeaders,
        name: dash_headers::NAME,
        score: dash_headers::score,
        parse: |l| Ok(dash_headers::parse(l)),
    },
    Reader {
        layout: Layout::Inline,
        name: inline::NAME,
        score: inline::score,
        parse: |l| Ok(inline::parse(l)),
    },
    Reader {
        layout: Layout::Markdown,
        name: markdown::NAME,
        score: markdown::score,
        parse: |l| Ok(markdown::parse(l)),
    },
    Reader {
        layout: Layout::Generic,
        name: generic::NAME,
        score: |_| 0.0,
        parse: parse_generic,
    },
];

/// Layouts once named after the publisher whose pages showed them first.
const FORMER_NAMES: [(&str, &str); 3] = [
    ("fool", dash_headers::NAME),
    ("seeking-alpha", participant_lists::NAME),
    ("streetevents", pdf_sections::NAME),
];

impl Layout {
    fn reader(self) -> &'static Reader {
        READERS
            .iter()
            .find(|r| r.layout == self)
            .unwrap_or(&READERS[READERS.len() - 1])
    }

    /// The layout's name, as in `layout:` front matter and `call.json`.
    pub fn name(self) -> &'static str {
        self.reader().name
    }

    /// Every layout's name.
    pub fn names() -> Vec<&'static str> {
        READERS.iter().map(|r| r.name).collect()
    }

    /// The layout called `name` (or by the name it had before: `fool`, `seeking-alpha`,
    /// `streetevents` in front matter written for earlier versions still work).
    pub fn from_name(name: &str) -> Option<Layout> {
        let name = name.trim();
        let name = FORMER_NAMES
            .iter()
            .find(|(old, _)| *old == name)
            .map_or(name, |(_, new)| *new);
        READERS.iter().find(|r| r.name == name).map(|r| r.layout)
    }

    /// Runs this layout's parser.
    pub fn parse(self, lines: &Lines<'_>) -> Parsed {
        (self.reader().parse)(lines)
    }
}

fn parse_generic(lines: &Lines<'_>) -> Parsed {
    let tried: Vec<&str> = READERS.iter().map(|r| r.name).filter(|n| *n != generic::NAME).collect();
    Ok(generic::parse(lines, &tried))
}

fn parse_json(lines: &Lines<'_>) -> Parsed {
    let parsed = json::parse(lines.text()).map_err(|(line, column, message)| LayoutError {
        line: line + lines.offset(),
        message: format!("{message} (column {column})"),
    })?;
    read_container(parsed, json::NAME)
}

fn parse_yaml(lines: &Lines<'_>) -> Parsed {
    let parsed = yaml::parse(lines.text()).map_err(|(line, message)| LayoutError {
        line: line + lines.offset(),
        message,
    })?;
    read_container(parsed, yaml::NAME)
}

/// A structured document's statements are a call; the text of a transcript found in one
/// of its fields is read by the text layout that fits it.
fn read_container(parsed: json::Parsed, container: &str) -> Parsed {
    match parsed {
        json::Parsed::Call(mut call) => {
            call.layout = container.to_string();
            Ok(call)
        }
        json::Parsed::Text { text, meta } => {
            let mut call = parse_lines_as_blocks(&text, container)?;
            call.meta.fill_missing(meta);
            Ok(call)
        }
    }
}

fn parse_html(lines: &Lines<'_>) -> Parsed {
    if let Some(deep) = crate::content::limits::html_too_deep(lines.text()) {
        return Err(LayoutError {
            line: deep.line + lines.offset(),
            message: format!("elements nested deeper than {} levels", deep.limit),
        });
    }
    let text = html::to_text(lines.text());
    let mut call = parse_inner(&text, html::NAME)?;
    let source = html::source_lines(lines.text(), &text);
    call.map_lines(|l| source.get(l.wrapping_sub(1)).copied().unwrap_or(l) + lines.offset());
    Ok(call)
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
/// that fits it; the call's layout says both (`html/dash-headers`, `json/inline`).
fn parse_inner(text: &str, container: &str) -> Result<Call, LayoutError> {
    let inner = match detect(text) {
        None | Some(Layout::Html | Layout::Json | Layout::Yaml) => Layout::Generic,
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
    for reader in &READERS {
        let s = (reader.score)(sample);
        if s > 0.0 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, reader.layout));
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
                Layout::DashHeaders,
            ),
            (
                "X Inc. (NYSE:X) Q1 2024 Earnings Call May 1, 2024\nExecutives\nAl Bo - X Inc.\nAnalysts\nCy Do - Bank\nOperator\nHi.\nQuestion-and-Answer Session\n",
                Layout::ParticipantLists,
            ),
            (
                "CORPORATE PARTICIPANTS\nAl Bo\nX - CEO\nPRESENTATION\nOperator\nHi.\n",
                Layout::PdfSections,
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
