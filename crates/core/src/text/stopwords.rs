//! English function words.

use std::sync::OnceLock;

/// Sorted by byte order so lookup is a binary search with no allocation or hashing. Contractions
/// use the ASCII apostrophe because tokens are folded before lookup. "may" is deliberately absent:
/// in news it is as often the month as the modal.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "already",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "aren't",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "many",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "quite",
    "rather",
    "same",
    "shall",
    "she",
    "should",
    "shouldn't",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "unless",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "wasn't",
    "we",
    "were",
    "weren't",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "wouldn't",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Common English function words (folded: lowercase, ASCII apostrophe), for weighting and
/// snippets. Expects `fold`ed input; "The" is not a stopword, "the" is.
pub fn is_stopword(norm: &str) -> bool {
    STOPWORDS.binary_search(&norm).is_ok()
}

/// Every stopword with its stem, stemmed once.
pub(crate) fn stopword_stems() -> &'static [(&'static str, String)] {
    static STEMS: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    STEMS.get_or_init(|| STOPWORDS.iter().map(|w| (*w, super::stem(w))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_list_is_strictly_sorted_for_binary_search() {
        for pair in STOPWORDS.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{:?} must sort before {:?}",
                pair[0],
                pair[1]
            );
        }
    }

    #[test]
    fn stopwords_recognise_function_words_first_middle_last() {
        for w in [
            "a",
            "the",
            "of",
            "and",
            "doesn't",
            "yourselves",
            "us",
            "which",
        ] {
            assert!(is_stopword(w), "{w}");
        }
    }

    #[test]
    fn stopwords_reject_content_words_and_unfolded_input() {
        for w in [
            "prison", "kast", "bukele", "may", "said", "The", "", "zzz", "aa",
        ] {
            assert!(!is_stopword(w), "{w}");
        }
    }
}
