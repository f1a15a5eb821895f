//! The recogniser: finds time expressions in a token stream and says what they mean.
//!
//! Matching starts only at tokens the lexicon knows (or digits). At each start the
//! optional modifiers (`about`, `more than`, `early`, `the end of`, `the`) are read, then the
//! core patterns are tried and the longest wins. Conjoined day numbers (`June 18-19`,
//! `June 18 and 19`) become expressions of their own.

mod calendar;
mod core;
mod days;
mod holidays;
mod numbers;
mod relative;

pub use numbers::has_range;

use super::expr::{Expr, YearSpec};
use super::lexicon::{DayPart, Lex, W};
use super::tokens::{Kind, Token};

/// A recognised expression: token range, meaning and TimeML `mod`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it means.
    pub expr: Expr,
    /// TIMEX3 `mod`.
    pub modifier: Option<&'static str>,
}

/// A word lower-cased on the stack (no allocation); longer words read as empty.
#[derive(Clone, Copy)]
pub struct Lower {
    buf: [u8; 24],
    len: usize,
}

impl Lower {
    /// The lower-cased word.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// Token access helpers shared by the pattern functions.
pub struct Toks<'a> {
    /// The article text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Token],
}

impl<'a> Toks<'a> {
    /// Token `i`.
    pub fn get(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }
    /// Lexicon entry of token `i`.
    pub fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map(|t| t.lex).unwrap_or_default()
    }
    /// Function word at `i`.
    pub fn w(&self, i: usize) -> Option<W> {
        match self.lex(i) {
            Lex::Word(w) => Some(w),
            _ => None,
        }
    }
    /// Whether token `i` is function word `w`.
    pub fn is_w(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }
    /// Whether token `i` is punctuation `c`.
    pub fn is_p(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(c))
    }
    /// Punctuation `c` at `i` glued to the previous token (no space before it).
    pub fn glued_p(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(c) && !t.space_before)
    }
    /// Token `i` has no space before it.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }
    /// Value of the digit run at `i`.
    pub fn num(&self, i: usize) -> Option<u32> {
        self.toks.get(i).filter(|t| t.kind == Kind::Num).map(|t| t.num)
    }
    /// Number of digits of the digit run at `i` (0 if none).
    pub fn digits(&self, i: usize) -> u8 {
        self.toks.get(i).filter(|t| t.kind == Kind::Num).map(|t| t.digits).unwrap_or(0)
    }
    /// The word at `i` as written (empty if not a word).
    pub fn word(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => &self.text[t.start..t.end],
            _ => "",
        }
    }
    /// The word at `i` in lower case (ASCII), without allocating.
    pub fn lower(&self, i: usize) -> Lower {
        let w = self.word(i).as_bytes();
        let mut l = Lower { buf: [0; 24], len: 0 };
        if w.len() <= 24 && w.is_ascii() {
            for (k, c) in w.iter().enumerate() {
                l.buf[k] = c.to_ascii_lowercase();
            }
            l.len = w.len();
        }
        l
    }
    /// Case-insensitive comparison of the word at `i`.
    pub fn word_is(&self, i: usize, s: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(s)
    }
    /// Whether the word at `i` is capitalised.
    pub fn capital(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.capital)
    }
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    /// No tokens at all.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
}

/// Reads the modifiers before a core expression: returns (next token, mod, position mod).
fn prefix(t: &Toks, i: usize) -> (usize, Option<&'static str>) {
    let (j, modifier) = match t.w(i) {
        Some(W::About) => (i + 1, "APPROX"),
        Some(W::Nearly) => (i + 1, "LESS_THAN"),
        Some(W::More) if t.word_is(i, "more") && t.is_w(i + 1, W::Than) => (i + 2, "MORE_THAN"),
        Some(W::Less) if t.word_is(i, "less") && t.is_w(i + 1, W::Than) => (i + 2, "LESS_THAN"),
        Some(W::At) if t.is_w(i + 1, W::Least) => (i + 2, "EQUAL_OR_MORE"),
        Some(W::At) if t.is_w(i + 1, W::Most) => (i + 2, "EQUAL_OR_LESS"),
        Some(W::Up) if t.word_is(i + 1, "to") => (i + 2, "EQUAL_OR_LESS"),
        _ if t.word_is(i, "no") && t.word_is(i + 1, "more") && t.is_w(i + 2, W::Than) => {
            (i + 3, "EQUAL_OR_LESS")
        }
        _ => return (i, None),
    };
    // Only a quantity takes these (`about two years`, not `about the future`), and `around`
    // also a point it brackets: a dated day, the year's end, noon or midnight (`around Nov. 1`,
    // `around year end`; not a weekday: `get around Wednesday's ruling`).
    let quantity = t.is_num_like(j)
        || matches!(t.w(j), Some(W::A | W::Few))
        || (t.is_w(j, W::The) && matches!(t.w(j + 1), Some(W::Past | W::Last | W::Next)));
    let point = t.word_is(i, "around")
        && (calendar::month_at(t, j).is_some_and(|(_, k)| calendar::day_num(t, k).is_some())
            || (t.word_is(j, "year") && (t.word_is(j + 1, "end") || t.word_is(j + 2, "end")))
            || matches!(t.lex(j), Lex::DayPart(DayPart::Noon | DayPart::Midnight)));
    if quantity || point { (j, Some(modifier)) } else { (i, None) }
}

