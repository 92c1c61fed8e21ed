//! Who a speaker is across calls: one page per person, at a folder every call can name on
//! its own (a call page links to its speakers' pages before the other calls are read).
//!
//! The folder joins the ways one name is written (`Andy Jassy`, `Andrew R. Jassy`: the
//! first name in its long form and the last name) and keeps apart two people of one name
//! who speak for different companies: an executive is known by the company of the call,
//! an analyst by their firm (its first words: `Morgan Stanley & Co. LLC` is `morgan
//! stanley`). An analyst whose firm a call does not give has a page of the name alone.

use crate::site::urls::{SPEAKERS_PATH, company_folder, slugify};
use crate::transcript::model::{Meta, Role, Speaker};
use crate::transcript::speakers::first_and_last;

/// A speaker as one call states them.
#[derive(Debug, Clone, Copy)]
pub struct Stated<'a> {
    /// The name as written.
    pub name: &'a str,
    /// Their part on the call.
    pub role: Role,
    /// Their firm, as written, if given.
    pub affiliation: Option<&'a str>,
    /// The folder of the call's company (`amzn/`), if it has one.
    pub company_folder: Option<&'a str>,
}

/// The folder of the page of `speaker` of the call described by `meta` (see [`person_path`]).
pub fn speaker_page(speaker: &Speaker, meta: &Meta) -> String {
    person_path(Stated {
        name: &speaker.name,
        role: speaker.role,
        affiliation: speaker.affiliation.as_deref(),
        company_folder: company_folder(&meta.ticker, &meta.company).as_deref(),
    })
}

/// The folder of the person's page, `speakers/andrew-jassy-amzn/`; empty when the name
/// has nothing to make a folder of (no letter or digit).
pub fn person_path(s: Stated<'_>) -> String {
    let name = slugify(&first_and_last(s.name));
    if name.is_empty() {
        return String::new();
    }
    let company = s.company_folder.map(|f| f.trim_end_matches('/')).unwrap_or_default();
    let firm = s.affiliation.map(firm_key).unwrap_or_default();
    let organisation = match s.role {
        Role::Executive => company.to_string(),
        Role::Analyst => firm,
        // Not known: the firm when a call names one, else the company that held the call.
        _ if !firm.is_empty() => firm,
        _ => company.to_string(),
    };
    match slugify(&organisation) {
        org if org.is_empty() => format!("{SPEAKERS_PATH}{name}/"),
        org => format!("{SPEAKERS_PATH}{name}-{org}/"),
    }
}

/// Words of a firm's name that do not tell firms apart (legal forms, departments).
const FIRM_NOISE: &[&str] = &[
    "and",
    "the",
    "llc",
    "inc",
    "co",
    "corp",
    "corporation",
    "company",
    "ltd",
    "limited",
    "plc",
    "lp",
    "llp",
    "sa",
    "ag",
    "nv",
    "securities",
    "research",
    "division",
    "group",
    "holdings",
    "incorporated",
];

/// The first two telling words of a firm's name, before any comma (`JPMorgan Chase & Co,
/// Research Division` is `jpmorgan chase`; `J.P. Morgan` is `jp morgan`).
fn firm_key(firm: &str) -> String {
    let head = firm.split([',', '(', ';']).next().unwrap_or("");
    let head = head.split(" - ").next().unwrap_or("").replace('.', "");
    head.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !FIRM_NOISE.contains(&w.as_str()))
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(name: &str, role: Role, affiliation: Option<&str>, company: Option<&str>) -> String {
        person_path(Stated {
            name,
            role,
            affiliation,
            company_folder: company,
        })
    }

    #[test]
    fn name_variants_of_one_executive_meet() {
        let a = path(
            "Andrew R. Jassy",
            Role::Executive,
            Some("Amazon.com, Inc."),
            Some("amzn/"),
        );
        let b = path("Andy Jassy", Role::Executive, None, Some("amzn/"));
        assert_eq!(a, "speakers/andrew-jassy-amzn/");
        assert_eq!(a, b);
    }

    #[test]
    fn name_variants_of_one_analyst_meet_by_firm() {
        let a = path(
            "Douglas Till Anmuth",
            Role::Analyst,
            Some("JPMorgan Chase & Co, Research Division"),
            Some("amzn/"),
        );
        let b = path(
            "Doug Anmuth",
            Role::Analyst,
            Some("JPMorgan Chase & Co."),
            Some("goog/"),
        );
        assert_eq!(a, "speakers/douglas-anmuth-jpmorgan-chase/");
        assert_eq!(a, b, "an analyst is known by firm, whichever company's call");
        let c = path("Brian Nowak", Role::Analyst, Some("Morgan Stanley & Co. LLC"), None);
        let d = path("Brian Nowak", Role::Analyst, Some("Morgan Stanley"), None);
        assert_eq!(c, d);
    }

    #[test]
    fn one_name_at_two_companies_is_two_people() {
        let a = path("John Smith", Role::Executive, None, Some("acme/"));
        let b = path("John Smith", Role::Executive, None, Some("brdo/"));
        let c = path("John Smith", Role::Analyst, Some("Gullwing Research"), Some("acme/"));
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(
            path("John Smith", Role::Analyst, None, Some("acme/")),
            "speakers/john-smith/"
        );
        assert_eq!(
            path("—", Role::Executive, None, Some("acme/")),
            "",
            "no folder for a name of no letters"
        );
    }
}
