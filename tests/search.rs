//! Search, facets and highlight layers, driven in a real page (headless Chromium and Firefox).
#![cfg(target_arch = "wasm32")]

mod support;

use parallax_app::embedded;
use parallax_core::clean::clean_article;
use parallax_core::corpus::Corpus;
use parallax_core::library::{Library, RESULTS_PAGE};
use support::{load_at, load_library_at, settle, texts, wait_for, wait_for_text, wait_until};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const WT_TITLE: &str =
    "Chile’s far-right president-elect visits El Salvador mega-prison, plans to talk security with Bukele";

fn id_of(title_start: &str) -> String {
    let library = embedded::library();
    library
        .articles()
        .iter()
        .find(|a| a.title.starts_with(title_start))
        .expect("seed embedded")
        .id
        .clone()
}

/// Types into the search box as a reader does: value set, then a bubbling `input` event.
async fn type_query(root: &web_sys::Element, text: &str) {
    let input: HtmlInputElement = wait_for(root, "input[aria-label='Search articles']")
        .await
        .dyn_into()
        .unwrap();
    input.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

fn press(key: &str) {
    press_on(
        &web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .body()
            .unwrap(),
        key,
    );
}

/// A key press whose target is `el`, as when `el` has the focus.
fn press_on(el: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

fn facet_box(root: &web_sys::Element, facet: &str, value: &str) -> Option<HtmlInputElement> {
    let labels = root
        .query_selector_all(&format!("fieldset[data-facet='{facet}'] label"))
        .unwrap();
    (0..labels.length())
        .filter_map(|i| labels.item(i))
        .map(|n| n.dyn_into::<web_sys::Element>().unwrap())
        .find(|l| {
            l.query_selector(".value")
                .unwrap()
                .and_then(|v| v.text_content())
                .as_deref()
                == Some(value)
        })
        .map(|l| {
            l.query_selector("input")
                .unwrap()
                .unwrap()
                .dyn_into()
                .unwrap()
        })
}

fn facet_count(root: &web_sys::Element, facet: &str, value: &str) -> Option<String> {
    let input = facet_box(root, facet, value)?;
    input
        .parent_element()?
        .query_selector(".n")
        .ok()??
        .text_content()
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

#[wasm_bindgen_test]
async fn typing_filters_the_list_and_marks_hits() {
    let app = load_at("#/").await;
    type_query(&app.root, "costa").await;
    wait_for_text(
        &app.root,
        ".result-summary .count",
        "1 article matches “costa”",
    )
    .await;
    assert_eq!(texts(&app.root, ".article-card h2 a"), [WT_TITLE]);
    let marks = texts(&app.root, ".article-card .snippet mark");
    assert_eq!(marks, ["Costa"], "the snippet marks the hit");
    assert_eq!(hash(), "#/?q=costa", "the query is in the URL");
}

#[wasm_bindgen_test]
async fn a_long_list_grows_a_page_at_a_time_and_a_new_search_starts_over() {
    let articles = (0..45)
        .map(|i| {
            let raw = format!("Prison report number {i}\n\nThe prison held {i} inmates in May.");
            clean_article(&format!("{i:02}.txt"), &raw)
        })
        .collect();
    let library = Library::build(Corpus::from_articles(articles));
    let app = load_library_at("#/?q=prison", library).await;
    let rows = || {
        app.root
            .query_selector_all(".article-list > li")
            .unwrap()
            .length() as usize
    };
    let more = wait_for(&app.root, "button.show-more").await;
    assert_eq!(rows(), RESULTS_PAGE);
    assert_eq!(
        more.text_content().unwrap(),
        format!("Show {RESULTS_PAGE} more")
    );
    more.unchecked_into::<HtmlElement>().click();
    wait_until("a second page", || rows() == 2 * RESULTS_PAGE).await;
    let more = wait_for_text(&app.root, "button.show-more", "Show 5 more").await;
    more.unchecked_into::<HtmlElement>().click();
    wait_until("every row", || rows() == 45).await;
    assert!(app
        .root
        .query_selector("button.show-more")
        .unwrap()
        .is_none());
    type_query(&app.root, "inmates").await;
    wait_for_text(
        &app.root,
        ".result-summary .count",
        "45 articles match “inmates”",
    )
    .await;
    assert_eq!(rows(), RESULTS_PAGE, "a new search lists one page again");
}

#[wasm_bindgen_test]
async fn a_facet_narrows_the_list_and_keeps_sibling_counts() {
    let app = load_at("#/").await;
    wait_for(&app.root, "fieldset[data-facet='place']").await;
    assert_eq!(
        facet_count(&app.root, "place", "Chile").as_deref(),
        Some("2")
    );
    facet_box(&app.root, "place", "Costa Rica")
        .expect("Costa Rica is a place facet")
        .click();
    wait_for_text(
        &app.root,
        ".result-summary .count",
        "1 article matches the filters",
    )
    .await;
    assert_eq!(texts(&app.root, ".article-card h2 a"), [WT_TITLE]);
    // Values within a facet are OR-ed, so a sibling's count does not drop to zero...
    assert_eq!(
        facet_count(&app.root, "place", "Chile").as_deref(),
        Some("2")
    );
    // ...while other facets count within the choice.
    let people: Vec<String> = texts(&app.root, "fieldset[data-facet='person'] .n");
    assert!(people.iter().all(|n| n == "1"), "{people:?}");
    assert!(hash().contains("place=Costa%20Rica"), "{}", hash());
    let clear: HtmlElement = wait_for(&app.root, ".facets .clear")
        .await
        .dyn_into()
        .unwrap();
    clear.click();
    wait_for_text(&app.root, ".result-summary .count", "2 articles").await;
}

#[wasm_bindgen_test]
async fn back_undoes_a_chosen_filter() {
    let app = load_at("#/").await;
    wait_for(&app.root, "fieldset[data-facet='place']").await;
    facet_box(&app.root, "place", "Costa Rica").unwrap().click();
    wait_for_text(
        &app.root,
        ".result-summary .count",
        "1 article matches the filters",
    )
    .await;
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    wait_for_text(&app.root, ".result-summary .count", "2 articles").await;
    assert!(!facet_box(&app.root, "place", "Costa Rica")
        .unwrap()
        .checked());
    assert_eq!(hash(), "#/");
}

#[wasm_bindgen_test]
async fn a_url_with_a_query_and_filters_restores_them() {
    let app = load_at("#/?q=bukele&place=Chile").await;
    wait_for_text(
        &app.root,
        ".result-summary .count",
        "2 articles match “bukele”",
    )
    .await;
    let input: HtmlInputElement = wait_for(&app.root, "input[aria-label='Search articles']")
        .await
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "bukele");
    assert!(facet_box(&app.root, "place", "Chile").unwrap().checked());
    let href = app
        .root
        .query_selector(".article-card h2 a")
        .unwrap()
        .unwrap()
        .get_attribute("href")
        .unwrap();
    assert!(
        href.ends_with("?q=bukele&place=Chile"),
        "links keep the search: {href}"
    );
}

#[wasm_bindgen_test]
async fn the_reading_view_highlights_hits_and_steps_through_them() {
    let app = load_at(&format!(
        "#/article/{}?q=prison",
        id_of("Chile’s far-right")
    ))
    .await;
    let counter = wait_for_text(&app.root, ".hit-count", "1 of ").await;
    let total: usize = counter
        .text_content()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(total >= 5, "prison, prisons, mega-prison…: {total}");
    assert_eq!(
        texts(&app.root, ".body mark.l-hit").len() + texts(&app.root, "h1 mark.l-hit").len(),
        total
    );
    assert_eq!(texts(&app.root, "mark.current").len(), 1);
    press("n");
    wait_for_text(&app.root, ".hit-count", &format!("2 of {total}")).await;
    press("p");
    press("p");
    wait_for_text(&app.root, ".hit-count", &format!("{total} of {total}")).await;
}

#[wasm_bindgen_test]
async fn layers_show_and_toggling_one_removes_its_marks() {
    let app = load_at(&format!("#/article/{}", id_of("Chile’s far-right"))).await;
    wait_for(&app.root, ".body .l-person").await;
    for layer in ["person", "org", "place", "number", "quote", "framing"] {
        assert!(
            app.root
                .query_selector(&format!(".body .l-{layer}"))
                .unwrap()
                .is_some(),
            "no {layer} marks in the seed"
        );
    }
    // A number span can be cut into several segments where other layers overlap it
    // ("Venezuelans" is also a place mention), so adjacent pieces are read together.
    let numbers = texts(&app.root, ".body .l-number").concat();
    assert!(numbers.contains("over 200 Venezuelans"), "{numbers}");
    let switch: HtmlInputElement = wait_for(&app.root, ".layer-switch[data-layer='person'] input")
        .await
        .dyn_into()
        .unwrap();
    switch.click();
    wait_until("people are no longer marked", || {
        app.root
            .query_selector(".body .l-person")
            .unwrap()
            .is_none()
    })
    .await;
    assert!(
        app.root.query_selector(".body .l-place").unwrap().is_some(),
        "other layers stay"
    );
}

#[wasm_bindgen_test]
async fn a_broken_name_in_a_title_is_found_and_marked_approximate() {
    let app = load_at(&format!("#/article/{}?q=bukele", id_of("BUK ELE'S"))).await;
    let mark = wait_for(&app.root, "h1 mark.l-hit").await;
    assert_eq!(mark.text_content().unwrap(), "BUK ELE'S");
    assert!(mark.class_list().contains("approx"));
}

#[wasm_bindgen_test]
async fn no_results_suggests_the_nearest_terms() {
    let app = load_at("#/?q=priiison").await;
    wait_for_text(&app.root, ".result-summary .count", "0 articles").await;
    let suggestions = texts(&app.root, ".suggest a");
    assert!(suggestions.iter().any(|s| s == "prison"), "{suggestions:?}");
}

#[wasm_bindgen_test]
async fn a_reader_adds_a_framing_term_and_it_is_highlighted() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("parallax.framing-terms").unwrap();
    let app = load_at(&format!("#/article/{}", id_of("Chile’s far-right"))).await;
    wait_for(&app.root, ".body .l-framing").await;
    assert!(!texts(&app.root, ".body .l-framing")
        .iter()
        .any(|t| t == "spotlight"));
    let field: HtmlInputElement = wait_for(&app.root, ".add-term input")
        .await
        .dyn_into()
        .unwrap();
    field.set_value("spotlight");
    let submit: HtmlElement = wait_for(&app.root, ".add-term button")
        .await
        .dyn_into()
        .unwrap();
    submit.click();
    wait_for_text(&app.root, ".your-terms", "spotlight").await;
    wait_until("the new term is highlighted", || {
        texts(&app.root, ".body .l-framing")
            .iter()
            .any(|t| t == "spotlight")
    })
    .await;
    assert_eq!(
        storage
            .get_item("parallax.framing-terms")
            .unwrap()
            .as_deref(),
        Some("spotlight")
    );
    let remove: HtmlElement = wait_for(&app.root, ".your-terms button")
        .await
        .dyn_into()
        .unwrap();
    remove.click();
    settle().await;
    storage.remove_item("parallax.framing-terms").unwrap();
}

#[wasm_bindgen_test]
async fn n_still_steps_after_a_layer_switch_was_clicked() {
    // Regression (review of issue 3's UI): any INPUT counted as typing, so after clicking a layer
    // checkbox `n` did nothing.
    let app = load_at(&format!(
        "#/article/{}?q=prison",
        id_of("Chile’s far-right")
    ))
    .await;
    wait_for_text(&app.root, ".hit-count", "1 of ").await;
    let switch = wait_for(&app.root, ".layer-switch[data-layer='person'] input").await;
    press_on(&switch, "n");
    wait_for_text(&app.root, ".hit-count", "2 of ").await;
    let search_field = wait_for(&app.root, ".add-term input").await;
    press_on(&search_field, "n");
    settle().await;
    assert!(
        texts(&app.root, ".hit-count")[0].starts_with("2 of "),
        "typing `n` in a text field is not a command"
    );
}
