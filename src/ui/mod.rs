//! The desktop app (egui). Reads the model and sends edits; never re-implements extraction.

use std::path::PathBuf;

/// Opens the app window on `path`. With `screenshot_to`, saves a screenshot after the first
/// full frame and exits.
pub fn run(path: PathBuf, screenshot_to: Option<PathBuf>) -> Result<(), String> {
    let _ = (path, screenshot_to);
    Err("the app is not built yet".into())
}
