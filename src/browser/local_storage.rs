//! `localStorage` behind the `KeyValue` trait, through gloo-storage, with every failure mapped
//! to a `StorageError`.
//!
//! gloo's `LocalStorage::raw()` throws out of the wasm when storage is blocked, so
//! `LocalStore::open()` asks `web_sys` first, once, and a `LocalStore` exists only when
//! storage was there; it keeps the handle gloo gives, for every call after. Records are
//! already JSON text: they are written and read as the text they are (see `get`).

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::persist::{KeyValue, StorageError, StorageKey};

/// Proof that localStorage was available when opened, with gloo's handle to it. Kept, not
/// asked for again on each call: at 1,000 records a start-up read asked 1,000 times.
pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// Fails with `Unavailable` when the browser blocks storage (reading the property throws).
    pub fn open() -> Result<Self, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(Self {
                storage: LocalStorage::raw(),
            }),
            Ok(None) | Err(_) => Err(StorageError::Unavailable),
        }
    }

    /// Reads nothing, but has the browser load the origin's storage into this tab, which
    /// Chromium does in one go on the first read of any kind (`length` here).
    pub fn load_into_tab(&self) {
        let _ = self.storage.length();
    }
}

/// Sorts a value thrown by a storage call into the errors a person can act on (a thrown
/// value need not be an `Error`).
fn thrown(value: JsValue) -> StorageError {
    let Some(error) = value.dyn_ref::<js_sys::Error>() else {
        return StorageError::Other(value.as_string().unwrap_or_else(|| "unknown error".into()));
    };
    match String::from(error.name()).as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" => StorageError::Unavailable,
        name => StorageError::Other(format!("{name}: {}", String::from(error.message()))),
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
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &JsValue, into: &js_sys::Uint8Array) -> Encoded;

    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// A JS string's UTF-8 bytes, written by the browser's `TextEncoder` into a buffer the size of
/// its longest possible encoding (three bytes per UTF-16 unit).
fn utf8(text: &JsValue) -> Vec<u8> {
    let units = text.unchecked_ref::<js_sys::JsString>().length() as usize;
    let mut bytes: Vec<u8> = Vec::with_capacity(units * 3);
    // SAFETY: the view covers exactly the buffer's spare capacity, and nothing allocates in
    // wasm (which could move the memory under it) between making it and `encodeInto`
    // returning; the length is then set to what the browser wrote, all of it initialised.
    ENCODER.with(|encoder| unsafe {
        let view = js_sys::Uint8Array::view_mut_raw(bytes.as_mut_ptr(), bytes.capacity());
        let written = encoder.encode_into(text, &view).written();
        bytes.set_len((written as usize).min(bytes.capacity()));
    });
    bytes
}

impl KeyValue for LocalStore {
    /// The text as stored, through gloo's `raw()` handle. gloo's typed `get` parses every value
    /// as JSON before Mend's codec reads it again, trims the white space around it and fails
    /// on a damaged record, which Mend must still list byte for byte: at start-up that was a
    /// second parse and a second `getItem` for each of 1,000 records. The text crosses as
    /// UTF-8 that the browser writes into wasm memory in one call, where wasm-bindgen's own
    /// string passing copies character by character in JavaScript.
    fn get(&self, key: &StorageKey) -> Result<Option<String>, StorageError> {
        let value = self
            .storage
            .unchecked_ref::<RawStorage>()
            .get_item(&key.as_string())
            .map_err(thrown)?;
        if value.is_null() || value.is_undefined() {
            return Ok(None);
        }
        String::from_utf8(utf8(&value))
            .map(Some)
            .map_err(|_| StorageError::Other("the stored text is not valid UTF-8".into()))
    }

    /// The text as it is, through gloo's `raw()` handle: gloo's typed `set` would encode it
    /// as JSON again.
    fn set(&self, key: &StorageKey, value: &str) -> Result<(), StorageError> {
        self.storage
            .set_item(&key.as_string(), value)
            .map_err(thrown)
    }

    /// `removeItem` does not throw once storage is open (gloo's `delete` drops its result too).
    fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
        let _ = self.storage.remove_item(&key.as_string());
        Ok(())
    }

    fn raw_keys(&self) -> Result<Vec<String>, StorageError> {
        let count = self.storage.length().map_err(thrown)?;
        let mut keys = Vec::with_capacity(count as usize);
        for index in 0..count {
            if let Some(key) = self.storage.key(index).map_err(thrown)? {
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
        let length = self.storage.length().map_err(thrown)?;
        let raw = self.storage.unchecked_ref::<RawStorage>();
        let mut units = 0;
        for index in 0..length {
            if let Some(key) = self.storage.key(index).map_err(thrown)? {
                // Each value's length, read where it is: copying 4.8 MB into wasm to count it
                // made Settings open in one task of 150 to 200 ms at 4x CPU slowdown.
                let value = raw.get_item(&key).map_err(thrown)?;
                let value_units = value
                    .dyn_ref::<js_sys::JsString>()
                    .map_or(0, |v| v.length());
                units += key.encode_utf16().count() + value_units as usize;
            }
        }
        Ok(units)
    }
}
