//! Reads a transcript document into a `Call`: detect the layout, run its parser,
//! then apply front matter and find what the text says of the call's date.

pub mod builder;
pub mod detect;
pub mod labels;
pub mod layouts;
pub mod metadata;
pub mod model;
pub mod speakers;
pub mod voices;

use std::sync::LazyLock;

use regex::Regex;

use crate::content::Document;
use crate::diagnostic::{Warning, WarningKind};
use crate::error::{Error, Result};
pub use model::{Call, Meta, Paragraph, Role, Section, Speaker, Turn, UNKNOWN_SPEAKER};

/// A document body as numbered lines: line numbers are those of the whole file.
#[derive(Debug, Clone, Copy)]
pub struct Lines<'a> {
    text: &'a str,
    offset: usize,
}

impl<'a> Lines<'a> {
    /// `text` whose first line is file line `offset + 1`.
    pub fn new(text: &'a str, offset: usize) -> Self {
        Lines { text, offset }
    }

    /// `(file line, text)` pairs, without line endings.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        let offset = self.offset;
        self.text.lines().enumerate().map(move |(i, l)| (i + 1 + offset, l))
    }

    /// The whole text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// How many file lines come before the text.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

/// Parses a transcript document into a call, with front matter applied.
pub fn parse_document(doc: &Document) -> Result<Call> {
    let lines = Lines::new(&doc.body, doc.body_line_offset);
    let layout = choose_layout(doc)?;
    let mut call = match layout.parse(&lines) {
        Ok(call) => call,
        // A layout the owner names is a promise: its error stops the file. A detected one
        // is a guess; when the guess fails, the generic reader keeps every line.
        Err(e) if doc.front.layout.is_some() => return Err(Error::content(&doc.path, e.line, e.message)),
        Err(e) => {
            let mut call = detect::Layout::Generic
                .parse(&lines)
                .map_err(|g| Error::content(&doc.path, g.line, g.message))?;
            call.warnings.insert(
                0,
                Warning::new(
                    e.line,
                    WarningKind::Layout,
                    format!(
                        "looked like {} but could not be read as it ({}); read with the generic reader",
                        layout.name(),
                        e.message
                    ),
                ),
            );
            call
        }
    };
    // Markup, JSON syntax and a token table's columns are characters of the file but
    // never speech: only text layouts are measured.
    let text_layout = !matches!(
        layout,
        detect::Layout::Generic | detect::Layout::Json | detect::Layout::Html | detect::Layout::Tokens
    );
    if doc.front.layout.is_none() && text_layout {
        call = keep_more_of_the_text(call, layout, &lines)?;
    }
    call.warnings.splice(0..0, doc.warnings.iter().cloned());
    // The opening lines, where an exchange tag stands: a slice, not a copy.
    let head_end = doc.body.match_indices('\n').nth(39).map_or(doc.body.len(), |(i, _)| i);
    metadata::fill_missing(&mut call, &doc.body[..head_end], &doc.path);
    apply_front_matter(&mut call.meta, doc);
    call.meta.encoding = doc.encoding.map(str::to_string);
    if call.meta.date.is_none() {
        call.meta.date = date_from_text(&call);
    }
    report_missing_metadata(&mut call, doc.body_line_offset + 1);
    call.warnings.sort_by_key(|w| w.line);
    Ok(call)
}

/// A detected layout that read less than a quarter of the file's text as someone's speech
/// (its markers matched but its structure did not: one `Name -- Title.` line in a file of
/// bare paragraphs put the whole call in header notes, or under "Unknown speaker") gives
/// way to the general reader when that reader reads more.
fn keep_more_of_the_text(call: Call, layout: detect::Layout, lines: &Lines<'_>) -> Result<Call> {
    let total = size(lines.text());
    let kept = size_kept(&call);
    // A short file is mostly its title and metadata; the measure says nothing of it.
    if total < MEASURED_SIZE || kept * 4 >= total {
        return Ok(call);
    }
    let Ok(mut generic) = detect::Layout::Generic.parse(lines) else {
        return Ok(call);
    };
    let generic_kept = size_kept(&generic);
    if generic_kept <= kept {
        return Ok(call);
    }
    // The generic reader's own warning (no layout fits) would contradict this one.
    generic.warnings.retain(|w| w.kind != WarningKind::Layout);
    generic.warnings.insert(
        0,
        Warning::new(
            lines.offset() + 1,
            WarningKind::Layout,
            format!(
                "looked like {} but that reader read {kept} of {total} characters as speech; read with the generic reader ({generic_kept})",
                layout.name()
            ),
        ),
    );
    Ok(generic)
}

