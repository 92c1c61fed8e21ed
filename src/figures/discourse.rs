//! What a speaker is talking about across sentences: the segment a passage covers
//! (`Moving to AWS.`), an outlook passage (`Turning to our guidance for Q2.`) and its
//! period, and the segments the whole call names (`our North America segment`).

use std::sync::LazyLock;

use regex::Regex;

use crate::figures::period::{self, CallPeriod, Period};
use crate::figures::vocabulary::MetricId;
use crate::figures::wordset::WordSet;

/// The state carried from sentence to sentence within one turn.
#[derive(Debug, Clone, Default)]
pub struct Discourse {
    /// The passage gives an outlook: figures are forecasts unless a verb reports a result.
    pub guidance: bool,
    /// The period the outlook passage is about.
    pub guidance_period: Option<Period>,
    /// Sentences since the outlook passage last gave a forecast: a passage that stops
    /// giving them has moved on.
    pub guidance_age: usize,
    /// The segment the passage is about.
    pub segment: Option<String>,
    /// Sentences since the passage's segment was last named: a passage that stops
    /// naming its segment has moved on.
    pub segment_age: usize,
    /// The period a topic sentence set (`Turning to full-year results.`).
    pub period: Option<Period>,
    /// Segments the call has opened passages about so far (`Turning to Mac.`, `In iPad,
    /// …`), in this turn or an earlier one: a sentence naming one later (`Mac generated
    /// revenue of …`) is about it.
    pub seen_segments: Vec<String>,
    /// The period a sentence of the paragraph named for its results.
    pub paragraph_period: Option<Period>,
    /// The segment the paragraph last named (`North America segment operating income
    /// was $5 billion. Operating margin was 5.8%.`), until a total word or the paragraph's end.
    pub paragraph_segment: Option<String>,
    /// The per-share earnings measure the call last stated (`FFO per share as adjusted
    /// of $0.58`): what a later `$2.35 per share` of results names, in any turn.
    pub per_share_measure: Option<MetricId>,
}

/// What a sentence that opens a topic says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Topic {
    /// An outlook or guidance passage, with its period when named.
    Outlook(Option<Period>),
    /// A segment or line of business.
    Segment(String),
    /// The whole company, or a subject that is no segment (balance sheet, costs).
    Company(Option<Period>),
}

static TOPIC_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^
        (?:(?:now|next|finally|lastly|first|second|third|so|and|ok|okay|all\s+right|with\s+that|then|briefly|turning)[,]?\s+)*
        (?:(?:let\s+me|let's|let\s+us|i'll|i\s+will|we'll|we\s+will|i'd\s+like\s+to|i\s+want\s+to|i\s+would\s+like\s+to)\s+(?:now\s+)?)?
        (?:
            (?:turn(?:ing)?|mov(?:e|ing)(?:\s+on)?|shift(?:ing)?|switch(?:ing)?|go(?:ing)?|look(?:ing)?|get(?:ting)?|come|coming|pivot(?:ing)?|transition(?:ing)?)\s+(?:now\s+|back\s+|over\s+)?(?:to|at|on\s+to|onto|into)
          | now\s+(?:on\s+)?to
          | (?:as\s+for|regarding|with\s+regard\s+to|with\s+respect\s+to)
          | (?:looking|turning)\s+(?:ahead|forward)(?:\s+to)?
          | (?:taking|take)\s+a\s+(?:quick\s+|closer\s+)?look\s+at
          | back\s+to
          | (?:a\s+few|some)\s+(?:words|comments|thoughts)\s+(?:on|about)
          | (?:i'm\s+going\s+to\s+|i'll\s+|let\s+me\s+)?(?:start|begin)\s+with\s+(?:this\s+one|the\s+(?:first\s+)?(?:one|question|part))\s+(?:on|about)
          | (?:talk|speak)\s+(?:about|to)
          | (?:discuss|review|cover|address)
          | (?:start(?:ing)?|begin(?:ning)?|kick(?:ing)?\s+off|open(?:ing)?)\s+with
        )
        \s*(?P<topic>[^.;:!?,]*)",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

