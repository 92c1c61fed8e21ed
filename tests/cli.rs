//! The `callpress` binary: each command's output and exit code.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

use common::*;

fn callpress() -> Command {
    Command::cargo_bin("callpress").unwrap()
}

#[test]
fn parse_json_is_the_published_call_format() {
    let out = callpress()
        .args(["parse", "--json"])
        .arg(shared_fixture("amzn-2024-q1-bilingual.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["meta"]["ticker"], "AMZN");
    assert_eq!(json["turns"].as_array().unwrap().len(), 26);
    assert_eq!(json["turns"][2]["anchor"], "andrew-r-jassy");
    assert_eq!(json["turns"][4]["section"], "qa");
    // The translation check finds the two figures Google's translation dropped, and the
    // call states international operating income twice with different values.
    let warnings: Vec<(u64, &str)> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["line"].as_u64().unwrap(), w["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        warnings,
        [
            (207, "translation-mismatch"),
            (439, "translation-mismatch"),
            (461, "conflict")
        ]
    );
    assert!(json["figures"].as_array().unwrap().len() > 20);
    assert!(json["headline"].as_array().unwrap().len() >= 5);
}

#[test]
fn parse_outline_lists_speakers_and_sections() {
    callpress()
        .args(["parse"])
        .arg(shared_fixture("amzn-2024-q1-bilingual.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Douglas Till Anmuth").and(predicate::str::contains("-- Q&A --")));
}

#[test]
fn check_passes_on_the_example_site() {
    callpress()
        .args(["check", "--root"])
        .arg(repo())
        .assert()
        .success()
        .stderr(predicate::str::contains("no errors, 0 warning(s)"));
}

#[test]
fn check_fails_with_file_and_line_on_an_error() {
    let site = temp_site("title = \"T\"\n", &[("content/bad.txt", b"---\nquarter: 7\n---\n")]);
    callpress()
        .args(["check", "--root"])
        .arg(site.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.txt:2:").and(predicate::str::contains("quarter")));
}

#[test]
fn check_prints_warnings_with_file_and_line() {
    let text = "Stray (STR) 2024 Q1\n  • Operator\n    Operator\nsomething odd\n  • Hello.\n    你好。\n";
    let site = temp_site("title = \"T\"\n", &[("content/s.txt", text.as_bytes())]);
    callpress()
        .args(["check", "--root"])
        .arg(site.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("s.txt:4: warning:").and(predicate::str::contains("something odd")));
}

#[test]
fn missing_site_toml_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    callpress()
        .args(["build", "--root"])
        .arg(dir.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("site.toml"));
}

#[test]
fn init_makes_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("new-site");
    callpress().arg("init").arg(&site).assert().success();
    callpress()
        .args(["build", "--root"])
        .arg(&site)
        .assert()
        .success()
        .stderr(predicate::str::contains("Built 1 call(s) and 1 page(s)"));
    assert!(site.join("public/nwrb/2025-q3/index.html").is_file());
    callpress()
        .arg("init")
        .arg(&site)
        .assert()
        .failure()
        .stderr(predicate::str::contains("not empty"));
}

#[test]
fn build_refuses_to_write_over_the_site_itself() {
    let site = temp_site("title = \"T\"\n", &[]);
    callpress()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(site.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("refusing"));
    assert!(site.path().join("site.toml").is_file());
}

#[test]
fn check_says_when_a_file_was_read_as_windows_1252() {
    let text = b"Larkspur (NYSE:LRKM) Q1 2024 Earnings Call May 2, 2024\nExecutives\nNora Vale - Larkspur\nAnalysts\nOtto Brandt - Quarry Hill\nOperator\nWelcome \x96 it\x92s good.\nNora Vale - Larkspur\nThanks.\n";
    let site = temp_site("title = \"T\"\n", &[("content/sa.txt", text)]);
    callpress()
        .args(["check", "--root"])
        .arg(site.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "sa.txt: note: not UTF-8: read as windows-1252",
        ));
}

