//! Tests of the number grammar, from sentences of real calls.

use super::*;
use regex::Regex;
use scan::{CjkParts, EnglishParts};
use std::sync::LazyLock;

fn one(text: &str) -> Match {
    let all = english(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.into_iter().next().unwrap()
}

fn usd(v: f64) -> Unit {
    let _ = v;
    Unit::Currency("USD")
}

fn units(text: &str) -> Vec<(String, Unit)> {
    english(text)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_string(), m.low.unit))
        .collect()
}

#[test]
fn a_run_of_digits_longer_than_any_figure_is_no_figure_and_no_pieces() {
    for run in [
        "9".repeat(60),
        format!("${}", "1".repeat(60)),
        format!("{}.5%", "3".repeat(50)),
    ] {
        let text = format!("Revenue was {run} in the quarter and $4.2 billion.");
        let found: Vec<f64> = english(&text).iter().map(|m| m.low.value).collect();
        assert_eq!(found, vec![4.2e9], "{run}");
    }
    assert_eq!(english("That is 123,456,789,012,345 units").len(), 1);
}

/// A line of a million digits is read 24 digits at a time, each piece within a window of
/// [`scan`]'s longest number: the scanner once counted the whole rest of the run for every
/// piece, and this line took minutes (`scripts/scaling` caught it).
#[test]
fn a_million_digits_are_no_figure_and_read_in_linear_work() {
    let longest = format!("123{}.{}", ",456".repeat(12), "7".repeat(24));
    let whole = scan::next_english(&longest, 0).map(|p| p.num);
    assert_eq!(whole, Some(0..longest.len()), "the longest number fits the window");
    let run = "9".repeat(1_000_000);
    assert!(english(&run).is_empty());
    assert!(chinese(&run).is_empty());
    let text = format!("{run} and $4.2 billion");
    assert_eq!(english(&text).iter().map(|m| m.low.value).collect::<Vec<_>>(), [4.2e9]);
}

#[test]
fn approximations_stand_outside_a_range() {
    let text = "EPS could range from about $0.05 to about $0.20";
    let m = one(text);
    assert_eq!((m.low.value, m.high.map(|h| h.value)), (0.05, Some(0.20)));
    let text = "between about $765 million and $775 million";
    let m = one(text);
    assert_eq!(&text[m.start..m.end], "between about $765 million and $775 million");
    // Not a range: a change from a base.
    assert_eq!(english("grew from about $23 million to $24.8 million").len(), 2);
}

#[test]
fn a_restart_and_a_bound_are_read_past() {
    // `range from five -- from about`: the speaker's restart still says range.
    let m = one("EPS could range from five -- from about $0.05 to about $0.20");
    assert_eq!((m.low.value, m.high.map(|h| h.value)), (0.05, Some(0.20)));
    // `from at least $6 to $7.50` is a raise from a bound, no range.
    assert_eq!(
        english("raised it from at least $6 per share to $7.50 per share").len(),
        2
    );
}

#[test]
fn a_band_is_part_of_the_figure() {
    for (text, said) in [
        (
            "sales in the mid- to high $10 billion range",
            "mid- to high $10 billion",
        ),
        ("in the mid-$11 billion range", "mid-$11 billion"),
        ("a margin rate in the low 10% range", "low 10%"),
        ("to grow in the mid 20% range", "mid 20%"),
    ] {
        let m = one(text);
        assert_eq!(&text[m.start..m.end], said);
    }
    // Without a hyphen or `range`, `high` and `low` may be no band.
    let text = "a high $5 million gain";
    let m = one(text);
    assert_eq!(&text[m.start..m.end], "$5 million");
}

#[test]
fn cents_multiples_points_and_scaled_numbers() {
    let m = one("15.2 cents");
    assert!((m.low.value - 0.152).abs() < 1e-9);
    assert_eq!(m.low.unit, usd(0.0));
    assert_eq!(one("2.5x").low.unit, Unit::Multiple);
    assert_eq!(one("leverage of 2.5 times").low.unit, Unit::Multiple);
    assert_eq!(one("up 6 points").low.unit, Unit::Points);
    assert_eq!(one("2 percentage points").low.unit, Unit::Points);
    let m = one("revenue of 1.4 billion");
    assert_eq!((m.low.value, m.low.unit, m.low.scaled), (1.4e9, Unit::Number, true));
    assert!(!one("$0.95").low.scaled);
}

