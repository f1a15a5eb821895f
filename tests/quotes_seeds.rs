//! Every quote of the seed articles 000, 001, 002 and 004 is found with its speaker
//! resolved; quoted names and terms are not quotes.

use dateline::extract::{entities, quotes};
use dateline::model::{Article, Quote};
use dateline::text::Document;

fn seed(prefix: &str) -> Article {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let path = std::fs::read_dir(&dir)
        .expect("seeds folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)))
        .expect("seed file");
    let text = std::fs::read_to_string(&path).expect("seed text");
    Article { id: prefix.to_string(), text: text.into(), ..Default::default() }
}

fn quotes_of(a: &Article) -> Vec<Quote> {
    let doc = Document::parse(&a.text);
    let mentions = entities::extract(a, &doc);
    quotes::extract(a, &doc, &mentions)
}

fn find<'a>(qs: &'a [Quote], start: &str) -> &'a Quote {
    qs.iter()
        .find(|q| q.text.starts_with(start))
        .unwrap_or_else(|| panic!("quote {start:?} not found in {qs:#?}"))
}

fn speaker(q: &Quote) -> &str {
    q.speaker.as_deref().unwrap_or_else(|| panic!("no speaker for {:?}", q.text))
}

#[test]
fn seed_000_all_quotes_are_lim_soo_suk() {
    let qs = quotes_of(&seed("000"));
    for start in [
        "exchange opinions on issues",
        "discuss matters related",
        "maintains the closest trade",
        "This visit by a high-ranking",
        "expected to contribute",
    ] {
        let q = find(&qs, start);
        assert_eq!(speaker(q), "Lim Soo-suk", "{start}");
        assert!(q.speaker_role.as_deref().is_some_and(|r| r.contains("spokesperson")), "{q:?}");
    }
    assert_eq!(qs.len(), 5, "{qs:#?}");
    assert!(qs.iter().all(|q| !q.text.contains("Foreign Policy and Security Dialogue")));
    let according = find(&qs, "maintains the closest trade");
    assert_eq!(according.cue.as_deref(), Some("According to"));
    assert_eq!(find(&qs, "discuss matters").speaker_mention.as_ref().map(|m| m.text.as_str()), Some("Lim"));
}

#[test]
fn seed_001_ministry_presidential_official_and_inss() {
    let qs = quotes_of(&seed("001"));
    assert_eq!(qs.len(), 5, "{qs:#?}");
    let upcoming = find(&qs, "The upcoming 'Korea-China");
    assert!(speaker(upcoming).contains("Foreign Ministry"));
    // The next paragraph has no cue: it continues the ministry's statement.
    let during = find(&qs, "During the dialogue");
    assert_eq!(during.speaker, upcoming.speaker);
    let days = find(&qs, "in a few days");
    assert!(speaker(days).contains("senior official") && speaker(days).contains("presidential office"));
    assert_eq!(speaker(find(&qs, "focus on further widening")), "Institute for National Security Strategy");
    let inss = find(&qs, "strategic top priority");
    assert_eq!(speaker(inss), "Institute for National Security Strategy");
    assert_eq!(inss.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("The INSS"));
    // The single-quoted dialogue name inside the quote is not a quote of its own.
    assert!(qs.iter().all(|q| q.text != "Korea-China Diplomatic and Security Dialogue"));
}

#[test]
fn seed_002_the_official_is_the_senior_foreign_ministry_official() {
    let qs = quotes_of(&seed("002"));
    assert_eq!(qs.len(), 11, "{qs:#?}");
    for q in &qs {
        let s = speaker(q);
        assert!(s.contains("senior official") && s.contains("Foreign Ministry"), "{q:?}");
    }
    let said = find(&qs, "The atmosphere seemed");
    assert_eq!(said.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("the official"));
    assert_eq!(said.cue.as_deref(), Some("said"));
    assert_eq!(find(&qs, "exchanged opinions").cue.as_deref(), Some("confirmed"));
    assert_eq!(find(&qs, "China’s participation").cue.as_deref(), Some("answered"));
}

#[test]
fn seed_004_lin_jian_and_not_the_2_plus_2_term() {
    let qs = quotes_of(&seed("004"));
    assert_eq!(qs.len(), 4, "{qs:#?}");
    for q in &qs {
        assert_eq!(speaker(q), "Lin Jian", "{q:?}");
    }
    assert_eq!(find(&qs, "China will focus").speaker_mention.as_ref().map(|m| m.text.as_str()), Some("he"));
    assert!(qs.iter().all(|q| q.text != "2+2"));
}

#[test]
fn quote_ids_are_stable_and_distinct() {
    let a = seed("002");
    let first = quotes_of(&a);
    let again = quotes_of(&a);
    assert_eq!(
        first.iter().map(|q| &q.id).collect::<Vec<_>>(),
        again.iter().map(|q| &q.id).collect::<Vec<_>>()
    );
    let mut ids: Vec<&String> = first.iter().map(|q| &q.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), first.len());
    for q in &first {
        assert_eq!(&a.text[q.start..q.end], q.text);
    }
}
