//! A JSON tree, for the records whose shape is not a type here: older schemas on their way
//! through the migrations, the two-tab merge, and the lock's small formats.

use super::{Json, ReadError, Reader, Writer};

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    /// As written: copied and compared as text, never turned into a float and back.
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// An object's members in the order they came. A key given twice is read as its last value,
/// as a map would keep it; members are pushed as read, so a hostile object of a million keys
/// costs no more than a million values.
#[derive(Clone, Debug, Default)]
pub struct Map(Vec<(String, Value)>);

/// Equal when they hold the same members, in any order, as JSON objects are.
impl PartialEq for Map {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl Map {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0
            .iter_mut()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key`, replacing the value it has.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.get_mut(&key) {
            Some(old) => *old = value,
            None => self.push(key, value),
        }
    }

    /// Takes `key` out, with every value it had; the last one is returned.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let mut found = None;
        self.0.retain_mut(|(k, v)| {
            let keep = k != key;
            if !keep {
                found = Some(v.take());
            }
            keep
        });
        found
    }

    /// Adds a member after the others, without looking for the key.
    pub fn push(&mut self, key: String, value: Value) {
        self.0.push((key, value));
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl Value {
    /// The member `key` of an object; `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.as_object_mut()?.get_mut(key)
    }

    /// The value, leaving `Null` in its place.
    pub fn take(&mut self) -> Value {
        std::mem::take(self)
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        *self == Value::Null
    }

    pub fn is_object(&self) -> bool {
        self.as_object().is_some()
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// A whole number from 0 up, written without fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::Number(n.to_string())
    }
}

impl Json for Value {
    fn write(&self, w: &mut Writer) {
        match self {
            Value::Null => w.raw("null"),
            Value::Bool(b) => b.write(w),
            Value::Number(n) => w.raw(n),
            Value::String(text) => w.string(text),
            Value::Array(items) => items.write(w),
            Value::Object(map) => {
                w.open('{');
                for (key, value) in &map.0 {
                    w.field(key, value);
                }
                w.close('}');
            }
        }
    }

    fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        Ok(match r.peek() {
            Some(b'{') => {
                r.open(b'{', "an object")?;
                let (mut map, mut first) = (Map::new(), true);
                while let Some(key) = r.next_key(&mut first)? {
                    let value = Value::read(r)?;
                    map.push(key.into_owned(), value);
                }
                Value::Object(map)
            }
            Some(b'[') => Value::Array(Json::read(r)?),
            Some(b'"') => Value::String(Json::read(r)?),
            Some(b't' | b'f') => Value::Bool(r.boolean()?),
            _ if r.null() => Value::Null,
            _ => {
                let start = r.position();
                r.skip()?;
                Value::Number(r.since(start).to_owned())
            }
        })
    }
}

/// `serde_json::json!` trees as this module's, for tests that write JSON inline.
#[cfg(test)]
pub fn from_serde(value: serde_json::Value) -> Value {
    super::from_text(&value.to_string()).unwrap_or_default()
}

/// `serde_json::json!`, as a `Value` of Mend's.
#[cfg(test)]
macro_rules! json {
    ($($tree:tt)+) => {
        $crate::json::from_serde(serde_json::json!($($tree)+))
    };
}
#[cfg(test)]
pub(crate) use json;
