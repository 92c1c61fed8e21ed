//! Basis and scope of a metric mention, read from the words that qualify it: `adjusted`
//! before it, `AWS` or `tap fee` naming a segment, `from Productivity and Business
//! Processes` after it, `incremental` or `one hotel's` making it a part, never a total.
//!
//! Only words that name a segment ever reach a label; verbs, pronouns, comparatives and
//! praise (`again improved`, `some very healthy`, `lower`) stop the reading or make the
//! mention a part of something rather than the company's figure.

use serde::Serialize;

use crate::figures::period;
use crate::figures::vocabulary::Basis;
use crate::figures::wordset::WordSet;

/// What part of the company a figure covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// The whole company.
    #[default]
    Total,
    /// A segment, region or line of business the call names.
    Segment,
    /// A part that is never a headline: one property, one product's run rate, an
    /// incremental amount, an impact.
    Item,
}

/// What the words before a metric phrase say about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Qualifiers {
    /// The basis named (`adjusted`, `GAAP`).
    pub basis: Option<Basis>,
    /// The segment named, as written.
    pub segment: Option<String>,
    /// The mention is a part, never the company's figure.
    pub item: bool,
    /// A word says "the whole company" (`total`, `consolidated`).
    pub total: bool,
    /// A word says the amount is new or added (`incremental`, `new`): a part of most
    /// metrics, the news itself for announcements (a repurchase program, a dividend).
    pub novel: bool,
    /// Where the qualifiers start (the metric's own start when there are none).
    pub lead: usize,
    /// `segment` qualifies the metric without a name: the segment in discussion.
    pub this_segment: bool,
    /// The segment was called one (`North America segment operating income`).
    pub marked: bool,
}

/// True when a lowercase word names a line of business (`education`, `software`,
/// `tap`): a common line-of-business word or a plain noun.
pub fn names_a_line(lower: &str) -> bool {
    SEGMENT_WORDS.contains(lower) || is_plain_noun(lower)
}

/// True when a lowercase word is one of the common words for a line of business
/// (`wholesale`, `retail`, `software`), which may follow a name (`North America
/// wholesale`).
pub fn is_line_word(lower: &str) -> bool {
    SEGMENT_WORDS.contains(lower)
}

/// The words of `text` with the byte offset (plus `offset`) where each starts.
fn word_positions(text: &str, offset: usize) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((&text[s..i], offset + s));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// Words that end the reading of qualifiers going leftwards: they are not part of the
/// metric's noun phrase.
static STOP: WordSet = WordSet::new(&[
    "in",
    "of",
    "for",
    "on",
    "at",
    "with",
    "from",
    "to",
    "by",
    "as",
    "than",
    "about",
    "into",
    "over",
    "under",
    "across",
    "within",
    "versus",
    "vs",
    "and",
    "or",
    "but",
    "while",
    "so",
    "if",
    "because",
    "since",
    "although",
    "the",
    "a",
    "an",
    "our",
    "its",
    "their",
    "his",
    "her",
    "your",
    "my",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "what",
    "where",
    "when",
    "we",
    "i",
    "they",
    "it",
    "you",
    "he",
    "she",
    "us",
    "them",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "see",
    "saw",
    "seen",
    "grew",
    "grow",
    "rose",
    "fell",
    "drove",
    "made",
    "make",
    "gave",
    "took",
    "won",
    "hit",
    "expect",
    "anticipate",
    "deliver",
    "generate",
    "achieve",
    "raise",
    "report",
    "post",
    "record",
    "produce",
    "reduce",
    "lower",
    "increase",
    "decrease",
    "update",
    "reaffirm",
    "reiterate",
    "maintain",
    // `pleased to announce earnings available for distribution`, `we now target revenue`.
    "announce",
    "target",
    "forecast",
    "guide",
    "estimate",
    "provide",
    "earn",
    "bring",
    "brings",
    "impact",
    "affect",
    "drive",
    "drives",
    "boost",
    "lift",
    "get",
    "got",
    "think",
    "believe",
    "calculate",
    "bridges",
    "bridge",
    "translated",
    "again",
    "still",
    "also",
    "now",
    "just",
    "even",
    "already",
    "approximately",
    "around",
    "roughly",
    "nearly",
    "almost",
    "only",
    "both",
    "each",
    "every",
    "all",
    "there",
    "here",
    "then",
    "not",
    "no",
    "very",
    "quite",
    "much",
    "well",
    "up",
    "down",
    "out",
    "off",
    "per",
    "say",
    "said",
    "says",
    "mentioned",
    "noted",
    "how",
    "why",
    "let",
    "lets",
    "let's",
    "we're",
    "we've",
    "we'll",
    "it's",
    "that's",
    "there's",
    "i'm",
    "i'd",
    "you're",
    "they're",
    "via",
    "between",
    "among",
    "including",
    "excluding",
    "like",
    "against",
    "toward",
    "towards",
    "through",
    "during",
    "after",
    "before",
    "until",
    "upon",
    "despite",
    "given",
    "having",
    "million",
    "billion",
    "thousand",
    "trillion",
    "percent",
    "mln",
    "bln",
    "bn",
    "mn",
    "cents",
    "basis",
    "points",
    "project",
    "projects",
    // The unit of a multiple before the metric (`1.1 times net debt to EBITDA`).
    "times",
    // Present-tense verbs a sentence puts before a metric (`highlights include revenue
    // of …`, `we improve EBITDA`, `which reflect revenue`): never a segment's name.
    "include",
    "includes",
    "reflect",
    "reflects",
    "improve",
    "improves",
    "represent",
    "represents",
    "remain",
    "remains",
    "show",
    "shows",
    "continue",
    "continues",
    "exceed",
    "exceeds",
    "reach",
    "reaches",
    "support",
    "supports",
    "offset",
    "offsets",
    "delivers",
    "generates",
    "expects",
    "anticipates",
    "sees",
]);

/// Words that say "the whole company".
const TOTAL: &[&str] = &[
    "total",
    "consolidated",
    "overall",
    "worldwide",
    "company-wide",
    "companywide",
    "enterprise-wide",
    "company",
    "company's",
    "group",
    "group's",
    "firm's",
    "firmwide",
    "firm-wide",
    "corporate",
    "combined",
    "aggregate",
    "entire",
    "whole",
];

