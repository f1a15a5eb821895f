//! CSV: one row per event (RFC 4180 quoting), with the evidence and sources that cite it.

use super::{Selection, cite};
use crate::model::{Extraction, Precision};

/// Column names, in order.
pub const COLUMNS: [&str; 17] = [
    "date",
    "date_label",
    "start",
    "end",
    "precision",
    "kind",
    "title",
    "outlets",
    "first_evidence",
    "first_evidence_citation",
    "best_quote",
    "speaker",
    "article_paths",
    "starred",
    "tags",
    "note",
    "event_id",
];

/// The selected events as CSV (header row first, CRLF line ends as RFC 4180 asks).
pub fn to_csv(x: &Extraction, sel: &Selection) -> String {
    let mut out = row(COLUMNS.iter().map(|s| s.to_string()));
    for e in sel.events(x) {
        let first = e.evidence.first();
        let quote = cite::best_quote(x, e);
        let paths: Vec<String> = e
            .articles
            .iter()
            .map(|id| cite::article(x, id).map(|a| a.path.clone()).unwrap_or(id.clone()))
            .collect();
        out.push_str(&row([
            e.date.clone(),
            cite::date_label(e),
            e.start.map(|d| d.to_string()).unwrap_or_default(),
            e.end.map(|d| d.to_string()).unwrap_or_default(),
            e.precision.map(precision_name).unwrap_or("").to_string(),
            format!("{:?}", e.kind).to_lowercase(),
            cite::one_line(&e.title),
            cite::outlets(x, e).join("; "),
            first.map(|v| cite::one_line(&v.text)).unwrap_or_default(),
            first.map(|v| cite::cite_evidence(x, v)).unwrap_or_default(),
            quote.map(|q| cite::one_line(&q.text)).unwrap_or_default(),
            quote.and_then(|q| q.speaker.clone()).unwrap_or_default(),
            paths.join("; "),
            e.starred.to_string(),
            e.tags.join("; "),
            e.note.clone().unwrap_or_default(),
            e.id.clone(),
        ]));
    }
    out
}

/// The lower-case name of a precision (`day`, `month`, …), as in the JSON.
pub fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Quarter => "quarter",
        Precision::Year => "year",
        Precision::Decade => "decade",
        Precision::Century => "century",
    }
}

fn row(fields: impl IntoIterator<Item = String>) -> String {
    let cells: Vec<String> = fields.into_iter().map(|f| field(&f)).collect();
    format!("{}\r\n", cells.join(","))
}

/// One CSV field: quoted when it holds a comma, quote, line break or leading/trailing space;
/// a leading `=`, `+`, `-` or `@` gets a `'` so spreadsheets do not run it as a formula.
pub fn field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    let needs_quotes = guarded.contains([',', '"', '\n', '\r']) || guarded.trim() != guarded;
    if needs_quotes { format!("\"{}\"", guarded.replace('"', "\"\"")) } else { guarded }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quotes_fields_that_need_it() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("he said \"no\""), "\"he said \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("“curly”, too"), "\"“curly”, too\"");
    }
}
