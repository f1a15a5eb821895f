//! Cutting a text into paragraphs by byte offsets.
//!
//! Two layouts occur: one paragraph per line (web copy, the seeds) and hard-wrapped text
//! (wire copy at ~70 columns) where a paragraph spans lines and ends at a blank line, an
//! indented line, or a short last line. Header lines (before the body) are always
//! paragraphs of their own.

use crate::model::Paragraph;

/// One line of the text: trimmed range, indentation and trimmed length.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    indent: usize,
}

impl Line {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// Longest line (bytes) still considered part of hard-wrapped text.
const WRAP_MAX: usize = 100;

fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 60 + 1);
    let mut pos = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).map(|i| i + 1).chain(std::iter::once(bytes.len()));
    for end in ends {
        if end <= pos {
            continue;
        }
        let raw = &text[pos..end];
        let trimmed_start = raw.trim_start();
        let indent = raw.len() - trimmed_start.len();
        let content = trimmed_start.trim_end();
        if !content.is_empty() {
            out.push(Line { start: pos + indent, end: pos + indent + content.len(), indent });
        }
        pos = end;
    }
    out
}

/// True when a line break between `a` and `b` is only a blank line away (same block).
fn adjacent(text: &str, a: &Line, b: &Line) -> bool {
    text.as_bytes()[a.end..b.start].iter().filter(|&&c| c == b'\n').count() <= 1
}

/// Paragraphs of `text`; lines starting before `header_end` are paragraphs of their own.
pub fn split(text: &str, header_end: usize) -> Vec<Paragraph> {
    let lines = lines(text);
    if lines.is_empty() {
        return Vec::new();
    }
    let (mut count, mut long, mut width, mut min_indent) = (0usize, 0usize, 0usize, usize::MAX);
    for l in lines.iter().filter(|l| l.start >= header_end) {
        count += 1;
        if l.len() > WRAP_MAX {
            long += 1;
        } else {
            width = width.max(l.len());
        }
        min_indent = min_indent.min(l.indent);
    }
    let wrapped = count >= 3 && long * 10 < count;
    let width = if width == 0 { WRAP_MAX } else { width };
    let min_indent = if count == 0 { 0 } else { min_indent };
    let mut out: Vec<Paragraph> = Vec::new();
    let mut cur: Option<Paragraph> = None;
    let mut prev: Option<&Line> = None;
    for line in &lines {
        let header = line.start < header_end;
        let joins = match (prev, &cur) {
            (Some(p), Some(_)) if wrapped && !header && p.start >= header_end => {
                adjacent(text, p, line) && line.indent <= min_indent && p.len() * 10 >= width * 6
            }
            _ => false,
        };
        if joins {
            if let Some(c) = cur.as_mut() {
                c.end = line.end;
            }
        } else {
            out.extend(cur.take());
            cur = Some(Paragraph { start: line.start, end: line.end });
        }
        prev = Some(line);
    }
    out.extend(cur);
    out
}
