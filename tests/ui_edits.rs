//! The structural corrections driven through the UI on the seed articles: merge two events
//! with the "Merge with…" picker, split a report out of an event, merge two entities and split
//! an alias off one in the People view, correct a quote's speaker. Each is checked in the
//! rebuilt model, then undone (Ctrl+Z) and redone (Ctrl+Shift+Z).
#![cfg(feature = "gui")]

mod ui_common;

use std::path::{Path, PathBuf};

use dateline::edits::Edit;
use dateline::edits::apply::{split_entity_id, split_event_id};
use dateline::model::{Event, Evidence, Extraction};
use dateline::ui::App;
use dateline::ui::app::{LeftTab, Selected};
use dateline::ui::edit_actions::{kind_word, mentions_word, short};
use dateline::ui::picker::FakePicker;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{AccessKitNode, Queryable};

const EVENT_SEARCH: &str = "search events: words, names, 2024-06";
const ENTITY_SEARCH: &str = "search names and aliases";

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn seeds_app() -> Harness<'static, App> {
    let mut app = App::with_picker(&seeds(), Box::new(FakePicker::default()));
    app.finish_loading_blocking();
    let mut h = Harness::builder()
        .with_size([1500.0, 1000.0])
        .with_context_setup(dateline::ui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run_steps(3);
    h
}

/// Waits for the edit's re-run to finish and draws the new model.
fn settle(h: &mut Harness<'static, App>) {
    h.state_mut().finish_loading_blocking();
    h.run_steps(3);
}

fn model(h: &Harness<'static, App>) -> Extraction {
    h.state().loaded.as_ref().map(|l| l.output.extraction.clone()).expect("a model is loaded")
}

fn undo(h: &mut Harness<'static, App>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    settle(h);
}

fn redo(h: &mut Harness<'static, App>) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    settle(h);
}

/// Types `text` into the text box whose hint is `placeholder`.
fn type_into(h: &mut Harness<'static, App>, placeholder: &'static str, text: &str) {
    let node = h.get_by(move |n| n.placeholder() == Some(placeholder));
    node.focus();
    node.type_text(text);
    h.run_steps(2);
}

/// Clicks the node whose label ends with `suffix` (a picker row).
fn click_label_ending(h: &mut Harness<'static, App>, suffix: String) {
    h.get_by(move |n| n.label().is_some_and(|l| l.ends_with(suffix.as_str()))).click();
    h.run_steps(2);
}

/// The event with the most reports, and the event nearest to it in date whose title no
/// other event has (so its picker row can be found by title).
fn merge_pair(m: &Extraction) -> Option<(Event, Event)> {
    let a = m.events.iter().filter(|e| e.start.is_some()).max_by_key(|e| e.evidence.len())?;
    let unique = |e: &Event| m.events.iter().filter(|x| x.title == e.title).count() == 1;
    let b = m
        .events
        .iter()
        .filter(|e| e.id != a.id && e.start.is_some() && !e.title.trim().is_empty() && unique(e))
        .min_by_key(|e| a.start.zip(e.start).map(|(x, y)| (x - y).num_days().abs()))?;
    Some((a.clone(), b.clone()))
}

#[test]
fn merge_with_picker_absorbs_the_chosen_event_and_undo_restores_it() {
    let mut h = seeds_app();
    let before = model(&h);
    let Some((a, b)) = merge_pair(&before) else {
        eprintln!("SKIP merge test: the seeds gave fewer than two dated events");
        return;
    };
    h.state_mut().selected = Some(Selected::Event(a.id.clone()));
    h.run_steps(2);
    h.get_by_label("Merge with…").click();
    h.run_steps(2);
    type_into(&mut h, EVENT_SEARCH, &b.title);
    click_label_ending(&mut h, format!(" · {}", b.title));
    assert!(
        h.query_by_label_contains("will disappear into this event").is_some(),
        "a preview before merging"
    );
    h.get_by_label("Merge").click();
    h.run_steps(2);
    assert_eq!(h.state().edits.edits(), &[Edit::MergeEvents { event: b.id.clone(), into: a.id.clone() }]);
    assert!(h.state().edits_ui.merge.is_none(), "the picker closes");
    settle(&mut h);
    let after = model(&h);
    assert_eq!(after.events.len(), before.events.len() - 1, "one event fewer");
    assert!(!after.events.iter().any(|e| e.id == b.id), "the chosen event is gone");
    let merged = after.events.iter().find(|e| e.id == a.id).expect("the selected event keeps its id");
    assert_eq!(merged.title, a.title, "and its title");
    for v in &b.evidence {
        assert!(merged.evidence.contains(v), "its reports joined: {}", v.text);
    }
    assert!(merged.edited.iter().any(|f| f == "merged"));
    assert!(h.query_by_label_contains("Merged “").is_some(), "a status message says what happened");
    assert!(h.query_by_label_contains("Edited by you: merged").is_some());

    undo(&mut h);
    let undone = model(&h);
    assert_eq!(undone.events.len(), before.events.len(), "undo brings the event back");
    let said = format!("Undone: merge “{}” into “{}”", short(&b.title, 48), short(&a.title, 48));
    assert!(h.query_by_label(&said).is_some(), "the undo message names both events: {said}");
    assert!(undone.events.iter().any(|e| e.id == b.id));
    redo(&mut h);
    assert_eq!(model(&h).events.len(), before.events.len() - 1, "redo merges again");
}

