//! Reading storage before the workspace opens: a small store at once, a large one in steps of
//! a few hundred records, each in a task of its own, and the workspace drawn in one more, so
//! that the page never stops answering for the whole read and the drawing. The HTML shell
//! ("Opening…") stays until the workspace has drawn its first screen.

use leptos::prelude::*;

use crate::browser::{local_storage, page, perf, tasks};
use crate::persist::repo::Loading;
use crate::persist::{Loaded, StorageKey};
use crate::ui::app::Workspace;
use crate::ui::context;
use crate::ui::state::library;
use crate::ui::state::lock_gate::LockGate;
use crate::ui::state::vault;

/// Records read in the first task, with the lock check: about 5 ms on a desktop.
const FIRST: usize = 50;
/// Records read in each later task: about 25 ms on a desktop, 100 on a slow phone.
const STEP: usize = 300;

#[component]
pub fn Opening() -> impl IntoView {
    let gate = context::needed::<LockGate>();
    let span = perf::Span::start("mend:load", "mend:load:start");
    let mut loading = vault::with_store(Loading::start);
    let done = read_step(&mut loading, FIRST);
    // `mend:load` ends with the last step, not with the wait before drawing.
    let mut span = (!done).then_some(span);
    // The colours the person chose (read first), before anything is drawn in them.
    page::set_theme(loading.settings().theme.attribute());
    let loaded = StoredValue::new(None::<Loaded>);
    let ready = RwSignal::new(false);
    // A record another tab writes meanwhile may already have been read: then the whole store
    // is read again at the end, at once, in the task that draws the workspace.
    let changed = StoredValue::new(false);
    // Only while reading: the workspace listens for itself.
    let watching = Owner::new();
    watching.with(|| {
        local_storage::on_change_elsewhere(move |key, _, _| {
            if key.and_then(StorageKey::owned).is_some() {
                changed.set_value(true);
            }
        })
    });
    leptos::task::spawn_local(async move {
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
        if loaded.try_set_value(Some(read)).is_none() {
            ready.try_set(true);
        }
    });
    move || {
        ready
            .get()
            .then(|| loaded.try_update_value(Option::take).flatten())
            .flatten()
            .map(|loaded| view! { <Workspace loaded/> })
    }
}

/// One step of the read, through whatever store is open now (plain, or the lock's).
fn read_step(loading: &mut Loading, count: usize) -> bool {
    vault::with_store(|kv| loading.step(kv, count))
}
