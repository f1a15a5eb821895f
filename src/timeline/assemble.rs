//! Turning a group of merged mentions into one [`Event`]: its date (the most precise,
//! most confident mention), title (the mention most like the others), articles, distinct
//! outlets (copies counted once), evidence, participants and a content-derived id.

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::NaiveDate;

use crate::model::{Article, DateStatus, Event, EventMention, Evidence, stable_hash};

use super::entities::EntityIndex;
use super::similarity::{self, Profile};

/// One mention in the corpus-wide table: which article it came from, and the mention.
#[derive(Clone, Copy, Debug)]
pub struct MentionRef<'a> {
    /// Index of the article in the corpus.
    pub article: usize,
    /// The mention.
    pub mention: &'a EventMention,
}

/// Builds the events of `groups` (in parallel, in group order); see [`event`].
pub fn events(
    groups: &[Vec<usize>],
    mentions: &[MentionRef],
    profiles: &[Profile],
    articles: &[Article],
    outlet_names: &[String],
    index: &EntityIndex,
) -> Vec<Event> {
    groups.par_iter().map(|g| event(g, mentions, profiles, articles, outlet_names, index)).collect()
}

/// Builds the event of `group` (indices into `mentions`).
pub fn event(
    group: &[usize],
    mentions: &[MentionRef],
    profiles: &[Profile],
    articles: &[Article],
    outlet_names: &[String],
    index: &EntityIndex,
) -> Event {
    let mut members: Vec<usize> = group.to_vec();
    members.sort_by(|&a, &b| order_key(mentions[a], articles).cmp(&order_key(mentions[b], articles)));
    let dated = members
        .iter()
        .copied()
        .min_by(|&a, &b| {
            let (x, y) = (mentions[a].mention, mentions[b].mention);
            x.precision.cmp(&y.precision).then(y.confidence.total_cmp(&x.confidence)).then(a.cmp(&b))
        })
        .unwrap_or(members[0]);
    let title_from = representative(&members, profiles);
    let date_m = mentions[dated].mention;
    let first = mentions[members[0]];
    let mut articles_seen: Vec<String> = Vec::new();
    let mut outlets: Vec<String> = Vec::new();
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut entities: Vec<String> = Vec::new();
    let mut places: HashMap<&str, usize> = HashMap::default();
    // Membership sets beside the ordered lists (large groups would be quadratic otherwise).
    let mut seen_articles: HashSet<&str> = HashSet::default();
    let mut seen_outlets: HashSet<&str> = HashSet::default();
    let mut seen_spans: HashSet<SpanKey> = HashSet::default();
    let mut seen_entities: HashSet<&str> = HashSet::default();
    for &i in &members {
        let r = mentions[i];
        let a = &articles[r.article];
        if seen_articles.insert(&a.id) {
            articles_seen.push(a.id.clone());
        }
        let outlet = outlet_names.get(r.article).map_or("", String::as_str);
        if seen_outlets.insert(outlet) {
            outlets.push(outlet.to_string());
        }
        let spans = std::iter::once(&r.mention.evidence).chain(r.mention.continuation.as_ref());
        for span in spans {
            if seen_spans.insert(SpanKey(&a.id, span.start, span.end, &span.text)) {
                evidence.push(Evidence::new(&a.id, span));
            }
        }
        // Only corpus entities: a participant that is no entity (`a senior official`) has
        // no id a reader of the JSON could look up.
        let names = index.article(&a.id);
        for p in &r.mention.participants {
            if let Some(id) = names.id_for(p)
                && seen_entities.insert(id)
            {
                entities.push(id.clone());
            }
        }
        if let Some(p) = &r.mention.place {
            *places.entry(p).or_default() += 1;
        }
    }
    let place = places.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|p| p.0.to_string());
    let corroboration = 0.05 * (outlets.len().saturating_sub(1)) as f32;
    let confidence = (date_m.confidence + corroboration).min(date_m.confidence.max(0.95)).min(1.0);
    let id =
        stable_hash(&[&date_m.date, &first.mention.article, &first.mention.evidence.text])[..16].to_string();
    Event {
        id,
        kind: date_m.kind,
        date: date_m.date.clone(),
        start: Some(date_m.start),
        end: Some(date_m.end),
        precision: Some(date_m.precision),
        title: mentions[title_from].mention.title.clone(),
        articles: articles_seen,
        outlets,
        evidence,
        quotes: Vec::new(),
        entities,
        place,
        derivation: format!("{} (in {})", date_m.derivation, mentions[dated].mention.article),
        confidence,
        first_reported: first_reported(&members, mentions, articles),
        ..Default::default()
    }
}

/// An evidence span seen in an event: `(article, start, end, text)`, hashed by its
/// position only (the text, the longest part, is compared only when the rest is equal).
#[derive(PartialEq, Eq)]
struct SpanKey<'a>(&'a str, usize, usize, &'a str);

impl std::hash::Hash for SpanKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.0, self.1, self.2).hash(state);
    }
}

/// Mentions in order of their article's date, then article id, then position.
fn order_key<'a>(r: MentionRef<'a>, articles: &'a [Article]) -> (NaiveDate, &'a str, usize) {
    let a = &articles[r.article];
    (reliable_date(a).unwrap_or(NaiveDate::MAX), a.id.as_str(), r.mention.evidence.start)
}

/// The mention most similar to the rest (ties: the earliest in order).
///
/// Large groups are compared against their first `SAMPLE` members only (linear time).
fn representative(members: &[usize], profiles: &[Profile]) -> usize {
    const SAMPLE: usize = 24;
    let sample = &members[..members.len().min(SAMPLE)];
    let mut best = (members[0], f32::MIN);
    for &i in sample {
        let s: f32 = sample
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| similarity::similarity(&profiles[i], &profiles[j]))
            .sum();
        if s > best.1 + 1e-6 {
            best = (i, s);
        }
    }
    best.0
}

/// An article's date when it can be trusted for "first reported": stated or edited, or
/// else the date the corpus suggests or infers.
pub fn reliable_date(a: &Article) -> Option<NaiveDate> {
    match a.published_status {
        DateStatus::Stated | DateStatus::Edited => a.published,
        DateStatus::Suspect => a.suggested_published,
        DateStatus::Inferred => a.published,
        DateStatus::Missing => None,
    }
}

/// Earliest trusted publication date among the group's articles; inferred/suggested dates
/// only when no stated one exists.
fn first_reported(members: &[usize], mentions: &[MentionRef], articles: &[Article]) -> Option<NaiveDate> {
    let arts = || members.iter().map(|&i| &articles[mentions[i].article]);
    let stated = arts()
        .filter(|a| matches!(a.published_status, DateStatus::Stated | DateStatus::Edited))
        .filter_map(|a| a.published)
        .min();
    stated.or_else(|| arts().filter_map(reliable_date).min())
}

/// The outlet each article counts for: a copy counts for its original's outlet; an
/// article without a known source is its own outlet (named by its path).
pub fn outlet_names(articles: &[Article]) -> Vec<String> {
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    articles
        .iter()
        .map(|a| {
            let a = a.duplicate_of.as_deref().and_then(|o| by_id.get(o).copied()).unwrap_or(a);
            match &a.source {
                Some(s) if !s.trim().is_empty() => s.trim().to_string(),
                _ => format!("unknown outlet ({})", a.path),
            }
        })
        .collect()
}
