//! The headline table of every real sample in ../shared/fixtures/real holds the numbers
//! its call leads with (MANIFEST.tsv, column `headline_numbers`): the total before the
//! segments, with its sign, kind and period, and none of the misreadings that real calls
//! used to produce (a run rate as revenue, a loss as income, a product target as the
//! company's guidance).

mod common;

use callpress::diagnostic::WarningKind;
use callpress::figures::headline::HeadlineRow;
use callpress::figures::{Figures, Kind};
use common::*;

/// The table as text, for failure messages.
fn table(figs: &Figures) -> String {
    figs.headline
        .iter()
        .map(|r| {
            format!(
                "{} | {} | {:?} | {} | {}",
                r.label, r.period_label, r.kind, r.value, r.change
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn analyse(file: &str) -> Figures {
    let (_, figs) =
        callpress::analyse_file(&shared_fixture(&format!("real/{file}"))).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert!(figs.headline_is_sound(), "{file}: unsound table\n{}", table(&figs));
    figs
}

/// The row labelled `label`; fails showing the whole table.
fn row<'a>(figs: &'a Figures, label: &str) -> &'a HeadlineRow {
    figs.headline
        .iter()
        .find(|r| r.label == label)
        .unwrap_or_else(|| panic!("no `{label}` row in\n{}", table(figs)))
}

/// Asserts a row's value, change, kind and period as the table shows them.
fn assert_row(figs: &Figures, label: &str, value: &str, change: &str, kind: Kind, period: &str) {
    let r = row(figs, label);
    assert_eq!(
        (r.value.as_str(), r.change.as_str(), r.kind, r.period_label.as_str()),
        (value, change, kind, period),
        "`{label}` row in\n{}",
        table(figs)
    );
}

fn no_row_with(figs: &Figures, label: &str, value: &str) {
    assert!(
        !figs.headline.iter().any(|r| r.label == label && r.value == value),
        "`{label} {value}` must not be in\n{}",
        table(figs)
    );
}

#[test]
fn pure_cycle_leads_with_year_to_date_results_and_tap_fees() {
    let figs = analyse("01_motleyfool_classic_PCYO_Q3FY2020.txt");
    assert_row(&figs, "Revenue", "$16 million", "", Kind::Actual, "YTD FY2020");
    assert_row(&figs, "EPS", "$0.25", "", Kind::Actual, "YTD FY2020");
    assert_row(&figs, "Net income", "$6.1 million", "", Kind::Actual, "YTD FY2020");
    assert_row(&figs, "Tap fee revenue", "$3.8 million", "", Kind::Actual, "Q3 FY2020");
    assert_row(&figs, "Cash", "$17 million", "", Kind::Actual, "Q3 FY2020");
    // `$3.8 million` is tap-fee revenue; `if we're at $9.5 million on $15 million of
    // revenues` is a condition.
    no_row_with(&figs, "Revenue", "$3.8 million");
    no_row_with(&figs, "Revenue", "$15 million");
    assert_eq!(figs.headline[0].label, "EPS", "earnings per share leads");
}

#[test]
fn simulations_plus_total_revenue_before_its_software_segment() {
    let figs = analyse("03_json_statements_SLP_Q3FY2020.json");
    assert_row(&figs, "Revenue", "$12.3 million", "+23.8%", Kind::Actual, "Q3 FY2020");
    assert_row(
        &figs,
        "Software revenue",
        "$6.8 million",
        "+18%",
        Kind::Actual,
        "Q3 FY2020",
    );
    assert_row(&figs, "Gross margin", "78.3%", "", Kind::Actual, "Q3 FY2020");
    // Gross profit is read right but ranks below the segments in a full table.
    assert!(
        figs.figures
            .iter()
            .any(|f| f.label.as_deref() == Some("Gross profit") && f.text == "$9.6 million" && f.kind == Kind::Actual)
    );
    assert_row(&figs, "Net income", "$2.9 million", "+1.6%", Kind::Actual, "Q3 FY2020");
    assert_row(&figs, "EPS", "$0.16", "", Kind::Actual, "Q3 FY2020");
    // `earnings per share excluding the impact of acquisition expenses was $0.20, up 25%`
    assert_row(&figs, "Adjusted EPS", "$0.20", "+25% YoY", Kind::Actual, "Q3 FY2020");
    // `we again exceeded that goal with 24% revenue growth`: a result, not guidance; an
    // acquisition's `$600,000 of revenue` is a part.
    assert!(
        !figs.headline.iter().any(|r| r.label == "Revenue guidance"),
        "{}",
        table(&figs)
    );
    let positions: Vec<&str> = figs.headline.iter().map(|r| r.label.as_str()).collect();
    let total = positions.iter().position(|l| *l == "Revenue");
    let software = positions.iter().position(|l| *l == "Software revenue");
    assert!(total < software, "the total before the segment: {positions:?}");
}

#[test]
fn tal_non_gaap_results_with_their_basis() {
    let figs = analyse("04_motleyfool_2026_inline_TAL_Q4FY2026.txt");
    assert_row(&figs, "Revenue", "$802.4 million", "+31.5%", Kind::Actual, "Q4 FY2026");
    assert_row(
        &figs,
        "Gross profit",
        "$427.2 million",
        "+34.5%",
        Kind::Actual,
        "Q4 FY2026",
    );
    assert_row(&figs, "Gross margin", "53.2%", "", Kind::Actual, "Q4 FY2026");
    assert_row(
        &figs,
        "non-GAAP operating income",
        "$82.2 million",
        "",
        Kind::Actual,
        "Q4 FY2026",
    );
    assert_row(
        &figs,
        "non-GAAP net income",
        "$254.5 million",
        "",
        Kind::Actual,
        "Q4 FY2026",
    );
}

#[test]
fn mediatek_guidance_ranges_and_a_product_target() {
    let figs = analyse("06_bilingual_tw_alphamemo_MediaTek_2026-03-11.md");
    assert_row(&figs, "Revenue", "", "+5.7% QoQ", Kind::Actual, "Q4 2025");
    assert_row(
        &figs,
        "Revenue guidance",
        "",
        "flat to down 6% QoQ",
        Kind::Guidance,
        "Q1 2026",
    );
    // `around 46%, plus or minus 1.5 percentage points`: the tolerance is no change.
    assert_row(&figs, "Gross margin guidance", "46%", "", Kind::Guidance, "Q1 2026");
    assert_row(
        &figs,
        "Operating expense ratio guidance",
        "35%",
        "",
        Kind::Guidance,
        "Q1 2026",
    );
    // One product line's target is its own row, never the company's revenue guidance.
    assert_row(&figs, "ASIC revenue guidance", "$1 billion", "", Kind::Guidance, "2026");
    no_row_with(&figs, "Revenue guidance", "$1 billion");
}

#[test]
fn microsoft_fiscal_quarter_totals_and_segments() {
    let figs = analyse("08_seekingalpha_2018_MSFT_Q3FY2018_cp1252.txt");
    assert_eq!(figs.headline[0].label, "EPS");
    assert_row(&figs, "EPS", "$0.95", "+36%", Kind::Actual, "Q3 FY2018");
    assert_row(&figs, "Revenue", "$26.8 billion", "+16%", Kind::Actual, "Q3 FY2018");
    assert_row(
        &figs,
        "Commercial cloud revenue",
        "$6 billion",
        "+58%",
        Kind::Actual,
        "Q3 FY2018",
    );
    assert_row(
        &figs,
        "Intelligent cloud revenue",
        "$7.9 billion",
        "+17%",
        Kind::Actual,
        "Q3 FY2018",
    );
    // A Cosmos DB run rate and LinkedIn's growth are not the company's revenue; a result
    // of the quarter is not guidance; gross-margin dollars' growth is not the margin.
    no_row_with(&figs, "Revenue", "$100 million");
    no_row_with(&figs, "Gross margin", "13%");
    assert!(
        !figs
            .headline
            .iter()
            .any(|r| r.kind == Kind::Guidance && r.value == "$26.8 billion"),
        "{}",
        table(&figs)
    );
    assert!(!figs.headline.iter().any(|r| r.label.starts_with("Again")));
}

#[test]
fn douglas_elliman_reports_a_loss_as_a_loss() {
    let figs = analyse("11_refinitiv_pdftext_DOUG_Q3_2022.txt");
    assert_row(&figs, "Revenue", "$272.6 million", "", Kind::Actual, "Q3 2022");
    assert_row(&figs, "Net loss", "$4.0 million", "", Kind::Actual, "Q3 2022");
    assert_row(&figs, "Loss per share", "$0.05", "", Kind::Actual, "Q3 2022");
    assert_row(&figs, "Adjusted EBITDA", "$124,000", "", Kind::Actual, "Q3 2022");
    assert_row(&figs, "Cash", "$193 million", "", Kind::Actual, "Q3 2022");
    assert!(!figs.headline.iter().any(|r| r.label == "Net income"));
    let loss = figs
        .figures
        .iter()
        .find(|f| Some(f.id.as_str()) == row(&figs, "Net loss").value_figure.as_deref())
        .expect("the row's figure");
    assert!(loss.value.is_some_and(|v| v < 0.0), "a loss is negative: {loss:?}");
}

#[test]
fn apple_api_responses_give_results_and_segments() {
    let fmp = analyse("21_fmpjson_AAPL_FY2024Q1.json");
    for (label, value) in [
        ("Revenue", "$119.6 billion"),
        ("EPS", "$2.18"),
        ("Net income", "$33.9 billion"),
        ("Services revenue", "$23.1 billion"),
        ("iPhone revenue", "$69.7 billion"),
    ] {
        let r = row(&fmp, label);
        assert_eq!((r.value.as_str(), r.kind), (value, Kind::Actual), "FMP {label}");
    }
    let earnings_call = analyse("23_earningscall_api_AAPL_FY2023Q1.json");
    for (label, value) in [
        ("Revenue", "$117.2 billion"),
        ("EPS", "$1.88"),
        ("Net income", "30 billion"),
        ("Services revenue", "$20.8 billion"),
        ("iPhone revenue", "$65.8 billion"),
    ] {
        let r = row(&earnings_call, label);
        assert_eq!(
            (r.value.as_str(), r.kind),
            (value, Kind::Actual),
            "EarningsCall {label}"
        );
    }
}

#[test]
fn the_amazon_sample_keeps_ten_rows_one_conflict_and_two_translation_gaps() {
    let (call, figs) = callpress::analyse_file(&shared_fixture("amzn-2024-q1-bilingual.txt")).unwrap();
    assert_eq!(figs.headline.len(), 10, "{}", table(&figs));
    let of_kind = |kind: WarningKind| -> Vec<&str> {
        call.warnings
            .iter()
            .filter(|w| w.kind == kind)
            .map(|w| w.message.as_str())
            .collect()
    };
    let conflicts = of_kind(WarningKind::Conflict);
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert!(conflicts[0].contains("$903 million") && conflicts[0].contains("$902 million"));
    assert_eq!(of_kind(WarningKind::TranslationMismatch).len(), 2);
}

/// A transcript that opens with `[Technical Issues]` once read as JSON and stopped the
/// build; it must read as text and give its figures.
#[test]
fn a_transcript_opening_with_a_bracketed_note_is_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("call.txt");
    std::fs::write(
        &path,
        "[Technical Issues] sustainable adjusted EBITDA.\n\nJane Roe -- Chief Financial Officer\n\n\
         Revenue for the quarter was $412 million, up 9% year-over-year.\n",
    )
    .unwrap();
    let (call, figs) = callpress::analyse_file(&path).unwrap();
    assert_ne!(call.layout, "json");
    let revenue = row(&figs, "Revenue");
    assert_eq!(
        (revenue.value.as_str(), revenue.change.as_str()),
        ("$412 million", "+9% YoY")
    );
    assert!(figs.headline.iter().all(|r| !r.label.contains("Technical")));
}
