//! The pipeline: for every content file, in parallel, read → parse → render → write,
//! keeping only a small summary per call; then the listings, feeds and static files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::{self, ContentFile, ContentKind};
use crate::diagnostic::Warning;
use crate::error::{Error, Result};
use crate::figures;
use crate::output::{NullSink, Sink, Staging};
use crate::render::highlight::Highlighter;
use crate::render::{Renderer, data, to_safe_json};
use crate::site::listings::{CallSummary, Listings};
use crate::site::urls::{self, Urls};
use crate::transcript;

/// The theme's own static files, written before the site's `static/` (which may replace them).
const THEME_STATIC: &[(&str, &str)] = &[("style.css", include_str!("../static/style.css"))];

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
enum Done {
    Call {
        note: Option<String>,
        summary: CallSummary,
        source: PathBuf,
        warnings: Vec<Warning>,
    },
    Page {
        path: String,
        source: PathBuf,
        has_code: bool,
        warnings: Vec<Warning>,
    },
    Draft,
}

/// A loaded site: its settings and renderer.
struct Site {
    root: PathBuf,
    config: SiteConfig,
    renderer: Renderer,
    drafts: bool,
}

impl Site {
    fn load(options: &BuildOptions) -> Result<Site> {
        let config = SiteConfig::load(&options.root)?;
        let urls = Urls::new(options.base_url.as_deref().unwrap_or(&config.base_url));
        let renderer = Renderer::new(&options.root, &config, urls)?;
        Ok(Site {
            root: options.root.clone(),
            config,
            renderer,
            drafts: options.drafts,
        })
    }
}

/// Builds the site into its output folder; on any error the previous output stays as it was.
pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let site = Site::load(options)?;
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| site.config.output_path(&site.root));
    let staging = Staging::begin(&output, &site.root)?;
    let mut report = run(&site, &staging)?;
    report.output = staging.commit()?;
    Ok(report)
}

/// Parses and renders everything as a build would, writing nothing.
pub fn check(options: &BuildOptions) -> Result<BuildReport> {
    let site = Site::load(options)?;
    run(&site, &NullSink)
}

fn run(site: &Site, sink: &dyn Sink) -> Result<BuildReport> {
    let files = content::discover(&site.root.join("content"))?;
    let results: Vec<Result<Done>> = files.par_iter().map(|f| process(site, f, sink)).collect();
    let mut errors = Vec::new();
    let mut report = BuildReport::default();
    let mut summaries = Vec::new();
    let mut claimed: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut page_paths = Vec::new();
    let mut has_code = false;
    for result in results {
        let (path, source) = match result {
            Err(e) => {
                errors.push(e);
                continue;
            }
            Ok(Done::Draft) => {
                report.drafts_skipped += 1;
                continue;
            }
            Ok(Done::Call {
                note,
                summary,
                source,
                warnings,
            }) => {
                report.calls += 1;
                report.notes.extend(note.map(|n| (source.clone(), n)));
                report
                    .warnings
                    .extend(warnings.into_iter().map(|w| (source.clone(), w)));
                let path = summary.path.clone();
                summaries.push(summary);
                (path, source)
            }
            Ok(Done::Page {
                path,
                source,
                has_code: code,
                warnings,
            }) => {
                report.pages += 1;
                has_code |= code;
                report
                    .warnings
                    .extend(warnings.into_iter().map(|w| (source.clone(), w)));
                (path, source)
            }
        };
        if let Some(first) = claimed.get(&path) {
            errors.push(Error::UrlCollision {
                url: site.renderer.urls().link(&path),
                first: first.clone(),
                second: source,
            });
        } else {
            page_paths.push(path.clone());
            claimed.insert(path, source);
        }
    }
    let listings = Listings::new(summaries);
    check_listing_collisions(&listings, &claimed, site.renderer.urls(), &mut errors);
    if !errors.is_empty() {
        return Err(Error::from_list(errors));
    }
    page_paths.extend(write_listings(site, &listings, sink)?);
    write_site_files(site, &listings, &page_paths, has_code, sink)?;
    Ok(report)
}

