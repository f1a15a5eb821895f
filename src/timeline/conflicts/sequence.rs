//! Sequence claims: "X, coinciding with Y" / "X, a day before Y". Two reports of the same
//! X and Y with incompatible relations are a conflict. Hedged claims (`could coincide`)
//! are not read.

use crate::extract::ArticleAnalysis;
use crate::extract::events::clause::slice;
use crate::extract::events::lexicon;
use crate::model::{Article, Span};

/// How X stands to Y in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// At the same time.
    Same,
    /// Before Y.
    Before,
    /// After Y.
    After,
}

/// Relation cues, as written (lower case).
#[rustfmt::skip]
pub const SEQUENCE_CUES: &[(&str, Relation)] = &[
    ("coinciding with", Relation::Same), ("coincide with", Relation::Same),
    ("coincides with", Relation::Same), ("coincided with", Relation::Same),
    ("at the same time as", Relation::Same), ("on the same day as", Relation::Same),
    ("a day before", Relation::Before), ("one day before", Relation::Before),
    ("the day before", Relation::Before), ("two days before", Relation::Before),
    ("a day after", Relation::After), ("one day after", Relation::After),
    ("the day after", Relation::After), ("two days after", Relation::After),
];

/// Pieces of which every cue in [`SEQUENCE_CUES`] contains one: a sentence (in ASCII
/// lower case) without any of them holds no sequence claim and is passed over cheaply.
const CUE_PIECES: &[&str] =
    &["coincid", "same time", "same day", "day before", "days before", "day after", "days after"];

/// Words that make a relation a guess, not a claim.
const HEDGES: &[&str] = &["could", "may", "might", "possibly", "around", "likely"];

/// One "X <relation> Y" claim.
#[derive(Clone, Debug)]
pub struct SequenceClaim {
    /// Index of the article.
    pub article: usize,
    /// The relation.
    pub relation: Relation,
    /// The cue as written.
    pub cue: String,
    /// Keywords of X (the sentence before the cue).
    pub subject: Vec<String>,
    /// Keywords of Y (after the cue, to the clause end) that were capitalised: names.
    pub other_names: Vec<String>,
    /// Y as written.
    pub other: String,
    /// The sentence.
    pub evidence: Span,
}

/// The sequence claims of one article.
pub fn read(ai: usize, article: &Article, an: &ArticleAnalysis) -> Vec<SequenceClaim> {
    let text: &str = &article.text;
    let mut out = Vec::new();
    if !may_hold_cue(text) {
        return out;
    }
    for s in &an.doc.sentences {
        if s.end <= article.body_start || !may_hold_cue(slice(text, s.start, s.end)) {
            continue;
        }
        let sentence = slice(text, s.start, s.end);
        let lower = sentence.to_lowercase();
        if lower.len() != sentence.len() {
            continue; // case folding moved offsets; such sentences are rare and skipped
        }
        for (cue, relation) in SEQUENCE_CUES {
            let Some(at) = lower.find(cue) else { continue };
            let before = &lower[..at];
            if HEDGES.iter().any(|h| before.split_whitespace().any(|w| w == *h)) {
                continue;
            }
            let after = &sentence[at + cue.len()..];
            let end = after.find([',', ';', '.']).unwrap_or(after.len());
            let other = after[..end].trim();
            let other_names: Vec<String> = lexicon::words(other)
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .map(lexicon::normalize_word)
                .filter(|w| !lexicon::is_stop_word(w))
                .collect();
            out.push(SequenceClaim {
                article: ai,
                relation: *relation,
                cue: (*cue).to_string(),
                subject: lexicon::keywords(&sentence[..at]),
                other_names,
                other: other.to_string(),
                evidence: Span::from_text(text, s.start, s.end),
            });
            break;
        }
    }
    out
}

/// True when `text` contains a piece of some cue in any ASCII letter case (nothing is
/// copied to lower-case it). Only ASCII letters lower-case to the cues' letters (`İ` gives
/// `i` plus a combining dot), so a sentence whose full lower case holds a cue passes.
fn may_hold_cue(text: &str) -> bool {
    CUE_PIECES.iter().any(|p| super::claims::contains_ascii_ci(text, p))
}

/// True when two relations cannot both hold.
pub fn incompatible(a: Relation, b: Relation) -> bool {
    a != b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_contains_a_piece_the_prefilter_looks_for() {
        for (cue, _) in SEQUENCE_CUES {
            assert!(may_hold_cue(cue), "{cue}");
        }
        assert!(may_hold_cue("It came Two Days After the vote"));
        assert!(may_hold_cue("COINCIDING with"));
        assert!(!may_hold_cue("the vote was held on tuesday, officials said"));
    }
}
