//! Word lists read by lookup: a list of hundreds of words is searched by bisection of a
//! sorted copy, not walked word by word for every word the reader looks at.

use std::sync::OnceLock;

/// A fixed list of lowercase words, written in the order that reads best in the source.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    sorted: OnceLock<Vec<&'static str>>,
}

impl WordSet {
    /// The set of `words`.
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            sorted: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the words.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.sorted
            .get_or_init(|| {
                let mut sorted = self.words.to_vec();
                sorted.sort_unstable();
                sorted
            })
            .binary_search(&word)
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    #[test]
    fn a_set_holds_its_words_and_no_other() {
        static SET: WordSet = WordSet::new(&["while", "and", "but", "whereas", "and so"]);
        for w in ["while", "and", "but", "whereas", "and so"] {
            assert!(SET.contains(w), "{w}");
        }
        for w in ["", "an", "and s", "butt", "While", "zz"] {
            assert!(!SET.contains(w), "{w}");
        }
    }
}
