//! Waiting: for a while, or just for a later task, so that long work done in steps lets the
//! browser paint and answer input between them.

use wasm_bindgen::JsValue;

/// Resolves after `ms` milliseconds, in a later task (a timeout); 0 means as soon as the
/// browser has dealt with what is waiting. Without a window it resolves at once.
pub async fn sleep(ms: u32) {
    wait(ms, false).await;
}

/// Resolves once the browser is idle (`requestIdleCallback`), or after `ms` milliseconds
/// where it can't say (Safari).
pub async fn idle(ms: u32) {
    wait(ms, true).await;
}

// One promise for both, so its code is built once.
async fn wait(ms: u32, until_idle: bool) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().is_some_and(|window| {
            let can_tell = until_idle
                && js_sys::Reflect::has(&window, &JsValue::from_str("requestIdleCallback"))
                    .unwrap_or(false);
            (can_tell && window.request_idle_callback(&resolve).is_ok())
                || window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32)
                    .is_ok()
        });
        if !queued {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets the browser in during a long run of awaited work, once `every` ms have passed since
/// it last could. A run of WebCrypto calls is not enough: Chromium settles each one without
/// letting anything else run, so opening 1,000 records in a row was one task of 125 ms on a
/// desktop and about 500 at 4x CPU slowdown.
pub struct Pacer {
    every: f64,
    since: f64,
}

impl Pacer {
    pub fn new(every: u32) -> Self {
        Self {
            every: f64::from(every),
            since: js_sys::Date::now(),
        }
    }

    /// A later task if this one has run for `every` ms; otherwise nothing.
    pub async fn breathe(&mut self) {
        if js_sys::Date::now() - self.since >= self.every {
            sleep(0).await;
            self.since = js_sys::Date::now();
        }
    }
}
