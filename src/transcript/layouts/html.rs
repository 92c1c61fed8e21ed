//! HTML pages saved from a publisher's site: the text is taken with a real HTML parser
//! (scraper/html5ever), keeping paragraph, line-break and table-cell boundaries, and the
//! layout of that text is then detected as for any text file. A two-column table of
//! original and translation becomes bilingual bullets.
//!
//! Line numbers of an HTML transcript are lines of the HTML file: each line of the
//! extracted text is found again in the source, in order (`source_lines`).

use ego_tree::NodeRef;
use scraper::{Html, Node};

/// The layout's name.
pub const NAME: &str = "html";

/// How strongly `text` looks like HTML.
pub fn score(text: &str) -> f32 {
    let head: String = text.chars().take(2000).collect::<String>().to_lowercase();
    if head.contains("<html") || head.contains("<!doctype html") || (head.contains("<p>") && head.contains("</p>")) {
        1.0
    } else {
        0.0
    }
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "table",
    "hr",
    "title",
];
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "iframe", "button", "form",
];

/// The text of an HTML document: blocks separated by blank lines, `<br>` as line breaks.
pub fn to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::with_capacity(html.len() / 2);
    walk(doc.tree.root(), &mut out, 0);
    let mut text = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        text.push_str(line);
    }
    text.push('\n');
    text
}

/// For each line of `text` (extracted from `html` by `to_text`), the 1-based line of
/// `html` where it starts: its first words are looked for in the source after the
/// previous line's, so the search is one pass. A line whose first word is split by
/// markup or written with entities is not found; it takes the line of the one before it.
pub fn source_lines(html: &str, text: &str) -> Vec<usize> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(html.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |byte: usize| starts.partition_point(|&s| s <= byte).max(1);
    let mut cursor = 0;
    let mut last = 1;
    text.lines()
        .map(|line| {
            // The first words, else (markup inside them: `Revenue <b>grew</b>`) the first word.
            let probe = probe(line);
            let word = probe.split(' ').next().unwrap_or("");
            let found = [probe, word]
                .into_iter()
                .filter(|p| p.chars().count() >= 3)
                .find_map(|p| find_element_text(html, cursor, p).map(|at| (at, p)));
            if let Some((found, probe)) = found {
                cursor = found + probe.len();
                last = line_of(found);
            }
            last
        })
        .collect()
}

/// Bytes of HTML after the previous line's text searched for the next line's.
const SEARCH_WINDOW: usize = 32 * 1024;

/// Where `probe` starts an element's text (right after a tag) from `from` on, else where
/// it first occurs at all: "Dev Anand" opens `<p><strong>Dev Anand`, not the operator's
/// "the line of Dev Anand" the line before.
fn find_element_text(html: &str, from: usize, probe: &str) -> Option<usize> {
    // The next line of text is near: a window keeps words split by markup (never found)
    // from costing a search of the whole rest of a large page each.
    let mut end = html.len().min(from + SEARCH_WINDOW);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let rest = html.get(from..end)?;
    let mut first = None;
    for (i, _) in rest.match_indices(probe) {
        let at = from + i;
        first.get_or_insert(at);
        let before = html[..at].trim_end();
        if before.is_empty() || before.ends_with('>') {
            return Some(at);
        }
    }
    first
}

/// A line's first words, up to the first character markup might have changed.
fn probe(line: &str) -> &str {
    let line = line.trim_start();
    let end = line
        .char_indices()
        .find(|&(i, c)| i >= 40 || !(c.is_alphanumeric() || c == ' ' || c == ',' || c == '.'))
        .map_or(line.len(), |(i, _)| i);
    line[..end].trim_end()
}

/// Tables nested deeper than this inside table cells are read as plain blocks: the
/// table reader goes through a cell's text, so its depth is bounded to keep the stack
/// small whatever the file.
const MAX_TABLE_DEPTH: usize = 4;

/// One step of the walk: a node to read, or the end of a block to close.
enum Step<'a> {
    Enter(NodeRef<'a, Node>),
    CloseBlock,
}

/// Appends the text under `root`. Iterative, with an explicit stack: a file of 100,000
/// nested `<div>`s must not overflow the thread's stack (recursion did, at 20,000).
fn walk(root: NodeRef<'_, Node>, out: &mut String, tables: usize) {
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::CloseBlock => {
                out.push_str("\n\n");
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(t) => {
                push_text(out, t);
                continue;
            }
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) {
                    continue;
                }
                if name == "br" {
                    out.push('\n');
                    continue;
                }
                if name == "table" && tables < MAX_TABLE_DEPTH {
                    table(node, out, tables + 1);
                    continue;
                }
                if BLOCKS.contains(&name) {
                    out.push_str("\n\n");
                    stack.push(Step::CloseBlock);
                }
            }
            _ => {}
        }
        let first_child_on_top = stack.len();
        stack.extend(node.children().map(Step::Enter));
        stack[first_child_on_top..].reverse();
    }
}

