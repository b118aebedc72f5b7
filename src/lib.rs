//! Mend: a private, offline helper for recovering well from a mistake at work.
//!
//! `model`, `persist` and `route` are pure and tested natively; `browser` is the only code
//! that touches `web_sys`; `ui` holds the Leptos components.

pub mod browser;
pub mod model;
pub mod persist;
pub mod route;
pub mod ui;
