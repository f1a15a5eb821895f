//! Word tables for entity recognition, kept as data: titles, organisation heads, role
//! nouns, capitalised words that are never names. Lookups are case-sensitive on the
//! forms listed (title-case for capitalised tables, lower-case for role nouns).

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// Capitalised words that open sentences or name times, never entities on their own.
#[rustfmt::skip]
const STOP_CAPS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "As", "After", "Before",
    "During", "Since", "For", "From", "With", "Without", "This", "That", "These", "Those", "It", "Its", "He",
    "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "There", "Here", "What",
    "Who", "Why", "How", "Where", "Which", "Both", "All", "Some", "Many", "Most", "Meanwhile", "However",
    "Also", "Yet", "So", "Not", "No", "Yes", "Previously", "According", "Under", "Over", "Despite",
    "Although", "Though", "Because", "Still", "Even", "Only", "Just", "Then", "Now", "Today", "Yesterday",
    "Tomorrow", "Last", "Next", "Each", "Every", "Any", "Such", "Other", "Another", "One", "Two", "Three",
    "By", "Published", "Updated", "Photo", "Read", "More", "Advertisement", "Link", "Disclaimer", "Topics",
    "To", "Of", "Is", "Are", "Was", "Were", "Will", "Would", "Can", "Could", "Should", "May", "Might", "Must",
    "Do", "Does", "Did", "Has", "Have", "Had", "Be", "Been", "Let", "Like", "Unlike", "Among", "Amid",
    "Between", "Through", "Into", "Until", "About", "Against", "Instead", "Indeed", "Thus", "Therefore",
    "Asked", "Set", "Held", "Speaking", "Sources", "Officials", "Analysts", "Experts", "Critics", "Whether",
    "Mr", "Mrs", "Ms", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Christmas", "Easter", "Please", "Note", "Editor", "Editing", "Reporting", "Writing", "Copyright",
    "Related", "Share", "Comments", "Click", "Subscribe", "Sign", "Follow", "See", "Watch", "Listen", "Via",
    "Tags", "Source", "Image", "Images", "Getty", "AP", "Reuters", "AFP", "EST", "GMT", "UTC", "PM", "AM",
    "OK", "TV", "CEO", "Inc", "Ltd", "Co", "Corp", "St", "Jr", "Sr", "Oh", "Well", "Yeah", "Thank", "Thanks",
    "Hey", "Dear", "Sen", "Rep", "Gov", "Gen",
];

/// Capitalised title words that may precede a person's name (`First Vice Foreign Minister`).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "President", "Vice", "Premier", "Prime", "Minister", "Ministers", "Foreign", "First", "Second", "Deputy",
    "Director", "Director-General", "General", "Secretary", "Secretary-General", "Executive", "Chief",
    "Senior", "Sen", "Senator", "Rep", "Representative", "Congressman", "Congresswoman", "Gov", "Governor",
    "Mayor", "Ambassador", "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Chairman", "Chairwoman",
    "Chair", "Chairperson", "Spokesman", "Spokeswoman", "Spokesperson", "Judge", "Justice", "Gen", "Col",
    "Lt", "Maj", "Capt", "Sgt", "Adm", "Admiral", "Commander", "King", "Queen", "Prince", "Princess", "Pope",
    "Chancellor", "Commissioner", "Attorney", "Speaker", "Leader", "Former", "Acting", "Defense", "Defence",
    "Trade", "Finance", "Unification", "Interior", "Party", "Provincial", "Supreme", "Crown", "Lord", "Sir",
    "Rev", "Father", "Bishop", "Cardinal", "Ayatollah", "Sheikh", "Emir", "Sultan", "Lady", "Dame", "CEO",
    "Officer", "Presidential", "Candidate", "Nominee", "Treasury", "State", "Health", "Education", "Energy",
    "Labor", "Labour", "Agriculture", "Commerce", "Industry", "Economy", "Economic", "Home", "Justice",
    "National", "Security", "Adviser", "Advisor", "Strategic", "Affairs", "Policy", "International",
    "Assistant", "Associate", "Under", "Undersecretary", "Permanent", "Special", "Envoy", "Representative",
    "Democratic", "Republican", "Independent", "Majority", "Minority", "Whip", "House", "Senate", "Senior",
    "Managing", "Founder", "Co-founder", "Publisher", "Editor", "Counsel", "Solicitor", "Prosecutor",
    "Inspector", "Superintendent", "Sheriff", "Marshal", "Councilman", "Councilwoman", "Councillor",
    "Lawmaker", "Legislator", "Delegate", "Consul", "Chargé", "Vice-Minister", "Vice-President",
    "Executive Vice", "Head", "Military", "Diplomatic", "Political", "Commerce", "Transport", "Environment",
    "Culture", "Science", "Technology", "Veterans", "Homeland", "Intelligence", "Staff", "Joint", "Chiefs",
];

