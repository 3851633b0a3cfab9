//! Files made in the page and offered as downloads (Blob and object URL): exports never leave the
//! browser except as the file the reader saves.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    gloo::utils::body().append_child(&link)?;
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; the URL only needs to outlive
    // the click.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}

/// `value` as indented JSON, serialised by serde into JS values and written by the browser's
/// `JSON.stringify`, which costs the wasm no JSON writer of its own.
pub fn json<T: Serialize>(value: &T) -> Result<String, JsValue> {
    let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
    js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))?
        .as_string()
        .ok_or_else(|| JsValue::from_str("JSON.stringify gave no string"))
}
