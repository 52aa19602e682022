//! A small ordered set on a sorted `Vec`.
//!
//! The filter state holds a handful of values per facet; `BTreeSet` brought
//! tens of kilobytes of B-tree code into the WASM bundle for each element type,
//! while this needs a binary search and a `Vec` insert. Same semantics for what
//! the app uses: ordered iteration, `contains`, `insert`, `remove`, equality.

use std::borrow::Borrow;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: Ord> Set<T> {
    pub const fn new() -> Self {
        Set(Vec::new())
    }

    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|x| x.borrow().cmp(value)).is_ok()
    }

    /// The stored element equal to `value` (e.g. the `&'static str` for a borrowed id).
    pub fn get<Q: Ord + ?Sized>(&self, value: &Q) -> Option<&T>
    where
        T: Borrow<Q>,
    {
        let i = self.0.binary_search_by(|x| x.borrow().cmp(value)).ok()?;
        self.0.get(i)
    }

    /// Adds `value`; false when it was already there.
    pub fn insert(&mut self, value: T) -> bool {
        match self.0.binary_search(&value) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, value);
                true
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.0.binary_search_by(|x| x.borrow().cmp(value)) {
            Ok(i) => {
                self.0.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn first(&self) -> Option<&T> {
        self.0.first()
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut v: Vec<T> = iter.into_iter().collect();
        sort_by(&mut v, &|a, b| a.cmp(b));
        v.dedup();
        Set(v)
    }
}

impl<T: Ord> Extend<T> for Set<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for v in iter {
            self.insert(v);
        }
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for Set<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

/// Sorts `items` by `cmp` (not stable; callers break ties themselves).
///
/// Every `sort_by` call site with its own closure, and every element type,
/// would put another copy of the standard sort (≈ 4 KB) into the WASM bundle.
/// Here the standard sort is instantiated once, on indices with a `dyn`
/// comparator; each element type only adds the small permutation step.
pub fn sort_by<T>(items: &mut [T], cmp: &dyn Fn(&T, &T) -> std::cmp::Ordering) {
    let order = {
        let by_index = |a: usize, b: usize| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => std::cmp::Ordering::Equal,
        };
        sorted_indices(items.len(), &by_index)
    };
    apply_permutation(items, order);
}

/// `0..len` sorted by `cmp` on indices: the one instantiation of the sort.
fn sorted_indices(len: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|a, b| cmp(*a, *b));
    order
}

/// Rearranges `items` so that `items[i]` becomes the old `items[order[i]]`, in place.
fn apply_permutation<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut current = start;
        // Follow the cycle through `start`, marking visited slots with their own index.
        while let Some(&next) = order.get(current) {
            if next == start {
                if let Some(slot) = order.get_mut(current) {
                    *slot = current;
                }
                break;
            }
            items.swap(current, next);
            if let Some(slot) = order.get_mut(current) {
                *slot = current;
            }
            current = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_an_ordered_set() {
        let mut s: Set<&str> = ["b", "a", "b"].into_iter().collect();
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), ["a", "b"]);
        assert!(s.insert("c"));
        assert!(!s.insert("a"));
        assert!(s.contains("c"));
        assert!(s.remove("a"));
        assert!(!s.remove("a"));
        assert_eq!(s.len(), 2);
        assert_eq!(s.get("b"), Some(&"b"));
        assert_eq!(s, Set::from(["c", "b"]));
    }

    #[test]
    fn sorts_with_a_dyn_comparator() {
        let mut v = vec![3, 1, 2];
        sort_by(&mut v, &|a, b| b.cmp(a));
        assert_eq!(v, [3, 2, 1]);
        // Permutations with several cycles, against the standard sort.
        let mut seed = 7u64;
        for len in [0, 1, 2, 5, 17, 100, 1000] {
            let mut v: Vec<u64> = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    seed >> 40
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            sort_by(&mut v, &|a, b| a.cmp(b));
            assert_eq!(v, expected, "len {len}");
        }
    }
}
