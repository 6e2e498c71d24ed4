//! A team's queue (language v2 §5, §10 "Team pace, exactly"), replayed after the run
//! from its tasks ([`TaskCounts`]): each working day's hours `[a, b)` are cut into
//! `capacity` equal slots; a slot serves the oldest task waiting at its start (created
//! at or before it, and not yet dropped), and the task is done at the slot's end; a
//! slot with nothing waiting is lost. A task whose user left before a slot reached it
//! is dropped then and never uses a slot.
//!
//! Times are counted in ticks of `1/capacity` minute from local midnight of the run's
//! first day, so every slot starts and ends on a whole tick: slot `k` of a working day
//! `d` starts at `(d·1440 + a)·c + k·(b − a)` and lasts `b − a` ticks. Slots are
//! numbered in time order over the working days only.
//!
//! Tasks are served first in, first out, so the tasks of one key take consecutive slots
//! from the first free one that starts at or after their creation, until they are all
//! reached or their user leaves: the queue is replayed per key, not per slot or task,
//! and re-running it for another capacity is cheap. That is exact: a younger key is
//! served only at slots where every older one was exhausted or dropped, and a dropped
//! task never comes back, so no older task is served after a younger one.

use super::aggregate::{TaskCounts, TaskKey, NO_MINUTE};
use crate::units::{DaySet, Weekday};
use serde::{Deserialize, Serialize};

const DAY_MINUTES: u64 = 1440;

/// When a team works: `[from, to)` in minutes after local midnight on `days`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hours {
    pub days: DaySet,
    pub from: u32,
    pub to: u32,
}

impl Hours {
    /// Without `hours`: `00:00..24:00` every day.
    pub const ALL_DAY: Hours = Hours {
        days: DaySet::DAILY,
        from: 0,
        to: 1440,
    };

    /// Some working time every week, within one day: what the queue needs to end.
    pub fn is_valid(&self) -> bool {
        let week = DaySet::DAILY.union(self.days) == DaySet::DAILY;
        week && !self.days.is_empty() && self.from < self.to && self.to <= 1440
    }
}

/// A team's slots: its hours, its capacity a day, and the weekday of the run's first
/// local day (0 for Monday).
#[derive(Clone, Copy, Debug)]
pub struct Pace {
    pub hours: Hours,
    pub capacity: u32,
    pub first_weekday: u32,
}

/// All of it in 64 bits: a capacity and a minute are below 2^32, so a tick of any minute
/// (`minute · capacity`) is below 2^64; a day's ticks (`1440 · c`) below 2^43; and a
/// slot's number (`working days before · c + c`) at most a tick's divided by the hours'
/// length, plus `c`. The end of a slot ([`Pace::slot_end`]) is asked only of slots done
/// within the run, so it is a tick of a minute of the run.
impl Pace {
    fn c(&self) -> u64 {
        self.capacity as u64
    }

    fn ticks(&self, minute: u32) -> u64 {
        minute as u64 * self.c()
    }

    /// The working days of the week from the run's first day: bit `k` when local days
    /// `k`, `k + 7`, … are working days.
    fn week(&self) -> u32 {
        let first = Weekday::ALL[(self.first_weekday % 7) as usize];
        self.hours.days.week_from(first) & 0x7f
    }

    fn works(&self, day: u64) -> bool {
        self.week() >> (day % 7) & 1 == 1
    }

    /// Working days among local days `0..day`.
    fn working_days_before(&self, day: u64) -> u64 {
        let week = self.week();
        let rest = week & ((1 << (day % 7)) - 1);
        day / 7 * week.count_ones() as u64 + rest.count_ones() as u64
    }

    /// The local day of working day `i` (from 0).
    fn working_day(&self, i: u64) -> u64 {
        let week = self.week();
        let per_week = week.count_ones().max(1) as u64;
        // the week's days left after dropping its first `i % per_week` working days
        let later = (0..i % per_week).fold(week, |bits, _| bits & (bits - 1));
        i / per_week * 7 + later.trailing_zeros() as u64
    }

    /// Where local minute `minute` falls in the working time, at any capacity.
    fn worked(&self, minute: u32) -> Worked {
        let (day, within) = (minute as u64 / DAY_MINUTES, minute as u64 % DAY_MINUTES);
        let (from, length) = (self.hours.from as u64, self.length());
        let into = match self.works(day) {
            true => within.saturating_sub(from).min(length),
            false => 0,
        };
        // (a day of a minute is below 2^32 / 1440, its minutes below 1440)
        Worked {
            days: self.working_days_before(day) as u32,
            into: into as u32,
        }
    }

