//! Conflicts: sources that disagree, each side with its evidence spans.
//!
//! Kinds:
//! - `date`: the same happening (strongly similar mentions) on different days within two weeks;
//! - `history`: incompatible claims about when something was set up, changed level or was
//!   already held at a level ([`claims`]);
//! - `first_since`: "the first … since X" against an occurrence another source dates between
//!   X and it;
//! - `sequence`: "coinciding with Y" against "a day before Y" ([`sequence`]).
//!
//! Only claims of different articles (and not copies of each other) are compared, and only
//! when they share topic words and their articles report a common event (sequence claims:
//! when their subjects share three words and name the same other happening), so unrelated
//! stories that reuse a word never conflict. Candidate pairs come
//! from an inverted index over topic words, not an all-pairs scan.

pub mod claims;
mod pairs;
pub mod sequence;

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::{Datelike, NaiveDate};

use crate::extract::ArticleAnalysis;
use crate::model::{Article, Conflict, DateStatus, Event, EventKind, Evidence, stable_hash};

use super::assemble::MentionRef;
use super::similarity::{self, Profile};
use claims::{FirstSince, HistoryClaim, Predicate};
use pairs::{topic_pairs, topic_pairs_by};
use sequence::SequenceClaim;

/// Content similarity above which two mentions on different days are one happening
/// reported with different dates.
pub const SAME_HAPPENING: f32 = 0.65;
/// Two reports of one happening with different dates conflict only when they were
/// published at most this many days apart.
const MAX_PUBLISHED_APART: i64 = 3;
/// Shared topic words needed to compare two claims.
const MIN_SHARED_TOPIC: usize = 2;
/// Shared words of two "X coinciding with / a day before Y" subjects.
const MIN_SHARED_SEQUENCE: usize = 3;
/// Topic words in more postings than this are too common to pair claims.
const MAX_POSTING: usize = 150;
/// The same for mention words in the date check (mentions are many more than claims).
const MAX_MENTION_POSTING: usize = 40;

/// What the conflict finder needs to know about the corpus.
struct Corpus<'a> {
    articles: &'a [Article],
    group_of: &'a [usize],
    /// Events each article reports (sorted, distinct).
    reports: Reports,
    /// event index → its days.
    event_days: Vec<(NaiveDate, NaiveDate)>,
    /// Article pairs (smaller index first) reporting the same happening, dates aside, with
    /// the events holding those reports.
    same_story: HashMap<(usize, usize), Vec<usize>>,
}

impl Corpus<'_> {
    fn independent(&self, a: usize, b: usize) -> bool {
        a != b && self.group_of.get(a) != self.group_of.get(b)
    }
    /// Claims of two articles are compared only when the articles report a common event.
    fn related(&self, a: usize, b: usize, shared_topic: usize) -> bool {
        shared_topic >= MIN_SHARED_TOPIC
            && (self.reports.common(a, b).next().is_some()
                || self.same_story.contains_key(&(a.min(b), a.max(b))))
    }
    fn name(&self, a: usize) -> String {
        let art = &self.articles[a];
        match &art.source {
            Some(s) if !s.trim().is_empty() => format!("{} ({})", s.trim(), art.path),
            _ => art.path.clone(),
        }
    }
    /// True when `period` is the date of an event both articles report (the "first" one
    /// itself, not an earlier occurrence).
    fn is_common_event_date(&self, a: usize, b: usize, period: (NaiveDate, NaiveDate)) -> bool {
        self.reports.common(a, b).any(|e| {
            let (s, t) = self.event_days[e];
            period.0 <= t && s <= period.1
        })
    }
    fn common_events(&self, a: usize, b: usize) -> Vec<usize> {
        let mut v: Vec<usize> = self.reports.common(a, b).collect();
        if v.is_empty() {
            v = self.same_story.get(&(a.min(b), a.max(b))).cloned().unwrap_or_default();
        }
        v.sort_unstable();
        v.dedup();
        v.truncate(3);
        v
    }
}

/// The events each article reports, as one flat list (not a set per article: a large
/// corpus has tens of thousands of articles).
struct Reports {
    /// Event indices, article after article, each article's sorted and distinct.
    events: Vec<u32>,
    /// `events[starts[a]..starts[a + 1]]` are article `a`'s.
    starts: Vec<u32>,
}

