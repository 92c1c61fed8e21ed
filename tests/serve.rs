//! `callpress serve` end to end: a temp site served on a free port; edits show up, a bad
//! edit keeps the last good page and reports the error, nothing outside the output is
//! served, and an editor's rename-save is one rebuild. Every wait polls for a condition
//! with a deadline; nothing sleeps to synchronise.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::*;

const SMALL: &[u8] = include_bytes!("fixtures/bilingual/small.txt");

impl Server {
    /// The first event of the live-reload stream: (event name, data).
    fn first_live_event(&self) -> (String, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(stream, "GET /__callpress/live HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        let mut reader = BufReader::new(stream);
        let (mut event, mut data) = (String::new(), String::new());
        for line in reader.by_ref().lines().map_while(Result::ok) {
            if let Some(e) = line.strip_prefix("event: ") {
                event = e.to_string();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data.push_str(d);
            } else if line.is_empty() && !event.is_empty() {
                break;
            }
        }
        (event, data)
    }
}

fn site() -> tempfile::TempDir {
    temp_site("title = \"Live\"\n", &[("content/small.txt", SMALL)])
}

const PAGE: &str = "/exhm/2025-q1/";

#[test]
fn an_edit_shows_up_in_the_served_page() {
    let site = site();
    let server = start(site.path());
    let (status, body) = server.get(PAGE);
    assert_eq!(status, 200);
    assert!(
        body.contains("data-callpress-live"),
        "the live-reload script is injected when serving"
    );
    let file = site.path().join("content/small.txt");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Costs were flat.", "Costs fell sharply.");
    std::fs::write(&file, text).unwrap();
    wait_for("the new text", Duration::from_secs(30), || {
        server.get(PAGE).1.contains("Costs fell sharply.").then_some(())
    });
    let built = std::fs::read_to_string(site.path().join("public/exhm/2025-q1/index.html")).unwrap();
    assert!(
        !built.contains("data-callpress-live"),
        "the script is never in the built files"
    );
    let line = wait_for("the rebuild line", Duration::from_secs(30), || {
        server.lines().into_iter().find(|l| l.starts_with("Rebuilt"))
    });
    assert!(
        line.contains("incremental") && line.contains("1 file(s) read"),
        "{line}"
    );
}

#[test]
fn a_broken_edit_keeps_the_last_good_page_and_reports_the_error() {
    let site = site();
    let server = start(site.path());
    let file = site.path().join("content/small.txt");
    let good = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        good.replace("company: Example Harbor Mills", "company: [unclosed"),
    )
    .unwrap();
    wait_for("the error in the terminal", Duration::from_secs(30), || {
        server
            .lines()
            .iter()
            .any(|l| l.starts_with("Error:") && l.contains("small.txt:") && l.contains("front matter"))
            .then_some(())
    });
    let (event, data) = server.first_live_event();
    assert_eq!(event, "failure");
    assert!(data.contains("small.txt:") && data.contains("front matter"), "{data}");
    let (status, body) = server.get(PAGE);
    assert_eq!(status, 200);
    assert!(
        body.contains("Example Harbor Mills"),
        "the last good page is still served"
    );
    std::fs::write(&file, good.replace("Costs were flat.", "Costs are fixed now.")).unwrap();
    wait_for("the fixed page", Duration::from_secs(30), || {
        server.get(PAGE).1.contains("Costs are fixed now.").then_some(())
    });
    wait_for("the good rebuild", Duration::from_secs(30), || {
        (server.rebuilds() >= 1).then_some(())
    });
    let watcher = server.first_live_event_after_fix();
    assert_ne!(watcher, "failure", "a good save clears the error");
}

impl Server {
    /// A page opened after a good rebuild is not shown an old error: the stream's first
    /// event is the next real one, not the stored failure.
    fn first_live_event_after_fix(&self) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_millis(300))).unwrap();
        write!(stream, "GET /__callpress/live HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        let mut text = String::new();
        let _ = stream.read_to_string(&mut text);
        text.lines()
            .find_map(|l| l.strip_prefix("event: "))
            .unwrap_or("none")
            .to_string()
    }
}

