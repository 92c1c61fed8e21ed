//! The repository's example site builds cleanly, its links resolve, and the output is
//! the same from build to build.

mod common;

use std::path::Path;

use callpress::BuildOptions;
use common::*;

fn build_example(base_url: Option<&str>) -> (tempfile::TempDir, callpress::BuildReport) {
    let out = tempfile::tempdir().unwrap();
    let report = callpress::build(&BuildOptions {
        root: repo(),
        output: Some(out.path().join("site")),
        base_url: base_url.map(str::to_string),
        drafts: false,
    })
    .expect("example site builds");
    (out, report)
}

#[test]
fn example_site_builds_without_warnings() {
    let (_out, report) = build_example(None);
    assert!(report.calls >= 3, "at least three calls");
    assert_eq!(report.pages, 1);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let check = callpress::check(&BuildOptions {
        root: repo(),
        ..Default::default()
    })
    .expect("check passes");
    assert!(check.warnings.is_empty());
}

#[test]
fn every_page_has_unique_ids_and_resolving_fragment_links() {
    let (out, _) = build_example(None);
    for (path, bytes) in read_tree(&out.path().join("site")) {
        if path.extension().is_some_and(|e| e == "html") {
            assert_anchors_sound(&String::from_utf8(bytes).unwrap(), &path.display().to_string());
        }
    }
}

#[test]
fn every_internal_link_points_at_a_written_file() {
    let (out, _) = build_example(Some("/sub/path/"));
    let site = out.path().join("site");
    let tree = read_tree(&site);
    for (path, bytes) in &tree {
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        for url in urls(&String::from_utf8_lossy(bytes)) {
            if url.starts_with('#') || url.starts_with("http") {
                continue;
            }
            let rel = url
                .strip_prefix("/sub/path/")
                .unwrap_or_else(|| panic!("{}: link {url} ignores base_url", path.display()));
            let rel = rel.split('#').next().unwrap();
            let target = if rel.is_empty() || rel.ends_with('/') {
                Path::new(rel).join("index.html")
            } else {
                rel.into()
            };
            assert!(
                tree.contains_key(&target),
                "{}: link {url} has no file {}",
                path.display(),
                target.display()
            );
        }
    }
}

#[test]
fn example_calls_have_listings_feed_and_data() {
    let (out, _) = build_example(Some("https://calls.example.org/"));
    let site = out.path().join("site");
    for file in [
        "index.html",
        "nwrb/index.html",
        "nwrb/2025-q3/index.html",
        "nwrb/2025-q3/call.json",
        "qlfx/2025-q4/index.html",
        "quarters/2025-q4/index.html",
        "speakers/tobias-wren-nwrb/index.html",
        "about/index.html",
        "atom.xml",
        "sitemap.xml",
        "calls.json",
        "404.html",
        "style.css",
        "syntax.css",
    ] {
        assert!(site.join(file).is_file(), "missing {file}");
    }
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    let q4 = index.find("/nwrb/2025-q4/").unwrap();
    let q3 = index.find("/nwrb/2025-q3/").unwrap();
    assert!(q4 < q3, "index lists newest first");
    let feed = std::fs::read_to_string(site.join("atom.xml")).unwrap();
    assert!(feed.contains("<link href=\"https://calls.example.org/nwrb/2025-q3/\"/>"));
    let head = &feed[..feed.find("<entry>").unwrap()];
    assert!(
        head.contains("<updated>2026-07-29T00:00:00Z</updated>"),
        "feed updated = newest call: {head}"
    );
    assert!(head.contains("<id>https://calls.example.org/</id>"));
    // Each company has its own feed of only its calls.
    let company = std::fs::read_to_string(site.join("nwrb/atom.xml")).unwrap();
    assert!(company.contains("<link href=\"https://calls.example.org/nwrb/atom.xml\" rel=\"self\"/>"));
    assert!(company.contains("<id>https://calls.example.org/nwrb/</id>"));
    assert_eq!(company.matches("<entry>").count(), 4);
    assert!(!company.contains("qlfx"), "only the company's calls");
    let page = std::fs::read_to_string(site.join("nwrb/index.html")).unwrap();
    assert!(
        page.contains(
            "type=\"application/atom+xml\" title=\"Northwind Robotics earnings calls\" href=\"/nwrb/atom.xml\""
        )
    );
    let about = std::fs::read_to_string(site.join("about/index.html")).unwrap();
    assert!(about.contains("class=\"hl-"), "fenced code is highlighted with classes");
    assert!(about.contains("syntax.css"));
}

