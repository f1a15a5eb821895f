//! TempEval-3 TimeML files: read the `<DCT>` and the `<TEXT>` of a document, tag it with
//! our time-expression engine and write it back with `<TIMEX3>` tags inserted.
//!
//! Offsets in this module are byte offsets into the *plain* text of `<TEXT>`: the raw
//! content with every tag removed (entities are kept as written, so gold and system files
//! made from the same input have identical plain text).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::extract::timex;
use crate::model::{Article, Timex};
use crate::text::Document;

/// One `<TIMEX3>` annotation found in a TimeML `<TEXT>`, by plain-text offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexTag {
    /// First byte in the plain text.
    pub start: usize,
    /// One past the last byte in the plain text.
    pub end: usize,
    /// The annotated text.
    pub text: String,
    /// `tid` attribute.
    pub tid: String,
    /// `type` attribute (DATE, TIME, DURATION, SET).
    pub kind: String,
    /// `value` attribute.
    pub value: String,
    /// `mod` attribute, if any.
    pub modifier: Option<String>,
}

/// A parsed TimeML document.
#[derive(Clone, Debug, Default)]
pub struct TimemlDoc {
    /// The whole file as read.
    pub raw: String,
    /// Byte range of the `<TEXT>` content inside `raw`.
    pub text_range: (usize, usize),
    /// The `<TEXT>` content with all tags removed.
    pub plain: String,
    /// The document creation time (day part of the DCT value).
    pub dct: Option<NaiveDate>,
    /// TIMEX3 annotations inside `<TEXT>`.
    pub timexes: Vec<TimexTag>,
}

/// Reads the value of attribute `name` from a tag's text (`<TIMEX3 tid="t1" …>`).
pub fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(pos) = tag[from..].find(name) {
        let at = from + pos;
        let before_ok = at > 0 && tag.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[at + name.len()..].trim_start();
        if before_ok && let Some(rest) = rest.strip_prefix('=') {
            let rest = rest.trim_start();
            let quote = rest.chars().next()?;
            if quote == '"' || quote == '\'' {
                let body = &rest[1..];
                let close = body.find(quote)?;
                return Some(body[..close].to_string());
            }
        }
        from = at + name.len();
    }
    None
}

/// Parses a TimeML document: DCT, plain text of `<TEXT>` and its TIMEX3 annotations.
pub fn parse(raw: &str) -> Result<TimemlDoc, String> {
    let open = raw.find("<TEXT>").ok_or("no <TEXT> element")?;
    let start = open + "<TEXT>".len();
    let close = raw[start..].find("</TEXT>").map(|p| start + p).ok_or("no </TEXT>")?;
    let dct = raw
        .find("<DCT>")
        .and_then(|d| raw[d..].find("value=").map(|v| d + v))
        .and_then(|v| raw.get(v.saturating_sub(1)..).and_then(|t| attribute(t, "value")))
        .and_then(|v| v.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()));
    let body = &raw[start..close];
    let mut plain = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open_tag: Option<(usize, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<')
            && let Some(gt) = rest.find('>')
        {
            let tag = &rest[..=gt];
            if tag.starts_with("<TIMEX3") {
                open_tag = Some((plain.len(), tag.to_string()));
            } else if tag.starts_with("</TIMEX3")
                && let Some((s, t)) = open_tag.take()
            {
                {
                    timexes.push(TimexTag {
                        start: s,
                        end: plain.len(),
                        text: plain[s..].to_string(),
                        tid: attribute(&t, "tid").unwrap_or_default(),
                        kind: attribute(&t, "type").unwrap_or_default(),
                        value: attribute(&t, "value").unwrap_or_default(),
                        modifier: attribute(&t, "mod"),
                    });
                }
            }
            i += gt + 1;
            continue;
        }
        let ch = rest.chars().next().unwrap_or(' ');
        plain.push(ch);
        i += ch.len_utf8();
    }
    Ok(TimemlDoc { raw: raw.to_string(), text_range: (start, close), plain, dct, timexes })
}

