//! Copying text to the clipboard, which the browser may refuse.

use wasm_bindgen_futures::JsFuture;

/// Copies `text`. `Err` carries a plain reason; the caller tells the user to copy by hand.
pub async fn copy(text: &str) -> Result<(), &'static str> {
    let window = web_sys::window().ok_or("no browser window")?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow it")
}
