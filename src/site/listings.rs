//! Listings across calls (index, companies, quarters, speakers), built from the small
//! summary each call leaves behind, never from whole transcripts.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::figures::Figures;
use crate::figures::vocabulary::Vocabulary;
use crate::site::history::KeyFigures;
use crate::site::people::speaker_page;
use crate::site::urls::{company_folder, quarter_path};
use crate::transcript::speakers::is_label;
use crate::transcript::{Call, Role};

/// What the listings need to know of one call.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CallSummary {
    /// Site-relative folder, e.g. `amzn/2024-q1/`.
    pub path: String,
    /// Title.
    pub title: String,
    /// Company name.
    pub company: String,
    /// The company's other names (its English name beside a Chinese one), for search.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub company_aliases: Vec<String>,
    /// Ticker.
    pub ticker: String,
    /// Fiscal year.
    pub year: Option<i32>,
    /// Fiscal quarter.
    pub quarter: Option<u8>,
    /// `2024 Q1`, or empty.
    pub period: String,
    /// `YYYY-MM-DD`, or empty.
    pub date: String,
    /// Speakers on the call.
    pub speakers: Vec<SpeakerSummary>,
    /// Number of turns.
    pub turns: usize,
    /// Words spoken on the call.
    #[serde(skip)]
    pub words: usize,
    /// The figures its company's history shows (not in `calls.json`: search needs none).
    #[serde(skip)]
    pub figures: KeyFigures,
}

/// A speaker as the listings show them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SpeakerSummary {
    /// Name.
    pub name: String,
    /// Folder of the person's page (`speakers/andrew-jassy-amzn/`: see [`crate::site::people`]).
    pub path: String,
    /// Role on this call.
    pub role: Role,
    /// Title, if any.
    pub title: Option<String>,
    /// Firm, if any.
    pub affiliation: Option<String>,
    /// The anchor of their first turn on the call page.
    pub anchor: String,
    /// Words they spoke on the call.
    #[serde(skip)]
    pub words: usize,
    /// Each of their turns (at most [`MAX_QUOTES`]): its anchor and first sentence.
    #[serde(skip)]
    pub quotes: Vec<Quote>,
}

/// The most turns of one speaker on one call that their page quotes.
pub const MAX_QUOTES: usize = 20;

/// The fewest words a quote opens with (a greeting before them is kept with them).
const QUOTE_WORDS: usize = 6;

/// The longest quote, in characters; a longer first sentence is cut at a word.
const QUOTE_CHARS: usize = 200;

/// The opening of one turn, linking to it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Quote {
    /// The turn's anchor on the call page.
    pub anchor: String,
    /// Its first sentence, cut to [`QUOTE_CHARS`].
    pub text: String,
}

/// The first sentence of `text`, at most [`QUOTE_CHARS`] characters (cut at a word, with
/// an ellipsis).
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    // `Mr. Lin`, `Amazon.com Inc.`, `J. Smith`: a period after these ends no sentence.
    let abbreviation = |before: &str| {
        let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        [
            "Mr", "Mrs", "Ms", "Dr", "St", "Inc", "Co", "Corp", "Jr", "Sr", "vs", "No",
        ]
        .contains(&word)
            || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
    };
    // A greeting says nothing (`Thanks, Tobias.`): sentences until the quote has words
    // enough to say what the turn is about.
    let end = text
        .char_indices()
        .filter(|&(i, c)| match c {
            '。' | '？' | '！' => true,
            '.' | '?' | '!' => {
                text[i + 1..].chars().next().is_none_or(char::is_whitespace) && !(c == '.' && abbreviation(&text[..i]))
            }
            _ => false,
        })
        .map(|(i, c)| i + c.len_utf8())
        .find(|&end| crate::transcript::model::word_count(&text[..end]) >= QUOTE_WORDS)
        .unwrap_or(text.len());
    let sentence = &text[..end];
    if sentence.chars().count() <= QUOTE_CHARS {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(QUOTE_CHARS).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > QUOTE_CHARS / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end_matches([',', ';', ' ']))
}

