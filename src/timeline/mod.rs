//! The cross-article stage: one timeline from many articles.
//!
//! Order of work (each step a submodule with one job):
//! 1. [`entities`]: corpus-wide entity alias merge.
//! 2. [`duplicates`]: near-duplicate articles get `duplicate_of` (counted once as outlets).
//! 3. [`dating`]: undated articles get an inferred date, contradicted header dates become
//!    suspect; the affected analyses are re-anchored and their relative dates marked uncertain.
//! 4. [`merge`] + [`assemble`]: event mentions of all articles become events.
//! 5. [`support`]: quotes attached to the events they support, best first.
//! 6. [`conflicts`]: sources that disagree.
//!
//! [`preliminary`] is a quick stand-in (one event per report, nothing cross-checked) the app
//! shows while this stage runs on a large folder.

pub mod assemble;
pub mod conflicts;
pub mod dating;
pub mod duplicates;
pub mod entities;
pub mod merge;
pub mod preliminary;
pub mod similarity;
pub mod support;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::extract::{self, ArticleAnalysis};
use crate::model::{Article, Conflict, Entity, Event, Quote, Timex};

use assemble::MentionRef;
use similarity::{Profile, Vocabulary};

/// The cross-article model the UI shows (before user edits).
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    /// Entities across the corpus.
    pub entities: Vec<Entity>,
    /// Merged events.
    pub events: Vec<Event>,
    /// Disagreements between sources.
    pub conflicts: Vec<Conflict>,
    /// All quotes with `speaker_entity` filled.
    pub quotes: Vec<Quote>,
    /// All timexes (after any re-anchoring).
    pub timexes: Vec<Timex>,
}

/// Builds the timeline. May update articles (`duplicate_of`, inferred/suspect dates) and
/// re-anchor their analyses when a date is inferred.
pub fn build(articles: &mut [Article], analyses: &mut [ArticleAnalysis]) -> Timeline {
    let reanchor = |a: &Article, an: &mut ArticleAnalysis, anchor: Option<NaiveDate>| {
        extract::reanchor(a, an, anchor);
    };
    build_with(articles, analyses, &reanchor)
}

/// [`build`] with the re-resolution step supplied (tests pass a small resolver).
pub fn build_with(
    articles: &mut [Article],
    analyses: &mut [ArticleAnalysis],
    reanchor: &dating::Reanchor,
) -> Timeline {
    build_from(articles, analyses, reanchor, None)
}

/// [`build`] reusing the entity index [`entities::merge`] made of these same articles and
/// analyses (for [`preliminary::build`]), so it is not made twice.
pub fn build_reusing(
    articles: &mut [Article],
    analyses: &mut [ArticleAnalysis],
    index: entities::EntityIndex,
) -> Timeline {
    let reanchor = |a: &Article, an: &mut ArticleAnalysis, anchor: Option<NaiveDate>| {
        extract::reanchor(a, an, anchor);
    };
    build_from(articles, analyses, &reanchor, Some(index))
}

fn build_from(
    articles: &mut [Article],
    analyses: &mut [ArticleAnalysis],
    reanchor: &dating::Reanchor,
    index: Option<entities::EntityIndex>,
) -> Timeline {
    let clock = StageClock::new();
    let restored = restore_analyses(articles, analyses, reanchor);
    // An index made before analyses were restored would name entities of other text.
    let index = match index {
        Some(index) if !restored => index,
        _ => entities::merge(articles, analyses),
    };
    clock.lap("entities");
    for an in analyses.iter_mut() {
        for q in &mut an.quotes {
            if let Some(s) = &q.speaker {
                q.speaker_entity = index.id_for(&q.article, s).cloned();
            }
        }
    }
    let group_of = mark_duplicates(articles);
    clock.lap("duplicates");
    dating::check(articles, analyses, &index, &group_of, reanchor);
    clock.lap("dating");

    let mentions: Vec<MentionRef> = analyses
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.events.iter().map(move |m| MentionRef { article: i, mention: m }))
        .collect();
    let plain: Vec<&crate::model::EventMention> = mentions.iter().map(|r| r.mention).collect();
    let vocab = Vocabulary::new(&plain);
    let profiles: Vec<Profile> = plain.par_iter().map(|m| vocab.profile(m, &index)).collect();
    let groups = merge::cluster(&plain, &profiles, &vocab);
    clock.lap("merge");
    let outlets = assemble::outlet_names(articles);
    let mut events = assemble::events(&groups, &mentions, &profiles, articles, &outlets, &index);
    clock.lap("assemble");
    support::attach(&mut events, &groups, &mentions, &profiles, articles, analyses, &vocab);
    clock.lap("support");
    let conflicts =
        conflicts::find(&mut events, &groups, &mentions, &profiles, articles, analyses, &group_of);
    clock.lap("conflicts");

    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&events[a], &events[b]);
        x.start.cmp(&y.start).then(x.end.cmp(&y.end)).then(x.id.cmp(&y.id))
    });
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    let events: Vec<Event> = order.into_iter().filter_map(|i| slots[i].take()).collect();

    let timexes = gather(analyses, |a| &a.timexes);
    let quotes = gather(analyses, |a| &a.quotes);
    Timeline { events, conflicts, quotes, timexes, entities: index.entities }
}

