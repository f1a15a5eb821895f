//! Near-duplicate articles (re-publications, truncated copies): word 5-gram shingles,
//! MinHash signatures and LSH banding to find candidates in near-linear time, then an
//! exact containment check on the shingle sets.
//!
//! # Design
//! Containment (shared shingles over the smaller set) rather than Jaccard decides, so a
//! truncated copy of a story counts; the bands are narrow (3 rows) so pairs with a Jaccard
//! as low as ~0.3 (a copy cut to a third) still meet in a bucket. In each group of copies
//! the longest text is the original (the earliest dated one when lengths are close) and
//! every other copy points to it.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::Article;

/// Words per shingle.
const SHINGLE: usize = 5;
/// LSH bands × rows = MinHash signature length.
const BANDS: usize = 32;
const ROWS: usize = 3;
/// Minimum share of the smaller article's shingles found in the other.
pub const MIN_CONTAINMENT: f32 = 0.8;
/// Articles with fewer shingles are too short to call copies.
const MIN_SHINGLES: usize = 12;
/// The smaller copy must hold at least this share of the larger one's shingles.
const MIN_SIZE_RATIO: f32 = 0.15;

/// One article found to copy another.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    /// Index of the copy.
    pub copy: usize,
    /// Index of the article it copies (the group's original).
    pub original: usize,
    /// Shared shingles over the copy's (or the smaller) shingle count.
    pub containment: f32,
}

/// Finds near-duplicates among `articles` (their bodies from `body_start`).
pub fn find(articles: &[Article]) -> Vec<Duplicate> {
    let shingles: Vec<Vec<u64>> = articles.par_iter().map(|a| shingle_set(body(a))).collect();
    let signatures: Vec<Option<Vec<u64>>> =
        shingles.par_iter().map(|s| (s.len() >= MIN_SHINGLES).then(|| minhash(s))).collect();
    let candidates = candidates(&signatures);
    // Containment of each candidate pair in parallel; groups joined in pair order.
    let copies: Vec<(usize, usize, f32)> = candidates
        .par_iter()
        .filter_map(|&(i, j)| copy_pair(&shingles[i], &shingles[j]).map(|c| (i, j, c)))
        .collect();
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    let mut strength: HashMap<usize, f32> = HashMap::new();
    for (i, j, c) in copies {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        if ri != rj {
            parent[rj] = ri;
        }
        for k in [i, j] {
            let e = strength.entry(k).or_insert(0.0);
            *e = e.max(c);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..articles.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in groups.values().filter(|g| g.len() > 1) {
        let original = original_of(members, articles, &shingles);
        for &m in members.iter().filter(|&&m| m != original) {
            out.push(Duplicate { copy: m, original, containment: strength.get(&m).copied().unwrap_or(0.0) });
        }
    }
    out.sort_by_key(|d| d.copy);
    out
}

/// Article pairs `(i, j)`, `i < j`, sorted, whose signatures agree on all rows of some
/// band. Each band's keys are sorted so equal keys (a bucket) sit together.
fn candidates(signatures: &[Option<Vec<u64>>]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut keys: Vec<(u64, usize)> = signatures
                .iter()
                .enumerate()
                .filter_map(|(i, sig)| sig.as_ref().map(|sig| (band_key(sig, band), i)))
                .collect();
            keys.sort_unstable();
            let mut out = Vec::new();
            for bucket in keys.chunk_by(|a, b| a.0 == b.0) {
                if bucket.len() > 200 {
                    continue; // boilerplate shared by hundreds of stories, not copies
                }
                for (x, &(_, i)) in bucket.iter().enumerate() {
                    out.extend(bucket[x + 1..].iter().map(|&(_, j)| (i.min(j), i.max(j))));
                }
            }
            out
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The LSH bucket key of one band of a signature.
fn band_key(sig: &[u64], band: usize) -> u64 {
    sig[band * ROWS..(band + 1) * ROWS].iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &x| mix(h ^ x))
}

/// The containment of two articles' shingle sets when they are copies.
fn copy_pair(a: &[u64], b: &[u64]) -> Option<f32> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if (small.len() as f32) < MIN_SIZE_RATIO * large.len() as f32 {
        return None;
    }
    let c = shared(small, large) as f32 / small.len().max(1) as f32;
    (c >= MIN_CONTAINMENT).then_some(c)
}

/// The original of a group: the most shingles; when within 10%, the earliest dated, then
/// the smaller id (so the choice never depends on list order).
fn original_of(members: &[usize], articles: &[Article], shingles: &[Vec<u64>]) -> usize {
    let longest = members.iter().map(|&m| shingles[m].len()).max().unwrap_or(0) as f32;
    let mut close: Vec<usize> =
        members.iter().copied().filter(|&m| shingles[m].len() as f32 >= 0.9 * longest).collect();
    close.sort_by(|&a, &b| {
        let (x, y) = (&articles[a], &articles[b]);
        let date = |a: &Article| a.published.unwrap_or(chrono::NaiveDate::MAX);
        date(x).cmp(&date(y)).then(shingles[b].len().cmp(&shingles[a].len())).then(x.id.cmp(&y.id))
    });
    close.first().copied().unwrap_or(members[0])
}

fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn body(a: &Article) -> &str {
    a.text.get(a.body_start.min(a.text.len())..).unwrap_or(&a.text)
}

/// Sorted, distinct hashes of the word 5-grams of `text` (lower-cased letters and digits).
pub fn shingle_set(text: &str) -> Vec<u64> {
    let words = if text.is_ascii() { ascii_word_hashes(text) } else { word_hashes(text) };
    let mut out: Vec<u64> =
        words.windows(SHINGLE).map(|w| w.iter().fold(0x9e37_79b9_7f4a_7c15u64, |h, &x| mix(h ^ x))).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Hashes of the words of `text` (runs of letters and digits), lower-cased.
fn word_hashes(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(char::to_lowercase).fold(WORD_SEED, |h, c| mix(h ^ c as u64)))
        .collect()
}

/// [`word_hashes`] for ASCII text, byte by byte (the same values: an ASCII letter is its
/// own one-character lower case).
fn ascii_word_hashes(text: &str) -> Vec<u64> {
    text.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.iter().fold(WORD_SEED, |h, b| mix(h ^ u64::from(b.to_ascii_lowercase()))))
        .collect()
}

