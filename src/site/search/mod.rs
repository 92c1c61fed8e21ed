//! Full-text search over every paragraph of every call, original and translation: the
//! index `static/search.js` reads, cut into shards so a query downloads only the lists
//! of its own terms.
//!
//! Why not Pagefind (its crate indexes built pages): it keeps one index per page
//! language, and a bilingual call (English with a Chinese translation) is one page in
//! two languages; without its `extended` build it does not cut Chinese into words at
//! all, and with it the English of a Chinese page loses its stemming. Its library API
//! parses one page at a time under a lock, and its crate took 70 s to build here. The
//! index below does this site's one job in a few hundred lines; BENCHMARKS.md measures
//! it at 1,000 and 10,000 calls.
//!
//! The index lists calls, not paragraphs: a query's lists are a few times smaller, and
//! the script finds the paragraphs in the `call.json` of each call it shows (which it
//! needs for the text of the results anyway), linking each to its anchor (`#t7-p2`).
//!
//! The files, under `search/`:
//! - `meta.json`: the number of shards, the stop words and the accent fold of
//!   [`terms`] (so the script cuts a query exactly as the index was cut);
//! - `terms/N.json`: `{"term": [call, paragraphs, call, paragraphs, …], …}` for the
//!   terms whose FNV-1a hash falls in shard N; `call` is the call's position in
//!   `calls.json` counted on from the call before in the list (the first from 0), and
//!   `paragraphs` how many of its paragraphs have the term (for ranking).

pub mod terms;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use crate::transcript::model::Call;
use terms::{Fold, each_term};

/// The index's description, read first by the script.
pub const META_FILE: &str = "search/meta.json";

/// A shard holds about this much: a rare term's query downloads about this, a common
/// term's its own list.
const SHARD_BYTES: usize = 64 * 1024;

/// The terms of one call, each with how many paragraphs have it; kept compact (one
/// string of all the terms), since a serve session holds every call's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallTerms {
    text: Box<str>,
    /// Each term's end in `text` and its number of paragraphs.
    ends: Box<[(u32, u32)]>,
}

impl CallTerms {
    /// Cuts every paragraph of `call`, original and translation, into terms.
    pub fn of(call: &Call, fold: &Fold) -> CallTerms {
        let paragraphs = call.turns.iter().flat_map(|t| &t.paragraphs);
        CallTerms::of_paragraphs(paragraphs.map(|p| (p.text.as_str(), p.translation.as_deref())), fold)
    }

    /// Cuts paragraphs (each an original and perhaps its translation) into terms.
    pub fn of_paragraphs<'a>(paragraphs: impl Iterator<Item = (&'a str, Option<&'a str>)>, fold: &Fold) -> CallTerms {
        // Each term with the last paragraph it was seen in and its count of paragraphs.
        // Terms of up to 16 bytes (nearly all: every CJK pair, most words) are keyed as
        // one integer, which needs no allocation and compares at once: the map was half
        // the time of cutting a call.
        let mut short: Counts<u128> = HashMap::with_capacity_and_hasher(8192, BuildHasherDefault::default());
        let mut long: Counts<String> = HashMap::default();
        for (n, (text, translation)) in (1u32..).zip(paragraphs) {
            for text in std::iter::once(text).chain(translation) {
                each_term(text, fold, |term| {
                    let seen = match pack(term) {
                        Some(key) => short.entry(key).or_insert((0, 0)),
                        None => match long.get_mut(term) {
                            Some(seen) => seen,
                            None => long.entry(term.to_string()).or_insert((0, 0)),
                        },
                    };
                    if seen.0 != n {
                        *seen = (n, seen.1 + 1);
                    }
                });
            }
        }
        // In the maps' order: the shards sort the terms, and a call's order shows nowhere.
        let mut text = String::with_capacity(short.len() * 6 + long.keys().map(String::len).sum::<usize>());
        let mut ends = Vec::with_capacity(short.len() + long.len());
        let mut add = |term: &str, count: u32| {
            text.push_str(term);
            ends.push((u32::try_from(text.len()).unwrap_or(u32::MAX), count));
        };
        for (key, (_, count)) in short {
            let bytes = key.to_le_bytes();
            let len = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
            add(std::str::from_utf8(&bytes[..len]).unwrap_or(""), count);
        }
        for (term, (_, count)) in long {
            add(&term, count);
        }
        CallTerms {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }

