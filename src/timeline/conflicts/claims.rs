//! Claims about history, read from one article: when something was set up, changed
//! level, or was held; and "the first … since X" claims. Predicate words are data
//! ([`ORIGIN_CUES`], [`LEVEL_CUES`], [`OCCURRENCE_CUES`]); dates come from the timexes of
//! the predicate's own clause, else (for a participle or a present perfect) from the
//! sentence's main clause or the article's anchor.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use crate::extract::ArticleAnalysis;
use crate::extract::events::clause::slice;
use crate::extract::events::lexicon;
use crate::model::{Article, Sentence, Span, Timex, TimexType};
use crate::text::find_word;

/// Words saying something was created.
#[rustfmt::skip]
pub const ORIGIN_CUES: &[&str] = &[
    "set up", "established", "founded", "inaugurated", "first held", "was formed", "were formed",
];
/// Words saying something changed level.
#[rustfmt::skip]
pub const LEVEL_CUES: &[&str] = &[
    "upgraded", "upgrading", "elevated", "elevating", "raised", "raising", "promoted",
    "downgraded", "downgrading", "lowered",
];
/// Words saying something took place.
#[rustfmt::skip]
pub const OCCURRENCE_CUES: &[&str] = &[
    "held", "organised", "organized", "took place", "convened", "hosted", "met",
];

/// What a history claim says happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Predicate {
    /// Set up, founded, launched.
    Origin,
    /// Upgraded or downgraded to a level.
    LevelChange,
    /// Held, took place.
    Occurrence,
}

/// One dated claim about a thing's history.
#[derive(Clone, Debug)]
pub struct HistoryClaim {
    /// Index of the article.
    pub article: usize,
    /// What it says happened.
    pub predicate: Predicate,
    /// The predicate word as written.
    pub cue: String,
    /// The level it was at or moved to (`vice-ministerial`), if stated.
    pub level: Option<String>,
    /// The periods it names (one per conjoined timex).
    pub periods: Vec<(NaiveDate, NaiveDate)>,
    /// True when the date is the article's own time (present perfect), not a timex.
    pub approximate: bool,
    /// Topic words: the sentence's keywords (and the previous sentence's after a pronoun).
    pub topic: Vec<String>,
    /// The sentence.
    pub evidence: Span,
}

/// "The first … since X" (or "for the first time in N years").
#[derive(Clone, Debug)]
pub struct FirstSince {
    /// Index of the article.
    pub article: usize,
    /// The period X names.
    pub since: (NaiveDate, NaiveDate),
    /// When the "first" happening is (the sentence's date, or the article's anchor).
    pub at: NaiveDate,
    /// The words between `first` and `since` (`diplomatic security dialogue`), if any.
    pub head: Vec<String>,
    /// Topic words of the sentence.
    pub topic: Vec<String>,
    /// The sentence.
    pub evidence: Span,
}

/// All history and first-since claims of one article.
///
/// Most sentences cannot hold a claim: every claim needs a date from one of the sentence's
/// timexes, except a present perfect ("has been upgraded") dated by the article's anchor.
/// Those sentences are passed over before any lower-casing or keyword work.
pub fn read(ai: usize, article: &Article, an: &ArticleAnalysis) -> (Vec<HistoryClaim>, Vec<FirstSince>) {
    let text: &str = &article.text;
    let index = TimexIndex::new(&an.timexes);
    let mut history = Vec::new();
    let mut firsts = Vec::new();
    let mut prev: Option<&Sentence> = None;
    for s in &an.doc.sentences {
        if s.end <= article.body_start {
            continue;
        }
        let sentence = slice(text, s.start, s.end);
        let timexes = index.within(s.start, s.end);
        let dated = !timexes.is_empty() || (an.anchor.is_some() && contains_ascii_ci(sentence, "been"));
        if dated && may_hold_cue(sentence) {
            let found = read_sentence(s, sentence, &timexes, an.anchor);
            if !found.is_empty() {
                let topic = topic_words(sentence, prev.map(|p| slice(text, p.start, p.end)));
                let evidence = Span::from_text(text, s.start, s.end);
                found.into_claims(ai, topic, evidence, &mut history, &mut firsts);
            }
        }
        prev = Some(s);
    }
    (history, firsts)
}

