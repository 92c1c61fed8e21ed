//! Headline figures: the real AMZN sample gives the figures a reader checks first, the
//! translation check finds what the translation lost, and pages and data show both.

mod common;

use callpress::figures::{Figure, Figures, Kind};
use common::*;

const AMZN: &str = "amzn-2024-q1-bilingual.txt";
const MISMATCH: &[u8] = include_bytes!("fixtures/bilingual/mismatch.txt");

fn find<'a>(figures: &'a [Figure], label: &str, kind: Kind, text: &str) -> &'a Figure {
    figures
        .iter()
        .find(|f| f.label.as_deref() == Some(label) && f.kind == kind && f.text == text)
        .unwrap_or_else(|| panic!("no {kind:?} {label} `{text}`"))
}

/// The headline table as text, one row a line: what a reader sees.
fn table(figs: &Figures) -> String {
    figs.headline
        .iter()
        .map(|r| format!("{} | {} | {} | {}", r.label, r.period_label, r.value, r.change))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn amzn_revenue_operating_income_and_guidance() {
    let (call, figs) = callpress::analyse_file(&shared_fixture(AMZN)).unwrap();
    let revenue = find(&figs.figures, "Revenue", Kind::Actual, "$143.3 billion");
    assert_eq!(
        (revenue.value, revenue.unit.code(), revenue.period.key().as_str()),
        (Some(143.3e9), "USD", "2024-Q1")
    );
    assert_eq!(revenue.metric.as_deref(), Some("revenue"));
    assert_eq!(call.speaker(&revenue.speaker).unwrap().name, "Andrew R. Jassy");
    let growth = find(&figs.figures, "Revenue", Kind::Change, "13%");
    assert_eq!(growth.value, Some(13.0));
    assert_eq!(growth.direction, Some(callpress::figures::Direction::Up));
    assert_eq!(
        growth.of.as_deref(),
        Some(revenue.id.as_str()),
        "the change names its level"
    );
    let guide = find(
        &figs.figures,
        "Revenue",
        Kind::Guidance,
        "between $144 billion and $149 billion",
    );
    assert_eq!((guide.low, guide.high, guide.value), (Some(144e9), Some(149e9), None));
    assert_eq!(guide.period.key(), "2024-Q2", "next quarter");
    let fcf = find(&figs.figures, "Free cash flow", Kind::Actual, "$48.8 billion");
    assert_eq!(fcf.period.key(), "TTM");
    let aws = find(&figs.figures, "AWS operating income", Kind::Actual, "$9.4 billion");
    assert_eq!((aws.value, aws.segment.as_deref()), (Some(9.4e9), Some("AWS")));
    assert_eq!(
        find(&figs.figures, "North America revenue", Kind::Actual, "$86.3 billion").section,
        callpress::transcript::Section::Prepared
    );
    assert!(
        figs.figures.iter().all(|f| f.text != "$9.99"),
        "a monthly price is not a figure"
    );
}

#[test]
fn amzn_headline_table() {
    let (_, figs) = callpress::analyse_file(&shared_fixture(AMZN)).unwrap();
    insta::assert_snapshot!("amzn_headline_table", table(&figs));
    let rows = &figs.headline;
    assert_eq!(rows[0].mentions.len(), 2, "Jassy and Olsavsky both state revenue");
    assert!(figs.headline_is_sound());
    // Years, counts and per-item prices never make the table.
    assert!(
        rows.iter()
            .all(|r| !r.value.contains("9.99") && !r.value.contains("2024"))
    );
}

#[test]
fn amzn_page_links_every_headline_figure() {
    let text = std::fs::read(shared_fixture(AMZN)).unwrap();
    let site = temp_site("title = \"T\"\n", &[("content/amzn.txt", &text)]);
    callpress::build(&callpress::BuildOptions {
        root: site.path().to_path_buf(),
        ..Default::default()
    })
    .unwrap();
    let dir = site.path().join("public/amzn/2024-q1");
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert_anchors_sound(&html, "amzn");
    assert!(
        html.contains("<data class=\"fig fig-actual\" id=\"f1\" value=\"143300000000\""),
        "figures are marked up"
    );
    assert_eq!(html.matches("class=\"para-warning\"").count(), 3);
    let figures: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("figures.json")).unwrap()).unwrap();
    let first = &figures["figures"][0];
    for key in [
        "id",
        "metric",
        "label",
        "basis",
        "scope",
        "segment",
        "kind",
        "change",
        "comparison",
        "value",
        "low",
        "high",
        "unit",
        "period",
        "speaker",
        "turn",
        "line",
        "text",
        "of",
        "prior",
    ] {
        assert!(first.get(key).is_some(), "figures.json figure lacks {key}");
    }
    let rows = figures["headline"].as_array().unwrap();
    assert!(rows.len() >= 10);
    let row = &rows[0];
    for key in [
        "label",
        "metric",
        "period",
        "kind",
        "value",
        "change",
        "comparison",
        "figure",
        "change_figure",
    ] {
        assert!(row.get(key).is_some(), "headline row lacks {key}");
    }
    let shown = figures["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == row["figure"])
        .expect("the row names a figure of the call");
    assert_eq!(shown["text"], "$143.3 billion");
    let kinds: Vec<&str> = figures["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["translation-mismatch", "translation-mismatch", "conflict"]);
    let call: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("call.json")).unwrap()).unwrap();
    assert_eq!(call["figures"], figures["figures"]);
    assert_eq!(call["headline"], figures["headline"]);
    assert!(html.contains("+13% cc"), "the Change column says what it compares");
}

