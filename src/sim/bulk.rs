//! Bulk calendar sends: journey-wide `every` rules whose sends no user state reads
//! except behaviours' `after send` multipliers are not run one queue item per moment.
//! A stay's moments are counted from the rules' merged moment list when something
//! needs them (another send's fatigue day, the exit, the run's end), and added to the
//! same aggregates the per-item path adds to, so the report is byte-identical
//! (docs/performance.md, "bulk path"). The rules are chosen in `Program::bulk_rules`,
//! their sends counted in `bulk_sends`, a behaviour reads their last send from the
//! moment list (`User::last_send`), and a guard on tags is taken as it stands between
//! the tag's changes (`bulk_guard`).

use super::aggregate::Aggregates;
use super::calendar::{Calendar, Time};
use super::dates::Moments;
use super::queue::Item;
use super::rng::Draws;
use crate::check::model::{Cond, Model, NumExpr};
use crate::units::QuietWindow;

/// `JourneyState::bulk_next` when no stay of the bulk rules is open.
pub(super) const CLOSED: u32 = u32::MAX;

/// The most guarded bulk rules in a program: per set of them whose guard is false,
/// [`Bulk`] keeps each day's sends.
pub(super) const MAX_GUARDED: usize = 4;

/// Set in the epoch of an [`Item::WideEvery`] queued at a bulk rule's moment whose
/// send opens a chance (`User::bulk_probe`); journey entries never reach it.
pub(super) const PROBE: u32 = 1 << 31;

/// A bulk moment whose send opens chances: its index among the moments, its time, its
/// rule's guard bit ([`BulkRule::bit`]), its draws' key without the user's part
/// ([`Draws::send_part`]), and its touchpoint's chances' bounds (`Chance::below`): the
/// first one's, read for every moment, and the others' (most touchpoints have none).
#[derive(Debug)]
pub(super) struct Opener {
    pub(super) at: u32,
    pub(super) bit: u32,
    pub(super) time: Time,
    key: u64,
    below: u64,
    rest: Vec<u64>,
}

impl Opener {
    /// Whether the moment's send opens a chance for the user whose key part is
    /// `user`: drawn as `User::open_chances` draws them, up to the first that opens.
    #[inline(always)]
    pub(super) fn opens(&self, user: u64) -> bool {
        let mut draws = Draws::from_parts(user, self.key);
        // (the emptiness tested first: one load, not the loop's setup, for most moments)
        draws.bits() < self.below
            || !self.rest.is_empty() && self.rest.iter().any(|&below| draws.bits() < below)
    }
}

/// One journey-wide rule counted in bulk: `send tp template` at `times`.
#[derive(Debug)]
pub struct BulkRule {
    /// The journey-wide rule (its items rank by it at one moment).
    pub rule: usize,
    pub(super) tp: usize,
    pub(super) template: u32,
    pub(super) broadcast: bool,
    /// Whether a behaviour's `after send` multiplier reads the touchpoint's last send
    /// (then each count keeps it in the user's `last_sent`).
    pub(super) read: bool,
    /// Whether a send through the touchpoint opens `after send … : p%` chances (then
    /// each moment whose draws open one is run as an item, `User::bulk_probe`).
    pub(super) opens: bool,
    /// The rule's guard (reading tags only) and whether it is `unless`.
    pub(super) guard: Option<(Cond, bool)>,
    /// For a guarded rule, its bit in [`JourneyState::bulk_off`](super::user::JourneyState)
    /// (set while its guard is false); 0 for the others.
    pub(super) bit: u32,
    /// The rule's moments inside the calendar, in order.
    pub(super) times: Vec<Time>,
    /// Per moment of the merged list and one past the last, how many of the rule's
    /// moments come before it.
    pub(super) before: Vec<u32>,
}

impl BulkRule {
    /// `send tp template` of journey-wide `rule` at the moments of `every` on the
    /// calendar's days (`read`, `broadcast` and the counts are filled in later).
    pub fn new((rule, tp, template): (usize, usize, u32), every: &Moments, cal: &Calendar) -> Self {
        BulkRule {
            rule,
            tp,
            template,
            broadcast: false,
            read: false,
            opens: false,
            guard: None,
            bit: 0,
            times: every.all(cal),
            before: Vec::new(),
        }
    }

    /// Whether a moment's local clock is inside `quiet`.
    pub fn any_in(&self, cal: &Calendar, quiet: QuietWindow) -> bool {
        (self.times.iter()).any(|&m| quiet.contains(cal.clock_of(m)))
    }

