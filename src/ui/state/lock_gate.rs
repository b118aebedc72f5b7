//! Whether this tab shows Mend or the lock screen, and the word to lock that reaches it from
//! another tab: locking there, or turning the lock on there.

use leptos::prelude::*;

use crate::browser::{local_storage, page};
use crate::persist::StorageKey;
use crate::ui::state::vault;

#[derive(Clone, Copy)]
pub struct LockGate {
    /// The lock screen is showing: the key and every opened record are gone from memory.
    pub locked: RwSignal<bool>,
    /// The lock is on (locked or open), so "Lock now" is offered.
    pub on: RwSignal<bool>,
    /// Bumped when this tab must lock once its waiting edits are saved (another tab turned
    /// the lock on); the open workspace does the saving, then locks.
    pub wanted: RwSignal<u32>,
}

impl LockGate {
    /// Reads the lock record, plain, before anything else: with one, Mend starts locked, in
    /// the colours the person chose.
    pub fn start() -> Self {
        let record = vault::stored_record();
        if let Some(Ok(record)) = &record {
            page::set_theme(record.theme.attribute());
        }
        if record.is_some() {
            vault::set_locked();
        }
        let gate = Self {
            locked: RwSignal::new(record.is_some()),
            on: RwSignal::new(record.is_some()),
            wanted: RwSignal::new(0),
        };
        local_storage::on_change_elsewhere(move |key, old, new| {
            if key.and_then(StorageKey::owned) == Some(StorageKey::Lock) {
                gate.changed_elsewhere(old.is_some(), new.is_some());
            }
        });
        gate
    }

    fn changed_elsewhere(&self, was: bool, is: bool) {
        match (was, is) {
            // Turned on in another tab: this one has no key, so it locks.
            (false, true) if !vault::is_open() => {
                self.on.set(true);
                self.wanted.update(|n| *n += 1);
            }
            // Turned off in another tab: every record is plain again.
            (true, false) => {
                vault::set_off();
                self.on.set(false);
                self.locked.set(false);
            }
            _ => {}
        }
    }

    /// Drops the key and every opened record, and shows the lock screen. Nothing while the
    /// lock is off.
    pub fn lock(&self) {
        if self.on.get_untracked() {
            vault::set_locked();
            self.locked.set(true);
        }
    }
}