static INITIAL_NAME_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:Moving|Turning|Shifting|Now|Next|Finally|Switching)[^,]{0,40},\s*)?(?:In|in|For|for|Within|within|At|at|(?P<topic>Starting\s+with|Beginning\s+with|Turning\s+to|Moving\s+to))\s+(?:(?:the|our)\s+)?(?:(?P<name>[A-Z][\w&.'-]*(?:\s+(?:&|and|[A-Z][\w&.'-]*)){0,4}(?:\s+[a-z][\w-]*)?)(?:\s+(?:segment|business|division))?|(?P<lower>[\w&.'-]+(?:\s+[\w&.'-]+){0,3})\s+(?:segment|business|division|category|region|unit|brand|platform|sector)|(?P<plain>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)|(?P<brand>[a-z]+[A-Z][\w-]*))\s*,",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Words that never name a segment, though a sentence may put them where one goes (and
/// the months' names: [`is_not_segment`]).
static NOT_SEGMENTS: WordSet = WordSet::new(&[
    "each",
    "every",
    "all",
    "other",
    "this",
    "that",
    "these",
    "those",
    "which",
    "reportable",
    "operating",
    "one",
    "two",
    "three",
    "four",
    "five",
    "both",
    "total",
    "largest",
    "smallest",
    "biggest",
    "first",
    "second",
    "third",
    "fourth",
    "the",
    "our",
    "my",
    "addition",
    "summary",
    "closing",
    "conclusion",
    "general",
    "short",
    "particular",
    "terms",
    "fact",
    "aggregate",
    "q1",
    "q2",
    "q3",
    "q4",
    "fiscal",
    "light",
    "response",
    "order",
    "line",
    "contrast",
    "comparison",
    "turn",
    "today",
    "year",
    "quarter",
    "quarters",
    "2019",
    "2020",
    "2021",
    "2022",
    "2023",
    "2024",
    "2025",
    "2026",
    "each",
    "sept",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "oct",
    "nov",
    "dec",
    "practice",
    // `For example,`, `For reference,`, `In this case,`, `In summation,`: openers that
    // name nothing.
    "example",
    "summation",
    "instance",
    "reference",
    "context",
    "perspective",
    "clarity",
    "case",
    "part",
    "reality",
    // `At our Analyst Day,`, `at our Investor Day`: an event.
    "day",
    "effect",
    "essence",
    "sum",
    "adjusted",
    "gaap",
    "non-gaap",
    "organic",
    "reported",
    "comparable",
    "underlying",
    "consolidated",
    "combined",
    "pro-forma",
    "net",
    "gross",
    // `revenue growth by segment`: no name before the word.
    "by",
    "per",
    "across",
]);

/// The segments the call names (`our North America segment`, `the Intelligent Cloud
/// segment`), in order of first mention.
pub fn segments_named<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for text in paragraphs {
        for (at, keyword) in KEYWORDS.find_iter(text).map(|m| (m.start(), m.as_str())) {
            let Some(seg) = name_before_keyword(&text[..at], keyword) else {
                continue;
            };
            let seg = trim_name(&seg);
            // `the business segments`: a word of kind, no name.
            let generic = matches!(seg.as_str(), "business" | "businesses");
            if !generic && is_name(&seg) && !found.iter().any(|f| f.eq_ignore_ascii_case(&seg)) {
                found.push(seg);
            }
        }
    }
    found
}

static KEYWORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:segments?|business|division|Segments?|Business|Division)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// The segment name right before `segment` (or `business`, `division`): `our North
/// America` (any case after the/our/its), or a capitalised name (`Intelligent Cloud`).
fn name_before_keyword(head: &str, keyword: &str) -> Option<String> {
    let words: Vec<&str> = head.split_whitespace().rev().take(6).collect();
    let mut name: Vec<&str> = Vec::new();
    let mut determined = false;
    for w in &words {
        let clean = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '\'' && c != '-' && c != '.');
        if clean.len() != w.len() && !name.is_empty() {
            break; // punctuation ends the name
        }
        let lower = clean.to_ascii_lowercase();
        if matches!(lower.as_str(), "the" | "our" | "its") {
            determined = true;
            break;
        }
        if clean.is_empty() || name.len() == 4 {
            break;
        }
        name.insert(0, clean);
    }
    // `and` or `&` joins two words of a name, never ends one (`$1.18 and segment EBIT`).
    while name
        .first()
        .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "and" | "&"))
    {
        name.remove(0);
    }
    let capitalised = name
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "and" | "&"));
    // `business` and `division` name a segment after a capitalised name, or after a
    // word of geography (`our international business`); other lowercase words before
    // them are as often the whole company (`our tax business`, `our steel business`).
    let segment_word = keyword.eq_ignore_ascii_case("segment") || keyword.eq_ignore_ascii_case("segments");
    let geographic = matches!(name.as_slice(), ["international" | "domestic"]);
    (!name.is_empty() && (capitalised || determined && (segment_word || geographic))).then(|| name.join(" "))
}

