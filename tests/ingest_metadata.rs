//! Metadata read from plain-text headers: the seed articles and each header form seen in
//! the wild, checked on realistic article openings.

use std::path::Path;

use dateline::corpus::{self, Format, LoadOptions, article_from_bytes};
use dateline::model::{Article, DateStatus};
use dateline::pipeline::Progress;

fn article(text: &str) -> Article {
    article_from_bytes("story.txt", Format::Text, text.as_bytes()).expect("loads")
}

fn seeds() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    corpus::load(&dir, &LoadOptions::default(), &Progress::default()).expect("seeds load").articles
}

fn seed<'a>(all: &'a [Article], prefix: &str) -> &'a Article {
    all.iter().find(|a| a.path.starts_with(prefix)).expect("seed present")
}

fn evidence_of<'a>(a: &'a Article, field: &str) -> Option<&'a str> {
    a.metadata_evidence.iter().find(|e| e.field == field).map(|e| e.text.as_str())
}

#[test]
fn seeds_have_their_stated_dates_and_no_invented_one() {
    let all = seeds();
    assert_eq!(all.len(), 5);
    let a = seed(&all, "001");
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-17"));
    assert_eq!(a.published_status, DateStatus::Stated);
    assert_eq!(a.published_evidence.as_deref(), Some("Published : June 17, 2024 - 17:32"));
    assert_eq!(a.published_time.as_deref(), Some("17:32"));
    assert_eq!(a.source.as_deref(), Some("The Korea Herald"));
    assert_eq!(a.byline.as_deref(), Some("Ji Da-gyum"));
    assert_eq!(a.authors, vec!["Ji Da-gyum".to_string()]);
    assert_eq!(
        a.title.as_deref(),
        Some("Korea, China to hold first diplomatic security dialogue since 2015")
    );

    let a = seed(&all, "002");
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-07-26"));
    assert_eq!(a.published_evidence.as_deref(), Some("July 26, 2024"));
    assert_eq!(a.dateline.as_deref(), Some("SEOUL"));
    assert!(a.text[a.body_start..].starts_with("SEOUL – The vice ministers"));

    let a = seed(&all, "003");
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-07-25"));
    assert_eq!(a.published_evidence.as_deref(), Some("date 2024-07-25"));
    assert!(a.text[a.body_start..].starts_with("South Korea's First Vice Foreign Minister"));
    assert_eq!(a.title, None, "a photo caption is not a headline");

    let a = seed(&all, "004");
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-11-26"));
    assert_eq!(a.published_evidence.as_deref(), Some("• 11/26/2024"));
    assert_eq!(a.published_status, DateStatus::Stated);
    assert!(a.url.as_deref().is_some_and(|u| u.starts_with("https://www.scmp.com/")));
    // The host becomes a name only because the article itself spells it.
    assert_eq!(a.source.as_deref(), Some("The South China Morning Post"));
    assert!(a.title.as_deref().is_some_and(|t| t.starts_with("Chinese senior officials")));

    let a = seed(&all, "000");
    assert_eq!(a.published, None);
    assert_eq!(a.published_status, DateStatus::Missing);
    assert_eq!(a.published_evidence, None);
    assert_eq!(a.title, None, "a body sentence is not a headline");
}

#[test]
fn evidence_offsets_point_at_the_header_lines() {
    for a in seeds() {
        for e in &a.metadata_evidence {
            assert_eq!(&a.text[e.start..e.end], e.text, "{} {}", a.path, e.field);
        }
        assert!(a.body_start <= a.text.len());
    }
}

