//! One test per reading rule, each on a sentence as real calls say it (the calls of
//! ../shared are the source of the wording; company names are changed).

use crate::figures::{Direction, Figure, Figures, Kind, extract};
use crate::transcript::builder::CallBuilder;
use crate::transcript::{Meta, Paragraph, Role};

use super::{Comparison, Scope};

/// The figures of a call of one CFO turn with `paragraphs`, for the third quarter of
/// calendar 2024 (held on 2024-10-30).
fn figures_of(paragraphs: &[&str]) -> Figures {
    figures_of_quarter(3, "2024-10-30", paragraphs)
}

/// The same for the fourth quarter of 2024, held on 2025-02-10 (what a year-end call says
/// of the whole year).
fn figures_of_fourth_quarter(paragraphs: &[&str]) -> Figures {
    figures_of_quarter(4, "2025-02-10", paragraphs)
}

fn figures_of_quarter(quarter: u8, date: &str, paragraphs: &[&str]) -> Figures {
    let mut b = CallBuilder::new();
    b.start_turn_as(
        "Jane Roe -- Chief Financial Officer",
        "Jane Roe",
        Some("Chief Financial Officer"),
        None,
        Some(Role::Executive),
        1,
    );
    for (i, p) in paragraphs.iter().enumerate() {
        b.add_paragraph(Paragraph::new(*p, i + 2));
    }
    let meta = Meta {
        ticker: "TST".into(),
        year: Some(2024),
        quarter: Some(quarter),
        date: Some(date.into()),
        ..Meta::default()
    };
    let mut call = b.finish("test", meta);
    extract(&mut call)
}

/// The figure written `text`; fails listing every figure.
fn figure<'a>(figs: &'a Figures, text: &str) -> &'a Figure {
    figs.figures.iter().find(|f| f.text == text).unwrap_or_else(|| {
        let all: Vec<_> = figs
            .figures
            .iter()
            .map(|f| (f.text.as_str(), f.label.as_deref(), f.kind))
            .collect();
        panic!("no figure `{text}` in {all:?}")
    })
}

fn label(figs: &Figures, text: &str) -> Option<String> {
    figure(figs, text).label.clone()
}

#[test]
fn respectively_pairs_metrics_and_figures_in_order() {
    let figs = figures_of(&["Core FFO and AFFO were $0.97 and $0.96 per share, respectively."]);
    assert_eq!(label(&figs, "$0.97").as_deref(), Some("Core FFO per share"));
    assert_eq!(label(&figs, "$0.96").as_deref(), Some("AFFO per share"));
}

#[test]
fn a_list_of_metrics_pairs_with_a_list_of_figures() {
    let figs = figures_of(&["Revenue and adjusted EPS were $412 million and $1.22, respectively."]);
    assert_eq!(label(&figs, "$412 million").as_deref(), Some("Revenue"));
    assert_eq!(label(&figs, "$1.22").as_deref(), Some("Adjusted EPS"));
}

#[test]
fn grew_from_x_to_y_makes_y_the_value_and_x_its_base() {
    let figs = figures_of(&["Total revenue grew from $23.3 million in Q3 2023 to $24.8 million in Q3 2024."]);
    let value = figure(&figs, "$24.8 million");
    let base = figure(&figs, "$23.3 million");
    assert_eq!((value.kind, base.kind), (Kind::Actual, Kind::Prior));
    assert_eq!(value.prior.as_deref(), Some(base.id.as_str()));
    assert_eq!(value.period.key(), "2024-Q3");
}

#[test]
fn a_year_is_never_the_low_end_of_a_range() {
    let figs = figures_of(&["We expect capital spending to increase in 2025 to $30 million."]);
    let f = figure(&figs, "$30 million");
    assert_eq!((f.value, f.low), (Some(30e6), None));
    assert!(figs.figures.iter().all(|f| !f.text.contains("2025")));
}

#[test]
fn a_loss_is_negative_and_named_a_loss() {
    let figs = figures_of(&["Net loss for the quarter was $4.0 million or $0.05 per diluted share."]);
    let loss = figure(&figs, "$4.0 million");
    assert_eq!(loss.label.as_deref(), Some("Net loss"));
    assert_eq!(loss.value, Some(-4e6));
    assert_eq!(label(&figs, "$0.05").as_deref(), Some("Loss per share"));
}

#[test]
fn a_per_share_figure_of_an_amount_metric_is_its_per_share_sibling() {
    let figs = figures_of(&["Net income was $2.9 million, or $0.16 per diluted share."]);
    assert_eq!(label(&figs, "$2.9 million").as_deref(), Some("Net income"));
    assert_eq!(label(&figs, "$0.16").as_deref(), Some("EPS"));
}

#[test]
fn a_forecast_range_for_the_year_is_guidance() {
    let figs = figures_of(&["For the full year, we now anticipate diluted EPS of $3.44 to $3.68."]);
    let g = figure(&figs, "$3.44 to $3.68");
    assert_eq!((g.kind, g.low, g.high), (Kind::Guidance, Some(3.44), Some(3.68)));
    assert_eq!(g.label.as_deref(), Some("EPS"));
    assert_eq!(g.period.key(), "2024");
}

#[test]
fn flat_to_down_is_a_range_with_a_zero_end() {
    let figs = figures_of(&["For the current quarter, we are guiding revenue to be flat to down 6% sequentially."]);
    let g = figure(&figs, "flat to down 6%");
    // A change keeps its magnitudes and says its direction.
    assert_eq!((g.kind, g.low, g.high), (Kind::Guidance, Some(0.0), Some(6.0)));
    assert_eq!(
        (g.direction, g.comparison),
        (Some(Direction::Down), Some(Comparison::Qoq))
    );
}

#[test]
fn a_result_beating_a_goal_is_a_result() {
    let figs = figures_of(&[
        "We've stated a goal of organic revenue growth of 15% to 20%, and we again exceeded that goal with 24% \
         revenue growth in total.",
    ]);
    let result = figure(&figs, "24%");
    assert_ne!(result.kind, Kind::Guidance, "{result:?}");
    assert!(result.change);
}

#[test]
fn a_guidance_range_a_result_is_compared_with_is_its_base() {
    for sentence in [
        "This performance led to earnings of $1.15 per diluted share, above our guidance range of $1.08 to $1.10.",
        "EPS increased 40% year-over-year to $1.15 compared to our guidance range of $1.08 to $1.10.",
    ] {
        let figs = figures_of(&[sentence]);
        let base = figure(&figs, "$1.08 to $1.10");
        assert_eq!(base.kind, Kind::Prior, "{sentence}");
        assert_eq!(base.comparison, Some(Comparison::Guidance), "{sentence}");
        assert_eq!(figs.headline.len(), 1, "{sentence}: {:?}", figs.headline);
    }
    // A forecast that lands within the guidance is the forecast; a result `at` a value
    // past the range is the result.
    let within = figures_of(&["We expect G&A to be within our guidance range of $80 million to $85 million in 2025."]);
    assert_eq!(figure(&within, "$80 million to $85 million").kind, Kind::Guidance);
    let beat = figures_of(&["FFO per share for the third quarter exceeded our guidance range at $1.33 per share."]);
    assert_eq!(figure(&beat, "$1.33").kind, Kind::Actual);
}

#[test]
fn a_range_raised_from_one_range_up_to_another_is_based_on_the_first() {
    let figs = figures_of(&[
        "We are again raising our earnings per share guidance from a range of $8.90 to $9.10, up to a range of \
         $9.15 to $9.30, reflecting growth of 16% to 18% from the previous fiscal year.",
    ]);
    assert_eq!(figure(&figs, "$8.90 to $9.10").kind, Kind::Prior);
    assert_eq!(figure(&figs, "$9.15 to $9.30").kind, Kind::Guidance);
    let rows: Vec<&str> = figs.headline.iter().map(|r| r.value.as_str()).collect();
    assert_eq!(rows, ["$9.15 – $9.30"]);
}

#[test]
fn an_earlier_forecast_is_a_base_for_every_figure_it_gives() {
    let figs = figures_of(&[
        "Our previous guidance was for sales in the range of $445 million to $500 million, and adjusted earnings \
         in the range of $1.35 to $1.70.",
        "Last quarter, I provided a Q4 revenue scenario of $270 million to $300 million for the quarter.",
    ]);
    for text in [
        "$445 million to $500 million",
        "$1.35 to $1.70",
        "$270 million to $300 million",
    ] {
        assert_eq!(figure(&figs, text).kind, Kind::Prior, "{text}");
    }
    assert!(figs.headline.is_empty(), "{:?}", figs.headline);
    // Words naming the new value end it; a recollection of a result is no forecast.
    let now = figures_of(&[
        "Our previous guidance was for sales of $445 million, and we now expect adjusted earnings in the range of \
         $1.35 to $1.70.",
        "Previously, I mentioned cash flow provided by operating activities was $409.1 million.",
        "Our full-year guidance is consistent with what we provided last quarter, with EBITDA at $7.9 billion.",
    ]);
    assert_eq!(figure(&now, "$1.35 to $1.70").kind, Kind::Guidance);
    assert_eq!(figure(&now, "$409.1 million").kind, Kind::Actual);
    assert_eq!(figure(&now, "$7.9 billion").kind, Kind::Guidance);
}

#[test]
fn what_will_move_a_metric_by_an_amount_is_a_part() {
    let figs = figures_of(&[
        "We estimate that the supply cost change will again impact our fourth quarter revenue by approximately \
         $25 million to $30 million.",
        "The settlement is expected to lower net income by approximately $50 million.",
        "Labor availability shifted approximately $60 million of expected revenue out of the quarter.",
    ]);
    for text in ["$25 million to $30 million", "$50 million", "$60 million"] {
        assert_eq!(figure(&figs, text).scope, Scope::Item, "{text}");
    }
    // Not an adjective after `due to`, not the company's own plan, not a metric's name.
    let own = figures_of(&[
        "While gross profit declined 5% due to lower sales, gross margin improved by 180 basis points to 44.4%.",
        "We were able to reduce inventory by $19 million during the quarter.",
        "Deferred revenue of $182 million was down $53 million or 22% to prior year.",
    ]);
    for text in ["180 basis points", "$19 million", "$182 million"] {
        assert_ne!(figure(&own, text).scope, Scope::Item, "{text}");
    }
}

#[test]
fn a_per_share_restatement_keeps_the_basis_of_its_level() {
    let figs = figures_of(&[
        "Non-GAAP net income for the third quarter was $157.4 million, or $5.21 diluted earnings per share.",
        "Q3 earnings on a per share basis were $0.13 on a GAAP basis and $0.70 on adjusted basis.",
    ]);
    assert_eq!(label(&figs, "$5.21").as_deref(), Some("non-GAAP EPS"));
    assert_eq!(label(&figs, "$0.13").as_deref(), Some("GAAP EPS"));
    assert_eq!(label(&figs, "$0.70").as_deref(), Some("Adjusted EPS"));
}

#[test]
fn an_undated_year_sized_figure_leaves_the_fourth_quarter_row() {
    let figs = figures_of_fourth_quarter(&[
        "We delivered record adjusted earnings per share of $5.02 and record revenue of $3.5 billion.",
        "I am pleased to report solid fourth quarter results with adjusted earnings per share of $1.11.",
    ]);
    let eps: Vec<&str> = figs
        .headline
        .iter()
        .filter(|r| r.label == "Adjusted EPS" && r.period_label.starts_with("Q4"))
        .map(|r| r.value.as_str())
        .collect();
    assert_eq!(eps, ["$1.11"], "{:?}", figs.headline);
    // A dated part far smaller than the quarter says nothing of the year.
    let part = figures_of_fourth_quarter(&[
        "Revenue was $580 million.",
        "In the fourth quarter, revenue of $46 million came from the new plant.",
    ]);
    assert!(
        part.headline.iter().any(|r| r.value == "$580 million"),
        "{:?}",
        part.headline
    );
}

#[test]
fn bases_listed_before_one_metric_pair_with_its_figures_in_order() {
    let figs = figures_of(&[
        "Third quarter reported and adjusted earnings per share were $0.38 and $0.29, respectively.",
        "GAAP and adjusted operating income were $476 million and $532 million, respectively.",
        "Reported and organic net sales for the quarter were up 6.2% and 8.1%, respectively.",
        "Non-GAAP fully diluted earnings per share were $0.60.",
    ]);
    assert_eq!(label(&figs, "$0.38").as_deref(), Some("GAAP EPS"));
    assert_eq!(label(&figs, "$0.29").as_deref(), Some("Adjusted EPS"));
    assert_eq!(label(&figs, "$476 million").as_deref(), Some("GAAP operating income"));
    assert_eq!(
        label(&figs, "$532 million").as_deref(),
        Some("Adjusted operating income")
    );
    // Reported revenue is revenue.
    assert_eq!(label(&figs, "6.2%").as_deref(), Some("Revenue"));
    assert_eq!(label(&figs, "8.1%").as_deref(), Some("Organic revenue"));
    assert_eq!(label(&figs, "$0.60").as_deref(), Some("non-GAAP EPS"));
}

#[test]
fn a_metric_reaches_its_figure_across_an_aside_of_what_it_leaves_out() {
    let figs = figures_of(&[
        "Our full year 2025 adjusted earnings per diluted share, excluding noncash expense for stock options, \
         tax benefits from stock option exercises and other discrete items, is estimated to be in the range of \
         $18.20 to $18.50.",
        "In addition, full-year 2025 adjusted earnings, excluding amortization expense and other non-recurring \
         items is expected to be $7.40 to $7.60.",
        "We are projecting full-year capex spend to be in the range of $800 million to $900 million.",
    ]);
    assert_eq!(label(&figs, "$18.20 to $18.50").as_deref(), Some("Adjusted EPS"));
    assert_eq!(label(&figs, "$7.40 to $7.60").as_deref(), Some("Adjusted EPS"));
    assert_eq!(
        label(&figs, "$800 million to $900 million").as_deref(),
        Some("Capital expenditures")
    );
    // A figure inside the aside is no figure of the metric.
    let inside = figures_of(&["Adjusted EBITDA, excluding the impact of the hurricane which was $5 million, rose."]);
    assert_eq!(label(&inside, "$5 million"), None);
}

#[test]
fn a_metric_said_of_a_segment_is_never_the_total() {
    let figs = figures_of(&[
        "Overall, we are raising our guidance of revenue for the segment to between $585 million and $600 million.",
        "Overall, we are raising our guidance for segment revenues to be between $290 million and $310 million.",
        "Total segment profit rose 208% to a first quarter record of $116 million.",
        "Overall, adjusted operating margin was 8.5%.",
    ]);
    for text in [
        "between $585 million and $600 million",
        "between $290 million and $310 million",
        "$116 million",
    ] {
        assert_ne!(figure(&figs, text).scope, Scope::Total, "{text}");
    }
    assert_eq!(figure(&figs, "8.5%").scope, Scope::Total);
}

#[test]
fn what_a_metric_excludes_before_its_verb_makes_no_part() {
    let figs = figures_of(&[
        "Revenues, excluding Newmar, were $611.5 million, reflecting an increase of 15.3%.",
        "Operating margin, excluding charges was 13.2%.",
        "Book value per diluted share, excluding AOCI, rose 8% to $49.01.",
        "Net income was $10 million, excluding $5 million of charges.",
        "Same-store sales excluding Asia were up 10% on a two-year basis.",
    ]);
    for text in ["$611.5 million", "13.2%", "$49.01", "10%"] {
        assert_eq!(figure(&figs, text).scope, Scope::Total, "{text}");
    }
    assert_eq!(label(&figs, "$611.5 million").as_deref(), Some("Adjusted revenue"));
    assert_eq!(figure(&figs, "$5 million").scope, Scope::Item);
}

#[test]
fn past_results_inside_an_outlook_passage_stay_results() {
    let figs = figures_of(&[
        "Turning to our outlook for the fourth quarter. We expect revenue of $430 million to $440 million. In the \
         third quarter, revenue was $412 million.",
    ]);
    assert_eq!(figure(&figs, "$430 million to $440 million").kind, Kind::Guidance);
    assert_eq!(figure(&figs, "$412 million").kind, Kind::Actual);
}

#[test]
fn an_impact_on_a_metric_is_a_part() {
    let figs = figures_of(&["Foreign exchange had an unfavorable impact of $2.1 million on revenue."]);
    assert_eq!(figure(&figs, "$2.1 million").scope, Scope::Item);
}

#[test]
fn something_moving_a_metric_by_an_amount_is_a_part() {
    let figs = figures_of(&["The acquisition lowered diluted earnings per share by approximately $0.04 per share."]);
    assert_eq!(figure(&figs, "$0.04").scope, Scope::Item);
    // The metric itself moving is its change.
    let own = figures_of(&["Gross margin increased by 20 basis points."]);
    assert_eq!(figure(&own, "20 basis points").scope, Scope::Total);
}

#[test]
fn a_contribution_is_a_part() {
    let figs = figures_of(&[
        "The acquired business contributed two months of performance to our results in the quarter, totaling \
         about $600,000 of revenue.",
    ]);
    assert_eq!(figure(&figs, "$600,000").scope, Scope::Item);
}

