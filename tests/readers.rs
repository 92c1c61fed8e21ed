//! Fictional transcripts in the shapes publishers, meeting and speech tools ship (labels in capitals with
//! titles and firms, numbered speech-to-text speakers, PDF name lines with page furniture,
//! bold Markdown names, WebVTT voices, SRT captions, alternating bilingual paragraphs,
//! speech-to-text JSON of three vendors' shapes, YAML), each read by a container or the
//! general reader to its hand-written turn list in `fixtures/readers/TRUTH.tsv`: every
//! turn's line (the JSON element for JSON), section and speaker.

mod common;

use std::collections::BTreeMap;

use callpress::diagnostic::WarningKind;
use callpress::transcript::Section;
use common::repo;

type Turns = Vec<(usize, String, String)>;

fn truth() -> BTreeMap<String, Turns> {
    let tsv = std::fs::read_to_string(repo().join("tests/fixtures/readers/TRUTH.tsv")).unwrap();
    let mut out: BTreeMap<String, Turns> = BTreeMap::new();
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        out.entry(cols[0].to_string()).or_default().push((
            cols[1].parse().unwrap(),
            cols[2].to_string(),
            cols[3].to_string(),
        ));
    }
    out
}

#[test]
fn every_shape_reads_to_its_hand_written_turns() {
    let truth = truth();
    assert!(truth.len() >= 18, "the truth lists {} files", truth.len());
    let mut wrong = Vec::new();
    for (file, want) in &truth {
        let call = callpress::parse_file(&repo().join("tests/fixtures/readers").join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let got: Turns = call
            .turns
            .iter()
            .zip(call.turn_speaker_names())
            .map(|(t, name)| {
                let section = if t.section == Section::Qa { "qa" } else { "prepared" };
                (t.line, section.to_string(), name.to_string())
            })
            .collect();
        if &got != want {
            wrong.push(format!("{file} ({}):\n  got  {got:?}\n  want {want:?}", call.layout));
        }
        // A file read well is no poor fit: the layout warning is for files the reader had to guess at.
        let layout_warnings: Vec<&str> = call
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::Layout)
            .map(|w| w.message.as_str())
            .collect();
        if !layout_warnings.is_empty() {
            wrong.push(format!("{file}: layout warnings {layout_warnings:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