impl Reports {
    /// The events of `groups` (mentions of each event) by the articles of their mentions.
    fn new(articles: usize, groups: &[Vec<usize>], mentions: &[MentionRef]) -> Reports {
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(mentions.len());
        for (e, g) in groups.iter().enumerate() {
            let arts = g.iter().map(|&m| mentions[m].article).filter(|&a| a < articles);
            pairs.extend(arts.map(|a| (a as u32, e as u32)));
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut starts = vec![0u32; articles + 1];
        for &(a, _) in &pairs {
            starts[a as usize + 1] += 1;
        }
        for a in 0..articles {
            starts[a + 1] += starts[a];
        }
        Reports { events: pairs.into_iter().map(|(_, e)| e).collect(), starts }
    }

    fn of(&self, a: usize) -> &[u32] {
        match (self.starts.get(a), self.starts.get(a + 1)) {
            (Some(&from), Some(&to)) => &self.events[from as usize..to as usize],
            _ => &[],
        }
    }

    /// Events both articles report, in order.
    fn common(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        let (x, y) = (self.of(a), self.of(b));
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < x.len() && j < y.len() {
                match x[i].cmp(&y[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        i += 1;
                        j += 1;
                        return Some(x[i - 1] as usize);
                    }
                }
            }
            None
        })
    }
}

/// Finds conflicts and records their ids on the events involved.
#[allow(clippy::too_many_arguments)]
pub fn find(
    events: &mut [Event],
    groups: &[Vec<usize>],
    mentions: &[MentionRef],
    profiles: &[Profile],
    articles: &[Article],
    analyses: &[ArticleAnalysis],
    group_of: &[usize],
) -> Vec<Conflict> {
    let mut event_of = vec![0usize; mentions.len()];
    for (e, g) in groups.iter().enumerate() {
        for &m in g {
            event_of[m] = e;
        }
    }
    let reports = Reports::new(articles.len(), groups, mentions);
    let event_days = events
        .iter()
        .map(|e| (e.start.unwrap_or(NaiveDate::MIN), e.end.or(e.start).unwrap_or(NaiveDate::MIN)))
        .collect();
    // Mention pairs sharing topic words: computed once, read by the same-story index and
    // the date-conflict search.
    let folded = folded_participants(mentions);
    let words = |i: usize| {
        let names = folded[i].split(NAME_SEPARATOR);
        mentions[i].mention.keywords.iter().map(String::as_str).chain(names)
    };
    let mention_pairs = topic_pairs_by(mentions.len(), words, MAX_MENTION_POSTING);
    let same_story = same_story(mentions, profiles, &event_of, group_of, &mention_pairs);
    let corpus = Corpus { articles, group_of, reports, event_days, same_story };
    let mut history = Vec::new();
    let mut firsts = Vec::new();
    let mut seqs = Vec::new();
    let read: Vec<_> = articles
        .par_iter()
        .zip(analyses)
        .enumerate()
        .map(|(i, (a, an))| (claims::read(i, a, an), sequence::read(i, a, an)))
        .collect();
    for ((h, f), s) in read {
        history.extend(h);
        firsts.extend(f);
        seqs.extend(s);
    }
    let mut out: Vec<(Conflict, Vec<usize>)> = Vec::new();
    out.extend(history_conflicts(&history, &corpus));
    out.extend(first_since_conflicts(&firsts, &history, &corpus));
    out.extend(sequence_conflicts(&seqs, &corpus));
    out.extend(date_conflicts(mentions, profiles, &event_of, &mention_pairs, &corpus));
    let mut seen = HashSet::default();
    let mut result = Vec::new();
    for (mut c, evs) in out {
        if !seen.insert(c.id.clone()) {
            continue;
        }
        for &e in &evs {
            if let Some(ev) = events.get_mut(e) {
                if !ev.conflicts.contains(&c.id) {
                    ev.conflicts.push(c.id.clone());
                }
                c.events.push(ev.id.clone());
            }
        }
        result.push(c);
    }
    result
}

fn conflict(kind: &str, summary: String, evidence: Vec<Evidence>) -> Conflict {
    let mut parts: Vec<String> = evidence.iter().map(|e| format!("{}:{}", e.article, e.start)).collect();
    parts.sort();
    let joined = parts.join("|");
    Conflict {
        id: stable_hash(&[kind, &joined])[..16].to_string(),
        kind: kind.to_string(),
        summary,
        evidence,
        events: Vec::new(),
    }
}

/// Years and predicate words say nothing about the topic.
fn is_topic_word(w: &str) -> bool {
    !w.chars().all(|c| c.is_ascii_digit())
        && !claims::ORIGIN_CUES.contains(&w)
        && !claims::LEVEL_CUES.contains(&w)
        && !claims::OCCURRENCE_CUES.contains(&w)
}

