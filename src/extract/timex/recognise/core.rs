//! The core patterns, one small function per family. Each takes the token index where
//! the core may start and returns (next token, meaning) or None.

use super::Toks;
use super::calendar::{day_month, decade, month_date, numeric_date, season, week_of, year, year_part};
use super::days::{clock, deixis, weekday};
use super::holidays::holiday;
use super::relative::{quantity_expr, reference, set, shifted};
use crate::extract::timex::expr::{Expr, Qty};
use crate::extract::timex::lexicon::{Lex, RefKind, W};

/// A pattern's result: (next token, meaning).
pub(super) type Hit = Option<(usize, Expr)>;

/// Pattern families, tried in order; the longest match wins.
const FAMILIES: &[fn(&Toks, usize) -> Hit] = &[
    numeric_date,
    month_date,
    day_month,
    weekday,
    clock,
    deixis,
    reference,
    shifted,
    quantity_expr,
    year_part,
    decade,
    set,
    season,
    holiday,
    week_of,
    year,
];

/// The longest core expression at `i`. A leading `the` is part of the extent except for
/// bare years, weekdays and month-day dates (`the 1990 budget`, `the June 17 meeting`).
pub fn core(t: &Toks, i: usize) -> Hit {
    let mut best: Hit = None;
    for f in FAMILIES {
        if let Some((end, e)) = f(t, i)
            && best.is_none_or(|b| end > b.0)
        {
            best = Some((end, e));
        }
    }
    if best.is_none() && t.is_w(i, W::The) && !t.is_w(i + 1, W::The) {
        let inner = core(t, i + 1)?;
        // `the 23-year war`, `the two day rally` (a singular unit after a number above one):
        // the length describes the noun that follows, whose article `the` is.
        let singular_unit = inner.0 > 0 && matches!(t.lex(inner.0 - 1), Lex::Unit(_, false));
        let adjectival = t.glued_p(i + 2, '-')
            || t.glued_p(i + 3, '-')
            || (singular_unit && matches!(inner.1, Expr::Duration { n: Qty::Exact(v), .. } if v > 1.0));
        let keeps_the = !adjectival
            && !matches!(
                inner.1,
                Expr::Cal { .. }
                    | Expr::Weekday { .. }
                    | Expr::Clock { .. }
                    | Expr::Ref(RefKind::Present)
                    | Expr::SetUnit { .. }
                    | Expr::Ref(_)
                    | Expr::Duration { n: Qty::Vague, .. }
            );
        return keeps_the.then_some(inner);
    }
    best
}
