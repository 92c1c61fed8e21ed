//! The library's one error type: every variant names the file (and the line where there is one).

use std::fmt;
use std::path::{Path, PathBuf};

/// Everything that can stop callpress from reading a site or writing its output.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file that failed.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A file or folder could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The file that failed.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The bytes of a content file are not text in a known encoding.
    #[error("{}: not valid UTF-8 (first invalid byte at offset {offset}); save the file as UTF-8 or name its encoding in front matter (`encoding: big5`)", path.display())]
    Decode {
        /// The file that failed.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Something in a content file (front matter or body) is wrong.
    #[error("{}{}: {message}", path.display(), Position(*line, *column))]
    Content {
        /// The content file.
        path: PathBuf,
        /// 1-based line in the file.
        line: usize,
        /// 1-based column, 0 when unknown.
        column: usize,
        /// What is wrong, in words.
        message: String,
    },
    /// `site.toml` is missing or wrong.
    #[error("{}{}: {message}", path.display(), Position(*line, *column))]
    Config {
        /// Path of site.toml.
        path: PathBuf,
        /// 1-based line, 0 when the file is missing.
        line: usize,
        /// 1-based column, 0 when unknown.
        column: usize,
        /// What is wrong, in words.
        message: String,
    },
    /// A template failed to parse or render.
    #[error("template '{template}' (rendering {page}): {message}")]
    Template {
        /// The template's name (e.g. `call.html`).
        template: String,
        /// What was being rendered: a content file or a listing.
        page: String,
        /// Tera's report, with the template line.
        message: String,
    },
    /// Two inputs would be written to the same URL.
    #[error("two pages would be written to {url}: {} and {}", first.display(), second.display())]
    UrlCollision {
        /// The URL both claim.
        url: String,
        /// The first file.
        first: PathBuf,
        /// The second file.
        second: PathBuf,
    },
    /// The output folder is a place callpress must never write into or delete.
    #[error("refusing to use {} as the output folder: {reason}", path.display())]
    UnsafeOutput {
        /// The folder that was asked for.
        path: PathBuf,
        /// Why it is refused.
        reason: String,
    },
    /// `serve` could not listen: the port (and the next twenty) are taken, or the address
    /// is not this machine's.
    #[error(
        "cannot listen on {address} (nor on the next {tried} ports): {source}; pick another with --port, or stop the program using it"
    )]
    Bind {
        /// The first address tried (`127.0.0.1:1111`).
        address: String,
        /// How many further ports were tried.
        tried: u16,
        /// What the operating system said about the last one.
        #[source]
        source: std::io::Error,
    },
    /// `serve` or `watch` could not watch a folder of the site for changes.
    #[error("{}: cannot watch for changes: {message}", path.display())]
    Watch {
        /// The folder that could not be watched.
        path: PathBuf,
        /// What the watcher said (on Linux, often the inotify watch limit:
        /// `fs.inotify.max_user_watches`).
        message: String,
    },
    /// The preview server stopped with an error after it started.
    #[error("the preview server at {address} failed: {source}")]
    Serve {
        /// The address it listened on.
        address: String,
        /// What went wrong.
        #[source]
        source: std::io::Error,
    },
    /// Several files failed; each error is listed.
    #[error("{} error(s):\n{}", .0.len(), ErrorList(.0))]
    Many(Vec<Error>),
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A read error for `path`.
    pub fn read(path: &Path, source: std::io::Error) -> Self {
        Error::Read {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A write error for `path`.
    pub fn write(path: &Path, source: std::io::Error) -> Self {
        Error::Write {
            path: path.to_path_buf(),
            source,
        }
    }

    /// An error at `line` of a content file.
    pub fn content(path: &Path, line: usize, message: impl Into<String>) -> Self {
        Error::Content {
            path: path.to_path_buf(),
            line,
            column: 0,
            message: message.into(),
        }
    }

    /// Folds a list of errors into one (the single error itself when there is one).
    pub fn from_list(mut errors: Vec<Error>) -> Self {
        if errors.len() == 1 {
            errors.remove(0)
        } else {
            Error::Many(errors)
        }
    }
}

/// `:line:column`, or just `:line`, or nothing, as much as is known.
struct Position(usize, usize);

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            (0, _) => Ok(()),
            (line, 0) => write!(f, ":{line}"),
            (line, column) => write!(f, ":{line}:{column}"),
        }
    }
}

struct ErrorList<'a>(&'a [Error]);

impl fmt::Display for ErrorList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "  - {e}")?;
        }
        Ok(())
    }
}

/// 1-based (line, column) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}
