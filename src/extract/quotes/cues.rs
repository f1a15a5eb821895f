//! Speech cues: verbs and phrases that attribute a quote, kept as data.

/// Verbs (inflected forms as written) that introduce or follow a quote.
#[rustfmt::skip]
const CUE_VERBS: &[&str] = &[
    "said", "says", "say", "added", "adds", "stated", "states", "explained", "explains", "noted", "notes",
    "emphasized", "emphasizes", "emphasised", "emphasises", "stressed", "stresses", "confirmed", "confirms",
    "answered", "answers", "wrote", "writes", "asked", "asks", "insisted", "insists", "told", "tells",
    "argued", "argues", "continued", "continues", "declared", "declares", "tweeted", "tweets", "posted",
    "responded", "responds", "replied", "replies", "warned", "warns", "claimed", "claims", "announced",
    "announces", "recalled", "recalls", "observed", "remarked", "suggested", "suggests", "acknowledged",
    "acknowledges", "admitted", "admits", "conceded", "concedes", "countered", "quipped", "joked", "shouted",
    "yelled", "exclaimed", "mused", "predicted", "promised", "vowed", "boasted", "complained", "lamented",
    "urged", "charged", "contended", "maintained", "reiterated", "underscored", "highlighted", "commented",
    "testified", "wondered", "concluded", "agreed", "described", "saying", "adding", "telling", "writing",
    "noting", "explaining", "asking", "arguing", "stating", "insisting", "warning", "declaring",
    "tweeting", "reads", "read", "proclaimed", "pledged", "assured", "cautioned", "demanded", "informed",
    "advised", "opined", "mentioned", "emailed", "texted", "thundered", "offered", "explain", "added:",
    "chimed", "pointed", "went", "recounted", "reported", "reports", "announcing", "acknowledging",
    "interjected", "retorted", "chanted", "confessed", "snapped", "scoffed", "sneered", "whispered",
    "murmured", "muttered", "screamed", "elaborated", "clarified", "affirmed", "alleged", "alleges", "asserted",
    "asserts", "bragged", "confided", "disclosed", "hinted", "implored", "interrupted", "objected", "pleaded",
    "protested", "reasoned", "reckoned", "rejoined", "revealed", "speculated", "surmised", "swore", "teased",
    "theorized", "points", "observes", "remarks", "muses", "laments", "urges", "cautions", "concludes",
    "jokes", "quips", "boasts", "complains", "predicts", "contends", "maintains", "emphasised", "stresses",
    "recalled", "explains", "fired", "shot", "cried", "begged", "sang", "added,",
    "messaged", "exclaims", "shouts", "yells", "replying", "responding",
    "recalling", "insisted", "concluding", "pointing", "writes", "telling", "declares", "confided", "called",
    "calls", "gloated", "predicts", "describes", "labeled", "labelled", "branded", "dubbed",
];

/// Participles: the speaker is the subject of the main clause (`…, saying “…”`).
#[rustfmt::skip]
const PARTICIPLES: &[&str] = &[
    "saying", "adding", "telling", "writing", "noting", "explaining", "asking", "arguing", "stating",
    "insisting", "warning", "declaring", "tweeting", "announcing", "acknowledging", "replying",
    "responding", "recalling", "concluding", "pointing",
];

/// Verbs that only count as cues with a following word (`pointed out`, `went on`).
const NEEDS_PARTICLE: &[(&str, &str)] = &[
    ("pointed", "out"),
    ("points", "out"),
    ("pointing", "out"),
    ("went", "on"),
    ("goes", "on"),
    ("chimed", "in"),
    ("fired", "back"),
    ("shot", "back"),
];

/// True for a speech verb.
pub fn is_cue(w: &str) -> bool {
    CUE_VERBS.contains(&w)
}

/// True for a participle cue.
pub fn is_participle(w: &str) -> bool {
    PARTICIPLES.contains(&w)
}

/// The particle a cue verb needs, if any.
pub fn particle(w: &str) -> Option<&'static str> {
    NEEDS_PARTICLE.iter().find(|(v, _)| *v == w).map(|(_, p)| *p)
}

/// Words that name quoted terms rather than speech (`the so-called “…”`).
#[rustfmt::skip]
pub const NAMING: &[&str] = &[
    "called", "dubbed", "named", "titled", "entitled", "labeled", "labelled", "branded", "term", "terms",
    "word", "words", "phrase", "slogan", "nicknamed", "headlined", "hashtag", "so-called", "coined", "motto",
    "banner", "theme", "label", "dubbing", "calling", "known",
];

/// Determiners and possessives that make a short quoted phrase a term or scare quote.
#[rustfmt::skip]
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
    "so-called", "The", "A", "An", "such",
];
