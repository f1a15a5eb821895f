//! The date axis: a piecewise-linear scale that breaks across long empty gaps (a 2002
//! background fact and last week's events both stay readable), with adaptive ticks per piece.

use chrono::{Datelike, Duration, NaiveDate};

/// One unbroken piece of the axis: days `from..=to` drawn between `x0` and `x1`.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// First day shown.
    pub from: NaiveDate,
    /// Last day shown.
    pub to: NaiveDate,
    /// Left edge, px.
    pub x0: f32,
    /// Right edge, px.
    pub x1: f32,
}

impl Segment {
    fn days(&self) -> f32 {
        ((self.to - self.from).num_days() + 1) as f32
    }

    /// X of the start of day `d` (may fall outside the segment).
    pub fn x_of(&self, d: NaiveDate) -> f32 {
        self.x0 + (self.x1 - self.x0) * ((d - self.from).num_days() as f32) / self.days()
    }
}

/// A broken date axis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Axis {
    /// The pieces, left to right.
    pub segments: Vec<Segment>,
}

/// Most breaks in one axis (more pieces would make the axis hard to read).
pub const MAX_BREAKS: usize = 5;

/// Space between two pieces, px (where the break mark goes).
pub const BREAK_GAP: f32 = 34.0;

impl Axis {
    /// Builds an axis over the day intervals `spans` (inclusive `(start, end)`) between `x0`
    /// and `x1`. The longest empty gaps (at most [`MAX_BREAKS`], each over 45 days and 3 % of
    /// the whole range) become breaks; each piece gets width by its share of events and of
    /// days, never less than 110 px.
    pub fn new(spans: &[(NaiveDate, NaiveDate)], x0: f32, x1: f32) -> Axis {
        let mut iv: Vec<(NaiveDate, NaiveDate)> = spans.iter().map(|&(a, b)| (a.min(b), a.max(b))).collect();
        if iv.is_empty() {
            return Axis::default();
        }
        iv.sort();
        // merge overlapping intervals: (from, to, number of spans)
        let mut merged: Vec<(NaiveDate, NaiveDate, usize)> = Vec::new();
        for (a, b) in iv {
            match merged.last_mut() {
                Some(c) if a <= c.1 => {
                    c.1 = c.1.max(b);
                    c.2 += 1;
                }
                _ => merged.push((a, b, 1)),
            }
        }
        let total = (merged[merged.len() - 1].1 - merged[0].0).num_days().max(1);
        let min_gap = ((total as f32 * 0.03) as i64).max(45);
        let mut gaps: Vec<(i64, usize)> =
            merged.windows(2).enumerate().map(|(i, w)| ((w[1].0 - w[0].1).num_days(), i)).collect();
        gaps.sort_by_key(|g| std::cmp::Reverse(g.0));
        let mut breaks: Vec<usize> =
            gaps.iter().filter(|g| g.0 > min_gap).take(MAX_BREAKS).map(|g| g.1).collect();
        breaks.sort();
        let mut clusters: Vec<(NaiveDate, NaiveDate, usize)> = Vec::new();
        for (i, m) in merged.iter().enumerate() {
            let starts_new = i == 0 || breaks.contains(&(i - 1));
            match clusters.last_mut() {
                Some(c) if !starts_new => {
                    c.1 = c.1.max(m.1);
                    c.2 += m.2;
                }
                _ => clusters.push(*m),
            }
        }
        let n_spans: usize = clusters.iter().map(|c| c.2).sum();
        let padded: Vec<(NaiveDate, NaiveDate, usize)> = clusters
            .into_iter()
            .map(|(a, b, n)| {
                let len = (b - a).num_days();
                let pad = Duration::days((len / 20).max(if len < 14 { 2 } else { 4 }));
                (a.checked_sub_signed(pad).unwrap_or(a), b.checked_add_signed(pad).unwrap_or(b), n)
            })
            .collect();
        let total_days: f32 = padded.iter().map(|c| (((c.1 - c.0).num_days() + 1) as f32).sqrt()).sum();
        let avail = (x1 - x0) - BREAK_GAP * (padded.len() as f32 - 1.0);
        let weights: Vec<f32> = padded
            .iter()
            .map(|c| {
                let days = (((c.1 - c.0).num_days() + 1) as f32).sqrt();
                0.75 * c.2 as f32 / n_spans as f32 + 0.25 * days / total_days
            })
            .collect();
        let min_w = 110.0f32.min(avail / padded.len() as f32);
        let mut widths: Vec<f32> = weights.iter().map(|w| w * avail).collect();
        let short: f32 = widths.iter().filter(|w| **w < min_w).map(|w| min_w - w).sum();
        let long_total: f32 = widths.iter().filter(|w| **w >= min_w).sum();
        for w in &mut widths {
            if *w < min_w {
                *w = min_w;
            } else if long_total > 0.0 {
                *w -= short * *w / long_total;
            }
        }
        let mut x = x0;
        let segments = padded
            .iter()
            .zip(widths)
            .map(|(c, w)| {
                let s = Segment { from: c.0, to: c.1, x0: x, x1: x + w };
                x += w + BREAK_GAP;
                s
            })
            .collect();
        Axis { segments }
    }

