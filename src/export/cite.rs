//! Shared wording for exports: how an event's date is written (uncertain dates look
//! uncertain), which quote is the best, and how a source is cited.

use chrono::{Datelike, NaiveDate};

use crate::model::{Article, Event, Evidence, Extraction, Precision, Quote};

/// The article with id `id`.
pub fn article<'a>(x: &'a Extraction, id: &str) -> Option<&'a Article> {
    x.articles.iter().find(|a| a.id == id)
}

/// The outlet of an article: its source, or its file path when it names none.
pub fn outlet(a: &Article) -> String {
    a.source.clone().filter(|s| !s.trim().is_empty()).unwrap_or_else(|| a.path.clone())
}

/// The outlet of the article with id `id` (the id itself when the article is unknown).
pub fn outlet_of(x: &Extraction, id: &str) -> String {
    article(x, id).map(outlet).unwrap_or_else(|| id.to_string())
}

/// The outlets that report `e`: its `outlets`, or those of its articles when it has none.
pub fn outlets(x: &Extraction, e: &Event) -> Vec<String> {
    if !e.outlets.is_empty() {
        return e.outlets.clone();
    }
    let mut v: Vec<String> = Vec::new();
    for id in &e.articles {
        let o = outlet_of(x, id);
        if !v.contains(&o) {
            v.push(o);
        }
    }
    v
}

/// The quotes of `e` that exist in the extraction, best first.
pub fn quotes<'a>(x: &'a Extraction, e: &Event) -> Vec<&'a Quote> {
    e.quotes.iter().filter_map(|id| x.quotes.iter().find(|q| &q.id == id)).collect()
}

/// The best quote of `e` (the first listed that exists).
pub fn best_quote<'a>(x: &'a Extraction, e: &Event) -> Option<&'a Quote> {
    quotes(x, e).into_iter().next()
}

/// `18 June 2024`.
pub fn day_long(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// `18 Jun 2024`.
pub fn day_short(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// How `e`'s date is written for a person, at its precision: `18 June 2024`,
/// `week of 17 June 2024`, `June 2024`, `Q2 2024`, `2024`, `2020s`; `undated` when unknown.
pub fn date_label(e: &Event) -> String {
    let Some(start) = e.start else {
        return if e.date.is_empty() { "undated".into() } else { format!("undated ({})", e.date) };
    };
    let end = e.end.unwrap_or(start);
    match e.precision.unwrap_or(Precision::Day) {
        Precision::Day if end == start => day_long(start),
        Precision::Day if start.year() == end.year() && start.month() == end.month() => {
            format!("{}–{}", start.day(), day_long(end))
        }
        Precision::Day => format!("{} – {}", day_long(start), day_long(end)),
        Precision::Week => format!("week of {}", day_long(start)),
        Precision::Month => start.format("%B %Y").to_string(),
        Precision::Quarter => quarter_label(&e.date, start, end),
        Precision::Year => start.year().to_string(),
        Precision::Decade => format!("{}s", start.year() / 10 * 10),
        Precision::Century => format!("{}–{}", start.year(), end.year()),
    }
}

fn quarter_label(value: &str, start: NaiveDate, end: NaiveDate) -> String {
    let season = [("SP", "spring"), ("SU", "summer"), ("FA", "autumn"), ("AU", "autumn"), ("WI", "winter")];
    for (code, word) in season {
        if value.ends_with(code) {
            return format!("{word} {}", start.year());
        }
    }
    if value.len() >= 7 && value.as_bytes().get(5) == Some(&b'H') {
        return format!("H{} {}", if start.month() <= 6 { 1 } else { 2 }, start.year());
    }
    if end.month() - start.month() == 2 && start.year() == end.year() {
        return format!("Q{} {}", (start.month() - 1) / 3 + 1, start.year());
    }
    format!("{} – {}", start.format("%b %Y"), end.format("%b %Y"))
}

/// Whether `e`'s date is uncertain: coarser than a day, a span, or a low-confidence guess.
pub fn is_uncertain(e: &Event) -> bool {
    e.precision.is_some_and(|p| p != Precision::Day)
        || e.start != e.end
        || e.confidence < 0.5
        || e.start.is_none()
}

/// A citation for one article: `Outlet, “Headline”, published 17 June 2024 (path)`.
pub fn cite_article(a: &Article) -> String {
    let mut s = outlet(a);
    if let Some(t) = a.title.as_deref().filter(|t| !t.trim().is_empty()) {
        s.push_str(&format!(", “{}”", t.trim()));
    }
    match a.published {
        Some(d) => s.push_str(&format!(", published {}", day_long(d))),
        None => s.push_str(", publication date unknown"),
    }
    if a.source.is_some() {
        s.push_str(&format!(" ({})", a.path));
    }
    if let Some(u) = a.url.as_deref() {
        s.push_str(&format!(", {u}"));
    }
    s
}

/// A citation for a piece of evidence: the article's citation plus the byte span.
pub fn cite_evidence(x: &Extraction, v: &Evidence) -> String {
    let base = article(x, &v.article).map(cite_article).unwrap_or_else(|| format!("article {}", v.article));
    format!("{base}, bytes {}–{}", v.start, v.end)
}

/// Collapses white space runs (line breaks in a sentence) to one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut to at most `max` chars on a word boundary, with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    let s = one_line(s);
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_on_word_boundary_and_keeps_short_text() {
        assert_eq!(truncate("Putin visits Pyongyang", 40), "Putin visits Pyongyang");
        assert_eq!(
            truncate("Putin visits Pyongyang for the first time in 24 years", 30),
            "Putin visits Pyongyang for…"
        );
        assert_eq!(truncate("서울에서 회담이 열렸다 그리고 끝났다", 8), "서울에서…");
    }

    #[test]
    fn dates_read_at_their_precision() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let ev = |date: &str, s: &str, e: &str, p| Event {
            date: date.into(),
            start: d(s),
            end: d(e),
            precision: Some(p),
            confidence: 0.9,
            ..Default::default()
        };
        assert_eq!(date_label(&ev("2024-06-18", "2024-06-18", "2024-06-18", Precision::Day)), "18 June 2024");
        assert_eq!(date_label(&ev("2024-05", "2024-05-01", "2024-05-31", Precision::Month)), "May 2024");
        assert_eq!(date_label(&ev("2024-Q2", "2024-04-01", "2024-06-30", Precision::Quarter)), "Q2 2024");
        assert_eq!(date_label(&ev("2002", "2002-01-01", "2002-12-31", Precision::Year)), "2002");
        assert!(is_uncertain(&ev("2024-05", "2024-05-01", "2024-05-31", Precision::Month)));
        assert!(!is_uncertain(&ev("2024-06-18", "2024-06-18", "2024-06-18", Precision::Day)));
    }
}
