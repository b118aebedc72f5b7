//! Step it up's one action: this incident's commitments and extra checks onto the personal
//! pre-flight checklist. The incident itself is unchanged.

use leptos::prelude::*;

use crate::route::Route;
use crate::ui::context;
use crate::ui::state::current::Current;

#[component]
pub fn AddToChecklist() -> impl IntoView {
    let current = context::needed::<Current>();
    let library = current.library();
    let status = RwSignal::new(String::new());
    let add = move |_| {
        let Some(incident) = current.read_untracked(Clone::clone) else {
            return;
        };
        let mut added = 0;
        library.change_checklist(|c| added = c.gather([&incident]));
        status.set(match added {
            0 => "They are all on your pre-flight checklist already.".to_owned(),
            1 => "Added 1 to your pre-flight checklist.".to_owned(),
            n => format!("Added {n} to your pre-flight checklist."),
        });
    };
    view! {
        <section aria-labelledby="add-to-checklist-heading">
            <h2 id="add-to-checklist-heading">"Your pre-flight checklist"</h2>
            <p class="hint">"One list of checks from all your incidents, to run through before similar work."</p>
            <p class="send-actions">
                <button type="button" on:click=add>"Add to my pre-flight checklist"</button>
                <a href=Route::Checklist.href()>"Open the checklist"</a>
            </p>
            <p role="status" class="quiet-status">{status}</p>
        </section>
    }
}
