//! Reading a user-entered TIMEX3 calendar value (`2024-06-18`, `2024-06`, `2024-W25`,
//! `2024-Q2`, `2024-H1`, `2024`, `202` for a decade) into the days it covers.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::model::Precision;

/// The first and last day a calendar value covers, and its precision; `None` when the
/// value is not a calendar value this reader understands.
pub fn days_of(value: &str) -> Option<(NaiveDate, NaiveDate, Precision)> {
    let v = value.trim();
    let parts: Vec<&str> = v.split('-').collect();
    let year_part = *parts.first()?;
    if !year_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match (year_part.len(), parts.len()) {
        (2, 1) => {
            let c: i32 = year_part.parse().ok()?;
            Some((ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?, Precision::Century))
        }
        (3, 1) => {
            let d: i32 = year_part.parse().ok()?;
            Some((ymd(d * 10, 1, 1)?, ymd(d * 10 + 9, 12, 31)?, Precision::Decade))
        }
        (4, 1) => {
            let y: i32 = year_part.parse().ok()?;
            Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?, Precision::Year))
        }
        (4, 2) => period(year_part.parse().ok()?, parts[1]),
        (4, 3) => {
            let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()?;
            Some((d, d, Precision::Day))
        }
        _ => None,
    }
}

/// `MM`, `Wnn`, `Qn`, `Hn` or a season (`SP`, `SU`, `FA`/`AU`, `WI`) of year `y`.
fn period(y: i32, p: &str) -> Option<(NaiveDate, NaiveDate, Precision)> {
    if let Ok(m) = p.parse::<u32>() {
        let start = ymd(y, m, 1)?;
        return Some((start, month_end(y, m)?, Precision::Month));
    }
    let (head, num) = p.split_at(1.min(p.len()));
    let n: Option<u32> = num.parse().ok();
    match (head, n) {
        ("W", Some(w)) => {
            let start = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
            Some((start, start.checked_add_signed(Duration::days(6))?, Precision::Week))
        }
        ("Q", Some(q @ 1..=4)) => {
            let m = (q - 1) * 3 + 1;
            Some((ymd(y, m, 1)?, month_end(y, m + 2)?, Precision::Quarter))
        }
        ("H", Some(h @ 1..=2)) => {
            let m = (h - 1) * 6 + 1;
            Some((ymd(y, m, 1)?, month_end(y, m + 5)?, Precision::Quarter))
        }
        _ => {
            let (m0, m1) = match p {
                "SP" => (3, 5),
                "SU" => (6, 8),
                "FA" | "AU" => (9, 11),
                "WI" => (12, 2),
                _ => return None,
            };
            let end_year = if m1 < m0 { y + 1 } else { y };
            Some((ymd(y, m0, 1)?, month_end(end_year, m1)?, Precision::Quarter))
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let first_next = if m == 12 { ymd(y + 1, 1, 1)? } else { ymd(y, m + 1, 1)? };
    first_next.pred_opt().filter(|d| d.year() == y || m == 12)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reads_days_months_weeks_quarters_years() {
        assert_eq!(days_of("2024-06-18"), Some((d("2024-06-18"), d("2024-06-18"), Precision::Day)));
        assert_eq!(days_of("2024-02"), Some((d("2024-02-01"), d("2024-02-29"), Precision::Month)));
        assert_eq!(days_of("2024-W25"), Some((d("2024-06-17"), d("2024-06-23"), Precision::Week)));
        assert_eq!(days_of("2024-Q4"), Some((d("2024-10-01"), d("2024-12-31"), Precision::Quarter)));
        assert_eq!(days_of("2023-WI"), Some((d("2023-12-01"), d("2024-02-29"), Precision::Quarter)));
        assert_eq!(days_of("2002"), Some((d("2002-01-01"), d("2002-12-31"), Precision::Year)));
        assert_eq!(days_of("199"), Some((d("1990-01-01"), d("1999-12-31"), Precision::Decade)));
    }

    #[test]
    fn rejects_non_calendar_values() {
        for v in ["", "P9Y", "PRESENT_REF", "XXXX-04", "2024-13", "2024-06-31", "2024-Q5", "tomorrow"] {
            assert_eq!(days_of(v), None, "{v}");
        }
    }
}
