//! The article reader: the article text as read, with the cited span highlighted and
//! scrolled into view.

use egui::text::{LayoutJob, TextFormat};

use super::app::App;
use super::sources_panel::{status_reason, status_style};
use super::theme::Palette;
use crate::model::floor_char_boundary;

/// Draws the reader for `app.reader` (does nothing when it is closed).
pub fn reader_ui(app: &mut App, ui: &mut egui::Ui) {
    let Some(target) = app.reader.clone() else { return };
    let Some((out, ix)) = app.model().map(|(o, i)| (o.clone(), i.clone())) else { return };
    let Some(a) = ix.article(&out.extraction, &target.article) else {
        ui.weak(format!("Article {} is not loaded.", target.article));
        return;
    };
    let pal = Palette::of(ui.visuals().dark_mode);
    ui.horizontal(|ui| {
        ui.heading(a.title.as_deref().unwrap_or(&a.path));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("✕ Close reader").clicked() {
                app.reader = None;
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(a.source.as_deref().unwrap_or("unknown outlet"));
        if let Some(b) = &a.byline {
            ui.weak(format!("· By {b}"));
        }
        let (c, word) = status_style(&pal, a.published_status);
        let date = a.published.map(|d| d.to_string()).unwrap_or_else(|| "no date".into());
        ui.colored_label(c, format!("· {date} ({word})")).on_hover_text(status_reason(a));
        ui.weak(format!("· {}", a.path));
    });
    ui.separator();
    let text: &str = &a.text;
    let span = target.span.map(|(s, e)| {
        let e = floor_char_boundary(text, e.min(text.len()));
        (floor_char_boundary(text, s.min(e)), e)
    });
    let font = egui::TextStyle::Body.resolve(ui.style());
    let normal = TextFormat { font_id: font.clone(), color: ui.visuals().text_color(), ..Default::default() };
    let marked =
        TextFormat { background: pal.highlight, color: ui.visuals().strong_text_color(), ..normal.clone() };
    let mut job = LayoutJob::default();
    match span {
        Some((s, e)) if e > s => {
            job.append(&text[..s], 0.0, normal.clone());
            job.append(&text[s..e], 0.0, marked);
            job.append(&text[e..], 0.0, normal);
        }
        _ => job.append(text, 0.0, normal),
    }
    egui::ScrollArea::vertical().id_salt(("reader", &target.article)).auto_shrink(false).show(ui, |ui| {
        job.wrap.max_width = ui.available_width() - 8.0;
        let galley = ui.painter().layout_job(job);
        let (rect, resp) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, "article text"));
        if let (Some((s, _)), true) = (span, target.scroll_pending) {
            let char_index = text[..s].chars().count();
            let at =
                galley.pos_from_cursor(egui::text::CCursor::new(char_index)).translate(rect.min.to_vec2());
            ui.scroll_to_rect(at.expand(40.0), Some(egui::Align::Center));
        }
        ui.painter().galley(rect.min, galley, ui.visuals().text_color());
    });
    if target.scroll_pending
        && let Some(r) = &mut app.reader
    {
        r.scroll_pending = false;
    }
}
