//! Another tab's changes: routing the `storage` event to the session (which merges them,
//! see `persist::session`), and putting back what something else emptied.

use leptos::prelude::*;

use super::{sealing, Library, PutBackFailed, SaveState};
use crate::model::IncidentId;
use crate::persist::repo::unknown_key;
use crate::persist::{self, codec, Session, StorageKey, Unreadable};

impl Library {
    /// Follows a change another tab made to Mend's storage (the `storage` event), given the
    /// key (`None` when all of storage was cleared) and the value before and after.
    pub fn on_storage(&self, key: Option<&str>, old: Option<String>, new: Option<String>) {
        // Still reading: `ui::opening` reads everything again if another tab changed any of it.
        if self.preview.with_untracked(Option::is_some) {
            return;
        }
        if let Some(key) = key.filter(|_| sealing::needs_opening(&old, &new)) {
            self.on_sealed_storage(key.to_owned(), old, new);
            return;
        }
        match key {
            Some(key) => self.on_key(key, old, new),
            None => self.on_cleared(),
        }
        // Whatever changed, there may be room now for a save that failed.
        self.retry_now();
    }

    fn on_key(&self, key: &str, old: Option<String>, new: Option<String>) {
        match StorageKey::owned(key) {
            Some(StorageKey::Incident(id)) => {
                self.run(|s, all, _| s.on_event(all, id, old.as_deref(), new));
            }
            Some(StorageKey::Settings) => {
                if let Some(settings) = new.and_then(|raw| persist::settings::decode(&raw).ok()) {
                    self.settings.set(settings);
                }
            }
            Some(StorageKey::Checklist) => {
                if let Some(list) = new.and_then(|raw| persist::checklist::decode(&raw).ok()) {
                    self.checklist.set(list);
                }
            }
            Some(StorageKey::Meta) => {
                let newer = new
                    .and_then(|raw| codec::schema_version(&raw).ok())
                    .filter(|found| *found > u64::from(codec::STORE_VERSION));
                if let Some(found) = newer {
                    self.session.update_value(|s| s.newer_store(found));
                    self.save_state.notify();
                }
            }
            // Listed like at start-up, so no key of Mend's is ever hidden.
            Some(key @ StorageKey::Unknown(_)) => self.unreadable.update(|list| {
                list.retain(|u| u.key != key);
                if let (Some(raw), StorageKey::Unknown(name)) = (new, &key) {
                    let reason = unknown_key(name);
                    list.push(Unreadable { key, raw, reason });
                }
            }),
            // The lock's own changes are followed by the app (see `lock_gate`).
            // Another tab's index is a cache of what this tab holds too.
            Some(StorageKey::Lock | StorageKey::Index) | None => {}
        }
    }

    /// Something emptied all of storage (`localStorage.clear()` on another page of this
    /// site). This tab may hold the last copy: it keeps showing it, says so, and offers to
    /// put it back.
    fn on_cleared(&self) {
        let gone = self.with_session(|s, all, kv| s.on_cleared(kv, all));
        let checklist = self.checklist.with_untracked(|c| !c.items.is_empty());
        match gone {
            Some(gone @ 1..) => self.emptied.set(Some(gone)),
            Some(0) if checklist => self.emptied.set(Some(0)),
            _ => {}
        }
    }

    /// Writes back what this tab holds wherever storage is empty now. On failure nothing is
    /// written.
    pub fn put_back(&self, done: impl FnOnce(Result<(), PutBackFailed>) + 'static) {
        let settings = self.settings.get_untracked();
        let checklist = self.checklist.get_untracked();
        let mut texts: Vec<String> = self
            .incidents
            .with_untracked(|all| all.iter().map(codec::encode).collect());
        texts.push(persist::settings::encode(&settings));
        texts.push(persist::checklist::encode(&checklist));
        let library = *self;
        self.sealed(
            move |_| texts,
            move |library| {
                let written = library.with_session(|s, all, kv| {
                    library.unreadable.with_untracked(|unreadable| {
                        s.put_back(kv, all, &settings, &checklist, unreadable)
                    })
                });
                written.unwrap_or(Ok(()))
            },
            move |written| {
                done(
                    written
                        .map_err(PutBackFailed::from)
                        .map(|()| library.put_back_done()),
                )
            },
        );
    }

    fn put_back_done(&self) {
        self.emptied.set(None);
        // Edits still waiting go on top of what is back.
        self.flush();
        if !self.session.with_value(Session::is_waiting) {
            self.set_state(SaveState::Saved);
        }
    }

    /// Reads these incidents as storage holds them now, and takes in any change another
    /// tab made whose event has not arrived yet (browsers pass them on lazily).
    pub fn pull(&self, ids: &[IncidentId]) {
        self.run(|s, all, kv| s.pull(kv, all, ids));
    }
}
