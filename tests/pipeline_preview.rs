//! The preliminary model a run hands out before its cross-article stage (what the app
//! shows first on a large folder), checked on the seed articles against the final model.

use std::cell::RefCell;
use std::path::Path;

use chrono::NaiveDate;
use dateline::model::{DateStatus, Event, Extraction, Precision};
use dateline::pipeline::{self, Output, Progress};
use dateline::timeline::preliminary;

fn seeds_with_preview() -> (Vec<Extraction>, Extraction) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let previews = RefCell::new(Vec::new());
    let keep = |o: Output| previews.borrow_mut().push(o.extraction);
    let out = pipeline::run_with_preview(&root, &[], &Progress::default(), Some(&keep));
    let x = out.map(|o| o.extraction).unwrap_or_default();
    (previews.into_inner(), x)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

#[test]
fn the_preview_shows_every_report_on_its_own_and_marks_it_unchecked() {
    let (previews, full) = seeds_with_preview();
    assert_eq!(previews.len(), 1, "one preview per run");
    let pre = &previews[0];
    assert_eq!(pre.articles.len(), full.articles.len());
    // Not merged: one article per event, and more events than the merged timeline has.
    assert!(pre.events.iter().all(|e| e.articles.len() == 1), "{:#?}", pre.events);
    assert!(pre.events.len() > full.events.len(), "{} vs {}", pre.events.len(), full.events.len());
    // The Seoul dialogue of 18 June, one event of several outlets in the full model, is
    // one event per report here.
    let dialogue = full
        .events
        .iter()
        .filter(|e| e.start == Some(day("2024-06-18")))
        .max_by_key(|e| e.articles.len())
        .cloned()
        .unwrap_or_default();
    assert!(dialogue.articles.len() >= 3, "{dialogue:#?}");
    let reports: Vec<_> =
        pre.events
            .iter()
            .filter(|e| {
                dialogue.evidence.iter().any(|ev| {
                    e.evidence.first().is_some_and(|p| p.start == ev.start && p.article == ev.article)
                })
            })
            .collect();
    assert!(reports.len() >= dialogue.articles.len(), "{reports:#?}");
    // Reports of articles whose header date stands are on the day already; the report of
    // the article with the wrong header date (found suspect only by the full stage) is not,
    // which is why nothing in the preview is shown as certain.
    let suspect: Vec<&str> = full
        .articles
        .iter()
        .filter(|a| a.published_status == DateStatus::Suspect)
        .map(|a| a.id.as_str())
        .collect();
    let (wrong, right): (Vec<&&Event>, Vec<&&Event>) = reports
        .iter()
        .filter(|e| e.precision == Some(Precision::Day))
        .partition(|e| suspect.contains(&e.articles[0].as_str()));
    assert!(right.iter().any(|e| e.start == Some(day("2024-06-18"))), "{right:#?}");
    assert!(!wrong.is_empty() && wrong.iter().all(|e| e.start != Some(day("2024-06-18"))), "{wrong:#?}");
    // Nothing is cross-checked yet: every date looks uncertain and says why; no conflicts.
    for e in &pre.events {
        assert!(e.confidence <= preliminary::UNCHECKED, "{e:#?}");
        assert!(e.derivation.ends_with(preliminary::NOTE), "{}", e.derivation);
    }
    assert!(pre.conflicts.is_empty());
    assert!(!full.conflicts.is_empty(), "the seeds' history disagreement");
    // Dates are checked only in the full model (004's header date is suspect there).
    assert!(pre.articles.iter().all(|a| a.published_status != DateStatus::Suspect));
    assert!(full.articles.iter().any(|a| a.published_status == DateStatus::Suspect));
}

#[test]
fn a_plain_run_hands_out_no_preview_and_gives_the_same_model() {
    let (_, with) = seeds_with_preview();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let plain = pipeline::run(&root, &[], &Progress::default()).map(|o| o.extraction).unwrap_or_default();
    assert_eq!(dateline::export::to_json(&with), dateline::export::to_json(&plain));
}
