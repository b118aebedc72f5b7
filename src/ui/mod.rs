//! Leptos components: the app shell, one file per screen, and shared pieces.

pub mod app;
pub mod dom_ids;
pub mod incident_screen;
pub mod library;
pub mod list_screen;
pub mod notices;
pub mod save_indicator;
pub mod settings_screen;
pub mod text_field;
pub mod titles;
pub mod unreadable_list;
pub mod update_prompt;
