//! URLs: pretty paths for calls and pages, slugs from front matter, links under `base_url`.

use std::path::{Path, PathBuf};

use crate::transcript::Meta;

/// Makes links and permalinks from site-relative paths such as `amzn/2024-q1/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Urls {
    /// `base_url` with a trailing slash (`https://example.org/calls/` or `/calls/`).
    base_url: String,
    /// The path part of `base_url` (`/calls/`), what links in pages start with.
    base_path: String,
}

impl Urls {
    /// Links under `base_url` (absolute `http(s)://host/path/` or a root path `/path/`).
    pub fn new(base_url: &str) -> Self {
        let mut base_url = base_url.trim().to_string();
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        let base_path = match base_url.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("/".to_string(), |i| rest[i..].to_string()),
            None => base_url.clone(),
        };
        Urls { base_url, base_path }
    }

    /// The link to `rel` as used inside pages: `/calls/amzn/2024-q1/`.
    ///
    /// ```
    /// let urls = callpress::site::urls::Urls::new("https://example.org/calls");
    /// assert_eq!(urls.link("amzn/2024-q1/"), "/calls/amzn/2024-q1/");
    /// assert_eq!(urls.permalink("amzn/"), "https://example.org/calls/amzn/");
    /// ```
    pub fn link(&self, rel: &str) -> String {
        format!("{}{}", self.base_path, rel.trim_start_matches('/'))
    }

    /// The full URL of `rel` (for feeds and sitemaps); a root-path base gives a root path.
    pub fn permalink(&self, rel: &str) -> String {
        format!("{}{}", self.base_url, rel.trim_start_matches('/'))
    }

    /// The path part of `base_url`, with a trailing slash.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// `base_url` with a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
}

/// The folder of the search page.
pub const SEARCH_PATH: &str = "search/";

/// The not-found page, at the top of the output: hosts (and `serve`) show it for any
/// missing address, at any depth.
pub const NOT_FOUND_FILE: &str = "404.html";

/// The list of every company.
pub const COMPANIES_PATH: &str = "companies/";
/// The list of every quarter (each quarter's page lives below it).
pub const QUARTERS_PATH: &str = "quarters/";
/// The list of every speaker (each speaker's page lives below it).
pub const SPEAKERS_PATH: &str = "speakers/";
/// The folder of the index's later pages (`page/2/`).
pub const PAGES_PATH: &str = "page/";

/// Folders the site's own pages use at the top level: a company whose ticker slug is one
/// of these would put its listing on top of them.
pub const SITE_FOLDERS: [&str; 5] = [QUARTERS_PATH, SPEAKERS_PATH, SEARCH_PATH, COMPANIES_PATH, PAGES_PATH];

/// How many pages the index of `calls` calls has at `size` a page (one when empty).
pub fn index_page_count(calls: usize, size: usize) -> usize {
    calls.div_ceil(size.max(1)).max(1)
}

/// The folder of page `n` (from 1) of the index: the site's top for the first.
pub fn index_page_path(n: usize) -> String {
    if n <= 1 {
        String::new()
    } else {
        format!("{PAGES_PATH}{n}/")
    }
}

/// The folder of a company's listing: `amzn/` (its calls live below it).
pub fn company_path(ticker: &str) -> String {
    format!("{}/", slugify(ticker))
}

/// The folder of a company's listing from what a call says of it: by ticker, else (a call
/// without one still has a company page) by the company's name; `None` when neither is known.
pub fn company_folder(ticker: &str, company: &str) -> Option<String> {
    let key = if ticker.trim().is_empty() { company } else { ticker };
    (!slugify(key).is_empty()).then(|| company_path(key))
}

/// The folder of a fiscal quarter's listing: `quarters/2024-q1/`.
pub fn quarter_path(year: i32, quarter: u8) -> String {
    format!("{QUARTERS_PATH}{year}-q{quarter}/")
}

/// A URL-safe slug of `text` (lower case ASCII, dashes).
pub fn slugify(text: &str) -> String {
    slug::slugify(text)
}

/// The site-relative folder of a call: its front-matter slug, else `ticker/2024-q1/`,
/// else the file's name.
pub fn call_path(meta: &Meta, file: &Path) -> Result<String, String> {
    if let Some(s) = &meta.slug {
        return clean_slug(s);
    }
    match (meta.ticker.is_empty(), meta.year, meta.quarter) {
        (false, Some(y), Some(q)) => Ok(format!("{}/{y}-q{q}/", slugify(&meta.ticker))),
        _ => Ok(format!("{}/", file_slug(file))),
    }
}

/// The site-relative folder of a Markdown page: its slug, else its path without extension.
pub fn page_path(slug: Option<&str>, relative: &Path) -> Result<String, String> {
    if let Some(s) = slug {
        return clean_slug(s);
    }
    let mut parts: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .map(|c| slugify(&c.as_os_str().to_string_lossy()))
        .collect();
    parts.push(file_slug(relative));
    Ok(format!("{}/", parts.join("/")))
}

fn file_slug(file: &Path) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let s = slugify(&stem);
    if s.is_empty() { "page".to_string() } else { s }
}