fn process(site: &Site, file: &ContentFile, sink: &dyn Sink) -> Result<Done> {
    let doc = content::read_document(&file.path)?;
    if doc.front.draft && !site.drafts {
        return Ok(Done::Draft);
    }
    let is_call = file.kind == ContentKind::Transcript || transcript::is_markdown_call(&doc);
    match is_call {
        true => {
            let mut call = transcript::parse_document(&doc)?;
            let figures = figures::extract(&mut call);
            let path = urls::call_path(&call.meta, &file.relative)
                .map_err(|m| Error::content(&file.path, doc.front.line_of("slug"), m))?;
            let html = site.renderer.call_page(&call, &figures, &path, &file.path)?;
            sink.write(&urls::index_file(&path), html.as_bytes())?;
            sink.write(
                &Path::new(&path).join("call.json"),
                data::call_json(&call, &figures).as_bytes(),
            )?;
            sink.write(
                &Path::new(&path).join("figures.json"),
                data::figures_json(&call, &figures).as_bytes(),
            )?;
            let summary = CallSummary::of(&call, &path);
            Ok(Done::Call {
                note: call.meta.encoding.as_ref().map(|e| format!("not UTF-8: read as {e}")),
                summary,
                source: file.path.clone(),
                warnings: call.warnings,
            })
        }
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

/// Company, quarter and speaker pages live at generated paths; a content file must not
/// claim one of them.
fn check_listing_collisions(
    listings: &Listings,
    claimed: &BTreeMap<String, PathBuf>,
    urls: &Urls,
    errors: &mut Vec<Error>,
) {
    let generated = listings
        .companies
        .iter()
        .chain(&listings.quarters)
        .chain(&listings.speakers)
        .map(|g| &g.path);
    for path in generated.chain(std::iter::once(&String::new())) {
        if let Some(source) = claimed.get(path) {
            errors.push(Error::UrlCollision {
                url: urls.link(path),
                first: source.clone(),
                second: PathBuf::from("(generated listing page)"),
            });
        }
    }
}

fn write_listings(site: &Site, listings: &Listings, sink: &dyn Sink) -> Result<Vec<String>> {
    let r = &site.renderer;
    sink.write(Path::new("index.html"), r.index_page(listings)?.as_bytes())?;
    let mut paths = vec![String::new()];
    let groups = [
        ("Company", &listings.companies),
        ("Quarter", &listings.quarters),
        ("Speaker", &listings.speakers),
    ];
    let jobs: Vec<_> = groups
        .iter()
        .flat_map(|(kind, groups)| groups.iter().map(move |g| (*kind, g)))
        .collect();
    jobs.par_iter().try_for_each(|(kind, g)| {
        sink.write(
            &urls::index_file(&g.path),
            r.listing_page(kind, g, listings)?.as_bytes(),
        )
    })?;
    paths.extend(jobs.iter().map(|(_, g)| g.path.clone()));
    Ok(paths)
}

fn write_site_files(
    site: &Site,
    listings: &Listings,
    page_paths: &[String],
    has_code: bool,
    sink: &dyn Sink,
) -> Result<()> {
    let r = &site.renderer;
    let mut sorted = page_paths.to_vec();
    sorted.sort();
    sink.write(Path::new("404.html"), r.not_found_page()?.as_bytes())?;
    sink.write(Path::new("atom.xml"), r.feed(listings)?.as_bytes())?;
    sink.write(Path::new("sitemap.xml"), r.sitemap(&sorted)?.as_bytes())?;
    sink.write(Path::new("calls.json"), to_safe_json(&listings.calls).as_bytes())?;
    if has_code {
        sink.write(Path::new("syntax.css"), Highlighter::stylesheet().as_bytes())?;
    }
    for (name, text) in THEME_STATIC {
        sink.write(Path::new(name), text.as_bytes())?;
    }
    copy_static(&site.root.join("static"), sink)
}

fn copy_static(dir: &Path, sink: &dyn Sink) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::read(dir, e.into()))?;
        if !entry.file_type().is_file() || content::is_ignored_name(entry.file_name()) {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let bytes = std::fs::read(entry.path()).map_err(|e| Error::read(entry.path(), e))?;
        sink.write(rel, &bytes)?;
    }
    Ok(())
}
