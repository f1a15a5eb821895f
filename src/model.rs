//! The data model: what the pipeline produces and the UI, exports and edits consume.
//!
//! These types are also the JSON contract of `dateline extract` (see `docs/JSON.md`), so
//! field names here are part of the public interface: add fields, never rename them.
//! Every fact carries the verbatim span of the article it came from (`start`/`end` are
//! byte offsets into [`Article::text`], and `text` is that slice).

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Stable id of an article: derived from its path relative to the corpus root.
pub type ArticleId = String;
/// Stable id of an entity (derived from its canonical name and kind).
pub type EntityId = String;
/// Stable id of a quote (derived from its article and text).
pub type QuoteId = String;
/// Stable id of an event (derived from its date and its evidence, not list order).
pub type EventId = String;

/// A verbatim piece of one article: byte offsets into the article text plus the text itself.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// `article.text[start..end]`, copied so JSON readers need not re-slice.
    pub text: String,
}

impl Span {
    /// Builds a span from offsets into `text`, copying the slice.
    ///
    /// Offsets are clamped to `text` and moved back to char boundaries, so a bad
    /// offset yields a shorter span instead of a panic.
    pub fn from_text(text: &str, start: usize, end: usize) -> Span {
        let end = floor_char_boundary(text, end.min(text.len()));
        let start = floor_char_boundary(text, start.min(end));
        Span { start, end, text: text[start..end].to_string() }
    }
}

/// A span of a named article: what the UI links to and exports cite.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Evidence {
    /// The article the span is in.
    pub article: ArticleId,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The verbatim text of the span.
    pub text: String,
}

impl Evidence {
    /// Evidence for `span` of `article`.
    pub fn new(article: &str, span: &Span) -> Evidence {
        Evidence { article: article.to_string(), start: span.start, end: span.end, text: span.text.clone() }
    }
}

/// How much we trust an article's publication date.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateStatus {
    /// Read from the article's own header or metadata.
    Stated,
    /// Not stated; inferred from how the article's relative dates fit the rest of the corpus.
    Inferred,
    /// Stated, but the corpus contradicts it (see `published_reason`, `suggested_published`).
    Suspect,
    /// Not stated and not inferable. Relative expressions stay unresolved.
    #[default]
    Missing,
    /// Set by the user (an edit); overrides everything else.
    Edited,
}

/// Which metadata field a piece of header evidence supports.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FieldEvidence {
    /// `title`, `source`, `byline`, `url`, `published` or `dateline`.
    pub field: String,
    /// Byte offset of the line (or element text) in the original file; for HTML, the
    /// source line as found in the raw HTML is given in `text` and offsets are 0.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The verbatim line or attribute value.
    pub text: String,
}

/// One loaded article with its metadata. The text itself is shared, not copied.
#[derive(Serialize, Deserialize, Clone, Debug, Default)]
pub struct Article {
    /// Stable id from the path relative to the corpus root.
    pub id: ArticleId,
    /// Path relative to the corpus root (lossy UTF-8 for display).
    pub path: String,
    /// Headline, if one was found (a masthead is never a title).
    pub title: Option<String>,
    /// The outlet (masthead, publisher, or URL host).
    pub source: Option<String>,
    /// Byline as written, without the leading "By".
    pub byline: Option<String>,
    /// Author names split out of the byline.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Canonical URL if the article states one.
    pub url: Option<String>,
    /// Publication day (`YYYY-MM-DD`), or null when unknown.
    pub published: Option<NaiveDate>,
    /// Publication time of day as written in the header (`17:32`), if any.
    #[serde(default)]
    pub published_time: Option<String>,
    /// How the publication date was obtained.
    pub published_status: DateStatus,
    /// The header line or metadata value the date was read from.
    pub published_evidence: Option<String>,
    /// Why the date is inferred or suspect, in words a person can check.
    #[serde(default)]
    pub published_reason: Option<String>,
    /// For a suspect or missing date: the date the rest of the corpus suggests.
    #[serde(default)]
    pub suggested_published: Option<NaiveDate>,
    /// The date as stated in the header, kept when a later stage or an edit replaces it.
    #[serde(default)]
    pub stated_published: Option<NaiveDate>,
    /// A dateline place (`SEOUL`) if the body opens with one.
    #[serde(default)]
    pub dateline: Option<String>,
    /// The article this one near-duplicates (re-publication, truncated copy).
    pub duplicate_of: Option<ArticleId>,
    /// Where each metadata value came from.
    #[serde(default)]
    pub metadata_evidence: Vec<FieldEvidence>,
    /// The detected encoding (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    #[serde(default)]
    pub encoding: String,
    /// `text`, `markdown` or `html`.
    #[serde(default)]
    pub format: String,
    /// Byte offset where the body (after the header lines) begins.
    #[serde(default)]
    pub body_start: usize,
    /// Decoded text exactly as read (for HTML: the extracted main text). All offsets point here.
    #[serde(skip)]
    pub text: Arc<str>,
}