/// Words that qualify without changing what is measured: dropped.
static NEUTRAL: WordSet = WordSet::new(&[
    "net",
    "diluted",
    "basic",
    "fully",
    "quarterly",
    "annual",
    // `Canadian daily sales`: sales per selling day, the segment before it still read.
    "daily",
    // `Portfolio occupancy was 94%`: a REIT's portfolio is the company's.
    "portfolio",
    "portfolio-wide",
    "record",
    "all-time",
    "strong",
    "solid",
    "healthy",
    "robust",
    "impressive",
    "excellent",
    "great",
    "good",
    "best",
    "best-ever",
    "outstanding",
    "exceptional",
    "quarter",
    "quarter's",
    "first",
    "second",
    "third",
    "fourth",
    "q1",
    "q2",
    "q3",
    "q4",
    "fiscal",
    "full",
    "year",
    "year's",
    "full-year",
    "year-to-date",
    "ytd",
    "calendar",
    "quarter-end",
    "period",
    "current",
    "reported",
    "actual",
    "actuals",
    "year-end",
    // `our quarter end net debt`, `the trailing 12 months net cash`: the date or the span
    // of the figure, which the period reads.
    "end",
    "month",
    "months",
    // `six months revenue`, `nine months net income`: the span, which the period reads.
    "three",
    "six",
    "nine",
    "twelve",
    // `first half earnings per share`, `a 15% plus adjusted EBITDA margin`, `Looking
    // forward FFO guidance`: the period or the figure's words, not a line.
    "half",
    "plus",
    "forward",
    // `net debt to EBITDA leverage`: the metric a ratio is taken of.
    "ebitda",
    "weeks",
    "trailing",
    "ample",
    "ending",
    "average",
    "normalized",
    "weighted",
    "continuing",
    "recurring",
    "total",
    "pretax",
    "pre-tax",
    "after-tax",
    "aftertax",
    "underlying",
    "like-for-like",
    "same",
    "sequential",
    "organic",
    "headline",
    "mid-quarter",
    "real",
    "nominal",
    "approximate",
    "estimated",
    "preliminary",
    "final",
    "unaudited",
    "gaap",
    "non-gaap",
    "adjusted",
    "core",
    "cash",
    "comparable",
    "pro-forma",
    "operating",
    "share",
    "common",
    "taxable",
    "equivalent",
    "taxable-equivalent",
    "tax-equivalent",
    "fte",
    "fully-taxable",
    "nareit",
    "reported",
    "as-reported",
    "global",
    "aggregate",
    "year-over-year",
    "yoy",
    "y/y",
    "sequential",
    "quarter-over-quarter",
    "constant-currency",
    "currency-neutral",
    "fx-neutral",
    "top-line",
    "bottom-line",
    "first-quarter",
    "second-quarter",
    "third-quarter",
    "fourth-quarter",
    "1q",
    "2q",
    "3q",
    "4q",
    "fiscal-year",
    "nine-month",
    "six-month",
    "twelve-month",
    "12-month",
    "ongoing",
    "quarter-to-date",
    "all-in",
    "overall",
    "headline",
    "reported",
    "liquid",
    "unrestricted",
    "available",
    "free",
    "accessible",
    "expected",
    "projected",
    "implied",
    "budgeted",
    "targeted",
    "planned",
    "forecasted",
    "anticipated",
    "guided",
    // `go-forward effective tax rate`: the rate the forecast's period says.
    "go-forward",
    // `an all-time high non-GAAP earnings per share of $1.31`: praise, as `record` is
    // (`high` alone is a part: see `praised_high`).
    "highest",
    "record-high",
    // `a regular quarterly dividend`, `our common stock dividend`, `At the midpoint, net
    // income will be $0.37`: the kind of payment or the point of a range, not a line.
    "regular",
    "stock",
    "midpoint",
    // `$0.10 of positive adjusted FFO per share`, `positive overall comps of 15%`: the
    // sign said aloud (`negative` stays a part: `negative revenue adjustments`).
    "positive",
]);

/// A word of [`NEUTRAL`] or a month's name (lower case).
fn is_neutral(lower: &str) -> bool {
    NEUTRAL.contains(lower) || period::is_month(lower)
}

/// Words that make a mention a part of something, never the company's figure:
/// comparatives, increments, impacts and run rates.
const PART: &[&str] = &[
    // A target over years (`our long-term adjusted EPS growth of 6% to 8%`, `compound
    // annual FFO growth of 4% or greater from 2023 to 2026`), no result or forecast of a
    // period.
    "long-term",
    "longer-term",
    "compound",
    "compounded",
    "higher",
    "lower",
    "lost",
    "foregone",
    "forgone",
    "reduced",
    "decreased",
    "improved",
    "potential",
    "implied",
    "excess",
    "one-time",
    "nonrecurring",
    "non-recurring",
    "annualized",
    "cumulative",
    "partial",
    "some",
    "more",
    "less",
    "other",
    "such",
    "certain",
    "related",
    "associated",
    "remaining",
    "deferred",
    "unearned",
    "missed",
    "delayed",
    "lower-margin",
    "higher-margin",
    "negative",
    "better",
    "worse",
    "greater",
    "smaller",
    "larger",
    "bigger",
    "extra",
    "residual",
    "hypothetical",
    "illustrative",
    "run-rate",
    "last",
    "prior",
    "previous",
    "next",
    "future",
    "past",
    "former",
    "high",
    "low",
    "big",
    "huge",
    "large",
    "small",
    "another",
    "further",
    "sustainable",
    "significant",
    "substantial",
    "meaningful",
    "modest",
    "slight",
];

/// Words that make an amount a part (`incremental revenue`) except where the new amount
/// is itself the news (`a new $900 million repurchase program`, `an increased dividend`).
pub const NOVEL: &[&str] = &[
    "incremental",
    "additional",
    "new",
    "increased",
    "expanded",
    "raised",
    "enhanced",
];

/// Nouns that name a single thing (a property, a deal) rather than a line of business.
const ITEM_NOUNS: &[&str] = &[
    "property",
    "properties",
    "hotel",
    "hotels",
    "resort",
    "asset",
    "assets",
    "project",
    "projects",
    "building",
    "buildings",
    "mall",
    "store",
    "stores",
    "restaurant",
    "restaurants",
    "deal",
    "deals",
    "contract",
    "contracts",
    "acquisition",
    "acquisitions",
    "acquired",
    "transaction",
    "facility",
    "facilities",
    "plant",
    "mine",
    "well",
    "wells",
    "ship",
    "ships",
    "vessel",
    "vessels",
    "loan",
    "customer",
    "customer's",
    "client",
    "client's",
    "program",
    "programs",
    "campaign",
    "product's",
    "title",
    "game",
    "film",
    "movie",
    "drug",
    "trial",
    "license",
    "settlement",
    "divestiture",
    "sale",
    "one",
    "each",
    "per",
    "covid",
    "covid-related",
    "covid-19",
    "pandemic",
    "stimulus",
    "hurricane",
    "storm",
    "weather",
    "impact",
    "fx",
    "currency",
];

