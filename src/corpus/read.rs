//! Reading one file's bytes safely: size cap before reading, never blocking on a FIFO
//! swapped in after the walk, and noticing files that vanish or change while being read.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::decode::{SNIFF_BYTES, sniff};
use super::walk::brief_error;

/// `O_NONBLOCK | O_NOCTTY` on Linux: opening a FIFO or terminal must never hang the load.
const OPEN_FLAGS: i32 = 0o4000 | 0o400;

/// Human-readable size (`50.0 MB`).
pub fn human_size(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes as f64 >= MB { format!("{:.1} MB", bytes as f64 / MB) } else { format!("{bytes} bytes") }
}

fn open(path: &Path) -> Result<File, String> {
    OpenOptions::new().read(true).custom_flags(OPEN_FLAGS).open(path).map_err(|e| match e.kind() {
        ErrorKind::NotFound => "vanished before it could be read".to_string(),
        ErrorKind::PermissionDenied => "not readable: permission denied".to_string(),
        _ => format!("not readable: {}", brief_error(&e)),
    })
}

/// Reads the whole file at `path` if it is a regular file of at most `cap` bytes that does
/// not look binary. `Err` carries the one-line skip reason.
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, String> {
    let before = fs::metadata(path).map_err(|e| match e.kind() {
        ErrorKind::NotFound => "vanished before it could be read".to_string(),
        _ => format!("not readable: {}", brief_error(&e)),
    })?;
    if !before.is_file() {
        return Err("not a regular file".into());
    }
    if before.len() == 0 {
        return Err("empty file".into());
    }
    let mut file = open(path)?;
    let meta = file.metadata().map_err(|e| format!("not readable: {}", brief_error(&e)))?;
    if !meta.is_file() {
        return Err("not a regular file (changed while loading)".into());
    }
    if meta.len() > cap {
        // Only sniff the head: a huge binary is named as such without reading it.
        let mut head = vec![0u8; SNIFF_BYTES];
        let n = read_up_to(&mut file, &mut head).unwrap_or(0);
        let kind = match sniff(&head[..n]) {
            Err(reason) => format!("{reason}, "),
            Ok(()) => String::new(),
        };
        return Err(format!("{kind}too large: {} (limit {})", human_size(meta.len()), human_size(cap)));
    }
    let expected = meta.len();
    let mut bytes = Vec::with_capacity(expected as usize + 1);
    (&mut file)
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("read failed: {}", brief_error(&e)))?;
    if bytes.len() as u64 > cap {
        return Err(format!("grew past the size limit ({}) while loading", human_size(cap)));
    }
    let after = file.metadata().ok();
    let changed = bytes.len() as u64 != expected
        || after.is_some_and(|a| a.len() != expected || a.modified().ok() != meta.modified().ok());
    if changed {
        return Err(format!("changed while loading (size {} → {} bytes)", expected, bytes.len()));
    }
    Ok(bytes)
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vanished_special_empty_and_oversized_files_get_reasons() {
        let dir = tempfile::tempdir().expect("tempdir");
        let gone = dir.path().join("gone.txt");
        assert_eq!(read_capped(&gone, 1024).unwrap_err(), "vanished before it could be read");
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, b"").expect("write");
        assert_eq!(read_capped(&empty, 1024).unwrap_err(), "empty file");
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "Officials said on Tuesday. ".repeat(100)).expect("write");
        let why = read_capped(&big, 1024).unwrap_err();
        assert!(why.starts_with("too large: 2700 bytes (limit 1024 bytes)"), "{why}");
        assert_eq!(read_capped(&big, 4096).map(|b| b.len()), Ok(2700));
        assert_eq!(read_capped(dir.path(), 4096).unwrap_err(), "not a regular file");
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(50 * 1024 * 1024), "50.0 MB");
    }
}
