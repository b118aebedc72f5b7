//! The stored form of the pre-flight checklist: `{"schema": N, "checklist": {...}}` under its
//! own key, with its own schema version, read like the settings.

use super::codec::{self, DecodeError};
use crate::model::preflight::Checklist;

/// The checklist schema this build writes, and the newest it can read.
pub const CHECKLIST_SCHEMA: u32 = 1;

pub fn encode(checklist: &Checklist) -> String {
    codec::encode_record(CHECKLIST_SCHEMA, "checklist", checklist)
}

/// Reads a stored checklist. A newer one is refused, never guessed at.
pub fn decode(raw: &str) -> Result<Checklist, DecodeError> {
    codec::decode_small(raw, CHECKLIST_SCHEMA, "checklist")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::preflight::CheckItem;

    #[test]
    fn the_checklist_round_trips_and_newer_or_damaged_ones_are_refused() {
        let list = Checklist {
            items: vec![CheckItem {
                id: 1,
                text: "Read it aloud".into(),
                key: "read it aloud".into(),
                retired: true,
            }],
        };
        let text = encode(&list);
        assert_eq!(
            text,
            r#"{"schema":1,"checklist":{"items":[{"id":1,"text":"Read it aloud","key":"read it aloud","retired":true}]}}"#
        );
        assert_eq!(decode(&text), Ok(list));
        assert_eq!(
            decode(r#"{"schema":2,"checklist":{}}"#),
            Err(DecodeError::Newer { found: 2 })
        );
        assert_eq!(
            decode(r#"{"schema":1,"checklist":{}}"#),
            Ok(Checklist::default())
        );
        assert!(decode(r#"{"schema":1}"#).is_err());
        assert!(decode("[").is_err());
    }
}