#[test]
fn a_mistranslated_figure_and_a_conflict_are_shown_next_to_their_paragraphs() {
    let site = temp_site("title = \"T\"\n", &[("content/mrci.txt", MISMATCH)]);
    let report = callpress::check(&callpress::BuildOptions {
        root: site.path().to_path_buf(),
        ..Default::default()
    })
    .unwrap();
    let lines: Vec<(usize, &str)> = report
        .warnings
        .iter()
        .map(|(_, w)| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0].0, 26, "the translation line");
    assert!(
        lines[0].1.contains("$31.2 million") && lines[0].1.contains("3,210 萬美元"),
        "{}",
        lines[0].1
    );
    assert_eq!(lines[1].0, 48, "the second statement");
    assert!(
        lines[1].1.contains("$218.4 million") && lines[1].1.contains("$214.8 million"),
        "{}",
        lines[1].1
    );
    callpress::build(&callpress::BuildOptions {
        root: site.path().to_path_buf(),
        ..Default::default()
    })
    .unwrap();
    let html = std::fs::read_to_string(site.path().join("public/mrci/2025-q2/index.html")).unwrap();
    let para = html
        .split("id=\"t2-p2\"")
        .nth(1)
        .unwrap()
        .split("</div>")
        .next()
        .unwrap();
    assert!(
        para.contains("para-warning") && para.contains("$31.2 million"),
        "{para}"
    );
}

#[test]
fn example_calls_state_consistent_translated_figures() {
    for file in [
        "northwind-2025-q3.txt",
        "northwind-2025-q4.txt",
        "quill-lake-2025-q4.txt",
    ] {
        let (call, figs) = callpress::analyse_file(&repo().join("content").join(file)).unwrap();
        assert!(call.warnings.is_empty(), "{file}: {:?}", call.warnings);
        assert!(
            figs.headline
                .iter()
                .any(|r| r.label == "Revenue" && !r.value.is_empty()),
            "{file} has a revenue row"
        );
        assert!(
            figs.headline.iter().any(|r| r.kind == Kind::Guidance),
            "{file} has guidance"
        );
    }
    let (_, figs) = callpress::analyse_file(&repo().join("content/northwind-2025-q3.txt")).unwrap();
    insta::assert_snapshot!("northwind_headline_table", table(&figs));
}

#[test]
fn a_site_adds_its_own_metric() {
    let call = "---\nticker: SHOP\ncompany: Shopfront\nyear: 2025\nquarter: 2\ndate: 2025-08-01\n---\n\
                Jane Roe: Gross merchandise value was $5.2 billion, up 12% year-over-year. Revenue was $410 million.\n";
    let config = "title = \"T\"\n\n[[figures.metrics]]\nname = \"GMV\"\nphrases = [\"GMV\", \"gross merchandise value\"]\nmeasure = \"amount\"\ntier = \"profit\"\n";
    let site = temp_site(config, &[("content/shop.txt", call.as_bytes())]);
    callpress::build(&callpress::BuildOptions {
        root: site.path().to_path_buf(),
        ..Default::default()
    })
    .unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.path().join("public/shop/2025-q2/figures.json")).unwrap()).unwrap();
    let rows: Vec<(&str, &str, &str)> = json["headline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["label"].as_str().unwrap(),
                r["value"].as_str().unwrap(),
                r["change"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [("Revenue", "$410 million", ""), ("GMV", "$5.2 billion", "+12% YoY")]
    );
}

