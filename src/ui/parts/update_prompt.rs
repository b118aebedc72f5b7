//! "A new version is ready — Reload": registers the service worker and, when a new version
//! is waiting, offers to switch. Until then this tab keeps running the version it started.

use leptos::prelude::*;

use crate::browser::service_worker;
use crate::ui::parts::when::When;

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let ready = RwSignal::new(false);
    // The worker's listeners belong to this component and go when it does.
    service_worker::register(move || ready.set(true));
    view! {
        // A polite live region that is always in the page, so its message is announced.
        <div class="notice notice-update" aria-live="polite" class:empty=move || !ready.get()>
            <When when=move || ready.get()>
                <span>"A new version is ready \u{2014} "</span>
                <button type="button" on:click=|_| service_worker::apply_update()>"Reload"</button>
            </When>
        </div>
    }
}
