use crate::route::Location;
use gloo::events::EventListener;
use yew::prelude::*;

/// Calls `on_location` with the location in the URL whenever it changes (links, back/forward,
/// edits to the address bar). Both `hashchange` and `popstate` are heard: Back over an entry the
/// app pushed with `history.pushState` is only guaranteed to fire the latter, and the reducer
/// ignores the repeat when both fire. The listeners live as long as the calling component.
#[hook]
pub fn use_hash_route(on_location: Callback<Location>) {
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let listeners: Vec<EventListener> = ["hashchange", "popstate"]
            .into_iter()
            .map(|event| {
                let on_location = on_location.clone();
                EventListener::new(&window, event, move |_| {
                    on_location.emit(current_location())
                })
            })
            .collect();
        move || drop(listeners)
    });
}

/// The location in the page's URL right now.
pub fn current_location() -> Location {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    Location::from_hash(&hash)
}
