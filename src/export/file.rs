//! Writing an export to a file: streamed (the output is never held whole in memory),
//! through a writer thread so producing the bytes and handing them to the kernel overlap,
//! and atomically: a temp file beside the target is renamed over it only once complete, so
//! an interrupted export never leaves a truncated file behind.
//!
//! Targets that are not plain files (a symlink, `/dev/stdout`, a FIFO) are written in place:
//! renaming over them would replace the link or device itself.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{SyncSender, sync_channel};

/// Bytes handed to the writer thread at a time.
const CHUNK: usize = 1 << 20;
/// Chunks in flight between producer and writer thread.
const IN_FLIGHT: usize = 4;

/// Writes what `fill` produces to `path`, atomically when `path` is (or will be) a plain
/// file. `Err` is a one-line message naming the path.
pub fn write_file<F>(path: &Path, fill: F) -> Result<(), String>
where
    F: FnOnce(&mut ChunkWriter) -> io::Result<()>,
{
    let fail = |e: io::Error| format!("cannot write {}: {e}", path.display());
    let in_place = fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_file());
    let temp = if in_place { None } else { create_temp(path) };
    let Some((tmp, file)) = temp else {
        // No temp file possible (or not a plain file): write the target directly.
        let file = File::create(path).map_err(fail)?;
        return stream_to(file, fill).map_err(fail);
    };
    let written = stream_to(file, fill).and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    } else {
        remove_stale_temps(path);
    }
    written.map_err(fail)
}

/// Removes temp files that earlier exports of `path` left when they were killed before
/// their rename (their process is gone), so an interrupted export leaves no lasting litter.
fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else { return };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.filter_map(|e| e.ok()) {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file.strip_prefix(&prefix) else { continue };
        let gone = pid.parse::<u32>().is_ok_and(|p| p != std::process::id())
            && cfg!(target_os = "linux")
            && !Path::new("/proc").join(pid).exists();
        if gone {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A new temp file in `path`'s folder (so the rename stays on one file system).
fn create_temp(path: &Path) -> Option<(PathBuf, File)> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name()?.to_string_lossy();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let file = OpenOptions::new().write(true).create(true).truncate(true).open(&tmp).ok()?;
    Some((tmp, file))
}

/// Runs `fill` on this thread while a second thread writes its output to `file`.
fn stream_to<F>(mut file: File, fill: F) -> io::Result<()>
where
    F: FnOnce(&mut ChunkWriter) -> io::Result<()>,
{
    let (tx, rx) = sync_channel::<Vec<u8>>(IN_FLIGHT);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> io::Result<()> {
            for chunk in rx {
                file.write_all(&chunk)?;
            }
            file.flush()
        });
        let mut pipe = ChunkWriter { buf: Vec::with_capacity(CHUNK), tx: Some(tx) };
        let produced = fill(&mut pipe).and_then(|()| pipe.flush());
        pipe.tx = None; // closes the channel: the writer finishes
        let wrote = writer.join().unwrap_or_else(|_| Err(io::Error::other("writer thread panicked")));
        // A writer error explains a producer's broken pipe: report it first.
        wrote.and(produced)
    })
}

/// The producer's end of [`write_file`]: collects small writes into chunks for the writer
/// thread (a concrete type, so serialisers writing many small pieces are not slowed by
/// dynamic calls).
pub struct ChunkWriter {
    buf: Vec<u8>,
    tx: Option<SyncSender<Vec<u8>>>,
}

impl ChunkWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
        let tx = self.tx.as_ref().ok_or_else(|| io::Error::from(io::ErrorKind::BrokenPipe))?;
        tx.send(chunk).map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))
    }
}

impl Write for ChunkWriter {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.write(bytes).map(|_| ())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_output_arrives_whole_and_no_temp_file_is_left() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.json");
        fs::write(&path, "old").expect("write");
        let line = "{\"title\": \"Talks held in Seoul\"},\n".repeat(1000);
        write_file(&path, |w| (0..200).try_for_each(|_| w.write_all(line.as_bytes()))).expect("written");
        assert_eq!(fs::read_to_string(&path).expect("read"), line.repeat(200));
        let names: Vec<_> = fs::read_dir(dir.path()).expect("dir").filter_map(|e| e.ok()).collect();
        assert_eq!(names.len(), 1, "temp file left behind");
    }

    #[test]
    fn a_failed_export_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.json");
        fs::write(&path, "old").expect("write");
        let err = write_file(&path, |w| {
            w.write_all(&[b'x'; 3 * CHUNK])?;
            Err(io::Error::other("serializer failed"))
        })
        .expect_err("must fail");
        assert!(err.contains("serializer failed") && err.contains("out.json"), "{err}");
        assert_eq!(fs::read_to_string(&path).expect("read"), "old");
        assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 1);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temp_files_of_killed_exports_are_cleared_by_the_next_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.json");
        // No process has a pid this large (the kernel's limit is 2^22).
        let stale = dir.path().join(".out.json.tmp-99999999");
        let other = dir.path().join(".other.json.tmp-99999999");
        fs::write(&stale, "half").expect("write");
        fs::write(&other, "half").expect("write");
        write_file(&path, |w| w.write_all(b"{}")).expect("written");
        assert!(!stale.exists());
        assert!(other.exists(), "another file's temp is not touched");
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("no/such/out.json");
        let err = write_file(&path, |w| w.write_all(b"{}")).expect_err("must fail");
        assert!(err.starts_with("cannot write") && err.contains("out.json"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_target_is_written_through_not_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        fs::write(&real, "old").expect("write");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        write_file(&link, |w| w.write_all(b"new")).expect("written");
        assert!(fs::symlink_metadata(&link).expect("meta").file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real).expect("read"), "new");
    }
}
