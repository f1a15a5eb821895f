//! The sentence splitter and paragraphs on real news text: seed articles and wire copy.

use std::path::Path;

use dateline::corpus::{self, Format, LoadOptions, article_from_bytes};
use dateline::pipeline::Progress;
use dateline::text::Document;

fn sentences(text: &str) -> Vec<&str> {
    let doc = Document::parse(text);
    doc.sentences.iter().map(|s| &text[s.start..s.end]).collect()
}

#[test]
fn abbreviations_initials_and_times_do_not_end_sentences() {
    let text = "The \"Korea-China Foreign Policy and Security Dialogue\" commenced at 3 p.m. for the first time since 2015. \
Gov. Gavin Newsom met U.S. officials on Feb. 26 in Washington. John F. Kennedy Jr. was not there. \
The meeting ended at 5 p.m. The talks will resume in the U.S. next week.";
    assert_eq!(
        sentences(text),
        vec![
            "The \"Korea-China Foreign Policy and Security Dialogue\" commenced at 3 p.m. for the first time since 2015.",
            "Gov. Gavin Newsom met U.S. officials on Feb. 26 in Washington.",
            "John F. Kennedy Jr. was not there.",
            "The meeting ended at 5 p.m.",
            "The talks will resume in the U.S. next week.",
        ]
    );
}

#[test]
fn quotes_are_kept_with_their_attribution() {
    let text = "“The atmosphere seemed good. Both sides were candid,” the official said. \
He added: \"We expressed our concerns. China listened.\" The talks lasted four hours. \
\"Why now?\" asked a reporter.";
    assert_eq!(
        sentences(text),
        vec![
            "“The atmosphere seemed good. Both sides were candid,” the official said.",
            "He added: \"We expressed our concerns. China listened.\"",
            "The talks lasted four hours.",
            "\"Why now?\" asked a reporter.",
        ]
    );
}

#[test]
fn numbers_domains_and_ellipses() {
    let text = "The stock rose 1-5/8 to 10-7/8, a gain of about 17.5 pct. Read more at scmp.com today. \
All economic… It ended there.";
    assert_eq!(
        sentences(text),
        vec![
            "The stock rose 1-5/8 to 10-7/8, a gain of about 17.5 pct.",
            "Read more at scmp.com today.",
            "All economic…",
            "It ended there."
        ]
    );
}

#[test]
fn wrapped_wire_copy_keeps_sentences_across_lines_and_headers_apart() {
    let text = "BAHIA COCOA REVIEW\nReuters, 26-FEB-1987 15:01:01.79\n\nSALVADOR, Feb 26 -Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming temporao,\nalthough normal humidity levels have not been restored,\nComissaria Smith said in its weekly review.\n    The dry period means the temporao will be late this year.\n    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos making a cumulative total for the season of 5.93\nmln against 5.81 at the same stage last year. Again it seems\nthat cocoa delivered earlier on consignment was included in the\narrivals figures.\n";
    let a = article_from_bytes("wire.txt", Format::Text, text.as_bytes()).expect("loads");
    let doc = Document::for_article(&a);
    let got: Vec<&str> = doc.sentences.iter().map(|s| &text[s.start..s.end]).collect();
    assert_eq!(got[0], "BAHIA COCOA REVIEW");
    assert_eq!(got[1], "Reuters, 26-FEB-1987 15:01:01.79");
    assert!(got[2].starts_with("SALVADOR, Feb 26 -Showers") && got[2].ends_with("in its weekly review."));
    assert_eq!(got[3], "The dry period means the temporao will be late this year.");
    assert!(got[4].starts_with("Arrivals for the week") && got[4].ends_with("same stage last year."));
    assert!(got[5].starts_with("Again it seems") && got[5].ends_with("arrivals figures."));
    assert_eq!(got.len(), 6);
    // Paragraphs: two header lines, then three indented paragraphs.
    assert_eq!(doc.paragraphs.len(), 5);
    assert_eq!(doc.sentences[3].paragraph, 3);
    assert_eq!(doc.sentences[5].paragraph, 4);
}

#[test]
fn seed_headers_are_their_own_sentences_and_offsets_are_exact() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let c = corpus::load(&dir, &LoadOptions::default(), &Progress::default()).expect("seeds");
    let a = c.articles.iter().find(|a| a.path.starts_with("001")).expect("001");
    let doc = Document::for_article(a);
    let first: Vec<&str> = doc.sentences.iter().take(4).map(|s| &a.text[s.start..s.end]).collect();
    assert_eq!(
        first,
        vec![
            "The Korea Herald",
            "Korea, China to hold first diplomatic security dialogue since 2015",
            "By Ji Da-gyum",
            "Published : June 17, 2024 - 17:32",
        ]
    );
    for a in &c.articles {
        let doc = Document::for_article(a);
        assert!(!doc.sentences.is_empty());
        for s in &doc.sentences {
            let t = &a.text[s.start..s.end];
            assert_eq!(t, t.trim(), "sentences carry no outer white space");
            let p = doc.paragraphs[s.paragraph];
            assert!(p.start <= s.start && s.end <= p.end);
        }
        for w in doc.sentences.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
    }
    // One-line paragraphs in seed 002: two sentences in its third paragraph.
    let a = c.articles.iter().find(|a| a.path.starts_with("002")).expect("002");
    let doc = Document::for_article(a);
    let in_para: Vec<&str> =
        doc.sentences.iter().filter(|s| s.paragraph == 3).map(|s| &a.text[s.start..s.end]).collect();
    assert_eq!(
        in_para,
        vec![
            "The dialogue was held for the first time in around two years and seven months, following the last virtual meeting in December 2021.",
            "The last in-person dialogue took place in Beijing in June 2017, however.",
        ]
    );
}

#[test]
fn lookups_by_offset() {
    let text = "First one. Second one.\n\nThird one.";
    let doc = Document::parse(text);
    assert_eq!(doc.sentence_at(0), Some(0));
    assert_eq!(doc.sentence_at(12), Some(1));
    assert_eq!(doc.sentence_at(10), None, "the space between sentences");
    assert_eq!(doc.paragraph_at(text.len() - 1), Some(1));
}

#[test]
fn hostile_text_never_panics() {
    let samples = [
        "",
        "\n\n\n",
        ".",
        "...",
        "“",
        "\"unclosed quote. Still going. On.",
        "a.b.c.d. E.f. G",
        "한국어 문장입니다. 다음 문장.",
        "U.S.",
        "Mr.",
        "“”“”",
        "ÿ. Ā. ß. “Ü.” x",
        "\u{FFFD}. \u{FFFD}\u{FFFD}. A",
    ];
    for s in samples {
        let doc = Document::parse(s);
        for x in &doc.sentences {
            assert!(s.is_char_boundary(x.start) && s.is_char_boundary(x.end));
        }
    }
}
