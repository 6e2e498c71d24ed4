//! Broadcast posts (language-v2 §5, §11.9): one post per distinct (template, moment the
//! send went out). Kept as the set of moments per template, not as a count: a post
//! seen by users of several threads or shards is one post, so merging is a union and
//! any split of the users gives the same posts.

use super::calendar::Time;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The moments at which one template's sends went out through a broadcast touchpoint.
/// Serialized as the moments in order (seconds from the run's start).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Posts(BTreeSet<Time>);

impl Posts {
    /// A send went out at `t`: the post at `t`, if it is not counted yet.
    #[inline(always)]
    pub fn add(&mut self, t: Time) {
        // sends of one post come from many users: most find it there
        if !self.0.contains(&t) {
            self.0.insert(t);
        }
    }

    pub fn count(&self) -> u64 {
        self.0.len() as u64
    }

    /// The moments in order.
    pub fn moments(&self) -> impl Iterator<Item = Time> + '_ {
        self.0.iter().copied()
    }

    /// Adds another part's posts: the union, as a post two parts saw is one.
    pub fn union(&mut self, other: &Posts) {
        self.0.extend(other.0.iter().copied());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_is_counted_once_however_many_parts_saw_it() {
        let (mut a, mut b) = (Posts::default(), Posts::default());
        [10, 20, 10].into_iter().for_each(|t| a.add(t));
        [20, 30].into_iter().for_each(|t| b.add(t));
        let mut ab = a.clone();
        ab.union(&b);
        let mut ba = b.clone();
        ba.union(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab.count(), 3);
        assert_eq!(ab.moments().collect::<Vec<_>>(), [10, 20, 30]);
    }
}
