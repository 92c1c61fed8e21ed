//! Whole-site behaviour on fixture sites built into temp folders: escaping, drafts,
//! collisions, overrides, errors that name the file, and a failed build keeping the old site.

mod common;

use callpress::BuildOptions;
use common::*;

const CONFIG: &str = "title = \"Test <Site>\"\n";
const SMALL: &[u8] = include_bytes!("fixtures/bilingual/small.txt");

fn options(site: &tempfile::TempDir) -> BuildOptions {
    BuildOptions {
        root: site.path().to_path_buf(),
        ..Default::default()
    }
}

#[test]
fn small_call_page_snapshot() {
    let site = temp_site(CONFIG, &[("content/small.txt", SMALL)]);
    callpress::build(&options(&site)).unwrap();
    let html = std::fs::read_to_string(site.path().join("public/exhm/2025-q1/index.html")).unwrap();
    insta::assert_snapshot!("small_call_page", html);
}

#[test]
fn markup_in_content_is_escaped_everywhere() {
    let hostile = "---\ntitle: \"<script>alert('t')</script>\"\ncompany: \"<img src=x onerror=alert(1)>\"\nsummary: \"[x](javascript:alert(1)) <b>bold</b>\"\n---\nEvil (EVL) 2025 Q2\n\n  • Operator\n\n    Operator\n\n  • Hello <script>alert(1)</script> &amp; bye\n\n    你好 <img src=x onerror=alert(2)>\n\n  • Mal <b>Ory</b> - CEO\n\n    Mal <b>Ory</b> - CEO\n";
    let site = temp_site(CONFIG, &[("content/evil.txt", hostile.as_bytes())]);
    callpress::build(&options(&site)).unwrap();
    for (path, bytes) in read_tree(&site.path().join("public")) {
        // The theme's own scripts (the search page's, the reading control's) are the only
        // scripts allowed.
        let text = String::from_utf8_lossy(&bytes)
            .replace("<script src=\"/search.js\"", "")
            .replace("<script src=\"/reader.js\" defer></script>", "");
        for bad in ["<script", "<img", "<b>", "href=\"javascript:"] {
            assert!(!text.contains(bad), "{} contains {bad}", path.display());
        }
    }
    let html = std::fs::read_to_string(site.path().join("public/evl/2025-q2/index.html")).unwrap();
    assert!(html.contains("Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; bye"));
    assert!(html.contains("Test &lt;Site&gt;"));
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let draft = [b"---\ndraft: true\n---\n".as_slice(), SMALL.split_at(4).1].concat();
    let site = temp_site(CONFIG, &[("content/draft.txt", &draft)]);
    let report = callpress::build(&options(&site)).unwrap();
    assert_eq!((report.calls, report.drafts_skipped), (0, 1));
    let report = callpress::build(&BuildOptions {
        drafts: true,
        ..options(&site)
    })
    .unwrap();
    assert_eq!(report.calls, 1);
}

#[test]
fn two_calls_on_one_url_is_an_error_naming_both() {
    let site = temp_site(CONFIG, &[("content/a.txt", SMALL), ("content/b.txt", SMALL)]);
    let err = callpress::build(&options(&site)).unwrap_err().to_string();
    assert!(
        err.contains("a.txt") && err.contains("b.txt") && err.contains("/exhm/2025-q1/"),
        "{err}"
    );
}

#[test]
fn a_ticker_that_would_cover_the_site_s_own_pages_is_an_error() {
    for ticker in ["SEARCH", "Quarters", "Companies", "Page"] {
        let text = String::from_utf8_lossy(SMALL).replacen(
            "company: Example Harbor Mills",
            &format!("company: X\nticker: {ticker}"),
            1,
        );
        let site = temp_site(CONFIG, &[("content/a.txt", text.as_bytes())]);
        let err = callpress::build(&options(&site)).unwrap_err().to_string();
        let url = format!("/{}/", ticker.to_lowercase());
        assert!(
            err.contains("a.txt") && err.contains(&url) && err.contains("another ticker"),
            "{err}"
        );
    }
}

