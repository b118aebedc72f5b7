//! The one way in and out of storage: load everything once, then write one incident at a time.

use super::codec::{self, DecodeError, SCHEMA_VERSION};
use super::{KeyValue, StorageError, StorageKey};
use crate::model::{Incident, IncidentId};

/// A stored record this version cannot use. It stays in storage exactly as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: StorageKey,
    pub raw: String,
    pub reason: DecodeError,
}

/// Why nothing may be written in this session.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadOnly {
    #[error("{0}")]
    Storage(StorageError),
    #[error("a newer version of Mend (schema {found}) has saved here, so this one will not change anything")]
    NewerStore { found: u64 },
}

/// Permission to write. Only `load` makes one, so nothing is written before the first load.
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
}

/// Everything found in storage at start-up.
#[derive(Debug)]
pub struct Loaded {
    pub incidents: Vec<Incident>,
    pub unreadable: Vec<Unreadable>,
    pub writer: Result<Writer, ReadOnly>,
}

/// Reads every Mend record. Damaged or newer records are set aside, untouched.
pub fn load(kv: &dyn KeyValue) -> Loaded {
    let mut loaded = Loaded {
        incidents: Vec::new(),
        unreadable: Vec::new(),
        writer: Ok(Writer { _private: () }),
    };
    let keys = match kv.raw_keys() {
        Ok(keys) => keys,
        Err(e) => {
            loaded.writer = Err(ReadOnly::Storage(e));
            return loaded;
        }
    };
    let mut keys: Vec<StorageKey> = keys
        .iter()
        .filter_map(|raw| StorageKey::parse(raw))
        .collect();
    keys.sort();
    for key in keys {
        let raw = match kv.get(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => continue,
            Err(e) => {
                loaded.writer = Err(ReadOnly::Storage(e));
                continue;
            }
        };
        match &key {
            StorageKey::Meta => match codec::schema_version(&raw) {
                Ok(found) if found > u64::from(SCHEMA_VERSION) => {
                    loaded.writer = Err(ReadOnly::NewerStore { found })
                }
                Ok(_) => {}
                Err(reason) => loaded.unreadable.push(Unreadable { key, raw, reason }),
            },
            StorageKey::Incident(id) => match codec::decode(&raw) {
                Ok(incident) if incident.id == *id => loaded.incidents.push(incident),
                Ok(incident) => {
                    let reason = DecodeError::Shape(format!(
                        "it is stored under {id} but names {}",
                        incident.id
                    ));
                    loaded.unreadable.push(Unreadable { key, raw, reason });
                }
                Err(reason) => loaded.unreadable.push(Unreadable { key, raw, reason }),
            },
            StorageKey::Unknown(_) => {
                let reason = DecodeError::Shape("its key does not hold a valid incident id".into());
                loaded.unreadable.push(Unreadable { key, raw, reason });
            }
        }
    }
    loaded
}

impl Writer {
    /// Writes one incident under its own key; no other incident's key is touched.
    pub fn save(&self, kv: &dyn KeyValue, incident: &Incident) -> Result<(), SaveError> {
        let key = StorageKey::Incident(incident.id);
        let text = codec::encode(incident).map_err(|e| SaveError::Encode(e.to_string()))?;
        // Only the version matters here; the rest of the stored record is not read.
        let existing = kv.get(&key)?;
        if existing.is_some_and(|raw| {
            codec::schema_version(&raw).is_ok_and(|v| v > u64::from(SCHEMA_VERSION))
        }) {
            return Err(SaveError::NewerRecord);
        }
        self.stamp_meta(kv)?;
        kv.set(&key, &text)?;
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
            Some(Ok(found)) => found < u64::from(SCHEMA_VERSION),
            // A damaged meta record is kept as evidence; incidents still save.
            Some(Err(_)) => false,
        };
        if stale {
            let meta = codec::encode_meta().map_err(|e| SaveError::Encode(e.to_string()))?;
            kv.set(&StorageKey::Meta, &meta)?;
        }
        Ok(())
    }
}