/// Last words that make a capitalised run an organisation (`Defense Ministry`, `Korea Herald`).
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "Ministry", "Department", "Office", "Agency", "Institute", "Institution", "Committee", "Commission",
    "Council", "Party", "University", "College", "School", "Bank", "Corp", "Corporation", "Inc", "Co",
    "Company", "Companies", "Group", "Bureau", "Association", "Federation", "Union", "Organization",
    "Organisation", "Foundation", "Fund", "Center", "Centre", "Service", "Services", "Administration",
    "Authority", "Board", "Court", "Army", "Navy", "Force", "Forces", "Police", "Guard", "Assembly",
    "Parliament", "Congress", "Senate", "Cabinet", "Government", "Times", "Post", "Herald", "News", "Journal",
    "Tribune", "Telegraph", "Guardian", "Press", "Media", "Network", "Broadcasting", "Television", "Radio",
    "Kremlin", "Pentagon", "Ltd", "LLC", "PLC", "Plc", "Holdings", "Industries", "Airlines", "Motors",
    "Electronics", "Exchange", "Reserve", "Club", "League", "Alliance", "Coalition", "Movement", "Front",
    "Church", "Society", "Academy", "Secretariat", "Embassy", "Consulate", "Mission", "Command",
    "Headquarters", "Nations", "Commission", "Corps", "Brigade", "Division", "Regiment", "Tribunal",
    "Communications", "Technologies", "Systems", "Partners", "Securities", "Petroleum", "Chemical",
    "Chemicals", "Pharmaceuticals", "Motor", "Airways", "Railways", "Foods", "Bancorp", "Trust", "Insurance",
    "Enterprises", "Monitor", "Observer", "Review", "Gazette", "Daily", "Weekly", "Magazine", "Channel",
    "Studios", "Records", "Labs", "Laboratories", "Hospital", "Clinic", "Cooperation", "NV", "AG", "SA", "SpA", "GmbH", "AB", "ASA", "BV", "Bhd", "Tbk", "Inc.", "Co.", "Corp.",
    "Ltd.", "Staff", "Chiefs", "PAC", "Caucus",
];

/// Heads of named things that are neither people nor organisations (events, places, laws).
#[rustfmt::skip]
const OTHER_HEADS: &[&str] = &[
    "Dialogue", "Summit", "Meeting", "Conference", "Forum", "Election", "Elections", "War", "Act", "Treaty",
    "Agreement", "Accord", "Accords", "Games", "Olympics", "Cup", "Day", "Festival", "Award", "Awards",
    "Prize", "Policy", "Initiative", "Program", "Programme", "Plan", "Project", "Strategy", "Declaration",
    "Resolution", "Law", "Bill", "Report", "Index", "Market", "Crisis", "Revolution", "Era", "Talks",
    "Review", "Affairs", "Relations", "Doctrine", "Convention", "Primary", "Primaries", "Debate", "Debates",
    "Rally", "Amendment", "Constitution", "Pact", "Deal", "Plaza", "Street", "Avenue", "Road", "Square",
    "Airport", "Hotel", "Hall", "Tower", "Bridge", "Park", "Palace", "Stadium", "Arena", "Building",
];

