//! Fuzzing the two readers of outside data, the import parser and the stored-record decoder:
//! arbitrary text, arbitrary JSON and damaged real exports, of an older schema (read through a
//! `Value` tree) and of this one (read in one typed pass), and damaged packed records. Neither may panic, and every
//! failure is a typed error with a message. `make test` runs a short bounded run;
//! `make fuzz` sets `MEND_FUZZ_CASES=1000000` and prints how many cases ran.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::Cell;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;

use mend::files::import::{read, read_bytes};
use mend::persist::codec::decode;

const EXPORT: &str = include_str!("fixtures/import/good/two-incidents.json");
const RECORD: &str = include_str!("fixtures/v1-incident.json");
/// A record of the current schema, every step filled: read by the one-pass typed reader.
const CURRENT_RECORD: &str = include_str!("fixtures/v4-full-incident.json");
/// The same record as a save stores it, packed (`persist::pack`).
const PACKED_RECORD: &str = include_str!("fixtures/v4-full-incident.packed");

/// An export of this version, read in one typed pass rather than through a `Value` tree.
fn current_export() -> &'static str {
    let incident = decode(CURRENT_RECORD.trim_end()).unwrap();
    let at = "2026-11-26T10:00:00.000Z".parse().unwrap();
    Box::leak(mend::files::export::export(&[incident], &[], at).into_boxed_str())
}

fn cases() -> u32 {
    std::env::var("MEND_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(500)
}

/// Runs `check` on `cases()` generated inputs and reports how many ran.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value)) {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let ran = Cell::new(0u64);
    runner
        .run(&strategy, |input| {
            check(input);
            ran.set(ran.get() + 1);
            Ok(())
        })
        .unwrap();
    println!(
        "fuzz {name}: {} cases, no panic, every error typed",
        ran.get()
    );
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        Just(Value::from("mend-backup")),
        Just(Value::from("2026-11-26T10:00:00.000Z")),
        Just(Value::from("3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b")),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![any::<String>(), "[a-z_]{1,12}".prop_map(String::from)],
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A real file with one value somewhere inside replaced, removed, or the text cut short.
fn damaged(original: &'static str) -> impl Strategy<Value = String> {
    let original: Value = serde_json::from_str(original).unwrap();
    (any::<u64>(), json(), 0..4u8, any::<usize>()).prop_map(move |(pick, with, how, cut)| {
        let mut value = original.clone();
        let mut leaves = Vec::new();
        collect(&value, &mut Vec::new(), &mut leaves);
        let path = &leaves[(pick % leaves.len() as u64) as usize];
        match how {
            0 => *value.pointer_mut(path).unwrap() = with,
            1 => remove(&mut value, path),
            2 => *value.pointer_mut(path).unwrap() = Value::from("x".repeat(cut % 70_000)),
            _ => {
                let text = value.to_string();
                let at = cut % (text.len() + 1);
                return text.get(..at).unwrap_or(&text).to_owned();
            }
        }
        value.to_string()
    })
}

/// Every JSON pointer in the document, containers included.
fn collect(value: &Value, path: &mut Vec<String>, out: &mut Vec<String>) {
    out.push(path.iter().map(|p| format!("/{p}")).collect());
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            path.push(k.replace('~', "~0").replace('/', "~1"));
            collect(v, path, out);
            path.pop();
        }),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| {
            path.push(i.to_string());
            collect(v, path, out);
            path.pop();
        }),
        _ => {}
    }
}

fn remove(value: &mut Value, path: &str) {
    let Some((parent, key)) = path.rsplit_once('/') else {
        return;
    };
    match value.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.remove(key);
        }
        Some(Value::Array(items)) => {
            if let Ok(i) = key.parse::<usize>() {
                if i < items.len() {
                    items.remove(i);
                }
            }
        }
        _ => {}
    }
}

fn import_is_total(text: String) {
    if let Err(e) = read(&text) {
        assert!(!e.to_string().is_empty());
    }
}

fn decode_is_total(text: String) {
    if let Err(e) = decode(&text) {
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn the_import_parser_never_panics_on_arbitrary_text() {
    fuzz("import, arbitrary text", any::<String>(), import_is_total);
    fuzz(
        "import, arbitrary bytes",
        prop::collection::vec(any::<u8>(), 0..512),
        |bytes| {
            // As the browser hands a file over, and as text after the browser's own decoding.
            if let Err(e) = read_bytes(&bytes) {
                assert!(!e.to_string().is_empty());
            }
            import_is_total(String::from_utf8_lossy(&bytes).into_owned())
        },
    );
}

#[test]
fn the_import_parser_never_panics_on_arbitrary_json() {
    fuzz("import, arbitrary JSON", json(), |v| {
        import_is_total(v.to_string())
    });
    for schema in [2, mend::persist::SCHEMA_VERSION] {
        let envelope = json().prop_map(move |incidents| {
            serde_json::json!({"format": "mend-backup", "schema": schema, "incidents": [incidents]})
                .to_string()
        });
        let name = format!("import, arbitrary incidents, schema {schema}");
        fuzz(&name, envelope, import_is_total);
    }
}

#[test]
fn the_import_parser_never_panics_on_damaged_exports() {
    fuzz("import, damaged exports", damaged(EXPORT), import_is_total);
    fuzz(
        "import, damaged exports of this version",
        damaged(current_export()),
        import_is_total,
    );
}

#[test]
fn the_record_decoder_never_panics() {
    fuzz("decode, arbitrary text", any::<String>(), decode_is_total);
    fuzz("decode, arbitrary JSON", json(), |v| {
        decode_is_total(v.to_string())
    });
    fuzz("decode, damaged records", damaged(RECORD), decode_is_total);
    fuzz(
        "decode, damaged records of this version",
        damaged(CURRENT_RECORD),
        decode_is_total,
    );
    fuzz("decode, damaged packed records", damaged_packed(), |text| {
        // Its version (read from its first bytes) and its readable part, as a download has it.
        let _ = mend::persist::codec::schema_version(&text);
        assert!(mend::persist::pack::unpack_readable(&text).is_some());
        decode_is_total(text);
    });
}

/// The packed record with one of its characters changed, some cut off, or bytes put in.
fn damaged_packed() -> impl Strategy<Value = String> {
    let chars: Vec<char> = PACKED_RECORD.chars().collect();
    (
        any::<usize>(),
        any::<u8>(),
        0..3u8,
        proptest::collection::vec(any::<u8>(), 0..40),
    )
        .prop_map(move |(at, byte, how, put)| {
            let mut chars = chars.clone();
            let at = 1 + at % (chars.len() - 1);
            match how {
                0 => chars[at] = char::from(byte),
                1 => chars.truncate(at),
                _ => {
                    chars.splice(at..at, put.into_iter().map(char::from));
                }
            }
            chars.into_iter().collect()
        })
}
