//! Tagging throughput of the time-expression engine on Reuters wire stories, in process CPU
//! time (one core's work even while other jobs share the machine).
//!
//! Reads the Reuters folder (`$DATELINE_REUTERS`, `/work/reuters`, or one built with
//! `../shared/tools/reuters-folder`); skips when none is available.
//! Run: `cargo bench --no-default-features --bench timex`.

use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "common/mod.rs"]
mod common;

use common::{CpuTime, reuters_folder};

use dateline::extract::timex;
use dateline::model::Article;
use dateline::text::Document;

fn load(dir: &Path) -> Vec<Article> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| Article { text: Arc::from(String::from_utf8_lossy(&b).as_ref()), ..Default::default() })
        .collect()
}

fn bench(c: &mut Criterion<CpuTime>) {
    let Some(dir) = reuters_folder() else {
        eprintln!("no Reuters folder (/work/reuters or ../shared/tools/reuters-folder): skipping");
        return;
    };
    let articles = load(&dir);
    let docs: Vec<Document> = articles.iter().map(|a| Document::parse(&a.text)).collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let anchor = chrono::NaiveDate::from_ymd_opt(1987, 3, 1);
    let mut g = c.benchmark_group("timex");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("tag_reuters", |b| {
        b.iter(|| {
            let mut n = 0;
            for (a, d) in articles.iter().zip(&docs) {
                n += timex::tag(a, d, anchor).len();
            }
            n
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
