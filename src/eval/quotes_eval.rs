//! `dateline eval quotes SPLIT_DIR`: direct-quote extraction and speaker attribution
//! scored against PolNeAR (brat standoff attributions over plain-text news articles).
//!
//! Gold direct quotes are attributions whose Content starts with a quotation mark. An
//! extracted quote is right when at least half of it lies in a gold direct quote (every
//! piece of a split quote counts), neutral when half of it lies in the content of an
//! indirect attribution (a partial quote inside reported speech), and wrong otherwise.
//! Recall counts gold direct quotes touched by a right extraction. A right quote's
//! speaker is right when its speaker mention overlaps the gold Source span or the
//! resolved speaker contains the Source's proper name.
//!
//! Which annotator file to read: PolNeAR's `metadata.tsv` (next to the split folders)
//! lists each article's annotators; the first listed whose file exists is used, else the
//! first `.ann` file of the article in name order.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::extract::{entities, quotes};
use crate::model::{Article, Quote};
use crate::text::Document;

/// A brat text-bound annotation: byte ranges and the annotated text.
type TextBound<'a> = (Vec<(usize, usize)>, &'a str);

/// One gold attribution: byte ranges of its parts.
#[derive(Clone, Debug, Default)]
struct GoldAttribution {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
    source_text: String,
    direct: bool,
}

/// Scores over a split.
#[derive(Clone, Debug, Default)]
pub struct QuoteScores {
    /// Articles read.
    pub files: usize,
    /// Gold direct quotes.
    pub gold: usize,
    /// Quotes extracted.
    pub extracted: usize,
    /// Extracted quotes inside a gold direct quote.
    pub right: usize,
    /// Extracted quotes inside an indirect attribution (not scored).
    pub neutral: usize,
    /// Extracted quotes outside any gold quote.
    pub wrong: usize,
    /// Gold direct quotes found.
    pub found: usize,
    /// Right quotes whose gold attribution names a source.
    pub speaker_total: usize,
    /// … of which the speaker was right.
    pub speaker_right: usize,
    /// Examples of errors, for development (`kind<TAB>file<TAB>text`).
    pub errors: Vec<String>,
}

impl QuoteScores {
    /// Precision over right + wrong extractions.
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.right + self.wrong)
    }
    /// Share of gold direct quotes found.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    /// Share of right quotes with the right speaker.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_total)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl fmt::Display for QuoteScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "files {}  gold direct quotes {}  extracted {}", self.files, self.gold, self.extracted)?;
        writeln!(
            f,
            "right {}  wrong {}  neutral (inside indirect attributions) {}",
            self.right, self.wrong, self.neutral
        )?;
        writeln!(f, "quote P {:.3}  R {:.3}  F1 {:.3}", self.precision(), self.recall(), self.f1())?;
        write!(
            f,
            "speaker accuracy {:.3} ({}/{})",
            self.speaker_accuracy(),
            self.speaker_right,
            self.speaker_total
        )
    }
}

/// Scores the quote extractor on one PolNeAR split folder (`…/polnear/dev`).
pub fn evaluate(split_dir: &Path) -> Result<QuoteScores, String> {
    let text_dir = split_dir.join("text");
    let ann_dir = split_dir.join("attributions");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .map_err(|e| format!("cannot read {}: {e}", text_dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let annotators = read_metadata(&split_dir.join("../metadata.tsv"));
    let mut anns: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("cannot read {}: {e}", ann_dir.display()))?
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".ann"))
        .collect();
    anns.sort();
    let mut scores = QuoteScores::default();
    for path in texts {
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
        let Some(ann) = choose_ann(&stem, &annotators, &anns) else { continue };
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let Ok(ann_text) = std::fs::read_to_string(ann_dir.join(&ann)) else { continue };
        let gold = parse_ann(&text, &ann_text);
        let article = Article {
            id: stem.clone(),
            path: stem.clone(),
            text: text.as_str().into(),
            ..Default::default()
        };
        let doc = Document::parse(&text);
        let mentions = entities::extract(&article, &doc);
        let found = quotes::extract(&article, &doc, &mentions);
        score_article(&stem, &text, &gold, &found, &mut scores);
        scores.files += 1;
    }
    Ok(scores)
}

