//! Another tab's changes, for one tab's session: the `storage` event, a change read before
//! its event came, and storage emptied elsewhere, each merged into what this tab holds.

use super::{Clash, Outcome, Session};
use crate::model::{Incident, IncidentId};
use crate::persist::sync::{self, fingerprint};
use crate::persist::{codec, KeyValue, StorageKey};

impl Session {
    /// Another tab's `storage` event for an incident's key: its value before and after.
    pub fn on_event(
        &mut self,
        incidents: &mut Vec<Incident>,
        id: IncidentId,
        old: Option<&str>,
        new: Option<String>,
    ) -> Outcome {
        let base = old.and_then(|raw| codec::decode(raw).ok());
        self.follow(incidents, id, base, new)
    }

    /// Reads these incidents as storage holds them now, and takes in any change another
    /// tab made whose event has not arrived yet (browsers pass them on lazily).
    pub fn pull(
        &mut self,
        kv: &dyn KeyValue,
        incidents: &mut Vec<Incident>,
        ids: &[IncidentId],
    ) -> Outcome {
        let mut outcome = Outcome::default();
        for &id in ids {
            let Ok(raw) = kv.get(&StorageKey::Incident(id)) else {
                continue;
            };
            if raw.as_deref().map(fingerprint) == self.seen.get(&id).copied() {
                continue;
            }
            // This tab's own write, landed late: nothing new in it (see `OwnWrites`).
            if let Some(raw) = raw
                .as_deref()
                .filter(|raw| self.own_writes.is_mine(id, raw))
            {
                self.note_stored(id, Some(raw));
                continue;
            }
            let base = if self.dirty.contains_key(&id) {
                self.base.get(&id).cloned()
            } else {
                held(incidents, id)
            };
            outcome.absorb(self.follow(incidents, id, base, raw));
        }
        outcome
    }

    /// Another tab wrote `new` over a record this tab knows as `base` (from the `storage`
    /// event's old value, or, when a save finds the record changed, this tab's version from
    /// before its unsaved changes). Browsers pass localStorage between tabs lazily, so that
    /// write may have landed on top of one of ours: the other tab's change (base → new) is
    /// merged into what this tab holds, and if that differs from `new` it is saved again.
    pub(super) fn follow(
        &mut self,
        incidents: &mut Vec<Incident>,
        id: IncidentId,
        base: Option<Incident>,
        new: Option<String>,
    ) -> Outcome {
        let mut outcome = Outcome::default();
        self.ready.remove(&id);
        let theirs = match new.as_deref().map(codec::decode) {
            Some(Ok(theirs)) => Some(theirs),
            // Damaged or from a newer Mend: never merged, never overwritten (saves refuse).
            Some(Err(_)) => return outcome,
            None => None,
        };
        self.note_stored(id, new.as_deref());
        let dirty = self.dirty.contains_key(&id);
        match (held(incidents, id), theirs) {
            (None, None) => {}
            (None, Some(theirs)) => {
                incidents.push(theirs);
                outcome.changed = true;
            }
            (Some(mine), None)
                if !dirty && base.as_ref().is_some_and(|base| base.same_as(&mine)) =>
            {
                incidents.retain(|i| i.id != id);
                self.forget(id);
                outcome.changed = true;
            }
            (Some(mine), None) => {
                outcome.clash = Some(Clash {
                    title: mine.display_title().to_owned(),
                    places: Vec::new(),
                    theirs: None,
                });
                self.keep_mine(id, None, &mut outcome);
            }
            (Some(mine), Some(theirs)) if mine.same_as(&theirs) => self.forget(id),
            (Some(mine), Some(theirs))
                if !dirty && base.as_ref().is_some_and(|base| base.same_as(&mine)) =>
            {
                outcome.changed = replace(incidents, theirs);
            }
            (Some(mine), Some(theirs)) => {
                let merged = base.and_then(|base| sync::merge(&base, &mine, &theirs).ok());
                // Without a merge, this tab's version stands and the other one is offered.
                let (incident, places) = match merged {
                    Some(merged) => (merged.incident, merged.clashes),
                    None => (mine.clone(), vec!["the incident"]),
                };
                if !places.is_empty() {
                    outcome.clash = Some(Clash {
                        title: mine.display_title().to_owned(),
                        places,
                        theirs: Some(theirs.clone()),
                    });
                }
                let differs = !incident.same_as(&theirs);
                outcome.changed = replace(incidents, incident);
                if differs {
                    self.keep_mine(id, Some(theirs), &mut outcome);
                } else {
                    self.forget(id);
                }
            }
        }
        outcome
    }

    /// Queues this tab's version of an incident to be written over `stored`, the version
    /// storage holds now (the ancestor if yet another tab changes it first).
    fn keep_mine(&mut self, id: IncidentId, stored: Option<Incident>, outcome: &mut Outcome) {
        match stored {
            Some(stored) => self.base.insert(id, stored),
            None => self.base.remove(&id),
        };
        self.dirty.add(id);
        outcome.save_soon = true;
    }

    /// Something emptied all of storage (`localStorage.clear()` on another page of this
    /// site). Returns how many incidents this tab holds that storage no longer has; this tab
    /// may hold the last copy of them, and keeps it.
    pub fn on_cleared(&mut self, kv: &dyn KeyValue, incidents: &[Incident]) -> usize {
        let gone: Vec<IncidentId> = incidents
            .iter()
            .map(|i| i.id)
            .filter(|id| matches!(kv.get(&StorageKey::Incident(*id)), Ok(None)))
            .collect();
        for id in &gone {
            self.note_stored(*id, None);
        }
        gone.len()
    }
}

/// This tab's version of an incident, if it has one.
pub(super) fn held(incidents: &[Incident], id: IncidentId) -> Option<Incident> {
    incidents.iter().find(|i| i.id == id).cloned()
}

/// Puts `incident` in the place of the one with its id; whether there was one.
fn replace(incidents: &mut [Incident], incident: Incident) -> bool {
    match incidents.iter_mut().find(|i| i.id == incident.id) {
        Some(slot) => {
            *slot = incident;
            true
        }
        None => false,
    }
}
