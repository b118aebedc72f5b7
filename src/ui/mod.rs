//! Leptos components: the app shell, one file per screen and per step, and shared pieces.

pub mod app;
pub mod backup_reminder;
pub mod breathing_guide;
pub mod briefing_editor;
pub mod check_in_calendar;
pub mod current;
pub mod dom_ids;
pub mod exporting;
pub mod form;
pub mod import_control;
pub mod incident_screen;
pub mod library;
pub mod list_screen;
pub mod message_card;
pub mod notices;
pub mod reactive_text;
pub mod report_dialog;
pub mod save_indicator;
pub mod send_actions;
pub mod settings_screen;
pub mod step_nav;
pub mod steps;
pub mod text_field;
pub mod titles;
pub mod unreadable_list;
pub mod update_prompt;
