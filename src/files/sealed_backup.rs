//! An encrypted backup file: the export's JSON sealed in the lock's envelope (`v`, `iv`,
//! `ct`), with the salt and work factor its own passphrase needs. Only Mend, given that
//! passphrase, can read it. The cipher is WebCrypto's, at the edge.

use super::export::backup_file_name;
use crate::json::Map;
use crate::model::Day;
use crate::persist::envelope::{
    base64, bytes as field_bytes, number, object, text, Envelope, ENVELOPE_VERSION,
};
use crate::persist::lock::{ITERATIONS, SALT_LEN};

/// What the file says it is, for a person who opens it in an editor.
const KIND: &str = "Mend encrypted backup";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedBackup {
    pub salt: [u8; SALT_LEN],
    pub iterations: u32,
    pub envelope: Envelope,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SealedBackupError {
    #[error("This encrypted backup is damaged.")]
    Damaged,
    #[error("This backup was encrypted by a newer version of Mend.")]
    Newer,
}

impl SealedBackup {
    /// Only numbers and base64 go in, so the JSON is written directly, a field a line.
    pub fn encode(&self) -> String {
        format!(
            "{{\n  \"mend\": \"{KIND}\",\n  \"v\": {ENVELOPE_VERSION},\n  \"salt\": \"{}\",\n  \"iterations\": {},\n  \"iv\": \"{}\",\n  \"ct\": \"{}\"\n}}\n",
            base64::encode(&self.salt),
            self.iterations,
            base64::encode(&self.envelope.iv),
            base64::encode(&self.envelope.ct)
        )
    }

    /// `None` when the file is not an encrypted backup at all (a plain export, or anything
    /// else: the import's own checks say what is wrong with it).
    pub fn parse(bytes: &[u8]) -> Option<Result<Self, SealedBackupError>> {
        // Cheap before a full parse: a plain export of any size never names this kind.
        let head = &bytes[..bytes.len().min(200)];
        if !head.windows(KIND.len()).any(|w| w == KIND.as_bytes()) {
            return None;
        }
        let Some(fields) = std::str::from_utf8(bytes).ok().and_then(object) else {
            return Some(Err(SealedBackupError::Damaged));
        };
        if text(&fields, "mend") != Some(KIND) {
            return None;
        }
        Some(Self::from_fields(&fields))
    }

    fn from_fields(fields: &Map) -> Result<Self, SealedBackupError> {
        if number(fields, "v").is_none_or(|v| v > u64::from(ENVELOPE_VERSION)) {
            return Err(SealedBackupError::Newer);
        }
        let salt = field_bytes(fields, "salt").and_then(|s| <[u8; SALT_LEN]>::try_from(s).ok());
        let iterations = number(fields, "iterations").and_then(|n| u32::try_from(n).ok());
        match (salt, iterations, Envelope::from_fields(fields)) {
            (Some(salt), Some(iterations), Some(envelope)) if iterations >= ITERATIONS => {
                Ok(Self {
                    salt,
                    iterations,
                    envelope,
                })
            }
            _ => Err(SealedBackupError::Damaged),
        }
    }
}

/// The plain backup's name with "-encrypted" before its extension.
pub fn sealed_backup_name(today: Day) -> String {
    let plain = backup_file_name(today);
    format!("{}-encrypted.json", plain.trim_end_matches(".json"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::envelope::IV_LEN;

    fn backup() -> SealedBackup {
        SealedBackup {
            salt: [2; SALT_LEN],
            iterations: ITERATIONS,
            envelope: Envelope {
                iv: [4; IV_LEN],
                ct: vec![1, 2, 3],
            },
        }
    }

    #[test]
    fn an_encrypted_backup_round_trips_and_says_what_it_is() {
        let text = backup().encode();
        assert!(text.contains(r#""mend": "Mend encrypted backup""#));
        assert!(text.contains(r#""iv": "BAQEBAQEBAQEBAQE""#));
        assert_eq!(SealedBackup::parse(text.as_bytes()), Some(Ok(backup())));
    }

    #[test]
    fn plain_exports_pass_by_and_damage_is_named() {
        assert_eq!(
            SealedBackup::parse(br#"{"format":"mend-export","incidents":[]}"#),
            None
        );
        assert_eq!(SealedBackup::parse(b"not json"), None);
        let text = backup().encode();
        let cut = &text.as_bytes()[..text.len() - 10];
        assert_eq!(
            SealedBackup::parse(cut),
            Some(Err(SealedBackupError::Damaged))
        );
        let weak = text.replace("600000", "10");
        assert_eq!(
            SealedBackup::parse(weak.as_bytes()),
            Some(Err(SealedBackupError::Damaged))
        );
        let newer = text.replace(r#""v": 1"#, r#""v": 9"#);
        assert_eq!(
            SealedBackup::parse(newer.as_bytes()),
            Some(Err(SealedBackupError::Newer))
        );
    }
}
