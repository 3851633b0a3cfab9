//! The home view: search box, facet panel, results, and picking two articles to compare.

use super::marked::marked;
use super::meta::Meta;
use crate::route::{Location, Route, SearchParams};
use crate::state::{Action, AppState, Shared};
use parallax_core::library::{Facet, FacetCounts, Library, ResultHit, Results, RESULTS_PAGE};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Facet values listed before "Show all".
const FACET_PREVIEW: usize = 6;
/// Characters of body text previewed when browsing without a query.
const LEDE_CHARS: usize = 220;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub library: Shared<Library>,
    pub params: SearchParams,
    pub picked: Vec<String>,
    /// Ids of the reader's own articles, marked in the list.
    pub yours: Vec<String>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(Home)]
pub fn home(props: &HomeProps) -> Html {
    let HomeProps {
        library,
        params,
        picked,
        yours,
        dispatch,
    } = props;
    // Rows asked for, with the search they were asked for in: a new search starts at one page.
    let shown = use_state(|| (params.clone(), RESULTS_PAGE));
    let limit = if shown.0 == *params {
        shown.1
    } else {
        RESULTS_PAGE
    };
    let results = {
        let library = library.clone();
        // Regression: issue 5, the reader's articles arrive from storage after the first render.
        use_memo(
            (params.clone(), library.clone(), limit),
            move |(p, _, limit)| library.search(&p.query, &p.selection, *limit),
        )
    };
    let on_more = {
        let (shown, params) = (shown.clone(), params.clone());
        Callback::from(move |_: MouseEvent| shown.set((params.clone(), limit + RESULTS_PAGE)))
    };
    let on_input = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetQuery(input.value()));
        })
    };
    let on_toggle = use_callback(dispatch.clone(), |(facet, value): (Facet, String), d| {
        d.dispatch(Action::ToggleFacet(facet, value))
    });
    let on_pick = use_callback(dispatch.clone(), |id: String, d| {
        d.dispatch(Action::TogglePick(id))
    });
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::ClearFilters);
            // The button goes away with the filters; the search box is where to start again.
            if let Some(el) = gloo::utils::document().get_element_by_id("search-box") {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        })
    };

    html! {
        <div class="home">
            <section class="search" role="search">
                <input
                    type="search"
                    id="search-box"
                    class="search-box"
                    aria-label="Search articles"
                    aria-describedby="search-help"
                    placeholder="Search articles — try bukele, \"iron fist\", deport*"
                    value={params.query.clone()}
                    oninput={on_input}
                    autocomplete="off"
                    spellcheck="false"
                />
                <SearchHelp />
            </section>
            <div class="home-columns">
                <FacetPanel facets={results.facets.clone()} on_toggle={on_toggle} can_clear={!params.is_empty()} on_clear={on_clear} />
                <section class="results" aria-labelledby="list-heading">
                    <h1 id="list-heading">{ "Articles" }</h1>
                    <ResultSummary results={(*results).clone()} params={params.clone()} />
                    <CompareBar library={library.clone()} picked={picked.clone()} on_pick={on_pick.clone()} />
                    <ol class="article-list">
                        { for results.hits.iter().map(|hit| {
                            let article = &library.articles()[hit.article];
                            html! {
                                <ResultCard
                                    key={article.id.clone()}
                                    library={library.clone()}
                                    hit={hit.clone()}
                                    href={Location::new(Route::Article(article.id.clone()), params.clone()).to_hash()}
                                    picked={picked.contains(&article.id)}
                                    yours={yours.contains(&article.id)}
                                    on_pick={on_pick.clone()}
                                />
                            }
                        }) }
                    </ol>
                    if results.total > results.hits.len() {
                        <p class="more">
                            { format!("Showing the best {} of {}. ", results.hits.len(), results.total) }
                            <button type="button" class="show-more" onclick={on_more}>
                                { format!("Show {} more", RESULTS_PAGE.min(results.total - results.hits.len())) }
                            </button>
                        </p>
                    }
                </section>
            </div>
        </div>
    }
}

