//! Reading a publication date (and time) at the start of a header string.
//!
//! Accepted shapes, each optionally after a weekday (`Mon`, `Monday,`) and followed by a
//! time (`17:32`, `- 17:32`, `10.02 BST`, `T08:00:00Z`, `3:45 p.m. ET`):
//! `2024-06-17`, `2024/06/17`, `June 17, 2024`, `Jun. 17th 2024`, `17 June 2024`,
//! `17th of June, 2024`, `26-FEB-1987`, `11/26/2024`, `26.11.2024`, `11-26-24`.
//! Numeric dates with both readings valid are read month/day (US) with a note saying so,
//! except dot-separated ones, which are read day.month (European) with a note.

use chrono::NaiveDate;

/// A date read from the start of a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundDate {
    /// The calendar day.
    pub date: NaiveDate,
    /// The time of day as written (`17:32`, `10.02 BST`), if one follows the date.
    pub time: Option<String>,
    /// Bytes of the input consumed (date plus time).
    pub len: usize,
    /// Set when the numeric form also has another valid reading.
    pub ambiguity: Option<String>,
}

/// Month names and abbreviations (lower case) with their number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names and abbreviations (lower case) that may precede a date.
const WEEKDAYS: &[&str] = &[
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
];

/// Time-zone names accepted after a time.
const ZONES: &[&str] = &[
    "UTC", "GMT", "BST", "CET", "CEST", "EET", "EEST", "WET", "EST", "EDT", "CST", "CDT", "MST", "MDT",
    "PST", "PDT", "ET", "CT", "MT", "PT", "KST", "JST", "IST", "HKT", "SGT", "AEST", "AEDT", "AWST", "NZST",
    "NZDT", "MSK", "WIB", "PHT", "ICT", "Z",
];

/// Month number for a (case-insensitive) month name or abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(n, _)| n.eq_ignore_ascii_case(word)).map(|&(_, m)| m)
}

/// A byte cursor over ASCII syntax; non-ASCII bytes simply fail to match.
struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn eat_any(&mut self, set: &[u8]) -> Option<u8> {
        let b = self.peek().filter(|b| set.contains(b))?;
        self.i += 1;
        Some(b)
    }
    fn spaces(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
        self.i - start
    }
    fn number(&mut self, min: usize, max: usize) -> Option<(u32, usize)> {
        let start = self.i;
        while self.i - start < max && self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
        let n = self.i - start;
        if n < min || self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i = start;
            return None;
        }
        let v = std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok()?;
        Some((v, n))
    }
    fn word(&mut self) -> Option<&'a str> {
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
            self.i += 1;
        }
        if self.i == start {
            return None;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok()
    }
    fn at_boundary(&self) -> bool {
        !self.peek().is_some_and(|b| b.is_ascii_alphanumeric())
            || (self.peek() == Some(b'T') && self.s.get(self.i + 1).is_some_and(u8::is_ascii_digit))
    }
}

fn full_year(y: u32, digits: usize) -> u32 {
    match digits {
        2 if y < 70 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    }
}

