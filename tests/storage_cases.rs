//! Native tests of issue 14's storage cases against the in-memory store: no key under Mend's
//! prefix hides, Undo never puts an older copy over a newer one, storage emptied by another
//! page can be put back byte for byte, and an import preview is checked again before it writes.

mod common;

use std::collections::BTreeMap;

use mend::files::export::export;
use mend::files::import::ImportFile;
use mend::files::merge::{Outcome, Plan, Policy, Recheck, Write};
use mend::model::preflight::{CheckItem, Checklist};
use mend::model::{Incident, IncidentId, Settings, Step, Timestamp};
use mend::persist::codec::encode;
use mend::persist::repo::SaveError;
use mend::persist::{
    load, missing, KeyValue, MemoryStore, Restored, StorageError, StorageKey, Writer,
};

use common::SaveOver;

fn at(text: &str) -> Timestamp {
    text.parse().expect("valid time")
}

fn incident(seed: u8, title: &str) -> Incident {
    let mut incident = Incident::new(
        IncidentId::from_random_bytes([seed; 16]),
        at("2026-11-26T08:00:00Z"),
    );
    incident.title = title.to_owned();
    incident
}

fn key_of(incident: &Incident) -> String {
    StorageKey::Incident(incident.id).as_string()
}

fn writer(store: &MemoryStore) -> Writer {
    load(store).writer.expect("writable")
}

/// A store holding `incidents`, written through the real save path.
fn store_with(incidents: &[Incident]) -> MemoryStore {
    let store = MemoryStore::new();
    let writer = writer(&store);
    for incident in incidents {
        writer.save(&store, incident).expect("saves");
    }
    store
}

// Defect 5: every key under Mend's prefix shows up somewhere.

#[test]
fn a_valid_record_under_a_key_in_capitals_is_listed_as_unreadable_and_left_alone() {
    let record = incident(0xab, "Filed under capitals");
    let text = encode(&record);
    let upper = format!("mend.incident.{}", record.id.to_string().to_uppercase());
    let store = MemoryStore::new();
    store.put_raw(&upper, &text);
    let before = store.snapshot();

    let loaded = load(&store);
    assert!(
        loaded.incidents.is_empty(),
        "not taken for the lowercase key"
    );
    assert_eq!(loaded.unreadable.len(), 1, "listed, not hidden");
    assert_eq!(loaded.unreadable[0].key.as_string(), upper);
    assert_eq!(loaded.unreadable[0].raw, text, "its text kept as it is");
    assert_eq!(
        loaded.unreadable[0].reason.to_string(),
        "its contents are not in the expected shape (its key does not hold an incident id in the form Mend writes)"
    );

    // An export carries it, and nothing in storage changed.
    let file = export(&[], &loaded.unreadable, at("2026-11-27T09:00:00Z"));
    let file: serde_json::Value = serde_json::from_str(&file).expect("json");
    assert_eq!(file["unreadable"][0]["key"], upper.as_str());
    assert_eq!(file["unreadable"][0]["raw"], text.as_str());
    assert_eq!(store.snapshot(), before);
}

#[test]
fn every_other_mend_key_is_listed_too_and_other_apps_keys_are_not() {
    let store = store_with(&[incident(1, "Mine")]);
    store.put_raw("mend.later", "{\"from\":\"a later Mend\"}");
    store.put_raw("theme", "dark");
    let before = store.snapshot();
    let loaded = load(&store);
    assert_eq!(loaded.incidents.len(), 1);
    let listed: Vec<String> = loaded
        .unreadable
        .iter()
        .map(|u| u.key.as_string())
        .collect();
    assert_eq!(listed, ["mend.later"]);
    assert_eq!(
        loaded.unreadable[0].reason.to_string(),
        "its contents are not in the expected shape (this version of Mend does not use this key)"
    );
    assert_eq!(store.snapshot(), before);
}

// Defect 6: Undo brings back the newest version, never an older one over it.

#[test]
fn undo_after_delete_brings_back_what_another_tab_saved_since_and_writes_nothing() {
    let deleted = incident(2, "Deleted in this tab");
    let store = store_with(std::slice::from_ref(&deleted));
    let writer = writer(&store);
    writer.delete(&store, deleted.id).expect("deletes");
    // The other tab kept it, with its own typing, and saved it again.
    let mut kept = deleted.clone();
    kept.steps.assess.what_happened = "Typed in the other tab".into();
    kept.updated_at = at("2026-11-26T08:05:00Z");
    writer.save(&store, &kept).expect("the other tab saves");
    let before = store.snapshot();

    let restored = writer.restore(&store, &deleted).expect("restores");
    let Restored::Stored { incident, .. } = restored else {
        panic!("the newer stored version comes back, not the deleted one: {restored:?}");
    };
    assert_eq!(*incident, kept);
    assert_eq!(store.snapshot(), before, "nothing written over it");
}

