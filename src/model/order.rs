//! One sort for the whole app. Each caller turns its order into a number key, so the build
//! holds one copy of the sort routine instead of one for each type sorted (about 4 kB each).

use super::IncidentId;

/// What a sort compares: a number first, then a 128-bit tiebreak (an id, or 0).
pub type Key = (i64, u128);

/// An id as a tiebreak, in the same order as its bytes.
pub fn id_key(id: IncidentId) -> u128 {
    u128::from_be_bytes(*id.as_bytes())
}

/// Sorts `items` by `key`; equal keys keep their order.
pub fn sort_by<T>(items: &mut Vec<T>, key: impl Fn(&T) -> Key) {
    let mut keyed: Vec<(Key, usize)> = items.iter().map(key).zip(0..).collect();
    sort_keys(&mut keyed);
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(keyed.into_iter().filter_map(|(_, n)| slots[n].take()));
}

/// Not generic and never inlined: this is the one copy. The position makes every key
/// distinct, so the unstable sort keeps equal keys in order.
#[inline(never)]
pub fn sort_keys(keys: &mut [(Key, usize)]) {
    keys.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_equal_keys_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by(&mut items, |(n, _)| (*n, 0));
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        sort_by(&mut items, |(n, _)| (-n, 0));
        assert_eq!(items[0], (3, 'a'));
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, |_| (0, 0));
        assert!(empty.is_empty());
    }

    #[test]
    fn the_tiebreak_orders_ids_like_their_bytes() {
        let low = IncidentId::from_random_bytes([1; 16]);
        let high = IncidentId::from_random_bytes([2; 16]);
        assert!(id_key(low) < id_key(high));
        assert_eq!(low.as_bytes() < high.as_bytes(), id_key(low) < id_key(high));
    }
}
