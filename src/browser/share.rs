//! The Web Share API: on a phone, a message goes straight to mail or chat. Not every browser
//! has it, so the caller offers Share only where `available` says so.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What came of sharing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    Done,
    /// The person closed the share sheet: nothing to report.
    Cancelled,
    Failed,
}

fn share_function() -> Option<(JsValue, js_sys::Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?;
    let share = share.dyn_into::<js_sys::Function>().ok()?;
    Some((navigator, share))
}

pub fn available() -> bool {
    share_function().is_some()
}

pub async fn share(title: &str, text: &str) -> Shared {
    let Some((navigator, share)) = share_function() else {
        return Shared::Failed;
    };
    let data = js_sys::Object::new();
    let set = |key: &str, value: &str| js_sys::Reflect::set(&data, &key.into(), &value.into());
    if set("title", title).and_then(|_| set("text", text)).is_err() {
        return Shared::Failed;
    }
    let Ok(promise) = share.call1(&navigator, &data) else {
        return Shared::Failed;
    };
    match JsFuture::from(js_sys::Promise::resolve(&promise)).await {
        Ok(_) => Shared::Done,
        Err(error) => {
            let name = js_sys::Reflect::get(&error, &"name".into()).ok();
            if name.and_then(|n| n.as_string()).as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                Shared::Failed
            }
        }
    }
}
