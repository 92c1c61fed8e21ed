//! Helpers shared by the integration tests: fixture paths, temp sites, HTML probes.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

/// The repository root (the example site).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file from `../shared/fixtures`; fails with the expected location when it is missing.
pub fn shared_fixture(rel: &str) -> PathBuf {
    let path = repo().join("../shared/fixtures").join(rel);
    assert!(
        path.is_file(),
        "missing shared fixture: expected {} (the shared/ folder beside the repository)",
        path.display()
    );
    path
}

/// A new site in a temp folder: site.toml plus the given content files.
pub fn temp_site(config: &str, files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("site.toml"), config).expect("write site.toml");
    for (rel, bytes) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write content");
    }
    dir
}

/// Every file under `dir`, relative path → bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// All `id="…"` values of a page, in order (duplicates kept).
pub fn ids(html: &str) -> Vec<String> {
    let re = Regex::new(r#"\sid="([^"]*)""#).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

/// All `href="#…"` fragment targets of a page.
pub fn fragment_links(html: &str) -> BTreeSet<String> {
    let re = Regex::new(r##"href="#([^"]*)""##).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

/// All href and src values of a page.
pub fn urls(html: &str) -> Vec<String> {
    let re = Regex::new(r#"\s(?:href|src)="([^"]*)""#).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

/// Asserts that ids are unique and every `#fragment` link has its target on the page.
pub fn assert_anchors_sound(html: &str, page: &str) {
    let all = ids(html);
    let unique: BTreeSet<&String> = all.iter().collect();
    assert_eq!(all.len(), unique.len(), "{page}: duplicate ids");
    for target in fragment_links(html) {
        assert!(unique.contains(&target), "{page}: link to #{target} has no target");
    }
}