    /// Every term with its number of paragraphs.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|(end, _)| *end as usize));
        starts
            .zip(self.ends.iter())
            .map(|(start, (end, count))| (self.text.get(start..*end as usize).unwrap_or(""), *count))
    }

    /// How many paragraphs have `term` (0: none).
    #[cfg(test)]
    fn paragraphs(&self, term: &str) -> u32 {
        self.iter().find(|(t, _)| *t == term).map_or(0, |(_, count)| count)
    }
}

/// Terms with the last paragraph each was seen in and its count of paragraphs.
type Counts<K> = HashMap<K, (u32, u32), BuildHasherDefault<Fnv>>;

/// A term of up to 16 bytes as one integer (terms hold no NUL, so the padding is unambiguous).
fn pack(term: &str) -> Option<u128> {
    let bytes = term.as_bytes();
    (bytes.len() <= 16).then(|| {
        let mut buf = [0u8; 16];
        buf[..bytes.len()].copy_from_slice(bytes);
        u128::from_le_bytes(buf)
    })
}

/// The search index of a site: for every term, the calls that have it. Kept inverted
/// (not call by call) because that is what the shards are, and it is a third of the
/// memory: a term's text is held once, not once per call.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// A number for each call's folder, for the lists (never reused within a session).
    keys: HashMap<String, u32>,
    next_key: u32,
    /// Each term's calls, in no order: a call's key and its count of paragraphs packed in
    /// one number ([`entry`]); four bytes, as a site of 10,000 calls has 100 million.
    terms: HashMap<Box<str>, Vec<u32>, BuildHasherDefault<Fnv>>,
    /// A hash of each shard as last written, so a rebuild writes only those that changed.
    written: Vec<u64>,
    /// What changed since the last write, so a rebuild remakes only its shards.
    changes: Changes,
}

/// What changed in an index since it last wrote its shards.
#[derive(Debug, Default)]
enum Changes {
    /// Not written yet: every shard is to be made.
    #[default]
    All,
    /// The terms (by their FNV-1a hash, which names their shard) whose lists changed,
    /// and the keys of the calls in the order of `calls.json` at the last write (a call's
    /// position is in every list, so when the order moves every shard is made again).
    Terms { hashes: HashSet<u32>, order: Vec<u32> },
}

/// A term with its calls (packed entries).
type TermCalls<'a> = (&'a str, &'a [u32]);

/// Bits of an entry that hold the call's key; the rest hold its count of paragraphs.
const KEY_BITS: u32 = 20;

/// A call's key and its count of paragraphs in one number. Counts past 4,095 are kept
/// as 4,095 (they only rank calls); a session of a million calls read wraps keys, which
/// only a watch session of months of edits reaches, so keys are reused modulo that.
fn entry(key: u32, count: u32) -> u32 {
    (key & ((1 << KEY_BITS) - 1)) | (count.min((1 << (32 - KEY_BITS)) - 1) << KEY_BITS)
}

fn entry_key(entry: u32) -> u32 {
    entry & ((1 << KEY_BITS) - 1)
}

fn entry_count(entry: u32) -> u32 {
    entry >> KEY_BITS
}

