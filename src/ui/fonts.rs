//! Fonts: egui's defaults plus a bundled CJK subset as the last fallback, so Korean and
//! Chinese names render on any machine (and kittest never meets a missing glyph).
//!
//! The subset (`assets/fonts/cjk-subset.ttf`, WenQuanYi Micro Hei, Apache-2.0) is made by
//! `scripts/make-cjk-font.sh`: Hangul, kana, CJK punctuation, GB2312 Han and KS X 1001 Hanja.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

/// The bundled CJK fallback font.
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/cjk-subset.ttf");

/// Adds the CJK fallback at the lowest priority of both font families.
pub fn install(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        "dateline-cjk",
        FontData::from_static(CJK_FONT),
        vec![
            InsertFontFamily { family: FontFamily::Proportional, priority: FontPriority::Lowest },
            InsertFontFamily { family: FontFamily::Monospace, priority: FontPriority::Lowest },
        ],
    ));
}
