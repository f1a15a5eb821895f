//! What the date check compares against: the mentions of articles whose dates are trusted,
//! indexed by content, and for one article's relative mentions the reference mentions that
//! are the same happening ([`Matches`]).

use std::cell::RefCell;

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::extract::ArticleAnalysis;
use crate::model::EventMention;

use super::{MAX_CANDIDATES, MAX_POSTING};
use crate::timeline::entities::EntityIndex;
use crate::timeline::merge::{self, Head, Postings};
use crate::timeline::similarity::{Profile, Vocabulary};

/// Reference mentions: those of articles whose dates are trusted, with a content index.
pub(super) struct Reference<'a> {
    pub(super) mentions: Vec<(usize, &'a EventMention)>,
    pub(super) profiles: Vec<&'a Profile>,
    /// What scoring reads of each mention ([`merge::Head`], article numbered by index).
    pub(super) heads: Vec<Head>,
    /// Mentions of each token, in mention order.
    postings: Postings<u64, u32>,
    /// For each token too common to suggest candidates (posting longer than
    /// [`MAX_POSTING`]), a bitmap of the reference mentions that have it: it tells without
    /// reading a candidate's profile whether the candidate shares a common token too.
    common: HashMap<u64, Vec<u64>>,
}

thread_local! {
    /// Shared-token counts per reference mention, reused across calls on one thread (a
    /// dense array reset through its touched entries: no hashing, no allocation per call).
    static COUNTS: RefCell<(Vec<u32>, Vec<u32>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

impl<'a> Reference<'a> {
    pub(super) fn new(
        analyses: &'a [ArticleAnalysis],
        profiles: &'a [Vec<Profile>],
        trusted: &[bool],
    ) -> Self {
        let (mentions, profiles): (Vec<(usize, &EventMention)>, Vec<&Profile>) = analyses
            .iter()
            .zip(profiles)
            .enumerate()
            .filter(|(i, _)| trusted.get(*i).copied().unwrap_or(false))
            .flat_map(|(i, (a, p))| a.events.iter().zip(p).map(move |(m, p)| ((i, m), p)))
            .unzip();
        // Postings as one flat array of (token, mention) sorted in parallel, in mention
        // order within each token, with a map from token to its run.
        let mut keyed: Vec<(u64, u32)> = profiles
            .par_iter()
            .enumerate()
            .flat_map_iter(|(k, p)| tokens(p).into_iter().map(move |t| (t, k as u32)))
            .collect();
        keyed.par_sort_unstable();
        let postings = Postings::from_sorted(keyed);
        let words = mentions.len().div_ceil(64);
        let long: Vec<(&u64, &[u32])> =
            postings.iter().filter(|(_, list)| list.len() > MAX_POSTING).collect();
        let common = long
            .into_par_iter()
            .map(|(&t, list)| {
                let mut bits = vec![0u64; words];
                for &k in list {
                    bits[k as usize / 64] |= 1 << (k % 64);
                }
                (t, bits)
            })
            .collect();
        let heads = mentions.par_iter().map(|&(i, m)| Head::of(m, i as u32)).collect();
        Reference { mentions, profiles, heads, postings, common }
    }

    /// Reference mentions sharing content tokens with `p`, from other duplicate groups: the
    /// [`MAX_CANDIDATES`] sharing most tokens, common tokens (long postings) ignored. Of
    /// those, a mention sharing one token and no common one is left out: with one keyword or
    /// one participant in common and nothing else, [`merge::content_score`] rejects it.
    pub(super) fn candidates(
        &self,
        p: &Profile,
        me: usize,
        group_of: &[usize],
        keep: impl Fn(&Head) -> bool,
    ) -> Vec<usize> {
        let mut common: Vec<&[u64]> = Vec::new();
        let mut out: Vec<(usize, u32)> = COUNTS.with_borrow_mut(|(counts, touched)| {
            if counts.len() < self.mentions.len() {
                counts.resize(self.mentions.len(), 0);
            }
            for t in tokens(p) {
                let Some(list) = self.postings.get(&t) else { continue };
                if list.len() > MAX_POSTING {
                    common.extend(self.common.get(&t).map(Vec::as_slice));
                    continue;
                }
                for &k in list {
                    if counts[k as usize] == 0 {
                        touched.push(k);
                    }
                    counts[k as usize] += 1;
                }
            }
            let out = touched
                .iter()
                .map(|&k| (k as usize, counts[k as usize]))
                .filter(|&(k, _)| {
                    let other = self.mentions[k].0;
                    other != me && group_of.get(other) != group_of.get(me) && keep(&self.heads[k])
                })
                .collect();
            for &k in touched.iter() {
                counts[k as usize] = 0;
            }
            touched.clear();
            out
        });
        out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out.truncate(MAX_CANDIDATES);
        let shares_common = |k: usize| common.iter().any(|bits| bits[k / 64] & (1 << (k % 64)) != 0);
        out.into_iter().filter(|&(k, n)| n >= 2 || shares_common(k)).map(|c| c.0).collect()
    }
}

fn tokens(p: &Profile) -> Vec<u64> {
    let mut t: Vec<u64> = p.keywords.iter().map(|k| u64::from(k.0)).collect();
    t.extend(p.participants.iter().map(|&k| k | (1 << 63)));
    t
}

/// The content profile of each of `an`'s mentions, in order.
pub(super) fn profiles_of(an: &ArticleAnalysis, vocab: &Vocabulary, index: &EntityIndex) -> Vec<Profile> {
    an.events.iter().map(|m| vocab.profile(m, index)).collect()
}

/// Mentions of `an` whose timex is relative to the anchor, with their profiles (`own`,
/// parallel to `an.events`).
pub(super) fn relative_with_profiles<'a>(
    an: &'a ArticleAnalysis,
    own: &'a [Profile],
) -> Vec<(&'a EventMention, &'a Profile)> {
    let relative = relative_starts(an);
    an.events.iter().zip(own).filter(|(m, _)| relative.contains(&m.timex.start)).collect()
}

/// Offsets of `an`'s time expressions that are relative to the anchor (`on Tuesday`,
/// `last month`): the mentions they date move when the anchor does.
pub(super) fn relative_starts(an: &ArticleAnalysis) -> HashSet<usize> {
    an.timexes.iter().filter(|t| t.relative).map(|t| t.start).collect()
}

/// Mentions of `an` whose timex is relative to the anchor.
pub(super) fn relative_mentions(an: &ArticleAnalysis) -> Vec<&EventMention> {
    let relative = relative_starts(an);
    an.events.iter().filter(|m| relative.contains(&m.timex.start)).collect()
}

/// What the reference says about one relative mention's content, dates aside: the
/// reference mentions that are the same happening by the merge rule, with their scores,
/// and the best score. Keyed by the timex offset, which does not change when the article
/// is re-anchored. Only matches within [`NEAR_BEST`] of the best count as evidence: the
/// anchor must put a mention on the event it is most like, not on a weaker look-alike.
pub(super) struct Matches {
    pub(super) matches: Vec<(usize, f32)>,
    pub(super) best: f32,
}

pub(super) type Cache = HashMap<usize, Matches>;

/// A match counts when its score is this close to the mention's best.
const NEAR_BEST: f32 = 0.1;

impl Matches {
    pub(super) fn near_best(&self) -> impl Iterator<Item = usize> + '_ {
        self.matches.iter().filter(move |m| m.1 >= self.best - NEAR_BEST).map(|m| m.0)
    }
}

