//! The temporal tagger on arbitrary text, with and without an anchor: spans stay on char
//! boundaries and inside the text, and nothing panics.
#![no_main]
use std::sync::Arc;

use chrono::NaiveDate;
use dateline::model::Article;
use dateline::text::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let article = Article { id: "fuzz".into(), text: Arc::from(text.as_ref()), ..Default::default() };
    let doc = Document::parse(&article.text);
    for anchor in [None, NaiveDate::from_ymd_opt(2024, 6, 17)] {
        for t in dateline::extract::timex::tag(&article, &doc, anchor) {
            assert!(t.start <= t.end && t.end <= article.text.len());
            assert_eq!(&article.text[t.start..t.end], t.text);
        }
    }
});