/// Heads that make a run a place (`Liaoning Province`, `Jeju Island`).
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "Province", "Island", "Islands", "Strait", "Sea", "Ocean", "River", "Mountain", "Mountains", "County",
    "City", "District", "Region", "Peninsula", "Valley", "Lake", "Bay", "Gulf", "Coast", "Desert", "Canal",
    "Prefecture", "Oblast", "Territory", "Territories", "Village", "Town", "Borough", "Heights", "Zone",
];

/// Capitalised words that are never part of a personal name.
#[rustfmt::skip]
const NOT_NAME: &[&str] = &[
    "National", "International", "Global", "World", "Regional", "Foreign", "Security", "Economic",
    "Strategic", "Diplomatic", "Military", "Defense", "Defence", "Policy", "General", "Central", "Federal",
    "State", "States", "Public", "Social", "Democratic", "Republican", "Democrats", "Republicans", "Liberal",
    "Conservative", "Communist", "People", "Peoples", "Republic", "United", "Nations", "European", "North",
    "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "New", "Old", "Great", "Greater",
    "Upper", "Lower", "High", "Higher", "Royal", "Imperial", "Grand", "Holy", "Trilateral", "Bilateral",
    "Ninth", "Tenth", "Third", "Fourth", "Fifth", "Comprehensive", "Joint", "Special", "Consular",
    "Cooperation", "Provincial", "Local", "Financial", "Political", "Presidential", "Official", "Senior",
    "Internet", "Online", "Free", "American", "Black", "White", "Red", "Blue", "Green", "Gold", "Golden",
    "Street", "Wall", "Twitter", "Facebook", "Google", "Apple", "Microsoft", "Amazon", "God", "Lord",
    "Islamic", "Muslim", "Muslims", "Christian", "Christians", "Jewish", "Catholic", "Evangelical",
    "Hispanic", "Latino", "Latinos", "Asian", "African", "Arab", "Arabs", "Western", "Breaking", "Exclusive",
    "Update", "Live", "Video", "Opinion", "Analysis", "Commentary", "Editorial", "Obamacare", "Medicare",
    "Medicaid", "Social", "Brexit", "Covid", "COVID", "Net", "Shr", "Revs", "Qtr", "Oper", "Avg", "Mln",
    "Billion", "Million", "Dlrs", "Cts", "Pct", "Year", "Quarter", "Note", "Inc", "Corp", "Ltd",
];

/// Lower-case nouns naming a role; before a name (`spokesperson Lim`) or in an appositive.
#[rustfmt::skip]
const ROLE_NOUNS: &[&str] = &[
    "spokesperson", "spokesman", "spokeswoman", "official", "officials", "minister", "vice-minister",
    "secretary", "president", "premier", "senator", "governor", "mayor", "ambassador", "director",
    "director-general", "chairman", "chairwoman", "chair", "chief", "leader", "adviser", "advisor", "aide",
    "analyst", "professor", "researcher", "expert", "lawmaker", "legislator", "diplomat", "envoy",
    "negotiator", "commander", "general", "candidate", "nominee", "executive", "founder", "economist",
    "strategist", "manager", "head", "deputy", "representative", "lawyer", "attorney", "judge", "prosecutor",
    "reporter", "correspondent", "editor", "columnist", "author", "officer", "member", "ceo",
    "president-elect", "activist", "campaigner", "supporter", "owner", "counterpart", "consultant",
    "pollster", "donor", "fellow", "scholar", "historian", "host", "anchor", "coordinator", "organizer",
    "operative", "staffer", "congressman", "congresswoman", "delegate", "speaker", "whip", "governor-elect",
    "mayor-elect", "vice-president", "treasurer", "trustee", "partner", "president-elect", "rep.", "sen.",
    "gov.", "cofounder", "co-founder", "physician", "doctor", "officer", "sheriff", "commissioner",
    "superintendent", "administrator", "principal", "mother", "father", "wife", "husband", "son", "daughter",
    "brother", "sister", "friend", "neighbor", "resident", "voter", "student", "teacher", "worker", "veteran",
];

