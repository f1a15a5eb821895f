//! Article dates checked against the corpus: inferred dates for undated articles and
//! suspect header dates.
//!
//! # Design
//! An article's relative expressions (`on Tuesday`, `last month`) depend on its anchor. We
//! try anchors and count how many of its relative event mentions then land on events that
//! other, dated articles fix (same content by [`merge::pair_score`], compatible dates).
//! Candidate anchors come from the content matches themselves (each matched event's day
//! ± 8 days), so only a few dozen re-resolutions run per checked article, and stated
//! articles are only searched when one of their relative mentions matches another report
//! in content but not in date.
//! Among the anchors with most support we pick the one that puts the matched events
//! closest to the publication day (news reports its events within days), then the earliest.
//! - Undated: `inferred` when ≥2 mentions agree, or one strong match (similarity ≥ [`STRONG`]).
//! - Stated: `suspect` when no relative mention fits at the header date, at least one
//!   contradicts another report, and another anchor ≥3 days away has that support.
//!   The stated date is kept in `published`; the article's relative dates are re-resolved
//!   at the suggested anchor and marked uncertain (confidence ≤ [`UNCERTAIN`]), so the
//!   corpus never shows them confidently at a date it contradicts.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Duration, NaiveDate};

use crate::extract::ArticleAnalysis;
use crate::model::{Article, DateStatus, EventMention};

use super::entities::EntityIndex;
use super::merge;
use super::similarity::{self, Profile, Vocabulary};

/// Re-resolves an analysis for a new anchor (normally [`crate::extract::reanchor`]).
pub type Reanchor<'a> = dyn Fn(&Article, &mut ArticleAnalysis, Option<NaiveDate>) + Sync + 'a;

/// Content similarity that makes one matched mention enough on its own.
pub const STRONG: f32 = 0.5;
/// Confidence cap for dates resolved against an inferred or suggested anchor.
pub const UNCERTAIN: f32 = 0.4;
/// Days around a matched event tried as anchors.
const WINDOW: i64 = 8;
/// At most this many anchors are tried per article.
const MAX_ANCHORS: usize = 40;
/// A suggested anchor must be at least this far from the stated date.
const MIN_SHIFT_DAYS: i64 = 3;

/// Reference mentions: those of articles whose dates are trusted, with a content index.
struct Reference<'a> {
    mentions: Vec<(usize, &'a EventMention)>,
    profiles: Vec<Profile>,
    postings: HashMap<u64, Vec<usize>>,
}

/// How well one anchor fits an article.
#[derive(Clone, Debug, Default)]
struct Fit {
    anchor: Option<NaiveDate>,
    support: usize,
    strong: bool,
    distance: i64,
    /// (timex text, resolved date value, other article id, other title)
    matches: Vec<(String, String, String, String)>,
}

