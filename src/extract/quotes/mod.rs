//! Direct quotes and who said them.
//!
//! [`marks`] finds quoted stretches; each is then judged a quote or not (quoted names,
//! titles, terms and scare quotes are not quotes), attributed from the words around it
//! ([`attribution`]) and its speaker phrase resolved against the article's entity
//! mentions and earlier speakers ([`resolve`]). A quote with no cue of its own that opens
//! a paragraph after an attributed quote (or follows one in the same paragraph) keeps
//! that speaker. An unknown speaker stays `None`.

pub mod attribution;
pub mod cues;
pub mod marks;
pub mod resolve;

use crate::extract::entities::lexicon::is_connector;
use crate::extract::entities::tokens::{Token, is_capitalized, tokenize};
use crate::model::{Article, EntityMention, Quote, Span, stable_hash};
use crate::text::Document;
use attribution::Attribution;
use marks::RawQuote;
use resolve::{History, Speaker};

/// Words that may follow a cue that closes a quote's sentence (`he said in a statement`).
#[rustfmt::skip]
const TERMINAL_AFTER_CUE: &[&str] = &[
    "on", "in", "at", "during", "after", "before", "yesterday", "today", "tonight", "later", "last", "this",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "earlier", "recently",
    "when", "while", "as", "to", "from", "of", "via", "through", "with", "about", "afterward", "afterwards",
    "then", "again", "told", "adding", "according", "the", "a", "an", "him", "her", "them", "me", "us",
    "reporters", "supporters", "his", "their",
];

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "St", "Jr", "Sr", "U.S", "Inc", "Corp",
    "Co", "No", "vs", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Prof", "Capt", "Sgt", "Adm", "Rev",
    "Ft", "Mt", "U.N", "U.K", "D.C", "p.m", "a.m", "Ph.D",
];