#[test]
fn split_out_makes_a_report_its_own_event_and_undo_puts_it_back() {
    let mut h = seeds_app();
    let before = model(&h);
    let Some(out) = h.state().loaded.as_ref().map(|l| l.output.clone()) else { panic!("a model is loaded") };
    let ix = dateline::ui::view_model::ModelIndex::build(&out);
    // reports = evidence where an article's mention starts (not a continuation sentence)
    let reports = |e: &Event| -> Vec<Evidence> {
        e.evidence.iter().filter(|v| dateline::ui::is_report(&out, &ix, v)).cloned().collect()
    };
    let Some(e) =
        before.events.iter().filter(|e| reports(e).len() >= 2).max_by_key(|e| reports(e).len()).cloned()
    else {
        eprintln!("SKIP split test: no seed event has two reports");
        return;
    };
    h.state_mut().selected = Some(Selected::Event(e.id.clone()));
    h.run_steps(2);
    let buttons = h.get_all_by_label("Split out").count();
    assert_eq!(buttons, reports(&e).len(), "one Split out per report, none under a continuation sentence");
    let report = reports(&e)[1].clone();
    h.get_all_by_label("Split out").nth(1).expect("second report's button").click();
    h.run_steps(2);
    assert_eq!(
        h.state().edits.edits(),
        &[Edit::SplitMention { event: e.id.clone(), article: report.article.clone(), start: report.start }]
    );
    settle(&mut h);
    let after = model(&h);
    assert_eq!(after.events.len(), before.events.len() + 1, "one event more");
    let new_id = split_event_id(&e.id, &report.article, report.start);
    let new = after.events.iter().find(|x| x.id == new_id).expect("the split-off event");
    assert_eq!(new.evidence, vec![report.clone()], "it holds exactly that report");
    let mention = out
        .analyses
        .iter()
        .flat_map(|a| a.events.iter())
        .find(|m| m.article == report.article && m.evidence.start == report.start)
        .expect("the report is an extracted mention");
    assert_eq!(
        (new.date.as_str(), new.title.as_str()),
        (mention.date.as_str(), mention.title.as_str()),
        "dated and titled by its own mention"
    );
    assert!(new.edited.iter().any(|f| f == "split"));
    let rest = after.events.iter().find(|x| x.id == e.id).expect("the event stays");
    assert!(!rest.evidence.contains(&report), "the report left it");
    assert_eq!(rest.evidence.len(), e.evidence.len() - 1);
    assert!(h.query_by_label_contains("Split the report from").is_some(), "status message");

    undo(&mut h);
    let undone = model(&h);
    assert_eq!(undone.events.len(), before.events.len());
    assert!(undone.events.iter().find(|x| x.id == e.id).is_some_and(|x| x.evidence.contains(&report)));
    redo(&mut h);
    assert!(model(&h).events.iter().any(|x| x.id == new_id), "redo splits again");
}

