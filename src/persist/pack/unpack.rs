//! A packed text read back (`persist::pack`): all of it, its first bytes, or as much as
//! unpacks before any damage. Damage is refused without a panic, and never asks for more
//! room than `LARGEST`.

use std::borrow::Cow;

use super::{Damaged, DICTIONARY, LARGEST, MARK, MIN_MATCH};

/// The JSON text of `raw`: unpacked if it is packed, else `raw` itself.
pub fn unpack(raw: &str) -> Result<Cow<'_, str>, Damaged> {
    let Some(rest) = raw.strip_prefix(MARK) else {
        return Ok(Cow::Borrowed(raw));
    };
    let mut text = Vec::new();
    decompress(source(rest), usize::MAX, &mut text)?;
    String::from_utf8(text).map(Cow::Owned).map_err(|_| Damaged)
}

/// As much of a packed text's JSON as unpacks before any damage, as text (`None` if `raw`
/// isn't packed): all that a person can still read of a damaged record.
pub fn unpack_readable(raw: &str) -> Option<String> {
    let mut text = Vec::new();
    let _ = decompress(source(raw.strip_prefix(MARK)?), usize::MAX, &mut text);
    // Up to the first byte that isn't UTF-8: a cut may end inside a character.
    let whole = std::str::from_utf8(&text).map_or_else(|e| e.valid_up_to(), str::len);
    text.truncate(whole);
    String::from_utf8(text).ok()
}

/// At least the first `n` bytes of a packed text's JSON (`None` if `raw` isn't packed, or they
/// can't be unpacked), for what a record starts with, without unpacking all of it.
pub fn unpack_start(raw: &str, n: usize) -> Option<Vec<u8>> {
    let mut start = Vec::new();
    decompress(source(raw.strip_prefix(MARK)?), n, &mut start).ok()?;
    Some(start)
}

fn source(rest: &str) -> Source<'_> {
    Source {
        utf8: rest.as_bytes(),
        at: 0,
    }
}

/// The packed bytes, read from the text's UTF-8: each character from U+0000 to U+00FF is one
/// byte, written in one byte below U+0080 and two from there.
struct Source<'a> {
    utf8: &'a [u8],
    at: usize,
}

impl Source<'_> {
    fn done(&self) -> bool {
        self.at >= self.utf8.len()
    }

    fn byte(&mut self) -> Result<u8, Damaged> {
        let lead = *self.utf8.get(self.at).ok_or(Damaged)?;
        self.at += 1;
        match lead {
            0..=0x7F => Ok(lead),
            // The text is UTF-8, so a continuation byte follows.
            0xC2 | 0xC3 => {
                let next = *self.utf8.get(self.at).ok_or(Damaged)?;
                self.at += 1;
                Ok(((lead & 0x03) << 6) | (next & 0x3F))
            }
            // A character past U+00FF: not a packed byte.
            _ => Err(Damaged),
        }
    }

    /// `n` bytes onto `out`, in one copy when they are all below U+0080, as JSON's mostly are.
    fn copy(&mut self, n: usize, out: &mut Vec<u8>) -> Result<(), Damaged> {
        if let Some(run) = self.utf8.get(self.at..self.at + n) {
            if run.is_ascii() {
                out.extend_from_slice(run);
                self.at += n;
                return Ok(());
            }
        }
        for _ in 0..n {
            out.push(self.byte()?);
        }
        Ok(())
    }

    /// A sequence's length from its token's nibble `n`, and the bytes after it when that is 15.
    fn length(&mut self, n: u8) -> Result<usize, Damaged> {
        let mut n = usize::from(n);
        if n == 15 {
            loop {
                let b = self.byte()?;
                n += usize::from(b);
                if n > LARGEST {
                    return Err(Damaged);
                }
                if b != 255 {
                    break;
                }
            }
        }
        Ok(n)
    }
}

/// `compress` undone onto `out`, refusing anything that doesn't hold together (what came
/// before the damage stays in `out`). A match may reach back into the dictionary, and may
/// overlap what it writes (a run), so it is copied in the longest pieces that don't.
fn decompress(mut src: Source, enough: usize, out: &mut Vec<u8>) -> Result<(), Damaged> {
    let dict = DICTIONARY.len();
    out.reserve(src.utf8.len().min(enough) * 2);
    while !src.done() && out.len() < enough {
        let token = src.byte()?;
        let literals = src.length(token >> 4)?;
        if out.len() + literals > LARGEST {
            return Err(Damaged);
        }
        src.copy(literals, out)?;
        if src.done() {
            break;
        }
        let offset = usize::from(u16::from_le_bytes([src.byte()?, src.byte()?]));
        let n = src.length(token & 15)? + MIN_MATCH;
        if offset == 0 || offset > dict + out.len() || out.len() + n > LARGEST {
            return Err(Damaged);
        }
        // Places in the dictionary followed by what is unpacked so far.
        let (mut at, end) = (dict + out.len() - offset, dict + out.len() - offset + n);
        if at < dict {
            let stop = end.min(dict);
            out.extend_from_slice(&DICTIONARY[at..stop]);
            at = stop;
        }
        while at < end {
            let from = at - dict;
            let piece = (end - at).min(out.len() - from);
            out.extend_from_within(from..from + piece);
            at += piece;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::pack;
    use super::super::tests::TEMPLATE;
    use super::*;

    #[test]
    fn a_start_is_the_first_bytes_of_the_whole() {
        let text = TEMPLATE.trim();
        let packed = pack(text).expect("packed");
        for n in [1, 24, 700] {
            let start = unpack_start(&packed, n).expect("unpacks");
            assert!(start.len() >= n && text.as_bytes().starts_with(&start));
        }
        assert_eq!(unpack_start(text, 24), None, "not packed");
    }

    #[test]
    fn a_damaged_text_unpacks_as_far_as_its_damage() {
        let text = TEMPLATE.trim();
        let packed: Vec<char> = pack(text).expect("packed").chars().collect();
        let cut: String = packed[..packed.len() / 2].iter().collect();
        let readable = unpack_readable(&cut).expect("packed");
        assert!(
            readable.len() > 1000 && text.starts_with(&readable),
            "{readable}"
        );
        let wrong: String = packed[..300].iter().chain(['\u{100}'].iter()).collect();
        assert!(text.starts_with(&unpack_readable(&wrong).expect("packed")));
        assert_eq!(unpack_readable(text), None, "not packed");
    }

    #[test]
    fn json_is_left_as_it_is() {
        assert_eq!(
            unpack("{\"schema\":4}"),
            Ok(Cow::Borrowed("{\"schema\":4}"))
        );
    }

    #[test]
    fn damage_is_refused_without_a_panic() {
        let packed = pack(TEMPLATE.trim()).expect("packed");
        let chars: Vec<char> = packed.chars().collect();
        for cut in [1, 2, chars.len() / 2, chars.len() - 1] {
            let _ = unpack(&chars[..cut].iter().collect::<String>());
        }
        // A match with no distance, and one reaching back before the dictionary.
        assert_eq!(unpack("\u{1}\u{0}\u{0}\u{0}"), Err(Damaged));
        assert_eq!(unpack("\u{1}\u{0}\u{ff}\u{ff}"), Err(Damaged));
        assert_eq!(unpack("\u{1}Ā"), Err(Damaged));
        // A length that goes on and on.
        let endless: String = std::iter::once(MARK)
            .chain(std::iter::once('\u{f0}'))
            .chain(std::iter::repeat_n('\u{ff}', 5000))
            .collect();
        assert_eq!(unpack(&endless), Err(Damaged));
    }
}