impl CallSummary {
    /// The summary of `call` with its `figures`, published at `path`.
    pub fn of(call: &Call, figures: &Figures, path: &str, vocabulary: &Vocabulary) -> Self {
        let m = &call.meta;
        let period = match (m.year, m.quarter) {
            (Some(y), Some(q)) => format!("{y} Q{q}"),
            _ => String::new(),
        };
        let (by_speaker, total_words) = call.words_by_speaker();
        let speakers = call
            .speakers
            .iter()
            .filter(|s| s.role != Role::Operator && !is_label(&s.name))
            .map(|s| {
                let turns = || call.turns.iter().filter(|t| t.speaker == s.id);
                SpeakerSummary {
                    name: s.name.clone(),
                    path: speaker_page(s, m),
                    role: s.role,
                    title: s.title.clone(),
                    affiliation: s.affiliation.clone(),
                    anchor: s.id.clone(),
                    words: by_speaker.get(s.id.as_str()).copied().unwrap_or(0),
                    quotes: turns()
                        .filter_map(|t| {
                            let first = t.paragraphs.first()?;
                            Some(Quote {
                                anchor: t.anchor.clone(),
                                text: first_sentence(&first.text),
                            })
                        })
                        .take(MAX_QUOTES)
                        .collect(),
                }
            })
            .collect();
        CallSummary {
            path: path.to_string(),
            title: m.title.clone(),
            company: m.company.clone(),
            company_aliases: m.company_aliases.clone(),
            ticker: m.ticker.clone(),
            year: m.year,
            quarter: m.quarter,
            period,
            date: m.date.clone().unwrap_or_default(),
            speakers,
            turns: call.turns.len(),
            words: total_words,
            figures: KeyFigures::of(figures, m.year, m.quarter, vocabulary),
        }
    }

    /// Site-relative folder of the call's quarter page, if the period is known.
    pub fn quarter_path(&self) -> Option<String> {
        Some(quarter_path(self.year?, self.quarter?))
    }

    /// Site-relative folder of the company's page: by ticker, else by name.
    pub fn company_path(&self) -> Option<String> {
        company_folder(&self.ticker, &self.company)
    }

    /// The folders of every listing page the call appears on (company, quarter, speakers).
    pub fn listing_paths(&self) -> Vec<String> {
        let mut paths = Vec::new();
        paths.extend(self.company_path());
        paths.extend(self.quarter_path());
        paths.extend(
            self.speakers
                .iter()
                .filter(|s| !s.path.is_empty())
                .map(|s| s.path.clone()),
        );
        paths
    }
}

/// What a listing page lists the calls of; templates see its name (`Company`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ListingKind {
    /// One company's calls (its history, its feed).
    Company,
    /// One fiscal quarter's calls.
    Quarter,
    /// One speaker's calls (what they said on each).
    Speaker,
}

impl ListingKind {
    /// The name templates compare with.
    pub fn name(self) -> &'static str {
        match self {
            ListingKind::Company => "Company",
            ListingKind::Quarter => "Quarter",
            ListingKind::Speaker => "Speaker",
        }
    }
}

/// A group of calls on one listing page (a company, a quarter, a speaker).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Group {
    /// Site-relative folder of the listing page.
    pub path: String,
    /// Heading of the page.
    pub title: String,
    /// A second line (a speaker's titles and firms, a company's ticker).
    pub subtitle: String,
    /// Indices into `Listings::calls`, newest first.
    pub calls: Vec<usize>,
}

/// All listings of the site.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Listings {
    /// Every call, newest first.
    pub calls: Vec<CallSummary>,
    /// One group per company (by ticker, else by name), by folder.
    pub companies: Vec<Group>,
    /// One group per fiscal quarter, newest first.
    pub quarters: Vec<Group>,
    /// One group per speaker (not the operator), by name.
    pub speakers: Vec<Group>,
}

