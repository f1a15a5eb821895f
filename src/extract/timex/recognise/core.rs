//! The core patterns, one small function per family. Each takes the token index where
//! the core may start and returns (next token, meaning) or None.

use super::numbers::{ordinal, quantity, quantity_unit, spelled_year};
use super::{Toks, trailing_year};
use crate::extract::timex::expr::{DaySpec, Expr, Qty, YearPart, YearSpec};
use crate::extract::timex::lexicon::{DayPart, Lex, RefKind, Unit, W};

type Hit = Option<(usize, Expr)>;

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
        let adjectival = t.glued_p(i + 2, '-') || t.glued_p(i + 3, '-');
        let keeps_the = !adjectival
            && !matches!(
                inner.1,
                Expr::Cal { .. }
                    | Expr::Weekday { .. }
                    | Expr::Clock { .. }
                    | Expr::Ref(RefKind::Present)
                    | Expr::SetUnit { .. }
                    | Expr::Ref(_)
            );
        return keeps_the.then_some(inner);
    }
    best
}

fn is_year(t: &Toks, i: usize) -> Option<i32> {
    let y = t.num(i)?;
    (t.digits(i) == 4 && (1000..=2100).contains(&y)).then_some(y as i32)
}

/// A year in digits or words (`1996`, `nineteen ninety-six`), for dates and seasons.
fn any_year(t: &Toks, i: usize) -> Option<(i32, usize)> {
    if let Some(y) = is_year(t, i) {
        return Some((y, i + 1));
    }
    spelled_year(t, i)
}

/// A four-digit year (`1989`, `fiscal 1989`), `'87`, a year in words, `the year 2000`.
fn year(t: &Toks, i: usize) -> Hit {
    if t.is_w(i, W::The)
        && t.word_is(i + 1, "year")
        && let Some((y, k)) = any_year(t, i + 2)
    {
        return Some((k, Expr::Cal { year: YearSpec::Explicit(y), month: None, day: None }));
    }
    if let Some((y, k)) = spelled_year(t, i) {
        return Some((k, Expr::Cal { year: YearSpec::Explicit(y), month: None, day: None }));
    }
    let j = if t.is_w(i, W::Fiscal) { i + 1 } else { i };
    if let Some(y) = is_year(t, j) {
        if j == i && (t.word_is(j + 1, "period") || matches!(t.lex(j + 1), Lex::Unit(Unit::Quarter, false))) {
            return Some((j + 2, Expr::YearPeriod(y)));
        }
        let prev_bad = i > 0 && t.get(i - 1).is_some_and(|p| p.is('$') || p.is('#'));
        let next_bad = t.is_p(j + 1, '%')
            || (t.glued_p(j + 1, '.') && t.num(j + 2).is_some() && t.glued(j + 2))
            || (t.glued_p(j + 1, ',') && t.digits(j + 2) == 3)
            || (t.glued(j + 1) && t.get(j + 1).is_some_and(|n| n.kind == super::Kind::Word));
        if prev_bad || next_bad {
            return None;
        }
        return Some((j + 1, Expr::Cal { year: YearSpec::Explicit(y), month: None, day: None }));
    }
    if t.is_p(i, '\'') && t.digits(i + 1) == 2 && t.glued(i + 1) && !t.glued(i + 2) {
        let y = t.num(i + 1)? as i32;
        let prev_word = i > 0 && t.get(i - 1).is_some_and(|p| !p.space_before || p.kind == super::Kind::Word);
        if prev_word && i > 0 && !t.get(i).is_some_and(|p| p.space_before) {
            return None;
        }
        let y = if y > 30 { 1900 + y } else { 2000 + y };
        return Some((i + 2, Expr::Cal { year: YearSpec::Explicit(y), month: None, day: None }));
    }
    None
}

/// `1990s`, `'90s`, `the nineties`, `the 20th century`.
fn decade(t: &Toks, i: usize) -> Hit {
    if let Some(y) = is_year(t, i)
        && t.glued(i + 1)
        && t.word_is(i + 1, "s")
    {
        return Some((i + 2, Expr::Decade(y / 10)));
    }
    if t.is_p(i, '\'') && t.digits(i + 1) == 2 && t.glued(i + 2) && t.word_is(i + 2, "s") {
        let n = t.num(i + 1)? as i32;
        return Some((i + 3, Expr::Decade(190 + n / 10)));
    }
    if let Lex::DecadeWord(d) = t.lex(i) {
        return Some((i + 1, Expr::Decade(190 + d as i32)));
    }
    let (n, j) = ordinal(t, i)?;
    if matches!(t.lex(j), Lex::Unit(Unit::Century, false)) && (1..=30).contains(&n) {
        return Some((j + 1, Expr::Century(n as i32 - 1)));
    }
    None
}

