//! Finding the cue and the speaker phrase next to a quote.
//!
//! Right of the quote: `“…,” Lim stated.`, `“…,” said the official who …`,
//! `“…,” a senior official at … confirmed on …`. Left of it: `Lim added that … “…”`,
//! `The Institute …, affiliated with …, said in a report … that … “…”`,
//! `According to Lim, … “…”`, `…, saying “…”`, and a bare `Trump: “…”`.

use super::cues::{is_cue, is_participle, particle};
use crate::extract::entities::lexicon::is_stop_cap;
use crate::extract::entities::tokens::{Token, is_capitalized};

/// A cue and speaker phrase found next to a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Byte span of the speaker phrase as written.
    pub speaker: (usize, usize),
    /// Byte span of the cue.
    pub cue: Option<(usize, usize)>,
    /// The phrase came right after the quote (the most reliable place).
    pub adjacent: bool,
}

const NP_STOP: &[&str] = &[
    "who",
    "which",
    "that",
    "on",
    "in",
    "during",
    "when",
    "while",
    "after",
    "before",
    "as",
    "to",
    "because",
    "but",
    "and",
    "or",
    "if",
    "since",
    "though",
    "although",
    "where",
    "with",
    "by",
    "about",
    "last",
    "this",
    "earlier",
    "later",
    "today",
    "yesterday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "recently",
    "now",
    "then",
    "also",
    "told",
    "according",
    "adding",
    "saying",
];

const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "once",
    "further",
    "simply",
    "recently",
    "previously",
    "had",
    "has",
    "have",
    "would",
    "will",
    "could",
    "once",
    "has",
    "was",
    "is",
];

/// True when the word at `i` ends a speaker's noun phrase ([`NP_STOP`]); `to` after
/// `close` does not (`a source close to the company`).
fn np_stop(text: &str, toks: &[Token], i: usize) -> bool {
    let word = w(text, toks, i);
    let close_to = word == "to"
        && i > 0
        && matches!(w(text, toks, i - 1).to_lowercase().as_str(), "close" | "closer" | "closest");
    NP_STOP.contains(&word) && !close_to
}

fn w<'a>(text: &'a str, toks: &[Token], i: usize) -> &'a str {
    toks.get(i).map(|t| t.text(text)).unwrap_or("")
}

fn cue_at(text: &str, toks: &[Token], i: usize) -> Option<(usize, usize)> {
    let x = w(text, toks, i);
    if !toks.get(i)?.word || !is_cue(x) {
        return None;
    }
    match particle(x) {
        Some(p) if w(text, toks, i + 1) == p => Some((toks[i].start, toks[i + 1].end)),
        Some(_) => None,
        None => Some((toks[i].start, toks[i].end)),
    }
}

fn is_adverb(x: &str) -> bool {
    ADVERBS.contains(&x) || (x.len() > 4 && x.ends_with("ly") && !is_capitalized(x))
}

/// Speaker right after the quote: `toks` are the tokens from the closing mark to the sentence end.
pub fn right(text: &str, toks: &[Token]) -> Option<Attribution> {
    // `“…” ― Sonya Herridge`: a dash and a name closing the line.
    if toks.first().is_some_and(|t| matches!(t.text(text), "―" | "—" | "–" | "-")) {
        let mut i = 1;
        while toks.get(i).is_some_and(|t| matches!(t.text(text), "-" | "—" | "―")) {
            i += 1;
        }
        let first = i;
        while i < toks.len() && toks[i].word && is_capitalized(w(text, toks, i)) && i - first < 6 {
            i += 1;
        }
        let rest_is_end = toks[i..].iter().all(|t| !t.word) || w(text, toks, i) == ",";
        if i > first && rest_is_end {
            return Some(Attribution {
                speaker: (toks[first].start, toks[i - 1].end),
                cue: None,
                adjacent: true,
            });
        }
    }
    let mut i = 0;
    while i < toks.len()
        && !toks[i].word
        && matches!(w(text, toks, i), "," | "—" | "–" | "-" | "." | "!" | "?")
    {
        i += 1;
    }
    let begin = i;
    if begin >= toks.len() || !toks[begin].word {
        return None;
    }
    // `said the official who …`, `said Lim`.
    if let Some(cue) = cue_at(text, toks, begin) {
        if is_participle(w(text, toks, begin)) {
            return None;
        }
        let mut j = begin + if cue.1 > toks[begin].end { 2 } else { 1 };
        // `said Tuesday`, `said in a statement` are not speakers.
        let np_first = j;
        while j < toks.len() && toks[j].word && !np_stop(text, toks, j) && j - np_first < 10 {
            j += 1;
        }
        if j > np_first {
            return Some(Attribution {
                speaker: (toks[np_first].start, toks[j - 1].end),
                cue: Some(cue),
                adjacent: true,
            });
        }
        return None;
    }
    let first_word = w(text, toks, begin);
    let continuation = CONTINUATIONS.contains(&first_word);
    if !continuation {
        // `Lim stated`, `the official explained`, `a senior official at … confirmed`.
        if let Some(a) = np_then_cue(text, toks, begin, 16) {
            return Some(a);
        }
    }
    tail(text, toks, begin)
}

