//! The two columns: sentences in shared row bands, with their status, word diffs and flagged
//! words, and a minimap beside each. Text is rendered as text nodes inside `<ins>`, `<del>` and
//! `<mark>` only.

use super::layout::{self, Status};
use super::model::{sentence_id, status_icon, status_label, Shared};
use parallax_core::report::{Column, Mark};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ColumnProps {
    pub model: Shared,
    pub col: Column,
    /// The sentence of this column being revealed, and the request's nonce.
    pub reveal: Option<(usize, u32)>,
    /// The current discrepancy.
    pub disc: Option<usize>,
    pub pane: NodeRef,
    /// Show a moved sentence's partner: (column, sentence).
    pub on_partner: Callback<(Column, usize)>,
    /// Scroll this column to a sentence: (column, sentence).
    pub on_tick: Callback<(Column, usize)>,
}

/// One article's column: heading, minimap and the scrolling pane of rows.
#[function_component(ArticleColumn)]
pub fn article_column(props: &ColumnProps) -> Html {
    let ColumnProps {
        model,
        col,
        reveal,
        disc,
        pane,
        on_partner,
        on_tick,
    } = props;
    let col = *col;
    let side = match col {
        Column::A => &model.c.a,
        Column::B => &model.c.b,
    };
    let letter = col.letter();
    let lower = letter.to_ascii_lowercase();
    let rows = model.layout.rows.iter().enumerate().map(|(r, _)| {
        let hl = reveal.filter(|(s, _)| model.layout.placed(col, *s).row == r);
        let disc_here = disc.filter(|&d| {
            let d = &model.c.discrepancies[d];
            let s = if col == Column::A {
                d.a_sentence
            } else {
                d.b_sentence
            };
            s.is_some_and(|s| model.layout.placed(col, s).row == r)
        });
        html! {
            <PaneRow
                key={r}
                model={model.clone()}
                {col}
                row={r}
                hl={hl.map(|h| h.0)}
                flash={hl.map_or(0, |h| h.1)}
                disc={disc_here}
                on_partner={on_partner.clone()}
            />
        }
    });
    let hl_tick = reveal.map(|r| r.0);
    let minimap =
        html! { <Minimap model={model.clone()} {col} hl={hl_tick} on_tick={on_tick.clone()} /> };
    html! {
        <div class={classes!("col", format!("col-{lower}"))}>
            <header class="col-head">
                <span class={classes!("badge", format!("badge-{lower}"))} aria-hidden="true">{ letter }</span>
                <span class="col-outlet">
                    { side.outlet.clone().unwrap_or_else(|| "Unknown outlet".to_string()) }
                </span>
                <span class="col-count">{ format!("{} sentences", side.sentences.len()) }</span>
            </header>
            <div class="col-body">
                if col == Column::A { { minimap.clone() } }
                <div
                    class={classes!("pane", format!("pane-{lower}"))}
                    ref={pane.clone()}
                    tabindex="0"
                    role="region"
                    aria-label={format!("Article {letter}: {}", side.title)}
                >
                    { for rows }
                </div>
                if col == Column::B { { minimap } }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    model: Shared,
    col: Column,
    row: usize,
    hl: Option<usize>,
    flash: u32,
    disc: Option<usize>,
    on_partner: Callback<(Column, usize)>,
}

/// One band of one column. It also holds the other column's sentences of the band, invisible,
/// so the band is as tall as its taller side and the two columns stay level.
#[function_component(PaneRow)]
fn pane_row(props: &RowProps) -> Html {
    let RowProps {
        model,
        col,
        row,
        hl,
        flash,
        disc,
        on_partner,
    } = props;
    let col = *col;
    let band = &model.layout.rows[*row];
    let (own, other) = match col {
        Column::A => (&band.a, &band.b),
        Column::B => (&band.b, &band.a),
    };
    let kind = band.kind(&model.layout);
    let real = |&i: &usize| {
        let view = SentenceView {
            col,
            i,
            ghost: false,
            hl: *hl == Some(i),
            flash: *flash,
            disc: *disc,
        };
        view.render(model, on_partner)
    };
    let ghost = |&i: &usize| {
        let view = SentenceView {
            col: col.other(),
            i,
            ghost: true,
            hl: false,
            flash: 0,
            disc: None,
        };
        view.render(model, on_partner)
    };
    let gap_title = format!("Nothing in {} here", col.letter());
    html! {
        <div class={classes!("row", format!("rk-{kind}"))} data-row={row.to_string()}>
            <div class="own">
                if own.is_empty() {
                    <div class="filler" title={gap_title}></div>
                } else {
                    { for own.iter().map(real) }
                }
            </div>
            if !other.is_empty() {
                <div class="ghost" aria-hidden="true">{ for other.iter().map(ghost) }</div>
            }
        </div>
    }
}

struct SentenceView {
    col: Column,
    i: usize,
    /// The invisible copy that sizes the other column's band: no id, no actions.
    ghost: bool,
    hl: bool,
    flash: u32,
    disc: Option<usize>,
}

impl SentenceView {
    fn render(&self, model: &Shared, on_partner: &Callback<(Column, usize)>) -> Html {
        let SentenceView {
            col,
            i,
            ghost,
            hl,
            flash,
            disc,
        } = *self;
        let placed = model.layout.placed(col, i);
        let sentence = model.sentence(col, i);
        let reworded = model.reworded(col, i);
        let para = i == 0 || model.sentences(col)[i - 1].paragraph != sentence.paragraph;
        let label = status_label(placed.status, col, reworded);
        let class = classes!(
            if ghost { "gsent" } else { "sent" },
            format!("st-{}", placed.status.key()),
            para.then_some("para"),
            hl.then_some("hit"),
            hl.then(|| format!("flash-{}", flash % 2)),
        );
        let text = sentence_text(model, col, i, disc);
        let other = col.other().letter();
        let partner = placed.partners.first().copied();
        let jump = match (placed.status, partner) {
            (Status::Moved, Some(p)) => {
                let onclick = (!ghost).then(|| on_partner.reform(move |_: MouseEvent| (col, i)));
                html! {
                    <button type="button" class="jump" {onclick} tabindex={ghost.then_some("-1")}
                        title={format!("Show the matching sentence, {other} {}", p + 1)}>
                        { format!("⇅ {other} {}", p + 1) }
                    </button>
                }
            }
            _ => Html::default(),
        };
        html! {
            <div
                {class}
                id={(!ghost).then(|| sentence_id(col, i))}
                data-index={(!ghost).then(|| i.to_string())}
            >
                <span class="num" aria-hidden="true">{ i + 1 }</span>
                <p class="txt">
                    <span class="vh">{ format!("{label}. ") }</span>
                    { text }
                    if reworded { <span class="tag" aria-hidden="true">{ "reworded" }</span> }
                    { jump }
                </p>
                <span class="st" aria-hidden="true" title={label}>{ status_icon(placed.status, col) }</span>
            </div>
        }
    }
}

/// A sentence's text in segments: `<del>`/`<ins>` for word changes, `<mark>` for the words a
/// discrepancy is about (the current one stands out).
fn sentence_text(model: &Shared, col: Column, i: usize, disc: Option<usize>) -> Html {
    let text = &model.sentence(col, i).text;
    let flags = &model.layout.placed(col, i).flags;
    model
        .segments(col, i)
        .iter()
        .map(|seg| {
            let piece = &text[seg.range.clone()];
            let inner = if seg.flagged {
                let covering: Vec<usize> = flags
                    .iter()
                    .filter(|(_, r)| r.start <= seg.range.start && seg.range.end <= r.end)
                    .map(|f| f.0)
                    .collect();
                let cur = disc.is_some_and(|d| covering.contains(&d));
                let title: Vec<&str> = covering.iter().map(|&d| model.c.discrepancies[d].summary.as_str()).collect();
                html! { <mark class={classes!("flag", cur.then_some("cur"))} title={title.join("; ")}>{ piece }</mark> }
            } else {
                html! { { piece } }
            };
            match seg.mark {
                Mark::Same => inner,
                Mark::Deleted => html! { <del>{ inner }</del> },
                Mark::Inserted => html! { <ins>{ inner }</ins> },
            }
        })
        .collect()
}

#[derive(Properties, PartialEq)]
struct MinimapProps {
    model: Shared,
    col: Column,
    hl: Option<usize>,
    on_tick: Callback<(Column, usize)>,
}

/// A thin bar the height of the column with one tick per sentence, placed by its share of the
/// text and coloured and patterned by status. A pointer shortcut: keyboard users have the pane
/// itself and `n`/`p`, so the ticks stay out of the tab order.
#[function_component(Minimap)]
fn minimap(
    MinimapProps {
        model,
        col,
        hl,
        on_tick,
    }: &MinimapProps,
) -> Html {
    let col = *col;
    let sentences = model.sentences(col);
    let lengths: Vec<usize> = sentences.iter().map(|s| s.text.chars().count()).collect();
    let letter = col.letter();
    let ticks = layout::minimap(&lengths).into_iter().enumerate().map(|(i, (top, height))| {
        let placed = model.layout.placed(col, i);
        let label = status_label(placed.status, col, model.reworded(col, i));
        html! {
            <button
                type="button"
                tabindex="-1"
                class={classes!("tick", format!("st-{}", placed.status.key()), (*hl == Some(i)).then_some("hit"))}
                style={format!("top:{top:.3}%;height:{height:.3}%")}
                title={format!("{letter} {}: {label}", i + 1)}
                onclick={on_tick.reform(move |_: MouseEvent| (col, i))}
            />
        }
    });
    html! {
        <div class={classes!("minimap", format!("mm-{}", letter.to_ascii_lowercase()))} aria-hidden="true">
            { for ticks }
        </div>
    }
}
