//! Turning a speaker phrase into a speaker: a named entity (`Lim` → `Lim Soo-suk`), a
//! pronoun resolved to the previous speaker, or a description resolved to the most
//! specific earlier description with the same head (`the official` → `a senior official
//! at South Korea’s Foreign Ministry`). Unknown stays unknown.

use crate::extract::entities::tokens::{Token, is_capitalized, strip_possessive, tokenize};
use crate::model::{EntityKind, EntityMention};

/// A resolved speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// Name or description.
    pub name: String,
    /// Role or title, if known.
    pub role: Option<String>,
    /// Entity kind when the speaker is a named entity.
    pub kind: Option<EntityKind>,
    /// Head noun of a description (`official`), for later `the official`.
    pub head: Option<String>,
    /// A person rather than an organisation (for `he`/`she`).
    pub personal: bool,
    /// How direct the resolution was (1 = named next to the quote).
    pub certainty: f32,
}

/// Speakers of earlier quotes, most recent last.
pub type History = Vec<(usize, Speaker)>;

const PREPS: &[&str] = &["of", "at", "for", "from", "with", "in", "on", "to", "who", "whose", "which"];
const DEFINITE: &[&str] = &["the", "The", "this", "This", "that", "That", "these", "These"];
const INDEFINITE: &[&str] = &["a", "A", "an", "An", "another", "Another", "one", "One", "some", "Some"];
const PERSON_HEADS: &[&str] = &[
    "official",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "minister",
    "president",
    "man",
    "woman",
    "source",
    "diplomat",
    "aide",
    "adviser",
    "advisor",
    "analyst",
    "expert",
    "lawmaker",
    "senator",
    "candidate",
    "secretary",
    "leader",
    "director",
    "chairman",
    "officer",
    "ambassador",
    "governor",
    "mayor",
    "executive",
    "professor",
    "researcher",
    "nominee",
    "strategist",
    "lawyer",
    "attorney",
    "judge",
    "envoy",
    "general",
];

fn mention_in(mentions: &[EntityMention], s: usize, e: usize) -> impl Iterator<Item = &EntityMention> {
    let i = mentions.partition_point(|m| m.end <= s);
    mentions[i..].iter().take_while(move |m| m.start < e).filter(move |m| m.start >= s && m.end <= e)
}

/// The longest role any mention of `name` states.
pub fn role_of(mentions: &[EntityMention], name: &str) -> Option<String> {
    mentions.iter().filter(|m| m.name == name).filter_map(|m| m.role.clone()).max_by_key(|r| r.len())
}

fn from_mention(mentions: &[EntityMention], m: &EntityMention, certainty: f32) -> Speaker {
    Speaker {
        name: m.name.clone(),
        role: role_of(mentions, &m.name),
        kind: Some(m.kind),
        head: None,
        personal: m.kind == EntityKind::Person,
        certainty,
    }
}

/// Resolves the speaker phrase `text[s..e]` of a quote opening at `at`.
pub fn resolve(
    text: &str,
    s: usize,
    e: usize,
    at: usize,
    mentions: &[EntityMention],
    history: &History,
) -> Option<Speaker> {
    let toks: Vec<Token> = tokenize(text, s, e).into_iter().filter(|t| t.word).collect();
    let first = toks.first()?;
    let w0 = first.text(text);
    match w0 {
        "he" | "He" | "she" | "She" | "him" | "her" => return pronoun(mentions, history, at, true),
        "it" | "It" => return pronoun(mentions, history, at, false),
        "they" | "They" => return history.last().map(|(_, sp)| Speaker { certainty: 0.7, ..sp.clone() }),
        "I" | "we" | "We" | "you" | "You" => return None,
        _ => {}
    }
    let cut = toks.iter().position(|t| PREPS.contains(&t.text(text))).map(|i| toks[i].start).unwrap_or(e);
    let inside: Vec<&EntityMention> = mention_in(mentions, s, e).collect();
    if let Some(m) = inside.iter().find(|m| m.kind == EntityKind::Person && m.start < cut) {
        return Some(from_mention(mentions, m, 1.0));
    }
    let det = DEFINITE.contains(&w0) || INDEFINITE.contains(&w0);
    let content: Vec<&Token> = toks.iter().filter(|t| t.start < cut).skip(usize::from(det)).collect();
    let head_tok = content.last().copied();
    let nominal = content.first().is_some_and(|t| {
        !is_capitalized(t.text(text)) || PERSON_HEADS.contains(&t.text(text).to_lowercase().as_str())
    }) && head_tok.is_some_and(|t| !is_capitalized(t.text(text)));
    if nominal {
        let head = head_tok.map(|t| t.text(text).to_lowercase()).unwrap_or_default();
        let personal = PERSON_HEADS.contains(&head.as_str());
        let as_written = Speaker {
            name: text.get(s..e).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" "),
            role: None,
            kind: None,
            head: Some(head.clone()),
            personal,
            certainty: 0.9,
        };
        if !DEFINITE.contains(&w0) {
            return Some(as_written);
        }
        return Some(definite(text, &head, at, mentions, history).unwrap_or(as_written));
    }
    if let Some(m) = inside.iter().find(|m| m.kind != EntityKind::Place && m.start < cut) {
        return Some(from_mention(mentions, m, 1.0));
    }
    if let Some(m) = inside.iter().find(|m| m.kind == EntityKind::Place && m.start < cut) {
        return Some(from_mention(mentions, m, 0.8));
    }
    // An unrecognised capitalised name: use it as written (possessive dropped).
    let caps: Vec<&Token> = content.iter().copied().take_while(|t| is_capitalized(t.text(text))).collect();
    if let (Some(a), Some(b)) = (caps.first(), caps.last()) {
        let name = strip_possessive(text.get(a.start..b.end).unwrap_or(""))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !name.is_empty() && caps.len() <= 4 {
            // A surname alone may still match a person named elsewhere in the article.
            let full = mentions
                .iter()
                .filter(|m| m.kind == EntityKind::Person)
                .find(|m| m.name.split(' ').any(|p| p == name) || m.name == name);
            if let Some(m) = full {
                return Some(from_mention(mentions, m, 0.9));
            }
            return Some(Speaker {
                name,
                role: None,
                kind: None,
                head: None,
                personal: true,
                certainty: 0.7,
            });
        }
    }
    None
}

