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
use crate::ui::apart::apart;

/// The form for one step.
pub fn step_view(step: Step) -> AnyView {
    match step {
        Step::Stop => apart(stop::StopStep),
        Step::Assess => apart(assess::AssessStep),
        Step::Solutions => apart(solutions::SolutionsStep),
        Step::OwnUp => apart(own_up::OwnUpStep),
        Step::Fix => apart(fix::FixStep),
        Step::FollowUp => apart(follow_up::FollowUpStep),
        Step::StepItUp => apart(step_it_up::StepItUpStep),
    }
}
