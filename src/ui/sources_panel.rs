//! The left lists: events (in date order, filtered) and sources (articles with their date
//! status, duplicates grouped under their original, skipped files with reasons).

use std::sync::Arc;

use super::app::{App, ReaderTarget, Selected};
use super::theme::Palette;
use super::view_model::ModelIndex;
use crate::model::{Article, DateStatus, Event, Precision};
use crate::pipeline::Output;

const ROW_H: f32 = 20.0;

/// A short human form of an event's date at its precision (`18 Jun 2024`, `Jun 2024`, `2024`).
pub fn event_date_label(e: &Event) -> String {
    let Some(s) = e.start else { return if e.date.is_empty() { "undated".into() } else { e.date.clone() } };
    match e.precision.unwrap_or(Precision::Day) {
        Precision::Day => s.format("%-d %b %Y").to_string(),
        Precision::Week => format!("week of {}", s.format("%-d %b %Y")),
        Precision::Month => s.format("%b %Y").to_string(),
        Precision::Quarter => format!("{} (quarter)", s.format("%b %Y")),
        Precision::Year => s.format("%Y").to_string(),
        Precision::Decade => format!("{}s", s.format("%Y")),
        Precision::Century => format!("{} (century)", s.format("%Y")),
    }
}

/// The events list (virtualised: only visible rows are laid out).
pub fn events_list_ui(app: &mut App, ui: &mut egui::Ui, out: &Arc<Output>, ix: &Arc<ModelIndex>) {
    let m = &out.extraction;
    if m.events.is_empty() {
        ui.weak("No events extracted yet: the timeline shows articles by publication date.");
        ui.add_space(4.0);
        sources_ui(app, ui, out, ix);
        return;
    }
    let selected = match &app.selected {
        Some(Selected::Event(id)) => ix.event_by_id.get(id).copied(),
        _ => None,
    };
    // Borrowed out of `app` for the frame (no copy proportional to the corpus).
    let visible = std::mem::take(&mut app.visible);
    let as_of = app.filters.known_as_of.is_some();
    egui::ScrollArea::vertical().id_salt("events-list").auto_shrink(false).show_rows(
        ui,
        ROW_H,
        visible.len(),
        |ui, rows| {
            for &i in &visible[rows] {
                let e = &m.events[i];
                let n = ix.event_outlets[i].len();
                let star = if e.starred { "★ " } else { "" };
                let conflict = if e.conflicts.is_empty() { "" } else { " ≠" };
                let reported = match (as_of, e.first_reported) {
                    (true, Some(f)) => format!(" (reported {f})"),
                    _ => String::new(),
                };
                let text = egui::RichText::new(format!(
                    "{star}{}{reported}  {}{conflict}",
                    event_date_label(e),
                    e.title
                ));
                let text = if e.hidden { text.weak().strikethrough() } else { text };
                let resp = ui
                    .push_id(&e.id, |ui| {
                        ui.add(egui::Button::selectable(selected == Some(i), text).truncate())
                    })
                    .inner
                    .on_hover_text(format!("{} · {n} outlet(s) · {}", e.title, e.date));
                if resp.clicked() {
                    app.selected = Some(Selected::Event(e.id.clone()));
                    app.timeline.request_focus_selected();
                }
                if let Some(into) = selected.and_then(|s| m.events.get(s)).filter(|s| s.id != e.id) {
                    resp.context_menu(|ui| {
                        let label = format!("Merge into “{}”", super::edit_actions::short(&into.title, 40));
                        if ui
                            .button(label)
                            .on_hover_text("The same happening: merge this event into the selected one")
                            .clicked()
                        {
                            let ctx = ui.ctx().clone();
                            super::edit_actions::merge_events(app, Some(&ctx), m, &e.id, &into.id);
                            ui.close();
                        }
                    });
                }
            }
        },
    );
    app.visible = visible;
}

/// Colour and word for an article's date status.
pub fn status_style(pal: &Palette, s: DateStatus) -> (egui::Color32, &'static str) {
    match s {
        DateStatus::Stated => (pal.status_stated, "stated"),
        DateStatus::Inferred => (pal.status_inferred, "inferred"),
        DateStatus::Suspect => (pal.status_suspect, "suspect"),
        DateStatus::Missing => (pal.status_missing, "missing"),
        DateStatus::Edited => (pal.status_inferred, "edited"),
    }
}

