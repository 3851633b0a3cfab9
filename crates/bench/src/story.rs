//! The comparison workload: two long reports of the same story, as two outlets would write it.
//!
//! A story is a list of facts. A third are typical news sentences from families with slots
//! (people, places, organisations, numbers, noun phrases from the vocabulary); the rest are free
//! sentences drawn from the vocabulary with Zipf's law and the story's cast, so that the two texts
//! are as varied as real prose and alignment cannot pair sentences by their skeleton. Article B
//! tells the same facts as article A, but paraphrased (another sentence of the family, synonyms,
//! clauses swapped, a word dropped), partly reordered, with some numbers changed, some facts left
//! out on either side, and sentences of its own.

use crate::news::{capitalise, name_word};
use crate::rng::{Rng, Zipf};
use parallax_core::corpus::{Article, PartialDate};

/// Sentence families: the variants of one family say the same thing.
const FAMILIES: &[&[&str]] = &[
    &[
        "{P} said on {D} that the {X} would affect about {N} {Y} in {L}.",
        "The {X} will affect roughly {N} {Y} in {L}, {P} told reporters on {D}.",
        "According to {P}, some {N} {Y} in {L} would be affected by the {X}.",
    ],
    &[
        "Officials from the {O} confirmed that {N} people had been {VPP} since {D}.",
        "Since {D}, {N} people have been {VPP}, the {O} confirmed.",
    ],
    &[
        "The {X} is expected to cost {M}, according to a report by the {O}.",
        "A report by the {O} put the cost of the {X} at {M}.",
        "The {O} estimated in a report that the {X} would cost {M}.",
    ],
    &[
        "Critics argue that the {X} ignores the concerns of {Y} in {L}.",
        "In {L}, critics say the {X} fails to address what {Y} are worried about.",
    ],
    &[
        "“We will not accept any {X} that puts {Y} at risk,” {P} said.",
        "{P} said the government would not accept a {X} that put {Y} at risk.",
    ],
    &[
        "Turnout in {L} rose to {PCT}, up from the previous {X}.",
        "In {L}, turnout climbed to {PCT} compared with the last {X}.",
    ],
    &[
        "{P}, who has led the {O} since {YEAR}, defended the {X} in a statement.",
        "In a statement, the head of the {O}, {P}, defended the {X}.",
    ],
    &[
        "At least {N} {Y} gathered outside the {O} on {D} to protest against the {X}.",
        "On {D}, more than {N} {Y} protested against the {X} outside the {O}.",
    ],
    &[
        "The {O} has not responded to requests for comment about the {X}.",
        "A request for comment about the {X} sent to the {O} went unanswered.",
    ],
    &[
        "Under the plan, the {X} would be {VPP} within {SMALL} years and {Y} would receive {M}.",
        "The plan foresees that the {X} is {VPP} within {SMALL} years, with {M} for {Y}.",
    ],
    &[
        "{P} travelled to {L} on {D} to meet {P2} and discuss the {X}.",
        "On {D}, {P} went to {L} for talks with {P2} about the {X}.",
    ],
    &[
        "Human rights groups have documented {N} cases of {X} in {L} since {YEAR}.",
        "Since {YEAR}, rights organisations have recorded {N} cases of {X} in {L}.",
    ],
    &[
        "The {X} was approved by {N} votes to {N2} in the assembly.",
        "Lawmakers approved the {X} by a vote of {N} to {N2}.",
    ],
    &[
        "Analysts warned that the {X} could reduce {Y} by as much as {PCT}.",
        "The {X} might cut {Y} by up to {PCT}, analysts warned.",
    ],
    &[
        "{Y} in {L} have long complained about {X} and the lack of {Z}.",
        "For years, {Y} in {L} have complained about the lack of {Z} and about {X}.",
    ],
    &[
        "{P} described the {X} as “a {ADJ} step” for {L}.",
        "For {L}, the {X} is “a {ADJ} step”, according to {P}.",
    ],
];