/// Files smaller than this (in characters of text) are not measured.
const MEASURED_SIZE: usize = 2000;

/// Characters of `text` that are not whitespace (words would undercount Chinese).
fn size(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Text a call reads as someone's speech (with translations): notes are kept, not read,
/// and text under "Unknown speaker" was kept without being read either.
fn size_kept(call: &Call) -> usize {
    call.turns
        .iter()
        .filter(|t| call.speaker(&t.speaker).is_none_or(|s| s.name != UNKNOWN_SPEAKER))
        .flat_map(|t| &t.paragraphs)
        .map(|p| size(&p.text) + p.translation.as_deref().map_or(0, size))
        .sum()
}

/// `layout:` from front matter; Markdown files are hand-written transcripts; anything
/// else is detected, with the generic reader as the fallback.
fn choose_layout(doc: &Document) -> Result<detect::Layout> {
    if let Some(name) = &doc.front.layout {
        return detect::Layout::from_name(name).ok_or_else(|| {
            Error::content(
                &doc.path,
                doc.front.line_of("layout"),
                format!(
                    "unknown layout `{name}` (known: {})",
                    detect::Layout::names().join(", ")
                ),
            )
        });
    }
    let detected = detect::detect(&doc.body);
    if is_markdown(&doc.path) {
        return Ok(detected
            .filter(|l| MARKDOWN_TRANSCRIPTS.contains(l))
            .unwrap_or(detect::Layout::Markdown));
    }
    Ok(detected.unwrap_or(detect::Layout::Generic))
}

/// Layouts that are Markdown files themselves: a `.md` file in one of them is a call.
const MARKDOWN_TRANSCRIPTS: &[detect::Layout] = &[
    detect::Layout::TimestampedMarkdown,
    detect::Layout::Tagged,
    detect::Layout::Bilingual,
];

fn is_markdown(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|e| e == "md" || e == "markdown")
}

/// True when a Markdown document is a call, not a page: its front matter gives call
/// metadata (`ticker`, `company` or `layout`), or its text is in a transcript layout
/// of its own (timestamped bilingual Markdown, tagged pairs, bilingual bullets).
pub fn is_markdown_call(doc: &Document) -> bool {
    let f = &doc.front;
    f.ticker.is_some()
        || f.company.is_some()
        || f.layout.is_some()
        || detect::detect(&doc.body).is_some_and(|l| MARKDOWN_TRANSCRIPTS.contains(&l))
}

fn apply_front_matter(meta: &mut Meta, doc: &Document) {
    let f = &doc.front;
    let set = |target: &mut String, value: &Option<String>| {
        if let Some(v) = value {
            *target = v.clone();
        }
    };
    set(&mut meta.title, &f.title);
    // The other names found belong to the name the file wrote; the owner's name replaces both.
    if f.company.is_some() {
        meta.company_aliases.clear();
    }
    set(&mut meta.company, &f.company);
    if let Some(t) = &f.ticker {
        meta.ticker = t.trim().to_uppercase();
    }
    meta.year = f.year.or(meta.year);
    meta.quarter = f.quarter.or(meta.quarter);
    if f.date.is_some() {
        meta.date = f.date.clone();
    }
    if let Some(l) = &f.languages {
        meta.languages = l.clone();
    }
    meta.slug = f.slug.clone();
    meta.draft = f.draft;
    meta.summary_markdown = f.summary.clone();
}

static TODAY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)today,?\s+(?:is\s+)?(?:[a-z]+day,?\s+)?(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})")
        .expect("static regex")
});

/// The call's date as the speakers state it ("as of today, April 30, 2024").
fn date_from_text(call: &Call) -> Option<String> {
    call.turns.iter().flat_map(|t| &t.paragraphs).find_map(|p| {
        let c = TODAY_DATE.captures(&p.text)?;
        let month = crate::content::frontmatter::month_number(&c["month"])?;
        let date = format!("{}-{month:02}-{:02}", &c["year"], c["day"].parse::<u32>().ok()?);
        crate::content::frontmatter::is_iso_date(&date).then_some(date)
    })
}

fn report_missing_metadata(call: &mut Call, line: usize) {
    let m = &call.meta;
    let mut missing = Vec::new();
    if m.ticker.is_empty() {
        missing.push("ticker");
    }
    if m.year.is_none() || m.quarter.is_none() {
        missing.push("fiscal year and quarter");
    }
    if m.date.is_none() {
        missing.push("date");
    }
    if !missing.is_empty() {
        call.warnings.push(Warning::new(
            line,
            WarningKind::MissingMetadata,
            format!(
                "could not find the call's {}; give it in front matter",
                missing.join(", ")
            ),
        ));
    }
}
