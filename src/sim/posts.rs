//! Broadcast posts (language-v2 §5, §11.9): one post per distinct (template, moment the
//! send went out). Kept as the set of moments per template, not as a count: a post
//! seen by users of several threads or shards is one post, so merging is a union and
//! any split of the users gives the same posts.

use super::calendar::Time;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The moments at which one template's sends went out through a broadcast touchpoint.
/// Serialized as the moments in order (seconds from the run's start).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Posts {
    moments: BTreeSet<Time>,
    /// The same moments in an open-addressing hash table ([`EMPTY`] slots, at most half
    /// full): every user of a broadcast sends at the same few hundred moments, so
    /// nearly every send finds its moment here with a multiply and a load or two, where
    /// a search of the set walks three levels of nodes. Allocated by the first add.
    #[serde(skip)]
    seen: Vec<Time>,
}

/// The first size of [`Posts::seen`]: room for 512 moments (three a day for 90 days
/// is 270) before it doubles.
const FIRST_SLOTS: usize = 1024;
/// An empty slot: moments are never negative.
const EMPTY: Time = -1;

/// The first slot to probe for moment `t` in a table of `len` slots, a power of two
/// (Fibonacci hashing: moments an hour or a day apart spread).
#[inline(always)]
fn slot(t: Time, len: usize) -> usize {
    ((t as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - len.trailing_zeros())) as usize
}

/// Where `t` is in `table`, or the empty slot where it would go (linear probing).
#[inline(always)]
fn probe(table: &[Time], t: Time) -> usize {
    let mask = table.len() - 1;
    let mut at = slot(t, table.len());
    while table[at] != t && table[at] != EMPTY {
        at = (at + 1) & mask;
    }
    at
}

impl Posts {
    /// A send went out at `t`: the post at `t`, if it is not counted yet.
    #[inline(always)]
    pub fn add(&mut self, t: Time) {
        if self.seen.is_empty() || self.seen[probe(&self.seen, t)] != t {
            self.add_new(t);
        }
    }

    #[inline(never)]
    fn add_new(&mut self, t: Time) {
        self.moments.insert(t);
        if self.seen.len() < 2 * self.moments.len() {
            // at most half full: rebuilt twice as large (or first built)
            let len = (2 * self.seen.len()).max(FIRST_SLOTS);
            self.seen = vec![EMPTY; len];
            for &m in &self.moments {
                let at = probe(&self.seen, m);
                self.seen[at] = m;
            }
        } else {
            let at = probe(&self.seen, t);
            self.seen[at] = t;
        }
    }

    pub fn count(&self) -> u64 {
        self.moments.len() as u64
    }

    /// The moments in order.
    pub fn moments(&self) -> impl Iterator<Item = Time> + '_ {
        self.moments.iter().copied()
    }

    /// Adds another part's posts: the union, as a post two parts saw is one.
    pub fn union(&mut self, other: &Posts) {
        other.moments().for_each(|t| self.add(t));
    }
}

/// Equal when the moments are (the hash table is how they are found, not the value).
impl PartialEq for Posts {
    fn eq(&self, other: &Posts) -> bool {
        self.moments == other.moments
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

    #[test]
    fn every_moment_is_counted_once_past_collisions_and_growth() {
        // 700 moments (the table doubles at 512), each added three times, and a
        // moment that shares its first slot with the first of them
        let mut posts = Posts::default();
        let moments: Vec<Time> = (0..700).map(|i| i * 3_600 + 1_800).collect();
        let clash = (1..)
            .find(|&t| slot(t, FIRST_SLOTS) == slot(moments[0], FIRST_SLOTS) && t % 3_600 != 1_800)
            .unwrap();
        for _ in 0..3 {
            moments.iter().for_each(|&t| posts.add(t));
            posts.add(clash);
        }
        assert_eq!(posts.count(), 701);
        assert_eq!(posts.seen.len(), 2 * FIRST_SLOTS);
        let json = serde_json::to_string(&posts).unwrap();
        let back: Posts = serde_json::from_str(&json).unwrap();
        assert_eq!(back, posts);
        let mut merged = back.clone();
        merged.union(&posts);
        assert_eq!(merged.count(), 701);
        merged.add(clash);
        assert_eq!(merged.count(), 701);
    }
}
