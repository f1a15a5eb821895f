//! The timeline: an egui_plot time axis (adaptive calendar grid, scroll-zoom, drag-pan,
//! right-drag box zoom, double-click fit) with the events painted on top of it by
//! [`paint`], lanes from [`lanes`], and a density strip below that selects a date range.
//!
//! Per frame the cost is bounded by what is on screen: items are sorted by start day and
//! the visible window is found by binary search; past [`paint::AGGREGATE_ABOVE`] visible
//! items they are aggregated into per-pixel-column clusters.

mod axis;
pub(crate) mod lanes;
mod paint;

pub use lanes::{Item, LaneMode, Lanes};

use egui::{Color32, Rect, Sense, Vec2};
use egui_plot::{Plot, PlotBounds};

use super::app::{App, Selected};
use super::theme::Palette;
use super::view_model::{day_x, x_day};

/// View state of the timeline that outlives a frame.
#[derive(Debug, Default)]
pub struct TimelineState {
    fit: Option<bool>,
    focus_selected: bool,
    /// Zoom to this x range on the next frame.
    pub zoom_to: Option<(f64, f64)>,
    lanes: Option<Lanes>,
    density_drag: Option<f64>,
    /// Visible x range after the last frame.
    pub view: Option<(f64, f64)>,
}

impl TimelineState {
    /// Fit everything on the next frame.
    pub fn request_fit(&mut self) {
        self.fit = Some(true);
    }
    /// Fit the densest part of the timeline (see `view_model::FOCUS_SHARE`) on the next frame (the first view of a folder).
    pub fn request_focus_fit(&mut self) {
        self.fit = Some(false);
    }
    /// Pan to the selection on the next frame (if it is off screen).
    pub fn request_focus_selected(&mut self) {
        self.focus_selected = true;
    }
    /// The filters or lanes changed: rebuild lanes on the next frame.
    pub fn invalidate(&mut self) {
        self.lanes = None;
    }
    /// Uses `lanes`, laid out elsewhere for the current visible list and lane mode.
    pub fn set_lanes(&mut self, lanes: Lanes) {
        self.lanes = Some(lanes);
    }
    /// The current lanes, if built.
    pub fn lanes(&self) -> Option<&Lanes> {
        self.lanes.as_ref()
    }
}

/// The lane-mode selector.
pub fn lane_mode_ui(ui: &mut egui::Ui, mode: &mut LaneMode) {
    egui::ComboBox::new("lane-mode", "Lanes").selected_text(mode.label()).show_ui(ui, |ui| {
        for m in LaneMode::ALL {
            ui.selectable_value(mode, m, m.label());
        }
    });
}

