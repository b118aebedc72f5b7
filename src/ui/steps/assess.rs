//! 2 Assess: the facts as they are known now, the impact, who must help, and what to say first.

use leptos::prelude::*;

use crate::model::labels;
use crate::ui::form::{field, list, Field, Fields, ListEditor, ListSpec};

#[rustfmt::skip]
pub(crate) const BASICS: &[Field] = &[
    field!(AREA, "what-happened", "What happened", "The facts as you know them now. The full story can wait.", |i| i.steps.assess.what_happened),
    field!(MOMENT, "happened-at", "When it happened", "", |i| i.steps.assess.happened_at),
    field!(MOMENT, "noticed-at", "When you noticed", "This starts the clock on Own up.", |i| i.noticed_at),
    field!(LINE, "tags", labels::TAGS, "Separate them with commas, for example: invoices, clients.", |i| i.tags),
];

#[rustfmt::skip]
const AFFECTED: &[Field] = &[
    field!(CHECK, "affects-customers", "Customers", "", |i| i.steps.assess.affects_customers),
    field!(CHECK, "affects-colleagues", "Colleagues", "", |i| i.steps.assess.affects_colleagues),
    field!(CHECK, "affects-systems", "Systems", "", |i| i.steps.assess.affects_systems),
    field!(CHECK, "affects-money", "Money", "", |i| i.steps.assess.affects_money),
    field!(CHECK, "affects-deadlines", "Deadlines", "", |i| i.steps.assess.affects_deadlines),
];

#[rustfmt::skip]
pub(crate) const IMPACT: &[Field] = &[
    field!(AREA, "impact", "What it means", "For the people and things affected, in plain words.", |i| i.steps.assess.impact),
    field!(CHOICE, "severity", labels::SEVERITY, "", |i| i.steps.assess.severity),
    field!(CHOICE, "worsening", "Is it still getting worse?", "", |i| i.steps.assess.worsening),
];

#[rustfmt::skip]
const HELPERS: ListSpec = list! {
    items: |i| i.steps.assess.helpers,
    key: "helpers",
    label: labels::WHO_MUST_HELP,
    hint: "",
    noun: "person",
    reorder: true,
    fields: [
        (LINE, "helper-name", "Name", "", |x| x.name),
        (LINE, "helper-role", "Role", "", |x| x.role),
    ],
};

#[rustfmt::skip]
const KEY_POINTS: ListSpec = list! {
    items: |i| i.steps.assess.key_points,
    key: "key-points",
    label: "Key points to raise first",
    hint: "What your boss needs to hear first, most important at the top.",
    noun: "key point",
    reorder: true,
    fields: [(LINE, "key-point", "Point", "", |x| x.text)],
};

#[rustfmt::skip]
const TIMELINE: ListSpec = list! {
    items: |i| i.steps.assess.timeline,
    key: "timeline",
    label: labels::TIMELINE,
    hint: "Kept in time order. It helps later, when you look back.",
    noun: "event",
    reorder: false,
    ops: {
        ids: |i| i.steps.assess.sorted_timeline().iter().map(|e| e.id).collect(),
    },
    fields: [
        (MOMENT, "event-at", "Time", "", |x| x.at),
        (LINE, "event-what", "What happened then", "", |x| x.what),
    ],
};

#[component]
pub fn AssessStep() -> impl IntoView {
    view! {
        <p class="lead">"The facts as they are now. A full investigation can come later."</p>
        <section aria-labelledby="basics-heading">
            <h2 id="basics-heading">"The basics"</h2>
            <Fields fields=BASICS/>
        </section>
        <section aria-labelledby="impact-heading">
            <h2 id="impact-heading">"Impact"</h2>
            <fieldset class="checks">
                <legend>"Who or what is affected"</legend>
                <Fields fields=AFFECTED/>
            </fieldset>
            <Fields fields=IMPACT/>
        </section>
        <ListEditor spec=&HELPERS/>
        <ListEditor spec=&KEY_POINTS/>
        <ListEditor spec=&TIMELINE/>
    }
}