#[test]
fn a_slug_leaving_the_output_is_refused_with_its_line() {
    let text = [b"---\ncompany: X\nslug: ../../etc\n---\n".as_slice(), &SMALL[4..]].concat();
    let site = temp_site(CONFIG, &[("content/a.txt", &text)]);
    let err = callpress::build(&options(&site)).unwrap_err().to_string();
    assert!(err.contains("a.txt:3:"), "{err}");
    assert!(!site.path().join("etc").exists());
}

#[test]
fn a_site_template_overrides_the_theme() {
    let site = temp_site(
        CONFIG,
        &[
            ("content/small.txt", SMALL),
            ("templates/call.html", b"<h1>{{ call.company }} custom</h1>"),
        ],
    );
    callpress::build(&options(&site)).unwrap();
    let html = std::fs::read_to_string(site.path().join("public/exhm/2025-q1/index.html")).unwrap();
    assert_eq!(html, "<h1>Example Harbor Mills custom</h1>");
}

#[test]
fn a_template_error_names_template_and_call() {
    let site = temp_site(
        CONFIG,
        &[
            ("content/small.txt", SMALL),
            ("templates/call.html", b"{{ call.nope }}"),
        ],
    );
    let err = callpress::build(&options(&site)).unwrap_err().to_string();
    assert!(err.contains("call.html") && err.contains("small.txt"), "{err}");
}

#[test]
fn a_failed_build_keeps_the_previous_site() {
    let site = temp_site(CONFIG, &[("content/small.txt", SMALL)]);
    callpress::build(&options(&site)).unwrap();
    let before = read_tree(&site.path().join("public"));
    std::fs::write(site.path().join("content/bad.txt"), b"---\ndate: yesterday\n---\n").unwrap();
    let err = callpress::build(&options(&site)).unwrap_err().to_string();
    assert!(err.contains("bad.txt:2:"), "{err}");
    assert_eq!(read_tree(&site.path().join("public")), before);
    // Only the staging folder kept for reuse stays beside the output, never a half swap.
    assert!(!site.path().join(".public.callpress-old").exists());
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    // "公司" in Big5: multi-byte legacy encodings are refused, not guessed.
    let site = temp_site(CONFIG, &[("content/big5.txt", b"abc \xa4\xbd\xa5\x71 (ABC) 2024 Q1\n")]);
    let err = callpress::check(&options(&site)).unwrap_err().to_string();
    assert!(err.contains("big5.txt") && err.contains("offset 4"), "{err}");
}

#[test]
fn a_big5_transcript_builds_when_its_front_matter_names_the_encoding() {
    // A Chinese transcript saved in Big5, as older Taiwanese publishers ship them.
    let text = "---\nencoding: big5\ncompany: Example Harbor Mills\nticker: EXHM\nyear: 2025\nquarter: 1\n---\n\
                Operator: 歡迎參加範例港灣磨坊的電話會議。\n\nLena Fairweather: 營收為 1,250 萬美元,成長 4%。\n";
    let (big5, _, unmappable) = encoding_rs::BIG5.encode(text);
    assert!(!unmappable);
    let site = temp_site(CONFIG, &[("content/big5.txt", &big5)]);
    let report = callpress::build(&options(&site)).unwrap();
    assert_eq!(report.calls, 1);
    assert!(
        report
            .notes
            .iter()
            .any(|(p, n)| p.ends_with("big5.txt") && n.contains("Big5"))
    );
    let html = std::fs::read_to_string(site.path().join("public/exhm/2025-q1/index.html")).unwrap();
    assert!(html.contains("營收為 1,250 萬美元"), "the text reads as Chinese");
    // A name that is no encoding is an error at its line.
    let wrong = [
        b"---\nencoding: big-five\n".as_slice(),
        &big5["---\nencoding: big5\n".len()..],
    ]
    .concat();
    let site = temp_site(CONFIG, &[("content/big5.txt", &wrong)]);
    let err = callpress::check(&options(&site)).unwrap_err().to_string();
    assert!(err.contains("big5.txt:2") && err.contains("`big-five`"), "{err}");
}

