//! The passphrase lock's stored side, pure: the lock record (`mend.lock`, the one plain
//! record besides other apps' keys) and the all-or-nothing passes that seal or open every
//! record when the lock is turned on or off.
//!
//! Key derivation and the cipher are WebCrypto's, at the edge; this holds their parameters
//! and outputs, and decides what is written in which order.

use super::envelope::{base64, bytes, is_sealed, number, object, text};
use super::{KeyValue, StorageError, StorageKey};
use crate::model::value::FieldValue;
use crate::model::Theme;

/// The lock record format this build writes, and the newest it reads.
pub const LOCK_VERSION: u32 = 1;
/// OWASP's 2023 figure for PBKDF2-HMAC-SHA-256.
pub const ITERATIONS: u32 = 600_000;
pub const SALT_LEN: usize = 16;

/// What unlocking needs: the salt and work factor for the passphrase, and the data key
/// wrapped (AES-KW) by the key derived from it. Plus the colour scheme, the one setting the
/// lock screen must show before anything can be decrypted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockRecord {
    pub salt: [u8; SALT_LEN],
    pub iterations: u32,
    pub wrapped: Vec<u8>,
    pub theme: Theme,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LockError {
    #[error("the lock record is damaged")]
    Damaged,
    #[error("the lock was set by a newer version of Mend (format {0})")]
    Newer(u64),
}

impl LockRecord {
    pub fn encode(&self) -> String {
        format!(
            r#"{{"v":{LOCK_VERSION},"salt":"{}","iterations":{},"wrapped":"{}","theme":"{}"}}"#,
            base64::encode(&self.salt),
            self.iterations,
            base64::encode(&self.wrapped),
            self.theme.key()
        )
    }

    pub fn parse(raw: &str) -> Result<Self, LockError> {
        let fields = object(raw).ok_or(LockError::Damaged)?;
        match number(&fields, "v") {
            Some(v) if v > u64::from(LOCK_VERSION) => return Err(LockError::Newer(v)),
            Some(_) => {}
            None => return Err(LockError::Damaged),
        }
        let salt = bytes(&fields, "salt")
            .and_then(|salt| <[u8; SALT_LEN]>::try_from(salt).ok())
            .ok_or(LockError::Damaged)?;
        let wrapped = bytes(&fields, "wrapped").ok_or(LockError::Damaged)?;
        let iterations = number(&fields, "iterations")
            .and_then(|n| u32::try_from(n).ok())
            // A record asking for less work than this build's minimum is not one Mend wrote.
            .filter(|n| *n >= ITERATIONS)
            .ok_or(LockError::Damaged)?;
        if wrapped.is_empty() {
            return Err(LockError::Damaged);
        }
        let mut theme = Theme::default();
        if let Some(key) = text(&fields, "theme") {
            theme.set_text(key);
        }
        Ok(Self {
            salt,
            iterations,
            wrapped,
            theme,
        })
    }
}

/// The lock record as stored, if there is one: its presence is what turns the lock on.
pub fn stored_lock(kv: &dyn KeyValue) -> Result<Option<String>, StorageError> {
    kv.get(&StorageKey::Lock)
}

/// The key of every record the lock covers: each Mend key but the lock record itself and the
/// list's index, which is never kept while the lock is on (turning it on removes it). A
/// pass over them reads each in its turn, so that reading 1,000 records is not one task.
pub fn keys(kv: &dyn KeyValue) -> Result<Vec<StorageKey>, StorageError> {
    Ok(kv
        .raw_keys()?
        .iter()
        .filter_map(|raw| StorageKey::owned(raw))
        .filter(|key| !matches!(key, StorageKey::Lock | StorageKey::Index))
        .collect())
}

/// One record the lock covers, if it is there and `sealed` (encrypted, to open) or not
/// (plain, to seal).
pub fn record(
    kv: &dyn KeyValue,
    key: &StorageKey,
    sealed: bool,
) -> Result<Option<String>, StorageError> {
    Ok(kv.get(key)?.filter(|value| is_sealed(value) == sealed))
}

/// Every record the lock covers, as stored, that is `sealed` or not: all read at once.
pub fn records(kv: &dyn KeyValue, sealed: bool) -> Result<Vec<(StorageKey, String)>, StorageError> {
    let mut found = Vec::new();
    for key in keys(kv)? {
        if let Some(value) = record(kv, &key, sealed)? {
            found.push((key, value));
        }
    }
    Ok(found)
}

