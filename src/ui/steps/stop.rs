//! 1 Stop: name it, breathe, and notice how you feel before and after. Nothing here blocks.

use leptos::prelude::*;

use crate::ui::breathing_guide::BreathingGuide;
use crate::ui::form::{field, Field, Fields, Kind, DISTRESS};

#[rustfmt::skip]
const BEFORE: &[Field] = &[
    field!(Kind::Line, "incident-title", "Title", "A few words, so you can find it again later.", |i| i.title),
    field!(Kind::Choice(DISTRESS), "distress-before", "How distressed do you feel right now?", "0 is calm, 10 is overwhelmed. A guess is fine.", |i| i.steps.stop.distress_before),
];

#[rustfmt::skip]
const AFTER: &[Field] = &[
    field!(Kind::Choice(DISTRESS), "distress-after", "And after the pause?", "", |i| i.steps.stop.distress_after),
    field!(Kind::Area, "thoughts", "What's going through my head", "Writing it down helps it stop circling. Only you can see this.", |i| i.steps.stop.thoughts),
];

#[component]
pub fn StopStep() -> impl IntoView {
    view! {
        <p class="lead">"Before deciding anything, take a minute to breathe. You can skip ahead at any time."</p>
        <Fields fields=BEFORE/>
        <BreathingGuide/>
        <Fields fields=AFTER/>
    }
}
