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

/// An image the app takes by itself once the data is shown, before it exits (CI and checks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shot {
    /// `--screenshot-to`: the window as drawn, at its own scale.
    Window(PathBuf),
    /// `--export-view-to`: through the "Export image of current view…" menu path (2× where
    /// the window can grow).
    ExportView(PathBuf),
}

/// Opens the app window on `path`. With a `shot`, takes that image after the first full
/// frames with data loaded, fails on a blank image or a failed export, and exits.
pub fn run(path: PathBuf, shot: Option<Shot>) -> Result<(), String> {
    native::run(path, shot)
}
