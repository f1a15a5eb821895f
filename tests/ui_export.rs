//! The app's Export menu driven headless: the fake picker answers the save dialogs, the files
//! are written through the library, and their content is checked against the loaded model.
//! (The current-view screenshot needs a GPU and is not run here.)
#![cfg(feature = "gui")]

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
