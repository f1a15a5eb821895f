//! Candidate pairs of items (mentions, claims) sharing topic words, without an all-pairs
//! scan: an inverted index from each topic word to the items using it, then, item by item
//! and in parallel, a dense counter row over the later items found through its words.
//!
//! Words are numbered once (hashed once, then sharded by hash so shards number them in
//! parallel), and the index is flat arrays of `u32`: a large corpus has about a million
//! (item, word) uses, and a vector per item or per word would cost an allocation each.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHasher};

use super::{MIN_SHARED_TOPIC, is_topic_word};

/// Items handled by one parallel job.
const CHUNK: usize = 2048;
/// Word shards numbered in parallel, each with its own (smaller) word map.
const SHARDS: usize = 8;
/// Distinct topic words of a typical item (a mention's keywords and names), for reserving.
const WORDS_PER_ITEM: usize = 24;

/// Pairs `(i, j, shared)` with `i < j`, sorted, of items sharing at least
/// [`MIN_SHARED_TOPIC`] distinct topic words; words used by more than `max_posting` items
/// are too common to pair anything.
pub fn topic_pairs<S: AsRef<str> + Sync>(topics: &[&[S]], max_posting: usize) -> Vec<(usize, usize, usize)> {
    topic_pairs_by(topics.len(), |i| topics[i].iter().map(AsRef::as_ref), max_posting)
}

/// [`topic_pairs`] of `n` items whose topic words `words(i)` lists (repeats allowed, words
/// that are no topic words skipped), so callers need not collect them first.
pub fn topic_pairs_by<'a, F, I>(n: usize, words: F, max_posting: usize) -> Vec<(usize, usize, usize)>
where
    F: Fn(usize) -> I + Sync,
    I: Iterator<Item = &'a str>,
{
    let index = Index::new(n, words);
    let eligible = |w: u32| (2..=max_posting).contains(&(index.uses[w as usize] as usize));
    let starts: Vec<usize> = (0..n).step_by(CHUNK).collect();
    let chunks: Vec<Vec<(usize, usize, usize)>> = starts
        .par_iter()
        .map_init(
            || CounterRow::new(n),
            |row, &first| {
                let mut out = Vec::new();
                for i in first..n.min(first + CHUNK) {
                    for &w in index.words_of(i).iter().filter(|&&w| eligible(w)) {
                        let list = index.items_of(w);
                        // Lists are in item order: only the later items pair with `i`.
                        let from = list.partition_point(|&j| j as usize <= i);
                        list[from..].iter().for_each(|&j| row.add(j));
                    }
                    out.extend(
                        row.drain()
                            .filter(|&(_, c)| c >= MIN_SHARED_TOPIC as u32)
                            .map(|(j, c)| (i, j as usize, c as usize)),
                    );
                }
                out
            },
        )
        .collect();
    chunks.into_iter().flatten().collect()
}

/// Each item's distinct topic words (as word numbers) and each word's items, in order, as
/// flat arrays with offsets.
struct Index {
    /// Word numbers of all items, item after item.
    item_words: Vec<u32>,
    /// `item_words[item_ends[i - 1]..item_ends[i]]` are item `i`'s words.
    item_ends: Vec<u32>,
    /// Items using each word (all of them, not only the listed ones).
    uses: Vec<u32>,
    /// Items of the words used by 2 to any number of items, in item order.
    postings: Vec<u32>,
    /// `postings[posting_starts[w]..posting_starts[w + 1]]` are word `w`'s items.
    posting_starts: Vec<u32>,
}

/// A topic word with its hash, computed once: maps keyed by it hash the number only.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Word<'a>(u64, &'a str);

impl Hash for Word<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0);
    }
}

