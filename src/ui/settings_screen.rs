//! Settings: discreet mode, whether the browser will keep Mend's data, export, and clearing
//! all of Mend's data from this device after a typed confirmation.

use leptos::prelude::*;

use super::dom_ids;
use super::library::Library;
use super::text_field::TextField;
use crate::browser::{download::download_text, page, perf, platform, storage_manager};
use crate::model::settings::{confirms_clear, CLEAR_CONFIRMATION, CLEAR_LABEL};
use crate::model::{Durability, Settings};
use crate::persist::backup;

#[component]
pub fn SettingsScreen() -> impl IntoView {
    page::set_title("Settings · Mend");
    view! {
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Settings"</h1>
        <DiscreetMode/>
        <KeepingData/>
        <YourData/>
    }
}

#[component]
fn DiscreetMode() -> impl IntoView {
    let library = expect_context::<Library>();
    let discreet = move || library.settings.with(|s| s.discreet);
    let toggle = move |ev| {
        library.set_settings(Settings {
            discreet: event_target_checked(&ev),
        })
    };
    view! {
        <section class="settings-section" aria-labelledby="discreet-heading">
            <h2 id="discreet-heading">"Discreet mode"</h2>
            <div class="checkbox-field">
                <input id="discreet" type="checkbox" aria-describedby="discreet-hint"
                    prop:checked=discreet on:change=toggle/>
                <label for="discreet">"Show neutral titles"</label>
            </div>
            <p class="hint" id="discreet-hint">
                "For using Mend at work: the list and the browser tab say \u{201c}Incident 1\u{201d}, "
                "\u{201c}Incident 2\u{201d} (in the order you started them) instead of your titles. "
                "Inside an incident you still see what you wrote."
            </p>
        </section>
    }
}

#[component]
fn KeepingData() -> impl IntoView {
    let durability = RwSignal::new(Durability::Checking);
    // Reads the browser's answer, or asks for the promise first when `ask` is set.
    let refresh = move |ask: bool| {
        leptos::task::spawn_local(async move {
            let answer = storage_manager::answer(ask).await;
            durability.try_set(Durability::from_answer(answer));
        })
    };
    refresh(false);
    let ask = move |_| refresh(true);
    view! {
        <section class="settings-section" aria-labelledby="keeping-heading">
            <h2 id="keeping-heading">"Keeping your data"</h2>
            <p role="status">{move || durability.get().summary()}</p>
            <p>{move || durability.get().advice()}</p>
            <p hidden=move || !durability.get().can_ask()>
                <button type="button" on:click=ask>"Ask the browser to keep it"</button>
            </p>
        </section>
    }
}

#[component]
fn YourData() -> impl IntoView {
    let library = expect_context::<Library>();
    // One polite message and one alert for this section; the latest action sets them.
    let status = RwSignal::new(String::new());
    let problem = RwSignal::new(String::new());
    let report = move |result: Result<String, String>| {
        let (ok, err) = match result {
            Ok(message) => (message, String::new()),
            Err(message) => (String::new(), message),
        };
        status.set(ok);
        problem.set(err);
    };
    let export = move |_| {
        // From the click until the file's Blob exists and its download has started.
        let span = perf::Span::start("mend:export", "mend:export:start");
        let now = platform::now();
        let text = library.incidents.with_untracked(|all| {
            library
                .unreadable
                .with_untracked(|bad| backup::export(all, bad, now))
        });
        let name = backup::file_name(now);
        let done = text.map(|text| download_text(&name, "application/json", &text));
        drop(span);
        report(match done {
            Ok(Ok(())) => Ok(format!("Downloaded {name}.")),
            Ok(Err(e)) => Err(format!("The export didn't work: {e}.")),
            Err(e) => Err(format!("The export didn't work: {e}.")),
        });
    };

    let confirm = RwSignal::new(String::new());
    let clear = move |_| {
        report(if !confirms_clear(&confirm.get_untracked()) {
            Err(format!(
                "Nothing was deleted. To confirm, type {CLEAR_CONFIRMATION} in the box."
            ))
        } else {
            confirm.set(String::new());
            match library.clear_all() {
                Ok(()) => Ok("All of Mend's data on this device has been deleted.".to_owned()),
                Err(e) => Err(format!(
                    "Not everything could be deleted: {e}. What is left is shown in Mend."
                )),
            }
        });
    };

    view! {
        <section class="settings-section" aria-labelledby="data-heading">
            <h2 id="data-heading">"Your data on this device"</h2>
            <p>
                {move || match library.incidents.with(Vec::len) {
                    1 => "1 incident is".to_owned(),
                    n => format!("{n} incidents are"),
                }}
                " saved in this browser, and nowhere else. "
                "An export is one JSON file of every incident. It is not encrypted, so keep it "
                "somewhere private."
            </p>
            <p><button type="button" on:click=export>"Export all"</button></p>
            <h3>"Clear all data on this device"</h3>
            <p>
                "This deletes every incident and setting Mend has saved in this browser, and "
                "nothing else. It can't be undone, so export all first if you may want them later."
            </p>
            <TextField
                id="clear-confirm"
                label=CLEAR_LABEL
                value=confirm
                on_input=move |text| confirm.set(text)
            />
            <p><button type="button" class="danger" on:click=clear>"Clear all data"</button></p>
            <p role="status">{status}</p>
            <p role="alert">{problem}</p>
        </section>
    }
}
