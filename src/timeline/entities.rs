//! Entities across articles: one entity per real-world referent, with its aliases
//! (spacing/hyphenation variants, romanisation variants backed by other evidence).
//!
//! Names that are equal once case, spaces and hyphens are ignored are one entity
//! (`Yoon Suk Yeol` / `Yoon Suk-yeol`). People whose names differ by a few letters
//! (`Lee Seung-buhm` / `Lee Seung-beom`) are merged only when they share a surname and the
//! same number of name parts, and other evidence agrees: a similar stated role, or at
//! least two other entities named alongside them in both articles. Byline names are
//! authors (`role: author`). Ids hash kind + canonical name, so they are stable.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::extract::ArticleAnalysis;
use crate::extract::entities::{author_names, normalize_name};
use crate::model::{Article, Entity, EntityId, EntityKind, stable_hash};

/// The corpus-wide entities plus a lookup from (article, in-article name) to entity id.
#[derive(Clone, Debug, Default)]
pub struct EntityIndex {
    /// Merged entities.
    pub entities: Vec<Entity>,
    /// Article id → in-article canonical name → entity id (nested, so lookups with
    /// borrowed strings allocate nothing).
    pub by_name: HashMap<String, HashMap<String, EntityId>>,
}

impl EntityIndex {
    /// The entity that `name` (an in-article canonical name of `article`) refers to.
    pub fn id_for(&self, article: &str, name: &str) -> Option<&EntityId> {
        self.by_name.get(article)?.get(name)
    }
}

/// One (article, name, kind) with what the article says about it.
#[derive(Clone, Debug)]
struct Record {
    article: String,
    name: String,
    kind: EntityKind,
    role: Option<String>,
    author: bool,
    mentions: usize,
    /// Normalised names of the other people and organisations in the same article.
    context: BTreeSet<String>,
}

/// Merges the per-article entity mentions of all articles into corpus entities.
pub fn merge(articles: &[Article], analyses: &[ArticleAnalysis]) -> EntityIndex {
    let records = collect(articles, analyses);
    let mut uf = UnionFind::new(records.len());
    // Same key → same entity.
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::default();
    let keys: Vec<(EntityKind, String)> =
        records.par_iter().map(|r| (r.kind, normalize_name(&r.name))).collect();
    for (i, key) in keys.into_iter().enumerate() {
        match by_key.get(&key) {
            Some(&j) => uf.union(i, j),
            None => {
                by_key.insert(key, i);
            }
        }
    }
    // Romanisation variants of people: compared only within a surname bucket.
    let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let people: Vec<(usize, Vec<String>)> = records
        .par_iter()
        .enumerate()
        .filter(|(_, r)| r.kind == EntityKind::Person && !r.author)
        .map(|(i, r)| (i, name_parts(&r.name)))
        .collect();
    for (i, parts) in people {
        if parts.len() >= 2 {
            buckets.entry(parts[0].clone()).or_default().push(i);
            if let Some(last) = parts.last() {
                buckets.entry(format!("~{last}")).or_default().push(i);
            }
        }
    }
    for members in buckets.values() {
        if members.len() > 200 {
            continue; // a very common surname: no fuzzy merging
        }
        for (a, &i) in members.iter().enumerate() {
            for &j in &members[a + 1..] {
                if uf.find(i) != uf.find(j) && romanisation_variants(&records[i], &records[j]) {
                    uf.union(i, j);
                }
            }
        }
    }
    build(&records, &mut uf)
}

/// One record per (article, name, kind), articles read in parallel, in article order.
fn collect(articles: &[Article], analyses: &[ArticleAnalysis]) -> Vec<Record> {
    analyses
        .par_iter()
        .enumerate()
        .flat_map_iter(|(idx, analysis)| records_of(articles, idx, analysis))
        .collect()
}

/// The records of article `idx`: its entity names with their roles, mention counts and the
/// other names they appear with.
fn records_of(articles: &[Article], idx: usize, analysis: &ArticleAnalysis) -> Vec<Record> {
    let mut records = Vec::new();
    {
        let mut per: BTreeMap<(String, EntityKind), Record> = BTreeMap::new();
        for m in &analysis.mentions {
            let r = per.entry((m.name.clone(), m.kind)).or_insert_with(|| Record {
                article: m.article.clone(),
                name: m.name.clone(),
                kind: m.kind,
                role: None,
                author: false,
                mentions: 0,
                context: BTreeSet::new(),
            });
            r.mentions += 1;
            if m.role.as_deref() == Some("author") {
                r.author = true;
            } else if let Some(role) = &m.role
                && r.role.as_ref().is_none_or(|old| role.len() > old.len())
            {
                r.role = Some(role.clone());
            }
        }
        // Byline names, even when the text never repeats them.
        if let Some(article) = articles.get(idx) {
            for a in author_names(article) {
                let r = per.entry((a.clone(), EntityKind::Person)).or_insert_with(|| Record {
                    article: article.id.clone(),
                    name: a.clone(),
                    kind: EntityKind::Person,
                    role: None,
                    author: true,
                    mentions: 0,
                    context: BTreeSet::new(),
                });
                r.author = true;
            }
        }
        let names: BTreeSet<String> = per
            .values()
            .filter(|r| matches!(r.kind, EntityKind::Person | EntityKind::Organization) && !r.author)
            .map(|r| normalize_name(&r.name))
            .collect();
        for mut r in per.into_values() {
            let own = normalize_name(&r.name);
            r.context = names.iter().filter(|n| **n != own).cloned().collect();
            records.push(r);
        }
    }
    records
}

