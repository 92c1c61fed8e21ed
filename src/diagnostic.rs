//! Warnings: problems that do not stop a build, each tied to a line of its file.

use serde::Serialize;

/// What kind of problem a warning reports; published in `call.json` as `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum WarningKind {
    /// A front-matter key callpress does not know.
    UnknownKey,
    /// A line the parser could not place; its text is quoted in the message.
    UnplacedLine,
    /// Text before the first speaker header.
    NoSpeaker,
    /// A bullet without its translation line.
    MissingTranslation,
    /// Metadata that could not be found.
    MissingMetadata,
    /// A figure in the translation that differs from the original.
    TranslationMismatch,
    /// One metric for one period stated with two values.
    Conflict,
    /// The layout could not be recognised with confidence.
    Layout,
    /// The file has nothing to publish.
    Empty,
    /// The call's page is too big for a browser to open comfortably.
    Large,
    /// A symlink leading outside the site, skipped.
    Outside,
}

impl WarningKind {
    /// What files with warnings of this kind have, for a summary line (`2,560 files
    /// have missing metadata`).
    pub fn summary(self) -> &'static str {
        match self {
            WarningKind::UnknownKey => "front-matter keys callpress does not know",
            WarningKind::UnplacedLine => "lines the parser could not place",
            WarningKind::NoSpeaker => "text before the first speaker",
            WarningKind::MissingTranslation => "paragraphs without their translation",
            WarningKind::MissingMetadata => "missing metadata (call date, ticker or period)",
            WarningKind::TranslationMismatch => "translations that drop or change a figure",
            WarningKind::Conflict => "a figure stated with two different values",
            WarningKind::Layout => "a layout recognised without confidence",
            WarningKind::Empty => "nothing to publish",
            WarningKind::Large => "pages too big to open comfortably",
            WarningKind::Outside => "links leading outside the site (skipped)",
        }
    }
}

/// A problem that does not stop the build, at a 1-based line of its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// 1-based line in the content file.
    pub line: usize,
    /// What kind of problem.
    pub kind: WarningKind,
    /// The problem in words.
    pub message: String,
}

impl Warning {
    /// A warning of `kind` at `line`.
    pub fn new(line: usize, kind: WarningKind, message: impl Into<String>) -> Self {
        Warning {
            line,
            kind,
            message: message.into(),
        }
    }
}