/// The first words of the cues (and `first`, of "the first … since"), by length: a
/// sentence claims nothing unless one of them is among its words.
static CUE_HEADS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let cues = ORIGIN_CUES.iter().chain(LEVEL_CUES).chain(OCCURRENCE_CUES);
    let heads: Vec<&str> = cues.filter_map(|c| c.split(' ').next()).chain(["first"]).collect();
    let mut by_len = vec![Vec::new(); heads.iter().map(|h| h.len() + 1).max().unwrap_or(0)];
    for h in heads {
        if !by_len[h.len()].contains(&h) {
            by_len[h.len()].push(h);
        }
    }
    by_len
});

/// False when `sentence` cannot hold a claim because none of its words is a cue's first
/// word ([`read_sentence`] finds nothing then). Decided on the sentence as written for
/// ASCII text, where lower-casing changes no word boundary; other text is always read.
fn may_hold_cue(sentence: &str) -> bool {
    if !sentence.is_ascii() {
        return true;
    }
    sentence
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| CUE_HEADS.get(w.len()).is_some_and(|heads| heads.iter().any(|h| w.eq_ignore_ascii_case(h))))
}

/// Topic words of a claim's sentence: its keywords, and the previous sentence's when it
/// starts with a pronoun (`It was upgraded in 2019`).
fn topic_words(sentence: &str, previous: Option<&str>) -> Vec<String> {
    let mut topic = lexicon::keywords(sentence);
    if starts_with_pronoun(sentence) {
        topic.extend(previous.map(lexicon::keywords).unwrap_or_default());
    }
    topic
}

/// What one sentence claims, before its topic words and evidence are attached (they are
/// computed only for the few sentences that claim something).
#[derive(Default)]
struct SentenceClaims {
    history: Vec<HistoryParts>,
    first: Option<FirstParts>,
}

/// `(predicate, cue, level, periods, approximate)` of a [`HistoryClaim`].
type HistoryParts = (Predicate, &'static str, Option<String>, Vec<(NaiveDate, NaiveDate)>, bool);

/// `(since, at, head)` of a [`FirstSince`] claim.
type FirstParts = ((NaiveDate, NaiveDate), NaiveDate, Vec<String>);

impl SentenceClaims {
    fn is_empty(&self) -> bool {
        self.history.is_empty() && self.first.is_none()
    }

    fn into_claims(
        self,
        ai: usize,
        topic: Vec<String>,
        evidence: Span,
        history: &mut Vec<HistoryClaim>,
        firsts: &mut Vec<FirstSince>,
    ) {
        for (predicate, cue, level, periods, approximate) in self.history {
            history.push(HistoryClaim {
                article: ai,
                predicate,
                cue: cue.to_string(),
                level,
                periods,
                approximate,
                topic: topic.clone(),
                evidence: evidence.clone(),
            });
        }
        if let Some((since, at, head)) = self.first {
            firsts.push(FirstSince { article: ai, since, at, head, topic, evidence });
        }
    }
}
/// The claims of one sentence (`s`, whose text is `sentence`), dated by `timexes` (those
/// inside it, in article order) or, for a present perfect, by `anchor`.
fn read_sentence(
    s: &Sentence,
    sentence: &str,
    timexes: &[&Timex],
    anchor: Option<NaiveDate>,
) -> SentenceClaims {
    let lower = sentence.to_lowercase();
    // A cue matches whole words, so its first word is one of the sentence's words: cues
    // whose first word is absent are not searched for.
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let present = |cue: &str| cue.split(' ').next().is_some_and(|head| words.contains(&head));
    let mut found = SentenceClaims::default();
    for (cues, predicate) in [
        (ORIGIN_CUES, Predicate::Origin),
        (LEVEL_CUES, Predicate::LevelChange),
        (OCCURRENCE_CUES, Predicate::Occurrence),
    ] {
        for cue in cues.iter().filter(|c| present(c)) {
            let Some(at) = find_word(&lower, cue) else { continue };
            let (seg_start, seg_end) = segment(&lower, at);
            let mut periods: Vec<(NaiveDate, NaiveDate)> = timexes
                .iter()
                .filter(|t| t.start >= s.start + seg_start && t.end <= s.start + seg_end)
                .filter(|t| !after_since(&lower, t.start - s.start))
                .filter_map(|t| period(t))
                .collect();
            let mut approximate = false;
            if periods.is_empty() {
                let participle = cue.ends_with("ing");
                let perfect = lower[..at].trim_end().ends_with("has been")
                    || lower[..at].trim_end().ends_with("have been");
                if participle {
                    periods = timexes
                        .iter()
                        .filter(|t| t.end <= s.start + seg_start && !after_since(&lower, t.start - s.start))
                        .filter_map(|t| period(t))
                        .take(1)
                        .collect();
                } else if perfect && let Some(d) = anchor {
                    periods = vec![(d, d)];
                    approximate = true;
                }
            }
            let level = level_after(&lower, at, seg_end);
            // `raised prices` is no change of level: a level change must name its level.
            if periods.is_empty() || (predicate == Predicate::LevelChange && level.is_none()) {
                continue;
            }
            found.history.push((predicate, cue, level, periods, approximate));
            break;
        }
    }
    if present("first") {
        found.first = first_since(&lower, s.start, timexes, anchor);
    }
    found
}

/// Timexes ordered by start, to find those inside a sentence without scanning them all.
struct TimexIndex<'a> {
    all: &'a [Timex],
    /// Indices into `all`, by start (ties: article order).
    by_start: Vec<usize>,
}

