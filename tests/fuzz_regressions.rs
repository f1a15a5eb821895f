//! Replays inputs that the fuzzers found (kept in `fuzz/regressions/<target>/`) plus a few hostile
//! inputs written by hand, through the same entry points and invariants as the fuzz targets
//! (`fuzz/fuzz_targets/`), so a crash once found stays fixed without running a fuzzer.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use dateline::corpus::{Format, article_from_bytes};
use dateline::edits::Project;
use dateline::extract::{entities, quotes, timex};
use dateline::model::Article;
use dateline::text::Document;

/// Hand-written inputs that stress offsets, quote marks, numbers and encodings.
fn hostile_inputs() -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"\"".to_vec(),
        "\u{201c}".as_bytes().to_vec(),
        "\u{201c}\u{201d}\"'\u{2018}\u{2019}".as_bytes().to_vec(),
        b"On 99999999999-99-99 at 25:61 p.m. on the 0th of Febtember 2024".to_vec(),
        b"In 9999999999999999999999 and in -5 and in the 1990s-2000s, 1 Jan. 0000".to_vec(),
        "Tuesday Tuesday Tuesday \u{201c}said he\u{201d} said Lim \u{ac00}\u{b098}\u{b2e4}"
            .as_bytes()
            .to_vec(),
        b"\xff\xfe\x00\x00\xc3\x28 said \"hello\xe2\x80\x9d".to_vec(),
        b"<html><script>\"x\"</script><p>\"a</p></html".to_vec(),
        "\u{2014}\u{2013} \u{00a0}\u{feff} \u{200b}".as_bytes().to_vec(),
    ];
    v.push("\"".repeat(5000).into_bytes());
    v.push("June 17, 2024 ".repeat(2000).into_bytes());
    v
}

fn regression_files(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let mut all = hostile_inputs();
    all.extend(regression_files(target).iter().filter_map(|p| std::fs::read(p).ok()));
    all
}

fn article(text: &str) -> Article {
    Article { id: "fuzz".into(), text: Arc::from(text), ..Default::default() }
}

#[test]
fn ingest_never_panics_and_keeps_offsets_inside() {
    for data in inputs("ingest") {
        for format in [Format::Text, Format::Markdown, Format::Html] {
            if let Ok(a) = article_from_bytes("fuzz/input.txt", format, &data) {
                assert!(a.body_start <= a.text.len());
                let doc = Document::for_article(&a);
                for s in &doc.sentences {
                    assert!(a.text.get(s.start..s.end).is_some(), "sentence off a char boundary");
                }
            }
        }
    }
}

#[test]
fn timex_spans_are_verbatim() {
    for data in inputs("timex") {
        let a = article(&String::from_utf8_lossy(&data));
        let doc = Document::parse(&a.text);
        for anchor in [None, NaiveDate::from_ymd_opt(2024, 6, 17)] {
            for t in timex::tag(&a, &doc, anchor) {
                assert_eq!(a.text.get(t.start..t.end), Some(t.text.as_str()));
            }
        }
    }
}

#[test]
fn quote_and_entity_spans_are_verbatim() {
    for data in inputs("quotes") {
        let a = article(&String::from_utf8_lossy(&data));
        let doc = Document::parse(&a.text);
        let mentions = entities::extract(&a, &doc);
        for m in &mentions {
            assert_eq!(a.text.get(m.start..m.end), Some(m.text.as_str()));
        }
        for q in quotes::extract(&a, &doc, &mentions) {
            assert_eq!(a.text.get(q.start..q.end), Some(q.text.as_str()));
        }
    }
}

#[test]
fn project_reader_refuses_garbage_cleanly() {
    let path = Path::new("fuzz.json");
    let mut refused = 0;
    for data in inputs("project") {
        let text = String::from_utf8_lossy(&data);
        match Project::from_json(&text, path) {
            Ok(p) => assert!(Project::from_json(&p.to_json(), path).is_ok()),
            Err(e) => {
                refused += 1;
                assert!(!e.to_string().is_empty());
            }
        }
    }
    assert!(refused > 0, "garbage was accepted as a project file");
}
