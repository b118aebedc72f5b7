//! Shared by the integration tests: writing an incident over whatever is stored, the way
//! another tab's save lands. The app itself only writes through `Session`.

use mend::model::Incident;
use mend::persist::repo::SaveError;
use mend::persist::sync::fingerprint;
use mend::persist::{KeyValue, StorageKey, Writer};

pub trait SaveOver {
    /// Writes `incident` under its own key, over what is there unless a newer Mend wrote it.
    fn save(&self, kv: &dyn KeyValue, incident: &Incident) -> Result<(), SaveError>;
}

impl SaveOver for Writer {
    fn save(&self, kv: &dyn KeyValue, incident: &Incident) -> Result<(), SaveError> {
        let stored = kv.get(&StorageKey::Incident(incident.id))?;
        self.save_if_unchanged(kv, incident, stored.as_deref().map(fingerprint))
            .map(|_| ())
    }
}
