//! Copy a message, share it (where the browser can), or open it in the user's own mail app.
//! Mend itself never sends anything.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clipboard;
use crate::browser::share::{self, Shared};
use crate::model::mailto;

#[component]
pub fn SendActions(
    /// The subject line for the mail app, and the title when shared.
    #[prop(into)]
    subject: Signal<String>,
    /// The text to copy or send.
    #[prop(into)]
    body: Signal<String>,
    /// Who the email link addresses; the mail app asks when it is empty.
    #[prop(optional, into)]
    to: Signal<String>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| copy_to(body.get_untracked(), status, "Copied.");
    let send = move |_| {
        let (title, text) = (subject.get_untracked(), body.get_untracked());
        spawn_local(async move {
            status.set(match share::share(&title, &text).await {
                Shared::Done => "Shared.".into(),
                Shared::Cancelled => String::new(),
                Shared::Failed => "Couldn't share. Copy it, or open it in your mail app.".into(),
            });
        });
    };
    view! {
        <div class="send-actions">
            <button type="button" on:click=copy>"Copy"</button>
            {share::available().then(|| view! { <button type="button" on:click=send>"Share"</button> })}
            <a class="button" href=move || mailto::link_to(&to.get(), &subject.get(), &body.get())>"Open in mail app"</a>
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