#[test]
fn build_shows_twenty_warnings_of_a_file_and_check_shows_them_all() {
    let mut text = String::from_utf8_lossy(include_bytes!("fixtures/bilingual/small.txt")).into_owned();
    for i in 0..25 {
        // A translation that leaves the figure out: a warning each.
        text.push_str(&format!(
            "\n  • Unit {i} revenue was ${i}.5 million.\n\n    單位營收持平。\n"
        ));
    }
    let site = temp_site("title = \"T\"\n", &[("content/noisy.txt", text.as_bytes())]);
    let check = callpress().args(["check", "--root"]).arg(site.path()).output().unwrap();
    let all = String::from_utf8_lossy(&check.stderr).matches(": warning: ").count();
    assert!(all >= 25, "{all}");
    let build = callpress().args(["build", "--root"]).arg(site.path()).output().unwrap();
    assert!(build.status.success());
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert_eq!(stderr.matches(": warning: ").count(), 20, "{stderr}");
    let more = format!(
        "noisy.txt: {} more warning(s) not shown (`callpress check` lists them all)",
        all - 20
    );
    assert!(stderr.contains(&more), "{stderr}");
}

#[test]
fn an_error_says_its_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let out = callpress().arg("parse").arg(&missing).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with("Error: could not parse") && lines[0].ends_with("missing.txt"));
    assert!(
        lines[1].starts_with("Reason: ") && lines[1].contains("missing.txt: cannot read: No such file"),
        "{stderr}"
    );
}

#[test]
fn parse_into_a_closed_pipe_ends_quietly() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_callpress"))
        .args(["parse", "--json"])
        .arg(shared_fixture("amzn-2024-q1-bilingual.txt"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The JSON is far bigger than a pipe's buffer: the write meets the closed pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "{stderr}");
}

/// A site of `n` calls without front matter: each lacks its metadata.
fn site_of_undated_calls(n: usize) -> tempfile::TempDir {
    let files: Vec<(String, Vec<u8>)> = (0..n)
        .map(|i| {
            (
                format!("content/call{i:02}.txt"),
                format!("Operator: Welcome to the call.\n\nJane Roe: Revenue was ${i}0 million.\n").into_bytes(),
            )
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    temp_site("title = \"T\"\n", &refs)
}

#[test]
fn build_sums_up_warnings_by_kind_when_many_files_have_them() {
    let site = site_of_undated_calls(12);
    let out = callpress().args(["build", "--root"]).arg(site.path()).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches(": warning: ").count(),
        0,
        "no warning one by one:\n{stderr}"
    );
    let line = stderr
        .lines()
        .find(|l| l.contains("missing metadata"))
        .unwrap_or_else(|| panic!("a line for missing metadata in\n{stderr}"));
    assert!(line.starts_with("warning: 12 file(s) with missing metadata"), "{line}");
    assert!(line.contains("call00.txt, ") && line.ends_with(" and 9 more"), "{line}");
    assert!(stderr.contains("`callpress check` lists every warning"), "{stderr}");
    // Few files: each warning with its file and line, as before.
    let few = site_of_undated_calls(2);
    let out = callpress().args(["build", "--root"]).arg(few.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("call01.txt:1: warning: "), "{stderr}");
}

#[test]
fn check_format_json_gives_every_warning_to_tools() {
    let site = site_of_undated_calls(12);
    let out = callpress()
        .args(["check", "--format", "json", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (doc["calls"].as_u64(), doc["failed"].as_bool()),
        (Some(12), Some(false))
    );
    let warnings = doc["warnings"].as_array().unwrap();
    let undated = warnings.iter().filter(|w| w["kind"] == "missing-metadata").count();
    assert_eq!(undated, 12);
    assert!(
        warnings
            .iter()
            .all(|w| w["file"].as_str().is_some_and(|f| f.ends_with(".txt")) && w["line"].as_u64() == Some(1))
    );
    let strict = callpress()
        .args(["check", "--strict", "--format", "json", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(!strict.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&strict.stdout).unwrap();
    assert_eq!(doc["failed"], true);
}

#[test]
fn build_reports_progress_to_a_library_caller_and_nothing_extra_into_a_pipe() {
    let site = site_of_undated_calls(5);
    let seen = std::sync::Mutex::new(Vec::new());
    let out = tempfile::tempdir().unwrap();
    callpress::build_with_progress(
        &callpress::BuildOptions {
            root: site.path().to_path_buf(),
            output: Some(out.path().join("public")),
            ..Default::default()
        },
        &|done, all| seen.lock().unwrap().push((done, all)),
    )
    .unwrap();
    let mut seen = seen.into_inner().unwrap();
    seen.sort_unstable();
    assert_eq!(seen, [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]);
    // Standard error is a pipe here, not a terminal: no progress line.
    let build = callpress().args(["build", "--root"]).arg(site.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(!stderr.contains("Building:") && !stderr.contains('\r'), "{stderr}");
}
