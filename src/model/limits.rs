//! How long one text or one list may be: the one limit the editor and the import share.
//!
//! Why this limit: whatever the editor lets a person store must import back, so the import
//! may refuse only what no store could hold. A text or list lives inside one record, and a
//! browser's localStorage holds at most `STORAGE_QUOTA_UNITS` UTF-16 units in all, so no text
//! can be longer (one character is at least one unit) and no list can have more entries (one
//! entry is at least `"",`, three units). The editor stops at the same number (`maxlength`,
//! and `steps::add_item`), which matters only in a browser that gives more room than 5 MB.

use super::settings::STORAGE_QUOTA_UNITS;

/// The most characters one text may hold, and the most entries one list may hold.
pub const MAX_LENGTH: usize = STORAGE_QUOTA_UNITS;