#[test]
fn nothing_outside_the_output_is_served() {
    let site = site();
    std::fs::write(site.path().join("secret.txt"), "top secret").unwrap();
    let server = start(site.path());
    #[cfg(unix)]
    std::os::unix::fs::symlink(site.path().join("secret.txt"), site.path().join("public/leak.txt")).unwrap();
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fsecret.txt",
        "//etc/passwd",
        "/leak.txt",
        "/%5c..%5csecret.txt",
    ] {
        let (status, body) = server.get(path);
        assert!(matches!(status, 400 | 403 | 404), "{path}: {status}");
        assert!(!body.contains("top secret") && !body.contains("root:"), "{path} leaked");
    }
    let (status, body) = server.get("/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "the site's 404 page");
    assert_eq!(server.get("/").0, 200, "folders serve index.html");
}

#[test]
fn an_atomic_rename_save_is_one_rebuild() {
    let site = site();
    let server = start(site.path());
    let file = site.path().join("content/small.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    // What vim and most editors do: write a temp file beside it, then rename over it.
    let swap = site.path().join("content/.small.txt.swp");
    std::fs::write(&swap, text.replace("Costs were flat.", "First save.")).unwrap();
    std::fs::write(site.path().join("content/4913"), "").unwrap();
    std::fs::remove_file(site.path().join("content/4913")).unwrap();
    std::fs::rename(&swap, &file).unwrap();
    wait_for("the first save", Duration::from_secs(30), || {
        server.get(PAGE).1.contains("First save.").then_some(())
    });
    // A second, plain save: once it is built, the count shows the first was one rebuild.
    std::fs::write(&file, text.replace("Costs were flat.", "Second save.")).unwrap();
    wait_for("the second save", Duration::from_secs(30), || {
        server.get(PAGE).1.contains("Second save.").then_some(())
    });
    wait_for("two rebuild lines", Duration::from_secs(30), || {
        (server.rebuilds() >= 2).then_some(())
    });
    assert_eq!(server.rebuilds(), 2, "{:?}", server.lines());
}

#[test]
fn a_deleted_call_disappears_and_a_new_one_appears() {
    let site = site();
    let server = start(site.path());
    let second = String::from_utf8_lossy(SMALL)
        .replace("(EXHM) 2025 Q1", "(EXHM) 2025 Q2")
        .replace("May 2, 2025", "August 1, 2025");
    std::fs::write(site.path().join("content/q2.txt"), second).unwrap();
    wait_for("the new call", Duration::from_secs(30), || {
        (server.get("/exhm/2025-q2/").0 == 200).then_some(())
    });
    wait_for("the index to list it", Duration::from_secs(30), || {
        server.get("/").1.contains("/exhm/2025-q2/").then_some(())
    });
    std::fs::remove_file(site.path().join("content/small.txt")).unwrap();
    wait_for("the page to go", Duration::from_secs(30), || {
        (server.get(PAGE).0 == 404).then_some(())
    });
    wait_for("the rebuild to finish", Duration::from_secs(30), || {
        (server.rebuilds() >= 2).then_some(())
    });
    assert!(!server.get("/").1.contains(PAGE), "the index no longer lists it");
    assert_eq!(server.get("/quarters/2025-q1/").0, 404, "an emptied listing goes too");
}

/// A raw HTTP/1.0 exchange (the server closes after the body, so no chunked framing):
/// the response head and the body's bytes.
fn get_raw(port: u16, path: &str, headers: &str) -> (String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n{headers}\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    (head, response[split + 4..].to_vec())
}

#[test]
fn pages_are_gzipped_for_clients_that_ask_and_plain_for_others() {
    let site = site();
    let server = start(site.path());
    let (head, body) = get_raw(server.port, PAGE, "Accept-Encoding: gzip\r\n");
    assert!(head.contains("content-encoding: gzip"), "{head}");
    let mut page = String::new();
    flate2::read::GzDecoder::new(&body[..])
        .read_to_string(&mut page)
        .unwrap();
    assert!(page.contains("Costs were flat."), "the page itself");
    assert!(
        page.contains("data-callpress-live"),
        "compressed after the script went in"
    );
    assert!(
        body.len() * 2 < page.len(),
        "{} bytes for a {}-byte page",
        body.len(),
        page.len()
    );

    let (head, body) = get_raw(server.port, PAGE, "");
    assert!(!head.contains("content-encoding"), "{head}");
    assert!(String::from_utf8_lossy(&body).contains("Costs were flat."));

    let (head, _) = get_raw(server.port, "/style.css", "Accept-Encoding: gzip\r\n");
    assert!(head.contains("content-encoding: gzip"), "the stylesheet too: {head}");
}
