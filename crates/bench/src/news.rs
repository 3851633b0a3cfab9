//! The search corpus: news-like articles over a real English vocabulary drawn with Zipf's law,
//! with recurring people, places, organisations and outlets, topics that make words co-occur,
//! common collocations ("human rights") so phrase queries have something to find, and numbers.
//!
//! The text is not grammatical, but what search cost depends on is: how many distinct words there
//! are, how long posting lists get for common and rare words, how many words share a prefix, and
//! how often capitalised names recur.

use crate::rng::{Rng, Zipf};
use parallax_core::corpus::{Article, PartialDate};

/// A recurring person: introduced by role and full name, then by surname.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub full: String,
    pub surname: String,
    pub role: &'static str,
}

/// The recurring names of a corpus, most mentioned first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    pub people: Vec<Person>,
    pub places: Vec<String>,
    pub organisations: Vec<String>,
    pub outlets: Vec<String>,
}

/// A generated corpus and the names it was written with.
#[derive(Clone, Debug)]
pub struct News {
    pub articles: Vec<Article>,
    pub names: Names,
}

/// Two- and three-word expressions news text repeats; some queries search them as phrases.
pub const COLLOCATIONS: &[&str] = &[
    "human rights",
    "prime minister",
    "climate change",
    "security forces",
    "interest rates",
    "oil prices",
    "court ruling",
    "border wall",
    "trade agreement",
    "budget deficit",
    "water supply",
    "supreme court",
    "central bank",
    "health care",
    "public safety",
    "foreign minister",
    "state of emergency",
    "labour union",
    "mega prison",
    "police said",
    "hospital workers",
    "university students",
    "election results",
    "press conference",
];

const ROLES: &[&str] = &[
    "President",
    "Minister",
    "Mayor",
    "Senator",
    "Judge",
    "Governor",
    "Dr.",
    "General",
    "Prosecutor",
    "spokesperson",
    "activist",
    "economist",
    "director",
];

const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br",
    "ch", "cr", "dr", "gr", "kr", "pr", "st", "tr", "sh", "ll", "", "", "",
];
const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "ai", "ei", "ou", "ia", "é", "á", "ó", "ü",
];
const CODAS: &[&str] = &[
    "", "", "", "n", "r", "s", "l", "k", "m", "nd", "st", "z", "t", "ll",
];

const ORG_KINDS: &[&str] = &[
    "Electoral Council",
    "Water Authority",
    "Workers Union",
    "Football Club",
    "Chamber of Commerce",
    "Supreme Court",
    "National Party",
    "Liberal Alliance",
    "Teachers Federation",
    "Medical Association",
    "Port Authority",
    "Development Bank",
    "University",
    "Police",
    "Institute",
];

const PAPERS: &[&str] = &[
    "Times",
    "Herald",
    "Post",
    "Tribune",
    "Courier",
    "Gazette",
    "Observer",
    "Chronicle",
    "Journal",
    "Ledger",
    "Monitor",
    "Daily News",
    "Sentinel",
    "Star",
    "Examiner",
];

/// A capitalised made-up name of `syllables` syllables, now and then with a diacritic, so that
/// folding ("José" found by "jose") is exercised as in real news.
pub(crate) fn name_word(rng: &mut Rng, syllables: usize) -> String {
    let mut s = String::new();
    for _ in 0..syllables {
        s.push_str(rng.pick::<&str>(ONSETS));
        s.push_str(rng.pick::<&str>(VOWELS));
        s.push_str(rng.pick::<&str>(CODAS));
    }
    if s.chars().count() < 3 {
        s.push_str("ra");
    }
    capitalise(&s)
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn names(rng: &mut Rng, vocab: &[String]) -> Names {
    let given: Vec<String> = (0..800)
        .map(|_| {
            let n = rng.range(2, 3);
            name_word(rng, n)
        })
        .collect();
    let mut people = vec![
        Person {
            full: "José Antonio Kast".into(),
            surname: "Kast".into(),
            role: "President",
        },
        Person {
            full: "Nayib Bukele".into(),
            surname: "Bukele".into(),
            role: "President",
        },
    ];
    while people.len() < 3000 {
        let n = rng.range(2, 3);
        let surname = name_word(rng, n);
        let mut full = rng.pick(&given).clone();
        if rng.chance(0.15) {
            full.push(' ');
            full.push_str(rng.pick(&given).as_str());
        }
        full.push(' ');
        full.push_str(&surname);
        let role = *rng.pick(ROLES);
        people.push(Person {
            full,
            surname,
            role,
        });
    }
    let mut places: Vec<String> = vec!["El Salvador".into(), "Chile".into(), "Santiago".into()];
    while places.len() < 1500 {
        let n = rng.range(2, 3);
        let base = name_word(rng, n);
        places.push(match rng.below(20) {
            0 => format!("San {base}"),
            1 => format!("Puerto {base}"),
            2 => format!("New {base}"),
            _ => base,
        });
    }
    let mut organisations: Vec<String> = vec!["CECOT".into()];
    while organisations.len() < 600 {
        organisations.push(match rng.below(5) {
            0 => (0..rng.range(3, 5))
                .map(|_| char::from(b'A' + rng.below(26) as u8))
                .collect(),
            1 => format!(
                "Ministry of {}",
                capitalise(&vocab[rng.range(100, 3000.min(vocab.len() - 1))])
            ),
            _ => format!("{} {}", rng.pick(&places), rng.pick(ORG_KINDS)),
        });
    }
    let outlets = (0..60)
        .map(|i| {
            let place = &places[rng.below(200)];
            let paper = rng.pick(PAPERS);
            if i % 3 == 0 {
                format!("{place} {paper}")
            } else {
                format!("The {place} {paper}")
            }
        })
        .collect();
    Names {
        people,
        places,
        organisations,
        outlets,
    }
}

/// Samplers shared by every article.
struct Writer<'a> {
    vocab: &'a [String],
    words: Zipf,
    content: Zipf,
    topics: Vec<Vec<usize>>,
    topic_pick: Zipf,
    names: Names,
    people: Zipf,
    places: Zipf,
    orgs: Zipf,
    outlets: Zipf,
}