/// Checks every article's date; sets `published_status` (`inferred`/`suspect`),
/// `published`, `suggested_published` and `published_reason`, and re-anchors the analyses
/// of those articles. `group_of[i]` is the duplicate group of article `i` (copies never
/// confirm each other).
pub fn check(
    articles: &mut [Article],
    analyses: &mut [ArticleAnalysis],
    index: &EntityIndex,
    group_of: &[usize],
    reanchor: &Reanchor,
) {
    let vocab = Vocabulary::new(analyses.iter().flat_map(|a| a.events.iter()));
    let trusted: Vec<bool> = articles
        .iter()
        .map(|a| matches!(a.published_status, DateStatus::Stated | DateStatus::Edited))
        .collect();
    // Suspect pass over stated articles.
    let mut suspects: Vec<(usize, Fit, Fit)> = Vec::new();
    {
        let reference = Reference::new(analyses, &trusted, &vocab, index);
        for i in 0..articles.len() {
            if articles[i].published_status != DateStatus::Stated {
                continue;
            }
            let stated = articles[i].published;
            let at_stated = fit(&articles[i], &analyses[i], i, group_of, &reference, &vocab, index, stated);
            if at_stated.support > 0 || !contradicted(&analyses[i], i, group_of, &reference, &vocab, index) {
                continue;
            }
            let best = search(&articles[i], &analyses[i], i, group_of, &reference, &vocab, index, reanchor);
            let Some(anchor) = best.anchor else { continue };
            let far = stated.is_none_or(|s| (anchor - s).num_days().abs() >= MIN_SHIFT_DAYS);
            if far && (best.support >= 2 || best.strong) {
                suspects.push((i, best, at_stated));
            }
        }
    }
    let mut trusted = trusted;
    for (i, best, _) in suspects {
        let a = &mut articles[i];
        let anchor = best.anchor;
        a.published_status = DateStatus::Suspect;
        a.suggested_published = anchor;
        a.published_reason = Some(reason_suspect(a.published, &best));
        trusted[i] = false;
        reanchor(a, &mut analyses[i], anchor);
        mark_uncertain(&mut analyses[i], "suggested by the corpus; header date suspect");
    }
    // Inference pass over undated articles.
    let reference = Reference::new(analyses, &trusted, &vocab, index);
    let mut inferred: Vec<(usize, Fit)> = Vec::new();
    for i in 0..articles.len() {
        if articles[i].published_status != DateStatus::Missing || articles[i].published.is_some() {
            continue;
        }
        let best = search(&articles[i], &analyses[i], i, group_of, &reference, &vocab, index, reanchor);
        if best.anchor.is_some() && (best.support >= 2 || best.strong) {
            inferred.push((i, best));
        }
    }
    for (i, best) in inferred {
        let a = &mut articles[i];
        a.published = best.anchor;
        a.published_status = DateStatus::Inferred;
        a.published_reason = Some(reason_inferred(&best));
        reanchor(a, &mut analyses[i], best.anchor);
        mark_uncertain(&mut analyses[i], "inferred from the corpus");
    }
    flag_contradicted_mentions(articles, analyses, &trusted, &vocab, index);
}

/// In articles whose date stands, a relative mention that other reports date differently
/// (same content, incompatible day, and no other report agreeing with it) keeps its date but
/// loses confidence, with the disagreement in its derivation.
fn flag_contradicted_mentions(
    articles: &[Article],
    analyses: &mut [ArticleAnalysis],
    trusted: &[bool],
    vocab: &Vocabulary,
    index: &EntityIndex,
) {
    let no_groups: Vec<usize> = (0..articles.len()).collect();
    let mut notes: Vec<(usize, usize, String)> = Vec::new();
    {
        let reference = Reference::new(analyses, trusted, vocab, index);
        for (i, an) in analyses.iter().enumerate() {
            if !trusted[i] {
                continue;
            }
            let relative: HashSet<usize> =
                an.timexes.iter().filter(|t| t.relative).map(|t| t.start).collect();
            for (k, m) in an.events.iter().enumerate() {
                if !relative.contains(&m.timex.start) || !similarity::is_day_like(m) {
                    continue;
                }
                let p = vocab.profile(m, index);
                let mut agree = false;
                let mut other: Option<&EventMention> = None;
                for c in reference.candidates(&p, i, &no_groups) {
                    let r = reference.mentions[c].1;
                    if r.kind != m.kind || !similarity::is_day_like(r) {
                        continue;
                    }
                    if merge::pair_score(m, r, &p, &reference.profiles[c]).is_some() {
                        agree = true;
                        break;
                    }
                    let close = (r.start - m.start).num_days().abs() <= WINDOW;
                    if close && other.is_none() && content_match(m, r, &p, &reference.profiles[c]) {
                        other = Some(r);
                    }
                }
                if let (false, Some(r)) = (agree, other) {
                    notes.push((i, k, format!("other reports date it {} (article {})", r.date, r.article)));
                }
            }
        }
    }
    for (i, k, note) in notes {
        if let Some(m) = analyses[i].events.get_mut(k) {
            m.confidence = m.confidence.min(UNCERTAIN);
            m.derivation = format!("{} [uncertain: {note}]", m.derivation);
        }
    }
}

