//! Every DOM id the code relies on, in one place.

/// The one `h1` of the current screen; focus lands here after navigation.
pub const SCREEN_HEADING: &str = "screen-heading";
pub const MAIN: &str = "main";
pub const TITLE_FIELD: &str = "incident-title";