#[test]
fn amounts_in_words() {
    let m = one("We target more than one billion US dollars in revenue from ASIC");
    assert_eq!((m.low.value, m.low.unit), (1e9, usd(0.0)));
    assert_eq!(one("a billion dollars").low.value, 1e9);
    assert!(english("one of our businesses").is_empty());
}

#[test]
fn counts_of_things() {
    assert_eq!(units("we sold 2,949 homes"), [("2,949".to_string(), Unit::Count)]);
    assert_eq!(units("22 to 24 rigs"), [("22 to 24".to_string(), Unit::Count)]);
    assert!(units("over 20 years").is_empty(), "a time is not a count");
    assert!(units("on Slide 15 we show").is_empty());
    assert!(units("COVID-19 cases").is_empty());
    assert!(units("the 10-K filing").is_empty());
    assert!(units("3 segments").is_empty(), "single digits are not counted");
}

#[test]
fn a_year_is_never_a_range_end() {
    let all = english("rising from 2021 to $30 million");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].low.value, 30e6);
    assert_eq!(all[0].high, None);
}

#[test]
fn amounts_with_scale() {
    for (text, value) in [
        ("$143.3 billion", 143.3e9),
        ("$700 million", 700e6),
        ("$1.07 trillion", 1.07e12),
        ("$9.99", 9.99),
        ("US$1,250 thousand", 1.25e6),
        ("$5bn", 5e9),
    ] {
        let m = one(text);
        assert!((m.low.value - value).abs() < 1e-3 * value, "{text}: {}", m.low.value);
        assert_eq!(m.low.unit, usd(value), "{text}");
        assert_eq!(&text[m.start..m.end], text);
    }
    assert_eq!(one("RMB 5.59 billion").low.unit, Unit::Currency("CNY"));
}

#[test]
fn precision_follows_the_written_digits() {
    let m = one("$143.3 billion");
    assert!((m.low.tolerance - 0.05e9).abs() < 1.0);
    let rounded = one("$143 billion");
    assert!(m.low.agrees_with(&rounded.low));
    assert!(!one("$903 million").low.agrees_with(&one("$902 million").low));
}

#[test]
fn percentages_and_basis_points() {
    assert_eq!(one("up 13% year-over-year").low.value, 13.0);
    assert_eq!(one("5.8 percent").low.unit, Unit::Percent);
    let b = one("up 460 basis points");
    assert_eq!((b.low.value, b.low.unit), (460.0, Unit::BasisPoints));
    assert_eq!(one("a 50 basis point headwind").low.value, 50.0);
    assert_eq!(one("120 bps").low.unit, Unit::BasisPoints);
}

#[test]
fn ranges_are_one_figure() {
    let m = one("expected to be between $144 billion and $149 billion or so");
    assert_eq!((m.low.value, m.high.as_ref().unwrap().value), (144e9, 149e9));
    let m = one("between 7% and 11%");
    assert_eq!((m.low.value, m.high.unwrap().value), (7.0, 11.0));
    let m = one("between $10 and $14 billion");
    assert_eq!(m.low.value, 10e9);
    let m = one("grow 7 to 11%");
    assert_eq!((m.low.value, m.low.unit), (7.0, Unit::Percent));
    assert_eq!(one("$58 million to $66 million").high.unwrap().value, 66e6);
    assert_eq!(
        english("grew from $23.3 million to $24.8 million").len(),
        2,
        "a change, not a range"
    );
    assert_eq!(
        english("increased 1.6% or approximately $47,000 to $2.9 million").len(),
        3
    );
    assert_eq!(english("fell from 13% to 10%").len(), 2, "a range runs low to high");
    let flat = one("revenues to be flat to down 6% sequentially");
    assert_eq!((flat.low.value, flat.high.as_ref().unwrap().value), (0.0, 6.0));
    assert_eq!(flat.start, "revenues to be ".len());
    assert_eq!(
        one("to range from $475 million to $500 million").high.unwrap().value,
        500e6
    );
    // "and" without "between" is two figures.
    assert_eq!(english("$5 billion and $6 billion").len(), 2);
    // The other ways guidance writes a range.
    for text in [
        "$10.20 up to $10.45",
        "$2.10 per share to $2.35 per share",
        "$6.70 and to $7.40",
    ] {
        let m = one(text);
        assert!(m.high.is_some(), "{text}");
    }
}

