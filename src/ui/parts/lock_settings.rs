//! Settings → "Lock with a passphrase": turning the lock on (the passphrase twice, a plain
//! strength hint, and the warning that it can't be recovered), changing the passphrase, the
//! idle time, and turning it off. Every change writes all or nothing.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::crypto::CryptoError;
use crate::model::passphrase::{check_new, AutoLock, Strength};
use crate::model::value::FieldValue;
use crate::ui::context;
use crate::ui::state::exporting::export_all;
use crate::ui::state::library::Library;
use crate::ui::state::lock_gate::LockGate;
use crate::ui::state::vault::{self, LockProblem};

const LOCK_IDS: [&str; 3] = ["lock-new", "lock-strength", "lock-repeat"];

#[component]
pub fn LockSettings() -> impl IntoView {
    let gate = context::needed::<LockGate>();
    let status = RwSignal::new(String::new());
    let problem = RwSignal::new(String::new());
    view! {
        <section class="settings-section" aria-labelledby="lock-heading">
            <h2 id="lock-heading">"Lock with a passphrase"</h2>
            {move || if gate.on.get() {
                view! { <LockIsOn status problem/> }.into_any()
            } else {
                view! { <TurnOn status problem/> }.into_any()
            }}
            <p role="status">{status}</p>
            <p role="alert">{problem}</p>
        </section>
    }
}

/// A labelled password input.
#[component]
fn Secret(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] described_by: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="password" autocomplete="off" aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

/// A new passphrase and its repeat, with the strength hint under the first: the lock's
/// and an encrypted backup's. `ids`: the first field's, the hint's, the repeat's.
#[component]
pub fn PassphrasePair(
    ids: [&'static str; 3],
    label: &'static str,
    repeat_label: &'static str,
    first: RwSignal<String>,
    again: RwSignal<String>,
) -> impl IntoView {
    let strength = move || first.with(|p| (!p.is_empty()).then(|| Strength::of(p).hint()));
    view! {
        <Secret id=ids[0] label value=first described_by=ids[1]/>
        <p class="hint" id=ids[1] aria-live="polite">{strength}</p>
        <Secret id=ids[2] label=repeat_label value=again/>
    }
}

fn said(problem: LockProblem) -> String {
    match problem {
        LockProblem::Crypto(CryptoError::Refused) => {
            "That is not the current passphrase. Nothing was changed.".into()
        }
        other => format!("Not done: {other}."),
    }
}

#[component]
fn TurnOn(status: RwSignal<String>, problem: RwSignal<String>) -> impl IntoView {
    let library = context::needed::<Library>();
    let gate = context::needed::<LockGate>();
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let export = move |_| match export_all(library) {
        Ok(done) => status.set(done.to_string()),
        Err(e) => problem.set(e.to_string()),
    };
    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let passphrase = first.get_untracked();
        if let Err(why) = check_new(&passphrase, &again.get_untracked()) {
            problem.set(why.into());
            return;
        }
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(String::new());
        status.set("Encrypting everything\u{2026}".into());
        let theme = library.settings.with_untracked(|s| s.theme);
        // What waits is saved first, so the pass seals exactly what is on screen.
        library.flush_then(move || {
            spawn_local(async move {
                let done = vault::turn_on(&passphrase, theme).await;
                busy.try_set(false);
                match done {
                    Ok(()) => {
                        // The pass removed the index; forgetting it too means that turning
                        // the lock off writes it again, though its rows are the same.
                        library.drop_index();
                        first.try_set(String::new());
                        again.try_set(String::new());
                        status.set(
                            "The lock is on. Everything Mend keeps in this browser is encrypted."
                                .into(),
                        );
                        gate.on.set(true);
                    }
                    Err(e) => {
                        status.set(String::new());
                        problem.set(said(e));
                    }
                }
            });
        });
    };
    view! {
        <p>"Encrypts every incident, setting and list in this browser. Without the passphrase nobody can read them, even with the computer in hand."</p>
        <p><strong>"If you forget the passphrase, nobody can recover your incidents."</strong>" Export all first, and keep the file somewhere private."</p>
        <p><button type="button" on:click=export>"Export all"</button></p>
        <form on:submit=turn_on>
            <PassphrasePair ids=LOCK_IDS label="New passphrase" repeat_label="Repeat the passphrase" first again/>
            <p><button type="submit" aria-disabled=move || busy.get().then_some("true")>"Turn on the lock"</button></p>
        </form>
    }
}

#[component]
fn LockIsOn(status: RwSignal<String>, problem: RwSignal<String>) -> impl IntoView {
    let library = context::needed::<Library>();
    let gate = context::needed::<LockGate>();
    let current = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (old, new) = (current.get_untracked(), first.get_untracked());
        if let Err(why) = check_new(&new, &again.get_untracked()) {
            problem.set(why.into());
            return;
        }
        problem.set(String::new());
        status.set("Changing the passphrase\u{2026}".into());
        spawn_local(async move {
            match vault::change(&old, &new).await {
                Ok(()) => {
                    for field in [current, first, again] {
                        field.try_set(String::new());
                    }
                    status.set("The passphrase is changed. Use the new one from now on.".into());
                }
                Err(e) => {
                    status.set(String::new());
                    problem.set(said(e));
                }
            }
        });
    };
    let turn_off = move |_| {
        problem.set(String::new());
        status.set("Decrypting everything\u{2026}".into());
        library.flush_then(move || {
            spawn_local(async move {
                match vault::turn_off().await {
                    Ok(()) => {
                        gate.on.set(false);
                        status.set("The lock is off. Mend's records in this browser are no longer encrypted.".into());
                    }
                    Err(e) => {
                        status.set(String::new());
                        problem.set(said(e));
                    }
                }
            });
        });
    };
    let auto_lock = move || library.settings.with(|s| s.auto_lock);
    view! {
        <p>"The lock is on: everything Mend keeps in this browser is encrypted. \u{201c}Lock now\u{201d} at the top locks every Mend tab."</p>
        <fieldset class="choices">
            <legend>"Lock by itself when idle"</legend>
            {AutoLock::SHOWN.iter().map(|choice| {
                let (key, label) = (choice.key(), choice.label());
                let id = format!("auto-lock-{key}");
                let choose = move |_| library.change_settings(|s| s.auto_lock.set_text(key));
                view! {
                    <div class="field check">
                        <input type="radio" name="auto-lock" id=id.clone() value=key
                            prop:checked=move || auto_lock().key() == key on:change=choose/>
                        <label for=id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <h3>"Change the passphrase"</h3>
        <form on:submit=change>
            <Secret id="lock-current" label="Current passphrase" value=current/>
            <PassphrasePair ids=LOCK_IDS label="New passphrase" repeat_label="Repeat the new passphrase" first again/>
            <p><button type="submit">"Change passphrase"</button></p>
        </form>
        <h3>"Turn the lock off"</h3>
        <p>"Decrypts everything and stores it plain in this browser again."</p>
        <p><button type="button" on:click=turn_off>"Turn off the lock"</button></p>
    }
}
