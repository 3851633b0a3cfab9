//! The app's state as plain data, and the reducer that is its only way to change. Tested without
//! a DOM; components dispatch [`Action`]s and render what is here.

pub mod compare;
pub mod yours;

use crate::route::{Location, Route, SearchParams};
use parallax_core::corpus::Article;
use parallax_core::library::{Facet, Layer, LayerSet, Library};
use std::rc::Rc;
use yew::Reducible;
use yours::{Yours, YoursAction};

/// How the address bar should follow the latest change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlWrite {
    /// The change came from the URL (or does not show in it).
    Keep,
    /// Typing: update the URL without a history entry per keystroke.
    Replace,
    /// A deliberate step (a filter chosen or cleared): Back undoes it.
    Push,
}

/// A value behind an `Rc`, compared by identity. Props holding a library or a computed comparison
/// are equal exactly when they hold the same one, without walking thousands of articles or
/// sentences per render; such values only change by being replaced.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub library: Shared<Library>,
    pub location: Location,
    pub url_write: UrlWrite,
    /// Highlight layers shown in the reading view.
    pub layers: LayerSet,
    /// The query hit the reading view is on, counting from 0.
    pub current_hit: u32,
    /// Articles picked from the list to compare, oldest first; at most two.
    pub picked: Vec<String>,
    /// The reader's own framing terms, highlighted with the built-in lexicon.
    pub framing: Vec<String>,
    /// The reader's own articles; `library` is the embedded one plus these.
    pub yours: Yours,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The URL changed (a link was followed, back/forward, or a pasted URL).
    Navigate(Location),
    SetQuery(String),
    ToggleFacet(Facet, String),
    /// Clears the query and every chosen facet value.
    ClearFilters,
    ToggleLayer(Layer),
    /// Moves to the next or previous of `total` hits, wrapping around.
    StepHit {
        forward: bool,
        total: u32,
    },
    TogglePick(String),
    AddFramingTerm(String),
    RemoveFramingTerm(String),
    Yours(YoursAction),
}

impl AppState {
    pub fn new(library: Library, location: Location) -> AppState {
        AppState::with_library(Shared(Rc::new(library)), location)
    }

    pub fn with_library(library: Shared<Library>, location: Location) -> AppState {
        AppState {
            yours: Yours::new(library.clone()),
            library,
            location,
            url_write: UrlWrite::Keep,
            layers: LayerSet::all(),
            current_hit: 0,
            picked: Vec::new(),
            framing: Vec::new(),
        }
    }

    pub fn params(&self) -> &SearchParams {
        &self.location.params
    }

    /// What the current route shows, resolved against the library. A link to one of the reader's
    /// own articles waits for the store rather than saying "not found" while it loads.
    pub fn view(&self) -> View<'_> {
        let missing = |id: &str| {
            if self.yours.status == yours::StoreStatus::Loading {
                View::Loading
            } else {
                View::NotFound(format!("article “{id}”"))
            }
        };
        let get = |id: &str| self.library.corpus().get(id);
        match &self.location.route {
            Route::Home => View::Home,
            Route::Article(id) => get(id).map_or_else(|| missing(id), View::Article),
            Route::Compare(a, b) if a == b => {
                View::NotFound("comparison of an article with itself".to_string())
            }
            Route::Compare(a, b) => match (get(a), get(b)) {
                (Some(a), Some(b)) => View::Compare(a, b),
                (None, _) => missing(a),
                (_, None) => missing(b),
            },
            Route::Yours => View::Yours,
            Route::NotFound(path) => View::NotFound(format!("page “{path}”")),
        }
    }

    /// The browser tab's title for the current view.
    pub fn document_title(&self) -> String {
        match self.view() {
            View::Home if self.params().query.trim().is_empty() => {
                "Parallax — one story, every side".to_string()
            }
            View::Home => format!("“{}” — Parallax", self.params().query.trim()),
            View::Article(a) => format!("{} — Parallax", a.title),
            View::Compare(a, b) => format!("{} ⟷ {} — Parallax", short(&a.title), short(&b.title)),
            View::Yours => "Your articles — Parallax".to_string(),
            View::Loading => "Parallax".to_string(),
            View::NotFound(_) => "Not found — Parallax".to_string(),
        }
    }

    /// A link to `route` that keeps the current query and filters.
    pub fn link(&self, route: Route) -> String {
        Location::new(route, self.location.params.clone()).to_hash()
    }

    fn with(self: &Rc<Self>, change: impl FnOnce(&mut AppState)) -> Rc<AppState> {
        let mut next = (**self).clone();
        change(&mut next);
        Rc::new(next)
    }
}

/// A title cut to a few words, for places where two must fit.
fn short(title: &str) -> String {
    const WORDS: usize = 5;
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() <= WORDS {
        title.to_string()
    } else {
        format!("{}…", words[..WORDS].join(" "))
    }
}

