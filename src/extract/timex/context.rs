//! Direction from context: does a relative date (`Tuesday`, `April`) point back or ahead?
//!
//! The governing verb group decides: the nearest tense cue to the left of the expression
//! within its sentence (`will`, `set to hold`, `met`, `said`), else the nearest to the right.

use super::expr::{Expr, Qty};
use super::lexicon::{FUTURE_CUES, Lex, NOT_PAST_ED, PAST_VERBS, Unit, W};
use super::recognise::Toks;
use super::tokens::Kind;

/// Which way a relative expression points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Before the anchor (or on it).
    Past,
    /// After the anchor (or on it).
    Future,
    /// No tense cue, or present tense: the nearest occurrence.
    Unknown,
}

/// The direction and the words that decided it (for the derivation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The direction.
    pub dir: Direction,
    /// The cue as written (`are set to hold`), empty when none.
    pub words: String,
}

/// How far (in tokens) to look for a tense cue.
const LEFT_WINDOW: usize = 14;
const RIGHT_WINDOW: usize = 6;
/// How far to look right from an expression that opens its sentence (`On Tuesday, the
/// National Abortion Rights Action League plans to …`): the main verb follows a subject.
const FRONTED_WINDOW: usize = 16;

/// Words that may come before a fronted time expression at the start of a sentence.
const FRONTING_WORDS: &[&str] =
    &["on", "by", "in", "since", "until", "also", "and", "but", "then", "earlier", "later", "early", "late"];

/// The expression at `start` opens its sentence (after at most two fronting words and an
/// opening quote): its clause's verb comes after the subject, further right than usual.
fn fronted(t: &Toks, lo: usize, start: usize) -> bool {
    let words =
        (lo..start).filter(|&k| !matches!(t.get(k).map(|x| x.kind), Some(Kind::Punct('"' | '\'' | '`'))));
    let mut n = 0;
    for k in words {
        n += 1;
        if n > 2 || !FRONTING_WORDS.iter().any(|w| t.word_is(k, w)) {
            return false;
        }
    }
    true
}

fn lower(t: &Toks, i: usize) -> super::recognise::Lower {
    t.lower(i)
}

fn is_past_form(w: &str) -> bool {
    if PAST_VERBS.contains(&w) {
        return true;
    }
    w.len() > 4 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w)
}

/// Stops the scan: sentence-internal boundaries between clauses that rarely share a verb.
fn boundary(t: &Toks, i: usize) -> bool {
    t.get(i).is_some_and(|tok| match tok.kind {
        // The dot of an abbreviation (`a.m.`, `Sept.`, `U.S.`) does not end a clause.
        Kind::Punct('.') => !(i > 0 && t.glued(i) && t.word(i - 1).len() <= 4),
        Kind::Punct(';' | '"' | '(' | ')' | '?' | '!') => true,
        _ => false,
    })
}

