//! The text model: paragraphs and sentences of an article, by byte offsets into its text.
//!
//! Offsets always point into the decoded text exactly as read, so every later span can be
//! shown and highlighted verbatim.

use crate::model::{Paragraph, Sentence};

/// An article's text cut into paragraphs and sentences.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in order; each lies inside one paragraph.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Splits `text` into paragraphs (blank-line or line separated) and sentences.
    pub fn parse(text: &str) -> Document {
        let mut paragraphs = Vec::new();
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let lead = line.len() - line.trim_start().len();
                let start = pos + lead;
                paragraphs.push(Paragraph { start, end: start + trimmed.len() });
            }
            pos += line.len();
        }
        let sentences = paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| Sentence { start: p.start, end: p.end, paragraph: i })
            .collect();
        Document { paragraphs, sentences }
    }

    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }
}