    fn length(&self) -> u64 {
        (self.hours.to - self.hours.from) as u64
    }

    /// Slots that start before the minute of `w` (at its tick): the index of the first
    /// slot starting at or after it. Its working day's slot `k` started before it when
    /// `k·(b − a) < into·c`.
    fn started_by(&self, w: Worked) -> u64 {
        if self.capacity == 0 {
            return 0;
        }
        w.days as u64 * self.c() + (w.into as u64 * self.c()).div_ceil(self.length())
    }

    /// Slots that end at or before the minute of `w`: `(k + 1)·(b − a) ≤ into·c`.
    fn ended_by(&self, w: Worked) -> u64 {
        if self.capacity == 0 {
            return 0;
        }
        w.days as u64 * self.c() + w.into as u64 * self.c() / self.length()
    }

    /// The local day slot `n` is in.
    fn day_of_slot(&self, n: u64) -> u64 {
        self.working_day(n / self.c())
    }

    /// The tick slot `n` ends at: the first tick `t` at which slot `n` has ended. Slot
    /// `k` of its day has ended once `(k + 1)·(b − a) ≤ t − a·c` on that day.
    fn slot_end(&self, n: u64) -> u64 {
        let (c, length) = (self.c(), self.length());
        let day = self.day_of_slot(n);
        (day * DAY_MINUTES + self.hours.from as u64) * c + (n % c + 1) * length
    }
}

/// A task of the user being simulated that the queue cannot place yet: its user has
/// not left the stage (or, for a journey-wide rule's task, the journey); `sim::tasks`
/// keeps them.
#[derive(Clone, Copy, Debug)]
pub struct OpenTask {
    pub team: u16,
    pub created: u32,
    pub deadline: u32,
    /// Closed when the user leaves the stage (else only when they leave the journey).
    pub stage: bool,
}

/// Where a minute falls in a team's working time, whatever the capacity: the working
/// days before its local day, and the minutes of its day's working hours before it
/// (`0..=b − a`). The slots started or ended by then are counted from it with one
/// division ([`Pace::started_by`], [`Pace::ended_by`]).
#[derive(Clone, Copy, Debug)]
struct Worked {
    days: u32,
    into: u32,
}

/// Tasks of one key, with the minutes the queue reads placed in the working time once
/// for every capacity it is run at.
#[derive(Clone, Copy, Debug)]
struct Placed {
    key: TaskKey,
    count: u64,
    created: Worked,
    /// Slots starting before it reach the tasks: their user's leaving, or the end.
    stop: Worked,
    /// Their user left before the end.
    gone: bool,
    /// The service level's deadline, when it falls inside the run.
    deadline: Option<Worked>,
}

/// The keys of `tasks` placed in `pace`'s working time (its capacity aside), for a
/// queue run until local minute `end_minute`.
fn place<'t>(
    tasks: &'t TaskCounts,
    pace: &'t Pace,
    end_minute: u32,
) -> impl Iterator<Item = Placed> + 't {
    (tasks.iter()).map(move |(key, count)| {
        let gone = key.left < end_minute;
        let judged = key.deadline != NO_MINUTE && key.deadline <= end_minute;
        Placed {
            key,
            count,
            created: pace.worked(key.created),
            stop: pace.worked(if gone { key.left } else { end_minute }),
            gone,
            deadline: judged.then(|| pace.worked(key.deadline)),
        }
    })
}

/// Tasks of one key and what the queue did with them.
#[derive(Clone, Copy, Debug)]
struct Service {
    key: TaskKey,
    count: u64,
    deadline: Option<Worked>,
    /// The first slot serving them, and how many of the slots that reached them ended
    /// within the run (the others were under way at its end).
    first_slot: u64,
    done: u64,
    dropped: u64,
}

/// The queue of the `placed` tasks at `pace`, run until local minute `end_minute`,
/// key by key.
fn serve<'p>(
    placed: impl Iterator<Item = Placed> + 'p,
    pace: &'p Pace,
    end_minute: u32,
) -> impl Iterator<Item = Service> + 'p {
    let ended_by_end = pace.ended_by(pace.worked(end_minute));
    // (a `map`, not a `scan`: the replay's list of services is sized from the keys'
    // count at once, not grown by doubling, which held up to three times its size)
    let mut next = 0;
    placed.map(move |p| {
        let first_slot = next.max(pace.started_by(p.created));
        // slots starting before the user left reach the task (none after the end)
        let reached = p
            .count
            .min(pace.started_by(p.stop).saturating_sub(first_slot));
        let done = reached.min(ended_by_end.saturating_sub(first_slot));
        next = first_slot + reached;
        Service {
            key: p.key,
            count: p.count,
            deadline: p.deadline,
            first_slot,
            done,
            dropped: if p.gone { p.count - reached } else { 0 },
        }
    })
}

