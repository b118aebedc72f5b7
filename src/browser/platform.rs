//! The clock and the random source, the two inputs the pure model cannot make for itself.

use crate::model::{Day, IncidentId, Timestamp};

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

/// A short local date and time for people, e.g. "26 Nov 2026, 08:04".
pub fn local_label(time: Timestamp) -> String {
    crate::model::title::label(time, utc_offset_minutes(time))
}

/// The local calendar day a moment falls on, e.g. for naming files and dating check-ins.
pub fn local_day(time: Timestamp) -> Day {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(time.millis() as f64));
    Day::from_ymd(
        i64::from(d.get_full_year()),
        i64::from(d.get_month()) + 1,
        i64::from(d.get_date()),
    )
    .unwrap_or_else(|| Day::of_utc(time))
}

pub fn today() -> Day {
    local_day(now())
}

/// A moment as a `datetime-local` input value ("2026-11-26T08:04"), in local time.
pub fn local_input(time: Timestamp) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(time.millis() as f64));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Reads a `datetime-local` value back; JavaScript takes a date-time with no offset as local.
pub fn parse_local_input(text: &str) -> Option<Timestamp> {
    let ms = js_sys::Date::parse(text);
    (!ms.is_nan()).then(|| Timestamp::from_millis_clamped(ms))
}

/// Minutes to add to UTC for local time at that moment (JavaScript counts the other way).
pub fn utc_offset_minutes(time: Timestamp) -> i32 {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(time.millis() as f64));
    -(d.get_timezone_offset() as i32)
}
