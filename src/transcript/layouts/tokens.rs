//! Token tables from speech benchmarks (fstalign's `.nlp`, as in Earnings-21): a header
//! `token|speaker|ts|endTs|punctuation|…`, then one word a line with its speaker id and
//! the punctuation after it. A turn is a change of speaker id; its line is the line of
//! its first word. The ids are numbers (the names live in a file that is not given), so
//! people are named from what is said (`transcript::voices`).

use crate::transcript::Lines;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta};
use crate::transcript::voices::{self, Run, Runs};

/// The layout's name.
pub const NAME: &str = "tokens";

/// How strongly `text` looks like a token table: its first line is the header.
pub fn score(text: &str) -> f32 {
    let first = text.lines().next().unwrap_or("").trim().to_ascii_lowercase();
    if first.starts_with("token|speaker|") { 1.0 } else { 0.0 }
}

/// Parses the layout.
pub fn parse(lines: &Lines<'_>) -> Call {
    let mut meta = Meta::default();
    let runs = runs(lines, &mut meta);
    voices::build(&runs, NAME, meta)
}

/// The speakers' runs of words, in order; words joined with their punctuation. A line
/// that is no token row is kept as a note, never dropped.
fn runs(lines: &Lines<'_>, meta: &mut Meta) -> Vec<Run> {
    let mut runs = Runs::new();
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
        runs.push(speaker, line, &format!("{token}{}", punctuation.trim()));
    }
    runs.into_runs()
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
            .zip(call.turn_speaker_names())
            .map(|(t, name)| (t.line, name, t.paragraphs[0].text.as_str()))
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
