//! "Export all, encrypted": the backup file sealed with a passphrase of its own, typed
//! twice, so that only Mend, given that passphrase, can read it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::passphrase::check_new;
use crate::ui::context;
use crate::ui::parts::lock_settings::PassphrasePair;
use crate::ui::state::exporting::export_all_sealed;
use crate::ui::state::library::Library;

#[component]
pub fn SealedExport(
    /// Where the outcome is said: a message, or what went wrong.
    report: Callback<Result<String, String>>,
) -> impl IntoView {
    let library = context::needed::<Library>();
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let export = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let passphrase = first.get_untracked();
        if let Err(why) = check_new(&passphrase, &again.get_untracked()) {
            report.run(Err(why.to_owned()));
            return;
        }
        report.run(Ok("Encrypting the backup\u{2026}".into()));
        spawn_local(async move {
            let made = export_all_sealed(library, passphrase).await;
            if made.is_ok() {
                first.try_set(String::new());
                again.try_set(String::new());
            }
            report.run(made.map(|d| d.to_string()).map_err(|e| e.to_string()));
        });
    };
    view! {
        <form class="sealed-export" on:submit=export>
            <PassphrasePair ids=["backup-new", "backup-strength", "backup-repeat"]
                label="Passphrase for an encrypted backup" repeat_label="Repeat the backup passphrase"
                first again/>
            <p><button type="submit">"Export all, encrypted"</button></p>
        </form>
    }
}
