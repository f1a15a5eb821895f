//! Calendar arithmetic for the resolver: TIMEX3 codes of parts of a year and a day,
//! duration values, the period of a unit containing a day, and holiday dates.

use chrono::{Datelike, Duration, NaiveDate};

use super::super::expr::{Qty, YearPart};
use super::super::lexicon::{DayPart, Unit};
use super::super::value::{add_months, amount, day_value, last_day_of_month, month_value, week_value};
use crate::model::Precision;

use super::super::context::Direction;

/// The Saturday of the weekend `the weekend` means on day `a`: on a weekend that one;
/// otherwise the last one for a past tense, the next one for a future tense, and without
/// a cue the last one early in the week and the next one from Thursday on.
pub(super) fn weekend_of(a: NaiveDate, dir: Direction) -> NaiveDate {
    let wd = a.weekday().num_days_from_monday() as i64; // 0 = Monday
    let this_sat = a + Duration::days(5 - wd);
    if wd >= 5 {
        return this_sat;
    }
    let past = match dir {
        Direction::Past => true,
        Direction::Future => false,
        Direction::Unknown => wd <= 2,
    };
    if past { this_sat - Duration::days(7) } else { this_sat }
}

/// `Q3`, `H1`, `SU`: the TIMEX3 code of a part of a year.
pub(super) fn part_code(part: YearPart) -> String {
    match part {
        YearPart::Quarter(q) => format!("Q{q}"),
        YearPart::Half(h) => format!("H{h}"),
        YearPart::Season(s) => ["SP", "SU", "FA", "WI"][(s.clamp(1, 4) - 1) as usize].to_string(),
    }
}

/// First and last day of a part of year `y` (winter runs into the next year).
pub(super) fn part_range(y: i32, part: YearPart) -> Option<(NaiveDate, NaiveDate)> {
    let (a, b) = match part {
        YearPart::Quarter(q) => (3 * q as u32 - 2, 3 * q as u32),
        YearPart::Half(h) => (6 * h as u32 - 5, 6 * h as u32),
        YearPart::Season(1) => (3, 5),
        YearPart::Season(2) => (6, 8),
        YearPart::Season(3) => (9, 11),
        YearPart::Season(_) => (12, 14),
    };
    let start = NaiveDate::from_ymd_opt(y, a, 1)?;
    let (ey, em) = add_months(y, 1, b as i32 - 1);
    Some((start, last_day_of_month(ey, em)?))
}

/// `MO`, `AF`, `EV`, `NI` (noon and midnight as clock times).
pub(super) fn day_part_code(p: DayPart) -> &'static str {
    match p {
        DayPart::Morning => "MO",
        DayPart::Afternoon => "AF",
        DayPart::Evening => "EV",
        DayPart::Night => "NI",
        DayPart::Noon => "12:00",
        DayPart::Midnight => "24:00",
    }
}

/// (designator, multiplier, is a time-of-day unit) of a unit in a duration value.
pub(super) fn unit_code(u: Unit) -> (&'static str, f64, bool) {
    // (designator, multiplier, is time part)
    match u {
        Unit::Second => ("S", 1.0, true),
        Unit::Minute => ("M", 1.0, true),
        Unit::Hour => ("H", 1.0, true),
        Unit::Day => ("D", 1.0, false),
        Unit::Weekend => ("D", 2.0, false),
        Unit::Week => ("W", 1.0, false),
        Unit::Fortnight => ("W", 2.0, false),
        Unit::Month => ("M", 1.0, false),
        Unit::Quarter => ("Q", 1.0, false),
        Unit::Half => ("M", 6.0, false),
        Unit::Year => ("Y", 1.0, false),
        Unit::Decade => ("Y", 10.0, false),
        Unit::Century => ("Y", 100.0, false),
        Unit::Millennium => ("Y", 1000.0, false),
    }
}

/// The next smaller unit and how many of it make one (for `2 1/2 years` → `P2Y6M`).
pub(super) fn smaller(u: Unit) -> Option<(Unit, f64)> {
    match u {
        Unit::Year => Some((Unit::Month, 12.0)),
        Unit::Month => Some((Unit::Day, 30.0)),
        Unit::Week => Some((Unit::Day, 7.0)),
        Unit::Day => Some((Unit::Hour, 24.0)),
        Unit::Hour => Some((Unit::Minute, 60.0)),
        Unit::Minute => Some((Unit::Second, 60.0)),
        _ => None,
    }
}

