//! Article dates checked against the corpus: inferred dates for undated articles and
//! suspect header dates.
//!
//! # Design
//! An article's relative expressions (`on Tuesday`, `last month`) depend on its anchor. We
//! try anchors and count how many of its relative event mentions then land on events that
//! other, dated articles fix (same content by [`merge::pair_score`], compatible dates).
//! Candidate anchors come from the content matches themselves (each matched event's day
//! ± 8 days), so only a few dozen re-resolutions run per checked article, and stated
//! articles are only searched when one of their relative mentions matches another report
//! in content but not in date.
//! Among the anchors with most support we pick the one that puts the matched events
//! closest to the publication day (news reports its events within days), then the earliest.
//! - Undated: `inferred` when ≥2 mentions agree, or one strong match (similarity ≥ [`STRONG`]),
//!   and at least one of them is dated to a day.
//! - Stated: `suspect` when no relative mention fits at the header date, one
//!   contradicts other reports (all on one other day), and another anchor ≥7 days away
//!   makes ≥2 of its mentions agree with reports of ≥2 independent articles, one of them
//!   dated to a day.
//!   Content reported on several days (recurring news) never counts, and neither do
//!   month- or year-level matches (they cannot place a date within days).
//!   The stated date is kept in `published`; the article's relative dates are re-resolved
//!   at the suggested anchor and marked uncertain (confidence ≤ [`UNCERTAIN`]), so the
//!   corpus never shows them confidently at a date it contradicts.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use chrono::{Duration, NaiveDate};
use rayon::prelude::*;

use crate::extract::ArticleAnalysis;
use crate::model::{Article, DateStatus, EventMention};

use super::entities::EntityIndex;
use super::merge;
use super::similarity::{self, Profile, Vocabulary};

mod reference;
mod trial;
use reference::{
    Cache, Matches, Reference, cache_for, cache_for_shift, match_days, profiles_of, relative_mentions,
    relative_starts,
};
use trial::{confirm, search};

/// Re-resolves an analysis for a new anchor (normally [`crate::extract::reanchor`]).
pub type Reanchor<'a> = dyn Fn(&Article, &mut ArticleAnalysis, Option<NaiveDate>) + Sync + 'a;

/// Content similarity above which a report at another date contradicts a stated date.
pub const CONTRADICTION: f32 = 0.4;
/// Content matched on this many different days is recurring news, not one event.
const RECURRING_DAYS: usize = 3;
/// Content similarity that makes one matched mention enough on its own.
pub const STRONG: f32 = 0.5;
/// Confidence cap for dates resolved against an inferred or suggested anchor.
pub const UNCERTAIN: f32 = 0.4;
/// Days around a matched event tried as anchors.
const WINDOW: i64 = 8;
/// At most this many anchors are tried per article.
const MAX_ANCHORS: usize = 40;
/// Reference postings longer than this (common words) do not suggest candidates.
const MAX_POSTING: usize = 60;
/// At most this many reference mentions are compared with one mention.
const MAX_CANDIDATES: usize = 100;
/// A suggested anchor must be at least this far from the stated date.
const MIN_SHIFT_DAYS: i64 = 7;

/// Searches and anchor trials run, for the `DATELINE_TIMING` report.
static SEARCHES: AtomicUsize = AtomicUsize::new(0);
static TRIALS: AtomicUsize = AtomicUsize::new(0);

/// How well one anchor fits an article.
#[derive(Clone, Debug, Default)]
struct Fit {
    anchor: Option<NaiveDate>,
    support: usize,
    strong: bool,
    distance: i64,
    /// Matched mentions dated to a day (`on Tuesday`, `yesterday`): without one, a shift of
    /// the header date by days is not shown.
    day_support: usize,
    /// Articles (indices) with a report that a matched mention lands on.
    sources: Vec<usize>,
    /// (timex text, resolved date value, other article id, other title)
    matches: Vec<(String, String, String, String, f32)>,
}

