//! Bad, odd and hostile inputs and faults: each gets a clear outcome, nothing is lost,
//! and the last good site survives.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use callpress::BuildOptions;
use common::*;

const SMALL: &[u8] = include_bytes!("fixtures/bilingual/small.txt");
const CONFIG: &str = "title = \"T\"\n";

fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    }
}

#[test]
fn empty_and_front_matter_only_files_publish_nothing_with_a_warning() {
    let site = temp_site(
        CONFIG,
        &[
            ("content/empty.txt", b""),
            ("content/only.txt", b"---\ntitle: X\n---\n"),
            ("content/small.txt", SMALL),
        ],
    );
    let report = callpress::build(&options(site.path())).unwrap();
    assert_eq!(report.calls, 1);
    let warned: Vec<String> = report
        .warnings
        .iter()
        .map(|(p, w)| format!("{}:{}", p.file_name().unwrap().to_string_lossy(), w.line))
        .collect();
    assert!(
        warned.contains(&"empty.txt:1".to_string()) && warned.contains(&"only.txt:3".to_string()),
        "{warned:?}"
    );
    assert!(!site.path().join("public/empty").exists());
}

#[cfg(unix)]
#[test]
fn symlinks_and_symlink_loops_in_content() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("calls")).unwrap();
    std::fs::write(outside.path().join("calls/small.txt"), SMALL).unwrap();
    // content/ is itself a symlink (to an archive the site allows), and holds a loop back
    // to itself.
    let config = format!(
        "{CONFIG}[security]\nallow_outside = [\"{}\"]\n",
        outside.path().join("calls").display()
    );
    let site = temp_site(&config, &[]);
    std::os::unix::fs::symlink(outside.path().join("calls"), site.path().join("content")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("calls"), outside.path().join("calls/loop")).unwrap();
    let report = callpress::build(&options(site.path())).unwrap();
    assert_eq!(report.calls, 1);
    assert!(site.path().join("public/exhm/2025-q1/index.html").is_file());
}

#[test]
fn a_single_five_megabyte_line_and_deep_folders() {
    let long = format!("Operator: {}\n", "word ".repeat(1_000_000));
    let deep = format!("content/{}small.txt", "d/".repeat(40));
    let site = temp_site(CONFIG, &[("content/long.txt", long.as_bytes()), (&deep, SMALL)]);
    let report = callpress::build(&options(site.path())).unwrap();
    assert_eq!(report.calls, 2);
    let call = callpress::parse_file(&site.path().join("content/long.txt")).unwrap();
    assert_eq!(call.turns.len(), 1);
    assert!(call.turns[0].paragraphs[0].text.len() > 4_000_000, "nothing is cut");
}

