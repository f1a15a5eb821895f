//! Merging event mentions of many articles into events, without an all-pairs scan.
//!
//! # Design
//! Mentions are posted into buckets keyed by (day, token) — every day a day-like mention
//! covers, or the period of a coarser one — where tokens are participants and keywords.
//! Only mentions that meet in a bucket are compared, and over-full postings (a token every
//! story of that day has) are skipped, so the work grows with the corpus, not its square.
//! Candidate pairs are scored ([`similarity`]) and joined best-first; two groups join only
//! when their date ranges still intersect, so a chain of look-alikes cannot drift across days.

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::model::{EventKind, EventMention, Precision};

use super::similarity::{self, Profile, Vocabulary};

/// Pairs scoring at least this (same precision) are the same event.
pub const SAME_EVENT: f32 = 0.30;
/// Stricter bar when one date is coarser than the other (`in June` vs `June 18`).
pub const SAME_EVENT_MIXED_PRECISION: f32 = 0.45;
/// Postings longer than this in one bucket are too common to suggest a pair.
const MAX_POSTING: usize = 400;
/// At most this many candidates are scored per mention (those sharing most tokens).
const MAX_CANDIDATES: usize = 60;
/// Tokens of a mention used for blocking.
const MAX_TOKENS: usize = 12;

/// Groups `mentions` into events; each group lists indices into `mentions`, in order.
pub fn cluster(mentions: &[&EventMention], profiles: &[Profile], vocab: &Vocabulary) -> Vec<Vec<usize>> {
    let tokens: Vec<Vec<u64>> = profiles.par_iter().map(|p| blocking_tokens(p, vocab)).collect();
    let index = Buckets::new(mentions, &tokens);
    let heads = heads(mentions);
    // Each mention's candidates are found and scored independently, in parallel; the
    // pairs are sorted below, so the result does not depend on the order they come in.
    let mut pairs: Vec<(f32, usize, usize)> = (0..mentions.len())
        .into_par_iter()
        .with_min_len(512)
        .map_init(
            || (vec![0u32; mentions.len()], Vec::new()),
            |(counts, touched), i| {
                let cands = index.candidates(i, mentions, &tokens, counts, touched);
                cands
                    .into_iter()
                    .filter_map(|j| {
                        head_pair_score(&heads[i], &heads[j], &profiles[i], &profiles[j]).map(|s| (s, i, j))
                    })
                    .collect::<Vec<_>>()
            },
        )
        .flatten_iter()
        .collect();
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    join(mentions, &pairs)
}

/// The blocking index: mentions posted by (bucket, token), plus the day-like ones by token
/// in day order, so a month or quarter finds its days' postings with one range per token
/// instead of a lookup per day and token. Each is one flat sorted array with a map from
/// key to its run: built by a parallel sort, with no list allocated per key.
struct Buckets {
    /// Mentions of each (bucket, token), in mention order.
    postings: Postings<(i64, u64), u32>,
    /// (day number, mention) per token, sorted, for day-like mentions.
    by_token: Postings<u64, (i64, u32)>,
    day_like: Vec<bool>,
}