/// FIGURES.md documents the vocabulary: every builtin metric has its row.
#[test]
fn figures_md_lists_every_builtin_metric() {
    let doc = std::fs::read_to_string(repo().join("FIGURES.md")).unwrap();
    let vocabulary = callpress::figures::vocabulary::Vocabulary::builtin();
    let missing: Vec<&str> = vocabulary
        .defs()
        .iter()
        .map(|d| d.name.as_str())
        .filter(|name| !doc.contains(&format!("| {name} |")))
        .collect();
    assert!(missing.is_empty(), "FIGURES.md has no row for {missing:?}");
}

/// Reads a fictional first-quarter call given as `Speaker: text` turns.
fn figures_of(turns: &str) -> Figures {
    figures_of_quarter(turns, 1)
}

/// Reads a fictional call of the given quarter of 2025.
fn figures_of_quarter(turns: &str, quarter: u8) -> Figures {
    let text =
        format!("---\ntitle: T\ncompany: Rowan Pumps\nticker: ROWN\nyear: 2025\nquarter: {quarter}\n---\n{turns}");
    let doc = callpress::content::parse_document(std::path::Path::new("t.txt"), text).unwrap();
    let mut call = callpress::transcript::parse_document(&doc).unwrap();
    callpress::figures::extract(&mut call)
}

fn labelled<'a>(figs: &'a Figures, text: &str) -> Option<&'a str> {
    figs.figures
        .iter()
        .find(|f| f.text == text)
        .and_then(|f| f.label.as_deref())
}

#[test]
fn a_segment_one_speaker_turned_to_is_the_next_speakers_too() {
    let figs = figures_of(
        "Operator: Welcome.\n\nAva Roe: Turning to Mac. Mac had a record quarter.\n\n\
         Bo Lin: Turning to Services. Services revenue was $23.1 billion. Mac generated revenue of $7.8 billion.\n",
    );
    assert_eq!(labelled(&figs, "$23.1 billion"), Some("Services revenue"));
    assert_eq!(labelled(&figs, "$7.8 billion"), Some("Mac revenue"));
}

#[test]
fn what_a_sentence_leaves_out_is_not_its_segment() {
    let figs = figures_of(
        "Operator: Welcome.\n\nAva Roe: Turning to LaPlaya. LaPlaya was on track to deliver EBITDA of $35 million this year.\n\n\
         Bo Lin: Excluding the impact of LaPlaya, we expect adjusted EBITDA of $74.3 million to $82.3 million for the fourth quarter.\n",
    );
    assert_eq!(
        labelled(&figs, "$74.3 million to $82.3 million"),
        Some("Adjusted EBITDA")
    );
}

#[test]
fn a_guidance_band_shows_as_said_with_its_tolerance() {
    let figs = figures_of(
        "Operator: Welcome.\n\nAva Roe: We are raising our adjusted earnings per share guidance for 2025 to $4.07, plus or minus $0.01.\n",
    );
    let row = figs
        .headline
        .iter()
        .find(|r| r.kind == Kind::Guidance)
        .expect("a guidance row");
    assert_eq!(
        (row.label.as_str(), row.value.as_str()),
        ("Adjusted EPS guidance", "$4.07 ± $0.01")
    );
    assert!(
        figs.figures.iter().all(|f| f.value != Some(-0.01)),
        "the tolerance is no loss: {:?}",
        figs.figures
    );
}

#[test]
fn a_percentage_no_company_reports_is_no_row() {
    // A transcript that ran `$411,000, an 8% increase` together.
    let figs = figures_of(
        "Operator: Welcome.\n\nAva Roe: Revenue was $829 million. Our average closing price for the quarter was 411,008% increase compared to last year.\n",
    );
    assert!(
        figs.figures.iter().any(|f| f.text == "411,008%"),
        "still a figure of its paragraph"
    );
    assert!(
        figs.headline.iter().all(|r| !r.change.contains("411,008")),
        "{:?}",
        figs.headline
    );
}

