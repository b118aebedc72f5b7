//! 6 Follow up: tell everyone it's resolved, thank those who helped, and prepare the debrief.

use leptos::prelude::*;

use crate::model::follow_up::{public_thanks, resolution_note, thank_you};
use crate::model::seeding::sync_stakeholders;
use crate::ui::calendar_reminders::CalendarReminders;
use crate::ui::cause_kinds::CauseKinds;
use crate::ui::current::Current;
use crate::ui::form::{
    field, item_field, list_ops, remove_item, restore_item, Field, Fields, Kind, ListEditor,
    ListOps, ListSpec,
};
use crate::ui::message_card::MessageCard;

#[rustfmt::skip]
const PEOPLE: ListSpec = ListSpec {
    key: "people",
    label: "People to follow up with",
    hint: "Everyone named in Assess and Own up is here. Tick each thing as you do it; Mend notes the date.",
    noun: "person",
    reorder: true,
    ops: ListOps {
        // Someone removed here stays removed, rather than coming back from Assess.
        remove: |i, id| {
            let name = i.steps.follow_up.people.iter().find(|p| p.id == id).map(|p| p.name.clone());
            let removed = remove_item(&mut i.steps.follow_up.people, id);
            i.steps.follow_up.removed_names.extend(name.filter(|n| !n.trim().is_empty()));
            removed
        },
        restore: |i, removed| {
            restore_item(&mut i.steps.follow_up.people, removed);
            let people = &i.steps.follow_up.people;
            i.steps.follow_up.removed_names.retain(|n| !people.iter().any(|p| &p.name == n));
        },
        ..list_ops!(|i| i.steps.follow_up.people)
    },
    fields: &[
        item_field!(Kind::Line, "person-name", "Name", "", |i| i.steps.follow_up.people, |x| x.name),
        item_field!(Kind::Line, "person-role", "Role", "", |i| i.steps.follow_up.people, |x| x.role),
        item_field!(Kind::Stamp, "person-informed", "Informed", "", |i| i.steps.follow_up.people, |x| x.informed),
        item_field!(Kind::Stamp, "person-resolved", "Told it's resolved", "", |i| i.steps.follow_up.people, |x| x.told_resolved),
        item_field!(Kind::Stamp, "person-thanked", "Thanked", "", |i| i.steps.follow_up.people, |x| x.thanked),
        item_field!(Kind::Stamp, "person-debrief", "Debrief booked", "", |i| i.steps.follow_up.people, |x| x.debrief_booked),
    ],
};

#[rustfmt::skip]
const DEBRIEF: &[Field] = &[
    field!(Kind::Day, "debrief-on", "Debrief day", "For the calendar reminder below, with an agenda from these notes.", |i| i.steps.follow_up.debrief_on),
    field!(Kind::Area, "cause", "What caused it", "", |i| i.steps.follow_up.cause),
];

#[rustfmt::skip]
const DEBRIEF_MORE: &[Field] = &[
    field!(Kind::Area, "seemed-reasonable", "What made it seem reasonable at the time", "", |i| i.steps.follow_up.seemed_reasonable),
    field!(Kind::Area, "lucky", "Where I got lucky", "", |i| i.steps.follow_up.lucky),
    field!(Kind::Area, "known-earlier", "Could it have been known earlier?", "", |i| i.steps.follow_up.known_earlier),
    field!(Kind::Area, "caught-sooner", "What would have caught it sooner", "", |i| i.steps.follow_up.caught_sooner),
    field!(Kind::Stamp, "debrief-held", "Debrief held", "Tick it once it has happened. Mend notes the date.", |i| i.steps.follow_up.debrief_held),
];

#[component]
pub fn FollowUpStep() -> impl IntoView {
    let current = expect_context::<Current>();
    current.adjust(sync_stakeholders);
    let note = Memo::new(move |_| current.read(resolution_note));
    let thanks = Memo::new(move |_| current.read(thank_you));
    let public = Memo::new(move |_| current.read(public_thanks));
    view! {
        <p class="lead">"Close the loop: let people know it's resolved, and thank the ones who helped."</p>
        <ListEditor spec=&PEOPLE/>
        <MessageCard key="resolution-note" title="Resolution note for the customer" message=note/>
        <MessageCard key="thank-you" title="Thank-you to the people who helped" message=thanks/>
        <MessageCard key="public-thanks" title="Public thank-you, for the wider team" message=public/>
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
