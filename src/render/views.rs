//! What templates see: flat, null-free views of calls, pages and listings, with every
//! link already made and every piece of pre-built HTML already escaped.

use serde::Serialize;

use crate::config::{Languages, SiteConfig};
use crate::diagnostic::{Warning, WarningKind};
use crate::figures::headline::HeadlineRow;
use crate::figures::{Figures, Mark};
use crate::render::escape_html;
use crate::site::listings::{CallSummary, Group};
use crate::site::urls::{Urls, company_folder, quarter_path};
use crate::transcript::{Call, Role, Section, Speaker, Turn};

/// The site's settings, as `site` in every template.
#[derive(Debug, Serialize)]
pub struct SiteView {
    /// Site title.
    pub title: String,
    /// Site description.
    pub description: String,
    /// `base_url` with a trailing slash.
    pub base_url: String,
    /// Path part of `base_url`: prefix of every link.
    pub base_path: String,
    /// Languages.
    pub languages: Languages,
    /// Header links, with `url` made under `base_url`.
    pub menu: Vec<MenuLink>,
    /// The site indexes every paragraph (`site.toml` `full_text_search`).
    pub full_text_search: bool,
}

/// A menu link.
#[derive(Debug, Serialize)]
pub struct MenuLink {
    /// Link text.
    pub name: String,
    /// Link.
    pub url: String,
}

impl SiteView {
    /// The view of `config`.
    pub fn new(config: &SiteConfig, urls: &Urls) -> Self {
        SiteView {
            title: config.title.clone(),
            description: config.description.clone(),
            base_url: urls.base_url().to_string(),
            base_path: urls.base_path().to_string(),
            languages: config.languages.clone(),
            full_text_search: config.full_text_search,
            menu: config
                .menu
                .iter()
                .map(|m| {
                    let external = m.path.starts_with("http://") || m.path.starts_with("https://");
                    MenuLink {
                        name: m.name.clone(),
                        url: if external { m.path.clone() } else { urls.link(&m.path) },
                    }
                })
                .collect(),
        }
    }
}

/// A Markdown page, as `page`.
#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    /// Title.
    pub title: &'a str,
    /// Site-relative folder.
    pub path: &'a str,
    /// Link.
    pub url: String,
    /// Rendered HTML body (already safe).
    pub content: &'a str,
    /// Whether to link the highlight stylesheet.
    pub has_code: bool,
}

/// A call, as `call` in `call.html`.
#[derive(Debug, Serialize)]
pub struct CallView {
    /// Link to the page.
    pub url: String,
    /// Full URL of the page.
    pub permalink: String,
    /// Link to `call.json`.
    pub json_url: String,
    /// Title as given.
    pub title: String,
    /// Company.
    pub company: String,
    /// Ticker.
    pub ticker: String,
    /// `2024 Q1` or empty.
    pub period: String,
    /// `YYYY-MM-DD` or empty.
    pub date: String,
    /// Link to the company page, or empty.
    pub company_url: String,
    /// Link to the quarter page, or empty.
    pub quarter_url: String,
    /// Layout the file was read as.
    pub layout: String,
    /// Languages.
    pub languages: Languages,
    /// Whether any paragraph has a translation (shows the reading control).
    pub has_translation: bool,
    /// Summary as safe HTML (Markdown from front matter, or the file's paragraphs).
    pub summary_html: String,
    /// The headline table: each row's `label`, `period`, `kind`, `value`, `change`,
    /// `figure`, `anchor`, `mentions`, `change_anchor`, and `said_by`.
    pub headline: Vec<HeadlineView>,
    /// Link to `figures.json`.
    pub figures_url: String,
    /// Translation notice, or empty.
    pub notice: String,
    /// Executives.
    pub executives: Vec<PersonView>,
    /// Analysts.
    pub analysts: Vec<PersonView>,
    /// Operator, moderators and unknown speakers.
    pub others: Vec<PersonView>,
    /// Prepared remarks and Q&A, each with its turns (absent sections left out).
    pub sections: Vec<SectionView>,
    /// Warnings, shown in a collapsed box for the site owner.
    pub warnings: Vec<Warning>,
}

