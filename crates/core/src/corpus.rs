//! The corpus model: what an article is once cleaned, and the compact form the app embeds.

use serde::{Deserialize, Serialize};

/// A publication date only as precise as the source text supports.
///
/// A copyright line gives a year, a dateline may give a month and day; nothing is filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

/// Why the cleaner took a line out of an article's body, or HTML extraction a block out of a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RemovalReason {
    /// The title printed again as the first line of the body.
    RepeatedTitle,
    /// Site furniture: "Featured", "Source link", "Related Posts", ...
    Boilerplate,
    /// A pager or list counter such as "1 of 1,537".
    Counter,
    /// "Copyright © 2026 Outlet": its year and outlet are kept as metadata.
    Copyright,
    /// A page's menus, header, footer, breadcrumbs and skip links.
    Navigation,
    /// "Share on Facebook", "Tweet", "Email this" and their like.
    Sharing,
    /// Lists of links to other stories ("More from World", "Most read").
    RelatedLinks,
    /// Cookie and privacy-consent banners.
    CookieNotice,
    /// Newsletter sign-up and subscription boxes.
    Newsletter,
    /// Advertisement slots and their labels.
    Advertisement,
    /// Reader comments and their prompts.
    Comments,
    /// Captions and credits of photos and videos.
    Caption,
    /// The byline block ("By Jane Doe"): the name is kept as the article's author.
    Byline,
    /// Buttons, forms and other controls.
    Controls,
    /// Text the page itself hides (`hidden`, `aria-hidden`, `display: none`).
    Hidden,
    /// Visible text on the page around the article that fits none of the above.
    OutsideArticle,
}

impl RemovalReason {
    const ALL: [RemovalReason; 16] = [
        RemovalReason::RepeatedTitle,
        RemovalReason::Boilerplate,
        RemovalReason::Counter,
        RemovalReason::Copyright,
        RemovalReason::Navigation,
        RemovalReason::Sharing,
        RemovalReason::RelatedLinks,
        RemovalReason::CookieNotice,
        RemovalReason::Newsletter,
        RemovalReason::Advertisement,
        RemovalReason::Comments,
        RemovalReason::Caption,
        RemovalReason::Byline,
        RemovalReason::Controls,
        RemovalReason::Hidden,
        RemovalReason::OutsideArticle,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RemovalReason::RepeatedTitle => "repeated title",
            RemovalReason::Boilerplate => "site furniture",
            RemovalReason::Counter => "counter",
            RemovalReason::Copyright => "copyright line",
            RemovalReason::Navigation => "navigation",
            RemovalReason::Sharing => "share buttons",
            RemovalReason::RelatedLinks => "related links",
            RemovalReason::CookieNotice => "cookie notice",
            RemovalReason::Newsletter => "newsletter box",
            RemovalReason::Advertisement => "advertisement",
            RemovalReason::Comments => "comments",
            RemovalReason::Caption => "photo caption",
            RemovalReason::Byline => "byline",
            RemovalReason::Controls => "buttons and forms",
            RemovalReason::Hidden => "hidden on the page",
            RemovalReason::OutsideArticle => "outside the article",
        }
    }

    /// The reason a [`label`](Self::label) names.
    pub fn from_label(label: &str) -> Option<RemovalReason> {
        Self::ALL.into_iter().find(|r| r.label() == label)
    }
}

/// A line the cleaner removed, kept so that nothing disappears silently.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    /// 1-based line number in the source file.
    pub line: usize,
    pub text: String,
    pub reason: RemovalReason,
}

/// One cleaned article. Body text is `paragraphs`; the title is not repeated in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable, URL-safe identifier (a slug of the title, made unique within its corpus).
    pub id: String,
    pub title: String,
    /// `None` when the text does not say: the app shows "Unknown outlet", never a guess.
    pub outlet: Option<String>,
    pub published: Option<PartialDate>,
    /// Place line opening the body ("SAN SALVADOR"); the text keeps it too.
    pub dateline: Option<String>,
    /// Byline, when the source names the writer.
    #[serde(default)]
    pub author: Option<String>,
    /// Where the article was published, when the source says (a page's canonical link).
    #[serde(default)]
    pub url: Option<String>,
    /// ISO 639-1 code, or "und" when undetermined.
    pub language: String,
    pub source_file: String,
    pub paragraphs: Vec<String>,
    pub removed: Vec<RemovedLine>,
    pub word_count: usize,
}

