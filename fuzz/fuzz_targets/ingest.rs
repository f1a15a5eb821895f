//! Any bytes, read as any supported format, become an article or a clean error: never a panic.
#![no_main]
use dateline::corpus::{Format, article_from_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (format, bytes) = match data.split_first() {
        Some((b, rest)) => (
            match b % 3 {
                0 => Format::Text,
                1 => Format::Markdown,
                _ => Format::Html,
            },
            rest,
        ),
        None => (Format::Text, data),
    };
    if let Ok(a) = article_from_bytes("fuzz/input.txt", format, bytes) {
        // every metadata span must point inside the text it claims to come from
        assert!(a.body_start <= a.text.len());
        let _ = dateline::text::Document::for_article(&a);
    }
});
