//! The "Steps" navigation: seven links, the current one marked, each showing if it has notes.

use leptos::prelude::*;

use super::current::Current;
use crate::model::{status, Step};
use crate::route::Route;
use crate::ui::reactive_text::text;

/// The links to the seven steps of the current incident.
#[component]
pub fn StepNav(
    /// The step on screen, marked as the current page.
    step: Memo<Step>,
) -> impl IntoView {
    let current = expect_context::<Current>();
    let filled = Memo::new(move |_| {
        current
            .read(|i| Step::ALL.map(|s| status::has_content(i, s)))
            .unwrap_or([false; 7])
    });
    view! {
        <nav class="step-nav" aria-label="Steps">
            <ol>
                {Step::ALL.into_iter().map(|s| {
                    let has_notes = move || filled.get()[s as usize];
                    view! {
                        <li>
                            <a href=Route::Incident(current.id, Some(s)).href()
                                aria-current=move || (step.get() == s).then_some("step")
                                aria-describedby=move || has_notes().then_some("step-has-notes")
                                class:filled=has_notes>
                                <span class="step-number">{s.number()}</span>
                                " "
                                <span class="step-name">{s.name()}</span>
                                <span class="filled-mark" aria-hidden="true">{text(move || if has_notes() { " \u{2713}" } else { "" }.into())}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <span id="step-has-notes" hidden>"Has notes"</span>
        </nav>
    }
}
