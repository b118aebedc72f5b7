//! 7 Step it up: prevention commitments with check-ins, extra checks, reflection, and closing.

use leptos::prelude::*;

use crate::browser::platform;
use crate::model::labels;
use crate::ui::context;
use crate::ui::form::{field, list, Field, Fields, ListEditor, ListSpec};
use crate::ui::memo::memo;
use crate::ui::parts::add_to_checklist::AddToChecklist;
use crate::ui::parts::calendar_reminders::CalendarReminders;
use crate::ui::parts::reassurance::{Moment, Reassurance};
use crate::ui::reactive_text::text;
use crate::ui::state::current::Current;

#[rustfmt::skip]
const COMMITMENTS: ListSpec = list! {
    items: |i| i.steps.step_it_up.commitments,
    key: "commitments",
    label: "Prevention commitments",
    hint: "Small, concrete changes. Check in on each after 30, 60 and 90 days.",
    noun: "commitment",
    reorder: true,
    fields: [
        (LINE, "commitment-what", "What", "", |x| x.what),
        (CHOICE, "commitment-kind", "Kind", "", |x| x.kind),
        (CHOICE, "commitment-30", "Check-in at 30 days", "", |x| x.day30),
        (CHOICE, "commitment-60", "Check-in at 60 days", "", |x| x.day60),
        (CHOICE, "commitment-90", "Check-in at 90 days", "", |x| x.day90),
    ],
};

#[rustfmt::skip]
const EXTRA_CHECKS: ListSpec = list! {
    items: |i| i.steps.step_it_up.extra_checks,
    key: "extra-checks",
    label: labels::EXTRA_CHECKS,
    hint: "For your own pre-flight checklist, before similar work next time.",
    noun: "check",
    reorder: true,
    fields: [(LINE, "extra-check", "Check", "", |x| x.text)],
};

#[rustfmt::skip]
const REFLECTION: &[Field] = &[
    field!(AREA, "learned", labels::LEARNED, "", |i| i.steps.step_it_up.learned),
    field!(AREA, "went-well", labels::WENT_WELL, "Small things count too.", |i| i.steps.step_it_up.went_well),
    field!(AREA, "didnt-work", labels::DIDNT_WORK, "In how it was handled, so the next time goes better.", |i| i.steps.step_it_up.didnt_work),
];

/// Close the incident as resolved, or reopen it.
#[component]
fn Closing() -> impl IntoView {
    let current = context::needed::<Current>();
    let resolved = memo(move || current.read(|i| i.steps.step_it_up.resolved_at).flatten());
    let toggle = move |_| {
        let now = platform::now();
        current.edit(|i| {
            let at = &mut i.steps.step_it_up.resolved_at;
            *at = if at.is_some() { None } else { Some(now) };
        });
    };
    view! {
        <section aria-labelledby="closing-heading">
            <h2 id="closing-heading">"Closing"</h2>
            <p role="status">{text(move || match resolved.get() {
                Some(at) => format!("Resolved on {}. Well done for seeing it through.", platform::local_label(at)),
                None => "Still open. Close it once the fix holds and people know.".to_owned(),
            })}</p>
            <button type="button" on:click=toggle>
                {text(move || if resolved.get().is_some() { "Reopen" } else { "Close as resolved" }.into())}
            </button>
        </section>
    }
}

#[component]
pub fn StepItUpStep() -> impl IntoView {
    view! {
        <Reassurance moment=Moment::StepItUp/>
        <p class="lead">"Turn what happened into something that makes the next time less likely."</p>
        <ListEditor spec=&COMMITMENTS/>
        <CalendarReminders/>
        <ListEditor spec=&EXTRA_CHECKS/>
        <AddToChecklist/>
        <section aria-labelledby="reflection-heading">
            <h2 id="reflection-heading">"Reflection"</h2>
            <Fields fields=REFLECTION/>
        </section>
        <Closing/>
    }
}
