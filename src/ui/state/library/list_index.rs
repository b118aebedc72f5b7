//! The list's index (`persist::index`), kept by a store of more than 50 incidents: rewritten
//! from the incidents in memory once a start's read is done and whenever the page is hidden
//! or left, only when what the list shows has changed. Never written while the lock is on (it
//! is removed then), while this session may not write, over an index a newer Mend wrote, or
//! while this tab holds incidents something else emptied from storage.

use leptos::prelude::*;

use super::Library;
use crate::browser::platform::{self, utc_offset_minutes};
use crate::browser::tasks;
use crate::model::list_row::ListRow;
use crate::model::{fnv, title};
use crate::persist::index::{self, Index};
use crate::persist::{codec, KeyValue, StorageKey};
use crate::ui::state::vault;

/// How long after the first screen the index is checked, so that the list's rows and the
/// warm-up come first.
const AFTER_MS: u32 = 1_000;

impl Library {
    /// Whether the records are still being read, and the list shows the index's rows.
    pub fn reading(&self) -> bool {
        self.preview.with(Option::is_some)
    }

    /// The list as the index had it while the records are read; `None` once they are.
    pub fn with_preview<R>(&self, read: impl FnOnce(Option<&[ListRow]>) -> R) -> R {
        self.preview.with(|rows| read(rows.as_deref()))
    }

    /// Rewrites the index if what the list shows changed since it was last read or written.
    pub fn write_index(&self) {
        let blocked = self.reading()
            || self.index_newer.get_value()
            || self.read_only().is_some()
            || self.emptied.with_untracked(Option::is_some);
        if blocked {
            return;
        }
        // The lock's records are sealed; an index in plain text would give their titles away.
        if vault::is_open() {
            self.drop_index();
            return;
        }
        // A small store is read whole before its list is drawn, and needs none.
        if self.with_all_untracked(<[_]>::len) <= index::KEPT_ABOVE {
            if self.index_print.get_value().is_some() {
                self.drop_index();
            }
            return;
        }
        let discreet = self.settings.with_untracked(|s| s.discreet);
        let text = self.with_all_untracked(|all| {
            let rows = title::shown_titles(all, discreet, &utc_offset_minutes)
                .into_iter()
                .zip(all)
                .map(|(title, incident)| ListRow::of(incident, title, &platform::local_day))
                .collect();
            index::encode(&Index { discreet, rows })
        });
        let print = fnv::hash(text.as_bytes());
        if self.index_print.get_value() == Some(print) {
            return;
        }
        // A cache: when there is no room for it, there is no index.
        if vault::with_store(|kv| kv.set(&StorageKey::Index, &text)).is_ok() {
            self.index_print.set_value(Some(print));
        }
    }

    /// Takes the index out of storage, so that a save that had no room may have it, or as the
    /// lock comes on. Its print goes too: the same rows are written again when next asked.
    pub fn drop_index(&self) {
        if vault::with_store(|kv: &dyn KeyValue| kv.remove(&StorageKey::Index)).is_ok() {
            self.index_print.set_value(None);
        }
    }

    /// `check_index` once the browser is idle after the first screen.
    pub fn check_index_later(&self) {
        let library = *self;
        leptos::task::spawn_local(async move {
            tasks::sleep(AFTER_MS).await;
            tasks::idle(AFTER_MS).await;
            // Gone with the workspace (the lock screen replaced it): nothing to write.
            if library.try_with_all_untracked(|_| ()).is_some() {
                library.check_index();
            }
        });
    }

    /// Notes the index as storage holds it now, then rewrites it if the records say otherwise.
    /// One a newer Mend wrote is left as it is.
    fn check_index(&self) {
        let stored = vault::with_store(|kv| kv.get(&StorageKey::Index))
            .ok()
            .flatten();
        if let Some(text) = &stored {
            let newer = codec::schema_version(text)
                .is_ok_and(|found| found > u64::from(index::INDEX_SCHEMA));
            self.index_newer.set_value(newer);
        }
        self.index_print
            .set_value(stored.map(|text| fnv::hash(text.as_bytes())));
        self.write_index();
    }
}
