//! A message composed from the incident, shown read-only, ready to copy or send.

use leptos::prelude::*;

use crate::model::follow_up::Message;
use crate::ui::parts::send_actions::SendActions;
use crate::ui::reactive_text::text;

/// A composed message with its subject, read-only text, and ways to copy or send it.
#[component]
pub fn MessageCard(
    /// Makes the DOM ids.
    key: &'static str,
    /// The card's heading.
    title: &'static str,
    /// The composed message; empty fields while there is none.
    message: Memo<Option<Message>>,
) -> impl IntoView {
    let part = move |read: fn(&Message) -> String| {
        Signal::derive(move || message.with(|m| m.as_ref().map(read).unwrap_or_default()))
    };
    let (subject, body) = (part(|m| m.subject.clone()), part(|m| m.body.clone()));
    let heading_id = format!("{key}-heading");
    let (section_label, text_label) = (heading_id.clone(), heading_id.clone());
    view! {
        <section class="message" aria-labelledby=section_label>
            <h2 id=heading_id>{title}</h2>
            <p class="hint">{text(move || format!("Subject: {}", subject.get()))}</p>
            <textarea readonly rows="8" aria-labelledby=text_label prop:value=body></textarea>
            <SendActions subject body/>
        </section>
    }
}