/// Start value of a word hash.
const WORD_SEED: u64 = 0x100_0000_01b3;

/// The MinHash signature of a shingle set (one salted mix per row).
///
/// On CPUs with AVX-512 the same arithmetic runs eight rows at a time (it is the hottest
/// loop of duplicate finding); the signature is identical either way.
fn minhash(set: &[u64]) -> Vec<u64> {
    let mut sig = [u64::MAX; BANDS * ROWS];
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f") && std::arch::is_x86_feature_detected!("avx512dq") {
        // SAFETY: the CPU supports the features `minhash_avx512` is compiled for.
        unsafe { minhash_avx512(set, &mut sig) };
        return sig.to_vec();
    }
    min_rows(set, &mut sig);
    sig.to_vec()
}

/// Lowers each row of `sig` to the smallest salted mix of the set's shingles.
#[inline(always)]
fn min_rows(set: &[u64], sig: &mut [u64; BANDS * ROWS]) {
    for &x in set {
        for (slot, salt) in sig.iter_mut().zip(ROW_SALTS) {
            *slot = (*slot).min(mix(x ^ salt));
        }
    }
}

/// [`min_rows`] compiled for AVX-512 (64-bit lane multiply and minimum).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
fn minhash_avx512(set: &[u64], sig: &mut [u64; BANDS * ROWS]) {
    min_rows(set, sig);
}

const SALTS: [u64; 4] =
    [0x9e37_79b9_7f4a_7c15, 0xbf58_476d_1ce4_e5b9, 0x94d0_49bb_1331_11eb, 0xd6e8_feb8_6659_fd93];

/// The salt of each signature row `k`: `SALTS[k % 4] * (k + 1)`, computed once.
const ROW_SALTS: [u64; BANDS * ROWS] = {
    let mut t = [0u64; BANDS * ROWS];
    let mut k = 0;
    while k < t.len() {
        t[k] = SALTS[k % SALTS.len()].wrapping_mul(k as u64 + 1);
        k += 1;
    }
    t
};

/// SplitMix64 finaliser: a fast, well-spread 64-bit mix.
#[inline(always)]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Number of values in both sorted slices.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str, text: &str) -> Article {
        Article { id: id.into(), text: text.into(), ..Default::default() }
    }

    const STORY: &str = "The vice ministers of both countries committed on Wednesday to achieving tangible \
        outcomes in their cooperation, the ministry said. The dialogue was held for the first time in two \
        years following the last virtual meeting. Topics included trade, the election and security on the \
        peninsula, an official said on condition of anonymity during a closed briefing. Both sides agreed \
        to keep the momentum of exchanges and to meet again next year in the other capital.";

    #[test]
    fn a_truncated_copy_points_to_the_full_story() {
        let cut = &STORY[..STORY.find("Both sides").unwrap_or(STORY.len())];
        let copy = format!("Photo caption here. {cut}");
        let arts = [
            art("full", STORY),
            art("copy", &copy),
            art(
                "other",
                "A different story about rain and \
            farmers in the south, where crops failed after the floods of last spring, officials said today.",
            ),
        ];
        let d = find(&arts);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].copy, d[0].original), (1, 0));
        assert!(d[0].containment >= MIN_CONTAINMENT);
    }

    #[test]
    fn ascii_words_hash_as_the_general_path_does() {
        let text = format!("{STORY} 10th round, 2+2 talks; U.N. SAID: it's (Moon) 2024-06-17");
        assert_eq!(ascii_word_hashes(&text), word_hashes(&text));
        assert_eq!(word_hashes(&text).len(), word_hashes(&text.to_uppercase()).len());
        assert_eq!(shingle_set(&text), shingle_set(&text.to_uppercase()));
    }

    #[test]
    fn signatures_are_the_salted_minimum_of_every_row() {
        let set = shingle_set(STORY);
        let sig = minhash(&set);
        for (k, &v) in sig.iter().enumerate() {
            let salt = SALTS[k % SALTS.len()].wrapping_mul(k as u64 + 1);
            assert_eq!(Some(v), set.iter().map(|&x| mix(x ^ salt)).min(), "row {k}");
        }
    }

    #[test]
    fn reports_of_one_event_by_different_outlets_are_not_copies() {
        let other = "Both countries met in the capital on Wednesday. Officials said the talks lasted four \
            hours and covered trade and security, with a further round expected next year, the ministry added.";
        assert!(find(&[art("a", STORY), art("b", other)]).is_empty());
    }
}
