//! Turns calls, pages and listings into HTML, XML and JSON through the theme.

pub mod charts;
pub mod contrast;
pub mod data;
pub mod highlight;
pub mod markdown;
pub mod templates;
pub mod views;

use std::path::Path;

use tera::Context;

use crate::config::SiteConfig;
use crate::error::Result;
use crate::figures::Figures;
use crate::site::listings::{CallSummary, Group, ListingKind, Listings};
use crate::site::urls::{COMPANIES_PATH, QUARTERS_PATH, SPEAKERS_PATH, Urls, index_page_count, index_page_path};
use crate::transcript::Call;
use highlight::Highlighter;
pub use templates::Theme;

/// How many companies and quarters the index's first page shows (the lists have all).
const TOP_GROUPS: usize = 12;

/// The companies with the most calls (by name among equals), at most [`TOP_GROUPS`].
fn top_groups(groups: &[Group]) -> Vec<&Group> {
    let mut top: Vec<&Group> = groups.iter().collect();
    top.sort_by(|a, b| b.calls.len().cmp(&a.calls.len()).then_with(|| a.title.cmp(&b.title)));
    top.truncate(TOP_GROUPS);
    top
}

/// The sitemap (or, for a big site, the sitemap index) at the top of the site.
pub const SITEMAP_FILE: &str = "sitemap.xml";

/// The most URLs one sitemap may hold (sitemaps.org).
pub const SITEMAP_LIMIT: usize = 50_000;

/// Where a call page's links to the calls around it go (the page is rendered before
/// every call is known; the build puts them in after): `call.html` holds both markers.
pub const ADJACENT_START: &str = "<!--callpress:adjacent-->";
/// The end of that place.
pub const ADJACENT_END: &str = "<!--/callpress:adjacent-->";

/// `page` with `nav` between its adjacent-call markers, or `None` when it has no markers
/// (a site's own `call.html` may leave them out) or already holds exactly `nav`.
pub fn splice_adjacent(page: &str, nav: &str) -> Option<String> {
    let start = page.find(ADJACENT_START)? + ADJACENT_START.len();
    let end = start + page.get(start..)?.find(ADJACENT_END)?;
    if &page[start..end] == nav {
        return None;
    }
    let mut out = String::with_capacity(page.len() + nav.len());
    out.push_str(&page[..start]);
    out.push_str(nav);
    out.push_str(&page[end..]);
    Some(out)
}

/// The most calls a speaker's page quotes, newest first: a chief executive of ten years
/// has forty calls of twenty turns each, more than a reader scrolls through (and each
/// edit to any of them would render the whole page again).
pub const MAX_APPEARANCES: usize = 12;

/// The file name of a feed, at the top of the site and in each company's folder.
pub const FEED_FILE: &str = "atom.xml";

/// What tells one feed from another.
struct Feed {
    /// Its title.
    title: String,
    /// The folder of the page it follows (empty for the site); that page's permalink is
    /// the feed's Atom id.
    path: String,
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    push_escaped_html(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped for HTML. Runs of plain text are copied whole: most
/// transcript text has no character to escape.
pub fn push_escaped_html(out: &mut String, text: &str) {
    let mut plain = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
}

/// JSON that is safe to serve and to inline: `<`, `>` and `&` appear only as `\u` escapes.
/// (They can only occur inside JSON strings, where the escapes mean the same characters.)
pub fn to_safe_json(value: &impl serde::Serialize) -> String {
    json_with(value, serde_json::ser::CompactFormatter)
}

/// [`to_safe_json`], indented for people to read (`callpress parse --json`).
pub fn to_safe_json_pretty(value: &impl serde::Serialize) -> String {
    json_with(value, serde_json::ser::PrettyFormatter::new())
}

fn json_with<F: serde_json::ser::Formatter>(value: &impl serde::Serialize, inner: F) -> String {
    let mut out = Vec::with_capacity(4096);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, SafeFormatter(inner));
    if let Err(e) = value.serialize(&mut serializer) {
        return format!("{{\"error\": \"{}\"}}", e.to_string().replace('"', "'"));
    }
    // serde_json writes UTF-8; the formatter only replaces ASCII characters.
    String::from_utf8(out).unwrap_or_default()
}

/// Escapes `<`, `>` and `&` inside strings as they are written (no second pass, no copy).
struct SafeFormatter<F>(F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for SafeFormatter<F> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut plain = 0;
        for (i, b) in fragment.bytes().enumerate() {
            let escape: &[u8] = match b {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                _ => continue,
            };
            writer.write_all(&fragment.as_bytes()[plain..i])?;
            writer.write_all(escape)?;
            plain = i + 1;
        }
        writer.write_all(&fragment.as_bytes()[plain..])
    }