/// Words ranked below this are function words, never topic or title words.
const FUNCTION_WORDS: usize = 120;

/// One article's cast and topic, and which people were already introduced.
struct Cast {
    topic: usize,
    people: Vec<usize>,
    introduced: Vec<bool>,
    places: Vec<usize>,
    orgs: Vec<usize>,
}

impl Writer<'_> {
    fn general(&self, rng: &mut Rng) -> &str {
        &self.vocab[self.words.sample(rng)]
    }

    fn topical(&self, rng: &mut Rng, cast: &Cast) -> &str {
        &self.vocab[*rng.pick(&self.topics[cast.topic])]
    }

    fn number(rng: &mut Rng) -> String {
        match rng.below(5) {
            0 => rng.range(1990, 2025).to_string(),
            1 => {
                let n = rng.range(1000, 99_999);
                format!("{},{:03}", n / 1000, n % 1000)
            }
            2 => format!("{}.{}%", rng.range(1, 60), rng.below(10)),
            3 => format!("${}.{} million", rng.range(1, 900), rng.below(10)),
            _ => rng.range(2, 999).to_string(),
        }
    }

    fn entity(&self, rng: &mut Rng, cast: &mut Cast) -> String {
        match rng.below(10) {
            0..=4 => {
                let i = rng.below(cast.people.len());
                let p = &self.names.people[cast.people[i]];
                if !cast.introduced[i] {
                    cast.introduced[i] = true;
                    format!("{} {}", p.role, p.full)
                } else if rng.chance(0.15) {
                    format!("{}’s", p.surname)
                } else {
                    p.surname.clone()
                }
            }
            5..=7 => self.names.places[*rng.pick(&cast.places)].clone(),
            _ if !cast.orgs.is_empty() => {
                format!("the {}", self.names.organisations[*rng.pick(&cast.orgs)])
            }
            _ => self.names.places[*rng.pick(&cast.places)].clone(),
        }
    }

    /// A sentence of about `len` words; returns it and its word count.
    fn sentence(&self, rng: &mut Rng, cast: &mut Cast) -> (String, usize) {
        let len = rng.range(6, 28);
        let mut parts: Vec<String> = Vec::with_capacity(len);
        let mut count = 0;
        while count < len {
            let u = rng.unit();
            let part = if u < 0.62 {
                self.general(rng).to_string()
            } else if u < 0.80 {
                self.topical(rng, cast).to_string()
            } else if u < 0.805 {
                // About one article in ten uses a given collocation.
                rng.pick(COLLOCATIONS).to_string()
            } else if u < 0.865 {
                self.entity(rng, cast)
            } else if u < 0.885 {
                Self::number(rng)
            } else {
                self.general(rng).to_string()
            };
            count += part.split_whitespace().count();
            parts.push(part);
        }
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(p);
            if i + 1 < parts.len() && rng.chance(0.07) {
                s.push(',');
            }
        }
        let s = capitalise(&s);
        let s = if rng.chance(0.08) {
            let p = &self.names.people[*rng.pick(&cast.people)];
            format!("“{s},” {} said.", p.surname)
        } else if rng.chance(0.05) {
            format!("{s}?")
        } else {
            format!("{s}.")
        };
        (s, count)
    }

    fn title(&self, rng: &mut Rng, cast: &mut Cast) -> String {
        let len = rng.range(5, 10);
        let mut words: Vec<String> = Vec::with_capacity(len);
        for _ in 0..len {
            let w = match rng.below(20) {
                0..=9 => self.topical(rng, cast).to_string(),
                10..=16 => {
                    let r = FUNCTION_WORDS + self.content.sample(rng);
                    self.vocab[r].clone()
                }
                _ => self.entity(rng, cast),
            };
            // Topic words repeat often; a headline says each once.
            if !words.contains(&w) {
                words.push(w);
            }
        }
        // Titles name people by surname alone, so the body still introduces them fully.
        cast.introduced.iter_mut().for_each(|i| *i = false);
        capitalise(&words.join(" "))
    }

    fn article(&self, rng: &mut Rng, no: usize) -> Article {
        let n_people = rng.range(1, 3);
        let n_places = rng.range(1, 2);
        let n_orgs = rng.range(0, 2);
        let mut cast = Cast {
            topic: self.topic_pick.sample(rng),
            people: (0..n_people).map(|_| self.people.sample(rng)).collect(),
            introduced: vec![false; n_people],
            places: (0..n_places).map(|_| self.places.sample(rng)).collect(),
            orgs: (0..n_orgs).map(|_| self.orgs.sample(rng)).collect(),
        };
        let title = self.title(rng, &mut cast);
        let target = rng.range(300, 800);
        let mut words = 0;
        let mut paragraphs = Vec::new();
        while words < target {
            let mut para = String::new();
            for _ in 0..rng.range(1, 4) {
                let (s, n) = self.sentence(rng, &mut cast);
                if !para.is_empty() {
                    para.push(' ');
                }
                para.push_str(&s);
                words += n;
            }
            paragraphs.push(para);
        }
        let id = format!("n{no:05}");
        Article {
            source_file: format!("{id}.txt"),
            id,
            title,
            outlet: Some(self.names.outlets[self.outlets.sample(rng)].clone()),
            published: Some(PartialDate {
                year: rng.range(2015, 2025) as u16,
                month: Some(rng.range(1, 12) as u8),
                day: Some(rng.range(1, 28) as u8),
            }),
            dateline: None,
            author: None,
            url: None,
            language: "en".into(),
            paragraphs,
            removed: Vec::new(),
            word_count: words,
        }
    }
}

