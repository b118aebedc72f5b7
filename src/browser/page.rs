//! The page itself: its address fragment, title, theme, focus, and the moments it is hidden
//! or left.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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

/// Calls `callback` whenever the address fragment changes (links, Back and Forward),
/// for the page's whole life.
pub fn on_hash_change(callback: impl Fn() + 'static) {
    let callback = std::rc::Rc::new(callback);
    let on_pop = callback.clone();
    listen_forever(web_sys::window().map(Into::into), "hashchange", move |_| {
        callback()
    });
    listen_forever(web_sys::window().map(Into::into), "popstate", move |_| {
        on_pop()
    });
}

/// Calls `callback` when the page is hidden or left: the last safe moment to save.
pub fn on_hide(callback: impl Fn() + 'static) {
    let callback = std::rc::Rc::new(callback);
    let on_pagehide = callback.clone();
    listen_forever(web_sys::window().map(Into::into), "pagehide", move |_| {
        on_pagehide()
    });
    on_visibility(web_sys::VisibilityState::Hidden, move || callback());
}

/// Calls `callback` each time the page becomes `wanted` (hidden or visible again).
pub fn on_visibility(wanted: web_sys::VisibilityState, callback: impl Fn() + 'static) {
    let document = web_sys::window().and_then(|w| w.document());
    let watched = document.clone();
    listen_forever(document.map(Into::into), "visibilitychange", move |_| {
        if watched
            .as_ref()
            .is_some_and(|d| d.visibility_state() == wanted)
        {
            callback();
        }
    });
}

pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Sets `data-theme` on `<html>`, which the stylesheet's colours follow; `None` removes it,
/// so the device's light or dark preference decides.
pub fn set_theme(theme: Option<&str>) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = match theme {
            Some(theme) => root.set_attribute("data-theme", theme),
            None => root.remove_attribute("data-theme"),
        };
    }
}

/// Removes the element with this id, if it is on the page.
pub fn remove(id: &str) {
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(element) = document.and_then(|d| d.get_element_by_id(id)) {
        element.remove();
    }
}

/// Focuses the element with this id, if it is on the page.
pub fn focus(id: &str) {
    focus_first(&[id]);
}

/// Focuses the first of these ids that is on the page, e.g. a dialog's opener, or a
/// neighbour when the opener has gone.
pub fn focus_first(ids: &[&str]) {
    let document = web_sys::window().and_then(|w| w.document());
    let element = ids
        .iter()
        .find_map(|id| document.as_ref()?.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Keeps Tab inside a modal dialog: Tab on its last control goes to its first, Shift+Tab on
/// its first to its last. A native modal dialog would otherwise let Tab out to the browser's
/// own controls.
pub fn keep_tab_inside(event: &web_sys::KeyboardEvent, dialog: &web_sys::Element) {
    if event.key() != "Tab" {
        return;
    }
    let Ok(controls) = dialog.query_selector_all("button, [href], input, select, textarea") else {
        return;
    };
    let Some(last) = controls.length().checked_sub(1) else {
        return;
    };
    let (leaving, wrap_to) = if event.shift_key() {
        (controls.item(0), controls.item(last))
    } else {
        (controls.item(last), controls.item(0))
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let leaving_now =
        matches!((&leaving, &active), (Some(l), Some(a)) if l == AsRef::<web_sys::Node>::as_ref(a));
    if let Some(wrap_to) = wrap_to
        .filter(|_| leaving_now)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        event.prevent_default();
        let _ = wrap_to.focus();
    }
}

pub(crate) fn listen_forever(
    target: Option<web_sys::EventTarget>,
    event: &str,
    handler: impl Fn(web_sys::Event) + 'static,
) {
    let Some(target) = target else { return };
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    if target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .is_ok()
    {
        // Page-lifetime listener: leaking the closure is the intended ownership.
        closure.forget();
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
