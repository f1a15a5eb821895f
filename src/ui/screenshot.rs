//! Window screenshots saved as PNG: shared by `--screenshot-to` and "Export image of current view…".
//!
//! The current-view export is taken at 2 pixels per point where the window can grow: for one
//! capture the zoom is doubled and the window asked for twice as many pixels, so the layout (in
//! points) is unchanged and every line and glyph is drawn with twice the detail; then both are
//! put back. When the window system refuses the size (a window manager clamping it to the
//! screen), the capture falls back to the window as it is, at its own scale, and says so.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

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

/// Pixels per point the current-view export aims for.
pub const VIEW_SCALE: f32 = 2.0;

/// How long the window may take to reach the doubled size before the capture falls back.
const RESIZE_WAIT: Duration = Duration::from_secs(3);

/// Where a current-view capture is.
#[derive(Debug)]
enum Stage {
    /// Zoom doubled and a bigger window asked for; waiting until both show.
    Growing { since: Instant },
    /// Screenshot requested.
    Shooting(Receiver<Result<PathBuf, String>>),
    /// Zoom put back; the window size is put back on the next frame.
    Restoring(Result<PathBuf, String>),
}

/// A capture of the current view at [`VIEW_SCALE`] (see the module doc), advanced once per
/// frame by [`ViewCapture::poll`].
#[derive(Debug)]
pub struct ViewCapture {
    path: PathBuf,
    /// Window size in points before the capture (kept while zoomed).
    size: egui::Vec2,
    /// Zoom factor before the capture.
    zoom: f32,
    /// The scale the image was taken at (once known).
    scale: f32,
    /// Whether the doubled size was refused (the note for the status bar).
    fell_back: bool,
    stage: Stage,
}

impl ViewCapture {
    /// Starts capturing the window into `path`.
    pub fn start(ctx: &egui::Context, path: PathBuf) -> ViewCapture {
        let size = ctx.content_rect().size();
        let zoom = ctx.zoom_factor();
        let ppp = ctx.pixels_per_point();
        let stage = if ppp >= VIEW_SCALE - 0.01 {
            Stage::Shooting(request_png(ctx, path.clone()))
        } else {
            ctx.set_zoom_factor(zoom * VIEW_SCALE / ppp);
            ctx.request_repaint();
            Stage::Growing { since: Instant::now() }
        };
        ViewCapture { path, size, zoom, scale: ppp, fell_back: false, stage }
    }

    /// Advances the capture; returns its outcome once the window is back as it was: the
    /// path and the scale the image was taken at, or why it failed.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<Result<(PathBuf, f32, bool), String>> {
        match &mut self.stage {
            Stage::Growing { since } => {
                let ppp = ctx.pixels_per_point();
                let now = ctx.content_rect().size();
                let grown = (ppp - VIEW_SCALE).abs() < 0.01 && (now - self.size).length() < 1.5;
                if !grown {
                    // Ask for the size in points at the doubled scale (egui-winit turns it
                    // into pixels with the scale current when the command is handled).
                    if (ppp - VIEW_SCALE).abs() < 0.01 {
                        ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(self.size));
                    }
                    if since.elapsed() < RESIZE_WAIT {
                        ctx.request_repaint_after(Duration::from_millis(30));
                        return None;
                    }
                    // Refused: put the zoom back and take the window as it is.
                    self.fell_back = true;
                    ctx.set_zoom_factor(self.zoom);
                    self.stage = Stage::Restoring(Err(String::new()));
                    ctx.request_repaint();
                    return None;
                }
                self.scale = ppp;
                self.stage = Stage::Shooting(request_png(ctx, self.path.clone()));
                ctx.request_repaint();
                None
            }
            Stage::Shooting(rx) => match rx.try_recv() {
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(Duration::from_millis(30));
                    None
                }
                r => {
                    let r = r.unwrap_or_else(|_| Err("the screenshot never came".into()));
                    if (ctx.zoom_factor() - self.zoom).abs() < 1e-4 {
                        return Some(r.map(|p| (p, self.scale, self.fell_back)));
                    }
                    ctx.set_zoom_factor(self.zoom);
                    self.stage = Stage::Restoring(r);
                    ctx.request_repaint();
                    None
                }
            },
            Stage::Restoring(r) => {
                ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(self.size));
                if self.fell_back && r.as_ref().is_err_and(String::is_empty) {
                    // The fallback shot, now that the zoom is back.
                    self.scale = ctx.pixels_per_point();
                    self.stage = Stage::Shooting(request_png(ctx, self.path.clone()));
                    ctx.request_repaint();
                    return None;
                }
                let r = std::mem::replace(r, Err(String::new()));
                Some(r.map(|p| (p, self.scale, self.fell_back)))
            }
        }
    }
}