/// Checks every article's date; sets `published_status` (`inferred`/`suspect`),
/// `published`, `suggested_published` and `published_reason`, and re-anchors the analyses
/// of those articles. `group_of[i]` is the duplicate group of article `i` (copies never
/// confirm each other).
pub fn check(
    articles: &mut [Article],
    analyses: &mut [ArticleAnalysis],
    index: &EntityIndex,
    group_of: &[usize],
    reanchor: &Reanchor,
) {
    let clock = std::time::Instant::now();
    let all: Vec<&EventMention> = analyses.iter().flat_map(|a| a.events.iter()).collect();
    let vocab = Vocabulary::new(&all);
    drop(all);
    // Content profiles of every mention, made once: they do not depend on the anchor, so
    // only re-anchored articles need theirs made again.
    let mut profiles: Vec<Vec<Profile>> =
        analyses.par_iter().map(|an| profiles_of(an, &vocab, index)).collect();
    let trusted: Vec<bool> = articles
        .iter()
        .map(|a| matches!(a.published_status, DateStatus::Stated | DateStatus::Edited))
        .collect();
    // Suspect pass over stated articles (read-only, in parallel).
    let suspects: Vec<(usize, Fit)> = {
        let reference = Reference::new(analyses, &profiles, &trusted);
        let arts: &[Article] = articles;
        let ans: &[ArticleAnalysis] = analyses;
        (0..arts.len())
            .into_par_iter()
            .filter(|&i| arts[i].published_status == DateStatus::Stated)
            .filter_map(|i| {
                let stated = arts[i].published;
                if !may_show_shift(&ans[i]) {
                    return None;
                }
                // One mention that fits the stated date is support for it: the header stands,
                // and the rest of the article need not be compared.
                let fits_stated =
                    |m: &EventMention, e: &Matches| supporting_match(m, e, &reference).is_some();
                let cache = cache_for_shift(&ans[i], &profiles[i], i, group_of, &reference, fits_stated)?;
                if !could_show_shift(&ans[i], &cache, &reference, group_of)
                    || !contradicted(&ans[i], &cache, &reference)
                {
                    return None;
                }
                SEARCHES.fetch_add(1, Relaxed);
                let far = |f: &Fit| {
                    f.anchor
                        .is_some_and(|a| stated.is_none_or(|s| (a - s).num_days().abs() >= MIN_SHIFT_DAYS))
                };
                let trial = search(&arts[i], &ans[i], &cache, &reference, 2);
                if !(far(&trial) && shows_shift(&trial, group_of)) {
                    return None;
                }
                let best = confirm(&arts[i], &ans[i], &cache, &reference, reanchor, &trial);
                (far(&best) && shows_shift(&best, group_of)).then_some((i, best))
            })
            .collect()
    };
    if std::env::var_os("DATELINE_TIMING").is_some() {
        eprintln!(
            "dating: suspect pass {:.3}s ({} suspect, {} searched, {} trials; {})",
            clock.elapsed().as_secs_f64(),
            suspects.len(),
            SEARCHES.load(Relaxed),
            TRIALS.load(Relaxed),
            crate::pipeline::usage_so_far()
        );
    }
    let mut trusted = trusted;
    for (i, best) in suspects {
        let a = &mut articles[i];
        let anchor = best.anchor;
        a.published_status = DateStatus::Suspect;
        a.suggested_published = anchor;
        a.published_reason = Some(reason_suspect(a.published, &best));
        trusted[i] = false;
        reanchor(a, &mut analyses[i], anchor);
        mark_uncertain(&mut analyses[i], "suggested by the corpus; header date suspect");
        profiles[i] = profiles_of(&analyses[i], &vocab, index);
    }
    // Inference pass over undated articles: resolve once at a probe anchor to see their
    // mentions (their content does not depend on the anchor), then search.
    // The same reference serves the contradicted-mentions pass below: it reads trusted
    // articles only, which the inference pass does not change.
    let reference = Reference::new(analyses, &profiles, &trusted);
    let probe_anchor = probe(&reference);
    let arts: &[Article] = articles;
    let ans: &[ArticleAnalysis] = analyses;
    let inferred: Vec<(usize, Fit)> = (0..arts.len())
        .into_par_iter()
        .filter(|&i| arts[i].published_status == DateStatus::Missing && arts[i].published.is_none())
        .filter_map(|i| {
            let mut probe_an = ans[i].clone();
            reanchor(&arts[i], &mut probe_an, probe_anchor);
            let own = profiles_of(&probe_an, &vocab, index);
            let cache = cache_for(&probe_an, &own, i, group_of, &reference);
            // A month- or year-level match cannot place a date within days: one dated to a
            // day must be among the evidence.
            let good = |f: &Fit| f.anchor.is_some() && f.day_support >= 1 && (f.support >= 2 || f.strong);
            let trial = search(&arts[i], &probe_an, &cache, &reference, 1);
            if !good(&trial) {
                return None;
            }
            let best = confirm(&arts[i], &probe_an, &cache, &reference, reanchor, &trial);
            good(&best).then_some((i, best))
        })
        .collect();
    if std::env::var_os("DATELINE_TIMING").is_some() {
        eprintln!(
            "dating: inference pass done at {:.3}s ({})",
            clock.elapsed().as_secs_f64(),
            crate::pipeline::usage_so_far()
        );
    }
    let clock = std::time::Instant::now();
    let notes = contradicted_notes(&reference, ans, &profiles, &trusted);
    drop(reference);
    for (i, best) in inferred {
        let a = &mut articles[i];
        a.published = best.anchor;
        a.published_status = DateStatus::Inferred;
        a.published_reason = Some(reason_inferred(&best));
        reanchor(a, &mut analyses[i], best.anchor);
        mark_uncertain(&mut analyses[i], "inferred from the corpus");
        profiles[i] = profiles_of(&analyses[i], &vocab, index);
    }
    for (i, k, note) in notes {
        if let Some(m) = analyses[i].events.get_mut(k) {
            m.confidence = m.confidence.min(UNCERTAIN);
            m.derivation = format!("{}{NOTE_UNCERTAIN}{note}]", m.derivation);
        }
    }
    if std::env::var_os("DATELINE_TIMING").is_some() {
        eprintln!(
            "dating: contradicted mentions {:.3}s ({})",
            clock.elapsed().as_secs_f64(),
            crate::pipeline::usage_so_far()
        );
    }
}