impl<'a> Reference<'a> {
    fn new(
        analyses: &'a [ArticleAnalysis],
        trusted: &[bool],
        vocab: &Vocabulary,
        index: &EntityIndex,
    ) -> Self {
        let mentions: Vec<(usize, &EventMention)> = analyses
            .iter()
            .enumerate()
            .filter(|(i, _)| trusted.get(*i).copied().unwrap_or(false))
            .flat_map(|(i, a)| a.events.iter().map(move |m| (i, m)))
            .collect();
        let profiles: Vec<Profile> = mentions.iter().map(|(_, m)| vocab.profile(m, index)).collect();
        let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
        for (k, p) in profiles.iter().enumerate() {
            for t in tokens(p) {
                postings.entry(t).or_default().push(k);
            }
        }
        Reference { mentions, profiles, postings }
    }

    /// Reference mentions sharing a content token with `p`, from other duplicate groups.
    fn candidates(&self, p: &Profile, me: usize, group_of: &[usize]) -> Vec<usize> {
        let mut seen = HashSet::new();
        for t in tokens(p) {
            if let Some(list) = self.postings.get(&t).filter(|l| l.len() <= 2000) {
                seen.extend(list.iter().copied());
            }
        }
        let mut out: Vec<usize> = seen
            .into_iter()
            .filter(|&k| {
                let other = self.mentions[k].0;
                other != me && group_of.get(other) != group_of.get(me)
            })
            .collect();
        out.sort_unstable();
        out
    }
}

fn tokens(p: &Profile) -> Vec<u64> {
    let mut t: Vec<u64> = p.keywords.iter().map(|k| u64::from(k.0)).collect();
    t.extend(
        p.participants
            .iter()
            .map(|s| u64::from_str_radix(&crate::model::stable_hash(&[s]), 16).unwrap_or(0) | (1 << 63)),
    );
    t
}

/// Mentions of `an` whose timex is relative to the anchor.
fn relative_mentions(an: &ArticleAnalysis) -> Vec<&EventMention> {
    let relative: HashSet<usize> = an.timexes.iter().filter(|t| t.relative).map(|t| t.start).collect();
    an.events.iter().filter(|m| relative.contains(&m.timex.start)).collect()
}

/// True when a relative mention matches another report in content but not in date.
fn contradicted(
    an: &ArticleAnalysis,
    me: usize,
    group_of: &[usize],
    reference: &Reference,
    vocab: &Vocabulary,
    index: &EntityIndex,
) -> bool {
    relative_mentions(an).into_iter().any(|m| {
        let p = vocab.profile(m, index);
        reference.candidates(&p, me, group_of).into_iter().any(|k| {
            let r = reference.mentions[k].1;
            r.kind == m.kind
                && !similarity::dates_compatible(m, r)
                && similarity::is_day_like(r)
                && content_match(m, r, &p, &reference.profiles[k])
        })
    })
}

/// Same content by the merge rule, dates aside.
fn content_match(m: &EventMention, r: &EventMention, pm: &Profile, pr: &Profile) -> bool {
    let mut shifted = r.clone();
    shifted.start = m.start;
    shifted.end = m.end;
    shifted.precision = m.precision;
    merge::pair_score(m, &shifted, pm, pr).is_some()
}

/// How well the analysis (as resolved at `anchor`) fits the reference.
#[allow(clippy::too_many_arguments)]
fn fit(
    article: &Article,
    an: &ArticleAnalysis,
    me: usize,
    group_of: &[usize],
    reference: &Reference,
    vocab: &Vocabulary,
    index: &EntityIndex,
    anchor: Option<NaiveDate>,
) -> Fit {
    let mut f = Fit { anchor, ..Default::default() };
    let _ = article;
    for m in relative_mentions(an) {
        let p = vocab.profile(m, index);
        let mut best: Option<(f32, usize)> = None;
        for k in reference.candidates(&p, me, group_of) {
            let r = reference.mentions[k].1;
            if let Some(s) = merge::pair_score(m, r, &p, &reference.profiles[k])
                && best.is_none_or(|b| s > b.0)
            {
                best = Some((s, k));
            }
        }
        if let Some((s, k)) = best {
            f.support += 1;
            f.strong |= s >= STRONG;
            if let Some(a) = anchor.filter(|_| similarity::is_day_like(m)) {
                f.distance += (m.start - a).num_days().abs();
            }
            let (ri, r) = reference.mentions[k];
            let _ = ri;
            f.matches.push((m.timex.text.clone(), m.date.clone(), r.article.clone(), r.title.clone()));
        }
    }
    f
}

