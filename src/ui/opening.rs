//! Reading storage before the workspace opens. A small store is read at once and the
//! workspace drawn in the same task, as it always was. A large one is read in steps of a
//! few hundred records, each in a task of its own, so that the page never stops answering for
//! the whole read; the HTML shell ("Opening…") stays until the workspace is drawn.

use leptos::prelude::*;

use crate::browser::{local_storage, page, perf, tasks};
use crate::persist::repo::Loading;
use crate::persist::{self, Loaded, StorageKey};
use crate::ui::app::Workspace;
use crate::ui::state::lock_gate::LockGate;
use crate::ui::state::vault;

/// Incident records read in each task: about 12 ms on a desktop, 50 on a slow phone.
const STEP: usize = 150;

#[component]
pub fn Opening() -> impl IntoView {
    let gate = expect_context::<LockGate>();
    let span = perf::Span::start("mend:load", "mend:load:start");
    let mut loading = vault::with_store(Loading::start);
    let done = read_step(&mut loading);
    // The colours the person chose (read first), before anything is drawn in them.
    page::set_theme(loading.settings().theme.attribute());
    let loaded = StoredValue::new(None::<Loaded>);
    let ready = RwSignal::new(false);
    if done {
        drop(span);
        loaded.set_value(Some(loading.finish()));
        ready.set(true);
    } else {
        // A record another tab writes meanwhile may already have been read: then the whole
        // store is read again at the end, at once, as it is at every start of a small store.
        let changed = StoredValue::new(false);
        local_storage::on_change_elsewhere(move |key, _, _| {
            if key.and_then(StorageKey::owned).is_some() {
                changed.set_value(true);
            }
        });
        leptos::task::spawn_local(async move {
            let mut done = false;
            while !done {
                tasks::sleep(0).await;
                // Locked meanwhile: the lock screen has taken over, and this read is dropped.
                if gate.locked.get_untracked() {
                    return;
                }
                done = read_step(&mut loading);
            }
            // Gone if the lock came down and went up again meanwhile: a new read has begun.
            let Some(changed) = changed.try_get_value() else {
                return;
            };
            let read = if changed {
                vault::with_store(persist::load)
            } else {
                loading.finish()
            };
            drop(span);
            if loaded.try_set_value(Some(read)).is_none() {
                ready.try_set(true);
            }
        });
    }
    move || {
        ready
            .get()
            .then(|| loaded.try_update_value(Option::take).flatten())
            .flatten()
            .map(|loaded| view! { <Workspace loaded/> })
    }
}

/// One step of the read, through whatever store is open now (plain, or the lock's).
fn read_step(loading: &mut Loading) -> bool {
    vault::with_store(|kv| loading.step(kv, STEP))
}