/// A month word counts as a month: capitalised, and `May`/`March` not used as verbs.
fn month_at(t: &Toks, i: usize) -> Option<(u8, usize)> {
    let Lex::Month(m, abbr) = t.lex(i) else { return None };
    if !t.capital(i) {
        return None;
    }
    let mut j = i + 1;
    if abbr && t.glued_p(j, '.') {
        j += 1;
    } else if abbr && t.num(j).is_none() && !t.get(i).is_some_and(|x| x.all_caps) {
        return None;
    }
    Some((m, j))
}

fn day_num(t: &Toks, i: usize) -> Option<(u8, usize)> {
    let d = t.num(i)?;
    if !(1..=31).contains(&d) || t.digits(i) > 2 {
        return None;
    }
    let mut j = i + 1;
    if t.glued(j) && matches!(t.word(j).to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th") {
        j += 1;
    }
    Some((d as u8, j))
}

/// Words that make a bare `May`/`March` a month (`in May`, `since March`, `early May`).
fn month_context(t: &Toks, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = t.word(i - 1).to_ascii_lowercase();
    matches!(
        p.as_str(),
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "of"
            | "from"
            | "to"
            | "through"
            | "during"
            | "last"
            | "next"
            | "this"
            | "early"
            | "late"
            | "mid"
            | "end"
            | "before"
            | "after"
            | "for"
            | "and"
            | "or"
            | "between"
            | "that"
            | "on"
            | "each"
            | "every"
    ) || t.is_p(i - 1, '-')
}

/// `June 17, 2024`, `Sept. 30`, `June 2024`, `June of 2024`, `June`, `June last year`.
fn month_date(t: &Toks, i: usize) -> Hit {
    let (m, j) = month_at(t, i)?;
    if let Some((d, k)) = day_num(t, j)
        && !((t.glued_p(k, ':') || t.glued_p(k, '.')) && t.num(k + 1).is_some() && t.glued(k + 1))
    {
        if let Some((y, k2)) = trailing_year(t, k) {
            return Some((k2, Expr::Cal { year: YearSpec::Explicit(y), month: Some(m), day: Some(d) }));
        }
        return Some((k, Expr::Cal { year: YearSpec::Infer, month: Some(m), day: Some(d) }));
    }
    let k = if t.is_w(j, W::Of) || t.is_p(j, ',') { j + 1 } else { j };
    if let Some((y, e)) = any_year(t, k) {
        return Some((e, Expr::Cal { year: YearSpec::Explicit(y), month: Some(m), day: None }));
    }
    let ambiguous = matches!(t.word(i), "May" | "March" | "MAY" | "MARCH");
    if ambiguous && !month_context(t, i) {
        return None;
    }
    // `June last year`, `January this year`.
    if let Lex::Unit(Unit::Year, false) = t.lex(j + 1) {
        let shift = match t.w(j) {
            Some(W::Last) => Some(-1),
            Some(W::This) => Some(0),
            Some(W::Next) => Some(1),
            _ => None,
        };
        if let Some(s) = shift {
            return Some((j + 2, Expr::Cal { year: YearSpec::Shift(s), month: Some(m), day: None }));
        }
    }
    Some((j, Expr::Cal { year: YearSpec::Infer, month: Some(m), day: None }))
}

/// `17 June 2024`, `17th of June`, `26-FEB-1987`.
fn day_month(t: &Toks, i: usize) -> Hit {
    let (d, mut j) = day_num(t, i)?;
    let dashed = t.glued_p(j, '-');
    if dashed || t.is_w(j, W::Of) {
        j += 1;
    }
    let (m, mut k) = month_at(t, j).or_else(|| {
        // `26-FEB-1987`: an abbreviation between dashes needs no dot.
        let Lex::Month(m, _) = t.lex(j) else { return None };
        (dashed && t.glued_p(j + 1, '-')).then_some((m, j + 1))
    })?;
    if dashed && t.glued_p(k, '-') {
        k += 1;
        if let Some(y) = is_year(t, k) {
            return Some((k + 1, Expr::Cal { year: YearSpec::Explicit(y), month: Some(m), day: Some(d) }));
        }
        if t.digits(k) == 2 {
            let y = t.num(k)? as i32;
            let y = if y > 30 { 1900 + y } else { 2000 + y };
            return Some((k + 1, Expr::Cal { year: YearSpec::Explicit(y), month: Some(m), day: Some(d) }));
        }
        return None;
    }
    if let Some((y, k2)) = trailing_year(t, k) {
        return Some((k2, Expr::Cal { year: YearSpec::Explicit(y), month: Some(m), day: Some(d) }));
    }
    Some((k, Expr::Cal { year: YearSpec::Infer, month: Some(m), day: Some(d) }))
}

