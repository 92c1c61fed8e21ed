//! Speaker names: reading headers, telling names from sentences, matching short names to full ones.

use std::sync::LazyLock;

use regex::Regex;

/// Splits a header `Name - Title` into name and title (also with en/em dashes).
pub fn split_header(label: &str) -> (&str, Option<&str>) {
    for sep in [" - ", " – ", " — ", " -- "] {
        if let Some((name, title)) = label.split_once(sep) {
            let title = title.trim();
            return (name.trim(), (!title.is_empty()).then_some(title));
        }
    }
    (label.trim(), None)
}

/// True for the operator's header.
pub fn is_operator(label: &str) -> bool {
    let label = label.trim();
    [
        "operator",
        "the operator",
        "conference operator",
        "conference call operator",
    ]
    .iter()
    .any(|o| label.eq_ignore_ascii_case(o))
}

/// Words that may stand lower-case inside a personal name.
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "der", "van", "von", "la", "le", "di", "bin", "al", "du", "dos",
];

/// True when `text` reads as a person's name (or a label like `Unidentified Analyst`):
/// one to six words, capitalised, no digits, no sentence punctuation at the end.
pub fn looks_like_name(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty()
        || text.chars().count() > 60
        || text.ends_with(['.', '?', '!', ',', ':', ';']) && !text.ends_with("Jr.") && !text.ends_with("Sr.")
    {
        return false;
    }
    if text
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '?' | '!' | ';' | '(' | ')' | '"' | '“' | '”'))
    {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || words.iter().any(|w| glued_sentence(w)) {
        return false;
    }
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        first.is_uppercase() || NAME_PARTICLES.contains(w) || !first.is_alphabetic() && !first.is_ascii()
    })
}

/// `thanks.Mark`: a sentence end glued to the next word, as opposed to an initial (`A.J.`).
fn glued_sentence(word: &str) -> bool {
    word.split_once('.').is_some_and(|(before, after)| {
        before.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && after.chars().next().is_some_and(char::is_alphabetic)
    })
}

/// True when a header reads as `Operator`, `Name - Title` or a bare name.
pub fn looks_like_header(label: &str) -> bool {
    if is_operator(label) {
        return true;
    }
    let (name, title) = split_header(label);
    match title {
        Some(title) => looks_like_name(name) && title.chars().count() <= 120 && !title.ends_with(['.', '?', '!']),
        None => looks_like_name(name) && name.split_whitespace().count() >= 2,
    }
}

/// Common short forms of first names; either side may be the one written.
const NICKNAMES: &[(&str, &str)] = &[
    ("doug", "douglas"),
    ("ron", "ronald"),
    ("nick", "nicholas"),
    ("alex", "alexander"),
    ("alex", "aleksandr"),
    ("andy", "andrew"),
    ("bob", "robert"),
    ("rob", "robert"),
    ("bill", "william"),
    ("will", "william"),
    ("jim", "james"),
    ("mike", "michael"),
    ("tom", "thomas"),
    ("dan", "daniel"),
    ("dave", "david"),
    ("steve", "steven"),
    ("steve", "stephen"),
    ("chris", "christopher"),
    ("ben", "benjamin"),
    ("ed", "edward"),
    ("rick", "richard"),
    ("dick", "richard"),
    ("tony", "anthony"),
    ("joe", "joseph"),
    ("matt", "matthew"),
    ("pat", "patrick"),
    ("sam", "samuel"),
    ("tim", "timothy"),
    ("kate", "katherine"),
    ("liz", "elizabeth"),
    ("jen", "jennifer"),
    ("jon", "jonathan"),
    ("greg", "gregory"),
    ("jeff", "jeffrey"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
];

fn name_tokens(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == '.' || c == ',').to_lowercase())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "jr" | "sr" | "ii" | "iii" | "iv" | "mr" | "ms" | "mrs" | "dr"
                )
        })
        .collect()
}

fn same_first_name(a: &str, b: &str) -> bool {
    a == b
        || (a.len() >= 3 && b.starts_with(a))
        || (b.len() >= 3 && a.starts_with(b))
        || NICKNAMES.iter().any(|&(s, l)| (a == s && b == l) || (a == l && b == s))
}

