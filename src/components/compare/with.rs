//! "Compare with…": the other articles, most similar first, each a link to the comparison.

use super::super::meta::Meta;
use crate::route::Route;
use crate::state::Shared;
use parallax_core::corpus::Article;
use parallax_core::library::Library;
use yew::prelude::*;

/// Most articles listed; the rest are summarised as a count.
const SHOWN: usize = 8;

#[derive(Properties, PartialEq)]
pub struct CompareWithProps {
    pub article: Article,
    pub library: Shared<Library>,
}

#[function_component(CompareWith)]
pub fn compare_with(CompareWithProps { article, library }: &CompareWithProps) -> Html {
    let ranked = {
        let lib = library.clone();
        use_memo((article.id.clone(), library.clone()), move |(id, _)| {
            lib.most_similar(id)
        })
    };
    let rest = ranked.len().saturating_sub(SHOWN);
    html! {
        <section class="compare-with" aria-labelledby="compare-with-h">
            <h2 id="compare-with-h">{ "Compare with other coverage" }</h2>
            if ranked.is_empty() {
                <p class="cw-empty">{ "No other articles in the library to compare with." }</p>
            } else {
                <ol class="cw-list">
                    { for ranked.iter().take(SHOWN).map(|&(i, score)| {
                        let other = &library.articles()[i];
                        let pct = (score * 100.0).round();
                        html! {
                            <li class="cw-item" key={other.id.clone()}>
                                <a class="cw-link" href={Route::Compare(article.id.clone(), other.id.clone()).to_hash()}>
                                    <span class="cw-title">{ &other.title }</span>
                                    <span class="cw-go" aria-hidden="true">{ "Compare ⇄" }</span>
                                </a>
                                <Meta article={other.clone()} />
                                <span class="cw-score" title="Similarity of the two texts (TF-IDF cosine)">
                                    <span class="meter" aria-hidden="true"><span style={format!("width:{pct}%")}></span></span>
                                    { format!("{pct}% similar") }
                                </span>
                            </li>
                        }
                    }) }
                </ol>
                if rest > 0 {
                    <p class="cw-more">{ format!("and {rest} less similar") }</p>
                }
            }
        </section>
    }
}