/// Judges the verb group around token `i`: Some(direction) if `i` is a tense cue.
fn judge(t: &Toks, i: usize, lo: usize) -> Option<(Direction, usize, usize)> {
    let lw = lower(t, i);
    let w = lw.as_str();
    if w.is_empty() {
        return None;
    }
    // `'ll`
    if w == "ll" && t.glued_p(i.wrapping_sub(1), '\'') {
        return Some((Direction::Future, i.saturating_sub(2).max(lo), i + 1));
    }
    if matches!(w, "will" | "shall" | "would") {
        return Some((Direction::Future, i, i + 2));
    }
    // `is to resume`, `are to meet`
    if w == "to"
        && i > lo
        && matches!(lower(t, i - 1).as_str(), "is" | "are" | "am" | "was" | "were")
        && t.get(i + 1).is_some_and(|n| n.kind == Kind::Word && !n.capital)
    {
        return Some((Direction::Future, i - 1, i + 2));
    }
    // `plans to meet`, `agreed to resume`, `did not plan to remove`: what is intended,
    // agreed or expected lies ahead of the intention, whatever the tense of the intending verb
    // (unless it was an old plan: `had planned to`).
    if w == "to"
        && t.get(i + 1).is_some_and(|n| n.kind == Kind::Word && !n.capital)
        && let Some(v) = intention_before(t, i, lo)
    {
        let dir = if old_plan(t, v, lo) { Direction::Past } else { Direction::Future };
        return Some((dir, aux_start(t, v, lo), i + 2));
    }
    // `ahead of the weekend`: a time not yet reached.
    if w == "ahead" && t.word_is(i + 1, "of") {
        return Some((Direction::Future, i, i + 2));
    }
    // `as early as Tuesday`, `as soon as next week`: a time not yet reached.
    if matches!(w, "early" | "soon") && i > lo && t.word_is(i - 1, "as") && t.word_is(i + 1, "as") {
        return Some((Direction::Future, i - 1, i + 2));
    }
    if matches!(w, "can" | "could" | "may" | "might" | "must" | "should") && !t.capital(i) {
        return Some((Direction::Unknown, i, i + 2));
    }
    if matches!(
        w,
        "going"
            | "set"
            | "due"
            | "expected"
            | "scheduled"
            | "slated"
            | "planned"
            | "plans"
            | "planning"
            | "intends"
            | "aims"
            | "hopes"
            | "likely"
    ) && (t.word_is(i + 1, "to") || matches!(w, "scheduled" | "slated" | "expected" | "planned"))
    {
        let from = aux_start(t, i, lo);
        let dir = if old_plan(t, i, lo) { Direction::Past } else { Direction::Future };
        return Some((dir, from, (i + 3).min(t.len())));
    }

    // `next`, `coming` (not the preposition `next to`).
    if matches!(t.lex(i), Lex::Word(W::Next | W::Coming)) && !t.word_is(i + 1, "to") {
        return Some((Direction::Future, i, i + 1));
    }
    if matches!(t.lex(i), Lex::Word(W::Ago)) || w == "since" {
        return Some((Direction::Past, i, i + 1));
    }
    if matches!(w, "was" | "were" | "had" | "did") {
        return Some((Direction::Past, i, i + 1));
    }
    // `plans a July trip`, `expects a decision in May`: the planned or expected thing lies
    // ahead, as with `plans to`.
    if matches!(w, "plans" | "planning" | "intends" | "proposes" | "expects")
        && matches!(lower(t, i + 1).as_str(), "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our")
    {
        return Some((Direction::Future, aux_start(t, i, lo), i + 1));
    }
    // `a still unspecified date`, `the reported figures`: a participle after a determiner
    // describes a noun and says nothing about when. A capitalised word inside a sentence is a
    // name (`Allied Signal`, `United Airlines`), not a verb; all-capitals text (a headline,
    // `U.S. TO SET DUTIES MONDAY`) says nothing about names.
    let name = i > 0 && t.capital(i) && t.word(i).chars().skip(1).any(char::is_lowercase);
    if is_past_form(w) && !after_determiner(t, i, lo) && !name {
        // The auxiliary decides: `will be held` is future, `has been held` past; conjoined
        // participles share it (`could be finalized and announced`).
        let mut k = i;
        let mut reach = 3;
        while k > lo && k + reach > i {
            k -= 1;
            let la = lower(t, k);
            let a = la.as_str();
            if matches!(a, "and" | "or") && k > lo && is_past_form(lower(t, k - 1).as_str()) {
                k -= 1;
                reach += 2;
                continue;
            }
            if matches!(a, "will" | "shall" | "to") || (a == "ll" && t.glued_p(k.wrapping_sub(1), '\'')) {
                return Some((Direction::Future, k, i + 1));
            }
            if matches!(a, "is" | "are" | "am" | "can" | "could" | "may" | "might" | "must" | "should") {
                return Some((Direction::Unknown, k, i + 1));
            }
            if a == "would" {
                return Some((Direction::Future, k, i + 1));
            }
            if !matches!(
                a,
                "be" | "been"
                    | "being"
                    | "not"
                    | "also"
                    | "already"
                    | "has"
                    | "have"
                    | "had"
                    | "was"
                    | "were"
            ) {
                break;
            }
        }
        let from = aux_start(t, i, lo);
        return Some((Direction::Past, from, i + 1));
    }
    // `the talks resume Monday`, `the law takes effect Jan. 1`: a scheduled event in the
    // present tense lies ahead (not `did not meet`, not the noun `the start`).
    if SCHEDULED_PRESENT.contains(&w)
        && !after_determiner(t, i, lo)
        && !after_auxiliary(t, i, lo)
        && (!w.starts_with("take") || t.word_is(i + 1, "effect"))
    {
        return Some((Direction::Future, i, i + 1 + usize::from(w.starts_with("take"))));
    }
    if matches!(w, "is" | "are" | "am" | "says" | "say") {
        return Some((Direction::Unknown, i, i + 1));
    }
    let _ = FUTURE_CUES;
    None
}

/// The verb at `i` follows an auxiliary or `to` (`did not meet`, `to resume`, `could begin`):
/// the auxiliary decides the tense, not the verb.
fn after_auxiliary(t: &Toks, i: usize, lo: usize) -> bool {
    let mut k = i;
    while k > lo && i - k < 4 {
        k -= 1;
        let lw = lower(t, k);
        match lw.as_str() {
            "not" | "never" | "t" | "" => continue,
            w => {
                return matches!(
                    w,
                    "did"
                        | "didn"
                        | "had"
                        | "hadn"
                        | "to"
                        | "was"
                        | "were"
                        | "could"
                        | "would"
                        | "should"
                        | "might"
                        | "may"
                        | "must"
                        | "can"
                        | "cannot"
                        | "will"
                        | "won"
                        | "does"
                        | "doesn"
                        | "do"
                        | "don"
                );
            }
        }
    }
    false
}