/// Draws the timeline and its density strip into the available space.
pub fn timeline_ui(app: &mut App, ui: &mut egui::Ui) {
    let Some((out, ix)) = app.model().map(|(o, i)| (o.clone(), i.clone())) else {
        // A static label, not a spinner: an animation would redraw the window every frame
        // while the pipeline runs, and with software rendering that takes CPU from it.
        ui.centered_and_justified(|ui| ui.weak("Reading the articles…"));
        return;
    };
    let m = &out.extraction;
    if app.timeline.lanes.is_none() {
        app.timeline.lanes = Some(lanes::build(m, &ix, &app.visible, app.prefs.lanes));
    }
    let Some(lanes) = app.timeline.lanes.take() else { return };
    let pal = Palette::of(ui.visuals().dark_mode);
    let (data_lo, data_hi) = ix.x_range.unwrap_or_else(|| {
        let today = day_x(chrono::Local::now().date_naive());
        (today - 30.0, today + 1.0)
    });
    let pad = ((data_hi - data_lo) * 0.05).max(3.0);
    let y_lo = -lanes.total_height();
    let y_hi = 0.0;

    let selected_idx = selected_index(app, &ix, m.events.is_empty());
    let focus = app
        .timeline
        .focus_selected
        .then(|| selected_idx.and_then(|s| lanes.items.iter().find(|it| it.idx as usize == s)))
        .flatten()
        .copied();
    app.timeline.focus_selected = false;
    let fit = app.timeline.fit.take().map(|all| match (all, ix.x_focus) {
        (false, Some((a, b))) => {
            let p = ((b - a) * 0.08).max(3.0);
            (a - p, b + p)
        }
        _ => (data_lo - pad, data_hi + pad),
    });
    let zoom_to = app.timeline.zoom_to.take();
    let prev_view = app.timeline.view;

    let strip_h = 46.0;
    let plot_h = (ui.available_height() - strip_h - 8.0).max(120.0);
    let plot = Plot::new("timeline")
        .height(plot_h)
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_scroll(false)
        .allow_boxed_zoom(true)
        .allow_double_click_reset(true)
        .show_y(false)
        .show_x(false)
        .show_axes([true, false])
        .show_grid([true, false])
        .include_x(data_lo - pad)
        .include_x(data_hi + pad)
        .include_y(y_lo)
        .include_y(y_hi)
        .x_grid_spacer(axis::calendar_marks)
        .x_axis_formatter(|mark, _| axis::mark_label(mark))
        .grid_color(pal.grid)
        .label_formatter(|_| None);
    let resp = plot.show(ui, |pui| {
        if let Some((lo, hi)) = fit {
            pui.set_plot_bounds(PlotBounds::from_min_max([lo, y_lo], [hi, y_hi]));
        } else if let Some((lo, hi)) = zoom_to {
            pui.set_plot_bounds(PlotBounds::from_min_max([lo, y_lo], [hi, y_hi]));
        } else if let Some(it) = focus {
            let b = pui.plot_bounds();
            let (lo, hi) = (b.min()[0], b.max()[0]);
            if it.x0 < lo || it.x1 > hi {
                let w = (hi - lo).max(it.x1 - it.x0 + 2.0);
                let c = (it.x0 + it.x1) / 2.0;
                pui.set_plot_bounds_x(c - w / 2.0..=c + w / 2.0);
            }
            pui.set_plot_bounds_y(y_lo..=y_hi);
        } else {
            pui.set_plot_bounds_y(y_lo..=y_hi);
        }
        if pui.response().hovered() {
            let dy = pui.ctx().input(|i| i.smooth_scroll_delta.y);
            if dy != 0.0 {
                pui.zoom_bounds_around_hovered(Vec2::new((dy * 0.004).exp(), 1.0));
            }
        }
    });
    let t = resp.transform;
    let frame = *t.frame();
    let b = t.bounds();
    app.timeline.view = Some((b.min()[0], b.max()[0]));
    let _ = prev_view;

    let painter = ui.painter_at(frame);
    let hovered_pos = resp.response.hover_pos();
    let hit = paint::paint_lanes(&painter, &t, &lanes, m, &ix, &pal, selected_idx, hovered_pos);
    if let Some(hit) = &hit {
        let response = resp.response.clone();
        match hit {
            paint::Hit::Item(it) => {
                response.on_hover_ui_at_pointer(|ui| paint::item_tooltip(ui, it, m, &ix));
            }
            paint::Hit::Cluster { count, x0, x1 } => {
                let (a, b) = (x_day(*x0).unwrap_or_default(), x_day(*x1).unwrap_or_default());
                response.on_hover_text_at_pointer(format!("{count} items, {a} – {b}\nClick to zoom in"));
            }
        }
    }
    if resp.response.clicked() {
        match hit {
            Some(paint::Hit::Item(it)) => {
                if it.article {
                    let id = m.articles[it.idx as usize].id.clone();
                    app.selected = Some(Selected::Article(id));
                } else {
                    app.selected = Some(Selected::Event(m.events[it.idx as usize].id.clone()));
                }
            }
            Some(paint::Hit::Cluster { x0, x1, .. }) => {
                let w = (x1 - x0).max(4.0);
                app.timeline.zoom_to = Some((x0 - w, x1 + w));
            }
            None => {}
        }
    }
    if lanes.items.is_empty() {
        painter.text(
            frame.center(),
            egui::Align2::CENTER_CENTER,
            if app.filters.is_active() { "Nothing matches the filters" } else { "Nothing dated to show yet" },
            egui::FontId::proportional(16.0),
            pal.weak_text,
        );
    }
    density_strip(app, ui, &lanes, frame, (data_lo - pad, data_hi + pad), &pal);
    app.timeline.lanes = Some(lanes);
}

