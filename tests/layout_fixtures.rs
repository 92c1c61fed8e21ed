//! Two fictional transcripts per layout family (call A in the example site's
//! content/layouts, call B in tests/fixtures/layouts; both written by
//! scripts/make-layout-fixtures.py) parse into the same call structure.

mod common;

use callpress::transcript::{Call, Role};
use common::*;

/// (family, extension, layout name as published, speakers of call A, of call B, translated)
const FAMILIES: &[(&str, &str, &str, usize, usize, bool)] = &[
    ("fool", "txt", "dash-headers", 6, 4, false),
    ("seeking-alpha", "txt", "participant-lists", 6, 4, false),
    ("streetevents", "txt", "pdf-sections", 6, 4, false),
    // Analysts are anonymised as "Analyst" in this layout: one label, not two people.
    ("inline", "txt", "inline", 5, 4, false),
    ("timestamped-markdown", "md", "timestamped-markdown", 6, 4, true),
    ("tagged", "txt", "tagged", 6, 4, true),
    ("html", "html", "html/bilingual", 6, 4, true),
    ("json", "json", "json", 6, 4, false),
    ("markdown", "md", "markdown", 6, 4, true),
];

fn assert_call(call: &Call, file: &str, turns: usize, qa: usize, speakers: usize, ticker: &str, date: &str) {
    assert!(call.warnings.is_empty(), "{file}: {:?}", call.warnings);
    assert_eq!(call.turns.len(), turns, "{file}: turns");
    assert_eq!(call.qa_start(), Some(qa), "{file}: Q&A start");
    assert_eq!(
        call.speakers.len(),
        speakers,
        "{file}: speakers {:?}",
        call.speakers.iter().map(|s| &s.name).collect::<Vec<_>>()
    );
    assert_eq!(call.meta.ticker, ticker, "{file}: ticker");
    assert_eq!(call.meta.date.as_deref(), Some(date), "{file}: date");
    assert_eq!(call.turns[0].speaker, "operator", "{file}: the operator opens");
    let roles: Vec<Role> = call
        .turns
        .iter()
        .map(|t| call.speaker(&t.speaker).unwrap().role)
        .collect();
    assert!(
        roles[qa + 1] == Role::Analyst,
        "{file}: the first question is an analyst's ({:?})",
        roles[qa + 1]
    );
    assert!(roles[1] == Role::Executive, "{file}: management speaks second");
}

#[test]
fn every_family_reads_call_a_and_call_b() {
    let tickers_a = ["ASHT", "BRDO", "CLDB", "FLWN", "HLSC", "JNPL", "LRCP", "NTFP", "PBSH"];
    let tickers_b = ["CPFM", "DNMR", "EWKF", "GRSM", "IVRC", "KSTA", "MSBE", "OPBK", "QRLL"];
    for (i, &(family, ext, layout, speakers_a, speakers_b, translated)) in FAMILIES.iter().enumerate() {
        let a = format!("content/layouts/{family}.{ext}");
        let call = callpress::parse_file(&repo().join(&a)).unwrap_or_else(|e| panic!("{a}: {e}"));
        assert_eq!(call.layout, layout, "{a}");
        assert_call(&call, &a, 11, 4, speakers_a, tickers_a[i], "2025-07-30");
        assert_eq!((call.meta.year, call.meta.quarter), (Some(2025), Some(2)), "{a}");
        if translated {
            assert!(
                call.turns
                    .iter()
                    .flat_map(|t| &t.paragraphs)
                    .all(|p| p.translation.is_some()),
                "{a}: translations"
            );
        }
        let b = format!("tests/fixtures/layouts/{family}-b.{ext}");
        let call = callpress::parse_file(&repo().join(&b)).unwrap_or_else(|e| panic!("{b}: {e}"));
        let layout_b = if family == "html" { "html/dash-headers" } else { layout };
        assert_eq!(call.layout, layout_b, "{b}");
        assert_call(&call, &b, 7, 3, speakers_b, tickers_b[i], "2026-02-19");
    }
}

#[test]
fn analysts_keep_their_firms() {
    for (family, ext) in [
        ("fool", "txt"),
        ("seeking-alpha", "txt"),
        ("streetevents", "txt"),
        ("json", "json"),
        ("tagged", "txt"),
    ] {
        let file = format!("content/layouts/{family}.{ext}");
        let call = callpress::parse_file(&repo().join(&file)).unwrap();
        let mehta = call
            .speakers
            .iter()
            .find(|s| s.name == "Sunil Mehta")
            .unwrap_or_else(|| panic!("{file}"));
        assert_eq!(mehta.affiliation.as_deref(), Some("Brightwater Capital"), "{file}");
        assert_eq!(mehta.role, Role::Analyst, "{file}");
    }
}

