//! A team's queue (§10, without `hours`: 00:00..24:00 every day), replayed from the
//! moments its tasks were created: each local day is cut into `capacity` equal slots; a
//! slot serves the oldest task waiting at its start and the task is done at the slot's
//! end; a slot with nothing waiting is lost.
//!
//! Slot `s` (numbered from local midnight of the run's first day) lasts from
//! `s·1440/c` to `(s+1)·1440/c` local minutes. Tasks are served first in, first out, so
//! the tasks of one creation minute take consecutive slots from the first free one that
//! starts at or after that minute: the queue is replayed per minute, not per slot or
//! task, and re-running it for another capacity is cheap.
//!
//! Not yet (issue 15): working `hours`, service levels (`within_sla`), tasks dropped
//! when their user leaves the stage, and holdout users' tasks suppressed.

use super::aggregate::Counts;

const DAY_MINUTES: u128 = 1440;

/// Tasks created in one minute and the slots that served them.
#[derive(Clone, Copy, Debug)]
struct Service {
    minute: u128,
    count: u64,
    /// The first slot serving them, and how many of them were served (the others were
    /// still waiting at the end of the run).
    first_slot: u128,
    served: u64,
}

/// The queue of tasks `created` (local minute → tasks) for `capacity` slots a day, over
/// the slots that end by local minute `end_minute`.
fn serve(created: &Counts, capacity: u32, end_minute: u64) -> Vec<Service> {
    let c = capacity as u128;
    let usable = end_minute as u128 * c / DAY_MINUTES;
    let mut next = 0;
    created
        .iter()
        .map(|(minute, count)| {
            let minute = minute as u128;
            // the first slot starting at or after the minute: s·1440 ≥ minute·c
            let first_slot = next.max((minute * c).div_ceil(DAY_MINUTES));
            let served = (count as u128).min(usable.saturating_sub(first_slot)) as u64;
            next = first_slot + served as u128;
            Service {
                minute,
                count,
                first_slot,
                served,
            }
        })
        .collect()
}

/// A local day of the queue.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct QueueDay {
    pub created: u64,
    pub done: u64,
    /// Tasks waiting at the day's end.
    pub backlog: u64,
}

/// What a team's queue did over the run.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamQueue {
    pub created: u64,
    pub done: u64,
    pub backlog_end: u64,
    /// The most tasks waiting at any moment.
    pub peak_backlog: u64,
    pub daily: Vec<QueueDay>,
    /// Created → done in minutes, exact, over tasks done (`None`: none done).
    pub wait_p50_minutes: Option<f64>,
    pub wait_p90_minutes: Option<f64>,
}

/// Replays the queue of tasks `created` for `capacity` tasks a day over `days` local
/// days, counting the slots that end by local minute `end_minute`.
pub fn replay(created: &Counts, capacity: u32, days: usize, end_minute: u64) -> TeamQueue {
    let services = serve(created, capacity, end_minute);
    let c = capacity as u128;
    let total: u64 = services.iter().map(|s| s.count).sum();
    let done: u64 = services.iter().map(|s| s.served).sum();
    let mut daily = vec![QueueDay::default(); days];
    let day = |d: u128| (d as usize).min(days.saturating_sub(1));
    for s in &services {
        daily[day(s.minute / DAY_MINUTES)].created += s.count;
        // the served slots, day by day (slot s is in day s / c)
        let (mut slot, end) = (s.first_slot, s.first_slot + s.served as u128);
        while slot < end {
            let day_end = (slot / c + 1) * c;
            let upto = end.min(day_end);
            daily[day(slot / c)].done += (upto - slot) as u64;
            slot = upto;
        }
    }
    let mut backlog = 0;
    for d in &mut daily {
        backlog = backlog + d.created - d.done;
        d.backlog = backlog;
    }
    let wait = |q: f64| wait_quantile(&services, c, done, q).map(|w| w as f64 / c as f64);
    TeamQueue {
        created: total,
        done,
        backlog_end: total - done,
        peak_backlog: peak_backlog(&services, c),
        daily,
        wait_p50_minutes: wait(0.5),
        wait_p90_minutes: wait(0.9),
    }
}

