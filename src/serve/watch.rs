//! Watches a site's sources (content/, templates/, static/, site.toml) and turns editor
//! saves into batches of changed paths: debounced, reads ignored, editor temp files ignored.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::error::{Error, Result};

/// How long a burst of events must be quiet before it is one change. Editors save in
/// bursts (write a temp file, rename it, touch attributes) within a few milliseconds.
pub const DEBOUNCE: Duration = Duration::from_millis(15);

/// A running watcher; changes arrive on [`Watcher::changes`]. Dropping it stops watching.
pub struct Watcher {
    _debouncer: Box<dyn std::any::Any + Send>,
    /// Batches of changed paths (deduplicated, sorted).
    pub changes: mpsc::Receiver<Vec<PathBuf>>,
}

/// Starts watching the site at `root`.
pub fn watch(root: &Path) -> Result<Watcher> {
    let (tx, rx) = mpsc::channel();
    let root_owned = root.to_path_buf();
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let mut paths: Vec<PathBuf> = events
            .into_iter()
            // On Linux a read is an event too; the server's own reads must not rebuild.
            .filter(|e| !matches!(e.event.kind, EventKind::Access(_)))
            .flat_map(|e| e.event.paths)
            .filter(|p| relevant(&root_owned, p))
            .collect();
        paths.sort();
        paths.dedup();
        if !paths.is_empty() {
            let _ = tx.send(paths);
        }
    })
    .map_err(|e| watch_error(root, &e))?;
    for dir in ["content", "templates", "static"] {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| watch_error(&path, &e))?;
        }
    }
    // site.toml is watched through its folder: editors replace the file, which ends a
    // watch on the file itself.
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| watch_error(root, &e))?;
    Ok(Watcher {
        _debouncer: Box::new(debouncer),
        changes: rx,
    })
}

fn watch_error(path: &Path, e: &notify::Error) -> Error {
    Error::Watch {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// True for sources of the site; false for editor temp files, hidden files and anything
/// else at the root (the output folder among them).
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else { return false };
    if rel.iter().any(crate::content::is_ignored_name) {
        return false;
    }
    let mut parts = rel.iter();
    match parts.next().and_then(|p| p.to_str()) {
        Some("content" | "templates" | "static") => true,
        Some(crate::config::CONFIG_FILE) => parts.next().is_none(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_count() {
        let root = Path::new("/site");
        assert!(relevant(root, Path::new("/site/content/a.txt")));
        assert!(relevant(root, Path::new("/site/site.toml")));
        assert!(relevant(root, Path::new("/site/templates/call.html")));
        assert!(!relevant(root, Path::new("/site/public/index.html")));
        assert!(!relevant(root, Path::new("/site/content/.a.txt.swp")));
        assert!(!relevant(root, Path::new("/site/content/a.txt~")));
        assert!(!relevant(root, Path::new("/site/content/4913")));
        assert!(!relevant(root, Path::new("/elsewhere/content/a.txt")));
    }
}
