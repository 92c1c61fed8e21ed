//! The metric vocabulary: every metric callpress names, the phrases that name it, what it
//! measures and how high it ranks in a headline table; a site adds its own in `site.toml`.
//!
//! A figure's metric always comes from here, never from the words around it, so a label
//! can only ever be built of vocabulary names, bases and the segment the call names.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// What a metric's value is, which decides which figures can state it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// An amount of money for a period or at a date (revenue, net income, cash).
    Amount,
    /// An amount per share (EPS, dividend per share, book value per share).
    PerShare,
    /// A percentage level (margins, tax rate, occupancy): points or bps are its changes.
    Ratio,
    /// A growth rate that is itself the metric (same-store sales, organic growth).
    Growth,
    /// A count of things (subscribers, homes delivered).
    Count,
    /// Money or a count (backlog, orders).
    AmountOrCount,
    /// A price of one unit (RevPAR, ARPU, CASM in cents).
    UnitPrice,
    /// A physical volume (production in barrels, Bcfe, tons).
    Volume,
    /// A multiple (leverage 2.5x).
    Multiple,
}

/// How early a metric comes in a headline table: what readers of an earnings call look
/// for first (EPS, revenue), then the industry's own measures, then the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// Earnings per share and its industry forms (FFO per share).
    Earnings,
    /// Total revenue.
    Revenue,
    /// Bottom-line profit and the measure an industry leads with (net interest income,
    /// same-store sales, ARR).
    Profit,
    /// Operating results, margins, cash flow, capital returns.
    Kpi,
    /// Everything else the vocabulary knows (balance sheet, costs, ratios).
    Other,
}

/// One metric of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricDef {
    /// Canonical name, as labels show it: `revenue`, `EPS`, `net income`.
    pub name: String,
    /// The name of a negative value: `net loss`, `loss per share`.
    pub loss_name: Option<String>,
    /// What its values are.
    pub measure: Measure,
    /// Where it ranks in a headline table.
    pub tier: Tier,
    /// The metric per share that a per-share figure of this one states (`net income` →
    /// `EPS`, `FFO` → `FFO per share`).
    pub per_share: Option<MetricId>,
    /// The basis such a per-share figure is on (`operating earnings of $0.78 per share`
    /// is operating EPS).
    pub per_share_basis: Option<Basis>,
}

/// Index of a metric in its [`Vocabulary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MetricId(pub u16);

/// A metric a site adds in `site.toml`:
///
/// ```toml
/// [[figures.metrics]]
/// name = "GMV"
/// phrases = ["gmv", "gross merchandise value", "gross merchandise volume"]
/// measure = "amount"   # amount, per-share, ratio, growth, count, amount-or-count, unit-price, volume, multiple
/// tier = "profit"      # earnings, revenue, profit, kpi, other
/// ```
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SiteMetric {
    /// Canonical name shown in labels.
    pub name: String,
    /// Phrases that name it in a transcript (case is ignored).
    pub phrases: Vec<String>,
    /// What its values are.
    pub measure: Measure,
    /// Where it ranks in a headline table; `kpi` when not given.
    #[serde(default = "default_site_tier")]
    pub tier: Tier,
}

fn default_site_tier() -> Tier {
    Tier::Kpi
}

/// A basis a metric is stated on: `adjusted EPS`, `non-GAAP operating income`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// As reported under GAAP (`GAAP`, `reported`, `as-reported`).
    Gaap,
    /// Adjusted (`adjusted`, `excluding items`).
    Adjusted,
    /// Non-GAAP.
    NonGaap,
    /// Core (`core EPS`, `core FFO`).
    Core,
    /// Operating (`operating earnings per share`).
    Operating,
    /// Normalized (`normalized FFO`).
    Normalized,
    /// Cash (`cash EPS`, `cash NOI`).
    Cash,
    /// Organic (`organic revenue growth`).
    Organic,
    /// Pro forma.
    ProForma,
    /// Comparable or underlying.
    Comparable,
    /// An average over the period (`average AUM`, `average loans`), not the balance at
    /// its end: a different measure of the same metric.
    Average,
}

