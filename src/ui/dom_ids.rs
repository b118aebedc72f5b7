//! Every DOM id the code relies on, in one place.

/// The one `h1` of the current screen; focus lands here after navigation.
pub const SCREEN_HEADING: &str = "screen-heading";
pub const MAIN: &str = "main";
/// The loading shell in index.html, painted before the app arrives.
pub const SHELL: &str = "shell";
/// The breathing guide's Start (then Pause) button; a brand-new incident opens with focus
/// here, so Enter starts the pause.
pub const BREATHING_START: &str = "breathing-toggle";
/// The list's Import file input; focus returns here when the import dialog closes.
pub const IMPORT_INPUT: &str = "import-file";
/// The incident's Report button; focus returns here from the report dialog and printing.
pub const REPORT_BUTTON: &str = "report-button";
/// The import preview's note of incidents another tab changed while it was open.
pub const IMPORT_CHANGED: &str = "import-changed";
/// The three dialogs, which `Modal` finds by id to open, close and keep Tab inside.
pub const REPORT_DIALOG: &str = "report-dialog";
pub const IMPORT_DIALOG: &str = "import-dialog";
pub const FRESH_DRAFT_DIALOG: &str = "fresh-draft-dialog";
/// The pre-flight checklist's items, taken out of the page in one go when it is left.
pub const CHECKLIST_ITEMS: &str = "checklist-items";
