//! One tab's save session, pure: which incidents wait to be written, what storage held when
//! this tab last looked, and how another tab's change is merged into what this tab holds.
//!
//! The incidents themselves live with the caller (a signal in the UI, a `Vec` in tests) and
//! are lent to each call, so this owns only the bookkeeping. Timers and screens stay at the
//! edge: every call says what it changed in an `Outcome`, and the caller redraws, reports
//! a clash or schedules the next save from that.

mod other_tabs;
mod problem;

use other_tabs::held;
pub use problem::SaveProblem;

use super::repo::{Restored, SaveError, Unreadable};
use super::sync::{fingerprint, OwnWrites};
use super::{KeyValue, Loaded, ReadOnly, Writer};
use crate::model::id_map::{IdMap, IdSet};
use crate::model::{Incident, IncidentId, Settings, Timestamp};

/// Another tab changed an incident this tab was changing too.
#[derive(Clone, Debug, PartialEq)]
pub struct Clash {
    pub title: String,
    /// The steps where both changed the same field; empty when the other tab deleted it.
    pub places: Vec<&'static str>,
    /// The other tab's version, to download; `None` when it deleted the incident.
    pub theirs: Option<Incident>,
}

/// What a call did to the incidents it was lent, for the caller to act on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// The incidents changed: views of them must redraw.
    pub changed: bool,
    /// The latest clash with another tab, to report.
    pub clash: Option<Clash>,
    /// A merged version waits to be written: a save should follow soon.
    pub save_soon: bool,
}

impl Outcome {
    fn absorb(&mut self, other: Outcome) {
        self.changed |= other.changed;
        self.save_soon |= other.save_soon;
        if other.clash.is_some() {
            self.clash = other.clash;
        }
    }
}

/// What `flush` did: its effect on the incidents, and whether the writes went through
/// (`Ok(false)`: nothing was waiting).
#[derive(Debug, PartialEq)]
pub struct Flushed {
    pub outcome: Outcome,
    pub result: Result<bool, SaveProblem>,
}

/// What Undo of a delete did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undone {
    /// It is back and stored (or another tab's newer version is, and came back instead).
    Stored,
    /// It is back on screen only; a save must follow (no room, or no storage).
    Waiting,
    /// This tab already holds it again: nothing to do.
    AlreadyHere,
}

#[derive(Debug)]
pub struct Session {
    /// Decided by the load (and again after clearing): permission to write, or why not.
    access: Result<Writer, ReadOnly>,
    /// Incidents changed here and not yet written.
    dirty: IdSet,
    /// The fingerprint of each incident's record as this tab last read or wrote it.
    seen: IdMap<u64>,
    /// What this tab wrote lately, so that its own write is never taken for another tab's.
    own_writes: OwnWrites,
    /// Each changed incident as it was before this tab's unsaved changes: the common
    /// ancestor when another tab's version has to be merged in.
    base: IdMap<Incident>,
    /// Waiting incidents' texts, made by `prepare` a task before the write. Every change to
    /// an incident goes through this session and drops its text first, so a text here is
    /// always its incident as it is now.
    ready: IdMap<String>,
}

impl Session {
    /// A session over what `load` found.
    pub fn new(loaded: &Loaded) -> Self {
        Self {
            access: loaded.writer.clone(),
            dirty: IdSet::default(),
            seen: loaded.seen.iter().copied().collect(),
            own_writes: OwnWrites::default(),
            base: IdMap::default(),
            ready: IdMap::default(),
        }
    }

