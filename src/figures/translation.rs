//! Checks a translation against its original: every figure of the original paragraph
//! must appear in the translation, in the translation's own units.

use crate::figures::grammar::{self, Quantity};

/// A figure of the original with no counterpart in the translation.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// The figure as the original writes it.
    pub original: String,
    /// Figures of the translation left unpaired, as written.
    pub unpaired_translation: Vec<String>,
}

/// Pairs the figures of `original` with those of `translation`; returns the originals
/// that found no equal value (to the precision either side wrote).
pub fn check(original: &str, translation: &str) -> Vec<Mismatch> {
    check_matches(original, &grammar::english(original), translation)
}

/// [`check`] with the original's figures already found. Figures are held as ranges of
/// their texts: only a mismatch is written out.
pub fn check_matches(original: &str, matches: &[grammar::Match], translation: &str) -> Vec<Mismatch> {
    let orig: Vec<(&str, &Quantity)> = matches
        .iter()
        .flat_map(|m| m.quantities().map(move |q| (&original[m.start..m.end], q)))
        .collect();
    if orig.is_empty() {
        return Vec::new();
    }
    let found = grammar::chinese(translation);
    let trans: Vec<(&str, &Quantity)> = found
        .iter()
        .flat_map(|m| m.quantities().map(move |q| (translation[m.start..m.end].trim(), q)))
        .collect();
    let mut used = vec![false; trans.len()];
    let mut missing: Vec<&str> = Vec::new();
    for (text, q) in &orig {
        match trans
            .iter()
            .enumerate()
            .find(|(i, (_, t))| !used[*i] && q.agrees_with(t))
        {
            Some((i, _)) => used[i] = true,
            None => missing.push(text),
        }
    }
    if missing.is_empty() {
        return Vec::new();
    }
    let mut unpaired: Vec<String> = trans
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((t, _), _)| t.to_string())
        .collect();
    unpaired.dedup();
    missing.dedup();
    missing
        .into_iter()
        .map(|original| Mismatch {
            original: original.to_string(),
            unpaired_translation: unpaired.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_translation_passes() {
        let o = "Today, we're reporting $143.3 billion in revenue, up 13% year-over-year; $15.3 billion in operating income, up 221% year-over-year or $10.5 billion.";
        let t = "今天,我們報告的收入為 1,433 億美元,年增 13%;營業收入 153 億美元,年增 221%,即 105 億美元。";
        assert!(check(o, t).is_empty(), "{:?}", check(o, t));
    }

    #[test]
    fn a_wrong_figure_is_reported_with_what_the_translation_says() {
        let o = "Revenue was $412.6 million, up 18%.";
        let t = "營收為 4.162 億美元,年增 18%。";
        let m = check(o, t);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].original, "$412.6 million");
        assert_eq!(m[0].unpaired_translation, ["4.162 億美元"]);
    }

    #[test]
    fn ranges_pair_end_by_end() {
        let o = "We expect revenue between $430 million and $450 million.";
        assert!(check(o, "預期營收介於 4.3 億美元至 4.5 億美元之間。").is_empty());
        assert_eq!(check(o, "預期營收介於 4.3 億美元至 4.6 億美元之間。").len(), 1);
    }

    #[test]
    fn a_dropped_figure_is_reported() {
        let m = check("Gross margin was 41.2%, up 150 basis points.", "毛利率為 41.2%。");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].original, "150 basis points");
    }
}
