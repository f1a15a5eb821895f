//! Per-article extraction: each function reads one article (and its [`Document`]) and
//! returns facts with verbatim spans. Nothing here looks at other articles.
//!
//! [`Document`]: crate::text::Document

pub mod entities;
pub mod events;
pub mod quotes;
pub mod timex;

use chrono::NaiveDate;

use crate::model::{Article, EntityMention, EventMention, Quote, Timex};
use crate::text::Document;

/// Everything extracted from one article, before any cross-article work.
#[derive(Clone, Debug, Default)]
pub struct ArticleAnalysis {
    /// Paragraphs and sentences.
    pub doc: Document,
    /// Time expressions, resolved against `anchor`.
    pub timexes: Vec<Timex>,
    /// Entity mentions with in-article canonical names.
    pub mentions: Vec<EntityMention>,
    /// Direct quotes with speakers.
    pub quotes: Vec<Quote>,
    /// Event mentions.
    pub events: Vec<EventMention>,
    /// The anchor the timexes were resolved against.
    pub anchor: Option<NaiveDate>,
}

/// Runs every per-article extractor on `article`, resolving relative dates against `anchor`.
pub fn analyze(article: &Article, anchor: Option<NaiveDate>) -> ArticleAnalysis {
    let doc = Document::for_article(article);
    let timexes = timex::tag(article, &doc, anchor);
    let mentions = entities::extract(article, &doc);
    let quotes = quotes::extract(article, &doc, &mentions);
    let events = events::extract(article, &doc, &timexes, &mentions, &quotes);
    ArticleAnalysis { doc, timexes, mentions, quotes, events, anchor }
}

/// Re-resolves `analysis` for a new anchor: timexes and event mentions change, the rest stays.
pub fn reanchor(article: &Article, analysis: &mut ArticleAnalysis, anchor: Option<NaiveDate>) {
    analysis.timexes = timex::tag(article, &analysis.doc, anchor);
    analysis.events =
        events::extract(article, &analysis.doc, &analysis.timexes, &analysis.mentions, &analysis.quotes);
    analysis.anchor = anchor;
}
