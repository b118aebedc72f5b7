//! The pieces screens and steps are made of: the step links, the briefing editor, the
//! breathing guide, message cards, notices, rating scales and the rest.

pub mod add_to_checklist;
pub mod backup_reminder;
pub mod bar_chart;
pub mod breathing_guide;
pub mod briefing_editor;
pub mod calendar_reminders;
pub mod calm_clock;
pub mod cause_kinds;
pub mod keyed;
pub mod lock_now;
pub mod lock_settings;
pub mod message_card;
pub mod notices;
pub mod rating_scale;
pub mod reassurance;
pub mod save_indicator;
pub mod sealed_export;
pub mod send_actions;
pub mod step_forms;
pub mod step_nav;
pub mod text_field;
pub mod thought_record;
pub mod unreadable_list;
pub mod update_prompt;
pub mod when;
