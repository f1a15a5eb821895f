//! Holidays: `Christmas`, `Thanksgiving Day`, `New Year's Eve`, `Easter 1990`, and the
//! latest or next one (`last Thanksgiving`).

use super::Toks;
use super::calendar::is_year;
use super::core::Hit;
use crate::extract::timex::expr::{Expr, YearSpec};
use crate::extract::timex::lexicon::{Lex, W};

/// `Christmas`, `Thanksgiving Day`, `New Year's Day`, `Easter`.
pub(super) fn holiday(t: &Toks, i: usize) -> Hit {
    // `last Thanksgiving`, `next Christmas`: the latest one before, or the first one after.
    if let Some(shift) = match t.w(i) {
        Some(W::Last) => Some(-1),
        Some(W::Next) => Some(1),
        _ => None,
    } {
        return match named_holiday(t, i + 1)? {
            (end, Expr::Holiday { month, day, year: YearSpec::Infer }) => {
                Some((end, Expr::Holiday { month, day, year: YearSpec::Occurrence(shift) }))
            }
            _ => None,
        };
    }
    named_holiday(t, i)
}

/// `Christmas`, `New Year's Day`, `Easter 1990`.
fn named_holiday(t: &Toks, i: usize) -> Hit {
    if t.word_is(i, "new")
        && t.capital(i)
        && t.word_is(i + 1, "year")
        && t.glued_p(i + 2, '\'')
        && t.word_is(i + 3, "s")
    {
        let mut j = i + 4;
        if t.word_is(j, "day") {
            j += 1;
            return Some((j, Expr::Holiday { month: 1, day: 1, year: YearSpec::Infer }));
        }
        if t.word_is(j, "eve") {
            return Some((j + 1, Expr::Holiday { month: 12, day: 31, year: YearSpec::Infer }));
        }
        return Some((j, Expr::Holiday { month: 1, day: 1, year: YearSpec::Infer }));
    }
    if t.word_is(i, "election") && t.capital(i) && t.word_is(i + 1, "day") && t.capital(i + 1) {
        return Some((i + 2, Expr::Holiday { month: 0, day: 2, year: YearSpec::Infer }));
    }
    let Lex::Holiday(m, d) = t.lex(i) else { return None };
    if (m, d) == (0, 2) {
        return None;
    }
    if !t.capital(i) {
        return None;
    }
    let mut j = i + 1;
    let (mut m, mut d) = (m, d);
    if t.word_is(j, "eve") && m == 12 {
        d -= 1;
        j += 1;
    } else if t.word_is(j, "day") || t.word_is(j, "sunday") {
        j += 1;
    }
    if m == 0 && d == 1 && t.word_is(i, "easter") {
        m = 0;
        d = 1;
    }
    let mut year = YearSpec::Infer;
    if let Some(y) = is_year(t, j) {
        year = YearSpec::Explicit(y);
        j += 1;
    }
    Some((j, Expr::Holiday { month: m, day: d, year }))
}
