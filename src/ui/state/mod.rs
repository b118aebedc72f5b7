//! What the screens share: the library of incidents and its saving, the incident on screen,
//! navigation, the titles shown, and files handed to the browser.

pub mod current;
pub mod exporting;
pub mod library;
pub mod lock_gate;
pub mod navigator;
pub mod titles;
pub mod vault;
