//! Quotes to events: which quotes support or comment on each event, best first.
//!
//! A quote is scored against every event its article reports: same sentence as one of the
//! event's mentions, same paragraph, being in the event's passage (the nearest preceding
//! happening of the article), shared topic words (IDF-weighted), and a speaker who takes
//! part in the event. Quotes reaching [`MIN_SUPPORT`] are listed, highest score first.

use rustc_hash::FxHashMap as HashMap;

use crate::extract::ArticleAnalysis;
use crate::extract::events::clause::slice;
use crate::extract::events::lexicon;
use crate::model::{Article, Event, EventKind};

use super::assemble::MentionRef;
use super::similarity::{Vocabulary, fold_name};

/// Sentences apart within which a quote in the same paragraph counts as nearby (long
/// single-paragraph articles would otherwise tie every quote to every event).
const NEAR_SENTENCES: usize = 2;
/// Sentences after a happening that still belong to its passage.
const PASSAGE_SENTENCES: usize = 4;
/// Score a quote needs to be listed with an event.
pub const MIN_SUPPORT: f32 = 2.0;

/// Where one mention sits in its article.
#[derive(Clone, Copy, Debug)]
struct Place {
    event: usize,
    sentence: usize,
    paragraph: usize,
    happening: bool,
}

/// Fills `events[i].quotes` from the quotes of the articles reporting them. `groups[i]`
/// lists the mentions (indices into `mentions`) of `events[i]`.
pub fn attach(
    events: &mut [Event],
    groups: &[Vec<usize>],
    mentions: &[MentionRef],
    articles: &[Article],
    analyses: &[ArticleAnalysis],
    vocab: &Vocabulary,
) {
    let mut by_article: HashMap<usize, Vec<Place>> = HashMap::default();
    for (e, group) in groups.iter().enumerate() {
        for &m in group {
            let r = mentions[m];
            let Some(an) = analyses.get(r.article) else { continue };
            let Some(si) = an.doc.sentence_at(r.mention.evidence.start) else { continue };
            by_article.entry(r.article).or_default().push(Place {
                event: e,
                sentence: si,
                paragraph: an.doc.sentences[si].paragraph,
                happening: r.mention.kind == EventKind::Event,
            });
        }
    }
    let topic: Vec<HashMap<&str, f32>> = groups
        .iter()
        .map(|g| {
            let mut t = HashMap::default();
            for &m in g {
                for k in &mentions[m].mention.keywords {
                    let w = vocab.id(k).map(|id| vocab.idf(id)).unwrap_or(1.0);
                    t.insert(k.as_str(), w);
                }
            }
            t
        })
        .collect();
    let mut scored: Vec<Vec<(f32, usize, usize, String)>> = vec![Vec::new(); events.len()];
    let mut reporting: Vec<usize> = by_article.keys().copied().collect();
    reporting.sort_unstable();
    for ai in reporting {
        let places = &by_article[&ai];
        let an = &analyses[ai];
        for q in &an.quotes {
            let Some(qs) = an.doc.sentence_at(q.start) else { continue };
            let qp = an.doc.sentences[qs].paragraph;
            let sentence = &an.doc.sentences[qs];
            let sentence_text = slice(&articles[ai].text, sentence.start, sentence.end);
            let context = format!("{} {}", q.text, sentence_text);
            let words = lexicon::keywords(&context);
            let passage =
                places.iter().filter(|p| p.happening && p.sentence <= qs).max_by_key(|p| p.sentence);
            let mut best_per_event: HashMap<usize, f32> = HashMap::default();
            for p in places {
                let mut s = 0.0;
                let gap = qs.abs_diff(p.sentence);
                if p.sentence == qs {
                    s += 3.0;
                } else if p.paragraph == qp && gap <= NEAR_SENTENCES {
                    s += 2.0;
                }
                if passage.is_some_and(|x| x.event == p.event) && gap <= PASSAGE_SENTENCES {
                    s += 1.5;
                }
                let overlap: f32 = words.iter().filter_map(|w| topic[p.event].get(w.as_str())).sum();
                if overlap <= 0.0 && p.sentence != qs {
                    continue; // nothing in common with the event's words
                }
                s += (overlap / 3.0).min(2.0);
                if let Some(sp) = &q.speaker {
                    let key = fold_name(sp);
                    let takes_part = events[p.event]
                        .entities
                        .iter()
                        .any(|e| e.len() > 3 && (e.contains(&key) || key.contains(e.as_str())));
                    if !key.is_empty() && takes_part {
                        s += 1.0;
                    }
                }
                let e = best_per_event.entry(p.event).or_insert(0.0);
                *e = e.max(s);
            }
            for (e, s) in best_per_event {
                if s >= MIN_SUPPORT {
                    scored[e].push((s, ai, q.start, q.id.clone()));
                }
            }
        }
    }
    for (e, mut list) in scored.into_iter().enumerate() {
        list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut ids: Vec<String> = Vec::new();
        for (_, _, _, id) in list {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        events[e].quotes = ids;
    }
}
