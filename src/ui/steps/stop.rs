//! 1 Stop: breathe first, notice how you feel before and after, and, if a thought keeps
//! circling, look at it in a thought record. The title can wait. Nothing here blocks.

use leptos::prelude::*;

use crate::model::thought_record::distress_change;
use crate::ui::context;
use crate::ui::form::{field, Field, FieldInput};
use crate::ui::parts::breathing_guide::BreathingGuide;
use crate::ui::parts::rating_scale::{scale, RatingScale, Scale};
use crate::ui::parts::reassurance::{Moment, Reassurance};
use crate::ui::parts::thought_record::ThoughtRecordForm;
use crate::ui::reactive_text::text;
use crate::ui::state::current::Current;

#[rustfmt::skip]
const TITLE: Field = field!(LINE, "incident-title", "Title", "It can wait. A few words, so you can find it again later.", |i| i.title);

#[rustfmt::skip]
const BEFORE: Scale = scale!(DISTRESS, "distress-before", "Before the pause: how distressed do you feel?", |i| i.steps.stop.distress_before);
#[rustfmt::skip]
const AFTER: Scale = scale!(DISTRESS, "distress-after", "After the pause: and now?", |i| i.steps.stop.distress_after);

#[component]
pub fn StopStep() -> impl IntoView {
    let current = context::needed::<Current>();
    let change = text(move || {
        current
            .read(|i| distress_change(i.steps.stop.distress_before, i.steps.stop.distress_after))
            .flatten()
            .unwrap_or_default()
    });
    view! {
        <Reassurance moment=Moment::Stop/>
        <BreathingGuide/>
        <section class="feelings" aria-labelledby="feelings-heading">
            <h2 id="feelings-heading">"How you feel"</h2>
            <p class="hint">"Before the pause and after it. A guess is fine."</p>
            <RatingScale scale=&BEFORE/>
            <RatingScale scale=&AFTER/>
            <p role="status" class="change">{change}</p>
        </section>
        <FieldInput field=&TITLE/>
        <ThoughtRecordForm/>
    }
}
