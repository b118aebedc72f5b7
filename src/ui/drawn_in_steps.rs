//! How much of a screen to draw so far: a long page's rows a few in the task that opens it and
//! more after each frame, or a part of it in the task after, so that opening a screen never
//! draws all of it in one long task.

use std::cell::Cell;

use leptos::prelude::*;

use crate::browser::tasks;

/// Rows to draw: `first` now, `more` added after each frame, and no cap at all once
/// `page` is reached (the page's own limit then applies). Setting it to `usize::MAX` draws
/// the rest at once.
pub fn drawn_in_steps(first: usize, more: usize, page: usize) -> RwSignal<usize> {
    let cap = RwSignal::new(first);
    more_in_steps(cap, more, page);
    cap
}

thread_local! {
    /// The frame after which a run was last drawn, by its time.
    static LAST_RUN: Cell<f64> = const { Cell::new(f64::NAN) };
}

/// Raises `cap` by `more` after each frame, to no cap at all once `page` is reached: the
/// rest of a page drawn a run at a time, as `drawn_in_steps` does for the first. One run, of any
/// list, after each frame: Assess's three lists each drew a run before the same frame, which
/// then laid out all three, and Solutions' frames after two runs were tasks of 33 to 51 ms.
fn more_in_steps(cap: RwSignal<usize>, more: usize, page: usize) {
    leptos::task::spawn_local(async move {
        loop {
            let frame = tasks::after_next_frame().await;
            // Gone with the screen that drew them (a step's form warmed up off the page too),
            // before taking a frame from a list still drawing.
            let Some(drawn) = cap.try_get_untracked() else {
                return;
            };
            // Another list drew after this frame: the next one is this list's.
            if frame.is_some_and(|frame| LAST_RUN.with(|last| last.replace(frame)) == frame) {
                continue;
            }
            let full = drawn.saturating_add(more) >= page;
            cap.try_set(if full { usize::MAX } else { drawn + more });
            if full {
                return;
            }
        }
    });
}

/// Show more: raises a page's `limit` by `page`, and draws the new page as the first came,
/// `first` rows in this task and `more` after each frame. Returns where the new page starts.
pub fn next_page(
    cap: RwSignal<usize>,
    limit: RwSignal<usize>,
    first: usize,
    more: usize,
    page: usize,
) -> usize {
    let shown = limit.get_untracked();
    cap.set(shown + first);
    limit.set(shown + page);
    more_in_steps(cap, more, shown + page);
    shown
}

/// Whether a part drawn a task after the rest of its screen is due: at once when `now`,
/// else once the next task comes.
pub fn a_task_later(now: bool) -> RwSignal<bool> {
    let due = RwSignal::new(now);
    if !now {
        leptos::task::spawn_local(async move {
            tasks::sleep(0).await;
            due.try_set(true);
        });
    }
    due
}
