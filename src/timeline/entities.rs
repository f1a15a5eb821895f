//! Entities across articles: one entity per real-world referent, with its aliases
//! (spacing/hyphenation variants, romanisation variants backed by other evidence).
//!
//! Names that are equal once case, spaces and hyphens are ignored are one entity
//! (`Yoon Suk Yeol` / `Yoon Suk-yeol`). People whose names differ by a few letters
//! (`Lee Seung-buhm` / `Lee Seung-beom`) are merged only when they share a surname and the
//! same number of name parts, and other evidence agrees: a similar stated role, or at
//! least two other entities named alongside them in both articles. Byline names are
//! authors (`role: author`). Ids hash kind + canonical name, so they are stable.

use std::borrow::Cow;
use std::collections::BTreeSet;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::extract::ArticleAnalysis;
use crate::extract::entities::{author_names, normalize_name};
use crate::model::{Article, Entity, EntityId, EntityKind, EntityMention, stable_hash};

/// The corpus-wide entities plus a lookup from (article, in-article name) to entity.
#[derive(Clone, Debug, Default)]
pub struct EntityIndex {
    /// Merged entities.
    pub entities: Vec<Entity>,
    /// Article id → in-article canonical name → position of its entity in `entities`
    /// (nested, so lookups with borrowed strings allocate nothing; a position, so the
    /// index holds one copy of each id, not one per name).
    pub by_name: HashMap<String, HashMap<String, u32>>,
}

impl EntityIndex {
    /// The entity that `name` (an in-article canonical name of `article`) refers to.
    pub fn id_for(&self, article: &str, name: &str) -> Option<&EntityId> {
        self.article(article).id_for(name)
    }

    /// The names of one article, for looking up many of them ([`ArticleNames::id_for`]
    /// is [`EntityIndex::id_for`] without finding the article again).
    pub fn article(&self, article: &str) -> ArticleNames<'_> {
        ArticleNames { entities: &self.entities, names: self.by_name.get(article) }
    }
}

/// One article's part of an [`EntityIndex`].
#[derive(Clone, Copy, Debug)]
pub struct ArticleNames<'a> {
    entities: &'a [Entity],
    names: Option<&'a HashMap<String, u32>>,
}

impl<'a> ArticleNames<'a> {
    /// The entity that `name` (an in-article canonical name of this article) refers to.
    pub fn id_for(&self, name: &str) -> Option<&'a EntityId> {
        let at = *self.names?.get(name)?;
        self.entities.get(at as usize).map(|e| &e.id)
    }
}

/// One (article, name, kind) with what the article says about it. Strings are borrowed
/// from the analyses (only byline names are owned), so the records of a large corpus copy
/// no text.
#[derive(Clone, Debug)]
struct Record<'a> {
    article: &'a str,
    name: Cow<'a, str>,
    /// The name normalised ([`normalize_name`]): records with equal keys (and kinds) are
    /// one entity.
    key: String,
    kind: EntityKind,
    role: Option<&'a str>,
    author: bool,
    mentions: usize,
    /// Index of the article in the corpus: its [`Context`].
    context: usize,
}

/// Normalised names of the people and organisations (not authors) of one article, sorted
/// and distinct: a record's context is this list without its own key.
type Context = Vec<String>;

/// Merges the per-article entity mentions of all articles into corpus entities.
pub fn merge(articles: &[Article], analyses: &[ArticleAnalysis]) -> EntityIndex {
    let (records, contexts) = collect(articles, analyses);
    let mut uf = UnionFind::new(records.len());
    // Same key → same entity.
    let mut by_key: HashMap<(EntityKind, &str), usize> =
        HashMap::with_capacity_and_hasher(records.len(), Default::default());
    for (i, r) in records.iter().enumerate() {
        match by_key.get(&(r.kind, r.key.as_str())) {
            Some(&j) => uf.union(i, j),
            None => {
                by_key.insert((r.kind, &r.key), i);
            }
        }
    }
    for (i, j) in romanisation_pairs(&records, &contexts, &mut uf) {
        uf.union(i, j);
    }
    build(&records, &mut uf)
}

/// One record per (article, name, kind), articles read in parallel, in article order; and
/// each article's [`Context`].
fn collect<'a>(articles: &'a [Article], analyses: &'a [ArticleAnalysis]) -> (Vec<Record<'a>>, Vec<Context>) {
    let per_article: Vec<(Vec<Record>, Context)> =
        analyses.par_iter().enumerate().map(|(idx, analysis)| records_of(articles, idx, analysis)).collect();
    let mut records = Vec::with_capacity(per_article.iter().map(|(r, _)| r.len()).sum());
    let mut contexts = Vec::with_capacity(per_article.len());
    for (r, c) in per_article {
        records.extend(r);
        contexts.push(c);
    }
    (records, contexts)
}

