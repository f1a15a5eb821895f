//! The project file: `{"version":1,"corpus":"<folder>","edits":[…]}` (see `docs/PROJECT.md`).
//!
//! Saves are atomic (temp file in the same folder, fsync, rename) and keep the previous
//! version as `<file>.bak`. A file that cannot be read as a project (corrupt, or written by a
//! newer Dateline) gives a clear error and is never overwritten by [`Project::save`].
//! Nothing is ever written into the article folder.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Edit;
use crate::model::stable_hash;

/// The project file format version this build writes and the newest it reads.
pub const PROJECT_VERSION: u32 = 1;

/// A project file: the corpus folder and the edits made on it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Project {
    /// File format version (currently 1).
    pub version: u32,
    /// The corpus folder (canonical path when known).
    pub corpus: String,
    /// Edits in the order they were made.
    pub edits: Vec<Edit>,
}

/// Why a project file could not be read or written.
#[derive(Debug)]
pub enum ProjectError {
    /// The file system said no.
    Io {
        /// The file.
        path: PathBuf,
        /// What failed, for a person.
        message: String,
    },
    /// The file is not a readable project (truncated, not JSON, wrong shape).
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong, for a person.
        message: String,
    },
    /// The file was written by a newer Dateline.
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version it states.
        found: u64,
    },
}

impl fmt::Display for ProjectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProjectError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            ProjectError::Corrupt { path, message } => write!(
                f,
                "{} is not a readable Dateline project ({message}); it was left untouched — \
                 its previous version may be in {}",
                path.display(),
                bak_path(path).display()
            ),
            ProjectError::NewerVersion { path, found } => write!(
                f,
                "{} is a version {found} project, newer than this Dateline reads (version {PROJECT_VERSION}); \
                 it was left untouched — open it with a newer Dateline",
                path.display()
            ),
        }
    }
}

impl std::error::Error for ProjectError {}

fn io_err(path: &Path, what: &str, e: std::io::Error) -> ProjectError {
    ProjectError::Io { path: path.to_path_buf(), message: format!("{what}: {e}") }
}

/// `<file>.bak`: where the previous version of a saved project is kept.
pub fn bak_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(".bak");
    PathBuf::from(s)
}

impl Project {
    /// An empty project for the corpus at `corpus` (stored as its canonical path when it exists).
    pub fn new(corpus: &Path) -> Project {
        let canonical = fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_path_buf());
        Project {
            version: PROJECT_VERSION,
            corpus: canonical.to_string_lossy().into_owned(),
            edits: Vec::new(),
        }
    }

    /// Reads a project from JSON text; `path` is only used in error messages.
    pub fn from_json(text: &str, path: &Path) -> Result<Project, ProjectError> {
        let corrupt = |message: String| ProjectError::Corrupt { path: path.to_path_buf(), message };
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| corrupt(format!("not JSON: {e}")))?;
        let version = value
            .get("version")
            .and_then(|v| v.as_u64())
            .ok_or_else(|| corrupt("no \"version\" number".into()))?;
        if version > PROJECT_VERSION as u64 {
            return Err(ProjectError::NewerVersion { path: path.to_path_buf(), found: version });
        }
        if version == 0 {
            return Err(corrupt("version 0 is not a project version".into()));
        }
        serde_json::from_value(value).map_err(|e| corrupt(e.to_string()))
    }

    /// Loads a project file.
    pub fn load(path: &Path) -> Result<Project, ProjectError> {
        let text = fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => {
                ProjectError::Corrupt { path: path.to_path_buf(), message: "not UTF-8 text".into() }
            }
            _ => io_err(path, "cannot read", e),
        })?;
        Project::from_json(&text, path)
    }

    /// The project as pretty JSON, one edit per line.
    pub fn to_json(&self) -> String {
        let mut out = format!(
            "{{\n  \"version\": {},\n  \"corpus\": {},\n  \"edits\": [",
            self.version,
            serde_json::Value::String(self.corpus.clone())
        );
        for (i, e) in self.edits.iter().enumerate() {
            let line = serde_json::to_string(e).unwrap_or_else(|_| "{}".into());
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            out.push_str(&line);
        }
        out.push_str(if self.edits.is_empty() { "]\n}\n" } else { "\n  ]\n}\n" });
        out
    }

    /// Saves atomically to `path`, keeping the previous file as `<path>.bak`.
    ///
    /// Refuses (with the reading error) to replace an existing file that is not a readable
    /// project of a version this build understands, so a corrupt or newer file is never lost.
    pub fn save(&self, path: &Path) -> Result<(), ProjectError> {
        if path.exists() {
            Project::load(path)?;
        }
        write_atomic(path, self.to_json().as_bytes())
    }
}

/// Writes `bytes` to `path` atomically: a temp file in the same folder is written and
/// fsynced, the old file (if any) is copied to `<path>.bak`, then the temp file is renamed
/// over `path`. A crash at any point leaves either the old or the new file complete.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ProjectError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(|e| io_err(&dir, "cannot create folder", e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "project".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)
            .map_err(|e| io_err(&tmp, "cannot create", e))?;
        f.write_all(bytes).map_err(|e| io_err(&tmp, "cannot write", e))?;
        f.sync_all().map_err(|e| io_err(&tmp, "cannot flush to disk", e))?;
        drop(f);
        if path.exists() {
            let bak = bak_path(path);
            fs::copy(path, &bak).map_err(|e| io_err(&bak, "cannot keep the previous version", e))?;
        }
        fs::rename(&tmp, path).map_err(|e| io_err(path, "cannot replace", e))?;
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        remove_stale_temps(&dir, &name);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Removes temp files of earlier saves of `name` that were killed before their rename: the
/// writing process is gone (Linux) or the file is over ten minutes old.
fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.filter_map(|e| e.ok()) {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file.strip_prefix(&prefix) else { continue };
        if pid == std::process::id().to_string() {
            continue;
        }
        let writer_gone = cfg!(target_os = "linux") && !Path::new("/proc").join(pid).exists();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 600);
        if writer_gone || old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Where the app autosaves the project of the corpus at `corpus`:
/// `<data dir>/dateline/projects/<hash of the canonical corpus path>.json`, outside the
/// article folder. `None` when the platform has no data directory.
pub fn autosave_path(corpus: &Path) -> Option<PathBuf> {
    autosave_path_in(&dirs::data_dir()?, corpus)
}

/// [`autosave_path`] under an explicit data directory (for tests and portable setups).
pub fn autosave_path_in(data_dir: &Path, corpus: &Path) -> Option<PathBuf> {
    let canonical = fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_path_buf());
    let key = stable_hash(&[&canonical.to_string_lossy()]);
    Some(data_dir.join("dateline").join("projects").join(format!("{key}.json")))
}
