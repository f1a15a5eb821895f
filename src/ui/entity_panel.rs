//! People and organisations: the left "People" list (searchable, most mentioned first) and the
//! detail of one entity, where names are merged ("US" is "United States") and aliases split
//! off ("he" is not Lim). Corrections go through [`super::edit_actions`].

use std::cmp::Reverse;
use std::sync::Arc;

use super::app::{App, LeftTab, ReaderTarget, Selected};
use super::edit_actions::{self, kind_word, short};
use super::merge_picker::MergeKind;
use super::view_model::ModelIndex;
use crate::model::Extraction;
use crate::pipeline::Output;

const ROW_H: f32 = 20.0;

/// Entity indices whose name or an alias contains every word of `query`, most mentioned first.
pub fn people_rows(m: &Extraction, query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut rows: Vec<usize> = (0..m.entities.len())
        .filter(|&i| {
            let e = &m.entities[i];
            words.iter().all(|w| {
                e.name.to_lowercase().contains(w.as_str())
                    || e.aliases.iter().any(|a| a.to_lowercase().contains(w.as_str()))
            })
        })
        .collect();
    rows.sort_by_key(|&i| (Reverse(m.entities[i].mentions), m.entities[i].name.to_lowercase()));
    rows
}

/// The people list (virtualised): click a row for its detail, with merge and split.
pub fn people_ui(app: &mut App, ui: &mut egui::Ui, out: &Arc<Output>) {
    let m = &out.extraction;
    ui.add(
        egui::TextEdit::singleline(&mut app.edits_ui.people_query)
            .hint_text("Search people, organisations, places")
            .desired_width(f32::INFINITY),
    );
    let generation = app.generation();
    let q = app.edits_ui.people_query.clone();
    // taken out of `app` for the frame (no per-frame copy of the rows), put back at the end
    let rows = match app.edits_ui.people_rows.take() {
        Some((pq, g, rows)) if pq == q && g == generation => rows,
        _ => people_rows(m, &q),
    };
    if rows.is_empty() {
        ui.weak(if m.entities.is_empty() { "No people or organisations found." } else { "Nothing matches." });
    } else {
        people_list(app, ui, m, &rows);
    }
    app.edits_ui.people_rows = Some((q, generation, rows));
}

/// The virtualised rows of the people list.
fn people_list(app: &mut App, ui: &mut egui::Ui, m: &Extraction, rows: &[usize]) {
    let selected = match &app.selected {
        Some(Selected::Entity(id)) => Some(id.clone()),
        _ => None,
    };
    egui::ScrollArea::vertical().id_salt("people-list").auto_shrink(false).show_rows(
        ui,
        ROW_H,
        rows.len(),
        |ui, range| {
            for &i in rows.get(range).unwrap_or(&[]) {
                let Some(e) = m.entities.get(i) else { continue };
                let edited = if e.edited.is_empty() { "" } else { " · edited" };
                let text = format!("{} · {} · {}{edited}", e.name, kind_word(e.kind), e.mentions);
                let is_sel = selected.as_deref() == Some(e.id.as_str());
                let hover = if e.aliases.is_empty() {
                    format!("{} mention(s) in {} article(s)", e.mentions, e.articles.len())
                } else {
                    format!("Also written: {}", e.aliases.join(", "))
                };
                let resp = ui
                    .push_id(("person", &e.id), |ui| {
                        ui.add(egui::Button::selectable(is_sel, text).truncate())
                    })
                    .inner
                    .on_hover_text(hover);
                if resp.clicked() {
                    app.selected = Some(Selected::Entity(e.id.clone()));
                }
            }
        },
    );
}

/// Selects entity `id` and shows the People tab (from a participant chip).
pub fn show_entity(app: &mut App, id: &str) {
    app.selected = Some(Selected::Entity(id.to_string()));
    app.left_tab = LeftTab::People;
}