fn make(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1800..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// Reads a date at the very start of `s` (leading spaces allowed), with an optional time.
pub fn parse_prefix(s: &str) -> Option<FoundDate> {
    let mut c = Cursor { s: s.as_bytes(), i: 0 };
    c.spaces();
    let save = c.i;
    match c.word() {
        Some(w) if WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(w)) => {
            c.eat(b'.');
            c.eat(b',');
            if c.spaces() == 0 {
                c.i = save;
            }
        }
        _ => c.i = save,
    }
    // A time before the date (`17:32 BST, 17 June 2024`, `5:32 PM EDT, Mon June 17, 2024`).
    let mut leading_time = None;
    let save = c.i;
    if let Some(range) = time_inner(&mut c).filter(|_| c.eat(b',') || c.spaces() > 0) {
        c.spaces();
        leading_time = Some(range);
        let save_wd = c.i;
        match c.word() {
            Some(w) if WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(w)) => {
                c.eat(b'.');
                c.eat(b',');
                if c.spaces() == 0 {
                    c.i = save_wd;
                }
            }
            _ => c.i = save_wd,
        }
    } else {
        c.i = save;
    }
    let start = c.i;
    let (date, ambiguity) = iso(&mut c)
        .map(|d| (d, None))
        .or_else(|| {
            c.i = start;
            east_asian(&mut c).map(|d| (d, None))
        })
        .or_else(|| {
            c.i = start;
            numeric(&mut c)
        })
        .or_else(|| {
            c.i = start;
            day_month(&mut c).map(|d| (d, None))
        })
        .or_else(|| {
            c.i = start;
            month_day(&mut c).map(|d| (d, None))
        })?;
    if !c.at_boundary() {
        return None;
    }
    let date_end = c.i;
    let time = if leading_time.is_some() { leading_time } else { time_of_day(&mut c) };
    let len = if time.is_some() { c.i } else { date_end };
    Some(FoundDate { date, time: time.map(|(a, b)| s[a..b].to_string()), len, ambiguity })
}

/// `2024-06-17`, `2024/6/17`, `2024.06.17`.
fn iso(c: &mut Cursor) -> Option<NaiveDate> {
    let (y, _) = c.number(4, 4)?;
    let sep = c.eat_any(b"-/.")?;
    let (m, _) = c.number(1, 2)?;
    c.eat(sep).then_some(())?;
    let (d, _) = c.number(1, 2)?;
    make(y, m, d)
}

/// `2024年6月17日` (Chinese/Japanese) and `2024년 6월 17일` (Korean).
fn east_asian(c: &mut Cursor) -> Option<NaiveDate> {
    let (y, _) = c.number(4, 4)?;
    let unit = |c: &mut Cursor, marks: &[&str]| -> Option<()> {
        c.spaces();
        let rest = &c.s[c.i..];
        let m = marks.iter().find(|m| rest.starts_with(m.as_bytes()))?;
        c.i += m.len();
        c.spaces();
        Some(())
    };
    unit(c, &["年", "년"])?;
    let (m, _) = c.number(1, 2)?;
    unit(c, &["月", "월"])?;
    let (d, _) = c.number(1, 2)?;
    c.spaces();
    let rest = &c.s[c.i..];
    let mark = ["日", "일"].iter().find(|m| rest.starts_with(m.as_bytes()))?;
    c.i += mark.len();
    make(y, m, d)
}

/// `11/26/2024`, `26.11.2024`, `3-4-24`, with the ambiguity note when both readings hold.
fn numeric(c: &mut Cursor) -> Option<(NaiveDate, Option<String>)> {
    let start = c.i;
    let (a, _) = c.number(1, 2)?;
    let sep = c.eat_any(b"/-.")?;
    let (b, _) = c.number(1, 2)?;
    c.eat(sep).then_some(())?;
    let (y, yd) = c.number(2, 4)?;
    if yd == 3 {
        return None;
    }
    let y = full_year(y, yd);
    let written = String::from_utf8_lossy(&c.s[start..c.i]).into_owned();
    let day_first = sep == b'.';
    let (m, d) = match (a <= 12, b <= 12) {
        (true, true) if day_first => (b, a),
        (true, true) => (a, b),
        (true, false) => (a, b),
        (false, true) => (b, a),
        (false, false) => return None,
    };
    let date = make(y, m, d)?;
    let other = if a <= 12 && b <= 12 && a != b { make(y, d, m) } else { None };
    let note = other.map(|o| {
        let how = if day_first { "day.month (European)" } else { "month/day (US)" };
        format!("ambiguous numeric date '{written}': read as {how} = {date}; the other reading would be {o}")
    });
    Some((date, note))
}

