//! Recognising outlets: masthead lines and names derived from a URL's host.
//!
//! A masthead is told from a headline by its words (`Herald`, `Times`, `Reuters`, …) or by
//! matching the article's own URL host. A host becomes a readable name only when the
//! article itself spells that name (`koreaherald.com` ↔ "Korea Herald", `scmp.com` ↔
//! "South China Morning Post" by initials); otherwise the bare host is kept.

/// Words that mark a short capitalised line as a publication name.
const OUTLET_WORDS: &[&str] = &[
    "Herald",
    "Times",
    "Post",
    "News",
    "Journal",
    "Tribune",
    "Gazette",
    "Guardian",
    "Telegraph",
    "Daily",
    "Press",
    "Chronicle",
    "Observer",
    "Independent",
    "Express",
    "Mail",
    "Star",
    "Economist",
    "Monitor",
    "Globe",
    "Standard",
    "Courier",
    "Register",
    "Examiner",
    "Inquirer",
    "Dispatch",
    "Bulletin",
    "Reuters",
    "Bloomberg",
    "AFP",
    "AP",
    "Yonhap",
    "Xinhua",
    "Kyodo",
    "BBC",
    "CNN",
    "NPR",
    "Politico",
    "Axios",
    "Sentinel",
    "Mirror",
    "Nikkei",
    "Shimbun",
    "Ilbo",
    "Hankyoreh",
    "Agence",
    "Associated",
    "Wire",
    "Weekly",
    "Magazine",
    "Broadcasting",
    "Network",
    "Newsweek",
    "Insider",
    "Sun",
    "Age",
    "Hindu",
    "Dawn",
    "Al Jazeera",
    "Le Monde",
    "Der Spiegel",
    "El País",
];

/// Words allowed in lower case inside a name (`Voice of America`).
const NAME_PARTICLES: &[&str] =
    &["of", "the", "and", "&", "de", "du", "la", "le", "el", "des", "der", "die", "for"];

/// True when every word of `s` is capitalised or a particle, and there are 1..=6 words.
pub fn is_name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            NAME_PARTICLES.contains(w)
                || w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// True when a short header line names a publication (`The Korea Herald`, `Reuters`).
pub fn is_masthead(line: &str, host_name: Option<&str>) -> bool {
    let line = line.trim();
    if line.is_empty()
        || line.len() > 60
        || line.ends_with(['.', '?', '!', ':', ','])
        || line.chars().any(|c| c.is_ascii_digit())
        || !is_name_like(line)
    {
        return false;
    }
    if host_name.is_some_and(|h| h.eq_ignore_ascii_case(line)) {
        return true;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > 5 {
        return false;
    }
    OUTLET_WORDS.iter().any(|o| {
        if o.contains(' ') {
            line.contains(o)
        } else {
            words.iter().any(|w| w.trim_matches(['\'', '’']) == *o)
        }
    })
}

/// The host of a URL without `www.`/`m.`/`amp.` (`https://www.scmp.com/x` → `scmp.com`).
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?.split('@').next_back()?.split(':').next()?;
    let host = host.trim_start_matches("www.").trim_start_matches("m.").trim_start_matches("amp.");
    (host.contains('.') && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-'))
        .then(|| host.to_ascii_lowercase())
}

/// The registrable name of a host (`koreaherald` of `koreaherald.com`, `bbc` of `bbc.co.uk`).
fn host_stem(host: &str) -> &str {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    if n >= 3 && labels[n - 2].len() <= 3 && labels[n - 1].len() == 2 {
        labels[n - 3]
    } else if n >= 2 {
        labels[n - 2]
    } else {
        host
    }
}

/// A readable outlet name for `host` spelled in `text`: the capitalised phrase whose letters
/// run together equal the host's name, or whose initials do (at least three). `None` when
/// the article never spells it.
pub fn name_from_text(host: &str, text: &str) -> Option<String> {
    let stem: String = host_stem(host).chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    if stem.len() < 2 {
        return None;
    }
    // Capitalised word runs, with their starts, over the whole text.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut best: Option<String> = None;
    let flush = |words: &mut Vec<(usize, &str)>, best: &mut Option<String>| {
        if best.is_none() {
            *best = match_run(words, &stem, text);
        }
        words.clear();
    };
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let in_word = c.is_alphanumeric() || c == '-' || c == '&';
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = &text[s..i];
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                let particle = NAME_PARTICLES.contains(&w);
                if capital || (particle && !words.is_empty()) {
                    words.push((s, w));
                } else {
                    flush(&mut words, &mut best);
                }
                if c != ' ' {
                    flush(&mut words, &mut best);
                }
                start = None;
            }
            _ => {}
        }
        if best.is_some() {
            break;
        }
    }
    best
}

/// Looks for a sub-run of `words` spelling `stem` (joined letters or initials).
fn match_run(words: &[(usize, &str)], stem: &str, text: &str) -> Option<String> {
    for i in 0..words.len() {
        let mut joined = String::new();
        let mut initials = String::new();
        for j in i..words.len().min(i + 6) {
            let w = words[j].1;
            joined.extend(w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase));
            if !NAME_PARTICLES.contains(&w) {
                initials.extend(w.chars().next().into_iter().flat_map(char::to_lowercase));
            }
            let hit = joined == stem || (stem.len() >= 3 && j > i && initials == stem);
            if hit && !NAME_PARTICLES.contains(&w) {
                let end = words[j].0 + w.len();
                let mut begin = words[i].0;
                // Keep a leading "The" when the article writes it.
                if words[i].1 != "The" && text[..begin].ends_with("The ") {
                    begin -= 4;
                }
                return Some(text[begin..end].to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mastheads_are_outlets_not_headlines() {
        assert!(is_masthead("The Korea Herald", None));
        assert!(is_masthead("Reuters", None));
        assert!(is_masthead("The Washington Post", None));
        assert!(!is_masthead("Korea, China to hold first diplomatic security dialogue since 2015", None));
        assert!(!is_masthead("Heatwave grips Europe", None));
        assert!(is_masthead("Dateline Gazette", Some("Dateline Gazette")));
    }

    #[test]
    fn hosts_and_names() {
        let url = "https://www.scmp.com/news/china/diplomacy/article/3266968/x?utm_source=rss_feed";
        assert_eq!(url_host(url).as_deref(), Some("scmp.com"));
        assert_eq!(url_host("http://news.bbc.co.uk/2/hi").as_deref(), Some("news.bbc.co.uk"));
        let text = "Disclaimer: The South China Morning Post's content is directed by someone.";
        assert_eq!(name_from_text("scmp.com", text).as_deref(), Some("The South China Morning Post"));
        let text = "a source confirmed to The Korea Herald on condition of anonymity";
        assert_eq!(name_from_text("koreaherald.com", text).as_deref(), Some("The Korea Herald"));
        assert_eq!(name_from_text("news.bbc.co.uk", "Nothing spelled here at all."), None);
    }
}
