//! Article metadata with evidence: title, outlet, byline and authors, URL, publication date
//! (and time), dateline, and where the body begins. Every value records the line (or, for
//! HTML, the tag or JSON-LD field) it was read from, in [`Article::metadata_evidence`].
//!
//! Dates are only ever read, never guessed: no line, no date (`missing`). A file's
//! modification time is never used.

pub mod dateline;
pub mod dates;
pub mod html;
pub mod outlet;
pub mod plain;

use crate::corpus::html::Page;
use crate::model::{Article, DateStatus, FieldEvidence};
use html::split_names;

use plain::{DateRole, HeaderValue};

fn evidence(text: &str, field: &str, v: &HeaderValue) -> FieldEvidence {
    let span = crate::model::Span::from_text(text, v.line_start, v.line_end);
    FieldEvidence { field: field.to_string(), start: span.start, end: span.end, text: span.text }
}

fn html_evidence(field: &str, source: &str) -> FieldEvidence {
    FieldEvidence { field: field.to_string(), start: 0, end: 0, text: source.to_string() }
}

/// Words of a byline part that make it a role, not a name (`Staff Reporter`).
const ROLE_WORDS: &[&str] = &[
    "staff",
    "reporter",
    "writer",
    "correspondent",
    "editor",
    "contributor",
    "columnist",
    "bureau",
    "desk",
    "in",
    "news",
    "team",
];

/// Author names in a byline (`Ji Da-gyum and Kim Arin` → two), dropping outlets and roles.
pub fn authors_of(byline: &str) -> Vec<String> {
    split_names(byline)
        .into_iter()
        .filter(|n| {
            let words: Vec<&str> = n.split_whitespace().collect();
            (1..=5).contains(&words.len())
                && !outlet::is_masthead(n, None)
                && !words.iter().any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
                && !n.contains('@')
        })
        .collect()
}

/// The outlet named in a byline part (`Jane Doe, CNN` → `CNN`; `Reuters Staff` → `Reuters`).
pub fn outlet_of_byline(byline: &str) -> Option<String> {
    split_names(byline).into_iter().find_map(|part| {
        // `Reuters Staff`, `AP Writer`: an outlet followed by role words.
        let words: Vec<&str> = part.split_whitespace().collect();
        let role_tail = words.iter().skip(1).all(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()));
        if words.len() >= 2 && role_tail && outlet::is_masthead(words[0], None) {
            return Some(words[0].to_string());
        }
        outlet::is_masthead(&part, None).then_some(part)
    })
}

/// Fills metadata from an HTML page's own tags (run before [`apply_plain`], which then only
/// fills what is still missing).
pub fn apply_html(a: &mut Article, page: &Page) {
    if let Some(t) = &page.title {
        a.title = Some(t.value.clone());
        let mut ev = html_evidence("title", &t.source);
        if page.title_len > 0 {
            ev.end = page.title_len;
            ev.text = t.value.clone();
        }
        a.metadata_evidence.push(ev);
    }
    if let Some(s) = &page.source {
        a.source = Some(s.value.clone());
        a.metadata_evidence.push(html_evidence("source", &s.source));
    }
    if !page.authors.is_empty() {
        a.byline = Some(page.authors.join(", "));
        a.authors = page.authors.clone();
        a.metadata_evidence.push(html_evidence("byline", page.authors_source.as_deref().unwrap_or("")));
    }
    if let Some(u) = &page.url {
        a.url = Some(u.value.clone());
        a.metadata_evidence.push(html_evidence("url", &u.source));
    }
    let dated = [(&page.published, false), (&page.modified, true)];
    for (value, is_update) in dated {
        let Some(v) = value else { continue };
        let Some(found) = dates::parse_prefix(&v.value) else { continue };
        a.published = Some(found.date);
        a.published_time = found.time;
        a.published_status = DateStatus::Stated;
        a.published_evidence = Some(v.source.clone());
        a.published_reason = if is_update {
            Some("only a modification date is stated in the page; used as the publication date".into())
        } else {
            found.ambiguity
        };
        a.metadata_evidence.push(html_evidence("published", &v.source));
        break;
    }
}

