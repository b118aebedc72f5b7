//! Native tests of the persistence core against the in-memory store: codec, migrations,
//! refusal of newer data, isolation of damaged records, and one-key-per-save.

mod common;

use mend::json;
use mend::model::list_row::ListRow;
use mend::model::{Day, Incident, IncidentId, Timestamp};
use mend::persist::codec::{decode, encode, encode_sized, STORE_VERSION};
use mend::persist::pack;
use mend::persist::repo::SaveError;
use mend::persist::{
    load, DecodeError, KeyValue, MemoryStore, ReadOnly, StorageError, StorageKey, SCHEMA_VERSION,
};

use common::SaveOver;

const V1_INCIDENT: &str = include_str!("fixtures/v1-incident.json");
const V1_MINIMAL: &str = include_str!("fixtures/v1-minimal.json");
/// Every step filled, about 4 KB: the benchmark (`bench/`) stores copies of it.
const V2_FULL: &str = include_str!("fixtures/v2-full-incident.json");
const V3_FULL: &str = include_str!("fixtures/v3-full-incident.json");
const V4_FULL: &str = include_str!("fixtures/v4-full-incident.json");
/// `V4_FULL` as a row of the list's index (`persist::index`), its days in UTC.
const V4_FULL_ROW: &str = include_str!("fixtures/v4-full-incident.list-row.json");
/// `V4_FULL` as a save stores it, packed: the benchmark stores copies of it (`bench/seed.mjs`).
const V4_FULL_PACKED: &str = include_str!("fixtures/v4-full-incident.packed");

fn at(text: &str) -> Timestamp {
    text.parse().expect("valid fixture time")
}

fn incident(seed: u8, title: &str) -> Incident {
    let mut incident = Incident::new(
        IncidentId::from_random_bytes([seed; 16]),
        at("2026-11-26T08:00:00Z"),
    );
    incident.title = title.to_owned();
    incident
}

/// A stored text as JSON, unpacked if it is packed (`persist::pack`).
fn json_of(text: &str) -> String {
    pack::unpack(text).expect("unpacks").into_owned()
}

fn key_of(incident: &Incident) -> String {
    StorageKey::Incident(incident.id).as_string()
}

/// A store holding `incidents`, written through the real save path.
fn store_with(incidents: &[Incident]) -> MemoryStore {
    let store = MemoryStore::new();
    let writer = load(&store).writer.expect("empty store is writable");
    for incident in incidents {
        writer.save(&store, incident).expect("saves");
    }
    store
}

#[test]
fn codec_round_trips_an_incident() {
    let mut original = incident(1, "Deleted the shared folder");
    original.noticed_at = Some(at("2026-11-26T07:58:12.345Z"));
    let text = encode(&original);
    assert_eq!(decode(&text), Ok(original));
}

#[test]
fn encoding_is_stable_in_field_order() {
    let text = json_of(&encode(&incident(2, "x")));
    assert_eq!(
        text,
        r#"{"schema":4,"incident":{"id":"02020202-0202-4202-8202-020202020202","title":"x","created_at":"2026-11-26T08:00:00.000Z","updated_at":"2026-11-26T08:00:00.000Z","noticed_at":"2026-11-26T08:00:00.000Z","tags":"","archived":false,"last_step":"stop","steps":{"stop":{"pattern":"sigh","distress_before":null,"distress_after":null,"thought_record":{"thought":"","patterns":[],"balanced":"","belief_before":null,"belief_after":null,"in_report":false}},"assess":{"what_happened":"","happened_at":null,"affects_customers":false,"affects_colleagues":false,"affects_systems":false,"affects_money":false,"affects_deadlines":false,"impact":"","severity":"unset","worsening":"unknown","helpers":[],"key_points":[],"timeline":[]},"solutions":{"options":[],"chosen":null},"own_up":{"tell_name":"","tell_role":"My manager","tell_email":"","done_so_far":"","need":"","briefing":null,"told_at":null},"fix":{"items":[]},"follow_up":{"people":[],"removed_names":[],"cause":"","cause_kinds":[],"seemed_reasonable":"","lucky":"","known_earlier":"","caught_sooner":"","debrief_on":"","debrief_held":null},"step_it_up":{"commitments":[],"extra_checks":[],"learned":"","went_well":"","didnt_work":"","resolved_at":null}}}}"#
    );
}