/// A row of the headline table as shown: the row, and who said its value.
#[derive(Debug, Serialize)]
pub struct HeadlineView {
    /// The row (its fields are the view's own).
    #[serde(flatten)]
    pub row: HeadlineRow,
    /// Each speaker who stated the value, once, in the order they first did, with the
    /// paragraph where they did: a reader sees "Brian Olsavsky", not "¶1 ¶2".
    pub said_by: Vec<Mention>,
}

/// A speaker's first statement of a headline value.
#[derive(Debug, Serialize)]
pub struct Mention {
    /// The paragraph's anchor, `t7-p2`.
    pub anchor: String,
    /// The speaker's name.
    pub speaker: String,
    /// How many of the row's mentions are this speaker's.
    pub times: usize,
}

impl HeadlineView {
    fn new(row: &HeadlineRow, call: &Call) -> Self {
        let mut said_by: Vec<Mention> = Vec::new();
        for anchor in &row.mentions {
            let turn_id = anchor.split_once("-p").map_or(anchor.as_str(), |(t, _)| t);
            let speaker = call
                .turns
                .iter()
                .find(|t| t.id == turn_id)
                .and_then(|t| call.speaker(&t.speaker))
                .map_or_else(
                    || crate::transcript::model::UNKNOWN_SPEAKER.to_string(),
                    |s| s.name.clone(),
                );
            match said_by.iter_mut().find(|m| m.speaker == speaker) {
                Some(m) => m.times += 1,
                None => said_by.push(Mention {
                    anchor: anchor.clone(),
                    speaker,
                    times: 1,
                }),
            }
        }
        HeadlineView {
            row: row.clone(),
            said_by,
        }
    }
}

/// A participant in the list at the top of a call page.
#[derive(Debug, Serialize)]
pub struct PersonView {
    /// Speaker id and anchor of their first turn.
    pub id: String,
    /// Name.
    pub name: String,
    /// Title, or empty.
    pub title: String,
    /// Firm, or empty.
    pub affiliation: String,
    /// Role name.
    pub role: Role,
    /// Link to the speaker's page across calls, or empty (operator).
    pub page_url: String,
    /// Anchors of all their turns.
    pub turns: Vec<String>,
    /// Words they spoke (in the original).
    pub words: usize,
    /// Their share of the call's words, in whole percent.
    pub share: u32,
}

/// A section of the transcript.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// `prepared` or `qa` (the element id).
    pub id: &'static str,
    /// Heading.
    pub title: &'static str,
    /// Turns in order.
    pub turns: Vec<TurnView>,
}

/// A turn as shown.
#[derive(Debug, Serialize)]
pub struct TurnView {
    /// `t7`.
    pub id: String,
    /// `andrew-r-jassy`.
    pub anchor: String,
    /// Speaker id.
    pub speaker: String,
    /// Speaker name.
    pub name: String,
    /// Speaker title and firm, or empty.
    pub title: String,
    /// Role.
    pub role: Role,
    /// Line of the header in the source file.
    pub line: usize,
    /// In the Q&A, the number of the question an analyst's turn opens (0 otherwise).
    pub question: usize,
    /// An analyst's later turn within their own question (a follow-up).
    pub follow_up: bool,
    /// Paragraphs.
    pub paragraphs: Vec<ParagraphView>,
}

/// A paragraph as pre-escaped HTML.
#[derive(Debug, Serialize)]
pub struct ParagraphView {
    /// `t7-p2`.
    pub id: String,
    /// Original text as safe HTML.
    pub html: String,
    /// Translation as safe HTML, or empty.
    pub translation_html: String,
    /// Source line.
    pub line: usize,
    /// Warnings about this paragraph's figures (translation mismatches, conflicts).
    pub warnings: Vec<String>,
}

