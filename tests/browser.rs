//! Headless Chromium opens a page served by `callpress serve`, the transcript is edited,
//! and the open page reloads by itself with the new text (tests/browser/live_reload.mjs,
//! playwright-core driving Debian's chromium). `.ci/run` installs both; elsewhere the test
//! says what is missing and passes only when not under CI.

mod common;

use std::process::Command;

use common::*;

const SMALL: &[u8] = include_bytes!("fixtures/bilingual/small.txt");

fn missing_tools() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !std::path::Path::new(&chromium).exists() {
        return Some(format!("no Chromium at {chromium}"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("no node".into());
    }
    if !repo().join("tests/browser/node_modules/playwright-core").is_dir() {
        return Some("no tests/browser/node_modules/playwright-core (npm ci in tests/browser)".into());
    }
    None
}

#[test]
fn an_open_page_reloads_after_an_edit() {
    if let Some(missing) = missing_tools() {
        assert!(
            std::env::var_os("CI").is_none(),
            "browser test cannot run under CI: {missing}"
        );
        eprintln!("skipping the browser test: {missing}");
        return;
    }
    let site = temp_site("title = \"Live\"\n", &[("content/small.txt", SMALL)]);
    let server = start(site.path());
    let port = server.port;
    let output = Command::new("node")
        .current_dir(repo().join("tests/browser"))
        .arg("live_reload.mjs")
        .arg(format!("http://127.0.0.1:{port}/exhm/2025-q1/"))
        .arg(site.path().join("content/small.txt"))
        .args(["Costs were flat.", "Costs rose by a whisker."])
        .output()
        .unwrap();
    drop(server);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("live reload ok"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
