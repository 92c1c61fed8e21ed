//! The pipeline: for every content file, in parallel, read → parse → render → write,
//! keeping only a small summary per call; then the listings, feeds and static files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::{self, Boundary, ContentFile, ContentKind, Refused};
use crate::diagnostic::{Warning, WarningKind};
use crate::error::{Error, Result};
use crate::figures::FigureReader;
use crate::figures::vocabulary::Vocabulary;
use crate::output::{NullSink, Passthrough, RelativeLinks, Sink, Staging};
use crate::render::highlight::Highlighter;
use crate::render::{Renderer, Theme, data, to_safe_json};
use crate::site::listings::{CallSummary, Group, ListingKind, Listings};
use crate::site::search::terms::Fold;
use crate::site::search::{CallTerms, SearchIndex};
use crate::site::urls::{self, Urls};
use crate::transcript;

/// The theme's own static files, written before the site's `static/` (which may replace them).
const THEME_STATIC: &[(&str, &str)] = &[
    ("style.css", include_str!("../static/style.css")),
    ("search.js", include_str!("../static/search.js")),
    ("favicon.svg", include_str!("../static/favicon.svg")),
    ("reader.js", include_str!("../static/reader.js")),
];

/// What to build and how.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site folder (holding `site.toml`).
    pub root: PathBuf,
    /// Replaces `output_dir` from site.toml.
    pub output: Option<PathBuf>,
    /// Replaces `base_url` from site.toml.
    pub base_url: Option<String>,
    /// Include files marked `draft: true`.
    pub drafts: bool,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Calls published.
    pub calls: usize,
    /// Markdown pages published.
    pub pages: usize,
    /// Files skipped as drafts.
    pub drafts_skipped: usize,
    /// Every warning, with its file.
    pub warnings: Vec<(PathBuf, Warning)>,
    /// Things worth knowing that are not problems (a file decoded from Windows-1252).
    pub notes: Vec<(PathBuf, String)>,
    /// The output folder (empty for `check`).
    pub output: PathBuf,
}

/// One content file after it was written.
pub(crate) enum Done {
    Call {
        note: Option<String>,
        // Boxed: a summary is several times the size of the other variants.
        summary: Box<CallSummary>,
        source: PathBuf,
        warnings: Vec<Warning>,
        /// Its terms for the search index, when the site has one.
        terms: Option<CallTerms>,
    },
    Page {
        path: String,
        source: PathBuf,
        has_code: bool,
        warnings: Vec<Warning>,
    },
    Draft,
    Skipped {
        source: PathBuf,
        warning: Warning,
    },
}

/// A loaded site: its settings and renderer.
pub(crate) struct Site {
    pub(crate) root: PathBuf,
    pub(crate) config: SiteConfig,
    pub(crate) renderer: Renderer,
    /// The figure reader with the site's own metrics, when it has any.
    reader: Option<FigureReader>,
    /// The accent fold of search terms, when the site indexes its paragraphs.
    search_fold: Option<Fold>,
    /// What the build may read: the site's root and the outside folders it allows.
    pub(crate) boundary: Boundary,
    /// Template overrides not read because they link outside the boundary.
    refused_templates: Vec<Refused>,
    drafts: bool,
}

/// What the build keeps of one content file: where it was published, and for a call
/// the summary the listings are made from.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// Site-relative folder.
    pub(crate) path: String,
    /// The call's summary (pages have none).
    pub(crate) summary: Option<CallSummary>,
    /// The page has highlighted code.
    pub(crate) has_code: bool,
}

/// Every published content file, by source path.
pub(crate) type Entries = BTreeMap<PathBuf, Entry>;