/// Fills still-missing metadata from the article's header lines, a trailing URL line and
/// the opening dateline; sets [`Article::body_start`].
pub fn apply_plain(a: &mut Article) {
    let text = a.text.clone();
    let tail_url = plain::trailing_url(&text);
    let host = tail_url.as_ref().or(None).and_then(|u| outlet::url_host(&u.value));
    let host_name = host.as_deref().and_then(|h| outlet::name_from_text(h, &text));
    let h = plain::read_header(&text, host_name.as_deref());
    a.body_start = h.body_start.min(text.len());

    if a.title.is_none()
        && let Some(t) = &h.title
    {
        a.title = Some(t.value.clone());
        a.metadata_evidence.push(evidence(&text, "title", t));
    }
    if a.byline.is_none()
        && let Some(b) = &h.byline
    {
        a.byline = Some(b.value.clone());
        a.authors = authors_of(&b.value);
        a.metadata_evidence.push(evidence(&text, "byline", b));
    }
    let url = h.url.clone().or(tail_url);
    if a.url.is_none()
        && let Some(u) = &url
    {
        a.url = Some(u.value.clone());
        a.metadata_evidence.push(evidence(&text, "url", u));
    }
    if a.source.is_none()
        && let Some(b) = &h.byline
        && h.source.is_none()
        && let Some(outlet) = outlet_of_byline(&b.value)
    {
        // `By Reuters Staff`, `By Jane Doe, CNN`: the outlet named in the byline.
        a.source = Some(outlet);
        a.metadata_evidence.push(evidence(&text, "source", b));
    }
    if a.source.is_none() {
        if let Some(s) = &h.source {
            a.source = Some(s.value.clone());
            a.metadata_evidence.push(evidence(&text, "source", s));
        } else if let Some(u) = &url {
            let host = outlet::url_host(&u.value);
            let name = host.as_deref().and_then(|h| outlet::name_from_text(h, &text));
            if let Some(src) = name.or(host) {
                a.source = Some(src);
                a.metadata_evidence.push(evidence(&text, "source", u));
            }
        }
    }
    if a.published.is_none() {
        // Best role first (Published, then plain, then Updated); first line among equals.
        if let Some(d) = h.dates.iter().min_by_key(|d| d.role) {
            a.published = Some(d.found.date);
            a.published_time = d.found.time.clone();
            a.published_status = DateStatus::Stated;
            let ev = evidence(&text, "published", &d.at);
            a.published_evidence = Some(ev.text.clone());
            a.published_reason = match (d.role, &d.found.ambiguity) {
                (_, Some(note)) => Some(note.clone()),
                (DateRole::Updated, None) => {
                    Some("only an update date is stated; used as the publication date".into())
                }
                _ => None,
            };
            a.metadata_evidence.push(ev);
        } else {
            a.published_status = DateStatus::Missing;
        }
    }
    if a.dateline.is_none() {
        read_dateline(a, &text);
    }
}

/// Looks for a dateline at the start of the first three non-blank body lines.
fn read_dateline(a: &mut Article, text: &str) {
    let start = crate::model::floor_char_boundary(text, a.body_start);
    let mut pos = start;
    let mut looked = 0;
    for line in text[start..].split_inclusive('\n').take(12) {
        let line_pos = pos;
        pos += line.len();
        if line.trim().is_empty() {
            continue;
        }
        looked += 1;
        if looked > 3 {
            return;
        }
        if let Some(d) = dateline::find(line) {
            a.dateline = Some(d.place.clone());
            let span = crate::model::Span::from_text(text, line_pos + d.start, line_pos + d.len);
            a.metadata_evidence.push(FieldEvidence {
                field: "dateline".into(),
                start: span.start,
                end: span.end,
                text: span.text,
            });
            return;
        }
    }
}