/// Checks a slug from front matter and normalises it to `a/b/`.
/// Anything that could leave the output folder is refused: `..`, absolute paths,
/// backslashes, percent-encoding, drive letters.
///
/// ```
/// use callpress::site::urls::clean_slug;
/// assert_eq!(clean_slug("Research/AMZN Q1").unwrap(), "research/amzn-q1/");
/// assert!(clean_slug("../../etc").is_err());
/// ```
pub fn clean_slug(slug: &str) -> Result<String, String> {
    let s = slug.trim();
    if s.starts_with('/') || s.contains('\\') || s.contains('%') || s.contains(':') || s.chars().any(char::is_control) {
        return Err(format!(
            "slug `{slug}` must be a relative path of plain words (no leading `/`, `\\`, `%` or `:`)"
        ));
    }
    let mut parts = Vec::new();
    for segment in s.split('/').filter(|p| !p.is_empty()) {
        if segment == "." || segment == ".." {
            return Err(format!("slug `{slug}` must not contain `.` or `..` segments"));
        }
        let clean = slugify(segment);
        if clean.is_empty() {
            return Err(format!(
                "slug `{slug}` has a segment with no letters or digits: `{segment}`"
            ));
        }
        parts.push(clean);
    }
    if parts.is_empty() {
        return Err("slug must not be empty".to_string());
    }
    Ok(format!("{}/", parts.join("/")))
}

/// The file a page at folder `rel` is written to: `rel/index.html`.
pub fn index_file(rel: &str) -> PathBuf {
    Path::new(rel).join("index.html")
}

/// Attributes whose value is a link inside the site.
const LINK_ATTRIBUTES: [&str; 4] = [" href", " src", " data-index", " data-base"];

/// `html` of the page written at `page` (`amzn/2024-q1/index.html`) with every link
/// under `base_path` made relative to the page (`../../style.css`), and every link to a
/// folder pointing at its `index.html`: the site then works opened from disk, from any
/// sub-path and on any host. Links elsewhere, fragments and full URLs are left as they are.
///
/// One pass from `="` to `="` (a call page holds thousands of links: searching the rest
/// of the page for each attribute name in turn made it quadratic).
pub fn relative_html(html: &str, page: &Path, base_path: &str) -> String {
    let depth = page.components().count().saturating_sub(1);
    let up = if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    };
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(at) = rest.find("=\"") {
        let value_start = at + 2;
        let Some(attribute) = LINK_ATTRIBUTES.iter().find(|a| rest[..at].ends_with(*a)) else {
            out.push_str(&rest[..value_start]);
            rest = &rest[value_start..];
            continue;
        };
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let value_end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..value_end];
        match value.strip_prefix(base_path).filter(|_| !value.starts_with("//")) {
            Some(inside) => {
                let (path, tail) = inside.split_at(inside.find(['#', '?']).unwrap_or(inside.len()));
                out.push_str(&up);
                out.push_str(path);
                // `data-base` is a prefix scripts add paths to, not a link.
                let prefix = *attribute == " data-base";
                if !prefix && (path.is_empty() || path.ends_with('/')) {
                    out.push_str("index.html");
                }
                out.push_str(tail);
            }
            None => out.push_str(value),
        }
        rest = &rest[value_end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_reach_their_files_from_any_page() {
        let page = Path::new("amzn/2024-q1/index.html");
        let html = r##"<link rel="stylesheet" href="/calls/style.css"><a href="/calls/">Calls</a> <a href="/calls/amzn/#t1">x</a> <a href="#t2">y</a> <a href="https://example.org/calls/">z</a> <a href="/other/">o</a><script src="/calls/search.js" data-base="/calls/"></script>"##;
        assert_eq!(
            relative_html(html, page, "/calls/"),
            r##"<link rel="stylesheet" href="../../style.css"><a href="../../index.html">Calls</a> <a href="../../amzn/index.html#t1">x</a> <a href="#t2">y</a> <a href="https://example.org/calls/">z</a> <a href="/other/">o</a><script src="../../search.js" data-base="../../"></script>"##
        );
        assert_eq!(
            relative_html(r#"<a href="/about/">About</a>"#, Path::new("index.html"), "/"),
            r#"<a href="./about/index.html">About</a>"#
        );
    }

    #[test]
    fn links_honour_a_sub_path() {
        let u = Urls::new("https://example.org/calls");
        assert_eq!(u.link("amzn/2024-q1/"), "/calls/amzn/2024-q1/");
        assert_eq!(u.permalink("amzn/"), "https://example.org/calls/amzn/");
        let root = Urls::new("/");
        assert_eq!(root.link(""), "/");
        assert_eq!(Urls::new("https://example.org").base_path(), "/");
    }

    #[test]
    fn calls_live_under_ticker_and_quarter() {
        let meta = Meta {
            ticker: "AMZN".into(),
            year: Some(2024),
            quarter: Some(1),
            ..Meta::default()
        };
        assert_eq!(call_path(&meta, Path::new("x.txt")).unwrap(), "amzn/2024-q1/");
        let bare = Meta::default();
        assert_eq!(call_path(&bare, Path::new("My Call.txt")).unwrap(), "my-call/");
    }

    #[test]
    fn slugs_cannot_leave_the_output() {
        for bad in ["../x", "/etc", "a/../../b", "a\\b", "%2e%2e/x", "C:/x", ""] {
            assert!(clean_slug(bad).is_err(), "{bad}");
        }
        assert_eq!(clean_slug("Research/AMZN Q1").unwrap(), "research/amzn-q1/");
    }

    #[test]
    fn pages_keep_their_folders() {
        assert_eq!(page_path(None, Path::new("about.md")).unwrap(), "about/");
        assert_eq!(
            page_path(None, Path::new("Guides/How To.md")).unwrap(),
            "guides/how-to/"
        );
    }
}
