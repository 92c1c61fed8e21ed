//! Reads `site.toml`: the settings a site owner writes once.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result, line_col};
use crate::figures::vocabulary::SiteMetric;

/// The name of the configuration file at a site's root.
pub const CONFIG_FILE: &str = "site.toml";

/// Everything in `site.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in every page header and the feed.
    pub title: String,
    /// One line about the site, for the index page and the feed.
    #[serde(default)]
    pub description: String,
    /// Where the site will be hosted, e.g. `https://example.org/calls/`.
    /// Every link in the output is made from it, so a sub-path works.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// The output folder, relative to the site root.
    #[serde(default = "default_output_dir")]
    pub output_dir: String,
    /// Write links between pages relative to each page (`../../style.css`, folders as
    /// `…/index.html`), so the output works opened from disk, from any sub-path and on
    /// any host without knowing its address. Feeds, sitemaps and canonical links stay
    /// absolute where `base_url` has a host.
    #[serde(default)]
    pub relative_urls: bool,
    /// The languages of the transcripts: original and translation.
    #[serde(default)]
    pub languages: Languages,
    /// Markdown settings.
    #[serde(default)]
    pub markdown: MarkdownConfig,
    /// How many calls the Atom feed lists.
    #[serde(default = "default_feed_limit")]
    pub feed_limit: usize,
    /// How many calls each page of the index lists (later pages at `page/2/`, …).
    #[serde(default = "default_index_page_size")]
    pub index_page_size: usize,
    /// Index every paragraph for the search page (`search/terms/`). Off, search finds
    /// calls by company, ticker, quarter, date and speaker only, and a build takes less
    /// time: a sixth less on real English calls, two fifths less on bilingual ones
    /// (BENCHMARKS.md).
    #[serde(default = "default_true")]
    pub full_text_search: bool,
    /// Links in every page's header, after "Calls".
    #[serde(default)]
    pub menu: Vec<MenuItem>,
    /// How figures are read: the site's own metrics.
    #[serde(default)]
    pub figures: FiguresConfig,
    /// What a build may read besides the site's own folder.
    #[serde(default)]
    pub security: SecurityConfig,
}

/// `[security]`: by default a build reads nothing outside the site's root; a symlink
/// under `content/`, `static/` or `templates/` that leads elsewhere is skipped.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityConfig {
    /// Outside folders links may lead into (a shared transcript archive), relative to the
    /// site root or absolute.
    #[serde(default)]
    pub allow_outside: Vec<String>,
}

/// `[figures]`: what a site adds to the figure vocabulary.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresConfig {
    /// Metrics the site's calls lead with that the builtin vocabulary lacks (`GMV`,
    /// `take rate`), or more phrases for a builtin one (same `name`).
    #[serde(default)]
    pub metrics: Vec<SiteMetric>,
}

/// One link of the site menu.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// The link text.
    pub name: String,
    /// Site-relative path (`about/`) or a full URL.
    pub path: String,
}

/// The two languages of a bilingual transcript (BCP 47 tags for `lang` attributes).
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Languages {
    /// The language spoken on the call, e.g. `en`.
    #[serde(default = "default_original")]
    pub original: String,
    /// The language of the translation, e.g. `zh-Hant`.
    #[serde(default = "default_translation")]
    pub translation: String,
}

impl Default for Languages {
    fn default() -> Self {
        Languages {
            original: default_original(),
            translation: default_translation(),
        }
    }
}

/// Markdown rendering switches.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Pass raw HTML in Markdown through. Off by default: content is data, not markup.
    #[serde(default)]
    pub raw_html: bool,
}

fn default_base_url() -> String {
    "/".to_string()
}
fn default_output_dir() -> String {
    "public".to_string()
}
fn default_original() -> String {
    "en".to_string()
}
fn default_translation() -> String {
    "zh-Hant".to_string()
}
fn default_index_page_size() -> usize {
    50
}

fn default_true() -> bool {
    true
}

fn default_feed_limit() -> usize {
    50
}

