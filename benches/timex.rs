//! Tagging throughput of the time-expression engine on Reuters wire stories.
//!
//! Reads the Reuters folder (`/work/reuters`, or `$DATELINE_REUTERS`, or builds one with
//! `../shared/tools/reuters-folder` into the target dir); skips when none is available.
//! Run: `cargo bench --no-default-features --bench timex`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use dateline::extract::timex;
use dateline::model::Article;
use dateline::text::Document;

fn reuters_folder() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("DATELINE_REUTERS") {
        return Some(PathBuf::from(p));
    }
    let fixed = Path::new("/work/reuters");
    if fixed.is_dir() {
        return Some(fixed.to_path_buf());
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tool = root.join("../shared/tools/reuters-folder");
    let out = root.join("target/reuters-bench");
    if out.is_dir() {
        return Some(out);
    }
    if tool.is_file() {
        let ok = std::process::Command::new(&tool).arg(&out).status().is_ok_and(|s| s.success());
        if ok {
            return Some(out);
        }
    }
    None
}

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

fn bench(c: &mut Criterion) {
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

criterion_group!(benches, bench);
criterion_main!(benches);
