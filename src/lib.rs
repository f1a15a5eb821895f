//! Dateline: a folder of news articles in, an evidence-linked timeline out.
//!
//! Data flows one way:
//! [`corpus`] (find, decode, read articles + metadata) → [`text`] (paragraphs, sentences) →
//! [`extract`] (timexes, entities, quotes, event mentions, per article) → [`timeline`]
//! (cross-article merge, duplicates, date checks, conflicts) → [`edits`] (user corrections
//! replayed on top) → [`export`]. [`pipeline`] runs the whole chain. The desktop app
//! (`ui`, behind the `gui` feature) only reads the model and sends edits.
//!
//! Nothing in the library outside `ui` depends on egui, and nothing opens a network connection.

pub mod corpus;
pub mod edits;
pub mod eval;
pub mod export;
pub mod extract;
pub mod model;
pub mod pipeline;
pub mod text;
pub mod timeline;

#[cfg(feature = "gui")]
pub mod ui;
