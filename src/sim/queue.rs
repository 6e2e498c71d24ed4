//! One user's timed items, ordered by time, then by kind, then (for rules) source
//! order, then insertion order.

use super::calendar::Time;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// A behaviour's next candidate event (thinning).
    Candidate { behavior: u16 },
    /// An event drawn by a per-send chance.
    Chance { behavior: u16 },
    /// A send deferred by a quiet window, belonging to journey entry `epoch`.
    SendOut { tp: u16, template: u32, epoch: u32 },
    /// A rule firing, belonging to stage visit `epoch`.
    Rule { rule: u16, epoch: u32 },
    /// An `every` moment of a rule, belonging to stage visit `epoch`.
    Every { rule: u16, epoch: u32 },
    /// Re-evaluate conditions that change with time.
    Wake,
}

impl Item {
    /// At the same moment: events first, then deferred sends, then rules (in source
    /// order), then time-driven re-evaluation.
    fn rank(self) -> u64 {
        match self {
            Item::Candidate { .. } | Item::Chance { .. } => 0,
            Item::SendOut { .. } => 1,
            Item::Rule { rule, .. } | Item::Every { rule, .. } => 2 << 16 | rule as u64,
            Item::Wake => 3 << 16,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// Time, then order, as one number: the earliest entry has the smallest key.
    key: u128,
    pub item: Item,
}

impl Entry {
    fn new(time: Time, order: u64, item: Item) -> Entry {
        let time = (time as u64 ^ 1 << 63) as u128; // i64 order as u64 order
        Entry {
            key: time << 64 | order as u128,
            item,
        }
    }

    pub fn time(&self) -> Time {
        ((self.key >> 64) as u64 ^ 1 << 63) as Time
    }
}

/// Kept sorted, latest first: a user has few pending items, so inserting into a short
/// sorted vector and popping from its end beats a binary heap.
#[derive(Default)]
pub struct Queue {
    items: Vec<Entry>,
    seq: u32,
}

impl Queue {
    pub fn clear(&mut self) {
        self.items.clear();
        self.seq = 0;
    }

    /// Always inlined (the compiler declines a plain `#[inline]`): the item's kind, and
    /// so its rank, is known where it is pushed.
    #[inline(always)]
    pub fn push(&mut self, time: Time, item: Item) {
        self.seq = self.seq.wrapping_add(1);
        let entry = Entry::new(time, item.rank() << 32 | self.seq as u64, item);
        self.items.push(entry);
        // Moves the earlier entries up by one from the end (most often none or one of
        // them), then writes the new one: cheaper than a binary search and
        // `Vec::insert`'s `memmove`.
        let items = &mut self.items[..];
        let mut at = items.len() - 1;
        while at > 0 && items[at - 1].key < entry.key {
            items[at] = items[at - 1];
            at -= 1;
        }
        items[at] = entry;
    }

    pub fn pop(&mut self) -> Option<Entry> {
        self.items.pop()
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
        q.push(5, Item::Rule { rule: 2, epoch: 0 });
        q.push(5, Item::Wake);
        q.push(5, Item::Every { rule: 1, epoch: 0 });
        q.push(5, Item::Chance { behavior: 0 });
        q.push(4, Item::Rule { rule: 9, epoch: 0 });
        let order: Vec<_> = std::iter::from_fn(|| q.pop())
            .map(|e| (e.time(), e.item))
            .collect();
        assert_eq!(
            order,
            vec![
                (4, Item::Rule { rule: 9, epoch: 0 }),
                (5, Item::Chance { behavior: 0 }),
                (5, Item::Every { rule: 1, epoch: 0 }),
                (5, Item::Rule { rule: 2, epoch: 0 }),
                (5, Item::Wake),
            ]
        );
    }
}
