//! Records that could not be read: explained, left untouched, and offered for download.

use leptos::prelude::*;

use crate::browser::download::download_text;
use crate::persist::{StorageKey, Unreadable};
use crate::ui::context;
use crate::ui::parts::when::When;

#[component]
pub fn UnreadableList() -> impl IntoView {
    let library = context::needed::<crate::ui::state::library::Library>();
    let items = move || library.unreadable.get();
    view! {
        <When when=move || library.unreadable.with(|u| !u.is_empty())>
            <section class="unreadable" aria-labelledby="unreadable-heading">
                <h2 id="unreadable-heading">"Saved records that could not be read"</h2>
                <p>"Mend has left them exactly as they are. You can download a copy of each."</p>
                <ul>
                    {move || items().into_iter().map(|item| view! { <UnreadableItem item/> }).collect_view()}
                </ul>
            </section>
        </When>
    }
}

/// One key that could not be read: what it was, why, and a download of its raw text.
#[component]
fn UnreadableItem(
    /// The key, its raw text and the reason.
    item: Unreadable,
) -> impl IntoView {
    let name = match &item.key {
        StorageKey::Incident(id) => format!("incident {id}"),
        StorageKey::Meta => "Mend's version record".to_owned(),
        StorageKey::Settings => "your settings".to_owned(),
        StorageKey::Checklist => "your pre-flight checklist".to_owned(),
        StorageKey::Lock => "the passphrase lock".to_owned(),
        StorageKey::Index => "the list's index".to_owned(),
        StorageKey::Unknown(raw) => format!("record {raw}"),
    };
    let file_name = format!(
        "mend-unreadable-{}.txt",
        item.key.as_string().replace(['.', ':', '/'], "-")
    );
    let failed = RwSignal::new(false);
    let reason = item.reason.to_string();
    let download = move |_| {
        let text = item.download_text();
        failed.set(download_text(&file_name, "text/plain", &text).is_err());
    };
    view! {
        <li class="unreadable-item">
            <p>
                <strong>"Could not be read: "</strong>
                {name}
                " \u{2014} "
                {reason}
                "."
            </p>
            <button type="button" on:click=download>"Download raw record"</button>
            <When when=move || failed.get()>
                <p role="alert">"The browser would not create the file."</p>
            </When>
        </li>
    }
}
