//! Native tests of the save path with the lock on (`persist::sealed`, `persist::lock`): a
//! stand-in cipher, since WebCrypto is the browser's. What must hold is the order of things:
//! plain records sealed all at once, writes that wait for their envelope and then go
//! through, and a load through the lock that reads exactly what was saved.

use std::cell::RefCell;

use mend::model::{Incident, IncidentId, Theme, Timestamp};
use mend::persist::envelope::{base64, is_sealed, Envelope};
use mend::persist::lock::{self, LockChange, LockRecord, Replace};
use mend::persist::sealed::{Cache, Sealed};
use mend::persist::{load, KeyValue, MemoryStore, Session, StorageError};

/// Not secret: the text reversed and in base64, which is enough to tell sealed from plain.
fn seal(plain: &str) -> String {
    let ct: Vec<u8> = plain.bytes().rev().collect();
    Envelope { iv: [1; 12], ct }.encode()
}

fn open(raw: &str) -> String {
    let envelope = Envelope::parse(raw).expect("an envelope");
    String::from_utf8(envelope.ct.into_iter().rev().collect()).expect("text")
}

fn at(ms: i64) -> Timestamp {
    Timestamp::from_millis(1_780_000_000_000 + ms).expect("valid time")
}

/// A store with one plain incident, as before the lock was ever on.
fn plain_store(title: &str) -> (MemoryStore, IncidentId) {
    let store = MemoryStore::new();
    let loaded = load(&store);
    let mut session = Session::new(&loaded);
    let id = IncidentId::from_random_bytes([5; 16]);
    let mut incidents = vec![Incident::new(id, at(0))];
    session.created(id);
    session.change(&mut incidents, id, Some(at(1)), |i| {
        i.title = title.into();
        true
    });
    assert_eq!(session.flush(&store, &mut incidents).result, Ok(true));
    (store, id)
}

/// Turns the lock on as the edge does: every plain record sealed in one pass, each envelope
/// known to the cache with its plain text.
fn turn_on(store: &MemoryStore) -> RefCell<Cache> {
    let cache = RefCell::new(Cache::new(lock_record()));
    let pass: Vec<Replace> = lock::records(store, false)
        .expect("readable")
        .into_iter()
        .map(|(key, before)| {
            let after = seal(&before);
            cache
                .borrow_mut()
                .knows(&key, after.clone(), before.clone());
            Replace { key, before, after }
        })
        .collect();
    lock::replace_all(store, LockChange::Set(&lock_record()), &pass).expect("room");
    cache
}

/// A lock record as Mend writes it: it begins like an envelope, and must never be read as one.
fn lock_record() -> String {
    LockRecord {
        salt: [9; lock::SALT_LEN],
        iterations: lock::ITERATIONS,
        wrapped: vec![7; 40],
        theme: Theme::System,
    }
    .encode()
}

#[test]
fn existing_plain_records_are_sealed_and_load_back_the_same() {
    let (store, id) = plain_store("Sent the wrong invoice");
    let cache = turn_on(&store);
    for (key, value) in store.snapshot() {
        assert!(!value.contains("invoice"), "{key} is plain");
        if key != "mend.lock" {
            assert!(is_sealed(&value), "{key}");
        }
    }
    let sealed = Sealed {
        inner: &store,
        cache: &cache,
    };
    let loaded = load(&sealed);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    assert!(loaded.writer.is_ok(), "{:?}", loaded.writer);
    assert_eq!(loaded.incidents.len(), 1);
    assert_eq!(loaded.incidents[0].id, id);
    assert_eq!(loaded.incidents[0].title, "Sent the wrong invoice");
}