/// The records of article `idx`: its entity names with their roles and mention counts;
/// and the article's [`Context`].
fn records_of<'a>(
    articles: &'a [Article],
    idx: usize,
    analysis: &'a ArticleAnalysis,
) -> (Vec<Record<'a>>, Context) {
    let record = |article: &'a str, name: Cow<'a, str>, kind: EntityKind, author: bool| Record {
        article,
        key: String::new(),
        name,
        kind,
        role: None,
        author,
        mentions: 0,
        context: idx,
    };
    // One record per (name, kind), in that order: the mentions sorted (stably, so each
    // name's mentions keep their order) and folded run by run. A sorted list, not a tree
    // map: an article has a handful of names.
    let mut sorted: Vec<&EntityMention> = analysis.mentions.iter().collect();
    sorted.sort_by(|a, b| (a.name.as_str(), a.kind).cmp(&(b.name.as_str(), b.kind)));
    let mut records: Vec<Record<'a>> = Vec::new();
    for m in sorted {
        let r = match records.last_mut() {
            Some(r) if *r.name == *m.name && r.kind == m.kind => r,
            _ => {
                records.push(record(&m.article, Cow::Borrowed(&m.name), m.kind, false));
                let Some(r) = records.last_mut() else { continue };
                r
            }
        };
        r.mentions += 1;
        if m.role.as_deref() == Some("author") {
            r.author = true;
        } else if let Some(role) = &m.role
            && r.role.is_none_or(|old| role.len() > old.len())
        {
            r.role = Some(role);
        }
    }
    // Byline names, even when the text never repeats them.
    if let Some(article) = articles.get(idx) {
        for a in author_names(article) {
            let at = records.binary_search_by(|r| (&*r.name, r.kind).cmp(&(a.as_str(), EntityKind::Person)));
            match at {
                Ok(k) => records[k].author = true,
                Err(k) => records.insert(k, record(&article.id, Cow::Owned(a), EntityKind::Person, true)),
            }
        }
    }
    for r in &mut records {
        r.key = normalize_name(&r.name);
    }
    let mut context: Context = records
        .iter()
        .filter(|r| matches!(r.kind, EntityKind::Person | EntityKind::Organization) && !r.author)
        .map(|r| r.key.clone())
        .collect();
    context.sort_unstable();
    context.dedup();
    (records, context)
}

/// A person's name prepared for the romanisation test.
struct PersonName {
    /// Lower-case name parts ([`name_parts`]).
    parts: Vec<String>,
    /// The parts joined, as characters.
    joined: Vec<char>,
}

/// Pairs of records that are romanisation variants of one person ([`romanisation_variants`])
/// and not yet one entity in `uf` (after the key merge). People are compared only within a
/// surname bucket (first or last name part); buckets are searched in parallel, each with
/// its own union-find over its members so pairs already joined are not tested again. The
/// entities the pairs make are those a serial search would make: union is transitive.
fn romanisation_pairs(records: &[Record], contexts: &[Context], uf: &mut UnionFind) -> Vec<(usize, usize)> {
    // The people (record index and name), in record order; buckets list positions here.
    let people: Vec<(usize, PersonName)> = records
        .par_iter()
        .enumerate()
        .filter(|(_, r)| r.kind == EntityKind::Person && !r.author)
        .filter_map(|(i, r)| {
            let parts = name_parts(&r.name);
            (parts.len() >= 2)
                .then(|| (i, PersonName { joined: parts.iter().flat_map(|p| p.chars()).collect(), parts }))
        })
        .collect();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    for (k, (_, n)) in people.iter().enumerate() {
        by_first.entry(&n.parts[0]).or_default().push(k);
        if let Some(last) = n.parts.last() {
            by_last.entry(last).or_default().push(k);
        }
    }
    // A very common surname: no fuzzy merging.
    let buckets: Vec<&Vec<usize>> =
        by_first.values().chain(by_last.values()).filter(|m| m.len() > 1 && m.len() <= 200).collect();
    let roots: Vec<usize> = (0..records.len()).map(|i| uf.find(i)).collect();
    buckets
        .par_iter()
        .flat_map_iter(|members| {
            // Members with one root are one entity already.
            let mut first_of: HashMap<usize, usize> = HashMap::default();
            let parent: Vec<usize> = members
                .iter()
                .enumerate()
                .map(|(a, &k)| *first_of.entry(roots[people[k].0]).or_insert(a))
                .collect();
            let mut local = UnionFind { parent };
            let mut scratch = Vec::new();
            let mut found = Vec::new();
            for (a, &(i, ref ni)) in members.iter().map(|&k| &people[k]).enumerate() {
                for (b, &(j, ref nj)) in members.iter().map(|&k| &people[k]).enumerate().skip(a + 1) {
                    if local.find(a) == local.find(b) {
                        continue;
                    }
                    if romanisation_variants((&records[i], ni), (&records[j], nj), contexts, &mut scratch) {
                        local.union(a, b);
                        found.push((i, j));
                    }
                }
            }
            found
        })
        .collect()
}

