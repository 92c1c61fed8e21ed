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

/// Sentences that try the cutting rules: plurals, numbers, accents, letters whose
/// lowercase is another length, Chinese, Japanese and Korean, mixed scripts.
const CUTTING_CASES: &[&str] = &[
    "The Margins of our Companies grew; business, glass and status did not.",
    "Revenue was $143.3 billion, up 1,250 units (13%) in Q1 2024. Then 2024,2025 and 3.5.",
    "Nestlé, Société Générale, Straße, Ærø, Łódź, ĲSSEL, İstanbul, ΣΟΦΙΑ, K (Kelvin), ﬁnance.",
    "本季營收成長 12%，AWS 的營收為 250 億美元。年",
    "売上高は前年比で増加しました。カタカナ 한국어 매출",
    "capex-heavy Kuiper's satellites; e-commerce, COVID-19, 10-K, Q&A, A.I., a b c 7",
    "emojis 🚀 and tabs\tand\u{a0}spaces and ellipses… and “quotes” — dashes",
];

#[test]
fn the_search_script_cuts_terms_as_the_index_does() {
    if Command::new("node").arg("--version").output().is_err() {
        panic!("no node: install it (apt-get install nodejs) to check static/search.js against the index");
    }
    use callpress::site::search::{shard_of, terms};
    let fold = terms::Fold::new();
    let rust: Vec<Vec<String>> = CUTTING_CASES
        .iter()
        .map(|s| {
            let mut out = Vec::new();
            terms::each_term(s, &fold, |t| out.push(t.to_string()));
            out
        })
        .collect();
    let shards = 1 << 12;
    let rust_shards: Vec<Vec<usize>> = rust
        .iter()
        .map(|l| l.iter().map(|t| shard_of(t, shards)).collect())
        .collect();
    let fold_map: std::collections::BTreeMap<String, String> = terms::fold_table()
        .into_iter()
        .map(|(c, p)| (c.to_string(), p))
        .collect();
    let cases = serde_json::json!({
        "rules": { "stop": terms::STOP_WORDS.as_slice(), "fold": fold_map },
        "sentences": CUTTING_CASES,
        "shards": shards,
    });
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cases.json");
    std::fs::write(&file, cases.to_string()).unwrap();
    let output = Command::new("node")
        .current_dir(repo().join("tests/browser"))
        .arg("terms.mjs")
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let js: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for (i, sentence) in CUTTING_CASES.iter().enumerate() {
        assert_eq!(js["terms"][i], serde_json::json!(rust[i]), "terms of {sentence:?}");
        assert_eq!(
            js["shards"][i],
            serde_json::json!(rust_shards[i]),
            "shards of {sentence:?}"
        );
    }
    assert!(rust[3].contains(&"營收".to_string()) && rust[0].contains(&"compan".to_string()));
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
    let evil = String::from_utf8_lossy(SMALL)
        .replacen(
            "company: Example Harbor Mills",
            "company: 'Société <img src=x onerror=\"window.__xss=1\"> Mills'\nticker: EVL",
            1,
        )
        .replacen(
            "Revenue was $12.5 million, up 4%.",
            "Revenue was $12.5 million, up 4%, said the bobcat <img src=y onerror=\"window.__xss=2\">.",
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