#[test]
fn a_condition_states_no_result() {
    let figs = figures_of(&["If we're at $9.5 million on $15 million of revenues, that's tremendous potential."]);
    assert_eq!(figure(&figs, "$15 million").scope, Scope::Item);
    // Looking at a result is no condition.
    let look = figures_of(&["If you look at revenue, it was $15 million in the quarter."]);
    assert_ne!(figure(&look, "$15 million").scope, Scope::Item);
}

#[test]
fn a_tolerance_is_no_change() {
    let figs = figures_of(&[
        "Gross margin is expected to be around 46%, plus or minus 1.5 percentage points, in the fourth quarter.",
    ]);
    assert_eq!(figure(&figs, "46%").kind, Kind::Guidance);
    assert_eq!(figure(&figs, "1.5 percentage points").scope, Scope::Item);
}

#[test]
fn excluding_items_makes_an_adjusted_figure() {
    let figs = figures_of(&[
        "Earnings per share excluding the impact of acquisition expenses was $0.20, up 25% over last year.",
    ]);
    assert_eq!(label(&figs, "$0.20").as_deref(), Some("Adjusted EPS"));
    let growth = figure(&figs, "25%");
    assert_eq!(
        (growth.label.as_deref(), growth.comparison),
        (Some("Adjusted EPS"), Some(Comparison::Yoy))
    );
}

#[test]
fn a_ratio_to_another_metric_states_neither() {
    let figs = figures_of(&["Net income before taxes as a percentage of revenue was 40%."]);
    assert_eq!(label(&figs, "40%"), None);
}

#[test]
fn growth_after_its_comparison_word_has_a_direction() {
    let figs = figures_of(&["In the third quarter, we achieved a 5.7% sequential growth in revenue."]);
    let g = figure(&figs, "5.7%");
    assert_eq!(
        (g.direction, g.comparison),
        (Some(Direction::Up), Some(Comparison::Qoq))
    );
}

#[test]
fn a_named_segment_labels_its_figures() {
    let figs = figures_of(&["AWS segment sales increased 17% year-over-year to $25.0 billion."]);
    let f = figure(&figs, "$25.0 billion");
    assert_eq!((f.scope, f.segment.as_deref()), (Scope::Segment, Some("AWS")));
    assert_eq!(f.label.as_deref(), Some("AWS revenue"));
}

#[test]
fn a_run_rate_is_not_the_company_revenue() {
    let figs = figures_of(&["Cosmos DB is now a $100 million annual revenue run rate business."]);
    let f = figure(&figs, "$100 million");
    assert_ne!(f.metric.as_deref(), Some("revenue"), "{f:?}");
}

#[test]
fn a_deduction_names_no_metric_of_the_figure() {
    let figs = figures_of(&["Taxable income net of preferred dividends was $0.26 per share."]);
    assert_ne!(label(&figs, "$0.26").as_deref(), Some("Dividend per share"));
}

#[test]
fn a_metric_right_after_a_per_share_phrase_is_its_metric() {
    let figs = figures_of(&["Our Board of Directors has declared a $0.26 per share dividend payable July 1."]);
    assert_eq!(label(&figs, "$0.26").as_deref(), Some("Dividend per share"));
}

#[test]
fn a_speaker_restarting_after_a_dash_keeps_the_metric() {
    let figs = figures_of(&[
        "We, therefore, expect adjusted earnings per share will be about -- be between $8.25 and $8.75 for the full \
         year.",
    ]);
    let g = figure(&figs, "between $8.25 and $8.75");
    assert_eq!((g.label.as_deref(), g.kind), (Some("Adjusted EPS"), Kind::Guidance));
}

#[test]
fn a_subject_pronoun_stands_for_the_metric_before_it() {
    let figs = figures_of(&[
        "We estimate fourth quarter diluted earnings per share on a GAAP basis could range from about $0.05 to about \
         $0.20; and then on a non-GAAP basis, we estimate, it would range from about $0.22 to $0.37.",
    ]);
    let g = figure(&figs, "$0.22 to $0.37");
    assert_eq!((g.label.as_deref(), g.kind), (Some("non-GAAP EPS"), Kind::Guidance));
    assert_eq!(
        figure(&figs, "$0.05 to about $0.20").high,
        Some(0.20),
        "a range, approximations aside"
    );
}

#[test]
fn a_sentence_opening_with_a_metric_is_about_it() {
    let figs = figures_of(&[
        "And on adjusted EBITDA, we're raising the range from $735 million to $745 million to between $765 million \
         and $775 million.",
    ]);
    let g = figure(&figs, "between $765 million and $775 million");
    assert_eq!((g.label.as_deref(), g.kind), (Some("Adjusted EBITDA"), Kind::Guidance));
    assert_eq!(figure(&figs, "$735 million to $745 million").kind, Kind::Prior);
}

#[test]
fn a_basis_word_before_segment_is_no_segment_name() {
    let figs = figures_of(&[
        "Adjusted segment EBITDA was $40.2 million. Adjusted earnings per share for the quarter were $1.74.",
    ]);
    assert_eq!(label(&figs, "$1.74").as_deref(), Some("Adjusted EPS"));
}

#[test]
fn a_forecast_at_constant_rates_is_the_forecast() {
    let figs = figures_of(&[
        "Assuming constant exchange rates, for the fourth quarter we expect adjusted diluted earnings per share in \
         the range of $0.98 to $1.00.",
    ]);
    let g = figure(&figs, "$0.98 to $1.00");
    assert_eq!((g.kind, g.scope), (Kind::Guidance, Scope::Total));
}

#[test]
fn a_result_without_named_items_is_adjusted() {
    let figs = figures_of(&[
        "Excluding special items, we would have reported a net profit of $29.9 million or $0.70 per share.",
        "Excluding these gains, we earned $2.15 per diluted share.",
    ]);
    for text in ["$0.70", "$2.15"] {
        let f = figure(&figs, text);
        assert_eq!(
            (f.label.as_deref(), f.scope),
            (Some("Adjusted EPS"), Scope::Total),
            "{text}"
        );
    }
}

#[test]
fn a_verb_after_a_source_ends_it() {
    let figs = figures_of(&[
        "Our adjusted diluted earnings per share from continuing operations decreased 52% from $0.64 per share to \
         $0.31 per share.",
    ]);
    let f = figure(&figs, "$0.31");
    assert_eq!(
        (f.label.as_deref(), f.scope, f.kind),
        (Some("Adjusted EPS"), Scope::Total, Kind::Actual)
    );
}

#[test]
fn words_of_a_forecast_before_a_metric_qualify_no_part() {
    let figs = figures_of(&[
        "We are initiating second quarter adjusted diluted net earnings per share guidance of $0.56 to $0.60.",
        "We now see projected revenue between $6.3 billion and $6.475 billion for the full year.",
    ]);
    assert_eq!(figure(&figs, "$0.56 to $0.60").scope, Scope::Total);
    assert_eq!(
        figure(&figs, "between $6.3 billion and $6.475 billion").scope,
        Scope::Total
    );
}

#[test]
fn a_participle_qualifying_a_metric_reports_nothing() {
    let figs = figures_of(&[
        "We now expect net income for fiscal 2025 to be between $304 million and $350 million, and resort reported \
         EBITDA to be between $813 million and $837 million.",
    ]);
    assert_eq!(
        figure(&figs, "between $813 million and $837 million").kind,
        Kind::Guidance
    );
}

#[test]
fn a_result_beating_expectations_is_no_base() {
    let figs = figures_of(&[
        "Consolidated results for the third quarter exceeded our expectations with earnings at $1.18 per share, \
         compared to $0.90 per share for the same quarter in 2023.",
    ]);
    assert_eq!(figure(&figs, "$1.18").kind, Kind::Actual);
    assert_eq!(figure(&figs, "$0.90").kind, Kind::Prior);
}

#[test]
fn a_period_after_over_is_a_base_not_the_forecasts_period() {
    let figs = figures_of(&[
        "We expect low double-digit revenue growth over reported 2024 sales of $1.14 billion and we expect adjusted \
         EBITDA to be in the range of $263 million to $275 million.",
    ]);
    assert_ne!(figure(&figs, "$263 million to $275 million").period.key(), "2024");
}

#[test]
fn the_company_earning_or_losing_states_its_bottom_line() {
    let figs = figures_of(&[
        "In the third quarter, Harbor Bank earned $3.3 billion or $7.03 per diluted common share.",
        "On a reported basis, Westmill lost $0.39 per share in the third quarter.",
    ]);
    assert_eq!(label(&figs, "$3.3 billion").as_deref(), Some("Net income"));
    assert_eq!(label(&figs, "$7.03").as_deref(), Some("EPS"));
    let loss = figure(&figs, "$0.39");
    assert_eq!(
        (loss.label.as_deref(), loss.value, loss.scope),
        (Some("Loss per share"), Some(-0.39), Scope::Total)
    );
}

#[test]
fn volumes_are_a_measure_of_their_own() {
    let figs = figures_of(&["Tons sold were 1.3 million, down 13.1%."]);
    assert_eq!(figure(&figs, "13.1%").metric.as_deref(), Some("volume"));
}

#[test]
fn a_restated_part_is_a_part() {
    let figs = figures_of(&[
        "GAAP results included after-tax transformation and other charges of $54 million or $0.06 per diluted share.",
    ]);
    assert_eq!(figure(&figs, "$0.06").scope, Scope::Item);
}

#[test]
fn a_metric_followed_by_per_share_is_its_per_share_sibling() {
    let figs = figures_of(&["Fourth quarter adjusted FFO per diluted share was a loss of $0.16."]);
    let f = figure(&figs, "$0.16");
    assert_eq!((f.label.as_deref(), f.value), (Some("AFFO per share"), Some(-0.16)));
}

#[test]
fn a_loss_between_metric_and_figure_is_its_sign() {
    let figs = figures_of(&[
        "Adjusted earnings per diluted share are currently estimated to be a loss in the range of $0.25 to $0.40.",
        "We reported a GAAP earnings per share loss of $0.26 versus earnings per share of $0.08 in the prior year.",
    ]);
    let range = figure(&figs, "$0.25 to $0.40");
    assert_eq!(
        (range.label.as_deref(), range.low),
        (Some("Adjusted loss per share"), Some(-0.25))
    );
    assert_eq!(label(&figs, "$0.26").as_deref(), Some("GAAP loss per share"));
}

#[test]
fn a_figure_on_a_base_is_not_the_bases_metric() {
    let figs = figures_of(&[
        "We reported net income of $89 million and diluted earnings per share of $3.26 on total operating revenues \
         of $830 million.",
        "For the full year, we expect our adjusted EBITDA to exceed $215 million.",
    ]);
    assert_eq!(label(&figs, "$3.26").as_deref(), Some("EPS"));
    assert_eq!(label(&figs, "$830 million").as_deref(), Some("Revenue"));
    assert_eq!(label(&figs, "$215 million").as_deref(), Some("Adjusted EBITDA"));
}

#[test]
fn a_sentence_about_the_quarter_just_reported_ends_an_outlook_passage() {
    let figs = figures_of(&[
        "We are raising our full year guidance for both sales and earnings per share.",
        "Our Q3 results included revenue of $1.8 billion, up 7%.",
        "GAAP operating earnings of $298 million.",
    ]);
    let revenue = figure(&figs, "$1.8 billion");
    assert_eq!((revenue.kind, revenue.scope), (Kind::Actual, Scope::Total));
    assert_eq!(revenue.period.key(), "2024-Q3");
    assert_eq!(figure(&figs, "$298 million").kind, Kind::Actual);
}

#[test]
fn what_a_summary_of_results_includes_is_a_result_not_a_segment() {
    let figs = figures_of(&["Third-quarter highlights include revenue of $683 million."]);
    let f = figure(&figs, "$683 million");
    assert_eq!((f.label.as_deref(), f.scope), (Some("Revenue"), Scope::Total));
}

#[test]
fn a_forecast_reaches_its_metric_over_words_of_expectation() {
    let figs = figures_of(&[
        "On cash, we expect free cash flow to approach $1.1 billion.",
        "Capital expenditures will be consistent with this year and in the range of $110 million to $130 million.",
    ]);
    assert_eq!(label(&figs, "$1.1 billion").as_deref(), Some("Free cash flow"));
    assert_eq!(
        label(&figs, "$110 million to $130 million").as_deref(),
        Some("Capital expenditures")
    );
}

#[test]
fn a_change_from_the_previous_quarter_is_sequential_and_shares_its_direction() {
    let figs = figures_of(&[
        "We reported total revenues of $33.3 million, which was down 2% from the second quarter and 11% year-over-year.",
    ]);
    let qoq = figure(&figs, "2%");
    let yoy = figure(&figs, "11%");
    assert_eq!(
        (qoq.comparison, qoq.direction),
        (Some(Comparison::Qoq), Some(Direction::Down))
    );
    assert_eq!(
        (yoy.comparison, yoy.direction),
        (Some(Comparison::Yoy), Some(Direction::Down))
    );
    let row = figs
        .headline
        .iter()
        .find(|r| r.metric == "revenue")
        .expect("a revenue row");
    assert_eq!(row.change, "−11% YoY", "the table compares a quarter with a year ago");
}

#[test]
fn full_year_with_its_year_names_that_year() {
    let figs = figures_of(&[
        "For the full year 2025, based on our assessment of market conditions today, we would expect adjusted earnings per share to be in the range of $37.25 to $37.65.",
    ]);
    let g = figure(&figs, "$37.25 to $37.65");
    assert_eq!((g.kind, g.period.key().as_str()), (Kind::Guidance, "2025"));
}

#[test]
fn the_basis_said_after_a_figure_is_its_basis() {
    let figs = figures_of(&[
        "Diluted earnings per share was $0.23 as reported and was $0.45 as adjusted for the loss on the extinguishment of debt.",
        "Reported earnings per diluted share was $1.77 and $1.93 after excluding restructuring costs.",
    ]);
    assert_eq!(label(&figs, "$0.23").as_deref(), Some("GAAP EPS"));
    assert_eq!(label(&figs, "$0.45").as_deref(), Some("Adjusted EPS"));
    assert_eq!(label(&figs, "$1.93").as_deref(), Some("Adjusted EPS"));
}

#[test]
fn a_result_the_company_reported_after_naming_its_guidance_is_a_result() {
    let figs = figures_of(&[
        "EPS also exceeded the high end of our guidance, and we reported earnings of $1.66 per share on a GAAP basis.",
    ]);
    let f = figure(&figs, "$1.66");
    assert_eq!((f.kind, f.label.as_deref()), (Kind::Actual, Some("GAAP EPS")));
}

#[test]
fn a_period_after_the_next_verb_belongs_to_the_next_clause() {
    let figs = figures_of(&[
        "We are reaffirming our guidance for fiscal 2024 of $1.55 to $1.65 per share and increasing our fiscal 2025 guidance to $2.20 to $2.30 per share.",
    ]);
    assert_eq!(figure(&figs, "$1.55 to $1.65").period.key(), "FY2024");
    assert_eq!(figure(&figs, "$2.20 to $2.30").period.key(), "FY2025");
}

#[test]
fn the_unit_of_a_multiple_is_no_segment() {
    let figs = figures_of(&["We remain in a strong position with 1.1 times net debt to EBITDA."]);
    assert!(figure(&figs, "1.1 times").segment.is_none());
}

#[test]
fn the_quarter_just_reported_is_never_forecast() {
    let figs = figures_of(&[
        "Our strong performance helped deliver revenue growth of 30% in the third quarter.",
        "Based on our results through the third quarter, we have raised our earnings per share guidance to a range of $1.90 to $2.05 per share.",
    ]);
    let growth = figure(&figs, "30%");
    assert_eq!((growth.kind, growth.period.key().as_str()), (Kind::Change, "2024-Q3"));
    let g = figure(&figs, "$1.90 to $2.05");
    assert_eq!(g.kind, Kind::Guidance);
    assert_ne!(g.period.key(), "2024-Q3", "a forecast is for a later period");
}

#[test]
fn an_improvement_over_a_level_makes_the_level_a_base() {
    let figs = figures_of(&[
        "We are establishing 2025 operating FFO per share guidance of $0.77 to $0.87, which is an expected improvement over the annualized 2024 third quarter operating FFO per share of $0.72.",
    ]);
    assert_eq!(figure(&figs, "$0.72").kind, Kind::Prior);
    assert_eq!(figure(&figs, "$0.77 to $0.87").kind, Kind::Guidance);
}

#[test]
fn what_impacted_a_metric_by_an_amount_is_a_part() {
    let figs = figures_of(&[
        "We estimate that supply constraints impacted our third quarter revenue by approximately $25 million to $30 million.",
    ]);
    assert_eq!(figure(&figs, "$25 million to $30 million").scope, Scope::Item);
}

#[test]
fn a_passage_begun_with_the_year_states_the_year() {
    let figs = figures_of(&[
        "I'll begin with some highlights for the year.",
        "Revenues of $2.461 billion increased 4.6%.",
        "Now I will turn to third-quarter results.",
        "For the quarter, revenues of $626.6 million increased 4%.",
    ]);
    assert_eq!(figure(&figs, "$2.461 billion").period.key(), "2024");
    assert_eq!(figure(&figs, "$626.6 million").period.key(), "2024-Q3");
}

