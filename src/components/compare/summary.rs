//! The head of the comparison: the two articles, the swap link, the headline numbers (which also
//! serve as the legend of the columns' marks) and the export buttons.

use super::layout::Status;
use super::model::{status_icon, Shared};
use crate::route::Route;
use parallax_core::report::Column;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub model: Shared,
    pub on_markdown: Callback<MouseEvent>,
    pub on_json: Callback<MouseEvent>,
    pub heading: NodeRef,
}

#[function_component(Summary)]
pub fn summary(
    SummaryProps {
        model,
        on_markdown,
        on_json,
        heading,
    }: &SummaryProps,
) -> Html {
    let c = &model.c;
    let s = &c.summary;
    let side = |col: Column| {
        let side = if col == Column::A { &c.a } else { &c.b };
        let lower = col.letter().to_ascii_lowercase();
        html! {
            <div class={classes!("side", format!("side-{lower}"))}>
                <span class={classes!("badge", format!("badge-{lower}"))}>{ col.letter() }</span>
                <div class="side-text">
                    <a class="side-title" href={Route::Article(side.id.clone()).to_hash()}>{ &side.title }</a>
                    <span class="side-meta">
                        { side.outlet.clone().unwrap_or_else(|| "Unknown outlet".to_string()) }
                    </span>
                </div>
            </div>
        }
    };
    let meter = |label: &str, share: f64, class: &str| {
        let pct = (share * 100.0).round().clamp(0.0, 100.0);
        html! {
            <div class={classes!("cov", class.to_string())}>
                <span class="cov-label">{ label }</span>
                <span class="meter" role="img" aria-label={format!("{pct}%")}>
                    <span style={format!("width:{pct}%")}></span>
                </span>
                <span class="cov-val">{ format!("{pct}%") }</span>
            </div>
        }
    };
    let chip = |status: Status, col: Column, n: usize, what: &str| {
        html! {
            <li class={classes!("chip", format!("st-{}", status.key()), format!("chip-{}", col.letter().to_ascii_lowercase()))}>
                <span class="ico" aria-hidden="true">{ status_icon(status, col) }</span>
                <span class="n">{ n }</span>
                <span class="what">{ what.to_string() }</span>
            </li>
        }
    };
    let swap = Route::Compare(c.b.id.clone(), c.a.id.clone()).to_hash();
    html! {
        <header class="cmp-head">
            <div class="cmp-title-row">
                <h1 tabindex="-1" ref={heading.clone()}>{ "Side by side" }</h1>
                <div class="export" role="group" aria-label="Export this comparison">
                    <span class="export-label">{ "Export" }</span>
                    <button type="button" class="btn" onclick={on_markdown.clone()}>{ "Markdown" }</button>
                    <button type="button" class="btn" onclick={on_json.clone()}>{ "JSON" }</button>
                </div>
            </div>
            <div class="sides">
                { side(Column::A) }
                <a class="swap" href={swap} title="Swap sides: put B on the left">
                    <span aria-hidden="true">{ "⇄" }</span>
                    <span class="swap-label">{ "Swap" }</span>
                </a>
                { side(Column::B) }
            </div>
            <section class="cmp-summary" aria-label="Summary">
                <div class="covs">
                    { meter("of A is also in B", s.a_covered_by_b, "cov-a") }
                    { meter("of B is also in A", s.b_covered_by_a, "cov-b") }
                </div>
                <ul class="chips">
                    { chip(Status::Shared, Column::A, s.shared, "shared") }
                    { chip(Status::Changed, Column::A, s.changed, "changed") }
                    { chip(Status::Only, Column::A, s.only_in_a, "only in A") }
                    { chip(Status::Only, Column::B, s.only_in_b, "only in B") }
                    { chip(Status::Moved, Column::A, model.moved_links(), "moved") }
                </ul>
                <span class="sim" title="Whole-document similarity of the two texts (TF-IDF cosine)">
                    { format!("Similarity {:.0}%", c.similarity * 100.0) }
                </span>
            </section>
        </header>
    }
}
