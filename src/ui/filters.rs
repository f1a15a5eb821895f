//! Filters and search: which events are shown. Applied once per change (not per frame);
//! the timeline, lists and counts all read the resulting `visible` list.

use chrono::NaiveDate;

use super::view_model::ModelIndex;
use crate::model::{EventKind, Extraction};

/// Id of the search box, so `/` can focus it.
pub const SEARCH_ID: &str = "dateline-search";

/// The user's current filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Free text over titles, evidence, quotes and speakers (case-insensitive).
    pub text: String,
    /// Only events with this participant (entity id).
    pub entity: Option<String>,
    /// Only events reported by this outlet.
    pub outlet: Option<String>,
    /// Only events of this kind.
    pub kind: Option<EventKind>,
    /// Only starred events.
    pub starred_only: bool,
    /// Also show hidden events.
    pub show_hidden: bool,
    /// Only events overlapping this range of days.
    pub date_range: Option<(NaiveDate, NaiveDate)>,
    /// "Known as of": only events first reported on or before this day.
    pub known_as_of: Option<NaiveDate>,
}

impl Filters {
    /// Whether any filter narrows the view.
    pub fn is_active(&self) -> bool {
        let plain = Filters { show_hidden: self.show_hidden, ..Filters::default() };
        *self != plain
    }

    /// What the timeline lists: the events that pass, or the articles when the model has no
    /// events.
    pub fn visible(&self, m: &Extraction, ix: &ModelIndex) -> Vec<usize> {
        if m.events.is_empty() { self.visible_articles(m, ix) } else { self.visible_events(m, ix) }
    }

    /// Indices of the events that pass, ordered by date.
    pub fn visible_events(&self, m: &Extraction, ix: &ModelIndex) -> Vec<usize> {
        let needle = self.text.trim().to_lowercase();
        ix.events_by_date
            .iter()
            .copied()
            .filter(|&i| {
                let e = &m.events[i];
                if e.hidden && !self.show_hidden {
                    return false;
                }
                if self.starred_only && !e.starred {
                    return false;
                }
                if self.kind.is_some_and(|k| k != e.kind) {
                    return false;
                }
                if let Some(ent) = &self.entity
                    && !e.entities.iter().any(|x| x == ent)
                {
                    return false;
                }
                if let Some(o) = &self.outlet
                    && !ix.event_outlets[i].iter().any(|x| x == o)
                {
                    return false;
                }
                if let Some((lo, hi)) = self.date_range {
                    match (e.start, e.end.or(e.start)) {
                        (Some(s), Some(t)) if t >= lo && s <= hi => {}
                        _ => return false,
                    }
                }
                if let Some(asof) = self.known_as_of
                    && e.first_reported.is_none_or(|f| f > asof)
                {
                    return false;
                }
                needle.is_empty() || ix.event_haystack[i].contains(&needle)
            })
            .collect()
    }

    /// Indices of dated articles that pass (used when the model has no events yet).
    pub fn visible_articles(&self, m: &Extraction, ix: &ModelIndex) -> Vec<usize> {
        let needle = self.text.trim().to_lowercase();
        ix.articles_by_date
            .iter()
            .copied()
            .filter(|&i| {
                let a = &m.articles[i];
                if self.outlet.as_ref().is_some_and(|o| a.source.as_ref() != Some(o)) {
                    return false;
                }
                if let (Some((lo, hi)), Some(d)) = (self.date_range, a.published)
                    && (d < lo || d > hi)
                {
                    return false;
                }
                if let (Some(asof), Some(d)) = (self.known_as_of, a.published)
                    && d > asof
                {
                    return false;
                }
                needle.is_empty()
                    || a.title.as_deref().unwrap_or("").to_lowercase().contains(&needle)
                    || a.path.to_lowercase().contains(&needle)
            })
            .collect()
    }
}

/// The filter controls (entity, outlet, kind, starred, hidden, range, known-as-of).
pub fn filters_ui(
    ui: &mut egui::Ui,
    f: &mut Filters,
    m: &Extraction,
    ix: &ModelIndex,
    shown: usize,
    total: usize,
) {
    ui.horizontal_wrapped(|ui| {
        let ent_label = f
            .entity
            .as_ref()
            .and_then(|id| ix.entity_by_id.get(id))
            .map(|&i| m.entities[i].name.clone())
            .unwrap_or_else(|| "anyone".into());
        egui::ComboBox::new("filter-entity", "Who").selected_text(ent_label).width(150.0).show_ui(ui, |ui| {
            ui.selectable_value(&mut f.entity, None, "anyone");
            for &(ei, n) in ix.entities.iter().take(300) {
                let e = &m.entities[ei];
                ui.selectable_value(&mut f.entity, Some(e.id.clone()), format!("{} ({n})", e.name));
            }
        });
        let outlet_label = f.outlet.clone().unwrap_or_else(|| "any outlet".into());
        egui::ComboBox::new("filter-outlet", "Outlet").selected_text(outlet_label).width(120.0).show_ui(
            ui,
            |ui| {
                ui.selectable_value(&mut f.outlet, None, "any outlet");
                for (o, n) in ix.outlets.iter().take(300) {
                    ui.selectable_value(&mut f.outlet, Some(o.clone()), format!("{o} ({n})"));
                }
            },
        );
        let kind_label = match f.kind {
            None => "events + statements",
            Some(EventKind::Event) => "events",
            Some(EventKind::Statement) => "statements",
        };
        egui::ComboBox::new("filter-kind", "Kind").selected_text(kind_label).show_ui(ui, |ui| {
            ui.selectable_value(&mut f.kind, None, "events + statements");
            ui.selectable_value(&mut f.kind, Some(EventKind::Event), "events");
            ui.selectable_value(&mut f.kind, Some(EventKind::Statement), "statements");
        });
        ui.checkbox(&mut f.starred_only, "★ starred");
        ui.checkbox(&mut f.show_hidden, "hidden too");
    });
    ui.horizontal_wrapped(|ui| {
        if let Some((lo, hi)) = f.date_range {
            ui.label(format!("{lo} – {hi}"));
            if ui.small_button("✕ range").on_hover_text("Clear the date range").clicked() {
                f.date_range = None;
            }
        }
        known_as_of_ui(ui, f, ix);
    });
    ui.horizontal(|ui| {
        ui.weak(format!("{shown} of {total} shown"));
        if f.is_active() && ui.small_button("Clear filters").clicked() {
            *f = Filters { show_hidden: f.show_hidden, ..Filters::default() };
        }
    });
}

/// The "known as of" slider: a day between the first and last publication date.
fn known_as_of_ui(ui: &mut egui::Ui, f: &mut Filters, ix: &ModelIndex) {
    let Some((lo, hi)) = ix.x_range else { return };
    let mut on = f.known_as_of.is_some();
    if ui.checkbox(&mut on, "known as of").on_hover_text("Only what had been published by that day").changed()
    {
        f.known_as_of = if on { super::view_model::x_day(hi) } else { None };
    }
    if let Some(d) = f.known_as_of {
        let mut x = super::view_model::day_x(d).clamp(lo, hi);
        let resp = ui.add(
            egui::Slider::new(&mut x, lo..=hi)
                .step_by(1.0)
                .custom_formatter(|v, _| {
                    super::view_model::x_day(v).map(|d| d.to_string()).unwrap_or_default()
                })
                .custom_parser(|s| {
                    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok().map(super::view_model::day_x)
                }),
        );
        if resp.changed() {
            f.known_as_of = super::view_model::x_day(x);
        }
    }
}