/// The [`Matches`] of every relative mention of `an` (profiles `own`) that has any.
pub(super) fn cache_for(
    an: &ArticleAnalysis,
    own: &[Profile],
    me: usize,
    group_of: &[usize],
    reference: &Reference,
) -> Cache {
    matches_of(relative_with_profiles(an, own), me, group_of, reference)
}

/// [`cache_for`] for the suspect check, `None` when no mention dated to a day has a match
/// (those mentions are compared first, and most articles stop there: [`could_show_shift`]
/// needs a matched one) or when one mention's matches already `settle` the check (a
/// mention that fits the stated date: the rest need not be compared).
pub(super) fn cache_for_shift(
    an: &ArticleAnalysis,
    own: &[Profile],
    me: usize,
    group_of: &[usize],
    reference: &Reference,
    settle: impl Fn(&EventMention, &Matches) -> bool,
) -> Option<Cache> {
    let (day, coarse): (Vec<_>, Vec<_>) = relative_with_profiles(an, own)
        .into_iter()
        .partition(|(m, _)| m.precision <= crate::model::Precision::Day);
    let day_count = day.len();
    let mut cache = Cache::default();
    for (i, (m, p)) in day.into_iter().chain(coarse).enumerate() {
        if i == day_count && cache.is_empty() {
            return None;
        }
        if let Some(entry) = matches(m, p, me, group_of, reference) {
            if settle(m, &entry) {
                return None;
            }
            cache.insert(m.timex.start, entry);
        }
    }
    (!cache.is_empty()).then_some(cache)
}

