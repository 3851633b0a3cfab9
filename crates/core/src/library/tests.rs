use super::*;
use crate::clean::clean_article;

const SEED_000: &str = include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt");
const SEED_001: &str = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");

fn seeds() -> Library {
    Library::build(Corpus::from_articles(vec![
        clean_article("000_076469dcc618ac48.txt", SEED_000),
        clean_article("001_49638b6ecd2811bf.txt", SEED_001),
    ]))
}

fn fixture() -> Library {
    Library::build(Corpus::from_articles(vec![
        clean_article("a.txt", "Prison opens\n\nCopyright © 2024 Gazette\n\nThe prison opened in Chile, said President Maria Lopez."),
        clean_article("b.txt", "Storm report\n\nCopyright © 2025 Herald\n\nA storm hit Chile and Peru on Monday."),
        clean_article("c.txt", "Prison debate\n\nCopyright © 2025 Gazette\n\nLawmakers in Peru debated the prison plan."),
    ]))
}

/// The text of every segment of `article`'s body carrying `layer`.
fn layer_texts(article: &Article, h: &Highlighted, layer: Layer) -> Vec<String> {
    h.paragraphs
        .iter()
        .zip(&article.paragraphs)
        .flat_map(|(segs, p)| {
            segs.iter()
                .filter(|s| s.layers.contains(layer))
                .map(move |s| p[s.range.clone()].to_string())
        })
        .collect()
}

fn titles(lib: &Library, r: &Results) -> Vec<String> {
    r.hits
        .iter()
        .map(|h| lib.articles()[h.article].title.clone())
        .collect()
}

fn counts(r: &Results, facet: Facet) -> Vec<(String, usize, bool)> {
    let f = r
        .facets
        .iter()
        .find(|f| f.facet == facet)
        .expect("every facet is counted");
    f.values
        .iter()
        .map(|v| (v.value.to_string(), v.count, v.chosen))
        .collect()
}

#[test]
fn empty_query_browses_every_article_in_corpus_order() {
    let lib = fixture();
    let r = lib.search("", &Selection::default(), 10);
    assert!(r.browsing);
    assert_eq!(r.total, 3);
    assert_eq!(
        titles(&lib, &r),
        ["Prison opens", "Storm report", "Prison debate"]
    );
    assert!(r.hits.iter().all(|h| h.snippet.is_none()));
}

#[test]
fn a_query_of_only_exclusions_browses_the_rest() {
    let lib = fixture();
    let r = lib.search("-storm", &Selection::default(), 10);
    assert!(r.browsing);
    assert_eq!(titles(&lib, &r), ["Prison opens", "Prison debate"]);
    let r = lib.search("-storm -lawmakers", &Selection::default(), 10);
    assert_eq!(titles(&lib, &r), ["Prison opens"]);
}

#[test]
fn facets_alone_narrow_the_corpus() {
    let lib = fixture();
    let mut sel = Selection::default();
    sel.toggle(Facet::Outlet, "Gazette");
    let r = lib.search("", &sel, 10);
    assert_eq!(titles(&lib, &r), ["Prison opens", "Prison debate"]);
}

#[test]
fn choosing_a_value_keeps_its_siblings_counts() {
    // Regression guard for the faceting complaint in issue 3: counts must not drop to zero for the
    // other values of a facet once one is picked.
    let lib = fixture();
    let mut sel = Selection::default();
    sel.toggle(Facet::Outlet, "Gazette");
    let r = lib.search("", &sel, 10);
    assert_eq!(
        counts(&r, Facet::Outlet),
        [("Gazette".into(), 2, true), ("Herald".into(), 1, false)]
    );
    // Other facets count within the choice (AND across facets).
    assert_eq!(
        counts(&r, Facet::Year),
        [("2025".into(), 1, false), ("2024".into(), 1, false)]
    );
}

#[test]
fn values_within_a_facet_are_ored_and_facets_are_anded() {
    let lib = fixture();
    let mut sel = Selection::default();
    sel.toggle(Facet::Outlet, "Gazette");
    sel.toggle(Facet::Outlet, "Herald");
    assert_eq!(lib.search("", &sel, 10).total, 3);
    sel.toggle(Facet::Year, "2025");
    assert_eq!(
        titles(&lib, &lib.search("", &sel, 10)),
        ["Storm report", "Prison debate"]
    );
}

