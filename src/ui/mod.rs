//! The desktop app (egui). Reads the model and sends edits; never re-implements extraction.
//!
//! One file per panel: [`app`] (state, background loading, layout), `timeline_panel`,
//! `detail_panel`, `sources_panel`, `reader_panel`, [`filters`], [`presentation`];
//! [`entity_panel`] the people list and entity detail, [`edit_actions`] merges and splits
//! (with [`merge_picker`] ranking what to merge);
//! [`theme`] holds every colour, [`fonts`] the bundled CJK fallback, [`icon`] the window
//! icon, [`picker`] the file dialogs behind a trait,
//! [`screenshot`] window screenshots as PNG. `native` wraps [`app::App`] in eframe.

pub mod app;
mod detail_panel;
pub mod edit_actions;
pub mod edit_forms;
pub mod entity_panel;
pub mod filters;
pub mod fonts;
pub mod icon;
pub mod merge_picker;
mod native;
pub mod picker;
pub mod presentation;
mod reader_panel;
pub mod screenshot;
mod sources_panel;
pub mod theme;
pub mod timeline_panel;
pub mod view_model;

use std::path::PathBuf;

pub use app::App;
pub use detail_panel::{is_report, quote_citation};

/// Opens the app window on `path`. With `screenshot_to`, saves a screenshot after the first
/// full frame with data loaded, fails on a blank image, and exits.
pub fn run(path: PathBuf, screenshot_to: Option<PathBuf>) -> Result<(), String> {
    native::run(path, screenshot_to)
}
