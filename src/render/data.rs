//! The published JSON of a call: `call.json` (the whole model) and `figures.json`.

use serde::Serialize;

use crate::diagnostic::{Warning, WarningKind};
use crate::figures::headline::HeadlineRow;
use crate::figures::{Figure, Figures};
use crate::render::{to_safe_json, to_safe_json_pretty};
use crate::transcript::Call;

#[derive(Serialize)]
struct CallDocument<'a> {
    #[serde(flatten)]
    call: &'a Call,
    figures: &'a [Figure],
    headline: &'a [HeadlineRow],
}

#[derive(Serialize)]
struct FiguresDocument<'a> {
    schema_version: u32,
    ticker: &'a str,
    year: Option<i32>,
    quarter: Option<u8>,
    date: Option<&'a str>,
    figures: &'a [Figure],
    headline: &'a [HeadlineRow],
    warnings: Vec<&'a Warning>,
}

/// The call as `callpress parse --json` prints it: `call.json`, indented.
pub fn call_json_pretty(call: &Call, figures: &Figures) -> String {
    to_safe_json_pretty(&CallDocument {
        call,
        figures: &figures.figures,
        headline: &figures.headline,
    })
}

/// `call.json`: the call model with its figures and headline rows.
pub fn call_json(call: &Call, figures: &Figures) -> String {
    to_safe_json(&CallDocument {
        call,
        figures: &figures.figures,
        headline: &figures.headline,
    })
}

/// `figures.json`: just the figures, the headline and the warnings about figures.
pub fn figures_json(call: &Call, figures: &Figures) -> String {
    let m = &call.meta;
    to_safe_json(&FiguresDocument {
        schema_version: crate::transcript::model::SCHEMA_VERSION,
        ticker: &m.ticker,
        year: m.year,
        quarter: m.quarter,
        date: m.date.as_deref(),
        figures: &figures.figures,
        headline: &figures.headline,
        warnings: call
            .warnings
            .iter()
            .filter(|w| matches!(w.kind, WarningKind::TranslationMismatch | WarningKind::Conflict))
            .collect(),
    })
}
