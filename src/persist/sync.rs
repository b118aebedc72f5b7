//! Two tabs, one incident: a three-way merge of what this tab changed and what another tab
//! saved, field by field, and a fingerprint to notice that storage changed underneath.
//!
//! Why this design: localStorage has no locks, and tabs see each other's writes late. So each
//! tab re-reads a record just before writing it, and merges every change another tab reports
//! (the `storage` event's old and new value) into what it holds, saving again if that differs.
//! Fields only one tab changed keep that change; a field both changed keeps this tab's text
//! and is reported, with the other tab's record offered for download. A list is one field.

use super::codec::{self, DecodeError};
use super::migrate::SCHEMA_VERSION;
use crate::json::{self, Map, Value};
use crate::model::{Incident, IncidentId};

/// A cheap fingerprint of a stored record's text, to notice a change by another tab without
/// keeping every record's text in memory. Eight bytes a step: at start-up it runs over every
/// record, before the wasm is optimised. Kept in memory only, so it may change between builds.
pub fn fingerprint(raw: &str) -> u64 {
    let bytes = raw.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mix = |hash: u64, word: u64| {
        (hash ^ word)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29)
    };
    let mut hash = mix(0xcbf2_9ce4_8422_2325, bytes.len() as u64);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = mix(hash, u64::from_le_bytes(word));
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    mix(hash, u64::from_le_bytes(tail))
}

/// The last few records this tab wrote for each incident, by fingerprint.
///
/// A tab's own write can reach storage after another tab's, even though this tab has
/// already merged that other write in (Chromium passes writes between tabs lazily; seen in
/// the two-tab test). Storage then holds a record this tab wrote itself, older than what it
/// holds now. Merging that in as another tab's change would undo the other tab's edit, so a
/// record this tab wrote is written over, never merged.
#[derive(Clone, Debug, Default)]
pub struct OwnWrites {
    recent: Vec<(IncidentId, u64)>,
}

impl OwnWrites {
    /// Enough for the writes a burst of typing makes before another tab's event arrives.
    const KEPT: usize = 32;

    /// Notes that this tab wrote a record with this fingerprint.
    pub fn wrote(&mut self, id: IncidentId, print: u64) {
        self.recent.push((id, print));
        if self.recent.len() > Self::KEPT {
            self.recent.remove(0);
        }
    }

    /// Whether storage's `raw` text for this incident is one this tab wrote.
    pub fn is_mine(&self, id: IncidentId, raw: &str) -> bool {
        let print = fingerprint(raw);
        self.recent.iter().any(|&(i, p)| i == id && p == print)
    }
}

/// The merged incident and the places both tabs changed differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub incident: Incident,
    /// Where both changed the same field, as the steps a person sees ("Assess", "Own up").
    pub clashes: Vec<&'static str>,
}

/// Merges `mine` and `theirs`, both descended from `base`.
pub fn merge(base: &Incident, mine: &Incident, theirs: &Incident) -> Result<Merged, DecodeError> {
    let value = |incident: &Incident| -> Result<Value, DecodeError> {
        json::from_text(&json::to_text(incident)).map_err(|e| DecodeError::NotJson(e.to_string()))
    };
    let mut paths = Vec::new();
    let merged = three_way(
        &value(base)?,
        &value(mine)?,
        &value(theirs)?,
        &mut Vec::new(),
        &mut paths,
    );
    let mut incident = codec::decode_incident(merged, SCHEMA_VERSION)?;
    // Bookkeeping, not content: neither is a clash.
    incident.updated_at = mine.updated_at.max(theirs.updated_at);
    incident.last_step = mine.last_step;
    let mut clashes: Vec<&'static str> = paths
        .iter()
        .filter(|path| {
            !matches!(
                path.first().map(String::as_str),
                Some("updated_at" | "last_step")
            )
        })
        .map(|path| place(path))
        .collect();
    crate::model::order::sort_by(&mut clashes, |p| {
        let at = PLACES
            .iter()
            .position(|q| q == p)
            .map_or(i64::MAX, |n| n as i64);
        (at, 0)
    });
    clashes.dedup();
    Ok(Merged { incident, clashes })
}

fn three_way(
    base: &Value,
    mine: &Value,
    theirs: &Value,
    path: &mut Vec<String>,
    clashes: &mut Vec<Vec<String>>,
) -> Value {
    if mine == theirs || theirs == base {
        return mine.clone();
    }
    if mine == base {
        return theirs.clone();
    }
    if let (Value::Object(m), Value::Object(t)) = (mine, theirs) {
        let empty = Map::new();
        let b = base.as_object().unwrap_or(&empty);
        let mut out = Map::new();
        let keys = m.keys().chain(t.keys().filter(|k| !m.contains_key(k)));
        for key in keys {
            let pick = |map: &Map| map.get(key).cloned().unwrap_or(Value::Null);
            path.push(key.clone());
            out.push(
                key.clone(),
                three_way(&pick(b), &pick(m), &pick(t), path, clashes),
            );
            path.pop();
        }
        return Value::Object(out);
    }
    clashes.push(path.clone());
    mine.clone()
}