/// `2024-07-25`, `2024/07/25`, `11/26/2024`, `26/11/2024`, `11/26/87`.
fn numeric_date(t: &Toks, i: usize) -> Hit {
    let a = t.num(i)?;
    let sep = t.get(i + 1)?.punct()?;
    if !matches!(sep, '-' | '/' | '.') || !t.glued(i + 1) || !t.glued(i + 2) || !t.glued_p(i + 3, sep) {
        return None;
    }
    let b = t.num(i + 2)?;
    let c = t.num(i + 4).filter(|_| t.glued(i + 4))?;
    let (y, m, d) = if t.digits(i) == 4 {
        (a as i32, b, c)
    } else if t.digits(i + 4) == 4 || t.digits(i + 4) == 2 {
        let y = if t.digits(i + 4) == 2 {
            if c > 30 { 1900 + c as i32 } else { 2000 + c as i32 }
        } else {
            c as i32
        };
        if a > 12 { (y, b, a) } else { (y, a, b) }
    } else {
        return None;
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2100).contains(&y) {
        return None;
    }
    Some((i + 5, Expr::Cal { year: YearSpec::Explicit(y), month: Some(m as u8), day: Some(d as u8) }))
}

fn weekday_at(t: &Toks, i: usize) -> Option<(u8, bool, usize)> {
    let Lex::Weekday(wd, plural) = t.lex(i) else { return None };
    if !t.capital(i) {
        return None;
    }
    let short = t.word(i).len() <= 5 && !t.word(i).to_ascii_lowercase().ends_with("day");
    let mut j = i + 1;
    if short {
        if t.glued_p(j, '.') {
            j += 1;
        } else if t.num(j).is_none() && month_at(t, j).is_none() {
            return None;
        }
    }
    Some((wd, plural, j))
}

fn day_part(t: &Toks, i: usize) -> Option<DayPart> {
    match t.lex(i) {
        Lex::DayPart(p) if !matches!(p, DayPart::Noon | DayPart::Midnight) => Some(p),
        _ => None,
    }
}

/// Shift words before a weekday: `last`, `next`, `this`, `this past`, `this coming`.
fn weekday_shift(t: &Toks, i: usize) -> (Option<i32>, usize) {
    match t.w(i) {
        Some(W::Last) => (Some(-1), i + 1),
        Some(W::Next) => (Some(1), i + 1),
        Some(W::This) if t.is_w(i + 1, W::Past) => (Some(-1), i + 2),
        Some(W::This) if t.is_w(i + 1, W::Coming) => (Some(1), i + 2),
        Some(W::This) => (Some(0), i + 1),
        Some(W::Past) => (Some(-1), i + 1),
        Some(W::Coming) => (Some(1), i + 1),
        _ => (None, i),
    }
}

/// `Tuesday`, `last Friday`, `this past Wednesday`, `Friday night`, `Thursday, April 6`.
fn weekday(t: &Toks, i: usize) -> Hit {
    let (shift, j) = weekday_shift(t, i);
    let (wd, plural, k) = weekday_at(t, j)?;
    if plural {
        if let Some(_p) = day_part(t, k) {
            return Some((k + 1, Expr::SetWeekday(wd)));
        }
        return Some((k, Expr::SetWeekday(wd)));
    }
    if let Some(p) = day_part(t, k) {
        return Some((k + 1, Expr::DayPartOf { part: p, day: DaySpec::Weekday(wd, shift) }));
    }
    if shift.is_none() {
        let c = if t.is_p(k, ',') { k + 1 } else { k };
        if let Some((end, e @ Expr::Cal { month: Some(_), day: Some(_), .. })) =
            month_date(t, c).or_else(|| day_month(t, c))
        {
            return Some((end, e));
        }
    }
    Some((k, Expr::Weekday { wd, shift }))
}

