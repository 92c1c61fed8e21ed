//! The scaling harness behind `scripts/scaling`: builds a one-file site of each
//! pathological shape at n, 2n and 4n, times `callpress check` on it (the whole
//! pipeline: read, front matter, layout, figures, render) and fails when time grows faster
//! than `LIMIT` per doubling. Not a timed test: run it in release mode on a quiet machine.
//!
//! `scripts/scaling [SHAPE...]` (all shapes without arguments); `CALLPRESS` names the
//! binary to time (default `target/release/callpress`).

use std::path::Path;
use std::time::{Duration, Instant};

/// The largest growth per doubling of n that still counts as linear (with noise).
const LIMIT: f64 = 2.5;
/// Runs per size; the median is kept.
const RUNS: usize = 5;

/// One pathological input: its name, the content file it is written to, and its text at n.
struct Shape {
    name: &'static str,
    file: &'static str,
    n: usize,
    make: fn(usize) -> String,
}

const CALL_FRONT: &str =
    "---\ntitle: Scaling\ncompany: Scaling Co\nticker: SCL\nyear: 2025\nquarter: 1\ndate: 2025-04-01\n---\n";

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "front matter: nested brackets",
            file: "nested.txt",
            n: 100_000,
            make: |n| {
                format!(
                    "---\ntitle: {}{}\n---\nOperator: Hello.\n",
                    "[".repeat(n),
                    "]".repeat(n)
                )
            },
        },
        Shape {
            name: "front matter: nested block sequences",
            file: "blocks.txt",
            n: 20_000,
            make: |n| format!("---\ntitle:\n{}x\n---\nOperator: Hello.\n", "- ".repeat(n)),
        },
        Shape {
            name: "JSON: nested arrays",
            file: "nested.json",
            n: 4_000_000,
            make: |n| format!("{}{}", "[".repeat(n), "]".repeat(n)),
        },
        Shape {
            name: "HTML: nested elements",
            file: "nested.html",
            n: 400_000,
            make: |n| {
                format!(
                    "<html><body>{}<p>Operator: Hello.</p>{}</body></html>",
                    "<div>".repeat(n),
                    "</div>".repeat(n)
                )
            },
        },
        Shape {
            name: "figures: one sentence of many amounts",
            file: "amounts.txt",
            n: 2_000,
            make: |n| {
                format!(
                    "{CALL_FRONT}Operator: Welcome.\n\nJane Doe: Revenue of $1.2 billion{}.\n",
                    ", revenue of $1.2 billion".repeat(n)
                )
            },
        },
        Shape {
            name: "figures: many sentences of amounts",
            file: "sentences.txt",
            n: 2_000,
            make: |n| {
                format!(
                    "{CALL_FRONT}Operator: Welcome.\n\nJane Doe: {}\n",
                    "Revenue grew 12% to $1.2 billion, up from $1.07 billion. ".repeat(n)
                )
            },
        },
        Shape {
            name: "one very long line of words",
            file: "long-line.txt",
            n: 400_000,
            make: |n| format!("{CALL_FRONT}Operator: Welcome.\n\nJane Doe: {}\n", "word ".repeat(n)),
        },
        Shape {
            name: "a line of digits",
            file: "digits.txt",
            n: 1_000_000,
            make: |n| format!("{CALL_FRONT}Operator: Welcome.\n\nJane Doe: {}\n", "9".repeat(n)),
        },
        Shape {
            name: "tiny paragraphs",
            file: "tiny.txt",
            n: 50_000,
            make: |n| {
                format!(
                    "{CALL_FRONT}Operator: Welcome.\n\nJane Doe: Ok.\n{}",
                    "Ok.\n\n".repeat(n)
                )
            },
        },
        Shape {
            name: "many speakers",
            file: "speakers.txt",
            n: 8_000,
            make: |n| {
                let mut s = format!("{CALL_FRONT}Operator: Welcome.\n\n");
                for i in 0..n {
                    s.push_str(&format!("Speaker Number{i}: Thank you, I have a question.\n\n"));
                }
                s
            },
        },
        Shape {
            name: "Markdown: deep block quotes",
            file: "quotes.md",
            n: 1_000_000,
            make: |n| format!("# Quotes\n\n{} deep\n", ">".repeat(n)),
        },
        Shape {
            name: "Markdown: deep lists",
            file: "lists.md",
            n: 800_000,
            make: |n| format!("# Lists\n\n{}deep\n", "- ".repeat(n)),
        },
        Shape {
            name: "Markdown: emphasis delimiters",
            file: "emphasis.md",
            n: 400_000,
            make: |n| format!("# Emphasis\n\n{}\n", "*a _b [c ".repeat(n)),
        },
        Shape {
            name: "Markdown: code the highlighter finds hard",
            file: "code.md",
            n: 100,
            // Lines of 1 KB (a longer line is shown plain, unhighlighted).
            make: |n| {
                format!(
                    "# Code\n\n```rust\n{}```\n\n```html\n{}```\n",
                    format!("let s = \"{}\n", "\\\"(".repeat(330)).repeat(n),
                    format!("<a {}\n", "b=\"c\" ".repeat(170)).repeat(n)
                )
            },
        },
    ]
}

