//! TIMEX3 calendar values: formatting, and reading a value back into the days it covers.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::model::Precision;

/// The first and last day a TIMEX3 DATE/TIME value covers, and its precision.
///
/// Understands `2024-06-18`, `2024-06-18T15:00`, `2024-06-18TMO`, `2024-06`, `2024-W25`,
/// `2024-W25-WE`, `2024-Q3`, `2024-H1`, `2024-SU`, `2024`, `199` (decade), `19` (century).
/// Values with unknown parts (`XXXX-04`), durations and references (`PRESENT_REF`) give None.
pub fn value_range(value: &str) -> Option<(NaiveDate, NaiveDate, Precision)> {
    let date_part = value.split('T').next()?;
    let b = date_part.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let lead: i32 = date_part.get(..digits)?.parse().ok()?;
    if digits == 2 && date_part.len() == 2 {
        let start = NaiveDate::from_ymd_opt(lead * 100, 1, 1)?;
        return Some((start, NaiveDate::from_ymd_opt(lead * 100 + 99, 12, 31)?, Precision::Century));
    }
    if digits == 3 && date_part.len() == 3 {
        let start = NaiveDate::from_ymd_opt(lead * 10, 1, 1)?;
        return Some((start, NaiveDate::from_ymd_opt(lead * 10 + 9, 12, 31)?, Precision::Decade));
    }
    if digits != 4 {
        return None;
    }
    let y = lead;
    let rest = &date_part[4..];
    if rest.is_empty() {
        return Some((
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
            Precision::Year,
        ));
    }
    let rest = rest.strip_prefix('-')?;
    let mut parts = rest.split('-');
    let p1 = parts.next()?;
    let p2 = parts.next();
    if let Some(w) = p1.strip_prefix('W').filter(|w| w.bytes().all(|c| c.is_ascii_digit())) {
        let w: u32 = w.parse().ok()?;
        let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
        if p2 == Some("WE") {
            let sat = monday + Duration::days(5);
            return Some((sat, sat + Duration::days(1), Precision::Day));
        }
        return Some((monday, monday + Duration::days(6), Precision::Week));
    }
    if let Some(q) = p1.strip_prefix('Q') {
        let q: u32 = q.parse().ok()?;
        if !(1..=4).contains(&q) {
            return None;
        }
        let start = NaiveDate::from_ymd_opt(y, 3 * q - 2, 1)?;
        return Some((start, last_day_of_month(y, 3 * q)?, Precision::Quarter));
    }
    if let Some(h) = p1.strip_prefix('H') {
        let h: u32 = h.parse().ok()?;
        if !(1..=2).contains(&h) {
            return None;
        }
        let start = NaiveDate::from_ymd_opt(y, 6 * h - 5, 1)?;
        return Some((start, last_day_of_month(y, 6 * h)?, Precision::Quarter));
    }
    let season = match p1 {
        "SP" => Some((3, 5)),
        "SU" => Some((6, 8)),
        "FA" => Some((9, 11)),
        "WI" => Some((12, 2)),
        _ => None,
    };
    if let Some((a, b)) = season {
        let start = NaiveDate::from_ymd_opt(y, a, 1)?;
        let end = if b < a { last_day_of_month(y + 1, b)? } else { last_day_of_month(y, b)? };
        return Some((start, end, Precision::Quarter));
    }
    let m: u32 = p1.parse().ok()?;
    match p2 {
        None => Some((NaiveDate::from_ymd_opt(y, m, 1)?, last_day_of_month(y, m)?, Precision::Month)),
        Some(d) => {
            let d: u32 = d.parse().ok()?;
            let day = NaiveDate::from_ymd_opt(y, m, d)?;
            Some((day, day, Precision::Day))
        }
    }
}

/// The last day of month `m` of year `y`.
pub fn last_day_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).map(|d| d - Duration::days(1))
}

/// `YYYY-MM-DD`.
pub fn day_value(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `YYYY-MM`.
pub fn month_value(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// ISO week value `YYYY-Www` of the week containing `d`.
pub fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// Adds `months` calendar months to (year, month).
pub fn add_months(y: i32, m: u32, months: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + months;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// `d` shifted by `months` months, the day clamped to the month's length.
pub fn shift_months(d: NaiveDate, months: i32) -> Option<NaiveDate> {
    let (y, m) = add_months(d.year(), d.month(), months);
    let last = last_day_of_month(y, m)?.day();
    NaiveDate::from_ymd_opt(y, m, d.day().min(last))
}

/// A short weekday name (`Mon`).
pub fn weekday_name(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

/// Formats a duration amount for a TIMEX3 value (`2`, `1.5`).
pub fn amount(v: f64) -> String {
    if v.fract() == 0.0 { format!("{}", v as i64) } else { format!("{v}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ranges_of_calendar_values() {
        assert_eq!(value_range("2024-06-18"), Some((d(2024, 6, 18), d(2024, 6, 18), Precision::Day)));
        assert_eq!(value_range("2024-06-18T15:00"), Some((d(2024, 6, 18), d(2024, 6, 18), Precision::Day)));
        assert_eq!(value_range("2024-02"), Some((d(2024, 2, 1), d(2024, 2, 29), Precision::Month)));
        assert_eq!(value_range("2024-W25"), Some((d(2024, 6, 17), d(2024, 6, 23), Precision::Week)));
        assert_eq!(value_range("2024-Q3"), Some((d(2024, 7, 1), d(2024, 9, 30), Precision::Quarter)));
        assert_eq!(value_range("2023-WI"), Some((d(2023, 12, 1), d(2024, 2, 29), Precision::Quarter)));
        assert_eq!(value_range("1998"), Some((d(1998, 1, 1), d(1998, 12, 31), Precision::Year)));
        assert_eq!(value_range("199"), Some((d(1990, 1, 1), d(1999, 12, 31), Precision::Decade)));
        assert_eq!(value_range("19"), Some((d(1900, 1, 1), d(1999, 12, 31), Precision::Century)));
        assert_eq!(value_range("XXXX-04"), None);
        assert_eq!(value_range("P9Y"), None);
        assert_eq!(value_range("PRESENT_REF"), None);
        assert_eq!(value_range("2024-13"), None);
    }

    #[test]
    fn month_arithmetic_wraps_years() {
        assert_eq!(add_months(2024, 1, -1), (2023, 12));
        assert_eq!(add_months(2024, 12, 1), (2025, 1));
        assert_eq!(shift_months(d(2024, 3, 31), -1), Some(d(2024, 2, 29)));
    }
}
