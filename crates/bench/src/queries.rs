//! The fixed query list, and keystrokes: every prefix of a query as it is typed, each one a
//! search the app runs.

use crate::news::Names;

/// Queries a reader might type: single words from common to rare, two-word queries, phrases, a
/// bare prefix, typos, a stopword, a number, and names (fixed ones and ones taken from the
/// generated corpus, so they exist in it).
pub fn queries(names: &Names) -> Vec<String> {
    let mut q: Vec<String> = [
        "president",
        "prison",
        "election",
        "government",
        "police",
        "minister",
        "economy",
        "deported",
        "earthquake",
        "vaccine",
        "military",
        "human rights",
        "prime minister",
        "climate change",
        "\"security forces\"",
        "\"state of emergency\"",
        "water supply",
        "hospital workers strike",
        "court ruling",
        "border wall",
        "interest rates",
        "oil prices",
        "university students protest",
        "refugees border",
        "trade agreement",
        "budget deficit",
        "mayor announced",
        "invest",
        "immigr",
        "goverment",
        "presidnet",
        "ecomony",
        "the",
        "2019",
        "kast",
        "bukele",
        "jose antonio kast",
        "bukele prison",
        "el salvador",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let people = &names.people;
    q.push(people[5].full.clone());
    q.push(people[50].surname.clone());
    q.push(names.places[20].clone());
    q.push(names.organisations[3].clone());
    q.push(names.outlets[0].clone());
    // A name with a letter dropped, as a reader unsure of the spelling types it.
    let s = &people[10].surname;
    let cut = s.char_indices().nth(2).map_or(s.len(), |(i, _)| i);
    let next = s[cut..].chars().next().map_or(0, char::len_utf8);
    q.push(format!("{}{}", &s[..cut], &s[cut + next..]));
    q
}

/// Every prefix of `query` by characters, shortest first: what the search box holds after each
/// keystroke.
pub fn keystrokes(query: &str) -> Vec<String> {
    query
        .char_indices()
        .map(|(i, c)| query[..i + c.len_utf8()].to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keystrokes_are_every_prefix_on_char_boundaries() {
        assert_eq!(keystrokes("jo é"), vec!["j", "jo", "jo ", "jo é"]);
        assert!(keystrokes("").is_empty());
    }
}
