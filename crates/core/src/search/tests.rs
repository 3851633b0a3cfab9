//! Behaviour tests for search, on the seed articles and on written fixtures.

use super::*;

const SEED0: &str = include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt");
const SEED1: &str = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");

/// Owned document data; [`Corpus::docs`] lends it out as [`Doc`]s.
struct Owned {
    id: String,
    title: String,
    body: Vec<String>,
    fields: Vec<(&'static str, String)>,
}

struct Corpus {
    owned: Vec<Owned>,
}

impl Corpus {
    fn new() -> Self {
        Corpus { owned: Vec::new() }
    }

    fn with(mut self, id: &str, title: &str, body: &[&str]) -> Self {
        self.owned.push(Owned {
            id: id.into(),
            title: title.into(),
            body: body.iter().map(|s| s.to_string()).collect(),
            fields: Vec::new(),
        });
        self
    }

    /// A seed article: first line is the title, other non-empty lines are paragraphs.
    fn with_seed(self, id: &str, raw: &str) -> Self {
        let mut lines = raw.lines().map(str::trim).filter(|l| !l.is_empty());
        let title = lines.next().expect("seed has a title");
        let body: Vec<&str> = lines.collect();
        self.with(id, title, &body)
    }

    fn field(mut self, name: &'static str, value: &str) -> Self {
        self.owned
            .last_mut()
            .expect("a document")
            .fields
            .push((name, value.into()));
        self
    }

    fn docs(&self) -> Vec<Doc<'_>> {
        self.owned
            .iter()
            .map(|o| Doc {
                id: &o.id,
                title: &o.title,
                body: &o.body,
                fields: o.fields.clone(),
            })
            .collect()
    }

    fn index(&self) -> Index {
        let mut idx = Index::new();
        for d in &self.docs() {
            idx.add(d);
        }
        idx
    }
}

fn seeds() -> Corpus {
    Corpus::new()
        .with_seed("seed0", SEED0)
        .field("outlet", "Unknown Blog")
        .field("entity", "José Antonio Kast")
        .field("entity", "Nayib Bukele")
        .with_seed("seed1", SEED1)
        .field("outlet", "The Washington Times")
        .field("entity", "José Antonio Kast")
        .field("entity", "Rodrigo Chaves")
}

fn ids(c: &Corpus, q: &str) -> Vec<String> {
    let idx = c.index();
    let r = idx.query(q, &c.docs()[..], 100);
    assert_eq!(r.total, r.hits.len(), "limit 100 covers the fixtures");
    r.hits.into_iter().map(|h| h.id).collect()
}

fn marked<'t>(text: &'t str, marks: &[Mark]) -> Vec<&'t str> {
    marks.iter().map(|m| &text[m.range.clone()]).collect()
}

fn fixtures() -> Corpus {
    Corpus::new()
        .with(
            "kast",
            "Kast tours a prison",
            &["The president-elect toured the facility on Friday."],
        )
        .with(
            "bukele",
            "Bukele speaks",
            &["The president spoke about gangs and security."],
        )
        .with(
            "both",
            "A meeting",
            &[
                "Kast met Bukele at the palace.",
                "They discussed an iron will and a fist.",
            ],
        )
        .with(
            "jail",
            "Jail conditions",
            &["Inmates in the jail sleep on metal bunks."],
        )
}

#[test]
fn search_words_are_all_required() {
    let c = fixtures();
    assert_eq!(ids(&c, "kast bukele "), ["both"]);
    assert_eq!(ids(&c, "kast "), ["kast", "both"]);
    assert!(ids(&c, "kast jail ").is_empty());
}

#[test]
fn search_phrase_requires_adjacent_words() {
    let c = fixtures().with("fist", "Rule with an iron fist", &["Critics fear it."]);
    assert_eq!(
        ids(&c, "\"iron fist\""),
        ["fist"],
        "'iron will and a fist' is not the phrase"
    );
    assert_eq!(
        ids(&c, "iron fist "),
        ["fist", "both"],
        "as plain words both match"
    );
}