#[test]
fn hidden_and_editor_files_are_skipped() {
    let site = temp_site(
        CONFIG,
        &[
            ("content/small.txt", SMALL),
            ("content/.small.txt.swp", b"\xff\xfe"),
            ("content/small.txt~", b"junk"),
            ("content/.hidden/x.txt", b"\xff"),
        ],
    );
    let report = callpress::build(&options(&site)).unwrap();
    assert_eq!(report.calls, 1);
}

#[test]
fn unknown_front_matter_keys_are_warnings_with_suggestions() {
    let text = [b"---\ncompnay: X\n---\n".as_slice(), &SMALL[4..]].concat();
    let site = temp_site(CONFIG, &[("content/a.txt", &text)]);
    let report = callpress::check(&options(&site)).unwrap();
    let (path, w) = &report.warnings[0];
    assert!(path.ends_with("a.txt"));
    assert_eq!(w.line, 2);
    assert!(w.message.contains("did you mean `company`"), "{}", w.message);
}

#[test]
fn a_call_without_a_ticker_gets_a_company_page_and_its_other_name_is_searchable() {
    // No front matter: the title gives the company in Chinese and no ticker, the
    // operator's welcome gives its English name.
    let text = String::from_utf8_lossy(SMALL)
        .replacen("---\ncompany: Example Harbor Mills\n---\n", "", 1)
        .replacen(" (EXHM) 2025 Q1", " 2025 Q1", 1);
    let site = temp_site(CONFIG, &[("content/harbor-2025-q1.txt", text.as_bytes())]);
    let report = callpress::build(&options(&site)).unwrap();
    assert_eq!(report.calls, 1);
    let public = site.path().join("public");
    let calls: serde_json::Value = serde_json::from_slice(&std::fs::read(public.join("calls.json")).unwrap()).unwrap();
    let call = &calls[0];
    assert_eq!(call["ticker"], "");
    assert_eq!(call["company_aliases"], serde_json::json!(["Example Harbor Mills"]));
    let company = public.join(call["company"].as_str().map(callpress::site::urls::slugify).unwrap());
    let page = std::fs::read_to_string(company.join("index.html")).unwrap();
    assert!(page.contains("harbor-2025-q1/"), "the company page lists the call");
    let call_page = std::fs::read_to_string(public.join("harbor-2025-q1/index.html")).unwrap();
    assert!(!call_page.contains("()"), "no empty ticker brackets");
    let index = std::fs::read_to_string(public.join("index.html")).unwrap();
    assert!(index.contains(&format!(
        "href=\"/{}/\"",
        company.file_name().unwrap().to_string_lossy()
    )));
}

/// The small call as another company's and quarter's (`ticker`, `quarter`).
fn small_call_of(ticker: &str, quarter: u8) -> Vec<u8> {
    String::from_utf8_lossy(SMALL)
        .replacen(
            "company: Example Harbor Mills",
            &format!("company: {ticker} Corp\nticker: {ticker}\nyear: 2025\nquarter: {quarter}"),
            1,
        )
        .into_bytes()
}

