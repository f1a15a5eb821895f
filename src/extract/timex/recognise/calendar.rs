//! Calendar patterns: years, decades, month-day dates, numeric dates, quarters and halves,
//! seasons (holidays are in [`super::holidays`]).

use super::core::Hit;
use super::numbers::{ordinal, spelled_year};
use super::relative::shift_word;
use super::{Toks, trailing_year};
use crate::extract::timex::expr::{Expr, YearPart, YearSpec};
use crate::extract::timex::lexicon::{Lex, Unit, W};

/// A four-digit year at `i` that is not a clock time or part of a longer number.
pub(super) fn is_year(t: &Toks, i: usize) -> Option<i32> {
    four_digit_year(t, i).filter(|&y| y >= EARLIEST_BARE_YEAR && !clock_time(t, i))
}

/// Any four-digit number that could name a year (1000–2100), before context is weighed.
fn four_digit_year(t: &Toks, i: usize) -> Option<i32> {
    let y = t.num(i)?;
    (t.digits(i) == 4 && (1000..=2100).contains(&y) && !inside_number(t, i)).then_some(y as i32)
}

/// True when the digits at `i` continue a longer number: the decimals of `0.1875` or
/// `2.1875`, or a group of a phone or serial number (`1-800-322-1887`). A year range
/// (`2009-2010`) is no such thing: its first group is a four-digit year itself.
fn inside_number(t: &Toks, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else { return false };
    if !t.glued(i) || !t.glued(p) || p == 0 || t.num(p - 1).is_none() {
        return false;
    }
    t.is_p(p, '.') || (t.is_p(p, '-') && t.digits(p - 1) != 4)
}

/// A year in digits or words (`1996`, `nineteen ninety-six`), for dates and seasons.
pub(super) fn any_year(t: &Toks, i: usize) -> Option<(i32, usize)> {
    if let Some(y) = is_year(t, i) {
        return Some((y, i + 1));
    }
    spelled_year(t, i)
}