#[test]
fn ten_thousand_files_in_one_folder() {
    let text = String::from_utf8_lossy(SMALL).into_owned();
    let files: Vec<(String, Vec<u8>)> = (0..10_000)
        .map(|i| {
            let t = text.replacen(
                "company: Example Harbor Mills",
                &format!("company: Mill {i}\nticker: M{i}"),
                1,
            );
            (format!("content/call-{i:05}.txt"), t.into_bytes())
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let site = temp_site(CONFIG, &refs);
    let report = callpress::build(&options(site.path())).unwrap();
    assert_eq!(report.calls, 10_000);
    assert!(site.path().join("public/m9999/2025-q1/index.html").is_file());
    let quarter = std::fs::read_to_string(site.path().join("public/quarters/2025-q1/index.html")).unwrap();
    let links: std::collections::BTreeSet<String> = urls(&quarter).into_iter().collect();
    let listed = (0..10_000)
        .filter(|i| links.contains(&format!("/m{i}/2025-q1/")))
        .count();
    assert_eq!(listed, 10_000, "the quarter page lists every call");
}

#[test]
fn a_killed_build_leaves_the_previous_site_and_the_next_build_recovers() {
    let text =
        String::from_utf8_lossy(&std::fs::read(shared_fixture("amzn-2024-q1-bilingual.txt")).unwrap()).into_owned();
    let files: Vec<(String, Vec<u8>)> = (0..80)
        .map(|i| {
            (
                format!("content/c{i:03}.txt"),
                format!("---\nticker: K{i}\n---\n{text}").into_bytes(),
            )
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let site = temp_site(CONFIG, &refs);
    callpress::build(&options(site.path())).unwrap();
    let mut before = read_tree(&site.path().join("public"));
    let mut killed_midway = 0;
    let mut previous = "Thanks, Dave.".to_string();
    for round in 0..3 {
        // Change every call so the next build rewrites everything, then kill it midway.
        let marker = format!("Kill round {round}.");
        for (path, _) in &files {
            let p = site.path().join(path);
            let t = std::fs::read_to_string(&p).unwrap().replacen(&previous, &marker, 1);
            std::fs::write(&p, t).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_callpress"))
            .args(["build", "--root"])
            .arg(site.path())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let staging = site.path().join(".public.callpress-tmp");
        let deadline = Instant::now() + Duration::from_secs(60);
        // Wait until the build is writing pages of this round, then SIGKILL it.
        while !std::fs::read_to_string(staging.join("k40/2024-q1/index.html")).is_ok_and(|t| t.contains(&marker)) {
            assert!(Instant::now() < deadline, "the build never got going");
            if child.try_wait().unwrap().is_some() {
                break;
            }
        }
        killed_midway += usize::from(child.try_wait().unwrap().is_none());
        let _ = child.kill();
        let _ = child.wait();
        let after = read_tree(&site.path().join("public"));
        assert!(!after.is_empty(), "round {round}: there is always a site");
        if after != before {
            // The kill came after the swap: then the new site must be complete. Otherwise
            // the previous site is there, byte for byte.
            let index = std::fs::read_to_string(site.path().join("public/k79/2024-q1/index.html")).unwrap();
            assert!(index.contains(&marker), "round {round}: a swapped-in site is complete");
        }
        callpress::build(&options(site.path())).unwrap();
        let rebuilt = std::fs::read_to_string(site.path().join("public/k0/2024-q1/index.html")).unwrap();
        assert!(rebuilt.contains(&marker), "round {round}: the next build recovers");
        assert!(!site.path().join(".public.callpress-old").exists());
        before = read_tree(&site.path().join("public"));
        previous = marker;
    }
    assert!(killed_midway > 0, "at least one build was killed while it ran");
}

#[test]
fn an_output_that_is_a_file_or_cannot_be_written_is_an_error() {
    let site = temp_site(CONFIG, &[("content/small.txt", SMALL)]);
    std::fs::write(site.path().join("notes.txt"), "mine").unwrap();
    let onto_file = BuildOptions {
        output: Some(site.path().join("notes.txt")),
        ..options(site.path())
    };
    let err = callpress::build(&onto_file).unwrap_err().to_string();
    assert!(err.contains("notes.txt") && err.contains("not a folder"), "{err}");
    assert_eq!(std::fs::read_to_string(site.path().join("notes.txt")).unwrap(), "mine");
    // A staging place that cannot be made (a file stands where its parent folder goes).
    std::fs::write(site.path().join("blocker"), "in the way").unwrap();
    let blocked = BuildOptions {
        output: Some(site.path().join("blocker/public")),
        ..options(site.path())
    };
    let err = callpress::build(&blocked).unwrap_err().to_string();
    assert!(err.contains("blocker"), "{err}");
}

#[test]
fn two_hundred_clients_get_only_complete_pages_while_files_change() {
    let site = temp_site(CONFIG, &[("content/small.txt", SMALL)]);
    let server = start(site.path());
    let port = server.port;
    let get = move |path: &str| -> Option<String> {
        let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").ok()?;
        let mut body = String::new();
        s.read_to_string(&mut body).ok()?;
        Some(body)
    };
    let clients: Vec<_> = (0..200)
        .map(|_| std::thread::spawn(move || (0..5).map(|_| get("/exhm/2025-q1/")).collect::<Vec<_>>()))
        .collect();
    let file = site.path().join("content/small.txt");
    // Each edit lands whole (written beside the site, then renamed in), as editors save:
    // a rebuild that caught a half-written file would rightly drop the page, and this
    // test is about the server never showing a half-swapped site.
    let draft = site.path().join("small.txt.draft");
    for i in 0..5 {
        let t = String::from_utf8_lossy(SMALL).replace("Costs were flat.", &format!("Edit {i}."));
        std::fs::write(&draft, t).unwrap();
        std::fs::rename(&draft, &file).unwrap();
    }
    for client in clients {
        for body in client.join().unwrap() {
            let body = body.expect("every request is answered");
            assert!(body.contains("200 OK"), "{}", &body[..body.len().min(200)]);
            assert!(body.trim_end().ends_with("</html>"), "a complete page");
        }
    }
    drop(server);
}

/// A full disk, as a write that fails: `ulimit -f` caps the size of any file the build
/// writes (with SIGXFSZ ignored, the write returns EFBIG as it would ENOSPC).
#[cfg(unix)]
#[test]
fn a_full_disk_is_a_clear_error_and_the_previous_site_stays() {
    let site = temp_site(CONFIG, &[("content/small.txt", SMALL)]);
    callpress::build(&options(site.path())).unwrap();
    let before = read_tree(&site.path().join("public"));
    let grown = String::from_utf8_lossy(SMALL).replace("Costs were flat.", &"Costs were flat. ".repeat(4000));
    std::fs::write(site.path().join("content/small.txt"), grown).unwrap();
    let output = build_after(&["bash"], "trap '' XFSZ; ulimit -f 64", site.path());
    assert_failed_saying(&output, &["cannot write", "index.html"]);
    assert_eq!(
        read_tree(&site.path().join("public")),
        before,
        "the previous site is untouched"
    );
}

/// A 200 MB transcript (25,000 exchanges of real-call density: a figure or two in a
/// few hundred words) builds completely, with a warning that its page is too big for
/// comfort, in bounded memory: the build lets the source text, the page and the JSON go
/// one after another instead of holding them all, and no check costs the square of the
/// file's size.
#[cfg(unix)]
#[test]
fn a_two_hundred_megabyte_transcript_builds_whole_in_bounded_memory() {
    let mut text = String::from_utf8_lossy(SMALL).into_owned();
    let prose = "We kept investing in the mills and the harbor network, and customers noticed. ".repeat(40);
    let translation = "我們持續投資於磨坊與港口網路,客戶也注意到了。".repeat(40);
    let mut exchanges = 0;
    while text.len() < 200 << 20 {
        exchanges += 1;
        text.push_str(&format!(
            "\n  • Thomas Ashdown - Analyst\n\n    Thomas Ashdown - Analyst\n\n  \
             • Question {exchanges}: what about region {exchanges}?\n\n    第 {exchanges} 個問題:區域 {exchanges} 呢?\n\n  \
             • Lena Fairweather - Chief Executive Officer\n\n    Lena Fairweather - Chief Executive Officer\n\n  \
             • Revenue there was $12.5 million, up 4%. {prose}\n\n    該地區營收為 1,250 萬美元,成長 4%。{translation}\n"
        ));
    }
    let input = text.len();
    let site = temp_site(CONFIG, &[("content/huge.txt", text.as_bytes())]);
    drop(text);
    let child = Command::new(env!("CARGO_BIN_EXE_callpress"))
        .args(["build", "--root"])
        .arg(site.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let peak = wait_with_peak_memory(child);
    let page = std::fs::read_to_string(site.path().join("public/exhm/2025-q1/index.html")).unwrap();
    assert!(page.trim_end().ends_with("</html>"), "the page is complete");
    assert!(page.contains(&format!("Question {exchanges}: what about region {exchanges}?")));
    drop(page);
    let call: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.path().join("public/exhm/2025-q1/call.json")).unwrap()).unwrap();
    let small = callpress::content::parse_document(Path::new("small.txt"), String::from_utf8_lossy(SMALL).into())
        .and_then(|doc| callpress::transcript::parse_document(&doc))
        .unwrap();
    assert_eq!(
        call["turns"].as_array().unwrap().len(),
        small.turns.len() + 2 * exchanges
    );
    let warnings = call["warnings"].as_array().unwrap();
    assert_eq!(warnings[0]["kind"], "large", "{:?}", warnings.first());
    assert!(
        peak < 10 * input,
        "peak memory {} MB for a {} MB input",
        peak >> 20,
        input >> 20
    );
}

/// Waits for `child`, asserts it succeeded, and returns its peak resident memory in bytes.
#[cfg(unix)]
fn wait_with_peak_memory(mut child: std::process::Child) -> usize {
    use std::os::unix::process::ExitStatusExt;
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    // SAFETY: wait4 writes only into `status` and `usage`, both live and writable; `pid`
    // is our own child, not yet waited for.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4 failed; stderr: {stderr}");
    let status = std::process::ExitStatus::from_raw(status);
    assert!(status.success(), "{stderr}");
    usage.ru_maxrss as usize * 1024
}

/// The uid of `nobody`, which the permission tests run as when they run as root.
#[cfg(unix)]
const NOBODY: u32 = 65534;

#[cfg(unix)]
fn running_as_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// A `callpress` command without root's power over permission bits: as `nobody` when the
/// tests run as root (CI does; root reads and writes whatever the bits say), the folder
/// `owned` handed to `nobody` first; as ourselves otherwise.
#[cfg(unix)]
fn unprivileged(owned: &Path) -> Command {
    use std::os::unix::process::CommandExt;
    if !running_as_root() {
        return Command::new(env!("CARGO_BIN_EXE_callpress"));
    }
    // The build tree may sit where `nobody` cannot reach (a clone under /root): run the
    // binary from inside the folder handed over (a hard link, else a copy).
    let bin = owned.join(".callpress-bin");
    if !bin.exists() && std::fs::hard_link(env!("CARGO_BIN_EXE_callpress"), &bin).is_err() {
        std::fs::copy(env!("CARGO_BIN_EXE_callpress"), &bin).unwrap();
    }
    give_to_nobody(owned);
    let mut cmd = Command::new(&bin);
    cmd.uid(NOBODY).gid(NOBODY).current_dir(owned);
    cmd
}

#[cfg(unix)]
fn give_to_nobody(dir: &Path) {
    // Not the linked binary: its inode is the build's own file.
    let entries = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".callpress-bin");
    for entry in entries {
        std::os::unix::fs::lchown(entry.unwrap().path(), Some(NOBODY), Some(NOBODY)).unwrap();
    }
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Unreadable files and folders (permission denied) are errors naming each of them, all
/// in one run; nothing is swapped in, and `check` reports the same.
#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_errors_naming_each_and_the_site_stays() {
    let other = String::from_utf8_lossy(SMALL).replacen("company: Example Harbor Mills", "ticker: SEC", 1);
    let site = temp_site(
        CONFIG,
        &[
            ("content/small.txt", SMALL),
            ("content/secret.txt", other.as_bytes()),
            ("content/private/inner.txt", other.replace("SEC", "PRV").as_bytes()),
        ],
    );
    callpress::build(&options(site.path())).unwrap();
    let before = read_tree(&site.path().join("public"));
    set_mode(&site.path().join("content/secret.txt"), 0o000);
    set_mode(&site.path().join("content/private"), 0o000);
    for command in ["build", "check"] {
        let out = build_or_check(&mut unprivileged(site.path()), command, site.path());
        assert_failed_saying(
            &out,
            &[
                "content/secret.txt: cannot read",
                "content/private: cannot read",
                "ermission denied",
            ],
        );
    }
    assert_eq!(
        read_tree(&site.path().join("public")),
        before,
        "the previous site stays"
    );
    // Mended, the same user builds (so the failure was the permissions, nothing else).
    set_mode(&site.path().join("content/secret.txt"), 0o644);
    set_mode(&site.path().join("content/private"), 0o755);
    let out = build_or_check(&mut unprivileged(site.path()), "build", site.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(site.path().join("public/sec/2025-q1/index.html").is_file());
}

/// Runs `callpress build` on `site` from `shell` (a command line ending in a shell) after
/// `setup`, the shell commands that stage a fault; in them `$1` is the site folder.
#[cfg(unix)]
fn build_after(shell: &[&str], setup: &str, site: &Path) -> std::process::Output {
    Command::new(shell[0])
        .args(&shell[1..])
        .arg("-c")
        .arg(format!("{setup} && exec \"$0\" build --root \"$1\""))
        .arg(env!("CARGO_BIN_EXE_callpress"))
        .arg(site)
        .output()
        .unwrap()
}

/// Asserts that a run failed and its error output says each of `phrases`.
#[cfg(unix)]
fn assert_failed_saying(out: &std::process::Output, phrases: &[&str]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    for phrase in phrases {
        assert!(stderr.contains(phrase), "missing {phrase:?} in: {stderr}");
    }
}

#[cfg(unix)]
fn build_or_check(cmd: &mut Command, command: &str, root: &Path) -> std::process::Output {
    cmd.args([command, "--root"]).arg(root).output().unwrap()
}

/// An output folder the user may not write, or whose parent they may not write (so no
/// staging folder can be made beside it): a clear error naming the folder, the previous
/// site untouched.
#[cfg(unix)]
#[test]
fn a_read_only_output_folder_is_a_clear_error_and_the_previous_site_stays() {
    let site = temp_site(CONFIG, &[("content/small.txt", SMALL)]);
    callpress::build(&options(site.path())).unwrap();
    let public = site.path().join("public");
    let before = read_tree(&public);
    let mut cmd = unprivileged(site.path());
    set_mode(&public, 0o555);
    let out = build_or_check(&mut cmd, "build", site.path());
    set_mode(&public, 0o755);
    assert_failed_saying(&out, &["public: cannot write", "ermission denied"]);
    assert_eq!(read_tree(&public), before);

    // The output elsewhere, in a folder the user may not write.
    let outer = tempfile::tempdir().unwrap();
    let elsewhere = outer.path().join("www");
    let to_elsewhere = BuildOptions {
        output: Some(elsewhere.clone()),
        ..options(site.path())
    };
    callpress::build(&to_elsewhere).unwrap();
    let before = read_tree(&elsewhere);
    let mut cmd = unprivileged(site.path());
    if running_as_root() {
        give_to_nobody(&elsewhere);
    }
    // Clear the staging folder the in-process build left, so this run must make one.
    let _ = std::fs::remove_dir_all(outer.path().join(".www.callpress-tmp"));
    set_mode(outer.path(), 0o555);
    let out = cmd
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&elsewhere)
        .output()
        .unwrap();
    set_mode(outer.path(), 0o755);
    assert_failed_saying(&out, &[".www.callpress-tmp: cannot write", "ermission denied"]);
    assert_eq!(read_tree(&elsewhere), before);
}

/// A site on a read-only mount (a real one: a read-only bind mount in a private mount
/// namespace, which needs root): a clear error, the site untouched.
#[cfg(target_os = "linux")]
#[test]
fn a_site_on_a_read_only_mount_is_a_clear_error() {
    // A private mount namespace needs root, and a sandbox may forbid it even to root; the
    // permission-bit tests above cover the same refusal where it cannot run.
    let namespaces = running_as_root()
        && Command::new("unshare")
            .args(["-m", "true"])
            .status()
            .is_ok_and(|s| s.success());
    if !namespaces {
        eprintln!("not run: no private mount namespace here (needs root and unshare -m)");
        return;
    }
    let site = temp_site(CONFIG, &[("content/small.txt", SMALL)]);
    callpress::build(&options(site.path())).unwrap();
    let before = read_tree(&site.path().join("public"));
    let grown = String::from_utf8_lossy(SMALL).replace("Costs were flat.", "Costs rose.");
    std::fs::write(site.path().join("content/small.txt"), grown).unwrap();
    let remount = "mount --bind \"$1\" \"$1\" && mount -o remount,ro,bind \"$1\"";
    let out = build_after(&["unshare", "-m", "sh"], remount, site.path());
    assert_failed_saying(&out, &["public: cannot write", "Read-only file system"]);
    assert_eq!(read_tree(&site.path().join("public")), before);
}