impl Site {
    pub(crate) fn load(options: &BuildOptions) -> Result<Site> {
        let config = SiteConfig::load(&options.root)?;
        let boundary = config.boundary(&options.root)?;
        let urls = Urls::new(options.base_url.as_deref().unwrap_or(&config.base_url));
        let (theme, refused_templates) = Theme::load(&options.root.join("templates"), &boundary)?;
        let renderer = Renderer::new(theme, &config, urls);
        let reader = (!config.figures.metrics.is_empty())
            .then(|| FigureReader::new(Vocabulary::with_site_metrics(&config.figures.metrics)));
        let search_fold = config.full_text_search.then(Fold::new);
        Ok(Site {
            root: options.root.clone(),
            config,
            renderer,
            reader,
            search_fold,
            boundary,
            refused_templates,
            drafts: options.drafts,
        })
    }

    /// `sink`, with links made relative to each page when `site.toml` asks for it.
    pub(crate) fn sink<'a>(&self, sink: &'a dyn Sink) -> Box<dyn Sink + 'a> {
        if self.config.relative_urls {
            Box::new(RelativeLinks {
                inner: sink,
                base_path: self.renderer.urls().base_path().to_string(),
            })
        } else {
            Box::new(Passthrough(sink))
        }
    }

    /// Reads figures with the builtin vocabulary and the site's own metrics.
    pub(crate) fn figures(&self) -> &FigureReader {
        self.reader.as_ref().unwrap_or_else(|| FigureReader::builtin())
    }
}

/// How far a build is: called with (content files done, content files in all) after
/// each file, from any thread.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// Builds the site into its output folder; on any error the previous output stays as it was.
pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    build_with_progress(options, &|_, _| {})
}

/// [`build`], telling `progress` how far it is.
pub fn build_with_progress(options: &BuildOptions, progress: Progress<'_>) -> Result<BuildReport> {
    let site = Site::load(options)?;
    let staging = Staging::begin(&output_dir(&site, options), &site.root)?;
    let mut report = run(&site, &staging, progress)?.report;
    report.output = staging.commit()?;
    Ok(report)
}

/// The site's output folder for these options.
pub(crate) fn output_dir(site: &Site, options: &BuildOptions) -> PathBuf {
    options
        .output
        .clone()
        .unwrap_or_else(|| site.config.output_path(&site.root))
}

/// Parses and renders everything as a build would, writing nothing.
pub fn check(options: &BuildOptions) -> Result<BuildReport> {
    let site = Site::load(options)?;
    run(&site, &NullSink, &|_, _| {}).map(|run| run.report)
}

/// What a run of the whole site leaves: its report, and the state a rebuild starts from.
pub(crate) struct Run {
    pub(crate) report: BuildReport,
    pub(crate) entries: Entries,
    pub(crate) listings: Listings,
    pub(crate) search: SearchIndex,
}

/// Renders every content file and the site-wide pages into `sink`.
pub(crate) fn run(site: &Site, sink: &dyn Sink, progress: Progress<'_>) -> Result<Run> {
    let sink = site.sink(sink);
    let sink = sink.as_ref();
    let content::Discovered {
        files,
        unreadable,
        refused,
    } = content::discover(&site.root.join("content"), &site.boundary);
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Each call's terms go into the index as soon as it is read (held until the end of
    // the loop, a thousand calls' terms would triple the build's memory). The lock is
    // held for a tenth of a call's time; one index per worker, merged after, measured
    // slower (each holds every common term again).
    let search = std::sync::Mutex::new(SearchIndex::default());
    let results: Vec<Result<Done>> = files
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            let mut result = process(site, f, sink);
            if let Some((path, terms)) = result.as_mut().ok().and_then(take_terms) {
                let key = u32::try_from(i).unwrap_or(u32::MAX);
                search
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(&path, key, terms);
            }
            progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, files.len());
            result
        })
        .collect();
    let mut errors = unreadable;
    let mut report = BuildReport::default();
    report
        .warnings
        .extend(site.refused_templates.iter().chain(&refused).map(Refused::warning));
    let mut entries = Entries::new();
    let mut search = search.into_inner().unwrap_or_else(|e| e.into_inner());
    for (file, result) in files.iter().zip(results) {
        match result {
            Err(e) => errors.push(e),
            Ok(done) => {
                if let Some(entry) = record(done, &mut report) {
                    entries.insert(file.path.clone(), entry);
                }
            }
        }
    }
    let listings = listings_of(&entries);
    errors.extend(collisions(
        &entries,
        &listings,
        site.renderer.urls(),
        site.renderer.index_page_size(),
    ));
    if !errors.is_empty() {
        return Err(Error::from_list(errors));
    }
    write_site_wide(site, &entries, &listings, None, sink)?;
    // A company's only call has no calls around it: its page is left as rendered.
    link_adjacent_calls(site, &listings, &|g, _| g.calls.len() > 1, sink)?;
    write_search_index(site, &listings, &mut search, sink)?;
    let refused_static = write_site_files(site, sink)?;
    report.warnings.extend(refused_static.iter().map(Refused::warning));
    Ok(Run {
        report,
        entries,
        listings,
        search,
    })
}

