//! Speech split by speaker labels rather than by names (speech-to-text output, subtitles,
//! token tables, `Speaker 1:` transcripts): runs of one voice, the names the call itself
//! gives anonymous labels, and the call built from the runs.
//!
//! Diarisation labels (`A`, `SPEAKER_00`, `spk_1`, `Speaker 2`, `0`) name no one. The call
//! names them: the voice that welcomes callers is the Operator, and a full name handed
//! the floor ("turn the conference over to Brandon Lohse", "our first question comes from
//! Richard Ciciarelli with Bank of America") names the next new voice. A label that is
//! already a name (`Jane Park`, from a VTT voice tag) is kept as it is.

use std::sync::LazyLock;

use regex::Regex;

use crate::transcript::builder::CallBuilder;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, Paragraph, Role};
use crate::transcript::speakers::{announces_question, find_introduction, is_operator, looks_like_name};

/// One voice's run of speech: consecutive pieces with the same label.
#[derive(Debug, Clone)]
pub struct Run {
    /// The label as the source writes it (`2`, `SPEAKER_01`, `Jane Park`).
    pub voice: String,
    /// Line (or element) of the run's first piece.
    pub line: usize,
    /// Paragraphs: pieces joined until a paragraph is long and a sentence ends.
    pub paragraphs: Vec<Paragraph>,
}

impl Run {
    /// The run's whole text, paragraphs joined by spaces.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.paragraphs.iter().map(|p| p.text.as_str()).collect();
        parts.join(" ")
    }
}

/// A paragraph grows piece by piece (a cue, a word, an utterance) past this many bytes and
/// then ends at the next sentence end: subtitle cues and words are too small to read as
/// paragraphs, a five-minute answer too long to read as one.
const PARAGRAPH_BYTES: usize = 600;

/// Runs built up piece by piece in source order.
#[derive(Debug, Default)]
pub struct Runs {
    runs: Vec<Run>,
}

impl Runs {
    /// No runs yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `text` said by `voice` at `line`, to the run's last paragraph unless that one
    /// is long and ends a sentence.
    pub fn push(&mut self, voice: &str, line: usize, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let run = self.run_for(voice, line);
        match run.paragraphs.last_mut() {
            Some(p) if !(p.text.len() >= PARAGRAPH_BYTES && ends_sentence(&p.text)) => {
                p.text.push(' ');
                p.text.push_str(text);
            }
            _ => run.paragraphs.push(Paragraph::new(text, line)),
        }
    }

    /// Adds a paragraph as the source divides it; a new run starts at `line` (its label's
    /// line) when the voice changes.
    pub fn push_paragraph(&mut self, voice: &str, line: usize, paragraph: Paragraph) {
        self.run_for(voice, line).paragraphs.push(paragraph);
    }

    /// The current run when `voice` is still speaking, else a new one starting at `line`.
    fn run_for(&mut self, voice: &str, line: usize) -> &mut Run {
        if self.runs.last().is_none_or(|r| r.voice != voice) {
            self.runs.push(Run {
                voice: voice.to_string(),
                line,
                paragraphs: Vec::new(),
            });
        }
        let last = self.runs.len() - 1;
        &mut self.runs[last]
    }

    /// The runs, empty paragraphs dropped.
    pub fn into_runs(self) -> Vec<Run> {
        let mut runs = self.runs;
        for run in &mut runs {
            run.paragraphs.retain(|p| !p.text.is_empty());
        }
        runs.retain(|r| !r.paragraphs.is_empty());
        runs
    }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '?', '!', '。', '？', '！'])
}

static ANONYMOUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:speaker|spk|spkr|voice|person|participant|channel|ch|s)[\s_\-]*)?(?:[0-9]{1,3}|[a-z])$")
        .expect("static regex")
});

/// True for a label that names no one: `2`, `A`, `SPEAKER_00`, `spk_1`, `Speaker 2`.
pub fn is_anonymous(label: &str) -> bool {
    ANONYMOUS.is_match(label.trim())
}