/// What a pass does to the lock record itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockChange<'a> {
    /// Written first: a pass cut short (a crash) leaves the lock on, and unlocking then
    /// seals whatever is still plain.
    Set(&'a str),
    /// Removed last, once every record is plain again.
    Remove,
    Keep,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PassError {
    #[error("{0}")]
    Storage(#[from] StorageError),
    #[error("another tab changed a record meanwhile")]
    Changed,
}

/// One record's replacement: the text it must still hold, and the text to write.
pub struct Replace {
    pub key: StorageKey,
    pub before: String,
    pub after: String,
}

/// Replaces every record at once, or none: when a write fails (storage full: an envelope is
/// about a third larger than its record) every key goes back as it was, newest first, so the
/// room freed by one is there for the next. A record changed since it was read stops the
/// pass before anything is written.
pub fn replace_all(
    kv: &dyn KeyValue,
    lock: LockChange<'_>,
    records: &[Replace],
) -> Result<(), PassError> {
    for record in records {
        if kv.get(&record.key)?.as_deref() != Some(record.before.as_str()) {
            return Err(PassError::Changed);
        }
    }
    let lock_before = kv.get(&StorageKey::Lock)?;
    let mut written: Vec<(&StorageKey, Option<&str>)> = Vec::new();
    let mut write_all = || -> Result<(), StorageError> {
        if let LockChange::Set(text) = lock {
            kv.set(&StorageKey::Lock, text)?;
            written.push((&StorageKey::Lock, lock_before.as_deref()));
        }
        for record in records {
            kv.set(&record.key, &record.after)?;
            written.push((&record.key, Some(&record.before)));
        }
        if lock == LockChange::Remove {
            kv.remove(&StorageKey::Lock)?;
        }
        Ok(())
    };
    if let Err(e) = write_all() {
        for (key, before) in written.into_iter().rev() {
            let _ = match before {
                Some(text) => kv.set(key, text),
                None => kv.remove(key),
            };
        }
        return Err(e.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::MemoryStore;

    fn record() -> LockRecord {
        LockRecord {
            salt: [3; SALT_LEN],
            iterations: ITERATIONS,
            wrapped: vec![9; 40],
            theme: Theme::Dark,
        }
    }

    #[test]
    fn the_lock_record_round_trips_and_refuses_weak_or_newer_ones() {
        let text = record().encode();
        assert!(
            text.starts_with(r#"{"v":1,"salt":"AwMDAwMDAwMDAwMDAwMDAw==","iterations":600000,"#)
        );
        assert_eq!(LockRecord::parse(&text), Ok(record()));
        let weak = text.replace("600000", "1000");
        assert_eq!(LockRecord::parse(&weak), Err(LockError::Damaged));
        let newer = text.replace(r#""v":1"#, r#""v":2"#);
        assert_eq!(LockRecord::parse(&newer), Err(LockError::Newer(2)));
        assert_eq!(LockRecord::parse("{"), Err(LockError::Damaged));
    }

    fn store() -> MemoryStore {
        let kv = MemoryStore::new();
        kv.put_raw("mend.meta", r#"{"schema":4}"#);
        kv.put_raw("mend.settings", r#"{"schema":1,"settings":{}}"#);
        kv.put_raw("theme", "other app");
        kv
    }

    fn sealing(kv: &MemoryStore) -> Vec<Replace> {
        records(kv, false)
            .unwrap()
            .into_iter()
            .map(|(key, before)| Replace {
                key,
                // Larger than the record, as real envelopes are.
                after: format!(r#"{{"v":1,"iv":"x","ct":"{}"}}"#, "A".repeat(before.len())),
                before,
            })
            .collect()
    }

    #[test]
    fn sealing_writes_the_lock_first_and_every_record_and_leaves_other_apps_alone() {
        let kv = store();
        let pass = sealing(&kv);
        assert_eq!(pass.len(), 2);
        replace_all(&kv, LockChange::Set("lock"), &pass).unwrap();
        let after = kv.snapshot();
        assert_eq!(after["mend.lock"], "lock");
        assert_eq!(after["theme"], "other app");
        assert!(is_sealed(&after["mend.meta"]) && is_sealed(&after["mend.settings"]));
        assert_eq!(records(&kv, false).unwrap(), vec![]);
        assert_eq!(records(&kv, true).unwrap().len(), 2);
    }

    /// Turning the lock on removes the index once it is on; a pass never holds it, so that
    /// the index written meanwhile can't stop the pass.
    #[test]
    fn the_lists_index_is_left_out_of_every_pass() {
        let kv = store();
        kv.put_raw(
            "mend.index",
            r#"{"schema":2,"index":{"discreet":false,"rows":[]}}"#,
        );
        assert_eq!(sealing(&kv).len(), 2);
        assert!(!keys(&kv).unwrap().contains(&StorageKey::Index));
    }

    #[test]
    fn a_full_store_changes_nothing_at_all() {
        let kv = store();
        let before = kv.snapshot();
        let used: usize = before
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum();
        let full = MemoryStore::with_capacity(used + 40);
        for (k, v) in &before {
            full.put_raw(k, v);
        }
        let pass = sealing(&full);
        assert_eq!(
            replace_all(&full, LockChange::Set("lock"), &pass),
            Err(PassError::Storage(StorageError::Full))
        );
        assert_eq!(full.snapshot(), before);
    }

    #[test]
    fn a_record_changed_since_it_was_read_stops_the_pass_before_any_write() {
        let kv = store();
        let pass = sealing(&kv);
        kv.put_raw(
            "mend.settings",
            r#"{"schema":1,"settings":{"discreet":true}}"#,
        );
        let before = kv.snapshot();
        assert_eq!(
            replace_all(&kv, LockChange::Set("lock"), &pass),
            Err(PassError::Changed)
        );
        assert_eq!(kv.snapshot(), before);
    }

    #[test]
    fn opening_removes_the_lock_last() {
        let kv = store();
        replace_all(&kv, LockChange::Set("lock"), &sealing(&kv)).unwrap();
        let opening: Vec<Replace> = records(&kv, true)
            .unwrap()
            .into_iter()
            .map(|(key, before)| Replace {
                after: format!(r#"{{"schema":1,"was":{}}}"#, before.len()),
                key,
                before,
            })
            .collect();
        replace_all(&kv, LockChange::Remove, &opening).unwrap();
        assert!(!kv.snapshot().contains_key("mend.lock"));
        assert_eq!(records(&kv, true).unwrap(), vec![]);
    }
}
