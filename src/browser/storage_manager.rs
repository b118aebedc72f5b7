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

/// Whether the browser has promised to keep the data (`persisted()`), or, with `ask`, the
/// result of asking for that promise (`persist()`: some browsers ask the person, others
/// decide by how the site is used). `None` if the browser can't say.
pub async fn answer(ask: bool) -> Option<bool> {
    let manager = manager()?;
    let promise = if ask {
        manager.persist()
    } else {
        manager.persisted()
    };
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// Asks once the data is worth keeping, unless the browser has already agreed.
pub fn ask_to_keep_data() {
    wasm_bindgen_futures::spawn_local(async {
        if answer(false).await == Some(false) {
            let _ = answer(true).await;
        }
    });
}