const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const PARTICIPLES: &[&str] = &[
    "detained",
    "released",
    "relocated",
    "evacuated",
    "questioned",
    "hired",
    "deported",
    "transferred",
    "registered",
    "vaccinated",
];
const ADJECTIVES: &[&str] = &[
    "historic",
    "dangerous",
    "necessary",
    "reckless",
    "modest",
    "bold",
    "disappointing",
    "decisive",
];
const ROLES: &[&str] = &[
    "President",
    "Minister",
    "Mayor",
    "Senator",
    "Governor",
    "Judge",
];
/// Word swaps an editor makes when rewriting a wire story.
const SYNONYMS: &[(&str, &str)] = &[
    ("said", "stated"),
    ("told", "informed"),
    ("about", "around"),
    ("people", "residents"),
    ("warned", "cautioned"),
    ("report", "study"),
    ("government", "administration"),
    ("approved", "passed"),
    ("confirmed", "acknowledged"),
    ("critics", "opponents"),
];

/// A piece of a free sentence.
#[derive(Clone, Debug)]
enum Piece {
    Word(String),
    Person(usize),
    Name(String),
    Number(String),
}

/// What a fact says, before either article words it.
#[derive(Clone, Debug)]
enum Content {
    Template {
        family: usize,
        variant_a: usize,
        variant_b: usize,
        slots: Vec<(&'static str, String)>,
        /// B's value for a numeric slot, when B reports a different number.
        changed: Option<(&'static str, String)>,
    },
    Free {
        pieces: Vec<Piece>,
        /// Where the sentence has a comma, if it has one.
        comma: Option<usize>,
        /// B's value for a number piece, when B reports a different number.
        changed: Option<(usize, String)>,
        /// A piece B leaves out.
        dropped: Option<usize>,
        /// B puts the part after the comma first.
        swapped: bool,
    },
}

/// One fact, and which articles tell it.
#[derive(Clone, Debug)]
struct Fact {
    content: Content,
    in_a: bool,
    in_b: bool,
}

struct Cast {
    people: Vec<(String, String, &'static str)>,
    places: Vec<String>,
    orgs: Vec<String>,
}

struct StoryWriter<'a> {
    vocab: &'a [String],
    words: Zipf,
    content: Zipf,
    cast: Cast,
}

/// Words ranked below this are function words, kept out of noun phrases.
const FUNCTION_WORDS: usize = 120;

fn count(rng: &mut Rng) -> usize {
    match rng.below(3) {
        0 => rng.range(2, 99),
        1 => rng.range(100, 999),
        _ => rng.range(1000, 20_000),
    }
}

fn format_count(n: usize) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

impl StoryWriter<'_> {
    fn word(&self, rng: &mut Rng) -> &str {
        &self.vocab[FUNCTION_WORDS + self.content.sample(rng)]
    }

    fn phrase(&self, rng: &mut Rng) -> String {
        if rng.chance(0.5) {
            format!("{} {}", self.word(rng), self.word(rng))
        } else {
            self.word(rng).to_string()
        }
    }

    fn slot(&self, rng: &mut Rng, key: &'static str) -> String {
        match key {
            "P" | "P2" => rng.below(self.cast.people.len()).to_string(),
            "D" => rng.pick(DAYS).to_string(),
            "X" | "Y" | "Z" => self.phrase(rng),
            "L" => rng.pick(&self.cast.places).clone(),
            "O" => rng.pick(&self.cast.orgs).clone(),
            "N" | "N2" => format_count(count(rng)),
            "M" => format!("${}.{} million", rng.range(1, 900), rng.below(10)),
            "PCT" => format!("{}.{}%", rng.range(1, 80), rng.below(10)),
            "YEAR" => rng.range(1995, 2023).to_string(),
            "SMALL" => rng.range(2, 9).to_string(),
            "VPP" => rng.pick(PARTICIPLES).to_string(),
            "ADJ" => rng.pick(ADJECTIVES).to_string(),
            _ => unreachable!("unknown slot {key}"),
        }
    }

    fn template(&self, rng: &mut Rng) -> Content {
        let family = rng.below(FAMILIES.len());
        let variants = FAMILIES[family].len();
        let variant_a = rng.below(variants);
        let variant_b = if rng.chance(0.55) {
            (variant_a + 1 + rng.below(variants - 1)) % variants
        } else {
            variant_a
        };
        let mut slots = Vec::new();
        for key in slot_keys(FAMILIES[family][0]) {
            let value = self.slot(rng, key);
            slots.push((key, value));
        }
        let numeric: Vec<&'static str> = slots
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| matches!(*k, "N" | "N2" | "M" | "PCT"))
            .collect();
        let changed = if !numeric.is_empty() && rng.chance(0.12) {
            let key = *rng.pick(&numeric);
            Some((key, self.slot(rng, key)))
        } else {
            None
        };
        Content::Template {
            family,
            variant_a,
            variant_b,
            slots,
            changed,
        }
    }