#[test]
fn search_phrase_stopwords_stand_for_one_word() {
    let c = seeds();
    assert_eq!(ids(&c, "\"prison in his own country\""), ["seed1"]);
    assert!(
        ids(&c, "\"prison his own country\"").is_empty(),
        "the skipped 'in' still takes a place"
    );
    assert!(ids(&c, "\"prison in in his own country\"").is_empty());
}

#[test]
fn search_last_word_is_a_prefix_while_typing() {
    let c = fixtures();
    assert_eq!(ids(&c, "kast pri"), ["kast"]);
    assert!(
        ids(&c, "kast pri ").is_empty(),
        "a finished word is not a prefix"
    );
    assert_eq!(ids(&c, "pris* "), ["kast"], "explicit star anywhere");
}

#[test]
fn search_exact_word_ranks_above_prefix_extension() {
    let c = Corpus::new()
        .with("ext", "Kastner", &["Kastner spoke."])
        .with("exact", "Kast", &["Kast spoke."]);
    assert_eq!(ids(&c, "kast"), ["exact", "ext"]);
}

#[test]
fn search_exclusion_removes_documents() {
    let c = fixtures();
    assert_eq!(ids(&c, "kast -bukele"), ["kast"]);
    let mut pres = ids(&c, "president -\"iron will\" ");
    pres.sort();
    assert_eq!(pres, ["bukele", "kast"]);
    let only = ids(&c, "-kast");
    assert_eq!(
        only,
        ["bukele", "jail"],
        "exclusions alone keep everything else"
    );
}

#[test]
fn search_or_accepts_either_word() {
    let c = fixtures();
    let mut got = ids(&c, "prison OR jail ");
    got.sort();
    assert_eq!(got, ["jail", "kast"]);
    assert_eq!(
        ids(&c, "inmates prison OR jail "),
        ["jail"],
        "OR binds tighter than AND"
    );
}

#[test]
fn search_outlet_and_entity_filters() {
    let c = seeds();
    assert_eq!(ids(&c, "outlet:\"Washington Times\" kast "), ["seed1"]);
    assert_eq!(ids(&c, "outlet:washington "), ["seed1"]);
    assert_eq!(
        ids(&c, "entity:bukele "),
        ["seed0"],
        "field values, not body text"
    );
    let mut jose = ids(&c, "entity:jose ");
    jose.sort();
    assert_eq!(jose, ["seed0", "seed1"], "José folded in field values too");
    assert_eq!(
        ids(&c, "entity:\"jose antonio kast\" -outlet:washington "),
        ["seed0"]
    );
    assert!(
        ids(&c, "entity:\"kast antonio\" ").is_empty(),
        "field phrases keep order"
    );
    assert!(
        ids(&c, "outlet:kast ").is_empty(),
        "a body word is not an outlet"
    );
}

#[test]
fn search_unknown_field_explains_itself() {
    let c = seeds();
    let idx = c.index();
    let r = idx.query("source:reuters ", &c.docs()[..], 10);
    assert_eq!(r.total, 0);
    assert!(
        r.hints
            .iter()
            .any(|h| h.contains("source:") && h.contains("outlet:")),
        "{:?}",
        r.hints
    );
}

#[test]
fn search_malformed_queries_get_best_reading_and_hint() {
    let c = fixtures().with("fist", "Rule with an iron fist", &["Critics fear it."]);
    let idx = c.index();
    let docs = c.docs();
    for (q, want) in [
        ("\"iron fist", "fist"),
        ("kast - ", "kast"),
        ("OR jail ", "jail"),
        ("outlet: jail", "jail"),
    ] {
        let r = idx.query(q, &docs[..], 10);
        assert!(!r.hints.is_empty(), "{q}: a hint");
        assert_eq!(r.hits.first().map(|h| h.id.as_str()), Some(want), "{q}");
    }
    let ok = idx.query("iron fist", &docs[..], 10);
    assert!(
        ok.hints.is_empty(),
        "well-formed queries get no hint: {:?}",
        ok.hints
    );
}

