//! Every localStorage key Mend uses, in one typed enum.

use crate::model::IncidentId;

const META: &str = "mend.meta";
const INCIDENT_PREFIX: &str = "mend.incident.";
const SETTINGS: &str = "mend.settings";
const CHECKLIST: &str = "mend.checklist";
const LOCK: &str = "mend.lock";
const INDEX: &str = "mend.index";
/// Every key Mend owns, now or in a later version, starts with this.
const PREFIX: &str = "mend.";

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StorageKey {
    /// Store-wide facts: the newest schema version that has written here.
    Meta,
    /// One incident per key, so typing in one never rewrites the others.
    Incident(IncidentId),
    /// The person's settings.
    Settings,
    /// The personal pre-flight checklist.
    Checklist,
    /// The passphrase lock's salt and wrapped key: there only while the lock is on, and the
    /// one record never encrypted.
    Lock,
    /// The list's index (`persist::index`): a cache of what the list shows, rewritten from
    /// the records, never read as one of them.
    Index,
    /// A `mend.*` key this version cannot use, e.g. an incident key with an odd id. Kept as it
    /// is and never written; removed only when the person clears all data.
    Unknown(String),
}

impl StorageKey {
    /// Sorts a raw key. `None` for keys Mend does not own, or (`mend.*`) may own in a later
    /// version. An incident key whose id is not spelled exactly as Mend writes it (capitals,
    /// say) is `Unknown`: read as an incident, its saves would land under another key.
    pub fn parse(raw: &str) -> Option<Self> {
        if raw == META {
            return Some(StorageKey::Meta);
        }
        if raw == SETTINGS {
            return Some(StorageKey::Settings);
        }
        if raw == CHECKLIST {
            return Some(StorageKey::Checklist);
        }
        if raw == LOCK {
            return Some(StorageKey::Lock);
        }
        if raw == INDEX {
            return Some(StorageKey::Index);
        }
        if let Some(id) = raw.strip_prefix(INCIDENT_PREFIX) {
            return Some(
                id.parse::<IncidentId>()
                    .ok()
                    // The parser takes either case; Mend writes only lowercase.
                    .filter(|_| !id.bytes().any(|b| b.is_ascii_uppercase()))
                    .map_or_else(|| StorageKey::Unknown(raw.to_owned()), StorageKey::Incident),
            );
        }
        None
    }

    /// Every key Mend owns: those `parse` knows, and any other `mend.*` key (which a later
    /// version may have written) as `Unknown`. Loading lists each one; clearing removes them.
    pub fn owned(raw: &str) -> Option<Self> {
        Self::parse(raw).or_else(|| {
            raw.starts_with(PREFIX)
                .then(|| StorageKey::Unknown(raw.to_owned()))
        })
    }

    pub fn as_string(&self) -> String {
        match self {
            StorageKey::Meta => META.to_owned(),
            StorageKey::Settings => SETTINGS.to_owned(),
            StorageKey::Checklist => CHECKLIST.to_owned(),
            StorageKey::Lock => LOCK.to_owned(),
            StorageKey::Index => INDEX.to_owned(),
            StorageKey::Incident(id) => format!("{INCIDENT_PREFIX}{id}"),
            StorageKey::Unknown(raw) => raw.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        let id = IncidentId::from_random_bytes([1; 16]);
        for key in [
            StorageKey::Meta,
            StorageKey::Settings,
            StorageKey::Checklist,
            StorageKey::Lock,
            StorageKey::Index,
            StorageKey::Incident(id),
        ] {
            assert_eq!(StorageKey::parse(&key.as_string()), Some(key));
        }
    }

    #[test]
    fn foreign_keys_are_ignored_and_odd_incident_keys_kept_as_unknown() {
        assert_eq!(StorageKey::parse("theme"), None);
        assert_eq!(StorageKey::parse("mend.later"), None);
        assert_eq!(
            StorageKey::parse("mend.incident.x"),
            Some(StorageKey::Unknown("mend.incident.x".into()))
        );
    }

    #[test]
    fn an_incident_id_in_capitals_is_not_taken_for_the_lowercase_key() {
        let id = IncidentId::from_random_bytes([0xab; 16]);
        let upper = format!("mend.incident.{}", id.to_string().to_uppercase());
        assert_eq!(
            StorageKey::parse(&upper),
            Some(StorageKey::Unknown(upper.clone()))
        );
        assert_eq!(StorageKey::Unknown(upper.clone()).as_string(), upper);
    }

    #[test]
    fn owned_keys_are_every_mend_key_and_nothing_else() {
        assert_eq!(
            StorageKey::owned("mend.settings"),
            Some(StorageKey::Settings)
        );
        assert_eq!(
            StorageKey::owned("mend.later"),
            Some(StorageKey::Unknown("mend.later".into()))
        );
        assert_eq!(StorageKey::owned("mendel"), None);
        assert_eq!(StorageKey::owned("mend"), None);
        assert_eq!(StorageKey::owned("theme"), None);
    }
}