/// `a.m.`, `p.m.`, `am`, `pm` at `i`: Some(is_pm, next).
fn meridiem(t: &Toks, i: usize) -> Option<(bool, usize)> {
    let w = t.word(i).to_ascii_lowercase();
    match w.as_str() {
        "am" | "pm" => Some((w == "pm", i + 1 + usize::from(t.glued_p(i + 1, '.')))),
        "a" | "p" if t.glued_p(i + 1, '.') && t.word(i + 2).eq_ignore_ascii_case("m") && t.glued(i + 2) => {
            Some((w == "p", i + 3 + usize::from(t.glued_p(i + 3, '.'))))
        }
        _ => None,
    }
}

/// The day named right after a time (`10 p.m. Wednesday`, `noon today`, `5 p.m. Nov. 6`).
fn day_after(t: &Toks, i: usize) -> (DaySpec, usize) {
    let k = if t.is_p(i, ',') { i + 1 } else { i };
    if let Some((wd, false, j)) = weekday_at(t, k) {
        return (DaySpec::Weekday(wd, None), j);
    }
    if let Lex::DayDeixis(n) = t.lex(k) {
        return (DaySpec::Offset(n as i32), k + 1);
    }
    if let Some((j, Expr::Cal { year, month: Some(m), day: Some(d) })) = month_date(t, k) {
        let y = if let YearSpec::Explicit(y) = year { Some(y) } else { None };
        return (DaySpec::Date(y, m, d), j);
    }
    (DaySpec::Implicit, i)
}

/// `3 p.m.`, `10:35 a.m. EST`, `17:32`, `noon`, `midnight Friday`, `four o'clock`.
fn clock(t: &Toks, i: usize) -> Hit {
    let (hour, minute, mut j) = if let Lex::DayPart(p @ (DayPart::Noon | DayPart::Midnight)) = t.lex(i) {
        (if p == DayPart::Noon { 12 } else { 24 }, 0, i + 1)
    } else {
        let (h, j0) = match t.num(i) {
            Some(h) if t.digits(i) <= 2 => (h, i + 1),
            _ => match t.lex(i) {
                Lex::Number(h) if h <= 12 => (h, i + 1),
                _ => return None,
            },
        };
        let colon = t.glued_p(j0, ':');
        let dotted = t.glued_p(j0, '.') && meridiem(t, j0 + 2).is_some();
        let (m, j1) = if (colon || dotted) && t.digits(j0 + 1) == 2 && t.glued(j0 + 1) {
            (t.num(j0 + 1)?, j0 + 2)
        } else {
            (0, j0)
        };
        if m >= 60 {
            return None;
        }
        if let Some((pm, j2)) = meridiem(t, j1) {
            if !(1..=12).contains(&h) {
                return None;
            }
            let h24 = match (pm, h) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            (h24, m, j2)
        } else if t.word_is(j1, "o") && t.glued_p(j1 + 1, '\'') && t.word_is(j1 + 2, "clock") {
            if !(1..=12).contains(&h) {
                return None;
            }
            (h, m, j1 + 3)
        } else if j1 == j0 + 2 && t.num(i).is_some() && h <= 24 {
            (h, m, j1) // 17:32
        } else {
            return None;
        }
    };
    if t.is_w(j, W::Zone) && (t.get(j).is_some_and(|z| z.all_caps) || t.word(j).len() > 3) {
        j += 1;
    }
    let (day, end) = day_after(t, j);
    Some((end, Expr::Clock { hour: hour as u8, minute: minute as u8, day }))
}

/// `today`, `yesterday morning`, `tonight`, `this morning`, `last night`.
fn deixis(t: &Toks, i: usize) -> Hit {
    match t.lex(i) {
        Lex::DayDeixis(n) => {
            if let Some(p) = day_part(t, i + 1) {
                return Some((i + 2, Expr::DayPartOf { part: p, day: DaySpec::Offset(n as i32) }));
            }
            Some((i + 1, Expr::DayOffset { days: n as i32, from_ref: false }))
        }
        Lex::Tonight => Some((i + 1, Expr::DayPartOf { part: DayPart::Night, day: DaySpec::Offset(0) })),
        Lex::Word(W::This) => {
            let p = day_part(t, i + 1)?;
            Some((i + 2, Expr::DayPartOf { part: p, day: DaySpec::Offset(0) }))
        }
        Lex::Word(W::Last) if t.word_is(i + 1, "night") => {
            Some((i + 2, Expr::DayPartOf { part: DayPart::Night, day: DaySpec::Offset(-1) }))
        }
        _ => None,
    }
}

