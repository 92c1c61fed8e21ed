//! Commands of the `callpress` binary: build, check, parse, init, watch, serve.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use callpress::figures::Figures;
use callpress::serve::{Log, ServeOptions};
use callpress::transcript::{Call, Section};
use callpress::{BuildOptions, BuildReport};

/// A static-site generator for earnings-call transcripts.
#[derive(Parser)]
#[command(name = "callpress", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into its output folder.
    Build {
        /// The site folder (holding site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: output_dir from site.toml).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Base URL (default: base_url from site.toml).
        #[arg(long)]
        base_url: Option<String>,
        /// Include drafts.
        #[arg(long)]
        drafts: bool,
    },
    /// Parse and render everything without writing; exit non-zero on an error.
    Check {
        /// The site folder (holding site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include drafts.
        #[arg(long)]
        drafts: bool,
        /// Make every warning an error (exit non-zero): a gate for CI on changes you did
        /// not write.
        #[arg(long)]
        strict: bool,
        /// How to report: `text` (every warning on standard error) or `json` (one
        /// document on standard output, for CI tools).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Build, then rebuild on every change to content/, templates/, static/ or site.toml.
    Watch {
        /// The site folder (holding site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: output_dir from site.toml).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Include drafts.
        #[arg(long)]
        drafts: bool,
    },
    /// Watch and serve the output with live reload (open pages reload after a rebuild).
    Serve {
        /// The site folder (holding site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: output_dir from site.toml).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Port to listen on (the next free one is taken if it is busy).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        interface: std::net::IpAddr,
        /// Include drafts.
        #[arg(long)]
        drafts: bool,
    },
    /// Show what the parser understood of one transcript.
    Parse {
        /// The transcript file.
        file: PathBuf,
        /// Print the call as JSON (the published call.json format).
        #[arg(long)]
        json: bool,
    },
    /// Create a new site with one example call.
    Init {
        /// The folder to create.
        dir: PathBuf,
    },
}

/// How `check` reports.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Lines on standard error, `file:line: warning: message`.
    Text,
    /// One JSON document on standard output.
    Json,
}

/// Runs the command line and returns the process's exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli.command) {
        Ok(code) => code,
        Err(e) => {
            let mut said = format!("{e}");
            eprintln!("Error: {said}");
            // A library error already says its cause ("x: cannot read: Permission
            // denied"); repeat a cause only when it adds something.
            for cause in e.chain().skip(1).map(|c| c.to_string()) {
                if !said.contains(&cause) {
                    eprintln!("Reason: {cause}");
                    said.push_str(&cause);
                }
            }
            ExitCode::FAILURE
        }
    }
}

