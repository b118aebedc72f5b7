//! The only code that touches `web_sys`: small adapters over browser APIs.
//! Each returns errors or does nothing when the API is missing; none panics.

pub mod address;
pub mod clipboard;
pub mod crypto;
pub mod download;
pub mod file_read;
pub mod focus;
pub mod lifecycle;
pub mod listen;
pub mod local_storage;
pub mod page;
pub mod perf;
pub mod platform;
pub mod service_worker;
pub mod share;
pub mod storage_manager;
pub mod tabs;
pub mod tasks;

pub use local_storage::LocalStore;
