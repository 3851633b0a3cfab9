//! The app mounted in a real page, in headless Chromium and Firefox (see README for the command).
//! Each test mounts a fresh app on its own root and drives it the way a reader does: through the
//! URL, links and clicks.
#![cfg(target_arch = "wasm32")]

mod support;

use parallax_app::embedded;
use parallax_core::clean::clean_article;
use parallax_core::corpus::Corpus;
use parallax_core::library::Library;
use support::{document, load_at, load_library_at, settle, texts, wait_for, wait_for_text};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const WT_TITLE: &str =
    "Chile’s far-right president-elect visits El Salvador mega-prison, plans to talk security with Bukele";
const BUKELE_TITLE: &str = "BUK ELE'S IRON FIST: Is Chile Next to Embrace Dictator-Style Security?";
const CLUTTER: [&str; 5] = [
    "Featured",
    "Source link",
    "Related Posts",
    "1 of 1,537",
    "Copyright",
];

fn wt_id() -> String {
    let library = embedded::library();
    library
        .articles()
        .iter()
        .find(|a| a.title == WT_TITLE)
        .expect("the WT seed is embedded")
        .id
        .clone()
}

#[wasm_bindgen_test]
async fn list_shows_both_seed_titles_with_their_facts() {
    let app = load_at("#/").await;
    let titles = texts(&app.root, ".article-card h2 a");
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.iter().any(|t| t == WT_TITLE), "{titles:?}");
    assert!(titles.iter().any(|t| t == BUKELE_TITLE), "{titles:?}");
    let metas = texts(&app.root, ".article-card .meta").join("\n");
    assert!(metas.contains("The Washington Times"), "{metas}");
    assert!(metas.contains("Unknown outlet"), "{metas}");
    assert!(metas.contains("5 clutter lines removed"), "{metas}");
}

#[wasm_bindgen_test]
async fn clicking_a_title_opens_its_body_without_clutter() {
    let app = load_at("#/").await;
    let link = app.root.query_selector_all(".article-card h2 a").unwrap();
    let link = (0..link.length())
        .filter_map(|i| link.item(i))
        .find(|n| n.text_content().as_deref() == Some(WT_TITLE))
        .expect("WT link listed")
        .dyn_into::<HtmlElement>()
        .unwrap();
    link.click();
    wait_for_text(&app.root, "article.reading h1", WT_TITLE).await;
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        format!("#/article/{}", wt_id())
    );
    let body = texts(&app.root, ".body p");
    assert_eq!(body.len(), 13, "paragraphs: {body:?}");
    assert!(
        body[0].starts_with("SAN SALVADOR — Chile’s far-right President-elect José Antonio Kast")
    );
    let body = body.join("\n");
    for clutter in CLUTTER {
        assert!(!body.contains(clutter), "{clutter:?} still in the body");
    }
    assert!(
        !body.contains(WT_TITLE),
        "the title is not repeated in the body"
    );
}

#[wasm_bindgen_test]
async fn removed_clutter_is_disclosed_in_the_reading_view() {
    let app = load_at(&format!("#/article/{}", wt_id())).await;
    let summary = wait_for(&app.root, "details.removed summary").await;
    assert_eq!(summary.text_content().unwrap(), "5 clutter lines removed");
    let items = texts(&app.root, "details.removed li").join("\n");
    for clutter in CLUTTER {
        assert!(
            items.contains(clutter),
            "{clutter:?} missing from the disclosure: {items}"
        );
    }
    assert!(
        items.contains("line 1"),
        "the disclosure says where each line was: {items}"
    );
}

#[wasm_bindgen_test]
async fn reloading_an_article_url_shows_that_article() {
    let app = load_at(&format!("#/article/{}", wt_id())).await;
    wait_for_text(&app.root, "article.reading h1", WT_TITLE).await;
    let facts = texts(&app.root, ".facts dd").join(" | ");
    assert!(facts.contains("SAN SALVADOR"), "dateline shown: {facts}");
    assert!(
        facts.contains("001_49638b6ecd2811bf.txt"),
        "source file shown: {facts}"
    );
    assert_eq!(document().title(), format!("{WT_TITLE} — Parallax"));
}

#[wasm_bindgen_test]
async fn following_the_back_link_returns_to_the_list() {
    let app = load_at(&format!("#/article/{}", wt_id())).await;
    let back = wait_for(&app.root, ".crumbs a")
        .await
        .dyn_into::<HtmlElement>()
        .unwrap();
    back.click();
    wait_for_text(&app.root, "#list-heading", "Articles").await;
    assert_eq!(texts(&app.root, ".article-card").len(), 2);
}

#[wasm_bindgen_test]
async fn unknown_article_url_says_not_found() {
    let app = load_at("#/article/no-such-story").await;
    let heading = wait_for(&app.root, ".not-found h1").await;
    assert_eq!(heading.text_content().unwrap(), "Not found");
    assert!(texts(&app.root, ".not-found p")
        .join(" ")
        .contains("no-such-story"));
}

#[wasm_bindgen_test]
async fn markup_in_article_text_is_shown_as_text_and_never_runs() {
    let raw = "Title <b>bold</b>\n\n<img src=x onerror=\"window.__parallax_pwned=1\"> and <script>window.__parallax_pwned=1</script> in Chile.";
    let library = Library::build(Corpus::from_articles(vec![clean_article("evil.txt", raw)]));
    let id = library.articles()[0].id.clone();
    // With a query, so the text also goes through the highlighting path.
    let app = load_library_at(&format!("#/article/{id}?q=img"), library).await;
    wait_for(&app.root, ".body p mark").await;
    settle().await;
    assert!(
        app.root.query_selector("img, script, b").unwrap().is_none(),
        "{}",
        app.root.inner_html()
    );
    let body = app
        .root
        .query_selector(".body p")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(body.starts_with("<img src=x onerror="), "{body}");
    let pwned =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"__parallax_pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "injected code ran");
}