#[test]
fn a_chosen_value_is_listed_even_when_the_query_excludes_it() {
    let lib = fixture();
    let mut sel = Selection::default();
    sel.toggle(Facet::Outlet, "Herald");
    let r = lib.search("lawmakers", &sel, 10);
    assert_eq!(r.total, 0);
    assert!(counts(&r, Facet::Outlet).contains(&("Herald".into(), 0, true)));
    assert!(
        r.hints
            .iter()
            .any(|h| h.contains("1 articles match without the chosen filters")),
        "{:?}",
        r.hints
    );
}

#[test]
fn query_and_facets_combine() {
    let lib = fixture();
    let r = lib.search("prison", &Selection::default(), 10);
    assert!(!r.browsing);
    assert_eq!(r.total, 2);
    assert_eq!(counts(&r, Facet::Outlet), [("Gazette".into(), 2, false)]);
    let snippet = r.hits[0].snippet.as_ref().expect("a query gives snippets");
    assert!(snippet
        .marks
        .iter()
        .any(|m| snippet.text[m.range.clone()].eq_ignore_ascii_case("prison")));
}

#[test]
fn seed_facets_name_the_outlet_people_and_places() {
    let lib = seeds();
    let r = lib.search("", &Selection::default(), 10);
    assert_eq!(
        counts(&r, Facet::Outlet),
        [("The Washington Times".into(), 1, false)]
    );
    let people: Vec<String> = counts(&r, Facet::Person)
        .into_iter()
        .map(|(v, _, _)| v)
        .collect();
    assert!(people.iter().any(|p| p.ends_with("Kast")), "{people:?}");
    assert!(people.iter().any(|p| p.ends_with("Bukele")), "{people:?}");
    let places: Vec<(String, usize, bool)> = counts(&r, Facet::Place);
    assert!(places.contains(&("Chile".into(), 2, false)), "{places:?}");
    assert!(
        places.iter().any(|(p, n, _)| p == "Costa Rica" && *n == 1),
        "{places:?}"
    );
}

#[test]
fn broken_name_is_found_but_ranked_below_clean_matches() {
    let lib = seeds();
    let r = lib.search("Bukele", &Selection::default(), 10);
    assert_eq!(r.total, 2);
    // Both seeds name Bukele cleanly in the body, so neither is approximate overall; the broken
    // "BUK ELE'S" in a title is marked approximate where it is highlighted.
    let broken = lib
        .position("buk-eles-iron-fist-is-chile-next-to")
        .expect("seed id");
    let h = lib.highlight(&lib.articles()[broken], "Bukele", &[]);
    let title_hit = h
        .title
        .iter()
        .find(|s| s.layers.contains(Layer::Hit))
        .expect("the broken title is hit");
    assert!(title_hit.approximate);
    assert_eq!(
        &lib.articles()[broken].title[title_hit.range.clone()],
        "BUK ELE'S"
    );
}

#[test]
fn highlight_marks_every_layer_on_the_seed() {
    let lib = seeds();
    let wt = &lib.articles()[lib
        .position("chiles-far-right-president-elect-visits-el-salvador")
        .unwrap()];
    let h = lib.highlight(wt, "prison", &[]);
    assert!(h.hits >= 5, "hits {}", h.hits);
    for layer in Layer::ALL {
        assert!(h.counts[layer as usize] > 0, "no {layer:?} in the seed");
    }
    let text_of = |layer: Layer| layer_texts(wt, &h, layer);
    assert!(
        text_of(Layer::Number)
            .iter()
            .any(|t| t.contains("over 200")),
        "{:?}",
        text_of(Layer::Number)
    );
    assert!(
        text_of(Layer::Framing).iter().any(|t| t == "far-right"),
        "{:?}",
        text_of(Layer::Framing)
    );
    // Hit ordinals run in reading order without gaps.
    let ordinals: Vec<u32> = h
        .paragraphs
        .iter()
        .flatten()
        .chain(&h.title)
        .filter_map(|s| s.hit)
        .collect();
    let mut sorted = ordinals.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted, (0..h.hits).collect::<Vec<_>>());
}

