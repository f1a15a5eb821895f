//! The eframe wrapper: window, icon, persistence, frame-time log and `--screenshot-to`.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::Shot;
use super::app::{App, ExportJob, UiPrefs};

const PREFS_KEY: &str = "dateline-ui-prefs";

/// Result slot of a screenshot run, shared with the screenshot callback.
type ShotResult = Arc<Mutex<Option<Result<(), String>>>>;

struct NativeApp {
    app: App,
    screenshot_to: Option<Shot>,
    shot: ShotResult,
    requested: bool,
    frames_with_data: u32,
    started: Instant,
    log_frames: bool,
    last_log: Instant,
}

/// Runs the window until it is closed (or the screenshot is taken).
pub fn run(path: PathBuf, screenshot_to: Option<Shot>) -> Result<(), String> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Dateline")
        .with_inner_size([1500.0, 920.0])
        .with_drag_and_drop(true);
    if let Some(icon) = super::icon::window_icon() {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let options =
        eframe::NativeOptions { viewport, persist_window: screenshot_to.is_none(), ..Default::default() };
    let shot: ShotResult = Arc::new(Mutex::new(None));
    let shot2 = shot.clone();
    eframe::run_native(
        "Dateline",
        options,
        Box::new(move |cc| {
            // a screenshot run neither loads nor writes the folder's saved edits: the picture
            // is reproducible, and demo edits (DATELINE_DEMO=merged) are not kept
            let mut app = if screenshot_to.is_some() {
                App::with_picker(&path, Box::new(super::picker::NativePicker))
            } else {
                App::new(&path)
            };
            if screenshot_to.is_none()
                && let Some(prefs) = cc.storage.and_then(|s| eframe::get_value::<UiPrefs>(s, PREFS_KEY))
            {
                let recent = app.prefs.recent.clone();
                app.prefs = prefs;
                for p in recent.into_iter().rev() {
                    app.prefs.recent.retain(|q| q != &p);
                    app.prefs.recent.insert(0, p);
                }
            }
            super::fonts::install(&cc.egui_ctx);
            Ok(Box::new(NativeApp {
                app,
                screenshot_to,
                shot: shot2,
                requested: false,
                frames_with_data: 0,
                started: Instant::now(),
                log_frames: std::env::var_os("DATELINE_FRAME_LOG").is_some(),
                last_log: Instant::now(),
            }))
        }),
    )
    .map_err(|e| format!("cannot open the window: {e}"))?;
    let outcome = shot.lock().ok().and_then(|mut s| s.take());
    outcome.unwrap_or(Ok(()))
}

impl eframe::App for NativeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.ui(ui);
        let ctx = ui.ctx().clone();
        if self.log_frames && self.last_log.elapsed().as_secs_f32() >= 2.0 {
            let (mean, max) = self.app.frame_stats.mean_max();
            eprintln!(
                "frame-time: ui {mean:.2} ms mean, {max:.2} ms max over the last 120 frames ({} frames)",
                self.app.frame_stats.frames
            );
            self.last_log = Instant::now();
            ctx.request_repaint();
        }
        self.screenshot(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot_to.is_none() {
            eframe::set_value(storage, PREFS_KEY, &self.app.prefs);
        }
    }
}