/// `P2Y`, `PT4H`, `PXD`; fractions go to the next smaller unit (`P2Y6M`, `PT1M30S`).
pub fn duration_value(u: Unit, n: Qty) -> String {
    let (d, mul, time) = unit_code(u);
    let t = if time { "T" } else { "" };
    match n {
        Qty::Exact(v) if v.fract() != 0.0 && v > 0.0 && smaller(u).is_some() => {
            let (su, k) = smaller(u).unwrap_or((u, 1.0));
            let whole = v.trunc();
            let rest = ((v - whole) * k).round();
            let (sd, _, stime) = unit_code(su);
            let head = if whole > 0.0 { format!("{}{d}", amount(whole)) } else { String::new() };
            let sep = if stime && !time { "T" } else { "" };
            format!("P{t}{head}{sep}{}{sd}", amount(rest))
        }
        Qty::Exact(v) => format!("P{t}{}{d}", amount(v * mul)),
        Qty::Vague => {
            let d = match u {
                Unit::Decade => "DE",
                Unit::Century => "CE",
                _ => d,
            };
            format!("P{t}X{d}")
        }
    }
}

/// The value of period `unit` containing `d`, shifted by `n` units.
pub(super) fn unit_period(d: NaiveDate, unit: Unit, n: i32) -> Option<(String, Precision)> {
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            (day_value(d + Duration::days(if unit == Unit::Day { n as i64 } else { 0 })), Precision::Day)
        }
        Unit::Week | Unit::Fortnight => (week_value(d + Duration::days(7 * n as i64)), Precision::Week),
        Unit::Weekend => (format!("{}-WE", week_value(d + Duration::days(7 * n as i64))), Precision::Day),
        Unit::Month => {
            let (y, m) = add_months(d.year(), d.month(), n);
            (month_value(y, m), Precision::Month)
        }
        Unit::Quarter => {
            let (y, m) = add_months(d.year(), d.month(), 3 * n);
            (format!("{y:04}-Q{}", (m - 1) / 3 + 1), Precision::Quarter)
        }
        Unit::Half => {
            let (y, m) = add_months(d.year(), d.month(), 6 * n);
            (format!("{y:04}-H{}", (m - 1) / 6 + 1), Precision::Quarter)
        }
        Unit::Year => (format!("{:04}", d.year() + n), Precision::Year),
        Unit::Decade => (format!("{:03}", d.year().div_euclid(10) + n), Precision::Decade),
        Unit::Century | Unit::Millennium => {
            (format!("{:02}", d.year().div_euclid(100) + n), Precision::Century)
        }
    })
}

/// The unit matching a precision.
pub(super) fn month_of_precision(p: Precision) -> Unit {
    match p {
        Precision::Day => Unit::Day,
        Precision::Week => Unit::Week,
        Precision::Month => Unit::Month,
        Precision::Quarter => Unit::Quarter,
        Precision::Year => Unit::Year,
        Precision::Decade => Unit::Decade,
        Precision::Century => Unit::Century,
    }
}

/// The date of a holiday in year `y`: fixed (month, day), Thanksgiving (0, 0: fourth
/// Thursday of November), Easter (0, 1: Western computus) or US Election Day (0, 2: the
/// Tuesday after the first Monday of November).
pub fn holiday_date(y: i32, month: u8, day: u8) -> Option<NaiveDate> {
    match (month, day) {
        (0, 0) => {
            let nov1 = NaiveDate::from_ymd_opt(y, 11, 1)?;
            let to_thu = (3 + 7 - nov1.weekday().num_days_from_monday() as i64) % 7;
            Some(nov1 + Duration::days(to_thu + 21))
        }
        (0, 2) => {
            let nov1 = NaiveDate::from_ymd_opt(y, 11, 1)?;
            let to_mon = (7 - nov1.weekday().num_days_from_monday() as i64) % 7;
            Some(nov1 + Duration::days(to_mon + 1))
        }
        (0, 1) => {
            let a = y % 19;
            let b = y / 100;
            let c = y % 100;
            let d = b / 4;
            let e = b % 4;
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let i = c / 4;
            let k = c % 4;
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            NaiveDate::from_ymd_opt(y, month as u32, day as u32)
        }
        (m, d) => NaiveDate::from_ymd_opt(y, m as u32, d as u32),
    }
}
