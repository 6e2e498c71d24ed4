//! Bulk calendar sends: a journey-wide `every` rule whose sends no user state reads is
//! not run one queue item per moment. A stay's moments are counted from the rule's
//! moment list when something needs them (another send's fatigue day, the exit, the
//! run's end), and added to the same aggregates the per-item path adds to, so the
//! report is byte-identical (docs/performance.md, "bulk path"). The rule is chosen in
//! `Program::bulk_rule`, its sends counted in `bulk_sends`.

use super::calendar::{Calendar, Time};
use super::dates::Moments;
use super::queue::Item;
use crate::units::QuietWindow;

/// `JourneyState::bulk_next` when no stay of the bulk rule is open.
pub(super) const CLOSED: u32 = u32::MAX;

/// The bulk rule of a program.
#[derive(Debug)]
pub struct Bulk {
    /// The journey-wide rule (its items rank by it at one moment).
    pub rule: usize,
    pub(super) tp: usize,
    pub(super) template: u32,
    pub(super) broadcast: bool,
    /// The rule's moments inside the calendar, in order.
    pub(super) moments: Vec<Time>,
    /// Per local day of the calendar and one past it, the index of its first moment.
    pub(super) first: Vec<u32>,
}

impl Bulk {
    /// The sends of journey-wide `rule`, `send tp template` at the moments of `every`
    /// on the calendar's days.
    pub fn new(
        (rule, tp, template): (usize, usize, u32),
        broadcast: bool,
        every: &Moments,
        cal: &Calendar,
    ) -> Bulk {
        let mut moments = Vec::new();
        let mut m = every.next(cal, 0);
        while m != Time::MAX && cal.day_of(m) < cal.days() {
            moments.push(m);
            m = every.next(cal, m + 1);
        }
        Bulk {
            rule,
            tp,
            template,
            broadcast,
            first: (0..=cal.days())
                .map(|d| moments.partition_point(|&m| cal.day_of(m) < d) as u32)
                .collect(),
            moments,
        }
    }

    /// Whether a moment's local clock is inside `quiet`.
    pub fn any_in(&self, cal: &Calendar, quiet: QuietWindow) -> bool {
        (self.moments.iter()).any(|&m| quiet.contains(cal.clock_of(m)))
    }

    /// The most moments in one local day, week or month (`period` 0, 1, 2).
    pub fn most_in_a_period(&self, cal: &Calendar, period: usize) -> usize {
        let ids: Vec<i64> = (self.moments.iter())
            .map(|&m| cal.periods(cal.day_of(m))[period])
            .collect();
        // moments are in order, so each period's moments are one run
        ids.chunk_by(|a, b| a == b)
            .map(<[i64]>::len)
            .max()
            .unwrap_or(0)
    }

    /// The rank of the rule's items at one moment.
    pub(super) fn rank(&self) -> u64 {
        self.stale().rank()
    }

    /// An item of the rule that nothing runs: its epoch is no journey entry's.
    pub(super) fn stale(&self) -> Item {
        Item::WideEvery {
            rule: self.rule as u16,
            epoch: 0,
        }
    }

    /// The index of the first moment at or after `t`.
    pub(super) fn index_at(&self, t: Time) -> u32 {
        self.moments.partition_point(|&m| m < t) as u32
    }
}
