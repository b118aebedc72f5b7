//! An import written all at once (sealed first while the lock is open), then shown.

use std::rc::Rc;

use leptos::prelude::*;

use super::{ImportFailed, Library, Undo};
use crate::files::merge::Write;
use crate::model::Incident;
use crate::persist;

impl Library {
    /// Writes an import all at once, then shows it, and tells `done`. If it can't all be
    /// stored, nothing is written and nothing on screen changes.
    pub fn import(
        &self,
        writes: Vec<Write>,
        done: impl FnOnce(Result<(), ImportFailed>) + 'static,
    ) {
        // Edits still waiting to be saved go first, so storage matches the screen.
        self.flush();
        // The list's index is only a cache: its room goes to the import, near the browser's
        // quota, and it is written again when the page is hidden.
        self.drop_index();
        // Shared by the three steps below rather than copied: an import can hold 1,000
        // incidents, and the texts are only made when the lock needs them sealed.
        let writes = Rc::new(writes);
        let (to_seal, to_save) = (writes.clone(), writes.clone());
        let library = *self;
        self.sealed(
            move |_| {
                to_seal
                    .iter()
                    .map(|w| persist::codec::encode(w.incident()))
                    .collect()
            },
            move |library| {
                let incidents: Vec<&Incident> = to_save.iter().map(Write::incident).collect();
                library
                    .with_session(|s, _, kv| s.save_all(kv, &incidents))
                    .unwrap_or(Ok(()))
            },
            move |saved| {
                done(
                    saved
                        .map_err(ImportFailed::from)
                        .map(|()| library.show_import(&writes)),
                )
            },
        );
    }

    /// Shows an import just stored.
    fn show_import(&self, writes: &[Write]) {
        self.incidents.update(|all| {
            for write in writes {
                write.apply(all);
            }
        });
        // Undoing a delete must not bring back a second copy of an incident just imported.
        if self.undo.with_untracked(
            |u| matches!(u, Some(Undo::Incident { incident, .. }) if writes.iter().any(|w| w.incident().id == incident.id)),
        ) {
            self.undo.set(None);
        }
    }
}
