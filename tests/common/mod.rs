//! Shared fixtures for the edits and export tests: the seed corpus, and a hand-built
//! timeline over it whose every event and quote points at a real span of a seed article
//! (so export tests do not depend on the state of the extractors).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dateline::model::{Conflict, Event, EventKind, Evidence, Extraction, Precision, Quote};
use dateline::pipeline::{self, Output, Progress};

/// The bundled seed folder.
pub fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Runs the pipeline on the seeds with no edits.
pub fn seed_output() -> Output {
    pipeline::run(&seeds(), &[], &Progress::default()).expect("seeds load")
}

/// `YYYY-MM-DD`.
pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// Id of the seed article whose file name starts with `prefix` (`004`).
pub fn article_id(x: &Extraction, prefix: &str) -> String {
    x.articles.iter().find(|a| a.path.starts_with(prefix)).map(|a| a.id.clone()).expect("seed article")
}

/// Evidence for the first occurrence of `needle` in the seed article `prefix`.
pub fn evidence(x: &Extraction, prefix: &str, needle: &str) -> Evidence {
    let a = x.articles.iter().find(|a| a.path.starts_with(prefix)).expect("seed article");
    let start = a.text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {prefix}"));
    Evidence { article: a.id.clone(), start, end: start + needle.len(), text: needle.to_string() }
}

fn event(
    x: &Extraction,
    kind: EventKind,
    (date, start, end, precision): (&str, &str, &str, Precision),
    title: &str,
    reports: &[(&str, &str)],
) -> Event {
    let evidence: Vec<Evidence> = reports.iter().map(|(p, n)| evidence(x, p, n)).collect();
    let mut articles: Vec<String> = evidence.iter().map(|v| v.article.clone()).collect();
    articles.dedup();
    let outlets = articles
        .iter()
        .map(|id| {
            let a = x.articles.iter().find(|a| &a.id == id).expect("article");
            a.source.clone().unwrap_or_else(|| a.path.clone())
        })
        .fold(Vec::new(), |mut v: Vec<String>, o| {
            if !v.contains(&o) {
                v.push(o);
            }
            v
        });
    Event {
        id: dateline::model::stable_hash(&[date, &evidence[0].article, &evidence[0].start.to_string()])[..16]
            .to_string(),
        kind,
        date: date.into(),
        start: Some(day(start)),
        end: Some(day(end)),
        precision: Some(precision),
        title: title.into(),
        articles,
        outlets,
        evidence,
        derivation: "fixture".into(),
        confidence: 0.9,
        ..Default::default()
    }
}

fn quote(x: &Extraction, prefix: &str, text: &str, speaker: &str) -> Quote {
    let v = evidence(x, prefix, text);
    Quote {
        id: dateline::model::stable_hash(&[&v.article, text])[..16].to_string(),
        article: v.article,
        start: v.start,
        end: v.end,
        text: text.into(),
        speaker: Some(speaker.into()),
        speaker_entity: None,
        speaker_mention: None,
        speaker_role: None,
        cue: Some("said".into()),
        confidence: 0.9,
        edited: Vec::new(),
    }
}

