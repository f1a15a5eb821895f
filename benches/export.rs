//! Export speed: the SVG drawing, its PNG rasterisation (resvg, 1920 px) and the JSON, CSV,
//! TimelineJS and Markdown writers, on the seeds and on a larger model built from the first
//! `DATELINE_BENCH_ARTICLES` (default 1000) Reuters stories, in CPU time. The models are built once
//! outside the measurement; the Reuters part is skipped with a message when no folder is found.
//!
//! `cargo bench --bench export` (figures in `docs/BENCHMARKS.md`, section "Export").

mod common;

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

use dateline::corpus::{self, LoadOptions};
use dateline::export::{self, Format, Selection, svg::RenderOptions};
use dateline::model::Extraction;
use dateline::pipeline::{self, Progress};

use common::{CpuTime, reuters_folder};

fn seeds() -> Option<Extraction> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    pipeline::run(&root, &[], &Progress::default()).ok().map(|o| o.extraction)
}

fn reuters_model() -> Option<Extraction> {
    let Some(dir) = reuters_folder() else {
        eprintln!("export bench: no Reuters folder (set DATELINE_REUTERS); the large model is skipped");
        return None;
    };
    let n = std::env::var("DATELINE_BENCH_ARTICLES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let mut c = corpus::load(&dir, &LoadOptions::default(), &Progress::default()).ok()?;
    c.articles.truncate(n);
    Some(pipeline::process(c, &[], &Progress::default()).extraction)
}

fn bench_model(c: &mut Criterion<CpuTime>, name: &str, x: &Extraction) {
    eprintln!(
        "export bench [{name}]: {} articles, {} events, {} quotes",
        x.articles.len(),
        x.events.len(),
        x.quotes.len()
    );
    let sel = Selection::default();
    let opts = RenderOptions::default();
    let mut g = c.benchmark_group(format!("export/{name}"));
    g.sample_size(10);
    g.bench_function("svg", |b| b.iter(|| export::svg::render_svg(x, &opts).len()));
    g.bench_function("png_1920", |b| {
        b.iter(|| export::png::render_png(x, &opts, 1920).map(|p| p.len()).unwrap_or(0))
    });
    for (label, f) in [
        ("json", Format::Json),
        ("csv", Format::Csv),
        ("timelinejs", Format::TimelineJs),
        ("markdown", Format::Markdown),
    ] {
        g.bench_function(label, |b| b.iter(|| export::write_format(x, f, &sel).len()));
    }
    g.finish();
}

fn bench_export(c: &mut Criterion<CpuTime>) {
    match seeds() {
        Some(x) => bench_model(c, "seeds", &x),
        None => eprintln!("export bench: the seeds did not load; skipped"),
    }
    if let Some(x) = reuters_model() {
        bench_model(c, "reuters", &x);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench_export
}
criterion_main!(benches);