#[test]
fn the_full_fixture_is_exactly_what_a_save_writes() {
    let incident = decode(V4_FULL).expect("the benchmark's record reads");
    assert_eq!(json_of(&encode(&incident)), V4_FULL.trim_end());
    assert!((4_000..=5_000).contains(&V4_FULL.len()), "about 4.5 KB");
    // Packed exactly as the benchmark's own packer (`bench/pack.mjs`) packs it.
    assert_eq!(encode(&incident), V4_FULL_PACKED);
    assert_eq!(decode(V4_FULL_PACKED), Ok(incident));
}

/// The benchmark (`bench/seed.mjs`) writes the list's index as the app would, from this row.
#[test]
fn the_full_fixtures_list_row_is_what_the_index_keeps_for_it() {
    let incident = decode(V4_FULL).expect("the benchmark's record reads");
    let row = ListRow::of(&incident, incident.title.clone(), &Day::of_utc);
    assert_eq!(json::to_text(&row), V4_FULL_ROW.trim_end());
}

#[test]
fn a_save_sized_from_the_text_it_replaces_writes_the_same_text() {
    // Too long to be packed, so stored as the JSON it is written as.
    let mut incident = decode(V4_FULL).expect("the benchmark's record reads");
    incident.steps.assess.what_happened = "x".repeat(pack::MOST);
    let plain = encode(&incident);
    assert!(plain.starts_with('{'));
    for replaces in [0, 10, plain.len(), 200_000] {
        let text = encode_sized(&incident, replaces);
        assert_eq!(text, plain, "replacing {replaces} bytes");
        assert!(text.capacity() >= replaces + replaces / 8);
    }
}

#[test]
fn a_v3_record_reads_as_v4_with_the_new_fields_empty_and_its_status_derived() {
    let v3 = decode(V3_FULL).expect("v3 migrates");
    let mut v4 = decode(V4_FULL).expect("v4 reads");
    v4.steps.own_up.tell_email.clear();
    v4.steps.follow_up.debrief_on.0.clear();
    v4.steps.follow_up.cause_kinds.clear();
    v4.steps.step_it_up.didnt_work.clear();
    assert_eq!(v3, v4);
    // Told and fixed, but no debrief held: status comes from milestones, not from the notes
    // in every step (which made it "Preventing" before).
    assert_eq!(
        mend::model::status::status(&v3),
        mend::model::Status::FollowingUp
    );
}

#[test]
fn a_v2_record_reads_the_same_distress_and_keeps_its_thoughts_as_the_thought() {
    let incident = decode(V2_FULL).expect("v2 migrates");
    let stop = &incident.steps.stop;
    assert_eq!(
        (stop.distress_before, stop.distress_after),
        (Some(8), Some(5))
    );
    assert_eq!(
        stop.thought_record.thought,
        "My stomach dropped when I saw the reply. Everyone will know it was me."
    );
    assert!(
        !stop.thought_record.in_report,
        "not in the report until ticked"
    );
    // Everything else is as the v3 fixture holds it, apart from the thought record's new parts.
    let mut v3 = decode(V3_FULL).expect("v3 reads");
    v3.steps.stop.thought_record = stop.thought_record.clone();
    assert_eq!(incident, v3);
}

#[test]
fn v1_fixture_reads_into_the_current_version() {
    let incident = decode(V1_INCIDENT).expect("v1 migrates");
    assert_eq!(
        incident.id.to_string(),
        "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b"
    );
    assert_eq!(incident.title, "Sent the invoice to the wrong client");
    assert_eq!(incident.created_at, at("2026-11-20T09:15:00Z"));
    assert_eq!(incident.updated_at, at("2026-11-20T09:21:30.250Z"));
    assert_eq!(incident.noticed_at, Some(at("2026-11-20T09:12:00Z")));
    // Re-encoding writes the current schema.
    let again = json_of(&encode(&incident));
    assert!(again.starts_with(&format!("{{\"schema\":{SCHEMA_VERSION},")));
}

#[test]
fn missing_optional_fields_take_defaults_and_unknown_fields_are_tolerated() {
    let incident = decode(V1_MINIMAL).expect("minimal v1 reads");
    assert_eq!(incident.title, "");
    assert_eq!(incident.display_title(), "Untitled incident");
    assert_eq!(incident.noticed_at, None);
    assert_eq!(incident.steps, Default::default());
}