    // Layout comes from the wrapped formatter.
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Everything needed to render a site's pages.
#[derive(Debug)]
pub struct Renderer {
    theme: Theme,
    urls: Urls,
    highlighter: Highlighter,
    raw_html: bool,
    feed_limit: usize,
    index_page_size: usize,
    site_title: String,
}

/// A rendered Markdown page.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// The full HTML document.
    pub html: String,
    /// Whether it has highlighted code (the build then writes the highlight stylesheet).
    pub has_code: bool,
}

impl Renderer {
    /// A renderer with `theme` (the embedded templates and a site's overrides: see
    /// [`Theme::load`]) for the site `config` describes.
    pub fn new(mut theme: Theme, config: &SiteConfig, urls: Urls) -> Self {
        theme.set_global("site", &views::SiteView::new(config, &urls));
        Renderer {
            theme,
            urls,
            highlighter: Highlighter::new(),
            raw_html: config.markdown.raw_html,
            feed_limit: config.feed_limit,
            index_page_size: config.index_page_size,
            site_title: config.title.clone(),
        }
    }

    /// How many calls each page of the index lists.
    pub fn index_page_size(&self) -> usize {
        self.index_page_size
    }

    /// The URL maker.
    pub fn urls(&self) -> &Urls {
        &self.urls
    }

    /// The page of one call, at site-relative folder `path`.
    pub fn call_page(&self, call: &Call, figures: &Figures, path: &str, source: &Path) -> Result<String> {
        let summary = call
            .meta
            .summary_markdown
            .as_deref()
            .map(|md| markdown::render(md, self.raw_html, &self.highlighter).html);
        let view = views::CallView::new(call, figures, path, &self.urls, summary);
        let mut context = Context::new();
        context.insert("call", &view);
        // The context holds its own copy; a huge call should not hold both while rendering.
        drop(view);
        self.theme.render("call.html", &context, &source.display().to_string())
    }

    /// A Markdown page with `title`, at `path`.
    pub fn markdown_page(&self, title: &str, body: &str, path: &str, source: &Path) -> Result<RenderedPage> {
        let rendered = markdown::render(body, self.raw_html, &self.highlighter);
        let mut context = Context::new();
        context.insert(
            "page",
            &views::PageView {
                title,
                path,
                url: self.urls.link(path),
                content: &rendered.html,
                has_code: rendered.has_code,
            },
        );
        let html = self
            .theme
            .render("page.html", &context, &source.display().to_string())?;
        Ok(RenderedPage {
            html,
            has_code: rendered.has_code,
        })
    }

    /// Every page of the index, `index_page_size` calls each, newest first: (folder,
    /// HTML), the first at the site's top. Each links to its neighbours and to the lists
    /// of companies, quarters and speakers; the first also shows the companies and
    /// quarters with the most calls.
    pub fn index_pages(&self, listings: &Listings) -> Result<Vec<(String, String)>> {
        let size = self.index_page_size.max(1);
        let total = index_page_count(listings.calls.len(), size);
        let counts = views::ListCounts {
            companies: listings.companies.len(),
            quarters: listings.quarters.len(),
            speakers: listings.speakers.len(),
            companies_url: self.urls.link(COMPANIES_PATH),
            quarters_url: self.urls.link(QUARTERS_PATH),
            speakers_url: self.urls.link(SPEAKERS_PATH),
        };
        let mut out = Vec::with_capacity(total);
        for n in 1..=total {
            let calls = listings.calls.iter().skip((n - 1) * size).take(size);
            let calls: Vec<views::CallLink> = calls.map(|c| views::CallLink::new(c, &self.urls)).collect();
            let mut context = Context::new();
            context.insert("calls", &calls);
            context.insert("pagination", &views::Pagination::new(n, total, &self.urls));
            context.insert("lists", &counts);
            let (companies, quarters) = if n == 1 {
                (
                    top_groups(&listings.companies),
                    listings.quarters.iter().take(TOP_GROUPS).collect(),
                )
            } else {
                (Vec::new(), Vec::new())
            };
            context.insert("companies", &self.group_links(companies));
            context.insert("quarters", &self.group_links(quarters));
            let path = index_page_path(n);
            let html = self
                .theme
                .render("index.html", &context, &format!("the index page {n}"))?;
            out.push((path, html));
        }
        Ok(out)
    }