/// `now`, `currently`, `recently`, `soon`, `the future`, `the past`, `current`, `recent`.
fn reference(t: &Toks, i: usize) -> Hit {
    let next_is_unit = matches!(t.lex(i + 1), Lex::Unit(..) | Lex::Season(_) | Lex::Ordinal(_))
        || t.is_num_like(i + 1)
        || matches!(t.w(i + 1), Some(W::Few | W::Fiscal));
    match t.lex(i) {
        Lex::Ref(RefKind::Past) if t.word_is(i, "once") || t.word_is(i, "previously") => None,
        Lex::Ref(RefKind::Future) if t.word_is(i, "soon") => None,

        Lex::Ref(k) => Some((i + 1, Expr::Ref(k))),
        Lex::Word(W::Current) if !next_is_unit => Some((i + 1, Expr::Ref(RefKind::Present))),
        Lex::Word(W::Recent) => match t.lex(i + 1) {
            Lex::Unit(u, true) => Some((i + 2, Expr::VagueUnits { unit: u, dir: -1 })),
            _ => None,
        },
        Lex::Word(W::Coming) => match t.lex(i + 1) {
            Lex::Unit(u, true) => Some((i + 2, Expr::VagueUnits { unit: u, dir: 1 })),
            _ => None,
        },
        Lex::None if t.word_is(i, "right") && t.word_is(i + 1, "now") => {
            Some((i + 2, Expr::Ref(RefKind::Present)))
        }
        Lex::Word(W::The) if t.word_is(i + 1, "near") && t.word_is(i + 2, "future") => {
            Some((i + 3, Expr::Ref(RefKind::Future)))
        }
        Lex::Word(W::The) if t.is_w(i + 1, W::Past) && !matches!(t.lex(i + 2), Lex::Unit(..)) => {
            let after = t.lex(i + 2);
            (!t.is_num_like(i + 2) && !matches!(after, Lex::Word(W::Few) | Lex::Season(_)))
                .then_some((i + 2, Expr::Ref(RefKind::Past)))
        }
        Lex::Word(W::This) if t.word_is(i, "these") && t.word_is(i + 1, "days") => {
            Some((i + 2, Expr::Ref(RefKind::Present)))
        }
        _ => None,
    }
}

/// A shift word and its value: (shift, counted from the reference time, next token).
fn shift_word(t: &Toks, i: usize) -> Option<(i32, bool, usize)> {
    let the = t.is_w(i, W::The);
    let j = i + usize::from(the);
    if !the && t.is_w(j, W::This) && matches!(t.w(j + 1), Some(W::Past | W::Coming)) {
        let s = if t.is_w(j + 1, W::Past) { -1 } else { 1 };
        return Some((s, false, j + 2));
    }
    let r = match t.w(j)? {
        W::This if !the => (0, false),
        W::Current => (0, false),
        W::Last | W::Past => (-1, false),
        W::Previous => (-1, the),
        W::Next | W::Coming => (1, false),
        W::Following => (1, true),
        W::That if !the => (0, true),
        W::Same if the => (0, true),
        W::Latest if the => (0, true),
        _ => return None,
    };
    Some((r.0, r.1, j + 1))
}

