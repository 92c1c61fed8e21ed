//! Incremental rebuilds for `watch` and `serve`: keeps what the last build knew of every
//! file, re-reads only the files that changed, and re-renders only the pages that show
//! them (their own page, the index, and the listings they were or are in).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::build::{self, BuildOptions, BuildReport, Entries, Entry, Site};
use crate::content::{self, ContentFile};
use crate::diagnostic::Warning;
use crate::error::{Error, Result};
use crate::output::{Sink, Staging};
use crate::render::MAX_APPEARANCES;
use crate::site::listings::{CallSummary, Group, Listings};
use crate::site::search::{CallTerms, SearchIndex, shard_path};

/// A changed content file and its entry as it is now (`None`: gone, or publishes nothing).
type Update = (PathBuf, Option<Entry>);

/// The changed files as read: their entries and their calls' search terms.
struct ReadBack {
    updates: Vec<Update>,
    new_terms: Vec<(String, CallTerms)>,
}

/// What a set of changed files changes beyond their own pages.
#[derive(Default)]
struct Plan {
    /// Summaries before and after of calls whose listings change.
    touched: Vec<CallSummary>,
    /// The pages of every call read again (rendered without their links to the calls
    /// around them, even when nothing in the listings moved).
    reread: HashSet<String>,
    /// Companies whose calls came, went or moved: all their pages are linked again.
    relink_companies: HashSet<String>,
    /// Summaries that changed only in what their speakers said.
    requoted: Vec<CallSummary>,
    /// Calls whose terms change in the search index (`None`: taken out).
    search: BTreeMap<String, Option<CallTerms>>,
    /// Folders of pages no file publishes any more.
    gone: Vec<String>,
    /// Some call's summary changed in what the listings show.
    listings_changed: bool,
}

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
    /// The listings of `entries`, made again only when a call's summary changes.
    listings: Listings,
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
            listings,
            search,
        } = build::run(&site, &staging, &|_, _| {})?;
        report.output = staging.commit()?;
        Ok((
            Session {
                options,
                site,
                output,
                listings,
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
        let memory = MemorySink::default();
        let mut report = RebuildReport::default();
        // First render every changed file into memory; the output and the state change
        // only when all of them are good.
        let ReadBack { updates, new_terms } = self.read_changed(changed, &memory, &mut report)?;
        self.check_new_paths(&updates)?;
        let mut plan = self.take_in(updates);
        plan.search
            .extend(new_terms.into_iter().map(|(path, terms)| (path, Some(terms))));
        let live = AtomicSink {
            root: self.output.clone(),
        };
        report.files_written = memory.flush(&live)?;
        report.files_written += self.publish(plan, &live)?;
        Ok(report)
    }

    /// Reads and renders the changed content files into `memory`: each one's entry as
    /// it is now (`None` when it is gone or publishes nothing) and each call's terms.
    fn read_changed(&self, changed: &[PathBuf], memory: &MemorySink, report: &mut RebuildReport) -> Result<ReadBack> {
        let content_dir = self.site.root.join("content");
        let mut updates: Vec<Update> = Vec::new();
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
                let mut done = build::process(&self.site, &file, self.site.sink(memory).as_ref())?;
                new_terms.extend(build::take_terms(&mut done));
                let mut built = BuildReport::default();
                after = build::record(done, &mut built);
                report.warnings.extend(built.warnings);
            }
            updates.push((path.clone(), after));
        }
        Ok(ReadBack { updates, new_terms })
    }

    /// Puts the new entries in the state and works out which pages they change.
    fn take_in(&mut self, updates: Vec<Update>) -> Plan {
        let mut plan = Plan::default();
        for (path, after) in updates {
            let before = self.entries.remove(&path);
            plan.reread
                .extend(after.iter().filter(|a| a.summary.is_some()).map(|a| a.path.clone()));
            if let Some(b) = before.as_ref().filter(|b| b.summary.is_some()) {
                plan.search.insert(b.path.clone(), None);
            }
            // The listings show a call's summary: when an edit leaves it as it was (the
            // usual case, a fix in the text), no listing, feed or index changes.
            let same = matches!((&before, &after), (Some(b), Some(a)) if b.path == a.path && b.summary == a.summary && b.has_code == a.has_code);
            // A call that came, went, or changed company or period moves the calls
            // around it: every page of its company (before and after) is linked again.
            let moved = !matches!((&before, &after), (Some(b), Some(a)) if b.path == a.path && same_place(b.summary.as_ref(), a.summary.as_ref()));
            if moved {
                for summary in before.iter().chain(&after).filter_map(|e| e.summary.as_ref()) {
                    plan.relink_companies.extend(summary.company_path());
                }
            }
            if !same && let Some(a) = requoted_only(before.as_ref(), after.as_ref()) {
                // Only what a speaker said changed (the opening of a turn their page
                // quotes, their share): their pages change, nothing else lists it.
                plan.requoted.push(a.clone());
            } else if !same {
                plan.listings_changed = true;
                plan.touched.extend(before.as_ref().and_then(|b| b.summary.clone()));
                plan.touched.extend(after.as_ref().and_then(|a| a.summary.clone()));
                if let Some(b) = &before
                    && after.as_ref().is_none_or(|a| a.path != b.path)
                {
                    plan.gone.push(b.path.clone());
                }
            }
            if let Some(entry) = after {
                self.entries.insert(path, entry);
            }
        }
        plan
    }

    /// Writes what `plan` changes beyond the pages read again: listings, speaker pages,
    /// the links between a company's calls, the search index; removes pages gone.
    fn publish(&mut self, plan: Plan, live: &AtomicSink) -> Result<usize> {
        let mut written = 0;
        let requoted_paths: HashSet<String> = plan.requoted.iter().map(|c| c.path.clone()).collect();
        if plan.listings_changed {
            self.listings = build::listings_of(&self.entries);
        } else {
            // In place: the call keeps its place in every listing.
            for summary in plan.requoted {
                if let Some(slot) = self.listings.calls.iter_mut().find(|c| c.path == summary.path) {
                    *slot = summary;
                }
            }
        }
        let listings = &self.listings;
        let sink = self.site.sink(live);
        // A speaker's page quotes only their newest calls: an edit to an older one
        // changes nothing there.
        let quoted: HashSet<String> = requoted_speaker_pages(listings, &requoted_paths);
        if !plan.listings_changed && !quoted.is_empty() {
            written += build::write_listing_pages(&self.site, listings, Some(&quoted), sink.as_ref())?;
        }
        // Listings first, removals last: a page never links to a page already gone.
        if plan.listings_changed {
            let affected: HashSet<String> = plan.touched.iter().flat_map(CallSummary::listing_paths).collect();
            written += build::write_site_wide(&self.site, &self.entries, listings, Some(&affected), sink.as_ref())?;
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
        // The pages read again, and every page of a company whose calls moved.
        let relink =
            |g: &Group, c: &CallSummary| plan.relink_companies.contains(&g.path) || plan.reread.contains(&c.path);
        written += build::link_adjacent_calls(&self.site, listings, &relink, sink.as_ref())?;
        drop(sink);
        if !plan.search.is_empty() {
            for (path, terms) in plan.search {
                self.search.set(&path, terms);
            }
            written += write_search_index(&self.site, &self.output, &mut self.search, &self.listings, live)?;
        }
        for path in plan
            .gone
            .iter()
            .filter(|p| !self.entries.values().any(|e| &e.path == *p))
        {
            remove_page(&self.output, path);
        }
        Ok(written)
    }

    /// A changed file must not take a URL another file (or a listing) has.
    fn check_new_paths(&self, updates: &[Update]) -> Result<()> {
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

/// Writes the shards of the search index that changed; removes those no longer used.
fn write_search_index(
    site: &Site,
    output: &Path,
    search: &mut SearchIndex,
    listings: &Listings,
    live: &AtomicSink,
) -> Result<usize> {
    let before = search.shards();
    let (written, shards) = build::write_search_index(site, listings, search, site.sink(live).as_ref())?;
    for n in shards..before {
        // A missing file is what we want; any other failure leaves a file no query reads.
        let _ = std::fs::remove_file(output.join(shard_path(n)));
    }
    Ok(written)
}

/// The speaker pages that quote any of `calls` (a page quotes its speaker's newest
/// [`MAX_APPEARANCES`] calls).
fn requoted_speaker_pages(listings: &Listings, calls: &HashSet<String>) -> HashSet<String> {
    listings
        .speakers
        .iter()
        .filter(|g| {
            g.calls
                .iter()
                .take(MAX_APPEARANCES)
                .any(|&i| listings.calls.get(i).is_some_and(|c| calls.contains(&c.path)))
        })
        .map(|g| g.path.clone())
        .collect()
}

/// The call's new summary when it differs from the one before only in what its speakers
/// said (same page, same code, same listings otherwise).
fn requoted_only<'a>(before: Option<&Entry>, after: Option<&'a Entry>) -> Option<&'a CallSummary> {
    let (b, a) = (before?, after?);
    let (bs, as_) = (b.summary.as_ref()?, a.summary.as_ref()?);
    (b.path == a.path && b.has_code == a.has_code && only_speaker_details_differ(bs, as_)).then_some(as_)
}

/// True when two summaries of one call differ only in what their speakers said (the
/// quotes and word counts only speaker pages show).
fn only_speaker_details_differ(a: &CallSummary, b: &CallSummary) -> bool {
    let without_details = |c: &CallSummary| {
        let mut c = c.clone();
        for s in &mut c.speakers {
            s.quotes.clear();
            s.words = 0;
        }
        c.words = 0;
        c
    };
    without_details(a) == without_details(b)
}

/// True when two summaries of one file put the call in the same place among its
/// company's calls (the same company, period and date).
fn same_place(a: Option<&CallSummary>, b: Option<&CallSummary>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.company_path() == b.company_path() && (a.year, a.quarter, &a.date) == (b.year, b.quarter, &b.date)
        }
        (None, None) => true,
        _ => false,
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
