//! The detail panel: everything behind one event (or one article), each piece of evidence
//! one click from the reader. Edits (star, hide, retitle, set a date) are sent from here.

use std::sync::Arc;

use super::app::{App, ReaderTarget, Selected};
use super::edit_actions;
use super::edit_forms::{self, FormKind};
use super::entity_panel;
use super::merge_picker::MergeKind;
use super::sources_panel::{event_date_label, status_reason, status_style};
use super::theme::Palette;
use super::view_model::ModelIndex;
use crate::edits::Edit;
use crate::model::{Event, Evidence, Extraction, Quote};
use crate::pipeline::Output;

/// Draws the detail of the selection.
pub fn detail_ui(app: &mut App, ui: &mut egui::Ui) {
    let Some((out, ix)) = app.model().map(|(o, i)| (o.clone(), i.clone())) else {
        ui.weak("Loading…");
        return;
    };
    // a merge picker belongs to the selection it was opened on
    let selected_id = match &app.selected {
        Some(Selected::Event(id) | Selected::Entity(id)) => Some(id.as_str()),
        _ => None,
    };
    if app.edits_ui.merge.as_ref().is_some_and(|p| Some(p.target.as_str()) != selected_id) {
        app.edits_ui.merge = None;
    }
    egui::ScrollArea::vertical().id_salt("detail").auto_shrink(false).show(ui, |ui| {
        match app.selected.clone() {
            Some(Selected::Event(id)) => match ix.event_by_id.get(&id) {
                Some(&i) => event_detail(app, ui, &out, &ix, i),
                None => {
                    ui.weak("This event is no longer in the timeline (the data changed).");
                }
            },
            Some(Selected::Article(id)) => match ix.article_by_id.get(&id) {
                Some(&i) => article_detail(app, ui, &out, i),
                None => {
                    ui.weak("This article is no longer loaded.");
                }
            },
            Some(Selected::Entity(id)) => match ix.entity_by_id.get(&id) {
                Some(&i) => entity_panel::entity_detail(app, ui, &out, &ix, i),
                None => {
                    ui.weak("This entity is no longer in the data (merged into another, or the data changed).");
                }
            },
            None => {
                ui.heading("Nothing selected");
                ui.label("Click an event on the timeline or in the list (← / → step through them).");
                ui.add_space(8.0);
                ui.weak("Scroll to zoom · drag to pan · right-drag to box-zoom · double-click or F to fit.");
            }
        }
    });
}

fn open_reader(app: &mut App, article: &str, start: usize, end: usize) {
    app.reader =
        Some(ReaderTarget { article: article.to_string(), span: Some((start, end)), scroll_pending: true });
}

/// A clickable piece of evidence: opens the reader at it. With `split_from` (the event it is
/// a report of, when that event has several), a "Split out" button makes it an event of its own.
fn evidence_link(
    app: &mut App,
    ui: &mut egui::Ui,
    m: &Extraction,
    ix: &ModelIndex,
    ev: &Evidence,
    salt: usize,
    split_from: Option<&str>,
) {
    let outlet =
        ix.article(m, &ev.article).and_then(|a| a.source.clone()).unwrap_or_else(|| ev.article.clone());
    ui.push_id(("evidence", &ev.article, ev.start, salt), |ui| {
        let resp = ui
            .add(egui::Button::new(egui::RichText::new(format!("“{}”", ev.text.trim()))).wrap().frame(false));
        if resp.on_hover_text(format!("Open {} at this sentence", ev.article)).clicked() {
            open_reader(app, &ev.article, ev.start, ev.end);
        }
        ui.horizontal(|ui| {
            // the button first, so it sits in the same place under every report
            if let Some(event) = split_from
                && ui
                    .small_button("Split out")
                    .on_hover_text("This report is about something else: make it an event of its own")
                    .clicked()
            {
                let ctx = ui.ctx().clone();
                edit_actions::split_mention(app, Some(&ctx), m, event, ev);
            }
            ui.add(egui::Label::new(egui::RichText::new(format!("— {outlet}")).weak()).truncate());
        });
    });
}

