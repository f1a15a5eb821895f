//! Event titles: one short line in the article's own words, the thing a reader scans on the
//! timeline. A happening is titled with its clause, the date words left out; a statement
//! with `Speaker said: what was said`.
//!
//! The clause is cut by punctuation, so a title can open where a sentence does not: on a
//! wire dateline (`NEW YORK, March 9 -`), a connective (`But`), or a relative or participle
//! clause (`which expired …`, `including …`). Such openings are mended here with the
//! sentence's own words (the antecedent before the comma), never with words of our own
//! except `the` for a possessive date (`Today's approval` → `The approval`).

use super::clause::{QUOTE_MARKS, Range, apposition_after_name, slice, strip_appositions};

/// Maximum words in a title before it is cut with `…`.
const TITLE_WORDS: usize = 16;

/// An antecedent longer than this is not put in front of a relative clause (it would be
/// most of a sentence, and which noun the clause is about gets unclear).
const MAX_ANTECEDENT_WORDS: usize = 6;

/// Words that join a clause to what came before and say nothing on their own.
const CONNECTIVES: &[&str] =
    &["but", "and", "yet", "so", "however", "also", "meanwhile", "still", "moreover"];

/// Words that open a fronted phrase whose noun is the dated thing (`Following the last
/// meeting in December 2021, …` dates the meeting): the title is the noun phrase.
const FRONTED: &[&str] = &["following", "including", "after", "amid", "during", "despite"];

/// Participles that do not end in `-ed` (`Set up in 2002, the dialogue …`).
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "set", "held", "built", "born", "made", "taken", "given", "won", "chosen", "known", "seen", "written",
    "begun", "led", "sold", "bought", "struck", "hit", "put", "brought", "sent", "spent", "paid", "shown",
];

/// Words that end the subject of a sentence after a fronted phrase (`…, the dialogue has`).
const SUBJECT_ENDS: &[&str] = &[
    "has", "have", "had", "is", "was", "were", "are", "will", "would", "can", "could", "may", "might",
    "should", "must", "said", "says",
];

/// At most this many words are taken as the subject after a fronted participle.
const MAX_SUBJECT_WORDS: usize = 5;

/// The title of a happening dated by `tx`, whose clause is `clause` inside `sentence`.
pub fn happening(text: &str, sentence: Range, clause: Range, tx: Range) -> String {
    let raw = relative_opening(text, sentence, clause, tx)
        .or_else(|| fronted_participle(text, sentence, clause, tx))
        .unwrap_or_else(|| without_timex(text, clause, tx));
    let raw = strip_dateline(&raw);
    tidy(strip_connective(raw))
}

/// The words of `range` with the timex `tx` (and an `on`/`in`/`at` before it) left out. A
/// possessive date becomes `the` (`at today's auction` → `at the auction`).
fn without_timex(text: &str, range: Range, t: Range) -> String {
    if t.start < range.start || t.end > range.end {
        return slice(text, range.start, range.end).to_string();
    }
    let head = slice(text, range.start, t.start).trim_end();
    let after = slice(text, t.end, range.end);
    if let Some(rest) = after.strip_prefix("'s").or_else(|| after.strip_prefix("’s")) {
        return format!("{head} the {}", rest.trim_start());
    }
    let head = strip_last_word(head, &["on", "in", "at", "this", "last", "past"]);
    let head = strip_last_word(head, &["on", "in", "at", "this"]);
    format!("{head} {}", after.trim_start())
}

