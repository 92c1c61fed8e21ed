//! Helpers shared by the integration tests: fixture paths, temp sites, HTML probes.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use regex::Regex;

/// The repository root (the example site).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file from `../shared/fixtures`; fails with the expected location when it is missing.
pub fn shared_fixture(rel: &str) -> PathBuf {
    let path = repo().join("../shared/fixtures").join(rel);
    assert!(
        path.is_file(),
        "missing shared fixture: expected {} (the shared/ folder beside the repository)",
        path.display()
    );
    path
}

/// A new site in a temp folder: site.toml plus the given content files.
pub fn temp_site(config: &str, files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("site.toml"), config).expect("write site.toml");
    for (rel, bytes) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write content");
    }
    dir
}

/// Every file under `dir`, relative path → bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// All `id="…"` values of a page, in order (duplicates kept).
pub fn ids(html: &str) -> Vec<String> {
    let re = Regex::new(r#"\sid="([^"]*)""#).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

/// All `href="#…"` fragment targets of a page.
pub fn fragment_links(html: &str) -> BTreeSet<String> {
    let re = Regex::new(r##"href="#([^"]*)""##).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

/// All href and src values of a page.
pub fn urls(html: &str) -> Vec<String> {
    let re = Regex::new(r#"\s(?:href|src)="([^"]*)""#).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

/// Asserts that ids are unique and every `#fragment` link has its target on the page.
pub fn assert_anchors_sound(html: &str, page: &str) {
    let all = ids(html);
    let unique: BTreeSet<&String> = all.iter().collect();
    assert_eq!(all.len(), unique.len(), "{page}: duplicate ids");
    for target in fragment_links(html) {
        assert!(unique.contains(&target), "{page}: link to #{target} has no target");
    }
}

/// A running `callpress serve` and the lines it printed.
pub struct Server {
    /// The process.
    pub child: Child,
    /// Its port.
    pub port: u16,
    log: Arc<Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Polls `check` until it gives a value or `limit` passes.
pub fn wait_for<T>(what: &str, limit: Duration, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(v) = check() {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::yield_now();
    }
}

pub fn start(site: &Path) -> Server {
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_callpress"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    let stderr = child.stderr.take().unwrap();
    let sink = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    let mut server = Server { child, port, log };
    // The port it really listens on: `serve` moves to the next one when the one asked for
    // is taken (another test's server may have picked the same free port first).
    server.port = wait_for("the server to listen", Duration::from_secs(60), || {
        server
            .lines()
            .iter()
            .find(|l| l.starts_with("Serving"))
            .and_then(|l| l.split("http://127.0.0.1:").nth(1))
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
    });
    server
}

impl Server {
    /// What it printed so far.
    pub fn lines(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// How many rebuilds it reported.
    pub fn rebuilds(&self) -> usize {
        self.lines().iter().filter(|l| l.starts_with("Rebuilt")).count()
    }

    /// A raw HTTP/1.1 GET: (status, body).
    pub fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let text = String::from_utf8_lossy(&response).into_owned();
        let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }
}

/// Copies the example site (`site.toml`, `content/`, `static/`, `templates/`) into `to`,
/// with `site.toml` written as `config(original)`.
pub fn copy_example_site(to: &Path, config: impl Fn(&str) -> String) {
    for folder in ["content", "static", "templates"] {
        if repo().join(folder).is_dir() {
            copy_tree(&repo().join(folder), &to.join(folder));
        }
    }
    let original = std::fs::read_to_string(repo().join("site.toml")).expect("read site.toml");
    std::fs::write(to.join("site.toml"), config(&original)).expect("write site.toml");
}

/// Copies `from` into `to`, folders and files.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
