//! A hand-written tokenizer for the time-expression engine: words, digit runs and single
//! punctuation characters with byte offsets, each word looked up once in the lexicon.

use super::lexicon::{self, Lex};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters (ASCII or not).
    Word,
    /// A run of ASCII digits; its value (saturating) is in [`Token::num`].
    Num,
    /// One punctuation or symbol character.
    Punct(char),
}

/// One token: byte range, kind, lexicon entry and layout.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: Kind,
    /// Lexicon meaning (words only).
    pub lex: Lex,
    /// Numeric value of a digit run (saturating at u32::MAX).
    pub num: u32,
    /// Number of digits of a digit run (keeps `07` apart from `7`).
    pub digits: u8,
    /// White space (or start of text) right before the token.
    pub space_before: bool,
    /// A line break between this token and the previous one.
    pub newline_before: bool,
    /// The word starts with an upper-case letter.
    pub capital: bool,
    /// The word is all upper case (and longer than one letter).
    pub all_caps: bool,
}

impl Token {
    /// The punctuation character, if this is one.
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    /// Whether this is the punctuation `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    /// Whether this is a digit run.
    pub fn is_num(&self) -> bool {
        self.kind == Kind::Num
    }
}

/// Splits `text[from..to]` into tokens.
pub fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut space = true;
    let mut newline = false;
    while i < to {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            if b == b'\n' {
                newline = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let (kind, end) = if b.is_ascii_digit() {
            let mut j = i;
            while j < to && bytes[j].is_ascii_digit() {
                j += 1;
            }
            (Kind::Num, j)
        } else if b.is_ascii_alphabetic() {
            let mut j = i;
            while j < to && bytes[j].is_ascii_alphabetic() {
                j += 1;
            }
            // A non-ASCII letter continues the word (names with accents).
            if j < to && bytes[j] >= 0x80 {
                j = scan_word(text, j, to);
            }
            (Kind::Word, j)
        } else if b < 0x80 {
            (Kind::Punct(b as char), i + 1)
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let len = ch.len_utf8();
            if ch.is_whitespace() {
                space = true;
                i += len;
                continue;
            }
            if ch.is_alphabetic() {
                (Kind::Word, scan_word(text, i, to))
            } else {
                // Curly quotes and dashes become their ASCII counterparts for matching.
                let c = match ch {
                    '\u{2018}' | '\u{2019}' => '\'',
                    '\u{201C}' | '\u{201D}' => '"',
                    '\u{2013}' | '\u{2014}' => '-',
                    other => other,
                };
                (Kind::Punct(c), i + len)
            }
        };
        let mut tok = Token {
            start,
            end,
            kind,
            lex: Lex::None,
            num: 0,
            digits: 0,
            space_before: space,
            newline_before: newline,
            capital: false,
            all_caps: false,
        };
        match kind {
            Kind::Num => {
                let mut n: u32 = 0;
                for d in &bytes[start..end] {
                    n = n.saturating_mul(10).saturating_add((d - b'0') as u32);
                }
                tok.num = n;
                tok.digits = (end - start).min(255) as u8;
            }
            Kind::Word => {
                let w = &text[start..end];
                tok.lex = lexicon::lookup(w);
                tok.capital = bytes[start].is_ascii_uppercase();
                tok.all_caps = end - start > 1 && w.bytes().all(|c| c.is_ascii_uppercase());
            }
            Kind::Punct(_) => {}
        }
        out.push(tok);
        space = false;
        newline = false;
        i = end;
    }
}

fn scan_word(text: &str, from: usize, to: usize) -> usize {
    let mut j = from;
    for (k, ch) in text[from..to].char_indices() {
        if !(ch.is_alphabetic()) {
            return from + k;
        }
        j = from + k + ch.len_utf8();
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let text = "On Sept. 30, 1989 at 3:30 p.m. — “Tuesday”";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let shown: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            shown,
            [
                "On", "Sept", ".", "30", ",", "1989", "at", "3", ":", "30", "p", ".", "m", ".", "—", "“",
                "Tuesday", "”"
            ]
        );
        assert_eq!(toks[1].lex, Lex::Month(9, true));
        assert_eq!(toks[5].num, 1989);
        assert!(toks[14].is('-'));
        assert!(!toks[2].space_before && toks[3].space_before);
    }
}