/// The detail of entity `i`: names, merge and split, its quotes, events and articles.
pub fn entity_detail(app: &mut App, ui: &mut egui::Ui, out: &Arc<Output>, ix: &Arc<ModelIndex>, i: usize) {
    let m = &out.extraction;
    let Some(e) = m.entities.get(i) else { return };
    let ctx = ui.ctx().clone();
    ui.heading(&e.name);
    ui.horizontal_wrapped(|ui| {
        ui.weak(kind_word(e.kind));
        if let Some(r) = &e.role {
            ui.weak(format!("· {r}"));
        }
        ui.weak(format!("· {} mention(s) in {} article(s)", e.mentions, e.articles.len()));
    });
    if !e.edited.is_empty() {
        ui.weak(format!("Edited by you: {}", e.edited.join(", ")));
    }
    let n_events = ix.entity_events.get(i).copied().unwrap_or(0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Merge with…")
            .on_hover_text(
                "Another entity is the same one (“US” and “United States”): merge it into this one",
            )
            .clicked()
        {
            edit_actions::open_merge(app, MergeKind::Entity, &e.id);
        }
        if n_events > 0
            && ui
                .button(format!("Show its {n_events} event(s)"))
                .on_hover_text("Filter the timeline")
                .clicked()
        {
            app.filters.entity = Some(e.id.clone());
            app.left_tab = LeftTab::Events;
        }
    });
    edit_actions::merge_picker_ui(app, ui, MergeKind::Entity, &e.id, m, ix);
    ui.separator();
    ui.strong("Names");
    ui.label(egui::RichText::new(&e.name).strong());
    if e.aliases.is_empty() {
        ui.weak("No other names.");
    }
    for alias in &e.aliases {
        ui.push_id(("alias", alias), |ui| {
            ui.horizontal(|ui| {
                ui.label(alias);
                if ui
                    .small_button("Split off")
                    .on_hover_text(format!("“{alias}” is someone else: make it an entity of its own"))
                    .clicked()
                {
                    edit_actions::split_entity(app, Some(&ctx), m, &e.id, alias);
                }
            });
        });
    }
    let quotes = ix.entity_quotes.get(i).map(Vec::as_slice).unwrap_or(&[]);
    if !quotes.is_empty() {
        ui.separator();
        ui.strong(format!("Quotes ({})", quotes.len()));
        for &qi in quotes.iter().take(30) {
            let Some(q) = m.quotes.get(qi) else { continue };
            let mut text = format!("“{}”", short(&q.text, 160));
            if q.edited.iter().any(|f| f == "speaker") {
                text.push_str("  (speaker set by you)");
            }
            let resp = ui.push_id(("entity-quote", &q.id), |ui| {
                ui.add(egui::Button::new(egui::RichText::new(text).italics()).wrap().frame(false))
            });
            if resp.inner.on_hover_text("Open the article at this quote").clicked() {
                app.reader = Some(ReaderTarget {
                    article: q.article.clone(),
                    span: Some((q.start, q.end)),
                    scroll_pending: true,
                });
            }
        }
    }
    if !e.articles.is_empty() {
        ui.separator();
        ui.strong("Articles");
        for aid in &e.articles {
            let Some(a) = ix.article(m, aid) else { continue };
            let label = format!(
                "{} — {}",
                a.source.as_deref().unwrap_or("unknown outlet"),
                a.title.as_deref().unwrap_or(&a.path)
            );
            if ui.push_id(("entity-article", aid), |ui| ui.link(label)).inner.clicked() {
                app.reader = Some(ReaderTarget { article: aid.clone(), span: None, scroll_pending: true });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind};

    fn entity(name: &str, aliases: &[&str], mentions: usize) -> Entity {
        Entity {
            id: name.to_lowercase(),
            name: name.into(),
            kind: EntityKind::Person,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            role: None,
            articles: Vec::new(),
            mentions,
            edited: Vec::new(),
        }
    }

    #[test]
    fn people_rows_search_names_and_aliases_most_mentioned_first() {
        let m = Extraction {
            entities: vec![
                entity("Lin Jian", &[], 2),
                entity("Lim Soo-suk", &["Lim"], 5),
                entity("Cho", &[], 9),
            ],
            ..Extraction::default()
        };
        assert_eq!(people_rows(&m, ""), vec![2, 1, 0]);
        assert_eq!(people_rows(&m, "li"), vec![1, 0]);
        assert_eq!(people_rows(&m, "LIM"), vec![1]);
        assert!(people_rows(&m, "nobody").is_empty());
    }
}