/// True when a fit is evidence that a header date is wrong: at least two mentions land on
/// reports of the same happenings, in at least two independent articles (one other article
/// matching twice is what a routine daily report from another day looks like), and at
/// least one of them is dated to a day (month- or year-level matches alone cannot place a
/// date within days).
fn shows_shift(f: &Fit, group_of: &[usize]) -> bool {
    let mut groups: Vec<usize> = f.sources.iter().map(|&a| group_of.get(a).copied().unwrap_or(a)).collect();
    groups.sort_unstable();
    groups.dedup();
    f.support >= 2 && groups.len() >= 2 && f.day_support >= 1
}

/// What [`could_show_shift`] needs of the article alone, checked before any content is
/// compared: two relative mentions, one dated to a day. Most articles fail it for free.
fn may_show_shift(an: &ArticleAnalysis) -> bool {
    let relative = relative_mentions(an);
    relative.len() >= 2 && relative.iter().any(|m| m.precision <= crate::model::Precision::Day)
}

/// What [`shows_shift`] needs, checked before any anchor is tried: matched relative
/// mentions (two at least, one dated to a day) whose matches lie in two independent articles.
/// Most contradicted articles fail this and cost no re-resolution at all.
fn could_show_shift(an: &ArticleAnalysis, cache: &Cache, reference: &Reference, group_of: &[usize]) -> bool {
    if cache.len() < 2 {
        return false;
    }
    let day = relative_mentions(an)
        .into_iter()
        .any(|m| m.precision <= crate::model::Precision::Day && cache.contains_key(&m.timex.start));
    let mut groups = cache.values().flat_map(|e| e.matches.iter()).map(|&(k, _)| {
        let a = reference.mentions[k].0;
        group_of.get(a).copied().unwrap_or(a)
    });
    let first = groups.next();
    day && groups.any(|g| Some(g) != first)
}

