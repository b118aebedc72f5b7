//! The quiet "Saved" note in the header. Failures are announced by `Notices`, not here.

use leptos::prelude::*;

use crate::ui::context;
use crate::ui::state::library::{Library, SaveState};

#[component]
pub fn SaveIndicator() -> impl IntoView {
    let library = context::needed::<Library>();
    let text = move || match library.save_state.get() {
        SaveState::Idle => "",
        SaveState::Pending => "Saving…",
        SaveState::Saved => "Saved",
        SaveState::Failed(_) => "Not saved",
    };
    view! { <span class="save-indicator" data-state=move || text().to_ascii_lowercase()>{text}</span> }
}
