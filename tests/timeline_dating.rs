//! Article dates checked against the corpus: inferred dates for undated articles and
//! suspect header dates (tests/fixtures/events/{inferred,suspect}).

mod events_common;

use dateline::model::DateStatus;
use dateline::timeline;
use events_common::{day, load, reanchor};

#[test]
fn an_undated_article_gets_the_date_its_relative_expressions_pin_it_to() {
    let (mut arts, mut ans) = load("inferred");
    let t = timeline::build_with(&mut arts, &mut ans, &reanchor);
    let c = arts.iter().find(|a| a.id == "c_undated").cloned().unwrap_or_default();
    assert_eq!(c.published_status, DateStatus::Inferred, "{c:#?}");
    assert_eq!(c.published, Some(day("2025-03-04")));
    let reason = c.published_reason.unwrap_or_default();
    assert!(reason.contains("a_dated") || reason.contains("b_dated"), "{reason}");
    // Its talks mention now joins the dated reports, but its own date is marked uncertain.
    let talks =
        t.events.iter().find(|e| e.articles.contains(&"c_undated".to_string()) && e.title.contains("talks"));
    let Some(talks) = talks else { panic!("{:#?}", t.events) };
    assert_eq!(talks.start, Some(day("2025-03-04")));
    assert!(talks.articles.len() >= 3);
    let own = ans.iter().flat_map(|a| a.events.iter()).filter(|m| m.article == "c_undated");
    assert!(own.clone().count() > 0);
    assert!(own.into_iter().all(|m| m.confidence <= timeline::dating::UNCERTAIN));
}

#[test]
fn an_undated_article_without_support_stays_undated() {
    let (mut arts, mut ans) = load("inferred");
    let t = timeline::build_with(&mut arts, &mut ans, &reanchor);
    let d = arts.iter().find(|a| a.id == "d_unrelated").cloned().unwrap_or_default();
    assert_eq!(d.published_status, DateStatus::Missing);
    assert_eq!(d.published, None);
    assert!(t.events.iter().all(|e| !e.articles.contains(&"d_unrelated".to_string())));
}

#[test]
fn a_header_date_the_corpus_contradicts_is_suspect_with_a_suggestion() {
    let (mut arts, mut ans) = load("suspect");
    let t = timeline::build_with(&mut arts, &mut ans, &reanchor);
    let c = arts.iter().find(|a| a.id == "c_wrong_header").cloned().unwrap_or_default();
    assert_eq!(c.published_status, DateStatus::Suspect, "{c:#?}");
    assert_eq!(c.published, Some(day("2025-09-16")), "the stated date is kept");
    assert_eq!(c.suggested_published, Some(day("2025-03-03")));
    assert!(c.published_reason.is_some_and(|r| r.contains("2025-09-16")));
    // Nothing is shown at the dates the wrong header would give (2025-09-23, 2025-09-15).
    for e in &t.events {
        assert!(e.start < Some(day("2025-09-01")) || !e.articles.contains(&c.id), "{e:#?}");
    }
    let talks = t.events.iter().find(|e| e.articles.contains(&c.id) && e.title.contains("talks"));
    assert_eq!(talks.and_then(|e| e.start), Some(day("2025-03-04")));
}

#[test]
fn an_unrelated_article_on_a_later_date_is_not_suspect() {
    let (mut arts, mut ans) = load("suspect");
    timeline::build_with(&mut arts, &mut ans, &reanchor);
    let d = arts.iter().find(|a| a.id == "d_right_header").cloned().unwrap_or_default();
    assert_eq!(d.published_status, DateStatus::Stated);
    for id in ["a_dated", "b_dated"] {
        let a = arts.iter().find(|a| a.id == id).map(|a| a.published_status);
        assert_eq!(a, Some(DateStatus::Stated), "{id}");
    }
}

#[test]
fn a_routine_report_matching_one_earlier_report_is_not_suspect() {
    // Two daily canal reports five weeks apart say the same things about different days.
    // Anchored at the earlier one's date the later one would match it twice, but one other
    // article is no independent evidence: recurring news, not a wrong header.
    let (mut arts, mut ans) = load("routine");
    timeline::build_with(&mut arts, &mut ans, &reanchor);
    for a in &arts {
        assert_eq!(a.published_status, DateStatus::Stated, "{a:#?}");
        assert_eq!(a.suggested_published, None, "{}", a.id);
    }
}