/// In articles whose date stands, a relative mention that other reports date differently
/// (same content, incompatible day, and no other report agreeing with it) keeps its date but
/// loses confidence, with the disagreement in its derivation: the (article, mention, note)
/// of each.
fn contradicted_notes(
    reference: &Reference,
    ans: &[ArticleAnalysis],
    profiles: &[Vec<Profile>],
    trusted: &[bool],
) -> Vec<(usize, usize, String)> {
    let no_groups: Vec<usize> = (0..ans.len()).collect();
    (0..ans.len())
        .into_par_iter()
        .filter(|&i| trusted[i])
        .flat_map_iter(|i| {
            let an = &ans[i];
            let mut notes = Vec::new();
            let relative = relative_starts(an);
            for (k, m) in an.events.iter().enumerate() {
                if !relative.contains(&m.timex.start) || !similarity::is_day_like(m) {
                    continue;
                }
                let Some(p) = profiles[i].get(k) else { continue };
                let mut agree = false;
                let mut other: Option<&EventMention> = None;
                let head = merge::Head::of(m, i as u32);
                let keep = |r: &merge::Head| {
                    r.kind == m.kind && r.is_day_like() && (r.start - m.start).num_days().abs() <= WINDOW
                };
                for c in reference.candidates(p, i, &no_groups, keep) {
                    let r = &reference.heads[c];
                    if merge::head_pair_score(&head, r, p, reference.profiles[c]).is_some() {
                        agree = true;
                        break;
                    }
                    let close = (r.start - m.start).num_days().abs() <= WINDOW;
                    if close
                        && other.is_none()
                        && merge::head_content_score(&head, r, p, reference.profiles[c]).is_some()
                    {
                        other = Some(reference.mentions[c].1);
                    }
                }
                if let (false, Some(r)) = (agree, other) {
                    notes.push((i, k, format!("other reports date it {} (article {})", r.date, r.article)));
                }
            }
            notes
        })
        .collect()
}

/// True when a relative mention's best content matches (similarity at least
/// [`CONTRADICTION`]) all lie on other days, at most two of them. Content seen on three or
/// more days (a daily market report, a weekly briefing) recurs and proves nothing.
fn contradicted(an: &ArticleAnalysis, cache: &Cache, reference: &Reference) -> bool {
    relative_mentions(an).into_iter().any(|m| {
        let Some(entry) = cache.get(&m.timex.start) else { return false };
        if entry.best < CONTRADICTION {
            return false;
        }
        let days = match_days(entry, reference);
        let here = days.iter().any(|d| *d >= m.start - Duration::days(1) && *d <= m.end + Duration::days(1));
        let far = days.iter().any(|d| (*d - m.start).num_days().abs() >= MIN_SHIFT_DAYS);
        far && !here && days.len() < RECURRING_DAYS
    })
}

/// How well the analysis (as resolved at `anchor`) fits the reference: mentions that land on
/// the date of a report of the same happening.
fn fit(an: &ArticleAnalysis, cache: &Cache, reference: &Reference, anchor: Option<NaiveDate>) -> Fit {
    let mut f = Fit { anchor, ..Default::default() };
    for m in relative_mentions(an) {
        let Some(entry) = cache.get(&m.timex.start) else { continue };
        if let Some(k) = supporting_match(m, entry, reference) {
            f.support += 1;
            f.strong |= score_of(entry, k) >= STRONG;
            if m.precision <= crate::model::Precision::Day {
                f.day_support += 1;
            }
            f.sources.extend(
                entry
                    .matches
                    .iter()
                    .filter(|e| similarity::dates_compatible(m, reference.mentions[e.0].1))
                    .map(|e| reference.mentions[e.0].0),
            );
            if let Some(a) = anchor.filter(|_| similarity::is_day_like(m)) {
                f.distance += (m.start - a).num_days().abs();
                // News names the publication day `today`, not by its weekday: a weekday
                // landing on the anchor itself is a slightly worse fit.
                if m.start == a && names_weekday(&m.timex.text) {
                    f.distance += 1;
                }
            }
            let r = reference.mentions[k].1;
            let score = score_of(entry, k);
            f.matches.push((m.timex.text.clone(), m.date.clone(), r.article.clone(), r.title.clone(), score));
        }
    }
    f
}