#[test]
fn search_folds_diacritics_both_ways() {
    let c = seeds().with("ascii", "Jose Kast", &["No accents here."]);
    let mut got = ids(&c, "jose ");
    got.sort();
    assert_eq!(got, ["ascii", "seed0", "seed1"]);
    assert_eq!(ids(&c, "José "), ids(&c, "jose "));
}

#[test]
fn search_stems_inflections() {
    let c = seeds();
    let mut got = ids(&c, "deport ");
    got.sort();
    assert_eq!(got, ["seed0", "seed1"], "both seeds say 'deported'");
    assert_eq!(ids(&c, "kill "), ["seed1"], "only seed1 says killed");
    let mut pris = ids(&c, "prisoners ");
    pris.sort();
    assert_eq!(
        pris,
        ["seed0", "seed1"],
        "prisoners shares its stem with prison"
    );
}

#[test]
fn search_possessives_match_plain_names() {
    let c = Corpus::new()
        .with("plain", "Bukele speaks", &["A speech."])
        .with("poss", "A speech", &["Bukele’s war on gangs."]);
    let mut a = ids(&c, "Bukele's ");
    a.sort();
    assert_eq!(a, ["plain", "poss"]);
    assert_eq!(ids(&c, "bukele "), ids(&c, "Bukele’s "));
}

#[test]
fn search_typo_finds_word_and_marks_approximate() {
    let c = seeds();
    let idx = c.index();
    let r = idx.query("Bukelle ", &c.docs()[..], 10);
    assert_eq!(r.total, 2);
    assert!(r.hits.iter().all(|h| h.approximate));
    for h in &r.hits {
        let snip = &h.snippet;
        assert!(!snip.marks.is_empty(), "{snip:?}");
        assert!(snip.marks.iter().all(|m| m.approximate));
    }
    let snip = &r.hits[1].snippet;
    assert!(
        marked(&snip.text, &snip.marks)
            .iter()
            .any(|m| m.starts_with("Bukele")),
        "{snip:?}"
    );
    assert_eq!(ids(&c, "salvdaor ").len(), 2, "a transposition is one edit");
}

#[test]
fn search_typo_tolerance_has_limits() {
    let c = seeds().with("cast", "The cast of the film", &["Actors crime-free."]);
    assert_eq!(
        ids(&c, "cast "),
        ["cast"],
        "4 letters: no edits, cast is not Kast"
    );
    assert!(!ids(&c, "kast ").contains(&"cast".to_string()));
    assert!(
        ids(&c, "person ").is_empty(),
        "prison is two edits from person"
    );
    assert!(
        ids(&c, "2021 ").is_empty(),
        "numbers are never corrected (2022 is in seed1)"
    );
    let c2 = Corpus::new()
        .with("crime", "Crime rises", &["Crime, crime and more crime."])
        .with("crimea", "Crimea", &["A peninsula."]);
    assert_eq!(
        ids(&c2, "crime "),
        ["crime"],
        "a common correct word does not reach rarer neighbours"
    );
    assert_eq!(ids(&c2, "\"crimea\""), ["crimea"]);
}

#[test]
fn search_broken_name_is_found_approximately_below_clean_match() {
    let title0 = SEED0.lines().next().expect("title");
    let c = Corpus::new()
        .with("broken", title0, &["A shift in security policy."])
        .with(
            "clean",
            "Security in the region",
            &["Bukele responded to critics of his security model."],
        );
    let idx = c.index();
    let docs = c.docs();
    let r = idx.query("bukele", &docs[..], 10);
    assert_eq!(
        r.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        ["clean", "broken"]
    );
    assert!(!r.hits[0].approximate);
    assert!(r.hits[1].approximate);
    let marks = &r.hits[1].title_marks;
    assert_eq!(marked(title0, marks), ["BUK ELE'S"]);
    assert!(marks[0].approximate);
    // The same name with the split nowhere in lowercase prose is not joined.
    let prose = Corpus::new().with("prose", "Notes", &["the buk ele was here"]);
    assert!(ids(&prose, "bukele ").is_empty());
}