impl Basis {
    /// The word a label uses: `adjusted`, `non-GAAP`.
    pub fn word(self) -> &'static str {
        match self {
            Basis::Gaap => "GAAP",
            Basis::Adjusted => "adjusted",
            Basis::NonGaap => "non-GAAP",
            Basis::Core => "core",
            Basis::Operating => "operating",
            Basis::Normalized => "normalized",
            Basis::Cash => "cash",
            Basis::Organic => "organic",
            Basis::ProForma => "pro forma",
            Basis::Comparable => "comparable",
            Basis::Average => "average",
        }
    }

    /// The basis a modifier word names (`adjusted`, `non-GAAP`, `reported`), if any.
    pub fn from_word(word: &str) -> Option<Basis> {
        let lower = word.to_ascii_lowercase();
        Some(match lower.trim_matches('-') {
            "gaap" | "reported" | "as-reported" => Basis::Gaap,
            "adjusted" => Basis::Adjusted,
            "non-gaap" | "nongaap" => Basis::NonGaap,
            "core" => Basis::Core,
            "normalized" | "normalised" => Basis::Normalized,
            "cash" => Basis::Cash,
            "organic" => Basis::Organic,
            "pro-forma" | "proforma" => Basis::ProForma,
            "comparable" | "underlying" => Basis::Comparable,
            "average" => Basis::Average,
            _ => return None,
        })
    }
}

/// One builtin metric: name, loss name, measure, tier, per-share sibling, phrases.
struct Builtin {
    name: &'static str,
    loss: Option<&'static str>,
    measure: Measure,
    tier: Tier,
    per_share: Option<&'static str>,
    per_share_basis: Option<Basis>,
    phrases: &'static [&'static str],
    /// Phrases that name a loss of the metric (`net loss`).
    loss_phrases: &'static [&'static str],
    /// Phrases that carry a basis of their own (`operating earnings per share`).
    based: &'static [(&'static str, Basis)],
}

