//! The word tables of the time-expression engine: every temporal word and what it means.
//!
//! Lookup is one hash probe per word token (lower-cased ASCII, at most 15 bytes), so the
//! recogniser only starts matching at tokens that can begin or belong to an expression.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

mod words;
use words::TABLE;

/// Calendar units a quantity or a deictic phrase can count in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Weekend (DATE: `this weekend`; duration: two days).
    Weekend,
    /// Week.
    Week,
    /// Fortnight (two weeks).
    Fortnight,
    /// Month.
    Month,
    /// Quarter of a year.
    Quarter,
    /// Half of a year.
    Half,
    /// Year.
    Year,
    /// Decade.
    Decade,
    /// Century.
    Century,
    /// Millennium.
    Millennium,
}

/// Parts of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayPart {
    /// `morning` → MO.
    Morning,
    /// `afternoon` → AF.
    Afternoon,
    /// `evening` → EV.
    Evening,
    /// `night` → NI.
    Night,
    /// `noon`, `midday` → 12:00.
    Noon,
    /// `midnight` → 24:00 / 00:00.
    Midnight,
}

/// Function words that shape an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum W {
    /// `the`.
    The,
    /// `a`, `an`.
    A,
    /// `this`, `these`.
    This,
    /// `that`, `those`.
    That,
    /// `last`.
    Last,
    /// `next`.
    Next,
    /// `past`.
    Past,
    /// `coming`, `upcoming`.
    Coming,
    /// `previous`, `preceding`, `prior`.
    Previous,
    /// `following`, `subsequent`.
    Following,
    /// `current`.
    Current,
    /// `same`.
    Same,
    /// `ago`.
    Ago,
    /// `earlier`, `before`.
    Earlier,
    /// `later`, `after`, `hence`.
    Later,
    /// `early`.
    Early,
    /// `late`.
    Late,
    /// `mid`.
    Mid,
    /// `middle`.
    Middle,
    /// `end`.
    End,
    /// `beginning`, `start`.
    Beginning,
    /// `of`.
    Of,
    /// `and`, `or`.
    And,
    /// `to`, `through`, `until`, `till`.
    To,
    /// `from`, `between`.
    From,
    /// `every`, `each`, `per`.
    Every,
    /// `fiscal`.
    Fiscal,
    /// `about`, `around`, `approximately`, `roughly`, `some`.
    About,
    /// `nearly`, `almost`.
    Nearly,
    /// `more`, `over` (with `than`: MORE_THAN).
    More,
    /// `less`, `fewer`, `under`.
    Less,
    /// `than`.
    Than,
    /// `at`.
    At,
    /// `least`.
    Least,
    /// `most`.
    Most,
    /// `up`.
    Up,
    /// `few`, `several`, `many`, `couple`, `some` quantities.
    Few,
    /// `recent`.
    Recent,
    /// `in`, `on`.
    In,
    /// `half`.
    HalfWord,
    /// `year-ago`/`year-earlier` pieces: `ago` handled above; `latest`.
    Latest,
    /// `full`, `whole`, `entire`.
    Full,
    /// `o'clock`.
    Oclock,
    /// `a.m.`/`am` piece `a`/`am`.
    Am,
    /// `p.m.`/`pm` piece `p`/`pm`.
    Pm,
    /// Time-zone words (`EST`, `GMT`).
    Zone,
    /// `trading`, `business`, `calendar` (adjectives before `day(s)`).
    DayAdj,
    /// `other` (`every other day`).
    Other,
}

/// Vague reference points (TimeML `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefKind {
    /// `now`, `currently`, `current`, `today` (in a generic sense).
    Present,
    /// `recently`, `previously`, `the past`.
    Past,
    /// `soon`, `the future`.
    Future,
}

/// Set words: `daily`, `weekly`, …
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SetWord {
    /// The recurrence period unit.
    pub unit: Unit,
}