#[test]
fn wire_header_gives_headline_source_date_time_and_dateline() {
    let a = article(
        "BAHIA COCOA REVIEW\nReuters, 26-FEB-1987 15:01:01.79\n\nSALVADOR, Feb 26 -Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary.\n",
    );
    assert_eq!(a.title.as_deref(), Some("BAHIA COCOA REVIEW"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("1987-02-26"));
    assert_eq!(a.published_time.as_deref(), Some("15:01:01.79"));
    assert_eq!(a.published_evidence.as_deref(), Some("Reuters, 26-FEB-1987 15:01:01.79"));
    assert_eq!(a.dateline.as_deref(), Some("SALVADOR"));
    assert!(a.text[a.body_start..].starts_with("SALVADOR"));
}

#[test]
fn cleveland_wire_dateline() {
    let a = article(
        "CLEVELAND-CLIFFS <CLF> SEES LOWER EARNINGS\nReuters, 26-FEB-1987 15:12:44.10\n\nCLEVELAND, Feb 26 - Cleveland-Cliffs Inc said it expects\nlower earnings.\n",
    );
    assert_eq!(a.dateline.as_deref(), Some("CLEVELAND"));
    assert_eq!(evidence_of(&a, "dateline"), Some("CLEVELAND, Feb 26 -"));
}

#[test]
fn labelled_and_unlabelled_date_lines() {
    let cases = [
        (
            "Updated: 2024-06-17T08:00:00Z\n\nThe council voted on the plan late on Monday after a long debate.\n",
            "2024-06-17",
        ),
        (
            "Posted on March 3, 2021\n\nThe council voted on the plan late on Monday after a long debate.\n",
            "2021-03-03",
        ),
        ("17 June 2024\n\nThe council voted on the plan late on Monday after a long debate.\n", "2024-06-17"),
        (
            "Mon 17 Jun 2024 10.02 BST\n\nThe council voted on the plan late on Monday after a long debate.\n",
            "2024-06-17",
        ),
        (
            "Date: 2023-11-02\nTitle: Council approves budget\n\nThe council voted on the plan on Monday.\n",
            "2023-11-02",
        ),
    ];
    for (text, want) in cases {
        let a = article(text);
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some(want), "{text}");
        assert_eq!(a.published_status, DateStatus::Stated);
        let first_line = text.lines().next().unwrap_or_default();
        assert_eq!(a.published_evidence.as_deref(), Some(first_line));
    }
    let a =
        article("Updated: 2024-06-17T08:00:00Z\n\nThe council voted late on Monday after a long debate.\n");
    assert!(a.published_reason.as_deref().is_some_and(|r| r.contains("update")));
    assert_eq!(a.published_time.as_deref(), Some("08:00:00Z"));
    let a = article("Mon 17 Jun 2024 10.02 BST\n\nThe council voted late on Monday after a long debate.\n");
    assert_eq!(a.published_time.as_deref(), Some("10.02 BST"));
}

#[test]
fn published_beats_updated_whatever_the_order() {
    let a = article(
        "Council approves budget after long debate\nUpdated: June 20, 2024\nPublished: June 17, 2024\n\nThe council voted on Monday.\n",
    );
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-17"));
    assert_eq!(a.published_reason, None);
    assert_eq!(a.title.as_deref(), Some("Council approves budget after long debate"));
}

#[test]
fn ambiguous_numeric_date_is_read_us_style_with_a_note() {
    let a = article(
        "• 03/04/2024\n\nCity hall reopens\n\nThe building reopened on Monday after repairs that took two years.\n",
    );
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-03-04"));
    let why = a.published_reason.unwrap_or_default();
    assert!(why.contains("ambiguous") && why.contains("2024-04-03"), "{why}");
    let a = article("• 26/11/2024\n\nThe building reopened on Monday after repairs that took two years.\n");
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-11-26"));
    assert_eq!(a.published_reason, None);
}

#[test]
fn byline_with_several_authors_and_an_outlet() {
    let a = article(
        "Storm closes schools across the region\nBy Maria Lopez and John O'Neill, The Daily Courier\nJune 3, 2024\n\nSchools were closed on Monday as the storm moved inland.\n",
    );
    assert_eq!(a.byline.as_deref(), Some("Maria Lopez and John O'Neill, The Daily Courier"));
    assert_eq!(a.authors, vec!["Maria Lopez".to_string(), "John O'Neill".to_string()]);
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-03"));
}

#[test]
fn masthead_is_an_outlet_not_a_title() {
    let a = article(
        "The Daily Courier\n\nStorm closes schools across the region\n\nSchools were closed on Monday.\n",
    );
    assert_eq!(a.source.as_deref(), Some("The Daily Courier"));
    assert_eq!(a.title.as_deref(), Some("Storm closes schools across the region"));
    assert_eq!(a.published, None);
    assert_eq!(a.published_status, DateStatus::Missing);
}

#[test]
fn trailing_url_gives_host_when_the_name_is_not_spelled() {
    let a = article(
        "Storm closes schools across the region\n\nSchools were closed on Monday as the storm moved inland.\n\nhttps://www.example-news.org/2024/06/03/storm-schools\n",
    );
    assert_eq!(a.url.as_deref(), Some("https://www.example-news.org/2024/06/03/storm-schools"));
    assert_eq!(a.source.as_deref(), Some("example-news.org"));
    assert_eq!(a.published, None, "a date inside a URL is not a stated publication date");
}

