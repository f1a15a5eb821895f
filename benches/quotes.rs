//! Quotes + entities throughput, on ONE core (the extractors are single-threaded per article):
//! - `quotes_entities/reuters`: `entities::extract` + `quotes::extract` over the Reuters folder
//!   (19,043 wire stories, 17.7 MB), documents already split (ingest is benched separately),
//! - `quotes_entities/polnear`: the same over PolNeAR train text (840 quote-dense political
//!   stories), when `../shared/data/polnear` is present.
//!
//! Time is process CPU time, so the figure is what one core does even when other jobs share
//! the machine. Uses `/work/reuters`, `DATELINE_REUTERS=DIR`, or builds the folder with
//! `../shared/tools/reuters-folder`; skips with a message when none is possible.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::corpus::{self, LoadOptions};
use dateline::extract::{entities, quotes};
use dateline::model::Article;
use dateline::pipeline::Progress;
use dateline::text::Document;

#[path = "common/mod.rs"]
mod common;

use common::{CpuTime, reuters_folder};

fn load(dir: &Path) -> Vec<(Article, Document)> {
    let Ok(c) = corpus::load(dir, &LoadOptions::default(), &Progress::default()) else { return Vec::new() };
    c.articles
        .into_iter()
        .map(|a| {
            let d = Document::for_article(&a);
            (a, d)
        })
        .collect()
}

fn run(docs: &[(Article, Document)]) -> usize {
    let mut n = 0;
    for (a, d) in docs {
        let mentions = entities::extract(a, d);
        n += mentions.len() + quotes::extract(a, d, &mentions).len();
    }
    n
}

fn bench(c: &mut Criterion<CpuTime>) {
    let mut g = c.benchmark_group("quotes_entities");
    g.sample_size(10);
    match reuters_folder() {
        Some(dir) => {
            let docs = load(&dir);
            let bytes: u64 = docs.iter().map(|(a, _)| a.text.len() as u64).sum();
            eprintln!("quotes bench: {} Reuters articles, {bytes} bytes from {}", docs.len(), dir.display());
            g.throughput(Throughput::Bytes(bytes));
            g.bench_function("reuters", |b| b.iter(|| run(&docs)));
        }
        None => eprintln!(
            "quotes bench: Reuters skipped (no /work/reuters, DATELINE_REUTERS or reuters-folder tool)"
        ),
    }
    let polnear = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/polnear/train/text");
    let polnear =
        if polnear.is_dir() { polnear } else { PathBuf::from("/work/shared/data/polnear/train/text") };
    if polnear.is_dir() {
        let docs = load(&polnear);
        let bytes: u64 = docs.iter().map(|(a, _)| a.text.len() as u64).sum();
        eprintln!("quotes bench: {} PolNeAR articles, {bytes} bytes", docs.len());
        g.throughput(Throughput::Bytes(bytes));
        g.bench_function("polnear", |b| b.iter(|| run(&docs)));
    } else {
        eprintln!("quotes bench: PolNeAR skipped (../shared/data/polnear absent)");
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench
}
criterion_main!(benches);
