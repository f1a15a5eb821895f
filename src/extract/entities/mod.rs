//! Named entities inside one article: people (with roles), organisations, places.
//!
//! Capitalised runs are classified with word tables and the place gazetteer
//! ([`runs`]), roles are read from titles and appositives ([`roles`]), then mentions are
//! linked inside the article ([`linking`]): a surname or `Secretary Xin` takes the full
//! name, `the Foreign Ministry` the most specific ministry name, `INSS` its expansion.
//! Byline names are authors (`role: author`), not actors.

pub mod gazetteer;
pub mod lexicon;
mod linking;
mod roles;
mod runs;
pub mod tokens;

use crate::model::{Article, EntityKind, EntityMention};
use crate::text::Document;

pub use linking::normalize_name;

/// Finds entity mentions in `article`, each linked to its most specific in-article name.
pub fn extract(article: &Article, doc: &Document) -> Vec<EntityMention> {
    let _ = doc;
    let text: &str = &article.text;
    let toks = tokens::tokenize(text, 0, text.len());
    let mut cands = Vec::new();
    for (first, last) in runs::runs(text, &toks) {
        runs::classify(text, &toks, first, last, &mut cands);
    }
    for c in cands.iter_mut().filter(|c| c.kind == EntityKind::Person) {
        roles::find_role(text, &toks, c);
    }
    let cands = linking::link(text, &toks, cands);
    let mut out: Vec<EntityMention> = cands
        .into_iter()
        .map(|c| EntityMention {
            article: article.id.clone(),
            start: c.start,
            end: c.end,
            text: text.get(c.start..c.end).unwrap_or("").to_string(),
            name: c.name,
            kind: c.kind,
            role: c.role,
        })
        .collect();
    mark_authors(article, &mut out);
    out.sort_by_key(|a| (a.start, a.end));
    out.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    out
}

/// The article's author names: `authors`, else the byline split on `and` and commas.
pub fn author_names(article: &Article) -> Vec<String> {
    if !article.authors.is_empty() {
        return article.authors.iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
    }
    let Some(b) = &article.byline else { return Vec::new() };
    let b = b.trim().trim_start_matches("By ").trim_start_matches("by ");
    b.split([',', ';', '|'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().to_string())
        .filter(|p| {
            !p.is_empty() && p.split(' ').count() <= 5 && p.chars().next().is_some_and(|c| c.is_uppercase())
        })
        .collect()
}

/// Marks mentions of byline names as authors, adding one at the byline when none exists.
fn mark_authors(article: &Article, out: &mut Vec<EntityMention>) {
    let text: &str = &article.text;
    for author in author_names(article) {
        let key = normalize_name(&author);
        let mut found = false;
        for m in out.iter_mut() {
            if normalize_name(&m.name) == key {
                m.kind = EntityKind::Person;
                m.role = Some("author".to_string());
                m.name = author.clone();
                found = true;
            }
        }
        if !found && let Some(pos) = text.find(author.as_str()) {
            {
                out.push(EntityMention {
                    article: article.id.clone(),
                    start: pos,
                    end: pos + author.len(),
                    text: author.clone(),
                    name: author.clone(),
                    kind: EntityKind::Person,
                    role: Some("author".to_string()),
                });
            }
        }
    }
}
