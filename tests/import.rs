//! Import files, natively: every bad fixture gets its own message, good and older files read,
//! and exports survive a round trip through import.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use mend::files::export::export;
use mend::files::import::{describe, read, read_bytes, CHECKLIST_LEFT_OUT, MAX_FILE_BYTES};
use mend::files::{ImportError, Plan, Policy};
use mend::model::limits::MAX_LENGTH;
use mend::model::settings::STORAGE_QUOTA_UNITS;
use mend::model::Incident;
use mend::model::{IncidentId, Steps, Timestamp};
use mend::persist::{self, MemoryStore};

use common::SaveOver;

fn fixture(path: &str) -> String {
    fs::read_to_string(Path::new("tests/fixtures/import").join(path)).unwrap()
}

fn fixture_bytes(path: &str) -> Vec<u8> {
    fs::read(Path::new("tests/fixtures/import").join(path)).unwrap()
}

#[test]
fn every_bad_fixture_gets_its_expected_message() {
    let expected: BTreeMap<String, String> =
        serde_json::from_str(&fixture("bad/expected.json")).unwrap();
    let on_disk: Vec<String> = fs::read_dir("tests/fixtures/import/bad")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "expected.json")
        .collect();
    assert_eq!(
        on_disk.len(),
        expected.len(),
        "every bad fixture has an expectation"
    );
    for (file, message) in expected {
        // As the browser hands it over: bytes, not text.
        let error = read_bytes(&fixture_bytes(&format!("bad/{file}"))).unwrap_err();
        assert!(
            error.to_string().starts_with(&message),
            "{file}: got {error:?}"
        );
    }
}

#[test]
fn an_oversized_file_is_refused_by_size() {
    let text = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_FILE_BYTES as usize));
    assert!(matches!(read(&text), Err(ImportError::TooLarge(_))));
    assert!(matches!(
        read_bytes(text.as_bytes()),
        Err(ImportError::TooLarge(_))
    ));
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_a_message_never_read_as_replacement_characters() {
    let latin1 = fixture_bytes("bad/latin-1.json");
    assert!(latin1.contains(&0xe9), "Caf\\xe9, as Latin-1 saves it");
    let error = read_bytes(&latin1).unwrap_err();
    assert_eq!(error, ImportError::NotUtf8);
    assert_eq!(
        error.to_string(),
        "This file isn't saved as UTF-8 text, as Mend's exports are, so some of its characters can't be read. If you changed it in another program, save it from there as UTF-8 and try again."
    );
    // The same file as UTF-8 imports, with its é.
    let utf8: String = latin1.iter().map(|&b| char::from(b)).collect();
    let file = read_bytes(utf8.as_bytes()).unwrap();
    assert_eq!(
        file.incidents[0].title,
        "Caf\u{e9} order sent to the wrong table"
    );
}

#[test]
fn a_text_longer_than_the_old_50000_limit_imports() {
    let file = read_bytes(&fixture_bytes("good/long-title.json")).unwrap();
    assert_eq!(file.incidents[0].title.chars().count(), 60_000);
}

#[test]
fn a_text_longer_than_any_store_holds_is_refused_in_a_full_sentence() {
    let text = format!(
        "{{\"format\":\"mend-backup\",\"schema\":2,\"incidents\":[{{\"id\":\"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b\",\"title\":\"{}\",\"created_at\":\"2026-11-20T09:15:00.000Z\",\"updated_at\":\"2026-11-20T09:15:00.000Z\"}}]}}",
        "x".repeat(MAX_LENGTH + 1)
    );
    let message = read(&text).unwrap_err().to_string();
    assert!(
        message.ends_with(
            "has a piece of text longer than 5,242,880 characters, more than a browser's storage holds."
        ),
        "{message}"
    );
}

