//! A parallel map that gives up at the first failure, without copying its results.

use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// `f` of every item of `items`, in order; `None` when any gives `None` (the items
/// not started by then are skipped).
///
/// Rayon collects an `Option<Vec<_>>` as a list of growing pieces, copied together
/// at the end on one core: for `journey check` of 10,000 journeys that was a few MB
/// copied, and its pages faulted in, twice. Here each result is written once, into
/// its place in a vector sized in advance.
pub(crate) fn map_all<I, R, F>(items: I, f: F) -> Option<All<R>>
where
    I: IndexedParallelIterator,
    R: Send,
    F: Fn(I::Item) -> Option<R> + Sync + Send,
{
    let failed = AtomicBool::new(false);
    let results: Vec<Option<R>> = items
        .map(|item| {
            if failed.load(Ordering::Relaxed) {
                return None;
            }
            let result = f(item);
            if result.is_none() {
                failed.store(true, Ordering::Relaxed);
            }
            result
        })
        .collect();
    (!failed.into_inner()).then_some(All(results))
}

/// The results of [`map_all`] when every item gave one.
pub(crate) struct All<R>(Vec<Option<R>>);

impl<R> All<R> {
    /// The results of a sequential map, up to the first `None`.
    pub fn of(results: impl Iterator<Item = Option<R>>) -> Option<All<R>> {
        let mut all = Vec::with_capacity(results.size_hint().0);
        for result in results {
            all.push(Some(result?));
        }
        Some(All(all))
    }

    pub fn iter(&self) -> impl Iterator<Item = &R> {
        self.0.iter().flatten()
    }
}

impl<R> IntoIterator for All<R> {
    type Item = R;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Option<R>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_result_in_order_or_none() {
        let all = map_all((0..10_000).into_par_iter(), |i| Some(i * 2)).expect("all");
        assert_eq!(all.iter().count(), 10_000);
        assert!(all.into_iter().eq((0..10_000).map(|i| i * 2)));
        let some_fail = map_all((0..10_000).into_par_iter(), |i| (i != 7_777).then_some(i));
        assert!(some_fail.is_none());
        let mut tried = 0;
        let first_fails = All::of((0..10).map(|i| {
            tried += 1;
            (i != 3).then_some(i)
        }));
        assert!(first_fails.is_none());
        assert_eq!(tried, 4, "stops at the first failure");
        let all = All::of((0..10).map(Some)).expect("all");
        assert!(all.iter().copied().eq(0..10));
    }
}
