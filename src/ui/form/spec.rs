//! The description of a form: fields that read and write one value of an incident as text,
//! and lists of entries with their own fields.

use std::marker::PhantomData;
use std::sync::Arc;

use crate::model::steps::Item;
use crate::model::value::{Choice, DayText, FieldValue};
use crate::model::{Incident, Timestamp};

/// Finds a field's value; `None` when its list entry is gone. The `u32` is the list entry's
/// id, or 0 for a field of the incident itself. Only the value's place differs from field to
/// field; reading and writing it as text is `FieldValue`'s, shared by every field.
pub type Get = fn(&Incident, u32) -> Option<&dyn FieldValue>;
/// Finds a field's value to write it.
pub type Set = fn(&mut Incident, u32) -> Option<&mut dyn FieldValue>;

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

/// A kind that only fits values of type `T`; the field macros check each field's value
/// against it, so a date control can never be given a text field:
///
/// ```
/// # use mend::{model::Incident, ui::form::{kind, Kind, KindOf}};
/// const TITLE: Kind = kind(KindOf::LINE, |i: &Incident| &i.title);
/// ```
///
/// ```compile_fail
/// # use mend::{model::Incident, ui::form::{kind, Kind, KindOf}};
/// const TITLE: Kind = kind(KindOf::DAY, |i: &Incident| &i.title);
/// ```
pub struct KindOf<T>(Kind, PhantomData<fn() -> T>);

impl KindOf<String> {
    pub const LINE: Self = KindOf(Kind::Line, PhantomData);
    pub const AREA: Self = KindOf(Kind::Area, PhantomData);
}

impl KindOf<DayText> {
    pub const DAY: Self = KindOf(Kind::Day, PhantomData);
}

impl KindOf<Option<Timestamp>> {
    pub const MOMENT: Self = KindOf(Kind::Moment, PhantomData);
    pub const STAMP: Self = KindOf(Kind::Stamp, PhantomData);
}

impl KindOf<bool> {
    pub const CHECK: Self = KindOf(Kind::Check, PhantomData);
}

impl<T: Choice> KindOf<T> {
    /// The choice's own options, so a field can't show another choice's.
    pub const CHOICE: Self = KindOf(Kind::Choice(T::OPTIONS), PhantomData);
}

/// The kind of a field of the incident, once its value's type matches.
pub const fn kind<T: FieldValue>(kind: KindOf<T>, _value: fn(&Incident) -> &T) -> Kind {
    kind.0
}

