//! The structural corrections sent from the UI: merge two events, split one report out of an
//! event, merge two entities, split an alias off an entity. Each is one
//! [`Edit`] recorded through [`App::apply_edit`] (so Ctrl+Z / Ctrl+Shift+Z undo and redo it and
//! it is autosaved), followed by a short status message; the pipeline rebuilds the model.
//! This module also draws the "Merge with…" picker ([`super::merge_picker`] ranks it).

use super::app::App;
use super::merge_picker::{MergeKind, MergePicker};
use super::sources_panel::event_date_label;
use super::view_model::ModelIndex;
use crate::edits::Edit;
use crate::model::{EntityKind, Evidence, Extraction};

/// View state of the edit tools: the open merge picker and the people list's search.
#[derive(Clone, Debug, Default)]
pub struct EditsUi {
    /// The "Merge with…" picker, when open.
    pub merge: Option<MergePicker>,
    /// Search text of the people (entities) list.
    pub people_query: String,
    /// People rows for (query, model generation): entity indices, most mentioned first.
    pub(crate) people_rows: Option<(String, usize, Vec<usize>)>,
    /// How the edits sent from here read, described on the model they were made on (a merged
    /// event is gone from the model by the time its merge is undone).
    labels: Vec<(Edit, String)>,
}

impl EditsUi {
    const MAX_LABELS: usize = 256;

    fn remember(&mut self, e: &Edit, label: String) {
        self.labels.retain(|(x, _)| x != e);
        self.labels.push((e.clone(), label));
        if self.labels.len() > Self::MAX_LABELS {
            self.labels.remove(0);
        }
    }

    /// One line for a person about `e`: as described when it was made, else from `m`.
    pub fn label(&self, e: &Edit, m: Option<&Extraction>) -> String {
        match (self.labels.iter().rev().find(|(x, _)| x == e), m) {
            (Some((_, l)), _) => l.clone(),
            (None, Some(m)) => describe(e, m),
            (None, None) => e.describe(),
        }
    }
}

/// Records `edit` (history, autosave, re-run) with its label and shows `msg`.
fn send(app: &mut App, ctx: Option<&egui::Context>, m: &Extraction, edit: Edit, msg: String) {
    app.edits_ui.remember(&edit, describe(&edit, m));
    app.apply_edit(edit, ctx);
    app.notify(msg);
}

/// `s` cut to about `max` characters (on a char boundary) with an ellipsis.
pub fn short(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", s[..cut].trim_end()),
        None => s.to_string(),
    }
}

/// A person's word for an entity kind.
pub fn kind_word(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
        EntityKind::Other => "other",
    }
}

/// `1 mention`, `5 mentions`.
pub fn mentions_word(n: usize) -> String {
    if n == 1 { "1 mention".into() } else { format!("{n} mentions") }
}

fn event_title(m: &Extraction, id: &str) -> String {
    m.events.iter().find(|e| e.id == id).map(|e| short(&e.title, 48)).unwrap_or_else(|| id.to_string())
}

fn entity_name(m: &Extraction, id: &str) -> String {
    m.entities.iter().find(|e| e.id == id).map(|e| short(&e.name, 40)).unwrap_or_else(|| id.to_string())
}

/// One line for a person about `e`, naming events and entities by title and name (from `m`,
/// the model the edit was made on) instead of ids: for the undo/redo status messages.
pub fn describe(e: &Edit, m: &Extraction) -> String {
    match e {
        Edit::MergeEvents { event, into } => {
            format!("merge “{}” into “{}”", event_title(m, event), event_title(m, into))
        }
        Edit::SplitMention { event, article, .. } => {
            let outlet = m.articles.iter().find(|a| &a.id == article).and_then(|a| a.source.clone());
            let from = outlet.unwrap_or_else(|| article.clone());
            format!("split the report from {from} out of “{}”", event_title(m, event))
        }
        Edit::MergeEntities { entity, into } => {
            format!("merge {} into {}", entity_name(m, entity), entity_name(m, into))
        }
        Edit::SplitEntity { entity, alias } => format!("split “{alias}” off {}", entity_name(m, entity)),
        Edit::StarEvent { event } => format!("star “{}”", event_title(m, event)),
        Edit::UnstarEvent { event } => format!("unstar “{}”", event_title(m, event)),
        Edit::HideEvent { event } => format!("hide “{}”", event_title(m, event)),
        Edit::UnhideEvent { event } => format!("unhide “{}”", event_title(m, event)),
        Edit::RetitleEvent { event, title } => {
            format!("retitle “{}” to “{}”", event_title(m, event), short(title, 48))
        }
        Edit::SetEventDate { event, date, .. } => format!("date “{}” {date}", event_title(m, event)),
        _ => e.describe(),
    }
}