impl NativeApp {
    fn screenshot(&mut self, ctx: &egui::Context) {
        let Some(shot) = self.screenshot_to.clone() else { return };
        if let Some(done) = self.shot.lock().ok().and_then(|s| s.as_ref().map(|r| r.is_ok())) {
            let _ = done;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if self.started.elapsed().as_secs() > 110 && !self.requested {
            if let Ok(mut s) = self.shot.lock() {
                *s = Some(Err("timed out waiting for the data to load".into()));
            }
            return;
        }
        if !self.app.is_idle_with_data() {
            // Poll as a user's window does while loading (a few times a second), so a
            // screenshot run takes no more of the cores from the pipeline than normal use.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        }
        self.frames_with_data += 1;
        if self.frames_with_data == 1
            && let Ok(demo) = std::env::var("DATELINE_DEMO")
        {
            demo_state(&mut self.app, &demo, ctx);
        }
        // A few frames let panels settle (sizes, fonts) before the shot.
        if self.frames_with_data < 4 {
            ctx.request_repaint();
            return;
        }
        if self.requested {
            if let Shot::ExportView(_) = shot
                && !self.app.exporting()
            {
                // The menu path reported in the status bar; that message is the outcome.
                let msg = self.app.notice.as_ref().map(|n| n.0.clone()).unwrap_or_default();
                eprintln!("{msg}");
                let r = if msg.starts_with("Exported") { Ok(()) } else { Err(msg) };
                if let Ok(mut s) = self.shot.lock() {
                    *s = Some(r);
                }
            }
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        self.requested = true;
        let path = match shot {
            Shot::Window(p) => p,
            Shot::ExportView(p) => {
                self.app.export_to(ExportJob::ViewImage, &p, ctx);
                return;
            }
        };
        let slot = self.shot.clone();
        let ctx2 = ctx.clone();
        let (mean, max) = self.app.frame_stats.mean_max();
        eprintln!(
            "frame-time: ui {mean:.2} ms mean, {max:.2} ms max ({} frames)",
            self.app.frame_stats.frames
        );
        ctx.request_screenshot(move |img: Arc<egui::ColorImage>| {
            let r = super::screenshot::save_png(&img, &path);
            if let Ok(mut s) = slot.lock() {
                *s = Some(r);
            }
            ctx2.request_repaint();
        });
    }
}

/// Puts the app in a state worth a screenshot (`DATELINE_DEMO=detail|present|dark|sources|
/// merge|merged|people`, comma-separated): used to look at each panel under Xvfb and in CI.
fn demo_state(app: &mut App, demo: &str, ctx: &egui::Context) {
    let best = app.model().and_then(|(out, ix)| {
        let m = &out.extraction;
        app.visible
            .iter()
            .copied()
            .filter(|&i| !m.events.is_empty() && i < m.events.len())
            .max_by_key(|&i| (ix.event_outlets[i].len(), m.events[i].quotes.len(), std::cmp::Reverse(i)))
            .map(|i| m.events[i].clone())
    });
    for part in demo.split(',') {
        match part.trim() {
            "dark" => app.prefs.dark = true,
            "sources" => app.left_tab = super::app::LeftTab::Sources,
            "merge" => {
                if let Some(e) = &best {
                    app.selected = Some(super::app::Selected::Event(e.id.clone()));
                    super::edit_actions::open_merge(app, super::merge_picker::MergeKind::Event, &e.id);
                }
            }
            "merged" => {
                // the best event with its nearest neighbour merged into it (status message,
                // "Edited by you", Undo enabled)
                let pick = app.model().and_then(|(o, ix)| {
                    let e = best.as_ref()?;
                    let t = *ix.event_by_id.get(&e.id)?;
                    let c = *super::merge_picker::event_candidates(&o.extraction, ix, t, "").first()?;
                    Some((o.clone(), o.extraction.events[c].id.clone(), e.id.clone()))
                });
                if let Some((out, from, into)) = pick {
                    app.selected = Some(super::app::Selected::Event(into.clone()));
                    super::edit_actions::merge_events(app, Some(ctx), &out.extraction, &from, &into);
                }
            }
            "people" => {
                let top = app.model().and_then(|(o, _)| {
                    super::entity_panel::people_rows(&o.extraction, "")
                        .first()
                        .map(|&i| o.extraction.entities[i].id.clone())
                });
                if let Some(id) = top {
                    super::entity_panel::show_entity(app, &id);
                    super::edit_actions::open_merge(app, super::merge_picker::MergeKind::Entity, &id);
                }
            }
            "detail" => {
                if let Some(e) = &best {
                    app.selected = Some(super::app::Selected::Event(e.id.clone()));
                    let quote = e.quotes.first().and_then(|q| {
                        app.model().and_then(|(o, ix)| {
                            ix.quote_by_id.get(q).map(|&k| o.extraction.quotes[k].clone())
                        })
                    });
                    app.reader = match quote {
                        Some(q) => Some(super::app::ReaderTarget {
                            article: q.article,
                            span: Some((q.start, q.end)),
                            scroll_pending: true,
                        }),
                        None => e.evidence.first().map(|ev| super::app::ReaderTarget {
                            article: ev.article.clone(),
                            span: Some((ev.start, ev.end)),
                            scroll_pending: true,
                        }),
                    };
                }
            }
            "present" => {
                if let Some(e) = &best {
                    app.filters.text.clear();
                    app.selected = Some(super::app::Selected::Event(e.id.clone()));
                }
                super::presentation::enter(app, ctx);
                if let (Some(p), Some(e)) = (app.presentation.as_mut(), &best)
                    && let Some(k) = p.steps.iter().position(|id| id == &e.id)
                {
                    p.pos = k;
                }
            }
            _ => {}
        }
    }
}
