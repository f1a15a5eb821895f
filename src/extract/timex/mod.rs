//! Time expressions: recognise TIMEX3 expressions and resolve them against an anchor.
//!
//! The engine is a pipeline of small parts:
//! [`tokens`] (hand-written tokenizer) → [`lexicon`] (word tables) → [`recognise`] (pattern
//! families over tokens, longest match) → [`context`] (tense of the governing verb) →
//! [`resolve`] (TIMEX3 value against the publication date or the previous date) →
//! [`derive`] (the human-readable derivation). [`value_range`] reads a value back into days.

pub mod context;
pub mod derive;
pub mod expr;
pub mod lexicon;
pub mod recognise;
pub mod resolve;
pub mod tokens;
pub mod value;

use chrono::NaiveDate;

use crate::model::{Article, Timex, TimexType};
use crate::text::Document;

pub use value::value_range;

use recognise::Toks;
use resolve::{Context, RefPoint};

/// Prepositions shown with the expression in derivations (`'on Tuesday'`).
const SHOWN_PREPOSITIONS: &[&str] =
    &["on", "in", "at", "since", "by", "during", "until", "from", "before", "after"];

/// Finds and resolves every time expression in `article`, anchored at `anchor`
/// (normally the publication date; `None` leaves relative expressions unresolved).
pub fn tag(article: &Article, doc: &Document, anchor: Option<NaiveDate>) -> Vec<Timex> {
    tag_text(&article.id, &article.text, doc, anchor)
}

/// [`tag`] over a bare text: every sentence of `doc` is tokenized and matched on its own.
pub fn tag_text(article_id: &str, text: &str, doc: &Document, anchor: Option<NaiveDate>) -> Vec<Timex> {
    resolve_all(article_id, text, &recognise(text, doc), anchor, true)
}

/// A time expression as recognised in a text, with everything about it that does not
/// depend on the anchor: where it is, what it means and which way its verb points.
/// Recognising is most of the cost of tagging, so callers that try many anchors on one
/// text (the timeline's date check) recognise once and [`resolve_all`] per anchor.
#[derive(Clone, Debug)]
pub struct Recognised {
    /// Byte span of the expression.
    start: usize,
    end: usize,
    /// Start of the phrase shown in the derivation (a preposition before it, if any).
    phrase_start: usize,
    /// Index of its sentence (a reference point set in the same sentence reads differently).
    sentence: usize,
    /// Its meaning, re-read in context.
    meaning: expr::Expr,
    /// TIMEX3 `mod`.
    modifier: Option<&'static str>,
    /// Direction from the governing verb.
    cue: context::Cue,
}

/// Recognises the time expressions of `text`, sentence by sentence (the whole text when
/// `doc` has no sentences), in text order.
pub fn recognise(text: &str, doc: &Document) -> Vec<Recognised> {
    let mut out = Vec::new();
    let mut toks = Vec::with_capacity(64);
    let whole;
    let sentences: &[crate::model::Sentence] = if doc.sentences.is_empty() && !text.is_empty() {
        whole = [crate::model::Sentence { start: 0, end: text.len(), paragraph: 0 }];
        &whole
    } else {
        &doc.sentences
    };
    for (si, s) in sentences.iter().enumerate() {
        let (from, to) = (s.start.min(text.len()), s.end.min(text.len()));
        if from >= to || !text.is_char_boundary(from) || !text.is_char_boundary(to) {
            continue;
        }
        toks.clear();
        tokens::tokenize(text, from, to, &mut toks);
        let found = recognise::find(text, &toks);
        if found.is_empty() {
            continue;
        }
        let t = Toks { text, toks: &toks };
        for f in found {
            let (Some(first), Some(last)) = (toks.get(f.start), toks.get(f.end.saturating_sub(1))) else {
                continue;
            };
            let (start, end) = (first.start, last.end);
            let mut cue = context::direction(&t, 0, toks.len(), f.start, f.end);
            let names_a_day = match f.expr {
                expr::Expr::Weekday { shift: None, .. } => true,
                expr::Expr::DayPartOf { day, .. } => matches!(day, expr::DaySpec::Weekday(_, None)),
                _ => false,
            };
            if names_a_day && let Some(c) = context::possessive_day(&t, 0, f.start, f.end, &cue) {
                cue = c;
            }
            let meaning = context::reread(f.expr, &t, f.start, f.end, &cue);
            let phrase_start = match f.start.checked_sub(1).and_then(|p| toks.get(p)) {
                Some(p)
                    if SHOWN_PREPOSITIONS.iter().any(|w| text[p.start..p.end].eq_ignore_ascii_case(w)) =>
                {
                    p.start
                }
                _ => start,
            };
            out.push(Recognised {
                start,
                end,
                phrase_start,
                sentence: si,
                meaning,
                modifier: f.modifier,
                cue,
            });
        }
    }
    out
}

/// Resolves recognised expressions (of `text`, in text order) against `anchor`: each
/// takes its value from the anchor or from the last calendar value mentioned before it.
/// With `explain` false the derivations are left empty (for trials that only need dates).
pub fn resolve_all(
    article_id: &str,
    text: &str,
    found: &[Recognised],
    anchor: Option<NaiveDate>,
    explain: bool,
) -> Vec<Timex> {
    let mut out = Vec::with_capacity(found.len());
    let mut reference: Option<RefPoint> = None;
    let mut quarter_ref: Option<RefPoint> = None;
    let mut ref_sentence: Option<usize> = None;
    for f in found {
        let (start, end) = (f.start, f.end);
        let ctx = Context {
            anchor,
            cue: &f.cue,
            reference: reference.as_ref(),
            quarter_ref: quarter_ref.as_ref(),
            ref_in_sentence: ref_sentence == Some(f.sentence),
        };
        let r = resolve::resolve(&f.meaning, &ctx);
        let written = &text[start..end];
        let phrase = &text[f.phrase_start..end];
        let anchor_desc = derive::anchor_of(&r, anchor, reference.as_ref());
        let derivation = if explain {
            derive::derivation(phrase, &r, anchor_desc.as_deref(), anchor.is_some())
        } else {
            String::new()
        };
        let range =
            if matches!(r.kind, TimexType::Date | TimexType::Time) { value_range(&r.value) } else { None };
        if let Some((d, _, p)) = range
            && !matches!(f.meaning, expr::Expr::Ref(_) | expr::Expr::Offset { .. })
        {
            let point = RefPoint { date: d, precision: p, text: written.to_string(), value: r.value.clone() };
            if p == crate::model::Precision::Quarter && r.value.contains("-Q") {
                quarter_ref = Some(point.clone());
            }
            reference = Some(point);
            ref_sentence = Some(f.sentence);
        }
        out.push(Timex {
            article: article_id.to_string(),
            start,
            end,
            text: written.to_string(),
            kind: r.kind,
            value: r.value,
            modifier: f.modifier.map(str::to_string),
            start_day: range.map(|x| x.0),
            end_day: range.map(|x| x.1),
            precision: range.map(|x| x.2),
            relative: r.relative,
            anchor: anchor_desc,
            derivation,
            confidence: r.confidence,
        });
    }
    out
}

#[cfg(test)]
mod tests;
