//! Unit tests of event-mention extraction on hand-resolved timexes (the timex engine is
//! tested on its own; here the question is what a resolved timex turns into).

use chrono::NaiveDate;

use super::*;
use crate::model::{EntityKind, EntityMention};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn article(text: &str) -> Article {
    Article { id: "a1".into(), text: text.into(), ..Default::default() }
}

/// A DATE timex for the first `needle` in `text`, resolved to the day `value`.
fn timex(text: &str, needle: &str, value: &str) -> Timex {
    let start = text.find(needle).unwrap_or(0);
    Timex {
        article: "a1".into(),
        start,
        end: start + needle.len(),
        text: needle.into(),
        kind: TimexType::Date,
        value: value.into(),
        modifier: None,
        start_day: Some(day(value)),
        end_day: Some(day(value)),
        precision: Some(Precision::Day),
        relative: true,
        anchor: None,
        derivation: format!("'{needle}' → {value}"),
        confidence: 0.9,
    }
}

fn entity(text: &str, needle: &str, kind: EntityKind) -> EntityMention {
    let start = text.find(needle).unwrap_or(0);
    EntityMention {
        article: "a1".into(),
        start,
        end: start + needle.len(),
        text: needle.into(),
        name: needle.into(),
        kind,
        role: None,
    }
}

fn run(text: &str, timexes: &[Timex], entities: &[EntityMention]) -> Vec<EventMention> {
    let a = article(text);
    let doc = Document::parse(text);
    extract(&a, &doc, timexes, entities, &[])
}

#[test]
fn a_dated_clause_becomes_an_event_and_the_reporting_time_a_statement() {
    let text = "South Korea and China are set to hold a security dialogue on Tuesday in Seoul, \
                the Foreign Ministry announced Monday.";
    let t = [timex(text, "Tuesday", "2024-06-18"), timex(text, "Monday", "2024-06-17")];
    let e = [
        entity(text, "Seoul", EntityKind::Place),
        entity(text, "Foreign Ministry", EntityKind::Organization),
    ];
    let m = run(text, &t, &e);
    assert_eq!(m.len(), 2, "{m:#?}");
    assert_eq!(m[0].kind, EventKind::Event);
    assert_eq!(m[0].title, "South Korea and China are set to hold a security dialogue in Seoul");
    assert_eq!(m[0].start, day("2024-06-18"));
    assert_eq!(m[0].place.as_deref(), Some("Seoul"));
    assert_eq!(m[1].kind, EventKind::Statement);
    assert_eq!(m[1].start, day("2024-06-17"));
    assert!(m[1].title.starts_with("Foreign Ministry announced: South Korea and China"), "{}", m[1].title);
    assert_eq!(m[1].participants.first().map(String::as_str), Some("Foreign Ministry"));
}

#[test]
fn since_year_and_durations_date_nothing() {
    let text = "The dialogue was held for the first time since 2015 in Seoul.";
    let mut since = timex(text, "2015", "2015");
    since.precision = Some(Precision::Year);
    since.start_day = Some(day("2015-01-01"));
    since.end_day = Some(day("2015-12-31"));
    assert!(run(text, &[since], &[]).is_empty());

    let text2 = "They talked for four hours in Seoul yesterday and today.";
    let mut dur = timex(text2, "four hours", "PT4H");
    dur.kind = TimexType::Duration;
    dur.start_day = None;
    assert!(run(text2, &[dur], &[]).is_empty());
}

#[test]
fn conjoined_weekdays_make_one_mention_over_both_days() {
    let text = "Xin Changxing, a party secretary, is scheduled to visit Korea on Wednesday and Thursday.";
    let t = [timex(text, "Wednesday", "2024-06-19"), timex(text, "Thursday", "2024-06-20")];
    let m = run(text, &t, &[entity(text, "Xin Changxing", EntityKind::Person)]);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!((m[0].start, m[0].end), (day("2024-06-19"), day("2024-06-20")));
    assert_eq!(m[0].participants, vec!["Xin Changxing".to_string()]);
    assert_eq!(m[0].timex.text, "Wednesday and Thursday");
}

#[test]
fn unresolved_and_vague_values_are_skipped() {
    let text = "The talks happened on Tuesday and continue now in Seoul.";
    let mut unresolved = timex(text, "Tuesday", "XXXX-WXX-2");
    unresolved.start_day = None;
    let mut now = timex(text, "now", "PRESENT_REF");
    now.start_day = Some(day("2024-06-18"));
    assert!(run(text, &[unresolved, now], &[]).is_empty());
}

#[test]
fn statement_subject_comes_from_before_the_verb() {
    let text = "\u{201c}It was agreed early,\u{201d} Chinese foreign ministry spokesman Lin Jian said in Beijing on Monday.";
    let t = [timex(text, "Monday", "2024-06-17")];
    let e = [entity(text, "Lin Jian", EntityKind::Person), entity(text, "Beijing", EntityKind::Place)];
    let m = run(text, &t, &e);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].kind, EventKind::Statement);
    assert_eq!(m[0].title, "Lin Jian said: It was agreed early");
    assert_eq!(m[0].place.as_deref(), Some("Beijing"));
}

#[test]
fn multibyte_text_never_panics() {
    let text = "한국과 중국은 화요일에 만났다 — talks “held” on Tuesday in 서울, officials said.";
    let t = [timex(text, "Tuesday", "2024-06-18")];
    let m = run(text, &t, &[]);
    assert_eq!(m.len(), 1);
    assert!(m[0].evidence.text.contains("Tuesday"));
}

#[test]
fn an_apostrophe_is_not_a_quote_mark() {
    let text = "The talks will go ahead, South Korea’s Foreign Ministry said Thursday.";
    let t = [timex(text, "Thursday", "2024-07-25")];
    let m = run(text, &t, &[]);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].title, "South Korea’s Foreign Ministry said: The talks will go ahead");
}
