//! What the Export buttons do: build the file from what is in memory and hand it to the
//! browser as a download. Each says how it went through `Display`: which file, or why none.

use std::fmt;

use leptos::prelude::*;

use crate::browser::crypto::{self, CryptoError, KeyUse};
use crate::browser::download::{download_text, DownloadError};
use crate::browser::{perf, platform};
use crate::files::calendar::NoReminders;
use crate::files::export::{backup_file_name, export, export_with, incident_file_name};
use crate::files::sealed_backup::{sealed_backup_name, SealedBackup};
use crate::model::{IncidentId, Timestamp};
use crate::persist::lock::{ITERATIONS, SALT_LEN};
use crate::ui::state::library::Library;

/// A file handed to the browser as a download, by name.
#[derive(Debug)]
pub struct Downloaded(String);

impl fmt::Display for Downloaded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Downloaded {}.", self.0)
    }
}

/// Why no file was downloaded.
#[derive(Debug, thiserror::Error)]
pub enum NoFile {
    #[error("The download didn't start: {0}.")]
    Started(#[from] DownloadError),
    #[error("{0}")]
    NoReminders(#[from] NoReminders),
    #[error("That incident isn't here any more.")]
    Gone,
    #[error("The backup couldn't be encrypted: {0}.")]
    Sealed(#[from] CryptoError),
    /// A large store's records are still being read (`Library::reading`): a file now would
    /// leave them out.
    #[error("One moment: your incidents are still being read.")]
    Reading,
}

/// The words for an outcome, e.g. for a status line.
pub fn said(outcome: Result<impl fmt::Display, impl fmt::Display>) -> String {
    match outcome {
        Ok(done) => done.to_string(),
        Err(why) => why.to_string(),
    }
}

/// Every incident, and the raw text of any record Mend couldn't read. A file made also
/// resets the backup reminder.
pub fn export_all(library: Library) -> Result<Downloaded, NoFile> {
    if library.reading() {
        return Err(NoFile::Reading);
    }
    // From the click until the file's Blob exists and its download has started.
    let span = perf::Span::start("mend:export", "mend:export:start");
    let now = platform::now();
    let text = everything(library, now);
    let made = deliver(
        &backup_file_name(platform::today()),
        "application/json",
        &text,
    );
    drop(span);
    let made = made?;
    library.change_settings(|s| s.last_export = Some(now));
    Ok(made)
}

fn everything(library: Library, now: Timestamp) -> String {
    library.with_all_untracked(|all| {
        library.unreadable.with_untracked(|bad| {
            library
                .checklist
                .with_untracked(|list| export_with(all, bad, list, now))
        })
    })
}

/// The same backup, sealed with a passphrase of its own: only Mend, given it, reads it.
pub async fn export_all_sealed(library: Library, passphrase: String) -> Result<Downloaded, NoFile> {
    let now = platform::now();
    let text = everything(library, now);
    let salt = crypto::random::<SALT_LEN>()?;
    let key = crypto::derive(&passphrase, &salt, ITERATIONS, KeyUse::File).await?;
    let envelope = crypto::seal(&key, &text).await?;
    let file = SealedBackup {
        salt,
        iterations: ITERATIONS,
        envelope,
    };
    let made = deliver(
        &sealed_backup_name(platform::today()),
        "application/json",
        &file.encode(),
    )?;
    library.change_settings(|s| s.last_export = Some(now));
    Ok(made)
}

/// One incident, in the same envelope, so it imports the same way.
pub fn export_one(library: Library, id: IncidentId) -> Result<Downloaded, NoFile> {
    let now = platform::now();
    let discreet = library.settings.with_untracked(|s| s.discreet);
    let found = library.with_incident_untracked(id, |i| {
        let title = (!discreet).then(|| i.display_title().to_owned());
        (export(std::slice::from_ref(i), &[], now), title)
    });
    let (text, title) = found.ok_or(NoFile::Gone)?;
    let name = incident_file_name(title.as_deref(), platform::today(), "json");
    deliver(&name, "application/json", &text)
}

/// Downloads `text` as `name`.
pub fn deliver(name: &str, mime: &str, text: &str) -> Result<Downloaded, NoFile> {
    download_text(name, mime, text)?;
    Ok(Downloaded(name.to_owned()))
}
