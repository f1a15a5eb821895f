//! UI flows driven headless with egui_kittest: opening the seeds, selecting an event,
//! following a quote to the reader, keyboard navigation, presentation mode, undo/redo.
#![cfg(feature = "gui")]

mod ui_common;

use std::path::{Path, PathBuf};

use dateline::edits::Edit;
use dateline::ui::App;
use dateline::ui::app::Selected;
use dateline::ui::picker::FakePicker;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size([1500.0, 920.0])
        .with_context_setup(dateline::ui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

fn fixture_app() -> Harness<'static, App> {
    let app = App::from_output(
        Path::new("/nonexistent-fixture"),
        ui_common::fixture(),
        Box::new(FakePicker::default()),
    );
    let mut h = harness(app);
    h.run_steps(3);
    h
}

fn seeds_app() -> Harness<'static, App> {
    let mut app = App::with_picker(&seeds(), Box::new(FakePicker::default()));
    app.finish_loading_blocking();
    let mut h = harness(app);
    h.run_steps(3);
    h
}

#[test]
fn opens_the_seeds_and_lists_the_five_articles() {
    let mut h = seeds_app();
    h.get_by_label("Sources (5)").click();
    h.run_steps(2);
    let names: Vec<String> = h
        .state()
        .loaded
        .as_ref()
        .map(|l| {
            l.output
                .extraction
                .articles
                .iter()
                .map(|a| a.title.clone().unwrap_or_else(|| a.path.clone()))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(names.len(), 5, "the five seed articles load");
    for n in &names {
        assert!(h.query_by_label(n).is_some(), "article {n:?} is listed in the sources panel");
    }
    // Every seed file is one of the listed articles.
    let files = std::fs::read_dir(seeds()).map(|d| d.count()).unwrap_or(0);
    assert_eq!(files, 5);
}

#[test]
fn select_event_shows_quotes_and_a_quote_opens_the_reader_at_it() {
    let mut h = fixture_app();
    h.get_by_label_contains("Diplomatic and security dialogue").click();
    h.run_steps(2);
    assert_eq!(h.state().selected, Some(Selected::Event("talks".into())));
    // Detail: outlets, the derivation, both quotes with speakers.
    assert!(
        h.query_by_label_contains("'on Tuesday' + published Mon 2024-06-17").is_some(),
        "derivation shown"
    );
    assert!(h.query_by_label("— Lim Soo-suk").is_some());
    assert!(h.query_by_label("— Lin Jian").is_some());
    assert!(h.query_by_label_contains("Reported by 2 outlet").is_some());
    // Hangul and Han titles render with the bundled font (kittest panics on a missing glyph).
    assert!(h.query_by_label_contains("(한중 외교안보대화)").is_some());
    assert!(h.query_by_label_contains("(中韩外交安全对话)").is_some());
    h.get_by_label("“China is willing to work with South Korea,”").click();
    h.run_steps(3);
    let reader = h.state().reader.clone().expect("reader opened");
    assert_eq!(reader.article, "wire");
    let (s, e) = reader.span.expect("span highlighted");
    assert_eq!(&ui_common::WIRE[s..e], "China is willing to work with South Korea,");
    assert!(h.query_by_label("✕ Close reader").is_some(), "reader panel visible");
}

#[test]
fn keyboard_steps_through_events_and_enter_opens_the_evidence() {
    let mut h = fixture_app();
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().selected, Some(Selected::Event("last-met".into())), "first event by date");
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().selected, Some(Selected::Event("talks".into())));
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().reader.as_ref().map(|r| r.article.as_str()), Some("herald"));
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().selected, None);
    assert!(h.state().reader.is_none());
}

#[test]
fn search_filters_the_list_live() {
    let mut h = fixture_app();
    h.state_mut().filters.text = "summit".into();
    h.run_steps(2);
    assert_eq!(h.state().visible.len(), 1);
    assert!(h.query_by_label_contains("A summit could follow").is_some());
    assert!(h.query_by_label_contains("Diplomatic and security dialogue").is_none());
    assert!(h.query_by_label("1 of 3 shown").is_some());
}