fn trim_name(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().skip_while(|w| is_not_segment(w)).collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "segment"
                    | "segments"
                    | "business"
                    | "division"
                    | "category"
                    | "region"
                    | "unit"
                    | "brand"
                    | "platform"
            )
        })
    {
        words.pop();
    }
    // A possessive is no part of the name (`Performance Chemicals'`, `Azure's`).
    let joined = words.join(" ");
    let name = joined.trim_end_matches("'s").trim_end_matches("’s");
    name.trim_end_matches(['\'', '’']).to_string()
}

fn is_name(name: &str) -> bool {
    !name.is_empty() && name.split_whitespace().count() <= 4 && !name.split_whitespace().any(is_not_segment)
}

/// A word of [`NOT_SEGMENTS`] or a month's name, in any case.
fn is_not_segment(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    NOT_SEGMENTS.contains(lower.as_str()) || super::period::is_month(&lower)
}

/// A segment named at the start of a sentence for that sentence alone (`In Intelligent
/// Cloud, we expect …`).
pub fn sentence_segment(sentence: &str) -> Option<String> {
    let first = sentence.split_whitespace().next().unwrap_or("");
    let opens = [
        "in",
        "for",
        "within",
        "at",
        "moving",
        "turning",
        "shifting",
        "now",
        "next",
        "finally",
        "switching",
        "starting",
        "beginning",
    ]
    .iter()
    .any(|w| first.eq_ignore_ascii_case(w));
    if !opens {
        return None;
    }
    let sentence = sentence.trim_start();
    if !INITIAL_NAME_RE.is_match(sentence) {
        return None;
    }
    let c = INITIAL_NAME_RE.captures(sentence)?;
    // `Turning to dispositions,`, `Moving to the balance sheet,`: a topic opener names a
    // segment only by a name or a segment word (`Starting with our completion and
    // production division,`).
    if c.name("topic").is_some() && c.name("plain").is_some() {
        return None;
    }
    // `In education, we reported revenue of …`: a lowercase word names a line only when
    // it is one (not `In addition,`).
    // Two such words too (`In display technology, second-quarter sales were …`).
    if let Some(plain) = c.name("plain") {
        let words = plain.as_str();
        // Not a place on a slide, a level of the company or a horizon (`In the top right,`,
        // `At the corporate level,`, `In the medium term,`), nor a metric's own noun
        // (`our recurring revenues`).
        let each_names_a_line = words.split_whitespace().all(crate::figures::scope::names_a_line)
            && !words.split_whitespace().any(|w| {
                matches!(
                    w,
                    "top" | "bottom" | "left" | "right" | "side" | "level" | "term" | "end" | "hand" | "line"
                ) || crate::figures::scope::is_metric_noun(w)
            });
        return (each_names_a_line && is_name(words) && !is_generic_topic(words)).then(|| words.to_string());
    }
    let name = trim_name(
        c.name("name")
            .map(|m| without_plain_tail(m.as_str()))
            .or_else(|| c.name("lower").map(|m| m.as_str()))
            .or_else(|| c.name("brand").map(|m| m.as_str()))?,
    );
    let first = name.split_whitespace().next()?.to_ascii_lowercase();
    let periodish = matches!(first.as_str(), "q1" | "q2" | "q3" | "q4" | "fy") || name.contains(char::is_numeric);
    (is_name(&name) && !periodish && !is_generic_topic(&name.to_ascii_lowercase())).then_some(name)
}

/// A name without a last lowercase word that is no line of business: `North America
/// wholesale` keeps `wholesale`, `Europe alone` loses `alone`.
fn without_plain_tail(name: &str) -> &str {
    match name.rsplit_once(char::is_whitespace) {
        Some((head, last))
            if last.starts_with(|c: char| c.is_ascii_lowercase())
                && !crate::figures::scope::is_line_word(last)
                && !matches!(last, "and" | "&") =>
        {
            head.trim_end()
        }
        _ => name,
    }
}

