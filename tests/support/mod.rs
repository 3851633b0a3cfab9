//! Shared harness for the browser tests: mount the app as a page load would, wait for what a
//! reader would wait for, read what a reader would see.
#![allow(dead_code)] // each test crate uses a different subset

use parallax_app::state::Shared;
use parallax_app::{App, AppProps};
use parallax_core::library::Library;
use std::rc::Rc;
use web_sys::Element;

/// A mounted app that is torn down when the test ends, pass or fail, so tests do not see each
/// other's DOM.
pub struct Mounted {
    pub root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn new_root() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// Mounts the app as a fresh page load at `hash` would: the URL is set first, then the app starts.
/// Each mount keeps the reader's articles in a store of its own, so tests never see each other's.
pub async fn load_at(hash: &str) -> Mounted {
    load_with_store(hash, &fresh_store()).await
}

/// Mounts the app over `library` instead of the embedded one.
pub async fn load_library_at(hash: &str, library: Library) -> Mounted {
    mount(
        hash,
        AppProps {
            library: Some(Shared(Rc::new(library))),
            store: fresh_store().into(),
        },
    )
    .await
}

/// Mounts the app over the store `name`: mounting twice with one name is a reload.
pub async fn load_with_store(hash: &str, name: &str) -> Mounted {
    mount(
        hash,
        AppProps {
            library: None,
            store: name.to_string().into(),
        },
    )
    .await
}

/// A store name no other test in this browser has used.
pub fn fresh_store() -> String {
    thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    let n = NEXT.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    format!("parallax-test-{}-{n}", js_sys::Date::now())
}

async fn mount(hash: &str, props: AppProps) -> Mounted {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    // Let the hashchange from setting the URL fire before the app exists, as on a real load.
    settle().await;
    let root = new_root();
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    let mounted = Mounted {
        root,
        handle: Some(handle),
    };
    wait_for(&mounted.root, "main").await;
    mounted
}

pub async fn settle() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}

/// Waits (up to 3 s) until `selector` matches inside `root`; panics naming it otherwise.
pub async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..300 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!(
        "nothing matched `{selector}` within 3 s; page was: {}",
        root.inner_html()
    );
}

/// Waits until the element matching `selector` has text containing `want`.
pub async fn wait_for_text(root: &Element, selector: &str, want: &str) -> Element {
    for _ in 0..300 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            if el.text_content().unwrap_or_default().contains(want) {
                return el;
            }
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!(
        "`{selector}` never showed {want:?}; page was: {}",
        root.inner_html()
    );
}

/// Waits (up to 3 s) until `done` holds; panics with `what` otherwise.
pub async fn wait_until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..300 {
        if done() {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting until {what}");
}

pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}