#[test]
fn presentation_enters_steps_and_leaves() {
    let mut h = fixture_app();
    h.get_by_label("▶ Present").click();
    h.run_steps(2);
    assert!(h.state().presentation.is_some());
    assert!(h.query_by_label("1 / 3").is_some());
    assert!(h.query_by_label("The two sides last met").is_some());
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert!(h.query_by_label("2 / 3").is_some());
    assert!(
        h.query_by_label("“We hope the dialogue will deepen strategic communication,”").is_some(),
        "best quote shown"
    );
    assert!(h.query_by_label("— Lim Soo-suk, ministry spokesperson").is_some());
    h.key_press(Key::PageDown);
    h.run_steps(2);
    assert!(h.query_by_label("3 / 3").is_some());
    h.key_press(Key::PageUp);
    h.run_steps(2);
    assert!(h.query_by_label("2 / 3").is_some());
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().presentation.is_none());
    assert!(h.query_by_label("▶ Present").is_some(), "back to the main view");
}

#[test]
fn star_then_undo_and_redo() {
    let mut h = seeds_app();
    let Some(first) =
        h.state().loaded.as_ref().and_then(|l| l.output.extraction.events.first().map(|e| e.id.clone()))
    else {
        eprintln!("SKIP star_then_undo_and_redo: the pipeline produced no events for the seeds");
        return;
    };
    h.state_mut().selected = Some(Selected::Event(first.clone()));
    h.run_steps(2);
    h.get_by_label("☆ Star").click();
    h.run_steps(2);
    assert_eq!(h.state().edits.edits(), &[Edit::StarEvent { event: first.clone() }]);
    h.state_mut().finish_loading_blocking();
    h.run_steps(2);
    let starred = |h: &Harness<'static, App>| {
        h.state()
            .loaded
            .as_ref()
            .and_then(|l| l.output.extraction.events.iter().find(|e| e.id == first).map(|e| e.starred))
    };
    assert_eq!(starred(&h), Some(true), "the edit reached the model");
    assert!(h.query_by_label("★ Unstar").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(h.state().edits.edits().is_empty(), "undone");
    assert!(h.state().edits.can_redo());
    h.state_mut().finish_loading_blocking();
    h.run_steps(2);
    assert_eq!(starred(&h), Some(false), "undo reached the model");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().edits.edits(), &[Edit::StarEvent { event: first.clone() }], "redone");
    h.state_mut().finish_loading_blocking();
    h.run_steps(2);
    assert_eq!(starred(&h), Some(true), "redo reached the model");
}

#[test]
fn open_folder_uses_the_picker_and_records_recent_folders() {
    let picker = FakePicker { answers: vec![seeds()] };
    let app = App::from_output(Path::new("/nonexistent-fixture"), ui_common::fixture(), Box::new(picker));
    let mut h = harness(app);
    h.run_steps(2);
    h.get_by_label("Open folder…").click();
    h.run_steps(3);
    assert_eq!(h.state().corpus_path, seeds());
    assert_eq!(h.state().prefs.recent.first(), Some(&seeds()));
    h.state_mut().finish_loading_blocking();
    h.run_steps(2);
    assert_eq!(h.state().loaded.as_ref().map(|l| l.output.extraction.articles.len()), Some(5));
}

#[test]
fn save_project_as_then_open_it_in_a_fresh_app() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("brief.dateline.json");
    let mut h = seeds_app();
    let Some(first) =
        h.state().loaded.as_ref().and_then(|l| l.output.extraction.events.first().map(|e| e.id.clone()))
    else {
        eprintln!("SKIP save_project_as_then_open_it_in_a_fresh_app: no events for the seeds");
        return;
    };
    h.state_mut().apply_edit(Edit::StarEvent { event: first.clone() }, None);
    h.state_mut().finish_loading_blocking();
    h.state_mut().save_project(&file);
    let text = std::fs::read_to_string(&file).expect("project written");
    assert!(text.contains("\"star_event\"") && text.contains(&first), "{text}");

    let picker = FakePicker { answers: vec![file.clone()] };
    let app = App::from_output(Path::new("/nonexistent-fixture"), ui_common::fixture(), Box::new(picker));
    let mut h2 = harness(app);
    h2.run_steps(2);
    h2.get_by_label("Project").click();
    h2.run_steps(2);
    h2.get_by_label("Open project…").click();
    h2.run_steps(3);
    assert_eq!(h2.state().edits.edits(), &[Edit::StarEvent { event: first.clone() }]);
    assert_eq!(
        h2.state().corpus_path.canonicalize().ok(),
        seeds().canonicalize().ok(),
        "the project's folder opens"
    );
    h2.state_mut().finish_loading_blocking();
    let starred = h2
        .state()
        .loaded
        .as_ref()
        .and_then(|l| l.output.extraction.events.iter().find(|e| e.id == first).map(|e| e.starred));
    assert_eq!(starred, Some(true));
}

