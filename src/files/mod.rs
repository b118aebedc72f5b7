//! Files in and out, pure: the JSON export envelope, reading and checking an import, the
//! plan that merges it with what is stored, the Markdown report, the calendar files and the pre-flight checklist's files.

pub mod calendar;
pub mod checklist;
pub mod export;
pub mod import;
pub mod merge;
mod redact;
pub mod report;
pub mod sealed_backup;

pub use import::{ImportError, ImportFile, MAX_FILE_BYTES};
pub use merge::{Conflict, Outcome, Plan, Policy};
