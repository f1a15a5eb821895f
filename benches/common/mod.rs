//! Shared by the one-core benches: a criterion measurement of process CPU time (so a figure is
//! what one core does even while other jobs share the machine) and the Reuters folder they read.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Throughput;
use criterion::measurement::{Measurement, ValueFormatter};

/// Process CPU time (user + system, all threads).
pub struct CpuTime;

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

/// The Reuters folder: `DATELINE_REUTERS`, `/work/reuters`, `../reuters`, or one built with
/// `../shared/tools/reuters-folder` into a temp dir; `None` when none can be had.
pub fn reuters_folder() -> Option<PathBuf> {
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