/// `-ing` words that are verbs (a reading stops there), not names (`banking`, `advertising`).
const VERBS_ING: &[&str] = &[
    "growing",
    "increasing",
    "declining",
    "generating",
    "delivering",
    "reporting",
    "expecting",
    "including",
    "excluding",
    "driving",
    "accelerating",
    "improving",
    "reaching",
    "achieving",
    "seeing",
    "having",
    "being",
    "getting",
    "making",
    "raising",
    "reaffirming",
    "updating",
    "maintaining",
    "posting",
    "recording",
    "producing",
    "forecasting",
    "guiding",
    "estimating",
    "offsetting",
    "impacting",
    "affecting",
    "reducing",
    "lowering",
    "narrowing",
    "bridging",
    "calculating",
    "moving",
    "turning",
    "looking",
    "expanding",
    "contributing",
    "representing",
    "reflecting",
    "resulting",
    "leading",
    "helping",
    "doing",
    "going",
    "coming",
    "taking",
    "giving",
    "showing",
    "building",
    "adding",
    "boosting",
    "lifting",
    "hitting",
    "exceeding",
    "topping",
    "surpassing",
    "crossing",
    "nearing",
    "approaching",
    "totaling",
    "totalling",
    "averaging",
    "compared",
    "versus",
    "anticipating",
    "planning",
    "targeting",
    "assuming",
    "projecting",
    "initiating",
    "introducing",
    "issuing",
    "providing",
    "reiterating",
    "establishing",
    "setting",
    "yielding",
    "translating",
    "equating",
    "bringing",
    "putting",
    "ending",
    "finishing",
    "closing",
];

/// `-ed` words that are adjectives of a metric (`adjusted`, `consolidated`), not verbs.
const ADJECTIVES_ED: &[&str] = &[
    "adjusted",
    "diluted",
    "consolidated",
    "combined",
    "weighted",
    "annualized",
    "owned",
    "leased",
    "managed",
    "franchised",
    "blended",
    "realized",
    "unrealized",
    "reported",
    "expected",
    "estimated",
    "projected",
    "increased",
    "reduced",
    "improved",
    "decreased",
    "deferred",
    "unearned",
    "lost",
    "implied",
    "budgeted",
    "targeted",
    "planned",
    "forecasted",
    "missed",
    "delayed",
    "related",
    "associated",
    "normalized",
    "normalised",
    "acquired",
    "regulated",
    "unregulated",
    "licensed",
    "managed",
    "branded",
    "integrated",
    "specialized",
    "advanced",
    "connected",
    "automated",
    "contracted",
    "secured",
    "unsecured",
    "insured",
    "invested",
    "committed",
    "funded",
    "listed",
    "based",
    "cloud-based",
    "fee-based",
    "specialty",
    "mixed",
];

/// Lowercase words that name a line of business in many industries; any other lowercase
/// word before a metric (`sustainable`, `tap`) makes the mention a part, never a segment
/// row, unless the call itself names a segment so.
static SEGMENT_WORDS: WordSet = WordSet::new(&[
    "software",
    "services",
    "service",
    "product",
    "products",
    "hardware",
    "subscription",
    "subscriptions",
    "license",
    "licence",
    "licensing",
    "maintenance",
    "support",
    "consulting",
    "advertising",
    "ad",
    "ads",
    "retail",
    "wholesale",
    "commercial",
    "residential",
    "industrial",
    "international",
    "domestic",
    "consumer",
    "government",
    "defense",
    "cloud",
    "data",
    "center",
    "automotive",
    "gaming",
    "mobile",
    "pc",
    "fee",
    "fees",
    "interest",
    "noninterest",
    "non-interest",
    "trading",
    "banking",
    "insurance",
    "mortgage",
    "card",
    "payments",
    "e-commerce",
    "ecommerce",
    "online",
    "digital",
    "membership",
    "merchandise",
    "food",
    "fuel",
    "pharmacy",
    "generic",
    "branded",
    "specialty",
    "diagnostics",
    "devices",
    "device",
    "equipment",
    "parts",
    "aftermarket",
    "systems",
    "solutions",
    "platform",
    "network",
    "infrastructure",
    "energy",
    "gas",
    "oil",
    "electric",
    "utility",
    "water",
    "land",
    "home",
    "homebuilding",
    "financial",
    "transmission",
    "distribution",
    "midstream",
    "upstream",
    "downstream",
    "chemicals",
    "materials",
    "packaging",
    "aerospace",
    "medical",
    "dental",
    "animal",
    "health",
    "healthcare",
    "vaccines",
    "oncology",
    "freight",
    "cargo",
    "passenger",
    "premium",
    "rental",
    "leasing",
    "franchise",
    "royalty",
    "royalties",
    "search",
    "segment",
    "enterprise",
    "wireless",
    "wireline",
    "broadband",
    "video",
    "voice",
    "media",
    "content",
    "studio",
    "publishing",
    "print",
    "education",
    "travel",
    "hospitality",
    "lodging",
    "gaming",
    "casino",
    "apparel",
    "footwear",
    "beauty",
    "grocery",
    "restaurant",
    "beverage",
    "beverages",
    "snacks",
    "tobacco",
    "agriculture",
    "crop",
    "seed",
    "security",
    "identity",
    "storage",
    "compute",
    "memory",
    "logic",
    "foundry",
    "analog",
    "optical",
    "semiconductor",
    "semiconductors",
    "mining",
    "coal",
    "steel",
    "aluminum",
    "copper",
    "gold",
    "silver",
    "lithium",
    "solar",
    "wind",
    "renewables",
    "nuclear",
    "power",
    "transportation",
    "logistics",
    "trucking",
    "rail",
    "airline",
    "marine",
    "real",
    "estate",
    "multifamily",
    "office",
    "industrial",
    "hotel",
    "lab",
    "life",
    "sciences",
    "science",
    "wealth",
    "asset",
    "management",
    "investment",
    "brokerage",
    "capital",
    "markets",
    "lending",
    "deposit",
    "credit",
    "debit",
    "prepaid",
    "processing",
    "merchant",
    "acquiring",
    "issuing",
    "transaction",
    "transactional",
    "recurring",
    "nonrecurring",
    "professional",
    "managed",
    "direct",
    "indirect",
    "channel",
    "partner",
    "outsourcing",
    "staffing",
    "placement",
    "recruitment",
    "search",
    "pet",
    "vehicle",
    "vehicles",
    "truck",
    "trucks",
    "car",
    "cars",
    "ev",
    "battery",
    "batteries",
    "aviation",
    "space",
    "satellite",
    "marine",
    "defense",
    "naval",
    "tool",
    "tools",
    "aeronautics",
    "instruments",
    "controls",
    "automation",
    "robotics",
    "sensors",
    "fluid",
    "flow",
    "pumps",
    "valves",
    "filtration",
    "building",
    "construction",
    "engineering",
    "environmental",
    "waste",
    "recycling",
    "collection",
    "landfill",
    "rig",
    "drilling",
    "completion",
    "completions",
    "production",
    "exploration",
    "refining",
    "chemical",
    "plastics",
    "paper",
    "wood",
    "lumber",
    "timber",
    "pulp",
    "glass",
    "containers",
    "specialty",
    "nutrition",
    "ingredients",
    "flavors",
    "fragrance",
    "personal",
    "care",
    "household",
    "cleaning",
    "pharma",
    "pharmaceutical",
    "biologics",
    "devices",
    "surgical",
    "orthopedics",
    "cardiovascular",
    "neuroscience",
    "immunology",
    "vision",
    "imaging",
    "dialysis",
    "hospital",
    "hospitals",
    "clinical",
    "diagnostic",
    "laboratory",
    "testing",
    "genomics",
    "tax",
    "audit",
    "advisory",
    "legal",
    "hr",
    "payroll",
    "benefits",
    "property",
    "casualty",
    "life",
    "annuity",
    "annuities",
    "reinsurance",
    "specialty",
    "personal",
    "auto",
    "homeowners",
    "workers",
    "dtc",
    "direct-to-consumer",
    "b2b",
    "b2c",
    "smb",
    "mid-market",
    "large",
    "small",
    "business",
    "institutional",
    "individual",
    "group",
]);

