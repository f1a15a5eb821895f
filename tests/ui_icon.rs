//! The window icon renders from the hand-drawn SVG, and `icons/dateline-256.png` is that
//! rendering (regenerate with `UPDATE_ICON=1 cargo test --test ui_icon`).
#![cfg(feature = "gui")]

use std::path::Path;

#[test]
fn icon_renders_and_matches_the_committed_png() {
    let rgba = dateline::ui::icon::render_rgba(256).expect("the bundled SVG parses");
    assert_eq!(rgba.len(), 256 * 256 * 4);
    let alpha = |x: usize, y: usize| rgba[(y * 256 + x) * 4 + 3];
    assert_eq!(alpha(1, 1), 0, "rounded corner is transparent");
    assert_eq!(alpha(128, 128), 255, "the body is opaque");
    let png = Path::new(env!("CARGO_MANIFEST_DIR")).join("icons/dateline-256.png");
    if std::env::var_os("UPDATE_ICON").is_some() {
        image::RgbaImage::from_raw(256, 256, rgba.clone()).expect("size").save(&png).expect("write icon png");
    }
    let committed = image::open(&png).expect("icons/dateline-256.png exists").to_rgba8();
    let diff = committed.as_raw().iter().zip(&rgba).filter(|(a, b)| a.abs_diff(**b) > 8).count();
    assert!(diff < 256, "{diff} bytes differ: regenerate with UPDATE_ICON=1");
}