/// Finds direct quotes in `article` and attributes them using `mentions`.
pub fn extract(article: &Article, doc: &Document, mentions: &[EntityMention]) -> Vec<Quote> {
    let text: &str = &article.text;
    let paras = &doc.paragraphs;
    let raws = marks::find(text, paras);
    let mut drafts: Vec<Draft> = Vec::with_capacity(raws.len());
    for (i, rq) in raws.iter().enumerate() {
        // The previous accepted quote of the paragraph bounds this one's left context.
        let prev_close =
            drafts.last().map(|d| d.raw).filter(|p| p.para_last == rq.para_first).map(|p| p.close_end);
        let next_open = raws.get(i + 1).filter(|n| n.para_first == rq.para_last).map(|n| n.open);
        let Some(p0) = paras.get(rq.para_first) else { continue };
        let Some(p1) = paras.get(rq.para_last) else { continue };
        let ls = sentence_start(text, p0.start.max(prev_close.unwrap_or(0)), rq.open);
        let re = sentence_end(text, rq.close_end, next_open.unwrap_or(p1.end).min(p1.end));
        let ltoks = tokenize(text, ls, rq.open);
        let rtoks = tokenize(text, rq.close_end, re);
        let content_end_punct = text.get(rq.start..rq.end).and_then(|c| c.trim_end().chars().next_back());
        let ends_sentence = matches!(content_end_punct, Some('.' | '!' | '?'));
        let mut attr = if rq.closed { attribution::right(text, &rtoks) } else { None };
        if ends_sentence {
            // `“… .” He said` is fine; `“… .” Then a new sentence …` is not an attribution,
            // nor is `“… .” He added, “…”`, whose cue belongs to the next quote.
            attr = attr.filter(|a| {
                let cue_end = a.cue.map(|c| c.1).unwrap_or(re);
                let opens_next = next_open.is_some_and(|n| {
                    text.get(cue_end..n).is_some_and(|g| matches!(g.trim(), "," | ":" | ""))
                });
                // … and the attribution must close its clause (`Reid said both …` starts a new one).
                let end = cue_end.max(a.speaker.1);
                let after = tokenize(text, end, re);
                let closes =
                    after.first().is_none_or(|t| !t.word || TERMINAL_AFTER_CUE.contains(&t.text(text)));
                tokenize(text, rq.close_end, cue_end).len() <= 6 && !opens_next && closes
            });
        }
        // A cue right before the quote (`shouted, “…”`) beats one after it.
        if let Some(l) = attribution::left(text, &ltoks).filter(|l| {
            l.cue.is_some_and(|(_, ce)| {
                text.get(ce..rq.open).is_some_and(|g| matches!(g.trim(), "," | ":" | ""))
            })
        }) {
            attr = Some(l);
        }
        let starts_para = text.get(p0.start..rq.open).is_some_and(|s| s.trim().is_empty());
        let attr = attr.or_else(|| attribution::before(text, &ltoks)).or_else(|| {
            // `Cruz continued:` closing the previous paragraph introduces this one.
            let prev = rq.para_first.checked_sub(1).and_then(|j| paras.get(j))?;
            if !(starts_para && text.get(prev.start..prev.end)?.trim_end().ends_with(':')) {
                return None;
            }
            let s = sentence_start(text, prev.start, prev.end);
            attribution::before(text, &tokenize(text, s, prev.end))
        });
        // `"…"` then a paragraph of its own: `- Bernie Sanders.`
        let attr = attr.or_else(|| {
            let next = paras.get(rq.para_last + 1)?;
            let ends_para = text.get(rq.close_end..p1.end).is_some_and(|g| g.trim().is_empty());
            let toks = tokenize(text, next.start, next.end);
            (rq.closed && ends_para && toks.len() <= 8)
                .then(|| attribution::right(text, &toks))
                .flatten()
                .filter(|a| a.cue.is_none())
        });
        let kind =
            judge(text, rq, &ltoks, attr.is_some(), paras.get(rq.para_first).map(|p| (p.start, p.end)));
        if kind == Judgement::NotQuote {
            continue;
        }
        let mention = attr.as_ref().map(|a| a.speaker);
        drafts.push(Draft { raw: *rq, attr, starts_para, speaker: None, mention, confidence: 0.0 });
    }
    // Resolve speakers in text order, remembering earlier speakers.
    let mut history: History = Vec::new();
    for i in 0..drafts.len() {
        let d = &drafts[i];
        let mut sp = d
            .attr
            .as_ref()
            .and_then(|a| resolve::resolve(text, a.speaker.0, a.speaker.1, d.raw.open, mentions, &history));
        let mut conf = sp
            .as_ref()
            .map(|s| s.certainty * if d.attr.as_ref().is_some_and(|a| a.adjacent) { 0.95 } else { 0.85 });
        let mut inherited = None;
        if sp.is_none() && d.attr.is_none() && i > 0 {
            // No cue of its own: continue the previous speaker when it is clearly the same passage.
            let p = &drafts[i - 1];
            let same_para = p.raw.para_last == d.raw.para_first;
            let next_para = p.raw.para_last + 1 == d.raw.para_first && d.starts_para;
            if same_para || next_para {
                sp = p.speaker.clone();
                conf = sp.as_ref().map(|_| p.confidence * 0.8);
                inherited = Some(p.mention);
            }
        }
        if let Some(s) = &sp {
            history.push((d.raw.open, s.clone()));
        }
        if let Some(m) = inherited {
            drafts[i].mention = m;
        }
        drafts[i].speaker = sp;
        drafts[i].confidence = conf.unwrap_or(0.0);
    }
    // A quote with no cue followed, in its paragraph, by an attributed one takes that speaker.
    for i in (0..drafts.len().saturating_sub(1)).rev() {
        if drafts[i].speaker.is_none()
            && drafts[i].attr.is_none()
            && drafts[i + 1].raw.para_first == drafts[i].raw.para_last
        {
            drafts[i].speaker = drafts[i + 1].speaker.clone();
            drafts[i].mention = drafts[i + 1].mention;
            drafts[i].confidence = drafts[i + 1].confidence * 0.7;
        }
    }
    drafts.into_iter().map(|d| build(article, text, d)).collect()
}

struct Draft {
    raw: RawQuote,
    attr: Option<Attribution>,
    starts_para: bool,
    speaker: Option<Speaker>,
    /// The speaker phrase the attribution rests on (inherited quotes share it).
    mention: Option<(usize, usize)>,
    confidence: f32,
}

fn build(article: &Article, text: &str, d: Draft) -> Quote {
    let (s, e) = trim(text, d.raw.start, d.raw.end);
    let span = Span::from_text(text, s, e);
    let mention = d.mention.map(|(s, e)| Span::from_text(text, s, e));
    let cue = d.attr.as_ref().and_then(|a| a.cue).map(|(cs, ce)| text.get(cs..ce).unwrap_or("").to_string());
    let (speaker, role) = match d.speaker {
        Some(sp) => (Some(sp.name), sp.role),
        None => (None, None),
    };
    Quote {
        id: stable_hash(&[&article.id, &span.text])[..16].to_string(),
        article: article.id.clone(),
        start: span.start,
        end: span.end,
        text: span.text,
        speaker,
        speaker_entity: None,
        speaker_mention: mention,
        speaker_role: role,
        cue,
        confidence: (d.confidence * 100.0).round() / 100.0,
        edited: Vec::new(),
    }
}

