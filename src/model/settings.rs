//! Mend's settings, and what the browser's answer about keeping data means, in plain words.

use super::value::choice;
use super::Timestamp;

/// Everything a person can set. Field order is the order in storage; a field missing from
/// older stored settings takes its default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Neutral titles ("Incident 3") in the list and the browser tab, for use at work.
    pub discreet: bool,
    /// Light or dark colours.
    pub theme: Theme,
    /// While the passphrase lock is on, how long idle before it locks.
    pub auto_lock: super::passphrase::AutoLock,
    /// When "Export all" last made a file, for the backup reminder. Left out while unset.
    pub last_export: Option<Timestamp>,
    /// When the backup reminder was last put off with "Not now".
    pub reminder_dismissed: Option<Timestamp>,
}

crate::json::json_struct! {
    Settings { discreet, theme, auto_lock, last_export, reminder_dismissed } write = write_settings
}

/// As stored: the idle time left out while it is the default, and the times while unset.
fn write_settings(settings: &Settings, w: &mut crate::json::Writer) {
    w.open('{');
    w.field("discreet", &settings.discreet);
    w.field("theme", &settings.theme);
    if !settings.auto_lock.is_default() {
        w.field("auto_lock", &settings.auto_lock);
    }
    for (name, at) in [
        ("last_export", settings.last_export),
        ("reminder_dismissed", settings.reminder_dismissed),
    ] {
        if at.is_some() {
            w.field(name, &at);
        }
    }
    w.close('}');
}

choice!(
    /// Light or dark colours: the device's choice unless the person picks one.
    Theme {
        System = "system", "Same as this device";
        Light = "light", "Light";
        Dark = "dark", "Dark";
    }
);

impl Theme {
    /// The `data-theme` value for the page, or `None` to follow the device.
    pub fn attribute(self) -> Option<&'static str> {
        (self != Theme::System).then(|| self.key())
    }
}

/// The word a person types to confirm clearing all data.
pub const CLEAR_CONFIRMATION: &str = "delete";
/// The visible label of the confirmation field; it names the word.
pub const CLEAR_LABEL: &str = "Type delete to confirm";

/// Whether the typed text confirms clearing; spaces and capitals don't matter.
pub fn confirms_clear(typed: &str) -> bool {
    typed.trim().eq_ignore_ascii_case(CLEAR_CONFIRMATION)
}

/// The browser's answer to "will you keep Mend's data until the user deletes it?"
/// (`navigator.storage.persisted()`), as the settings screen explains it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Not known yet: the browser has not answered.
    Checking,
    /// The browser promises to keep the data.
    Persistent,
    /// Kept on a best-effort basis: the browser may clear it.
    BestEffort,
    /// This browser has no way to ask.
    Unsupported,
}

impl Durability {
    pub fn from_answer(answer: Option<bool>) -> Self {
        match answer {
            Some(true) => Durability::Persistent,
            Some(false) => Durability::BestEffort,
            None => Durability::Unsupported,
        }
    }

    /// What the answer means for the person's data.
    pub fn summary(self) -> &'static str {
        match self {
            Durability::Checking => "Asking this browser how long it keeps Mend's data…",
            Durability::Persistent => {
                "This browser has agreed to keep Mend's data until you delete it."
            }
            Durability::BestEffort => {
                "This browser has not promised to keep Mend's data. It may delete it on its own."
            }
            Durability::Unsupported => {
                "This browser does not say whether it will keep Mend's data."
            }
        }
    }

    /// What the browser may do otherwise, and what the person can do about it. Empty when
    /// the data is safe.
    pub fn advice(self) -> &'static str {
        match self {
            Durability::Persistent | Durability::Checking => "",
            Durability::BestEffort | Durability::Unsupported => {
                "Browsers may clear site data when the device runs low on space, and Safari \
                 deletes the data of sites you have not used for 7 days unless Mend is added \
                 to the Home Screen. Installing Mend, or using it regularly, makes this less \
                 likely; an export keeps a copy you control."
            }
        }
    }

    /// Whether asking the browser again could change the answer.
    pub fn can_ask(self) -> bool {
        self == Durability::BestEffort
    }
}

/// The roughly 5 MB a browser gives each site's localStorage; counted, as browsers do, in
/// UTF-16 code units of keys and values.
pub const STORAGE_QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// The storage meter's words, e.g. "About 0.4 MB of roughly 5 MB is in use (8%)."
pub fn storage_use(units: usize) -> String {
    const MB: usize = 1024 * 1024;
    // Tenths of a megabyte, rounded, in whole numbers: formatting a float would bring in
    // about 6 kB of float-printing code for this one line.
    let tenths = (units * 10 + MB / 2) / MB;
    let percent = (units * 100).div_ceil(STORAGE_QUOTA_UNITS).min(100);
    let amount = if units == 0 {
        "Nothing".to_owned()
    } else if units * 10 < MB {
        "Less than 0.1 MB".to_owned()
    } else {
        format!("About {}.{} MB", tenths / 10, tenths % 10)
    };
    format!("{amount} of roughly 5 MB is in use ({percent}%).")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_map_to_durability() {
        assert_eq!(Durability::from_answer(Some(true)), Durability::Persistent);
        assert_eq!(Durability::from_answer(Some(false)), Durability::BestEffort);
        assert_eq!(Durability::from_answer(None), Durability::Unsupported);
    }

    #[test]
    fn only_unpromised_storage_gets_advice_and_a_way_to_ask() {
        assert_eq!(Durability::Persistent.advice(), "");
        assert!(Durability::BestEffort.advice().contains("Safari"));
        assert!(Durability::Unsupported.advice().contains("7 days"));
        assert!(Durability::BestEffort.can_ask());
        assert!(!Durability::Persistent.can_ask());
        assert!(!Durability::Unsupported.can_ask());
    }

    #[test]
    fn only_the_typed_word_confirms_clearing() {
        for typed in ["delete", " Delete ", "DELETE"] {
            assert!(confirms_clear(typed), "{typed:?}");
        }
        for typed in ["", "del", "delete all", "yes"] {
            assert!(!confirms_clear(typed), "{typed:?}");
        }
        assert!(CLEAR_LABEL.contains(CLEAR_CONFIRMATION));
    }

    #[test]
    fn storage_use_reads_in_plain_words() {
        assert_eq!(storage_use(0), "Nothing of roughly 5 MB is in use (0%).");
        assert_eq!(
            storage_use(20_000),
            "Less than 0.1 MB of roughly 5 MB is in use (1%)."
        );
        assert_eq!(
            storage_use(STORAGE_QUOTA_UNITS / 2),
            "About 2.5 MB of roughly 5 MB is in use (50%)."
        );
        // Rounded to the nearest tenth, as `{:.1}` did.
        assert!(storage_use(104_858).starts_with("About 0.1 MB"));
        assert!(storage_use(1_100_000).starts_with("About 1.0 MB"));
        assert!(storage_use(1_153_434).starts_with("About 1.1 MB"));
        assert!(storage_use(5 * 1024 * 1024 - 1).starts_with("About 5.0 MB"));
    }

    #[test]
    fn settings_default_to_showing_titles_in_the_device_theme() {
        assert!(!Settings::default().discreet);
        assert_eq!(Settings::default().theme, Theme::System);
    }

    #[test]
    fn only_a_chosen_theme_marks_the_page() {
        assert_eq!(Theme::System.attribute(), None);
        assert_eq!(Theme::Light.attribute(), Some("light"));
        assert_eq!(Theme::Dark.attribute(), Some("dark"));
    }
}