impl SearchIndex {
    /// Puts (or, with `None`, takes out) the call at `path`, replacing what it had.
    pub fn set(&mut self, path: &str, terms: Option<CallTerms>) {
        let old = self.keys.remove(path);
        // The call's terms as they were: an edit while serving takes one pass over every
        // list (a few milliseconds for a thousand calls), cheaper than keeping each call's
        // terms in memory.
        let mut before: HashMap<Box<str>, u32> = HashMap::new();
        if let Some(old) = old {
            self.terms.retain(|term, calls| {
                if let Some(i) = calls.iter().position(|e| entry_key(*e) == old) {
                    before.insert(term.clone(), entry_count(calls[i]));
                    calls.swap_remove(i);
                }
                !calls.is_empty()
            });
        }
        if let Some(terms) = terms {
            // A call read again keeps its number: the order of the numbers then stays,
            // and only the shards of the terms whose counts moved are made again.
            let key = old.unwrap_or(self.next_key & ((1 << KEY_BITS) - 1));
            self.add(path, key, &terms);
            for (term, count) in terms.iter() {
                if before.remove(term) != Some(count) {
                    self.changes.term(term);
                }
            }
        }
        for term in before.keys() {
            self.changes.term(term);
        }
    }

    /// Adds the call at `path` under `key`, a number no other call of the index has (a
    /// build numbers its files).
    pub fn insert(&mut self, path: &str, key: u32, terms: CallTerms) {
        self.add(path, key, &terms);
        for (term, _) in terms.iter() {
            self.changes.term(term);
        }
    }

    fn add(&mut self, path: &str, key: u32, terms: &CallTerms) {
        self.next_key = self.next_key.max(key.wrapping_add(1));
        self.keys.insert(path.to_string(), key);
        for (term, count) in terms.iter() {
            match self.terms.get_mut(term) {
                Some(calls) => calls.push(entry(key, count)),
                None => {
                    self.terms.insert(term.into(), vec![entry(key, count)]);
                }
            }
        }
    }

    /// The number of shards last written.
    pub fn shards(&self) -> usize {
        self.written.len()
    }

    /// Writes the index's files for calls in the order of `calls.json` (`order` holds
    /// their folders) through `write` (path under the output, bytes), leaving out the
    /// shards unchanged since the last call of this (a new index writes them all). Each
    /// shard is written as soon as it is made, so the whole index is never in memory
    /// twice. Returns the files written and the shard count (so stale shards can go).
    pub fn write_changed(
        &mut self,
        order: &[&str],
        write: impl Fn(&str, &str) -> crate::Result<()> + Sync,
    ) -> crate::Result<(usize, usize)> {
        let mut position: HashMap<u32, u32> = HashMap::with_capacity(order.len());
        for (i, path) in (0u32..).zip(order) {
            if let Some(key) = self.keys.get(*path) {
                position.insert(*key, i);
            }
        }
        let entries: usize = self.terms.values().map(Vec::len).sum();
        let shards = shard_count(entries * 5);
        let keys_in_order: Vec<u32> = order.iter().filter_map(|p| self.keys.get(*p).copied()).collect();
        // The shards to make: those of the terms that changed, while the shard count and
        // the calls' order stay; else all of them.
        let remake: Option<HashSet<usize>> = match &self.changes {
            Changes::Terms { hashes, order } if shards == self.written.len() && *order == keys_in_order => {
                Some(hashes.iter().map(|h| *h as usize & (shards - 1)).collect())
            }
            _ => None,
        };
        let mut by_shard: Vec<Vec<TermCalls<'_>>> = vec![Vec::new(); shards];
        for (term, calls) in &self.terms {
            let n = shard_of(term, shards);
            if remake.as_ref().is_none_or(|r| r.contains(&n)) {
                by_shard[n].push((term, calls));
            }
        }
        let meta = meta_json(shards);
        let meta_changed = remake.is_none();
        if meta_changed {
            write(META_FILE, &meta)?;
        }
        let written = &self.written;
        let made: Vec<(usize, u64, bool)> = by_shard
            .into_par_iter()
            .enumerate()
            .filter(|(n, _)| remake.as_ref().is_none_or(|r| r.contains(n)))
            .map(|(n, mut terms)| {
                terms.sort_unstable_by_key(|(term, _)| *term);
                let json = shard_json(&terms, &position);
                let hash = hash_of(&json);
                let changed = written.get(n) != Some(&hash);
                if changed {
                    write(&shard_path(n), &json)?;
                }
                Ok((n, hash, changed))
            })
            .collect::<crate::Result<_>>()?;
        if remake.is_none() {
            self.written = vec![0; shards];
        }
        for (n, hash, _) in &made {
            self.written[*n] = *hash;
        }
        self.changes = Changes::Terms {
            hashes: HashSet::new(),
            order: keys_in_order,
        };
        let files = usize::from(meta_changed) + made.iter().filter(|(_, _, changed)| *changed).count();
        Ok((files, shards))
    }
}

