//! A small hand-written model for UI tests: two articles from two outlets reporting the
//! same talks, a quote with its speaker, and an uncertain month-precision event.

use std::sync::Arc;

use chrono::NaiveDate;
use dateline::model::{Article, DateStatus, Event, EventKind, Evidence, Extraction, Precision, Quote, Span};
use dateline::pipeline::Output;

pub const HERALD: &str = "Seoul, Beijing to hold talks on Tuesday\n\nThe Korea Herald\n\nSEOUL – South Korea and China will hold a diplomatic and security dialogue in Seoul on Tuesday, the Foreign Ministry said Monday.\n\n“We hope the dialogue will deepen strategic communication,” said Lim Soo-suk, the ministry's spokesperson.\n\nThe two sides last met in 2023.\n";
pub const WIRE: &str = "China confirms vice-ministerial talks with South Korea\n\nAsia Wire\n\nBEIJING – China said the two countries would hold talks in Seoul on June 18.\n\n“China is willing to work with South Korea,” Lin Jian, a foreign ministry spokesman, told reporters.\n\nOfficials said a summit could follow in late 2024.\n";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid fixture date")
}

fn ev(article: &str, text: &str, needle: &str) -> Evidence {
    let start = text.find(needle).expect("needle in fixture");
    Evidence::new(article, &Span::from_text(text, start, start + needle.len()))
}

fn quote(id: &str, article: &str, text: &str, words: &str, speaker: &str, role: &str) -> Quote {
    let start = text.find(words).expect("quote in fixture");
    Quote {
        id: id.into(),
        article: article.into(),
        start,
        end: start + words.len(),
        text: words.into(),
        speaker: Some(speaker.into()),
        speaker_entity: None,
        speaker_mention: None,
        speaker_role: Some(role.into()),
        cue: Some("said".into()),
        confidence: 0.9,
        edited: Vec::new(),
    }
}

fn article(id: &str, title: &str, source: &str, published: NaiveDate, text: &str) -> Article {
    Article {
        id: id.into(),
        path: format!("{id}.txt"),
        title: Some(title.into()),
        source: Some(source.into()),
        published: Some(published),
        published_status: DateStatus::Stated,
        published_evidence: Some(published.format("%B %-d, %Y").to_string()),
        text: Arc::from(text),
        ..Article::default()
    }
}

/// The fixture model.
pub fn fixture() -> Output {
    let herald = article(
        "herald",
        "Seoul, Beijing to hold talks on Tuesday (한중 외교안보대화)",
        "The Korea Herald",
        d(2024, 6, 17),
        HERALD,
    );
    let wire = article(
        "wire",
        "China confirms vice-ministerial talks with South Korea (中韩外交安全对话)",
        "Asia Wire",
        d(2024, 6, 17),
        WIRE,
    );
    let q1 = quote(
        "q-lim",
        "herald",
        HERALD,
        "We hope the dialogue will deepen strategic communication,",
        "Lim Soo-suk",
        "ministry spokesperson",
    );
    let q2 = quote(
        "q-lin",
        "wire",
        WIRE,
        "China is willing to work with South Korea,",
        "Lin Jian",
        "foreign ministry spokesman",
    );
    let talks = Event {
        id: "talks".into(),
        kind: EventKind::Event,
        date: "2024-06-18".into(),
        start: Some(d(2024, 6, 18)),
        end: Some(d(2024, 6, 18)),
        precision: Some(Precision::Day),
        title: "Diplomatic and security dialogue in Seoul".into(),
        articles: vec!["herald".into(), "wire".into()],
        outlets: vec!["Asia Wire".into(), "The Korea Herald".into()],
        evidence: vec![
            ev(
                "herald",
                HERALD,
                "South Korea and China will hold a diplomatic and security dialogue in Seoul on Tuesday",
            ),
            ev("wire", WIRE, "China said the two countries would hold talks in Seoul on June 18."),
        ],
        quotes: vec!["q-lim".into(), "q-lin".into()],
        derivation: "'on Tuesday' + published Mon 2024-06-17, future → Tue 2024-06-18".into(),
        confidence: 0.9,
        first_reported: Some(d(2024, 6, 17)),
        ..Event::default()
    };
    let last_met = Event {
        id: "last-met".into(),
        date: "2023".into(),
        start: Some(d(2023, 1, 1)),
        end: Some(d(2023, 12, 31)),
        precision: Some(Precision::Year),
        title: "The two sides last met".into(),
        articles: vec!["herald".into()],
        outlets: vec!["The Korea Herald".into()],
        evidence: vec![ev("herald", HERALD, "The two sides last met in 2023.")],
        confidence: 0.8,
        first_reported: Some(d(2024, 6, 17)),
        ..Event::default()
    };
    let summit = Event {
        id: "summit".into(),
        date: "2024-12".into(),
        start: Some(d(2024, 12, 1)),
        end: Some(d(2024, 12, 31)),
        precision: Some(Precision::Month),
        title: "A summit could follow".into(),
        articles: vec!["wire".into()],
        outlets: vec!["Asia Wire".into()],
        evidence: vec![ev("wire", WIRE, "Officials said a summit could follow in late 2024.")],
        confidence: 0.4,
        first_reported: Some(d(2024, 6, 17)),
        ..Event::default()
    };
    Output {
        extraction: Extraction {
            articles: vec![herald, wire],
            quotes: vec![q1, q2],
            events: vec![last_met, talks, summit],
            ..Extraction::default()
        },
        ..Output::default()
    }
}