fn read_metadata(path: &Path) -> HashMap<String, Vec<String>> {
    let mut out = HashMap::new();
    let Ok(s) = std::fs::read_to_string(path) else { return out };
    for line in s.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let (Some(name), Some(ann)) = (cols.get(1), cols.get(3)) {
            out.insert(name.to_string(), ann.split('|').map(str::to_string).collect());
        }
    }
    out
}

fn choose_ann(stem: &str, annotators: &HashMap<String, Vec<String>>, anns: &[String]) -> Option<String> {
    if let Some(list) = annotators.get(stem) {
        for a in list {
            let name = format!("{stem}_{a}.ann");
            if anns.binary_search(&name).is_ok() {
                return Some(name);
            }
        }
    }
    let prefix = format!("{stem}_");
    anns.iter()
        .find(|n| {
            n.starts_with(&prefix)
                && n[prefix.len()..].trim_end_matches(".ann").chars().all(|c| c.is_ascii_hexdigit())
        })
        .cloned()
}

/// Parses brat standoff (character offsets) into attributions with byte ranges.
fn parse_ann(text: &str, ann: &str) -> Vec<GoldAttribution> {
    // char index → byte offset
    let mut bytes_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes_at.push(text.len());
    let to_byte = |c: usize| bytes_at.get(c).copied().unwrap_or(text.len());
    let mut spans: HashMap<&str, TextBound<'_>> = HashMap::new();
    let mut rels = Vec::new();
    for line in ann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let Some(id) = cols.first() else { continue };
        if id.starts_with('T') && cols.len() >= 3 {
            let mut parts = cols[1].splitn(2, ' ');
            let _kind = parts.next();
            let ranges = parts
                .next()
                .unwrap_or("")
                .split(';')
                .filter_map(|r| {
                    let mut it = r.split_whitespace().filter_map(|x| x.parse::<usize>().ok());
                    Some((to_byte(it.next()?), to_byte(it.next()?)))
                })
                .collect();
            spans.insert(id, (ranges, cols[2]));
        } else if id.starts_with('E') && cols.len() >= 2 {
            let mut content = None;
            let mut source = None;
            for part in cols[1].split_whitespace() {
                match part.split_once(':') {
                    Some(("Content", t)) => content = Some(t),
                    Some(("Source", t)) => source = Some(t),
                    _ => {}
                }
            }
            rels.push((content, source));
        }
    }
    rels.into_iter()
        .filter_map(|(c, s)| {
            let (content, ctext) = spans.get(c?)?.clone();
            let (source, stext) = s.and_then(|s| spans.get(s)).cloned().unwrap_or_default();
            let first = ctext.trim_start().chars().next();
            let direct = matches!(first, Some('"' | '“' | '\'' | '‘' | '«' | '„' | '`'));
            Some(GoldAttribution { content, source, source_text: stext.to_string(), direct })
        })
        .collect()
}

fn overlap(a: (usize, usize), ranges: &[(usize, usize)]) -> usize {
    ranges.iter().map(|&(s, e)| a.1.min(e).saturating_sub(a.0.max(s))).sum()
}

/// The proper name in a gold source phrase: its last capitalised word that is not a
/// pronoun or sentence opener (`Spokeswoman Haley Morris` → `Morris`).
fn proper_name(source: &str) -> Option<&str> {
    let head_end = [",", " of ", " who ", "(", " from ", " at ", " for "]
        .iter()
        .filter_map(|p| source.find(p))
        .min()
        .unwrap_or(source.len());
    source[..head_end]
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1)
        .rfind(|w| {
            !entities::lexicon::is_stop_cap(w)
                && !entities::lexicon::is_pronoun(w)
                && !entities::lexicon::is_title(w)
        })
}