#[test]
fn undo_after_delete_writes_the_deleted_version_back_when_the_key_is_still_empty() {
    let deleted = incident(3, "Deleted, then undone");
    let store = store_with(std::slice::from_ref(&deleted));
    let before = store.snapshot();
    let writer = writer(&store);
    writer.delete(&store, deleted.id).expect("deletes");
    assert!(matches!(
        writer.restore(&store, &deleted),
        Ok(Restored::Written(_))
    ));
    assert_eq!(store.snapshot(), before, "back byte for byte");
}

#[test]
fn undo_never_writes_over_a_record_it_cannot_read() {
    let deleted = incident(4, "Deleted");
    let store = store_with(std::slice::from_ref(&deleted));
    let writer = writer(&store);
    writer.delete(&store, deleted.id).expect("deletes");
    store.put_raw(&key_of(&deleted), "{\"schema\":99,\"incident\":{}}");
    let before = store.snapshot();
    assert_eq!(
        writer.restore(&store, &deleted),
        Err(SaveError::NewerRecord)
    );
    assert_eq!(store.snapshot(), before);
    store.put_raw(&key_of(&deleted), "not json");
    assert!(matches!(
        writer.restore(&store, &deleted),
        Err(SaveError::ChangedElsewhere(Some(_)))
    ));
    assert_eq!(
        store.snapshot().get(&key_of(&deleted)).map(String::as_str),
        Some("not json"),
        "left as it was"
    );
}

// Defect 8: storage emptied by another page can be put back from what a tab holds.

/// A store as a session leaves it: two incidents, settings, a damaged record, another app's key.
fn lived_in_store() -> (MemoryStore, Vec<Incident>, Settings) {
    let incidents = vec![incident(5, "First"), incident(6, "Second")];
    let store = store_with(&incidents);
    let settings = Settings {
        discreet: true,
        ..Settings::default()
    };
    writer(&store)
        .save_settings(&store, &settings)
        .expect("settings save");
    store.put_raw(
        "mend.incident.07070707-0707-4707-8707-070707070707",
        "{broken",
    );
    (store, incidents, settings)
}

/// What `localStorage.clear()` does.
fn clear(store: &MemoryStore) {
    for key in store.raw_keys().expect("keys") {
        store.remove(&StorageKey::Unknown(key)).expect("removes");
    }
}

#[test]
fn everything_a_tab_held_goes_back_byte_for_byte_after_another_page_clears_storage() {
    let (store, incidents, settings) = lived_in_store();
    let loaded = load(&store);
    assert_eq!(loaded.unreadable.len(), 1);
    let before: BTreeMap<String, String> = store.snapshot();
    clear(&store);
    assert_eq!(missing(&store, &incidents), Ok(2));

    let prints = loaded
        .writer
        .expect("writable")
        .put_back(
            &store,
            &incidents,
            &settings,
            &Checklist::default(),
            &loaded.unreadable,
        )
        .expect("puts back");
    assert_eq!(store.snapshot(), before);
    assert_eq!(prints.len(), 2);
    assert_eq!(missing(&store, &incidents), Ok(0));
}

#[test]
fn putting_back_leaves_whatever_was_stored_again_in_the_meantime() {
    let (store, incidents, settings) = lived_in_store();
    let loaded = load(&store);
    clear(&store);
    // Another tab saved its newer version of the first incident before this one acted.
    let mut newer = incidents[0].clone();
    newer.title = "Newer, from another tab".into();
    let writer = loaded.writer.expect("writable");
    writer.save(&store, &newer).expect("saves");
    let newer_text = store.snapshot()[&key_of(&newer)].clone();

    let prints = writer
        .put_back(
            &store,
            &incidents,
            &settings,
            &Checklist::default(),
            &loaded.unreadable,
        )
        .expect("puts back");
    assert_eq!(
        prints.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        [incidents[1].id]
    );
    assert_eq!(store.snapshot()[&key_of(&newer)], newer_text);
}

#[test]
fn putting_back_into_a_full_store_writes_nothing() {
    let (full, incidents, settings) = lived_in_store();
    let loaded = load(&full);
    let store = MemoryStore::with_capacity(300);
    store.put_raw("other-app", &"x".repeat(200));
    let before = store.snapshot();
    let put = loaded.writer.expect("writable").put_back(
        &store,
        &incidents,
        &settings,
        &Checklist::default(),
        &loaded.unreadable,
    );
    assert_eq!(put, Err(SaveError::Storage(StorageError::Full)));
    assert_eq!(store.snapshot(), before, "all or nothing");
}

/// Clears `store` as another page would, then puts back what a tab holding `incidents` and
/// `checklist` (and the default settings) holds.
fn clear_and_put_back(store: &MemoryStore, incidents: &[Incident], checklist: &Checklist) {
    clear(store);
    writer(store)
        .put_back(store, incidents, &Settings::default(), checklist, &[])
        .expect("puts back");
}