/// A four-digit year (`1989`, `fiscal 1989`), `'87`, a year in words, `the year 2000`.
pub(super) fn year(t: &Toks, i: usize) -> Hit {
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
    let cued = || four_digit_year(t, j).filter(|_| j == i && year_cue(t, i) && !clock_time(t, j));
    if let Some(y) = is_year(t, j).or_else(cued) {
        if j == i && (t.word_is(j + 1, "period") || matches!(t.lex(j + 1), Lex::Unit(Unit::Quarter, false))) {
            return Some((j + 2, Expr::YearPeriod(y)));
        }
        let prev_bad = i > 0 && t.get(i - 1).is_some_and(|p| p.is('$') || p.is('#'));
        let next_bad = t.is_p(j + 1, '%')
            || (t.glued_p(j + 1, '.') && t.num(j + 2).is_some() && t.glued(j + 2))
            || (t.glued_p(j + 1, ',') && t.digits(j + 2) == 3)
            || (t.glued(j + 1) && t.get(j + 1).is_some_and(|n| n.kind == super::Kind::Word));
        if prev_bad || next_bad || (!year_cue(t, j) && index_level(t, j)) {
            return None;
        }
        return Some((j + 1, Expr::Cal { year: YearSpec::Explicit(y), month: None, day: None }));
    }
    // `''60 Minutes''`: two apostrophes are a quotation mark, not an abbreviated year.
    let quote_mark = i > 0 && t.is_p(i - 1, '\'') && t.glued(i);
    if t.is_p(i, '\'') && !quote_mark && t.digits(i + 1) == 2 && t.glued(i + 1) && !t.glued(i + 2) {
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

/// Four-digit numbers below this are index levels, amounts, table cells or 24-hour clock
/// times (`base 1000`, `at 1100`, `WINTER 1639 54`) unless a word before them says they
/// are years (`in 1066`); decades (`the 1850s`) are unaffected.
const EARLIEST_BARE_YEAR: i32 = 1800;

/// Words after a four-digit number that make it a 24-hour clock time (`1530 GMT`, `1000 hrs`).
const CLOCK_WORDS: &[&str] = &[
    "gmt", "utc", "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "bst", "cet", "cest", "jst", "kst",
    "hkt", "sgt", "ist", "aest", "hrs", "hours", "hour", "local", "z",
];

/// True when the number at `j` reads as a 24-hour clock time: a time-zone or `hrs` word
/// follows, and the digits are a valid time of day; or it opens a range whose other end is
/// one (`from 1800 to 2100 local time`, `between 1900 and 2300 hours`).
fn clock_time(t: &Toks, j: usize) -> bool {
    let range = (t.word_is(j + 1, "to") || t.word_is(j + 1, "and") || t.is_p(j + 1, '-'))
        && is_time_of_day(t, j)
        && clock_time_alone(t, j + 2);
    clock_time_alone(t, j) || range
}

/// [`clock_time`] of the number at `j` by the word after it alone.
fn clock_time_alone(t: &Toks, j: usize) -> bool {
    is_time_of_day(t, j) && CLOCK_WORDS.iter().any(|w| t.word_is(j + 1, w))
}

/// True when the number at `j` is a valid 24-hour time of day written `HHMM`.
fn is_time_of_day(t: &Toks, j: usize) -> bool {
    t.num(j).is_some_and(|n| n % 100 < 60 && n / 100 < 24)
}

/// True when the word before `i` introduces a year (`in`, `since`, `year`, `circa`); not
/// `from`/`to`, which as often introduce clock times (`from 1100 to 1300`).
fn year_cue(t: &Toks, i: usize) -> bool {
    i > 0 && ["in", "since", "year", "circa"].iter().any(|w| t.word_is(i - 1, w))
}

/// Words after a number that make it an amount, not a year (`1990 yen`, `1841 points`).
const MEASURE_WORDS: &[&str] = &[
    "points",
    "yen",
    "shares",
    "dollars",
    "dlrs",
    "marks",
    "francs",
    "pounds",
    "lire",
    "pesos",
    "rupees",
    "tonnes",
    "tons",
    "barrels",
    "bushels",
    "ounces",
    "contracts",
    "lots",
    "units",
    "cents",
    "miles",
    "kilometres",
    "kilometers",
    "feet",
    "metres",
    "meters",
    "acres",
];

/// Words right before a number that make it a level (`a preliminary 1841`, `a record 1852`).
const LEVEL_WORDS: &[&str] = &["preliminary", "provisional", "record", "level", "peak", "intraday"];

/// Nouns of a quantity that an `of` hands a number to (`a closing figure of 1841`, `a total
/// of 1950`); `the summer of 1990`, `the class of 1990` name no quantity and stay years.
const QUANTITY_NOUNS: &[&str] = &["figure", "total", "tally", "sum", "count", "reading", "balance", "score"];

/// Nouns that hand a number over as a quantity only after `a`/`an` (`a high of 1900`, but
/// `the peak of 1990` is a year).
const QUANTITY_NOUNS_AFTER_A: &[&str] = &["high", "low", "peak", "average", "level"];

/// Words after a number that make it a product designation when a name precedes it
/// (`the CYBER 1809 model`, `an Airbus 2000 series`).
const MODEL_WORDS: &[&str] = &["model", "models", "series"];

/// Words of a clause about an index or a price level (`the index rose 12.5 points to 1841`).
const INDEX_WORDS: &[&str] = &["points", "index", "indices", "indexes", "average", "averages", "composite"];

/// True when the bare four-digit number at `j` is an amount or an index level rather than a
/// year: a measure word follows (`1990 yen`), a level word precedes (`a preliminary 1841`), or
/// it follows `to`/`at` or precedes `level`/`mark` in a clause about an index (`rose 12.5
/// points to 1841`, `the Dow index touched the 1840 level`).
fn index_level(t: &Toks, j: usize) -> bool {
    if MEASURE_WORDS.iter().any(|w| t.word_is(j + 1, w)) {
        return true;
    }
    let Some(p) = j.checked_sub(1) else { return false };
    if LEVEL_WORDS.iter().any(|w| t.word_is(p, w)) {
        return true;
    }
    if t.word_is(p, "of") && p > 0 {
        let noun = p - 1;
        let after_a = noun > 0 && (t.word_is(noun - 1, "a") || t.word_is(noun - 1, "an"));
        if QUANTITY_NOUNS.iter().any(|w| t.word_is(noun, w))
            || (after_a && QUANTITY_NOUNS_AFTER_A.iter().any(|w| t.word_is(noun, w)))
        {
            return true;
        }
    }
    if product_designation(t, j) {
        return true;
    }
    // `touched the 1840 level`, `the 2000 mark`: a level when the clause is about an index
    // (`1990 levels` of emissions stay years).
    let level_after = t.word_is(j + 1, "level") || t.word_is(j + 1, "mark");
    if !level_after && !["to", "at", "around", "near", "above", "below"].iter().any(|w| t.word_is(p, w)) {
        return false;
    }
    let mut k = p;
    while k > 0 && k + 12 > p {
        k -= 1;
        if t.get(k).is_some_and(|x| x.is('.') && !t.glued(k + 1)) || t.is_p(k, ';') {
            return false;
        }
        if INDEX_WORDS.iter().any(|w| t.word_is(k, w)) {
            return true;
        }
    }
    false
}

/// True when the number at `j` designates a product: a capitalised name before it (not a
/// month, weekday or other calendar word) and `model`/`series` after it (`the CYBER 1809
/// model`); `the 1990 model year` and `the Christmas 1990 models` keep their years.
fn product_designation(t: &Toks, j: usize) -> bool {
    let Some(p) = j.checked_sub(1) else { return false };
    let named = t.get(p).is_some_and(|w| {
        w.kind == super::Kind::Word && t.text[w.start..w.end].starts_with(|c: char| c.is_ascii_uppercase())
    }) && matches!(t.lex(p), Lex::None);
    named && MODEL_WORDS.iter().any(|w| t.word_is(j + 1, w)) && !t.word_is(j + 2, "year")
}

/// `1990s`, `'90s`, `the nineties`, `the 20th century`.
pub(super) fn decade(t: &Toks, i: usize) -> Hit {
    if let Some(y) = four_digit_year(t, i)
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
pub(super) fn month_at(t: &Toks, i: usize) -> Option<(u8, usize)> {
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

pub(super) fn day_num(t: &Toks, i: usize) -> Option<(u8, usize)> {
    let d = t.num(i)?;
    if !(1..=31).contains(&d) || t.digits(i) > 2 {
        return None;
    }
    let mut j = i + 1;
    if t.glued(j) && matches!(t.lower(j).as_str(), "st" | "nd" | "rd" | "th") {
        j += 1;
    }
    Some((d as u8, j))
}

/// A day written as an ordinal word (`March eighth`, `the first of April`), not the first
/// word of a compound (`March second-quarter`) nor a count (`January-March first quarter`).
fn day_word(t: &Toks, i: usize) -> Option<(u8, usize)> {
    let d = match t.lex(i) {
        Lex::Ordinal(n) => n,
        _ if t.word_is(i, "second") => 2,
        _ => return None,
    };
    // `the October-December fourth quarter` counts quarters, not days.
    let counts = matches!(t.lex(i + 1), Lex::Unit(..) | Lex::Word(W::HalfWord));
    ((1..=31).contains(&d) && !t.glued_p(i + 1, '-') && !counts).then_some((d, i + 1))
}

/// Words that make a bare `May`/`March` a month (`in May`, `since March`, `early May`).
pub(super) fn month_context(t: &Toks, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = t.lower(i - 1);
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

/// `the week of March 6`: the week containing that day.
pub(super) fn week_of(t: &Toks, i: usize) -> Hit {
    let j = i + usize::from(t.is_w(i, W::The));
    if !(matches!(t.lex(j), Lex::Unit(Unit::Week, false)) && t.is_w(j + 1, W::Of)) {
        return None;
    }
    match month_date(t, j + 2)? {
        (end, Expr::Cal { year, month: Some(month), day: Some(day) }) => {
            Some((end, Expr::WeekOf { year, month, day }))
        }
        _ => None,
    }
}

/// `June 17, 2024`, `Sept. 30`, `June 2024`, `June of 2024`, `June`, `June last year`.
pub(super) fn month_date(t: &Toks, i: usize) -> Hit {
    let (m, j) = month_at(t, i)?;
    if let Some((d, k)) = day_num(t, j).or_else(|| day_word(t, j))
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
pub(super) fn day_month(t: &Toks, i: usize) -> Hit {
    let (d, mut j) = match day_num(t, i) {
        Some(x) => x,
        // `the first of April`: a spelled ordinal needs the `of`.
        None => day_word(t, i).filter(|&(_, j)| t.is_w(j, W::Of))?,
    };
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
pub(super) fn numeric_date(t: &Toks, i: usize) -> Hit {
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

/// `the third quarter`, `third-quarter`, `the fourth quarter of 1990`, `the first half`,
/// `the 1988 third quarter`, `the fiscal first quarter`, `fiscal 1989`.
pub(super) fn year_part(t: &Toks, i: usize) -> Hit {
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
    let (n, mut k) = match ordinal(t, j) {
        Some(o) => o,
        // `the last half of 1989`, `the final quarter of 2023`: the last part of a named year
        // (`last quarter` alone is the previous quarter).
        None if (t.is_w(j, W::Last) || t.word_is(j, "final")) && year == YearSpec::Infer => {
            let n = match t.lex(j + 1) {
                Lex::Word(W::HalfWord) => 2,
                Lex::Unit(Unit::Quarter, false) => 4,
                _ => return None,
            };
            let c = if t.is_w(j + 2, W::Of) { j + 3 } else { return None };
            is_year(t, c)?;
            (n, j + 1)
        }
        None => return None,
    };
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
        } else if t.is_w(k, W::Of)
            && t.is_w(k + 1, W::The)
            && matches!(t.lex(k + 2), Lex::Unit(Unit::Year, false))
            && !matches!(t.lower(k + 3).as_str(), "ended" | "ending" | "to")
        {
            // `the second half of the year`: one part of the year in question, the one
            // `the year` alone would name (the last year mentioned, else this one).
            year = YearSpec::RefShift(0);
            k += 3;
        }
    }
    Some((k, Expr::Part { part, year }))
}

/// `summer`, `the fall of 1994`, `winter 2023`.
pub(super) fn season(t: &Toks, i: usize) -> Hit {
    let Lex::Season(s) = t.lex(i) else { return None };
    let c = if t.is_w(i + 1, W::Of) { i + 2 } else { i + 1 };
    if let Some((y, e)) = any_year(t, c) {
        return Some((e, Expr::Part { part: YearPart::Season(s), year: YearSpec::Explicit(y) }));
    }
    if in_a_name(t, i) || CROP_WORDS.iter().any(|w| t.word_is(i + 1, w)) {
        return None;
    }
    // `a late fall on the share market`, `a sharp fall in prices`: after `a`/`an` and before
    // a preposition, `fall` is a drop (`a dry fall damaged pastures` stays a season).
    let article = |k: usize| t.word_is(k, "a") || t.word_is(k, "an");
    let drop = t.word_is(i, "fall")
        && ((i > 0 && article(i - 1)) || (i > 1 && article(i - 2)))
        && ["in", "on", "of", "to", "from", "below"].iter().any(|w| t.word_is(i + 1, w));
    if drop {
        return None;
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

/// Words after a season word that make it a crop variety (`winter wheat`, `spring barley`).
pub(super) const CROP_WORDS: &[&str] = &[
    "wheat",
    "wheats",
    "barley",
    "grain",
    "grains",
    "crop",
    "crops",
    "rapeseed",
    "rye",
    "oats",
    "corn",
    "cereals",
    "potato",
    "potatoes",
    "plantings",
    "sowings",
    "seedings",
    "varieties",
];

/// A season word inside a name or a table row, not a time: all capitals among other
/// all-capital words (`HARD RED WINTER 1,234`), or capitalised after a capitalised content
/// word or before one (`Hard Red Winter wheat`, `Winter Olympics`).
fn in_a_name(t: &Toks, i: usize) -> bool {
    let Some(tok) = t.get(i) else { return false };
    let content = |k: usize| t.get(k).is_some_and(|x| x.kind == super::Kind::Word) && t.w(k).is_none();
    let prev = i.checked_sub(1);
    if tok.all_caps {
        let caps = |k: usize| content(k) && t.get(k).is_some_and(|x| x.all_caps);
        return prev.is_some_and(caps) || caps(i + 1);
    }
    tok.capital
        && (prev.is_some_and(|p| content(p) && t.capital(p) && !t.get(p).is_some_and(|x| x.newline_before))
            || (content(i + 1) && t.capital(i + 1)))
}
