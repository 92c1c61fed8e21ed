//! The full-text index: every term of every paragraph is in its shard with the right calls
//! and counts (checked against each call's own `call.json`), the switch in `site.toml`
//! turns it off, and a rebuild while serving updates it and removes what it no longer needs.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use callpress::BuildOptions;
use callpress::serve::rebuild::Session;
use callpress::site::search::{CallTerms, shard_of, terms::Fold};
use common::*;
use serde_json::Value;

const SMALL: &[u8] = include_bytes!("fixtures/bilingual/small.txt");

fn options(root: &Path, output: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output: Some(output.to_path_buf()),
        ..BuildOptions::default()
    }
}

fn json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every shard decoded: term → [(call position, paragraphs)].
fn read_index(out: &Path) -> BTreeMap<String, Vec<(usize, u64)>> {
    let meta = json(&out.join("search/meta.json"));
    let shards = meta["shards"].as_u64().expect("shards") as usize;
    let mut index = BTreeMap::new();
    for n in 0..shards {
        let shard = json(&out.join(format!("search/terms/{n}.json")));
        for (term, list) in shard.as_object().expect("a shard is an object") {
            assert_eq!(shard_of(term, shards), n, "{term:?} is in shard {n}");
            let numbers: Vec<u64> = list
                .as_array()
                .expect("list")
                .iter()
                .map(|v| v.as_u64().expect("number"))
                .collect();
            let mut position = 0;
            let calls = numbers
                .chunks(2)
                .map(|pair| {
                    position += pair[0] as usize;
                    (position, pair[1])
                })
                .collect();
            index.insert(term.clone(), calls);
        }
    }
    index
}

/// The index as it should be, from each call's `call.json` in the order of `calls.json`.
fn expected_index(out: &Path) -> BTreeMap<String, Vec<(usize, u64)>> {
    let calls = json(&out.join("calls.json"));
    let fold = Fold::new();
    let mut index: BTreeMap<String, Vec<(usize, u64)>> = BTreeMap::new();
    for (position, call) in calls.as_array().expect("calls").iter().enumerate() {
        let data = json(&out.join(call["path"].as_str().expect("path")).join("call.json"));
        let paragraphs: Vec<(String, Option<String>)> = data["turns"]
            .as_array()
            .expect("turns")
            .iter()
            .flat_map(|t| t["paragraphs"].as_array().expect("paragraphs").iter())
            .map(|p| {
                (
                    p["text"].as_str().unwrap_or("").to_string(),
                    p["translation"].as_str().map(str::to_string),
                )
            })
            .collect();
        let terms = CallTerms::of_paragraphs(paragraphs.iter().map(|(t, tr)| (t.as_str(), tr.as_deref())), &fold);
        for (term, count) in terms.iter() {
            index
                .entry(term.to_string())
                .or_default()
                .push((position, u64::from(count)));
        }
    }
    index
}

#[test]
fn every_term_of_every_paragraph_is_in_its_shard_with_its_calls() {
    let out = tempfile::tempdir().unwrap();
    callpress::build(&options(&repo(), out.path())).unwrap();
    let index = read_index(out.path());
    let expected = expected_index(out.path());
    assert_eq!(index.len(), expected.len(), "number of terms");
    for (term, calls) in &expected {
        assert_eq!(index.get(term), Some(calls), "the calls of {term:?}");
    }
    // Terms a reader would type: an English word, a plural's singular, a Chinese pair.
    for term in ["northwind", "warehouse", "guidance", "margin", "營收"] {
        assert!(index.contains_key(term), "{term:?} is not indexed");
    }
    assert!(!index.contains_key("the") && !index.contains_key("margins"));
}

#[test]
fn the_switch_in_site_toml_leaves_the_index_out() {
    let site = temp_site(
        "title = \"T\"\nfull_text_search = false\n",
        &[("content/small.txt", SMALL)],
    );
    let out = tempfile::tempdir().unwrap();
    callpress::build(&options(site.path(), out.path())).unwrap();
    assert!(!out.path().join("search/meta.json").exists());
    assert!(!out.path().join("search/terms").exists());
    let page = std::fs::read_to_string(out.path().join("search/index.html")).unwrap();
    assert!(!page.contains("data-terms") && !page.contains("text-results"), "{page}");
    assert!(page.contains("Company, ticker, quarter, date or speaker"));

    let on = temp_site("title = \"T\"\n", &[("content/small.txt", SMALL)]);
    callpress::build(&options(on.path(), out.path())).unwrap();
    let page = std::fs::read_to_string(out.path().join("search/index.html")).unwrap();
    assert!(page.contains("data-terms=\"/search/meta.json\"") && page.contains("id=\"text-results\""));
}

