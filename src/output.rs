//! Writes a build into a temporary folder beside the output and swaps it in at the end,
//! so a failed or killed build never leaves a half-written site; refuses dangerous targets.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where a build's files go.
pub trait Sink: Sync {
    /// Writes `bytes` to the site-relative path `rel`.
    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<()>;
}

/// Discards everything: `callpress check` renders every page but writes nothing.
#[derive(Debug, Default)]
pub struct NullSink;

impl Sink for NullSink {
    fn write(&self, _rel: &Path, _bytes: &[u8]) -> Result<()> {
        Ok(())
    }
}

/// A build in progress: files go to a temporary sibling of the output folder.
#[derive(Debug)]
pub struct Staging {
    output: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    committed: bool,
}

impl Staging {
    /// Prepares to replace `output`. Refuses outputs that are, contain, or sit inside
    /// the site's own folders; recovers from an earlier build killed mid-swap; removes
    /// the temporary folders an earlier killed build left.
    pub fn begin(output: &Path, site_root: &Path) -> Result<Staging> {
        let output = absolute(output)?;
        check_safe(&output, &absolute(site_root)?)?;
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
        for leftover in [&tmp, &old] {
            if leftover.exists() {
                std::fs::remove_dir_all(leftover).map_err(|e| Error::write(leftover, e))?;
            }
        }
        std::fs::create_dir_all(&tmp).map_err(|e| Error::write(&tmp, e))?;
        Ok(Staging {
            output,
            tmp,
            old,
            committed: false,
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

    /// Swaps the new site in: output → old, new → output, then removes old.
    pub fn commit(mut self) -> Result<PathBuf> {
        if self.output.exists() {
            std::fs::rename(&self.output, &self.old).map_err(|e| Error::write(&self.output, e))?;
        }
        std::fs::rename(&self.tmp, &self.output).map_err(|e| Error::write(&self.output, e))?;
        self.committed = true;
        if self.old.exists() {
            std::fs::remove_dir_all(&self.old).map_err(|e| Error::write(&self.old, e))?;
        }
        Ok(self.output.clone())
    }
}

impl Sink for Staging {
    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        let path = self.tmp.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::write(&path, e))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort: a failed build leaves nothing behind; the next run cleans up otherwise.
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
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
        assert!(!site.path().join(".public.callpress-tmp").exists());
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