const fn metric(name: &'static str, measure: Measure, tier: Tier, phrases: &'static [&'static str]) -> Builtin {
    Builtin {
        name,
        loss: None,
        measure,
        tier,
        per_share: None,
        per_share_basis: None,
        phrases,
        loss_phrases: &[],
        based: &[],
    }
}

use Measure as M;
use Tier as T;

/// The builtin vocabulary. Phrases are matched case-insensitively as whole words, the
/// longest first; a hyphen and a space match each other (`same-store`, `same store`).
const BUILTIN: &[Builtin] = &[
    Builtin {
        loss: Some("loss per share"),
        loss_phrases: &[
            "loss per share",
            "loss per diluted share",
            "net loss per share",
            "net loss per diluted share",
            "loss per common share",
            "loss per basic and diluted share",
        ],
        based: &[
            ("operating earnings per share", Basis::Operating),
            ("operating EPS", Basis::Operating),
            ("operating earnings per diluted share", Basis::Operating),
        ],
        ..metric(
            "EPS",
            M::PerShare,
            T::Earnings,
            &[
                "EPS",
                "earnings per share",
                "earnings per diluted share",
                "earnings per fully diluted share",
                "earnings per common share",
                "earnings per basic and diluted share",
                "earnings per diluted common share",
                "diluted EPS",
                "diluted earnings per share",
                "diluted earnings per common share",
                "net income per share",
                "net income per diluted share",
                "net income per common share",
                "net income per diluted common share",
                "net earnings per share",
                "net earnings per diluted share",
                "income per share",
                "income per diluted share",
                "earnings-per-share",
                "DEPS",
            ],
        )
    },
    Builtin {
        based: &[
            ("core FFO per share", Basis::Core),
            ("normalized FFO per share", Basis::Normalized),
        ],
        ..metric(
            "FFO per share",
            M::PerShare,
            T::Earnings,
            &[
                "FFO per share",
                "FFO per diluted share",
                "FFO per unit",
                "funds from operations per share",
            ],
        )
    },
    metric(
        "AFFO per share",
        M::PerShare,
        T::Earnings,
        &["AFFO per share", "AFFO per diluted share", "AFFO per unit"],
    ),
    Builtin {
        per_share: Some("EPS"),
        loss: Some("net loss"),
        loss_phrases: &["net loss", "net losses"],
        based: &[
            ("core income", Basis::Core),
            ("core earnings", Basis::Core),
            ("operating earnings", Basis::Operating),
        ],
        ..metric(
            "net income",
            M::Amount,
            T::Profit,
            &[
                "net income",
                "net earnings",
                "net profit",
                "profit after tax",
                "earnings",
                "income from continuing operations",
                "profit",
                "profits",
                "net profits",
            ],
        )
    },
    Builtin {
        per_share: Some("FFO per share"),
        based: &[
            ("core FFO", Basis::Core),
            ("normalized FFO", Basis::Normalized),
            ("NFFO", Basis::Normalized),
        ],
        ..metric(
            "FFO",
            M::Amount,
            T::Profit,
            &["FFO", "funds from operations", "FFO earnings"],
        )
    },
    Builtin {
        per_share: Some("AFFO per share"),
        ..metric(
            "AFFO",
            M::Amount,
            T::Profit,
            &["AFFO", "adjusted funds from operations", "adjusted FFO"],
        )
    },
    Builtin {
        // "organic growth of 4%" names revenue growth without the word revenue.
        based: &[("organic growth", Basis::Organic)],
        ..metric(
            "revenue",
            M::Amount,
            T::Revenue,
            &[
                "revenue",
                "revenues",
                "net revenue",
                "net revenues",
                "sales",
                "net sales",
                "top line",
                "top-line",
                "turnover",
            ],
        )
    },
    metric(
        "same-store sales",
        M::Growth,
        T::Profit,
        &[
            "same-store sales",
            "same store sales",
            "comparable sales",
            "comparable store sales",
            "comparable-store sales",
            "comp sales",
            "comp store sales",
            "comps",
            "like-for-like sales",
            "same-restaurant sales",
            "same-store revenue",
            "same restaurant sales",
            "comparable restaurant sales",
            "comp restaurant sales",
        ],
    ),
    metric(
        "volume",
        M::Volume,
        T::Kpi,
        &[
            "sales volume",
            "sales volumes",
            "unit volume",
            "unit volumes",
            "unit sales",
            "tons sold",
            "tons shipped",
            "shipments",
            "volume",
            "volumes",
        ],
    ),
    Builtin {
        loss: Some("gross loss"),
        ..metric("gross profit", M::Amount, T::Kpi, &["gross profit", "gross profits"])
    },
    metric(
        "gross margin",
        M::Ratio,
        T::Kpi,
        &[
            "gross margin",
            "gross margins",
            "gross profit margin",
            "gross margin rate",
            "gross margin percentage",
        ],
    ),
    Builtin {
        loss: Some("operating loss"),
        per_share: Some("EPS"),
        per_share_basis: Some(Basis::Operating),
        loss_phrases: &["operating loss", "operating losses", "loss from operations"],
        ..metric(
            "operating income",
            M::Amount,
            T::Kpi,
            &[
                "operating income",
                "income from operations",
                "operating profit",
                "operating profits",
            ],
        )
    },
    metric(
        "operating margin",
        M::Ratio,
        T::Kpi,
        &[
            "operating margin",
            "operating margins",
            "operating profit margin",
            "operating income margin",
            "EBIT margin",
        ],
    ),
    metric("EBIT", M::Amount, T::Kpi, &["EBIT"]),
    metric("EBITA", M::Amount, T::Kpi, &["EBITA"]),
    metric("EBITA margin", M::Ratio, T::Kpi, &["EBITA margin", "EBITA margins"]),
    metric("EBITDA", M::Amount, T::Kpi, &["EBITDA", "EBITDAre"]),
    metric("EBITDA margin", M::Ratio, T::Kpi, &["EBITDA margin", "EBITDA margins"]),
    metric(
        "OIBDA",
        M::Amount,
        T::Kpi,
        &["OIBDA", "operating income before depreciation and amortization"],
    ),
    Builtin {
        loss: Some("pre-tax loss"),
        loss_phrases: &["pre-tax loss", "pretax loss", "loss before income taxes"],
        ..metric(
            "pre-tax income",
            M::Amount,
            T::Other,
            &[
                "pre-tax income",
                "pretax income",
                "income before income taxes",
                "income before taxes",
                "pre-tax earnings",
                "pretax earnings",
                "profit before tax",
                "pre-tax profit",
            ],
        )
    },
    metric("NOI", M::Amount, T::Kpi, &["NOI", "net operating income"]),
    Builtin {
        // A basis between the two words (`same-property cash NOI`) is still this metric.
        based: &[
            ("same-store cash NOI", Basis::Cash),
            ("same-property cash NOI", Basis::Cash),
            ("same-center cash NOI", Basis::Cash),
            ("same-store adjusted NOI", Basis::Adjusted),
            ("same-property adjusted NOI", Basis::Adjusted),
        ],
        ..metric(
            "same-store NOI",
            M::Amount,
            T::Profit,
            &[
                "same-store NOI",
                "same-property NOI",
                "same-center NOI",
                "same-store net operating income",
                "same-property net operating income",
            ],
        )
    },
    metric(
        "ARR",
        M::Amount,
        T::Profit,
        &["ARR", "annual recurring revenue", "annualized recurring revenue"],
    ),
    metric(
        "net revenue retention",
        M::Ratio,
        T::Kpi,
        &[
            "net revenue retention",
            "net dollar retention",
            "dollar-based net retention",
            "dollar-based net expansion",
            "net retention rate",
            "net expansion rate",
        ],
    ),
    metric(
        "bookings",
        M::Amount,
        T::Kpi,
        &["bookings", "net bookings", "total bookings"],
    ),
    metric(
        "orders",
        M::AmountOrCount,
        T::Kpi,
        &[
            "orders",
            "order intake",
            "new orders",
            "net orders",
            "net sales orders",
            "net new orders",
            "new contracts",
            "net sales contracts",
        ],
    ),
    metric(
        "backlog",
        M::AmountOrCount,
        T::Kpi,
        &[
            "backlog",
            "order backlog",
            "total backlog",
            // A homebuilder's backlog in dollars, beside its backlog in homes.
            "backlog value",
            "backlog dollar value",
            "backlog sales value",
            "revenue backlog",
        ],
    ),
    metric(
        "RPO",
        M::Amount,
        T::Kpi,
        &[
            "remaining performance obligations",
            "RPO",
            "cRPO",
            "current remaining performance obligations",
        ],
    ),
    metric(
        "subscribers",
        M::Count,
        T::Kpi,
        &[
            "subscribers",
            "paid subscribers",
            "paying subscribers",
            "subs",
            "paid memberships",
            "paid members",
        ],
    ),
    metric(
        "active users",
        M::Count,
        T::Kpi,
        &[
            "monthly active users",
            "daily active users",
            "MAUs",
            "DAUs",
            "MAU",
            "DAU",
        ],
    ),
    metric(
        "ARPU",
        M::UnitPrice,
        T::Kpi,
        &[
            "ARPU",
            "average revenue per user",
            "ARPA",
            "average revenue per account",
            "revenue per user",
        ],
    ),
    metric(
        "premiums earned",
        M::Amount,
        T::Profit,
        &[
            "net premiums earned",
            "net earned premiums",
            "net earned premium",
            "premiums earned",
            "earned premiums",
            "earned premium",
            "net premium income",
        ],
    ),
    metric(
        "net flows",
        M::Amount,
        T::Kpi,
        &[
            "net flows",
            "net inflows",
            "net new assets",
            "net new money",
            "long-term net flows",
            "long-term net inflows",
        ],
    ),
    metric(
        "net interest income",
        M::Amount,
        T::Profit,
        &["net interest income", "NII", "net interest revenue"],
    ),
    metric("net interest margin", M::Ratio, T::Kpi, &["net interest margin", "NIM"]),
    metric(
        "CET1 ratio",
        M::Ratio,
        T::Other,
        &[
            "CET1 ratio",
            "CET1",
            "common equity tier 1 ratio",
            "CET1 capital ratio",
            "common equity tier 1 capital ratio",
            "tier 1 common ratio",
        ],
    ),
    Builtin {
        per_share: Some("book value per share"),
        ..metric("book value", M::Amount, T::Other, &["book value"])
    },
    Builtin {
        per_share: Some("tangible book value per share"),
        ..metric("tangible book value", M::Amount, T::Other, &["tangible book value"])
    },
    metric(
        "book value per share",
        M::PerShare,
        T::Kpi,
        &["book value per share", "book value per common share", "BVPS"],
    ),
    metric(
        "tangible book value per share",
        M::PerShare,
        T::Kpi,
        &[
            "tangible book value per share",
            "tangible book value per common share",
            "TBVPS",
        ],
    ),
    metric("efficiency ratio", M::Ratio, T::Other, &["efficiency ratio"]),
    metric(
        "inventories",
        M::Amount,
        T::Other,
        &[
            "inventories",
            "inventory",
            "total inventories",
            "merchandise inventories",
            "inventory levels",
        ],
    ),
    metric(
        "provision for credit losses",
        M::Amount,
        T::Other,
        &[
            "provision for credit losses",
            "provision for credit loss",
            "provision for loan losses",
            "credit loss provision",
            "loan loss provision",
            "provision expense",
        ],
    ),
    metric(
        "net charge-offs",
        M::Amount,
        T::Other,
        &["net charge-offs", "net charge offs", "net chargeoffs", "NCOs"],
    ),
    Builtin {
        based: &[
            ("average loans", Basis::Average),
            ("average loan balances", Basis::Average),
        ],
        ..metric(
            "loans",
            M::Amount,
            T::Other,
            &["loans", "total loans", "loan balances", "ending loans"],
        )
    },
    Builtin {
        based: &[("average deposits", Basis::Average)],
        ..metric("deposits", M::Amount, T::Other, &["deposits", "total deposits"])
    },
    Builtin {
        based: &[("average AUM", Basis::Average)],
        ..metric(
            "assets under management",
            M::Amount,
            T::Kpi,
            &["assets under management", "AUM", "ending AUM"],
        )
    },
    metric(
        "RASM",
        M::UnitPrice,
        T::Kpi,
        &[
            "RASM",
            "PRASM",
            "TRASM",
            "unit revenue",
            "revenue per available seat mile",
        ],
    ),
    metric(
        "CASM",
        M::UnitPrice,
        T::Kpi,
        &[
            "CASM",
            "CASM-ex",
            "CASMex",
            "CASM ex",
            "unit costs",
            "cost per available seat mile",
        ],
    ),
    metric("load factor", M::Ratio, T::Kpi, &["load factor"]),
    metric(
        "RevPAR",
        M::UnitPrice,
        T::Kpi,
        &["RevPAR", "revenue per available room"],
    ),
    metric(
        "average selling price",
        M::UnitPrice,
        T::Kpi,
        &[
            "average selling price",
            "average sales price",
            "average sale price",
            "average closing price",
            "average selling prices",
            "ASP",
            "ASPs",
        ],
    ),
    metric(
        "net investment income",
        M::Amount,
        T::Kpi,
        &["net investment income", "NII from investments"],
    ),
    Builtin {
        per_share: Some("distributable EPS"),
        ..metric(
            "distributable earnings",
            M::Amount,
            T::Profit,
            &["distributable earnings"],
        )
    },
    Builtin {
        per_share: Some("FAD per share"),
        ..metric(
            "FAD",
            M::Amount,
            T::Kpi,
            &[
                "funds available for distribution",
                "FAD",
                "cash available for distribution",
                "CAD",
            ],
        )
    },
    Builtin {
        per_share: Some("EAD per share"),
        ..metric(
            "EAD",
            M::Amount,
            T::Kpi,
            &["earnings available for distribution", "EAD"],
        )
    },
    metric("EAD per share", M::PerShare, T::Kpi, &["EAD per share"]),
    metric(
        "FAD per share",
        M::PerShare,
        T::Kpi,
        &["FAD per share", "CAD per share"],
    ),
    metric(
        "distributable EPS",
        M::PerShare,
        T::Earnings,
        &[
            "distributable earnings per share",
            "distributable EPS",
            "distributable earnings per diluted share",
        ],
    ),
    metric("occupancy", M::Ratio, T::Kpi, &["occupancy", "occupancy rate"]),
    metric("ADR", M::UnitPrice, T::Kpi, &["ADR", "average daily rate"]),
    metric(
        "production",
        M::Volume,
        T::Kpi,
        &[
            "production",
            "total production",
            "net production",
            "production volumes",
            "average production",
        ],
    ),
    Builtin {
        per_share: Some("dividend per share"),
        ..metric(
            "dividends",
            M::Amount,
            T::Kpi,
            &[
                "dividend",
                "dividends",
                "quarterly dividend",
                "cash dividend",
                "distribution",
                "distributions",
                "quarterly distribution",
            ],
        )
    },
    metric(
        "dividend per share",
        M::PerShare,
        T::Kpi,
        &[
            "dividend per share",
            "dividends per share",
            "distribution per unit",
            "dividend per common share",
        ],
    ),
    metric(
        "share repurchases",
        M::AmountOrCount,
        T::Kpi,
        &[
            "share repurchases",
            "share repurchase",
            "share buybacks",
            "share buyback",
            "buybacks",
            "buyback",
            "stock repurchases",
            "repurchases",
            "repurchased",
            "bought back",
        ],
    ),
    metric(
        "repurchase authorization",
        M::Amount,
        T::Kpi,
        &[
            "repurchase authorization",
            "share repurchase authorization",
            "buyback authorization",
            "share repurchase program",
            "repurchase program",
            "buyback program",
            "share buyback program",
            "stock repurchase program",
        ],
    ),
    Builtin {
        loss: Some("free cash outflow"),
        ..metric(
            "free cash flow",
            M::Amount,
            T::Kpi,
            &["free cash flow", "free cash flows", "FCF"],
        )
    },
    metric(
        "operating cash flow",
        M::Amount,
        T::Kpi,
        &[
            "operating cash flow",
            "operating cash flows",
            "cash flow from operations",
            "cash flows from operations",
            "cash from operations",
            "cash provided by operating activities",
            "cash flow provided by operating activities",
            "cash flows provided by operating activities",
            "cash flow from operating activities",
            "cash flows from operating activities",
            "cash generated from operations",
            "cash from operating activities",
            // Said with the company's own "our": "$27.6 million of cash in our operating activities".
            "cash from our operations",
            "cash from our operating activities",
            "cash in our operating activities",
            "cash provided by our operating activities",
            "cash flow from our operating activities",
            "cash generated by operations",
            "cash generated from operating activities",
            "cash generated by operating activities",
        ],
    ),
    metric(
        "capital expenditures",
        M::Amount,
        T::Kpi,
        &[
            "capital expenditures",
            "capital expenditure",
            "capex",
            "capital spending",
            "capital investments",
            "capital spend",
            "capex spend",
            "capital budget",
            "capital additions",
            "capital expenditure program",
        ],
    ),
    metric(
        "liquidity",
        M::Amount,
        T::Other,
        &["liquidity", "total liquidity", "available liquidity"],
    ),
    metric(
        "cash",
        M::Amount,
        T::Other,
        &[
            "cash",
            "cash and cash equivalents",
            "cash and equivalents",
            "cash on hand",
            "cash balance",
            "cash and investments",
            "cash and short-term investments",
            "cash and marketable securities",
            "unrestricted cash",
            "cash position",
        ],
    ),
    metric(
        "debt",
        M::Amount,
        T::Other,
        &["debt", "total debt", "long-term debt", "outstanding debt", "borrowings"],
    ),
    metric("net debt", M::Amount, T::Other, &["net debt"]),
    metric(
        "leverage",
        M::Multiple,
        T::Other,
        &[
            "leverage",
            "net leverage",
            "leverage ratio",
            "net leverage ratio",
            "net debt to EBITDA",
            "debt to EBITDA",
            "net debt-to-EBITDA",
            "debt-to-EBITDA",
            "net debt-to-adjusted EBITDA",
            "debt-to-adjusted EBITDA",
            "net debt to adjusted EBITDA",
        ],
    ),
    metric(
        "operating expenses",
        M::Amount,
        T::Other,
        &["operating expenses", "opex", "operating costs", "total expenses"],
    ),
    metric(
        "operating expense ratio",
        M::Ratio,
        T::Other,
        &[
            "operating expenses ratio",
            "operating expense ratio",
            "opex ratio",
            "operating expense to revenue ratio",
        ],
    ),
    metric(
        "effective tax rate",
        M::Ratio,
        T::Other,
        &[
            "effective tax rate",
            "tax rate",
            "effective income tax rate",
            "income tax rate",
        ],
    ),
    metric(
        "combined ratio",
        M::Ratio,
        T::Kpi,
        &["combined ratio", "underlying combined ratio"],
    ),
    metric(
        "premiums written",
        M::Amount,
        T::Kpi,
        &[
            "net premiums written",
            "gross written premiums",
            "gross written premium",
            "net written premium",
            "net written premiums",
            "premiums written",
            "gross premiums written",
            "written premiums",
        ],
    ),
    // Premiums without `earned` or `written` (`net premiums increased 3%`): a
    // reinsurer's or life insurer's top line.
    metric(
        "premiums",
        M::Amount,
        T::Kpi,
        &[
            "premiums",
            "net premiums",
            "total premiums",
            "premium revenue",
            "premium revenues",
        ],
    ),
    // Railroads and truckers lead with it: operating expenses over revenue, lower is better.
    metric(
        "operating ratio",
        M::Ratio,
        T::Kpi,
        &["operating ratio", "adjusted operating ratio"],
    ),
    // Mortgage lenders and banks.
    metric(
        "loan originations",
        M::Amount,
        T::Kpi,
        &[
            "originations",
            "loan originations",
            "origination volume",
            "mortgage originations",
            "closed loan volume",
            "funded loan volume",
            "loan production",
        ],
    ),
    metric(
        "rate lock volume",
        M::Amount,
        T::Kpi,
        &["rate lock volume", "net rate lock volume", "lock volume"],
    ),
    metric(
        "return on equity",
        M::Ratio,
        T::Other,
        &[
            "return on equity",
            "ROE",
            "return on average equity",
            "return on tangible common equity",
            "ROTCE",
        ],
    ),
    metric(
        "deliveries",
        M::Count,
        T::Kpi,
        &[
            "deliveries",
            "homes delivered",
            "home deliveries",
            "units delivered",
            "home closings",
            "homes closed",
        ],
    ),
    metric(
        "community count",
        M::Count,
        T::Other,
        &["community count", "active community count", "ending community count"],
    ),
    metric(
        "churn",
        M::Ratio,
        T::Kpi,
        &[
            "churn",
            "churn rate",
            "monthly churn",
            "postpaid churn",
            "postpaid phone churn",
            "phone churn",
            "customer churn",
            "subscriber churn",
        ],
    ),
    metric(
        "revenue run rate",
        M::Amount,
        T::Other,
        &[
            "run rate",
            "revenue run rate",
            "annualized run rate",
            "annualized revenue run rate",
        ],
    ),
    metric(
        "deferred revenue",
        M::Amount,
        T::Other,
        &["deferred revenue", "unearned revenue", "commercial unearned revenue"],
    ),
    metric(
        "cost of revenue",
        M::Amount,
        T::Other,
        &[
            "cost of revenue",
            "cost of revenues",
            "cost of sales",
            "cost of goods sold",
            "COGS",
        ],
    ),
    // Parts of operating expenses, never labelled as the whole.
    metric(
        "SG&A",
        M::Amount,
        T::Other,
        &[
            "SG&A",
            "SG&A expense",
            "SG&A expenses",
            "selling, general and administrative expense",
            "selling, general and administrative expenses",
            "selling, general & administrative expenses",
        ],
    ),
    metric(
        "G&A",
        M::Amount,
        T::Other,
        &[
            "G&A",
            "G&A expense",
            "G&A expenses",
            "general and administrative expense",
            "general and administrative expenses",
            "general & administrative expenses",
        ],
    ),
    // Health insurers lead with it: medical costs over premiums, lower is better.
    metric(
        "medical loss ratio",
        M::Ratio,
        T::Kpi,
        &[
            "medical loss ratio",
            "MLR",
            "medical care ratio",
            "medical cost ratio",
            "medical benefit ratio",
            "medical benefits ratio",
            "MBR",
        ],
    ),
];

/// Phrases that contain a metric's words but name something else (`sales and
/// marketing`, `interest income`); matched like metrics so that the metric inside them
/// is never read.
const NOT_METRICS: &[&str] = &[
    "sales and marketing",
    "sales & marketing",
    "sales force",
    "salesforce",
    "sales team",
    "sales teams",
    "sales people",
    "sales cycle",
    "sales cycles",
    "sales channel",
    "sales channels",
    "sales pipeline",
    "sales capacity",
    "sales organization",
    "sales reps",
    "sales tax",
    "point of sale",
    "asset sales",
    "land sales",
    // `over $110 million in sales transactions` (of properties), `the 8.5% occupancy
    // cost ratio` (a tenant's rent over its sales).
    "sales transactions",
    "occupancy cost",
    "occupancy costs",
    // `less the debt service of $3.3 million`: payments on debt, not debt.
    "debt service",
    "interest income",
    "other income",
    "income tax",
    "income taxes",
    "income statement",
    "comprehensive income",
    "earnings call",
    "earnings release",
    "earnings calls",
    "earnings power",
    "earnings report",
    "cash flow hedge",
    "dividend income",
    "dividend yield",
    "cash taxes",
    "cash interest",
    "cash G&A",
    "cash paid",
    "cash used",
    "cash flow",
    "cash flows",
    "cash costs",
    "cash compensation",
    "revenue per",
    "sales per",
    "earnings before",
    // Rents on a cash basis (`1.2% cash rent growth`, `cash leasing spreads of 5%`): a
    // landlord's leasing measure, not its cash.
    "cash rent",
    "cash rents",
    "cash rental",
    "cash leasing",
    "cash re-leasing",
    "cash releasing",
    // A bank's revenue growth less its expense growth (`5.9% positive operating
    // leverage`), not debt over earnings.
    "operating leverage",
];

/// The metrics a call is read with: the builtin vocabulary and a site's own terms.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    defs: Vec<MetricDef>,
    /// `(phrase, what it names)` for every phrase, in matcher order.
    phrases: Vec<(String, PhraseMeaning)>,
    /// Each metric phrase, lowercased, with the metric it names (the first, as the
    /// matcher prefers it).
    by_phrase: HashMap<String, MetricId>,
}

