//! The site's boundary: which files a build may read. Only files under the site's root,
//! and under the outside folders `site.toml` allows, are read; a symlink that leads
//! anywhere else is skipped with a warning, so a pull request that adds
//! `content/leak.md → ~/.ssh/id_rsa` cannot publish the build machine's files.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Warning, WarningKind};

/// The folders a build may read from: the site's root and the allowed outside folders,
/// each resolved (symlinks followed) once.
#[derive(Debug, Clone)]
pub struct Boundary {
    /// Resolved folders, the site root first.
    inside: Vec<PathBuf>,
}

/// A symlink whose target lies outside the boundary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The link, as found under the site.
    pub link: PathBuf,
    /// Where it leads (resolved).
    pub target: PathBuf,
}

impl Refused {
    /// The warning for the build report, attached to the link.
    pub fn warning(&self) -> (PathBuf, Warning) {
        (
            self.link.clone(),
            Warning::new(
                0,
                WarningKind::Outside,
                format!(
                    "skipped: a link to {}, outside the site (allow its folder in site.toml's [security] allow_outside to read it)",
                    self.target.display()
                ),
            ),
        )
    }
}

impl Boundary {
    /// The boundary of the site at `root` with `allowed` outside folders (already
    /// resolved by the caller: see [`resolve_allowed`]).
    pub fn new(root: &Path, allowed: Vec<PathBuf>) -> Boundary {
        let mut inside = vec![std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())];
        inside.extend(allowed);
        Boundary { inside }
    }

    /// Whether `path` (a file or folder found while walking the site) may be read: a
    /// symlink must resolve inside the boundary; anything else is inside by the walk.
    /// A link that does not resolve (dangling) is left to the reader, which reports it.
    pub fn check(&self, path: &Path, is_symlink: bool) -> Result<(), Refused> {
        if is_symlink { self.check_path(path) } else { Ok(()) }
    }

    /// Whether a walk under a site folder may enter `entry`: the folder the walk starts
    /// from (which may itself be a link: `content/ → /srv/calls`) and every link below it
    /// must resolve inside; a refused entry is pushed to `refused` and not entered.
    pub fn admits(&self, entry: &walkdir::DirEntry, refused: &mut Vec<Refused>) -> bool {
        let check = if entry.depth() == 0 {
            self.check_path(entry.path())
        } else {
            self.check(entry.path(), entry.path_is_symlink())
        };
        check.map_err(|r| refused.push(r)).is_ok()
    }

    /// Like [`Boundary::check`] for a path that may or may not be a symlink (a path a
    /// watcher reported, a folder the walk starts from): any link on the way counts.
    pub fn check_path(&self, path: &Path) -> Result<(), Refused> {
        let Ok(target) = std::fs::canonicalize(path) else {
            return Ok(());
        };
        if self.inside.iter().any(|folder| target.starts_with(folder)) {
            Ok(())
        } else {
            Err(Refused {
                link: path.to_path_buf(),
                target,
            })
        }
    }
}

/// Resolves the outside folders an owner allows (relative to the site root or absolute);
/// the error names the first that does not exist.
pub fn resolve_allowed(root: &Path, allowed: &[String]) -> Result<Vec<PathBuf>, String> {
    allowed
        .iter()
        .map(|folder| {
            let path = root.join(folder);
            std::fs::canonicalize(&path).map_err(|e| format!("allow_outside folder `{folder}` cannot be used: {e}"))
        })
        .collect()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_inside_and_outside() {
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(site.path().join("a.txt"), "a").unwrap();
        std::fs::write(outside.path().join("secret"), "s").unwrap();
        symlink(site.path().join("a.txt"), site.path().join("in.txt")).unwrap();
        symlink(outside.path().join("secret"), site.path().join("out.txt")).unwrap();
        let boundary = Boundary::new(site.path(), Vec::new());
        assert!(boundary.check(&site.path().join("in.txt"), true).is_ok());
        let refused = boundary.check(&site.path().join("out.txt"), true).unwrap_err();
        assert_eq!(
            refused.target,
            std::fs::canonicalize(outside.path().join("secret")).unwrap()
        );
        let allowed = resolve_allowed(site.path(), &[outside.path().display().to_string()]).unwrap();
        let open = Boundary::new(site.path(), allowed);
        assert!(open.check(&site.path().join("out.txt"), true).is_ok());
    }

    #[test]
    fn a_missing_allowed_folder_is_named() {
        let site = tempfile::tempdir().unwrap();
        let err = resolve_allowed(site.path(), &["../no-such-archive".to_string()]).unwrap_err();
        assert!(err.contains("no-such-archive"), "{err}");
    }
}
