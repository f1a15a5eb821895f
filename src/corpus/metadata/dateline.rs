//! Datelines at the start of a story: `SEOUL – `, `CLEVELAND, Feb 26 -`,
//! `WASHINGTON (Reuters) - `, `ST. LOUIS, Mo. —`, `Seoul, June 17 (Yonhap) -- `.

use super::dates::month_number;

/// A dateline found at the start of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The place as written, without trailing punctuation (`SEOUL`, `ST. LOUIS`).
    pub place: String,
    /// Byte offset in the line where the dateline starts (after white space and `*`).
    pub start: usize,
    /// Bytes of the line the whole dateline covers, up to and including the dash.
    pub len: usize,
}

/// Dash-like separators that end a dateline, longest first.
const DASHES: &[&str] = &["--", "\u{2014}", "\u{2013}", "-", ":"];

fn is_caps_word(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    w.chars().any(char::is_alphabetic)
        && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
        && !w.ends_with('-')
}

/// Reads a dateline at the start of `line`.
pub fn find(line: &str) -> Option<Dateline> {
    let lead = line.len() - line.trim_start_matches(|c: char| c.is_whitespace() || c == '*').len();
    let s = &line[lead..];
    // Cheap rejection: a dateline's dash or colon comes within its first 80 bytes.
    let head = &s.as_bytes()[..s.len().min(80)];
    if !s.starts_with(char::is_uppercase) || !head.iter().any(|&b| b == b'-' || b == b':' || b == 0xE2) {
        return None;
    }
    // Tokens separated by single spaces, with their byte ranges in `s`.
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for w in s.split(' ') {
        tokens.push((pos, w));
        pos += w.len() + 1;
        if tokens.len() >= 12 {
            break;
        }
    }
    let caps = tokens.iter().take_while(|(_, w)| is_caps_word(w)).count().min(4);
    // The place ends at the first comma (`SAN ANTONIO, TEX., MARCH 6 -`).
    let caps = tokens[..caps].iter().position(|(_, w)| w.ends_with(',')).map_or(caps, |i| i + 1);
    let mut place_tokens = caps;
    let mut title_case = false;
    if caps == 0 {
        // `Seoul, June 17 (Yonhap) --`, `Calgary, Alberta, March 18 -`: a capitalised place
        // needs a month name right after it.
        let n = tokens.iter().take(3).position(|(_, w)| w.ends_with(',')).filter(|&i| {
            tokens[..=i].iter().all(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
        })?;
        tokens
            .iter()
            .skip(n + 1)
            .take(3)
            .find(|(_, w)| month_number(w.trim_end_matches(['.', ','])).is_some())?;
        place_tokens = n + 1;
        title_case = true;
    }
    if place_tokens == 0 {
        return None;
    }
    let (last_start, last) = tokens[place_tokens - 1];
    let place_end = last_start + last.trim_end_matches(',').len();
    let place = s[..place_end].trim_end_matches([',', ' ']).to_string();
    if place.chars().filter(|c| c.is_alphabetic()).count() < 2 || place.len() > 40 {
        return None;
    }
    let mut rest_at = last_start + last.len();
    // Optional `, Feb 26`, `, Mo.`, `, British Columbia, March 23` before the agency or dash.
    if last.ends_with(',') || s[rest_at..].starts_with(',') {
        let extra = &tokens[place_tokens..tokens.len().min(place_tokens + 5)];
        let mut used = 0;
        for (i, (_, w)) in extra.iter().enumerate() {
            let core = w.trim_end_matches([',', '.']);
            let ok = core.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && !DASHES.iter().any(|d| w.starts_with(d));
            if !ok {
                break;
            }
            used = i + 1;
        }
        if let Some(&(st, w)) = extra.get(used.wrapping_sub(1)).filter(|_| used > 0) {
            rest_at = st + w.len();
        }
    } else if title_case {
        return None;
    }
    let mut rest = &s[rest_at..];
    let trimmed = rest.trim_start();
    // Optional `(Reuters)`.
    if trimmed.starts_with('(') {
        let close = trimmed.find(')').filter(|&i| i <= 30)?;
        rest = &trimmed[close + 1..];
    }
    let before_dash = rest.len() - rest.trim_start().len();
    let after_ws = rest.trim_start();
    let dash = DASHES.iter().find(|d| after_ws.starts_with(**d))?;
    let consumed = s.len() - after_ws.len() + dash.len();
    let _ = before_dash;
    // A colon only counts right after an all-caps place (`BEIJING:`), never in prose.
    if *dash == ":" && (title_case || place_tokens != caps) {
        return None;
    }
    // Prose follows a dateline; an all-caps remainder is a headline (`U.S. OUTLOOK - DEFICIT`).
    let tail = &after_ws[dash.len()..];
    if !tail.trim().is_empty() && !tail.chars().any(char::is_lowercase) {
        return None;
    }
    Some(Dateline { place, start: lead, len: lead + consumed })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(s: &str) -> Option<String> {
        find(s).map(|d| d.place)
    }

    #[test]
    fn news_and_wire_datelines() {
        assert_eq!(place("SEOUL – The vice ministers of South Korea").as_deref(), Some("SEOUL"));
        assert_eq!(place("CLEVELAND, Feb 26 - Cleveland-Cliffs said").as_deref(), Some("CLEVELAND"));
        assert_eq!(place("SALVADOR, Feb 26 -Showers continued").as_deref(), Some("SALVADOR"));
        assert_eq!(place("WASHINGTON (Reuters) - The U.S. Senate").as_deref(), Some("WASHINGTON"));
        assert_eq!(place("NEW YORK, June 3 (AP) — Stocks fell").as_deref(), Some("NEW YORK"));
        assert_eq!(place("ST. LOUIS, Mo. — A jury").as_deref(), Some("ST. LOUIS"));
        assert_eq!(place("Seoul, June 17 (Yonhap) -- South Korea").as_deref(), Some("Seoul"));
        assert_eq!(place("****SANTO DOMINGO, March 4 -The Dominican").as_deref(), Some("SANTO DOMINGO"));
        assert_eq!(place("SAN ANTONIO, TEX., MARCH 6 -Valero").as_deref(), Some("SAN ANTONIO"));
        assert_eq!(place("BRASILIA, MARCH 6 -Finance Minister").as_deref(), Some("BRASILIA"));
        assert_eq!(place("Calgary, Alberta, March 18 -<Bralorne").as_deref(), Some("Calgary"));
        assert_eq!(place("VANCOUVER, British Columbia, March 23 -Shr loss").as_deref(), Some("VANCOUVER"));
        let d = find("SEOUL – The").unwrap();
        assert_eq!(&"SEOUL – The"[..d.len], "SEOUL –");
    }

    #[test]
    fn prose_is_not_a_dateline() {
        assert_eq!(place("South Korea and China held a high-level dialogue"), None);
        assert_eq!(place("The \"Korea-China Foreign Policy\" commenced - at 3 p.m."), None);
        assert_eq!(place("In April, Hao Peng, the party secretary"), None);
        assert_eq!(place("U.S. CREDIT MARKET OUTLOOK - BUDGET DEFICIT"), None);
        assert_eq!(place("A trip to South Korea - by officials"), None);
    }
}