/// `17 June 2024`, `17th of June, 2024`, `26-FEB-1987`, `17 Jun. 2024`.
fn day_month(c: &mut Cursor) -> Option<NaiveDate> {
    let (d, _) = c.number(1, 2)?;
    let _ = c.word().filter(|w| ["st", "nd", "rd", "th"].iter().any(|o| o.eq_ignore_ascii_case(w)));
    let dashed = c.eat(b'-');
    if !dashed {
        (c.spaces() > 0).then_some(())?;
        let save = c.i;
        if !(c.word().is_some_and(|w| w.eq_ignore_ascii_case("of")) && c.spaces() > 0) {
            c.i = save;
        }
    }
    let m = month_number(c.word()?)?;
    c.eat(b'.');
    if dashed {
        c.eat(b'-').then_some(())?;
    } else {
        c.eat(b',');
        (c.spaces() > 0).then_some(())?;
    }
    let (y, _) = c.number(4, 4)?;
    make(y, m, d)
}

/// `June 17, 2024`, `Jun. 17th 2024`, `JUNE 17 2024`.
fn month_day(c: &mut Cursor) -> Option<NaiveDate> {
    let m = month_number(c.word()?)?;
    c.eat(b'.');
    (c.spaces() > 0).then_some(())?;
    let (d, _) = c.number(1, 2)?;
    let _ = c.word().filter(|w| ["st", "nd", "rd", "th"].iter().any(|o| o.eq_ignore_ascii_case(w)));
    c.eat(b',');
    (c.spaces() > 0).then_some(())?;
    let (y, _) = c.number(4, 4)?;
    make(y, m, d)
}

/// A time of day after a date; returns its byte range. Restores the cursor when absent.
fn time_of_day(c: &mut Cursor) -> Option<(usize, usize)> {
    let save = c.i;
    let r = time_inner(c);
    if r.is_none() {
        c.i = save;
    }
    r
}