/// The calls (their folders) the index lists for `term`.
fn calls_with(out: &Path, term: &str) -> Vec<String> {
    let calls = json(&out.join("calls.json"));
    let index = read_index(out);
    index.get(term).map_or_else(Vec::new, |list| {
        list.iter()
            .map(|(position, _)| calls[*position]["path"].as_str().unwrap().to_string())
            .collect()
    })
}

#[test]
fn a_rebuild_while_serving_updates_the_index() {
    let site = temp_site("title = \"T\"\n", &[("content/small.txt", SMALL)]);
    let out = tempfile::tempdir().unwrap();
    let (mut session, _) = Session::start(options(site.path(), out.path())).unwrap();
    assert!(calls_with(out.path(), "zebracorn").is_empty());

    // A word added to a paragraph: the text changes, the listings do not.
    let file = site.path().join("content/small.txt");
    let text = String::from_utf8_lossy(SMALL).replacen(
        "Revenue was $12.5 million",
        "Zebracorns saw revenue of $12.5 million",
        1,
    );
    std::fs::write(&file, &text).unwrap();
    session.apply(std::slice::from_ref(&file)).unwrap();
    assert_eq!(calls_with(out.path(), "zebracorn"), ["exhm/2025-q1/"]);
    assert_eq!(read_index(out.path()), expected_index(out.path()));

    // A second call: its terms join, and the first call's stay right though its position moved.
    let second = site.path().join("content/second.txt");
    std::fs::write(
        &second,
        text.replacen(
            "company: Example Harbor Mills",
            "company: Second Mills\nticker: SECM",
            1,
        ),
    )
    .unwrap();
    session.apply(std::slice::from_ref(&second)).unwrap();
    let mut both = calls_with(out.path(), "zebracorn");
    both.sort();
    assert_eq!(both, ["exhm/2025-q1/", "secm/2025-q1/"]);
    assert_eq!(read_index(out.path()), expected_index(out.path()));

    // Deleted: its terms go with it.
    std::fs::remove_file(&second).unwrap();
    session.apply(std::slice::from_ref(&second)).unwrap();
    assert_eq!(calls_with(out.path(), "zebracorn"), ["exhm/2025-q1/"]);
    assert_eq!(read_index(out.path()), expected_index(out.path()));
}

#[test]
fn a_site_of_many_calls_has_many_shards_and_none_left_over_after_it_shrinks() {
    // Fifty copies of a call under different tickers: enough lists for several shards.
    let base = String::from_utf8_lossy(include_bytes!("fixtures/bilingual/small.txt")).to_string();
    let long: String = (0..400)
        .map(|i| format!(" Word{i} appears in segment {i} of this paragraph."))
        .collect();
    let files: Vec<(String, Vec<u8>)> = (0..50)
        .map(|i| {
            let text = base
                .replacen(
                    "company: Example Harbor Mills",
                    &format!("company: Mill {i}\nticker: M{i:03}"),
                    1,
                )
                .replacen(
                    "Revenue was $12.5 million, up 4%.",
                    &format!("Revenue was $12.5 million, up 4%.{long}"),
                    1,
                );
            (format!("content/m{i:03}.txt"), text.into_bytes())
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let site = temp_site("title = \"T\"\n", &refs);
    let out = tempfile::tempdir().unwrap();
    let (mut session, _) = Session::start(options(site.path(), out.path())).unwrap();
    let shards = json(&out.path().join("search/meta.json"))["shards"].as_u64().unwrap();
    assert!(shards > 1, "{shards} shard");
    assert_eq!(read_index(out.path()), expected_index(out.path()));

    let removed: Vec<_> = (1..50)
        .map(|i| site.path().join(format!("content/m{i:03}.txt")))
        .collect();
    for path in &removed {
        std::fs::remove_file(path).unwrap();
    }
    session.apply(&removed).unwrap();
    let now = json(&out.path().join("search/meta.json"))["shards"].as_u64().unwrap();
    assert!(now < shards, "{now} shards after removing 49 of 50 calls");
    let files: HashMap<String, ()> = std::fs::read_dir(out.path().join("search/terms"))
        .unwrap()
        .map(|e| (e.unwrap().file_name().to_string_lossy().to_string(), ()))
        .collect();
    assert_eq!(files.len() as u64, now, "stale shards left: {files:?}");
    assert_eq!(read_index(out.path()), expected_index(out.path()));
}