    /// Why this session cannot write at all, if it cannot.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.access.clone().err()
    }

    /// Whether any change waits to be written.
    pub fn is_waiting(&self) -> bool {
        !self.dirty.is_empty()
    }

    /// Another tab stored a newer schema's version record: from now on nothing is written.
    pub fn newer_store(&mut self, found: u64) {
        self.access = Err(ReadOnly::NewerStore { found });
    }

    /// Applies `change` to one incident and queues it for saving if it changed anything.
    /// `touched` is the time of a person's own edit, which moves "last changed"; `None`
    /// for bookkeeping (the current step, archiving, seeding lists).
    pub fn change(
        &mut self,
        incidents: &mut [Incident],
        id: IncidentId,
        touched: Option<Timestamp>,
        change: impl FnOnce(&mut Incident) -> bool,
    ) -> bool {
        let Some(incident) = incidents.iter_mut().find(|i| i.id == id) else {
            return false;
        };
        self.ready.remove(&id);
        let before = (!self.dirty.contains_key(&id)).then(|| incident.clone());
        if !change(incident) {
            return false;
        }
        if let Some(now) = touched {
            incident.updated_at = now.max(incident.updated_at);
        }
        if let Some(before) = before {
            self.base.insert(id, before);
        }
        self.dirty.add(id);
        true
    }

    /// Queues an incident made here (not stored yet) for saving.
    pub fn created(&mut self, id: IncidentId) {
        self.dirty.add(id);
    }

    /// Makes the text of each waiting incident that has none yet, so that `flush` can write
    /// it in a later task: at the import's limits, encoding and writing are each about half
    /// of a save. Returns whether it made any; none when nothing may be written.
    pub fn prepare(&mut self, incidents: &[Incident]) -> bool {
        if self.access.is_err() {
            return false;
        }
        let mut made = false;
        for id in self.dirty.keys() {
            if self.ready.contains_key(&id) {
                continue;
            }
            if let Some(incident) = incidents.iter().find(|i| i.id == id) {
                self.ready.insert(id, super::codec::encode(incident));
                made = true;
            }
        }
        made
    }

    /// The texts `prepare` made, as they will be written.
    pub fn ready_texts(&self) -> Vec<String> {
        self.ready.values().cloned().collect()
    }

    /// Writes every changed incident. Where another tab changed one since this tab read it,
    /// its change is merged in and the merge written. Failed ones stay queued.
    pub fn flush(&mut self, kv: &dyn KeyValue, incidents: &mut Vec<Incident>) -> Flushed {
        let mut outcome = Outcome::default();
        if self.dirty.is_empty() {
            return Flushed {
                outcome,
                result: Ok(false),
            };
        }
        let writer = match &self.access {
            Ok(writer) => *writer,
            Err(reason) => {
                return Flushed {
                    outcome,
                    result: Err(reason.clone().into()),
                }
            }
        };
        let mut failure = None;
        for id in self.dirty.keys().collect::<Vec<_>>() {
            // After another tab's change is merged in, the merged version is tried again.
            let mut tries = 0;
            while let Err(e) = self.save_one(writer, kv, incidents, id) {
                tries += 1;
                match e {
                    // This tab's own older write landed after another tab's: what this tab
                    // holds already has both, so it goes over it (see `OwnWrites`).
                    SaveError::ChangedElsewhere(Some(raw))
                        if tries < 3 && self.own_writes.is_mine(id, &raw) =>
                    {
                        self.note_stored(id, Some(&raw))
                    }
                    SaveError::ChangedElsewhere(raw) if tries < 3 => {
                        // Merged against this tab's version from before its unsaved changes.
                        let base = self.base.get(&id).cloned();
                        outcome.absorb(self.follow(incidents, id, base, raw));
                    }
                    e => {
                        failure = Some(e);
                        break;
                    }
                }
            }
        }
        // What was merged and then written needs no further save.
        outcome.save_soon = self.is_waiting() && failure.is_none();
        Flushed {
            outcome,
            result: failure.map_or(Ok(true), |e| Err(e.into())),
        }
    }

    fn save_one(
        &mut self,
        writer: Writer,
        kv: &dyn KeyValue,
        incidents: &[Incident],
        id: IncidentId,
    ) -> Result<(), SaveError> {
        let Some(incident) = incidents.iter().find(|i| i.id == id) else {
            // Deleted here since it changed: nothing to write.
            self.forget(id);
            return Ok(());
        };
        let text = self.ready.remove(&id);
        let print = writer.save_if_unchanged(kv, incident, text, self.seen.get(&id).copied())?;
        self.forget(id);
        self.seen.insert(id, print);
        self.own_writes.wrote(id, print);
        Ok(())
    }

    /// Writes back what this tab holds wherever storage is empty now (see
    /// `Writer::put_back`). On failure nothing is written.
    pub fn put_back(
        &mut self,
        kv: &dyn KeyValue,
        incidents: &[Incident],
        settings: &Settings,
        checklist: &crate::model::preflight::Checklist,
        unreadable: &[Unreadable],
    ) -> Result<(), SaveProblem> {
        let writer = self.access.clone()?;
        let prints = writer.put_back(kv, incidents, settings, checklist, unreadable)?;
        self.seen.extend(prints);
        Ok(())
    }

    /// Writes these incidents as one change: all, or none.
    pub fn save_all(
        &mut self,
        kv: &dyn KeyValue,
        incidents: &[&Incident],
    ) -> Result<(), SaveProblem> {
        let writer = self.access.clone()?;
        // What is written here replaces what this tab holds, so texts made before it are stale.
        for incident in incidents {
            self.ready.remove(&incident.id);
        }
        let prints = writer.save_all(kv, incidents.iter().copied())?;
        self.seen.extend(incidents.iter().map(|i| i.id).zip(prints));
        Ok(())
    }

    pub fn save_settings(
        &mut self,
        kv: &dyn KeyValue,
        settings: &Settings,
    ) -> Result<(), SaveProblem> {
        let writer = self.access.clone()?;
        Ok(writer.save_settings(kv, settings)?)
    }

    pub fn save_checklist(
        &mut self,
        kv: &dyn KeyValue,
        checklist: &crate::model::preflight::Checklist,
    ) -> Result<(), SaveProblem> {
        let writer = self.access.clone()?;
        Ok(writer.save_checklist(kv, checklist)?)
    }

    /// Removes an incident's record. When nothing can be stored at all it only ever lived
    /// in this tab, so that is no failure; a newer Mend's store is never touched.
    pub fn delete(&mut self, kv: &dyn KeyValue, id: IncidentId) -> Result<(), SaveProblem> {
        match &self.access {
            Ok(writer) => writer
                .delete(kv, id)
                .map_err(|e| SaveProblem::Save(e.into()))?,
            Err(reason @ ReadOnly::NewerStore { .. }) => return Err(reason.clone().into()),
            Err(ReadOnly::Storage(_)) => {}
        }
        self.forget(id);
        self.seen.remove(&id);
        Ok(())
    }

    /// Brings a deleted incident back at `position`, but never as a second copy, and never
    /// over a newer version another tab kept and saved since the delete: that one comes
    /// back instead. Refused only when storage holds something it must not overwrite.
    pub fn restore(
        &mut self,
        kv: &dyn KeyValue,
        incidents: &mut Vec<Incident>,
        deleted: Incident,
        position: usize,
    ) -> Result<Undone, SaveProblem> {
        let id = deleted.id;
        self.ready.remove(&id);
        // Another tab kept it, and that version has already arrived here.
        if held(incidents, id).is_some() {
            return Ok(Undone::AlreadyHere);
        }
        let at = position.min(incidents.len());
        let restored = self
            .access
            .clone()
            .map(|writer| writer.restore(kv, &deleted));
        match restored {
            Ok(Ok(Restored::Written(print))) => {
                self.seen.insert(id, print);
                incidents.insert(at, deleted);
                Ok(Undone::Stored)
            }
            Ok(Ok(Restored::Stored { incident, print })) => {
                self.seen.insert(id, print);
                incidents.insert(at, *incident);
                Ok(Undone::Stored)
            }
            Ok(Err(e @ (SaveError::NewerRecord | SaveError::ChangedElsewhere(_)))) => Err(e.into()),
            // No room, or no storage: it comes back here and is saved once it can be. Its
            // own version is the ancestor, so whatever another tab stores first wins.
            Ok(Err(_)) | Err(_) => {
                self.base.insert(id, deleted.clone());
                self.dirty.add(id);
                incidents.insert(at, deleted);
                Ok(Undone::Waiting)
            }
        }
    }

    /// Drops what this tab remembers about an incident's unsaved state.
    fn forget(&mut self, id: IncidentId) {
        self.dirty.remove(&id);
        self.base.remove(&id);
        self.ready.remove(&id);
    }

    /// Remembers what storage holds for an incident now (`None`: nothing).
    fn note_stored(&mut self, id: IncidentId, raw: Option<&str>) {
        match raw.map(fingerprint) {
            Some(print) => self.seen.insert(id, print),
            None => self.seen.remove(&id),
        };
    }
}
