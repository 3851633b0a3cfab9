//! The side-by-side comparison view (`#/compare/<a>/<b>`), and the list of articles to compare
//! one with. The comparison itself is the core's ([`parallax_core::compare`]); this module lays
//! it out and wires the page: scrolling, the difference walk, exports.

mod cards;
mod layout;
mod model;
mod panes;
mod scroll;
mod summary;
mod with;

pub use with::CompareWith;

use crate::hooks::is_typing;
use crate::state::compare::{CompareAction, CompareState};
use cards::Cards;
use gloo::events::{EventListener, EventListenerOptions};
use model::{Model, Shared};
use panes::ArticleColumn;
use parallax_core::corpus::Article;
use parallax_core::report::{self, Column};
use scroll::{Guard, SharedGuard};
use std::rc::Rc;
use summary::Summary;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub a: Article,
    pub b: Article,
    /// Where "back" goes: the list with the reader's query and filters.
    pub back: String,
}

/// Two articles side by side. Keyed by the pair, so a new pair (swapping sides included) starts
/// with fresh state, scrolled to the top.
#[function_component(CompareView)]
pub fn compare_view(CompareViewProps { a, b, back }: &CompareViewProps) -> Html {
    html! { <Comparer key={format!("{}|{}", a.id, b.id)} a={a.clone()} b={b.clone()} back={back.clone()} /> }
}

#[function_component(Comparer)]
fn comparer(CompareViewProps { a, b, back }: &CompareViewProps) -> Html {
    let model = {
        let (a, b) = (a.clone(), b.clone());
        // By content, not id: the reader may edit an article's details while comparing it.
        use_memo((a.clone(), b.clone()), move |_| {
            crate::state::Shared(Rc::new(Model::new(parallax_core::compare::compare(&a, &b))))
        })
    };
    let model: Shared = (*model).clone();
    let state = {
        let model = model.clone();
        use_reducer(move || CompareState::new(model.stops()))
    };
    let dispatch = state.dispatcher();
    let (pane_a, pane_b, panes_box, list, heading) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let guard: SharedGuard = (*use_memo((), |_| Rc::new(Guard::default()))).clone();

    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        });
    }
    {
        // Synchronised scrolling: whichever pane the reader scrolls leads.
        let (pane_a, pane_b, guard) = (pane_a.clone(), pane_b.clone(), guard.clone());
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if let (Some(a), Some(b)) = (
                pane_a.cast::<web_sys::Element>(),
                pane_b.cast::<web_sys::Element>(),
            ) {
                for (col, src, dst) in [(Column::A, a.clone(), b.clone()), (Column::B, b, a)] {
                    let guard = guard.clone();
                    let target = src.clone();
                    listeners.push(EventListener::new(&target, "scroll", move |_| {
                        if !guard.ours(col, &src) {
                            scroll::follow(&src, &dst, col.other(), &guard);
                        }
                    }));
                }
            }
            move || drop(listeners)
        });
    }
    {
        // The difference walk from the keyboard, anywhere on the page but in a text field.
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if e.default_prevented()
                        || e.ctrl_key()
                        || e.meta_key()
                        || e.alt_key()
                        || is_typing(e)
                    {
                        return;
                    }
                    let action = match e.key().as_str() {
                        "n" => CompareAction::Next,
                        "p" => CompareAction::Prev,
                        _ => return,
                    };
                    e.prevent_default();
                    dispatch.dispatch(action);
                },
            );
            move || drop(listener)
        });
    }
    {
        let (pane_a, pane_b, panes_box, list, guard) = (
            pane_a.clone(),
            pane_b.clone(),
            panes_box.clone(),
            list.clone(),
            guard.clone(),
        );
        use_effect_with((state.reveal, state.current), move |(reveal, current)| {
            if let (Some(r), Some(a), Some(b)) = (
                reveal,
                pane_a.cast::<web_sys::Element>(),
                pane_b.cast::<web_sys::Element>(),
            ) {
                scroll::reveal(
                    [&a, &b],
                    panes_box.cast::<web_sys::Element>().as_ref(),
                    r,
                    &guard,
                );
            }
            if let (Some(i), Some(list)) = (current, list.cast::<web_sys::Element>()) {
                scroll::card_into_view(&list, *i);
            }
        });
    }

    let on_select = use_callback(dispatch.clone(), |i: usize, d| {
        d.dispatch(CompareAction::Select(i))
    });
    let on_next = use_callback(dispatch.clone(), |_: MouseEvent, d| {
        d.dispatch(CompareAction::Next)
    });
    let on_prev = use_callback(dispatch.clone(), |_: MouseEvent, d| {
        d.dispatch(CompareAction::Prev)
    });
    let on_partner = use_callback(
        (dispatch.clone(), model.clone()),
        |(col, i): (Column, usize), (d, model)| {
            let Some(&p) = model.layout.placed(col, i).partners.first() else {
                return;
            };
            let (a, b) = if col == Column::A { (i, p) } else { (p, i) };
            d.dispatch(CompareAction::Show {
                a: Some(a),
                b: Some(b),
            });
        },
    );
    let on_tick = use_callback(dispatch.clone(), |(col, i): (Column, usize), d| {
        let (a, b) = if col == Column::A {
            (Some(i), None)
        } else {
            (None, Some(i))
        };
        d.dispatch(CompareAction::Show { a, b });
    });
    let on_markdown = use_callback(model.clone(), |_: MouseEvent, model| {
        let _ = crate::download::download(
            &export_name(&model.c, "md"),
            "text/markdown;charset=utf-8",
            &report::markdown(&model.c),
        );
    });
    let on_json = use_callback(model.clone(), |_: MouseEvent, model| {
        if let Ok(text) = crate::download::json(&model.c) {
            let _ = crate::download::download(
                &export_name(&model.c, "json"),
                "application/json",
                &text,
            );
        }
    });

    let reveal_for = |col: Column| {
        state
            .reveal
            .and_then(|r| if col == Column::A { r.a } else { r.b }.map(|s| (s, r.nonce)))
    };
    html! {
        <div class="compare">
            <nav class="crumbs"><a href={back.clone()}>{ "← All articles" }</a></nav>
            <Summary model={model.clone()} {on_markdown} {on_json} heading={heading} />
            <div class="cmp-work">
                <div class="cmp-panes" ref={panes_box}>
                    <ArticleColumn model={model.clone()} col={Column::A} reveal={reveal_for(Column::A)} disc={state.current}
                        pane={pane_a} on_partner={on_partner.clone()} on_tick={on_tick.clone()} />
                    <ArticleColumn model={model.clone()} col={Column::B} reveal={reveal_for(Column::B)} disc={state.current}
                        pane={pane_b} {on_partner} {on_tick} />
                </div>
                <Cards model={model} current={state.current} announcement={state.announcement()} {on_select} {on_next} {on_prev} {list} />
            </div>
        </div>
    }
}

/// `a--vs--b.md`-style file name for an export of a comparison.
fn export_name(c: &parallax_core::compare::Comparison, ext: &str) -> String {
    format!("{}--vs--{}.{ext}", c.a.id, c.b.id)
}