/// A resolved view: a route plus the data it shows.
#[derive(Debug, PartialEq)]
pub enum View<'a> {
    Home,
    Article(&'a Article),
    Compare(&'a Article, &'a Article),
    Yours,
    /// The route may name one of the reader's articles, and the store has not answered yet.
    Loading,
    NotFound(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Navigate(location) if location == self.location => self,
            Action::Navigate(location) => self.with(|s| {
                if location.route != s.location.route
                    || location.params.query != s.location.params.query
                {
                    s.current_hit = 0;
                }
                // The picks were for this comparison; coming back starts a fresh choice.
                if matches!(location.route, Route::Compare(..)) {
                    s.picked.clear();
                }
                s.location = location;
                s.url_write = UrlWrite::Keep;
            }),
            Action::SetQuery(query) if query == self.location.params.query => self,
            Action::SetQuery(query) => self.with(|s| {
                s.location.params.query = query;
                s.current_hit = 0;
                s.url_write = UrlWrite::Replace;
            }),
            Action::ToggleFacet(facet, value) => self.with(|s| {
                s.location.params.selection.toggle(facet, &value);
                s.url_write = UrlWrite::Push;
            }),
            Action::ClearFilters if self.location.params.is_empty() => self,
            Action::ClearFilters => self.with(|s| {
                s.location.params = SearchParams::default();
                s.current_hit = 0;
                s.url_write = UrlWrite::Push;
            }),
            Action::ToggleLayer(layer) => self.with(|s| {
                s.layers = s.layers.toggled(layer);
                s.url_write = UrlWrite::Keep;
            }),
            Action::StepHit { total: 0, .. } => self,
            Action::StepHit { forward, total } => self.with(|s| {
                let cur = s.current_hit.min(total - 1);
                s.current_hit = if forward {
                    (cur + 1) % total
                } else {
                    (cur + total - 1) % total
                };
                s.url_write = UrlWrite::Keep;
            }),
            Action::AddFramingTerm(term) => {
                let term = term.split_whitespace().collect::<Vec<_>>().join(" ");
                let known = self.framing.iter().any(|t| t.eq_ignore_ascii_case(&term));
                if term.is_empty() || known {
                    return self;
                }
                self.with(|s| {
                    s.framing.push(term);
                    s.url_write = UrlWrite::Keep;
                })
            }
            Action::RemoveFramingTerm(term) => self.with(|s| {
                s.framing.retain(|t| *t != term);
                s.url_write = UrlWrite::Keep;
            }),
            Action::Yours(action) => self.with(|s| {
                let current = s.library.clone();
                if let Some(next) = s.yours.apply(action, &current) {
                    s.library = Shared(Rc::new(next));
                    s.picked.retain(|id| s.library.corpus().get(id).is_some());
                }
                s.url_write = UrlWrite::Keep;
            }),
            Action::TogglePick(id) => self.with(|s| {
                if let Some(i) = s.picked.iter().position(|p| *p == id) {
                    s.picked.remove(i);
                } else {
                    s.picked.push(id);
                    if s.picked.len() > 2 {
                        s.picked.remove(0);
                    }
                }
                s.url_write = UrlWrite::Keep;
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::clean::clean_article;
    use parallax_core::corpus::Corpus;

    fn state(route: Route) -> Rc<AppState> {
        let corpus = Corpus::from_articles(vec![
            clean_article("a.txt", "Storm hits coast\n\nThe storm hit at dawn."),
            clean_article("b.txt", "Markets rally\n\nStocks rose."),
        ]);
        Rc::new(AppState::new(
            Library::build(corpus),
            Location::new(route, SearchParams::default()),
        ))
        .reduce(Action::Yours(YoursAction::Loaded(Ok(Vec::new()))))
    }

    fn go(route: Route) -> Action {
        Action::Navigate(Location::new(route, SearchParams::default()))
    }

    #[test]
    fn navigating_to_an_article_shows_it() {
        let s = state(Route::Home).reduce(go(Route::Article("markets-rally".into())));
        match s.view() {
            View::Article(a) => assert_eq!(a.title, "Markets rally"),
            other => panic!("expected the article, got {other:?}"),
        }
        assert_eq!(s.document_title(), "Markets rally — Parallax");
        assert_eq!(s.url_write, UrlWrite::Keep, "the URL is already there");
    }

    #[test]
    fn unknown_article_id_is_not_found() {
        let s = state(Route::Article("gone".into()));
        assert_eq!(s.view(), View::NotFound("article “gone”".into()));
    }

    #[test]
    fn unknown_article_waits_for_the_store_before_it_is_not_found() {
        let corpus = Corpus::from_articles(vec![clean_article("a.txt", "Storm\n\nRain.")]);
        let location = Location::new(Route::Article("mine".into()), SearchParams::default());
        let s = Rc::new(AppState::new(Library::build(corpus), location));
        assert_eq!(s.view(), View::Loading);
        let s = s.reduce(Action::Yours(YoursAction::Loaded(Err("blocked".into()))));
        assert_eq!(s.view(), View::NotFound("article “mine”".into()));
    }

    #[test]
    fn navigating_to_the_same_location_keeps_the_state() {
        let s = state(Route::Home);
        let again = Rc::clone(&s).reduce(go(Route::Home));
        assert!(
            Rc::ptr_eq(&s, &again),
            "an unchanged state must not re-render the app"
        );
    }

    #[test]
    fn compare_route_resolves_both_sides_or_names_the_missing_one() {
        let s = state(Route::Compare(
            "storm-hits-coast".into(),
            "markets-rally".into(),
        ));
        match s.view() {
            View::Compare(a, b) => assert_eq!(
                (a.title.as_str(), b.title.as_str()),
                ("Storm hits coast", "Markets rally")
            ),
            other => panic!("expected a comparison, got {other:?}"),
        }
        assert_eq!(
            s.document_title(),
            "Storm hits coast ⟷ Markets rally — Parallax"
        );
        let missing = state(Route::Compare("storm-hits-coast".into(), "gone".into()));
        assert_eq!(missing.view(), View::NotFound("article “gone”".into()));
    }

    #[test]
    fn typing_replaces_the_url_and_filters_push_it() {
        let s = state(Route::Home).reduce(Action::SetQuery("storm".into()));
        assert_eq!(s.url_write, UrlWrite::Replace);
        assert_eq!(s.location.to_hash(), "#/?q=storm");
        assert_eq!(s.document_title(), "“storm” — Parallax");
        let s = s.reduce(Action::ToggleFacet(Facet::Place, "Chile".into()));
        assert_eq!(s.url_write, UrlWrite::Push);
        assert_eq!(s.location.to_hash(), "#/?q=storm&place=Chile");
        let s = s.reduce(Action::ClearFilters);
        assert_eq!(s.location.to_hash(), "#/");
        assert_eq!(s.url_write, UrlWrite::Push);
    }

    #[test]
    fn links_carry_the_search_into_articles() {
        let s = state(Route::Home).reduce(Action::SetQuery("storm".into()));
        assert_eq!(
            s.link(Route::Article("storm-hits-coast".into())),
            "#/article/storm-hits-coast?q=storm"
        );
    }

    #[test]
    fn hit_steps_wrap_and_reset_when_the_query_changes() {
        let s = state(Route::Article("storm-hits-coast".into()));
        let s = s.reduce(Action::StepHit {
            forward: false,
            total: 3,
        });
        assert_eq!(
            s.current_hit, 2,
            "previous from the first wraps to the last"
        );
        let s = s.reduce(Action::StepHit {
            forward: true,
            total: 3,
        });
        assert_eq!(s.current_hit, 0);
        let s = s
            .reduce(Action::StepHit {
                forward: true,
                total: 3,
            })
            .reduce(Action::SetQuery("dawn".into()));
        assert_eq!(s.current_hit, 0);
        let same = Rc::clone(&s).reduce(Action::StepHit {
            forward: true,
            total: 0,
        });
        assert!(Rc::ptr_eq(&s, &same), "no hits, nothing to step through");
    }

    #[test]
    fn layers_toggle_independently() {
        let s = state(Route::Home).reduce(Action::ToggleLayer(Layer::Person));
        assert!(!s.layers.contains(Layer::Person));
        assert!(s.layers.contains(Layer::Hit));
        let s = s.reduce(Action::ToggleLayer(Layer::Person));
        assert_eq!(s.layers, LayerSet::all());
    }

    #[test]
    fn framing_terms_are_added_once_tidied_and_removed() {
        let s = state(Route::Home)
            .reduce(Action::AddFramingTerm("  iron   fist ".into()))
            .reduce(Action::AddFramingTerm("Iron Fist".into()))
            .reduce(Action::AddFramingTerm("   ".into()))
            .reduce(Action::AddFramingTerm("spotlight".into()));
        assert_eq!(s.framing, ["iron fist", "spotlight"]);
        let s = s.reduce(Action::RemoveFramingTerm("iron fist".into()));
        assert_eq!(s.framing, ["spotlight"]);
    }

    #[test]
    fn opening_a_comparison_clears_the_picks_and_refuses_a_self_comparison() {
        let s = state(Route::Home)
            .reduce(Action::TogglePick("storm-hits-coast".into()))
            .reduce(Action::TogglePick("markets-rally".into()))
            .reduce(go(Route::Compare(
                "storm-hits-coast".into(),
                "markets-rally".into(),
            )));
        assert!(s.picked.is_empty());
        let same = state(Route::Compare(
            "markets-rally".into(),
            "markets-rally".into(),
        ));
        assert_eq!(
            same.view(),
            View::NotFound("comparison of an article with itself".into())
        );
    }

    #[test]
    fn picking_keeps_the_last_two() {
        let s = state(Route::Home)
            .reduce(Action::TogglePick("a".into()))
            .reduce(Action::TogglePick("b".into()))
            .reduce(Action::TogglePick("c".into()));
        assert_eq!(s.picked, ["b", "c"]);
        let s = s.reduce(Action::TogglePick("b".into()));
        assert_eq!(s.picked, ["c"]);
    }
}
