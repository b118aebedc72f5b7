//! What failed in the library, as types that say themselves in plain words (`Display`):
//! a save of typed text, an import, and putting back what another page emptied.

use crate::persist::repo::SaveError;
use crate::persist::{ReadOnly, SaveProblem, StorageError};

/// Typed text that could not be saved. It stays in memory and on screen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("Not saved: {0}. What you typed is still here.")]
pub struct NotSaved(pub SaveProblem);

/// Why an import wrote nothing at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailed {
    #[error("Mend can't save in this browser right now: {0}.")]
    ReadOnly(ReadOnly),
    #[error("There isn't room for them in this browser's storage.")]
    Full,
    #[error("They couldn't be saved: {0}.")]
    Other(SaveProblem),
}

impl From<SaveProblem> for ImportFailed {
    fn from(problem: SaveProblem) -> Self {
        match problem {
            SaveProblem::ReadOnly(reason) => Self::ReadOnly(reason),
            SaveProblem::Save(SaveError::Storage(StorageError::Full)) => Self::Full,
            other => Self::Other(other),
        }
    }
}

/// Why what this tab holds could not be written back after storage was emptied.
#[derive(Debug, thiserror::Error)]
pub enum PutBackFailed {
    #[error("Mend can't save in this browser right now: {0}.")]
    ReadOnly(ReadOnly),
    #[error("They couldn't be put back: {0}.")]
    Other(SaveProblem),
}

impl From<SaveProblem> for PutBackFailed {
    fn from(problem: SaveProblem) -> Self {
        match problem {
            SaveProblem::ReadOnly(reason) => Self::ReadOnly(reason),
            other => Self::Other(other),
        }
    }
}
