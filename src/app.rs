use crate::components::{ArticleView, CompareView, CompareWith, Home, NotFound, YoursView};
use crate::hooks::{current_location, use_hash_route, use_store};
use crate::route::{Location, Route};
use crate::state::{Action, AppState, Shared, UrlWrite, View};
use parallax_core::library::Library;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The library to show instead of the embedded one (tests mount the app over their own).
    #[prop_or_default]
    pub library: Option<Shared<Library>>,
    /// The IndexedDB database that keeps the reader's articles (tests give each its own).
    #[prop_or(AttrValue::Static(STORE_NAME))]
    pub store: AttrValue,
}

/// The database holding the reader's articles in this browser.
pub const STORE_NAME: &str = "parallax";

/// The whole app: reads the location from the URL, keeps it in the state, renders the view, and
/// writes state changes back to the URL so every view can be reloaded and shared.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        let library = props
            .library
            .clone()
            .unwrap_or_else(|| Shared(std::rc::Rc::new(crate::embedded::library())));
        let mut state = AppState::with_library(library, current_location());
        state.framing = stored_framing_terms();
        state
    });
    {
        let dispatch = state.dispatcher();
        use_hash_route(Callback::from(move |location| {
            dispatch.dispatch(Action::Navigate(location))
        }));
    }
    use_store(props.store.clone(), &state);
    {
        let title = state.document_title();
        use_effect_with(title, |title| gloo::utils::document().set_title(title));
    }
    {
        let terms = state.framing.clone();
        use_effect_with(terms, |terms| store_framing_terms(terms));
    }
    {
        let (hash, write) = (state.location.to_hash(), state.url_write);
        use_effect_with((hash, write), |(hash, write)| write_url(hash, *write));
    }

    let query = state.params().query.clone();
    let highlighted = {
        // The library is a dependency: a link to one of the reader's articles is opened before
        // the store has answered, and an edit changes the article under the same id.
        let (library, article) = (state.library.clone(), article_id(&state.location));
        use_memo(
            (article, query, state.framing.clone(), state.library.clone()),
            move |(id, query, framing, _)| {
                id.as_deref()
                    .and_then(|id| library.corpus().get(id))
                    .map(|a| library.highlight(a, query, framing))
            },
        )
    };

    let main = match state.view() {
        View::Home => html! {
            <Home library={state.library.clone()} params={state.params().clone()} picked={state.picked.clone()} yours={your_ids(&state)} dispatch={state.dispatcher()} />
        },
        View::Article(article) => html! {
            <ArticleView
                article={article.clone()}
                highlighted={(*highlighted).clone().expect("an article view has its highlights")}
                layers={state.layers}
                current_hit={state.current_hit}
                framing={state.framing.clone()}
                back={state.link(Route::Home)}
                dispatch={state.dispatcher()}
                yours={state.yours.contains(&article.id)}
                aside={html! { <CompareWith article={article.clone()} library={state.library.clone()} /> }}
            />
        },
        View::Compare(a, b) => html! {
            <CompareView a={a.clone()} b={b.clone()} back={state.link(Route::Home)} />
        },
        View::Yours => {
            html! { <YoursView yours={state.yours.clone()} dispatch={state.dispatcher()} /> }
        }
        View::Loading => {
            html! { <p class="notice" role="status">{ "Reading your articles from this browser…" }</p> }
        }
        View::NotFound(what) => html! { <NotFound {what} /> },
    };
    html! {
        <>
            <header class="site-header">
                <a class="brand" href="#/">{ "Parallax" }</a>
                <span class="tagline">{ "One news story, seen from every side" }</span>
                <nav class="site-nav">
                    <a href={state.link(Route::Yours)} aria-current={(state.location.route == Route::Yours).then_some("page")}>
                        { match state.yours.articles.len() { 0 => "Add your articles".to_string(), n => format!("Your articles ({n})") } }
                    </a>
                </nav>
            </header>
            <main id="main">{ main }</main>
            <footer class="site-footer">
                { format!("{} articles · runs entirely in your browser; nothing is uploaded", state.library.articles().len()) }
            </footer>
        </>
    }
}

fn your_ids(state: &AppState) -> Vec<String> {
    state
        .yours
        .articles
        .iter()
        .map(|s| s.article.id.clone())
        .collect()
}

fn article_id(location: &Location) -> Option<String> {
    match &location.route {
        Route::Article(id) => Some(id.clone()),
        _ => None,
    }
}

/// Puts `hash` in the address bar without firing `hashchange` (the state is already there).
fn write_url(hash: &str, write: UrlWrite) {
    let window = gloo::utils::window();
    if write == UrlWrite::Keep || window.location().hash().ok().as_deref() == Some(hash) {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let url = Some(hash);
    let _ = match write {
        UrlWrite::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", url),
        _ => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", url),
    };
}

/// Where the reader's framing terms are kept between visits, one per line.
const FRAMING_KEY: &str = "parallax.framing-terms";

fn stored_framing_terms() -> Vec<String> {
    let stored = gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(FRAMING_KEY).ok().flatten())
        .unwrap_or_default();
    stored
        .lines()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Best effort: with storage blocked or full the terms still work for this visit.
fn store_framing_terms(terms: &[String]) {
    if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
        let _ = storage.set_item(FRAMING_KEY, &terms.join("\n"));
    }
}
