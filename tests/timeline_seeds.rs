//! The seed corpus end to end (real ingest, timex, quotes and entities): the issue's
//! "Done when" checks for events, duplicates, date checks and conflicts.

use std::path::Path;

use dateline::model::{DateStatus, Extraction};
use dateline::pipeline::{self, Progress};

fn seeds() -> Extraction {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let out = pipeline::run(&root, &[], &Progress::default());
    let x = out.map(|o| o.extraction).unwrap_or_default();
    if std::env::var_os("DATELINE_DUMP").is_some() {
        let _ = std::fs::write("/tmp/ev_seeds.json", dateline::export::to_json(&x));
    }
    x
}

fn article<'a>(x: &'a Extraction, prefix: &str) -> &'a dateline::model::Article {
    let found = x.articles.iter().find(|a| a.path.starts_with(prefix));
    found.unwrap_or_else(|| panic!("seed {prefix} not loaded"))
}

#[test]
fn dump_for_inspection() {
    let x = seeds();
    assert_eq!(x.articles.len(), 5);
}

#[test]
fn the_2_2_dialogue_is_one_event_on_june_18_reported_by_three_outlets() {
    let x = seeds();
    let ids: Vec<&str> = ["000", "001", "004"].iter().map(|p| article(&x, p).id.as_str()).collect();
    let e = x
        .events
        .iter()
        .filter(|e| {
            e.start == chrono::NaiveDate::from_ymd_opt(2024, 6, 18)
                && e.kind == dateline::model::EventKind::Event
        })
        .max_by_key(|e| e.articles.len());
    let Some(e) = e else { panic!("no event on 2024-06-18: {:#?}", x.events) };
    assert!(e.outlets.len() >= 3, "{e:#?}");
    assert!(ids.iter().filter(|id| e.articles.iter().any(|a| a == *id)).count() >= 2, "{e:#?}");
    let speakers: Vec<String> = e
        .quotes
        .iter()
        .filter_map(|q| x.quotes.iter().find(|x| &x.id == q))
        .filter_map(|q| q.speaker.clone())
        .collect();
    assert!(speakers.iter().any(|s| s.contains("Lin Jian")), "{speakers:?}");
}

#[test]
fn the_10th_strategic_dialogue_is_one_event_on_july_24() {
    let x = seeds();
    let day = chrono::NaiveDate::from_ymd_opt(2024, 7, 24);
    let matching: Vec<_> = x
        .events
        .iter()
        .filter(|e| e.start == day && e.kind == dateline::model::EventKind::Event)
        .filter(|e| {
            e.evidence.iter().any(|v| v.text.contains("Strategic Dialogue") || v.text.contains("Wednesday"))
        })
        .collect();
    assert!(!matching.is_empty(), "{:#?}", x.events);
    assert!(x.events.iter().all(|e| !(e.title.contains("10th") && e.start != day)));
}

#[test]
fn the_copy_of_002_is_a_duplicate() {
    let x = seeds();
    let (a2, a3) = (article(&x, "002"), article(&x, "003"));
    assert!(
        a3.duplicate_of.as_deref() == Some(a2.id.as_str())
            || a2.duplicate_of.as_deref() == Some(a3.id.as_str())
    );
}

#[test]
fn the_header_of_004_is_suspect_with_a_reason() {
    let x = seeds();
    let a = article(&x, "004");
    assert_eq!(a.published_status, DateStatus::Suspect, "{a:#?}");
    assert_eq!(a.suggested_published, chrono::NaiveDate::from_ymd_opt(2024, 6, 17));
    assert!(a.published_reason.as_deref().is_some_and(|r| r.len() > 40));
    // None of its events is shown at a November date.
    for e in x.events.iter().filter(|e| e.articles.contains(&a.id)) {
        assert!(e.start < chrono::NaiveDate::from_ymd_opt(2024, 11, 1) || e.confidence <= 0.5, "{e:#?}");
    }
}

#[test]
fn seed_000_gets_no_date_it_does_not_support() {
    let x = seeds();
    let a = article(&x, "000");
    match a.published_status {
        DateStatus::Missing => assert_eq!(a.published, None),
        DateStatus::Inferred => {
            assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2024, 6, 18), "{a:#?}")
        }
        s => panic!("unexpected status {s:?}"),
    }
}

#[test]
fn the_history_disagreement_is_a_conflict() {
    let x = seeds();
    let (a1, a4) = (article(&x, "001"), article(&x, "004"));
    let found = x.conflicts.iter().any(|c| {
        c.kind == "history"
            && c.evidence.iter().any(|e| e.article == a1.id && e.text.contains("2013"))
            && c.evidence.iter().any(|e| e.article == a4.id && e.text.contains("2020"))
    });
    assert!(found, "{:#?}", x.conflicts);
}

#[test]
fn every_id_an_event_lists_can_be_looked_up() {
    let x = seeds();
    let entities: std::collections::HashSet<&str> = x.entities.iter().map(|e| e.id.as_str()).collect();
    let quotes: std::collections::HashSet<&str> = x.quotes.iter().map(|q| q.id.as_str()).collect();
    let articles: std::collections::HashSet<&str> = x.articles.iter().map(|a| a.id.as_str()).collect();
    // The speaker `A senior official from the presidential office` is a participant but no entity.
    assert!(x.events.iter().any(|e| !e.entities.is_empty()), "events name entities");
    for e in &x.events {
        for id in &e.entities {
            assert!(entities.contains(id.as_str()), "event '{}' lists unknown entity {id}", e.title);
        }
        for id in &e.quotes {
            assert!(quotes.contains(id.as_str()), "event '{}' lists unknown quote {id}", e.title);
        }
        for id in e.articles.iter().chain(e.evidence.iter().map(|v| &v.article)) {
            assert!(articles.contains(id.as_str()), "event '{}' lists unknown article {id}", e.title);
        }
    }
}
