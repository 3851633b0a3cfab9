use super::marked::layered;
use super::meta::{removed_label, Meta};
use crate::hooks::is_typing;
use crate::route::Route;
use crate::state::{Action, AppState};
use gloo::events::EventListener;
use parallax_core::corpus::Article;
use parallax_core::extract::default_lexicon;
use parallax_core::library::{Highlighted, Layer, LayerSet};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Article,
    /// The article cut into highlight segments (from the core).
    pub highlighted: Highlighted,
    pub layers: LayerSet,
    pub current_hit: u32,
    /// The reader's own framing terms.
    pub framing: Vec<String>,
    /// Where "back" goes: the list with the reader's query and filters.
    pub back: String,
    pub dispatch: UseReducerDispatcher<AppState>,
    /// One of the reader's own articles: its link works only in this browser.
    #[prop_or_default]
    pub yours: bool,
    #[prop_or_default]
    pub aside: Html,
}

/// The reading view. Every piece of article text is a text node: Yew escapes it, and nothing here
/// sets inner HTML, so markup inside an article is shown as characters and never runs.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let ArticleViewProps {
        article,
        highlighted,
        layers,
        current_hit,
        framing,
        back,
        dispatch,
        yours,
        aside,
    } = props;
    let heading = use_node_ref();
    let body = use_node_ref();
    {
        // Moving focus to the new heading tells keyboard and screen-reader users the view changed.
        let heading = heading.clone();
        use_effect_with(article.id.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        });
    }
    let hits = highlighted.hits;
    let hits_on = layers.contains(Layer::Hit) && hits > 0;
    {
        // `n` / `p` step through the hits, except while the reader is typing somewhere.
        let dispatch = dispatch.clone();
        use_effect_with((hits, hits_on), move |&(total, on)| {
            let listener = on.then(|| {
                EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                    let e: &web_sys::KeyboardEvent = e.unchecked_ref();
                    if e.ctrl_key() || e.meta_key() || e.alt_key() || is_typing(e) {
                        return;
                    }
                    match e.key().as_str() {
                        "n" => dispatch.dispatch(Action::StepHit {
                            forward: true,
                            total,
                        }),
                        "p" => dispatch.dispatch(Action::StepHit {
                            forward: false,
                            total,
                        }),
                        _ => {}
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let body = body.clone();
        use_effect_with(
            (*current_hit, hits_on, article.id.clone()),
            move |&(n, on, _)| {
                if let (true, Some(root)) = (on, body.cast::<web_sys::Element>()) {
                    if let Ok(Some(el)) = root.query_selector(&format!("mark[data-hit=\"{n}\"]")) {
                        let opts = web_sys::ScrollIntoViewOptions::new();
                        opts.set_block(web_sys::ScrollLogicalPosition::Center);
                        el.scroll_into_view_with_scroll_into_view_options(&opts);
                    }
                }
            },
        );
    }
    let current = hits_on.then_some((*current_hit).min(hits.saturating_sub(1)));
    let step = |forward: bool| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::StepHit {
                forward,
                total: hits,
            })
        })
    };

    html! {
        <div class="reading-wrap">
        <article class="reading" lang={article.language.clone()}>
            <nav class="crumbs"><a href={back.clone()}>{ "← All articles" }</a></nav>
            <h1 tabindex="-1" ref={heading}>{ layered(&article.title, &highlighted.title, *layers, current) }</h1>
            <Meta article={article.clone()} yours={*yours} />
            if *yours {
                <p class="share-note">
                    { "This article is yours: it is kept only in this browser, so this page's link opens it only here. To share it, " }
                    <a href={Route::Yours.to_hash()}>{ "export it from Your articles" }</a>
                    { " and send the file; whoever adds that file to Parallax gets the same article." }
                </p>
            }
            <dl class="facts">
                if let Some(a) = &article.author {
                    <dt>{ "By" }</dt><dd>{ a }</dd>
                }
                if let Some(url) = &article.url {
                    <dt>{ "Published at" }</dt><dd>{ source_link(url) }</dd>
                }
                if let Some(d) = &article.dateline {
                    <dt>{ "Dateline" }</dt><dd>{ d }</dd>
                }
                <dt>{ "Language" }</dt><dd>{ &article.language }</dd>
                <dt>{ "Source file" }</dt><dd><code>{ &article.source_file }</code></dd>
            </dl>
            <div class="toolbar">
                <LayerLegend counts={highlighted.counts} layers={*layers} dispatch={dispatch.clone()} />
                if hits > 0 {
                    <div class="hit-nav">
                        <button type="button" aria-label="Previous hit (p)" onclick={step(false)} disabled={!hits_on}>{ "↑" }</button>
                        <span class="hit-count" role="status" aria-live="polite">
                            { match current {
                                Some(c) => format!("{} of {}", c + 1, hits),
                                None => format!("{hits} hits hidden"),
                            } }
                        </span>
                        <button type="button" aria-label="Next hit (n)" onclick={step(true)} disabled={!hits_on}>{ "↓" }</button>
                    </div>
                }
            </div>
            <FramingTerms terms={framing.clone()} dispatch={dispatch.clone()} />
            <div class="body" ref={body}>
                { for article.paragraphs.iter().zip(&highlighted.paragraphs).map(|(p, segs)| html! {
                    <p>{ layered(p, segs, *layers, current) }</p>
                }) }
            </div>
            if !article.removed.is_empty() {
                <details class="removed">
                    <summary>{ removed_label(article.removed.len()) }</summary>
                    <p>{ "Parallax took these lines out of the text above. They are kept here, unchanged." }</p>
                    <ul>
                        { for article.removed.iter().map(|r| html! {
                            <li>
                                <q>{ &r.text }</q>
                                <span class="reason">{ format!(" — {} (line {})", r.reason.label(), r.line) }</span>
                            </li>
                        }) }
                    </ul>
                </details>
            }
        </article>
        { aside.clone() }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LayerLegendProps {
    counts: [usize; 7],
    layers: LayerSet,
    dispatch: UseReducerDispatcher<AppState>,
}

/// One switch per layer, each showing its own style as the sample, so the legend is the key.
#[function_component(LayerLegend)]
fn layer_legend(
    LayerLegendProps {
        counts,
        layers,
        dispatch,
    }: &LayerLegendProps,
) -> Html {
    html! {
        <fieldset class="legend">
            <legend>{ "Highlight" }</legend>
            { for Layer::ALL.iter().map(|&layer| {
                let dispatch = dispatch.clone();
                let onchange = Callback::from(move |_: Event| dispatch.dispatch(Action::ToggleLayer(layer)));
                html! {
                    <label class="layer-switch" data-layer={layer.key()}>
                        <input type="checkbox" checked={layers.contains(layer)} {onchange} />
                        <span class={classes!(format!("l-{}", layer.key()), "sample")}>{ layer.label() }</span>
                        <span class="n">{ counts[layer as usize] }</span>
                    </label>
                }
            }) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct FramingTermsProps {
    terms: Vec<String>,
    dispatch: UseReducerDispatcher<AppState>,
}

/// The framing lexicon, open to read and to extend: the built-in terms by category, the reader's
/// own terms with a way to remove each, and a field to add one.
#[function_component(FramingTerms)]
fn framing_terms(FramingTermsProps { terms, dispatch }: &FramingTermsProps) -> Html {
    let input = use_node_ref();
    let built_in: Vec<String> = default_lexicon()
        .terms()
        .map(|(term, category)| format!("{term} ({})", format!("{category:?}").to_lowercase()))
        .collect();
    let notice = use_state(|| None::<String>);
    let onsubmit = {
        let (input, dispatch, notice) = (input.clone(), dispatch.clone(), notice.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(field) = input.cast::<web_sys::HtmlInputElement>() {
                let term = field.value();
                if default_lexicon().contains(&term) {
                    notice.set(Some(format!(
                        "“{}” is already a built-in term.",
                        term.trim()
                    )));
                } else {
                    notice.set(None);
                    dispatch.dispatch(Action::AddFramingTerm(term));
                    field.set_value("");
                }
            }
        })
    };
    html! {
        <details class="framing-terms">
            <summary>{ format!("Framing terms: {} built in, {} yours", built_in.len(), terms.len()) }</summary>
            <p>{ "Words that frame a story rather than report it. Add your own; they are kept in this browser only." }</p>
            <form class="add-term" {onsubmit}>
                <label>{ "Add a term " }<input ref={input.clone()} type="text" name="term" placeholder="e.g. tough-on-crime" /></label>
                <button type="submit">{ "Add" }</button>
            </form>
            if let Some(n) = &*notice {
                <p class="notice" role="status">{ n }</p>
            }
            if !terms.is_empty() {
                <ul class="your-terms">
                    { for terms.iter().map(|t| {
                        let (dispatch, term, input) = (dispatch.clone(), t.clone(), input.clone());
                        // The chip disappears; focus goes to the field rather than the page body.
                        let onclick = Callback::from(move |_: MouseEvent| {
                            dispatch.dispatch(Action::RemoveFramingTerm(term.clone()));
                            if let Some(field) = input.cast::<web_sys::HtmlElement>() {
                                let _ = field.focus();
                            }
                        });
                        html! { <li>{ t }<button type="button" aria-label={format!("Remove {t}")} {onclick}>{ "×" }</button></li> }
                    }) }
                </ul>
            }
            <p class="built-in">{ built_in.join(" · ") }</p>
        </details>
    }
}

/// A source address as a link only when it is a web address: an imported page may carry any
/// scheme, and a `javascript:` link must stay text.
fn source_link(url: &str) -> Html {
    let lower = url.trim_start().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        html! { <a href={url.to_string()} rel="noopener noreferrer nofollow" target="_blank">{ url }</a> }
    } else {
        html! { <code>{ url }</code> }
    }
}
