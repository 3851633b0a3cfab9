//! The discrepancy panel: one card per difference the core found, grouped as conflicts,
//! descriptors and omissions. A card is a button; choosing it shows both passages.

use super::model::Shared;
use parallax_core::compare::DiscrepancyKind;
use parallax_core::report::{self, Column, Group};
use yew::prelude::*;

/// Characters of context either side of the words a card is about.
const CONTEXT: usize = 55;

#[derive(Properties, PartialEq)]
pub struct CardsProps {
    pub model: Shared,
    pub current: Option<usize>,
    pub announcement: String,
    pub on_select: Callback<usize>,
    pub on_next: Callback<MouseEvent>,
    pub on_prev: Callback<MouseEvent>,
    pub list: NodeRef,
}

#[function_component(Cards)]
pub fn cards(props: &CardsProps) -> Html {
    let CardsProps {
        model,
        current,
        announcement,
        on_select,
        on_next,
        on_prev,
        list,
    } = props;
    let discs = &model.c.discrepancies;
    let mut groups: Vec<(Group, Vec<usize>)> = Vec::new();
    for (i, d) in discs.iter().enumerate() {
        let g = Group::of(d.kind);
        match groups.last_mut() {
            Some((last, items)) if *last == g => items.push(i),
            _ => groups.push((g, vec![i])),
        }
    }
    let none = discs.is_empty();
    html! {
        <aside class="cmp-cards" aria-labelledby="cmp-cards-h">
            <div class="cards-head">
                <h2 id="cmp-cards-h">{ "Differences" }<span class="cmp-count">{ discs.len() }</span></h2>
                <div class="walk">
                    <button type="button" class="step" onclick={on_prev.clone()} disabled={none}
                        aria-label="Previous difference" title="Previous difference (p)">{ "↑" }</button>
                    <button type="button" class="step" onclick={on_next.clone()} disabled={none}
                        aria-label="Next difference" title="Next difference (n)">{ "↓" }</button>
                </div>
            </div>
            <p class="status" role="status" aria-live="polite" aria-atomic="true">{ announcement }</p>
            <p class="keys" aria-hidden="true"><kbd>{ "n" }</kbd>{ " next · " }<kbd>{ "p" }</kbd>{ " previous" }</p>
            <div class="cards-list" ref={list.clone()}>
                if none {
                    <p class="empty">{ "No conflicting numbers, attributions, descriptors or one-sided facts were found." }</p>
                }
                { for groups.into_iter().map(|(g, items)| html! {
                    <div class="card-group">
                        <h3>{ g.heading() }<span class="cmp-count">{ items.len() }</span></h3>
                        <ol>
                            { for items.into_iter().map(|i| html! {
                                <Card key={i} model={model.clone()} index={i} current={*current == Some(i)} on_select={on_select.clone()} />
                            }) }
                        </ol>
                    </div>
                }) }
            </div>
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    model: Shared,
    index: usize,
    current: bool,
    on_select: Callback<usize>,
}

#[function_component(Card)]
fn card(
    CardProps {
        model,
        index,
        current,
        on_select,
    }: &CardProps,
) -> Html {
    let d = &model.c.discrepancies[*index];
    let i = *index;
    let side_tag = match report::only_in(d.kind) {
        Some(col) => format!("only {}", col.letter()),
        None => "A ≠ B".to_string(),
    };
    let excerpts = [
        (Column::A, &d.a_sentence, &d.a_text, &d.a_span),
        (Column::B, &d.b_sentence, &d.b_text, &d.b_span),
    ]
    .into_iter()
    .filter_map(|(col, s, text, span)| {
        let (s, text) = (s.as_ref()?, text.as_ref()?);
        let e = report::excerpt(text, span.clone().unwrap_or(0..0), CONTEXT);
        let letter = col.letter();
        Some(html! {
            <span class="ex">
                <span class={classes!("badge", format!("badge-{}", letter.to_ascii_lowercase()))}
                    title={format!("Article {letter}, sentence {}", s + 1)}>{ letter }</span>
                <span class="ex-text">
                    { e.before }<mark>{ e.focus }</mark>{ e.after }
                </span>
            </span>
        })
    });
    html! {
        <li>
            <button
                type="button"
                id={format!("cmp-card-{i}")}
                class={classes!("card", format!("k-{}", kind_key(d.kind)), current.then_some("current"))}
                aria-current={current.then_some("true")}
                onclick={on_select.reform(move |_: MouseEvent| i)}
            >
                <span class="card-top">
                    <span class="kind"><span class="ico" aria-hidden="true">{ kind_icon(d.kind) }</span>{ report::kind_label(d.kind) }</span>
                    <span class="side-tag">{ side_tag }</span>
                </span>
                <span class="card-sum">{ &d.summary }</span>
                { for excerpts }
            </button>
        </li>
    }
}

fn kind_key(kind: DiscrepancyKind) -> &'static str {
    match Group::of(kind) {
        Group::Conflict => "conflict",
        Group::Descriptor => "descriptor",
        Group::Omission => "omission",
    }
}

fn kind_icon(kind: DiscrepancyKind) -> &'static str {
    match kind {
        DiscrepancyKind::NumberConflict => "≠",
        DiscrepancyKind::AttributionConflict => "❝",
        DiscrepancyKind::DescriptorOnlyInA | DiscrepancyKind::DescriptorOnlyInB => "◇",
        DiscrepancyKind::NumberOnlyInA | DiscrepancyKind::NumberOnlyInB => "#",
        DiscrepancyKind::EntityOnlyInA | DiscrepancyKind::EntityOnlyInB => "@",
    }
}