/// The kind of a field of each entry in a list, once its value's type matches.
pub const fn item_kind<X, T: FieldValue>(
    kind: KindOf<T>,
    _list: fn(&Incident) -> &Vec<X>,
    _value: fn(&X) -> &T,
) -> Kind {
    kind.0
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

impl Field {
    /// The field as text, for the incident (`item` 0) or its list entry `item`.
    pub fn text(&self, incident: &Incident, item: u32) -> Option<String> {
        (self.get)(incident, item).map(FieldValue::to_text)
    }

    /// Writes the field from text; nothing when its list entry is gone.
    pub fn write(&self, incident: &mut Incident, item: u32, text: &str) {
        if let Some(value) = (self.set)(incident, item) {
            value.set_text(text);
        }
    }
}

/// A field of the incident itself: `field!(LINE, "key", "Label", "hint", |i| i.path)`, where
/// `LINE` is one of `KindOf`'s kinds for the value's type.
macro_rules! field {
    ($kind:ident, $key:literal, $label:expr, $hint:literal, |$i:ident| $path:expr) => {
        $crate::ui::form::Field {
            key: $key,
            label: $label,
            hint: $hint,
            kind: $crate::ui::form::kind($crate::ui::form::KindOf::$kind, |$i| &$path),
            get: |$i, _| Some(&$path),
            set: |$i, _| Some(&mut $path),
        }
    };
}

/// A field of each entry in the list `$list`; `list!` writes these.
macro_rules! item_field {
    ($kind:ident, $key:literal, $label:expr, $hint:literal, |$i:ident| $list:expr, |$x:ident| $path:expr) => {
        $crate::ui::form::Field {
            key: $key,
            label: $label,
            hint: $hint,
            kind: $crate::ui::form::item_kind(
                $crate::ui::form::KindOf::$kind,
                |$i| &$list,
                |$x| &$path,
            ),
            get: |$i, id| {
                let $x = $list.iter().find(|x| x.id == id)?;
                Some(&$path)
            },
            set: |$i, id| {
                let $x = $list.iter_mut().find(|x| x.id == id)?;
                Some(&mut $path)
            },
        }
    };
}

/// Puts an entry taken out of a list back where it was; Undo keeps it.
pub type Restore = Arc<dyn Fn(&mut Incident) + Send + Sync>;

/// Takes entry `id` out of the list `list` reaches, and says how to put it back.
pub fn remove_item<T: Item + Send + Sync>(
    i: &mut Incident,
    list: fn(&mut Incident) -> &mut Vec<T>,
    id: u32,
) -> Option<Restore> {
    let items = list(i);
    let position = items.iter().position(|x| x.id() == id)?;
    let item = items.remove(position);
    Some(Arc::new(move |i: &mut Incident| {
        let items = list(i);
        // Never two entries with one id, even if Undo comes late.
        if items.iter().all(|x| x.id() != item.id()) {
            items.insert(position.min(items.len()), item.clone());
        }
    }))
}

/// What a list editor can do to its list.
#[derive(Clone, Copy)]
pub struct ListOps {
    /// Entry ids in display order.
    pub ids: fn(&Incident) -> Vec<u32>,
    pub add: fn(&mut Incident) -> u32,
    pub remove: fn(&mut Incident, u32) -> Option<Restore>,
    pub shift: fn(&mut Incident, u32, isize) -> bool,
}

/// The operations on a list inside the incident: `list_ops!(|i| i.steps.assess.key_points)`.
macro_rules! list_ops {
    (|$i:ident| $list:expr) => {
        $crate::ui::form::ListOps {
            ids: |$i| $list.iter().map(|x| x.id).collect(),
            add: |$i| $crate::model::steps::add_item(&mut $list),
            remove: |$i, id| $crate::ui::form::remove_item($i, |$i| &mut $list, id),
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

/// A list, named once: `items` is where it lives in the incident, `ops` replaces some of the
/// usual operations, and each field is `(kind, "key", "Label", "hint", |x| x.path)`.
macro_rules! list {
    (
        items: |$i:ident| $list:expr,
        key: $key:literal,
        label: $label:expr,
        hint: $hint:literal,
        noun: $noun:literal,
        reorder: $reorder:literal,
        $(ops: { $($op:ident: $f:expr),* $(,)? },)?
        fields: [$(($kind:ident, $fkey:literal, $flabel:expr, $fhint:literal, |$x:ident| $path:expr)),* $(,)?] $(,)?
    ) => {
        $crate::ui::form::ListSpec {
            key: $key,
            label: $label,
            hint: $hint,
            noun: $noun,
            reorder: $reorder,
            ops: $crate::ui::form::ListOps {
                $($($op: $f,)*)?
                ..$crate::ui::form::list_ops!(|$i| $list)
            },
            fields: &[$(
                $crate::ui::form::item_field!($kind, $fkey, $flabel, $fhint, |$i| $list, |$x| $path)
            ),*],
        }
    };
}

pub(crate) use {field, item_field, list, list_ops};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::choices::Severity;
    use crate::model::steps::Point;

    const POINTS: ListSpec = list! {
        items: |i| i.steps.assess.key_points,
        key: "p",
        label: "Points",
        hint: "",
        noun: "point",
        reorder: true,
        fields: [(LINE, "p", "Point", "", |x| x.text)],
    };
    const TEXT: &Field = &POINTS.fields[0];
    const OPS: ListOps = POINTS.ops;
    const TITLE: Field = field!(LINE, "t", "Title", "", |i| i.title);

    fn incident() -> Incident {
        Incident::blank(8)
    }

    #[test]
    fn fields_read_and_write_the_incident_and_its_entries() {
        let mut i = incident();
        TITLE.write(&mut i, 0, "Oops");
        assert_eq!(TITLE.text(&i, 0).as_deref(), Some("Oops"));
        let id = (OPS.add)(&mut i);
        TEXT.write(&mut i, id, "First");
        assert_eq!(TEXT.text(&i, id).as_deref(), Some("First"));
        assert_eq!(TEXT.text(&i, id + 1), None);
        TEXT.write(&mut i, id + 1, "nowhere");
        assert_eq!(
            i.steps.assess.key_points,
            [Point {
                id,
                text: "First".into()
            }]
        );
    }

    #[test]
    fn every_kind_of_value_reads_and_writes_as_text_through_its_field() {
        #[rustfmt::skip]
        const SEVERITY: Field = field!(CHOICE, "s", "Severity", "", |i| i.steps.assess.severity);
        #[rustfmt::skip]
        const AT: Field = field!(MOMENT, "a", "At", "", |i| i.steps.assess.happened_at);
        #[rustfmt::skip]
        const HIT: Field = field!(CHECK, "c", "Customers", "", |i| i.steps.assess.affects_customers);
        let mut i = incident();
        for (field, text) in [(&SEVERITY, "medium"), (&AT, "1764950400000"), (&HIT, "1")] {
            field.write(&mut i, 0, text);
            assert_eq!(field.text(&i, 0).as_deref(), Some(text));
        }
        assert_eq!(i.steps.assess.severity, Severity::Medium);
        assert!(i.steps.assess.affects_customers);
        // Text a value can't hold gives its empty value, as the controls expect.
        SEVERITY.write(&mut i, 0, "enormous");
        AT.write(&mut i, 0, "soon");
        assert_eq!(SEVERITY.text(&i, 0).as_deref(), Some("unset"));
        assert_eq!(AT.text(&i, 0).as_deref(), Some(""));
    }

    #[test]
    fn removed_entries_come_back_in_place_once() {
        let mut i = incident();
        for _ in 0..3 {
            (OPS.add)(&mut i);
        }
        let restore = (OPS.remove)(&mut i, 2).unwrap_or_else(|| panic!("entry 2 exists"));
        assert_eq!((OPS.ids)(&i), [1, 3]);
        restore(&mut i);
        assert_eq!((OPS.ids)(&i), [1, 2, 3]);
        restore(&mut i);
        assert_eq!((OPS.ids)(&i), [1, 2, 3]);
        assert!((OPS.remove)(&mut i, 9).is_none());
    }
}
