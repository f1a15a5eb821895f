//! How alike two event mentions are, apart from their dates: shared participants (by
//! corpus entity where known), shared place, and IDF-weighted shared keywords. Used by the
//! merge, the date checks and the conflict finder so they all agree on "the same event".

use std::hash::{Hash, Hasher};

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use crate::model::{EventMention, Precision};

use super::entities::EntityIndex;

/// A mention reduced to what comparison needs, with keyword weights resolved.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    /// Keyword ids with their IDF weight, sorted by id.
    pub keywords: Vec<(u32, f32)>,
    /// Participant keys (hash of the corpus entity id, or of the folded name), sorted:
    /// numbers, so comparing profiles never compares strings.
    pub participants: Vec<u64>,
    /// IDF weight of each participant (parallel to `participants`): a country named in
    /// every story says less than a vice-minister named in two.
    pub participant_weights: Vec<f32>,
    /// Summed participant weight (the denominator side of [`participant_overlap`]).
    pub participant_total: f32,
    /// Place key (as for participants).
    pub place: Option<u64>,
    /// Sum of keyword weights.
    pub weight: f32,
}

/// Keyword vocabulary with document frequencies over all mentions (IDF weights).
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
    df: Vec<u32>,
    docs: u32,
    /// Mentions naming each participant (by folded name).
    participant_df: FxHashMap<String, u32>,
}

impl Vocabulary {
    /// Counts keyword document frequencies over `mentions`. Chunks are counted in
    /// parallel; keyword ids are then given in first-seen order, as a single pass would.
    pub fn new(mentions: &[&EventMention]) -> Vocabulary {
        let chunks: Vec<ChunkCounts> = mentions.par_chunks(2048).map(ChunkCounts::of).collect();
        let mut v = Vocabulary { docs: mentions.len() as u32, ..Default::default() };
        for chunk in chunks {
            for (k, n) in chunk.keywords {
                // Look up before inserting: most keywords are seen already, and an entry
                // would copy the string every time.
                let id = match v.ids.get(k) {
                    Some(&id) => id,
                    None => {
                        let id = v.ids.len() as u32;
                        v.ids.insert(k.to_string(), id);
                        v.df.push(0);
                        id
                    }
                };
                v.df[id as usize] += n;
            }
            for (p, n) in chunk.participants {
                *v.participant_df.entry(p).or_default() += n;
            }
        }
        v
    }

    /// IDF weight of a participant name.
    pub fn participant_idf(&self, name: &str) -> f32 {
        let df = self.participant_df.get(&fold_name(name)).copied().unwrap_or(1).max(1) as f32;
        (1.0 + self.docs as f32 / df).ln()
    }

    /// Id of keyword `k`, if seen.
    pub fn id(&self, k: &str) -> Option<u32> {
        self.ids.get(k).copied()
    }

    /// IDF weight of keyword id `id` (rare words weigh more).
    pub fn idf(&self, id: u32) -> f32 {
        let df = self.df.get(id as usize).copied().unwrap_or(1).max(1) as f32;
        (1.0 + self.docs as f32 / df).ln()
    }

    /// Number of mentions whose keywords include id `id`.
    pub fn df(&self, id: u32) -> u32 {
        self.df.get(id as usize).copied().unwrap_or(0)
    }

    /// The comparison profile of `m`.
    pub fn profile(&self, m: &EventMention, index: &EntityIndex) -> Profile {
        let mut keywords: Vec<(u32, f32)> =
            m.keywords.iter().filter_map(|k| self.id(k)).map(|id| (id, self.idf(id))).collect();
        keywords.sort_by_key(|k| k.0);
        keywords.dedup_by_key(|k| k.0);
        let mut keyed: Vec<(u64, f32)> = m
            .participants
            .iter()
            .map(|p| (participant_key(index, &m.article, p), self.participant_idf(p)))
            .collect();
        keyed.sort_by_key(|a| a.0);
        keyed.dedup_by_key(|a| a.0);
        let (participants, participant_weights): (Vec<u64>, Vec<f32>) = keyed.into_iter().unzip();
        let weight = keywords.iter().map(|k| k.1).sum();
        let place = m.place.as_ref().map(|p| participant_key(index, &m.article, p));
        let participant_total = participant_weights.iter().sum();
        Profile { keywords, participants, participant_weights, participant_total, place, weight }
    }
}

/// Keyword and participant counts of a run of mentions, keywords in first-seen order.
struct ChunkCounts<'a> {
    keywords: Vec<(&'a str, u32)>,
    participants: FxHashMap<String, u32>,
}

