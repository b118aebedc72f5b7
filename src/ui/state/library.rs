//! The incidents and settings in memory, and the single path that saves them: debounced while
//! typing, flushed at once when the page is hidden or left. Clearing all data goes here too.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::{platform, storage_manager, LocalStore};
use crate::model::list_row::ListRow;
use crate::model::preflight::Checklist;
use crate::model::{Incident, IncidentId, Settings, Timestamp};
use crate::persist::{
    self, KeyValue, Loaded, Outcome, ReadOnly, Session, StorageError, Unreadable,
};
use crate::ui::form::Restore;
use crate::ui::state::vault;

/// How long after the last keystroke a save happens.
const SAVE_DELAY: Duration = Duration::from_millis(250);
/// Someone typing without a pause still gets a save at least this often (ms).
const MAX_UNSAVED_MS: i64 = 2_000;
/// While a save has failed for lack of room, it is tried again this often, in case room
/// was made where no event reports it.
const RETRY_DELAY: Duration = Duration::from_secs(1);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing has been changed yet.
    Idle,
    Pending,
    Saved,
    /// Typed text could not be saved. The text stays in memory and on screen, and this
    /// stays until it is saved.
    Failed(NotSaved),
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
        restore: Restore,
    },
}

pub use crate::persist::Clash;

mod failures;
mod importing;
mod list_index;
mod other_tabs;
mod reading;
mod saving;
mod sealing;
mod small_records;

pub use failures::{ImportFailed, NotSaved, PutBackFailed};
pub(in crate::ui::state) use reading::position;

/// A caller's change as the `FnMut` that a non-generic body (built once, not for every
/// caller) takes; it runs at most once.
fn once<T, R: Default>(change: impl FnOnce(&mut T) -> R) -> impl FnMut(&mut T) -> R {
    let mut change = Some(change);
    move |value| {
        change
            .take()
            .map(|change| change(value))
            .unwrap_or_default()
    }
}

/// A session call as `Library::lend_session` takes it.
type SessionCall<'a> = dyn FnMut(&mut Session, &mut Vec<Incident>, &dyn KeyValue) + 'a;

/// Shared through context; every field is a cheap `Copy` handle.
#[derive(Clone, Copy)]
pub struct Library {
    /// Every incident, in list order. Notified when incidents come or go, or when several
    /// change at once (an import, another tab); one incident's edit notifies only its own
    /// handle and `edited`. Read through `with_all`, `with_incident` or `Current`.
    pub(in crate::ui::state) incidents: RwSignal<Vec<Incident>>,
    /// Notified on every edit of any one incident, for views of them all (the list). Handles
    /// are signals of nothing (`bool`, never set) rather than triggers, whose code the
    /// wasm doesn't otherwise hold (about 350 bytes more).
    edited: RwSignal<bool>,
    /// Each incident's own handle, keyed by its id and made when first read: an edit wakes
    /// that incident's views only, so a keystroke costs the same at 10 or 1,000 incidents.
    /// Only incidents opened in this tab have one, a handful, so a short list is the map
    /// (a `HashMap` of them measured 1.7 kB more wasm).
    handles: StoredValue<Vec<(IncidentId, ArcRwSignal<bool>)>>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    pub save_state: RwSignal<SaveState>,
    pub undo: RwSignal<Option<Undo>>,
    /// Change through `change_settings`, which saves them.
    pub settings: RwSignal<Settings>,
    /// The pre-flight checklist. Change through `change_checklist`, which saves it.
    pub checklist: RwSignal<Checklist>,
    /// The latest clash with another tab, until dismissed.
    pub clash: RwSignal<Option<Clash>>,
    /// A failure that is not about unsaved text (a setting, a delete), shown beside that
    /// warning rather than instead of it.
    pub trouble: RwSignal<Option<String>>,
    /// How many incidents this tab holds that vanished when something else emptied
    /// Mend's storage (`localStorage.clear()`), until put back or dismissed; `Some(0)` when
    /// only the pre-flight checklist did.
    pub emptied: RwSignal<Option<usize>>,
    /// What waits to be written and what storage held when this tab last looked: the
    /// pure half of the save path (see `persist::session`).
    session: StoredValue<Session>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// When the oldest change not yet written was made.
    unsaved_since: StoredValue<Option<Timestamp>>,
    /// Whether this session has asked the browser to keep the data.
    asked_to_keep: StoredValue<bool>,
    /// The list's rows from its index while the records are still read (`ui::opening`),
    /// `None` once they are: until then nothing but the list is shown, and nothing is written.
    preview: RwSignal<Option<Vec<ListRow>>>,
    /// The fingerprint of the index's text as last read or written, `None` if unknown.
    index_print: StoredValue<Option<u64>>,
    /// Storage holds an index a newer Mend wrote: it is left alone.
    index_newer: StoredValue<bool>,
}

