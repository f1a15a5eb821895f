//! Reading metadata from the header lines of a plain-text (or Markdown) article.
//!
//! The header is the run of lines before the body: masthead, headline, byline, a dated line
//! (`Published : June 17, 2024 - 17:32`, `July 26, 2024`, `• 11/26/2024`,
//! ` date 2024-07-25 <caption>`, `Reuters, 26-FEB-1987 15:01:01.79`), `Key: value` lines
//! and Markdown front matter. A line may hold several parts separated by ` | `. The scan
//! stops at the first body-like line, so prose is never mistaken for a header.

use super::dates::{self, FoundDate};
use super::outlet;

/// Labels that introduce a value, with the field they fill. Matched case-insensitively.
const LABELS: &[(&str, Field)] = &[
    ("first published", Field::Date(DateRole::Published)),
    ("published on", Field::Date(DateRole::Published)),
    ("published at", Field::Date(DateRole::Published)),
    ("published", Field::Date(DateRole::Published)),
    ("publication date", Field::Date(DateRole::Published)),
    ("date published", Field::Date(DateRole::Published)),
    ("posted on", Field::Date(DateRole::Published)),
    ("posted", Field::Date(DateRole::Published)),
    ("released", Field::Date(DateRole::Published)),
    ("pubdate", Field::Date(DateRole::Published)),
    ("dated", Field::Date(DateRole::Plain)),
    ("date", Field::Date(DateRole::Plain)),
    ("last updated", Field::Date(DateRole::Updated)),
    ("last modified", Field::Date(DateRole::Updated)),
    ("updated on", Field::Date(DateRole::Updated)),
    ("updated", Field::Date(DateRole::Updated)),
    ("modified", Field::Date(DateRole::Updated)),
    ("publicado el", Field::Date(DateRole::Published)),
    ("publicado", Field::Date(DateRole::Published)),
    ("publié le", Field::Date(DateRole::Published)),
    ("publié", Field::Date(DateRole::Published)),
    ("veröffentlicht am", Field::Date(DateRole::Published)),
    ("veröffentlicht", Field::Date(DateRole::Published)),
    ("pubblicato il", Field::Date(DateRole::Published)),
    ("기사입력", Field::Date(DateRole::Published)),
    ("입력", Field::Date(DateRole::Published)),
    ("등록", Field::Date(DateRole::Published)),
    ("actualizado", Field::Date(DateRole::Updated)),
    ("mis à jour le", Field::Date(DateRole::Updated)),
    ("mis à jour", Field::Date(DateRole::Updated)),
    ("aktualisiert am", Field::Date(DateRole::Updated)),
    ("수정", Field::Date(DateRole::Updated)),
    ("headline", Field::Title),
    ("title", Field::Title),
    ("authors", Field::Byline),
    ("author", Field::Byline),
    ("byline", Field::Byline),
    ("written by", Field::Byline),
    ("reporter", Field::Byline),
    ("source", Field::Source),
    ("publisher", Field::Source),
    ("publication", Field::Source),
    ("outlet", Field::Source),
    ("url", Field::Url),
    ("link", Field::Url),
    ("canonical", Field::Url),
];

/// Openings of lines that are page furniture, never a headline.
const JUNK_PREFIXES: &[&str] = &[
    "disclaimer",
    "advertisement",
    "photo",
    "image",
    "caption",
    "share",
    "link copied",
    "skip to",
    "subscribe",
    "sign in",
    "log in",
    "menu",
    "listen",
    "read more",
    "copyright",
    "©",
    "all rights reserved",
    "click",
    "follow",
    "print",
    "email",
    "related",
    "editor's note",
    "note:",
    "file photo",
    "getty",
    "ap photo",
    "reuters/",
];

/// How much a dated line says about publication.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateRole {
    /// Labelled as publication (`Published`, `Posted on`).
    Published,
    /// Unlabelled or `Date:`.
    Plain,
    /// Labelled as an update; used only when nothing better is stated.
    Updated,
}

/// Which field a label fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A date of the given role.
    Date(DateRole),
    /// Headline.
    Title,
    /// Byline.
    Byline,
    /// Outlet.
    Source,
    /// Canonical URL.
    Url,
}

/// A value read from a header line, with the byte range of that (trimmed) line.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderValue {
    /// The value (for dates, the part after the label).
    pub value: String,
    /// Start of the trimmed line in the text.
    pub line_start: usize,
    /// End of the trimmed line in the text.
    pub line_end: usize,
}

