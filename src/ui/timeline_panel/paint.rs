//! Painting the lanes over the plot: markers sized by corroboration, bars for ranges,
//! soft spans for uncertain dates, conflict rings, stars, decluttered labels, and
//! aggregation into clusters when too many items are on screen.

use egui::{Align2, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, pos2, vec2};
use egui_plot::PlotTransform;

use super::lanes::{Item, Lanes};
use crate::model::Extraction;
use crate::ui::sources_panel::event_date_label;
use crate::ui::theme::Palette;
use crate::ui::view_model::ModelIndex;

/// Past this many items on screen, items are aggregated into clusters.
pub const AGGREGATE_ABOVE: usize = 1500;
/// Most labels tried per frame (the rest are decluttered away).
const MAX_LABELS: usize = 400;
/// Width in pixels of one aggregation column.
const CLUSTER_PX: f32 = 14.0;

/// What the pointer is over.
#[derive(Clone, Copy, Debug)]
pub enum Hit {
    /// One item.
    Item(Item),
    /// A cluster of `count` items between two days.
    Cluster {
        /// Items in it.
        count: usize,
        /// First day.
        x0: f64,
        /// Last day.
        x1: f64,
    },
}

fn radius(weight: u16) -> f32 {
    (4.0 + 2.5 * ((weight.max(1) - 1) as f32).sqrt() * 1.6).min(14.0)
}

