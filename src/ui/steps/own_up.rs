//! 4 Own up: tell the boss within minutes, with the facts and options ready. Mend drafts it.

use leptos::prelude::*;

use crate::browser::platform;
use crate::model::clock;
use crate::ui::briefing_editor::BriefingEditor;
use crate::ui::current::Current;
use crate::ui::form::{field, Field, Fields, Kind};
use crate::ui::reassurance::{Moment, Reassurance};

#[rustfmt::skip]
const WHO: &[Field] = &[
    field!(Kind::Line, "tell-name", "Who to tell", "Usually your manager.", |i| i.steps.own_up.tell_name),
    field!(Kind::Line, "tell-role", "Their role", "", |i| i.steps.own_up.tell_role),
];

#[rustfmt::skip]
const NOTES: &[Field] = &[
    field!(Kind::Area, "done-so-far", "What I've done so far", "", |i| i.steps.own_up.done_so_far),
    field!(Kind::Area, "need", "What I need from them", "A decision, help, or simply to know.", |i| i.steps.own_up.need),
];

#[rustfmt::skip]
const TOLD: &[Field] = &[field!(Kind::Stamp, "told", "I told them", "Tick it once you have. Mend notes the time.", |i| i.steps.own_up.told_at)];

/// Time since the mistake was noticed, updated every few seconds and never announced.
#[component]
fn Clock() -> impl IntoView {
    let current = expect_context::<Current>();
    let now = RwSignal::new(platform::now());
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(platform::now()),
        std::time::Duration::from_secs(10),
    ) {
        on_cleanup(move || handle.clear());
    }
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

#[component]
pub fn OwnUpStep() -> impl IntoView {
    view! {
        <Reassurance moment=Moment::OwnUp/>
        <p class="lead">"Tell your boss soon, with the facts and your options ready. Mend drafts it for you below."</p>
        <Clock/>
        <Fields fields=WHO/>
        <Fields fields=NOTES/>
        <BriefingEditor/>
        <Fields fields=TOLD/>
    }
}
