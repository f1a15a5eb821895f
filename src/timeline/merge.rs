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
    let tokens: Vec<Vec<u64>> = profiles.iter().map(|p| blocking_tokens(p, vocab)).collect();
    let mut postings: FxHashMap<(i64, u64), Vec<u32>> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        for b in own_buckets(m) {
            for &t in &tokens[i] {
                postings.entry((b, t)).or_default().push(i as u32);
            }
        }
    }
    let day_like: Vec<bool> = mentions.iter().map(|m| similarity::is_day_like(m)).collect();
    // Shared-token counts per candidate: a dense array reset through the list of touched
    // entries, so no hashing or allocation per mention.
    let mut counts: Vec<u32> = vec![0; mentions.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let coarse = !day_like[i];
        for b in probe_buckets(m) {
            for &t in &tokens[i] {
                let Some(list) = postings.get(&(b, t)) else { continue };
                if list.len() > MAX_POSTING {
                    continue;
                }
                for &j in list {
                    let j = j as usize;
                    // A coarse mention alone finds its day-like partners (they never probe it).
                    if j > i || (coarse && day_like[j]) {
                        if counts[j] == 0 {
                            touched.push(j as u32);
                        }
                        counts[j] += 1;
                    }
                }
            }
        }
        let mut cands: Vec<(usize, u32)> =
            touched.iter().map(|&j| (j as usize, counts[j as usize])).collect();
        for &j in &touched {
            counts[j as usize] = 0;
        }
        touched.clear();
        if cands.len() > MAX_CANDIDATES {
            cands.select_nth_unstable_by(MAX_CANDIDATES, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            cands.truncate(MAX_CANDIDATES);
        }
        for (j, _) in cands {
            if let Some(score) = pair_score(mentions[i], mentions[j], &profiles[i], &profiles[j]) {
                pairs.push((score, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    join(mentions, &pairs)
}

/// The score of two mentions as one event, or `None` when they cannot be one.
pub fn pair_score(a: &EventMention, b: &EventMention, pa: &Profile, pb: &Profile) -> Option<f32> {
    if !similarity::dates_compatible(a, b) {
        return None;
    }
    if consecutive_same_day(a, b) && similarity::shared(pa, pb).0 >= 1 {
        // One article telling one happening over two sentences (`held talks on Tuesday …
        // The dialogue began at 3 p.m.`).
        return Some(similarity::similarity(pa, pb).max(SAME_EVENT));
    }
    let bar = if a.precision == b.precision { SAME_EVENT } else { SAME_EVENT_MIXED_PRECISION };
    content_score(a, b, pa, pb).filter(|&s| s >= bar)
}

/// The content score of two mentions as one happening, dates set aside: `None` when kinds
/// differ, they share too little, or both come from one sentence.
pub fn content_score(a: &EventMention, b: &EventMention, pa: &Profile, pb: &Profile) -> Option<f32> {
    if a.kind != b.kind || (a.evidence.start == b.evidence.start && a.article == b.article) {
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
fn consecutive_same_day(a: &EventMention, b: &EventMention) -> bool {
    if a.article != b.article || a.kind != EventKind::Event || a.start != b.start || a.end != b.end {
        return false;
    }
    if a.precision > Precision::Day || b.precision > Precision::Day {
        return false;
    }
    let (first, second) = if a.evidence.start <= b.evidence.start { (a, b) } else { (b, a) };
    second.evidence.start >= first.evidence.end && second.evidence.start - first.evidence.end <= 3
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

/// Buckets a mention looks in: its own, and for a month or quarter every day inside it.
fn probe_buckets(m: &EventMention) -> Vec<i64> {
    let mut out = own_buckets(m);
    if !similarity::is_day_like(m) && (m.end - m.start).num_days() <= 92 {
        out.extend(day_number(m.start)..=day_number(m.end));
    }
    out
}
