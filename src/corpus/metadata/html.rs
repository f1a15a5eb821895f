//! Metadata of a web page: JSON-LD `NewsArticle` (`headline`, `datePublished`, `author`,
//! `publisher`, `url`), OpenGraph and `article:*` meta tags, `<link rel=canonical>` and
//! `<time datetime>`. Each value keeps the tag or field it came from, for evidence.

use scraper::{ElementRef, Html};
use serde_json::Value;

use crate::corpus::html::{MetaValue, Page, clean, selector};

/// Meta tag names (lower case) that carry the publication date.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "article.published",
    "originalpublicationdate",
];

/// Meta tag names (lower case) that carry the modification date.
const MODIFIED_META: &[&str] =
    &["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified"];

/// Meta tag names (lower case) that carry author names.
const AUTHOR_META: &[&str] =
    &["author", "article:author", "byl", "sailthru.author", "parsely-author", "dc.creator"];

/// Reads `<meta>` and `<link rel=canonical>`; fills only fields still empty.
pub(crate) fn read_meta(doc: &Html, page: &mut Page) {
    let Some(sel) = selector("meta") else { return };
    for m in doc.select(&sel) {
        let e = m.value();
        let Some(key) = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop")) else {
            continue;
        };
        let Some(content) = e.attr("content").map(clean).filter(|c| !c.is_empty()) else { continue };
        let key_l = key.to_ascii_lowercase();
        let attr = if e.attr("property").is_some() {
            "property"
        } else if e.attr("name").is_some() {
            "name"
        } else {
            "itemprop"
        };
        let mv = || MetaValue {
            value: content.clone(),
            source: format!("<meta {attr}=\"{key}\" content=\"{content}\">"),
        };
        let k = key_l.as_str();
        if PUBLISHED_META.contains(&k) && page.published.is_none() {
            page.published = Some(mv());
        } else if MODIFIED_META.contains(&k) && page.modified.is_none() {
            page.modified = Some(mv());
        } else if (k == "og:title" || k == "twitter:title") && page.title.is_none() {
            page.title = Some(mv());
        } else if k == "og:site_name" && page.source.is_none() {
            page.source = Some(mv());
        } else if k == "og:url" && page.url.is_none() {
            page.url = Some(mv());
        } else if AUTHOR_META.contains(&k) && page.authors.is_empty() && !content.contains("://") {
            let names =
                content.strip_prefix("By ").or_else(|| content.strip_prefix("BY ")).unwrap_or(&content);
            page.authors = split_names(names);
            page.authors_source = Some(mv().source);
        }
    }
    if page.url.is_none()
        && let Some(l) = selector("link[rel=canonical]").and_then(|s| doc.select(&s).next())
        && let Some(href) = l.value().attr("href").filter(|h| h.contains("://"))
    {
        page.url = Some(MetaValue {
            value: href.to_string(),
            source: format!("<link rel=\"canonical\" href=\"{href}\">"),
        });
    }
}

/// `<time datetime>`: one marked as the publication time, else the first in the article.
pub(crate) fn read_time(root: ElementRef, page: &mut Page) {
    let Some(sel) = selector("time[datetime]") else { return };
    let times: Vec<ElementRef> = root.select(&sel).collect();
    let marked = times.iter().find(|t| {
        let e = t.value();
        e.attr("pubdate").is_some()
            || e.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
    });
    if let Some(t) = marked.or(times.first())
        && let Some(dt) = t.value().attr("datetime").map(clean).filter(|d| !d.is_empty())
    {
        let shown = clean(&t.text().collect::<String>());
        page.published =
            Some(MetaValue { source: format!("<time datetime=\"{dt}\">{shown}</time>"), value: dt });
    }
}

/// Author names out of a byline string: split on commas, `and`, `&`, `;`.
pub fn split_names(s: &str) -> Vec<String> {
    s.replace(" and ", ",")
        .replace(" & ", ",")
        .replace(';', ",")
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty() && n.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_string)
        .collect()
}

fn type_is_article(v: &Value) -> bool {
    let is =
        |t: &str| t.ends_with("Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report";
    match v.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(is)),
        _ => false,
    }
}

/// Finds the first article object in a JSON-LD value (arrays and `@graph` included).
fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 6 {
        return None;
    }
    match v {
        Value::Object(o) if type_is_article(v) => Some(v).filter(|_| !o.is_empty()),
        Value::Object(o) => o.get("@graph").and_then(|g| find_article(g, depth + 1)),
        Value::Array(a) => a.iter().find_map(|x| find_article(x, depth + 1)),
        _ => None,
    }
}

fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => split_names(s),
        Value::Object(o) => o.get("name").map(names_of).unwrap_or_default(),
        Value::Array(a) => a.iter().flat_map(names_of).collect(),
        _ => Vec::new(),
    }
}

fn string_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        Value::Object(o) => string_of(o.get("@id").or_else(|| o.get("name")).or_else(|| o.get("url"))),
        Value::Array(a) => string_of(a.first()),
        _ => None,
    }
}

/// Reads the first JSON-LD article object of the page.
pub(crate) fn read_json_ld(doc: &Html, page: &mut Page) {
    let Some(sel) = selector("script[type=\"application/ld+json\"]") else { return };
    for script in doc.select(&sel) {
        let raw: String = script.text().collect();
        let Ok(v) = serde_json::from_str::<Value>(raw.trim()) else { continue };
        let Some(a) = find_article(&v, 0) else { continue };
        let ld = |field: &str, value: &str| MetaValue {
            value: value.to_string(),
            source: format!("JSON-LD {field}: \"{value}\""),
        };
        if let Some(h) = string_of(a.get("headline")).or_else(|| string_of(a.get("name"))) {
            page.title = Some(ld("headline", &h));
        }
        if let Some(d) = string_of(a.get("datePublished")).or_else(|| string_of(a.get("dateCreated"))) {
            page.published = Some(ld("datePublished", &d));
        }
        if let Some(d) = string_of(a.get("dateModified")) {
            page.modified = Some(ld("dateModified", &d));
        }
        if let Some(p) = a.get("publisher").map(names_of).and_then(|n| n.into_iter().next()) {
            page.source = Some(ld("publisher", &p));
        }
        if let Some(u) = string_of(a.get("url")).or_else(|| string_of(a.get("mainEntityOfPage")))
            && u.contains("://")
        {
            page.url = Some(ld("url", &u));
        }
        let authors = a.get("author").map(names_of).unwrap_or_default();
        if !authors.is_empty() {
            page.authors_source = Some(format!("JSON-LD author: \"{}\"", authors.join(", ")));
            page.authors = authors;
        }
        return;
    }
}
