//! Token tables from speech benchmarks (fstalign's `.nlp`, as in Earnings-21): a header
//! `token|speaker|ts|endTs|punctuation|…`, then one word a line with its speaker id and
//! the punctuation after it. A turn is a change of speaker id; its line is the line of
//! its first word. The ids are numbers (the names live in a file that is not given), so
//! people are named from what is said: the speaker who welcomes callers is the Operator,
//! and a full name handed the floor ("turn the conference over to Brandon Lohse",
//! "our first question comes from Richard Ciciarelli with Bank of America") names the
//! next new voice.

use crate::transcript::Lines;
use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph, Role};
use crate::transcript::speakers::{announces_question, find_introduction, looks_like_name};

/// The layout's name.
pub const NAME: &str = "tokens";

/// How strongly `text` looks like a token table: its first line is the header.
pub fn score(text: &str) -> f32 {
    let first = text.lines().next().unwrap_or("").trim().to_ascii_lowercase();
    if first.starts_with("token|speaker|") { 1.0 } else { 0.0 }
}

/// One speaker's run of words.
struct Run {
    speaker: String,
    line: usize,
    text: String,
}

/// Parses the layout.
pub fn parse(lines: &Lines<'_>) -> Call {
    let mut meta = Meta::default();
    let runs = runs(lines, &mut meta);
    let names = names(&runs);
    let mut b = CallBuilder::new();
    for run in &runs {
        let (name, role) = names
            .iter()
            .find(|(id, _, _)| *id == run.speaker)
            .map_or((format!("Speaker {}", run.speaker), None), |(_, n, r)| (n.clone(), *r));
        b.start_turn_as(&name, &name, None, None, role, run.line);
        b.add_paragraph(Paragraph::new(run.text.clone(), run.line));
    }
    // A token table has no title: the period is the one the opening turns name ("our
    // Third Quarter 2020 Earnings Conference Call").
    for run in runs.iter().take(3) {
        if common::read_period(&mut meta, &run.text) {
            break;
        }
    }
    b.finish(NAME, meta)
}

/// The speakers' runs of words, in order; words joined with their punctuation. A line
/// that is no token row is kept as a note, never dropped.
fn runs(lines: &Lines<'_>, meta: &mut Meta) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (line, raw) in lines.iter().skip(1) {
        let mut cols = raw.split('|');
        let (token, speaker) = (cols.next().unwrap_or("").trim(), cols.next().unwrap_or("").trim());
        let punctuation = cols.nth(2).unwrap_or("");
        if token.is_empty() || speaker.is_empty() {
            if !raw.trim().is_empty() {
                common::note(meta, line, "unread", raw);
            }
            continue;
        }
        if runs.last().is_none_or(|r| r.speaker != speaker) {
            runs.push(Run {
                speaker: speaker.to_string(),
                line,
                text: String::new(),
            });
        }
        if let Some(run) = runs.last_mut() {
            if !run.text.is_empty() {
                run.text.push(' ');
            }
            run.text.push_str(token);
            run.text.push_str(punctuation.trim());
        }
    }
    runs
}

/// Names for speaker ids from what is said: (id, name, role).
fn names(runs: &[Run]) -> Vec<(String, String, Option<Role>)> {
    let mut named: Vec<(String, String, Option<Role>)> = Vec::new();
    let is_named = |named: &[(String, String, Option<Role>)], id: &str| named.iter().any(|(i, _, _)| i == id);
    if let Some(op) = runs.iter().find(|r| welcomes(&r.text)) {
        named.push((op.speaker.clone(), "Operator".to_string(), Some(Role::Operator)));
    }
    for (i, run) in runs.iter().enumerate() {
        let Some((name, role)) = handed_to(&run.text).or_else(|| unnamed_questioner(run, &runs[i + 1..])) else {
            continue;
        };
        // "over to Caron": the full name is the one said earlier ("Caron Lawhorn, Chief
        // Financial Officer"); a first name never said in full names no one.
        let name = if name.contains(' ') {
            name
        } else {
            match full_name(&name, &runs[..=i]) {
                Some(full) => full,
                None => continue,
            }
        };
        // The named person is the next voice that is not this one's.
        let Some(next) = runs[i + 1..].iter().find(|r| r.speaker != run.speaker) else {
            continue;
        };
        if !is_named(&named, &next.speaker) && !named.iter().any(|(_, n, _)| *n == name) {
            named.push((next.speaker.clone(), name, role));
        }
    }
    named
}

