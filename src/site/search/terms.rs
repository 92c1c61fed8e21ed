//! Cutting text into search terms, the same way `static/search.js` cuts a reader's query.
//!
//! Both sides must agree to the character, so the rules are few and spelled out here and
//! in the script (a test runs the script under Node on the same sentences):
//! - letters and digits make words; case does not matter, and a Latin letter with an
//!   accent is its plain letter (`Nestlé` is `nestle`: the fold table is written into
//!   the index, so the script applies exactly this one);
//! - `143.3` and `1,250` are one number each (a `.` or `,` between two digits);
//! - Chinese, Japanese and Korean text has no spaces, so a run of it is cut into the
//!   overlapping pairs of its characters (`營收成長` is `營收`, `收成`, `成長`), the
//!   usual way to search it without a dictionary; a lone character is its own term;
//! - a plural is its singular (`margins` is `margin`, `companies` is `company`), so a
//!   reader need not guess the form the speaker used;
//! - words too common to narrow anything (`the`, `and`, `we`) and single letters are left out.

use crate::transcript::layouts::common::is_cjk;

/// Words left out of the index: in nearly every paragraph, they narrow nothing and
/// would be the biggest lists to download. `search.js` gets this list from the index.
/// Sorted (a test checks), for people to read; each at most 8 bytes.
pub const STOP_WORDS: [&str; 62] = [
    "about", "all", "also", "am", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "do", "for",
    "from", "had", "has", "have", "he", "if", "in", "into", "is", "it", "its", "just", "me", "more", "my", "not", "of",
    "on", "or", "our", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to",
    "us", "very", "was", "we", "were", "what", "which", "will", "with", "would", "you", "your", "yours", "yourself",
];

fn is_stop_word(word: &str) -> bool {
    // Compared as integers: a binary search of strings was a third of the cutting time.
    word.len() <= 8 && STOP_PACKED.contains(&pack(word))
}

/// A word of up to 8 bytes as one integer.
const fn pack(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut packed = 0u64;
    let mut i = 0;
    while i < bytes.len() && i < 8 {
        packed |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    packed
}

const STOP_PACKED: [u64; STOP_WORDS.len()] = {
    let mut out = [0u64; STOP_WORDS.len()];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        out[i] = pack(STOP_WORDS[i]);
        i += 1;
    }
    out
};

/// The Latin letters with accents and what each folds to (`é` → `e`, `ß` → `ss`),
/// lowercase: the one table both the index and the script use.
pub fn fold_table() -> Vec<(char, String)> {
    ('\u{00c0}'..='\u{024f}')
        .filter(|c| c.is_lowercase())
        .filter_map(|c| {
            let plain = deunicode::deunicode_char(c)?.to_ascii_lowercase();
            let letters = !plain.is_empty() && plain.len() <= 2 && plain.bytes().all(|b| b.is_ascii_lowercase());
            letters.then_some((c, plain))
        })
        .collect()
}

/// Calls `each` with every term of `text`, in order (a term may repeat).
pub fn each_term(text: &str, fold: &Fold, mut each: impl FnMut(&str)) {
    let mut cut = Cutter {
        word: String::new(),
        cjk: Vec::new(),
        pair: String::new(),
        previous: ' ',
    };
    let bytes = text.as_bytes();
    for (i, raw) in text.char_indices() {
        // The next character matters only after a `.` or `,` (ASCII, one byte).
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if raw.is_ascii() {
            cut.take(raw.to_ascii_lowercase(), next, fold, &mut each);
        } else if is_cjk(raw) {
            // Han and Kana have no case: skip the (slow, table-searching) lowercasing.
            cut.take(raw, next, fold, &mut each);
        } else {
            for c in raw.to_lowercase() {
                cut.take(c, next, fold, &mut each);
            }
        }
    }
    cut.end_word(&mut each);
    cut.end_cjk(&mut each);
}

/// The term being read: a word, or a run of CJK characters.
struct Cutter {
    word: String,
    cjk: Vec<char>,
    /// Two CJK characters, the buffer of each pair.
    pair: String,
    previous: char,
}