/// Merges event `from` into event `into` (which keeps its id, title and date).
pub fn merge_events(app: &mut App, ctx: Option<&egui::Context>, m: &Extraction, from: &str, into: &str) {
    let msg = format!("Merged “{}” into “{}” (Ctrl+Z undoes)", event_title(m, from), event_title(m, into));
    send(app, ctx, m, Edit::MergeEvents { event: from.to_string(), into: into.to_string() }, msg);
}

/// Moves the report `ev` out of `event` into an event of its own, dated by its own mention.
pub fn split_mention(app: &mut App, ctx: Option<&egui::Context>, m: &Extraction, event: &str, ev: &Evidence) {
    let outlet = m
        .articles
        .iter()
        .find(|a| a.id == ev.article)
        .and_then(|a| a.source.clone())
        .unwrap_or_else(|| ev.article.clone());
    let msg = format!("Split the report from {outlet} out of “{}” (Ctrl+Z undoes)", event_title(m, event));
    let edit = Edit::SplitMention { event: event.to_string(), article: ev.article.clone(), start: ev.start };
    send(app, ctx, m, edit, msg);
}

/// Merges entity `from` into entity `into` (which keeps its id and name; `from`'s names
/// become its aliases).
pub fn merge_entities(app: &mut App, ctx: Option<&egui::Context>, m: &Extraction, from: &str, into: &str) {
    let msg = format!("Merged {} into {} (Ctrl+Z undoes)", entity_name(m, from), entity_name(m, into));
    if app.filters.entity.as_deref() == Some(from) {
        // the filter follows the entity it named
        app.filters.entity = Some(into.to_string());
    }
    send(app, ctx, m, Edit::MergeEntities { entity: from.to_string(), into: into.to_string() }, msg);
}

/// Splits `alias` off `entity` into an entity of its own.
pub fn split_entity(app: &mut App, ctx: Option<&egui::Context>, m: &Extraction, entity: &str, alias: &str) {
    let msg = format!(
        "“{}” split off {}: now an entity of its own (Ctrl+Z undoes)",
        short(alias, 40),
        entity_name(m, entity)
    );
    send(app, ctx, m, Edit::SplitEntity { entity: entity.to_string(), alias: alias.to_string() }, msg);
}

/// Opens the merge picker for `target` (closing any other picker or form).
pub fn open_merge(app: &mut App, kind: MergeKind, target: &str) {
    app.form = None;
    app.edits_ui.merge = Some(MergePicker::new(kind, target));
}

/// One candidate row: its id, label and hover text.
fn candidate_row(
    kind: MergeKind,
    m: &Extraction,
    ix: &ModelIndex,
    i: usize,
) -> Option<(String, String, String)> {
    match kind {
        MergeKind::Event => {
            let e = m.events.get(i)?;
            let outlets = ix.event_outlets.get(i).map_or(0, Vec::len);
            let hidden = if e.hidden { " (hidden)" } else { "" };
            let hover = e.evidence.first().map(|v| format!("“{}”", short(&v.text, 200))).unwrap_or_default();
            Some((
                e.id.clone(),
                format!("{} · {}{hidden}", event_date_label(e), e.title),
                format!("{hover}\n{} report(s), {outlets} outlet(s)", e.evidence.len()),
            ))
        }
        MergeKind::Entity => {
            let e = m.entities.get(i)?;
            let aliases =
                if e.aliases.is_empty() { "no other names".to_string() } else { e.aliases.join(", ") };
            Some((
                e.id.clone(),
                format!("{} · {} · {}", e.name, kind_word(e.kind), mentions_word(e.mentions)),
                format!("Also: {aliases}\nIn {} article(s)", e.articles.len()),
            ))
        }
    }
}