/// Words that continue the sentence after a partial quote (`“…” through existing bodies, …`).
#[rustfmt::skip]
const CONTINUATIONS: &[&str] = &[
    "for", "in", "on", "at", "to", "with", "through", "and", "but", "or", "as", "after", "before", "during",
    "by", "from", "over", "about", "because", "while", "when", "until", "since", "into", "onto", "than", "of",
    "including", "amid", "despite", "without", "within", "across", "against", "among", "under", "toward",
    "towards", "via", "per", "so", "which", "that", "is", "are", "was", "were", "be", "been", "will", "would",
    "can", "could", "should", "may", "might", "must", "has", "have", "had", "if", "unless", "where", "whether",
    "then", "instead", "rather", "not", "also", "even", "just", "only", "like", "unlike", "upon", "beyond",
];

/// `NP cue` starting at `begin`: the phrase before the first cue within `limit` tokens.
fn np_then_cue(text: &str, toks: &[Token], begin: usize, limit: usize) -> Option<Attribution> {
    let mut k = begin;
    let limit = (begin + limit).min(toks.len());
    while k < limit {
        if let Some(cue) = cue_at(text, toks, k).filter(|_| !after_determiner(text, toks, k)) {
            let mut np_end = k;
            while np_end > begin && is_adverb(w(text, toks, np_end - 1)) {
                np_end -= 1;
            }
            if np_end == begin {
                return None;
            }
            let mut np_last = np_end - 1;
            while np_last > begin && !toks[np_last].word {
                np_last -= 1;
            }
            return Some(Attribution {
                speaker: (toks[begin].start, toks[np_last].end),
                cue: Some(cue),
                adjacent: true,
            });
        }
        let x = w(text, toks, k);
        if x == "(" {
            // `Sen. Marco Rubio (R-Fla.) said`: skip the parenthesis.
            match toks[k..limit.min(k + 8)].iter().position(|t| t.text(text) == ")") {
                Some(p) => {
                    k += p + 1;
                    continue;
                }
                None => return None,
            }
        }
        if !toks[k].word && matches!(x, "." | ";" | "?" | "!" | "“" | "\"" | ":") {
            return None;
        }
        k += 1;
    }
    None
}

/// `“…” through …, including …, the official added.`: a speaker clause closing the sentence.
fn tail(text: &str, toks: &[Token], begin: usize) -> Option<Attribution> {
    let commas: Vec<usize> = (begin..toks.len()).filter(|&i| w(text, toks, i) == ",").collect();
    for &c in commas.iter().rev() {
        let s = c + 1;
        if s >= toks.len() {
            continue;
        }
        if let Some(cue) = cue_at(text, toks, s) {
            if is_participle(w(text, toks, s)) {
                continue;
            }
            let first = s + 1;
            let mut j = first;
            while j < toks.len() && toks[j].word && !np_stop(text, toks, j) && j - first < 10 {
                j += 1;
            }
            if j > first {
                return Some(Attribution {
                    speaker: (toks[first].start, toks[j - 1].end),
                    cue: Some(cue),
                    adjacent: false,
                });
            }
            continue;
        }
        if let Some(mut a) = np_then_cue(text, toks, s, 12) {
            a.adjacent = false;
            return Some(a);
        }
    }
    None
}