    fn free(&self, rng: &mut Rng) -> Content {
        let len = rng.range(10, 28);
        let pieces: Vec<Piece> = (0..len)
            .map(|_| match rng.below(100) {
                0..=54 => Piece::Word(self.vocab[self.words.sample(rng)].clone()),
                55..=84 => Piece::Word(self.word(rng).to_string()),
                85..=90 => Piece::Person(rng.below(self.cast.people.len())),
                91..=94 => Piece::Name(if rng.chance(0.6) {
                    rng.pick(&self.cast.places).clone()
                } else {
                    format!("the {}", rng.pick(&self.cast.orgs))
                }),
                _ => {
                    let key = if rng.chance(0.7) { "N" } else { "PCT" };
                    Piece::Number(self.slot(rng, key))
                }
            })
            .collect();
        let comma = rng.chance(0.5).then(|| rng.range(len / 3, 2 * len / 3));
        let numbers: Vec<usize> = (0..len)
            .filter(|&i| matches!(pieces[i], Piece::Number(_)))
            .collect();
        let changed = (!numbers.is_empty() && rng.chance(0.3)).then(|| {
            let i = *rng.pick(&numbers);
            (i, format_count(count(rng)))
        });
        let dropped = rng.chance(0.3).then(|| rng.below(len));
        let swapped = comma.is_some() && rng.chance(0.3);
        Content::Free {
            pieces,
            comma,
            changed,
            dropped,
            swapped,
        }
    }

    fn fact(&self, rng: &mut Rng) -> Fact {
        let content = if rng.chance(0.35) {
            self.template(rng)
        } else {
            self.free(rng)
        };
        let in_a = !rng.chance(0.10);
        let in_b = !in_a || !rng.chance(0.12);
        Fact {
            content,
            in_a,
            in_b,
        }
    }
}

/// The slot names of a template, in order.
fn slot_keys(template: &str) -> Vec<&'static str> {
    const KEYS: &[&str] = &[
        "P", "P2", "D", "X", "Y", "Z", "L", "O", "N", "N2", "M", "PCT", "YEAR", "SMALL", "VPP",
        "ADJ",
    ];
    template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split('}').next())
        .filter_map(|k| KEYS.iter().find(|&&key| key == k).copied())
        .collect()
}

/// Words one article's facts: people introduced by role and full name once, then by surname.
struct Renderer<'a> {
    cast: &'a Cast,
    introduced: Vec<bool>,
}