/// What an anonymous label is shown as until the call names it: `Speaker 2`, `Speaker A`.
fn placeholder(label: &str) -> String {
    let label = label.trim();
    let id = if label.chars().count() == 1 {
        label
    } else {
        label
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .trim_start_matches([' ', '_', '-'])
    };
    let id = if id.is_empty() { label } else { id };
    let unpadded = id.trim_start_matches('0');
    let id = match (unpadded.is_empty(), id.is_empty()) {
        (true, false) => "0",
        (true, true) => id,
        _ => unpadded,
    };
    format!("Speaker {id}")
}

/// The names the call gives its voices.
#[derive(Debug)]
pub struct Namer {
    named: Vec<(String, String, Option<Role>)>,
}

impl Namer {
    /// Learns the names from what `runs` say.
    pub fn new(runs: &[Run]) -> Self {
        Namer { named: names(runs) }
    }

    /// The person a voice label stands for, and the role their naming implies: the name
    /// the call gives it, else `Speaker N` for an id, else the label itself.
    pub fn name(&self, voice: &str) -> (String, Option<Role>) {
        match self.named.iter().find(|(id, _, _)| id == voice) {
            Some((_, name, role)) => (name.clone(), *role),
            None if is_anonymous(voice) => (placeholder(voice), None),
            None => (voice.to_string(), None),
        }
    }
}

/// Builds the call from runs: anonymous labels named from what is said, one turn per run.
pub fn build(runs: &[Run], layout: &str, mut meta: Meta) -> Call {
    let namer = Namer::new(runs);
    let mut b = CallBuilder::new();
    for run in runs {
        let (name, role) = namer.name(&run.voice);
        b.start_turn_as(&name, &name, None, None, role, run.line);
        for p in &run.paragraphs {
            b.add_paragraph(p.clone());
        }
    }
    read_period(runs, &mut meta);
    b.finish(layout, meta)
}

/// Speech has no title: the period is the one the opening turns name ("our Third Quarter
/// 2020 Earnings Conference Call").
pub fn read_period(runs: &[Run], meta: &mut Meta) {
    for run in runs.iter().take(3) {
        if common::read_period(meta, &run.text()) {
            break;
        }
    }
}

/// Names for anonymous labels from what is said: (label, name, role).
fn names(runs: &[Run]) -> Vec<(String, String, Option<Role>)> {
    let mut named: Vec<(String, String, Option<Role>)> = Vec::new();
    let texts: Vec<String> = runs.iter().map(Run::text).collect();
    let is_named = |named: &[(String, String, Option<Role>)], id: &str| named.iter().any(|(i, _, _)| i == id);
    // A label already a name (a voice tag, a name map) is never renamed, and its name is
    // never given to another voice.
    let given: Vec<&str> = runs
        .iter()
        .filter(|r| !is_anonymous(&r.voice))
        .map(|r| r.voice.as_str())
        .collect();
    if !given.iter().any(|v| is_operator(v))
        && let Some(i) = texts.iter().position(|t| welcomes(t))
        && is_anonymous(&runs[i].voice)
    {
        named.push((runs[i].voice.clone(), "Operator".to_string(), Some(Role::Operator)));
    }
    for (i, run) in runs.iter().enumerate() {
        let Some((name, role)) = handed_to(&texts[i]).or_else(|| unnamed_questioner(run, &runs[i + 1..])) else {
            continue;
        };
        // "over to Caron": the full name is the one said earlier ("Caron Lawhorn, Chief
        // Financial Officer"); a first name never said in full names no one.
        let name = if name.contains(' ') {
            name
        } else {
            match full_name(&name, &texts[..=i]) {
                Some(full) => full,
                None => continue,
            }
        };
        // The named person is the next voice that is not this one's.
        let Some(next) = runs[i + 1..].iter().find(|r| r.voice != run.voice) else {
            continue;
        };
        if is_anonymous(&next.voice)
            && !is_named(&named, &next.voice)
            && !named.iter().any(|(_, n, _)| *n == name)
            && !given.contains(&name.as_str())
        {
            named.push((next.voice.clone(), name, role));
        }
    }
    named
}