#[function_component(SearchHelp)]
fn search_help() -> Html {
    html! {
        <details class="search-help" id="search-help">
            <summary>{ "Search syntax" }</summary>
            <dl>
                <dt><code>{ "kast prison" }</code></dt><dd>{ "both words (any form: prison, prisons)" }</dd>
                <dt><code>{ "\"iron fist\"" }</code></dt><dd>{ "the exact phrase" }</dd>
                <dt><code>{ "deport*" }</code></dt><dd>{ "words starting with deport" }</dd>
                <dt><code>{ "-trump" }</code></dt><dd>{ "without this word" }</dd>
                <dt><code>{ "chile OR ecuador" }</code></dt><dd>{ "either word" }</dd>
                <dt><code>{ "outlet:times" }</code></dt><dd>{ "articles from a matching outlet" }</dd>
                <dt><code>{ "entity:amnesty" }</code></dt><dd>{ "articles naming a matching person, organisation or place" }</dd>
            </dl>
            <p>{ "Accents and case do not matter (jose finds José). Small typos are forgiven in longer words; such matches, and names split in the text (“BUK ELE'S”), are marked approximate and ranked last." }</p>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct ResultSummaryProps {
    results: Results,
    params: SearchParams,
}

#[function_component(ResultSummary)]
fn result_summary(ResultSummaryProps { results, params }: &ResultSummaryProps) -> Html {
    let (noun, verb) = if results.total == 1 {
        ("article", "matches")
    } else {
        ("articles", "match")
    };
    let count = if results.browsing && params.selection.is_empty() {
        format!("{} {noun}", results.total)
    } else if results.browsing {
        format!("{} {noun} {verb} the filters", results.total)
    } else {
        format!("{} {noun} {verb} “{}”", results.total, params.query.trim())
    };
    let suggestion_link = |word: &str, alternative: &str| {
        let query = params.query.replacen(word, alternative, 1);
        Location::new(
            Route::Home,
            SearchParams {
                query,
                selection: params.selection.clone(),
            },
        )
        .to_hash()
    };
    html! {
        <div class="result-summary">
            <p class="count" role="status" aria-live="polite">{ count }</p>
            { for results.hints.iter().map(|h| html! { <p class="hint">{ h }</p> }) }
            { for results.suggestions.iter().map(|s| html! {
                <p class="suggest">
                    { format!("No article has “{}”. Did you mean ", s.word) }
                    { for s.alternatives.iter().enumerate().map(|(i, alt)| html! {
                        <>
                            if i > 0 { { ", " } }
                            <a href={suggestion_link(&s.word, alt)}>{ alt }</a>
                        </>
                    }) }
                    { "?" }
                </p>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FacetPanelProps {
    facets: Vec<FacetCounts>,
    on_toggle: Callback<(Facet, String)>,
    can_clear: bool,
    on_clear: Callback<MouseEvent>,
}

#[function_component(FacetPanel)]
fn facet_panel(props: &FacetPanelProps) -> Html {
    html! {
        <aside class="facets" aria-label="Filters">
            <div class="facets-head">
                <h2>{ "Filter" }</h2>
                if props.can_clear {
                    <button type="button" class="clear" onclick={props.on_clear.clone()}>{ "Clear all" }</button>
                }
            </div>
            { for props.facets.iter().filter(|f| !f.values.is_empty()).map(|f| html! {
                <FacetGroup key={f.facet.key()} counts={f.clone()} on_toggle={props.on_toggle.clone()} />
            }) }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct FacetGroupProps {
    counts: FacetCounts,
    on_toggle: Callback<(Facet, String)>,
}

#[function_component(FacetGroup)]
fn facet_group(FacetGroupProps { counts, on_toggle }: &FacetGroupProps) -> Html {
    let expanded = use_state(|| false);
    let facet = counts.facet;
    let shown = if *expanded {
        counts.values.len()
    } else {
        FACET_PREVIEW.min(counts.values.len())
    };
    html! {
        <fieldset class="facet" data-facet={facet.key()}>
            <legend>{ facet.label() }</legend>
            <ul>
                { for counts.values[..shown].iter().map(|v| {
                    let on_toggle = on_toggle.clone();
                    let value = v.value.clone();
                    let onchange = Callback::from(move |_: Event| on_toggle.emit((facet, value.to_string())));
                    html! {
                        <li>
                            <label>
                                <input type="checkbox" checked={v.chosen} {onchange} />
                                <span class="value">{ &*v.value }</span>
                                <span class="n" aria-label={format!("{} articles", v.count)}>{ v.count }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if counts.values.len() > FACET_PREVIEW {
                <button type="button" class="more-values" onclick={let e = expanded.clone(); move |_| e.set(!*e)}>
                    { if *expanded { "Show fewer".to_string() } else { format!("Show all {}", counts.values.len()) } }
                </button>
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct ResultCardProps {
    library: Shared<Library>,
    hit: ResultHit,
    href: String,
    picked: bool,
    yours: bool,
    on_pick: Callback<String>,
}

/// One row: the title is a plain link, so it is keyboard-usable and opens in a new tab like any link.
#[function_component(ResultCard)]
fn result_card(props: &ResultCardProps) -> Html {
    let article = &props.library.articles()[props.hit.article];
    let onchange = {
        let (on_pick, id) = (props.on_pick.clone(), article.id.clone());
        Callback::from(move |_: Event| on_pick.emit(id.clone()))
    };
    let preview = match &props.hit.snippet {
        Some(s) => html! {
            <p class="lede snippet">
                if s.cut_start { { "… " } }
                { marked(&s.text, &s.marks) }
                if s.cut_end { { " …" } }
            </p>
        },
        None => html! { <p class="lede">{ article.lede(LEDE_CHARS) }</p> },
    };
    html! {
        <li class={classes!("article-card", props.picked.then_some("picked"))}>
            <h2><a href={props.href.clone()}>{ marked(&article.title, &props.hit.title_marks) }</a></h2>
            <Meta article={article.clone()} yours={props.yours} />
            if props.hit.approximate {
                <p class="approx-note" title="Found through a typo or a name split in the text">{ "≈ approximate match" }</p>
            }
            { preview }
            <label class="pick">
                <input type="checkbox" checked={props.picked} {onchange} />
                { " Compare" }
            </label>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct CompareBarProps {
    library: Shared<Library>,
    picked: Vec<String>,
    on_pick: Callback<String>,
}

/// Appears once an article is picked: says what is picked and, with two, links to the comparison.
#[function_component(CompareBar)]
fn compare_bar(
    CompareBarProps {
        library,
        picked,
        on_pick,
    }: &CompareBarProps,
) -> Html {
    let title = |id: &str| {
        library
            .corpus()
            .get(id)
            .map_or(id.to_string(), |a| a.title.clone())
    };
    match picked.as_slice() {
        [] => html! {},
        [one] => html! {
            <div class="compare-bar" role="status">
                { format!("Picked “{}”. Pick one more article to compare.", title(one)) }
                <button type="button" onclick={let (p, id) = (on_pick.clone(), one.clone()); move |_| p.emit(id.clone())}>{ "Unpick" }</button>
            </div>
        },
        [a, b, ..] => html! {
            <div class="compare-bar" role="status">
                <a class="button" href={Route::Compare(a.clone(), b.clone()).to_hash()}>{ "Compare the two picked articles →" }</a>
            </div>
        },
    }
}
