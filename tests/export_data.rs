//! Data exports on the seed fixture: CSV parses back into one row per shown event with its
//! evidence, TimelineJS follows the documented schema, the Markdown briefing cites.

mod common;

use dateline::export::{Format, Selection, csv, markdown, timelinejs, write_format};

/// A small RFC 4180 reader (quoted fields, doubled quotes, CRLF) to check the writer.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_has_one_row_per_visible_event_with_evidence_and_quotes() {
    let mut x = common::seed_fixture();
    x.events[1].hidden = true;
    let text = csv::to_csv(&x, &Selection::default());
    let rows = parse_csv(&text);
    assert_eq!(rows[0], csv::COLUMNS.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(rows.len(), 1 + x.events.len() - 1, "hidden event left out");
    assert!(rows.iter().all(|r| r.len() == csv::COLUMNS.len()), "every row complete");
    let col = |name: &str| csv::COLUMNS.iter().position(|c| *c == name).unwrap();
    let dialogue =
        rows.iter().find(|r| r[col("title")].starts_with("South Korea and China hold")).expect("row");
    assert_eq!(dialogue[col("date")], "2024-06-18");
    assert_eq!(dialogue[col("precision")], "day");
    assert!(dialogue[col("outlets")].contains("South China Morning Post"));
    assert!(dialogue[col("first_evidence")].contains("on Tuesday in Seoul"));
    assert!(dialogue[col("first_evidence_citation")].contains("bytes"));
    assert_eq!(dialogue[col("speaker")], "Lim Soo-suk");
    assert!(dialogue[col("best_quote")].starts_with("exchange opinions"));
    assert_eq!(dialogue[col("article_paths")].split("; ").count(), 3);
    let li = rows.iter().find(|r| r[col("title")].starts_with("Li Qiang")).expect("row");
    assert_eq!((li[col("precision")].as_str(), li[col("date_label")].as_str()), ("month", "May 2024"));
    // dates ascending
    let starts: Vec<&str> = rows[1..].iter().map(|r| r[col("start")].as_str()).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
}

#[test]
fn timelinejs_follows_the_documented_schema() {
    let x = common::seed_fixture();
    let doc: serde_json::Value =
        serde_json::from_str(&timelinejs::to_timelinejs(&x, &Selection::default())).unwrap();
    let events = doc["events"].as_array().expect("events list");
    assert_eq!(events.len(), x.events.len());
    assert!(doc["title"]["text"]["headline"].is_string());
    for s in events {
        let year = &s["start_date"]["year"];
        assert!(year.is_i64(), "start_date.year is a number: {s}");
        assert!(s["text"]["headline"].is_string() && s["text"]["text"].is_string());
        assert!(["Events", "Statements"].contains(&s["group"].as_str().unwrap()));
        assert!(
            s["media"]["url"].as_str().unwrap().starts_with("<blockquote>"),
            "media.url shows words: {s}"
        );
        assert!(!s["media"]["credit"].as_str().unwrap().is_empty(), "credit names the outlets");
        assert!(s["text"]["text"].as_str().unwrap().contains("bytes"), "slide text cites its evidence");
        if let Some(m) = s["start_date"]["month"].as_i64() {
            assert!((1..=12).contains(&m));
        }
    }
    let month =
        events.iter().find(|s| s["text"]["headline"].as_str().unwrap().starts_with("Li Qiang")).unwrap();
    assert_eq!(month["start_date"], serde_json::json!({"year": 2024, "month": 5}));
    assert!(month["display_date"].as_str().unwrap().contains("May 2024"));
    let year = events.iter().find(|s| s["text"]["headline"].as_str().unwrap().contains("set up")).unwrap();
    assert_eq!(year["start_date"], serde_json::json!({"year": 2002}));
    let putin = events.iter().find(|s| s["text"]["headline"].as_str().unwrap().starts_with("Putin")).unwrap();
    assert_eq!(putin["end_date"], serde_json::json!({"year": 2024, "month": 6, "day": 19}));
    let quoted = events
        .iter()
        .find(|s| s["text"]["headline"].as_str().unwrap().starts_with("South Korea and"))
        .unwrap();
    assert!(quoted["media"]["url"].as_str().unwrap().starts_with("<blockquote>"));
    assert!(quoted["media"]["caption"].as_str().unwrap().contains("Lim Soo-suk"));
}

#[test]
fn markdown_briefing_lists_events_quotes_footnotes_and_conflicts() {
    let mut x = common::seed_fixture();
    x.events[0].starred = true;
    let md = markdown::to_markdown(
        &x,
        &Selection { title: Some("Korea–China talks".into()), ..Default::default() },
    );
    assert!(md.starts_with("# Korea–China talks\n"));
    let events_at = md.find("## Events").unwrap();
    let conflicts_at = md.find("## Conflicts").unwrap();
    let sources_at = md.find("## Sources").unwrap();
    assert!(events_at < conflicts_at && conflicts_at < sources_at);
    assert!(md.contains("### ★ 2002"), "starred first event");
    assert!(md.contains("— Lim Soo-suk, "), "quote with speaker");
    assert!(
        md.contains("### May 2024 *(uncertain date)* — Li Qiang"),
        "a low-confidence date looks uncertain"
    );
    assert!(md.contains("### 18 June 2024 *(sources disagree)* — South Korea"), "a disputed event says so");
    assert!(md.contains("### ★ 2002 — The dialogue is set up"), "a plain year is not flagged");
    assert!(md.contains("Sources disagree on when the dialogue was last held"));
    // every footnote used is defined, and every definition is used
    let used: std::collections::BTreeSet<&str> = md
        .match_indices("[^")
        .map(|(i, _)| {
            let end = md[i..].find(']').unwrap();
            &md[i + 2..i + end]
        })
        .collect();
    for n in &used {
        assert!(md.contains(&format!("\n[^{n}]: ")), "footnote {n} defined");
    }
    let first = md.find("\n[^1]: ").unwrap();
    assert!(md[first..].contains("bytes"), "footnotes cite byte spans");
    // events are in date order: 2002 before June 2024
    assert!(md.find("### ★ 2002").unwrap() < md.find("18 June 2024").unwrap());
}

#[test]
fn formats_parse_and_dispatch() {
    let x = common::seed_fixture();
    for (name, f) in [
        ("json", Format::Json),
        ("csv", Format::Csv),
        ("timelinejs", Format::TimelineJs),
        ("md", Format::Markdown),
    ] {
        assert_eq!(Format::parse(name), Some(f));
        assert!(!write_format(&x, f, &Selection::default()).is_empty());
    }
    assert_eq!(Format::parse("xlsx"), None);
    let json: serde_json::Value =
        serde_json::from_str(&write_format(&x, Format::Json, &Selection::default())).unwrap();
    assert_eq!(json["events"].as_array().unwrap().len(), x.events.len());
    assert!(json["events"][0].get("starred").is_some() && json["events"][0].get("edited").is_some());
}
