use wasm_bindgen::JsCast;

/// Whether a key event goes into a text field, where `n` and `p` are letters rather than
/// commands. Checkboxes, radios and buttons are inputs too, but typing does not happen in them:
/// a reader who just switched a layer must still be able to press `n`.
pub fn is_typing(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            el.get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase()
                .as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "range" | "color" | "file"
        ),
        _ => el.has_attribute("contenteditable"),
    }
}
