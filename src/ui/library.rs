//! The incidents and settings in memory, and the single path that saves them: debounced while
//! typing, flushed at once when the page is hidden or left. Clearing all data goes here too.

use std::collections::BTreeSet;
use std::time::Duration;

use leptos::prelude::*;

use super::form::Removed;
use crate::browser::{perf, platform, storage_manager, LocalStore};
use crate::model::{Incident, IncidentId, Settings, Timestamp};
use crate::persist::{self, Loaded, ReadOnly, StorageError, Unreadable, Writer};

/// How long after the last keystroke a save happens.
const SAVE_DELAY: Duration = Duration::from_millis(250);
/// Someone typing without a pause still gets a save at least this often (ms).
const MAX_UNSAVED_MS: i64 = 2_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing has been changed yet.
    Idle,
    Pending,
    Saved,
    /// The reason, in plain words. What the user typed stays in memory and on screen.
    Failed(String),
}

/// What Undo would put back: the last deleted incident, or the last entry removed from a
/// list inside one. Only the latest removal can be undone.
#[derive(Clone)]
pub enum Undo {
    Incident {
        incident: Box<Incident>,
        position: usize,
    },
    Item {
        incident: IncidentId,
        /// What was removed, in words, e.g. "key point 2".
        what: String,
        removed: Removed,
        restore: fn(&mut Incident, Removed),
    },
}

/// Shared through context; every field is a cheap `Copy` handle.
#[derive(Clone, Copy)]
pub struct Library {
    pub incidents: RwSignal<Vec<Incident>>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    pub save_state: RwSignal<SaveState>,
    pub undo: RwSignal<Option<Undo>>,
    /// Change through `set_settings`, which saves them.
    pub settings: RwSignal<Settings>,
    /// Decided by the first load (and again after clearing): permission to write, or why not.
    access: StoredValue<Result<Writer, ReadOnly>>,
    dirty: StoredValue<BTreeSet<IncidentId>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// When the oldest change not yet written was made.
    unsaved_since: StoredValue<Option<Timestamp>>,
    /// Whether this session has asked the browser to keep the data.
    asked_to_keep: StoredValue<bool>,
}

impl Library {
    /// Loads everything from localStorage. Writing is only possible after this.
    pub fn open() -> Self {
        let loaded = load();
        Self {
            incidents: RwSignal::new(loaded.incidents),
            unreadable: RwSignal::new(loaded.unreadable),
            save_state: RwSignal::new(SaveState::Idle),
            undo: RwSignal::new(None),
            settings: RwSignal::new(loaded.settings),
            access: StoredValue::new(loaded.writer),
            dirty: StoredValue::new(BTreeSet::new()),
            timer: StoredValue::new(None),
            unsaved_since: StoredValue::new(None),
            asked_to_keep: StoredValue::new(false),
        }
    }

    pub fn create(&self) -> IncidentId {
        let incident = Incident::new(platform::new_incident_id(), platform::now());
        let id = incident.id;
        self.incidents.update(|all| all.push(incident));
        self.mark_dirty(id);
        // A new incident is saved at once, so a reload straight away still finds it.
        self.flush();
        // Now there is something worth keeping: ask the browser not to evict it.
        if !self.asked_to_keep.get_value() {
            self.asked_to_keep.set_value(true);
            storage_manager::ask_to_keep_data();
        }
        id
    }

    /// Applies and saves new settings. If saving fails they still apply in this tab.
    pub fn set_settings(&self, settings: Settings) {
        self.settings.set(settings.clone());
        let saved = match self.access.get_value() {
            Ok(writer) => LocalStore::open()
                .map_err(Into::into)
                .and_then(|store| writer.save_settings(&store, &settings))
                .map_err(|e| e.to_string()),
            Err(reason) => Err(reason.to_string()),
        };
        if let Err(reason) = saved {
            self.set_state(SaveState::Failed(format!(
                "Setting not saved: {reason}. It applies until Mend is closed."
            )));
        }
    }

    /// Deletes every record Mend keeps in this browser (`mend.*` keys only), then reloads
    /// memory from what is left, so the screen shows exactly what storage holds.
    pub fn clear_all(&self) -> Result<(), StorageError> {
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        self.dirty.set_value(BTreeSet::new());
        self.unsaved_since.set_value(None);
        let cleared = LocalStore::open().and_then(|store| persist::clear_all(&store));
        let loaded = load();
        self.incidents.set(loaded.incidents);
        self.unreadable.set(loaded.unreadable);
        self.settings.set(loaded.settings);
        // A store a newer version wrote is gone now, so this session may write again.
        self.access.set_value(loaded.writer);
        self.undo.set(None);
        self.save_state.set(SaveState::Idle);
        cleared.map(|_| ())
    }

    /// Applies a change from the user and schedules a save of that incident only.
    pub fn edit(&self, id: IncidentId, change: impl FnOnce(&mut Incident)) {
        self.change(id, true, |incident| {
            change(incident);
            true
        });
    }