/// Position modifiers: `early`, `late`, `mid`, `the end of`, `the beginning of`, `the middle of`.
fn position(t: &Toks, i: usize) -> Option<(usize, &'static str)> {
    let the = usize::from(t.is_w(i, W::The));
    let j = i + the;
    match t.w(j) {
        Some(W::Early) => Some((j + 1 + usize::from(t.glued_p(j + 1, '-')), "START")),
        Some(W::Late) => Some((j + 1 + usize::from(t.glued_p(j + 1, '-')), "END")),
        Some(W::Earlier | W::Later)
            if the == 0 && (t.word_is(j, "earlier") || t.word_is(j, "later")) && starts_shift(t, j + 1) =>
        {
            let m = if t.word_is(j, "earlier") { "START" } else { "END" };
            Some((j + 1 + usize::from(t.is_w(j + 1, W::In)), m))
        }
        Some(W::Mid) => Some((j + 1 + usize::from(t.glued_p(j + 1, '-')), "MID")),
        Some(W::End | W::Beginning | W::Middle) if the == 1 && t.is_w(j + 1, W::Of) => {
            let m = match t.w(j) {
                Some(W::End) => "END",
                Some(W::Middle) => "MID",
                _ => "START",
            };
            Some((j + 2, m))
        }
        _ => None,
    }
}

/// `this`/`that`/`next`/`last`/`in the` after `earlier`/`later` (`earlier this month`).
fn starts_shift(t: &Toks, i: usize) -> bool {
    matches!(t.w(i), Some(W::This | W::That | W::Next | W::Last))
        || (t.is_w(i, W::In) && t.is_w(i + 1, W::The) && matches!(t.lex(i + 2), Lex::Unit(..)))
}

/// Tries every pattern at token `i`; returns the longest match.
fn match_at(t: &Toks, i: usize) -> Option<Found> {
    let (j, qmod) = prefix(t, i);
    let mut best: Option<Found> = None;
    let consider = |best: &mut Option<Found>, start_core: usize, modifier: Option<&'static str>| {
        if let Some((end, expr)) = core::core(t, start_core)
            && best.is_none_or(|b| end > b.end)
        {
            *best = Some(Found { start: i, end, expr, modifier });
        }
    };
    if let Some((k, pmod)) = position(t, j) {
        consider(&mut best, k, Some(pmod));
        if t.is_w(k, W::The) {
            consider(&mut best, k + 1, Some(pmod));
        }
    }
    if best.is_none() {
        consider(&mut best, j, qmod);
    }
    // TimeML leaves `about` out of the extent (its meaning stays in `mod`); `around` stays in
    // (`around 7:15 p.m.`, `around Nov. 1` in TimeBank).
    if let Some(b) = best.as_mut()
        && qmod.is_some()
        && t.is_w(i, W::About)
        && !t.word_is(i, "around")
    {
        b.start = j;
    }
    if let Some(b) = best.as_mut()
        && let Some((end, m)) = open_bound(t, b)
    {
        b.end = end;
        b.modifier = Some(m);
    }
    // `two to three weeks`: at least the lower bound.
    if let Some(b) = best.as_mut()
        && b.modifier.is_none()
        && matches!(b.expr, Expr::Duration { .. })
        && numbers::has_range(t, b.start, b.end)
    {
        b.modifier = Some("EQUAL_OR_MORE");
    }
    // `a couple of years`: about two (TimeML `P2Y` with `mod="APPROX"`).
    if let Some(b) = best.as_mut()
        && b.modifier.is_none()
        && (b.start..b.end).any(|k| t.word_is(k, "couple"))
    {
        b.modifier = Some("APPROX");
    }
    best.filter(|b| b.end > b.start)
}

