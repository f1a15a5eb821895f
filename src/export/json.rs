//! The `dateline extract` JSON contract (see `docs/JSON.md`).

use std::io::{self, Write};

use super::Selection;
use crate::model::Extraction;

/// Writes the extraction as the `dateline extract` JSON contract. Hidden events stay in,
/// flagged `"hidden": true`, so no user decision is lost.
pub fn to_json(x: &Extraction) -> String {
    serde_json::to_string_pretty(x).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Streams [`to_json`]'s bytes into `w` (no whole copy of the output in memory).
pub fn write_json<W: Write>(x: &Extraction, w: W) -> io::Result<()> {
    serde_json::to_writer_pretty(w, x).map_err(io::Error::from)
}

/// Streams [`to_json_selected`]'s bytes into `w`.
pub fn write_json_selected<W: Write>(x: &Extraction, sel: &Selection, w: W) -> io::Result<()> {
    if !sel.narrows() {
        return write_json(x, w);
    }
    write_json(&subset(x, sel), w)
}

/// The JSON contract limited to `sel`: when the selection narrows the events (a date range,
/// starred only, or the app's current view) only those events are written, with the
/// conflicts that involve one of them; articles, quotes and entities stay whole so every
/// kept event's citations still resolve. A selection that narrows nothing writes
/// [`to_json`]'s full model, hidden events included.
pub fn to_json_selected(x: &Extraction, sel: &Selection) -> String {
    if !sel.narrows() {
        return to_json(x);
    }
    to_json(&subset(x, sel))
}

/// A copy of `x` holding only the events `sel` keeps and the conflicts about them.
pub fn subset(x: &Extraction, sel: &Selection) -> Extraction {
    let events: Vec<_> = x.events.iter().filter(|e| sel.keeps(e)).cloned().collect();
    let kept: std::collections::HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let conflicts = x
        .conflicts
        .iter()
        .filter(|c| c.events.iter().any(|id| kept.contains(id.as_str())))
        .cloned()
        .collect();
    Extraction { events, conflicts, ..x.clone() }
}