#[test]
fn a_verb_or_what_a_basis_adjusts_for_is_no_part_of_the_metric() {
    let figs = figures_of(&[
        "Net income was $37.1 million, yielding earnings per share of $1.22.",
        "Altogether, we expect transaction adjusted earnings per share to be between $24.50 and $25.10.",
        "And lastly, our Q4 guidance includes earnings between $1.68 and $1.78.",
    ]);
    assert_eq!(figure(&figs, "$1.22").scope, Scope::Total);
    let g = figure(&figs, "between $24.50 and $25.10");
    assert_eq!((g.scope, g.label.as_deref()), (Scope::Total, Some("Adjusted EPS")));
    assert_eq!(figure(&figs, "between $1.68 and $1.78").scope, Scope::Total);
}

#[test]
fn a_period_that_has_not_ended_has_no_results() {
    let figs = figures_of(&[
        "For 2025, we are focused on delivering adjusted earnings of $2.61 to $2.65 per share.",
        "Our full year earnings per share outlook is increased to $2.85 to $3.05 per share.",
        "We expect fourth quarter non-GAAP diluted earnings per share in the range of $1.56 to $1.58, in line with current consensus.",
    ]);
    for text in ["$2.61 to $2.65", "$2.85 to $3.05", "$1.56 to $1.58"] {
        assert_eq!(figure(&figs, text).kind, Kind::Guidance, "{text}");
    }
}

#[test]
fn a_quarter_of_the_fiscal_year_named_after_the_figure() {
    let figs = figures_of(&["Third quarter sales were $287.8 million in fiscal year '24, an increase of 50.8%."]);
    let f = figure(&figs, "$287.8 million");
    assert_eq!((f.kind, f.period.key().as_str()), (Kind::Actual, "FY2024-Q3"));
}

#[test]
fn a_level_stated_as_a_range_is_a_forecast() {
    let figs = figures_of(&["Adjusted earnings per share of between $3.15 and $3.30 increased from prior guidance."]);
    let g = figure(&figs, "between $3.15 and $3.30");
    assert_eq!(g.kind, Kind::Guidance);
    assert_ne!(g.period.key(), "2024-Q3");
}

#[test]
fn a_metric_reaches_its_figure_over_its_own_words() {
    let figs = figures_of(&[
        "The revenue range for the full fiscal year '25 is between $1.175 billion and $1.235 billion.",
        "We are increasing our full-year revenue projection to a range of $6.29 billion to $6.32 billion.",
        "The Company recorded $0.86 in fully diluted GAAP earnings per share for the third quarter.",
        "Adjusted diluted earnings per share a non-GAAP measure was $0.83.",
        "Organic revenue growth was positive 2% as compared to prior year.",
    ]);
    let fy = figure(&figs, "between $1.175 billion and $1.235 billion");
    assert_eq!(
        (fy.label.as_deref(), fy.period.key().as_str()),
        (Some("Revenue"), "FY2025")
    );
    assert_eq!(
        label(&figs, "$6.29 billion to $6.32 billion").as_deref(),
        Some("Revenue")
    );
    assert_eq!(label(&figs, "$0.86").as_deref(), Some("GAAP EPS"));
    assert_eq!(label(&figs, "$0.83").as_deref(), Some("Adjusted EPS"));
    assert_eq!(label(&figs, "2%").as_deref(), Some("Organic revenue"));
}

#[test]
fn a_basis_said_right_before_a_range_is_its_basis() {
    let figs = figures_of(&[
        "For the full year 2025, our GAAP earnings per share outlook is $9.13 to $9.29 and on a non-GAAP basis $16.35 to $16.45.",
    ]);
    assert_eq!(label(&figs, "$9.13 to $9.29").as_deref(), Some("GAAP EPS"));
    assert_eq!(label(&figs, "$16.35 to $16.45").as_deref(), Some("non-GAAP EPS"));
    let rows: Vec<(&str, &str)> = figs
        .headline
        .iter()
        .map(|r| (r.label.as_str(), r.value.as_str()))
        .collect();
    assert!(rows.contains(&("non-GAAP EPS guidance", "$16.35 – $16.45")), "{rows:?}");
}

#[test]
fn a_margin_over_the_forecast_is_a_difference_and_not_the_result() {
    let figs = figures_of(&[
        "Q3 subscription revenues were $1.43 billion, $22 million above the high end of our guidance range and growing 31% year over year.",
    ]);
    let beat = figure(&figs, "$22 million");
    assert_eq!((beat.kind, beat.comparison), (Kind::Change, Some(Comparison::Guidance)));
    let growth = figure(&figs, "31%");
    let value = figure(&figs, "$1.43 billion");
    assert_eq!(
        growth.of.as_deref(),
        Some(value.id.as_str()),
        "the growth is the result's"
    );
    let row = figs
        .headline
        .iter()
        .find(|r| r.metric == "revenue")
        .expect("a revenue row");
    assert_eq!((row.value.as_str(), row.change.as_str()), ("$1.43 billion", "+31% YoY"));
}

#[test]
fn a_change_said_of_another_value_never_stands_beside_this_one() {
    // The first margin is a region's (named in the sentence before); the change of
    // 50 basis points is the consolidated margin's.
    let figs = figures_of(&[
        "As a result, we achieved an operating income margin of 7% excluding our SAP costs.",
        "On a consolidated basis, our operating income margin of 13.4% decreased by approximately 50 basis points.",
    ]);
    let rows: Vec<(&str, &str)> = figs
        .headline
        .iter()
        .filter(|r| r.metric == "operating margin")
        .map(|r| (r.value.as_str(), r.change.as_str()))
        .collect();
    assert!(!rows.contains(&("7%", "−50 bps")), "{rows:?}");
}

#[test]
fn a_beat_alone_makes_no_row() {
    let figs = figures_of(&["Cash flow from operations came in about $2 billion above our initial outlook."]);
    assert!(
        figs.headline.iter().all(|r| !r.change.contains("vs guidance")),
        "{:?}",
        figs.headline
    );
}

#[test]
fn a_sequential_gain_is_growth_and_not_a_one_off() {
    let figs =
        figures_of(&["Revenue from operations for the third quarter was $443 million, a sequential gain of 1%."]);
    assert_eq!(figure(&figs, "$443 million").scope, Scope::Total);
    let growth = figure(&figs, "1%");
    assert_eq!((growth.scope, growth.comparison), (Scope::Total, Some(Comparison::Qoq)));
    // A gain on a sale stays a part of the result.
    let figs = figures_of(&["Net income included a gain of $5 million on the sale of a building."]);
    assert_eq!(figure(&figs, "$5 million").scope, Scope::Item);
}

#[test]
fn a_basis_inside_a_reit_metric_keeps_the_metric() {
    let figs = figures_of(&["Same-property cash NOI increased 4.8% in the quarter."]);
    assert_eq!(label(&figs, "4.8%").as_deref(), Some("Cash same-store NOI"));
    assert_eq!(figure(&figs, "4.8%").scope, Scope::Total);
}

#[test]
fn the_metric_before_an_aside_is_the_subject_of_the_verb_after_it() {
    let figs = figures_of(&[
        "Adjusted EPS, which excludes certain non-operational items and amortization, totaled $0.90 compared with $0.85 in the prior year.",
    ]);
    assert_eq!(label(&figs, "$0.90").as_deref(), Some("Adjusted EPS"));
    assert_eq!(figure(&figs, "$0.85").kind, Kind::Prior);
}

#[test]
fn a_per_share_amount_in_earnings_is_eps() {
    let figs =
        figures_of(&["Excluding one-time items, we generated a record $2.46 per share in earnings in the quarter."]);
    assert_eq!(label(&figs, "$2.46").as_deref(), Some("Adjusted EPS"));
}

#[test]
fn a_beat_says_which_way() {
    let figs = figures_of(&["Revenue was $2,786 million, $11 million above the high end of our guidance."]);
    let beat = figure(&figs, "$11 million");
    assert_eq!(
        (beat.direction, beat.comparison),
        (Some(Direction::Up), Some(Comparison::Guidance))
    );
    let row = figs
        .headline
        .iter()
        .find(|r| r.metric == "revenue")
        .expect("a revenue row");
    assert_eq!(row.change, "+$11 million vs guidance");
}

#[test]
fn pride_in_a_delivered_quarter_is_no_forecast() {
    let figs =
        figures_of(&["We're extremely proud to deliver yet another quarter of outperformance with comps of 16.9%."]);
    assert_eq!(figure(&figs, "16.9%").kind, Kind::Change);
    let figs = figures_of(&["We expect to deliver comps of 5% next quarter."]);
    assert_eq!(figure(&figs, "5%").kind, Kind::Guidance);
}

#[test]
fn industry_top_lines_and_ratios_are_metrics() {
    let figs = figures_of(&[
        "Net premiums increased 3% in the quarter.",
        "Our 60.2% operating ratio reflects a 230 basis point improvement.",
        "We expect closed loan volume of $98 billion to $103 billion and net rate lock volume of $88 billion to $95 billion.",
    ]);
    assert_eq!(label(&figs, "3%").as_deref(), Some("Premiums"));
    assert_eq!(label(&figs, "60.2%").as_deref(), Some("Operating ratio"));
    for (text, name) in [
        ("$98 billion to $103 billion", "Loan originations"),
        ("$88 billion to $95 billion", "Rate lock volume"),
    ] {
        assert_eq!(label(&figs, text).as_deref(), Some(name));
        assert_eq!(figure(&figs, text).kind, Kind::Guidance);
    }
}

#[test]
fn the_vocabulary_size_the_readme_states() {
    let n = crate::figures::vocabulary::Vocabulary::builtin().defs().len();
    let readme = include_str!("../../../README.md");
    assert!(
        readme.contains(&format!("… {n} of them")),
        "README should say {n} metrics"
    );
}

#[test]
fn a_level_the_company_can_reach_is_a_forecast() {
    let figs = figures_of(&["With a realistic plan, we can reach $5.28 per share in FFO."]);
    let target = figure(&figs, "$5.28");
    assert_eq!(
        (target.label.as_deref(), target.kind),
        (Some("FFO per share"), Kind::Guidance)
    );
}

#[test]
fn a_renewed_forecast_is_the_whole_companys() {
    let figs = figures_of(&["The new revenue guidance is $13,200 million to $13,500 million."]);
    let g = figure(&figs, "$13,200 million to $13,500 million");
    assert_eq!((g.scope, g.kind), (Scope::Total, Kind::Guidance));
    // Revenue that is new is still a part.
    let figs = figures_of(&["Acquisitions added $72 million of new revenue."]);
    assert_eq!(figure(&figs, "$72 million").scope, Scope::Item);
}

#[test]
fn a_list_of_forecasts_including_revenue_states_revenue() {
    let figs = figures_of(&[
        "We are updating our guidance ranges, including revenue of between $900 million and $920 million.",
    ]);
    let g = figure(&figs, "between $900 million and $920 million");
    assert_eq!((g.scope, g.kind), (Scope::Total, Kind::Guidance));
}

#[test]
fn the_verb_of_an_aside_is_not_the_figures() {
    let figs = figures_of(&["GAAP net income, which includes Telephonics, was $16 million or $0.30 per share."]);
    assert_eq!(figure(&figs, "$16 million").scope, Scope::Total);
    assert_eq!(label(&figs, "$0.30").as_deref(), Some("GAAP EPS"));
}

#[test]
fn on_a_fourth_quarter_call_a_figure_compared_with_last_year_is_the_years() {
    let figs = figures_of_fourth_quarter(&[
        "As a result, we generated record earnings of $4.27 per diluted share, up 43.3% over 2023.",
        "Fourth quarter revenue was $5 million, up 10% over 2023.",
    ]);
    assert_eq!(figure(&figs, "$4.27").period.key(), "2024");
    assert_eq!(
        figure(&figs, "$5 million").period.key(),
        "2024-Q4",
        "a quarter it names is its own"
    );
}

#[test]
fn a_change_right_after_a_per_share_figure_is_that_figure_s() {
    // `earnings` names net income; its per-share figure is EPS, and the change after it
    // continues the per-share figure (the call stated no net income at all).
    let figs = figures_of(&["For the full year, we reported earnings of $4.27 per diluted share, up 43.3%."]);
    assert_eq!(figure(&figs, "43.3%").metric.as_deref(), Some("EPS"));
    assert!(
        figs.headline.iter().all(|r| r.metric != "net income"),
        "{:?}",
        figs.headline
    );
    // A metric named between them keeps the change its own.
    let figs = figures_of(&["Earnings were $0.68 per diluted share, and net income rose 20%."]);
    assert_eq!(figure(&figs, "20%").metric.as_deref(), Some("net income"));
}

#[test]
fn a_change_naming_its_metric_after_it_or_in_money_stays_that_metric_s() {
    let figs = figures_of(&[
        "Net income for the quarter was $2.6 million or $0.09 per diluted share, an 8% increase over net income of $2.4 million or $0.08 per diluted share reported last year.",
    ]);
    assert_eq!(figure(&figs, "8%").metric.as_deref(), Some("net income"));
    let figs = figures_of(&[
        "Net earnings of $192.6 million or $3.50 per diluted share increased $55.4 million or $1.01 per share from 2020 levels.",
    ]);
    assert_ne!(figure(&figs, "$55.4 million").metric.as_deref(), Some("EPS"));
}

#[test]
fn a_bare_percentage_is_no_change_of_an_amount_metric() {
    // A return reported in earnings is a level of the return, not earnings' growth.
    let figs = figures_of(&[
        "The annualized return on alternative investments reported in core operating earnings in the third quarter was a very strong 20.3%.",
    ]);
    assert_eq!(figure(&figs, "20.3%").metric, None);
    // Words of change or comparison make it one: in its clause, in the metric's own
    // words, or right after it.
    let figs = figures_of(&["Our GAAP income before income taxes was $119.9 million or 116.3% above 2020."]);
    assert!(figure(&figs, "116.3%").change);
    let figs = figures_of(&["At the enterprise level, it all adds up to solid organic growth of 7% to 10%."]);
    assert_eq!(figure(&figs, "7% to 10%").metric.as_deref(), Some("revenue"));
    let figs = figures_of(&["Revenue was $45 million, and we expect revenue of 8% to 10% next year."]);
    assert!(figure(&figs, "8% to 10%").change);
    // A growth measure is always a change.
    let figs = figures_of(&["Brinker reported consolidated net comp sales of negative 36.7%."]);
    assert_eq!(figure(&figs, "36.7%").metric.as_deref(), Some("same-store sales"));
}

#[test]
fn a_metric_a_ratio_is_taken_on_is_not_the_figure_s() {
    let figs =
        figures_of(&["Our effective tax rate on adjusted earnings for the third quarter was 13.5% as anticipated."]);
    assert_eq!(figure(&figs, "13.5%").metric.as_deref(), Some("effective tax rate"));
    // What a unit price is the price of: the price, not deliveries (MDC).
    let figs = figures_of(&[
        "The average selling price of homes delivered during the quarter increased 6% to about $466,000.",
    ]);
    for text in ["6%", "$466,000"] {
        assert_eq!(
            figure(&figs, text).metric.as_deref(),
            Some("average selling price"),
            "{text}"
        );
    }
}

#[test]
fn a_year_before_a_named_metric_is_its_period() {
    let figs = figures_of(&[
        "We continue to believe 2025 Pinnacle consolidated earnings of $4.75 to $4.95 per share remain achievable, assuming the impacts dissipate by the end of the second quarter.",
    ]);
    assert_eq!(figure(&figs, "$4.75 to $4.95").period.key(), "2025");
}

#[test]
fn last_year_s_figure_is_a_base() {
    let figs = figures_of(&["Third quarter revenue was down from last year's $352 million due to lower recoveries."]);
    assert_eq!(figure(&figs, "$352 million").kind, Kind::Prior);
    let figs = figures_of(&["Adjusted operating margin decreased 60 basis points versus last year's 10.9%."]);
    assert_eq!(figure(&figs, "10.9%").kind, Kind::Prior);
}

#[test]
fn a_sentence_set_in_the_year_before_states_its_figures() {
    let figs = figures_of(&[
        "For the comparable prior year period, net sales were $145.7 million and diluted earnings were $1.39 per share.",
    ]);
    assert_eq!(figure(&figs, "$145.7 million").kind, Kind::Prior);
    assert_eq!(figure(&figs, "$1.39").kind, Kind::Prior);
    // An opening that only mentions last year sets nothing.
    let figs = figures_of(&[
        "In reverse of last year, when we discussed shutdowns, we delivered a strong $2.2 billion in sales.",
    ]);
    assert_eq!(figure(&figs, "$2.2 billion").kind, Kind::Actual);
}

#[test]
fn an_amount_of_improvement_in_a_metric_is_its_change() {
    let figs = figures_of(&["The $0.73 of improvement in adjusted earnings per share includes $0.69 of savings."]);
    assert!(figure(&figs, "$0.73").change);
}

