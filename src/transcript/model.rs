//! The one model every layout parser produces: a call's metadata, speakers and turns.

use serde::Serialize;

use crate::config::Languages;
use crate::diagnostic::Warning;

/// Version of the published JSON shape of a call (`call.json`, `parse --json`).
pub const SCHEMA_VERSION: u32 = 2;

/// One earnings call, parsed.
#[derive(Debug, Clone, Serialize)]
pub struct Call {
    /// Version of this JSON shape.
    pub schema_version: u32,
    /// The layout the file was read as (e.g. `bilingual`).
    pub layout: String,
    /// Title, company, period and date.
    pub meta: Meta,
    /// Everyone who speaks, in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// The speaker turns in order.
    pub turns: Vec<Turn>,
    /// Problems found while reading the file.
    pub warnings: Vec<Warning>,
}

/// What a call is: company, period, date and the text around the transcript.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    /// The title as the file gives it.
    pub title: String,
    /// Company name.
    pub company: String,
    /// Ticker symbol, upper case.
    pub ticker: String,
    /// Other names of the company the file gives (its English name beside 亞馬遜):
    /// listings show `company`, search finds these too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub company_aliases: Vec<String>,
    /// Fiscal year.
    pub year: Option<i32>,
    /// Fiscal quarter 1-4.
    pub quarter: Option<u8>,
    /// Call date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Languages of original and translation.
    pub languages: Languages,
    /// Summary paragraphs found in the file.
    pub summary: Vec<String>,
    /// A summary given in front matter (Markdown).
    pub summary_markdown: Option<String>,
    /// A notice about the translation (e.g. machine translated), shown to readers.
    pub translation_notice: Option<String>,
    /// URL path chosen in front matter.
    pub slug: Option<String>,
    /// A draft is built only with `--drafts`.
    pub draft: bool,
    /// Text in the file that is not speech (takeaways, glossaries, disclaimers, lists),
    /// kept so that no line is lost.
    pub notes: Vec<Note>,
    /// The file's encoding when it was not UTF-8 (e.g. `windows-1252`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// A period (year, quarter) read from the speech rather than a title or header: the
    /// first one a speaker names, which may be a comparison's or a forecast's (`start
    /// this quarter in Q4 2022`, `compared to the third quarter of 2021`). Used only
    /// where no title, welcome, front matter or file name says the period.
    #[serde(skip)]
    pub period_guess: Option<(Option<i32>, Option<u8>)>,
}

impl Meta {
    /// Takes from `other` what this metadata lacks (title, company, ticker, period,
    /// date): a container's fields complete what its text says of itself.
    pub fn fill_missing(&mut self, other: Meta) {
        let take = |mine: &mut String, theirs: String| {
            if mine.is_empty() {
                *mine = theirs;
            }
        };
        take(&mut self.title, other.title);
        take(&mut self.company, other.company);
        take(&mut self.ticker, other.ticker);
        if self.year.is_none() || self.quarter.is_none() {
            self.year = self.year.or(other.year);
            self.quarter = self.quarter.or(other.quarter);
        }
        self.date = self.date.take().or(other.date);
    }
}

/// A block of non-speech text from the file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Note {
    /// 1-based line where it starts.
    pub line: usize,
    /// What it is: `header`, `participants`, `takeaways`, `glossary`, `memo`, `disclaimer`, `other`.
    pub kind: String,
    /// The text.
    pub text: String,
}

/// The speaker of text no label claims (before the first header, or in a file whose
/// labels could not be read): kept, never dropped.
pub const UNKNOWN_SPEAKER: &str = "Unknown speaker";

/// A person (or the operator) who speaks on the call.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Speaker {
    /// Stable id within the call, a slug of the name (also the anchor of the first turn).
    pub id: String,
    /// Full name as the header gives it.
    pub name: String,
    /// Job title, when given.
    pub title: Option<String>,
    /// Firm, for analysts (from the operator's introduction) or the company.
    pub affiliation: Option<String>,
    /// Executive, analyst, operator, ...
    pub role: Role,
    /// Other names the call uses for this person (e.g. `Doug Anmuth`).
    pub aliases: Vec<String>,
}

