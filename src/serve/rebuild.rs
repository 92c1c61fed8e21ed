//! Incremental rebuilds for `watch` and `serve`: keeps what the last build knew of every
//! file, re-reads only the files that changed, and re-renders only the pages that show
//! them (their own page, the index, and the listings they were or are in).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::build::{self, BuildOptions, BuildReport, Entries, Entry, Site};
use crate::content::{self, ContentFile};
use crate::diagnostic::Warning;
use crate::error::{Error, Result};
use crate::output::{Sink, Staging};
use crate::site::listings::CallSummary;
use crate::site::search::{CallTerms, SearchIndex, shard_path};

/// What one rebuild did.
#[derive(Debug, Default)]
pub struct RebuildReport {
    /// The whole site was rebuilt (templates, static files or site.toml changed).
    pub full: bool,
    /// Content files read.
    pub files_read: usize,
    /// Pages and data files written.
    pub files_written: usize,
    /// Warnings of the files read.
    pub warnings: Vec<(PathBuf, Warning)>,
    /// Wall time.
    pub elapsed: Duration,
}

/// A site being watched: its settings, renderer and the state of its last good build.
pub struct Session {
    options: BuildOptions,
    site: Site,
    output: PathBuf,
    entries: Entries,
    search: SearchIndex,
}

impl Session {
    /// Builds the whole site (as `build` does) and keeps its state.
    pub fn start(options: BuildOptions) -> Result<(Session, BuildReport)> {
        let site = Site::load(&options)?;
        let output = build::output_dir(&site, &options);
        let staging = Staging::begin(&output, &site.root)?;
        let build::Run {
            mut report,
            entries,
            search,
        } = build::run(&site, &staging, &|_, _| {})?;
        report.output = staging.commit()?;
        Ok((
            Session {
                options,
                site,
                output,
                entries,
                search,
            },
            report,
        ))
    }

    /// The folder being served.
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// Brings the output up to date with `changed` paths (files created, modified or
    /// removed). On an error the output and the state stay as they were.
    pub fn apply(&mut self, changed: &[PathBuf]) -> Result<RebuildReport> {
        let started = Instant::now();
        let root = &self.site.root;
        let site_wide = changed.iter().any(|p| {
            p.starts_with(root.join("templates"))
                || p.starts_with(root.join("static"))
                || p == &root.join(crate::config::CONFIG_FILE)
        });
        let mut report = if site_wide {
            self.rebuild_all()?
        } else {
            self.rebuild_content(changed)?
        };
        report.elapsed = started.elapsed();
        Ok(report)
    }

    fn rebuild_all(&mut self) -> Result<RebuildReport> {
        let (session, built) = Session::start(self.options.clone())?;
        *self = session;
        Ok(RebuildReport {
            full: true,
            files_read: built.calls + built.pages + built.drafts_skipped,
            files_written: 0,
            warnings: built.warnings,
            elapsed: Duration::ZERO,
        })
    }

    fn rebuild_content(&mut self, changed: &[PathBuf]) -> Result<RebuildReport> {
        let content_dir = self.site.root.join("content");
        let memory = MemorySink::default();
        let mut report = RebuildReport::default();
        // First render every changed file into memory; the output and the state change
        // only when all of them are good.
        let mut updates: Vec<(PathBuf, Option<Entry>)> = Vec::new();
        let mut new_terms: Vec<(String, CallTerms)> = Vec::new();
        for path in changed {
            let Ok(relative) = path.strip_prefix(&content_dir) else {
                continue;
            };
            let Some(kind) = content::kind_of(path) else { continue };
            if relative.iter().any(content::is_ignored_name) {
                continue;
            }
            let mut after = None;
            // The same boundary as a full build: a link (or a file under a linked
            // folder) leading outside the site is not read, and leaves the site if it was in it.
            if let Err(refused) = self.site.boundary.check_path(path) {
                report.warnings.push(refused.warning());
            } else if path.is_file() {
                let file = ContentFile {
                    relative: relative.to_path_buf(),
                    path: path.clone(),
                    kind,
                };
                report.files_read += 1;
                let mut done = build::process(&self.site, &file, self.site.sink(&memory).as_ref())?;
                new_terms.extend(build::take_terms(&mut done));
                let mut built = BuildReport::default();
                after = build::record(done, &mut built);
                report.warnings.extend(built.warnings);
            }
            updates.push((path.clone(), after));
        }
        self.check_new_paths(&updates)?;
        let mut touched: Vec<CallSummary> = Vec::new();
        // Every call read again, as it is now: its page was rendered without its links
        // to the calls around it, even when nothing in the listings moved.
        let mut relink: HashSet<String> = HashSet::new();
        let mut gone: Vec<String> = Vec::new();
        let mut listings_changed = false;
        let mut calls_changed = !new_terms.is_empty();
        for (path, after) in updates {
            let before = self.entries.remove(&path);
            for summary in before.iter().chain(&after).filter_map(|e| e.summary.as_ref()) {
                relink.extend(summary.listing_paths());
            }
            if let Some(b) = before.as_ref().filter(|b| b.summary.is_some()) {
                self.search.set(&b.path, None);
                calls_changed = true;
            }
            // The listings show a call's summary: when an edit leaves it as it was (the
            // usual case, a fix in the text), no listing, feed or index changes.
            let same = matches!((&before, &after), (Some(b), Some(a)) if b.path == a.path && b.summary == a.summary && b.has_code == a.has_code);
            if !same {
                listings_changed = true;
                touched.extend(before.as_ref().and_then(|b| b.summary.clone()));
                touched.extend(after.as_ref().and_then(|a| a.summary.clone()));
                if let Some(b) = &before
                    && after.as_ref().is_none_or(|a| a.path != b.path)
                {
                    gone.push(b.path.clone());
                }
            }
            if let Some(entry) = after {
                self.entries.insert(path, entry);
            }
        }
        let live = AtomicSink {
            root: self.output.clone(),
        };
        report.files_written = memory.flush(&live)?;
        // Listings first, removals last: a page never links to a page already gone.
        if listings_changed {
            let listings = build::listings_of(&self.entries);
            let affected: HashSet<String> = touched.iter().flat_map(CallSummary::listing_paths).collect();
            report.files_written += build::write_site_wide(
                &self.site,
                &self.entries,
                &listings,
                Some(&affected),
                self.site.sink(&live).as_ref(),
            )?;
            let live_groups: HashSet<&String> = listings
                .companies
                .iter()
                .chain(&listings.quarters)
                .chain(&listings.speakers)
                .map(|g| &g.path)
                .collect();
            for path in affected.iter().filter(|p| !live_groups.contains(p)) {
                remove_page(&self.output, path);
            }
        }
        if !relink.is_empty() {
            let listings = build::listings_of(&self.entries);
            report.files_written +=
                build::link_adjacent_calls(&self.site, &listings, Some(&relink), self.site.sink(&live).as_ref())?;
        }
        if calls_changed {
            for (path, terms) in new_terms {
                self.search.set(&path, Some(terms));
            }
            report.files_written += self.write_search_index(&live)?;
        }
        for path in gone.iter().filter(|p| !self.entries.values().any(|e| &e.path == *p)) {
            remove_page(&self.output, path);
        }
        Ok(report)
    }

