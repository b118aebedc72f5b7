//! 5 Fix: the plan as a checklist, each item followed through to done and verified.

use leptos::prelude::*;

use crate::model::choices::ItemStatus;
use crate::ui::calendar_reminders::CalendarReminders;
use crate::ui::current::Current;
use crate::ui::form::{item_field, list_ops, Kind, ListEditor, ListSpec};
use crate::ui::reactive_text::text;

#[rustfmt::skip]
const CHECKLIST: ListSpec = ListSpec {
    key: "fix-items",
    label: "Checklist",
    hint: "The option you recommended comes first. Add your own steps below it.",
    noun: "item",
    reorder: true,
    ops: list_ops!(|i| i.steps.fix.items),
    fields: &[
        item_field!(Kind::Line, "fix-what", "What", "", |i| i.steps.fix.items, |x| x.what),
        item_field!(Kind::Line, "fix-owner", "Owner", "", |i| i.steps.fix.items, |x| x.owner),
        item_field!(Kind::Day, "fix-due", "Due", "", |i| i.steps.fix.items, |x| x.due),
        item_field!(Kind::Choice(ItemStatus::OPTIONS), "fix-status", "Status", "", |i| i.steps.fix.items, |x| x.status),
        item_field!(Kind::Line, "fix-verified", "Verified by", "Who or what confirmed it really works.", |i| i.steps.fix.items, |x| x.verified_by),
        item_field!(Kind::Area, "fix-notes", "Notes", "", |i| i.steps.fix.items, |x| x.notes),
    ],
};

#[component]
pub fn FixStep() -> impl IntoView {
    let current = expect_context::<Current>();
    let progress = Memo::new(move |_| current.read(|i| i.steps.fix.progress()).unwrap_or((0, 0)));
    view! {
        <p class="lead">"Work through the plan one item at a time, and check that each fix really works."</p>
        <p id="fix-progress-label">{text(move || {
            let (done, total) = progress.get();
            format!("{done} of {total} done")
        })}</p>
        <progress aria-labelledby="fix-progress-label" max=move || progress.get().1.max(1) value=move || progress.get().0></progress>
        <ListEditor spec=&CHECKLIST/>
        <CalendarReminders/>
    }
}