    /// X of day `d`: inside its piece, or clamped to the nearest piece's edge.
    pub fn x_of(&self, d: NaiveDate) -> f32 {
        let mut best: Option<(i64, f32)> = None;
        for s in &self.segments {
            if d >= s.from && d <= s.to {
                return s.x_of(d);
            }
            let (dist, edge) =
                if d < s.from { ((s.from - d).num_days(), s.x0) } else { ((d - s.to).num_days(), s.x1) };
            if best.is_none_or(|b| dist < b.0) {
                best = Some((dist, edge));
            }
        }
        best.map(|b| b.1).unwrap_or(0.0)
    }

    /// X of the end of day `d` (start of the next day), for drawing spans.
    pub fn x_after(&self, d: NaiveDate) -> f32 {
        match self.segments.iter().find(|s| d >= s.from && d <= s.to) {
            Some(s) => d.succ_opt().map_or(s.x1, |n| s.x_of(n)),
            None => self.x_of(d),
        }
    }
}

/// One tick: its day, x, label, and whether it starts a larger unit (drawn stronger).
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// The day.
    pub day: NaiveDate,
    /// X, px.
    pub x: f32,
    /// Text under the axis.
    pub label: String,
    /// A year (or month, for day ticks) boundary.
    pub major: bool,
    /// The first tick of its piece (its label names the year).
    pub first: bool,
}

/// Drops ticks whose labels (about `char_px` per character, centred) would touch the
/// previous kept label, so labels of neighbouring pieces never collide.
pub fn thin(ticks: Vec<Tick>, char_px: f32) -> Vec<Tick> {
    let mut kept: Vec<Tick> = Vec::new();
    let half = |t: &Tick| t.label.chars().count() as f32 * char_px / 2.0;
    // a piece whose first (year-naming) tick was dropped names the year on its next tick
    let mut owe_year = false;
    for mut t in ticks {
        if t.first {
            owe_year = false;
        } else if owe_year && !t.label.chars().filter(char::is_ascii_digit).count().ge(&4) {
            t.label = format!("{} {}", t.label, t.day.year());
        }
        let clear =
            |kept: &Vec<Tick>, t: &Tick| kept.last().is_none_or(|k| k.x + half(k) + 12.0 <= t.x - half(t));
        if clear(&kept, &t) {
            owe_year = false;
            kept.push(t);
        } else if t.first && kept.last().is_some_and(|k| !k.first) {
            kept.pop();
            if clear(&kept, &t) {
                kept.push(t);
            } else {
                owe_year = true;
            }
        } else if t.first {
            owe_year = true;
        }
    }
    kept
}