#[test]
fn a_per_share_figure_after_a_level_s_percentage_change_restates_the_level() {
    let figs = figures_of(&["Net income was $12.1 million, up 20%, or $0.68 per diluted share."]);
    let eps = figure(&figs, "$0.68");
    assert_eq!((eps.metric.as_deref(), eps.change), (Some("EPS"), false));
    // With no level before, the per-share figure restates the change.
    let figs = figures_of(&["We declared an increase in the quarterly dividend of 13% or $0.02 per share."]);
    assert!(figure(&figs, "$0.02").change);
}

#[test]
fn a_basis_before_an_earnings_metric_qualifies_its_per_share_sibling_after_and() {
    let figs = figures_of(&[
        "Adjusted first quarter net income and earnings per share were $21 million and $0.33 per share respectively.",
    ]);
    assert_eq!(label(&figs, "$0.33").as_deref(), Some("Adjusted EPS"));
    // Another metric after `and` keeps its own basis.
    let figs = figures_of(&[
        "We will move to $5.90 to $6.10 non-GAAP adjusted earnings per share and revenues of around $8.7 billion.",
    ]);
    assert_eq!(label(&figs, "$8.7 billion").as_deref(), Some("Revenue"));
}

#[test]
fn a_year_a_sentence_calls_strong_is_the_year() {
    // On a fourth-quarter call, `another exceptional year with revenue of` states the
    // year's revenue, not the quarter's.
    let figs = figures_of_fourth_quarter(&[
        "We had another exceptional year with revenue of $6.7 billion, exceeding the high end of our guidance range.",
        "We generated free cash flow of nearly $300 million in a very difficult year.",
    ]);
    assert_eq!(figure(&figs, "$6.7 billion").period.key(), "2024");
    assert_eq!(figure(&figs, "$300 million").period.key(), "2024");
}

#[test]
fn verbs_of_a_level_and_its_date_link_a_metric_to_its_figure() {
    let figs = figures_of(&[
        "Companywide net production averaged 265,000 barrels of oil equivalent per day excluding Libya.",
        "Backlog at year-end was $6.8 billion.",
        "Operating cash flow during the quarter was $125 million.",
        "We expect fourth quarter revenue to grow in the mid 20% range.",
    ]);
    assert_eq!(label(&figs, "265,000").as_deref(), Some("Production"));
    assert_eq!(label(&figs, "$6.8 billion").as_deref(), Some("Backlog"));
    assert_eq!(label(&figs, "$125 million").as_deref(), Some("Operating cash flow"));
    // The band is part of the figure as said: never a bare `20%`.
    let growth = figure(&figs, "mid 20%");
    assert_eq!(growth.label.as_deref(), Some("Revenue"));
    assert_eq!(growth.kind, Kind::Guidance);
}

#[test]
fn the_companys_own_expectations_are_a_forecast_and_others_are_no_figure() {
    let figs = figures_of(&[
        "Adjusted earnings per share expectations continue to be in the range of $3.03 to $3.06.",
        "Revenue came in ahead of consensus revenue expectations of $5 billion.",
        "Earnings in the quarter of $0.54 met our expectations.",
        "Our second quarter results outpaced expectations with revenue growing 6.8% year-over-year.",
    ]);
    let own = figure(&figs, "$3.03 to $3.06");
    assert_eq!(own.label.as_deref(), Some("Adjusted EPS"));
    assert_eq!(own.kind, Kind::Guidance);
    assert_eq!(label(&figs, "$5 billion"), None);
    assert_eq!(figure(&figs, "$0.54").kind, Kind::Actual);
    assert_eq!(figure(&figs, "6.8%").kind, Kind::Change);
}

#[test]
fn a_number_broken_off_before_a_dash_leaves_the_figure_said_after_it() {
    let figs = figures_of(&[
        "The company expects capital expenditures in the range of two -- $425 million to $475 million.",
        "We estimate the Q4 diluted earnings per share on the GAAP basis could range from five -- from about \
         $0.05 to about $0.20.",
    ]);
    let capex = figure(&figs, "$425 million to $475 million");
    assert_eq!(capex.label.as_deref(), Some("Capital expenditures"));
    assert_eq!(capex.kind, Kind::Guidance);
    // Still a range, not a move from $0.05 to $0.20.
    let eps = figure(&figs, "$0.05 to about $0.20");
    assert_eq!(eps.label.as_deref(), Some("GAAP EPS"));
    assert_eq!(eps.kind, Kind::Guidance);
}

#[test]
fn a_price_per_share_is_no_earnings() {
    let figs = figures_of(&[
        "Since our last earnings call, we issued approximately 2 million shares through our ATM program at an \
         average price of $23.86 per share.",
    ]);
    assert!(figs.figures.iter().all(|f| f.text != "$23.86"), "{:?}", figs.figures);
}

#[test]
fn a_bound_is_no_range_end() {
    let figs = figures_of(&[
        "We've increased our full year adjusted earnings per share outlook from at least $6 per share to \
         approximately $7.50 per share.",
    ]);
    let raised = figure(&figs, "$7.50");
    assert_eq!(raised.label.as_deref(), Some("Adjusted EPS"));
    assert_eq!(raised.kind, Kind::Guidance);
    assert_eq!(figure(&figs, "$6").kind, Kind::Prior);
}

#[test]
fn selling_and_administrative_costs_and_medical_ratios_have_their_own_names() {
    let figs = figures_of(&[
        "SG&A expenses were $45 million.",
        "We now expect G&A to range between $168 million and $178 million.",
        "We now expect the full year medical care ratio to be in the range of 84% to 84.5%.",
    ]);
    assert_eq!(label(&figs, "$45 million").as_deref(), Some("SG&A"));
    assert_eq!(
        label(&figs, "between $168 million and $178 million").as_deref(),
        Some("G&A")
    );
    assert_eq!(label(&figs, "84% to 84.5%").as_deref(), Some("Medical loss ratio"));
}

#[test]
fn a_long_term_target_is_a_part_and_a_go_forward_rate_the_companys() {
    let figs = figures_of(&[
        "All of this supports our long-term adjusted earnings per share growth of 6% to 8%.",
        "Our go-forward effective tax rate guidance is 21% to 22%.",
    ]);
    assert_eq!(figure(&figs, "6% to 8%").scope, Scope::Item);
    let rate = figure(&figs, "21% to 22%");
    assert_eq!(rate.scope, Scope::Total);
    assert_eq!(rate.label.as_deref(), Some("Effective tax rate"));
}

#[test]
fn a_forecast_of_a_part_moves_the_outlook_to_its_period() {
    let figs = figures_of(&[
        "We still expect gross margins for the full year to be at least 9%.",
        "We expect to incur restructuring costs in Q4 of approximately $0.8 million to $1.2 million.",
        "Our non-GAAP diluted earnings per share is expected to be in the range of $0.23 to $0.29.",
    ]);
    assert_eq!(figure(&figs, "9%").period.key(), "2024");
    assert_eq!(figure(&figs, "$0.23 to $0.29").period.key(), "2024-Q4");
}

#[test]
fn a_loose_forward_remark_opens_no_outlook() {
    let figs = figures_of(&[
        "With the USDA estimating corn planting this year of 91 million acres, inventories could be low.",
        "Our consolidated net loss of $55 million includes a mark-to-market gain of $62 million.",
    ]);
    let loss = figure(&figs, "$55 million");
    assert_eq!(loss.kind, Kind::Actual);
    assert_eq!(loss.period.key(), "2024-Q3");
}

#[test]
fn a_topic_opener_names_the_segment_of_its_sentence() {
    let figs = figures_of(&[
        "Starting with our completion and production division, revenue was $2.1 billion, an increase of 4%.",
        "Moving to dispositions, we closed on $13 million of sales.",
    ]);
    let segment = figure(&figs, "$2.1 billion");
    assert_eq!(segment.scope, Scope::Segment);
    assert_eq!(segment.label.as_deref(), Some("Completion and production revenue"));
    // A topic that is no line of business names no segment.
    assert_ne!(figure(&figs, "$13 million").scope, Scope::Segment);
}

#[test]
fn what_the_company_was_expecting_is_its_earlier_forecast() {
    let figs =
        figures_of(&["I have noted in previous calls that we were expecting $45 million to $48 million in sales."]);
    assert_eq!(figure(&figs, "$45 million to $48 million").kind, Kind::Prior);
}

#[test]
fn an_all_time_high_is_praise_not_a_part() {
    let figs = figures_of(&[
        "Margins of 9.9% resulted in an all-time high non-GAAP earnings per share of $1.31 in the third quarter.",
    ]);
    let eps = figure(&figs, "$1.31");
    assert_eq!(eps.scope, Scope::Total);
    assert_eq!(eps.label.as_deref(), Some("non-GAAP EPS"));
}

#[test]
fn local_currency_growth_is_the_companys_growth_at_constant_currency() {
    let figs = figures_of(&[
        "With respect to the fourth quarter, we would expect local currency sales growth to be approximately 8%.",
    ]);
    let growth = figure(&figs, "8%");
    assert_eq!(growth.scope, Scope::Total);
    assert_eq!(growth.label.as_deref(), Some("Revenue"));
    assert_eq!(growth.kind, Kind::Guidance);
    assert_eq!(growth.comparison, Some(Comparison::ConstantCurrency));
}

#[test]
fn a_segments_passage_leaves_the_companys_capital_measures_alone() {
    let figs = figures_of(&[
        "Turning to our International segment, revenue was $5.1 billion.",
        "Capital expenditures are now expected to be approximately $4.2 billion.",
    ]);
    assert_eq!(figure(&figs, "$5.1 billion").scope, Scope::Segment);
    let capex = figure(&figs, "$4.2 billion");
    assert_eq!(capex.scope, Scope::Total);
    assert_eq!(capex.label.as_deref(), Some("Capital expenditures"));
}

#[test]
fn money_spent_on_a_metric_states_it() {
    let figs = figures_of(&[
        "For the full year 2025, we are now expecting to spend approximately $1.6 billion on capital investments.",
        "Net income was $5 million on revenue of $100 million.",
    ]);
    let capex = figure(&figs, "$1.6 billion");
    assert_eq!(capex.label.as_deref(), Some("Capital expenditures"));
    assert_eq!(capex.kind, Kind::Guidance);
    // Without a verb of spending, `on` joins no metric to the figure before it.
    assert_eq!(label(&figs, "$5 million").as_deref(), Some("Net income"));
}

#[test]
fn what_a_metric_excludes_ends_at_its_verb() {
    let figs = figures_of(&["Core FFO excluding promotes will range between $4.02 and $4.06 per share."]);
    let ffo = figure(&figs, "between $4.02 and $4.06");
    assert_eq!(ffo.label.as_deref(), Some("Core FFO per share"));
    assert_eq!(ffo.kind, Kind::Guidance);
}

#[test]
fn this_business_is_a_segment_not_the_company() {
    let figs = figures_of(&[
        "This business represents approximately $100 million of revenue and is running at a lower rate.",
        "That business has produced $66 million of adjusted operating income through the first nine months.",
        "Our business generated revenue of $4.1 billion.",
    ]);
    assert_ne!(figure(&figs, "$100 million").scope, Scope::Total);
    assert_ne!(figure(&figs, "$66 million").scope, Scope::Total);
    // `Our business` is the company's.
    assert_eq!(figure(&figs, "$4.1 billion").scope, Scope::Total);
}

#[test]
fn every_company_wide_metric_is_in_the_vocabulary() {
    let vocabulary = crate::figures::vocabulary::Vocabulary::builtin();
    for name in super::words::COMPANY_WIDE {
        assert!(vocabulary.id(name).is_some(), "`{name}` is no metric of the vocabulary");
    }
}

#[test]
fn a_result_dated_with_the_unended_year_is_the_year_so_far() {
    // A first-quarter call: the year so far is the quarter.
    let figs = figures_of_quarter(
        1,
        "2024-04-25",
        &["Excluding these items, diluted earnings per share of $3.50 in 2024 increased 34.6% from 2023."],
    );
    let eps = figure(&figs, "$3.50");
    assert_eq!((eps.kind, eps.period.key().as_str()), (Kind::Actual, "2024-Q1"));
    // A third-quarter call: the year to date.
    let figs = figures_of(&["Capital expenditures in 2024 totaled $41.8 million."]);
    let capex = figure(&figs, "$41.8 million");
    assert_eq!((capex.kind, capex.period.key().as_str()), (Kind::Actual, "2024-YTD"));
}

#[test]
fn a_result_verb_never_turns_a_coming_period_or_a_forecast_into_a_result() {
    // The year after a fourth-quarter call has not begun: a past tense there is a slip.
    let figs = figures_of_fourth_quarter(&[
        "We continued to invest in 2025 with capital spending of approximately $90 million.",
    ]);
    assert_eq!(figure(&figs, "$90 million").kind, Kind::Guidance);
    let figs = figures_of(&["In 2024, we expect revenue to grow low double digits and surpassed $50 billion."]);
    assert_eq!(figure(&figs, "$50 billion").kind, Kind::Guidance);
}

#[test]
fn a_place_in_capitals_after_the_metric_is_its_segment() {
    let figs = figures_of(&["Same-store sales in the US grew 13.4% in the quarter."]);
    assert_eq!(label(&figs, "13.4%").as_deref(), Some("US same-store sales"));
    let figs = figures_of(&["Same-store sales in the U.S. grew 13.4% in the quarter."]);
    assert_eq!(label(&figs, "13.4%").as_deref(), Some("U.S. same-store sales"));
}

#[test]
fn churn_and_a_homebuilders_backlog_value_are_metrics() {
    let figs = figures_of(&[
        "Phone churn for the quarter was 0.74%, well below pre-pandemic levels.",
        "Backlog value at the end of the quarter was $6.8 billion.",
    ]);
    assert_eq!(label(&figs, "0.74%").as_deref(), Some("Churn"));
    assert_eq!(label(&figs, "$6.8 billion").as_deref(), Some("Backlog"));
}

#[test]
fn a_comparison_word_after_the_figure_gives_its_direction() {
    let figs = figures_of(&[
        "We reported net sales of $929 million in the quarter, a 3.4% decrease from the third quarter of 2023.",
    ]);
    assert_eq!(figure(&figs, "3.4%").direction, Some(Direction::Down));
    let figs = figures_of(&["Revenue was $583.7 million, an increase of 4.9% over the prior year's third quarter."]);
    assert_eq!(figure(&figs, "4.9%").direction, Some(Direction::Up));
}

#[test]
fn the_metric_a_figure_is_of_measures_it() {
    let figs = figures_of(&[
        "This year we target to reach a run rate of $1 billion of revenue processed through digital channels.",
    ]);
    assert_eq!(label(&figs, "$1 billion").as_deref(), Some("Revenue run rate"));
}

#[test]
fn words_of_the_sentence_never_become_a_segment() {
    let figs = figures_of(&[
        "For example, this year organic revenue grew 12%.",
        "Our quarter end net debt-to-EBITDA was 4.8 times.",
        "The trailing 12 months free cash flow was $700 million.",
        "We maintained ample liquidity of $297 million at quarter end.",
        "Six months revenue was $1.041 billion, an increase of 9.3%.",
        "The board has declared a regular quarterly dividend of $0.13 per share.",
        "At the midpoint, FFO will be $1.37 per diluted share.",
    ]);
    assert_eq!(label(&figs, "$0.13").as_deref(), Some("Dividend per share"));
    assert_eq!(label(&figs, "$1.37").as_deref(), Some("FFO per share"));
    assert_eq!(label(&figs, "12%").as_deref(), Some("Organic revenue"));
    assert_eq!(label(&figs, "4.8 times").as_deref(), Some("Leverage"));
    assert_eq!(label(&figs, "$700 million").as_deref(), Some("Free cash flow"));
    assert_eq!(label(&figs, "$297 million").as_deref(), Some("Liquidity"));
    assert_eq!(label(&figs, "$1.041 billion").as_deref(), Some("Revenue"));
}

#[test]
fn and_before_a_segment_word_names_no_segment() {
    let figs = figures_of(&[
        "We generated adjusted earnings per share of $1.18 and segment EBIT of $140 million.",
        "We ended the quarter with a cash balance of $147 million, and our liquidity position remains strong at approximately $1.5 billion.",
    ]);
    assert_eq!(label(&figs, "$1.5 billion").as_deref(), Some("Liquidity"));
}

#[test]
fn a_name_after_of_is_the_segment_and_the_company_is_the_total() {
    let figs = figures_of(&[
        "Net sales of Las Palmas were $9.1 million, an increase of 37.1%.",
        "Adjusted EPS of the Company was $1.10.",
        "Consolidated comp sales of negative 3.3% were below plan.",
    ]);
    assert_eq!(label(&figs, "$9.1 million").as_deref(), Some("Las Palmas revenue"));
    assert_eq!(label(&figs, "$1.10").as_deref(), Some("Adjusted EPS"));
    assert_eq!(figure(&figs, "3.3%").scope, Scope::Total);
}

