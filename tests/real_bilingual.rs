//! The real bilingual sample (../shared/fixtures/amzn-2024-q1-bilingual.txt) parses to
//! the figures checked by hand, and builds into a page whose anchors all resolve.

mod common;

use std::collections::BTreeSet;

use callpress::transcript::{Role, Section};
use common::*;

const AMZN: &str = "amzn-2024-q1-bilingual.txt";

#[test]
fn amzn_sample_parses_to_the_hand_checked_figures() {
    let call = callpress::parse_file(&shared_fixture(AMZN)).expect("parses");
    assert_eq!(call.layout, "bilingual");
    assert_eq!(call.meta.ticker, "AMZN");
    assert_eq!((call.meta.year, call.meta.quarter), (Some(2024), Some(1)));
    assert_eq!(call.meta.date.as_deref(), Some("2024-04-30"));
    assert_eq!(call.turns.len(), 26);
    let distinct: BTreeSet<&str> = call.turns.iter().map(|t| t.speaker.as_str()).collect();
    assert_eq!(distinct.len(), 10);
    assert_eq!(call.speakers.len(), 10);
    assert_eq!(call.paragraph_count(), 99);
    assert!(
        call.turns
            .iter()
            .flat_map(|t| &t.paragraphs)
            .all(|p| p.translation.as_deref().is_some_and(|t| !t.is_empty()))
    );
    assert!(call.warnings.is_empty(), "{:?}", call.warnings);
    assert!(
        call.meta
            .translation_notice
            .as_deref()
            .is_some_and(|n| n.starts_with("使用警語"))
    );
    assert_eq!(call.meta.summary.len(), 2);
}

#[test]
fn amzn_analysts_have_firms_and_short_names() {
    let call = callpress::parse_file(&shared_fixture(AMZN)).expect("parses");
    let analyst_turns: Vec<_> = call
        .turns
        .iter()
        .filter(|t| call.speaker(&t.speaker).is_some_and(|s| s.role == Role::Analyst))
        .collect();
    assert_eq!(analyst_turns.len(), 6);
    for t in &analyst_turns {
        let s = call.speaker(&t.speaker).unwrap();
        assert!(
            s.affiliation.as_deref().is_some_and(|f| !f.is_empty()),
            "{} has no firm",
            s.name
        );
    }
    let anmuth = call.speakers.iter().find(|s| s.name == "Douglas Till Anmuth").unwrap();
    assert_eq!(anmuth.affiliation.as_deref(), Some("JPMorgan"));
    assert_eq!(anmuth.aliases, ["Doug Anmuth"]);
    let josey = call.speakers.iter().find(|s| s.name == "Ronald Victor Josey").unwrap();
    assert_eq!(josey.affiliation.as_deref(), Some("Citi"));
    let roles = |role| call.speakers.iter().filter(|s| s.role == role).count();
    assert_eq!((roles(Role::Executive), roles(Role::Operator)), (3, 1));
}

#[test]
fn amzn_qa_begins_at_the_operator_announcing_doug_anmuth() {
    let call = callpress::parse_file(&shared_fixture(AMZN)).expect("parses");
    let start = call.qa_start().expect("has Q&A");
    let turn = &call.turns[start];
    assert_eq!(turn.speaker, "operator");
    assert_eq!(turn.line, 213);
    assert!(turn.paragraphs[0].text.contains("Doug Anmuth"));
    assert!(call.turns[..start].iter().all(|t| t.section == Section::Prepared));
    assert!(call.turns[start..].iter().all(|t| t.section == Section::Qa));
}

#[test]
fn amzn_page_has_speaker_anchors_that_resolve() {
    let text = std::fs::read(shared_fixture(AMZN)).unwrap();
    let site = temp_site("title = \"T\"\n", &[("content/amzn.txt", &text)]);
    let out = site.path().join("public");
    callpress::build(&callpress::BuildOptions {
        root: site.path().to_path_buf(),
        ..Default::default()
    })
    .expect("builds");
    let html = std::fs::read_to_string(out.join("amzn/2024-q1/index.html")).unwrap();
    assert_anchors_sound(&html, "amzn/2024-q1");
    let ids = ids(&html);
    for id in [
        "andrew-r-jassy",
        "andrew-r-jassy-2",
        "t7",
        "t26",
        "prepared",
        "qa",
        "participants",
        "t3-p1",
    ] {
        assert!(ids.iter().any(|i| i == id), "missing id {id}");
    }
    // Every participant links to the first turn of that speaker.
    for id in ["douglas-till-anmuth", "brian-t-olsavsky", "dave-fildes", "operator"] {
        assert!(
            html.contains(&format!("href=\"#{id}\"")),
            "no participant link to #{id}"
        );
    }
    // The headline table says who stated each value, each speaker once, linking to where.
    let first_row = html.split("<td class=\"mentions\">").nth(1).unwrap();
    let said_by = &first_row[..first_row.find("</td>").unwrap()];
    assert_eq!(
        said_by,
        r##"<a href="#t4-p1">Brian T. Olsavsky</a>, <a href="#t3-p1">Andrew R. Jassy</a>"##
    );
    // Each analyst's question is numbered in the order they were given the floor.
    let first =
        html.find("<span class=\"question\">Question 1</span> <a class=\"speaker\" href=\"#douglas-till-anmuth\">");
    let last =
        html.find("<span class=\"question\">Question 6</span> <a class=\"speaker\" href=\"#ronald-victor-josey\">");
    assert!(
        first.is_some() && last.is_some() && first < last,
        "questions numbered in order"
    );
    assert!(!html.contains("Question 7"));
    assert_eq!(html.matches("class=\"para\"").count(), 99);
    assert!(html.matches("<p class=\"tr\" lang=\"zh-Hant\">").count() == 99);
}