#[test]
fn a_save_with_the_lock_on_waits_for_its_envelope_then_writes_only_sealed_text() {
    let (store, id) = plain_store("Deleted the shared folder");
    let cache = turn_on(&store);
    let sealed = Sealed {
        inner: &store,
        cache: &cache,
    };
    let loaded = load(&sealed);
    let mut session = Session::new(&loaded);
    let mut incidents = loaded.incidents;
    session.change(&mut incidents, id, Some(at(5)), |i| {
        i.title.push_str(" by accident");
        true
    });
    let before = store.snapshot();
    let first = session.flush(&sealed, &mut incidents);
    assert!(first.result.as_ref().is_err_and(|p| p.is_sealing()));
    assert_eq!(
        store.snapshot(),
        before,
        "a write without its envelope changes nothing"
    );
    assert!(session.is_waiting(), "and it still waits");

    let wanted = cache.borrow_mut().take_wanted();
    for text in wanted {
        let envelope = seal(&text);
        cache.borrow_mut().ready(text, envelope);
    }
    assert_eq!(session.flush(&sealed, &mut incidents).result, Ok(true));
    let stored = store.snapshot();
    let record = stored
        .iter()
        .find(|(k, _)| k.starts_with("mend.incident."))
        .map(|(_, v)| v.clone())
        .expect("stored");
    let plain = mend::persist::pack::unpack(&open(&record))
        .expect("unpacks")
        .into_owned();
    assert!(plain.contains("Deleted the shared folder by accident"));
    assert!(stored.values().all(|v| !v.contains("accident")));

    // Another tab opening the store through the lock reads the new title.
    let other = turn_on_again(&store);
    let again = load(&Sealed {
        inner: &store,
        cache: &other,
    });
    assert_eq!(
        again.incidents[0].title,
        "Deleted the shared folder by accident"
    );
}

/// What unlocking does in another tab: every envelope opened into its cache.
fn turn_on_again(store: &MemoryStore) -> RefCell<Cache> {
    let cache = RefCell::new(Cache::new(lock_record()));
    for (key, raw) in lock::records(store, true).expect("readable") {
        let plain = open(&raw);
        cache.borrow_mut().knows(&key, raw, plain);
    }
    cache
}

#[test]
fn a_damaged_envelope_is_listed_unreadable_and_kept() {
    let (store, _) = plain_store("Missed the deadline");
    let _ = turn_on(&store);
    let key = store
        .snapshot()
        .into_keys()
        .find(|k| k.starts_with("mend.incident."))
        .expect("stored");
    let damaged = format!(r#"{{"v":1,"iv":"{}","ct":"!!"}}"#, base64::encode(&[0; 12]));
    store.put_raw(&key, &damaged);
    let cache = turn_on_again_except(&store, &key, &damaged);
    let loaded = load(&Sealed {
        inner: &store,
        cache: &cache,
    });
    assert!(loaded.incidents.is_empty());
    assert_eq!(loaded.unreadable.len(), 1);
    assert!(loaded.unreadable[0]
        .reason
        .to_string()
        .contains("encrypted"));
    assert_eq!(store.snapshot()[&key], damaged, "kept as it was");
}

/// Unlocking when one envelope can't be opened: it is known as itself.
fn turn_on_again_except(store: &MemoryStore, bad: &str, raw_bad: &str) -> RefCell<Cache> {
    let cache = RefCell::new(Cache::new(lock_record()));
    for (key, raw) in lock::records(store, true).expect("readable") {
        let plain = if key.as_string() == bad {
            raw_bad.to_owned()
        } else {
            open(&raw)
        };
        cache.borrow_mut().knows(&key, raw, plain);
    }
    cache
}

#[test]
fn turning_the_lock_off_leaves_plain_records_and_no_lock() {
    let (store, _) = plain_store("Shipped the bug");
    let _ = turn_on(&store);
    let pass: Vec<Replace> = lock::records(&store, true)
        .expect("readable")
        .into_iter()
        .map(|(key, before)| Replace {
            after: open(&before),
            key,
            before,
        })
        .collect();
    lock::replace_all(&store, LockChange::Remove, &pass).expect("room");
    let stored = store.snapshot();
    assert!(!stored.contains_key("mend.lock"));
    assert!(stored.values().any(|v| v.contains("Shipped the bug")));
    assert_eq!(load(&store).incidents[0].title, "Shipped the bug");
    assert_eq!(
        store.get(&mend::persist::StorageKey::Lock),
        Ok::<_, StorageError>(None)
    );
}
