//! Replays the inputs that once broke a parser, or nearly did (tests/fixtures/regressions):
//! every layout and the figures must read each without panicking, and the file as a site
//! must build or fail with a message naming it.

mod common;

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
                assert_eq!(figures.headline.len(), figures.rows.len(), "{}: {name}", file.display());
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
