//! `localStorage` behind the `KeyValue` trait, with every failure mapped to a `StorageError`.
//!
//! gloo-storage is not used: its `LocalStorage::raw()` panics when storage is blocked, and its
//! API JSON-encodes values itself, which would merge encoding and storing into one step.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

use crate::persist::{KeyValue, StorageError, StorageKey};

pub struct LocalStore {
    storage: Storage,
}

impl LocalStore {
    /// Fails with `Unavailable` when the browser blocks storage (reading the property throws).
    pub fn open() -> Result<Self, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Self { storage }),
            Ok(None) | Err(_) => Err(StorageError::Unavailable),
        }
    }
}

/// Sorts a thrown value into the errors a person can act on.
fn classify(error: JsValue) -> StorageError {
    match error.dyn_into::<DomException>() {
        Ok(e) => match e.name().as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
            "SecurityError" => StorageError::Unavailable,
            name => StorageError::Other(format!("{name}: {}", e.message())),
        },
        Err(other) => {
            StorageError::Other(other.as_string().unwrap_or_else(|| "unknown error".into()))
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// `Storage`, with `getItem` keeping the value a JS string, so it can cross as bytes.
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;

    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &JsValue) -> js_sys::Uint8Array;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

impl KeyValue for LocalStore {
    /// The browser encodes the value to UTF-8 and it is copied in at once. wasm-bindgen's own
    /// string passing copies character by character in JavaScript: for 1,000 records of 4 KB
    /// at start-up that loop was the largest single cost.
    fn get(&self, key: &StorageKey) -> Result<Option<String>, StorageError> {
        let value = self
            .storage
            .unchecked_ref::<RawStorage>()
            .get_item(&key.as_string())
            .map_err(classify)?;
        if value.is_null() || value.is_undefined() {
            return Ok(None);
        }
        let bytes = ENCODER.with(|encoder| encoder.encode(&value)).to_vec();
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| StorageError::Other("the stored text is not valid UTF-8".into()))
    }

    fn set(&self, key: &StorageKey, value: &str) -> Result<(), StorageError> {
        self.storage
            .set_item(&key.as_string(), value)
            .map_err(classify)
    }

    fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
        self.storage.remove_item(&key.as_string()).map_err(classify)
    }

    fn raw_keys(&self) -> Result<Vec<String>, StorageError> {
        let count = self.storage.length().map_err(classify)?;
        let mut keys = Vec::with_capacity(count as usize);
        for index in 0..count {
            if let Some(key) = self.storage.key(index).map_err(classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Calls `callback(key, old value, new value)` when another tab changes localStorage (the
/// `storage` event; the tab that writes never gets it). `None` means absent; a `None` key
/// means another page cleared all of it. Stops when the current owner is cleaned up.
pub fn on_change_elsewhere(
    callback: impl Fn(Option<&str>, Option<String>, Option<String>) + 'static,
) {
    let Some(window) = super::listen::window() else {
        return;
    };
    super::listen::listen(&window, "storage", move |event| {
        if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
            callback(event.key().as_deref(), event.old_value(), event.new_value());
        }
    });
}

impl LocalStore {
    /// How much of the origin's storage is used, in UTF-16 code units of keys and values (as
    /// browsers count it), every app's keys included.
    pub fn units_in_use(&self) -> Result<usize, StorageError> {
        let length = self.storage.length().map_err(classify)?;
        let mut units = 0;
        for index in 0..length {
            if let Some(key) = self.storage.key(index).map_err(classify)? {
                let value = self
                    .storage
                    .get_item(&key)
                    .map_err(classify)?
                    .unwrap_or_default();
                units += key.encode_utf16().count() + value.encode_utf16().count();
            }
        }
        Ok(units)
    }
}