/// The names a call knows: the segments it names and the company's own names.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Segments the call names (`North America`, `intelligent cloud`).
    pub segments: Vec<String>,
    /// The same, ASCII-lowercased: to be found in lowercased text.
    pub segments_lower: Vec<String>,
    /// The ticker, upper case.
    pub ticker: String,
    /// Distinctive words of the company's name (`Amazon.com`, `Amazon`).
    pub company: Vec<String>,
}

/// Words of company names that name no company in particular.
const COMPANY_FILLER: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "company",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "limited",
    "plc",
    "llc",
    "lp",
    "l.p.",
    "group",
    "holdings",
    "holding",
    "the",
    "and",
    "&",
    "of",
    "sa",
    "ag",
    "nv",
    "n.v.",
    "se",
    "trust",
    "international",
    "technologies",
    "technology",
    "systems",
    "services",
    "industries",
    "partners",
    "brands",
];

impl Names {
    /// The names of a call: `segments` it names, its ticker and company name.
    pub fn new(segments: Vec<String>, ticker: &str, company: &str) -> Names {
        let mut words: Vec<String> = company
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|w| w.len() >= 3 && !COMPANY_FILLER.contains(&w.to_ascii_lowercase().as_str()))
            .collect();
        let dotless: Vec<String> = words
            .iter()
            .filter_map(|w| w.split('.').next().map(str::to_string))
            .collect();
        words.extend(dotless);
        Names {
            segments_lower: segments.iter().map(|s| s.to_ascii_lowercase()).collect(),
            segments,
            ticker: ticker.to_ascii_uppercase(),
            company: words,
        }
    }

    /// True when a name a sentence opens with is the company's own (`At the RTX level,`
    /// on RTX's call): the whole company, no segment.
    pub fn names_company(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        self.is_company(&words, false)
    }

    /// True when `words` (as written before a metric) name the company itself: its
    /// ticker or name, or a possessive proper name starting as the ticker does
    /// (`Genie Energy's income` on GNE's call).
    fn is_company(&self, words: &[&str], possessive: bool) -> bool {
        let bare = |w: &str| w.trim_end_matches("'s").trim_end_matches("’s").to_string();
        let named = words.iter().any(|w| {
            let w = bare(w);
            (!self.ticker.is_empty() && w.eq_ignore_ascii_case(&self.ticker))
                || self.company.iter().any(|c| c.eq_ignore_ascii_case(&w))
        });
        // A possessive name whose initials spell part of the ticker, in order and from
        // its first letter; an acronym or a segment the call names is never the company.
        let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
        let acronym = words
            .iter()
            .any(|w| bare(w).len() > 1 && bare(w).chars().all(|c| c.is_uppercase()));
        let segment = self
            .segments
            .iter()
            .any(|s| words.iter().any(|w| s.eq_ignore_ascii_case(&bare(w))));
        let spells_ticker = initials.chars().all(char::is_uppercase)
            && initials.chars().next().is_some_and(|c| self.ticker.starts_with(c))
            && is_subsequence(&initials, &self.ticker);
        named || possessive && spells_ticker && !acronym && !segment
    }
}

/// True when the letters of `short` appear in `long` in order.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

