//! Replays the inputs that once broke a parser, or nearly did (tests/fixtures/regressions):
//! every layout and the figures must read each without panicking, and the file as a site
//! must build or fail with a message naming it.

mod common;
#[path = "support/placement.rs"]
mod placement;

use callpress::transcript::Lines;
use callpress::transcript::detect::Layout;
use common::*;

fn corpus() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(repo().join("tests/fixtures/regressions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the regression corpus is there");
    files
}

#[test]
fn every_layout_reads_every_regression_input() {
    for file in corpus() {
        let bytes = std::fs::read(&file).unwrap();
        let Ok(decoded) = callpress::content::decode::decode(&bytes) else {
            continue;
        };
        for name in Layout::names() {
            let layout = Layout::from_name(name).unwrap();
            if let Ok(mut call) = layout.parse(&Lines::new(&decoded.text, 0)) {
                let figures = callpress::figures::extract(&mut call);
                assert!(figures.headline_is_sound(), "{}: {name}", file.display());
            }
        }
    }
}

#[test]
fn every_regression_input_builds_or_fails_naming_itself() {
    for file in corpus() {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&file).unwrap();
        let site = temp_site("title = \"T\"\n", &[(&format!("content/{name}"), &bytes)]);
        if let Err(e) = callpress::build(&callpress::BuildOptions {
            root: site.path().to_path_buf(),
            ..Default::default()
        }) {
            assert!(e.to_string().contains(&name), "{name}: {e}");
        }
    }
}

/// Every transcript the repository holds (the example site, the layout fixtures and the
/// regression corpus) and the real samples beside it, read as a build reads it, keeps
/// every line with words in it: in the call, or named by a warning. The same check the property tests and the fuzz
/// targets apply to generated text.
#[test]
fn every_transcript_in_the_repository_keeps_every_line() {
    let mut files = corpus();
    for dir in [
        "content",
        "content/layouts",
        "tests/fixtures/layouts",
        "tests/fixtures/bilingual",
    ] {
        let mut more: Vec<_> = std::fs::read_dir(repo().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e != "md" || dir.ends_with("layouts")))
            .collect();
        more.sort();
        files.extend(more);
    }
    let mut real: Vec<_> = std::fs::read_dir(shared_fixture("real/MANIFEST.tsv").parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "tsv"))
        .collect();
    real.sort();
    files.extend(real);
    files.push(shared_fixture("amzn-2024-q1-bilingual.txt"));
    let mut checked = 0;
    for file in files {
        let Ok(doc) = callpress::content::read_document(&file) else {
            continue;
        };
        let Ok(call) = callpress::transcript::parse_document(&doc) else {
            continue;
        };
        // Structured files: a statement, an element or a token row is not a line of text.
        if ["json", "html", "tokens"].iter().any(|l| call.layout.starts_with(l)) {
            continue;
        }
        // The text as the build sees it (decoded, no-break spaces made plain).
        let text = callpress::content::decode::decode(&std::fs::read(&file).unwrap())
            .unwrap()
            .text;
        for (i, raw) in text.lines().enumerate().skip(doc.body_line_offset) {
            if let Some(t) = placement::essence(raw) {
                assert!(
                    placement::placed(&call, i + 1, t),
                    "{} ({}): line {} lost: {raw:?}",
                    file.display(),
                    call.layout,
                    i + 1
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} transcripts checked");
}