/// What a word means to the engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lex {
    /// Not temporal.
    #[default]
    None,
    /// A month name or abbreviation (1-12); `abbr` for `Jan`, `Sept`, …
    Month(u8, bool),
    /// A weekday (1 = Monday … 7 = Sunday); `plural` for `Mondays`.
    Weekday(u8, bool),
    /// A unit word; `plural` for `years`.
    Unit(Unit, bool),
    /// A cardinal number word (`one` … `ninety`, `hundred` = 100, `thousand` = 1000).
    Number(u32),
    /// An ordinal word (`first` … `twelfth`).
    Ordinal(u8),
    /// A season (1 spring, 2 summer, 3 fall, 4 winter).
    Season(u8),
    /// A part of the day.
    DayPart(DayPart),
    /// `today` (0), `yesterday` (-1), `tomorrow` (+1).
    DayDeixis(i8),
    /// `tonight`.
    Tonight,
    /// `overnight`.
    Overnight,
    /// A vague reference word.
    Ref(RefKind),
    /// A set adverb (`daily`, `weekly`).
    Set(Unit),
    /// A holiday name: fixed month and day (`christmas`) or 0,0 for movable ones.
    Holiday(u8, u8),
    /// A shaping function word.
    Word(W),
    /// Decade words (`nineties` = 9).
    DecadeWord(u8),
}

/// FNV-1a: the table keys are short ASCII words, so a simple fast hash does.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Table = HashMap<&'static [u8], Lex, BuildHasherDefault<Fnv>>;

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| TABLE.iter().map(|(w, l)| (w.as_bytes(), *l)).collect())
}

/// Looks a word up (case-insensitively); non-ASCII or long words are never temporal.
pub fn lookup(word: &str) -> Lex {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return Lex::None;
    }
    let mut buf = [0u8; 16];
    for (i, c) in b.iter().enumerate() {
        if !c.is_ascii_alphabetic() {
            return Lex::None;
        }
        buf[i] = c.to_ascii_lowercase();
    }
    table().get(&buf[..b.len()]).copied().unwrap_or_default()
}

/// Tense and modality cue words used to decide the direction of a relative date.
pub const FUTURE_CUES: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "scheduled",
    "set",
    "expected",
    "plans",
    "plan",
    "planned",
    "planning",
    "due",
    "slated",
    "going",
    "upcoming",
    "intends",
    "intend",
    "aims",
    "hopes",
    "hope",
    "to",
    "would",
    "could",
    "may",
    "might",
    "should",
    "must",
    "can",
];

/// Irregular past-tense verbs (regular ones are recognised by their `-ed` ending).
pub const PAST_VERBS: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "met",
    "held",
    "took",
    "made",
    "went",
    "came",
    "told",
    "gave",
    "saw",
    "left",
    "began",
    "fell",
    "rose",
    "won",
    "lost",
    "sold",
    "bought",
    "paid",
    "got",
    "found",
    "became",
    "struck",
    "hit",
    "put",
    "set",
    "ran",
    "spoke",
    "wrote",
    "sent",
    "led",
    "brought",
    "kept",
    "thought",
    "knew",
    "broke",
    "chose",
    "drove",
    "flew",
    "fought",
    "grew",
    "heard",
    "meant",
    "quit",
    "read",
    "shot",
    "shut",
    "sought",
    "spent",
    "stood",
    "taught",
    "threw",
    "understood",
    "wore",
    "cut",
    "bid",
    "beat",
    "built",
    "caught",
    "dealt",
    "drew",
    "ate",
    "felt",
    "forgot",
    "froze",
    "hung",
    "laid",
    "lay",
    "lent",
    "let",
    "rode",
    "rang",
    "sang",
    "sank",
    "slid",
    "stole",
    "stuck",
    "swore",
    "swept",
    "tore",
    "woke",
    "withdrew",
    "overtook",
    "undertook",
    "upheld",
    "arose",
    "forecast",
    "split",
    "spread",
];

/// Words that end in `-ed` but are not past-tense verbs in the sense we need.
pub const NOT_PAST_ED: &[&str] =
    &["need", "speed", "indeed", "red", "bed", "feed", "seed", "breed", "united", "limited", "led"];
