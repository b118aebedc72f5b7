//! The one way in and out of storage: load everything once, then write one incident at a time.

use super::checklist::{self as checklist_codec, CHECKLIST_SCHEMA};
use super::codec::{self, DecodeError};
use super::migrate::SCHEMA_VERSION;
use super::settings::{self as settings_codec, SETTINGS_SCHEMA};
use super::sync;
use super::{KeyValue, StorageError, StorageKey};
use crate::model::preflight::Checklist;
use crate::model::{Incident, IncidentId, Settings};

mod all_at_once;
mod loading;

pub use loading::Loading;

/// A stored record this version cannot use. It stays in storage exactly as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: StorageKey,
    pub raw: String,
    pub reason: DecodeError,
}

impl Unreadable {
    /// The file a person downloads of it: the stored text exactly, and for a packed record
    /// first what can still be unpacked of it, since packed bytes mean nothing to a person.
    pub fn download_text(&self) -> String {
        match super::pack::unpack_readable(&self.raw) {
            None => self.raw.clone(),
            Some(text) => format!(
                "{text}\n\n----- The record as stored, packed -----\n{}",
                self.raw
            ),
        }
    }
}

/// Why nothing may be written in this session.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadOnly {
    #[error("{0}")]
    Storage(StorageError),
    #[error("a newer version of Mend (schema {found}) has saved here, so this one will not change anything")]
    NewerStore { found: u64 },
}

/// Permission to write. Only a read of storage (`load`, or `Loading` in steps) makes one, so
/// nothing is written before the first read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Writer {
    _private: (),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("{0}")]
    Storage(#[from] StorageError),
    #[error("it could not be encoded: {0}")]
    Encode(String),
    #[error("a newer version of Mend has saved this incident, so this one will not overwrite it")]
    NewerRecord,
    #[error("a newer version of Mend has saved the settings, so this one will not overwrite them")]
    NewerSettings,
    #[error("a newer version of Mend has saved the checklist, so this one will not overwrite it")]
    NewerChecklist,
    /// Another tab saved (or deleted) the incident since this tab last read it. Nothing was
    /// written; the record as it is now comes back, `None` if it was deleted.
    #[error("another tab changed it at the same time")]
    ChangedElsewhere(Option<String>),
}

/// Everything found in storage at start-up.
#[derive(Debug)]
pub struct Loaded {
    pub incidents: Vec<Incident>,
    pub unreadable: Vec<Unreadable>,
    /// The stored settings, or the defaults when there are none or they can't be read.
    pub settings: Settings,
    /// The pre-flight checklist; empty when there is none or it can't be read.
    pub checklist: Checklist,
    pub writer: Result<Writer, ReadOnly>,
    /// The fingerprint of each incident's stored text, to notice when another tab changes it.
    pub seen: Vec<(IncidentId, u64)>,
}

/// Reads every Mend record. Damaged or newer records are set aside, untouched.
pub fn load(kv: &dyn KeyValue) -> Loaded {
    let mut loading = Loading::start(kv);
    loading.step(kv, usize::MAX);
    loading.finish()
}

/// Why a `mend.*` key this version does not use is listed rather than read: every key under
/// Mend's prefix is shown somewhere, so nothing stored can hide.
pub fn unknown_key(name: &str) -> DecodeError {
    DecodeError::Shape(if name.starts_with("mend.incident.") {
        "its key does not hold an incident id in the form Mend writes".into()
    } else {
        "this version of Mend does not use this key".into()
    })
}

/// What Undo of a delete found in storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Restored {
    /// The key was still empty, so the deleted version was written back (its fingerprint).
    Written(u64),
    /// Another tab saved the incident again since: that version is newer, so it comes back
    /// instead and nothing is written.
    Stored { incident: Box<Incident>, print: u64 },
}

impl Writer {
    /// Puts a deleted incident back, but never over a record stored under its key since the
    /// delete (another tab kept and saved it): that newer one comes back instead.
    pub fn restore(&self, kv: &dyn KeyValue, deleted: &Incident) -> Result<Restored, SaveError> {
        let Some(raw) = kv.get(&StorageKey::Incident(deleted.id))? else {
            return self
                .save_if_unchanged(kv, deleted, None, None)
                .map(Restored::Written);
        };
        refuse_newer(Some(&raw), SCHEMA_VERSION, SaveError::NewerRecord)?;
        match codec::decode(&raw) {
            Ok(incident) if incident.id == deleted.id => Ok(Restored::Stored {
                print: sync::fingerprint(&raw),
                incident: Box::new(incident),
            }),
            _ => Err(SaveError::ChangedElsewhere(Some(raw))),
        }
    }

