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
        v.sort_unstable();
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

/// Sorts with one comparator type per element type: each `sort_by` call site
/// with its own closure would instantiate the whole sort again in the bundle.
pub fn sort_by<T>(items: &mut [T], cmp: &dyn Fn(&T, &T) -> std::cmp::Ordering) {
    items.sort_unstable_by(|a, b| cmp(a, b));
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
    }
}