/// Words that open a topic about the company as a whole or about no segment.
const COMPANY_TOPICS: &[&str] = &[
    "balance sheet",
    "cash flow",
    "capital",
    "liquidity",
    "expense",
    "expenses",
    "cost",
    "costs",
    "tax",
    "margin",
    "margins",
    "profitability",
    "result",
    "results",
    "performance",
    "financial",
    "financials",
    "income statement",
    "p&l",
    "total",
    "consolidated",
    "company",
    "overall",
    "question",
    "questions",
    "q&a",
    "summary",
    "share",
    "shares",
    "dividend",
    "repurchase",
    "buyback",
    "debt",
    "leverage",
    "earnings",
    "revenue",
    "revenues",
    "sales",
    "slide",
    "page",
    "highlights",
    "details",
    "detail",
    "the quarter",
    "quarter",
    "year",
    "operations",
    "operating",
    "eps",
    "guidance",
    "outlook",
    "strategy",
    "segment",
    "segments",
    "business",
    "businesses",
    "cash",
    "capex",
    "investment",
    "investments",
    "update",
    "progress",
    "covid",
    "pandemic",
    "environment",
    "esg",
    "people",
    "customers",
    "markets",
    "demand",
    "pricing",
    "items",
    "meantime",
    "interim",
    "bottom line",
    "bottom",
    "topline",
    "top line",
    "market",
    "near-term",
    "near term",
    "long-term",
    "short-term",
    "portfolio",
];

const OUTLOOK_WORDS: &[&str] = &[
    "outlook",
    "guidance",
    "expectations",
    "forecast",
    "ahead",
    "forward",
    "next quarter",
    "next year",
    "the remainder",
    "the rest of the year",
    "second half",
    "back half",
    "expect",
];

fn is_generic_topic(lower: &str) -> bool {
    COMPANY_TOPICS.iter().any(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// The topic a sentence opens, if it opens one (`Moving to AWS.`, `Now let's turn to
/// next quarter's outlook.`, `Turning to our segments.`).
pub fn topic(sentence: &str, call: &CallPeriod, known: &[String]) -> Option<Topic> {
    let sentence = sentence.trim_start();
    // Most sentences open no topic: `is_match` says so without allocating the groups or
    // running the engine that resolves them.
    if !TOPIC_RE.is_match(sentence) {
        return None;
    }
    let c = TOPIC_RE.captures(sentence)?;
    let whole = c.get(0)?.as_str().to_ascii_lowercase();
    let raw = c.name("topic").map_or("", |m| m.as_str()).trim();
    let lower = raw.to_ascii_lowercase();
    // `Moving to Slide 13, I'll discuss our commercial banking business.`: a slide is
    // where the topic is shown; the clause after it names the topic.
    if is_slide(&lower)
        && let Some(rest) = sentence
            .get(c.get(0)?.end()..)
            .and_then(|r| r.trim_start().strip_prefix(','))
        && let Some(t) = topic(rest, call, known)
    {
        return Some(t);
    }
    let phrases = period::phrases(raw);
    if OUTLOOK_WORDS.iter().any(|w| whole.contains(w)) {
        return Some(Topic::Outlook(phrases.first().map(|p| p.resolve(call, true))));
    }
    // A topic of results names its period only when it names one (`the quarter and the
    // full year` names none in particular).
    let period = match phrases.as_slice() {
        [only] => Some(only.resolve(call, false)),
        _ => None,
    };
    // `Looking to the fourth quarter, we expect …` on a third-quarter call: a quarter of
    // this year still to come opens its outlook (it had dated the results that followed
    // as the fourth quarter of last year).
    if let [only] = phrases.as_slice()
        && let (Some(q), Some(own)) = (only.quarter_without_year(), call.quarter)
        && q > own
    {
        return Some(Topic::Outlook(Some(only.resolve(call, true))));
    }
    let cleaned = clean_topic(raw);
    let lower_words: Vec<&str> = lower.split_whitespace().collect();
    let named: Vec<&String> = known
        .iter()
        .filter(|k| {
            cleaned.eq_ignore_ascii_case(k)
                || lower_words
                    .windows(k.split_whitespace().count())
                    .any(|w| w.join(" ").eq_ignore_ascii_case(k))
        })
        .collect();
    // A name inside a longer one the topic names is that one (`Clean Energy and
    // Infrastructure` holds `clean energy`).
    let mut whole = named
        .iter()
        .filter(|k| !named.iter().any(|o| o.len() > k.len() && holds_words(o, k)));
    if let Some(k) = whole.next() {
        // `our group reinsurance and insurance results`: two segments together are the
        // company's.
        if whole.next().is_some() {
            return Some(Topic::Company(period));
        }
        return Some(Topic::Segment((*k).clone()));
    }
    let lower_clean = cleaned.to_ascii_lowercase();
    let capitalised = cleaned
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "and" | "&"));
    if !cleaned.is_empty()
        && capitalised
        && is_name(&cleaned)
        && !is_generic_topic(&lower_clean)
        && !lower.starts_with("the question")
    {
        return Some(Topic::Segment(cleaned));
    }
    // `I'll discuss our commercial banking business.`: a name in any case that the
    // speaker calls a business, segment or division.
    let called_one = ["business", "segment", "division"]
        .iter()
        .any(|w| lower.strip_suffix(w).is_some_and(|head| head.ends_with(' ')));
    if called_one && lower.starts_with("our ") && is_name(&cleaned) && !is_generic_topic(&lower_clean) {
        return Some(Topic::Segment(cleaned));
    }
    // Short topics only: a long clause is a sentence, not a heading.
    (raw.split_whitespace().count() <= 8).then_some(Topic::Company(period))
}

