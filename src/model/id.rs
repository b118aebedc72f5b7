//! Incident ids: random (version 4) UUIDs, made from bytes the caller supplies.

use std::fmt;
use std::str::FromStr;

/// A version 4 UUID. The random bytes come from the edge (WebCrypto), so this stays pure.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct IncidentId([u8; 16]);

impl IncidentId {
    /// Builds a v4 UUID from 16 random bytes, setting the version and variant bits.
    pub fn from_random_bytes(mut bytes: [u8; 16]) -> Self {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        Self(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an incident id: {0:?}")]
pub struct ParseIdError(pub String);

impl FromStr for IncidentId {
    type Err = ParseIdError;

    /// Accepts the canonical hyphenated form, in either case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = || ParseIdError(text.chars().take(64).collect());
        let raw = text.as_bytes();
        if raw.len() != 36 {
            return Err(fail());
        }
        let mut bytes = [0u8; 16];
        let mut nibbles = 0usize;
        for (pos, &c) in raw.iter().enumerate() {
            if matches!(pos, 8 | 13 | 18 | 23) {
                if c != b'-' {
                    return Err(fail());
                }
                continue;
            }
            let value = (c as char).to_digit(16).ok_or_else(fail)? as u8;
            bytes[nibbles / 2] |= if nibbles.is_multiple_of(2) {
                value << 4
            } else {
                value
            };
            nibbles += 1;
        }
        Ok(Self(bytes))
    }
}

impl fmt::Display for IncidentId {
    /// Spelled out by hand: 16 `{:02x}` calls through the formatter showed up in profiles,
    /// since every storage key of every incident is written this way at start-up.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::str::from_utf8(&self.ascii()).map_err(|_| fmt::Error)?)
    }
}

impl IncidentId {
    /// The hyphenated lower-case form, as bytes.
    pub fn ascii(&self) -> [u8; 36] {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut text = [b'-'; 36];
        let mut at = 0;
        for (i, byte) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                at += 1;
            }
            text[at] = HEX[usize::from(byte >> 4)];
            text[at + 1] = HEX[usize::from(byte & 0x0f)];
            at += 2;
        }
        text
    }
}

crate::json::json_as_text!(IncidentId, "an incident id");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_version_and_variant_bits() {
        let id = IncidentId::from_random_bytes([0xff; 16]);
        assert_eq!(id.to_string(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let id = IncidentId::from_random_bytes([0; 16]);
        assert_eq!(id.to_string(), "00000000-0000-4000-8000-000000000000");
    }

    #[test]
    fn parses_what_it_prints_in_either_case() {
        let id = IncidentId::from_random_bytes(*b"0123456789abcdef");
        let text = id.to_string();
        assert_eq!(text.parse::<IncidentId>(), Ok(id));
        assert_eq!(text.to_uppercase().parse::<IncidentId>(), Ok(id));
    }

    #[test]
    fn refuses_malformed_ids() {
        for bad in [
            "",
            "abc",
            "ffffffff-ffff-4fff-bfff-fffffffffffg",
            "ffffffffxffff-4fff-bfff-ffffffffffff",
            "ffffffff-ffff-4fff-bfff-ffffffffffff0",
        ] {
            assert!(bad.parse::<IncidentId>().is_err(), "{bad}");
        }
    }
}
