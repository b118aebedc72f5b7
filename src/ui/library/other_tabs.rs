//! Another tab's changes: following the `storage` event, and merging what another tab wrote
//! into what this tab holds, field by field (see `persist::sync` for why).

use leptos::prelude::*;

use super::{Clash, Library, SaveState};
use crate::browser::LocalStore;
use crate::model::{Incident, IncidentId};
use crate::persist::repo::{unknown_key, SaveError};
use crate::persist::sync::{self, fingerprint};
use crate::persist::{self, codec, KeyValue, ReadOnly, StorageKey, Unreadable};

impl Library {
    /// Follows a change another tab made to Mend's storage (the `storage` event), given the
    /// key (`None` when all of storage was cleared) and the value before and after.
    pub fn on_storage(&self, key: Option<&str>, old: Option<String>, new: Option<String>) {
        match key {
            Some(key) => self.on_key(key, old, new),
            None => self.on_cleared(),
        }
        // Whatever changed, there may be room now for a save that failed.
        self.retry_now();
    }

    fn on_key(&self, key: &str, old: Option<String>, new: Option<String>) {
        match StorageKey::owned(key) {
            Some(StorageKey::Incident(id)) => {
                let base = old.as_deref().and_then(|raw| codec::decode(raw).ok());
                self.follow(id, base, new)
            }
            Some(StorageKey::Settings) => {
                if let Some(settings) = new.and_then(|raw| persist::settings::decode(&raw).ok()) {
                    self.settings.set(settings);
                }
            }
            Some(StorageKey::Meta) => {
                let newer = new
                    .and_then(|raw| codec::schema_version(&raw).ok())
                    .filter(|found| *found > u64::from(persist::SCHEMA_VERSION));
                if let Some(found) = newer {
                    self.access.set_value(Err(ReadOnly::NewerStore { found }));
                    self.save_state.notify();
                }
            }
            // Listed like at start-up, so no key of Mend's is ever hidden.
            Some(key @ StorageKey::Unknown(_)) => self.unreadable.update(|list| {
                list.retain(|u| u.key != key);
                if let (Some(raw), StorageKey::Unknown(name)) = (new, &key) {
                    let reason = unknown_key(name);
                    list.push(Unreadable { key, raw, reason });
                }
            }),
            None => {}
        }
    }

    /// Something emptied all of storage (`localStorage.clear()` on another page of this
    /// site). This tab may hold the last copy: it keeps showing it, says so, and offers to
    /// put it back.
    fn on_cleared(&self) {
        let Ok(store) = LocalStore::open() else {
            return;
        };
        let held = self.incidents.get_untracked();
        let gone: Vec<IncidentId> = held
            .iter()
            .map(|i| i.id)
            .filter(|id| matches!(store.get(&StorageKey::Incident(*id)), Ok(None)))
            .collect();
        for id in &gone {
            self.note_stored(*id, None);
        }
        if !gone.is_empty() {
            self.emptied.set(Some(gone.len()));
        }
    }

    /// Writes back what this tab holds wherever storage is empty now. On failure nothing is
    /// written, and the reason comes back in plain words.
    pub fn put_back(&self) -> Result<(), String> {
        let writer = self
            .access
            .get_value()
            .map_err(|reason| format!("Mend can't save in this browser right now: {reason}."))?;
        let written = LocalStore::open()
            .map_err(SaveError::from)
            .and_then(|store| {
                self.incidents.with_untracked(|incidents| {
                    self.unreadable.with_untracked(|unreadable| {
                        let settings = self.settings.get_untracked();
                        writer.put_back(&store, incidents, &settings, unreadable)
                    })
                })
            });
        let prints = written.map_err(|e| format!("They couldn't be put back: {e}."))?;
        for (id, print) in prints {
            self.seen.update_value(|seen| {
                seen.insert(id, print);
            });
        }
        self.emptied.set(None);
        // Edits still waiting go on top of what is back.
        self.flush();
        if self.dirty.with_value(|d| d.is_empty()) {
            self.set_state(SaveState::Saved);
        }
        Ok(())
    }