/// Lower-case name parts split at spaces and hyphens kept together per part (`lee`, `seungbuhm`).
fn name_parts(name: &str) -> Vec<String> {
    name.split_whitespace().map(normalize_name).filter(|p| !p.is_empty()).collect()
}

fn romanisation_variants(
    (a, na): (&Record, &PersonName),
    (b, nb): (&Record, &PersonName),
    contexts: &[Context],
    scratch: &mut Vec<usize>,
) -> bool {
    if a.article == b.article {
        return false;
    }
    let (pa, pb) = (&na.parts, &nb.parts);
    if pa.len() != pb.len() || pa.len() < 2 {
        return false;
    }
    let same_first = pa[0] == pb[0];
    let same_last = pa.last() == pb.last();
    if !(same_first || same_last) {
        return false;
    }
    let (ja, jb) = (&na.joined, &nb.joined);
    let longer = ja.len().max(jb.len()).max(1) as f64;
    let sim = |distance: usize| 1.0 - distance as f64 / longer;
    // The distance is at least the length difference: a cheap bound first.
    if sim(ja.len().abs_diff(jb.len())) < 0.75 || sim(levenshtein(ja, jb, scratch)) < 0.75 {
        return false;
    }
    // Every differing part must itself be close (no `Kim Jong-un` / `Kim Jong-nam`).
    for (x, y) in pa.iter().zip(pb) {
        if x != y {
            let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
            let d = levenshtein(&x, &y, scratch);
            if d > 2 || d * 3 > x.len().max(y.len()) {
                return false;
            }
        }
    }
    let role_agrees = match (a.role, b.role) {
        (Some(x), Some(y)) => jaccard(&role_words(x), &role_words(y)) >= 0.3,
        _ => false,
    };
    role_agrees || shared_context(a, b, contexts) >= 2
}

/// Names both records appear with: the common names of their articles' contexts, other
/// than either record's own.
fn shared_context(a: &Record, b: &Record, contexts: &[Context]) -> usize {
    let (Some(x), Some(y)) = (contexts.get(a.context), contexts.get(b.context)) else { return 0 };
    let own = |n: &String| *n == a.key || *n == b.key;
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += usize::from(!own(&x[i]));
                i += 1;
                j += 1;
            }
        }
    }
    shared
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

