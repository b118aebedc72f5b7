//! `<StepForms>`: the step's form, and for one task after the step changes, the form it
//! replaced, hidden. Taking a large form out of the page and dropping what it made cost as
//! much as building the next one (at the import's limits, up to half of a 120 to 230 ms task
//! at 4x CPU slowdown), so the old form goes in a task of its own, after the new one is drawn.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::perf;
use crate::model::Step;
use crate::ui::effect::effect;
use crate::ui::parts::keyed::Keyed;
use crate::ui::steps::step_view;

/// No form on its way out.
const NONE: usize = usize::MAX;

#[component]
pub fn StepForms(
    /// The step in the address.
    step: Memo<Step>,
) -> impl IntoView {
    // Steps by their place in `Step::ALL`; the forms change only here, not with the address.
    let shown = RwSignal::new(step.get_untracked() as usize);
    let leaving = RwSignal::new(NONE);
    effect(move || {
        let now = step.get() as usize;
        let before = shown.get_untracked();
        if before == now {
            return;
        }
        // Back to the form on its way out: it stays as it was, and shows again.
        if leaving.get_untracked() == now {
            perf::mark("mend:step-ready");
        }
        leaving.set(before);
        shown.set(now);
        let _ = set_timeout_with_handle(
            move || {
                leaving.try_set(NONE);
            },
            Duration::ZERO,
        );
    });
    // The shown form first, so that the one leaving goes from the end and the shown one stays
    // where it is: moving a form lays all of it out again. (Only a return to the form on its
    // way out moves it.)
    let keys = move || {
        let (now, before) = (shown.get(), leaving.get());
        let mut keys = vec![now as u64];
        if before != NONE && before != now {
            keys.push(before as u64);
        }
        keys
    };
    let row = move |key: u64, _| {
        let this = key as usize;
        // Effects run once the view is in the page.
        effect(|| perf::mark("mend:step-ready"));
        let form = step_view(Step::ALL.get(this).copied().unwrap_or_default());
        view! { <div hidden=move || shown.get() != this>{form}</div> }.into_any()
    };
    view! { <Keyed keys row/> }
}
