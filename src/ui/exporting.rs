//! What the Export buttons do: build the file from what is in memory and hand it to the
//! browser as a download. Each returns the message to show, in plain words.

use leptos::prelude::*;

use super::library::Library;
use crate::browser::download::download_text;
use crate::browser::{perf, platform};
use crate::files::export::{backup_file_name, export, export_with, incident_file_name};
use crate::model::IncidentId;

/// Every incident, and the raw text of any record Mend couldn't read. A file made also
/// resets the backup reminder.
pub fn export_all(library: Library) -> Result<String, String> {
    // From the click until the file's Blob exists and its download has started.
    let span = perf::Span::start("mend:export", "mend:export:start");
    let now = platform::now();
    let text = library.incidents.with_untracked(|all| {
        library.unreadable.with_untracked(|bad| {
            library
                .checklist
                .with_untracked(|list| export_with(all, bad, list, now))
        })
    });
    let made = deliver(
        &backup_file_name(platform::today()),
        "application/json",
        text,
    );
    drop(span);
    let made = made?;
    library.change_settings(|s| s.last_export = Some(now));
    Ok(made)
}

/// One incident, in the same envelope, so it imports the same way.
pub fn export_one(library: Library, id: IncidentId) -> Result<String, String> {
    let now = platform::now();
    let discreet = library.settings.with_untracked(|s| s.discreet);
    let found = library.incidents.with_untracked(|all| {
        all.iter().find(|i| i.id == id).map(|i| {
            let title = (!discreet).then(|| i.display_title().to_owned());
            (export(std::slice::from_ref(i), &[], now), title)
        })
    });
    let (text, title) = found.ok_or("That incident isn't here any more.")?;
    let name = incident_file_name(title.as_deref(), platform::today(), "json");
    deliver(&name, "application/json", text)
}

/// Downloads `text` as `name`; says which file was made, or why not.
pub fn deliver(
    name: &str,
    mime: &str,
    text: Result<String, impl std::fmt::Display>,
) -> Result<String, String> {
    let text = text.map_err(|e| format!("The file couldn't be made: {e}."))?;
    download_text(name, mime, &text)
        .map(|()| format!("Downloaded {name}."))
        .map_err(|e| format!("The download didn't start: {e}."))
}