impl Renderer<'_> {
    fn person(&mut self, i: usize) -> String {
        let (full, surname, role) = &self.cast.people[i];
        if std::mem::replace(&mut self.introduced[i], true) {
            surname.clone()
        } else {
            format!("{role} {full}")
        }
    }

    fn template(&mut self, template: &str, value: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("closed slot");
            let key = &rest[open + 1..close];
            let v = value(key);
            if key == "P" || key == "P2" {
                let p = self.person(v.parse().expect("person index"));
                out.push_str(&p);
            } else {
                out.push_str(&v);
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        capitalise(&out)
    }

    fn words(&mut self, pieces: &[(usize, &Piece)], changed: Option<&(usize, String)>) -> String {
        let words: Vec<String> = pieces
            .iter()
            .map(|&(i, p)| match p {
                Piece::Word(w) | Piece::Name(w) => w.clone(),
                Piece::Person(n) => self.person(*n),
                Piece::Number(v) => match changed {
                    Some((at, other)) if *at == i => other.clone(),
                    _ => v.clone(),
                },
            })
            .collect();
        words.join(" ")
    }

    /// The fact as article A (`b == false`) or B tells it.
    fn fact(&mut self, fact: &Fact, b: bool) -> String {
        match &fact.content {
            Content::Template {
                family,
                variant_a,
                variant_b,
                slots,
                changed,
            } => {
                let variant = if b { *variant_b } else { *variant_a };
                self.template(FAMILIES[*family][variant], |k| match changed {
                    Some((key, v)) if b && *key == k => v.clone(),
                    _ => slots.iter().find(|(s, _)| *s == k).expect("slot").1.clone(),
                })
            }
            Content::Free {
                pieces,
                comma,
                changed,
                dropped,
                swapped,
            } => {
                let kept: Vec<(usize, &Piece)> = pieces
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !b || Some(*i) != *dropped)
                    .collect();
                let changed = changed.as_ref().filter(|_| b);
                let text = match comma {
                    Some(c) => {
                        let cut = kept.iter().position(|(i, _)| i >= c).unwrap_or(kept.len());
                        let (first, second) = kept.split_at(cut);
                        let (first, second) = if b && *swapped {
                            (second, first)
                        } else {
                            (first, second)
                        };
                        let first = self.words(first, changed);
                        let second = self.words(second, changed);
                        format!("{first}, {second}")
                    }
                    None => self.words(&kept, changed),
                };
                format!("{}.", capitalise(text.trim_matches([' ', ','])))
            }
        }
    }
}

