//! An encrypted backup picked for import: its passphrase is asked for here, and once it
//! opens the file, the import goes on to its preview as for a plain one.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::crypto::{self, CryptoError, KeyUse};
use crate::files::import;
use crate::files::sealed_backup::SealedBackup;
use crate::ui::dialogs::import_control::Importer;
use crate::ui::parts::when::When;

impl Importer {
    pub(super) fn ask_passphrase(self, name: String, backup: SealedBackup) {
        self.status.set(format!(
            "\u{201c}{name}\u{201d} is encrypted. Type its passphrase to open it."
        ));
        self.sealed.set(Some((name, backup)));
    }
}

#[component]
pub fn SealedImport(importer: Importer) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((name, backup)) = importer.sealed.get_untracked() else {
            return;
        };
        let typed = passphrase.get_untracked();
        importer.status.set("Opening the backup\u{2026}".into());
        importer.problem.set(String::new());
        spawn_local(async move {
            let opened =
                match crypto::derive(&typed, &backup.salt, backup.iterations, KeyUse::File).await {
                    Ok(key) => crypto::open(&key, &backup.envelope).await,
                    Err(e) => Err(e),
                };
            match opened {
                Ok(text) => {
                    importer.sealed.set(None);
                    passphrase.set(String::new());
                    importer.preview_file(name, import::read(&text));
                }
                Err(CryptoError::Refused) => {
                    importer.status.set(String::new());
                    importer.problem.set(
                        "That passphrase doesn't open this backup. Nothing was imported; try again."
                            .into(),
                    );
                }
                Err(e) => importer.refuse(&name, &format!("{e}.")),
            }
        });
    };
    let cancel = move |_| {
        importer.sealed.set(None);
        importer.status.set(String::new());
        importer.problem.set(String::new());
    };
    view! {
        <When when=move || importer.sealed.with(Option::is_some)>
            <form class="sealed-import" on:submit=open>
                <div class="field">
                    <label for="backup-passphrase">"Backup passphrase"</label>
                    <input id="backup-passphrase" type="password" autocomplete="off"
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                </div>
                <p>
                    <button type="submit">"Open backup"</button>
                    " "
                    <button type="button" on:click=cancel>"Cancel"</button>
                </p>
            </form>
        </When>
    }
}
