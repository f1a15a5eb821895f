//! Read-only indexes over one model, built once per load (off the UI thread) so that
//! panels never scan the whole corpus per frame.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::model::{Article, Event, Extraction};
use crate::pipeline::Output;

/// Day number used on the time axis: days since 1970-01-01.
pub fn day_x(d: NaiveDate) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    (d - epoch).num_days() as f64
}

/// The date at axis position `x` (days since 1970-01-01), if representable.
pub fn x_day(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 3.0e6 {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    epoch.checked_add_signed(chrono::Duration::days(x.floor() as i64))
}

/// Indexes over one model.
#[derive(Debug, Default)]
pub struct ModelIndex {
    /// Article position by id.
    pub article_by_id: HashMap<String, usize>,
    /// Event position by id.
    pub event_by_id: HashMap<String, usize>,
    /// Quote position by id.
    pub quote_by_id: HashMap<String, usize>,
    /// Entity position by id.
    pub entity_by_id: HashMap<String, usize>,
    /// Conflict position by id.
    pub conflict_by_id: HashMap<String, usize>,
    /// Events ordered by start day (undated last).
    pub events_by_date: Vec<usize>,
    /// Dated articles ordered by publication day.
    pub articles_by_date: Vec<usize>,
    /// Article rows for the sources list: each original followed by its duplicates
    /// (`(article, is_duplicate)`), originals sorted by date then title.
    pub source_rows: Vec<(usize, bool)>,
    /// Outlets with their number of articles, most frequent first.
    pub outlets: Vec<(String, usize)>,
    /// Entities that take part in at least one event, with event counts, most frequent first.
    pub entities: Vec<(usize, usize)>,
    /// Number of events each entity takes part in (parallel to `Extraction::entities`).
    pub entity_events: Vec<usize>,
    /// Quotes attributed to each entity (indices into `Extraction::quotes`, parallel to
    /// `Extraction::entities`).
    pub entity_quotes: Vec<Vec<usize>>,
    /// Lower-case text searched by the free-text filter, per event.
    pub event_haystack: Vec<String>,
    /// Distinct speakers of each event's quotes.
    pub event_speakers: Vec<Vec<String>>,
    /// Outlets of each event (from the model, or from its articles when empty).
    pub event_outlets: Vec<Vec<String>>,
    /// Earliest and latest day on the axis, if anything is dated.
    pub x_range: Option<(f64, f64)>,
    /// The narrowest window holding [`FOCUS_SHARE`] of the dated items: the first view, so that
    /// old background dates do not squeeze the news into a corner.
    pub x_focus: Option<(f64, f64)>,
}

impl ModelIndex {
    /// Builds every index over `out`.
    pub fn build(out: &Output) -> ModelIndex {
        let m = &out.extraction;
        let mut ix = ModelIndex {
            article_by_id: m.articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect(),
            event_by_id: m.events.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect(),
            quote_by_id: m.quotes.iter().enumerate().map(|(i, q)| (q.id.clone(), i)).collect(),
            entity_by_id: m.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect(),
            conflict_by_id: m.conflicts.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect(),
            ..ModelIndex::default()
        };
        let mut evs: Vec<usize> = (0..m.events.len()).collect();
        evs.sort_by(|&a, &b| {
            let (ea, eb) = (&m.events[a], &m.events[b]);
            (ea.start.is_none(), ea.start, &ea.id).cmp(&(eb.start.is_none(), eb.start, &eb.id))
        });
        ix.events_by_date = evs;
        let mut arts: Vec<usize> =
            (0..m.articles.len()).filter(|&i| m.articles[i].published.is_some()).collect();
        arts.sort_by_key(|&i| (m.articles[i].published, m.articles[i].id.clone()));
        ix.articles_by_date = arts;
        ix.source_rows = source_rows(m, &ix.article_by_id);
        let mut outlets: BTreeMap<String, usize> = BTreeMap::new();
        for a in &m.articles {
            if let Some(s) = &a.source {
                *outlets.entry(s.clone()).or_default() += 1;
            }
        }
        let mut outlets: Vec<(String, usize)> = outlets.into_iter().collect();
        outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ix.outlets = outlets;
        let mut ent_counts: HashMap<usize, usize> = HashMap::new();
        for e in &m.events {
            for id in &e.entities {
                if let Some(&i) = ix.entity_by_id.get(id) {
                    *ent_counts.entry(i).or_default() += 1;
                }
            }
        }
        ix.entity_events = (0..m.entities.len()).map(|i| ent_counts.get(&i).copied().unwrap_or(0)).collect();
        ix.entity_quotes = vec![Vec::new(); m.entities.len()];
        for (qi, q) in m.quotes.iter().enumerate() {
            if let Some(&ei) = q.speaker_entity.as_ref().and_then(|id| ix.entity_by_id.get(id)) {
                ix.entity_quotes[ei].push(qi);
            }
        }
        let mut ents: Vec<(usize, usize)> = ent_counts.into_iter().collect();
        ents.sort_by(|a, b| b.1.cmp(&a.1).then(m.entities[a.0].name.cmp(&m.entities[b.0].name)));
        ix.entities = ents;
        for e in &m.events {
            ix.event_haystack.push(haystack(m, e, &ix));
            let mut speakers: Vec<String> = e
                .quotes
                .iter()
                .filter_map(|q| ix.quote_by_id.get(q))
                .filter_map(|&qi| m.quotes[qi].speaker.clone())
                .collect();
            speakers.sort();
            speakers.dedup();
            ix.event_speakers.push(speakers);
            ix.event_outlets.push(event_outlets(m, e, &ix));
        }
        (ix.x_range, ix.x_focus) = ranges(&dated_spans(m, &ix));
        ix
    }

    /// The article with `id`, if loaded.
    pub fn article<'m>(&self, m: &'m Extraction, id: &str) -> Option<&'m Article> {
        self.article_by_id.get(id).map(|&i| &m.articles[i])
    }
}

