//! Relative patterns: vague references (`now`), shifted units (`last month`, `the past two
//! years`), quantities (`two years ago`, `nine years`) and recurrences (`every week`).

use super::Toks;
use super::calendar::{day_num, month_at};
use super::core::Hit;
use super::numbers::{ordinal, quantity_unit};
use crate::extract::timex::expr::{Expr, Qty, YearPart, YearSpec};
use crate::extract::timex::lexicon::{DayPart, Lex, RefKind, Unit, W};
use crate::extract::timex::tokens::Kind;

/// `now`, `currently`, `recently`, `soon`, `the future`, `the past`, `current`, `recent`.
pub(super) fn reference(t: &Toks, i: usize) -> Hit {
    let next_is_unit = matches!(t.lex(i + 1), Lex::Unit(..) | Lex::Season(_) | Lex::Ordinal(_))
        || t.is_num_like(i + 1)
        || matches!(t.w(i + 1), Some(W::Few | W::Fiscal));
    match t.lex(i) {
        Lex::Ref(RefKind::Past) if t.word_is(i, "once") || t.word_is(i, "previously") => None,
        Lex::Ref(RefKind::Future) if t.word_is(i, "soon") => None,
        // `future` alone is an adjective (`future earnings`, `the foreseeable future`): only
        // the noun `the future` / `in future` refers to a time.
        Lex::Ref(RefKind::Future) if t.word_is(i, "future") => {
            let prev = t.lower(i.wrapping_sub(1));
            let possessive = matches!(prev.as_str(), "his" | "her" | "its" | "their" | "our" | "my" | "your")
                || (prev.as_str() == "s" && t.glued_p(i.wrapping_sub(2), '\''));
            let noun = (prev.as_str() == "in" || possessive) && ends_noun_phrase(t, i + 1);
            noun.then_some((i + 1, Expr::Ref(RefKind::Future)))
        }

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
        // `the future` (a noun phrase, so `the` is part of it), not `the future of the firm`.
        Lex::Word(W::The) if t.word_is(i + 1, "future") && !t.word_is(i + 2, "of") => {
            ends_noun_phrase(t, i + 2).then_some((i + 2, Expr::Ref(RefKind::Future)))
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

/// Whether a noun phrase may end before token `i`: punctuation, the end, a function word or
/// a word that starts a clause (`the future is`, `the future that`), not a noun it would
/// modify (`the future earnings`).
fn ends_noun_phrase(t: &Toks, i: usize) -> bool {
    match t.get(i) {
        Some(n) if n.kind == super::Kind::Word => {
            matches!(t.lex(i), Lex::Word(_))
                || matches!(
                    t.lower(i).as_str(),
                    "is" | "was" | "will" | "would" | "that" | "if" | "when" | "as" | "remains" | "holds"
                )
        }
        _ => true,
    }
}

/// A shift word and its value: (shift, counted from the reference time, next token).
pub(super) fn shift_word(t: &Toks, i: usize) -> Option<(i32, bool, usize)> {
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
        W::Latest if the => (-1, false),
        _ => return None,
    };
    Some((r.0, r.1, j + 1))
}

/// `this week`, `last month`, `the following year`, `the past two years`, `the next day`,
/// `last summer`, `last April`, `the year-earlier quarter`, `the quarter`.
pub(super) fn shifted(t: &Toks, i: usize) -> Hit {
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
        // `ABC's "This Week"`: a title in mid-sentence (every word capitalised), not a date.
        if i > 0 && j == i + 1 && t.capital(i) && t.capital(j) && !t.get(i).is_some_and(|x| x.all_caps) {
            let after_stop = t.get(i - 1).is_some_and(|p| matches!(p.punct(), Some('.' | '!' | '?' | ':')));
            if !after_stop {
                return None;
            }
        }
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
            // `the next morning`, `that night`, `the previous evening`: a part of the day
            // counted from the day in the text, annotated as that day.
            Lex::DayPart(p)
                if !matches!(p, DayPart::Noon | DayPart::Midnight)
                    && (from_ref || matches!(t.w(j - 1), Some(W::Next))) =>
            {
                return Some((j + 1, Expr::DayOffset { days: shift, from_ref: true }));
            }
            // `the past decade`: TimeML reads a decade or century counted back as a length.
            Lex::Unit(u @ (Unit::Decade | Unit::Century), false) if shift != 0 && !from_ref => {
                return Some((j + 1, Expr::Duration { unit: u, n: Qty::Exact(1.0) }));
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
            // `that spring crops normally yield less`: the crop, not the season.
            Lex::Season(_) if super::calendar::CROP_WORDS.iter().any(|w| t.word_is(j + 1, w)) => {
                return None;
            }
            // `that summer`: the summer of the year last mentioned.
            Lex::Season(s) if from_ref => {
                let year = YearSpec::RefShift(shift);
                return Some((j + 1, Expr::Part { part: YearPart::Season(s), year }));
            }
            Lex::Season(s) => {
                return Some((j + 1, Expr::PartShift { part: YearPart::Season(s), shift }));
            }
            Lex::Month(m, _) if t.capital(j) && !from_ref => {
                // `last Oct. 23` is the date alone; `last April` the latest April.
                let (_, k) = month_at(t, j)?;
                if let Some((d, e)) = day_num(t, k) {
                    // `this September 30`: that day of the year of publication.
                    return (shift == 0 && t.is_w(j - 1, W::This)).then_some((
                        e,
                        Expr::Cal { year: YearSpec::Shift(0), month: Some(m), day: Some(d) },
                    ));
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
        && !(t.glued_p(ui + 1, '-') && t.word_is(ui + 2, "to"))
    {
        // `the year ended December 31`, `the year to March`: a length ending at the date that
        // follows, not the year of the reference point.
        let ends_at = matches!(t.lower(ui + 1).as_str(), "ended" | "ending" | "to");
        if ends_at && matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Half) {
            return Some((ui + 1, Expr::Duration { unit: u, n: Qty::Exact(1.0) }));
        }
        let prev = t.lower(i.wrapping_sub(1));
        if matches!(prev.as_str(), "throughout" | "all") && !matches!(u, Unit::Quarter | Unit::Weekend) {
            return Some((ui + 1, Expr::Duration { unit: u, n: Qty::Exact(1.0) }));
        }
        if matches!(u, Unit::Second | Unit::Minute | Unit::Hour | Unit::Millennium | Unit::Day) {
            return None;
        }
        // `the full year` is the whole of the year being reported on, the current one, not
        // the last year mentioned (`by 1992 it intended … forecast an increase for the full year`).
        let from_ref = !t.is_w(i + 1, W::Full);
        return Some((ui + 1, Expr::UnitShift { unit: u, shift: 0, from_ref }));
    }
    None
}

/// The two tokens before `i` are a number and a plural noun that is no time unit
/// (`four flights`, `fifty thousand CDs`): what follows (`a week`) is their rate.
fn counted_things_before(t: &Toks, i: usize) -> bool {
    i >= 2
        && t.is_num_like(i - 2)
        && t.get(i - 1).is_some_and(|x| x.kind == Kind::Word && x.lex == Lex::None)
        && t.word(i - 1).len() >= 3
        && t.word(i - 1).ends_with('s')
}

/// `two years ago`, `a year earlier`, `three days later`, `nine years`, `two-day`,
/// `four hours and 40 minutes`, `years`, `twice a year` (a set).
pub(super) fn quantity_expr(t: &Toks, i: usize) -> Hit {
    if let Some((q, u, k)) = quantity_unit(t, i) {
        // `a year-earlier loss`: the compound is the expression, not `a year`.
        if t.glued_p(k, '-') && matches!(t.w(k + 1), Some(W::Earlier | W::Ago)) {
            return None;
        }
        let prev = t.lower(i.wrapping_sub(1));
        if matches!(q, Qty::Exact(v) if v == 1.0)
            && !matches!(t.w(k), Some(W::Earlier | W::Later | W::Ago))
            && (t.word_is(i, "a") || t.word_is(i, "per"))
            && (matches!(prev.as_str(), "twice" | "once" | "times" | "percent" | "million" | "billion")
                || t.is_p(i.wrapping_sub(1), '%')
                // A rate after an amount: `$1.76 a year`, `358,000 a month`.
                || (i > 0 && t.num(i - 1).is_some())
                // …or after a count of things: `four flights a week`, `700 seats a week`.
                || counted_things_before(t, i))
        {
            return Some((k, Expr::SetUnit { unit: u, every: 1 }));
        }
        // `a week or so ago`
        let mut k = if t.word_is(k, "or")
            && t.word_is(k + 1, "so")
            && matches!(t.w(k + 2), Some(W::Ago | W::Earlier | W::Later))
        {
            k + 2
        } else {
            k
        };
        match t.w(k) {
            Some(W::Ago) => return Some((k + 1, Expr::Offset { unit: u, n: q, sign: -1, from_ref: false })),
            Some(W::Earlier) if t.word_is(k, "earlier") || ends_clause(t, k + 1) => {
                return Some((k + 1, Expr::Offset { unit: u, n: q, sign: -1, from_ref: true }));
            }
            // `three days later`: TimeML tags the length and leaves `later` as a signal
            // (there is no date it could safely stand for without the event it follows).
            Some(W::Later) if t.word_is(k, "later") => return Some((k, Expr::Duration { unit: u, n: q })),
            Some(W::Later) if ends_clause(t, k + 1) => {
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
        // `''60 Minutes''`: capitalised after a number in running text, a title.
        if t.capital(i) && i > 0 && t.num(i - 1).is_some() {
            return None;
        }
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

pub(super) fn ends_clause(t: &Toks, i: usize) -> bool {
    match t.get(i) {
        None => true,
        Some(tok) => tok.punct().is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | ')' | '"' | '\'')),
    }
}

/// `every year`, `each Thursday`, `every other day`, `daily`, `weekly`.
pub(super) fn set(t: &Toks, i: usize) -> Hit {
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
        Lex::Weekday(wd, _) => Some((j + 1, Expr::SetWeekday(wd, None))),
        Lex::Month(m, _) => Some((j + 1, Expr::SetMonth(m))),
        Lex::DayPart(_) => Some((j + 1, Expr::SetUnit { unit: Unit::Day, every })),
        Lex::Season(_) => Some((j + 1, Expr::SetUnit { unit: Unit::Year, every })),
        _ => None,
    }
}