/// Gives the call pages that `keep` chooses (by their company's group and summary) their
/// links to the company's calls before and after them. A page is rendered before the
/// other calls are read (in parallel, keeping no page in memory), so the links go in
/// afterwards, between the page's markers: reading back and rewriting the pages of
/// companies with several calls cost about 3% of a 1,000-call build, where parsing every
/// call twice would cost a third. Returns the pages rewritten.
pub(crate) fn link_adjacent_calls(
    site: &Site,
    listings: &Listings,
    keep: &(dyn Fn(&Group, &CallSummary) -> bool + Sync),
    sink: &dyn Sink,
) -> Result<usize> {
    let jobs: Vec<(&Group, usize)> = listings
        .companies
        .iter()
        .flat_map(|g| (0..g.calls.len()).map(move |k| (g, k)))
        .filter(|(g, k)| {
            g.calls
                .get(*k)
                .and_then(|&i| listings.calls.get(i))
                .is_some_and(|c| keep(g, c))
        })
        .collect();
    let rewritten = std::sync::atomic::AtomicUsize::new(0);
    jobs.par_iter().try_for_each(|(group, k)| {
        let nth = |j: usize| group.calls.get(j).and_then(|&i| listings.calls.get(i));
        let (Some(call), newer, older) = (nth(*k), k.checked_sub(1).and_then(nth), nth(k + 1)) else {
            return Ok(());
        };
        let nav = site.renderer.adjacent_nav(&group.title, older, newer)?;
        let file = urls::index_file(&call.path);
        let Some(page) = sink.read(&file) else { return Ok(()) };
        let Some(linked) = crate::render::splice_adjacent(&String::from_utf8_lossy(&page), &nav) else {
            return Ok(());
        };
        sink.write(&file, linked.as_bytes())?;
        rewritten.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok::<(), Error>(())
    })?;
    Ok(rewritten.into_inner())
}

/// Takes a call's search terms out of `done`, with the call's folder.
pub(crate) fn take_terms(done: &mut Done) -> Option<(String, CallTerms)> {
    match done {
        Done::Call { summary, terms, .. } => terms.take().map(|t| (summary.path.clone(), t)),
        _ => None,
    }
}

/// Writes the shards of the full-text index that changed since `search` last wrote them
/// (a new index: all), for the calls in the order of `calls.json`. Returns the files
/// written and the number of shards (nothing when the site has no full-text search).
pub(crate) fn write_search_index(
    site: &Site,
    listings: &Listings,
    search: &mut SearchIndex,
    sink: &dyn Sink,
) -> Result<(usize, usize)> {
    if site.search_fold.is_none() {
        return Ok((0, 0));
    }
    let order: Vec<&str> = listings.calls.iter().map(|c| c.path.as_str()).collect();
    search.write_changed(&order, |path, json| sink.write(Path::new(path), json.as_bytes()))
}