/// Edit distance of two character strings; `row` is scratch space.
fn levenshtein(a: &[char], b: &[char], row: &mut Vec<usize>) -> usize {
    row.clear();
    row.extend(0..=b.len());
    for (i, &ca) in a.iter().enumerate() {
        // `row` holds the previous row; `diagonal` its value left of the current cell.
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

fn build(records: &[Record], uf: &mut UnionFind) -> EntityIndex {
    // A group's root is its smallest member, so groups in order of first member are in
    // order of root.
    let roots: Vec<usize> = (0..records.len()).map(|i| uf.find(i)).collect();
    let mut slot_of_root = vec![usize::MAX; records.len()];
    let mut sizes: Vec<usize> = Vec::new();
    for (i, &r) in roots.iter().enumerate() {
        if r == i {
            slot_of_root[i] = sizes.len();
            sizes.push(0);
        }
        if let Some(size) = sizes.get_mut(slot_of_root[r]) {
            *size += 1;
        }
    }
    // Members of all groups in one list, group after group, each in record order.
    let mut starts: Vec<usize> = Vec::with_capacity(sizes.len() + 1);
    starts.push(0);
    for (g, size) in sizes.iter().enumerate() {
        starts.push(starts[g] + size);
    }
    let mut fill = starts.clone();
    let mut members = vec![0usize; records.len()];
    for (i, &r) in roots.iter().enumerate() {
        if let Some(at) = fill.get_mut(slot_of_root[r]) {
            members[*at] = i;
            *at += 1;
        }
    }
    let groups: Vec<&[usize]> = starts.windows(2).map(|w| &members[w[0]..w[1]]).collect();
    // Each group's entity on its own (in parallel, in group order), then the name lookup.
    let entities: Vec<Option<Entity>> =
        groups.par_iter().map(|members| entity_of(records, members)).collect();
    let mut made: Vec<(usize, Entity)> =
        entities.into_iter().enumerate().filter_map(|(g, e)| e.map(|e| (g, e))).collect();
    made.sort_by(|(_, a), (_, b)| {
        b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)).then(a.id.cmp(&b.id))
    });
    // Group slot → position of its entity; the group's root decides between two entities
    // of one (article, name) (a later group's, as a serial fill would leave).
    let mut position = vec![u32::MAX; groups.len()];
    for (at, (g, _)) in made.iter().enumerate() {
        position[*g] = at as u32;
    }
    let root_of_position: Vec<usize> = made.iter().map(|(g, _)| groups[*g][0]).collect();
    let entities: Vec<Entity> = made.into_iter().map(|(_, e)| e).collect();
    let entity_at = |i: usize| position[slot_of_root[roots[i]]];
    // Records are in article order: each article's names in parallel.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (i, r) in records.iter().enumerate() {
        match spans.last_mut() {
            Some(s) if records[s.0].context == r.context => s.1 = i + 1,
            _ => spans.push((i, i + 1)),
        }
    }
    let keep_later = |map: &mut HashMap<String, u32>, name: &str, at: u32| match map.get_mut(name) {
        Some(old) if root_of_position[*old as usize] < root_of_position[at as usize] => *old = at,
        Some(_) => {}
        None => {
            map.insert(name.to_string(), at);
        }
    };
    let per_article: Vec<Vec<(&str, HashMap<String, u32>)>> = spans
        .par_iter()
        .map(|&(from, to)| {
            let mut maps: Vec<(&str, HashMap<String, u32>)> = Vec::new();
            for (i, r) in records.iter().enumerate().take(to).skip(from) {
                let at = entity_at(i);
                if at == u32::MAX {
                    continue;
                }
                let k = match maps.iter().position(|(a, _)| *a == r.article) {
                    Some(k) => k,
                    None => {
                        maps.push((r.article, HashMap::default()));
                        maps.len() - 1
                    }
                };
                keep_later(&mut maps[k].1, &r.name, at);
            }
            maps
        })
        .collect();
    let mut by_name: HashMap<String, HashMap<String, u32>> = HashMap::default();
    by_name.reserve(per_article.len());
    for (article, map) in per_article.into_iter().flatten() {
        match by_name.get_mut(article) {
            Some(old) => map.into_iter().for_each(|(name, at)| keep_later(old, &name, at)),
            None => {
                by_name.insert(article.to_string(), map);
            }
        }
    }
    EntityIndex { entities, by_name }
}

/// The entity of one group of records: canonical spelling (the most mentioned, then the
/// longest, then the first by order), aliases, role, articles and mention count.
fn entity_of(records: &[Record], members: &[usize]) -> Option<Entity> {
    // Spellings with their mention counts, in name order (sorted lists, not trees: most
    // groups have one member, and a tree node per group would cost far more).
    let mut spellings: Vec<(&str, usize)> =
        members.iter().map(|&i| (&*records[i].name, records[i].mentions.max(1))).collect();
    spellings.sort_unstable_by(|a, b| a.0.cmp(b.0));
    spellings.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
        }
        same
    });
    let canonical = spellings
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
        .map(|(n, _)| n.to_string())?;
    let kind = records[*members.first()?].kind;
    let id = format!("ent-{}", &stable_hash(&[&format!("{kind:?}"), &canonical])[..12]);
    let aliases: Vec<String> =
        spellings.iter().filter(|(n, _)| *n != canonical).map(|(n, _)| n.to_string()).collect();
    let all_authors = members.iter().all(|&i| records[i].author);
    let role = if all_authors {
        Some("author".to_string())
    } else {
        members
            .iter()
            .filter_map(|&i| records[i].role)
            .max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)))
            .map(str::to_string)
    };
    let mut articles: Vec<&str> = members.iter().map(|&i| records[i].article).collect();
    articles.sort_unstable();
    articles.dedup();
    let mentions = members.iter().map(|&i| records[i].mentions).sum();
    Some(Entity {
        id,
        name: canonical,
        kind,
        aliases,
        role,
        articles: articles.into_iter().map(str::to_string).collect(),
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
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let mut row = Vec::new();
        assert_eq!(levenshtein(&chars("seungbuhm"), &chars("seungbeom"), &mut row), 2);
        assert_eq!(levenshtein(&chars(""), &chars("ab"), &mut row), 2);
        assert_eq!(levenshtein(&chars("kitten"), &chars("sitting"), &mut row), 3);
    }
}