/// A local day of the queue.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct QueueDay {
    pub created: u64,
    pub done: u64,
    pub dropped: u64,
    /// Tasks waiting (created, not done, not dropped) at the day's end.
    pub backlog: u64,
}

/// What a team's queue did over the run.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamQueue {
    pub created: u64,
    pub done: u64,
    pub dropped: u64,
    pub backlog_end: u64,
    /// The most tasks waiting at any moment.
    pub peak_backlog: u64,
    pub daily: Vec<QueueDay>,
    /// Created → done in minutes, exact, over tasks done (`None`: none done).
    pub wait_p50_minutes: Option<f64>,
    pub wait_p90_minutes: Option<f64>,
    /// Among tasks with a service level, not dropped, whose deadline fell inside the
    /// run, the share done by their deadline (`None`: no such task).
    pub within_sla: Option<f64>,
}

/// Replays the queue of `tasks` at `pace` over `days` local days, until local minute
/// `end_minute`.
pub fn replay(tasks: &TaskCounts, pace: &Pace, days: usize, end_minute: u32) -> TeamQueue {
    // placed as they are served: one pass, no list of them kept
    let placed = place(tasks, pace, end_minute);
    let services: Vec<Service> = serve(placed, pace, end_minute).collect();
    let sum = |f: fn(&Service) -> u64| services.iter().map(f).sum::<u64>();
    let (created, done, dropped) = (sum(|s| s.count), sum(|s| s.done), sum(|s| s.dropped));
    let mut daily = vec![QueueDay::default(); days];
    let day = |minute: u64| (minute / DAY_MINUTES).min(days.saturating_sub(1) as u64) as usize;
    let c = pace.c();
    for s in &services {
        daily[day(s.key.created as u64)].created += s.count;
        if s.dropped > 0 {
            daily[day(s.key.left as u64)].dropped += s.dropped;
        }
        // the slots done, a working day at a time
        let (mut slot, end) = (s.first_slot, s.first_slot + s.done);
        while slot < end {
            let upto = end.min((slot / c + 1) * c);
            daily[day(pace.day_of_slot(slot) * DAY_MINUTES)].done += upto - slot;
            slot = upto;
        }
    }
    let mut backlog = 0;
    for d in &mut daily {
        backlog = backlog + d.created - d.done - d.dropped;
        d.backlog = backlog;
    }
    let mut waits = waits(&services, pace);
    let mut wait = |q: f64| wait_quantile(&mut waits, q).map(|w| w as f64 / c as f64);
    let (met, judged) = service_level(services.iter().copied(), pace);
    TeamQueue {
        created,
        done,
        dropped,
        backlog_end: created - done - dropped,
        peak_backlog: peak_backlog(&services, pace),
        daily,
        wait_p50_minutes: wait(0.5),
        wait_p90_minutes: wait(0.9),
        within_sla: (judged > 0).then(|| met as f64 / judged as f64),
    }
}

/// Tasks done by their deadline, and the tasks judged (language v2 §10: with a service
/// level, not dropped, the deadline inside the run). A key's done slots end in order,
/// so those ending by the deadline are the first ones.
fn service_level(services: impl Iterator<Item = Service>, pace: &Pace) -> (u64, u64) {
    services.fold((0, 0), |(met, all), s| match s.deadline {
        Some(deadline) => {
            let by_deadline = pace.ended_by(deadline);
            let in_time = by_deadline.saturating_sub(s.first_slot).min(s.done);
            (met + in_time, all + s.count - s.dropped)
        }
        None => (met, all),
    })
}

