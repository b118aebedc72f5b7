//! Leptos components, grouped by what they are: the app shell, screens, dialogs, the steps and
//! their forms, the parts they are made of, and the state they share.

pub mod apart;
pub mod app;
pub mod context;
pub mod dialogs;
pub mod dom_ids;
pub mod drawn_in_steps;
pub mod effect;
pub mod form;
pub mod memo;
pub mod opening;
pub mod parts;
pub mod reactive_text;
pub mod screens;
pub mod state;
pub mod steps;
pub mod ticking_now;
pub mod warm_up;
