//! A hostile folder: binaries, a 50 MB sparse file named `.txt`, legacy and UTF-16
//! encodings, bad bytes, empty files, a FIFO, a socket, dangling links, link loops, a
//! 40-level-deep folder, 2,000 tiny files, an unreadable file, a non-UTF-8 file name and
//! malformed HTML. Everything readable loads, the rest is reported with a reason, nothing
//! panics, and the folder is byte-for-byte unchanged afterwards.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;

use dateline::corpus::{self, LoadOptions};
use dateline::model::stable_hash;
use dateline::pipeline::Progress;

const STORY: &str = "Officials said on Tuesday that the bridge will reopen next month.\n";

/// Every entry under `dir` (not following links) with type, size, mode and content hash.
fn fingerprint(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("readable test dir").flatten() {
            let p = e.path();
            let m = fs::symlink_metadata(&p).expect("metadata");
            let ft = m.file_type();
            let what = if ft.is_symlink() {
                format!("link -> {:?}", fs::read_link(&p).ok())
            } else if ft.is_dir() {
                stack.push(p.clone());
                "dir".to_string()
            } else if ft.is_file() {
                let bytes = fs::read(&p).unwrap_or_default();
                let hash = stable_hash(&[&String::from_utf8_lossy(&bytes)]);
                format!("file {} {}", m.len(), hash)
            } else {
                "special".to_string()
            };
            out.insert(p, format!("{what} mode={:o} mtime={}", m.mode(), m.mtime()));
        }
    }
    out
}

