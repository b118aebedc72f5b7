//! Pure domain types and logic: incidents, the seven steps, and everything Mend composes
//! from them. No browser code lives here.

pub mod value;

pub mod backup_reminder;
pub mod breathing;
pub mod briefing;
pub mod choices;
pub mod clock;
pub mod fnv;
pub mod follow_up;
pub mod id;
pub mod id_map;
pub mod incident;
pub mod insights;
pub mod labels;
pub mod limits;
pub mod list_row;
pub mod mailto;
pub mod milestones;
pub mod names;
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
