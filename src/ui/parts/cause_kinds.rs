//! Follow up's "Kind of cause": ticks beside the free-text cause, so causes can be compared
//! across incidents. Several can apply; none is needed.

use leptos::prelude::*;

use crate::model::choices::CauseKind;
use crate::ui::context;
use crate::ui::state::current::Current;

#[component]
pub fn CauseKinds() -> impl IntoView {
    let current = context::needed::<Current>();
    let ticks = CauseKind::ALL
        .into_iter()
        .map(|kind| {
            let id = format!("cause-kind-{}", kind.key());
            let ticked = move || {
                current
                    .read(|i| i.steps.follow_up.has_cause(kind))
                    .unwrap_or(false)
            };
            let tick = move |ev| {
                let on = event_target_checked(&ev);
                current.edit(|i| i.steps.follow_up.set_cause(kind, on));
            };
            view! {
                <div class="field check">
                    <input type="checkbox" id=id.clone() prop:checked=ticked on:change=tick/>
                    <label for=id>{kind.label()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="checks" aria-describedby="cause-kind-hint">
            <legend>"Kind of cause"</legend>
            <p class="hint" id="cause-kind-hint">"Tick any that fit. Insights uses these to show patterns across incidents."</p>
            {ticks}
        </fieldset>
    }
}
