//! Writes while the passphrase lock is open: their envelopes are made (async) just before
//! the write, which then runs as it does unlocked. Another tab's envelopes are opened before
//! its change is followed.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Library;
use crate::persist::{codec, StorageKey};
use crate::ui::state::vault;

/// A write that still misses envelopes after this many rounds waits for the next save.
const ROUNDS: usize = 4;

/// One round of a sealed write: given whether it is the last round, says whether it is done.
type Round = Box<dyn Fn(&Library, bool) -> bool>;

impl Library {
    /// Runs `write` and hands its result to `done`. While the lock is open, the texts from
    /// `ahead` are sealed first, and any further text the write needed (another tab's
    /// change merged in meanwhile) is sealed before it runs again; a write that misses one
    /// changes nothing, so running it again is safe. Once locked, nothing runs.
    pub(super) fn sealed<R: 'static>(
        &self,
        ahead: impl FnOnce(&Library) -> Vec<String>,
        write: impl Fn(&Library) -> R + 'static,
        done: impl FnOnce(R) + 'static,
    ) {
        if !vault::is_open() {
            done(write(self));
            return;
        }
        let mut texts = ahead(self);
        texts.push(codec::encode_meta());
        let done = Cell::new(Some(done));
        self.sealed_rounds(
            texts,
            Box::new(move |library, last| {
                let result = write(library);
                let again = !last && vault::missed();
                if !again {
                    if let Some(done) = done.take() {
                        done(result);
                    }
                }
                !again
            }),
        );
    }

    /// The rounds of `sealed`, built once rather than for every kind of write: `write` says
    /// whether it is done (it had every envelope, or this was the last round).
    fn sealed_rounds(&self, texts: Vec<String>, write: Round) {
        let library = *self;
        spawn_local(async move {
            vault::seal_ahead(texts).await;
            for round in 1..=ROUNDS {
                if !vault::is_open() {
                    return;
                }
                let finished = write(&library, round == ROUNDS);
                let wanted = vault::take_wanted();
                if finished {
                    return;
                }
                vault::seal_ahead(wanted).await;
            }
        });
    }

    /// The text each incident waiting to be saved will be written as, made now so that
    /// the write after sealing needn't encode it again.
    pub(super) fn waiting_texts(&self) -> Vec<String> {
        self.session
            .try_update_value(|s| {
                self.incidents.with_untracked(|all| s.prepare(all));
                s.ready_texts()
            })
            .unwrap_or_default()
    }

    /// Another tab's change while the lock is open: its envelopes are opened (and noted, so
    /// this tab can write that key again) before the change is followed as usual.
    pub(super) fn on_sealed_storage(&self, key: String, old: Option<String>, new: Option<String>) {
        let library = *self;
        spawn_local(async move {
            let opened_old = match old {
                Some(raw) => vault::open_text(raw).await,
                None => None,
            };
            let opened_new = match new.clone() {
                Some(raw) => match vault::open_text(raw).await {
                    Some(plain) => Some(plain),
                    // Damaged or not this key's: followed as it is, and listed unreadable.
                    None => new.clone(),
                },
                None => None,
            };
            if let (Some(name), Some(raw), Some(plain)) =
                (StorageKey::owned(&key), new, opened_new.clone())
            {
                vault::knows(&name, raw, plain);
            }
            if vault::is_open() {
                library.on_storage(Some(&key), opened_old, opened_new);
            }
        });
    }
}

/// Whether a value from another tab needs opening first.
pub(super) fn needs_opening(old: &Option<String>, new: &Option<String>) -> bool {
    vault::is_open()
        && [old, new]
            .into_iter()
            .flatten()
            .any(|raw| crate::persist::envelope::is_sealed(raw))
}