#[test]
fn newer_schema_is_refused_with_its_own_reason() {
    let newer = V1_INCIDENT.replacen("\"schema\":1", "\"schema\":99", 1);
    assert_eq!(decode(&newer), Err(DecodeError::Newer { found: 99 }));
}

#[test]
fn malformed_records_get_specific_reasons() {
    assert!(matches!(decode(""), Err(DecodeError::NotJson(_))));
    assert!(matches!(
        decode("{\"schema\":1,\"incident\":{\"id\":"),
        Err(DecodeError::NotJson(_))
    ));
    assert!(matches!(decode("[1,2]"), Err(DecodeError::Shape(_))));
    assert!(matches!(
        decode("{\"incident\":{}}"),
        Err(DecodeError::NoVersion)
    ));
    assert!(matches!(
        decode("{\"schema\":0,\"incident\":{}}"),
        Err(DecodeError::NoVersion)
    ));
    assert!(matches!(
        decode("{\"schema\":1,\"incident\":{\"title\":5}}"),
        Err(DecodeError::Shape(_))
    ));
    assert!(matches!(
        decode("{\"schema\":1}"),
        Err(DecodeError::Shape(_))
    ));
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(
        matches!(decode(&deep), Err(DecodeError::NotJson(_))),
        "deep nesting is refused, not a stack overflow"
    );
}

#[test]
fn load_finds_every_saved_incident_and_ignores_foreign_keys() {
    let a = incident(1, "First");
    let b = incident(2, "Second");
    let store = store_with(&[a.clone(), b.clone()]);
    store.put_raw("someone-elses-key", "{not ours");
    let loaded = load(&store);
    assert!(loaded.writer.is_ok());
    assert!(loaded.unreadable.is_empty());
    let mut titles: Vec<_> = loaded.incidents.iter().map(|i| i.title.as_str()).collect();
    titles.sort();
    assert_eq!(titles, ["First", "Second"]);
}

#[test]
fn saving_one_incident_writes_only_its_own_key() {
    let a = incident(1, "First");
    let mut b = incident(2, "Second");
    let store = store_with(&[a.clone(), b.clone()]);
    let before = store.snapshot();
    let writes_before = store.writes();

    b.title = "Second, edited".into();
    load(&store)
        .writer
        .expect("writable")
        .save(&store, &b)
        .expect("saves");

    let after = store.snapshot();
    assert_eq!(store.writes(), writes_before + 1);
    let changed: Vec<_> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(changed, [&key_of(&b)]);
}

#[test]
fn a_damaged_record_is_isolated_and_kept_byte_for_byte() {
    let a = incident(1, "Fine");
    let damaged = incident(2, "Broken");
    let store = store_with(&[a.clone(), damaged.clone()]);
    let garbage = "{\"schema\":1,\"incident\":{\"id\":\"02020202-02";
    store.put_raw(&key_of(&damaged), garbage);

    let loaded = load(&store);
    assert_eq!(loaded.incidents, std::slice::from_ref(&a));
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].key, StorageKey::Incident(damaged.id));
    assert_eq!(loaded.unreadable[0].raw, garbage);
    assert!(matches!(
        loaded.unreadable[0].reason,
        DecodeError::NotJson(_)
    ));

    // Working on the good incident leaves the damaged one exactly as it was.
    let mut a2 = a.clone();
    a2.title = "Still fine".into();
    loaded
        .writer
        .expect("writable")
        .save(&store, &a2)
        .expect("saves");
    assert_eq!(
        store.snapshot().get(&key_of(&damaged)).map(String::as_str),
        Some(garbage)
    );
}

#[test]
fn a_record_under_the_wrong_key_is_set_aside() {
    let a = incident(1, "Mine");
    let store = MemoryStore::new();
    let wrong_key = StorageKey::Incident(IncidentId::from_random_bytes([9; 16]));
    store.put_raw(&wrong_key.as_string(), &encode(&a));
    let loaded = load(&store);
    assert!(loaded.incidents.is_empty());
    assert_eq!(loaded.unreadable.len(), 1);
    assert!(matches!(loaded.unreadable[0].reason, DecodeError::Shape(_)));
}

