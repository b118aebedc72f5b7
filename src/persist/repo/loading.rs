//! Reading every record in steps, so that a large store can be read over several tasks and
//! no single one keeps the page from answering (`ui::opening` takes the steps).

use super::super::checklist as checklist_codec;
use super::super::codec;
use super::super::settings as settings_codec;
use super::super::sync;
use super::super::{KeyValue, StorageKey};
use super::{unknown_key, Loaded, ReadOnly, Unreadable, Writer};
use crate::model::order;
use crate::model::preflight::Checklist;
use crate::model::Settings;

/// The order records are read in, and what could not be read is listed in, the same in every
/// browser: the small records first, so the colours and the save permission are known after
/// the first step, then the incidents by id.
fn rank(key: &StorageKey) -> (i64, u128) {
    match key {
        StorageKey::Meta => (0, 0),
        StorageKey::Settings => (1, 0),
        StorageKey::Checklist => (2, 0),
        StorageKey::Incident(id) => (3, order::id_key(*id)),
        StorageKey::Lock | StorageKey::Index | StorageKey::Unknown(_) => (4, 0),
    }
}

/// A read of every record under way.
pub struct Loading {
    /// Mend's keys still to read (all but the lock's), in `rank` order.
    keys: std::vec::IntoIter<StorageKey>,
    loaded: Loaded,
}

impl Loading {
    /// Reads the small records, then lists the rest of Mend's keys in the order they are read.
    pub fn start(kv: &dyn KeyValue) -> Self {
        let mut loading = Self::glance(kv);
        loading.list(kv);
        loading
    }

    /// Reads the small records (the meta, the settings and the checklist) by their keys, so
    /// the colours and the save permission are known before anything is listed.
    pub fn glance(kv: &dyn KeyValue) -> Self {
        let mut loaded = Loaded {
            incidents: Vec::new(),
            unreadable: Vec::new(),
            settings: Settings::default(),
            checklist: Checklist::default(),
            writer: Ok(Writer { _private: () }),
            seen: Vec::new(),
        };
        for key in [
            StorageKey::Meta,
            StorageKey::Settings,
            StorageKey::Checklist,
        ] {
            read(&mut loaded, kv, key);
        }
        Self {
            keys: Vec::new().into_iter(),
            loaded,
        }
    }

    /// Lists the records left to read after `glance`, in `rank` order. At 1,000 incidents this
    /// alone takes about 8 ms on a desktop.
    pub fn list(&mut self, kv: &dyn KeyValue) {
        let mut keys: Vec<StorageKey> = match kv.raw_keys() {
            Ok(keys) => keys
                .iter()
                .filter_map(|raw| StorageKey::owned(raw))
                .collect(),
            Err(e) => {
                self.loaded.writer = Err(ReadOnly::Storage(e));
                Vec::new()
            }
        };
        // The small records are read, the lock record is the lock screen's (read before
        // anything else), and the list's index is read on its own (`persist::index::read`).
        keys.retain(|key| rank(key).0 >= 3 && !matches!(key, StorageKey::Lock | StorageKey::Index));
        order::sort_by(&mut keys, rank);
        self.keys = keys.into_iter();
    }

    /// The settings as read so far: the stored ones (or the defaults) after the first step of
    /// three records or more.
    pub fn settings(&self) -> &Settings {
        &self.loaded.settings
    }

    /// What is known before any incident is read: the settings, the checklist, whether
    /// this session may write, and no incidents.
    pub fn early(&self) -> Loaded {
        Loaded {
            incidents: Vec::new(),
            unreadable: self.loaded.unreadable.clone(),
            settings: self.loaded.settings.clone(),
            checklist: self.loaded.checklist.clone(),
            writer: self.loaded.writer.clone(),
            seen: Vec::new(),
        }
    }

    /// How many records are left to read.
    pub fn left(&self) -> usize {
        self.keys.len()
    }

    /// Reads up to `count` more records. Returns whether every record has now been read.
    pub fn step(&mut self, kv: &dyn KeyValue, count: usize) -> bool {
        for _ in 0..count {
            let Some(key) = self.keys.next() else { break };
            read(&mut self.loaded, kv, key);
        }
        self.keys.len() == 0
    }

    /// Everything read.
    pub fn finish(self) -> Loaded {
        self.loaded
    }
}

/// Reads one record into `loaded`, or lists it as unreadable.
fn read(loaded: &mut Loaded, kv: &dyn KeyValue, key: StorageKey) {
    let raw = match kv.get(&key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return,
        Err(e) => {
            loaded.writer = Err(ReadOnly::Storage(e));
            return;
        }
    };
    match &key {
        StorageKey::Meta => match codec::schema_version(&raw) {
            Ok(found) if found > u64::from(codec::STORE_VERSION) => {
                loaded.writer = Err(ReadOnly::NewerStore { found })
            }
            Ok(_) => {}
            Err(reason) => loaded.unreadable.push(Unreadable { key, raw, reason }),
        },
        StorageKey::Incident(id) => match codec::decode(&raw) {
            Ok(incident) if incident.id == *id => {
                loaded.seen.push((*id, sync::fingerprint(&raw)));
                loaded.incidents.push(incident)
            }
            Ok(incident) => {
                let reason = codec::DecodeError::Shape(format!(
                    "it is stored under {id} but names {}",
                    incident.id
                ));
                loaded.unreadable.push(Unreadable { key, raw, reason });
            }
            Err(reason) => loaded.unreadable.push(Unreadable { key, raw, reason }),
        },
        StorageKey::Settings => match settings_codec::decode(&raw) {
            Ok(settings) => loaded.settings = settings,
            Err(reason) => loaded.unreadable.push(Unreadable { key, raw, reason }),
        },
        StorageKey::Checklist => match checklist_codec::decode(&raw) {
            Ok(checklist) => loaded.checklist = checklist,
            Err(reason) => loaded.unreadable.push(Unreadable { key, raw, reason }),
        },
        StorageKey::Lock | StorageKey::Index => {}
        StorageKey::Unknown(name) => {
            let reason = unknown_key(name);
            loaded.unreadable.push(Unreadable { key, raw, reason });
        }
    }
}