/// Citation for a quote: `“text” — Speaker (role), Outlet, date. path`.
pub fn quote_citation(q: &Quote, m: &Extraction, ix: &ModelIndex) -> String {
    let a = ix.article(m, &q.article);
    let speaker = q.speaker.clone().unwrap_or_else(|| "unknown speaker".into());
    let role = q.speaker_role.as_ref().map(|r| format!(" ({r})")).unwrap_or_default();
    let outlet = a.and_then(|a| a.source.clone()).unwrap_or_default();
    let date = a.and_then(|a| a.published).map(|d| d.to_string()).unwrap_or_default();
    let title = a.and_then(|a| a.title.clone()).unwrap_or_default();
    let url = a.and_then(|a| a.url.clone()).or_else(|| a.map(|a| a.path.clone())).unwrap_or_default();
    format!("“{}” — {speaker}{role}. {outlet}, “{title}”, {date}. {url}", q.text.trim())
}

fn quote_block(app: &mut App, ui: &mut egui::Ui, m: &Extraction, ix: &ModelIndex, q: &Quote) {
    ui.push_id(("quote", &q.id), |ui| {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let resp = ui.add(
                egui::Button::new(egui::RichText::new(format!("“{}”", q.text.trim())).italics())
                    .wrap()
                    .frame(false),
            );
            if resp.on_hover_text("Open the article at this quote").clicked() {
                open_reader(app, &q.article, q.start, q.end);
            }
            ui.horizontal_wrapped(|ui| {
                let speaker = q.speaker.clone().unwrap_or_else(|| "unknown speaker".into());
                match q.speaker_entity.as_ref().filter(|id| ix.entity_by_id.contains_key(*id)) {
                    Some(id) => {
                        let b = egui::Button::new(egui::RichText::new(format!("— {speaker}")).strong())
                            .frame(false);
                        if ui
                            .add(b)
                            .on_hover_text("Show this speaker in People (merge, split names)")
                            .clicked()
                        {
                            entity_panel::show_entity(app, id);
                        }
                    }
                    None => {
                        ui.strong(format!("— {speaker}"));
                    }
                }
                if let Some(r) = &q.speaker_role {
                    ui.weak(r);
                }
                if let Some(a) = ix.article(m, &q.article) {
                    ui.weak(format!("· {}", a.source.as_deref().unwrap_or(&a.id)));
                }
                if q.edited.iter().any(|f| f == "speaker") {
                    ui.weak("(speaker set by you)");
                } else if q.confidence > 0.0 && q.confidence < 0.5 {
                    ui.weak("(attribution uncertain)");
                }
                if ui.small_button("Copy").on_hover_text("Copy the quote with its citation").clicked() {
                    ui.ctx().copy_text(quote_citation(q, m, ix));
                    app.notify("Quote copied with citation");
                }
                if ui.small_button("Speaker…").on_hover_text("Correct who said it").clicked() {
                    edit_forms::open(app, FormKind::Speaker, &q.id, q.speaker.as_deref().unwrap_or(""));
                }
            });
            edit_forms::form_ui(app, ui, FormKind::Speaker, &q.id);
        });
    });
}

/// Whether `ev` is where one article's report of an event starts (a mention the extractors
/// found), not the sentence that goes on about it: only reports can be split out. Without
/// per-article analyses (a model built elsewhere) every piece of evidence counts.
pub fn is_report(out: &Output, ix: &ModelIndex, ev: &Evidence) -> bool {
    if out.analyses.is_empty() {
        return true;
    }
    ix.article_by_id
        .get(&ev.article)
        .and_then(|&a| out.analyses.get(a))
        .is_some_and(|an| an.events.iter().any(|m| m.evidence.start == ev.start))
}