#[test]
fn the_index_paginates_and_links_every_list() {
    let (a, b, c) = (
        small_call_of("AAA", 1),
        small_call_of("BBB", 2),
        small_call_of("CCC", 3),
    );
    let site = temp_site(
        "title = \"T\"\nindex_page_size = 2\n",
        &[("content/a.txt", &a), ("content/b.txt", &b), ("content/c.txt", &c)],
    );
    callpress::build(&options(&site)).expect("builds");
    let out = site.path().join("public");
    let first = std::fs::read_to_string(out.join("index.html")).unwrap();
    let second = std::fs::read_to_string(out.join("page/2/index.html")).unwrap();
    assert_eq!(first.matches("<td class=\"call\">").count(), 2);
    assert_eq!(second.matches("<td class=\"call\">").count(), 1);
    assert!(!out.join("page/3/index.html").exists());
    assert!(first.contains("href=\"/page/2/\" rel=\"next\"") && !first.contains("rel=\"prev\""));
    assert!(second.contains("href=\"/\" rel=\"prev\"") && !second.contains("rel=\"next\""));
    assert!(second.contains("<span aria-current=\"page\">2</span>"));
    // Speakers: the chief executive of each of the three companies (namesakes, three people)
    // and the one analyst who asks on all three calls.
    for (list, items) in [("companies", 3), ("quarters", 3), ("speakers", 4)] {
        assert!(
            first.contains(&format!("href=\"/{list}/\"")),
            "the index links the {list}"
        );
        let page = std::fs::read_to_string(out.join(list).join("index.html")).unwrap();
        assert_eq!(page.matches("<li>").count(), items, "{list}: {page}");
    }
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    for path in ["/page/2/", "/companies/", "/quarters/", "/speakers/"] {
        assert!(sitemap.contains(&format!("{path}</loc>")), "sitemap lacks {path}");
    }
}

