//! The "no lost line" check shared by the property tests and the fuzz targets: every
//! line of a transcript with words in it must end up somewhere in the parsed call (its
//! metadata, a turn, a note, a speaker) or be named by a warning.

use callpress::transcript::Call;

/// Where a line's text may have gone: anywhere in the call's text fields.
pub fn placed(call: &Call, line_no: usize, text: &str) -> bool {
    let m = &call.meta;
    let in_meta = m.title.contains(text)
        || m.summary.iter().any(|s| s.contains(text))
        || m.translation_notice.as_deref().is_some_and(|n| n.contains(text));
    let in_turns = call.turns.iter().any(|t| {
        t.label.contains(text)
            || t.paragraphs
                .iter()
                .any(|p| p.text.contains(text) || p.translation.as_deref().is_some_and(|tr| tr.contains(text)))
    });
    let in_notes = m.notes.iter().any(|n| n.text.contains(text) || text.contains(&n.text));
    let in_speakers = call.speakers.iter().any(|s| text.contains(&s.name));
    in_meta || in_notes || in_speakers || in_turns || call.warnings.iter().any(|w| w.line == line_no)
}

/// The words of a line that must survive parsing: without bullets, list numbers,
/// language tags, timestamps, Markdown marks and a `Name:` prefix; `None` for blank lines
/// and structural markers.
pub fn essence(raw: &str) -> Option<&str> {
    let t = raw.trim().trim_start_matches('•').trim();
    if t.is_empty() || MARKERS.contains(&t) || is_heading(t) || is_cue_timing(t) {
        return None;
    }
    // A two-column table row: its first cell is the original (the second its translation).
    let t = match t.strip_prefix('|').and_then(|r| r.strip_suffix('|')) {
        Some(cells) => cells.split('|').next().unwrap_or("").trim(),
        None => t,
    };
    // A subtitle's voice tag or a captioner's `>>` names the speaker, not the words.
    let t = t.trim_start_matches(">>").trim_start();
    let t = match t.strip_prefix("<v ").and_then(|r| r.split_once('>')) {
        Some((_, said)) => said.trim(),
        None => t,
    };
    // WebVTT's own tags around words (`<i>`, `</b>`, `<c.yellow>`): the words count.
    let t = strip_vtt_tags(t);

    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    let t = LANGUAGE_TAGS
        .iter()
        .find_map(|tag| t.strip_prefix(tag))
        .unwrap_or(t)
        .trim();
    let t = t.trim_matches('*');
    let t = strip_timestamp(t);
    let t = t.trim_start_matches('#').trim_start();
    let t = t.split([':', '：']).next_back().unwrap_or(t).trim();
    (!t.is_empty()).then_some(t)
}

/// The text before WebVTT's first tag of its own, or after it when it opens the line: the
/// subtitles reader drops the tags, so the words on one side of one are what must survive.
fn strip_vtt_tags(t: &str) -> &str {
    const TAGS: &[&str] = &[
        "<i>", "</i>", "<b>", "</b>", "<u>", "</u>", "</c>", "</v>", "<c.", "<c>", "<lang", "</lang>", "<ruby>", "<rt>",
    ];
    match TAGS.iter().filter_map(|tag| t.find(tag).map(|i| (i, tag))).min() {
        Some((0, tag)) => {
            let rest = &t[tag.len()..];
            let rest = if tag.ends_with('>') {
                rest
            } else {
                rest.split_once('>').map_or(rest, |(_, r)| r)
            };
            strip_vtt_tags(rest.trim())
        }
        Some((i, _)) => t[..i].trim(),
        None => t,
    }
}

/// `00:00:01.000 --> 00:00:05.000`: a subtitle cue's timing, markup rather than words.
fn is_cue_timing(t: &str) -> bool {
    t.contains("-->")
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | ',' | ' ' | '-' | '>'))
}

/// A line without the timestamp that opens it in the timestamped layout: `(h:mm)`,
/// `(hh:mm)` or either with `:ss` (the parser's own pattern).
fn strip_timestamp(t: &str) -> &str {
    let Some(rest) = t.strip_prefix('(') else { return t };
    let Some(close) = rest.find(')') else { return t };
    let parts: Vec<&str> = rest[..close].split(':').collect();
    let digits =
        |p: &str, n: std::ops::RangeInclusive<usize>| n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    let stamp = matches!(parts.len(), 2 | 3) && digits(parts[0], 1..=2) && parts[1..].iter().all(|p| digits(p, 2..=2));
    if stamp { rest[close + 1..].trim() } else { t }
}

/// The language tags of the tagged layout (its parser's list).
const LANGUAGE_TAGS: &[&str] = &[
    "[EN]", "[En]", "[en]", "[ENG]", "[英]", "[原文]", "[中]", "[中文]", "[ZH]", "[zh]", "[譯]", "[译]", "[譯文]",
];

/// A section or list heading in any spelling: `# Prepared remarks`, `**Q&A:**`.
fn is_heading(line: &str) -> bool {
    let name = line.trim_matches(|c: char| c == '#' || c == '*' || c == ':' || c == '=' || c.is_whitespace());
    HEADINGS.iter().any(|h| h.eq_ignore_ascii_case(name))
}

/// Names of sections and participant lists, compared without case or Markdown marks.
const HEADINGS: &[&str] = &[
    "prepared remarks",
    "presentation",
    "q&a",
    "questions and answers",
    "question-and-answer session",
    "question and answer session",
    "memo",
    "transcript",
    "participants",
    "call participants",
    "executives",
    "analysts",
    "corporate participants",
    "conference call participants",
    "disclaimer",
    "full conference call transcript",
    "內容摘要",
    "完整原文",
];

/// Lines that only mark structure (section headings, list headings).
pub const MARKERS: &[&str] = &[
    "內容摘要",
    "完整原文",
    "Prepared Remarks:",
    "Questions and Answers:",
    "Call participants:",
    "Executives",
    "Analysts",
    "Question-and-Answer Session",
    "CORPORATE PARTICIPANTS",
    "CONFERENCE CALL PARTICIPANTS",
    "PRESENTATION",
    "QUESTIONS AND ANSWERS",
    "DISCLAIMER",
    "## Memo",
    "## Transcript",
    "### Presentation",
    "### Q&A",
    "Full Conference Call Transcript",
];
