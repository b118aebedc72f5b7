//! A small JSON writer and reader for Mend's stored types, in place of derived serde: the
//! same text as `serde_json` wrote, in a fraction of the code a derive puts in the app.
//!
//! A type lists its fields once (`json_struct!`); missing fields take their defaults and
//! unknown ones are skipped, as `#[serde(default)]` did.

use std::borrow::Cow;

mod path;
mod reader;
mod value;
mod writer;

pub use path::explain;
pub use reader::{Reader, SHORTER_LIST, SHORTER_TEXT};
#[cfg(test)]
pub(crate) use value::{from_serde, json};
pub use value::{Map, Value};
pub use writer::{push_escape, Writer};

/// Why a text could not be read as the type asked for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected {what} at byte {at}")]
pub struct ReadError {
    pub what: &'static str,
    pub at: usize,
}

/// A stored type: written as JSON text, read back from it.
pub trait Json: Sized {
    fn write(&self, w: &mut Writer);
    fn read(r: &mut Reader<'_>) -> Result<Self, ReadError>;
}

/// The compact JSON text of a value.
pub fn to_text<T: Json>(value: &T) -> String {
    let mut w = Writer::default();
    value.write(&mut w);
    w.into_text()
}

/// A value of type `T` from the whole of `text`.
pub fn from_text<T: Json>(text: &str) -> Result<T, ReadError> {
    from_text_within(text, usize::MAX)
}

/// `from_text`, refusing strings and lists longer than `limit` (see `Reader::within`).
pub fn from_text_within<T: Json>(text: &str, limit: usize) -> Result<T, ReadError> {
    let mut r = Reader::within(text, limit);
    let value = T::read(&mut r)?;
    r.end()?;
    Ok(value)
}

/// The member `name` of the object that is the whole of `text`, read as a `T`; the other
/// members are checked and skipped.
pub fn member<T: Json>(text: &str, name: &str) -> Result<Option<T>, ReadError> {
    let mut r = Reader::new(text);
    r.open(b'{', "an object")?;
    let (mut first, mut found) = (true, None);
    while let Some(key) = r.next_key(&mut first)? {
        if key == name {
            found = Some(T::read(&mut r)?);
        } else {
            r.skip()?;
        }
    }
    r.end()?;
    Ok(found)
}

/// The whole number in the member `name` of the object that is the whole of `text` (the last,
/// if it is named twice), found without building a tree; `None` when there is no such member
/// or it holds no whole number. The rest of `text` is checked as `from_text` would check it.
pub fn whole_number_member(text: &str, name: &str) -> Result<Option<u64>, ReadError> {
    let mut r = Reader::new(text);
    let mut found = None;
    if r.peek() == Some(b'{') {
        r.open(b'{', "an object")?;
        let mut first = true;
        while let Some(key) = r.next_key(&mut first)? {
            let start = r.position();
            r.skip()?;
            if key == name {
                found = r.since(start).parse().ok();
            }
        }
    } else {
        r.skip()?;
    }
    r.end()?;
    Ok(found)
}

/// Calls `found` with every string value in `text`, unescaped, in order (object keys left out).
/// The app no longer calls it: the tests hold search's haystack, made from an incident's fields
/// by `Writer::strings_only`, to what this finds in the incident's stored text.
pub fn each_string(text: &str, found: &mut dyn FnMut(&str)) -> Result<(), ReadError> {
    let mut r = Reader::new(text);
    r.skip_with(found)?;
    r.end()
}

impl Json for String {
    fn write(&self, w: &mut Writer) {
        w.string(self);
    }
    fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        r.string().map(Cow::into_owned)
    }
}

impl Json for bool {
    fn write(&self, w: &mut Writer) {
        w.raw(if *self { "true" } else { "false" });
    }
    fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        r.boolean()
    }
}

impl Json for u8 {
    fn write(&self, w: &mut Writer) {
        w.number((*self).into());
    }
    fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        r.number(u8::MAX.into()).map(|n| n as u8)
    }
}

impl Json for u32 {
    fn write(&self, w: &mut Writer) {
        w.number((*self).into());
    }
    fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        r.number(u32::MAX.into()).map(|n| n as u32)
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            Some(value) => value.write(w),
            None => w.raw("null"),
        }
    }
    fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        if r.null() {
            Ok(None)
        } else {
            T::read(r).map(Some)
        }
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, w: &mut Writer) {
        w.open('[');
        for item in self {
            w.comma();
            item.write(w);
        }
        w.close(']');
    }
    fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        let mut items = Vec::new();
        read_items(r, &mut |r| {
            items.push(T::read(r)?);
            Ok(())
        })?;
        Ok(items)
    }
}

