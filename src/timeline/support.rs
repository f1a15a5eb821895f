//! Quotes to events: which quotes support or comment on each event, best first.
//!
//! A quote is scored against every event its article reports: same sentence as one of the
//! event's mentions, same paragraph, being in the event's passage (the nearest preceding
//! happening of the article), shared topic words (IDF-weighted), and a speaker who takes
//! part in the event. Quotes reaching [`MIN_SUPPORT`] are listed, highest score first.

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::extract::ArticleAnalysis;
use crate::extract::events::clause::slice;
use crate::extract::events::lexicon;
use crate::model::{Article, Event, EventKind, Quote};

use super::assemble::MentionRef;
use super::similarity::{Profile, Vocabulary, fold_name};

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
/// lists the mentions (indices into `mentions`) of `events[i]`; `profiles` are the
/// mentions' profiles made with `vocab` (their keyword ids are reused).
pub fn attach(
    events: &mut [Event],
    groups: &[Vec<usize>],
    mentions: &[MentionRef],
    profiles: &[Profile],
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
    // Only events reported by an article with quotes are ever scored.
    let mut scored_event = vec![false; groups.len()];
    for (&ai, places) in &by_article {
        if analyses.get(ai).is_some_and(|an| !an.quotes.is_empty()) {
            places.iter().for_each(|p| scored_event[p.event] = true);
        }
    }
    let topic: Vec<Topic> = groups
        .par_iter()
        .zip(&scored_event)
        .map(|(g, &scored)| if scored { Topic::of(g, mentions, profiles, vocab) } else { Topic::default() })
        .collect();
    let mut reporting: Vec<usize> = by_article.keys().copied().collect();
    reporting.sort_unstable();
    let participants: Vec<Option<Participants>> = events.par_iter().map(Participants::new).collect();
    let ctx = Context { events, participants: &participants, topic: &topic, vocab, articles, analyses };
    let found: Vec<Vec<Support>> =
        reporting.par_iter().map(|&ai| article_support(ai, &by_article[&ai], &ctx)).collect();
    let mut scored: Vec<Vec<(f32, usize, usize, String)>> = vec![Vec::new(); events.len()];
    for (e, s, ai, start, id) in found.into_iter().flatten() {
        scored[e].push((s, ai, start, id));
    }
    events.par_iter_mut().zip(scored.into_par_iter()).for_each(|(event, mut list)| {
        list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        // First occurrence of each id, best first.
        let first: Vec<bool> = {
            let mut seen: HashSet<&str> = HashSet::default();
            list.iter().map(|x| seen.insert(x.3.as_str())).collect()
        };
        event.quotes = list.into_iter().zip(first).filter_map(|(x, first)| first.then_some(x.3)).collect();
    });
}

/// One quote supporting one event: `(event, score, article, quote start, quote id)`.
type Support = (usize, f32, usize, usize, String);

/// What scoring a quote against events reads.
struct Context<'a> {
    events: &'a [Event],
    /// Per event: its participants prepared for the speaker test, when it has many.
    participants: &'a [Option<Participants<'a>>],
    /// Per event: its topic words (empty for events no quote is scored against).
    topic: &'a [Topic<'a>],
    vocab: &'a Vocabulary,
    articles: &'a [Article],
    analyses: &'a [ArticleAnalysis],
}

/// An event's topic words (its mentions' keywords): their vocabulary ids, sorted, and any
/// keyword the vocabulary does not know (weighing 1).
#[derive(Default)]
struct Topic<'a> {
    ids: Vec<u32>,
    unknown: Vec<&'a str>,
}

impl<'a> Topic<'a> {
    fn of(
        group: &[usize],
        mentions: &[MentionRef<'a>],
        profiles: &[Profile],
        vocab: &Vocabulary,
    ) -> Topic<'a> {
        let mut t = Topic::default();
        for &m in group {
            let keywords = &mentions[m].mention.keywords;
            // As many ids as keywords: every keyword is known (and none repeats), and the
            // profile holds their ids; no need to look them up again.
            if let Some(p) = profiles.get(m).filter(|p| p.keywords.len() == keywords.len()) {
                t.ids.extend(p.keywords.iter().map(|k| k.0));
                continue;
            }
            for k in keywords {
                match vocab.id(k) {
                    Some(id) => t.ids.push(id),
                    None if !t.unknown.contains(&k.as_str()) => t.unknown.push(k),
                    None => {}
                }
            }
        }
        t.ids.sort_unstable();
        t.ids.dedup();
        t
    }

    /// The IDF weight of a quote word when it is one of the topic words; `known` is the
    /// word's vocabulary id and IDF weight, if the vocabulary has it.
    fn weight(&self, word: &str, known: Option<(u32, f32)>) -> Option<f32> {
        match known {
            Some((id, idf)) => self.ids.binary_search(&id).is_ok().then_some(idf),
            None => self.unknown.contains(&word).then_some(1.0),
        }
    }
}

/// The quotes of article `ai` that reach [`MIN_SUPPORT`] for an event it reports
/// (`places`: where its mentions of those events sit).
fn article_support(ai: usize, places: &[Place], ctx: &Context) -> Vec<Support> {
    let an = &ctx.analyses[ai];
    let mut out = Vec::new();
    for q in &an.quotes {
        let Some(qs) = an.doc.sentence_at(q.start) else { continue };
        for (e, s) in quote_scores(q, qs, places, &ctx.articles[ai], an, ctx) {
            if s >= MIN_SUPPORT {
                out.push((e, s, ai, q.start, q.id.clone()));
            }
        }
    }
    out
}

