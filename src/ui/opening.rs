//! Reading storage before the workspace opens: a small store at once, a large one in steps of
//! a few hundred records, each in a task of its own, and the workspace drawn in one more, so
//! that the page never stops answering for the whole read and the drawing. The HTML shell
//! ("Opening…") stays until the workspace has drawn its first screen.
//!
//! A large store with the list's index (`persist::index`) opens on the list at once, drawn
//! from the index, and the records are read in the steps after it (`Library::complete`).

use leptos::prelude::*;

use crate::browser::{local_storage, page, perf, tasks};
use crate::model::list_row::ListRow;
use crate::persist::repo::Loading;
use crate::persist::{index, Loaded, StorageKey};
use crate::ui::app::Workspace;
use crate::ui::context;
use crate::ui::state::library::{self, Library};
use crate::ui::state::lock_gate::LockGate;
use crate::ui::state::vault;

/// Records read in the first task, with the lock check: about 5 ms on a desktop. A store
/// with more opens from its index, when it has one.
const FIRST: usize = index::KEPT_ABOVE;
/// Records read in each later task: about 25 ms on a desktop, 100 on a slow phone.
const STEP: usize = 300;

#[component]
pub fn Opening() -> impl IntoView {
    let gate = context::needed::<LockGate>();
    // Everything read before the list is drawn; `mend:load` is every record.
    let before_list = perf::Span::start("mend:list-read", "mend:list-read:start");
    let span = perf::Span::start("mend:load", "mend:load:start");
    let mut loading = vault::with_store(Loading::glance);
    // The colours the person chose (read first), before anything is drawn in them.
    page::set_theme(loading.settings().theme.attribute());
    let early = preview(&loading).map(|rows| Library::open(loading.early(), Some(rows)));
    // Listing the keys waits too, when the list is drawn from the index.
    if early.is_none() {
        vault::with_store(|kv| loading.list(kv));
    }
    let mut before_list = early.is_none().then_some(before_list);
    let done = early.is_none() && read_step(&mut loading, FIRST);
    // `mend:load` ends with the last step, not with the wait before drawing.
    let mut span = (!done).then_some(span);
    let loaded = StoredValue::new(None::<Loaded>);
    let ready = RwSignal::new(early.is_some());
    // A record another tab writes meanwhile may already have been read: then the whole store
    // is read again at the end, at once, in the task that draws the workspace.
    let changed = StoredValue::new(false);
    // Only while reading: the workspace listens for itself.
    let watching = Owner::new();
    watching.with(|| {
        local_storage::on_change_elsewhere(move |key, _, _| {
            let key = key.and_then(StorageKey::owned);
            if key.is_some_and(|key| key != StorageKey::Index) {
                changed.set_value(true);
            }
        })
    });
    leptos::task::spawn_local(async move {
        // Drawn from the index: the list's first screen (a task later) and its paint come
        // before the records are read.
        if early.is_some() {
            tasks::sleep(0).await;
            tasks::after_next_frame().await;
            vault::with_store(|kv| loading.list(kv));
        }
        // The workspace is drawn in a task of its own after the last step, so the last pass
        // through the loop only waits.
        let mut done = done;
        loop {
            tasks::sleep(0).await;
            // Locked meanwhile: the lock screen has taken over, and this read is dropped.
            if gate.locked.get_untracked() {
                return;
            }
            if done {
                break;
            }
            done = read_step(&mut loading, STEP);
            if done {
                span.take();
            }
        }
        // Gone if the lock came down and went up again meanwhile: a new read has begun.
        let Some(changed) = changed.try_get_value() else {
            return;
        };
        watching.cleanup();
        let read = if changed {
            library::load()
        } else {
            loading.finish()
        };
        before_list.take();
        match early {
            Some(library) => library.complete(read),
            None => {
                if loaded.try_set_value(Some(read)).is_none() {
                    ready.try_set(true);
                }
            }
        }
        perf::mark("mend:all-read");
    });
    move || {
        ready.get().then(|| {
            let library = early.or_else(|| {
                let loaded = loaded.try_update_value(Option::take).flatten()?;
                Some(Library::open(loaded, None))
            })?;
            Some(view! { <Workspace library/> })
        })
    }
}

/// The list's rows from its index, when there is one, readable, of a store too large to read
/// before drawing, and in the titles the settings call for. Never with the lock open: its
/// records are read from memory already.
fn preview(loading: &Loading) -> Option<Vec<ListRow>> {
    if vault::is_open() {
        return None;
    }
    let index = vault::with_store(index::read)?;
    (index.rows.len() > index::KEPT_ABOVE && index.discreet == loading.settings().discreet)
        .then_some(index.rows)
}

/// One step of the read, through whatever store is open now (plain, or the lock's).
fn read_step(loading: &mut Loading, count: usize) -> bool {
    vault::with_store(|kv| loading.step(kv, count))
}
