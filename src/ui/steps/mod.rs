//! The seven steps, one file each, in the order the user walks them.

pub(crate) mod assess;
mod fix;
mod follow_up;
pub(crate) mod own_up;
mod solutions;
mod step_it_up;
mod stop;

use leptos::prelude::*;

use crate::model::Step;

/// The form for one step.
pub fn step_view(step: Step) -> AnyView {
    match step {
        Step::Stop => stop::StopStep().into_any(),
        Step::Assess => assess::AssessStep().into_any(),
        Step::Solutions => solutions::SolutionsStep().into_any(),
        Step::OwnUp => own_up::OwnUpStep().into_any(),
        Step::Fix => fix::FixStep().into_any(),
        Step::FollowUp => follow_up::FollowUpStep().into_any(),
        Step::StepItUp => step_it_up::StepItUpStep().into_any(),
    }
}
