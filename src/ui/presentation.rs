//! Presentation mode: full screen, large type, high contrast. Steps through the starred
//! events (or, when none is starred, the current filter) with ←/→, PageUp/PageDown or
//! Space; each step zooms the timeline to the event and shows its best quote; optional
//! auto-advance; Esc leaves.

use std::time::{Duration, Instant};

use egui::{Key, Modifiers, RichText};

use super::app::{App, Selected};
use super::sources_panel::event_date_label;
use super::theme::present as th;
use super::timeline_panel;
use super::view_model::day_x;

/// Presentation state.
#[derive(Clone, Debug)]
pub struct Presentation {
    /// Event ids to show, in date order.
    pub steps: Vec<String>,
    /// Current step.
    pub pos: usize,
    /// Advance by itself every `interval`.
    pub auto_advance: bool,
    /// Time per step when auto-advancing.
    pub interval: Duration,
    last_step: Instant,
    zoom_pending: bool,
}

/// Enters presentation mode (does nothing, with a notice, when there is nothing to show).
pub fn enter(app: &mut App, ctx: &egui::Context) {
    let Some((out, _)) = app.model() else { return };
    let m = &out.extraction;
    let visible: Vec<usize> = if m.events.is_empty() { Vec::new() } else { app.visible.clone() };
    let starred: Vec<String> =
        visible.iter().filter(|&&i| m.events[i].starred).map(|&i| m.events[i].id.clone()).collect();
    let steps =
        if starred.is_empty() { visible.iter().map(|&i| m.events[i].id.clone()).collect() } else { starred };
    if steps.is_empty() {
        app.notify("Nothing to present: no events match (star some, or change the filter)");
        return;
    }
    app.presentation = Some(Presentation {
        steps,
        pos: 0,
        auto_advance: false,
        interval: Duration::from_secs(8),
        last_step: Instant::now(),
        zoom_pending: true,
    });
    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
}

/// Leaves presentation mode.
pub fn leave(app: &mut App, ctx: &egui::Context) {
    app.presentation = None;
    app.timeline.request_focus_selected();
    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
}

fn step(p: &mut Presentation, dir: i32) {
    let n = p.steps.len() as i64;
    let new = (p.pos as i64 + dir as i64).clamp(0, n - 1) as usize;
    if new != p.pos {
        p.pos = new;
        p.zoom_pending = true;
    }
    p.last_step = Instant::now();
}

/// Draws a presentation step (and handles its keys).
pub fn presentation_ui(app: &mut App, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    ctx.set_theme(egui::Theme::Dark);
    let next = ctx.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::ArrowRight)
            | i.consume_key(Modifiers::NONE, Key::PageDown)
            | i.consume_key(Modifiers::NONE, Key::Space)
    });
    let prev = ctx.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::ArrowLeft) | i.consume_key(Modifiers::NONE, Key::PageUp)
    });
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        leave(app, &ctx);
        return;
    }
    let Some((out, ix)) = app.model().map(|(o, i)| (o.clone(), i.clone())) else { return };
    let m = &out.extraction;
    let Some(p) = app.presentation.as_mut() else { return };
    if next {
        step(p, 1);
    }
    if prev {
        step(p, -1);
    }
    if p.auto_advance {
        if p.last_step.elapsed() >= p.interval {
            if p.pos + 1 < p.steps.len() {
                step(p, 1);
            } else {
                p.auto_advance = false;
            }
        }
        ctx.request_repaint_after(Duration::from_millis(200));
    }
    let Some(&ei) = p.steps.get(p.pos).and_then(|id| ix.event_by_id.get(id)) else {
        leave(app, &ctx);
        return;
    };
    let e = &m.events[ei];
    if p.zoom_pending {
        p.zoom_pending = false;
        if let Some(s) = e.start {
            let end = e.end.unwrap_or(s);
            let (a, b) = (day_x(s), day_x(end) + 1.0);
            let w = ((b - a) * 6.0).max(60.0);
            app.timeline.zoom_to = Some(((a + b) / 2.0 - w / 2.0, (a + b) / 2.0 + w / 2.0));
        }
        app.selected = Some(Selected::Event(e.id.clone()));
    }
    let (pos, total) = (p.pos, p.steps.len());
    let mut auto = p.auto_advance;
    let frame = egui::Frame::new().fill(th::BACKGROUND).inner_margin(egui::Margin::same(36));
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{} / {}", pos + 1, total)).size(th::SMALL_SIZE).color(th::SECONDARY),
            );
            ui.add_space(20.0);
            ui.checkbox(&mut auto, RichText::new("auto-advance").size(th::SMALL_SIZE).color(th::SECONDARY));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(RichText::new("Leave (Esc)").size(th::SMALL_SIZE)).clicked() {
                    app.presentation = None;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                }
                ui.label(RichText::new("← → to step").size(th::SMALL_SIZE).color(th::SECONDARY));
            });
        });
        ui.add_space(16.0);
        ui.label(RichText::new(event_date_label(e)).size(th::DATE_SIZE).color(th::DATE).strong());
        ui.label(RichText::new(&e.title).size(th::TITLE_SIZE).color(th::TEXT).strong());
        ui.add_space(12.0);
        let tl_h = (ui.available_height() * 0.32).clamp(160.0, 320.0);
        ui.allocate_ui(egui::vec2(ui.available_width(), tl_h), |ui| timeline_panel::timeline_ui(app, ui));
        ui.add_space(16.0);
        let best = e.quotes.iter().filter_map(|q| ix.quote_by_id.get(q)).map(|&q| &m.quotes[q]).next();
        if let Some(q) = best {
            ui.label(
                RichText::new(format!("“{}”", q.text.trim())).size(th::QUOTE_SIZE).color(th::QUOTE).italics(),
            );
            let mut who = q.speaker.clone().unwrap_or_else(|| "unknown speaker".into());
            if let Some(r) = &q.speaker_role {
                who.push_str(&format!(", {r}"));
            }
            ui.label(RichText::new(format!("— {who}")).size(th::SMALL_SIZE + 4.0).color(th::TEXT));
        } else if let Some(ev) = e.evidence.first() {
            ui.label(RichText::new(ev.text.trim()).size(th::QUOTE_SIZE - 4.0).color(th::QUOTE));
        }
        ui.add_space(12.0);
        let outlets = ix.event_outlets[ei].join(" · ");
        if !outlets.is_empty() {
            ui.label(
                RichText::new(format!("Reported by {outlets}")).size(th::SMALL_SIZE).color(th::SECONDARY),
            );
        }
    });
    if let Some(p) = app.presentation.as_mut() {
        if auto && !p.auto_advance {
            p.last_step = Instant::now();
        }
        p.auto_advance = auto;
    }
}