/// Paints all lanes; returns what `pointer` is over.
#[allow(clippy::too_many_arguments)]
pub fn paint_lanes(
    painter: &Painter,
    t: &PlotTransform,
    lanes: &Lanes,
    m: &Extraction,
    ix: &ModelIndex,
    pal: &Palette,
    selected: Option<usize>,
    pointer: Option<Pos2>,
) -> Option<Hit> {
    let frame = *t.frame();
    let b = t.bounds();
    let (lo, hi) = (b.min()[0], b.max()[0]);
    let lane_y = |lane: u16| t.position_from_point_y(lanes.center(lane));
    let lane_h = |lane: u16| {
        let (lo, hi) = lanes.band(lane);
        (t.position_from_point_y(lo) - t.position_from_point_y(hi)).abs()
    };
    // Lane stripes and names.
    for (i, name) in lanes.names.iter().enumerate() {
        let (lo, hi) = lanes.band(i as u16);
        let (top, bottom) = (t.position_from_point_y(hi), t.position_from_point_y(lo));
        if i % 2 == 1 {
            painter.rect_filled(
                Rect::from_x_y_ranges(frame.x_range(), top.min(bottom)..=top.max(bottom)),
                0.0,
                pal.lane_stripe,
            );
        }
        painter.text(
            pos2(frame.left() + 6.0, top.min(bottom) + 3.0),
            Align2::LEFT_TOP,
            name,
            FontId::proportional(12.0),
            pal.lane_label,
        );
    }
    // Visible window by binary search (items may start before `lo` and reach into view).
    let first = lanes.items.partition_point(|it| it.x0 < lo - lanes.max_len);
    let last = lanes.items.partition_point(|it| it.x0 <= hi);
    let window = &lanes.items[first..last.max(first)];
    let visible = window.iter().filter(|it| it.x1 >= lo).count();
    if visible > AGGREGATE_ABOVE {
        return paint_clusters(painter, t, window, lanes.names.len(), pal, pointer, lane_y);
    }
    let mut hit: Option<(f32, Item)> = None;
    let mut label_slots: Vec<Rect> = Vec::new();
    let mut selected_at: Option<(Pos2, f32)> = None;
    // Soft spans first, so that precise markers stay on top of them.
    let soft_first = window
        .iter()
        .filter(|it| it.x1 >= lo && it.soft)
        .chain(window.iter().filter(|it| it.x1 >= lo && !it.soft));
    for it in soft_first {
        let y = lane_y(it.lane);
        let xa = t.position_from_point_x(it.x0);
        let xb = t.position_from_point_x(it.x1);
        let colour = if it.article {
            pal.article
        } else if it.statement {
            pal.statement
        } else {
            pal.event
        };
        let r = radius(it.weight);
        let centre = if it.soft || it.range { pos2((xa + xb) / 2.0, y) } else { pos2(xa, y) };
        if it.soft {
            // Visibly uncertain: a translucent span over the whole period with a hollow marker.
            let span = Rect::from_x_y_ranges(xa..=xb.max(xa + 2.0), (y - 8.0)..=(y + 8.0));
            painter.rect_filled(span, 6.0, pal.uncertain);
            painter.rect_stroke(span, 6.0, Stroke::new(1.0, colour.gamma_multiply(0.6)), StrokeKind::Inside);
            painter.circle_stroke(centre, r, Stroke::new(2.0, colour));
        } else if it.range {
            let bar = Rect::from_x_y_ranges(xa..=xb.max(xa + 3.0), (y - 5.0)..=(y + 5.0));
            painter.rect_filled(bar, 3.0, colour);
        } else {
            painter.circle_filled(centre, r, colour);
        }
        if it.conflict {
            painter.circle_stroke(centre, r + 3.0, Stroke::new(2.0, pal.conflict));
        }
        if it.starred {
            painter.text(
                centre - vec2(0.0, r + 2.0),
                Align2::CENTER_BOTTOM,
                "★",
                FontId::proportional(14.0),
                pal.star,
            );
        }
        if selected == Some(it.idx as usize) {
            selected_at = Some((centre, r));
        }
        if let Some(p) = pointer {
            let d = if it.soft || it.range {
                if p.x >= xa - 4.0 && p.x <= xb + 4.0 && (p.y - y).abs() <= 12.0 {
                    0.0
                } else {
                    f32::INFINITY
                }
            } else {
                p.distance(centre) - r
            };
            if d <= 6.0 && hit.is_none_or(|(hd, _)| d < hd) {
                hit = Some((d, *it));
            }
        }
    }
    // Labels: most corroborated and starred first; skip any that would collide.
    let mut order: Vec<&Item> = window.iter().filter(|it| it.x1 >= lo).collect();
    order.sort_by_key(|it| {
        (
            std::cmp::Reverse(selected == Some(it.idx as usize)),
            std::cmp::Reverse(it.starred),
            std::cmp::Reverse(it.weight),
        )
    });
    let font = FontId::proportional(12.5);
    for it in order.into_iter().take(MAX_LABELS) {
        let text = label_text(it, m);
        let y = lane_y(it.lane);
        let xa = t.position_from_point_x(it.x0);
        let xb = t.position_from_point_x(it.x1);
        let x = if it.soft || it.range { (xa + xb) / 2.0 } else { xa };
        let r = radius(it.weight);
        let galley = painter.layout_no_wrap(text, font.clone(), pal.label);
        let size = galley.size();
        // Beside the marker first, then stacked tiers above and below (with a leader line).
        let mut candidates = vec![(pos2(x + r + 4.0, y - size.y / 2.0), false)];
        let step = size.y + 6.0;
        for k in 0..6 {
            let up = y - r - 6.0 - size.y - k as f32 * step;
            let down = y + r + 6.0 + k as f32 * step;
            if y - up > lane_h(it.lane) / 2.0 - 2.0 {
                break;
            }
            candidates.push((pos2(x - 6.0, up), true));
            candidates.push((pos2(x - 6.0, down), true));
        }
        for (c, leader) in candidates {
            let rect = Rect::from_min_size(c, size).expand(2.0);
            let inside = rect.left() >= frame.left()
                && rect.right() <= frame.right()
                && rect.top() >= frame.top()
                && rect.bottom() <= frame.bottom();
            if inside && !label_slots.iter().any(|s| s.intersects(rect)) {
                if leader {
                    let end = if rect.center().y < y { rect.left_bottom() } else { rect.left_top() };
                    painter.line_segment(
                        [pos2(x, y), pos2(x, end.y)],
                        Stroke::new(1.0, pal.lane_label.gamma_multiply(0.5)),
                    );
                }
                painter.rect_filled(rect, 3.0, pal.background.gamma_multiply(0.85));
                painter.galley(c, galley, pal.label);
                label_slots.push(rect);
                break;
            }
        }
    }
    if let Some((c, r)) = selected_at {
        painter.circle_stroke(c, r + 5.0, Stroke::new(2.5, pal.selection));
    }
    let _ = ix;
    hit.map(|(_, it)| Hit::Item(it))
}

