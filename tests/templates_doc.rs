//! docs/templates.md names every variable and field the default templates use: a renamed
//! or new variable without its line in the reference fails here (and a site template using
//! a renamed one fails its build, Tera's variables being strict).

mod common;

use std::collections::BTreeSet;

use common::repo;
use regex::Regex;

/// Names a template takes from its context: the parts of every dotted path in a `{{ … }}`
/// or `{% … %}` tag, less the template's own loop and `set` variables and Tera's words.
fn names_used(template: &str) -> BTreeSet<String> {
    let tag = Regex::new(r"(?s)\{\{.*?\}\}|\{%.*?%\}").unwrap();
    let strings = Regex::new(r#""[^"]*""#).unwrap();
    let path = Regex::new(r"\b[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*").unwrap();
    let bound = Regex::new(r"\{%-?\s*(?:for\s+([a-z_]+)(?:\s*,\s*([a-z_]+))?\s+in|set\s+([a-z_]+))").unwrap();
    let mut locals: BTreeSet<String> = bound
        .captures_iter(template)
        .flat_map(|c| [c.get(1), c.get(2), c.get(3)])
        .flatten()
        .map(|m| m.as_str().to_string())
        .collect();
    locals.extend(
        [
            "for",
            "in",
            "if",
            "elif",
            "else",
            "endif",
            "endfor",
            "set",
            "block",
            "endblock",
            "extends",
            "include",
            "and",
            "or",
            "not",
            "is",
            "defined",
            "loop",
            "index",
            "first",
            "last",
            "safe",
            "length",
            "reverse",
            "split",
            "pat",
            "replace",
            "from",
            "to",
            "true",
            "false",
            "none",
            "super",
            "raw",
            "endraw",
            "title",
            "description",
            "head",
            "content",
        ]
        .map(String::from),
    );
    let mut names = BTreeSet::new();
    for t in tag.find_iter(template) {
        let t = strings.replace_all(t.as_str(), "");
        for p in path.find_iter(&t) {
            for (i, part) in p.as_str().split('.').enumerate() {
                if i > 0 || !locals.contains(part) {
                    names.insert(part.to_string());
                }
            }
        }
    }
    names.retain(|n| !locals.contains(n) || n == "title" || n == "content");
    names
}

#[test]
fn every_variable_of_the_default_templates_is_documented() {
    let doc = std::fs::read_to_string(repo().join("docs/templates.md")).expect("docs/templates.md");
    let mut missing = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(repo().join("templates")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            doc.contains(&format!("`{name}`")),
            "docs/templates.md has no section naming `{name}`"
        );
        for used in names_used(&text) {
            seen += 1;
            if !doc.contains(&format!("`{used}`")) {
                missing.push(format!("{name}: {used}"));
            }
        }
    }
    assert!(seen > 60, "only {seen} names found: the scan is broken");
    assert!(missing.is_empty(), "not in docs/templates.md: {missing:?}");
}

#[test]
fn the_scan_finds_fields_and_skips_loop_variables() {
    let names = names_used("{% for r in call.headline %}{{ r.said_by }}{% endfor %}{% if x == \"a.b\" %}{% endif %}");
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        ["call", "headline", "said_by", "x"]
    );
}