/// Tries anchors suggested by content matches; returns the best fit (anchor `None` when
/// nothing matched).
#[allow(clippy::too_many_arguments)]
fn search(
    article: &Article,
    an: &ArticleAnalysis,
    me: usize,
    group_of: &[usize],
    reference: &Reference,
    vocab: &Vocabulary,
    index: &EntityIndex,
    reanchor: &Reanchor,
) -> Fit {
    // Content of the mentions does not depend on the anchor; for an undated article,
    // resolve once at a probe anchor to see them.
    let probe_anchor = article.published.or_else(|| probe(reference));
    let mut probe_an = an.clone();
    if an.anchor != probe_anchor || an.events.is_empty() {
        reanchor(article, &mut probe_an, probe_anchor);
    }
    let mut votes: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for m in relative_mentions(&probe_an) {
        let p = vocab.profile(m, index);
        for k in reference.candidates(&p, me, group_of) {
            let r = reference.mentions[k].1;
            if r.kind == m.kind
                && similarity::is_day_like(r)
                && content_match(m, r, &p, &reference.profiles[k])
            {
                for d in -WINDOW..=WINDOW {
                    *votes.entry(r.start + Duration::days(d)).or_default() += 1;
                }
            }
        }
    }
    let mut anchors: Vec<(NaiveDate, usize)> = votes.into_iter().collect();
    anchors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    anchors.truncate(MAX_ANCHORS);
    let mut best = Fit::default();
    for (d, _) in anchors {
        let mut trial = an.clone();
        reanchor(article, &mut trial, Some(d));
        let f = fit(article, &trial, me, group_of, reference, vocab, index, Some(d));
        let better = f.support > best.support
            || (f.support == best.support
                && f.support > 0
                && (f.distance < best.distance || (f.distance == best.distance && Some(d) < best.anchor)));
        if better {
            best = f;
        }
    }
    if best.support == 0 {
        best.anchor = None;
    }
    best
}

/// A probe anchor for an undated article: the most common day among reference mentions.
fn probe(reference: &Reference) -> Option<NaiveDate> {
    let mut count: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for (_, m) in &reference.mentions {
        if similarity::is_day_like(m) {
            *count.entry(m.start).or_default() += 1;
        }
    }
    count.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|c| c.0)
}

/// Caps the confidence of anchor-relative timexes and mentions and says why.
fn mark_uncertain(an: &mut ArticleAnalysis, why: &str) {
    let relative: HashSet<usize> = an.timexes.iter().filter(|t| t.relative).map(|t| t.start).collect();
    for t in an.timexes.iter_mut().filter(|t| t.relative) {
        t.confidence = t.confidence.min(UNCERTAIN);
        t.derivation = format!("{} [anchor {why}]", t.derivation);
    }
    for m in an.events.iter_mut().filter(|m| relative.contains(&m.timex.start)) {
        m.confidence = m.confidence.min(UNCERTAIN);
        m.derivation = format!("{} [anchor {why}]", m.derivation);
    }
}

fn evidence_list(f: &Fit) -> String {
    f.matches
        .iter()
        .take(4)
        .map(|(tx, date, other, title)| format!("'{tx}' → {date} matches article {other} (\"{title}\")"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn reason_suspect(stated: Option<NaiveDate>, best: &Fit) -> String {
    let stated = stated.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
    let anchor = best.anchor.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "Header date {stated} puts this article's relative dates away from every other report of the same \
         events; anchored at {anchor}, {} of them match other articles: {}. Its relative dates are shown \
         at the suggested anchor, marked uncertain.",
        best.support,
        evidence_list(best)
    )
}

fn reason_inferred(best: &Fit) -> String {
    let anchor = best.anchor.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "No date stated. Anchored at {anchor}, {} of its relative dates land on events that dated articles \
         fix: {}. {anchor} is the anchor closest to those events (the earliest when several fit equally); \
         dates resolved from it are marked uncertain.",
        best.support,
        evidence_list(best)
    )
}
