//! Markdown to HTML with pulldown-cmark: raw HTML escaped unless enabled, unsafe link
//! schemes removed, fenced code highlighted.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::render::highlight::Highlighter;

/// Markdown rendered to HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Whether a code block was highlighted (the page then links the highlight stylesheet).
    pub has_code: bool,
}

/// Renders Markdown; `raw_html` lets HTML in the source through (off by default).
pub fn render(text: &str, raw_html: bool, highlighter: &Highlighter) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut code: Option<(String, String)> = None;
    let mut has_code = false;
    let mut html = String::with_capacity(text.len() * 3 / 2);
    // Events stream from the parser to the writer: collecting them first doubled the
    // memory of a large page, and page faults made its time grow faster than its size.
    let events = Parser::new_ext(text, options).filter_map(|event| match event {
        Event::Start(Tag::CodeBlock(kind)) => {
            let lang = match kind {
                CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_string(),
                CodeBlockKind::Indented => String::new(),
            };
            code = Some((lang, String::new()));
            None
        }
        Event::Text(t) if code.is_some() => {
            if let Some((_, buf)) = code.as_mut() {
                buf.push_str(&t);
            }
            None
        }
        Event::End(TagEnd::CodeBlock) => code.take().map(|(lang, buf)| {
            has_code = true;
            Event::Html(CowStr::from(highlighter.highlight(&buf, &lang)))
        }),
        Event::Html(h) | Event::InlineHtml(h) if !raw_html => Some(Event::Text(h)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Some(Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        })),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Some(Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        })),
        other => Some(other),
    });
    pulldown_cmark::html::push_html(&mut html, events);
    Rendered { html, has_code }
}

/// Links that run script (`javascript:`, `vbscript:`, `data:`) become `#`.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(11)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| scheme.starts_with(s))
    {
        CowStr::from("#")
    } else {
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Rendered {
        render(text, false, &Highlighter::new())
    }

    #[test]
    fn raw_html_is_escaped_by_default() {
        let r = md("Hello <script>alert(1)</script>\n\n<div onclick=x>block</div>\n");
        assert!(!r.html.contains("<script>"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"));
        assert!(!r.html.contains("<div"));
    }

    #[test]
    fn raw_html_passes_when_enabled() {
        let r = render("<div class=\"x\">y</div>\n", true, &Highlighter::new());
        assert!(r.html.contains("<div class=\"x\">"));
    }

    #[test]
    fn script_links_are_neutralised() {
        let r = md("[a](javascript:alert(1)) [b]( JavaScript:x) ![c](data:text/html,x) [d](https://ok.example/)");
        assert!(!r.html.to_lowercase().contains("javascript:"), "{}", r.html);
        assert!(!r.html.contains("data:"));
        assert!(r.html.contains("https://ok.example/"));
    }

    #[test]
    fn fenced_code_is_highlighted() {
        let r = md("```rust\nlet x = 1;\n```\n");
        assert!(r.has_code);
        assert!(r.html.contains("hl-"), "{}", r.html);
        assert!(!md("plain").has_code);
    }
}
