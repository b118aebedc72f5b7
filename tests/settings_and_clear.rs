//! Native tests of settings storage and of clearing all data, against the in-memory store.

mod common;

use mend::model::{Incident, IncidentId, Settings, Timestamp};
use mend::persist::repo::SaveError;
use mend::persist::{clear_all, load, DecodeError, MemoryStore, StorageError, StorageKey};

use common::SaveOver;

fn discreet() -> Settings {
    Settings {
        discreet: true,
        ..Settings::default()
    }
}

fn incident(seed: u8) -> Incident {
    let at: Timestamp = "2026-11-26T08:00:00Z".parse().expect("valid time");
    Incident::new(IncidentId::from_random_bytes([seed; 16]), at)
}

#[test]
fn settings_are_saved_under_their_own_key_and_loaded_back() {
    let store = MemoryStore::new();
    let writer = load(&store).writer.expect("writable");
    writer.save_settings(&store, &discreet()).expect("saves");
    assert_eq!(
        store.snapshot().get("mend.settings").map(String::as_str),
        Some(r#"{"schema":1,"settings":{"discreet":true,"theme":"system"}}"#)
    );
    assert!(
        store.snapshot().contains_key("mend.meta"),
        "the store is stamped"
    );
    let loaded = load(&store);
    assert_eq!(loaded.settings, discreet());
    assert!(loaded.unreadable.is_empty());
}

#[test]
fn no_settings_means_defaults() {
    assert_eq!(load(&MemoryStore::new()).settings, Settings::default());
}

#[test]
fn damaged_settings_are_listed_and_defaults_used() {
    let store = MemoryStore::new();
    store.put_raw("mend.settings", "{not json");
    let loaded = load(&store);
    assert_eq!(loaded.settings, Settings::default());
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].key, StorageKey::Settings);
    assert_eq!(loaded.unreadable[0].raw, "{not json");
}

#[test]
fn settings_from_a_newer_mend_are_never_overwritten() {
    let store = MemoryStore::new();
    let newer = r#"{"schema":9,"settings":{"discreet":true,"colour":"red"}}"#;
    store.put_raw("mend.settings", newer);
    let loaded = load(&store);
    assert!(matches!(
        loaded.unreadable[0].reason,
        DecodeError::Newer { .. }
    ));
    let writer = loaded.writer.expect("incidents are still writable");
    assert_eq!(
        writer.save_settings(&store, &Settings::default()),
        Err(SaveError::NewerSettings)
    );
    assert_eq!(
        store.snapshot().get("mend.settings").map(String::as_str),
        Some(newer)
    );
}

#[test]
fn clearing_removes_every_mend_key_and_nothing_else() {
    let store = MemoryStore::new();
    let writer = load(&store).writer.expect("writable");
    writer.save(&store, &incident(1)).expect("saves");
    writer.save(&store, &incident(2)).expect("saves");
    writer.save_settings(&store, &discreet()).expect("saves");
    store.put_raw("mend.incident.not-an-id", "kept until now");
    store.put_raw("mend.from-a-later-version", "{}");
    store.put_raw("other-app.token", "keep me");
    store.put_raw("mendel", "keep me too");

    assert_eq!(clear_all(&store), Ok(6));
    let left: Vec<String> = store.snapshot().into_keys().collect();
    assert_eq!(left, ["mendel", "other-app.token"]);
    let loaded = load(&store);
    assert!(loaded.incidents.is_empty() && loaded.unreadable.is_empty());
    assert_eq!(loaded.settings, Settings::default());
}

#[test]
fn clearing_blocked_storage_reports_it() {
    let store = MemoryStore::new();
    store.put_raw("mend.meta", r#"{"schema":1}"#);
    store.block();
    assert_eq!(clear_all(&store), Err(StorageError::Unavailable));
}