/// `this week`, `last month`, `the following year`, `the past two years`, `the next day`,
/// `last summer`, `last April`, `the year-earlier quarter`, `the quarter`.
fn shifted(t: &Toks, i: usize) -> Hit {
    // `year-earlier`, `year-ago` (+ `quarter`/`period`).
    let (yi, the_first) = if t.is_w(i, W::The) { (i + 1, true) } else { (i, false) };
    let _ = the_first;
    if let Lex::Unit(Unit::Year, false) = t.lex(yi)
        && t.glued_p(yi + 1, '-')
        && matches!(t.w(yi + 2), Some(W::Earlier | W::Ago))
    {
        let mut end = yi + 3;
        if let Some((_, k)) = ordinal(t, end)
            && matches!(t.lex(k), Lex::Unit(Unit::Quarter, false))
        {
            end = k;
        }
        if let Lex::Unit(Unit::Quarter, false) = t.lex(end) {
            return Some((
                end + 1,
                Expr::Offset { unit: Unit::Quarter, n: Qty::Exact(4.0), sign: -1, from_ref: true },
            ));
        }
        if t.word_is(end, "period") {
            end += 1;
        }
        return Some((end, Expr::Offset { unit: Unit::Year, n: Qty::Exact(1.0), sign: -1, from_ref: true }));
    }
    if let Some((shift, from_ref, j)) = shift_word(t, i) {
        // `the latest period`: the period a report is about.
        if t.word_is(j, "period") {
            return Some((j + 1, Expr::UnitShift { unit: Unit::Quarter, shift: 0, from_ref: true }));
        }
        // `the current fiscal year`
        let j = if matches!(t.w(j), Some(W::Fiscal | W::Full)) && matches!(t.lex(j + 1), Lex::Unit(..)) {
            j + 1
        } else {
            j
        };
        // `the past two years`, `the next few days`: durations.
        if let Some((q, u, k)) = quantity_unit(t, j)
            && !matches!(q, Qty::Exact(v) if v == 1.0 && !t.is_num_like(j))
        {
            return Some((k, Expr::Duration { unit: u, n: q }));
        }
        match t.lex(j) {
            Lex::Unit(Unit::Day, false) => {
                if from_ref || matches!(t.w(j - 1), Some(W::Next)) {
                    return Some((j + 1, Expr::DayOffset { days: shift, from_ref: true }));
                }
                return None;
            }
            Lex::Unit(u, false) => {
                let mut end = j + 1;
                // `this year's third quarter`
                if u == Unit::Year
                    && t.glued_p(end, '\'')
                    && t.word_is(end + 1, "s")
                    && let Some((n, k)) = ordinal(t, end + 2)
                    && let Lex::Unit(pu @ (Unit::Quarter | Unit::Half), false) = t.lex(k)
                {
                    let part = if pu == Unit::Quarter {
                        YearPart::Quarter(n as u8)
                    } else {
                        YearPart::Half(n as u8)
                    };
                    let year = if from_ref { YearSpec::RefShift(shift) } else { YearSpec::Shift(shift) };
                    return Some((k + 1, Expr::Part { part, year }));
                }
                if t.word_is(end, "or") && t.word_is(end + 1, "so") {
                    end += 2;
                }
                return Some((end, Expr::UnitShift { unit: u, shift, from_ref }));
            }
            Lex::Unit(u, true) if shift != 0 || from_ref => {
                return Some((j + 1, Expr::VagueUnits { unit: u, dir: shift.signum() }));
            }
            Lex::Season(s) => {
                return Some((j + 1, Expr::PartShift { part: YearPart::Season(s), shift }));
            }
            Lex::Month(m, _) if t.capital(j) && !from_ref => {
                // `last Oct. 23` is the date alone; `last April` the latest April.
                let (_, k) = month_at(t, j)?;
                if day_num(t, k).is_some() {
                    return None;
                }
                return Some((k, Expr::Cal { year: YearSpec::Occurrence(shift), month: Some(m), day: None }));
            }
            _ => {}
        }
        // `the first nine months`
    }
    // `the first nine months`, `the first two quarters`
    if t.is_w(i, W::The)
        && let Some((_, j)) = ordinal(t, i + 1)
        && let Some((q, u, k)) = quantity_unit(t, j)
    {
        return Some((k, Expr::Duration { unit: u, n: q }));
    }
    // `year-end`, `year end`, `year's end`
    if let Lex::Unit(Unit::Year, false) = t.lex(i) {
        let k = if t.glued_p(i + 1, '-') {
            i + 2
        } else if t.glued_p(i + 1, '\'') && t.word_is(i + 2, "s") {
            i + 3
        } else {
            i + 1
        };
        if t.word_is(k, "end") && !t.is_w(k + 1, W::Of) {
            return Some((k + 1, Expr::UnitShift { unit: Unit::Year, shift: 0, from_ref: false }));
        }
    }
    // `the quarter`, `the week`, `the year`, `the fiscal year`
    let ui = if matches!(t.w(i + 1), Some(W::Fiscal | W::Full)) { i + 2 } else { i + 1 };
    if t.is_w(i, W::The)
        && let Lex::Unit(u, false) = t.lex(ui)
        && (ui == i + 1 || u == Unit::Year)
        && !t.is_w(ui + 1, W::Of)
        && !t.glued_p(ui + 1, '\'')
    {
        let prev = if i > 0 { t.word(i - 1).to_ascii_lowercase() } else { String::new() };
        if matches!(prev.as_str(), "for" | "during" | "throughout" | "all")
            && !matches!(u, Unit::Quarter | Unit::Weekend)
        {
            return Some((ui + 1, Expr::Duration { unit: u, n: Qty::Exact(1.0) }));
        }
        if matches!(u, Unit::Second | Unit::Minute | Unit::Hour | Unit::Millennium | Unit::Day) {
            return None;
        }
        return Some((ui + 1, Expr::UnitShift { unit: u, shift: 0, from_ref: true }));
    }
    None
}

