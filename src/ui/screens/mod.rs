//! The screens, one for each address: the list, an incident's steps, Tell now, and Settings.

pub mod incident_screen;
pub mod list_screen;
pub mod settings_screen;
pub mod tell_now_screen;