#[test]
fn call_json_is_the_public_model() {
    let (out, _) = build_example(None);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("site/nwrb/2025-q3/call.json")).unwrap()).unwrap();
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["layout"], "bilingual");
    assert_eq!(json["meta"]["ticker"], "NWRB");
    assert_eq!(json["meta"]["date"], "2025-10-29");
    assert_eq!(json["meta"]["company"], "Northwind Robotics");
    let turn = &json["turns"][1];
    for key in ["id", "anchor", "speaker", "section", "line", "paragraphs"] {
        assert!(!turn[key].is_null(), "turn has {key}");
    }
    assert!(json["turns"][1]["paragraphs"][0]["translation"].is_string());
    let speakers = json["speakers"].as_array().unwrap();
    let raman = speakers.iter().find(|s| s["name"] == "Priya K. Raman").unwrap();
    assert_eq!(raman["role"], "analyst");
    assert_eq!(raman["affiliation"], "Halcyon Securities");
}

#[test]
fn two_builds_are_byte_identical() {
    let (a, _) = build_example(None);
    let (b, _) = build_example(None);
    let (ta, tb) = (read_tree(&a.path().join("site")), read_tree(&b.path().join("site")));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (path, bytes) in &ta {
        assert!(bytes == &tb[path], "{} differs between builds", path.display());
    }
}

#[test]
fn reading_control_works_without_javascript() {
    let (out, _) = build_example(None);
    let html = std::fs::read_to_string(out.path().join("site/nwrb/2025-q3/index.html")).unwrap();
    // One deferred script only adds keeping the reader's place and remembering the
    // choice (tests/browser.rs); the radios and the stylesheet do the switching.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("reader.js\" defer></script>"));
    for id in ["view-both", "view-original", "view-translation"] {
        assert!(html.contains(&format!("type=\"radio\" name=\"view\" id=\"{id}\"")));
        assert!(html.contains(&format!("<label for=\"{id}\">")));
    }
    let css = std::fs::read_to_string(out.path().join("site/style.css")).unwrap();
    assert!(css.contains("#view-original:checked ~ .transcript .tr { display: none; }"));
    assert!(css.contains("#view-translation:checked ~ .transcript .orig { display: none; }"));
    assert!(html.contains("<p class=\"orig\" lang=\"en\">"));
    assert!(html.contains("<p class=\"tr\" lang=\"zh-Hant\">"));
}

#[test]
fn one_thread_and_all_threads_build_the_same_bytes() {
    let out = tempfile::tempdir().unwrap();
    for (threads, dir) in [("1", "one"), ("4", "four")] {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_callpress"))
            .env("RAYON_NUM_THREADS", threads)
            .args(["build", "--root"])
            .arg(repo())
            .arg("--output")
            .arg(out.path().join(dir))
            .output()
            .unwrap()
            .status;
        assert!(status.success());
    }
    let (one, four) = (read_tree(&out.path().join("one")), read_tree(&out.path().join("four")));
    assert_eq!(one.keys().collect::<Vec<_>>(), four.keys().collect::<Vec<_>>());
    for (path, bytes) in &one {
        assert!(
            bytes == &four[path],
            "{} differs between one and four threads",
            path.display()
        );
    }
}