    /// Writes one incident only if its stored text is still the one this tab last saw
    /// (`last_seen`, a fingerprint; `None` for not stored), which must be a text this version
    /// read as a record or wrote, never a newer Mend's. `text` is the incident already
    /// encoded, if it is (`None`: encoded here). Returns the new fingerprint.
    pub fn save_if_unchanged(
        &self,
        kv: &dyn KeyValue,
        incident: &Incident,
        text: Option<String>,
        last_seen: Option<u64>,
    ) -> Result<u64, SaveError> {
        let key = StorageKey::Incident(incident.id);
        let existing = kv.get(&key)?;
        let text = text.unwrap_or_else(|| {
            codec::encode_sized(incident, existing.as_ref().map_or(0, String::len))
        });
        // So only a changed text can be newer: reading the version parses all of it (12 ms
        // of a save at the import's limits).
        if existing.as_deref().map(sync::fingerprint) != last_seen {
            refuse_newer(existing.as_deref(), SCHEMA_VERSION, SaveError::NewerRecord)?;
            return Err(SaveError::ChangedElsewhere(existing));
        }
        self.stamp_meta(kv)?;
        kv.set(&key, &text)?;
        Ok(sync::fingerprint(&text))
    }

    /// Writes the settings, unless a newer Mend wrote them. A damaged settings record is
    /// replaced: it was listed with a download since load, and settings are easy to redo.
    pub fn save_settings(&self, kv: &dyn KeyValue, settings: &Settings) -> Result<(), SaveError> {
        let text = settings_codec::encode(settings);
        self.save_small(
            kv,
            &StorageKey::Settings,
            text,
            SETTINGS_SCHEMA,
            SaveError::NewerSettings,
        )
    }

    /// Writes the checklist, unless a newer Mend wrote it. A damaged one is replaced, as
    /// settings are.
    pub fn save_checklist(&self, kv: &dyn KeyValue, list: &Checklist) -> Result<(), SaveError> {
        let text = checklist_codec::encode(list);
        self.save_small(
            kv,
            &StorageKey::Checklist,
            text,
            CHECKLIST_SCHEMA,
            SaveError::NewerChecklist,
        )
    }

    /// One small record with its own schema (settings, the checklist), unless newer.
    fn save_small(
        &self,
        kv: &dyn KeyValue,
        key: &StorageKey,
        text: String,
        schema: u32,
        newer: SaveError,
    ) -> Result<(), SaveError> {
        let existing = kv.get(key)?;
        refuse_newer(existing.as_deref(), schema, newer)?;
        self.stamp_meta(kv)?;
        kv.set(key, &text)?;
        Ok(())
    }

    pub fn delete(&self, kv: &dyn KeyValue, id: IncidentId) -> Result<(), StorageError> {
        kv.remove(&StorageKey::Incident(id))
    }

    /// Records the schema version once, so an older Mend opening this store knows to hold back.
    fn stamp_meta(&self, kv: &dyn KeyValue) -> Result<(), SaveError> {
        let current = kv.get(&StorageKey::Meta)?;
        let stale = match current.as_deref().map(codec::schema_version) {
            None => true,
            Some(Ok(found)) => found < u64::from(codec::STORE_VERSION),
            // A damaged meta record is kept as evidence; incidents still save.
            Some(Err(_)) => false,
        };
        if stale {
            let meta = codec::encode_meta();
            kv.set(&StorageKey::Meta, &meta)?;
        }
        Ok(())
    }
}

/// Refuses to write over a record a newer Mend stored (`ours`: the schema this one writes).
/// One unreadable as a record at all is not refused here; the caller decides.
fn refuse_newer(existing: Option<&str>, ours: u32, refusal: SaveError) -> Result<(), SaveError> {
    match existing.map(codec::schema_version) {
        Some(Ok(found)) if found > u64::from(ours) => Err(refusal),
        _ => Ok(()),
    }
}

/// How many of `incidents` have no record in storage.
pub fn missing(kv: &dyn KeyValue, incidents: &[Incident]) -> Result<usize, StorageError> {
    let mut count = 0;
    for incident in incidents {
        if kv.get(&StorageKey::Incident(incident.id))?.is_none() {
            count += 1;
        }
    }
    Ok(count)
}

/// Removes every key Mend owns (`mend.*`), including records it could not read and keys a
/// newer version wrote; other apps' keys stay. The person asked for this with a typed
/// confirmation, so unlike a save it needs no `Writer`. Returns how many keys were removed;
/// on a failure it still tries the rest, then reports the first error.
pub fn clear_all(kv: &dyn KeyValue) -> Result<usize, StorageError> {
    let keys: Vec<StorageKey> = kv
        .raw_keys()?
        .iter()
        .filter_map(|raw| StorageKey::owned(raw))
        .collect();
    let mut first_error = None;
    let mut removed = 0;
    for key in keys {
        match kv.remove(&key) {
            Ok(()) => removed += 1,
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    first_error.map_or(Ok(removed), Err)
}
