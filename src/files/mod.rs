//! Files in and out, pure: the JSON export envelope, reading and checking an import, the
//! plan that merges it with what is stored, the Markdown report and the calendar file.

pub mod calendar;
pub mod export;
pub mod import;
pub mod merge;
mod redact;
pub mod report;

pub use import::{ImportError, ImportFile, MAX_FILE_BYTES};
pub use merge::{Conflict, Outcome, Plan, Policy};
