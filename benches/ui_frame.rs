//! Headless full-frame cost of the app over a large model (20,000 events, 20,000 articles):
//! one `App::ui` frame, measured with egui_kittest (CPU side: layout, lanes, painting to
//! shapes; no GPU). Three views: everything fitted (aggregated), a month (individual
//! markers and decluttered labels), and a search keystroke (filter + lane rebuild).

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use dateline::model::{Article, DateStatus, Event, EventKind, Extraction, Precision};
use dateline::pipeline::Output;
use dateline::ui::App;
use dateline::ui::picker::FakePicker;
use dateline::ui::view_model::day_x;
use egui_kittest::Harness;

const N: usize = 20_000;

/// A deterministic synthetic model: events spread over 30 years, denser in the last two.
fn model() -> Output {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let base = NaiveDate::from_ymd_opt(1995, 1, 1).unwrap_or_default();
    let outlets: Vec<String> = (0..40).map(|i| format!("Outlet {i}")).collect();
    let mut articles = Vec::with_capacity(N);
    let mut events = Vec::with_capacity(N);
    for i in 0..N {
        let day = if i % 3 == 0 { (next() % 11_000) as i64 } else { 10_300 + (next() % 700) as i64 };
        let start = base + chrono::Duration::days(day);
        let (precision, end) = match next() % 10 {
            0 => (Precision::Year, start + chrono::Duration::days(364)),
            1 | 2 => (Precision::Month, start + chrono::Duration::days(29)),
            _ => (Precision::Day, start),
        };
        let id = format!("a{i:05}");
        articles.push(Article {
            id: id.clone(),
            path: format!("{id}.txt"),
            title: Some(format!("Article {i} about talks and trade")),
            source: Some(outlets[i % outlets.len()].clone()),
            published: Some(start),
            published_status: DateStatus::Stated,
            text: Arc::from("Officials met on Tuesday to discuss trade."),
            ..Article::default()
        });
        let n_out = 1 + (next() % 4) as usize;
        events.push(Event {
            id: format!("e{i:05}"),
            kind: if i % 4 == 0 { EventKind::Statement } else { EventKind::Event },
            date: start.to_string(),
            start: Some(start),
            end: Some(end),
            precision: Some(precision),
            title: format!("Event {i}: ministers meet to discuss the trade agreement"),
            articles: vec![id],
            outlets: (0..n_out).map(|k| outlets[(i + k) % outlets.len()].clone()).collect(),
            confidence: if i % 7 == 0 { 0.3 } else { 0.9 },
            first_reported: Some(start),
            ..Event::default()
        });
    }
    Output { extraction: Extraction { articles, events, ..Extraction::default() }, ..Output::default() }
}

fn harness() -> Harness<'static, App> {
    let app = App::from_output(Path::new("bench-model"), model(), Box::new(FakePicker::default()));
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run_steps(3);
    h
}

fn frames(c: &mut Criterion) {
    let mut g = c.benchmark_group("ui_frame_20k");
    g.sample_size(30);
    let mut h = harness();
    h.state_mut().timeline.request_fit();
    h.run_steps(2);
    assert_eq!(h.state().visible.len(), N, "all events visible");
    g.bench_function("fit_all_aggregated", |b| b.iter(|| h.step()));
    let d = |y, m| day_x(NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default());
    h.state_mut().timeline.zoom_to = Some((d(2024, 6), d(2024, 7)));
    h.run_steps(2);
    g.bench_function("one_month_markers_and_labels", |b| b.iter(|| h.step()));
    let mut flip = false;
    g.bench_function("search_keystroke_refilter", |b| {
        b.iter(|| {
            flip = !flip;
            h.state_mut().filters.text = if flip { "trade".into() } else { "event 1".into() };
            h.step();
        })
    });
    g.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