/// A title for a clause that opens with a relative pronoun or a participle after a comma
/// (`Barclay, who is 60, decided …`, `Total reserves, including …, rose …`): the short
/// antecedent before the comma, then either the main clause that follows the closed
/// relative clause (`Barclay decided …`) or, when the date is inside the relative clause,
/// that clause without its pronoun (`De Keersmaeker chaired a meeting …`). `None` when the
/// clause opens otherwise or the antecedent is long.
fn relative_opening(text: &str, sentence: Range, clause: Range, tx: Range) -> Option<String> {
    let body = slice(text, clause.start, clause.end);
    let first = body.split_whitespace().next()?.to_lowercase();
    let pronoun = matches!(first.as_str(), "which" | "who");
    let embedded = pronoun || first == "whom" || (first.len() > 5 && first.ends_with("ing"));
    if !embedded {
        return None;
    }
    let before = slice(text, sentence.start, clause.start).trim_end().strip_suffix(',')?;
    let from = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let antecedent = strip_dateline(before[from..].trim());
    let words = antecedent.split_whitespace().count();
    if words == 0 || words > MAX_ANTECEDENT_WORDS || antecedent.starts_with(QUOTE_MARKS) {
        return None;
    }
    // The embedded clause closes before the date: the date belongs to the main clause.
    let inner = slice(text, clause.start, tx.start);
    if let Some(i) = inner.find(", ") {
        let main = Range { start: clause.start + i + 2, end: clause.end };
        return Some(format!("{antecedent} {}", without_timex(text, main, tx)));
    }
    if !pronoun {
        return None;
    }
    let skip = body.find(char::is_whitespace)?;
    let rest = Range { start: clause.start + skip, end: clause.end };
    Some(format!("{antecedent} {}", without_timex(text, rest, tx)))
}

/// True when `clause` opens its sentence (after a wire dateline, if any) and a comma
/// follows it: a fronted phrase (`Set up in 2002, …`, `On Tuesday, …`).
fn fronted(text: &str, sentence: Range, clause: Range) -> bool {
    let opening = slice(text, sentence.start, clause.start).trim();
    (opening.is_empty() || strip_dateline(opening).is_empty())
        && slice(text, clause.end, sentence.end).starts_with(',')
}

/// A title for a fronted participle phrase (`Set up in 2002, the dialogue has met five
/// times`): the sentence's short subject, then the phrase (`the dialogue set up`). `None`
/// when the clause is no such phrase or the subject is not found within a few words.
fn fronted_participle(text: &str, sentence: Range, clause: Range, tx: Range) -> Option<String> {
    if !fronted(text, sentence, clause) {
        return None;
    }
    let after = slice(text, clause.end, sentence.end);
    let body = slice(text, clause.start, clause.end);
    let mut words = body.split_whitespace().map(str::to_lowercase);
    let first = words.next()?;
    let participle = |w: &str| w.len() > 3 && w.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(&w);
    let fronted =
        participle(&first) || (first.ends_with("ly") && words.next().is_some_and(|w| participle(&w)));
    if !fronted {
        return None;
    }
    let rest: Vec<&str> = after[1..].split_whitespace().take(MAX_SUBJECT_WORDS + 1).collect();
    let ends = rest.iter().position(|w| SUBJECT_ENDS.contains(&w.to_lowercase().as_str()))?;
    if ends == 0 || rest[..ends].iter().any(|w| w.ends_with([',', ';', ':'])) {
        return None;
    }
    let phrase = without_timex(text, clause, tx);
    let mut chars = phrase.trim_start().chars();
    let lowered: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
    Some(format!("{} {lowered}", rest[..ends].join(" ")))
}

/// Words that open a fronted adverbial holding the date (`On Tuesday, …`, `In the year ended
/// February 28, …`, `Earlier this month, …`).
const ADVERBIAL_OPENERS: &[&str] = &[
    "on", "in", "at", "for", "during", "by", "over", "earlier", "later", "early", "late", "last", "this",
    "next",
];

/// At most this many words of a fronted adverbial besides the date.
const MAX_ADVERBIAL_WORDS: usize = 5;