fn score_article(stem: &str, text: &str, gold: &[GoldAttribution], found: &[Quote], s: &mut QuoteScores) {
    let direct: Vec<&GoldAttribution> = gold.iter().filter(|g| g.direct).collect();
    s.gold += direct.len();
    s.extracted += found.len();
    let mut hit = vec![false; direct.len()];
    for q in found {
        let len = q.end.saturating_sub(q.start).max(1);
        let span = (q.start, q.end);
        let best = direct.iter().enumerate().map(|(i, g)| (i, overlap(span, &g.content))).max_by_key(|x| x.1);
        match best {
            Some((i, ov)) if ov * 2 >= len => {
                s.right += 1;
                hit[i] = true;
                let g = direct[i];
                if !g.source.is_empty() {
                    s.speaker_total += 1;
                    let by_span =
                        q.speaker_mention.as_ref().is_some_and(|m| overlap((m.start, m.end), &g.source) > 0);
                    let by_name = match (proper_name(&g.source_text), &q.speaker) {
                        (Some(n), Some(sp)) => sp.contains(n),
                        _ => false,
                    };
                    if by_span || by_name {
                        s.speaker_right += 1;
                    } else {
                        s.errors.push(format!(
                            "speaker\t{stem}\t{:?} gold={:?} got={:?} mention={:?}",
                            short(&q.text),
                            g.source_text,
                            q.speaker,
                            q.speaker_mention.as_ref().map(|m| m.text.as_str())
                        ));
                    }
                }
            }
            _ => {
                let indirect =
                    gold.iter().filter(|g| !g.direct).any(|g| overlap(span, &g.content) * 2 >= len);
                if indirect {
                    s.neutral += 1;
                } else {
                    s.wrong += 1;
                    s.errors.push(format!("wrong\t{stem}\t{}", context(text, q.start, q.end)));
                }
            }
        }
    }
    s.found += hit.iter().filter(|h| **h).count();
    for (g, h) in direct.iter().zip(&hit) {
        if !h {
            let (a, b) =
                (g.content.first().map(|r| r.0).unwrap_or(0), g.content.last().map(|r| r.1).unwrap_or(0));
            s.errors.push(format!("missed\t{stem}\t{}", context(text, a, b)));
        }
    }
}

fn short(t: &str) -> String {
    t.chars().take(60).collect()
}

fn context(text: &str, a: usize, b: usize) -> String {
    let a0 = crate::model::floor_char_boundary(text, a.saturating_sub(60));
    let b0 = crate::model::floor_char_boundary(text, (b + 60).min(text.len()));
    let a = crate::model::floor_char_boundary(text, a);
    let b = crate::model::floor_char_boundary(text, b).max(a);
    format!("{}[[{}]]{}", &text[a0..a], &text[a..b], &text[b..b0]).replace('\n', "⏎")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_char_offsets_become_byte_ranges() {
        let text = "O’Malley said “go now,” he added.";
        let ann = "T1\tSource 0 8\tO’Malley\nT2\tCue 9 13\tsaid\nT3\tContent 14 23\t“go now,”\nE1\tAttribution:T2 Content:T3 Source:T1\n";
        let g = parse_ann(text, ann);
        assert_eq!(g.len(), 1);
        assert!(g[0].direct);
        let (s, e) = g[0].content[0];
        assert_eq!(&text[s..e], "“go now,”");
        assert_eq!(&text[g[0].source[0].0..g[0].source[0].1], "O’Malley");
    }

    #[test]
    fn proper_name_skips_titles_and_pronouns() {
        assert_eq!(proper_name("Spokeswoman Haley Morris"), Some("Morris"));
        assert_eq!(proper_name("he"), None);
    }
}