    /// Applies a change that returns whether it changed anything, and saves only if so.
    /// `touch` says whether it counts as the user's own change (and so moves "last changed");
    /// remembering the current step, archiving and seeding lists do not.
    pub fn change(&self, id: IncidentId, touch: bool, change: impl FnOnce(&mut Incident) -> bool) {
        let now = platform::now();
        let mut changed = false;
        self.incidents.update_untracked(|all| {
            if let Some(incident) = all.iter_mut().find(|i| i.id == id) {
                changed = change(incident);
                if changed && touch {
                    incident.updated_at = now.max(incident.updated_at);
                }
            }
        });
        if changed {
            self.incidents.notify();
            self.mark_dirty(id);
            // A failure stays on screen until a save succeeds, rather than flickering per key.
            if !matches!(self.save_state.get_untracked(), SaveState::Failed(_)) {
                self.set_state(SaveState::Pending);
            }
            self.schedule();
        }
    }

    pub fn delete(&self, id: IncidentId) {
        let Some(position) = self
            .incidents
            .with_untracked(|all| all.iter().position(|i| i.id == id))
        else {
            return;
        };
        match self.access.get_value() {
            Ok(writer) => {
                let removed = LocalStore::open().and_then(|store| writer.delete(&store, id));
                if let Err(e) = removed {
                    self.set_state(SaveState::Failed(format!(
                        "Couldn't delete it: {e}. It is still here."
                    )));
                    return;
                }
            }
            // Stored by a newer version: removing it from view only would be a false promise.
            Err(reason @ ReadOnly::NewerStore { .. }) => {
                self.set_state(SaveState::Failed(format!(
                    "Couldn't delete it: {reason}. It is still here."
                )));
                return;
            }
            // Nothing can be stored at all, so it only ever lived in this tab.
            Err(ReadOnly::Storage(_)) => {}
        }
        self.dirty.update_value(|dirty| {
            dirty.remove(&id);
        });
        let mut incident = None;
        self.incidents
            .update(|all| incident = Some(all.remove(position)));
        self.undo.set(incident.map(|incident| Undo::Incident {
            incident: Box::new(incident),
            position,
        }));
    }

    /// Offers Undo for an entry just removed from a list.
    pub fn offer_undo(&self, undo: Undo) {
        self.undo.set(Some(undo));
    }

    /// Puts the last removed thing back where it was, as it was. Returns the incident.
    pub fn undo(&self) -> Option<IncidentId> {
        let undo = self.undo.get_untracked()?;
        self.undo.set(None);
        match undo {
            Undo::Incident { incident, position } => {
                let id = incident.id;
                self.incidents
                    .update(|all| all.insert(position.min(all.len()), *incident));
                self.mark_dirty(id);
                self.flush();
                Some(id)
            }
            Undo::Item {
                incident,
                removed,
                restore,
                ..
            } => {
                self.edit(incident, |i| restore(i, removed));
                Some(incident)
            }
        }
    }

    pub fn is_untouched(&self, id: IncidentId) -> bool {
        self.incidents
            .with_untracked(|all| all.iter().any(|i| i.id == id && i.is_untouched()))
    }

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
            Err(e) => return self.not_saved(e),
        };
        let mut failure = None;
        self.incidents.with_untracked(|all| {
            for incident in all.iter().filter(|i| dirty.contains(&i.id)) {
                let _span = perf::Span::start("mend:save", "mend:save:start");
                match writer.save(&store, incident) {
                    Ok(()) => self.dirty.update_value(|d| {
                        d.remove(&incident.id);
                    }),
                    Err(e) => failure = Some(e),
                }
            }
        });
        match failure {
            None => self.set_state(SaveState::Saved),
            Some(e) => self.not_saved(e),
        }
    }

    /// Why this session cannot write at all, if it cannot.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.access.get_value().err()
    }

    /// Failed saves stay queued and are tried again with the next change or flush.
    fn not_saved(&self, reason: impl std::fmt::Display) {
        self.set_state(SaveState::Failed(format!(
            "Not saved: {reason}. What you typed is still here."
        )));
    }

    /// Sets the state only when it changes, so an alert is not announced again for nothing.
    fn set_state(&self, state: SaveState) {
        if self.save_state.with_untracked(|current| *current != state) {
            self.save_state.set(state);
        }
    }

    fn mark_dirty(&self, id: IncidentId) {
        self.dirty.update_value(|dirty| {
            dirty.insert(id);
        });
    }

    /// Saves 250 ms after the last change, or at once if changes have waited too long.
    fn schedule(&self) {
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
}

/// Everything in localStorage, or nothing (with the reason) when it can't be opened.
fn load() -> Loaded {
    let _span = perf::Span::start("mend:load", "mend:load:start");
    match LocalStore::open() {
        Ok(store) => persist::load(&store),
        Err(e) => Loaded {
            incidents: Vec::new(),
            unreadable: Vec::new(),
            settings: Settings::default(),
            writer: Err(ReadOnly::Storage(e)),
        },
    }
}
