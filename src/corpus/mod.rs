//! Finding, decoding and reading articles with their metadata.
//!
//! [`walk`] finds candidate files, [`read`] reads one safely (size cap first, never
//! blocking), [`decode`] turns bytes into text, [`html`] extracts the main text of a web
//! page, and [`metadata`] reads title, outlet, byline, URL and publication date with the
//! line each came from. Never writes into the corpus folder. Every file not loaded is
//! reported in [`Corpus::skipped`] with a one-line reason.

pub mod decode;
pub mod html;
pub mod metadata;
mod read;
pub mod walk;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::model::{Article, Skipped, stable_hash};
use crate::pipeline::Progress;

pub use walk::Format;

/// Limits for loading.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Files larger than this are skipped (without being read).
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
    /// Files not loaded, with reasons, ordered by path.
    pub skipped: Vec<Skipped>,
}

/// Loads every article under `root` (a folder, walked recursively, or one file).
///
/// `Err` only when `root` itself cannot be opened; everything else is reported per file.
pub fn load(root: &Path, opts: &LoadOptions, progress: &Progress) -> Result<Corpus, String> {
    let meta = std::fs::metadata(root).map_err(|e| format!("cannot open {}: {e}", root.display()))?;
    let (base, found) = if meta.is_dir() {
        (root, walk::walk(root))
    } else {
        let mut found = walk::Found::default();
        match Format::from_path(root) {
            Some(f) => found.files.push((root.to_path_buf(), f)),
            None => found.files.push((root.to_path_buf(), Format::Text)),
        }
        (root.parent().unwrap_or(root), found)
    };
    let rel = |p: &Path| relative_path(base, p);
    let mut files: Vec<(String, PathBuf, Format)> =
        found.files.into_iter().map(|(p, f)| (rel(&p), p, f)).collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    progress.set_total(files.len());
    let results: Vec<Result<Article, Skipped>> = files
        .into_par_iter()
        .map(|(rel, path, format)| {
            let r = if progress.is_cancelled() {
                Err("loading cancelled".to_string())
            } else {
                read::read_capped(&path, opts.max_file_bytes)
                    .and_then(|bytes| article_from_bytes(&rel, format, &bytes))
            };
            progress.advance();
            r.map_err(|reason| Skipped { path: rel, reason })
        })
        .collect();
    let mut corpus = Corpus { root: root.to_path_buf(), ..Default::default() };
    for r in results {
        match r {
            Ok(a) => corpus.articles.push(a),
            Err(s) => corpus.skipped.push(s),
        }
    }
    corpus.skipped.extend(found.skipped.into_iter().map(|(p, reason)| Skipped { path: rel(&p), reason }));
    corpus.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(corpus)
}

/// `path` relative to `base`, as lossy UTF-8 with `/` separators (the display path and id source).
pub fn relative_path(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    let s = rel.to_string_lossy().into_owned();
    if s.is_empty() { path.to_string_lossy().into_owned() } else { s }
}

/// Stable, readable article id: the file stem (ASCII letters, digits, `_`, `-`; at most 40
/// characters) plus 8 hex digits of a hash of the whole relative path.
pub fn article_id(rel: &str) -> String {
    let stem = Path::new(rel).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut clean = String::new();
    for c in stem.chars() {
        if clean.len() >= 40 {
            break;
        }
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            clean.push(c);
        } else if !clean.is_empty() && !clean.ends_with('-') {
            clean.push('-');
        }
    }
    let clean = clean.trim_end_matches('-');
    let hash = &stable_hash(&[rel])[..8];
    if clean.is_empty() { format!("article-{hash}") } else { format!("{clean}-{hash}") }
}

/// Looks like an HTML page whatever its extension (saved pages are often named `.txt`).
fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let head = head.as_bytes();
    let starts = |p: &[u8]| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p);
    starts(b"<html") || starts(b"<!doctype html")
}

/// The in-memory part of loading: decode `bytes`, extract HTML main text, read metadata.
///
/// `rel` is the path relative to the corpus root (it gives the id). `Err` is a skip reason.
pub fn article_from_bytes(rel: &str, format: Format, bytes: &[u8]) -> Result<Article, String> {
    let decoded = decode::decode(bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(if decoded.text.is_empty() { "empty file".into() } else { "only white space".into() });
    }
    let format = if format != Format::Html && looks_like_html(&decoded.text) { Format::Html } else { format };
    let encoding = if decoded.replaced {
        format!("{} (bad bytes replaced)", decoded.encoding)
    } else {
        decoded.encoding
    };
    let mut article = Article {
        id: article_id(rel),
        path: rel.to_string(),
        encoding,
        format: format.name().to_string(),
        ..Default::default()
    };
    if format == Format::Html {
        let page = html::extract(&decoded.text);
        if page.text.trim().is_empty() {
            return Err("HTML page without readable text".into());
        }
        article.text = Arc::from(page.text.as_str());
        metadata::apply_html(&mut article, &page);
    } else {
        article.text = Arc::from(decoded.text.as_ref());
    }
    metadata::apply_plain(&mut article);
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_readable_stable_and_path_dependent() {
        let a = article_id("001_df94172cdf8bd442.txt");
        assert!(a.starts_with("001_df94172cdf8bd442-"), "{a}");
        assert_eq!(a, article_id("001_df94172cdf8bd442.txt"));
        assert_ne!(article_id("a/story.txt"), article_id("b/story.txt"));
        assert!(article_id("Caf\u{e9} \u{d55c}.txt").starts_with("Caf-"));
        assert!(article_id(".txt").starts_with("article-") || article_id(".txt").starts_with("txt-"));
    }

    #[test]
    fn html_is_sniffed_in_text_files() {
        assert!(looks_like_html("  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<HTML><body>"));
        assert!(!looks_like_html("The <html> tag"));
    }
}
