//! The adaptive calendar axis: grid marks on real calendar boundaries (centuries → decades →
//! years → quarters → months → weeks → days) chosen by zoom, with labels to match.

use chrono::{Datelike, NaiveDate};
use egui_plot::{GridInput, GridMark};

use crate::ui::view_model::{day_x, x_day};

/// Calendar units, finest first: (approximate length in days, unit, index of the finer
/// unit that divides it evenly and serves as its minor marks).
const UNITS: &[(f64, Unit, Option<usize>)] = &[
    (1.0, Unit::Day, None),
    (7.0, Unit::Week, Some(0)),
    (30.44, Unit::Month, Some(0)),
    (91.3, Unit::Quarter, Some(2)),
    (365.25, Unit::Years(1), Some(2)),
    (730.5, Unit::Years(2), Some(4)),
    (1826.0, Unit::Years(5), Some(4)),
    (3652.5, Unit::Years(10), Some(4)),
    (9131.0, Unit::Years(25), Some(6)),
    (18262.0, Unit::Years(50), Some(7)),
    (36525.0, Unit::Years(100), Some(7)),
    (182625.0, Unit::Years(500), Some(10)),
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Years(i32),
}

/// Most marks one call may produce (guards against absurd zoom levels).
const MAX_MARKS: usize = 600;

/// Grid marks for the visible range: a major unit about 100 px apart and the next finer
/// unit as minor marks.
pub fn calendar_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return Vec::new();
    }
    // base_step_size is the data distance of the minimum grid spacing (8 px).
    let days_per_px = input.base_step_size / 8.0;
    let major = UNITS.iter().position(|(d, _, _)| *d >= days_per_px * 110.0).unwrap_or(UNITS.len() - 1);
    let mut marks = Vec::new();
    if let Some(minor) = UNITS[major].2.filter(|&k| UNITS[k].0 >= days_per_px * 10.0) {
        push_marks(&mut marks, lo, hi, (UNITS[minor].0, UNITS[minor].1));
    }
    let n_minor = marks.len();
    push_marks(&mut marks, lo, hi, (UNITS[major].0, UNITS[major].1));
    // Drop minor marks that coincide with a major one.
    let majors: Vec<f64> = marks[n_minor..].iter().map(|m| m.value).collect();
    let mut keep: Vec<GridMark> =
        marks[..n_minor].iter().filter(|m| !majors.contains(&m.value)).copied().collect();
    keep.extend_from_slice(&marks[n_minor..]);
    keep
}

fn push_marks(out: &mut Vec<GridMark>, lo: f64, hi: f64, (len, unit): (f64, Unit)) {
    let (Some(first), Some(last)) = (x_day(lo), x_day(hi)) else { return };
    let mut d = align(first, unit);
    let mut n = 0;
    while d <= last && n < MAX_MARKS {
        let x = day_x(d);
        if x >= lo {
            out.push(GridMark { value: x, step_size: len });
        }
        let Some(next) = advance(d, unit) else { break };
        d = next;
        n += 1;
    }
}

fn align(d: NaiveDate, unit: Unit) -> NaiveDate {
    let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d);
    match unit {
        Unit::Day => d,
        Unit::Week => d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64),
        Unit::Month => ymd(d.year(), d.month()),
        Unit::Quarter => ymd(d.year(), (d.month0() / 3) * 3 + 1),
        Unit::Years(n) => ymd(d.year().div_euclid(n) * n, 1),
    }
}

fn advance(d: NaiveDate, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Day => d.succ_opt(),
        Unit::Week => d.checked_add_signed(chrono::Duration::days(7)),
        Unit::Month => d.checked_add_months(chrono::Months::new(1)),
        Unit::Quarter => d.checked_add_months(chrono::Months::new(3)),
        Unit::Years(n) => d.checked_add_months(chrono::Months::new(12 * n as u32)),
    }
}

/// Label for a grid mark, matched to its unit: `2024`, `Jul 2024`, `Jun`, `17 Jun`.
pub fn mark_label(mark: GridMark) -> String {
    let Some(d) = x_day(mark.value) else { return String::new() };
    let s = mark.step_size;
    if s >= 360.0 {
        d.year().to_string()
    } else if s >= 28.0 && (s >= 90.0 || d.month() == 1) {
        d.format("%b %Y").to_string()
    } else if s >= 28.0 {
        d.format("%b").to_string()
    } else if d.day() == 1 || s >= 7.0 {
        d.format("%-d %b").to_string()
    } else {
        d.format("%-d").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(lo: NaiveDate, hi: NaiveDate, width_px: f64) -> GridInput {
        let (a, b) = (day_x(lo), day_x(hi));
        GridInput { bounds: (a, b), base_step_size: (b - a) / width_px * 8.0 }
    }

    #[test]
    fn a_month_wide_view_marks_weeks_or_days() {
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap_or_default();
        let marks = calendar_marks(input(d(6, 1), d(7, 1), 1000.0));
        assert!(marks.iter().any(|m| m.step_size == 7.0), "weekly majors expected");
        assert!(marks.iter().all(|m| m.step_size <= 7.0));
    }

    #[test]
    fn a_century_view_marks_round_years() {
        let lo = NaiveDate::from_ymd_opt(1925, 3, 3).unwrap_or_default();
        let hi = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or_default();
        let marks = calendar_marks(input(lo, hi, 1000.0));
        let majors: Vec<NaiveDate> =
            marks.iter().filter(|m| m.step_size >= 3000.0).filter_map(|m| x_day(m.value)).collect();
        assert!(!majors.is_empty());
        assert!(majors.iter().all(|d| d.year() % 25 == 0 && d.month() == 1 && d.day() == 1), "{majors:?}");
        assert_eq!(
            mark_label(GridMark { value: day_x(majors[0]), step_size: 9131.0 }),
            majors[0].year().to_string()
        );
        // Minor marks divide the major unit: every 5 years.
        let minors: Vec<NaiveDate> =
            marks.iter().filter(|m| m.step_size < 3000.0).filter_map(|m| x_day(m.value)).collect();
        assert!(!minors.is_empty() && minors.iter().all(|d| d.year() % 5 == 0), "{minors:?}");
    }

    #[test]
    fn labels_follow_the_unit() {
        let d = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default();
        assert_eq!(mark_label(GridMark { value: day_x(d), step_size: 30.44 }), "Jun");
        assert_eq!(mark_label(GridMark { value: day_x(d), step_size: 365.25 }), "2024");
        assert_eq!(mark_label(GridMark { value: day_x(d), step_size: 1.0 }), "1 Jun");
    }
}
