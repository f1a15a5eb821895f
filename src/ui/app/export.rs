//! The "Export" menu's work: ask where to save (through the injected picker), then write the
//! data or the image through the library's export module on a worker thread, or take a
//! screenshot of the window. The outcome is shown in the status bar.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::App;
use crate::export::{self, Format, Selection};
use crate::ui::picker::SaveRequest;
use crate::ui::screenshot::ViewCapture;

/// One thing the Export menu can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportJob {
    /// The model (edits applied) in a data format.
    Data(Format),
    /// The whole timeline drawn by the library, SVG or PNG by the file's extension.
    WholeImage,
    /// A screenshot of the window as it is now, PNG.
    ViewImage,
}

impl ExportJob {
    /// Dialog title, proposed file name, filter name and extensions.
    fn request(self, stem: &str) -> SaveRequest {
        let (title, ext, filter, exts): (&str, &str, &str, &[&str]) = match self {
            ExportJob::Data(Format::Json) => ("Export JSON", "json", "JSON", &["json"]),
            ExportJob::Data(Format::Csv) => ("Export CSV", "csv", "CSV", &["csv"]),
            ExportJob::Data(Format::TimelineJs) => {
                ("Export TimelineJS", "json", "TimelineJS JSON", &["json"])
            }
            ExportJob::Data(Format::Markdown) => ("Export Markdown", "md", "Markdown", &["md"]),
            ExportJob::WholeImage => ("Export image of whole timeline", "svg", "SVG or PNG", &["svg", "png"]),
            ExportJob::ViewImage => ("Export image of current view", "png", "PNG", &["png"]),
        };
        let suffix = match self {
            ExportJob::Data(Format::TimelineJs) => "-timelinejs",
            ExportJob::ViewImage => "-view",
            _ => "",
        };
        SaveRequest {
            title: title.into(),
            file_name: format!("{stem}{suffix}.{ext}"),
            filter_name: filter.into(),
            extensions: exts.iter().map(|e| e.to_string()).collect(),
            directory: default_export_dir(),
        }
    }
}

/// Where export dialogs start: the user's documents folder, else home; never the article
/// folder (exports must not mix with the articles they were drawn from).
pub fn default_export_dir() -> Option<PathBuf> {
    dirs::document_dir().filter(|d| d.is_dir()).or_else(dirs::home_dir)
}

/// Export state kept in the app: a dialog awaiting its answer, a write in flight.
#[derive(Debug, Default)]
pub struct ExportState {
    picking: Option<(ExportJob, Receiver<Option<PathBuf>>)>,
    writing: Option<Receiver<Result<PathBuf, String>>>,
    capture: Option<ViewCapture>,
}

impl ExportState {
    /// Whether an export dialog or write is under way.
    pub fn busy(&self) -> bool {
        self.picking.is_some() || self.writing.is_some() || self.capture.is_some()
    }
}