    /// Whether one of the rule's moments is also one of `other`'s.
    pub fn meets(&self, other: &BulkRule) -> bool {
        let (mut a, mut b) = (self.times.iter().peekable(), other.times.iter().peekable());
        while let (Some(&&x), Some(&&y)) = (a.peek(), b.peek()) {
            match x.cmp(&y) {
                std::cmp::Ordering::Less => drop(a.next()),
                std::cmp::Ordering::Greater => drop(b.next()),
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    /// The rule's moments among merged moments `[from, to)`.
    #[inline(always)]
    pub(super) fn between(&self, from: usize, to: usize) -> u64 {
        (self.before[to] - self.before[from]) as u64
    }

    /// The rule's last moment before merged moment `to`, if it is at or after merged
    /// moment `from`.
    #[inline(always)]
    pub(super) fn last_between(&self, from: usize, to: usize) -> Option<Time> {
        let n = self.before[to];
        (n > self.before[from]).then(|| self.times[n as usize - 1])
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

    /// The item at a moment of journey entry `epoch` whose send opens a chance.
    pub(super) fn probe(&self, epoch: u32) -> Item {
        Item::WideEvery {
            rule: self.rule as u16,
            epoch: epoch | PROBE,
        }
    }
}

/// Whether `cond` reads nothing but tags (through segments too), marking those it
/// reads in `tags`: its value changes only when one of them does.
pub fn reads_only_tags(model: &Model, cond: &Cond, tags: &mut [bool]) -> bool {
    let mut tag = |t: crate::check::model::TagId| {
        tags[t.index()] = true;
        true
    };
    match cond {
        Cond::And(cs) | Cond::Or(cs) => cs.iter().all(|c| reads_only_tags(model, c, tags)),
        Cond::Not(c) => reads_only_tags(model, c, tags),
        Cond::Segment(s) => reads_only_tags(model, &model.segment(*s).cond, tags),
        Cond::Compare { left, right, .. } => [left, right].iter().all(|e| match e {
            NumExpr::Const(_) => true,
            NumExpr::Tag(t) => tag(*t),
            NumExpr::Count { .. } | NumExpr::Sum { .. } | NumExpr::DaysSince(_) => false,
        }),
        Cond::Flag(t)
        | Cond::EnumIs { tag: t, .. }
        | Cond::TextIs { tag: t, .. }
        | Cond::EnumIn { tag: t, .. }
        | Cond::TextIn { tag: t, .. }
        | Cond::NumberIn { tag: t, .. }
        | Cond::Has { tag: t, .. }
        | Cond::Between { tag: t, .. } => tag(*t),
        Cond::Did { .. }
        | Cond::Inactive(_)
        | Cond::InStage(_)
        | Cond::Field { .. }
        | Cond::TodayIn(_) => false,
    }
}

/// The most of `times` (in order) in one local day, week or month (`period` 0, 1, 2).
pub fn most_in_a_period(times: &[Time], cal: &Calendar, period: usize) -> usize {
    let ids: Vec<i64> = (times.iter())
        .map(|&m| cal.periods(cal.day_of(m))[period])
        .collect();
    // moments are in order, so each period's moments are one run
    ids.chunk_by(|a, b| a == b)
        .map(<[i64]>::len)
        .max()
        .unwrap_or(0)
}

/// The bulk rules of a program, no two with a moment in common (so the rule of each
/// moment of the merged list is known, and ties with other items are one rule's).
#[derive(Debug)]
pub struct Bulk {
    pub(super) rules: Vec<BulkRule>,
    /// The rules' moments, merged, in order.
    pub(super) moments: Vec<Time>,
    /// Per moment, its rule.
    pub(super) of: Vec<u8>,
    /// Per local day of the calendar and one past it, the index of its first moment.
    pub(super) first: Vec<u32>,
    /// Per moment, its local day.
    pub(super) day: Vec<u32>,
    /// Per set of guarded rules whose guard is false (a [`BulkRule::bit`] mask), per
    /// local day, how many of the day's moments are sent.
    pub(super) sends: Vec<Vec<u32>>,
    /// The same per local day and one past it: how many days before it have sends.
    pub(super) busy: Vec<Vec<u32>>,
    /// Whether a rule's sends open chances.
    pub(super) opens: bool,
    /// The moments whose rule's sends open chances, in order: the look-ahead
    /// (`User::bulk_next_chance`) reads only those.
    pub(super) openers: Vec<Opener>,
    /// Per moment and one past the last, the first of `openers` at or after it.
    pub(super) opener: Vec<u32>,
    /// Per touchpoint, its rules whose last send a behaviour reads ([`BulkRule::read`]).
    pub(super) readers: Vec<Vec<u8>>,
    /// The guarded rules (indices into `rules`, at most [`MAX_GUARDED`]).
    pub(super) guarded: Vec<usize>,
    /// Per tag, whether a rule's guard reads it (its changes end a count).
    pub(super) watched: Vec<bool>,
}

impl Bulk {
    /// The rules' moments merged (at most 256 rules, none sharing a moment, at most
    /// [`MAX_GUARDED`] guarded), their guards reading the tags `watched`; `bounds` are
    /// the bounds of the program's chances (`Chance::below`), by reaction slot.
    pub fn new(
        mut rules: Vec<BulkRule>,
        cal: &Calendar,
        watched: Vec<bool>,
        bounds: &[Vec<u64>],
    ) -> Bulk {
        let mut merged: Vec<(Time, u8)> = (rules.iter().enumerate())
            .flat_map(|(r, rule)| rule.times.iter().map(move |&m| (m, r as u8)))
            .collect();
        merged.sort_unstable();
        let moments: Vec<Time> = merged.iter().map(|&(m, _)| m).collect();
        let of: Vec<u8> = merged.iter().map(|&(_, r)| r).collect();
        for (r, rule) in rules.iter_mut().enumerate() {
            rule.before = std::iter::once(0)
                .chain(of.iter().scan(0, |n, &o| {
                    *n += (o as usize == r) as u32;
                    Some(*n)
                }))
                .collect();
        }
        let first: Vec<u32> = (0..=cal.days())
            .map(|d| moments.partition_point(|&m| cal.day_of(m) < d) as u32)
            .collect();
        let guarded: Vec<usize> = (0..rules.len())
            .filter(|&r| rules[r].guard.is_some())
            .collect();
        for (k, &r) in guarded.iter().enumerate() {
            rules[r].bit = 1 << k;
        }
        let sends: Vec<Vec<u32>> = (0..1u32 << guarded.len())
            .map(|off| {
                let on = (rules.iter()).filter(|r| r.bit & off == 0);
                let on: Vec<&BulkRule> = on.collect();
                (first.windows(2))
                    .map(|w| {
                        on.iter()
                            .map(|r| r.between(w[0] as usize, w[1] as usize) as u32)
                            .sum()
                    })
                    .collect()
            })
            .collect();
        let busy = (sends.iter())
            .map(|days| {
                std::iter::once(0)
                    .chain(days.iter().scan(0, |n, &s| {
                        *n += (s > 0) as u32;
                        Some(*n)
                    }))
                    .collect()
            })
            .collect();
        let openers: Vec<Opener> = (0..moments.len())
            .filter(|&i| rules[of[i] as usize].opens)
            .map(|i| {
                let r = &rules[of[i] as usize];
                let (&below, rest) = (bounds[r.tp].split_first())
                    .expect("a touchpoint whose sends open chances has one");
                Opener {
                    at: i as u32,
                    bit: r.bit,
                    time: moments[i],
                    key: Draws::send_part(moments[i], r.tp, r.template),
                    below,
                    rest: rest.to_vec(),
                }
            })
            .collect();
        let opener = (0..=moments.len())
            .map(|i| openers.partition_point(|o| (o.at as usize) < i) as u32)
            .collect();
        let mut readers = vec![Vec::new(); rules.iter().map(|r| r.tp + 1).max().unwrap_or(0)];
        for (r, rule) in rules.iter().enumerate().filter(|(_, r)| r.read) {
            readers[rule.tp].push(r as u8);
        }
        Bulk {
            opens: rules.iter().any(|r| r.opens),
            readers,
            openers,
            opener,
            rules,
            day: moments.iter().map(|&m| cal.day_of(m) as u32).collect(),
            of,
            first,
            sends,
            busy,
            moments,
            guarded,
            watched,
        }
    }

    /// How many of moments `[from, to)` are sent while the guards of `off` are false.
    #[inline(always)]
    pub(super) fn sent(&self, off: u32, from: usize, to: usize) -> u64 {
        let all = (to - from) as u64;
        if off == 0 {
            return all;
        }
        let unsent = (self.guarded.iter())
            .filter(|&&r| self.rules[r].bit & off != 0)
            .map(|&r| self.rules[r].between(from, to));
        all - unsent.sum::<u64>()
    }

    /// Whether journey-wide rule `rule` is one of the bulk rules.
    pub(super) fn counts(&self, rule: usize) -> bool {
        self.rules.iter().any(|r| r.rule == rule)
    }

    /// The rank of the items of the rule whose moment is `i`.
    pub(super) fn rank_of(&self, i: usize) -> u64 {
        self.rules[self.of[i] as usize].rank()
    }

    /// The index of the first moment at or after `t`.
    pub(super) fn index_at(&self, t: Time) -> u32 {
        self.moments.partition_point(|&m| m < t) as u32
    }

    /// [`Bulk::index_at`] from `t`'s local day: the day's few moments read instead of
    /// a search across all of them.
    #[inline(always)]
    pub(super) fn index_in(&self, cal: &Calendar, t: Time) -> usize {
        match usize::try_from(cal.day_of(t)) {
            Ok(day) if day + 1 < self.first.len() => self.index_on(day, t),
            _ => self.index_at(t) as usize,
        }
    }

    /// [`Bulk::index_at`] for a `t` on local day `day` of the calendar: from the day's
    /// first moment, read on past the day's moments before `t` (a few at most).
    #[inline(always)]
    pub(super) fn index_on(&self, day: usize, t: Time) -> usize {
        let (mut i, end) = (self.first[day] as usize, self.first[day + 1] as usize);
        while i < end && self.moments[i] < t {
            i += 1;
        }
        i
    }
}

/// One thread's counts of the bulk rules' sends that are the same for every user who
/// reached them, kept as difference arrays (a range is two adds) and added to the
/// aggregates once per thread ([`Cover::flush`]) instead of once per user: the moments
/// that went out (each a send of its touchpoint, template and day, and a broadcast's
/// post) and the whole days inside one count, whose sends are exactly the day's
/// moments (a per-item send on such a day would have counted the bulk moments before
/// it, `User::bulk_count`): their fatigue figure.
#[derive(Debug, Default)]
pub struct Cover {
    /// Per moment and one past the last, stays starting minus stays ending there.
    moments: Vec<i64>,
    /// The same per guarded rule (as in [`Bulk::guarded`]), for the counts while its
    /// guard was false: its moments among them did not go out.
    off: Vec<Vec<i64>>,
    /// The same per local day, per set of guarded rules whose guard was false.
    days: Vec<Vec<i64>>,
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
    /// Moments `[from, to)` went out, but those of the guarded rules in `off`.
    #[inline(always)]
    pub(super) fn moments(&mut self, b: &Bulk, from: usize, to: usize, off: u32) {
        cover(&mut self.moments, b.moments.len(), from, to);
        if off != 0 {
            self.off.resize_with(b.guarded.len(), Vec::new);
            for (k, diff) in self.off.iter_mut().enumerate() {
                if off & 1 << k != 0 {
                    cover(diff, b.moments.len(), from, to);
                }
            }
        }
    }

    /// Days `[from, to)` had the rules' moments as their only sends, but those of the
    /// guarded rules in `off`.
    #[inline(always)]
    pub(super) fn days(&mut self, b: &Bulk, from: usize, to: usize, off: u32) {
        let off = off as usize;
        if self.days.len() <= off {
            self.days.resize_with(off + 1, Vec::new);
        }
        cover(&mut self.days[off], b.first.len() - 1, from, to);
    }

    /// Adds what was covered to `agg` (the sends, posts and fatigue days) and starts
    /// over.
    pub(super) fn flush(&mut self, b: &Bulk, agg: &mut Aggregates) {
        let (mut users, mut off) = (0, vec![0; self.off.len()]);
        for i in 0..self.moments.len() {
            users += std::mem::take(&mut self.moments[i]);
            for (k, diff) in self.off.iter_mut().enumerate() {
                if let Some(d) = diff.get_mut(i) {
                    off[k] += std::mem::take(d);
                }
            }
            // (no range is open at the entry past the last moment)
            if users > 0 {
                let rule = &b.rules[b.of[i] as usize];
                let users = match rule.bit {
                    0 => users,
                    bit => users - off.get(bit.trailing_zeros() as usize).unwrap_or(&0),
                };
                if users == 0 {
                    continue;
                }
                agg.touchpoints[rule.tp].sent += users as u64;
                agg.template_sends[rule.template as usize] += users as u64;
                agg.daily_sends[rule.tp][b.day[i] as usize] += users as u64;
                if rule.broadcast {
                    agg.posts[rule.template as usize].add(b.moments[i]);
                }
            }
        }
        for (off, days) in self.days.iter_mut().enumerate() {
            for (day, diff) in days.iter_mut().enumerate() {
                users += std::mem::take(diff);
                if users > 0 {
                    let sends = b.sends[off][day] as usize;
                    if sends > 0 {
                        agg.fatigue.add(sends, users as u64);
                    }
                }
            }
        }
    }
}