#[test]
fn years_counts_and_codes_are_not_figures() {
    for text in [
        "in 2024",
        "3 reportable segments",
        "Q1 2024",
        "Form 10-K",
        "3P units",
        "12 to 18 months",
    ] {
        assert!(english(text).is_empty(), "{text}: {:?}", english(text));
    }
}

#[test]
fn chinese_units() {
    let m = chinese("收入為 1,433 億美元,年增 13%");
    assert_eq!(m.len(), 2);
    assert!((m[0].low.value - 143.3e9).abs() < 1.0);
    assert_eq!(m[0].low.unit, Unit::Currency("USD"));
    assert_eq!(m[1].low.value, 13.0);
    assert!((chinese("5,780 萬美元")[0].low.value - 57.8e6).abs() < 1.0);
    assert_eq!(chinese("提升 150 個基點")[0].low.unit, Unit::BasisPoints);
    let r = &chinese("介於 4.3 億美元至 4.5 億美元之間")[0];
    assert!((r.high.as_ref().unwrap().value - 4.5e8).abs() < 1.0);
    assert!((r.low.value - 4.3e8).abs() < 1.0);
    assert_eq!(chinese("百分之5")[0].low.unit, Unit::Percent);
    assert!(chinese("2024 年第一季").is_empty());
    let m = &chinese("超過十億美元的收入")[0];
    assert_eq!((m.low.value, m.low.unit), (1e9, Unit::Currency("USD")));
    assert_eq!(chinese("三百五十萬")[0].low.value, 3.5e6);
    assert!(chinese("3,200 台機器人").is_empty());
}

/// The English number grammar as a regex: the statement [`scan::next_english`] must
/// follow match for match and group for group. Digits are ASCII, at most 24 at a time.
static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<cur>US\$|NT\$|C\$|A\$|HK\$|\$|€|£|¥|(?-u:\b)RMB\s?|(?-u:\b)USD\s?|(?-u:\b)EUR\s?|(?-u:\b)GBP\s?|(?-u:\b)JPY\s?|(?-u:\b)CNY\s?|(?-u:\b)TWD\s?)?
        (?P<num>[0-9]{1,3}(?:,[0-9]{3}){1,12}(?:\.[0-9]{1,24})?|[0-9]{1,24}(?:\.[0-9]{1,24})?|\.[0-9]{1,24})
        (?:
            \s?(?P<pct>%|percent(?-u:\b)|per\ cent(?-u:\b))
          | \s?(?P<bps>basis[\s-]points?(?-u:\b)|bps(?-u:\b)|bp(?-u:\b))
          | \s(?P<pts>(?:percentage\s+)?points?(?-u:\b)|pts(?-u:\b)|ppts?(?-u:\b))
          | \s?(?P<cents>cents?(?-u:\b)|¢)
          | (?P<times>x(?-u:\b)|\s?times(?-u:\b))
          | (?:\s|-)?(?P<scale>trillion|billion|million|thousand|mln(?-u:\b)|bln(?-u:\b)|bn(?-u:\b)|mn(?-u:\b)|tn(?-u:\b)|[BMK](?-u:\b))
        )?",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// The grammar of numbers in a Chinese translation, as a regex: the statement
