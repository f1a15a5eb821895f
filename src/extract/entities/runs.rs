//! Capitalised runs and what they name: a run is a maximal stretch of capitalised words
//! (with `of`/`for`/`and` inside organisation and title names), split into an optional
//! title/role prefix and a name, and classified as person, organisation, place or other.

use super::gazetteer;
use super::lexicon::{
    is_connector, is_honorific, is_not_name, is_org_head, is_other_head, is_place_head, is_stop_cap, is_title,
};
use super::tokens::{Token, is_acronym, is_capitalized, is_possessive, strip_possessive};
use crate::model::EntityKind;

/// A candidate entity mention found in one run, before in-article linking.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// First token index of the name.
    pub first: usize,
    /// One past the last token index of the name.
    pub last: usize,
    /// Byte span of the name (possessive `’s` excluded).
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The name as written (possessive stripped).
    pub name: String,
    /// Kind of entity.
    pub kind: EntityKind,
    /// Role stated inside the run (`First Vice Foreign Minister`), if any.
    pub role: Option<String>,
    /// Token index where the role starts (for widening it backwards).
    pub role_first: Option<usize>,
    /// True when the whole run was a single unknown capitalised word (needs linking).
    pub single: bool,
}

fn word<'a>(text: &'a str, toks: &[Token], i: usize) -> &'a str {
    toks.get(i).map(|t| t.text(text)).unwrap_or("")
}

/// Splits tokens into capitalised runs: `(first, last)` token index ranges (end exclusive).
pub fn runs(text: &str, toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].text(text);
        if !(toks[i].word && is_capitalized(w)) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i + 1;
        let mut j = i;
        while !is_possessive(toks[j].text(text)) {
            let n = j + 1;
            let Some(t) = toks.get(n) else { break };
            if !t.word || t.after_newline {
                break;
            }
            let nw = t.text(text);
            if is_capitalized(nw) {
                j = n;
                last = n + 1;
                continue;
            }
            // connectors: `Ministry of (the) Trade`, `Institute for National …`
            if is_connector(nw) {
                let prev = strip_possessive(toks[j].text(text));
                let joins = is_org_head(prev)
                    || is_title(prev)
                    || is_other_head(prev)
                    || is_place_head(prev)
                    || matches!(nw, "&" | "de" | "du" | "von" | "van" | "der" | "bin" | "al");
                let mut k = n + 1;
                if toks.get(k).is_some_and(|t| t.word && t.text(text) == "the") {
                    k += 1;
                }
                let cap_after =
                    toks.get(k).is_some_and(|t| t.word && !t.after_newline && is_capitalized(t.text(text)));
                if joins && cap_after {
                    j = k;
                    last = k + 1;
                    continue;
                }
            }
            break;
        }
        out.push((first, last));
        i = last;
    }
    out
}

/// True for a word that can be part of a personal name.
pub fn name_like(w: &str) -> bool {
    let w = strip_possessive(w);
    if !is_capitalized(w) || w.len() < 2 {
        return false;
    }
    if is_stop_cap(w)
        || is_title(w)
        || is_org_head(w)
        || is_other_head(w)
        || is_place_head(w)
        || is_not_name(w)
    {
        return false;
    }
    if is_acronym(w) {
        return false;
    }
    if !w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')) {
        return false;
    }
    if gazetteer::place(w).is_some() || gazetteer::adjective_country(w).is_some() {
        return false;
    }
    !w.split('-').any(|p| gazetteer::place(p).is_some() || gazetteer::adjective_country(p).is_some())
}

