//! The clock and the random source, the two inputs the pure model cannot make for itself.

use crate::model::{IncidentId, Timestamp};

pub fn now() -> Timestamp {
    Timestamp::from_millis_clamped(js_sys::Date::now())
}

/// A fresh random id from WebCrypto; falls back to `Math.random` only if WebCrypto is missing.
pub fn new_incident_id() -> IncidentId {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    IncidentId::from_random_bytes(bytes)
}

/// A short local date and time for people, e.g. "26 Nov 2026, 08:04", in the browser's locale.
pub fn local_label(time: Timestamp) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(time.millis() as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let locale = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".into());
    date.to_locale_string(&locale, &options).into()
}