/// What a vocabulary phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseMeaning {
    /// A metric, with the basis the phrase itself states and whether it names a loss.
    Metric {
        /// The metric.
        id: MetricId,
        /// A basis the phrase carries (`core FFO`).
        basis: Option<Basis>,
        /// The phrase names a loss (`net loss`).
        loss: bool,
    },
    /// Words that look like a metric but are not one.
    NotMetric,
}

impl Vocabulary {
    /// The builtin vocabulary.
    pub fn builtin() -> Vocabulary {
        Vocabulary::with_site_metrics(&[])
    }

    /// The builtin vocabulary with a site's own metrics; a site metric whose name is a
    /// builtin one adds its phrases to it.
    pub fn with_site_metrics(site: &[SiteMetric]) -> Vocabulary {
        let mut defs: Vec<MetricDef> = BUILTIN
            .iter()
            .map(|b| MetricDef {
                name: b.name.to_string(),
                loss_name: b.loss.map(str::to_string),
                measure: b.measure,
                tier: b.tier,
                per_share: None,
                per_share_basis: b.per_share_basis,
            })
            .collect();
        for (i, b) in BUILTIN.iter().enumerate() {
            defs[i].per_share = b.per_share.and_then(|n| position(&defs, n));
        }
        let mut phrases = Vec::new();
        for (i, b) in BUILTIN.iter().enumerate() {
            let id = MetricId(i as u16);
            let meaning = |basis, loss| PhraseMeaning::Metric { id, basis, loss };
            phrases.extend(b.phrases.iter().map(|p| (p.to_string(), meaning(None, false))));
            phrases.extend(b.loss_phrases.iter().map(|p| (p.to_string(), meaning(None, true))));
            phrases.extend(
                b.based
                    .iter()
                    .map(|(p, basis)| (p.to_string(), meaning(Some(*basis), false))),
            );
        }
        for m in site {
            let id = match position(&defs, &m.name) {
                Some(id) => id,
                None => {
                    defs.push(MetricDef {
                        name: m.name.clone(),
                        loss_name: None,
                        measure: m.measure,
                        tier: m.tier,
                        per_share: None,
                        per_share_basis: None,
                    });
                    MetricId((defs.len() - 1) as u16)
                }
            };
            let meaning = PhraseMeaning::Metric {
                id,
                basis: None,
                loss: false,
            };
            phrases.extend(m.phrases.iter().map(|p| (p.clone(), meaning)));
        }
        phrases.extend(NOT_METRICS.iter().map(|p| (p.to_string(), PhraseMeaning::NotMetric)));
        let mut by_phrase = HashMap::new();
        for (phrase, meaning) in &phrases {
            if let PhraseMeaning::Metric { id, .. } = meaning {
                by_phrase.entry(phrase.to_lowercase()).or_insert(*id);
            }
        }
        Vocabulary {
            defs,
            phrases,
            by_phrase,
        }
    }