#[test]
fn search_broken_name_is_found_in_the_seed_title() {
    let title0 = SEED0.lines().next().expect("title");
    let q = parse("bukele").query;
    let marks = highlight(&q, title0);
    assert_eq!(marked(title0, &marks), ["BUK ELE'S"]);
    assert!(marks.iter().all(|m| m.approximate));
    let phrase = highlight(&parse("\"bukele's iron fist\"").query, title0);
    assert_eq!(marked(title0, &phrase), ["BUK ELE'S IRON FIST"]);
}

#[test]
fn search_title_match_ranks_above_body_match() {
    let filler =
        "Officials met on Tuesday to discuss budgets, schools and roads in the capital city.";
    let c = Corpus::new()
        .with(
            "body",
            "Budget talks continue",
            &[filler, "One speaker mentioned the prison."],
        )
        .with(
            "title",
            "Prison budget talks continue",
            &[filler, "One speaker mentioned the roads."],
        );
    assert_eq!(ids(&c, "prison "), ["title", "body"]);
    let c2 = Corpus::new()
        .with(
            "once",
            "Budget talks",
            &[filler, "The prison came up once."],
        )
        .with(
            "thrice",
            "Budget talks",
            &[filler, "The prison, the prison guards, the prison budget."],
        );
    assert_eq!(ids(&c2, "prison "), ["thrice", "once"]);
}

#[test]
fn search_snippet_marks_exact_bytes_in_multibyte_text() {
    let long =
        "Años después, en la región de Valparaíso, los vecinos recordaban cómo el señor José \
                Antonio Kast había prometido mano dura contra el crimen organizado y más cárceles \
                para los detenidos, mientras la oposición criticaba la propuesta con dureza y \
                pedía más inversión social en las comunas más pobres del país.";
    let c = Corpus::new().with("es", "Crónica", &["Introducción breve.", long]);
    let idx = c.index();
    let r = idx.query("jose carceles", &c.docs()[..], 5);
    let s = &r.hits[0].snippet;
    assert_eq!(
        s.paragraph,
        Some(1),
        "the paragraph with the matches, not the lead"
    );
    assert_eq!(s.text, &long[s.range.clone()]);
    assert_eq!(marked(&s.text, &s.marks), ["José", "cárceles"]);
    assert!(s.cut_start || s.range.start == 0);
    assert!(
        s.text.len() < long.len(),
        "a passage, not the whole paragraph"
    );
}

#[test]
fn search_snippet_picks_passage_with_most_query_words() {
    let c = seeds();
    let idx = c.index();
    let r = idx.query("gang cellblocks", &c.docs()[..], 5);
    assert_eq!(r.hits[0].id, "seed1");
    let s = &r.hits[0].snippet;
    let words = marked(&s.text, &s.marks);
    assert!(words.iter().any(|w| w.starts_with("gang")), "{words:?}");
    assert!(
        words.iter().any(|w| w.starts_with("cellblock")),
        "{words:?}"
    );
}

#[test]
fn search_snippet_without_body_match_is_the_lead() {
    let c = fixtures();
    let idx = c.index();
    let r = idx.query("jail conditions", &c.docs()[..], 5);
    let s = &r.hits[0].snippet;
    assert_eq!(s.paragraph, Some(0));
    assert!(s.text.starts_with("Inmates"));
    assert_eq!(
        marked(&c.owned[3].title, &r.hits[0].title_marks),
        ["Jail", "conditions"]
    );
}

#[test]
fn search_bytes_round_trip_and_incremental_add_after_load() {
    let c = seeds();
    let idx = c.index();
    let bytes = idx.to_bytes();
    let loaded = Index::from_bytes(&bytes).expect("loads");
    assert_eq!(loaded, idx);
    assert_eq!(loaded.to_bytes(), bytes);
    let docs = c.docs();
    for q in [
        "kast",
        "\"iron fist\"",
        "bukelle",
        "outlet:washington",
        "deport -entity:chaves",
    ] {
        assert_eq!(
            loaded.query(q, &docs[..], 10),
            idx.query(q, &docs[..], 10),
            "{q}"
        );
    }
    let mut grown = loaded;
    let more = c.with(
        "new",
        "Kast returns to Chile",
        &["He spoke about prisons in Santiago."],
    );
    let more_docs = more.docs();
    assert_eq!(grown.add(&more_docs[2]), 2);
    let r = grown.query("kast prison ", &more_docs[..], 10);
    let mut got: Vec<&str> = r.hits.iter().map(|h| h.id.as_str()).collect();
    got.sort();
    assert_eq!(got, ["new", "seed0", "seed1"]);
    assert_eq!(
        grown,
        more.index(),
        "adding after loading equals building from scratch"
    );
}