/// `two years ago`, `a year earlier`, `three days later`, `nine years`, `two-day`,
/// `four hours and 40 minutes`, `years`, `twice a year` (a set).
fn quantity_expr(t: &Toks, i: usize) -> Hit {
    if let Some((q, u, mut k)) = quantity_unit(t, i) {
        // `a year-earlier loss`: the compound is the expression, not `a year`.
        if t.glued_p(k, '-') && matches!(t.w(k + 1), Some(W::Earlier | W::Ago)) {
            return None;
        }
        let prev = if i > 0 { t.word(i - 1).to_ascii_lowercase() } else { String::new() };
        if matches!(q, Qty::Exact(v) if v == 1.0)
            && !matches!(t.w(k), Some(W::Earlier | W::Later | W::Ago))
            && (t.word_is(i, "a") || t.word_is(i, "per"))
            && (matches!(prev.as_str(), "twice" | "once" | "times" | "percent")
                || t.is_p(i.wrapping_sub(1), '%'))
        {
            return Some((k, Expr::SetUnit { unit: u, every: 1 }));
        }
        match t.w(k) {
            Some(W::Ago) => return Some((k + 1, Expr::Offset { unit: u, n: q, sign: -1, from_ref: false })),
            Some(W::Earlier) if t.word_is(k, "earlier") || ends_clause(t, k + 1) => {
                return Some((k + 1, Expr::Offset { unit: u, n: q, sign: -1, from_ref: true }));
            }
            Some(W::Later) if t.word_is(k, "later") || ends_clause(t, k + 1) => {
                return Some((k + 1, Expr::Offset { unit: u, n: q, sign: 1, from_ref: true }));
            }
            _ => {}
        }
        if t.word_is(k, "from") && t.word_is(k + 1, "now") {
            return Some((k + 2, Expr::Offset { unit: u, n: q, sign: 1, from_ref: false }));
        }
        // `four hours and 40 minutes`, `a minute and a half`
        if t.is_w(k, W::And)
            && let Qty::Exact(a) = q
        {
            if let Some((Qty::Exact(b), u2, k2)) = quantity_unit(t, k + 1)
                && u2 != u
            {
                return Some((k2, Expr::Duration2 { a: (u, a), b: (u2, b) }));
            }
            if t.is_w(k + 1, W::A) && t.word_is(k + 2, "half") {
                return Some((k + 3, Expr::Duration { unit: u, n: Qty::Exact(a + 0.5) }));
            }
        }
        // Ages (`6-year-old`) are not time expressions; `day-long` is.
        if t.glued_p(k, '-') && t.word_is(k + 1, "old") || t.word_is(k, "old") {
            return None;
        }
        if t.glued_p(k, '-') && t.word_is(k + 1, "long") {
            k += 2;
        }
        return Some((k, Expr::Duration { unit: u, n: q }));
    }
    // Bare plural units: `for years`, `years ago`, `decades-long`.
    if let Lex::Unit(u, true) = t.lex(i)
        && !matches!(u, Unit::Second | Unit::Quarter)
    {
        if t.is_w(i + 1, W::Ago) {
            return Some((i + 2, Expr::Offset { unit: u, n: Qty::Vague, sign: -1, from_ref: false }));
        }
        let mut k = i + 1;
        if t.glued_p(k, '-') && t.word_is(k + 1, "old") || t.word_is(k, "old") {
            return None;
        }
        if t.glued_p(k, '-') && t.word_is(k + 1, "long") {
            k += 2;
        }
        return Some((k, Expr::Duration { unit: u, n: Qty::Vague }));
    }
    // `day-long`, `year-long`
    if let Lex::Unit(u, false) = t.lex(i)
        && t.glued_p(i + 1, '-')
        && t.word_is(i + 2, "long")
    {
        return Some((i + 3, Expr::Duration { unit: u, n: Qty::Exact(1.0) }));
    }
    None
}

fn ends_clause(t: &Toks, i: usize) -> bool {
    match t.get(i) {
        None => true,
        Some(tok) => tok.punct().is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | ')' | '"' | '\'')),
    }
}