fn span_text(text: &str, toks: &[Token], first: usize, last: usize) -> (usize, usize, String) {
    let start = toks[first].start;
    let lt = toks[last - 1];
    let lw = lt.text(text);
    let end = lt.start + strip_possessive(lw).len();
    // Names wrapped over two lines are named with one space.
    (start, end, text.get(start..end).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Classifies the run `toks[first..last]` into zero, one or two candidates.
pub fn classify(text: &str, toks: &[Token], first: usize, last: usize, out: &mut Vec<Candidate>) {
    let mut first = first;
    // Leading sentence openers and months are not part of a name.
    while first < last && is_stop_cap(strip_possessive(word(text, toks, first))) {
        first += 1;
    }
    if first >= last {
        return;
    }
    let words: Vec<&str> = (first..last).map(|i| strip_possessive(word(text, toks, i))).collect();
    let n = words.len();
    let lastw = words[n - 1];
    let (start, end, whole) = span_text(text, toks, first, last);

    // Whole run is a known place (`South Korea`, `Seoul`, `U.S.`).
    if let Some(p) = gazetteer::place(&whole) {
        out.push(cand(first, last, start, end, p.name.to_string(), EntityKind::Place, None));
        return;
    }
    // Nationality adjectives alone (`Chinese`, `South Korean`) name no entity.
    if gazetteer::adjective_country(&whole).is_some() {
        return;
    }
    // Title/role prefix followed by a name: split after the last title or org head.
    let split = words.iter().rposition(|w| is_title(w) || is_org_head(w) || is_other_head(w));
    if let Some(k) = split {
        let rest = &words[k + 1..];
        if !rest.is_empty()
            && rest.len() <= 4
            && rest.iter().all(|w| name_like(w))
            && !is_other_head(words[k])
        {
            let (ps, pe, pname) = span_text(text, toks, first + k + 1, last);
            let role_end = toks[first + k].end;
            let honorific_only = words[..=k].iter().all(|w| is_honorific(w));
            let role = text.get(start..role_end).map(str::to_string).filter(|_| !honorific_only);
            let role_first = role.as_ref().map(|_| first);
            out.push(Candidate {
                first: first + k + 1,
                last,
                start: ps,
                end: pe,
                name: pname,
                kind: EntityKind::Person,
                role,
                role_first,
                single: false,
            });
            // The role prefix may itself name an organisation (`Defense Ministry`).
            if is_org_head(words[k]) && k >= 1 {
                // `Deputy Director of the Office … Commission` → `… Commission` after the last `of`.
                let of = words[..k].iter().rposition(|w| is_connector(w)).map_or(0, |c| c + 1);
                let (os, oe, oname) = span_text(text, toks, first + of, first + k + 1);
                out.push(cand(first + of, first + k + 1, os, oe, oname, EntityKind::Organization, None));
            }
            return;
        }
    }
    // Organisations: `… Ministry`, `Ministry of …`, `Korea Herald`.
    let org_first = n >= 3 && is_org_head(words[0]) && words.get(1).is_some_and(|w| is_connector(w));
    // A title with an `of` phrase (`Director General of the International Policy Bureau`):
    // a role; only the organisation after the last connector is an entity.
    if is_title(words[0])
        && !is_honorific(words[0])
        && let Some(c) = words.iter().rposition(|w| is_connector(w))
    {
        // `Party Secretary of Liaoning Province`: the tail is the entity, if it names one.
        if c + 1 < n {
            let kind = if is_org_head(lastw) {
                Some(EntityKind::Organization)
            } else if is_place_head(lastw) {
                Some(EntityKind::Place)
            } else {
                None
            };
            let (s, e, name) = span_text(text, toks, first + c + 1, last);
            if let Some(p) = gazetteer::place(&name) {
                out.push(cand(first + c + 1, last, s, e, p.name.to_string(), EntityKind::Place, None));
            } else if let Some(kind) = kind {
                out.push(cand(first + c + 1, last, s, e, name, kind, None));
            }
        }
        return;
    }
    // Role-only runs (`First Vice Foreign Minister`, `Deputy Director-General … Affairs`).
    let role_word = |w: &&str| is_title(w) || is_connector(w) || gazetteer::adjective_country(w).is_some();
    if words.iter().all(role_word) || is_title(words[0]) && is_title(lastw) && !is_honorific(words[0]) {
        return;
    }
    // All-capital words: a dateline place (`SEOUL`) or an acronym (`NATO`); long ones name nothing.
    if n == 1 && is_acronym(lastw) && lastw.chars().count() > 3 {
        let title: String =
            lastw.chars().enumerate().map(|(i, c)| if i == 0 { c } else { c.to_ascii_lowercase() }).collect();
        if let Some(p) = gazetteer::place(&title) {
            out.push(cand(first, last, start, end, p.name.to_string(), EntityKind::Place, None));
            return;
        }
        if lastw.chars().count() > 5 {
            return;
        }
    }
    if is_org_head(lastw) || org_first {
        if n == 1
            && !is_acronym(lastw)
            && !matches!(lastw, "Kremlin" | "Pentagon" | "Congress" | "Senate" | "Parliament")
        {
            return; // a bare `Ministry` or `Party` is not a name
        }
        out.push(cand(first, last, start, end, whole, EntityKind::Organization, None));
        return;
    }
    if is_place_head(lastw) && n >= 2 {
        out.push(cand(first, last, start, end, whole, EntityKind::Place, None));
        return;
    }
    if is_other_head(lastw) && n >= 2 {
        out.push(cand(first, last, start, end, whole, EntityKind::Other, None));
        return;
    }
    if n == 1 {
        let w = words[0];
        if is_acronym(w) && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '&') {
            out.push(cand(first, last, start, end, whole, EntityKind::Organization, None));
            return;
        }
        if name_like(w) {
            let mut c = cand(first, last, start, end, whole, EntityKind::Person, None);
            c.single = true;
            out.push(c);
        }
        return;
    }
    // A place followed by more words (`Seoul Foreign`): keep the place part when it leads.
    if let Some(p) = gazetteer::place(words[0]).filter(|_| !words[1..].iter().all(|w| name_like(w))) {
        let (s, e, _) = span_text(text, toks, first, first + 1);
        out.push(cand(first, first + 1, s, e, p.name.to_string(), EntityKind::Place, None));
        return;
    }
    if n <= 4
        && words.iter().all(|w| name_like(w) || is_initial(w))
        && name_like(words[0]) | is_initial(words[0])
    {
        out.push(cand(first, last, start, end, whole, EntityKind::Person, None));
    }
}

fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    (b.len() == 1 && b[0].is_ascii_uppercase()) || (b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.')
}

fn cand(
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    name: String,
    kind: EntityKind,
    role: Option<String>,
) -> Candidate {
    Candidate { first, last, start, end, name, kind, role, role_first: None, single: false }
}
