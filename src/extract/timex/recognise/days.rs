//! Day patterns: weekdays (with shifts and parts of the day), clock times, `today`/`tonight`.

use super::Toks;
use super::calendar::{day_month, month_at, month_date};
use super::core::Hit;
use crate::extract::timex::expr::{DaySpec, Expr, YearSpec};
use crate::extract::timex::lexicon::{DayPart, Lex, W};

pub(super) fn weekday_at(t: &Toks, i: usize) -> Option<(u8, bool, usize)> {
    let Lex::Weekday(wd, plural) = t.lex(i) else { return None };
    if !t.capital(i) {
        return None;
    }
    let short = t.word(i).len() <= 5 && !t.lower(i).as_str().ends_with("day");
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

pub(super) fn day_part(t: &Toks, i: usize) -> Option<DayPart> {
    match t.lex(i) {
        Lex::DayPart(p) if !matches!(p, DayPart::Noon | DayPart::Midnight) => Some(p),
        _ => None,
    }
}

/// Parts of the day in the plural, which make a weekday recur (`Tuesday nights`).
const PLURAL_DAY_PARTS: &[(&str, DayPart)] = &[
    ("mornings", DayPart::Morning),
    ("afternoons", DayPart::Afternoon),
    ("evenings", DayPart::Evening),
    ("nights", DayPart::Night),
];

/// Shift words before a weekday: `last`, `next`, `this`, `this past`, `this coming`.
pub(super) fn weekday_shift(t: &Toks, i: usize) -> (Option<i32>, usize) {
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
pub(super) fn weekday(t: &Toks, i: usize) -> Hit {
    let (shift, j) = weekday_shift(t, i);
    let (wd, plural, k) = weekday_at(t, j)?;
    if plural {
        if let Some(p) = day_part(t, k) {
            return Some((k + 1, Expr::SetWeekday(wd, Some(p))));
        }
        return Some((k, Expr::SetWeekday(wd, None)));
    }
    if let Some(p) = day_part(t, k) {
        return Some((k + 1, Expr::DayPartOf { part: p, day: DaySpec::Weekday(wd, shift) }));
    }
    // `Tuesday nights`, `Sunday mornings`: that part of every such day.
    if shift.is_none()
        && let Some(&(_, p)) = PLURAL_DAY_PARTS.iter().find(|(w, _)| t.word_is(k, w))
    {
        return Some((k + 1, Expr::SetWeekday(wd, Some(p))));
    }
    // `Thursday, April 6`, `this coming Sunday, March eighth`: the date says which day.
    {
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
pub(super) fn meridiem(t: &Toks, i: usize) -> Option<(bool, usize)> {
    let lw = t.lower(i);
    let w = lw.as_str();
    match w {
        "am" | "pm" => Some((w == "pm", i + 1 + usize::from(t.glued_p(i + 1, '.')))),
        "a" | "p" if t.glued_p(i + 1, '.') && t.word(i + 2).eq_ignore_ascii_case("m") && t.glued(i + 2) => {
            Some((w == "p", i + 3 + usize::from(t.glued_p(i + 3, '.'))))
        }
        _ => None,
    }
}

/// `in the morning` (a.m.), `in the afternoon`/`in the evening`/`at night` (p.m.) after an
/// hour: Some(is_pm, next).
fn part_of_day_after(t: &Toks, i: usize) -> Option<(bool, usize)> {
    if t.word_is(i, "at") && t.word_is(i + 1, "night") {
        return Some((true, i + 2));
    }
    if !(t.word_is(i, "in") && t.is_w(i + 1, W::The)) {
        return None;
    }
    match t.lex(i + 2) {
        Lex::DayPart(DayPart::Morning) => Some((false, i + 3)),
        Lex::DayPart(DayPart::Afternoon | DayPart::Evening) => Some((true, i + 3)),
        _ => None,
    }
}

/// The day named right after a time (`10 p.m. Wednesday`, `noon today`, `5 p.m. Nov. 6`).
pub(super) fn day_after(t: &Toks, i: usize) -> (DaySpec, usize) {
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
pub(super) fn clock(t: &Toks, i: usize) -> Hit {
    let (hour, minute, mut j) = if let Lex::DayPart(p @ (DayPart::Noon | DayPart::Midnight)) = t.lex(i) {
        // `high noon` is a showdown, not a clock time.
        if p == DayPart::Noon && i > 0 && t.word_is(i - 1, "high") {
            return None;
        }
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
        } else if let Some((pm, j2)) = part_of_day_after(t, j1).filter(|_| (1..=12).contains(&h)) {
            // `4 in the morning`, `10 at night`
            let h24 = match (pm, h) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            (h24, m, j2)
        } else if j1 == j0 + 2 && t.num(i).is_some() && h <= 24 {
            (h, m, j1) // 17:32
        } else {
            return None;
        }
    };
    if t.is_w(j, W::Zone) && (t.get(j).is_some_and(|z| z.all_caps) || t.word(j).len() > 3) {
        j += 1;
    }
    let (mut day, end) = day_after(t, j);
    // `at 10 a.m. on Wednesday`: the day named next is the clock's day, though TimeML
    // tags it on its own.
    if day == DaySpec::Implicit && t.word_is(end, "on") {
        let (d, k) = day_after(t, end + 1);
        if k > end + 1 {
            day = d;
        }
    }
    Some((end, Expr::Clock { hour: hour as u8, minute: minute as u8, day }))
}

/// `today`, `yesterday morning`, `tonight`, `this morning`, `last night`.
pub(super) fn deixis(t: &Toks, i: usize) -> Hit {
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
        Lex::DayPart(_) => bare_day_part(t, i),
        _ => None,
    }
}

/// Words before `the` that make `the morning` a time (`in the morning`, `during the afternoon`).
const DAY_PART_PREPOSITIONS: &[&str] = &["in", "during", "by", "through", "throughout", "until"];

/// `buy orders in the morning`, `by mid afternoon`, `mid-afternoon yesterday`: a part of the
/// day in the text (or of publication), or of a day named right after it. Only after a
/// preposition and `the`, or after `mid`, and not before a noun (`the morning session`).
fn bare_day_part(t: &Toks, i: usize) -> Hit {
    let p = day_part(t, i)?;
    if t.capital(i) {
        return None;
    }
    let after_the =
        i >= 2 && t.is_w(i - 1, W::The) && DAY_PART_PREPOSITIONS.iter().any(|w| t.word_is(i - 2, w));
    let after_mid =
        i >= 1 && (t.is_w(i - 1, W::Mid) || (t.is_p(i - 1, '-') && i >= 2 && t.is_w(i - 2, W::Mid)));
    if !(after_the || after_mid) {
        return None;
    }
    if let Lex::DayDeixis(n) = t.lex(i + 1) {
        return Some((i + 2, Expr::DayPartOf { part: p, day: DaySpec::Offset(n as i32) }));
    }
    let next = t.get(i + 1);
    let ends = next.is_none_or(|n| n.kind != super::Kind::Word) || matches!(t.lex(i + 1), Lex::Word(_));
    ends.then_some((i + 1, Expr::DayPartOf { part: p, day: DaySpec::Implicit }))
}
