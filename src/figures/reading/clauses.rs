//! Where a sentence's clauses start (hard marks, soft boundary words) and the calendar
//! dates in it: the spans the reader keeps a figure's words within.

/// A calendar date (`September 30, 2022`, `02/28/2026`) with the preposition before it.
pub(super) static DATE_RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?:(?-u:\b)(?:as\s+of|at|on|through|ended|ending)\s+)?(?:(?-u:\b)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|(?-u:\b)\d{1,2}/\d{1,2}/\d{2,4})(?-u:\b)",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Calendar dates in `text`, with the preposition before them.
pub(super) fn dates(text: &str) -> Vec<(usize, usize)> {
    if !crate::figures::grammar::has_digit(text) {
        return Vec::new();
    }
    DATE_RE.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

/// Where clauses start in `lower` (a sentence ASCII-lowercased): after `;`, a dash, a
/// parenthesis or a colon (hard), and before `, and`, `, while`, `, but`, `, which`, `,
/// driven by` and the like (soft).
pub(super) fn clause_starts(lower: &str) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let bytes = lower.as_bytes();
    // By bytes: every mark is ASCII but the dashes, whose UTF-8 (E2 80 94, E2 80 93) no
    // other char's bytes contain at a char's start.
    for (i, &b) in bytes.iter().enumerate() {
        let width = match b {
            b';' | b'(' | b')' | b':' => 1,
            b'-' if i > 0 && bytes.get(i + 1) == Some(&b' ') && bytes[i - 1] == b' '
                || lower[i..].starts_with("--") =>
            {
                1
            }
            0xE2 if lower[i..].starts_with(['—', '–']) => 3,
            _ => continue,
        };
        out.push((i + width, true));
    }
    // Soft boundaries start right after their comma or space (the clause opens with the
    // word: `which`, `while`, `driven by`).
    out.extend(SOFT_BOUNDARIES.find_iter(lower).map(|m| (m.start() + 1, false)));
    out.sort_unstable();
    out.dedup_by_key(|(p, _)| *p);
    out
}

/// Words that open a clause of their own (soft boundaries).
pub(super) const SOFT: &[&str] = &[
    ", and ",
    ", while ",
    ", but ",
    ", which ",
    ", whereas ",
    " while ",
    " whereas ",
    ", as well as ",
    ", driven by ",
    ", reflecting ",
    ", primarily ",
    ", partially offset by ",
    ", offset by ",
    ", due to ",
    ", led by ",
    ", as a result of ",
    ", including ",
    ", although ",
    ", though ",
    ", with ",
    " but ",
    ", resulting in ",
    ", bringing ",
    ", helped by ",
    ", thanks to ",
    ", because ",
    ", as ",
    " and so ",
    " and then ",
];

/// [`SOFT`] in lowercased text (a case-blind automaton had cost twice as much).
static SOFT_BOUNDARIES: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(SOFT)
        .unwrap_or_else(|e| unreachable!("literal patterns always compile: {e}"))
});