fn event_detail(app: &mut App, ui: &mut egui::Ui, out: &Arc<Output>, ix: &Arc<ModelIndex>, i: usize) {
    let m = &out.extraction;
    let e: &Event = &m.events[i];
    let pal = Palette::of(ui.visuals().dark_mode);
    ui.heading(&e.title);
    edit_bar(app, ui, e);
    edit_actions::merge_picker_ui(app, ui, MergeKind::Event, &e.id, m, ix);
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.strong(event_date_label(e));
        let prec = e.precision.map(|p| format!("{p:?}").to_lowercase()).unwrap_or_else(|| "unknown".into());
        ui.weak(format!("({} · precision: {prec})", e.date));
        if e.confidence > 0.0 && e.confidence < 0.6 {
            ui.colored_label(pal.status_suspect, format!("uncertain ({:.0}%)", e.confidence * 100.0));
        }
    });
    if !e.derivation.is_empty() {
        ui.label(egui::RichText::new(&e.derivation).monospace().small())
            .on_hover_text("How the date was derived");
    }
    if let Some(fr) = e.first_reported {
        ui.weak(format!("First reported {fr}"));
    }
    if !e.edited.is_empty() {
        ui.weak(format!("Edited by you: {}", e.edited.join(", ")));
    }
    ui.separator();
    ui.strong(format!("Reported by {} outlet(s)", ix.event_outlets[i].len()));
    outlets_block(app, ui, m, ix, e);
    if !e.evidence.is_empty() {
        ui.separator();
        ui.strong("Evidence");
        let split_from = (e.evidence.len() > 1).then_some(e.id.as_str());
        for (k, ev) in e.evidence.iter().enumerate() {
            let split = split_from.filter(|_| is_report(out, ix, ev));
            evidence_link(app, ui, m, ix, ev, k, split);
        }
    }
    let quotes: Vec<&Quote> =
        e.quotes.iter().filter_map(|q| ix.quote_by_id.get(q)).map(|&q| &m.quotes[q]).collect();
    if !quotes.is_empty() {
        ui.separator();
        ui.strong(format!("Quotes ({})", quotes.len()));
        for q in quotes {
            quote_block(app, ui, m, ix, q);
        }
    }
    if !e.conflicts.is_empty() {
        ui.separator();
        ui.colored_label(pal.conflict, "≠ Sources disagree");
        for cid in &e.conflicts {
            let Some(&ci) = ix.conflict_by_id.get(cid) else { continue };
            let c = &m.conflicts[ci];
            ui.label(format!("{} ({})", c.summary, c.kind));
            for (k, ev) in c.evidence.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.weak(if k % 2 == 0 { "one side:" } else { "other side:" });
                });
                evidence_link(app, ui, m, ix, ev, 1000 + k, None);
            }
        }
    }
    if !e.entities.is_empty() {
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            ui.weak("Who:");
            for id in &e.entities {
                let Some(&ei) = ix.entity_by_id.get(id) else { continue };
                let chip = ui
                    .small_button(&m.entities[ei].name)
                    .on_hover_text("Click: filter by this entity · right-click: more (merge, split names)");
                if chip.clicked() {
                    app.filters.entity = Some(id.clone());
                }
                chip.context_menu(|ui| {
                    if ui.button("Filter by this entity").clicked() {
                        app.filters.entity = Some(id.clone());
                        ui.close();
                    }
                    if ui.button("Show in People (merge, split names)").clicked() {
                        entity_panel::show_entity(app, id);
                        ui.close();
                    }
                });
            }
        });
    }
    if let Some(n) = &e.note {
        ui.weak(format!("Note: {n}"));
    }
}

/// Outlets and their articles; duplicates folded under their original.
fn outlets_block(app: &mut App, ui: &mut egui::Ui, m: &Extraction, ix: &ModelIndex, e: &Event) {
    for aid in &e.articles {
        let Some(a) = ix.article(m, aid) else { continue };
        let dup = a.duplicate_of.as_ref().is_some_and(|d| e.articles.contains(d));
        ui.horizontal_wrapped(|ui| {
            if dup {
                ui.add_space(14.0);
                ui.weak("↳ duplicate");
            }
            let label = format!(
                "{} — {}",
                a.source.as_deref().unwrap_or("unknown outlet"),
                a.title.as_deref().unwrap_or(&a.path)
            );
            if ui.push_id(("outlet", aid), |ui| ui.link(label)).inner.clicked() {
                let ev = e.evidence.iter().find(|ev| &ev.article == aid);
                app.reader = Some(ReaderTarget {
                    article: aid.clone(),
                    span: ev.map(|ev| (ev.start, ev.end)),
                    scroll_pending: true,
                });
            }
        });
    }
}

