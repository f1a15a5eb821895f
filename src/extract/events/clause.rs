//! Clause geometry inside one sentence: where the clause around a timex starts and ends,
//! which reporting verb (if any) the timex belongs to, the statement's subject, and a
//! short title cut from the article's own words.

use super::lexicon::{CLAUSE_OPENERS, NON_DATING_PREPOSITIONS, REPORTING_VERBS};

/// Characters that open or close a quotation.
pub(super) const QUOTE_MARKS: &[char] = &['"', '“', '”', '‘', '’', '«', '»'];

/// True when `c` at byte `i` of `s` is a quotation mark: `’` only after punctuation or
/// space (so the apostrophe of `Korea’s` or `officials’` is not one).
fn is_quote_at(s: &str, i: usize, c: char) -> bool {
    match c {
        '’' => s[..i].chars().next_back().is_none_or(|p| !p.is_alphanumeric()),
        _ => QUOTE_MARKS.contains(&c),
    }
}

/// A byte range inside the article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// True when the words just before `at` (inside `sentence`) stop the timex from dating
/// its clause (`since 2015`, `until June`).
pub fn introduced_by_non_dating_word(text: &str, sentence: Range, at: usize) -> bool {
    let before = slice(text, sentence.start, at).trim_end().to_lowercase();
    NON_DATING_PREPOSITIONS.iter().any(|p| {
        before.ends_with(p)
            && before[..before.len() - p.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The clause around `[at, at_end)`: from the last strong boundary before it to the first
/// boundary after it, inside `sentence`.
pub fn clause_around(text: &str, sentence: Range, at: usize, at_end: usize) -> Range {
    let before = slice(text, sentence.start, at);
    let mut start = sentence.start;
    for (i, c) in before.char_indices().rev() {
        if matches!(c, ';' | ':' | '—' | '–') || (c == ',' && opens_clause(&before[i + 1..])) {
            start = sentence.start + i + c.len_utf8();
            break;
        }
    }
    let after = slice(text, at_end, sentence.end);
    let mut end = sentence.end;
    for (i, c) in after.char_indices() {
        if matches!(c, ',' | ';' | ':' | '—' | '–' | '(') {
            end = at_end + i;
            break;
        }
    }
    trim(text, Range { start, end })
}

/// True when the text after a comma starts a new clause (a clause opener or a quote).
fn opens_clause(rest: &str) -> bool {
    let rest = rest.trim_start();
    if rest.starts_with(QUOTE_MARKS) {
        return true;
    }
    let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    CLAUSE_OPENERS.contains(&first.as_str()) || first.ends_with("ing")
}

/// A reporting verb governing the timex at `at`: the verb's range when it stands at most
/// four words before the timex with no comma or quote mark between (`said in Beijing on Monday`).
pub fn reporting_verb_before(text: &str, sentence: Range, at: usize) -> Option<Range> {
    let before = slice(text, sentence.start, at);
    let mut words_seen = 0;
    let mut end = before.len();
    for (i, c) in before.char_indices().rev() {
        if matches!(c, ',' | ';' | ':') || is_quote_at(before, i, c) {
            return None;
        }
        if c.is_whitespace() || i == 0 {
            let s = if c.is_whitespace() { i + c.len_utf8() } else { i };
            let w = &before[s..end];
            end = i;
            if w.is_empty() {
                continue;
            }
            if REPORTING_VERBS.contains(&w.to_lowercase().as_str()) {
                return Some(Range { start: sentence.start + s, end: sentence.start + s + w.len() });
            }
            words_seen += 1;
            if words_seen > 4 {
                return None;
            }
        }
    }
    None
}

/// The subject of a reporting verb: the words before it back to a comma, quote mark or dash
/// (`BOISE, March 17 -Boise Cascade Corp said`), stepping over appositions that start
/// lower-case (`, speaking on condition of anonymity,`).
pub fn subject_before(text: &str, sentence: Range, verb: Range) -> Range {
    let before = slice(text, sentence.start, verb.start);
    let mut end = before.len();
    let mut skipped = 0;
    loop {
        let seg_start = before[..end]
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                matches!(c, ',' | ';' | ':' | '—' | '–')
                    || is_quote_at(before, i, c)
                    || (c == '-' && before[..i].ends_with(char::is_whitespace))
            })
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let seg = before[seg_start..end].trim();
        let apposition =
            seg.is_empty() || seg.chars().next().is_some_and(char::is_lowercase) && !seg.starts_with("the ");
        if apposition && seg_start > 0 && skipped < 3 && !before[..seg_start].ends_with(QUOTE_MARKS) {
            end = seg_start - 1;
            skipped += 1;
            continue;
        }
        return trim(text, Range { start: sentence.start + seg_start, end: sentence.start + end });
    }
}

/// What a statement reports: the `that …` clause after the timex, or else the sentence
/// part before the subject (a quote or paraphrase that the subject is credited with).
pub fn statement_content(text: &str, sentence: Range, subject: Range, timex_end: usize) -> Option<Range> {
    let after = slice(text, timex_end, sentence.end);
    if let Some(i) = after.find(" that ") {
        let start = timex_end + i + " that ".len();
        return Some(trim(text, Range { start, end: sentence.end }));
    }
    if subject.start > sentence.start + 1 {
        return Some(trim(text, Range { start: sentence.start, end: subject.start }));
    }
    None
}

/// True when the words `after` a comma could be an apposition of the name `before` it: they
/// start lower-case (`deputy director of …`) and the last word before is capitalised.
pub fn apposition_after_name(before: &str, after: &str) -> bool {
    let follows_name =
        before.split_whitespace().next_back().and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
    follows_name && after.chars().next().is_some_and(char::is_lowercase)
}

/// `s` without appositions after a name: `Sun Weidong and Zhang Baoqun, deputy director of
/// the office, will be in Seoul` → `Sun Weidong and Zhang Baoqun will be in Seoul`. A
/// comma-enclosed segment is dropped when it starts lower-case and follows a capitalised word.
pub fn strip_appositions(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(", ") {
        let before = &rest[..i];
        let after = &rest[i + 2..];
        match after.find(',') {
            Some(j)
                if apposition_after_name(before, after)
                    && !opens_clause(after)
                    && after[..j].split_whitespace().count() <= 14 =>
            {
                out.push_str(before);
                rest = &after[j + 1..];
                if !rest.starts_with(' ') {
                    out.push(' ');
                }
            }
            _ => {
                out.push_str(&rest[..i + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text[start..end]` clamped to char boundaries (never panics).
pub fn slice(text: &str, start: usize, end: usize) -> &str {
    let end = crate::model::floor_char_boundary(text, end.min(text.len()));
    let start = crate::model::floor_char_boundary(text, start.min(end));
    &text[start..end]
}

/// Shrinks `r` past white space and stray punctuation at both ends.
pub fn trim(text: &str, r: Range) -> Range {
    let s = slice(text, r.start, r.end);
    let lead = s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || c == ',').len();
    let inner = s.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let kept = inner.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.'));
    let start = (r.start + lead).min(r.end);
    Range { start, end: start + kept.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(t: &str) -> Range {
        Range { start: 0, end: t.len() }
    }

    #[test]
    fn since_and_until_do_not_date_a_clause() {
        let t = "It was the first meeting since 2015 and will run until June.";
        let s = whole(t);
        assert!(introduced_by_non_dating_word(t, s, t.find("2015").unwrap_or(0)));
        assert!(introduced_by_non_dating_word(t, s, t.find("June").unwrap_or(0)));
        assert!(!introduced_by_non_dating_word(t, s, t.find("meeting").unwrap_or(0)));
    }

    #[test]
    fn reporting_verb_is_found_across_a_place_phrase() {
        let t = "spokesman Lin Jian said in Beijing on Monday, referring to it";
        let v = reporting_verb_before(t, whole(t), t.find("Monday").unwrap_or(0));
        assert_eq!(v.map(|r| &t[r.start..r.end]), Some("said"));
        let t2 = "The ministers met on Monday, officials said.";
        assert_eq!(reporting_verb_before(t2, whole(t2), t2.find("Monday").unwrap_or(0)), None);
    }

    #[test]
    fn subject_steps_over_a_lowercase_apposition() {
        let t = "A senior official from the presidential office, speaking on condition of anonymity, confirmed this past Wednesday that talks will occur.";
        let verb_at = t.find("confirmed").unwrap_or(0);
        let verb = Range { start: verb_at, end: verb_at + "confirmed".len() };
        let s = subject_before(t, whole(t), verb);
        assert_eq!(&t[s.start..s.end], "A senior official from the presidential office");
    }

    #[test]
    fn a_dateline_dash_ends_the_subject() {
        let t = "BOISE, March 17 -Boise Cascade Corp said on April 30 it will redeem its stock.";
        let verb_at = t.find("said").unwrap_or(0);
        let s = subject_before(t, whole(t), Range { start: verb_at, end: verb_at + 4 });
        assert_eq!(&t[s.start..s.end], "Boise Cascade Corp");
    }

    #[test]
    fn appositions_after_names_are_left_out() {
        let t = "Sun Weidong and Zhang Baoqun, deputy director of the office, will be in Seoul";
        assert_eq!(strip_appositions(t), "Sun Weidong and Zhang Baoqun will be in Seoul");
        let kept = "In Seoul, which hosted it, officials met";
        assert_eq!(strip_appositions(kept), kept);
    }

    #[test]
    fn clause_ends_at_the_next_comma() {
        let t = "They met on Wednesday in Seoul, which was a first.";
        let at = t.find("Wednesday").unwrap_or(0);
        let c = clause_around(t, whole(t), at, at + 9);
        assert_eq!(&t[c.start..c.end], "They met on Wednesday in Seoul");
    }
}
