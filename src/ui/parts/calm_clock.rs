//! The calm clock: time since the mistake was noticed, against the 15-minute aim for telling
//! the boss. No red, no alarm; past the aim it says that telling now still helps.

use leptos::prelude::*;

use crate::model::clock;
use crate::ui::context;
use crate::ui::state::current::Current;
use crate::ui::ticking_now::ticking_now;

/// Time since the mistake was noticed, updated every few seconds and never announced.
#[component]
pub fn CalmClock() -> impl IntoView {
    let current = context::needed::<Current>();
    let now = ticking_now(10);
    let reading = move || {
        current
            .read(|i| {
                i.noticed_at
                    .map(|noticed| clock::reading(noticed, now.get(), i.steps.own_up.told_at))
            })
            .flatten()
    };
    move || reading().map(|text| view! { <p class="clock" role="timer">{text}</p> })
}
