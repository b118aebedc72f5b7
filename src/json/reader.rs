//! Reading JSON text from the front, one value at a time, with limits on depth and length.

use std::borrow::Cow;

use super::ReadError;

/// Reads JSON text from the front, one value at a time.
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
    /// The most characters in a string, and items in a list, that are accepted.
    limit: usize,
}

/// What a `ReadError` expected when a string was longer than the reader's limit.
pub const SHORTER_TEXT: &str = "a shorter piece of text";
/// What a `ReadError` expected when a list was longer than the reader's limit.
pub const SHORTER_LIST: &str = "a shorter list";

/// As deep as serde_json would go, so a hostile file can't exhaust the stack.
const MAX_DEPTH: u32 = 128;

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::within(text, usize::MAX)
    }

    /// A reader that refuses any string of more than `limit` characters, and any list of more
    /// than `limit` items, wherever they are (`SHORTER_TEXT`, `SHORTER_LIST`).
    pub fn within(text: &'a str, limit: usize) -> Self {
        Self {
            text,
            at: 0,
            depth: 0,
            limit,
        }
    }

    /// The text from `from` up to where the reader is.
    pub fn since(&self, from: usize) -> &'a str {
        self.text.get(from..self.at).unwrap_or_default()
    }

    fn fail<T>(&self, what: &'static str) -> Result<T, ReadError> {
        Err(ReadError { what, at: self.at })
    }

    /// The next byte that is not white space, not taken. Inlined, like `take`, at every use:
    /// under opt-level z each was a call for every token, and reading a stored record takes
    /// 15 % fewer instructions without those calls (`bench/decode.sh`), for about 120 bytes
    /// brotli.
    #[inline(always)]
    pub(super) fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn take(&mut self, byte: u8, what: &'static str) -> Result<(), ReadError> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            self.fail(what)
        }
    }

    fn word(&mut self, word: &str) -> bool {
        let found =
            self.peek().is_some() && self.text.as_bytes()[self.at..].starts_with(word.as_bytes());
        if found {
            self.at += word.len();
        }
        found
    }

    /// Nothing but white space is left.
    pub fn end(&mut self) -> Result<(), ReadError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("the end of the text"),
        }
    }

    /// Enters an object or array (`{` or `[`).
    pub fn open(&mut self, bracket: u8, what: &'static str) -> Result<(), ReadError> {
        self.take(bracket, what)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.fail("less deeply nested values");
        }
        Ok(())
    }

    /// Moves to the next member before `close`, or leaves the object or array; `first` is
    /// true until the first member has been read.
    pub(super) fn more(&mut self, close: u8, first: &mut bool) -> Result<bool, ReadError> {
        if self.peek() == Some(close) {
            self.at += 1;
            self.depth -= 1;
            return Ok(false);
        }
        if !std::mem::take(first) {
            self.take(b',', "a comma")?;
        }
        Ok(true)
    }

    /// The next key of an object entered with `open(b'{', …)`, or `None` after its `}`.
    pub fn next_key(&mut self, first: &mut bool) -> Result<Option<Cow<'a, str>>, ReadError> {
        if !self.more(b'}', first)? {
            return Ok(None);
        }
        self.key().map(Some)
    }

    /// The key at hand, after `more`, and its colon.
    pub(super) fn key(&mut self) -> Result<Cow<'a, str>, ReadError> {
        // Keys are not held to the limit: only what they name is kept.
        let key = self.string_within(usize::MAX)?;
        self.take(b':', "a colon")?;
        Ok(key)
    }

    /// Takes the key at hand and its colon, after `more`, if it is written as `name` is,
    /// byte for byte: `name` holds nothing a key would escape, so that is the same key. A key
    /// written otherwise (escaped) is left for `key`.
    pub(super) fn key_is(&mut self, name: &str) -> Result<bool, ReadError> {
        self.peek();
        let bytes = self.text.as_bytes();
        let at = self.at;
        let end = at + 1 + name.len();
        let found = bytes.get(at) == Some(&b'"')
            && bytes.get(at + 1..end) == Some(name.as_bytes())
            && bytes.get(end) == Some(&b'"');
        if found {
            self.at = end + 1;
            self.take(b':', "a colon")?;
        }
        Ok(found)
    }

    /// Whether an array entered with `open(b'[', …)` has another item; `count` is how many
    /// came before, and the list may hold at most the reader's limit.
    pub fn next_item(&mut self, count: &mut usize) -> Result<bool, ReadError> {
        let mut first = *count == 0;
        if !self.more(b']', &mut first)? {
            return Ok(false);
        }
        *count += 1;
        if *count > self.limit {
            return self.fail(SHORTER_LIST);
        }
        Ok(true)
    }

    /// Takes a `null`, if that is what comes next.
    pub fn null(&mut self) -> bool {
        self.word("null")
    }

    pub fn boolean(&mut self) -> Result<bool, ReadError> {
        if self.word("true") {
            Ok(true)
        } else if self.word("false") {
            Ok(false)
        } else {
            self.fail("true or false")
        }
    }

    /// A whole number from 0 to `max`.
    pub fn number(&mut self, max: u64) -> Result<u64, ReadError> {
        self.peek();
        let bytes = &self.text.as_bytes()[self.at..];
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let value = bytes[..digits].iter().try_fold(0u64, |n, &b| {
            n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        });
        match value {
            Some(n)
                if digits > 0
                    && n <= max
                    && (digits == 1 || bytes[0] != b'0')
                    && !matches!(bytes.get(digits), Some(b'.' | b'e' | b'E')) =>
            {
                self.at += digits;
                Ok(n)
            }
            _ => self.fail("a whole number in range"),
        }
    }

    /// A string, borrowed from the text unless it holds escapes.
    pub fn string(&mut self) -> Result<Cow<'a, str>, ReadError> {
        self.string_within(self.limit)
    }

    fn string_within(&mut self, limit: usize) -> Result<Cow<'a, str>, ReadError> {
        self.take(b'"', "a string")?;
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut from = start;
        loop {
            self.at += plain_run(&bytes[self.at..]);
            match bytes.get(self.at) {
                None => return self.fail("the end of a string"),
                Some(b'"') => break,
                Some(b'\\') => {
                    let out = owned.get_or_insert_with(String::new);
                    out.push_str(&text[from..self.at]);
                    self.at += 1;
                    let escaped = match bytes.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return self.fail("a valid escape"),
                    };
                    out.push(escaped);
                    self.at += 1;
                    from = self.at;
                }
                // `plain_run` stops only at a quote, a backslash or a control character.
                Some(_) => return self.fail("no control characters in a string"),
            }
        }
        let end = self.at;
        self.at += 1;
        let string = match owned {
            Some(mut out) => {
                out.push_str(&text[from..end]);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(&text[start..end]),
        };
        if string.len() > limit && string.chars().count() > limit {
            self.at = start;
            return self.fail(SHORTER_TEXT);
        }
        Ok(string)
    }

    /// `\uXXXX`, or a surrogate pair of them; leaves `at` on the last hex digit.
    fn unicode_escape(&mut self) -> Result<char, ReadError> {
        let first = self.hex4()?;
        let code = if (0xd800..0xdc00).contains(&first) {
            if !self.text[self.at + 1..].starts_with("\\u") {
                return self.fail("the second half of a surrogate pair");
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xdc00..0xe000).contains(&second) {
                return self.fail("the second half of a surrogate pair");
            }
            0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
        } else {
            first
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.fail("a valid escape"),
        }
    }

    fn hex4(&mut self) -> Result<u32, ReadError> {
        let hex = self.text.get(self.at + 1..self.at + 5);
        match hex.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(n) if hex.is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())) => {
                self.at += 4;
                Ok(n)
            }
            _ => self.fail("four hex digits"),
        }
    }

    /// Reads past one value of any kind, checking its form.
    pub fn skip(&mut self) -> Result<(), ReadError> {
        self.skip_with(&mut |_| {})
    }

    /// `skip`, calling `strings` with every string value passed over, unescaped and in order
    /// (object keys left out).
    pub fn skip_with(&mut self, strings: &mut dyn FnMut(&str)) -> Result<(), ReadError> {
        match self.peek() {
            Some(b'"') => strings(&self.string()?),
            Some(b'{') => {
                self.open(b'{', "an object")?;
                let mut first = true;
                while self.next_key(&mut first)?.is_some() {
                    self.skip_with(strings)?;
                }
            }
            Some(b'[') => {
                self.open(b'[', "an array")?;
                let mut count = 0;
                while self.next_item(&mut count)? {
                    self.skip_with(strings)?;
                }
            }
            Some(b't' | b'f') => drop(self.boolean()?),
            _ if self.null() => {}
            _ => self.skip_number()?,
        }
        Ok(())
    }

    fn skip_number(&mut self) -> Result<(), ReadError> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = start + usize::from(bytes.get(start) == Some(&b'-'));
        let mut ok = digits(&mut at);
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            ok &= digits(&mut at);
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            at += usize::from(matches!(bytes.get(at), Some(b'+' | b'-')));
            ok &= digits(&mut at);
        }
        if !ok {
            return self.fail("a value");
        }
        self.at = at;
        Ok(())
    }
}

/// How many bytes from the start need no attention inside a string (no quote, backslash or
/// control character): counted eight at a time, since start-up reads 4 MB of strings with
/// 1,000 incidents before the wasm is optimised, then byte by byte up to the first such byte
/// (a caller that stepped over one plain byte at a time called this again for each).
pub(super) fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte of `x` is zero: `(x - ONES) & !x` has its high bit set (and maybe a higher byte's).
    let zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let mut plain = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let special = zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            | (x.wrapping_sub(ONES * 0x20) & !x);
        if special & HIGHS != 0 {
            break;
        }
        plain += 8;
    }
    let rest = &bytes[plain..];
    plain
        + rest
            .iter()
            .position(|&b| matches!(b, b'"' | b'\\' | 0..=0x1f))
            .unwrap_or(rest.len())
}

impl Reader<'_> {
    /// Where the next value starts, for errors found after reading it.
    pub fn position(&mut self) -> usize {
        self.peek();
        self.at
    }
}
