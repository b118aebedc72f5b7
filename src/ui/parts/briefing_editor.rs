//! The Own up briefing: a draft composed from the user's notes until they edit it, then theirs.
//! A fresh draft replaces their text only after they confirm. A wording check sits beside it.

use leptos::prelude::*;

use crate::model::limits::MAX_LENGTH;
use crate::model::{briefing, wording};
use crate::ui::context;
use crate::ui::dialogs::modal::{Modal, ModalState};
use crate::ui::dom_ids;
use crate::ui::form::FieldInput;
use crate::ui::memo::memo;
use crate::ui::parts::send_actions::SendActions;
use crate::ui::parts::when::When;
use crate::ui::reactive_text::text;
use crate::ui::state::current::Current;
use crate::ui::steps::own_up;

#[component]
pub fn BriefingEditor() -> impl IntoView {
    let current = context::needed::<Current>();
    let draft = memo(move || current.read(briefing::current).unwrap_or_default());
    let subject = memo(move || current.read(briefing::subject).unwrap_or_default());
    let edited = memo(move || {
        current
            .read(|i| i.steps.own_up.briefing.is_some())
            .unwrap_or(false)
    });
    let flags = memo(move || draft.with(|t| wording::check(t)));
    let to = memo(move || {
        current
            .read(|i| i.steps.own_up.tell_email.clone())
            .unwrap_or_default()
    });
    // Focus goes back to the button that opened it; after a fresh draft that button is
    // gone, so to the new draft itself.
    let asking = ModalState::new(dom_ids::FRESH_DRAFT_DIALOG, "briefing");
    let regenerate = move |_| {
        current.edit(|i| i.steps.own_up.briefing = None);
        asking.close();
    };

    view! {
        <section aria-labelledby="briefing-heading">
            <h2 id="briefing-heading">"Briefing"</h2>
            <div class="field">
                <label for="briefing">"What to say"</label>
                <p class="hint" id="briefing-hint">{text(move || if edited.get() {
                    "Your own version. It stays as you wrote it."
                } else {
                    "A draft from your notes in Assess, Solutions and above. It follows your notes until you edit it. About 30 seconds to say."
                }.into())}</p>
                <textarea id="briefing" rows="12" aria-describedby="briefing-hint" maxlength=MAX_LENGTH prop:value=draft
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        current.edit(|i| i.steps.own_up.briefing = Some(value));
                    }></textarea>
            </div>
            <FieldInput field=&own_up::EMAIL/>
            <SendActions subject body=draft to/>
            <When when=move || edited.get()>
                <p><button type="button" class="quiet" on:click=move |_| asking.open()>"Write a fresh draft"</button></p>
            </When>
            <Modal state=asking labelledby="fresh-draft-heading" describedby="fresh-draft-text">
                <h2 id="fresh-draft-heading">"Write a fresh draft?"</h2>
                <p id="fresh-draft-text">"A new draft from your notes will replace the text you wrote. Copy it first if you want to keep any of it."</p>
                <div class="actions">
                    <button type="button" on:click=regenerate>"Replace with a fresh draft"</button>
                    <button type="button" class="primary" autofocus on:click=move |_| asking.close()>"Keep my version"</button>
                </div>
            </Modal>
            <section class="wording" aria-labelledby="wording-heading">
                <h3 id="wording-heading">"Wording check"</h3>
                {move || flags.with(|flags| if flags.is_empty() {
                    view! { <p>"Nothing to change: it reads plainly."</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {flags.iter().map(|f| view! {
                                <li><strong>"\u{201c}" {f.phrase.clone()} "\u{201d}"</strong> ": " {f.suggestion}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </section>
        </section>
    }
}