#[test]
fn with_relative_urls_every_link_resolves_on_the_file_system() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    // A top-level key goes before the file's first table.
    copy_example_site(&root, |config| format!("relative_urls = true\n{config}"));
    let out = dir.path().join("public");
    callpress::build(&BuildOptions {
        root: root.clone(),
        output: Some(out.clone()),
        base_url: Some("https://example.org/deep/sub/path/".into()),
        drafts: false,
    })
    .expect("builds with relative URLs");
    let mut checked = 0;
    for (path, bytes) in read_tree(&out) {
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        if path == Path::new("404.html") {
            // Shown by the host at any depth: its links stay under the site's path.
            for url in urls(&html).iter().filter(|u| !u.starts_with('#')) {
                let file = url
                    .strip_prefix("/deep/sub/path/")
                    .unwrap_or_else(|| panic!("404.html: {url}"));
                let file = file.split(['#', '?']).next().unwrap();
                let target = out.join(file);
                assert!(
                    target.is_file() || target.join("index.html").is_file(),
                    "404.html: {url} reaches nothing"
                );
            }
            continue;
        }
        let page_dir = out.join(&path).parent().unwrap().to_path_buf();
        for url in urls(&html) {
            if url.starts_with('#') || url.starts_with("https://") || url.starts_with("http://") {
                continue;
            }
            assert!(!url.starts_with('/'), "{}: link {url} is not relative", path.display());
            let file = url.split(['#', '?']).next().unwrap();
            assert!(
                page_dir.join(file).is_file(),
                "{}: link {url} reaches no file from disk",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn a_company_page_shows_its_quarters_linking_to_where_each_figure_was_said() {
    let (out, _) = build_example(None);
    let site = out.path().join("site");
    let page = std::fs::read_to_string(site.join("nwrb/index.html")).unwrap();
    let table = &page[page.find("history-table").expect("a history table")..];
    let table = &table[..table.find("</table>").unwrap()];
    // Newest first, four quarters, each value linking to its paragraph on the call page.
    let quarters: Vec<usize> = ["2026 Q2", "2026 Q1", "2025 Q4", "2025 Q3"]
        .iter()
        .map(|q| table.find(&format!(">{q}</a>")).unwrap_or_else(|| panic!("no {q} row")))
        .collect();
    assert!(quarters.windows(2).all(|w| w[0] < w[1]), "newest first");
    assert!(table.contains("$405 million – $425 million<br><span class=\"verdict\">reported within the range"));
    assert!(table.contains("$440 million – $460 million<br><span class=\"verdict\">reported above"));
    let mut checked = 0;
    for url in urls(table).iter().filter(|u| u.contains('#')) {
        let (path, anchor) = url.split_once('#').unwrap();
        let target = std::fs::read_to_string(site.join(path.trim_start_matches('/')).join("index.html")).unwrap();
        assert!(
            target.contains(&format!("id=\"{anchor}\"")),
            "{url} leads to no paragraph"
        );
        checked += 1;
    }
    assert!(checked >= 18, "only {checked} figure links (ARR's four included)");
    // The industry's own measure has its column, every quarter's value from its call.
    assert!(table.contains("<th scope=\"col\">ARR</th>"), "{table}");
    for arr in ["$188.0 million", "$203.5 million", "$215.2 million", "$231.9 million"] {
        assert!(table.contains(&format!("\">{arr}</a>")), "ARR {arr} missing: {table}");
    }
    // Two charts, each with its text equivalent.
    assert_eq!(page.matches("<svg class=\"chart\"").count(), 2);
    assert!(page.contains(
        "Revenue by quarter: 2025 Q3 $412.6 million; 2025 Q4 $441.9 million (guidance $430 million – $450 million)"
    ));
    // Other listings have no history.
    let quarter = std::fs::read_to_string(site.join("quarters/2026-q1/index.html")).unwrap();
    assert!(!quarter.contains("history-table"));
}

#[test]
fn a_speaker_page_quotes_each_turn_and_links_to_it() {
    let (out, _) = build_example(None);
    let site = out.path().join("site");
    let page = std::fs::read_to_string(site.join("speakers/helena-oduya-nwrb/index.html")).unwrap();
    assert_eq!(page.matches("<article class=\"appearance\">").count(), 4, "four calls");
    assert!(page.contains("Chief Financial Officer · <span class=\"share\">"));
    // The greeting is kept with the sentence that says something.
    assert!(page.contains(">Thanks, Tobias. Operating income was $68.1 million, and operating margin was 14.7%, up 110 basis points year-over-year.</a>"));
    let quotes = &page[page.find("class=\"appearances\"").unwrap()..page.find("</section>").unwrap()];
    let mut checked = 0;
    for url in urls(quotes).iter().filter(|u| u.contains('#')) {
        let (path, anchor) = url.split_once('#').unwrap();
        let target = std::fs::read_to_string(site.join(path.trim_start_matches('/')).join("index.html")).unwrap();
        assert!(target.contains(&format!("id=\"{anchor}\"")), "{url} leads to no turn");
        checked += 1;
    }
    assert_eq!(checked, 6, "one quote per turn (two on 2025 Q3 and 2026 Q1)");
}
