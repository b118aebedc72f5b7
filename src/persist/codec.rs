//! The stored form of a record: `{"schema": N, "incident": {...}}` as JSON text, an
//! incident's packed (`persist::pack`) where that makes it shorter.
//!
//! Encoding and storing are separate steps, so an encryption layer can sit between them.

use super::migrate::{migrate, MigrateError, SCHEMA_VERSION};
use super::pack;
use crate::json::{self, Json, Map, Reader, Value, Writer};
use crate::model::Incident;

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
    #[error(transparent)]
    Packed(#[from] pack::Damaged),
}

/// The version of the store as a whole, in the meta record: 5 since incidents may be stored
/// packed, which a Mend that writes schema 4 can't read, and so leaves the store alone.
pub const STORE_VERSION: u32 = 5;

/// Room a record's text starts from when nothing says how long it will be.
const START_ROOM: usize = 1024;

/// Turns an incident into the text that goes into storage: packed, or else JSON.
pub fn encode(incident: &Incident) -> String {
    encode_sized(incident, 0)
}

/// `encode` for a save that replaces a stored text of `replaces` bytes (0 for none): the
/// text starts with room for that and an eighth more, so that a large record isn't copied
/// again at every doubling as it grows.
pub fn encode_sized(incident: &Incident, replaces: usize) -> String {
    let room = (replaces + replaces / 8).max(START_ROOM);
    let text = json_record(SCHEMA_VERSION, "incident", incident, room);
    pack::pack(&text).unwrap_or_else(|| super::latin1::fit(text))
}

/// `{"schema":N,"<name>":…}`: a record of any kind, with its schema version first.
pub fn encode_record<T: Json>(schema: u32, name: &str, value: &T) -> String {
    super::latin1::fit(json_record(schema, name, value, START_ROOM))
}

fn json_record<T: Json>(schema: u32, name: &str, value: &T, bytes: usize) -> String {
    let mut w = Writer::with_capacity(bytes);
    w.open('{');
    w.field("schema", &schema);
    w.field(name, value);
    w.close('}');
    w.into_text()
}

/// A small record (the settings, the checklist) written by `encode_record`: of a schema
/// version no newer than `newest`, with its member `name` in the expected shape.
pub fn decode_small<T: Json>(raw: &str, newest: u32, name: &str) -> Result<T, DecodeError> {
    check_version(raw, newest)?;
    json::member(raw, name)
        .map_err(|e| DecodeError::Shape(json::explain(raw, &e, 1)))?
        .ok_or_else(|| DecodeError::Shape(format!("no {name}")))
}

/// Reads a stored record of any known schema version, migrating it to the current shape.
pub fn decode(raw: &str) -> Result<Incident, DecodeError> {
    let raw = &*pack::unpack(raw)?;
    if let Some(incident) = read_current(raw) {
        return Ok(incident);
    }
    // An envelope that reached here is one that could not be opened (see `persist::sealed`).
    if super::envelope::is_sealed(raw) {
        return Err(DecodeError::Sealed);
    }
    // Older, newer or damaged: checked stage by stage, each failure with its own reason.
    let record = checked_record(raw)?;
    decode_record(record.value, record.version)
}

/// The usual case in one pass: a record of this version with its schema first, as `encode`
/// writes it, read straight into the typed incident. `None` for anything else, which
/// `decode` then reads the careful way.
fn read_current(raw: &str) -> Option<Incident> {
    let mut r = Reader::new(raw);
    r.open(b'{', "a record").ok()?;
    let (mut first, mut current, mut incident) = (true, false, None);
    while let Some(key) = r.next_key(&mut first).ok()? {
        match &*key {
            "schema" => current = r.number(u64::MAX).ok()? == u64::from(SCHEMA_VERSION),
            "incident" if current => incident = Some(Incident::read(&mut r).ok()?),
            _ => r.skip().ok()?,
        }
    }
    r.end().ok()?;
    incident.filter(|_| current)
}

/// Reads one incident as written by schema `version` (e.g. from an export file), migrating
/// it through the same steps as a stored record.
pub fn decode_incident(incident: Value, version: u32) -> Result<Incident, DecodeError> {
    if version == SCHEMA_VERSION {
        // Nothing to migrate: straight to text and into the typed incident.
        let text = json::to_text(&incident);
        return json::from_text(&text).map_err(|e| DecodeError::Shape(json::explain(&text, &e, 0)));
    }
    let mut record = Map::new();
    record.push("schema".into(), version.into());
    record.push("incident".into(), incident);
    decode_record(Value::Object(record), version)
}

fn decode_record(record: Value, version: u32) -> Result<Incident, DecodeError> {
    let record = migrate(record, version)?;
    // Back through text, so incidents are only ever built by one (the typed) reader.
    read_incident(&json::to_text(&record))
}

/// The incident of a record just migrated to this version: its version is known, so only
/// the incident is read.
fn read_incident(text: &str) -> Result<Incident, DecodeError> {
    json::member(text, "incident")
        .map_err(|e| DecodeError::Shape(json::explain(text, &e, 1)))?
        .ok_or_else(|| DecodeError::Shape("no incident".into()))
}

/// `{"schema":N}`, the meta record, with the store's version.
pub fn encode_meta() -> String {
    format!("{{\"schema\":{STORE_VERSION}}}")
}

/// The schema version a stored record (incident or meta) names, possibly a newer one. Read
/// without a tree of the record: at start-up it is the only reason to build one.
pub fn schema_version(raw: &str) -> Result<u64, DecodeError> {
    if let Some(found) = packed_version(raw) {
        return Ok(found);
    }
    let raw = &*pack::unpack(raw)?;
    json::whole_number_member(raw, "schema")
        .map_err(|e| DecodeError::NotJson(e.to_string()))?
        .ok_or(DecodeError::NoVersion)
}

/// The version a packed record opens with (`{"schema":N,`), from its first bytes alone: a
/// save over a stored incident, or an import over 1,000, asks for it of each.
fn packed_version(raw: &str) -> Option<u64> {
    let start = pack::unpack_start(raw, 24)?;
    let rest = std::str::from_utf8(&start)
        .ok()?
        .strip_prefix("{\"schema\":")?;
    rest[..rest.find([',', '}'])?].parse().ok()
}

/// A small record's version (settings, the checklist): there, and not newer than `newest`.
pub fn check_version(raw: &str, newest: u32) -> Result<(), DecodeError> {
    match schema_version(raw)? {
        found if found > u64::from(newest) => Err(DecodeError::Newer { found }),
        0 => Err(DecodeError::NoVersion),
        _ => Ok(()),
    }
}

/// Any JSON text, as a tree.
fn tree(raw: &str) -> Result<Value, DecodeError> {
    json::from_text(raw).map_err(|e| DecodeError::NotJson(e.to_string()))
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
    let value = tree(raw)?;
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
