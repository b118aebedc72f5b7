//! The description of a form: fields that read and write one value of an incident as text,
//! and lists of entries with their own fields.

use std::any::Any;
use std::sync::Arc;

use crate::model::steps::Item;
use crate::model::Incident;

/// Reads a field as text; `None` when its list entry is gone. The `u32` is the list entry's
/// id, or 0 for a field of the incident itself.
pub type Get = fn(&Incident, u32) -> Option<String>;
/// Writes a field from text.
pub type Set = fn(&mut Incident, u32, &str);

/// How a field is shown.
#[derive(Clone, Copy)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Several lines of text.
    Area,
    /// A calendar day.
    Day,
    /// A date and time, in the user's local time.
    Moment,
    /// A tick that records when it was ticked.
    Stamp,
    /// A plain tick.
    Check,
    /// One of a fixed set, as (stored key, label).
    Choice(&'static [(&'static str, &'static str)]),
}

pub struct Field {
    /// Unique among fields; the control's DOM id is made from it.
    pub key: &'static str,
    pub label: &'static str,
    /// Help under the label; empty for none.
    pub hint: &'static str,
    pub kind: Kind,
    pub get: Get,
    pub set: Set,
}

/// A field of the incident itself: `field!(Kind::Line, "key", "Label", "hint", |i| i.path)`.
macro_rules! field {
    ($kind:expr, $key:literal, $label:literal, $hint:literal, |$i:ident| $path:expr) => {
        $crate::ui::form::Field {
            key: $key,
            label: $label,
            hint: $hint,
            kind: $kind,
            get: |$i, _| Some($crate::model::value::FieldValue::to_text(&$path)),
            set: |$i, _, text| $crate::model::value::FieldValue::set_text(&mut $path, text),
        }
    };
}

/// A field of each entry in a list: `item_field!(kind, "key", "Label", "hint", |i| i.list, |x| x.path)`.
macro_rules! item_field {
    ($kind:expr, $key:literal, $label:literal, $hint:literal, |$i:ident| $list:expr, |$x:ident| $path:expr) => {
        $crate::ui::form::Field {
            key: $key,
            label: $label,
            hint: $hint,
            kind: $kind,
            get: |$i, id| {
                $list
                    .iter()
                    .find(|x| x.id == id)
                    .map(|$x| $crate::model::value::FieldValue::to_text(&$path))
            },
            set: |$i, id, text| {
                if let Some($x) = $list.iter_mut().find(|x| x.id == id) {
                    $crate::model::value::FieldValue::set_text(&mut $path, text);
                }
            },
        }
    };
}

/// An entry taken out of a list, kept so Undo can put it back where it was.
#[derive(Clone)]
pub struct Removed {
    pub position: usize,
    pub item: Arc<dyn Any + Send + Sync>,
}

pub fn remove_item<T: Item + Send + Sync>(list: &mut Vec<T>, id: u32) -> Option<Removed> {
    let position = list.iter().position(|x| x.id() == id)?;
    let item = list.remove(position);
    Some(Removed {
        position,
        item: Arc::new(item),
    })
}

pub fn restore_item<T: Item + Send + Sync>(list: &mut Vec<T>, removed: Removed) {
    if let Some(item) = removed.item.downcast_ref::<T>() {
        // Never two entries with one id, even if Undo comes late.
        if list.iter().all(|x| x.id() != item.id()) {
            list.insert(removed.position.min(list.len()), item.clone());
        }
    }
}

/// What a list editor can do to its list.
#[derive(Clone, Copy)]
pub struct ListOps {
    /// Entry ids in display order.
    pub ids: fn(&Incident) -> Vec<u32>,
    pub add: fn(&mut Incident) -> u32,
    pub remove: fn(&mut Incident, u32) -> Option<Removed>,
    pub restore: fn(&mut Incident, Removed),
    pub shift: fn(&mut Incident, u32, isize) -> bool,
}

/// The operations on a list inside the incident: `list_ops!(|i| i.steps.assess.key_points)`.
macro_rules! list_ops {
    (|$i:ident| $list:expr) => {
        $crate::ui::form::ListOps {
            ids: |$i| $list.iter().map(|x| x.id).collect(),
            add: |$i| $crate::model::steps::add_item(&mut $list),
            remove: |$i, id| $crate::ui::form::remove_item(&mut $list, id),
            restore: |$i, removed| $crate::ui::form::restore_item(&mut $list, removed),
            shift: |$i, id, by| $crate::model::steps::shift_item(&mut $list, id, by),
        }
    };
}

pub struct ListSpec {
    /// Unique among lists; DOM ids are made from it.
    pub key: &'static str,
    /// The list's heading.
    pub label: &'static str,
    pub hint: &'static str,
    /// One entry, in words: "key point".
    pub noun: &'static str,
    /// Whether the user orders the entries (a timeline orders itself by time).
    pub reorder: bool,
    pub ops: ListOps,
    pub fields: &'static [Field],
}

pub(crate) use {field, item_field, list_ops};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::steps::Point;

    const TEXT: Field = item_field!(
        Kind::Line,
        "p",
        "Point",
        "",
        |i| i.steps.assess.key_points,
        |x| x.text
    );
    const TITLE: Field = field!(Kind::Line, "t", "Title", "", |i| i.title);
    const OPS: ListOps = list_ops!(|i| i.steps.assess.key_points);

    fn incident() -> Incident {
        Incident::blank(8)
    }

    #[test]
    fn fields_read_and_write_the_incident_and_its_entries() {
        let mut i = incident();
        (TITLE.set)(&mut i, 0, "Oops");
        assert_eq!((TITLE.get)(&i, 0).as_deref(), Some("Oops"));
        let id = (OPS.add)(&mut i);
        (TEXT.set)(&mut i, id, "First");
        assert_eq!((TEXT.get)(&i, id).as_deref(), Some("First"));
        assert_eq!((TEXT.get)(&i, id + 1), None);
        (TEXT.set)(&mut i, id + 1, "nowhere");
        assert_eq!(
            i.steps.assess.key_points,
            [Point {
                id,
                text: "First".into()
            }]
        );
    }

    #[test]
    fn removed_entries_come_back_in_place_once() {
        let mut i = incident();
        for _ in 0..3 {
            (OPS.add)(&mut i);
        }
        let removed = (OPS.remove)(&mut i, 2).unwrap_or_else(|| panic!("entry 2 exists"));
        assert_eq!((OPS.ids)(&i), [1, 3]);
        (OPS.restore)(&mut i, removed.clone());
        assert_eq!((OPS.ids)(&i), [1, 2, 3]);
        (OPS.restore)(&mut i, removed);
        assert_eq!((OPS.ids)(&i), [1, 2, 3]);
        assert!((OPS.remove)(&mut i, 9).is_none());
    }
}
