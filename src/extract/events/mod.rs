//! Event mentions: clauses that report something happening at a resolved time.
//!
//! A mention is made for every DATE/TIME timex with a resolved calendar value that dates
//! its own clause (not `since 2015`, not a duration, set or vague reference). When the
//! timex belongs to a reporting verb (`the ministry said Thursday`) the mention is a
//! statement, titled `Speaker said: what was said`; otherwise it is an event titled with
//! its clause, the date words left out. Conjoined timexes (`Wednesday and Thursday`) give
//! one mention spanning both days. Nothing here looks at other articles.

pub mod clause;
pub mod lexicon;
pub mod title;

use crate::model::{
    Article, EntityKind, EntityMention, EventKind, EventMention, Precision, Quote, Span, Timex, TimexType,
};
use crate::text::Document;

use clause::{Range, slice};

/// Confidence used when a timex did not state one.
const DEFAULT_CONFIDENCE: f32 = 0.7;

/// Finds event mentions in one article from its timexes, entities and quotes.
pub fn extract(
    article: &Article,
    doc: &Document,
    timexes: &[Timex],
    mentions: &[EntityMention],
    quotes: &[Quote],
) -> Vec<EventMention> {
    let text: &str = &article.text;
    let mut out = Vec::new();
    for group in dating_groups(text, timexes, article.body_start) {
        let first = group[0];
        let last = group[group.len() - 1];
        let Some(si) = doc.sentence_at(first.start) else { continue };
        let s = doc.sentences[si];
        let sentence = Range { start: s.start.max(article.body_start).min(s.end), end: s.end };
        if is_date_line(text, sentence, first.start, last.end) {
            continue;
        }
        if clause::introduced_by_non_dating_word(text, sentence, first.start) {
            continue;
        }
        let tx = Range { start: first.start, end: last.end };
        let mention = match clause::reporting_verb_before(text, sentence, first.start) {
            Some(verb) => statement(text, sentence, verb, tx, mentions),
            None => happening(text, sentence, tx, mentions),
        };
        let Some((kind, title, clause_range, participants, place)) = mention else { continue };
        if title.split_whitespace().count() < 2 {
            continue;
        }
        let (start, end) = day_range(&group);
        let keyword_source = match kind {
            EventKind::Statement => slice(text, sentence.start, sentence.end),
            EventKind::Event => slice(text, clause_range.start, clause_range.end),
        };
        let keyword_source = clause::strip_appositions(keyword_source);
        let mut keywords = lexicon::keywords(&without(&keyword_source, slice(text, tx.start, tx.end)));
        let continuation = match kind {
            EventKind::Event => continuation(text, doc, si, timexes, &keywords),
            EventKind::Statement => None,
        };
        if let Some(c) = &continuation {
            for k in lexicon::keywords(&clause::strip_appositions(&c.text)) {
                if !keywords.contains(&k) {
                    keywords.push(k);
                }
            }
        }
        let paragraph = s.paragraph;
        let quote_ids = quotes
            .iter()
            .filter(|q| {
                doc.sentence_at(q.start).and_then(|i| doc.sentences.get(i)).map(|x| x.paragraph)
                    == Some(paragraph)
            })
            .map(|q| q.id.clone())
            .collect();
        let confidence = if first.confidence > 0.0 { first.confidence } else { DEFAULT_CONFIDENCE };
        out.push(EventMention {
            article: article.id.clone(),
            kind,
            title,
            evidence: Span::from_text(text, sentence.start, sentence.end),
            timex: Span::from_text(text, tx.start, tx.end),
            date: first.value.clone(),
            start,
            end,
            precision: first.precision.unwrap_or(Precision::Day),
            derivation: first.derivation.clone(),
            confidence,
            participants,
            place,
            keywords,
            quotes: quote_ids,
            continuation,
        });
    }
    out
}

/// Re-dates `mentions` from timexes resolved again at another anchor over the same text
/// (so with the same spans): each mention takes the value, days and precision of the
/// timexes inside its own timex span, as [`extract`] would. A mention none of whose
/// timexes dates a clause any more is dropped. Titles, participants and keywords do not
/// depend on the anchor, so trying many anchors (the timeline's date check) costs a
/// re-resolution of the time expressions only.
pub fn redate(mentions: &mut Vec<EventMention>, timexes: &[Timex]) {
    mentions.retain_mut(|m| {
        let (from, to) = (m.timex.start, m.timex.end);
        let group: Vec<&Timex> =
            timexes.iter().filter(|t| t.start >= from && t.end <= to && dates_a_clause(t)).collect();
        let Some(first) = group.first() else { return false };
        let (start, end) = day_range(&group);
        m.date = first.value.clone();
        m.precision = first.precision.unwrap_or(Precision::Day);
        m.start = start;
        m.end = end;
        true
    });
}

/// Sentences that go on reporting the event of sentence `si`: the next sentence, in the same
/// or the next paragraph, with no dating timex of its own, not opening with a quote, and
/// sharing at least two keywords with the event's clause.
fn continuation(
    text: &str,
    doc: &Document,
    si: usize,
    timexes: &[Timex],
    keywords: &[String],
) -> Option<Span> {
    let here = doc.sentences.get(si)?;
    let next = doc.sentences.get(si + 1)?;
    if next.paragraph > here.paragraph + 1 {
        return None;
    }
    if timexes.iter().any(|t| t.start >= next.start && t.end <= next.end && dates_a_clause(t)) {
        return None;
    }
    let body = slice(text, next.start, next.end);
    if body.starts_with(['"', '“', '‘', '\'']) || body.split_whitespace().count() < 5 {
        return None;
    }
    let shared = lexicon::keywords(body).iter().filter(|k| keywords.contains(k)).count();
    (shared >= 2).then(|| Span::from_text(text, next.start, next.end))
}