/// The seed articles with a hand-built timeline (replacing whatever the extractors found).
pub fn seed_fixture() -> Extraction {
    let mut x = seed_output().extraction;
    for a in &mut x.articles {
        if a.source.is_none() {
            if a.path.starts_with("001") {
                a.source = Some("The Korea Herald".into());
            } else if a.path.starts_with("004") {
                a.source = Some("South China Morning Post".into());
            }
        }
    }
    let q_lim = quote(
        &x,
        "000",
        "exchange opinions on issues of mutual interest such as bilateral relations, Korean Peninsula issues and regional and global affairs,",
        "Lim Soo-suk",
    );
    let q_lin = quote(
        &x,
        "004",
        "The establishment of the 2+2 dialogue mechanism between China and the Republic of Korea … is in view of the needs of the development of bilateral relations,",
        "Lin Jian",
    );
    let q_official = quote(
        &x,
        "002",
        "in-depth discussions on a wide range of issues",
        "a senior official at South Korea’s Foreign Ministry",
    );
    let day_p = |d: &'static str| (d, d, d, Precision::Day);
    let mut dialogue = event(
        &x,
        EventKind::Event,
        day_p("2024-06-18"),
        "South Korea and China hold diplomatic and security dialogue in Seoul",
        &[
            (
                "000",
                "South Korea and China held a high-level diplomatic and security dialogue on Tuesday in Seoul",
            ),
            (
                "001",
                "South Korea and China are set to hold a high-level diplomatic and security dialogue on Tuesday in Seoul",
            ),
            ("004", "will be in Seoul on Tuesday to take part in the “2+2” diplomatic and security dialogue"),
        ],
    );
    dialogue.quotes = vec![q_lim.id.clone(), q_lin.id.clone()];
    let mut putin = event(
        &x,
        EventKind::Event,
        ("2024-06-18", "2024-06-18", "2024-06-19", Precision::Day),
        "Putin begins two-day visit to Pyongyang",
        &[(
            "000",
            "coinciding with the first day of Russian President Vladimir Putin's two-day visit to Pyongyang",
        )],
    );
    putin.confidence = 0.8;
    let announce = event(
        &x,
        EventKind::Statement,
        day_p("2024-06-17"),
        "Foreign Ministry announces the dialogue",
        &[("001", "the South Korean Foreign Ministry announced Monday")],
    );
    let mut lin = event(
        &x,
        EventKind::Statement,
        day_p("2024-06-17"),
        "Lin Jian explains the 2+2 mechanism in Beijing",
        &[("004", "Chinese foreign ministry spokesman Lin Jian said in Beijing on Monday")],
    );
    lin.quotes = vec![q_lin.id.clone()];
    let mut li_yoon = event(
        &x,
        EventKind::Event,
        ("2024-05", "2024-05-01", "2024-05-31", Precision::Month),
        "Li Qiang meets Yoon Suk-yeol in Seoul",
        &[("004", "Chinese Premier Li Qiang met South Korean President Yoon Suk-yeol in Seoul last month")],
    );
    li_yoon.confidence = 0.45;
    let setup = event(
        &x,
        EventKind::Event,
        ("2002", "2002-01-01", "2002-12-31", Precision::Year),
        "The dialogue is set up",
        &[("004", "Set up in 2002, the dialogue has been organised five times so far.")],
    );
    let upgrade = event(
        &x,
        EventKind::Event,
        ("2020", "2020-01-01", "2020-12-31", Precision::Year),
        "Dialogue upgraded to vice-ministerial level",
        &[("004", "It was upgraded to vice-ministerial level in 2020")],
    );
    let mut strategic = event(
        &x,
        EventKind::Event,
        day_p("2024-07-24"),
        "Vice ministers commit to tangible outcomes at strategic dialogue",
        &[
            (
                "002",
                "The vice ministers of South Korea and China committed on Wednesday to achieving tangible outcomes",
            ),
            (
                "003",
                "The vice ministers of South Korea and China committed on Wednesday to achieving tangible outcomes",
            ),
        ],
    );
    strategic.quotes = vec![q_official.id.clone()];
    let virtual_meeting = event(
        &x,
        EventKind::Event,
        ("2021-12", "2021-12-01", "2021-12-31", Precision::Month),
        "Last virtual strategic dialogue",
        &[
            ("002", "following the last virtual meeting in December 2021"),
            ("003", "following the last virtual meeting in December 2021"),
        ],
    );
    let mut in_person = event(
        &x,
        EventKind::Event,
        ("2017-06", "2017-06-01", "2017-06-30", Precision::Month),
        "Last in-person dialogue, in Beijing",
        &[("002", "The last in-person dialogue took place in Beijing in June 2017")],
    );
    let conflict = Conflict {
        id: "c1".into(),
        kind: "history".into(),
        summary: "Sources disagree on when the dialogue was last held".into(),
        evidence: vec![
            evidence(&x, "001", "for the first time in nine years"),
            evidence(&x, "000", "for the first time since 2015"),
        ],
        events: vec![dialogue.id.clone()],
    };
    dialogue.conflicts = vec!["c1".into()];
    in_person.tags = vec!["background".into()];
    x.events =
        vec![setup, in_person, upgrade, virtual_meeting, li_yoon, announce, lin, dialogue, putin, strategic];
    x.quotes = vec![q_lim, q_lin, q_official];
    x.conflicts = vec![conflict];
    x
}
