//! The list's index, `{"schema": N, "index": {...}}`: each incident as the list shows it, so
//! that a large store's list is drawn from one small record while the records are read. A
//! cache, never the truth: the records it came from always win (`ui::state::library`).

use super::codec::{self, DecodeError};
use super::{KeyValue, StorageKey};
use crate::json::{self, json_struct, Json, Reader};
use crate::model::list_row::ListRow;

/// Only a store of more incidents than this keeps an index: up to this many are read before
/// the list is drawn, in a task of about 5 ms on a desktop.
pub const KEPT_ABOVE: usize = 50;

/// The index schema this build writes, and the only one it reads: an index is a cache, so
/// one from an older Mend (schema 1 kept each row as an object) is written again, not read.
pub const INDEX_SCHEMA: u32 = 2;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Index {
    /// Whether the titles are discreet mode's ("Incident 3").
    pub discreet: bool,
    /// Every incident, archived ones too, in the order the records are kept.
    pub rows: Vec<ListRow>,
}

json_struct! { Index { discreet, rows } }

pub fn encode(index: &Index) -> String {
    codec::encode_record(INDEX_SCHEMA, "index", index)
}

/// Reads a stored index. An older, newer or damaged one, or one with a row missing its id, is
/// refused.
/// In one pass, where a small record's reading passes over it twice: at 1,000 incidents the
/// index is about 200 kB.
pub fn decode(raw: &str) -> Result<Index, DecodeError> {
    let mut r = Reader::new(raw);
    let (mut schema, mut index) = (None, None);
    json::read_members(&mut r, &["schema", "index"], &mut |at, r| {
        match at {
            0 => schema = Some(r.number(u64::MAX)?),
            // Written after its schema, so an older or newer index is skipped, never misread.
            1 if schema == Some(u64::from(INDEX_SCHEMA)) => index = Some(Index::read(r)?),
            _ => r.skip()?,
        }
        Ok(())
    })
    .and_then(|()| r.end())
    .map_err(|e| DecodeError::Shape(json::explain(raw, &e, 1)))?;
    match (schema, index) {
        (Some(found), _) if found > u64::from(INDEX_SCHEMA) => Err(DecodeError::Newer { found }),
        (None | Some(0), _) => Err(DecodeError::NoVersion),
        (_, Some(index)) => Ok(index),
        (Some(found), None) if found < u64::from(INDEX_SCHEMA) => {
            Err(DecodeError::Shape("an index from an older Mend".into()))
        }
        (_, None) => Err(DecodeError::Shape("no index".into())),
    }
}

/// The stored index, if there is one this build can read.
pub fn read(kv: &dyn KeyValue) -> Option<Index> {
    decode(&kv.get(&StorageKey::Index).ok()??).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Day, Incident, IncidentId, Timestamp};

    fn index() -> Index {
        let at = Timestamp::from_millis(1_764_000_000_000).unwrap();
        let mut incident = Incident::new(IncidentId::from_random_bytes([3; 16]), at);
        incident.steps.own_up.told_at = Some(at);
        incident.steps.step_it_up.resolved_at = Some(at);
        incident
            .steps
            .step_it_up
            .commitments
            .push(Default::default());
        incident.steps.step_it_up.commitments[0].what = "Check twice".into();
        let row = ListRow::of(&incident, "Wrong \"price\" sent".into(), &Day::of_utc);
        Index {
            discreet: false,
            rows: vec![
                row, // The id a row read without one once took: a real id all the same.
                ListRow::of(
                    &Incident::new(IncidentId::from_random_bytes([0; 16]), at),
                    "Incident on 24 Nov".into(),
                    &Day::of_utc,
                ),
            ],
        }
    }

    #[test]
    fn an_index_round_trips() {
        let index = index();
        assert!(index.rows[0]
            .plan
            .check_ins
            .as_ref()
            .is_some_and(|c| c.len() == 3));
        assert_eq!(decode(&encode(&index)), Ok(index));
    }

    #[test]
    fn older_newer_damaged_or_idless_indexes_are_refused() {
        assert_eq!(
            decode(r#"{"schema":3,"index":{}}"#),
            Err(DecodeError::Newer { found: 3 })
        );
        assert!(decode(r#"{"schema":1,"index":{"discreet":false,"rows":[]}}"#).is_err());
        let text = encode(&index());
        assert!(decode(&text[..text.len() - 1]).is_err());
        assert!(decode(&text.replace("\"resolved\"", "\"gone\"")).is_err());
        assert!(decode(&text.replace("\"2025-12-24\"", "\"2025-13-24\"")).is_err());
        assert!(decode(r#"{"schema":2,"index":{"rows":[[]]}}"#).is_err());
        assert_eq!(
            decode(r#"{"schema":2,"index":{"rows":[]}}"#),
            Ok(Index::default())
        );
    }
}
