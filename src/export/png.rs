//! PNG export: the SVG timeline rasterised with resvg at the requested pixel width, using
//! only the bundled fonts, so it looks the same on every machine and needs no display.

use resvg::{tiny_skia, usvg};

use super::fonts;
use super::svg::{RenderOptions, render_svg};
use crate::model::Extraction;

/// Default PNG width, px (full-HD slides).
pub const DEFAULT_WIDTH: u32 = 1920;

/// Rasterises SVG text to PNG bytes `width` px wide (height keeps the aspect ratio).
pub fn svg_to_png(svg: &str, width: u32) -> Result<Vec<u8>, String> {
    let tree =
        usvg::Tree::from_str(svg, &fonts::options()).map_err(|e| format!("cannot read the SVG: {e}"))?;
    let size = tree.size();
    let width = width.clamp(16, 16_384);
    let scale = width as f32 / size.width();
    let height = ((size.height() * scale).round() as u32).clamp(1, 32_768);
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot allocate a {width}×{height} image"))?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("cannot encode PNG: {e}"))
}

/// Draws the timeline and rasterises it `width` px wide. The drawing is laid out at
/// `opts.width` logical px (kept ≤ `width` so type stays large) and scaled up.
pub fn render_png(x: &Extraction, opts: &RenderOptions, width: u32) -> Result<Vec<u8>, String> {
    let mut o = opts.clone();
    o.width = o.width.min(width as f32).max(800.0);
    svg_to_png(&render_svg(x, &o), width)
}
