//! Quantities and ordinals: `two`, `twenty-four`, `2 1/2`, `a few`, `third`, `20th`.

use super::Toks;
use crate::extract::timex::expr::Qty;
use crate::extract::timex::lexicon::{Lex, Unit, W};

/// A number written in words at `i` (`twenty four`, `twenty-four`, `two hundred`).
pub fn word_number(t: &Toks, i: usize) -> Option<(u32, usize)> {
    let Lex::Number(n) = t.lex(i) else { return None };
    if n >= 100 {
        return None;
    }
    let mut v = n;
    let mut j = i + 1;
    if (20..100).contains(&n) && n % 10 == 0 {
        let k = if t.glued_p(j, '-') { j + 1 } else { j };
        if let Lex::Number(u) = t.lex(k)
            && u < 10
        {
            v += u;
            j = k + 1;
        }
    }
    if let Lex::Number(h) = t.lex(j)
        && (h == 100 || h == 1000)
    {
        v *= h;
        j += 1;
    }
    Some((v, j))
}

/// A quantity at `i`: digits (with `.5` or ` 1/2`), number words, `a`/`an`, or a vague
/// amount (`several`, `a few`, `a couple of`, `many`). Returns (quantity, next token).
pub fn quantity(t: &Toks, i: usize) -> Option<(Qty, usize)> {
    if let Some(n) = t.num(i) {
        let mut v = n as f64;
        let mut j = i + 1;
        if t.glued_p(j, '.') && t.glued(j + 1) && t.num(j + 1).is_some() {
            let frac = t.num(j + 1).unwrap_or(0) as f64;
            let d = t.digits(j + 1) as i32;
            v += frac / 10f64.powi(d);
            j += 2;
        } else if t.num(j).is_some() && t.glued_p(j + 1, '/') && t.num(j + 2).is_some() {
            let a = t.num(j).unwrap_or(0) as f64;
            let b = t.num(j + 2).unwrap_or(1).max(1) as f64;
            if a < b {
                v += a / b;
                j += 3;
            }
        } else if t.glued_p(j, ',') && t.digits(j + 1) == 3 {
            return None; // 1,500: not a count of time units we handle
        }
        return Some((Qty::Exact(v), j));
    }
    if let Some((n, j)) = word_number(t, i) {
        // `one and a half`
        if t.is_w(j, W::And) && t.is_w(j + 1, W::A) && t.is_w(j + 2, W::HalfWord) {
            return Some((Qty::Exact(n as f64 + 0.5), j + 3));
        }
        return Some((Qty::Exact(n as f64), j));
    }
    match t.w(i) {
        Some(W::A) => {
            // `a couple of`: about two (`couple` is a vague amount word otherwise).
            if t.word_is(i + 1, "couple") {
                return Some((Qty::Exact(2.0), i + 2 + usize::from(t.is_w(i + 2, W::Of))));
            }
            // `a few days`; not `a several-year tenure`, where `a` is the tenure's article.
            if t.is_w(i + 1, W::Few) && t.word_is(i + 1, "few") {
                let j = i + 2 + usize::from(t.is_w(i + 2, W::Of));
                return Some((Qty::Vague, j));
            }
            if t.word_is(i + 1, "half") {
                return Some((Qty::Exact(0.5), i + 2));
            }
            if let Lex::Number(n @ (100 | 1000)) = t.lex(i + 1) {
                return Some((Qty::Exact(n as f64), i + 2));
            }
            Some((Qty::Exact(1.0), i + 1))
        }
        // `the next couple of years`
        Some(W::Few) if t.word_is(i, "couple") => t.is_w(i + 1, W::Of).then_some((Qty::Exact(2.0), i + 2)),
        Some(W::Few) => {
            if t.word_is(i, "some") {
                return None;
            }
            Some((Qty::Vague, i + 1))
        }
        _ => None,
    }
}

