//! Colours and type sizes: the only place the app names a colour (design tokens).
//!
//! Panels ask [`Palette::of`] for the palette of the current theme instead of writing
//! `Color32` literals, so light, dark and presentation looks stay consistent.
//! Translucent colours are written premultiplied (each channel ≤ alpha).

use egui::Color32;

/// Every colour the app paints with, for one theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Plot and reader background.
    pub background: Color32,
    /// Calendar grid lines.
    pub grid: Color32,
    /// Alternate lane stripe.
    pub lane_stripe: Color32,
    /// Lane name text.
    pub lane_label: Color32,
    /// Marker of a happening.
    pub event: Color32,
    /// Marker of a statement.
    pub statement: Color32,
    /// Marker of an article (when no events are known yet).
    pub article: Color32,
    /// Fill of a span whose date is only known to the month/year, or guessed.
    pub uncertain: Color32,
    /// Outline of a conflict.
    pub conflict: Color32,
    /// Star of a starred event.
    pub star: Color32,
    /// Ring around the selected item.
    pub selection: Color32,
    /// Event label text.
    pub label: Color32,
    /// Aggregated cluster fill.
    pub cluster: Color32,
    /// Density strip bars.
    pub density: Color32,
    /// Density strip selected range.
    pub density_selection: Color32,
    /// Highlighted span in the reader.
    pub highlight: Color32,
    /// Text that is secondary (dates, counts).
    pub weak_text: Color32,
    /// Stated publication date.
    pub status_stated: Color32,
    /// Inferred publication date.
    pub status_inferred: Color32,
    /// Suspect publication date.
    pub status_suspect: Color32,
    /// Missing publication date.
    pub status_missing: Color32,
}

impl Palette {
    /// The palette for the dark (`true`) or light theme.
    pub fn of(dark: bool) -> Palette {
        if dark { DARK } else { LIGHT }
    }
}

const LIGHT: Palette = Palette {
    background: Color32::from_rgb(250, 250, 248),
    grid: Color32::from_rgb(200, 205, 212),
    lane_stripe: Color32::from_rgb(238, 241, 245),
    lane_label: Color32::from_rgb(90, 100, 115),
    event: Color32::from_rgb(31, 119, 180),
    statement: Color32::from_rgb(26, 150, 120),
    article: Color32::from_rgb(110, 110, 130),
    uncertain: Color32::from_rgba_premultiplied(47, 33, 5, 60),
    conflict: Color32::from_rgb(205, 45, 45),
    star: Color32::from_rgb(225, 160, 0),
    selection: Color32::from_rgb(230, 90, 20),
    label: Color32::from_rgb(30, 34, 40),
    cluster: Color32::from_rgba_premultiplied(18, 70, 106, 150),
    density: Color32::from_rgb(150, 170, 200),
    density_selection: Color32::from_rgba_premultiplied(54, 21, 5, 60),
    highlight: Color32::from_rgb(255, 230, 140),
    weak_text: Color32::from_rgb(110, 115, 125),
    status_stated: Color32::from_rgb(30, 130, 60),
    status_inferred: Color32::from_rgb(40, 100, 190),
    status_suspect: Color32::from_rgb(200, 110, 0),
    status_missing: Color32::from_rgb(190, 40, 40),
};

const DARK: Palette = Palette {
    background: Color32::from_rgb(24, 26, 30),
    grid: Color32::from_rgb(70, 75, 85),
    lane_stripe: Color32::from_rgb(34, 37, 43),
    lane_label: Color32::from_rgb(160, 170, 185),
    event: Color32::from_rgb(90, 170, 240),
    statement: Color32::from_rgb(80, 205, 165),
    article: Color32::from_rgb(170, 170, 190),
    uncertain: Color32::from_rgba_premultiplied(45, 33, 8, 50),
    conflict: Color32::from_rgb(255, 95, 95),
    star: Color32::from_rgb(255, 200, 60),
    selection: Color32::from_rgb(255, 140, 60),
    label: Color32::from_rgb(225, 228, 232),
    cluster: Color32::from_rgba_premultiplied(38, 75, 107, 160),
    density: Color32::from_rgb(80, 100, 130),
    density_selection: Color32::from_rgba_premultiplied(70, 38, 16, 70),
    highlight: Color32::from_rgb(120, 95, 20),
    weak_text: Color32::from_rgb(150, 155, 165),
    status_stated: Color32::from_rgb(110, 200, 120),
    status_inferred: Color32::from_rgb(120, 170, 250),
    status_suspect: Color32::from_rgb(255, 170, 60),
    status_missing: Color32::from_rgb(255, 110, 110),
};

/// Presentation mode: large type, high contrast, always dark.
pub mod present {
    use egui::Color32;
    /// Slide background.
    pub const BACKGROUND: Color32 = Color32::from_rgb(8, 10, 14);
    /// Main text.
    pub const TEXT: Color32 = Color32::WHITE;
    /// Secondary text (outlets, position).
    pub const SECONDARY: Color32 = Color32::from_rgb(200, 205, 215);
    /// The date line.
    pub const DATE: Color32 = Color32::from_rgb(255, 200, 60);
    /// The quote text.
    pub const QUOTE: Color32 = Color32::from_rgb(235, 240, 255);
    /// Title size in points.
    pub const TITLE_SIZE: f32 = 40.0;
    /// Date size in points.
    pub const DATE_SIZE: f32 = 30.0;
    /// Quote size in points.
    pub const QUOTE_SIZE: f32 = 28.0;
    /// Small text size in points.
    pub const SMALL_SIZE: f32 = 20.0;
}
