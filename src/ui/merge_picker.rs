//! The "Merge with…" picker: search the events (or entities) for the one to merge into the
//! selected one, pick it, confirm. Candidates are ranked so the likely duplicates come first
//! without typing: events nearest in date, entities of the same kind that share a word or an
//! acronym with the selected one. The ranking reads the model only; the merge itself is an
//! [`Edit`](crate::edits::Edit) sent by [`super::edit_actions`].

use std::cmp::Reverse;
use std::collections::BTreeSet;

use super::view_model::ModelIndex;
use crate::model::{Entity, Extraction};

/// How many candidates the picker lists at most (type to narrow).
pub const MAX_CANDIDATES: usize = 12;

/// What the picker merges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeKind {
    /// Another event into the selected event.
    Event,
    /// Another entity into the selected entity.
    Entity,
}

/// An open picker: what it merges into, the search text, the highlighted candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergePicker {
    /// Events or entities.
    pub kind: MergeKind,
    /// Id of the selected event/entity, which absorbs the chosen one and keeps its id.
    pub target: String,
    /// Search text typed so far.
    pub query: String,
    /// Id of the candidate picked, waiting for confirmation.
    pub chosen: Option<String>,
    /// Candidates for (query, model generation), so ranking runs once per change.
    cache: Option<(String, usize, Vec<usize>)>,
    /// Focus the search box on the next frame.
    pub focus_pending: bool,
}

impl MergePicker {
    /// A picker merging into `target`, with an empty search focused.
    pub fn new(kind: MergeKind, target: &str) -> MergePicker {
        MergePicker {
            kind,
            target: target.to_string(),
            query: String::new(),
            chosen: None,
            cache: None,
            focus_pending: true,
        }
    }

    /// The ranked candidates for the current query (recomputed when the query or the model
    /// generation changed). Indices into `m.events` or `m.entities`.
    pub fn candidates(&mut self, m: &Extraction, ix: &ModelIndex, generation: usize) -> &[usize] {
        let fresh = self.cache.as_ref().is_some_and(|(q, g, _)| q == &self.query && *g == generation);
        if !fresh {
            let list = match self.kind {
                MergeKind::Event => ix
                    .event_by_id
                    .get(&self.target)
                    .map(|&t| event_candidates(m, ix, t, &self.query))
                    .unwrap_or_default(),
                MergeKind::Entity => ix
                    .entity_by_id
                    .get(&self.target)
                    .map(|&t| entity_candidates(m, t, &self.query))
                    .unwrap_or_default(),
            };
            self.cache = Some((self.query.clone(), generation, list));
        }
        self.cache.as_ref().map(|(_, _, l)| l.as_slice()).unwrap_or(&[])
    }
}

fn words(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// Events other than `target` whose title, evidence, quotes, speakers or date contain every
/// word of `query`, nearest in date to `target` first (undated last), at most
/// [`MAX_CANDIDATES`].
pub fn event_candidates(m: &Extraction, ix: &ModelIndex, target: usize, query: &str) -> Vec<usize> {
    let Some(t) = m.events.get(target) else { return Vec::new() };
    let words = words(query);
    let mut hits: Vec<(i64, usize)> = m
        .events
        .iter()
        .enumerate()
        .filter(|&(i, e)| {
            i != target
                && words.iter().all(|w| {
                    ix.event_haystack.get(i).is_some_and(|h| h.contains(w.as_str()))
                        || e.date.to_lowercase().contains(w.as_str())
                })
        })
        .map(|(i, e)| {
            let distance = match (t.start, e.start) {
                (Some(a), Some(b)) => (a - b).num_days().abs(),
                _ => i64::MAX,
            };
            (distance, i)
        })
        .collect();
    let keep = MAX_CANDIDATES.min(hits.len());
    if keep < hits.len() {
        hits.select_nth_unstable(keep);
        hits.truncate(keep);
    }
    hits.sort_unstable();
    hits.into_iter().map(|(_, i)| i).collect()
}

/// Lower-case words of a name (letters and digits), at least two characters long.
fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 2).map(str::to_lowercase)
}

/// The acronym of a multi-word name (`United States` → `us`, `Ministry of Foreign Affairs`
/// → `mfa`): initials of its capitalised words. `None` for one-word names.
pub fn acronym(name: &str) -> Option<String> {
    let caps: Vec<char> = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect();
    (caps.len() >= 2).then(|| caps.into_iter().collect())
}

