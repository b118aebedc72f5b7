//! The writes that go all at once or not at all: an import's incidents, and putting back
//! what this tab holds after something else emptied storage.

use super::{refuse_newer, SaveError, Unreadable, Writer};
use crate::model::preflight::Checklist;
use crate::model::{Incident, IncidentId, Settings};
use crate::persist::checklist as checklist_codec;
use crate::persist::codec;
use crate::persist::migrate::SCHEMA_VERSION;
use crate::persist::settings as settings_codec;
use crate::persist::sync;
use crate::persist::{KeyValue, StorageKey};

impl Writer {
    /// After something else emptied storage (`localStorage.clear()` on another page), writes
    /// back what this tab still holds, under every key that is empty: the incidents, the
    /// settings unless they are the defaults, the pre-flight checklist unless it is empty,
    /// and records it could not read, as their raw text. A key that holds something again is left alone. All or nothing: when a write
    /// fails (storage full), every key written is removed again. Returns the fingerprint of
    /// each incident written.
    pub fn put_back(
        &self,
        kv: &dyn KeyValue,
        incidents: &[Incident],
        settings: &Settings,
        checklist: &Checklist,
        unreadable: &[Unreadable],
    ) -> Result<Vec<(IncidentId, u64)>, SaveError> {
        // What is still stored stays as it is.
        let empty = |key: &StorageKey| kv.get(key).map(|found| found.is_none());
        let mut raws = Vec::new();
        for record in unreadable {
            if empty(&record.key)? {
                raws.push((record.key.clone(), record.raw.as_str()));
            }
        }
        let mut records = Vec::new();
        if *settings != Settings::default() && empty(&StorageKey::Settings)? {
            let text = settings_codec::encode(settings);
            records.push((StorageKey::Settings, text, None));
        }
        // An unreadable stored checklist goes back as it was, above, never over this one.
        let raw_checklist = raws.iter().any(|(key, _)| *key == StorageKey::Checklist);
        if *checklist != Checklist::default() && !raw_checklist && empty(&StorageKey::Checklist)? {
            let text = checklist_codec::encode(checklist);
            records.push((StorageKey::Checklist, text, None));
        }
        for incident in incidents {
            let key = StorageKey::Incident(incident.id);
            if empty(&key)? {
                let text = codec::encode(incident);
                records.push((key, text, Some(incident.id)));
            }
        }
        let meta_empty = empty(&StorageKey::Meta)?;
        let mut written: Vec<StorageKey> = Vec::new();
        let mut prints = Vec::new();
        let mut write_all = || -> Result<(), SaveError> {
            // Raw records first, so a damaged version record comes back as it was.
            for (key, raw) in &raws {
                kv.set(key, raw)?;
                written.push(key.clone());
            }
            if meta_empty && kv.get(&StorageKey::Meta)?.is_none() {
                self.stamp_meta(kv)?;
                written.push(StorageKey::Meta);
            }
            for (key, text, id) in &records {
                kv.set(key, text)?;
                written.push(key.clone());
                if let Some(id) = id {
                    prints.push((*id, sync::fingerprint(text)));
                }
            }
            Ok(())
        };
        if let Err(e) = write_all() {
            for key in written.iter().rev() {
                let _ = kv.remove(key);
            }
            return Err(e);
        }
        Ok(prints)
    }

    /// Writes several incidents as one change: all of them, or (if any write fails, e.g. the
    /// storage is full) none, with every key put back as it was.
    /// Returns each incident's fingerprint as written, in order.
    pub fn save_all<'a>(
        &self,
        kv: &dyn KeyValue,
        incidents: impl IntoIterator<Item = &'a Incident>,
    ) -> Result<Vec<u64>, SaveError> {
        let mut records = Vec::new();
        for incident in incidents {
            let key = StorageKey::Incident(incident.id);
            let text = codec::encode(incident);
            let before = kv.get(&key)?;
            refuse_newer(before.as_deref(), SCHEMA_VERSION, SaveError::NewerRecord)?;
            records.push((key, text, before));
        }
        let mut written: Vec<(StorageKey, Option<String>)> = Vec::new();
        let meta_before = kv.get(&StorageKey::Meta)?;
        let mut prints = Vec::with_capacity(records.len());
        let result = self.stamp_meta(kv).and_then(|()| {
            written.push((StorageKey::Meta, meta_before));
            for (key, text, before) in records {
                kv.set(&key, &text)?;
                prints.push(sync::fingerprint(&text));
                written.push((key, before));
            }
            Ok(())
        });
        if result.is_err() {
            // Newest first, so space freed by one undo is there for the next.
            for (key, before) in written.into_iter().rev() {
                let _ = match before {
                    Some(raw) => kv.set(&key, &raw),
                    None => kv.remove(&key),
                };
            }
        }
        result.map(|()| prints)
    }
}
