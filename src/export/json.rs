//! The `dateline extract` JSON contract (see `docs/JSON.md`).

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

use super::Selection;
use crate::model::Extraction;

/// Writes the extraction as the `dateline extract` JSON contract. Hidden events stay in,
/// flagged `"hidden": true`, so no user decision is lost.
pub fn to_json(x: &Extraction) -> String {
    serde_json::to_string_pretty(x).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Streams [`to_json`]'s bytes into `w` (no whole copy of the output in memory).
///
/// The bytes are those of `serde_json::to_writer_pretty`, but the long lists (articles,
/// timexes, entities, quotes, events, conflicts) are rendered in parallel, a round of
/// elements at a time: each element is rendered on its own with the indentation it has
/// in the whole, and the pieces are written in order.
pub fn write_json<W: Write>(x: &Extraction, mut w: W) -> io::Result<()> {
    // Every field by name: a field added to the model fails to compile here until it is
    // written too.
    let Extraction { articles, skipped, timexes, entities, quotes, events, conflicts, unapplied_edits } = x;
    w.write_all(b"{")?;
    field(&mut w, "articles", true)?;
    write_list(&mut w, articles)?;
    field(&mut w, "skipped", false)?;
    write_value(&mut w, skipped)?;
    field(&mut w, "timexes", false)?;
    write_list(&mut w, timexes)?;
    field(&mut w, "entities", false)?;
    write_list(&mut w, entities)?;
    field(&mut w, "quotes", false)?;
    write_list(&mut w, quotes)?;
    field(&mut w, "events", false)?;
    write_list(&mut w, events)?;
    field(&mut w, "conflicts", false)?;
    write_list(&mut w, conflicts)?;
    // `skip_serializing_if = "Vec::is_empty"` in the model.
    if !unapplied_edits.is_empty() {
        field(&mut w, "unapplied_edits", false)?;
        write_value(&mut w, unapplied_edits)?;
    }
    w.write_all(b"\n}")
}

/// Elements rendered per parallel round (bounds the memory held before writing).
const ROUND: usize = 2048;
/// Elements rendered by one parallel job.
const PIECE: usize = 32;
/// One level of indentation (`serde_json`'s pretty default).
const INDENT: &str = "  ";

/// The key of a top-level field, after the separator from the previous one.
fn field<W: Write>(w: &mut W, name: &str, first: bool) -> io::Result<()> {
    let sep = if first { "\n" } else { ",\n" };
    write!(w, "{sep}{INDENT}\"{name}\": ")
}

/// A pretty formatter in the state it has `depth` levels deep into the document.
fn formatter_at(depth: usize) -> serde_json::ser::PrettyFormatter<'static> {
    use serde_json::ser::Formatter;
    let mut f = serde_json::ser::PrettyFormatter::new();
    for _ in 0..depth {
        // Opening a level writes its bracket (to nowhere here) and indents one more.
        let _ = f.begin_object(&mut io::sink());
    }
    f
}

/// A top-level field's value, rendered as a whole.
fn write_value<W: Write, T: Serialize + ?Sized>(w: &mut W, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, formatter_at(1));
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// A top-level list, its elements rendered in parallel (see [`write_json`]).
fn write_list<W: Write, T: Serialize + Sync>(w: &mut W, items: &[T]) -> io::Result<()> {
    if items.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    let lead = format!("\n{}", INDENT.repeat(2));
    for (r, round) in items.chunks(ROUND).enumerate() {
        let pieces: Vec<io::Result<Vec<u8>>> = round
            .par_chunks(PIECE)
            .enumerate()
            .map(|(p, piece)| {
                let mut buf = Vec::new();
                for (k, item) in piece.iter().enumerate() {
                    if r + p + k > 0 {
                        buf.push(b',');
                    }
                    buf.extend_from_slice(lead.as_bytes());
                    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter_at(2));
                    item.serialize(&mut ser).map_err(io::Error::from)?;
                }
                Ok(buf)
            })
            .collect();
        for piece in pieces {
            w.write_all(&piece?)?;
        }
    }
    write!(w, "\n{INDENT}]")
}

/// Streams [`to_json_selected`]'s bytes into `w`.
pub fn write_json_selected<W: Write>(x: &Extraction, sel: &Selection, w: W) -> io::Result<()> {
    if !sel.narrows() {
        return write_json(x, w);
    }
    write_json(&subset(x, sel), w)
}

/// The JSON contract limited to `sel`: when the selection narrows the events (a date range,
/// starred only, or the app's current view) only those events are written, with the
/// conflicts that involve one of them; articles, quotes and entities stay whole so every
/// kept event's citations still resolve. A selection that narrows nothing writes
/// [`to_json`]'s full model, hidden events included.
pub fn to_json_selected(x: &Extraction, sel: &Selection) -> String {
    if !sel.narrows() {
        return to_json(x);
    }
    to_json(&subset(x, sel))
}

/// A copy of `x` holding only the events `sel` keeps and the conflicts about them.
pub fn subset(x: &Extraction, sel: &Selection) -> Extraction {
    let events: Vec<_> = x.events.iter().filter(|e| sel.keeps(e)).cloned().collect();
    let kept: std::collections::HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let conflicts = x
        .conflicts
        .iter()
        .filter(|c| c.events.iter().any(|id| kept.contains(id.as_str())))
        .cloned()
        .collect();
    Extraction { events, conflicts, ..x.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Skipped};

    /// The streamed writer gives exactly the bytes of `serde_json`'s pretty printer, with
    /// empty lists, lists longer than a round, and the optional field present or not.
    #[test]
    fn write_json_matches_the_pretty_printer() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let corpus = crate::corpus::load(&dir, &Default::default(), &Default::default()).unwrap_or_default();
        let out = crate::pipeline::process(corpus, &[], &Default::default());
        let mut x = out.extraction;
        assert!(!x.events.is_empty() && !x.timexes.is_empty(), "the seeds give a timeline");
        let check = |x: &Extraction| {
            let mut streamed = Vec::new();
            write_json(x, &mut streamed).expect("written");
            let plain = serde_json::to_vec_pretty(x).expect("serialised");
            assert!(streamed == plain, "streamed JSON differs from serde_json's");
        };
        check(&x);
        check(&Extraction::default());
        x.unapplied_edits = vec!["an edit".into()];
        x.skipped = vec![Skipped { path: "a \"b\".txt".into(), reason: "not text".into() }];
        x.conflicts.clear();
        let many = x.articles.first().cloned().unwrap_or_else(Article::default);
        x.articles = vec![many; ROUND * 2 + PIECE + 1];
        check(&x);
    }
}