/// A dated header line.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderDate {
    /// The date read.
    pub found: FoundDate,
    /// How it was labelled.
    pub role: DateRole,
    /// The line it came from.
    pub at: HeaderValue,
}

/// Everything read from the header lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Header {
    /// Headline.
    pub title: Option<HeaderValue>,
    /// Outlet (masthead, wire name, or `Source:` line).
    pub source: Option<HeaderValue>,
    /// Byline without `By`.
    pub byline: Option<HeaderValue>,
    /// URL.
    pub url: Option<HeaderValue>,
    /// Every dated line, in order.
    pub dates: Vec<HeaderDate>,
    /// Where the body begins.
    pub body_start: usize,
}

/// Non-blank lines of the header zone that are looked at, at most.
const MAX_HEADER_LINES: usize = 14;
/// Bytes of the text that may hold header lines.
const MAX_HEADER_BYTES: usize = 4096;

/// Removes list bullets, Markdown heading/emphasis marks and quote marks around a line.
fn strip_decoration(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '•' | '·' | '*' | '#' | '>' | '|' | '▪' | '►' | '■' | '_')
    });
    s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#' | '|'))
}

/// Splits `label: value` / `label value` when `s` opens with a known label.
fn split_label(s: &str) -> Option<(Field, &str)> {
    let bytes = s.as_bytes();
    if !bytes.first().is_some_and(|b| b.is_ascii_alphabetic() || *b >= 0x80) {
        return None;
    }
    let first = bytes[0].to_ascii_lowercase();
    for &(label, field) in LABELS {
        if label.as_bytes()[0] != first {
            continue;
        }
        let n = label.len();
        if bytes.len() < n || !bytes[..n].eq_ignore_ascii_case(label.as_bytes()) || !s.is_char_boundary(n) {
            continue;
        }
        let rest = &s[n..];
        let after = rest.trim_start();
        let had_space = after.len() < rest.len();
        if let Some(v) = after.strip_prefix([':', '-', '\u{2013}', '\u{2014}', '=']) {
            return Some((field, v.trim()));
        }
        // Without a colon, only dates may follow a label directly (`Published June 17, 2024`).
        if had_space && matches!(field, Field::Date(_)) {
            return Some((field, after));
        }
    }
    None
}

/// May hold a part separator (`|`, or the first byte of `·`, `•`, `｜`).
fn has_separator(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, b'|' | 0xC2 | 0xE2 | 0xEF))
}

/// Splits a header line into parts separated by ` | `, ` · `, ` • `.
fn parts(s: &str) -> Vec<&str> {
    let mut out = vec![s];
    for sep in [" | ", " · ", " • ", " ｜ "] {
        out = out.iter().flat_map(|p| p.split(sep)).map(str::trim).filter(|p| !p.is_empty()).collect();
    }
    out
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '”', '’', '\'', ')']);
    s.ends_with(['.', '!', '?', '…'])
}

/// Prose: a long line, or a mid-length one that ends like a sentence.
pub fn is_body_like(s: &str) -> bool {
    let n = word_count(s);
    n >= 40 || (n >= 20 && ends_sentence(s)) || (n >= 8 && s.trim_end().ends_with('.'))
}