/// The best of `m`'s matches that its date agrees with, unless its content recurs (is
/// matched on [`RECURRING_DAYS`] or more days): the match that makes `m` support the anchor.
fn supporting_match(m: &EventMention, entry: &Matches, reference: &Reference) -> Option<usize> {
    if match_days(entry, reference).len() >= RECURRING_DAYS {
        return None;
    }
    entry
        .matches
        .iter()
        .map(|e| e.0)
        .filter(|&k| similarity::dates_compatible(m, reference.mentions[k].1))
        .max_by(|&a, &b| score_of(entry, a).total_cmp(&score_of(entry, b)))
}

fn names_weekday(text: &str) -> bool {
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let t = text.to_lowercase();
    DAYS.iter().any(|d| t.contains(d))
}

fn score_of(entry: &Matches, k: usize) -> f32 {
    entry.matches.iter().find(|m| m.0 == k).map_or(0.0, |m| m.1)
}

/// A probe anchor for an undated article: the most common day among reference mentions.
fn probe(reference: &Reference) -> Option<NaiveDate> {
    let mut count: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for (_, m) in &reference.mentions {
        if similarity::is_day_like(m) {
            *count.entry(m.start).or_default() += 1;
        }
    }
    count.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|c| c.0)
}

/// Opening of the notes this stage appends to derivations.
const NOTE_ANCHOR: &str = " [anchor ";
const NOTE_UNCERTAIN: &str = " [uncertain: ";

/// True when a derivation carries a note of this stage (so the analysis was changed here).
pub fn is_marked(derivation: &str) -> bool {
    derivation.contains(NOTE_ANCHOR) || derivation.contains(NOTE_UNCERTAIN)
}

/// Caps the confidence of anchor-relative timexes and mentions and says why.
fn mark_uncertain(an: &mut ArticleAnalysis, why: &str) {
    let relative = relative_starts(an);
    for t in an.timexes.iter_mut().filter(|t| t.relative) {
        t.confidence = t.confidence.min(UNCERTAIN);
        t.derivation = format!("{}{NOTE_ANCHOR}{why}]", t.derivation);
    }
    for m in an.events.iter_mut().filter(|m| relative.contains(&m.timex.start)) {
        m.confidence = m.confidence.min(UNCERTAIN);
        m.derivation = format!("{}{NOTE_ANCHOR}{why}]", m.derivation);
    }
}

fn evidence_list(f: &Fit) -> String {
    f.matches
        .iter()
        .take(4)
        .map(|(tx, date, other, title, score)| {
            format!("'{tx}' → {date} matches article {other} (\"{title}\", similarity {score:.2})")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn reason_suspect(stated: Option<NaiveDate>, best: &Fit) -> String {
    let stated = stated.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
    let anchor = best.anchor.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "Header date {stated} puts this article's relative dates away from every other report of the same \
         events; anchored at {anchor}, {} of them match other articles: {}. Its relative dates are shown \
         at the suggested anchor, marked uncertain.",
        best.support,
        evidence_list(best)
    )
}

fn reason_inferred(best: &Fit) -> String {
    let anchor = best.anchor.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "No date stated. Anchored at {anchor}, {} of its relative dates land on events that dated articles \
         fix: {}. {anchor} is the anchor closest to those events (the earliest when several fit equally); \
         dates resolved from it are marked uncertain.",
        best.support,
        evidence_list(best)
    )
}
