//! Persistence, pure: storage keys, the record codec, schema migrations, and the one path
//! by which incidents are read from and written to a key-value store.

pub mod checklist;
pub mod codec;
pub mod envelope;
pub mod index;
pub mod key;
pub mod kv;
pub mod latin1;
pub mod lock;
pub mod migrate;
pub mod pack;
pub mod repo;
pub mod sealed;
pub mod session;
pub mod settings;
pub mod sync;

pub use codec::DecodeError;
pub use key::StorageKey;
pub use kv::{Failing, KeyValue, MemoryStore, StorageError};
pub use migrate::SCHEMA_VERSION;
pub use repo::{clear_all, load, missing, Loaded, ReadOnly, Restored, Unreadable, Writer};
pub use session::{Clash, Flushed, Outcome, SaveProblem, Session, Undone};
