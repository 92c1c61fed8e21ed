//! The theme: Tera templates embedded in the binary, each replaceable by a site's own
//! `templates/NAME` file.

use std::path::Path;

use tera::{Context, Tera};

use crate::content::{Boundary, Refused};
use crate::error::{Error, Result};

/// The default theme, compiled in so callpress works on any site folder.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("call.html", include_str!("../../templates/call.html")),
    ("adjacent.html", include_str!("../../templates/adjacent.html")),
    ("page.html", include_str!("../../templates/page.html")),
    ("listing.html", include_str!("../../templates/listing.html")),
    ("groups.html", include_str!("../../templates/groups.html")),
    ("calls_table.html", include_str!("../../templates/calls_table.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("atom.xml", include_str!("../../templates/atom.xml")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
    ("sitemap_index.xml", include_str!("../../templates/sitemap_index.xml")),
];

/// Loaded templates, ready to render.
#[derive(Clone)]
pub struct Theme {
    tera: Tera,
}

impl std::fmt::Debug for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Theme")
    }
}

impl Theme {
    /// The embedded templates, with every `*.html` / `*.xml` file in `dir` (if it exists)
    /// replacing the embedded one of the same name or adding a new one.
    ///
    /// Overrides are read only inside `boundary`: a template that links out of the site
    /// is skipped and returned among the refused links.
    pub fn load(dir: &Path, boundary: &Boundary) -> Result<(Theme, Vec<Refused>)> {
        let (overrides, refused) = read_overrides(dir, boundary)?;
        Ok((Self::with_overrides(overrides, dir)?, refused))
    }

    /// The embedded theme alone.
    pub fn builtin() -> Result<Theme> {
        Self::with_overrides(Vec::new(), Path::new("the embedded theme"))
    }

    /// The embedded templates with `overrides` replacing or adding some; `dir` names
    /// them in errors.
    fn with_overrides(overrides: Vec<Override>, dir: &Path) -> Result<Theme> {
        let mut templates: Vec<(String, String)> =
            EMBEDDED.iter().map(|(n, s)| (n.to_string(), s.to_string())).collect();
        for (name, text) in overrides {
            match templates.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => templates.push((name, text)),
            }
        }
        let mut tera = Tera::new();
        tera.add_raw_templates(templates).map_err(|e| Error::Template {
            template: dir.display().to_string(),
            page: "the theme".to_string(),
            message: error_chain(&e),
        })?;
        Ok(Theme { tera })
    }

    /// Sets values every template sees (the site's settings).
    pub fn set_global(&mut self, key: &'static str, value: &impl serde::Serialize) {
        self.tera.global_context().insert(key, value);
    }

    /// Renders template `name`; `page` says what is being rendered, for messages.
    pub fn render(&self, name: &str, context: &Context, page: &str) -> Result<String> {
        self.tera.render(name, context).map_err(|e| Error::Template {
            template: name.to_string(),
            page: page.to_string(),
            message: error_chain(&e),
        })
    }
}

/// A template file of the site: its name and text.
type Override = (String, String);

/// The `*.html` and `*.xml` files of `dir`, and the links among them (or `dir` itself)
/// that lead outside `boundary`, which are not read.
fn read_overrides(dir: &Path, boundary: &Boundary) -> Result<(Vec<Override>, Vec<Refused>)> {
    let mut found = Vec::new();
    let mut refused = Vec::new();
    if !dir.is_dir() {
        return Ok((found, refused));
    }
    if let Err(r) = boundary.check_path(dir) {
        refused.push(r);
        return Ok((found, refused));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::read(dir, e))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let wanted = name.ends_with(".html") || name.ends_with(".xml");
        if !wanted || crate::content::is_ignored_name(&entry.file_name()) || !path.is_file() {
            continue;
        }
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        if let Err(r) = boundary.check(&path, is_link) {
            refused.push(r);
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::read(&path, e))?;
        found.push((name, text));
    }
    found.sort();
    refused.sort_by(|a, b| a.link.cmp(&b.link));
    Ok((found, refused))
}

/// Tera's error with its causes, one per line.
fn error_chain(e: &tera::Error) -> String {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str("\nReason: ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_theme_loads() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Theme::load(dir.path(), &Boundary::new(dir.path(), Vec::new())).is_ok());
    }

    #[test]
    fn a_site_template_overrides_the_embedded_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("404.html"), "custom {{ 1 + 1 }}").unwrap();
        let theme = Theme::load(dir.path(), &Boundary::new(dir.path(), Vec::new()))
            .unwrap()
            .0;
        assert_eq!(theme.render("404.html", &Context::new(), "404").unwrap(), "custom 2");
    }

    #[test]
    fn a_syntax_error_names_the_template_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("404.html"), "ok\n{% if %}\n").unwrap();
        let err = Theme::load(dir.path(), &Boundary::new(dir.path(), Vec::new()))
            .unwrap_err()
            .to_string();
        assert!(err.contains("404.html"), "{err}");
        assert!(err.contains('2'), "{err}");
    }

    #[test]
    fn an_unknown_variable_names_template_and_page() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("404.html"), "{{ nope }}").unwrap();
        let theme = Theme::load(dir.path(), &Boundary::new(dir.path(), Vec::new()))
            .unwrap()
            .0;
        let err = theme
            .render("404.html", &Context::new(), "content/x.txt")
            .unwrap_err()
            .to_string();
        assert!(err.contains("404.html") && err.contains("content/x.txt"), "{err}");
    }
}
