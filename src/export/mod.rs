//! Exports: data for other tools and images for reports. Every export carries citations.
//!
//! - [`json`]: the `dateline extract` JSON contract.
//! - [`csv`]: one row per event, for spreadsheets.
//! - [`timelinejs`]: TimelineJS 3's JSON format.
//! - [`markdown`]: a briefing with quotes and footnoted sources.
//! - [`svg`]: a publication-quality drawing of the timeline; [`png`] rasterises it.
//!
//! All of them take a [`Selection`] (date range, starred only, hidden events left out).

pub mod cite;
pub mod csv;
pub mod file;
pub mod fonts;
pub mod json;
pub mod markdown;
pub mod png;
pub mod svg;
pub mod timelinejs;

use std::collections::BTreeSet;
use std::io::{self, Write};

use chrono::NaiveDate;

use crate::model::{Event, Extraction};

pub use json::to_json;

/// Data formats of `dateline extract --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The JSON contract (everything, hidden events included, flagged).
    Json,
    /// One row per event.
    Csv,
    /// TimelineJS 3 JSON.
    TimelineJs,
    /// A Markdown briefing.
    Markdown,
}

impl Format {
    /// Parses `json`, `csv`, `timelinejs` or `markdown` (also `md`, `tljs`).
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "timelinejs" | "tljs" | "timeline.js" => Some(Format::TimelineJs),
            "markdown" | "md" => Some(Format::Markdown),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::TimelineJs => "json",
            Format::Markdown => "md",
        }
    }
}

/// Writes `x` in `format`, limited to `sel` (the app's "Export data…" and the CLI share this).
pub fn write_format(x: &Extraction, format: Format, sel: &Selection) -> String {
    match format {
        Format::Json => json::to_json_selected(x, sel),
        Format::Csv => csv::to_csv(x, sel),
        Format::TimelineJs => timelinejs::to_timelinejs(x, sel),
        Format::Markdown => markdown::to_markdown(x, sel),
    }
}

/// Streams `x` in `format`, limited to `sel`, into `w`: the same bytes as
/// [`write_format`] (JSON is serialised straight into `w`).
pub fn write_format_to<W: Write>(
    x: &Extraction,
    format: Format,
    sel: &Selection,
    mut w: W,
) -> io::Result<()> {
    match format {
        Format::Json => json::write_json_selected(x, sel, w),
        _ => w.write_all(write_format(x, format, sel).as_bytes()),
    }
}

/// Writes `x` in `format`, limited to `sel`, to standard output, with a final line break.
pub fn print_data(x: &Extraction, format: Format, sel: &Selection) -> Result<(), String> {
    let mut out = io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
    write_format_to(x, format, sel, &mut out)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

/// Which events an export shows. Hidden events are left out unless asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Only events that end on or after this day.
    pub from: Option<NaiveDate>,
    /// Only events that start on or before this day.
    pub to: Option<NaiveDate>,
    /// Only starred events.
    pub starred_only: bool,
    /// Include events the user hid.
    pub include_hidden: bool,
    /// A title for the export (default: derived from the corpus).
    pub title: Option<String>,
    /// Only the events with these ids (`None`: no such limit). The app passes the events the
    /// user sees, so its search, outlet, person, kind and "known as of" filters, which this
    /// type does not model, still decide what an export of the current view contains.
    pub events: Option<BTreeSet<String>>,
}

impl Selection {
    /// Whether `e` is shown.
    pub fn keeps(&self, e: &Event) -> bool {
        if e.hidden && !self.include_hidden {
            return false;
        }
        if self.starred_only && !e.starred {
            return false;
        }
        if self.events.as_ref().is_some_and(|ids| !ids.contains(&e.id)) {
            return false;
        }
        if let Some(from) = self.from
            && e.end.or(e.start).is_none_or(|d| d < from)
        {
            return false;
        }
        if let Some(to) = self.to
            && e.start.or(e.end).is_none_or(|d| d > to)
        {
            return false;
        }
        true
    }

    /// Whether this selection leaves any event out beyond the hidden ones.
    pub fn narrows(&self) -> bool {
        self.from.is_some() || self.to.is_some() || self.starred_only || self.events.is_some()
    }

    /// The events shown, in date order (undated last).
    pub fn events<'a>(&self, x: &'a Extraction) -> Vec<&'a Event> {
        let mut v: Vec<&Event> = x.events.iter().filter(|e| self.keeps(e)).collect();
        v.sort_by_key(|e| (e.start.is_none(), e.start, e.end));
        v
    }
}

/// Writes `x` in `format` to `path` (the app's "Export data…" and `dateline extract -o`):
/// streamed and atomic, see [`file::write_file`].
pub fn save_data(
    x: &Extraction,
    format: Format,
    sel: &Selection,
    path: &std::path::Path,
) -> Result<(), String> {
    file::write_file(path, |w| write_format_to(x, format, sel, w))
}

/// Draws the whole timeline to `path`: SVG or PNG by its extension (the app's "Export image…
/// → whole timeline" and `dateline render`). `width` is the PNG's pixel width (default
/// [`png::DEFAULT_WIDTH`]) or the SVG's logical width (default `opts.width`).
pub fn save_image(
    x: &Extraction,
    opts: &svg::RenderOptions,
    width: Option<u32>,
    path: &std::path::Path,
) -> Result<(), String> {
    let ext = path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).unwrap_or_default();
    let bytes = match ext.as_str() {
        "svg" => {
            let mut o = opts.clone();
            if let Some(w) = width {
                o.width = w as f32;
            }
            svg::render_svg(x, &o).into_bytes()
        }
        "png" => png::render_png(x, opts, width.unwrap_or(png::DEFAULT_WIDTH))?,
        _ => return Err(format!("{}: the image must end in .svg or .png", path.display())),
    };
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