/// [`scan::next_cjk`] must follow.
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<pre>US\$|NT\$|\$|美元|人民幣|人民币|新台幣|新臺幣)?\s*
        (?P<pct_word>百分之\s*)?
        (?P<num>[0-9]{1,3}(?:,[0-9]{3}){1,12}(?:\.[0-9]{1,24})?|[0-9]{1,24}(?:\.[0-9]{1,24})?)
        \s*(?P<mult>兆|億|亿|萬|万|千)?
        \s*(?:
            (?P<cur>美元|美金|人民幣元|人民币元|人民幣|人民币|新台幣|新臺幣|台幣|歐元|欧元|英鎊|日圓|日元|港元|港幣|元)
          | (?P<pct>%|％)
          | (?P<bps>個基點|个基点|基點|基点)
          | (?P<scale>trillion|billion|million|thousand)
        )?",
    )
    .expect("static regex")
});

/// Every English number of `text` by the regex: where it is and its groups.
fn english_by_regex(text: &str) -> Vec<EnglishParts<'_>> {
    let kinds = [
        ("pct", Suffix::Percent),
        ("bps", Suffix::BasisPoints),
        ("pts", Suffix::Points),
        ("cents", Suffix::Cents),
        ("times", Suffix::Times),
        ("scale", Suffix::Scale),
    ];
    ENGLISH
        .captures_iter(text)
        .map(|c| EnglishParts {
            whole: c.get(0).unwrap().range(),
            cur: c.name("cur").map(|m| m.as_str()),
            num: c.name("num").unwrap().range(),
            // `\s?times` holds its space; the word is said without it.
            suffix: kinds
                .iter()
                .find_map(|(name, kind)| Some((*kind, c.name(name)?.as_str().trim_start_matches(char::is_whitespace)))),
        })
        .collect()
}

/// Every number of a Chinese translation by the regex: where it is and its groups.
fn cjk_by_regex(text: &str) -> Vec<CjkParts<'_>> {
    let kinds = [
        ("cur", CjkSuffix::Currency),
        ("pct", CjkSuffix::Percent),
        ("bps", CjkSuffix::BasisPoints),
        ("scale", CjkSuffix::Scale),
    ];
    CJK.captures_iter(text)
        .map(|c| CjkParts {
            whole: c.get(0).unwrap().range(),
            pre: c.name("pre").map(|m| m.as_str()),
            pct_word: c.name("pct_word").is_some(),
            num: c.name("num").unwrap().range(),
            mult: c.name("mult").map(|m| m.as_str()),
            suffix: kinds
                .iter()
                .find_map(|(name, kind)| Some((*kind, c.name(name)?.as_str()))),
        })
        .collect()
}

/// Every number of `text` as the scanner finds it, with `next` (`next_english` or
/// `next_cjk`) and the end of each.
fn scanned<'t, P>(text: &'t str, next: fn(&'t str, usize) -> Option<P>, end: fn(&P) -> usize) -> Vec<P> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(p) = next(text, pos) {
        pos = end(&p);
        out.push(p);
    }
    out
}

/// Checks that the scanner finds the numbers of `text` in both grammars exactly as the
/// regexes match them, with the same parts; returns how many it found.
fn scan_as_regex(text: &str) -> usize {
    let english = scanned(text, scan::next_english, |p| p.whole.end);
    assert_eq!(english, english_by_regex(text), "{text}");
    let cjk = scanned(text, scan::next_cjk, |p| p.whole.end);
    assert_eq!(cjk, cjk_by_regex(text), "{text}");
    english.len() + cjk.len()
}

#[test]
fn numbers_are_scanned_as_the_regex_matches_them() {
    for text in [
        "US$1,234.5 million, RMB 12 bn, USD5, $.5, 25 basis points, 3 basis-point, 40 bps, 2 bp",
        "up 1.5 percentage  points, 3 points, 4 pts, 2 ppts, 15 cents, 2¢, 2.5x, 3 times, 4 percent, 5 per cent",
        "1,2345 and 12345,678 and 1234567890123456789012345678 and 1,234,567,890,123,456,789,012,345",
        "$5-million, 7 M, 3 K units, 4 millionaires, HK$3, C$4, A$5, NT$6, €7, £8, ¥9",
        "1,433 億美元, 百分之 5, 150 個基點, 3 千 萬元, US$ 12 billion, 人民幣元 4, 5％, 12 人民幣元",
    ] {
        assert!(scan_as_regex(text) > 0, "{text}");
    }
}

