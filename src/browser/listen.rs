//! Event listeners owned by the reactive owner that adds them: removed, and their closures
//! freed, when that owner is cleaned up (a component leaving the page). Leptos's
//! `window_event_listener` does this for the window only; the document and the service
//! worker's objects need it too.

use leptos::prelude::{on_cleanup, Owner};
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `handler` on each `event` at `target` until the current owner is cleaned up. With
/// no owner at all nothing could remove it, so it stays for the page's life.
pub fn listen(
    target: &web_sys::EventTarget,
    event: &'static str,
    handler: impl Fn(web_sys::Event) + 'static,
) {
    own(target, event, Closure::new(handler));
}

// Not generic, so it is built once rather than for every handler.
fn own(
    target: &web_sys::EventTarget,
    event: &'static str,
    closure: Closure<dyn Fn(web_sys::Event)>,
) {
    if target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .is_err()
    {
        return;
    }
    if Owner::current().is_none() {
        closure.forget();
        return;
    }
    let held = SendWrapper::new((target.clone(), closure));
    on_cleanup(move || {
        let (target, closure) = held.take();
        let _ = target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    });
}

/// The window, as a target to listen on.
pub fn window() -> Option<web_sys::EventTarget> {
    web_sys::window().map(Into::into)
}