fn is_junk(s: &str) -> bool {
    // Breadcrumbs (`Home > World > Asia`).
    let may_be_crumbs = s.bytes().any(|b| matches!(b, b'>' | b'/' | 0xE2 | 0xC2));
    if may_be_crumbs
        && [" > ", " › ", " » ", " / "].iter().map(|sep| s.matches(sep).count()).sum::<usize>() >= 2
    {
        return true;
    }
    let b = s.as_bytes();
    JUNK_PREFIXES.iter().any(|j| {
        let n = j.len();
        b.len() >= n
            && b[..n].eq_ignore_ascii_case(j.as_bytes())
            && s.get(n..).is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// A headline: 2..=30 words, no final period, starts with a capital, digit or quote.
pub fn is_headline_like(s: &str) -> bool {
    let n = word_count(s);
    (2..=30).contains(&n)
        && s.len() >= 10
        && s.len() <= 250
        && !s.trim_end().ends_with('.')
        && !s.trim_end().ends_with([',', ';', ':'])
        && s.chars()
            .next()
            .is_some_and(|c| !c.is_lowercase() && (c.is_alphanumeric() || "\"“‘'<([".contains(c)))
        && !is_junk(s)
        && !is_url(s)
}

/// A bare URL (`https://…` or `www.…`) with nothing else on the line.
pub fn is_url(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))
        && !s.contains(char::is_whitespace)
        && s.len() > 8
}

/// `By Ji Da-gyum` → `Ji Da-gyum`.
fn byline_of(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")).or_else(|| s.strip_prefix("by "))?;
    let rest = rest.trim();
    let ok = rest.chars().next().is_some_and(char::is_uppercase)
        && word_count(rest) <= 14
        && !ends_sentence(rest)
        && !is_body_like(rest);
    ok.then_some(rest)
}

/// `Reuters, 26-FEB-1987 15:01:01.79` → (`Reuters`, date).
fn wire_line(s: &str) -> Option<(&str, FoundDate)> {
    let (name, rest) = s.split_once(", ")?;
    let name = name.trim();
    if name.is_empty()
        || name.len() > 40
        || !outlet::is_name_like(name)
        || name.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let found = dates::parse_prefix(rest)?;
    rest[found.len..].trim().is_empty().then_some((name, found))
}

/// A date after an optional label; `Some((role, found, rest))` where `rest` follows the date.
fn dated(s: &str) -> Option<(DateRole, FoundDate, &str, bool)> {
    dated_with(s, split_label(s))
}

/// [`dated`] with the label of `s` already split off.
fn dated_with<'a>(
    s: &'a str,
    label: Option<(Field, &'a str)>,
) -> Option<(DateRole, FoundDate, &'a str, bool)> {
    let (role, value, labelled) = match label {
        Some((Field::Date(role), v)) => (role, v, true),
        Some(_) => return None,
        None => (DateRole::Plain, s, false),
    };
    let found = dates::parse_prefix(value)?;
    let rest = value[found.len..].trim_start_matches([' ', '\t', ',', '|', '-', '–', '—']);
    Some((role, found, rest, labelled))
}

/// Reads the header of `text`. `host_name` is a readable outlet name derived from a URL,
/// used to recognise a masthead that has no outlet word.
pub fn read_header(text: &str, host_name: Option<&str>) -> Header {
    let mut h = Header::default();
    let mut seen = 0;
    let mut pos = 0;
    let mut in_front_matter = false;
    let mut header_end = 0;
    let mut pending = false;
    let mut last_was_title = false;
    for raw in text.split_inclusive('\n') {
        let line_pos = pos;
        pos += raw.len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if seen >= MAX_HEADER_LINES || line_pos >= MAX_HEADER_BYTES {
            break;
        }
        seen += 1;
        let lead = raw.len() - raw.trim_start().len();
        let at = |value: &str| HeaderValue {
            value: value.to_string(),
            line_start: line_pos + lead,
            line_end: line_pos + lead + trimmed.len(),
        };
        if trimmed == "---" || trimmed == "+++" {
            // Markdown front matter fences.
            in_front_matter = seen == 1;
            header_end = pos;
            continue;
        }
        let clean = strip_decoration(trimmed);
        let mut consumed = false;
        let mut caption_at = None;
        let split;
        let line_parts: &[&str] = if has_separator(clean) {
            split = parts(clean);
            &split
        } else {
            std::slice::from_ref(&clean)
        };
        for &part in line_parts {
            let label = split_label(part);
            if let Some((role, found, rest, labelled)) = dated_with(part, label) {
                let early = h.title.is_none() && seen <= 3;
                if let Some((role2, found2, "", true)) = (!rest.is_empty()).then(|| dated(rest)).flatten() {
                    // `Posted : 2024-06-17 17:32 Updated : 2024-06-17 18:00`: two dates, one line.
                    h.dates.push(HeaderDate { found, role, at: at(part) });
                    h.dates.push(HeaderDate { found: found2, role: role2, at: at(part) });
                    consumed = true;
                    last_was_title = false;
                    continue;
                }
                if rest.is_empty() || labelled || early {
                    let mut place = at(part);
                    if !rest.is_empty() {
                        // ` date 2024-07-25 <caption>`: the body starts at the caption, and the
                        // evidence is the dated part alone.
                        caption_at = (rest.as_ptr() as usize)
                            .checked_sub(trimmed.as_ptr() as usize)
                            .map(|i| line_pos + lead + i);
                        if let Some(c) = caption_at {
                            place.line_start = place.line_start.min(c);
                            place.line_end = place.line_start + text[place.line_start..c].trim_end().len();
                        }
                    }
                    h.dates.push(HeaderDate { found, role, at: place });
                    consumed = true;
                    last_was_title = false;
                    continue;
                }
            }
            if let Some((name, found)) = wire_line(part) {
                if h.source.is_none() {
                    h.source = Some(at(name));
                }
                h.dates.push(HeaderDate { found, role: DateRole::Plain, at: at(part) });
                consumed = true;
            } else if let Some((field, value)) = label.filter(|(_, v)| !v.is_empty()) {
                let slot = match field {
                    Field::Title => &mut h.title,
                    Field::Byline => &mut h.byline,
                    Field::Source => &mut h.source,
                    Field::Url => &mut h.url,
                    Field::Date(_) => continue,
                };
                if slot.is_none() {
                    *slot = Some(at(value.trim_matches(['"', '\''])));
                }
                consumed = true;
            } else if is_url(part) {
                if h.url.is_none() {
                    h.url = Some(at(part));
                }
                consumed = true;
            } else if let Some(by) = byline_of(part) {
                if h.byline.is_none() {
                    h.byline = Some(at(by));
                }
                consumed = true;
            } else if in_front_matter {
                consumed = true;
            } else if is_body_like(part) {
                break;
            } else if h.title.is_none() && h.source.is_none() && outlet::is_masthead(part, host_name) {
                h.source = Some(at(part));
                consumed = true;
            } else if (h.title.is_none() || kicker_before(&h, last_was_title, part)) && is_headline_like(part)
            {
                if super::dateline::find(part).is_some() {
                    // `NEW YORK, March 3 -<Photon …`: the story has begun.
                    break;
                }
                h.title = Some(at(part));
                consumed = true;
                last_was_title = true;
                continue;
            } else if h.title.is_none() && h.dates.is_empty() && word_count(part) <= 3 && !ends_sentence(part)
            {
                // Short furniture before the headline (`Menu`, `World`): pass over it.
                consumed = true;
            }
        }
        if let Some(c) = caption_at {
            header_end = c;
            break;
        }
        let nothing_yet = h.title.is_none() && h.dates.is_empty() && h.source.is_none() && h.byline.is_none();
        let passable = nothing_yet && seen <= 2 && !is_body_like(clean);
        if consumed || passable {
            if consumed && !last_was_title_line(&h, line_pos) {
                last_was_title = false;
            }
            pending = false;
            header_end = pos;
        } else if !pending
            && !nothing_yet
            && h.dates.is_empty()
            && word_count(clean) <= 12
            && !is_body_like(clean)
        {
            // One unrecognised short line (`Reporting from Seoul`, a standfirst) may sit
            // between the headline and the date: while no date is found, look one line
            // further before stopping.
            pending = true;
        } else {
            break;
        }
    }
    h.body_start = skip_blank_lines(text, header_end);
    h
}

/// `pos` moved past lines holding only white space.
fn skip_blank_lines(text: &str, mut pos: usize) -> usize {
    while pos < text.len() {
        let rest = &text[pos..];
        let line_len = rest.find('\n').map_or(rest.len(), |i| i + 1);
        if !rest[..line_len].trim().is_empty() {
            break;
        }
        pos += line_len;
    }
    pos.min(text.len())
}

/// True when the title was read from the line starting at `line_pos`.
fn last_was_title_line(h: &Header, line_pos: usize) -> bool {
    h.title.as_ref().is_some_and(|t| t.line_start >= line_pos)
}

/// A short first "headline" directly followed by a longer one was a section kicker
/// (`Russia-Ukraine war` above `Putin arrives in North Korea for rare visit`).
fn kicker_before(h: &Header, last_was_title: bool, part: &str) -> bool {
    last_was_title
        && h.title
            .as_ref()
            .is_some_and(|t| word_count(&t.value) <= 3 && word_count(part) > word_count(&t.value) + 2)
}

/// A bare URL among the last three non-blank lines of `text`, with its line range.
pub fn trailing_url(text: &str) -> Option<HeaderValue> {
    let tail_from = crate::model::floor_char_boundary(text, text.len().saturating_sub(4096));
    let tail = &text[tail_from..];
    let mut end = tail.len();
    let mut checked = 0;
    while checked < 3 {
        let body = tail[..end].trim_end();
        if body.is_empty() {
            return None;
        }
        let start = body.rfind('\n').map_or(0, |i| i + 1);
        let line = body[start..].trim();
        let lead = body[start..].len() - body[start..].trim_start().len();
        if is_url(line) {
            let s = tail_from + start + lead;
            return Some(HeaderValue { value: line.to_string(), line_start: s, line_end: s + line.len() });
        }
        end = start;
        checked += 1;
        if start == 0 {
            return None;
        }
    }
    None
}