/// Why an article's date has its status, for the hover text.
pub fn status_reason(a: &Article) -> String {
    let mut s = match a.published_status {
        DateStatus::Stated => {
            format!("Stated in the article: {}", a.published_evidence.as_deref().unwrap_or("(header)"))
        }
        DateStatus::Inferred => "Not stated; inferred from the corpus.".to_string(),
        DateStatus::Suspect => "Stated, but the corpus contradicts it.".to_string(),
        DateStatus::Missing => "No publication date found; relative dates stay unresolved.".to_string(),
        DateStatus::Edited => "Set by you (edit).".to_string(),
    };
    if let Some(r) = &a.published_reason {
        s.push('\n');
        s.push_str(r);
    }
    if let Some(d) = a.suggested_published {
        s.push_str(&format!("\nThe corpus suggests {d}."));
    }
    if let (Some(st), Some(p)) = (a.stated_published, a.published)
        && st != p
    {
        s.push_str(&format!("\nThe header said {st}."));
    }
    s
}

/// The sources list: one row per article (title, outlet, date + status), duplicates
/// indented under their original, then the skipped files with reasons.
pub fn sources_ui(app: &mut App, ui: &mut egui::Ui, out: &Arc<Output>, ix: &Arc<ModelIndex>) {
    let m = &out.extraction;
    let pal = Palette::of(ui.visuals().dark_mode);
    let selected_article = match &app.selected {
        Some(Selected::Article(id)) => Some(id.clone()),
        _ => app.reader.as_ref().map(|r| r.article.clone()),
    };
    let rows = &ix.source_rows;
    let n_rows = rows.len() + if m.skipped.is_empty() { 0 } else { 1 + m.skipped.len() };
    egui::ScrollArea::vertical().id_salt("sources-list").auto_shrink(false).show_rows(
        ui,
        38.0,
        n_rows,
        |ui, range| {
            for r in range {
                if let Some(&(ai, dup)) = rows.get(r) {
                    let a = &m.articles[ai];
                    ui.push_id(&a.id, |ui| {
                        article_row(app, ui, a, dup, selected_article.as_deref() == Some(&a.id), &pal)
                    });
                } else if r == rows.len() {
                    ui.add_sized(
                        [ui.available_width(), 34.0],
                        egui::Label::new(
                            egui::RichText::new(format!("Skipped files ({})", m.skipped.len())).strong(),
                        ),
                    );
                } else if let Some(s) = m.skipped.get(r - rows.len() - 1) {
                    ui.add_sized(
                        [ui.available_width(), 34.0],
                        egui::Label::new(
                            egui::RichText::new(format!("{} — {}", s.path, s.reason)).color(pal.weak_text),
                        )
                        .truncate(),
                    )
                    .on_hover_text(format!("{}\n{}", s.path, s.reason));
                }
            }
        },
    );
}

fn article_row(app: &mut App, ui: &mut egui::Ui, a: &Article, dup: bool, selected: bool, pal: &Palette) {
    let title = a.title.clone().unwrap_or_else(|| a.path.clone());
    ui.horizontal(|ui| {
        if dup {
            ui.add_space(16.0);
            ui.weak("↳").on_hover_text("Duplicate of the article above (folded when counting outlets)");
        }
        ui.vertical(|ui| {
            let resp =
                ui.add(egui::Button::selectable(selected, egui::RichText::new(&title).strong()).truncate());
            if resp.clicked() {
                app.selected = Some(Selected::Article(a.id.clone()));
                app.reader = Some(ReaderTarget { article: a.id.clone(), span: None, scroll_pending: true });
                app.timeline.request_focus_selected();
            }
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 6.0;
                ui.weak(a.source.as_deref().unwrap_or("unknown outlet"));
                let (c, word) = status_style(pal, a.published_status);
                let date = a.published.map(|d| d.to_string()).unwrap_or_else(|| "no date".into());
                ui.label(egui::RichText::new(format!("{date} ({word})")).color(c).small())
                    .on_hover_text(status_reason(a));
            });
        });
    });
}
