//! The checklist's files: print, Markdown, and a repeating calendar reminder.

use leptos::prelude::*;

use super::groups::Grouped;
use crate::browser::{page, platform};
use crate::files::calendar::Repeat;
use crate::files::checklist::{markdown, reminder};
use crate::model::value::FieldValue;
use crate::ui::state::exporting::{deliver, said};

/// Print, Markdown, and the calendar reminder, for the items in use.
#[component]
pub(super) fn FilesOut(
    in_use: Memo<Grouped>,
    status: RwSignal<String>,
    drawn_all: RwSignal<bool>,
) -> impl IntoView {
    let every = RwSignal::new(Repeat::default());
    let print = move |_| {
        drawn_all.set(true);
        page::print_soon();
    };
    let download = move |_| {
        let text = in_use.with(|groups| markdown(groups));
        status.set(said(deliver(
            "mend-preflight-checklist.md",
            "text/markdown",
            &text,
        )));
    };
    let calendar = move |_| {
        let made = in_use.with(|groups| {
            reminder(
                groups,
                platform::today(),
                every.get_untracked(),
                platform::now(),
            )
        });
        status.set(match made {
            Some(text) => said(deliver(
                "mend-preflight-reminder.ics",
                "text/calendar",
                &text,
            )),
            None => "A reminder can\u{2019}t start on the last day a calendar can hold.".into(),
        });
    };
    view! {
        <section class="checklist-files no-print" aria-labelledby="checklist-files-heading">
            <h2 id="checklist-files-heading">"Keep it handy"</h2>
            <p class="send-actions">
                <button type="button" on:click=print>"Print"</button>
                <button type="button" on:click=download>"Download as Markdown"</button>
            </p>
            <div class="field">
                <label for="reminder-repeat">"Remind me"</label>
                <select id="reminder-repeat" on:change=move |ev| every.update(|e| e.set_text(&event_target_value(&ev)))>
                    {Repeat::OPTIONS.iter().map(|(key, label)| view! { <option value=*key>{*label}</option> }).collect_view()}
                </select>
            </div>
            <p><button type="button" on:click=calendar>"Add to calendar (.ics)"</button></p>
        </section>
    }
}