/// The backlog (tasks created, not done, not dropped) is largest just after some tasks
/// were created: at minute `m`, the tasks created by then, less those dropped by then
/// (their user left at or before `m`), less those whose slot ended by then. Keys take
/// slots in order, so the slots done by a moment are counted with a binary search over
/// the keys' first slots.
fn peak_backlog(services: &[Service], pace: &Pace) -> u64 {
    let mut drops: Vec<(u32, u64)> = (services.iter())
        .filter(|s| s.dropped > 0)
        .map(|s| (s.key.left, s.dropped))
        .collect();
    drops.sort_unstable();
    let dropped_by = prefix(drops.iter().map(|d| d.1));
    let done_by = prefix(services.iter().map(|s| s.done));
    let (mut created, mut peak) = (0u64, 0u64);
    for (i, s) in services.iter().enumerate() {
        created += s.count;
        let last_of_minute = services
            .get(i + 1)
            .is_none_or(|n| n.key.created != s.key.created);
        if !last_of_minute {
            continue;
        }
        let m = s.key.created;
        let dropped = dropped_by[drops.partition_point(|d| d.0 <= m)];
        let ended = pace.ended_by(pace.worked(m));
        // keys wholly done by then, and the part of the next one
        let whole = services[..=i].partition_point(|o| o.first_slot + o.done <= ended);
        let part = services[whole..=i]
            .first()
            .map_or(0, |o| ended.saturating_sub(o.first_slot).min(o.done));
        peak = peak.max(created - dropped.min(created) - (done_by[whole] + part).min(created));
    }
    peak
}

/// `[0, a0, a0 + a1, …]`.
fn prefix(values: impl Iterator<Item = u64>) -> Vec<u64> {
    std::iter::once(0)
        .chain(values.scan(0, |sum, v| {
            *sum += v;
            Some(*sum)
        }))
        .collect()
}

/// The waits of the tasks done, in ticks, in no order: a key's done tasks take its
/// slots from `first_slot` on, each waiting from the key's creation to its slot's end.
fn waits(services: &[Service], pace: &Pace) -> Vec<u64> {
    let mut waits = Vec::with_capacity(services.iter().map(|s| s.done as usize).sum());
    for s in services {
        let created = pace.ticks(s.key.created);
        let slots = s.first_slot..s.first_slot + s.done;
        waits.extend(slots.map(|n| pace.slot_end(n) - created));
    }
    waits
}

/// The `q` quantile of the `waits` of the tasks done (rank ⌈q·n⌉): the smallest wait
/// `v` that at least that many tasks waited at most, the rank-th smallest wait.
fn wait_quantile(waits: &mut [u64], q: f64) -> Option<u64> {
    let done = waits.len() as u64;
    if done == 0 {
        return None;
    }
    let rank = ((q * done as f64).ceil() as u64).clamp(1, done);
    Some(*waits.select_nth_unstable(rank as usize - 1).1)
}

/// §5's suggested capacity: the smallest capacity a day with which at least 90% of the
/// judged tasks meet their service level (`within_sla`'s denominator; a capacity with
/// none judged passes); when no task has a deadline inside the run, with which the
/// backlog at the end is at most one day's capacity. `None` without tasks, or when no
/// capacity up to 100× the demand (tasks created per day of the run) does it.
///
/// Found by bisection over the capacity, re-running the queue each time (its keys
/// placed in the working time once). More capacity
/// puts more slots into every stretch of working time, so the queue runs no slower over
/// any span of a day or more; but the slots' boundaries move (with 3 slots a day a task
/// at 07:12 is done at 16:00, with 4 at 18:00), so a single task's finish is not
/// monotone in the capacity, and neither, by a margin of such tasks, is the criterion.
/// The bisection returns a capacity that meets it and whose one-less does not; a
/// smaller one meeting it by such a boundary effect is not looked for.
pub fn suggested_capacity(
    tasks: &TaskCounts,
    hours: Hours,
    first_weekday: u32,
    run_days: u32,
    end_minute: u32,
) -> Option<u32> {
    let total = tasks.total();
    if total == 0 {
        return None;
    }
    let demand = total.div_ceil(run_days.max(1) as u64);
    let most = demand.saturating_mul(100).min(u32::MAX as u64) as u32;
    let pace = |capacity| Pace {
        hours,
        capacity,
        first_weekday,
    };
    // (the capacity places nothing)
    let placed: Vec<Placed> = place(tasks, &pace(most), end_minute).collect();
    let by_deadline = placed.iter().any(|p| p.deadline.is_some());
    let enough = |capacity: u32| {
        let pace = pace(capacity);
        let services = serve(placed.iter().copied(), &pace, end_minute);
        if by_deadline {
            let (met, judged) = service_level(services, &pace);
            // at least 90%, inclusive, in whole numbers: met / judged ≥ 9 / 10
            met * 10 >= judged * 9
        } else {
            let waiting: u64 = services.map(|s| s.count - s.done - s.dropped).sum();
            waiting <= capacity as u64
        }
    };
    if !enough(most) {
        return None;
    }
    let (mut low, mut high) = (1u32, most);
    while low < high {
        let mid = low + (high - low) / 2;
        if enough(mid) {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    Some(low)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod wide;
