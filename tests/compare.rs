//! The comparison view in a real page (headless Chromium and Firefox), styled with the app's own
//! stylesheets so the columns scroll as they do for a reader.
#![cfg(target_arch = "wasm32")]

mod support;

use parallax_app::embedded;
use parallax_core::clean::clean_article;
use parallax_core::compare::{compare, Comparison};
use parallax_core::corpus::Corpus;
use parallax_core::library::Library;
use support::{
    document, load_at, load_library_at, settle, texts, wait_for, wait_for_text, Mounted,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const AI_TITLE: &str = "BUK ELE'S IRON FIST: Is Chile Next to Embrace Dictator-Style Security?";
const WT_TITLE: &str =
    "Chile’s far-right president-elect visits El Salvador mega-prison, plans to talk security with Bukele";

fn id_of(title: &str) -> String {
    let library = embedded::library();
    library
        .articles()
        .iter()
        .find(|a| a.title == title)
        .expect("seed embedded")
        .id
        .clone()
}

/// The seeds compared in the core, as the page should show them.
fn seed_comparison(a_title: &str, b_title: &str) -> Comparison {
    let library = embedded::library();
    let get = |t: &str| {
        library
            .articles()
            .iter()
            .find(|a| a.title == t)
            .unwrap()
            .clone()
    };
    compare(&get(a_title), &get(b_title))
}

/// Adds the app's stylesheets to the test page once (the test runner does not load index.html).
fn styled() {
    if document().get_element_by_id("parallax-test-css").is_some() {
        return;
    }
    let style = document().create_element("style").unwrap();
    style.set_id("parallax-test-css");
    style.set_text_content(Some(concat!(
        include_str!("../assets/style.css"),
        include_str!("../assets/compare.css")
    )));
    document().head().unwrap().append_child(&style).unwrap();
}

async fn open_seeds(a: &str, b: &str) -> Mounted {
    styled();
    let app = load_at(&format!("#/compare/{}/{}", id_of(a), id_of(b))).await;
    wait_for(&app.root, ".cmp-cards .card").await;
    app
}

fn el(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no `{selector}`"))
}

fn click(root: &Element, selector: &str) {
    el(root, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

fn press(key: &str, on: &Element) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    on.dispatch_event(&event).unwrap();
}

fn inner_height() -> f64 {
    web_sys::window()
        .unwrap()
        .inner_height()
        .unwrap()
        .as_f64()
        .unwrap()
}

/// Whether `el` is wholly inside `container`'s visible box and inside the window.
fn shown_in(el: &Element, container: &Element) -> bool {
    let (e, c) = (
        el.get_bounding_client_rect(),
        container.get_bounding_client_rect(),
    );
    e.height() > 0.0
        && e.top() >= c.top() - 1.0
        && e.bottom() <= c.bottom() + 1.0
        && e.top() >= -1.0
        && e.bottom() <= inner_height() + 1.0
}

async fn until(what: &str, mut ok: impl FnMut() -> bool) {
    for _ in 0..300 {
        if ok() {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting for {what}");
}

#[wasm_bindgen_test]
async fn compare_route_renders_both_columns_the_summary_and_the_cards() {
    let app = open_seeds(AI_TITLE, WT_TITLE).await;
    let c = seed_comparison(AI_TITLE, WT_TITLE);
    assert_eq!(texts(&app.root, ".pane-a .sent").len(), c.a.sentences.len());
    assert_eq!(texts(&app.root, ".pane-b .sent").len(), c.b.sentences.len());
    // Both columns have one band per row, so linked sentences sit level.
    assert_eq!(
        texts(&app.root, ".pane-a > .row").len(),
        texts(&app.root, ".pane-b > .row").len()
    );
    assert_eq!(
        el(&app.root, ".side-a .side-title").text_content().unwrap(),
        AI_TITLE
    );
    assert_eq!(
        el(&app.root, ".side-b .side-title").text_content().unwrap(),
        WT_TITLE
    );
    assert!(el(&app.root, ".col-b .col-head")
        .text_content()
        .unwrap()
        .contains("The Washington Times"));
    assert_eq!(texts(&app.root, ".card").len(), c.discrepancies.len());
    let sums = texts(&app.root, ".card-sum").join("\n");
    assert!(sums.contains("over 250 (A) vs over 200 (B)"), "{sums}");
    let chips = texts(&app.root, ".chip").join(" | ");
    assert!(
        chips.contains(&format!("{}only in A", c.summary.only_in_a)),
        "{chips}"
    );
    assert!(
        chips.contains(&format!("{}only in B", c.summary.only_in_b)),
        "{chips}"
    );
    // Status is told without colour too: each sentence has an icon and a spoken label.
    let first_only = el(&app.root, ".pane-b .sent.st-only");
    assert_eq!(
        first_only
            .query_selector(".st")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "+"
    );
    assert_eq!(
        first_only
            .query_selector(".vh")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Only in B. "
    );
}

#[wasm_bindgen_test]
async fn clicking_a_card_brings_both_passages_into_view_and_marks_them() {
    let app = open_seeds(AI_TITLE, WT_TITLE).await;
    let c = seed_comparison(AI_TITLE, WT_TITLE);
    let d = c
        .discrepancies
        .iter()
        .position(|d| d.summary.starts_with("over 250 (A)"))
        .unwrap();
    let (sa, sb) = (
        c.discrepancies[d].a_sentence.unwrap(),
        c.discrepancies[d].b_sentence.unwrap(),
    );
    let (pane_a, pane_b) = (el(&app.root, ".pane-a"), el(&app.root, ".pane-b"));
    let (target_a, target_b) = (
        el(&app.root, &format!("#cmp-a-{sa}")),
        el(&app.root, &format!("#cmp-b-{sb}")),
    );
    // Start far from both passages: the panes at their ends, the page scrolled away.
    pane_a.set_scroll_top(pane_a.scroll_height());
    settle().await;
    pane_b.set_scroll_top(pane_b.scroll_height());
    gloo::timers::future::TimeoutFuture::new(50).await;
    assert!(
        !shown_in(&target_a, &pane_a) || !shown_in(&target_b, &pane_b),
        "precondition: not both in view"
    );

    click(&app.root, &format!("#cmp-card-{d}"));
    until("both sentences highlighted", || {
        target_a.class_list().contains("hit") && target_b.class_list().contains("hit")
    })
    .await;
    gloo::timers::future::TimeoutFuture::new(50).await;
    assert!(
        shown_in(&target_a, &pane_a),
        "A's sentence in view: {:?}",
        target_a.get_bounding_client_rect().top()
    );
    assert!(
        shown_in(&target_b, &pane_b),
        "B's sentence in view: {:?}",
        target_b.get_bounding_client_rect().top()
    );
    let flagged = |t: &Element| {
        t.query_selector("mark.flag.cur")
            .unwrap()
            .map(|m| m.text_content().unwrap())
    };
    assert_eq!(flagged(&target_a).as_deref(), Some("over 250"));
    assert_eq!(flagged(&target_b).as_deref(), Some("over 200"));
    assert_eq!(el(&app.root, ".card.current").id(), format!("cmp-card-{d}"));
    assert_eq!(
        texts(&app.root, ".sent.hit").len(),
        2,
        "only the two passages are marked"
    );
}

#[wasm_bindgen_test]
async fn n_and_p_walk_the_differences_and_announce_each() {
    let app = open_seeds(AI_TITLE, WT_TITLE).await;
    let c = seed_comparison(AI_TITLE, WT_TITLE);
    let total = c.discrepancies.len();
    let status = el(&app.root, ".cmp-cards [aria-live]");
    assert!(
        status.text_content().unwrap().contains("Press n"),
        "{:?}",
        status.text_content()
    );
    let body = document().body().unwrap().dyn_into::<Element>().unwrap();

    press("n", &body);
    wait_for_text(
        &app.root,
        ".cmp-cards [aria-live]",
        &format!("Difference 1 of {total}"),
    )
    .await;
    assert_eq!(el(&app.root, ".card.current").id(), "cmp-card-0");
    press("n", &body);
    wait_for_text(
        &app.root,
        ".cmp-cards [aria-live]",
        &format!("Difference 2 of {total}"),
    )
    .await;
    assert_eq!(el(&app.root, ".card.current").id(), "cmp-card-1");
    assert!(status
        .text_content()
        .unwrap()
        .contains(&c.discrepancies[1].summary));
    // The sentence the second difference is in is the one marked.
    let d = &c.discrepancies[1];
    let marked = match (d.a_sentence, d.b_sentence) {
        (Some(a), _) => el(&app.root, &format!("#cmp-a-{a}")),
        (None, Some(b)) => el(&app.root, &format!("#cmp-b-{b}")),
        _ => unreachable!("every difference is in a sentence"),
    };
    until("the second difference's sentence marked", || {
        marked.class_list().contains("hit")
    })
    .await;
    press("p", &body);
    press("p", &body);
    wait_for_text(
        &app.root,
        ".cmp-cards [aria-live]",
        &format!("Difference {total} of {total} (back at the last)"),
    )
    .await;

    // Typing an `n` into a field is typing, not a command.
    let input = document().create_element("input").unwrap();
    app.root.append_child(&input).unwrap();
    input
        .clone()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .focus()
        .unwrap();
    press("n", &input);
    gloo::timers::future::TimeoutFuture::new(50).await;
    assert!(status
        .text_content()
        .unwrap()
        .contains(&format!("Difference {total} of {total}")));
}

#[wasm_bindgen_test]
async fn loading_a_compare_url_restores_that_comparison() {
    let (a, b) = (id_of(WT_TITLE), id_of(AI_TITLE));
    let app = open_seeds(WT_TITLE, AI_TITLE).await;
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        format!("#/compare/{a}/{b}")
    );
    assert_eq!(
        el(&app.root, ".side-a .side-title").text_content().unwrap(),
        WT_TITLE
    );
    assert_eq!(
        el(&app.root, ".side-b .side-title").text_content().unwrap(),
        AI_TITLE
    );
    assert!(document().title().contains('⟷'), "{}", document().title());
    let sums = texts(&app.root, ".card-sum").join("\n");
    assert!(
        sums.contains("over 200 (A) vs over 250 (B)"),
        "sides follow the URL: {sums}"
    );
}

#[wasm_bindgen_test]
async fn the_swap_link_puts_b_on_the_left() {
    let app = open_seeds(AI_TITLE, WT_TITLE).await;
    let swap = el(&app.root, "a.swap");
    assert_eq!(
        swap.get_attribute("href").unwrap(),
        format!("#/compare/{}/{}", id_of(WT_TITLE), id_of(AI_TITLE))
    );
    // Walk somewhere first: a swapped comparison starts afresh.
    press("n", &document().body().unwrap());
    wait_for(&app.root, ".card.current").await;
    swap.dyn_into::<HtmlElement>().unwrap().click();
    wait_for_text(&app.root, ".side-a .side-title", WT_TITLE).await;
    assert_eq!(
        el(&app.root, ".side-b .side-title").text_content().unwrap(),
        AI_TITLE
    );
    assert!(
        app.root.query_selector(".card.current").unwrap().is_none(),
        "no stale current card"
    );
    let sums = texts(&app.root, ".card-sum").join("\n");
    assert!(sums.contains("over 200 (A) vs over 250 (B)"), "{sums}");
}

#[wasm_bindgen_test]
async fn scrolling_one_column_scrolls_the_other_to_the_same_row() {
    let app = open_seeds(AI_TITLE, WT_TITLE).await;
    let (pane_a, pane_b) = (el(&app.root, ".pane-a"), el(&app.root, ".pane-b"));
    assert!(
        pane_a.scroll_height() > pane_a.client_height(),
        "the pane scrolls"
    );
    pane_a.set_scroll_top(300);
    until("B to follow A", || {
        (pane_b.scroll_top() - pane_a.scroll_top()).abs() <= 2
    })
    .await;
    gloo::timers::future::TimeoutFuture::new(60).await;
    // And it settles: no echo back and forth.
    assert_eq!(pane_a.scroll_top(), 300);
    pane_b.set_scroll_top(120);
    until("A to follow B", || (pane_a.scroll_top() - 120).abs() <= 2).await;
}

#[wasm_bindgen_test]
async fn a_minimap_tick_scrolls_its_column_there() {
    let app = open_seeds(AI_TITLE, WT_TITLE).await;
    let c = seed_comparison(AI_TITLE, WT_TITLE);
    let last = c.b.sentences.len() - 1;
    let pane_b = el(&app.root, ".pane-b");
    let target = el(&app.root, &format!("#cmp-b-{last}"));
    assert!(
        !shown_in(&target, &pane_b),
        "precondition: the last sentence starts out of view"
    );
    let ticks = app.root.query_selector_all(".mm-b .tick").unwrap();
    assert_eq!(ticks.length() as usize, c.b.sentences.len());
    ticks
        .item(last as u32)
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    until("the last sentence shown", || {
        target.class_list().contains("hit")
    })
    .await;
    gloo::timers::future::TimeoutFuture::new(60).await;
    assert!(shown_in(&target, &pane_b));
    let pane_a = el(&app.root, ".pane-a");
    assert!(pane_a.scroll_top() > 0, "A follows B");
}

fn library(a: &[&str], b: &[&str]) -> Library {
    let art = |name: &str, title: &str, ps: &[&str]| {
        clean_article(name, &format!("{title}\n\n{}\n", ps.join("\n\n")))
    };
    Library::build(Corpus::from_articles(vec![
        art("a.txt", "First report of the visit", a),
        art("b.txt", "Second report of the visit", b),
    ]))
}

#[wasm_bindgen_test]
async fn changed_pairs_show_word_differences_as_ins_and_del_and_markup_stays_text() {
    styled();
    let lib = library(
        &["The prison received over 250 Venezuelans deported by the United States <img src=x onerror=\"window.__cmp_pwned=1\"> last year."],
        &["The prison received over 200 Venezuelans deported by the United States <img src=x onerror=\"window.__cmp_pwned=1\"> last year."],
    );
    let (a, b) = (lib.articles()[0].id.clone(), lib.articles()[1].id.clone());
    let app = load_library_at(&format!("#/compare/{a}/{b}"), lib).await;
    wait_for(&app.root, ".pane-a .sent").await;
    assert_eq!(texts(&app.root, ".pane-a .sent del"), vec!["250"]);
    assert_eq!(texts(&app.root, ".pane-b .sent ins"), vec!["200"]);
    assert!(
        app.root
            .query_selector(".pane-a .sent ins, .pane-b .sent del")
            .unwrap()
            .is_none(),
        "each side marks its own words"
    );
    assert!(el(&app.root, ".pane-a .sent")
        .class_list()
        .contains("st-changed"));
    assert!(
        app.root.query_selector("img").unwrap().is_none(),
        "article markup is never parsed"
    );
    settle().await;
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__cmp_pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "injected code ran");
}

/// Clicks the export `buttons` with the download click and object URLs replaced by recorders, and
/// returns the files that would have been downloaded, as (name, text).
async fn downloads(app: &Mounted, buttons: &[&str]) -> Vec<(String, String)> {
    js_sys::eval(
        "window.__cmp_files = []; window.__cmp_click = HTMLAnchorElement.prototype.click;
         window.__cmp_url = URL.createObjectURL;
         URL.createObjectURL = function (blob) { window.__cmp_blob = blob; return window.__cmp_url.call(URL, blob); };
         HTMLAnchorElement.prototype.click = function () {
           const name = this.download;
           window.__cmp_blob.text().then(t => window.__cmp_files.push([name, t]));
         };",
    )
    .unwrap();
    for (n, b) in buttons.iter().enumerate() {
        let button = texts(&app.root, ".export button")
            .iter()
            .position(|t| t == b)
            .expect("export button");
        let list = app.root.query_selector_all(".export button").unwrap();
        list.item(button as u32)
            .unwrap()
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
        until("the file", || {
            let files = js_sys::eval("window.__cmp_files.length").unwrap();
            files.as_f64() == Some((n + 1) as f64)
        })
        .await;
    }
    let files = js_sys::eval(
        "HTMLAnchorElement.prototype.click = window.__cmp_click; URL.createObjectURL = window.__cmp_url; window.__cmp_files",
    )
    .unwrap();
    js_sys::Array::from(&files)
        .iter()
        .map(|pair| {
            let pair = js_sys::Array::from(&pair);
            (
                pair.get(0).as_string().unwrap(),
                pair.get(1).as_string().unwrap(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn export_downloads_markdown_from_the_core_and_json_of_the_comparison() {
    let app = open_seeds(AI_TITLE, WT_TITLE).await;
    let c = seed_comparison(AI_TITLE, WT_TITLE);
    let files = downloads(&app, &["Markdown", "JSON"]).await;
    let (md_name, md) = &files[0];
    assert_eq!(md_name, &format!("{}--vs--{}.md", c.a.id, c.b.id));
    assert_eq!(md, &parallax_core::report::markdown(&c));
    assert!(md.contains("## Discrepancies") && md.contains("over 250 (A) vs over 200 (B)"));
    let (json_name, json) = &files[1];
    assert!(json_name.ends_with(".json"));
    let parsed = js_sys::JSON::parse(json).unwrap();
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    let summary = get(&parsed, "summary");
    assert_eq!(
        get(&summary, "discrepancies").as_f64(),
        Some(c.discrepancies.len() as f64)
    );
    assert_eq!(
        js_sys::Array::from(&get(&get(&parsed, "a"), "sentences")).length() as usize,
        c.a.sentences.len()
    );
    // One-sided discrepancies say so with an explicit null, as JSON readers expect.
    let first_only_b = js_sys::Array::from(&get(&parsed, "discrepancies"))
        .iter()
        .find(|d| get(d, "kind").as_string().as_deref() == Some("entity_only_in_b"))
        .expect("an entity only in B");
    assert!(get(&first_only_b, "a_sentence").is_null());
}
