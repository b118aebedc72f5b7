//! 4 Own up: tell the boss within minutes, with the facts and options ready. Mend drafts it.

use leptos::prelude::*;

use crate::ui::form::{field, Field, Fields};
use crate::ui::parts::briefing_editor::BriefingEditor;
use crate::ui::parts::calm_clock::CalmClock;
use crate::ui::parts::reassurance::{Moment, Reassurance};

#[rustfmt::skip]
const WHO: &[Field] = &[
    field!(LINE, "tell-name", "Who to tell", "Usually your manager.", |i| i.steps.own_up.tell_name),
    field!(LINE, "tell-role", "Their role", "", |i| i.steps.own_up.tell_role),
];

/// Fills in the email link under the briefing.
#[rustfmt::skip]
pub(crate) const EMAIL: Field = field!(LINE, "tell-email", "Their email address (optional)", "For the email link below. Mend sends nothing itself.", |i| i.steps.own_up.tell_email);

#[rustfmt::skip]
pub(crate) const NOTES: &[Field] = &[
    field!(AREA, "done-so-far", "What I've done so far", "", |i| i.steps.own_up.done_so_far),
    field!(AREA, "need", "What I need from them", "A decision, help, or simply to know.", |i| i.steps.own_up.need),
];

#[rustfmt::skip]
pub(crate) const TOLD: &[Field] = &[field!(STAMP, "told", "I told them", "Tick it once you have. Mend notes the time.", |i| i.steps.own_up.told_at)];

#[component]
pub fn OwnUpStep() -> impl IntoView {
    view! {
        <Reassurance moment=Moment::OwnUp/>
        <p class="lead">"Tell your boss soon, with the facts and your options ready. Mend drafts it for you below."</p>
        <CalmClock/>
        <Fields fields=WHO/>
        <Fields fields=NOTES/>
        <BriefingEditor/>
        <Fields fields=TOLD/>
    }
}
