//! One user's timed items, ordered by time, then by kind, then (for rules) source
//! order, then insertion order.

use super::calendar::Time;

/// The longest run the queue's keys hold (2³² seconds, about 136 years).
pub const MAX_HORIZON: Time = 1 << 32;

/// The bits of a key's low half an item's [`Item::rank`] takes at most (`Wake`'s is
/// `4 << 16`, rules' `3 << 16` and their 16-bit index): a portfolio orders its journeys'
/// items with the bits above (`sim::portfolio`).
pub const RANK_BITS: u32 = 19;

/// The `snap` of a rule that keeps no event's field values: it reads the event being
/// handled when it fires (`sim::fields`).
pub const NOW: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// A behaviour's next candidate event (thinning).
    Candidate { behavior: u16 },
    /// An event drawn by a per-send chance.
    Chance { behavior: u16 },
    /// A send deferred by a quiet window, belonging to journey entry `epoch`.
    SendOut { tp: u16, template: u32, epoch: u32 },
    /// A rule firing, belonging to stage visit `epoch`; `snap` is where the field
    /// values of the event that triggered it are kept ([`NOW`]: none).
    Rule { rule: u16, epoch: u32, snap: u32 },
    /// An `every` moment of a rule, belonging to stage visit `epoch`.
    Every { rule: u16, epoch: u32 },
    /// A journey-wide rule firing, belonging to journey entry `epoch` (it outlives
    /// stage changes); `snap` as for [`Item::Rule`].
    WideRule { rule: u16, epoch: u32, snap: u32 },
    /// An `every` moment of a journey-wide rule, belonging to journey entry `epoch`;
    /// with [`PROBE`](super::bulk::PROBE) set in `epoch`, a moment of a rule counted in
    /// bulk whose send opens an `after send … : p%` chance (`User::bulk_probe`).
    WideEvery { rule: u16, epoch: u32 },
    /// Re-evaluate conditions that change with time.
    Wake,
}

impl Item {
    /// At the same moment: events first, then deferred sends, then journey-wide rules,
    /// then the stage's rules (each in source order), then time-driven re-evaluation.
    pub(super) fn rank(self) -> u64 {
        match self {
            Item::Candidate { .. } | Item::Chance { .. } => 0,
            Item::SendOut { .. } => 1,
            Item::WideRule { rule, .. } | Item::WideEvery { rule, .. } => 2 << 16 | rule as u64,
            Item::Rule { rule, .. } | Item::Every { rule, .. } => 3 << 16 | rule as u64,
            Item::Wake => 4 << 16,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// Time, then rank, as one number: the earliest entry has the smallest key.
    key: u64,
    pub item: Item,
}

impl Entry {
    pub fn time(&self) -> Time {
        (self.key >> 32) as Time
    }

    /// [`Item::rank`] of the entry's item.
    pub fn rank(&self) -> u64 {
        self.key & 0xffff_ffff
    }

    /// The time, then the rank, as one number.
    pub fn key(&self) -> u64 {
        self.key
    }
}

/// Kept sorted, latest first: a user has few pending items, so inserting into a short
/// sorted vector and popping from its end beats a binary heap. Entries of equal key
/// leave in the order they came (the insertion is stable), so no sequence number is
/// needed.
#[derive(Default)]
pub struct Queue {
    items: Vec<Entry>,
}

impl Queue {
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// Always inlined (the compiler declines a plain `#[inline]`): the item's kind, and
    /// so its rank, is known where it is pushed. `time` is in `0..MAX_HORIZON`.
    #[inline(always)]
    pub fn push(&mut self, time: Time, item: Item) {
        debug_assert!((0..MAX_HORIZON).contains(&time), "time {time} out of range");
        let entry = Entry {
            key: (time as u64) << 32 | item.rank(),
            item,
        };
        self.items.push(entry);
        // Moves the entries due no later than the new one up by one from the end (most
        // often none or one of them), then writes the new one: cheaper than a binary
        // search and `Vec::insert`'s `memmove`.
        let items = &mut self.items[..];
        let mut at = items.len() - 1;
        while at > 0 && items[at - 1].key <= entry.key {
            items[at] = items[at - 1];
            at -= 1;
        }
        items[at] = entry;
    }

    /// Takes out `item`, due at `time` (rare: a bulk stay's pending chance at its
    /// exit).
    pub fn remove(&mut self, time: Time, item: Item) {
        let key = (time as u64) << 32 | item.rank();
        if let Some(at) = (self.items.iter()).position(|e| e.key == key && e.item == item) {
            self.items.remove(at);
        }
    }

    /// The earliest entry, when it is due before `end`.
    #[inline(always)]
    pub fn pop_before(&mut self, end: Time) -> Option<Entry> {
        let last = self.items.last()?;
        if last.time() < end {
            self.items.pop()
        } else {
            None
        }
    }

    /// The earliest entry.
    pub fn peek(&self) -> Option<&Entry> {
        self.items.last()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_moment_runs_events_then_rules_in_source_order() {
        let mut q = Queue::default();
        q.push(
            5,
            Item::Rule {
                rule: 2,
                epoch: 0,
                snap: 0,
            },
        );
        q.push(5, Item::Wake);
        q.push(5, Item::Every { rule: 1, epoch: 0 });
        q.push(5, Item::Chance { behavior: 0 });
        q.push(
            4,
            Item::Rule {
                rule: 9,
                epoch: 0,
                snap: 0,
            },
        );
        let order: Vec<_> = std::iter::from_fn(|| q.pop_before(MAX_HORIZON))
            .map(|e| (e.time(), e.item))
            .collect();
        assert_eq!(
            order,
            vec![
                (
                    4,
                    Item::Rule {
                        rule: 9,
                        epoch: 0,
                        snap: 0
                    }
                ),
                (5, Item::Chance { behavior: 0 }),
                (5, Item::Every { rule: 1, epoch: 0 }),
                (
                    5,
                    Item::Rule {
                        rule: 2,
                        epoch: 0,
                        snap: 0
                    }
                ),
                (5, Item::Wake),
            ]
        );
    }

    #[test]
    fn journey_wide_rules_run_before_the_stages_rules_at_one_moment() {
        let mut q = Queue::default();
        let stage = Item::Every { rule: 0, epoch: 1 };
        let wide = Item::WideEvery { rule: 3, epoch: 1 };
        let wide_rule = Item::WideRule {
            rule: 5,
            epoch: 1,
            snap: NOW,
        };
        q.push(7, stage);
        q.push(7, wide_rule);
        q.push(7, wide);
        let order: Vec<_> = std::iter::from_fn(|| q.pop_before(MAX_HORIZON))
            .map(|e| e.item)
            .collect();
        assert_eq!(order, vec![wide, wide_rule, stage]);
    }

    #[test]
    fn equal_keys_leave_in_the_order_they_came() {
        let mut q = Queue::default();
        let send = |template| Item::SendOut {
            tp: 0,
            template,
            epoch: 0,
        };
        q.push(8, send(1));
        q.push(3, Item::Chance { behavior: 2 });
        q.push(8, send(2));
        q.push(3, Item::Candidate { behavior: 0 });
        q.push(8, send(3));
        q.push(3, Item::Chance { behavior: 1 });
        let order: Vec<_> = std::iter::from_fn(|| q.pop_before(MAX_HORIZON))
            .map(|e| e.item)
            .collect();
        assert_eq!(
            order,
            vec![
                Item::Chance { behavior: 2 },
                Item::Candidate { behavior: 0 },
                Item::Chance { behavior: 1 },
                send(1),
                send(2),
                send(3),
            ]
        );
    }
}