impl CallView {
    /// The view of `call` published at `path`; `summary_html` is the rendered
    /// front-matter summary, if there is one.
    pub fn new(call: &Call, figures: &Figures, path: &str, urls: &Urls, summary_html: Option<String>) -> Self {
        let m = &call.meta;
        let summary_html = summary_html.unwrap_or_else(|| {
            m.summary
                .iter()
                .map(|p| format!("<p>{}</p>\n", escape_html(p)))
                .collect()
        });
        let period = match (m.year, m.quarter) {
            (Some(y), Some(q)) => format!("{y} Q{q}"),
            _ => String::new(),
        };
        let quarter_url = match (m.year, m.quarter) {
            (Some(y), Some(q)) => urls.link(&quarter_path(y, q)),
            _ => String::new(),
        };
        let company_url = company_folder(&m.ticker, &m.company).map_or_else(String::new, |p| urls.link(&p));
        let words = call.words_by_speaker();
        let people = |wanted: fn(Role) -> bool| {
            call.speakers
                .iter()
                .filter(|s| wanted(s.role))
                .map(|s| PersonView::new(s, call, &words, urls))
                .collect()
        };
        CallView {
            url: urls.link(path),
            permalink: urls.permalink(path),
            json_url: urls.link(&format!("{path}call.json")),
            title: m.title.clone(),
            company: m.company.clone(),
            ticker: m.ticker.clone(),
            period,
            date: m.date.clone().unwrap_or_default(),
            company_url,
            quarter_url,
            layout: call.layout.clone(),
            languages: m.languages.clone(),
            has_translation: call
                .turns
                .iter()
                .flat_map(|t| &t.paragraphs)
                .any(|p| p.translation.is_some()),
            summary_html,
            headline: figures.headline.iter().map(|r| HeadlineView::new(r, call)).collect(),
            figures_url: urls.link(&format!("{path}figures.json")),
            notice: m.translation_notice.clone().unwrap_or_default(),
            executives: people(|r| r == Role::Executive),
            analysts: people(|r| r == Role::Analyst),
            others: people(|r| !matches!(r, Role::Executive | Role::Analyst)),
            sections: sections(call, figures),
            warnings: call.warnings.clone(),
        }
    }
}

impl PersonView {
    fn new(s: &Speaker, call: &Call, words: &Words<'_>, urls: &Urls) -> Self {
        let (by_speaker, total_words) = words;
        let words = by_speaker.get(s.id.as_str()).copied().unwrap_or(0);
        let total_words = *total_words;
        let page = crate::site::people::speaker_page(s, &call.meta);
        let page_url = if s.role == Role::Operator || crate::transcript::speakers::is_label(&s.name) || page.is_empty()
        {
            String::new()
        } else {
            urls.link(&page)
        };
        PersonView {
            id: s.id.clone(),
            name: s.name.clone(),
            title: s.title.clone().unwrap_or_default(),
            affiliation: s.affiliation.clone().unwrap_or_default(),
            role: s.role,
            page_url,
            turns: call
                .turns
                .iter()
                .filter(|t| t.speaker == s.id)
                .map(|t| t.anchor.clone())
                .collect(),
            words,
            share: share(words, total_words),
        }
    }
}

/// Words by speaker id and the call's total (see [`Call::words_by_speaker`]).
type Words<'a> = (std::collections::HashMap<&'a str, usize>, usize);

/// `part` of `whole` in whole percent (0 for an empty call).
fn share(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        0
    } else {
        ((part as f64 * 100.0 / whole as f64).round()) as u32
    }
}

fn sections(call: &Call, figures: &Figures) -> Vec<SectionView> {
    let mut out = Vec::new();
    for (id, title, section) in [
        ("prepared", "Prepared remarks", Section::Prepared),
        ("qa", "Questions and answers", Section::Qa),
    ] {
        let turns: Vec<TurnView> = call
            .turns
            .iter()
            .enumerate()
            .filter(|(_, t)| t.section == section)
            .map(|(i, t)| turn_view(t, call, figures, figures.marks.get(i).map_or(&[][..], Vec::as_slice)))
            .collect();
        let mut turns = turns;
        if section == Section::Qa {
            number_questions(&mut turns);
        }
        if !turns.is_empty() {
            out.push(SectionView { id, title, turns });
        }
    }
    out
}

