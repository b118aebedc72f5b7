//! A stored incident's text packed: its JSON through a small LZ coder (LZ4's block format),
//! which starts from the shape of a stored incident (`pack_dictionary.json`), each byte then
//! stored as one character from U+0000 to U+00FF after a mark. Chromium keeps such a value a
//! byte a character, and a tab's first read loads every value of the origin (one task that no
//! script can split): 1,000 of the benchmark's incidents are 4.78 M characters as JSON and
//! 2.20 M packed, loaded in about 49 and 28 ms (`bench/storage-load.mjs`). Storage quota is
//! counted in characters, so the same store holds about twice as many incidents.

use std::borrow::Cow;

/// What a packed text starts with; never the first character of JSON. The 1 names this
/// format and its dictionary, which must never change: a new one takes a new mark.
pub const MARK: char = '\u{1}';
/// Longer texts are stored as they are: packing an incident at the import's limits (2.4 MB)
/// would lengthen the save it is part of, and those are rare.
pub const MOST: usize = 64 * 1024;
/// What an unpacked text may come to, so a damaged length can't ask for gigabytes (room to
/// spare over `MOST`, should a later version pack longer texts).
const LARGEST: usize = 4 * MOST;

/// The shape of a stored incident, every text empty and every list one entry long: the bytes
/// a packed record's first matches are found in.
const DICTIONARY: &[u8] = include_bytes!("pack_dictionary.json");
const MIN_MATCH: usize = 4;
/// LZ4's end rule: the last five bytes are always literals.
const TAIL: usize = 5;
const WINDOW: usize = 65_535;
/// Earlier places with the same hash tried for each match: enough for JSON's repeated names.
const DEPTH: usize = 32;
const HASH_BITS: u32 = 13;

/// A packed text that could not be unpacked. The record itself is left as it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("it is stored compressed, and could not be unpacked: it may be damaged")]
pub struct Damaged;

/// `text` packed, if it is at most `MOST` bytes and packing makes it fewer characters.
pub fn pack(text: &str) -> Option<String> {
    if text.len() > MOST {
        return None;
    }
    let bytes = compress(text.as_bytes());
    // Quota counts UTF-16 units: a text mostly in another script may be shorter as it is.
    let units = text.bytes().filter(|b| b & 0xC0 != 0x80).count()
        + text.bytes().filter(|&b| b >= 0xF0).count();
    if bytes.len() + 1 >= units {
        return None;
    }
    let mut out = String::with_capacity(bytes.len() * 2 + 1);
    out.push(MARK);
    out.extend(bytes.into_iter().map(char::from));
    Some(out)
}

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
    Some(
        std::str::from_utf8(&text[..whole])
            .unwrap_or_default()
            .to_owned(),
    )
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

#[inline(always)]
fn key(src: &[u8], at: usize) -> u32 {
    let four = src.get(at..at + 4).and_then(|b| b.try_into().ok());
    u32::from_le_bytes(four.unwrap_or_default())
}

