//! The cross-article stage (`timeline::build`: entity merge, duplicates, date checks,
//! event merge, quote support, conflicts) on the Reuters folder, per-article analysis done
//! once outside the measurement.
//!
//! Folder: `$DATELINE_REUTERS`, else `target/reuters`, else `/work/reuters`; built with
//! `../shared/tools/reuters-folder` when none exists; skipped (with a message) otherwise.
//! `DATELINE_BENCH_ARTICLES=N` limits the number of articles.

use std::path::{Path, PathBuf};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rayon::prelude::*;

use dateline::corpus::{self, LoadOptions};
use dateline::extract::{self, ArticleAnalysis};
use dateline::model::Article;
use dateline::pipeline::Progress;
use dateline::timeline;

fn reuters() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("DATELINE_REUTERS") {
        candidates.push(PathBuf::from(p));
    }
    candidates.push(root.join("target/reuters"));
    candidates.push(PathBuf::from("/work/reuters"));
    if let Some(found) = candidates.iter().find(|p| p.is_dir()) {
        return Some(found.clone());
    }
    let tool = root.join("../shared/tools/reuters-folder");
    let out = root.join("target/reuters");
    let built = tool.is_file()
        && std::process::Command::new(&tool).arg(&out).status().map(|s| s.success()).unwrap_or(false);
    built.then_some(out)
}

fn prepared(dir: &Path) -> (Vec<Article>, Vec<ArticleAnalysis>) {
    let corpus = corpus::load(dir, &LoadOptions::default(), &Progress::default()).unwrap_or_default();
    let mut articles = corpus.articles;
    if let Some(n) = std::env::var("DATELINE_BENCH_ARTICLES").ok().and_then(|v| v.parse::<usize>().ok()) {
        articles.truncate(n);
    }
    for a in &mut articles {
        a.stated_published = a.published;
    }
    let analyses = articles.par_iter().map(|a| extract::analyze(a, a.published)).collect();
    (articles, analyses)
}

fn bench_timeline(c: &mut Criterion) {
    let Some(dir) = reuters() else {
        eprintln!(
            "timeline bench: no Reuters folder (set DATELINE_REUTERS or provide ../shared/tools/reuters-folder); skipping"
        );
        return;
    };
    let (articles, analyses) = prepared(&dir);
    let mentions: usize = analyses.iter().map(|a| a.events.len()).sum();
    eprintln!(
        "timeline bench: {} articles, {mentions} event mentions from {}",
        articles.len(),
        dir.display()
    );
    let mut group = c.benchmark_group("timeline");
    group.sample_size(10);
    group.bench_function(format!("build_{}_articles", articles.len()), |b| {
        b.iter_batched(
            || (articles.clone(), analyses.clone()),
            |(mut a, mut an)| {
                let t = timeline::build(&mut a, &mut an);
                assert!(!t.events.is_empty());
                t.events.len()
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_timeline);
criterion_main!(benches);