/// `count` articles of 300–800 words written from `vocab` (most frequent word first, see
/// [`crate::words::vocabulary`]); the same `seed` gives the same corpus.
pub fn generate(vocab: &[String], count: usize, seed: u64) -> News {
    assert!(vocab.len() > 4 * FUNCTION_WORDS, "vocabulary too small");
    let mut rng = Rng::new(seed);
    let names = names(&mut rng, vocab);
    let content = Zipf::new(vocab.len() - FUNCTION_WORDS, 1.0);
    let topics = (0..500)
        .map(|_| {
            (0..12)
                .map(|_| FUNCTION_WORDS + content.sample(&mut rng))
                .collect()
        })
        .collect();
    let writer = Writer {
        vocab,
        words: Zipf::new(vocab.len(), 1.0),
        content,
        topics,
        topic_pick: Zipf::new(500, 0.7),
        people: Zipf::new(names.people.len(), 1.0),
        places: Zipf::new(names.places.len(), 1.0),
        orgs: Zipf::new(names.organisations.len(), 1.0),
        outlets: Zipf::new(names.outlets.len(), 0.8),
        names,
    };
    let articles = (0..count).map(|i| writer.article(&mut rng, i)).collect();
    News {
        articles,
        names: writer.names,
    }
}

/// Distinct words of a text, as lowercase letter runs: the measure of vocabulary size quoted for
/// the corpus.
pub fn distinct_words<'a>(texts: impl Iterator<Item = &'a str>) -> usize {
    let mut seen = std::collections::HashSet::new();
    for t in texts {
        for w in t
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            if !seen.contains(w) {
                seen.insert(w.to_lowercase());
            }
        }
    }
    seen.len()
}

/// Bytes of text a reader could search: titles and paragraphs (paragraphs joined by one newline).
pub fn raw_text_bytes(articles: &[Article]) -> usize {
    articles
        .iter()
        .map(|a| a.title.len() + a.paragraphs.iter().map(|p| p.len() + 1).sum::<usize>())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy_vocab() -> Vec<String> {
        (0..2000).map(|i| format!("w{i}x")).collect()
    }

    #[test]
    fn generate_is_reproducible_and_seed_dependent() {
        let v = toy_vocab();
        let a = generate(&v, 5, 42);
        let b = generate(&v, 5, 42);
        let c = generate(&v, 5, 43);
        assert_eq!(a.articles, b.articles);
        assert_ne!(a.articles[0].paragraphs, c.articles[0].paragraphs);
    }

    #[test]
    fn articles_have_titles_outlets_and_300_to_900_words() {
        let v = toy_vocab();
        for a in generate(&v, 20, 1).articles {
            assert!(!a.title.is_empty());
            assert!(a.outlet.is_some());
            let words: usize = a
                .paragraphs
                .iter()
                .map(|p| p.split_whitespace().count())
                .sum();
            // The sentence that crosses the target may add up to 28 words plus names.
            assert!((300..900).contains(&words), "{words}");
        }
    }

    #[test]
    fn frequent_names_recur_across_articles() {
        let v = toy_vocab();
        let news = generate(&v, 200, 3);
        let top = &news.names.people[0].surname;
        let with_top = news
            .articles
            .iter()
            .filter(|a| a.paragraphs.iter().any(|p| p.contains(top.as_str())))
            .count();
        assert!(with_top > 10, "{top} in {with_top} articles");
    }

    #[test]
    fn distinct_words_folds_case_and_ignores_digits() {
        assert_eq!(distinct_words(["The cat, the CAT 12 dogs"].into_iter()), 3);
    }
}