/// True when the words of `name` hold those of `part` in a row, in any case (`Clean
/// Energy and Infrastructure` holds `clean energy`; `Reinsurance` holds no `Insurance`).
fn holds_words(name: &str, part: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let part: Vec<&str> = part.split_whitespace().collect();
    words
        .windows(part.len().max(1))
        .any(|w| w.iter().zip(&part).all(|(a, b)| a.eq_ignore_ascii_case(b)))
}

/// `slide 13`, `page 5`, `the next slide`: a place in the presentation.
fn is_slide(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [first, rest @ ..] if matches!(*first, "slide" | "slides" | "page" | "pages") => rest
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_digit() || c == '-') || *w == "and"),
        ["the", "next", "slide" | "page"] => true,
        _ => false,
    }
}

/// `the results of More Personal Computing` → `More Personal Computing`.
fn clean_topic(raw: &str) -> String {
    let lower = raw.to_ascii_lowercase();
    let mut text = raw;
    for prefix in [
        "the results of ",
        "the results for ",
        "results of ",
        "results for ",
        "the performance of ",
        "our ",
        "the ",
    ] {
        if lower.starts_with(prefix) {
            text = &raw[prefix.len()..];
            break;
        }
    }
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.last().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "segment"
                | "segments"
                | "business"
                | "division"
                | "results"
                | "now"
                | "performance"
                | "first"
                | "briefly"
                | "revenue"
                | "revenues"
                | "sales"
                | "numbers"
                | "metrics"
                | "profitability"
                | "margins"
                | "financials"
        )
    }) {
        words.pop();
    }
    words.join(" ").trim_end_matches(',').to_string()
}

/// How many sentences a segment passage lasts without naming its segment again.
const SEGMENT_SPAN: usize = 6;

/// How many sentences an outlook passage lasts without a forecast.
const OUTLOOK_SPAN: usize = 4;

/// Nouns of a sentence that opens an outlook (`update our fiscal year guidance`); a verb
/// alone (`we anticipate setting records this year`) opens none.
const LOOKS_AHEAD: &[&str] = &["guidance", "outlook", "forecast", "expectations for", "looking ahead"];

/// One searcher per noun, for lowercased text (see [`outlook_nouns`]).
static OUTLOOK_NOUNS: LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    LazyLock::new(|| LOOKS_AHEAD.iter().map(memchr::memmem::Finder::new).collect());

