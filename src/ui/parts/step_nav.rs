//! The "Steps" navigation: seven links, the current one marked, each saying whether it is
//! done, started or not started, so notes alone are never taken for done.

use leptos::prelude::*;

use crate::model::milestones::{progress, Progress};
use crate::model::Step;
use crate::route::Route;
use crate::ui::context;
use crate::ui::memo::memo;
use crate::ui::reactive_text::text;
use crate::ui::state::current::Current;

/// The links to the seven steps of the current incident.
#[component]
pub fn StepNav(
    /// The step on screen, marked as the current page.
    step: Memo<Step>,
) -> impl IntoView {
    let current = context::needed::<Current>();
    let states = memo(move || {
        current
            .read(|i| Step::ALL.map(|s| progress(i, s)))
            .unwrap_or([Progress::NotStarted; 7])
    });
    view! {
        <nav class="step-nav" aria-label="Steps">
            <ol>
                {Step::ALL.into_iter().map(|s| {
                    let state = move || states.get()[s as usize];
                    view! {
                        <li>
                            <a href=Route::Incident(current.id, Some(s)).href()
                                aria-current=move || (step.get() == s).then_some("step")
                                aria-describedby=move || match state() {
                                    Progress::NotStarted => None,
                                    Progress::Started => Some("step-started"),
                                    Progress::Done => Some("step-done"),
                                }
                                class:started=move || state() == Progress::Started
                                class:done=move || state() == Progress::Done>
                                <span class="step-number">{s.number()}</span>
                                " "
                                <span class="step-name">{s.name()}</span>
                                <span class="step-mark" aria-hidden="true">{text(move || match state() {
                                    Progress::NotStarted => "",
                                    Progress::Started => " \u{2022}",
                                    Progress::Done => " \u{2713}",
                                }.into())}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <span id="step-started" hidden>{Progress::Started.label()}</span>
            <span id="step-done" hidden>{Progress::Done.label()}</span>
        </nav>
    }
}
