//! Saving text to a file on the user's machine, through a temporary object URL.

use wasm_bindgen::JsCast;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the browser would not create the file")]
pub struct DownloadError;

pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    // The text's UTF-8 bytes as they are: passed as a string, 4.8 MB of export was decoded
    // into a JS string only for the Blob to encode it back.
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(text.as_bytes()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadError)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError)?;
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or(DownloadError)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke later: some browsers read the blob after click() returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}
