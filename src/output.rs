//! Writes a build into a temporary folder beside the output and swaps it in at the end,
//! so a failed or killed build never leaves a half-written site; refuses dangerous targets.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};
use crate::site::urls::NOT_FOUND_FILE;

/// Where a build's files go.
pub trait Sink: Sync {
    /// Writes `bytes` to the site-relative path `rel`.
    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<()>;

    /// What this build wrote to `rel`, when the sink can give it back (a page is
    /// written, then given its links to the calls around it once every call is known).
    fn read(&self, _rel: &Path) -> Option<Vec<u8>> {
        None
    }
}

/// Passes every file on unchanged.
pub struct Passthrough<'a>(pub &'a dyn Sink);

impl Sink for Passthrough<'_> {
    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        self.0.write(rel, bytes)
    }

    fn read(&self, rel: &Path) -> Option<Vec<u8>> {
        self.0.read(rel)
    }
}

/// Rewrites the links of every HTML page it passes on to be relative to that page
/// (`site.toml` `relative_urls`); other files pass unchanged. The not-found page keeps
/// its site-absolute links: a host shows it in place of any missing address, at any
/// depth, where links relative to the top folder would lead nowhere.
pub struct RelativeLinks<'a> {
    /// Where the files go.
    pub inner: &'a dyn Sink,
    /// The path links start with (`/` or `/calls/`).
    pub base_path: String,
}

impl Sink for RelativeLinks<'_> {
    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        let html = rel.extension().is_some_and(|e| e == "html") && rel != Path::new(NOT_FOUND_FILE);
        match std::str::from_utf8(bytes) {
            Ok(text) if html => {
                let relative = crate::site::urls::relative_html(text, rel, &self.base_path);
                self.inner.write(rel, relative.as_bytes())
            }
            _ => self.inner.write(rel, bytes),
        }
    }

    /// The page as written: its links already relative (and rewriting them again, on the
    /// way back, leaves them so: a relative link does not start with the base path).
    fn read(&self, rel: &Path) -> Option<Vec<u8>> {
        self.inner.read(rel)
    }
}

/// Discards everything: `callpress check` renders every page but writes nothing.
#[derive(Debug, Default)]
pub struct NullSink;

impl Sink for NullSink {
    fn write(&self, _rel: &Path, _bytes: &[u8]) -> Result<()> {
        Ok(())
    }
}

/// A build in progress: files go to a staging folder beside the output, which is then
/// swapped in.
///
/// The site the swap replaces is not deleted: it becomes the staging folder of the next
/// build, whose files are written over it. Creating thousands of files just after
/// deleting thousands costs ext4 more than the whole render (inode allocation scans the
/// recently freed ones); rewriting files that exist reuses their inodes. Files the new
/// build did not write are removed before the swap.
#[derive(Debug)]
pub struct Staging {
    output: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    written: Mutex<HashSet<PathBuf>>,
}

impl Staging {
    /// Prepares to replace `output`. Refuses outputs that are, contain, or sit inside
    /// the site's own folders; recovers from an earlier build killed mid-swap.
    pub fn begin(output: &Path, site_root: &Path) -> Result<Staging> {
        let output = absolute(output)?;
        check_safe(&output, &absolute(site_root)?)?;
        ensure_writable(&output)?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let parent = output.parent().unwrap_or(Path::new("/"));
        let tmp = parent.join(format!(".{name}.callpress-tmp"));
        let old = parent.join(format!(".{name}.callpress-old"));
        if !output.exists() && old.is_dir() {
            // Killed between the two renames of a swap: the old site is complete; put it back.
            std::fs::rename(&old, &output).map_err(|e| Error::write(&output, e))?;
        }
        if old.exists() {
            // Killed after the swap: the replaced site is only good for reuse.
            if tmp.exists() {
                std::fs::remove_dir_all(&old).map_err(|e| Error::write(&old, e))?;
            } else {
                std::fs::rename(&old, &tmp).map_err(|e| Error::write(&tmp, e))?;
            }
        }
        if tmp.exists() && !tmp.is_dir() {
            std::fs::remove_file(&tmp).map_err(|e| Error::write(&tmp, e))?;
        }
        std::fs::create_dir_all(&tmp).map_err(|e| Error::write(&tmp, e))?;
        Ok(Staging {
            output,
            tmp,
            old,
            written: Mutex::new(HashSet::new()),
        })
    }

