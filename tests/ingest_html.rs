//! HTML pages: main text without navigation/scripts/styles, and metadata from JSON-LD,
//! OpenGraph/`article:*` meta tags, `<time datetime>`, `<title>`, or visible header lines.

use std::path::{Path, PathBuf};

use dateline::corpus::{self, LoadOptions};
use dateline::model::{Article, DateStatus};
use dateline::pipeline::Progress;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html")
}

fn load(name: &str) -> Article {
    let c =
        corpus::load(&fixtures().join(name), &LoadOptions::default(), &Progress::default()).expect("fixture");
    assert_eq!(c.articles.len(), 1, "{name}: {:?}", c.skipped);
    c.articles.into_iter().next().expect("one article")
}

fn day(a: &Article) -> Option<String> {
    a.published.map(|d| d.to_string())
}

#[test]
fn json_ld_news_article() {
    let a = load("jsonld_news.html");
    assert_eq!(a.format, "html");
    assert_eq!(a.title.as_deref(), Some("Port strike ends after nine days"));
    assert_eq!(day(&a).as_deref(), Some("2024-06-17"));
    assert_eq!(a.published_status, DateStatus::Stated);
    assert_eq!(a.published_time.as_deref(), Some("08:00:00+09:00"));
    assert!(a.published_evidence.as_deref().is_some_and(|e| e.contains("datePublished")));
    assert_eq!(a.source.as_deref(), Some("Harbour Gazette"));
    assert_eq!(a.authors, vec!["Amira Haddad".to_string(), "Tom Becker".to_string()]);
    assert_eq!(a.url.as_deref(), Some("https://harbourgazette.example/2024/06/17/port-strike-ends"));
    // Main text: headline first, paragraphs, no navigation, scripts, styles, share tools or asides.
    assert!(a.text.starts_with("Port strike ends after nine days\n\n"));
    assert!(a.text.contains("Dock workers returned to the terminals on Monday"));
    assert!(a.text.contains("“We got what we came for,” said union spokesperson Lena Ortiz."));
    for junk in ["Home", "analytics", "display: flex", "Copy link", "Related:", "All rights reserved"] {
        assert!(!a.text.contains(junk), "{junk:?} leaked into {:?}", a.text);
    }
    // The headline appears once, and the title evidence points at it.
    assert_eq!(a.text.matches("Port strike ends after nine days").count(), 1);
    let ev = a.metadata_evidence.iter().find(|e| e.field == "title").expect("title evidence");
    assert_eq!(&a.text[ev.start..ev.end], "Port strike ends after nine days");
    assert!(a.body_start > 0 && a.text[a.body_start..].starts_with("Dock workers"));
}

#[test]
fn opengraph_and_article_meta() {
    let a = load("opengraph.html");
    assert_eq!(a.title.as_deref(), Some("City council approves new transit budget"));
    assert_eq!(a.source.as_deref(), Some("The Lakeside Times"));
    assert_eq!(day(&a).as_deref(), Some("2023-11-02"));
    assert_eq!(
        a.published_evidence.as_deref(),
        Some("<meta property=\"article:published_time\" content=\"2023-11-02T18:45:00Z\">")
    );
    assert_eq!(a.authors, vec!["Priya Natarajan".to_string()]);
    assert_eq!(a.url.as_deref(), Some("https://lakesidetimes.example/news/transit-budget"));
    assert!(a.text.contains("voted 7-2 on Thursday"));
    assert!(!a.text.contains("Opinion"), "menu leaked: {}", a.text);
}

#[test]
fn time_element_and_title_tag() {
    let a = load("time_only.html");
    assert_eq!(day(&a).as_deref(), Some("2023-03-05"));
    assert!(a.published_evidence.as_deref().is_some_and(|e| e.starts_with("<time datetime=\"2023-03-05\">")));
    // The <title> loses its " - Valley Courier" suffix (a masthead), the h2 is not an h1.
    assert_eq!(a.title.as_deref(), Some("Flood warnings lifted across the valley"));
    assert!(a.text.contains("Forecasters lifted the last flood warnings on Sunday"));
    assert_eq!(a.byline.as_deref().map(|b| b.starts_with("Sam Whitfield")), Some(true));
}

#[test]
fn visible_header_lines_when_the_page_has_no_metadata() {
    let a = load("visible_date.html");
    assert_eq!(day(&a).as_deref(), Some("2024-06-03"));
    assert_eq!(a.published_evidence.as_deref(), Some("Published: June 3, 2024"));
    let ev = a.metadata_evidence.iter().find(|e| e.field == "published").expect("evidence");
    assert_eq!(&a.text[ev.start..ev.end], "Published: June 3, 2024");
    assert_eq!(a.title.as_deref(), Some("Bridge reopens to traffic after repairs"));
}

#[test]
fn malformed_page_with_scripts_loads_without_script_text_or_a_date() {
    let a = load("malformed.html");
    assert!(a.text.contains("The first paragraph has no end"));
    assert!(a.text.contains("The second paragraph is bold and italic still here."), "{}", a.text);
    assert!(!a.text.contains("alert") && !a.text.contains("injected") && !a.text.contains("color: red"));
    assert_eq!(a.published, None);
    assert_eq!(a.published_status, DateStatus::Missing);
}
