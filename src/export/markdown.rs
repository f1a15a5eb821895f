//! A Markdown briefing: events in date order, each with its best quotes (speaker, outlet,
//! date) and footnoted sources, then the conflicts between sources and the source list.

use std::collections::HashMap;

use super::{Selection, cite};
use crate::model::{DateStatus, Evidence, Extraction};

/// Footnotes, one per distinct piece of evidence, numbered in order of first use.
#[derive(Default)]
struct Notes {
    order: Vec<String>,
    index: HashMap<String, usize>,
}

impl Notes {
    fn cite(&mut self, text: String) -> String {
        let n = match self.index.get(&text) {
            Some(n) => *n,
            None => {
                self.order.push(text.clone());
                self.index.insert(text, self.order.len());
                self.order.len()
            }
        };
        format!("[^{n}]")
    }
}

/// The briefing for the selected events.
pub fn to_markdown(x: &Extraction, sel: &Selection) -> String {
    let events = sel.events(x);
    let mut notes = Notes::default();
    let mut md = format!("# {}\n\n", sel.title.as_deref().unwrap_or("Timeline briefing"));
    let dated: Vec<_> = events.iter().filter_map(|e| e.start).collect();
    md.push_str(&format!(
        "{} events from {} articles by {} outlets",
        events.len(),
        x.articles.len(),
        outlet_count(x)
    ));
    if let (Some(a), Some(b)) = (dated.iter().min(), dated.iter().max()) {
        md.push_str(&format!(", {} to {}", cite::day_long(*a), cite::day_long(*b)));
    }
    md.push_str(". Relative dates (\"on Tuesday\") were resolved against each article's publication date; ");
    md.push_str("dates are given at the precision the sources state; *(uncertain date)* marks a guess and *(sources disagree)* a conflict listed below.\n\n## Events\n\n");
    if events.is_empty() {
        md.push_str("No events.\n\n");
    }
    for e in &events {
        let star = if e.starred { "★ " } else { "" };
        let unsure = match (e.confidence < 0.5, e.conflicts.is_empty()) {
            (true, _) => " *(uncertain date)*",
            (false, false) => " *(sources disagree)*",
            _ => "",
        };
        md.push_str(&format!("### {star}{}{unsure} — {}\n\n", cite::date_label(e), inline(&e.title)));
        let outlets = cite::outlets(x, e);
        let sources: Vec<String> = e.evidence.iter().map(|v| notes.cite(evidence_note(x, v))).collect();
        md.push_str(&format!(
            "Reported by {} ({} {}){}.\n\n",
            inline(&outlets.join(", ")),
            outlets.len(),
            if outlets.len() == 1 { "outlet" } else { "outlets" },
            sources.concat()
        ));
        for q in cite::quotes(x, e).into_iter().take(2) {
            let a = cite::article(x, &q.article);
            let when = match a.and_then(|a| a.published.map(|d| (d, a.published_status))) {
                Some((d, DateStatus::Suspect)) => format!("{} (date suspect)", cite::day_long(d)),
                Some((d, _)) => cite::day_long(d),
                None => "date unknown".into(),
            };
            let note = notes.cite(evidence_note(
                x,
                &Evidence { article: q.article.clone(), start: q.start, end: q.end, text: q.text.clone() },
            ));
            md.push_str(&format!(
                "> “{}”\n> — {}, {}, {}{note}\n\n",
                inline(&cite::one_line(&q.text)),
                inline(q.speaker.as_deref().unwrap_or("unattributed")),
                inline(&cite::outlet_of(x, &q.article)),
                when
            ));
        }
        if !e.tags.is_empty() {
            md.push_str(&format!("Tags: {}\n\n", inline(&e.tags.join(", "))));
        }
        if let Some(n) = &e.note {
            md.push_str(&format!("*Note:* {}\n\n", inline(n)));
        }
        if !e.edited.is_empty() {
            md.push_str(&format!("*Edited by the analyst: {}.*\n\n", e.edited.join(", ")));
        }
    }
    md.push_str("## Conflicts\n\n");
    let shown: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let conflicts: Vec<_> = x
        .conflicts
        .iter()
        .filter(|c| c.events.is_empty() || c.events.iter().any(|id| shown.contains(&id.as_str())))
        .collect();
    if conflicts.is_empty() {
        md.push_str("No conflicts between sources were found.\n\n");
    }
    for c in conflicts {
        let sides: Vec<String> = c
            .evidence
            .iter()
            .map(|v| {
                let n = notes.cite(evidence_note(x, v));
                format!(
                    "  - {}: “{}”{n}",
                    inline(&cite::outlet_of(x, &v.article)),
                    inline(&cite::one_line(&v.text))
                )
            })
            .collect();
        md.push_str(&format!("- **{}** ({}):\n{}\n", inline(&c.summary), c.kind, sides.join("\n")));
    }
    md.push_str("\n## Sources\n\n");
    for a in &x.articles {
        md.push_str(&format!("- {}\n", inline(&cite::cite_article(a))));
    }
    md.push('\n');
    for (i, n) in notes.order.iter().enumerate() {
        md.push_str(&format!("[^{}]: {}\n", i + 1, n));
    }
    md
}

fn outlet_count(x: &Extraction) -> usize {
    let mut v: Vec<String> = x.articles.iter().map(cite::outlet).collect();
    v.sort();
    v.dedup();
    v.len()
}

/// The footnote text for a span: the verbatim words and where they are.
fn evidence_note(x: &Extraction, v: &Evidence) -> String {
    format!("“{}” — {}", inline(&cite::truncate(&v.text, 240)), inline(&cite::cite_evidence(x, v)))
}

/// Text safe inside a Markdown line: one line, with characters that would start markup escaped.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in cite::one_line(s).chars() {
        if matches!(c, '*' | '_' | '[' | ']' | '`' | '<' | '>' | '#' | '|' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
