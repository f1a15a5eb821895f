//! The whole chain, corpus to model: load → analyse each article (in parallel) →
//! cross-article timeline → user edits. Also the shared progress/cancel handle.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::corpus::{self, Corpus, LoadOptions};
use crate::edits::{self, Edit};
use crate::extract::{self, ArticleAnalysis};
use crate::model::{Article, DateStatus, Extraction};
use crate::timeline;

/// Progress of a run, shared between the worker and the UI; also carries the cancel flag.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    stage: Mutex<String>,
    cancel: AtomicBool,
}

impl Progress {
    /// Starts a new stage with `total` steps.
    pub fn stage(&self, name: &str, total: usize) {
        if let Ok(mut s) = self.stage.lock() {
            *s = name.to_string();
        }
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }
    /// Sets the number of steps of the current stage.
    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }
    /// One more step done.
    pub fn advance(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }
    /// `(stage, done, total)` for display.
    pub fn snapshot(&self) -> (String, usize, usize) {
        let s = self.stage.lock().map(|s| s.clone()).unwrap_or_default();
        (s, self.done.load(Ordering::Relaxed), self.total.load(Ordering::Relaxed))
    }
    /// Asks the run to stop at the next article.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
    /// Whether cancel was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Everything a run produces: the model (JSON contract) plus per-article analyses the UI reuses.
#[derive(Clone, Debug, Default)]
pub struct Output {
    /// The model.
    pub extraction: Extraction,
    /// Per-article analyses, parallel to `extraction.articles`.
    pub analyses: Vec<ArticleAnalysis>,
    /// The articles as loaded (before edits and the timeline stage); [`reprocess`] starts from them.
    pub loaded: Vec<Article>,
}

/// Loads `root` and runs the whole pipeline with `edits` applied.
pub fn run(root: &Path, edits: &[Edit], progress: &Progress) -> Result<Output, String> {
    run_with_preview(root, edits, progress, None)
}

/// Receives a preliminary model while the pipeline goes on (see [`run_with_preview`]).
pub type Preview<'a> = dyn Fn(Output) + 'a;

/// [`run`], handing `preview` a preliminary model ([`timeline::preliminary`]: one event
/// per report, nothing cross-checked, no edits applied, no per-article analyses) as soon
/// as every article is analysed, before the cross-article stage. The app shows it so a
/// large folder is on screen within seconds.
pub fn run_with_preview(
    root: &Path,
    edits: &[Edit],
    progress: &Progress,
    preview: Option<&Preview>,
) -> Result<Output, String> {
    progress.stage("reading", 0);
    let clock = std::time::Instant::now();
    let corpus = corpus::load(root, &LoadOptions::default(), progress)?;
    report_time("reading", clock);
    Ok(process_with_preview(corpus, edits, progress, preview))
}

/// Prints how long a stage took since `since` on stderr when `DATELINE_TIMING` is set, so
/// each stage's share of a benchmark run is known.
pub fn report_time(stage: &str, since: std::time::Instant) {
    if std::env::var_os("DATELINE_TIMING").is_some() {
        eprintln!("{stage}: {:.3}s ({})", since.elapsed().as_secs_f64(), usage_so_far());
    }
}