#[test]
fn digits_of_other_scripts_are_no_numbers() {
    scan_as_regex("１２3 million and ٣ percent, ４５ 億美元");
    assert!(english("٣ percent and １２ million").is_empty());
    assert!(chinese("４５ 億美元").is_empty());
}

proptest::proptest! {
    #[test]
    fn the_scanner_agrees_with_the_regex_on_any_text(pieces in proptest::collection::vec(
        proptest::sample::select(&[
            "$", "US$", "RMB", "USD", "HK$", " ", "  ", "\u{a0}", "-", "1", "12", "123", "1234", ",", ",000", ".", ".5",
            "%", "percent", "per cent", "percentage", "points", "point", "basis", "bps", "bp", "x", "times", "cents",
            "¢", "million", "M", "B", "K", "bn", "a", "Q", "aire", "１", "億", "美元", "百分之", "個基點", "元", "千",
            "％", "\u{3000}", "s",
        ][..]),
        0..24,
    )) {
        let text = pieces.concat();
        scan_as_regex(&text);
    }
}

/// Every number of the given real samples (`../shared/fixtures`) is scanned as the regexes
/// match it. `CALLPRESS_SPLIT_CORPUS` names more folders to check the same way.
#[test]
fn the_numbers_of_real_calls_are_scanned_as_the_regex_matches_them() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    assert!(
        shared.is_dir(),
        "missing {}: put the shared/ folder beside the repository",
        shared.display()
    );
    let extra = std::env::var("CALLPRESS_SPLIT_CORPUS").unwrap_or_default();
    let folders = std::iter::once(shared.clone())
        .chain(std::iter::once(shared.join("real")))
        .chain(extra.split(':').filter(|s| !s.is_empty()).map(std::path::PathBuf::from));
    let mut numbers = 0;
    for folder in folders {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            numbers += scan_as_regex(&text);
        }
    }
    assert!(numbers > 5_000, "only {numbers} numbers read");
}

#[test]
fn a_second_from_after_a_range_continues_the_list_of_ranges() {
    // DLB: the non-GAAP range had read as a change from $0.37 to $0.52.
    let text = "EPS could range from $0.15 to $0.30 on a GAAP basis and from $0.37 to $0.52 on a non-GAAP basis";
    let ranges: Vec<(f64, Option<f64>)> = english(text)
        .iter()
        .map(|m| (m.low.value, m.high.as_ref().map(|h| h.value)))
        .collect();
    assert_eq!(ranges, vec![(0.15, Some(0.30)), (0.37, Some(0.52))]);
    // Without a range before it, `and from A to B` is still a change from A to B.
    assert_eq!(
        english("revenue of $5 billion, and from $0.37 to $0.52 for EPS").len(),
        3
    );
}

#[test]
fn a_tolerance_said_after_a_figure_makes_a_band_around_it() {
    // EMR: `plus or minus $0.01` had been a loss of $0.01 per share.
    for (text, low, high) in [
        (
            "adjusted earnings per share guidance to $4.07, plus or minus $0.01",
            4.06,
            4.08,
        ),
        ("revenue of $1.5 billion plus or minus $50 million", 1.45e9, 1.55e9),
        ("a margin of 20% +/- 1%", 19.0, 21.0),
    ] {
        let m = one(text);
        assert_eq!((m.low.value, m.high.map(|h| h.value)), (low, Some(high)), "{text}");
    }
    // A spread as large as the figure is no tolerance, and other units never join.
    assert_eq!(english("$4 plus or minus $5").len(), 2);
    assert_eq!(english("$4 million, plus or minus 5%").len(), 2);
}

#[test]
fn a_street_address_is_no_count() {
    let text = "We will see a full year from our 2022 deliveries, including 2100 Pennsylvania Avenue and 300 Binney Street, \
                and 1,330 apartment units in 12 buildings.";
    let found: Vec<String> = english(text).iter().map(|m| text[m.start..m.end].to_string()).collect();
    assert_eq!(found, ["1,330", "12"], "{found:?}");
}
