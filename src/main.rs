fn main() {
    yew::Renderer::<parallax_app::App>::new().render();
}