/// CPU time (user + system) this process has used so far, from `/proc/self/stat` (0 where
/// that is not available). With the wall time it shows a stage's parallelism, and unlike
/// the wall time it does not grow when other programs share the cores.
pub fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let Some((_, rest)) = stat.rsplit_once(')') else { return 0.0 };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// Resident memory of this process in MB, from `/proc/self/status` (0 where that is not
/// available): the stage timings show it so the stage that grows memory is known.
pub fn resident_mb() -> f64 {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else { return 0.0 };
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// `process CPU so far 1.23s, RSS 456 MB`: the tail of every `DATELINE_TIMING` line.
pub fn usage_so_far() -> String {
    format!("process CPU so far {:.2}s, RSS {:.0} MB", cpu_seconds(), resident_mb())
}

/// Runs extraction, timeline and edits over an already loaded corpus.
///
/// Article dates set by edits are applied first (they are the anchor relative dates resolve
/// against); event, quote and entity edits are replayed after the timeline is built.
pub fn process(corpus: Corpus, edits: &[Edit], progress: &Progress) -> Output {
    process_with_preview(corpus, edits, progress, None)
}

/// [`process`] with an optional preview (see [`run_with_preview`]).
fn process_with_preview(
    corpus: Corpus,
    edits: &[Edit],
    progress: &Progress,
    preview: Option<&Preview>,
) -> Output {
    let Corpus { articles: loaded, skipped, .. } = corpus;
    let mut articles = with_published_edits(&loaded, edits);
    progress.stage("extracting", articles.len());
    let clock = std::time::Instant::now();
    let mut analyses: Vec<ArticleAnalysis> = articles
        .par_iter()
        .map(|a| {
            let r = extract::analyze(a, a.published);
            progress.advance();
            r
        })
        .collect();
    report_time("per-article extraction", clock);
    let mut index = None;
    if let Some(preview) = preview
        && !progress.is_cancelled()
    {
        let clock = std::time::Instant::now();
        let made = timeline::entities::merge(&articles, &analyses);
        let t = timeline::preliminary::build(&articles, &analyses, &made);
        index = Some(made);
        let extraction = extraction_of(articles.clone(), skipped.clone(), t);
        report_time("preliminary timeline", clock);
        preview(Output { extraction, ..Default::default() });
    }
    progress.stage("building timeline", 1);
    let clock = std::time::Instant::now();
    let extraction = finish(&mut articles, &mut analyses, skipped, edits, index);
    report_time("timeline and edits", clock);
    progress.advance();
    Output { extraction, analyses, loaded }
}

/// Re-applies the whole edit list `edits` to `out` (after an edit, undo or redo): only the
/// articles whose publication date changed are re-analysed, then the timeline is rebuilt and
/// the event, quote and entity edits are replayed. Much cheaper than [`process`].
pub fn reprocess(out: &mut Output, edits: &[Edit]) {
    let mut articles = with_published_edits(&out.loaded, edits);
    if out.analyses.len() != articles.len() {
        out.analyses = articles.par_iter().map(|a| extract::analyze(a, a.published)).collect();
    } else {
        articles.par_iter().zip(out.analyses.par_iter_mut()).for_each(|(a, an)| {
            if an.anchor != a.published {
                extract::reanchor(a, an, a.published);
            }
        });
    }
    let skipped = std::mem::take(&mut out.extraction.skipped);
    out.extraction = finish(&mut articles, &mut out.analyses, skipped, edits, None);
}

/// The loaded articles with `stated_published` recorded and the dates set by edits applied.
fn with_published_edits(loaded: &[Article], edits: &[Edit]) -> Vec<Article> {
    let (dates, _) = edits::published_overrides(edits);
    loaded
        .iter()
        .map(|a| {
            let mut a = a.clone();
            if a.stated_published.is_none() {
                a.stated_published = a.published;
            }
            if let Some(d) = dates.get(&a.id) {
                a.published = Some(*d);
                a.published_status = DateStatus::Edited;
                a.published_reason = Some("set by the user".into());
            }
            a
        })
        .collect()
}

/// Timeline stage plus the replay of event, quote and entity edits.
fn finish(
    articles: &mut Vec<Article>,
    analyses: &mut [ArticleAnalysis],
    skipped: Vec<crate::model::Skipped>,
    edits: &[Edit],
    index: Option<timeline::entities::EntityIndex>,
) -> Extraction {
    let t = match index {
        Some(index) => timeline::build_reusing(articles, analyses, index),
        None => timeline::build(articles, analyses),
    };
    let mut extraction = extraction_of(std::mem::take(articles), skipped, t);
    edits::apply(&mut extraction, analyses, edits);
    extraction
}

/// The model of `articles` (and the files `skipped`) with timeline `t`, before edits.
fn extraction_of(
    articles: Vec<Article>,
    skipped: Vec<crate::model::Skipped>,
    t: timeline::Timeline,
) -> Extraction {
    Extraction {
        articles,
        skipped,
        timexes: t.timexes,
        entities: t.entities,
        quotes: t.quotes,
        events: t.events,
        conflicts: t.conflicts,
        unapplied_edits: Vec::new(),
    }
}
