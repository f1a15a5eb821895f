//! Candidate pairs of items (mentions, claims) sharing topic words, without an all-pairs
//! scan: an inverted index from each topic word to the items using it, then, item by item
//! and in parallel, a dense counter row over the later items found through its words.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::{MIN_SHARED_TOPIC, is_topic_word};

/// Items handled by one parallel job (each job owns one counter row).
const CHUNK: usize = 2048;

/// Pairs `(i, j, shared)` with `i < j`, sorted, of items sharing at least
/// [`MIN_SHARED_TOPIC`] distinct topic words; words used by more than `max_posting` items
/// are too common to pair anything.
pub fn topic_pairs<S: AsRef<str> + Sync>(topics: &[&[S]], max_posting: usize) -> Vec<(usize, usize, usize)> {
    let (item_words, postings) = index(topics);
    let n = topics.len();
    let chunks: Vec<Vec<(usize, usize, usize)>> = (0..n.div_ceil(CHUNK))
        .into_par_iter()
        .map(|c| {
            let mut row = CounterRow::new(n);
            let mut out = Vec::new();
            let first = c * CHUNK;
            for (i, words) in item_words.iter().enumerate().skip(first).take(CHUNK) {
                for &w in words {
                    let list = &postings[w];
                    if list.len() > max_posting {
                        continue;
                    }
                    // Lists are in item order: only the later items pair with `i`.
                    let from = list.partition_point(|&j| j <= i);
                    list[from..].iter().for_each(|&j| row.add(j));
                }
                out.extend(row.drain().filter(|&(_, c)| c >= MIN_SHARED_TOPIC).map(|(j, c)| (i, j, c)));
            }
            out
        })
        .collect();
    chunks.into_iter().flatten().collect()
}

/// Word shards numbered in parallel, each with its own (smaller) word map.
const SHARDS: usize = 8;

/// Each item's distinct topic words (as word numbers) and each word's items, in order.
fn index<S: AsRef<str> + Sync>(topics: &[&[S]]) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let items: Vec<Vec<(usize, &str)>> = topics.par_iter().map(|t| distinct_topic_words(t)).collect();
    // Each shard numbers its words and lists their items (in item order).
    let shards: Vec<Vec<Vec<usize>>> = (0..SHARDS)
        .into_par_iter()
        .map(|shard| {
            let mut number: HashMap<&str, usize> = HashMap::default();
            let mut postings: Vec<Vec<usize>> = Vec::new();
            for (i, words) in items.iter().enumerate() {
                for &(_, w) in words.iter().filter(|(s, _)| *s == shard) {
                    let next = postings.len();
                    let k = *number.entry(w).or_insert(next);
                    if k == next {
                        postings.push(Vec::new());
                    }
                    postings[k].push(i);
                }
            }
            postings
        })
        .collect();
    let postings: Vec<Vec<usize>> = shards.into_iter().flatten().collect();
    let mut item_words = vec![Vec::new(); topics.len()];
    for (k, list) in postings.iter().enumerate() {
        list.iter().for_each(|&i| item_words[i].push(k));
    }
    (item_words, postings)
}

/// The distinct topic words of one item with their shards, in order of appearance.
fn distinct_topic_words<S: AsRef<str>>(topic: &[S]) -> Vec<(usize, &str)> {
    let mut out: Vec<(usize, &str)> = Vec::new();
    for w in topic.iter().map(AsRef::as_ref) {
        // Lists are short: a scan finds repeats faster than a set.
        if !out.iter().any(|&(_, x)| x == w) && is_topic_word(w) {
            out.push((shard_of(w), w));
        }
    }
    out
}

/// The shard of a word (by its hash).
fn shard_of(w: &str) -> usize {
    let mut h = rustc_hash::FxHasher::default();
    w.hash(&mut h);
    (h.finish() >> 32) as usize % SHARDS
}

/// Counts per item index, with the touched indices remembered so a reset costs only them.
struct CounterRow {
    counts: Vec<u32>,
    touched: Vec<usize>,
}

impl CounterRow {
    fn new(n: usize) -> Self {
        CounterRow { counts: vec![0; n], touched: Vec::new() }
    }

    fn add(&mut self, j: usize) {
        if self.counts[j] == 0 {
            self.touched.push(j);
        }
        self.counts[j] += 1;
    }

    /// `(index, count)` of every touched index in index order; the row is zero afterwards.
    fn drain(&mut self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.touched.sort_unstable();
        self.touched.drain(..).map(|j| (j, std::mem::take(&mut self.counts[j]) as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashSet as HashSet;

    /// The plain definition: every pair, counting distinct shared topic words.
    fn all_pairs(topics: &[&[&str]], max_posting: usize) -> Vec<(usize, usize, usize)> {
        let mut uses: HashMap<&str, usize> = HashMap::default();
        for t in topics {
            let distinct: HashSet<&str> = t.iter().copied().filter(|w| is_topic_word(w)).collect();
            for w in distinct {
                *uses.entry(w).or_default() += 1;
            }
        }
        let mut out = Vec::new();
        for i in 0..topics.len() {
            for j in i + 1..topics.len() {
                let a: HashSet<&str> = topics[i].iter().copied().filter(|w| is_topic_word(w)).collect();
                let b: HashSet<&str> = topics[j].iter().copied().filter(|w| is_topic_word(w)).collect();
                let shared = a.intersection(&b).filter(|w| uses[**w] <= max_posting).count();
                if shared >= MIN_SHARED_TOPIC {
                    out.push((i, j, shared));
                }
            }
        }
        out
    }

    #[test]
    fn pairs_match_the_all_pairs_definition() {
        let topics: Vec<Vec<&str>> = [
            "summit seoul tokyo dialogue dialogue",
            "seoul tokyo summit vice-ministerial",
            "rain farmers seoul",
            "farmers rain harvest 2024",
            "dialogue summit upgraded held",
            "tokyo seoul",
            "2024 2023 held",
        ]
        .iter()
        .map(|s| s.split(' ').collect())
        .collect();
        let refs: Vec<&[&str]> = topics.iter().map(Vec::as_slice).collect();
        for max_posting in [2, 3, 150] {
            let got = topic_pairs(&refs, max_posting);
            assert_eq!(got, all_pairs(&refs, max_posting), "max_posting {max_posting}");
            assert!(!got.is_empty() || max_posting == 2);
        }
        assert!(topic_pairs(&refs, 150).contains(&(0, 1, 3)));
    }
}