impl Buckets {
    fn new(mentions: &[&EventMention], tokens: &[Vec<u64>]) -> Self {
        let day_like: Vec<bool> = mentions.par_iter().map(|m| similarity::is_day_like(m)).collect();
        let mut keyed: Vec<((i64, u64), u32)> = mentions
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, m)| {
                own_buckets(m)
                    .into_iter()
                    .flat_map(move |b| tokens[i].iter().map(move |&t| ((b, t), i as u32)))
            })
            .collect();
        keyed.par_sort_unstable();
        let mut by_token: Vec<(u64, (i64, u32))> =
            keyed.par_iter().filter(|(_, i)| day_like[*i as usize]).map(|&((b, t), i)| (t, (b, i))).collect();
        by_token.par_sort_unstable();
        Buckets {
            postings: Postings::from_sorted(keyed),
            by_token: Postings::from_sorted(by_token),
            day_like,
        }
    }

    /// The mentions that mention `i` is compared with: those meeting it in a bucket (later
    /// in the list, or day-like ones for a coarse mention), the [`MAX_CANDIDATES`] sharing
    /// most tokens. Postings longer than [`MAX_POSTING`] in one bucket are skipped.
    /// `counts` (all zero, one per mention) and `touched` are scratch space, left as they
    /// were found: a dense array reset through its touched entries, so no hashing or
    /// allocation per mention.
    fn candidates(
        &self,
        i: usize,
        mentions: &[&EventMention],
        tokens: &[Vec<u64>],
        counts: &mut [u32],
        touched: &mut Vec<u32>,
    ) -> Vec<usize> {
        let m = mentions[i];
        let mut count = |j: u32| {
            if counts[j as usize] == 0 {
                touched.push(j);
            }
            counts[j as usize] += 1;
        };
        for b in own_buckets(m) {
            for &t in &tokens[i] {
                let Some(list) = self.postings.get(&(b, t)).filter(|l| l.len() <= MAX_POSTING) else {
                    continue;
                };
                // A day-like mention pairs with later ones; a coarse one alone finds its
                // day-like partners (they never probe it).
                list.iter()
                    .filter(|&&j| j as usize > i || (!self.day_like[i] && self.day_like[j as usize]))
                    .for_each(|&j| count(j));
            }
        }
        if !self.day_like[i] && (m.end - m.start).num_days() <= 92 {
            // Every day inside a month or quarter: the day-like mentions posted there.
            let (lo, hi) = (day_number(m.start), day_number(m.end));
            for t in &tokens[i] {
                let Some(list) = self.by_token.get(t) else { continue };
                let from = list.partition_point(|&(d, _)| d < lo);
                let to = list.partition_point(|&(d, _)| d <= hi);
                for run in list[from..to].chunk_by(|a, b| a.0 == b.0) {
                    if run.len() <= MAX_POSTING {
                        run.iter().for_each(|&(_, j)| count(j));
                    }
                }
            }
        }
        let mut cands: Vec<(usize, u32)> =
            touched.iter().map(|&j| (j as usize, counts[j as usize])).collect();
        for &j in touched.iter() {
            counts[j as usize] = 0;
        }
        touched.clear();
        if cands.len() > MAX_CANDIDATES {
            cands.select_nth_unstable_by(MAX_CANDIDATES, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            cands.truncate(MAX_CANDIDATES);
        }
        cands.into_iter().map(|c| c.0).collect()
    }
}

/// What pair scoring reads of a mention besides its profile, copied into one small array
/// so that scoring a candidate does not chase the whole mention through memory.
#[derive(Clone, Copy, Debug)]
pub struct Head {
    /// First day of the mention's date.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Precision of the date.
    pub precision: Precision,
    /// Happening or statement.
    pub kind: EventKind,
    /// Byte range of the evidence sentence.
    pub evidence: (usize, usize),
    /// Index of the article (equal exactly when the article ids are).
    pub article: u32,
}

impl Head {
    /// The head of `m`, from article number `article`.
    pub fn of(m: &EventMention, article: u32) -> Head {
        Head {
            start: m.start,
            end: m.end,
            precision: m.precision,
            kind: m.kind,
            evidence: (m.evidence.start, m.evidence.end),
            article,
        }
    }

    /// [`similarity::is_day_like`] of the mention.
    pub fn is_day_like(&self) -> bool {
        similarity::day_like(self.precision, self.start, self.end)
    }

    /// The heads of two mentions compared on their own (article numbers 0 and 0 or 1).
    fn pair(a: &EventMention, b: &EventMention) -> (Head, Head) {
        (Head::of(a, 0), Head::of(b, u32::from(a.article != b.article)))
    }
}

/// The score of two mentions as one event, or `None` when they cannot be one.
pub fn pair_score(a: &EventMention, b: &EventMention, pa: &Profile, pb: &Profile) -> Option<f32> {
    let (ha, hb) = Head::pair(a, b);
    head_pair_score(&ha, &hb, pa, pb)
}

/// [`pair_score`] on heads.
pub fn head_pair_score(a: &Head, b: &Head, pa: &Profile, pb: &Profile) -> Option<f32> {
    if !similarity::ranges_compatible((a.start, a.end, a.precision), (b.start, b.end, b.precision)) {
        return None;
    }
    if consecutive_same_day(a, b) && similarity::shared(pa, pb).0 >= 1 {
        // One article telling one happening over two sentences (`held talks on Tuesday …
        // The dialogue began at 3 p.m.`).
        return Some(similarity::similarity(pa, pb).max(SAME_EVENT));
    }
    let bar = if a.precision == b.precision { SAME_EVENT } else { SAME_EVENT_MIXED_PRECISION };
    head_content_score(a, b, pa, pb).filter(|&s| s >= bar)
}

/// The content score of two mentions as one happening, dates set aside: `None` when kinds
/// differ, they share too little, or both come from one sentence.
pub fn content_score(a: &EventMention, b: &EventMention, pa: &Profile, pb: &Profile) -> Option<f32> {
    let (ha, hb) = Head::pair(a, b);
    head_content_score(&ha, &hb, pa, pb)
}

