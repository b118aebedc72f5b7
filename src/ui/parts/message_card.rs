//! A message composed from the incident, shown read-only, ready to copy or send.

use leptos::prelude::*;

use crate::model::follow_up::{beginning, Message};
use crate::ui::memo::memo;
use crate::ui::parts::send_actions::SendActions;
use crate::ui::reactive_text::text;

/// The most of a message its box shows, in bytes: about 300 names. The buttons take all of it.
const SHOWN: usize = 4_000;

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
    let shown = memo(move || {
        body.with(|body| {
            let (head, cut) = beginning(body, SHOWN);
            (head.to_owned(), cut)
        })
    });
    let heading_id = format!("{key}-heading");
    let (section_label, text_label) = (heading_id.clone(), heading_id.clone());
    let cut_id = format!("{key}-cut");
    view! {
        <section class="message" aria-labelledby=section_label>
            <h2 id=heading_id>{title}</h2>
            <p class="hint">{text(move || format!("Subject: {}", subject.get()))}</p>
            <textarea readonly rows="8" aria-labelledby=text_label aria-describedby=cut_id.clone()
                prop:value=text(move || shown.with(|(head, _)| head.clone()))></textarea>
            // Empty, and so not shown, unless the message goes on past the box.
            <p class="hint cut-note" id=cut_id>{text(move || {
                let long = "This message is long, so the box shows its beginning. Copy, Share and Open in mail app take all of it.";
                shown.with(|(_, cut)| if *cut { long } else { "" }).into()
            })}</p>
            <SendActions subject body/>
        </section>
    }
}