impl Changes {
    /// Notes that `term`'s list changed.
    fn term(&mut self, term: &str) {
        if let Changes::Terms { hashes, .. } = self {
            hashes.insert(fnv1a(term));
        }
    }
}

/// The path of shard `n`.
pub fn shard_path(n: usize) -> String {
    format!("search/terms/{n}.json")
}

/// Shards for about `bytes` of lists: a power of two, so the script masks the hash.
fn shard_count(bytes: usize) -> usize {
    bytes.div_ceil(SHARD_BYTES).max(1).next_power_of_two()
}

/// The shard of `term`: FNV-1a (32 bits) of its UTF-8 bytes, masked (`search.js` has the same).
pub fn shard_of(term: &str, shards: usize) -> usize {
    fnv1a(term) as usize & (shards - 1)
}

/// FNV-1a, 32 bits, of `term`'s UTF-8 bytes.
fn fnv1a(term: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in term.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// FNV-1a as a `Hasher`: the terms are short, and SipHash (the standard one, made to
/// resist chosen keys, which a build's own terms are not) was a tenth of a build's time.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = hash;
    }

    fn write_u128(&mut self, key: u128) {
        // A packed term: one multiply-fold (as rustc's FxHash does) instead of sixteen rounds.
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29) ^ self.0;
        self.0 = folded.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(26);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Appends `n` in decimal (the lists are millions of numbers: `write!` is several times slower).
fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for d in &digits[i..] {
        out.push(char::from(*d));
    }
}

/// A shard's JSON: its terms (sorted), each with its calls in the order of `calls.json`.
fn shard_json(terms: &[TermCalls<'_>], position: &HashMap<u32, u32>) -> String {
    let mut out = String::with_capacity(SHARD_BYTES + SHARD_BYTES / 4);
    out.push('{');
    let mut calls: Vec<(u32, u32)> = Vec::new();
    for (term, list) in terms {
        calls.clear();
        calls.extend(
            list.iter()
                .filter_map(|e| position.get(&entry_key(*e)).map(|p| (*p, entry_count(*e)))),
        );
        if calls.is_empty() {
            continue;
        }
        calls.sort_unstable();
        if out.len() > 1 {
            out.push(',');
        }
        // Terms are letters and digits only; serde escapes whatever a future rule lets in.
        out.push_str(&serde_json::to_string(term).unwrap_or_default());
        out.push_str(":[");
        let mut last = 0;
        for (i, (p, count)) in calls.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_number(&mut out, (p - last) as usize);
            out.push(',');
            push_number(&mut out, *count as usize);
            last = *p;
        }
        out.push(']');
    }
    out.push('}');
    out
}

fn meta_json(shards: usize) -> String {
    let fold: BTreeMap<String, String> = terms::fold_table()
        .into_iter()
        .map(|(c, plain)| (c.to_string(), plain))
        .collect();
    let meta = serde_json::json!({
        "version": 1,
        "shards": shards,
        "stop": terms::STOP_WORDS.as_slice(),
        "fold": fold,
    });
    crate::render::to_safe_json(&meta)
}