/// The backlog (tasks created and not done) is largest just after some tasks were
/// created: at minute `m`, the tasks created by then less those whose slot ended by then
/// (`s + 1 ≤ m·c/1440`). Services take slots in order, so the ones before `ended` are
/// done, and `ended` itself may be under way.
fn peak_backlog(services: &[Service], c: u128) -> u64 {
    let (mut created, mut done, mut peak, mut ended) = (0u64, 0u64, 0u64, 0);
    for (i, s) in services.iter().enumerate() {
        created += s.count;
        let ended_slots = s.minute * c / DAY_MINUTES;
        let end_of = |o: &Service| o.first_slot + o.served as u128;
        while ended < i && end_of(&services[ended]) <= ended_slots {
            done += services[ended].served;
            ended += 1;
        }
        let under_way = services[ended..i].first().map_or(0, |o| {
            ended_slots
                .saturating_sub(o.first_slot)
                .min(o.served as u128) as u64
        });
        peak = peak.max(created - done - under_way);
    }
    peak
}

/// The `q` quantile of the waits of the tasks done, in 1/c minutes (rank ⌈q·n⌉): the
/// smallest wait `v` that at least that many tasks waited at most. The waits of one
/// service are `(first_slot + j + 1)·1440 − minute·c` for `j < served`.
fn wait_quantile(services: &[Service], c: u128, done: u64, q: f64) -> Option<u128> {
    if done == 0 {
        return None;
    }
    let rank = ((q * done as f64).ceil() as u64).clamp(1, done);
    let at_most = |v: u128| -> u64 {
        services
            .iter()
            .map(|s| {
                let slots_ended = (v + s.minute * c) / DAY_MINUTES; // (first + j + 1) ≤ this
                slots_ended
                    .saturating_sub(s.first_slot)
                    .min(s.served as u128) as u64
            })
            .sum()
    };
    let (mut low, mut high) = (
        0u128,
        services
            .iter()
            .map(|s| s.first_slot + s.served as u128)
            .max()?
            * DAY_MINUTES,
    );
    while low < high {
        let mid = low + (high - low) / 2;
        if at_most(mid) >= rank {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    Some(low)
}

/// The tasks still waiting at the end of the run with `capacity` a day.
fn backlog_end(created: &Counts, capacity: u32, end_minute: u64) -> u64 {
    serve(created, capacity, end_minute)
        .iter()
        .map(|s| s.count - s.served)
        .sum()
}

/// Without service levels (§5): the smallest capacity a day with which the backlog at
/// the end of the run is at most one day's capacity, found by re-running the queue
/// (a binary search: more capacity never leaves a longer backlog). `None` without tasks,
/// or when no capacity up to 100× the demand (tasks created per day of the run) does it.
pub fn suggested_capacity(created: &Counts, run_days: u32, end_minute: u64) -> Option<u32> {
    let total: u64 = created.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    let demand = total.div_ceil(run_days.max(1) as u64);
    let most = demand.saturating_mul(100).min(u32::MAX as u64) as u32;
    let enough = |c: u32| backlog_end(created, c, end_minute) <= c as u64;
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
mod tests {
    use super::*;

    fn tasks(pairs: &[(u32, u64)]) -> Counts {
        pairs.to_vec().into()
    }

    const H: u32 = 60;
    const D: u32 = 1440;

    #[test]
    fn four_slots_a_day_serve_first_in_first_out() {
        // capacity 4: slots at 00:00, 06:00, 12:00, 18:00, each 6 h long
        // 2 tasks at 05:00 → slots 06:00 (done 12:00) and 12:00 (done 18:00);
        // 1 task at 07:00 → slot 18:00 (done 24:00); 1 task at 23:00 → slot day 2 00:00
        let q = replay(
            &tasks(&[(5 * H, 2), (7 * H, 1), (23 * H, 1)]),
            4,
            2,
            2 * D as u64,
        );
        assert_eq!((q.created, q.done, q.backlog_end), (4, 4, 0));
        assert_eq!(
            q.daily,
            [
                QueueDay {
                    created: 4,
                    done: 3,
                    backlog: 1
                },
                QueueDay {
                    created: 0,
                    done: 1,
                    backlog: 0
                }
            ]
        );
        // waits: 7 h, 13 h, 17 h, 7 h → p50 (rank 2) 7 h, p90 (rank 4) 17 h
        assert_eq!(q.wait_p50_minutes, Some(7.0 * 60.0));
        assert_eq!(q.wait_p90_minutes, Some(17.0 * 60.0));
        // a task counts in the backlog until done: 2 at 05:00, 3 at 07:00, and at
        // 23:00 the 05:00 ones are done and the 07:00 one is being served: 2
        assert_eq!(q.peak_backlog, 3);
    }

    #[test]
    fn an_idle_slot_is_lost_and_a_task_waits_for_the_next_slot_start() {
        // capacity 2: slots 00:00 and 12:00. A task at 00:00 is served at once (done
        // 12:00); a task at 00:01 waits for the 12:00 slot; the 00:00 slot of day 2 is
        // idle and a task at 00:01 on day 2 waits for 12:00.
        let q = replay(&tasks(&[(0, 1), (1, 1), (D + 1, 1)]), 2, 2, 2 * D as u64);
        assert_eq!(q.done, 3);
        assert_eq!(q.daily[0].done, 2);
        assert_eq!(q.daily[1].done, 1);
        // waits 12 h, 23 h 59, 23 h 59 (done at 24:00 on day 2)
        assert_eq!(q.wait_p50_minutes, Some((24 * 60 - 1) as f64));
        assert_eq!(q.peak_backlog, 2);
    }

    #[test]
    fn slots_ending_after_the_run_do_not_count() {
        // capacity 1: one slot a day, done at midnight; 3 tasks at 01:00 on day 1 wait
        // for day 2's slot
        let created = tasks(&[(H, 3)]);
        let q = replay(&created, 1, 2, 2 * D as u64);
        assert_eq!((q.done, q.backlog_end), (1, 2));
        assert_eq!((q.daily[0].backlog, q.daily[1].backlog), (3, 2));
        assert_eq!(q.peak_backlog, 3);
        assert_eq!(q.wait_p90_minutes, Some((2 * D - H) as f64));
        // the run ends at 12:00 on day 2: that slot ends after it
        let q = replay(&created, 1, 2, (D + 12 * H) as u64);
        assert_eq!((q.done, q.backlog_end), (0, 3));
        assert_eq!(q.wait_p50_minutes, None);
    }

    #[test]
    fn capacity_that_does_not_divide_the_day_cuts_it_exactly() {
        // capacity 7: slot s spans s·1440/7 minutes; a task at minute 206 waits for
        // slot 2 (starting at 411 3/7) rather than slot 1 (205 5/7)
        let q = replay(&tasks(&[(206, 1)]), 7, 1, D as u64);
        let wait = q.wait_p50_minutes.unwrap();
        assert!((wait - (3.0 * 1440.0 / 7.0 - 206.0)).abs() < 1e-9, "{wait}");
    }

    #[test]
    fn suggested_capacity_is_the_least_that_clears_the_backlog_to_a_day() {
        // 100 tasks at 00:00 on day 1 of a 1-day run: with c a day, c are done by the
        // end; the backlog 100 − c ≤ c first holds at c = 50
        let created = tasks(&[(0, 100)]);
        assert_eq!(suggested_capacity(&created, 1, D as u64), Some(50));
        assert_eq!(backlog_end(&created, 49, D as u64), 51);
        assert_eq!(suggested_capacity(&tasks(&[]), 1, D as u64), None);
        // created a minute before the end, no slot finishes them: the backlog is all
        // 1,000, one day's capacity at 1,000 a day
        let late = tasks(&[(D - 1, 1000)]);
        assert_eq!(suggested_capacity(&late, 1, D as u64), Some(1000));
        // over 200 days the demand is 5 a day: 500 a day is not enough
        let late = tasks(&[(200 * D - 1, 1000)]);
        assert_eq!(suggested_capacity(&late, 200, 200 * D as u64), None);
    }
}
