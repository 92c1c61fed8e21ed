//! Headless Chromium against `callpress serve`: an open page reloads by itself after an
//! edit (tests/browser/live_reload.mjs), the search page finds calls and shows markup as
//! text (tests/browser/search.mjs), the reading control keeps the reader's place and is
//! remembered (tests/browser/reader.mjs), and every page type passes axe-core in light and dark
//! at desktop and phone widths without scrolling sideways at 320 px (tests/browser/a11y.mjs);
//! playwright-core and axe-core drive Debian's chromium. Every built page is also valid
//! HTML to the Nu Html Checker (vnu-jar from npm, on Java).
//!
//! `.ci/run` installs the tools. Elsewhere a missing tool fails the test with the commands
//! that install it; a developer who cannot run a browser opts out explicitly with
//! `CALLPRESS_SKIP_BROWSER_TESTS=1` (which CI never sets).

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
    if Command::new("java").arg("-version").output().is_err() {
        return Some("no java (for the Nu Html Checker)".into());
    }
    for package in ["playwright-core", "axe-core", "vnu-jar"] {
        if !repo().join("tests/browser/node_modules").join(package).is_dir() {
            return Some(format!("no tests/browser/node_modules/{package}"));
        }
    }
    None
}

/// The variable by which a developer without a browser skips these tests on purpose.
const OPT_OUT: &str = "CALLPRESS_SKIP_BROWSER_TESTS";

/// True when the tests can run; false only when the developer opted out (never under
/// CI); otherwise a missing tool fails the test with what installs it.
fn browser_available() -> bool {
    let Some(missing) = missing_tools() else {
        return true;
    };
    let opted_out = std::env::var_os(OPT_OUT).is_some_and(|v| v == "1") && std::env::var_os("CI").is_none();
    assert!(
        opted_out,
        "the browser test cannot run: {missing}.\nInstall: apt-get install chromium nodejs npm default-jre-headless && (cd tests/browser && npm ci)\nor skip the browser tests on purpose with {OPT_OUT}=1 (never under CI)."
    );
    eprintln!("skipping the browser test ({OPT_OUT}=1): {missing}");
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

#[test]
fn every_page_type_passes_axe_and_fits_a_phone() {
    if !browser_available() {
        return;
    }
    // The example site, plus a bilingual call with its reading control.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_example_site(root, str::to_string);
    std::fs::write(root.join("content/bilingual.txt"), SMALL).unwrap();
    let server = start(root);
    run_script(
        "a11y.mjs",
        &[&format!("http://127.0.0.1:{}/", server.port), "exhm/2025-q1/"],
        "a11y ok",
    );
    drop(server);
}

#[test]
fn the_reading_control_keeps_the_readers_place_and_is_remembered() {
    if !browser_available() {
        return;
    }
    let amzn = std::fs::read(shared_fixture("amzn-2024-q1-bilingual.txt")).unwrap();
    let site = temp_site("title = \"Reader\"\n", &[("content/amzn.txt", amzn.as_slice())]);
    let server = start(site.path());
    run_script(
        "reader.mjs",
        &[&format!("http://127.0.0.1:{}/amzn/2024-q1/", server.port)],
        "reader ok",
    );
    drop(server);
}

#[test]
fn every_built_page_is_valid_html_to_the_nu_checker() {
    if !browser_available() {
        return;
    }
    // The example site with the real samples: every layout, a bilingual call, calls
    // without a date or a ticker, and every listing page.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_example_site(&root, str::to_string);
    std::fs::write(root.join("content/bilingual.txt"), SMALL).unwrap();
    for sample in [
        "amzn-2024-q1-bilingual.txt",
        "real/11_refinitiv_pdftext_DOUG_Q3_2022.txt",
    ] {
        let name = sample.rsplit('/').next().unwrap();
        std::fs::copy(shared_fixture(sample), root.join("content").join(name)).unwrap();
    }
    let out = dir.path().join("public");
    callpress::build(&callpress::build::BuildOptions {
        root,
        output: Some(out.clone()),
        base_url: None,
        drafts: false,
    })
    .expect("the site builds");
    let jar = repo().join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--skip-non-html", "--errors-only"])
        .arg(&out)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && report.trim().is_empty(),
        "the Nu Html Checker found errors:\n{report}"
    );
}