fn dispatch(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => {
            let started = std::time::Instant::now();
            let options = BuildOptions {
                root,
                output,
                base_url,
                drafts,
            };
            let report = if std::io::stderr().is_terminal() {
                let line = ProgressLine::new();
                let report = callpress::build_with_progress(&options, &|done, all| line.show(done, all));
                line.clear();
                report?
            } else {
                callpress::build(&options)?
            };
            print_build_warnings(&report);
            eprintln!(
                "Built {} call(s) and {} page(s) into {} in {} ms{}",
                report.calls,
                report.pages,
                report.output.display(),
                started.elapsed().as_millis(),
                drafts_note(&report)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            root,
            drafts,
            strict,
            format,
        } => {
            let report = callpress::check(&BuildOptions {
                root,
                drafts,
                ..BuildOptions::default()
            })?;
            let failed = strict && !report.warnings.is_empty();
            if format == Format::Json {
                print_stdout(&(check_json(&report, failed) + "\n"))?;
                return Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS });
            }
            print_warnings(&report, None);
            eprintln!(
                "Checked {} call(s) and {} page(s): {}, {} warning(s){}",
                report.calls,
                report.pages,
                if failed {
                    "failed (--strict makes every warning an error)"
                } else {
                    "no errors"
                },
                report.warnings.len(),
                drafts_note(&report)
            );
            Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Parse { file, json } => {
            let (call, figures) =
                callpress::analyse_file(&file).with_context(|| format!("could not parse {}", file.display()))?;
            if json {
                print_stdout(&(callpress::render::data::call_json_pretty(&call, &figures) + "\n"))?;
            } else {
                print_stdout(&outline(&call, &figures, &file))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Watch { root, output, drafts } => watch_or_serve(root, output, drafts, None),
        Command::Serve {
            root,
            output,
            port,
            interface,
            drafts,
        } => watch_or_serve(root, output, drafts, Some((interface, port))),
        Command::Init { dir } => {
            callpress::init::init(&dir)?;
            eprintln!(
                "Created a site in {}. Build it with: callpress build --root {}",
                dir.display(),
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `watch` (no address) or `serve` (on `interface:port`), until Ctrl-C.
fn watch_or_serve(
    root: PathBuf,
    output: Option<PathBuf>,
    drafts: bool,
    address: Option<(std::net::IpAddr, u16)>,
) -> anyhow::Result<ExitCode> {
    let build = BuildOptions {
        root,
        output,
        base_url: None,
        drafts,
    };
    let (interface, port) = address.unwrap_or(([127, 0, 0, 1].into(), 0));
    let options = ServeOptions {
        build,
        http: address.is_some(),
        interface,
        port,
    };
    callpress::serve::run(options, Arc::new(Terminal))?;
    Ok(ExitCode::SUCCESS)
}

/// `Building: 1,234 of 10,000 files` on one terminal line, redrawn at most ten times a
/// second; a build that ends sooner than that shows nothing.
struct ProgressLine {
    started: std::time::Instant,
    /// Milliseconds since `started` of the last redraw.
    drawn: std::sync::atomic::AtomicU64,
    shown: std::sync::atomic::AtomicBool,
}

impl ProgressLine {
    fn new() -> Self {
        ProgressLine {
            started: std::time::Instant::now(),
            drawn: std::sync::atomic::AtomicU64::new(0),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn show(&self, done: usize, all: usize) {
        use std::sync::atomic::Ordering;
        let now = self.started.elapsed().as_millis() as u64;
        let last = self.drawn.load(Ordering::Relaxed);
        // The first draw waits 200 ms; then one every 100 ms, by whichever thread wins.
        let due = if last == 0 { now >= 200 } else { now >= last + 100 };
        if !due
            || self
                .drawn
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return;
        }
        self.shown.store(true, Ordering::Relaxed);
        eprint!("\rBuilding: {} of {} files", thousands(done), thousands(all));
    }

    fn clear(&self) {
        if self.shown.load(std::sync::atomic::Ordering::Relaxed) {
            eprint!("\r\x1b[2K");
        }
    }
}

/// Progress and problems of `watch` and `serve`, on standard error.
struct Terminal;

impl Log for Terminal {
    fn info(&self, message: &str) {
        eprintln!("{message}");
    }
    fn problem(&self, message: &str) {
        eprintln!("{message}");
    }
}

fn drafts_note(report: &BuildReport) -> String {
    match report.drafts_skipped {
        0 => String::new(),
        n => format!(" ({n} draft(s) skipped; --drafts includes them)"),
    }
}

/// Writes `text` to standard output. A closed pipe (`callpress parse x | head`) is the
/// reader's choice, not an error: the rest is dropped quietly.
fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// How many warnings of one file `build` prints; `check` prints them all.
const WARNINGS_PER_FILE: usize = 20;

/// Above this many files with warnings, `build` prints one line per kind of warning
/// instead of every warning: 10,000 lines on a big site drown the owner.
const FILES_LISTED: usize = 10;

/// How many file names a summary line names.
const NAMES_PER_KIND: usize = 3;

/// `build`'s warnings: each one when few files have them; else one line per kind with
/// how many files have it and the first few (`callpress check` lists them all).
fn print_build_warnings(report: &BuildReport) {
    let files: std::collections::BTreeSet<&Path> = report.warnings.iter().map(|(p, _)| p.as_path()).collect();
    if files.len() <= FILES_LISTED {
        print_warnings(report, Some(WARNINGS_PER_FILE));
        return;
    }
    print_notes(report);
    eprint!("{}", warning_summary(&report.warnings));
}

/// One line per kind of warning, the most frequent first: `2,560 files have missing
/// metadata (…) (2,560 warnings): a.txt, b.txt, c.txt and 2,557 more`.
fn warning_summary(warnings: &[(PathBuf, callpress::diagnostic::Warning)]) -> String {
    type Files<'a> = (Vec<&'a Path>, std::collections::HashSet<&'a Path>, usize);
    let mut by_kind: BTreeMap<callpress::diagnostic::WarningKind, Files<'_>> = BTreeMap::new();
    for (path, w) in warnings {
        let (files, seen, count) = by_kind.entry(w.kind).or_default();
        if seen.insert(path) {
            files.push(path);
        }
        *count += 1;
    }
    let kinds = by_kind
        .into_iter()
        .map(|(kind, (files, _, count))| (kind, (files, count)));
    let mut kinds: Vec<_> = kinds.collect();
    kinds.sort_by(|a, b| b.1.0.len().cmp(&a.1.0.len()).then(a.0.cmp(&b.0)));
    let mut out = String::new();
    for (kind, (files, count)) in &kinds {
        let names: Vec<String> = files
            .iter()
            .take(NAMES_PER_KIND)
            .map(|p| p.display().to_string())
            .collect();
        let rest = files.len().saturating_sub(NAMES_PER_KIND);
        let _ = writeln!(
            out,
            "warning: {} file(s) with {} ({} warning(s)): {}{}",
            thousands(files.len()),
            kind.summary(),
            thousands(*count),
            names.join(", "),
            if rest > 0 {
                format!(" and {} more", thousands(rest))
            } else {
                String::new()
            }
        );
    }
    let _ = writeln!(out, "`callpress check` lists every warning (`--format json` for tools)");
    out
}

/// `12345` as `12,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `check --format json`: what was checked, whether it failed, and every note and
/// warning with its file and line.
fn check_json(report: &BuildReport, failed: bool) -> String {
    let warnings: Vec<serde_json::Value> = report
        .warnings
        .iter()
        .map(|(path, w)| {
            serde_json::json!({
                "file": path.display().to_string(),
                "line": w.line,
                "kind": w.kind,
                "message": w.message,
            })
        })
        .collect();
    let notes: Vec<serde_json::Value> = report
        .notes
        .iter()
        .map(|(path, note)| serde_json::json!({ "file": path.display().to_string(), "note": note }))
        .collect();
    let doc = serde_json::json!({
        "calls": report.calls,
        "pages": report.pages,
        "drafts_skipped": report.drafts_skipped,
        "failed": failed,
        "warnings": warnings,
        "notes": notes,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Notes: things worth knowing that are not problems.
fn print_notes(report: &BuildReport) {
    for (path, note) in &report.notes {
        eprintln!("{}: note: {note}", path.display());
    }
}

/// Prints notes and warnings, at most `per_file` warnings of any one file: a file with
/// thousands of them (a huge paste, a machine translation gone wrong) must not bury the
/// rest of the build's output.
fn print_warnings(report: &BuildReport, per_file: Option<usize>) {
    print_notes(report);
    let limit = per_file.unwrap_or(usize::MAX);
    let mut counts: BTreeMap<&Path, usize> = BTreeMap::new();
    for (path, w) in &report.warnings {
        let seen = counts.entry(path.as_path()).or_default();
        *seen += 1;
        if *seen <= limit {
            if w.line == 0 {
                eprintln!("{}: warning: {}", path.display(), w.message);
            } else {
                eprintln!("{}:{}: warning: {}", path.display(), w.line, w.message);
            }
        }
    }
    for (path, count) in counts.into_iter().filter(|&(_, n)| n > limit) {
        eprintln!(
            "{}: {} more warning(s) not shown (`callpress check` lists them all)",
            path.display(),
            count - limit
        );
    }
}

/// The outline `callpress parse` prints: metadata, speakers, turns, headline, warnings.
fn outline(call: &Call, figures: &Figures, file: &Path) -> String {
    let mut o = String::new();
    // Writing to a String cannot fail.
    macro_rules! out {
        ($($arg:tt)*) => {
            let _ = writeln!(o, $($arg)*);
        };
    }
    let m = &call.meta;
    out!("{} ({} layout)", file.display(), call.layout);
    out!("  title:    {}", m.title);
    if m.ticker.is_empty() {
        out!("  company:  {}", m.company);
    } else {
        out!("  company:  {} ({})", m.company, m.ticker);
    }
    out!(
        "  period:   {} Q{}",
        m.year.map_or("?".into(), |y| y.to_string()),
        m.quarter.map_or("?".into(), |q| q.to_string())
    );
    out!("  date:     {}", m.date.as_deref().unwrap_or("?"));
    out!("  speakers: {}", call.speakers.len());
    for s in &call.speakers {
        let detail = [s.title.as_deref(), s.affiliation.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        out!(
            "    {:<28} {:<9} {detail}",
            s.name,
            format!("{:?}", s.role).to_lowercase()
        );
    }
    out!(
        "  turns:    {} ({} paragraphs)",
        call.turns.len(),
        call.paragraph_count()
    );
    let mut section = None;
    for t in &call.turns {
        if section != Some(t.section) {
            section = Some(t.section);
            out!(
                "  -- {} --",
                if t.section == Section::Qa {
                    "Q&A"
                } else {
                    "prepared remarks"
                }
            );
        }
        out!(
            "    {:>4}  line {:<5} {:<28} {} paragraph(s)",
            t.id,
            t.line,
            t.label.chars().take(28).collect::<String>(),
            t.paragraphs.len()
        );
    }
    out!(
        "  figures:  {} ({} in the headline)",
        figures.figures.len(),
        figures.headline.len()
    );
    for r in &figures.headline {
        out!(
            "    {:<34} {:<10} {:<30} {}",
            r.label,
            r.period_label,
            r.value,
            r.change
        );
    }
    for w in &call.warnings {
        out!("  warning: line {}: {}", w.line, w.message);
    }
    o
}