#[test]
fn people_view_merges_two_entities_into_one_row_and_undo_separates_them() {
    let mut h = seeds_app();
    let before = model(&h);
    let mut by_mentions = before.entities.clone();
    by_mentions
        .sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.to_lowercase().cmp(&b.name.to_lowercase())));
    let Some(t) = by_mentions.first().cloned() else {
        eprintln!("SKIP entity merge test: no entities in the seeds");
        return;
    };
    let unique = |name: &str| before.entities.iter().filter(|e| e.name == name).count() == 1;
    let Some(c) = by_mentions.iter().skip(1).find(|e| unique(&e.name) && e.kind == t.kind).cloned() else {
        eprintln!("SKIP entity merge test: no second entity of the same kind");
        return;
    };
    h.get_by_label(&format!("People ({})", before.entities.len())).click();
    h.run_steps(2);
    assert_eq!(h.state().left_tab, LeftTab::People);
    // the most mentioned entity is the first row
    h.get_by_label(&format!("{} · {} · {}", t.name, kind_word(t.kind), t.mentions)).click();
    h.run_steps(2);
    assert_eq!(h.state().selected, Some(Selected::Entity(t.id.clone())));
    h.get_by_label("Merge with…").click();
    h.run_steps(2);
    type_into(&mut h, ENTITY_SEARCH, &c.name);
    click_label_ending(&mut h, format!("{} · {} · {}", c.name, kind_word(c.kind), mentions_word(c.mentions)));
    h.get_by_label("Merge").click();
    h.run_steps(2);
    assert_eq!(h.state().edits.edits(), &[Edit::MergeEntities { entity: c.id.clone(), into: t.id.clone() }]);
    settle(&mut h);
    let after = model(&h);
    assert_eq!(after.entities.len(), before.entities.len() - 1);
    assert!(!after.entities.iter().any(|e| e.id == c.id));
    let merged = after.entities.iter().find(|e| e.id == t.id).expect("the entity merged into");
    assert!(merged.aliases.contains(&c.name), "the other name is now an alias");
    assert_eq!(merged.mentions, t.mentions + c.mentions);
    assert_eq!(merged.edited, vec!["merged".to_string()]);
    // one row in the People list, marked as edited; the other name's row is gone
    let row = format!("{} · {} · {} · edited", t.name, kind_word(t.kind), merged.mentions);
    assert!(h.query_by_label(&row).is_some(), "merged entities show as one row: {row}");
    assert!(h.query_by_label(&format!("{} · {} · {}", c.name, kind_word(c.kind), c.mentions)).is_none());
    assert!(h.query_by_label(&format!("People ({})", before.entities.len() - 1)).is_some());

    undo(&mut h);
    let undone = model(&h);
    assert_eq!(undone.entities.len(), before.entities.len());
    assert!(undone.entities.iter().any(|e| e.id == c.id), "undo separates them again");
}

#[test]
fn split_off_makes_an_alias_an_entity_of_its_own() {
    let mut h = seeds_app();
    let before = model(&h);
    let Some(e) = before.entities.iter().find(|e| !e.aliases.is_empty()).cloned() else {
        eprintln!("SKIP entity split test: no seed entity has an alias");
        return;
    };
    let alias = e.aliases[0].clone();
    h.state_mut().left_tab = LeftTab::People;
    h.state_mut().selected = Some(Selected::Entity(e.id.clone()));
    h.run_steps(2);
    assert_eq!(h.get_all_by_label("Split off").count(), e.aliases.len(), "one Split off per alias");
    h.get_all_by_label("Split off").next().expect("a Split off button").click();
    h.run_steps(2);
    assert_eq!(h.state().edits.edits(), &[Edit::SplitEntity { entity: e.id.clone(), alias: alias.clone() }]);
    settle(&mut h);
    let after = model(&h);
    assert_eq!(after.entities.len(), before.entities.len() + 1);
    let new = after.entities.iter().find(|x| x.id == split_entity_id(&e.id, &alias)).expect("the new entity");
    assert_eq!(new.name, alias);
    assert_eq!(new.edited, vec!["split".to_string()]);
    let src = after.entities.iter().find(|x| x.id == e.id).expect("the entity stays");
    assert!(!src.aliases.contains(&alias));
    assert!(src.edited.iter().any(|f| f == "split"));
    assert!(h.query_by_label_contains("now an entity of its own").is_some(), "status message");
    undo(&mut h);
    assert_eq!(model(&h).entities.len(), before.entities.len());
}

