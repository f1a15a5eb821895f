//! The word tables of the time-expression engine: every temporal word and what it means.
//!
//! Lookup is one hash probe per word token (lower-cased ASCII, at most 15 bytes), so the
//! recogniser only starts matching at tokens that can begin or belong to an expression.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

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

const TABLE: &[(&str, Lex)] = &[
    ("january", Lex::Month(1, false)),
    ("jan", Lex::Month(1, true)),
    ("february", Lex::Month(2, false)),
    ("feb", Lex::Month(2, true)),
    ("march", Lex::Month(3, false)),
    ("mar", Lex::Month(3, true)),
    ("april", Lex::Month(4, false)),
    ("apr", Lex::Month(4, true)),
    ("may", Lex::Month(5, false)),
    ("june", Lex::Month(6, false)),
    ("jun", Lex::Month(6, true)),
    ("july", Lex::Month(7, false)),
    ("jul", Lex::Month(7, true)),
    ("august", Lex::Month(8, false)),
    ("aug", Lex::Month(8, true)),
    ("september", Lex::Month(9, false)),
    ("sept", Lex::Month(9, true)),
    ("sep", Lex::Month(9, true)),
    ("october", Lex::Month(10, false)),
    ("oct", Lex::Month(10, true)),
    ("november", Lex::Month(11, false)),
    ("nov", Lex::Month(11, true)),
    ("december", Lex::Month(12, false)),
    ("dec", Lex::Month(12, true)),
    ("monday", Lex::Weekday(1, false)),
    ("tuesday", Lex::Weekday(2, false)),
    ("wednesday", Lex::Weekday(3, false)),
    ("thursday", Lex::Weekday(4, false)),
    ("friday", Lex::Weekday(5, false)),
    ("saturday", Lex::Weekday(6, false)),
    ("sunday", Lex::Weekday(7, false)),
    ("mondays", Lex::Weekday(1, true)),
    ("tuesdays", Lex::Weekday(2, true)),
    ("wednesdays", Lex::Weekday(3, true)),
    ("thursdays", Lex::Weekday(4, true)),
    ("fridays", Lex::Weekday(5, true)),
    ("saturdays", Lex::Weekday(6, true)),
    ("sundays", Lex::Weekday(7, true)),
    ("mon", Lex::Weekday(1, false)),
    ("tue", Lex::Weekday(2, false)),
    ("tues", Lex::Weekday(2, false)),
    ("wed", Lex::Weekday(3, false)),
    ("thu", Lex::Weekday(4, false)),
    ("thur", Lex::Weekday(4, false)),
    ("thurs", Lex::Weekday(4, false)),
    ("fri", Lex::Weekday(5, false)),
    ("sat", Lex::Weekday(6, false)),
    ("sun", Lex::Weekday(7, false)),
    ("second", Lex::Unit(Unit::Second, false)),
    ("seconds", Lex::Unit(Unit::Second, true)),
    ("minute", Lex::Unit(Unit::Minute, false)),
    ("minutes", Lex::Unit(Unit::Minute, true)),
    ("hour", Lex::Unit(Unit::Hour, false)),
    ("hours", Lex::Unit(Unit::Hour, true)),
    ("day", Lex::Unit(Unit::Day, false)),
    ("days", Lex::Unit(Unit::Day, true)),
    ("weekend", Lex::Unit(Unit::Weekend, false)),
    ("weekends", Lex::Unit(Unit::Weekend, true)),
    ("week", Lex::Unit(Unit::Week, false)),
    ("weeks", Lex::Unit(Unit::Week, true)),
    ("fortnight", Lex::Unit(Unit::Fortnight, false)),
    ("month", Lex::Unit(Unit::Month, false)),
    ("months", Lex::Unit(Unit::Month, true)),
    ("quarter", Lex::Unit(Unit::Quarter, false)),
    ("quarters", Lex::Unit(Unit::Quarter, true)),
    ("year", Lex::Unit(Unit::Year, false)),
    ("years", Lex::Unit(Unit::Year, true)),
    ("yr", Lex::Unit(Unit::Year, false)),
    ("yrs", Lex::Unit(Unit::Year, true)),
    ("decade", Lex::Unit(Unit::Decade, false)),
    ("decades", Lex::Unit(Unit::Decade, true)),
    ("century", Lex::Unit(Unit::Century, false)),
    ("centuries", Lex::Unit(Unit::Century, true)),
    ("millennium", Lex::Unit(Unit::Millennium, false)),
    ("millennia", Lex::Unit(Unit::Millennium, true)),
    ("one", Lex::Number(1)),
    ("two", Lex::Number(2)),
    ("three", Lex::Number(3)),
    ("four", Lex::Number(4)),
    ("five", Lex::Number(5)),
    ("six", Lex::Number(6)),
    ("seven", Lex::Number(7)),
    ("eight", Lex::Number(8)),
    ("nine", Lex::Number(9)),
    ("ten", Lex::Number(10)),
    ("eleven", Lex::Number(11)),
    ("twelve", Lex::Number(12)),
    ("thirteen", Lex::Number(13)),
    ("fourteen", Lex::Number(14)),
    ("fifteen", Lex::Number(15)),
    ("sixteen", Lex::Number(16)),
    ("seventeen", Lex::Number(17)),
    ("eighteen", Lex::Number(18)),
    ("nineteen", Lex::Number(19)),
    ("twenty", Lex::Number(20)),
    ("thirty", Lex::Number(30)),
    ("forty", Lex::Number(40)),
    ("fifty", Lex::Number(50)),
    ("sixty", Lex::Number(60)),
    ("seventy", Lex::Number(70)),
    ("eighty", Lex::Number(80)),
    ("ninety", Lex::Number(90)),
    ("hundred", Lex::Number(100)),
    ("thousand", Lex::Number(1000)),
    ("dozen", Lex::Number(12)),
    ("first", Lex::Ordinal(1)),
    ("third", Lex::Ordinal(3)),
    ("fourth", Lex::Ordinal(4)),
    ("fifth", Lex::Ordinal(5)),
    ("sixth", Lex::Ordinal(6)),
    ("seventh", Lex::Ordinal(7)),
    ("eighth", Lex::Ordinal(8)),
    ("ninth", Lex::Ordinal(9)),
    ("tenth", Lex::Ordinal(10)),
    ("eleventh", Lex::Ordinal(11)),
    ("twelfth", Lex::Ordinal(12)),
    ("spring", Lex::Season(1)),
    ("summer", Lex::Season(2)),
    ("fall", Lex::Season(3)),
    ("autumn", Lex::Season(3)),
    ("winter", Lex::Season(4)),
    ("morning", Lex::DayPart(DayPart::Morning)),
    ("afternoon", Lex::DayPart(DayPart::Afternoon)),
    ("evening", Lex::DayPart(DayPart::Evening)),
    ("night", Lex::DayPart(DayPart::Night)),
    ("noon", Lex::DayPart(DayPart::Noon)),
    ("midday", Lex::DayPart(DayPart::Noon)),
    ("midnight", Lex::DayPart(DayPart::Midnight)),
    ("today", Lex::DayDeixis(0)),
    ("yesterday", Lex::DayDeixis(-1)),
    ("tomorrow", Lex::DayDeixis(1)),
    ("tonight", Lex::Tonight),
    ("overnight", Lex::Overnight),
    ("now", Lex::Ref(RefKind::Present)),
    ("currently", Lex::Ref(RefKind::Present)),
    ("nowadays", Lex::Ref(RefKind::Present)),
    ("presently", Lex::Ref(RefKind::Present)),
    ("recently", Lex::Ref(RefKind::Past)),
    ("lately", Lex::Ref(RefKind::Past)),
    ("previously", Lex::Ref(RefKind::Past)),
    ("formerly", Lex::Ref(RefKind::Past)),
    ("once", Lex::Ref(RefKind::Past)),
    ("soon", Lex::Ref(RefKind::Future)),
    ("future", Lex::Ref(RefKind::Future)),
    ("daily", Lex::Set(Unit::Day)),
    ("nightly", Lex::Set(Unit::Day)),
    ("weekly", Lex::Set(Unit::Week)),
    ("monthly", Lex::Set(Unit::Month)),
    ("quarterly", Lex::Set(Unit::Quarter)),
    ("annually", Lex::Set(Unit::Year)),
    ("annual", Lex::Set(Unit::Year)),
    ("yearly", Lex::Set(Unit::Year)),
    ("hourly", Lex::Set(Unit::Hour)),
    ("christmas", Lex::Holiday(12, 25)),
    ("thanksgiving", Lex::Holiday(0, 0)),
    ("easter", Lex::Holiday(0, 1)),
    ("halloween", Lex::Holiday(10, 31)),
    ("election", Lex::Holiday(0, 2)),
    ("the", Lex::Word(W::The)),
    ("a", Lex::Word(W::A)),
    ("an", Lex::Word(W::A)),
    ("this", Lex::Word(W::This)),
    ("these", Lex::Word(W::This)),
    ("that", Lex::Word(W::That)),
    ("those", Lex::Word(W::That)),
    ("last", Lex::Word(W::Last)),
    ("next", Lex::Word(W::Next)),
    ("past", Lex::Word(W::Past)),
    ("coming", Lex::Word(W::Coming)),
    ("upcoming", Lex::Word(W::Coming)),
    ("previous", Lex::Word(W::Previous)),
    ("preceding", Lex::Word(W::Previous)),
    ("prior", Lex::Word(W::Previous)),
    ("following", Lex::Word(W::Following)),
    ("subsequent", Lex::Word(W::Following)),
    ("current", Lex::Word(W::Current)),
    ("same", Lex::Word(W::Same)),
    ("ago", Lex::Word(W::Ago)),
    ("earlier", Lex::Word(W::Earlier)),
    ("before", Lex::Word(W::Earlier)),
    ("later", Lex::Word(W::Later)),
    ("after", Lex::Word(W::Later)),
    ("hence", Lex::Word(W::Later)),
    ("early", Lex::Word(W::Early)),
    ("late", Lex::Word(W::Late)),
    ("mid", Lex::Word(W::Mid)),
    ("middle", Lex::Word(W::Middle)),
    ("end", Lex::Word(W::End)),
    ("beginning", Lex::Word(W::Beginning)),
    ("start", Lex::Word(W::Beginning)),
    ("of", Lex::Word(W::Of)),
    ("and", Lex::Word(W::And)),
    ("or", Lex::Word(W::And)),
    ("to", Lex::Word(W::To)),
    ("through", Lex::Word(W::To)),
    ("until", Lex::Word(W::To)),
    ("till", Lex::Word(W::To)),
    ("from", Lex::Word(W::From)),
    ("between", Lex::Word(W::From)),
    ("every", Lex::Word(W::Every)),
    ("each", Lex::Word(W::Every)),
    ("per", Lex::Word(W::Every)),
    ("fiscal", Lex::Word(W::Fiscal)),
    ("about", Lex::Word(W::About)),
    ("around", Lex::Word(W::About)),
    ("approximately", Lex::Word(W::About)),
    ("roughly", Lex::Word(W::About)),
    ("some", Lex::Word(W::Few)),
    ("nearly", Lex::Word(W::Nearly)),
    ("almost", Lex::Word(W::Nearly)),
    ("more", Lex::Word(W::More)),
    ("over", Lex::Word(W::More)),
    ("less", Lex::Word(W::Less)),
    ("fewer", Lex::Word(W::Less)),
    ("under", Lex::Word(W::Less)),
    ("than", Lex::Word(W::Than)),
    ("at", Lex::Word(W::At)),
    ("least", Lex::Word(W::Least)),
    ("most", Lex::Word(W::Most)),
    ("up", Lex::Word(W::Up)),
    ("few", Lex::Word(W::Few)),
    ("several", Lex::Word(W::Few)),
    ("many", Lex::Word(W::Few)),
    ("couple", Lex::Word(W::Few)),
    ("recent", Lex::Word(W::Recent)),
    ("in", Lex::Word(W::In)),
    ("on", Lex::Word(W::In)),
    ("half", Lex::Word(W::HalfWord)),
    ("latest", Lex::Word(W::Latest)),
    ("full", Lex::Word(W::Full)),
    ("whole", Lex::Word(W::Full)),
    ("entire", Lex::Word(W::Full)),
    ("am", Lex::Word(W::Am)),
    ("pm", Lex::Word(W::Pm)),
    ("est", Lex::Word(W::Zone)),
    ("edt", Lex::Word(W::Zone)),
    ("cst", Lex::Word(W::Zone)),
    ("cdt", Lex::Word(W::Zone)),
    ("pst", Lex::Word(W::Zone)),
    ("pdt", Lex::Word(W::Zone)),
    ("gmt", Lex::Word(W::Zone)),
    ("utc", Lex::Word(W::Zone)),
    ("et", Lex::Word(W::Zone)),
    ("kst", Lex::Word(W::Zone)),
    ("trading", Lex::Word(W::DayAdj)),
    ("business", Lex::Word(W::DayAdj)),
    ("calendar", Lex::Word(W::DayAdj)),
    ("other", Lex::Word(W::Other)),
    ("twenties", Lex::DecadeWord(2)),
    ("thirties", Lex::DecadeWord(3)),
    ("forties", Lex::DecadeWord(4)),
    ("fifties", Lex::DecadeWord(5)),
    ("sixties", Lex::DecadeWord(6)),
    ("seventies", Lex::DecadeWord(7)),
    ("eighties", Lex::DecadeWord(8)),
    ("nineties", Lex::DecadeWord(9)),
];

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