    /// The folder the new site is being written to.
    pub fn dir(&self) -> &Path {
        &self.tmp
    }

    /// The output folder that will be replaced.
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// Removes what the build did not write, then swaps staging and output in one atomic
    /// exchange where the system has one (else output → old, staging → output,
    /// old → staging); the replaced site is kept for the next build.
    pub fn commit(self) -> Result<PathBuf> {
        self.remove_unwritten()?;
        if self.output.exists() {
            if exchange(&self.tmp, &self.output).is_ok() {
                // One atomic step: there is no moment without a complete site.
                return Ok(self.output.clone());
            }
            std::fs::rename(&self.output, &self.old).map_err(|e| Error::write(&self.output, e))?;
        }
        std::fs::rename(&self.tmp, &self.output).map_err(|e| Error::write(&self.output, e))?;
        if self.old.exists() {
            std::fs::rename(&self.old, &self.tmp).map_err(|e| Error::write(&self.tmp, e))?;
        }
        Ok(self.output.clone())
    }

    /// Deletes files in the staging folder that this build did not write (pages of
    /// deleted calls, left from the build before), and folders left empty.
    fn remove_unwritten(&self) -> Result<()> {
        let written = self
            .written
            .lock()
            .map_err(|_| Error::write(&self.tmp, std::io::Error::other("a writer panicked")))?;
        let mut dirs = Vec::new();
        for entry in walkdir::WalkDir::new(&self.tmp).min_depth(1) {
            let entry = entry.map_err(|e| Error::write(&self.tmp, e.into()))?;
            let rel = entry.path().strip_prefix(&self.tmp).unwrap_or(entry.path());
            if entry.file_type().is_dir() {
                dirs.push(entry.path().to_path_buf());
            } else if !written.contains(rel) {
                std::fs::remove_file(entry.path()).map_err(|e| Error::write(entry.path(), e))?;
            }
        }
        // Deepest first; a folder that still holds files is left (remove_dir fails on it).
        for dir in dirs.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
        Ok(())
    }
}

impl Sink for Staging {
    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        let path = self.tmp.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
        }
        overwrite(&path, bytes).map_err(|e| Error::write(&path, e))?;
        if let Ok(mut written) = self.written.lock() {
            written.insert(rel.to_path_buf());
        }
        Ok(())
    }

    fn read(&self, rel: &Path) -> Option<Vec<u8>> {
        // The staging folder holds the last site's files too: only this build's count.
        let written = self.written.lock().ok()?.contains(rel);
        written.then(|| std::fs::read(self.tmp.join(rel)).ok()).flatten()
    }
}

/// Refuses an existing output folder the user may not write (permission bits, a
/// read-only mount). The swap only renames it, which its parent's permissions allow, so
/// without this check a folder the owner made read-only would be replaced all the same.
#[cfg(unix)]
fn ensure_writable(output: &Path) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    if !output.is_dir() {
        return Ok(());
    }
    let c = std::ffi::CString::new(output.as_os_str().as_bytes())
        .map_err(|e| Error::write(output, std::io::Error::other(e)))?;
    // SAFETY: `c` is a valid NUL-terminated path that outlives the call.
    if unsafe { libc::access(c.as_ptr(), libc::W_OK) } == 0 {
        Ok(())
    } else {
        Err(Error::write(output, std::io::Error::last_os_error()))
    }
}

#[cfg(not(unix))]
fn ensure_writable(output: &Path) -> Result<()> {
    match std::fs::metadata(output) {
        Ok(m) if m.is_dir() && m.permissions().readonly() => Err(Error::write(
            output,
            std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the folder is read-only"),
        )),
        _ => Ok(()),
    }
}

/// Swaps two folders atomically (Linux `renameat2` with `RENAME_EXCHANGE`). Elsewhere, or
/// on a file system without it, an error: the caller falls back to two renames, whose
/// gap the next run repairs (see [`Staging::begin`]).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let a = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let b = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call;
    // AT_FDCWD makes them relative to the working directory (they are absolute anyway).
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange on this system"))
}

