//! Bulk calendar sends: a journey-wide `every` rule whose sends no user state reads is
//! not run one queue item per moment. A stay's moments are counted from the rule's
//! moment list when something needs them (another send's fatigue day, the exit, the
//! run's end), and added to the same aggregates the per-item path adds to, so the
//! report is byte-identical (docs/performance.md, "bulk path"). The rule is chosen in
//! `Program::bulk_rule`, its sends counted in `bulk_sends`.

use super::aggregate::Aggregates;
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
    /// Per moment, its local day.
    pub(super) day: Vec<u32>,
    /// Per local day and one past it, how many days before it have moments.
    pub(super) busy: Vec<u32>,
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
        let first: Vec<u32> = (0..=cal.days())
            .map(|d| moments.partition_point(|&m| cal.day_of(m) < d) as u32)
            .collect();
        let busy = std::iter::once(0)
            .chain(first.windows(2).scan(0, |n, w| {
                *n += (w[1] > w[0]) as u32;
                Some(*n)
            }))
            .collect();
        Bulk {
            rule,
            tp,
            template,
            broadcast,
            day: moments.iter().map(|&m| cal.day_of(m) as u32).collect(),
            first,
            busy,
            moments,
        }
    }

    /// The moments of local day `day`.
    pub(super) fn on_day(&self, day: usize) -> u64 {
        (self.first[day + 1] - self.first[day]) as u64
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

    /// [`Bulk::index_at`] for a `t` after moment `from - 1`: a count reaches a few
    /// days past the last, so the search gallops from `from` (the moments before `lo`
    /// are before `t`).
    #[inline(always)]
    pub(super) fn index_from(&self, from: usize, t: Time) -> usize {
        let (mut lo, mut step) = (from, 1);
        while lo + step <= self.moments.len() && self.moments[lo + step - 1] < t {
            lo += step;
            step *= 2;
        }
        let window = &self.moments[lo..(lo + step).min(self.moments.len())];
        lo + window.partition_point(|&m| m < t)
    }
}

/// One thread's counts of the bulk rule's sends that are the same for every user who
/// reached them, kept as difference arrays (a range is two adds) and added to the
/// aggregates once per thread ([`Cover::flush`]) instead of once per user: the moments
/// that went out (a broadcast's posts) and the whole days inside one count, whose sends
/// are exactly the day's moments (a per-item send on such a day would have counted the
/// bulk moments before it, `User::bulk_count`).
#[derive(Debug, Default)]
pub struct Cover {
    /// Per moment and one past the last, stays starting minus stays ending there.
    moments: Vec<i64>,
    /// The same per local day.
    days: Vec<i64>,
}

/// Adds one to `[from, to)` of `diff`, sized `len + 1` by its first use.
#[inline(always)]
fn cover(diff: &mut Vec<i64>, len: usize, from: usize, to: usize) {
    if diff.is_empty() {
        diff.resize(len + 1, 0);
    }
    diff[from] += 1;
    diff[to] -= 1;
}

impl Cover {
    /// Moments `[from, to)` went out.
    #[inline(always)]
    pub(super) fn moments(&mut self, b: &Bulk, from: usize, to: usize) {
        cover(&mut self.moments, b.moments.len(), from, to);
    }

    /// Days `[from, to)` had the rule's moments as their only sends.
    #[inline(always)]
    pub(super) fn days(&mut self, b: &Bulk, from: usize, to: usize) {
        cover(&mut self.days, b.first.len() - 1, from, to);
    }

    /// Adds what was covered to `agg` (the posts, the per-day sends and the fatigue
    /// days) and starts over.
    pub(super) fn flush(&mut self, b: &Bulk, agg: &mut Aggregates) {
        let mut users = 0;
        for (i, diff) in self.moments.iter_mut().enumerate() {
            users += std::mem::take(diff);
            if users > 0 {
                agg.posts[b.template as usize].add(b.moments[i]);
            }
        }
        for (day, diff) in self.days.iter_mut().enumerate() {
            users += std::mem::take(diff);
            // (every range has ended by the entry past the last day or moment)
            let sends = if users > 0 { b.on_day(day) } else { 0 };
            if sends > 0 {
                agg.daily_sends[b.tp][day] += users as u64 * sends;
                agg.fatigue.add(sends as usize, users as u64);
            }
        }
    }
}