/// Collapses runs of white space as a browser does.
fn push_text(out: &mut String, text: &str) {
    let mut last_space = out.ends_with([' ', '\n']) || out.is_empty();
    for c in text.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

fn cell_text(node: NodeRef<'_, Node>, tables: usize) -> String {
    let mut s = String::new();
    walk(node, &mut s, tables);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `tr` rows of a table, not those of tables nested in its cells: a nested table is
/// read once, as the text of its cell. (Taking every `tr` below read a table nested k
/// deep 2^k times: a 2 KB file of unclosed tables took seconds.)
fn rows_of<'a>(table: NodeRef<'a, Node>) -> Vec<NodeRef<'a, Node>> {
    let mut rows = Vec::new();
    let mut stack: Vec<NodeRef<'a, Node>> = table.children().collect();
    stack.reverse();
    while let Some(node) = stack.pop() {
        match node.value() {
            Node::Element(e) if e.name() == "tr" => rows.push(node),
            Node::Element(e) if e.name() == "table" => {}
            _ => {
                let first = stack.len();
                stack.extend(node.children());
                stack[first..].reverse();
            }
        }
    }
    rows
}

/// A table's rows; a table whose rows are (original, translation) pairs becomes bullets.
fn table(node: NodeRef<'_, Node>, out: &mut String, tables: usize) {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for tr in rows_of(node) {
        let cells: Vec<String> = tr
            .children()
            .filter(|c| matches!(c.value(), Node::Element(e) if e.name() == "td" || e.name() == "th"))
            .map(|cell| cell_text(cell, tables))
            .collect();
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push(cells);
        }
    }
    let pairs = rows.iter().filter(|r| r.len() == 2).count();
    let translated = rows
        .iter()
        .filter(|r| r.len() == 2 && super::common::mostly_cjk(&r[1]) && !super::common::mostly_cjk(&r[0]))
        .count();
    out.push_str("\n\n");
    if pairs * 10 >= rows.len() * 8 && translated * 2 >= pairs && pairs > 0 {
        for r in rows.iter().filter(|r| r.len() == 2) {
            out.push_str(&format!("  • {}\n\n    {}\n\n", r[0], r[1]));
        }
    } else {
        for r in rows {
            for c in r.into_iter().filter(|c| !c.is_empty()) {
                out.push_str(&c);
                out.push_str("\n\n");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracted_lines_point_at_their_source_lines() {
        let html = "<html><body>\n<p>Operator</p>\n<p>Our first question comes from the line of Dev Anand with Kestrel.</p>\n<p><strong>Dev Anand</strong></p><p>Why?</p>\n<p>Revenue <b>grew</b> 8%.</p>\n</body></html>";
        let text = to_text(html);
        let lines: Vec<&str> = text.lines().collect();
        let source = source_lines(html, &text);
        let at = |needle: &str| source[lines.iter().position(|l| l.starts_with(needle)).unwrap()];
        assert_eq!(at("Operator"), 2);
        assert_eq!(at("Our first"), 3);
        assert_eq!(at("Dev Anand"), 4);
        assert_eq!(at("Why?"), 4);
        assert_eq!(at("Revenue grew"), 5);
    }

    #[test]
    fn paragraphs_breaks_and_entities() {
        let text = to_text(
            "<html><head><title>T</title><style>p{}</style></head><body><p>Operator</p><p>Hello &amp; <b>welcome</b>.<br>Next line</p><script>x()</script></body></html>",
        );
        assert_eq!(text, "T\n\nOperator\n\nHello & welcome.\nNext line\n");
    }

    #[test]
    fn a_nested_table_is_read_once() {
        // Thirty tables, each opened in a cell of the one before and never closed.
        let mut html = String::from("<html><body>");
        for i in 0..30 {
            html.push_str(&format!("<table><tr><td>c{i}x"));
        }
        let text = to_text(&html);
        for i in 0..30 {
            assert_eq!(text.matches(&format!("c{i}x")).count(), 1, "c{i}x in {text}");
        }
    }

    #[test]
    fn two_column_translation_table_becomes_bullets() {
        let text = to_text(
            "<table><tr><td>Operator</td><td>Operator</td></tr><tr><td>Welcome.</td><td>歡迎。</td></tr></table>",
        );
        assert_eq!(text, "  • Operator\n\n    Operator\n\n  • Welcome.\n\n    歡迎。\n");
    }
}
