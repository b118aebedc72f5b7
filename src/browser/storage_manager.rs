//! Asking the browser to keep Mend's data until the person deletes it
//! (`navigator.storage.persist()`), and reading its answer.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

fn manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing on insecure origins and in older browsers.
    js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|storage| !storage.is_undefined() && !storage.is_null())
        .map(JsCast::unchecked_into)
}

async fn answer(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// Whether the browser has promised to keep the data; `None` if it can't say.
pub async fn persisted() -> Option<bool> {
    answer(manager()?.persisted()).await
}

/// Asks for the promise. Some browsers ask the person; others decide by how the site is used.
pub async fn persist() -> Option<bool> {
    answer(manager()?.persist()).await
}

/// Asks once the data is worth keeping, unless the browser has already agreed.
pub fn ask_to_keep_data() {
    wasm_bindgen_futures::spawn_local(async {
        if persisted().await == Some(false) {
            let _ = persist().await;
        }
    });
}