/// A file of this version is read in one pass, an older one stage by stage: both ways refuse
/// and name the same incidents, for the same reasons, and keep the rest.
#[test]
fn both_ways_of_reading_reject_the_same_incidents_for_the_same_reasons() {
    let good = r#"{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","title":"Fine","created_at":"2026-11-20T09:15:00.000Z","updated_at":"2026-11-20T09:15:00.000Z"}"#;
    let long = good
        .replace("Fine", &"x".repeat(MAX_LENGTH + 1))
        .replace("3f2b", "4f2b");
    let untimed = good
        .replacen("2026-11-20T09:15:00.000Z", "last Tuesday", 1)
        .replace("3f2b", "5f2b");
    for schema in [2, persist::SCHEMA_VERSION] {
        let text = format!(
            r#"{{"format":"mend-backup","schema":{schema},"incidents":[{good},{long},5,{untimed}]}}"#
        );
        let file = read(&text).unwrap();
        assert_eq!(file.incidents.len(), 1, "schema {schema}");
        assert_eq!(file.incidents[0].title, "Fine");
        let rejected: Vec<(usize, &str)> = file
            .rejected
            .iter()
            .map(|r| (r.position, r.title.as_str()))
            .collect();
        let x60 = format!("{}\u{2026}", "x".repeat(60));
        assert_eq!(
            rejected,
            [(2, x60.as_str()), (3, ""), (4, "Fine")],
            "schema {schema}"
        );
        assert!(file.rejected[0]
            .reason
            .starts_with("has a piece of text longer than 5,242,880"));
        assert_eq!(file.rejected[1].reason, "is not an incident record");
        assert_eq!(
            file.rejected[2].reason, "can't be read (expected a moment in time for created_at)",
            "schema {schema}"
        );
    }
}

/// A field of the wrong kind is named by its place in the incident, as a person fixing the
/// file by hand would look for it, and not by a byte of the incident's own text.
#[test]
fn an_unreadable_incident_names_the_field_at_fault() {
    let good = r#""id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","title":"Fine","created_at":"2026-11-20T09:15:00.000Z","updated_at":"2026-11-20T09:15:00.000Z""#;
    let bad = good.replace("Fine", "Bad").replace("3f2b", "4f2b");
    let text = format!(
        r#"{{"format":"mend-backup","schema":{},"incidents":[{{{good}}},{{{bad},"steps":{{"assess":{{"key_points":[{{"id":1,"text":"ok"}},{{"id":2,"text":7}}]}}}}}}]}}"#,
        persist::SCHEMA_VERSION
    );
    // As written, and as a person's editor might save it again: indented, over many lines.
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&text).unwrap())
            .unwrap();
    for text in [text, pretty] {
        let file = read(&text).unwrap();
        assert_eq!(file.incidents.len(), 1);
        assert_eq!(
            describe(&file.rejected[0]),
            "incident 2 (\u{201c}Bad\u{201d}) can't be read (expected a string for steps.assess.key_points[1].text)"
        );
    }
}

#[test]
fn a_list_of_incidents_given_twice_counts_once_its_last_time() {
    let one = |title: &str, id: &str| {
        format!(
            r#"{{"id":"{id}","title":"{title}","created_at":"2026-11-20T09:15:00.000Z","updated_at":"2026-11-20T09:15:00.000Z"}}"#
        )
    };
    for schema in [2, persist::SCHEMA_VERSION] {
        let text = format!(
            r#"{{"format":"mend-backup","schema":{schema},"incidents":[{}],"incidents":[{}]}}"#,
            one("First", "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b"),
            one("Second", "4f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b"),
        );
        let titles: Vec<String> = read(&text)
            .unwrap()
            .incidents
            .into_iter()
            .map(|i| i.title)
            .collect();
        assert_eq!(titles, ["Second"], "schema {schema}");
    }
}

fn units(store: &MemoryStore) -> usize {
    store
        .snapshot()
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum()
}

/// Exports everything stored, as "Export all" does.
fn export_all(store: &MemoryStore) -> String {
    let loaded = persist::load(store);
    let at: Timestamp = "2026-11-26T10:00:00Z".parse().unwrap();
    export(&loaded.incidents, &loaded.unreadable, at)
}

fn incident_with(seed: u8, what_happened: String) -> Incident {
    let mut incident = Incident::new(
        IncidentId::from_random_bytes([seed; 16]),
        "2026-11-20T09:15:00Z".parse().unwrap(),
    );
    incident.title = format!("\u{8aa4}\u{9001}\u{4fe1} {seed}");
    incident.steps.assess.what_happened = what_happened;
    incident
}

