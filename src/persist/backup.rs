//! "Export all": every incident in one JSON file,
//! `{"format":"mend-backup","schema":N,"exported_at":…,"incidents":[…]}`, N being the incident schema.
//!
//! Kept small on purpose; a later issue formalises export and import. Records that could not
//! be read go along as their raw text, so clearing the device after an export loses nothing.

use serde::Serialize;

use super::codec::SCHEMA_VERSION;
use super::Unreadable;
use crate::model::{Incident, Timestamp};

/// Marks the file as Mend's backup.
pub const FORMAT: &str = "mend-backup";

#[derive(Serialize)]
struct Backup<'a> {
    format: &'static str,
    /// The incident schema the `incidents` are written in.
    schema: u32,
    exported_at: Timestamp,
    incidents: &'a [Incident],
    unreadable: Vec<RawRecord<'a>>,
}

#[derive(Serialize)]
struct RawRecord<'a> {
    key: String,
    raw: &'a str,
}

pub fn export(
    incidents: &[Incident],
    unreadable: &[Unreadable],
    exported_at: Timestamp,
) -> Result<String, serde_json::Error> {
    serde_json::to_string(&Backup {
        format: FORMAT,
        schema: SCHEMA_VERSION,
        exported_at,
        incidents,
        unreadable: unreadable
            .iter()
            .map(|u| RawRecord {
                key: u.key.as_string(),
                raw: &u.raw,
            })
            .collect(),
    })
}

/// For example `mend-backup-2026-11-26.json`, dated in UTC.
pub fn file_name(exported_at: Timestamp) -> String {
    let text = exported_at.to_string();
    format!("{FORMAT}-{}.json", text.get(..10).unwrap_or("undated"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IncidentId;
    use crate::persist::{codec, DecodeError, StorageKey};
    use serde_json::{json, Value};

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn the_envelope_holds_every_incident_in_its_stored_shape() {
        let mut incident = Incident::new(
            IncidentId::from_random_bytes([3; 16]),
            at("2026-11-26T08:00:00Z"),
        );
        incident.title = "Wrong invoice".into();
        let text = export(&[incident.clone()], &[], at("2026-11-27T09:30:00Z")).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format"], "mend-backup");
        assert_eq!(value["schema"], json!(SCHEMA_VERSION));
        assert_eq!(value["exported_at"], "2026-11-27T09:30:00.000Z");
        assert_eq!(value["unreadable"], json!([]));
        // Each incident is exactly what a stored record holds, so import can reuse the codec.
        let stored: Value = serde_json::from_str(&codec::encode(&incident).unwrap()).unwrap();
        assert_eq!(value["incidents"], json!([stored["incident"]]));
    }

    #[test]
    fn unreadable_records_go_along_as_raw_text() {
        let unreadable = Unreadable {
            key: StorageKey::Unknown("mend.incident.x".into()),
            raw: "{\"broken".into(),
            reason: DecodeError::NoVersion,
        };
        let text = export(&[], &[unreadable], at("2026-11-27T09:30:00Z")).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value["unreadable"],
            json!([{"key": "mend.incident.x", "raw": "{\"broken"}])
        );
    }

    #[test]
    fn file_names_carry_the_utc_date() {
        assert_eq!(
            file_name(at("2026-11-27T23:59:00Z")),
            "mend-backup-2026-11-27.json"
        );
    }
}
