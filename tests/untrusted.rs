//! Building content you did not write: nothing outside the site's root is read unless
//! site.toml allows its folder (symlinks in content/, static/ and templates/, content/
//! itself, the same rule when `serve` rebuilds), `check --strict` turns every warning into
//! a failure, `serve` on a public interface says what it exposes, and inputs shaped to be
//! slow or deep are refused or read in bounded work (the timings live in
//! `scripts/scaling`; these tests check the outcomes).
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};

use callpress::BuildOptions;
use callpress::diagnostic::WarningKind;
use common::*;

const SMALL: &[u8] = include_bytes!("fixtures/bilingual/small.txt");
const CONFIG: &str = "title = \"T\"\n";
const SECRET: &str = "PRIVATE KEY 5f3a9c do not publish";

fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    }
}

/// A folder outside any site holding a secret file and a folder of calls.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("id_rsa"), SECRET).unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(dir.path().join("archive/small.txt"), SMALL).unwrap();
    dir
}

fn outside_warnings(report: &callpress::BuildReport) -> Vec<String> {
    report
        .warnings
        .iter()
        .filter(|(_, w)| w.kind == WarningKind::Outside)
        .map(|(p, w)| format!("{} {}", p.display(), w.message))
        .collect()
}

fn published_anywhere(output: &Path, needle: &str) -> bool {
    read_tree(output)
        .values()
        .any(|bytes| String::from_utf8_lossy(bytes).contains(needle))
}

#[test]
fn links_to_files_outside_are_skipped_with_a_warning_naming_link_and_target() {
    let out = outside();
    let site = temp_site(CONFIG, &[("content/small.txt", SMALL)]);
    let secret = out.path().join("id_rsa");
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    symlink(&secret, site.path().join("content/leak.md")).unwrap();
    symlink(&secret, site.path().join("content/leak.txt")).unwrap();
    symlink(&secret, site.path().join("static/leak.txt")).unwrap();
    symlink(&secret, site.path().join("templates/page.html")).unwrap();
    symlink(out.path().join("archive"), site.path().join("content/archive")).unwrap();
    let report = callpress::build(&options(site.path())).unwrap();
    assert_eq!(report.calls, 1, "only the call inside the site");
    let warned = outside_warnings(&report);
    assert_eq!(warned.len(), 5, "{warned:#?}");
    for link in [
        "content/leak.md",
        "content/leak.txt",
        "static/leak.txt",
        "templates/page.html",
        "content/archive",
    ] {
        assert!(
            warned
                .iter()
                .any(|w| w.contains(link) && w.contains("outside the site")),
            "{link} not named: {warned:#?}"
        );
    }
    let target = std::fs::canonicalize(&secret).unwrap();
    assert!(
        warned.iter().any(|w| w.contains(&target.display().to_string())),
        "{warned:#?}"
    );
    let public = site.path().join("public");
    assert!(!public.join("leak").exists() && !public.join("leak.txt").exists());
    assert!(!published_anywhere(&public, SECRET), "the secret reached the output");
}

#[test]
fn links_that_stay_inside_the_site_are_followed() {
    let site = temp_site(CONFIG, &[("archive/2025/small.txt", SMALL)]);
    std::fs::create_dir_all(site.path().join("content")).unwrap();
    symlink(site.path().join("archive/2025"), site.path().join("content/calls")).unwrap();
    // A loop back to content/ itself stays handled: skipped, not followed forever.
    symlink(site.path().join("content"), site.path().join("archive/2025/loop")).unwrap();
    let report = callpress::build(&options(site.path())).unwrap();
    assert_eq!(report.calls, 1);
    assert!(outside_warnings(&report).is_empty(), "{:?}", report.warnings);
}

#[test]
fn an_allowed_outside_folder_is_read() {
    let out = outside();
    let config = format!(
        "title = \"T\"\n[security]\nallow_outside = [\"{}\"]\n",
        out.path().join("archive").display()
    );
    let site = temp_site(&config, &[]);
    std::fs::create_dir_all(site.path().join("content")).unwrap();
    symlink(out.path().join("archive"), site.path().join("content/archive")).unwrap();
    // Allowing the archive does not allow its neighbours.
    symlink(out.path().join("id_rsa"), site.path().join("content/leak.txt")).unwrap();
    let report = callpress::build(&options(site.path())).unwrap();
    assert_eq!(report.calls, 1);
    let warned = outside_warnings(&report);
    assert!(warned.len() == 1 && warned[0].contains("leak.txt"), "{warned:#?}");
}

#[test]
fn content_itself_may_be_an_outside_link_only_where_allowed() {
    let out = outside();
    let site = temp_site(CONFIG, &[]);
    symlink(out.path().join("archive"), site.path().join("content")).unwrap();
    let report = callpress::build(&options(site.path())).unwrap();
    assert_eq!(report.calls, 0);
    assert_eq!(outside_warnings(&report).len(), 1, "{:?}", report.warnings);

    let config = format!(
        "title = \"T\"\n[security]\nallow_outside = [\"{}\"]\n",
        out.path().join("archive").display()
    );
    std::fs::write(site.path().join("site.toml"), config).unwrap();
    let report = callpress::build(&options(site.path())).unwrap();
    assert_eq!(report.calls, 1);
    assert!(outside_warnings(&report).is_empty());
}