/// Adds a processed file to the report; returns what the build keeps of it.
pub(crate) fn record(done: Done, report: &mut BuildReport) -> Option<Entry> {
    match done {
        Done::Draft => {
            report.drafts_skipped += 1;
            None
        }
        Done::Skipped { source, warning } => {
            report.warnings.push((source, warning));
            None
        }
        Done::Call {
            note,
            summary,
            source,
            warnings,
            terms: _,
        } => {
            report.calls += 1;
            report.notes.extend(note.map(|n| (source.clone(), n)));
            report
                .warnings
                .extend(warnings.into_iter().map(|w| (source.clone(), w)));
            Some(Entry {
                path: summary.path.clone(),
                summary: Some(*summary),
                has_code: false,
            })
        }
        Done::Page {
            path,
            source,
            has_code,
            warnings,
        } => {
            report.pages += 1;
            report
                .warnings
                .extend(warnings.into_iter().map(|w| (source.clone(), w)));
            Some(Entry {
                path,
                summary: None,
                has_code,
            })
        }
    }
}

/// The listings of the calls among `entries`.
pub(crate) fn listings_of(entries: &Entries) -> Listings {
    Listings::new(entries.values().filter_map(|e| e.summary.clone()).collect())
}

/// Two files on one URL, or a file on a generated listing's URL.
pub(crate) fn collisions(entries: &Entries, listings: &Listings, urls: &Urls, index_page_size: usize) -> Vec<Error> {
    let mut errors = Vec::new();
    let mut claimed: BTreeMap<&str, &PathBuf> = BTreeMap::new();
    for (source, entry) in entries {
        match claimed.get(entry.path.as_str()) {
            Some(first) => errors.push(Error::UrlCollision {
                url: urls.link(&entry.path),
                first: (*first).clone(),
                second: source.clone(),
            }),
            None => {
                claimed.insert(&entry.path, source);
            }
        }
    }
    let generated = listings
        .companies
        .iter()
        .chain(&listings.quarters)
        .chain(&listings.speakers)
        .map(|g| g.path.as_str());
    let index_pages = urls::index_page_count(listings.calls.len(), index_page_size);
    let index_paths: Vec<String> = (1..=index_pages).map(urls::index_page_path).collect();
    let site_pages = [
        urls::SEARCH_PATH,
        urls::COMPANIES_PATH,
        urls::QUARTERS_PATH,
        urls::SPEAKERS_PATH,
    ];
    for path in generated
        .chain(index_paths.iter().map(String::as_str))
        .chain(site_pages)
    {
        if let Some(source) = claimed.get(path) {
            errors.push(Error::UrlCollision {
                url: urls.link(path),
                first: (*source).clone(),
                second: PathBuf::from("(generated listing page)"),
            });
        }
    }
    // A company listing on top of the site's own folders (ticker `SEARCH`, `QUARTERS`).
    for (source, entry) in entries {
        let Some(summary) = &entry.summary else { continue };
        let Some(company) = summary.company_path() else {
            continue;
        };
        if urls::SITE_FOLDERS.contains(&company.as_str()) {
            errors.push(Error::UrlCollision {
                url: urls.link(&company),
                first: source.clone(),
                second: PathBuf::from("(the site's own pages: give the call another ticker)"),
            });
        }
    }
    errors
}

