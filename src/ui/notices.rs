//! Messages for the whole app: save problems (announced as alerts) and the Undo offer
//! after a delete (announced politely).

use leptos::prelude::*;

use super::library::{Library, SaveState};

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
    let deleted_title = move || {
        let discreet = library.settings.with(|s| s.discreet);
        library.deleted.with(|d| {
            d.as_ref().map(|d| match discreet {
                true => "Deleted an incident. ".to_owned(),
                false => format!("Deleted \u{201c}{}\u{201d}. ", d.incident.display_title()),
            })
        })
    };

    view! {
        // Live regions stay in the page so that changes to them are announced.
        <div class="notice notice-problem" role="alert" class:empty=move || problem.with(Option::is_none)>
            {problem}
        </div>
        <div class="notice notice-undo" role="status" class:empty=move || deleted_title().is_none()>
            {move || deleted_title().map(|title| view! {
                <span>{title}</span>
                <button type="button" on:click=move |_| library.undo_delete()>"Undo"</button>
                <button type="button" class="quiet" on:click=move |_| library.deleted.set(None)>"Dismiss"</button>
            })}
        </div>
    }
}