/// A file that was not loaded, with a one-line reason.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Path relative to the corpus root (lossy UTF-8).
    pub path: String,
    /// Why it was skipped, for a person.
    pub reason: String,
}

/// A paragraph: a run of non-blank lines, by byte offsets.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// First byte.
    pub start: usize,
    /// One past the last byte (trailing newline excluded).
    pub end: usize,
}

/// A sentence, by byte offsets, with the paragraph it belongs to.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// First byte (no leading white space).
    pub start: usize,
    /// One past the last byte (no trailing white space).
    pub end: usize,
    /// Index into the document's paragraphs.
    pub paragraph: usize,
}

/// TIMEX3 types.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period (`June 17, 2024`, `last month`).
    Date,
    /// A time of day (`3 p.m.`).
    Time,
    /// A length of time (`nine years`).
    Duration,
    /// A recurrence (`every year`).
    Set,
}

/// How fine a date is.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A single day (or a time within it).
    Day,
    /// An ISO week.
    Week,
    /// A calendar month (also parts of months such as `mid-June`).
    Month,
    /// A quarter, half-year or season.
    Quarter,
    /// A calendar year.
    Year,
    /// A decade.
    Decade,
    /// A century or longer.
    Century,
}

/// A time expression found in an article, resolved TimeML-style.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Timex {
    /// The article it was found in.
    pub article: ArticleId,
    /// Byte offset of the expression.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (`2024-06-18`, `2024-05`, `P9Y`, `PRESENT_REF`, `XXXX-04` when unresolvable).
    pub value: String,
    /// TIMEX3 `mod` (`MID`, `START`, `END`, `APPROX`, `BEFORE`, `AFTER`, …).
    #[serde(default, rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// The first day the value covers (for DATE/TIME values that name a calendar period).
    #[serde(default)]
    pub start_day: Option<NaiveDate>,
    /// The last day the value covers.
    #[serde(default)]
    pub end_day: Option<NaiveDate>,
    /// Precision of a calendar value.
    #[serde(default)]
    pub precision: Option<Precision>,
    /// True when the value depends on the anchor (publication date or a previous timex).
    #[serde(default)]
    pub relative: bool,
    /// The anchor it was resolved against, e.g. `published Mon 2024-06-17`.
    #[serde(default)]
    pub anchor: Option<String>,
    /// How the value was obtained, for a person: `'on Tuesday' + published Mon 2024-06-17, future ('are set to hold') → Tue 2024-06-18`.
    #[serde(default)]
    pub derivation: String,
    /// 0..1: how sure the resolution is (low for guesses such as an unanchored weekday).
    #[serde(default)]
    pub confidence: f32,
}

/// Kinds of named entities.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation (ministry, company, outlet, party).
    Organization,
    /// A place (country, city, region).
    Place,
    /// Anything else worth naming (events, laws).
    Other,
}

/// One mention of an entity inside one article (output of per-article extraction).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct EntityMention {
    /// The article.
    pub article: ArticleId,
    /// Byte offset of the mention.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The mention as written (`Lim`, `he`, `the official`).
    pub text: String,
    /// The most specific name for it in this article (`Lim Soo-suk`).
    pub name: String,
    /// Kind of entity.
    pub kind: EntityKind,
    /// Title or role stated with it (`Foreign Ministry spokesperson`), if any.
    pub role: Option<String>,
}

/// An entity across the corpus, with its aliases.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Entity {
    /// Stable id.
    pub id: EntityId,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Other spellings seen (romanisation, spacing, surname-only).
    pub aliases: Vec<String>,
    /// Most specific role seen (`author` for bylines).
    #[serde(default)]
    pub role: Option<String>,
    /// Articles that mention it.
    #[serde(default)]
    pub articles: Vec<ArticleId>,
    /// Number of mentions over the corpus.
    #[serde(default)]
    pub mentions: usize,
    /// What the user changed (`merged`: other entities were merged into it; `split`: an alias
    /// was split off it, or it was split off another). Empty when untouched.
    #[serde(default)]
    pub edited: Vec<String>,
}

/// A direct quote with its speaker.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Quote {
    /// Stable id.
    pub id: QuoteId,
    /// The article.
    pub article: ArticleId,
    /// Byte offset of the quoted text (inside the quote marks).
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The quoted words.
    pub text: String,
    /// Resolved speaker: a name or the most specific description; null when unknown.
    pub speaker: Option<String>,
    /// The entity of the speaker, when it is one.
    pub speaker_entity: Option<EntityId>,
    /// The speaker as written next to the quote (`he`, `the official`, `Lim`).
    pub speaker_mention: Option<Span>,
    /// The speaker's role or title, if stated anywhere in the article.
    #[serde(default)]
    pub speaker_role: Option<String>,
    /// The cue (`said`, `according to`), as written.
    pub cue: Option<String>,
    /// 0..1 confidence in the attribution.
    #[serde(default)]
    pub confidence: f32,
    /// What the user changed (`speaker`). Empty when untouched.
    #[serde(default)]
    pub edited: Vec<String>,
}