/// Reads the qualifiers of the metric phrase starting at byte `metric_start` of the
/// sentence `text`: up to five words to its left, back to the first word that is not part
/// of its noun phrase. `names` are the call's segments and company names.
pub fn before(text: &str, metric_start: usize, names: &Names) -> Qualifiers {
    let known = names.segments.as_slice();
    let mut q = Qualifiers::default();
    let head = &text[..metric_start];
    let cut = head
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '—' | '–'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    // A sentence stop ends it too (`… last year. Revenue …`).
    let cut = head[cut..].rfind(". ").map_or(cut, |i| cut + i + 2);
    let clause = &head[cut..];
    let spans = word_positions(clause, cut);
    let words: Vec<&str> = spans.iter().map(|(w, _)| *w).collect();
    let at_sentence_start = head[..cut].trim().is_empty();
    q.lead = metric_start;
    let mut name: Vec<&str> = Vec::new();
    let mut marked_segment = false;
    let mut taken = 0;
    let mut first_index = words.len();
    let mut after_basis = false;
    for (i, raw) in words.iter().enumerate().rev() {
        let w = raw.trim_matches(|c: char| c == '\'' || c == '’' || c == '.' || c == '"');
        if w.is_empty() {
            break;
        }
        let lower = w.to_lowercase().replace('’', "'");
        // `Productivity and Business Processes`, `Software and services`: `and` between
        // two words of a name joins them.
        let namelike = |w: &str| starts_upper(w) || SEGMENT_WORDS.contains(w.to_lowercase().as_str());
        let capitalised_and =
            (lower == "and" || w == "&") && !name.is_empty() && i > 0 && namelike(words[i - 1]) && namelike(name[0]);
        if capitalised_and {
            name.insert(0, w);
            q.lead = spans[i].1;
            continue;
        }
        // A lowercase word right after a subject pronoun is its verb (`we estimate
        // fourth quarter EPS`, `we forecast revenue`).
        let after_subject = i > 0
            && w.starts_with(|c: char| c.is_lowercase())
            && matches!(
                words[i - 1].to_lowercase().as_str(),
                "we" | "i" | "they" | "you" | "management"
            );
        // `a $16 billion-plus capital spending program`: the scale of a figure before it.
        let scale = ["thousand", "million", "billion", "trillion"]
            .iter()
            .any(|s| lower.starts_with(s));
        if taken >= 5
            || is_stop(&lower)
            || after_subject
            || scale
            || w.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '$')
        {
            break;
        }
        q.lead = spans[i].1;
        taken += 1;
        // `Tennant reported net sales`: after a name or a pronoun, `reported` is the verb.
        let verb_reported = lower == "reported"
            && i > 0
            && !matches!(
                words[i - 1].to_lowercase().as_str(),
                "our"
                    | "the"
                    | "its"
                    | "their"
                    | "total"
                    | "gaap"
                    | "as"
                    | "fourth-quarter"
                    | "third-quarter"
                    | "second-quarter"
                    | "first-quarter"
            );
        if verb_reported {
            break;
        }
        if let Some(b) = Basis::from_word(&lower) {
            q.basis = q.basis.or(Some(b));
            after_basis = true;
            continue;
        }
        // `transaction adjusted EPS`, `acquisition-adjusted EBITDA`: the noun says what the
        // basis adjusts for; the figure is still the company's.
        if after_basis && ITEM_NOUNS.contains(&lower.as_str()) {
            after_basis = false;
            continue;
        }
        after_basis = false;
        // `non-GAAP` written `non- GAAP` or `non GAAP`: the GAAP read before it is not.
        if lower == "non" || lower == "non-" {
            if q.basis == Some(Basis::Gaap) {
                q.basis = Some(Basis::NonGaap);
            }
            continue;
        }
        let bare = lower.trim_end_matches("'s");
        if name.is_empty()
            && matches!(
                bare,
                "segment" | "segments" | "business" | "division" | "unit" | "region"
            )
        {
            marked_segment = true;
            continue;
        }
        if TOTAL.contains(&lower.as_str()) || TOTAL.contains(&bare) {
            q.total = true;
            continue;
        }
        // `we increased capital expenditures`: after its subject, a participle is the verb.
        let after_subject = i > 0
            && matches!(
                words[i - 1].to_lowercase().as_str(),
                "we" | "they" | "it" | "i" | "you" | "he" | "she" | "has" | "have" | "had" | "which" | "that"
            );
        if lower.ends_with("ed") && after_subject {
            break;
        }
        // `an all-time high non-GAAP EPS`, `a record high backlog`: praise, no part;
        // `local currency sales growth`: words of the comparison (a cue reads them), no
        // part either.
        let previous_is = |options: &[&str]| i > 0 && options.iter().any(|o| words[i - 1].eq_ignore_ascii_case(o));
        let praise_or_currency = match lower.as_str() {
            "high" => previous_is(&["all-time", "record", "time"]),
            "currency" => previous_is(&["local", "constant"]),
            "local" | "constant" => words.get(i + 1).is_some_and(|w| w.eq_ignore_ascii_case("currency")),
            _ => false,
        };
        if praise_or_currency {
            continue;
        }
        if is_part(&lower) || lower.contains("digit") || lower.ends_with("teens") {
            q.item = true;
            break;
        }
        if NOVEL.contains(&lower.as_str()) {
            // `a new record revenue`: praise, not an amount added.
            let praise = lower == "new"
                && words
                    .get(i + 1)
                    .is_some_and(|w| w.eq_ignore_ascii_case("record") || w.eq_ignore_ascii_case("all-time"));
            q.novel |= !praise;
            continue;
        }
        if !w.chars().any(char::is_alphanumeric) {
            break;
        }
        if ITEM_NOUNS.contains(&bare) {
            q.item = true;
            continue;
        }
        // `real estate sales`: `real` is part of the name, not `real` against nominal.
        let real_estate = lower == "real" && name.first().is_some_and(|w| w.eq_ignore_ascii_case("estate"));
        if (is_neutral(&lower) && !real_estate) || is_year(&lower) {
            continue;
        }
        name.insert(0, w);
        first_index = i;
    }
    if name.is_empty() {
        // `Segment revenue was $47 million`, `adjusted segment EBITDA`: a segment's, the
        // sentence does not say which.
        q.this_segment = marked_segment;
        return q;
    }
    let sentence_initial = at_sentence_start && first_index == 0;
    let possessive = name.last().is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"));
    if names.is_company(&name, possessive) {
        q.total = true;
        return q;
    }
    // `consolidated fee revenue`: a total word with common words only is the total;
    // not when one of them names a line of business (`Total commercial revenue was $257
    // million`, `Total residential mortgage banking revenues`: the line's total).
    // (`fee revenue` is a kind of revenue the whole company earns, no line, and `Total
    // products and services revenue` the sum of the lines.)
    let combined = name.iter().any(|w| matches!(*w, "and" | "&"));
    let names_line = !combined
        && name.iter().any(|w| {
            let w = w.to_lowercase();
            is_line_word(&w) && !matches!(w.as_str(), "fee" | "fees")
        });
    // `total motorcycle segment revenue`: the word `segment` says whose total it is.
    if q.total
        && !names_line
        && !marked_segment
        && name
            .iter()
            .all(|w| !starts_upper(w) || sentence_initial && name.len() == 1)
    {
        return q;
    }
    if marked_segment || names_line {
        q.total = false;
    }
    let segment = segment_name(&name);
    q.marked = marked_segment;
    if marked_segment || is_segment_name(&name, sentence_initial, known) {
        q.segment = Some(segment);
    } else {
        q.item = true;
    }
    q
}

