//! How views read the incidents: all of them, or one through its own handle, keyed by its
//! id, so that an edit wakes only the views of that incident and of all incidents.

use leptos::prelude::*;

use super::Library;
use crate::model::{Incident, IncidentId};

impl Library {
    /// Reads every incident, tracking any change to any of them.
    pub fn with_all<R>(&self, read: impl FnOnce(&[Incident]) -> R) -> R {
        self.track_all();
        self.incidents.with_untracked(|all| read(all))
    }

    pub fn with_all_untracked<R>(&self, read: impl FnOnce(&[Incident]) -> R) -> R {
        self.incidents.with_untracked(|all| read(all))
    }

    /// `with_all_untracked`, or `None` once the library is gone (the lock screen replaced it).
    pub fn try_with_all_untracked<R>(&self, read: impl FnOnce(&[Incident]) -> R) -> Option<R> {
        self.incidents.try_with_untracked(|all| read(all))
    }

    /// Reads one incident beside the whole list (which its shown title may need), tracking
    /// that incident and which incidents there are, not the others' edits. `None` once gone.
    pub fn with_incident<R>(
        &self,
        id: IncidentId,
        read: impl FnOnce(&[Incident], &Incident) -> R,
    ) -> Option<R> {
        self.track(id);
        self.incidents
            .with(|all| position(all, id).map(|at| read(all, &all[at])))
    }

    pub fn with_incident_untracked<R>(
        &self,
        id: IncidentId,
        read: impl FnOnce(&Incident) -> R,
    ) -> Option<R> {
        self.incidents
            .with_untracked(|all| position(all, id).map(|at| read(&all[at])))
    }

    /// Subscribes the running view to this incident's edits. Not inlined into the many
    /// generic readers that call it.
    #[inline(never)]
    pub(in crate::ui::state) fn track(&self, id: IncidentId) {
        self.handles
            .update_value(|handles| match handles.iter().find(|(key, _)| *key == id) {
                Some((_, handle)) => handle.track(),
                None => {
                    let handle = ArcRwSignal::new(false);
                    handle.track();
                    handles.push((id, handle));
                }
            });
    }

    #[inline(never)]
    fn track_all(&self) {
        self.edited.track();
        self.incidents.track();
    }

    /// Wakes the views of this incident, and views of them all, after an edit of it alone.
    pub(super) fn notify_edited(&self, id: IncidentId) {
        let handle = self.handles.with_value(|handles| {
            handles
                .iter()
                .find(|(key, _)| *key == id)
                .map(|(_, handle)| handle.clone())
        });
        if let Some(handle) = handle {
            handle.notify();
        }
        self.edited.notify();
    }
}

/// Where the incident is in the list: the one search by id over all incidents.
pub(in crate::ui::state) fn position(all: &[Incident], id: IncidentId) -> Option<usize> {
    all.iter().position(|i| i.id == id)
}
