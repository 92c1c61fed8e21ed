//! `callpress init`: scaffolds a working site with one example call and an about page.

use std::path::Path;

use crate::error::{Error, Result};

const FILES: &[(&str, &str)] = &[
    ("site.toml", include_str!("scaffold/site.toml")),
    (
        "content/example-2025-q3.txt",
        include_str!("../content/northwind-2025-q3.txt"),
    ),
    ("content/about.md", include_str!("scaffold/about.md")),
    ("static/.gitkeep", ""),
    ("templates/.gitkeep", ""),
];

/// Creates a new site in `dir` (which must not exist or be empty).
pub fn init(dir: &Path) -> Result<()> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, e))?;
        if entries.next().is_some() {
            return Err(Error::UnsafeOutput {
                path: dir.to_path_buf(),
                reason: "it is not empty; init only creates new sites".to_string(),
            });
        }
    }
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::write(&path, e))?;
    }
    Ok(())
}
