//! Text with highlights, rendered as text nodes and `<mark>`/`<span>` elements only: article text
//! never becomes markup.

use parallax_core::library::{LayerSet, Segment};
use parallax_core::search::Mark;
use yew::prelude::*;

/// `text` with the byte ranges in `marks` wrapped in `<mark>`; approximate ones say so.
pub fn marked(text: &str, marks: &[Mark]) -> Html {
    let mut out = Vec::new();
    let mut at = 0;
    for m in marks {
        let r = &m.range;
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        out.push(html! { { &text[at..r.start] } });
        if m.approximate {
            out.push(html! { <mark class="approx" title="Approximate match">{ &text[r.clone()] }</mark> });
        } else {
            out.push(html! { <mark>{ &text[r.clone()] }</mark> });
        }
        at = r.end;
    }
    out.push(html! { { &text[at..] } });
    out.into_iter().collect()
}

/// `text` cut into `segments`, each styled by the layers of its set that are switched on.
/// `current` is the hit the reader is on.
pub fn layered(text: &str, segments: &[Segment], on: LayerSet, current: Option<u32>) -> Html {
    segments
        .iter()
        .map(|seg| {
            let piece = &text[seg.range.clone()];
            let shown = seg.layers.intersect(on);
            if shown.is_empty() {
                return html! { { piece } };
            }
            let mut class = classes!(shown
                .iter()
                .map(|l| format!("l-{}", l.key()))
                .collect::<Vec<_>>());
            if seg.approximate {
                class.push("approx");
            }
            let hit = seg
                .hit
                .filter(|_| shown.contains(parallax_core::library::Layer::Hit));
            if hit.is_some() && hit == current {
                class.push("current");
            }
            let title = seg.notes.join("; ");
            match hit {
                Some(n) => {
                    html! { <mark {class} {title} data-hit={n.to_string()}>{ piece }</mark> }
                }
                None => html! { <span {class} {title}>{ piece }</span> },
            }
        })
        .collect()
}
