//! One test per quote shape and per attribution pattern, on short realistic passages.

use dateline::extract::{entities, quotes};
use dateline::model::{Article, Quote};
use dateline::text::Document;

fn run(text: &str) -> Vec<Quote> {
    let a = Article { id: "t".into(), text: text.into(), ..Default::default() };
    let doc = Document::parse(&a.text);
    let ms = entities::extract(&a, &doc);
    quotes::extract(&a, &doc, &ms)
}

fn only(text: &str) -> Quote {
    let qs = run(text);
    assert_eq!(qs.len(), 1, "expected one quote in {text:?}, got {qs:#?}");
    qs.into_iter().next().expect("one quote")
}

fn speaker(q: &Quote) -> Option<&str> {
    q.speaker.as_deref()
}

// ---- shapes ----

#[test]
fn straight_double_quotes() {
    let q = only("\"We will not back down,\" Senator Maria Lopez said on Monday.");
    assert_eq!(q.text, "We will not back down,");
    assert_eq!(speaker(&q), Some("Maria Lopez"));
}

#[test]
fn curly_double_quotes() {
    let q = only("“The talks were productive,” said Foreign Minister Peter Holm.");
    assert_eq!(q.text, "The talks were productive,");
    assert_eq!(speaker(&q), Some("Peter Holm"));
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn mixed_marks_open_curly_close_straight() {
    let q = only("“We expect a decision soon,\" the ministry spokesman Ahn Jae-won told reporters.");
    assert_eq!(q.text, "We expect a decision soon,");
    assert_eq!(speaker(&q), Some("Ahn Jae-won"));
}

#[test]
fn single_quotes_nested_in_double_are_part_of_the_quote() {
    let q = only("\"The so-called 'Green Deal' will pass this year,\" said Anna Berg.");
    assert!(q.text.contains("'Green Deal'"));
    assert_eq!(speaker(&q), Some("Anna Berg"));
}

#[test]
fn two_apostrophes_as_quote_marks() {
    let q = only("''It's a disgrace,'' Mr. Walker said.");
    assert_eq!(q.text, "It's a disgrace,");
    assert_eq!(q.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("Mr. Walker"));
}

#[test]
fn multi_paragraph_quote_continues_until_closed() {
    let text = "Mayor Tom Reyes spoke at length.\n\n“The budget is balanced for the first time in a decade.\n\n“We did it without raising taxes,” Reyes said.\n";
    let q = only(text);
    assert!(q.text.starts_with("The budget is balanced"));
    assert!(q.text.ends_with("without raising taxes,"));
    assert_eq!(speaker(&q), Some("Tom Reyes"));
}

#[test]
fn partial_quote_inside_a_sentence() {
    let q = only(
        "Both sides committed to “expand and deepen discussions on trade” through existing bodies, the official added.",
    );
    assert_eq!(q.text, "expand and deepen discussions on trade");
    assert_eq!(q.cue.as_deref(), Some("added"));
    assert_eq!(q.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("the official"));
}

#[test]
fn quote_after_a_colon() {
    let q = only("Prime Minister Jonas Lind was blunt: “We will not pay.”");
    assert_eq!(q.text, "We will not pay.");
    assert_eq!(speaker(&q), Some("Jonas Lind"));
}

#[test]
fn headline_quote_with_colon() {
    let q = only(
        "Merkel: 'Europe Must Stand Together On Trade'\n\nBERLIN (Reuters) - German Chancellor Angela Merkel said on Monday that Europe must act.",
    );
    assert_eq!(q.text, "Europe Must Stand Together On Trade");
    assert!(speaker(&q).is_some_and(|s| s.contains("Merkel")));
}

#[test]
fn quoted_names_titles_and_terms_are_not_quotes() {
    assert!(run("Delegates attended the “2+2” dialogue in Seoul on Tuesday.").is_empty());
    assert!(run("The \"Korea-China Foreign Policy and Security Dialogue\" opened at 3 p.m.").is_empty());
    assert!(run("Her new book, titled “Winds of Change,” sold well.").is_empty());
}

#[test]
fn scare_quotes_are_not_quotes() {
    assert!(run("Critics said the so-called “reform” changed nothing.").is_empty());
    assert!(run("The company described the layoffs as a “restructuring” of its operations.").is_empty());
}

#[test]
fn apostrophes_are_not_quote_marks() {
    let text = "The officials’ plan mirrors Korea’s policy of the '90s, said the report, adding that O’Brien's team agreed.";
    assert!(run(text).is_empty());
}

#[test]
fn an_article_with_a_plural_possessive_is_not_refused() {
    let qs = run("The ministers’ meeting ended late. “We have a deal,” said Finance Minister Karl Brandt.");
    assert_eq!(qs.len(), 1);
    assert_eq!(speaker(&qs[0]), Some("Karl Brandt"));
}

// ---- attribution patterns ----

#[test]
fn speaker_after_the_quote() {
    assert_eq!(speaker(&only("“Prices will rise,” Chen Wei said.")), Some("Chen Wei"));
}

#[test]
fn speaker_before_the_quote() {
    let q = only("Central bank governor Ruth Okafor said, “Inflation has peaked.”");
    assert_eq!(speaker(&q), Some("Ruth Okafor"));
    assert!(q.speaker_role.as_deref().is_some_and(|r| r.contains("governor")));
}

#[test]
fn inverted_order_said_the_official() {
    let text = "A senior official at the Trade Ministry briefed reporters.\n“Talks will resume in May,” said the official, who asked not to be named.";
    let q = only(text);
    assert_eq!(speaker(&q), Some("A senior official at the Trade Ministry"));
    assert_eq!(q.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("the official"));
}

#[test]
fn according_to() {
    let q = only("According to Dr. Lena Fischer, the vaccine “works in nine of ten cases.”");
    assert_eq!(speaker(&q), Some("Lena Fischer"));
    assert_eq!(q.cue.as_deref(), Some("According to"));
}

#[test]
fn cue_less_paragraph_follows_an_attributed_one() {
    let text = "“We are ready,” coach Ivan Petrov said on Friday.\n\n“The team has trained for months and nobody is injured.”\n";
    let qs = run(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(speaker(&qs[1]), Some("Ivan Petrov"));
}

#[test]
fn pronoun_resolves_to_the_previous_speaker() {
    let text = "Foreign Ministry spokesperson Lim Soo-suk briefed the press.\n“The visit is important,” Lim said. “It will deepen ties,” he added.";
    let qs = run(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(speaker(&qs[1]), Some("Lim Soo-suk"));
    assert_eq!(qs[1].speaker_mention.as_ref().map(|m| m.text.as_str()), Some("he"));
    assert!(qs[1].speaker_role.as_deref().is_some_and(|r| r.contains("spokesperson")));
}

#[test]
fn surname_resolves_to_the_full_name() {
    let q = only(
        "President Emmanuel Macron arrived in Rome. Macron said the meeting was “a turning point for Europe and its partners.”",
    );
    assert_eq!(speaker(&q), Some("Emmanuel Macron"));
    assert_eq!(q.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("Macron"));
}

#[test]
fn nominal_mention_resolves_to_the_most_specific_description() {
    let text = "“No decision was made,” a senior diplomat at the European Commission said.\n\nThe diplomat noted that talks had “moved in the right direction.”";
    let qs = run(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(speaker(&qs[1]), Some("a senior diplomat at the European Commission"));
}

#[test]
fn dash_attribution() {
    let q = only("“This election is about jobs and nothing else.” ― Maria Gomez");
    assert_eq!(speaker(&q), Some("Maria Gomez"));
}

#[test]
fn participle_cue_takes_the_clause_subject() {
    let q = only("At a rally in Ohio, Sanders attacked the bank, saying “Wall Street has too much power.”");
    assert_eq!(q.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("Sanders"));
}

#[test]
fn unknown_speaker_stays_null() {
    let q = only("The sign read nothing else. “Nobody is above the law and nobody ever will be.”");
    assert_eq!(q.speaker, None);
    assert_eq!(q.confidence, 0.0);
}

#[test]
fn offsets_are_verbatim_and_utf8_safe() {
    let text = "서울 — “협상은 계속된다,” 김 대변인이 말했다. “Talks continue,” said Kim Min-jae.";
    for q in run(text) {
        assert_eq!(&text[q.start..q.end], q.text);
    }
}

#[test]
fn a_source_close_to_someone_is_one_speaker() {
    let q = only(
        "\"We suspect that one or more of the 20 are buyout firms,\" said a source close to the company. \
         Analysts agreed.",
    );
    assert_eq!(speaker(&q), Some("a source close to the company"));
    // `to` still ends the phrase elsewhere (`said the minister to reporters`).
    let q = only("\"Talks will resume,\" said the minister to reporters on Friday.");
    assert_eq!(speaker(&q), Some("the minister"));
}
