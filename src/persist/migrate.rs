//! Schema migrations: numbered steps that each lift a stored record by one version.
//!
//! To change the stored shape: append one function here that turns a record of the previous
//! version into the new one (that raises `SCHEMA_VERSION`), and add a fixture of the old shape.

use crate::json::{Map, Value};

/// The version of the incident records this build writes: one more than the migrations that
/// lead up to it, so the two can't drift apart.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32 + 1;

/// Lifts a whole record (envelope included) from one version to the next.
pub type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[n]` turns schema `n + 1` into schema `n + 2`.
pub const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3, v3_to_v4];

/// Version 2 gave the seven steps their fields, and the incident its tags, archive flag and
/// last step. All of them default when absent, so a v1 record carries over as it is. The
/// version still goes up, so that an older Mend refuses these records instead of dropping
/// fields it doesn't know when it saves.
fn v1_to_v2(record: Value) -> Result<Value, String> {
    Ok(record)
}

/// Version 3 gave Stop a thought record. The bare "What's going through my head" text
/// becomes the record's thought; the distress ratings stay as they were (the scale stores
/// the same 0–10 number the dropdown did).
fn v2_to_v3(mut record: Value) -> Result<Value, String> {
    let Some(stop) = record
        .get_mut("incident")
        .and_then(|i| i.get_mut("steps"))
        .and_then(|s| s.get_mut("stop"))
        .and_then(Value::as_object_mut)
    else {
        return Ok(record);
    };
    for (key, value) in std::mem::take(stop) {
        if key == "thoughts" {
            let mut thought_record = Map::new();
            thought_record.push("thought".into(), value);
            stop.push("thought_record".into(), Value::Object(thought_record));
        } else {
            stop.push(key, value);
        }
    }
    Ok(record)
}

/// Version 4 gave Own up the boss's email address, Follow up the debrief's day, a
/// "debrief held" tick and the kinds of cause, and Step it up "what didn't work". All default to empty, so a v3
/// record carries over as it is; the version goes up so an older Mend refuses, not drops.
fn v3_to_v4(record: Value) -> Result<Value, String> {
    Ok(record)
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("could not upgrade from schema {from}: {reason}")]
pub struct MigrateError {
    pub from: u32,
    pub reason: String,
}

/// Runs the record from schema `from` up to the current one.
pub fn migrate(record: Value, from: u32) -> Result<Value, MigrateError> {
    run_chain(record, from, MIGRATIONS)
}

fn run_chain(mut record: Value, from: u32, chain: &[Migration]) -> Result<Value, MigrateError> {
    if from == 0 || from as usize > chain.len() + 1 {
        return Err(MigrateError {
            from,
            reason: "no such schema version".into(),
        });
    }
    for (step, version) in chain.iter().zip(1u32..).skip(from as usize - 1) {
        record = step(record).map_err(|reason| MigrateError {
            from: version,
            reason,
        })?;
        if let Some(fields) = record.as_object_mut() {
            fields.insert("schema".into(), Value::from(version + 1));
        }
    }
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::json;

    fn rename_name_to_title(mut record: Value) -> Result<Value, String> {
        let incident = record
            .get_mut("incident")
            .and_then(Value::as_object_mut)
            .ok_or("no incident")?;
        let name = incident.remove("name").unwrap_or_default();
        incident.insert("title".into(), name);
        Ok(record)
    }

    fn add_tags(mut record: Value) -> Result<Value, String> {
        if let Some(incident) = record.get_mut("incident").and_then(Value::as_object_mut) {
            incident.insert("tags".into(), json!([]));
        }
        Ok(record)
    }

    #[test]
    fn runs_every_step_from_the_given_version_in_order() {
        let chain: &[Migration] = &[rename_name_to_title, add_tags];
        let old = json!({"schema": 1, "incident": {"name": "Oops"}});
        assert_eq!(
            run_chain(old, 1, chain),
            Ok(json!({"schema": 3, "incident": {"title": "Oops", "tags": []}}))
        );

        let middle = json!({"schema": 2, "incident": {"title": "Oops"}});
        assert_eq!(
            run_chain(middle, 2, chain),
            Ok(json!({"schema": 3, "incident": {"title": "Oops", "tags": []}}))
        );
    }

    #[test]
    fn a_failing_step_names_its_version() {
        let chain: &[Migration] = &[rename_name_to_title, add_tags];
        assert_eq!(
            run_chain(json!({"schema": 1, "incident": 5}), 1, chain),
            Err(MigrateError {
                from: 1,
                reason: "no incident".into()
            })
        );
    }

    #[test]
    fn current_version_passes_through_unchanged() {
        let record = json!({"schema": SCHEMA_VERSION, "incident": {"title": "x"}});
        assert_eq!(migrate(record.clone(), SCHEMA_VERSION), Ok(record));
    }

    #[test]
    fn v1_records_carry_over_as_they_are() {
        let v1 = json!({"schema": 1, "incident": {"title": "x", "steps": {"stop": {}}}});
        assert_eq!(
            migrate(v1, 1),
            Ok(json!({"schema": 4, "incident": {"title": "x", "steps": {"stop": {}}}}))
        );
    }

    #[test]
    fn v2_thoughts_become_the_thought_and_distress_stays_as_it_was() {
        let v2 = json!({"schema": 2, "incident": {"steps": {"stop": {
            "pattern": "box", "distress_before": 8, "distress_after": 5,
            "thoughts": "Everyone will know"
        }}}});
        assert_eq!(
            migrate(v2, 2),
            Ok(json!({"schema": 4, "incident": {"steps": {"stop": {
                "pattern": "box", "distress_before": 8, "distress_after": 5,
                "thought_record": {"thought": "Everyone will know"}
            }}}}))
        );
        // Nothing to move: left alone.
        let bare = json!({"schema": 2, "incident": {"title": "x"}});
        assert_eq!(
            migrate(bare, 2),
            Ok(json!({"schema": 4, "incident": {"title": "x"}}))
        );
    }

    #[test]
    fn unknown_versions_are_refused() {
        assert!(migrate(json!({}), 0).is_err());
        assert!(migrate(json!({}), SCHEMA_VERSION + 1).is_err());
    }
}