/// What merging the chosen candidate will do, in one sentence.
fn preview(kind: MergeKind, m: &Extraction, chosen: &str) -> String {
    match kind {
        MergeKind::Event => match m.events.iter().find(|e| e.id == chosen) {
            Some(e) => format!(
                "“{}” will disappear into this event: its {} report(s), quotes and outlets join it; \
                 this event keeps its title and date.",
                short(&e.title, 60),
                e.evidence.len()
            ),
            None => String::new(),
        },
        MergeKind::Entity => match m.entities.iter().find(|e| e.id == chosen) {
            Some(e) => format!(
                "{} will disappear into this entity: its names become aliases and its quotes and \
                 events follow.",
                short(&e.name, 40)
            ),
            None => String::new(),
        },
    }
}

/// Draws the merge picker if it is open for `kind` on `target`; sends the merge when confirmed.
pub fn merge_picker_ui(
    app: &mut App,
    ui: &mut egui::Ui,
    kind: MergeKind,
    target: &str,
    m: &Extraction,
    ix: &ModelIndex,
) {
    let generation = app.generation();
    let Some(p) = app.edits_ui.merge.as_mut().filter(|p| p.kind == kind && p.target == target) else {
        return;
    };
    // Some(Some(id)): merge id into target; Some(None): close.
    let mut action: Option<Option<String>> = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let (what, hint) = match kind {
            MergeKind::Event => ("Merge another event into this one", "search events: words, names, 2024-06"),
            MergeKind::Entity => ("Merge another name into this entity", "search names and aliases"),
        };
        ui.strong(what);
        let r = ui.add(egui::TextEdit::singleline(&mut p.query).hint_text(hint).desired_width(f32::INFINITY));
        if p.focus_pending {
            r.request_focus();
            p.focus_pending = false;
        }
        let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let cands = p.candidates(m, ix, generation).to_vec();
        // Enter merges the picked candidate, or the only one left by the search
        if entered {
            let only = (cands.len() == 1).then(|| cands.first().and_then(|&i| candidate_row(kind, m, ix, i)));
            match (p.chosen.clone(), only.flatten()) {
                (Some(c), _) => action = Some(Some(c)),
                (None, Some((id, _, _))) => action = Some(Some(id)),
                (None, None) => {}
            }
        }
        if cands.is_empty() {
            ui.weak("Nothing matches.");
        } else if p.query.trim().is_empty() {
            ui.weak(match kind {
                MergeKind::Event => "Nearest in date first; type to search.",
                MergeKind::Entity => "Look-alike names first; type to search.",
            });
        }
        for i in cands {
            let Some((id, label, hover)) = candidate_row(kind, m, ix, i) else { continue };
            let picked = p.chosen.as_deref() == Some(id.as_str());
            let resp = ui
                .push_id(("merge-candidate", &id), |ui| {
                    ui.add(egui::Button::selectable(picked, label).truncate())
                })
                .inner
                .on_hover_text(hover);
            if resp.clicked() {
                p.chosen = Some(id.clone());
            }
            if resp.double_clicked() {
                action = Some(Some(id));
            }
        }
        if let Some(c) = &p.chosen {
            ui.label(egui::RichText::new(preview(kind, m, c)).small());
        }
        ui.horizontal(|ui| {
            let merge = ui.add_enabled(p.chosen.is_some(), egui::Button::new("Merge"));
            if merge.on_hover_text("Undo with Ctrl+Z").clicked() {
                action = Some(p.chosen.clone());
            }
            if ui.button("Cancel").clicked() {
                action = Some(None);
            }
        });
    });
    let ctx = ui.ctx().clone();
    match action {
        Some(Some(from)) => {
            app.edits_ui.merge = None;
            match kind {
                MergeKind::Event => merge_events(app, Some(&ctx), m, &from, target),
                MergeKind::Entity => merge_entities(app, Some(&ctx), m, &from, target),
            }
        }
        Some(None) => app.edits_ui.merge = None,
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_cuts_on_char_boundaries() {
        assert_eq!(short("한중 외교안보대화", 4), "한중 외…");
        assert_eq!(short("  Seoul  ", 10), "Seoul");
    }
}