#[test]
fn a_backup_of_japanese_notes_over_the_old_5_mb_limit_imports_back_byte_for_byte() {
    // The issue's case: 20 incidents with two 44,800-character Japanese fields each, a third
    // of a full store, 3 bytes of file for each unit stored.
    let store = MemoryStore::with_capacity(STORAGE_QUOTA_UNITS);
    let writer = persist::load(&store).writer.unwrap();
    let incidents: Vec<Incident> = (1..=20)
        .map(|seed| {
            let mut incident = incident_with(seed, "\u{65e5}\u{672c}".repeat(22_400));
            incident.steps.follow_up.cause = "\u{539f}\u{56e0}".repeat(22_400);
            incident
        })
        .collect();
    writer.save_all(&store, &incidents).unwrap();
    let first = export_all(&store);
    assert!(first.len() > 5_300_000, "{}", first.len());

    let file = read_bytes(first.as_bytes()).unwrap();
    let (writes, summary) = Plan::new(file, &[], &[]).resolve(Policy::KeepNewer, || unreachable!());
    assert!(summary.rejected.is_empty());
    let empty = MemoryStore::with_capacity(STORAGE_QUOTA_UNITS);
    let writer = persist::load(&empty).writer.unwrap();
    let imported: Vec<_> = writes.iter().map(|w| w.incident().clone()).collect();
    writer.save_all(&empty, &imported).unwrap();
    assert_eq!(export_all(&empty), first);
}

#[test]
fn the_largest_backup_a_full_store_can_produce_imports() {
    // The worst case: a record Mend can't read, full of control characters, each written
    // to the file as 6 bytes (`\u0001`), next to an incident in Japanese.
    let store = MemoryStore::with_capacity(STORAGE_QUOTA_UNITS);
    let writer = persist::load(&store).writer.unwrap();
    let incident = incident_with(1, "\u{65e5}".repeat(10_000));
    writer.save(&store, &incident).unwrap();
    let key = "mend.incident.not-an-id";
    let room = STORAGE_QUOTA_UNITS - units(&store) - key.len();
    store.put_raw(key, &"\u{1}".repeat(room));
    assert_eq!(units(&store), STORAGE_QUOTA_UNITS, "full to the last unit");
    let backup = export_all(&store);
    let size = backup.len() as u64;
    assert!(size > 6 * 5_200_000, "near the worst case: {size}");
    assert!(size <= MAX_FILE_BYTES, "{size} bytes");
    let file = read_bytes(backup.as_bytes()).unwrap();
    assert_eq!(file.incidents.len(), 1);
    assert_eq!(file.incidents[0], persist::load(&store).incidents[0]);
}

#[test]
fn a_current_file_reads_with_unknown_fields_tolerated() {
    let file = read(&fixture("good/two-incidents.json")).unwrap();
    assert_eq!(file.incidents.len(), 2);
    assert!(file.rejected.is_empty());
    let full = &file.incidents[0];
    assert_eq!(full.title, "Sent the invoice to the wrong client");
    assert_eq!(full.steps.assess.helpers[0].name, "Dana");
    assert_eq!(full.steps.solutions.chosen, Some(1));
    // Missing optional fields take their defaults.
    assert_eq!(file.incidents[1].steps, Steps::default());
    assert_eq!(file.incidents[1].noticed_at, None);
}

#[test]
fn a_schema_1_file_is_migrated() {
    let file = read(&fixture("good/v1-export.json")).unwrap();
    assert_eq!(file.incidents[0].title, "From the first version");
    assert!(!file.incidents[0].archived);
}

#[test]
fn markup_is_kept_as_plain_text() {
    let file = read(&fixture("good/hostile-text.json")).unwrap();
    assert_eq!(
        file.incidents[0].title,
        "<img src=x onerror=\"window.__pwned=1\">"
    );
    assert!(file.incidents[0]
        .steps
        .assess
        .what_happened
        .starts_with("<script>"));
}

