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

use std::path::{Path, PathBuf};

use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::corpus::{self, Format, LoadOptions, article_from_bytes};
use dateline::pipeline::Progress;
use dateline::text::Document;

/// Process CPU time (user + system, all threads).
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
        let (div, unit) = if typical < 1e3 {
            (1.0, "ns cpu")
        } else if typical < 1e6 {
            (1e3, "µs cpu")
        } else if typical < 1e9 {
            (1e6, "ms cpu")
        } else {
            (1e9, "s cpu")
        };
        values.iter_mut().for_each(|v| *v /= div);
        unit
    }
    fn scale_throughputs(&self, _typical: f64, t: &Throughput, values: &mut [f64]) -> &'static str {
        let (n, unit) = match t {
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) => (*n as f64 / 1e6, "MB/s"),
            Throughput::Elements(n) => (*n as f64, "elem/s"),
            _ => (1.0, "/s"),
        };
        values.iter_mut().for_each(|v| *v = if *v > 0.0 { n * 1e9 / *v } else { 0.0 });
        unit
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn reuters_folder() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Ok(p) = std::env::var("DATELINE_REUTERS") {
        candidates.push(PathBuf::from(p));
    }
    candidates.push(PathBuf::from("/work/reuters"));
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../reuters"));
    if let Some(found) = candidates.into_iter().find(|p| p.is_dir()) {
        return Some(found);
    }
    // Build it from the shared data when the tool is there.
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/reuters-folder");
    let out = std::env::temp_dir().join("dateline-bench-reuters");
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