#[inline(always)]
fn hash(src: &[u8], at: usize) -> usize {
    (key(src, at).wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize
}

/// Greedy LZ4 with hash chains, over the dictionary and then `input`.
fn compress(input: &[u8]) -> Vec<u8> {
    let src = [DICTIONARY, input].concat();
    let mut chains = Chains {
        head: vec![0; 1 << HASH_BITS],
        prev: vec![0; src.len()],
    };
    for at in 0..DICTIONARY.len() - MIN_MATCH + 1 {
        chains.insert(&src, at);
    }
    let mut out = Vec::with_capacity(input.len() / 2 + 16);
    let (mut at, mut literals) = (DICTIONARY.len(), DICTIONARY.len());
    let end = src.len() - TAIL;
    while at + MIN_MATCH <= end {
        let (mut best, mut from) = (0, 0);
        let mut candidate = chains.head[hash(&src, at)];
        for _ in 0..DEPTH {
            let Some(c) = (candidate as usize).checked_sub(1) else {
                break;
            };
            if at - c > WINDOW {
                break;
            }
            // Only a match that agrees at `best` can be longer: most candidates end here.
            if at + best < end && src[c + best] == src[at + best] {
                let n = same(&src[c..], &src[at..end]);
                if n > best {
                    (best, from) = (n, c);
                }
            }
            candidate = chains.prev[c];
        }
        if best < MIN_MATCH {
            chains.insert(&src, at);
            at += 1;
            continue;
        }
        sequence(&mut out, &src[literals..at], Some((at - from, best)));
        for k in at..at + best {
            chains.insert(&src, k);
        }
        at += best;
        literals = at;
    }
    sequence(&mut out, &src[literals..], None);
    out
}

/// How many of `b`'s first bytes `a` starts with (`a` is the longer).
fn same(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// For each hash, the last place it was seen, and before each place the one before it; each
/// place counted from 1, so that 0 (a zeroed allocation) is none.
struct Chains {
    head: Vec<u32>,
    prev: Vec<u32>,
}

impl Chains {
    #[inline(always)]
    fn insert(&mut self, src: &[u8], at: usize) {
        let h = hash(src, at);
        self.prev[at] = self.head[h];
        self.head[h] = at as u32 + 1;
    }
}

/// One LZ4 sequence: its token, the literals, then the match's offset and length, if any.
fn sequence(out: &mut Vec<u8>, literals: &[u8], matched: Option<(usize, usize)>) {
    let extra = matched.map_or(0, |(_, n)| n - MIN_MATCH);
    out.push(((literals.len().min(15) as u8) << 4) | extra.min(15) as u8);
    if literals.len() >= 15 {
        length(out, literals.len() - 15);
    }
    out.extend_from_slice(literals);
    if let Some((offset, _)) = matched {
        out.extend_from_slice(&(offset as u16).to_le_bytes());
        if extra >= 15 {
            length(out, extra - 15);
        }
    }
}

fn length(out: &mut Vec<u8>, mut n: usize) {
    while n >= 255 {
        out.push(255);
        n -= 255;
    }
    out.push(n as u8);
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
    use super::*;

    const TEMPLATE: &str = include_str!("../../tests/fixtures/v4-full-incident.json");

    #[test]
    fn the_benchmarks_incident_packs_to_under_half_and_back() {
        let text = TEMPLATE.trim();
        let packed = pack(text).expect("packed");
        assert!(packed.chars().all(|c| u32::from(c) <= 0xFF));
        assert!(
            packed.chars().count() * 2 < text.len(),
            "{}",
            packed.chars().count()
        );
        assert_eq!(unpack(&packed).as_deref(), Ok(text));
    }

    #[test]
    fn runs_and_text_past_ascii_come_back_as_they_were() {
        // A run is a match that overlaps what it writes; ’ and 🙂 are bytes past U+007F.
        for text in [
            "x".repeat(5000),
            "I’m sorry 🙂 — ".repeat(300),
            "ab".repeat(40) + "é",
        ] {
            let packed = pack(&text).expect("packed");
            assert_eq!(unpack(&packed).as_deref(), Ok(text.as_str()));
        }
    }

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
    fn long_and_incompressible_texts_stay_as_they_are() {
        assert_eq!(pack(&"a".repeat(MOST + 1)), None);
        // Every character its own: packing can't make it shorter.
        let mixed: String = (0x400u32..0x4ff).filter_map(char::from_u32).collect();
        assert_eq!(pack(&mixed), None);
    }

    #[test]
    fn the_dictionary_never_changes() {
        // A packed record is read back through these bytes: changing them needs a new MARK.
        assert_eq!(crate::model::fnv::hash(DICTIONARY), 0x7729_fa46_a360_9551);
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

    /// Generated texts and damage (proptest is a native-only dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod generated {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_comes_back_as_it_was(text in ".{0,600}", json in "[{}\":,a-z0-9 ]{0,2000}") {
                for t in [text.as_str(), json.as_str()] {
                    if let Some(packed) = pack(t) {
                        let back = unpack(&packed);
                        prop_assert_eq!(back.as_deref(), Ok(t));
                    }
                }
            }

            #[test]
            fn any_damage_is_refused_or_read(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
                let raw: String = std::iter::once(MARK).chain(bytes.into_iter().map(char::from)).collect();
                let _ = unpack(&raw);
            }
        }
    }
}