/// Star / hide / retitle buttons for an event.
fn edit_bar(app: &mut App, ui: &mut egui::Ui, e: &Event) {
    let ctx = ui.ctx().clone();
    ui.horizontal_wrapped(|ui| {
        let event = e.id.clone();
        if e.starred {
            if ui.button("★ Unstar").clicked() {
                app.apply_edit(Edit::UnstarEvent { event: event.clone() }, Some(&ctx));
            }
        } else if ui.button("☆ Star").clicked() {
            app.apply_edit(Edit::StarEvent { event: event.clone() }, Some(&ctx));
        }
        if e.hidden {
            if ui.button("Unhide").clicked() {
                app.apply_edit(Edit::UnhideEvent { event: event.clone() }, Some(&ctx));
            }
        } else if ui
            .button("Hide")
            .on_hover_text("Hide this event (show hidden ones with the filter)")
            .clicked()
        {
            app.apply_edit(Edit::HideEvent { event: event.clone() }, Some(&ctx));
        }
        if ui.button("Retitle…").clicked() {
            edit_forms::open(app, FormKind::Retitle, &e.id, &e.title);
        }
        if ui.button("Date…").on_hover_text("Correct the date").clicked() {
            edit_forms::open(app, FormKind::EventDate, &e.id, &e.date);
        }
        if ui.button("Tag…").clicked() {
            edit_forms::open(app, FormKind::Tag, &e.id, "");
        }
        if ui.button("Note…").clicked() {
            edit_forms::open(app, FormKind::Note, &e.id, e.note.as_deref().unwrap_or(""));
        }
        if ui
            .button("Merge with…")
            .on_hover_text("Another event is the same happening: merge it into this one")
            .clicked()
        {
            edit_actions::open_merge(app, MergeKind::Event, &e.id);
        }
    });
    for kind in [FormKind::Retitle, FormKind::EventDate, FormKind::Tag, FormKind::Note] {
        edit_forms::form_ui(app, ui, kind, &e.id);
    }
    if !e.tags.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.weak("Tags:");
            for t in &e.tags {
                if ui.small_button(format!("{t} ✕")).on_hover_text("Remove this tag").clicked() {
                    app.apply_edit(Edit::UntagEvent { event: e.id.clone(), tag: t.clone() }, Some(&ctx));
                }
            }
        });
    }
}

fn article_detail(app: &mut App, ui: &mut egui::Ui, out: &Arc<Output>, i: usize) {
    let a = &out.extraction.articles[i];
    let pal = Palette::of(ui.visuals().dark_mode);
    ui.heading(a.title.as_deref().unwrap_or(&a.path));
    ui.label(a.source.as_deref().unwrap_or("unknown outlet"));
    if let Some(b) = &a.byline {
        ui.weak(format!("By {b}"));
    }
    let (c, word) = status_style(&pal, a.published_status);
    let date = a.published.map(|d| d.to_string()).unwrap_or_else(|| "no publication date".into());
    ui.colored_label(c, format!("{date} ({word})")).on_hover_text(status_reason(a));
    if let Some(ev) = &a.published_evidence {
        ui.label(egui::RichText::new(ev).monospace().small());
    }
    if let Some(d) = &a.duplicate_of {
        ui.weak(format!("Duplicate of {d}"));
    }
    ui.weak(&a.path);
    ui.add_space(6.0);
    if ui.button("Read").clicked() {
        app.reader = Some(ReaderTarget { article: a.id.clone(), span: None, scroll_pending: true });
    }
    ui.separator();
    ui.label("Set the publication date (its relative dates re-resolve):");
    let ctx = ui.ctx().clone();
    let mut commit = None;
    ui.horizontal(|ui| {
        let entry = app.set_date.get_or_insert_with(|| (a.id.clone(), date_text(a)));
        if entry.0 != a.id {
            *entry = (a.id.clone(), date_text(a));
        }
        ui.add(egui::TextEdit::singleline(&mut entry.1).hint_text("YYYY-MM-DD").desired_width(110.0));
        let valid = chrono::NaiveDate::parse_from_str(entry.1.trim(), "%Y-%m-%d").is_ok();
        if ui.add_enabled(valid, egui::Button::new("Set date")).clicked() {
            commit = Some(entry.1.trim().to_string());
        }
    });
    if let Some(date) = commit {
        app.apply_edit(Edit::SetPublished { article: a.id.clone(), date }, Some(&ctx));
    }
}

fn date_text(a: &crate::model::Article) -> String {
    a.published.map(|d| d.to_string()).unwrap_or_default()
}
