//! A news-grade sentence splitter over one paragraph, by byte offsets.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (plus closing quotes and brackets) followed by
//! white space and something that can open a sentence. Periods of abbreviations
//! (`Gov.`, `Feb. 26`, `U.S. officials`, `3 p.m. Tuesday`), initials (`John F. Kennedy`),
//! decimals and domains do not end one. A direct quote that closes within the paragraph is
//! kept whole, even when it holds several sentences, so the attribution after it stays in
//! the same sentence.

use super::abbrev::{AbbrevKind, SENTENCE_OPENERS, kind_of};

/// Longest quotation (bytes) kept unsplit.
const MAX_QUOTE: usize = 1500;

const OPEN_CURLY: &str = "\u{201C}";
const CLOSE_CURLY: &str = "\u{201D}";

/// Byte ranges `(start, end)` of the sentences of `text[start..end]`, trimmed of white space.
pub fn split(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let s = &text[start..end];
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut sent_start = 0;
    let mut quote_until: Option<usize> = None;
    let mut straight = NextCloser::new("\"");
    let mut curly = NextCloser::new(CLOSE_CURLY);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'"' if quote_until.is_none() => {
                if opens_quote(s, i) {
                    quote_until = straight.within(s, i + 1);
                }
                i += 1;
            }
            0xE2 if s[i..].starts_with(OPEN_CURLY) => {
                if quote_until.is_none() {
                    quote_until = curly.within(s, i + 3);
                }
                i += 3;
            }
            b'.' | b'!' | b'?' => {
                let (next, brk) = candidate(s, i, quote_until);
                if let Some(q) = quote_until
                    && next > q
                {
                    quote_until = None;
                }
                if let Some((sent_end, next_start)) = brk {
                    push_trimmed(&mut out, s, start, sent_start, sent_end);
                    sent_start = next_start;
                    quote_until = None;
                }
                i = next.max(i + 1);
            }
            0xE2 if s[i..].starts_with('…') => {
                let (next, brk) = candidate(s, i, quote_until);
                if let Some((sent_end, next_start)) = brk {
                    push_trimmed(&mut out, s, start, sent_start, sent_end);
                    sent_start = next_start;
                    quote_until = None;
                }
                i = next.max(i + 3);
            }
            _ => {
                if let Some(q) = quote_until
                    && i > q
                {
                    quote_until = None;
                }
                i += 1;
            }
        }
    }
    push_trimmed(&mut out, s, start, sent_start, b.len());
    out
}

/// The next closing quote mark at or after a position, searched once and remembered, so a
/// paragraph full of unmatched quotes stays linear.
struct NextCloser {
    mark: &'static str,
    /// `None`: not searched yet; `Some(None)`: no mark after `searched_from`.
    found: Option<Option<usize>>,
}

impl NextCloser {
    fn new(mark: &'static str) -> NextCloser {
        NextCloser { mark, found: None }
    }

    /// The closing mark's position if one follows `from` within [`MAX_QUOTE`] bytes.
    fn within(&mut self, s: &str, from: usize) -> Option<usize> {
        let stale = match self.found {
            None => true,
            Some(Some(p)) => p < from,
            Some(None) => false,
        };
        if stale {
            self.found = Some(s.get(from..).and_then(|rest| rest.find(self.mark)).map(|k| from + k));
        }
        self.found.flatten().filter(|&p| p - from <= MAX_QUOTE)
    }
}

fn push_trimmed(out: &mut Vec<(usize, usize)>, s: &str, base: usize, a: usize, b: usize) {
    let piece = &s[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    if !t.is_empty() {
        out.push((base + a + lead, base + a + lead + t.len()));
    }
}

/// A straight quote opens when it follows the start, white space or an opening bracket.
fn opens_quote(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | ':'))
}

/// Examines the terminal mark at `i`. Returns the index after the mark (and any closers)
/// and, when it ends a sentence, `(sentence_end, next_sentence_start)`.
fn candidate(s: &str, i: usize, quote_until: Option<usize>) -> (usize, Option<(usize, usize)>) {
    let b = s.as_bytes();
    let mut j = i;
    // The run of terminal marks (`?!`, `...`, `…`).
    loop {
        if j < b.len() && matches!(b[j], b'.' | b'!' | b'?') {
            j += 1;
        } else if s[j..].starts_with('…') {
            j += '…'.len_utf8();
        } else {
            break;
        }
    }
    // Closing quotes and brackets.
    loop {
        let rest = &s[j..];
        if let Some(c) = rest.chars().next().filter(|c| matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»'))
        {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    if j >= b.len() {
        return (j, None);
    }
    let after = &s[j..];
    let ws = after.len() - after.trim_start().len();
    if ws == 0 {
        return (j, None);
    }
    let k = j + ws;
    if k >= b.len() {
        return (j, None);
    }
    if quote_until.is_some_and(|q| j <= q) {
        return (j, None);
    }
    let next_word: &str = {
        let w = &s[k..];
        let w = w.trim_start_matches(['"', '“', '‘', '\'', '(', '[']);
        let e = w.find(|c: char| !c.is_alphanumeric()).unwrap_or(w.len());
        &w[..e]
    };
    let Some(first) = s[k..].chars().next() else { return (j, None) };
    if first.is_lowercase() {
        return (j, None);
    }
    let single_period = s[i..j].trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']) == ".";
    if b[i] == b'.' && single_period {
        let word = word_before(s, i);
        match kind_of(word) {
            Some(AbbrevKind::Title) | Some(AbbrevKind::Inner) => return (j, None),
            Some(AbbrevKind::Month) if first.is_ascii_digit() => return (j, None),
            Some(AbbrevKind::Ambiguous) if !SENTENCE_OPENERS.contains(&next_word) => return (j, None),
            _ => {}
        }
        if first.is_ascii_digit() && word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty() {
            // `1. 2.` list numbering or `in 2015. 2016 …`: keep together only after a bare ordinal.
            return (j, None);
        }
    }
    (j, Some((j, k)))
}

/// The word right before byte `i` (the period), without leading quotes/brackets.
fn word_before(s: &str, i: usize) -> &str {
    let head = &s[..i];
    let start = head
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '—' | '/'))
        .map_or(0, |p| p + head[p..].chars().next().map_or(1, char::len_utf8));
    &head[start..]
}