impl Library {
    /// Holds what was read from storage (`ui::opening`). Writing is only possible after this.
    /// With `preview`, the incidents are still being read and these are the list's rows
    /// until `complete` brings them.
    pub fn open(loaded: Loaded, preview: Option<Vec<ListRow>>) -> Self {
        let session = Session::new(&loaded);
        Self {
            incidents: RwSignal::new(loaded.incidents),
            edited: RwSignal::new(false),
            handles: StoredValue::new(Vec::new()),
            unreadable: RwSignal::new(loaded.unreadable),
            save_state: RwSignal::new(SaveState::Idle),
            undo: RwSignal::new(None),
            settings: RwSignal::new(loaded.settings),
            checklist: RwSignal::new(loaded.checklist),
            clash: RwSignal::new(None),
            trouble: RwSignal::new(None),
            emptied: RwSignal::new(None),
            session: StoredValue::new(session),
            timer: StoredValue::new(None),
            unsaved_since: StoredValue::new(None),
            asked_to_keep: StoredValue::new(false),
            preview: RwSignal::new(preview),
            index_print: StoredValue::new(None),
            index_newer: StoredValue::new(false),
        }
    }

    /// Takes in everything read from storage: once a start's read is done, or after
    /// clearing. The list is drawn from the records from now on.
    pub fn complete(&self, loaded: Loaded) {
        self.session.set_value(Session::new(&loaded));
        self.settings.set(loaded.settings);
        self.checklist.set(loaded.checklist);
        self.unreadable.set(loaded.unreadable);
        self.incidents.set(loaded.incidents);
        self.preview.set(None);
        self.index_print.set_value(None);
        self.index_newer.set_value(false);
    }

    pub fn create(&self) -> IncidentId {
        let incident = Incident::new(platform::new_incident_id(), platform::now());
        let id = incident.id;
        self.incidents.update(|all| all.push(incident));
        self.session.update_value(|s| s.created(id));
        // A new incident is saved at once, so a reload straight away still finds it.
        self.flush();
        // Now there is something worth keeping: ask the browser not to evict it.
        if !self.asked_to_keep.get_value() {
            self.asked_to_keep.set_value(true);
            storage_manager::ask_to_keep_data();
        }
        id
    }

