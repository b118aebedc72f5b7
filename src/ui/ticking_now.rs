//! The time now, for the views that say how long ago something was: moved on every few
//! seconds, and at once whenever the tab is shown again, since a frozen tab or a sleeping
//! phone runs no timers and the first tick could be seconds away.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::{lifecycle, platform};
use crate::model::Timestamp;

/// The time now, moved on every `seconds` while the view that asked lives.
pub fn ticking_now(seconds: u64) -> RwSignal<Timestamp> {
    let now = RwSignal::new(platform::now());
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(platform::now()),
        Duration::from_secs(seconds),
    ) {
        on_cleanup(move || handle.clear());
    }
    lifecycle::on_shown(move || now.set(platform::now()));
    now
}
