//! The key-value interface that localStorage and the in-memory test store both implement.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::StorageKey;

/// Why a storage call failed, in terms a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("this browser is not letting Mend store anything (private mode or blocked site data)")]
    Unavailable,
    #[error("the browser's storage for Mend is full")]
    Full,
    #[error("the browser refused to store it: {0}")]
    Other(String),
    /// The lock is on and this write's envelope is still being made: the call runs again
    /// once it is (see `persist::sealed`). Never shown.
    #[error("it is still being encrypted")]
    Sealing,
}

/// A string-to-string store. Keys are always typed; values are already-encoded records.
pub trait KeyValue {
    fn get(&self, key: &StorageKey) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &StorageKey, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &StorageKey) -> Result<(), StorageError>;
    /// Every raw key present, Mend's or not.
    fn raw_keys(&self) -> Result<Vec<String>, StorageError>;
}

/// An in-memory store for native tests, with localStorage's failure modes on demand.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    /// Total UTF-16 units allowed across keys and values, like a browser quota.
    capacity: Cell<Option<usize>>,
    blocked: Cell<bool>,
    writes: Cell<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(units: usize) -> Self {
        let store = Self::default();
        store.capacity.set(Some(units));
        store
    }

    /// Makes every call fail as blocked storage does.
    pub fn block(&self) {
        self.blocked.set(true);
    }

    /// Places a raw value, bypassing the codec, as another tab or a damaged disk might.
    pub fn put_raw(&self, key: &str, value: &str) {
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
    }

    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.entries.borrow().clone()
    }

    /// How many successful `set` calls have happened.
    pub fn writes(&self) -> usize {
        self.writes.get()
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }

    fn check(&self) -> Result<(), StorageError> {
        if self.blocked.get() {
            Err(StorageError::Unavailable)
        } else {
            Ok(())
        }
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &StorageKey) -> Result<Option<String>, StorageError> {
        self.check()?;
        Ok(self.entries.borrow().get(&key.as_string()).cloned())
    }

    fn set(&self, key: &StorageKey, value: &str) -> Result<(), StorageError> {
        self.check()?;
        let key = key.as_string();
        if let Some(capacity) = self.capacity.get() {
            let needed = key.encode_utf16().count() + value.encode_utf16().count();
            if self.used_without(&key) + needed > capacity {
                return Err(StorageError::Full);
            }
        }
        self.entries.borrow_mut().insert(key, value.to_owned());
        self.writes.set(self.writes.get() + 1);
        Ok(())
    }

    fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
        self.check()?;
        self.entries.borrow_mut().remove(&key.as_string());
        Ok(())
    }

    fn raw_keys(&self) -> Result<Vec<String>, StorageError> {
        self.check()?;
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

/// A store that can't be opened: every call fails with the reason, so the save path treats
/// it like any other storage failure (kept in memory, tried again).
#[derive(Debug)]
pub struct Failing(pub StorageError);

impl KeyValue for Failing {
    fn get(&self, _: &StorageKey) -> Result<Option<String>, StorageError> {
        Err(self.0.clone())
    }

    fn set(&self, _: &StorageKey, _: &str) -> Result<(), StorageError> {
        Err(self.0.clone())
    }

    fn remove(&self, _: &StorageKey) -> Result<(), StorageError> {
        Err(self.0.clone())
    }

    fn raw_keys(&self) -> Result<Vec<String>, StorageError> {
        Err(self.0.clone())
    }
}
