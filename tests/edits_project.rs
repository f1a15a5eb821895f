//! Project files: every op round-trips, saves are atomic with a `.bak`, a killed save leaves
//! the previous file intact, corrupt and newer files are reported and never overwritten.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use dateline::edits::project::{autosave_path_in, bak_path};
use dateline::edits::{Edit, Project, ProjectError};
use dateline::model::Precision;

fn every_op() -> Vec<Edit> {
    vec![
        Edit::SetPublished { article: "a1".into(), date: "2024-06-17".into() },
        Edit::SetEventDate { event: "e1".into(), date: "2024-06".into(), precision: Some(Precision::Month) },
        Edit::SetEventDate { event: "e1".into(), date: "2024-06-18".into(), precision: None },
        Edit::RetitleEvent { event: "e1".into(), title: "Talks in Seoul — “2+2”, 서울".into() },
        Edit::MergeEvents { event: "e2".into(), into: "e1".into() },
        Edit::SplitMention { event: "e1".into(), article: "a1".into(), start: 1234 },
        Edit::HideEvent { event: "e3".into() },
        Edit::UnhideEvent { event: "e3".into() },
        Edit::StarEvent { event: "e1".into() },
        Edit::UnstarEvent { event: "e1".into() },
        Edit::TagEvent { event: "e1".into(), tag: "diplomacy".into() },
        Edit::UntagEvent { event: "e1".into(), tag: "diplomacy".into() },
        Edit::NoteEvent { event: "e1".into(), note: "check with\nthe desk".into() },
        Edit::SetQuoteSpeaker { quote: "q1".into(), speaker: "Lim Soo-suk".into() },
        Edit::MergeEntities { entity: "us".into(), into: "united-states".into() },
        Edit::SplitEntity { entity: "lim".into(), alias: "he".into() },
    ]
}

#[test]
fn every_op_round_trips_through_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let p = Project { version: 1, corpus: "/corpus".into(), edits: every_op() };
    p.save(&path).unwrap();
    assert_eq!(Project::load(&path).unwrap(), p);
    // the documented shape
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["edits"][0], serde_json::json!({"op":"set_published","article":"a1","date":"2024-06-17"}));
    assert_eq!(v["edits"][8], serde_json::json!({"op":"star_event","event":"e1"}));
    assert_eq!(v["edits"][3]["op"], "retitle_event");
    let ops: Vec<&str> = v["edits"].as_array().unwrap().iter().map(|e| e["op"].as_str().unwrap()).collect();
    for e in every_op() {
        assert!(ops.contains(&e.op()), "{}", e.op());
    }
}

#[test]
fn save_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let mut p =
        Project { version: 1, corpus: "c".into(), edits: vec![Edit::StarEvent { event: "e1".into() }] };
    p.save(&path).unwrap();
    p.edits.push(Edit::HideEvent { event: "e2".into() });
    p.save(&path).unwrap();
    assert_eq!(Project::load(&path).unwrap().edits.len(), 2);
    assert_eq!(Project::load(&bak_path(&path)).unwrap().edits.len(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temp file left behind");
}

#[test]
fn corrupt_and_newer_files_give_clear_errors_and_are_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let p = Project { version: 1, corpus: "c".into(), edits: vec![] };
    let cases: [(&str, &[u8]); 5] = [
        ("truncated", b"{\"version\":1,\"corpus\":\"c\",\"edits\":[{\"op\":\"star_ev"),
        ("binary", &[0xff, 0xfe, 0x00, 0x12]),
        ("no_version", b"{\"corpus\":\"c\",\"edits\":[]}"),
        ("unknown_op", b"{\"version\":1,\"corpus\":\"c\",\"edits\":[{\"op\":\"explode\"}]}"),
        ("newer", b"{\"version\":7,\"corpus\":\"c\",\"edits\":[],\"future\":true}"),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(format!("{name}.json"));
        std::fs::write(&path, bytes).unwrap();
        let err = Project::load(&path).unwrap_err();
        match (name, &err) {
            ("newer", ProjectError::NewerVersion { found: 7, .. }) => {
                assert!(err.to_string().contains("newer"), "{err}");
            }
            ("newer", other) => panic!("newer file: {other:?}"),
            (_, ProjectError::Corrupt { .. }) => {
                assert!(err.to_string().contains("not a readable Dateline project"), "{err}")
            }
            (_, other) => panic!("{name}: {other:?}"),
        }
        assert!(p.save(&path).is_err(), "{name}: save must refuse to replace it");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} untouched");
    }
}

#[test]
fn autosave_lives_in_the_data_dir_keyed_by_corpus_not_in_the_corpus() {
    let data = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let a = autosave_path_in(data.path(), &corpus).unwrap();
    let b = autosave_path_in(data.path(), &corpus.join("..").join("seeds")).unwrap();
    assert_eq!(a, b, "same folder, same key");
    assert!(a.starts_with(data.path().join("dateline").join("projects")));
    assert!(!a.starts_with(&corpus));
    let other =
        autosave_path_in(data.path(), Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path()).unwrap();
    assert_ne!(a, other);
    Project::new(&corpus).save(&a).unwrap();
    assert!(Project::load(&a).unwrap().corpus.ends_with("seeds"));
}

/// Child side of the kill test: saves big projects to the given file in a loop until killed.
#[test]
fn child_saver_loop() {
    let Ok(path) = std::env::var("DATELINE_KILL_TEST_FILE") else { return };
    let mut round = 0u64;
    loop {
        round += 1;
        let edits = (0..60_000)
            .map(|i| Edit::NoteEvent { event: format!("e{i}"), note: format!("round {round} note {i}") })
            .collect();
        let p = Project { version: 1, corpus: "big".into(), edits };
        let _ = p.save(Path::new(&path));
    }
}

#[test]
fn a_killed_save_leaves_a_complete_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    let first =
        Project { version: 1, corpus: "big".into(), edits: vec![Edit::StarEvent { event: "e0".into() }] };
    first.save(&path).unwrap();
    let exe = std::env::current_exe().unwrap();
    for attempt in 0..3 {
        let mut child = Command::new(&exe)
            .args(["--exact", "child_saver_loop", "--nocapture", "--test-threads=1"])
            .env("DATELINE_KILL_TEST_FILE", &path)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // wait until a temp file is being written, then kill -9 mid-write
        let t0 = Instant::now();
        while t0.elapsed() < Duration::from_secs(20) {
            let writing = std::fs::read_dir(dir.path())
                .unwrap()
                .filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().contains(".tmp-"));
            if writing && t0.elapsed() > Duration::from_millis(200 * attempt) {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let p = Project::load(&path).expect("the project file is complete after a kill");
        assert!(p.edits.len() == 1 || p.edits.len() == 60_000, "{}", p.edits.len());
    }
    // the next save clears the temp files the killed writers left behind
    let left = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .count();
    eprintln!("{left} temp file(s) left by killed saves");
    first.save(&path).unwrap();
    let temps = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .count();
    assert_eq!(temps, 0);
}
