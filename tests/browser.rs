//! Browser tests, in headless Chromium: the localStorage adapter and the storage path over it.
#![cfg(target_arch = "wasm32")]

mod common;

use mend::browser::LocalStore;
use mend::model::{Incident, IncidentId, Timestamp};
use mend::persist::codec::encode;
use mend::persist::repo::SaveError;
use mend::persist::{load, KeyValue, StorageError, StorageKey, SCHEMA_VERSION};
use wasm_bindgen_test::*;

use common::SaveOver;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_store() -> LocalStore {
    let raw = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("test browser has localStorage");
    raw.clear().expect("clears");
    LocalStore::open().expect("opens")
}

fn incident(seed: u8, title: &str) -> Incident {
    let now: Timestamp = "2026-11-26T08:00:00Z".parse().expect("valid time");
    let mut incident = Incident::new(IncidentId::from_random_bytes([seed; 16]), now);
    incident.title = title.to_owned();
    incident
}

#[wasm_bindgen_test]
fn set_get_and_remove_round_trip() {
    let store = fresh_store();
    let key = StorageKey::Meta;
    assert_eq!(
        store.get(&key),
        Ok(None),
        "a missing key is None, not an error"
    );
    store.set(&key, "héllo ✓ مرحبا 🙂").expect("sets");
    assert_eq!(store.get(&key), Ok(Some("héllo ✓ مرحبا 🙂".to_owned())));
    store.remove(&key).expect("removes");
    assert_eq!(store.get(&key), Ok(None));
}

#[wasm_bindgen_test]
fn raw_keys_lists_every_key_including_foreign_ones() {
    let store = fresh_store();
    store.set(&StorageKey::Meta, "{}").expect("sets");
    let raw = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("storage");
    raw.set_item("another-app", "x").expect("sets");
    let mut keys = store.raw_keys().expect("lists");
    keys.sort();
    assert_eq!(keys, ["another-app", "mend.meta"]);
}

#[wasm_bindgen_test]
fn a_full_store_reports_full_and_keeps_the_old_value() {
    let store = fresh_store();
    let key = StorageKey::Meta;
    store.set(&key, "before").expect("sets");
    // Chromium allows about 5 MB (10 M UTF-16 units counted as bytes per char): 6 M chars is over.
    let huge = "x".repeat(6 * 1024 * 1024);
    assert_eq!(store.set(&key, &huge), Err(StorageError::Full));
    assert_eq!(store.get(&key), Ok(Some("before".to_owned())));
}

#[wasm_bindgen_test]
fn incidents_saved_through_local_storage_load_back() {
    let store = fresh_store();
    let writer = load(&store).writer.expect("writable");
    let a = incident(1, "Sent the invoice to the wrong client");
    let b = incident(2, "Deleted the shared folder");
    writer.save(&store, &a).expect("saves a");
    writer.save(&store, &b).expect("saves b");
    let mut loaded = load(&store).incidents;
    loaded.sort_by_key(|i| i.id);
    assert_eq!(loaded, [a, b]);
}

#[wasm_bindgen_test]
fn a_damaged_record_in_local_storage_stays_byte_for_byte() {
    let store = fresh_store();
    let writer = load(&store).writer.expect("writable");
    let good = incident(1, "Fine");
    let bad = incident(2, "Broken");
    writer.save(&store, &good).expect("saves");
    let bad_key = StorageKey::Incident(bad.id);
    store.set(&bad_key, "{\"schema\":1,\"inci").expect("sets");
    let loaded = load(&store);
    assert_eq!(loaded.incidents, std::slice::from_ref(&good));
    assert_eq!(loaded.unreadable.len(), 1);
    let mut edited = good;
    edited.title = "Still fine".into();
    loaded
        .writer
        .expect("writable")
        .save(&store, &edited)
        .expect("saves");
    assert_eq!(
        store.get(&bad_key),
        Ok(Some("{\"schema\":1,\"inci".to_owned()))
    );
}

#[wasm_bindgen_test]
fn a_newer_record_in_local_storage_is_not_overwritten() {
    let store = fresh_store();
    let a = incident(3, "From the future");
    let newer = mend::persist::pack::unpack(&encode(&a))
        .expect("unpacks")
        .replacen(
            &format!("\"schema\":{SCHEMA_VERSION}"),
            &format!("\"schema\":{}", SCHEMA_VERSION + 1),
            1,
        );
    store
        .set(&StorageKey::Incident(a.id), &newer)
        .expect("sets");
    let writer = load(&store).writer.expect("writable");
    assert_eq!(writer.save(&store, &a), Err(SaveError::NewerRecord));
    assert_eq!(store.get(&StorageKey::Incident(a.id)), Ok(Some(newer)));
}

fn browser_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("storage")
}

/// JSON, text around JSON that a parser would trim, and text that is not JSON at all.
const ODD_VALUES: &[&str] = &[
    "{\"a\":1}",
    "{\"t\":\"héllo ✓ مرحبا 🙂\",\"e\":\"\\u00e9\\n\"}",
    "\"just a string\"",
    "42",
    "null",
    " {\"a\":1}",
    "{\"a\":1}\n",
    "\t[1, 2]\r\n",
    "{\"schema\":1,\"inci",
    "not json at all",
    "",
    "\u{feff}{}",
    "{} {}",
];

#[wasm_bindgen_test]
fn every_value_written_reads_back_and_is_stored_byte_for_byte() {
    let store = fresh_store();
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let values = ODD_VALUES.iter().copied().chain([deep.as_str()]);
    for (n, value) in values.enumerate() {
        let key = StorageKey::Unknown(format!("mend.case{n}"));
        store.set(&key, value).expect("sets");
        assert_eq!(
            store.get(&key),
            Ok(Some(value.to_owned())),
            "read {value:?}"
        );
        let stored = browser_storage().get_item(&key.as_string()).expect("reads");
        assert_eq!(stored.as_deref(), Some(value), "stored {value:?}");
    }
}

#[wasm_bindgen_test]
fn values_another_page_stored_read_back_byte_for_byte() {
    let store = fresh_store();
    let raw = browser_storage();
    for (n, value) in ODD_VALUES.iter().enumerate() {
        let key = StorageKey::Unknown(format!("mend.case{n}"));
        raw.set_item(&key.as_string(), value).expect("sets");
        assert_eq!(store.get(&key), Ok(Some((*value).to_owned())), "{value:?}");
    }
}

#[wasm_bindgen_test]
fn units_in_use_counts_keys_and_values_in_utf16() {
    let store = fresh_store();
    store
        .set(&StorageKey::Meta, "{\"a\":\"🙂\"}")
        .expect("sets");
    browser_storage().set_item("other", "xyz").expect("sets");
    // "mend.meta" 9 + {"a":"🙂"} 10 (the emoji is two units) + "other" 5 + "xyz" 3.
    assert_eq!(store.units_in_use(), Ok(27));
}
