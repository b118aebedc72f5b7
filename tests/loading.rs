//! Native tests of reading storage in steps (`persist::repo::Loading`): whatever the step
//! size, the result is exactly what one `load` gives, and the small records come first.

mod common;

use mend::model::{Incident, IncidentId, Settings, Timestamp};
use mend::persist::codec::encode;
use mend::persist::repo::Loading;
use mend::persist::{load, KeyValue, Loaded, MemoryStore, StorageKey};

use common::SaveOver;

fn incident(seed: u8) -> Incident {
    let at: Timestamp = "2026-11-26T08:00:00Z".parse().expect("valid time");
    let mut incident = Incident::new(IncidentId::from_random_bytes([seed; 16]), at);
    incident.title = format!("Incident {seed}");
    incident
}

/// Twelve good incidents, two damaged ones, one under the wrong key, a damaged checklist, a
/// key of Mend's this version doesn't use, another app's key, and settings chosen by the
/// person.
fn mixed_store() -> MemoryStore {
    let store = MemoryStore::new();
    let writer = load(&store).writer.expect("an empty store is writable");
    for seed in 1..=12 {
        writer.save(&store, &incident(seed)).expect("saves");
    }
    let settings = Settings {
        discreet: true,
        ..Settings::default()
    };
    writer.save_settings(&store, &settings).expect("saves");
    store.put_raw(
        &StorageKey::Incident(incident(20).id).as_string(),
        "{\"schema\":4,",
    );
    store.put_raw(&StorageKey::Incident(incident(21).id).as_string(), "[]");
    store.put_raw(
        &StorageKey::Incident(incident(22).id).as_string(),
        &encode(&incident(23)),
    );
    store.put_raw(&StorageKey::Checklist.as_string(), "{\"items\":");
    store.put_raw("mend.future-thing", "{\"schema\":9}");
    store.put_raw("another-app", "{not ours");
    store
}

fn in_steps(store: &MemoryStore, size: usize) -> Loaded {
    let mut loading = Loading::start(store);
    let mut steps = 0;
    while !loading.step(store, size) {
        steps += 1;
        assert!(steps < 1_000, "the steps never end");
    }
    loading.finish()
}

fn assert_same(a: &Loaded, b: &Loaded) {
    assert_eq!(a.incidents, b.incidents);
    assert_eq!(a.unreadable, b.unreadable);
    assert_eq!(a.settings, b.settings);
    assert_eq!(a.checklist, b.checklist);
    assert_eq!(a.writer, b.writer);
    assert_eq!(a.seen, b.seen);
}

#[test]
fn reading_in_steps_of_any_size_gives_exactly_what_one_load_gives() {
    let store = mixed_store();
    let whole = load(&store);
    assert_eq!(whole.incidents.len(), 12);
    assert_eq!(whole.unreadable.len(), 5);
    assert!(whole.settings.discreet);
    for size in [1, 2, 3, 5, 7, 16, 100] {
        assert_same(&in_steps(&store, size), &whole);
    }
}

#[test]
fn what_cannot_be_read_is_listed_in_the_order_it_is_read_whatever_the_steps() {
    let store = mixed_store();
    for size in [1, 4, 100] {
        let kinds: Vec<&str> = in_steps(&store, size)
            .unreadable
            .iter()
            .map(|u| match u.key {
                StorageKey::Incident(_) => "incident",
                StorageKey::Checklist => "checklist",
                _ => "other",
            })
            .collect();
        // The small records first, then the incidents by id, then keys this version doesn't use.
        assert_eq!(
            kinds,
            ["checklist", "incident", "incident", "incident", "other"]
        );
    }
}

#[test]
fn the_settings_are_known_once_the_small_records_are_read_before_anything_is_listed() {
    let store = mixed_store();
    // The version record, the settings and the damaged checklist, by their keys.
    let mut loading = Loading::glance(&store);
    assert!(loading.settings().discreet);
    assert_eq!(loading.left(), 0, "nothing else is listed yet");
    // Fifteen incident keys and the unknown one are still to read, and no small one again.
    loading.list(&store);
    assert_eq!(loading.left(), 16);
    assert!(!loading.step(&store, 15));
    assert!(loading.step(&store, 1));
    let loaded = loading.finish();
    assert_eq!(loaded.incidents.len(), 12);
    // The three damaged incidents, the damaged checklist and the unknown key, each once.
    assert_eq!(loaded.unreadable.len(), 5);
}

#[test]
fn a_record_removed_between_steps_is_skipped_and_one_changed_is_read_as_it_is_then() {
    let store = mixed_store();
    let mut loading = Loading::start(&store);
    assert!(!loading.step(&store, 2));
    let later = incident(12);
    store
        .remove(&StorageKey::Incident(incident(11).id))
        .expect("removes");
    let mut changed = later.clone();
    changed.title = "Changed meanwhile".into();
    store.put_raw(
        &StorageKey::Incident(later.id).as_string(),
        &encode(&changed),
    );
    while !loading.step(&store, 2) {}
    let loaded = loading.finish();
    assert_eq!(loaded.incidents.len(), 11);
    assert!(loaded.incidents.contains(&changed));
    assert_same(&loaded, &load(&store));
}