/// The index, the listing pages (all, or only those in `only`), feed, sitemap, calls.json.
pub(crate) fn write_site_wide(
    site: &Site,
    entries: &Entries,
    listings: &Listings,
    only: Option<&std::collections::HashSet<String>>,
    sink: &dyn Sink,
) -> Result<usize> {
    let r = &site.renderer;
    let index_pages = r.index_pages(listings)?;
    for (path, html) in &index_pages {
        sink.write(&urls::index_file(path), html.as_bytes())?;
    }
    let lists = [
        ("Companies", urls::COMPANIES_PATH, &listings.companies),
        ("Quarters", urls::QUARTERS_PATH, &listings.quarters),
        ("Speakers", urls::SPEAKERS_PATH, &listings.speakers),
    ];
    for (kind, path, groups) in lists {
        sink.write(&urls::index_file(path), r.groups_page(kind, groups)?.as_bytes())?;
    }
    let chosen = write_listing_pages(site, listings, only, sink)?;
    let mut paths: Vec<String> = entries
        .values()
        .map(|e| e.path.clone())
        .chain(index_pages.iter().map(|(path, _)| path.clone()))
        .chain(lists.iter().map(|(_, path, _)| path.to_string()))
        .collect();
    paths.extend(
        [&listings.companies, &listings.quarters, &listings.speakers]
            .into_iter()
            .flatten()
            .map(|g| g.path.clone()),
    );
    paths.sort();
    sink.write(Path::new(crate::render::FEED_FILE), r.feed(listings)?.as_bytes())?;
    let sitemaps = r.sitemaps(&paths)?;
    for (name, xml) in &sitemaps {
        sink.write(Path::new(name), xml.as_bytes())?;
    }
    sink.write(Path::new("calls.json"), to_safe_json(&listings.calls).as_bytes())?;
    if entries.values().any(|e| e.has_code) {
        sink.write(Path::new("syntax.css"), Highlighter::stylesheet().as_bytes())?;
    }
    // The listings, index pages and lists, sitemaps, the feed and calls.json.
    Ok(chosen + index_pages.len() + lists.len() + sitemaps.len() + 2)
}

/// Writes the company, quarter and speaker pages (those in `only`, or all), and each
/// company's feed. Returns the pages written.
pub(crate) fn write_listing_pages(
    site: &Site,
    listings: &Listings,
    only: Option<&std::collections::HashSet<String>>,
    sink: &dyn Sink,
) -> Result<usize> {
    let r = &site.renderer;
    let groups = [
        (ListingKind::Company, &listings.companies),
        (ListingKind::Quarter, &listings.quarters),
        (ListingKind::Speaker, &listings.speakers),
    ];
    let chosen: Vec<_> = groups
        .iter()
        .flat_map(|(kind, groups)| groups.iter().map(move |g| (*kind, g)))
        .filter(|(_, g)| only.is_none_or(|o| o.contains(&g.path)))
        .collect();
    chosen.par_iter().try_for_each(|(kind, g)| {
        sink.write(
            &urls::index_file(&g.path),
            r.listing_page(*kind, g, listings)?.as_bytes(),
        )?;
        // A company's own feed, for readers who follow one company.
        if *kind == ListingKind::Company {
            let feed = Path::new(&g.path).join(crate::render::FEED_FILE);
            sink.write(&feed, r.company_feed(g, listings)?.as_bytes())?;
        }
        Ok::<(), Error>(())
    })?;
    Ok(chosen.len())
}

/// A call page bigger than this opens slowly in a browser (seconds on a phone); real
/// calls make pages of 0.2 to 2 MB, so a page this big is usually several calls pasted
/// into one file.
const LARGE_PAGE: usize = 32 << 20;

fn large_page_warning(bytes: usize) -> Warning {
    Warning::new(
        1,
        WarningKind::Large,
        format!(
            "the call's page is {} MB; browsers open pages this big slowly (is this several calls in one file?)",
            bytes >> 20
        ),
    )
}

