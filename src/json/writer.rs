//! Compact JSON text, written as serde_json writes it.

use super::reader::plain_run;
use super::Json;

/// Builds compact JSON text, with commas where they belong.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// Just after `{` or `[`, where the next member needs no comma.
    fresh: bool,
    /// Only the strings' values, lowered (ASCII), one a line: search's haystack, made from
    /// the same `write` as the stored text without making that text first.
    strings_only: bool,
}

impl Writer {
    pub fn with_capacity(bytes: usize) -> Self {
        Self {
            out: String::with_capacity(bytes),
            fresh: false,
            strings_only: false,
        }
    }

    /// A writer that keeps only the text of every string value (not the keys), each lowered
    /// for ASCII and followed by a line break.
    pub fn strings_only(bytes: usize) -> Self {
        Self {
            strings_only: true,
            ..Self::with_capacity(bytes)
        }
    }

    /// In `strings_only`, keeps `text` as a line, lowered.
    fn line(&mut self, text: &str) {
        let start = self.out.len();
        self.out.push_str(text);
        self.out[start..].make_ascii_lowercase();
        self.out.push('\n');
    }

    pub fn into_text(self) -> String {
        self.out
    }

    /// How many bytes of text are written so far.
    pub fn written(&self) -> usize {
        self.out.len()
    }

    pub fn open(&mut self, bracket: char) {
        if self.strings_only {
            return;
        }
        self.out.push(bracket);
        self.fresh = true;
    }

    pub fn close(&mut self, bracket: char) {
        if self.strings_only {
            return;
        }
        self.out.push(bracket);
        self.fresh = false;
    }

    /// Before each member of an object or array.
    pub fn comma(&mut self) {
        if !self.fresh && !self.strings_only {
            self.out.push(',');
        }
        self.fresh = false;
    }

    /// An object's key; its value comes next.
    pub fn key(&mut self, name: &str) {
        if self.strings_only {
            return;
        }
        self.comma();
        self.string(name);
        self.out.push(':');
    }

    /// A member `"name":value` of an object.
    pub fn field<T: Json>(&mut self, name: &str, value: &T) {
        self.key(name);
        value.write(self);
    }

    /// An item of an array.
    pub fn item<T: Json>(&mut self, value: &T) {
        self.comma();
        value.write(self);
    }

    /// A member whose value is text.
    pub fn text_field(&mut self, name: &str, text: &str) {
        self.key(name);
        self.string(text);
    }

    /// Text as given, already JSON.
    pub fn raw(&mut self, text: &str) {
        if self.strings_only {
            return;
        }
        self.out.push_str(text);
    }

    /// A JSON string, escaped exactly as serde_json escapes it.
    pub fn string(&mut self, text: &str) {
        if self.strings_only {
            return self.line(text);
        }
        self.out.reserve(text.len() + 2);
        self.out.push('"');
        let bytes = text.as_bytes();
        let (mut from, mut at) = (0, 0);
        while at < bytes.len() {
            at += plain_run(&bytes[at..]);
            let Some(&byte) = bytes.get(at) else { break };
            at += 1;
            let escape = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                // Any other control character (`plain_run` stops at nothing else).
                _ => "",
            };
            self.out.push_str(&text[from..at - 1]);
            from = at;
            if escape.is_empty() {
                push_escape(&mut self.out, byte.into());
            } else {
                self.out.push_str(escape);
            }
        }
        self.out.push_str(&text[from..]);
        self.out.push('"');
    }

    /// A string of ASCII letters, digits and punctuation that needs no escapes.
    pub fn ascii(&mut self, text: &[u8]) {
        if self.strings_only {
            // ASCII is UTF-8 as it is.
            return self.line(std::str::from_utf8(text).unwrap_or_default());
        }
        self.out.push('"');
        self.out.extend(text.iter().map(|&b| char::from(b)));
        self.out.push('"');
    }

    pub fn number(&mut self, mut n: u64) {
        if self.strings_only {
            return;
        }
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[at..] {
            self.out.push(d.into());
        }
    }
}

/// One UTF-16 unit as JSON's `\uXXXX` escape, in lower-case hex as serde_json writes it.
pub fn push_escape(out: &mut String, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from((unit >> shift) & 0xf)].into());
    }
}