/// Reads an array, calling `read` when each item is next: one loop for the lists of every
/// type, each keeping only its push.
fn read_items(
    r: &mut Reader<'_>,
    read: &mut dyn FnMut(&mut Reader<'_>) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    r.open(b'[', "an array")?;
    let mut count = 0;
    while r.next_item(&mut count)? {
        read(r)?;
    }
    Ok(())
}

/// Reads an array whose items mean what their place says, calling `read(place, reader)` for
/// each: a list's index row is kept so, without its member names.
pub fn read_places(
    r: &mut Reader<'_>,
    read: &mut dyn FnMut(usize, &mut Reader<'_>) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    let mut at = 0;
    read_items(r, &mut |r| {
        read(at, r)?;
        at += 1;
        Ok(())
    })
}

/// How to read a member's value into a `T`.
pub type ReadMember<T> = fn(&mut T, &mut Reader<'_>) -> Result<(), ReadError>;

/// An object read into a `T` that starts as its default, member by member: the member named
/// `names[i]` through `reads[i]`, one not named there skipped. One small function for each
/// field; all that is built again for each type is its default and one call into the shared
/// loop, where a `match` on the names in every type's `read` came to 23 kB.
pub fn read_fields<T: Default>(
    r: &mut Reader<'_>,
    names: &[&str],
    reads: &[ReadMember<T>],
) -> Result<T, ReadError> {
    let mut value = T::default();
    read_members(r, names, &mut |at, r| match reads.get(at) {
        Some(read) => read(&mut value, r),
        None => r.skip(),
    })?;
    Ok(value)
}

/// Reads an object, calling `read` with each member's place in `names` (past its end for one
/// not there) when its value is next. Stored members come in the order listed, so the one
/// after the last found is tried first, straight against the text: then no key is read out of
/// it, nor looked up.
pub fn read_members(
    r: &mut Reader<'_>,
    names: &[&str],
    read: &mut dyn FnMut(usize, &mut Reader<'_>) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    r.open(b'{', "an object")?;
    let (mut first, mut next) = (true, 0);
    while r.more(b'}', &mut first)? {
        let at = match names.get(next) {
            Some(name) if r.key_is(name)? => next,
            _ => {
                let key = r.key()?;
                names
                    .iter()
                    .position(|name| *name == key)
                    .unwrap_or(names.len())
            }
        };
        read(at, r)?;
        next = at + 1;
    }
    Ok(())
}

/// `Json` for a struct with `Default`, written field by field in the order listed (the
/// order in storage); reading starts from the default, so a missing field keeps it. A type
/// that leaves some fields out when writing gives its own `write = fn(&Self, &mut Writer)`.
macro_rules! json_struct {
    ($type:ty { $($field:ident),+ $(,)? }) => {
        $crate::json::json_struct!($type { $($field),+ } write = |value: &$type, w: &mut $crate::json::Writer| {
            w.open('{');
            $(w.field(stringify!($field), &value.$field);)+
            w.close('}');
        });
    };
    ($type:ty { $($field:ident),+ $(,)? } write = $write:expr) => {
        impl $crate::json::Json for $type {
            fn write(&self, w: &mut $crate::json::Writer) {
                ($write)(self, w)
            }
            fn read(r: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::ReadError> {
                const NAMES: &[&str] = &[$(stringify!($field),)+];
                const READS: &[$crate::json::ReadMember<$type>] = &[$(|value, r| {
                    value.$field = $crate::json::Json::read(r)?;
                    Ok(())
                },)+];
                $crate::json::read_fields(r, NAMES, READS)
            }
        }
    };
}
pub(crate) use json_struct;

/// `Json` for a type stored as its text (`ascii()` and `FromStr`), such as ids and moments.
macro_rules! json_as_text {
    ($type:ty, $what:literal) => {
        impl $crate::json::Json for $type {
            fn write(&self, w: &mut $crate::json::Writer) {
                w.ascii(&self.ascii());
            }
            fn read(r: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::ReadError> {
                let at = r.position();
                r.string()?
                    .parse()
                    .map_err(|_| $crate::json::ReadError { what: $what, at })
            }
        }
    };
}
pub(crate) use json_as_text;

#[cfg(test)]
mod tests;