/// A sentence without figures that names an outlook noun (see [`outlook_nouns`]) and
/// frames what follows as an outlook for a later period (`As we look to the end of FY
/// '22, I would like to update our fiscal year guidance.`).
///
/// A period that names a call or a release (`Relative to guidance provided at the time
/// of our Q2 earnings report`) dates when something was said, not the outlook.
pub fn outlook(sentence: &str, call: &CallPeriod) -> Option<Topic> {
    let names_an_event = |end: usize| {
        let after = sentence[end..].trim_start().to_ascii_lowercase();
        let after = after.strip_prefix("earnings ").unwrap_or(&after);
        ["call", "report", "release", "conference", "results call"]
            .iter()
            .any(|w| after.starts_with(w))
    };
    let period = period::phrases(sentence)
        .iter()
        .filter(|p| !names_an_event(p.end))
        .map(|p| p.resolve(call, true))
        .find(|p| call.is_future(p))?;
    Some(Topic::Outlook(Some(period)))
}

/// What a sentence without figures frames as the period of the results that follow, on
/// a fourth-quarter call, where a passage about the whole year states its figures
/// without a period (`… combined to deliver outstanding results in 2021.`, then `We more
/// than doubled adjusted operating income per share to $6.32 per share.`):
/// `Some(Some(year))` for the call's own year, `Some(None)` for its own quarter (back
/// from a passage about the year), `None` when it frames no period of its own. A
/// sentence about results (`results`, `performance`, `highlights`) frames the one period
/// it names; any other sentence naming the quarter ends a passage about the year.
pub fn results_frame(sentence: &str, call: &CallPeriod) -> Option<Option<Period>> {
    if call.quarter != Some(4) {
        return None;
    }
    if !RESULT_WORDS.iter().any(|w| contains_ignore_case(sentence, w)) {
        return names_own_quarter(sentence, call).then_some(None);
    }
    let phrases = period::phrases(sentence);
    let [only] = phrases.as_slice() else { return None };
    let period = only.resolve(call, false);
    if period == call.current() {
        Some(None)
    } else {
        call.is_own_year(&period).then_some(Some(period))
    }
}

/// True when a sentence names the call's own quarter (`Now let's discuss the fourth
/// quarter.`): a passage about the whole year has ended.
fn names_own_quarter(sentence: &str, call: &CallPeriod) -> bool {
    let quarter = call.current();
    period::phrases(sentence)
        .iter()
        .any(|p| p.resolve(call, false) == quarter)
}

/// Words of a sentence about a period's results.
const RESULT_WORDS: [&str; 3] = ["result", "performance", "highlight"];

/// Where the nouns that open an outlook (`guidance`, `outlook`, …) start in `lower`, a
/// paragraph ASCII-lowercased. A SIMD substring search per noun over the paragraph costs a
/// sixth of a case-blind Aho-Corasick pass over each of its sentences without figures
/// (that pass was 7% of figure extraction).
pub fn outlook_nouns(lower: &str) -> Vec<usize> {
    OUTLOOK_NOUNS
        .iter()
        .flat_map(|f| f.find_iter(lower.as_bytes()))
        .collect()
}

