//! Copy a message, or open it in the user's own mail app. Mend itself never sends anything.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clipboard;
use crate::model::mailto;

#[component]
pub fn SendActions(
    /// The subject line for the mail app.
    #[prop(into)]
    subject: Signal<String>,
    /// The text to copy or send.
    #[prop(into)]
    body: Signal<String>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| copy_to(body.get_untracked(), status, "Copied.");
    view! {
        <div class="send-actions">
            <button type="button" on:click=copy>"Copy"</button>
            <a class="button" href=move || mailto::link(&subject.get(), &body.get())>"Open in mail app"</a>
            <span role="status" class="quiet-status">{status}</span>
        </div>
    }
}

/// Copies `text` and says in `status` how it went: `done`, or how to copy by hand.
pub fn copy_to(text: String, status: RwSignal<String>, done: &'static str) {
    spawn_local(async move {
        status.set(match clipboard::copy(&text).await {
            Ok(()) => done.into(),
            Err(why) => format!("Couldn't copy: {why}. Select the text and copy it by hand."),
        });
    });
}
