//! A first look at the timeline, made before anything is compared across articles.
//!
//! The cross-article stage takes seconds on a folder of thousands of articles. So that a
//! large folder is on screen at once, the app first shows this: one event per report (no
//! merge), entity names merged, and no date checks or conflicts. Nothing has been checked
//! against other articles yet, so every event is marked uncertain and says why; the full
//! [`super::build`] replaces it when done.

use rayon::prelude::*;

use crate::extract::ArticleAnalysis;
use crate::model::{Article, Event};

use super::Timeline;
use super::assemble::{self, MentionRef};
use super::entities::EntityIndex;
use super::similarity::Profile;

/// Confidence cap of a preliminary event: its date has not been checked against the corpus.
pub const UNCHECKED: f32 = 0.5;

/// What a preliminary event's derivation says about it.
pub const NOTE: &str = " [preliminary: not yet merged with other reports or checked against them]";

/// The preliminary timeline of `articles` (with their analyses and the entity index
/// [`super::entities::merge`] made of them): each event mention its own event, in date
/// order, confidence capped at [`UNCHECKED`].
pub fn build(articles: &[Article], analyses: &[ArticleAnalysis], index: &EntityIndex) -> Timeline {
    let mentions: Vec<MentionRef> = analyses
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.events.iter().map(move |m| MentionRef { article: i, mention: m }))
        .collect();
    // A single report is its own representative: no content profiles are needed.
    let profiles: Vec<Profile> = vec![Profile::default(); mentions.len()];
    let outlets = assemble::outlet_names(articles);
    let mut events: Vec<Event> = (0..mentions.len())
        .into_par_iter()
        .map(|i| {
            let mut e = assemble::event(&[i], &mentions, &profiles, articles, &outlets, index);
            e.confidence = e.confidence.min(UNCHECKED);
            e.derivation.push_str(NOTE);
            e
        })
        .collect();
    events.sort_by(|x, y| x.start.cmp(&y.start).then(x.end.cmp(&y.end)).then(x.id.cmp(&y.id)));
    Timeline {
        entities: index.entities.clone(),
        events,
        conflicts: Vec::new(),
        quotes: analyses.iter().flat_map(|a| a.quotes.iter().cloned()).collect(),
        timexes: analyses.iter().flat_map(|a| a.timexes.iter().cloned()).collect(),
    }
}