/// True when `words` name a segment: every word a proper name (capitalised where a
/// sentence does not start), a common line-of-business word, or the call's own segment.
fn is_segment_name(words: &[&str], sentence_initial: bool, known: &[String]) -> bool {
    let joined = segment_name(words);
    if known.iter().any(|k| k.eq_ignore_ascii_case(&joined)) {
        return true;
    }
    // `fixed income NII`, `net revenue revenue`: a metric's own noun alone names no line.
    if let [only] = words
        && METRIC_NOUNS.contains(&only.to_lowercase().as_str())
    {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let lower = w.to_lowercase();
        let lower = lower.trim_end_matches("'s");
        let proper =
            starts_upper(w) && !(i == 0 && sentence_initial) || w.chars().filter(|c| c.is_uppercase()).count() > 1;
        proper
            || SEGMENT_WORDS.contains(lower)
            || matches!(lower, "and" | "&")
            || known
                .iter()
                .any(|k| k.split_whitespace().any(|kw| kw.eq_ignore_ascii_case(lower)))
            || is_plain_noun(lower)
    })
}

/// True for a noun that heads metrics' names ([`METRIC_NOUNS`]), singular or plural.
pub fn is_metric_noun(lower: &str) -> bool {
    METRIC_NOUNS.contains(&lower) || lower.strip_suffix('s').is_some_and(|s| METRIC_NOUNS.contains(&s))
}

/// Nouns that head metrics' names: alone before a metric they are part of a phrase the
/// vocabulary does not know, not a segment.
const METRIC_NOUNS: &[&str] = &[
    "income", "revenue", "revenues", "sales", "earnings", "profit", "profits",
];

/// Adjective and adverb endings: a lowercase word ending so describes a metric
/// (`sustainable`, `significant`, `recurring`) rather than naming a line of business.
const ADJECTIVE_ENDINGS: &[&str] = &[
    "able", "ible", "ive", "ous", "ful", "less", "ed", "ing", "ly", "est", "ish", "al", "ic", "ary", "ent", "ant",
    "er", "y",
];

/// A lowercase word that reads as a plain noun (`tap`, `fee`, `lot`, `water`): three
/// letters or more, no adjective ending.
fn is_plain_noun(lower: &str) -> bool {
    lower.len() >= 3
        && lower.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !ADJECTIVE_ENDINGS.iter().any(|e| lower.ends_with(e))
        && !STOP.contains(lower)
        && !is_neutral(lower)
        && !is_part(lower)
}

/// A word of [`PART`], or any `…-related` (`COVID testing-related sales`,
/// `hurricane-related costs`): what a part is related to, never the whole.
fn is_part(lower: &str) -> bool {
    PART.contains(&lower) || lower.ends_with("-related")
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_year(w: &str) -> bool {
    let w = w.trim_end_matches("'s");
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
}

/// True for a word that is not part of a metric's noun phrase.
fn is_stop(lower: &str) -> bool {
    if STOP.contains(lower) {
        return true;
    }
    if lower.ends_with("ly")
        && !matches!(
            lower,
            "family" | "supply" | "quarterly" | "monthly" | "weekly" | "italy" | "fully" | "daily"
        )
    {
        return true; // adverbs
    }
    if lower.ends_with("ed") && !ADJECTIVES_ED.contains(&lower) && !lower.ends_with("-related") {
        return true; // verbs: `again improved commercial cloud gross margin`
    }
    if lower.ends_with("ing") && VERBS_ING.contains(&lower) {
        return true;
    }
    lower.ends_with("'re") || lower.ends_with("'ve") || lower.ends_with("'ll") || lower.ends_with("n't")
}

/// The segment as a label shows it: the words as written, a possessive dropped.
fn segment_name(words: &[&str]) -> String {
    let mut name = words.join(" ");
    for suffix in ["'s", "’s", "'"] {
        if let Some(stripped) = name.strip_suffix(suffix) {
            name = stripped.to_string();
        }
    }
    name
}

/// What the words right after a metric phrase say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum After {
    /// Nothing that changes it.
    Plain,
    /// The phrase qualifies a noun after it (`revenue synergies`, `EPS estimates`): no
    /// metric is stated.
    NotMetric,
    /// A segment named after it (`revenue from Productivity and Business Processes`,
    /// `sales in China`).
    Segment(String),
    /// The segment the discourse is about (`revenue from the segment`).
    ThisSegment,
    /// A part (`revenue per customer`, `cash paid for …`).
    Item,
    /// The whole company (`attributable to common shareholders`, `from continuing
    /// operations`).
    Total,
    /// Stated without some items (`earnings per share excluding the impact of
    /// acquisition expenses`): an adjusted figure.
    Excluding,
}

/// Words that end an `excluding …` phrase: the verb or preposition that reaches the
/// figure.
const EXCLUSION_ENDS: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "at",
    "came",
    "totaled",
    "totalled",
    "grew",
    "increased",
    "rose",
    "declined",
    "decreased",
    "fell",
    "improved",
    "would",
    "reached",
    "to",
    "by",
    "and",
    // `Core FFO excluding promotes will range between $4.02 and $4.06`
    "will",
    "should",
    "could",
    "expected",
    "range",
    "ranged",
    "remains",
    "remained",
];

/// Nouns that a metric phrase can qualify, so that the phrase names no amount of the
/// metric itself.
static HEAD_NOUNS: WordSet = WordSet::new(&[
    "synergies",
    "synergy",
    "opportunity",
    "opportunities",
    "recognition",
    "mix",
    "base",
    "bases",
    "stream",
    "streams",
    "multiple",
    "multiples",
    "yield",
    "accretion",
    "dilution",
    "impact",
    "impacts",
    "headwind",
    "headwinds",
    "tailwind",
    "tailwinds",
    "benefit",
    "benefits",
    "visibility",
    "model",
    "models",
    "trajectory",
    "repayment",
    "repayments",
    "pipeline",
    "estimate",
    "estimates",
    "consensus",
    "share",
    "cadence",
    "levels",
    "level",
    "deferral",
    "deferrals",
    "reserve",
    "reserves",
    "sensitivity",
    "potential",
    "capacity",
    "contribution",
    "contributions",
    "dollars",
    "mix",
    "concentration",
    "exposure",
    "exposures",
    "shortfall",
    "decline",
    "declines",
    "loss",
    "losses",
    "pressure",
    "pressures",
    "outperformance",
    "beat",
    "miss",
    "per",
    "generation",
    "conversion",
    "coverage",
    "payout",
    "sharing",
    "stability",
    "momentum",
    "performance",
    "trends",
    "trend",
    "picture",
    "line",
    "lines",
    "items",
    "item",
    "profile",
    "cushion",
    "facility",
    "facilities",
    "sources",
    "source",
    "uses",
    "requirements",
    "needs",
    "ratio",
    "deployment",
    "allocation",
    "priorities",
    "commitments",
    "returns",
    "return",
    "paid",
    "used",
    "spent",
    "returned",
    "received",
    "collections",
    "charges",
    "charge",
    "adjustments",
    "effect",
    "effects",
    "proceeds",
    "mark",
    "milestone",
    "threshold",
    "hedges",
    "price",
    "prices",
    "pricing",
    "volume",
    "volumes",
]);

