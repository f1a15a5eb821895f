//! Conflicts between sources on multi-article fixtures: history, first-since, sequence,
//! date, and agreeing reports that must not conflict.

mod events_common;

use dateline::model::Conflict;
use dateline::timeline::{self, Timeline};
use events_common::{load, reanchor};

fn run(name: &str) -> (Timeline, Vec<dateline::model::Article>) {
    let (mut arts, mut ans) = load(name);
    let t = timeline::build_with(&mut arts, &mut ans, &reanchor);
    (t, arts)
}

fn of_kind<'a>(t: &'a Timeline, kind: &str) -> Vec<&'a Conflict> {
    t.conflicts.iter().filter(|c| c.kind == kind).collect()
}

fn sides(c: &Conflict) -> Vec<&str> {
    let mut v: Vec<&str> = c.evidence.iter().map(|e| e.article.as_str()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[test]
fn level_change_dates_that_disagree_are_a_history_conflict() {
    let (t, arts) = run("conflict_history");
    let h = of_kind(&t, "history");
    assert_eq!(h.len(), 1, "{:#?}", t.conflicts);
    assert_eq!(sides(h[0]), vec!["a_alpine", "b_danube"]);
    assert!(h[0].summary.contains("2021"), "{}", h[0].summary);
    assert!(h[0].evidence.iter().any(|e| e.text.contains("2016 and 2018")));
    assert!(h[0].evidence.iter().any(|e| e.text.contains("upgraded to ministerial level in 2021")));
    for e in &h[0].evidence {
        let a = arts.iter().find(|a| a.id == e.article).map(|a| a.text.clone()).unwrap_or_default();
        assert_eq!(a.get(e.start..e.end), Some(e.text.as_str()), "evidence is a verbatim span");
    }
    let linked = t.events.iter().filter(|e| e.conflicts.contains(&h[0].id)).count();
    assert!(linked >= 1, "the conflict is linked to the event both report");
}

#[test]
fn first_since_against_an_occurrence_in_between_is_a_conflict() {
    let (t, _) = run("conflict_history");
    let f = of_kind(&t, "first_since");
    assert_eq!(f.len(), 1, "{:#?}", t.conflicts);
    assert_eq!(sides(f[0]), vec!["a_alpine", "b_danube"]);
    assert!(f[0].summary.contains("2018") && f[0].summary.contains("2021"), "{}", f[0].summary);
}

#[test]
fn coinciding_against_a_day_before_is_a_sequence_conflict() {
    let (t, _) = run("conflict_sequence");
    let s = of_kind(&t, "sequence");
    assert_eq!(s.len(), 1, "{:#?}", t.conflicts);
    assert_eq!(sides(s[0]), vec!["c_border", "d_lake"]);
}

#[test]
fn the_same_happening_on_different_days_is_a_date_conflict() {
    let (t, _) = run("conflict_date");
    let d = of_kind(&t, "date");
    assert_eq!(d.len(), 1, "{:#?}", t.conflicts);
    assert!(d[0].summary.contains("2025-04-07") && d[0].summary.contains("2025-04-08"), "{}", d[0].summary);
    assert_eq!(d[0].events.len(), 2);
}

#[test]
fn agreeing_reports_and_unrelated_founding_dates_do_not_conflict() {
    let (t, _) = run("conflict_none");
    assert!(t.conflicts.is_empty(), "{:#?}", t.conflicts);
}