#[test]
fn a_level_that_contradicts_its_base_heads_no_row() {
    // ROL's transcript: `$63.2 million` for $638.2 million, with the base and the growth right.
    let figs = figures_of(
        "Operator: Welcome.\n\nAva Roe: Revenue increased 15.3% to $63.2 million compared to $553.3 million for the first quarter of last year. \
         First quarter revenues were a record $638.2 million.\n",
    );
    let row = figs
        .headline
        .iter()
        .find(|r| r.label == "Revenue")
        .expect("a revenue row");
    assert_eq!(row.value, "$638.2 million");
    assert!(
        figs.figures.iter().any(|f| f.text == "$63.2 million"),
        "still a figure of its paragraph"
    );
}

#[test]
fn a_fourth_quarter_call_shows_the_years_results_after_its_forecasts() {
    let figs = figures_of_quarter(
        "Operator: Welcome.\n\nAva Roe: Fourth quarter revenue was $2.1 billion and adjusted earnings per share were $1.21. \
         For the full year 2025, revenue was $8.3 billion and adjusted earnings per share were $4.10. \
         For 2026, we expect adjusted earnings per share of $4.40 to $4.60 and capital expenditures of about $300 million.\n",
        4,
    );
    let at = |label: &str, value: &str| {
        figs.headline
            .iter()
            .position(|r| r.label == label && r.value == value)
            .unwrap_or_else(|| panic!("no row {label} {value}: {:#?}", figs.headline))
    };
    let year_revenue = at("Revenue", "$8.3 billion");
    assert!(at("Revenue", "$2.1 billion") < year_revenue);
    assert!(
        at("Capital expenditures guidance", "$300 million") < year_revenue,
        "what the call says of the coming year comes before the year just ended"
    );
}

#[test]
fn an_answer_alone_never_gives_the_companys_eps_or_revenue() {
    let figs = figures_of(
        "Operator: Welcome.\n\nAva Roe: Adjusted funds from operations were $0.26 per share, and occupancy was 92.8%.\n\n\
         Operator: We will now begin the question-and-answer session. Our first question comes from Bo Lin.\n\n\
         Bo Lin: How do you think about the housing market?\n\n\
         Ava Roe: I serve on the board of a homebuilder, and our sales are down 50% from June. We earned $0.26 per share. \
         At $9,000 in revenue on a mortgage, that's a $50 billion market.\n",
    );
    let section = |text: &str| {
        figs.figures
            .iter()
            .find(|f| f.text == text)
            .map(|f| f.section)
            .unwrap_or_else(|| panic!("no figure {text}"))
    };
    assert_eq!(
        section("$9,000"),
        callpress::transcript::Section::Qa,
        "the answer is read as one"
    );
    let rows: Vec<&str> = figs.headline.iter().map(|r| r.label.as_str()).collect();
    assert!(
        !rows.contains(&"Revenue") && !rows.contains(&"EPS"),
        "what only answers state heads no EPS or revenue row: {rows:?}"
    );
    assert!(rows.contains(&"AFFO per share"), "{rows:?}");
}

#[test]
fn a_segments_quarter_leaves_the_companys_year_to_date_in_its_place() {
    let figs = figures_of_quarter(
        "Operator: Welcome.\n\nAva Roe: So, year-to-date, about $16 million in operating revenues, and net income of about $6.1 million. \
         Our tap fee revenue in the third quarter was $3.8 million.\n",
        3,
    );
    let at = |label: &str| {
        figs.headline
            .iter()
            .position(|r| r.label == label)
            .unwrap_or_else(|| panic!("no row {label}: {:#?}", figs.headline))
    };
    assert!(at("Revenue") < at("Tap fee revenue"), "{:#?}", figs.headline);
}

#[test]
fn a_dividend_declared_for_the_next_quarter_is_a_row_of_this_call() {
    let figs = figures_of_quarter(
        "Operator: Welcome.\n\nAva Roe: Fourth quarter revenue was $2.1 billion. \
         Yesterday, the Board of Directors declared a first quarter dividend of $0.25 per share. \
         Our annual dividend of $0.50 per share in 2026 is a commitment.\n",
        4,
    );
    let row = figs
        .headline
        .iter()
        .find(|r| r.value == "$0.25")
        .unwrap_or_else(|| panic!("no dividend row: {:#?}", figs.headline));
    assert_eq!(
        (row.label.as_str(), row.period_label.as_str()),
        ("Dividend per share", "Q1 2026")
    );
    assert_eq!(row.kind, Kind::Actual, "the board's decision is taken, not forecast");
}
