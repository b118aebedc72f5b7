//! The moments the page is hidden, shown again or left.

use super::listen::listen;

/// Calls `callback` when the page is hidden or left: the last safe moment to save.
pub fn on_hide(callback: impl Fn() + 'static) {
    on_page_event_or_visibility(
        "pagehide",
        web_sys::VisibilityState::Hidden,
        std::rc::Rc::new(callback),
    );
}

/// Calls `callback` each time the page is shown again: visible after being hidden, or back
/// from the browser's back/forward cache. Timers don't run while a tab is frozen or the device
/// sleeps, so whatever is due by the clock is checked here.
pub fn on_shown(callback: impl Fn() + 'static) {
    on_page_event_or_visibility(
        "pageshow",
        web_sys::VisibilityState::Visible,
        std::rc::Rc::new(callback),
    );
}

/// Calls `callback` on the window's `event` and whenever the page becomes `wanted`; one copy
/// for every caller, its callback shared rather than compiled in.
fn on_page_event_or_visibility(
    event: &'static str,
    wanted: web_sys::VisibilityState,
    callback: std::rc::Rc<dyn Fn()>,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_event = callback.clone();
    listen(&window, event, move |_| on_event());
    if let Some(document) = window.document() {
        let watched = document.clone();
        listen(&document, "visibilitychange", move |_| {
            if watched.visibility_state() == wanted {
                callback();
            }
        });
    }
}