#[test]
fn markdown_front_matter_and_heading() {
    let text = "---\ntitle: \"Council approves budget\"\ndate: 2024-05-02\nauthor: Jane Roe\n---\n\n# Council approves budget\n\nThe council voted on Thursday.\n";
    let a = article_from_bytes("notes/story.md", Format::Markdown, text.as_bytes()).expect("loads");
    assert_eq!(a.title.as_deref(), Some("Council approves budget"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-05-02"));
    assert_eq!(a.byline.as_deref(), Some("Jane Roe"));
    assert!(
        a.text[a.body_start..].trim_start().starts_with("# Council")
            || a.text[a.body_start..].trim_start().starts_with("The council")
    );
}

#[test]
fn body_dates_are_never_publication_dates() {
    let a = article(
        "South Korea and China held a high-level dialogue on June 18, 2024 in Seoul, elevating the talks to the vice-ministerial level for the first time.\nThe talks began at 3 p.m.\n",
    );
    assert_eq!(a.published, None);
    assert_eq!(a.published_status, DateStatus::Missing);
}

#[test]
fn section_kicker_and_unlabelled_byline_before_the_date() {
    let a = article(
        "Russia-Ukraine war\nPutin arrives in North Korea for rare visit\nJulian Borger in Seoul\nMon 17 Jun 2024 10.02 BST\n\nVladimir Putin has arrived in Pyongyang for his first visit in 24 years, state media said on Tuesday.\n",
    );
    assert_eq!(a.title.as_deref(), Some("Putin arrives in North Korea for rare visit"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-17"));
    assert_eq!(a.published_evidence.as_deref(), Some("Mon 17 Jun 2024 10.02 BST"));
    assert!(a.text[a.body_start..].starts_with("Vladimir Putin has arrived"));
}

#[test]
fn reporting_from_line_and_updated_time_first() {
    let a = article(
        "Seoul and Beijing hold security talks\nBy Jane Doe and John Roe\nReporting from Seoul\nJune 18, 2024\n\nOfficials from both countries met on Tuesday for the first such talks in nine years.\n",
    );
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-18"));
    assert_eq!(a.authors, vec!["Jane Doe".to_string(), "John Roe".to_string()]);
    let a = article(
        "By Jane Doe, CNN\nUpdated 5:32 PM EDT, Mon June 17, 2024\n\nOfficials from both countries met on Monday for talks that lasted four hours.\n",
    );
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-17"));
    assert_eq!(a.published_time.as_deref(), Some("5:32 PM EDT"));
    assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
    assert_eq!(a.source.as_deref(), Some("CNN"), "the outlet named in the byline");
    assert!(a.published_reason.as_deref().is_some_and(|r| r.contains("update")));
}

#[test]
fn posted_and_updated_on_one_line() {
    let a = article(
        "Korea, China hold talks\nPosted : 2024-06-17 17:32 Updated : 2024-06-18 09:00\n\nThe talks were held in Seoul on Tuesday, the ministry said in a statement.\n",
    );
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-17"));
    assert_eq!(a.published_time.as_deref(), Some("17:32"));
    assert!(a.text[a.body_start..].starts_with("The talks were held"));
}

#[test]
fn breadcrumbs_are_not_headlines_and_east_asian_dates_are_read() {
    let a = article(
        "Home > World > Asia\nTalks resume in Seoul after long pause\n2024年6月17日 17:32\n\nThe talks resumed on Monday.\n",
    );
    assert_eq!(a.title.as_deref(), Some("Talks resume in Seoul after long pause"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-17"));
    let a = article(
        "한중 외교안보대화 개최\n입력 2024.06.17 17:32 수정 2024.06.18 09:00\n\n외교부는 18일 서울에서 대화를 개최한다고 밝혔다.\n",
    );
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-17"));
    assert_eq!(a.title.as_deref(), Some("한중 외교안보대화 개최"));
    let a = article(
        "Cumbre en Madrid\nPublicado el 17 junio 2024\n\nLos ministros se reunieron el lunes en Madrid.\n",
    );
    assert_eq!(a.published, None, "month names are read in English only; no guessing");
    let a = article(
        "한중 외교안보대화 개최\n2024.06.17 17:32\n\n외교부는 18일 서울에서 대화를 개최한다고 밝혔다.\n",
    );
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-06-17"));
}

#[test]
fn wire_staff_byline_names_the_outlet_not_an_author() {
    let a = article(
        "Oil prices rise on supply worries\nBy Reuters Staff\nJune 3, 2024\n\nOil prices rose on Monday as traders weighed supply risks.\n",
    );
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}