impl Index {
    fn new<'a, F, I>(n: usize, words: F) -> Index
    where
        F: Fn(usize) -> I + Sync,
        I: Iterator<Item = &'a str>,
    {
        // 1. Each item's distinct topic words with their hashes, in chunks of items.
        let starts: Vec<usize> = (0..n).step_by(CHUNK).collect();
        let chunks: Vec<(Vec<Word<'a>>, Vec<u32>)> = starts
            .par_iter()
            .map(|&first| {
                let items = n.min(first + CHUNK) - first;
                // Room for a typical item's words: growing by doubling would copy (and
                // first-touch) the list over and over.
                let (mut found, mut ends) =
                    (Vec::with_capacity(items * WORDS_PER_ITEM), Vec::with_capacity(items));
                for i in first..first + items {
                    let from = found.len();
                    for w in words(i) {
                        let h = hash_of(w);
                        // Lists are short: a scan finds repeats faster than a set (the
                        // hashes tell most words apart without comparing their bytes).
                        if !found[from..].iter().any(|x: &Word| x.0 == h && x.1 == w) && is_topic_word(w) {
                            found.push(Word(h, w));
                        }
                    }
                    ends.push(found.len() as u32);
                }
                (found, ends)
            })
            .collect();
        // 2. Each shard numbers its words (in order of first use) and counts their items.
        let shards: Vec<(Vec<u32>, Vec<u32>)> = (0..SHARDS)
            .into_par_iter()
            .map(|shard| {
                let mut number: HashMap<Word, u32> = HashMap::default();
                let (mut numbers, mut uses) = (Vec::new(), Vec::new());
                for w in chunks.iter().flat_map(|c| &c.0).filter(|w| shard_of(w.0) == shard) {
                    let next = uses.len() as u32;
                    let k = *number.entry(*w).or_insert(next);
                    if k == next {
                        uses.push(0);
                    }
                    uses[k as usize] += 1;
                    numbers.push(k);
                }
                (numbers, uses)
            })
            .collect();
        // 3. Word numbers of every item, shard numbers made global.
        let mut base = [0u32; SHARDS];
        let mut uses: Vec<u32> = Vec::new();
        for (s, (_, u)) in shards.iter().enumerate() {
            base[s] = uses.len() as u32;
            uses.extend(u);
        }
        let mut cursor = [0usize; SHARDS];
        let total: usize = chunks.iter().map(|c| c.0.len()).sum();
        let (mut item_words, mut item_ends) = (Vec::with_capacity(total), Vec::with_capacity(n));
        for (found, ends) in &chunks {
            let offset = item_words.len() as u32;
            for w in found {
                let s = shard_of(w.0);
                item_words.push(base[s] + shards[s].0[cursor[s]]);
                cursor[s] += 1;
            }
            item_ends.extend(ends.iter().map(|e| offset + e));
        }
        drop(chunks);
        // 4. Items of each word used more than once (a word of one item pairs nothing).
        let listed = |w: u32| uses[w as usize] >= 2;
        let mut posting_starts = Vec::with_capacity(uses.len() + 1);
        posting_starts.push(0u32);
        for (w, &u) in uses.iter().enumerate() {
            let len = if listed(w as u32) { u } else { 0 };
            posting_starts.push(posting_starts[w] + len);
        }
        let mut fill: Vec<u32> = posting_starts[..uses.len()].to_vec();
        let mut postings = vec![0u32; posting_starts.last().copied().unwrap_or(0) as usize];
        let mut from = 0;
        for (i, &end) in item_ends.iter().enumerate() {
            for &w in &item_words[from..end as usize] {
                if listed(w) {
                    postings[fill[w as usize] as usize] = i as u32;
                    fill[w as usize] += 1;
                }
            }
            from = end as usize;
        }
        Index { item_words, item_ends, uses, postings, posting_starts }
    }

    fn words_of(&self, i: usize) -> &[u32] {
        let from = if i == 0 { 0 } else { self.item_ends[i - 1] as usize };
        &self.item_words[from..self.item_ends[i] as usize]
    }

    fn items_of(&self, w: u32) -> &[u32] {
        let w = w as usize;
        &self.postings[self.posting_starts[w] as usize..self.posting_starts[w + 1] as usize]
    }
}

/// The hash of a word (deterministic: FxHash has no random seed).
fn hash_of(w: &str) -> u64 {
    let mut h = FxHasher::default();
    w.hash(&mut h);
    h.finish()
}

/// The shard of a word hash (its high bits: the map inside a shard uses the low ones).
fn shard_of(hash: u64) -> usize {
    (hash >> 32) as usize % SHARDS
}

/// Counts per item index, with the touched indices remembered so a reset costs only them.
struct CounterRow {
    counts: Vec<u32>,
    touched: Vec<u32>,
}

impl CounterRow {
    fn new(n: usize) -> Self {
        CounterRow { counts: vec![0; n], touched: Vec::new() }
    }

    fn add(&mut self, j: u32) {
        let c = &mut self.counts[j as usize];
        if *c == 0 {
            self.touched.push(j);
        }
        *c += 1;
    }

    /// `(index, count)` of every touched index in index order; the row is zero afterwards.
    fn drain(&mut self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.touched.sort_unstable();
        self.touched.drain(..).map(|j| (j, std::mem::take(&mut self.counts[j as usize])))
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
