//! User corrections, stored as a list of operations in a project file and replayed on top
//! of a fresh extraction, so they survive re-loading and new articles.
//!
//! - [`Edit`]: one operation (the project file format, see `docs/PROJECT.md`).
//! - [`apply`]: replays event, quote and entity edits on an [`Extraction`](crate::model::Extraction);
//!   article dates ([`Edit::SetPublished`]) are applied earlier, by the pipeline, before analysis.
//! - [`History`]: undo/redo over the edit list, for the app.
//! - [`project`]: the versioned project file with atomic saves and the autosave location.

pub mod apply;
pub mod history;
pub mod project;
pub mod timex_value;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::Precision;

pub use apply::apply;
pub use history::History;
pub use project::{Project, ProjectError, autosave_path};

/// One user edit. Serialised with an `op` tag, e.g. `{"op":"star_event","event":ID}`.
///
/// Ids refer to the extraction the user saw when making the edit. Ids created by an edit
/// (a split-off event or entity) are derived from the edit itself, so later edits that
/// target them replay too.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Set an article's publication date; its relative dates re-resolve.
    SetPublished {
        /// Article id.
        article: String,
        /// `YYYY-MM-DD`.
        date: String,
    },
    /// Change an event's date (a TIMEX3 value: `2024-06-18`, `2024-06`, `2024-W25`, `2024-Q2`, `2024`).
    SetEventDate {
        /// Event id.
        event: String,
        /// TIMEX3 calendar value.
        date: String,
        /// Precision, when it should differ from what the value implies.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        precision: Option<Precision>,
    },
    /// Retitle an event.
    RetitleEvent {
        /// Event id.
        event: String,
        /// New title.
        title: String,
    },
    /// Merge event `event` into event `into` (which keeps its id).
    MergeEvents {
        /// The event that disappears.
        event: String,
        /// The event that absorbs it.
        into: String,
    },
    /// Move one article's report (the evidence starting at `start`) out of an event into a new one.
    SplitMention {
        /// Event id.
        event: String,
        /// Article of the mention.
        article: String,
        /// Byte offset where the mention's evidence starts.
        start: usize,
    },
    /// Hide an event (kept in the data, left out of views and exports).
    HideEvent {
        /// Event id.
        event: String,
    },
    /// Show a hidden event again.
    UnhideEvent {
        /// Event id.
        event: String,
    },
    /// Star an event.
    StarEvent {
        /// Event id.
        event: String,
    },
    /// Remove an event's star.
    UnstarEvent {
        /// Event id.
        event: String,
    },
    /// Add a tag to an event.
    TagEvent {
        /// Event id.
        event: String,
        /// The tag.
        tag: String,
    },
    /// Remove a tag from an event.
    UntagEvent {
        /// Event id.
        event: String,
        /// The tag.
        tag: String,
    },
    /// Attach a note to an event (an empty note removes it).
    NoteEvent {
        /// Event id.
        event: String,
        /// The note.
        note: String,
    },
    /// Change who said a quote.
    SetQuoteSpeaker {
        /// Quote id.
        quote: String,
        /// Speaker name (matched against entity names and aliases).
        speaker: String,
    },
    /// Merge entity `entity` into `into` (`US` into `United States`).
    MergeEntities {
        /// The entity that disappears.
        entity: String,
        /// The entity that absorbs it and its names.
        into: String,
    },
    /// Split an alias off an entity into an entity of its own (`he` is not `Lim`).
    SplitEntity {
        /// Entity id.
        entity: String,
        /// The alias to split off.
        alias: String,
    },
}

impl Edit {
    /// The op name as written in the project file (`star_event`).
    pub fn op(&self) -> &'static str {
        match self {
            Edit::SetPublished { .. } => "set_published",
            Edit::SetEventDate { .. } => "set_event_date",
            Edit::RetitleEvent { .. } => "retitle_event",
            Edit::MergeEvents { .. } => "merge_events",
            Edit::SplitMention { .. } => "split_mention",
            Edit::HideEvent { .. } => "hide_event",
            Edit::UnhideEvent { .. } => "unhide_event",
            Edit::StarEvent { .. } => "star_event",
            Edit::UnstarEvent { .. } => "unstar_event",
            Edit::TagEvent { .. } => "tag_event",
            Edit::UntagEvent { .. } => "untag_event",
            Edit::NoteEvent { .. } => "note_event",
            Edit::SetQuoteSpeaker { .. } => "set_quote_speaker",
            Edit::MergeEntities { .. } => "merge_entities",
            Edit::SplitEntity { .. } => "split_entity",
        }
    }

    /// One line for a person (undo menu, unapplied-edit list).
    pub fn describe(&self) -> String {
        match self {
            Edit::SetPublished { article, date } => {
                format!("set published date of article {article} to {date}")
            }
            Edit::SetEventDate { event, date, .. } => format!("set date of event {event} to {date}"),
            Edit::RetitleEvent { event, title } => format!("retitle event {event} to “{title}”"),
            Edit::MergeEvents { event, into } => format!("merge event {event} into {into}"),
            Edit::SplitMention { event, article, start } => {
                format!("split the report of article {article} at byte {start} out of event {event}")
            }
            Edit::HideEvent { event } => format!("hide event {event}"),
            Edit::UnhideEvent { event } => format!("unhide event {event}"),
            Edit::StarEvent { event } => format!("star event {event}"),
            Edit::UnstarEvent { event } => format!("unstar event {event}"),
            Edit::TagEvent { event, tag } => format!("tag event {event} with “{tag}”"),
            Edit::UntagEvent { event, tag } => format!("remove tag “{tag}” from event {event}"),
            Edit::NoteEvent { event, .. } => format!("note on event {event}"),
            Edit::SetQuoteSpeaker { quote, speaker } => format!("set speaker of quote {quote} to {speaker}"),
            Edit::MergeEntities { entity, into } => format!("merge entity {entity} into {into}"),
            Edit::SplitEntity { entity, alias } => format!("split alias “{alias}” off entity {entity}"),
        }
    }
}

/// The publication dates set by `edits` (last edit per article wins), plus one message per
/// `set_published` whose date is not a valid `YYYY-MM-DD`.
pub fn published_overrides(edits: &[Edit]) -> (HashMap<String, NaiveDate>, Vec<String>) {
    let mut dates = HashMap::new();
    let mut bad = Vec::new();
    for e in edits {
        if let Edit::SetPublished { article, date } = e {
            match NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d") {
                Ok(d) => {
                    dates.insert(article.clone(), d);
                }
                Err(_) => bad.push(format!("{}: “{date}” is not a YYYY-MM-DD date", e.describe())),
            }
        }
    }
    (dates, bad)
}
