//! Forms described as data: each step lists its fields and lists, and a few generic
//! components render, label and save them.

mod field_input;
mod list_editor;
mod spec;

pub use field_input::{FieldInput, Fields};
pub use list_editor::{EntryExtra, ListEditor};
pub(crate) use spec::{field, item_field, list, list_ops};
pub use spec::{item_kind, kind, remove_item, Field, Kind, KindOf, ListOps, ListSpec, Restore};