fn trim(text: &str, s: usize, e: usize) -> (usize, usize) {
    let Some(slice) = text.get(s..e) else { return (s, e) };
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (s + lead, (e - trail).max(s + lead))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Judgement {
    Quote,
    NotQuote,
}

/// Is this quoted stretch a quote, or a quoted name, title, term or scare quote?
fn judge(
    text: &str,
    rq: &RawQuote,
    left: &[Token],
    attributed: bool,
    para: Option<(usize, usize)>,
) -> Judgement {
    let content = text.get(rq.start..rq.end).unwrap_or("");
    let toks = tokenize(text, rq.start, rq.end);
    let words: Vec<&str> = toks.iter().filter(|t| t.word).map(|t| t.text(text)).collect();
    if !content.chars().any(char::is_alphabetic) {
        return Judgement::NotQuote; // “2+2”
    }
    let prev = left.last().filter(|t| t.word).map(|t| t.text(text)).unwrap_or("");
    let prev2 = left.len().checked_sub(2).and_then(|i| left.get(i)).map(|t| t.text(text)).unwrap_or("");
    if cues::NAMING.contains(&prev) || cues::NAMING.contains(&prev2) && matches!(prev, "as" | "the" | "a") {
        return Judgement::NotQuote;
    }
    let last_char = content.trim_end().chars().next_back();
    let punct_inside = matches!(last_char, Some('.' | ',' | '!' | '?' | '…' | ';' | ':'));
    let multi_para = rq.para_last > rq.para_first;
    let n = words.len();
    let title_like = words
        .iter()
        .filter(|w| {
            !is_connector(w) && !matches!(**w, "a" | "an" | "to" | "in" | "on" | "at" | "by" | "with" | "or")
        })
        .all(|w| is_capitalized(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit()));
    let after_colon = left.last().is_some_and(|t| t.text(text) == ":");
    if title_like && !punct_inside && cues::DETERMINERS.contains(&prev) {
        return Judgement::NotQuote; // `the “Korea-China … Dialogue”`
    }
    if title_like && !punct_inside && !after_colon {
        // Headlines are title-case throughout: there a title-like quote may still be a quote.
        let headline = para.is_some_and(|(s, e)| title_case_line(text, s, e));
        let attributed_sentence = attributed && n >= 4 && !cues::DETERMINERS.contains(&prev);
        if !(headline && n >= 3 || attributed_sentence) {
            return Judgement::NotQuote;
        }
    }
    if cues::DETERMINERS.contains(&prev) && n <= 4 && !punct_inside {
        return Judgement::NotQuote;
    }
    if multi_para || punct_inside && n >= 3 || n >= 6 {
        return Judgement::Quote;
    }
    if attributed { Judgement::Quote } else { Judgement::NotQuote }
}

fn title_case_line(text: &str, s: usize, e: usize) -> bool {
    let toks = tokenize(text, s, e);
    let words: Vec<&str> =
        toks.iter().filter(|t| t.word).map(|t| t.text(text)).filter(|w| w.len() > 3).collect();
    words.len() >= 3 && words.iter().filter(|w| is_capitalized(w)).count() * 10 >= words.len() * 7
}

/// Start of the sentence containing `pos`, not before `floor`.
fn sentence_start(text: &str, floor: usize, pos: usize) -> usize {
    let Some(seg) = text.get(floor..pos) else { return floor };
    let b = seg.as_bytes();
    let mut i = b.len();
    while i > 1 {
        i -= 1;
        if matches!(b[i - 1], b'.' | b'?' | b'!')
            && b[i].is_ascii_whitespace()
            && !abbreviation_before(seg, i - 1)
        {
            return floor + i;
        }
    }
    floor
}

/// End of the sentence that continues after `pos`, not after `ceil`.
fn sentence_end(text: &str, pos: usize, ceil: usize) -> usize {
    if ceil <= pos {
        return pos;
    }
    let Some(seg) = text.get(pos..ceil) else { return ceil };
    let b = seg.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'?' | b'!')
            && b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
            && !abbreviation_before(seg, i)
            && seg[..i].chars().any(char::is_alphabetic)
        {
            return pos + i + 1;
        }
    }
    ceil
}

fn abbreviation_before(seg: &str, dot: usize) -> bool {
    let head = seg.get(..dot).unwrap_or("");
    let word = head.rsplit(|c: char| !(c.is_alphanumeric() || c == '.')).next().unwrap_or("");
    (word.len() == 1 && word.chars().all(|c| c.is_uppercase())) || ABBREVIATIONS.contains(&word)
}