#[test]
fn an_allowed_folder_that_does_not_exist_is_a_config_error_at_its_line() {
    let site = temp_site(
        "title = \"T\"\n\n[security]\nallow_outside = [\"../no-such-archive\"]\n",
        &[],
    );
    let err = callpress::build(&options(site.path())).unwrap_err().to_string();
    assert!(
        err.contains("site.toml") && err.contains(":4") && err.contains("no-such-archive"),
        "{err}"
    );
}

#[test]
fn check_strict_fails_on_any_warning_and_plain_check_does_not() {
    let out = outside();
    let site = temp_site(CONFIG, &[("content/small.txt", SMALL)]);
    symlink(out.path().join("id_rsa"), site.path().join("content/leak.txt")).unwrap();
    let run = |strict: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_callpress"));
        cmd.args(["check", "--root"]).arg(site.path());
        if strict {
            cmd.arg("--strict");
        }
        cmd.output().unwrap()
    };
    let plain = run(false);
    assert!(plain.status.success(), "{}", String::from_utf8_lossy(&plain.stderr));
    let strict = run(true);
    let said = String::from_utf8_lossy(&strict.stderr);
    assert!(!strict.status.success(), "--strict passed: {said}");
    assert!(
        said.contains("leak.txt: warning: skipped: a link to") && said.contains("--strict"),
        "{said}"
    );
}

#[test]
fn a_rebuild_applies_the_same_boundary() {
    let out = outside();
    let site = temp_site(CONFIG, &[("content/small.txt", SMALL)]);
    let (mut session, _) = callpress::serve::rebuild::Session::start(options(site.path())).unwrap();
    let link = site.path().join("content/leak.txt");
    symlink(out.path().join("archive/small.txt"), &link).unwrap();
    let report = session.apply(std::slice::from_ref(&link)).unwrap();
    assert_eq!(report.files_read, 0, "the link was read");
    assert!(
        report
            .warnings
            .iter()
            .any(|(p, w)| p == &link && w.kind == WarningKind::Outside),
        "{:?}",
        report.warnings
    );
}

#[test]
fn serve_on_a_public_interface_says_so_first() {
    let site = temp_site(CONFIG, &[("content/small.txt", SMALL)]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_callpress"))
        .args([
            "serve",
            "--interface",
            "0.0.0.0",
            "--port",
            &free_port().to_string(),
            "--root",
        ])
        .arg(site.path())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let first = BufReader::new(stderr).lines().next().and_then(Result::ok);
    let _ = child.kill();
    let _ = child.wait();
    let first = first.unwrap_or_default();
    assert!(
        first.starts_with("Warning: listening on 0.0.0.0") && first.contains("error overlay"),
        "first line: {first}"
    );
}

#[test]
fn deeply_nested_front_matter_is_refused_before_parsing_naming_file_and_line() {
    let front = format!(
        "---\ntitle: x\ntags: {}{}\n---\nOperator: Hello.\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let site = temp_site(CONFIG, &[("content/deep.txt", front.as_bytes())]);
    let err = callpress::build(&options(site.path())).unwrap_err().to_string();
    assert!(
        err.contains("deep.txt:3") && err.contains("nested deeper than"),
        "{err}"
    );
}

#[test]
fn deeply_nested_html_is_read_as_text_without_overflowing_the_stack() {
    let html = format!(
        "<html><body>{}<p>Operator: Hello.</p><p>Jane Doe: Revenue was $1.2 billion.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let site = temp_site(CONFIG, &[("content/deep.html", html.as_bytes())]);
    let report = callpress::build(&options(site.path())).unwrap();
    assert_eq!(report.calls, 1);
    assert!(
        report
            .warnings
            .iter()
            .any(|(_, w)| w.kind == WarningKind::Layout && w.message.contains("nested deeper than")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn a_sentence_of_a_thousand_amounts_keeps_every_figure() {
    let sentence = format!("Revenue of $1.2 billion{}.", ", revenue of $1.3 billion".repeat(999));
    let text = format!(
        "---\ntitle: T\ncompany: Many Co\nticker: MNY\nyear: 2025\nquarter: 1\n---\nOperator: Welcome.\n\nJane Doe: {sentence}\n"
    );
    let site = temp_site(CONFIG, &[("content/many.txt", text.as_bytes())]);
    let path = site.path().join("content/many.txt");
    let (_, figures) = callpress::analyse_file(&path).unwrap();
    let amounts = figures
        .figures
        .iter()
        .filter(|f| f.value.is_some_and(|v| v >= 1e9))
        .count();
    assert_eq!(amounts, 1_000, "every amount read once");
}
