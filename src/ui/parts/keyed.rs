//! `<Keyed>`: Leptos's keyed `<For>` in one copy for the whole app. `<For>` is generic over
//! its items, keys and rows, so each use compiled its own keyed list; here every list is
//! keyed by a `u64` and its rows are built through one boxed function.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use leptos::prelude::*;

use crate::model::fnv::Fnv;

/// The keys of the rows to show, in order; a row is drawn again only when its key changes.
pub struct Keys(Box<dyn Fn() -> Vec<u64> + Send + Sync>);

impl<F: Fn() -> Vec<u64> + Send + Sync + 'static> From<F> for Keys {
    fn from(keys: F) -> Self {
        Self(Box::new(keys))
    }
}

/// Builds one row from its key and its place among the keys when it was drawn.
#[derive(Clone)]
pub struct Row(Arc<dyn Fn(u64, usize) -> AnyView + Send + Sync>);

impl<F: Fn(u64, usize) -> AnyView + Send + Sync + 'static> From<F> for Row {
    fn from(row: F) -> Self {
        Self(Arc::new(row))
    }
}

/// The rows, each drawn once and moved, not drawn again, when others come, go or move.
#[component]
pub fn Keyed(
    /// The rows' keys, which must differ from each other.
    #[prop(into)]
    keys: Keys,
    /// One row's view.
    #[prop(into)]
    row: Row,
) -> impl IntoView {
    let Keys(keys) = keys;
    let each = move || keys().into_iter().zip(0..).collect::<Vec<(u64, usize)>>();
    let draw = move |(key, at)| (row.0)(key, at);
    view! { <For each key=|(key, _)| *key children=draw/> }
}

/// A key for a row that shows `value`: it changes whenever anything the row shows does.
pub fn key_of(value: &impl Hash) -> u64 {
    let mut hasher = Fnv::default();
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_with_any_part_and_stay_the_same_otherwise() {
        let row = |id: u32, title: &str, archived: bool| key_of(&(id, title, archived));
        assert_eq!(row(1, "Invoice", false), row(1, "Invoice", false));
        assert_ne!(row(1, "Invoice", false), row(2, "Invoice", false));
        assert_ne!(row(1, "Invoice", false), row(1, "Invoices", false));
        assert_ne!(row(1, "Invoice", false), row(1, "Invoice", true));
        // A string's length is hashed too, so text can't slide from one field to the next.
        assert_ne!(key_of(&("ab", "c")), key_of(&("a", "bc")));
    }
}
