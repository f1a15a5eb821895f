//! Window screenshots saved as PNG: shared by `--screenshot-to` and "Export image of current view…".

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

/// Asks the window for a screenshot of the frame being drawn and saves it to `path` when it
/// arrives; the outcome (the path written, or why not) comes on the returned channel.
pub fn request_png(ctx: &egui::Context, path: PathBuf) -> Receiver<Result<PathBuf, String>> {
    let (tx, rx) = mpsc::channel();
    let ctx2 = ctx.clone();
    ctx.request_screenshot(move |img: Arc<egui::ColorImage>| {
        let _ = tx.send(save_png(&img, &path).map(|()| path.clone()));
        ctx2.request_repaint();
    });
    rx
}

/// Saves the screenshot as PNG; an image of a single colour counts as a failure.
pub fn save_png(img: &egui::ColorImage, path: &Path) -> Result<(), String> {
    let [w, h] = img.size;
    let first = img.pixels.first().copied().unwrap_or_default();
    if w == 0 || h == 0 || img.pixels.iter().all(|&p| p == first) {
        return Err("the screenshot is blank (one colour)".into());
    }
    let mut bytes = Vec::with_capacity(w * h * 4);
    for p in &img.pixels {
        bytes.extend_from_slice(&p.to_srgba_unmultiplied());
    }
    let buf = image::RgbaImage::from_raw(w as u32, h as u32, bytes).ok_or("bad screenshot size")?;
    buf.save(path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
