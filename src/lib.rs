//! callpress: a static-site generator for earnings-call transcripts.
//!
//! The pipeline is the architecture: [`content`] finds and reads files, [`transcript`]
//! parses each into the one [`transcript::Call`] model, [`site`] decides URLs and
//! listings, [`render`] turns them into pages, [`output`] writes them atomically, and
//! [`build`] runs the whole. The `callpress` binary is a thin CLI over this library.

pub mod build;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod error;
pub mod figures;
pub mod init;
pub mod output;
pub mod render;
pub mod serve;
pub mod site;
pub mod transcript;

pub use build::{BuildOptions, BuildReport, Progress, build, build_with_progress, check};
pub use error::{Error, Result};

use std::path::Path;

/// Reads and parses one transcript file (what `callpress parse` shows).
///
/// ```no_run
/// let call = callpress::parse_file(std::path::Path::new("content/northwind-2025-q3.txt"))?;
/// println!("{} turns, {} speakers", call.turns.len(), call.speakers.len());
/// # Ok::<(), callpress::Error>(())
/// ```
pub fn parse_file(path: &Path) -> Result<transcript::Call> {
    let doc = content::read_document(path)?;
    transcript::parse_document(&doc)
}

/// Parses one transcript and extracts its figures (adding the translation and conflict
/// warnings to the call).
pub fn analyse_file(path: &Path) -> Result<(transcript::Call, figures::Figures)> {
    let mut call = parse_file(path)?;
    let figures = figures::extract(&mut call);
    Ok((call, figures))
}
