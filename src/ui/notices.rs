//! Messages for the whole app: save problems (announced as alerts) and the Undo offer
//! after a delete or a removal (announced politely).

use leptos::prelude::*;

use super::dom_ids;
use super::library::{Library, SaveState, Undo};
use crate::browser::page;

#[component]
pub fn Notices() -> impl IntoView {
    let library = expect_context::<Library>();
    // Read again whenever the save state changes: clearing all data can lift read-only.
    let problem = Memo::new(move |_| match library.save_state.get() {
        SaveState::Failed(message) => Some(message),
        _ => library.read_only().map(|reason| {
            format!(
                "Mend can't save in this browser right now: {reason}. \
                 You can still read and write here, but changes won't be kept."
            )
        }),
    });
    // Discreet mode never shows a title, here either.
    let undo_text = move || {
        let discreet = library.settings.with(|s| s.discreet);
        library.undo.with(|u| {
            u.as_ref().map(|u| match u {
                Undo::Incident { .. } if discreet => "Deleted an incident. ".to_owned(),
                Undo::Incident { incident, .. } => {
                    format!("Deleted \u{201c}{}\u{201d}. ", incident.display_title())
                }
                Undo::Item { what, .. } => format!("Removed {what}. "),
            })
        })
    };

    view! {
        // Live regions stay in the page so that changes to them are announced.
        <div class="notice notice-problem" role="alert" class:empty=move || problem.with(Option::is_none)>
            {problem}
        </div>
        <div class="notice notice-undo" role="status" class:empty=move || undo_text().is_none()>
            {move || undo_text().map(|text| view! {
                <span>{text}</span>
                // Both buttons vanish when pressed; focus goes back to the screen's heading.
                <button type="button" on:click=move |_| {
                    library.undo();
                    page::focus(dom_ids::SCREEN_HEADING);
                }>"Undo"</button>
                <button type="button" class="quiet" on:click=move |_| {
                    library.undo.set(None);
                    page::focus(dom_ids::SCREEN_HEADING);
                }>"Dismiss"</button>
            })}
        </div>
    }
}