fn selected_index(app: &App, ix: &super::view_model::ModelIndex, articles: bool) -> Option<usize> {
    match &app.selected {
        Some(Selected::Event(id)) if !articles => ix.event_by_id.get(id).copied(),
        Some(Selected::Article(id)) if articles => ix.article_by_id.get(id).copied(),
        _ => None,
    }
}

/// The density strip: a histogram over the whole data range, the current view outlined;
/// dragging selects a date range (filter + zoom), a click clears it.
fn density_strip(
    app: &mut App,
    ui: &mut egui::Ui,
    lanes: &Lanes,
    plot_frame: Rect,
    (lo, hi): (f64, f64),
    pal: &Palette,
) {
    let (outer, resp) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 42.0), Sense::click_and_drag());
    let rect = Rect::from_min_max(
        egui::pos2(plot_frame.left(), outer.top()),
        egui::pos2(plot_frame.right(), outer.bottom()),
    );
    let painter = ui.painter_at(outer);
    painter.rect_filled(rect, 2.0, pal.lane_stripe);
    let width = rect.width().max(1.0);
    let to_x = |v: f64| rect.left() + ((v - lo) / (hi - lo)) as f32 * width;
    let from_x = |px: f32| lo + ((px - rect.left()) / width) as f64 * (hi - lo);
    let cols = (width / 3.0).floor().max(1.0) as usize;
    let step = (hi - lo) / cols as f64;
    let mut max = 1usize;
    let mut counts = [0usize; 1024];
    let cols = cols.min(counts.len());
    for (c, slot) in counts.iter_mut().enumerate().take(cols) {
        let a = lo + step * c as f64;
        let n = lanes.starts.partition_point(|&x| x < a + step) - lanes.starts.partition_point(|&x| x < a);
        *slot = n;
        max = max.max(n);
    }
    let col_w = width / cols as f32;
    for (c, &n) in counts.iter().enumerate().take(cols) {
        if n == 0 {
            continue;
        }
        let h = ((n as f32).sqrt() / (max as f32).sqrt()) * (rect.height() - 4.0);
        let x = rect.left() + c as f32 * col_w;
        painter.rect_filled(
            Rect::from_min_max(
                egui::pos2(x, rect.bottom() - h),
                egui::pos2(x + col_w.max(1.0), rect.bottom()),
            ),
            0.0,
            pal.density,
        );
    }
    if let Some((a, b)) = app.filters.date_range {
        let r = Rect::from_x_y_ranges(to_x(day_x(a))..=to_x(day_x(b) + 1.0), rect.y_range());
        painter.rect_filled(r, 0.0, pal.density_selection);
    }
    if let Some((a, b)) = app.timeline.view {
        let r = Rect::from_x_y_ranges(to_x(a).max(rect.left())..=to_x(b).min(rect.right()), rect.y_range());
        painter.rect_stroke(r, 2.0, egui::Stroke::new(1.5, pal.selection), egui::StrokeKind::Inside);
    }
    if resp.drag_started() {
        app.timeline.density_drag = resp.interact_pointer_pos().map(|p| from_x(p.x));
    }
    if let (Some(start), Some(p)) = (app.timeline.density_drag, resp.interact_pointer_pos()) {
        let (a, b) = (start.min(from_x(p.x)), start.max(from_x(p.x)));
        painter.rect_filled(
            Rect::from_x_y_ranges(to_x(a)..=to_x(b), rect.y_range()),
            0.0,
            pal.density_selection,
        );
        if resp.drag_stopped() {
            app.timeline.density_drag = None;
            if let (Some(da), Some(db)) = (x_day(a), x_day(b))
                && db > da
            {
                app.filters.date_range = Some((da, db));
                app.timeline.zoom_to = Some((a - 1.0, b + 1.0));
            }
        }
    } else if resp.drag_stopped() {
        app.timeline.density_drag = None;
    }
    if resp.clicked() {
        app.filters.date_range = None;
    }
    let _ =
        resp.on_hover_text("Density of events over the whole range. Drag to select dates; click to clear.");
    let _: Color32 = pal.density;
}
