//! The lock screen: one passphrase field and Unlock. A wrong passphrase is said plainly and
//! loses nothing; tries after the third wait a little longer each time, and nothing is wiped.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::crypto::CryptoError;
use crate::browser::{page, tasks};
use crate::model::passphrase::wait_after;
use crate::ui::context;
use crate::ui::dom_ids;
use crate::ui::state::lock_gate::LockGate;
use crate::ui::state::vault::{self, LockProblem};

#[component]
pub fn LockScreen() -> impl IntoView {
    let gate = context::needed::<LockGate>();
    page::set_title("Locked · Mend");
    let passphrase = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failures = StoredValue::new(0u32);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            message.set("Type your passphrase first.".into());
            return;
        }
        busy.set(true);
        message.set("Unlocking\u{2026}".into());
        spawn_local(async move {
            let wait = wait_after(failures.get_value());
            if wait > 0 {
                message.set(format!(
                    "Waiting {} seconds after several wrong tries\u{2026}",
                    wait / 1000
                ));
                tasks::sleep(wait).await;
            }
            match vault::unlock(&typed).await {
                Ok(()) => {
                    message.try_set(String::new());
                    gate.locked.set(false);
                }
                Err(problem) => {
                    failures.try_update_value(|n| *n += 1);
                    busy.try_set(false);
                    passphrase.try_set(String::new());
                    message.try_set(match problem {
                        LockProblem::Crypto(CryptoError::Refused) => {
                            "That passphrase is not the right one. Nothing has changed; try again."
                                .into()
                        }
                        other => format!("Mend couldn't unlock: {other}. Nothing has changed."),
                    });
                    crate::browser::focus::by_id("unlock-passphrase");
                }
            }
        });
    };
    view! {
        <main id=dom_ids::MAIN class="lock-screen">
            <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Mend is locked"</h1>
            <p>"Your incidents are encrypted in this browser. Type your passphrase to open them."</p>
            <form on:submit=unlock>
                <div class="field">
                    <label for="unlock-passphrase">"Passphrase"</label>
                    <input id="unlock-passphrase" type="password" autocomplete="current-password"
                        autofocus aria-describedby="unlock-message"
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                </div>
                <p><button type="submit" aria-disabled=move || busy.get().then_some("true")>"Unlock"</button></p>
            </form>
            <p id="unlock-message" role="status">{message}</p>
            <p class="hint">"Forgot it? It can't be recovered, by anyone. A backup you exported can still be imported in another browser profile."</p>
        </main>
    }
}