    /// Writes the shards of the search index that changed; removes those no longer used.
    fn write_search_index(&mut self, live: &AtomicSink) -> Result<usize> {
        let listings = build::listings_of(&self.entries);
        let before = self.search.shards();
        let (written, shards) =
            build::write_search_index(&self.site, &listings, &mut self.search, self.site.sink(live).as_ref())?;
        for n in shards..before {
            // A missing file is what we want; any other failure leaves a file no query reads.
            let _ = std::fs::remove_file(self.output.join(shard_path(n)));
        }
        Ok(written)
    }

    /// A changed file must not take a URL another file (or a listing) has.
    fn check_new_paths(&self, updates: &[(PathBuf, Option<Entry>)]) -> Result<()> {
        let changing: HashSet<&PathBuf> = updates.iter().map(|(p, _)| p).collect();
        let mut errors = Vec::new();
        let mut taken: std::collections::HashMap<&str, &PathBuf> = self
            .entries
            .iter()
            .filter(|(p, _)| !changing.contains(p))
            .map(|(p, e)| (e.path.as_str(), p))
            .collect();
        for (source, entry) in updates.iter().filter_map(|(p, e)| e.as_ref().map(|e| (p, e))) {
            match taken.get(entry.path.as_str()) {
                Some(first) => errors.push(Error::UrlCollision {
                    url: self.site.renderer.urls().link(&entry.path),
                    first: (*first).clone(),
                    second: source.clone(),
                }),
                None => {
                    taken.insert(&entry.path, source);
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Error::from_list(errors))
        }
    }
}

/// Removes a page's files (and its folder when that leaves it empty).
fn remove_page(output: &Path, path: &str) {
    let dir = output.join(path);
    for name in ["index.html", "call.json", "figures.json", crate::render::FEED_FILE] {
        let _ = std::fs::remove_file(dir.join(name));
    }
    let _ = std::fs::remove_dir(&dir);
}

/// Holds rendered files until the whole change is known to be good.
#[derive(Default)]
struct MemorySink {
    files: Mutex<Vec<(PathBuf, Vec<u8>)>>,
}

impl Sink for MemorySink {
    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        if let Ok(mut files) = self.files.lock() {
            files.push((rel.to_path_buf(), bytes.to_vec()));
        }
        Ok(())
    }
}

impl MemorySink {
    fn flush(self, sink: &dyn Sink) -> Result<usize> {
        let files = self.files.into_inner().unwrap_or_default();
        for (rel, bytes) in &files {
            sink.write(rel, bytes)?;
        }
        Ok(files.len())
    }
}

/// Writes into the live output folder: each file to a temporary name beside it, then
/// renamed over the old one, so a reader never sees half a file.
pub struct AtomicSink {
    /// The output folder.
    pub root: PathBuf,
}

impl Sink for AtomicSink {
    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        let path = self.root.join(rel);
        let dir = path.parent().unwrap_or(&self.root);
        std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let part = dir.join(format!(".{name}.callpress-part"));
        std::fs::write(&part, bytes).map_err(|e| Error::write(&part, e))?;
        std::fs::rename(&part, &path).map_err(|e| Error::write(&path, e))
    }

    fn read(&self, rel: &Path) -> Option<Vec<u8>> {
        std::fs::read(self.root.join(rel)).ok()
    }
}
