//! Anchor trials of the date check: candidate anchors from the content matches, each tried
//! on a light copy of the article (its time expressions recognised once, resolved per
//! anchor), and the best one confirmed on the whole article.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering::Relaxed;

use chrono::{Duration, NaiveDate};
use rustc_hash::FxHashSet as HashSet;

use crate::extract::ArticleAnalysis;
use crate::model::{Article, EventMention};
use crate::timeline::similarity;

use super::reference::{Cache, Reference, relative_mentions};
use super::{Fit, MAX_ANCHORS, Reanchor, TRIALS, WINDOW, fit};

/// Tries anchors suggested by near-best content matches; returns the best fit (anchor
/// `None` when nothing matched). Only anchors suggested by at least `min_mentions`
/// different mentions are tried.
pub(super) fn search(
    article: &Article,
    an: &ArticleAnalysis,
    cache: &Cache,
    reference: &Reference,
    min_mentions: usize,
) -> Fit {
    // Per candidate anchor: the mentions voting for it, and those of them dated to a day.
    let mut votes: BTreeMap<NaiveDate, (HashSet<usize>, HashSet<usize>)> = BTreeMap::new();
    for m in relative_mentions(an) {
        let Some(entry) = cache.get(&m.timex.start) else { continue };
        // A month-level mention (`last month`) fits anchors all through the next month.
        let day_like = similarity::is_day_like(m);
        let (lo, hi) = if day_like { (-WINDOW, WINDOW) } else { (0, 62) };
        for k in entry.near_best() {
            let r = reference.mentions[k].1;
            for d in lo..=hi {
                let v = votes.entry(r.start + Duration::days(d)).or_default();
                v.0.insert(m.timex.start);
                if day_like {
                    v.1.insert(m.timex.start);
                }
            }
        }
    }
    // Most votes first; among equals, those a day-level mention votes for (a month-level
    // one votes for two months of anchors and would crowd them out), then the earliest.
    let mut anchors: Vec<(NaiveDate, usize, usize)> = votes
        .into_iter()
        .map(|(d, (ms, days))| (d, ms.len(), days.len()))
        .filter(|&(_, n, _)| n >= min_mentions)
        .collect();
    anchors.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    anchors.truncate(MAX_ANCHORS);
    let mut best = Fit::default();
    let (mut trial, base) = trial_analysis(an, cache);
    let recognised = crate::extract::timex::recognise(&article.text, &trial.doc);
    for (d, _, _) in anchors {
        TRIALS.fetch_add(1, Relaxed);
        retime(article, &mut trial, &recognised, &base, Some(d));
        let f = fit(&trial, cache, reference, Some(d));
        // A fit with a match dated to a day beats any number of month- or year-level ones:
        // only a day can place an anchor.
        let key = |f: &Fit| (f.day_support > 0, f.support);
        let better = key(&f) > key(&best)
            || (key(&f) == key(&best)
                && f.support > 0
                && (f.distance < best.distance || (f.distance == best.distance && Some(d) < best.anchor)));
        if better {
            best = f;
        }
    }
    if best.support == 0 {
        best.anchor = None;
    }
    best
}

/// Measures the fit of a trial's chosen anchor again on the whole article: trials see only
/// part of it, and the decision and the stated reason rest on the whole.
pub(super) fn confirm(
    article: &Article,
    an: &ArticleAnalysis,
    cache: &Cache,
    reference: &Reference,
    reanchor: &Reanchor,
    trial: &Fit,
) -> Fit {
    let mut whole = an.clone();
    reanchor(article, &mut whole, trial.anchor);
    let f = fit(&whole, cache, reference, trial.anchor);
    if f.support == 0 { Fit::default() } else { f }
}

/// A light copy of `an` for trying anchors: only the sentences holding a matched relative
/// mention, each with the nearest earlier sentence that holds a time expression (which sets
/// the reference point of expressions such as `the next day`), and only the matched
/// mentions (returned apart too, as the base [`retime`] re-dates). The fit depends on
/// nothing else, and re-resolving a few sentences' time expressions is much cheaper than
/// re-analysing the article; [`confirm`] checks the chosen anchor on all of it.
fn trial_analysis(an: &ArticleAnalysis, cache: &Cache) -> (ArticleAnalysis, Vec<EventMention>) {
    let sentences = &an.doc.sentences;
    let mut has_timex = vec![false; sentences.len()];
    for t in &an.timexes {
        if let Some(i) = an.doc.sentence_at(t.start) {
            has_timex[i] = true;
        }
    }
    let mut keep = vec![false; sentences.len()];
    for &start in cache.keys() {
        let Some(i) = an.doc.sentence_at(start) else { continue };
        keep[i] = true;
        if let Some(k) = (0..i).rev().find(|&k| has_timex[k]) {
            keep[k] = true;
        }
    }
    let kept: Vec<crate::model::Sentence> =
        sentences.iter().zip(&keep).filter(|(_, k)| **k).map(|(s, _)| *s).collect();
    // Only dates and the timex count in a trial: the rest is left out, so copying the base
    // for each anchor is cheap.
    let base: Vec<EventMention> = an
        .events
        .iter()
        .filter(|m| cache.contains_key(&m.timex.start))
        .map(|m| EventMention {
            article: m.article.clone(),
            kind: m.kind,
            title: String::new(),
            evidence: crate::model::Span {
                start: m.evidence.start,
                end: m.evidence.end,
                text: String::new(),
            },
            timex: m.timex.clone(),
            date: m.date.clone(),
            start: m.start,
            end: m.end,
            precision: m.precision,
            derivation: String::new(),
            confidence: m.confidence,
            participants: Vec::new(),
            place: None,
            keywords: Vec::new(),
            quotes: Vec::new(),
            continuation: None,
        })
        .collect();
    let trial = ArticleAnalysis {
        doc: crate::text::Document { paragraphs: an.doc.paragraphs.clone(), sentences: kept },
        timexes: Vec::new(),
        mentions: Vec::new(),
        quotes: Vec::new(),
        events: Vec::new(),
        anchor: an.anchor,
    };
    (trial, base)
}

/// Resolves the trial's time expressions (`recognised` once in its sentences) at `anchor`
/// and re-dates the matched mentions (`base`) from them.
fn retime(
    article: &Article,
    trial: &mut ArticleAnalysis,
    recognised: &[crate::extract::timex::Recognised],
    base: &[EventMention],
    anchor: Option<NaiveDate>,
) {
    trial.timexes = crate::extract::timex::resolve_all(&article.id, &article.text, recognised, anchor, false);
    trial.events = base.to_vec();
    crate::extract::events::redate(&mut trial.events, &trial.timexes);
    trial.anchor = anchor;
}
