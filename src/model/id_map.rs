//! Maps and sets keyed by incident id, as lists sorted by id: the app's one kind of map. The
//! B-tree set it replaced cost 5.2 kB of wasm (brotli), and hash maps of Mend's own 0.5 kB
//! beside the ones Leptos keeps.

use super::order::{id_key, sort_by};
use super::IncidentId;

/// A map from incident ids, sorted by id: found by binary search, walked in id order.
#[derive(Clone, Debug, PartialEq)]
pub struct IdMap<V>(Vec<(IncidentId, V)>);

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<V> IdMap<V> {
    fn find(&self, id: &IncidentId) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.cmp(id))
    }

    pub fn get(&self, id: &IncidentId) -> Option<&V> {
        self.find(id).ok().map(|at| &self.0[at].1)
    }

    pub fn contains_key(&self, id: &IncidentId) -> bool {
        self.find(id).is_ok()
    }

    /// Sets `id`'s value, returning the one it replaced.
    pub fn insert(&mut self, id: IncidentId, value: V) -> Option<V> {
        match self.find(&id) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (id, value));
                None
            }
        }
    }

    pub fn remove(&mut self, id: &IncidentId) -> Option<V> {
        self.find(id).ok().map(|at| self.0.remove(at).1)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn keys(&self) -> impl Iterator<Item = IncidentId> + '_ {
        self.0.iter().map(|(id, _)| *id)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, value)| value)
    }
}

/// Many at once (an import, a load) in one sort rather than an insert each; an id given
/// more than once keeps its last value, as repeated `insert`s would.
impl<V> Extend<(IncidentId, V)> for IdMap<V> {
    fn extend<I: IntoIterator<Item = (IncidentId, V)>>(&mut self, items: I) {
        self.0.extend(items);
        sort_by(&mut self.0, |(id, _)| (0, id_key(*id)));
        let mut kept: Vec<(IncidentId, V)> = Vec::with_capacity(self.0.len());
        for (id, value) in self.0.drain(..) {
            match kept.last_mut() {
                Some(last) if last.0 == id => last.1 = value,
                _ => kept.push((id, value)),
            }
        }
        self.0 = kept;
    }
}

impl<V> FromIterator<(IncidentId, V)> for IdMap<V> {
    fn from_iter<I: IntoIterator<Item = (IncidentId, V)>>(items: I) -> Self {
        let mut map = Self::default();
        map.extend(items);
        map
    }
}

/// A set of incident ids, sorted.
pub type IdSet = IdMap<()>;

impl IdSet {
    pub fn add(&mut self, id: IncidentId) {
        self.insert(id, ());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> IncidentId {
        IncidentId::from_random_bytes([n; 16])
    }

    #[test]
    fn behaves_as_a_map_and_walks_in_id_order() {
        let mut map: IdMap<&str> = [(id(3), "c"), (id(1), "a"), (id(3), "C")]
            .into_iter()
            .collect();
        assert_eq!(map.get(&id(3)), Some(&"C"), "the last of an id given twice");
        assert_eq!(map.insert(id(2), "b"), None);
        assert_eq!(map.insert(id(2), "B"), Some("b"));
        assert_eq!(map.keys().collect::<Vec<_>>(), [id(1), id(2), id(3)]);
        map.extend([(id(0), "z"), (id(1), "A")]);
        assert_eq!(map.keys().collect::<Vec<_>>(), [id(0), id(1), id(2), id(3)]);
        assert_eq!(map.get(&id(1)), Some(&"A"));
        assert_eq!(map.remove(&id(2)), Some("B"));
        assert_eq!(map.remove(&id(2)), None);
        assert!(map.contains_key(&id(0)) && !map.contains_key(&id(9)));
        assert!(!map.is_empty());
    }
}
