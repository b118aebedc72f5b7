//! The button that downloads an incident's reminders as a calendar file (.ics): fix items'
//! due days, the debrief, and the prevention check-ins. Shown on Fix, Follow up and Step it up.

use leptos::prelude::*;

use crate::browser::platform;
use crate::files::calendar;
use crate::files::export::incident_file_name;
use crate::ui::context;
use crate::ui::state::current::Current;
use crate::ui::state::exporting::{deliver, said, NoFile};
use crate::ui::state::library::Library;

#[component]
pub fn CalendarReminders() -> impl IntoView {
    let current = context::needed::<Current>();
    let library = context::needed::<Library>();
    let status = RwSignal::new(String::new());
    let download = move |_| {
        let discreet = library.settings.with_untracked(|s| s.discreet);
        let made = current.read_untracked(|i| {
            let title = (!discreet).then(|| i.display_title().to_owned());
            // Check-ins count from the day it was closed; until then, from today.
            let start = i
                .steps
                .step_it_up
                .resolved_at
                .map_or_else(platform::today, platform::local_day);
            let text = calendar::reminders(i, title.as_deref(), start, platform::now());
            let name = incident_file_name(title.as_deref(), platform::today(), "ics");
            text.map_err(NoFile::from)
                .and_then(|text| deliver(&name, "text/calendar", &text))
        });
        status.set(made.map(said).unwrap_or_default());
    };
    view! {
        <section aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">"Calendar reminders"</h2>
            <p class="hint" id="calendar-hint">
                "One calendar file with an all-day reminder for each fix item's due day, the debrief's day, "
                "and each check-in still at \u{201c}Not yet\u{201d} (30, 60 and 90 days after you close this as resolved, "
                "or from today while it is open). Open it with your calendar app; nothing is sent anywhere."
            </p>
            <p><button type="button" aria-describedby="calendar-hint" on:click=download>"Download reminders (.ics)"</button></p>
            <p role="status" class="quiet-status">{status}</p>
        </section>
    }
}
