//! The app icon: `icons/dateline.svg` (drawn by hand), rasterised with resvg.

/// The icon's SVG source.
pub const ICON_SVG: &str = include_str!("../../icons/dateline.svg");

/// Renders the icon to straight (non-premultiplied) RGBA pixels of `size`×`size`.
///
/// Returns `None` only if the bundled SVG were broken (a test guards against that).
pub fn render_rgba(size: u32) -> Option<Vec<u8>> {
    let tree = resvg::usvg::Tree::from_str(ICON_SVG, &resvg::usvg::Options::default()).ok()?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size)?;
    let scale = size as f32 / tree.size().width().max(1.0);
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let mut rgba = Vec::with_capacity((size * size * 4) as usize);
    for p in pixmap.pixels() {
        let c = p.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    Some(rgba)
}

/// The window icon for eframe.
pub fn window_icon() -> Option<egui::IconData> {
    let size = 256;
    render_rgba(size).map(|rgba| egui::IconData { rgba, width: size, height: size })
}