fn years(periods: &[(NaiveDate, NaiveDate)]) -> Vec<i32> {
    let mut y: Vec<i32> = periods.iter().flat_map(|(s, e)| s.year()..=e.year()).collect();
    y.sort_unstable();
    y.dedup();
    y
}

fn describe(c: &HistoryClaim) -> String {
    let ys: Vec<String> = years(&c.periods).iter().map(|y| y.to_string()).collect();
    let when =
        if c.approximate { format!("as of {}", ys.join(", ")) } else { format!("in {}", ys.join(" and ")) };
    match &c.level {
        Some(l) if c.predicate == Predicate::Occurrence => format!("{} at {l} level {when}", c.cue),
        Some(l) => format!("{} to {l} level {when}", c.cue),
        None => format!("{} {when}", c.cue),
    }
}

/// Why two history claims cannot both be true, if they cannot.
fn history_clash(a: &HistoryClaim, b: &HistoryClaim) -> bool {
    let (ya, yb) = (years(&a.periods), years(&b.periods));
    let disjoint = ya.iter().all(|y| !yb.contains(y));
    let same_level = match (&a.level, &b.level) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    use Predicate::*;
    match (a.predicate, b.predicate) {
        (LevelChange, LevelChange) => same_level && disjoint,
        (Origin, Origin) => disjoint,
        (Origin, Occurrence | LevelChange) => yb.first() < ya.first() && !a.approximate,
        (Occurrence | LevelChange, Origin) => ya.first() < yb.first() && !b.approximate,
        // Already held at a level before it was raised to that level.
        (Occurrence, LevelChange) => a.level.is_some() && same_level && ya.last() < yb.first(),
        (LevelChange, Occurrence) => b.level.is_some() && same_level && yb.last() < ya.first(),
        (Occurrence, Occurrence) => false,
    }
}

fn history_conflicts(history: &[HistoryClaim], corpus: &Corpus) -> Vec<(Conflict, Vec<usize>)> {
    let topics: Vec<&[String]> = history.iter().map(|c| c.topic.as_slice()).collect();
    let mut by_articles: HashMap<(usize, usize), (Vec<usize>, Vec<usize>)> = HashMap::default();
    for (i, j, shared) in topic_pairs(&topics, MAX_POSTING) {
        let (a, b) = (&history[i], &history[j]);
        if !corpus.independent(a.article, b.article) || !corpus.related(a.article, b.article, shared) {
            continue;
        }
        if history_clash(a, b) {
            let key = (a.article.min(b.article), a.article.max(b.article));
            by_articles.entry(key).or_default();
        }
    }
    let mut keys: Vec<(usize, usize)> = by_articles.into_keys().collect();
    keys.sort_unstable();
    let mut out = Vec::new();
    for (x, y) in keys {
        // Both sides: every history claim of each article on the shared topic.
        let side = |art: usize, other: usize| -> Vec<&HistoryClaim> {
            history
                .iter()
                .filter(|c| c.article == art)
                .filter(|c| {
                    history
                        .iter()
                        .filter(|o| o.article == other)
                        .any(|o| shared_topic(&c.topic, &o.topic) >= MIN_SHARED_TOPIC)
                })
                .collect()
        };
        let (sx, sy) = (side(x, y), side(y, x));
        let topic = common_topic(&sx, &sy);
        let say = |s: &[&HistoryClaim]| s.iter().map(|c| describe(c)).collect::<Vec<_>>().join("; ");
        let summary = format!(
            "Sources disagree on the history of the {topic}: {} says {}; {} says {}.",
            corpus.name(x),
            say(&sx),
            corpus.name(y),
            say(&sy)
        );
        let mut evidence: Vec<Evidence> = Vec::new();
        for c in sx.iter().chain(sy.iter()) {
            let ev = Evidence::new(&corpus.articles[c.article].id, &c.evidence);
            if !evidence.contains(&ev) {
                evidence.push(ev);
            }
        }
        out.push((conflict("history", summary, evidence), corpus.common_events(x, y)));
    }
    out
}

fn shared_topic(a: &[String], b: &[String]) -> usize {
    let set: HashSet<&str> = a.iter().map(String::as_str).filter(|w| is_topic_word(w)).collect();
    let mut seen = HashSet::default();
    b.iter().filter(|w| set.contains(w.as_str()) && seen.insert(w.as_str())).count()
}

