//! Reading a file the person picked or dropped: its size first, its bytes only when asked.
//! The bytes, not the browser's text: decoding them is the pure import's job, so a file
//! that isn't UTF-8 gets a message instead of silent replacement characters.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("The browser could not read the file.")]
pub struct FileReadError;

/// The first file picked in a file input, if any.
pub fn picked(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files().and_then(|files| files.get(0))
}

/// The first file dropped, if any.
pub fn dropped(event: &web_sys::DragEvent) -> Option<web_sys::File> {
    event
        .data_transfer()
        .and_then(|transfer| transfer.files())
        .and_then(|files| files.get(0))
}

/// Whether a drag carries files (rather than, say, selected text).
pub fn carries_files(event: &web_sys::DragEvent) -> bool {
    event.data_transfer().is_some_and(|t| {
        t.types()
            .iter()
            .any(|kind| kind.as_string().as_deref() == Some("Files"))
    })
}

/// The size the browser reports, without reading the file.
pub fn size(file: &web_sys::File) -> u64 {
    file.size().max(0.0) as u64
}

pub async fn bytes(file: &web_sys::File) -> Result<Vec<u8>, FileReadError> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FileReadError)?;
    let buffer = buffer
        .dyn_into::<js_sys::ArrayBuffer>()
        .map_err(|_| FileReadError)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
