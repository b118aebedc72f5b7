//! The calm reminder on the list to export a copy, with "Export all" and "Not now".

use leptos::prelude::*;

use crate::browser::platform;
use crate::model::backup_reminder;
use crate::ui::context;
use crate::ui::memo::memo;
use crate::ui::state::exporting::{export_all, said};
use crate::ui::state::library::Library;

#[component]
pub fn BackupReminder() -> impl IntoView {
    let library = context::needed::<Library>();
    let outcome = RwSignal::new(String::new());
    // Read once per change of incidents or settings; the clock only matters at those moments.
    // From the list's index while the records are read, so it shows as the list does.
    let due = memo(move || {
        let due = |times: &mut dyn Iterator<Item = _>| {
            library
                .settings
                .with(|settings| backup_reminder::due(times, settings, platform::now()))
        };
        library.with_preview(|rows| match rows {
            Some(rows) => due(&mut rows.iter().map(|r| (r.created_at, r.updated_at))),
            None => {
                library.with_all(|all| due(&mut all.iter().map(|i| (i.created_at, i.updated_at))))
            }
        })
    });
    let export = move |_| outcome.set(said(export_all(library)));
    let not_now = move |_| {
        let now = platform::now();
        library.change_settings(|s| s.reminder_dismissed = Some(now));
        outcome.set("Reminder put off for a week.".to_owned());
    };
    view! {
        <div class="reminder" role="status">
            {move || due.get().map(|text| view! {
                <p><strong>"Keep a copy? "</strong> {text}</p>
                <p class="actions-inline">
                    <button type="button" on:click=export>"Export all"</button>
                    " "
                    <button type="button" class="quiet" on:click=not_now>"Not now"</button>
                </p>
            })}
            <span class="quiet-status">{outcome}</span>
        </div>
    }
}
