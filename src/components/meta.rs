use parallax_core::corpus::Article;
use yew::prelude::*;

/// The line of facts about an article shown in the list and the reading view. Unknown values are
/// said to be unknown rather than left out, so a reader never mistakes absence for a source.
#[derive(Properties, PartialEq)]
pub struct MetaProps {
    pub article: Article,
    /// One of the reader's own articles, kept in this browser.
    #[prop_or_default]
    pub yours: bool,
}

#[function_component(Meta)]
pub fn meta(MetaProps { article, yours }: &MetaProps) -> Html {
    let outlet = match &article.outlet {
        Some(o) => html! { <span class="outlet">{ o }</span> },
        None => {
            html! { <span class="outlet unknown" title="The text names no outlet">{ "Unknown outlet" }</span> }
        }
    };
    let date = match article.published {
        Some(d) => html! { <time datetime={d.to_string()}>{ d.to_string() }</time> },
        None => html! { <span class="unknown">{ "Undated" }</span> },
    };
    html! {
        <p class="meta">
            if *yours {
                <span class="yours-badge" title="You added this article; it is kept only in this browser">{ "Yours" }</span>
                <span aria-hidden="true">{ " · " }</span>
            }
            { outlet }
            <span aria-hidden="true">{ " · " }</span>
            { date }
            <span aria-hidden="true">{ " · " }</span>
            <span class="words">{ format!("{} words", article.word_count) }</span>
            if !article.removed.is_empty() {
                <span aria-hidden="true">{ " · " }</span>
                <span class="clutter-count">{ removed_label(article.removed.len()) }</span>
            }
        </p>
    }
}

pub fn removed_label(n: usize) -> String {
    match n {
        1 => "1 clutter line removed".to_string(),
        n => format!("{n} clutter lines removed"),
    }
}