    /// The metric with id `id`.
    pub fn def(&self, id: MetricId) -> &MetricDef {
        &self.defs[usize::from(id.0)]
    }

    /// The metric named `name`, if the vocabulary has it.
    pub fn id(&self, name: &str) -> Option<MetricId> {
        position(&self.defs, name)
    }

    /// The metric a whole phrase names, given lowercased (`ebitda`, `funds from
    /// operations`), if it is one of the vocabulary's.
    pub fn metric_named_by(&self, lower: &str) -> Option<MetricId> {
        self.by_phrase.get(lower).copied()
    }

    /// Every phrase with what it names.
    pub fn phrases(&self) -> &[(String, PhraseMeaning)] {
        &self.phrases
    }

    /// Every metric, in vocabulary order.
    pub fn defs(&self) -> &[MetricDef] {
        &self.defs
    }
}

impl MetricDef {
    /// True for metrics a board decides rather than a period earns, whose new amounts
    /// are themselves the news (`a new $900 million repurchase program`, `an increased
    /// quarterly dividend`; `In March, we distributed a $0.38 per share cash dividend` is
    /// the quarter's dividend, whatever month it was paid in).
    pub fn measure_is_announced(&self) -> bool {
        matches!(
            self.name.as_str(),
            "repurchase authorization" | "dividends" | "dividend per share" | "share repurchases"
        )
    }
}

