//! The main window layout: top bar, status bar, left lists, right detail, centre timeline
//! and reader; plus the keyboard shortcuts that work everywhere.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{App, LeftTab, Selected};
use crate::ui::filters::{self, SEARCH_ID};
use crate::ui::{detail_panel, entity_panel, reader_panel, sources_panel, timeline_panel};

/// Draws the whole main view.
pub fn main_ui(app: &mut App, ui: &mut egui::Ui) {
    keyboard(app, ui.ctx());
    egui::Panel::top("top-bar").show(ui, |ui| top_bar(app, ui));
    egui::Panel::bottom("status-bar").show(ui, |ui| status_bar(app, ui));
    egui::Panel::left("lists")
        .resizable(true)
        .default_size(340.0)
        .min_size(240.0)
        .show(ui, |ui| left_panel(app, ui));
    egui::Panel::right("detail").resizable(true).default_size(400.0).min_size(280.0).show(ui, |ui| {
        detail_panel::detail_ui(app, ui);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        let reader_open = app.reader.is_some();
        let h = ui.available_height();
        let plot_h = if reader_open { (h * 0.48).max(200.0) } else { h };
        ui.allocate_ui(egui::vec2(ui.available_width(), plot_h), |ui| timeline_panel::timeline_ui(app, ui));
        if reader_open {
            ui.separator();
            reader_panel::reader_ui(app, ui);
        }
    });
}

fn top_bar(app: &mut App, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        ui.strong("Dateline");
        if ui.button("Open folder…").clicked() {
            app.pick_folder();
        }
        let recent = app.prefs.recent.clone();
        ui.menu_button("Recent", |ui| {
            if recent.is_empty() {
                ui.weak("no recent folders");
            }
            for p in recent {
                if ui.button(p.display().to_string()).clicked() {
                    let ctx = ui.ctx().clone();
                    app.open(&p, Some(&ctx));
                    ui.close();
                }
            }
        });
        ui.menu_button("Project", |ui| {
            if ui.button("Open project…").clicked() {
                app.pick_project(false);
                ui.close();
            }
            if ui.button("Save project as…").clicked() {
                app.pick_project(true);
                ui.close();
            }
        });
        super::export::export_menu(app, ui);
        ui.weak(app.corpus_path.display().to_string());
        ui.separator();
        let search = egui::TextEdit::singleline(&mut app.filters.text)
            .id(egui::Id::unique(SEARCH_ID))
            .hint_text("Search (/)")
            .desired_width(200.0);
        ui.add(search);
        ui.separator();
        let mut lanes = app.prefs.lanes;
        timeline_panel::lane_mode_ui(ui, &mut lanes);
        if lanes != app.prefs.lanes {
            app.prefs.lanes = lanes;
            app.timeline.invalidate();
        }
        if ui.button("Fit all").on_hover_text("Show the whole timeline (F)").clicked() {
            app.timeline.request_fit();
        }
        ui.separator();
        let ctx = ui.ctx().clone();
        if ui.add_enabled(app.edits.can_undo(), egui::Button::new("↺ Undo")).on_hover_text("Ctrl+Z").clicked()
        {
            app.undo(Some(&ctx));
        }
        if ui
            .add_enabled(app.edits.can_redo(), egui::Button::new("↻ Redo"))
            .on_hover_text("Ctrl+Shift+Z")
            .clicked()
        {
            app.redo(Some(&ctx));
        }
        if ui
            .button("▶ Present")
            .on_hover_text("Step through starred events (or the current filter)")
            .clicked()
        {
            crate::ui::presentation::enter(app, &ctx);
        }
        let theme_label = if app.prefs.dark { "Light theme" } else { "Dark theme" };
        if ui.button(theme_label).clicked() {
            app.prefs.dark = !app.prefs.dark;
        }
    });
    if let Some(l) = &app.loader {
        // Not animated: the window redraws ten times a second while loading (see
        // `App::logic`), leaving the cores to the pipeline.
        let (stage, done, total) = l.progress.snapshot();
        ui.horizontal(|ui| {
            let frac = if total > 0 { done as f32 / total as f32 } else { 0.0 };
            let text = if total > 0 { format!("{stage}: {done} / {total}") } else { format!("{stage}…") };
            ui.add(egui::ProgressBar::new(frac).text(text).desired_width(360.0));
            ui.weak(format!("{:.1} s", l.started.elapsed().as_secs_f32()));
            if ui.button("Cancel").clicked() {
                l.progress.cancel();
            }
        });
        if app.is_preliminary() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "Preliminary timeline: every report on its own, nothing checked against other articles \
                 yet, so all dates are shown as uncertain. Merging reports and checking dates…",
            );
        }
    }
    if let Some(e) = app.error.clone() {
        ui.horizontal(|ui| {
            ui.colored_label(ui.visuals().error_fg_color, format!("Could not load: {e}"));
            if ui.small_button("✕").clicked() {
                app.error = None;
            }
        });
    }
}

