//! The text model: paragraphs and sentences of an article, by byte offsets into its text.
//!
//! Offsets always point into the decoded text exactly as read, so every later span can be
//! shown and highlighted verbatim. [`paragraphs`] finds paragraphs (one per line, or
//! hard-wrapped blocks), [`sentences`] splits each into sentences.

pub mod abbrev;
pub mod paragraphs;
pub mod sentences;

use crate::model::{Article, Paragraph, Sentence};

/// Byte offset of the first occurrence of `word` in `text` as whole words (no letter or digit
/// touches it on either side). Both are compared as given: lower-case them for a match that
/// ignores case.
pub fn find_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = text.get(from..)?.find(word) {
        let at = from + i;
        let before_ok = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after_ok = text[at + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// An article's text cut into paragraphs and sentences.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in order; each lies inside one paragraph.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Splits `text` into paragraphs and sentences, with no known header.
    pub fn parse(text: &str) -> Document {
        Document::parse_with_header(text, 0)
    }

    /// Splits an article: its header lines (before [`Article::body_start`]) are paragraphs and
    /// sentences of their own (a headline has no final period to end it).
    pub fn for_article(article: &Article) -> Document {
        Document::parse_with_header(&article.text, article.body_start)
    }

    /// Splits `text`, treating each line that starts before `header_end` as its own paragraph.
    pub fn parse_with_header(text: &str, header_end: usize) -> Document {
        let paragraphs = paragraphs::split(text, header_end);
        let mut sentences = Vec::with_capacity(paragraphs.len() * 3);
        for (pi, p) in paragraphs.iter().enumerate() {
            for (start, end) in sentences::split(text, p.start, p.end) {
                sentences.push(Sentence { start, end, paragraph: pi });
            }
        }
        Document { paragraphs, sentences }
    }

    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }

    /// Index of the paragraph containing byte `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= offset).then_some(i)
    }
}