/// The topic word both sides use most (ties: the first in the first side's sentence).
fn common_topic(a: &[&HistoryClaim], b: &[&HistoryClaim]) -> String {
    let bw: HashSet<&str> = b.iter().flat_map(|c| c.topic.iter().map(String::as_str)).collect();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for w in a.iter().flat_map(|c| c.topic.iter().map(String::as_str)) {
        if !bw.contains(w) || !is_topic_word(w) || w == "level" || w.contains("-") {
            continue;
        }
        match counts.iter_mut().find(|(x, _)| *x == w) {
            Some(c) => c.1 += 1,
            None => counts.push((w, 1)),
        }
    }
    let best = counts.iter().max_by(|x, y| x.1.cmp(&y.1)).map(|c| c.0);
    best.unwrap_or("subject").to_string()
}

fn first_since_conflicts(
    firsts: &[FirstSince],
    history: &[HistoryClaim],
    corpus: &Corpus,
) -> Vec<(Conflict, Vec<usize>)> {
    let mut topics: Vec<&[String]> = firsts.iter().map(|f| f.topic.as_slice()).collect();
    topics.extend(history.iter().map(|c| c.topic.as_slice()));
    let mut out = Vec::new();
    let mut done = HashSet::default();
    for (i, j, shared) in topic_pairs(&topics, MAX_POSTING) {
        // Pairs of one "first since" (index < firsts.len()) with one history claim.
        if i >= firsts.len() || j < firsts.len() {
            continue;
        }
        let (f, c) = (&firsts[i], &history[j - firsts.len()]);
        if !corpus.independent(f.article, c.article) || !corpus.related(f.article, c.article, shared) {
            continue;
        }
        if !f.head.is_empty() && !f.head.iter().any(|h| c.topic.contains(h)) {
            continue;
        }
        if c.approximate {
            continue;
        }
        let Some(between) = c.periods.iter().find(|&&(s, e)| {
            s > f.since.1 && e < f.at && !corpus.is_common_event_date(f.article, c.article, (s, e))
        }) else {
            continue;
        };
        if !done.insert((f.article, c.article)) {
            continue;
        }
        let summary = format!(
            "{} calls it the first since {}, but {} reports it {} (in {}).",
            corpus.name(f.article),
            f.since.0.year(),
            corpus.name(c.article),
            c.cue,
            between.0.year()
        );
        let evidence = vec![
            Evidence::new(&corpus.articles[f.article].id, &f.evidence),
            Evidence::new(&corpus.articles[c.article].id, &c.evidence),
        ];
        out.push((conflict("first_since", summary, evidence), corpus.common_events(f.article, c.article)));
    }
    out
}

fn sequence_conflicts(seqs: &[SequenceClaim], corpus: &Corpus) -> Vec<(Conflict, Vec<usize>)> {
    let mut out = Vec::new();
    let topics: Vec<&[String]> = seqs.iter().map(|s| s.subject.as_slice()).collect();
    for (i, j, shared) in topic_pairs(&topics, MAX_POSTING) {
        let (a, b) = (&seqs[i], &seqs[j]);
        if !corpus.independent(a.article, b.article) || !sequence::incompatible(a.relation, b.relation) {
            continue;
        }
        let same_other = a.other_names.iter().any(|n| b.other_names.contains(n));
        if !same_other || shared < MIN_SHARED_SEQUENCE {
            continue;
        }
        let summary = format!(
            "{} says it was {} {}; {} says {} {}.",
            corpus.name(a.article),
            a.cue,
            a.other,
            corpus.name(b.article),
            b.cue,
            b.other
        );
        let evidence = vec![
            Evidence::new(&corpus.articles[a.article].id, &a.evidence),
            Evidence::new(&corpus.articles[b.article].id, &b.evidence),
        ];
        out.push((conflict("sequence", summary, evidence), corpus.common_events(a.article, b.article)));
    }
    out
}

