//! The place gazetteer (`assets/gazetteer.tsv`, compiled in): countries, capitals, major
//! cities and regions with their aliases, and nationality adjectives mapped to countries.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../../assets/gazetteer.tsv");

/// What kind of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A sovereign country.
    Country,
    /// A national capital.
    Capital,
    /// Another major city.
    City,
    /// A province, state, region, sea or continent.
    Region,
}

/// One place: its canonical name and the country it lies in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Canonical name (`South Korea`).
    pub name: &'static str,
    /// Kind of place.
    pub kind: PlaceKind,
    /// The country (itself for a country; empty for supranational regions).
    pub country: &'static str,
}

struct Gazetteer {
    places: HashMap<&'static str, Place>,
    adjectives: HashMap<&'static str, &'static str>,
    longest_words: usize,
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut places = HashMap::default();
        let mut adjectives = HashMap::default();
        let mut longest_words = 1;
        for line in DATA.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').collect();
            let kind = match cols.first().copied() {
                Some("country") => PlaceKind::Country,
                Some("capital") => PlaceKind::Capital,
                Some("city") => PlaceKind::City,
                Some("region") => PlaceKind::Region,
                _ => continue,
            };
            let Some(name) = cols.get(1).copied().filter(|n| !n.is_empty()) else { continue };
            let country = match kind {
                PlaceKind::Country => name,
                _ => cols.get(2).copied().unwrap_or(""),
            };
            let place = Place { name, kind, country };
            let aliases: Vec<&'static str> =
                cols.get(3).map(|a| a.split(';').filter(|s| !s.is_empty()).collect()).unwrap_or_default();
            for n in std::iter::once(name).chain(aliases) {
                longest_words = longest_words.max(n.split(' ').count());
                places.entry(n).or_insert_with(|| place.clone());
            }
            if let Some(adjs) = cols.get(4) {
                for a in adjs.split(';').filter(|s| !s.is_empty()) {
                    adjectives.entry(a).or_insert(if country.is_empty() { name } else { country });
                }
            }
        }
        Gazetteer { places, adjectives, longest_words }
    })
}

/// The place called `name` (canonical name or alias), if the gazetteer knows it.
pub fn place(name: &str) -> Option<&'static Place> {
    gazetteer().places.get(name)
}

/// The country a nationality adjective refers to (`Chinese` → `China`).
pub fn adjective_country(word: &str) -> Option<&'static str> {
    gazetteer().adjectives.get(word).copied()
}

/// The most words any gazetteer name has (bounds sub-run lookups).
pub fn longest_name_words() -> usize {
    gazetteer().longest_words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_capitals_aliases_and_adjectives() {
        assert_eq!(place("Seoul").map(|p| p.country), Some("South Korea"));
        assert_eq!(place("U.S.").map(|p| p.name), Some("United States"));
        assert_eq!(place("Pyongyang").map(|p| p.kind), Some(PlaceKind::Capital));
        assert_eq!(adjective_country("Chinese"), Some("China"));
        assert_eq!(adjective_country("South Korean"), Some("South Korea"));
        assert!(place("Lim").is_none());
    }
}
