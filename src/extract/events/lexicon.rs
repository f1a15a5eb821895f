//! Word tables for event extraction, as data: reporting verbs, words that stop a timex
//! from dating its clause, stop words, and the keyword normaliser shared with the
//! cross-article stage (merge, support, conflicts all compare keywords made here).

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Verbs (as written) that report a statement: `X said Thursday`, `announced Monday`.
#[rustfmt::skip]
pub const REPORTING_VERBS: &[&str] = &[
    "said", "says", "announced", "announces", "confirmed", "confirms", "stated", "states",
    "told", "tells", "added", "noted", "explained", "emphasized", "emphasised", "stressed",
    "declared", "reported", "claimed", "warned", "urged", "insisted", "argued", "wrote",
    "tweeted", "posted", "acknowledged", "denied", "revealed", "disclosed", "indicated",
    "released", "issued", "published", "unveiled", "briefed", "answered", "replied",
];

/// Words right before a timex that make it something other than the clause's own date
/// (`since 2015`, `until last year`, `by Friday`): such a timex does not date an event.
#[rustfmt::skip]
pub const NON_DATING_PREPOSITIONS: &[&str] = &[
    "since", "until", "till", "til", "before", "after", "by", "than", "as of", "ahead of",
    "prior to", "up to", "through", "throughout",
];

/// Clause openers: a clause boundary falls before these when they follow a comma.
#[rustfmt::skip]
pub const CLAUSE_OPENERS: &[&str] = &[
    "which", "who", "whom", "whose", "where", "when", "while", "whereas", "although", "though",
    "but", "and", "as", "because", "after", "before", "following", "amid", "despite",
];

/// Function words and reporting boilerplate left out of keywords.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "according", "after", "again", "against", "ago", "all", "almost",
    "also", "am", "among", "an", "and", "another", "any", "are", "around", "as", "at", "be",
    "became", "because", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "done", "during", "each", "either", "else", "even",
    "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if",
    "in", "into", "is", "it", "its", "itself", "just", "last", "later", "least", "less",
    "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must",
    "my", "near", "next", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
    "or", "other", "our", "ours", "out", "over", "own", "past", "per", "rather", "said",
    "same", "says", "she", "should", "since", "so", "some", "such", "than", "that", "the",
    "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through",
    "thus", "to", "today", "told", "too", "under", "until", "up", "upon", "us", "very", "was",
    "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
    "why", "will", "with", "within", "without", "would", "yesterday", "yet", "you", "your",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "week", "weeks", "month", "months", "year", "years",
    "day", "days", "tonight", "morning", "afternoon", "evening", "earlier", "first",
    "s", "mr", "mrs", "ms", "dr", "p", "m", "pm", "am", "two", "three", "four", "five",
];

/// True for words that carry no content for similarity.
pub fn is_stop_word(w: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect()).contains(w)
}

/// Lower-cased content words of `text`, lightly stemmed (plural `-s`, possessive `'s`),
/// in order of first appearance, without repeats. Numbers stay (`10th`, `2+2`).
///
/// Hot in every cross-article stage: each word is normalised into one reused buffer and
/// only kept words are allocated.
pub fn keywords(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut buf = String::new();
    for raw in words(text) {
        normalize_into(raw, &mut buf);
        let w = buf.as_str();
        if w.len() < 2 || is_stop_word(w) || out.iter().any(|k| k == w) {
            continue;
        }
        out.push(w.to_string());
    }
    out
}

/// Splits `text` into word tokens: letters, digits and inner `-`, `+`, `'`, `’`, `.`.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '+' | '\'' | '’' | '.')))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Lower-cases a word, drops a possessive and a plain plural `-s`, and unifies a few
/// British/American spellings that outlets mix (`defence`/`defense`).
pub fn normalize_word(w: &str) -> String {
    let mut s = String::new();
    normalize_into(w, &mut s);
    s
}

/// [`normalize_word`] into `s` (cleared first), so a caller looping over words reuses one
/// buffer.
fn normalize_into(w: &str, s: &mut String) {
    s.clear();
    if w.is_ascii() {
        s.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        for c in w.chars() {
            if c == '’' {
                s.push('\'');
            } else {
                s.extend(c.to_lowercase());
            }
        }
    }
    for suffix in ["'s", "'"] {
        if s.ends_with(suffix) {
            s.truncate(s.len() - suffix.len());
        }
    }
    if s.len() > 4 && s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is") {
        s.pop();
        if s.ends_with("ie") && s.len() > 4 {
            s.truncate(s.len() - 2);
            s.push('y');
        }
    }
    if let Some((_, to)) = SPELLING_VARIANTS.iter().find(|(from, _)| s == from) {
        s.clear();
        s.push_str(to);
    }
}

/// Spelling variants folded to one form (after plural stripping).
#[rustfmt::skip]
const SPELLING_VARIANTS: &[(&str, &str)] = &[
    ("defence", "defense"), ("organised", "organized"), ("organise", "organize"),
    ("programme", "program"), ("centre", "center"), ("labour", "labor"),
    ("favour", "favor"), ("honour", "honor"), ("emphasised", "emphasized"),
    ("trip", "visit"), ("talk", "dialogue"), ("meeting", "dialogue"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_drop_function_words_and_fold_variants() {
        let k = keywords("The defence ministers’ talks on Tuesday in Seoul's Foreign Ministry");
        assert_eq!(k, vec!["defense", "minister", "dialogue", "seoul", "foreign", "ministry"]);
    }

    #[test]
    fn keywords_keep_numbers_and_compounds() {
        let k = keywords("the “2+2” dialogue, the 10th Vice-Ministerial round");
        assert!(k.contains(&"2+2".to_string()));
        assert!(k.contains(&"10th".to_string()));
        assert!(k.contains(&"vice-ministerial".to_string()));
    }
}
