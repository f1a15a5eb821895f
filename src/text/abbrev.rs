//! Abbreviations that end in a period without ending a sentence, as data.

/// How an abbreviation's period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Precedes a name (`Gov.`, `Dr.`, `St.`): never ends a sentence.
    Title,
    /// A month (`Feb.`): no sentence end before a day number.
    Month,
    /// Usually inside a sentence (`e.g.`, `vs.`, `No.`): never ends one.
    Inner,
    /// Often ends a sentence too (`U.S.`, `p.m.`, `Inc.`): ends one only before a usual
    /// sentence opener (`The`, `He`, …).
    Ambiguous,
}

/// Known abbreviations without their final period, compared case-sensitively.
pub const ABBREVIATIONS: &[(&str, AbbrevKind)] = &[
    ("Mr", AbbrevKind::Title),
    ("Mrs", AbbrevKind::Title),
    ("Ms", AbbrevKind::Title),
    ("Messrs", AbbrevKind::Title),
    ("Dr", AbbrevKind::Title),
    ("Prof", AbbrevKind::Title),
    ("Gov", AbbrevKind::Title),
    ("Govs", AbbrevKind::Title),
    ("Sen", AbbrevKind::Title),
    ("Sens", AbbrevKind::Title),
    ("Rep", AbbrevKind::Title),
    ("Reps", AbbrevKind::Title),
    ("Gen", AbbrevKind::Title),
    ("Lt", AbbrevKind::Title),
    ("Col", AbbrevKind::Title),
    ("Maj", AbbrevKind::Title),
    ("Capt", AbbrevKind::Title),
    ("Cmdr", AbbrevKind::Title),
    ("Adm", AbbrevKind::Title),
    ("Sgt", AbbrevKind::Title),
    ("Cpl", AbbrevKind::Title),
    ("Pvt", AbbrevKind::Title),
    ("Rev", AbbrevKind::Title),
    ("Fr", AbbrevKind::Title),
    ("Hon", AbbrevKind::Title),
    ("Pres", AbbrevKind::Title),
    ("Supt", AbbrevKind::Title),
    ("Det", AbbrevKind::Title),
    ("Insp", AbbrevKind::Title),
    ("Atty", AbbrevKind::Title),
    ("Amb", AbbrevKind::Title),
    ("Sec", AbbrevKind::Title),
    ("Gens", AbbrevKind::Title),
    ("St", AbbrevKind::Title),
    ("Mt", AbbrevKind::Title),
    ("Ft", AbbrevKind::Title),
    ("Jan", AbbrevKind::Month),
    ("Feb", AbbrevKind::Month),
    ("Mar", AbbrevKind::Month),
    ("Apr", AbbrevKind::Month),
    ("Jun", AbbrevKind::Month),
    ("Jul", AbbrevKind::Month),
    ("Aug", AbbrevKind::Month),
    ("Sep", AbbrevKind::Month),
    ("Sept", AbbrevKind::Month),
    ("Oct", AbbrevKind::Month),
    ("Nov", AbbrevKind::Month),
    ("Dec", AbbrevKind::Month),
    ("No", AbbrevKind::Inner),
    ("Nos", AbbrevKind::Inner),
    ("Nr", AbbrevKind::Inner),
    ("vs", AbbrevKind::Inner),
    ("v", AbbrevKind::Inner),
    ("e.g", AbbrevKind::Inner),
    ("i.e", AbbrevKind::Inner),
    ("cf", AbbrevKind::Inner),
    ("approx", AbbrevKind::Inner),
    ("est", AbbrevKind::Inner),
    ("Ave", AbbrevKind::Inner),
    ("Blvd", AbbrevKind::Inner),
    ("Rd", AbbrevKind::Inner),
    ("Dept", AbbrevKind::Inner),
    ("Univ", AbbrevKind::Inner),
    ("Assn", AbbrevKind::Inner),
    ("Fig", AbbrevKind::Inner),
    ("Vol", AbbrevKind::Inner),
    ("pp", AbbrevKind::Inner),
    ("p.m", AbbrevKind::Ambiguous),
    ("a.m", AbbrevKind::Ambiguous),
    ("Inc", AbbrevKind::Ambiguous),
    ("Corp", AbbrevKind::Ambiguous),
    ("Co", AbbrevKind::Ambiguous),
    ("Ltd", AbbrevKind::Ambiguous),
    ("Bros", AbbrevKind::Ambiguous),
    ("Jr", AbbrevKind::Ambiguous),
    ("Sr", AbbrevKind::Ambiguous),
    ("etc", AbbrevKind::Ambiguous),
    ("al", AbbrevKind::Ambiguous),
];

/// Words that usually open a sentence; after an ambiguous abbreviation they mark an end.
pub const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "Meanwhile",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "Some",
    "Many",
    "Most",
    "Still",
    "Also",
    "Yet",
    "So",
    "For",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "By",
    "With",
    "What",
    "Why",
    "How",
    "Who",
    "Under",
    "According",
    "Officials",
    "Analysts",
    "Both",
    "Such",
    "Since",
    "Until",
    "During",
    "Despite",
    "Although",
    "Other",
    "Another",
    "One",
    "Two",
    "Three",
    "No",
];

/// The kind of `word` (its text before the final period), if it is a known abbreviation.
pub fn kind_of(word: &str) -> Option<AbbrevKind> {
    if let Some(&(_, k)) = ABBREVIATIONS.iter().find(|(w, _)| *w == word) {
        return Some(k);
    }
    let letters: Vec<char> = word.chars().collect();
    // A single capital is an initial (`John F. Kennedy`).
    if letters.len() == 1 && letters[0].is_uppercase() {
        return Some(AbbrevKind::Title);
    }
    // Dotted capitals (`U.S`, `U.N`, `D.C`, `J.K`): an acronym or initials.
    if letters.len() >= 3
        && letters.iter().enumerate().all(|(i, c)| if i % 2 == 0 { c.is_alphabetic() } else { *c == '.' })
    {
        return Some(AbbrevKind::Ambiguous);
    }
    None
}
