//! The incident: one mistake and everything the user writes while recovering from it.

use serde::{Deserialize, Serialize};

use super::{IncidentId, Timestamp};

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
    #[serde(default)]
    pub steps: Steps,
}

impl Incident {
    /// A new, empty incident created (and so last changed) at `now`.
    pub fn new(id: IncidentId, now: Timestamp) -> Self {
        Self {
            id,
            title: String::new(),
            created_at: now,
            updated_at: now,
            noticed_at: None,
            steps: Steps::default(),
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
}

/// The seven steps' records. Each is empty for now; every field will be optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Steps {
    pub stop: Stop,
    pub assess: Assess,
    pub solutions: Solutions,
    pub own_up: OwnUp,
    pub fix: Fix,
    pub follow_up: FollowUp,
    pub step_it_up: StepItUp,
}

/// 1 Stop: the breathing pause and distress before and after.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stop {}

/// 2 Assess: facts, impact, who must help, key points.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Assess {}

/// 3 Solutions: options weighed, one chosen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Solutions {}

/// 4 Own up: the briefing for the boss.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OwnUp {}

/// 5 Fix: the checklist.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Fix {}

/// 6 Follow up: stakeholders, messages, debrief.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {}

/// 7 Step it up: prevention commitments and reflection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StepItUp {}