/// The best score of quote `q` (in sentence `qs`) for each event with a place in its article.
fn quote_scores(
    q: &Quote,
    qs: usize,
    places: &[Place],
    article: &Article,
    an: &ArticleAnalysis,
    ctx: &Context,
) -> HashMap<usize, f32> {
    let qp = an.doc.sentences[qs].paragraph;
    let sentence = &an.doc.sentences[qs];
    let sentence_text = slice(&article.text, sentence.start, sentence.end);
    let context = format!("{} {}", q.text, sentence_text);
    let words = lexicon::keywords(&context);
    let known: Vec<Option<(u32, f32)>> =
        words.iter().map(|w| ctx.vocab.id(w).map(|id| (id, ctx.vocab.idf(id)))).collect();
    let passage = places.iter().filter(|p| p.happening && p.sentence <= qs).max_by_key(|p| p.sentence);
    let speaker_key = q.speaker.as_deref().map(fold_name);
    // Word overlap and speaker part depend on the event only: computed once per event.
    let mut per_event: HashMap<usize, (f32, bool)> = HashMap::default();
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
        let (overlap, takes_part) = *per_event.entry(p.event).or_insert_with(|| {
            let topic = &ctx.topic[p.event];
            let overlap: f32 = words.iter().zip(&known).filter_map(|(w, &k)| topic.weight(w, k)).sum();
            let many = ctx.participants[p.event].as_ref();
            (overlap, speaker_takes_part(speaker_key.as_deref(), &ctx.events[p.event], many))
        });
        if overlap <= 0.0 && p.sentence != qs {
            continue; // nothing in common with the event's words
        }
        s += (overlap / 3.0).min(2.0);
        if takes_part {
            s += 1.0;
        }
        let e = best_per_event.entry(p.event).or_insert(0.0);
        *e = e.max(s);
    }
    best_per_event
}

/// True when the quote's speaker (folded name `key`) is one of the event's participants:
/// a participant name (longer than three bytes) holds the key or is part of it. `many` is
/// the event's prepared [`Participants`], if it has many.
fn speaker_takes_part(key: Option<&str>, event: &Event, many: Option<&Participants>) -> bool {
    let Some(key) = key.filter(|k| !k.is_empty()) else { return false };
    if let Some(found) = many.and_then(|m| m.take_part(key)) {
        return found;
    }
    event.entities.iter().any(|e| e.len() > 3 && (e.contains(key) || key.contains(e.as_str())))
}

/// Events with more participants than this get a [`Participants`] matcher (events merged
/// from thousands of reports name over a thousand participants).
const MANY_PARTICIPANTS: usize = 32;
/// Longest speaker key the matcher takes (it tries every piece of the key).
const MAX_KEY: usize = 64;

/// An event's participant names (longer than three bytes) prepared for the speaker test:
/// joined by NUL for one substring search, and as a set for names inside the key.
struct Participants<'a> {
    joined: String,
    names: HashSet<&'a str>,
}

impl<'a> Participants<'a> {
    fn new(event: &'a Event) -> Option<Self> {
        if event.entities.len() <= MANY_PARTICIPANTS {
            return None;
        }
        let long: Vec<&str> = event.entities.iter().map(String::as_str).filter(|e| e.len() > 3).collect();
        Some(Participants { joined: long.join("\0"), names: long.into_iter().collect() })
    }

    /// The speaker test for `key` (not empty); `None` when the key is too long or holds
    /// the separator, so the caller falls back to the plain scan.
    fn take_part(&self, key: &str) -> Option<bool> {
        if key.len() > MAX_KEY || key.contains('\0') {
            return None;
        }
        // Without the separator a match lies inside one name.
        if self.joined.contains(key) {
            return Some(true);
        }
        let bounds: Vec<usize> = key.char_indices().map(|(i, _)| i).chain([key.len()]).collect();
        let inside = bounds
            .iter()
            .enumerate()
            .any(|(x, &i)| bounds[x + 1..].iter().any(|&j| j - i > 3 && self.names.contains(&key[i..j])));
        Some(inside)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event_with(names: &[&str]) -> Event {
        Event { entities: names.iter().map(|n| n.to_string()).collect(), ..Default::default() }
    }

    #[test]
    fn the_prepared_speaker_test_agrees_with_the_plain_scan() {
        let mut names: Vec<String> = (0..40).map(|i| format!("official number {i}")).collect();
        names.extend(["moon jae-in", "abe", "kim", "choi sang-mok"].map(String::from));
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let event = event_with(&refs);
        let many = Participants::new(&event);
        assert!(many.is_some());
        for key in [
            "moon",
            "moon jae-in",
            "president moon jae-in",
            "jae",
            "abe",
            "kim jong",
            "sang-mok",
            "choi",
            "official number 3",
            "number",
            "x",
            "제임스 choi sang-mok 씨",
        ] {
            let plain = speaker_takes_part(Some(key), &event, None);
            assert_eq!(speaker_takes_part(Some(key), &event, many.as_ref()), plain, "{key}");
        }
        assert!(speaker_takes_part(Some("president moon jae-in"), &event, many.as_ref()));
        assert!(!speaker_takes_part(Some("kim jong"), &event, many.as_ref()));
        assert!(!speaker_takes_part(Some(""), &event, many.as_ref()));
    }
}
