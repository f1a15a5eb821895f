//! Reading a user-entered TIMEX3 calendar value (`2024-06-18`, `2024-06`, `2024-W25`,
//! `2024-Q2`, `2024-H1`, `2024`, `202` for a decade) into the days it covers.
//!
//! The edit forms and edit replay read values exactly as the temporal engine writes them, so this
//! delegates to [`crate::extract::timex::value_range`] instead of keeping a second reader.

use chrono::NaiveDate;

use crate::model::Precision;

/// The first and last day a calendar value covers, and its precision; `None` when the
/// value is not a calendar value (durations, references, values with unknown parts).
pub fn days_of(value: &str) -> Option<(NaiveDate, NaiveDate, Precision)> {
    crate::extract::timex::value_range(value.trim())
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
