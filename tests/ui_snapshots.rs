//! Image snapshots of the app drawn by wgpu (lavapipe/EGL in CI): the main view on the seeds
//! and one presentation step. References live in `tests/snapshots/`; after a deliberate change
//! of the look (or of what the pipeline finds in the seeds), refresh them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test ui_snapshots` and look at the new PNGs before committing.
//!
//! Everything drawn comes from bundled fonts (egui's built-in fonts and the CJK subset in
//! `assets/fonts/`) and from state that does not depend on the machine: the folder is shown
//! by a relative path and the load time is zero, so the pixels are the same everywhere.
#![cfg(feature = "gui")]

mod ui_common;

use std::path::Path;

use dateline::pipeline::{self, Progress};
use dateline::ui::App;
use dateline::ui::picker::FakePicker;
use egui::Key;
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};

/// Per-pixel colour tolerance (YIQ distance; kittest's default is 0.6). Software rasterisers
/// differ in the last bit of anti-aliased edges between runs and Mesa versions; text and
/// marks moving by a pixel still fail.
const THRESHOLD: f32 = 2.0;

/// Pixels allowed past [`THRESHOLD`]: a few anti-aliasing outliers, far below what any
/// visible change (one moved label is several hundred pixels) produces.
const MAX_FAILED_PIXELS: usize = 60;

fn options() -> SnapshotOptions {
    SnapshotOptions::new().threshold(THRESHOLD).max_failed_pixels(MAX_FAILED_PIXELS)
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size([1500.0, 920.0])
        .with_context_setup(dateline::ui::fonts::install)
        .wgpu()
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

#[test]
fn main_view_on_the_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let out = pipeline::run(&root, &[], &Progress::default()).expect("the seeds load");
    assert!(!out.extraction.events.is_empty(), "the seeds have events");
    let app = App::from_output(Path::new("seeds"), out, Box::new(FakePicker::default()));
    let mut h = harness(app);
    h.run_steps(6);
    assert!(h.query_by_label("Sources (5)").is_some(), "the main view is up");
    h.snapshot_options("main_view_seeds", &options());
}

#[test]
fn presentation_step_with_its_best_quote() {
    let app = App::from_output(Path::new("fixture"), ui_common::fixture(), Box::new(FakePicker::default()));
    let mut h = harness(app);
    h.run_steps(3);
    h.get_by_label("▶ Present").click();
    h.run_steps(2);
    h.key_press(Key::ArrowRight);
    h.run_steps(6);
    assert!(h.query_by_label("2 / 3").is_some(), "on the second step");
    assert!(h.query_by_label("— Lim Soo-suk, ministry spokesperson").is_some(), "its best quote");
    h.snapshot_options("presentation_step", &options());
}