/// True when `needle` occurs in `hay`, ASCII case ignored (no allocation).
pub fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    let n = needle.len();
    n == 0
        || hay
            .as_bytes()
            .windows(n)
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// True when `hay` opens with `prefix`, ASCII letters in any case.
pub fn starts_with_ignore_case(hay: &str, prefix: &str) -> bool {
    hay.as_bytes()
        .get(..prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

impl Discourse {
    /// Remembers a segment the call talks about.
    pub fn see(&mut self, segment: &str) {
        if !self.seen_segments.iter().any(|s| s.eq_ignore_ascii_case(segment)) {
            self.seen_segments.push(segment.to_string());
        }
    }

    /// Ages the outlook passage by one sentence; it ends after a few without a forecast.
    pub fn age_outlook(&mut self) {
        self.guidance_age += 1;
        if self.guidance_age > OUTLOOK_SPAN {
            self.guidance = false;
        }
    }

    /// Ages the passage's segment by one sentence; `sentence` naming it renews it.
    pub fn age_segment(&mut self, sentence: &str) {
        let Some(seg) = &self.segment else { return };
        let named = contains_ignore_case(sentence, seg);
        self.segment_age = if named { 0 } else { self.segment_age + 1 };
        if self.segment_age > SEGMENT_SPAN {
            self.segment = None;
        }
    }

    /// Updates the passage state with a sentence that opens a topic.
    pub fn open(&mut self, topic: Topic) {
        match topic {
            Topic::Outlook(p) => {
                self.guidance = true;
                self.guidance_age = 0;
                self.guidance_period = p.or(self.guidance_period);
                self.segment = None;
            }
            Topic::Segment(s) => {
                self.see(&s);
                self.paragraph_segment = None;
                self.segment = Some(s);
                self.segment_age = 0;
            }
            Topic::Company(p) => {
                self.guidance = false;
                self.guidance_period = None;
                self.segment = None;
                self.paragraph_segment = None;
                self.period = p;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q1_2024: CallPeriod = CallPeriod {
        year: Some(2024),
        quarter: Some(1),
        fiscal: false,
        speaking_year: Some(2024),
    };

    fn t(s: &str) -> Option<Topic> {
        topic(s, &Q1_2024, &["AWS".to_string()])
    }

    #[test]
    fn topics_open_passages() {
        assert_eq!(t("Moving to AWS."), Some(Topic::Segment("AWS".into())));
        assert_eq!(
            t("Now to the results of More Personal Computing."),
            Some(Topic::Segment("More Personal Computing".into()))
        );
        assert!(matches!(
            t("Now let's turn to next quarter's outlook."),
            Some(Topic::Outlook(_))
        ));
        assert_eq!(
            t("Turning to our revenue guidance for Q2."),
            Some(Topic::Outlook(Some(Q1_2024.next_quarter())))
        );
        assert_eq!(t("Turning to the balance sheet."), Some(Topic::Company(None)));
        assert_eq!(
            t("Looking to the second quarter, we expect expenses of $5 million."),
            Some(Topic::Outlook(Some(Q1_2024.next_quarter()))),
            "a quarter of this year still to come"
        );
        assert_eq!(
            t("Turning to the first quarter, revenue was $5 million."),
            Some(Topic::Company(Some(Q1_2024.current())))
        );
        assert_eq!(t("Revenue was $5 billion."), None);
        assert_eq!(
            t("I'm going to start with this one on AWS profitability."),
            Some(Topic::Segment("AWS".into()))
        );
    }

    #[test]
    fn segments_the_call_names() {
        let s = segments_named(
            [
                "In the North America segment, revenue grew.",
                "Our intelligent cloud segment delivered.",
                "In our international segment, income rose.",
                "all 3 reportable segments, each segment grew",
                // Neither a joining word nor a possessive is a segment or part of one.
                "adjusted earnings per share of $1.18 and segment EBIT of $140 million",
                "Performance Chemicals' segment EBIT rose",
            ]
            .into_iter(),
        );
        assert_eq!(
            s,
            [
                "North America",
                "intelligent cloud",
                "international",
                "Performance Chemicals"
            ]
        );
        assert_eq!(sentence_segment("For example, revenue grew 12%."), None);
        assert_eq!(
            sentence_segment("For reference, capital expenditures were $450 million."),
            None
        );
        assert_eq!(
            sentence_segment("In Intelligent Cloud, we expect revenue between $8.95 billion and $9.15 billion."),
            Some("Intelligent Cloud".into())
        );
        assert_eq!(sentence_segment("In Q2, revenue grew."), None);
        assert_eq!(
            sentence_segment("Moving to slide 13, in the Irrigation Segment, operating income was $25.3 million."),
            Some("Irrigation".into())
        );
        assert_eq!(
            sentence_segment("In the international segment, revenue was $31.9 billion."),
            Some("international".into())
        );
        assert_eq!(sentence_segment("In addition, revenue grew."), None);
        // Two lowercase words naming a line (GLW, NOC, CVS), not a place on a slide, a
        // level of the company, a horizon or a metric's own noun.
        assert_eq!(
            sentence_segment("In optical communications, fourth-quarter sales were $976 million."),
            Some("optical communications".into())
        );
        assert_eq!(
            sentence_segment("At defense systems, sales decreased by 24% in the quarter."),
            Some("defense systems".into())
        );
        for opener in [
            "In the top right, adjusted EBITDA increased $103 million.",
            "At the corporate level, we generated $55.3 million of adjusted EBITDA.",
            "In the medium term, we target a margin of 15%.",
            "In other words, revenue grew 5%.",
        ] {
            assert_eq!(sentence_segment(opener), None, "{opener}");
        }
        assert_eq!(
            sentence_segment("In education, we reported revenue of $212.2 million."),
            Some("education".into())
        );
        assert_eq!(
            sentence_segment("In our pineapple category, net sales were $102 million."),
            Some("pineapple".into())
        );
    }
}