fn pronoun(mentions: &[EntityMention], history: &History, at: usize, personal: bool) -> Option<Speaker> {
    // The previous speaker of the same sort, if recent.
    if let Some((pos, sp)) = history.iter().rev().take(50).find(|(_, sp)| sp.personal == personal)
        && at.saturating_sub(*pos) < 1500
    {
        return Some(Speaker { certainty: 0.85, ..sp.clone() });
    }
    let want = if personal { EntityKind::Person } else { EntityKind::Organization };
    let i = mentions.partition_point(|m| m.start < at);
    let m = mentions[..i]
        .iter()
        .rev()
        .take(40)
        .find(|m| m.kind == want && m.role.as_deref() != Some("author"))?;
    Some(from_mention(mentions, m, 0.7))
}

/// The latest `a/an … <head> [at/of/from the Capitalised …]` phrase before `at`.
fn earlier_description(text: &str, head: &str, at: usize) -> Option<String> {
    let from = crate::model::floor_char_boundary(text, at.saturating_sub(3000));
    let toks = tokenize(text, from, at);
    let is_indef = |t: &Token| matches!(t.text(text), "a" | "A" | "an" | "An");
    let hi = (0..toks.len())
        .rev()
        .find(|&i| toks[i].text(text) == head && toks[i.saturating_sub(4)..i].iter().any(is_indef))?;
    let d = (hi.saturating_sub(4)..hi).rev().find(|&i| is_indef(&toks[i]))?;
    if toks[d..hi].iter().any(|t| !t.word) {
        return None;
    }
    let mut end = hi;
    let mut k = hi + 1;
    // `… at the Trade Ministry`, `… from the South Korean presidential office`
    if toks.get(k).is_some_and(|t| matches!(t.text(text), "at" | "of" | "from" | "for" | "with")) {
        k += 1;
        if toks.get(k).is_some_and(|t| matches!(t.text(text), "the" | "a")) {
            k += 1;
        }
        let first = k;
        while k < toks.len() && k - first < 6 && toks[k].word {
            let x = toks[k].text(text);
            if is_capitalized(x) {
                end = k;
            } else if k == first || matches!(x, "said" | "who" | "and" | "told") {
                break;
            }
            k += 1;
        }
    }
    text.get(toks[d].start..toks[end].end)
        .map(|s| strip_possessive(s).split_whitespace().collect::<Vec<_>>().join(" "))
}

fn definite(
    text: &str,
    head: &str,
    at: usize,
    mentions: &[EntityMention],
    history: &History,
) -> Option<Speaker> {
    if let Some((_, sp)) = history.iter().rev().take(50).find(|(_, sp)| {
        sp.head.as_deref() == Some(head)
            || sp.role.as_deref().is_some_and(|r| r.to_lowercase().contains(head))
    }) {
        return Some(Speaker { certainty: 0.85, ..sp.clone() });
    }
    let i = mentions.partition_point(|m| m.start < at);
    let before = &mentions[..i];
    if let Some(m) = before.iter().rev().find(|m| {
        m.kind == EntityKind::Person
            && m.role.as_deref().is_some_and(|r| r.to_lowercase().split(' ').any(|w| w == head))
    }) {
        return Some(from_mention(mentions, m, 0.8));
    }
    if PERSON_HEADS.contains(&head)
        && let Some(desc) = earlier_description(text, head, at)
    {
        return Some(Speaker {
            name: desc,
            role: None,
            kind: None,
            head: Some(head.to_string()),
            personal: true,
            certainty: 0.75,
        });
    }
    if let Some(m) = before.iter().rev().find(|m| {
        m.kind == EntityKind::Organization
            && m.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(head))
    }) {
        return Some(from_mention(mentions, m, 0.8));
    }
    None
}