/// `the third quarter`, `third-quarter`, `the fourth quarter of 1990`, `the first half`,
/// `the 1988 third quarter`, `the fiscal first quarter`, `fiscal 1989`.
fn year_part(t: &Toks, i: usize) -> Hit {
    let mut j = i;
    let mut year = YearSpec::Infer;
    if t.is_w(j, W::Fiscal) {
        j += 1;
    }
    if let Some(y) = is_year(t, j) {
        year = YearSpec::Explicit(y);
        j += 1;
        if t.glued_p(j, '\'') && t.word_is(j + 1, "s") {
            j += 2;
        }
    }
    if t.is_w(j, W::Fiscal) {
        j += 1;
    }
    let (n, mut k) = ordinal(t, j)?;
    if t.glued_p(k, '-') {
        k += 1;
    }
    let part = match t.lex(k) {
        Lex::Unit(Unit::Quarter, false) if (1..=4).contains(&n) => YearPart::Quarter(n as u8),
        Lex::Word(W::HalfWord) if (1..=2).contains(&n) => YearPart::Half(n as u8),
        _ => return None,
    };
    k += 1;
    if year == YearSpec::Infer {
        let c = if t.is_w(k, W::Of) || t.is_p(k, ',') { k + 1 } else { k };
        if let Some(y) = is_year(t, c) {
            year = YearSpec::Explicit(y);
            k = c + 1;
        } else if t.is_w(k, W::Of)
            && let Some((s, from_ref, m)) = shift_word(t, k + 1)
            && matches!(t.lex(m), Lex::Unit(Unit::Year, false))
        {
            year = if from_ref { YearSpec::RefShift(s) } else { YearSpec::Shift(s) };
            k = m + 1;
        }
    }
    Some((k, Expr::Part { part, year }))
}

/// `every year`, `each Thursday`, `every other day`, `daily`, `weekly`.
fn set(t: &Toks, i: usize) -> Hit {
    if let Lex::Set(u) = t.lex(i) {
        if t.word_is(i, "annual") || t.word_is(i, "annually") || t.word_is(i, "quarterly") {
            return None;
        }
        return Some((i + 1, Expr::SetUnit { unit: u, every: 1 }));
    }
    if !t.is_w(i, W::Every) || t.word_is(i, "per") {
        return None;
    }
    let mut j = i + 1;
    let mut every = 1;
    if t.is_w(j, W::Other) {
        every = 2;
        j += 1;
    }
    if let Some((Qty::Exact(n), u, k)) = quantity_unit(t, j) {
        return Some((k, Expr::SetUnit { unit: u, every: n as u32 }));
    }
    match t.lex(j) {
        Lex::Unit(u, false) => Some((j + 1, Expr::SetUnit { unit: u, every })),
        Lex::Weekday(wd, _) => Some((j + 1, Expr::SetWeekday(wd))),
        Lex::Month(m, _) => Some((j + 1, Expr::SetMonth(m))),
        Lex::DayPart(_) => Some((j + 1, Expr::SetUnit { unit: Unit::Day, every })),
        Lex::Season(_) => Some((j + 1, Expr::SetUnit { unit: Unit::Year, every })),
        _ => None,
    }
}

/// `summer`, `the fall of 1994`, `winter 2023`.
fn season(t: &Toks, i: usize) -> Hit {
    let Lex::Season(s) = t.lex(i) else { return None };
    let c = if t.is_w(i + 1, W::Of) { i + 2 } else { i + 1 };
    if let Some((y, e)) = any_year(t, c) {
        return Some((e, Expr::Part { part: YearPart::Season(s), year: YearSpec::Explicit(y) }));
    }
    let strong = matches!(s, 2 | 4);
    let prev_ok = i > 0
        && matches!(
            t.w(i - 1),
            Some(W::The | W::In | W::Early | W::Late | W::Mid | W::This | W::Last | W::Next)
        );
    if !(strong || prev_ok) || t.is_w(i + 1, W::Of) {
        return None;
    }
    Some((i + 1, Expr::Part { part: YearPart::Season(s), year: YearSpec::Infer }))
}

/// `Christmas`, `Thanksgiving Day`, `New Year's Day`, `Easter`.
fn holiday(t: &Toks, i: usize) -> Hit {
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
    let _ = quantity;
    Some((j, Expr::Holiday { month: m, day: d, year }))
}
