//! Pure domain types and logic: incidents, the seven steps, and everything Mend composes
//! from them. No browser code lives here.

/// Stores a type as its `Display` text and reads it back through `FromStr`, so ids and times
/// are readable strings in storage and exports.
macro_rules! serde_as_text {
    ($type:ty) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
use serde_as_text;

pub mod value;

pub mod backup_reminder;
pub mod breathing;
pub mod briefing;
pub mod choices;
pub mod clock;
pub mod follow_up;
pub mod id;
pub mod incident;
pub mod insights;
pub mod labels;
pub mod limits;
pub mod mailto;
pub mod milestones;
pub mod order;
pub mod passphrase;
pub mod preflight;
pub mod search;
pub mod seeding;
pub mod settings;
pub mod status;
pub mod step;
pub mod steps;
pub mod thought_record;
pub mod time;
pub mod title;
pub mod wording;

pub use id::IncidentId;
pub use incident::Incident;
pub use settings::{Durability, Settings, Theme};
pub use status::Status;
pub use step::Step;
pub use steps::Steps;
pub use time::{Day, Timestamp};