/// Originals sorted by date then title, each followed by the articles that duplicate it.
fn source_rows(m: &Extraction, by_id: &HashMap<String, usize>) -> Vec<(usize, bool)> {
    let mut dups: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut originals = Vec::new();
    for (i, a) in m.articles.iter().enumerate() {
        match a.duplicate_of.as_ref().and_then(|d| by_id.get(d)) {
            Some(&o) if o != i => dups.entry(o).or_default().push(i),
            _ => originals.push(i),
        }
    }
    originals.sort_by(|&a, &b| {
        let (x, y) = (&m.articles[a], &m.articles[b]);
        (x.published.is_none(), x.published, &x.title, &x.id).cmp(&(
            y.published.is_none(),
            y.published,
            &y.title,
            &y.id,
        ))
    });
    let mut rows = Vec::with_capacity(m.articles.len());
    for o in originals {
        rows.push((o, false));
        if let Some(d) = dups.remove(&o) {
            rows.extend(d.into_iter().map(|i| (i, true)));
        }
    }
    // Duplicates of duplicates (chains) that were not reached above.
    let mut rest: Vec<usize> = dups.into_values().flatten().collect();
    rest.sort_unstable();
    rows.extend(rest.into_iter().map(|i| (i, true)));
    rows
}

fn haystack(m: &Extraction, e: &Event, ix: &ModelIndex) -> String {
    let mut s = e.title.to_lowercase();
    for ev in &e.evidence {
        s.push('\n');
        s.push_str(&ev.text.to_lowercase());
    }
    for q in e.quotes.iter().filter_map(|q| ix.quote_by_id.get(q)) {
        let q = &m.quotes[*q];
        s.push('\n');
        s.push_str(&q.text.to_lowercase());
        if let Some(sp) = &q.speaker {
            s.push('\n');
            s.push_str(&sp.to_lowercase());
        }
    }
    s
}

fn event_outlets(m: &Extraction, e: &Event, ix: &ModelIndex) -> Vec<String> {
    if !e.outlets.is_empty() {
        return e.outlets.clone();
    }
    let mut v: Vec<String> = e
        .articles
        .iter()
        .filter_map(|a| ix.article_by_id.get(a))
        .filter_map(|&i| m.articles[i].source.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

fn dated_spans(m: &Extraction, ix: &ModelIndex) -> Vec<(NaiveDate, NaiveDate)> {
    if m.events.iter().any(|e| e.start.is_some()) {
        m.events.iter().filter_map(|e| Some((e.start?, e.end.or(e.start)?))).collect()
    } else {
        ix.articles_by_date.iter().filter_map(|&i| m.articles[i].published.map(|d| (d, d))).collect()
    }
}

/// A range of axis positions (days since 1970).
pub type XRange = (f64, f64);

/// Share of the dated items the first view must hold. News folders mix a dense run of recent
/// reports with background dates years back ("set up in 2002"); at 80% those few old dates
/// still stretched the first view over decades, so the first view holds the densest 60% and
/// "Fit all" (or the density strip below the plot) shows the rest.
pub const FOCUS_SHARE: f64 = 0.6;

/// The full range and the [`FOCUS_SHARE`] focus window of `spans`.
fn ranges(spans: &[(NaiveDate, NaiveDate)]) -> (Option<XRange>, Option<XRange>) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for (s, e) in spans {
        lo = lo.min(day_x(*s));
        hi = hi.max(day_x(*e) + 1.0);
    }
    let full = (lo.is_finite() && hi.is_finite()).then_some((lo, hi));
    let mut starts: Vec<f64> = spans.iter().map(|(s, _)| day_x(*s)).collect();
    starts.sort_by(f64::total_cmp);
    let k = ((starts.len() as f64 * FOCUS_SHARE).ceil() as usize).clamp(1, starts.len().max(1));
    let focus = (k <= starts.len() && !starts.is_empty())
        .then(|| {
            (0..=starts.len() - k)
                .map(|i| (starts[i], starts[i + k - 1]))
                .min_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))
        })
        .flatten()
        .map(|(a, b)| (a, b + 1.0));
    (full, focus)
}
