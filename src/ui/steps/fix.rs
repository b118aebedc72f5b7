//! 5 Fix: the plan as a checklist, each item followed through to done and verified.

use leptos::prelude::*;

use crate::ui::context;
use crate::ui::form::{list, ListEditor, ListSpec};
use crate::ui::memo::memo;
use crate::ui::parts::calendar_reminders::CalendarReminders;
use crate::ui::reactive_text::text;
use crate::ui::state::current::Current;

#[rustfmt::skip]
const CHECKLIST: ListSpec = list! {
    items: |i| i.steps.fix.items,
    key: "fix-items",
    label: "Checklist",
    hint: "The option you recommended comes first. Add your own steps below it.",
    noun: "item",
    reorder: true,
    fields: [
        (LINE, "fix-what", "What", "", |x| x.what),
        (LINE, "fix-owner", "Owner", "", |x| x.owner),
        (DAY, "fix-due", "Due", "", |x| x.due),
        (CHOICE, "fix-status", "Status", "", |x| x.status),
        (LINE, "fix-verified", "Verified by", "Who or what confirmed it really works.", |x| x.verified_by),
        (AREA, "fix-notes", "Notes", "", |x| x.notes),
    ],
};

#[component]
pub fn FixStep() -> impl IntoView {
    let current = context::needed::<Current>();
    let progress = memo(move || current.read(|i| i.steps.fix.progress()).unwrap_or((0, 0)));
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