impl Cutter {
    fn take(&mut self, c: char, next: u8, fold: &Fold, each: &mut impl FnMut(&str)) {
        if c.is_ascii_alphanumeric() {
            self.end_cjk(each);
            self.word.push(c);
        } else if is_cjk(c) {
            self.end_word(each);
            self.cjk.push(c);
        } else if c.is_alphanumeric() {
            self.end_cjk(each);
            fold.push(c, &mut self.word);
        } else if (c == '.' || c == ',') && self.previous.is_ascii_digit() && next.is_ascii_digit() {
            // Inside a number: `143.3` keeps its point, `1,250` drops its comma.
            if c == '.' {
                self.word.push('.');
            }
        } else {
            self.end_word(each);
            self.end_cjk(each);
        }
        self.previous = c;
    }

    fn end_word(&mut self, each: &mut impl FnMut(&str)) {
        let word = &self.word;
        if word.is_empty() {
            return;
        }
        let single_letter = word.chars().count() == 1 && !word.starts_with(|c: char| c.is_ascii_digit());
        if !single_letter && !is_stop_word(word) {
            each(singular(word));
        }
        self.word.clear();
    }

    fn end_cjk(&mut self, each: &mut impl FnMut(&str)) {
        let pair = &mut self.pair;
        match self.cjk.as_slice() {
            [] => {}
            [one] => {
                pair.clear();
                pair.push(*one);
                each(pair);
            }
            run => {
                for w in run.windows(2) {
                    pair.clear();
                    pair.extend(w);
                    each(pair);
                }
            }
        }
        self.cjk.clear();
    }
}

/// The accent fold, as a lookup.
pub struct Fold(std::collections::HashMap<char, String>);

impl Fold {
    /// The fold of [`fold_table`].
    pub fn new() -> Fold {
        Fold(fold_table().into_iter().collect())
    }

    fn push(&self, c: char, word: &mut String) {
        match self.0.get(&c) {
            Some(plain) => word.push_str(plain),
            None => word.push(c),
        }
    }
}

impl Default for Fold {
    fn default() -> Self {
        Fold::new()
    }
}

/// A plural's singular, by Harman's three rules (the lightest English stemmer: it only
/// undoes plurals, so `margins` finds `margin` and nothing surprising), for words of
/// letters longer than three.
fn singular(word: &str) -> &str {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word;
    }
    if word.ends_with("ies") && !word.ends_with("eies") && !word.ends_with("aies") {
        // `companies` → `compan` + `y`: the caller cannot take a new string here, so
        // `ies` words are cut to their stem before `y` and the `y` forms cut alike.
        return &word[..word.len() - 3];
    }
    if word.ends_with("es") && !(word.ends_with("aes") || word.ends_with("ees") || word.ends_with("oes")) {
        return &word[..word.len() - 1];
    }
    if word.ends_with('s') && !(word.ends_with("us") || word.ends_with("ss")) {
        return &word[..word.len() - 1];
    }
    if word.ends_with('y') && word.len() > 4 {
        // `company` → `compan`, to meet `companies` → `compan`.
        return &word[..word.len() - 1];
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_term(text, &Fold::new(), |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn the_stop_words_are_sorted_and_found() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| w.len() <= 8 && is_stop_word(w)));
        assert!(!is_stop_word("yourselves") && !is_stop_word("capex") && !is_stop_word("the2"));
    }

    #[test]
    fn words_are_lowercase_singular_and_without_common_words() {
        assert_eq!(terms("The Margins of our Companies"), ["margin", "compan"]);
        assert_eq!(terms("a company's capex"), ["compan", "capex"]);
        assert_eq!(terms("Kuiper, AWS and Prime"), ["kuiper", "aws", "prime"]);
        assert_eq!(terms("business glass status"), ["business", "glass", "status"]);
    }

    #[test]
    fn numbers_keep_their_point_and_lose_their_commas() {
        assert_eq!(
            terms("$143.3 billion, up 1,250 units."),
            ["143.3", "billion", "up", "1250", "unit"]
        );
        assert_eq!(terms("in 2024. Then"), ["2024"]);
        assert_eq!(terms("Q1 2024"), ["q1", "2024"]);
    }

    #[test]
    fn accents_fold_to_plain_letters() {
        assert_eq!(terms("Nestlé Société Straße"), ["nestle", "societe", "strasse"]);
    }

    #[test]
    fn chinese_is_cut_into_pairs_of_characters() {
        assert_eq!(terms("本季營收成長"), ["本季", "季營", "營收", "收成", "成長"]);
        assert_eq!(terms("AWS的營收"), ["aws", "的營", "營收"]);
        assert_eq!(terms("年 AWS"), ["年", "aws"]);
    }
}