impl Listings {
    /// Sorts the summaries newest first and groups them. The order is total, so the
    /// output does not depend on the order the calls were parsed in.
    pub fn new(mut calls: Vec<CallSummary>) -> Self {
        calls.sort_by(|a, b| {
            (&b.date, b.year, b.quarter)
                .cmp(&(&a.date, a.year, a.quarter))
                .then_with(|| a.ticker.cmp(&b.ticker))
                .then_with(|| a.path.cmp(&b.path))
        });
        let mut companies: BTreeMap<String, Group> = BTreeMap::new();
        let mut quarters: BTreeMap<(i32, u8), Group> = BTreeMap::new();
        let mut speakers: BTreeMap<String, Group> = BTreeMap::new();
        // The ways each person's name is written, with their number of calls.
        let mut names: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
        for (i, c) in calls.iter().enumerate() {
            if let Some(path) = c.company_path() {
                let g = companies.entry(path.clone()).or_insert_with(|| Group {
                    path,
                    title: c.company.clone(),
                    subtitle: c.ticker.clone(),
                    calls: Vec::new(),
                });
                g.calls.push(i);
            }
            if let (Some(y), Some(q), Some(path)) = (c.year, c.quarter, c.quarter_path()) {
                let g = quarters.entry((y, q)).or_insert_with(|| Group {
                    path,
                    title: c.period.clone(),
                    subtitle: String::new(),
                    calls: Vec::new(),
                });
                g.calls.push(i);
            }
            for s in c.speakers.iter().filter(|s| !s.path.is_empty()) {
                *names.entry(s.path.clone()).or_default().entry(&s.name).or_default() += 1;
                let g = speakers.entry(s.path.clone()).or_insert_with(|| Group {
                    path: s.path.clone(),
                    title: s.name.clone(),
                    subtitle: String::new(),
                    calls: Vec::new(),
                });
                if g.calls.last() != Some(&i) {
                    g.calls.push(i);
                }
                // An executive speaks for the call's company: name it when the call gives
                // no firm, so two people of one name at two companies read apart.
                let firm = match (&s.affiliation, s.role) {
                    (Some(a), _) => Some(a.as_str()),
                    (None, Role::Executive) if !c.company.is_empty() => Some(c.company.as_str()),
                    _ => None,
                };
                let label = [s.title.as_deref(), firm]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                if g.subtitle.is_empty() {
                    g.subtitle = label;
                }
            }
        }
        for (path, written) in names {
            // The name most calls write, the fullest of those (`Andrew R. Jassy` over `Andy Jassy`).
            let best = written
                .iter()
                .max_by_key(|(name, n)| (**n, name.len(), std::cmp::Reverse(**name)));
            if let (Some(g), Some((name, _))) = (speakers.get_mut(&path), best) {
                g.title = name.to_string();
            }
        }
        Listings {
            calls,
            companies: companies.into_values().collect(),
            quarters: quarters.into_values().rev().collect(),
            speakers: speakers.into_values().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(ticker: &str, year: i32, quarter: u8, date: &str) -> CallSummary {
        CallSummary {
            path: format!("{}/{year}-q{quarter}/", ticker.to_lowercase()),
            title: String::new(),
            company: format!("{ticker} Inc."),
            company_aliases: Vec::new(),
            ticker: ticker.into(),
            year: Some(year),
            quarter: Some(quarter),
            period: format!("{year} Q{quarter}"),
            date: date.into(),
            speakers: Vec::new(),
            turns: 0,
            words: 0,
            figures: KeyFigures::default(),
        }
    }

    #[test]
    fn a_company_without_a_ticker_has_a_page_by_its_name() {
        let mut c = summary("", 2022, 3, "2022-11-08");
        c.company = "Douglas Elliman Inc.".into();
        assert_eq!(c.company_path().as_deref(), Some("douglas-elliman-inc/"));
        let l = Listings::new(vec![c]);
        assert_eq!(l.companies.len(), 1);
        assert_eq!(l.companies[0].path, "douglas-elliman-inc/");
        let mut nameless = summary("", 2022, 3, "2022-11-08");
        nameless.company = String::new();
        assert_eq!(nameless.company_path(), None);
    }

    #[test]
    fn calls_are_newest_first_and_grouped() {
        let l = Listings::new(vec![
            summary("AAA", 2024, 1, "2024-04-20"),
            summary("BBB", 2024, 2, "2024-07-20"),
            summary("AAA", 2024, 2, "2024-07-21"),
        ]);
        let order: Vec<&str> = l.calls.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(order, ["aaa/2024-q2/", "bbb/2024-q2/", "aaa/2024-q1/"]);
        assert_eq!(l.companies.len(), 2);
        assert_eq!(l.companies[0].calls, [0, 2]);
        assert_eq!(l.quarters[0].title, "2024 Q2");
        assert_eq!(l.quarters[0].calls.len(), 2);
    }

    #[test]
    fn a_quote_is_the_first_sentence_cut_at_a_word() {
        assert_eq!(
            first_sentence("Thanks, Mira. Revenue grew 5% this quarter. More."),
            "Thanks, Mira. Revenue grew 5% this quarter."
        );
        assert_eq!(
            first_sentence("Mr. Lin, revenue was $4.2 million in the quarter. More."),
            "Mr. Lin, revenue was $4.2 million in the quarter."
        );
        assert_eq!(
            first_sentence("謝謝米拉。我們以最好的一季結束。再見。"),
            "謝謝米拉。我們以最好的一季結束。"
        );
        let long = "word ".repeat(80);
        let quote = first_sentence(&long);
        assert!(
            quote.ends_with('…') && quote.chars().count() <= QUOTE_CHARS + 1,
            "{quote}"
        );
    }
}