fn status_bar(app: &mut App, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        if let Some((out, _)) = app.model() {
            let m = &out.extraction;
            ui.weak(format!(
                "{} articles · {} skipped · {} events · {} quotes · {} conflicts",
                m.articles.len(),
                m.skipped.len(),
                m.events.len(),
                m.quotes.len(),
                m.conflicts.len()
            ));
            if let Some(l) = &app.loaded {
                let what = if l.preliminary { "preliminary timeline" } else { "loaded" };
                ui.weak(format!("· {what} in {:.2} s", l.took.as_secs_f32()));
            }
        } else if app.loader.is_some() {
            ui.weak("loading…");
        }
        if app.edits.can_undo() {
            let n = app.edits.edits().len();
            ui.weak(if n == 1 { "· 1 edit".to_string() } else { format!("· {n} edits") });
        }
        if let Some((msg, at)) = &app.notice
            && at.elapsed().as_secs_f32() < 4.0
        {
            ui.label(msg.clone());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.checkbox(&mut app.prefs.show_frame_time, "frame time");
            if app.prefs.show_frame_time {
                let (mean, max) = app.frame_stats.mean_max();
                ui.weak(format!("ui {mean:.2} ms avg · {max:.2} ms max"));
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(250));
            }
        });
    });
}

fn left_panel(app: &mut App, ui: &mut egui::Ui) {
    let Some((out, ix)) = app.model().map(|(o, i)| (o.clone(), i.clone())) else {
        ui.weak("Loading…");
        return;
    };
    let m = &out.extraction;
    let total = if m.events.is_empty() { ix.articles_by_date.len() } else { m.events.len() };
    filters::filters_ui(ui, &mut app.filters, m, &ix, app.visible.len(), total);
    ui.separator();
    ui.horizontal(|ui| {
        let n_events = if m.events.is_empty() { 0 } else { app.visible.len() };
        ui.selectable_value(&mut app.left_tab, LeftTab::Events, format!("Events ({n_events})"));
        ui.selectable_value(&mut app.left_tab, LeftTab::Sources, format!("Sources ({})", m.articles.len()));
        ui.selectable_value(&mut app.left_tab, LeftTab::People, format!("People ({})", m.entities.len()));
    });
    ui.separator();
    match app.left_tab {
        LeftTab::Events => sources_panel::events_list_ui(app, ui, &out, &ix),
        LeftTab::Sources => sources_panel::sources_ui(app, ui, &out, &ix),
        LeftTab::People => entity_panel::people_ui(app, ui, &out),
    }
}

/// Global shortcuts: ←/→ previous/next, Enter detail, `/` search, F fit, Esc clear,
/// Ctrl+Z / Ctrl+Shift+Z undo/redo.
fn keyboard(app: &mut App, ctx: &egui::Context) {
    let typing = ctx.egui_wants_keyboard_input();
    let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    if !typing {
        if ctx.input_mut(|i| i.consume_shortcut(&redo)) {
            app.redo(Some(ctx));
        } else if ctx.input_mut(|i| i.consume_shortcut(&undo)) {
            app.undo(Some(ctx));
        }
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        if typing {
            ctx.memory_mut(|m| m.stop_text_input());
        } else {
            app.selected = None;
            app.reader = None;
            app.filters.text.clear();
            app.filters.date_range = None;
        }
    }
    if typing {
        return;
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Slash)) {
        ctx.memory_mut(|m| m.request_focus(egui::Id::unique(SEARCH_ID)));
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F)) {
        app.timeline.request_fit();
    }
    let next = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowRight));
    let prev = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowLeft));
    if next || prev {
        step_selection(app, if next { 1 } else { -1 });
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
        open_selected_in_reader(app);
    }
}

/// Moves the selection to the next/previous visible item and pans the timeline to it.
pub fn step_selection(app: &mut App, dir: i32) {
    let Some((out, ix)) = app.model().map(|(o, i)| (o.clone(), i.clone())) else { return };
    let m = &out.extraction;
    if app.visible.is_empty() {
        return;
    }
    let events = !m.events.is_empty();
    let cur = app.selected.as_ref().and_then(|s| match s {
        Selected::Event(id) if events => ix.event_by_id.get(id).copied(),
        Selected::Article(id) if !events => ix.article_by_id.get(id).copied(),
        _ => None,
    });
    let pos = cur.and_then(|c| app.visible.iter().position(|&v| v == c));
    let n = app.visible.len() as i64;
    let new_pos = match pos {
        Some(p) => (p as i64 + dir as i64).clamp(0, n - 1) as usize,
        None if dir > 0 => 0,
        None => (n - 1) as usize,
    };
    let idx = app.visible[new_pos];
    if events {
        app.selected = Some(Selected::Event(m.events[idx].id.clone()));
    } else {
        app.selected = Some(Selected::Article(m.articles[idx].id.clone()));
    }
    app.timeline.request_focus_selected();
}

/// Enter: opens the reader at the selected event's first evidence (or the selected article).
pub fn open_selected_in_reader(app: &mut App) {
    let Some((out, ix)) = app.model().map(|(o, i)| (o.clone(), i.clone())) else { return };
    let m = &out.extraction;
    match app.selected.clone() {
        Some(Selected::Event(id)) => {
            if let Some(ev) = ix.event_by_id.get(&id).and_then(|&i| m.events[i].evidence.first()) {
                app.reader = Some(super::ReaderTarget {
                    article: ev.article.clone(),
                    span: Some((ev.start, ev.end)),
                    scroll_pending: true,
                });
            }
        }
        Some(Selected::Article(id)) => {
            app.reader = Some(super::ReaderTarget { article: id, span: None, scroll_pending: true });
        }
        Some(Selected::Entity(_)) | None => {}
    }
}
