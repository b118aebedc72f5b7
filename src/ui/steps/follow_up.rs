//! 6 Follow up: tell everyone it's resolved, thank those who helped, and prepare the debrief.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::follow_up::{public_thanks, resolution_note, thank_you};
use crate::model::labels;
use crate::model::seeding::sync_stakeholders;
use crate::model::Incident;
use crate::ui::context;
use crate::ui::drawn_in_steps::a_task_later;
use crate::ui::form::{field, list, remove_item, Field, Fields, ListEditor, ListSpec};
use crate::ui::memo::memo;
use crate::ui::parts::calendar_reminders::CalendarReminders;
use crate::ui::parts::cause_kinds::CauseKinds;
use crate::ui::parts::message_card::MessageCard;
use crate::ui::parts::when::When;
use crate::ui::state::current::Current;

#[rustfmt::skip]
const PEOPLE: ListSpec = list! {
    items: |i| i.steps.follow_up.people,
    key: "people",
    label: "People to follow up with",
    hint: "Everyone named in Assess and Own up is here. Tick each thing as you do it; Mend notes the date.",
    noun: "person",
    reorder: true,
    ops: {
        // Someone removed here stays removed, rather than coming back from Assess, until Undo.
        remove: |i, id| {
            let name = i.steps.follow_up.people.iter().find(|p| p.id == id).map(|p| p.name.clone());
            let restore = remove_item(i, |i| &mut i.steps.follow_up.people, id)?;
            i.steps.follow_up.removed_names.extend(name.filter(|n| !n.trim().is_empty()));
            Some(Arc::new(move |i: &mut Incident| {
                restore(i);
                let f = &mut i.steps.follow_up;
                f.removed_names.retain(|n| !f.people.iter().any(|p| &p.name == n));
            }))
        },
    },
    fields: [
        (LINE, "person-name", "Name", "", |x| x.name),
        (LINE, "person-role", "Role", "", |x| x.role),
        (STAMP, "person-informed", "Informed", "", |x| x.informed),
        (STAMP, "person-resolved", "Told it's resolved", "", |x| x.told_resolved),
        (STAMP, "person-thanked", "Thanked", "", |x| x.thanked),
        (STAMP, "person-debrief", "Debrief booked", "", |x| x.debrief_booked),
    ],
};

#[rustfmt::skip]
const DEBRIEF: &[Field] = &[
    field!(DAY, "debrief-on", labels::DEBRIEF_DAY, "For the calendar reminder below, with an agenda from these notes.", |i| i.steps.follow_up.debrief_on),
    field!(AREA, "cause", labels::CAUSE, "", |i| i.steps.follow_up.cause),
];

#[rustfmt::skip]
const DEBRIEF_MORE: &[Field] = &[
    field!(AREA, "seemed-reasonable", labels::SEEMED_REASONABLE, "", |i| i.steps.follow_up.seemed_reasonable),
    field!(AREA, "lucky", labels::LUCKY, "", |i| i.steps.follow_up.lucky),
    field!(AREA, "known-earlier", labels::KNOWN_EARLIER, "", |i| i.steps.follow_up.known_earlier),
    field!(AREA, "caught-sooner", labels::CAUGHT_SOONER, "", |i| i.steps.follow_up.caught_sooner),
    field!(STAMP, "debrief-held", labels::DEBRIEF_HELD, "Tick it once it has happened. Mend notes the date.", |i| i.steps.follow_up.debrief_held),
];

#[component]
pub fn FollowUpStep() -> impl IntoView {
    let current = context::needed::<Current>();
    current.adjust(sync_stakeholders);
    let note = memo(move || current.read(resolution_note));
    let thanks = memo(move || current.read(thank_you));
    let public = memo(move || current.read(public_thanks));
    // The messages name everyone: with thousands of names, composing and laying them out
    // took about 30 ms of the step's opening. They come a task later, below the ledger.
    let composed = a_task_later(false);
    view! {
        <p class="lead">"Close the loop: let people know it's resolved, and thank the ones who helped."</p>
        <ListEditor spec=&PEOPLE/>
        <When when=move || composed.get()>
            <MessageCard key="resolution-note" title="Resolution note for the customer" message=note/>
            <MessageCard key="thank-you" title="Thank-you to the people who helped" message=thanks/>
            <MessageCard key="public-thanks" title="Public thank-you, for the wider team" message=public/>
        </When>
        <section aria-labelledby="debrief-heading">
            <h2 id="debrief-heading">"Debrief"</h2>
            <p class="hint">"About the situation, not about you. Good systems catch human mistakes."</p>
            <Fields fields=DEBRIEF/>
            <CauseKinds/>
            <Fields fields=DEBRIEF_MORE/>
        </section>
        <CalendarReminders/>
    }
}
