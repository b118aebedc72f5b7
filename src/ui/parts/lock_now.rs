//! "Lock now" in the header, and the other ways an open lock closes: the idle time chosen in
//! Settings (checked again whenever the tab is shown), and another tab locking. Waiting edits
//! are saved (sealed) before the key goes.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::lifecycle;
use crate::browser::listen::listen;
use crate::browser::tabs;
use crate::ui::context;
use crate::ui::effect::effect;
use crate::ui::parts::when::When;
use crate::ui::state::library::Library;
use crate::ui::state::lock_gate::LockGate;

#[component]
pub fn LockNow() -> impl IntoView {
    let library = context::needed::<Library>();
    let gate = context::needed::<LockGate>();
    let lock = move || library.flush_then(move || gate.lock());
    tabs::on_lock_elsewhere(lock);
    // Another tab turned the lock on: this one saves what waits, plain, and locks.
    let mut seen = None;
    effect(move || {
        let wanted = gate.wanted.get();
        if seen.replace(wanted).is_some_and(|seen| seen != wanted) {
            lock();
        }
    });
    idle_lock(library, lock);
    let click = move |_| {
        tabs::tell_lock();
        lock();
    };
    view! {
        <When when=move || gate.on.get()>
            <button type="button" class="lock-now" on:click=click>"Lock now"</button>
        </When>
    }
}

/// Locks after the chosen idle time with no key, pointer or scroll. Activity only notes the
/// time; the one timer checks it when due and waits out the rest, so typing never touches
/// timers (and a stale timer, from before the time was changed, does nothing).
fn idle_lock(library: Library, lock: impl Fn() + Copy + 'static) {
    let gate = context::needed::<LockGate>();
    let last = StoredValue::new(js_sys::Date::now());
    let generation = StoredValue::new(0u32);
    let limit = move || {
        let minutes = library
            .settings
            .try_with_untracked(|s| s.auto_lock.minutes())?;
        gate.on
            .get_untracked()
            .then_some(f64::from(minutes?) * 60_000.0)
    };
    /// Milliseconds of the idle time still to wait (none left at 0 or below), by the clock.
    fn idle_left(limit: impl Fn() -> Option<f64>, last: StoredValue<f64>) -> Option<f64> {
        let since = last.try_get_value()?;
        Some(limit()? - (js_sys::Date::now() - since))
    }
    fn arm(check: impl Fn() + 'static, ms: f64) {
        set_timeout(check, Duration::from_millis(ms.max(0.0) as u64));
    }
    fn check_after(
        ms: f64,
        mine: u32,
        generation: StoredValue<u32>,
        last: StoredValue<f64>,
        limit: impl Fn() -> Option<f64> + Copy + 'static,
        lock: impl Fn() + Copy + 'static,
    ) {
        arm(
            move || {
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                let Some(left) = idle_left(limit, last) else {
                    return;
                };
                if left <= 0.0 {
                    lock();
                } else {
                    check_after(left, mine, generation, last, limit, lock);
                }
            },
            ms,
        );
    }
    // Back to a tab that was frozen, or on a phone that slept: its timer counted only the time
    // the device was awake, so the wait is checked against the clock at once.
    lifecycle::on_shown(move || {
        if idle_left(limit, last).is_some_and(|left| left <= 0.0) {
            lock();
        }
    });
    // Again whenever the lock or the chosen time changes.
    effect(move || {
        gate.on.track();
        library.settings.with(|s| s.auto_lock);
        last.set_value(js_sys::Date::now());
        generation.update_value(|g| *g += 1);
        if let Some(ms) = limit() {
            check_after(ms, generation.get_value(), generation, last, limit, lock);
        }
    });
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        for event in ["keydown", "pointerdown", "input", "wheel", "touchstart"] {
            listen(&document, event, move |_| {
                last.set_value(js_sys::Date::now())
            });
        }
    }
}