#[test]
fn empty_query_highlights_no_hits_but_other_layers() {
    let lib = seeds();
    let h = lib.highlight(&lib.articles()[0], "", &[]);
    assert_eq!(h.hits, 0);
    assert!(h.counts[Layer::Person as usize] > 0);
}

#[test]
fn segments_tile_the_text_and_carry_overlapping_layers() {
    let text = "José said “over 200 came”.";
    let quote = text.find('“').unwrap()..text.find('.').unwrap();
    let number = text.find("over").unwrap()..text.find(" came").unwrap();
    let segs = segments(
        text,
        &[
            (0..5, Layer::Person),
            (quote.clone(), Layer::Quote),
            (number.clone(), Layer::Number),
        ],
    );
    let joined: String = segs.iter().map(|s| &text[s.range.clone()]).collect();
    assert_eq!(joined, text);
    let over = segs
        .iter()
        .find(|s| text[s.range.clone()].starts_with("over"))
        .unwrap();
    assert!(over.layers.contains(Layer::Quote) && over.layers.contains(Layer::Number));
    assert_eq!(&text[segs[0].range.clone()], "José");
    assert!(segs[0].layers.contains(Layer::Person));
}

#[test]
fn segments_ignore_spans_that_split_a_character() {
    let text = "José";
    let segs = segments(text, &[(0..4, Layer::Person)]); // 4 is inside "é"
    assert_eq!(segs.len(), 1);
    assert!(segs[0].layers.is_empty());
}

#[test]
fn library_round_trips_through_bytes_and_grows_incrementally() {
    let lib = fixture();
    let mut back = Library::from_bytes(&lib.to_bytes()).expect("round trip");
    assert_eq!(back.articles(), lib.articles());
    let id = back.add(clean_article(
        "d.txt",
        "Prison opens\n\nA second prison opened in Peru.",
    ));
    assert_eq!(id, "prison-opens-2");
    let r = back.search("peru prison", &Selection::default(), 10);
    assert!(titles(&back, &r).contains(&"Prison opens".to_string()));
    assert_eq!(r.total, 2);
    // Facet ids interned before saving and after loading agree.
    let places = counts(&back.search("", &Selection::default(), 10), Facet::Place);
    assert!(places.contains(&("Peru".into(), 3, false)), "{places:?}");
    assert!(Library::from_bytes(b"not a library").is_err());
}

#[test]
fn selection_toggle_adds_and_removes() {
    let mut sel = Selection::default();
    sel.toggle(Facet::Place, "Chile");
    assert!(sel.is_chosen(Facet::Place, "Chile"));
    sel.toggle(Facet::Place, "Chile");
    assert!(sel.is_empty());
    assert_eq!(Facet::from_key("org"), Some(Facet::Organisation));
    assert_eq!(Facet::from_key("nope"), None);
}

#[test]
fn other_coverage_of_the_same_story_ranks_first_and_self_is_left_out() {
    let lib = Library::build(Corpus::from_articles(vec![
        clean_article("1.txt", "Prison visit\n\nKast toured the CECOT prison with Bukele and praised its security."),
        clean_article("2.txt", "Markets\n\nStocks rose on Tuesday as oil prices fell and bond yields eased."),
        clean_article("3.txt", "Another visit\n\nBukele showed Kast the CECOT prison, a symbol of his security policy."),
    ]));
    let r = lib.most_similar(&lib.articles()[0].id);
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|&(i, _)| i != 0));
    assert_eq!(lib.articles()[r[0].0].title, "Another visit", "{r:?}");
    assert!(r[0].1 > r[1].1);
    assert!(lib.most_similar("missing").is_empty());
}

#[test]
fn readers_framing_terms_are_highlighted_with_the_built_in_ones() {
    let lib = seeds();
    let wt = &lib.articles()[lib
        .position("chiles-far-right-president-elect-visits-el-salvador")
        .unwrap()];
    let framing_texts =
        |extra: &[String]| layer_texts(wt, &lib.highlight(wt, "", extra), Layer::Framing);
    let before = framing_texts(&[]);
    assert!(!before.iter().any(|t| t == "spotlight"), "{before:?}");
    let after = framing_texts(&["spotlight".to_string()]);
    assert!(after.iter().any(|t| t == "spotlight"), "{after:?}");
    assert!(
        after.iter().any(|t| t == "far-right"),
        "built-in terms stay: {after:?}"
    );
}
