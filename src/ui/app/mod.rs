//! App state, independent of eframe so kittest can drive it: `App::ui(ui)` draws one frame.
//!
//! Three homes for state: the model (`Loaded`, from the library), the persisted preferences
//! ([`UiPrefs`], saved by eframe), and view state (selection, filters, reader target) here.
//! Panels never change the model: they push [`Edit`]s, which [`App::apply_edit`] records
//! and replays through the pipeline on a worker thread.

mod export;
mod layout;
mod logic;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Instant;

use serde::{Deserialize, Serialize};

pub use export::{ExportJob, default_export_dir};
pub use logic::{Loaded, Loader, Poll, PreparedLanes};

use super::filters::Filters;
use super::picker::{FolderPicker, NativePicker};
use super::presentation::Presentation;
use super::timeline_panel::{LaneMode, TimelineState};
use crate::edits::{Edit, History, Project};

/// Preferences kept between runs (eframe persistence).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct UiPrefs {
    /// Recently opened folders, most recent first.
    pub recent: Vec<PathBuf>,
    /// Dark theme.
    pub dark: bool,
    /// Lane mode of the timeline.
    pub lanes: LaneMode,
    /// Show the frame-time overlay.
    pub show_frame_time: bool,
}

impl Default for UiPrefs {
    fn default() -> Self {
        UiPrefs { recent: Vec::new(), dark: false, lanes: LaneMode::Kind, show_frame_time: false }
    }
}

/// What is selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selected {
    /// An event, by id.
    Event(String),
    /// An article, by id.
    Article(String),
    /// An entity (person, organisation, place), by id.
    Entity(String),
}

/// What the reader shows: an article, optionally with a span highlighted and scrolled to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderTarget {
    /// Article id.
    pub article: String,
    /// Byte range to highlight.
    pub span: Option<(usize, usize)>,
    /// Scroll to the span on the next frame.
    pub scroll_pending: bool,
}

/// Rolling frame-time statistics (the time `App::ui` takes, CPU side).
#[derive(Clone, Debug, Default)]
pub struct FrameStats {
    samples: Vec<f32>,
    next: usize,
    /// Frames drawn so far.
    pub frames: u64,
}

impl FrameStats {
    const WINDOW: usize = 120;
    /// Records one frame's duration in milliseconds.
    pub fn record(&mut self, ms: f32) {
        if self.samples.len() < Self::WINDOW {
            self.samples.push(ms);
        } else {
            self.samples[self.next] = ms;
        }
        self.next = (self.next + 1) % Self::WINDOW;
        self.frames += 1;
    }
    /// Mean and max over the window, in milliseconds.
    pub fn mean_max(&self) -> (f32, f32) {
        if self.samples.is_empty() {
            return (0.0, 0.0);
        }
        let sum: f32 = self.samples.iter().sum();
        let max = self.samples.iter().copied().fold(0.0, f32::max);
        (sum / self.samples.len() as f32, max)
    }
}

/// The whole app state.
pub struct App {
    /// The folder shown (or being loaded).
    pub corpus_path: PathBuf,
    /// The current model, once a run finished.
    pub loaded: Option<Loaded>,
    /// A run in flight.
    pub loader: Option<Loader>,
    /// The frame that took the preliminary model: the full one waits for a later frame.
    preliminary_frame: Option<u64>,
    /// The last load error, shown once in the top bar.
    pub error: Option<String>,
    /// Persisted preferences.
    pub prefs: UiPrefs,
    /// Current filters.
    pub filters: Filters,
    /// Current selection.
    pub selected: Option<Selected>,
    /// The reader's article and span.
    pub reader: Option<ReaderTarget>,
    /// The user's edits, with undo/redo.
    pub edits: History,
    /// Where edits are autosaved (`None`: not saved, e.g. in tests).
    pub autosave: Option<PathBuf>,
    /// Presentation mode, when on.
    pub presentation: Option<Presentation>,
    /// Timeline view state (zoom requests, layout cache).
    pub timeline: TimelineState,
    /// Which tab the left panel shows.
    pub left_tab: LeftTab,
    /// Visible events (or articles, when the model has no events), by index, date order.
    pub visible: Vec<usize>,
    /// Filters `visible` was computed with (recomputed when they change).
    visible_for: Option<(Filters, usize)>,
    /// The inline edit form that is open, if any.
    pub form: Option<super::edit_forms::Form>,
    /// Date text box for setting an article's date, while editing.
    pub set_date: Option<(String, String)>,
    /// Merge picker and people search (the structural edits' view state).
    pub edits_ui: super::edit_actions::EditsUi,
    /// Frame times.
    pub frame_stats: FrameStats,
    /// A message shown briefly in the status bar (e.g. "quote copied").
    pub notice: Option<(String, Instant)>,
    picker: Box<dyn FolderPicker>,
    picking: Option<Receiver<Option<PathBuf>>>,
    picking_project: Option<(bool, Receiver<Option<PathBuf>>)>,
    export: export::ExportState,
    generation: usize,
    fonts_installed: bool,
}

