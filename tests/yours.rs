//! The reader's own articles in a real browser (issue 5): pasting, importing files, keeping them
//! across reloads, and staying safe and whole with hostile pages and damaged storage.
#![cfg(target_arch = "wasm32")]

mod support;

use parallax_app::storage::{self, RecordKey};
use support::{fresh_store, load_with_store, texts, wait_for, wait_for_text, wait_until};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

const WT_TITLE: &str =
    "Chile’s far-right president-elect visits El Salvador mega-prison, plans to talk security with Bukele";

/// A wire story about the same visit, in words of its own, with one word no seed has.
const WIRE: &str = "Kast tours CECOT before talks with Bukele\n\nChile's president-elect José Antonio Kast toured El Salvador's Terrorism Confinement Center on Friday, a prison that human rights groups say holds thousands without trial.\n\nKast, who takes office in March, has praised Bukele's crackdown on gangs. A zephyrine calm settled over the visit, officials said.";

fn input(root: &Element, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no `{selector}`"))
        .unchecked_into::<HtmlElement>()
        .click();
}

fn go(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
}

async fn paste(root: &Element, text: &str, title: &str) {
    wait_for(root, "#paste-text").await;
    root.query_selector("#paste-text")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlTextAreaElement>()
        .set_value(text);
    input(root, "#paste-title").set_value(title);
    click(root, ".paste-form button[type=submit]");
}

/// Hands files to the file chooser as a reader picking them would.
fn choose_files(root: &Element, files: &[(&str, &str, &str)]) {
    let transfer = web_sys::DataTransfer::new().unwrap();
    for (name, mime, text) in files {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::FilePropertyBag::new();
        options.set_type(mime);
        let file =
            web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).unwrap();
        transfer.items().add_with_file(&file).unwrap();
    }
    let chooser = input(root, "#import-files");
    chooser.set_files(transfer.files().as_ref());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let change = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
    chooser.dispatch_event(&change).unwrap();
}

