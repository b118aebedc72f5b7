//! Pure domain types: incidents, their ids and timestamps. No browser code lives here.

pub mod id;
pub mod incident;
pub mod time;

pub use id::IncidentId;
pub use incident::{Incident, Steps};
pub use time::Timestamp;
