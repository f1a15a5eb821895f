//! In-article linking: every mention gets the most specific name the article uses for
//! the same referent (surname → full name, `Foreign Ministry` → `South Korean Foreign
//! Ministry`, `INSS` → `Institute for National Security Strategy`).

use super::runs::Candidate;
use super::tokens::{Token, strip_possessive};
use crate::model::EntityKind;

/// Speech verbs after which a lone capitalised word is taken to be a speaker.
const CUE_AFTER: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "explained",
    "noted",
    "wrote",
    "asked",
    "replied",
    "answered",
    "insisted",
    "argued",
    "continued",
    "declared",
    "tweeted",
    "responded",
    "warned",
    "claimed",
    "announced",
];

/// Lower-case key for comparing names: letters and digits only (`Yoon Suk-yeol` → `yoonsukyeol`).
pub fn normalize_name(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(' ').map(strip_possessive).filter(|w| !w.is_empty())
}

fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Links candidates to full names and drops lone words that name nothing known.
pub fn link(text: &str, toks: &[Token], mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by_key(|c| c.start);
    // Full personal names with the position of each mention.
    let full: Vec<(usize, String)> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.name.contains(' '))
        .map(|c| (c.start, c.name.clone()))
        .collect();
    let orgs: Vec<String> =
        cands.iter().filter(|c| c.kind == EntityKind::Organization).map(|c| c.name.clone()).collect();
    let mut keep = Vec::with_capacity(cands.len());
    for mut c in cands {
        // `Chrysler`, `Material Sciences` next to `Chrysler Corp`: the company, not a person.
        if c.kind == EntityKind::Person && c.role.is_none() {
            let prefix = format!("{} ", c.name);
            if let Some(o) = orgs.iter().find(|o| o.starts_with(&prefix)) {
                c.kind = EntityKind::Organization;
                c.name = o.clone();
                keep.push(c);
                continue;
            }
        }
        match c.kind {
            EntityKind::Person if !c.name.contains(' ') => {
                let w = c.name.as_str();
                let hit = |n: &String| words(n).any(|x| x == w);
                let before = full.iter().rev().find(|(s, n)| *s < c.start && hit(n));
                let after = full.iter().find(|(s, n)| *s > c.start && hit(n));
                if let Some((_, n)) = before.or(after) {
                    c.name = n.clone();
                    c.single = false;
                    keep.push(c);
                } else if c.role.is_some()
                    || cue_follows(text, toks, c.last) && !sentence_initial(text, toks, c.first)
                {
                    keep.push(c);
                }
            }
            EntityKind::Organization => {
                if super::tokens::is_acronym(&c.name) {
                    let ac: String = c.name.chars().filter(|ch| ch.is_alphabetic()).collect();
                    if let Some(exp) = orgs.iter().find(|o| o.contains(' ') && initials(o) == ac) {
                        c.name = exp.clone();
                    }
                } else {
                    let suffix = format!(" {}", c.name);
                    if let Some(longer) = orgs.iter().filter(|o| o.ends_with(&suffix)).max_by_key(|o| o.len())
                    {
                        c.name = longer.clone();
                    }
                }
                keep.push(c);
            }
            _ => keep.push(c),
        }
    }
    // A person's role, when stated once, is known for every mention of the name.
    let roles: Vec<(String, String)> =
        keep.iter().filter_map(|c| c.role.as_ref().map(|r| (c.name.clone(), r.clone()))).collect();
    for c in keep.iter_mut().filter(|c| c.kind == EntityKind::Person && c.role.is_none()) {
        if let Some((_, r)) = roles.iter().filter(|(n, _)| *n == c.name).max_by_key(|(_, r)| r.len()) {
            c.role = Some(r.clone());
        }
    }
    keep
}

/// True when the token opens a sentence (its capital says nothing about being a name).
fn sentence_initial(text: &str, toks: &[Token], i: usize) -> bool {
    i == 0 || toks[i].after_newline || matches!(toks[i - 1].text(text), "." | "?" | "!" | "“" | "\"" | ":")
}

fn cue_follows(text: &str, toks: &[Token], last: usize) -> bool {
    toks.get(last).is_some_and(|t| CUE_AFTER.contains(&t.text(text)))
}