/// The [`Matches`] of each of `mentions` that has any, keyed by timex offset.
fn matches_of(
    mentions: Vec<(&EventMention, &Profile)>,
    me: usize,
    group_of: &[usize],
    reference: &Reference,
) -> Cache {
    mentions
        .into_iter()
        .filter_map(|(m, p)| matches(m, p, me, group_of, reference).map(|e| (m.timex.start, e)))
        .collect()
}

/// The reference mentions that are `m`'s happening (profile `p`), if any.
fn matches(
    m: &EventMention,
    p: &Profile,
    me: usize,
    group_of: &[usize],
    reference: &Reference,
) -> Option<Matches> {
    let head = Head::of(m, me as u32);
    let day_like = head.is_day_like();
    let keep = |r: &Head| r.kind == m.kind && r.is_day_like() == day_like;
    let matches: Vec<(usize, f32)> = reference
        .candidates(p, me, group_of, keep)
        .into_iter()
        .filter_map(|k| {
            merge::head_content_score(&head, &reference.heads[k], p, reference.profiles[k]).map(|s| (k, s))
        })
        .collect();
    let best = matches.iter().map(|m| m.1).fold(0.0, f32::max);
    (!matches.is_empty()).then_some(Matches { matches, best })
}

/// Distinct days (a day either side merged) of the near-best matches.
pub(super) fn match_days(entry: &Matches, reference: &Reference) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = entry.near_best().map(|k| reference.mentions[k].1.start).collect();
    days.sort_unstable();
    days.dedup_by(|a, b| (*a - *b).num_days().abs() <= 1);
    days
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{EventKind, Precision};

    fn head(article: u32, evidence: usize, kind: EventKind) -> Head {
        let day = NaiveDate::from_ymd_opt(2024, 6, 18).unwrap_or_default();
        Head {
            start: day,
            end: day,
            precision: Precision::Day,
            kind,
            evidence: (evidence, evidence + 40),
            article,
        }
    }

    fn profile(keywords: &[(u32, f32)], participants: &[(u64, f32)]) -> Profile {
        let (participants, participant_weights): (Vec<u64>, Vec<f32>) = participants.iter().copied().unzip();
        Profile {
            keywords: keywords.to_vec(),
            participant_total: participant_weights.iter().sum(),
            participants,
            participant_weights,
            place: None,
            weight: keywords.iter().map(|k| k.1).sum(),
        }
    }

    /// [`Reference::candidates`] drops a candidate sharing one token and no common one
    /// without scoring it: that is only right while the content score rejects every such
    /// pair, however heavy the one shared keyword or participant is.
    #[test]
    fn one_shared_token_alone_never_makes_a_content_match() {
        for kind in [EventKind::Event, EventKind::Statement] {
            let (a, b) = (head(0, 0, kind), head(1, 100, kind));
            // One heavy keyword in common, short profiles, no participants.
            let pa = profile(&[(1, 9.0), (2, 0.1)], &[]);
            let pb = profile(&[(1, 9.0), (3, 0.1)], &[]);
            assert_eq!(merge::head_content_score(&a, &b, &pa, &pb), None, "{kind:?}: one keyword");
            // One participant in common (all of both sides' weight), no keyword in common.
            let pa = profile(&[(1, 1.0), (2, 1.0)], &[(7, 5.0)]);
            let pb = profile(&[(3, 1.0), (4, 1.0)], &[(7, 5.0)]);
            assert_eq!(merge::head_content_score(&a, &b, &pa, &pb), None, "{kind:?}: one participant");
        }
        // The same pairs with one more shared keyword do match: the rule is about the count.
        let (a, b) = (head(0, 0, EventKind::Event), head(1, 100, EventKind::Event));
        let pa = profile(&[(1, 9.0), (2, 3.0)], &[]);
        let pb = profile(&[(1, 9.0), (2, 3.0)], &[]);
        assert!(merge::head_content_score(&a, &b, &pa, &pb).is_some());
    }
}