#[test]
fn a_basis_word_opening_the_next_metric_is_that_metrics() {
    let figs = figures_of(&["We reported net sales of $515 million adjusted EBITDA of $96.4 million."]);
    assert_eq!(label(&figs, "$515 million").as_deref(), Some("Revenue"));
    assert_eq!(label(&figs, "$96.4 million").as_deref(), Some("Adjusted EBITDA"));
}

#[test]
fn words_other_than_direction_verbs_give_a_change_its_sign() {
    for (sentence, text, direction) in [
        (
            "Chili's reported net comp sales for the second quarter of negative 6.3%.",
            "6.3%",
            Direction::Down,
        ),
        (
            "Adjusted EBITDA was $99 million, 22% better than a year ago.",
            "22%",
            Direction::Up,
        ),
        (
            "Q3 revenue was 5% less year-over-year and in line with our expectations.",
            "5%",
            Direction::Down,
        ),
        (
            "We generated $6.9 billion of sales with 30% core revenue growth.",
            "30%",
            Direction::Up,
        ),
        (
            "Freight cost close to 200 basis points of gross margin contraction year-over-year.",
            "200 basis points",
            Direction::Down,
        ),
        (
            "We reduced our net debt by approximately $70 million.",
            "$70 million",
            Direction::Down,
        ),
        (
            "A lower tax rate allows us to raise our adjusted EPS guidance by $0.10.",
            "$0.10",
            Direction::Up,
        ),
        (
            "We're increasing the lower end of our 2024 earnings guidance range by $0.05 per share.",
            "$0.05",
            Direction::Up,
        ),
        (
            "Adjusted EPS was $0.43, higher than the prior year by over 200%.",
            "200%",
            Direction::Up,
        ),
    ] {
        let figs = figures_of(&[sentence]);
        assert_eq!(figure(&figs, text).direction, Some(direction), "{sentence}");
    }
}

#[test]
fn an_amount_less_another_is_a_subtraction_not_a_change() {
    let figs = figures_of(&[
        "Free cash flow was $471 million, defined as cash flow from operating activities of $532 million less capital spending of $61 million.",
    ]);
    let operating = figure(&figs, "$532 million");
    assert!(!operating.change);
    assert_eq!(operating.direction, None);
}

#[test]
fn a_bare_percentage_before_an_amount_metric_is_no_change_of_it() {
    let figs = figures_of(&[
        "We leased at an average mark to market of 12% cash and 19% GAAP.",
        "There is no change in the anticipated split of about 60% opex and 40% capex.",
        "After 2025 we expect to grow at 4% to 6% our earnings.",
    ]);
    assert_eq!(label(&figs, "12%"), None);
    assert_eq!(label(&figs, "40%"), None);
    assert!(figure(&figs, "4% to 6%").label.is_some());
}

#[test]
fn an_impact_stated_in_a_metric_is_no_statement_of_the_metric() {
    let figs = figures_of(&[
        "In the third quarter, we achieved $0.03 in earnings per share in savings from our restructuring program.",
        "And we saw a third quarter pushout of approximately $6 million in revenue.",
        "We remain on track to deliver $1 billion in run rate savings across the company.",
    ]);
    for text in ["$0.03", "$6 million", "$1 billion"] {
        let f = figure(&figs, text);
        assert!(f.label.is_none() || f.scope == Scope::Item, "{text}: {:?}", f.label);
    }
    assert!(figs.headline.is_empty(), "{:?}", figs.headline);
}

#[test]
fn the_company_or_a_metric_is_no_segment() {
    let figs = figures_of(&[
        "Shifting to EBITDA, a non-GAAP financial measure, third quarter EBITDA was $29.3 million.",
        "Comparatively, the Company recorded GAAP earnings per share of $0.86.",
        "For the quarter, we reported non- GAAP operating income of $72 million.",
        "In summation, we're raising our adjusted earnings per share guidance to $5.40 per share to $5.45 per share.",
        "Our FFO earnings guidance is now $5.28 per share.",
    ]);
    assert_eq!(label(&figs, "$29.3 million").as_deref(), Some("EBITDA"));
    assert_eq!(label(&figs, "$0.86").as_deref(), Some("GAAP EPS"));
    assert_eq!(
        label(&figs, "$72 million").as_deref(),
        Some("non-GAAP operating income")
    );
    assert_eq!(
        label(&figs, "$5.40 per share to $5.45").as_deref(),
        Some("Adjusted EPS")
    );
    assert_eq!(label(&figs, "$5.28").as_deref(), Some("FFO per share"));
    let figs = figures_of(&["Real estate sales were $120 million in the quarter."]);
    assert_eq!(label(&figs, "$120 million").as_deref(), Some("Real estate revenue"));
}

#[test]
fn sentence_words_read_as_a_name_are_no_segment() {
    let figs = figures_of(&[
        "Today, we announced second-quarter reported earnings of $0.45 per share.",
        "Therefore revenue guidance for the fourth quarter is $200 million to $210 million.",
        "Our guidance assumes bad debt of $7.6 million.",
    ]);
    assert_eq!(label(&figs, "$0.45").as_deref(), Some("GAAP EPS"));
    assert_eq!(label(&figs, "$200 million to $210 million").as_deref(), Some("Revenue"));
    assert!(figure(&figs, "$7.6 million").label.is_none() || figure(&figs, "$7.6 million").scope == Scope::Item);
}

#[test]
fn a_bare_positive_growth_rate_grows() {
    let figs = figures_of(&[
        "Organic growth was 2.1% with acquisitions contributing 4.4%.",
        "Same-store sales of 16.9% came in ahead of plan.",
        "For the quarter, organic growth was negative 24%.",
    ]);
    assert_eq!(figure(&figs, "2.1%").direction, Some(Direction::Up));
    assert_eq!(figure(&figs, "16.9%").direction, Some(Direction::Up));
    assert_eq!(figure(&figs, "24%").direction, Some(Direction::Down));
}

#[test]
fn raising_a_dividend_or_lowering_debt_is_an_act_not_a_forecast() {
    let figs = figures_of(&[
        "We were in a position to raise our quarterly dividend to $0.3125 beginning in September.",
        "In January alone, we lowered our revolver debt from $9.75 million to $6 million.",
        "Finally, we have lowered our net debt by about $350 million since funding the acquisition.",
        "We are raising our full year adjusted earnings per share to $4.07.",
    ]);
    for text in ["$0.3125", "$6 million"] {
        assert_eq!(figure(&figs, text).kind, Kind::Actual, "{text}");
    }
    assert_eq!(figure(&figs, "$9.75 million").kind, Kind::Prior);
    let paid_down = figure(&figs, "$350 million");
    assert_eq!(
        (paid_down.kind, paid_down.direction),
        (Kind::Change, Some(Direction::Down))
    );
    // A forecast metric raised stays a forecast.
    assert_eq!(figure(&figs, "$4.07").kind, Kind::Guidance);
}

#[test]
fn a_sentence_opening_with_a_line_of_business_is_about_that_line() {
    let figs = figures_of(&[
        "In North America wholesale, revenues increased to $250 million compared to $23 million last year.",
        "In the Medical sector, revenue grew 5%.",
        "Canadian daily sales were up 11.7% compared to the third quarter of last year.",
        "In Europe alone, revenue was $40 million.",
        "In the meantime, revenue was $900 million.",
        "At the TST level, we expect revenue of $3.5 billion to $3.6 billion for the full year.",
    ]);
    for (text, segment) in [
        ("$250 million", Some("North America wholesale")),
        ("5%", Some("Medical")),
        ("11.7%", Some("Canadian")),
        ("$40 million", Some("Europe")),
        ("$900 million", None),
        ("$3.5 billion to $3.6 billion", None),
    ] {
        assert_eq!(figure(&figs, text).segment.as_deref(), segment, "{text}");
    }
}

#[test]
fn a_figure_summed_since_a_launch_is_no_result_of_the_quarter() {
    let figs = figures_of(&[
        "Since its inception, the Clean Start product has generated over $19 million in revenue.",
        "Based on our performance to date, we expect revenue of $1.2 billion for the full year.",
    ]);
    assert_eq!(figure(&figs, "$19 million").scope, Scope::Item);
    assert_eq!(figure(&figs, "$1.2 billion").scope, Scope::Total);
}

#[test]
fn what_a_result_excludes_after_its_figure_makes_it_adjusted() {
    let figs = figures_of(&[
        "Net sales grew 5% when excluding the prior-year sales for divested businesses.",
        "Occupancy was 94.3%, excluding the hotels under renovation.",
    ]);
    assert_eq!(
        figure(&figs, "5%").basis,
        Some(crate::figures::vocabulary::Basis::Adjusted)
    );
    assert_eq!(figure(&figs, "94.3%").basis, None, "occupancy has no adjusted form");
}

#[test]
fn a_list_pairs_in_order_across_qualifiers_and_a_comparison_before_respectively() {
    let figs = figures_of(&[
        "Sales and adjusted operating income are up 13% and 9% year-over-year respectively.",
        "Third quarter adjusted operating income and adjusted net income of $262 million and $188 million increased 237% and 258%, respectively.",
    ]);
    for (text, metric) in [
        ("13%", "revenue"),
        ("9%", "operating income"),
        ("$262 million", "operating income"),
        ("$188 million", "net income"),
    ] {
        assert_eq!(figure(&figs, text).metric.as_deref(), Some(metric), "{text}");
    }
}

#[test]
fn a_change_over_two_years_says_so_and_yields_to_the_years() {
    let figs = figures_of(&[
        "Third quarter revenue of $601 million increased 25% versus last year and 12% versus two years ago.",
        "Compared to 2022, operating income was down nearly 11%.",
        "Annuity collected premiums were up 42% year-over-year, relative to the third quarter of 2022 annuity collected premiums were up 1%.",
        "Net sales were up 20% compared to 2023.",
        "We did see a 14% sequential improvement in EBITDA, though below our pre-pandemic quarter.",
    ]);
    for (text, comparison) in [
        ("25%", Comparison::Yoy),
        ("12%", Comparison::TwoYears),
        ("11%", Comparison::TwoYears),
        ("42%", Comparison::Yoy),
        ("1%", Comparison::TwoYears),
        ("20%", Comparison::Yoy),
        ("14%", Comparison::Qoq),
    ] {
        assert_eq!(figure(&figs, text).comparison, Some(comparison), "{text}");
    }
    // The revenue row shows the year's growth, not the two years'.
    let row = figs
        .headline
        .iter()
        .find(|r| r.label == "Revenue")
        .expect("a revenue row");
    assert_eq!(row.change, "+25% YoY");
}

#[test]
fn a_change_restated_in_other_words_keeps_its_comparison() {
    let figs = figures_of(&[
        "Consolidated sales were $2.06 billion or $279 million higher than the prior year, representing a 16% increase.",
    ]);
    assert_eq!(figure(&figs, "16%").comparison, Some(Comparison::Yoy));
}

#[test]
fn a_revised_forecast_is_the_years_and_moves_by_its_amount() {
    let figs = figures_of(&[
        "For the fourth quarter, we expect revenue of $1.2 billion.",
        "We raised our adjusted diluted earnings per share guidance by $0.12 to a new range of $7.89 to $8.20.",
        "We are raising our fiscal-year '24 free cash flow outlook to $1.1 billion to $1.4 billion.",
    ]);
    assert_eq!(figure(&figs, "$1.2 billion").period.key(), "2024-Q4");
    let raised = figure(&figs, "$0.12");
    assert_eq!((raised.change, raised.direction), (true, Some(Direction::Up)));
    assert_eq!(figure(&figs, "$7.89 to $8.20").period.key(), "2024");
    assert_eq!(figure(&figs, "$1.1 billion to $1.4 billion").period.key(), "FY2024");
}

#[test]
fn a_quarter_forecast_of_a_named_year_is_that_years_quarter() {
    let figs = figures_of_fourth_quarter(&[
        "First quarter sales are expected to increase from $160 million in fiscal 2024 to a range of $220 million to $240 million in fiscal 2025.",
        "While we expect a few offsets in the first quarter, we now expect cash from operations of approximately $2.8 billion for the year.",
    ]);
    assert_eq!(figure(&figs, "$220 million to $240 million").period.key(), "FY2025-Q1");
    assert!(
        !figure(&figs, "$2.8 billion").period.key().contains('Q'),
        "the year's, not the first quarter's"
    );
}

#[test]
fn a_segment_named_after_the_figure_is_its_segment() {
    let figs = figures_of(&[
        "We continue to expect full year revenues to range between $8.7 billion and $8.8 billion for our legacy electric segment operations.",
        "Revenues were $652.6 million compared to $547.8 million in the 2023 period, an increase of $125.7 million in the real estate segment.",
    ]);
    assert_eq!(
        figure(&figs, "between $8.7 billion and $8.8 billion")
            .segment
            .as_deref(),
        Some("legacy electric")
    );
    assert_eq!(figure(&figs, "$652.6 million").segment, None);
    // A REIT's portfolio is the company's (SHO, BDN, SPG).
    let figs = figures_of(&["Our operating portfolio occupancy was 89.1%, down only 0.6% from a year ago."]);
    assert_eq!(figure(&figs, "89.1%").scope, Scope::Total);
}

#[test]
fn a_net_loss_said_with_its_article_is_the_loss() {
    // `a net loss of` had been a sign word that hid the metric: the $8 million went to
    // revenue (TBI) and `$3.32 per share` read as positive EPS (L).
    let figs = figures_of(&["Total revenue was down 39% and we posted a net loss of $8 million or $0.23 per share."]);
    let loss = figure(&figs, "$8 million");
    assert_eq!((loss.label.as_deref(), loss.value), (Some("Net loss"), Some(-8e6)));
    assert_eq!(figure(&figs, "$0.23").label.as_deref(), Some("Loss per share"));
}

#[test]
fn what_a_clause_is_about_makes_its_figure_a_part_or_a_change() {
    let figs = figures_of(&[
        "The net benefit of these shifts into the third quarter was $32 million of revenue.",
        "Sentinel, a $6 million sales business, provides leak detection solutions.",
        "We estimate this accounted for approximately $25 million of the Q3 sales increase.",
        "The increase in revenue was $5 million.",
        "The growth in revenue and our focus on expenses resulted in non-GAAP earnings per share of $1.50.",
    ]);
    for text in ["$32 million", "$6 million", "$25 million"] {
        assert_eq!(figure(&figs, text).scope, Scope::Item, "{text}");
    }
    let increase = figure(&figs, "$5 million");
    assert_eq!((increase.change, increase.direction), (true, Some(Direction::Up)));
    assert!(!figure(&figs, "$1.50").change, "the EPS is a level");
}

#[test]
fn a_total_of_a_line_of_business_is_that_lines() {
    let figs = figures_of(&[
        "Total commercial revenue was $257 million.",
        "Consolidated fee revenue was $2 billion.",
        "Total products and services revenue was $4.4 billion.",
    ]);
    assert_eq!(figure(&figs, "$257 million").scope, Scope::Segment);
    for text in ["$2 billion", "$4.4 billion"] {
        assert_eq!(figure(&figs, text).scope, Scope::Total, "{text}");
    }
}

#[test]
fn a_forecast_given_earlier_is_a_base() {
    let figs = figures_of(&[
        "We now expect sales to increase in the 18% to 21% range for the year, up from the 13% to 16% we guided in January.",
        "Full year free cash flow of $216 million was well ahead of the annual free cash flow guidance of $150 million we provided at the beginning of the year.",
        "We are reducing our revenue growth outlook to a range of 8% to 9% from 8.5% to 9.75% previously.",
    ]);
    assert_eq!(figure(&figs, "18% to 21%").kind, Kind::Guidance);
    for text in ["13% to 16%", "$150 million", "8.5% to 9.75%"] {
        assert_eq!(figure(&figs, text).kind, Kind::Prior, "{text}");
    }
}

#[test]
fn a_character_of_several_bytes_near_respectively_reads_without_panic() {
    // The window read for `respectively` is cut at 40 bytes; `’` is three bytes, and
    // one cut through it had panicked.
    for pad in 0..4 {
        let text = format!(
            "Revenue and operating income were $5 million and $6 million {}{} respectively.",
            "x".repeat(pad),
            "’".repeat(20)
        );
        let figs = figures_of(&[text.as_str()]);
        assert_eq!(figure(&figs, "$5 million").metric.as_deref(), Some("revenue"), "{pad}");
    }
}

#[test]
fn what_an_earlier_period_did_is_that_periods() {
    // RPM: the prior year's growth, said to explain a hard comparison, is no result of
    // this quarter (it had headed the Revenue row as `+6% YoY`).
    let figs = figures_of(&[
        "We face a difficult comparison to the prior year when sales increased 6% and adjusted EBIT increased nearly 30%.",
        "Our sales increased to a record $1.65 billion, up 2.7% over a strong 2023 third quarter, which grew 9.1%.",
    ]);
    for text in ["6%", "30%", "9.1%"] {
        let f = figure(&figs, text);
        assert!(f.period.key().starts_with("2023"), "{text}: {}", f.period.key());
        assert_eq!(f.kind, Kind::Change, "{text}");
    }
    let growth = figure(&figs, "2.7%");
    assert_eq!(
        growth.period.key(),
        "2024-Q3",
        "`over a strong 2023 third quarter` is the base"
    );
    let row = figs
        .headline
        .iter()
        .find(|r| r.label == "Revenue")
        .expect("a revenue row");
    assert_eq!(
        (row.value.as_str(), row.change.as_str()),
        ("$1.65 billion", "+2.7% YoY")
    );
}

