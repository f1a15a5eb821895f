//! The app's Export menu driven headless: the fake picker answers the save dialogs, the files
//! are written through the library, and their content is checked against the loaded model.
//! (The current-view screenshot needs a GPU and is not run here.)
#![cfg(feature = "gui")]

mod ui_common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline::ui::App;
use dateline::ui::app::ExportJob;
use dateline::ui::picker::FakePicker;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn seeds_app(answers: Vec<PathBuf>) -> Harness<'static, App> {
    let mut app = App::with_picker(&seeds(), Box::new(FakePicker { answers }));
    app.finish_loading_blocking();
    let mut h = Harness::builder()
        .with_size([1500.0, 920.0])
        .with_context_setup(dateline::ui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run_steps(3);
    h
}

fn fixture_app(answers: Vec<PathBuf>) -> Harness<'static, App> {
    let app = App::from_output(Path::new("fixture"), ui_common::fixture(), Box::new(FakePicker { answers }));
    let mut h = Harness::builder()
        .with_size([1500.0, 920.0])
        .with_context_setup(dateline::ui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run_steps(3);
    h
}

/// Runs frames until the export in flight is done (the write runs on a worker thread).
fn wait_export(h: &mut Harness<'static, App>) {
    let t0 = Instant::now();
    h.run_steps(1);
    while h.state().exporting() && t0.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
        h.run_steps(1);
    }
    assert!(!h.state().exporting(), "the export finished");
}

/// A visible event title that survives CSV and Markdown escaping unchanged.
fn plain_title(h: &Harness<'static, App>) -> String {
    let l = h.state().loaded.as_ref().expect("seeds loaded");
    l.output
        .extraction
        .events
        .iter()
        .filter(|e| !e.hidden)
        .map(|e| e.title.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| t.len() > 8 && t.chars().all(|c| c.is_alphanumeric() || " ,.'-".contains(c)))
        .expect("a seed event with a plain title")
}

fn notice(h: &Harness<'static, App>) -> String {
    h.state().notice.as_ref().map(|n| n.0.clone()).unwrap_or_default()
}

#[test]
fn export_menu_writes_csv_markdown_and_whole_timeline_svg() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("out.csv");
    let md = dir.path().join("out.md");
    let svg = dir.path().join("out.svg");
    let mut h = seeds_app(vec![csv.clone(), md.clone(), svg.clone()]);
    let title = plain_title(&h);

    // CSV through the menu, clicked like a user.
    h.get_by_label("Export").click();
    h.run_steps(2);
    h.get_by_label("Export data…").click();
    h.run_steps(2);
    h.get_by_label("CSV…").click();
    wait_export(&mut h);
    assert!(notice(&h).contains("out.csv"), "status shows the path: {:?}", notice(&h));
    let text = std::fs::read_to_string(&csv).expect("CSV written");
    let header = text.lines().next().unwrap_or_default();
    assert!(header.starts_with("date,") && header.contains(",title,"), "CSV header row: {header:?}");
    assert!(text.contains(&title), "CSV lists the event {title:?}");
    assert!(text.lines().count() > 2, "CSV has several event rows");

    // Markdown and the whole-timeline SVG through the same path the menu items take.
    h.state_mut().pick_export(ExportJob::Data(dateline::export::Format::Markdown));
    wait_export(&mut h);
    let text = std::fs::read_to_string(&md).expect("Markdown written");
    assert!(text.starts_with("# "), "Markdown starts with a heading");
    assert!(text.contains(&title), "Markdown lists the event {title:?}");

    h.state_mut().pick_export(ExportJob::WholeImage);
    wait_export(&mut h);
    assert!(notice(&h).contains("out.svg"), "status shows the path: {:?}", notice(&h));
    let text = std::fs::read_to_string(&svg).expect("SVG written");
    let doc = roxmltree::Document::parse(&text).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let words: String = doc.descendants().filter_map(|n| n.text()).collect::<Vec<_>>().join(" ");
    let first_word = title.split_whitespace().next().unwrap_or_default();
    assert!(words.contains(first_word), "the drawing labels events (looked for {first_word:?})");
}

