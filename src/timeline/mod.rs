//! The cross-article stage: one timeline from many articles.
//!
//! Merges event mentions into events, folds duplicate articles, checks article dates
//! against the rest of the corpus, merges entity aliases and finds conflicts.

pub mod entities;

use crate::extract::ArticleAnalysis;
use crate::model::{Article, Conflict, Entity, Event, Quote, Timex};

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
    let mut t = Timeline::default();
    for a in analyses.iter() {
        t.timexes.extend(a.timexes.iter().cloned());
        t.quotes.extend(a.quotes.iter().cloned());
    }
    let index = entities::merge(articles, analyses);
    for q in &mut t.quotes {
        if let Some(s) = &q.speaker {
            q.speaker_entity = index.id_for(&q.article, s).cloned();
        }
    }
    t.entities = index.entities;
    t
}