/// Tick steps, finest first: (kind, count).
const STEPS: [(Unit, u32); 14] = [
    (Unit::Day, 1),
    (Unit::Day, 2),
    (Unit::Week, 1),
    (Unit::Week, 2),
    (Unit::Month, 1),
    (Unit::Month, 3),
    (Unit::Month, 6),
    (Unit::Year, 1),
    (Unit::Year, 2),
    (Unit::Year, 5),
    (Unit::Year, 10),
    (Unit::Year, 20),
    (Unit::Year, 50),
    (Unit::Year, 100),
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Ticks for one piece, at most one per `min_spacing` px, labelled at the step's grain
/// (`17 Jun`, `Jun 2024`, `2024`); the first tick of a piece always names its year.
pub fn ticks(seg: &Segment, min_spacing: f32) -> Vec<Tick> {
    let px_per_day = (seg.x1 - seg.x0) / seg.days();
    let (unit, n) = STEPS
        .iter()
        .copied()
        .find(|(u, n)| approx_days(*u, *n) * px_per_day >= min_spacing)
        .unwrap_or((Unit::Year, 100));
    let mut out = Vec::new();
    let mut d = first_tick(seg.from, unit, n);
    let mut guard = 0;
    while d <= seg.to && guard < 400 {
        guard += 1;
        if d >= seg.from {
            let first = out.is_empty();
            let major = match unit {
                Unit::Day | Unit::Week => d.day() <= 7 * n && d.day() <= n.max(7),
                Unit::Month => d.month() == 1,
                Unit::Year => d.year() % (n as i32 * 5) == 0,
            };
            let label = match unit {
                Unit::Day | Unit::Week if first || (d.month() == 1 && d.day() <= 7 * n) => {
                    d.format("%-d %b %Y")
                }
                Unit::Day | Unit::Week => d.format("%-d %b"),
                Unit::Month if first || d.month() == 1 => d.format("%b %Y"),
                Unit::Month => d.format("%b"),
                Unit::Year => d.format("%Y"),
            }
            .to_string();
            out.push(Tick { day: d, x: seg.x_of(d), label, major, first });
        }
        match next_tick(d, unit, n) {
            Some(nd) => d = nd,
            None => break,
        }
    }
    out
}

fn approx_days(u: Unit, n: u32) -> f32 {
    n as f32
        * match u {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => 30.4,
            Unit::Year => 365.25,
        }
}

fn first_tick(from: NaiveDate, u: Unit, n: u32) -> NaiveDate {
    let fallback = from;
    match u {
        Unit::Day => from,
        Unit::Week => from
            .checked_add_signed(Duration::days((7 - from.weekday().num_days_from_monday() as i64) % 7))
            .unwrap_or(from),
        Unit::Month => {
            let m0 = from.month0() / n * n;
            let d = NaiveDate::from_ymd_opt(from.year(), m0 + 1, 1).unwrap_or(fallback);
            if d < from { next_tick(d, u, n).unwrap_or(fallback) } else { d }
        }
        Unit::Year => {
            let y = from.year().div_euclid(n as i32) * n as i32;
            let d = NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(fallback);
            if d < from { next_tick(d, u, n).unwrap_or(fallback) } else { d }
        }
    }
}

fn next_tick(d: NaiveDate, u: Unit, n: u32) -> Option<NaiveDate> {
    match u {
        Unit::Day => d.checked_add_signed(Duration::days(n as i64)),
        Unit::Week => d.checked_add_signed(Duration::days(7 * n as i64)),
        Unit::Month => d.checked_add_months(chrono::Months::new(n)),
        Unit::Year => NaiveDate::from_ymd_opt(d.year() + n as i32, 1, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn long_gaps_become_breaks_and_order_is_kept() {
        let spans = [
            (d("2002-01-01"), d("2002-12-31")),
            (d("2024-05-01"), d("2024-05-31")),
            (d("2024-06-17"), d("2024-06-17")),
            (d("2024-06-19"), d("2024-06-19")),
        ];
        let a = Axis::new(&spans, 100.0, 1500.0);
        assert_eq!(a.segments.len(), 2, "{a:?}");
        assert!(a.x_of(d("2002-06-01")) < a.x_of(d("2024-05-10")));
        assert!(a.x_of(d("2024-06-17")) < a.x_of(d("2024-06-19")));
        assert!(a.segments.iter().all(|s| s.x1 <= 1500.5 && s.x0 >= 100.0));
    }

    #[test]
    fn ticks_adapt_to_the_zoom() {
        let week = Segment { from: d("2024-06-14"), to: d("2024-06-22"), x0: 0.0, x1: 900.0 };
        let t = ticks(&week, 90.0);
        assert!(t.len() >= 5, "{t:?}");
        assert_eq!(t[0].label, "14 Jun 2024");
        let decades = Segment { from: d("1950-01-01"), to: d("2024-12-31"), x0: 0.0, x1: 900.0 };
        let t = ticks(&decades, 90.0);
        assert!(t.len() >= 4 && t.len() <= 10, "{t:?}");
        assert!(t.iter().all(|k| k.label.len() == 4));
    }
}
