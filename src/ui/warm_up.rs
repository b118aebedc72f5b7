//! Warming up: the incident's frame and each step's form built once off the page, while the
//! browser is idle after the first screen is drawn, so that the first opening of an incident
//! or a step doesn't also compile its code.
//!
//! Chromium compiles a wasm function on the main thread the first time it runs (`ui/apart.rs`),
//! and about half of the first opening of an incident was that: 45 ms on a desktop and 166 at
//! 4x CPU slowdown, against 19 and 51 for the next one (`bench/first-open.mjs`); the first
//! click on "New incident" had a task over 50 ms. The forms are built from a copy of the
//! most recent incident under an id the library doesn't hold (`Current::detached`), so that
//! anything they would change goes nowhere, and dropped with everything they made.

use leptos::prelude::*;

use crate::browser::{perf, platform, tasks};
use crate::model::{Incident, Step};
use crate::ui::screens::incident_screen::warm_frame;
use crate::ui::state::current::Current;
use crate::ui::state::library::Library;
use crate::ui::steps::step_view;

/// Waits this long first, so that the first screen's own later tasks (the list's rows) and
/// its paint come before any of this.
const AFTER_MS: u32 = 300;

/// Builds the incident's frame and every step's form once, one in each idle moment: the
/// frame, then the most recent incident's step, then the rest. Call it in the workspace,
/// whose owner holds what the forms expect.
pub fn warm_up_steps(library: Library) {
    let Some(workspace) = Owner::current() else {
        return;
    };
    leptos::task::spawn_local(async move {
        tasks::sleep(AFTER_MS).await;
        let Some(recent) =
            library.try_with_all_untracked(|all| all.iter().max_by_key(|i| i.updated_at).cloned())
        else {
            return;
        };
        let mut sample =
            recent.unwrap_or_else(|| Incident::new(platform::new_incident_id(), platform::now()));
        sample.id = platform::new_incident_id();
        let first = sample.last_step;
        // The incident's frame (its heading, step links, Next and the actions) first: every
        // first opening draws it. Then the steps.
        let steps = std::iter::once(first).chain(Step::ALL.into_iter().filter(|s| *s != first));
        for part in std::iter::once(None).chain(steps.map(Some)) {
            tasks::idle(50).await;
            // Gone with the workspace (the lock screen replaced it): nothing left to warm.
            if library.try_with_all_untracked(|_| ()).is_none() {
                return;
            }
            // Everything the form made, its copy of the incident too, goes with its owner.
            let owner = workspace.with(Owner::new);
            owner.with(|| {
                let current = Current::detached(sample.clone(), library);
                provide_context(current);
                match part {
                    None => drop(warm_frame(current, first).build()),
                    Some(step) => drop(step_view(step).build()),
                }
            });
            owner.cleanup();
        }
        perf::mark("mend:warmed-up");
    });
}
