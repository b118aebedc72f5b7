//! Why a save did not happen, and what the caller may do about it: try again later, give it
//! room, or wait for its envelope.

use crate::persist::repo::SaveError;
use crate::persist::{ReadOnly, StorageError};

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveProblem {
    /// Nothing may be written in this session at all.
    #[error("{0}")]
    ReadOnly(#[from] ReadOnly),
    #[error("{0}")]
    Save(#[from] SaveError),
}

impl SaveProblem {
    /// Whether trying again later may work (storage full or briefly refused), as opposed to
    /// a refusal that stands (a newer Mend's record, no storage at all this session).
    pub fn may_pass(&self) -> bool {
        matches!(self, Self::Save(SaveError::Storage(_)))
    }

    /// Storage had no room for it.
    pub fn is_full(&self) -> bool {
        matches!(self, Self::Save(SaveError::Storage(StorageError::Full)))
    }

    /// The write waits for its envelope (the lock is on): it runs again, unseen.
    pub fn is_sealing(&self) -> bool {
        matches!(self, Self::Save(SaveError::Storage(StorageError::Sealing)))
    }
}