/// Event kinds: happenings, and statements about them (their own lane).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Something happened (a meeting, a visit, an attack).
    #[default]
    Event,
    /// Someone said, announced or confirmed something.
    Statement,
}

/// One article's report of something happening at a resolved time.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct EventMention {
    /// The article.
    pub article: ArticleId,
    /// Event or statement.
    pub kind: EventKind,
    /// Short title in the article's own words.
    pub title: String,
    /// The sentence (or clause) that reports it.
    pub evidence: Span,
    /// The timex that dates it (its text and span).
    pub timex: Span,
    /// TIMEX3 value of the date.
    pub date: String,
    /// First day covered.
    pub start: NaiveDate,
    /// Last day covered.
    pub end: NaiveDate,
    /// Precision.
    pub precision: Precision,
    /// How the date was derived (copied from the timex).
    pub derivation: String,
    /// Confidence of the date resolution, 0..1.
    pub confidence: f32,
    /// Participants, as in-article canonical names.
    pub participants: Vec<String>,
    /// Place, if stated.
    pub place: Option<String>,
    /// Content words of the clause (lower-case), for similarity.
    pub keywords: Vec<String>,
    /// Quotes of the same passage (ids).
    pub quotes: Vec<QuoteId>,
    /// The next sentence when it goes on reporting this event without a date of its own
    /// (`Kim met Ma in Seoul for the 10th … Dialogue.`): extra evidence, and its words count
    /// for matching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuation: Option<Span>,
}

/// An event on the timeline: one happening, with every article that reports it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Event {
    /// Stable id (from date and evidence).
    pub id: EventId,
    /// Event or statement.
    pub kind: EventKind,
    /// TIMEX3 value.
    pub date: String,
    /// First ISO day covered.
    pub start: Option<NaiveDate>,
    /// Last ISO day covered.
    pub end: Option<NaiveDate>,
    /// Day, week, month, …
    pub precision: Option<Precision>,
    /// Title in the sources' own words.
    pub title: String,
    /// Articles that report it (duplicates included).
    pub articles: Vec<ArticleId>,
    /// Distinct outlets, duplicates counted once (corroboration).
    #[serde(default)]
    pub outlets: Vec<String>,
    /// The sentences that report it.
    pub evidence: Vec<Evidence>,
    /// Supporting quotes, best first.
    pub quotes: Vec<QuoteId>,
    /// Participants (entity ids).
    pub entities: Vec<EntityId>,
    /// Where it happened.
    #[serde(default)]
    pub place: Option<String>,
    /// How the date was derived (from the best mention).
    #[serde(default)]
    pub derivation: String,
    /// 0..1: low when the date is a guess or sources disagree.
    #[serde(default)]
    pub confidence: f32,
    /// Earliest publication date among its articles ("first reported").
    #[serde(default)]
    pub first_reported: Option<NaiveDate>,
    /// Conflicts that involve it.
    #[serde(default)]
    pub conflicts: Vec<String>,
    /// Starred by the user.
    #[serde(default)]
    pub starred: bool,
    /// Hidden by the user.
    #[serde(default)]
    pub hidden: bool,
    /// User tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// User note.
    #[serde(default)]
    pub note: Option<String>,
    /// Names of fields the user changed (`title`, `date`, …).
    #[serde(default)]
    pub edited: Vec<String>,
}

/// Sources that disagree, with both sides' evidence.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Stable id.
    pub id: String,
    /// `date`, `history`, `first_since`, `sequence`, …
    pub kind: String,
    /// One sentence for a person.
    pub summary: String,
    /// The spans on each side.
    pub evidence: Vec<Evidence>,
    /// Events involved.
    #[serde(default)]
    pub events: Vec<EventId>,
}

/// The result of a run: the JSON of `dateline extract` and the model the UI shows.
#[derive(Serialize, Deserialize, Clone, Debug, Default)]
pub struct Extraction {
    /// Loaded articles.
    pub articles: Vec<Article>,
    /// Files not loaded, with reasons.
    pub skipped: Vec<Skipped>,
    /// Every time expression.
    pub timexes: Vec<Timex>,
    /// Entities across the corpus.
    pub entities: Vec<Entity>,
    /// Direct quotes.
    pub quotes: Vec<Quote>,
    /// Timeline events.
    pub events: Vec<Event>,
    /// Disagreements between sources.
    pub conflicts: Vec<Conflict>,
    /// Edits that could not be applied (their target vanished), kept for the user.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unapplied_edits: Vec<String>,
}

/// Largest char boundary `<= i` (stable replacement for `str::floor_char_boundary`).
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A short stable hash (FNV-1a, 64-bit, hex) used to derive ids from content.
pub fn stable_hash(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0xff)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}