/// Runs the time-expression engine over the plain text of `doc`, anchored at its DCT.
pub fn tag_doc(doc: &TimemlDoc) -> Vec<Timex> {
    let article = Article { id: "timeml".into(), text: Arc::from(doc.plain.as_str()), ..Default::default() };
    let parsed = Document::parse(&doc.plain);
    timex::tag(&article, &parsed, doc.dct)
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

fn open_tag(t: &Timex, n: usize) -> String {
    let kind = match t.kind {
        crate::model::TimexType::Date => "DATE",
        crate::model::TimexType::Time => "TIME",
        crate::model::TimexType::Duration => "DURATION",
        crate::model::TimexType::Set => "SET",
    };
    let mut s = format!("<TIMEX3 tid=\"t{n}\" type=\"{kind}\" value=\"{}\"", escape_attr(&t.value));
    if let Some(m) = &t.modifier {
        s.push_str(&format!(" mod=\"{}\"", escape_attr(m)));
    }
    s.push('>');
    s
}

/// Writes `doc` back with `timexes` (plain-text offsets) as `<TIMEX3>` tags in `<TEXT>`.
/// TIMEX3 tags already present are dropped; every other byte stays as it was.
pub fn write(doc: &TimemlDoc, timexes: &[Timex]) -> String {
    let (start, close) = doc.text_range;
    let body = &doc.raw[start..close];
    let mut out = String::with_capacity(doc.raw.len() + timexes.len() * 64);
    out.push_str(&doc.raw[..start]);
    let mut sorted: Vec<&Timex> = timexes.iter().filter(|t| t.start < t.end).collect();
    sorted.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    // Drop overlapping ones so the output stays well nested.
    let mut kept: Vec<&Timex> = Vec::new();
    for t in sorted {
        if kept.last().is_none_or(|k| k.end <= t.start) {
            kept.push(t);
        }
    }
    let mut next = 0; // index into kept of the next tag to open
    let mut open: Option<&Timex> = None;
    let mut pos = 0; // plain offset
    let mut i = 0;
    let close_at = |out: &mut String, open: &mut Option<&Timex>, pos: usize| {
        if open.is_some_and(|t| t.end == pos) {
            out.push_str("</TIMEX3>");
            *open = None;
        }
    };
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<')
            && let Some(gt) = rest.find('>')
        {
            close_at(&mut out, &mut open, pos);
            let tag = &rest[..=gt];
            if !tag.starts_with("<TIMEX3") && !tag.starts_with("</TIMEX3") {
                out.push_str(tag);
            }
            i += gt + 1;
            continue;
        }
        close_at(&mut out, &mut open, pos);
        if open.is_none() && next < kept.len() && kept[next].start == pos {
            out.push_str(&open_tag(kept[next], next + 1));
            open = Some(kept[next]);
            next += 1;
        }
        let ch = rest.chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
        pos += ch.len_utf8();
        while next < kept.len() && kept[next].start < pos && open.is_none() {
            next += 1; // a tag starting inside a character: skip it
        }
    }
    close_at(&mut out, &mut open, pos);
    if open.is_some() {
        out.push_str("</TIMEX3>");
    }
    out.push_str(&doc.raw[close..]);
    out
}

/// Output name for an input file: the same name without a `.TE3input` suffix.
pub fn output_name(input: &Path) -> String {
    let name = input.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    name.strip_suffix(".TE3input").map(str::to_string).unwrap_or(name)
}

/// Tags every input file and writes it into `outdir`; returns the number written.
pub fn tag_files(inputs: &[PathBuf], outdir: &Path) -> Result<usize, String> {
    std::fs::create_dir_all(outdir).map_err(|e| format!("cannot create {}: {e}", outdir.display()))?;
    let mut n = 0;
    for input in inputs {
        let raw = std::fs::read(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
        let raw = String::from_utf8_lossy(&raw);
        let doc = parse(&raw).map_err(|e| format!("{}: {e}", input.display()))?;
        let out = write(&doc, &tag_doc(&doc));
        let path = outdir.join(output_name(input));
        std::fs::write(&path, out).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" \
        value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n<TEXT>\n\
        Stocks <EVENT eid=\"e1\">fell</EVENT> on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">\
        Wednesday</TIMEX3> &amp; rose.\n</TEXT>\n</TimeML>\n";

    #[test]
    fn parses_dct_text_and_timexes() {
        let d = parse(DOC).unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(d.plain, "\nStocks fell on Wednesday &amp; rose.\n");
        assert_eq!(d.timexes.len(), 1);
        assert_eq!(d.timexes[0].text, "Wednesday");
        assert_eq!(d.timexes[0].value, "1998-01-07");
        assert_eq!(d.timexes[0].kind, "DATE");
    }

    #[test]
    fn writes_own_tags_and_keeps_other_bytes() {
        let d = parse(DOC).unwrap();
        let out = write(&d, &tag_doc(&d));
        assert!(out.contains("<EVENT eid=\"e1\">fell</EVENT>"), "{out}");
        assert!(out.contains("value=\"1998-01-07\">Wednesday</TIMEX3>"), "{out}");
        assert!(out.starts_with("<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\""));
        let again = parse(&out).unwrap();
        assert_eq!(again.plain, d.plain);
    }
}