/// True when `short` (e.g. `Doug Anmuth`) can be the person named `full`
/// (e.g. `Douglas Till Anmuth`): same last name and a compatible first name.
pub fn same_person(short: &str, full: &str) -> bool {
    let (s, f) = (name_tokens(short), name_tokens(full));
    match (s.first(), s.last(), f.first(), f.last()) {
        (Some(sf), Some(sl), Some(ff), Some(fl)) => sl == fl && (s.len() == 1 || same_first_name(sf, ff)),
        _ => false,
    }
}

/// The name's first and last word, lower case, the first in its long form when it is a
/// known short one (`Andy Jassy` and `Andrew R. Jassy` are both `andrew jassy`): the
/// key under which one person's calls meet across a site.
pub fn first_and_last(name: &str) -> String {
    let tokens = name_tokens(name);
    match (tokens.first(), tokens.last()) {
        (Some(first), Some(last)) if tokens.len() > 1 => {
            let long = NICKNAMES
                .iter()
                .find(|(short, _)| short == first)
                .map_or(first.as_str(), |(_, long)| long);
            format!("{long} {last}")
        }
        _ => tokens.join(" "),
    }
}

/// A key under which two spellings of one name meet (case, dots, spacing).
pub fn name_key(name: &str) -> String {
    name_tokens(name).join(" ")
}

static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:line of|comes from|question is from|questions? from|next is|go to|goes to)\s+(?P<name>\p{Lu}[\w.'’\-]*(?:\s+\p{Lu}[\w.'’\-]*){0,4})\s+(?:with|from|of|at)\s+(?P<firm>\p{Lu}(?:[^.,;!?()]|\.[\p{L}&])*)",
    )
    .expect("static regex")
});

static QUESTION_ANNOUNCEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:first|next|final|last|following|initial)\s+question(?-u:\b)|(?-u:\b)question\s+(?:comes|is|will come)\s+from(?-u:\b)|(?-u:\b)from the line of(?-u:\b)|(?-u:\b)(?:will\s+)?now\s+(?:open|begin|start)\s+(?:the\s+(?:call|line|lines|floor)\s+(?:up\s+)?(?:for|to)\s+questions|the\s+question[-\s]and[-\s]answer)|(?-u:\b)open\s+(?:the\s+(?:call|line|floor)|it)\s+up\s+(?:for|to)\s+questions")
        .expect("static regex")
});

static QUESTION_RULES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)limit\s+(?:yourself|yourselves|your\s+questions?)\s+to(?-u:\b)|(?-u:\b)one\s+question\s+and\s+(?:one|a)\s+follow[-\s]?up(?-u:\b)")
        .expect("static regex")
});

/// True when `text` sets the rules for the Q&A ("we ask that you limit yourself to two
/// questions"): such a turn belongs to the Q&A it opens.
pub fn sets_question_rules(text: &str) -> bool {
    QUESTION_RULES.is_match(text)
}

/// An analyst introduced by the operator: short name and firm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Introduction {
    /// The name as the operator says it.
    pub name: String,
    /// The firm.
    pub firm: String,
}

/// Finds `the line of NAME with FIRM` (and similar) in an operator's words.
pub fn find_introduction(text: &str) -> Option<Introduction> {
    let caps = INTRO.captures(text)?;
    let firm = caps["firm"].trim().trim_end_matches(" and").to_string();
    Some(Introduction {
        name: caps["name"].trim().to_string(),
        firm,
    })
}

