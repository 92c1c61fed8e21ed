//! Watch latency: from the moment a transcript is written to the moment the served page
//! has the new text, over 50 edits of a site (use the 1,000-call bench corpus).
//!
//! Usage: cargo run --release --example watch_latency -- SITE_DIR [EDITS]
//! Starts `target/release/callpress serve` on SITE_DIR, edits call-00000.txt … in turn,
//! polls the page, and prints p50 / p95 and what each rebuild read and wrote.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn get(port: u16, path: &str) -> String {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return String::new();
    };
    let _ = write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    );
    let mut body = String::new();
    let _ = stream.read_to_string(&mut body);
    body
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let site = PathBuf::from(args.get(1).ok_or("usage: watch_latency SITE_DIR [EDITS]")?);
    let edits: usize = args.get(2).map_or(Ok(50), |n| n.parse())?;
    let exe = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/callpress");
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let mut server = Command::new(&exe)
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(&site)
        .stderr(Stdio::piped())
        .spawn()?;
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    let stderr = server.stderr.take().ok_or("no stderr")?;
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Ok(mut l) = sink.lock() {
                l.push(line);
            }
        }
    });
    let started = Instant::now();
    while !log.lock().map_err(|_| "log")?.iter().any(|l| l.starts_with("Serving")) {
        if started.elapsed() > Duration::from_secs(300) {
            return Err("server did not start".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut latencies = Vec::new();
    for i in 0..edits {
        let file = site.join("content").join(format!("call-{i:05}.txt"));
        let call = callpress::parse_file(&file)?;
        let path = callpress::site::urls::call_path(&call.meta, Path::new(""))?;
        let url = format!("/{path}");
        let text = std::fs::read_to_string(&file)?;
        let marker = format!("call number {i},");
        let edited = text.replacen(&format!("call number {i}."), &format!("{marker} edited."), 1);
        let t0 = Instant::now();
        std::fs::write(&file, &edited)?;
        while !get(port, &url).contains(&marker) {
            if t0.elapsed() > Duration::from_secs(30) {
                return Err(format!("edit {i} never showed").into());
            }
        }
        latencies.push(t0.elapsed());
        std::fs::write(&file, &text)?;
        // Let the restore be rebuilt before the next measured edit.
        while get(port, &url).contains(&marker) {}
    }
    let _ = server.kill();
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0;
    let lines = log.lock().map_err(|_| "log")?.clone();
    let rebuilds: Vec<&String> = lines.iter().filter(|l| l.starts_with("Rebuilt")).collect();
    println!(
        "watch latency over {edits} edits: p50 {:.1} ms, p95 {:.1} ms (debounce {} ms included)",
        pct(0.5),
        pct(0.95),
        callpress::serve::watch::DEBOUNCE.as_millis()
    );
    println!(
        "rebuilds: {} (each edit and its restore); a typical one: {}",
        rebuilds.len(),
        rebuilds.get(rebuilds.len() / 2).map_or("-", |s| s.as_str())
    );
    Ok(())
}