/// [`content_score`] on heads.
pub fn head_content_score(a: &Head, b: &Head, pa: &Profile, pb: &Profile) -> Option<f32> {
    if a.kind != b.kind || (a.evidence.0 == b.evidence.0 && a.article == b.article) {
        return None;
    }
    // Cheapest tests first: most candidate pairs share no keyword at all.
    let (shared, shared_weight) = similarity::shared(pa, pb);
    if shared == 0 {
        return None;
    }
    let overlap = similarity::participant_overlap(pa, pb);
    let people = overlap.unwrap_or(0.0);
    let enough_evidence = shared >= 2 || people >= 0.5;
    let statement_ok = a.kind != EventKind::Statement || people > 0.0 || shared >= 4;
    if !(enough_evidence && statement_ok) {
        return None;
    }
    let score = similarity::similarity_from(pa, pb, shared_weight, overlap);
    (score >= SAME_EVENT).then_some(score)
}

/// True for two happenings of one article on the same day in back-to-back sentences.
fn consecutive_same_day(a: &Head, b: &Head) -> bool {
    if a.kind != EventKind::Event || a.start != b.start || a.end != b.end || a.article != b.article {
        return false;
    }
    if a.precision > Precision::Day || b.precision > Precision::Day {
        return false;
    }
    let (first, second) = if a.evidence.0 <= b.evidence.0 { (a, b) } else { (b, a) };
    second.evidence.0 >= first.evidence.1 && second.evidence.0 - first.evidence.1 <= 3
}

/// The [`Head`] of each mention, articles numbered by id.
fn heads(mentions: &[&EventMention]) -> Vec<Head> {
    let mut numbers: FxHashMap<&str, u32> = FxHashMap::default();
    mentions
        .iter()
        .map(|m| {
            let next = numbers.len() as u32;
            Head::of(m, *numbers.entry(m.article.as_str()).or_insert(next))
        })
        .collect()
}

/// Joins pairs best-first with a union-find whose groups keep a common date range.
fn join(mentions: &[&EventMention], pairs: &[(f32, usize, usize)]) -> Vec<Vec<usize>> {
    let n = mentions.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut range: Vec<(NaiveDate, NaiveDate)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(_, i, j) in pairs {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj {
            continue;
        }
        let (a, b) = (range[ri], range[rj]);
        let common = (a.0.max(b.0), a.1.min(b.1));
        if common.0 > common.1 {
            continue;
        }
        parent[rj] = ri;
        range[ri] = common;
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort_by_key(|g| g[0]);
    out
}

/// Values grouped by key in one flat array, with a map from each key to its run: built from
/// (key, value) pairs sorted by key (a parallel sort), so no list is allocated per key.
pub(crate) struct Postings<K, V> {
    values: Vec<V>,
    runs: FxHashMap<K, (u32, u32)>,
}

impl<K: std::hash::Hash + Eq + Copy, V> Postings<K, V> {
    /// Groups `sorted` (sorted by key; values keep their order within a key).
    pub(crate) fn from_sorted(sorted: Vec<(K, V)>) -> Self {
        let mut runs = FxHashMap::default();
        let mut from = 0;
        for run in sorted.chunk_by(|a, b| a.0 == b.0) {
            runs.insert(run[0].0, (from as u32, run.len() as u32));
            from += run.len();
        }
        Postings { values: sorted.into_iter().map(|kv| kv.1).collect(), runs }
    }

    /// The values posted under `key`, in order.
    pub(crate) fn get(&self, key: &K) -> Option<&[V]> {
        self.runs.get(key).map(|&(from, len)| &self.values[from as usize..(from + len) as usize])
    }

    /// Every key with its values, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&K, &[V])> {
        self.runs.iter().map(|(k, &(from, len))| (k, &self.values[from as usize..(from + len) as usize]))
    }
}

/// Blocking tokens: participants, then the rarest keywords.
fn blocking_tokens(p: &Profile, vocab: &Vocabulary) -> Vec<u64> {
    let mut out: Vec<u64> = p.participants.iter().map(|&k| k | (1 << 63)).collect();
    let mut kws: Vec<u32> = p.keywords.iter().map(|k| k.0).collect();
    kws.sort_by_key(|&k| (vocab.df(k), k));
    out.extend(kws.into_iter().map(u64::from));
    out.truncate(MAX_TOKENS);
    out
}

/// Day number of `d` (days since the Common Era).
fn day_number(d: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&d))
}

/// Bucket key of a coarse period: negative so it never meets a day number.
fn period_key(m: &EventMention) -> i64 {
    -(day_number(m.start) * 16 + m.precision as i64 + 1)
}

/// Buckets a mention is posted in.
fn own_buckets(m: &EventMention) -> Vec<i64> {
    if similarity::is_day_like(m) {
        (day_number(m.start)..=day_number(m.end)).collect()
    } else {
        vec![period_key(m)]
    }
}