/// Tabs of the left panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftTab {
    /// The events list.
    Events,
    /// The articles (sources) list.
    Sources,
    /// The people / organisations (entities) list.
    People,
}

impl App {
    /// A new app that starts loading `path` (with the native folder dialog), with its
    /// edits autosaved to the app's data directory.
    pub fn new(path: &Path) -> App {
        let mut app = App::with_picker(path, Box::new(NativePicker));
        app.enable_autosave(None);
        app
    }

    /// A new app with an injected folder picker (tests use a fake).
    pub fn with_picker(path: &Path, picker: Box<dyn FolderPicker>) -> App {
        let mut app = App {
            corpus_path: path.to_path_buf(),
            loaded: None,
            loader: None,
            preliminary_frame: None,
            error: None,
            prefs: UiPrefs::default(),
            filters: Filters::default(),
            selected: None,
            reader: None,
            edits: History::default(),
            autosave: None,
            presentation: None,
            timeline: TimelineState::default(),
            left_tab: LeftTab::Events,
            visible: Vec::new(),
            visible_for: None,
            form: None,
            set_date: None,
            edits_ui: Default::default(),
            frame_stats: FrameStats::default(),
            notice: None,
            picker,
            picking: None,
            picking_project: None,
            export: export::ExportState::default(),
            generation: 0,
            fonts_installed: false,
        };
        app.open(path, None);
        app
    }

    /// Turns on autosaving of edits for the current folder and loads the edits saved last
    /// time (a corrupt or newer file is reported and left alone).
    pub fn enable_autosave(&mut self, ctx: Option<&egui::Context>) {
        self.autosave = crate::edits::autosave_path(&self.corpus_path);
        let Some(path) = self.autosave.clone() else { return };
        if !path.exists() {
            return;
        }
        match Project::load(&path) {
            Ok(p) => {
                self.edits = History::from_edits(p.edits);
                self.rerun(ctx);
            }
            Err(e) => {
                self.error = Some(format!("saved edits not loaded: {e}"));
                self.autosave = None;
            }
        }
    }

    fn save_edits(&mut self) {
        let Some(path) = &self.autosave else { return };
        let mut p = Project::new(&self.corpus_path);
        p.edits = self.edits.edits().to_vec();
        if let Err(e) = p.save(path) {
            self.error = Some(format!("edits not saved: {e}"));
        }
    }

    /// An app showing an already computed model (tests and benches; no run is started).
    pub fn from_output(path: &Path, output: crate::pipeline::Output, picker: Box<dyn FolderPicker>) -> App {
        let mut app = App::with_picker(path, picker);
        if let Some(l) = app.loader.take() {
            l.progress.cancel();
        }
        let index = super::view_model::ModelIndex::build(&output);
        app.take_result(Ok(Loaded {
            path: path.to_path_buf(),
            output: Arc::new(output),
            index: Arc::new(index),
            took: std::time::Duration::ZERO,
            preliminary: false,
            lanes: None,
        }));
        app
    }

    /// Starts loading `path` (a new folder: edits and selection are reset).
    pub fn open(&mut self, path: &Path, ctx: Option<&egui::Context>) {
        if let Some(l) = self.loader.take() {
            l.progress.cancel();
        }
        let autosaving = self.autosave.is_some();
        if self.corpus_path != path {
            self.edits = History::default();
            self.selected = None;
            self.reader = None;
            self.filters = Filters::default();
        }
        self.corpus_path = path.to_path_buf();
        self.prefs.recent.retain(|p| p != path);
        self.prefs.recent.insert(0, path.to_path_buf());
        self.prefs.recent.truncate(10);
        let view = (self.filters.clone(), self.prefs.lanes);
        self.loader = Some(Loader::start(path, self.edits.edits().to_vec(), ctx.cloned(), view));
        if autosaving {
            self.enable_autosave(ctx);
        }
    }