/// Every place a clash can be, in the order the person meets them.
const PLACES: [&str; 8] = [
    "Stop",
    "Assess",
    "Solutions",
    "Own up",
    "Fix",
    "Follow up",
    "Step it up",
    "the incident",
];

/// The step a field belongs to, in the words the person sees.
fn place(path: &[String]) -> &'static str {
    match path.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["title", ..] | ["steps", "stop", ..] => "Stop",
        ["tags", ..] | ["noticed_at", ..] | ["steps", "assess", ..] => "Assess",
        ["steps", "solutions", ..] => "Solutions",
        ["steps", "own_up", ..] => "Own up",
        ["steps", "fix", ..] => "Fix",
        ["steps", "follow_up", ..] => "Follow up",
        ["steps", "step_it_up", ..] => "Step it up",
        _ => "the incident",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;

    fn at(ms: i64) -> Timestamp {
        Timestamp::from_millis(ms).unwrap()
    }

    #[test]
    fn a_tab_knows_its_own_recent_writes_and_no_others() {
        let (one, two) = (Incident::blank(1).id, Incident::blank(2).id);
        let mut own = OwnWrites::default();
        own.wrote(one, fingerprint("first"));
        assert!(own.is_mine(one, "first"));
        assert!(!own.is_mine(one, "another tab's"));
        assert!(!own.is_mine(two, "first"), "per incident");
        for n in 0..OwnWrites::KEPT {
            own.wrote(one, fingerprint(&format!("later {n}")));
        }
        assert!(!own.is_mine(one, "first"), "only the last few are kept");
        assert!(own.is_mine(one, "later 0"));
    }

    /// The case the two-tab test caught: A writes SA, B writes SB from the same start, and
    /// B's write lands last. B merges A's change from its event; storage then still holds
    /// SB. Taking SB as another tab's change (from SA) would drop A's text; B's own write is
    /// instead written over, and both edits stay.
    #[test]
    fn an_own_write_landing_last_is_not_merged_back_as_a_change() {
        let start = Incident::blank(1);
        let mut a = start.clone();
        a.steps.assess.what_happened = "Written in the first tab".into();
        let mut b = start.clone();
        b.steps.assess.impact = "Written in the second tab".into();
        let sb = codec::encode(&b);
        let mut own = OwnWrites::default();
        own.wrote(b.id, fingerprint(&sb));
        let held = merge(&start, &b, &a).unwrap().incident;
        assert_eq!(held.steps.assess.what_happened, "Written in the first tab");
        assert_eq!(held.steps.assess.impact, "Written in the second tab");
        assert!(own.is_mine(b.id, &sb), "so B writes `held` over SB");
        let wrong = merge(&a, &held, &b).unwrap().incident;
        assert_eq!(
            wrong.steps.assess.what_happened, "",
            "what merging it would have done"
        );
    }

    #[test]
    fn different_fields_from_each_tab_both_survive() {
        let base = Incident::blank(1);
        let mut mine = base.clone();
        mine.steps.assess.what_happened = "Typed in this tab".into();
        mine.updated_at = at(2_000);
        let mut theirs = base.clone();
        theirs.steps.own_up.need = "Typed in the other tab".into();
        theirs.updated_at = at(3_000);
        let merged = merge(&base, &mine, &theirs).unwrap();
        assert_eq!(
            merged.incident.steps.assess.what_happened,
            "Typed in this tab"
        );
        assert_eq!(merged.incident.steps.own_up.need, "Typed in the other tab");
        assert_eq!(merged.incident.updated_at, at(3_000));
        assert!(merged.clashes.is_empty());
    }

    #[test]
    fn the_same_field_keeps_this_tabs_text_and_is_reported() {
        let base = Incident::blank(1);
        let mut mine = base.clone();
        mine.title = "Mine".into();
        mine.steps.fix.items.push(Default::default());
        let mut theirs = base.clone();
        theirs.title = "Theirs".into();
        theirs.steps.fix.items.push(crate::model::steps::FixItem {
            id: 9,
            ..Default::default()
        });
        let merged = merge(&base, &mine, &theirs).unwrap();
        assert_eq!(merged.incident.title, "Mine");
        assert_eq!(merged.clashes, ["Stop", "Fix"]);
    }

    #[test]
    fn fingerprints_differ_for_different_text() {
        assert_ne!(fingerprint("{\"a\":1}"), fingerprint("{\"a\":2}"));
        assert_eq!(fingerprint("same"), fingerprint("same"));
    }
}