/// The links in a call page's "other calls" bar: (rel, href).
fn adjacent_links(page: &str) -> Vec<(String, String)> {
    let Some(nav) = page.split("<nav class=\"adjacent\"").nth(1) else {
        return Vec::new();
    };
    let nav = nav.split("</nav>").next().unwrap_or("");
    let re = regex::Regex::new(r#"<a rel="(prev|next)" href="([^"]*)""#).unwrap();
    re.captures_iter(nav)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}

#[test]
fn a_call_links_to_its_company_s_calls_before_and_after_it() {
    let site = temp_site(
        "title = \"T\"\n",
        &[
            ("content/q1.txt", &small_call_of("AAA", 1)),
            ("content/q3.txt", &small_call_of("AAA", 3)),
            ("content/q2.txt", &small_call_of("AAA", 2)),
            ("content/other.txt", &small_call_of("BBB", 2)),
        ],
    );
    callpress::build(&options(&site)).expect("builds");
    let out = site.path().join("public");
    let page = |p: &str| std::fs::read_to_string(out.join(p).join("index.html")).unwrap();
    let link = |rel: &str, href: &str| (rel.to_string(), href.to_string());
    assert_eq!(adjacent_links(&page("aaa/2025-q1")), [link("next", "/aaa/2025-q2/")]);
    assert_eq!(
        adjacent_links(&page("aaa/2025-q2")),
        [link("prev", "/aaa/2025-q1/"), link("next", "/aaa/2025-q3/")]
    );
    assert_eq!(adjacent_links(&page("aaa/2025-q3")), [link("prev", "/aaa/2025-q2/")]);
    assert!(page("aaa/2025-q2").contains("aria-label=\"Other calls of AAA Corp\""));
    // The only call of its company has no bar (and no other company's calls).
    assert!(adjacent_links(&page("bbb/2025-q2")).is_empty());

    // Relative URLs: the links are relative like every other, and lead to the pages.
    std::fs::write(site.path().join("site.toml"), "title = \"T\"\nrelative_urls = true\n").unwrap();
    callpress::build(&options(&site)).expect("builds");
    let middle = page("aaa/2025-q2");
    assert_eq!(
        adjacent_links(&middle),
        [
            link("prev", "../../aaa/2025-q1/index.html"),
            link("next", "../../aaa/2025-q3/index.html")
        ]
    );
}

#[test]
fn serving_a_new_quarter_links_the_call_before_it() {
    let site = temp_site(
        "title = \"T\"\n",
        &[
            ("content/q1.txt", &small_call_of("AAA", 1)),
            ("content/q2.txt", &small_call_of("AAA", 2)),
        ],
    );
    let (mut session, _) = callpress::serve::rebuild::Session::start(options(&site)).unwrap();
    let out = site.path().join("public");
    let page = |p: &str| std::fs::read_to_string(out.join(p).join("index.html")).unwrap();
    assert_eq!(adjacent_links(&page("aaa/2025-q2")).len(), 1);

    let q3 = site.path().join("content/q3.txt");
    std::fs::write(&q3, small_call_of("AAA", 3)).unwrap();
    session.apply(std::slice::from_ref(&q3)).unwrap();
    assert_eq!(
        adjacent_links(&page("aaa/2025-q2")),
        [
            ("prev".to_string(), "/aaa/2025-q1/".to_string()),
            ("next".to_string(), "/aaa/2025-q3/".to_string())
        ]
    );
    assert_eq!(
        adjacent_links(&page("aaa/2025-q3")),
        [("prev".to_string(), "/aaa/2025-q2/".to_string())]
    );

    // An edit to a call's text re-renders its page: its links come back with it.
    std::fs::write(
        &q3,
        String::from_utf8_lossy(&small_call_of("AAA", 3)).replace("up 4%", "up 5%"),
    )
    .unwrap();
    session.apply(std::slice::from_ref(&q3)).unwrap();
    assert_eq!(adjacent_links(&page("aaa/2025-q3")).len(), 1);

    // Removed: the call before it loses its "next".
    std::fs::remove_file(&q3).unwrap();
    session.apply(std::slice::from_ref(&q3)).unwrap();
    assert_eq!(
        adjacent_links(&page("aaa/2025-q2")),
        [("prev".to_string(), "/aaa/2025-q1/".to_string())]
    );
}

#[test]
fn one_person_has_one_page_across_name_variants_and_two_namesakes_have_two() {
    let renamed = String::from_utf8_lossy(&small_call_of("AAA", 2)).replace("Lena Fairweather", "Lena M. Fairweather");
    let site = temp_site(
        "title = \"T\"\n",
        &[
            ("content/a1.txt", &small_call_of("AAA", 1)),
            ("content/a2.txt", renamed.as_bytes()),
            ("content/b1.txt", &small_call_of("BBB", 1)),
        ],
    );
    callpress::build(&options(&site)).expect("builds");
    let out = site.path().join("public");
    let calls_on = |folder: &str| {
        let page = std::fs::read_to_string(out.join("speakers").join(folder).join("index.html"))
            .unwrap_or_else(|e| panic!("speakers/{folder}: {e}"));
        page.matches("<td class=\"call\">").count()
    };
    // The chief executive of AAA, written two ways: one page with both calls.
    assert_eq!(calls_on("lena-fairweather-aaa"), 2);
    // Her namesake at BBB is someone else.
    assert_eq!(calls_on("lena-fairweather-bbb"), 1);
    // The analyst asks on both companies' calls for one firm: one page, three calls.
    assert_eq!(calls_on("thomas-ashdown-gullwing"), 3);
    // Each call page links its speakers to those pages.
    let page = std::fs::read_to_string(out.join("aaa/2025-q2/index.html")).unwrap();
    assert!(page.contains("href=\"/speakers/lena-fairweather-aaa/\""), "{page}");
    let list = std::fs::read_to_string(out.join("speakers/index.html")).unwrap();
    assert!(
        list.contains("AAA Corp") && list.contains("BBB Corp"),
        "namesakes are told apart by company: {list}"
    );
}

#[test]
fn serving_an_edit_to_what_a_speaker_said_updates_their_page() {
    let site = temp_site("title = \"T\"\n", &[("content/q1.txt", &small_call_of("AAA", 1))]);
    let (mut session, _) = callpress::serve::rebuild::Session::start(options(&site)).unwrap();
    let out = site.path().join("public");
    let speaker = || std::fs::read_to_string(out.join("speakers/lena-fairweather-aaa/index.html")).unwrap();
    assert!(speaker().contains("Revenue was $12.5 million"));
    let file = site.path().join("content/q1.txt");
    let edited = String::from_utf8_lossy(&small_call_of("AAA", 1))
        .replace("Revenue was $12.5 million", "Sales were $12.5 million");
    std::fs::write(&file, edited).unwrap();
    session.apply(std::slice::from_ref(&file)).unwrap();
    let page = speaker();
    assert!(
        page.contains("Sales were $12.5 million") && !page.contains("Revenue was $12.5 million"),
        "{page}"
    );
}
