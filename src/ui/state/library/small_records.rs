//! The settings and the pre-flight checklist: each applied in this tab at once and saved as
//! one small record through the same sealed write as an incident; when storage is full, the
//! list's index gives its room first; a failed save is shown as trouble, and the change still
//! applies until Mend is closed.

use leptos::prelude::*;

use super::{once, Library};
use crate::model::preflight::Checklist;
use crate::model::Settings;
use crate::persist::{self, KeyValue, SaveProblem, Session};
use crate::ui::state::vault;

impl Library {
    /// Applies and saves a change to the settings. If saving fails it still applies in this tab.
    pub fn change_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.change_settings_with(&mut once(change));
    }

    // Not generic, so saving them is built once rather than for every setting.
    fn change_settings_with(&self, change: &mut dyn FnMut(&mut Settings)) {
        self.settings.update(change);
        let settings = self.settings.get_untracked();
        vault::set_theme(settings.theme);
        self.save_small(
            persist::settings::encode(&settings),
            Box::new(move |s, kv| s.save_settings(kv, &settings)),
            "Setting not saved",
            "It applies until Mend is closed.",
        );
    }

    /// Applies and saves a change to the checklist; false when nothing changed. If saving
    /// fails it still applies in this tab, and the trouble notice says so.
    pub fn change_checklist(&self, change: impl FnOnce(&mut Checklist)) -> bool {
        self.change_checklist_with(&mut once(change))
    }

    // Not generic, so saving it is built once rather than for every kind of change.
    fn change_checklist_with(&self, change: &mut dyn FnMut(&mut Checklist)) -> bool {
        let before = self.checklist.get_untracked();
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return false;
        }
        self.checklist.set(after.clone());
        self.save_small(
            persist::checklist::encode(&after),
            Box::new(move |s, kv| s.save_checklist(kv, &after)),
            "Checklist not saved",
            "The change stays until Mend is closed.",
        );
        true
    }

    /// Writes one small record (`text`, which `save` stores) through the sealed write, and
    /// shows a failure as trouble: "{not_saved}: {reason}. {still}".
    fn save_small(
        &self,
        text: String,
        save: SmallSave,
        not_saved: &'static str,
        still: &'static str,
    ) {
        let library = *self;
        self.sealed(
            move |_| vec![text],
            move |library| {
                let write = || {
                    library
                        .with_session(|s, _, kv| save(s, kv))
                        .unwrap_or(Ok(()))
                };
                match write() {
                    // The list's index is only a cache: its room goes to the record.
                    Err(problem) if problem.is_full() => {
                        library.drop_index();
                        write()
                    }
                    done => done,
                }
            },
            move |saved| {
                library.trouble.set(
                    saved
                        .err()
                        .filter(|e| !e.is_sealing())
                        .map(|reason| format!("{not_saved}: {reason}. {still}")),
                )
            },
        );
    }
}

/// How one small record is stored, given the save session and the store.
type SmallSave = Box<dyn Fn(&mut Session, &dyn KeyValue) -> Result<(), SaveProblem>>;
