//! The page's address fragment, where the screens live: reading it, moving to another, and
//! following Back, Forward and links.

use super::listen::{listen, window};

pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Moves to another screen with a new history entry, so Back works. Uses `pushState`
/// rather than setting `location.hash`: a fragment navigation makes Chrome scroll to the
/// fragment and reset focus after the new screen has already moved it.
pub fn push_hash(hash: &str) {
    let pushed = web_sys::window()
        .and_then(|w| w.history().ok())
        .is_some_and(|h| {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
                .is_ok()
        });
    if !pushed {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(hash);
        }
    }
}

/// Swaps the address for a more precise one without a new history entry, e.g. adding the
/// step an incident opened at.
pub fn replace_hash(hash: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// Calls `callback` whenever the address fragment changes (links, Back and Forward), until
/// the current owner is cleaned up.
pub fn on_hash_change(callback: impl Fn() + 'static) {
    let Some(window) = window() else { return };
    let callback = std::rc::Rc::new(callback);
    let on_pop = callback.clone();
    listen(&window, "hashchange", move |_| callback());
    listen(&window, "popstate", move |_| on_pop());
}