#[test]
fn which_tells_of_a_period_only_with_a_verb_of_change() {
    // PAY: `, which resulted in revenue of` is the quarter's revenue.
    let figs = figures_of(&[
        "This growth drove a 30.3% increase in revenue over the same period in 2023, which resulted in revenue of $93.5 million.",
    ]);
    assert_eq!(figure(&figs, "$93.5 million").period.key(), "2024-Q3");
}

#[test]
fn the_start_of_the_year_dates_nothing_as_the_year() {
    // KWR: `Looking at our strong start to the year.` had dated the quarter's results
    // that followed as the year's.
    let figs = figures_of_quarter(
        1,
        "2024-04-30",
        &[
            "Looking at our strong start to the year.",
            "Our record net sales of $429.8 million increased 14% from the prior year.",
        ],
    );
    assert_eq!(figure(&figs, "$429.8 million").period.key(), "2024-Q1");
    // FIX: `Since the beginning of the year` is the year so far.
    let figs = figures_of(&["Since the beginning of the year, we have generated $36 million in free cash flow."]);
    assert_eq!(figure(&figs, "$36 million").period.key(), "2024-YTD");
}

#[test]
fn a_topic_introduced_by_to_is_no_comparison_base() {
    // ESS: `As it relates to full year core FFO` names the year of the forecast.
    let figs =
        figures_of(&["As it relates to full year core FFO, we are raising our midpoint by $0.09 per share to $12.33."]);
    let f = figure(&figs, "$12.33");
    assert_eq!((f.kind, f.period.key().as_str()), (Kind::Guidance, "2024"));
}

#[test]
fn what_results_enabled_is_a_result_in_an_outlook_passage() {
    // ICE, PHM: `has enabled us to reduce leverage`, `which allowed us to end the quarter
    // with $1.6 billion of cash`, after a paragraph of fourth-quarter guidance.
    let figs = figures_of(&[
        "Looking to the fourth quarter, we expect adjusted operating expenses to be between $737 million and $747 million.",
        "Our business continues to generate strong cash flow, which allowed us to end the quarter with $1.6 billion of cash.",
    ]);
    assert_eq!(figure(&figs, "$1.6 billion").kind, Kind::Actual);
}

#[test]
fn revenue_moved_to_another_period_is_no_result() {
    // FLS: the deferred $60 million had headed the Revenue row before the quarter's $866
    // million; a relative clause's verb (`spending that was deferred`) is another noun's.
    let figs = figures_of(&[
        "Approximately $60 million of revenue that we had expected to recognize in the period was deferred from the third quarter.",
        "Revenue decreased 6.3% to $866 million.",
        "Adjusted EBITDA of $85 million declined 12%, driven by the resumption of spending that was deferred when the pandemic hit.",
    ]);
    assert_eq!(figure(&figs, "$60 million").scope, Scope::Item);
    assert_eq!(figure(&figs, "$85 million").scope, Scope::Total);
    let row = figs
        .headline
        .iter()
        .find(|r| r.label == "Revenue")
        .expect("a revenue row");
    assert_eq!(row.value, "$866 million");
}

#[test]
fn a_target_by_a_year_is_that_years() {
    // LAD, SAH, FLR: long-term targets had been next year's guidance.
    let figs = figures_of(&[
        "We remain on the path toward our plan to reach $50 billion of revenue and $55 to $60 of earnings per share by 2027.",
        "Graham's defense revenues in the mid $20 million range with growth anticipated to yield more than $40 million of revenue by the year 2028.",
    ]);
    assert_eq!(figure(&figs, "$55 to $60").period.key(), "2027");
    assert_eq!(figure(&figs, "$40 million").period.key(), "2028");
    assert_ne!(
        figure(&figs, "mid $20 million").period.key(),
        "2028",
        "another figure's target sets no year for the one before it"
    );
}

#[test]
fn on_a_cash_basis_is_a_basis_not_the_cash_balance() {
    // CUZ, PDM, CHS: `Cash +3.6%` rows were same-store NOI or savings on a cash basis.
    let figs = figures_of(&[
        "Same-property NOI on a cash basis increased 3.6%, and we leased over 597,000 square feet.",
        "On a cash basis, approximately $44 million of these savings were realized in the quarter.",
    ]);
    assert_eq!(label(&figs, "3.6%").as_deref(), Some("Cash same-store NOI"));
    assert_eq!(label(&figs, "$44 million"), None);
}

#[test]
fn the_terms_of_a_named_ratio_state_none_of_its_figures() {
    // RNR, FBP, HTH: `Premiums earned 10% YoY`, `Loans −2.43%` were ratios of them.
    let figs = figures_of(&[
        "The ratio of direct expense to net premiums earned was 10%, an increase of two percentage points from last year.",
        "The ratio of the ACL for loans to total loans decreased to 2.43% during the quarter.",
    ]);
    assert_eq!(label(&figs, "10%"), None);
    assert_eq!(label(&figs, "2.43%"), None);
}

#[test]
fn a_segments_total_is_the_segments() {
    // LNN, HOG: `Total irrigation segment operating income` had been the company's.
    let figs = figures_of(&[
        "Total irrigation segment operating income for the quarter was $10.6 million, an increase of 9%.",
    ]);
    let f = figure(&figs, "$10.6 million");
    assert_eq!((f.scope, f.segment.as_deref()), (Scope::Segment, Some("irrigation")));
}

#[test]
fn a_forecast_of_the_year_so_far_makes_no_row() {
    // ETN: a year-to-date passage dated its forecasts year-to-date; such a row (`Adjusted
    // EPS guidance 2021-YTD +35%`) says nothing true.
    let figs = figures_of(&[
        "And with strong year-to-date performance, we're well on our track to deliver a very strong 2024 with double-digit organic revenue growth and 35% adjusted earnings per share growth.",
        "And you'll recall that at the beginning of the year, we set medium-term targets of 4% to 6% organic revenue growth annually.",
    ]);
    assert_eq!(figure(&figs, "35%").period.key(), "2024-YTD");
    assert!(
        figs.headline
            .iter()
            .all(|r| !r.period_label.contains("YTD") || r.kind != Kind::Guidance),
        "{:?}",
        figs.headline
    );
}

#[test]
fn a_quarter_still_to_come_opens_its_outlook_not_last_years_quarter() {
    // ICE, MED, NBR, SBH: `Looking to the fourth quarter, …` on a third-quarter call had
    // dated the results after it as the fourth quarter of the year before.
    let figs = figures_of(&[
        "Looking to the fourth quarter, we expect adjusted operating expenses to be between $737 million and $747 million.",
        "These strong cash flows have enabled us to reduce leverage to under 3.25 times at the end of September.",
        "With respect to Q4, this equates to reducing revenues by $10 million in our lens business.",
    ]);
    assert_eq!(
        figure(&figs, "between $737 million and $747 million").period.key(),
        "2024-Q4"
    );
    let leverage = figure(&figs, "3.25 times");
    assert_eq!(
        (leverage.kind, leverage.period.key().as_str()),
        (Kind::Actual, "2024-Q3")
    );
    assert_eq!(
        figure(&figs, "$10 million").scope,
        Scope::Item,
        "an impact, not a revenue forecast"
    );
}

#[test]
fn a_basis_said_after_a_figure_is_not_a_later_levels() {
    let figs = figures_of(&[
        "As a company, we delivered GAAP earnings per share of $0.95, $0.83 on an adjusted basis on $232 million in revenue, an increase of nearly 10% from Q3 last year.",
        "Earnings per share were $4.02 on a reported basis, down approximately 3% versus the prior year.",
    ]);
    assert_eq!(label(&figs, "$0.83").as_deref(), Some("Adjusted EPS"));
    assert_eq!(label(&figs, "$232 million").as_deref(), Some("Revenue"));
    assert_eq!(label(&figs, "10%").as_deref(), Some("Revenue"));
    // A change said right after the figure is on its basis.
    assert_eq!(label(&figs, "3%").as_deref(), Some("GAAP EPS"));
}

#[test]
fn an_amount_restated_per_share_is_not_the_per_share_figure() {
    // The scale word of the net income was dropped: `$48.9` is no EPS.
    let figs = figures_of(&[
        "Net income attributed to the company was $48.9 or $0.32 per diluted common share compared to $38.1 million or $0.25 per diluted common share in the third quarter of 2023.",
    ]);
    assert_eq!(label(&figs, "$48.9"), None);
    assert_eq!(label(&figs, "$0.32").as_deref(), Some("EPS"));
    // Without the restatement a small amount of an amount metric is still per share.
    let figs = figures_of(&["Net income was $0.45 in the quarter."]);
    assert_eq!(label(&figs, "$0.45").as_deref(), Some("EPS"));
}

#[test]
fn a_figure_the_transcriber_marked_unsure_never_heads_a_row_over_another() {
    let figs = figures_of(&[
        "We achieved GAAP earnings per share of $0.97 for adjusted earnings per share of $1.1 [Phonetic] and our best free cash flow quarter.",
        "Adjusted earnings per share was $1.01 this quarter, compared to $1.09 last year.",
    ]);
    let row = figs.headline.iter().find(|r| r.label == "Adjusted EPS");
    assert_eq!(row.map(|r| r.value.as_str()), Some("$1.01"), "{:?}", figs.headline);
    // Alone, it is still what the call said.
    let alone = figures_of(&["Adjusted earnings per share was $1.1 [Phonetic] this quarter."]);
    assert_eq!(alone.headline.first().map(|r| r.value.as_str()), Some("$1.1"));
}

#[test]
fn a_basis_word_right_before_a_figure_is_its_basis() {
    let figs = figures_of(&[
        "We earned an adjusted $1.44 per diluted share for the third quarter.",
        "Earnings per share were $0.38, down 46% from last year's adjusted $0.71.",
    ]);
    assert_eq!(label(&figs, "$1.44").as_deref(), Some("Adjusted EPS"));
    // A prior period before the basis word still makes the figure a base.
    assert_eq!(figure(&figs, "$0.71").kind, Kind::Prior);
    assert_eq!(label(&figs, "$0.71").as_deref(), Some("Adjusted EPS"));
}

#[test]
fn what_a_verb_reports_is_of_no_period_that_has_not_begun() {
    // LUV: an outlook passage's year had dated the quarter's adjusted results.
    let figs = figures_of(&[
        "Looking at 2026, we expect unit costs to be down as compared to 2025.",
        "These initiatives are expected to deliver incremental EBIT of $1 billion to $1.5 billion in 2026.",
        "And excluding special items, we reported an $85 million profit or $0.14 per diluted share.",
        "We have good line of sight on achieving a 5% base sales growth CAGR.",
    ]);
    assert_eq!(figure(&figs, "$0.14").period.key(), "2024-Q3");
    // A target said in the passage keeps the passage's year.
    assert_eq!(figure(&figs, "5%").period.key(), "2026");
}

#[test]
fn an_increase_in_a_metric_to_a_figure_is_the_new_level() {
    let figs = figures_of(&[
        "The increase in the dividend to $0.13 per share is consistent with our intention.",
        "The increase in revenue was $5 million.",
    ]);
    // OXY: the table had shown the new dividend as a rise of $0.13.
    assert!(!figure(&figs, "$0.13").change);
    assert!(figure(&figs, "$5 million").change);
}

#[test]
fn a_year_before_the_word_guidance_dates_the_forecast() {
    // OGS: `our 2020 financial guidance` had dated the year's ranges as next quarter's.
    let figs = figures_of(&[
        "Yesterday, we announced that we updated our 2024 financial guidance, with net income and earnings per diluted share expected to be near the upper end of the ranges, which are $186 million to $198 million for net income, and $3.44 to $3.68 for earnings per share.",
    ]);
    assert_eq!(figure(&figs, "$3.44 to $3.68").period.key(), "2024");
    assert_eq!(figure(&figs, "$186 million to $198 million").period.key(), "2024");
}

#[test]
fn a_forecast_change_given_as_a_range_leads_its_row() {
    // AXP: an aspiration `in excess of 10%` had stood beside the year's guidance.
    let figs = figures_of(&[
        "In 2025, we aspire to achieve revenue growth in excess of 10%.",
        "We have given 2025 guidance of revenue growth of 18% to 20%.",
    ]);
    let row = figs.headline.iter().find(|r| r.label == "Revenue guidance");
    assert_eq!(
        row.map(|r| r.change.as_str()),
        Some("+18% – +20%"),
        "{:?}",
        figs.headline
    );
}

#[test]
fn a_row_shows_its_change_as_precisely_as_it_was_stated() {
    // FUL: the opening's `15%` had stood for the CFO's `15.4%`.
    let figs = figures_of(&[
        "Last evening, we reported strong third quarter results, including 15% year-over-year revenue growth.",
        "For the quarter, revenue was up 15.4% versus the same period last year.",
    ]);
    let row = figs.headline.iter().find(|r| r.label == "Revenue");
    assert_eq!(
        row.map(|r| r.change.as_str()),
        Some("+15.4% YoY"),
        "{:?}",
        figs.headline
    );
}

#[test]
fn a_forecast_restated_or_praised_is_still_the_forecast() {
    let figs = figures_of(&[
        "Based on our updated forecast, we plan for a new earnings per share record of between $2.57 and $2.73.",
        "I would just note that on a post-split basis, this adjusted diluted earnings per share guidance would be $0.45 to $0.47.",
        "If exchange rates were at the same level as when we gave guidance last quarter, our fourth quarter revenue guidance range would be $90 million higher.",
        "We added new revenue of $5 million.",
    ]);
    // DCI, APH: both had been read as parts and left the table.
    assert_eq!(figure(&figs, "between $2.57 and $2.73").scope, Scope::Total);
    assert_eq!(figure(&figs, "$0.45 to $0.47").scope, Scope::Total);
    // A what-if about the forecast stays one.
    assert_eq!(figure(&figs, "$90 million").scope, Scope::Item);
    assert_eq!(figure(&figs, "$5 million").scope, Scope::Item);
}

#[test]
fn a_loss_restated_per_share_is_a_loss_per_share() {
    // Ashford, VLO, PMT, MFA, OIS: the tables had shown these losses as positive EPS.
    let figs = figures_of(&[
        "For the third quarter, we reported a net loss attributable to common stockholders of $25.2 million or $0.73 per diluted share.",
        "For the quarter, we reported a loss of $18.1 million or $0.44 per diluted share.",
    ]);
    assert_eq!(label(&figs, "$25.2 million").as_deref(), Some("Net loss"));
    assert_eq!(label(&figs, "$0.73").as_deref(), Some("Loss per share"));
    assert_eq!(figure(&figs, "$0.73").value, Some(-0.73));
    assert_eq!(label(&figs, "$0.44").as_deref(), Some("Loss per share"));
}

#[test]
fn what_adds_to_a_metric_or_moves_it_in_the_present_is_a_part() {
    let figs = figures_of(&[
        "Our growth is comprised of a 3.75% improvement in our same-property NOI and that adds $0.35 per share.",
        "A change in our assumption for short-term rates of 50 basis points either way impacts our projected earnings by $0.06 per share.",
        "First, organic growth is now expected to add nearly $1.6 billion in sales.",
    ]);
    // BXP's and DAN's tables had shown these as EPS and revenue guidance.
    for text in ["$0.35", "$0.06", "$1.6 billion"] {
        assert_eq!(figure(&figs, text).scope, Scope::Item, "{text}");
    }
}

#[test]
fn an_unnamed_per_share_forecast_is_of_the_earnings_measure_the_sentence_named() {
    // Eastgroup: the REIT's FFO guidance had been labelled EPS.
    let figs = figures_of(&[
        "I'm happy to finish the quarter at $1.77 per share in FFO and raise annual guidance to $6.93 per share.",
        "Book value per share declined $1.32, principally from economic losses on the portfolio of $48 million or $1.49 per common share.",
        "We raised our annual guidance to $2.10 per share.",
    ]);
    assert_eq!(label(&figs, "$6.93").as_deref(), Some("FFO per share"));
    // A balance per share names no earnings.
    assert_ne!(label(&figs, "$1.49").as_deref(), Some("Book value per share"));
    assert_eq!(label(&figs, "$2.10").as_deref(), Some("EPS"));
}

#[test]
fn a_negative_level_restated_per_share_is_a_loss_per_share_and_gains_and_losses_have_no_sign() {
    let figs = figures_of(&[
        "Our GAAP earnings were negative $63.4 million or $0.52 per common share.",
        "We announced net income excluding all investment gains and losses of $124 million or $0.42 per share.",
    ]);
    // MFA, Great Ajax (Refinitiv): positive EPS beside a net loss.
    assert_eq!(figure(&figs, "$0.52").value, Some(-0.52));
    // ORI: an exclusion of gains and losses had made the net income a loss.
    assert_eq!(figure(&figs, "$124 million").value, Some(124_000_000.0));
    assert_eq!(figure(&figs, "$0.42").value, Some(0.42));
}

