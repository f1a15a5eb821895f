//! Finding article files under a folder without ever following a folder twice.
//!
//! The walk is iterative (deep trees cannot overflow the stack), follows symbolic links to
//! files and folders, and remembers every folder it entered by device and inode so a link
//! back up the tree (a loop) is reported instead of walked forever. Nothing is opened for
//! writing.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs::{self, FileType};
use std::io::ErrorKind;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

/// Folder names that hold tool state, never articles; they are passed over silently.
const IGNORED_DIRS: &[&str] = &[".git", ".hg", ".svn", "__MACOSX"];

/// File names that operating systems leave in folders; passed over silently.
const IGNORED_FILES: &[&str] = &[".DS_Store", "Thumbs.db", "desktop.ini", ".directory"];

/// What kind of article a file extension announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `.txt`
    Text,
    /// `.md`
    Markdown,
    /// `.html`, `.htm`
    Html,
}

impl Format {
    /// The format for a file extension (case-insensitive), if it is one we read.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// Name used in [`crate::model::Article::format`].
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// Files found by [`walk`], and what was passed over with a reason.
#[derive(Debug, Default)]
pub struct Found {
    /// Candidate article files (absolute or root-joined paths) with their format.
    pub files: Vec<(PathBuf, Format)>,
    /// Entries not taken, with a one-line reason.
    pub skipped: Vec<(PathBuf, String)>,
}

/// Names a non-regular, non-folder file type for a skip reason.
fn special_kind(t: &FileType) -> &'static str {
    if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_char_device() {
        "a character device"
    } else {
        "not a regular file"
    }
}

/// Walks `root` recursively and collects candidate article files.
pub fn walk(root: &Path) -> Found {
    let mut found = Found::default();
    let mut visited: HashSet<(u64, u64)> = HashSet::new();
    if let Ok(m) = fs::metadata(root) {
        visited.insert((m.dev(), m.ino()));
    }
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) => {
                found.skipped.push((dir, format!("folder not readable: {}", brief_error(&e))));
                continue;
            }
        };
        let mut subdirs = Vec::new();
        for entry in entries {
            let Ok(entry) = entry else { continue };
            let path = entry.path();
            let Ok(ftype) = entry.file_type() else {
                found.skipped.push((path, "cannot read file type".into()));
                continue;
            };
            if ftype.is_dir() {
                if is_ignored_dir(entry.file_name().as_os_str()) {
                    continue;
                }
                match fs::symlink_metadata(&path) {
                    Ok(m) if visited.insert((m.dev(), m.ino())) => subdirs.push(path),
                    Ok(_) => {
                        found.skipped.push((path, "folder already visited (bind mount), not walked".into()))
                    }
                    Err(e) => found.skipped.push((path, format!("folder not readable: {}", brief_error(&e)))),
                }
            } else if ftype.is_symlink() {
                follow_link(path, &mut visited, &mut subdirs, &mut found);
            } else if ftype.is_file() {
                if IGNORED_FILES.iter().any(|f| OsStr::new(f) == entry.file_name().as_os_str()) {
                    continue;
                }
                take_file(path, &mut found);
            } else {
                found.skipped.push((path, format!("{}, not read", special_kind(&ftype))));
            }
        }
        // Depth-first in name order: push in reverse so the smallest name is walked first.
        subdirs.sort();
        stack.extend(subdirs.into_iter().rev());
    }
    found
}

/// Resolves a symbolic link found in a folder: a file is taken, a folder is walked once.
fn follow_link(
    path: PathBuf,
    visited: &mut HashSet<(u64, u64)>,
    subdirs: &mut Vec<PathBuf>,
    found: &mut Found,
) {
    match fs::metadata(&path) {
        Ok(m) if m.is_dir() => {
            if visited.insert((m.dev(), m.ino())) {
                subdirs.push(path);
            } else {
                found
                    .skipped
                    .push((path, "symbolic link to a folder already walked (loop), not followed".into()));
            }
        }
        Ok(m) if m.is_file() => take_file(path, found),
        Ok(m) => {
            found.skipped.push((path, format!("symbolic link to {}, not read", special_kind(&m.file_type()))))
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {
            found.skipped.push((path, "dangling symbolic link (target does not exist)".into()))
        }
        Err(e) if e.raw_os_error() == Some(40) => {
            found.skipped.push((path, "symbolic link loop (too many levels of links)".into()))
        }
        Err(e) => found.skipped.push((path, format!("symbolic link not readable: {}", brief_error(&e)))),
    }
}

/// Adds a regular file if its extension is one we read, else reports it.
fn take_file(path: PathBuf, found: &mut Found) {
    match Format::from_path(&path) {
        Some(f) => found.files.push((path, f)),
        None => {
            let ext = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
            let reason = if ext.is_empty() {
                "no file extension (reads .txt, .md, .html, .htm)".to_string()
            } else {
                format!("unsupported file type .{ext} (reads .txt, .md, .html, .htm)")
            };
            found.skipped.push((path, reason));
        }
    }
}

fn is_ignored_dir(name: &OsStr) -> bool {
    IGNORED_DIRS.iter().any(|d| OsStr::new(d) == name)
}

/// An I/O error in a few words (without the "(os error N)" tail).
pub fn brief_error(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::NotFound => "no longer exists".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}
