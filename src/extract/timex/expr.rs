//! What a recognised expression means, before it is resolved against an anchor.

use super::lexicon::{DayPart, RefKind, Unit};

/// How the year of a partial date is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSpec {
    /// Written out (`1989`, `'87`).
    Explicit(i32),
    /// Relative to the anchor year: `last` −1, `this` 0, `next` +1.
    Shift(i32),
    /// Relative to the reference time (`that year`, `the following year`): shift from it.
    RefShift(i32),
    /// Not given: decided from the anchor and the tense of the context.
    Infer,
    /// `last April` (−1): the latest such month before the anchor's; `next April` (+1) the first after.
    Occurrence(i32),
}

/// Which part of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearPart {
    /// Quarter 1-4.
    Quarter(u8),
    /// Half 1-2.
    Half(u8),
    /// Season 1 spring … 4 winter.
    Season(u8),
}

/// A quantity: exact, or vague (`several`, `a few`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Qty {
    /// A number (may be fractional: `2 1/2`).
    Exact(f64),
    /// Unknown amount (`several`, `few`, bare plural `years`).
    Vague,
}

/// The day a time of day belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DaySpec {
    /// No day given: the anchor day (or the reference day).
    Implicit,
    /// `today` 0, `yesterday` −1, `tomorrow` +1.
    Offset(i32),
    /// A weekday with an optional explicit shift.
    Weekday(u8, Option<i32>),
    /// An explicit date (year may be inferred).
    Date(Option<i32>, u8, u8),
}

/// The meaning of a time expression.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Expr {
    /// Calendar date with what is written: year only, month (+year), or day (+month, +year).
    Cal {
        /// The year if given.
        year: YearSpec,
        /// Month 1-12, if given.
        month: Option<u8>,
        /// Day of month, if given.
        day: Option<u8>,
    },
    /// A year named as a reporting period (`the 1988 quarter`, `the 1988 period`): the same
    /// quarter of that year when the text is about a quarter.
    YearPeriod(i32),
    /// The week containing a calendar day (`the week of March 6`).
    WeekOf {
        /// The year if given.
        year: YearSpec,
        /// Month 1-12.
        month: u8,
        /// Day of month.
        day: u8,
    },
    /// A decade (`the 1990s` → 199).
    Decade(i32),
    /// A century (`the 20th century` → 19).
    Century(i32),
    /// A weekday; `shift` is Some(-1) for `last`, Some(1) for `next`, Some(0) for `this`.
    Weekday {
        /// 1 = Monday … 7 = Sunday.
        wd: u8,
        /// Explicit shift, if any.
        shift: Option<i32>,
    },
    /// `today`, `yesterday`, `tomorrow`, `the day before`: days from the anchor (or reference).
    DayOffset {
        /// Days.
        days: i32,
        /// Counted from the reference time rather than the anchor.
        from_ref: bool,
    },
    /// `now`, `recently`, `the future`.
    Ref(RefKind),
    /// `this week`, `last month`, `next year`, `the following year`.
    UnitShift {
        /// The unit.
        unit: Unit,
        /// −1, 0, +1, …
        shift: i32,
        /// Counted from the reference time.
        from_ref: bool,
    },
    /// `two years ago`, `a month earlier`, `three days later`.
    Offset {
        /// The unit.
        unit: Unit,
        /// How many.
        n: Qty,
        /// −1 for ago/earlier, +1 for later.
        sign: i32,
        /// `earlier`/`later` count from the reference time, `ago` from the anchor.
        from_ref: bool,
    },
    /// A length of time (`nine years`, `two-day`, `the past three months`).
    Duration {
        /// The unit.
        unit: Unit,
        /// How many.
        n: Qty,
    },
    /// A duration given in two units (`four hours and 40 minutes`).
    Duration2 {
        /// First unit and amount.
        a: (Unit, f64),
        /// Second unit and amount.
        b: (Unit, f64),
    },
    /// A quarter, half or season of a year.
    Part {
        /// Which part.
        part: YearPart,
        /// Of which year.
        year: YearSpec,
    },
    /// `this quarter`, `the latest quarter`, `last summer` where the part is counted from now.
    PartShift {
        /// Quarter(0)/Half(0)/Season(n): the kind of part (number ignored for quarter/half).
        part: YearPart,
        /// −1, 0, +1.
        shift: i32,
    },
    /// A clock time on a day.
    Clock {
        /// Hour 0-24.
        hour: u8,
        /// Minute.
        minute: u8,
        /// Which day.
        day: DaySpec,
    },
    /// A part of a day (`Friday night`, `this morning`).
    DayPartOf {
        /// Morning, evening, …
        part: DayPart,
        /// Which day.
        day: DaySpec,
    },
    /// A recurrence of a unit (`every year`, `weekly`) with a count per period.
    SetUnit {
        /// The period unit.
        unit: Unit,
        /// Every n units (`every other day` = 2).
        every: u32,
    },
    /// A recurring weekday (`each Thursday`), or a part of it (`Tuesday nights` → `TNI`).
    SetWeekday(u8, Option<DayPart>),
    /// A recurring month (`each July`).
    SetMonth(u8),
    /// A holiday (month, day) with its year.
    Holiday {
        /// Month (0 for movable feasts).
        month: u8,
        /// Day (for movable feasts: 0 Thanksgiving, 1 Easter).
        day: u8,
        /// Year.
        year: YearSpec,
    },
    /// Unspecified past/future amounts of a unit used as a date (`recent years`, `coming months`).
    VagueUnits {
        /// The unit.
        unit: Unit,
        /// −1 past, +1 future.
        dir: i32,
    },
}