#[test]
fn sums_since_listing_sensitivities_and_look_alike_phrases_are_no_results() {
    let figs = figures_of(&[
        "And since initial public offering, the company has declared $64.33 in dividends per share.",
        "Rising rates will weigh on core FFO per share by approximately $0.02 for full year 2024.",
        "We also have the 8.5% occupancy cost ratio that Steve referenced.",
        "We completed over $110 million in sales transactions during the quarter.",
        "Our total burn rate, including debt service, was approximately $17 million.",
    ]);
    // Orchid, National Storage, Tanger, Brixmor (Refinitiv) had shown each as a row.
    assert_eq!(figure(&figs, "$64.33").scope, Scope::Item);
    assert_eq!(figure(&figs, "$0.02").scope, Scope::Item);
    assert_eq!(label(&figs, "8.5%"), None);
    assert_eq!(label(&figs, "$110 million"), None);
    assert_ne!(label(&figs, "$17 million").as_deref(), Some("Debt"));
}

#[test]
fn a_rate_set_against_last_years_rate_is_no_growth_of_the_amount() {
    let figs = figures_of(&[
        "As a percent of net sales, our SG&A was 35% compared to 32.7% in the prior year quarter.",
        "Net turnover for the third quarter was 51% versus 47% last year.",
        "Revenue grew 5% versus 3% last year.",
    ]);
    // Ratios of another amount, not growth of SG&A or of revenue.
    for text in ["35%", "32.7%", "51%", "47%"] {
        assert_eq!(label(&figs, text), None, "{text}");
    }
    assert!(figure(&figs, "5%").change);
    assert_eq!(label(&figs, "5%").as_deref(), Some("Revenue"));
}

/// The period a figure was given, as its key (`2024-Q4`, `2024`).
fn period_of(figs: &Figures, text: &str) -> String {
    figure(figs, text).period.key()
}

#[test]
fn a_passage_about_the_year_dates_its_undated_figures_on_a_year_end_call() {
    // One sentence a paragraph, as ECTSum gives calls, and one paragraph, as a speaker says it.
    let sentences = [
        "Fiscal 2024 recurring revenues increased 10% to $3.3 billion.",
        "Higher revenues and higher margins drove 13% adjusted earnings per share growth to $5.66.",
        "In the fourth quarter, revenues rose 15% year-over-year to $1.1 billion.",
        "Adjusted earnings per share grew 2% to $2.19.",
    ];
    for figs in [
        figures_of_fourth_quarter(&sentences),
        figures_of_fourth_quarter(&[&sentences.join(" ")]),
    ] {
        assert_eq!(period_of(&figs, "$5.66"), "FY2024");
        assert_eq!(period_of(&figs, "$2.19"), "2024-Q4");
    }
    // A sentence without figures frames the year's results, and one naming the quarter
    // ends the passage.
    let figs = figures_of_fourth_quarter(&[
        "Our strategies combined to deliver outstanding results in 2024.",
        "We more than doubled adjusted operating income per share to $6.32 per share.",
        "Now let's discuss the fourth quarter.",
        "Adjusted operating income per share was $3.88.",
    ]);
    assert_eq!(period_of(&figs, "$6.32"), "2024");
    assert_eq!(period_of(&figs, "$3.88"), "2024-Q4");
    // The year named after the figures of a sentence that names the quarter too.
    let figs = figures_of_fourth_quarter(&[
        "For the full year, revenue was $8.1 billion.",
        "Adjusted earnings per share was $1.69 and GAAP earnings per share was $2.40 for the quarter.",
    ]);
    assert_eq!(period_of(&figs, "$1.69"), "2024-Q4");
    // `annual` describing a rate frames nothing.
    let figs = figures_of_fourth_quarter(&[
        "Results benefited from performance relative to our targeted annual return of 10%, adding $73 million.",
        "Net income totaled $143 million.",
    ]);
    assert_eq!(period_of(&figs, "$143 million"), "2024-Q4");
    // Only a year-end call has a year of its own to talk about.
    let figs = figures_of(&[
        "Fiscal 2024 revenue increased 10% to $3.3 billion.",
        "Adjusted EPS was $1.21.",
    ]);
    assert_eq!(period_of(&figs, "$1.21"), "2024-Q3");
}

#[test]
fn respectively_pairs_periods_and_figures_in_order() {
    let figs = figures_of_fourth_quarter(&[
        "Fourth quarter and full year 2024 EBITDA was approximately $600 million and $2 billion, respectively.",
        "As a result, our adjusted earnings per share were $2.22 and $0.51 for full year 2024 and the fourth quarter respectively.",
    ]);
    assert_eq!(period_of(&figs, "$600 million"), "2024-Q4");
    assert_eq!(period_of(&figs, "$2 billion"), "2024");
    assert_eq!(period_of(&figs, "$2.22"), "2024");
    assert_eq!(period_of(&figs, "$0.51"), "2024-Q4");
    // The periods of the bases compared with are not the figures'.
    let figs = figures_of(&[
        "RevPAR declined 4.4% and 18.7% as compared to the same quarters of both 2023 and 2022 respectively.",
    ]);
    assert_eq!(period_of(&figs, "4.4%"), "2024-Q3");
    assert_eq!(period_of(&figs, "18.7%"), "2024-Q3");
    let figs = figures_of(&["Our third quarter ADR exceeds comparable 2023 and 2022 by 7% and 15%, respectively."]);
    assert_eq!(period_of(&figs, "7%"), "2024-Q3");
}

#[test]
fn annual_takes_the_year_the_sentence_names_before_it() {
    let figs = figures_of(&[
        "To put this in perspective, at the conclusion of our plan in fiscal 2027, we envision we will generate annual revenue of approximately $9 billion.",
        "Year-to-date earnings of $15.34 per diluted share are more than double 2018's record annual earnings of $7.42 per diluted share.",
    ]);
    let target = figure(&figs, "$9 billion");
    assert_eq!(
        (target.kind, target.period.key()),
        (Kind::Guidance, "FY2027".to_string())
    );
    let record = figure(&figs, "$7.42");
    assert_ne!(record.kind, Kind::Guidance);
    assert_eq!(record.period.key(), "2018");
    let figs = figures_of(&[
        "Our cash generation supports our $500 million annual common dividend and our $400 million senior notes, which are due in September of 2025.",
    ]);
    assert_ne!(
        figure(&figs, "$500 million").kind,
        Kind::Guidance,
        "a year named after `annual` is another's"
    );
}

#[test]
fn what_is_left_out_of_a_metric_is_a_part() {
    let figs = figures_of(&[
        "Purchase intangible amortization is excluded from adjusted earnings per share and is estimated at $24 million on a pre-tax basis or $0.79 per share in 2025.",
        "Third quarter adjusted results exclude charges of $28 million after-tax or $0.31 per share associated with the exit of our collision parts business and an unrealized loss of $2 million after-tax or $0.02 per share.",
    ]);
    for text in ["$24 million", "$0.79", "$28 million", "$0.31", "$2 million", "$0.02"] {
        assert_eq!(figure(&figs, text).scope, Scope::Item, "{text}");
    }
    // What states the metric itself, or a main verb after a clause of what it leaves out.
    let figs = figures_of(&[
        "Adjusted earnings per share, which excludes the impact of the sale, was $1.20.",
        "Organic revenue, which excludes the net impact of M&A activity increased by 4.3%.",
        "On an adjusted basis, which excludes items affecting comparability, we had net income of $86 million.",
    ]);
    for text in ["$1.20", "4.3%", "$86 million"] {
        assert_eq!(figure(&figs, text).scope, Scope::Total, "{text}");
    }
}

#[test]
fn a_driver_of_a_per_share_result_is_not_the_result() {
    let figs = figures_of(&[
        "At the midpoint of our guidance, we expect growth from our acquisitions and development of $0.62 per share, offset by higher interest expense of $0.69.",
        "The diluted per share increase was partially offset by a decrease in customer usage of $0.08 per share.",
    ]);
    for text in ["$0.62", "$0.08"] {
        assert_ne!(label(&figs, text).as_deref(), Some("EPS"), "{text}");
    }
    // A contribution named far before the figure is the reason, not the figure.
    let figs = figures_of(&[
        "The contribution from Energy Services enabled us to increase our guidance for fiscal 2025 for the second time this year to a range of $2.05 to $2.15 per share.",
    ]);
    assert_eq!(label(&figs, "$2.05 to $2.15").as_deref(), Some("EPS"));
}

#[test]
fn a_months_performance_is_not_the_quarters() {
    let figs = figures_of(&[
        "Preliminary October RevPAR of $130 for our comparable portfolio is another new high.",
        "In September, our total portfolio generated occupancy of approximately 75% and ADR of $196.",
    ]);
    for text in ["$130", "75%", "$196"] {
        assert_eq!(figure(&figs, text).scope, Scope::Item, "{text}");
    }
    // What a board decides in a month, a dated event, and a quarter named by its month
    // are the quarter's.
    let figs = figures_of(&[
        "In March, we distributed a $0.38 per share cash dividend to our shareholders.",
        "In August 2024, our Board approved a 4% increase in our quarterly cash dividend.",
        "In the September quarter, revenue was $5.1 billion.",
    ]);
    for text in ["$0.38", "4%", "$5.1 billion"] {
        assert_ne!(figure(&figs, text).scope, Scope::Item, "{text}");
    }
}

#[test]
fn a_sentence_about_one_property_tells_its_figures() {
    let figs = figures_of(&[
        "The property is expected to generate EBITDA margins of over 55% in our first year of ownership.",
        "The hotel's occupancy was approximately 90% in the quarter.",
        "The property management segment's revenue was $12 million.",
    ]);
    assert_eq!(figure(&figs, "55%").scope, Scope::Item);
    assert_eq!(figure(&figs, "90%").scope, Scope::Item);
    assert_ne!(
        figure(&figs, "$12 million").scope,
        Scope::Item,
        "a segment named after `property`"
    );
}

#[test]
fn a_per_share_figure_of_a_named_thing_is_that_things() {
    let figs = figures_of(&[
        "Included in our results are approximately $1 million or $0.01 per share of property expenses associated with the hurricane.",
        "Our non-GAAP earnings include $4 million or $0.10 per share of COVID related costs.",
    ]);
    for text in ["$0.01", "$0.10"] {
        assert_eq!(label(&figs, text), None, "{text}");
    }
    let figs = figures_of(&["We earned $1.62 per share of adjusted net income in the quarter."]);
    assert!(label(&figs, "$1.62").is_some(), "a metric after `of` still names it");
}

#[test]
fn a_driver_test_never_cuts_a_character() {
    // 60 bytes before the figure fall inside a two-byte character.
    let text = format!(
        "{}é results were offset by growth from Japan of $0.62 per share.",
        "é".repeat(40)
    );
    let figs = figures_of(&[&text]);
    assert_ne!(label(&figs, "$0.62").as_deref(), Some("EPS"));
}

#[test]
fn a_segment_discussed_is_the_passages_segment() {
    // `discuss` opens a passage as `turning to` does (COF: the commercial bank's revenue
    // growth had been shown as the company's).
    let figs = figures_of(&[
        "Our consumer banking business and our commercial banking business both grew.",
        "Total revenue was $7.1 billion, down 3% from the prior-year quarter.",
        "I'll discuss our commercial banking business.",
        "Third-quarter revenue was up 4% from the prior-year quarter.",
    ]);
    assert_eq!(label(&figs, "$7.1 billion").as_deref(), Some("Revenue"));
    assert_eq!(label(&figs, "4%").as_deref(), Some("Commercial banking revenue"));
}

#[test]
fn a_topic_that_names_a_metric_or_no_name_is_no_segment() {
    let figs = figures_of(&[
        "Now let me discuss SG&A.",
        "Revenue grew 6% to $2.1 billion.",
        "Now let's review the business segments.",
        "Operating income was $310 million.",
        "Now let's discuss the revenue growth by segment for the quarter.",
        "Net income was $201 million.",
    ]);
    assert_eq!(label(&figs, "$2.1 billion").as_deref(), Some("Revenue"));
    assert_eq!(label(&figs, "$310 million").as_deref(), Some("Operating income"));
    assert_eq!(label(&figs, "$201 million").as_deref(), Some("Net income"));
}

#[test]
fn a_topic_naming_two_segments_is_the_companys() {
    // RE: `our group reinsurance and insurance results` had opened a reinsurance passage.
    let figs = figures_of(&[
        "Our Reinsurance segment and our Insurance segment both had a strong quarter.",
        "I will now discuss our group reinsurance and insurance third quarter results.",
        "We grew gross written premiums by 35%.",
        "Moving to our Clean Energy segment.",
        "Revenue was $518 million for the third quarter.",
    ]);
    assert_eq!(label(&figs, "35%").as_deref(), Some("Premiums written"));
    assert_eq!(label(&figs, "$518 million").as_deref(), Some("Clean Energy revenue"));
}

#[test]
fn a_longer_segment_name_holds_a_shorter_one() {
    let figs = figures_of(&[
        "Our Clean Energy business and our Clean Energy and Infrastructure segment grew.",
        "Moving to our Clean Energy and Infrastructure segment.",
        "Revenue was $518 million for the third quarter.",
    ]);
    assert_eq!(
        label(&figs, "$518 million").as_deref(),
        Some("Clean Energy and Infrastructure revenue")
    );
}

#[test]
fn an_amount_given_to_a_metric_is_an_effect_on_it() {
    let figs = figures_of(&[
        "Supply chain disruptions negatively impacted our financial results; approximately a $75 million impact to revenue and $35 million to operating profit in the quarter.",
        "Company revenue was up slightly to a third quarter record of $1.06 billion.",
        "Favorable items added 4.1 percentage points to operating margins and $0.89 to earnings per share.",
        "In the third quarter, we paid $242 million in dividends and allocated $250 million to share repurchases.",
        "Net debt to EBITDA was 2.1 times, and leverage at 0.7 times to adjusted EBITDA.",
    ]);
    assert_eq!(figure(&figs, "$35 million").scope, Scope::Item);
    assert_eq!(figure(&figs, "$0.89").scope, Scope::Item);
    assert_eq!(figure(&figs, "$1.06 billion").scope, Scope::Total);
    // What went to a use of cash is no effect on it.
    assert_eq!(figure(&figs, "$250 million").scope, Scope::Total);
    assert_eq!(figure(&figs, "0.7 times").scope, Scope::Total);
}

#[test]
fn what_the_company_continues_to_generate_is_a_result() {
    let figs = figures_of(&[
        "We also continue to generate strong cash flow, generating $300 million in cash from operations in the third quarter, which is up from $28 million in the third quarter last year.",
        "We expect to continue to generate free cash flow of $900 million this year.",
    ]);
    let result = figure(&figs, "$300 million");
    assert_eq!(result.kind, Kind::Actual);
    assert_eq!(result.period.key(), "2024-Q3");
    assert_eq!(figure(&figs, "$900 million").kind, Kind::Guidance);
}

#[test]
fn what_the_company_was_able_or_enabled_to_generate_is_a_result() {
    let figs = figures_of(&[
        "As a result, we were able to generate $210 million in free cash flow during the quarter.",
        "Strong execution enabled us to deliver an adjusted EBITDA of $119.4 million.",
        "These actions also allowed Tennant to generate cash flow from operations of $133.8 million.",
        "We were still however able to generate $106 million in operating cash.",
        "We will be able to generate $900 million of free cash flow next year.",
    ]);
    for text in ["$210 million", "$119.4 million", "$133.8 million", "$106 million"] {
        assert_eq!(figure(&figs, text).kind, Kind::Actual, "{text}");
    }
    assert_eq!(figure(&figs, "$900 million").kind, Kind::Guidance);
}

#[test]
fn a_dividend_the_board_declared_is_its_act_for_the_quarter_it_names() {
    // The call is the third quarter of 2024.
    let figs = figures_of(&[
        "We expect to continue to grow our business next year. The Board has approved a Q1 dividend of $0.12 per share as we return cash to shareholders.",
        "Yesterday, the Board of Directors declared a fourth quarter 2024 dividend of $0.25 per share, which is payable on December 17th.",
        "Our Board declared a dividend of $0.61 and we will resume our normal annual reassessment of that dividend in April.",
        "We expect to increase our dividend by around 20% to $0.52 in the first quarter.",
    ]);
    let q1 = figure(&figs, "$0.12");
    assert_eq!((q1.kind, q1.period.key().as_str()), (Kind::Actual, "2025-Q1"));
    let q4 = figure(&figs, "$0.25");
    assert_eq!((q4.kind, q4.period.key().as_str()), (Kind::Actual, "2024-Q4"));
    assert_eq!(figure(&figs, "$0.61").kind, Kind::Actual);
    assert_eq!(figure(&figs, "$0.52").kind, Kind::Guidance);
}