impl<'a> ChunkCounts<'a> {
    fn of(mentions: &[&'a EventMention]) -> Self {
        let mut at: FxHashMap<&'a str, usize> = FxHashMap::default();
        let mut keywords: Vec<(&'a str, u32)> = Vec::new();
        let mut participants: FxHashMap<String, u32> = FxHashMap::default();
        for m in mentions {
            for k in &m.keywords {
                let i = *at.entry(k.as_str()).or_insert_with(|| {
                    keywords.push((k.as_str(), 0));
                    keywords.len() - 1
                });
                keywords[i].1 += 1;
            }
            let mut seen: Vec<String> = m.participants.iter().map(|p| fold_name(p)).collect();
            seen.sort();
            seen.dedup();
            for p in seen {
                *participants.entry(p).or_default() += 1;
            }
        }
        ChunkCounts { keywords, participants }
    }
}

/// The key of an in-article name: a hash of its corpus entity id, or of the name folded
/// (case, spaces, hyphens) so spelling variants such as `Yoon Suk Yeol` / `Yoon Suk-yeol`
/// meet. Deterministic across runs (FxHash has no random seed).
pub fn participant_key(index: &EntityIndex, article: &str, name: &str) -> u64 {
    let mut h = FxHasher::default();
    match index.id_for(article, name) {
        Some(id) => {
            0u8.hash(&mut h);
            id.hash(&mut h);
        }
        None => {
            1u8.hash(&mut h);
            for c in folded_chars(name) {
                c.hash(&mut h);
            }
        }
    }
    h.finish()
}

/// Lower-case letters and digits of `name` only.
pub fn fold_name(name: &str) -> String {
    folded_chars(name).collect()
}

/// The characters of [`fold_name`], without building the string (for hashing).
fn folded_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
}

/// Content similarity in 0..1: weighted keyword Dice, blended with participant overlap
/// when both sides name participants, nudged by place agreement.
pub fn similarity(a: &Profile, b: &Profile) -> f32 {
    similarity_from(a, b, shared_weight(a, b), participant_overlap(a, b))
}

/// [`similarity`] from parts already computed (shared keyword weight, participant overlap).
pub fn similarity_from(a: &Profile, b: &Profile, shared: f32, people: Option<f32>) -> f32 {
    let kw = dice_from(a, b, shared);
    let mut score = match people {
        Some(p) => 0.6 * kw + 0.4 * p,
        None => kw,
    };
    match (&a.place, &b.place) {
        (Some(x), Some(y)) if x == y => score += 0.1,
        (Some(_), Some(_)) => score -= 0.15,
        _ => {}
    }
    score.clamp(0.0, 1.0)
}

/// Below this many keywords on the lighter side, the overlap coefficient says too little.
const MIN_OVERLAP_KEYWORDS: usize = 5;

/// Keyword agreement: the mean of the weighted Dice coefficient and the weighted overlap
/// coefficient (shared weight over the lighter side), so a short report of an event is not
/// penalised for the extra detail of a long one.
pub fn keyword_dice(a: &Profile, b: &Profile) -> f32 {
    dice_from(a, b, shared_weight(a, b))
}

fn dice_from(a: &Profile, b: &Profile, shared: f32) -> f32 {
    if a.weight <= 0.0 || b.weight <= 0.0 {
        return 0.0;
    }
    let dice = 2.0 * shared / (a.weight + b.weight);
    if a.keywords.len().min(b.keywords.len()) < MIN_OVERLAP_KEYWORDS {
        return dice;
    }
    let overlap = shared / a.weight.min(b.weight);
    0.5 * (dice + overlap)
}

/// Number and summed weight of the keywords both profiles have (one merge walk).
pub fn shared(a: &Profile, b: &Profile) -> (usize, f32) {
    let (a, b) = (&a.keywords[..], &b.keywords[..]);
    let (mut i, mut j, mut n, mut w) = (0, 0, 0, 0.0f32);
    // A merging walk without branches on the comparison (it is unpredictable, and this is
    // the hottest loop of the merge): both sides step on equality. Adding 0.0 when the ids
    // differ leaves the sum bit for bit as a branching walk makes it.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        let same = x.0 == y.0;
        n += usize::from(same);
        w += if same { x.1 } else { 0.0 };
        i += usize::from(x.0 <= y.0);
        j += usize::from(y.0 <= x.0);
    }
    (n, w)
}

/// Summed weight of the keywords both profiles have.
pub fn shared_weight(a: &Profile, b: &Profile) -> f32 {
    shared(a, b).1
}

/// Weight of shared participants over the lighter side's participant weight (IDF-weighted
/// overlap coefficient), when both have some.
pub fn participant_overlap(a: &Profile, b: &Profile) -> Option<f32> {
    if a.participants.is_empty() || b.participants.is_empty() {
        return None;
    }
    // Both lists are sorted: one merging walk finds the shared ones.
    let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
    while i < a.participants.len() && j < b.participants.len() {
        match a.participants[i].cmp(&b.participants[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a.participant_weights.get(i).copied().unwrap_or(1.0);
                i += 1;
                j += 1;
            }
        }
    }
    let lighter = a.participant_total.min(b.participant_total);
    (lighter > 0.0).then(|| (shared / lighter).min(1.0))
}

/// True when two mentions' day ranges can describe one happening: they overlap, and a
/// coarse one (`in June`) contains the finer one (`June 18`).
pub fn dates_compatible(a: &EventMention, b: &EventMention) -> bool {
    ranges_compatible((a.start, a.end, a.precision), (b.start, b.end, b.precision))
}

/// [`dates_compatible`] on (first day, last day, precision).
pub fn ranges_compatible(a: (NaiveDate, NaiveDate, Precision), b: (NaiveDate, NaiveDate, Precision)) -> bool {
    if a.0 > b.1 || b.0 > a.1 {
        return false;
    }
    if a.2 == b.2 {
        return true;
    }
    let (fine, coarse) = if a.2 < b.2 { (a, b) } else { (b, a) };
    fine.0 >= coarse.0 && fine.1 <= coarse.1
}

/// True when the mention's date is a single day or a few days (fit for day buckets).
pub fn is_day_like(m: &EventMention) -> bool {
    day_like(m.precision, m.start, m.end)
}

/// [`is_day_like`] on a date's precision and first and last day.
pub fn day_like(precision: Precision, start: NaiveDate, end: NaiveDate) -> bool {
    precision <= Precision::Week && (end - start).num_days() <= 14
}
