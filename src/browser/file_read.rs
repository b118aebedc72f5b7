//! Reading a file the person picked or dropped: its size first, its bytes only when asked.
//! The bytes, not the browser's text: decoding them is the pure import's job, so a file
//! that isn't UTF-8 gets a message instead of silent replacement characters.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("The browser could not read the file.")]
pub struct FileReadError;

/// A file the person picked or dropped, not read yet.
pub struct PickedFile(web_sys::File);

impl PickedFile {
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// The size the browser reports, without reading the file.
    pub fn size(&self) -> u64 {
        self.0.size().max(0.0) as u64
    }

    pub async fn bytes(&self) -> Result<Vec<u8>, FileReadError> {
        bytes(&self.0).await
    }
}

/// The file picked in the input that fired `event`, if any. The input is emptied, so that
/// picking the same file again still fires.
pub fn picked(event: &web_sys::Event) -> Option<PickedFile> {
    let input = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file.map(PickedFile)
}

/// For `dragover`: a drag that carries files is accepted (otherwise the browser would open
/// the file instead of handing it over); a drag of, say, selected text is left alone.
pub fn accept_files(event: &web_sys::Event) {
    let Some(event) = event.dyn_ref::<web_sys::DragEvent>() else {
        return;
    };
    let files = event.data_transfer().is_some_and(|t| {
        t.types()
            .iter()
            .any(|kind| kind.as_string().as_deref() == Some("Files"))
    });
    if files {
        event.prevent_default();
    }
}

/// For `drop`: the first file dropped, if any, taken over from the browser.
pub fn dropped(event: &web_sys::Event) -> Option<PickedFile> {
    let event = event.dyn_ref::<web_sys::DragEvent>()?;
    let file = event
        .data_transfer()
        .and_then(|transfer| transfer.files())
        .and_then(|files| files.get(0))?;
    event.prevent_default();
    Some(PickedFile(file))
}

async fn bytes(file: &web_sys::File) -> Result<Vec<u8>, FileReadError> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FileReadError)?;
    let buffer = buffer
        .dyn_into::<js_sys::ArrayBuffer>()
        .map_err(|_| FileReadError)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