/// Present-tense verbs of events that are scheduled (`the talks resume Monday`); not `starts`,
/// which is mostly the noun of `housing starts`, nor `ends`, which in earnings reports names a
/// period already over (`Qtr ends Jan 31` in a March report).
const SCHEDULED_PRESENT: &[&str] = &[
    "begins",
    "opens",
    "expires",
    "resumes",
    "convenes",
    "meets",
    "meet",
    "arrives",
    "takes",
    "take",
    "begin",
    "resume",
    "convene",
    "travels",
    "visits",
    "leaves",
    "flies",
    "departs",
    "goes",
    "go",
    "closes",
    "reopens",
    "reopen",
    "concludes",
    "holds",
    "hosts",
    "plays",
    "faces",
];

/// Verbs of intending, agreeing or expecting whose `to`-infinitive points ahead, by stem.
const INTENTION_STEMS: &[&str] = &[
    "plan", "intend", "agree", "decid", "want", "hope", "expect", "promis", "pledg", "vow", "threat", "aim",
    "prepar", "seek", "sought", "schedul", "poised", "vote", "propos", "offer",
];

/// The token of an intention verb right before the `to` at `i` (`plan to`, `not plan to`).
fn intention_before(t: &Toks, i: usize, lo: usize) -> Option<usize> {
    let v = i.checked_sub(1).filter(|&v| v >= lo)?;
    let lw = lower(t, v);
    let w = lw.as_str();
    let stem_ok = INTENTION_STEMS.iter().any(|s| w.starts_with(s))
        && !w.starts_with("plant")
        && !w.starts_with("plane");
    stem_ok.then_some(v)
}

/// `had planned to`, `had been scheduled to expire Friday`: a plan seen from the past, now over.
fn old_plan(t: &Toks, v: usize, lo: usize) -> bool {
    (v > lo && lower(t, v - 1).as_str() == "had")
        || (v > lo + 1 && lower(t, v - 1).as_str() == "been" && lower(t, v - 2).as_str() == "had")
}

/// Verbs that move a deadline or an event: `postponed until Tuesday` is ahead of the act.
const DEFERRAL_STEMS: &[&str] =
    &["postpon", "delay", "extend", "defer", "adjourn", "reschedul", "recess", "put off", "pushed back"];

/// `postponed until Tuesday morning`, `extended its deadline until 9 a.m. Tuesday`,
/// `was extended to Nov. 16`: the new time set by a deferral lies ahead.
fn deferred_to(t: &Toks, lo: usize, start: usize) -> Option<Cue> {
    let p = start.checked_sub(1).filter(|&p| p >= lo)?;
    if !matches!(lower(t, p).as_str(), "until" | "till" | "to") {
        return None;
    }
    let stop = lo.max(p.saturating_sub(6));
    let mut k = p;
    while k > stop {
        k -= 1;
        if boundary(t, k) || t.is_p(k, ',') {
            return None;
        }
        let lw = lower(t, k);
        let w = lw.as_str();
        let next = lower(t, k + 1);
        let two = |s: &str| s.split_once(' ').is_some_and(|(a, b)| a == w && b == next.as_str());
        if DEFERRAL_STEMS.iter().any(|s| w.starts_with(s) || two(s)) {
            return Some(cue(t, Direction::Future, k, p + 1));
        }
    }
    None
}

/// A possessive weekday (`Wednesday's ruling`, `Saturday night's debate`) names an event; in
/// news it is one already held (or today's) unless marked as coming (`ahead of Sunday's vote`,
/// `next Tuesday's election`, `the upcoming Friday's game`).
pub fn possessive_day(t: &Toks, lo: usize, start: usize, end: usize, cue: &Cue) -> Option<Cue> {
    let possessive =
        t.glued_p(end, '\'') && t.word_is(end + 1, "s") || t.glued_p(end, '’') && t.word_is(end + 1, "s");
    if !possessive {
        return None;
    }
    let marked = (lo.max(start.saturating_sub(3))..start).any(|k| {
        matches!(lower(t, k).as_str(), "ahead" | "upcoming" | "coming" | "next" | "scheduled" | "planned")
    });
    if marked && cue.dir == Direction::Future {
        return None;
    }
    Some(Cue { dir: Direction::Past, words: "an event named by the day".to_string() })
}

/// Words that open a noun phrase: a participle after them is an adjective.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "our", "your", "my", "these", "those", "each", "every",
    "no", "any", "some",
];

