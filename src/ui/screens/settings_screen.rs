//! Settings: discreet mode, light or dark colours, whether the browser will keep Mend's data,
//! export, and clearing all of Mend's data from this device after a typed confirmation.

use leptos::prelude::*;

use crate::browser::{page, storage_manager, LocalStore};
use crate::model::settings::{confirms_clear, storage_use, CLEAR_CONFIRMATION, CLEAR_LABEL};
use crate::model::value::FieldValue;
use crate::model::{Durability, Theme};
use crate::ui::context;
use crate::ui::dom_ids;
use crate::ui::parts::lock_settings::LockSettings;
use crate::ui::parts::sealed_export::SealedExport;
use crate::ui::parts::text_field::TextField;
use crate::ui::reactive_text::text;
use crate::ui::state::exporting::export_all;
use crate::ui::state::library::Library;

#[component]
pub fn SettingsScreen() -> impl IntoView {
    page::set_title("Settings · Mend");
    view! {
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Settings"</h1>
        <DiscreetMode/>
        <Colours/>
        <LockSettings/>
        <KeepingData/>
        <YourData/>
    }
}

#[component]
fn DiscreetMode() -> impl IntoView {
    let library = context::needed::<Library>();
    let discreet = move || library.settings.with(|s| s.discreet);
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        library.change_settings(|s| s.discreet = on);
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

/// Light, dark, or whatever the device is set to. Radios, so arrow keys move between them.
#[component]
fn Colours() -> impl IntoView {
    let library = context::needed::<Library>();
    let theme = move || library.settings.with(|s| s.theme);
    view! {
        <section class="settings-section" aria-labelledby="theme-heading">
            <h2 id="theme-heading">"Light or dark"</h2>
            <fieldset class="choices" aria-labelledby="theme-heading">
                {Theme::OPTIONS.iter().map(|&(key, label)| {
                    let id = format!("theme-{key}");
                    let choose = move |_| library.change_settings(|s| s.theme.set_text(key));
                    view! {
                        <div class="field check">
                            <input type="radio" name="theme" id=id.clone() value=key
                                prop:checked=move || theme().key() == key on:change=choose/>
                            <label for=id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
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
            <p role="status">{text(move || durability.get().summary().into())}</p>
            <p>{text(move || durability.get().advice().into())}</p>
            <p hidden=move || !durability.get().can_ask()>
                <button type="button" on:click=ask>"Ask the browser to keep it"</button>
            </p>
        </section>
    }
}

#[component]
fn YourData() -> impl IntoView {
    let library = context::needed::<Library>();
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
        let made = export_all(library);
        report(made.map(|d| d.to_string()).map_err(|e| e.to_string()));
    };

    let confirm = RwSignal::new(String::new());
    // Tied to the confirmation field, where the fix is.
    let wrong_word = RwSignal::new(String::new());
    let clear = move |_| {
        if !confirms_clear(&confirm.get_untracked()) {
            report(Ok(String::new()));
            wrong_word.set(format!(
                "Nothing was deleted. To go ahead, type {CLEAR_CONFIRMATION} here."
            ));
            return;
        }
        wrong_word.set(String::new());
        confirm.set(String::new());
        report(match library.clear_all() {
            Ok(()) => Ok("All of Mend's data on this device has been deleted.".to_owned()),
            Err(e) => Err(format!(
                "Not everything could be deleted: {e}. What is left is shown in Mend."
            )),
        });
    };

    view! {
        <section class="settings-section" aria-labelledby="data-heading">
            <h2 id="data-heading">"Your data on this device"</h2>
            <p>
                {text(move || match library.with_all(<[_]>::len) {
                    1 => "1 incident is".to_owned(),
                    n => format!("{n} incidents are"),
                })}
                " saved in this browser, and nowhere else. "
                "An export is one JSON file of every incident. \u{201c}Export all\u{201d} makes it "
                "plain, so keep it somewhere private; an encrypted one opens only in Mend, with "
                "its passphrase."
            </p>
            <p><button type="button" on:click=export>"Export all"</button></p>
            <SealedExport report=Callback::new(report)/>
            <h3>"Space used"</h3>
            <p>{text(move || {
                // Measured again after anything that changes what is stored.
                library.with_all(|_| ());
                library.save_state.track();
                match LocalStore::open().and_then(|store| store.units_in_use()) {
                    Ok(units) => storage_use(units),
                    Err(e) => format!("Mend can't measure it: {e}."),
                }
            })}</p>
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
                error=wrong_word
            />
            <p><button type="button" class="danger" on:click=clear>"Clear all data"</button></p>
            <p role="status">{status}</p>
            <p role="alert">{problem}</p>
        </section>
    }
}