/// `the continued launch`: a cue word used as an adjective.
fn after_determiner(text: &str, toks: &[Token], i: usize) -> bool {
    i > 0 && matches!(w(text, toks, i - 1), "the" | "a" | "an" | "its" | "his" | "her" | "their" | "The")
}

/// Speaker left of the quote: `toks` are the tokens from the sentence start to the opening mark.
pub fn left(text: &str, toks: &[Token]) -> Option<Attribution> {
    if toks.is_empty() {
        return None;
    }
    // `According to Lim, …`
    for i in 0..toks.len().saturating_sub(2) {
        if w(text, toks, i).eq_ignore_ascii_case("according") && w(text, toks, i + 1) == "to" {
            let first = i + 2;
            let mut j = first;
            while j < toks.len() && toks[j].word && j - first < 12 {
                j += 1;
            }
            if j > first {
                return Some(Attribution {
                    speaker: (toks[first].start, toks[j - 1].end),
                    cue: Some((toks[i].start, toks[i + 1].end)),
                    adjacent: false,
                });
            }
        }
    }
    // The last cue before the quote.
    let ci = (0..toks.len())
        .rev()
        .find(|&i| cue_at(text, toks, i).is_some() && !after_determiner(text, toks, i))?;
    let cue = cue_at(text, toks, ci)?;
    let x = w(text, toks, ci);
    if is_participle(x) {
        return participle_subject(text, &toks[..ci]).map(|speaker| Attribution {
            speaker,
            cue: Some(cue),
            adjacent: false,
        });
    }
    // Walk back from the cue over adverbs, then over the subject phrase.
    let mut e = ci;
    while e > 0 && is_adverb(w(text, toks, e - 1)) {
        e -= 1;
    }
    if e == 0 {
        // `said Smith: “…”` / `Asked …, said Smith, “…”`
        let first = ci + 1;
        let mut j = first;
        while j < toks.len() && toks[j].word && is_capitalized(w(text, toks, j)) && j - first < 5 {
            j += 1;
        }
        return (j > first).then(|| Attribution {
            speaker: (toks[first].start, toks[j - 1].end),
            cue: Some(cue),
            adjacent: false,
        });
    }
    let mut end = e; // exclusive
    // Appositive: `The Institute …, affiliated with …, said`
    if w(text, toks, end - 1) == "," {
        let mut k = end - 1;
        while k > 0 && w(text, toks, k - 1) != "," && k + 14 > end {
            k -= 1;
        }
        if k > 0 && w(text, toks, k - 1) == "," {
            end = k - 1;
        } else {
            end -= 1;
        }
    }
    let mut s = end;
    while s > 0 && end - s < 12 {
        let t = toks[s - 1];
        let y = t.text(text);
        if !t.word && !matches!(y, "’" | "'" | "-") {
            break;
        }
        if t.word
            && matches!(
                y,
                "that"
                    | "and"
                    | "but"
                    | "because"
                    | "as"
                    | "when"
                    | "while"
                    | "after"
                    | "before"
                    | "if"
                    | "so"
                    | "though"
                    | "although"
                    | "since"
                    | "where"
                    | "who"
            )
        {
            break;
        }
        s -= 1;
    }
    while s < end
        && is_stop_cap(w(text, toks, s))
        && !matches!(w(text, toks, s), "The" | "A" | "An" | "He" | "She" | "They" | "It" | "We" | "I")
    {
        s += 1;
    }
    if s >= end {
        return None;
    }
    Some(Attribution { speaker: (toks[s].start, toks[end - 1].end), cue: Some(cue), adjacent: false })
}