/// The part a speaker plays on the call.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Company management.
    Executive,
    /// A sell-side or buy-side analyst asking questions.
    Analyst,
    /// The conference operator.
    Operator,
    /// A host who is neither operator nor executive.
    Moderator,
    /// Not known.
    Unknown,
}

/// Prepared remarks or questions and answers.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// The prepared remarks before Q&A.
    Prepared,
    /// Questions and answers.
    Qa,
}

/// One uninterrupted stretch of speech by one speaker.
#[derive(Debug, Clone, Serialize)]
pub struct Turn {
    /// Numbered id, `t1`, `t2`, ... (also an anchor on the page).
    pub id: String,
    /// Anchor from the speaker: `andrew-r-jassy` for their first turn, `-2`, `-3` after.
    pub anchor: String,
    /// Speaker id.
    pub speaker: String,
    /// Prepared remarks or Q&A.
    pub section: Section,
    /// 1-based line of the turn's header in the file.
    pub line: usize,
    /// The header as written (e.g. `Dave Fildes - Director of IR`).
    pub label: String,
    /// What was said.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of speech, with its translation when the file has one.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// The original text.
    pub text: String,
    /// The translation, if any.
    pub translation: Option<String>,
    /// 1-based line of the original.
    pub line: usize,
    /// 1-based line of the translation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_line: Option<usize>,
    /// Timestamp in the recording (`00:01:10`), when the transcript gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

impl Paragraph {
    /// A paragraph of original text at `line`, without translation.
    pub fn new(text: impl Into<String>, line: usize) -> Self {
        Paragraph {
            text: text.into(),
            translation: None,
            line,
            translation_line: None,
            timestamp: None,
        }
    }
}

/// Words in `text`: runs between spaces, and each Han, Kana or Hangul character (a
/// language written without spaces counts a character as a word).
pub fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        // Most transcripts: count the starts of words byte by byte (what split_whitespace
        // counts, several times faster).
        let mut words = 0;
        let mut in_word = false;
        for b in text.bytes() {
            let space = b.is_ascii_whitespace() || b == 0x0b;
            words += usize::from(!space && !in_word);
            in_word = !space;
        }
        return words;
    }
    text.split_whitespace()
        .map(|w| {
            if w.is_ascii() {
                return 1;
            }
            let wide = w
                .chars()
                .filter(|c| crate::transcript::layouts::common::is_cjk(*c))
                .count();
            wide.max(1)
        })
        .sum()
}

impl Call {
    /// Words each speaker spoke (by speaker id, in the original), and the call's total:
    /// one pass over the paragraphs.
    pub fn words_by_speaker(&self) -> (std::collections::HashMap<&str, usize>, usize) {
        let mut by_speaker: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut total = 0;
        for turn in &self.turns {
            let words: usize = turn.paragraphs.iter().map(|p| word_count(&p.text)).sum();
            *by_speaker.entry(turn.speaker.as_str()).or_default() += words;
            total += words;
        }
        (by_speaker, total)
    }

    /// Renumbers every line the call points to (turns, paragraphs, translations, notes,
    /// warnings) with `f`: for a text that was reshaped before it was read.
    pub fn map_lines(&mut self, f: impl Fn(usize) -> usize) {
        for turn in &mut self.turns {
            turn.line = f(turn.line);
            for p in &mut turn.paragraphs {
                p.line = f(p.line);
                p.translation_line = p.translation_line.map(&f);
            }
        }
        for note in &mut self.meta.notes {
            note.line = f(note.line);
        }
        for w in &mut self.warnings {
            w.line = f(w.line);
        }
    }

    /// The speaker with id `id`.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    /// The name of each turn's speaker, in order (`?` where a turn's speaker is missing).
    pub fn turn_speaker_names(&self) -> Vec<&str> {
        self.turns
            .iter()
            .map(|t| self.speaker(&t.speaker).map_or("?", |s| s.name.as_str()))
            .collect()
    }

    /// Index of the first Q&A turn, if the call has Q&A.
    pub fn qa_start(&self) -> Option<usize> {
        self.turns.iter().position(|t| t.section == Section::Qa)
    }

    /// Number of paragraphs over all turns.
    pub fn paragraph_count(&self) -> usize {
        self.turns.iter().map(|t| t.paragraphs.len()).sum()
    }
}
