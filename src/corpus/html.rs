//! Web pages: the main text (headline + paragraphs, no navigation, scripts or styles) and
//! the page's own metadata (JSON-LD `NewsArticle`, OpenGraph/`article:*` meta tags,
//! `<time datetime>`, `<title>`).
//!
//! The article text of an HTML file is the text built here, so all offsets point into it.

use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::metadata::outlet;

/// A metadata value and where in the page it was found (for evidence).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetaValue {
    /// The value.
    pub value: String,
    /// Where it came from, e.g. `<meta property="article:published_time" content="…">`.
    pub source: String,
}

/// An HTML page reduced to its article.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// Headline, a blank line, then the paragraphs separated by blank lines.
    pub text: String,
    /// Byte length of the headline at the start of `text` (0 when none).
    pub title_len: usize,
    /// Headline.
    pub title: Option<MetaValue>,
    /// Outlet.
    pub source: Option<MetaValue>,
    /// Author names.
    pub authors: Vec<String>,
    /// Where the authors came from.
    pub authors_source: Option<String>,
    /// Canonical URL.
    pub url: Option<MetaValue>,
    /// Publication date/time as written in the page's metadata.
    pub published: Option<MetaValue>,
    /// Last modification date/time.
    pub modified: Option<MetaValue>,
}

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "button", "iframe",
    "select", "head", "canvas", "object", "embed", "menu", "dialog",
];

/// Elements that end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "br",
    "section",
    "article",
    "blockquote",
    "pre",
    "tr",
    "table",
    "figure",
    "figcaption",
    "header",
    "main",
    "dd",
    "dt",
    "dl",
    "hr",
    "address",
    "body",
];

/// `class`/`id` fragments of page furniture inside an article.
const FURNITURE: &[&str] = &[
    "share",
    "social",
    "related",
    "newsletter",
    "advert",
    "promo",
    "cookie",
    "subscribe",
    "breadcrumb",
    "comment-",
    "comments",
    "sidebar",
    "paywall",
    "sponsor",
];

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

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses `raw` and returns its main text and metadata.
pub fn extract(raw: &str) -> Page {
    let doc = Html::parse_document(raw);
    let mut page = Page::default();
    read_json_ld(&doc, &mut page);
    read_meta(&doc, &mut page);
    let root = main_root(&doc);
    if page.published.is_none() {
        read_time(root, &mut page);
    }
    let title_tag = selector("title")
        .and_then(|s| doc.select(&s).next())
        .map(|t| clean(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let h1 = selector("h1")
        .and_then(|s| root.select(&s).next().or_else(|| doc.select(&s).next()))
        .map(|t| clean(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    if page.title.is_none() {
        page.title = h1.map(|v| MetaValue { value: v, source: "<h1>".into() }).or_else(|| {
            title_tag.map(|t| {
                let site = page.source.as_ref().map(|s| s.value.clone());
                MetaValue {
                    value: strip_site_suffix(&t, site.as_deref()),
                    source: format!("<title>{t}</title>"),
                }
            })
        });
    }
    let paragraphs = paragraphs(root);
    let mut text = String::new();
    let mut skip_first = false;
    if let Some(t) = &page.title {
        text.push_str(&t.value);
        page.title_len = t.value.len();
        skip_first = paragraphs.first().is_some_and(|p| *p == t.value);
    }
    for p in paragraphs.iter().skip(usize::from(skip_first)) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(p);
    }
    if !text.is_empty() {
        text.push('\n');
    }
    page.text = text;
    page
}

/// `Headline | Site` → `Headline` when the suffix is the site's name or looks like a masthead.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            if site.is_some_and(|s| s.eq_ignore_ascii_case(tail)) || outlet::is_masthead(tail, None) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The element holding the article: the `<article>` with most paragraph text, else
/// `<main>`, `[role=main]`, `<body>`, or the whole document.
fn main_root(doc: &Html) -> ElementRef<'_> {
    let p = selector("p");
    let text_len = |e: ElementRef| -> usize {
        p.as_ref().map_or(0, |p| e.select(p).map(|x| x.text().map(str::len).sum::<usize>()).sum())
    };
    if let Some(sel) = selector("article")
        && let Some(best) = doc.select(&sel).max_by_key(|e| text_len(*e)).filter(|e| text_len(*e) > 0)
    {
        return best;
    }
    for s in ["main", "[role=main]", "body"] {
        if let Some(e) = selector(s).and_then(|sel| doc.select(&sel).next()) {
            return e;
        }
    }
    doc.root_element()
}

fn is_furniture(e: &scraper::node::Element) -> bool {
    let attrs = [e.attr("class"), e.attr("id")];
    attrs.iter().flatten().any(|v| {
        let v = v.to_ascii_lowercase();
        FURNITURE.iter().any(|f| v.contains(f))
    }) || e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
}

/// Paragraph texts under `root`, whitespace collapsed, in document order.
fn paragraphs(root: ElementRef) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let flush = |buf: &mut String, out: &mut Vec<String>| {
        let t = buf.trim();
        if !t.is_empty() {
            out.push(t.to_string());
        }
        buf.clear();
    };
    // Iterative walk (malformed pages can nest very deeply): (node, entering).
    let mut stack = vec![(*root, true)];
    while let Some((node, entering)) = stack.pop() {
        match node.value() {
            Node::Text(t) if entering => {
                for (i, w) in t.split_whitespace().enumerate() {
                    let starts_with_space = t.starts_with(char::is_whitespace);
                    if (i > 0 || starts_with_space) && !buf.ends_with(' ') && !buf.is_empty() {
                        buf.push(' ');
                    }
                    buf.push_str(w);
                }
                if t.ends_with(char::is_whitespace) && !buf.is_empty() && !buf.ends_with(' ') {
                    buf.push(' ');
                }
            }
            Node::Element(e) => {
                let name = e.name();
                let block = BLOCK_TAGS.contains(&name);
                if entering {
                    if SKIP_TAGS.contains(&name) || is_furniture(e) {
                        continue;
                    }
                    if block {
                        flush(&mut buf, &mut out);
                    }
                    stack.push((node, false));
                    let children: Vec<_> = node.children().collect();
                    stack.extend(children.into_iter().rev().map(|c| (c, true)));
                } else if block {
                    flush(&mut buf, &mut out);
                }
            }
            Node::Document | Node::Fragment if entering => {
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, true)));
            }
            _ => {}
        }
    }
    flush(&mut buf, &mut out);
    out
}

/// Reads `<meta>` and `<link rel=canonical>`; fills only fields still empty.
fn read_meta(doc: &Html, page: &mut Page) {
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
fn read_time(root: ElementRef, page: &mut Page) {
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
fn read_json_ld(doc: &Html, page: &mut Page) {
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