#[test]
fn search_serde_uses_compact_bytes() {
    let idx = seeds().index();
    let pc = postcard::to_allocvec(&idx).expect("serialises");
    assert!(pc.len() <= idx.to_bytes().len() + 4);
    let back: Index = postcard::from_bytes(&pc).expect("deserialises");
    assert_eq!(back, idx);
}

#[test]
fn search_from_bytes_rejects_garbage_without_panicking() {
    let bytes = seeds().index().to_bytes();
    assert!(Index::from_bytes(b"nope").is_err());
    for cut in [5, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            Index::from_bytes(&bytes[..cut]).is_err(),
            "truncated at {cut}"
        );
    }
    let mut flipped = bytes.clone();
    for i in (4..flipped.len()).step_by(7) {
        flipped[i] ^= 0x5A;
    }
    if let Ok(idx) = Index::from_bytes(&flipped) {
        let c = seeds();
        let _ = idx.query("kast prison", &c.docs()[..], 10);
    }
}

#[test]
fn search_index_is_smaller_than_the_seed_text() {
    let c = seeds();
    let idx = c.index();
    let raw = SEED0.len() + SEED1.len();
    let size = idx.to_bytes().len();
    eprintln!(
        "index {size} bytes for {raw} bytes of text ({:.2}x)",
        size as f64 / raw as f64
    );
    assert!(size < raw, "index {size} >= text {raw}");
}

#[test]
fn search_highlight_multibyte_ranges() {
    let text = "“José” visitó la prisión — Bukele’s CECOT, ñandú.";
    let marks = highlight(&parse("jose prision bukele cecot").query, text);
    assert_eq!(
        marked(text, &marks),
        ["José", "prisión", "Bukele’s", "CECOT"]
    );
    assert!(marks.iter().all(|m| !m.approximate));
    for m in &marks {
        assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
    }
    assert!(
        highlight(&parse("-jose").query, text).is_empty(),
        "exclusions are not highlighted"
    );
}

#[test]
fn search_highlight_phrase_is_one_range_and_needs_order() {
    let text = "Nayib Bukele met José Antonio Kast.";
    let m = highlight(&parse("\"antonio kast\"").query, text);
    assert_eq!(marked(text, &m), ["Antonio Kast"]);
    assert!(highlight(&parse("\"kast antonio\"").query, text).is_empty());
}

#[test]
fn search_index_matcher_marks_what_search_matched() {
    let c = Corpus::new()
        .with("crime", "Crime rises", &["Crime and more crime."])
        .with("crimea", "Crimea", &["A peninsula."]);
    let idx = c.index();
    let q = parse("crime ").query;
    assert!(
        idx.matcher(&q).marks("Crimea").is_empty(),
        "the index said no typo expansion"
    );
    assert_eq!(
        highlight(&q, "Crimea").len(),
        1,
        "without an index, distance alone decides"
    );
}

#[test]
fn search_no_results_suggests_nearest_words() {
    let c = seeds();
    let idx = c.index();
    let r = idx.query("bukqlez ", &c.docs()[..], 10);
    assert_eq!(r.total, 0);
    let s = &r.suggestions[0];
    assert_eq!(s.word, "bukqlez");
    assert_eq!(s.alternatives.first().map(String::as_str), Some("bukele"));
    assert!(idx.suggest("zzzzqqq").is_empty());
    let unknown = idx.query("zzzzqqq ", &c.docs()[..], 10);
    assert!(unknown.suggestions.is_empty());
    assert!(unknown.hints[0].contains("zzzzqqq"), "{:?}", unknown.hints);
    let apart = idx.query("cellblocks amnesty ", &c.docs()[..], 10);
    assert_eq!(apart.total, 0, "each seed has one of the words");
    assert!(apart.suggestions.is_empty());
    assert!(apart.hints[0].contains("together"), "{:?}", apart.hints);
    assert!(
        !idx.suggest("vukele").contains(&"bukele".to_string()),
        "first letters are trusted"
    );
    assert_eq!(
        idx.suggest("buk").first().map(String::as_str),
        Some("bukele"),
        "completion"
    );
    assert!(!idx.suggest("prisn").contains(&"person".to_string()));
}

