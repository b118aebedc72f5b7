//! The save path: debounced writes while typing, at once when asked, one incident per key,
//! another tab's change merged in when a save finds the record changed under it, failed
//! saves retried once there may be room, and Undo of a delete written back.

use leptos::prelude::*;

use super::{Library, SaveState, MAX_UNSAVED_MS, RETRY_DELAY, SAVE_DELAY};
use crate::browser::{perf, platform, LocalStore};
use crate::model::{Incident, IncidentId};
use crate::persist::repo::SaveError;
use crate::persist::{Restored, Writer};

impl Library {
    /// Writes every changed incident now. Failed ones stay queued for the next attempt.
    pub fn flush(&self) {
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        self.unsaved_since.set_value(None);
        let dirty = self.dirty.with_value(Clone::clone);
        if dirty.is_empty() {
            return;
        }
        let writer = match self.access.get_value() {
            Ok(writer) => writer,
            Err(reason) => return self.not_saved(reason),
        };
        let store = match LocalStore::open() {
            Ok(store) => store,
            Err(e) => {
                self.not_saved(e);
                return self.retry_later();
            }
        };
        let mut failure = None;
        for id in dirty {
            // After another tab's change is merged in, the merged version is tried again.
            let mut tries = 0;
            while let Err(e) = self.save_one(writer, &store, id) {
                tries += 1;
                match e {
                    // This tab's own older write landed after another tab's: what this tab
                    // holds already has both, so it goes over it (see `OwnWrites`).
                    SaveError::ChangedElsewhere(Some(raw))
                        if tries < 3 && self.own_writes.with_value(|w| w.is_mine(id, &raw)) =>
                    {
                        self.note_stored(id, Some(&raw))
                    }
                    SaveError::ChangedElsewhere(raw) if tries < 3 => {
                        // Merged against this tab's version from before its unsaved changes.
                        let base = self.base.with_value(|b| b.get(&id).cloned());
                        self.follow(id, base, raw)
                    }
                    e => {
                        failure = Some(e);
                        break;
                    }
                }
            }
        }
        match failure {
            None => {
                self.set_state(SaveState::Saved);
                self.trouble.set(None);
            }
            Some(e @ SaveError::Storage(_)) => {
                self.not_saved(e);
                self.retry_later();
            }
            Some(e) => self.not_saved(e),
        }
    }

    /// Tries a failed save again once storage may have room: right after a delete here, or
    /// any change another tab makes. Nothing happens while nothing waits.
    pub(super) fn retry_now(&self) {
        let waiting = self.dirty.with_value(|d| !d.is_empty());
        if waiting && matches!(self.save_state.get_untracked(), SaveState::Failed(_)) {
            self.flush();
        }
    }

    /// Tries the failed save again shortly, and so on until it goes through: room can be
    /// made where no event reports it (this tab's own code, or the browser).
    pub(super) fn retry_later(&self) {
        if self.timer.with_value(Option::is_some) {
            return;
        }
        let library = *self;
        if let Ok(handle) = set_timeout_with_handle(move || library.flush(), RETRY_DELAY) {
            self.timer.set_value(Some(handle));
        }
    }

    fn save_one(
        &self,
        writer: Writer,
        store: &LocalStore,
        id: IncidentId,
    ) -> Result<(), SaveError> {
        let last_seen = self.seen.with_value(|seen| seen.get(&id).copied());
        let saved = self.incidents.with_untracked(|all| {
            all.iter().find(|i| i.id == id).map(|incident| {
                let _span = perf::Span::start("mend:save", "mend:save:start");
                writer.save_if_unchanged(store, incident, last_seen)
            })
        });
        match saved {
            // Deleted here since it changed: nothing to write.
            None => self.forget(id),
            Some(Ok(print)) => {
                self.forget(id);
                self.seen.update_value(|seen| {
                    seen.insert(id, print);
                });
                self.own_writes.update_value(|w| w.wrote(id, print));
            }
            Some(Err(e)) => return Err(e),
        }
        Ok(())
    }

    /// Failed saves stay queued and are tried again with the next change, a flush, a retry.
    pub(super) fn not_saved(&self, reason: impl std::fmt::Display) {
        self.set_state(SaveState::Failed(format!(
            "Not saved: {reason}. What you typed is still here."
        )));
    }

    /// Saves 250 ms after the last change, or at once if changes have waited too long.
    pub(super) fn schedule(&self) {
        let now = platform::now();
        let since = self.unsaved_since.get_value().unwrap_or(now);
        self.unsaved_since.set_value(Some(since));
        if now.millis() - since.millis() >= MAX_UNSAVED_MS {
            self.flush();
            return;
        }
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        let library = *self;
        match set_timeout_with_handle(move || library.flush(), SAVE_DELAY) {
            Ok(handle) => self.timer.set_value(Some(handle)),
            Err(_) => self.flush(),
        }
    }

    /// Brings a deleted incident back, but never as a second copy, and never over a newer
    /// version another tab kept and saved since the delete: that one comes back instead.
    pub(super) fn restore(&self, deleted: Incident, position: usize) {
        let id = deleted.id;
        // Another tab kept it, and that version has already arrived here.
        if self.held(id).is_some() {
            return;
        }
        let restored = self.access.get_value().map(|writer| {
            LocalStore::open()
                .map_err(SaveError::from)
                .and_then(|store| writer.restore(&store, &deleted))
        });
        let incident = match restored {
            Ok(Ok(Restored::Written(print))) => {
                self.note_print(id, print);
                deleted
            }
            Ok(Ok(Restored::Stored { incident, print })) => {
                self.note_print(id, print);
                *incident
            }
            Ok(Err(e @ (SaveError::NewerRecord | SaveError::ChangedElsewhere(_)))) => {
                self.trouble
                    .set(Some(format!("Couldn't bring it back: {e}.")));
                return;
            }
            // No room, or no storage: it comes back here and is saved once it can be. Its
            // own version is the ancestor, so whatever another tab stores first wins.
            Ok(Err(_)) | Err(_) => {
                self.base.update_value(|base| {
                    base.insert(id, deleted.clone());
                });
                self.mark_dirty(id);
                self.incidents
                    .update(|all| all.insert(position.min(all.len()), deleted));
                self.flush();
                return;
            }
        };
        self.incidents
            .update(|all| all.insert(position.min(all.len()), incident));
        self.set_state(SaveState::Saved);
    }

    fn note_print(&self, id: IncidentId, print: u64) {
        self.seen.update_value(|seen| {
            seen.insert(id, print);
        });
    }
}