    /// Deletes every record Mend keeps in this browser (`mend.*` keys only), then reloads
    /// memory from what is left, so the screen shows exactly what storage holds.
    pub fn clear_all(&self) -> Result<(), StorageError> {
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        self.unsaved_since.set_value(None);
        let cleared = LocalStore::open().and_then(|store| persist::clear_all(&store));
        // The lock record went with the rest: what is written from now on is plain.
        vault::set_off();
        // A store a newer version wrote is gone now, so this session may write again.
        self.complete(load());
        self.undo.set(None);
        self.trouble.set(None);
        self.emptied.set(None);
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
    /// archiving and seeding lists do not.
    pub fn change(&self, id: IncidentId, touch: bool, change: impl FnOnce(&mut Incident) -> bool) {
        self.change_with(id, touch, true, &mut once(change));
    }

    /// Keeps a change that no view shows and that needn't be written at once (the step on
    /// screen): it goes with the next save, or when the page is hidden or left. Written at
    /// once, it cost a write of the whole record at every change of step: at the import's
    /// limits a task of 90 to 250 ms at 4x CPU slowdown, just after the step opened.
    pub fn remember(&self, id: IncidentId, change: impl FnOnce(&mut Incident) -> bool) {
        self.change_with(id, false, false, &mut once(change));
    }

    // Not generic, so the save path is built once rather than for every kind of change.
    fn change_with(
        &self,
        id: IncidentId,
        touch: bool,
        save_soon: bool,
        change: &mut dyn FnMut(&mut Incident) -> bool,
    ) {
        let touched = touch.then(platform::now);
        let changed = self
            .session
            .try_update_value(|s| {
                self.incidents
                    .try_update_untracked(|all| s.change(all, id, touched, change))
            })
            .flatten()
            .unwrap_or(false);
        if changed && save_soon {
            self.notify_edited(id);
            // A failure stays on screen until a save succeeds, rather than flickering per key.
            if !matches!(self.save_state.get_untracked(), SaveState::Failed(_)) {
                self.set_state(SaveState::Pending);
            }
            self.schedule();
        }
    }

    pub fn delete(&self, id: IncidentId) {
        let Some(position) = self.incidents.with_untracked(|all| position(all, id)) else {
            return;
        };
        let removed = self
            .with_session(|s, _, kv| s.delete(kv, id))
            .unwrap_or(Ok(()));
        if let Err(e) = removed {
            self.trouble
                .set(Some(format!("Couldn't delete it: {e}. It is still here.")));
            return;
        }
        let mut incident = None;
        self.incidents
            .update(|all| incident = Some(all.remove(position)));
        self.undo.set(incident.map(|incident| Undo::Incident {
            incident: Box::new(incident),
            position,
        }));
        // The space it took may be what a failed save was waiting for.
        self.retry_now();
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
                self.restore(*incident, position);
                Some(id)
            }
            Undo::Item {
                incident, restore, ..
            } => {
                self.edit(incident, |i| restore(i));
                Some(incident)
            }
        }
    }

    pub fn is_untouched(&self, id: IncidentId) -> bool {
        self.with_incident_untracked(id, Incident::is_untouched)
            .unwrap_or(false)
    }

    /// Why this session cannot write at all, if it cannot.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.session.with_value(Session::read_only)
    }

    /// Sets the state only when it changes, so an alert is not announced again for nothing.
    fn set_state(&self, state: SaveState) {
        if self.save_state.with_untracked(|current| *current != state) {
            self.save_state.set(state);
        }
    }

    /// Lends the session the incidents (without notifying: `show` does that when they
    /// changed) and the store (see `vault::with_store`).
    /// `None` once the app is gone.
    fn with_session<R>(
        &self,
        call: impl FnOnce(&mut Session, &mut Vec<Incident>, &dyn KeyValue) -> R,
    ) -> Option<R> {
        let (mut call, mut out) = (Some(call), None);
        self.lend_session(&mut |s, all, kv| out = call.take().map(|call| call(s, all, kv)));
        out
    }

    /// What `with_session` does, in one copy: its callers' closures come in as `dyn`, so the
    /// borrowing isn't compiled again around each of them.
    fn lend_session(&self, call: &mut SessionCall<'_>) {
        vault::with_store(|kv| {
            self.session
                .try_update_value(|s| self.incidents.try_update_untracked(|all| call(s, all, kv)));
        });
    }

    /// Runs a session call, then shows what it did.
    fn run(&self, call: impl FnOnce(&mut Session, &mut Vec<Incident>, &dyn KeyValue) -> Outcome) {
        if let Some(outcome) = self.with_session(call) {
            self.show(outcome);
        }
    }

    /// Redraws, reports a clash and schedules a save, as a session call's outcome asks.
    fn show(&self, outcome: Outcome) {
        if outcome.changed {
            self.incidents.notify();
        }
        if let Some(clash) = outcome.clash {
            self.clash.set(Some(clash));
        }
        if outcome.save_soon {
            self.schedule();
        }
    }
}

/// Everything in storage (opened, while the lock is open), or nothing, with the reason,
/// when it can't be read. All at once, through whatever store is open now.
pub(crate) fn load() -> Loaded {
    vault::with_store(persist::load)
}