#[test]
fn correcting_a_speaker_flags_the_quote_as_edited() {
    let mut h = seeds_app();
    let before = model(&h);
    let Some((ev, q)) = before.events.iter().find_map(|e| {
        let q = e.quotes.first()?;
        before.quotes.iter().find(|x| &x.id == q).map(|q| (e.clone(), q.clone()))
    }) else {
        eprintln!("SKIP speaker test: no seed event has a quote");
        return;
    };
    h.state_mut().selected = Some(Selected::Event(ev.id.clone()));
    h.run_steps(2);
    // (below the fold in the detail panel: clicked through accesskit, as a screen reader would)
    h.get_all_by_label("Speaker…").next().expect("a Speaker… button").click_accesskit();
    h.run_steps(2);
    h.get_by_label("Save").scroll_to_me();
    h.run_steps(2);
    // the form opens on the current speaker (an empty box shows its hint instead)
    let current = q.speaker.clone().unwrap_or_default();
    let speaker_box = move |n: &AccessKitNode<'_>| {
        n.role() == egui::accesskit::Role::TextInput
            && ((!current.is_empty() && n.value().as_deref() == Some(current.as_str()))
                || n.placeholder() == Some("speaker's name"))
    };
    h.get_by(speaker_box.clone()).focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by(speaker_box).type_text("Jane Example");
    h.run_steps(2);
    h.get_by_label("Save").click_accesskit();
    h.run_steps(2);
    settle(&mut h);
    let after = model(&h);
    let edited = after.quotes.iter().find(|x| x.id == q.id).expect("the quote");
    assert_eq!(edited.speaker.as_deref(), Some("Jane Example"));
    assert_eq!(edited.edited, vec!["speaker".to_string()]);
    assert!(after.quotes.iter().filter(|x| x.id != q.id).all(|x| x.edited.is_empty()));
    assert!(h.query_by_label("(speaker set by you)").is_some());
}

#[test]
fn merge_picker_lists_nearest_dates_first_searches_and_closes_with_the_selection() {
    let app = App::from_output(
        Path::new("/nonexistent-fixture"),
        ui_common::fixture(),
        Box::new(FakePicker::default()),
    );
    let mut h = Harness::builder()
        .with_size([1500.0, 1000.0])
        .with_context_setup(dateline::ui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run_steps(2);
    h.state_mut().selected = Some(Selected::Event("talks".into()));
    h.run_steps(2);
    h.get_by_label("Merge with…").click();
    h.run_steps(2);
    // talks are on 18 Jun 2024: the December summit is nearer than the 2023 meeting
    let summit = h.get_by_label("Dec 2024 · A summit could follow").rect().top();
    let met = h.get_by_label("2023 · The two sides last met").rect().top();
    assert!(summit < met, "nearest in date first");
    let disabled_merge = |n: &AccessKitNode<'_>| n.label().as_deref() == Some("Merge") && n.is_disabled();
    assert!(h.query_by(disabled_merge).is_some(), "nothing picked yet");
    type_into(&mut h, EVENT_SEARCH, "2023");
    assert!(h.query_by_label("Dec 2024 · A summit could follow").is_none(), "the search narrows");
    assert!(h.query_by_label("2023 · The two sides last met").is_some());
    h.state_mut().selected = Some(Selected::Event("summit".into()));
    h.run_steps(2);
    assert!(h.state().edits_ui.merge.is_none(), "selecting another event closes the picker");
    assert!(h.state().edits.edits().is_empty(), "and merges nothing");
    // Enter merges the only match
    h.get_by_label("Merge with…").click();
    h.run_steps(2);
    type_into(&mut h, EVENT_SEARCH, "dialogue");
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(
        h.state().edits.edits(),
        &[Edit::MergeEvents { event: "talks".into(), into: "summit".into() }],
        "the search left one event: Enter merged it"
    );
}

#[test]
fn events_list_context_menu_merges_a_row_into_the_selected_event() {
    let app = App::from_output(
        Path::new("/nonexistent-fixture"),
        ui_common::fixture(),
        Box::new(FakePicker::default()),
    );
    let mut h = Harness::builder()
        .with_size([1500.0, 1000.0])
        .with_context_setup(dateline::ui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run_steps(2);
    h.state_mut().selected = Some(Selected::Event("talks".into()));
    h.run_steps(2);
    h.get_by_label_contains("The two sides last met").click_secondary();
    h.run_steps(2);
    h.get_by_label_contains("Merge into “Diplomatic and security dialogue").click();
    h.run_steps(2);
    assert_eq!(
        h.state().edits.edits(),
        &[Edit::MergeEvents { event: "last-met".into(), into: "talks".into() }]
    );
}