    /// The list of every company, quarter or speaker (`kind` names them in the heading).
    pub fn groups_page(&self, kind: &str, groups: &[Group]) -> Result<String> {
        let mut context = Context::new();
        context.insert("kind", kind);
        context.insert("groups", &self.group_links(groups));
        self.theme
            .render("groups.html", &context, &format!("the list of {kind}"))
    }

    /// A company, quarter or speaker page.
    pub fn listing_page(&self, kind: ListingKind, group: &Group, listings: &Listings) -> Result<String> {
        let calls: Vec<views::CallLink> = group
            .calls
            .iter()
            .filter_map(|&i| listings.calls.get(i))
            .map(|c| views::CallLink::new(c, &self.urls))
            .collect();
        let mut context = Context::new();
        context.insert("kind", kind.name());
        context.insert("group", &views::GroupLink::new(group, &self.urls));
        context.insert("calls", &calls);
        // A company's page shows its figures across quarters; other listings none.
        let history = if kind == ListingKind::Company {
            self.company_history(group, listings)
        } else {
            Vec::new()
        };
        context.insert("charts", &charts::company_charts(&history));
        context.insert("kpi_title", &crate::site::history::kpi_title(&history));
        context.insert("history", &history);
        // A speaker's page shows what they said on each call.
        let appearances = if kind == ListingKind::Speaker {
            self.appearances(group, listings)
        } else {
            Vec::new()
        };
        context.insert("appearances", &appearances);
        self.theme.render(
            "listing.html",
            &context,
            &format!("the {} page {}", kind.name(), group.path),
        )
    }

    /// A speaker's newest calls (at most [`MAX_APPEARANCES`]; the calls table below
    /// lists them all): how they were introduced on each, how much they said, and the
    /// opening of each of their turns.
    fn appearances(&self, group: &Group, listings: &Listings) -> Vec<views::Appearance> {
        group
            .calls
            .iter()
            .filter_map(|&i| listings.calls.get(i))
            .filter_map(|c| {
                let s = c.speakers.iter().find(|s| s.path == group.path)?;
                Some(views::Appearance::new(c, s, &self.urls))
            })
            .take(MAX_APPEARANCES)
            .collect()
    }

    /// The rows of a company's history, oldest first, each linking to its call.
    fn company_history(&self, group: &Group, listings: &Listings) -> Vec<crate::site::history::HistoryRow> {
        let calls = group
            .calls
            .iter()
            .filter_map(|&i| listings.calls.get(i))
            .filter_map(|c| {
                Some(crate::site::history::QuarterCall {
                    year: c.year?,
                    quarter: c.quarter?,
                    period: &c.period,
                    date: &c.date,
                    url: self.urls.link(&c.path),
                    figures: &c.figures,
                })
            })
            .collect();
        crate::site::history::rows(calls)
    }

    /// The 404 page.
    pub fn not_found_page(&self) -> Result<String> {
        self.theme.render("404.html", &Context::new(), "the 404 page")
    }

    /// The search page: a form and the script that filters `calls.json` in the browser.
    pub fn search_page(&self) -> Result<String> {
        self.theme.render("search.html", &Context::new(), "the search page")
    }

    /// The Atom feed of the site's newest calls.
    pub fn feed(&self, listings: &Listings) -> Result<String> {
        let calls: Vec<&CallSummary> = listings.calls.iter().collect();
        let feed = Feed {
            title: self.site_title.clone(),
            path: String::new(),
        };
        self.atom(&feed, &calls)
    }

    /// The links from a call's page to the calls of its company before and after it
    /// (`adjacent.html`), put between [`ADJACENT_START`] and [`ADJACENT_END`] on the page
    /// once every call is known.
    pub fn adjacent_nav(
        &self,
        company: &str,
        previous: Option<&CallSummary>,
        next: Option<&CallSummary>,
    ) -> Result<String> {
        let mut context = Context::new();
        context.insert("company", company);
        context.insert("previous", &previous.map(|c| views::CallLink::new(c, &self.urls)));
        context.insert("next", &next.map(|c| views::CallLink::new(c, &self.urls)));
        self.theme
            .render("adjacent.html", &context, "the links to the calls around a call")
    }

