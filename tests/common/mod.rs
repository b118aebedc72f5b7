//! Shared by the integration tests: writing an incident over whatever is stored, the way
//! another tab's save lands. The app itself only writes through `Session`.

use mend::model::Incident;
use mend::persist::codec::schema_version;
use mend::persist::repo::SaveError;
use mend::persist::sync::fingerprint;
use mend::persist::{KeyValue, StorageKey, Writer, SCHEMA_VERSION};

pub trait SaveOver {
    /// Writes `incident` under its own key, over what is there unless a newer Mend wrote it.
    fn save(&self, kv: &dyn KeyValue, incident: &Incident) -> Result<(), SaveError>;
}

impl SaveOver for Writer {
    fn save(&self, kv: &dyn KeyValue, incident: &Incident) -> Result<(), SaveError> {
        let stored = kv.get(&StorageKey::Incident(incident.id))?;
        // A tab has seen only what it could read: a newer Mend's record it set aside.
        let newer =
            |raw: &&str| schema_version(raw).is_ok_and(|found| found > u64::from(SCHEMA_VERSION));
        let seen = stored.as_deref().filter(|raw| !newer(raw)).map(fingerprint);
        self.save_if_unchanged(kv, incident, None, seen).map(|_| ())
    }
}
