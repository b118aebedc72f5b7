//! Waiting: for a while, or just for a later task, so that long work done in steps lets the
//! browser paint and answer input between them.

use wasm_bindgen::{JsCast, JsValue};

/// Resolves after `ms` milliseconds, in a later task (a timeout); 0 means as soon as the
/// browser has dealt with what is waiting. Without a window it resolves at once.
pub async fn sleep(ms: u32) {
    wait(Until::Timeout(ms)).await;
}

/// Resolves once the browser is idle (`requestIdleCallback`), or after `ms` milliseconds
/// where it can't say (Safari).
pub async fn idle(ms: u32) {
    wait(Until::Idle(ms)).await;
}

/// Resolves in a task just after the browser's next frame, with that frame's time, so that
/// work done a run at a time can leave each frame one run to lay out. A hidden page draws no
/// frames: there it is a later task, and `None`.
pub async fn after_next_frame() -> Option<f64> {
    wait(Until::Frame).await.as_f64()
}

#[derive(Clone, Copy)]
enum Until {
    Timeout(u32),
    Idle(u32),
    Frame,
}

// One promise for all three, so its code is built once.
async fn wait(until: Until) -> JsValue {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().is_some_and(|window| {
            let (ms, idle, frame) = match until {
                Until::Timeout(ms) => (ms, false, false),
                Until::Idle(ms) => (ms, true, false),
                Until::Frame => (0, false, true),
            };
            let can_tell = idle
                && js_sys::Reflect::has(&window, &JsValue::from_str("requestIdleCallback"))
                    .unwrap_or(false);
            let drawing = frame && window.document().is_some_and(|d| !d.hidden());
            (can_tell && window.request_idle_callback(&resolve).is_ok())
                || (drawing && timeout_after_frame(&window, &resolve))
                || window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32)
                    .is_ok()
        });
        if !queued {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .unwrap_or(JsValue::UNDEFINED)
}

/// Asks the next frame to call `setTimeout(resolve, 0, time)`, which resolves with the frame's
/// time: bound here, so no closure has to live in wasm until then. Whether it was asked.
fn timeout_after_frame(window: &web_sys::Window, resolve: &js_sys::Function) -> bool {
    js_sys::Reflect::get(window, &JsValue::from_str("setTimeout"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|set_timeout| {
            let call: js_sys::Function = set_timeout
                .bind2(window, resolve, &JsValue::from(0))
                .unchecked_into();
            window.request_animation_frame(&call).is_ok()
        })
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