fn position(defs: &[MetricDef], name: &str) -> Option<MetricId> {
    defs.iter()
        .position(|d| d.name.eq_ignore_ascii_case(name))
        .map(|i| MetricId(i as u16))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_share_siblings_resolve() {
        let v = Vocabulary::builtin();
        let ni = v.id("net income").unwrap();
        assert_eq!(v.def(ni).per_share, v.id("EPS"));
        let ffo = v.id("FFO").unwrap();
        assert_eq!(v.def(ffo).per_share, v.id("FFO per share"));
    }

    #[test]
    fn site_metrics_extend_the_vocabulary() {
        let v = Vocabulary::with_site_metrics(&[SiteMetric {
            name: "GMV".into(),
            phrases: vec!["gross merchandise value".into()],
            measure: Measure::Amount,
            tier: Tier::Profit,
        }]);
        let id = v.id("gmv").unwrap();
        assert_eq!(v.def(id).tier, Tier::Profit);
        assert!(v.phrases().iter().any(|(p, m)| p == "gross merchandise value"
            && *m
                == PhraseMeaning::Metric {
                    id,
                    basis: None,
                    loss: false
                }));
    }

    #[test]
    fn every_builtin_phrase_is_unique() {
        let v = Vocabulary::builtin();
        let mut seen = std::collections::HashSet::new();
        for (p, _) in v.phrases() {
            assert!(seen.insert(p.to_ascii_lowercase()), "{p} twice");
        }
    }
}