#[test]
fn a_newer_record_is_never_overwritten() {
    let a = incident(1, "Old view of it");
    let store = MemoryStore::new();
    let newer =
        json_of(&encode(&a)).replacen(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":7", 1);
    store.put_raw(&key_of(&a), &newer);

    let loaded = load(&store);
    assert!(loaded.incidents.is_empty());
    assert!(matches!(
        loaded.unreadable[0].reason,
        DecodeError::Newer { .. }
    ));
    let before = store.snapshot();
    let result = loaded
        .writer
        .expect("other records stay writable")
        .save(&store, &a);
    assert_eq!(result, Err(SaveError::NewerRecord));
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_store_stamped_by_a_newer_version_is_read_only() {
    let a = incident(1, "Saved by a later Mend");
    let store = store_with(std::slice::from_ref(&a));
    store.put_raw("mend.meta", "{\"schema\":6}");
    let loaded = load(&store);
    assert_eq!(loaded.writer, Err(ReadOnly::NewerStore { found: 6 }));
    assert_eq!(loaded.incidents, [a], "still readable");
}

#[test]
fn a_packed_record_of_a_newer_schema_is_never_overwritten() {
    let a = incident(1, "Old view of it");
    let store = MemoryStore::new();
    let mut newer = decode(V4_FULL).expect("reads");
    newer.id = a.id;
    let newer = json_of(&encode(&newer)).replacen("\"schema\":4", "\"schema\":7", 1);
    let newer = pack::pack(&newer).expect("packs");
    store.put_raw(&key_of(&a), &newer);
    let loaded = load(&store);
    assert!(matches!(
        loaded.unreadable[0].reason,
        DecodeError::Newer { found: 7 }
    ));
    let before = store.snapshot();
    let result = loaded.writer.expect("writable").save(&store, &a);
    assert_eq!(result, Err(SaveError::NewerRecord));
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_packed_records_version_is_read_from_its_start_or_else_from_all_of_it() {
    use mend::persist::codec::schema_version;
    let text = json_of(&encode(&decode(V4_FULL).expect("reads")));
    let packed = |json: &str| pack::pack(json).expect("packs");
    assert_eq!(schema_version(&packed(&text)), Ok(4));
    let newer = text.replacen("\"schema\":4", "\"schema\":17", 1);
    assert_eq!(schema_version(&packed(&newer)), Ok(17));
    // Not first, as no Mend writes it: found by reading the whole record.
    let last = format!(
        "{{\"incident\":{{}},\"x\":\"{}\",\"schema\":9}}",
        "y".repeat(99)
    );
    assert_eq!(schema_version(&packed(&last)), Ok(9));
    // Cut after its start: the start still says which version wrote it.
    let cut: String = packed(&newer).chars().take(40).collect();
    assert_eq!(schema_version(&cut), Ok(17));
    // Damaged from its first byte: no version, as before.
    let wrong = format!("{}\u{ff}\u{ff}\u{ff}", pack::MARK);
    assert!(schema_version(&wrong).is_err());
}

#[test]
fn an_import_over_a_packed_record_of_a_newer_schema_writes_nothing() {
    let a = incident(1, "Kept from a newer Mend");
    let store = store_with(std::slice::from_ref(&a));
    let newer = json_of(&encode(&a)).replacen("\"schema\":4", "\"schema\":7", 1);
    store.put_raw(&key_of(&a), &pack::pack(&newer).expect("packs"));
    let before = store.snapshot();
    let writer = load(&store).writer.expect("writable");
    let result = writer.save_all(&store, &[incident(2, "New"), a]);
    assert_eq!(result, Err(SaveError::NewerRecord));
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_damaged_packed_record_is_listed_and_kept_as_it_was() {
    let a = incident(1, "Packed, then damaged");
    let store = MemoryStore::new();
    let packed = encode(&a);
    assert!(packed.starts_with(pack::MARK));
    let damaged: String = packed.chars().take(packed.chars().count() / 2).collect();
    store.put_raw(&key_of(&a), &damaged);
    let loaded = load(&store);
    assert!(loaded.incidents.is_empty());
    assert_eq!(loaded.unreadable[0].raw, damaged);
    // Cut between two of its runs, it unpacks to the JSON's first half.
    assert!(matches!(
        loaded.unreadable[0].reason,
        DecodeError::Packed(_) | DecodeError::NotJson(_)
    ));
    // Its download holds what can still be read of it, then the record exactly as stored.
    let download = loaded.unreadable[0].download_text();
    assert!(
        download.contains("\"title\":\"Packed, then damaged\""),
        "{download}"
    );
    assert!(download.ends_with(&damaged));
    // Working on another incident leaves it exactly as it was.
    let writer = loaded.writer.expect("writable");
    writer.save(&store, &incident(2, "Fine")).expect("saves");
    assert_eq!(store.snapshot()[&key_of(&a)], damaged);
}

#[test]
fn an_unreadable_json_record_downloads_as_it_is_stored() {
    let a = incident(1, "Stored as JSON");
    let store = MemoryStore::new();
    let cut = json_of(&encode(&a))[..40].to_owned();
    store.put_raw(&key_of(&a), &cut);
    let loaded = load(&store);
    assert_eq!(loaded.unreadable[0].download_text(), cut);
}

#[test]
fn a_store_stamped_by_the_last_version_stays_writable_and_is_stamped_again() {
    let a = incident(1, "Stored as JSON by the last version");
    let store = MemoryStore::new();
    store.put_raw("mend.meta", "{\"schema\":4}");
    store.put_raw(&key_of(&a), &json_of(&encode(&a)));
    let loaded = load(&store);
    assert_eq!(loaded.incidents, std::slice::from_ref(&a));
    loaded
        .writer
        .expect("writable")
        .save(&store, &a)
        .expect("saves");
    let snapshot = store.snapshot();
    assert_eq!(
        snapshot.get("mend.meta").map(String::as_str),
        Some("{\"schema\":5}")
    );
    assert!(snapshot[&key_of(&a)].starts_with(pack::MARK));
}

#[test]
fn the_first_save_stamps_the_schema_version() {
    let store = store_with(&[incident(1, "x")]);
    assert_eq!(
        store.snapshot().get("mend.meta").map(String::as_str),
        Some(format!("{{\"schema\":{STORE_VERSION}}}").as_str())
    );
}

#[test]
fn blocked_storage_loads_nothing_and_refuses_writes_without_panicking() {
    let store = MemoryStore::new();
    store.block();
    let loaded = load(&store);
    assert!(loaded.incidents.is_empty());
    assert_eq!(
        loaded.writer,
        Err(ReadOnly::Storage(StorageError::Unavailable))
    );
}

#[test]
fn full_storage_fails_the_save_and_keeps_the_previous_record() {
    let a = incident(1, "Short");
    let seeded = store_with(std::slice::from_ref(&a));
    let used: usize = seeded
        .snapshot()
        .iter()
        .map(|(k, v)| k.len() + v.len())
        .sum();
    let store = MemoryStore::with_capacity(used + 10);
    for (key, value) in seeded.snapshot() {
        store.put_raw(&key, &value);
    }
    let before = store.snapshot();

    let mut longer = a.clone();
    longer.title = "A much longer title that will not fit in what is left".into();
    let writer = load(&store).writer.expect("writable");
    assert_eq!(
        writer.save(&store, &longer),
        Err(SaveError::Storage(StorageError::Full))
    );
    assert_eq!(store.snapshot(), before);
    assert_eq!(
        store.get(&StorageKey::Incident(a.id)).expect("readable"),
        before.get(&key_of(&a)).cloned()
    );
}

#[test]
fn deleting_removes_only_that_incident() {
    let a = incident(1, "Keep");
    let b = incident(2, "Remove");
    let store = store_with(&[a.clone(), b.clone()]);
    load(&store)
        .writer
        .expect("writable")
        .delete(&store, b.id)
        .expect("deletes");
    assert_eq!(load(&store).incidents, [a]);
}

#[test]
fn a_save_is_refused_when_another_tab_changed_the_record_since_it_was_read() {
    let mine = incident(4, "Mine");
    let store = store_with(std::slice::from_ref(&mine));
    let loaded = load(&store);
    let writer = loaded.writer.unwrap();
    let seen = loaded.seen[0].1;

    let mut theirs = mine.clone();
    theirs.title = "Saved by another tab".into();
    writer.save(&store, &theirs).unwrap();
    let before = store.snapshot();

    let mut edited = mine.clone();
    edited.title = "Edited here".into();
    match writer.save_if_unchanged(&store, &edited, None, Some(seen)) {
        Err(SaveError::ChangedElsewhere(Some(raw))) => assert_eq!(decode(&raw).unwrap(), theirs),
        other => panic!("expected ChangedElsewhere, got {other:?}"),
    }
    assert_eq!(store.snapshot(), before, "nothing written");

    let now_seen = mend::persist::sync::fingerprint(&encode(&theirs));
    let print = writer
        .save_if_unchanged(&store, &edited, None, Some(now_seen))
        .unwrap();
    assert_eq!(print, mend::persist::sync::fingerprint(&encode(&edited)));
}