impl SiteConfig {
    /// Reads `site.toml` from the site root.
    pub fn load(root: &Path) -> Result<SiteConfig> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::Config {
            path: path.clone(),
            line: 0,
            column: 0,
            message: format!("cannot read the site configuration: {e}"),
        })?;
        Self::parse(&text, &path)
    }

    /// Parses the text of a `site.toml`; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<SiteConfig> {
        let config: SiteConfig = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            Error::Config {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })?;
        config.validated(text, path)
    }

    fn validated(self, text: &str, path: &Path) -> Result<SiteConfig> {
        let bad = |key: &str, message: String| Error::Config {
            path: path.to_path_buf(),
            line: key_line(text, key),
            column: 0,
            message,
        };
        if self.index_page_size == 0 {
            return Err(bad(
                "index_page_size",
                "index_page_size must be at least 1 (calls on each page of the index)".to_string(),
            ));
        }
        if !(self.base_url.starts_with('/')
            || self.base_url.starts_with("http://")
            || self.base_url.starts_with("https://"))
        {
            return Err(bad(
                "base_url",
                format!(
                    "base_url `{}` must start with `/`, `http://` or `https://`",
                    self.base_url
                ),
            ));
        }
        if self.output_dir.trim().is_empty() {
            return Err(bad("output_dir", "output_dir must not be empty".to_string()));
        }
        for m in &self.figures.metrics {
            if m.name.trim().is_empty() {
                return Err(bad("name", "a metric in [[figures.metrics]] needs a name".to_string()));
            }
            if m.phrases.iter().all(|p| p.trim().is_empty()) {
                return Err(bad(
                    "phrases",
                    format!(
                        "metric `{}` needs at least one phrase that names it in a transcript",
                        m.name
                    ),
                ));
            }
        }
        Ok(self)
    }

    /// What a build of the site at `root` may read: the root, and the outside folders
    /// `[security] allow_outside` names (each must exist).
    pub fn boundary(&self, root: &Path) -> Result<crate::content::Boundary> {
        let allowed =
            crate::content::boundary::resolve_allowed(root, &self.security.allow_outside).map_err(|message| {
                let path = root.join(CONFIG_FILE);
                // Only on this error: read the file again for the line to point at.
                let line = std::fs::read_to_string(&path).map_or(0, |t| key_line(&t, "allow_outside"));
                Error::Config {
                    path,
                    line,
                    column: 0,
                    message,
                }
            })?;
        Ok(crate::content::Boundary::new(root, allowed))
    }

    /// The output folder as an absolute-or-root-relative path.
    pub fn output_path(&self, root: &Path) -> PathBuf {
        root.join(&self.output_dir)
    }
}

/// The 1-based line where `key` is set in a `site.toml` text (0 when it is not).
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_takes_defaults() {
        let c = SiteConfig::parse("title = \"T\"\n", Path::new("site.toml")).unwrap();
        assert_eq!(c.base_url, "/");
        assert_eq!(c.output_dir, "public");
        assert_eq!(c.languages.translation, "zh-Hant");
        assert!(!c.markdown.raw_html);
    }

    #[test]
    fn wrong_type_names_line_and_column() {
        let zero = SiteConfig::parse("title = \"T\"\nindex_page_size = 0\n", Path::new("site.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            zero.starts_with("site.toml:2: index_page_size must be at least 1"),
            "{zero}"
        );
        let err = SiteConfig::parse("title = \"T\"\nfeed_limit = \"ten\"\n", Path::new("site.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("site.toml:2:"), "{err}");
    }

    #[test]
    fn unknown_key_is_an_error_with_its_line() {
        let err = SiteConfig::parse("title = \"T\"\n\ntitel = \"x\"\n", Path::new("site.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("site.toml:3:"), "{err}");
        assert!(err.contains("titel"), "{err}");
    }

    #[test]
    fn site_metrics_are_read_and_checked() {
        let c = SiteConfig::parse(
            "title = \"T\"\n[[figures.metrics]]\nname = \"GMV\"\nphrases = [\"gmv\", \"gross merchandise value\"]\nmeasure = \"amount\"\ntier = \"profit\"\n",
            Path::new("site.toml"),
        )
        .unwrap();
        assert_eq!(c.figures.metrics[0].name, "GMV");
        let err = SiteConfig::parse(
            "title = \"T\"\n[[figures.metrics]]\nname = \"GMV\"\nphrases = []\nmeasure = \"amount\"\n",
            Path::new("site.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("site.toml:4"), "{err}");
        let err = SiteConfig::parse(
            "title = \"T\"\n[[figures.metrics]]\nname = \"GMV\"\nphrases = [\"gmv\"]\nmeasure = \"lots\"\n",
            Path::new("site.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("site.toml:5") && err.contains("amount"), "{err}");
    }

    #[test]
    fn relative_base_url_is_refused() {
        let err = SiteConfig::parse("title = \"T\"\nbase_url = \"example.org\"\n", Path::new("site.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("site.toml:2"), "{err}");
    }
}