/// A name written as an acronym, normalised (`U.S.` → `us`, `NATO` → `nato`).
fn as_acronym(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    (letters.chars().count() >= 2 && letters.chars().all(|c| c.is_alphabetic() && c.is_uppercase()))
        .then(|| letters.to_lowercase())
}

fn names(e: &Entity) -> impl Iterator<Item = &str> {
    std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str))
}

/// Whether every word of one name is a word of the other (`Lim` ~ `Lim Soo-suk`, `Korea` ~
/// `South Korea`, but not `South Korea` ~ `North Korea`).
fn words_nested(x: &str, y: &str) -> bool {
    let wx: BTreeSet<String> = name_words(x).collect();
    let wy: BTreeSet<String> = name_words(y).collect();
    !wx.is_empty() && !wy.is_empty() && (wx.is_subset(&wy) || wy.is_subset(&wx))
}

/// Whether `a` and `b` look like the same entity written differently: the words of one name
/// are all in the other, or one's name is the other's acronym (`U.S.` ~ `United States`).
pub fn look_alike(a: &Entity, b: &Entity) -> bool {
    let shared = names(a).any(|x| names(b).any(|y| words_nested(x, y)));
    let acro = |x: &Entity, y: &Entity| {
        names(x).filter_map(as_acronym).any(|ac| names(y).filter_map(acronym).any(|full| full == ac))
    };
    shared || acro(a, b) || acro(b, a)
}

/// Entities other than `target` whose name or an alias contains every word of `query`:
/// same kind and look-alike names first, then by mentions, at most [`MAX_CANDIDATES`].
pub fn entity_candidates(m: &Extraction, target: usize, query: &str) -> Vec<usize> {
    let Some(t) = m.entities.get(target) else { return Vec::new() };
    let words = words(query);
    let mut hits: Vec<(bool, bool, Reverse<usize>, String, usize)> = m
        .entities
        .iter()
        .enumerate()
        .filter(|&(i, e)| {
            i != target && words.iter().all(|w| names(e).any(|n| n.to_lowercase().contains(w.as_str())))
        })
        .map(|(i, e)| (e.kind != t.kind, !look_alike(t, e), Reverse(e.mentions), e.name.to_lowercase(), i))
        .collect();
    let keep = MAX_CANDIDATES.min(hits.len());
    if keep < hits.len() {
        hits.select_nth_unstable(keep);
        hits.truncate(keep);
    }
    hits.sort_unstable();
    hits.into_iter().map(|h| h.4).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    fn entity(id: &str, name: &str, kind: EntityKind, mentions: usize) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: Vec::new(),
            role: None,
            articles: Vec::new(),
            mentions,
            edited: Vec::new(),
        }
    }

    #[test]
    fn acronyms_and_shared_words_look_alike() {
        let us = entity("a", "U.S.", EntityKind::Place, 1);
        let united = entity("b", "United States", EntityKind::Place, 1);
        let lim = entity("c", "Lim Soo-suk", EntityKind::Person, 1);
        let lim2 = entity("d", "Lim", EntityKind::Person, 1);
        let south = entity("e", "South Korea", EntityKind::Place, 1);
        let north = entity("f", "North Korea", EntityKind::Place, 1);
        let korea = entity("g", "Korea", EntityKind::Place, 1);
        assert!(look_alike(&us, &united) && look_alike(&united, &us));
        assert!(look_alike(&lim, &lim2));
        assert!(!look_alike(&south, &north), "one shared word is not enough");
        assert!(look_alike(&korea, &south));
        assert!(!look_alike(&us, &lim));
        assert_eq!(acronym("Ministry of Foreign Affairs").as_deref(), Some("mfa"));
        assert_eq!(acronym("Seoul"), None);
    }

    #[test]
    fn entity_candidates_rank_look_alikes_of_the_same_kind_first() {
        let m = Extraction {
            entities: vec![
                entity("us", "United States", EntityKind::Place, 3),
                entity("china", "China", EntityKind::Place, 50),
                entity("usa", "U.S.", EntityKind::Place, 2),
                entity("uss", "U.S. Navy", EntityKind::Organization, 9),
            ],
            ..Extraction::default()
        };
        let c = entity_candidates(&m, 0, "");
        let ids: Vec<&str> = c.iter().map(|&i| m.entities[i].id.as_str()).collect();
        assert_eq!(ids, ["usa", "china", "uss"], "same kind look-alike, same kind, other kind");
        let c = entity_candidates(&m, 0, "navy");
        assert_eq!(c, vec![3]);
        assert!(entity_candidates(&m, 9, "").is_empty(), "a vanished target has no candidates");
    }
}