#[test]
fn default_settings_and_an_empty_checklist_are_not_invented_when_putting_back() {
    let incidents = vec![incident(8, "Only this")];
    let store = store_with(&incidents);
    let before = store.snapshot();
    clear_and_put_back(&store, &incidents, &Checklist::default());
    assert_eq!(store.snapshot(), before);
}

fn a_checklist(text: &str) -> Checklist {
    Checklist {
        items: vec![CheckItem {
            id: 1,
            text: text.to_owned(),
            key: text.to_ascii_lowercase(),
            ..CheckItem::default()
        }],
    }
}

#[test]
fn the_preflight_checklist_goes_back_too_after_another_page_clears_storage() {
    let incidents = vec![incident(9, "With a checklist")];
    let store = store_with(&incidents);
    let checklist = a_checklist("Check the backup ran");
    writer(&store)
        .save_checklist(&store, &checklist)
        .expect("checklist saves");
    let before = store.snapshot();
    clear_and_put_back(&store, &incidents, &checklist);
    assert_eq!(
        store.snapshot(),
        before,
        "byte for byte, the checklist included"
    );
    assert_eq!(load(&store).checklist, checklist);
}

#[test]
fn a_checklist_alone_goes_back_and_one_stored_again_meanwhile_is_left_alone() {
    let store = MemoryStore::new();
    let mine = a_checklist("Mine");
    writer(&store).save_checklist(&store, &mine).expect("saves");
    let before = store.snapshot();
    clear_and_put_back(&store, &[], &mine);
    assert_eq!(store.snapshot(), before);

    clear(&store);
    let theirs = a_checklist("Another tab's, saved since");
    writer(&store)
        .save_checklist(&store, &theirs)
        .expect("saves");
    writer(&store)
        .put_back(&store, &[], &Settings::default(), &mine, &[])
        .expect("puts back");
    assert_eq!(load(&store).checklist, theirs);
}

// Defect 7: an import preview is checked again against what is here at the moment of Import.

fn plan_of(file: &[Incident], here: &[Incident]) -> Plan {
    let file = ImportFile {
        incidents: file.to_vec(),
        rejected: Vec::new(),
        checklist: None,
        checklist_unreadable: false,
    };
    Plan::new(file, here, &[])
}

#[test]
fn an_edit_in_another_tab_while_the_preview_is_open_is_named_and_not_overwritten() {
    let mut here = incident(9, "Shared");
    here.updated_at = at("2026-11-26T09:00:00Z");
    let mut in_file = here.clone();
    in_file.steps.assess.what_happened = "From the file".into();
    in_file.updated_at = at("2026-11-26T09:00:01Z");
    let preview = plan_of(&[in_file.clone()], &[here.clone()]);
    let (writes, _) = preview.resolve(Policy::KeepNewer, || unreachable!());
    assert_eq!(writes, [Write::Replace(in_file.clone())], "as previewed");

    // The other tab edits it after the preview opened: now it is the newer one.
    let mut edited = here.clone();
    edited.steps.assess.what_happened = "Typed in the other tab".into();
    edited.updated_at = at("2026-11-26T09:00:05Z");
    let Recheck::Changed { plan, titles } = preview.recheck(&[edited.clone()], &[]) else {
        panic!("the change is noticed");
    };
    assert_eq!(titles, ["Shared"]);
    let (writes, summary) = plan.resolve(Policy::KeepNewer, || unreachable!());
    assert!(writes.is_empty(), "the newer edit stays: {writes:?}");
    assert_eq!(summary.kept_newer, 1);
}

#[test]
fn a_preview_with_nothing_changed_since_goes_ahead() {
    let mut here = incident(10, "Unchanged");
    let in_file = {
        let mut i = here.clone();
        i.title = "Renamed in the file".into();
        i
    };
    let preview = plan_of(&[in_file], &[here.clone()]);
    assert_eq!(preview.recheck(&[here.clone()], &[]), Recheck::Unchanged);
    // Only the step last opened changed: not worth stopping for.
    here.last_step = Step::Fix;
    assert_eq!(preview.recheck(&[here], &[]), Recheck::Unchanged);
}

#[test]
fn an_incident_deleted_or_added_elsewhere_since_the_preview_is_named() {
    let here = incident(11, "Deleted elsewhere");
    let fresh = incident(12, "Added elsewhere");
    let preview = plan_of(&[here.clone(), fresh.clone()], std::slice::from_ref(&here));
    let Recheck::Changed { plan, titles } = preview.recheck(std::slice::from_ref(&fresh), &[])
    else {
        panic!("noticed");
    };
    assert_eq!(titles, ["Deleted elsewhere", "Added elsewhere"]);
    assert_eq!(plan.entries[0].outcome, Outcome::New);
    assert_eq!(plan.entries[1].outcome, Outcome::Same);
}