/// The word at `i` follows a determiner, directly or after one adverb (`a still unspecified`).
fn after_determiner(t: &Toks, i: usize, lo: usize) -> bool {
    let det = |k: usize| k >= lo && DETERMINERS.contains(&lower(t, k).as_str());
    let adverb = |k: usize| lower(t, k).as_str().ends_with("ly") || t.word_is(k, "still");
    (i > lo && det(i - 1)) || (i > lo + 1 && adverb(i - 1) && det(i - 2))
}

/// Moves left over auxiliaries so the cue reads naturally (`are set to`).
fn aux_start(t: &Toks, i: usize, lo: usize) -> usize {
    let mut k = i;
    while k > lo {
        let la = lower(t, k - 1);
        let a = la.as_str();
        if matches!(
            a,
            "is" | "are"
                | "am"
                | "was"
                | "were"
                | "be"
                | "been"
                | "will"
                | "has"
                | "have"
                | "had"
                | "set"
                | "also"
        ) {
            k -= 1;
        } else {
            break;
        }
    }
    k
}

/// A comma between items of a list: an `and`/`or` or another comma follows within a few
/// words, before the expression at `start`.
fn list_comma(t: &Toks, i: usize, start: usize) -> bool {
    (i + 2..(i + 5).min(start)).any(|k| t.is_w(k, W::And) || t.is_p(k, ','))
}

/// The direction for the expression at tokens `start..end` of a sentence spanning
/// tokens `lo..hi`.
pub fn direction(t: &Toks, lo: usize, hi: usize, start: usize, end: usize) -> Cue {
    if let Some(c) = deferred_to(t, lo, start) {
        return c;
    }
    let mut i = start;
    let left_stop = lo.max(start.saturating_sub(LEFT_WINDOW));
    while i > left_stop {
        i -= 1;
        // A comma ends the clause (`authorized a split, payable Dec. 7` is not past),
        // unless it separates items of a list (`chairman, president and chief executive`).
        if boundary(t, i) || (t.is_p(i, ',') && !list_comma(t, i, start)) {
            break;
        }
        if let Some((dir, a, b)) = judge(t, i, lo) {
            return cue(t, dir, a, b.min(start).max(i + 1));
        }
    }
    let is_fronted = fronted(t, lo, start);
    let right_stop = hi.min(end + if is_fronted { FRONTED_WINDOW } else { RIGHT_WINDOW });
    let mut i = end;
    while i < right_stop {
        if boundary(t, i) {
            break;
        }
        if lower(t, i).as_str() != "to"
            && let Some((dir, a, b)) = judge(t, i, end)
        {
            // `On Sunday, he is expected to arrive`: after a fronted day the copula opens the
            // future cue that follows it (not so inside a subject: `output, down in January,
            // is likely to rise`).
            if is_fronted
                && dir == Direction::Unknown
                && matches!(lower(t, i).as_str(), "is" | "are" | "am")
                && let Some((Direction::Future, _, b2)) = judge(t, i + 1, end)
            {
                return cue(t, Direction::Future, i, b2);
            }
            return cue(t, dir, a.max(end), b);
        }
        i += 1;
    }
    Cue { dir: Direction::Unknown, words: String::new() }
}

fn cue(t: &Toks, dir: Direction, a: usize, b: usize) -> Cue {
    let (Some(first), Some(last)) = (t.get(a), t.get(b.saturating_sub(1).max(a))) else {
        return Cue { dir, words: String::new() };
    };
    let words = t.text.get(first.start..last.end).unwrap_or("").to_string();
    Cue { dir, words }
}

/// Rereads a length of time by its context: `will be repaid in five years` is the date
/// five years ahead, not a duration (`in five years` with a past verb stays a length).
pub fn reread(expr: Expr, t: &Toks, start: usize, end: usize, cue: &Cue) -> Expr {
    match expr {
        // A range (`in two to three years`) stays a length: no one date stands for it; so does
        // a stretch from now (`in the next six months`).
        Expr::Duration { unit, n: n @ Qty::Exact(_) }
            if cue.dir == Direction::Future
                && start > 0
                && t.word_is(start - 1, "in")
                && !t.word_is(start, "the")
                && !super::recognise::has_range(t, start, end)
                && !matches!(unit, Unit::Second | Unit::Minute | Unit::Quarter | Unit::Half)
                && !counts_a_gap(t, start) =>
        {
            Expr::Offset { unit, n, sign: 1, from_ref: false }
        }
        e => e,
    }
}

/// `the first visit in two decades`, `the highest level in five years`: a record or a first
/// counted over a length of time, not a date ahead.
fn counts_a_gap(t: &Toks, start: usize) -> bool {
    (start.saturating_sub(12)..start).any(|k| {
        let l = t.lower(k);
        let w = l.as_str();
        matches!(w, "first" | "last" | "only" | "ever" | "time" | "best" | "worst" | "since")
            || (w.len() > 5 && w.ends_with("est"))
    })
}