impl Article {
    /// The first `max_chars` characters of the body, cut at a word boundary, for list previews.
    pub fn lede(&self, max_chars: usize) -> String {
        let body = self.paragraphs.first().map(String::as_str).unwrap_or("");
        if body.chars().count() <= max_chars {
            return body.to_string();
        }
        let cut = body
            .char_indices()
            .nth(max_chars)
            .map_or(body.len(), |(i, _)| i);
        let head = &body[..cut];
        let head = head.rfind(' ').map_or(head, |sp| &head[..sp]);
        format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
    }
}

/// Articles in a stable order (by source file name), with ids unique among them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
}

impl Corpus {
    /// Builds a corpus from cleaned articles, ordering them by source file and making ids unique
    /// by suffixing `-2`, `-3`, ... so links stay stable as long as the files keep their names.
    pub fn from_articles(mut articles: Vec<Article>) -> Corpus {
        articles.sort_by(|a, b| a.source_file.cmp(&b.source_file));
        let mut seen = std::collections::HashSet::new();
        for article in &mut articles {
            let base = article.id.clone();
            let mut n = 1;
            while !seen.insert(article.id.clone()) {
                n += 1;
                article.id = format!("{base}-{n}");
            }
        }
        Corpus { articles }
    }

    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}

/// A URL-safe slug of at most `max_words` words: folded to ASCII where the letter has an obvious
/// base ("José" -> "jose"), other characters dropped.
pub fn slug(text: &str, max_words: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        // Apostrophes join ("Chile's" -> "chiles") rather than split a word.
        if matches!(c, '\'' | '’') {
            continue;
        }
        match ascii_base(c) {
            Some(b) => current.push(b),
            None if !current.is_empty() => words.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words.truncate(max_words);
    let s = words.join("-");
    if s.is_empty() {
        "article".to_string()
    } else {
        s
    }
}

/// ASCII base letter of a Latin character, lowercased; `None` for separators.
fn ascii_base(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    let base = match lower {
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ if c.is_alphanumeric() => return None,
        _ => return None,
    };
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, source: &str) -> Article {
        Article {
            id: id.into(),
            title: "T".into(),
            outlet: None,
            published: None,
            dateline: None,
            author: None,
            url: None,
            language: "en".into(),
            source_file: source.into(),
            paragraphs: vec![],
            removed: vec![],
            word_count: 0,
        }
    }

    #[test]
    fn slug_is_url_safe_and_folds_accents() {
        assert_eq!(
            slug("Chile’s far-right president-elect visits El Salvador", 6),
            "chiles-far-right-president-elect-visits"
        );
        assert_eq!(slug("José Núñez: ¿qué?", 8), "jose-nunez-que");
        assert_eq!(slug("!!!", 8), "article");
    }

    #[test]
    fn corpus_orders_by_source_and_disambiguates_ids() {
        let corpus = Corpus::from_articles(vec![
            article("same", "b.txt"),
            article("same", "a.txt"),
            article("same", "c.txt"),
        ]);
        let ids: Vec<_> = corpus
            .articles
            .iter()
            .map(|a| (a.source_file.as_str(), a.id.as_str()))
            .collect();
        assert_eq!(
            ids,
            [("a.txt", "same"), ("b.txt", "same-2"), ("c.txt", "same-3")]
        );
    }

    #[test]
    fn lede_cuts_at_a_word_boundary() {
        let mut a = article("x", "x.txt");
        a.paragraphs = vec!["Kast visited the prison on Friday, ahead of a meeting.".into()];
        assert_eq!(a.lede(20), "Kast visited the…");
        assert_eq!(a.lede(200), a.paragraphs[0]);
    }

    #[test]
    fn every_removal_reason_is_found_by_its_own_label_only() {
        for reason in RemovalReason::ALL {
            assert_eq!(RemovalReason::from_label(reason.label()), Some(reason));
        }
        assert_eq!(RemovalReason::from_label("Navigation"), None);
        assert_eq!(RemovalReason::from_label(""), None);
    }

    #[test]
    fn partial_date_shows_only_known_precision() {
        let year = PartialDate {
            year: 2026,
            month: None,
            day: None,
        };
        assert_eq!(year.to_string(), "2026");
        let day = PartialDate {
            year: 2026,
            month: Some(1),
            day: Some(9),
        };
        assert_eq!(day.to_string(), "2026-01-09");
    }
}