fn pseudo_random(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

struct Built {
    dir: tempfile::TempDir,
    unreadable_is_readable: bool,
}

fn build() -> Built {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let w = |name: &str, bytes: &[u8]| fs::write(root.join(name), bytes).expect("write fixture");
    w("random.txt", &pseudo_random(64 * 1024));
    let big = fs::File::create(root.join("huge.txt")).expect("create");
    big.set_len(50 * 1024 * 1024).expect("sparse 50 MB");
    w("latin1.txt", b"Le caf\xe9 de la r\xe9publique a \xe9t\xe9 ferm\xe9 mardi apr\xe8s la gr\xe8ve.\n");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "UTF-16 story: the council met on Monday.\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    w("utf16.txt", &utf16);
    let mut bad = "The minister said “yes” on Tuesday. ".as_bytes().to_vec();
    bad.extend_from_slice(b"\xFF\xC3 broken bytes ");
    bad.extend_from_slice("and “no” on Wednesday.\n".as_bytes());
    w("bad-bytes.txt", &bad);
    w("empty.txt", b"");
    w("blank.txt", b"  \n\t\n   \n");
    w(
        "page.html",
        b"<html><head><title>Budget vote | The Daily Courier</title><script>var x = '<p>not text</p>';</script>\
          <style>p{color:red}</style></head><body><nav><a>Home</a></nav><div><p>The council voted on Monday\
          <p>Unclosed paragraph <b>bold <i>nested</b> text</i><script>alert('x')</script></div></body>",
    );
    // Multi-MB text: one long wrapped story, and a paragraph full of unmatched quotes.
    let long: String =
        (0..40_000).map(|i| format!("Officials said on day {i} that the bridge would reopen.\n")).collect();
    w("long.txt", long.as_bytes());
    w("quotes.txt", "“Unclosed. ".repeat(200_000).as_bytes());
    w(".DS_Store", b"\0\0\0\x01Bud1 finder state");
    w("photo.jpg", b"\xFF\xD8\xFF\xE0 not an article");
    let status = Command::new("mkfifo").arg(root.join("pipe.txt")).status();
    assert!(status.is_ok_and(|s| s.success()), "mkfifo available");
    let _sock = std::os::unix::net::UnixListener::bind(root.join("socket.txt")).expect("socket");
    symlink(root.join("missing-target.txt"), root.join("dangling.txt")).expect("link");
    symlink(root.join("loop-b.txt"), root.join("loop-a.txt")).expect("link");
    symlink(root.join("loop-a.txt"), root.join("loop-b.txt")).expect("link");
    fs::create_dir(root.join("sub")).expect("dir");
    symlink("..", root.join("sub").join("up")).expect("dir loop link");
    let mut deep = root.join("deep");
    for i in 0..40 {
        deep = deep.join(format!("level{i:02}"));
    }
    fs::create_dir_all(&deep).expect("deep dirs");
    fs::write(deep.join("bottom.txt"), STORY).expect("deep file");
    let many = root.join("many");
    fs::create_dir(&many).expect("dir");
    for i in 0..2000 {
        fs::write(many.join(format!("n{i:04}.txt")), format!("Note {i}: {STORY}")).expect("tiny");
    }
    fs::write(root.join(OsStr::from_bytes(b"caf\xe9-story.txt")), STORY).expect("non-UTF-8 name");
    let locked = root.join("locked.txt");
    fs::write(&locked, STORY).expect("locked");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root can read a mode-000 file; then the file is simply one more article.
    let unreadable_is_readable = fs::read(&locked).is_ok();
    Built { dir, unreadable_is_readable }
}

#[test]
fn hostile_folder_loads_what_is_readable_and_reports_the_rest() {
    let built = build();
    let root = built.dir.path();
    let before = fingerprint(root);
    let corpus = corpus::load(root, &LoadOptions::default(), &Progress::default()).expect("root opens");
    let after = fingerprint(root);
    assert_eq!(before, after, "the folder must be left untouched");

    let reason = |name: &str| -> Option<&str> {
        corpus.skipped.iter().find(|s| s.path == name).map(|s| s.reason.as_str())
    };
    let loaded = |name: &str| corpus.articles.iter().find(|a| a.path == name);

    assert!(reason("random.txt").is_some_and(|r| r.contains("binary")), "{:?}", reason("random.txt"));
    let huge = reason("huge.txt").unwrap_or_default();
    assert!(huge.contains("too large") && huge.contains("50.0 MB"), "{huge}");
    assert!(reason("pipe.txt").is_some_and(|r| r.contains("FIFO")));
    assert!(reason("socket.txt").is_some_and(|r| r.contains("socket")));
    assert!(reason("dangling.txt").is_some_and(|r| r.contains("dangling")));
    assert!(reason("loop-a.txt").is_some_and(|r| r.contains("loop")));
    assert!(reason("sub/up").is_some_and(|r| r.contains("loop")), "{:?}", corpus.skipped);
    assert!(reason("empty.txt").is_some_and(|r| r.contains("empty")));
    assert!(reason("blank.txt").is_some_and(|r| r.contains("white space")));
    assert!(reason("photo.jpg").is_some_and(|r| r.contains("unsupported")));
    assert_eq!(reason(".DS_Store"), None, "operating-system litter is passed over silently");
    for s in &corpus.skipped {
        assert!(!s.reason.is_empty() && !s.reason.contains('\n'), "one-line reason: {s:?}");
    }

    let latin1 = loaded("latin1.txt").expect("Latin-1 file loads");
    assert!(latin1.text.contains("café de la république"), "{}", latin1.text);
    let utf16 = loaded("utf16.txt").expect("UTF-16 file loads");
    assert!(utf16.text.starts_with("UTF-16 story: the council met on Monday."));
    assert_eq!(utf16.encoding, "UTF-16LE");
    let bad = loaded("bad-bytes.txt").expect("bad bytes keep the article");
    assert!(bad.text.contains('\u{FFFD}') && bad.text.contains("on Wednesday."));
    let page = loaded("page.html").expect("malformed HTML loads");
    assert!(page.text.contains("The council voted on Monday"));
    assert!(!page.text.contains("alert") && !page.text.contains("not text") && !page.text.contains("Home"));
    assert_eq!(page.title.as_deref(), Some("Budget vote"));
    assert!(
        corpus.articles.iter().any(|a| a.path.ends_with("level39/bottom.txt")),
        "40-level-deep file loads"
    );
    for big in ["long.txt", "quotes.txt"] {
        let a = loaded(big).expect("multi-MB text loads");
        assert!(a.text.len() > 2_000_000);
        let doc = dateline::text::Document::for_article(a);
        assert!(doc.sentences.len() >= 40_000, "{big}: {}", doc.sentences.len());
    }
    let tiny = corpus.articles.iter().filter(|a| a.path.starts_with("many/")).count();
    assert_eq!(tiny, 2000);
    let odd = corpus.articles.iter().find(|a| a.path.starts_with("caf") && a.path.ends_with("-story.txt"));
    assert!(
        odd.is_some_and(|a| a.path.contains('\u{FFFD}')),
        "non-UTF-8 name keeps the article (lossy path)"
    );
    if built.unreadable_is_readable {
        assert!(loaded("locked.txt").is_some());
    } else {
        assert!(reason("locked.txt").is_some_and(|r| r.contains("permission")));
    }
    // Ids are unique and stable.
    let mut ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), corpus.articles.len());
    let again = corpus::load(root, &LoadOptions::default(), &Progress::default()).expect("second run");
    let ids_again: Vec<&str> = again.articles.iter().map(|a| a.id.as_str()).collect();
    let ids_first: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids_first, ids_again);
}

#[test]
fn cli_extract_on_hostile_folder_exits_zero_and_lists_skips_on_stderr() {
    let built = build();
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("extract")
        .arg(built.dir.path())
        .output()
        .expect("run dateline");
    assert!(out.status.success(), "exit code {:?}", out.status.code());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("pipe.txt") && stderr.contains("FIFO"), "{stderr}");
    assert!(stderr.contains("random.txt"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let skipped = json["skipped"].as_array().map(Vec::len).unwrap_or(0);
    assert!(skipped >= 10, "{skipped}");
    assert!(json["articles"].as_array().map(Vec::len).unwrap_or(0) >= 2007);
}

#[test]
fn a_single_file_and_a_missing_root() {
    let built = build();
    let one = built.dir.path().join("latin1.txt");
    let c = corpus::load(&one, &LoadOptions::default(), &Progress::default()).expect("file opens");
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].path, "latin1.txt");
    let missing = built.dir.path().join("no-such-folder");
    assert!(corpus::load(&missing, &LoadOptions::default(), &Progress::default()).is_err());
}
