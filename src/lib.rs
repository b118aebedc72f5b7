//! Mend: a private, offline helper for recovering well from a mistake at work.
//!
//! `model`, `persist`, `files`, `json` and `route` are pure and tested natively; `browser` is the only code
//! that touches `web_sys`; `ui` holds the Leptos components.

// Browser data, storage and imported files must never be unwrapped; tests may.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod browser;
pub mod files;
pub mod json;
pub mod model;
pub mod persist;
pub mod route;
pub mod ui;