/// Parses, checks and renders one call, writing its page and data files.
///
/// Takes the document by value and lets each big value go as soon as it is written: a
/// 200 MB transcript is a 260 MB page and a 260 MB `call.json`, and holding them all at
/// once (with the source text) would triple the peak memory of the build.
fn publish_call(site: &Site, file: &ContentFile, doc: content::Document, sink: &dyn Sink) -> Result<Done> {
    let mut call = transcript::parse_document(&doc)?;
    let slug_line = doc.front.line_of("slug");
    drop(doc);
    let figures = site.figures().extract(&mut call);
    let terms = site.search_fold.as_ref().map(|fold| CallTerms::of(&call, fold));
    let path = urls::call_path(&call.meta, &file.relative).map_err(|m| Error::content(&file.path, slug_line, m))?;
    let html = site.renderer.call_page(&call, &figures, &path, &file.path)?;
    sink.write(&urls::index_file(&path), html.as_bytes())?;
    if html.len() > LARGE_PAGE {
        // Line 1 sorts first, where it is seen before the per-paragraph warnings.
        call.warnings.insert(0, large_page_warning(html.len()));
    }
    drop(html);
    let json = data::call_json(&call, &figures);
    sink.write(&Path::new(&path).join("call.json"), json.as_bytes())?;
    drop(json);
    let json = data::figures_json(&call, &figures);
    sink.write(&Path::new(&path).join("figures.json"), json.as_bytes())?;
    drop(json);
    Ok(Done::Call {
        note: call.meta.encoding.as_ref().map(|e| format!("not UTF-8: read as {e}")),
        summary: Box::new(CallSummary::of(&call, &figures, &path, site.figures().vocabulary())),
        source: file.path.clone(),
        warnings: call.warnings,
        terms,
    })
}

/// Reads, parses and renders one content file into `sink`.
pub(crate) fn process(site: &Site, file: &ContentFile, sink: &dyn Sink) -> Result<Done> {
    let doc = content::read_document(&file.path)?;
    if doc.front.draft && !site.drafts {
        return Ok(Done::Draft);
    }
    if doc.body.trim().is_empty() {
        // An empty file (or one of front matter only) publishes nothing: say so, go on.
        let line = doc.body_line_offset.max(1);
        let warning = Warning::new(
            line,
            WarningKind::Empty,
            "the file has no text after its front matter; nothing published",
        );
        return Ok(Done::Skipped {
            source: file.path.clone(),
            warning,
        });
    }
    let is_call = file.kind == ContentKind::Transcript || transcript::is_markdown_call(&doc);
    match is_call {
        true => publish_call(site, file, doc, sink),
        false => {
            let path = urls::page_path(doc.front.slug.as_deref(), &file.relative)
                .map_err(|m| Error::content(&file.path, doc.front.line_of("slug"), m))?;
            let title = doc
                .front
                .title
                .clone()
                .unwrap_or_else(|| title_from_file(&file.relative));
            let page = site.renderer.markdown_page(&title, &doc.body, &path, &file.path)?;
            sink.write(&urls::index_file(&path), page.html.as_bytes())?;
            Ok(Done::Page {
                path,
                source: file.path.clone(),
                has_code: page.has_code,
                warnings: doc.warnings,
            })
        }
    }
}

fn title_from_file(relative: &Path) -> String {
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
        .unwrap_or_default();
    let mut chars = stem.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The 404 page, the theme's files and the site's `static/` folder; returns the links in
/// `static/` that were not copied because they lead outside the site.
pub(crate) fn write_site_files(site: &Site, sink: &dyn Sink) -> Result<Vec<Refused>> {
    sink.write(
        Path::new(urls::NOT_FOUND_FILE),
        site.renderer.not_found_page()?.as_bytes(),
    )?;
    sink.write(
        &urls::index_file(urls::SEARCH_PATH),
        site.renderer.search_page()?.as_bytes(),
    )?;
    for (name, text) in THEME_STATIC {
        sink.write(Path::new(name), text.as_bytes())?;
    }
    copy_static(&site.root.join("static"), &site.boundary, sink)
}

fn copy_static(dir: &Path, boundary: &Boundary, sink: &dyn Sink) -> Result<Vec<Refused>> {
    let mut refused = Vec::new();
    if !dir.is_dir() {
        return Ok(refused);
    }
    let walker = walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name();
    let admitted = walker.into_iter().filter_entry(|e| boundary.admits(e, &mut refused));
    for entry in admitted {
        let entry = entry.map_err(|e| Error::read(dir, e.into()))?;
        if !entry.file_type().is_file() || content::is_ignored_name(entry.file_name()) {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let bytes = std::fs::read(entry.path()).map_err(|e| Error::read(entry.path(), e))?;
        sink.write(rel, &bytes)?;
    }
    Ok(refused)
}
