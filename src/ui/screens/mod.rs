//! The screens, one for each address: the list, an incident's steps, Tell now, Insights, the
//! pre-flight checklist, and Settings.

pub mod checklist_screen;
pub mod incident_screen;
pub mod insights_screen;
pub mod list_screen;
pub mod lock_screen;
pub mod settings_screen;
pub mod tell_now_screen;