/// Writes `bytes` over the file at `path` (created if missing) without first truncating it
/// to zero: on ext4 a file truncated to zero and rewritten is flushed to disk on close
/// (`auto_da_alloc`, a guard for editors), which stalls a build that rewrites thousands.
/// Writing over the old bytes and then cutting the file to its new length is safe here:
/// nothing reads the staging folder until the swap.
fn overwrite(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)
}

/// `path` made absolute and canonical as far as it exists (the last parts may not yet).
fn absolute(path: &Path) -> Result<PathBuf> {
    let cwd = std::env::current_dir().map_err(|e| Error::read(Path::new("."), e))?;
    let joined = cwd.join(path);
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canonical) = existing.canonicalize() {
            let mut out = canonical;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return Ok(out);
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return Ok(joined),
        }
    }
}

fn check_safe(output: &Path, root: &Path) -> Result<()> {
    let refuse = |reason: &str| {
        Err(Error::UnsafeOutput {
            path: output.to_path_buf(),
            reason: reason.to_string(),
        })
    };
    if output
        .components()
        .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return refuse("it contains `..`");
    }
    if output.parent().is_none() || output.file_name().is_none() {
        return refuse("it is the root of the file system");
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if home.and_then(|h| h.canonicalize().ok()).is_some_and(|h| h == output) {
        return refuse("it is the home folder");
    }
    if root.starts_with(output) {
        return refuse("it is the site folder or one of its parents");
    }
    for own in ["content", "templates", "static"] {
        if output.starts_with(root.join(own)) {
            return refuse(&format!("it is inside the site's {own}/ folder"));
        }
    }
    if output.exists() && !output.is_dir() {
        return refuse("it is a file, not a folder");
    }
    if output.join(crate::config::CONFIG_FILE).exists() {
        return refuse("it holds a site.toml: it looks like a site, not a build output");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_outputs_are_refused() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        for bad in [
            root.to_path_buf(),
            root.join("content"),
            root.join("static/x"),
            root.parent().unwrap().to_path_buf(),
            PathBuf::from("/"),
        ] {
            let err = Staging::begin(&bad, root).unwrap_err();
            assert!(matches!(err, Error::UnsafeOutput { .. }), "{bad:?}: {err}");
        }
    }

    #[test]
    fn a_dropped_build_leaves_the_old_output_alone() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("index.html"), "old").unwrap();
        {
            let s = Staging::begin(&out, site.path()).unwrap();
            s.write(Path::new("index.html"), b"new").unwrap();
        }
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "old");
    }

    #[test]
    fn the_replaced_site_is_reused_and_stale_files_are_removed() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        for (round, files) in [
            (1, vec!["a/index.html", "b/index.html"]),
            (2, vec!["a/index.html"]),
            (3, vec!["c/index.html"]),
        ] {
            let s = Staging::begin(&out, site.path()).unwrap();
            for f in &files {
                s.write(Path::new(f), format!("round {round}").as_bytes()).unwrap();
            }
            s.commit().unwrap();
            let tree: Vec<String> = walkdir::WalkDir::new(&out)
                .min_depth(1)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.path().strip_prefix(&out).unwrap().display().to_string())
                .collect();
            assert_eq!(tree, files, "round {round}");
            for f in &files {
                assert_eq!(std::fs::read_to_string(out.join(f)).unwrap(), format!("round {round}"));
            }
        }
        assert!(!out.join("b").exists(), "emptied folders go too");
    }

    #[test]
    fn commit_swaps_in_the_new_site() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("stale.html"), "old").unwrap();
        let s = Staging::begin(&out, site.path()).unwrap();
        s.write(Path::new("a/index.html"), b"new").unwrap();
        s.commit().unwrap();
        assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "new");
        assert!(!out.join("stale.html").exists());
    }

    #[test]
    fn a_swap_killed_halfway_is_recovered() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        let old = site.path().join(".public.callpress-old");
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join("index.html"), "previous").unwrap();
        let s = Staging::begin(&out, site.path()).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "previous");
        drop(s);
    }
}
