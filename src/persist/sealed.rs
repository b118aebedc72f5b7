//! The store as the save path sees it while the lock is on: plain records go in and come
//! out, envelopes sit in storage.
//!
//! Encryption is async (WebCrypto) and the save path is not, so the two meet here. Every
//! envelope this tab has opened or written is kept with its plain text, so reading needs no
//! cipher. A write whose envelope was not made in advance fails with `Sealing` and names
//! the text it needed; the edge encrypts that and runs the same call again. Every call on
//! the save path is unchanged by a failed write, so running it again is safe.

use std::cell::RefCell;

use super::envelope::is_sealed;
use super::{KeyValue, StorageError, StorageKey};

#[derive(Debug, Default)]
pub struct Cache {
    /// Each key's envelope as this tab last read or wrote it, and its plain text. A list:
    /// a map type of its own measured 5 kB more wasm, and a save looks up one or two keys.
    known: Vec<(StorageKey, String, String)>,
    /// Plain texts already encrypted for a coming write, with their envelopes.
    ready: Vec<(String, String)>,
    /// Plain texts a write needed that were not encrypted yet.
    wanted: Vec<String>,
    /// The lock record's text, written back before any envelope if storage lost it.
    lock: String,
}

impl Cache {
    pub fn new(lock: String) -> Self {
        Self {
            lock,
            ..Self::default()
        }
    }

    /// Records what an envelope opened to (or, for a damaged one, the envelope itself).
    pub fn knows(&mut self, key: &StorageKey, envelope: String, plain: String) {
        self.forget(key);
        self.known.push((key.clone(), envelope, plain));
    }

    fn forget(&mut self, key: &StorageKey) {
        self.known.retain(|(k, _, _)| k != key);
    }

    /// An envelope made for a write that is about to be run (again).
    pub fn ready(&mut self, plain: String, envelope: String) {
        self.ready.push((plain, envelope));
    }

    /// The texts the last call needed encrypted, each once.
    pub fn take_wanted(&mut self) -> Vec<String> {
        let mut wanted = std::mem::take(&mut self.wanted);
        wanted.dedup();
        wanted
    }

    pub fn has_wanted(&self) -> bool {
        !self.wanted.is_empty()
    }

    pub fn set_lock(&mut self, lock: String) {
        self.lock = lock;
    }
}

pub struct Sealed<'a> {
    pub inner: &'a dyn KeyValue,
    pub cache: &'a RefCell<Cache>,
}

impl KeyValue for Sealed<'_> {
    fn get(&self, key: &StorageKey) -> Result<Option<String>, StorageError> {
        let Some(raw) = self.inner.get(key)? else {
            return Ok(None);
        };
        if *key == StorageKey::Lock {
            return Ok(Some(raw));
        }
        // Plain: written before the lock was on, or by an older Mend. Read as it is; the
        // next write seals it.
        if !is_sealed(&raw) {
            return Ok(Some(raw));
        }
        match self.cache.borrow().known.iter().find(|(k, _, _)| k == key) {
            Some((_, envelope, plain)) if *envelope == raw => Ok(Some(plain.clone())),
            // Another tab wrote it and its event, which brings the text to open, is on the
            // way: this write waits for it rather than go over it unread.
            _ => Err(StorageError::Other(
                "another tab has just saved it, and this one is still opening that".into(),
            )),
        }
    }

    fn set(&self, key: &StorageKey, value: &str) -> Result<(), StorageError> {
        // A damaged envelope being put back as it was is already sealed.
        if is_sealed(value) {
            self.inner.set(key, value)?;
            self.cache
                .borrow_mut()
                .knows(key, value.to_owned(), value.to_owned());
            return Ok(());
        }
        let mut cache = self.cache.borrow_mut();
        let Some(at) = cache.ready.iter().position(|(plain, _)| plain == value) else {
            cache.wanted.push(value.to_owned());
            return Err(StorageError::Sealing);
        };
        if self.inner.get(&StorageKey::Lock)?.is_none() {
            self.inner.set(&StorageKey::Lock, &cache.lock)?;
        }
        let (plain, envelope) = cache.ready.swap_remove(at);
        self.inner.set(key, &envelope)?;
        cache.knows(key, envelope, plain);
        Ok(())
    }

    fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
        self.inner.remove(key)?;
        self.cache.borrow_mut().forget(key);
        Ok(())
    }

    fn raw_keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.raw_keys()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::MemoryStore;

    /// A stand-in cipher for the tests: not secret, but sealed-looking and reversible.
    fn seal(plain: &str) -> String {
        format!(
            r#"{{"v":1,"iv":"AAAAAAAAAAAAAAAA","ct":"{}"}}"#,
            plain.len()
        )
    }

    #[test]
    fn a_write_asks_for_its_envelope_then_goes_through_and_reads_back_plain() {
        let kv = MemoryStore::new();
        let cache = RefCell::new(Cache::new("lock".into()));
        let sealed = Sealed {
            inner: &kv,
            cache: &cache,
        };
        let plain = r#"{"schema":1,"settings":{"discreet":true}}"#;
        assert_eq!(
            sealed.set(&StorageKey::Settings, plain),
            Err(StorageError::Sealing)
        );
        assert!(kv.snapshot().is_empty(), "nothing is written unsealed");
        let wanted = cache.borrow_mut().take_wanted();
        assert_eq!(wanted, vec![plain.to_owned()]);
        cache.borrow_mut().ready(plain.into(), seal(plain));
        sealed.set(&StorageKey::Settings, plain).unwrap();
        assert_eq!(kv.snapshot()["mend.settings"], seal(plain));
        assert_eq!(kv.snapshot()["mend.lock"], "lock");
        assert_eq!(
            sealed.get(&StorageKey::Settings),
            Ok(Some(plain.to_owned()))
        );
    }

    #[test]
    fn plain_records_read_as_they_are_and_unknown_envelopes_hold_the_write_back() {
        let kv = MemoryStore::new();
        let cache = RefCell::new(Cache::new("lock".into()));
        let sealed = Sealed {
            inner: &kv,
            cache: &cache,
        };
        kv.put_raw("mend.meta", r#"{"schema":4}"#);
        assert_eq!(
            sealed.get(&StorageKey::Meta),
            Ok(Some(r#"{"schema":4}"#.into()))
        );
        kv.put_raw("mend.checklist", &seal("from another tab"));
        assert!(matches!(
            sealed.get(&StorageKey::Checklist),
            Err(StorageError::Other(_))
        ));
    }
}
