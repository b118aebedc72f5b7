//! The stored form of a record: `{"schema": N, "incident": {...}}` as JSON text.
//!
//! Encoding and storing are separate steps, so an encryption layer can sit between them.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::migrate::{migrate, MigrateError, SCHEMA_VERSION};
use crate::model::Incident;

#[derive(Serialize)]
struct RecordOut<'a> {
    schema: u32,
    incident: &'a Incident,
}

#[derive(Serialize)]
struct MetaOut {
    schema: u32,
}

/// Why a stored record could not be read. The record itself is left as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("it is not readable JSON ({0})")]
    NotJson(String),
    #[error("it has no schema version")]
    NoVersion,
    #[error("it was saved by a newer version of Mend (schema {found}; this one reads up to {SCHEMA_VERSION})")]
    Newer { found: u64 },
    #[error(transparent)]
    Migration(#[from] MigrateError),
    #[error("its contents are not in the expected shape ({0})")]
    Shape(String),
    #[error("it is encrypted, and could not be opened with this passphrase: it may be damaged")]
    Sealed,
}

/// Turns an incident into the text that goes into storage.
pub fn encode(incident: &Incident) -> Result<String, serde_json::Error> {
    serde_json::to_string(&RecordOut {
        schema: SCHEMA_VERSION,
        incident,
    })
}

/// Reads a stored record of any known schema version, migrating it to the current shape.
pub fn decode(raw: &str) -> Result<Incident, DecodeError> {
    // A record of this version, the usual case, is read straight into the typed incident:
    // about twice as fast as through a `Value`, which matters with 1,000 of them at start-up.
    if raw.trim_start().starts_with('{') {
        if let Ok(Version { schema: Some(v) }) = serde_json::from_str::<Version>(raw) {
            if v == u64::from(SCHEMA_VERSION) {
                return read_incident(raw);
            }
        }
    }
    // An envelope that reached here is one that could not be opened (see `persist::sealed`).
    if super::envelope::is_sealed(raw) {
        return Err(DecodeError::Sealed);
    }
    // Older, newer or damaged: checked stage by stage, each failure with its own reason.
    let record = checked_record(raw)?;
    decode_record(record.value, record.version)
}

/// Reads one incident as written by schema `version` (e.g. from an export file), migrating
/// it through the same steps as a stored record.
pub fn decode_incident(incident: Value, version: u32) -> Result<Incident, DecodeError> {
    if version == SCHEMA_VERSION {
        // Nothing to migrate: straight to text and into the typed incident.
        let text =
            serde_json::to_string(&incident).map_err(|e| DecodeError::Shape(e.to_string()))?;
        return serde_json::from_str(&text).map_err(|e| DecodeError::Shape(e.to_string()));
    }
    let record = serde_json::json!({ "schema": version, "incident": incident });
    decode_record(record, version)
}

fn decode_record(record: Value, version: u32) -> Result<Incident, DecodeError> {
    let record = migrate(record, version)?;
    // Back through text, so incidents are only ever built by one (the typed) deserializer.
    let text = serde_json::to_string(&record).map_err(|e| DecodeError::Shape(e.to_string()))?;
    read_incident(&text)
}

/// Only the version; the rest of the record is skipped without being built.
#[derive(Deserialize)]
struct Version {
    schema: Option<u64>,
}

#[derive(Deserialize)]
struct RecordIn {
    incident: Option<Incident>,
}

fn read_incident(text: &str) -> Result<Incident, DecodeError> {
    serde_json::from_str::<RecordIn>(text)
        .map_err(|e| DecodeError::Shape(e.to_string()))?
        .incident
        .ok_or_else(|| DecodeError::Shape("no incident".into()))
}

pub fn encode_meta() -> Result<String, serde_json::Error> {
    serde_json::to_string(&MetaOut {
        schema: SCHEMA_VERSION,
    })
}

/// The schema version a stored record (incident or meta) names, possibly a newer one.
pub fn schema_version(raw: &str) -> Result<u64, DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    version_of(&value)
}

/// A small record's version (settings, the checklist): there, and not newer than `newest`.
pub fn check_version(raw: &str, newest: u32) -> Result<(), DecodeError> {
    match schema_version(raw)? {
        found if found > u64::from(newest) => Err(DecodeError::Newer { found }),
        0 => Err(DecodeError::NoVersion),
        _ => Ok(()),
    }
}

fn version_of(value: &Value) -> Result<u64, DecodeError> {
    value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(DecodeError::NoVersion)
}

struct Checked {
    value: Value,
    version: u32,
}

/// Stage one of reading: valid JSON, an object, with a schema version this build knows.
fn checked_record(raw: &str) -> Result<Checked, DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    if !value.is_object() {
        return Err(DecodeError::Shape("not an object".into()));
    }
    let found = version_of(&value)?;
    match u32::try_from(found) {
        Ok(version) if (1..=SCHEMA_VERSION).contains(&version) => Ok(Checked { value, version }),
        _ if found > u64::from(SCHEMA_VERSION) => Err(DecodeError::Newer { found }),
        _ => Err(DecodeError::NoVersion),
    }
}