/// A quantity followed by a unit (`two years`, `two-year`, `a few days`, `10 trading days`,
/// `four hours and 40 minutes`). Returns (quantity, unit, next token, second part).
pub fn quantity_unit(t: &Toks, i: usize) -> Option<(Qty, Unit, usize)> {
    let (q, mut j) = quantity(t, i)?;
    // `two to three weeks`, `12-18 months`: one length, counted from its lower bound.
    if let Some(k) = range_upper(t, q, j) {
        j = k;
    }
    if t.glued_p(j, '-') {
        j += 1;
    }
    if matches!(t.w(j), Some(W::DayAdj)) {
        j += 1;
    }
    if matches!(t.w(j), Some(W::More)) && t.word_is(j, "more") {
        j += 1; // `two more weeks`
    }
    let Lex::Unit(u, plural) = t.lex(j) else { return None };
    // Ages (`6-year-old`, `a 6 year old`) are not time expressions.
    if (t.glued_p(j + 1, '-') && t.word_is(j + 2, "old")) || t.word_is(j + 1, "old") {
        return None;
    }
    // `a second group`, `three-quarters of` are not lengths of time.
    if (u == Unit::Second && t.word_is(i, "a")) || (u == Unit::Quarter && plural && t.glued_p(j - 1, '-')) {
        return None;
    }
    // `CBS's "60 Minutes"`, `the 100 Days campaign`: a capitalised unit after a number in
    // running text (not a title-case headline) is a title.
    let running = i > 0 && !t.capital(i - 1);
    if running && t.capital(j) && !t.get(j).is_some_and(|x| x.all_caps) && t.num(i).is_some() {
        return None;
    }
    // `a day-to-day basis` compares, `a quarter of the market` is a fraction: not times
    // (`several quarters of losses`, `the first two quarters of 1990` are).
    let fraction = u == Unit::Quarter
        && t.is_w(j + 1, W::Of)
        && ["the", "its", "their", "all", "his", "her", "our", "a", "an", "this", "that"]
            .iter()
            .any(|w| t.word_is(j + 2, w));
    if (t.glued_p(j + 1, '-') && t.word_is(j + 2, "to")) || fraction {
        return None;
    }
    // `the 1988 quarter` is a year, not 1988 quarters.
    if t.digits(i) == 4 && !plural {
        return None;
    }
    // `one year` / `two years`, but `a years` is not a quantity.
    if matches!(q, Qty::Exact(v) if v == 1.0) && plural && !t.is_num_like(i) {
        return None;
    }
    Some((q, u, j + 1))
}

/// After a quantity `lower` ending at `j`: the token after the upper bound of a range
/// (`to three`, `-18`, `or four`) when a time unit follows it.
fn range_upper(t: &Toks, lower: Qty, j: usize) -> Option<usize> {
    let Qty::Exact(lo) = lower else { return None };
    let joined = t.word_is(j, "to") || t.word_is(j, "or") || t.glued_p(j, '-');
    if !joined || matches!(t.w(j + 1), Some(W::A)) {
        return None;
    }
    let (Qty::Exact(hi), k) = quantity(t, j + 1)? else { return None };
    // `two or three years ago` names no one date: only the length is read as a range.
    let offset = matches!(t.w(k + 1), Some(W::Ago | W::Earlier | W::Later));
    (hi > lo && matches!(t.lex(k), Lex::Unit(..)) && !offset).then_some(k)
}

/// A range of quantities (`two to three`, `12-18`) inside tokens `start..end`.
pub fn has_range(t: &Toks, start: usize, end: usize) -> bool {
    (start..end).any(|k| quantity(t, k).is_some_and(|(q, j)| j < end && range_upper(t, q, j).is_some()))
}

/// An ordinal at `i`: `third`, `3rd`, `20th`, `second`. Returns (value, next token).
pub fn ordinal(t: &Toks, i: usize) -> Option<(u32, usize)> {
    match t.lex(i) {
        Lex::Ordinal(n) => return Some((n as u32, i + 1)),
        Lex::Unit(Unit::Second, false) if t.word_is(i, "second") => return Some((2, i + 1)),
        _ => {}
    }
    let n = t.num(i)?;
    if t.glued(i + 1) && matches!(t.lower(i + 1).as_str(), "st" | "nd" | "rd" | "th") {
        return Some((n, i + 2));
    }
    None
}

impl Toks<'_> {
    /// A digit run or a number word at `i`.
    pub fn is_num_like(&self, i: usize) -> bool {
        self.num(i).is_some() || matches!(self.lex(i), Lex::Number(_))
    }
}

/// A year written in words: `nineteen ninety-six`, `eighteen ninety-eight`,
/// `two thousand`, `two thousand and one`. Returns (year, next token).
pub fn spelled_year(t: &Toks, i: usize) -> Option<(i32, usize)> {
    match t.lex(i) {
        Lex::Number(c @ (18 | 19)) => {
            let (n, j) = word_number(t, i + 1)?;
            (10..100).contains(&n).then_some((c as i32 * 100 + n as i32, j))
        }
        Lex::Number(2) if matches!(t.lex(i + 1), Lex::Number(1000)) => {
            let mut j = i + 2;
            let mut y = 2000;
            let k = if t.is_w(j, W::And) { j + 1 } else { j };
            if let Some((n, e)) = word_number(t, k)
                && n < 100
            {
                y += n as i32;
                j = e;
            }
            // A count (`two thousand troops`) is not a year.
            let next_is_word = t.get(j).is_some_and(|n| n.kind == super::super::tokens::Kind::Word);
            let after_year = i > 0 && t.word_is(i - 1, "year");
            (after_year || !next_is_word).then_some((y, j))
        }
        _ => None,
    }
}
