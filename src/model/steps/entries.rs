//! A step's list entries: stable ids, the room a list has, and moving one entry.

use super::{Alternative, Commitment, Event, FixItem, Person, Point, Stakeholder};
use crate::model::limits::MAX_LENGTH;

/// A list entry. Its id is stable for the life of the list, so the screen can keep each row
/// (and its focus) in place while the list changes.
pub trait Item: Clone + Default + 'static {
    fn id(&self) -> u32;
    fn set_id(&mut self, id: u32);
}

macro_rules! item {
    ($($type:ident),+) => {$(
        impl Item for $type {
            fn id(&self) -> u32 { self.id }
            fn set_id(&mut self, id: u32) { self.id = id; }
        }
    )+};
}

item!(
    Point,
    Person,
    Event,
    Alternative,
    FixItem,
    Stakeholder,
    Commitment
);

/// Appends a new, empty entry and returns its id. A list already `MAX_LENGTH` long, which
/// import would refuse, stays as it is, and the last entry's id comes back.
pub fn add_item<T: Item>(list: &mut Vec<T>) -> u32 {
    if !has_room(list) {
        return list.last().map_or(0, Item::id);
    }
    let id = next_id(list);
    let mut item = T::default();
    item.set_id(id);
    list.push(item);
    id
}

/// The id a new entry takes: one past the highest, so that ids stay unique whatever order
/// the entries are in and whichever were removed.
pub fn next_id<T: Item>(list: &[T]) -> u32 {
    list.iter().map(Item::id).max().map_or(1, |max| max + 1)
}

/// Whether a list can take one more entry: import refuses one longer than `MAX_LENGTH`.
pub fn has_room<T>(list: &[T]) -> bool {
    list.len() < MAX_LENGTH
}

/// Moves an entry one place up (`-1`) or down (`1`). False at either end.
pub fn shift_item<T: Item>(list: &mut [T], id: u32, by: isize) -> bool {
    let Some(from) = list.iter().position(|i| i.id() == id) else {
        return false;
    };
    match from.checked_add_signed(by).filter(|to| *to < list.len()) {
        Some(to) => {
            list.swap(from, to);
            true
        }
        None => false,
    }
}