/// Waits until every write the page owes the store has landed.
async fn wait_saved(root: &Element) {
    wait_until("the articles are saved", || {
        root.query_selector(".saving").unwrap().is_none()
            && root.query_selector(".your-article").unwrap().is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_pasted_article_is_found_by_search_and_marked_yours() {
    let app = load_with_store("#/yours", &fresh_store()).await;
    paste(&app.root, WIRE, "").await;
    wait_for_text(&app.root, ".import-report", "Added 1 article").await;
    go("#/?q=zephyrine");
    let hit = wait_for_text(&app.root, ".article-card h2", "Kast tours CECOT").await;
    let card = hit.parent_element().unwrap();
    assert!(
        card.text_content().unwrap().contains("Yours"),
        "{}",
        card.inner_html()
    );
    assert_eq!(texts(&app.root, ".article-card").len(), 1);
}

#[wasm_bindgen_test]
async fn a_bad_paste_says_why_and_keeps_the_text() {
    let app = load_with_store("#/yours", &fresh_store()).await;
    wait_for(&app.root, "#paste-date").await;
    input(&app.root, "#paste-date").set_value("next tuesday");
    paste(&app.root, WIRE, "A title").await;
    wait_for_text(&app.root, ".paste-form .form-error", "next tuesday").await;
    let kept = app
        .root
        .query_selector("#paste-text")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlTextAreaElement>()
        .value();
    assert_eq!(kept, WIRE, "nothing typed is lost");
    assert!(app.root.query_selector(".your-article").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_imported_file_can_be_compared_with_a_seed() {
    let app = load_with_store("#/yours", &fresh_store()).await;
    wait_for(&app.root, "#import-files").await;
    choose_files(&app.root, &[("wire.txt", "text/plain", WIRE)]);
    wait_for_text(&app.root, ".import-report", "Added 1 article").await;
    let link = wait_for(&app.root, ".outcome .added a").await;
    let id = link
        .get_attribute("href")
        .unwrap()
        .trim_start_matches("#/article/")
        .to_string();
    let wt = parallax_app::embedded::library()
        .articles()
        .iter()
        .find(|a| a.title == WT_TITLE)
        .unwrap()
        .id
        .clone();
    go(&format!("#/compare/{id}/{wt}"));
    wait_for(&app.root, ".pane-a .sent").await;
    wait_for(&app.root, ".cmp-cards .card").await;
    let page = app.root.text_content().unwrap();
    assert!(page.contains("Kast tours CECOT"), "{page}");
    assert!(page.contains(WT_TITLE), "{page}");
}

#[wasm_bindgen_test]
async fn your_articles_are_still_there_after_a_reload() {
    let store = fresh_store();
    {
        let app = load_with_store("#/yours", &store).await;
        paste(&app.root, WIRE, "").await;
        wait_saved(&app.root).await;
    }
    let app = load_with_store("#/yours", &store).await;
    wait_for_text(&app.root, ".your-list", "Kast tours CECOT").await;
    go("#/?q=zephyrine");
    wait_for_text(&app.root, ".article-card h2", "Kast tours CECOT").await;
}

#[wasm_bindgen_test]
async fn delete_can_be_undone_and_both_reach_the_store() {
    let store = fresh_store();
    {
        let app = load_with_store("#/yours", &store).await;
        paste(&app.root, WIRE, "").await;
        wait_saved(&app.root).await;
        click(&app.root, ".your-article .row-actions button:last-child");
        wait_for_text(&app.root, ".undo-bar", "Deleted").await;
        assert!(app.root.query_selector(".your-article").unwrap().is_none());
        click(&app.root, ".undo-bar button");
        wait_saved(&app.root).await;
    }
    let app = load_with_store("#/yours", &store).await;
    wait_for_text(&app.root, ".your-list", "Kast tours CECOT").await;
}

/// A saved page built to run code every way a page can: if any of it ran, it set a global.
const HOSTILE: &str = r#"<!doctype html><html><head><title>Harbour reopens | The Coast Post</title>
<meta property="og:site_name" content="The Coast Post">
<script>window.__parallax_pwned = 'script';</script></head>
<body onload="window.__parallax_pwned = 'onload'">
<article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Monday after a week of repairs, the port authority said.<img src="x" onerror="window.__parallax_pwned = 'onerror'"></p>
<p>Fishing boats returned at dawn. <a href="javascript:window.__parallax_pwned='link'">Read the port notice</a> for the new timetable.</p>
<svg onload="window.__parallax_pwned = 'svg'"><script>window.__parallax_pwned = 'svg-script'</script></svg>
<iframe src="javascript:parent.__parallax_pwned = 'iframe'"></iframe>
<p>&lt;script&gt;window.__parallax_pwned = 'escaped'&lt;/script&gt; appeared in a reader comment.</p>
</article></body></html>"#;

fn pwned() -> JsValue {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"__parallax_pwned".into()).unwrap()
}

// Regression: issue 5, "`<script>`, `onerror=` and `javascript:` links in an imported page are
// inert — prove it with a browser test".
#[wasm_bindgen_test]
async fn a_hostile_page_is_imported_as_inert_text() {
    let app = load_with_store("#/yours", &fresh_store()).await;
    wait_for(&app.root, "#import-files").await;
    choose_files(&app.root, &[("harbour.html", "text/html", HOSTILE)]);
    let link = wait_for(&app.root, ".outcome .added a").await;
    link.unchecked_into::<HtmlElement>().click();
    let body = wait_for_text(&app.root, ".reading", "Fishing boats returned at dawn").await;
    // Give anything that might run a chance to.
    gloo::timers::future::TimeoutFuture::new(300).await;
    for tag in ["script", "img", "iframe", "svg", "object", "embed"] {
        assert!(
            app.root.query_selector(tag).unwrap().is_none(),
            "a <{tag}> reached the page: {}",
            body.inner_html()
        );
    }
    let links = app.root.query_selector_all("a[href]").unwrap();
    for i in 0..links.length() {
        let href = links
            .item(i)
            .unwrap()
            .unchecked_into::<Element>()
            .get_attribute("href");
        assert!(
            !href
                .unwrap_or_default()
                .to_lowercase()
                .contains("javascript:"),
            "a javascript: link reached the page"
        );
    }
    let all = app.root.query_selector_all("*").unwrap();
    for i in 0..all.length() {
        let el: Element = all.item(i).unwrap().unchecked_into();
        let names = el.get_attribute_names();
        for name in names.iter() {
            let name = name.as_string().unwrap_or_default();
            assert!(
                !name.starts_with("on"),
                "an `{name}` attribute reached the page"
            );
        }
    }
    let text = body.text_content().unwrap();
    assert!(
        text.contains("<script>window.__parallax_pwned = 'escaped'</script> appeared"),
        "{text}"
    );
    assert!(pwned().is_undefined(), "page code ran: {:?}", pwned());
}

// Regression: issue 5, "a corrupt stored record does not break the app" and "never wipe it".
#[wasm_bindgen_test]
async fn a_corrupt_stored_record_is_kept_and_the_app_works() {
    let store = fresh_store();
    let good =
        parallax_core::import::to_record(&parallax_core::clean::clean_article("wire.txt", WIRE));
    storage::put(&store, &RecordKey::Number(1), &good)
        .await
        .unwrap();
    storage::put(&store, &RecordKey::Number(2), "{\"id\": \"half-writ")
        .await
        .unwrap();
    let app = load_with_store("#/yours", &store).await;
    wait_for_text(
        &app.root,
        ".unreadable h2",
        "1 stored record could not be read",
    )
    .await;
    wait_for_text(&app.root, ".your-list", "Kast tours CECOT").await;
    go("#/?q=zephyrine");
    wait_for_text(&app.root, ".article-card h2", "Kast tours CECOT").await;
    go("#/");
    wait_until("both seeds and the good record are listed", || {
        texts(&app.root, ".article-card").len() == 3
    })
    .await;
    let kept = storage::load(&store).await.unwrap();
    assert!(
        kept.iter()
            .any(|(k, raw)| *k == RecordKey::Number(2) && raw == "{\"id\": \"half-writ"),
        "the damaged record is still stored as it was: {kept:?}"
    );
}

/// A store holding the wire story, as a previous visit left it.
async fn store_with_wire() -> (String, String) {
    let store = fresh_store();
    let article = parallax_core::clean::clean_article("wire.txt", WIRE);
    let record = parallax_core::import::to_record(&article);
    storage::put(&store, &RecordKey::Number(1), &record)
        .await
        .unwrap();
    (store, article.id)
}

// Regression: issue 5, the list was computed before the store answered and never again, so a
// fresh visit to the home page showed only the embedded articles.
#[wasm_bindgen_test]
async fn the_home_list_includes_stored_articles_on_a_fresh_visit() {
    let (store, _) = store_with_wire().await;
    let app = load_with_store("#/", &store).await;
    wait_until("the stored article joins the list", || {
        texts(&app.root, ".article-card h2")
            .iter()
            .any(|t| t.contains("Kast tours CECOT"))
    })
    .await;
    assert_eq!(texts(&app.root, ".article-card").len(), 3);
}

// Regression: issue 5, opening a link to one of the reader's articles panicked: the reading
// view's highlights were computed while the store was still loading and never again.
#[wasm_bindgen_test]
async fn a_link_to_your_article_opens_it_once_the_store_answers() {
    let (store, id) = store_with_wire().await;
    let app = load_with_store(&format!("#/article/{id}?q=zephyrine"), &store).await;
    wait_for_text(&app.root, ".reading h1", "Kast tours CECOT").await;
    wait_for_text(&app.root, ".hit-count", "1 of 1").await;
    assert!(app
        .root
        .text_content()
        .unwrap()
        .contains("This article is yours"));
}