/// Lower-case modifiers allowed inside a role phrase before a name (`foreign ministry spokesman`).
#[rustfmt::skip]
const ROLE_MODIFIERS: &[&str] = &[
    "foreign", "ministry", "defense", "defence", "senior", "deputy", "vice", "chief", "former",
    "presidential", "party", "campaign", "press", "national", "security", "state", "department", "white",
    "house", "first", "executive", "assistant", "associate", "general", "top", "military", "government",
    "agency", "office", "policy", "trade", "finance", "economic", "communications", "political", "legal",
    "spokesperson", "then", "longtime", "veteran", "acting", "interim", "new", "incoming", "outgoing",
    "current", "ministry's", "democratic", "republican", "regional", "provincial", "city", "county",
    "foreign-policy", "unification", "intelligence", "staff", "company", "bank", "association", "committee",
    "council", "board", "union",
];

/// Courtesy titles: they precede a name but are no role.
const HONORIFICS: &[&str] =
    &["Mr", "Mrs", "Ms", "Miss", "Mx", "Mr.", "Mrs.", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lady", "Lord"];

/// A courtesy title (`Mr.`), which is not a role.
pub fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(&w)
}

/// Pronouns that can stand for a speaker.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "He", "She", "They", "It", "We", "I"];

/// Lower-case words allowed inside an organisation or title run (`Ministry of Trade`).
const CONNECTORS: &[&str] =
    &["of", "for", "and", "the", "on", "de", "du", "von", "van", "der", "&", "al", "bin"];

struct Tables {
    stop_caps: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    org_heads: HashSet<&'static str>,
    other_heads: HashSet<&'static str>,
    place_heads: HashSet<&'static str>,
    not_name: HashSet<&'static str>,
    role_nouns: HashSet<&'static str>,
    role_modifiers: HashSet<&'static str>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| Tables {
        stop_caps: STOP_CAPS.iter().copied().collect(),
        titles: TITLES.iter().copied().collect(),
        org_heads: ORG_HEADS.iter().copied().collect(),
        other_heads: OTHER_HEADS.iter().copied().collect(),
        place_heads: PLACE_HEADS.iter().copied().collect(),
        not_name: NOT_NAME.iter().copied().collect(),
        role_nouns: ROLE_NOUNS.iter().copied().collect(),
        role_modifiers: ROLE_MODIFIERS.iter().copied().collect(),
    })
}

/// A sentence opener or time word that is never an entity by itself.
pub fn is_stop_cap(w: &str) -> bool {
    let t = tables();
    t.stop_caps.contains(w) || w.strip_suffix('.').is_some_and(|x| t.stop_caps.contains(x))
}
/// A title that may precede a name.
pub fn is_title(w: &str) -> bool {
    let t = tables();
    t.titles.contains(w) || w.strip_suffix('.').is_some_and(|x| t.titles.contains(x))
}
/// A word that ends an organisation name.
pub fn is_org_head(w: &str) -> bool {
    let t = tables();
    t.org_heads.contains(w) || w.strip_suffix('.').is_some_and(|x| t.org_heads.contains(x))
}
/// A word that ends the name of an event, law or building.
pub fn is_other_head(w: &str) -> bool {
    let t = tables();
    t.other_heads.contains(w) || w.strip_suffix('.').is_some_and(|x| t.other_heads.contains(x))
}
/// A word that ends a place name.
pub fn is_place_head(w: &str) -> bool {
    let t = tables();
    t.place_heads.contains(w) || w.strip_suffix('.').is_some_and(|x| t.place_heads.contains(x))
}
/// A capitalised word that is never part of a personal name.
pub fn is_not_name(w: &str) -> bool {
    let t = tables();
    t.not_name.contains(w) || w.strip_suffix('.').is_some_and(|x| t.not_name.contains(x))
}
/// A lower-case role noun (`spokesman`).
pub fn is_role_noun(w: &str) -> bool {
    tables().role_nouns.contains(w)
}
/// A lower-case word allowed inside a role phrase.
pub fn is_role_modifier(w: &str) -> bool {
    tables().role_modifiers.contains(w)
}
/// A personal pronoun that can stand for a speaker.
pub fn is_pronoun(w: &str) -> bool {
    PRONOUNS.contains(&w)
}
/// A lower-case word allowed inside a capitalised name run.
pub fn is_connector(w: &str) -> bool {
    CONNECTORS.contains(&w)
}
