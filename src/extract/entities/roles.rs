//! Roles stated next to a name: a title inside the run (widened backwards over
//! `… Bureau at the …`), a lower-case role phrase before the name (`Foreign Ministry
//! spokesperson Lim Soo-suk`), or an appositive before or after it (`Lee Seung-beom,
//! director general for …`; `China’s Executive Vice Minister …, Ma Zhaoxu`).

use super::lexicon::{is_role_modifier, is_role_noun, is_title};
use super::runs::Candidate;
use super::tokens::{Token, is_capitalized, is_possessive, strip_possessive};

fn w<'a>(text: &'a str, toks: &[Token], i: usize) -> &'a str {
    toks.get(i).map(|t| t.text(text)).unwrap_or("")
}

fn slice(text: &str, toks: &[Token], first: usize, last_incl: usize) -> Option<String> {
    let s = toks.get(first)?.start;
    let e = toks.get(last_incl)?.end;
    text.get(s..e).map(|x| x.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|x| !x.is_empty())
}

/// Fills `c.role` for a person candidate from the words around it.
pub fn find_role(text: &str, toks: &[Token], c: &mut Candidate) {
    if let Some(rf) = c.role_first {
        let widened = widen_back(text, toks, rf);
        if widened < rf
            && let Some(r) = slice(text, toks, widened, c.first - 1)
        {
            c.role = Some(r);
        }
        return;
    }
    if let Some(r) = role_before(text, toks, c.first) {
        c.role = Some(r);
        return;
    }
    if let Some(r) = appositive_after(text, toks, c.last) {
        c.role = Some(r);
        return;
    }
    if let Some(r) = appositive_before(text, toks, c.first) {
        c.role = Some(r);
    }
}

/// Extends a role start backwards over `at the …`, `of the …` and capitalised words.
fn widen_back(text: &str, toks: &[Token], rf: usize) -> usize {
    let mut i = rf;
    let mut best = rf;
    let mut steps = 0;
    while i > 0 && steps < 16 {
        let t = toks[i - 1];
        if !t.word || toks[i].after_newline {
            break;
        }
        let x = t.text(text);
        if matches!(x, "of" | "at" | "for" | "the" | "from") {
            i -= 1;
        } else if is_capitalized(x) {
            i -= 1;
            best = i;
        } else {
            break;
        }
        steps += 1;
    }
    // A possessive place right before the title belongs to the role (`South Korea’s First …`).
    if best == rf && rf > 0 && is_possessive(w(text, toks, rf - 1)) {
        let mut j = rf - 1;
        while j > 0 && toks[j - 1].word && is_capitalized(w(text, toks, j - 1)) && !toks[j].after_newline {
            j -= 1;
        }
        return j;
    }
    best
}

/// `Foreign Ministry spokesperson Lim` → `Foreign Ministry spokesperson`.
fn role_before(text: &str, toks: &[Token], first: usize) -> Option<String> {
    if first == 0 || toks[first].after_newline {
        return None;
    }
    let prev = w(text, toks, first - 1);
    if !(toks[first - 1].word && (is_role_noun(prev) || is_role_noun(&prev.to_lowercase()) && is_title(prev)))
    {
        return None;
    }
    let mut i = first - 1;
    let mut n = 0;
    while i > 0 && n < 8 {
        let t = toks[i - 1];
        if !t.word || toks[i].after_newline {
            break;
        }
        let x = t.text(text);
        if is_role_noun(x) || is_role_modifier(x) || is_capitalized(x) && !matches!(x, "The" | "A" | "An") {
            i -= 1;
            n += 1;
            if is_possessive(x) {
                // `South Korea’s`: take the whole capitalised possessor, then stop.
                while i > 0 && toks[i - 1].word && is_capitalized(w(text, toks, i - 1)) {
                    i -= 1;
                }
                break;
            }
        } else {
            break;
        }
    }
    slice(text, toks, i, first - 1)
}

/// `Lee Seung-beom, director general for … Ministry and …` → the appositive role.
fn appositive_after(text: &str, toks: &[Token], last: usize) -> Option<String> {
    if w(text, toks, last) != "," {
        return None;
    }
    let mut i = last + 1;
    if matches!(w(text, toks, i), "the" | "a" | "an") {
        i += 1;
    }
    let begin = i;
    // The appositive opens with a role word or its modifier, not a verb (`, met with …`).
    let x0 = w(text, toks, begin);
    let opens_role = is_role_noun(x0)
        || is_role_modifier(x0)
        || is_title(x0) && is_capitalized(x0)
        || is_capitalized(x0)
            && toks.get(begin + 1).is_some_and(|t| is_title(t.text(text)) || is_role_noun(t.text(text)));
    if !opens_role {
        return None;
    }
    // A role word must come early.
    let early = (begin..begin + 4).any(|k| {
        let x = w(text, toks, k);
        toks.get(k).is_some_and(|t| t.word) && (is_role_noun(x) || is_title(x) && is_capitalized(x))
    });
    if !early {
        return None;
    }
    let mut end = None;
    let mut k = begin;
    while k < toks.len() && k < begin + 18 {
        let t = toks[k];
        let x = t.text(text);
        if !t.word {
            if matches!(x, "," | "." | ";" | ")" | "(" | "“" | "\"" | "”" | ":" | "—") {
                break;
            }
        } else if k > begin
            && (x == "and" || x == "who" || x == "which" || x == "said" || x == "says")
            && (x != "and"
                || toks.get(k + 1).is_some_and(|n| is_capitalized(n.text(text)) && !is_title(n.text(text))))
        {
            break;
        }
        end = Some(k);
        k += 1;
    }
    let e = end?;
    slice(text, toks, begin, e)
}

/// `China’s Executive Vice Minister of Foreign Affairs, Ma Zhaoxu` → the title before the comma.
fn appositive_before(text: &str, toks: &[Token], first: usize) -> Option<String> {
    if first < 2 || w(text, toks, first - 1) != "," {
        return None;
    }
    let end = first - 2;
    let mut i = end + 1;
    let mut titles = 0;
    while i > 0 {
        let t = toks[i - 1];
        let x = strip_possessive(t.text(text));
        if t.word && (is_title(x) || matches!(x, "of" | "for" | "the" | "and")) {
            if is_title(x) {
                titles += 1;
            }
            i -= 1;
        } else {
            break;
        }
    }
    if titles == 0 || !is_title(w(text, toks, end)) && !is_title(strip_possessive(w(text, toks, end))) {
        // The run right before the comma must end in a title word (`Minister`, `Affairs`).
        return None;
    }
    while i <= end && matches!(w(text, toks, i), "of" | "for" | "the" | "and") {
        i += 1;
    }
    if i > end {
        return None;
    }
    let start = if i > 0 && is_possessive(w(text, toks, i - 1)) {
        let mut j = i - 1;
        while j > 0 && toks[j - 1].word && is_capitalized(w(text, toks, j - 1)) {
            j -= 1;
        }
        j
    } else {
        i
    };
    slice(text, toks, start, end)
}
