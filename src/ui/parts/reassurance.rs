//! The seed's reassurance: one short line at each of the three moments it helps most, on
//! Stop, before Own up, and on Step it up. Each step shows its own line once, the same way.

use leptos::prelude::*;

/// Where a line of reassurance appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    Stop,
    OwnUp,
    StepItUp,
}

impl Moment {
    pub const fn line(self) -> &'static str {
        match self {
            Moment::Stop => "This is fixable. Most mistakes are.",
            Moment::OwnUp => "Telling them quickly is what people remember.",
            Moment::StepItUp => "How you recover is what people will remember.",
        }
    }
}

/// The reassuring line for one moment.
#[component]
pub fn Reassurance(
    /// Which step's line to show.
    moment: Moment,
) -> impl IntoView {
    view! { <p class="reassurance">{moment.line()}</p> }
}
