//! Ingest throughput on the Reuters folder (19,043 wire stories, 17.7 MB), on ONE core:
//! - `ingest/end_to_end`: walk + read + decode + metadata + sentences (`corpus::load` +
//!   `Document::for_article`),
//! - `ingest/in_memory`: decode + metadata + sentences on bytes already in memory.
//!
//! Time is the process CPU time (one worker thread), so the figure is what one core does
//! even when other jobs share the machine; wall time on an idle machine is the same.
//!
//! Uses `/work/reuters` or `../shared/reuters-folder` output when present (build it with
//! `../shared/tools/reuters-folder OUT`, then `DATELINE_REUTERS=OUT`); skips with a message
//! when neither exists.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::corpus::{self, Format, LoadOptions, article_from_bytes};
use dateline::pipeline::Progress;
use dateline::text::Document;

#[path = "common/mod.rs"]
mod common;

use common::{CpuTime, reuters_folder};

fn bench(c: &mut Criterion<CpuTime>) {
    let Some(dir) = reuters_folder() else {
        eprintln!(
            "ingest bench skipped: no Reuters folder (/work/reuters or ../shared/tools/reuters-folder)"
        );
        return;
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("ingest bench skipped: cannot build a one-thread pool: {e}");
            return;
        }
    };
    let opts = LoadOptions::default();
    let first = pool.install(|| corpus::load(&dir, &opts, &Progress::default()));
    let Ok(first) = first else {
        eprintln!("ingest bench skipped: cannot load {}", dir.display());
        return;
    };
    let files: Vec<(String, Vec<u8>)> = first
        .articles
        .iter()
        .filter_map(|a| std::fs::read(dir.join(&a.path)).ok().map(|b| (a.path.clone(), b)))
        .collect();
    let total: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    eprintln!("ingest bench: {} files, {} bytes from {}", files.len(), total, dir.display());

    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total));
    g.bench_function("end_to_end", |b| {
        b.iter(|| {
            pool.install(|| {
                let corpus =
                    corpus::load(&dir, &opts, &Progress::default()).map(|c| c.articles).unwrap_or_default();
                corpus.iter().map(|a| Document::for_article(a).sentences.len()).sum::<usize>()
            })
        })
    });
    g.bench_function("in_memory", |b| {
        b.iter(|| {
            let mut sentences = 0;
            for (rel, bytes) in &files {
                if let Ok(a) = article_from_bytes(rel, Format::Text, bytes) {
                    sentences += Document::for_article(&a).sentences.len();
                }
            }
            sentences
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench
}
criterion_main!(benches);