/// Numbers the questions of the Q&A: an analyst's turn after another analyst had the
/// floor opens a question; their later turns before the next analyst are follow-ups.
fn number_questions(turns: &mut [TurnView]) {
    let mut asking: Option<String> = None;
    let mut number = 0;
    for t in turns.iter_mut().filter(|t| t.role == Role::Analyst) {
        if asking.as_deref() == Some(t.speaker.as_str()) {
            t.follow_up = true;
        } else {
            number += 1;
            t.question = number;
            asking = Some(t.speaker.clone());
        }
    }
}

fn turn_view(turn: &Turn, call: &Call, figures: &Figures, marks: &[Vec<Mark>]) -> TurnView {
    let speaker = call.speaker(&turn.speaker);
    let title = speaker
        .map(|s| {
            [s.title.as_deref(), s.affiliation.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    TurnView {
        id: turn.id.clone(),
        anchor: turn.anchor.clone(),
        speaker: turn.speaker.clone(),
        name: speaker.map_or_else(|| turn.label.clone(), |s| s.name.clone()),
        title,
        role: speaker.map_or(Role::Unknown, |s| s.role),
        line: turn.line,
        question: 0,
        follow_up: false,
        paragraphs: turn
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| ParagraphView {
                id: format!("{}-p{}", turn.id, i + 1),
                html: marked_up(&p.text, marks.get(i).map_or(&[][..], Vec::as_slice), figures),
                translation_html: p.translation.as_deref().map(escape_html).unwrap_or_default(),
                line: p.line,
                warnings: call
                    .warnings
                    .iter()
                    .filter(|w| matches!(w.kind, WarningKind::TranslationMismatch | WarningKind::Conflict))
                    .filter(|w| w.line == p.line || Some(w.line) == p.translation_line)
                    .map(|w| w.message.clone())
                    .collect(),
            })
            .collect(),
    }
}

/// `text` escaped, with each number wrapped in `<data value="…">`; figures of a metric
/// also get their id (`f3`, the link target of the headline table) and a title.
fn marked_up(text: &str, marks: &[Mark], figures: &Figures) -> String {
    let mut html = String::with_capacity(text.len() + marks.len() * 64);
    let mut at = 0;
    for mark in marks {
        if mark.start < at || mark.end > text.len() {
            continue;
        }
        html.push_str(&escape_html(&text[at..mark.start]));
        match mark.figure.and_then(|i| figures.figures.get(i)) {
            Some(f) => {
                let kind = serde_json::to_value(f.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                html.push_str(&format!(
                    "<data class=\"fig fig-{kind}\" id=\"{}\" value=\"{}\" title=\"{}\">",
                    f.id,
                    escape_html(&mark.value),
                    escape_html(&format!(
                        "{} · {kind} · {}",
                        f.label.as_deref().unwrap_or("figure"),
                        f.period.label()
                    ))
                ));
            }
            None => html.push_str(&format!("<data class=\"num\" value=\"{}\">", escape_html(&mark.value))),
        }
        html.push_str(&escape_html(&text[mark.start..mark.end]));
        html.push_str("</data>");
        at = mark.end;
    }
    html.push_str(&escape_html(&text[at..]));
    html
}

/// A call in a listing.
#[derive(Debug, Clone, Serialize)]
pub struct CallLink {
    /// Link.
    pub url: String,
    /// Full URL.
    pub permalink: String,
    /// Title.
    pub title: String,
    /// Company.
    pub company: String,
    /// Ticker.
    pub ticker: String,
    /// `2024 Q1` or empty.
    pub period: String,
    /// Date or empty.
    pub date: String,
    /// Link to the company page or empty.
    pub company_url: String,
    /// Number of turns.
    pub turns: usize,
}

impl CallLink {
    /// The link view of a summary.
    pub fn new(c: &CallSummary, urls: &Urls) -> Self {
        CallLink {
            url: urls.link(&c.path),
            permalink: urls.permalink(&c.path),
            title: c.title.clone(),
            company: c.company.clone(),
            ticker: c.ticker.clone(),
            period: c.period.clone(),
            date: c.date.clone(),
            company_url: c.company_path().map_or_else(String::new, |p| urls.link(&p)),
            turns: c.turns,
        }
    }
}

/// A listing group (company, quarter, speaker) as a link.
#[derive(Debug, Clone, Serialize)]
pub struct GroupLink {
    /// Link.
    pub url: String,
    /// Heading.
    pub title: String,
    /// Second line.
    pub subtitle: String,
    /// Number of calls.
    pub count: usize,
}

impl GroupLink {
    /// The link view of a group.
    pub fn new(g: &Group, urls: &Urls) -> Self {
        GroupLink {
            url: urls.link(&g.path),
            title: g.title.clone(),
            subtitle: g.subtitle.clone(),
            count: g.calls.len(),
        }
    }
}

/// One call of a speaker, as their page shows it.
#[derive(Debug, Serialize)]
pub struct Appearance {
    /// The call.
    pub call: CallLink,
    /// Their title as stated on that call, or empty.
    pub title: String,
    /// Their firm as stated on that call, or empty.
    pub affiliation: String,
    /// Their role on the call.
    pub role: Role,
    /// Words they spoke.
    pub words: usize,
    /// Their share of the call's words, in whole percent.
    pub share: u32,
    /// The opening of each of their turns: `url` (to the turn), `text`.
    pub quotes: Vec<QuoteLink>,
}

/// A quote linking to the turn it opens.
#[derive(Debug, Serialize)]
pub struct QuoteLink {
    /// Link to the turn on the call page.
    pub url: String,
    /// The turn's first sentence.
    pub text: String,
}

impl Appearance {
    /// Speaker `s` on call `c`.
    pub fn new(c: &CallSummary, s: &crate::site::listings::SpeakerSummary, urls: &Urls) -> Self {
        let call = CallLink::new(c, urls);
        let quotes = s
            .quotes
            .iter()
            .map(|q| QuoteLink {
                url: format!("{}#{}", call.url, q.anchor),
                text: q.text.clone(),
            })
            .collect();
        Appearance {
            title: s.title.clone().unwrap_or_default(),
            affiliation: s.affiliation.clone().unwrap_or_default(),
            role: s.role,
            words: s.words,
            share: share(s.words, c.words),
            quotes,
            call,
        }
    }
}

/// Where a page of the index stands among all of them.
#[derive(Debug, Serialize)]
pub struct Pagination {
    /// This page's number, from 1.
    pub current: usize,
    /// How many pages there are.
    pub total: usize,
    /// The page before, or empty on the first.
    pub prev_url: String,
    /// The page after, or empty on the last.
    pub next_url: String,
    /// Every page: `number`, `url`.
    pub pages: Vec<PageLink>,
}

/// A link to one page of the index.
#[derive(Debug, Serialize)]
pub struct PageLink {
    /// Its number, from 1.
    pub number: usize,
    /// Its link.
    pub url: String,
}

impl Pagination {
    /// Page `current` of `total`.
    pub fn new(current: usize, total: usize, urls: &Urls) -> Self {
        let link = |n: usize| urls.link(&crate::site::urls::index_page_path(n));
        Pagination {
            current,
            total,
            prev_url: if current > 1 { link(current - 1) } else { String::new() },
            next_url: if current < total {
                link(current + 1)
            } else {
                String::new()
            },
            pages: (1..=total)
                .map(|n| PageLink {
                    number: n,
                    url: link(n),
                })
                .collect(),
        }
    }
}

/// How many companies, quarters and speakers the site has, and where their lists are.
#[derive(Debug, Serialize)]
pub struct ListCounts {
    /// Companies.
    pub companies: usize,
    /// Quarters.
    pub quarters: usize,
    /// Speakers.
    pub speakers: usize,
    /// Link to the list of companies.
    pub companies_url: String,
    /// Link to the list of quarters.
    pub quarters_url: String,
    /// Link to the list of speakers.
    pub speakers_url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_in_english_and_in_chinese() {
        use crate::transcript::model::word_count;
        assert_eq!(word_count("Revenue was $441.9 million, up 21%."), 6);
        assert_eq!(word_count("營收為 4.419 億美元"), 3 + 1 + 3);
        assert_eq!(share(9, 43), 21);
        assert_eq!(share(1, 0), 0);
    }
}
