//! TimelineJS 3 JSON (<https://timeline.knightlab.com/docs/json-format.html>): a `title`
//! slide and one `events` slide per dated event. Dates are written at their precision
//! (`{year, month}` for a month), spans get an `end_date`, partial dates a `display_date`;
//! `group` is the lane; the best quote (or, without one, the first report's own words) is a
//! `blockquote` media item whose `credit` names the outlets; the slide text cites every source.

use chrono::Datelike;
use serde_json::{Map, Value, json};

use super::{Selection, cite};
use crate::model::{Event, EventKind, Extraction, Precision};

/// The selected, dated events as a TimelineJS JSON document (undated events cannot be placed
/// and are counted in the title slide instead).
pub fn to_timelinejs(x: &Extraction, sel: &Selection) -> String {
    let events = sel.events(x);
    let (dated, undated): (Vec<&Event>, Vec<&Event>) = events.into_iter().partition(|e| e.start.is_some());
    let slides: Vec<Value> = dated.iter().map(|e| slide(x, e)).collect();
    let mut intro = format!(
        "{} events from {} articles. Every event cites the articles that report it; dates in the \
         articles were resolved against each article's publication date.",
        slides.len(),
        x.articles.len()
    );
    if !undated.is_empty() {
        intro.push_str(&format!(" {} undated events are not shown.", undated.len()));
    }
    let doc = json!({
        "title": {
            "text": {
                "headline": html(sel.title.as_deref().unwrap_or("Timeline")),
                "text": format!("<p>{}</p>", html(&intro)),
            }
        },
        "events": slides,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{\"events\":[]}".into())
}

fn slide(x: &Extraction, e: &Event) -> Value {
    let mut s = Map::new();
    if let Some(start) = e.start {
        s.insert("start_date".into(), date_object(start, e.precision));
    }
    if let (Some(start), Some(end)) = (e.start, e.end)
        && end != start
        && needs_end(e.precision)
    {
        s.insert("end_date".into(), date_object(end, e.precision));
    }
    let label = cite::date_label(e);
    if e.precision.is_some_and(|p| p != Precision::Day) || e.confidence < 0.5 {
        let shown = if e.confidence < 0.5 { format!("{label} (uncertain)") } else { label };
        s.insert("display_date".into(), Value::String(shown));
    }
    s.insert("text".into(), json!({ "headline": html(&e.title), "text": body(x, e) }));
    s.insert("group".into(), Value::String(lane(e.kind).into()));
    s.insert("unique_id".into(), Value::String(format!("event-{}", e.id)));
    let outlets = cite::outlets(x, e).join(", ");
    match cite::best_quote(x, e) {
        Some(q) => {
            let speaker = q.speaker.clone().unwrap_or_else(|| "unattributed".into());
            let caption = format!("— {}, {}", speaker, cite::outlet_of(x, &q.article));
            s.insert(
                "media".into(),
                json!({
                    "url": format!("<blockquote>“{}”</blockquote>", html(&cite::one_line(&q.text))),
                    "caption": html(&caption),
                    "credit": html(&outlets),
                }),
            );
        }
        None => {
            // no quote: the first report's own words, so the credit shows (TimelineJS draws
            // no media panel, and so no credit, for an empty url)
            let media = match e.evidence.first() {
                Some(v) => json!({
                    "url": format!("<blockquote>“{}”</blockquote>", html(&cite::truncate(&v.text, 400))),
                    "caption": html(&format!("— {}", cite::outlet_of(x, &v.article))),
                    "credit": html(&outlets),
                }),
                None => json!({ "url": "", "credit": html(&outlets) }),
            };
            s.insert("media".into(), media);
        }
    }
    Value::Object(s)
}

/// Spans (week, month, quarter, …) get an end date; a day or a single year does not need one.
fn needs_end(p: Option<Precision>) -> bool {
    !matches!(p, Some(Precision::Month) | Some(Precision::Year))
}

/// `{year, month, day}` down to the event's precision.
fn date_object(d: chrono::NaiveDate, p: Option<Precision>) -> Value {
    match p.unwrap_or(Precision::Day) {
        Precision::Year | Precision::Decade | Precision::Century => json!({ "year": d.year() }),
        Precision::Month => json!({ "year": d.year(), "month": d.month() }),
        _ => json!({ "year": d.year(), "month": d.month(), "day": d.day() }),
    }
}

/// The lane name (`group`).
pub fn lane(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Event => "Events",
        EventKind::Statement => "Statements",
    }
}

/// The slide body: each piece of evidence quoted with its citation, then the quotes, notes.
fn body(x: &Extraction, e: &Event) -> String {
    let mut b = String::new();
    for v in &e.evidence {
        b.push_str(&format!(
            "<p>“{}”<br><small>— {}</small></p>",
            html(&cite::one_line(&v.text)),
            html(&cite::cite_evidence(x, v))
        ));
    }
    for q in cite::quotes(x, e).into_iter().skip(1).take(2) {
        b.push_str(&format!(
            "<blockquote>“{}” — {}, {}</blockquote>",
            html(&cite::one_line(&q.text)),
            html(q.speaker.as_deref().unwrap_or("unattributed")),
            html(&cite::outlet_of(x, &q.article))
        ));
    }
    if !e.derivation.is_empty() {
        b.push_str(&format!("<p><small>Date: {}</small></p>", html(&e.derivation)));
    }
    if let Some(n) = &e.note {
        b.push_str(&format!("<p><em>Note: {}</em></p>", html(n)));
    }
    b
}

/// Escapes text for TimelineJS's HTML fields.
fn html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