#[test]
fn markers_in_speech_are_kept_as_text() {
    let call = callpress::parse_file(&repo().join("content/layouts/fool.txt")).unwrap();
    let text: Vec<&str> = call
        .turns
        .iter()
        .flat_map(|t| &t.paragraphs)
        .map(|p| p.text.as_str())
        .collect();
    assert!(text.iter().any(|t| t.contains("[inaudible]")));
    assert!(text.iter().any(|t| t.contains("(technical difficulty)")));
    assert!(text.iter().any(|t| t.contains("(Operator Instructions)")));
}

#[test]
fn windows_line_endings_bom_tabs_and_stray_blank_lines_change_nothing() {
    let original = std::fs::read_to_string(repo().join("content/layouts/fool.txt")).unwrap();
    let messy = format!(
        "\u{feff}{}",
        original
            .replace('\n', "\r\n")
            .replace("Operator\r\n", "Operator\t\r\n\r\n\r\n")
    );
    let site = temp_site("title = \"T\"\n", &[("content/messy.txt", messy.as_bytes())]);
    let call = callpress::parse_file(&site.path().join("content/messy.txt")).unwrap();
    let clean = callpress::parse_file(&repo().join("content/layouts/fool.txt")).unwrap();
    assert_eq!(call.turns.len(), clean.turns.len());
    let texts = |c: &Call| {
        c.turns
            .iter()
            .flat_map(|t| &t.paragraphs)
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&call), texts(&clean));
    assert!(call.warnings.is_empty(), "{:?}", call.warnings);
}

#[test]
fn unknown_text_falls_back_to_the_generic_reader_with_a_warning() {
    let text =
        "Some Company update\n\nOperator\n\nWelcome everyone.\n\nJane Roe - Chief Executive Officer\n\nWe did well.\n";
    let site = temp_site("title = \"T\"\n", &[("content/odd.txt", text.as_bytes())]);
    let call = callpress::parse_file(&site.path().join("content/odd.txt")).unwrap();
    assert_eq!(call.layout, "generic");
    assert_eq!(call.turns.len(), 2);
    let w = call
        .warnings
        .iter()
        .find(|w| w.kind == callpress::diagnostic::WarningKind::Layout)
        .unwrap();
    assert!(
        w.message.contains("bilingual") && w.message.contains("participant-lists"),
        "{}",
        w.message
    );
}

/// Two `Name -- Title.` lines among bare paragraphs look like the Motley Fool layout,
/// whose reader then kept the whole call as header notes: no speech, no figures.
#[test]
fn a_layout_that_reads_no_speech_gives_way_to_the_generic_reader() {
    let filler = "Our teams kept their focus on customers, on costs and on the plan we set out \
                  at the start of the year, and we are pleased with the progress.\n\n"
        .repeat(24);
    let text = format!(
        "These risks may cause results to differ.\n\nOn the call today are Jane Roe, our CEO, and \
         John Poe, our CFO.\n\nJane Roe -- Chairman.\n\nWe delivered another strong quarter.\n\n{filler}\
         Earnings per share in the quarter were $2.41, an increase of 13% compared to last year.\n\n\
         Revenue grew 8% to $4.2 billion.\n\nJane Roe -- Chairman.\n\nThank you all for joining us.\n"
    );
    let site = temp_site("title = \"T\"\n", &[("content/bare.txt", text.as_bytes())]);
    let (call, figures) = callpress::analyse_file(&site.path().join("content/bare.txt")).unwrap();
    assert_eq!(call.layout, "generic");
    let spoken: String = call
        .turns
        .iter()
        .flat_map(|t| &t.paragraphs)
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(spoken.contains("$2.41") && spoken.contains("$4.2 billion"), "{spoken}");
    let layout: Vec<&str> = call
        .warnings
        .iter()
        .filter(|w| w.kind == callpress::diagnostic::WarningKind::Layout)
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(layout.len(), 1, "{layout:?}");
    assert!(layout[0].contains("looked like dash-headers"), "{}", layout[0]);
    assert!(figures.headline.iter().any(|r| r.label == "EPS" && r.value == "$2.41"));
}

#[test]
fn front_matter_layout_forces_a_parser() {
    let text = "---\nlayout: inline\nticker: ZZZ\nyear: 2024\nquarter: 1\ndate: 2024-05-01\n---\nOperator: Welcome.\n\nJane Roe: Thanks.\n";
    let site = temp_site("title = \"T\"\n", &[("content/forced.txt", text.as_bytes())]);
    let call = callpress::parse_file(&site.path().join("content/forced.txt")).unwrap();
    assert_eq!(call.layout, "inline");
    assert_eq!(call.turns.len(), 2);
    assert_eq!(call.turns[1].line, 10, "lines count the front matter");
}

#[test]
fn layouts_named_for_a_publisher_in_older_front_matter_still_work() {
    use callpress::transcript::detect::Layout;
    for (former, now) in [
        ("fool", "dash-headers"),
        ("seeking-alpha", "participant-lists"),
        ("streetevents", "pdf-sections"),
    ] {
        assert_eq!(Layout::from_name(former), Layout::from_name(now), "{former}");
        assert!(Layout::from_name(now).is_some(), "{now}");
    }
}
