//! 2 Assess: the facts as they are known now, the impact, who must help, and what to say first.

use leptos::prelude::*;

use crate::model::choices::{Severity, Worsening};
use crate::ui::form::{
    field, item_field, list_ops, Field, Fields, Kind, ListEditor, ListOps, ListSpec,
};

#[rustfmt::skip]
pub(crate) const BASICS: &[Field] = &[
    field!(Kind::Area, "what-happened", "What happened", "The facts as you know them now. The full story can wait.", |i| i.steps.assess.what_happened),
    field!(Kind::Moment, "happened-at", "When it happened", "", |i| i.steps.assess.happened_at),
    field!(Kind::Moment, "noticed-at", "When you noticed", "This starts the clock on Own up.", |i| i.noticed_at),
    field!(Kind::Line, "tags", "Tags", "Separate them with commas, for example: invoices, clients.", |i| i.tags),
];

#[rustfmt::skip]
const AFFECTED: &[Field] = &[
    field!(Kind::Check, "affects-customers", "Customers", "", |i| i.steps.assess.affects_customers),
    field!(Kind::Check, "affects-colleagues", "Colleagues", "", |i| i.steps.assess.affects_colleagues),
    field!(Kind::Check, "affects-systems", "Systems", "", |i| i.steps.assess.affects_systems),
    field!(Kind::Check, "affects-money", "Money", "", |i| i.steps.assess.affects_money),
    field!(Kind::Check, "affects-deadlines", "Deadlines", "", |i| i.steps.assess.affects_deadlines),
];

#[rustfmt::skip]
pub(crate) const IMPACT: &[Field] = &[
    field!(Kind::Area, "impact", "What it means", "For the people and things affected, in plain words.", |i| i.steps.assess.impact),
    field!(Kind::Choice(Severity::OPTIONS), "severity", "Severity", "", |i| i.steps.assess.severity),
    field!(Kind::Choice(Worsening::OPTIONS), "worsening", "Is it still getting worse?", "", |i| i.steps.assess.worsening),
];

#[rustfmt::skip]
const HELPERS: ListSpec = ListSpec {
    key: "helpers",
    label: "Who must help",
    hint: "",
    noun: "person",
    reorder: true,
    ops: list_ops!(|i| i.steps.assess.helpers),
    fields: &[
        item_field!(Kind::Line, "helper-name", "Name", "", |i| i.steps.assess.helpers, |x| x.name),
        item_field!(Kind::Line, "helper-role", "Role", "", |i| i.steps.assess.helpers, |x| x.role),
    ],
};

#[rustfmt::skip]
const KEY_POINTS: ListSpec = ListSpec {
    key: "key-points",
    label: "Key points to raise first",
    hint: "What your boss needs to hear first, most important at the top.",
    noun: "key point",
    reorder: true,
    ops: list_ops!(|i| i.steps.assess.key_points),
    fields: &[item_field!(Kind::Line, "key-point", "Point", "", |i| i.steps.assess.key_points, |x| x.text)],
};

#[rustfmt::skip]
const TIMELINE: ListSpec = ListSpec {
    key: "timeline",
    label: "Timeline",
    hint: "Kept in time order. It helps later, when you look back.",
    noun: "event",
    reorder: false,
    ops: ListOps {
        ids: |i| {
            i.steps
                .assess
                .sorted_timeline()
                .iter()
                .map(|e| e.id)
                .collect()
        },
        ..list_ops!(|i| i.steps.assess.timeline)
    },
    fields: &[
        item_field!(Kind::Moment, "event-at", "Time", "", |i| i.steps.assess.timeline, |x| x.at),
        item_field!(Kind::Line, "event-what", "What happened then", "", |i| i.steps.assess.timeline, |x| x.what),
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