    /// Reads these incidents as storage holds them now, and takes in any change another
    /// tab made whose event has not arrived yet (browsers pass them on lazily).
    pub fn pull(&self, ids: &[IncidentId]) {
        let Ok(store) = LocalStore::open() else {
            return;
        };
        for &id in ids {
            let Ok(raw) = store.get(&StorageKey::Incident(id)) else {
                continue;
            };
            let seen = self.seen.with_value(|seen| seen.get(&id).copied());
            if raw.as_deref().map(fingerprint) == seen {
                continue;
            }
            // This tab's own write, landed late: nothing new in it (see `OwnWrites`).
            if let Some(raw) = raw
                .as_deref()
                .filter(|raw| self.own_writes.with_value(|w| w.is_mine(id, raw)))
            {
                self.note_stored(id, Some(raw));
                continue;
            }
            let base = if self.dirty.with_value(|d| d.contains(&id)) {
                self.base.with_value(|b| b.get(&id).cloned())
            } else {
                self.held(id)
            };
            self.follow(id, base, raw);
        }
    }

    /// Another tab wrote `new` over a record this tab knows as `base` (from the `storage`
    /// event's old value, or, when a save finds the record changed, this tab's version from
    /// before its unsaved changes). Browsers pass localStorage between tabs lazily, so that
    /// write may have landed on top of one of ours: the other tab's change (base → new) is
    /// merged into what this tab holds, and if that differs from `new` it is saved again.
    pub(super) fn follow(&self, id: IncidentId, base: Option<Incident>, new: Option<String>) {
        let theirs = match new.as_deref().map(codec::decode) {
            Some(Ok(theirs)) => Some(theirs),
            // Damaged or from a newer Mend: never merged, never overwritten (saves refuse).
            Some(Err(_)) => return,
            None => None,
        };
        self.note_stored(id, new.as_deref());
        let dirty = self.dirty.with_value(|d| d.contains(&id));
        let mine = self.held(id);
        match (mine, theirs) {
            (None, None) => {}
            (None, Some(theirs)) => self.incidents.update(|all| all.push(theirs)),
            (Some(mine), None) if !dirty && base.as_ref() == Some(&mine) => {
                self.incidents.update(|all| all.retain(|i| i.id != mine.id));
                self.forget(id);
            }
            (Some(mine), None) => {
                self.clash.set(Some(Clash {
                    title: mine.display_title().to_owned(),
                    places: Vec::new(),
                    theirs: None,
                }));
                self.keep_mine(id, None);
            }
            (Some(mine), Some(theirs)) if mine == theirs => self.forget(id),
            (Some(mine), Some(theirs)) if !dirty && base.as_ref() == Some(&mine) => {
                self.replace(theirs)
            }
            (Some(mine), Some(theirs)) => {
                let merged = base.and_then(|base| sync::merge(&base, &mine, &theirs).ok());
                // Without a merge, this tab's version stands and the other one is offered.
                let (incident, places) = match merged {
                    Some(merged) => (merged.incident, merged.clashes),
                    None => (mine.clone(), vec!["the incident"]),
                };
                if !places.is_empty() {
                    self.clash.set(Some(Clash {
                        title: mine.display_title().to_owned(),
                        places,
                        theirs: Some(theirs.clone()),
                    }));
                }
                let differs = incident != theirs;
                self.replace(incident);
                if differs {
                    self.keep_mine(id, Some(theirs));
                } else {
                    self.forget(id);
                }
            }
        }
    }

    /// Queues this tab's version of an incident to be written over `stored`, the version
    /// storage holds now (the ancestor if yet another tab changes it first).
    fn keep_mine(&self, id: IncidentId, stored: Option<Incident>) {
        self.base.update_value(|base| match stored {
            Some(stored) => {
                base.insert(id, stored);
            }
            None => {
                base.remove(&id);
            }
        });
        self.mark_dirty(id);
        self.schedule();
    }

    /// Remembers what storage holds for an incident now (`None`: nothing).
    pub(super) fn note_stored(&self, id: IncidentId, raw: Option<&str>) {
        self.seen.update_value(|seen| match raw.map(fingerprint) {
            Some(print) => {
                seen.insert(id, print);
            }
            None => {
                seen.remove(&id);
            }
        });
    }

    /// This tab's version of an incident, if it has one.
    pub(super) fn held(&self, id: IncidentId) -> Option<Incident> {
        self.incidents
            .with_untracked(|all| all.iter().find(|i| i.id == id).cloned())
    }
}