impl App {
    /// Asks where to save `job` (the answer is handled in [`App::logic`]).
    pub fn pick_export(&mut self, job: ExportJob) {
        let stem = self
            .corpus_path
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| !n.is_empty())
            .unwrap_or("timeline")
            .to_string();
        let rx = self.picker.pick_save_file(job.request(&stem));
        self.export.picking = Some((job, rx));
    }

    /// The events an export shows: exactly the events the user sees (every filter: search,
    /// person, outlet, kind, date range, starred, hidden, known as of), passed to the library
    /// as an id list so the export code, not the UI, does the writing. With no filter on,
    /// no list is passed: the data exports then hold everything shown (JSON also keeps the
    /// hidden events, flagged, as its contract says).
    pub fn export_selection(&mut self) -> Selection {
        self.refresh_visible();
        let events =
            self.loaded.as_ref().map(|l| &l.output.extraction.events).filter(|e| !e.is_empty()).map(
                |events| self.visible.iter().filter_map(|&i| events.get(i)).map(|e| e.id.clone()).collect(),
            );
        let events = events.filter(|_| self.filters.is_active());
        Selection {
            from: self.filters.date_range.map(|r| r.0),
            to: self.filters.date_range.map(|r| r.1),
            starred_only: self.filters.starred_only,
            include_hidden: self.filters.show_hidden,
            title: None,
            events,
        }
    }

    /// Writes `job` to `path`: data and whole-timeline images on a worker thread, the
    /// current view by a window screenshot at 2× where the window can grow (see
    /// [`ViewCapture`]).
    pub fn export_to(&mut self, job: ExportJob, path: &Path, ctx: &egui::Context) {
        if job == ExportJob::ViewImage {
            self.export.capture = Some(ViewCapture::start(ctx, path.to_path_buf()));
            return;
        }
        let Some(output) = self.loaded.as_ref().map(|l| l.output.clone()) else {
            self.notify("Nothing to export yet: no model loaded");
            return;
        };
        let sel = self.export_selection();
        let theme = if self.prefs.dark { export::svg::Theme::Dark } else { export::svg::Theme::Light };
        let path = path.to_path_buf();
        let (tx, rx) = mpsc::channel();
        let ctx2 = ctx.clone();
        std::thread::spawn(move || {
            let x = &output.extraction;
            let r = match job {
                ExportJob::Data(f) => export::save_data(x, f, &sel, &path),
                _ => {
                    let opts = export::svg::RenderOptions { theme, selection: sel, ..Default::default() };
                    export::save_image(x, &opts, None, &path)
                }
            };
            let _ = tx.send(r.map(|()| path));
            ctx2.request_repaint();
        });
        self.export.writing = Some(rx);
    }

    /// Polls the export dialog and the write in flight; called from [`App::logic`].
    pub(super) fn poll_export(&mut self, ctx: &egui::Context) {
        if let Some((job, rx)) = &self.export.picking {
            let job = *job;
            match rx.try_recv() {
                Ok(Some(p)) => {
                    self.export.picking = None;
                    self.export_to(job, &p, ctx);
                }
                Ok(None) | Err(TryRecvError::Disconnected) => self.export.picking = None,
                Err(TryRecvError::Empty) => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            }
        }
        if let Some(cap) = &mut self.export.capture
            && let Some(r) = cap.poll(ctx)
        {
            self.export.capture = None;
            match r {
                Ok((p, scale, fell_back)) => {
                    let how = if fell_back {
                        format!(" at {scale}×: the window could not grow for a 2× image")
                    } else {
                        format!(" at {scale}×")
                    };
                    self.notify(format!("Exported to {}{how}", p.display()));
                }
                Err(e) => self.notify(format!("Export failed: {e}")),
            }
        }
        if let Some(rx) = &self.export.writing {
            match rx.try_recv() {
                Ok(Ok(p)) => {
                    self.export.writing = None;
                    self.notify(format!("Exported to {}", p.display()));
                }
                Ok(Err(e)) => {
                    self.export.writing = None;
                    self.notify(format!("Export failed: {e}"));
                }
                Err(TryRecvError::Disconnected) => {
                    self.export.writing = None;
                    self.notify("Export failed: the writer stopped");
                }
                Err(TryRecvError::Empty) => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            }
        }
    }

    /// Whether an export is under way (tests wait on it).
    pub fn exporting(&self) -> bool {
        self.export.busy()
    }
}

/// The Export menu of the top bar.
pub fn export_menu(app: &mut App, ui: &mut egui::Ui) {
    ui.menu_button("Export", |ui| {
        let has_data = app.loaded.is_some();
        ui.menu_button("Export data…", |ui| {
            for (label, f) in [
                ("JSON…", Format::Json),
                ("CSV…", Format::Csv),
                ("TimelineJS…", Format::TimelineJs),
                ("Markdown…", Format::Markdown),
            ] {
                if ui.add_enabled(has_data, egui::Button::new(label)).clicked() {
                    app.pick_export(ExportJob::Data(f));
                    ui.close();
                }
            }
        });
        if ui
            .add_enabled(has_data, egui::Button::new("Export image of whole timeline…"))
            .on_hover_text("SVG or PNG, by the file's extension; the events the filters show")
            .clicked()
        {
            app.pick_export(ExportJob::WholeImage);
            ui.close();
        }
        if ui
            .button("Export image of current view…")
            .on_hover_text("A screenshot of the window at 2× scale where possible, PNG")
            .clicked()
        {
            app.pick_export(ExportJob::ViewImage);
            ui.close();
        }
    });
}