impl<'a> TimexIndex<'a> {
    fn new(all: &'a [Timex]) -> Self {
        let mut by_start: Vec<usize> = (0..all.len()).collect();
        by_start.sort_by_key(|&i| all[i].start);
        TimexIndex { all, by_start }
    }

    /// The timexes within `start..end`, in article order.
    fn within(&self, start: usize, end: usize) -> Vec<&'a Timex> {
        let from = self.by_start.partition_point(|&i| self.all[i].start < start);
        let mut hits: Vec<usize> = self.by_start[from..]
            .iter()
            .copied()
            .take_while(|&i| self.all[i].start <= end)
            .filter(|&i| self.all[i].end <= end)
            .collect();
        hits.sort_unstable();
        hits.into_iter().map(|i| &self.all[i]).collect()
    }
}

/// True when `haystack` contains the ASCII word piece `needle` (lower case) in any letter
/// case (no other character lower-cases to an ASCII letter that could complete it).
pub(super) fn contains_ascii_ci(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else { return true };
    let mut from = 0;
    // Candidates are found by their first byte (either case), then compared whole.
    while let Some(i) = h.get(from..).and_then(|t| memchr::memchr2(first, first.to_ascii_uppercase(), t)) {
        let at = from + i;
        if h.get(at + 1..at + n.len()).is_some_and(|t| t.eq_ignore_ascii_case(rest)) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// A "first … since X" / "first time in N years" claim of one sentence.
/// Returns `(since, at, head)` of [`FirstSince`].
fn first_since(
    lower: &str,
    offset: usize,
    timexes: &[&Timex],
    anchor: Option<NaiveDate>,
) -> Option<FirstParts> {
    let first = find_word(lower, "first")?;
    // The sentence's own date: a timex not after `since`, else the article's anchor.
    let at = timexes
        .iter()
        .filter(|t| {
            !after_since(lower, t.start - offset) && matches!(t.kind, TimexType::Date | TimexType::Time)
        })
        .filter(|t| t.precision.is_some_and(|p| p <= crate::model::Precision::Week))
        .find_map(|t| t.start_day)
        .or(anchor)?;
    let rest = &lower[first..];
    if let Some(since) = find_word(rest, "since").map(|i| first + i) {
        let words_to_since = lower[first..since].split_whitespace().count();
        if words_to_since > 8 {
            return None;
        }
        let since_tx = timexes.iter().find(|t| {
            let rel = t.start.saturating_sub(offset);
            rel > since && lower[since..rel].split_whitespace().count() <= 10 && t.kind == TimexType::Date
        })?;
        let head = lexicon::keywords(&lower[first + "first".len()..since]);
        let head = head.into_iter().filter(|w| w != "time").collect();
        return Some((period(since_tx)?, at, head));
    }
    // "for the first time in nine years": a duration back from the sentence's date.
    let dur = timexes.iter().find(|t| {
        let rel = t.start.saturating_sub(offset);
        t.kind == TimexType::Duration && rel > first && lower[first..rel].split_whitespace().count() <= 4
    })?;
    let years: i32 = dur.value.strip_prefix('P')?.strip_suffix('Y')?.parse().ok()?;
    let y = at.year() - years;
    let since = (NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?);
    Some((since, at, Vec::new()))
}

/// The days a resolved DATE timex covers.
fn period(t: &Timex) -> Option<(NaiveDate, NaiveDate)> {
    if t.kind != TimexType::Date || t.value.contains('X') || t.value.starts_with('P') {
        return None;
    }
    Some((t.start_day?, t.end_day?))
}

/// True when the timex at byte `rel` of the sentence is governed by `since`.
fn after_since(lower: &str, rel: usize) -> bool {
    let before = lower.get(..rel).unwrap_or("");
    before
        .rsplit_once("since")
        .is_some_and(|(_, gap)| gap.split_whitespace().count() <= 10 && !gap.contains(','))
}

/// The comma-delimited segment of `lower` around byte `at`.
fn segment(lower: &str, at: usize) -> (usize, usize) {
    let start = lower[..at].rfind([',', ';']).map_or(0, |i| i + 1);
    let end = lower[at..].find([',', ';']).map_or(lower.len(), |i| at + i);
    (start, end)
}

/// The level named after the cue: `to (the) X level`, `at (the) X level`.
fn level_after(lower: &str, at: usize, seg_end: usize) -> Option<String> {
    let seg = lower.get(at..seg_end)?;
    let lv = seg.find(" level")?;
    let head = &seg[..lv];
    let from = [" to ", " at "].iter().filter_map(|p| head.rfind(p).map(|i| i + p.len())).max()?;
    let level = head[from..].trim().trim_start_matches("the ").trim();
    (!level.is_empty() && level.split_whitespace().count() <= 3).then(|| level.to_string())
}

fn starts_with_pronoun(sentence: &str) -> bool {
    let w = sentence.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(w.as_str(), "it" | "this" | "they" | "these" | "its" | "their")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims_of(text: &str) -> (Vec<HistoryClaim>, Vec<FirstSince>) {
        let article = Article {
            id: "a".into(),
            text: text.into(),
            published: NaiveDate::from_ymd_opt(2024, 6, 17),
            ..Default::default()
        };
        let an = crate::extract::analyze(&article, article.published);
        read(0, &article, &an)
    }

    #[test]
    fn a_present_perfect_without_a_timex_is_dated_by_the_anchor() {
        let (history, _) = claims_of(
            "Seoul and Tokyo held talks. The dialogue has been upgraded to the vice-ministerial level, \
             officials said.",
        );
        assert_eq!(history.len(), 1, "{history:?}");
        let c = &history[0];
        assert_eq!((c.predicate, c.cue.as_str(), c.approximate), (Predicate::LevelChange, "upgraded", true));
        assert_eq!(c.level.as_deref(), Some("vice-ministerial"));
        let day = NaiveDate::from_ymd_opt(2024, 6, 17).expect("date");
        assert_eq!(c.periods, vec![(day, day)]);
        assert!(c.topic.iter().any(|w| w == "dialogue"), "{:?}", c.topic);
    }

    #[test]
    fn claims_need_a_date_and_pronouns_borrow_the_previous_topic() {
        let (history, _) = claims_of(
            "The security forum meets every spring. It was established in 2015 by both navies. \
             The committee was established by decree.",
        );
        assert_eq!(history.len(), 1, "{history:?}");
        let c = &history[0];
        assert_eq!((c.predicate, c.approximate), (Predicate::Origin, false));
        assert_eq!(c.periods.first().map(|p| p.0.year()), Some(2015));
        assert!(c.topic.iter().any(|w| w == "forum"), "previous sentence's words: {:?}", c.topic);
    }

    #[test]
    fn first_since_reads_the_year_after_since() {
        let (_, firsts) = claims_of(
            "The leaders met in Beijing on Monday, the first such summit since 2019, officials said.",
        );
        assert_eq!(firsts.len(), 1, "{firsts:?}");
        assert_eq!(firsts[0].since.0.year(), 2019);
        assert!(firsts[0].topic.iter().any(|w| w == "summit"));
    }
}
