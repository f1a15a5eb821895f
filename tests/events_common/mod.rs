//! Shared helpers for the events/timeline integration tests: fixture loading and a
//! deliberately tiny, deterministic date resolver, so these tests exercise the merge,
//! duplicate, dating and conflict machinery independently of the real timex engine.
//!
//! Fixture files: optional `Source: …` and `Published: YYYY-MM-DD` lines, a blank line,
//! then the body. Entities are capitalised word runs; quotes are “…” spans.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use dateline::extract::{ArticleAnalysis, events};
use dateline::model::{
    Article, DateStatus, EntityKind, EntityMention, Precision, Quote, Timex, TimexType, stable_hash,
};
use dateline::text::Document;

/// The fixture folder `name` under tests/fixtures/events.
pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events").join(name)
}

/// Loads every `.txt` of a fixture folder (sorted) as articles with their analyses,
/// resolved by [`mini_timexes`] at each article's stated date.
pub fn load(name: &str) -> (Vec<Article>, Vec<ArticleAnalysis>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture_dir(name))
        .map(|rd| {
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut articles = Vec::new();
    let mut analyses = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let a = article(&name, &text);
        let an = analyze(&a, a.published);
        articles.push(a);
        analyses.push(an);
    }
    (articles, analyses)
}

/// An article from fixture text, header lines read.
pub fn article(name: &str, text: &str) -> Article {
    let mut a = Article {
        id: name.trim_end_matches(".txt").to_string(),
        path: name.to_string(),
        text: text.into(),
        ..Default::default()
    };
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let l = line.trim();
        if let Some(s) = l.strip_prefix("Source:") {
            a.source = Some(s.trim().to_string());
        } else if let Some(d) = l.strip_prefix("Published:") {
            a.published = NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok();
        } else if !l.is_empty() {
            break;
        }
        pos += line.len();
    }
    a.body_start = pos;
    a.published_status = if a.published.is_some() { DateStatus::Stated } else { DateStatus::Missing };
    a.stated_published = a.published;
    a
}

/// Per-article analysis with the mini resolver, simple entities and quotes.
pub fn analyze(a: &Article, anchor: Option<NaiveDate>) -> ArticleAnalysis {
    let doc = Document::parse(&a.text);
    let timexes = mini_timexes(a, anchor);
    let mentions = capitalised_names(a);
    let quotes = curly_quotes(a);
    let ev = events::extract(a, &doc, &timexes, &mentions, &quotes);
    ArticleAnalysis { doc, timexes, mentions, quotes, events: ev, anchor }
}

/// The re-anchoring step for `timeline::build_with`.
pub fn reanchor(a: &Article, an: &mut ArticleAnalysis, anchor: Option<NaiveDate>) {
    an.timexes = mini_timexes(a, anchor);
    an.events = events::extract(a, &an.doc, &an.timexes, &an.mentions, &an.quotes);
    an.anchor = anchor;
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("Monday", Weekday::Mon),
    ("Tuesday", Weekday::Tue),
    ("Wednesday", Weekday::Wed),
    ("Thursday", Weekday::Thu),
    ("Friday", Weekday::Fri),
    ("Saturday", Weekday::Sat),
    ("Sunday", Weekday::Sun),
];