/// Copies of every article's `list` items, in article order, made in parallel straight
/// into the one result (no per-thread pieces joined afterwards: the copies are large).
fn gather<T, F>(analyses: &[ArticleAnalysis], list: F) -> Vec<T>
where
    T: Clone + Send + Sync,
    F: Fn(&ArticleAnalysis) -> &Vec<T> + Sync,
{
    let mut starts = Vec::with_capacity(analyses.len() + 1);
    starts.push(0usize);
    for (i, a) in analyses.iter().enumerate() {
        starts.push(starts[i] + list(a).len());
    }
    let total = starts.last().copied().unwrap_or(0);
    (0..total)
        .into_par_iter()
        .map(|k| {
            // The article holding item `k`: the last one starting at or before it (there
            // is one, as `starts[0] = 0 <= k`, and `k` is before its end).
            let a = starts.partition_point(|&s| s <= k) - 1;
            list(&analyses[a])[k - starts[a]].clone()
        })
        .collect()
}

/// Undoes what an earlier build did to the analyses (re-anchoring at an inferred or
/// suggested date, confidence caps), so building again — e.g. after an edit, on reused
/// analyses — gives exactly what a fresh run gives.
fn restore_analyses(
    articles: &[Article],
    analyses: &mut [ArticleAnalysis],
    reanchor: &dating::Reanchor,
) -> bool {
    let mut restored = false;
    for (a, an) in articles.iter().zip(analyses.iter_mut()) {
        let touched = an.anchor != a.published
            || an.events.iter().any(|m| dating::is_marked(&m.derivation))
            || an.timexes.iter().any(|t| dating::is_marked(&t.derivation));
        if touched {
            reanchor(a, an, a.published);
            restored = true;
        }
    }
    restored
}

/// Stage timings on stderr when `DATELINE_TIMING` is set (for profiling the benchmark).
struct StageClock(Option<std::cell::Cell<std::time::Instant>>);

impl StageClock {
    fn new() -> Self {
        StageClock(
            std::env::var_os("DATELINE_TIMING").map(|_| std::cell::Cell::new(std::time::Instant::now())),
        )
    }
    fn lap(&self, stage: &str) {
        if let Some(t) = &self.0 {
            eprintln!(
                "timeline {stage}: {:.3}s ({})",
                t.get().elapsed().as_secs_f64(),
                crate::pipeline::usage_so_far()
            );
            t.set(std::time::Instant::now());
        }
    }
}

/// Finds near-duplicates, sets `duplicate_of`, and returns each article's duplicate group
/// (the index of its original; itself when it is no copy).
fn mark_duplicates(articles: &mut [Article]) -> Vec<usize> {
    let mut group_of: Vec<usize> = (0..articles.len()).collect();
    for a in articles.iter_mut() {
        a.duplicate_of = None;
    }
    for d in duplicates::find(articles) {
        group_of[d.copy] = d.original;
        articles[d.copy].duplicate_of = Some(articles[d.original].id.clone());
    }
    group_of
}
