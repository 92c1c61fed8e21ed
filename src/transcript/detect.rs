//! Decides which layout a transcript is in by scoring every layout's markers.

use crate::transcript::Lines;
use crate::transcript::layouts::bilingual;
use crate::transcript::model::Call;

/// The transcript layouts callpress reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Bullets of original text each followed by a translation line.
    Bilingual,
}

impl Layout {
    const ALL: [Layout; 1] = [Layout::Bilingual];

    /// The layout's name, as in `layout:` front matter.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Bilingual => bilingual::NAME,
        }
    }

    /// Every layout's name.
    pub fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|l| l.name()).collect()
    }

    /// The layout called `name`.
    pub fn from_name(name: &str) -> Option<Layout> {
        Self::ALL.into_iter().find(|l| l.name() == name.trim())
    }

    fn score(self, text: &str) -> f32 {
        match self {
            Layout::Bilingual => bilingual::score(text),
        }
    }

    /// Runs this layout's parser.
    pub fn parse(self, lines: &Lines<'_>) -> Call {
        match self {
            Layout::Bilingual => bilingual::parse(lines),
        }
    }
}

/// The best-scoring layout for `text`, or `None` when no layout's markers are present.
pub fn detect(text: &str) -> Option<Layout> {
    Layout::ALL
        .into_iter()
        .map(|l| (l.score(text), l))
        .filter(|(s, _)| *s > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, l)| l)
}
