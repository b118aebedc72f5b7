//! The incident: one mistake and everything the user writes while recovering from it.

use crate::json::{self, Json, ReadError, Reader, Writer};

use super::{IncidentId, Step, Steps, Timestamp};

/// One incident. Field order here is the field order in storage and in exports.
#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    pub id: IncidentId,
    pub title: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// When the user noticed the mistake; it starts the clock for owning up.
    pub noticed_at: Option<Timestamp>,
    /// Comma-separated, as typed.
    pub tags: String,
    pub archived: bool,
    /// Where the user was last, so opening the incident returns there.
    pub last_step: Step,
    pub steps: Steps,
}

/// Its members, in the order they are written.
const NAMES: [&str; 9] = [
    "id",
    "title",
    "created_at",
    "updated_at",
    "noticed_at",
    "tags",
    "archived",
    "last_step",
    "steps",
];

/// Written as `json_struct!` would; read with `id` and both times required, since an incident
/// without them can't be told apart or placed in time.
impl Json for Incident {
    fn write(&self, w: &mut Writer) {
        w.open('{');
        w.field("id", &self.id);
        w.field("title", &self.title);
        w.field("created_at", &self.created_at);
        w.field("updated_at", &self.updated_at);
        w.field("noticed_at", &self.noticed_at);
        w.field("tags", &self.tags);
        w.field("archived", &self.archived);
        w.field("last_step", &self.last_step);
        w.field("steps", &self.steps);
        w.close('}');
    }

    fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        let mut incident = Incident::new(IncidentId::from_random_bytes([0; 16]), Timestamp::EPOCH);
        incident.noticed_at = None;
        incident.last_step = Step::default();
        incident.steps = Steps::default();
        let mut found = [false; 3];
        json::read_members(r, &NAMES, &mut |at, r| {
            match at {
                0 => (incident.id, found[0]) = (Json::read(r)?, true),
                1 => incident.title = Json::read(r)?,
                2 => (incident.created_at, found[1]) = (Json::read(r)?, true),
                3 => (incident.updated_at, found[2]) = (Json::read(r)?, true),
                4 => incident.noticed_at = Json::read(r)?,
                5 => incident.tags = Json::read(r)?,
                6 => incident.archived = Json::read(r)?,
                7 => incident.last_step = Json::read(r)?,
                8 => incident.steps = Json::read(r)?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        match found {
            [true, true, true] => Ok(incident),
            _ => Err(ReadError {
                what: "an incident with its id, created_at and updated_at",
                at: r.position(),
            }),
        }
    }
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

    /// Whether `other` holds the same, field for field, by the text each is stored as. Only
    /// the import's preview and another tab's write compare incidents, and the derived
    /// comparison of every field of every step was about 3 kB of wasm.
    pub fn same_as(&self, other: &Incident) -> bool {
        self.id == other.id
            && self.updated_at == other.updated_at
            && self.title == other.title
            && crate::json::to_text(self) == crate::json::to_text(other)
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

    #[test]
    fn the_same_incident_is_told_from_one_changed_deep_in_a_step() {
        let mut mine = Incident::blank(1);
        mine.steps.assess.impact = "Two clients".into();
        let theirs = mine.clone();
        assert!(mine.same_as(&theirs));
        let mut changed = mine.clone();
        changed.steps.assess.impact = "Three clients".into();
        assert!(
            !mine.same_as(&changed),
            "a step's field, with the same time and title"
        );
        assert!(!mine.same_as(&Incident::blank(2)));
    }
}
