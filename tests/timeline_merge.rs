//! Cross-article merge, no-merge and duplicate articles on multi-article fixtures
//! (tests/fixtures/events/{merge,duplicate}), dates from the tests' mini resolver.

mod events_common;

use dateline::model::{EventKind, Precision};
use dateline::timeline;
use events_common::{day, load, reanchor};

#[test]
fn one_event_reported_by_three_outlets_is_merged_once() {
    let (mut arts, mut ans) = load("merge");
    let t = timeline::build_with(&mut arts, &mut ans, &reanchor);
    let signing: Vec<_> = t
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Event && e.title.to_lowercase().contains("customs agreement"))
        .collect();
    assert_eq!(signing.len(), 1, "{:#?}", t.events);
    let e = signing[0];
    assert_eq!(e.start, Some(day("2025-03-04")));
    assert_eq!(e.precision, Some(Precision::Day));
    assert_eq!(e.articles.len(), 3, "{e:#?}");
    assert_eq!(e.outlets.len(), 3);
    assert_eq!(e.first_reported, Some(day("2025-03-03")));
    assert!(e.evidence.iter().all(|ev| {
        arts.iter().any(|a| a.id == ev.article && a.text.get(ev.start..ev.end) == Some(ev.text.as_str()))
    }));
}

#[test]
fn a_different_event_on_the_same_day_stays_apart() {
    let (mut arts, mut ans) = load("merge");
    let t = timeline::build_with(&mut arts, &mut ans, &reanchor);
    let floods: Vec<_> = t.events.iter().filter(|e| e.title.contains("floods")).collect();
    assert_eq!(floods.len(), 1, "{:#?}", t.events);
    assert_eq!(floods[0].start, Some(day("2025-03-04")));
    assert_eq!(floods[0].articles, vec!["a_wire".to_string()]);
    assert!(!floods[0].title.contains("customs"));
}

#[test]
fn event_ids_do_not_depend_on_article_order() {
    let (mut arts, mut ans) = load("merge");
    let t1 = timeline::build_with(&mut arts, &mut ans, &reanchor);
    let (mut arts2, mut ans2) = load("merge");
    arts2.reverse();
    ans2.reverse();
    let t2 = timeline::build_with(&mut arts2, &mut ans2, &reanchor);
    let mut ids1: Vec<_> = t1.events.iter().map(|e| e.id.clone()).collect();
    let mut ids2: Vec<_> = t2.events.iter().map(|e| e.id.clone()).collect();
    ids1.sort();
    ids2.sort();
    assert_eq!(ids1, ids2);
}

#[test]
fn quotes_of_the_passage_support_the_event() {
    let (mut arts, mut ans) = load("merge");
    let t = timeline::build_with(&mut arts, &mut ans, &reanchor);
    let e = t
        .events
        .iter()
        .find(|e| e.title.to_lowercase().contains("customs agreement"))
        .map(|e| e.quotes.clone());
    let quotes = e.unwrap_or_default();
    let texts: Vec<&str> = quotes
        .iter()
        .filter_map(|id| t.quotes.iter().find(|q| &q.id == id))
        .map(|q| q.text.as_str())
        .collect();
    assert!(texts.iter().any(|q| q.contains("removes a decade of paperwork")), "{texts:?}");
    assert!(texts.iter().any(|q| q.contains("a model for the region")), "{texts:?}");
}

#[test]
fn a_truncated_republication_is_a_duplicate_counted_once() {
    let (mut arts, mut ans) = load("duplicate");
    let t = timeline::build_with(&mut arts, &mut ans, &reanchor);
    let copy = arts.iter().find(|a| a.id == "b_copy").map(|a| a.duplicate_of.clone());
    assert_eq!(copy, Some(Some("a_original".to_string())));
    assert!(arts.iter().filter(|a| a.id != "b_copy").all(|a| a.duplicate_of.is_none()));
    let e = t.events.iter().find(|e| e.title.contains("container terminal"));
    let Some(e) = e else { panic!("no terminal event: {:#?}", t.events) };
    assert_eq!(e.start, Some(day("2025-05-12")));
    assert_eq!(e.articles.len(), 3, "{e:#?}");
    assert_eq!(e.outlets.len(), 2, "the copy counts for its original's outlet: {:?}", e.outlets);
}
