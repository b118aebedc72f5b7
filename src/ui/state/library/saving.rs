//! The save path's timing: debounced writes while typing, at once when asked, failed saves
//! retried once there may be room, and Undo of a delete written back. What is written and
//! how another tab's change is merged is `persist::session`'s.

use std::time::Duration;

use leptos::prelude::*;

use super::{Library, NotSaved, SaveState, MAX_UNSAVED_MS, RETRY_DELAY, SAVE_DELAY};
use crate::browser::{perf, platform};
use crate::model::Incident;
use crate::persist::{Flushed, Session, Undone};

impl Library {
    /// Writes every changed incident now. Failed ones stay queued for the next attempt.
    pub fn flush(&self) {
        self.flush_then(|| ());
    }

    /// Writes every changed incident now, then calls `then` (at once when the lock is off;
    /// once their envelopes are made and written when it is open).
    pub fn flush_then(&self, then: impl FnOnce() + 'static) {
        self.flush_then_boxed(Box::new(then));
    }

    // Not generic, so the save is built once rather than for every caller's `then`.
    fn flush_then_boxed(&self, then: Box<dyn FnOnce()>) {
        // Gone (the lock screen replaced the app): a late timer finds nothing to do.
        let Some(waiting) = self.session.try_with_value(Session::is_waiting) else {
            return;
        };
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        self.unsaved_since.set_value(None);
        if !waiting {
            then();
            return;
        }
        let _span = perf::Span::start("mend:save", "mend:save:start");
        let library = *self;
        self.sealed(
            Library::waiting_texts,
            |library| {
                let flushed = library.with_session(|s, all, kv| s.flush(kv, all));
                // Merges from another tab show at once, whichever round this is.
                flushed.map(|Flushed { outcome, result }| {
                    library.show(outcome);
                    result
                })
            },
            move |result| {
                if let Some(result) = result {
                    library.saved(result);
                }
                then();
            },
        );
    }

    /// Shows how a save went, and tries a failed one again later.
    fn saved(&self, result: Result<bool, crate::persist::SaveProblem>) {
        match result {
            Ok(false) => {}
            Ok(true) => {
                self.set_state(SaveState::Saved);
                self.trouble.set(None);
            }
            // Its envelopes are still being made: tried again soon, with nothing shown.
            Err(problem) if problem.is_sealing() => self.retry_later(),
            Err(problem) => {
                let may_pass = problem.may_pass();
                if may_pass {
                    // The list's index is only a cache: its room goes to the record.
                    self.drop_index();
                }
                self.set_state(SaveState::Failed(NotSaved(problem)));
                if may_pass {
                    self.retry_later();
                }
            }
        }
    }

    /// Tries a failed save again once storage may have room: right after a delete here, or
    /// any change another tab makes. Nothing happens while nothing waits.
    pub(super) fn retry_now(&self) {
        let waiting = self.session.with_value(Session::is_waiting);
        if waiting && matches!(self.save_state.get_untracked(), SaveState::Failed(_)) {
            self.flush();
        }
    }

    /// Tries the failed save again shortly, and so on until it goes through: room can be
    /// made where no event reports it (this tab's own code, or the browser).
    fn retry_later(&self) {
        if self.timer.with_value(Option::is_some) {
            return;
        }
        let library = *self;
        if let Ok(handle) = set_timeout_with_handle(move || library.flush(), RETRY_DELAY) {
            self.timer.set_value(Some(handle));
        }
    }

    /// Saves 250 ms after the last change, or soon if changes have waited too long.
    pub(super) fn schedule(&self) {
        let now = platform::now();
        let since = self.unsaved_since.get_value().unwrap_or(now);
        self.unsaved_since.set_value(Some(since));
        if now.millis() - since.millis() >= MAX_UNSAVED_MS {
            self.save_in_two();
            return;
        }
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        let library = *self;
        match set_timeout_with_handle(move || library.save_in_two(), SAVE_DELAY) {
            Ok(handle) => self.timer.set_value(Some(handle)),
            Err(_) => self.flush(),
        }
    }

    /// A save in two tasks: the waiting incidents are encoded in this one and written in the
    /// next, where one task did both (at the import's limits, 70 and 86 ms at 4x CPU
    /// slowdown). A change in between drops its text, and the write encodes it again. With
    /// the lock open, the write seals these same texts first.
    fn save_in_two(&self) {
        let span = perf::Span::start("mend:encode", "mend:encode:start");
        let encoded = self
            .session
            .try_update_value(|s| self.incidents.with_untracked(|all| s.prepare(all)))
            .unwrap_or(false);
        drop(span);
        if !encoded {
            self.flush();
            return;
        }
        // Not the save timer: a keystroke meanwhile must not put the write off again.
        let library = *self;
        if set_timeout_with_handle(move || library.flush(), Duration::ZERO).is_err() {
            self.flush();
        }
    }

    /// Brings a deleted incident back, but never as a second copy, and never over a newer
    /// version another tab kept and saved since the delete: that one comes back instead.
    pub(super) fn restore(&self, deleted: Incident, position: usize) {
        let text = crate::persist::codec::encode(&deleted);
        let library = *self;
        self.sealed(
            move |_| vec![text.clone()],
            move |library| {
                let deleted = deleted.clone();
                library.with_session(|s, all, kv| s.restore(kv, all, deleted, position))
            },
            move |undone| library.restored(undone),
        );
    }

    fn restored(&self, undone: Option<Result<Undone, crate::persist::SaveProblem>>) {
        match undone {
            Some(Ok(Undone::Stored)) => {
                self.incidents.notify();
                self.set_state(SaveState::Saved);
            }
            Some(Ok(Undone::Waiting)) => {
                self.incidents.notify();
                self.flush();
            }
            Some(Err(e)) => self
                .trouble
                .set(Some(format!("Couldn't bring it back: {e}."))),
            Some(Ok(Undone::AlreadyHere)) | None => {}
        }
    }
}