/// True when the operator's words announce a question (the start of Q&A).
pub fn announces_question(text: &str) -> bool {
    QUESTION_ANNOUNCEMENT.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_split_into_name_and_title() {
        assert_eq!(
            split_header("Andrew R. Jassy - President, CEO & Director"),
            ("Andrew R. Jassy", Some("President, CEO & Director"))
        );
        assert_eq!(split_header("Operator"), ("Operator", None));
    }

    #[test]
    fn names_are_told_from_sentences() {
        assert!(looks_like_header("Dave Fildes - Director of IR"));
        assert!(looks_like_header("Operator"));
        assert!(looks_like_header("Unidentified Analyst"));
        assert!(looks_like_header("Ludwig van Beethoven - Composer"));
        assert!(!looks_like_header("And now I'll turn the call over to Andy."));
        assert!(!looks_like_header("Thank you."));
        assert!(!looks_like_header("Revenue grew 13% - a record"));
        assert!(!looks_like_header("Andy"));
    }

    #[test]
    fn short_names_match_full_names() {
        assert!(same_person("Doug Anmuth", "Douglas Till Anmuth"));
        assert!(same_person("Ron Josey", "Ronald Victor Josey"));
        assert!(same_person("Ross Sandler", "Ross Adam Sandler"));
        assert!(same_person("Andy Jassy", "Andrew R. Jassy"));
        assert!(!same_person("Brian Nowak", "Brian T. Olsavsky"));
        assert!(!same_person("Doug Smith", "Douglas Till Anmuth"));
        // Transcripts in court style name people by honorific and surname.
        assert!(same_person("MR. LIN", "Bo Lin"));
        assert!(is_operator("THE OPERATOR"));
    }

    #[test]
    fn operator_introductions_give_name_and_firm() {
        let i = find_introduction(
            "(Operator Instructions) Our first question comes from the line of Doug Anmuth with JPMorgan.",
        )
        .unwrap();
        assert_eq!(
            i,
            Introduction {
                name: "Doug Anmuth".into(),
                firm: "JPMorgan".into()
            }
        );
        let i =
            find_introduction("And the next question comes from the line of Youssef Squali with Truist Securities.")
                .unwrap();
        assert_eq!(i.firm, "Truist Securities");
        let i = find_introduction(
            "Next question comes from the line of Justin Post with Bank of America. Please go ahead.",
        )
        .unwrap();
        assert_eq!(i.firm, "Bank of America");
        assert!(find_introduction("Thank you for standing by.").is_none());
    }

    #[test]
    fn question_announcements_are_recognised() {
        assert!(announces_question(
            "Our first question comes from the line of Doug Anmuth with JPMorgan."
        ));
        assert!(!announces_question("Today's call is being recorded."));
    }
}

/// A person from a participant list (`Executives`, `CORPORATE PARTICIPANTS`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// The name as the list gives it.
    pub name: String,
    /// Job title, if the list gives one.
    pub title: Option<String>,
    /// Firm or company, if the list gives one.
    pub affiliation: Option<String>,
    /// Role the list implies (executives vs analysts).
    pub role: crate::transcript::Role,
}

/// The participant list of a call: the dictionary header names are matched against.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    people: Vec<Participant>,
}

impl Roster {
    /// Adds a person (a second entry with the same name is ignored).
    pub fn add(&mut self, p: Participant) {
        if !self.people.iter().any(|q| name_key(&q.name) == name_key(&p.name)) {
            self.people.push(p);
        }
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// The people, in list order.
    pub fn people(&self) -> &[Participant] {
        &self.people
    }

    /// The participant a header name refers to: the same name up to case, dots and
    /// spacing, or a short form of it (`Doug Anmuth` for `Douglas Till Anmuth`).
    pub fn find(&self, name: &str) -> Option<&Participant> {
        let key = name_key(name);
        self.people.iter().find(|p| name_key(&p.name) == key).or_else(|| {
            let mut matches = self
                .people
                .iter()
                .filter(|p| same_person(name, &p.name) || same_person(&p.name, name));
            let first = matches.next()?;
            matches.next().is_none().then_some(first)
        })
    }
}

/// `Credit Suisse Securities (NYSE:USA) LLC` and `Credit Suisse Securities (USA) LLC` are one
/// firm: publishers' auto-linking adds exchange prefixes to words in parentheses.
pub fn strip_ticker_tags(text: &str) -> String {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\((?:NYSE|NASDAQ|NYSEMKT|NYSEARCA|AMEX|OTC|OTCPK|TSX|LSE|TWSE):([A-Z.]+)\)").expect("static regex")
    });
    TAG.replace_all(text, "($1)").into_owned()
}

/// Labels that stand for someone unnamed (`Analyst`, `Unidentified Analyst`, `Operator`):
/// speakers on a call, but not people with a page of their own across calls.
pub fn is_label(name: &str) -> bool {
    const LABELS: &[&str] = &[
        "operator",
        "analyst",
        "unidentified analyst",
        "unidentified company representative",
        "unidentified participant",
        "unidentified speaker",
        "unknown speaker",
        "moderator",
        "host",
        "participant",
    ];
    LABELS.contains(&name.trim().to_lowercase().as_str())
}
