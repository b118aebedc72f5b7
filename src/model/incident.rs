//! The incident: one mistake and everything the user writes while recovering from it.

use serde::{Deserialize, Serialize};

use super::{IncidentId, Step, Steps, Timestamp};

/// One incident. Field order here is the field order in storage and in exports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: IncidentId,
    #[serde(default)]
    pub title: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// When the user noticed the mistake; it starts the clock for owning up.
    #[serde(default)]
    pub noticed_at: Option<Timestamp>,
    /// Comma-separated, as typed.
    #[serde(default)]
    pub tags: String,
    #[serde(default)]
    pub archived: bool,
    /// Where the user was last, so opening the incident returns there.
    #[serde(default)]
    pub last_step: Step,
    #[serde(default)]
    pub steps: Steps,
}

impl Incident {
    /// A new, empty incident created (and so last changed) at `now`. Mend is usually
    /// opened right after the mistake is noticed, so that is when the clock starts.
    pub fn new(id: IncidentId, now: Timestamp) -> Self {
        Self {
            id,
            title: String::new(),
            created_at: now,
            updated_at: now,
            noticed_at: Some(now),
            tags: String::new(),
            archived: false,
            last_step: Step::Stop,
            steps: Steps::new(),
        }
    }

    /// The title as the user should see it: never blank.
    pub fn display_title(&self) -> &str {
        match self.title.trim() {
            "" => "Untitled incident",
            title => title,
        }
    }

    /// True until the user has changed anything since creating it.
    pub fn is_untouched(&self) -> bool {
        self.updated_at == self.created_at && self.title.is_empty()
    }

    /// The tags, trimmed, without empties.
    pub fn tag_list(&self) -> Vec<&str> {
        self.tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect()
    }
}

#[cfg(test)]
impl Incident {
    /// A blank incident for tests, created at the epoch.
    pub(crate) fn blank(seed: u8) -> Self {
        Self::new(
            IncidentId::from_random_bytes([seed; 16]),
            Timestamp::from_millis_clamped(0.0),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_split_on_commas_and_ignore_blanks() {
        let mut incident = Incident::blank(1);
        incident.tags = " invoices, ,clients ,".into();
        assert_eq!(incident.tag_list(), ["invoices", "clients"]);
    }
}