    /// The Atom feed of one company's calls, at `<company>/atom.xml`.
    pub fn company_feed(&self, group: &Group, listings: &Listings) -> Result<String> {
        let calls: Vec<&CallSummary> = group.calls.iter().filter_map(|&i| listings.calls.get(i)).collect();
        let feed = Feed {
            title: format!("{} earnings calls · {}", group.title, self.site_title),
            path: group.path.clone(),
        };
        self.atom(&feed, &calls)
    }

    /// An Atom feed of `calls` (newest first, at most `feed_limit`); its `updated` is the
    /// newest call's date, so the same calls give the same feed.
    fn atom(&self, feed: &Feed, calls: &[&CallSummary]) -> Result<String> {
        let entries: Vec<views::CallLink> = calls
            .iter()
            .take(self.feed_limit)
            .map(|c| views::CallLink::new(c, &self.urls))
            .collect();
        let updated = calls.iter().map(|c| c.date.as_str()).max().unwrap_or("1970-01-01");
        let mut context = Context::new();
        context.insert("feed_title", &feed.title);
        context.insert("feed_url", &self.urls.permalink(&format!("{}{FEED_FILE}", feed.path)));
        let page_url = self.urls.permalink(&feed.path);
        context.insert("page_url", &page_url);
        context.insert("feed_id", &page_url);
        context.insert("calls", &entries);
        context.insert("updated", updated);
        self.theme
            .render("atom.xml", &context, &format!("the feed {}{FEED_FILE}", feed.path))
    }

    /// The sitemap of every page the build wrote: `sitemap.xml`, or past
    /// [`SITEMAP_LIMIT`] URLs (the most one sitemap may hold), `sitemap-1.xml`, … and a
    /// `sitemap.xml` that indexes them. Returns (file name, contents).
    pub fn sitemaps(&self, paths: &[String]) -> Result<Vec<(String, String)>> {
        self.sitemaps_of(paths, SITEMAP_LIMIT)
    }

    fn sitemaps_of(&self, paths: &[String], limit: usize) -> Result<Vec<(String, String)>> {
        let urls: Vec<String> = paths.iter().map(|p| self.urls.permalink(p)).collect();
        if urls.len() <= limit {
            let mut context = Context::new();
            context.insert("urls", &urls);
            return Ok(vec![(
                SITEMAP_FILE.to_string(),
                self.theme.render("sitemap.xml", &context, "the sitemap")?,
            )]);
        }
        let mut files = Vec::new();
        for (i, chunk) in urls.chunks(limit.max(1)).enumerate() {
            let name = format!("sitemap-{}.xml", i + 1);
            let mut context = Context::new();
            context.insert("urls", chunk);
            files.push((
                name.clone(),
                self.theme
                    .render("sitemap.xml", &context, &format!("the sitemap {name}"))?,
            ));
        }
        let sitemaps: Vec<String> = files.iter().map(|(name, _)| self.urls.permalink(name)).collect();
        let mut context = Context::new();
        context.insert("sitemaps", &sitemaps);
        let index = self.theme.render("sitemap_index.xml", &context, "the sitemap index")?;
        files.insert(0, (SITEMAP_FILE.to_string(), index));
        Ok(files)
    }

    fn group_links<'a>(&self, groups: impl IntoIterator<Item = &'a Group>) -> Vec<views::GroupLink> {
        groups
            .into_iter()
            .map(|g| views::GroupLink::new(g, &self.urls))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escaping_covers_attributes() {
        assert_eq!(
            escape_html("<a href=\"x\" onclick='y'>&</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn json_never_contains_markup_characters() {
        let json = to_safe_json(&serde_json::json!({"t": "</script><b>&"}));
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["t"], "</script><b>&");
    }

    #[test]
    fn a_big_site_gets_sitemaps_of_at_most_the_limit_and_an_index() {
        let config: SiteConfig = toml::from_str("title = \"T\"\nbase_url = \"https://e.org/\"\n").unwrap();
        let r = Renderer::new(Theme::builtin().unwrap(), &config, Urls::new("https://e.org/"));
        let paths: Vec<String> = (0..5).map(|i| format!("p{i}/")).collect();
        let files = r.sitemaps_of(&paths, 2).unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
        );
        assert!(files[0].1.contains("<sitemapindex"));
        assert!(files[0].1.contains("<loc>https://e.org/sitemap-3.xml</loc>"));
        assert_eq!(files[3].1.matches("<url>").count(), 1);
        let small = r.sitemaps_of(&paths, 5).unwrap();
        assert_eq!(small.len(), 1);
        assert!(small[0].1.contains("<urlset") && small[0].1.matches("<url>").count() == 5);
    }
}