/// `At the debate, Sanders compared …, saying “…”`: the main clause's subject. Comma
/// separated segments are tried from the last one back, skipping opening prepositional
/// phrases and datelines; a segment yields a pronoun, a capitalised name, or a
/// determiner phrase up to its verb.
fn participle_subject(text: &str, toks: &[Token]) -> Option<(usize, usize)> {
    let mut end = toks.len();
    while end > 0 && !toks[end - 1].word {
        end -= 1;
    }
    let mut seg_end = end;
    loop {
        let seg_start = toks[..seg_end]
            .iter()
            .rposition(|t| matches!(t.text(text), "," | "—" | "–" | ";" | "(" | ")"))
            .map_or(0, |c| c + 1);
        if let Some(found) = segment_subject(text, &toks[seg_start..seg_end]) {
            return Some(found);
        }
        if seg_start == 0 {
            return None;
        }
        seg_end = seg_start - 1;
    }
}

fn segment_subject(text: &str, seg: &[Token]) -> Option<(usize, usize)> {
    let mut seg = seg;
    while seg.first().is_some_and(|t| {
        matches!(
            t.text(text),
            "And" | "But" | "So" | "Then" | "Yet" | "Also" | "Meanwhile" | "and" | "but" | "then"
        )
    }) {
        seg = &seg[1..];
    }
    let first = seg.first()?;
    let x = first.text(text);
    if matches!(x, "he" | "He" | "she" | "She" | "they" | "They" | "it" | "It" | "I" | "we" | "We") {
        return Some((first.start, first.end));
    }
    if is_stop_cap(x) && !is_subject_word(x) || !first.word {
        return None; // `In Iowa`, `At the town hall`, `When asked`
    }
    if x.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && x.len() > 2 {
        return None; // a dateline such as `WASHINGTON`
    }
    if matches!(
        x,
        "The"
            | "the"
            | "A"
            | "a"
            | "An"
            | "an"
            | "His"
            | "his"
            | "Her"
            | "her"
            | "Their"
            | "their"
            | "Its"
            | "its"
    ) {
        // `the Christie supporter retorted` → up to the first verb-like word.
        let mut j = 1;
        while j < seg.len() && j < 7 && seg[j].word {
            let y = seg[j].text(text);
            let verb_like = !is_capitalized(y) && (y.ends_with("ed") || y.ends_with('s'));
            if is_cue(y) || verb_like && j > 1 {
                break;
            }
            j += 1;
        }
        return (j > 1).then(|| (first.start, seg[j - 1].end));
    }
    if !is_capitalized(x) {
        return None;
    }
    let mut j = 0;
    while j < seg.len() && seg[j].word && is_capitalized(seg[j].text(text)) && j < 5 {
        j += 1;
    }
    Some((first.start, seg[j.max(1) - 1].end))
}

fn is_subject_word(x: &str) -> bool {
    matches!(x, "The" | "A" | "An" | "He" | "She" | "They" | "It" | "We" | "I")
}

/// Any attribution left of the quote: a cue, a bare `Trump:` or `Hannity interjected:`.
pub fn before(text: &str, toks: &[Token]) -> Option<Attribution> {
    left(text, toks).or_else(|| colon(text, toks)).or_else(|| {
        let n = toks.len();
        if n < 2 || w(text, toks, n - 1) != ":" {
            return None;
        }
        let speaker = participle_subject(text, &toks[..n - 1])?;
        Some(Attribution { speaker, cue: None, adjacent: false })
    })
}

/// `Trump: “…”` (a short capitalised phrase and a colon right before the quote).
pub fn colon(text: &str, toks: &[Token]) -> Option<Attribution> {
    let n = toks.len();
    if n < 2 || w(text, toks, n - 1) != ":" {
        return None;
    }
    let mut s = n - 1;
    while s > 0 && toks[s - 1].word && is_capitalized(w(text, toks, s - 1)) && n - 1 - s < 4 {
        s -= 1;
    }
    let run = n - 1 - s;
    (run >= 1 && (s == 0 || !toks[s - 1].word || run >= 2)).then(|| Attribution {
        speaker: (toks[s].start, toks[n - 2].end),
        cue: None,
        adjacent: false,
    })
}
