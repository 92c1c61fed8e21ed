//! Subtitles of a recorded call: WebVTT (speakers in `<v Name>` voice tags or as a
//! `Name:` prefix) and SRT (numbered cues, speakers as a `NAME:` or `[Name]` prefix,
//! `>>` where captioners mark a new voice). Cues without a speaker continue the voice
//! before them; a voice's cues are joined into paragraphs (`transcript::voices`). A
//! paragraph's line is the line of its first cue's text; cue numbers, timings and
//! `NOTE`/`STYLE` blocks are never speech.

use std::sync::LazyLock;

use regex::Regex;

use crate::transcript::Lines;
use crate::transcript::labels::read_label;
use crate::transcript::layouts::common;
use crate::transcript::model::{Call, Meta, UNKNOWN_SPEAKER};
use crate::transcript::voices::{self, Runs};

/// The layout's name.
pub const NAME: &str = "subtitles";

static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}\s+-->\s+(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}").expect("static regex")
});
static VOICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<v(?:\.[\w.-]+)?\s+(?P<name>[^>]+)>").expect("static regex"));
/// WebVTT's own tags (class, italics, bold, underline, voice, language, ruby) and cue
/// time stamps; anything else in angle brackets is text.
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?(?:c|i|b|u|v|lang|ruby|rt)(?:[.\s][^>]*)?>|<\d[\d:.]*>").expect("static regex"));
static BRACKET_SPEAKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\[(](?P<name>[^\])]{2,60})[\])]\s*:?\s*(?P<rest>.*)$").expect("static regex"));

/// How strongly `text` looks like subtitles: a `WEBVTT` header, or SRT cue timings.
pub fn score(text: &str) -> f32 {
    let first = text.trim_start_matches('\u{feff}').lines().next().unwrap_or("").trim();
    if first.starts_with("WEBVTT") {
        return 1.0;
    }
    let timings = text.lines().take(60).filter(|l| TIMING.is_match(l.trim())).count();
    if timings >= 3 { 0.97 } else { 0.0 }
}

/// Parses the layout.
pub fn parse(lines: &Lines<'_>) -> Call {
    let mut meta = Meta::default();
    let mut runs = Runs::new();
    let mut voice = String::from(UNKNOWN_SPEAKER);
    let mut in_cue = false;
    for (line, raw) in lines.iter() {
        let t = raw.trim().trim_start_matches('\u{feff}');
        if t.is_empty() {
            in_cue = false;
            continue;
        }
        if TIMING.is_match(t) {
            in_cue = true;
            continue;
        }
        if !in_cue {
            // Outside a cue: the header, a cue id, a NOTE, STYLE or REGION block; kept
            // as notes (a cue number is only a number).
            if !t.bytes().all(|b| b.is_ascii_digit()) {
                common::note(&mut meta, line, "subtitles", t);
            }
            continue;
        }
        let (speaker, text) = cue_speaker(t);
        if let Some(s) = speaker {
            voice = s;
        }
        if text.trim().is_empty() {
            // Markup with no words (`<c.yellow>`, a voice tag alone): kept, not spoken.
            common::note(&mut meta, line, "subtitles", t);
            continue;
        }
        runs.push(&voice, line, &text);
    }
    voices::build(&runs.into_runs(), NAME, meta)
}

/// The speaker a cue line names, if any, and its text without tags.
fn cue_speaker(line: &str) -> (Option<String>, String) {
    if let Some(c) = VOICE.captures(line) {
        let name = c["name"].trim().to_string();
        return (Some(name), TAG.replace_all(line, "").trim().to_string());
    }
    let plain = TAG.replace_all(line, "");
    let plain = plain.trim();
    // Captioners mark a change of voice with `>>`, with or without a name after it.
    let (changed, plain) = match plain.strip_prefix(">>") {
        Some(rest) => (true, rest.trim()),
        None => (false, plain),
    };
    if let Some(c) = BRACKET_SPEAKER.captures(plain)
        && let Some(label) = read_label(&c["name"])
    {
        return (Some(label.name), c["rest"].to_string());
    }
    if let Some((name, rest)) = common::speaker_prefix(plain, |n| read_label(n).is_some())
        && let Some(label) = read_label(name)
    {
        return (Some(label.name), rest.to_string());
    }
    let unnamed = changed.then(|| String::from(UNKNOWN_SPEAKER));
    (unnamed, plain.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turns(text: &str) -> Vec<(usize, String, String)> {
        let call = parse(&Lines::new(text, 0));
        call.turns
            .iter()
            .zip(call.turn_speaker_names())
            .map(|(t, name)| {
                let said: Vec<&str> = t.paragraphs.iter().map(|p| p.text.as_str()).collect();
                (t.line, name.to_string(), said.join(" | "))
            })
            .collect()
    }

    #[test]
    fn webvtt_voice_tags_and_continued_cues() {
        let vtt = "WEBVTT\n\nNOTE made by hand\n\n1\n00:00.000 --> 00:05.000\n<v Operator>Welcome to the call.</v>\n\n00:00:05.000 --> 00:00:09.000 align:start\n<v.loud Jane Park>Revenue was <b>$120 million</b>,\n\n00:00:09.000 --> 00:00:12.000\nup 8%.\n";
        assert_eq!(score(vtt), 1.0);
        assert_eq!(
            turns(vtt),
            [
                (7, "Operator".into(), "Welcome to the call.".into()),
                (10, "Jane Park".into(), "Revenue was $120 million, up 8%.".into()),
            ]
        );
    }

    #[test]
    fn srt_prefixes_in_every_form() {
        let srt = "1\n00:00:00,000 --> 00:00:05,000\nOPERATOR: Welcome to the call.\n\n2\n00:00:05,000 --> 00:00:09,000\n[Jane Park] Revenue was $120 million,\n\n3\n00:00:09,000 --> 00:00:12,000\nup 8%.\n\n4\n00:00:12,000 --> 00:00:15,000\n>> SAM LEE: How is demand?\n\n5\n00:00:15,000 --> 00:00:18,000\n>> Strong.\n";
        assert!(score(srt) > 0.9);
        assert_eq!(
            turns(srt),
            [
                (3, "Operator".into(), "Welcome to the call.".into()),
                (7, "Jane Park".into(), "Revenue was $120 million, up 8%.".into()),
                (15, "Sam Lee".into(), "How is demand?".into()),
                (19, "Unknown speaker".into(), "Strong.".into()),
            ]
        );
    }

    #[test]
    fn diarised_ids_in_subtitles_are_named_by_the_call() {
        let vtt = "WEBVTT\n\n00:00.000 --> 00:05.000\n<v SPEAKER_00>Welcome to the Rowan call. I will now turn it over to Dee Fox.\n\n00:05.000 --> 00:09.000\n<v SPEAKER_01>Thanks, everyone.\n";
        let names: Vec<String> = turns(vtt).into_iter().map(|t| t.1).collect();
        assert_eq!(names, ["Operator", "Dee Fox"]);
    }
}
