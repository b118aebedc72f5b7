//! A small set of incident ids in a sorted list: the incidents whose changes wait to be written.

use crate::model::IncidentId;

/// Sorted, without repeats, so it is walked in the same order every time, as a `BTreeSet` is,
/// without the tree's code in the wasm for a set that rarely holds more than one id.
#[derive(Clone, Debug, Default)]
pub struct IdSet(Vec<IncidentId>);

impl IdSet {
    pub fn insert(&mut self, id: IncidentId) {
        if let Err(at) = self.0.binary_search(&id) {
            self.0.insert(at, id);
        }
    }

    pub fn remove(&mut self, id: &IncidentId) {
        if let Ok(at) = self.0.binary_search(id) {
            self.0.remove(at);
        }
    }

    pub fn contains(&self, id: &IncidentId) -> bool {
        self.0.binary_search(id).is_ok()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, IncidentId> {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_each_id_once_in_order() {
        let id = |n| IncidentId::from_random_bytes([n; 16]);
        let mut set = IdSet::default();
        for n in [3, 1, 2, 3, 1] {
            set.insert(id(n));
        }
        assert_eq!(
            set.iter().copied().collect::<Vec<_>>(),
            [id(1), id(2), id(3)]
        );
        set.remove(&id(2));
        set.remove(&id(9));
        assert!(set.contains(&id(1)) && !set.contains(&id(2)));
        assert!(!set.is_empty());
    }
}
