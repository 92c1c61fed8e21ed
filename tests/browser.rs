//! Headless Chromium against `callpress serve`: an open page reloads by itself after an
//! edit (tests/browser/live_reload.mjs), and the search page finds calls and shows markup
//! as text (tests/browser/search.mjs); playwright-core drives Debian's chromium.
//! `.ci/run` installs both; elsewhere the tests say what is missing and pass only when not
//! under CI.

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

/// False (with a note) when the browser tools are missing outside CI; under CI, a failure.
fn browser_available() -> bool {
    let Some(missing) = missing_tools() else {
        return true;
    };
    assert!(
        std::env::var_os("CI").is_none(),
        "browser test cannot run under CI: {missing}"
    );
    eprintln!("skipping the browser test: {missing}");
    false
}

/// Runs `node SCRIPT ARGS…` in tests/browser and asserts it printed `expect`.
fn run_script(script: &str, args: &[&str], expect: &str) {
    let output = Command::new("node")
        .current_dir(repo().join("tests/browser"))
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains(expect),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn an_open_page_reloads_after_an_edit() {
    if !browser_available() {
        return;
    }
    let site = temp_site("title = \"Live\"\n", &[("content/small.txt", SMALL)]);
    let server = start(site.path());
    let port = server.port;
    let url = format!("http://127.0.0.1:{port}/exhm/2025-q1/");
    let file = site.path().join("content/small.txt");
    run_script(
        "live_reload.mjs",
        &[
            &url,
            &file.to_string_lossy(),
            "Costs were flat.",
            "Costs rose by a whisker.",
        ],
        "live reload ok",
    );
    drop(server);
}

#[test]
fn the_search_page_finds_calls_and_shows_markup_as_text() {
    if !browser_available() {
        return;
    }
    let evil = String::from_utf8_lossy(SMALL).replacen(
        "company: Example Harbor Mills",
        "company: 'Société <img src=x onerror=\"window.__xss=1\"> Mills'\nticker: EVL",
        1,
    );
    let site = temp_site(
        "title = \"Search\"\n",
        &[("content/small.txt", SMALL), ("content/evil.txt", evil.as_bytes())],
    );
    let server = start(site.path());
    run_script(
        "search.mjs",
        &[&format!("http://127.0.0.1:{}/", server.port)],
        "search ok",
    );
    drop(server);
}
