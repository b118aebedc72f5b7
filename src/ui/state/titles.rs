//! Incident titles as the list, the incident's own screen and the browser tab show them: the
//! incident's own title, a placeholder from when it started until it has one, or a neutral
//! "Incident 3" in discreet mode. The rules themselves are pure (`model::title`).

use leptos::prelude::*;

use crate::browser::platform::utc_offset_minutes;
use crate::model::title::{self, shown_title, shown_titles};
use crate::model::{Incident, IncidentId};
use crate::ui::state::library::Library;

fn discreet(library: Library) -> bool {
    library.settings.with(|s| s.discreet)
}

/// The incident's own title, or its placeholder ("Incident on 3 Dec, 14:05") in local time.
pub fn name(incident: &Incident) -> String {
    title::name(incident, &utc_offset_minutes)
}

/// The titles of list rows, one per incident of `all`, in order. Tracks the setting when
/// read inside a memo or effect.
pub fn list_titles(all: &[Incident]) -> Vec<String> {
    let discreet = use_context::<Library>().is_some_and(discreet);
    shown_titles(all, discreet, &utc_offset_minutes)
}

/// The browser tab's title while one incident is open.
pub fn tab_title(id: IncidentId) -> String {
    let Some(library) = use_context::<Library>() else {
        return "Mend".to_owned();
    };
    let discreet = discreet(library);
    library
        .with_incident(id, |all, i| {
            format!(
                "{} · Mend",
                shown_title(all, i, discreet, &utc_offset_minutes)
            )
        })
        .unwrap_or_else(|| "Mend".to_owned())
}