#[test]
fn a_preliminary_timeline_shows_first_then_the_full_one_replaces_it() {
    // The folder is opened after the harness is built (building runs frames until the
    // window settles, which could take both models before the test looks), then frames run
    // one at a time.
    let app = App::from_output(Path::new("fixture"), ui_common::fixture(), Box::new(FakePicker::default()));
    let mut h = harness(app);
    let before = h.state().generation();
    h.state_mut().open(&seeds(), None);
    // The worker hands out the preliminary model before the full one, and a frame takes one
    // of them, so the first model the window takes is the preliminary one.
    let started = std::time::Instant::now();
    while h.state().generation() == before {
        assert!(started.elapsed().as_secs() < 60, "no model after 60 s");
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.run_steps(1);
    }
    assert!(h.state().is_preliminary(), "the first model shown is the preliminary one");
    // That frame drew it, with the banner (no frame has run since, so the full model, even
    // if ready, has not been taken yet).
    assert!(h.query_by_label_contains("Preliminary timeline").is_some(), "the banner says so");
    let preliminary_events = h.state().loaded.as_ref().map_or(0, |l| l.output.extraction.events.len());
    // Edits wait for the full model (they name its events): one made now is not recorded.
    let Some(first) = h.state().loaded.as_ref().and_then(|l| l.output.extraction.events.first()).cloned()
    else {
        panic!("the preliminary model has events")
    };
    h.state_mut().apply_edit(Edit::StarEvent { event: first.id }, None);
    assert!(h.state().edits.edits().is_empty(), "no edit recorded on a preliminary model");
    assert!(h.state().loader.is_some(), "the full run goes on");
    h.state_mut().finish_loading_blocking();
    h.run_steps(2);
    assert!(!h.state().is_preliminary());
    assert!(h.query_by_label_contains("Preliminary timeline").is_none(), "banner gone");
    let full_events = h.state().loaded.as_ref().map_or(0, |l| l.output.extraction.events.len());
    assert!(full_events < preliminary_events, "reports merged: {full_events} vs {preliminary_events}");
}

#[test]
fn lanes_laid_out_on_the_loader_are_used_only_for_the_view_they_were_made_for() {
    use dateline::ui::app::PreparedLanes;
    use dateline::ui::timeline_panel::Lanes;
    let fresh =
        || App::from_output(Path::new("fixture"), ui_common::fixture(), Box::new(FakePicker::default()));
    // A stand-in layout (no items) the window could not have made itself from the fixture's
    // events: seeing it after the refresh shows the prepared lanes were taken as they were.
    let prepare = |app: &mut App| {
        let mode = app.prefs.lanes;
        let Some(l) = app.loaded.as_mut() else { panic!("the fixture is loaded") };
        let visible = app.filters.visible(&l.output.extraction, &l.index);
        assert!(!visible.is_empty());
        l.lanes = Some(PreparedLanes { visible, mode, lanes: Lanes::default() });
    };
    // Same filters and lane mode as when the run started: used, no layout on the UI thread.
    let mut app = fresh();
    prepare(&mut app);
    app.refresh_visible();
    assert!(app.timeline.lanes().is_some_and(|l| l.items.is_empty()), "the prepared lanes are shown");
    // The filters changed while the run went on: the window lays the lanes out itself.
    let mut app = fresh();
    prepare(&mut app);
    app.filters.starred_only = true;
    app.refresh_visible();
    assert!(app.timeline.lanes().is_none(), "lanes for another view are not used");
    // And a frame then lays out the real ones.
    let mut h = harness(app);
    h.run_steps(1);
    assert!(h.state().timeline.lanes().is_some());
}