fn time_inner(c: &mut Cursor) -> Option<(usize, usize)> {
    if !c.eat(b'T') {
        c.eat(b',');
        c.spaces();
        for sep in ["-", "|", "at", "@", "\u{2013}", "\u{2014}"] {
            if c.s[c.i..].starts_with(sep.as_bytes()) {
                c.i += sep.len();
                c.spaces();
                break;
            }
        }
    }
    let start = c.i;
    let (h, _) = c.number(1, 2)?;
    let sep = c.eat_any(b":.")?;
    let (min, _) = c.number(2, 2)?;
    if h > 23 || min > 59 {
        return None;
    }
    if c.eat(sep) {
        c.number(2, 2)?;
        if c.eat_any(b".,").is_some() {
            c.number(1, 9)?;
        }
    }
    let mut end = c.i;
    let mut qualified = false;
    let save = c.i;
    c.spaces();
    let rest = &c.s[c.i..];
    for ampm in ["a.m.", "p.m.", "am", "pm", "AM", "PM", "A.M.", "P.M."] {
        if rest.starts_with(ampm.as_bytes()) {
            c.i += ampm.len();
            if ampm.ends_with('.') || c.at_boundary() {
                end = c.i;
                qualified = true;
                break;
            }
            c.i -= ampm.len();
        }
    }
    if !qualified {
        c.i = save;
    }
    let save = c.i;
    if c.eat_any(b"+-").is_some() && c.number(2, 4).is_some() {
        c.eat(b':');
        let _ = c.number(2, 2);
        end = c.i;
        qualified = true;
    } else {
        c.i = save;
        c.spaces();
        let zstart = c.i;
        if let Some(w) = c.word()
            && ZONES.contains(&w)
        {
            end = c.i;
            qualified = true;
        }
        if !qualified || end != c.i {
            c.i = zstart;
        }
        if !qualified {
            c.i = save;
        }
    }
    c.i = end;
    // `10.02` is only a time when qualified or at the end; `10:02` always is.
    if sep == b'.' && !qualified && c.s[end..].iter().any(|b| !b.is_ascii_whitespace()) {
        return None;
    }
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<String> {
        parse_prefix(s).map(|f| f.date.to_string())
    }

    #[test]
    fn header_date_shapes() {
        assert_eq!(day("June 17, 2024 - 17:32").as_deref(), Some("2024-06-17"));
        assert_eq!(day("July 26, 2024").as_deref(), Some("2024-07-26"));
        assert_eq!(day("2024-07-25 South Korea's First Vice").as_deref(), Some("2024-07-25"));
        assert_eq!(day("11/26/2024").as_deref(), Some("2024-11-26"));
        assert_eq!(day("26-FEB-1987 15:01:01.79").as_deref(), Some("1987-02-26"));
        assert_eq!(day("17 June 2024").as_deref(), Some("2024-06-17"));
        assert_eq!(day("Mon 17 Jun 2024 10.02 BST").as_deref(), Some("2024-06-17"));
        assert_eq!(day("Monday, June 17th, 2024").as_deref(), Some("2024-06-17"));
        assert_eq!(day("Sept. 5, 2023").as_deref(), Some("2023-09-05"));
        assert_eq!(day("17th of June, 2024").as_deref(), Some("2024-06-17"));
        assert_eq!(day("2024-06-17T08:00:00Z").as_deref(), Some("2024-06-17"));
        assert_eq!(day("Tue, 18 Jun 2024 09:15:00 +0900").as_deref(), Some("2024-06-18"));
        assert_eq!(day("17:32 BST, 17 June 2024").as_deref(), Some("2024-06-17"));
        assert_eq!(day("5:32 PM EDT, Mon June 17, 2024").as_deref(), Some("2024-06-17"));
        assert_eq!(day("17.06.2024 14:00").as_deref(), Some("2024-06-17"));
        assert_eq!(day("2024年6月17日 17:32").as_deref(), Some("2024-06-17"));
        assert_eq!(day("2024년 6월 17일").as_deref(), Some("2024-06-17"));
        assert_eq!(day("2024.06.17 17:32").as_deref(), Some("2024-06-17"));
    }

    #[test]
    fn times_are_kept_as_written() {
        let f = parse_prefix("June 17, 2024 - 17:32").unwrap();
        assert_eq!(f.time.as_deref(), Some("17:32"));
        assert_eq!(f.len, "June 17, 2024 - 17:32".len());
        let f = parse_prefix("Mon 17 Jun 2024 10.02 BST").unwrap();
        assert_eq!(f.time.as_deref(), Some("10.02 BST"));
        let f = parse_prefix("26-FEB-1987 15:01:01.79").unwrap();
        assert_eq!(f.time.as_deref(), Some("15:01:01.79"));
        let f = parse_prefix("2024-06-17T08:00:00Z").unwrap();
        assert_eq!(f.time.as_deref(), Some("08:00:00Z"));
        let f = parse_prefix("17:32 BST, 17 June 2024").unwrap();
        assert_eq!(f.time.as_deref(), Some("17:32 BST"));
        let f = parse_prefix("March 3, 2021 at 3:45 p.m. ET").unwrap();
        assert_eq!(f.time.as_deref(), Some("3:45 p.m. ET"));
        // A number after the date that is not a time stays outside.
        let f = parse_prefix("2024-07-25 10.5 percent of").unwrap();
        assert_eq!(f.time, None);
        assert_eq!(f.len, 10);
    }

    #[test]
    fn ambiguous_numeric_dates_prefer_us_with_a_note() {
        let f = parse_prefix("03/04/2024").unwrap();
        assert_eq!(f.date.to_string(), "2024-03-04");
        assert!(f.ambiguity.unwrap().contains("2024-04-03"));
        let f = parse_prefix("26/11/2024").unwrap();
        assert_eq!(f.date.to_string(), "2024-11-26");
        assert_eq!(f.ambiguity, None);
        let f = parse_prefix("04.03.2024").unwrap();
        assert_eq!(f.date.to_string(), "2024-03-04");
        assert!(f.ambiguity.is_some());
    }

    #[test]
    fn non_dates_are_refused() {
        assert_eq!(day("2024"), None);
        assert_eq!(day("June 2024"), None);
        assert_eq!(day("February 30, 2024"), None);
        assert_eq!(day("13/13/2024"), None);
        assert_eq!(day("12 percent of 2024"), None);
        assert_eq!(day("17 Junebug 2024"), None);
        assert_eq!(day("2024-06-17x"), None);
    }
}
