//! Another tab's changes: following the `storage` event, and merging what another tab wrote
//! into what this tab holds, field by field (see `persist::sync` for why).

use leptos::prelude::*;

use super::{Clash, Library};
use crate::model::{Incident, IncidentId};
use crate::persist::sync::{self, fingerprint};
use crate::persist::{self, codec, ReadOnly, StorageKey};

impl Library {
    /// Follows a change another tab made to Mend's storage (the `storage` event), given the
    /// value before and after that tab's write.
    pub fn on_storage(&self, key: &str, old: Option<String>, new: Option<String>) {
        match StorageKey::parse(key) {
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
            _ => {}
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
