//! `localStorage` behind the `KeyValue` trait, through gloo-storage, with every failure mapped
//! to a `StorageError`.
//!
//! Every gloo call goes through `LocalStorage::raw()`, which throws out of the wasm when storage
//! is blocked, so `LocalStore::open()` asks `web_sys` first, once, and a `LocalStore` exists
//! only when storage was there. Records are already JSON text: they cross gloo as `RawValue`,
//! never encoded twice. Text gloo can't carry unchanged goes through `raw()` (see `get`).

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};
use gloo_utils::errors::JsError;
use serde_json::value::RawValue;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::persist::{KeyValue, StorageError, StorageKey};

/// Proof that localStorage was available when opened: gloo is only called through one.
pub struct LocalStore {
    _probed: (),
}

impl LocalStore {
    /// Fails with `Unavailable` when the browser blocks storage (reading the property throws).
    pub fn open() -> Result<Self, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(Self { _probed: () }),
            Ok(None) | Err(_) => Err(StorageError::Unavailable),
        }
    }
}

/// Sorts gloo's error into the errors a person can act on.
fn classify(error: GlooError) -> StorageError {
    match error {
        GlooError::JsError(e) => match e.name.as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
            "SecurityError" => StorageError::Unavailable,
            name => StorageError::Other(format!("{name}: {}", e.message)),
        },
        other => StorageError::Other(other.to_string()),
    }
}

/// A value thrown by a `raw()` call, as gloo carries it (gloo's own conversion panics on a
/// thrown value that is not an `Error`).
fn thrown(value: JsValue) -> StorageError {
    match value.dyn_into::<js_sys::Error>() {
        Ok(error) => classify(GlooError::JsError(JsError::from(error))),
        Err(other) => {
            StorageError::Other(other.as_string().unwrap_or_else(|| "unknown error".into()))
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// `Storage`, with `getItem` keeping the value a JS string, to look at its ends in place.
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
}

/// Whether the stored value starts or ends with JSON whitespace, which serde_json leaves out
/// of a `RawValue`: such a value is read as plain text so that it stays byte for byte.
fn padded(key: &str) -> bool {
    let Ok(value) = LocalStorage::raw()
        .unchecked_into::<RawStorage>()
        .get_item(key)
    else {
        return true;
    };
    let Some(text) = value.dyn_ref::<js_sys::JsString>() else {
        return true;
    };
    let length = text.length();
    let space = |at: u32| matches!(text.char_code_at(at) as u32, 0x20 | 0x09 | 0x0a | 0x0d);
    length > 0 && (space(0) || space(length - 1))
}

/// The stored text as it is, through `raw()` (safe: `open()` found storage available).
fn read_plain(key: &str) -> Result<Option<String>, StorageError> {
    LocalStorage::raw().get_item(key).map_err(thrown)
}

impl KeyValue for LocalStore {
    /// Through gloo as JSON text. gloo fails on text that is not JSON (a damaged record) and
    /// serde_json trims whitespace around JSON, so such text is read plain through `raw()`:
    /// Mend must still list a damaged record, and fingerprints need the text byte for byte.
    fn get(&self, key: &StorageKey) -> Result<Option<String>, StorageError> {
        let key = key.as_string();
        match LocalStorage::get::<Box<RawValue>>(&key) {
            Ok(json) if !padded(&key) => Ok(Some(Box::<str>::from(json).into())),
            Ok(_) | Err(GlooError::SerdeError(_)) => read_plain(&key),
            Err(GlooError::KeyNotFound(_)) => Ok(None),
            Err(e) => Err(classify(e)),
        }
    }

    /// Through gloo as JSON text, copied once. Text that is not JSON (a damaged record's text,
    /// put back) or that JSON would trim is written plain through `raw()`, unchanged.
    fn set(&self, key: &StorageKey, value: &str) -> Result<(), StorageError> {
        let key = key.as_string();
        match serde_json::from_str::<&RawValue>(value) {
            Ok(json) if json.get().len() == value.len() => {
                LocalStorage::set(&key, json).map_err(classify)
            }
            _ => LocalStorage::raw().set_item(&key, value).map_err(thrown),
        }
    }

    /// gloo's `delete` returns nothing: `removeItem` does not throw once storage is open.
    fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
        LocalStorage::delete(key.as_string());
        Ok(())
    }

    fn raw_keys(&self) -> Result<Vec<String>, StorageError> {
        let count = LocalStorage::length();
        let storage = LocalStorage::raw();
        let mut keys = Vec::with_capacity(count as usize);
        for index in 0..count {
            if let Some(key) = storage.key(index).map_err(thrown)? {
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
        let length = LocalStorage::length();
        let storage = LocalStorage::raw();
        let mut units = 0;
        for index in 0..length {
            if let Some(key) = storage.key(index).map_err(thrown)? {
                let value = storage.get_item(&key).map_err(thrown)?.unwrap_or_default();
                units += key.encode_utf16().count() + value.encode_utf16().count();
            }
        }
        Ok(units)
    }
}