/// A question the operator announces without a name that can be read ("the next
/// question is from… Aga- uh, <unk> with UBS"): the next voice is an analyst, by its label.
fn unnamed_questioner(run: &Run, rest: &[Run]) -> Option<(String, Option<Role>)> {
    if !run.paragraphs.iter().any(|p| announces_question(&p.text)) {
        return None;
    }
    let next = rest.iter().find(|r| r.voice != run.voice)?;
    Some((placeholder(&next.voice), Some(Role::Analyst)))
}

/// The first `First Surname` said in `texts` for a first name.
fn full_name(first: &str, texts: &[String]) -> Option<String> {
    texts.iter().find_map(|text| {
        let mut words = text
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

    fn runs(pieces: &[(&str, &str)]) -> Vec<Run> {
        let mut r = Runs::new();
        for (i, (voice, text)) in pieces.iter().enumerate() {
            r.push(voice, i + 1, text);
        }
        r.into_runs()
    }

    #[test]
    fn anonymous_labels_are_told_from_names() {
        for label in ["0", "12", "A", "SPEAKER_00", "spk_1", "Speaker 2", "spk01", "S1"] {
            assert!(is_anonymous(label), "{label}");
        }
        for label in ["Jane Park", "Operator", "Al", "CEO"] {
            assert!(!is_anonymous(label), "{label}");
        }
        assert_eq!(placeholder("SPEAKER_03"), "Speaker 3");
        assert_eq!(placeholder("A"), "Speaker A");
        assert_eq!(placeholder("0"), "Speaker 0");
        assert_eq!(placeholder("spk_10"), "Speaker 10");
    }

    #[test]
    fn the_call_names_its_anonymous_voices() {
        let call = build(
            &runs(&[
                (
                    "A",
                    "Good day and welcome to the Rowan Pumps call. I will now turn it over to Dee Fox.",
                ),
                ("B", "Thanks. Our CEO, Ava Roe, will begin."),
                ("C", "Revenue was $5 million."),
                ("A", "Our first question comes from Bo Lin with Kestrel."),
                ("D", "How is demand?"),
                ("C", "Strong."),
            ]),
            "test",
            Meta::default(),
        );
        assert_eq!(
            call.turn_speaker_names(),
            ["Operator", "Dee Fox", "Speaker C", "Operator", "Bo Lin", "Speaker C"]
        );
        assert_eq!(call.qa_start(), Some(3));
    }

    #[test]
    fn names_from_voice_tags_are_kept_and_never_given_again() {
        let call = build(
            &runs(&[
                ("Operator", "Welcome to the call. Over to Dee Fox."),
                ("Dee Fox", "Thanks."),
                ("1", "Revenue grew."),
            ]),
            "test",
            Meta::default(),
        );
        assert_eq!(call.turn_speaker_names(), ["Operator", "Dee Fox", "Speaker 1"]);
    }

    #[test]
    fn long_runs_split_into_paragraphs_at_sentence_ends() {
        let sentence = "Revenue grew in every region this quarter and margins held. ";
        let mut r = Runs::new();
        for i in 0..30 {
            r.push("1", i + 1, sentence);
        }
        let runs = r.into_runs();
        assert_eq!(runs.len(), 1);
        let paragraphs = &runs[0].paragraphs;
        assert!(paragraphs.len() >= 2, "{}", paragraphs.len());
        assert!(paragraphs.iter().all(|p| ends_sentence(&p.text)));
        let (full, last) = paragraphs.split_at(paragraphs.len() - 1);
        assert!(
            full.iter()
                .all(|p| (PARAGRAPH_BYTES..PARAGRAPH_BYTES + sentence.len()).contains(&p.text.len()))
        );
        assert!(last[0].text.len() <= PARAGRAPH_BYTES + sentence.len());
        // A paragraph's line is that of its first piece.
        assert_eq!(paragraphs[1].line, 1 + paragraphs[0].text.matches("held.").count());
    }
}