/// Lower-case name parts split at spaces and hyphens kept together per part (`lee`, `seungbuhm`).
fn name_parts(name: &str) -> Vec<String> {
    name.split_whitespace().map(normalize_name).filter(|p| !p.is_empty()).collect()
}

fn romanisation_variants(a: &Record, b: &Record) -> bool {
    if a.article == b.article {
        return false;
    }
    let (pa, pb) = (name_parts(&a.name), name_parts(&b.name));
    if pa.len() != pb.len() || pa.len() < 2 {
        return false;
    }
    let same_first = pa[0] == pb[0];
    let same_last = pa.last() == pb.last();
    if !(same_first || same_last) {
        return false;
    }
    let (na, nb) = (pa.concat(), pb.concat());
    let sim = 1.0 - levenshtein(&na, &nb) as f64 / na.chars().count().max(nb.chars().count()).max(1) as f64;
    if sim < 0.75 {
        return false;
    }
    // Every differing part must itself be close (no `Kim Jong-un` / `Kim Jong-nam`).
    for (x, y) in pa.iter().zip(&pb) {
        if x != y {
            let d = levenshtein(x, y);
            if d > 2 || d * 3 > x.chars().count().max(y.chars().count()) {
                return false;
            }
        }
    }
    let role_agrees = match (&a.role, &b.role) {
        (Some(x), Some(y)) => jaccard(&role_words(x), &role_words(y)) >= 0.3,
        _ => false,
    };
    let shared = a.context.intersection(&b.context).count();
    role_agrees || shared >= 2
}

fn role_words(role: &str) -> BTreeSet<String> {
    role.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() > 2 && !matches!(w.as_str(), "the" | "and" | "for" | "from"))
        .collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.union(b).count();
    if union == 0 { 0.0 } else { inter as f64 / union as f64 }
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn build(records: &[Record], uf: &mut UnionFind) -> EntityIndex {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..records.len() {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    let groups: Vec<Vec<usize>> = groups.into_values().collect();
    // Each group's entity on its own (in parallel, in group order), then the name lookup.
    let entities: Vec<Option<Entity>> =
        groups.par_iter().map(|members| entity_of(records, members)).collect();
    let mut index = EntityIndex::default();
    for (members, entity) in groups.iter().zip(entities) {
        let Some(entity) = entity else { continue };
        for &i in members {
            index
                .by_name
                .entry(records[i].article.clone())
                .or_default()
                .insert(records[i].name.clone(), entity.id.clone());
        }
        index.entities.push(entity);
    }
    index
        .entities
        .sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)).then(a.id.cmp(&b.id)));
    index
}

/// The entity of one group of records: canonical spelling (the most mentioned, then the
/// longest, then the first by order), aliases, role, articles and mention count.
fn entity_of(records: &[Record], members: &[usize]) -> Option<Entity> {
    let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in members {
        *spellings.entry(records[i].name.as_str()).or_default() += records[i].mentions.max(1);
    }
    let canonical = spellings
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
        .map(|(n, _)| n.to_string())?;
    let kind = records[*members.first()?].kind;
    let id = format!("ent-{}", &stable_hash(&[&format!("{kind:?}"), &canonical])[..12]);
    let aliases: Vec<String> = spellings.keys().filter(|n| **n != canonical).map(|n| n.to_string()).collect();
    let all_authors = members.iter().all(|&i| records[i].author);
    let role = if all_authors {
        Some("author".to_string())
    } else {
        members
            .iter()
            .filter_map(|&i| records[i].role.clone())
            .max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)))
    };
    let articles: BTreeSet<String> = members.iter().map(|&i| records[i].article.clone()).collect();
    let mentions = members.iter().map(|&i| records[i].mentions).sum();
    Some(Entity {
        id,
        name: canonical,
        kind,
        aliases,
        role,
        articles: articles.into_iter().collect(),
        mentions,
        edited: Vec::new(),
    })
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect() }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index wins, so results do not depend on union order.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levenshtein_counts_edits() {
        assert_eq!(levenshtein("seungbuhm", "seungbeom"), 2);
        assert_eq!(levenshtein("", "ab"), 2);
    }
}
