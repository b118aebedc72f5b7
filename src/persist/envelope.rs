//! The encrypted form of a stored value: `{"v":1,"iv":"…","ct":"…"}`, base64 inside JSON.
//!
//! Pure: the cipher itself (AES-GCM through WebCrypto) is at the edge. This only says how its
//! output is written down and read back, so a damaged envelope is told apart from a record.

use crate::json::{self, Map, Value};

/// The envelope format this build writes, and the newest it reads.
pub const ENVELOPE_VERSION: u32 = 1;
/// AES-GCM's recommended nonce: 96 bits, fresh for every write.
pub const IV_LEN: usize = 12;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub iv: [u8; IV_LEN],
    /// Ciphertext with the 16-byte GCM tag at its end, as WebCrypto returns it.
    pub ct: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    #[error("it is not an encrypted record")]
    NotSealed,
    #[error("it was encrypted by a newer version of Mend (format {0})")]
    Newer(u64),
    #[error("its encrypted form is damaged")]
    Damaged,
}

impl Envelope {
    /// Only numbers and base64 go in, so the JSON is written directly.
    pub fn encode(&self) -> String {
        format!(
            r#"{{"v":{ENVELOPE_VERSION},"iv":"{}","ct":"{}"}}"#,
            base64::encode(&self.iv),
            base64::encode(&self.ct)
        )
    }

    pub fn parse(raw: &str) -> Result<Self, EnvelopeError> {
        if !is_sealed(raw) {
            return Err(EnvelopeError::NotSealed);
        }
        let fields = object(raw).ok_or(EnvelopeError::Damaged)?;
        match number(&fields, "v") {
            Some(v) if v > u64::from(ENVELOPE_VERSION) => return Err(EnvelopeError::Newer(v)),
            Some(_) => {}
            None => return Err(EnvelopeError::Damaged),
        }
        Self::from_fields(&fields).ok_or(EnvelopeError::Damaged)
    }

    /// The `iv` and `ct` of an object that holds them (a record, or a backup file).
    pub fn from_fields(fields: &Map) -> Option<Self> {
        let iv = bytes(fields, "iv").and_then(|iv| <[u8; IV_LEN]>::try_from(iv).ok())?;
        let ct = bytes(fields, "ct")?;
        Some(Self { iv, ct })
    }
}

/// The small formats of the lock (envelope, lock record, backup file) are read through
/// `Value`, whose reader the wasm holds anyway, rather than each with one of its own.
pub fn object(raw: &str) -> Option<Map> {
    match json::from_text(raw).ok()? {
        Value::Object(fields) => Some(fields),
        _ => None,
    }
}

pub fn number(fields: &Map, name: &str) -> Option<u64> {
    fields.get(name)?.as_u64()
}

pub fn text<'a>(fields: &'a Map, name: &str) -> Option<&'a str> {
    fields.get(name)?.as_str()
}

/// A base64 field's bytes.
pub fn bytes(fields: &Map, name: &str) -> Option<Vec<u8>> {
    base64::decode(text(fields, name)?)
}

/// Whether stored text is meant as an envelope (possibly damaged), not a plain record.
/// Plain records all begin `{"schema"`, and the lock record has no ciphertext, so this is
/// a cheap and exact test.
pub fn is_sealed(raw: &str) -> bool {
    raw.trim_start().starts_with(r#"{"v":"#) && raw.contains(r#""ct":"#)
}

/// Standard base64 with padding, small enough to keep rather than add a crate for.
pub mod base64 {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    /// `None` for anything that is not canonical padded base64.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let bytes = text.as_bytes();
        if !bytes.len().is_multiple_of(4) {
            return None;
        }
        let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
        for (index, chunk) in bytes.chunks(4).enumerate() {
            let last = index + 1 == bytes.len() / 4;
            let pad = chunk.iter().rev().take_while(|b| **b == b'=').count();
            if pad > 2 || (pad > 0 && !last) {
                return None;
            }
            let mut n = 0u32;
            for (i, b) in chunk[..4 - pad].iter().enumerate() {
                let value = ALPHABET.iter().position(|a| a == b)? as u32;
                n |= value << (18 - 6 * i);
            }
            let take = 3 - pad;
            out.extend_from_slice(&n.to_be_bytes()[1..=take]);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64::encode(plain.as_bytes()), coded);
            assert_eq!(base64::decode(coded).as_deref(), Some(plain.as_bytes()));
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64::decode(&base64::encode(&all)), Some(all));
        for bad in ["Zg=", "Z===", "Zg==Zg==", "Zm9*", "Zm=v"] {
            assert_eq!(base64::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_envelope_is_written_as_documented_and_read_back() {
        let envelope = Envelope {
            iv: [7; IV_LEN],
            ct: b"secret".to_vec(),
        };
        let text = envelope.encode();
        assert_eq!(text, r#"{"v":1,"iv":"BwcHBwcHBwcHBwcH","ct":"c2VjcmV0"}"#);
        assert!(is_sealed(&text));
        assert_eq!(Envelope::parse(&text), Ok(envelope));
    }

    #[test]
    fn records_damage_and_newer_formats_are_told_apart() {
        assert_eq!(
            Envelope::parse(r#"{"schema":4,"incident":{}}"#),
            Err(EnvelopeError::NotSealed)
        );
        assert!(!is_sealed(r#"{"schema":4,"incident":{"v":1}}"#));
        assert!(!is_sealed(
            r#"{"v":1,"salt":"AAAA","iterations":600000,"wrapped":"AAAA"}"#
        ));
        assert_eq!(
            Envelope::parse(r#"{"v":2,"iv":"BwcHBwcHBwcHBwcH","ct":""}"#),
            Err(EnvelopeError::Newer(2))
        );
        for damaged in [
            r#"{"v":1,"iv":"BwcH","ct":"c2VjcmV0"}"#,
            r#"{"v":1,"iv":"BwcHBwcHBwcHBwcH","ct":"c2Vj*mV0"}"#,
            r#"{"v":1,"iv":"BwcHBwcHBwcHBwcH","ct":"c2Vj"#,
        ] {
            assert_eq!(Envelope::parse(damaged), Err(EnvelopeError::Damaged));
        }
    }
}