/// Words that leave a date open on one side, with the TimeML `mod` they give:
/// `1994 or later`, `1990 and beyond`, `March or earlier`.
const OPEN_BOUNDS: &[(&str, &str, &str)] = &[
    ("or", "later", "ON_OR_AFTER"),
    ("and", "later", "ON_OR_AFTER"),
    ("or", "after", "ON_OR_AFTER"),
    ("and", "after", "ON_OR_AFTER"),
    ("and", "beyond", "ON_OR_AFTER"),
    ("or", "beyond", "ON_OR_AFTER"),
    ("or", "earlier", "ON_OR_BEFORE"),
    ("or", "before", "ON_OR_BEFORE"),
    ("and", "before", "ON_OR_BEFORE"),
];

/// `1994 or later`: an open bound after a calendar date (no `mod` yet) extends it. `after` and
/// `before` only count when they end the phrase (`2010 or after the vote` is a second time).
fn open_bound(t: &Toks, f: &Found) -> Option<(usize, &'static str)> {
    if f.modifier.is_some()
        || !matches!(f.expr, Expr::Cal { .. } | Expr::Part { .. } | Expr::Decade(_) | Expr::YearPeriod(_))
    {
        return None;
    }
    let (a, b) = (f.end, f.end + 1);
    let &(_, w, m) = OPEN_BOUNDS.iter().find(|(x, y, _)| t.word_is(a, x) && t.word_is(b, y))?;
    let ends = t.get(b + 1).is_none_or(|n| n.kind != Kind::Word && n.kind != Kind::Num);
    (matches!(w, "later" | "earlier" | "beyond") || ends).then_some((b + 1, m))
}

/// A day number conjoined to a previous date (`18-19`, `18 and 19`, `18 to 19`).
fn conjoined_day(t: &Toks, prev: &Found, i: usize) -> Option<Found> {
    let Expr::Cal { year, month: Some(m), day: Some(_) } = prev.expr else { return None };
    let joiner = t.is_p(i, '-') || t.is_w(i, W::And) || t.is_w(i, W::To);
    if !joiner {
        return None;
    }
    let d = t.num(i + 1)?;
    if !(1..=31).contains(&d) || t.digits(i + 1) > 2 {
        return None;
    }
    // Not part of a numeric date or time (`and 11/26/2024`, `to 10:30`).
    if t.glued(i + 2)
        && t.get(i + 2)
            .is_some_and(|n| matches!(n.kind, Kind::Punct('/' | '-' | ':' | '.')) && t.num(i + 3).is_some())
    {
        return None;
    }
    // Not the start of another month-day or a quantity (`18 and 19 people`).
    if let Some(next) = t.get(i + 2)
        && next.kind == Kind::Word
        && !matches!(next.lex, Lex::Word(_) | Lex::None)
    {
        return None;
    }
    let year = if let Some(y) = trailing_year(t, i + 2) { YearSpec::Explicit(y.0) } else { year };
    let end = i + 2;
    Some(Found {
        start: i + 1,
        end,
        expr: Expr::Cal { year, month: Some(m), day: Some(d as u8) },
        modifier: None,
    })
}

/// `, 2024` or ` 2024` after a date.
fn trailing_year(t: &Toks, i: usize) -> Option<(i32, usize)> {
    let k = if t.is_p(i, ',') { i + 1 } else { i };
    let y = t.num(k)?;
    (t.digits(k) == 4 && (1000..=2100).contains(&y)).then_some((y as i32, k + 1))
}

/// Finds every time expression in `toks` (tokens of one stretch of `text`).
pub fn find(text: &str, toks: &[Token]) -> Vec<Found> {
    let t = Toks { text, toks };
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let tok = &toks[i];
        if tok.kind == Kind::Word && tok.lex == Lex::None && !t.word_is(i, "no") {
            i += 1;
            continue;
        }
        if let Some(prev) = out.last()
            && prev.end == i
            && let Some(f) = conjoined_day(&t, prev, i)
        {
            i = f.end;
            out.push(f);
            continue;
        }
        if matches!(tok.kind, Kind::Punct(c) if c != '\'') {
            i += 1;
            continue;
        }
        match match_at(&t, i) {
            Some(f) => {
                i = f.end;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}