/// The main clause after a fronted adverbial that holds the date (`On Tuesday, the
/// ministers met in Seoul.` → `the ministers met in Seoul`): the clause around the date is
/// then only the adverbial, which names no happening. `None` when the clause is no short
/// fronted adverbial (a fronted participle, `Set up in 2002, …`, names its own happening).
pub fn main_after_adverbial(text: &str, sentence: Range, clause: Range, tx: Range) -> Option<Range> {
    if !fronted(text, sentence, clause) {
        return None;
    }
    let body = slice(text, clause.start, clause.end);
    let first = body.split_whitespace().next()?.to_lowercase();
    let opens = tx.start <= clause.start || ADVERBIAL_OPENERS.contains(&first.as_str());
    let outside = slice(text, clause.start, tx.start).split_whitespace().count()
        + slice(text, tx.end, clause.end).split_whitespace().count();
    if !opens || outside > MAX_ADVERBIAL_WORDS {
        return None;
    }
    let from = clause.end + 1;
    let rest = slice(text, from, sentence.end);
    let end = [rest.find([';', '—', '–']), rest.find(" -- ")]
        .into_iter()
        .flatten()
        .min()
        .map_or(sentence.end, |i| from + i);
    let main = super::clause::trim(text, Range { start: from, end });
    (slice(text, main.start, main.end).split_whitespace().count() >= 2).then_some(main)
}

/// The title of a main clause found by [`main_after_adverbial`]: its words, without
/// relative clauses and appositions.
pub fn main_clause(text: &str, main: Range) -> String {
    tidy(&without_relative_clauses(slice(text, main.start, main.end)))
}

