//! User corrections, stored as a list of operations in a project file and replayed on top
//! of a fresh extraction, so they survive re-loading and new articles.

use serde::{Deserialize, Serialize};

/// One user edit. Serialised with an `op` tag, e.g. `{"op":"star_event","event":ID}`.
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
    /// Star an event.
    StarEvent {
        /// Event id.
        event: String,
    },
    /// Hide an event.
    HideEvent {
        /// Event id.
        event: String,
    },
    /// Retitle an event.
    RetitleEvent {
        /// Event id.
        event: String,
        /// New title.
        title: String,
    },
}

/// A project file: the corpus folder and the edits made on it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Project {
    /// File format version (currently 1).
    pub version: u32,
    /// The corpus folder.
    pub corpus: String,
    /// Edits in the order they were made.
    pub edits: Vec<Edit>,
}