#[test]
fn search_stopword_only_query_returns_nothing_with_hint() {
    let c = seeds();
    let idx = c.index();
    let r = idx.query("the of ", &c.docs()[..], 10);
    assert_eq!(r.total, 0);
    assert!(!r.hints.is_empty());
}

#[test]
fn search_every_keystroke_is_answered() {
    let c = seeds();
    let idx = c.index();
    let docs = c.docs();
    let typed = "entity:\"José Antonio\" Bukele's -\"iron fist\" pris* OR cárcel";
    let mut last_total = None;
    for (i, _) in typed.char_indices().skip(1) {
        let r = idx.query(&typed[..i], &docs[..], 5);
        assert!(r.hits.len() <= 5);
        last_total = Some(r.total);
    }
    assert!(last_total.is_some_and(|t| t > 0));
}

#[test]
fn search_and_of_groups_is_the_intersection_with_summed_scores() {
    // Later groups are evaluated only over what earlier ones left (rank_plan): the answer must
    // be what evaluating every group over every document and intersecting would give.
    let c = seeds();
    let idx = c.index();
    let ranked = |q: &str| idx.rank(&parse(q).query);
    for (whole, parts) in [
        ("bukele prison", vec!["bukele", "prison"]),
        ("prison b", vec!["prison", "b"]),
        ("salvador costa ric", vec!["salvador", "costa", "ric"]),
        ("bukelle iron", vec!["bukelle", "iron"]),
        ("\"iron fist\" chile", vec!["\"iron fist\"", "chile"]),
        ("kast OR chaves deport", vec!["kast OR chaves", "deport"]),
        (
            "outlet:washington prison",
            vec!["outlet:washington", "prison"],
        ),
    ] {
        let got = ranked(whole);
        let lists: Vec<Vec<Ranked>> = parts.iter().map(|p| ranked(p)).collect();
        let mut want: Vec<(DocNo, f32, bool)> = lists[0]
            .iter()
            .filter_map(|r| {
                let mut score = r.score;
                let mut approximate = r.approximate;
                for other in &lists[1..] {
                    let o = other.iter().find(|o| o.doc == r.doc)?;
                    score += o.score;
                    approximate |= o.approximate;
                }
                Some((r.doc, score, approximate))
            })
            .collect();
        want.sort_by_key(|w| w.0);
        let mut got: Vec<(DocNo, f32, bool)> = got
            .iter()
            .map(|r| (r.doc, r.score, r.approximate))
            .collect();
        got.sort_by_key(|g| g.0);
        assert!(!got.is_empty(), "{whole} matches something");
        assert_eq!(got.len(), want.len(), "{whole}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!((g.0, g.2), (w.0, w.2), "{whole}");
            assert!((g.1 - w.1).abs() < 1e-4, "{whole}: {} vs {}", g.1, w.1);
        }
    }
}

#[test]
fn search_sees_a_word_added_after_the_same_query_ran() {
    // The index remembers recent plans (rank.rs, `Recent`); one made before a document arrived
    // would still say "zebra" is in no document.
    let c = fixtures();
    let mut idx = c.index();
    let ranked = |idx: &Index| idx.rank(&parse("zebra jail").query).len();
    assert_eq!(ranked(&idx), 0);
    idx.add(&Doc {
        id: "zoo",
        title: "A zebra in jail",
        body: &[],
        fields: vec![],
    });
    assert_eq!(ranked(&idx), 1);
}
