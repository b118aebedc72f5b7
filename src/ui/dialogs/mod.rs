//! The one modal dialog, and the dialogs built on it: the report and the import preview.

pub mod import_control;
pub mod modal;
pub mod report_dialog;
pub mod sealed_import;
