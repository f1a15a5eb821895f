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
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::corpus::{self, LoadOptions};
use dateline::extract::{entities, quotes};
use dateline::model::Article;
use dateline::pipeline::Progress;
use dateline::text::Document;

/// Process CPU time (user + system).
struct CpuTime;

fn cpu_now() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

impl Measurement for CpuTime {
    type Intermediate = Duration;
    type Value = Duration;
    fn start(&self) -> Duration {
        cpu_now()
    }
    fn end(&self, i: Duration) -> Duration {
        cpu_now().saturating_sub(i)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, v: &Duration) -> f64 {
        v.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Formats nanoseconds of CPU time, and throughput in decimal MB/s.
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (div, unit) = if typical < 1e6 { (1e3, "µs cpu") } else { (1e6, "ms cpu") };
        values.iter_mut().for_each(|v| *v /= div);
        unit
    }
    fn scale_throughputs(&self, _typical: f64, t: &Throughput, values: &mut [f64]) -> &'static str {
        let n = match t {
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) => *n as f64 / 1e6,
            _ => 1.0,
        };
        values.iter_mut().for_each(|v| *v = if *v > 0.0 { n * 1e9 / *v } else { 0.0 });
        "MB/s"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn reuters_folder() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut candidates: Vec<PathBuf> =
        std::env::var("DATELINE_REUTERS").map(PathBuf::from).into_iter().collect();
    candidates.push(PathBuf::from("/work/reuters"));
    candidates.push(root.join("../reuters"));
    if let Some(found) = candidates.into_iter().find(|p| p.is_dir()) {
        return Some(found);
    }
    let out = std::env::temp_dir().join("dateline-bench-reuters");
    if out.is_dir() {
        return Some(out);
    }
    let tool = root.join("../shared/tools/reuters-folder");
    let built =
        tool.is_file() && std::process::Command::new(&tool).arg(&out).status().is_ok_and(|s| s.success());
    built.then_some(out)
}

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