    /// Re-applies the current edits: on the loaded model when there is one (cheap), else by a
    /// full run of the pipeline.
    pub fn rerun(&mut self, ctx: Option<&egui::Context>) {
        if let Some(l) = self.loader.take() {
            l.progress.cancel();
        }
        let edits = self.edits.edits().to_vec();
        self.loader = Some(match &self.loaded {
            Some(l) if l.path == self.corpus_path && !l.output.loaded.is_empty() => {
                Loader::start_reprocess(&self.corpus_path, l.output.clone(), edits, ctx.cloned())
            }
            _ => Loader::start(
                &self.corpus_path,
                edits,
                ctx.cloned(),
                (self.filters.clone(), self.prefs.lanes),
            ),
        });
    }

    /// Records an edit, saves the edit list and re-applies it.
    pub fn apply_edit(&mut self, e: Edit, ctx: Option<&egui::Context>) {
        if self.is_preliminary() {
            // Preliminary events are single reports; an edit names final events and would
            // cancel the run that makes them.
            self.notify("Edits can be made once the timeline is complete (a few seconds)");
            return;
        }
        self.edits.push(e);
        self.save_edits();
        self.rerun(ctx);
    }

    /// Undoes the last edit.
    pub fn undo(&mut self, ctx: Option<&egui::Context>) {
        if self.is_preliminary() {
            self.notify("Undo and redo work once the timeline is complete (a few seconds)");
            return;
        }
        if let Some(e) = self.edits.undo() {
            let model = self.loaded.as_ref().map(|l| &l.output.extraction);
            let msg = format!("Undone: {}", self.edits_ui.label(e, model));
            self.notify(msg);
            self.save_edits();
            self.rerun(ctx);
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self, ctx: Option<&egui::Context>) {
        if self.is_preliminary() {
            self.notify("Undo and redo work once the timeline is complete (a few seconds)");
            return;
        }
        if let Some(e) = self.edits.redo() {
            let model = self.loaded.as_ref().map(|l| &l.output.extraction);
            let msg = format!("Redone: {}", self.edits_ui.label(e, model));
            self.notify(msg);
            self.save_edits();
            self.rerun(ctx);
        }
    }

    /// Blocks until the current run finishes and takes its result (tests, screenshots).
    pub fn finish_loading_blocking(&mut self) {
        if let Some(l) = self.loader.take() {
            self.take_result(l.wait());
        }
    }

    /// Whether the model shown is a preliminary one (the full run still going on).
    pub fn is_preliminary(&self) -> bool {
        self.loaded.as_ref().is_some_and(|l| l.preliminary)
    }

    /// Whether a model is loaded and no run is in flight.
    pub fn is_idle_with_data(&self) -> bool {
        self.loaded.is_some() && self.loader.is_none()
    }

    /// Polls the background run and the folder dialog; call once per frame.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if !self.fonts_installed {
            super::fonts::install(ctx);
            self.fonts_installed = true;
        }
        // A preliminary model is drawn in a whole frame before the full one replaces it (a
        // frame can run several passes, and the full model may already be waiting).
        let frame = ctx.cumulative_frame_nr();
        if let Some(l) = self.loader.as_ref().filter(|_| self.preliminary_frame != Some(frame)) {
            match l.poll() {
                Poll::Running => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
                Poll::Preliminary(l) => {
                    self.take_result(Ok(l));
                    self.preliminary_frame = Some(frame);
                    ctx.request_repaint_after(std::time::Duration::from_millis(100));
                }
                Poll::Done(r) => {
                    self.loader = None;
                    self.take_result(r);
                }
            }
        }
        if let Some(rx) = &self.picking {
            match rx.try_recv() {
                Ok(Some(p)) => {
                    self.picking = None;
                    self.open(&p, Some(ctx));
                }
                Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => self.picking = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(100))
                }
            }
        }
        if let Some((save, rx)) = &self.picking_project {
            let save = *save;
            match rx.try_recv() {
                Ok(Some(p)) => {
                    self.picking_project = None;
                    if save { self.save_project(&p) } else { self.open_project(&p, Some(ctx)) }
                }
                Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => self.picking_project = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(100))
                }
            }
        }
        self.poll_export(ctx);
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().find_map(|f| {
                let p = f.path();
                (!p.as_os_str().is_empty()).then(|| p.to_path_buf())
            })
        });
        if let Some(p) = dropped {
            let folder = if p.is_dir() { p } else { p.parent().map(Path::to_path_buf).unwrap_or(p) };
            self.open(&folder, Some(ctx));
        }
    }

    /// Asks the picker for a folder (the answer is handled in [`App::logic`]).
    pub fn pick_folder(&mut self) {
        self.picking = Some(self.picker.pick_folder());
    }

    /// Asks for a project file to open or save (handled in [`App::logic`]).
    pub fn pick_project(&mut self, save: bool) {
        self.picking_project = Some((save, self.picker.pick_project(save)));
    }

    /// Saves the current edits as a project file.
    pub fn save_project(&mut self, path: &Path) {
        let mut p = Project::new(&self.corpus_path);
        p.edits = self.edits.edits().to_vec();
        match p.save(path) {
            Ok(()) => self.notify(format!("Project saved to {}", path.display())),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Opens a project file: its folder (if it exists) with its edits.
    pub fn open_project(&mut self, path: &Path, ctx: Option<&egui::Context>) {
        match Project::load(path) {
            Ok(p) => {
                let folder = PathBuf::from(&p.corpus);
                if folder.exists() && folder != self.corpus_path {
                    self.open(&folder, ctx);
                }
                self.edits = History::from_edits(p.edits);
                self.save_edits();
                self.rerun(ctx);
                self.notify(format!("Project {} opened", path.display()));
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn take_result(&mut self, r: Result<Loaded, String>) {
        match r {
            Ok(l) => {
                let first = self.loaded.as_ref().is_none_or(|old| old.path != l.path);
                if let Some(old) = self.loaded.replace(l) {
                    // Freeing a model of tens of thousands of events takes about 100 ms:
                    // done off the UI thread, so the frame that shows the new one is not held up.
                    std::thread::spawn(move || drop(old));
                }
                self.error = None;
                self.generation += 1;
                self.visible_for = None;
                if first {
                    self.timeline.request_focus_fit();
                }
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Counts the models taken so far: changes whenever a run (load, edit, undo) finishes,
    /// so view caches keyed by it are rebuilt.
    pub fn generation(&self) -> usize {
        self.generation
    }

    /// Whether the model has timeline events (otherwise articles stand in for them).
    pub fn has_events(&self) -> bool {
        self.loaded.as_ref().is_some_and(|l| !l.output.extraction.events.is_empty())
    }

    /// Recomputes `visible` when the filters or the model changed.
    pub fn refresh_visible(&mut self) {
        let Some(l) = &self.loaded else {
            self.visible.clear();
            return;
        };
        let key = (self.filters.clone(), self.generation);
        if self.visible_for.as_ref() == Some(&key) {
            return;
        }
        self.visible = self.filters.visible(&l.output.extraction, &l.index);
        self.visible_for = Some(key);
        self.timeline.invalidate();
        // Lanes the worker laid out for this same view need not be laid out again here.
        let prepared = self.loaded.as_mut().and_then(|l| l.lanes.take());
        if let Some(p) = prepared.filter(|p| p.visible == self.visible && p.mode == self.prefs.lanes) {
            self.timeline.set_lanes(p.lanes);
        }
    }

    /// Shows a short message in the status bar.
    pub fn notify(&mut self, msg: impl Into<String>) {
        self.notice = Some((msg.into(), Instant::now()));
    }

    /// The loaded model and its index, if any.
    pub fn model(&self) -> Option<(&Arc<crate::pipeline::Output>, &Arc<super::view_model::ModelIndex>)> {
        self.loaded.as_ref().map(|l| (&l.output, &l.index))
    }

    /// Draws one frame.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let t0 = Instant::now();
        let ctx = ui.ctx().clone();
        self.logic(&ctx);
        ctx.set_theme(if self.prefs.dark { egui::Theme::Dark } else { egui::Theme::Light });
        self.refresh_visible();
        if self.presentation.is_some() {
            super::presentation::presentation_ui(self, ui);
        } else {
            layout::main_ui(self, ui);
        }
        self.frame_stats.record(t0.elapsed().as_secs_f32() * 1000.0);
    }
}
