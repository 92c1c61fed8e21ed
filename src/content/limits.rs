//! Bounds checked in one linear pass before a parser sees an input: nesting that would
//! make a third-party parser slow (html5ever's scope checks are quadratic in the depth of
//! open elements; the YAML parser's in the depth of flow collections) is refused with the
//! line where it went too deep, instead of being handed on.

/// The deepest YAML flow nesting (`[` and `{`) front matter may have. Real front matter
/// nests two or three levels; serde_yaml itself refuses 128.
pub const MAX_YAML_DEPTH: usize = 64;

/// The deepest element nesting an HTML transcript may have. Publishers' pages nest a few
/// dozen levels; at this depth html5ever's scope checks stay cheap.
pub const MAX_HTML_DEPTH: usize = 512;

/// Where an input first nests deeper than its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    /// 1-based line of the input where the limit was passed.
    pub line: usize,
    /// The limit that was passed.
    pub limit: usize,
}

/// The first line where `yaml` nests flow collections deeper than [`MAX_YAML_DEPTH`].
/// Brackets inside quoted scalars and comments do not count.
pub fn yaml_too_deep(yaml: &str) -> Option<TooDeep> {
    let mut depth = 0usize;
    let mut line = 1;
    let mut quote: Option<u8> = None;
    let mut comment = false;
    let mut previous = b'\n';
    let bytes = yaml.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line += 1;
            comment = false;
        } else if comment {
            // Skipped to the end of the line.
        } else if let Some(q) = quote {
            // '' inside a single-quoted scalar is an escaped quote; \" inside a double one.
            if q == b'"' && b == b'\\' && bytes.get(i + 1) != Some(&b'\n') {
                i += 1;
            } else if b == q && !(q == b'\'' && bytes.get(i + 1) == Some(&b'\'')) {
                quote = None;
            } else if b == q {
                i += 1;
            }
        } else {
            match b {
                b'"' | b'\'' if matches!(previous, b' ' | b'\t' | b'\n' | b'[' | b'{' | b',' | b':') => quote = Some(b),
                b'#' if matches!(previous, b' ' | b'\t' | b'\n') => comment = true,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_YAML_DEPTH {
                        return Some(TooDeep {
                            line,
                            limit: MAX_YAML_DEPTH,
                        });
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        previous = b;
        i += 1;
    }
    None
}

/// Elements without content: they never open a level.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen",
];

/// Elements whose end tag may be left out (`<p>` after `<p>`): counting them would take a
/// page of unclosed paragraphs for deep nesting, and the parser closes them itself.
const AUTO_CLOSED: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rp",
    "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is text up to their end tag (`<script>if (a<b)…`).
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// The first line where `html` nests elements deeper than [`MAX_HTML_DEPTH`], counting
/// start and end tags as a browser would open and close them (near enough: void and
/// self-closed elements open nothing, raw text and comments are skipped).
pub fn html_too_deep(html: &str) -> Option<TooDeep> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let mut line = 1;
    while let Some(found) = memchr::memchr(b'<', &bytes[i..]) {
        line += memchr::memchr_iter(b'\n', &bytes[i..i + found]).count();
        i += found;
        let rest = &bytes[i..];
        if rest.starts_with(b"<!--") {
            i = skip_past(bytes, i + 4, b"-->", &mut line);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = i + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 {
            i += 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = skip_past(bytes, name_start + name_len, b">", &mut line);
        let self_closed = tag_end >= 2 && bytes[tag_end - 2] == b'/';
        i = tag_end;
        if VOID.contains(&name.as_str()) || AUTO_CLOSED.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if RAW_TEXT.contains(&name.as_str()) {
            i = skip_past_end_tag(html, i, &name, &mut line);
        } else if !self_closed {
            depth += 1;
            if depth > MAX_HTML_DEPTH {
                return Some(TooDeep {
                    line,
                    limit: MAX_HTML_DEPTH,
                });
            }
        }
    }
    None
}

/// The offset just past the first `needle` at or after `from` (the end of the input when
/// there is none), counting the lines passed.
fn skip_past(bytes: &[u8], from: usize, needle: &[u8], line: &mut usize) -> usize {
    let from = from.min(bytes.len());
    let end = memchr::memmem::find(&bytes[from..], needle).map_or(bytes.len(), |k| from + k + needle.len());
    *line += memchr::memchr_iter(b'\n', &bytes[from..end]).count();
    end
}

/// The offset just past `</name` after `from`, in any letter case.
fn skip_past_end_tag(html: &str, from: usize, name: &str, line: &mut usize) -> usize {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(k) = memchr::memmem::find(&bytes[i..], b"</") {
        let start = i + k + 2;
        let matches = bytes
            .get(start..start + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        *line += memchr::memchr_iter(b'\n', &bytes[i..start]).count();
        if matches {
            return skip_past(bytes, start, b">", line);
        }
        i = start;
    }
    *line += memchr::memchr_iter(b'\n', &bytes[i..]).count();
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_front_matter_is_not_deep() {
        let yaml = "title: \"A [b] {c}\"\nlanguages: {original: en, translation: [zh]}\n# [[[[\nx: 'it''s ['\n";
        assert_eq!(yaml_too_deep(yaml), None);
    }

    #[test]
    fn nested_flow_collections_are_refused_at_their_line() {
        let yaml = format!("title: x\nlist: {}\n", "[".repeat(MAX_YAML_DEPTH + 1));
        assert_eq!(
            yaml_too_deep(&yaml),
            Some(TooDeep {
                line: 2,
                limit: MAX_YAML_DEPTH
            })
        );
        let at_limit = format!("{}{}", "[".repeat(MAX_YAML_DEPTH), "]".repeat(MAX_YAML_DEPTH));
        assert_eq!(yaml_too_deep(&at_limit), None);
    }

    #[test]
    fn brackets_in_quotes_do_not_nest() {
        let yaml = format!("title: \"{}\"\nother: '{}'\n", "[".repeat(500), "{".repeat(500));
        assert_eq!(yaml_too_deep(&yaml), None);
    }

    #[test]
    fn an_ordinary_page_is_not_deep() {
        let page = format!(
            "<!doctype html><html><head><title>a < b</title><script>if (a<b) {{}}</script></head><body>{}<div><img src=x><br/></div></body></html>",
            "<p>Paragraph without an end tag\n<li>item\n".repeat(2_000)
        );
        assert_eq!(html_too_deep(&page), None);
    }

    #[test]
    fn nested_elements_are_refused_at_their_line() {
        let page = format!("<html>\n<body>\n{}", "<div>\n".repeat(MAX_HTML_DEPTH + 10));
        assert_eq!(
            html_too_deep(&page),
            Some(TooDeep {
                line: MAX_HTML_DEPTH + 3,
                limit: MAX_HTML_DEPTH
            })
        );
    }

    #[test]
    fn closed_elements_do_not_accumulate() {
        let page = "<div><span>x</span></div>\n".repeat(10_000);
        assert_eq!(html_too_deep(&page), None);
    }

    #[test]
    fn markup_in_comments_and_scripts_is_skipped() {
        let page = format!(
            "<!-- {} --><script>{}</script><p>ok</p>",
            "<div>".repeat(1_000),
            "<div>".repeat(1_000)
        );
        assert_eq!(html_too_deep(&page), None);
    }
}
