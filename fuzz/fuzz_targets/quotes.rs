//! Entities and quotes on arbitrary text: spans are verbatim slices and nothing panics.
#![no_main]
use std::sync::Arc;

use dateline::extract::{entities, quotes};
use dateline::model::Article;
use dateline::text::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let article = Article { id: "fuzz".into(), text: Arc::from(text.as_ref()), ..Default::default() };
    let doc = Document::parse(&article.text);
    let mentions = entities::extract(&article, &doc);
    for m in &mentions {
        assert_eq!(&article.text[m.start..m.end], m.text);
    }
    for q in quotes::extract(&article, &doc, &mentions) {
        assert_eq!(&article.text[q.start..q.end], q.text);
    }
});
