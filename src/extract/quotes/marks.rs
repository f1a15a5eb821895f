//! Quotation marks and the quoted stretches they delimit.
//!
//! Double marks (`"`, `“ ”`, `„`, `« »`, and `''` as some newspapers write it) are paired
//! per paragraph, curly marks giving direction and straight ones toggling, so mixed
//! pairs such as `“…,"` work. A paragraph that opens a quote and does not close it
//! continues into the next one when that paragraph reopens the quote (or closes one
//! it never opened). Single marks (`‘ ’`, `'`) pair only outside double quotes, and only
//! when they cannot be apostrophes (`Korea’s`, `officials’`, `'90s`).

use crate::model::Paragraph;

/// A quoted stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawQuote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// First byte inside the marks.
    pub start: usize,
    /// One past the last byte inside the marks.
    pub end: usize,
    /// One past the closing mark (equals `end` when the quote was never closed).
    pub close_end: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Single quotation marks.
    pub single: bool,
    /// Paragraph index of the opening mark.
    pub para_first: usize,
    /// Paragraph index of the closing mark.
    pub para_last: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    pos: usize,
    len: usize,
    dir: Dir,
    double: bool,
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

fn char_after(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

fn is_open_context(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '"')
    })
}

/// Every quotation mark in `text`, classified (apostrophes dropped).
fn marks(text: &str) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut skip_to = 0;
    for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes) {
        if i < skip_to {
            continue;
        }
        match bytes[i] {
            b'"' => out.push(Mark { pos: i, len: 1, dir: Dir::Either, double: true }),
            b'\'' => {
                if bytes.get(i + 1) == Some(&b'\'') {
                    out.push(Mark { pos: i, len: 2, dir: Dir::Either, double: true });
                    skip_to = i + 2;
                } else if let Some(d) = single_dir(text, i, 1, false) {
                    out.push(Mark { pos: i, len: 1, dir: d, double: false });
                }
            }
            _ => {
                if bytes.get(i + 1) != Some(&0x80) {
                    continue;
                }
                match bytes.get(i + 2) {
                    Some(0x9C) | Some(0x9E) => {
                        out.push(Mark { pos: i, len: 3, dir: Dir::Open, double: true })
                    }
                    Some(0x9D) => out.push(Mark { pos: i, len: 3, dir: Dir::Close, double: true }),
                    Some(0x98) => {
                        if let Some(d) = single_dir(text, i, 3, true) {
                            out.push(Mark { pos: i, len: 3, dir: d, double: false });
                        }
                    }
                    Some(0x99) => {
                        if let Some(d) = single_dir(text, i, 3, false) {
                            out.push(Mark { pos: i, len: 3, dir: d, double: false });
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

/// Direction of a single mark, or `None` when it is an apostrophe.
fn single_dir(text: &str, pos: usize, len: usize, left_curly: bool) -> Option<Dir> {
    let before = char_before(text, pos);
    let after = char_after(text, pos + len);
    let alnum_before = before.is_some_and(|c| c.is_alphanumeric());
    let alnum_after = after.is_some_and(|c| c.is_alphanumeric());
    if alnum_before && alnum_after {
        return None; // don’t, Korea’s, O’Malley
    }
    if alnum_after && is_open_context(before) {
        // '90s, ’08, 'em, 'til
        let rest = text.get(pos + len..).unwrap_or("");
        let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
        if digits == 2 && !rest.as_bytes().get(2).is_some_and(|b| b.is_ascii_alphanumeric() && *b != b's') {
            return None;
        }
        let lower = rest.get(..4).unwrap_or(rest).to_ascii_lowercase();
        if ["em ", "til ", "cause"].iter().any(|e| lower.starts_with(e)) {
            return None;
        }
        return Some(Dir::Open);
    }
    if left_curly {
        return None;
    }
    if !before.is_none_or(char::is_whitespace) && !alnum_after {
        return Some(Dir::Close);
    }
    None
}

fn para_of(paras: &[Paragraph], pos: usize) -> Option<usize> {
    let i = paras.partition_point(|p| p.end <= pos);
    (i < paras.len() && paras[i].start <= pos).then_some(i)
}

/// Finds the quoted stretches of `text`, given its paragraphs; sorted by position.
pub fn find(text: &str, paras: &[Paragraph]) -> Vec<RawQuote> {
    let all = marks(text);
    let mut out = Vec::new();
    // Group marks by paragraph.
    let mut by_para: Vec<Vec<Mark>> = vec![Vec::new(); paras.len()];
    for m in all {
        if let Some(p) = para_of(paras, m.pos) {
            by_para[p].push(m);
        }
    }
    let mut open: Option<(Mark, usize)> = None;
    for (p, para) in paras.iter().enumerate() {
        for &m in by_para[p].iter().filter(|m| m.double) {
            let dir = match m.dir {
                Dir::Either => {
                    if open.is_some() {
                        Dir::Close
                    } else if is_open_context(char_before(text, m.pos))
                        || !char_after(text, m.pos + m.len).is_none_or(|c| c.is_whitespace())
                    {
                        Dir::Open
                    } else {
                        continue; // a stray closing mark
                    }
                }
                // A closing curly mark typed at the start of a quote (`”Mr. Trump …`).
                Dir::Close
                    if open.is_none()
                        && is_open_context(char_before(text, m.pos))
                        && char_after(text, m.pos + m.len).is_some_and(|c| c.is_alphanumeric()) =>
                {
                    Dir::Open
                }
                d => d,
            };
            match (dir, open) {
                (Dir::Open, Some((_, op))) if op < p && m.pos == para.start => {} // continuation
                (Dir::Open, _) => open = Some((m, p)),
                (Dir::Close, Some((o, op))) => {
                    out.push(raw(o, m.pos, m.pos + m.len, true, false, op, p));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((o, op)) = open {
            let next = by_para.get(p + 1).and_then(|ms| ms.iter().find(|m| m.double));
            let continues = p + 1 < paras.len()
                && p - op < 12
                && next.is_some_and(|m| {
                    (m.pos == paras[p + 1].start && m.dir != Dir::Close)
                        || m.dir == Dir::Close
                        || (m.dir == Dir::Either && !is_open_context(char_before(text, m.pos)))
                });
            if !continues {
                out.push(raw(o, para.end, para.end, false, false, op, p));
                open = None;
            }
        }
    }
    // Single marks, outside double quotes, within one paragraph.
    for (p, ms) in by_para.iter().enumerate() {
        let mut open: Option<Mark> = None;
        for &m in ms.iter().filter(|m| !m.double) {
            // Inside a double quote? (Double quotes are sorted and never overlap.)
            let k = out.partition_point(|q| q.open <= m.pos);
            if k > 0 && m.pos < out[k - 1].close_end.max(out[k - 1].end) {
                continue;
            }
            match (m.dir, open) {
                (Dir::Open, None) => open = Some(m),
                (Dir::Close, Some(o)) => {
                    out.push(raw(o, m.pos, m.pos + m.len, true, true, p, p));
                    open = None;
                }
                _ => {}
            }
        }
    }
    out.retain(|q| q.end > q.start);
    out.sort_by_key(|q| q.open);
    out
}

fn raw(o: Mark, end: usize, close_end: usize, closed: bool, single: bool, pf: usize, pl: usize) -> RawQuote {
    RawQuote {
        open: o.pos,
        start: o.pos + o.len,
        end,
        close_end,
        closed,
        single,
        para_first: pf,
        para_last: pl,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn quotes(t: &str) -> Vec<String> {
        let d = Document::parse(t);
        find(t, &d.paragraphs).iter().map(|q| t[q.start..q.end].to_string()).collect()
    }

    #[test]
    fn curly_straight_and_mixed_pairs() {
        assert_eq!(quotes("He said “a b,\" then \"c d.\""), ["a b,", "c d."]);
        assert_eq!(quotes("“We will,” she said."), ["We will,"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quotes("The officials’ plan and Korea’s '90s policy, said 'Lee's aide.'"),
            ["Lee's aide."]
        );
    }

    #[test]
    fn single_inside_double_is_not_separate() {
        assert_eq!(
            quotes("\"The 'Korea Dialogue' will be held,\" he said."),
            ["The 'Korea Dialogue' will be held,"]
        );
    }

    #[test]
    fn multi_paragraph_quote_continues_when_reopened() {
        let t = "“First part.\n“Second part,” he said.\nNext.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert!(q[0].starts_with("First part.") && q[0].ends_with("Second part,"));
    }

    #[test]
    fn two_apostrophe_marks_pair() {
        assert_eq!(quotes("''It's fine,'' Mr. Hedge said."), ["It's fine,"]);
    }
}
