//! Finds a site's content files and reads each into text, front matter and body.

pub mod boundary;
pub mod decode;
pub mod frontmatter;
pub mod limits;

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::Warning;
use crate::error::{Error, Result};
pub use boundary::{Boundary, Refused};
pub use frontmatter::FrontMatter;

/// What a content file is, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ContentKind {
    /// A call transcript (`.txt`, `.json`, `.yaml`, `.html`, `.vtt`/`.srt` subtitles, a `.nlp`
    /// token table): parsed into a `Call`.
    Transcript,
    /// A Markdown file (`.md`): an ordinary page, or a call when its front matter has
    /// `ticker`, `company` or `layout`.
    Page,
}

/// One file found under `content/`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentFile {
    /// Path relative to the content folder (used for URLs of pages).
    pub relative: PathBuf,
    /// Full path on disk.
    pub path: PathBuf,
    /// Transcript or page.
    pub kind: ContentKind,
}

/// A content file read and split: front matter parsed, body ready for a parser.
#[derive(Debug)]
pub struct Document {
    /// Full path on disk, for messages.
    pub path: PathBuf,
    /// The parsed front matter (empty when there is none).
    pub front: FrontMatter,
    /// The text after the front matter.
    pub body: String,
    /// How many lines of the file come before `body` (0 without front matter),
    /// so that body line `n` (1-based) is file line `n + body_line_offset`.
    pub body_line_offset: usize,
    /// Warnings about the front matter.
    pub warnings: Vec<Warning>,
    /// The encoding the file was decoded from when it was not UTF-8.
    pub encoding: Option<&'static str>,
}

/// What [`discover`] found: the content files, and the folders or files it could not
/// read (permission denied, say), each an error naming its path.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Content files, sorted by path.
    pub files: Vec<ContentFile>,
    /// Paths the walk could not enter or read.
    pub unreadable: Vec<Error>,
    /// Symlinks skipped because they lead outside the site's boundary.
    pub refused: Vec<Refused>,
}

/// Lists the content files under `dir`, sorted, skipping hidden, editor and unknown files.
///
/// Symlinks are followed only where they stay inside `boundary` (a site may link its
/// transcripts in from an archive it allows); one leading elsewhere is skipped and
/// reported in [`Discovered::refused`]. walkdir reports symlink loops as errors, which we
/// skip rather than fail on. A folder that cannot be read does not stop the walk: it is
/// reported with the rest, so the owner sees every problem of a build at once.
pub fn discover(dir: &Path, boundary: &Boundary) -> Discovered {
    let mut found = Discovered::default();
    if !dir.exists() {
        return found;
    }
    let mut refused = Vec::new();
    let walker = WalkDir::new(dir).follow_links(true).sort_by_file_name();
    let admitted = walker.into_iter().filter_entry(|e| {
        if e.depth() > 0 && is_ignored_name(e.file_name()) {
            return false;
        }
        boundary.admits(e, &mut refused)
    });
    for entry in admitted {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.loop_ancestor().is_some() => continue,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let source = e.into_io_error().unwrap_or_else(|| std::io::Error::other("walk error"));
                found.unreadable.push(Error::read(&path, source));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path().to_path_buf();
        let Some(kind) = kind_of(&path) else { continue };
        let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
        found.files.push(ContentFile { relative, path, kind });
    }
    found.refused = refused;
    found
}

/// The kind of a content file from its extension; `None` for files callpress does not read.
pub fn kind_of(path: &Path) -> Option<ContentKind> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "txt" | "text" | "json" | "html" | "htm" | "nlp" | "yaml" | "yml" | "vtt" | "srt" => {
            Some(ContentKind::Transcript)
        }
        "md" | "markdown" => Some(ContentKind::Page),
        _ => None,
    }
}

/// Hidden files and the temporary files editors write beside the one being saved
/// (`.x.swp`, `x~`, vim's `4913` probe, emacs' `#x#` and `.#x`).
pub fn is_ignored_name(name: &std::ffi::OsStr) -> bool {
    let Some(name) = name.to_str() else { return true };
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
}

/// Reads a content file: decodes it and splits off and parses its front matter.
pub fn read_document(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| Error::read(path, e))?;
    let decoded = decode::decode_owned(bytes).map_err(|e| match e {
        decode::DecodeError::NotUtf8 { offset } => Error::Decode {
            path: path.to_path_buf(),
            offset,
        },
        decode::DecodeError::Malformed { encoding, offset } => Error::content(
            path,
            1,
            format!("not valid {encoding} (the encoding its front matter names) at byte offset {offset}"),
        ),
        decode::DecodeError::UnknownEncoding { label, line } => {
            Error::content(path, line, decode::unknown_encoding_message(&label))
        }
    })?;
    let mut doc = parse_document(path, decoded.text)?;
    doc.encoding = decoded.encoding;
    Ok(doc)
}

/// Splits and parses already decoded text; `path` is used in messages only.
pub fn parse_document(path: &Path, text: String) -> Result<Document> {
    // A YAML transcript is all YAML: a leading `---` opens its document, not front matter.
    let is_yaml = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    let split = if is_yaml { None } else { frontmatter::split(&text) };
    match split {
        None => Ok(Document {
            path: path.to_path_buf(),
            front: FrontMatter::default(),
            body: text,
            body_line_offset: 0,
            warnings: Vec::new(),
            encoding: None,
        }),
        Some(split) => {
            let (front, warnings) = frontmatter::parse(split.yaml, split.yaml_first_line, path)?;
            let body = text[split.body_start..].to_string();
            Ok(Document {
                path: path.to_path_buf(),
                front,
                body,
                body_line_offset: split.body_line_offset,
                warnings,
                encoding: None,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn editor_and_hidden_files_are_ignored() {
        for name in [
            ".hidden.txt",
            "call.txt~",
            ".call.txt.swp",
            "4913",
            "#call.txt#",
            ".#call.txt",
        ] {
            assert!(is_ignored_name(OsStr::new(name)), "{name}");
        }
        assert!(!is_ignored_name(OsStr::new("amzn-2024-q1.txt")));
    }

    #[test]
    fn kinds_come_from_extensions() {
        assert_eq!(kind_of(Path::new("a/b.TXT")), Some(ContentKind::Transcript));
        assert_eq!(kind_of(Path::new("about.md")), Some(ContentKind::Page));
        assert_eq!(kind_of(Path::new("logo.png")), None);
    }

    #[test]
    fn body_lines_are_offset_by_the_front_matter() {
        let doc = parse_document(Path::new("x.txt"), "---\ntitle: T\n---\nbody\n".to_string()).unwrap();
        assert_eq!(doc.body, "body\n");
        assert_eq!(doc.body_line_offset, 3);
        assert_eq!(doc.front.title.as_deref(), Some("T"));
    }
}