fn label_text(it: &Item, m: &Extraction) -> String {
    let raw = if it.article {
        let a = &m.articles[it.idx as usize];
        a.title.clone().unwrap_or_else(|| a.path.clone())
    } else {
        m.events[it.idx as usize].title.clone()
    };
    truncate(&raw, 42)
}

/// Shortens `s` to at most `n` characters with an ellipsis.
pub fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n - 1).collect();
    out.push('…');
    out
}

/// Clusters: counts per lane per column (memory bounded by screen width, not corpus size).
fn paint_clusters(
    painter: &Painter,
    t: &PlotTransform,
    window: &[Item],
    n_lanes: usize,
    pal: &Palette,
    pointer: Option<Pos2>,
    lane_y: impl Fn(u16) -> f32,
) -> Option<Hit> {
    let frame = *t.frame();
    let cols = ((frame.width() / CLUSTER_PX).ceil() as usize).max(1);
    let n_lanes = n_lanes.max(1);
    let mut cells = vec![(0usize, f64::INFINITY, f64::NEG_INFINITY); cols * n_lanes];
    for it in window {
        let px = t.position_from_point_x(it.x0.max(t.bounds().min()[0]));
        let c = (((px - frame.left()) / CLUSTER_PX).floor().max(0.0) as usize).min(cols - 1);
        let cell = &mut cells[(it.lane as usize).min(n_lanes - 1) * cols + c];
        cell.0 += 1;
        cell.1 = cell.1.min(it.x0);
        cell.2 = cell.2.max(it.x1);
    }
    let max = cells.iter().map(|c| c.0).max().unwrap_or(1).max(1) as f32;
    let mut hit = None;
    for (k, &(n, x0, x1)) in cells.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let lane = (k / cols) as u16;
        let c = k % cols;
        let centre = pos2(frame.left() + (c as f32 + 0.5) * CLUSTER_PX, lane_y(lane));
        let r = 2.5 + (CLUSTER_PX / 2.0 - 2.5) * (n as f32 / max).sqrt();
        painter.circle_filled(centre, r, pal.cluster);
        if let Some(p) = pointer
            && p.distance(centre) <= CLUSTER_PX / 2.0
        {
            hit = Some(Hit::Cluster { count: n, x0, x1 });
        }
    }
    painter.text(
        frame.right_top() + vec2(-8.0, 6.0),
        Align2::RIGHT_TOP,
        format!("{} items: aggregated, zoom in for detail", window.len()),
        FontId::proportional(12.0),
        pal.weak_text,
    );
    hit
}

/// Hover card for one item: title, date with precision, outlets.
pub fn item_tooltip(ui: &mut egui::Ui, it: &Item, m: &Extraction, ix: &ModelIndex) {
    let i = it.idx as usize;
    if it.article {
        let a = &m.articles[i];
        ui.strong(a.title.as_deref().unwrap_or(&a.path));
        ui.label(format!("published {}", a.published.map(|d| d.to_string()).unwrap_or_default()));
        ui.weak(a.source.as_deref().unwrap_or("unknown outlet"));
        return;
    }
    let e = &m.events[i];
    ui.strong(&e.title);
    let prec = e.precision.map(|p| format!("{p:?}").to_lowercase()).unwrap_or_default();
    ui.label(format!("{} · {prec} precision", event_date_label(e)));
    if it.soft {
        ui.colored_label(
            Palette::of(ui.visuals().dark_mode).status_suspect,
            "date uncertain (coarse or low confidence)",
        );
    }
    if let Some(f) = e.first_reported {
        ui.weak(format!("first reported {f}"));
    }
    ui.label(format!("{} outlet(s): {}", ix.event_outlets[i].len(), ix.event_outlets[i].join(", ")));
    if !e.conflicts.is_empty() {
        ui.weak("≠ sources disagree");
    }
}