#[test]
fn export_respects_the_starred_filter_and_reports_write_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("starred.csv");
    let bad = dir.path().join("no-such-dir").join("x.csv");
    let mut h = seeds_app(vec![csv.clone(), bad.clone()]);
    // Nothing is starred in a fresh load: the starred-only export holds only the header.
    h.state_mut().filters.starred_only = true;
    h.state_mut().pick_export(ExportJob::Data(dateline::export::Format::Csv));
    wait_export(&mut h);
    let text = std::fs::read_to_string(&csv).expect("CSV written");
    assert_eq!(text.lines().count(), 1, "only the header row: {text:?}");

    h.state_mut().pick_export(ExportJob::Data(dateline::export::Format::Csv));
    wait_export(&mut h);
    assert!(notice(&h).starts_with("Export failed"), "the error is shown: {:?}", notice(&h));
    assert!(!bad.exists());
}

/// Titles of the three fixture events.
const SUMMIT: &str = "A summit could follow";
const TALKS: &str = "Diplomatic and security dialogue in Seoul";
const LAST_MET: &str = "The two sides last met";

#[test]
fn exports_hold_exactly_the_events_the_search_and_outlet_filters_show() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("view.csv");
    let json = dir.path().join("view.json");
    let tljs = dir.path().join("view-tljs.json");
    let md = dir.path().join("view.md");
    let mut h = fixture_app(vec![csv.clone(), json.clone(), tljs.clone(), md.clone()]);

    // The search: only the summit matches.
    h.state_mut().filters.text = "summit".into();
    h.run_steps(2);
    assert!(h.query_by_label("1 of 3 shown").is_some(), "the search narrows the view");
    h.state_mut().pick_export(ExportJob::Data(dateline::export::Format::Csv));
    wait_export(&mut h);
    let text = std::fs::read_to_string(&csv).expect("CSV written");
    assert!(text.contains(SUMMIT), "the shown event is exported: {text}");
    assert!(!text.contains(TALKS) && !text.contains(LAST_MET), "hidden by the search, left out: {text}");

    h.state_mut().pick_export(ExportJob::Data(dateline::export::Format::Json));
    wait_export(&mut h);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("JSON written")).expect("valid JSON");
    let titles: Vec<&str> =
        v["events"].as_array().expect("events").iter().filter_map(|e| e["title"].as_str()).collect();
    assert_eq!(titles, vec![SUMMIT]);
    assert_eq!(v["articles"].as_array().map(Vec::len), Some(2), "the sources stay for the citations");

    // The outlet filter (the search cleared): the Korea Herald reports two of the three events.
    h.state_mut().filters.text.clear();
    h.state_mut().filters.outlet = Some("The Korea Herald".into());
    h.run_steps(2);
    assert!(h.query_by_label("2 of 3 shown").is_some(), "the outlet filter narrows the view");
    h.state_mut().pick_export(ExportJob::Data(dateline::export::Format::TimelineJs));
    wait_export(&mut h);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&tljs).expect("TimelineJS written"))
            .expect("valid JSON");
    let mut heads: Vec<&str> = v["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["text"]["headline"].as_str())
        .collect();
    heads.sort();
    assert_eq!(heads, vec![TALKS, LAST_MET]);

    // A person filter: nobody in the fixture is linked to events, so nothing is shown or exported.
    h.state_mut().filters.outlet = None;
    h.state_mut().filters.entity = Some("no-such-entity".into());
    h.run_steps(2);
    h.state_mut().pick_export(ExportJob::Data(dateline::export::Format::Markdown));
    wait_export(&mut h);
    let text = std::fs::read_to_string(&md).expect("Markdown written");
    for t in [SUMMIT, TALKS, LAST_MET] {
        assert!(!text.contains(t), "no event passes the person filter, yet {t:?} was exported");
    }
}
