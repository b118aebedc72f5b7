//! The incident on screen: a small `Copy` handle that reads and edits it in the library.

use leptos::prelude::*;

use crate::model::{Incident, IncidentId};
use crate::ui::state::library::{position, Library};

#[derive(Clone, Copy)]
pub struct Current {
    pub id: IncidentId,
    library: Library,
    /// The library's incidents, or for a form built off the page (`ui::warm_up`) a copy of
    /// one under an id the library doesn't hold, so that its changes go nowhere.
    incidents: RwSignal<Vec<Incident>>,
    /// Where the incident was last found, so reads don't search the whole list each time.
    index: StoredValue<usize>,
}

impl Current {
    pub fn new(id: IncidentId, library: Library) -> Self {
        Self {
            id,
            library,
            incidents: library.incidents,
            index: StoredValue::new(0),
        }
    }

    /// `incident` alone, read as if it were in the library and changed nowhere.
    pub fn detached(incident: Incident, library: Library) -> Self {
        Self {
            id: incident.id,
            library,
            incidents: RwSignal::new(vec![incident]),
            index: StoredValue::new(0),
        }
    }

    // Not generic, so the search is built once rather than for every read.
    fn find(&self, all: &[Incident]) -> Option<usize> {
        let hint = self.index.get_value();
        if all.get(hint).is_some_and(|i| i.id == self.id) {
            return Some(hint);
        }
        let at = position(all, self.id)?;
        self.index.set_value(at);
        Some(at)
    }

    /// Reads the incident, tracking its own changes (not other incidents' edits); `None`
    /// once it is gone.
    pub fn read<R>(&self, read: impl FnOnce(&Incident) -> R) -> Option<R> {
        self.track();
        self.read_untracked(read)
    }

    /// Whether this is a copy built off the page (`detached`), not one of the library's.
    pub fn is_detached(&self) -> bool {
        self.incidents != self.library.incidents
    }

    // Not generic, so it is built once rather than for every read. A detached copy never
    // changes, so it is not tracked.
    fn track(&self) {
        if !self.is_detached() {
            self.library.track(self.id);
            self.incidents.track();
        }
    }

    pub fn read_untracked<R>(&self, read: impl FnOnce(&Incident) -> R) -> Option<R> {
        self.incidents
            .with_untracked(|all| self.find(all).map(|at| read(&all[at])))
    }

    /// The user's own change: saved, and it moves "last changed".
    pub fn edit(&self, change: impl FnOnce(&mut Incident)) {
        self.library.edit(self.id, change);
    }

    /// The user's own change that may turn out to change nothing (moving the first entry up).
    pub fn edit_if(&self, change: impl FnOnce(&mut Incident) -> bool) {
        self.library.change(self.id, true, change);
    }

    /// A change that is not the user's writing (seeding a list, archiving): saved only if
    /// `change` reports it changed something.
    pub fn adjust(&self, change: impl FnOnce(&mut Incident) -> bool) {
        self.library.change(self.id, false, change);
    }

    /// A change no view shows, kept for the next save (`Library::remember`).
    pub fn remember(&self, change: impl FnOnce(&mut Incident) -> bool) {
        self.library.remember(self.id, change);
    }

    pub fn library(&self) -> Library {
        self.library
    }
}