/// What a mention is made of, before dates are attached.
type Parts = (EventKind, String, Range, Vec<String>, Option<String>);

/// A statement: `Speaker verb: content`, participants the speaker plus names in the content.
fn statement(
    text: &str,
    sentence: Range,
    verb: Range,
    tx: Range,
    mentions: &[EntityMention],
) -> Option<Parts> {
    let subject = clause::subject_before(text, sentence, verb);
    if subject.end <= subject.start {
        return None;
    }
    let speaker = mentions
        .iter()
        .filter(|m| m.start >= subject.start && m.end <= subject.end && m.kind != EntityKind::Place)
        .max_by_key(|m| m.name.len())
        .map(|m| m.name.clone())
        .unwrap_or_else(|| title::tidy(slice(text, subject.start, subject.end)));
    let content = clause::statement_content(text, sentence, subject, tx.end);
    let content_text = content.map(|c| slice(text, c.start, c.end));
    let verb_text = slice(text, verb.start, verb.end);
    let title = title::statement(&speaker, verb_text, content_text);
    let mut participants = vec![speaker];
    participants.extend(names_in(mentions, sentence, false));
    dedup(&mut participants);
    let place = place_in(text, mentions, sentence);
    Some((EventKind::Statement, title, sentence, participants, place))
}

/// A happening: its clause (timex left out) as title, names of the sentence as participants.
fn happening(text: &str, sentence: Range, tx: Range, mentions: &[EntityMention]) -> Option<Parts> {
    let clause_range = clause::clause_around(text, sentence, tx.start, tx.end);
    // `On Tuesday, the ministers met …`: the date's own clause is only the adverbial; the
    // happening is the main clause after it.
    let (title, clause_range) = match title::main_after_adverbial(text, sentence, clause_range, tx) {
        Some(main) => (title::main_clause(text, main), Range { start: clause_range.start, end: main.end }),
        None => (title::happening(text, sentence, clause_range, tx), clause_range),
    };
    let mut participants = names_in(mentions, sentence, false);
    dedup(&mut participants);
    let place = place_in(text, mentions, clause_range).or_else(|| place_in(text, mentions, sentence));
    Some((EventKind::Event, title, clause_range, participants, place))
}

/// In-article canonical names of entities mentioned inside `r` (places too unless `no_places`).
fn names_in(mentions: &[EntityMention], r: Range, no_places: bool) -> Vec<String> {
    mentions
        .iter()
        .filter(|m| m.start >= r.start && m.end <= r.end)
        .filter(|m| !(no_places && m.kind == EntityKind::Place))
        .filter(|m| m.role.as_deref() != Some("author"))
        .map(|m| m.name.clone())
        .collect()
}

/// The place of a clause: a place entity right after `in`/`at` inside `r`.
fn place_in(text: &str, mentions: &[EntityMention], r: Range) -> Option<String> {
    mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Place && m.start >= r.start && m.end <= r.end)
        .find(|m| {
            let before = slice(text, r.start, m.start).trim_end().to_lowercase();
            before.ends_with(" in") || before.ends_with(" at") || before == "in" || before == "at"
        })
        .map(|m| m.name.clone())
}

fn dedup(v: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.to_lowercase()));
}

/// `s` with the first occurrence of `part` removed (the timex words, from keywords).
fn without(s: &str, part: &str) -> String {
    match (part.is_empty(), s.find(part)) {
        (false, Some(i)) => format!("{} {}", &s[..i], &s[i + part.len()..]),
        _ => s.to_string(),
    }
}

/// True when the timex is the whole sentence bar a few words (a header or photo date line).
fn is_date_line(text: &str, sentence: Range, tx_start: usize, tx_end: usize) -> bool {
    let rest = format!("{} {}", slice(text, sentence.start, tx_start), slice(text, tx_end, sentence.end));
    rest.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() < 3
}

/// Timexes that can date a clause, in text order, conjoined ones (`Wednesday and Thursday`,
/// `June 18-19`) grouped together.
fn dating_groups<'a>(text: &str, timexes: &'a [Timex], body_start: usize) -> Vec<Vec<&'a Timex>> {
    let mut usable: Vec<&Timex> =
        timexes.iter().filter(|t| t.start >= body_start && dates_a_clause(t)).collect();
    usable.sort_by_key(|t| t.start);
    let mut groups: Vec<Vec<&Timex>> = Vec::new();
    for t in usable {
        if let Some(g) = groups.last_mut() {
            let prev = g[g.len() - 1];
            let gap = slice(text, prev.end, t.start).trim().to_lowercase();
            let conjoined = t.start >= prev.end
                && matches!(gap.as_str(), "and" | "to" | "-" | "–" | "through" | "or" | "," | "and on")
                && prev.precision == t.precision;
            if conjoined {
                g.push(t);
                continue;
            }
        }
        groups.push(vec![t]);
    }
    groups
}

/// A DATE/TIME timex with a calendar value and days: durations, sets, `PRESENT_REF` and
/// unresolved `XXXX-…` values date nothing.
fn dates_a_clause(t: &Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time)
        && t.start_day.is_some()
        && t.end_day.is_some()
        && !t.value.contains('X')
        && !t.value.ends_with("_REF")
        && !t.value.starts_with('P')
        && t.precision.is_none_or(|p| p <= Precision::Decade)
}

/// First and last day covered by a group of timexes.
fn day_range(group: &[&Timex]) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let start = group.iter().filter_map(|t| t.start_day).min().unwrap_or_default();
    let end = group.iter().filter_map(|t| t.end_day).max().unwrap_or(start);
    (start, end)
}

#[cfg(test)]
mod tests;
