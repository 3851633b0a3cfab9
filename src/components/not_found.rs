use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    pub what: String,
}

#[function_component(NotFound)]
pub fn not_found(NotFoundProps { what }: &NotFoundProps) -> Html {
    html! {
        <section class="not-found">
            <h1>{ "Not found" }</h1>
            <p>{ format!("There is no {what} here. The link may be old, or the article was not part of this build.") }</p>
            <p><a href="#/">{ "See all articles" }</a></p>
        </section>
    }
}
