//! Import files, natively: every bad fixture gets its own message, good and older files read,
//! and exports survive a round trip through import.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use mend::files::export::export;
use mend::files::import::{read, MAX_FILE_BYTES};
use mend::files::{ImportError, Plan, Policy};
use mend::model::{IncidentId, Steps, Timestamp};
use mend::persist::{self, MemoryStore};

fn fixture(path: &str) -> String {
    fs::read_to_string(Path::new("tests/fixtures/import").join(path)).unwrap()
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
        let error = read(&fixture(&format!("bad/{file}"))).unwrap_err();
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
    let first = export(&file.incidents, &[], at).unwrap();

    let plan = Plan::new(read(&first).unwrap(), &[], &[]);
    let (writes, summary) =
        plan.resolve(Policy::KeepNewer, || IncidentId::from_random_bytes([0; 16]));
    assert_eq!(summary.added, 2);
    let store = MemoryStore::new();
    let writer = persist::load(&store).writer.unwrap();
    let imported: Vec<_> = writes.iter().map(|w| w.incident().clone()).collect();
    writer.save_all(&store, &imported).unwrap();

    let reloaded = persist::load(&store).incidents;
    assert_eq!(export(&reloaded, &[], at).unwrap(), first);
}

#[test]
fn an_import_that_does_not_fit_writes_nothing() {
    let file = read(&fixture("good/two-incidents.json")).unwrap();
    // Room for the one stored incident and a little more, not for the full one from the file.
    let store = MemoryStore::with_capacity(1_500);
    let writer = persist::load(&store).writer.unwrap();
    writer.save(&store, &file.incidents[1]).unwrap();
    let before = store.snapshot();

    let mut changed = file.incidents[1].clone();
    changed.title = "Changed".into();
    let result = writer.save_all(&store, &[changed, file.incidents[0].clone()]);
    assert!(result.is_err());
    assert_eq!(store.snapshot(), before, "every key is as it was");
}
