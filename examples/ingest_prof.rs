use dateline::corpus::{Format, article_from_bytes, decode, metadata};
use dateline::text::Document;
use std::time::Instant;
fn main() {
    let dir = std::path::Path::new("/work/reuters");
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        files.push((e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()));
    }
    let total: usize = files.iter().map(|f| f.1.len()).sum();
    let mb = total as f64 / 1e6;
    for _ in 0..2 {
        let t = Instant::now();
        let mut texts = Vec::new();
        for (_, b) in &files {
            texts.push(decode::decode(b.clone()).unwrap().text);
        }
        let d = t.elapsed().as_secs_f64();
        println!("decode {:.0} MB/s", mb / d);
        let t = Instant::now();
        let mut arts = Vec::new();
        for (r, b) in &files {
            arts.push(article_from_bytes(r, Format::Text, b.clone()).unwrap());
        }
        let d = t.elapsed().as_secs_f64();
        println!("article_from_bytes {:.0} MB/s", mb / d);
        let t = Instant::now();
        let mut n = 0;
        for a in &arts {
            let mut a2 = a.clone();
            a2.title = None;
            a2.published = None;
            a2.source = None;
            a2.dateline = None;
            metadata::apply_plain(&mut a2);
            n += a2.body_start;
        }
        let d = t.elapsed().as_secs_f64();
        println!("apply_plain (+clone) {:.0} MB/s {n}", mb / d);
        let t = Instant::now();
        let mut n = 0;
        for a in &arts {
            n += metadata::plain::read_header(&a.text, None).body_start;
        }
        let d = t.elapsed().as_secs_f64();
        println!("read_header {:.0} MB/s {n}", mb / d);
        let t = Instant::now();
        for a in &arts {
            n += Document::for_article(a).sentences.len();
        }
        let d = t.elapsed().as_secs_f64();
        println!("document {:.0} MB/s {n}", mb / d);
        let t = Instant::now();
        for a in &arts {
            n += dateline::text::paragraphs::split(&a.text, a.body_start).len();
        }
        let d = t.elapsed().as_secs_f64();
        println!("paragraphs {:.0} MB/s {n}", mb / d);
    }
}