/// Reads what follows the metric phrase ending at byte `metric_end` of `text`, and
/// where the words that qualify it end (`revenue from Productivity and Business
/// Processes` ends after `Processes`).
pub fn after(text: &str, metric_end: usize) -> (After, usize) {
    let rest = &text[metric_end..];
    if rest.starts_with(|c: char| c.is_alphanumeric()) || rest.trim_start().starts_with(|c: char| !c.is_alphanumeric())
    {
        return (After::Plain, metric_end);
    }
    let mut words = word_spans(rest, metric_end);
    let Some((first, _)) = words.next() else {
        return (After::Plain, metric_end);
    };
    let first_lower = first.to_ascii_lowercase();
    if HEAD_NOUNS.contains(first_lower.as_str())
        || first_lower.starts_with("expectation") && others_expect(text, metric_end)
    {
        return (After::NotMetric, metric_end);
    }
    match first_lower.as_str() {
        // `attributed to our real estate brokerage segment`: a segment; `attributable to
        // TAL`: the company.
        "attributable" | "attributed"
            if word_spans(rest, metric_end)
                .take(8)
                .any(|(w, _)| matches!(w.to_ascii_lowercase().as_str(), "segment" | "segments" | "division")) =>
        {
            source_after(word_spans(rest, metric_end).skip(2), "to", metric_end)
        }
        "attributable" | "attributed" | "available" => {
            // `attributable to common shareholders`, `attributable to SXC`: up to the
            // next verb or figure.
            let end = words
                .take_while(|(w, _)| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "to" | "common"
                            | "shareholders"
                            | "stockholders"
                            | "shares"
                            | "share"
                            | "the"
                            | "company"
                            | "parent"
                            | "controlling"
                            | "interests"
                            | "holders"
                            | "of"
                            | "unitholders"
                            | "members"
                            | "stock"
                            | "our"
                            | "non-controlling"
                            | "noncontrolling"
                            | "inc"
                            | "corp"
                    ) || starts_upper(w)
                })
                .last()
                .map_or(metric_end, |(_, e)| e);
            (After::Total, end)
        }
        "from" | "in" | "for" | "at" => source_after(words, &first_lower, metric_end),
        // `Net sales of Las Palmas were $9.1 million`: a brand's or a line's, named in
        // capitals; not an amount (`revenue of US$5 billion`, `of negative 3.3%`).
        "of" if !words
            .clone()
            .find(|(w, _)| !matches!(w.to_ascii_lowercase().as_str(), "the" | "our" | "its"))
            .is_some_and(|(w, _)| starts_upper(w)) =>
        {
            (After::Plain, metric_end)
        }
        "of" => source_after(
            words.take_while(|(w, _)| !w.contains(|c: char| c.is_ascii_digit())),
            "of",
            metric_end,
        ),
        // `net income before taxes as a percentage of revenue`: a ratio of the metric,
        // which states no amount of it.
        "as" if rest.trim_start().to_ascii_lowercase().starts_with("as a percent") => (After::NotMetric, metric_end),
        "before"
            if words.clone().next().is_some_and(|(w, _)| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "tax" | "taxes" | "income" | "interest" | "provision"
                )
            }) =>
        {
            (After::Plain, metric_end)
        }
        "excluding" | "ex" | "ex-" | "before" => {
            // `of` ends the phrase only before the figure (`excluding items of $0.20`),
            // not in `excluding the impact of acquisition expenses`.
            let words: Vec<(&str, usize)> = words.take(9).collect();
            let ends_at = |k: usize| {
                let w = words[k].0.to_ascii_lowercase();
                if w == "of" {
                    words
                        .get(k + 1)
                        .is_none_or(|(next, _)| next.starts_with(|c: char| !c.is_alphabetic()))
                } else {
                    EXCLUSION_ENDS.contains(&w.as_str())
                }
            };
            let end = (0..words.len())
                .take_while(|k| !ends_at(*k))
                .last()
                .map_or(metric_end, |k| words[k].1);
            (After::Excluding, end)
        }
        _ => (After::Plain, metric_end),
    }
}

/// True when the expectations after the metric ending at `metric_end` are someone else's
/// (`consensus revenue expectations`, `the Street's EPS expectations`): they state no
/// figure of the company. The company's own (`Adjusted earnings per share expectations
/// continue to be in the range of $3.03 to $3.06`) are its forecast of the metric.
fn others_expect(text: &str, metric_end: usize) -> bool {
    let mut from = metric_end.saturating_sub(48);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..metric_end].to_ascii_lowercase();
    ["consensus", "street", "analyst", "investor", "market", "your", "their"]
        .iter()
        .any(|w| before.contains(w))
}

/// `U.S.`, `U.K.`: initials each followed by a dot.
fn is_dotted_abbreviation(word: &str) -> bool {
    let Some(body) = word.strip_suffix('.') else {
        return false;
    };
    body.contains('.')
        && body
            .split('.')
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_uppercase()))
}

