//! Web pages: the main text (headline + paragraphs, no navigation, scripts or styles) and
//! the page's own metadata (JSON-LD `NewsArticle`, OpenGraph/`article:*` meta tags,
//! `<time datetime>`, `<title>`).
//!
//! The article text of an HTML file is the text built here, so all offsets point into it.

use scraper::{ElementRef, Html, Node, Selector};

use super::metadata::html::{read_json_ld, read_meta, read_time};
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

/// A CSS selector (`None` only if the selector text were invalid).
pub(crate) fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// White space collapsed to single spaces, trimmed.
pub(crate) fn clean(s: &str) -> String {
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