#[test]
fn the_period_of_a_reason_is_not_the_forecasts() {
    let figs = figures_of(&[
        "Given our year-to-date results and outlook for the fourth quarter, we are reducing our constant currency revenue growth to a range of 8% to 9% from 8.5% to 9.75% previously.",
        "Based on results for the first nine months of the year, we now expect core net operating earnings in 2024 to be in the range of $10.10 to $10.70, up from our previous range of $8.40 to $9.20 per share.",
        "Given our strong first half performance, cash flow from operations was $50 million.",
    ]);
    assert_eq!(figure(&figs, "8% to 9%").period.key(), "2024");
    assert_eq!(figure(&figs, "8.5% to 9.75%").period.key(), "2024");
    assert_eq!(figure(&figs, "$8.40 to $9.20").period.key(), "2024");
    // A result shares the period of its reason.
    assert_eq!(figure(&figs, "$50 million").period.key(), "2024-H1");
}

#[test]
fn guidance_given_on_an_earlier_call_dates_no_outlook() {
    let figs = figures_of(&[
        "Relative to guidance provided at the time of our Q2 earnings report, we saw a greater pause in elective procedures.",
        "We expect revenue growth of 8% to 9%.",
    ]);
    assert_eq!(figure(&figs, "8% to 9%").period.key(), "2024-Q4");
}

#[test]
fn only_between_a_direction_and_its_figure_keeps_the_change() {
    let figs = figures_of(&[
        "Systemwide domestic RevPAR outperformed the industry by nearly 20 percentage points, declining only 28.8% from the third quarter of 2019.",
        "On an adjusted basis, SG&A was $46.7 million, up only $0.2 million from the prior year quarter.",
    ]);
    let revpar = figure(&figs, "28.8%");
    assert_eq!(revpar.metric.as_deref(), Some("RevPAR"));
    assert!(revpar.change);
    let sga = figure(&figs, "$0.2 million");
    assert!(sga.change && sga.kind == Kind::Change);
}

#[test]
fn a_margin_that_narrowed_is_a_result_a_range_narrowed_a_forecast() {
    let figs = figures_of(&[
        "The reported net interest margin narrowed 12 basis points to 2.75% as higher average cash balances weighed on it.",
        "We narrowed our adjusted EPS guidance to a range of $4.10 to $4.20.",
    ]);
    let margin = figure(&figs, "2.75%");
    assert_eq!(
        (margin.kind, margin.label.as_deref()),
        (Kind::Actual, Some("GAAP net interest margin"))
    );
    let moved = figure(&figs, "12 basis points");
    assert_eq!((moved.kind, moved.direction), (Kind::Change, Some(Direction::Down)));
    assert_eq!(figure(&figs, "$4.10 to $4.20").kind, Kind::Guidance);
}

#[test]
fn capital_raising_raises_no_forecast() {
    let figs = figures_of(&["Capital raising posted revenue of $158 million, which was up 42%."]);
    assert_eq!(figure(&figs, "$158 million").kind, Kind::Actual);
}

#[test]
fn a_bare_per_share_figure_is_the_calls_per_share_measure() {
    let figs = figures_of(&[
        "Core FFO per share was $0.58, at the midpoint of guidance.",
        "We are increasing our guidance to a tightened range of $2.30 to $2.40 per share.",
        "Our net income totaled $900,000 or $0.01 per diluted share.",
    ]);
    assert_eq!(figure(&figs, "$2.30 to $2.40").metric.as_deref(), Some("FFO per share"));
    assert_eq!(figure(&figs, "$0.01").metric.as_deref(), Some("EPS"));
    // Named in the sentence but taken by no figure.
    let figs = figures_of(&[
        "FFO per share as adjusted for comparability of $0.58 keeps us on track to achieve the midpoint of our expected annual results of $2.35 per share.",
    ]);
    assert_eq!(figure(&figs, "$2.35").metric.as_deref(), Some("FFO per share"));
}

#[test]
fn a_compound_annual_growth_names_no_segment() {
    let figs = figures_of(&["We continue to expect compound annual FFO growth of 4% or greater from 2025 to 2028."]);
    let f = figure(&figs, "4%");
    assert_eq!((f.segment.as_deref(), f.scope), (None, Scope::Item));
}

#[test]
fn positive_says_the_sign_and_operating_leverage_is_no_debt_ratio() {
    let figs = figures_of(&[
        "This enabled DiamondRock to generate $0.10 of positive adjusted FFO per share.",
        "We generated positive free cash flow of $90 million in the quarter.",
        "We delivered positive operating leverage of 2% year-over-year.",
    ]);
    for text in ["$0.10", "$90 million"] {
        let f = figure(&figs, text);
        assert_eq!((f.scope, f.kind), (Scope::Total, Kind::Actual), "{text}");
    }
    assert_eq!(figure(&figs, "2%").metric, None);
}

#[test]
fn a_division_or_operations_named_after_the_metric_is_its_segment() {
    let figs = figures_of(&[
        "Retail commercial growth varied by region, with premiums up 36.5% in our European division.",
        "Pre-tax income from our homebuilding operations was $142.3 million.",
        "Our revenue of $48.2 million was driven by very strong performance in our North America operations.",
        "Net income from continuing operations was $12 million.",
    ]);
    assert_eq!(figure(&figs, "36.5%").segment.as_deref(), Some("European"));
    assert_eq!(figure(&figs, "$142.3 million").segment.as_deref(), Some("homebuilding"));
    for text in ["$48.2 million", "$12 million"] {
        assert_eq!(figure(&figs, text).scope, Scope::Total, "{text}");
    }
}

#[test]
fn cash_rent_is_no_cash() {
    let figs = figures_of(&[
        "We generated $47.6 million of cash rental income in the third quarter.",
        "We've averaged 12.7% GAAP rent growth and 1.2% cash rent growth.",
        "At September 30, we held $37 million of cash.",
    ]);
    for text in ["$47.6 million", "1.2%"] {
        assert_ne!(figure(&figs, text).metric.as_deref(), Some("cash"), "{text}");
    }
    assert_eq!(figure(&figs, "$37 million").metric.as_deref(), Some("cash"));
}

#[test]
fn a_number_of_things_is_no_amount_of_money() {
    let figs = figures_of(&[
        "At September 30, we held $37 million of cash and had 2.6 million shares under forward sales agreements.",
        "Last quarter, we generated adjusted EBITDA of $1.5 billion on 3.4 million tons of steel shipments.",
        "Our board authorized a new 1.5 billion share buyback program.",
    ]);
    for text in ["2.6 million", "3.4 million"] {
        assert_eq!(figure(&figs, text).metric, None, "{text}");
    }
    assert_eq!(
        figure(&figs, "1.5 billion").metric.as_deref(),
        Some("repurchase authorization")
    );
}

#[test]
fn an_amount_before_a_metric_and_a_direction_is_a_change() {
    let figs = figures_of(&[
        "Adjusted operating margin declined 60 basis points on a $71.4 million revenue decrease versus the third quarter of 2023.",
        "Our $9.9 million revenue increase was due to higher customer usage.",
        "Revenue was $924 million.",
    ]);
    assert!(figure(&figs, "$71.4 million").change);
    assert!(figure(&figs, "$9.9 million").change);
    assert!(!figure(&figs, "$924 million").change);
}

#[test]
fn a_period_after_the_figures_own_metric_is_the_figures() {
    let figs = figures_of(&[
        "We remain on track to spend $2.4 billion to $2.5 billion of capital expenditures this fiscal year.",
        "CapEx spend during the third quarter was approximately $25 million, and we currently anticipate deploying approximately $100 million to $110 million in capital expenditures in 2025.",
        "We anticipate spending $250 million to $270 million on capital expenditures in the year to support growth.",
        "Total revenue increased 8%, as we eclipsed $1.5 billion of quarterly revenue for the first half.",
    ]);
    assert_eq!(figure(&figs, "$2.4 billion to $2.5 billion").period.key(), "FY2024");
    assert_eq!(figure(&figs, "$25 million").period.key(), "2024-Q3");
    assert_eq!(figure(&figs, "$100 million to $110 million").period.key(), "2025");
    assert_eq!(figure(&figs, "$250 million to $270 million").period.key(), "2024");
    // A metric that says its own span keeps the figure's period.
    assert_eq!(figure(&figs, "$1.5 billion").period.key(), "2024-Q3");
}

#[test]
fn the_per_share_value_of_a_thing_no_metric_names_is_a_part() {
    let figs = figures_of(&[
        "We recorded LIFO income of $12.5 million or $0.15 of earnings per diluted share in the third quarter.",
        "These results include favorable discrete tax items of $135 million or $0.30 per share for the quarter.",
        "This compares with a loss of $17 million or $0.19 per share for the third quarter of 2023.",
        "The company had a GAAP loss in the third quarter of $28.8 million or $1.55 per share.",
        "Rental revenue was $1.95 billion, that's an increase of $309 million or 19%.",
    ]);
    assert_eq!(figure(&figs, "$0.15").scope, Scope::Item);
    assert_eq!(figure(&figs, "$0.30").scope, Scope::Item);
    // The bottom line and a change stay what they are.
    assert_eq!(figure(&figs, "$0.19").scope, Scope::Total);
    assert_eq!(figure(&figs, "$1.55").scope, Scope::Total);
    assert_eq!(label(&figs, "$1.55").as_deref(), Some("Loss per share"));
    assert_eq!(figure(&figs, "19%").scope, Scope::Total);
}

#[test]
fn a_period_told_with_where_dates_what_follows() {
    let figs = figures_of_fourth_quarter(&[
        "Fourth quarter revenue grew over 14% to $1.7 billion, representing a great finish to our 2024 year, where revenue of $6.2 billion was accompanied by an adjusted earnings per share increase of 47% to $3.58.",
        "Cash flow from operations for the full year was $344 million, slightly up from fiscal 2023, where cash flow from operations was $328 million.",
        "We're also providing directional guidance regarding the first quarter, where we anticipate revenue growth of approximately 50%.",
    ]);
    assert_eq!(figure(&figs, "$1.7 billion").period.key(), "2024-Q4");
    assert_eq!(figure(&figs, "$3.58").period.key(), "2024");
    assert_eq!(figure(&figs, "$328 million").period.key(), "FY2023");
    let forecast = figure(&figs, "50%");
    assert_eq!(forecast.kind, Kind::Guidance);
    assert_eq!(forecast.period.key(), "2025-Q1");
}

#[test]
fn our_international_business_is_a_segment() {
    let figs = figures_of(&[
        "And our international business was also strong, with sales increasing 59% as countries began to reopen.",
        "Third-quarter sales were up 39% versus the prior year.",
        "Our tax business had a strong quarter, with revenue up 12%.",
    ]);
    assert_eq!(label(&figs, "59%").as_deref(), Some("International revenue"));
    assert_eq!(label(&figs, "39%").as_deref(), Some("Revenue"));
    // A lowercase word of another kind is as often the company itself.
    assert_eq!(label(&figs, "12%").as_deref(), Some("Revenue"));
}

#[test]
fn a_slide_named_first_leaves_the_topic_to_the_clause_after_it() {
    let figs = figures_of(&[
        "Our consumer banking business and our Commercial Banking business both grew.",
        "Total revenue was up 6% from the linked quarter.",
        "Moving to Slide 13, I'll discuss our Commercial Banking business.",
        "Third-quarter revenue was up 17 percent from the prior-year quarter.",
    ]);
    assert_eq!(label(&figs, "6%").as_deref(), Some("Revenue"));
    assert_eq!(
        label(&figs, "17 percent").as_deref(),
        Some("Commercial Banking revenue")
    );
}

#[test]
fn how_much_a_growth_rate_moved_is_no_growth_of_the_metric() {
    let figs = figures_of(&[
        "Our goal is to accelerate our organic revenue growth rate to the mid-single digit range, up approximately 50% versus our previous growth rate.",
        "Our investments will drive organic growth rates, almost 40% higher than today.",
        "We expect organic revenue growth of 4% to 5% in 2025.",
        "The Board approved setting the annual dividend rate at $1.45 per share, a 6% increase.",
    ]);
    assert_eq!(figure(&figs, "50%").scope, Scope::Item);
    assert_eq!(figure(&figs, "40%").scope, Scope::Item);
    assert_eq!(figure(&figs, "4% to 5%").scope, Scope::Total);
    assert_eq!(figure(&figs, "6%").scope, Scope::Total);
}

#[test]
fn a_bare_guidance_in_a_relative_clause_is_the_subjects() {
    let figs = figures_of(&[
        "With the stronger dollar, our revenues are expected to be negatively impacted by approximately $200 million, which has been reflected in our revised guidance range of $16.4 billion to $16.6 billion.",
        "We generated operating cash flow of approximately $158 million in the year, which was above our full year revised guidance range of $116 million to $136 million.",
    ]);
    let forecast = figure(&figs, "$16.4 billion to $16.6 billion");
    assert_eq!(forecast.label.as_deref(), Some("Revenue"));
    assert_eq!(forecast.kind, Kind::Guidance);
    // A forecast the result is set against is a base, never this call's forecast.
    assert_ne!(figure(&figs, "$116 million to $136 million").kind, Kind::Guidance);
}

#[test]
fn a_forecast_a_result_is_set_against_is_a_base() {
    let figs = figures_of(&[
        "We generated operating cash flow of approximately $158 million, which was above our full year revised guidance range of $116 million to $136 million.",
        "Third quarter earnings per share of $0.74 exceeded our outlook range of $0.47 to $0.49 by $0.26 at the midpoint.",
        "Earnings were $2.01 per diluted share, well above our outlook of $1.30 to $1.40 per diluted share but down 17.6% from $2.44 in the third quarter of 2023.",
        "We expect G&A to be within our guidance range of $80 million to $85 million in 2025.",
    ]);
    assert_eq!(figure(&figs, "$116 million to $136 million").kind, Kind::Prior);
    assert_eq!(figure(&figs, "$0.47 to $0.49").kind, Kind::Prior);
    let beat = figure(&figs, "$0.26");
    assert!(beat.change);
    assert_eq!(beat.comparison, Some(Comparison::Guidance));
    assert_eq!(figure(&figs, "$1.30 to $1.40").kind, Kind::Prior);
    assert_eq!(figure(&figs, "17.6%").kind, Kind::Change);
    // A forecast saying where the guidance lands stays a forecast.
    assert_eq!(figure(&figs, "$80 million to $85 million").kind, Kind::Guidance);
}

#[test]
fn a_rate_per_year_or_an_example_is_no_result() {
    let figs = figures_of(&[
        "Like I said, we have about $190 million of free cash flow annually.",
        "The NOI would grow by, let's say, 20% or 25%.",
        "Free cash flow was $60 million, compared with $45 million a year ago.",
        "We decreased our dividend by 9.8% to $1.85 per share annually.",
    ]);
    assert_eq!(figure(&figs, "$190 million").scope, Scope::Item);
    assert_eq!(figure(&figs, "20%").scope, Scope::Item);
    assert_eq!(figure(&figs, "$60 million").scope, Scope::Total);
    assert_eq!(figure(&figs, "$1.85").scope, Scope::Total);
}

#[test]
fn a_net_loss_attributable_to_common_shares_is_the_companys() {
    let figs = figures_of(&[
        "Net loss attributable to common shares for the quarter was approximately $156 million or $0.66 per diluted share.",
    ]);
    assert_eq!(label(&figs, "$156 million").as_deref(), Some("Net loss"));
    assert_eq!(label(&figs, "$0.66").as_deref(), Some("Loss per share"));
}

#[test]
fn a_guidance_raised_by_an_amount_at_the_midpoint_is_a_change() {
    let figs = figures_of(&[
        "That is one of the reasons we are again raising annual earnings guidance $0.12 at the midpoint.",
    ]);
    let moved = figure(&figs, "$0.12");
    assert!(moved.change);
    assert_eq!(moved.kind, Kind::Guidance);
}

#[test]
fn an_amount_of_a_metric_an_impact_falls_on_is_a_part() {
    let figs = figures_of(&[
        "We estimate that the sale will have a total annualized impact on our earnings per share of approximately $0.01.",
        "Currency will have a negative impact on revenues of 2% to 3%.",
        "Higher resin costs had a negative effect on operating profits of approximately $5 million.",
        "The decrease in cash includes the net effects of share repurchases of $1 billion.",
    ]);
    assert_eq!(figure(&figs, "$0.01").scope, Scope::Item);
    assert_eq!(figure(&figs, "2% to 3%").scope, Scope::Item);
    assert_eq!(figure(&figs, "$5 million").scope, Scope::Item);
    // What had the effect is no part of it.
    assert_eq!(figure(&figs, "$1 billion").scope, Scope::Total);
}

#[test]
fn a_forecast_moved_by_a_verb_is_a_change_of_the_forecast() {
    let figs = figures_of(&[
        "We increased the AFFO guidance to a range of $3.18 to $3.22 per share.",
        "The guidance midpoints for both the core FFO and AFFO were increased by $0.035.",
        "Meanwhile, our outlook for adjusted EBITDA is lowered by $5 million at the midpoint.",
        "Consistent with the guidance we provided last quarter, the NIM increased by 1 basis point this quarter to 2.33%.",
    ]);
    for moved in ["$0.035", "$5 million"] {
        let f = figure(&figs, moved);
        assert!(f.change, "{moved}");
        assert_eq!(f.kind, Kind::Guidance, "{moved}");
    }
    assert_eq!(figure(&figs, "1 basis point").kind, Kind::Change);
}