fn main() {
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    // The baseline is a site of one short call, so that starting up (the figure
    // vocabulary, the templates) is not counted as work on the input.
    let small = format!("{CALL_FRONT}Operator: Welcome.\n\nJane Doe: Revenue was $1.2 billion.\n");
    let baseline = time_site(&small, "small.txt");
    println!("baseline (one short call): {:.1} ms\n", ms(baseline));
    println!("| shape | n | t(n) ms | t(2n) ms | t(4n) ms | growth per doubling |");
    println!("|---|---|---|---|---|---|");
    let mut failed = Vec::new();
    for shape in shapes() {
        if !wanted.is_empty() && !wanted.iter().any(|w| shape.name.contains(w.as_str())) {
            continue;
        }
        let times: Vec<f64> = [1, 2, 4]
            .iter()
            .map(|k| ms(time_site(&(shape.make)(shape.n * k), shape.file).saturating_sub(baseline)))
            .collect();
        // Growth per doubling over the whole span (the geometric mean of the two
        // doublings: one of them alone swings with the allocator and page faults). Below
        // ten milliseconds the ratio is noise: count those as linear.
        let worst = if times[2] < 10.0 {
            1.0
        } else {
            (times[2] / times[0].max(0.5)).sqrt()
        };
        let verdict = if worst > LIMIT { "**too fast**" } else { "ok" };
        println!(
            "| {} | {} | {:.1} | {:.1} | {:.1} | {worst:.2} {verdict} |",
            shape.name, shape.n, times[0], times[1], times[2]
        );
        if worst > LIMIT {
            failed.push(shape.name);
        }
    }
    if !failed.is_empty() {
        eprintln!("\ngrows faster than {LIMIT}x per doubling: {}", failed.join(", "));
        std::process::exit(1);
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The median wall time of `callpress check` on a site whose only content file is
/// `text`. Each run is a fresh process, as an owner runs it: in one long process the
/// allocator's state after the previous shapes swung the times by 2x.
fn time_site(text: &str, file: &str) -> Duration {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    std::fs::write(root.join("site.toml"), "title = \"Scaling\"\n").expect("site.toml written");
    std::fs::create_dir(root.join("content")).expect("content folder");
    std::fs::write(root.join("content").join(file), text).expect("content file written");
    let mut times: Vec<Duration> = (0..RUNS).map(|_| check_once(root)).collect();
    times.sort();
    times[RUNS / 2]
}

fn check_once(root: &Path) -> Duration {
    let exe = std::env::var("CALLPRESS").unwrap_or_else(|_| "target/release/callpress".to_string());
    let started = Instant::now();
    // Refusing a file is an answer too: what is timed is how long it takes to give one.
    let status = std::process::Command::new(&exe)
        .args(["check", "--root"])
        .arg(root)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    let elapsed = started.elapsed();
    if let Err(e) = status {
        eprintln!("cannot run {exe}: {e} (build it: cargo build --release)");
        std::process::exit(2);
    }
    elapsed
}