/// Words of `rest` with the byte offset (in the whole text) where each ends; a word
/// followed by punctuation is the last.
fn word_spans(rest: &str, offset: usize) -> std::vec::IntoIter<(&str, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in rest.char_indices().chain(std::iter::once((rest.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                start = None;
                let raw: &str = &rest[s..i];
                let mut trimmed = raw.trim_end_matches([',', ';', '.', ':', ')', '"', '”', '?', '!']);
                // `U.S.` and `U.K.` keep their last dot: it ends the abbreviation, and
                // the phrase goes on (`in the U.S. grew 13%`).
                if raw[trimmed.len()..].starts_with('.') && is_dotted_abbreviation(&raw[..=trimmed.len()]) {
                    trimmed = &raw[..=trimmed.len()];
                }
                let word = trimmed.trim_start_matches(['(', '"', '“']);
                if !word.is_empty() {
                    out.push((word, offset + s + trimmed.len()));
                }
                if trimmed.len() < raw.len() || word.is_empty() {
                    break;
                }
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out.into_iter()
}

/// `from X`, `in the X segment`, `in China`: a segment when X is a name.
fn source_after<'a>(
    words: impl Iterator<Item = (&'a str, usize)>,
    preposition: &str,
    metric_end: usize,
) -> (After, usize) {
    let mut name: Vec<&str> = Vec::new();
    let mut marked_segment = false;
    let mut end = metric_end;
    for (w, w_end) in words.take(6) {
        let lower = w.to_ascii_lowercase();
        if name.is_empty() && matches!(lower.as_str(), "the" | "our" | "its") {
            continue;
        }
        let lowercase = !starts_upper(w);
        if lowercase
            && matches!(
                lower.as_str(),
                "segment" | "segments" | "business" | "businesses" | "division" | "region"
            )
        {
            marked_segment = true;
            end = w_end;
            break;
        }
        let joins_names = matches!(lower.as_str(), "and" | "&") && name.last().is_some_and(|n| starts_upper(n));
        // `US`, `IT` in capitals are names, not the pronouns.
        let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        let stop = is_stop(&lower) && !acronym;
        if !joins_names && (stop || w.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '$')) {
            break;
        }
        // After the source's name, an `-ed` word is the sentence's verb (`from
        // continuing operations decreased 52%`).
        if !name.is_empty() && lowercase && lower.ends_with("ed") {
            break;
        }
        name.push(w);
        end = w_end;
    }
    while name.last().is_some_and(|w| matches!(*w, "and" | "&")) {
        name.pop();
    }
    let lower: Vec<String> = name.iter().map(|w| w.to_ascii_lowercase()).collect();
    let joined = lower.join(" ");
    if preposition == "from" && joined.ends_with("operations") {
        return (After::Total, end);
    }
    if name.is_empty() {
        return if marked_segment {
            (After::ThisSegment, end)
        } else {
            (After::Plain, metric_end)
        };
    }
    if lower.iter().any(|w| ITEM_NOUNS.contains(&w.as_str()) || is_part(w)) {
        return (After::Item, end);
    }
    let periodish = lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "quarter"
                | "year"
                | "period"
                | "month"
                | "months"
                | "half"
                | "prior"
                | "last"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "q1"
                | "q2"
                | "q3"
                | "q4"
                | "fiscal"
                | "ytd"
                | "quarters"
                | "years"
        ) || is_year(w)
    });
    let named = name.iter().all(|w| starts_upper(w) || *w == "&" || *w == "and");
    let month = lower.iter().any(|w| period::is_month(w) || w == "sept");
    if periodish || month {
        return (After::Plain, metric_end);
    }
    // `revenue for the company`, `EPS of the Company`: the total, through its words.
    if TOTAL.contains(&joined.as_str()) {
        return (After::Total, end);
    }
    if marked_segment || (named && name.first().is_some_and(|w| starts_upper(w))) {
        return (After::Segment(segment_name(&name)), end);
    }
    (After::Plain, metric_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Qualifiers {
        before(text, text.len(), &Names::new(Vec::new(), "AMZN", "Amazon.com, Inc."))
    }

    #[test]
    fn basis_total_and_segment_before_a_metric() {
        assert_eq!(q("Our adjusted ").basis, Some(Basis::Adjusted));
        assert_eq!(q("Fourth quarter GAAP diluted ").basis, Some(Basis::Gaap));
        assert!(q("Total company ").total);
        assert_eq!(q("North America segment ").segment.as_deref(), Some("North America"));
        assert_eq!(
            q("In our international segment ").segment.as_deref(),
            Some("international")
        );
        assert_eq!(q("In AWS, ").segment, None, "a comma ends the phrase");
        assert_eq!(
            q("Q3 tap fee ").segment.as_deref(),
            Some("tap fee"),
            "plain nouns name a line"
        );
        assert!(q("sustainable ").item, "an adjective names no line");
        assert_eq!(
            q("We again improved commercial cloud ").segment.as_deref(),
            Some("commercial cloud")
        );
        assert_eq!(
            q("The Productivity and Business Processes ").segment.as_deref(),
            Some("Productivity and Business Processes")
        );
        assert_eq!(
            q("Software ").segment.as_deref(),
            Some("Software"),
            "a common segment word"
        );
        assert!(
            q("Sustainable ").item,
            "a capital that only starts the sentence names nothing"
        );
        assert_eq!(
            before("Surface ", 8, &Names::new(vec!["Surface".to_string()], "MSFT", ""))
                .segment
                .as_deref(),
            Some("Surface"),
            "a segment the call names"
        );
        assert!(q("Amazon's ").total, "the company's own name is the total");
        assert!(q("Our AMZN ").total);
        assert_eq!(q("AWS's ").segment.as_deref(), Some("AWS"), "an acronym is a segment");
        let gne = Names::new(Vec::new(), "GNE", "");
        assert!(before("Genie Energy's ", 15, &gne).total);
        assert_eq!(q("Tennant reported ").segment, None, "a verb ends the phrase");
        assert_eq!(q("LinkedIn's ").segment.as_deref(), Some("LinkedIn"));
        assert_eq!(q("The company's ").segment, None);
        assert!(q("The company's ").total);
    }

    #[test]
    fn debris_never_names_a_segment() {
        for text in [
            "some very healthy ",
            "we're forecasting full year ",
            "lower ",
            "incremental ",
            "additional ",
            "deliver adjusted diluted ",
            "[Technical Issues] sustainable adjusted ",
            "generating cumulative COVID-related ",
            "raising our ",
        ] {
            let got = q(text);
            assert_eq!(got.segment, None, "{text}: {got:?}");
        }
        assert!(q("one hotel's ").item);
        assert!(q("global COVID testing-related ").item, "what a part is related to");
        assert!(
            q("incremental ").novel,
            "a part of most metrics, the news of an announcement"
        );
    }

    #[test]
    fn what_follows_a_metric() {
        let after_of = |t: &str| after(t, 0).0;
        assert_eq!(after_of(" synergies of $50 million"), After::NotMetric);
        assert_eq!(
            after_of(" from Productivity and Business Processes was"),
            After::Segment("Productivity and Business Processes".into())
        );
        assert_eq!(after_of(" from the segment was"), After::ThisSegment);
        assert_eq!(after_of(" in China grew"), After::Segment("China".into()));
        assert_eq!(after_of(" in the quarter was"), After::Plain);
        assert_eq!(after_of(" from continuing operations of"), After::Total);
        assert_eq!(after_of(" attributable to common shareholders"), After::Total);
        assert_eq!(after_of(", up 5%"), After::Plain);
        assert_eq!(after_of(" was $5 million"), After::Plain);
        let text = "revenue from Productivity and Business Processes was $9 billion";
        assert_eq!(&text[after(text, 7).1..], " was $9 billion", "the qualifier's end");
        let text = "net income attributable to common shareholders was $5 million";
        assert_eq!(&text[after(text, 10).1..], " was $5 million");
    }
}
