//! Deterministic fuzzing of ingest: the seed articles and HTML fixtures, mutated (byte flips,
//! truncation at any byte, spliced-in header fragments, quotes, NULs, invalid UTF-8, BOMs),
//! go through decode + metadata + sentences. Nothing may panic, and every span must still
//! point at its own text.

use std::path::Path;

use dateline::corpus::{Format, article_from_bytes};
use dateline::text::Document;

/// Fragments that exercise the header and sentence rules.
const SNIPPETS: &[&[u8]] = &[
    b"Published : June 17, 2024 - 17:32\n",
    b"\n\xE2\x80\xA2 11/26/2024\n",
    b"By Ji Da-gyum\n",
    b"Reuters, 26-FEB-1987 15:01:01.79\n",
    b"SEOUL \xE2\x80\x93 ",
    b"CLEVELAND, Feb 26 -",
    b"https://www.example.com/a?b=c\n",
    b"\xE2\x80\x9CQuote. Another.",
    b"\"",
    b"U.S. p.m. Gov. F. ",
    b"\0\0\0",
    b"\xFF\xFE",
    b"\xEF\xBB\xBF",
    b"\xC3",
    b"<script>x</script><p>",
    b"</article><article><h1>",
    b"<meta property=\"article:published_time\" content=\"2024-13-45T99:99\">",
    b"---\ntitle: x\n",
    b"\r\n\r\n",
    b"    ",
    b"\xE2\x80\xA6",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn corpus_inputs() -> Vec<(Vec<u8>, Format)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for (dir, format) in [("seeds", Format::Text), ("tests/fixtures/html", Format::Html)] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if let Ok(b) = std::fs::read(&p) {
                    out.push((b, format));
                }
            }
        }
    }
    out
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut b = input.to_vec();
    for _ in 0..1 + rng.below(6) {
        match rng.below(5) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] = rng.next() as u8;
            }
            1 => {
                let cut = rng.below(b.len() + 1);
                b.truncate(cut);
            }
            2 => {
                let s = SNIPPETS[rng.below(SNIPPETS.len())];
                let at = rng.below(b.len() + 1);
                b.splice(at..at, s.iter().copied());
            }
            3 if b.len() > 2 => {
                let a = rng.below(b.len());
                let len = rng.below((b.len() - a).min(400));
                b.drain(a..a + len);
            }
            _ => {
                let s = SNIPPETS[rng.below(SNIPPETS.len())];
                b.splice(0..0, s.iter().copied());
            }
        }
    }
    b
}

#[test]
fn mutated_articles_never_panic_and_spans_stay_true() {
    let inputs = corpus_inputs();
    assert!(!inputs.is_empty(), "seeds and fixtures are in the repo");
    // Longer runs: DATELINE_FUZZ_ROUNDS=2000000 DATELINE_FUZZ_SEED=7 cargo test --release --test ingest_fuzz
    let rounds: usize =
        std::env::var("DATELINE_FUZZ_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(5000);
    let seed: u64 = std::env::var("DATELINE_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
    let mut loaded = 0;
    for round in 0..rounds {
        let (base, format) = &inputs[round % inputs.len()];
        let bytes = mutate(&mut rng, base);
        let Ok(a) = article_from_bytes("fuzz/case.txt", *format, &bytes) else { continue };
        loaded += 1;
        assert!(a.body_start <= a.text.len());
        for e in &a.metadata_evidence {
            if e.end > e.start {
                assert_eq!(a.text.get(e.start..e.end), Some(e.text.as_str()), "round {round}: {e:?}");
            }
        }
        if let Some(ev) = &a.published_evidence {
            assert!(!ev.is_empty());
            assert!(a.published.is_some());
        }
        let doc = Document::for_article(&a);
        for s in &doc.sentences {
            assert!(s.start < s.end && a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
        }
    }
    assert!(loaded > rounds / 2, "most mutated inputs are still text: {loaded}");
}