#[test]
fn one_bad_incident_is_skipped_and_named_while_the_rest_import() {
    let mut value: serde_json::Value =
        serde_json::from_str(&fixture("good/two-incidents.json")).unwrap();
    value["incidents"][1]["created_at"] = "last Tuesday".into();
    let file = read(&value.to_string()).unwrap();
    assert_eq!(file.incidents.len(), 1);
    assert_eq!(file.rejected[0].position, 2);
    assert_eq!(file.rejected[0].title, "Missed the deadline");
}

#[test]
fn export_then_import_into_an_empty_browser_then_export_again_is_identical() {
    let file = read(&fixture("good/two-incidents.json")).unwrap();
    let at: Timestamp = "2026-11-26T10:00:00Z".parse().unwrap();
    let first = export(&file.incidents, &[], at);

    let plan = Plan::new(read(&first).unwrap(), &[], &[]);
    let (writes, summary) =
        plan.resolve(Policy::KeepNewer, || IncidentId::from_random_bytes([0; 16]));
    assert_eq!(summary.added, 2);
    let store = MemoryStore::new();
    let writer = persist::load(&store).writer.unwrap();
    let imported: Vec<_> = writes.iter().map(|w| w.incident().clone()).collect();
    writer.save_all(&store, &imported).unwrap();

    let reloaded = persist::load(&store).incidents;
    assert_eq!(export(&reloaded, &[], at), first);
}

#[test]
fn an_import_that_does_not_fit_writes_nothing() {
    let file = read(&fixture("good/two-incidents.json")).unwrap();
    // Room for the one stored incident and a little more, not for the full one from the file.
    let small = persist::codec::encode(&file.incidents[1]).chars().count();
    let full = persist::codec::encode(&file.incidents[0]).chars().count();
    assert!(full > 400, "{full}");
    let store = MemoryStore::with_capacity(small + 200);
    let writer = persist::load(&store).writer.unwrap();
    writer.save(&store, &file.incidents[1]).unwrap();
    let before = store.snapshot();

    let mut changed = file.incidents[1].clone();
    changed.title = "Changed".into();
    let result = writer.save_all(&store, &[changed, file.incidents[0].clone()]);
    assert!(result.is_err());
    assert_eq!(store.snapshot(), before, "every key is as it was");
}

/// A backup of one incident with `checklist` as its checklist's JSON.
fn file_with_checklist(checklist: &str) -> String {
    let one = incident_with(1, "Notes".into());
    let at: Timestamp = "2026-11-26T10:00:00Z".parse().unwrap();
    let text = export(&[one], &[], at);
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["checklist"] = serde_json::from_str(checklist).unwrap();
    value.to_string()
}

#[test]
fn a_checklist_that_cannot_be_read_is_left_out_and_said_while_the_incidents_come() {
    for bad in [
        r#""a list""#,
        r#"{"items": "nope"}"#,
        r#"{"items": [{"id": "one", "text": 3}]}"#,
    ] {
        let file = read(&file_with_checklist(bad)).unwrap();
        assert_eq!(file.incidents.len(), 1, "{bad}");
        assert_eq!(file.checklist, None, "{bad}");
        assert!(
            file.checklist_unreadable,
            "{bad}: said, not dropped silently"
        );
    }
    assert!(CHECKLIST_LEFT_OUT.contains("pre-flight checklist"));
    assert!(CHECKLIST_LEFT_OUT.contains("left out"));
}

#[test]
fn a_good_checklist_or_none_at_all_says_nothing() {
    let good = read(&file_with_checklist(
        r#"{"items": [{"id": 1, "text": "Check the backup", "key": "check the backup", "retired": false}]}"#,
    ))
    .unwrap();
    assert_eq!(good.checklist.map(|c| c.items.len()), Some(1));
    assert!(!good.checklist_unreadable);
    let null = read(&file_with_checklist("null")).unwrap();
    assert_eq!(null.checklist, None);
    assert!(!null.checklist_unreadable);
    let plain = read(&fixture("good/two-incidents.json")).unwrap();
    assert!(!plain.checklist_unreadable);
}