/// A question the operator announces without a name that can be read ("the next
/// question is from… Aga- uh, <unk> with UBS"): the next voice is an analyst, by its id.
fn unnamed_questioner(run: &Run, rest: &[Run]) -> Option<(String, Option<Role>)> {
    if !announces_question(&run.text) {
        return None;
    }
    let next = rest.iter().find(|r| r.speaker != run.speaker)?;
    Some((format!("Speaker {}", next.speaker), Some(Role::Analyst)))
}

/// The first `First Surname` said in `runs` for a first name.
fn full_name(first: &str, runs: &[Run]) -> Option<String> {
    runs.iter().find_map(|r| {
        let mut words = r
            .text
            .split_whitespace()
            .map(|w| w.trim_end_matches([',', '.', ';', ':']));
        while let Some(w) = words.next() {
            if w == first {
                let last = words.clone().next()?;
                let full = format!("{first} {last}");
                if last.chars().next().is_some_and(char::is_uppercase) && looks_like_name(&full) {
                    return Some(full);
                }
            }
        }
        None
    })
}

const HONORIFICS: &[&str] = &["Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Dr"];

/// Capitalised words that follow "over to" without being a name.
const NOT_NAMES: &[&str] = &[
    "The",
    "Our",
    "You",
    "Your",
    "Him",
    "Her",
    "Them",
    "Questions",
    "Q&A",
    "Operator",
    "I",
];

/// An operator's welcome.
fn welcomes(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("welcome") && (lower.contains("conference") || lower.contains("call"))
}

/// The full name a turn hands the floor to, with the role that implies.
fn handed_to(text: &str) -> Option<(String, Option<Role>)> {
    if let Some(intro) = find_introduction(text) {
        return Some((intro.name, Some(Role::Analyst)));
    }
    let lower = text.to_lowercase();
    let at = ["over to ", "turn it to ", "hand it to "]
        .iter()
        .filter_map(|p| lower.rfind(p).map(|i| i + p.len()))
        .max()?;
    // Skip a false start (`miston-`) and an honorific before the name.
    let mut words: Vec<&str> = Vec::new();
    for raw in text[at..]
        .split_whitespace()
        .skip_while(|w| w.ends_with('-') || HONORIFICS.contains(w))
        .take(3)
    {
        let word = raw.trim_end_matches([',', '.', ';', ':', '?', '!']);
        if !word.chars().next().is_some_and(char::is_uppercase) || NOT_NAMES.contains(&word) {
            break;
        }
        words.push(word);
        // A name ends with the clause it closes: "over to Brandon Lohse. Please go ahead".
        if word.len() < raw.len() {
            break;
        }
    }
    let name = words.join(" ");
    (!words.is_empty() && looks_like_name(&name)).then_some((name, Some(Role::Executive)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "token|speaker|ts|endTs|punctuation|case|tags|wer_tags
Good|2||||UC|[]|[]
day|2|||,|LC|[]|[]
welcome|2||||LC|[]|[]
to|2||||LC|[]|[]
the|2||||LC|[]|[]
conference|2|||.|LC|[]|[]
I|2||||CA|[]|[]
turn|2||||LC|[]|[]
it|2||||LC|[]|[]
over|2||||LC|[]|[]
to|2||||LC|[]|[]
Dee|2||||UC|[]|[]
Fox|2|||.|UC|[]|[]
Thanks|1|||.|UC|[]|[]
Revenue|0||||UC|[]|[]
grew|0|||.|LC|[]|[]
";

    #[test]
    fn runs_of_one_speaker_are_turns_named_from_what_is_said() {
        assert_eq!(score(TABLE), 1.0);
        let call = parse(&Lines::new(TABLE, 0));
        let turns: Vec<(usize, &str, &str)> = call
            .turns
            .iter()
            .map(|t| {
                let name = call.speaker(&t.speaker).map_or("?", |s| s.name.as_str());
                (t.line, name, t.paragraphs[0].text.as_str())
            })
            .collect();
        assert_eq!(
            turns,
            [
                (
                    2,
                    "Operator",
                    "Good day, welcome to the conference. I turn it over to Dee Fox."
                ),
                (15, "Dee Fox", "Thanks."),
                (16, "Speaker 0", "Revenue grew."),
            ]
        );
    }
}