fn hash_of(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files `write_changed` writes, in order of path.
    fn files(index: &mut SearchIndex, order: &[&str]) -> (Vec<(String, String)>, usize) {
        let out = std::sync::Mutex::new(Vec::new());
        let (count, shards) = index
            .write_changed(order, |path, json| {
                out.lock().unwrap().push((path.to_string(), json.to_string()));
                Ok(())
            })
            .unwrap();
        let mut files = out.into_inner().unwrap();
        files.sort();
        assert_eq!(files.len(), count);
        (files, shards)
    }

    fn call(paragraphs: &[(&str, Option<&str>)]) -> CallTerms {
        CallTerms::of_paragraphs(paragraphs.iter().copied(), &Fold::new())
    }

    #[test]
    fn a_term_counts_each_paragraph_it_is_in_once() {
        let c = call(&[
            ("Capex rose. Capex!", None),
            ("AWS grew.", Some("AWS 成長。")),
            ("Capex fell.", None),
        ]);
        let terms = c;
        assert_eq!(terms.paragraphs("capex"), 2);
        assert_eq!(terms.paragraphs("aws"), 1);
        assert_eq!(terms.paragraphs("成長"), 1);
        assert_eq!(terms.paragraphs("kuiper"), 0);
    }

    #[test]
    fn shards_list_calls_by_step_with_their_paragraph_counts() {
        let mut index = SearchIndex::default();
        index.set("a/", Some(call(&[("Kuiper launched.", None)])));
        index.set("b/", Some(call(&[("Nothing.", None)])));
        index.set("c/", Some(call(&[("Hello.", None), ("Kuiper again.", None)])));
        let (files, shards) = files(&mut index, &["a/", "b/", "c/"]);
        assert_eq!(shards, 1);
        assert_eq!(files[1].0, "search/terms/0.json");
        let shard: serde_json::Value = serde_json::from_str(&files[1].1).unwrap();
        // a is call 0 (one paragraph), c two calls on (one paragraph).
        assert_eq!(shard["kuiper"], serde_json::json!([0, 1, 2, 1]));
        assert_eq!(shard["hello"], serde_json::json!([2, 1]));
        assert_eq!(files[0].0, META_FILE);
        let meta: serde_json::Value = serde_json::from_str(&files[0].1).unwrap();
        assert_eq!(meta["shards"], 1);
        assert_eq!(meta["fold"]["é"], "e");
    }

    #[test]
    fn a_second_pass_writes_only_the_shards_that_changed() {
        let mut index = SearchIndex::default();
        index.set("a/", Some(call(&[("Kuiper launched.", None)])));
        let (first, _) = files(&mut index, &["a/"]);
        assert_eq!(first.len(), 2);
        let (again, _) = files(&mut index, &["a/"]);
        assert!(again.is_empty(), "nothing changed: {again:?}");
        index.set("a/", Some(call(&[("Kuiper landed.", None)])));
        let (edited, _) = files(&mut index, &["a/"]);
        assert_eq!(edited.len(), 1, "the shard, not meta.json: {edited:?}");
        // What a second pass made is what a new index of the same calls makes.
        let mut fresh = SearchIndex::default();
        fresh.set("a/", Some(call(&[("Kuiper landed.", None)])));
        let (all, _) = files(&mut fresh, &["a/"]);
        assert_eq!(all[1], edited[0]);
    }

    #[test]
    fn an_entry_keeps_its_key_and_count() {
        let e = entry(12_345, 67);
        assert_eq!((entry_key(e), entry_count(e)), (12_345, 67));
        assert_eq!(entry_count(entry(1, 1_000_000)), 4095, "counts are capped, not wrapped");
    }

    #[test]
    fn the_hash_matches_the_scripts() {
        // FNV-1a's published values (search.js is checked against these under Node).
        assert_eq!(shard_of("a", 1 << 31), 0xe40c_292c_usize & ((1 << 31) - 1));
        assert_eq!(shard_of("foobar", 1 << 31), 0xbf9c_f968_usize & ((1 << 31) - 1));
    }
}