/// Weekdays (future when the sentence says will/set to/scheduled/expected before them,
/// else past, the anchor day itself included), `last month`, and four-digit years after
/// `in`/`since`.
pub fn mini_timexes(a: &Article, anchor: Option<NaiveDate>) -> Vec<Timex> {
    let text: &str = &a.text;
    let mut out = Vec::new();
    for (name, wd) in WEEKDAYS {
        for (at, _) in text.match_indices(name) {
            let sentence_start = text[..at].rfind(['.', '\n']).map_or(0, |i| i + 1);
            let before = text[sentence_start..at].to_lowercase();
            let future =
                ["will ", "set to", "scheduled", "expected", "to hold"].iter().any(|w| before.contains(w));
            let day = anchor.map(|d| {
                let diff = (wd.num_days_from_monday() as i64) - (d.weekday().num_days_from_monday() as i64);
                if future {
                    d + Duration::days(if diff <= 0 { diff + 7 } else { diff })
                } else {
                    d + Duration::days(if diff > 0 { diff - 7 } else { diff })
                }
            });
            out.push(timex(a, at, name, day, Precision::Day, true));
        }
    }
    for (at, m) in text.match_indices("last month") {
        let month = anchor.and_then(|d| {
            let first = d.with_day(1)?;
            (first - Duration::days(1)).with_day(1)
        });
        let mut t = timex(a, at, m, month, Precision::Month, true);
        if let Some(s) = month {
            t.value = format!("{:04}-{:02}", s.year(), s.month());
            let next = if s.month() == 12 {
                NaiveDate::from_ymd_opt(s.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(s.year(), s.month() + 1, 1)
            };
            t.end_day = next.map(|n| n - Duration::days(1));
        }
        out.push(t);
    }
    let bytes = text.as_bytes();
    for i in 0..bytes.len().saturating_sub(3) {
        let is_year = bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + 4).is_none_or(|c| !c.is_ascii_alphanumeric());
        let prev = text.get(i.saturating_sub(6)..i).unwrap_or("");
        if is_year && (prev.ends_with("in ") || prev.ends_with("since ") || prev.ends_with("and ")) {
            let y: i32 = text[i..i + 4].parse().unwrap_or(0);
            let mut t =
                timex(a, i, &text[i..i + 4], NaiveDate::from_ymd_opt(y, 1, 1), Precision::Year, false);
            t.value = format!("{y:04}");
            t.end_day = NaiveDate::from_ymd_opt(y, 12, 31);
            out.push(t);
        }
    }
    out.sort_by_key(|t| t.start);
    out
}

fn timex(a: &Article, at: usize, text: &str, day: Option<NaiveDate>, p: Precision, relative: bool) -> Timex {
    Timex {
        article: a.id.clone(),
        start: at,
        end: at + text.len(),
        text: text.to_string(),
        kind: TimexType::Date,
        value: day.map(|d| d.to_string()).unwrap_or_else(|| "XXXX-XX-XX".into()),
        modifier: None,
        start_day: day,
        end_day: day,
        precision: Some(p),
        relative,
        anchor: None,
        derivation: format!("mini resolver: '{text}' → {}", day.map(|d| d.to_string()).unwrap_or_default()),
        confidence: if day.is_some() { 0.9 } else { 0.0 },
    }
}

/// Runs of two or more capitalised words (not sentence-initial function words) as names.
pub fn capitalised_names(a: &Article) -> Vec<EntityMention> {
    let text: &str = &a.text;
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    let mut pos = a.body_start;
    for w in text[a.body_start..].split_inclusive([' ', '\n']) {
        let word = w.trim_end_matches([' ', '\n', ',', '.', ';', ':']);
        let word = word.trim_end_matches("’s").trim_end_matches("'s");
        let cap = word.chars().next().is_some_and(char::is_uppercase)
            && !matches!(word, "The" | "A" | "An" | "In" | "On" | "It" | "He" | "She" | "They" | "But")
            && !WEEKDAYS.iter().any(|(n, _)| *n == word);
        if cap {
            let end = pos + word.len();
            run = Some(run.map_or((pos, end), |(s, _)| (s, end)));
        }
        let breaks = !cap
            || w.trim_end_matches([' ', '\n']).ends_with([',', '.', ';', ':'])
            || word.len() + 1 < w.len() - 1;
        if breaks && let Some((s, e)) = run.take() {
            let name = &text[s..e];
            if name.contains(' ') {
                out.push(EntityMention {
                    article: a.id.clone(),
                    start: s,
                    end: e,
                    text: name.to_string(),
                    name: name.to_string(),
                    kind: EntityKind::Organization,
                    role: None,
                });
            }
        }
        pos += w.len();
    }
    out
}

/// “…” spans as quotes (no speakers).
pub fn curly_quotes(a: &Article) -> Vec<Quote> {
    let text: &str = &a.text;
    let mut out = Vec::new();
    let mut from = a.body_start;
    while let Some(o) = text[from..].find('“') {
        let s = from + o + '“'.len_utf8();
        let Some(c) = text[s..].find('”') else { break };
        let e = s + c;
        out.push(Quote {
            id: stable_hash(&[&a.id, &text[s..e]])[..12].to_string(),
            article: a.id.clone(),
            start: s,
            end: e,
            text: text[s..e].to_string(),
            speaker: None,
            speaker_entity: None,
            speaker_mention: None,
            speaker_role: None,
            cue: None,
            confidence: 0.5,
            edited: Vec::new(),
        });
        from = e;
    }
    out
}

/// A day from `YYYY-MM-DD`.
pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}
