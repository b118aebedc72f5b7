//! The thought record on Stop: the thought, the patterns it follows, a balanced thought with
//! prompts, belief before and after, and whether it goes in the report. All of it optional.

use leptos::prelude::*;

use crate::model::labels;
use crate::model::thought_record::{Pattern, BALANCED_PROMPTS};
use crate::ui::context;
use crate::ui::form::{field, Field, FieldInput};
use crate::ui::parts::rating_scale::{scale, RatingScale, Scale};
use crate::ui::state::current::Current;

#[rustfmt::skip]
const THOUGHT: Field = field!(AREA, "thought", labels::THOUGHT, "What's going through your head, in your own words. Only you can see this.", |i| i.steps.stop.thought_record.thought);
#[rustfmt::skip]
const BALANCED: Field = field!(AREA, "balanced-thought", labels::BALANCED_THOUGHT, "", |i| i.steps.stop.thought_record.balanced);
#[rustfmt::skip]
const IN_REPORT: Field = field!(CHECK, "thought-in-report", "Put the thought record in the report", "It stays out of the report unless you tick this.", |i| i.steps.stop.thought_record.in_report);

#[rustfmt::skip]
const BELIEF_BEFORE: Scale = scale!(BELIEF, "belief-before", "How much do you believe the thought?", |i| i.steps.stop.thought_record.belief_before);
#[rustfmt::skip]
const BELIEF_AFTER: Scale = scale!(BELIEF, "belief-after", "And now, after the balanced thought?", |i| i.steps.stop.thought_record.belief_after);

#[component]
pub fn ThoughtRecordForm() -> impl IntoView {
    let current = context::needed::<Current>();
    let patterns = Pattern::ALL
        .into_iter()
        .map(|pattern| {
            let id = format!("pattern-{}", pattern.key());
            let hint = format!("{id}-hint");
            let ticked = move || {
                current
                    .read(|i| i.steps.stop.thought_record.follows(pattern))
                    .unwrap_or(false)
            };
            let tick = move |ev| {
                let on = event_target_checked(&ev);
                current.edit(|i| i.steps.stop.thought_record.set_follows(pattern, on));
            };
            view! {
                <div class="field check">
                    <input type="checkbox" id=id.clone() aria-describedby=hint.clone()
                        prop:checked=ticked on:change=tick/>
                    <label for=id>{pattern.name()}</label>
                    <p class="hint" id=hint>{pattern.example()}</p>
                </div>
            }
        })
        .collect_view();

    view! {
        <section class="thought-record" aria-labelledby="thought-record-heading">
            <h2 id="thought-record-heading">"Thought record"</h2>
            <p class="hint">"If a thought keeps circling, write it down and look at it again. Skip any part, or all of it."</p>
            <FieldInput field=&THOUGHT/>
            <RatingScale scale=&BELIEF_BEFORE/>
            <fieldset class="checks">
                <legend>"Which patterns does it follow?"</legend>
                {patterns}
            </fieldset>
            <p>"Questions that can help:"</p>
            <ul class="prompts">
                {BALANCED_PROMPTS.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>
            <FieldInput field=&BALANCED/>
            <RatingScale scale=&BELIEF_AFTER/>
            <FieldInput field=&IN_REPORT/>
        </section>
    }
}