/// `s` without relative clauses set off by commas (`Hao Peng, which shares a border, made a
/// trip` → `Hao Peng made a trip`): in a title they only delay the verb.
fn without_relative_clauses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(", ") {
        let after = &rest[i + 2..];
        let first = after.split_whitespace().next().unwrap_or("").to_lowercase();
        let relative = matches!(first.as_str(), "which" | "who" | "whose" | "where");
        match after.find(',') {
            Some(j) if relative && !after[j + 1..].trim().is_empty() => {
                out.push_str(&rest[..i]);
                // An apposition right before it (`Hao Peng, the secretary of Liaoning, which
                // borders …,`) goes too: the relative clause was its closing comma.
                if let Some(k) = out.rfind(", ")
                    && apposition_after_name(&out[..k], &out[k + 2..])
                {
                    out.truncate(k);
                }
                rest = &after[j + 1..];
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

/// `s` without a wire dateline at its start: a capitalised place, then the date and agency
/// if any, then a dash after a space (`NEW YORK, March 9 -`, `SEOUL, June 17 (Yonhap) --`,
/// `LONDON -`). Left as it is when anything else stands before the dash.
fn strip_dateline(s: &str) -> &str {
    let t = s.trim_start();
    let Some(dash) =
        t.char_indices().take_while(|&(i, _)| i < 60).find(|&(_, c)| matches!(c, '-' | '—' | '–'))
    else {
        return s;
    };
    let (dash_at, _) = dash;
    if !t[..dash_at].ends_with(char::is_whitespace) {
        return s;
    }
    let prefix = t[..dash_at].trim_end();
    let split = prefix.find([',', '(']).unwrap_or(prefix.len());
    let (place, rest) = prefix.split_at(split);
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let capital_place = letters >= 3
        && place
            .chars()
            .all(|c| c.is_uppercase() || c.is_whitespace() || matches!(c, '.' | '-' | '\'' | '&'));
    let dated = rest.trim_start_matches(',').split_whitespace().count() <= 4
        && rest.trim_start_matches(',').split_whitespace().all(date_or_agency);
    if !(capital_place && dated) {
        return s;
    }
    t[dash_at..].trim_start_matches(['-', '—', '–']).trim_start()
}

/// A word of a dateline after the place: a month (`March`, `Oct.`), a day or year number,
/// or an agency in parentheses (`(Reuters)`).
fn date_or_agency(w: &str) -> bool {
    let bare = w.trim_end_matches(['.', ',']);
    (w.starts_with('(') && w.ends_with(')'))
        || (!bare.is_empty() && bare.len() <= 4 && bare.chars().all(|c| c.is_ascii_digit()))
        || (bare.len() <= 9
            && bare.chars().next().is_some_and(|c| c.is_uppercase())
            && bare.chars().all(char::is_alphabetic))
}

/// `s` without a connective or the word of a fronted phrase at its start (`But the talks …`,
/// `Following the meeting …`), unless too little is left.
fn strip_connective(s: &str) -> &str {
    let t = s.trim_start();
    let Some(first) = t.split_whitespace().next() else { return s };
    let word = first.trim_end_matches(',').to_lowercase();
    let rest = t[first.len()..].trim_start();
    let opener = CONNECTIVES.contains(&word.as_str()) || FRONTED.contains(&word.as_str());
    if opener && rest.split_whitespace().count() >= 2 { rest } else { s }
}

/// Joins `speaker`, `verb` and `content` into a statement title (`Lim Soo-suk said: …`).
/// A content that is only a wire dateline (`NEW YORK, March 3 - Acme said`) is none.
pub fn statement(speaker: &str, verb: &str, content: Option<&str>) -> String {
    match content.map(|c| tidy(strip_dateline(c))).filter(|c| !c.is_empty()) {
        Some(c) => tidy(&format!("{speaker} {verb}: {c}")),
        None => tidy(&format!("{speaker} {verb}")),
    }
}

/// Collapses white space, drops quote marks, list bullets and trailing punctuation, caps
/// the length and capitalises the first letter.
pub fn tidy(s: &str) -> String {
    let s = strip_appositions(s);
    let cleaned: String = s.chars().filter(|c| !QUOTE_MARKS.contains(c) || *c == '’').collect();
    let cleaned = cleaned.trim_start().trim_start_matches(['-', '*', '•', '·']);
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut out = if words.len() > TITLE_WORDS {
        format!("{}…", words[..TITLE_WORDS].join(" ").trim_end_matches([',', ';', ':']))
    } else {
        words.join(" ")
    };
    while out.ends_with(['.', ',', ';', ':', ' ', '-']) {
        out.pop();
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

fn strip_last_word<'a>(s: &'a str, words: &[&str]) -> &'a str {
    let t = s.trim_end();
    match t.rfind(char::is_whitespace) {
        Some(i) if words.contains(&t[i + 1..].to_lowercase().as_str()) => t[..i].trim_end(),
        None if words.contains(&t.to_lowercase().as_str()) => "",
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::events::clause::clause_around;

    fn whole(t: &str) -> Range {
        Range { start: 0, end: t.len() }
    }

    /// The title of the happening dated by `date` in the one-sentence text `t`.
    fn title(t: &str, date: &str) -> String {
        let at = t.find(date).unwrap_or(0);
        let tx = Range { start: at, end: at + date.len() };
        happening(t, whole(t), clause_around(t, whole(t), tx.start, tx.end), tx)
    }

    #[test]
    fn title_leaves_out_the_timex_and_its_preposition() {
        let t = "South Korea and China held a high-level dialogue on Tuesday in Seoul";
        assert_eq!(title(t, "Tuesday"), "South Korea and China held a high-level dialogue in Seoul");
    }

    #[test]
    fn a_possessive_date_becomes_the() {
        let t = "Total demand at today's auction was 28.7 billion francs.";
        assert_eq!(title(t, "today"), "Total demand at the auction was 28.7 billion francs");
        let t = "Today's approval marks an important step.";
        assert_eq!(title(t, "Today"), "The approval marks an important step");
    }

    #[test]
    fn wire_datelines_are_left_out() {
        let t = "NEW YORK, March 9 -Ground-breaking new systems are ushering in a new era.";
        assert_eq!(title(t, "March 9"), "Ground-breaking new systems are ushering in a new era");
        let t = "SEOUL, June 17 (Yonhap) -- The two sides met on Monday in Seoul.";
        assert_eq!(title(t, "Monday"), "The two sides met in Seoul");
        // A hyphen inside a word, or a sentence before the dash, is no dateline.
        let t = "U.S.-Canadian talks ended on Friday.";
        assert_eq!(title(t, "Friday"), "U.S.-Canadian talks ended");
        let t = "Output rose in May - the fastest pace in a year.";
        assert!(title(t, "May").starts_with("Output rose"), "{}", title(t, "May"));
    }

    #[test]
    fn relative_and_participle_openings_take_their_antecedent() {
        // The relative clause closes before the date: the date is the main clause's.
        let t = "Barclay, who is 60 years old, decided not to stand for reappointment this year.";
        assert_eq!(title(t, "this year"), "Barclay decided not to stand for reappointment");
        let t = "Total net reserves, including reserves held by savings banks, rose to 58 billion crowns in March.";
        assert_eq!(title(t, "March"), "Total net reserves rose to 58 billion crowns");
        // The date is inside the relative clause: the clause without its pronoun.
        let t = "De Keersmaeker, who chaired a meeting of farm ministers on Monday, was asked about the tax.";
        assert_eq!(title(t, "Monday"), "De Keersmaeker chaired a meeting of farm ministers");
        // A fronted participle takes the sentence's subject.
        let t = "Set up in 2002, the dialogue has been organised five times so far.";
        assert_eq!(title(t, "2002"), "The dialogue set up");
        let t = "Previously held at the director-general level in 2013, the dialogue has been elevated.";
        assert_eq!(title(t, "2013"), "The dialogue previously held at the director-general level");
        // A long antecedent is not guessed at.
        let t = "Talks were shelved during the prime minister's official visit to the Soviet Union, which ends today.";
        assert_eq!(title(t, "today"), "Which ends");
    }

    #[test]
    fn a_fronted_adverbial_hands_over_to_the_main_clause() {
        let main = |t: &str, date: &str| {
            let at = t.find(date).unwrap_or(0);
            let tx = Range { start: at, end: at + date.len() };
            let c = clause_around(t, whole(t), tx.start, tx.end);
            main_after_adverbial(t, whole(t), c, tx)
                .map(|r| tidy(&without_relative_clauses(&t[r.start..r.end])))
        };
        let t = "On Tuesday, the ministers of both countries met in Seoul to discuss trade.";
        assert_eq!(
            main(t, "Tuesday").as_deref(),
            Some("The ministers of both countries met in Seoul to discuss trade")
        );
        let t = "In April, Hao Peng, the party secretary of Liaoning province, made a trip to South Korea.";
        assert_eq!(main(t, "April").as_deref(), Some("Hao Peng made a trip to South Korea"));
        let t = "In April, Hao Peng, the secretary of Liaoning, which borders North Korea, made a trip to \
                 Seoul -- the first by a provincial secretary.";
        assert_eq!(main(t, "April").as_deref(), Some("Hao Peng made a trip to Seoul"));
        let t = "In the year ended February 28, the company earned 5 mln dlrs.";
        assert_eq!(main(t, "February 28").as_deref(), Some("The company earned 5 mln dlrs"));
        let t = "Last week, officials said talks would resume.";
        assert_eq!(main(t, "Last week").as_deref(), Some("Officials said talks would resume"));
        // A fronted participle names its own happening; a date later in a sentence is no adverbial.
        assert_eq!(main("Set up in 2002, the dialogue has met five times.", "2002"), None);
        assert_eq!(main("The ministers met on Tuesday, officials said.", "Tuesday"), None);
    }

    #[test]
    fn a_dateline_is_no_statement() {
        assert_eq!(statement("Acme Corp", "said", Some("NEW YORK, March 3 -")), "Acme Corp said");
        assert_eq!(statement("Acme Corp", "said", Some("Sales rose")), "Acme Corp said: Sales rose");
    }

    #[test]
    fn connectives_and_bullets_do_not_open_a_title() {
        let t = "Prices held, but the situation deteriorated sharply in February.";
        assert_eq!(title(t, "February"), "The situation deteriorated sharply");
        let t = "- Customer net revenue will rise to 464.7 mln dlrs in 1987.";
        assert_eq!(title(t, "1987"), "Customer net revenue will rise to 464.7 mln dlrs");
        let t = "Following the last virtual meeting in December 2021, the dialogue was suspended.";
        assert_eq!(title(t, "December 2021"), "The last virtual meeting");
        // A connective stays when it would leave a single word.
        assert_eq!(strip_connective("But fell"), "But fell");
    }
}
