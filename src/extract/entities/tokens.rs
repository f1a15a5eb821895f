//! A small word tokenizer with byte offsets, shared by the entity and quote extractors.
//!
//! Words are runs of letters/digits joined by inner hyphens, apostrophes and dots
//! (`Soo-suk`, `Korea’s`, `U.S`); every other non-space character is a one-char
//! punctuation token. Offsets index the article text, so every token is a verbatim span.

/// One token: a word or a single punctuation character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// True for words, false for punctuation.
    pub word: bool,
    /// True when a paragraph break (a blank line, or a line break followed by indentation)
    /// lies between the previous token and this one; wrapped lines do not count.
    pub after_newline: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '‑' | '&')
}

/// Splits `text[from..to]` into tokens (offsets are absolute).
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity((to.saturating_sub(from)) / 5);
    let Some(slice) = text.get(from..to) else { return out };
    let bytes = slice.as_bytes();
    let mut i = 0;
    let mut newline = false;
    let mut newlines = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                newlines += 1;
                if newlines >= 2 || bytes.get(i + 1).is_some_and(|n| matches!(n, b' ' | b'\t')) {
                    newline = true;
                }
            }
            i += 1;
            continue;
        }
        newlines = 0;
        let c = if b < 0x80 { b as char } else { slice[i..].chars().next().unwrap_or(' ') };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i += c.len_utf8();
            while let Some(n) = slice[i..].chars().next() {
                if n.is_alphanumeric() {
                    i += n.len_utf8();
                } else if is_joiner(n) {
                    // A joiner stays inside the word only when a letter or digit follows.
                    let after = slice[i + n.len_utf8()..].chars().next();
                    if after.is_some_and(|a| a.is_alphanumeric()) {
                        i += n.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            // `Mr.`, `Sen.`, `S.` keep their full stop: it ends no sentence.
            if bytes.get(i) == Some(&b'.') && is_abbreviation(&slice[start..i]) {
                i += 1;
            }
            out.push(Token { start: from + start, end: from + i, word: true, after_newline: newline });
        } else {
            i += c.len_utf8();
            out.push(Token { start: from + start, end: from + i, word: false, after_newline: newline });
        }
        newline = false;
    }
    out
}

/// Abbreviations written with a full stop that does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Adm",
    "Prof", "Rev", "St", "Jr", "Sr", "Mt", "Ft", "Pres", "Gov", "Maj", "Cmdr", "Supt", "Msgr", "Hon",
];

/// True for a title abbreviation or a single capital initial (`Mr`, `S`).
pub fn is_abbreviation(word: &str) -> bool {
    let b = word.as_bytes();
    (b.len() == 1 && b[0].is_ascii_uppercase()) || ABBREVIATIONS.contains(&word)
}

/// `Korea’s` → `Korea`, `officials'` stays (the mark is a separate token); other words unchanged.
pub fn strip_possessive(word: &str) -> &str {
    for suf in ["’s", "'s", "’S", "'S"] {
        if let Some(s) = word.strip_suffix(suf)
            && !s.is_empty()
        {
            return s;
        }
    }
    word
}

/// True when the word has a possessive `’s` ending.
pub fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// True when the first character is upper-case.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// True for acronyms such as `INSS`, `NATO`, `U.S` (two or more letters, no lower-case).
pub fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_joiners_and_split_punctuation() {
        let t = "Lim Soo-suk said Korea’s “2+2” officials’ U.S. plan.";
        let toks: Vec<&str> = tokenize(t, 0, t.len()).iter().map(|k| k.text(t)).collect();
        assert_eq!(
            toks,
            [
                "Lim",
                "Soo-suk",
                "said",
                "Korea’s",
                "“",
                "2",
                "+",
                "2",
                "”",
                "officials",
                "’",
                "U.S",
                ".",
                "plan",
                "."
            ]
        );
    }

    #[test]
    fn possessives_and_acronyms() {
        assert_eq!(strip_possessive("Korea’s"), "Korea");
        assert_eq!(strip_possessive("Lim"), "Lim");
        assert!(is_acronym("INSS"));
        assert!(!is_acronym("Lim"));
    }
}
