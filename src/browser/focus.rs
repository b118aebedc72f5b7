//! Keyboard focus: moving it to an element by id, keeping it inside a modal dialog, and
//! handing it back to where it was.

use wasm_bindgen::JsCast;

/// Focuses the element with this id, if it is on the page.
pub fn by_id(id: &str) {
    first_of(&[id]);
}

/// Focuses the element with this id once the next frame is drawn: for an element a change has
/// just put on the page, or moved, which drops focus. One closure type for every caller.
pub fn by_id_next_frame(id: String) {
    leptos::prelude::request_animation_frame(move || by_id(&id));
}

/// Focuses the first of these ids that is on the page, e.g. a list entry, or a neighbour
/// when it has gone.
pub fn first_of(ids: &[&str]) {
    let document = web_sys::window().and_then(|w| w.document());
    let element = ids
        .iter()
        .find_map(|id| document.as_ref()?.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Focuses the first element matching this CSS selector, if any.
pub fn by_selector(selector: &str) {
    let document = web_sys::window().and_then(|w| w.document());
    let element = document.and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The (first) class of the focused element when it lies inside the element with this id,
/// so that the same control can take focus in what replaces it.
pub fn held_inside(id: &str) -> Option<String> {
    let focused = active()?;
    let document = web_sys::window()?.document()?;
    let container = document.get_element_by_id(id)?;
    let class = focused.class_name();
    let first = class.split_whitespace().next()?;
    container.contains(Some(&focused)).then(|| first.to_owned())
}

fn active() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

thread_local! {
    /// What had focus when the open dialog opened. Only one is open at a time.
    static OPENER: std::cell::RefCell<Option<web_sys::HtmlElement>> = const { std::cell::RefCell::new(None) };
}

/// Remembers what has focus now, to give it back with `give_back`.
pub fn remember() {
    let focused = active().and_then(|e| e.dyn_into().ok());
    OPENER.with(|opener| opener.replace(focused));
}

/// Focuses what `remember` kept if it is still on the page, else the element with id
/// `fallback`.
pub fn give_back(fallback: &str) {
    let opener = OPENER.with(|opener| opener.take());
    match opener.filter(|o| o.is_connected() && !is_body(o)) {
        Some(opener) => {
            let _ = opener.focus();
        }
        None => by_id(fallback),
    }
}

/// Whether focus has fallen back to the page itself, e.g. because the focused element was
/// removed.
pub fn is_lost() -> bool {
    active().is_none_or(|e| is_body(&e))
}

fn is_body(element: &web_sys::Element) -> bool {
    element.tag_name() == "BODY"
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
    let active = active();
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
