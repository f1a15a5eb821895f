//! Background work: running the pipeline (or re-applying edits) off the UI thread.
//!
//! The window keeps drawing the previous model while a run is in flight; the new model
//! replaces it in one step when the run finishes (or is dropped when cancelled).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crate::edits::Edit;
use crate::pipeline::{self, Output, Progress};
use crate::ui::filters::Filters;
use crate::ui::timeline_panel::lanes::{self, LaneMode, Lanes};
use crate::ui::view_model::ModelIndex;

/// A finished run: the model plus its indexes (built on the worker thread too).
#[derive(Debug)]
pub struct Loaded {
    /// The folder that was read.
    pub path: PathBuf,
    /// Pipeline output.
    pub output: Arc<Output>,
    /// Indexes over it.
    pub index: Arc<ModelIndex>,
    /// Wall time of the run.
    pub took: Duration,
    /// A preliminary model shown while the full run goes on (one event per report, nothing
    /// cross-checked yet; see [`crate::timeline::preliminary`]). Edits wait for the full one.
    pub preliminary: bool,
    /// Timeline lanes laid out on the worker for the view the app had when the run started.
    pub lanes: Option<PreparedLanes>,
}

/// Lanes laid out off the UI thread: laying out 65,000 reports takes 10-30 ms, more than a
/// frame. The app uses them when its filters still give the same visible list and lane mode.
#[derive(Debug)]
pub struct PreparedLanes {
    /// The visible list they were laid out for.
    pub visible: Vec<usize>,
    /// The lane mode they were laid out for.
    pub mode: LaneMode,
    /// The lanes.
    pub lanes: Lanes,
}

impl PreparedLanes {
    /// Lays out `out`'s timeline for `view` (filters and lane mode).
    fn of(out: &Output, index: &ModelIndex, view: &(Filters, LaneMode)) -> PreparedLanes {
        let m = &out.extraction;
        let visible = view.0.visible(m, index);
        let lanes = lanes::build(m, index, &visible, view.1);
        PreparedLanes { visible, mode: view.1, lanes }
    }
}

/// What the worker thread sends: a preliminary model (at most one), then the result.
#[derive(Debug)]
enum Message {
    Preliminary(Loaded),
    Done(Result<Loaded, String>),
}

/// Prints `line` on stderr when `DATELINE_TIMING` is set (time to first and full timeline).
fn timing(line: &str) {
    if std::env::var_os("DATELINE_TIMING").is_some() {
        eprintln!("{line}");
    }
}

/// A pipeline run on a worker thread.
#[derive(Debug)]
pub struct Loader {
    /// The folder being read.
    pub path: PathBuf,
    /// Shared progress and cancel flag.
    pub progress: Arc<Progress>,
    rx: Receiver<Message>,
    /// When the run started.
    pub started: Instant,
}

/// What polling a loader found.
#[derive(Debug)]
pub enum Poll {
    /// Still running.
    Running,
    /// Still running; a preliminary model to show meanwhile.
    Preliminary(Loaded),
    /// Finished (successfully or with an error message).
    Done(Result<Loaded, String>),
}

impl Loader {
    /// Starts running the pipeline over `path` with `edits` applied; the timeline is laid
    /// out for `view` (the app's filters and lane mode) on the worker too.
    pub fn start(
        path: &Path,
        edits: Vec<Edit>,
        repaint: Option<egui::Context>,
        view: (Filters, LaneMode),
    ) -> Loader {
        let progress = Arc::new(Progress::default());
        let (tx, rx) = mpsc::channel();
        let p = progress.clone();
        let root = path.to_path_buf();
        std::thread::spawn(move || {
            let t0 = Instant::now();
            let preview = |out: Output| {
                let index = ModelIndex::build(&out);
                let lanes = Some(PreparedLanes::of(&out, &index, &view));
                let took = t0.elapsed();
                timing(&format!("app: preliminary timeline ready after {:.2} s", took.as_secs_f64()));
                let l = Loaded {
                    path: root.clone(),
                    output: Arc::new(out),
                    index: Arc::new(index),
                    took,
                    preliminary: true,
                    lanes,
                };
                let _ = tx.send(Message::Preliminary(l));
                if let Some(ctx) = &repaint {
                    ctx.request_repaint();
                }
            };
            let result = pipeline::run_with_preview(&root, &edits, &p, Some(&preview)).map(|out| {
                let index = ModelIndex::build(&out);
                let lanes = Some(PreparedLanes::of(&out, &index, &view));
                let took = t0.elapsed();
                timing(&format!("app: full timeline ready after {:.2} s", took.as_secs_f64()));
                Loaded {
                    path: root.clone(),
                    output: Arc::new(out),
                    index: Arc::new(index),
                    took,
                    preliminary: false,
                    lanes,
                }
            });
            let _ = tx.send(Message::Done(result));
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
        Loader { path: path.to_path_buf(), progress, rx, started: Instant::now() }
    }

    /// Re-applies `edits` to a copy of `base` (after an edit, undo or redo): only articles
    /// whose date changed are re-analysed (see [`pipeline::reprocess`]).
    pub fn start_reprocess(
        path: &Path,
        base: Arc<Output>,
        edits: Vec<Edit>,
        repaint: Option<egui::Context>,
    ) -> Loader {
        let progress = Arc::new(Progress::default());
        progress.stage("applying edits", 1);
        let (tx, rx) = mpsc::channel();
        let root = path.to_path_buf();
        std::thread::spawn(move || {
            let t0 = Instant::now();
            let mut out = (*base).clone();
            pipeline::reprocess(&mut out, &edits);
            let index = ModelIndex::build(&out);
            let loaded = Loaded {
                path: root,
                output: Arc::new(out),
                index: Arc::new(index),
                took: t0.elapsed(),
                preliminary: false,
                lanes: None,
            };
            let _ = tx.send(Message::Done(Ok(loaded)));
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
        Loader { path: path.to_path_buf(), progress, rx, started: Instant::now() }
    }

    /// Non-blocking check for the result.
    pub fn poll(&self) -> Poll {
        match self.rx.try_recv() {
            Ok(Message::Preliminary(l)) => Poll::Preliminary(l),
            Ok(Message::Done(r)) => Poll::Done(r),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => {
                Poll::Done(Err("the loading thread stopped unexpectedly".into()))
            }
        }
    }

    /// Blocks until the run ends (tests and `--screenshot-to` only).
    pub fn wait(self) -> Result<Loaded, String> {
        loop {
            match self.rx.recv() {
                Ok(Message::Preliminary(_)) => continue,
                Ok(Message::Done(r)) => return r,
                Err(_) => return Err("the loading thread stopped unexpectedly".into()),
            }
        }
    }
}