fn swap_synonyms(rng: &mut Rng, sentence: &str) -> String {
    sentence
        .split(' ')
        .map(|w| {
            let bare = w.trim_end_matches([',', '.']);
            match SYNONYMS.iter().find(|(a, _)| *a == bare) {
                Some((_, b)) if rng.chance(0.5) => format!("{b}{}", &w[bare.len()..]),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(paragraphs: &[String]) -> usize {
    paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum()
}

/// Two reports of one story of at least `min_words` words each (whitespace-separated), from
/// `vocab` (most frequent first). The same `seed` gives the same pair.
pub fn story_pair(vocab: &[String], min_words: usize, seed: u64) -> (Article, Article) {
    assert!(vocab.len() > 4 * FUNCTION_WORDS, "vocabulary too small");
    let mut rng = Rng::new(seed);
    let given: Vec<String> = (0..40).map(|_| name_word(&mut rng, 2)).collect();
    let people = (0..10)
        .map(|_| {
            let surname = name_word(&mut rng, 3);
            let full = format!("{} {surname}", rng.pick(&given));
            (full, surname, *rng.pick(ROLES))
        })
        .collect();
    let places = (0..6).map(|_| name_word(&mut rng, 3)).collect::<Vec<_>>();
    let orgs = (0..6)
        .map(|i| match i % 3 {
            0 => format!("{} Electoral Council", places[i]),
            1 => format!("Ministry of {}", capitalise(&vocab[rng.range(200, 2000)])),
            _ => format!("{} Workers Union", rng.pick(&places)),
        })
        .collect();
    let writer = StoryWriter {
        vocab,
        words: Zipf::new(vocab.len(), 1.0),
        content: Zipf::new(vocab.len() - FUNCTION_WORDS, 1.0),
        cast: Cast {
            people,
            places,
            orgs,
        },
    };
    let cast = &writer.cast;
    let renderer = || Renderer {
        cast,
        introduced: vec![false; cast.people.len()],
    };

    // Paragraphs of facts, until A is long enough (its own sentences come on top).
    let mut paragraphs: Vec<Vec<Fact>> = Vec::new();
    let mut ra = renderer();
    let mut body_a: Vec<String> = Vec::new();
    while words(&body_a) < min_words {
        let para: Vec<Fact> = (0..rng.range(2, 5))
            .map(|_| writer.fact(&mut rng))
            .collect();
        let text: Vec<String> = para
            .iter()
            .filter(|f| f.in_a)
            .map(|f| ra.fact(f, false))
            .collect();
        if !text.is_empty() {
            body_a.push(text.join(" "));
        }
        paragraphs.push(para);
    }
    // B moves about a quarter of the paragraphs and swaps sentences inside some others.
    let mut order_b: Vec<usize> = (0..paragraphs.len()).collect();
    for _ in 0..paragraphs.len() / 8 {
        let (i, j) = (rng.below(order_b.len()), rng.below(order_b.len()));
        order_b.swap(i, j);
    }
    let mut rb = renderer();
    let mut body_b: Vec<String> = Vec::new();
    for &p in &order_b {
        let mut sentences: Vec<String> = paragraphs[p]
            .iter()
            .filter(|f| f.in_b)
            .map(|f| {
                let s = rb.fact(f, true);
                swap_synonyms(&mut rng, &s)
            })
            .collect();
        if sentences.len() > 1 && rng.chance(0.2) {
            sentences.swap(0, 1);
        }
        if !sentences.is_empty() {
            body_b.push(sentences.join(" "));
        }
    }
    // Each side adds reporting of its own, then B is topped up to length.
    for (body, r) in [(&mut body_a, &mut ra), (&mut body_b, &mut rb)] {
        for _ in 0..body.len() / 6 {
            let f = writer.fact(&mut rng);
            let s = r.fact(&f, false);
            let at = rng.below(body.len() + 1);
            body.insert(at, s);
        }
    }
    while words(&body_b) < min_words {
        let f = writer.fact(&mut rng);
        body_b.push(rb.fact(&f, true));
    }

    let place = &cast.places[0];
    let topic = writer.phrase(&mut rng);
    let article = |id: &str, title: String, outlet: String, paragraphs: Vec<String>| Article {
        id: id.into(),
        title,
        outlet: Some(outlet),
        published: Some(PartialDate {
            year: 2025,
            month: Some(12),
            day: Some(17),
        }),
        dateline: None,
        author: None,
        url: None,
        language: "en".into(),
        source_file: format!("{id}.txt"),
        word_count: words(&paragraphs),
        paragraphs,
        removed: Vec::new(),
    };
    (
        article(
            "story-a",
            capitalise(&format!("{place} {topic} plan draws protests")),
            format!("The {place} Times"),
            body_a,
        ),
        article(
            "story-b",
            capitalise(&format!("Protests as {place} pushes {topic} plan")),
            format!("{} Herald", cast.places[1]),
            body_b,
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy_vocab() -> Vec<String> {
        (0..3000).map(|i| format!("w{i}x")).collect()
    }

    #[test]
    fn story_pair_is_long_reproducible_and_not_identical() {
        let v = toy_vocab();
        let (a, b) = story_pair(&v, 5000, 9);
        assert!(
            a.word_count >= 5000 && a.word_count < 5600,
            "{}",
            a.word_count
        );
        assert!(
            b.word_count >= 5000 && b.word_count < 5600,
            "{}",
            b.word_count
        );
        assert_ne!(a.paragraphs, b.paragraphs);
        let (a2, _) = story_pair(&v, 5000, 9);
        assert_eq!(a.paragraphs, a2.paragraphs);
    }

    #[test]
    fn story_pair_shares_sentences_and_paraphrases_others() {
        let v = toy_vocab();
        let (a, b) = story_pair(&v, 2000, 4);
        let split = |x: &Article| -> Vec<String> {
            x.paragraphs
                .iter()
                .flat_map(|p| p.split_inclusive(['.', '?']).map(|s| s.trim().to_string()))
                .collect()
        };
        let (sa, sb) = (split(&a), split(&b));
        let same = sa.iter().filter(|s| sb.contains(s)).count();
        assert!(same > sa.len() / 5, "{same} of {}", sa.len());
        assert!(same < sa.len() * 4 / 5, "{same} of {}", sa.len());
    }

    #[test]
    fn slot_keys_reads_templates_in_order() {
        assert_eq!(slot_keys("{P} met {P2} in {L}."), vec!["P", "P2", "L"]);
    }
}