/// The same happening (very similar mentions) dated differently by independent sources.
fn date_conflicts(
    mentions: &[MentionRef],
    profiles: &[Profile],
    event_of: &[usize],
    pairs: &[(usize, usize, usize)],
    corpus: &Corpus,
) -> Vec<(Conflict, Vec<usize>)> {
    let trusted = |m: &MentionRef| {
        matches!(corpus.articles[m.article].published_status, DateStatus::Stated | DateStatus::Edited)
    };
    // Each pair on its own (in parallel, in pair order); then one conflict per event pair.
    let disagreeing = |&&(i, j, _): &&(usize, usize, usize)| {
        let (a, b) = (&mentions[i], &mentions[j]);
        let (ma, mb) = (a.mention, b.mention);
        if ma.kind != EventKind::Event || mb.kind != EventKind::Event || event_of[i] == event_of[j] {
            return false;
        }
        if !corpus.independent(a.article, b.article) || !trusted(a) || !trusted(b) {
            return false;
        }
        if !similarity::is_day_like(ma)
            || !similarity::is_day_like(mb)
            || similarity::dates_compatible(ma, mb)
        {
            return false;
        }
        let gap = (ma.start - mb.start).num_days().abs();
        if gap > 14 || numbers(&ma.keywords) != numbers(&mb.keywords) {
            return false;
        }
        // Reports days apart are follow-ups, not disagreements; two stories each saying
        // "today" are two days' reports.
        let (pa, pb) = (corpus.articles[a.article].published, corpus.articles[b.article].published);
        let published_apart = match (pa, pb) {
            (Some(x), Some(y)) => (x - y).num_days().abs() > MAX_PUBLISHED_APART,
            _ => true,
        };
        if published_apart || (pa == Some(ma.start) && pb == Some(mb.start)) {
            return false;
        }
        similarity::similarity(&profiles[i], &profiles[j]) >= SAME_HAPPENING
    };
    let found: Vec<&(usize, usize, usize)> = pairs.par_iter().filter(disagreeing).collect();
    let mut out = Vec::new();
    let mut done = HashSet::default();
    for &&(i, j, _) in &found {
        let (a, b) = (&mentions[i], &mentions[j]);
        let (ma, mb) = (a.mention, b.mention);
        let (ea, eb) = (event_of[i], event_of[j]);
        if !done.insert((ea.min(eb), ea.max(eb))) {
            continue;
        }
        let summary = format!(
            "{} dates \"{}\" {}; {} dates it {}.",
            corpus.name(a.article),
            ma.title,
            ma.date,
            corpus.name(b.article),
            mb.date
        );
        let evidence =
            vec![Evidence::new(&ma.article, &ma.evidence), Evidence::new(&mb.article, &mb.evidence)];
        out.push((conflict("date", summary, evidence), vec![ea, eb]));
    }
    out
}

/// Separates the folded participant names of one mention (folded names hold letters and
/// digits only).
const NAME_SEPARATOR: char = '\0';

/// Each mention's participant names, folded for comparison ([`similarity::fold_name`]) and
/// joined by [`NAME_SEPARATOR`] (with its keywords, the words that pair mentions). One
/// string per mention, not one per name.
fn folded_participants(mentions: &[MentionRef]) -> Vec<String> {
    mentions
        .par_iter()
        .map(|m| {
            let mut joined = String::new();
            for (k, p) in m.mention.participants.iter().enumerate() {
                if k > 0 {
                    joined.push(NAME_SEPARATOR);
                }
                fold_into(p, &mut joined);
            }
            joined
        })
        .collect()
}

/// Appends [`similarity::fold_name`] of `name` to `out` (ASCII names without the general
/// per-character lower-casing, to the same result).
fn fold_into(name: &str, out: &mut String) {
    if name.is_ascii() {
        let kept = name.bytes().filter(u8::is_ascii_alphanumeric);
        out.extend(kept.map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&similarity::fold_name(name));
    }
}

/// Article pairs with two happenings that are the same by the merge rule once their dates
/// are set aside (the same story, perhaps dated differently).
fn same_story(
    mentions: &[MentionRef],
    profiles: &[Profile],
    event_of: &[usize],
    group_of: &[usize],
    pairs: &[(usize, usize, usize)],
) -> HashMap<(usize, usize), Vec<usize>> {
    // Each pair on its own (in parallel, in pair order), then the index in that order.
    let same = |&&(i, j, _): &&(usize, usize, usize)| {
        let (a, b) = (&mentions[i], &mentions[j]);
        if a.article == b.article || group_of.get(a.article) == group_of.get(b.article) {
            return false;
        }
        if a.mention.kind != EventKind::Event || b.mention.kind != EventKind::Event {
            return false;
        }
        super::merge::content_score(a.mention, b.mention, &profiles[i], &profiles[j]).is_some()
    };
    let found: Vec<&(usize, usize, usize)> = pairs.par_iter().filter(same).collect();
    let mut out: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
    for &&(i, j, _) in &found {
        let (a, b) = (mentions[i].article, mentions[j].article);
        out.entry((a.min(b), a.max(b))).or_default().extend([event_of[i], event_of[j]]);
    }
    out
}

/// Numbers and ordinals among keywords (`10th`, `2+2`): reports with different ones are
/// different happenings (the 9th and the 10th round), never a date conflict.
fn numbers(k: &[String]) -> Vec<&str> {
    let mut v: Vec<&str> =
        k.iter().map(String::as_str).filter(|w| w.chars().any(|c| c.is_ascii_digit())).collect();
    v.sort_unstable();
    v
}
