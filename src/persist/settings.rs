//! The stored form of the settings: `{"schema": N, "settings": {...}}` as JSON text, with its
//! own schema version, read in the same two stages as incident records.

use super::codec::{self, DecodeError};
use crate::model::Settings;

/// The settings schema this build writes, and the newest it can read. Settings have no
/// migrations yet; unknown fields are ignored and missing ones take their defaults.
pub const SETTINGS_SCHEMA: u32 = 1;

pub fn encode(settings: &Settings) -> String {
    codec::encode_record(SETTINGS_SCHEMA, "settings", settings)
}

/// Reads a stored settings record. A newer one is refused, never guessed at.
pub fn decode(raw: &str) -> Result<Settings, DecodeError> {
    codec::decode_small(raw, SETTINGS_SCHEMA, "settings")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Theme;

    #[test]
    fn settings_round_trip() {
        let settings = Settings {
            discreet: true,
            theme: Theme::Dark,
            ..Settings::default()
        };
        assert_eq!(
            encode(&settings),
            r#"{"schema":1,"settings":{"discreet":true,"theme":"dark"}}"#
        );
        assert_eq!(decode(&encode(&settings)), Ok(settings));
    }

    #[test]
    fn settings_stored_before_the_theme_existed_follow_the_device() {
        assert_eq!(
            decode(r#"{"schema":1,"settings":{"discreet":true}}"#),
            Ok(Settings {
                discreet: true,
                theme: Theme::System,
                ..Settings::default()
            })
        );
        // A theme this build doesn't know also follows the device.
        assert_eq!(
            decode(r#"{"schema":1,"settings":{"theme":"sepia"}}"#),
            Ok(Settings::default())
        );
    }

    #[test]
    fn missing_fields_take_defaults_and_unknown_ones_are_ignored() {
        assert_eq!(
            decode(r#"{"schema":1,"settings":{"later":5}}"#),
            Ok(Settings::default())
        );
    }

    #[test]
    fn newer_and_damaged_records_are_refused() {
        assert_eq!(
            decode(r#"{"schema":2,"settings":{}}"#),
            Err(DecodeError::Newer { found: 2 })
        );
        assert!(decode(r#"{"schema":1,"settings":{"discreet":"yes"}}"#).is_err());
        assert!(decode(r#"{"schema":1}"#).is_err());
        assert!(decode("{").is_err());
        assert_eq!(decode(r#"{"settings":{}}"#), Err(DecodeError::NoVersion));
    }
}
