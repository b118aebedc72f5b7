//! How many rows of a long page to draw so far: a few in the task that opens it, more in each
//! later task, so that opening a screen never draws a whole page of rows in one task.

use leptos::prelude::*;

use crate::browser::tasks;

/// Rows to draw: `first` now, `more` added in each later task, and no cap at all once
/// `page` is reached (the page's own limit then applies). Setting it to `usize::MAX` draws
/// the rest at once.
pub fn drawn_in_steps(first: usize, more: usize, page: usize) -> RwSignal<usize> {
    let cap = RwSignal::new(first);
    leptos::task::spawn_local(async move {
        loop {
            tasks::sleep(0).await;
            // Gone with the screen that drew them.
            let Some(drawn) = cap.try_get_untracked() else {
                return;
            };
            let full = drawn.saturating_add(more) >= page;
            cap.try_set(if full { usize::MAX } else { drawn + more });
            if full {
                return;
            }
        }
    });
    cap
}
