//! Original and translation paired in any rhythm: alternating paragraphs told apart by
//! script, a label repeated in the translation's language, a translation appended after
//! the whole original.

use crate::transcript::labels::{Form, Label};
use crate::transcript::layouts::common;
use crate::transcript::model::{Meta, Paragraph, UNKNOWN_SPEAKER};

use super::Segment;

/// Adds a line of speech: to the open paragraph, or as a new one. A paragraph in Chinese,
/// Japanese or Korean right after one in another script is its translation (original
/// and translation alternating, in any rhythm of lines and blank lines).
pub(super) fn add_text(segments: &mut Vec<Segment>, paragraph: Paragraph, join: bool) {
    if segments.is_empty() {
        segments.push(Segment {
            label: Label {
                name: UNKNOWN_SPEAKER.to_string(),
                title: None,
                affiliation: None,
                form: Form::Name,
            },
            written: String::new(),
            line: paragraph.line,
            paragraphs: Vec::new(),
        });
    }
    let Some(seg) = segments.last_mut() else { return };
    let translated = paragraph.translation.is_none() && common::mostly_cjk(&paragraph.text);
    match seg.paragraphs.last_mut() {
        Some(p) if translated && p.translation.is_some() && join => {
            if let Some(t) = p.translation.as_mut() {
                t.push_str(&paragraph.text);
            }
        }
        Some(p) if translated && p.translation.is_none() && !common::mostly_cjk(&p.text) => {
            p.translation = Some(without_label(&paragraph.text).to_string());
            p.translation_line = Some(paragraph.line);
        }
        Some(p) if join && p.translation.is_none() => {
            p.text.push(' ');
            p.text.push_str(&paragraph.text);
        }
        _ => seg.paragraphs.push(paragraph),
    }
}

/// A translation appended after the whole original: the file's paragraphs end in a run
/// in Chinese, Japanese or Korean exactly as long as the original before it (labels on
/// lines of their own in the translation's language set aside). Paragraph `i` of the run
/// translates paragraph `i` of the original; any other count pairs nothing, rather than
/// pairing wrong.
pub(super) fn pair_appended_translation(segments: &mut Vec<Segment>, meta: &mut Meta) {
    // The alternating rule gave the run's first paragraph to the last original: undo that.
    let mut all: Vec<Paragraph> = Vec::new();
    for seg in segments.iter() {
        for p in &seg.paragraphs {
            let mut p = p.clone();
            if let Some(t) = p.translation.take() {
                let line = p.translation_line.take().unwrap_or(p.line);
                all.push(p);
                all.push(Paragraph::new(t, line));
            } else {
                all.push(p);
            }
        }
    }
    let Some(start) = all.iter().rposition(|p| !common::mostly_cjk(&p.text)).map(|i| i + 1) else {
        return;
    };
    let tail: Vec<&Paragraph> = all[start..].iter().filter(|p| !is_translated_label(&p.text)).collect();
    let originals = &all[..start];
    // At most the one pair the alternating rule made from the run's first paragraph.
    let paired = segments
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| p.translation.is_some())
        .count();
    if tail.len() < 2 || paired > 1 || originals.iter().any(|p| common::mostly_cjk(&p.text)) {
        return;
    }
    if tail.len() != originals.len() {
        // Not one translation per paragraph: the run is kept as it stands, its first
        // paragraph no longer the last original's translation.
        unpair_last(segments);
        return;
    }
    let translations: Vec<(String, usize)> = tail
        .iter()
        .map(|p| (without_label(&p.text).to_string(), p.line))
        .collect();
    for p in all[start..].iter().filter(|p| is_translated_label(&p.text)) {
        common::note(meta, p.line, "label", &p.text);
    }
    // One translation per original, in order.
    let mut next = translations.into_iter();
    for seg in segments.iter_mut() {
        seg.paragraphs.retain(|p| !common::mostly_cjk(&p.text));
        for (p, (text, line)) in seg.paragraphs.iter_mut().zip(next.by_ref()) {
            p.translation = Some(text);
            p.translation_line = Some(line);
        }
    }
    segments.retain(|s| !s.paragraphs.is_empty() || !s.written.is_empty());
}

/// Gives the last paragraph's translation back as a paragraph of its own.
fn unpair_last(segments: &mut [Segment]) {
    let Some(seg) = segments
        .iter_mut()
        .rev()
        .find(|s| s.paragraphs.iter().any(|p| p.translation.is_some()))
    else {
        return;
    };
    let Some(i) = seg.paragraphs.iter().rposition(|p| p.translation.is_some()) else {
        return;
    };
    let p = &mut seg.paragraphs[i];
    if let (Some(text), Some(line)) = (p.translation.take(), p.translation_line.take()) {
        seg.paragraphs.insert(i + 1, Paragraph::new(text, line));
    }
}

/// A speaker label in Chinese, Japanese or Korean: a few characters, no sentence.
pub(super) fn is_translated_label(text: &str) -> bool {
    common::mostly_cjk(text)
        && text.chars().count() <= 12
        && !text.ends_with(['。', '？', '！', '.', '?', '!', '，', ','])
}

/// A translation that repeats the speaker's label in its own language (`主持人：歡迎`)
/// without the label: the label is the speaker's, already read from the original.
fn without_label(text: &str) -> &str {
    match text.split_once(['：', ':']) {
        Some((label, rest)) if label.chars().count() <= 12 && !rest.trim().is_empty() => rest.trim(),
        _ => text,
    }
}
