//! A stored incident's text packed: its JSON through a small LZ coder (LZ4's block format),
//! which starts from the shape of a stored incident (`pack_dictionary.json`), each byte then
//! stored as one character from U+0000 to U+00FF after a mark. Chromium keeps such a value a
//! byte a character, and a tab's first read loads every value of the origin (one task that no
//! script can split): 1,000 of the benchmark's incidents are 4.78 M characters as JSON and
//! 2.20 M packed, loaded in about 49 and 28 ms (`bench/storage-load.mjs`). Storage quota is
//! counted in characters, so the same store holds about twice as many incidents.

mod unpack;

pub use unpack::{unpack, unpack_readable, unpack_start};

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The benchmark's incident, for these tests and the unpacking side's.
    pub(super) const TEMPLATE: &str = include_str!("../../tests/fixtures/v4-full-incident.json");

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
